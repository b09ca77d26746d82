//! `urlsplit`, `urlparse`, their inverses `urlunsplit` and `urlunparse`,
//! `urldefrag` and `unwrap`, for `str` here and for `bytes` in [`crate::bytes`].
//!
//! The splitting runs on bytes: every delimiter is ASCII, so the positions found in
//! a `str`'s bytes are character boundaries. The owned result copies the URL once
//! into one buffer and keeps the fields as ranges into it.

use std::borrow::Cow;

use crate::host::{check_bracketed_netloc_bytes, checknetloc};
use crate::results::{DefragResult, ParseResult, Span, SplitResult};
use crate::{Error, codec, pystr, uses_netloc};

/// The keyword arguments of `urlsplit` and `urlparse`: `scheme` (the default scheme,
/// used when the URL has none; default `""`) and `allow_fragments` (default `true`).
///
/// ```
/// use netstd_urlparse::{urlsplit_with, SplitOptions};
/// let r = urlsplit_with("//example.com/a#b", &SplitOptions::new().scheme("https")).unwrap();
/// assert_eq!((r.scheme(), r.fragment()), ("https", "b"));
/// let r = urlsplit_with("/a#b", &SplitOptions::new().allow_fragments(false)).unwrap();
/// assert_eq!((r.path(), r.fragment()), ("/a#b", ""));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SplitOptions<'a> {
    pub(crate) scheme: &'a str,
    pub(crate) allow_fragments: bool,
}

impl Default for SplitOptions<'_> {
    fn default() -> Self {
        SplitOptions {
            scheme: "",
            allow_fragments: true,
        }
    }
}

impl<'a> SplitOptions<'a> {
    /// Python's defaults: `scheme=""`, `allow_fragments=True`.
    ///
    /// ```
    /// assert_eq!(netstd_urlparse::SplitOptions::new(), Default::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// `scheme=`: the scheme of a URL that names none. It is stripped of leading and
    /// trailing C0 controls and spaces and of TAB, CR and LF, as Python does, but
    /// not lower-cased. For the [`crate::bytes`] forms it must be ASCII (Python
    /// decodes it as ASCII).
    ///
    /// ```
    /// let o = netstd_urlparse::SplitOptions::new().scheme("http");
    /// let r = netstd_urlparse::urlsplit_with("//a/b", &o).unwrap();
    /// assert_eq!(r.scheme(), "http");
    /// ```
    pub fn scheme(mut self, scheme: &'a str) -> Self {
        self.scheme = scheme;
        self
    }

    /// `allow_fragments=`: when false, `#` is not a delimiter (except that it still
    /// ends the netloc, as in Python).
    ///
    /// ```
    /// let o = netstd_urlparse::SplitOptions::new().allow_fragments(false);
    /// let r = netstd_urlparse::urlsplit_with("http://a/b?c#d", &o).unwrap();
    /// assert_eq!(r.query(), "c#d");
    /// ```
    pub fn allow_fragments(mut self, allow_fragments: bool) -> Self {
        self.allow_fragments = allow_fragments;
        self
    }
}

/// `_WHATWG_C0_CONTROL_OR_SPACE`: the bytes stripped from the start of a URL.
fn is_c0_or_space(b: u8) -> bool {
    b <= b' '
}

/// `_UNSAFE_URL_BYTES_TO_REMOVE`: removed anywhere.
fn is_unsafe(b: u8) -> bool {
    matches!(b, b'\t' | b'\r' | b'\n')
}

/// What a byte is to the splitter, as bits of [`CLASS`].
const SCHEME_CHAR: u8 = 1;
/// `/`, `?` or `#`: ends the netloc.
const NETLOC_END: u8 = 2;
/// `[` or `]`.
const BRACKET: u8 = 4;
/// A byte of a non-ASCII character.
const NON_ASCII: u8 = 8;

/// The class of every byte, so the scans test one table entry per byte.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c == b'+' || c == b'-' || c == b'.' {
            t[b] |= SCHEME_CHAR;
        }
        if c == b'/' || c == b'?' || c == b'#' {
            t[b] |= NETLOC_END;
        }
        if c == b'[' || c == b']' {
            t[b] |= BRACKET;
        }
        if c >= 0x80 {
            t[b] |= NON_ASCII;
        }
        b += 1;
    }
    t
};

/// `scheme_chars`.
fn is_scheme_char(b: u8) -> bool {
    CLASS[usize::from(b)] & SCHEME_CHAR != 0
}

