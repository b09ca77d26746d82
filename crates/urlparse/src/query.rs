//! Query strings: `parse_qs` and `parse_qsl` read them, `urlencode` writes them.

use std::borrow::{Borrow, Cow};
use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hash};

use crate::codec;
use crate::quote::{
    QuoteOptions, Safe, UnquoteOptions, quote_bytes_into, quote_str_into, unquote_escaped_text,
    unquote_text,
};
use crate::{Error, pystr};

/// The keyword arguments of `parse_qs` and `parse_qsl`: `keep_blank_values`
/// (default false), `strict_parsing` (false), `encoding` (utf-8), `errors`
/// (replace), `max_num_fields` (none) and `separator` (`"&"`).
///
/// ```
/// use netstd_urlparse::{parse_qsl_with, ParseQsOptions};
/// let o = ParseQsOptions::new().keep_blank_values(true).separator(";");
/// let pairs = parse_qsl_with("a=1;b=;c", &o).unwrap();
/// assert_eq!(pairs, [("a", "1"), ("b", ""), ("c", "")].map(|(k, v)| (k.into(), v.into())));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseQsOptions<'a> {
    keep_blank_values: bool,
    strict_parsing: bool,
    unquote: UnquoteOptions,
    max_num_fields: Option<usize>,
    separator: &'a str,
}

impl Default for ParseQsOptions<'_> {
    fn default() -> Self {
        ParseQsOptions {
            keep_blank_values: false,
            strict_parsing: false,
            unquote: UnquoteOptions::default(),
            max_num_fields: None,
            separator: "&",
        }
    }
}

impl<'a> ParseQsOptions<'a> {
    /// Python's defaults.
    ///
    /// ```
    /// assert_eq!(netstd_urlparse::ParseQsOptions::new(), Default::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// `keep_blank_values=`: keep fields with empty values (and fields without `=`)
    /// as empty strings instead of dropping them.
    ///
    /// ```
    /// let o = netstd_urlparse::ParseQsOptions::new().keep_blank_values(true);
    /// assert_eq!(netstd_urlparse::parse_qsl_with("a=&b", &o).unwrap().len(), 2);
    /// ```
    pub fn keep_blank_values(mut self, keep: bool) -> Self {
        self.keep_blank_values = keep;
        self
    }

    /// `strict_parsing=`: a field without `=` (or an empty field) is a `ValueError`.
    ///
    /// ```
    /// let o = netstd_urlparse::ParseQsOptions::new().strict_parsing(true);
    /// assert!(netstd_urlparse::parse_qsl_with("a=1&&b=2", &o).is_err());
    /// ```
    pub fn strict_parsing(mut self, strict: bool) -> Self {
        self.strict_parsing = strict;
        self
    }

    /// `encoding=`: how the bytes of `%XX` escapes are decoded.
    ///
    /// ```
    /// let o = netstd_urlparse::ParseQsOptions::new().encoding("latin-1");
    /// assert_eq!(netstd_urlparse::parse_qsl_with("a=%E9", &o).unwrap()[0].1, "é");
    /// ```
    pub fn encoding(mut self, encoding: &str) -> Self {
        self.unquote = self.unquote.encoding(encoding);
        self
    }

    /// `errors=`.
    ///
    /// ```
    /// let o = netstd_urlparse::ParseQsOptions::new().errors("strict");
    /// assert!(netstd_urlparse::parse_qsl_with("a=%FF", &o).is_err());
    /// ```
    pub fn errors(mut self, errors: &str) -> Self {
        self.unquote = self.unquote.errors(errors);
        self
    }

    /// `max_num_fields=`: a query with more fields is a `ValueError`, found by
    /// counting separators before any field is parsed.
    ///
    /// ```
    /// let o = netstd_urlparse::ParseQsOptions::new().max_num_fields(2);
    /// assert!(netstd_urlparse::parse_qsl_with("a=1&b=2&c=3", &o).is_err());
    /// ```
    pub fn max_num_fields(mut self, max: usize) -> Self {
        self.max_num_fields = Some(max);
        self
    }

