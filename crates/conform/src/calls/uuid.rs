//! `uuid.*` calls of PROTOCOL.md, answered with netstd-uuid.
//!
//! Arguments of the wrong Python type raise what CPython's `uuid` raises for them
//! (its code reaches `len()`, `.replace()`, comparisons and shifts), so the driver
//! reproduces those classes here; the crate's typed API cannot be handed them.

use netstd_uuid::{
    NAMESPACE_DNS, NAMESPACE_OID, NAMESPACE_URL, NAMESPACE_X500, UUID, uuid1, uuid3, uuid4, uuid5,
};

use super::{Call, bind};
use crate::{Answer, Divergence, Kwargs, Value};

pub(super) fn lookup(name: &str) -> Option<Call> {
    Some(match name {
        "UUID" => new,
        "uuid1" => generate1,
        "uuid3" => |a, k| named(a, k, |ns, name| uuid3(ns, name)),
        "uuid4" => generate4,
        "uuid5" => |a, k| named(a, k, |ns, name| uuid5(ns, name)),
        _ => return None,
    })
}

/// A Python `int` (a `bool` is one) as an `i128`, or `Err(true)` for an int beyond
/// i128 and `Err(false)` for something that is not an int at all. Floats are
/// `Err(false)` too; callers that must tell them apart check first.
fn py_int(v: &Value) -> Result<i128, bool> {
    match v {
        Value::Bool(b) => Ok(i128::from(*b)),
        Value::Int(i) => i.to_i128().ok_or(true),
        _ => Err(false),
    }
}

/// Python's `lo <= v < hi` as uuid's range checks run it: `None` when it holds,
/// else the class raised (`ValueError` out of range, `TypeError` for a non-number).
fn out_of_range(v: &Value, hi: i128) -> Option<&'static str> {
    match (v, py_int(v)) {
        (_, Ok(n)) => (!(0..hi).contains(&n)).then_some("ValueError"),
        (_, Err(true)) => Some("ValueError"),
        (Value::Float(f), _) => (!(*f >= 0.0 && *f < hi as f64)).then_some("ValueError"),
        _ => Some("TypeError"),
    }
}

/// An argument that was given and is not `None`.
fn given(v: Option<&Value>) -> Option<&Value> {
    v.filter(|v| !matches!(v, Value::None))
}

fn record(u: &UUID) -> Value {
    let (a, b, c, d, e, f) = u.fields();
    Value::record([
        ("str", u.to_string().into()),
        ("hex", u.hex().into()),
        ("int", u.int().into()),
        ("urn", u.urn().into()),
        ("bytes", Value::Bytes(u.bytes().to_vec())),
        ("bytes_le", Value::Bytes(u.bytes_le().to_vec())),
        (
            "fields",
            Value::List(vec![
                a.into(),
                b.into(),
                c.into(),
                d.into(),
                e.into(),
                f.into(),
            ]),
        ),
        ("time_low", u.time_low().into()),
        ("time_mid", u.time_mid().into()),
        ("time_hi_version", u.time_hi_version().into()),
        ("clock_seq_hi_variant", u.clock_seq_hi_variant().into()),
        ("clock_seq_low", u.clock_seq_low().into()),
        ("node", u.node().into()),
        ("time", u.time().into()),
        ("clock_seq", u.clock_seq().into()),
        ("variant", u.variant().into()),
        ("version", u.version().into()),
    ])
}

/// A UUID's record, declaring CPython 3.14's `time` for versions 6 and 7.
fn answer_uuid(u: &UUID) -> Answer {
    let answer = Answer::result(record(u));
    if matches!(u.version(), Some(6 | 7)) {
        answer.with_divergence(Divergence::fields(
            "CPython 3.14: UUID.time of versions 6 and 7 (RFC 9562, gh-89083)",
            &["time"],
        ))
    } else {
        answer
    }
}

