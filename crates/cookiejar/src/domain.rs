//! CPython's domain, host and path helpers (RFC 2965 terms).

use crate::request::CookieRequest;

/// `IPV4_RE = \.\d+$` (`$` also before a final newline).
pub(crate) fn ipv4_re(text: &str) -> bool {
    fn ends(t: &str) -> bool {
        let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
        digits > 0 && t.len() > digits && t.as_bytes()[t.len() - digits - 1] == b'.'
    }
    ends(text) || text.strip_suffix('\n').is_some_and(ends)
}

/// `http.cookiejar.is_HDN(text)`: a host domain name (not an IP address, no dot
/// at either end).
///
/// ```
/// assert!(netstd_cookiejar::is_HDN("www.example.com"));
/// assert!(!netstd_cookiejar::is_HDN("192.168.1.1"));
/// ```
#[allow(non_snake_case)]
pub fn is_HDN(text: &str) -> bool {
    !(ipv4_re(text) || text.is_empty() || text.starts_with('.') || text.ends_with('.'))
}

/// `http.cookiejar.domain_match(A, B)`: RFC 2965 domain-matching, as CPython
/// implements it.
///
/// ```
/// use netstd_cookiejar::domain_match;
/// assert!(domain_match("x.y.com", ".Y.com"));
/// assert!(!domain_match("x.y.com", "y.com"));
/// ```
#[allow(non_snake_case)]
pub fn domain_match(A: &str, B: &str) -> bool {
    let a = A.to_lowercase();
    let b = B.to_lowercase();
    if a == b {
        return true;
    }
    if !is_HDN(&a) {
        return false;
    }
    match a.rfind(&b) {
        None | Some(0) => return false,
        Some(_) => {}
    }
    match b.strip_prefix('.') {
        Some(rest) => is_HDN(rest),
        None => false,
    }
}

/// `http.cookiejar.liberal_is_HDN(text)`: not an IP address.
///
/// ```
/// assert!(netstd_cookiejar::liberal_is_HDN(".acme.com"));
/// assert!(!netstd_cookiejar::liberal_is_HDN("10.0.0.1"));
/// ```
#[allow(non_snake_case)]
pub fn liberal_is_HDN(text: &str) -> bool {
    !ipv4_re(text)
}

/// `http.cookiejar.user_domain_match(A, B)`: matching for blocked and allowed domains.
///
/// ```
/// use netstd_cookiejar::user_domain_match;
/// assert!(user_domain_match("www.acme.com", ".acme.com"));
/// assert!(!user_domain_match("www.acme.com", "acme.com"));
/// ```
#[allow(non_snake_case)]
pub fn user_domain_match(A: &str, B: &str) -> bool {
    let a = A.to_lowercase();
    let b = B.to_lowercase();
    if !(liberal_is_HDN(&a) && liberal_is_HDN(&b)) {
        return a == b;
    }
    if b.starts_with('.') {
        a.ends_with(&b)
    } else {
        a == b
    }
}

/// `http.cookiejar.request_host(request)`: the URL's host without port,
/// lowercase (the `Host` header when the URL has none).
///
/// ```
/// use netstd_cookiejar::{Request, request_host};
/// assert_eq!(request_host(&Request::new("http://WWW.Acme.com:8080/x").unwrap()), "www.acme.com");
/// ```
pub fn request_host(request: &dyn CookieRequest) -> String {
    let url = request.get_full_url();
    let mut host = match netstd_urlparse::urlparse(&url) {
        Ok(p) => p.netloc().to_owned(),
        Err(_) => String::new(),
    };
    if host.is_empty() {
        host = request.get_header("Host").unwrap_or_default();
    }
    // cut_port_re = :\d+$
    let digits = host.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < host.len() && host.as_bytes()[host.len() - digits - 1] == b':' {
        host.truncate(host.len() - digits - 1);
    }
    host.to_lowercase()
}

/// `http.cookiejar.eff_request_host(request)`: `(request-host, effective
/// request-host name)`; a dotless host name gets `.local` appended.
///
/// ```
/// use netstd_cookiejar::{Request, eff_request_host};
/// let (host, erhn) = eff_request_host(&Request::new("http://localhost/").unwrap());
/// assert_eq!((host.as_str(), erhn.as_str()), ("localhost", "localhost.local"));
/// ```
pub fn eff_request_host(request: &dyn CookieRequest) -> (String, String) {
    let req_host = request_host(request);
    let erhn = erhn_of(&req_host);
    (req_host, erhn)
}

