//! The one error type of netstd-httpclient: every exception of `http.client`.

use std::io;

/// Every exception `http.client` raises, with the socket and TLS errors under it
/// (Python's `OSError` family, carried as netcore's error).
///
/// ```
/// use netstd_httpclient::{Error, HTTPConnection};
/// let e = HTTPConnection::new("example.org:http").unwrap_err();
/// assert!(matches!(e, Error::InvalidURL(_)));
/// assert_eq!(e.python_name(), "InvalidURL");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `HTTPException`, raised as such for too many headers, too many interim
    /// responses and (netstd only) ambiguous framing.
    #[error("{0}")]
    HTTPException(String),
    /// `NotConnected`: sending with `auto_open` off and no connection.
    #[error("not connected")]
    NotConnected,
    /// `InvalidURL`: a bad port, or control characters in a host or target.
    #[error("{0}")]
    InvalidURL(String),
    /// `UnknownProtocol`: a status line with a version other than HTTP/1.x.
    #[error("{0}")]
    UnknownProtocol(String),
    /// `UnknownTransferEncoding`: a Transfer-Encoding other than chunked.
    #[error("unknown transfer encoding: {0}")]
    UnknownTransferEncoding(String),
    /// `UnimplementedFileMode` (kept for completeness; nothing raises it, as in CPython).
    #[error("unimplemented file mode")]
    UnimplementedFileMode,
    /// `IncompleteRead`: the body ended early or its chunked framing was broken.
    #[error("IncompleteRead({partial} bytes read{})", expected.map(|n| format!(", {n} more expected")).unwrap_or_default())]
    IncompleteRead {
        /// Bytes read before the failure.
        partial: u64,
        /// Bytes still expected, when known.
        expected: Option<u64>,
    },
    /// `ImproperConnectionState` (the base of the next three).
    #[error("{0}")]
    ImproperConnectionState(String),
    /// `CannotSendRequest`: `putrequest` while a request is being sent, or while
    /// the previous response still holds the connection.
    #[error("{0}")]
    CannotSendRequest(String),
    /// `CannotSendHeader`: `putheader`/`endheaders` outside a request.
    #[error("{0}")]
    CannotSendHeader(String),
    /// `ResponseNotReady`: `getresponse` before a request was sent.
    #[error("{0}")]
    ResponseNotReady(String),
    /// `BadStatusLine`.
    #[error("{0}")]
    BadStatusLine(String),
    /// `LineTooLong`: a status, header, chunk-size or trailer line over 65,536 bytes.
    #[error("got more than 65536 bytes when reading {0}")]
    LineTooLong(&'static str),
    /// `RemoteDisconnected`: the server closed the connection without a response.
    #[error("Remote end closed connection without response")]
    RemoteDisconnected,
    /// `ValueError`: an injected method, header name or value; a bad argument.
    #[error("{0}")]
    ValueError(String),
    /// `UnicodeEncodeError`: text the wire encoding cannot carry.
    #[error("{0}")]
    UnicodeEncodeError(String),
    /// `RuntimeError`: `set_tunnel` on an established connection.
    #[error("{0}")]
    RuntimeError(String),
    /// `OSError` raised by http.client itself: a tunnel the proxy refused
    /// (`Tunnel connection failed: 407 Proxy Authentication Required`).
    #[error("{0}")]
    TunnelError(String),
    /// A socket or TLS error (`OSError`, `TimeoutError`, `ssl.SSLCertVerificationError`, ...).
    #[error(transparent)]
    OSError(#[from] netstd_core::Error),
    /// `urllib.error.URLError`: a URL that could not be opened (an unknown scheme,
    /// no host, a socket error while sending, a bad `data:` URL); `os_error` is the
    /// `reason` when it was an `OSError`.
    #[error("<urlopen error {reason}>")]
    URLError {
        /// `reason`, as text.
        reason: String,
        /// `reason` when it was a socket or TLS error.
        #[source]
        os_error: Option<netstd_core::Error>,
    },
    /// `urllib.error.HTTPError`: an HTTP error status no handler dealt with; it is
    /// also a response (status, headers, body).
    #[error("{0}")]
    HTTPError(Box<crate::urllib::error::HTTPError>),
    /// `urllib.error.ContentTooShortError`: `urlretrieve` got fewer bytes than the
    /// Content-Length announced.
    #[error("<urlopen error {message}>")]
    ContentTooShortError {
        /// The message (`retrieval incomplete: got only N out of M bytes`).
        message: String,
        /// `content[0]`: the file written.
        filename: std::path::PathBuf,
        /// `content[1]`: the response headers.
        headers: netstd_http::HTTPMessage,
    },
}

impl Error {
    /// The name of the Python exception class this error stands for.
    ///
    /// ```
    /// let e = netstd_httpclient::Error::from(netstd_core::Error::TimeoutError);
    /// assert_eq!(e.python_name(), "TimeoutError");
    /// ```
    pub fn python_name(&self) -> &'static str {
        match self {
            Error::HTTPException(_) => "HTTPException",
            Error::NotConnected => "NotConnected",
            Error::InvalidURL(_) => "InvalidURL",
            Error::UnknownProtocol(_) => "UnknownProtocol",
            Error::UnknownTransferEncoding(_) => "UnknownTransferEncoding",
            Error::UnimplementedFileMode => "UnimplementedFileMode",
            Error::IncompleteRead { .. } => "IncompleteRead",
            Error::ImproperConnectionState(_) => "ImproperConnectionState",
            Error::CannotSendRequest(_) => "CannotSendRequest",
            Error::CannotSendHeader(_) => "CannotSendHeader",
            Error::ResponseNotReady(_) => "ResponseNotReady",
            Error::BadStatusLine(_) => "BadStatusLine",
            Error::LineTooLong(_) => "LineTooLong",
            Error::RemoteDisconnected => "RemoteDisconnected",
            Error::ValueError(_) => "ValueError",
            Error::UnicodeEncodeError(_) => "UnicodeEncodeError",
            Error::RuntimeError(_) => "RuntimeError",
            Error::TunnelError(_) => "OSError",
            Error::OSError(e) => e.python_name(),
            Error::URLError { .. } => "URLError",
            Error::HTTPError(_) => "HTTPError",
            Error::ContentTooShortError { .. } => "ContentTooShortError",
        }
    }

    /// `isinstance(e, urllib.error.URLError)`: URLError and its subclasses
    /// HTTPError and ContentTooShortError.
    ///
    /// ```
    /// use netstd_httpclient::urllib::request::urlopen;
    /// let e = urlopen("nosuch://x").unwrap_err();
    /// assert!(e.is_url_error());
    /// assert_eq!(e.to_string(), "<urlopen error unknown url type: nosuch>");
    /// ```
    pub fn is_url_error(&self) -> bool {
        matches!(
            self,
            Error::URLError { .. } | Error::HTTPError(_) | Error::ContentTooShortError { .. }
        )
    }

    /// `URLError(reason)` from text.
    pub(crate) fn url_error(reason: impl Into<String>) -> Error {
        Error::URLError {
            reason: reason.into(),
            os_error: None,
        }
    }

    /// `URLError(err)` around an `OSError`, as `do_open` wraps errors while sending;
    /// other errors pass unchanged.
    pub(crate) fn wrap_os_error(e: Error) -> Error {
        match e {
            Error::OSError(os) => Error::URLError {
                reason: os.to_string(),
                os_error: Some(os),
            },
            other => other,
        }
    }
}

