//! `urllib.parse.*` calls of PROTOCOL.md, answered with netstd-urlparse.
//!
//! The crate's API is typed (str or bytes, options values); Python's functions take
//! any object and raise what their code raises for the wrong one. The driver maps
//! Python's arguments onto the crate as CPython's code would treat them:
//! `_coerce_args` (str mode when the first argument is a str, else every truthy
//! argument is decoded as ASCII bytes; a str mixed into bytes mode is a TypeError),
//! `urlsplit`'s `lru_cache` (unhashable arguments are a TypeError), truthiness for
//! the flags, `str()` for `unwrap` and `urlencode`.
//!
//! The crate follows CPython 3.11.12+ for bracketed netlocs (CVE-2025-0938); where
//! CPython 3.11.7, the oracle, checks a netloc differently, the answer declares the
//! divergence.

use std::borrow::Cow;

use netstd_urlparse as up;
use up::host::{check_bracketed_host, check_bracketed_netloc};
use up::{
    JoinOptions, ParseQsOptions, QueryValue, QuoteOptions, QuoteVia, SplitOptions, UnquoteOptions,
    UrlencodeOptions,
};

use super::{Call, bind};
use crate::{Answer, Divergence, Kwargs, Value};

pub(super) fn lookup(name: &str) -> Option<Call> {
    Some(match name {
        "urlsplit" => urlsplit,
        "urlparse" => urlparse,
        "urlunsplit" => |a, k| unsplit(a, k, 5),
        "urlunparse" => |a, k| unsplit(a, k, 6),
        "urljoin" => urljoin,
        "urldefrag" => urldefrag,
        "unwrap" => unwrap,
        "quote" => |a, k| quote(a, k, false),
        "quote_plus" => |a, k| quote(a, k, true),
        "quote_from_bytes" => quote_from_bytes,
        "unquote" => unquote,
        "unquote_plus" => unquote_plus,
        "unquote_to_bytes" => unquote_to_bytes,
        "parse_qs" => |a, k| parse_qs(a, k, true),
        "parse_qsl" => |a, k| parse_qs(a, k, false),
        "urlencode" => urlencode,
        _ => return None,
    })
}

/// CPython's exception class name, when a call raises.
type Raise = &'static str;

/// The declared divergence for bracketed netlocs.
pub(super) const BRACKETS: &str =
    "CVE-2025-0938 (CPython 3.11.12, 3.12.9, 3.13.2): brackets only around the host (gh-105704)";

/// The declared divergence for `urlunsplit` of a path without a netloc.
pub(super) const UNSPLIT: &str =
    "CVE-2015-2104 (CPython 3.11.10): urlunsplit keeps a path that starts with // (gh-67693)";

/// Whether CPython 3.11.7's `urlunsplit` writes these parts otherwise than the fix
/// (3.11.10) the crate follows: without a netloc, 3.11.7 writes no `//` before a
/// path starting with `//`, and `///` before a relative path after a scheme of
/// `uses_netloc`.
pub(super) fn unsplit_differs(scheme: &str, netloc: &str, path: &str) -> bool {
    netloc.is_empty()
        && (path.starts_with("//")
            || (!scheme.is_empty()
                && up::uses_netloc.contains(&scheme)
                && !path.is_empty()
                && !path.starts_with('/')))
}

/// `path;params` as `urlunparse` hands it to `urlunsplit`.
fn with_params(path: &str, params: &str) -> String {
    if params.is_empty() {
        path.to_owned()
    } else {
        format!("{path};{params}")
    }
}

/// The answer for a crate error: CPython's class, or unsupported for a codec or
/// error handler the crate does not implement.
fn fail(e: up::Error) -> Answer {
    match e {
        up::Error::NotImplementedError(_) => Answer::unsupported(),
        e => Answer::error(e.python_name()),
    }
}

/// Whether `hash(v)` works (what `lru_cache` needs of `urlsplit`'s arguments).
fn hashable(v: &Value) -> bool {
    match v {
        Value::List(_) | Value::Dict(_) | Value::Record(_) => false,
        Value::Tuple(items) => items.iter().all(hashable),
        _ => true,
    }
}

/// Decodes bytes as ASCII, as `bytes.decode('ascii')`.
fn ascii(b: &[u8]) -> Result<&str, Raise> {
    if b.is_ascii() {
        std::str::from_utf8(b).map_err(|_| "UnicodeDecodeError")
    } else {
        Err("UnicodeDecodeError")
    }
}

/// Python's `_coerce_args(*args)`.
#[derive(Debug)]
enum Coerced<'v> {
    /// The first argument is a str; the others are strs, or falsy objects kept as
    /// they are (`None` here).
    Str(Vec<Option<&'v str>>),
    /// Every argument decoded as ASCII (a falsy one is `''`).
    Bytes(Vec<&'v str>),
}

fn coerce<'v>(args: &[&'v Value]) -> Result<Coerced<'v>, Raise> {
    let str_input = matches!(args.first(), Some(Value::Str(_)));
    if args
        .iter()
        .skip(1)
        .any(|a| a.truthy() && matches!(a, Value::Str(_)) != str_input)
    {
        return Err("TypeError");
    }
    if str_input {
        return Ok(Coerced::Str(args.iter().map(|a| a.as_str()).collect()));
    }
    let mut out = Vec::with_capacity(args.len());
    for a in args {
        out.push(match a {
            Value::Bytes(b) => ascii(b)?,
            a if !a.truthy() => "",
            _ => return Err("AttributeError"), // no .decode
        });
    }
    Ok(Coerced::Bytes(out))
}

