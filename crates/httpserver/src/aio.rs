//! The async face of `http.server` on tokio: the same handler model (a
//! `BaseHTTPRequestHandler` given to `do_<METHOD>`), with async methods, on the
//! task-per-connection server of `netstd_socketserver::aio`. Request parsing,
//! keep-alive, error pages and the response head are the blocking face's code
//! (the sans-IO `Exchange`); only the reads and writes differ.
//!
//! ```no_run
//! # async fn demo() -> netstd_socketserver::Result<()> {
//! use netstd_httpserver::aio::{BaseHTTPRequestHandler, HTTPRequestHandler, HTTPServer};
//! use tokio::io::AsyncWriteExt;
//! struct Hello;
//! impl HTTPRequestHandler for Hello {
//!     fn protocol_version(&self) -> &str { "HTTP/1.1" }
//!     async fn do_GET(&self, r: &mut BaseHTTPRequestHandler<'_, Self>) -> std::io::Result<()> {
//!         r.send_response(200, None)?;
//!         r.send_header("Content-Length", "13")?;
//!         r.end_headers().await?;
//!         r.wfile().write_all(b"Hello, world!").await
//!     }
//! }
//! HTTPServer::new(("127.0.0.1", 8000), Hello).await?.serve_forever().await?;
//! # Ok(()) }
//! ```

use std::future::Future;
use std::io;
use std::net::ToSocketAddrs;
use std::ops::Deref;
use std::time::Duration;

use netstd_core::Address;
use netstd_http::HTTPMessage;
use netstd_http::proto::{BodyDecoder, Decoded};
use netstd_socketserver::aio::{StreamRequest, StreamRequestHandler, TCPServer};
use netstd_socketserver::{Result, ServerInfo, ServerOptions};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};

use crate::exchange::{Body, Exchange, HeaderBlock, MAX_LINE, Step, error_page, invalid};
use crate::handler::{
    DEFAULT_ERROR_CONTENT_TYPE, DEFAULT_ERROR_MESSAGE, SYS_VERSION, address_string, write_log_line,
};

/// The async `BaseHTTPRequestHandler` subclass: the blocking
/// [`crate::HTTPRequestHandler`]'s class attributes, with async `do_<METHOD>`.
#[allow(non_snake_case)]
pub trait HTTPRequestHandler: Send + Sync + Sized + 'static {
    /// `protocol_version`.
    fn protocol_version(&self) -> &str {
        "HTTP/1.0"
    }
    /// `server_version`.
    fn server_version(&self) -> &str {
        "BaseHTTP/0.6"
    }
    /// `sys_version`.
    fn sys_version(&self) -> &str {
        SYS_VERSION
    }
    /// `error_message_format`.
    fn error_message_format(&self) -> &str {
        DEFAULT_ERROR_MESSAGE
    }
    /// `error_content_type`.
    fn error_content_type(&self) -> &str {
        DEFAULT_ERROR_CONTENT_TYPE
    }
    /// How long a read or write may wait (60 seconds by default; CPython: for ever).
    fn timeout(&self) -> Option<Duration> {
        Some(Duration::from_secs(60))
    }

    /// `do_GET`.
    fn do_GET(
        &self,
        r: &mut BaseHTTPRequestHandler<'_, Self>,
    ) -> impl Future<Output = io::Result<()>> + Send {
        r.unsupported_method()
    }
    /// `do_HEAD`.
    fn do_HEAD(
        &self,
        r: &mut BaseHTTPRequestHandler<'_, Self>,
    ) -> impl Future<Output = io::Result<()>> + Send {
        r.unsupported_method()
    }
    /// `do_POST`.
    fn do_POST(
        &self,
        r: &mut BaseHTTPRequestHandler<'_, Self>,
    ) -> impl Future<Output = io::Result<()>> + Send {
        r.unsupported_method()
    }
    /// `do_PUT`.
    fn do_PUT(
        &self,
        r: &mut BaseHTTPRequestHandler<'_, Self>,
    ) -> impl Future<Output = io::Result<()>> + Send {
        r.unsupported_method()
    }
    /// `do_DELETE`.
    fn do_DELETE(
        &self,
        r: &mut BaseHTTPRequestHandler<'_, Self>,
    ) -> impl Future<Output = io::Result<()>> + Send {
        r.unsupported_method()
    }
    /// `do_PATCH`.
    fn do_PATCH(
        &self,
        r: &mut BaseHTTPRequestHandler<'_, Self>,
    ) -> impl Future<Output = io::Result<()>> + Send {
        r.unsupported_method()
    }
    /// `do_OPTIONS`.
    fn do_OPTIONS(
        &self,
        r: &mut BaseHTTPRequestHandler<'_, Self>,
    ) -> impl Future<Output = io::Result<()>> + Send {
        r.unsupported_method()
    }
    /// Any other method: `r.command()` says which.
    fn do_other(
        &self,
        r: &mut BaseHTTPRequestHandler<'_, Self>,
    ) -> impl Future<Output = io::Result<()>> + Send {
        r.unsupported_method()
    }

    /// `log_message`: `address - - [date] message` on stderr, control characters
    /// escaped.
    fn log_message(&self, r: &BaseHTTPRequestHandler<'_, Self>, message: &str) {
        write_log_line(&r.address_string(), message);
    }
}

