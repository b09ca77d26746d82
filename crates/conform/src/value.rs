//! Python values as PROTOCOL.md carries them ("Values"), and their JSON encoding
//! (oracle.py's `enc`). Decoding from JSON (oracle.py's `dec`) is in [`crate::decode`].

use serde_json::{Map, Number, Value as Json};
use std::collections::HashMap;
use std::fmt;

/// A Python value: a call's arguments and its result.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `None`.
    None,
    /// `bool`.
    Bool(bool),
    /// `int`, of any size.
    Int(Int),
    /// `float`.
    Float(f64),
    /// `str`.
    Str(String),
    /// `bytes` (or `bytearray`).
    Bytes(Vec<u8>),
    /// `list`.
    List(Vec<Value>),
    /// `tuple`.
    Tuple(Vec<Value>),
    /// `dict`, in insertion order, keys unique.
    Dict(Vec<(Value, Value)>),
    /// `xmlrpc.client.DateTime` (its `value` text, e.g. `20240229T23:59:59`), or a
    /// `datetime` in that format.
    DateTime(String),
    /// `xmlrpc.client.Binary`; encoded as bytes.
    Binary(Vec<u8>),
    /// A record (projection): the fields PROTOCOL.md names for the call, in order.
    Record(Vec<(&'static str, Value)>),
    /// An exception raised while computing one field of a record: CPython's class name.
    Error(String),
}

impl Value {
    /// Python's truth value: `bool(v)`.
    pub fn truthy(&self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => i.as_str() != "0",
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) | Value::Binary(b) => !b.is_empty(),
            Value::List(v) | Value::Tuple(v) => !v.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::DateTime(_) | Value::Record(_) | Value::Error(_) => true,
        }
    }

    /// A record from its fields: `Value::record([("str", "::1".into()), ("version", 6.into())])`.
    pub fn record(fields: impl IntoIterator<Item = (&'static str, Value)>) -> Value {
        Value::Record(fields.into_iter().collect())
    }

    /// The text of a `str`.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The content of `bytes`.
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Value::Bytes(b) => Some(b),
            _ => None,
        }
    }

    /// An `int` (a `bool` is not one here: check for it where Python accepts it).
    pub fn as_int(&self) -> Option<&Int> {
        match self {
            Value::Int(i) => Some(i),
            _ => None,
        }
    }

    /// A `bool`.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The items of a `list` or a `tuple`.
    pub fn as_seq(&self) -> Option<&[Value]> {
        match self {
            Value::List(v) | Value::Tuple(v) => Some(v),
            _ => None,
        }
    }

    /// The JSON form of this value, as oracle.py's `enc` writes it.
    pub fn to_json(&self) -> Json {
        match self {
            Value::None => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Int(i) => i.to_json(),
            Value::Float(f) => match Number::from_f64(*f) {
                Some(n) => Json::Number(n),
                None => tagged("float", Json::String(float_repr(*f).into())),
            },
            Value::Str(s) => Json::String(s.clone()),
            Value::Bytes(b) | Value::Binary(b) => tagged("bytes", Json::String(hex(b))),
            Value::List(v) | Value::Tuple(v) => Json::Array(v.iter().map(Value::to_json).collect()),
            Value::Dict(pairs) => tagged(
                "dict",
                Json::Array(
                    pairs
                        .iter()
                        .map(|(k, v)| Json::Array(vec![k.to_json(), v.to_json()]))
                        .collect(),
                ),
            ),
            Value::DateTime(s) => tagged("datetime", Json::String(s.clone())),
            Value::Record(fields) => Json::Object(
                fields
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), v.to_json()))
                    .collect(),
            ),
            Value::Error(name) => tagged("error", Json::String(name.clone())),
        }
    }
}

fn tagged(tag: &str, v: Json) -> Json {
    let mut m = Map::new();
    m.insert(tag.to_owned(), v);
    Json::Object(m)
}

/// Python's `repr` of a float that JSON cannot carry.
fn float_repr(f: f64) -> &'static str {
    if f.is_nan() {
        "nan"
    } else if f > 0.0 {
        "inf"
    } else {
        "-inf"
    }
}

