//! The calls the driver answers, one file per Python module.
//!
//! A module that has landed has a file here (`uuid.rs`); the others answer unsupported. When a crate lands,
//! its module gets a file here, say `urllib_parse.rs`, holding the calls of
//! PROTOCOL.md for it and one lookup by the name after the module prefix:
//!
//! ```text
//! use super::{Call, bind};
//! use crate::{Answer, Kwargs, Value};
//!
//! pub(super) fn lookup(name: &str) -> Option<Call> {
//!     Some(match name {
//!         "urlsplit" => urlsplit,
//!         _ => return None,
//!     })
//! }
//!
//! fn urlsplit(args: &[Value], kwargs: &Kwargs) -> Answer {
//!     let [url, scheme, allow_fragments] =
//!         match bind(args, kwargs, ["url", "scheme?", "allow_fragments?"]) {
//!             Ok(slots) => slots,
//!             Err(e) => return e,
//!         };
//!     // ... call netstd's crate, map its error onto CPython's class name
//! }
//! ```
//!
//! and `mod urllib_parse;` here with its arm in [`lookup`] pointing at it:
//! `"urllib.parse" => Some(urllib_parse::lookup)`. A call answers what CPython would:
//! its result, the class name of the exception it raises, or unsupported for an input
//! it cannot take yet. It never prints to stdout.

use crate::{Answer, Kwargs, Value};

mod http;
mod http_cookiejar;
mod http_cookies;
mod ipaddress;
mod urllib_parse;
mod urllib_robotparser;
mod uuid;

/// A call's implementation: Python's positional and keyword arguments in, the answer out.
pub(crate) type Call = fn(&[Value], &Kwargs) -> Answer;

/// The modules of PROTOCOL.md as compare.py's `MODULES` names them, in its order (a
/// module before its parent package, so `http.client` is tried before `http`).
pub const MODULES: [&str; 12] = [
    "urllib.parse",
    "urllib.robotparser",
    "http.client",
    "http.cookiejar",
    "http.cookies",
    "http",
    "ipaddress",
    "uuid",
    "xmlrpc.client",
    "wsgiref.util",
    "wsgiref.headers",
    "imaplib",
];

/// compare.py's `module_of`: the module of [`MODULES`] a call belongs to, or the call
/// itself when it belongs to none.
pub fn module_of(call: &str) -> &str {
    MODULES
        .iter()
        .find(|m| {
            call.strip_prefix(**m)
                .is_some_and(|rest| rest.starts_with('.'))
        })
        .copied()
        .unwrap_or(call)
}

/// The implementation of `call` (`"urllib.parse.urlsplit"`), when the driver has one.
pub(crate) fn lookup(call: &str) -> Option<Call> {
    let module = module_of(call);
    let name = call.strip_prefix(module)?.strip_prefix('.')?;
    // One arm per module; a module that lands points its arm at its file's `lookup`.
    let calls: Option<fn(&str) -> Option<Call>> = match module {
        "urllib.parse" => Some(urllib_parse::lookup),
        "urllib.robotparser" => Some(urllib_robotparser::lookup),
        "http.client" => Some(http::lookup_client),
        "http.cookiejar" => Some(http_cookiejar::lookup),
        "http.cookies" => Some(http_cookies::lookup),
        "http" => Some(http::lookup_http),
        "ipaddress" => Some(ipaddress::lookup),
        "uuid" => Some(uuid::lookup),
        "xmlrpc.client" => None,
        "wsgiref.util" => None,
        "wsgiref.headers" => None,
        "imaplib" => None,
        _ => None,
    };
    calls.and_then(|calls| calls(name))
}

/// Binds a call's arguments to a Python signature, or answers the TypeError CPython
/// raises (too many positional arguments, an unknown or repeated keyword, a missing
/// required argument).
///
/// `params` names the parameters in order: a name ending in `?` has a default, and
/// `"*"` starts the keyword-only ones. The answer has one slot per entry of `params`,
/// `None` where no value was given (always for `"*"`, never for a required parameter):
/// `bind(args, kwargs, ["url", "scheme?", "allow_fragments?"])`.
pub fn bind<'a, const N: usize>(
    args: &'a [Value],
    kwargs: &'a Kwargs,
    params: [&str; N],
) -> Result<[Option<&'a Value>; N], Answer> {
    let type_error = || Answer::error("TypeError");
    let name = |p: &str| p.strip_suffix('?').unwrap_or(p).to_owned();
    let positional = params.iter().position(|p| *p == "*").unwrap_or(N);
    if args.len() > positional {
        return Err(type_error());
    }
    let mut slots: [Option<&'a Value>; N] = [None; N];
    for (slot, arg) in slots.iter_mut().zip(args) {
        *slot = Some(arg);
    }
    for (key, value) in kwargs.iter() {
        let i = params
            .iter()
            .position(|p| *p != "*" && name(p) == key)
            .ok_or_else(type_error)?;
        if slots[i].replace(value).is_some() {
            return Err(type_error()); // got multiple values for argument
        }
    }
    let missing = params
        .iter()
        .zip(&slots)
        .any(|(p, slot)| *p != "*" && !p.ends_with('?') && slot.is_none());
    if missing {
        return Err(type_error());
    }
    Ok(slots)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_as_compare_py() {
        assert_eq!(module_of("urllib.parse.urlsplit"), "urllib.parse");
        assert_eq!(module_of("http.client.parse_headers"), "http.client");
        assert_eq!(module_of("http.HTTPStatus"), "http");
        assert_eq!(module_of("http.cookies.SimpleCookie.load"), "http.cookies");
        assert_eq!(module_of("ipaddress.ip_network.subnets"), "ipaddress");
        assert_eq!(module_of("httpx.get"), "httpx.get");
        assert_eq!(module_of("uuid"), "uuid");
    }

    #[test]
    fn only_landed_modules_answer() {
        assert!(lookup("urllib.parse.urlsplit").is_some());
        assert!(lookup("urllib.parse.nosuch").is_none());
        assert!(lookup("uuid.uuid4").is_some());
        assert!(lookup("uuid.uuid9").is_none());
        assert!(lookup("nosuch.call").is_none());
        assert!(lookup("").is_none());
    }

    #[test]
    fn binds_like_python() {
        let kw = |pairs: &[(&str, i32)]| {
            pairs
                .iter()
                .map(|(k, v)| (*k, Value::from(*v)))
                .collect::<Kwargs>()
        };
        let one = [Value::from(1)];
        let params = ["a", "b?", "c?", "*", "d?"];

        let given = kw(&[("c", 3), ("d", 4)]);
        let slots = bind(&one, &given, params).unwrap();
        assert_eq!(
            slots,
            [
                Some(&Value::from(1)),
                None,
                Some(&Value::from(3)),
                None,
                Some(&Value::from(4))
            ]
        );

        let type_error = Err(Answer::error("TypeError"));
        let four = [1.into(), 2.into(), 3.into(), 4.into()];
        assert_eq!(bind(&four, &kw(&[]), params), type_error); // d is keyword-only
        assert_eq!(bind(&one, &kw(&[("a", 1)]), params), type_error); // a given twice
        assert_eq!(bind(&one, &kw(&[("e", 1)]), params), type_error); // unknown keyword
        assert_eq!(bind(&one, &kw(&[("*", 1)]), params), type_error);
        assert_eq!(bind(&[], &kw(&[("b", 1)]), params), type_error); // a missing
        assert!(bind(&[], &kw(&[("a", 1)]), params).is_ok());
        assert!(bind(&[], &kw(&[]), ["x?"]).is_ok());
    }
}
