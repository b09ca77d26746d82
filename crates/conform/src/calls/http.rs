//! `http.HTTPStatus` and `http.client.parse_headers` of PROTOCOL.md, answered with
//! netstd-http.

use netstd_http::{HTTPStatus, parse_headers};

use super::{Call, bind};
use crate::{Answer, Divergence, Kwargs, Value};

/// The `http.*` calls.
pub(super) fn lookup_http(name: &str) -> Option<Call> {
    Some(match name {
        "HTTPStatus" => status,
        _ => return None,
    })
}

/// The `http.client.*` calls.
pub(super) fn lookup_client(name: &str) -> Option<Call> {
    Some(match name {
        "parse_headers" => headers,
        _ => return None,
    })
}

/// Codes whose row changed after CPython 3.11: the RFC 9110 names and phrases of
/// 413, 414, 416 and 422 (gh-95231, CPython 3.13) and the descriptions CPython
/// filled in or reworded since. netstd follows current CPython for these.
const CHANGED_SINCE_311: [u16; 18] = [
    102, 103, 207, 208, 226, 413, 414, 416, 418, 422, 423, 424, 425, 426, 506, 507, 508, 510,
];

fn status(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [value] = match bind(args, kwargs, ["value"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    let code = match value {
        Some(Value::Int(i)) => i.to_i64(),
        Some(Value::Float(f)) if f.fract() == 0.0 && f.abs() < 1e6 => Some(*f as i64),
        _ => None,
    };
    let Some(status) = code
        .and_then(|c| u16::try_from(c).ok())
        .and_then(|c| HTTPStatus::new(c).ok())
    else {
        return Answer::error("ValueError");
    };
    let answer = Answer::result(Value::List(vec![
        Value::from(i64::from(status.value())),
        status.phrase().into(),
        status.description().into(),
        status.name().into(),
    ]));
    if CHANGED_SINCE_311.contains(&status.value()) {
        answer.with_divergence(Divergence::whole(
            "CPython 3.13: HTTPStatus names and phrases of RFC 9110 (413, 414, 416, 422; gh-95231) \
             and the descriptions of current CPython",
        ))
    } else {
        answer
    }
}

fn headers(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [raw] = match bind(args, kwargs, ["fp"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    let Some(raw) = raw.and_then(Value::as_bytes) else {
        return Answer::error("TypeError");
    };
    match parse_headers(raw) {
        Ok(msg) => Answer::result(Value::List(
            msg.items()
                .map(|(k, v)| Value::List(vec![k.into(), v.into()]))
                .collect(),
        )),
        Err(e) => Answer::error(e.python_name()),
    }
}
