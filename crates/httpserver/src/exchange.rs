//! The sans-IO half of `BaseHTTPRequestHandler`: the request's parsed state, the
//! decisions of `parse_request`, and the response head being built. The blocking
//! and async handlers read and write around it, so their behaviour is one.

use std::io;

use netstd_http::proto::{
    BodyLength, RequestLineError, check_header_name, check_header_value, parse_request_line,
    request_framing,
};
use netstd_http::{HTTPMessage, HTTPStatus, parse_headers};

/// The longest request line and header line (CPython's 65,536; 414 and 431 beyond).
pub(crate) const MAX_LINE: u64 = 65_536;
/// The most header lines, the blank one included (CPython's `_MAXHEADERS`).
pub(crate) const MAX_HEADERS: usize = 100;

/// What the request body still holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Body {
    /// None was announced, or it has been read.
    None,
    /// Announced and not touched.
    Unread(BodyLength),
    /// Partly read (a failed or limited `read_body`).
    Partial,
    /// Handed to the handler as `rfile`; true when a body was announced (how much
    /// of it the handler read cannot be known, so the connection closes after).
    Taken(bool),
}

/// The next step after part of a request was parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// No request (an empty line or the end of the stream): close.
    Close,
    /// Answer with `send_error(code, message, explain)`, then stop.
    Error(u16, Option<String>, Option<String>),
    /// Read the header block next.
    Headers,
    /// Dispatch to `do_<METHOD>`.
    Dispatch,
    /// Call `handle_expect_100`, then dispatch if it agrees.
    Expect100,
}

/// Collects a header block line by line with CPython's limits.
#[derive(Debug, Default)]
pub(crate) struct HeaderBlock {
    pub(crate) block: Vec<u8>,
    lines: usize,
}

impl HeaderBlock {
    #[cfg_attr(not(feature = "tokio"), allow(dead_code))]
    pub(crate) fn reset(&mut self) {
        self.block.clear();
        self.lines = 0;
    }

    /// After a line was appended to `block` from `start`: `Some(Ok(()))` at the blank
    /// line (or the end of the stream), `Some(Err(step))` past a limit, `None` for
    /// more.
    pub(crate) fn line_added(&mut self, start: usize) -> Option<Result<(), Step>> {
        let line = &self.block[start..];
        if line.len() as u64 > MAX_LINE {
            return Some(Err(Step::Error(
                431,
                Some("Line too long".into()),
                Some("got more than 65536 bytes when reading header line".into()),
            )));
        }
        self.lines += 1;
        if self.lines > MAX_HEADERS {
            return Some(Err(Step::Error(
                431,
                Some("Too many headers".into()),
                Some(format!("got more than {MAX_HEADERS} headers")),
            )));
        }
        (line.is_empty() || line == b"\r\n" || line == b"\n").then_some(Ok(()))
    }
}

/// One request's state and its response head.
#[derive(Debug)]
pub(crate) struct Exchange {
    pub(crate) command: String,
    pub(crate) path: String,
    pub(crate) request_version: String,
    pub(crate) requestline: String,
    pub(crate) headers: HTTPMessage,
    pub(crate) close_connection: bool,
    pub(crate) body: Body,
    headers_buffer: Vec<u8>,
}

impl Exchange {
    pub(crate) fn new() -> Self {
        Exchange {
            command: String::new(),
            path: String::new(),
            request_version: String::new(),
            requestline: String::new(),
            headers: HTTPMessage::new(),
            close_connection: true,
            body: Body::None,
            headers_buffer: Vec::new(),
        }
    }

