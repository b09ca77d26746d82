//! JSON in, Python values out: oracle.py's `dec` (PROTOCOL.md "Values"), raising
//! what it raises.
//!
//! Values are read level by level from their raw JSON text, so numbers keep their exact
//! digits (an int beyond 64 bits stays an int) and objects keep their member order with
//! Python's rule for a repeated key (first place, last value).

use crate::value::{Int, Kwargs, Value, is_py_space, valid_digits};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::collections::HashMap;
use std::fmt;

/// Why a JSON input did not become a Python value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// oracle.py raises this exception (CPython's class name) decoding the input.
    Raise(&'static str),
    /// The input has no faithful counterpart here, so the call is answered unsupported
    /// rather than guessed: a str holding a lone surrogate, non-ASCII text in an `int` or
    /// `float` tag (Python reads Unicode digits), a `datetime` tag that is not a str,
    /// nesting deeper than 200.
    Unrepresentable,
}

use DecodeError::{Raise, Unrepresentable};

const MAX_DEPTH: usize = 200;

/// Decodes one JSON text as oracle.py's `dec(json.loads(text))` does.
pub fn decode(json: &str) -> Result<Value, DecodeError> {
    let raw: &RawValue = serde_json::from_str(json).map_err(|_| Raise("ValueError"))?;
    dec(raw, 0)
}

/// One request line: `{"id", "call", "args", "kwargs"}`; other members are ignored.
pub(crate) struct Request<'a> {
    /// The id's JSON text, to echo verbatim (`null` when absent).
    pub(crate) id: &'a str,
    /// The call's name, when it is a str.
    pub(crate) call: Option<String>,
    pub(crate) args: Option<&'a RawValue>,
    pub(crate) kwargs: Option<&'a RawValue>,
}

/// Reads a request line. An error means the line is not a JSON object (ValueError) or
/// its members cannot be read (Unrepresentable).
pub(crate) fn request(line: &str) -> Result<Request<'_>, DecodeError> {
    let raw: &RawValue = serde_json::from_str(line).map_err(|_| Raise("ValueError"))?;
    let Raw::Object(members) = classify(raw)? else {
        return Err(Raise("ValueError"));
    };
    let get = |name: &str| members.iter().find(|(k, _)| k == name).map(|(_, v)| *v);
    let call = match get("call").map(classify) {
        Some(Ok(Raw::Str(s))) => Some(s),
        _ => None, // Python looks up a non-str name and finds nothing
    };
    Ok(Request {
        id: get("id").map_or("null", RawValue::get),
        call,
        args: get("args"),
        kwargs: get("kwargs"),
    })
}

/// The id of a line that is not valid JSON, when the line starts `{"id": <number or str>`.
pub(crate) fn recover_id(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix('{')?.trim_start();
    let rest = rest
        .strip_prefix("\"id\"")?
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let end = if let Some(text) = rest.strip_prefix('"') {
        // the closing quote, past escaped characters
        let mut escaped = false;
        let close = text.find(|c| {
            let end = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            end
        })?;
        close + 2
    } else {
        rest.find(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c)))
            .unwrap_or(rest.len())
    };
    let id = &rest[..end];
    serde_json::from_str::<&RawValue>(id).ok().map(|_| id)
}

/// A call's arguments as oracle.py passes them: `fn(*dec(args), **{k: dec(v) ...})`,
/// with its errors in Python's order (args, then kwargs, then the `*` unpacking).
pub(crate) fn call_args(
    args: Option<&RawValue>,
    kwargs: Option<&RawValue>,
) -> Result<(Vec<Value>, Kwargs), DecodeError> {
    let args = match args {
        Some(raw) => dec(raw, 0)?,
        None => Value::List(Vec::new()),
    };
    let kwargs = match kwargs.map(classify).transpose()? {
        None => Kwargs::new(),
        Some(Raw::Object(members)) => members
            .into_iter()
            .map(|(k, v)| Ok((k, dec(v, 0)?)))
            .collect::<Result<Kwargs, DecodeError>>()?,
        Some(_) => return Err(Raise("AttributeError")), // `.items()` of a non-dict
    };
    Ok((star(args)?, kwargs))
}

