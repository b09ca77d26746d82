//! Python's `http.cookies`: [`SimpleCookie`], [`BaseCookie`] (with its overridable
//! `value_decode` / `value_encode` as a [`Codec`]), [`Morsel`] and [`Error::CookieError`].
//!
//! Parsing gives CPython's answers (its `_CookiePattern` regex and the rules of
//! `__parse_string`, emulated by a hand-written matcher), in time linear in the input:
//! neither the quadratic unquoting of CVE-2024-7592 nor the regex backtracking of
//! CPython gh-149028 exists here. Values are quoted with CPython's octal escapes.
//! Following current CPython, `partitioned` (3.14) is a reserved flag, and control
//! characters are refused in keys, values and attributes (gh-143919, gh-145599),
//! so output never carries a CR or LF.
//!
//! ```
//! use netstd_cookies::SimpleCookie;
//! let mut c = SimpleCookie::new();
//! c.load(r#"session="a b\"c"; theme=dark"#)?;
//! assert_eq!(c.get("session").unwrap().value(), Some("a b\"c"));
//! c.get_mut("theme").unwrap().set_item("max-age", 3600)?;
//! assert_eq!(
//!     c.output()?,
//!     "Set-Cookie: session=\"a b\\\"c\"\r\nSet-Cookie: theme=dark; Max-Age=3600"
//! );
//! # Ok::<(), netstd_cookies::Error>(())
//! ```

mod cookie;
mod morsel;
mod parse;
mod quote;

pub use cookie::{BaseCookie, Codec, Raw, Simple, SimpleCookie};
pub use morsel::{_getdate, AttrValue, Morsel, OutputOptions, RESERVED};
pub use quote::{_quote, _unquote};

/// The errors of `http.cookies`, named after its exception.
///
/// ```
/// let mut m = netstd_cookies::Morsel::new();
/// let e = m.set("bad key", "v", "v").unwrap_err();
/// assert_eq!(e.python_name(), "CookieError");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `http.cookies.CookieError`: an illegal or reserved key, an unknown attribute,
    /// control characters.
    #[error("{0}")]
    CookieError(String),
}

impl Error {
    /// The message.
    pub fn message(&self) -> &str {
        match self {
            Error::CookieError(m) => m,
        }
    }

    /// The Python exception class this error stands for.
    pub fn python_name(&self) -> &'static str {
        match self {
            Error::CookieError(_) => "CookieError",
        }
    }

    /// Whether the error is the refusal of control characters (CPython gh-143919),
    /// which CPython 3.11 did not have.
    pub fn is_control_character(&self) -> bool {
        self.message().starts_with("Control characters")
    }
}
