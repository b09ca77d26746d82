//! Python's `urllib.parse`, exact to CPython and with its later security fixes:
//! [`urlsplit`], [`urlparse`], [`urlunsplit`], [`urlunparse`], [`urljoin`],
//! [`urldefrag`], [`unwrap`]; the result types ([`SplitResult`], [`ParseResult`],
//! [`DefragResult`] and their `*Bytes` twins) with `geturl`, `username`, `password`,
//! `hostname`, `port`, `_replace` (`with_*`) and `encode`/`decode`; [`parse_qs`],
//! [`parse_qsl`], [`urlencode`]; [`quote`], [`quote_plus`], [`quote_from_bytes`],
//! [`unquote`], [`unquote_plus`], [`unquote_to_bytes`]. Where Python also takes
//! `bytes`, the bytes form is in [`bytes`].
//!
//! ```
//! use netstd_urlparse::{parse_qs, quote, urlencode, urljoin, urlsplit};
//!
//! let r = urlsplit("https://user@Example.com:8443/a/b?x=1&y=2#top")?;
//! assert_eq!(r.scheme(), "https");
//! assert_eq!(r.hostname().as_deref(), Some("example.com"));
//! assert_eq!(r.port()?, Some(8443));
//! assert_eq!(parse_qs(r.query()).get("y"), Some(&["2".into()][..]));
//! assert_eq!(urljoin("https://example.com/a/b", "../c")?, "https://example.com/c");
//! assert_eq!(urlencode([("q", "rust lang"), ("page", "2")]), "q=rust+lang&page=2");
//! assert_eq!(quote("/a b"), "/a%20b");
//! # Ok::<(), netstd_urlparse::Error>(())
//! ```
//!
//! Keyword arguments are options values taken by a `*_with` twin
//! (`urlsplit_with(url, &SplitOptions::new().allow_fragments(false))`), as
//! everywhere in netstd.
//!
//! # Security
//!
//! As current CPython, and each with a regression test (`tests/security.rs`):
//! leading C0 controls and spaces are stripped (CVE-2023-24329), TAB, CR and LF are
//! removed anywhere (CVE-2022-0391), bracketed hosts must be IPv6 or IPvFuture
//! (CVE-2024-11168) and brackets may only surround the host (CVE-2025-0938, newer
//! than CPython 3.11), a netloc that NFKC normalisation would change into
//! delimiters is refused (CVE-2019-9636, CVE-2019-10160), `parse_qsl` splits on the
//! given separator only (CVE-2021-23336) and counts fields against
//! `max_num_fields` before parsing any.
//!
//! # Encodings
//!
//! `encoding=` takes any of CPython's names for utf-8, latin-1 (iso-8859-1), ascii
//! and cp1252 (windows-1252); `errors=` takes `strict`, `replace`, `ignore`,
//! `backslashreplace` and, for encoding, `xmlcharrefreplace`. `surrogateescape` and
//! `surrogatepass` behave as `strict` where CPython's would (they only handle
//! surrogates, which Rust text never holds). Another codec or handler CPython has
//! is `Error::NotImplementedError`; a name CPython does not know is
//! `Error::LookupError`, raised when CPython raises it.
//!
//! # Interop
//!
//! [`SplitResult`] converts to and from [`url::Url`] (see [`interop`] for where the
//! two grammars differ); quoting runs on the `percent-encoding` crate.

mod codec;
mod error;
pub mod host;
pub mod interop;
mod join;
mod pystr;
mod query;
mod quote;
mod results;
mod split;
mod tables;

pub use error::Error;

/// Beyond Python's `urllib.parse`: Python's `repr(s)` of a `str` (quotes chosen as
/// Python does, escapes for what `str.isprintable()` rejects). The results'
/// `Debug` shows fields this way; sibling crates use it for their reprs.
///
/// ```
/// assert_eq!(netstd_urlparse::py_repr("it's\n"), "\"it's\\n\"");
/// assert_eq!(netstd_urlparse::py_repr("a\u{200b}"), "'a\\u200b'");
/// ```
pub fn py_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    pystr::repr_str(&mut out, s);
    out
}
/// Beyond Python's `urllib.parse`: Python's `s.lower()` with CPython 3.11's Unicode 14
/// tables (Rust's are newer: a character Unicode 14 does not lower stays as it is),
/// final sigma included. Sibling crates use it where CPython lowers text (the user
/// agents of `urllib.robotparser`).
///
/// ```
/// assert_eq!(netstd_urlparse::py_lower("GoogleBot/2.1"), "googlebot/2.1");
/// assert_eq!(netstd_urlparse::py_lower("ΣΑΣ"), "σας");
/// ```
pub fn py_lower(s: &str) -> std::borrow::Cow<'_, str> {
    pystr::lower(s)
}
pub use join::{JoinOptions, urljoin, urljoin_with};
pub use query::{
    ParseQsOptions, QueryDict, QueryPair, QueryValue, QuoteVia, UrlencodeOptions, parse_qs,
    parse_qs_with, parse_qsl, parse_qsl_with, urlencode, urlencode_with,
};
pub use quote::{
    QuoteOptions, UnquoteOptions, quote, quote_from_bytes, quote_from_bytes_with, quote_plus,
    quote_plus_with, quote_with, unquote, unquote_plus, unquote_plus_with, unquote_to_bytes,
    unquote_with,
};
pub use results::{
    CodecOptions, DefragResult, DefragResultBytes, ParseResult, ParseResultBytes, SplitResult,
    SplitResultBytes,
};
pub use split::{
    SplitOptions, unwrap, urldefrag, urlparse, urlparse_with, urlsplit, urlsplit_with, urlunparse,
    urlunsplit,
};

