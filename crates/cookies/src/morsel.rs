//! `http.cookies.Morsel`.

use std::fmt;

use crate::Error;
use crate::quote::{has_control_character, is_legal_key, quote_cow};

/// `Morsel._reserved`, in its (insertion) order: the lowercase attribute name and the
/// name written in output. `partitioned` is CPython 3.14's.
pub const RESERVED: [(&str, &str); 10] = [
    ("expires", "expires"),
    ("path", "Path"),
    ("comment", "Comment"),
    ("domain", "Domain"),
    ("max-age", "Max-Age"),
    ("secure", "Secure"),
    ("httponly", "HttpOnly"),
    ("version", "Version"),
    ("samesite", "SameSite"),
    ("partitioned", "Partitioned"),
];

/// `Morsel._flags`: attributes written without a value.
const FLAGS: [&str; 3] = ["secure", "httponly", "partitioned"];

/// The attribute indexes of [`RESERVED`] sorted by name, as `sorted(self.items())`.
const SORTED: [usize; 10] = [2, 3, 0, 6, 4, 9, 1, 8, 5, 7];

fn reserved_index(lower: &str) -> Option<usize> {
    RESERVED.iter().position(|(k, _)| *k == lower)
}

/// The value of a Morsel attribute: Python lets it be any object; these are the
/// ones cookies use. The empty string means unset.
///
/// ```
/// use netstd_cookies::AttrValue;
/// assert_eq!(AttrValue::from("/").to_string(), "/");
/// assert_eq!(AttrValue::from(true).to_string(), "True");
/// assert_eq!(AttrValue::from(60).to_string(), "60");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AttrValue {
    /// A `str`; `""` is the unset value.
    Str(String),
    /// An `int`: `max-age` as seconds, `expires` as seconds from now.
    Int(i64),
    /// A `bool` (an `int` to Python: `expires=True` is one second from now).
    Bool(bool),
    /// `None` (a `$Secure` attribute without a value sets it).
    None,
}

impl AttrValue {
    /// Whether the value is `""`, Morsel's unset value.
    pub fn is_unset(&self) -> bool {
        matches!(self, AttrValue::Str(s) if s.is_empty())
    }

    /// Python's truth value.
    pub fn is_truthy(&self) -> bool {
        match self {
            AttrValue::Str(s) => !s.is_empty(),
            AttrValue::Int(n) => *n != 0,
            AttrValue::Bool(b) => *b,
            AttrValue::None => false,
        }
    }

    /// The value as an `int` (a `bool` is one), for `expires` and `max-age`.
    fn as_int(&self) -> Option<i64> {
        match self {
            AttrValue::Int(n) => Some(*n),
            AttrValue::Bool(b) => Some(i64::from(*b)),
            _ => None,
        }
    }
}

/// `str(value)`.
impl fmt::Display for AttrValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AttrValue::Str(s) => f.write_str(s),
            AttrValue::Int(n) => write!(f, "{n}"),
            AttrValue::Bool(true) => f.write_str("True"),
            AttrValue::Bool(false) => f.write_str("False"),
            AttrValue::None => f.write_str("None"),
        }
    }
}

impl From<&str> for AttrValue {
    fn from(s: &str) -> Self {
        AttrValue::Str(s.to_owned())
    }
}

impl From<String> for AttrValue {
    fn from(s: String) -> Self {
        AttrValue::Str(s)
    }
}

impl From<bool> for AttrValue {
    fn from(b: bool) -> Self {
        AttrValue::Bool(b)
    }
}

impl From<i64> for AttrValue {
    fn from(n: i64) -> Self {
        AttrValue::Int(n)
    }
}

impl From<i32> for AttrValue {
    fn from(n: i32) -> Self {
        AttrValue::Int(i64::from(n))
    }
}

fn check_control(parts: &[&str]) -> Result<(), Error> {
    if parts.iter().any(|p| has_control_character(p)) {
        Err(Error::CookieError(format!(
            "Control characters are not allowed in cookies {parts:?}"
        )))
    } else {
        Ok(())
    }
}

/// The index of `key.lower()` in [`RESERVED`], without allocating for ASCII keys.
pub(crate) fn reserved_index_lower(key: &str) -> Option<usize> {
    if key.is_ascii() {
        RESERVED
            .iter()
            .position(|(k, _)| k.eq_ignore_ascii_case(key))
    } else {
        reserved_index(&key.to_lowercase())
    }
}