/// Lowercase hex, as Python's `bytes.hex()`.
fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Str(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Str(s)
    }
}

impl From<Int> for Value {
    fn from(i: Int) -> Value {
        Value::Int(i)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::None, Into::into)
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    /// A `list`; bytes are [`Value::Bytes`], built explicitly.
    fn from(v: Vec<T>) -> Value {
        Value::List(v.into_iter().map(Into::into).collect())
    }
}

/// A Python `int` of any size, kept as its canonical decimal text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Int(String);

impl Int {
    /// Parses `text` as Python's `int(text)` does in base 10 for ASCII text: ASCII
    /// whitespace around, an optional sign, digits with single underscores between them,
    /// at most 4300 digits (`sys.get_int_max_str_digits()`). `None` where Python raises
    /// ValueError (and for any non-ASCII text).
    pub fn parse(text: &str) -> Option<Int> {
        let t = text.trim_matches(is_py_space);
        let (neg, digits) = match t.as_bytes().first()? {
            b'-' => (true, &t[1..]),
            b'+' => (false, &t[1..]),
            _ => (false, t),
        };
        if !valid_digits(digits)
            || digits.bytes().filter(u8::is_ascii_digit).count() > MAX_STR_DIGITS
        {
            return None;
        }
        let digits: String = digits.chars().filter(|c| *c != '_').collect();
        let digits = digits.trim_start_matches('0');
        if digits.is_empty() {
            return Some(Int("0".into()));
        }
        Some(Int(if neg {
            format!("-{digits}")
        } else {
            digits.to_owned()
        }))
    }

    /// Python's `int(f)` for a finite float: truncated toward zero. `None` for inf and nan.
    pub fn from_f64(f: f64) -> Option<Int> {
        if !f.is_finite() {
            return None;
        }
        // `{:.0}` prints an integral float's exact decimal expansion.
        Int::parse(&format!("{:.0}", f.trunc()))
    }

    /// The decimal text: `-` then digits without leading zeros, or `0`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the value is below zero.
    pub fn is_negative(&self) -> bool {
        self.0.starts_with('-')
    }

    /// The value as an `i64`, if it fits.
    pub fn to_i64(&self) -> Option<i64> {
        self.0.parse().ok()
    }

    /// The value as a `u64`, if it fits.
    pub fn to_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }

    /// The value as an `i128`, if it fits.
    pub fn to_i128(&self) -> Option<i128> {
        self.0.parse().ok()
    }

    /// The value as a `u128`, if it fits.
    pub fn to_u128(&self) -> Option<u128> {
        self.0.parse().ok()
    }

    /// As oracle.py's `enc`: a JSON number when `abs < 2**53`, else `{"int": "digits"}`.
    pub fn to_json(&self) -> Json {
        const LIMIT: i64 = 1 << 53;
        match self.to_i64() {
            Some(n) if -LIMIT < n && n < LIMIT => Json::from(n),
            _ => tagged("int", Json::String(self.0.clone())),
        }
    }
}

/// CPython's default limit on the digits `int()` reads (CVE-2020-10735).
const MAX_STR_DIGITS: usize = 4300;

/// The whitespace Python's `int()` and `float()` strip from ASCII text.
pub(crate) fn is_py_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// ASCII digits with single underscores between them (PEP 515), at least one digit.
pub(crate) fn valid_digits(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.iter().enumerate().all(|(i, c)| match c {
            b'0'..=b'9' => true,
            b'_' => {
                i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            }
            _ => false,
        })
}

impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

macro_rules! int_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Int {
            fn from(n: $t) -> Int {
                Int(n.to_string())
            }
        }
        impl From<$t> for Value {
            fn from(n: $t) -> Value {
                Value::Int(n.into())
            }
        }
    )*};
}
int_from!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

/// Keyword arguments in the order given, names unique.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Kwargs(Vec<(String, Value)>);

impl Kwargs {
    /// No keyword arguments.
    pub fn new() -> Kwargs {
        Kwargs::default()
    }