/// `urllib.parse.uses_relative`: the schemes [`urljoin`] resolves relative URLs for.
///
/// ```
/// assert!(netstd_urlparse::uses_relative.contains(&"https"));
/// ```
#[allow(non_upper_case_globals)]
pub const uses_relative: &[&str] = &[
    "", "ftp", "http", "gopher", "nntp", "imap", "wais", "file", "https", "shttp", "mms",
    "prospero", "rtsp", "rtsps", "rtspu", "sftp", "svn", "svn+ssh", "ws", "wss",
];

/// `urllib.parse.uses_netloc`: the schemes whose URLs have a netloc, so that
/// [`urlunsplit`] writes `//` even for an empty one.
///
/// ```
/// assert!(netstd_urlparse::uses_netloc.contains(&"git+ssh"));
/// ```
#[allow(non_upper_case_globals)]
pub const uses_netloc: &[&str] = &[
    "", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms", "https", "shttp",
    "snews", "prospero", "rtsp", "rtsps", "rtspu", "rsync", "svn", "svn+ssh", "sftp", "nfs", "git",
    "git+ssh", "ws", "wss",
];

/// `urllib.parse.uses_params`: the schemes [`urlparse`] splits `;params` off for.
///
/// ```
/// assert!(netstd_urlparse::uses_params.contains(&"sip"));
/// ```
#[allow(non_upper_case_globals)]
pub const uses_params: &[&str] = &[
    "", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp", "rtsps", "rtspu",
    "sip", "sips", "mms", "sftp", "tel",
];

/// `urllib.parse.scheme_chars`: the characters of a scheme.
///
/// ```
/// assert!(netstd_urlparse::scheme_chars.contains('+'));
/// ```
#[allow(non_upper_case_globals)]
pub const scheme_chars: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.";

/// The functions of `urllib.parse` for `bytes`, where Python takes either `str` or
/// `bytes`. As in Python, bytes are read as ASCII (`UnicodeDecodeError` otherwise)
/// and the results are bytes.
///
/// ```
/// use netstd_urlparse::bytes;
/// let r = bytes::urlsplit(b"http://a/b?c=d")?;
/// assert_eq!(r.query(), b"c=d");
/// assert_eq!(bytes::quote(b"a b"), "a%20b");
/// assert_eq!(bytes::unquote(b"%41"), "A");
/// # Ok::<(), netstd_urlparse::Error>(())
/// ```
pub mod bytes {
    use std::borrow::Cow;

    use crate::join::urljoin_bytes;
    use crate::split::bytes_forms;
    use crate::{
        DefragResultBytes, Error, JoinOptions, ParseQsOptions, ParseResultBytes, QueryDict,
        QuoteOptions, SplitOptions, SplitResultBytes, UnquoteOptions,
    };

    /// `urlsplit(url)` for bytes.
    ///
    /// ```
    /// let r = netstd_urlparse::bytes::urlsplit(b"HTTP://h/p")?;
    /// assert_eq!(r.as_tuple(), (&b"http"[..], &b"h"[..], &b"/p"[..], &b""[..], &b""[..]));
    /// assert!(netstd_urlparse::bytes::urlsplit(b"http://\xff/").is_err());
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    pub fn urlsplit(url: &[u8]) -> Result<SplitResultBytes, Error> {
        bytes_forms::urlsplit(url, &SplitOptions::default())
    }

    /// `urlsplit(url, scheme, allow_fragments)` for bytes; the scheme must be ASCII.
    ///
    /// ```
    /// use netstd_urlparse::{bytes, SplitOptions};
    /// let r = bytes::urlsplit_with(b"//h/p", &SplitOptions::new().scheme("ftp"))?;
    /// assert_eq!(r.scheme(), b"ftp");
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    pub fn urlsplit_with(
        url: &[u8],
        options: &SplitOptions<'_>,
    ) -> Result<SplitResultBytes, Error> {
        bytes_forms::urlsplit(url, options)
    }