    /// `separator=`: the one string that separates fields (CVE-2021-23336: `;` is
    /// no longer a separator besides `&`). Empty is a `ValueError`.
    ///
    /// ```
    /// let o = netstd_urlparse::ParseQsOptions::new().separator(";");
    /// assert_eq!(netstd_urlparse::parse_qsl_with("a=1;b=2&c=3", &o).unwrap().len(), 2);
    /// ```
    pub fn separator(mut self, separator: &'a str) -> Self {
        self.separator = separator;
        self
    }
}

/// `parse_qsl` on text; the names and values borrow from `qs` where no escape or
/// `+` needed decoding. `coerce` is applied to each name and value as soon as it is
/// decoded (Python's `_coerce_result`, which encodes them for bytes input).
fn parse_text<'q, T>(
    qs: &'q str,
    options: &ParseQsOptions<'_>,
    coerce: impl Fn(Cow<'q, str>) -> Result<T, Error>,
) -> Result<Vec<(T, T)>, Error> {
    let sep = options.separator;
    if sep.is_empty() {
        return Err(Error::value("Separator must be of type string or bytes."));
    }
    // max_num_fields is checked before any field is parsed; nothing is reserved by
    // what the peer sent (a body of separators must not reserve memory per separator).
    if let Some(max) = options.max_num_fields {
        let fields = if qs.is_empty() {
            0
        } else if sep.len() == 1 {
            1 + memchr::memchr_iter(sep.as_bytes()[0], qs.as_bytes()).count()
        } else {
            1 + qs.matches(sep).count()
        };
        if max < fields {
            return Err(Error::value("Max number of fields exceeded"));
        }
    }
    let mut out = Vec::new();
    if qs.is_empty() {
        return Ok(out);
    }
    match sep.as_bytes() {
        &[b] if b.is_ascii() && b != b'=' && b != b'%' && b != b'+' => {
            parse_ascii_separated(qs, b, options, coerce, &mut out)?;
        }
        _ => parse_fields(qs.split(sep), options, coerce, &mut out)?,
    }
    Ok(out)
}

/// `parse_qsl` for the usual one-byte separator (`&`, `;`): one pass over the query
/// finds the fields, the first `=` of each, and whether its name and value hold a
/// `%` or a `+`; parts without either are borrowed, the others are decoded. The
/// result is the one of [`parse_fields`].
fn parse_ascii_separated<'q, T>(
    qs: &'q str,
    sep: u8,
    options: &ParseQsOptions<'_>,
    coerce: impl Fn(Cow<'q, str>) -> Result<T, Error>,
    out: &mut Vec<(T, T)>,
) -> Result<(), Error> {
    const PERCENT: u8 = 1;
    const PLUS: u8 = 2;
    let bytes = qs.as_bytes();
    let part = |from: usize, to: usize, marks: u8| -> Result<T, Error> {
        let text = qs.get(from..to).unwrap_or_default();
        coerce(if marks == 0 {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(unquote_escaped_text(
                text,
                &options.unquote,
                true,
                marks & PERCENT != 0,
            )?)
        })
    };
    let mut start = 0;
    let mut eq = None;
    let mut marks = [0u8; 2]; // name, value
    for i in 0..=bytes.len() {
        let c = bytes.get(i).copied().unwrap_or(sep);
        if c != sep {
            let side = usize::from(eq.is_some());
            match c {
                b'=' if eq.is_none() => eq = Some(i),
                b'%' => marks[side] |= PERCENT,
                b'+' => marks[side] |= PLUS,
                _ => {}
            }
            continue;
        }
        let field = (start, i, eq, marks);
        start = i + 1;
        eq = None;
        marks = [0, 0];
        let (from, to, eq, m) = field;
        if from == to && !options.strict_parsing {
            continue;
        }
        let value_at = match eq {
            Some(e) => e + 1,
            None if options.strict_parsing => {
                let mut shown = String::new();
                pystr::repr_str(&mut shown, qs.get(from..to).unwrap_or_default());
                return Err(Error::value(format!("bad query field: {shown}")));
            }
            None if options.keep_blank_values => to,
            None => continue,
        };
        let name_end = eq.unwrap_or(to);
        if value_at < to || options.keep_blank_values {
            let name = part(from, name_end, m[0])?;
            let value = part(value_at, to, m[1])?;
            out.push((name, value));
        }
    }
    Ok(())
}