fn lower_reserved(key: &str) -> Result<usize, Error> {
    reserved_index_lower(key)
        .ok_or_else(|| Error::CookieError(format!("Invalid attribute {:?}", key.to_lowercase())))
}

/// The control-character check of an attribute name (reserved, so clean) and value.
fn check_attr_value(value: &AttrValue) -> Result<(), Error> {
    match value {
        AttrValue::Str(s) => check_control(&[s]),
        _ => Ok(()),
    }
}

/// `http.cookies.Morsel`: one cookie, its key, value and coded (network) value, and
/// its attributes, a dict of the reserved names whose unset value is `""`.
///
/// Every way in refuses control characters (CPython gh-143919), so the output of a
/// Morsel never carries a CR or LF.
///
/// ```
/// use netstd_cookies::Morsel;
/// let mut m = Morsel::new();
/// m.set("sid", "a b", "\"a b\"")?;
/// m.set_item("Path", "/")?;
/// m.set_item("httponly", true)?;
/// assert_eq!(m.OutputString(), "sid=\"a b\"; HttpOnly; Path=/");
/// assert!(m.set_item("nosuch", "x").is_err());
/// # Ok::<(), netstd_cookies::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Morsel {
    /// key, value and coded value, one after the other (one allocation); `None`
    /// before `set`.
    text: Option<(String, usize, usize)>,
    /// `None` while every attribute is unset (most Morsels read from a header).
    attrs: Option<Box<[AttrValue; 10]>>,
}

/// The unset value, `""`.
static UNSET: AttrValue = AttrValue::Str(String::new());

/// `morsel == other`: attributes, key, value and coded value.
impl PartialEq for Morsel {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
            && self.value() == other.value()
            && self.coded_value() == other.coded_value()
            && (0..RESERVED.len()).all(|i| self.attr(i) == other.attr(i))
    }
}

impl Eq for Morsel {}

impl Default for Morsel {
    fn default() -> Self {
        Self::new()
    }
}

impl Morsel {
    /// `Morsel()`: no key, value or coded value, every attribute `""`.
    pub fn new() -> Self {
        Morsel {
            text: None,
            attrs: None,
        }
    }

    fn attr(&self, i: usize) -> &AttrValue {
        self.attrs.as_ref().map_or(&UNSET, |a| &a[i])
    }

    fn attr_mut(&mut self, i: usize) -> &mut AttrValue {
        &mut self
            .attrs
            .get_or_insert_with(|| Box::new(std::array::from_fn(|_| UNSET.clone())))[i]
    }

    /// `Morsel.key`.
    pub fn key(&self) -> Option<&str> {
        self.text.as_ref().map(|(t, k, _)| &t[..*k])
    }

    /// `Morsel.value`.
    pub fn value(&self) -> Option<&str> {
        self.text.as_ref().map(|(t, k, v)| &t[*k..*v])
    }

    /// `Morsel.coded_value`.
    pub fn coded_value(&self) -> Option<&str> {
        self.text.as_ref().map(|(t, _, v)| &t[*v..])
    }

    /// `morsel[attr]`: `None` where Python raises `KeyError` (not a reserved name;
    /// the name is taken as it is, lowercase).
    pub fn get(&self, attr: &str) -> Option<&AttrValue> {
        reserved_index(attr).map(|i| self.attr(i))
    }

    /// `morsel.items()`: every attribute, in `Morsel._reserved`'s order.
    pub fn items(&self) -> impl Iterator<Item = (&'static str, &AttrValue)> + '_ {
        RESERVED
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (*k, self.attr(i)))
    }