impl From<netstd_http::Error> for Error {
    fn from(e: netstd_http::Error) -> Self {
        use netstd_http::Error as H;
        match e {
            H::HTTPException(m) => Error::HTTPException(m),
            H::LineTooLong(what) => Error::LineTooLong(what),
            H::BadStatusLine(m) => Error::BadStatusLine(m),
            H::RemoteDisconnected => Error::RemoteDisconnected,
            H::UnknownProtocol(m) => Error::UnknownProtocol(m),
            H::UnknownTransferEncoding(m) => Error::UnknownTransferEncoding(m),
            H::IncompleteRead { partial, expected } => Error::IncompleteRead { partial, expected },
            H::InvalidURL(m) => Error::InvalidURL(m),
            H::ValueError(m) => Error::ValueError(m),
            H::UnicodeEncodeError(m) => Error::UnicodeEncodeError(m),
            other => Error::HTTPException(other.to_string()),
        }
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        // an error of ours that travelled through `io::Read` comes back as itself
        match e.downcast::<Error>() {
            Ok(ours) => ours,
            Err(e) => Error::OSError(netstd_core::Error::from(e)),
        }
    }
}

impl From<Error> for io::Error {
    fn from(e: Error) -> Self {
        match e {
            Error::OSError(e) => io::Error::from(e),
            Error::IncompleteRead { .. } => io::Error::new(io::ErrorKind::UnexpectedEof, e),
            other => io::Error::other(other),
        }
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