/// The loop of `parse_qsl` over the fields.
fn parse_fields<'q, T>(
    fields: impl Iterator<Item = &'q str>,
    options: &ParseQsOptions<'_>,
    coerce: impl Fn(Cow<'q, str>) -> Result<T, Error>,
    out: &mut Vec<(T, T)>,
) -> Result<(), Error> {
    for field in fields {
        if field.is_empty() && !options.strict_parsing {
            continue;
        }
        let eq = memchr::memchr(b'=', field.as_bytes());
        let (name, value) = match eq {
            Some(i) => (
                field.get(..i).unwrap_or_default(),
                field.get(i + 1..).unwrap_or_default(),
            ),
            None if options.strict_parsing => {
                let mut shown = String::new();
                pystr::repr_str(&mut shown, field);
                return Err(Error::value(format!("bad query field: {shown}")));
            }
            None if options.keep_blank_values => (field, ""),
            None => continue,
        };
        if !value.is_empty() || options.keep_blank_values {
            let name = coerce(unquote_text(name, &options.unquote, true)?)?;
            let value = coerce(unquote_text(value, &options.unquote, true)?)?;
            out.push((name, value));
        }
    }
    Ok(())
}

/// Python's `parse_qsl(qs)`: the `name=value` fields of a query, `+` and `%XX`
/// decoded, blank values dropped.
///
/// ```
/// let pairs = netstd_urlparse::parse_qsl("q=rust+lang&x=%E2%9C%93&empty=&x=2");
/// assert_eq!(pairs, [("q", "rust lang"), ("x", "✓"), ("x", "2")].map(|(k, v)| (k.into(), v.into())));
/// ```
pub fn parse_qsl(qs: &str) -> Vec<(Cow<'_, str>, Cow<'_, str>)> {
    parse_text(qs, &ParseQsOptions::default(), Ok).unwrap_or_default()
}

/// Python's `parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors,
/// max_num_fields, separator)`.
///
/// ```
/// use netstd_urlparse::{parse_qsl_with, ParseQsOptions};
/// let o = ParseQsOptions::new().max_num_fields(1);
/// assert!(parse_qsl_with("a=1&b=2", &o).is_err());
/// ```
#[allow(clippy::type_complexity)]
pub fn parse_qsl_with<'q>(
    qs: &'q str,
    options: &ParseQsOptions<'_>,
) -> Result<Vec<(Cow<'q, str>, Cow<'q, str>)>, Error> {
    parse_text(qs, options, Ok)
}

/// `parse_qsl` for bytes: read as ASCII, each decoded name and value encoded as
/// ASCII again, as CPython does.
#[allow(clippy::type_complexity)]
pub(crate) fn parse_qsl_bytes<'q>(
    qs: &'q [u8],
    options: &ParseQsOptions<'_>,
) -> Result<Vec<(Cow<'q, [u8]>, Cow<'q, [u8]>)>, Error> {
    let text = codec::ascii_str(qs)?;
    parse_text(text, options, ascii_cow)
}