    /// `morsel.keys()`.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> {
        RESERVED.iter().map(|(k, _)| *k)
    }

    /// `morsel[attr] = value`: the name is lowercased; `CookieError` for a name that
    /// is not reserved or control characters in name or value.
    pub fn set_item(&mut self, attr: &str, value: impl Into<AttrValue>) -> Result<(), Error> {
        let value = value.into();
        let i = lower_reserved(attr)?;
        check_attr_value(&value)?;
        *self.attr_mut(i) = value;
        Ok(())
    }

    /// `morsel.setdefault(attr, value)`: the attribute's value (Python's dict
    /// `setdefault`: every reserved attribute is present, so this never changes it).
    pub fn setdefault(
        &mut self,
        attr: &str,
        value: impl Into<AttrValue>,
    ) -> Result<&AttrValue, Error> {
        let value = value.into();
        let i = lower_reserved(attr)?;
        check_attr_value(&value)?;
        Ok(self.attr(i))
    }

    /// `morsel.update(values)`: all names are checked before any is set.
    pub fn update<K: AsRef<str>, V: Into<AttrValue>>(
        &mut self,
        values: impl IntoIterator<Item = (K, V)>,
    ) -> Result<(), Error> {
        let mut data = Vec::new();
        for (k, v) in values {
            let v = v.into();
            let i = lower_reserved(k.as_ref())?;
            check_attr_value(&v)?;
            data.push((i, v));
        }
        for (i, v) in data {
            *self.attr_mut(i) = v;
        }
        Ok(())
    }

    /// `morsel.isReservedKey(K)`.
    #[allow(non_snake_case)]
    pub fn isReservedKey(&self, key: &str) -> bool {
        reserved_index_lower(key).is_some()
    }

    /// `morsel.set(key, val, coded_val)`: `CookieError` for a reserved or illegal key
    /// or control characters anywhere.
    pub fn set(&mut self, key: &str, val: &str, coded_val: &str) -> Result<(), Error> {
        if self.isReservedKey(key) {
            return Err(Error::CookieError(format!(
                "Attempt to set a reserved key {key:?}"
            )));
        }
        self.set_checked(key, val, coded_val)
    }

    /// `set` after the reserved-key check.
    pub(crate) fn set_checked(
        &mut self,
        key: &str,
        val: &str,
        coded_val: &str,
    ) -> Result<(), Error> {
        if !is_legal_key(key) {
            return Err(Error::CookieError(format!("Illegal key {key:?}")));
        }
        // a legal key holds no control character
        check_control(&[val, coded_val])?;
        let (text, k, v) = self.text.get_or_insert_with(|| {
            (
                String::with_capacity(key.len() + val.len() + coded_val.len()),
                0,
                0,
            )
        });
        text.clear();
        text.push_str(key);
        text.push_str(val);
        text.push_str(coded_val);
        *k = key.len();
        *v = key.len() + val.len();
        Ok(())
    }

    /// `morsel.copy()`.
    pub fn copy(&self) -> Morsel {
        self.clone()
    }

    /// `morsel.OutputString()`: `key=coded_value` and the set attributes, sorted.
    #[allow(non_snake_case)]
    pub fn OutputString(&self) -> String {
        self.output_string(None)
    }

    /// `morsel.OutputString(attrs)`: only the attributes named (lowercase).
    #[allow(non_snake_case)]
    pub fn OutputString_with(&self, attrs: &[&str]) -> String {
        self.output_string(Some(attrs))
    }

    pub(crate) fn output_string(&self, attrs: Option<&[&str]>) -> String {
        let mut out = String::with_capacity(64);
        self.write_output_string(&mut out, attrs);
        out
    }

    /// Appends the OutputString to `out`.
    pub(crate) fn write_output_string(&self, out: &mut String, attrs: Option<&[&str]>) {
        use std::fmt::Write;
        out.push_str(self.key().unwrap_or("None"));
        out.push('=');
        out.push_str(self.coded_value().unwrap_or("None"));
        if self.attrs.is_none() {
            return;
        }
        for i in SORTED {
            let (key, name) = RESERVED[i];
            let value = self.attr(i);
            if value.is_unset() || attrs.is_some_and(|a| !a.contains(&key)) {
                continue;
            }
            let flag = FLAGS.contains(&key);
            if flag && !value.is_truthy() {
                continue;
            }
            out.push_str("; ");
            out.push_str(name);
            if flag {
                continue;
            }
            out.push('=');
            // writing to a String cannot fail
            let _ = match (key, value.as_int(), value) {
                ("expires", Some(n), _) => {
                    out.push_str(&_getdate(n));
                    Ok(())
                }
                ("max-age", Some(n), _) => write!(out, "{n}"),
                ("comment", _, AttrValue::Str(s)) => {
                    out.push_str(&quote_cow(s));
                    Ok(())
                }
                (_, _, v) => write!(out, "{v}"),
            };
        }
    }

    /// Appends `header`, a space and the OutputString to `out`; `CookieError` (and `out`
    /// as it was) when the line would hold a control character.
    pub(crate) fn write_output(
        &self,
        out: &mut String,
        attrs: Option<&[&str]>,
        header: &str,
    ) -> Result<(), Error> {
        let start = out.len();
        out.push_str(header);
        out.push(' ');
        self.write_output_string(out, attrs);
        if has_control_character(&out[start..]) {
            let line = out[start..].to_owned();
            out.truncate(start);
            return check_control(&[&line]);
        }
        Ok(())
    }

    /// `morsel.output()`: `Set-Cookie: ` and the OutputString.
    pub fn output(&self) -> Result<String, Error> {
        self.output_with(&OutputOptions::new())
    }

    /// `morsel.output(attrs, header)` (the options' `sep` is not used). `CookieError`
    /// when the header holds control characters (CPython gh-143919).
    pub fn output_with(&self, options: &OutputOptions) -> Result<String, Error> {
        let attrs = options.attr_list();
        let mut out = String::with_capacity(64);
        self.write_output(&mut out, attrs.as_deref(), options.header_str())?;
        Ok(out)
    }

    /// `morsel.js_output()`: a `<script>` setting `document.cookie`.
    pub fn js_output(&self) -> Result<String, Error> {
        self.js_output_with(None)
    }

    /// `morsel.js_output(attrs)`.
    pub fn js_output_with(&self, attrs: Option<&[&str]>) -> Result<String, Error> {
        let s = self.output_string(attrs);
        check_control(&[&s])?;
        Ok(format!(
            "\n        <script type=\"text/javascript\">\n        <!-- begin hiding\n        document.cookie = \"{}\";\n        // end hiding -->\n        </script>\n        ",
            s.replace('"', "\\\"")
        ))
    }
}

