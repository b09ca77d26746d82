//! Python's `http.server`: [`HTTPServer`], [`ThreadingHTTPServer`], the
//! [`BaseHTTPRequestHandler`] state a handler works with, the
//! [`HTTPRequestHandler`] trait with its `do_<METHOD>` methods, and
//! [`SimpleHTTPRequestHandler`], the file server of `python -m http.server`.
//!
//! Built on netstd-socketserver and netstd-http (never on the client). Beyond
//! CPython, by default: requests whose body framing is ambiguous, whose request
//! line ends in a bare LF or whose headers use obsolete folding are answered 400
//! and the connection closed; a handler that leaves a body unread closes its
//! connection; response headers cannot carry CR or LF; a silent client is dropped
//! after 60 seconds.
//!
//! ```no_run
//! use std::io::Write;
//! use netstd_httpserver::{BaseHTTPRequestHandler, HTTPRequestHandler, ThreadingHTTPServer};
//! struct Api;
//! impl HTTPRequestHandler for Api {
//!     fn protocol_version(&self) -> &str { "HTTP/1.1" }
//!     fn do_GET(&self, r: &mut BaseHTTPRequestHandler<'_>) -> std::io::Result<()> {
//!         let body = b"{\"ok\": true}";
//!         r.send_response(200, None)?;
//!         r.send_header("Content-Type", "application/json")?;
//!         r.send_header("Content-Length", &body.len().to_string())?;
//!         r.end_headers()?;
//!         r.wfile().write_all(body)
//!     }
//! }
//! ThreadingHTTPServer::new(("127.0.0.1", 8000), Api)?.serve_forever()?;
//! # Ok::<(), netstd_socketserver::Error>(())
//! ```

#[cfg(feature = "tokio")]
pub mod aio;
mod cgi;
mod dates;
mod exchange;
mod handler;
mod server;
mod simple;

#[allow(deprecated)]
pub use cgi::CGIHTTPRequestHandler;
pub use handler::{
    BaseHTTPRequestHandler, DEFAULT_ERROR_CONTENT_TYPE, DEFAULT_ERROR_MESSAGE, HTTPRequestHandler,
    SYS_VERSION, escape_controls,
};
pub use server::{HTTPServer, Served, Server, ThreadingHTTPServer};
pub use simple::SimpleHTTPRequestHandler;
