//! `http.cookies.*` calls of PROTOCOL.md, answered with netstd-cookies.
//!
//! netstd follows current CPython where it changed answers the 3.11 oracle gives:
//! - CPython 3.14 (gh-112713): `partitioned` is a reserved flag attribute;
//! - gh-143919 / gh-145599 (CPython 3.15, backported to 3.10+ in 2026): control
//!   characters in keys, values and attributes raise `CookieError`.
//!
//! Each answer that may differ declares it: the record fields when both sides answer
//! a record, the whole answer when one side may raise where the other does not.

use netstd_cookies::{AttrValue, Error, Morsel, OutputOptions, SimpleCookie};

use super::{Call, bind};
use crate::{Answer, Divergence, Kwargs, Value};

pub(super) fn lookup(name: &str) -> Option<Call> {
    Some(match name {
        "SimpleCookie.load" => load,
        "SimpleCookie.build" => build,
        _ => return None,
    })
}

const PARTITIONED: &str = "CPython 3.14 (gh-112713): Partitioned is a reserved flag attribute";
const CONTROL: &str =
    "CPython 3.15 and 2026 security releases (gh-143919, gh-145599): control characters refused";

/// `str(v)` for the values the calls take, or `None` for an unsupported type.
fn py_str(v: &Value) -> Option<String> {
    Some(match v {
        Value::Str(s) => s.clone(),
        Value::Int(i) => i.as_str().to_owned(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::None => "None".into(),
        _ => return None,
    })
}

fn attr_value(v: &Value) -> Option<AttrValue> {
    Some(match v {
        Value::Str(s) => AttrValue::Str(s.clone()),
        Value::Int(i) => AttrValue::Int(i.to_i64()?),
        Value::Bool(b) => AttrValue::Bool(*b),
        Value::None => AttrValue::None,
        _ => return None,
    })
}

fn attr_json(v: &AttrValue) -> Value {
    match v {
        AttrValue::Str(s) => Value::Str(s.clone()),
        AttrValue::Int(n) => (*n).into(),
        AttrValue::Bool(b) => Value::Bool(*b),
        AttrValue::None => Value::None,
    }
}

fn morsel_json(key: &str, m: &Morsel) -> Value {
    let attrs: Vec<Value> = m
        .items()
        .filter(|(_, v)| !v.is_unset())
        .map(|(k, v)| Value::List(vec![k.into(), attr_json(v)]))
        .collect();
    Value::List(vec![
        key.into(),
        m.value().map(str::to_owned).into(),
        m.coded_value().map(str::to_owned).into(),
        Value::List(attrs),
    ])
}

fn items(c: &SimpleCookie) -> Value {
    Value::List(c.items().map(|(k, m)| morsel_json(k, m)).collect())
}

fn error(e: &Error) -> Answer {
    let a = Answer::error(e.python_name());
    if e.is_control_character() {
        a.with_divergence(Divergence::whole(CONTROL))
    } else {
        a
    }
}

fn load(args: &[Value], kwargs: &Kwargs) -> Answer {
    // oracle.py's `_cookie_load(raw)`
    let [raw] = match bind(args, kwargs, ["raw"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    let raw = raw.unwrap_or(&Value::None);
    let mut c = SimpleCookie::new();
    let mut divergence = None;
    let loaded = match raw {
        Value::Str(s) => {
            let lower = s.to_ascii_lowercase();
            if lower.contains("$partitioned") {
                divergence = Some(Divergence::whole(PARTITIONED));
            } else if lower.contains("partitioned") {
                divergence = Some(Divergence::fields(PARTITIONED, &["items", "output"]));
            }
            c.load(s)
        }
        Value::Dict(pairs) => {
            let mut out = Ok(());
            for (k, v) in pairs {
                let Some(k) = k.as_str() else {
                    // Morsel.set calls key.lower()
                    return Answer::error("AttributeError");
                };
                let Some(v) = py_str(v) else {
                    return Answer::unsupported();
                };
                if k.eq_ignore_ascii_case("partitioned") {
                    divergence = Some(Divergence::whole(PARTITIONED));
                }
                out = c.set_item(k, &v);
                if out.is_err() {
                    break;
                }
            }
            out
        }
        _ => return Answer::error("AttributeError"),
    };
    let answer = match loaded {
        // Partitioned can decide whether an illegal key after it is reached at all
        Err(e) if divergence.is_some() && !e.is_control_character() => {
            return error(&e).with_divergence(Divergence::whole(PARTITIONED));
        }
        Err(e) => return error(&e),
        Ok(()) => match c.output() {
            Err(e) => return error(&e),
            Ok(output) => Answer::result(Value::record([
                ("items", items(&c)),
                ("output", output.into()),
            ])),
        },
    };
    match divergence {
        Some(d) => answer.with_divergence(d),
        None => answer,
    }
}

fn build(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [entries, header, sep] = match bind(args, kwargs, ["entries", "header?", "sep?"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    let mut options = OutputOptions::new();
    if let Some(h) = header {
        // "%s %s" % (header, ...)
        let Some(h) = py_str(h) else {
            return Answer::unsupported();
        };
        options = options.header(&h);
    }
    let mut bad_sep = false;
    if let Some(s) = sep {
        match s.as_str() {
            Some(s) => options = options.sep(s),
            // sep.join(...) on something that is not a str
            None => bad_sep = true,
        }
    }
    let Some(entries) = entries.and_then(Value::as_seq) else {
        return Answer::unsupported();
    };
    let mut partitioned = false;
    let mut c = SimpleCookie::new();
    let mut run = || -> Result<Option<Answer>, Error> {
        for entry in entries {
            let Some([key, value, attrs]) =
                entry.as_seq().and_then(|e| <&[Value; 3]>::try_from(e).ok())
            else {
                return Ok(Some(Answer::unsupported()));
            };
            let Some(key) = key.as_str() else {
                return Ok(Some(Answer::error("AttributeError")));
            };
            let Some(value) = py_str(value) else {
                return Ok(Some(Answer::unsupported()));
            };
            partitioned |= key.eq_ignore_ascii_case("partitioned");
            c.set_item(key, &value)?;
            let Some(attrs) = attrs.as_seq() else {
                return Ok(Some(Answer::unsupported()));
            };
            for pair in attrs {
                let Some([a, v]) = pair.as_seq().and_then(|p| <&[Value; 2]>::try_from(p).ok())
                else {
                    return Ok(Some(Answer::unsupported()));
                };
                let Some(a) = a.as_str() else {
                    return Ok(Some(Answer::error("AttributeError")));
                };
                let Some(v) = attr_value(v) else {
                    return Ok(Some(Answer::unsupported()));
                };
                partitioned |= a.to_lowercase() == "partitioned";
                if let Some(m) = c.get_mut(key) {
                    m.set_item(a, v)?;
                }
            }
        }
        Ok(None)
    };
    let ran = run();
    let answer = match ran {
        Ok(Some(answer)) => return answer,
        Err(e) => error(&e),
        Ok(None) if bad_sep => Answer::error("AttributeError"),
        Ok(None) => match (c.output_with(&options), c.js_output()) {
            (Ok(output), Ok(js)) => Answer::result(Value::record([
                ("items", items(&c)),
                ("output", output.into()),
                ("js_output", js.into()),
            ])),
            (Err(e), _) | (_, Err(e)) => error(&e),
        },
    };
    if partitioned && answer.divergence.is_none() {
        answer.with_divergence(Divergence::whole(PARTITIONED))
    } else {
        answer
    }
}