/// Python's `*value` in a call.
fn star(v: Value) -> Result<Vec<Value>, DecodeError> {
    Ok(match v {
        Value::List(items) | Value::Tuple(items) => items,
        Value::Str(s) => s.chars().map(|c| Value::Str(c.into())).collect(),
        Value::Bytes(b) => b.into_iter().map(Value::from).collect(),
        Value::Dict(pairs) => pairs.into_iter().map(|(k, _)| k).collect(),
        _ => return Err(Raise("TypeError")),
    })
}

/// A JSON value one level deep; its children are still raw text.
enum Raw<'a> {
    Null,
    Bool(bool),
    Number(&'a str),
    Str(String),
    Array(Vec<&'a RawValue>),
    Object(Vec<(String, &'a RawValue)>),
}

fn classify(raw: &RawValue) -> Result<Raw<'_>, DecodeError> {
    let text = raw.get();
    // The text was validated as JSON when it was split off its parent; what fails
    // here is a lone surrogate, which Python's str holds and Rust's String cannot.
    let bad = |_| Unrepresentable;
    Ok(match text.as_bytes().first() {
        Some(b'n') => Raw::Null,
        Some(b't') => Raw::Bool(true),
        Some(b'f') => Raw::Bool(false),
        Some(b'"') => Raw::Str(serde_json::from_str(text).map_err(bad)?),
        Some(b'[') => Raw::Array(serde_json::from_str(text).map_err(bad)?),
        Some(b'{') => Raw::Object(serde_json::from_str::<Object<'_>>(text).map_err(bad)?.0),
        _ => Raw::Number(text),
    })
}

/// A JSON object's members in order; a repeated key keeps its first place and takes
/// its last value, as Python's json does.
struct Object<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Object<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Members;
        impl<'de> Visitor<'de> for Members {
            type Value = Object<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object<'de>, A::Error> {
                let mut members: Vec<(String, &'de RawValue)> = Vec::new();
                let mut index: HashMap<String, usize> = HashMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value: &'de RawValue = map.next_value()?;
                    match index.get(&key) {
                        Some(&i) => members[i].1 = value,
                        None => {
                            index.insert(key.clone(), members.len());
                            members.push((key, value));
                        }
                    }
                }
                Ok(Object(members))
            }
        }
        d.deserialize_map(Members)
    }
}

