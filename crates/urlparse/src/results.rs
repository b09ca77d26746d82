//! The result types: `SplitResult`, `ParseResult`, `DefragResult` and their
//! `*Bytes` twins, Python's named tuples. Each keeps its fields in one buffer (the
//! URL as parsed, copied once) with a range per field, so parsing allocates once.
//!
//! Python's attributes are methods (`r.scheme()`, `r.hostname()`), `_replace` is a
//! `with_*` method per field, `encode()`/`decode()` convert between the str and bytes
//! forms, and tuples convert both ways (`as_tuple`, `From`).

use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::codec::{self, Codec, Handler};
use crate::host::{hostinfo, port_number, userinfo};
use crate::split::{bytes_forms, params_at};
use crate::{Error, pystr};

/// A field's range in a result's buffer.
pub(crate) type Span = (usize, usize);

/// The keyword arguments of the results' `encode()` and `decode()`: `encoding`
/// (default `"ascii"`) and `errors` (default `"strict"`).
///
/// ```
/// use netstd_urlparse::{urlsplit, CodecOptions};
/// let r = urlsplit("http://bücher.de/").unwrap();
/// assert!(r.encode().is_err()); // ascii
/// let b = r.encode_with(&CodecOptions::new().encoding("utf-8")).unwrap();
/// assert_eq!(b.netloc(), "bücher.de".as_bytes());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodecOptions {
    encoding: Codec,
    errors: Handler,
}

impl Default for CodecOptions {
    fn default() -> Self {
        CodecOptions {
            encoding: Codec::Known(codec::Encoding::Ascii),
            errors: Handler::Strict,
        }
    }
}

impl CodecOptions {
    /// Python's defaults: `encoding="ascii"`, `errors="strict"`.
    ///
    /// ```
    /// assert_eq!(netstd_urlparse::CodecOptions::new(), Default::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// `encoding=`: any name CPython accepts for utf-8, latin-1, ascii or cp1252.
    ///
    /// ```
    /// let o = netstd_urlparse::CodecOptions::new().encoding("latin-1");
    /// let b = netstd_urlparse::urlsplit("http://é/").unwrap().encode_with(&o).unwrap();
    /// assert_eq!(b.netloc(), b"\xe9");
    /// ```
    pub fn encoding(mut self, encoding: &str) -> Self {
        self.encoding = Codec::lookup(encoding);
        self
    }

    /// `errors=`: `strict`, `replace`, `ignore`, `backslashreplace`,
    /// `xmlcharrefreplace` (encoding only).
    ///
    /// ```
    /// let o = netstd_urlparse::CodecOptions::new().errors("replace");
    /// let b = netstd_urlparse::urlsplit("http://é/").unwrap().encode_with(&o).unwrap();
    /// assert_eq!(b.netloc(), b"?");
    /// ```
    pub fn errors(mut self, errors: &str) -> Self {
        self.errors = Handler::lookup(errors);
        self
    }
}

/// Python's `repr` of a field, for the results' `Debug`.
trait Repr {
    fn repr(&self, out: &mut String);
}

impl Repr for str {
    fn repr(&self, out: &mut String) {
        pystr::repr_str(out, self);
    }
}

impl Repr for [u8] {
    fn repr(&self, out: &mut String) {
        pystr::repr_bytes(out, self);
    }
}

/// Ranges of a buffer: the field `i`, or empty when the range is not one.
macro_rules! field {
    ($self:ident, $i:expr) => {{
        let (s, e) = $self.spans[$i];
        $self.buf.get(s..e).unwrap_or_default()
    }};
}

/// Always `String` / `Vec<u8>` in tuple types, whatever the field's name.
macro_rules! owned {
    ($f:ident, $t:ty) => {
        $t
    };
}
macro_rules! borrowed {
    ($f:ident, $t:ty, $a:lifetime) => {
        &$a $t
    };
}