fn ascii_cow(text: Cow<'_, str>) -> Result<Cow<'_, [u8]>, Error> {
    codec::ascii_bytes(&text)?;
    Ok(match text {
        Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
        Cow::Owned(s) => Cow::Owned(s.into_bytes()),
    })
}

/// What `parse_qs` returns: Python's dict of lists, in the order the names first
/// appear.
///
/// ```
/// let d = netstd_urlparse::parse_qs("a=1&b=2&a=3");
/// assert_eq!(d.get("a"), Some(&["1".into(), "3".into()][..]));
/// assert_eq!(d.keys().collect::<Vec<_>>(), ["a", "b"]);
/// ```
#[derive(Debug, Clone)]
pub struct QueryDict<K> {
    entries: Vec<(K, Vec<K>)>,
    /// For more than a few names: the hash of each name to the entries holding it.
    index: Option<(RandomState, HashMap<u64, Vec<usize>>)>,
}

/// Up to this many names a lookup scans; past it, it hashes.
const SCAN_LIMIT: usize = 16;

impl<K: Eq + Hash> QueryDict<K> {
    /// `parse_qs`'s grouping of `parse_qsl`'s pairs (a dict lookup per pair, as in
    /// Python: linear for a few names, hashed for many).
    pub(crate) fn from_pairs(pairs: Vec<(K, K)>) -> Self {
        let mut d = QueryDict {
            entries: Vec::new(),
            index: None,
        };
        for (name, value) in pairs {
            match d.position(&name) {
                Some(i) => d.entries[i].1.push(value),
                None => d.insert(name, vec![value]),
            }
        }
        d
    }

    fn insert(&mut self, name: K, values: Vec<K>) {
        let i = self.entries.len();
        if let Some((hasher, index)) = &mut self.index {
            index.entry(hasher.hash_one(&name)).or_default().push(i);
        }
        self.entries.push((name, values));
        if self.index.is_none() && self.entries.len() > SCAN_LIMIT {
            let hasher = RandomState::new();
            let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
            for (j, (k, _)) in self.entries.iter().enumerate() {
                index.entry(hasher.hash_one(k)).or_default().push(j);
            }
            self.index = Some((hasher, index));
        }
    }

    fn position<Q>(&self, name: &Q) -> Option<usize>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        match &self.index {
            // `K: Borrow<Q>` promises that a name and its borrowed form hash alike.
            Some((hasher, index)) => index
                .get(&hasher.hash_one(name))?
                .iter()
                .copied()
                .find(|&i| self.entries[i].0.borrow() == name),
            None => self.entries.iter().position(|(k, _)| k.borrow() == name),
        }
    }

    /// `d[name]` / `d.get(name)`: the values of a name, in order (hashed, so a dict
    /// of many names answers in constant time).
    ///
    /// ```
    /// let d = netstd_urlparse::parse_qs("x=1");
    /// assert_eq!(d.get("x").map(|v| v.len()), Some(1));
    /// assert!(d.get("y").is_none());
    /// ```
    pub fn get<Q>(&self, name: &Q) -> Option<&[K]>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        self.position(name).map(|i| self.entries[i].1.as_slice())
    }

    /// `name in d`.
    ///
    /// ```
    /// assert!(netstd_urlparse::parse_qs("x=1").contains_key("x"));
    /// ```
    pub fn contains_key<Q>(&self, name: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        self.position(name).is_some()
    }
}

impl<K: Eq + Hash> PartialEq for QueryDict<K> {
    /// Python's dict equality: the same names with the same values, in any order.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self
                .entries
                .iter()
                .all(|(k, v)| other.get(k).is_some_and(|w| w == v.as_slice()))
    }
}

impl<K: Eq + Hash> Eq for QueryDict<K> {}

impl<K> QueryDict<K> {
    /// `len(d)`: the number of distinct names.
    ///
    /// ```
    /// assert_eq!(netstd_urlparse::parse_qs("a=1&a=2&b=3").len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// `not d`.
    ///
    /// ```
    /// assert!(netstd_urlparse::parse_qs("").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// `d.keys()`, in first-appearance order.
    ///
    /// ```
    /// let d = netstd_urlparse::parse_qs("b=1&a=2");
    /// assert_eq!(d.keys().collect::<Vec<_>>(), ["b", "a"]);
    /// ```
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// `d.items()`: each name with its values.
    ///
    /// ```
    /// let d = netstd_urlparse::parse_qs("a=1&a=2");
    /// for (name, values) in d.iter() {
    ///     assert_eq!((name.as_ref(), values.len()), ("a", 2));
    /// }
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (&K, &[K])> {
        self.entries.iter().map(|(k, v)| (k, v.as_slice()))
    }
}

impl<K> IntoIterator for QueryDict<K> {
    type Item = (K, Vec<K>);
    type IntoIter = std::vec::IntoIter<(K, Vec<K>)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

/// Python's `parse_qs(qs)`: [`parse_qsl`]'s fields grouped by name.
///
/// ```
/// let d = netstd_urlparse::parse_qs("tag=a&tag=b&page=2");
/// assert_eq!(d.get("tag").unwrap(), ["a", "b"]);
/// ```
pub fn parse_qs(qs: &str) -> QueryDict<Cow<'_, str>> {
    QueryDict::from_pairs(parse_qsl(qs))
}