/// oracle.py's `dec`.
fn dec(raw: &RawValue, depth: usize) -> Result<Value, DecodeError> {
    if depth > MAX_DEPTH {
        return Err(Unrepresentable);
    }
    Ok(match classify(raw)? {
        Raw::Null => Value::None,
        Raw::Bool(b) => Value::Bool(b),
        Raw::Number(text) => number(text)?,
        Raw::Str(s) => Value::Str(s),
        Raw::Array(items) => Value::List(
            items
                .into_iter()
                .map(|x| dec(x, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        Raw::Object(members) => tagged(&members, depth)?,
    })
}

/// A tagged object, its tags tried in `dec`'s order.
fn tagged(members: &[(String, &RawValue)], depth: usize) -> Result<Value, DecodeError> {
    let get = |tag: &str| members.iter().find(|(k, _)| k == tag).map(|(_, v)| *v);
    if let Some(v) = get("bytes") {
        return fromhex(v).map(Value::Bytes);
    }
    if let Some(v) = get("int") {
        return to_int(v).map(Value::Int);
    }
    if let Some(v) = get("float") {
        return to_float(v).map(Value::Float);
    }
    if let Some(v) = get("dict") {
        return dict(v, depth);
    }
    if let Some(v) = get("tuple") {
        return iterate(v)?
            .into_iter()
            .map(|x| dec_item(x, depth + 1))
            .collect::<Result<_, _>>()
            .map(Value::Tuple);
    }
    if let Some(v) = get("datetime") {
        // DateTime(str) keeps the text; from a number it reads the local clock.
        return match classify(v)? {
            Raw::Str(s) => Ok(Value::DateTime(s)),
            _ => Err(Unrepresentable),
        };
    }
    if let Some(v) = get("binary") {
        return fromhex(v).map(Value::Binary);
    }
    Err(Raise("ValueError")) // unknown tag
}

/// A JSON number as Python's json reads it: an int unless it has a fraction or exponent.
fn number(text: &str) -> Result<Value, DecodeError> {
    if text.contains(['.', 'e', 'E']) {
        text.parse().map(Value::Float).map_err(|_| Unrepresentable)
    } else {
        Int::parse(text).map(Value::Int).ok_or(Unrepresentable)
    }
}

/// `bytes.fromhex(v)`: pairs of hex digits, ASCII whitespace allowed between pairs.
fn fromhex(raw: &RawValue) -> Result<Vec<u8>, DecodeError> {
    let Raw::Str(s) = classify(raw)? else {
        return Err(Raise("TypeError"));
    };
    let digit = |c: Option<&u8>| c.and_then(|c| char::from(*c).to_digit(16)).map(|d| d as u8);
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 2);
    let mut i = 0;
    loop {
        while b.get(i).is_some_and(|&c| is_py_space(char::from(c))) {
            i += 1;
        }
        if i == b.len() {
            return Ok(out);
        }
        match (digit(b.get(i)), digit(b.get(i + 1))) {
            (Some(hi), Some(lo)) => out.push(hi << 4 | lo),
            _ => return Err(Raise("ValueError")),
        }
        i += 2;
    }
}

/// `int(v)` of a raw JSON value.
fn to_int(raw: &RawValue) -> Result<Int, DecodeError> {
    match classify(raw)? {
        Raw::Str(s) if !s.is_ascii() => Err(Unrepresentable),
        Raw::Str(s) => Int::parse(&s).ok_or(Raise("ValueError")),
        Raw::Bool(b) => Ok(Int::from(u8::from(b))),
        Raw::Number(text) => match number(text)? {
            Value::Float(f) if f.is_nan() => Err(Raise("ValueError")),
            Value::Float(f) => Int::from_f64(f).ok_or(Raise("OverflowError")),
            Value::Int(i) => Ok(i),
            _ => Err(Unrepresentable),
        },
        _ => Err(Raise("TypeError")),
    }
}

/// `float(v)` of a raw JSON value.
fn to_float(raw: &RawValue) -> Result<f64, DecodeError> {
    match classify(raw)? {
        Raw::Str(s) if !s.is_ascii() => Err(Unrepresentable),
        Raw::Str(s) => parse_float(&s).ok_or(Raise("ValueError")),
        Raw::Bool(b) => Ok(f64::from(u8::from(b))),
        Raw::Number(text) => match number(text)? {
            Value::Float(f) => Ok(f),
            Value::Int(i) => match i.as_str().parse::<f64>() {
                Ok(f) if f.is_infinite() => Err(Raise("OverflowError")),
                Ok(f) => Ok(f),
                Err(_) => Err(Unrepresentable),
            },
            _ => Err(Unrepresentable),
        },
        _ => Err(Raise("TypeError")),
    }
}

/// Python's `float(text)` for ASCII text; `None` where it raises ValueError.
fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim_matches(is_py_space);
    let (negative, body) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let magnitude = match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            // Underscores only between digits (PEP 515), in every run of digits.
            let ok = body
                .bytes()
                .all(|c| c.is_ascii_digit() || b"_.eE+-".contains(&c))
                && body
                    .split(['.', 'e', 'E', '+', '-'])
                    .all(|run| run.is_empty() || valid_digits(run));
            if !ok {
                return None;
            }
            body.replace('_', "").parse::<f64>().ok()?
        }
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// One item of Python's `iter()` over a raw JSON value: an element, or a str (a
/// character of a string, a key of an object).
enum Item<'a> {
    Raw(&'a RawValue),
    Str(String),
}

fn iterate(raw: &RawValue) -> Result<Vec<Item<'_>>, DecodeError> {
    match classify(raw)? {
        Raw::Array(items) => Ok(items.into_iter().map(Item::Raw).collect()),
        Raw::Str(s) => Ok(chars(&s)),
        Raw::Object(members) => Ok(members.into_iter().map(|(k, _)| Item::Str(k)).collect()),
        _ => Err(Raise("TypeError")),
    }
}

fn chars(s: &str) -> Vec<Item<'static>> {
    s.chars().map(|c| Item::Str(c.into())).collect()
}

fn dec_item(item: Item<'_>, depth: usize) -> Result<Value, DecodeError> {
    match item {
        Item::Raw(raw) => dec(raw, depth),
        Item::Str(s) => Ok(Value::Str(s)),
    }
}

