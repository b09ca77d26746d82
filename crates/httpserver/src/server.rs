//! `HTTPServer` and `ThreadingHTTPServer`: socketserver's stream server running an
//! [`HTTPRequestHandler`] on each connection.

use std::io;
use std::net::ToSocketAddrs;
use std::ops::Deref;

use netstd_socketserver::{
    Mode, Result, Sequential, ServerOptions, StreamRequest, StreamRequestHandler, StreamServer,
    Threading,
};

use crate::handler::{BaseHTTPRequestHandler, HTTPRequestHandler};

/// The socketserver handler that serves HTTP on a connection with `H`.
#[derive(Debug)]
pub struct Served<H>(H);

impl<H: HTTPRequestHandler> StreamRequestHandler for Served<H> {
    fn handle(&self, req: &mut StreamRequest) -> io::Result<()> {
        BaseHTTPRequestHandler::serve(&self.0, req)
    }
}

/// The server behind Python's `http.server.HTTPServer` and `ThreadingHTTPServer`
/// (the aliases fix its [`Mode`]): a socketserver [`StreamServer`] with
/// `allow_reuse_address` on, whose connections are served by an
/// [`HTTPRequestHandler`]. Everything of the stream server (`serve_forever`,
/// `shutdown`, `server_address`, ...) is available through it.
///
/// ```no_run
/// use netstd_httpserver::{HTTPServer, SimpleHTTPRequestHandler};
/// let httpd = HTTPServer::new(("127.0.0.1", 8000), SimpleHTTPRequestHandler::new("."))?;
/// httpd.serve_forever()?;
/// # Ok::<(), netstd_socketserver::Error>(())
/// ```
#[derive(Debug)]
pub struct Server<H: HTTPRequestHandler, M: Mode> {
    inner: StreamServer<Served<H>, M>,
}

/// Python's `http.server.HTTPServer`: one request at a time.
pub type HTTPServer<H> = Server<H, Sequential>;
/// Python's `http.server.ThreadingHTTPServer`: a thread per connection
/// (`daemon_threads` on, as CPython).
pub type ThreadingHTTPServer<H> = Server<H, Threading>;

macro_rules! http_constructors {
    ($mode:ty, $python:literal, $daemon:expr) => {
        impl<H: HTTPRequestHandler> Server<H, $mode> {
            #[doc = concat!("`", $python, "(server_address, RequestHandlerClass)`.")]
            pub fn new(server_address: impl ToSocketAddrs, handler: H) -> Result<Self> {
                Self::new_with(server_address, handler, ServerOptions::new())
            }

            /// The same with socketserver's options (`allow_reuse_address` is
            /// turned on, as `HTTPServer` does, and the listen backlog is at least
            /// 128: CPython's 5 makes clients that connect together wait a second
            /// for a retried handshake).
            pub fn new_with(
                server_address: impl ToSocketAddrs,
                handler: H,
                opts: ServerOptions,
            ) -> Result<Self> {
                let backlog = opts.options_request_queue_size().max(128);
                let opts = opts
                    .allow_reuse_address(true)
                    .daemon_threads($daemon)
                    .request_queue_size(backlog);
                Ok(Server {
                    inner: StreamServer::<Served<H>, $mode>::new_with(
                        server_address,
                        Served(handler),
                        opts,
                    )?,
                })
            }
        }
    };
}

http_constructors!(Sequential, "HTTPServer", false);
http_constructors!(Threading, "ThreadingHTTPServer", true);

impl<H: HTTPRequestHandler, M: Mode> Deref for Server<H, M> {
    type Target = StreamServer<Served<H>, M>;
    fn deref(&self) -> &Self::Target {
        &self.inner
    }
}

impl<H: HTTPRequestHandler, M: Mode> Server<H, M> {
    /// The stream server, for its hooks (`set_verify_request`, ...).
    pub fn inner_mut(&mut self) -> &mut StreamServer<Served<H>, M> {
        &mut self.inner
    }

    /// `server_name`: the bound host (CPython asks `getfqdn`; netstd gives the
    /// address as text, with no DNS lookup).
    pub fn server_name(&self) -> String {
        match self.inner.server_address() {
            netstd_core::Address::Inet(a) => a.ip().to_string(),
            netstd_core::Address::Unix(p) => p.map(|p| p.display().to_string()).unwrap_or_default(),
        }
    }

    /// `server_port`.
    pub fn server_port(&self) -> u16 {
        match self.inner.server_address() {
            netstd_core::Address::Inet(a) => a.port(),
            netstd_core::Address::Unix(_) => 0,
        }
    }
}