/// The URL after `lstrip(_WHATWG_C0_CONTROL_OR_SPACE)`: leading C0 controls and
/// spaces removed (CVE-2023-24329).
fn lstrip(url: &str) -> &str {
    let n = url.bytes().take_while(|&b| is_c0_or_space(b)).count();
    &url[n..]
}

/// The default scheme as urlsplit uses it: stripped at both ends and cleaned.
fn clean_scheme(scheme: &str) -> Cow<'_, str> {
    let s = scheme.trim_matches(|c: char| c.is_ascii() && is_c0_or_space(c as u8));
    if s.bytes().any(is_unsafe) {
        Cow::Owned(s.replace(['\t', '\r', '\n'], ""))
    } else {
        Cow::Borrowed(s)
    }
}

/// Appends `url` with TAB, CR and LF removed (CVE-2022-0391).
fn push_clean(buf: &mut String, url: &str) {
    if memchr::memchr3(b'\t', b'\r', b'\n', url.as_bytes()).is_none() {
        buf.push_str(url);
    } else {
        for piece in url.split(['\t', '\r', '\n']) {
            buf.push_str(piece);
        }
    }
}

/// Where urlsplit finds the five fields in a cleaned URL; `scheme` is `None` when
/// the URL names none (the default applies).
pub(crate) struct Located {
    pub(crate) scheme: Option<Span>,
    pub(crate) netloc: Span,
    /// Whether the netloc is ASCII (no NFKC check needed).
    pub(crate) netloc_ascii: bool,
    pub(crate) path: Span,
    pub(crate) query: Span,
    pub(crate) fragment: Span,
}

/// The splitting of `urlsplit`, on a URL already stripped and cleaned, with the
/// bracket checks (the NFKC check needs text and is the caller's).
pub(crate) fn locate(b: &[u8], allow_fragments: bool) -> Result<Located, Error> {
    let len = b.len();
    let mut pos = 0;
    let mut scheme = None;
    // Python finds the first ':' and takes what is before it as the scheme when it
    // starts with a letter and holds scheme characters only: the same as reading
    // scheme characters from the start and stopping at a ':'
    let run = b.iter().take_while(|&&c| is_scheme_char(c)).count();
    if run > 0 && b.get(run) == Some(&b':') && b[0].is_ascii_alphabetic() {
        scheme = Some((0, run));
        pos = run + 1;
    }
    let mut netloc = (pos, pos);
    let mut netloc_ascii = true;
    if b[pos..].starts_with(b"//") {
        let start = pos + 2;
        // one pass over the netloc: its end, its brackets, non-ASCII
        let mut seen = 0u8;
        let mut end = len;
        for (i, &c) in b[start..].iter().enumerate() {
            let class = CLASS[usize::from(c)] & (NETLOC_END | BRACKET | NON_ASCII);
            if class == 0 {
                continue;
            }
            if class & NETLOC_END != 0 {
                end = start + i;
                break;
            }
            seen |= class;
        }
        netloc_ascii = seen & NON_ASCII == 0;
        let (open, close) = if seen & BRACKET != 0 {
            let n = &b[start..end];
            (n.contains(&b'['), n.contains(&b']'))
        } else {
            (false, false)
        };
        netloc = (start, end);
        pos = end;
        if open != close {
            return Err(Error::value("Invalid IPv6 URL"));
        }
        if open {
            check_bracketed_netloc_bytes(&b[start..end])?;
        }
    }
    let rest = &b[pos..];
    let (path, query, fragment) = if allow_fragments {
        match memchr::memchr2(b'?', b'#', rest) {
            None => ((pos, len), (len, len), (len, len)),
            Some(i) if rest[i] == b'#' => ((pos, pos + i), (pos + i, pos + i), (pos + i + 1, len)),
            Some(q) => match memchr::memchr(b'#', &rest[q + 1..]) {
                Some(h) => {
                    let h = pos + q + 1 + h;
                    ((pos, pos + q), (pos + q + 1, h), (h + 1, len))
                }
                None => ((pos, pos + q), (pos + q + 1, len), (len, len)),
            },
        }
    } else {
        match memchr::memchr(b'?', rest) {
            Some(q) => ((pos, pos + q), (pos + q + 1, len), (len, len)),
            None => ((pos, len), (len, len), (len, len)),
        }
    };
    Ok(Located {
        scheme,
        netloc,
        netloc_ascii,
        path,
        query,
        fragment,
    })
}