/// `{dec(k): dec(x) for k, x in v}`.
fn dict(raw: &RawValue, depth: usize) -> Result<Value, DecodeError> {
    let mut pairs: Vec<(Value, Value)> = Vec::new();
    let mut index: HashMap<Key, usize> = HashMap::new();
    for item in iterate(raw)? {
        let kv = match item {
            Item::Raw(raw) => iterate(raw)?,
            Item::Str(s) => chars(&s),
        };
        if kv.len() != 2 {
            return Err(Raise("ValueError")); // too many or not enough values to unpack
        }
        let mut kv = kv.into_iter();
        let (Some(k), Some(x)) = (kv.next(), kv.next()) else {
            return Err(Unrepresentable);
        };
        // Python evaluates the key, then the value, then hashes the key
        let k = dec_item(k, depth + 1)?;
        let x = dec_item(x, depth + 1)?;
        match key(&k)? {
            Some(key) if index.contains_key(&key) => pairs[index[&key]].1 = x,
            Some(key) => {
                index.insert(key, pairs.len());
                pairs.push((k, x));
            }
            None => pairs.push((k, x)),
        }
    }
    Ok(Value::Dict(pairs))
}

/// A dict key under Python's equality: `1 == 1.0 == True`, `-0.0 == 0`.
#[derive(PartialEq, Eq, Hash)]
enum Key {
    None,
    Num(String),
    Float(u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Key>),
}