/// The async `BaseHTTPRequestHandler` instance: a connection's state while its
/// requests are served.
pub struct BaseHTTPRequestHandler<'h, H: HTTPRequestHandler> {
    handler: &'h H,
    conn: &'h mut StreamRequest,
    ex: Exchange,
    raw: Vec<u8>,
    block: HeaderBlock,
}

impl<H: HTTPRequestHandler> std::fmt::Debug for BaseHTTPRequestHandler<'_, H> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("aio::BaseHTTPRequestHandler")
            .field("client_address", self.conn.client_address())
            .field("requestline", &self.ex.requestline)
            .finish()
    }
}

impl<'h, H: HTTPRequestHandler> BaseHTTPRequestHandler<'h, H> {
    async fn serve(handler: &'h H, conn: &'h mut StreamRequest) -> io::Result<()> {
        let mut this = BaseHTTPRequestHandler {
            handler,
            conn,
            ex: Exchange::new(),
            raw: Vec::new(),
            block: HeaderBlock::default(),
        };
        // one timer for the connection, moved on before each request: a later
        // deadline is an atomic store, where a `timeout` per request registers an
        // entry in the shared timer wheel and removes it (a lock each)
        let mut deadline = std::pin::pin!(tokio::time::sleep(Duration::ZERO));
        loop {
            let timeout = this.handler.timeout();
            let outcome = match timeout {
                Some(t) => {
                    deadline.as_mut().reset(tokio::time::Instant::now() + t);
                    tokio::select! {
                        biased;
                        r = this.one_request() => r,
                        () = &mut deadline => Err(io::ErrorKind::TimedOut.into()),
                    }
                }
                None => this.one_request().await,
            };
            match outcome {
                Err(e) if e.kind() == io::ErrorKind::TimedOut => {
                    this.log_error(&format!("Request timed out: {e}"));
                    return Ok(());
                }
                Err(e) => return Err(e),
                Ok(()) if this.ex.close_connection => return Ok(()),
                Ok(()) => {}
            }
        }
    }