/// `urlsplit` into an owned buffer: the URL copied once (cleaned), the scheme
/// lower-cased in place, the default scheme appended when the URL names none.
pub(crate) fn split_owned(url: &str, options: &SplitOptions<'_>) -> Result<SplitResult, Error> {
    let url = lstrip(url);
    let default = clean_scheme(options.scheme);
    let mut buf = String::with_capacity(url.len() + default.len());
    push_clean(&mut buf, url);
    let at = locate(buf.as_bytes(), options.allow_fragments)?;
    if !at.netloc_ascii {
        checknetloc(buf.get(at.netloc.0..at.netloc.1).unwrap_or(""))?;
    }
    let scheme = match at.scheme {
        Some((s, e)) => {
            if let Some(text) = buf.get_mut(s..e) {
                text.make_ascii_lowercase();
            }
            (s, e)
        }
        None => {
            let s = buf.len();
            buf.push_str(&default);
            (s, buf.len())
        }
    };
    Ok(SplitResult::from_spans(
        buf,
        [scheme, at.netloc, at.path, at.query, at.fragment],
    ))
}

/// Python's `urlsplit(url)`: the URL's five parts,
/// `<scheme>://<netloc>/<path>?<query>#<fragment>`, without `%` decoding.
///
/// As current CPython, leading C0 controls and spaces are stripped
/// (CVE-2023-24329) and TAB, CR and LF removed anywhere (CVE-2022-0391); a
/// netloc with unbalanced brackets, a bracketed host that is not IPv6 or IPvFuture
/// (CVE-2024-11168), text around the brackets (CVE-2025-0938), or characters that
/// NFKC normalisation turns into delimiters (CVE-2019-9636) is a `ValueError`.
///
/// ```
/// let r = netstd_urlparse::urlsplit("HTTP://user@Example.COM:8080/p/a?q=1#frag").unwrap();
/// assert_eq!(r.as_tuple(), ("http", "user@Example.COM:8080", "/p/a", "q=1", "frag"));
/// assert_eq!(r.hostname().as_deref(), Some("example.com"));
/// assert_eq!(r.port(), Ok(Some(8080)));
/// ```
pub fn urlsplit(url: &str) -> Result<SplitResult, Error> {
    split_owned(url, &SplitOptions::default())
}

/// Python's `urlsplit(url, scheme, allow_fragments)`.
///
/// ```
/// use netstd_urlparse::{urlsplit_with, SplitOptions};
/// let r = urlsplit_with("www.example.com/x", &SplitOptions::new().scheme("http")).unwrap();
/// assert_eq!(r.as_tuple(), ("http", "", "www.example.com/x", "", ""));
/// ```
pub fn urlsplit_with(url: &str, options: &SplitOptions<'_>) -> Result<SplitResult, Error> {
    split_owned(url, options)
}

/// `_splitparams(path)`: where the `;params` of the last segment start, as an
/// offset into `path` (the `;` itself), for a path that holds a `;`.
pub(crate) fn params_at(path: &[u8]) -> Option<usize> {
    match memchr::memrchr(b'/', path) {
        Some(slash) => memchr::memchr(b';', &path[slash..]).map(|i| slash + i),
        None => memchr::memchr(b';', path),
    }
}

/// Python's `urlparse(url)`: like [`urlsplit`], and for the schemes of
/// [`uses_params`](crate::uses_params) the `;params` of the last path segment apart.
///
/// ```
/// let r = netstd_urlparse::urlparse("http://a/b/c;p?q#f").unwrap();
/// assert_eq!(r.as_tuple(), ("http", "a", "/b/c", "p", "q", "f"));
/// assert_eq!(r.geturl(), "http://a/b/c;p?q#f");
/// ```
pub fn urlparse(url: &str) -> Result<ParseResult, Error> {
    urlparse_with(url, &SplitOptions::default())
}

/// Python's `urlparse(url, scheme, allow_fragments)`.
///
/// ```
/// use netstd_urlparse::{urlparse_with, SplitOptions};
/// let r = urlparse_with("/x;y", &SplitOptions::new().scheme("ftp")).unwrap();
/// assert_eq!((r.scheme(), r.path(), r.params()), ("ftp", "/x", "y"));
/// ```
pub fn urlparse_with(url: &str, options: &SplitOptions<'_>) -> Result<ParseResult, Error> {
    Ok(ParseResult::from_split(split_owned(url, options)?))
}