/// The key of a hashable value; `None` for one holding a nan, equal to no other key;
/// TypeError for an unhashable one.
fn key(v: &Value) -> Result<Option<Key>, DecodeError> {
    Ok(Some(match v {
        Value::None => Key::None,
        Value::Bool(b) => Key::Num(u8::from(*b).to_string()),
        Value::Int(i) => Key::Num(i.as_str().to_owned()),
        Value::Float(f) if f.is_nan() => return Ok(None),
        Value::Float(f) if f.fract() == 0.0 => match Int::from_f64(*f) {
            Some(i) => Key::Num(i.as_str().to_owned()),
            None => Key::Float(f.to_bits()), // inf
        },
        Value::Float(f) => Key::Float(f.to_bits()),
        Value::Str(s) => Key::Str(s.clone()),
        Value::Bytes(b) => Key::Bytes(b.clone()),
        Value::Tuple(items) => {
            let mut keys = Vec::with_capacity(items.len());
            let mut nan = false;
            for x in items {
                match key(x)? {
                    Some(k) => keys.push(k),
                    None => nan = true,
                }
            }
            if nan {
                return Ok(None);
            }
            Key::Tuple(keys)
        }
        _ => return Err(Raise("TypeError")), // list, dict, DateTime, Binary
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(json: &str) -> Result<Value, DecodeError> {
        decode(json)
    }

    fn int(s: &str) -> Value {
        Value::Int(Int::parse(s).unwrap())
    }

    #[test]
    fn plain_values() {
        assert_eq!(d("null"), Ok(Value::None));
        assert_eq!(
            d("[true, \"a\", 1, -0, 1.5, 2e0]"),
            Ok(Value::List(vec![
                true.into(),
                "a".into(),
                1.into(),
                0.into(),
                1.5.into(),
                2.0.into()
            ]))
        );
        assert_eq!(
            d("123456789012345678901234567890"),
            Ok(int("123456789012345678901234567890"))
        );
        assert_eq!(d("1e400"), Ok(Value::Float(f64::INFINITY)));
        assert_eq!(d("\"\\ud800\""), Err(Unrepresentable));
        assert_eq!(d("{\"a\": 1}"), Err(Raise("ValueError")));
        assert_eq!(d("{}"), Err(Raise("ValueError")));
        assert_eq!(d("[1,"), Err(Raise("ValueError")));
        let deep = format!("{}{}", "[".repeat(300), "]".repeat(300));
        assert_eq!(d(&deep), Err(Unrepresentable));
    }

    #[test]
    fn bytes_and_binary() {
        assert_eq!(
            d(r#"{"bytes": "ab CD\t00"}"#),
            Ok(Value::Bytes(vec![0xab, 0xcd, 0]))
        );
        assert_eq!(d(r#"{"bytes": ""}"#), Ok(Value::Bytes(vec![])));
        assert_eq!(d(r#"{"bytes": "a bc"}"#), Err(Raise("ValueError")));
        assert_eq!(d(r#"{"bytes": "abc"}"#), Err(Raise("ValueError")));
        assert_eq!(d(r#"{"bytes": "é1"}"#), Err(Raise("ValueError")));
        assert_eq!(d(r#"{"bytes": 5}"#), Err(Raise("TypeError")));
        assert_eq!(d(r#"{"binary": "0102"}"#), Ok(Value::Binary(vec![1, 2])));
        // tags are tried in dec's order
        assert_eq!(
            d(r#"{"int": "1", "bytes": "01"}"#),
            Ok(Value::Bytes(vec![1]))
        );
    }

    #[test]
    fn ints_and_floats() {
        assert_eq!(d(r#"{"int": " -1_000 "}"#), Ok(int("-1000")));
        assert_eq!(
            d(r#"{"int": "340282366920938463463374607431768211455"}"#),
            Ok(int("340282366920938463463374607431768211455"))
        );
        assert_eq!(d(r#"{"int": 5.7}"#), Ok(int("5")));
        assert_eq!(d(r#"{"int": true}"#), Ok(int("1")));
        assert_eq!(d(r#"{"int": "0x10"}"#), Err(Raise("ValueError")));
        assert_eq!(d(r#"{"int": null}"#), Err(Raise("TypeError")));
        assert_eq!(d(r#"{"int": {"int": "1"}}"#), Err(Raise("TypeError")));
        assert_eq!(d(r#"{"int": 1e400}"#), Err(Raise("OverflowError")));
        assert_eq!(d(r#"{"int": "١٢"}"#), Err(Unrepresentable));
        assert_eq!(d(r#"{"float": "inf"}"#), Ok(Value::Float(f64::INFINITY)));
        assert_eq!(
            d(r#"{"float": " -Infinity "}"#),
            Ok(Value::Float(f64::NEG_INFINITY))
        );
        assert!(matches!(d(r#"{"float": "+nan"}"#), Ok(Value::Float(f)) if f.is_nan()));
        assert_eq!(d(r#"{"float": "1_0.5_5"}"#), Ok(Value::Float(10.55)));
        assert_eq!(d(r#"{"float": "1.e5"}"#), Ok(Value::Float(1e5)));
        assert_eq!(d(r#"{"float": ".5"}"#), Ok(Value::Float(0.5)));
        assert_eq!(d(r#"{"float": 3}"#), Ok(Value::Float(3.0)));
        for bad in ["1._5", "1_e5", "0x1p3", "1e", "infinite", ".", "", "\x1c5"] {
            let json = serde_json::json!({"float": bad}).to_string();
            assert_eq!(d(&json), Err(Raise("ValueError")), "{bad:?}");
        }
        assert_eq!(d(r#"{"float": {"int": "1"}}"#), Err(Raise("TypeError")));
        let huge = format!(r#"{{"float": 1{}}}"#, "0".repeat(400));
        assert_eq!(d(&huge), Err(Raise("OverflowError")));
    }

    #[test]
    fn dicts_tuples_datetimes() {
        assert_eq!(
            d(r#"{"dict": [["a", {"tuple": [1, "x"]}], ["b", null]]}"#),
            Ok(Value::Dict(vec![
                ("a".into(), Value::Tuple(vec![1.into(), "x".into()])),
                ("b".into(), Value::None),
            ]))
        );
        // Python's key equality: 1 == True == 1.0; first place, last value
        assert_eq!(
            d(r#"{"dict": [[1, "a"], ["k", 0], [true, "b"], [1.0, "c"]]}"#),
            Ok(Value::Dict(vec![
                (1.into(), "c".into()),
                ("k".into(), 0.into())
            ]))
        );
        assert_eq!(
            d(r#"{"dict": ["ab"]}"#),
            Ok(Value::Dict(vec![("a".into(), "b".into())]))
        );
        assert_eq!(d(r#"{"dict": ""}"#), Ok(Value::Dict(vec![])));
        assert_eq!(d(r#"{"dict": "ab"}"#), Err(Raise("ValueError")));
        assert_eq!(d(r#"{"dict": [[1, 2, 3]]}"#), Err(Raise("ValueError")));
        assert_eq!(d(r#"{"dict": [5]}"#), Err(Raise("TypeError")));
        assert_eq!(d(r#"{"dict": 5}"#), Err(Raise("TypeError")));
        assert_eq!(d(r#"{"dict": [[[1], 2]]}"#), Err(Raise("TypeError")));
        assert_eq!(
            d(r#"{"dict": [[{"tuple": [1, [2]]}, 2]]}"#),
            Err(Raise("TypeError"))
        );
        assert_eq!(
            d(r#"{"dict": [[{"float": "nan"}, 1], [{"float": "nan"}, 2]]}"#).map(|v| match v {
                Value::Dict(p) => p.len(),
                _ => 0,
            }),
            Ok(2)
        );
        assert_eq!(
            d(r#"{"tuple": "ab"}"#),
            Ok(Value::Tuple(vec!["a".into(), "b".into()]))
        );
        assert_eq!(
            d(r#"{"tuple": {"b": 1, "a": 2}}"#),
            Ok(Value::Tuple(vec!["b".into(), "a".into()]))
        );
        assert_eq!(d(r#"{"tuple": null}"#), Err(Raise("TypeError")));
        assert_eq!(d(r#"{"datetime": "x"}"#), Ok(Value::DateTime("x".into())));
        assert_eq!(d(r#"{"datetime": 5}"#), Err(Unrepresentable));
    }

    #[test]
    fn requests_and_call_arguments() {
        let line = r#"{"id": 123456789012345678901234567890, "call": "m.f", "args": [1, {"bytes": "00"}], "kwargs": {"k": {"int": "7"}}, "expect": {}}"#;
        let r = request(line).unwrap();
        assert_eq!(r.id, "123456789012345678901234567890");
        assert_eq!(r.call.as_deref(), Some("m.f"));
        let (args, kwargs) = call_args(r.args, r.kwargs).unwrap();
        assert_eq!(args, vec![1.into(), Value::Bytes(vec![0])]);
        assert_eq!(kwargs.get("k"), Some(&int("7")));

        let r = request(r#"{"call": 5}"#).unwrap();
        assert_eq!((r.id, r.call), ("null", None));
        assert!(matches!(request("[1]"), Err(Raise("ValueError"))));
        assert!(matches!(request("{"), Err(Raise("ValueError"))));

        let args = |a: &str, k: Option<&str>| {
            let a: Box<RawValue> = serde_json::from_str(a).unwrap();
            let k: Option<Box<RawValue>> = k.map(|k| serde_json::from_str(k).unwrap());
            call_args(Some(&a), k.as_deref()).map(|(a, k)| (a, k.len()))
        };
        assert_eq!(args(r#""ab""#, None), Ok((vec!["a".into(), "b".into()], 0)));
        assert_eq!(
            args(r#"{"bytes": "6162"}"#, None),
            Ok((vec![97.into(), 98.into()], 0))
        );
        assert_eq!(args("null", None), Err(Raise("TypeError")));
        assert_eq!(args("[]", Some("[]")), Err(Raise("AttributeError")));
        // Python decodes args, then kwargs, then unpacks `*args`
        assert_eq!(
            args("5", Some(r#"{"a": {"x": 1}}"#)),
            Err(Raise("ValueError"))
        );
        assert_eq!(args(r#"[{"x": 1}]"#, Some("[]")), Err(Raise("ValueError")));
    }

    #[test]
    fn ids_of_broken_lines() {
        assert_eq!(
            recover_id(r#"{"id": 42, "call": "x", "args": ["#),
            Some("42")
        );
        assert_eq!(recover_id(r#" { "id" : -7.5e3}}"#), Some("-7.5e3"));
        assert_eq!(recover_id(r#"{"id": "a\"b", "call"#), Some(r#""a\"b""#));
        assert_eq!(
            recover_id(r#"{"id": 99999999999999999999999,"#),
            Some("99999999999999999999999")
        );
        assert_eq!(recover_id(r#"{"call": "x", "id": 1"#), None);
        assert_eq!(recover_id(r#"{"id": [1"#), None);
        assert_eq!(recover_id("not json"), None);
    }
}
