//! Python's `urllib.robotparser`: [`RobotFileParser`] answers whether a crawler may
//! fetch a URL under a site's robots.txt, with CPython's exact answers, and beyond
//! Python an RFC 9309 mode ([`Mode::Rfc9309`], [`rfc9309::RobotsTxt`]).
//!
//! The default mode is CPython 3.11's parser, quirks included: the first matching
//! rule wins (not the longest), a user agent matches an entry when the entry's name
//! is a substring of the lower-cased product token (`useragent.split('/')[0]`), the
//! `*` entry is tried last (the first one wins), paths are compared after CPython's
//! `unquote`/`quote` round trip, and `can_fetch` answers `false` until the file has
//! been parsed (or found missing).
//!
//! ```
//! use netstd_robotparser::{RobotFileParser, splitlines};
//! let mut rp = RobotFileParser::new("http://www.example.com/robots.txt")?;
//! rp.parse(splitlines("User-agent: *\nDisallow: /private\nCrawl-delay: 5\n"))?;
//! assert!(!rp.can_fetch("MyBot/1.0", "http://www.example.com/private/x")?);
//! assert!(rp.can_fetch("MyBot/1.0", "http://www.example.com/public")?);
//! assert_eq!(rp.crawl_delay("MyBot").and_then(|d| d.to_u64()), Some(5));
//! # Ok::<(), netstd_robotparser::Error>(())
//! ```
//!
//! [`RobotFileParser::read`] fetches the file with netstd-httpclient's
//! `urllib.request.urlopen` (`read_async` on tokio, feature `tokio`); its decision
//! half, what to make of the status and body, is [`RobotFileParser::read_response`],
//! which needs no I/O.
//!
//! The RFC 9309 mode answers as the RFC says: the longest match wins, `Allow` wins a
//! tie, `*` and `$` are wildcards, groups for the same product token are merged,
//! `/robots.txt` is always allowed, only the first 500 KiB are parsed:
//!
//! ```
//! use netstd_robotparser::RobotFileParser;
//! let mut rp = RobotFileParser::rfc9309("https://example.com/robots.txt")?;
//! rp.read_response(200, b"User-agent: *\nDisallow: /\nAllow: /*.css$\n")?;
//! assert!(rp.can_fetch("FooBot/2.1", "https://example.com/site.css")?);
//! assert!(!rp.can_fetch("FooBot/2.1", "https://example.com/site.css?v=2")?);
//! # Ok::<(), netstd_robotparser::Error>(())
//! ```

mod entry;
mod parser;
mod pytext;
mod read;
pub mod rfc9309;
mod tables;

use std::fmt;

pub use entry::{Entry, RuleLine};
pub use parser::{Mode, RobotFileParser};
pub use pytext::splitlines;
pub use read::MAX_READ_BYTES;

/// The errors of `urllib.robotparser`, named after the exceptions CPython raises.
///
/// ```
/// use netstd_robotparser::{RobotFileParser, splitlines};
/// let mut rp = RobotFileParser::default();
/// let e = rp.parse(splitlines("User-agent: *\nCrawl-delay: ²\n")).unwrap_err();
/// assert_eq!(e.python_name(), "ValueError");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `ValueError`: a URL or rule path `urllib.parse.urlparse` refuses (unbalanced
    /// brackets, an invalid bracketed host, a netloc NFKC turns into a delimiter), or a
    /// `Crawl-delay`/`Request-rate` number `int()` refuses (a digit such as `²` that
    /// `str.isdigit()` accepts, more than 4300 digits).
    #[error("{0}")]
    ValueError(String),
    /// `UnicodeDecodeError`: a robots.txt body that is not UTF-8 (CPython's `read()`
    /// decodes it with `raw.decode("utf-8")`).
    #[error("{0}")]
    UnicodeDecodeError(String),
    /// An error of `urlopen` in `read()` (`URLError`, a socket error, ...), with the
    /// name of its Python class.
    #[error("{message}")]
    URLError {
        /// The Python exception class (`URLError`, `TimeoutError`, ...).
        python_name: &'static str,
        /// Its text.
        message: String,
    },
}

impl Error {
    /// The Python exception class this error stands for.
    ///
    /// ```
    /// let e = netstd_robotparser::RobotFileParser::new("http://[::1/robots.txt").unwrap_err();
    /// assert_eq!(e.python_name(), "ValueError");
    /// ```
    pub fn python_name(&self) -> &'static str {
        match self {
            Error::ValueError(_) => "ValueError",
            Error::UnicodeDecodeError(_) => "UnicodeDecodeError",
            Error::URLError { python_name, .. } => python_name,
        }
    }
}

impl From<netstd_urlparse::Error> for Error {
    fn from(e: netstd_urlparse::Error) -> Error {
        // urlparse of a str raises only ValueError
        Error::ValueError(e.to_string())
    }
}

/// Python's `int` as robots.txt writes one: a non-negative integer of any size, kept
/// as its decimal digits (CPython reads `Crawl-delay: 99999999999999999999999` as
/// that number). [`Int::to_u64`] gives the value where it fits.
///
/// ```
/// use netstd_robotparser::Int;
/// let n = Int::from(30u64);
/// assert_eq!((n.as_str(), n.to_u64()), ("30", Some(30)));
/// assert_eq!(n.to_string(), "30");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Int(Box<str>);

impl Int {
    /// `digits`: ASCII digits without leading zeros, or `"0"`.
    pub(crate) fn from_canonical(digits: String) -> Int {
        Int(digits.into_boxed_str())
    }

    /// The decimal digits, without leading zeros (`"0"` for zero).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value, when it fits in a `u64`.
    pub fn to_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }
}

impl From<u64> for Int {
    fn from(n: u64) -> Int {
        Int(n.to_string().into_boxed_str())
    }
}

impl PartialEq<u64> for Int {
    fn eq(&self, other: &u64) -> bool {
        self.to_u64() == Some(*other)
    }
}

impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Python's `urllib.robotparser.RequestRate`, the named tuple `(requests, seconds)`
/// of a `Request-rate: requests/seconds` line.
///
/// ```
/// use netstd_robotparser::{RequestRate, RobotFileParser, splitlines};
/// let mut rp = RobotFileParser::default();
/// rp.parse(splitlines("User-agent: *\nRequest-rate: 3/15\n"))?;
/// let rate = rp.request_rate("bot").unwrap();
/// assert_eq!((rate.requests.to_u64(), rate.seconds.to_u64()), (Some(3), Some(15)));
/// assert_eq!(rate.to_string(), "RequestRate(requests=3, seconds=15)");
/// # Ok::<(), netstd_robotparser::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RequestRate {
    /// `requests`: how many requests...
    pub requests: Int,
    /// `seconds`: ...in how many seconds.
    pub seconds: Int,
}

impl fmt::Display for RequestRate {
    /// The named tuple's `repr`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "RequestRate(requests={}, seconds={})",
            self.requests, self.seconds
        )
    }
}
