//! `BaseHTTPRequestHandler`: one connection's requests, parsed, dispatched to
//! `do_<METHOD>` and answered as CPython does.

use std::io::{self, BufRead, Read, Write};
use std::time::Duration;

use netstd_core::Address;
use netstd_http::proto::{
    BodyDecoder, BodyLength, Decoded, RequestLineError, check_header_name, check_header_value,
    parse_request_line, request_framing,
};
use netstd_http::{HTTPMessage, HTTPStatus, parse_headers};
use netstd_socketserver::{ServerInfo, StreamRequest};

use crate::dates::{formatdate, log_date_time_string};

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

/// The longest request line and header line (CPython's 65,536; 414 and 431 beyond).
const MAX_LINE: u64 = 65_536;
/// The most header lines, the blank one included (CPython's `_MAXHEADERS`).
const MAX_HEADERS: usize = 100;

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
        eprintln!(
            "{} - - [{}] {}",
            r.address_string(),
            log_date_time_string(),
            escape_controls(message)
        );
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

/// `html.escape(s, quote=False)`.
pub(crate) fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// What the request body still holds, for `read_body` and for the check that a
/// handler left none unread on a kept-alive connection.
#[derive(Debug)]
enum Body {
    None,
    Unread(BodyLength),
    Reading,
    Done,
}

/// Python's `BaseHTTPRequestHandler` instance: one connection's state while its
/// requests are served. A handler's `do_<METHOD>` gets it to read the request
/// (`command`, `path`, `headers`, `rfile`) and write the response
/// (`send_response`, `send_header`, `end_headers`, `wfile`).
pub struct BaseHTTPRequestHandler<'h> {
    handler: &'h dyn HTTPRequestHandler,
    conn: &'h mut StreamRequest,
    command: String,
    path: String,
    request_version: String,
    requestline: String,
    headers: HTTPMessage,
    close_connection: bool,
    headers_buffer: Vec<u8>,
    body: Body,
}