    /// `urlparse(url)` for bytes.
    ///
    /// ```
    /// let r = netstd_urlparse::bytes::urlparse(b"http://h/p;x")?;
    /// assert_eq!(r.params(), b"x");
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    pub fn urlparse(url: &[u8]) -> Result<ParseResultBytes, Error> {
        bytes_forms::urlparse(url, &SplitOptions::default())
    }

    /// `urlparse(url, scheme, allow_fragments)` for bytes.
    ///
    /// ```
    /// use netstd_urlparse::{bytes, SplitOptions};
    /// let r = bytes::urlparse_with(b"/p#f", &SplitOptions::new().allow_fragments(false))?;
    /// assert_eq!(r.path(), b"/p#f");
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    pub fn urlparse_with(
        url: &[u8],
        options: &SplitOptions<'_>,
    ) -> Result<ParseResultBytes, Error> {
        bytes_forms::urlparse(url, options)
    }

    /// `urlunsplit(components)` for bytes (ASCII, as Python decodes them).
    ///
    /// ```
    /// let u = netstd_urlparse::bytes::urlunsplit((b"http", b"h", b"/p", b"q", b""))?;
    /// assert_eq!(u, b"http://h/p?q");
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    #[allow(clippy::type_complexity)] // Python's 5-tuple
    pub fn urlunsplit(components: (&[u8], &[u8], &[u8], &[u8], &[u8])) -> Result<Vec<u8>, Error> {
        bytes_forms::urlunsplit(components)
    }

    /// `urlunparse(components)` for bytes.
    ///
    /// ```
    /// let u = netstd_urlparse::bytes::urlunparse((b"http", b"h", b"/p", b"x", b"", b""))?;
    /// assert_eq!(u, b"http://h/p;x");
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    #[allow(clippy::type_complexity)] // Python's 6-tuple
    pub fn urlunparse(
        components: (&[u8], &[u8], &[u8], &[u8], &[u8], &[u8]),
    ) -> Result<Vec<u8>, Error> {
        bytes_forms::urlunparse(components)
    }

    /// `urljoin(base, url)` for bytes.
    ///
    /// ```
    /// assert_eq!(netstd_urlparse::bytes::urljoin(b"http://a/b/c", b"d")?, b"http://a/b/d");
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    pub fn urljoin(base: &[u8], url: &[u8]) -> Result<Vec<u8>, Error> {
        urljoin_bytes(base, url, &JoinOptions::default())
    }

    /// `urljoin(base, url, allow_fragments)` for bytes.
    ///
    /// ```
    /// use netstd_urlparse::{bytes, JoinOptions};
    /// let o = JoinOptions::new().allow_fragments(false);
    /// assert_eq!(bytes::urljoin_with(b"http://a/b", b"#c", &o)?, b"http://a/#c");
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    pub fn urljoin_with(base: &[u8], url: &[u8], options: &JoinOptions) -> Result<Vec<u8>, Error> {
        urljoin_bytes(base, url, options)
    }

    /// `urldefrag(url)` for bytes.
    ///
    /// ```
    /// let d = netstd_urlparse::bytes::urldefrag(b"/a#b")?;
    /// assert_eq!(d.fragment(), b"b");
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    pub fn urldefrag(url: &[u8]) -> Result<DefragResultBytes, Error> {
        bytes_forms::urldefrag(url)
    }

