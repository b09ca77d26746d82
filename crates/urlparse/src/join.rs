//! `urljoin`: a reference resolved against a base URL, as CPython resolves it (RFC
//! 3986 section 5.2 for the schemes of `uses_relative`, with CPython's quirks).

use std::borrow::Cow;

use crate::split::{SplitOptions, urlparse_with};
use crate::{Error, codec, urlunparse, uses_netloc, uses_relative};

/// The keyword argument of `urljoin`: `allow_fragments` (default `true`).
///
/// ```
/// use netstd_urlparse::{urljoin_with, JoinOptions};
/// let o = JoinOptions::new().allow_fragments(false);
/// assert_eq!(urljoin_with("http://a/b", "c#d", &o).unwrap(), "http://a/c#d");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JoinOptions {
    allow_fragments: bool,
}

impl Default for JoinOptions {
    fn default() -> Self {
        JoinOptions {
            allow_fragments: true,
        }
    }
}

impl JoinOptions {
    /// Python's default: `allow_fragments=True`.
    ///
    /// ```
    /// assert_eq!(netstd_urlparse::JoinOptions::new(), Default::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// `allow_fragments=`: whether `#` starts a fragment in both URLs.
    ///
    /// ```
    /// let o = netstd_urlparse::JoinOptions::new().allow_fragments(false);
    /// assert_eq!(netstd_urlparse::urljoin_with("http://a/b#x", "", &o).unwrap(), "http://a/b#x");
    /// ```
    pub fn allow_fragments(mut self, allow_fragments: bool) -> Self {
        self.allow_fragments = allow_fragments;
        self
    }
}

/// Python's `urljoin(base, url)`: `url` resolved against `base`. A `url` with
/// another scheme, or a scheme outside [`uses_relative`], comes back unchanged;
/// an empty `base` or `url` gives the other. Parsing either can raise `ValueError`
/// as [`urlsplit`](crate::urlsplit) does.
///
/// ```
/// use netstd_urlparse::urljoin;
/// let base = "http://a/b/c/d;p?q";
/// assert_eq!(urljoin(base, "../g").unwrap(), "http://a/b/g");
/// assert_eq!(urljoin(base, "?y").unwrap(), "http://a/b/c/d;p?y");
/// assert_eq!(urljoin(base, "//g").unwrap(), "http://g");
/// assert_eq!(urljoin(base, "g:h").unwrap(), "g:h");
/// ```
pub fn urljoin<'a>(base: &'a str, url: &'a str) -> Result<Cow<'a, str>, Error> {
    urljoin_with(base, url, &JoinOptions::default())
}

/// Python's `urljoin(base, url, allow_fragments)`.
///
/// ```
/// use netstd_urlparse::{urljoin_with, JoinOptions};
/// let o = JoinOptions::new().allow_fragments(false);
/// assert_eq!(urljoin_with("http://a/b/c", "../d#e", &o).unwrap(), "http://a/d#e");
/// ```
pub fn urljoin_with<'a>(
    base: &'a str,
    url: &'a str,
    options: &JoinOptions,
) -> Result<Cow<'a, str>, Error> {
    if base.is_empty() {
        return Ok(Cow::Borrowed(url));
    }
    if url.is_empty() {
        return Ok(Cow::Borrowed(base));
    }
    let allow = options.allow_fragments;
    let b = urlparse_with(base, &SplitOptions::new().allow_fragments(allow))?;
    let bscheme = b.scheme();
    let u = urlparse_with(
        url,
        &SplitOptions::new().scheme(bscheme).allow_fragments(allow),
    )?;
    let (scheme, netloc, path, params, query, fragment) = u.as_tuple();
    if scheme != bscheme || !uses_relative.contains(&scheme) {
        return Ok(Cow::Borrowed(url));
    }
    let mut netloc = netloc;
    if uses_netloc.contains(&scheme) {
        if !netloc.is_empty() {
            return Ok(Cow::Owned(u.geturl()));
        }
        netloc = b.netloc();
    }
    if path.is_empty() && params.is_empty() {
        let query = if query.is_empty() { b.query() } else { query };
        return Ok(Cow::Owned(urlunparse((
            scheme,
            netloc,
            b.path(),
            b.params(),
            query,
            fragment,
        ))));
    }

    let mut base_parts: Vec<&str> = b.path().split('/').collect();
    if base_parts.last() != Some(&"") {
        // the last item is not a directory: it takes no part in the resolution
        base_parts.pop();
    }
    let segments: Vec<&str> = if path.starts_with('/') {
        path.split('/').collect()
    } else {
        let mut s = base_parts;
        s.extend(path.split('/'));
        // drop the empty segments between the first and the last
        if s.len() > 2 {
            let last = s.len() - 1;
            let mut kept = Vec::with_capacity(s.len());
            kept.push(s[0]);
            kept.extend(s[1..last].iter().copied().filter(|x| !x.is_empty()));
            kept.push(s[last]);
            s = kept;
        }
        s
    };
    let mut resolved: Vec<&str> = Vec::with_capacity(segments.len());
    for seg in &segments {
        match *seg {
            ".." => {
                resolved.pop();
            }
            "." => {}
            other => resolved.push(other),
        }
    }
    if matches!(segments.last(), Some(&".") | Some(&"..")) {
        resolved.push("");
    }
    let joined = resolved.join("/");
    let path = if joined.is_empty() { "/" } else { &joined };
    Ok(Cow::Owned(urlunparse((
        scheme, netloc, path, params, query, fragment,
    ))))
}

/// `urljoin(base, url, allow_fragments)` for bytes: decoded and encoded as ASCII.
pub(crate) fn urljoin_bytes(
    base: &[u8],
    url: &[u8],
    options: &JoinOptions,
) -> Result<Vec<u8>, Error> {
    if base.is_empty() {
        return Ok(url.to_vec());
    }
    if url.is_empty() {
        return Ok(base.to_vec());
    }
    let base = codec::ascii_str(base)?;
    let url = codec::ascii_str(url)?;
    Ok(urljoin_with(base, url, options)?.into_owned().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 3986 section 5.4, as CPython's test_urlparse runs it.
    #[test]
    fn rfc3986_examples() {
        let base = "http://a/b/c/d;p?q";
        for (rel, want) in [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"),
            ("g;x", "http://a/b/c/g;x"),
            ("g;x?y#s", "http://a/b/c/g;x?y#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g?y/../x", "http://a/b/c/g?y/../x"),
            ("g#s/./x", "http://a/b/c/g#s/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"),
            ("http:g", "http://a/b/c/g"),
        ] {
            assert_eq!(urljoin(base, rel).unwrap(), want, "{rel}");
        }
    }
}
