//! The crate's one error type, its variants named after the exceptions
//! `urllib.parse` raises.

/// The errors of `urllib.parse`, one variant per Python exception class.
///
/// ```
/// use netstd_urlparse::{urlsplit, Error};
/// let e = urlsplit("http://[::1/").unwrap_err();
/// assert_eq!(e.python_name(), "ValueError");
/// assert!(matches!(e, Error::ValueError { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `ValueError`: a malformed URL (unbalanced or invalid brackets, a netloc that
    /// NFKC normalisation changes into a delimiter), a bad port, a bad query field
    /// under `strict_parsing`, too many fields.
    #[error("{message}")]
    ValueError {
        /// Python's message.
        message: String,
        /// The CVE whose fix raises this error, when it is one (`"CVE-2025-0938"`).
        cve: Option<&'static str>,
    },
    /// `TypeError`: an argument Python refuses for its type (`encoding` given
    /// with bytes to `quote`, ...).
    #[error("{0}")]
    TypeError(String),
    /// `UnicodeEncodeError`: text the chosen encoding cannot encode, under
    /// `errors="strict"`.
    #[error("{0}")]
    UnicodeEncodeError(String),
    /// `UnicodeDecodeError`: bytes the chosen encoding cannot decode, under
    /// `errors="strict"` (also non-ASCII bytes given where Python decodes as ASCII).
    #[error("{0}")]
    UnicodeDecodeError(String),
    /// `LookupError`: an encoding or error handler name CPython does not know.
    #[error("{0}")]
    LookupError(String),
    /// `NotImplementedError`: an encoding or error handler CPython has and this crate
    /// does not (see the crate docs for the supported ones).
    #[error("{0}")]
    NotImplementedError(String),
}

impl Error {
    /// The Python exception class this error stands for.
    ///
    /// ```
    /// let e = netstd_urlparse::quote_with("é", &netstd_urlparse::QuoteOptions::new().encoding("ascii"));
    /// assert_eq!(e.unwrap_err().python_name(), "UnicodeEncodeError");
    /// ```
    pub fn python_name(&self) -> &'static str {
        match self {
            Error::ValueError { .. } => "ValueError",
            Error::TypeError(_) => "TypeError",
            Error::UnicodeEncodeError(_) => "UnicodeEncodeError",
            Error::UnicodeDecodeError(_) => "UnicodeDecodeError",
            Error::LookupError(_) => "LookupError",
            Error::NotImplementedError(_) => "NotImplementedError",
        }
    }

    /// The CVE whose fix raises this error, for the rejections that exist because
    /// of one (CVE-2019-9636, CVE-2024-11168, CVE-2025-0938, CVE-2021-23336's
    /// separator check does not raise). `None` for every other error.
    ///
    /// ```
    /// let e = netstd_urlparse::urlsplit("http://a[::1]/").unwrap_err();
    /// assert_eq!(e.cve(), Some("CVE-2025-0938"));
    /// ```
    pub fn cve(&self) -> Option<&'static str> {
        match self {
            Error::ValueError { cve, .. } => *cve,
            _ => None,
        }
    }

    pub(crate) fn value(message: impl Into<String>) -> Error {
        Error::ValueError {
            message: message.into(),
            cve: None,
        }
    }

    pub(crate) fn value_cve(message: impl Into<String>, cve: &'static str) -> Error {
        Error::ValueError {
            message: message.into(),
            cve: Some(cve),
        }
    }
}