    /// `quote(bs)` for bytes: as [`quote_from_bytes`](crate::quote_from_bytes).
    ///
    /// ```
    /// assert_eq!(netstd_urlparse::bytes::quote(b"/\xff"), "/%FF");
    /// ```
    pub fn quote(bs: &[u8]) -> Cow<'_, str> {
        crate::quote_from_bytes(bs)
    }

    /// `quote(bs, safe)` for bytes; `encoding`/`errors` are a `TypeError`.
    ///
    /// ```
    /// use netstd_urlparse::{bytes, QuoteOptions};
    /// assert_eq!(bytes::quote_with(b"a/b", &QuoteOptions::new().safe(""))?, "a%2Fb");
    /// assert!(bytes::quote_with(b"a", &QuoteOptions::new().encoding("utf-8")).is_err());
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    pub fn quote_with<'a>(bs: &'a [u8], options: &QuoteOptions) -> Result<Cow<'a, str>, Error> {
        crate::quote::quote_bytes_with(bs, options, false)
    }

    /// `quote_plus(bs)` for bytes.
    ///
    /// ```
    /// assert_eq!(netstd_urlparse::bytes::quote_plus(b"a b/"), "a+b%2F");
    /// ```
    pub fn quote_plus(bs: &[u8]) -> Cow<'_, str> {
        crate::quote::quote_bytes_with(bs, &QuoteOptions::default(), true).unwrap_or_default()
    }

    /// `quote_plus(bs, safe)` for bytes.
    ///
    /// ```
    /// use netstd_urlparse::{bytes, QuoteOptions};
    /// assert_eq!(bytes::quote_plus_with(b"a b/", &QuoteOptions::new().safe("/"))?, "a+b/");
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    pub fn quote_plus_with<'a>(
        bs: &'a [u8],
        options: &QuoteOptions,
    ) -> Result<Cow<'a, str>, Error> {
        crate::quote::quote_bytes_with(bs, options, true)
    }

    /// `unquote(bs)` for bytes: everything unescaped, then decoded as UTF-8 with
    /// U+FFFD for invalid sequences.
    ///
    /// ```
    /// assert_eq!(netstd_urlparse::bytes::unquote(b"caf%C3%A9"), "café");
    /// ```
    pub fn unquote(bs: &[u8]) -> String {
        crate::quote::unquote_bytes_with(bs, &UnquoteOptions::default()).unwrap_or_default()
    }

    /// `unquote(bs, encoding, errors)` for bytes.
    ///
    /// ```
    /// use netstd_urlparse::{bytes, UnquoteOptions};
    /// assert_eq!(bytes::unquote_with(b"%E9", &UnquoteOptions::new().encoding("latin-1"))?, "é");
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    pub fn unquote_with(bs: &[u8], options: &UnquoteOptions) -> Result<String, Error> {
        crate::quote::unquote_bytes_with(bs, options)
    }

    /// `unquote_to_bytes(bs)` for bytes.
    ///
    /// ```
    /// assert_eq!(&*netstd_urlparse::bytes::unquote_to_bytes(b"%00%zz"), b"\x00%zz");
    /// ```
    pub fn unquote_to_bytes(bs: &[u8]) -> Cow<'_, [u8]> {
        Cow::from(percent_encoding::percent_decode(bs))
    }

    /// `parse_qsl(qs)` for bytes: names and values as bytes. Python decodes the
    /// query as ASCII and encodes each decoded name and value as ASCII, so escapes
    /// of non-ASCII characters are a `UnicodeEncodeError`.
    ///
    /// ```
    /// let pairs = netstd_urlparse::bytes::parse_qsl(b"a=1&b=x+y")?;
    /// assert_eq!(pairs, [(&b"a"[..], &b"1"[..]), (&b"b"[..], &b"x y"[..])].map(|(k, v)| (k.into(), v.into())));
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    #[allow(clippy::type_complexity)]
    pub fn parse_qsl(qs: &[u8]) -> Result<Vec<(Cow<'_, [u8]>, Cow<'_, [u8]>)>, Error> {
        crate::query::parse_qsl_bytes(qs, &ParseQsOptions::default())
    }

    /// `parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors,
    /// max_num_fields, separator)` for bytes.
    ///
    /// ```
    /// use netstd_urlparse::{bytes, ParseQsOptions};
    /// let o = ParseQsOptions::new().keep_blank_values(true);
    /// assert_eq!(bytes::parse_qsl_with(b"a", &o)?.len(), 1);
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    #[allow(clippy::type_complexity)]
    pub fn parse_qsl_with<'a>(
        qs: &'a [u8],
        options: &ParseQsOptions<'_>,
    ) -> Result<Vec<(Cow<'a, [u8]>, Cow<'a, [u8]>)>, Error> {
        crate::query::parse_qsl_bytes(qs, options)
    }

    /// `parse_qs(qs)` for bytes.
    ///
    /// ```
    /// let d = netstd_urlparse::bytes::parse_qs(b"a=1&a=2")?;
    /// assert_eq!(d.get(&b"a"[..]).map(|v| v.len()), Some(2));
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    pub fn parse_qs(qs: &[u8]) -> Result<QueryDict<Cow<'_, [u8]>>, Error> {
        parse_qs_with(qs, &ParseQsOptions::default())
    }

    /// `parse_qs(qs, ...)` for bytes.
    ///
    /// ```
    /// use netstd_urlparse::{bytes, ParseQsOptions};
    /// let d = bytes::parse_qs_with(b"a=1;b=2", &ParseQsOptions::new().separator(";"))?;
    /// assert_eq!(d.len(), 2);
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    pub fn parse_qs_with<'a>(
        qs: &'a [u8],
        options: &ParseQsOptions<'_>,
    ) -> Result<QueryDict<Cow<'a, [u8]>>, Error> {
        Ok(QueryDict::from_pairs(crate::query::parse_qsl_bytes(
            qs, options,
        )?))
    }
}
