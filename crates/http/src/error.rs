//! The one error type of netstd-http, named after `http.client`'s exceptions.

/// What the message layer refuses, named after the exception CPython's `http.client`
/// raises for it (or would raise, where netstd is stricter: see each case).
///
/// ```
/// use netstd_http::{parse_headers, Error};
/// let e = parse_headers(&[b'x'; 70_000]).unwrap_err();
/// assert!(matches!(e, Error::LineTooLong(_)));
/// assert_eq!(e.python_name(), "LineTooLong");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `http.client.HTTPException`: the base class, raised as such for too many
    /// headers or trailers, and (netstd only) for a response whose framing is
    /// ambiguous: Content-Length beside Transfer-Encoding, disagreeing or malformed
    /// Content-Length values.
    #[error("{0}")]
    HTTPException(String),
    /// `http.client.LineTooLong`: a status, header, chunk-size or trailer line longer
    /// than the limit (65,536 bytes, as CPython's `_MAXLINE`). Holds what was being read.
    #[error("got more than {limit} bytes when reading {0}", limit = crate::proto::MAX_LINE)]
    LineTooLong(&'static str),
    /// `http.client.BadStatusLine`: a status line that is not `HTTP/x.y NNN reason`.
    /// Holds the line, as `str(e)` does in Python.
    #[error("{0}")]
    BadStatusLine(String),
    /// `http.client.RemoteDisconnected`: the peer closed the connection before
    /// sending a status line.
    #[error("Remote end closed connection without response")]
    RemoteDisconnected,
    /// `http.client.UnknownProtocol`: a version other than HTTP/0.9, 1.0 or 1.x.
    #[error("{0}")]
    UnknownProtocol(String),
    /// `http.client.UnknownTransferEncoding`: a Transfer-Encoding other than
    /// `chunked` (CPython reads such bodies until the connection closes; netstd
    /// refuses to guess).
    #[error("unknown transfer encoding: {0}")]
    UnknownTransferEncoding(String),
    /// `http.client.IncompleteRead`: the body ended before its announced length, or
    /// its chunked framing was broken (CPython turns a bad chunk size into
    /// `IncompleteRead` too).
    #[error("IncompleteRead({partial} bytes read{})", expected.map(|n| format!(", {n} more expected")).unwrap_or_default())]
    IncompleteRead {
        /// Body bytes received before the failure.
        partial: u64,
        /// Bytes still expected, when known.
        expected: Option<u64>,
    },
    /// `http.client.InvalidURL`: control characters or spaces in a request target or
    /// host (CVE-2019-9740, CVE-2019-9947, CVE-2019-18348), or a bad port.
    #[error("{0}")]
    InvalidURL(String),
    /// `ValueError`: a method, header name or header value that would let a caller
    /// inject into the request (CVE-2020-26116 and its kin), or a bad argument.
    #[error("{0}")]
    ValueError(String),
    /// `UnicodeEncodeError`: text that the wire encoding (ASCII for the request line,
    /// Latin-1 for header values and str bodies) cannot carry.
    #[error("{0}")]
    UnicodeEncodeError(String),
}

impl Error {
    /// The name of the Python exception class this error stands for.
    ///
    /// ```
    /// assert_eq!(netstd_http::Error::RemoteDisconnected.python_name(), "RemoteDisconnected");
    /// ```
    pub fn python_name(&self) -> &'static str {
        match self {
            Error::HTTPException(_) => "HTTPException",
            Error::LineTooLong(_) => "LineTooLong",
            Error::BadStatusLine(_) => "BadStatusLine",
            Error::RemoteDisconnected => "RemoteDisconnected",
            Error::UnknownProtocol(_) => "UnknownProtocol",
            Error::UnknownTransferEncoding(_) => "UnknownTransferEncoding",
            Error::IncompleteRead { .. } => "IncompleteRead",
            Error::InvalidURL(_) => "InvalidURL",
            Error::ValueError(_) => "ValueError",
            Error::UnicodeEncodeError(_) => "UnicodeEncodeError",
        }
    }
}