/// Python's `parse_qs(qs, keep_blank_values, strict_parsing, encoding, errors,
/// max_num_fields, separator)`.
///
/// ```
/// use netstd_urlparse::{parse_qs_with, ParseQsOptions};
/// let d = parse_qs_with("a=&b=1", &ParseQsOptions::new().keep_blank_values(true)).unwrap();
/// assert_eq!(d.get("a").unwrap(), [""]);
/// ```
pub fn parse_qs_with<'q>(
    qs: &'q str,
    options: &ParseQsOptions<'_>,
) -> Result<QueryDict<Cow<'q, str>>, Error> {
    Ok(QueryDict::from_pairs(parse_text(qs, options, Ok)?))
}

/// A key or value for [`urlencode`]: the Python types `urlencode` takes. `str` and
/// `bytes` are quoted as they are; numbers, `True`/`False` and `None` as Python's
/// `str()` of them; with `doseq`, the items of a list, tuple or dict (its keys)
/// become one field each, and without it a sequence is quoted as its `repr`.
///
/// Its `Display` is Python's `str()`.
///
/// ```
/// use netstd_urlparse::{urlencode, QueryValue};
/// let q = urlencode([("n", QueryValue::from(5)), ("f", 0.5.into()), ("b", true.into()), ("x", QueryValue::None)]);
/// assert_eq!(q, "n=5&f=0.5&b=True&x=None");
/// let t = QueryValue::Tuple(vec!["a'b".into(), QueryValue::Bytes(b"\x00"[..].into())]);
/// assert_eq!(t.to_string(), "(\"a'b\", b'\\x00')");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum QueryValue<'a> {
    /// `str`
    Str(Cow<'a, str>),
    /// `bytes`
    Bytes(Cow<'a, [u8]>),
    /// `int`
    Int(i128),
    /// `float`
    Float(f64),
    /// `bool`
    Bool(bool),
    /// `None`
    None,
    /// `list`
    List(Vec<QueryValue<'a>>),
    /// `tuple`
    Tuple(Vec<QueryValue<'a>>),
    /// `dict`, in insertion order
    Dict(Vec<(QueryValue<'a>, QueryValue<'a>)>),
}

impl QueryValue<'_> {
    /// Python's `str(value)`, appended to `out`.
    fn py_str(&self, out: &mut String) {
        match self {
            QueryValue::Str(s) => out.push_str(s),
            other => other.py_repr(out),
        }
    }

    /// Python's `repr(value)`, appended to `out`.
    fn py_repr(&self, out: &mut String) {
        use std::fmt::Write as _;
        match self {
            QueryValue::Str(s) => pystr::repr_str(out, s),
            QueryValue::Bytes(b) => pystr::repr_bytes(out, b),
            QueryValue::Int(n) => {
                let _ = write!(out, "{n}");
            }
            QueryValue::Float(f) => pystr::repr_float(out, *f),
            QueryValue::Bool(true) => out.push_str("True"),
            QueryValue::Bool(false) => out.push_str("False"),
            QueryValue::None => out.push_str("None"),
            QueryValue::List(items) => {
                out.push('[');
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    x.py_repr(out);
                }
                out.push(']');
            }
            QueryValue::Tuple(items) => {
                out.push('(');
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    x.py_repr(out);
                }
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            QueryValue::Dict(pairs) => {
                out.push('{');
                for (i, (k, v)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    k.py_repr(out);
                    out.push_str(": ");
                    v.py_repr(out);
                }
                out.push('}');
            }
        }
    }
}

impl std::fmt::Display for QueryValue<'_> {
    /// Python's `str(value)`: a str as it is, anything else as its `repr`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut out = String::new();
        self.py_str(&mut out);
        f.write_str(&out)
    }
}