impl std::fmt::Debug for BaseHTTPRequestHandler<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BaseHTTPRequestHandler")
            .field("client_address", self.conn.client_address())
            .field("requestline", &self.requestline)
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
            command: String::new(),
            path: String::new(),
            request_version: String::new(),
            requestline: String::new(),
            headers: HTTPMessage::new(),
            close_connection: true,
            headers_buffer: Vec::new(),
            body: Body::None,
        };
        this.handle_one_request()?;
        while !this.close_connection {
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
                self.close_connection = true;
                Ok(())
            }
            other => other,
        }
    }

    fn one_request(&mut self) -> io::Result<()> {
        self.command.clear();
        self.body = Body::None;
        let mut raw = Vec::new();
        (&mut *self.conn)
            .take(MAX_LINE + 1)
            .read_until(b'\n', &mut raw)?;
        if raw.len() as u64 > MAX_LINE {
            self.requestline.clear();
            self.request_version.clear();
            self.send_error(414, None, None)?;
            return self.conn.flush();
        }
        if raw.is_empty() {
            self.close_connection = true;
            return Ok(());
        }
        if !self.parse_request(&raw)? {
            // an error has been sent
            return self.conn.flush();
        }
        let handler = self.handler;
        match self.command.as_str() {
            "GET" => handler.do_GET(self)?,
            "HEAD" => handler.do_HEAD(self)?,
            "POST" => handler.do_POST(self)?,
            "PUT" => handler.do_PUT(self)?,
            "DELETE" => handler.do_DELETE(self)?,
            "PATCH" => handler.do_PATCH(self)?,
            "OPTIONS" => handler.do_OPTIONS(self)?,
            _ => handler.do_other(self)?,
        }
        // a body the handler left unread would be read as the next request
        if !matches!(self.body, Body::None | Body::Done) {
            self.close_connection = true;
        }
        self.conn.flush()
    }

    /// `parse_request()`: the request line, the headers (431 past the limits), the
    /// keep-alive decision and `Expect: 100-continue`. Beyond CPython, a request
    /// line not ended by CR LF, an obsolete line folding and ambiguous body framing
    /// are 400 and close the connection (request smuggling).
    fn parse_request(&mut self, raw: &[u8]) -> io::Result<bool> {
        self.request_version = "HTTP/0.9".into();
        self.close_connection = true;
        let text: String = raw.iter().map(|&b| char::from(b)).collect();
        self.requestline = text.trim_end_matches(['\r', '\n']).to_owned();
        let line = match parse_request_line(&self.requestline) {
            Ok(line) => line,
            Err(RequestLineError::Empty) => return Ok(false),
            Err(e) => {
                // CPython keeps `request_version` at HTTP/0.9 (an answer without a
                // status line) unless the version itself was valid
                if let RequestLineError::BadSyntax(line) = &e {
                    if let Some(v) = line
                        .split_whitespace()
                        .last()
                        .filter(|_| line.split_whitespace().count() >= 3)
                    {
                        self.request_version = v.to_owned();
                    }
                }
                self.send_error(e.status(), Some(&e.message()), None)?;
                return Ok(false);
            }
        };
        if line.version_number >= (1, 1) && self.protocol_version_owned().as_str() >= "HTTP/1.1" {
            self.close_connection = false;
        }
        self.request_version = line.version.clone();
        if line.version_number == (0, 9) {
            self.close_connection = true;
        }
        self.command = line.command;
        // gh-87389 (CVE-2021-28861): `//host/path` would be an open redirect
        self.path = if line.path.starts_with("//") {
            format!("/{}", line.path.trim_start_matches('/'))
        } else {
            line.path
        };
        if !raw.ends_with(b"\r\n") && line.version_number != (0, 9) {
            self.send_error(
                400,
                Some("Bad request syntax: a bare LF ends the request line"),
                None,
            )?;
            return Ok(false);
        }
        if line.version_number != (0, 9) {
            match self.read_header_block()? {
                Ok(block) => {
                    if block_has_obs_fold(&block) {
                        self.send_error(400, Some("Bad request: obsolete line folding"), None)?;
                        return Ok(false);
                    }
                    match parse_headers(&block) {
                        Ok(h) => self.headers = h,
                        Err(e) => {
                            self.send_error(431, Some("Too many headers"), Some(&e.to_string()))?;
                            return Ok(false);
                        }
                    }
                }
                Err((message, explain)) => {
                    self.send_error(431, Some(message), Some(&explain))?;
                    return Ok(false);
                }
            }
        } else {
            self.headers = HTTPMessage::new();
        }
        match request_framing(&self.headers) {
            Ok(BodyLength::Empty) => self.body = Body::None,
            Ok(length) => self.body = Body::Unread(length),
            Err(e) => {
                self.send_error(
                    400,
                    Some("Bad request: ambiguous body framing"),
                    Some(&e.to_string()),
                )?;
                self.close_connection = true;
                return Ok(false);
            }
        }
        let conntype = self
            .headers
            .get("Connection")
            .unwrap_or("")
            .to_ascii_lowercase();
        let protocol = self.protocol_version_owned();
        if conntype == "close" {
            self.close_connection = true;
        } else if conntype == "keep-alive" && protocol.as_str() >= "HTTP/1.1" {
            self.close_connection = false;
        }
        let expect = self.headers.get("Expect").unwrap_or("");
        if expect.eq_ignore_ascii_case("100-continue")
            && protocol.as_str() >= "HTTP/1.1"
            && self.request_version.as_str() >= "HTTP/1.1"
        {
            let handler = self.handler;
            if !handler.handle_expect_100(self)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `_read_headers`: lines up to the blank one, 65,536 bytes each, 100 at most.
    /// The error is the message and explanation of the 431 to send.
    fn read_header_block(&mut self) -> io::Result<Result<Vec<u8>, (&'static str, String)>> {
        let mut block = Vec::new();
        let mut lines = 0;
        loop {
            let start = block.len();
            (&mut *self.conn)
                .take(MAX_LINE + 1)
                .read_until(b'\n', &mut block)?;
            let line = &block[start..];
            if line.len() as u64 > MAX_LINE {
                return Ok(Err((
                    "Line too long",
                    "got more than 65536 bytes when reading header line".into(),
                )));
            }
            lines += 1;
            if lines > MAX_HEADERS {
                return Ok(Err((
                    "Too many headers",
                    format!("got more than {MAX_HEADERS} headers"),
                )));
            }
            if line.is_empty() || line == b"\r\n" || line == b"\n" {
                return Ok(Ok(block));
            }
        }
    }

    fn protocol_version_owned(&self) -> String {
        self.handler.protocol_version().to_owned()
    }

    /// A 501 for a method the handler does not implement.
    pub fn unsupported_method(&mut self) -> io::Result<()> {
        let message = format!(
            "Unsupported method ({})",
            netstd_urlparse::py_repr(&self.command)
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
        let (short, long) = HTTPStatus::new(code)
            .map(|s| (s.phrase(), s.description()))
            .unwrap_or(("???", "???"));
        let message = message.unwrap_or(short).to_owned();
        let explain = explain.unwrap_or(long).to_owned();
        self.log_error(&format!("code {code}, message {message}"));
        self.send_response(code, Some(&message))?;
        self.send_header("Connection", "close")?;
        let mut body = None;
        if code >= 200 && ![204, 205, 304].contains(&code) {
            let content = self
                .handler
                .error_message_format()
                .replace("%(code)d", &code.to_string())
                .replace("%(code)s", &code.to_string())
                .replace("%(message)s", &html_escape(&message))
                .replace("%(explain)s", &html_escape(&explain));
            let content_type = self.handler.error_content_type().to_owned();
            self.send_header("Content-Type", &content_type)?;
            self.send_header("Content-Length", &content.len().to_string())?;
            body = Some(content);
        }
        self.end_headers()?;
        if let Some(body) = body {
            if self.command != "HEAD" {
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
        if self.request_version == "HTTP/0.9" {
            return Ok(());
        }
        let message = message.map(str::to_owned).unwrap_or_else(|| {
            HTTPStatus::new(code)
                .map(|s| s.phrase().to_owned())
                .unwrap_or_default()
        });
        let message = latin1(&message)?;
        check_header_value(&message).map_err(invalid)?;
        let protocol = self.handler.protocol_version().to_owned();
        self.headers_buffer
            .extend_from_slice(format!("{protocol} {code} ").as_bytes());
        self.headers_buffer.extend_from_slice(&message);
        self.headers_buffer.extend_from_slice(b"\r\n");
        Ok(())
    }

    /// `send_header(keyword, value)`: buffered until `end_headers`; `Connection:
    /// close`/`keep-alive` also sets `close_connection`. Names must be tokens and
    /// values free of control characters (no response splitting).
    pub fn send_header(&mut self, keyword: &str, value: &str) -> io::Result<()> {
        if self.request_version != "HTTP/0.9" {
            let value_bytes = latin1(value)?;
            check_header_name(keyword.as_bytes()).map_err(invalid)?;
            check_header_value(&value_bytes).map_err(invalid)?;
            self.headers_buffer.extend_from_slice(keyword.as_bytes());
            self.headers_buffer.extend_from_slice(b": ");
            self.headers_buffer.extend_from_slice(&value_bytes);
            self.headers_buffer.extend_from_slice(b"\r\n");
        }
        if keyword.eq_ignore_ascii_case("connection") {
            if value.eq_ignore_ascii_case("close") {
                self.close_connection = true;
            } else if value.eq_ignore_ascii_case("keep-alive") {
                self.close_connection = false;
            }
        }
        Ok(())
    }

    /// `end_headers()`: the blank line, then `flush_headers`.
    pub fn end_headers(&mut self) -> io::Result<()> {
        if self.request_version != "HTTP/0.9" {
            self.headers_buffer.extend_from_slice(b"\r\n");
            self.flush_headers()?;
        }
        Ok(())
    }

    /// `flush_headers()`: writes the buffered head to `wfile`.
    pub fn flush_headers(&mut self) -> io::Result<()> {
        if !self.headers_buffer.is_empty() {
            let head = std::mem::take(&mut self.headers_buffer);
            self.conn.write_all(&head)?;
        }
        Ok(())
    }

    /// `log_request(code='-', size='-')`.
    pub fn log_request(&self, code: &str, size: &str) {
        let message = format!("\"{}\" {code} {size}", self.requestline);
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
        match self.conn.client_address() {
            Address::Inet(a) => a.ip().to_string(),
            Address::Unix(_) => String::new(),
        }
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
        &self.command
    }

    /// `path`: the request target (`//` at its start reduced to `/`).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// `request_version`.
    pub fn request_version(&self) -> &str {
        &self.request_version
    }

    /// `requestline`.
    pub fn requestline(&self) -> &str {
        &self.requestline
    }

    /// `headers`.
    pub fn headers(&self) -> &HTTPMessage {
        &self.headers
    }

    /// `close_connection`.
    pub fn close_connection(&self) -> bool {
        self.close_connection
    }

    /// Sets `close_connection`.
    pub fn set_close_connection(&mut self, close: bool) {
        self.close_connection = close;
    }

    /// `protocol_version`.
    pub fn protocol_version(&self) -> &str {
        self.handler.protocol_version()
    }

    /// `rfile`: the connection's buffered reader (the request body, as sent).
    pub fn rfile(&mut self) -> &mut StreamRequest {
        self.body = Body::Done;
        self.conn
    }

    /// `wfile`: the connection's writer (flushed after each request).
    pub fn wfile(&mut self) -> &mut StreamRequest {
        self.conn
    }

    /// Beyond CPython: the request body, decoded by its framing (Content-Length or
    /// chunked), at most `limit` bytes (`413` is yours to send when it is
    /// exceeded: the error is `InvalidData`).
    pub fn read_body(&mut self, limit: usize) -> io::Result<Vec<u8>> {
        let length = match std::mem::replace(&mut self.body, Body::Done) {
            Body::Unread(l) => l,
            _ => return Ok(Vec::new()),
        };
        let mut decoder = Box::new(BodyDecoder::new(length));
        let mut out = Vec::new();
        loop {
            let avail = self.conn.buffered();
            match decoder.decode(avail).map_err(invalid)? {
                Decoded::Data { consumed, len } => {
                    if out.len() + len > limit {
                        self.body = Body::Reading;
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
                        self.body = Body::Reading;
                        return Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "the client closed the connection inside the request body",
                        ));
                    }
                }
                Decoded::Done { consumed } => {
                    self.conn.consume(consumed);
                    return Ok(out);
                }
            }
        }
    }
}

fn invalid(e: impl std::fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e.to_string())
}

/// Text as ISO-8859-1 (`encode('latin-1', 'strict')`).
fn latin1(s: &str) -> io::Result<Vec<u8>> {
    s.chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "'latin-1' codec can't encode the text",
            )
        })
}

/// A header line that starts with a blank continues the previous one: the
/// obsolete line folding RFC 9112 asks servers to refuse.
fn block_has_obs_fold(block: &[u8]) -> bool {
    block
        .split(|&b| b == b'\n')
        .skip(1)
        .any(|line| line.first().is_some_and(|&b| b == b' ' || b == b'\t'))
}