    async fn one_request(&mut self) -> io::Result<()> {
        let mut raw = std::mem::take(&mut self.raw);
        raw.clear();
        (&mut *self.conn)
            .take(MAX_LINE + 1)
            .read_until(b'\n', &mut raw)
            .await?;
        let protocol = self.handler.protocol_version();
        let mut step = self.ex.request_line(&raw, protocol);
        self.raw = raw;
        if step == Step::Headers {
            let mut block = std::mem::take(&mut self.block);
            block.reset();
            step = loop {
                let start = block.block.len();
                (&mut *self.conn)
                    .take(MAX_LINE + 1)
                    .read_until(b'\n', &mut block.block)
                    .await?;
                match block.line_added(start) {
                    None => {}
                    Some(Ok(())) => break self.ex.header_block(&block.block, protocol),
                    Some(Err(error)) => break error,
                }
            };
            self.block = block;
        }
        match step {
            Step::Close => return Ok(()),
            Step::Error(code, message, explain) => {
                self.send_error(code, message.as_deref(), explain.as_deref())
                    .await?;
                return self.conn.flush().await;
            }
            Step::Expect100 => {
                self.send_response_only(100, None)?;
                self.end_headers().await?;
                self.conn.flush().await?;
            }
            Step::Headers | Step::Dispatch => {}
        }
        let handler = self.handler;
        match self.ex.command.as_str() {
            "GET" => handler.do_GET(self).await?,
            "HEAD" => handler.do_HEAD(self).await?,
            "POST" => handler.do_POST(self).await?,
            "PUT" => handler.do_PUT(self).await?,
            "DELETE" => handler.do_DELETE(self).await?,
            "PATCH" => handler.do_PATCH(self).await?,
            "OPTIONS" => handler.do_OPTIONS(self).await?,
            _ => handler.do_other(self).await?,
        }
        self.ex.finish();
        self.conn.flush().await
    }

    /// A 501 for a method the handler does not implement.
    pub async fn unsupported_method(&mut self) -> io::Result<()> {
        let message = format!(
            "Unsupported method ({})",
            netstd_urlparse::py_repr(&self.ex.command)
        );
        self.send_error(501, Some(&message), None).await
    }

    /// `send_error(code, message=None, explain=None)`.
    pub async fn send_error(
        &mut self,
        code: u16,
        message: Option<&str>,
        explain: Option<&str>,
    ) -> io::Result<()> {
        let page = error_page(self.handler.error_message_format(), code, message, explain);
        self.log_error(&format!("code {code}, message {}", page.message));
        self.send_response(code, Some(&page.message))?;
        self.send_header("Connection", "close")?;
        if let Some(body) = &page.page {
            let content_type = self.handler.error_content_type();
            self.send_header("Content-Type", content_type)?;
            self.send_header("Content-Length", &body.len().to_string())?;
        }
        self.end_headers().await?;
        if let Some(body) = page.page {
            if self.ex.command != "HEAD" {
                self.conn.write_all(body.as_bytes()).await?;
            }
        }
        Ok(())
    }

    /// `send_response(code, message=None)`: logged, then the status line, `Server`
    /// and `Date` (buffered until `end_headers`).
    pub fn send_response(&mut self, code: u16, message: Option<&str>) -> io::Result<()> {
        let message_log = format!("\"{}\" {code} -", self.ex.requestline);
        self.handler.log_message(self, &message_log);
        self.send_response_only(code, message)?;
        let server = format!(
            "{} {}",
            self.handler.server_version(),
            self.handler.sys_version()
        );
        self.send_header("Server", &server)?;
        crate::dates::with_now_date(|d| self.send_header("Date", d))
    }

    /// `send_response_only(code, message=None)`.
    pub fn send_response_only(&mut self, code: u16, message: Option<&str>) -> io::Result<()> {
        self.ex
            .status_line(self.handler.protocol_version(), code, message)
    }

    /// `send_header(keyword, value)`.
    pub fn send_header(&mut self, keyword: &str, value: &str) -> io::Result<()> {
        self.ex.header(keyword, value)
    }

    /// `end_headers()`: the blank line, then the head written.
    pub async fn end_headers(&mut self) -> io::Result<()> {
        self.ex.end_headers();
        if !self.ex.head().is_empty() {
            self.conn.write_all(self.ex.head()).await?;
            self.ex.clear_head();
        }
        Ok(())
    }

    /// `log_request(code='-', size='-')`.
    pub fn log_request(&self, code: &str, size: &str) {
        let message = format!("\"{}\" {code} {size}", self.ex.requestline);
        self.handler.log_message(self, &message);
    }

    /// `log_error(...)`, formatted.
    pub fn log_error(&self, message: &str) {
        self.handler.log_message(self, message);
    }

    /// `address_string()`.
    pub fn address_string(&self) -> String {
        address_string(self.conn.client_address())
    }

    /// `client_address`.
    pub fn client_address(&self) -> &Address {
        self.conn.client_address()
    }