/// The netloc CPython finds in a URL (lstrip, TAB/CR/LF removal, scheme, `//`).
fn netloc_of(url: &str) -> Option<String> {
    let url: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\r' | '\n'))
        .collect();
    let mut rest = url.as_str();
    if let Some(i) = rest.find(':') {
        let scheme = &rest[..i];
        if i > 0
            && scheme.as_bytes()[0].is_ascii_alphabetic()
            && scheme
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        {
            rest = &rest[i + 1..];
        }
    }
    let rest = rest.strip_prefix("//")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    Some(rest[..end].to_owned())
}

/// Whether CPython 3.11.7 and the crate (3.11.12's rule) judge a URL's bracketed
/// netloc differently: 3.11.7 checks the text between the netloc's first `[` and
/// the next `]`, the fix checks the host after the last `@` and refuses text
/// around its brackets.
pub(super) fn brackets_differ(url: &str) -> bool {
    let Some(netloc) = netloc_of(url) else {
        return false;
    };
    if !(netloc.contains('[') && netloc.contains(']')) {
        return false;
    }
    let inner = netloc.split_once('[').map_or("", |(_, after)| {
        after.split_once(']').map_or(after, |(h, _)| h)
    });
    check_bracketed_host(inner).is_ok() != check_bracketed_netloc(&netloc).is_ok()
}

/// The answer, with the bracket divergence declared when one of `urls` has it.
fn declare(answer: Answer, urls: &[&str]) -> Answer {
    if urls.iter().any(|u| brackets_differ(u)) {
        answer.with_divergence(Divergence::whole(BRACKETS))
    } else {
        answer
    }
}

fn opt<T: Into<Value>>(v: Option<T>) -> Value {
    v.map_or(Value::None, Into::into)
}

fn bytes_value(b: &[u8]) -> Value {
    Value::Bytes(b.to_vec())
}

fn port_value(p: Result<Option<u16>, up::Error>) -> Value {
    match p {
        Ok(Some(n)) => n.into(),
        Ok(None) => Value::None,
        Err(e) => Value::Error(e.python_name().into()),
    }
}

/// oracle.py's `_parsed` record.
fn record(
    tuple: Vec<Value>,
    geturl: Value,
    user: Value,
    password: Value,
    host: Value,
    port: Value,
) -> Value {
    Value::record([
        ("tuple", Value::List(tuple)),
        ("geturl", geturl),
        ("username", user),
        ("password", password),
        ("hostname", host),
        ("port", port),
    ])
}

fn split_record(r: &up::SplitResult) -> Value {
    let (a, b, c, d, e) = r.as_tuple();
    record(
        [a, b, c, d, e].map(Value::from).into(),
        r.geturl().into(),
        opt(r.username()),
        opt(r.password()),
        opt(r.hostname().map(Cow::into_owned)),
        port_value(r.port()),
    )
}

fn parse_record(r: &up::ParseResult) -> Value {
    let (a, b, c, d, e, f) = r.as_tuple();
    record(
        [a, b, c, d, e, f].map(Value::from).into(),
        r.geturl().into(),
        opt(r.username()),
        opt(r.password()),
        opt(r.hostname().map(Cow::into_owned)),
        port_value(r.port()),
    )
}

fn bytes_opt(v: Option<impl AsRef<[u8]>>) -> Value {
    v.map_or(Value::None, |b| bytes_value(b.as_ref()))
}

fn split_bytes_record(r: &up::SplitResultBytes) -> Value {
    let (a, b, c, d, e) = r.as_tuple();
    record(
        [a, b, c, d, e].map(bytes_value).into(),
        r.geturl()
            .map_or_else(|e| Value::Error(e.python_name().into()), Value::Bytes),
        bytes_opt(r.username()),
        bytes_opt(r.password()),
        bytes_opt(r.hostname()),
        port_value(r.port()),
    )
}

fn parse_bytes_record(r: &up::ParseResultBytes) -> Value {
    let (a, b, c, d, e, f) = r.as_tuple();
    record(
        [a, b, c, d, e, f].map(bytes_value).into(),
        r.geturl()
            .map_or_else(|e| Value::Error(e.python_name().into()), Value::Bytes),
        bytes_opt(r.username()),
        bytes_opt(r.password()),
        bytes_opt(r.hostname()),
        port_value(r.port()),
    )
}