impl<'a> From<&'a str> for QueryValue<'a> {
    fn from(s: &'a str) -> Self {
        QueryValue::Str(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for QueryValue<'a> {
    fn from(s: &'a String) -> Self {
        QueryValue::Str(Cow::Borrowed(s))
    }
}

impl From<String> for QueryValue<'_> {
    fn from(s: String) -> Self {
        QueryValue::Str(Cow::Owned(s))
    }
}

impl<'a> From<Cow<'a, str>> for QueryValue<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        QueryValue::Str(s)
    }
}

impl<'a, 'b> From<&'b &'a str> for QueryValue<'a> {
    fn from(s: &'b &'a str) -> Self {
        QueryValue::Str(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a Cow<'_, str>> for QueryValue<'a> {
    fn from(s: &'a Cow<'_, str>) -> Self {
        QueryValue::Str(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a [Cow<'_, str>]> for QueryValue<'a> {
    /// A list of texts, as [`QueryDict::iter`] hands values back.
    fn from(items: &'a [Cow<'_, str>]) -> Self {
        QueryValue::List(items.iter().map(Into::into).collect())
    }
}

impl<'a> From<&'a [String]> for QueryValue<'a> {
    /// A list of texts.
    fn from(items: &'a [String]) -> Self {
        QueryValue::List(items.iter().map(Into::into).collect())
    }
}

/// One `(key, value)` of [`urlencode`]'s query: a pair by value, or a reference to
/// one (`&(String, String)` from a `Vec`, `(&Cow, &[Cow])` from a `QueryDict`).
pub trait QueryPair<'a> {
    /// The key and the value.
    fn into_pair(self) -> (QueryValue<'a>, QueryValue<'a>);
}

impl<'a, K: Into<QueryValue<'a>>, V: Into<QueryValue<'a>>> QueryPair<'a> for (K, V) {
    fn into_pair(self) -> (QueryValue<'a>, QueryValue<'a>) {
        (self.0.into(), self.1.into())
    }
}

impl<'a, K, V> QueryPair<'a> for &'a (K, V)
where
    &'a K: Into<QueryValue<'a>>,
    &'a V: Into<QueryValue<'a>>,
{
    fn into_pair(self) -> (QueryValue<'a>, QueryValue<'a>) {
        ((&self.0).into(), (&self.1).into())
    }
}

impl<'a> From<&'a [u8]> for QueryValue<'a> {
    fn from(b: &'a [u8]) -> Self {
        QueryValue::Bytes(Cow::Borrowed(b))
    }
}

impl<'a, const N: usize> From<&'a [u8; N]> for QueryValue<'a> {
    fn from(b: &'a [u8; N]) -> Self {
        QueryValue::Bytes(Cow::Borrowed(b))
    }
}

impl From<f64> for QueryValue<'_> {
    fn from(f: f64) -> Self {
        QueryValue::Float(f)
    }
}

impl From<bool> for QueryValue<'_> {
    fn from(b: bool) -> Self {
        QueryValue::Bool(b)
    }
}

macro_rules! int_value {
    ($($t:ty),*) => {$(
        impl From<$t> for QueryValue<'_> {
            fn from(n: $t) -> Self {
                QueryValue::Int(i128::from(n))
            }
        }
    )*};
}
int_value!(i8, i16, i32, i64, i128, u16, u32, u64);

impl From<usize> for QueryValue<'_> {
    fn from(n: usize) -> Self {
        QueryValue::Int(n as i128)
    }
}

impl<'a, T: Into<QueryValue<'a>>> From<Option<T>> for QueryValue<'a> {
    fn from(v: Option<T>) -> Self {
        v.map_or(QueryValue::None, Into::into)
    }
}

impl<'a, T: Into<QueryValue<'a>>> From<Vec<T>> for QueryValue<'a> {
    fn from(v: Vec<T>) -> Self {
        QueryValue::List(v.into_iter().map(Into::into).collect())
    }
}

impl<'a, T: Into<QueryValue<'a>>, const N: usize> From<[T; N]> for QueryValue<'a> {
    fn from(v: [T; N]) -> Self {
        QueryValue::List(v.into_iter().map(Into::into).collect())
    }
}

