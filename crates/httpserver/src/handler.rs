//! `BaseHTTPRequestHandler`: one connection's requests, parsed, dispatched to
//! `do_<METHOD>` and answered as CPython does.

use std::io::{self, BufRead, Read, Write};
use std::time::{Duration, Instant};

use netstd_core::Address;
use netstd_http::HTTPMessage;
use netstd_http::proto::{BodyDecoder, Decoded};
use netstd_socketserver::{ServerInfo, StreamRequest};

use crate::dates::{formatdate, log_date_time_string};
use crate::exchange::{Body, Exchange, HeaderBlock, MAX_LINE, Step, error_page, invalid};

/// CPython's `DEFAULT_ERROR_MESSAGE`.
pub const DEFAULT_ERROR_MESSAGE: &str = r#"<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: %(code)d</p>
        <p>Message: %(message)s.</p>
        <p>Error code explanation: %(code)s - %(explain)s.</p>
    </body>
</html>
"#;

/// CPython's `DEFAULT_ERROR_CONTENT_TYPE`.
pub const DEFAULT_ERROR_CONTENT_TYPE: &str = "text/html;charset=utf-8";

/// `sys_version`: CPython's is `Python/3.x.y`; netstd's names itself.
pub const SYS_VERSION: &str = concat!("netstd/", env!("CARGO_PKG_VERSION"));

/// Python's `BaseHTTPRequestHandler` subclass: the class attributes and the
/// `do_<METHOD>` methods a server calls. A method you do not implement answers
/// `501 Unsupported method`, as a missing `do_` method does in CPython.
///
/// ```
/// use std::io::Write;
/// use netstd_httpserver::{BaseHTTPRequestHandler, HTTPRequestHandler};
/// struct Hello;
/// impl HTTPRequestHandler for Hello {
///     fn do_GET(&self, r: &mut BaseHTTPRequestHandler<'_>) -> std::io::Result<()> {
///         let body = format!("hello, {}\n", r.path());
///         r.send_response(200, None)?;
///         r.send_header("Content-Type", "text/plain")?;
///         r.send_header("Content-Length", &body.len().to_string())?;
///         r.end_headers()?;
///         r.wfile().write_all(body.as_bytes())
///     }
/// }
/// ```
#[allow(non_snake_case)]
pub trait HTTPRequestHandler: Send + Sync + 'static {
    /// `protocol_version`: `HTTP/1.0` (a connection per request), or `HTTP/1.1`
    /// for keep-alive (every response must then carry Content-Length).
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

    /// `error_message_format`: `%(code)d`, `%(code)s`, `%(message)s`, `%(explain)s`
    /// are filled in.
    fn error_message_format(&self) -> &str {
        DEFAULT_ERROR_MESSAGE
    }

    /// `error_content_type`.
    fn error_content_type(&self) -> &str {
        DEFAULT_ERROR_CONTENT_TYPE
    }

    /// `timeout` (`StreamRequestHandler.timeout`): how long a read or write may
    /// wait. CPython waits for ever; netstd drops a silent client (slowloris) after
    /// 60 seconds by default.
    fn timeout(&self) -> Option<Duration> {
        Some(Duration::from_secs(60))
    }

    /// `do_GET`.
    fn do_GET(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        r.unsupported_method()
    }
    /// `do_HEAD`.
    fn do_HEAD(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        r.unsupported_method()
    }
    /// `do_POST`.
    fn do_POST(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        r.unsupported_method()
    }
    /// `do_PUT`.
    fn do_PUT(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        r.unsupported_method()
    }
    /// `do_DELETE`.
    fn do_DELETE(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        r.unsupported_method()
    }
    /// `do_PATCH`.
    fn do_PATCH(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        r.unsupported_method()
    }
    /// `do_OPTIONS`.
    fn do_OPTIONS(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        r.unsupported_method()
    }

    /// Any other method (`do_PROPFIND`, ...): `r.command()` says which.
    fn do_other(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        r.unsupported_method()
    }

    /// `handle_expect_100()`: answers `100 Continue` (return false after sending an
    /// error to refuse the body).
    fn handle_expect_100(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<bool> {
        r.send_response_only(100, None)?;
        r.end_headers()?;
        // the client waits for it before sending the body
        r.wfile().flush()?;
        Ok(true)
    }

    /// `log_message(format, *args)`, the message formatted: CPython writes
    /// `address - - [date] message` to stderr, with control characters escaped
    /// (gh-100001).
    fn log_message(&self, r: &BaseHTTPRequestHandler<'_>, message: &str) {
        write_log_line(&r.address_string(), message);
    }
}

