//! Writing message heads, refusing anything that could inject a line.

use crate::{Error, Result};

/// RFC 9110 `tchar`: the characters of a token (method, header name).
fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Checks a request method (`HTTPConnection._validate_method`): a non-empty token.
/// CPython refuses control characters (CVE-2020-26116); netstd also refuses spaces
/// and separators, which would let a method carry its own request target.
///
/// ```
/// use netstd_http::proto::check_method;
/// assert!(check_method("PROPFIND").is_ok());
/// assert!(check_method("GET\r\nX-Injected: 1").is_err());
/// assert!(check_method("GET / HTTP/1.1").is_err());
/// ```
pub fn check_method(method: &str) -> Result<()> {
    if let Some(c) = method.chars().find(|c| c.is_ascii_control()) {
        return Err(Error::ValueError(format!(
            "method can't contain control characters. {method:?} (found at least {c:?})"
        )));
    }
    if method.is_empty() || !method.bytes().all(is_tchar) {
        return Err(Error::ValueError(format!("Invalid method {method:?}")));
    }
    Ok(())
}

/// The first character of `s` that is a control character, a space or DEL, as
/// CPython's `_contains_disallowed_url_pchar_re` finds it.
fn disallowed_url_char(s: &str) -> Option<char> {
    s.chars().find(|&c| c <= ' ' || c == '\x7f')
}

/// Checks a request target (`HTTPConnection._validate_path`): no control
/// character, space or DEL ([`Error::InvalidURL`], CVE-2019-9740 and
/// CVE-2019-9947), and ASCII only, since the request line is encoded as ASCII
/// ([`Error::UnicodeEncodeError`]).
///
/// ```
/// use netstd_http::proto::check_target;
/// assert!(check_target("/a?b=c").is_ok());
/// assert!(check_target("/a HTTP/1.1\r\nX: y").is_err());
/// ```
pub fn check_target(url: &str) -> Result<()> {
    if let Some(c) = disallowed_url_char(url) {
        return Err(Error::InvalidURL(format!(
            "URL can't contain control characters. {url:?} (found at least {c:?})"
        )));
    }
    if let Some(c) = url.chars().find(|c| !c.is_ascii()) {
        return Err(Error::UnicodeEncodeError(format!(
            "'ascii' codec can't encode character {c:?} in the request target"
        )));
    }
    Ok(())
}

/// Checks a host (`HTTPConnection._validate_host`): no control character, space
/// or DEL (CVE-2019-18348).
///
/// ```
/// assert!(netstd_http::proto::check_host("example.org\r\nX: 1").is_err());
/// ```
pub fn check_host(host: &str) -> Result<()> {
    match disallowed_url_char(host) {
        Some(c) => Err(Error::InvalidURL(format!(
            "URL can't contain control characters. {host:?} (found at least {c:?})"
        ))),
        None => Ok(()),
    }
}

/// Checks a header name: a non-empty token. CPython's `_is_legal_header_name`
/// also takes spaces and most separators inside a name; netstd takes RFC 9110's
/// token only.
///
/// ```
/// use netstd_http::proto::check_header_name;
/// assert!(check_header_name(b"X-Request-Id").is_ok());
/// assert!(check_header_name(b"X: a\r\nY").is_err());
/// ```
pub fn check_header_name(name: &[u8]) -> Result<()> {
    if name.is_empty() || !name.iter().all(|&b| is_tchar(b)) {
        return Err(Error::ValueError(format!(
            "Invalid header name {:?}",
            String::from_utf8_lossy(name)
        )));
    }
    Ok(())
}

/// Checks a header value: no control character but horizontal tab, and no DEL.
/// CPython's `_is_illegal_header_value` allows a CR LF followed by a blank (an
/// obsolete line folding); netstd refuses every CR and LF, so nothing a caller puts
/// in a value (a Cookie, a Host, a tunnel header) can start a new line.
///
/// ```
/// use netstd_http::proto::check_header_value;
/// assert!(check_header_value(b"a=1; b=2").is_ok());
/// assert!(check_header_value(b"a=1\r\nSet-Cookie: evil").is_err());
/// assert!(check_header_value(b"a\r\n\tfolded").is_err());
/// ```
pub fn check_header_value(value: &[u8]) -> Result<()> {
    if value.iter().any(|&b| (b < 0x20 && b != b'\t') || b == 0x7f) {
        return Err(Error::ValueError(format!(
            "Invalid header value {:?}",
            String::from_utf8_lossy(value)
        )));
    }
    Ok(())
}

/// Appends `method target version\r\n` after checking the method and target.
///
/// ```
/// let mut out = Vec::new();
/// netstd_http::proto::write_request_line(&mut out, "GET", "/", "HTTP/1.1")?;
/// assert_eq!(out, b"GET / HTTP/1.1\r\n");
/// # Ok::<(), netstd_http::Error>(())
/// ```
pub fn write_request_line(
    out: &mut Vec<u8>,
    method: &str,
    target: &str,
    version: &str,
) -> Result<()> {
    check_method(method)?;
    check_target(target)?;
    out.reserve(method.len() + target.len() + version.len() + 4);
    out.extend_from_slice(method.as_bytes());
    out.push(b' ');
    out.extend_from_slice(target.as_bytes());
    out.push(b' ');
    out.extend_from_slice(version.as_bytes());
    out.extend_from_slice(b"\r\n");
    Ok(())
}

/// Appends `name: value\r\n` after checking both.
///
/// ```
/// let mut out = Vec::new();
/// netstd_http::proto::write_header(&mut out, b"Host", b"example.org")?;
/// assert_eq!(out, b"Host: example.org\r\n");
/// assert!(netstd_http::proto::write_header(&mut out, b"Cookie", b"a=1\r\nX: 2").is_err());
/// # Ok::<(), netstd_http::Error>(())
/// ```
pub fn write_header(out: &mut Vec<u8>, name: &[u8], value: &[u8]) -> Result<()> {
    check_header_name(name)?;
    check_header_value(value)?;
    out.reserve(name.len() + value.len() + 4);
    out.extend_from_slice(name);
    out.extend_from_slice(b": ");
    out.extend_from_slice(value);
    out.extend_from_slice(b"\r\n");
    Ok(())
}