pub(crate) fn erhn_of(req_host: &str) -> String {
    if !req_host.contains('.') && !ipv4_re(req_host) {
        format!("{req_host}.local")
    } else {
        req_host.to_owned()
    }
}

/// `http.cookiejar.request_path(request)`: the escaped path of the URL, starting with `/`.
///
/// ```
/// use netstd_cookiejar::{Request, request_path};
/// assert_eq!(request_path(&Request::new("http://a.com/a b/c?q#f").unwrap()), "/a%20b/c");
/// ```
pub fn request_path(request: &dyn CookieRequest) -> String {
    let url = request.get_full_url();
    let path = match netstd_urlparse::urlsplit(&url) {
        Ok(p) => escape_path(p.path()),
        Err(_) => String::new(),
    };
    if path.starts_with('/') {
        path
    } else {
        format!("/{path}")
    }
}

/// `http.cookiejar.request_port(request)`: the port of `request.host`, `"80"`
/// when none, `None` when not numeric. Where CPython raises `AttributeError`
/// (a request without a host), this answers `Err(())`.
///
/// ```
/// use netstd_cookiejar::{Request, request_port};
/// assert_eq!(request_port(&Request::new("http://a.com:8080/").unwrap()), Ok(Some("8080".into())));
/// assert_eq!(request_port(&Request::new("http://a.com/").unwrap()), Ok(Some("80".into())));
/// ```
#[allow(clippy::result_unit_err)]
pub fn request_port(request: &dyn CookieRequest) -> Result<Option<String>, ()> {
    let host = request.host().ok_or(())?;
    Ok(match host.find(':') {
        Some(i) => {
            let port = &host[i + 1..];
            crate::time::py_int(port).map(|_| port.to_owned())
        }
        None => Some("80".to_owned()),
    })
}

/// `http.cookiejar.escape_path(path)`: quote what HTTP paths may not hold, and
/// uppercase every `%xx` escape.
///
/// ```
/// assert_eq!(netstd_cookiejar::escape_path("/foo%2f/a b"), "/foo%2F/a%20b");
/// ```
pub fn escape_path(path: &str) -> String {
    let opts = netstd_urlparse::QuoteOptions::new().safe("%/;:@&=+$,!~*'()");
    let q = netstd_urlparse::quote_with(path, &opts)
        .map(|c| c.into_owned())
        .unwrap_or_else(|_| path.to_owned());
    let b = q.as_bytes();
    let mut out = String::with_capacity(q.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && b[i + 1].is_ascii_hexdigit()
            && b[i + 2].is_ascii_hexdigit()
        {
            out.push('%');
            out.push(b[i + 1].to_ascii_uppercase() as char);
            out.push(b[i + 2].to_ascii_uppercase() as char);
            i += 3;
        } else {
            let ch = q[i..].chars().next().unwrap_or('\0');
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// `http.cookiejar.reach(h)`: the reach of a host name (RFC 2965 section 1).
///
/// ```
/// use netstd_cookiejar::reach;
/// assert_eq!(reach("www.acme.com"), ".acme.com");
/// assert_eq!(reach("acme.com"), "acme.com");
/// assert_eq!(reach("acme.local"), ".local");
/// ```
pub fn reach(h: &str) -> String {
    if let Some(i) = h.find('.') {
        let b = &h[i + 1..];
        if is_HDN(h) && (b.contains('.') || b == "local") {
            return format!(".{b}");
        }
    }
    h.to_owned()
}

/// `http.cookiejar.is_third_party(request)`: RFC 2965 section 3.3.6.
///
/// ```
/// use netstd_cookiejar::{Request, is_third_party};
/// let req = Request::new("http://ads.example.net/").unwrap().with_origin_req_host("www.acme.com");
/// assert!(is_third_party(&req));
/// ```
pub fn is_third_party(request: &dyn CookieRequest) -> bool {
    !domain_match(&request_host(request), &reach(&request.origin_req_host()))
}