/// CPython's `_control_char_table`: C0 controls, DEL and C1 controls as `\xNN`, and
/// backslash doubled, so a log line cannot carry a terminal escape or a newline.
///
/// ```
/// assert_eq!(netstd_httpserver::escape_controls("a\x1b[31m\n\\"), "a\\x1b[31m\\x0a\\\\");
/// ```
pub fn escape_controls(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for c in message.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\0'..='\x1f' | '\x7f'..='\u{9f}' => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// Python's `BaseHTTPRequestHandler` instance: one connection's state while its
/// requests are served. A handler's `do_<METHOD>` gets it to read the request
/// (`command`, `path`, `headers`, `rfile`) and write the response
/// (`send_response`, `send_header`, `end_headers`, `wfile`).
pub struct BaseHTTPRequestHandler<'h> {
    handler: &'h dyn HTTPRequestHandler,
    conn: &'h mut StreamRequest,
    ex: Exchange,
}

impl std::fmt::Debug for BaseHTTPRequestHandler<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BaseHTTPRequestHandler")
            .field("client_address", self.conn.client_address())
            .field("requestline", &self.ex.requestline)
            .finish()
    }
}

impl<'h> BaseHTTPRequestHandler<'h> {
    /// Serves a connection: `handle()`, `handle_one_request()` until
    /// `close_connection`.
    pub(crate) fn serve(
        handler: &'h dyn HTTPRequestHandler,
        conn: &'h mut StreamRequest,
    ) -> io::Result<()> {
        conn.settimeout(handler.timeout())?;
        conn.set_wbufsize(64 * 1024);
        let mut this = BaseHTTPRequestHandler {
            handler,
            conn,
            ex: Exchange::new(),
        };
        this.handle_one_request()?;
        while !this.ex.close_connection {
            this.handle_one_request()?;
        }
        Ok(())
    }

