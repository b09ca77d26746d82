//! `http.cookies.BaseCookie` and `SimpleCookie`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use crate::Error;
use crate::morsel::{AttrValue, Morsel, OutputOptions, RESERVED, reserved_index_lower};
use crate::parse::match_at;
use crate::quote::{_unquote, quote_cow, unquote_cow};

/// The overridable methods of `BaseCookie`: how a value read from a header
/// (`value_decode`) and a value assigned (`value_encode`) become the pair
/// `(real_value, coded_value)`.
///
/// ```
/// use std::borrow::Cow;
/// use netstd_cookies::{BaseCookie, Codec};
/// /// Values travel upper-cased.
/// #[derive(Default)]
/// struct Upper;
/// impl Codec for Upper {
///     fn value_decode<'a>(&self, val: &'a str) -> (Cow<'a, str>, Cow<'a, str>) {
///         (val.to_lowercase().into(), val.into())
///     }
///     fn value_encode<'a>(&self, val: &'a str) -> (Cow<'a, str>, Cow<'a, str>) {
///         (val.into(), val.to_uppercase().into())
///     }
/// }
/// let mut c = BaseCookie::with_codec(Upper);
/// c.set_item("a", "hello")?;
/// assert_eq!(c.output()?, "Set-Cookie: a=HELLO");
/// c.load("b=WORLD")?;
/// assert_eq!(c.get("b").unwrap().value(), Some("world"));
/// # Ok::<(), netstd_cookies::Error>(())
/// ```
pub trait Codec {
    /// `value_decode(val)`: `(real_value, coded_value)` of a value from the network.
    fn value_decode<'a>(&self, val: &'a str) -> (Cow<'a, str>, Cow<'a, str>);
    /// `value_encode(val)`: `(real_value, coded_value)` of a value assigned.
    fn value_encode<'a>(&self, val: &'a str) -> (Cow<'a, str>, Cow<'a, str>);
}

/// `BaseCookie`'s own methods: both values unchanged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Raw;

impl Codec for Raw {
    fn value_decode<'a>(&self, val: &'a str) -> (Cow<'a, str>, Cow<'a, str>) {
        (Cow::Borrowed(val), Cow::Borrowed(val))
    }
    fn value_encode<'a>(&self, val: &'a str) -> (Cow<'a, str>, Cow<'a, str>) {
        (Cow::Borrowed(val), Cow::Borrowed(val))
    }
}

/// `SimpleCookie`'s methods: `_unquote` what is read, `_quote` what is assigned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Simple;

impl Codec for Simple {
    fn value_decode<'a>(&self, val: &'a str) -> (Cow<'a, str>, Cow<'a, str>) {
        (unquote_cow(val), Cow::Borrowed(val))
    }
    fn value_encode<'a>(&self, val: &'a str) -> (Cow<'a, str>, Cow<'a, str>) {
        (Cow::Borrowed(val), quote_cow(val))
    }
}

/// `http.cookies.BaseCookie`: a dict of [`Morsel`]s by key, in insertion order,
/// with the value coding of its [`Codec`].
#[derive(Debug, Clone, Default)]
pub struct BaseCookie<C = Raw> {
    codec: C,
    /// The dict key (`None`: the Morsel's own key, the usual case) and the Morsel.
    morsels: Vec<(Option<String>, Morsel)>,
    /// Built once the cookie holds more than [`SMALL`] Morsels; a scan is faster below.
    index: Option<HashMap<String, usize>>,
}

/// Up to this many Morsels, keys are found by a scan.
const SMALL: usize = 32;

fn entry_key(e: &(Option<String>, Morsel)) -> &str {
    e.0.as_deref().or(e.1.key()).unwrap_or_default()
}

/// `http.cookies.SimpleCookie`: a [`BaseCookie`] whose values are quoted and
/// unquoted the way CPython does.
///
/// ```
/// use netstd_cookies::SimpleCookie;
/// let mut c = SimpleCookie::new();
/// c.load("chips=ahoy; vienna=finger")?;
/// assert_eq!(c.output()?, "Set-Cookie: chips=ahoy\r\nSet-Cookie: vienna=finger");
/// c.set_item("sugar", "wafer; sweet")?;
/// assert_eq!(c.get("sugar").unwrap().coded_value(), Some("\"wafer\\073 sweet\""));
/// # Ok::<(), netstd_cookies::Error>(())
/// ```
pub type SimpleCookie = BaseCookie<Simple>;

