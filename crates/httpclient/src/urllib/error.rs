//! Python's `urllib.error`: `URLError`, `HTTPError` and `ContentTooShortError` are
//! variants of the crate's [`Error`] (`Error::URLError`,
//! `Error::HTTPError`, `Error::ContentTooShortError`; [`Error::is_url_error`](crate::Error::is_url_error)
//! is `isinstance(e, URLError)`); [`HTTPError`] is the response an HTTP error carries.
//!
//! ```no_run
//! use netstd_httpclient::{Error, urllib::request::urlopen};
//! match urlopen("http://localhost:8000/missing") {
//!     Ok(resp) => println!("{:?}", resp.status()),
//!     Err(Error::HTTPError(mut e)) => {
//!         let page = e.read();
//!         println!("{} {}: {page:?}", e.code, e.msg);
//!     }
//!     Err(e) if e.is_url_error() => println!("failed: {e}"),
//!     Err(e) => println!("other: {e}"),
//! }
//! ```

pub use crate::Error;
use crate::Result;
use netstd_http::HTTPMessage;

use super::response::addinfourl;

/// The body an [`HTTPError`] carries (behind a `Mutex`, so the error is `Sync`).
pub(crate) enum ErrorBody {
    None,
    Blocking(Box<addinfourl>),
    #[cfg(feature = "tokio")]
    Async(Box<super::request::aio::Response>),
}

/// Python's `urllib.error.HTTPError(url, code, msg, hdrs, fp)`: the error for an
/// HTTP status no handler dealt with, and the response itself (`code`, `reason`,
/// `headers`, `read()`), so an error page can be read.
///
/// ```
/// use netstd_httpclient::urllib::error::HTTPError;
/// let e = HTTPError::new("http://a/", 404, "Not Found", Default::default());
/// assert_eq!(e.to_string(), "HTTP Error 404: Not Found");
/// assert_eq!(e.getcode(), 404);
/// ```
pub struct HTTPError {
    /// `url` / `filename`: the URL that answered with the error.
    pub url: String,
    /// `code` / `status`.
    pub code: u16,
    /// `msg` / `reason`.
    pub msg: String,
    /// `hdrs` / `headers`.
    pub hdrs: HTTPMessage,
    fp: std::sync::Mutex<ErrorBody>,
}

impl std::fmt::Debug for HTTPError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HTTPError")
            .field("url", &self.url)
            .field("code", &self.code)
            .field("msg", &self.msg)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Display for HTTPError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HTTP Error {}: {}", self.code, self.msg)
    }
}

impl HTTPError {
    /// `HTTPError(url, code, msg, hdrs, fp=None)`: an error without a body.
    pub fn new(url: &str, code: u16, msg: &str, hdrs: HTTPMessage) -> Self {
        HTTPError {
            url: url.to_owned(),
            code,
            msg: msg.to_owned(),
            hdrs,
            fp: std::sync::Mutex::new(ErrorBody::None),
        }
    }

    pub(crate) fn with_body(mut self, fp: ErrorBody) -> Self {
        self.fp = std::sync::Mutex::new(fp);
        self
    }

    /// `code`.
    pub fn code(&self) -> u16 {
        self.code
    }

    /// `getcode()`.
    pub fn getcode(&self) -> u16 {
        self.code
    }

    /// `status`.
    pub fn status(&self) -> u16 {
        self.code
    }

    /// `reason`.
    pub fn reason(&self) -> &str {
        &self.msg
    }

    /// `headers`.
    pub fn headers(&self) -> &HTTPMessage {
        &self.hdrs
    }

    /// `info()`.
    pub fn info(&self) -> &HTTPMessage {
        &self.hdrs
    }

    /// `geturl()` (and `filename`).
    pub fn geturl(&self) -> &str {
        &self.url
    }

    /// `read()`: the error page (empty without one). An error from the async
    /// opener is read with `read_async`.
    pub fn read(&mut self) -> Result<Vec<u8>> {
        match self.fp.get_mut().unwrap_or_else(|p| p.into_inner()) {
            ErrorBody::None => Ok(Vec::new()),
            ErrorBody::Blocking(r) => r.read(),
            #[cfg(feature = "tokio")]
            ErrorBody::Async(_) => Err(Error::ValueError(
                "this HTTPError came from the async opener: use read_async".into(),
            )),
        }
    }

    /// `read()` for an error from the async opener (the blocking one's reads too).
    #[cfg(feature = "tokio")]
    pub async fn read_async(&mut self) -> Result<Vec<u8>> {
        match self.fp.get_mut().unwrap_or_else(|p| p.into_inner()) {
            ErrorBody::Async(r) => r.read().await,
            _ => self.read(),
        }
    }

    /// The response under the error, when it came from the blocking opener.
    pub fn into_response(self) -> Option<addinfourl> {
        match self.fp.into_inner().unwrap_or_else(|p| p.into_inner()) {
            ErrorBody::Blocking(r) => Some(*r),
            _ => None,
        }
    }
}
