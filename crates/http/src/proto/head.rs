//! Reading message heads: header blocks with CPython's limits, status lines, and the
//! response head with its interim 100 Continue responses.

use super::{MAX_HEADERS, MAX_INTERIM, MAX_LINE, line_end};
use crate::message::latin1;
use crate::{Error, HTTPMessage, Result};

/// The limits a head reader enforces. The defaults are CPython's: 65,536 bytes a
/// line and 100 lines a header block (its terminating blank line included).
///
/// ```
/// let l = netstd_http::proto::Limits::default();
/// assert_eq!((l.max_line, l.max_headers), (65_536, 100));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The longest line, terminator included (`_MAXLINE`).
    pub max_line: usize,
    /// The most lines in a header block, blank line included (`_MAXHEADERS`).
    pub max_headers: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_line: MAX_LINE,
            max_headers: MAX_HEADERS,
        }
    }
}

/// Finds the end of a header block in bytes that arrive piecemeal, as CPython's
/// `http.client._read_headers` reads it: line by line up to a line that is `\r\n`
/// or `\n`, refusing a line longer than the limit and a block of too many lines.
/// Bytes are scanned once however they are split.
///
/// ```
/// use netstd_http::proto::{HeadReader, Limits};
/// let mut r = HeadReader::new(Limits::default());
/// assert_eq!(r.feed(b"Host: a\r\nX: 1")?, None);
/// assert_eq!(r.feed(b"Host: a\r\nX: 1\r\n\r\nbody")?, Some(17));
/// # Ok::<(), netstd_http::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct HeadReader {
    limits: Limits,
    /// Start of the line being read, relative to the block.
    line_start: usize,
    /// Bytes of the current line already scanned for `\n`.
    scanned: usize,
    lines: usize,
    what: &'static str,
}

impl HeadReader {
    /// A reader for a header block (`header line` in LineTooLong's message).
    pub fn new(limits: Limits) -> Self {
        Self::named(limits, "header line")
    }

    pub(crate) fn named(limits: Limits, what: &'static str) -> Self {
        HeadReader {
            limits,
            line_start: 0,
            scanned: 0,
            lines: 0,
            what,
        }
    }

    /// Looks for the end of the block in `block` (all bytes of the block received
    /// so far, from its first byte): `Some(end)` just past the blank line, `None`
    /// when more bytes are needed.
    pub fn feed(&mut self, block: &[u8]) -> Result<Option<usize>> {
        loop {
            let line = &block[self.line_start..];
            let Some(end) = line_end(line, self.scanned, self.limits.max_line, self.what)? else {
                self.scanned = line.len();
                return Ok(None);
            };
            self.count_line()?;
            let full = self.line_start + end;
            let is_blank = end <= 2 && (&line[..end] == b"\r\n" || &line[..end] == b"\n");
            self.line_start = full;
            self.scanned = 0;
            if is_blank {
                return Ok(Some(full));
            }
        }
    }

    /// The end of the block when the peer closed the connection: everything
    /// received, CPython counting the unterminated last line and the empty read
    /// that ends it.
    pub fn finish(&mut self, block: &[u8]) -> Result<usize> {
        if block.len() > self.line_start {
            self.count_line()?;
        }
        self.count_line()?;
        Ok(block.len())
    }

    fn count_line(&mut self) -> Result<()> {
        self.lines += 1;
        if self.lines > self.limits.max_headers {
            return Err(Error::HTTPException(format!(
                "got more than {} headers",
                self.limits.max_headers
            )));
        }
        Ok(())
    }
}

/// A parsed status line: what CPython's `HTTPResponse._read_status` returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    /// The version as sent (`HTTP/1.1`).
    pub version: String,
    /// The status code, 100 to 999.
    pub status: u16,
    /// The reason phrase, stripped of surrounding white space.
    pub reason: String,
}

/// Python's `str.isspace()` for a character decoded from Latin-1.
fn py_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..='\x20' | '\u{85}' | '\u{a0}')
}

/// Parses one status line (terminator included or not) as CPython does: split on
/// white space into version, status and reason; the version must start with
/// `HTTP/`, the status be a number from 100 to 999. netstd takes only ASCII digits
/// for the status, where CPython's `int()` also takes signs and underscores.
///
/// ```
/// let s = netstd_http::proto::parse_status_line(b"HTTP/1.1 404 Not  Found\r\n")?;
/// assert_eq!((s.status, s.reason.as_str()), (404, "Not  Found"));
/// assert!(netstd_http::proto::parse_status_line(b"ICY 200 OK\r\n").is_err());
/// # Ok::<(), netstd_http::Error>(())
/// ```
pub fn parse_status_line(line: &[u8]) -> Result<StatusLine> {
    let text = latin1(line);
    let bad = || Error::BadStatusLine(text.clone());
    let mut rest = text.trim_start_matches(py_space);
    let mut next = || {
        let end = rest.find(py_space).unwrap_or(rest.len());
        let word = &rest[..end];
        rest = rest[end..].trim_start_matches(py_space);
        word
    };
    let version = next();
    let status = next();
    let reason = rest.trim_matches(py_space);
    if !version.starts_with("HTTP/") {
        return Err(bad());
    }
    let code = if !status.is_empty() && status.bytes().all(|b| b.is_ascii_digit()) {
        let digits = status.trim_start_matches('0');
        if digits.len() > 3 {
            return Err(bad());
        }
        digits.parse::<u16>().unwrap_or(0)
    } else {
        return Err(bad());
    };
    if !(100..=999).contains(&code) {
        return Err(bad());
    }
    Ok(StatusLine {
        version: version.to_owned(),
        status: code,
        reason: reason.to_owned(),
    })
}