/// `urlencode`'s `quote_via`: the function that quotes each key and value.
///
/// ```
/// use netstd_urlparse::{urlencode_with, QuoteVia, UrlencodeOptions};
/// let o = UrlencodeOptions::new().quote_via(QuoteVia::Quote);
/// assert_eq!(urlencode_with([("a", "b c")], &o).unwrap(), "a=b%20c");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuoteVia {
    /// `quote_plus` (Python's default): spaces as `+`.
    #[default]
    QuotePlus,
    /// `quote`: spaces as `%20`.
    Quote,
}

/// The keyword arguments of `urlencode`: `doseq` (default false), `safe` (`""`),
/// `encoding` and `errors` (for str keys and values; utf-8 and strict), and
/// `quote_via` ([`QuoteVia::QuotePlus`]).
///
/// ```
/// use netstd_urlparse::{urlencode_with, UrlencodeOptions};
/// let o = UrlencodeOptions::new().doseq(true).safe("/");
/// assert_eq!(urlencode_with([("p", vec!["/a", "/b"])], &o).unwrap(), "p=/a&p=/b");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UrlencodeOptions {
    doseq: bool,
    quote: QuoteOptions,
    quote_via: QuoteVia,
}

impl UrlencodeOptions {
    /// Python's defaults.
    ///
    /// ```
    /// assert_eq!(netstd_urlparse::UrlencodeOptions::new(), Default::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// `doseq=`: a sequence value becomes one field per item.
    ///
    /// ```
    /// let o = netstd_urlparse::UrlencodeOptions::new().doseq(true);
    /// assert_eq!(netstd_urlparse::urlencode_with([("a", vec![1, 2])], &o).unwrap(), "a=1&a=2");
    /// ```
    pub fn doseq(mut self, doseq: bool) -> Self {
        self.doseq = doseq;
        self
    }

    /// `safe=` as a str.
    ///
    /// ```
    /// let o = netstd_urlparse::UrlencodeOptions::new().safe(":");
    /// assert_eq!(netstd_urlparse::urlencode_with([("t", "10:30")], &o).unwrap(), "t=10:30");
    /// ```
    pub fn safe(mut self, safe: &str) -> Self {
        self.quote = self.quote.safe(safe);
        self
    }

    /// `safe=` as bytes.
    ///
    /// ```
    /// let o = netstd_urlparse::UrlencodeOptions::new().safe_bytes(b"/");
    /// assert_eq!(netstd_urlparse::urlencode_with([("p", "/x")], &o).unwrap(), "p=/x");
    /// ```
    pub fn safe_bytes(mut self, safe: &[u8]) -> Self {
        self.quote = self.quote.safe_bytes(safe);
        self
    }

    /// `encoding=`, for str keys and values.
    ///
    /// ```
    /// let o = netstd_urlparse::UrlencodeOptions::new().encoding("latin-1");
    /// assert_eq!(netstd_urlparse::urlencode_with([("é", "é")], &o).unwrap(), "%E9=%E9");
    /// ```
    pub fn encoding(mut self, encoding: &str) -> Self {
        self.quote = self.quote.encoding(encoding);
        self
    }

    /// `errors=`, for str keys and values.
    ///
    /// ```
    /// let o = netstd_urlparse::UrlencodeOptions::new().encoding("ascii").errors("ignore");
    /// assert_eq!(netstd_urlparse::urlencode_with([("a", "é1")], &o).unwrap(), "a=1");
    /// ```
    pub fn errors(mut self, errors: &str) -> Self {
        self.quote = self.quote.errors(errors);
        self
    }

    /// `quote_via=`.
    ///
    /// ```
    /// use netstd_urlparse::{urlencode_with, QuoteVia, UrlencodeOptions};
    /// let o = UrlencodeOptions::new().quote_via(QuoteVia::Quote);
    /// assert_eq!(urlencode_with([("a", "1 2")], &o).unwrap(), "a=1%202");
    /// ```
    pub fn quote_via(mut self, quote_via: QuoteVia) -> Self {
        self.quote_via = quote_via;
        self
    }
}

