//! The request side: the request line as CPython's `BaseHTTPRequestHandler`
//! reads it, and request body framing.

use super::BodyLength;
use crate::{Error, HTTPMessage, Result};

/// A parsed request line (`command path version`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestLine {
    /// The method (`command`).
    pub command: String,
    /// The request target as sent (`path`), before the `//` reduction.
    pub path: String,
    /// `request_version`: `HTTP/1.1`, or `HTTP/0.9` for a two-word request.
    pub version: String,
    /// The version as numbers; `(0, 9)` for a two-word request.
    pub version_number: (u32, u32),
}

/// Why a request line was refused: each is the error CPython's `parse_request`
/// sends (400 or 505) with its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestLineError {
    /// An empty line: CPython answers nothing and closes.
    Empty,
    /// 400 `Bad request version ('...')`.
    BadVersion(String),
    /// 505 `Invalid HTTP version (2.0)`.
    VersionNotSupported(String),
    /// 400 `Bad request syntax ('...')`.
    BadSyntax(String),
    /// 400 `Bad HTTP/0.9 request type ('...')`.
    Bad09Type(String),
}

impl RequestLineError {
    /// The status code CPython answers with (0 for none).
    pub fn status(&self) -> u16 {
        match self {
            RequestLineError::Empty => 0,
            RequestLineError::VersionNotSupported(_) => 505,
            _ => 400,
        }
    }

    /// The message CPython's `send_error` gets.
    pub fn message(&self) -> String {
        let r = |s: &str| py_repr(s);
        match self {
            RequestLineError::Empty => String::new(),
            RequestLineError::BadVersion(v) => format!("Bad request version ({})", r(v)),
            RequestLineError::VersionNotSupported(v) => format!("Invalid HTTP version ({v})"),
            RequestLineError::BadSyntax(l) => format!("Bad request syntax ({})", r(l)),
            RequestLineError::Bad09Type(c) => format!("Bad HTTP/0.9 request type ({})", r(c)),
        }
    }
}

fn py_repr(s: &str) -> String {
    netstd_urlparse::py_repr(s)
}

/// Python's `str.isspace()` for a character decoded from Latin-1.
fn py_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..='\x20' | '\u{85}' | '\u{a0}')
}

/// Parses a request line (`requestline`: decoded as Latin-1, CR LF removed) as
/// CPython's `BaseHTTPRequestHandler.parse_request` does: three words (or two, for
/// an HTTP/0.9 `GET`), a version `HTTP/major.minor` of digits (at most ten each),
/// below 2.0.
///
/// ```
/// use netstd_http::proto::parse_request_line;
/// let r = parse_request_line("GET /index.html HTTP/1.1").unwrap();
/// assert_eq!((r.command.as_str(), r.path.as_str(), r.version_number), ("GET", "/index.html", (1, 1)));
/// assert_eq!(parse_request_line("GET / HTTP/2.0").unwrap_err().status(), 505);
/// assert_eq!(parse_request_line("GET / HTTP/1.x").unwrap_err().status(), 400);
/// ```
pub fn parse_request_line(requestline: &str) -> std::result::Result<RequestLine, RequestLineError> {
    let words: Vec<&str> = requestline
        .split(py_space)
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Err(RequestLineError::Empty);
    }
    let mut version = "HTTP/0.9";
    let mut number = (0, 9);
    if words.len() >= 3 {
        let v = words[words.len() - 1];
        let bad = || RequestLineError::BadVersion(v.to_owned());
        let base = v.strip_prefix("HTTP/").ok_or_else(bad)?;
        let parts: Vec<&str> = base.split('.').collect();
        if parts.len() != 2
            || parts
                .iter()
                .any(|p| p.is_empty() || p.len() > 10 || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad());
        }
        let major: u64 = parts[0].parse().map_err(|_| bad())?;
        let minor: u64 = parts[1].parse().map_err(|_| bad())?;
        if major >= 2 {
            return Err(RequestLineError::VersionNotSupported(base.to_owned()));
        }
        number = (major as u32, minor.min(u64::from(u32::MAX)) as u32);
        version = v;
    }
    if !(2..=3).contains(&words.len()) {
        return Err(RequestLineError::BadSyntax(requestline.to_owned()));
    }
    if words.len() == 2 && words[0] != "GET" {
        return Err(RequestLineError::Bad09Type(words[0].to_owned()));
    }
    Ok(RequestLine {
        command: words[0].to_owned(),
        path: words[1].to_owned(),
        version: version.to_owned(),
        version_number: number,
    })
}