/// `uuid.UUID(hex, bytes, bytes_le, fields, int, version, *, is_safe)`.
fn new(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [hex, bytes, bytes_le, fields, int, version, _, is_safe] = match bind(
        args,
        kwargs,
        [
            "hex?",
            "bytes?",
            "bytes_le?",
            "fields?",
            "int?",
            "version?",
            "*",
            "is_safe?",
        ],
    ) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    // Python stores is_safe unchecked, and the record does not show it.
    let _ = is_safe;
    let sources = [hex, bytes, bytes_le, fields, int]
        .into_iter()
        .filter(|v| given(*v).is_some())
        .count();
    if sources != 1 {
        return Answer::error("TypeError");
    }
    let made = if let Some(hex) = given(hex) {
        match hex {
            Value::Str(s) => UUID::new(s).map_err(|e| e.python_name()),
            // bytes.replace('urn:', '') with str arguments; other types lack .replace.
            Value::Bytes(_) => Err("TypeError"),
            _ => Err("AttributeError"),
        }
    } else if let Some(b) = given(bytes).or(given(bytes_le)) {
        let little = given(bytes).is_none();
        match b {
            Value::Bytes(raw) if little => UUID::from_bytes_le(raw).map_err(|e| e.python_name()),
            Value::Bytes(raw) => UUID::from_bytes(raw).map_err(|e| e.python_name()),
            // Sized but not bytes: the length check, then `assert isinstance(bytes, bytes)`.
            Value::Str(s) if s.chars().count() == 16 => Err("AssertionError"),
            Value::List(v) | Value::Tuple(v) if v.len() == 16 => Err("AssertionError"),
            Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Dict(_) => Err("ValueError"),
            _ => Err("TypeError"),
        }
    } else if let Some(f) = given(fields) {
        from_fields(f)
    } else {
        let int = given(int).expect("one source is given");
        match (int, py_int(int)) {
            (Value::Int(i), _) => i.to_u128().map(UUID::from_int).ok_or("ValueError"),
            (_, Ok(n)) => u128::try_from(n)
                .map(UUID::from_int)
                .map_err(|_| "ValueError"),
            (_, Err(true)) => Err("ValueError"),
            (Value::Float(f), _) if !(*f >= 0.0 && *f < 2f64.powi(128)) => Err("ValueError"),
            // A float in range passes the range check and fails in str() later.
            _ => Err("TypeError"),
        }
    };
    let mut u = match made {
        Ok(u) => u,
        Err(class) => return Answer::error(class),
    };
    if let Some(version) = given(version) {
        let v = match (version, py_int(version)) {
            (_, Ok(v)) => v,
            (_, Err(true)) => return Answer::error("ValueError"),
            (Value::Float(f), _) if (1.0..=5.0).contains(f) => return Answer::error("TypeError"),
            (Value::Float(_), _) => return Answer::error("ValueError"),
            _ => return Answer::error("TypeError"),
        };
        match u8::try_from(v).ok().map(|v| u.with_version(v)) {
            Some(Ok(with)) => u = with,
            _ => return Answer::error("ValueError"),
        }
        if v > 5 {
            return answer_uuid(&u).with_divergence(Divergence::whole(
                "CPython 3.14: UUID(version=) takes versions 6 to 8 (RFC 9562, gh-89083)",
            ));
        }
    }
    answer_uuid(&u)
}

/// `UUID(fields=...)`: six fields, each range-checked in order as CPython does.
fn from_fields(f: &Value) -> Result<UUID, &'static str> {
    let items: Vec<Value> = match f {
        Value::List(v) | Value::Tuple(v) => v.clone(),
        Value::Str(s) => s.chars().map(|c| Value::Str(c.to_string())).collect(),
        Value::Bytes(b) => b.iter().map(|&x| Value::from(x)).collect(),
        _ => return Err("TypeError"),
    };
    if items.len() != 6 {
        return Err("ValueError");
    }
    let limits = [1i128 << 32, 1 << 16, 1 << 16, 1 << 8, 1 << 8, 1 << 48];
    for (v, hi) in items.iter().zip(limits) {
        if let Some(class) = out_of_range(v, hi) {
            return Err(class);
        }
    }
    // In range but not ints (floats): the shifts that follow raise TypeError.
    let n: Vec<i128> = items
        .iter()
        .map(py_int)
        .collect::<Result<_, _>>()
        .map_err(|_| "TypeError")?;
    UUID::from_fields((
        n[0] as u32,
        n[1] as u16,
        n[2] as u16,
        n[3] as u8,
        n[4] as u8,
        n[5] as u64,
    ))
    .map_err(|e| e.python_name())
}