    /// `handle_one_request()`: reads and parses a request, calls `do_<METHOD>`,
    /// flushes the answer. A timeout closes the connection (logged, as CPython).
    pub fn handle_one_request(&mut self) -> io::Result<()> {
        match self.one_request() {
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
                ) =>
            {
                self.log_error(&format!("Request timed out: {e}"));
                self.ex.close_connection = true;
                Ok(())
            }
            other => other,
        }
    }

    /// Reads the request line and the header block; from the first byte on, the
    /// whole head must arrive within the handler's `timeout` (beyond CPython, which
    /// bounds each read only: a client sending a byte every 59 seconds would hold
    /// the thread for days).
    fn read_head(&mut self) -> io::Result<Step> {
        // an idle keep-alive connection waits for the next request as long as
        // `timeout` allows each read; the deadline starts with the request
        self.conn.fill_buf()?;
        let deadline = self.handler.timeout().map(|t| Instant::now() + t);
        self.conn.set_read_deadline(deadline);
        let mut raw = Vec::new();
        (&mut *self.conn)
            .take(MAX_LINE + 1)
            .read_until(b'\n', &mut raw)?;
        let protocol = self.handler.protocol_version();
        let mut step = self.ex.request_line(&raw, protocol);
        if step == Step::Headers {
            let mut block = HeaderBlock::default();
            step = loop {
                let start = block.block.len();
                (&mut *self.conn)
                    .take(MAX_LINE + 1)
                    .read_until(b'\n', &mut block.block)?;
                match block.line_added(start) {
                    None => {}
                    Some(Ok(())) => break self.ex.header_block(&block.block, protocol),
                    Some(Err(error)) => break error,
                }
            };
        }
        Ok(step)
    }

    fn one_request(&mut self) -> io::Result<()> {
        let head = self.read_head();
        self.conn.set_read_deadline(None);
        let step = head?;
        match step {
            Step::Close => return Ok(()),
            Step::Error(code, message, explain) => {
                self.send_error(code, message.as_deref(), explain.as_deref())?;
                return self.conn.flush();
            }
            Step::Expect100 => {
                let handler = self.handler;
                if !handler.handle_expect_100(self)? {
                    // the body may come anyway: it must not be read as a request
                    self.ex.finish();
                    return self.conn.flush();
                }
            }
            Step::Headers | Step::Dispatch => {}
        }
        let handler = self.handler;
        match self.ex.command.as_str() {
            "GET" => handler.do_GET(self)?,
            "HEAD" => handler.do_HEAD(self)?,
            "POST" => handler.do_POST(self)?,
            "PUT" => handler.do_PUT(self)?,
            "DELETE" => handler.do_DELETE(self)?,
            "PATCH" => handler.do_PATCH(self)?,
            "OPTIONS" => handler.do_OPTIONS(self)?,
            _ => handler.do_other(self)?,
        }
        self.ex.finish();
        self.conn.flush()
    }

    /// A 501 for a method the handler does not implement.
    pub fn unsupported_method(&mut self) -> io::Result<()> {
        let message = format!(
            "Unsupported method ({})",
            netstd_urlparse::py_repr(&self.ex.command)
        );
        self.send_error(501, Some(&message), None)
    }

    /// `send_error(code, message=None, explain=None)`: logs the error, answers with
    /// `Connection: close` and, for codes that have one, an HTML body built from
    /// `error_message_format` (HTML-escaped; none for HEAD).
    pub fn send_error(
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
        self.end_headers()?;
        if let Some(body) = page.page {
            if self.ex.command != "HEAD" {
                self.conn.write_all(body.as_bytes())?;
            }
        }
        Ok(())
    }

    /// `send_response(code, message=None)`: logs the request, then the status line
    /// and the `Server` and `Date` headers.
    pub fn send_response(&mut self, code: u16, message: Option<&str>) -> io::Result<()> {
        self.log_request(&code.to_string(), "-");
        self.send_response_only(code, message)?;
        let server = self.version_string();
        self.send_header("Server", &server)?;
        self.send_header("Date", &self.date_time_string(None))
    }

    /// `send_response_only(code, message=None)`: the status line alone. A message
    /// with a control character is refused (it would split the head).
    pub fn send_response_only(&mut self, code: u16, message: Option<&str>) -> io::Result<()> {
        self.ex
            .status_line(self.handler.protocol_version(), code, message)
    }

    /// `send_header(keyword, value)`: buffered until `end_headers`; `Connection:
    /// close`/`keep-alive` also sets `close_connection`. Names must be tokens and
    /// values free of control characters (no response splitting).
    pub fn send_header(&mut self, keyword: &str, value: &str) -> io::Result<()> {
        self.ex.header(keyword, value)
    }

    /// `end_headers()`: the blank line, then `flush_headers`.
    pub fn end_headers(&mut self) -> io::Result<()> {
        self.ex.end_headers();
        self.flush_headers()
    }

    /// `flush_headers()`: writes the buffered head to `wfile`.
    pub fn flush_headers(&mut self) -> io::Result<()> {
        let head = self.ex.take_head();
        if !head.is_empty() {
            self.conn.write_all(&head)?;
        }
        Ok(())
    }

    /// `log_request(code='-', size='-')`.
    pub fn log_request(&self, code: &str, size: &str) {
        let message = format!("\"{}\" {code} {size}", self.ex.requestline);
        self.handler.log_message(self, &message);
    }

    /// `log_error(format, *args)`, formatted.
    pub fn log_error(&self, message: &str) {
        self.handler.log_message(self, message);
    }

    /// `log_message(format, *args)`, formatted: through the handler's `log_message`.
    pub fn log_message(&self, message: &str) {
        self.handler.log_message(self, message);
    }

    /// `version_string()`: `server_version sys_version`.
    pub fn version_string(&self) -> String {
        format!(
            "{} {}",
            self.handler.server_version(),
            self.handler.sys_version()
        )
    }

    /// `date_time_string(timestamp=None)`: an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
    pub fn date_time_string(&self, timestamp: Option<i64>) -> String {
        formatdate(timestamp)
    }

    /// `log_date_time_string()`: local time as `21/Nov/2026 23:33:36`.
    pub fn log_date_time_string(&self) -> String {
        log_date_time_string()
    }

    /// `address_string()`: the client's host (empty for a Unix socket, as CPython).
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

    /// `command`: the method.
    pub fn command(&self) -> &str {
        &self.ex.command
    }

    /// `path`: the request target (`//` at its start reduced to `/`).
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

    /// `protocol_version`.
    pub fn protocol_version(&self) -> &str {
        self.handler.protocol_version()
    }

    /// `rfile`: the connection's buffered reader (the request body, as sent).
    pub fn rfile(&mut self) -> &mut StreamRequest {
        self.ex.body = Body::Taken(!matches!(self.ex.body, Body::None));
        self.conn
    }

    /// `wfile`: the connection's writer (flushed after each request).
    pub fn wfile(&mut self) -> &mut StreamRequest {
        self.conn
    }

    /// Beyond CPython: the request body, decoded by its framing (Content-Length or
    /// chunked), at most `limit` bytes (over it the error is `InvalidData`; send
    /// 413 if you like).
    pub fn read_body(&mut self, limit: usize) -> io::Result<Vec<u8>> {
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
                    self.conn.consume(consumed + len);
                }
                Decoded::NeedMore { consumed } => {
                    self.conn.consume(consumed);
                    if self.conn.fill_more()? == 0 {
                        return Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "the client closed the connection inside the request body",
                        ));
                    }
                }
                Decoded::Done { consumed } => {
                    self.conn.consume(consumed);
                    self.ex.body = Body::None;
                    return Ok(out);
                }
            }
        }
    }
}

/// CPython's log line, `address - - [date] message` with control characters
/// escaped, written to stderr in one write (stderr is unbuffered).
pub(crate) fn write_log_line(address: &str, message: &str) {
    let line = format!(
        "{address} - - [{}] {}\n",
        log_date_time_string(),
        escape_controls(message)
    );
    let _ = io::stderr().lock().write_all(line.as_bytes());
}

/// `address_string()` of a client address.
pub(crate) fn address_string(a: &Address) -> String {
    match a {
        Address::Inet(a) => a.ip().to_string(),
        Address::Unix(_) => String::new(),
    }
}