/// What the first pass found; values are decoded when applied (`value_decode` of a
/// string that turns out invalid is never called: Python calls it and drops the result).
enum Parsed<'a> {
    /// A `$` attribute: the value as it is, `None` without one.
    Dollar(&'a str, Option<&'a str>),
    /// A flag without a value.
    Flag(&'a str),
    /// A reserved attribute: the value is unquoted.
    Attr(&'a str, &'a str),
    /// A cookie: the value goes through `value_decode`.
    KeyValue(&'a str, &'a str),
}

impl<C: Codec + Default> BaseCookie<C> {
    /// `BaseCookie()` / `SimpleCookie()`: empty.
    pub fn new() -> Self {
        Self::with_codec(C::default())
    }
}

/// `SimpleCookie(input)`: `load(input)` into a new cookie.
///
/// ```
/// let c: netstd_cookies::SimpleCookie = "a=1; b=2".parse()?;
/// assert_eq!(c.len(), 2);
/// # Ok::<(), netstd_cookies::Error>(())
/// ```
impl<C: Codec + Default> std::str::FromStr for BaseCookie<C> {
    type Err = Error;
    fn from_str(input: &str) -> Result<Self, Error> {
        let mut c = Self::new();
        c.load(input)?;
        Ok(c)
    }
}

impl<C: Codec> BaseCookie<C> {
    /// A cookie with its own `value_decode` / `value_encode` (a Python subclass).
    pub fn with_codec(codec: C) -> Self {
        BaseCookie {
            codec,
            morsels: Vec::new(),
            index: None,
        }
    }