    /// The value given for `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// Names and values, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// How many keyword arguments were given.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none were given.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: Into<String>> FromIterator<(K, Value)> for Kwargs {
    /// Collects pairs; a repeated name keeps its first place and takes the last value,
    /// as a Python dict does.
    fn from_iter<I: IntoIterator<Item = (K, Value)>>(iter: I) -> Kwargs {
        let mut out: Vec<(String, Value)> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (k, v) in iter {
            let k = k.into();
            match index.get(&k) {
                Some(&i) => out[i].1 = v,
                None => {
                    index.insert(k.clone(), out.len());
                    out.push((k, v));
                }
            }
        }
        Kwargs(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ints_parse_as_python_int() {
        let p = |s: &str| Int::parse(s).map(|i| i.as_str().to_owned());
        assert_eq!(p(" 0_7\n").as_deref(), Some("7"));
        assert_eq!(p("-000").as_deref(), Some("0"));
        assert_eq!(p("+12").as_deref(), Some("12"));
        assert_eq!(
            p("-340282366920938463463374607431768211456").as_deref(),
            Some("-340282366920938463463374607431768211456")
        );
        assert!(Int::parse(&"1".repeat(4300)).is_some());
        assert!(Int::parse(&format!(" -{} ", "1".repeat(4300))).is_some());
        assert!(Int::parse(&"0".repeat(4301)).is_none());
        assert!(Int::parse(&format!("{}1", "1_".repeat(4300))).is_none());
        for bad in [
            "", "-", "1__0", "_1", "1_", "- 5", "0x10", "\x1c5", "1.0", "١٢",
        ] {
            assert_eq!(p(bad), None, "{bad:?}");
        }
        assert_eq!(Int::from_f64(-5.7).unwrap().as_str(), "-5");
        assert_eq!(Int::from_f64(-0.5).unwrap().as_str(), "0");
        assert_eq!(
            Int::from_f64(1e20).unwrap().as_str(),
            "100000000000000000000"
        );
        assert_eq!(Int::from_f64(f64::INFINITY), None);
    }

    #[test]
    fn encodes_as_oracle_enc() {
        let big = Int::from(1u64 << 53);
        assert_eq!(
            Value::from(big).to_json(),
            json!({"int": "9007199254740992"})
        );
        assert_eq!(
            Value::from(-(1i64 << 53)).to_json(),
            json!({"int": "-9007199254740992"})
        );
        assert_eq!(
            Value::from((1i64 << 53) - 1).to_json(),
            json!(9007199254740991i64)
        );
        assert_eq!(
            Value::from(u128::MAX).to_json(),
            json!({"int": u128::MAX.to_string()})
        );
        assert_eq!(Value::Float(f64::NAN).to_json(), json!({"float": "nan"}));
        assert_eq!(
            Value::Float(f64::NEG_INFINITY).to_json(),
            json!({"float": "-inf"})
        );
        assert_eq!(Value::Float(0.5).to_json(), json!(0.5));
        assert_eq!(
            Value::Bytes(vec![0, 0xAB]).to_json(),
            json!({"bytes": "00ab"})
        );
        assert_eq!(Value::Binary(vec![1]).to_json(), json!({"bytes": "01"}));
        assert_eq!(
            Value::Dict(vec![(
                "k".into(),
                Value::Tuple(vec![1.into(), Value::None])
            )])
            .to_json(),
            json!({"dict": [["k", [1, null]]]})
        );
        assert_eq!(
            Value::DateTime("20240229T23:59:59".into()).to_json(),
            json!({"datetime": "20240229T23:59:59"})
        );
        let rec = Value::record([
            ("port", Value::Error("ValueError".into())),
            ("hostname", "a".into()),
        ]);
        assert_eq!(
            rec.to_json(),
            json!({"port": {"error": "ValueError"}, "hostname": "a"})
        );
    }

    #[test]
    fn kwargs_keep_first_place_last_value() {
        let k: Kwargs = [("a", Value::from(1)), ("b", 2.into()), ("a", 3.into())]
            .into_iter()
            .collect();
        assert_eq!(k.iter().map(|(n, _)| n).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(k.get("a"), Some(&Value::from(3)));
        assert_eq!(k.len(), 2);
    }
}