    /// `handle_one_request` on the raw request line (`rfile.readline(65537)`).
    pub(crate) fn request_line(&mut self, raw: &[u8], protocol: &str) -> Step {
        self.command.clear();
        self.body = Body::None;
        // a head a handler left unfinished never prefixes the next response
        self.headers_buffer.clear();
        if raw.len() as u64 > MAX_LINE {
            self.requestline.clear();
            self.request_version.clear();
            return Step::Error(414, None, None);
        }
        if raw.is_empty() {
            self.close_connection = true;
            return Step::Close;
        }
        self.request_version.clear();
        self.request_version.push_str("HTTP/0.9");
        self.close_connection = true;
        self.requestline.clear();
        self.requestline.extend(raw.iter().map(|&b| char::from(b)));
        let kept = self.requestline.trim_end_matches(['\r', '\n']).len();
        self.requestline.truncate(kept);
        let line = match parse_request_line(&self.requestline) {
            Ok(line) => line,
            Err(RequestLineError::Empty) => return Step::Close,
            Err(e) => {
                // CPython keeps `request_version` at HTTP/0.9 (an answer without a
                // status line) unless the version itself was valid
                if let RequestLineError::BadSyntax(line) = &e {
                    let words: Vec<&str> = line.split_whitespace().collect();
                    if words.len() >= 3 {
                        self.request_version = words[words.len() - 1].to_owned();
                    }
                }
                return Step::Error(e.status(), Some(e.message()), None);
            }
        };
        if line.version_number >= (1, 1) && protocol >= "HTTP/1.1" {
            self.close_connection = false;
        }
        self.request_version.clear();
        self.request_version.push_str(&line.version);
        let http09 = line.version_number == (0, 9);
        if http09 {
            self.close_connection = true;
        }
        self.command = line.command;
        // gh-87389 (CVE-2021-28861): `//host/path` would be an open redirect
        self.path = if line.path.starts_with("//") {
            format!("/{}", line.path.trim_start_matches('/'))
        } else {
            line.path
        };
        if http09 {
            self.headers = HTTPMessage::new();
            return Step::Dispatch;
        }
        if !raw.ends_with(b"\r\n") {
            return Step::Error(
                400,
                Some("Bad request syntax: a bare LF ends the request line".into()),
                None,
            );
        }
        Step::Headers
    }

    /// The rest of `parse_request` once the header block is in.
    pub(crate) fn header_block(&mut self, block: &[u8], protocol: &str) -> Step {
        if let Some(why) = malformed_field(block) {
            return Step::Error(400, Some(format!("Bad request: {why}")), None);
        }
        match parse_headers(block) {
            Ok(h) => self.headers = h,
            Err(e) => {
                return Step::Error(431, Some("Too many headers".into()), Some(e.to_string()));
            }
        }
        match request_framing(&self.headers) {
            Ok(BodyLength::Empty) => self.body = Body::None,
            Ok(length) => self.body = Body::Unread(length),
            Err(e) => {
                return Step::Error(
                    400,
                    Some("Bad request: ambiguous body framing".into()),
                    Some(e.to_string()),
                );
            }
        }
        let conntype = self.headers.get("Connection").unwrap_or("");
        if conntype.eq_ignore_ascii_case("close") {
            self.close_connection = true;
        } else if conntype.eq_ignore_ascii_case("keep-alive") && protocol >= "HTTP/1.1" {
            self.close_connection = false;
        }
        let expect = self.headers.get("Expect").unwrap_or("");
        if expect.eq_ignore_ascii_case("100-continue")
            && protocol >= "HTTP/1.1"
            && self.request_version.as_str() >= "HTTP/1.1"
        {
            return Step::Expect100;
        }
        Step::Dispatch
    }

    /// After `do_<METHOD>`: a body left unread would be read as the next request.
    pub(crate) fn finish(&mut self) {
        if !matches!(self.body, Body::None | Body::Taken(false)) {
            self.close_connection = true;
        }
    }

    /// `send_response_only`: the status line (none for HTTP/0.9).
    pub(crate) fn status_line(
        &mut self,
        protocol: &str,
        code: u16,
        message: Option<&str>,
    ) -> io::Result<()> {
        if self.request_version == "HTTP/0.9" {
            return Ok(());
        }
        let message = match message {
            Some(m) => m,
            None => HTTPStatus::new(code)
                .map(|s| s.phrase())
                .unwrap_or_default(),
        };
        let message = latin1(message)?;
        check_header_value(&message).map_err(invalid)?;
        if self.headers_buffer.capacity() == 0 {
            self.headers_buffer.reserve(256);
        }
        self.headers_buffer.extend_from_slice(protocol.as_bytes());
        {
            use std::io::Write;
            let _ = write!(self.headers_buffer, " {code} ");
        }
        self.headers_buffer.extend_from_slice(&message);
        self.headers_buffer.extend_from_slice(b"\r\n");
        Ok(())
    }

