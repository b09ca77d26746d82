//! Python's `socketserver`: [`TCPServer`], [`UDPServer`], their Unix-domain forms
//! ([`UnixStreamServer`], [`UnixDatagramServer`]) and threading forms
//! ([`ThreadingTCPServer`], [`ThreadingUDPServer`], ...), with the
//! [`StreamRequestHandler`] and [`DatagramRequestHandler`] a server runs for each
//! request.
//!
//! A request handler is a value shared by every request (a closure will do);
//! what CPython keeps on the handler instance (`rfile`, `wfile`, `client_address`,
//! `server`) is the [`StreamRequest`] or [`DatagramRequest`] it is given. The
//! overridable server methods (`verify_request`, `handle_error`,
//! `service_actions`, `handle_timeout`) are callbacks set on the server. A handler
//! that fails or panics is reported through `handle_error` and the server goes on.
//!
//! ```no_run
//! use std::io::{BufRead, Write};
//! use std::sync::Arc;
//! use netstd_socketserver::{StreamRequest, ThreadingTCPServer};
//! let server = Arc::new(ThreadingTCPServer::new(("127.0.0.1", 0), |req: &mut StreamRequest| {
//!     let mut line = String::new();
//!     req.read_line(&mut line)?;
//!     req.write_all(line.to_uppercase().as_bytes())
//! })?);
//! let running = server.clone();
//! let thread = std::thread::spawn(move || running.serve_forever());
//! println!("serving on {}", server.server_address());
//! server.shutdown();
//! thread.join().unwrap()?;
//! # Ok::<(), netstd_socketserver::Error>(())
//! ```

#[cfg(feature = "tokio")]
pub mod aio;
mod handler;
mod server;

pub use handler::{DatagramRequest, DatagramRequestHandler, StreamRequest, StreamRequestHandler};
pub use server::{
    DatagramServer, Mode, Sequential, ServerInfo, ServerOptions, StreamServer, TCPServer,
    Threading, ThreadingTCPServer, ThreadingUDPServer, ThreadingUnixDatagramServer,
    ThreadingUnixStreamServer, UDPServer, UnixDatagramServer, UnixStreamServer,
};
#[cfg(unix)]
pub use server::{
    Forking, ForkingTCPServer, ForkingUDPServer, ForkingUnixDatagramServer, ForkingUnixStreamServer,
};

/// The errors of `socketserver`: the socket's (`OSError` and kin) and a handler's
/// panic.
///
/// ```
/// let e = netstd_socketserver::Error::HandlerPanicked("boom".into());
/// assert_eq!(e.python_name(), "Exception");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A socket error (`OSError`).
    #[error(transparent)]
    OSError(#[from] std::io::Error),
    /// A bad argument (`ValueError`).
    #[error("{0}")]
    ValueError(String),
    /// A request handler panicked (CPython's handler raising an exception).
    #[error("the request handler panicked: {0}")]
    HandlerPanicked(String),
}

impl Error {
    /// The name of the Python exception class this error stands for.
    pub fn python_name(&self) -> &'static str {
        match self {
            Error::OSError(e) => {
                netstd_core::Error::from(std::io::Error::new(e.kind(), "")).python_name()
            }
            Error::ValueError(_) => "ValueError",
            Error::HandlerPanicked(_) => "Exception",
        }
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