/// Whether `scheme` is in `uses_netloc`.
fn has_netloc(scheme: &str) -> bool {
    uses_netloc.contains(&scheme)
}

/// Python's `urlunsplit((scheme, netloc, path, query, fragment))`: the URL put back
/// together, as CPython 3.11.10 and later do (CVE-2015-2104, gh-67693): `//` and
/// the netloc when there is one; without a netloc, `//` before a path that starts
/// with `//` (so the path cannot be read back as a netloc) and before an empty or
/// absolute path after a scheme of [`uses_netloc`]. So `urlsplit` reads the result
/// back to the same parts: the round trip is stable.
///
/// ```
/// use netstd_urlparse::{urlsplit, urlunsplit};
/// assert_eq!(urlunsplit(("https", "example.com", "a/b", "q=1", "")), "https://example.com/a/b?q=1");
/// assert_eq!(urlunsplit(("http", "", "/p", "", "f")), "http:///p#f");
/// assert_eq!(urlunsplit(("mailto", "", "x@y", "", "")), "mailto:x@y");
/// assert_eq!(urlunsplit(("", "", "//not-a-host/p", "", "")), "////not-a-host/p");
/// let again = urlsplit("////not-a-host/p").unwrap();
/// assert_eq!((again.netloc(), again.path()), ("", "//not-a-host/p"));
/// ```
pub fn urlunsplit(components: (&str, &str, &str, &str, &str)) -> String {
    let (scheme, netloc, url, query, fragment) = components;
    let mut out = String::with_capacity(
        scheme.len() + netloc.len() + url.len() + query.len() + fragment.len() + 8,
    );
    if !scheme.is_empty() {
        out.push_str(scheme);
        out.push(':');
    }
    if !netloc.is_empty() {
        out.push_str("//");
        out.push_str(netloc);
        if !url.is_empty() && !url.starts_with('/') {
            out.push('/');
        }
    } else if url.starts_with("//")
        || (!scheme.is_empty() && has_netloc(scheme) && (url.is_empty() || url.starts_with('/')))
    {
        out.push_str("//");
    }
    out.push_str(url);
    if !query.is_empty() {
        out.push('?');
        out.push_str(query);
    }
    if !fragment.is_empty() {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// Python's `urlunparse((scheme, netloc, path, params, query, fragment))`.
///
/// ```
/// let url = netstd_urlparse::urlunparse(("http", "a", "/b", "p", "q", "f"));
/// assert_eq!(url, "http://a/b;p?q#f");
/// ```
pub fn urlunparse(components: (&str, &str, &str, &str, &str, &str)) -> String {
    let (scheme, netloc, url, params, query, fragment) = components;
    if params.is_empty() {
        urlunsplit((scheme, netloc, url, query, fragment))
    } else {
        let path = format!("{url};{params}");
        urlunsplit((scheme, netloc, &path, query, fragment))
    }
}

/// Python's `urldefrag(url)`: the URL without its fragment, and the fragment. A URL
/// without `#` comes back as it is; one with `#` is parsed and put back together.
///
/// ```
/// let d = netstd_urlparse::urldefrag("http://a/b?c#frag").unwrap();
/// assert_eq!((d.url(), d.fragment()), ("http://a/b?c", "frag"));
/// assert_eq!(d.geturl(), "http://a/b?c#frag");
/// ```
pub fn urldefrag(url: &str) -> Result<DefragResult, Error> {
    if !url.contains('#') {
        return Ok(DefragResult::new(url, ""));
    }
    let p = urlparse(url)?;
    let (s, n, path, a, q, frag) = p.as_tuple();
    Ok(DefragResult::new(&urlunparse((s, n, path, a, q, "")), frag))
}

/// Python's `unwrap(url)`: `'<URL:scheme://host/path>'` to `'scheme://host/path'`;
/// other text comes back stripped of white space.
///
/// ```
/// use netstd_urlparse::unwrap;
/// assert_eq!(unwrap(" <URL:http://a/b> "), "http://a/b");
/// assert_eq!(unwrap("<http://a/b>"), "http://a/b");
/// assert_eq!(unwrap("http://a/b"), "http://a/b");
/// ```
pub fn unwrap(url: &str) -> &str {
    let mut url = url.trim_matches(pystr::is_space);
    if url.len() >= 2 && url.starts_with('<') && url.ends_with('>') {
        url = url[1..url.len() - 1].trim_matches(pystr::is_space);
    }
    if let Some(rest) = url.strip_prefix("URL:") {
        url = rest.trim_matches(pystr::is_space);
    }
    url
}

/// The bytes forms: Python decodes the arguments as ASCII, runs the str algorithm
/// and encodes the result as ASCII.
pub(crate) mod bytes_forms {
    use super::*;
    use crate::results::{DefragResultBytes, ParseResultBytes, SplitResultBytes};

    /// `urlsplit(url, scheme, allow_fragments)` for bytes.
    pub(crate) fn urlsplit(
        url: &[u8],
        options: &SplitOptions<'_>,
    ) -> Result<SplitResultBytes, Error> {
        let text = codec::ascii_str(url)?;
        codec::ascii_str(options.scheme.as_bytes())?;
        Ok(split_owned(text, options)?.into_ascii_bytes())
    }

    /// `urlparse(url, scheme, allow_fragments)` for bytes.
    pub(crate) fn urlparse(
        url: &[u8],
        options: &SplitOptions<'_>,
    ) -> Result<ParseResultBytes, Error> {
        let text = codec::ascii_str(url)?;
        codec::ascii_str(options.scheme.as_bytes())?;
        Ok(super::urlparse_with(text, options)?.into_ascii_bytes())
    }

    fn ascii_all<const N: usize>(parts: [&[u8]; N]) -> Result<[&str; N], Error> {
        let mut out = [""; N];
        for (o, p) in out.iter_mut().zip(parts) {
            *o = codec::ascii_str(p)?;
        }
        Ok(out)
    }

    /// `urlunsplit(components)` for bytes.
    #[allow(clippy::type_complexity)] // Python's 5-tuple
    pub(crate) fn urlunsplit(c: (&[u8], &[u8], &[u8], &[u8], &[u8])) -> Result<Vec<u8>, Error> {
        let [a, b, p, q, f] = ascii_all([c.0, c.1, c.2, c.3, c.4])?;
        Ok(super::urlunsplit((a, b, p, q, f)).into_bytes())
    }

    /// `urlunparse(components)` for bytes.
    #[allow(clippy::type_complexity)] // Python's 6-tuple
    pub(crate) fn urlunparse(
        c: (&[u8], &[u8], &[u8], &[u8], &[u8], &[u8]),
    ) -> Result<Vec<u8>, Error> {
        let [a, b, p, x, q, f] = ascii_all([c.0, c.1, c.2, c.3, c.4, c.5])?;
        Ok(super::urlunparse((a, b, p, x, q, f)).into_bytes())
    }

    /// `urldefrag(url)` for bytes.
    pub(crate) fn urldefrag(url: &[u8]) -> Result<DefragResultBytes, Error> {
        let text = codec::ascii_str(url)?;
        Ok(super::urldefrag(text)?.into_ascii_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_as_python() {
        let t = |u: &str| {
            urlsplit(u).map(|r| {
                let (a, b, c, d, e) = r.as_tuple();
                [a, b, c, d, e].map(str::to_owned)
            })
        };
        assert_eq!(t("http://a/b?c#d").unwrap(), ["http", "a", "/b", "c", "d"]);
        assert_eq!(t(" \x00\x1fhttp://a").unwrap(), ["http", "a", "", "", ""]);
        assert_eq!(t("ht\ttp://a\r/\nb").unwrap(), ["http", "a", "/b", "", ""]);
        assert_eq!(t("path:80").unwrap(), ["path", "", "80", "", ""]);
        assert_eq!(t("1http://a").unwrap(), ["", "", "1http://a", "", ""]);
        assert_eq!(t("//a#b?c").unwrap(), ["", "a", "", "", "b?c"]);
        assert_eq!(t("http://a#b/c").unwrap(), ["http", "a", "", "", "b/c"]);
        assert_eq!(t("").unwrap(), ["", "", "", "", ""]);
        assert_eq!(t("a:").unwrap(), ["a", "", "", "", ""]);
        assert!(t("http://[::1").is_err());
        assert!(t("http://::1]").is_err());
        assert!(t("http://[::1]x/").is_err());
        assert!(t("http://[zz]/").is_err());
    }

    #[test]
    fn params_as_python() {
        assert_eq!(params_at(b"/a;b/c;d;e"), Some(6));
        assert_eq!(params_at(b"/a;b/c"), None);
        assert_eq!(params_at(b"a;b"), Some(1));
    }
}