    /// `send_header`: buffered; `Connection` also decides `close_connection`.
    pub(crate) fn header(&mut self, keyword: &str, value: &str) -> io::Result<()> {
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

    /// `end_headers`: the blank line added (not for HTTP/0.9).
    pub(crate) fn end_headers(&mut self) {
        if self.request_version != "HTTP/0.9" {
            self.headers_buffer.extend_from_slice(b"\r\n");
        }
    }

    /// `flush_headers`: the head to write, if any.
    pub(crate) fn take_head(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.headers_buffer)
    }

    /// The head to write (then `clear_head`).
    #[cfg_attr(not(feature = "tokio"), allow(dead_code))]
    pub(crate) fn head(&self) -> &[u8] {
        &self.headers_buffer
    }

    #[cfg_attr(not(feature = "tokio"), allow(dead_code))]
    pub(crate) fn clear_head(&mut self) {
        self.headers_buffer.clear();
    }
}

/// What `send_error` sends: the message, the explanation, and the page (for codes
/// that have a body).
pub(crate) struct ErrorPage {
    pub(crate) message: String,
    pub(crate) page: Option<String>,
}

/// `send_error`'s defaults and page: `responses[code]` for the message and
/// explanation, `error_message_format` filled in with HTML-escaped text.
pub(crate) fn error_page(
    format: &str,
    code: u16,
    message: Option<&str>,
    explain: Option<&str>,
) -> ErrorPage {
    let (short, long) = HTTPStatus::new(code)
        .map(|s| (s.phrase(), s.description()))
        .unwrap_or(("???", "???"));
    let message = message.unwrap_or(short).to_owned();
    let explain = explain.unwrap_or(long);
    let page = (code >= 200 && ![204, 205, 304].contains(&code)).then(|| {
        format
            .replace("%(code)d", &code.to_string())
            .replace("%(code)s", &code.to_string())
            .replace("%(message)s", &html_escape(&message))
            .replace("%(explain)s", &html_escape(explain))
    });
    ErrorPage { message, page }
}

/// `html.escape(s, quote=False)`.
pub(crate) fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub(crate) fn invalid(e: impl std::fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e.to_string())
}

/// Text as ISO-8859-1 (`encode('latin-1', 'strict')`).
fn latin1(s: &str) -> io::Result<std::borrow::Cow<'_, [u8]>> {
    if s.is_ascii() {
        return Ok(std::borrow::Cow::Borrowed(s.as_bytes()));
    }
    s.chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect::<Option<Vec<u8>>>()
        .map(std::borrow::Cow::Owned)
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "'latin-1' codec can't encode the text",
            )
        })
}

/// Why a header block is not `token ":" value CRLF` lines, if it is not: an
/// obsolete line folding, a bare CR or LF, a space before the colon, a line
/// without a name. CPython's parser reads these in ways a proxy in front may not
/// (RFC 9112 sections 2.2 and 5.1 ask a server to refuse them), so they are 400.
fn malformed_field(block: &[u8]) -> Option<&'static str> {
    // the block ends with its blank line; every line before it ends with CR LF
    let fields = block.strip_suffix(b"\r\n").unwrap_or(block);
    for line in fields.split_inclusive(|&b| b == b'\n') {
        let Some(line) = line.strip_suffix(b"\r\n") else {
            return Some("a bare LF ends a header line");
        };
        if line.first().is_some_and(|&b| b == b' ' || b == b'\t') {
            return Some("obsolete line folding");
        }
        if line.contains(&b'\r') {
            return Some("a bare CR in a header line");
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return Some("a header line without a colon");
        };
        if colon == 0 || check_header_name(&line[..colon]).is_err() {
            return Some("an invalid header name");
        }
    }
    None
}