/// `urlsplit(url, scheme='', allow_fragments=True)`.
fn urlsplit(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [url, scheme, allow] = match bind(args, kwargs, ["url", "scheme?", "allow_fragments?"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    // the lru_cache hashes the arguments first
    if [url, scheme, allow]
        .into_iter()
        .flatten()
        .any(|v| !hashable(v))
    {
        return Answer::error("TypeError");
    }
    split_call(url.expect("required"), scheme, allow, false)
}

/// `urlparse(url, scheme='', allow_fragments=True)`.
fn urlparse(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [url, scheme, allow] = match bind(args, kwargs, ["url", "scheme?", "allow_fragments?"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    split_call(url.expect("required"), scheme, allow, true)
}

fn split_call(url: &Value, scheme: Option<&Value>, allow: Option<&Value>, parse: bool) -> Answer {
    let empty = Value::Str(String::new());
    let (str_mode, url, scheme) = match coerce(&[url, scheme.unwrap_or(&empty)]) {
        Ok(Coerced::Str(t)) => (true, t[0].unwrap_or(""), t[1]),
        Ok(Coerced::Bytes(t)) => (false, t[0], Some(t[1])),
        Err(e) => return Answer::error(e),
    };
    // urlparse calls the cached urlsplit with the coerced url and scheme
    if allow.is_some_and(|v| !hashable(v)) {
        return Answer::error("TypeError");
    }
    // str mode keeps a falsy non-str scheme, which has no .strip()
    let Some(scheme) = scheme else {
        return Answer::error("AttributeError");
    };
    let options = SplitOptions::new()
        .scheme(scheme)
        .allow_fragments(allow.is_none_or(Value::truthy));
    // the record, and whether its geturl is written by the changed urlunsplit
    let parts = |s: &str, n: &str, p: String| unsplit_differs(s, n, &p);
    let answer = match (str_mode, parse) {
        (true, false) => up::urlsplit_with(url, &options).map(|r| {
            (
                split_record(&r),
                parts(r.scheme(), r.netloc(), r.path().into()),
            )
        }),
        (true, true) => up::urlparse_with(url, &options).map(|r| {
            let p = with_params(r.path(), r.params());
            (parse_record(&r), parts(r.scheme(), r.netloc(), p))
        }),
        (false, false) => up::bytes::urlsplit_with(url.as_bytes(), &options).map(|r| {
            let t = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
            let d = parts(&t(r.scheme()), &t(r.netloc()), t(r.path()));
            (split_bytes_record(&r), d)
        }),
        (false, true) => up::bytes::urlparse_with(url.as_bytes(), &options).map(|r| {
            let t = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
            let p = with_params(&t(r.path()), &t(r.params()));
            let d = parts(&t(r.scheme()), &t(r.netloc()), p);
            (parse_bytes_record(&r), d)
        }),
    };
    match answer {
        Ok((v, geturl_differs)) => {
            let answer = Answer::result(v);
            if brackets_differ(url) {
                answer.with_divergence(Divergence::whole(BRACKETS))
            } else if geturl_differs {
                answer.with_divergence(Divergence::fields(UNSPLIT, &["geturl"]))
            } else {
                answer
            }
        }
        Err(e) => declare(fail(e), &[url]),
    }
}

/// The items of an iterable, as `*components` unpacks them.
fn items(v: &Value) -> Result<Vec<Value>, Raise> {
    Ok(match v {
        Value::List(v) | Value::Tuple(v) => v.clone(),
        Value::Str(s) => s.chars().map(|c| Value::Str(c.to_string())).collect(),
        Value::Bytes(b) => b.iter().map(|&x| Value::from(x)).collect(),
        Value::Dict(d) => d.iter().map(|(k, _)| k.clone()).collect(),
        _ => return Err("TypeError"),
    })
}

/// Python's `str()` of a value, when the crate can spell it.
fn py_str(v: &Value) -> Option<String> {
    Some(query_value(v)?.to_string())
}

/// `urlunsplit(components)` (n = 5) and `urlunparse(components)` (n = 6).
fn unsplit(args: &[Value], kwargs: &Kwargs, n: usize) -> Answer {
    // oracle.py: `lambda parts: P.urlunsplit(parts)`
    let [parts] = match bind(args, kwargs, ["parts"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    let parts = match items(parts.expect("required")) {
        Ok(p) => p,
        Err(e) => return Answer::error(e),
    };
    if parts.is_empty() {
        return Answer::error("IndexError"); // _coerce_args reads args[0]
    }
    let refs: Vec<&Value> = parts.iter().collect();
    let coerced = match coerce(&refs) {
        Ok(c) => c,
        Err(e) => return Answer::error(e),
    };
    if parts.len() != n {
        return Answer::error("ValueError"); // unpacking
    }
    let join = |t: &[&str]| {
        if n == 5 {
            up::urlunsplit((t[0], t[1], t[2], t[3], t[4]))
        } else {
            up::urlunparse((t[0], t[1], t[2], t[3], t[4], t[5]))
        }
    };
    let differs = |t: &[&str]| {
        let path = if n == 6 {
            with_params(t[2], t[3])
        } else {
            t[2].to_owned()
        };
        unsplit_differs(t[0], t[1], &path)
    };
    let declare_unsplit = |answer: Answer, differ: bool| {
        if differ {
            answer.with_divergence(Divergence::whole(UNSPLIT))
        } else {
            answer
        }
    };
    let t = match coerced {
        Coerced::Bytes(t) => {
            let answer = Answer::result(Value::Bytes(join(&t).into_bytes()));
            return declare_unsplit(answer, differs(&t));
        }
        Coerced::Str(t) => t,
    };
    let path_index = 2;
    let mut texts: Vec<&str> = t.iter().map(|x| x.unwrap_or("")).collect();
    if t[path_index].is_some() {
        return declare_unsplit(Answer::result(join(&texts)), differs(&texts));
    }
    let params = if n == 6 { texts[3] } else { "" };
    if params.is_empty() {
        // A falsy non-str path. The fixed urlunsplit slices it (`url[:2]`) when there
        // is no netloc, which only a list or tuple survives; any string concatenated
        // to it is a TypeError; else it comes back as it is. CPython 3.11.7 did not
        // slice it, and returned None, 0 or False as they are.
        let sliceable = matches!(parts[path_index], Value::List(_) | Value::Tuple(_));
        let others = texts
            .iter()
            .enumerate()
            .any(|(i, x)| i != path_index && !(n == 6 && i == 3) && !x.is_empty());
        return if others {
            Answer::error("TypeError")
        } else if sliceable {
            Answer::result(parts[path_index].clone())
        } else {
            declare_unsplit(Answer::error("TypeError"), true)
        };
    }
    // "%s;%s" % (url, params) formats the object
    let Some(path) = py_str(&parts[path_index]) else {
        return Answer::unsupported();
    };
    texts[path_index] = &path;
    declare_unsplit(Answer::result(join(&texts)), differs(&texts))
}

/// `urljoin(base, url, allow_fragments=True)`.
fn urljoin(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [base, url, allow] = match bind(args, kwargs, ["base", "url", "allow_fragments?"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    let (base, url) = (base.expect("required"), url.expect("required"));
    if !base.truthy() {
        return Answer::result(url.clone());
    }
    if !url.truthy() {
        return Answer::result(base.clone());
    }
    let coerced = match coerce(&[base, url]) {
        Ok(c) => c,
        Err(e) => return Answer::error(e),
    };
    if allow.is_some_and(|v| !hashable(v)) {
        return Answer::error("TypeError");
    }
    let options = JoinOptions::new().allow_fragments(allow.is_none_or(Value::truthy));
    let (answer, b, u): (Answer, &str, &str) = match coerced {
        Coerced::Str(t) => {
            let (b, u) = (t[0].unwrap_or(""), t[1].unwrap_or(""));
            let a = match up::urljoin_with(b, u, &options) {
                Ok(s) => Answer::result(s.into_owned()),
                Err(e) => fail(e),
            };
            (a, b, u)
        }
        Coerced::Bytes(t) => {
            let a = match up::bytes::urljoin_with(t[0].as_bytes(), t[1].as_bytes(), &options) {
                Ok(v) => Answer::result(Value::Bytes(v)),
                Err(e) => fail(e),
            };
            (a, t[0], t[1])
        }
    };
    let answer = declare(answer, &[b, u]);
    if answer.divergence.is_some() {
        return answer;
    }
    match (&answer.outcome, joined_without_netloc(b, u, &options)) {
        (crate::Outcome::Result(v), true) => {
            let text = match v {
                Value::Str(s) => s.clone(),
                Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                _ => return answer,
            };
            match up::urlsplit(&text) {
                Ok(r) if unsplit_differs(r.scheme(), "", r.path()) => {
                    answer.with_divergence(Divergence::whole(UNSPLIT))
                }
                _ => answer,
            }
        }
        _ => answer,
    }
}

/// Whether `urljoin(base, url)` ends in `urlunparse` of parts without a netloc: the
/// schemes agree and are relative, and neither URL has a netloc.
fn joined_without_netloc(base: &str, url: &str, options: &JoinOptions) -> bool {
    let _ = options; // allow_fragments does not move the netloc
    let Ok(b) = up::urlparse(base) else {
        return false;
    };
    let Ok(u) = up::urlparse_with(url, &SplitOptions::new().scheme(b.scheme())) else {
        return false;
    };
    u.scheme() == b.scheme()
        && up::uses_relative.contains(&u.scheme())
        && u.netloc().is_empty()
        && b.netloc().is_empty()
}

/// `urldefrag(url)`.
fn urldefrag(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [url] = match bind(args, kwargs, ["url"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    let (answer, text) = match coerce(&[url.expect("required")]) {
        Err(e) => return Answer::error(e),
        Ok(Coerced::Str(t)) => {
            let u = t[0].unwrap_or("");
            let a = match up::urldefrag(u) {
                Ok(d) => Answer::result(Value::List(vec![d.url().into(), d.fragment().into()])),
                Err(e) => fail(e),
            };
            (a, u)
        }
        Ok(Coerced::Bytes(t)) => {
            let a = match up::bytes::urldefrag(t[0].as_bytes()) {
                Ok(d) => Answer::result(Value::List(vec![
                    bytes_value(d.url()),
                    bytes_value(d.fragment()),
                ])),
                Err(e) => fail(e),
            };
            (a, t[0])
        }
    };
    if !text.contains('#') {
        return answer;
    }
    let answer = declare(answer, &[text]);
    match up::urlparse(text) {
        Ok(p)
            if answer.divergence.is_none()
                && unsplit_differs(p.scheme(), p.netloc(), &with_params(p.path(), p.params())) =>
        {
            answer.with_divergence(Divergence::whole(UNSPLIT))
        }
        _ => answer,
    }
}

/// `unwrap(url)`: `str(url)`, then unwrapped.
fn unwrap(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [url] = match bind(args, kwargs, ["url"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    match py_str(url.expect("required")) {
        Some(s) => Answer::result(up::unwrap(&s)),
        None => Answer::unsupported(),
    }
}

/// A value as `urlencode` and `str()` see it; `None` for what the crate cannot
/// spell (an int beyond i128 inside a container, xmlrpc types).
fn query_value(v: &Value) -> Option<QueryValue<'_>> {
    fn inner(v: &Value, top: bool) -> Option<QueryValue<'_>> {
        Some(match v {
            Value::Str(s) => QueryValue::Str(Cow::Borrowed(s)),
            Value::Bytes(b) => QueryValue::Bytes(Cow::Borrowed(b)),
            Value::Int(i) => match i.to_i128() {
                Some(n) => QueryValue::Int(n),
                // str() of a big int is its digits; its repr inside a list too, but
                // QueryValue::Str would be quoted there
                None if top => QueryValue::Str(Cow::Borrowed(i.as_str())),
                None => return None,
            },
            Value::Float(f) => QueryValue::Float(*f),
            Value::Bool(b) => QueryValue::Bool(*b),
            Value::None => QueryValue::None,
            Value::List(items) => QueryValue::List(
                items
                    .iter()
                    .map(|x| inner(x, false))
                    .collect::<Option<_>>()?,
            ),
            Value::Tuple(items) => QueryValue::Tuple(
                items
                    .iter()
                    .map(|x| inner(x, false))
                    .collect::<Option<_>>()?,
            ),
            Value::Dict(pairs) => QueryValue::Dict(
                pairs
                    .iter()
                    .map(|(k, v)| Some((inner(k, false)?, inner(v, false)?)))
                    .collect::<Option<_>>()?,
            ),
            Value::Binary(_) | Value::DateTime(_) | Value::Record(_) | Value::Error(_) => {
                return None;
            }
        })
    }
    inner(v, true)
}

/// A `safe` argument: str, bytes, or an iterable of ints (`bytes([c for c in safe
/// if c < 128])`). `Err` is what Python raises when it reads it.
enum SafeArg<'v> {
    Str(&'v str),
    Bytes(Cow<'v, [u8]>),
}

fn safe_arg(v: &Value) -> Result<SafeArg<'_>, Raise> {
    match v {
        Value::Str(s) => Ok(SafeArg::Str(s)),
        Value::Bytes(b) => Ok(SafeArg::Bytes(Cow::Borrowed(b))),
        Value::List(items) | Value::Tuple(items) => {
            let mut out = Vec::new();
            for x in items {
                let n = match x {
                    Value::Bool(b) => i128::from(*b),
                    Value::Int(i) => i.to_i128().ok_or("ValueError")?,
                    _ => return Err("TypeError"),
                };
                if n < 128 {
                    out.push(u8::try_from(n).map_err(|_| "ValueError")?);
                }
            }
            Ok(SafeArg::Bytes(Cow::Owned(out)))
        }
        Value::Dict(d) if d.is_empty() => Ok(SafeArg::Bytes(Cow::Borrowed(&[]))),
        _ => Err("TypeError"),
    }
}

fn with_safe(options: QuoteOptions, safe: &SafeArg<'_>) -> QuoteOptions {
    match safe {
        SafeArg::Str(s) => options.safe(s),
        SafeArg::Bytes(b) => options.safe_bytes(b),
    }
}

/// An `encoding=`/`errors=` argument of `quote`: `None` (absent or None) leaves the
/// default; a str is the name; anything else is a TypeError.
fn codec_name(v: Option<&Value>) -> Result<Option<&str>, Raise> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s)),
        Some(_) => Err("TypeError"),
    }
}

/// `quote(string, safe='/', encoding=None, errors=None)` and `quote_plus(string,
/// safe='', encoding=None, errors=None)`.
fn quote(args: &[Value], kwargs: &Kwargs, plus: bool) -> Answer {
    let [string, safe, encoding, errors] =
        match bind(args, kwargs, ["string", "safe?", "encoding?", "errors?"]) {
            Ok(slots) => slots,
            Err(e) => return e,
        };
    let string = string.expect("required");
    let run = || -> Result<String, Answer> {
        let raise = |e: Raise| Answer::error(e);
        let has_space = match string {
            Value::Str(s) => s.contains(' '),
            Value::Bytes(b) => b.contains(&b' '),
            _ => true,
        };
        // quote_plus adds the space to safe (`safe + ' '`), which needs a str or bytes
        if plus && has_space && !matches!(safe, None | Some(Value::Str(_) | Value::Bytes(_))) {
            return Err(raise("TypeError"));
        }
        match string {
            Value::Str(s) => {
                if s.is_empty() {
                    return Ok(String::new());
                }
                let mut o = QuoteOptions::new();
                if let Some(e) = codec_name(encoding).map_err(raise)? {
                    o = o.encoding(e);
                }
                if let Some(e) = codec_name(errors).map_err(raise)? {
                    o = o.errors(e);
                }
                if let Some(safe) = safe {
                    o = with_safe(o, &safe_arg(safe).map_err(raise)?);
                }
                let r = if plus {
                    up::quote_plus_with(s, &o)
                } else {
                    up::quote_with(s, &o)
                };
                r.map(Cow::into_owned).map_err(fail)
            }
            other => {
                if !matches!(encoding, None | Some(Value::None))
                    || !matches!(errors, None | Some(Value::None))
                {
                    return Err(raise("TypeError"));
                }
                let Value::Bytes(b) = other else {
                    return Err(raise("TypeError")); // quote_from_bytes() expected bytes
                };
                if b.is_empty() {
                    return Ok(String::new());
                }
                let mut o = QuoteOptions::new();
                if let Some(safe) = safe {
                    o = with_safe(o, &safe_arg(safe).map_err(raise)?);
                }
                let r = if plus {
                    up::bytes::quote_plus_with(b, &o)
                } else {
                    up::bytes::quote_with(b, &o)
                };
                r.map(Cow::into_owned).map_err(fail)
            }
        }
    };
    run().map_or_else(|a| a, Answer::result)
}

/// `quote_from_bytes(bs, safe='/')`.
fn quote_from_bytes(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [bs, safe] = match bind(args, kwargs, ["bs", "safe?"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    let Some(Value::Bytes(b)) = bs else {
        return Answer::error("TypeError");
    };
    if b.is_empty() {
        return Answer::result("");
    }
    let mut o = QuoteOptions::new();
    if let Some(safe) = safe {
        match safe_arg(safe) {
            Ok(s) => o = with_safe(o, &s),
            Err(e) => return Answer::error(e),
        }
    }
    match up::quote_from_bytes_with(b, &o) {
        Ok(s) => Answer::result(s.into_owned()),
        Err(e) => fail(e),
    }
}

/// `unquote`'s options from its `encoding` and `errors` arguments: for bytes,
/// both must be str; for str, `None` means the default.
fn unquote_options(
    encoding: Option<&Value>,
    errors: Option<&Value>,
    none_ok: bool,
) -> Result<UnquoteOptions, Raise> {
    let mut o = UnquoteOptions::new();
    for (v, is_encoding) in [(encoding, true), (errors, false)] {
        match v {
            None => {}
            Some(Value::None) if none_ok => {}
            Some(Value::Str(s)) if is_encoding => o = o.encoding(s),
            Some(Value::Str(s)) => o = o.errors(s),
            Some(_) => return Err("TypeError"),
        }
    }
    Ok(o)
}

/// `unquote(string, encoding='utf-8', errors='replace')`.
fn unquote(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [string, encoding, errors] = match bind(args, kwargs, ["string", "encoding?", "errors?"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    match string.expect("required") {
        Value::Bytes(b) => match unquote_options(encoding, errors, false) {
            Ok(o) => up::bytes::unquote_with(b, &o).map_or_else(fail, Answer::result),
            Err(e) => Answer::error(e),
        },
        Value::Str(s) => {
            if !s.contains('%') {
                return Answer::result(s.as_str());
            }
            match unquote_options(encoding, errors, true) {
                Ok(o) => {
                    up::unquote_with(s, &o).map_or_else(fail, |r| Answer::result(r.into_owned()))
                }
                Err(e) => Answer::error(e),
            }
        }
        // `'%' not in string`, then `string.split`
        Value::List(v) | Value::Tuple(v) if v.contains(&Value::Str("%".into())) => {
            Answer::error("TypeError")
        }
        Value::Dict(d) if d.iter().any(|(k, _)| *k == Value::Str("%".into())) => {
            Answer::error("TypeError")
        }
        Value::List(_) | Value::Tuple(_) | Value::Dict(_) => Answer::error("AttributeError"),
        _ => Answer::error("TypeError"),
    }
}

/// `unquote_plus(string, encoding='utf-8', errors='replace')`.
fn unquote_plus(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [string, encoding, errors] = match bind(args, kwargs, ["string", "encoding?", "errors?"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    match string.expect("required") {
        Value::Str(s) => {
            if !s.contains('%') {
                return Answer::result(s.replace('+', " "));
            }
            match unquote_options(encoding, errors, true) {
                Ok(o) => up::unquote_plus_with(s, &o)
                    .map_or_else(fail, |r| Answer::result(r.into_owned())),
                Err(e) => Answer::error(e),
            }
        }
        // bytes.replace('+', ' ') wants bytes arguments
        Value::Bytes(_) => Answer::error("TypeError"),
        _ => Answer::error("AttributeError"),
    }
}

/// `unquote_to_bytes(string)`.
fn unquote_to_bytes(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [string] = match bind(args, kwargs, ["string"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    match string.expect("required") {
        Value::Str(s) => Answer::result(Value::Bytes(up::unquote_to_bytes(s).into_owned())),
        Value::Bytes(b) => {
            Answer::result(Value::Bytes(up::bytes::unquote_to_bytes(b).into_owned()))
        }
        _ => Answer::error("AttributeError"), // string.split
    }
}

/// `parse_qs(...)` (`dict`) and `parse_qsl(...)` (`list`) with
/// `(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
/// errors='replace', max_num_fields=None, separator='&')`.
fn parse_qs(args: &[Value], kwargs: &Kwargs, dict: bool) -> Answer {
    let [qs, keep, strict, encoding, errors, max, separator] = match bind(
        args,
        kwargs,
        [
            "qs",
            "keep_blank_values?",
            "strict_parsing?",
            "encoding?",
            "errors?",
            "max_num_fields?",
            "separator?",
        ],
    ) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    let (str_mode, qs) = match coerce(&[qs.expect("required")]) {
        Ok(Coerced::Str(t)) => (true, t[0].unwrap_or("")),
        Ok(Coerced::Bytes(t)) => (false, t[0]),
        Err(e) => return Answer::error(e),
    };
    let separator = match separator {
        None => "&",
        Some(v) => match coerce(&[v]) {
            Ok(Coerced::Str(t)) => t[0].unwrap_or(""),
            Ok(Coerced::Bytes(t)) => t[0],
            Err(e) => return Answer::error(e),
        },
    };
    if separator.is_empty() {
        return Answer::error("ValueError");
    }
    let mut o = ParseQsOptions::new()
        .separator(separator)
        .keep_blank_values(keep.is_some_and(Value::truthy))
        .strict_parsing(strict.is_some_and(Value::truthy));
    let fields = if qs.is_empty() {
        0
    } else {
        1 + qs.matches(separator).count()
    };
    match max {
        None | Some(Value::None) => {}
        Some(Value::Int(i)) => match i.to_u64() {
            Some(n) => o = o.max_num_fields(usize::try_from(n).unwrap_or(usize::MAX)),
            None if i.is_negative() => return Answer::error("ValueError"),
            None => {} // beyond any count
        },
        Some(Value::Bool(b)) => o = o.max_num_fields(usize::from(*b)),
        Some(Value::Float(f)) => {
            if *f < fields as f64 {
                return Answer::error("ValueError");
            }
        }
        Some(_) => return Answer::error("TypeError"),
    }
    // encoding and errors reach bytes.decode only for a field with an escape
    let mut codec_type_error = false;
    for (v, is_encoding) in [(encoding, true), (errors, false)] {
        match v {
            None | Some(Value::None) => {}
            Some(Value::Str(s)) if is_encoding => o = o.encoding(s),
            Some(Value::Str(s)) => o = o.errors(s),
            Some(_) => codec_type_error = true,
        }
    }
    if codec_type_error {
        // CPython's loop: fields in order, the strict check first, and the codec used
        // (so its type checked) only for a kept name or value holding an escape.
        let (keep, strict) = (
            keep.is_some_and(Value::truthy),
            strict.is_some_and(Value::truthy),
        );
        let fields = if qs.is_empty() {
            Vec::new()
        } else {
            qs.split(separator).collect()
        };
        for field in fields {
            if field.is_empty() && !strict {
                continue;
            }
            let (name, value) = match field.split_once('=') {
                Some(nv) => nv,
                None if strict => return Answer::error("ValueError"),
                None if keep => (field, ""),
                None => continue,
            };
            if (!value.is_empty() || keep) && (name.contains('%') || value.contains('%')) {
                return Answer::error("TypeError");
            }
        }
    }
    let pairs: Result<Vec<(Value, Value)>, up::Error> = if str_mode {
        up::parse_qsl_with(qs, &o).map(|p| {
            p.into_iter()
                .map(|(k, v)| (Value::from(k.into_owned()), Value::from(v.into_owned())))
                .collect()
        })
    } else {
        up::bytes::parse_qsl_with(qs.as_bytes(), &o).map(|p| {
            p.into_iter()
                .map(|(k, v)| (bytes_value(&k), bytes_value(&v)))
                .collect()
        })
    };
    let pairs = match pairs {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    if !dict {
        return Answer::result(Value::List(
            pairs
                .into_iter()
                .map(|(k, v)| Value::List(vec![k, v]))
                .collect(),
        ));
    }
    let mut grouped: Vec<(Value, Value)> = Vec::new();
    for (k, v) in pairs {
        match grouped.iter_mut().find(|(g, _)| *g == k) {
            Some((_, Value::List(values))) => values.push(v),
            _ => grouped.push((k, Value::List(vec![v]))),
        }
    }
    Answer::result(Value::Dict(grouped))
}

/// `urlencode(query, doseq=False, safe='', encoding=None, errors=None,
/// quote_via=quote_plus)` as oracle.py calls it: `lambda q, **k`, a list query's
/// items made tuples first, then `quote_via` looked up by name.
fn urlencode(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [query, _, doseq, safe, encoding, errors, quote_via] = match bind(
        args,
        kwargs,
        [
            "q",
            "*",
            "doseq?",
            "safe?",
            "encoding?",
            "errors?",
            "quote_via?",
        ],
    ) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    let query = query.expect("required");
    // [tuple(x) for x in q]: a non-iterable item is a TypeError
    let tuples: Option<Vec<Vec<Value>>> = match query {
        Value::List(list) => match list.iter().map(items).collect() {
            Ok(t) => Some(t),
            Err(e) => return Answer::error(e),
        },
        _ => None,
    };
    // oracle.py: quote_via = getattr(urllib.parse, name)
    let via = match quote_via {
        None => QuoteVia::QuotePlus,
        Some(Value::Str(s)) if s == "quote_plus" => QuoteVia::QuotePlus,
        Some(Value::Str(s)) if s == "quote" => QuoteVia::Quote,
        Some(Value::Str(s)) if MODULE_NAMES.contains(&s.as_str()) => return Answer::unsupported(),
        Some(Value::Str(_)) => return Answer::error("AttributeError"),
        Some(_) => return Answer::error("TypeError"),
    };
    // the pairs, up to the first item that cannot be unpacked into two, and what
    // unpacking that item raises
    let mut pairs: Vec<(Value, Value)> = Vec::new();
    let mut bad: Option<Raise> = None;
    let unpack = |x: Vec<Value>, pairs: &mut Vec<(Value, Value)>| match <[Value; 2]>::try_from(x) {
        Ok([k, v]) => {
            pairs.push((k, v));
            None
        }
        Err(_) => Some("ValueError"),
    };
    match query {
        Value::Dict(d) => pairs.extend(d.iter().cloned()),
        Value::List(_) => {
            for t in tuples.unwrap_or_default() {
                bad = unpack(t, &mut pairs);
                if bad.is_some() {
                    break;
                }
            }
        }
        Value::Tuple(list) => {
            if !list.is_empty() && !matches!(list[0], Value::Tuple(_)) {
                return Answer::error("TypeError");
            }
            for x in list {
                bad = match items(x) {
                    Ok(t) => unpack(t, &mut pairs),
                    Err(e) => Some(e), // cannot unpack non-iterable
                };
                if bad.is_some() {
                    break;
                }
            }
        }
        Value::Str(s) if s.is_empty() => {}
        Value::Bytes(b) if b.is_empty() => {}
        _ => return Answer::error("TypeError"),
    }
    let mut o = UrlencodeOptions::new()
        .doseq(doseq.is_some_and(Value::truthy))
        .quote_via(via);
    let any = !pairs.is_empty();
    match safe {
        None => {}
        Some(Value::Str(s)) => o = o.safe(s),
        Some(Value::Bytes(b)) => o = o.safe_bytes(b),
        Some(_) if any => return Answer::error("TypeError"),
        Some(_) => {}
    }
    for (v, is_encoding) in [(encoding, true), (errors, false)] {
        match v {
            None | Some(Value::None) => {}
            Some(Value::Str(s)) if is_encoding => o = o.encoding(s),
            Some(Value::Str(s)) => o = o.errors(s),
            Some(_) if any => return Answer::error("TypeError"),
            Some(_) => {}
        }
    }
    let mut values = Vec::with_capacity(pairs.len());
    for (k, v) in &pairs {
        match (query_value(k), query_value(v)) {
            (Some(k), Some(v)) => values.push((k, v)),
            _ => return Answer::unsupported(),
        }
    }
    match up::urlencode_with(values, &o) {
        Ok(s) => match bad {
            Some(e) => Answer::error(e),
            None => Answer::result(s),
        },
        Err(e) => fail(e),
    }
}

/// The names `getattr(urllib.parse, name)` finds in CPython 3.11 besides `quote`
/// and `quote_plus` (a `quote_via` the driver cannot run).
const MODULE_NAMES: &[&str] = &[
    "DefragResult",
    "DefragResultBytes",
    "MAX_CACHE_SIZE",
    "ParseResult",
    "ParseResultBytes",
    "Quoter",
    "ResultBase",
    "SplitResult",
    "SplitResultBytes",
    "clear_cache",
    "functools",
    "ipaddress",
    "namedtuple",
    "non_hierarchical",
    "parse_qs",
    "parse_qsl",
    "quote_from_bytes",
    "re",
    "scheme_chars",
    "splitattr",
    "splithost",
    "splitnport",
    "splitpasswd",
    "splitport",
    "splitquery",
    "splittag",
    "splittype",
    "splituser",
    "splitvalue",
    "sys",
    "to_bytes",
    "types",
    "unquote",
    "unquote_plus",
    "unquote_to_bytes",
    "unwrap",
    "urldefrag",
    "urlencode",
    "urljoin",
    "urlparse",
    "urlsplit",
    "urlunparse",
    "urlunsplit",
    "uses_fragment",
    "uses_netloc",
    "uses_params",
    "uses_query",
    "uses_relative",
    "warnings",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracket_divergence_both_ways() {
        assert!(brackets_differ("http://a[::1]/"));
        assert!(brackets_differ("http://[::1]@host/"));
        assert!(brackets_differ("http://[bad]@[::1]/"));
        assert!(!brackets_differ("http://[::1]/"));
        assert!(!brackets_differ("http://[bad]/"));
        assert!(!brackets_differ("http://u@[::1]:80/"));
        assert!(!brackets_differ("/no/netloc[x]"));
    }
}
