//! `http.cookiejar.*` calls of PROTOCOL.md, answered with netstd-cookiejar.
//!
//! `CookieJar(ops, policy)` drives a jar with a `DefaultCookiePolicy(**policy)` in
//! real time (the system clock), as oracle.py does.

use netstd_cookiejar::{CookieJar, CookieRequest, DefaultCookiePolicy, Request, Response};

use super::{Call, bind};
use crate::{Answer, Kwargs, Value};

pub(super) fn lookup(name: &str) -> Option<Call> {
    Some(match name {
        "CookieJar" => jar,
        _ => return None,
    })
}

/// Python's truth value of the option values the corpus uses.
fn truthy(v: &Value) -> Option<bool> {
    Some(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => i.to_i128()? != 0,
        Value::Str(s) => !s.is_empty(),
        Value::List(v) | Value::Tuple(v) => !v.is_empty(),
        _ => return None,
    })
}

/// `tuple(x)` of strings: a list or tuple of str, or a str's characters.
fn strings(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Str(s) => Some(s.chars().map(String::from).collect()),
        Value::List(items) | Value::Tuple(items) => items
            .iter()
            .map(|i| i.as_str().map(str::to_owned))
            .collect(),
        _ => None,
    }
}

/// `DefaultCookiePolicy(**policy)`, or the answer when it cannot be built.
fn policy(v: Option<&Value>) -> Result<DefaultCookiePolicy, Answer> {
    let mut p = DefaultCookiePolicy::new();
    let pairs = match v {
        None | Some(Value::None) => return Ok(p),
        Some(Value::Dict(pairs)) => pairs,
        Some(_) => return Err(Answer::error("TypeError")),
    };
    let unsupported = || Answer::unsupported();
    for (k, v) in pairs {
        let Some(k) = k.as_str() else {
            return Err(Answer::error("TypeError"));
        };
        let flag = || truthy(v).ok_or_else(unsupported);
        p = match k {
            "blocked_domains" => match v {
                Value::None => return Err(Answer::error("TypeError")),
                v => p.blocked_domains(strings(v).ok_or_else(unsupported)?),
            },
            "allowed_domains" => match v {
                Value::None => p,
                v => p.allowed_domains(strings(v).ok_or_else(unsupported)?),
            },
            "netscape" => p.netscape(flag()?),
            "rfc2965" => p.rfc2965(flag()?),
            "rfc2109_as_netscape" => match v {
                Value::None => p.rfc2109_as_netscape(None),
                _ => p.rfc2109_as_netscape(Some(flag()?)),
            },
            "hide_cookie2" => p.hide_cookie2(flag()?),
            "strict_domain" => p.strict_domain(flag()?),
            "strict_rfc2965_unverifiable" => p.strict_rfc2965_unverifiable(flag()?),
            "strict_ns_unverifiable" => p.strict_ns_unverifiable(flag()?),
            "strict_ns_domain" => {
                let n = match v {
                    Value::Bool(b) => u32::from(*b),
                    Value::Int(i) => i.to_i64().map(|n| (n & 7) as u32).ok_or_else(unsupported)?,
                    _ => return Err(unsupported()),
                };
                p.strict_ns_domain(n)
            }
            "strict_ns_set_initial_dollar" => p.strict_ns_set_initial_dollar(flag()?),
            "strict_ns_set_path" => p.strict_ns_set_path(flag()?),
            "secure_protocols" => match v {
                Value::List(_) | Value::Tuple(_) => {
                    p.secure_protocols(strings(v).ok_or_else(unsupported)?)
                }
                _ => return Err(unsupported()),
            },
            _ => return Err(Answer::error("TypeError")),
        };
    }
    Ok(p)
}

fn jar(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [ops, policy_arg] = match bind(args, kwargs, ["ops", "policy?"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    let policy = match policy(policy_arg) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let Some(ops) = ops.and_then(Value::as_seq) else {
        return Answer::unsupported();
    };
    let jar = CookieJar::with_policy(policy);
    let mut out = Vec::new();
    for op in ops {
        let Some(op) = op.as_seq() else {
            return Answer::unsupported();
        };
        let (Some(kind), Some(url)) = (
            op.first().and_then(Value::as_str),
            op.get(1).and_then(Value::as_str),
        ) else {
            return Answer::unsupported();
        };
        let mut req = match Request::new(url) {
            Ok(r) => r,
            Err(e) => return Answer::error(e.python_name()),
        };
        match kind {
            "extract" => {
                let Some(lines) = op.get(2).and_then(strings_of) else {
                    return Answer::unsupported();
                };
                jar.extract_cookies(&Response::from_lines(lines), &req);
                let mut rows: Vec<_> = jar
                    .cookies()
                    .into_iter()
                    .map(|c| (c.domain, c.path, c.name, c.value))
                    .collect();
                rows.sort();
                out.push(Value::List(
                    rows.into_iter()
                        .map(|(d, p, n, v)| {
                            Value::List(vec![
                                d.into(),
                                p.into(),
                                n.into(),
                                v.map_or(Value::None, Value::from),
                            ])
                        })
                        .collect(),
                ));
            }
            "header" => {
                jar.add_cookie_header(&mut req);
                out.push(req.get_header("Cookie").map_or(Value::None, Value::from));
            }
            _ => return Answer::error("ValueError"),
        }
    }
    Answer::result(Value::List(out))
}

fn strings_of(v: &Value) -> Option<Vec<String>> {
    v.as_seq()?
        .iter()
        .map(|i| i.as_str().map(str::to_owned))
        .collect()
}