/// Quotes one key or value as `urlencode` does: bytes with `quote_via(v, safe)`,
/// anything else with `quote_via(str(v), safe, encoding, errors)`.
fn quote_value(
    out: &mut String,
    v: &QueryValue<'_>,
    options: &UrlencodeOptions,
    scratch: &mut String,
) -> Result<(), Error> {
    let plus = options.quote_via == QuoteVia::QuotePlus;
    let default = Safe::NONE;
    match v {
        QueryValue::Bytes(b) => {
            quote_bytes_into(out, b, options.quote.safe_or(default), plus);
            Ok(())
        }
        QueryValue::Str(s) => quote_str_into(out, s, &options.quote, default, plus),
        other => {
            scratch.clear();
            other.py_str(scratch);
            quote_str_into(out, scratch, &options.quote, default, plus)
        }
    }
}

/// Python's `urlencode(query)`: `key=value` pairs, each side quoted with
/// `quote_plus`, joined with `&`. Keys and values are [`QueryValue`]s: str, bytes,
/// numbers, bools, `None`, sequences.
///
/// ```
/// use netstd_urlparse::urlencode;
/// assert_eq!(urlencode([("q", "a b"), ("lang", "é")]), "q=a+b&lang=%C3%A9");
/// assert_eq!(urlencode([("page", 2)]), "page=2");
/// // Pairs by reference, and parse_qs's answer, work too.
/// let owned = vec![("a".to_string(), "1".to_string())];
/// assert_eq!(urlencode(&owned), "a=1");
/// let d = netstd_urlparse::parse_qs("x=1&x=2");
/// assert_eq!(netstd_urlparse::urlencode_with(d.iter(), &netstd_urlparse::UrlencodeOptions::new().doseq(true)).unwrap(), "x=1&x=2");
/// ```
pub fn urlencode<'a, I>(query: I) -> String
where
    I: IntoIterator,
    I::Item: QueryPair<'a>,
{
    // utf-8 and strict never fail on Rust text
    urlencode_with(query, &UrlencodeOptions::default()).unwrap_or_default()
}

/// Python's `urlencode(query, doseq, safe, encoding, errors, quote_via)`.
///
/// ```
/// use netstd_urlparse::{urlencode_with, UrlencodeOptions};
/// let o = UrlencodeOptions::new().doseq(true);
/// assert_eq!(urlencode_with([("a", vec!["1", "2"]), ("b", vec![])], &o).unwrap(), "a=1&a=2");
/// let plain = UrlencodeOptions::new();
/// assert_eq!(urlencode_with([("a", vec!["1", "2"])], &plain).unwrap(), "a=%5B%271%27%2C+%272%27%5D");
/// ```
pub fn urlencode_with<'a, I>(query: I, options: &UrlencodeOptions) -> Result<String, Error>
where
    I: IntoIterator,
    I::Item: QueryPair<'a>,
{
    let mut out = String::with_capacity(128);
    let mut scratch = String::new();
    let mut key = String::new();
    let mut first = true;
    let field = |out: &mut String,
                 first: &mut bool,
                 key: &str,
                 value: &QueryValue<'_>,
                 scratch: &mut String| {
        if !*first {
            out.push('&');
        }
        *first = false;
        out.push_str(key);
        out.push('=');
        quote_value(out, value, options, scratch)
    };
    for pair in query {
        let (k, v) = pair.into_pair();
        if !options.doseq {
            // one field per pair: the key is quoted straight into the output
            if !first {
                out.push('&');
            }
            first = false;
            quote_value(&mut out, &k, options, &mut scratch)?;
            out.push('=');
            quote_value(&mut out, &v, options, &mut scratch)?;
            continue;
        }
        key.clear();
        quote_value(&mut key, &k, options, &mut scratch)?;
        match &v {
            QueryValue::List(items) | QueryValue::Tuple(items) => {
                for item in items {
                    field(&mut out, &mut first, &key, item, &mut scratch)?;
                }
            }
            QueryValue::Dict(pairs) => {
                for (item, _) in pairs {
                    field(&mut out, &mut first, &key, item, &mut scratch)?;
                }
            }
            single => field(&mut out, &mut first, &key, single, &mut scratch)?,
        }
    }
    Ok(out)
}