/// `str(morsel)`: its `output()`.
impl fmt::Display for Morsel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Set-Cookie: {}", self.OutputString())
    }
}

/// The keyword arguments of `output(attrs=None, header="Set-Cookie:", sep="\r\n")`.
///
/// ```
/// use netstd_cookies::{OutputOptions, SimpleCookie};
/// let mut c = SimpleCookie::new();
/// c.set_item("a", "1")?;
/// c.get_mut("a").unwrap().set_item("path", "/")?;
/// assert_eq!(c.output_with(&OutputOptions::new().header("Cookie:").attrs(&[]))?, "Cookie: a=1");
/// # Ok::<(), netstd_cookies::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputOptions {
    attrs: Option<Vec<String>>,
    header: String,
    sep: String,
}

impl Default for OutputOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl OutputOptions {
    /// Python's defaults: every attribute, `Set-Cookie:`, CRLF.
    pub fn new() -> Self {
        OutputOptions {
            attrs: None,
            header: "Set-Cookie:".to_owned(),
            sep: "\r\n".to_owned(),
        }
    }

    /// `attrs`: the (lowercase) attributes to write.
    pub fn attrs(mut self, attrs: &[&str]) -> Self {
        self.attrs = Some(attrs.iter().map(|s| (*s).to_owned()).collect());
        self
    }

    /// `header`.
    pub fn header(mut self, header: &str) -> Self {
        header.clone_into(&mut self.header);
        self
    }

    /// `sep`, between the cookies of a `BaseCookie`.
    pub fn sep(mut self, sep: &str) -> Self {
        sep.clone_into(&mut self.sep);
        self
    }

    pub(crate) fn attr_list(&self) -> Option<Vec<&str>> {
        self.attrs
            .as_ref()
            .map(|a| a.iter().map(String::as_str).collect())
    }

    pub(crate) fn header_str(&self) -> &str {
        &self.header
    }

    pub(crate) fn sep_str(&self) -> &str {
        &self.sep
    }
}

/// `http.cookies._getdate(future)`: the time `future` seconds from now, as
/// `Wdy, DD Mon YYYY HH:MM:SS GMT`.
pub fn _getdate(future: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0);
    format_date(now.saturating_add(future))
}

pub(crate) fn format_date(t: i64) -> String {
    const WD: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MON: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    // 1970-01-01 was a Thursday (index 3)
    let wd = (days + 3).rem_euclid(7) as usize;
    // civil from days (H. Hinnant)
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{}, {:02} {:>3} {:4} {:02}:{:02}:{:02} GMT",
        WD[wd],
        d,
        MON[(m - 1) as usize],
        y,
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(format_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(format_date(1_709_251_199), "Thu, 29 Feb 2024 23:59:59 GMT");
        assert_eq!(format_date(-1), "Wed, 31 Dec 1969 23:59:59 GMT");
    }

    #[test]
    fn sorted_order() {
        let mut names: Vec<&str> = RESERVED.iter().map(|r| r.0).collect();
        names.sort_unstable();
        let ours: Vec<&str> = SORTED.iter().map(|&i| RESERVED[i].0).collect();
        assert_eq!(names, ours);
    }
}