/// The framing of a request body, refusing what would let a request be read two
/// ways (request smuggling): Transfer-Encoding other than exactly `chunked`,
/// Transfer-Encoding beside Content-Length, Content-Length values that disagree or
/// are not plain digits. No body when neither is sent.
///
/// ```
/// use netstd_http::proto::{request_framing, BodyLength};
/// let h = netstd_http::parse_headers(b"Content-Length: 5\r\n\r\n")?;
/// assert_eq!(request_framing(&h)?, BodyLength::Length(5));
/// let h = netstd_http::parse_headers(b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n")?;
/// assert!(request_framing(&h).is_err());
/// # Ok::<(), netstd_http::Error>(())
/// ```
pub fn request_framing(headers: &HTTPMessage) -> Result<BodyLength> {
    if headers.contains("transfer-encoding") {
        let codings = headers.get_all("transfer-encoding").join(",");
        if !codings
            .trim_matches([' ', '\t'])
            .eq_ignore_ascii_case("chunked")
        {
            return Err(Error::UnknownTransferEncoding(codings));
        }
        if headers.contains("content-length") {
            return Err(Error::HTTPException(
                "request has both Transfer-Encoding and Content-Length".into(),
            ));
        }
        return Ok(BodyLength::Chunked);
    }
    if headers.contains("content-length") {
        return Ok(match super::framing::content_length(headers)? {
            0 => BodyLength::Empty,
            n => BodyLength::Length(n),
        });
    }
    Ok(BodyLength::Empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpython_parse_request_cases() {
        let ok = |l: &str| parse_request_line(l).unwrap();
        assert_eq!(ok("GET /").version, "HTTP/0.9");
        assert_eq!(ok("GET / HTTP/1.0").version_number, (1, 0));
        assert_eq!(ok("GET / HTTP/01.01").version_number, (1, 1));
        assert_eq!(ok("GET  /a  HTTP/1.1").path, "/a");
        let err = |l: &str| parse_request_line(l).unwrap_err();
        assert_eq!(err(""), RequestLineError::Empty);
        assert_eq!(err("   "), RequestLineError::Empty);
        assert_eq!(err("POST /"), RequestLineError::Bad09Type("POST".into()));
        assert_eq!(err("GET"), RequestLineError::BadSyntax("GET".into()));
        assert_eq!(
            err("GET / x HTTP/1.1"),
            RequestLineError::BadSyntax("GET / x HTTP/1.1".into())
        );
        assert_eq!(
            err("GET / HTTP/1"),
            RequestLineError::BadVersion("HTTP/1".into())
        );
        assert_eq!(
            err("GET / HTTP/1.1.1"),
            RequestLineError::BadVersion("HTTP/1.1.1".into())
        );
        assert_eq!(
            err("GET / HTTP/+1.1"),
            RequestLineError::BadVersion("HTTP/+1.1".into())
        );
        assert_eq!(
            err("GET / HTTP/11111111111.1"),
            RequestLineError::BadVersion("HTTP/11111111111.1".into())
        );
        assert_eq!(err("GET / HTTP/3.0").status(), 505);
        assert_eq!(
            err("GET / FTP/1.1").message(),
            "Bad request version ('FTP/1.1')"
        );
    }
}