/// A response head: the status line and header fields of the final response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseHead {
    /// 10 for HTTP/1.0 (and 0.9), 11 for HTTP/1.1 and any later 1.x, as
    /// `HTTPResponse.version`.
    pub version: u8,
    /// The status code.
    pub status: u16,
    /// The reason phrase.
    pub reason: String,
    /// The header fields.
    pub headers: HTTPMessage,
}

/// One step of [`ResponseHeadParser::parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeadStep {
    /// Nothing complete yet: call again with more bytes (the same ones first).
    NeedMore,
    /// A status line or an interim (1xx) response was read: drop this many bytes from
    /// the front of the buffer and call again.
    Consumed(usize),
    /// The final response head, and how many bytes it took; the body follows.
    Done(ResponseHead, usize),
}

#[derive(Debug, Clone)]
enum HeadState {
    Status {
        scanned: usize,
    },
    Headers {
        version: u8,
        status: StatusLine,
        reader: HeadReader,
    },
    SkipInterim(HeadReader),
}

/// Reads a response head as CPython's `HTTPResponse.begin` does: status line
/// (LineTooLong, BadStatusLine, RemoteDisconnected), skipping interim responses
/// (at most [`super::MAX_INTERIM`] of them: `100 Continue` as CPython, and
/// beyond it `102 Processing`, `103 Early Hints` and every 1xx but `101`, which
/// CPython would return as the response), the version check
/// (UnknownProtocol), then the header block with its limits.
#[derive(Debug, Clone)]
pub struct ResponseHeadParser {
    state: HeadState,
    limits: Limits,
    interim: usize,
}

impl Default for ResponseHeadParser {
    fn default() -> Self {
        Self::new()
    }
}

impl ResponseHeadParser {
    /// A parser with CPython's limits.
    pub fn new() -> Self {
        Self::with_limits(Limits::default())
    }

    /// A parser with other limits.
    pub fn with_limits(limits: Limits) -> Self {
        ResponseHeadParser {
            state: HeadState::Status { scanned: 0 },
            limits,
            interim: 0,
        }
    }

    /// Advances over `buf`, the unconsumed bytes received so far.
    pub fn parse(&mut self, buf: &[u8]) -> Result<HeadStep> {
        match std::mem::replace(&mut self.state, HeadState::Status { scanned: 0 }) {
            HeadState::Status { scanned } => {
                match line_end(buf, scanned, self.limits.max_line, "status line")? {
                    Some(end) => {
                        self.status_line(&buf[..end])?;
                        Ok(HeadStep::Consumed(end))
                    }
                    None => {
                        self.state = HeadState::Status { scanned: buf.len() };
                        Ok(HeadStep::NeedMore)
                    }
                }
            }
            HeadState::Headers {
                version,
                status,
                mut reader,
            } => match reader.feed(buf)? {
                Some(end) => Ok(HeadStep::Done(head(version, status, &buf[..end]), end)),
                None => {
                    self.state = HeadState::Headers {
                        version,
                        status,
                        reader,
                    };
                    Ok(HeadStep::NeedMore)
                }
            },
            HeadState::SkipInterim(mut reader) => match reader.feed(buf)? {
                Some(end) => Ok(HeadStep::Consumed(end)),
                None => {
                    self.state = HeadState::SkipInterim(reader);
                    Ok(HeadStep::NeedMore)
                }
            },
        }
    }

    /// The peer closed the connection: what CPython makes of the bytes left
    /// (`buf`, unconsumed). A status line cut short still counts; a missing one is
    /// [`Error::RemoteDisconnected`].
    pub fn eof(&mut self, buf: &[u8]) -> Result<(ResponseHead, usize)> {
        match std::mem::replace(&mut self.state, HeadState::Status { scanned: 0 }) {
            HeadState::Status { .. } if !buf.is_empty() => {
                self.status_line(buf)?;
                match std::mem::replace(&mut self.state, HeadState::Status { scanned: 0 }) {
                    HeadState::Headers {
                        version, status, ..
                    } => Ok((head(version, status, b""), buf.len())),
                    _ => Err(Error::RemoteDisconnected),
                }
            }
            HeadState::Headers {
                version,
                status,
                mut reader,
            } => {
                let end = reader.finish(buf)?;
                Ok((head(version, status, &buf[..end]), end))
            }
            HeadState::Status { .. } | HeadState::SkipInterim(_) => Err(Error::RemoteDisconnected),
        }
    }

    fn status_line(&mut self, line: &[u8]) -> Result<()> {
        let status = parse_status_line(line)?;
        if (100..200).contains(&status.status) && status.status != 101 {
            self.interim += 1;
            if self.interim > MAX_INTERIM {
                return Err(Error::HTTPException(format!(
                    "got more than {MAX_INTERIM} interim responses"
                )));
            }
            self.state = HeadState::SkipInterim(HeadReader::new(self.limits));
            return Ok(());
        }
        let version = match status.version.as_str() {
            "HTTP/1.0" | "HTTP/0.9" => 10,
            v if v.starts_with("HTTP/1.") => 11,
            v => return Err(Error::UnknownProtocol(v.to_owned())),
        };
        self.state = HeadState::Headers {
            version,
            status,
            reader: HeadReader::new(self.limits),
        };
        Ok(())
    }
}

fn head(version: u8, status: StatusLine, block: &[u8]) -> ResponseHead {
    ResponseHead {
        version,
        status: status.status,
        reason: status.reason,
        headers: HTTPMessage::from_block(block),
    }
}