    /// `self.value_decode(val)`.
    pub fn value_decode<'a>(&self, val: &'a str) -> (Cow<'a, str>, Cow<'a, str>) {
        self.codec.value_decode(val)
    }

    /// `self.value_encode(val)`.
    pub fn value_encode<'a>(&self, val: &'a str) -> (Cow<'a, str>, Cow<'a, str>) {
        self.codec.value_encode(val)
    }

    /// `len(cookie)`.
    pub fn len(&self) -> usize {
        self.morsels.len()
    }

    /// `not cookie`.
    pub fn is_empty(&self) -> bool {
        self.morsels.is_empty()
    }

    fn find(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.morsels.iter().position(|e| entry_key(e) == key),
        }
    }

    fn push(&mut self, dict_key: Option<String>, morsel: Morsel) -> usize {
        self.morsels.push((dict_key, morsel));
        let i = self.morsels.len() - 1;
        if let Some(index) = &mut self.index {
            index.insert(entry_key(&self.morsels[i]).to_owned(), i);
        } else if self.morsels.len() > SMALL {
            self.reindex();
        }
        i
    }

    fn reindex(&mut self) {
        self.index = (self.morsels.len() > SMALL).then(|| {
            self.morsels
                .iter()
                .enumerate()
                .map(|(i, e)| (entry_key(e).to_owned(), i))
                .collect()
        });
    }

    /// `cookie.get(key)`.
    pub fn get(&self, key: &str) -> Option<&Morsel> {
        self.find(key).map(|i| &self.morsels[i].1)
    }

    /// `cookie[key]`, to set its attributes: `cookie[key][attr] = v`.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Morsel> {
        let i = self.find(key)?;
        let entry = &mut self.morsels[i];
        // the caller may `set` another key on the Morsel: the dict key stays
        if entry.0.is_none() {
            entry.0 = Some(key.to_owned());
        }
        Some(&mut entry.1)
    }

    /// `key in cookie`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_some()
    }

    /// `cookie.keys()`, in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &str> + '_ {
        self.morsels.iter().map(entry_key)
    }

    /// `cookie.items()`, in insertion order.
    pub fn items(&self) -> impl Iterator<Item = (&str, &Morsel)> + '_ {
        self.morsels.iter().map(|e| (entry_key(e), &e.1))
    }

    /// `del cookie[key]` / `cookie.pop(key)`.
    pub fn remove(&mut self, key: &str) -> Option<Morsel> {
        let i = self.find(key)?;
        let (_, m) = self.morsels.remove(i);
        self.reindex();
        Some(m)
    }

    /// `BaseCookie.__set` (after the reserved-key check): the key's Morsel (a new one
    /// if none) takes the values.
    fn set_values(&mut self, key: &str, rval: &str, cval: &str) -> Result<usize, Error> {
        if let Some(i) = self.find(key) {
            self.morsels[i].1.set_checked(key, rval, cval)?;
            return Ok(i);
        }
        let mut m = Morsel::new();
        m.set_checked(key, rval, cval)?;
        Ok(self.push(None, m))
    }

    /// `cookie[key] = value`: `value_encode`, then the Morsel's `set` (`CookieError`
    /// for a reserved or illegal key or control characters).
    pub fn set_item(&mut self, key: &str, value: &str) -> Result<(), Error> {
        let (rval, cval) = self.codec.value_encode(value);
        if reserved_index_lower(key).is_some() {
            return Err(Error::CookieError(format!(
                "Attempt to set a reserved key {key:?}"
            )));
        }
        self.set_values(key, &rval, &cval).map(|_| ())
    }

    /// `cookie[key] = morsel`: the Morsel as it is.
    pub fn set_morsel(&mut self, key: &str, morsel: Morsel) {
        let dict_key = (morsel.key() != Some(key)).then(|| key.to_owned());
        if let Some(i) = self.find(key) {
            self.morsels[i] = (dict_key, morsel);
        } else {
            self.push(dict_key, morsel);
        }
    }

    /// `cookie.output()`: one `Set-Cookie:` line per Morsel, sorted by key, joined by CRLF.
    pub fn output(&self) -> Result<String, Error> {
        self.output_with(&OutputOptions::new())
    }

    /// `cookie.output(attrs, header, sep)`. `CookieError` when a line would hold a
    /// control character (only a header can bring one: CPython gh-143919).
    pub fn output_with(&self, options: &OutputOptions) -> Result<String, Error> {
        let attrs = options.attr_list();
        let mut out = String::with_capacity(64 * self.len());
        for (n, (_, m)) in self.sorted().into_iter().enumerate() {
            if n > 0 {
                out.push_str(options.sep_str());
            }
            m.write_output(&mut out, attrs.as_deref(), options.header_str())?;
        }
        Ok(out)
    }

    /// `cookie.js_output()`.
    pub fn js_output(&self) -> Result<String, Error> {
        self.js_output_with(None)
    }

    /// `cookie.js_output(attrs)`.
    pub fn js_output_with(&self, attrs: Option<&[&str]>) -> Result<String, Error> {
        let mut out = String::new();
        for (_, m) in self.sorted() {
            out.push_str(&m.js_output_with(attrs)?);
        }
        Ok(out)
    }

    fn sorted(&self) -> Vec<(&str, &Morsel)> {
        let mut v: Vec<(&str, &Morsel)> = self.items().collect();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v
    }

    /// `cookie.load(rawdata)` of a string: a `Cookie` header (or the value of an
    /// `HTTP_COOKIE`). The whole string is checked first: a reserved attribute before
    /// any cookie, or a key without a value that is not a flag, discards it all, as in
    /// CPython. `CookieError` when applying it fails (an illegal key, an unknown
    /// `$` attribute, control characters); what was applied before stays.
    ///
    /// Linear in the input.
    pub fn load(&mut self, rawdata: &str) -> Result<(), Error> {
        let s = rawdata.as_bytes();
        let n = s.len();
        let mut i = 0;
        let mut parsed = Vec::with_capacity(16);
        let mut morsel_seen = false;
        while i < n {
            let Some(m) = match_at(s, i) else { break };
            i = m.end;
            let key = &rawdata[m.key.0..m.key.1];
            let value = m.val.map(|(a, b)| &rawdata[a..b]);
            if let Some(attr) = key.strip_prefix('$') {
                if !morsel_seen {
                    continue;
                }
                parsed.push(Parsed::Dollar(attr, value));
                continue;
            }
            if let Some(r) = reserved_index_lower(key) {
                if !morsel_seen {
                    return Ok(());
                }
                match value {
                    None => {
                        if matches!(RESERVED[r].0, "secure" | "httponly" | "partitioned") {
                            parsed.push(Parsed::Flag(key));
                        } else {
                            return Ok(());
                        }
                    }
                    Some(v) => parsed.push(Parsed::Attr(key, v)),
                }
            } else if let Some(v) = value {
                parsed.push(Parsed::KeyValue(key, v));
                morsel_seen = true;
            } else {
                return Ok(());
            }
        }
        let new_keys = parsed
            .iter()
            .filter(|p| matches!(p, Parsed::KeyValue(..)))
            .count();
        self.morsels.reserve(new_keys);
        let mut current: Option<usize> = None;
        for item in parsed {
            let (k, v) = match item {
                Parsed::KeyValue(k, v) => {
                    let (rval, cval) = self.codec.value_decode(v);
                    current = Some(self.set_values(k, &rval, &cval)?);
                    continue;
                }
                Parsed::Dollar(k, v) => (k, v.map_or(AttrValue::None, AttrValue::from)),
                Parsed::Flag(k) => (k, AttrValue::Bool(true)),
                Parsed::Attr(k, v) => (k, AttrValue::Str(_unquote(v))),
            };
            if let Some(i) = current {
                self.morsels[i].1.set_item(k, v)?;
            }
        }
        Ok(())
    }

    /// `cookie.load(mapping)`: `cookie[key] = value` for each pair.
    pub fn load_mapping<K: AsRef<str>, V: AsRef<str>>(
        &mut self,
        rawdata: impl IntoIterator<Item = (K, V)>,
    ) -> Result<(), Error> {
        for (k, v) in rawdata {
            self.set_item(k.as_ref(), v.as_ref())?;
        }
        Ok(())
    }
}