macro_rules! result_type {
    (
        $(#[$meta:meta])*
        $name:ident, $python:literal, $buf:ty, $slice:ty, $n:literal,
        example: $ex:literal,
        fields: [$($field:ident = $i:literal, $expect:literal, $fdoc:literal;)*]
    ) => {
        $(#[$meta])*
        #[derive(Clone)]
        pub struct $name {
            buf: $buf,
            spans: [Span; $n],
        }

        impl $name {
            #[doc = concat!("`", $python, "(", $(stringify!($field), ", ",)* ")`: a result from its fields.")]
            #[doc = ""]
            #[doc = "```"]
            #[doc = concat!("let r = ", $ex, ";")]
            #[doc = concat!("let same = netstd_urlparse::", stringify!($name), "::new(", $($expect, ", ",)* ");")]
            #[doc = "assert_eq!(r, same);"]
            #[doc = "```"]
            pub fn new($($field: &$slice),*) -> Self {
                let mut buf = <$buf>::with_capacity(0 $(+ $field.len())*);
                let mut spans = [(0, 0); $n];
                $(
                    let start = buf.len();
                    buf.extend_from_slice_or_str($field);
                    spans[$i] = (start, buf.len());
                )*
                $name { buf, spans }
            }

            #[allow(dead_code)]
            pub(crate) fn from_spans(buf: $buf, spans: [Span; $n]) -> Self {
                $name { buf, spans }
            }

            $(
                #[doc = concat!("`", $python, ".", stringify!($field), "`: ", $fdoc)]
                #[doc = ""]
                #[doc = "```"]
                #[doc = concat!("let r = ", $ex, ";")]
                #[doc = concat!("assert_eq!(r.", stringify!($field), "(), ", $expect, ");")]
                #[doc = "```"]
                pub fn $field(&self) -> &$slice {
                    field!(self, $i)
                }
            )*

            #[doc = concat!("`tuple(", $python, ")`: the fields in order, borrowed.")]
            #[doc = ""]
            #[doc = "```"]
            #[doc = concat!("let r = ", $ex, ";")]
            #[doc = concat!("assert_eq!(r.as_tuple(), (", $($expect, ", ",)* "));")]
            #[doc = "```"]
            pub fn as_tuple(&self) -> ($(borrowed!($field, $slice, '_)),*) {
                ($(self.$field()),*)
            }

            fn fields(&self) -> [&$slice; $n] {
                [$(self.$field()),*]
            }

            fn with_field(&self, i: usize, value: &$slice) -> Self {
                let mut f = self.fields();
                f[i] = value;
                let [$($field),*] = f;
                Self::new($($field),*)
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.fields() == other.fields()
            }
        }

        impl Eq for $name {}

        impl Hash for $name {
            fn hash<H: Hasher>(&self, state: &mut H) {
                self.fields().hash(state)
            }
        }

        impl fmt::Debug for $name {
            /// Python's `repr`: `SplitResult(scheme='http', netloc='a', ...)`.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut out = String::from(concat!(stringify!($name), "("));
                let names = [$(stringify!($field)),*];
                for (k, (name, value)) in names.iter().zip(self.fields()).enumerate() {
                    if k > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(name);
                    out.push('=');
                    value.repr(&mut out);
                }
                out.push(')');
                f.write_str(&out)
            }
        }

        impl<'a> From<&'a $name> for ($(borrowed!($field, $slice, 'a)),*) {
            fn from(r: &'a $name) -> Self {
                r.as_tuple()
            }
        }

        impl From<$name> for ($(owned!($field, $buf)),*) {
            fn from(r: $name) -> Self {
                ($(r.$field().to_owned().into()),*)
            }
        }

        impl<'a> From<($(borrowed!($field, $slice, 'a)),*)> for $name {
            fn from(t: ($(borrowed!($field, $slice, 'a)),*)) -> Self {
                let ($($field),*) = t;
                Self::new($($field),*)
            }
        }
    };
}

/// `String::push_str` and `Vec::extend_from_slice` under one name, for the macro.
trait Extend2<T: ?Sized> {
    fn extend_from_slice_or_str(&mut self, s: &T);
}

impl Extend2<str> for String {
    fn extend_from_slice_or_str(&mut self, s: &str) {
        self.push_str(s);
    }
}

impl Extend2<[u8]> for Vec<u8> {
    fn extend_from_slice_or_str(&mut self, s: &[u8]) {
        self.extend_from_slice(s);
    }
}

result_type! {
    /// `urllib.parse.SplitResult`: what [`urlsplit`](crate::urlsplit) returns, the
    /// five fields with Python's netloc attributes (`username`, `password`,
    /// `hostname`, `port`).
    ///
    /// ```
    /// let r = netstd_urlparse::urlsplit("https://u:p@[::1]:8443/a?b#c").unwrap();
    /// assert_eq!(r.username(), Some("u"));
    /// assert_eq!(r.hostname().as_deref(), Some("::1"));
    /// assert_eq!(r.port(), Ok(Some(8443)));
    /// let r = r.with_fragment("");
    /// assert_eq!(r.geturl(), "https://u:p@[::1]:8443/a?b");
    /// assert_eq!(format!("{r:?}"), "SplitResult(scheme='https', netloc='u:p@[::1]:8443', path='/a', query='b', fragment='')");
    /// ```
    SplitResult, "SplitResult", String, str, 5,
    example: "netstd_urlparse::urlsplit(\"http://a.b/c?d#e\").unwrap()",
    fields: [
        scheme = 0, "\"http\"", "the scheme, lower-cased (or the default scheme as given).";
        netloc = 1, "\"a.b\"", "the network location, `user:password@host:port`, as written.";
        path = 2, "\"/c\"", "the hierarchical path.";
        query = 3, "\"d\"", "the query, after `?`.";
        fragment = 4, "\"e\"", "the fragment, after `#`.";
    ]
}

result_type! {
    /// `urllib.parse.SplitResultBytes`: what [`bytes::urlsplit`](crate::bytes::urlsplit)
    /// returns.
    ///
    /// ```
    /// let r = netstd_urlparse::bytes::urlsplit(b"http://A:80/").unwrap();
    /// assert_eq!(r.hostname().as_deref(), Some(&b"a"[..]));
    /// assert_eq!(r.decode().unwrap().netloc(), "A:80");
    /// ```
    SplitResultBytes, "SplitResultBytes", Vec<u8>, [u8], 5,
    example: "netstd_urlparse::bytes::urlsplit(b\"http://a.b/c?d#e\").unwrap()",
    fields: [
        scheme = 0, "&b\"http\"[..]", "the scheme.";
        netloc = 1, "&b\"a.b\"[..]", "the network location.";
        path = 2, "&b\"/c\"[..]", "the path.";
        query = 3, "&b\"d\"[..]", "the query.";
        fragment = 4, "&b\"e\"[..]", "the fragment.";
    ]
}

result_type! {
    /// `urllib.parse.ParseResult`: what [`urlparse`](crate::urlparse) returns, the
    /// fields of [`SplitResult`] with the last segment's `;params` apart.
    ///
    /// ```
    /// let r = netstd_urlparse::urlparse("http://a/b;type=d?x#y").unwrap();
    /// assert_eq!((r.path(), r.params()), ("/b", "type=d"));
    /// assert_eq!(r.with_params("").geturl(), "http://a/b?x#y");
    /// ```
    ParseResult, "ParseResult", String, str, 6,
    example: "netstd_urlparse::urlparse(\"http://a.b/c;p?d#e\").unwrap()",
    fields: [
        scheme = 0, "\"http\"", "the scheme.";
        netloc = 1, "\"a.b\"", "the network location.";
        path = 2, "\"/c\"", "the path, without the params.";
        params = 3, "\"p\"", "the params of the last path segment, after `;`.";
        query = 4, "\"d\"", "the query.";
        fragment = 5, "\"e\"", "the fragment.";
    ]
}

result_type! {
    /// `urllib.parse.ParseResultBytes`: what [`bytes::urlparse`](crate::bytes::urlparse)
    /// returns.
    ///
    /// ```
    /// let r = netstd_urlparse::bytes::urlparse(b"ftp://h/f;type=a").unwrap();
    /// assert_eq!(r.params(), b"type=a");
    /// ```
    ParseResultBytes, "ParseResultBytes", Vec<u8>, [u8], 6,
    example: "netstd_urlparse::bytes::urlparse(b\"http://a.b/c;p?d#e\").unwrap()",
    fields: [
        scheme = 0, "&b\"http\"[..]", "the scheme.";
        netloc = 1, "&b\"a.b\"[..]", "the network location.";
        path = 2, "&b\"/c\"[..]", "the path.";
        params = 3, "&b\"p\"[..]", "the params.";
        query = 4, "&b\"d\"[..]", "the query.";
        fragment = 5, "&b\"e\"[..]", "the fragment.";
    ]
}

result_type! {
    /// `urllib.parse.DefragResult`: what [`urldefrag`](crate::urldefrag) returns.
    ///
    /// ```
    /// let d = netstd_urlparse::urldefrag("/a#b").unwrap();
    /// assert_eq!(d.as_tuple(), ("/a", "b"));
    /// ```
    DefragResult, "DefragResult", String, str, 2,
    example: "netstd_urlparse::urldefrag(\"http://a/b#c\").unwrap()",
    fields: [
        url = 0, "\"http://a/b\"", "the URL without its fragment.";
        fragment = 1, "\"c\"", "the fragment.";
    ]
}

result_type! {
    /// `urllib.parse.DefragResultBytes`: what [`bytes::urldefrag`](crate::bytes::urldefrag)
    /// returns.
    ///
    /// ```
    /// let d = netstd_urlparse::bytes::urldefrag(b"/a#b").unwrap();
    /// assert_eq!(d.geturl(), b"/a#b");
    /// ```
    DefragResultBytes, "DefragResultBytes", Vec<u8>, [u8], 2,
    example: "netstd_urlparse::bytes::urldefrag(b\"http://a/b#c\").unwrap()",
    fields: [
        url = 0, "&b\"http://a/b\"[..]", "the URL without its fragment.";
        fragment = 1, "&b\"c\"[..]", "the fragment.";
    ]
}

/// The `_replace(field=...)` methods, one per field.
macro_rules! replace_methods {
    ($name:ident, $slice:ty, $ex:literal, [$($with:ident = $i:literal, $field:ident;)*]) => {
        impl $name {
            $(
                #[doc = concat!("`r._replace(", stringify!($field), "=value)`: a copy with this field changed.")]
                #[doc = ""]
                #[doc = "```"]
                #[doc = concat!("let r = ", $ex, ";")]
                #[doc = concat!("let v = r.", stringify!($field), "().to_owned();")]
                #[doc = concat!("assert_eq!(r.clone().", stringify!($with), "(&v), r);")]
                #[doc = "```"]
                pub fn $with(self, $field: &$slice) -> Self {
                    self.with_field($i, $field)
                }
            )*
        }
    };
}

replace_methods!(SplitResult, str, "netstd_urlparse::urlsplit(\"http://a/b?c#d\").unwrap()", [
    with_scheme = 0, scheme; with_netloc = 1, netloc; with_path = 2, path;
    with_query = 3, query; with_fragment = 4, fragment;
]);
replace_methods!(SplitResultBytes, [u8], "netstd_urlparse::bytes::urlsplit(b\"http://a/b?c#d\").unwrap()", [
    with_scheme = 0, scheme; with_netloc = 1, netloc; with_path = 2, path;
    with_query = 3, query; with_fragment = 4, fragment;
]);
replace_methods!(ParseResult, str, "netstd_urlparse::urlparse(\"http://a/b;p?c#d\").unwrap()", [
    with_scheme = 0, scheme; with_netloc = 1, netloc; with_path = 2, path;
    with_params = 3, params; with_query = 4, query; with_fragment = 5, fragment;
]);
replace_methods!(ParseResultBytes, [u8], "netstd_urlparse::bytes::urlparse(b\"http://a/b;p?c#d\").unwrap()", [
    with_scheme = 0, scheme; with_netloc = 1, netloc; with_path = 2, path;
    with_params = 3, params; with_query = 4, query; with_fragment = 5, fragment;
]);
replace_methods!(DefragResult, str, "netstd_urlparse::urldefrag(\"/a#b\").unwrap()", [
    with_url = 0, url; with_fragment = 1, fragment;
]);
replace_methods!(DefragResultBytes, [u8], "netstd_urlparse::bytes::urldefrag(b\"/a#b\").unwrap()", [
    with_url = 0, url; with_fragment = 1, fragment;
]);

/// `username`, `password`, `hostname` and `port` of the netloc.
macro_rules! netloc_methods {
    ($name:ident, $slice:ty, $as_bytes:expr, $from_bytes:expr, $lower:expr, $ex:literal, $user:literal, $host:literal) => {
        impl $name {
            /// The netloc's user name: the text before the last `@` and up to the
            /// first `:`, or `None` without `@` (Python's `username`).
            ///
            /// ```
            #[doc = concat!("let r = ", $ex, ";")]
            #[doc = concat!("assert_eq!(r.username(), Some(", $user, "));")]
            /// ```
            pub fn username(&self) -> Option<&$slice> {
                let (user, _) = userinfo($as_bytes(self.netloc()));
                user.map($from_bytes)
            }

            /// The netloc's password: after the user name's `:`, or `None`
            /// (Python's `password`).
            ///
            /// ```
            #[doc = concat!("let r = ", $ex, ";")]
            /// assert!(r.password().is_some_and(|p| p.len() == 2));
            /// ```
            pub fn password(&self) -> Option<&$slice> {
                let (_, password) = userinfo($as_bytes(self.netloc()));
                password.map($from_bytes)
            }

            /// The host, lower-cased except for an IPv6 zone after `%`, brackets
            /// removed; `None` when empty (Python's `hostname`).
            ///
            /// ```
            #[doc = concat!("let r = ", $ex, ";")]
            #[doc = concat!("assert_eq!(r.hostname().as_deref(), Some(", $host, "));")]
            /// ```
            pub fn hostname(&self) -> Option<Cow<'_, $slice>> {
                let (host, _) = hostinfo($as_bytes(self.netloc()));
                if host.is_empty() {
                    return None;
                }
                let (name, zone) = match memchr::memchr(b'%', host) {
                    Some(p) => (&host[..p], &host[p..]),
                    None => (host, &b""[..]),
                };
                let lowered: Cow<'_, $slice> = $lower($from_bytes(name));
                Some(match lowered {
                    Cow::Borrowed(_) => Cow::Borrowed($from_bytes(host)),
                    Cow::Owned(mut s) => {
                        s.extend_from_slice_or_str($from_bytes(zone));
                        Cow::Owned(s)
                    }
                })
            }

            /// The port as a number, `None` when the netloc names none; a port that
            /// is not ASCII digits or is above 65535 is a `ValueError`, as in Python.
            ///
            /// ```
            #[doc = concat!("let r = ", $ex, ";")]
            /// assert_eq!(r.port(), Ok(Some(8080)));
            /// ```
            pub fn port(&self) -> Result<Option<u16>, Error> {
                match hostinfo($as_bytes(self.netloc())).1 {
                    None => Ok(None),
                    Some(p) => port_number(p).map(Some),
                }
            }
        }
    };
}

/// A str slice of a str's bytes, cut at ASCII delimiters.
fn str_of(b: &[u8]) -> &str {
    std::str::from_utf8(b).unwrap_or_default()
}

fn lower_bytes(b: &[u8]) -> Cow<'_, [u8]> {
    if b.iter().any(u8::is_ascii_uppercase) {
        Cow::Owned(b.to_ascii_lowercase())
    } else {
        Cow::Borrowed(b)
    }
}

netloc_methods!(
    SplitResult,
    str,
    str::as_bytes,
    str_of,
    pystr::lower,
    "netstd_urlparse::urlsplit(\"http://me:pw@Host.Example:8080/\").unwrap()",
    "\"me\"",
    "\"host.example\""
);
netloc_methods!(
    ParseResult,
    str,
    str::as_bytes,
    str_of,
    pystr::lower,
    "netstd_urlparse::urlparse(\"http://me:pw@Host.Example:8080/\").unwrap()",
    "\"me\"",
    "\"host.example\""
);
netloc_methods!(
    SplitResultBytes,
    [u8],
    std::convert::identity,
    std::convert::identity,
    lower_bytes,
    "netstd_urlparse::bytes::urlsplit(b\"http://me:pw@Host.Example:8080/\").unwrap()",
    "&b\"me\"[..]",
    "&b\"host.example\"[..]"
);
netloc_methods!(
    ParseResultBytes,
    [u8],
    std::convert::identity,
    std::convert::identity,
    lower_bytes,
    "netstd_urlparse::bytes::urlparse(b\"http://me:pw@Host.Example:8080/\").unwrap()",
    "&b\"me\"[..]",
    "&b\"host.example\"[..]"
);

impl SplitResult {
    /// `SplitResult.geturl()`: [`urlunsplit`](crate::urlunsplit) of the fields,
    /// which may differ from the URL parsed in redundant delimiters.
    ///
    /// ```
    /// let r = netstd_urlparse::urlsplit("HTTP://a/b?#").unwrap();
    /// assert_eq!(r.geturl(), "http://a/b");
    /// ```
    pub fn geturl(&self) -> String {
        crate::urlunsplit(self.as_tuple())
    }

    /// `SplitResult.encode()`: the bytes form, encoded as ASCII.
    ///
    /// ```
    /// let r = netstd_urlparse::urlsplit("http://a/").unwrap();
    /// assert_eq!(r.encode().unwrap().netloc(), b"a");
    /// ```
    pub fn encode(&self) -> Result<SplitResultBytes, Error> {
        self.encode_with(&CodecOptions::default())
    }

    /// `SplitResult.encode(encoding, errors)`.
    ///
    /// ```
    /// use netstd_urlparse::{urlsplit, CodecOptions};
    /// let r = urlsplit("http://a/ü").unwrap();
    /// let b = r.encode_with(&CodecOptions::new().encoding("utf-8")).unwrap();
    /// assert_eq!(b.path(), "/ü".as_bytes());
    /// ```
    pub fn encode_with(&self, options: &CodecOptions) -> Result<SplitResultBytes, Error> {
        let [a, b, c, d, e] = encode_fields(self.fields(), options)?;
        Ok(SplitResultBytes::new(&a, &b, &c, &d, &e))
    }

    pub(crate) fn into_ascii_bytes(self) -> SplitResultBytes {
        SplitResultBytes::from_spans(self.buf.into_bytes(), self.spans)
    }
}

impl SplitResultBytes {
    /// `SplitResultBytes.geturl()`; like Python, a `UnicodeDecodeError` for fields
    /// that are not ASCII.
    ///
    /// ```
    /// let r = netstd_urlparse::bytes::urlsplit(b"HTTP://a/b").unwrap();
    /// assert_eq!(r.geturl().unwrap(), b"http://a/b");
    /// ```
    pub fn geturl(&self) -> Result<Vec<u8>, Error> {
        let [a, b, c, d, e] = self.fields();
        bytes_forms::urlunsplit((a, b, c, d, e))
    }

    /// `SplitResultBytes.decode()`: the str form, decoded as ASCII.
    ///
    /// ```
    /// let r = netstd_urlparse::bytes::urlsplit(b"http://a/").unwrap();
    /// assert_eq!(r.decode().unwrap().netloc(), "a");
    /// ```
    pub fn decode(&self) -> Result<SplitResult, Error> {
        self.decode_with(&CodecOptions::default())
    }

    /// `SplitResultBytes.decode(encoding, errors)`.
    ///
    /// ```
    /// use netstd_urlparse::{SplitResultBytes, CodecOptions};
    /// let r = SplitResultBytes::new(b"http", b"\xe9", b"", b"", b"");
    /// let s = r.decode_with(&CodecOptions::new().encoding("latin-1")).unwrap();
    /// assert_eq!(s.netloc(), "é");
    /// ```
    pub fn decode_with(&self, options: &CodecOptions) -> Result<SplitResult, Error> {
        let [a, b, c, d, e] = decode_fields(self.fields(), options)?;
        Ok(SplitResult::new(&a, &b, &c, &d, &e))
    }
}

impl ParseResult {
    /// The params split off a [`SplitResult`]'s path, as `urlparse` does for the
    /// schemes of [`uses_params`](crate::uses_params).
    pub(crate) fn from_split(r: SplitResult) -> ParseResult {
        let [scheme, netloc, path, query, fragment] = r.spans;
        let mut path = path;
        let mut params = (path.1, path.1);
        if crate::uses_params.contains(&r.scheme()) {
            if let Some(at) = params_at(r.path().as_bytes()) {
                params = (path.0 + at + 1, path.1);
                path = (path.0, path.0 + at);
            }
        }
        ParseResult::from_spans(r.buf, [scheme, netloc, path, params, query, fragment])
    }

    /// `ParseResult.geturl()`: [`urlunparse`](crate::urlunparse) of the fields.
    ///
    /// ```
    /// let r = netstd_urlparse::urlparse("http://a/b;p?").unwrap();
    /// assert_eq!(r.geturl(), "http://a/b;p");
    /// ```
    pub fn geturl(&self) -> String {
        crate::urlunparse(self.as_tuple())
    }

    /// `ParseResult.encode()`: the bytes form, encoded as ASCII.
    ///
    /// ```
    /// let r = netstd_urlparse::urlparse("http://a/b;c").unwrap();
    /// assert_eq!(r.encode().unwrap().params(), b"c");
    /// ```
    pub fn encode(&self) -> Result<ParseResultBytes, Error> {
        self.encode_with(&CodecOptions::default())
    }

    /// `ParseResult.encode(encoding, errors)`.
    ///
    /// ```
    /// use netstd_urlparse::{urlparse, CodecOptions};
    /// let r = urlparse("http://a/ü").unwrap();
    /// let b = r.encode_with(&CodecOptions::new().errors("ignore")).unwrap();
    /// assert_eq!(b.path(), b"/");
    /// ```
    pub fn encode_with(&self, options: &CodecOptions) -> Result<ParseResultBytes, Error> {
        let [a, b, c, d, e, f] = encode_fields(self.fields(), options)?;
        Ok(ParseResultBytes::new(&a, &b, &c, &d, &e, &f))
    }

    pub(crate) fn into_ascii_bytes(self) -> ParseResultBytes {
        ParseResultBytes::from_spans(self.buf.into_bytes(), self.spans)
    }
}

impl ParseResultBytes {
    /// `ParseResultBytes.geturl()`; a `UnicodeDecodeError` for fields that are not
    /// ASCII.
    ///
    /// ```
    /// let r = netstd_urlparse::bytes::urlparse(b"http://a/b;p").unwrap();
    /// assert_eq!(r.geturl().unwrap(), b"http://a/b;p");
    /// ```
    pub fn geturl(&self) -> Result<Vec<u8>, Error> {
        let [a, b, c, d, e, f] = self.fields();
        bytes_forms::urlunparse((a, b, c, d, e, f))
    }

    /// `ParseResultBytes.decode()`: the str form, decoded as ASCII.
    ///
    /// ```
    /// let r = netstd_urlparse::bytes::urlparse(b"http://a/").unwrap();
    /// assert_eq!(r.decode().unwrap().scheme(), "http");
    /// ```
    pub fn decode(&self) -> Result<ParseResult, Error> {
        self.decode_with(&CodecOptions::default())
    }

    /// `ParseResultBytes.decode(encoding, errors)`.
    ///
    /// ```
    /// use netstd_urlparse::{ParseResultBytes, CodecOptions};
    /// let r = ParseResultBytes::new(b"", b"", b"\xff", b"", b"", b"");
    /// let s = r.decode_with(&CodecOptions::new().errors("replace")).unwrap();
    /// assert_eq!(s.path(), "\u{fffd}");
    /// ```
    pub fn decode_with(&self, options: &CodecOptions) -> Result<ParseResult, Error> {
        let [a, b, c, d, e, f] = decode_fields(self.fields(), options)?;
        Ok(ParseResult::new(&a, &b, &c, &d, &e, &f))
    }
}

impl DefragResult {
    /// `DefragResult.geturl()`: the URL and `#fragment` when the fragment is not
    /// empty.
    ///
    /// ```
    /// let d = netstd_urlparse::urldefrag("/a#").unwrap();
    /// assert_eq!(d.geturl(), "/a");
    /// ```
    pub fn geturl(&self) -> String {
        if self.fragment().is_empty() {
            self.url().to_owned()
        } else {
            format!("{}#{}", self.url(), self.fragment())
        }
    }

    /// `DefragResult.encode()`: the bytes form, encoded as ASCII.
    ///
    /// ```
    /// let d = netstd_urlparse::urldefrag("/a#b").unwrap();
    /// assert_eq!(d.encode().unwrap().fragment(), b"b");
    /// ```
    pub fn encode(&self) -> Result<DefragResultBytes, Error> {
        self.encode_with(&CodecOptions::default())
    }

    /// `DefragResult.encode(encoding, errors)`.
    ///
    /// ```
    /// use netstd_urlparse::{urldefrag, CodecOptions};
    /// let d = urldefrag("/a#é").unwrap();
    /// let b = d.encode_with(&CodecOptions::new().encoding("latin-1")).unwrap();
    /// assert_eq!(b.fragment(), b"\xe9");
    /// ```
    pub fn encode_with(&self, options: &CodecOptions) -> Result<DefragResultBytes, Error> {
        let [a, b] = encode_fields(self.fields(), options)?;
        Ok(DefragResultBytes::new(&a, &b))
    }

    pub(crate) fn into_ascii_bytes(self) -> DefragResultBytes {
        DefragResultBytes::from_spans(self.buf.into_bytes(), self.spans)
    }
}

impl DefragResultBytes {
    /// `DefragResultBytes.geturl()`.
    ///
    /// ```
    /// let d = netstd_urlparse::bytes::urldefrag(b"/a#b").unwrap();
    /// assert_eq!(d.geturl(), b"/a#b");
    /// ```
    pub fn geturl(&self) -> Vec<u8> {
        let mut out = self.url().to_vec();
        if !self.fragment().is_empty() {
            out.push(b'#');
            out.extend_from_slice(self.fragment());
        }
        out
    }

    /// `DefragResultBytes.decode()`: the str form, decoded as ASCII.
    ///
    /// ```
    /// let d = netstd_urlparse::bytes::urldefrag(b"/a#b").unwrap();
    /// assert_eq!(d.decode().unwrap().url(), "/a");
    /// ```
    pub fn decode(&self) -> Result<DefragResult, Error> {
        self.decode_with(&CodecOptions::default())
    }

    /// `DefragResultBytes.decode(encoding, errors)`.
    ///
    /// ```
    /// use netstd_urlparse::{DefragResultBytes, CodecOptions};
    /// let d = DefragResultBytes::new(b"/\xc3\xa9", b"");
    /// assert_eq!(d.decode_with(&CodecOptions::new().encoding("utf-8")).unwrap().url(), "/é");
    /// ```
    pub fn decode_with(&self, options: &CodecOptions) -> Result<DefragResult, Error> {
        let [a, b] = decode_fields(self.fields(), options)?;
        Ok(DefragResult::new(&a, &b))
    }
}

fn encode_fields<'a, const N: usize>(
    fields: [&'a str; N],
    options: &CodecOptions,
) -> Result<[Cow<'a, [u8]>; N], Error> {
    let enc = options.encoding.get(true)?;
    let mut out: [Cow<'a, [u8]>; N] = std::array::from_fn(|_| Cow::Borrowed(&b""[..]));
    for (o, f) in out.iter_mut().zip(fields) {
        *o = codec::encode(f, enc, &options.errors)?;
    }
    Ok(out)
}

fn decode_fields<'a, const N: usize>(
    fields: [&'a [u8]; N],
    options: &CodecOptions,
) -> Result<[Cow<'a, str>; N], Error> {
    let mut out: [Cow<'a, str>; N] = std::array::from_fn(|_| Cow::Borrowed(""));
    for (o, f) in out.iter_mut().zip(fields) {
        *o = codec::decode_with(f, &options.encoding, &options.errors)?;
    }
    Ok(out)
}