    /// `server`.
    pub fn server(&self) -> &ServerInfo {
        self.conn.server()
    }

    /// `command`.
    pub fn command(&self) -> &str {
        &self.ex.command
    }

    /// `path`.
    pub fn path(&self) -> &str {
        &self.ex.path
    }

    /// `request_version`.
    pub fn request_version(&self) -> &str {
        &self.ex.request_version
    }

    /// `requestline`.
    pub fn requestline(&self) -> &str {
        &self.ex.requestline
    }

    /// `headers`.
    pub fn headers(&self) -> &HTTPMessage {
        &self.ex.headers
    }

    /// `close_connection`.
    pub fn close_connection(&self) -> bool {
        self.ex.close_connection
    }

    /// Sets `close_connection`.
    pub fn set_close_connection(&mut self, close: bool) {
        self.ex.close_connection = close;
    }

    /// `rfile`.
    pub fn rfile(&mut self) -> &mut StreamRequest {
        self.ex.body = Body::Taken(!matches!(self.ex.body, Body::None));
        self.conn
    }

    /// `wfile` (buffered; flushed after each request).
    pub fn wfile(&mut self) -> &mut StreamRequest {
        self.conn
    }

    /// The request body by its framing, at most `limit` bytes.
    pub async fn read_body(&mut self, limit: usize) -> io::Result<Vec<u8>> {
        let Body::Unread(length) = self.ex.body else {
            return Ok(Vec::new());
        };
        self.ex.body = Body::Partial;
        let mut decoder = BodyDecoder::new(length);
        let mut out = Vec::new();
        loop {
            let avail = self.conn.buffered();
            match decoder.decode(avail).map_err(invalid)? {
                Decoded::Data { consumed, len } => {
                    if out.len() + len > limit {
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            "request body too large",
                        ));
                    }
                    out.extend_from_slice(&avail[consumed..consumed + len]);
                    decoder.consume(len);
                    std::pin::Pin::new(&mut *self.conn).consume(consumed + len);
                }
                Decoded::NeedMore { consumed } => {
                    std::pin::Pin::new(&mut *self.conn).consume(consumed);
                    if self.conn.fill_more().await? == 0 {
                        return Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "the client closed the connection inside the request body",
                        ));
                    }
                }
                Decoded::Done { consumed } => {
                    std::pin::Pin::new(&mut *self.conn).consume(consumed);
                    self.ex.body = Body::None;
                    return Ok(out);
                }
            }
        }
    }
}

/// The socketserver handler that serves HTTP on a connection with `H`.
#[derive(Debug)]
pub struct Served<H>(H);

impl<H: HTTPRequestHandler> StreamRequestHandler for Served<H> {
    async fn handle(&self, req: &mut StreamRequest) -> io::Result<()> {
        BaseHTTPRequestHandler::serve(&self.0, req).await
    }
}

/// The async HTTP server: [`netstd_socketserver::aio::TCPServer`] serving each
/// connection in a task with an async [`HTTPRequestHandler`] (`allow_reuse_address`
/// on, as `HTTPServer`).
#[derive(Debug)]
pub struct HTTPServer<H: HTTPRequestHandler> {
    inner: TCPServer<Served<H>>,
}

impl<H: HTTPRequestHandler> HTTPServer<H> {
    /// Binds and listens.
    pub async fn new(server_address: impl ToSocketAddrs, handler: H) -> Result<Self> {
        Self::new_with(server_address, handler, ServerOptions::new()).await
    }

    /// The same with socketserver's options (`tls`, `dual_stack`, ...).
    pub async fn new_with(
        server_address: impl ToSocketAddrs,
        handler: H,
        opts: ServerOptions,
    ) -> Result<Self> {
        let opts = opts.allow_reuse_address(true);
        Ok(HTTPServer {
            inner: TCPServer::new_with(server_address, Served(handler), opts).await?,
        })
    }
}

impl<H: HTTPRequestHandler> Deref for HTTPServer<H> {
    type Target = TCPServer<Served<H>>;
    fn deref(&self) -> &Self::Target {
        &self.inner
    }
}