/// `str(cookie)`: its `output()`.
impl<C: Codec> fmt::Display for BaseCookie<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self
            .sorted()
            .into_iter()
            .map(|(_, m)| m.to_string())
            .collect();
        f.write_str(&lines.join("\r\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dict_key_stays_when_the_morsel_key_changes() {
        let mut c = SimpleCookie::new();
        c.set_item("a", "1").unwrap();
        c.get_mut("a").unwrap().set("b", "2", "2").unwrap();
        assert_eq!(c.keys().collect::<Vec<_>>(), ["a"]);
        assert_eq!(c.get("a").unwrap().key(), Some("b"));
        assert!(c.get("b").is_none());
        assert_eq!(c.output().unwrap(), "Set-Cookie: b=2");
    }

    #[test]
    fn many_keys_use_the_index() {
        let mut c = SimpleCookie::new();
        let header: Vec<String> = (0..100).map(|i| format!("k{i}={i}")).collect();
        c.load(&header.join("; ")).unwrap();
        assert_eq!(c.len(), 100);
        assert_eq!(c.get("k57").unwrap().value(), Some("57"));
        c.load("k57=x; k200=y").unwrap();
        assert_eq!(c.len(), 101);
        assert_eq!(c.get("k57").unwrap().value(), Some("x"));
        assert!(c.remove("k3").is_some());
        assert_eq!(c.get("k99").unwrap().value(), Some("99"));
        assert_eq!(c.keys().next(), Some("k0"));
        assert!(!c.contains_key("k3"));
    }

    #[test]
    fn base_cookie_keeps_values_raw() {
        let mut c = BaseCookie::<Raw>::new();
        c.load(r#"a="x\"y"; b=1"#).unwrap();
        assert_eq!(c.get("a").unwrap().value(), Some(r#""x\"y""#));
        c.set_item("c", "a b").unwrap();
        assert_eq!(c.get("c").unwrap().coded_value(), Some("a b"));
        assert!(c.set_item("Path", "x").is_err());
    }

    #[test]
    fn invalid_strings_change_nothing() {
        let mut c = SimpleCookie::new();
        c.load("a=1").unwrap();
        for raw in ["b=2; c", "path=/; b=2", "b=2; domain", "b=2; version"] {
            c.load(raw).unwrap();
            assert_eq!(c.keys().collect::<Vec<_>>(), ["a"], "{raw}");
        }
    }
}
