//! Python's `http.cookiejar` in Rust: [`CookieJar`] with CPython's rules for
//! accepting and returning Netscape, RFC 2109 and RFC 2965 cookies
//! ([`DefaultCookiePolicy`] with every option), CPython's parsers
//! ([`split_header_words`], [`parse_ns_headers`], [`http2time`], [`iso2time`]) and helpers
//! ([`domain_match`], [`reach`], [`escape_path`], ...).
//!
//! Beyond Python: the jar is indexed by domain (a request looks up only the
//! domains that can match its host), its clock can be set
//! ([`CookieJar::set_now`]), and [`DefaultCookiePolicy::public_suffixes`] (a
//! list you give) or `DefaultCookiePolicy::public_suffix_list` (the Public
//! Suffix List, default feature `psl`) refuse cookies set for a public suffix
//! (both off by default, as in Python).
//!
//! The request and response sides are the traits [`CookieRequest`] and
//! [`CookieResponse`] (what CPython duck-types); [`Request`] and [`Response`]
//! implement them for plain URLs and header lists.
//!
//! ```
//! use netstd_cookiejar::{CookieJar, CookieRequest, DefaultCookiePolicy, Request, Response};
//! let jar = CookieJar::with_policy(DefaultCookiePolicy::new().blocked_domains([".ads.example"]));
//! let req = Request::new("https://shop.example.com/cart/").unwrap();
//! let resp = Response::from_lines([
//!     "Set-Cookie: cart=3; Path=/; Secure",
//!     "Set-Cookie: lang=en",
//! ]);
//! jar.extract_cookies(&resp, &req);
//! let mut next = Request::new("https://shop.example.com/cart/items").unwrap();
//! jar.add_cookie_header(&mut next);
//! assert_eq!(next.get_header("Cookie").as_deref(), Some("lang=en; cart=3"));
//! ```
//!
//! The file jars [`MozillaCookieJar`] (with `#HttpOnly_` lines, gh-113775) and
//! [`LWPCookieJar`] implement [`FileCookieJar`] and dereference to their jar.

mod cookie;
mod domain;
mod filejar;
mod headers;
mod iso;
mod jar;
mod policy;
mod request;
mod time;

pub use cookie::Cookie;
pub use domain::{
    domain_match, eff_request_host, escape_path, is_HDN, is_third_party, liberal_is_HDN, reach,
    request_host, request_path, request_port, user_domain_match,
};
pub use filejar::{FileCookieJar, FileOptions, LWPCookieJar, MozillaCookieJar, lwp_cookie_str};
pub use headers::{NsPairs, NsValue, join_header_words, parse_ns_headers, split_header_words};
pub use iso::iso2time;
pub use jar::CookieJar;
pub use policy::{
    CookiePolicy, DOMAIN_LIBERAL, DOMAIN_RFC2965_MATCH, DOMAIN_STRICT, DOMAIN_STRICT_NO_DOTS,
    DOMAIN_STRICT_NON_DOMAIN, DefaultCookiePolicy, DomainStrictness,
};
pub use request::{CookieRequest, CookieResponse, Request, Response};
pub use time::{http2time, time2isoz, time2netscape};

/// The errors of `http.cookiejar`, named after the Python exceptions.
///
/// ```
/// let e = netstd_cookiejar::Request::new("no-scheme").unwrap_err();
/// assert_eq!(e.python_name(), "ValueError");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `ValueError`: a URL without a scheme, a strict-format date with an unknown
    /// month, a file jar without a file name.
    #[error("{0}")]
    ValueError(String),
    /// `KeyError`: `clear()` of a domain, path or name the jar does not hold.
    #[error("{0:?}")]
    KeyError(String),
    /// `http.cookiejar.LoadError` (an `OSError`): a cookie file in the wrong format.
    #[error("{0}")]
    LoadError(String),
    /// `OSError` and its subclasses: the file could not be read or written.
    #[error("{message}")]
    OSError {
        /// What went wrong, as `std::io` classifies it.
        kind: std::io::ErrorKind,
        /// The message.
        message: String,
    },
}

impl Error {
    /// The Python exception class this error stands for.
    pub fn python_name(&self) -> &'static str {
        match self {
            Error::ValueError(_) => "ValueError",
            Error::KeyError(_) => "KeyError",
            Error::LoadError(_) => "LoadError",
            Error::OSError { kind, .. } => match kind {
                std::io::ErrorKind::NotFound => "FileNotFoundError",
                std::io::ErrorKind::PermissionDenied => "PermissionError",
                std::io::ErrorKind::AlreadyExists => "FileExistsError",
                _ => "OSError",
            },
        }
    }
}