/// The namespace argument of uuid3/uuid5 as the oracle passes it.
fn namespace(ns: &Value) -> Result<UUID, &'static str> {
    match ns.as_str() {
        Some("NAMESPACE_DNS") => Ok(NAMESPACE_DNS),
        Some("NAMESPACE_URL") => Ok(NAMESPACE_URL),
        Some("NAMESPACE_OID") => Ok(NAMESPACE_OID),
        Some("NAMESPACE_X500") => Ok(NAMESPACE_X500),
        Some(other) if other.starts_with("NAMESPACE_") => Err("AttributeError"),
        Some(other) => UUID::new(other).map_err(|e| e.python_name()),
        None => Err("AttributeError"),
    }
}

/// `uuid.uuid3(ns, name)` / `uuid.uuid5(ns, name)`.
fn named(args: &[Value], kwargs: &Kwargs, f: fn(&UUID, &[u8]) -> UUID) -> Answer {
    // oracle.py's wrapper is `lambda ns, name: ...`.
    let [ns, name] = match bind(args, kwargs, ["ns", "name"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    let ns = match namespace(ns.expect("required")) {
        Ok(ns) => ns,
        Err(class) => return Answer::error(class),
    };
    match name.expect("required") {
        Value::Str(s) => answer_uuid(&f(&ns, s.as_bytes())),
        Value::Bytes(b) => answer_uuid(&f(&ns, b)).with_divergence(Divergence::whole(
            "CPython 3.12: uuid3/uuid5 take bytes names (gh-94684)",
        )),
        _ => Answer::error("TypeError"),
    }
}

/// `n & 0x3fff` of a Python int of any size, from its decimal text (two's
/// complement for negative numbers, as Python's `&` has it).
fn low_14_bits(decimal: &str) -> u16 {
    let (negative, digits) = match decimal.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, decimal),
    };
    let m = digits
        .bytes()
        .fold(0u32, |acc, d| (acc * 10 + u32::from(d - b'0')) % 0x4000);
    (if negative { (0x4000 - m) % 0x4000 } else { m }) as u16
}

/// `{version, variant, len}` of a generated UUID.
fn shape(u: &UUID) -> Vec<(&'static str, Value)> {
    vec![
        ("version", u.version().into()),
        ("variant", u.variant().into()),
        ("len", u.to_string().len().into()),
    ]
}

fn generate4(args: &[Value], kwargs: &Kwargs) -> Answer {
    if let Err(e) = bind(args, kwargs, []) {
        return e;
    }
    Answer::result(Value::Record(shape(&uuid4())))
}

/// `uuid.uuid1(node, clock_seq)`.
fn generate1(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [node, clock_seq] = match bind(args, kwargs, ["node?", "clock_seq?"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    let (node, clock_seq) = (given(node), given(clock_seq));
    // clock_seq: any int, only its low 14 bits are used (`&` works on negative ints too).
    let seq = match clock_seq {
        None => None,
        Some(Value::Int(i)) => Some(low_14_bits(i.as_str())),
        Some(Value::Bool(b)) => Some(u16::from(*b)),
        Some(_) => return Answer::error("TypeError"),
    };
    let node_value = match node {
        None => None,
        Some(v) => {
            if let Some(class) = out_of_range(v, 1 << 48) {
                return Answer::error(class);
            }
            match py_int(v) {
                Ok(n) => Some(n as u64),
                Err(_) => return Answer::error("TypeError"),
            }
        }
    };
    let u = match uuid1(node_value, seq) {
        Ok(u) => u,
        Err(e) => return Answer::error(e.python_name()),
    };
    let mut fields = shape(&u);
    if node.is_some() {
        fields.push(("node", u.node().into()));
    }
    if clock_seq.is_some() {
        fields.push(("clock_seq", u.clock_seq().into()));
    }
    Answer::result(Value::Record(fields))
}

#[cfg(test)]
mod tests {
    use super::low_14_bits;

    #[test]
    fn low_bits_of_any_int() {
        assert_eq!(low_14_bits("0"), 0);
        assert_eq!(low_14_bits("16385"), 1);
        assert_eq!(low_14_bits("-1"), 0x3fff);
        assert_eq!(low_14_bits("-16384"), 0);
        // 2**100 & 0x3fff == 0; (2**100 + 5) & 0x3fff == 5
        assert_eq!(low_14_bits("1267650600228229401496703205376"), 0);
        assert_eq!(low_14_bits("1267650600228229401496703205381"), 5);
    }
}
