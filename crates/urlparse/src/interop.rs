//! Conversions between [`SplitResult`] and the `url` crate's [`url::Url`].
//!
//! The two read URLs by different grammars: `urlsplit` is CPython's lenient
//! splitter (RFC 3986 shaped, nothing normalised, relative references welcome),
//! `url::Url` is the WHATWG URL Standard's parser (absolute URLs only, normalised).
//! So both conversions are fallible and a round trip is not the identity:
//!
//! - **To `Url`** the URL is put back together ([`SplitResult::geturl`]) and parsed
//!   by `url`. That fails (`ValueError`) for what WHATWG refuses and Python keeps: a
//!   relative reference (no scheme), a host WHATWG finds invalid (`256.1.1.1`, a
//!   space, `[v1.x]` IPvFuture), a port above 65535 or not a number. What succeeds
//!   is normalised: scheme and host lower-cased, international hosts in Punycode,
//!   a default port dropped (`:443` for https), dot segments resolved, spaces and
//!   non-ASCII percent-encoded, `\` read as `/` and an empty path made `/` for the
//!   special schemes (`http:example.com` even gains a host).
//! - **From `Url`** its serialisation is split by `urlsplit`. The serialisation is
//!   ASCII with a valid host, so this succeeds for every `Url` the `url` crate
//!   builds; it stays fallible because a `Url` is only as good as its parser.
//!
//! ```
//! use netstd_urlparse::{urlsplit, SplitResult};
//! let r = urlsplit("HTTPS://Bücher.example:443/a/./b?q#f")?;
//! let u = url::Url::try_from(&r)?;
//! assert_eq!(u.as_str(), "https://xn--bcher-kva.example/a/b?q#f");
//! let back = SplitResult::try_from(&u)?;
//! assert_eq!(back.netloc(), "xn--bcher-kva.example");
//! assert!(url::Url::try_from(&urlsplit("/relative/only")?).is_err());
//! # Ok::<(), netstd_urlparse::Error>(())
//! ```

use crate::{Error, SplitResult, urlsplit};

impl TryFrom<&SplitResult> for url::Url {
    type Error = Error;

    /// `url::Url::parse(r.geturl())`; what WHATWG refuses is a `ValueError`.
    ///
    /// ```
    /// let r = netstd_urlparse::urlsplit("http://a:8080/x")?;
    /// assert_eq!(url::Url::try_from(&r)?.port(), Some(8080));
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    fn try_from(r: &SplitResult) -> Result<url::Url, Error> {
        let text = r.geturl();
        url::Url::parse(&text)
            .map_err(|e| Error::value(format!("url::Url cannot parse {text:?}: {e}")))
    }
}

impl TryFrom<SplitResult> for url::Url {
    type Error = Error;

    /// As for `&SplitResult`.
    ///
    /// ```
    /// let r = netstd_urlparse::urlsplit("mailto:a@b")?;
    /// assert_eq!(url::Url::try_from(r)?.path(), "a@b");
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    fn try_from(r: SplitResult) -> Result<url::Url, Error> {
        url::Url::try_from(&r)
    }
}

impl TryFrom<&url::Url> for SplitResult {
    type Error = Error;

    /// `urlsplit(url.as_str())`.
    ///
    /// ```
    /// let u = url::Url::parse("http://user@h:81/p?q#f").unwrap();
    /// let r = netstd_urlparse::SplitResult::try_from(&u)?;
    /// assert_eq!(r.as_tuple(), ("http", "user@h:81", "/p", "q", "f"));
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    fn try_from(u: &url::Url) -> Result<SplitResult, Error> {
        urlsplit(u.as_str())
    }
}

impl TryFrom<url::Url> for SplitResult {
    type Error = Error;

    /// As for `&url::Url`.
    ///
    /// ```
    /// let u = url::Url::parse("https://[::1]/").unwrap();
    /// let r = netstd_urlparse::SplitResult::try_from(u)?;
    /// assert_eq!(r.hostname().as_deref(), Some("::1"));
    /// # Ok::<(), netstd_urlparse::Error>(())
    /// ```
    fn try_from(u: url::Url) -> Result<SplitResult, Error> {
        SplitResult::try_from(&u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammars_differ_where_documented() {
        for refused in [
            "//host/p",
            "http://256.1.1.1/",
            "http://a:99999/",
            "http://[v1.x]/",
        ] {
            let r = urlsplit(refused).unwrap();
            assert!(url::Url::try_from(&r).is_err(), "{refused}");
        }
        let r = urlsplit("http:example.com").unwrap();
        assert_eq!(r.netloc(), "");
        let u = url::Url::try_from(&r).unwrap();
        assert_eq!(u.host_str(), Some("example.com"));
    }
}
