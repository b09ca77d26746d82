//! Password managers and the Basic and Digest authentication handlers.

use std::sync::{Arc, Mutex};

use base64::Engine;
use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha256};

use crate::urllib::error::HTTPError;
use crate::urllib::request::handler::{BaseHandler, ErrorAction, Parent, ResponseAction};
use crate::urllib::request::req::{Request, splitport};
use crate::urllib::response::ResponseHead;
use crate::{Error, Result};

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// What the authentication handlers ask of a password manager: CPython's duck
/// type (`add_password`, `find_user_password`, and for prior authentication
/// `is_authenticated`/`update_authenticated`).
pub trait PasswordMgr: Send + Sync {
    /// `add_password(realm, uri, user, passwd)`; `realm` `None` is the default realm.
    fn add_password(&self, realm: Option<&str>, uris: &[&str], user: &str, passwd: &str);
    /// `find_user_password(realm, authuri)`: `(user, password)` or `None`.
    fn find_user_password(&self, realm: Option<&str>, authuri: &str) -> Option<(String, String)>;
    /// `hasattr(mgr, "is_authenticated")`.
    fn tracks_authentication(&self) -> bool {
        false
    }
    /// `is_authenticated(authuri)`.
    fn is_authenticated(&self, authuri: &str) -> Option<bool> {
        let _ = authuri;
        None
    }
    /// `update_authenticated(uri, is_authenticated)`.
    fn update_authenticated(&self, uris: &[&str], is_authenticated: bool) {
        let _ = (uris, is_authenticated);
    }
}

/// `reduce_uri(uri, default_port)`: (authority with the scheme's default port when
/// asked, path).
fn reduce_uri(uri: &str, default_port: bool) -> (String, String) {
    let (scheme, authority, path) = match netstd_urlparse::urlsplit(uri) {
        Ok(p) if !p.netloc().is_empty() => (
            Some(p.scheme().to_owned()),
            p.netloc().to_owned(),
            if p.path().is_empty() {
                "/".to_owned()
            } else {
                p.path().to_owned()
            },
        ),
        _ => (None, uri.to_owned(), "/".to_owned()),
    };
    let (host, port) = splitport(&authority);
    if default_port && port.is_none() {
        let dport = match scheme.as_deref() {
            Some("http") => Some(80),
            Some("https") => Some(443),
            _ => None,
        };
        if let Some(d) = dport {
            return (format!("{host}:{d}"), path);
        }
    }
    (authority, path)
}

/// `is_suburi(base, test)`: same authority, and test's path under base's.
fn is_suburi(base: &(String, String), test: &(String, String)) -> bool {
    if base == test {
        return true;
    }
    if base.0 != test.0 {
        return false;
    }
    let mut prefix = base.1.clone();
    if !prefix.ends_with('/') {
        prefix.push('/');
    }
    test.1.starts_with(&prefix)
}

type Reduced = (String, String);
type Realms = Vec<(Option<String>, Vec<(Vec<Reduced>, (String, String))>)>;

/// Python's `urllib.request.HTTPPasswordMgr`: credentials by realm and URI prefix.
///
/// ```
/// use netstd_httpclient::urllib::request::{HTTPPasswordMgr, PasswordMgr};
/// let mgr = HTTPPasswordMgr::new();
/// mgr.add_password(Some("r"), &["http://example.com/private/"], "joe", "pw");
/// assert_eq!(
///     mgr.find_user_password(Some("r"), "http://example.com:80/private/x"),
///     Some(("joe".into(), "pw".into()))
/// );
/// assert_eq!(mgr.find_user_password(Some("r"), "http://example.com/public"), None);
/// ```
#[derive(Debug, Default)]
pub struct HTTPPasswordMgr {
    passwd: Mutex<Realms>,
}

impl HTTPPasswordMgr {
    /// `HTTPPasswordMgr()`.
    pub fn new() -> Self {
        Self::default()
    }

    /// `reduce_uri(uri, default_port=True)`.
    pub fn reduce_uri(&self, uri: &str, default_port: bool) -> (String, String) {
        reduce_uri(uri, default_port)
    }
}

impl PasswordMgr for HTTPPasswordMgr {
    fn add_password(&self, realm: Option<&str>, uris: &[&str], user: &str, passwd: &str) {
        let mut all = lock(&self.passwd);
        let realm = realm.map(str::to_owned);
        let idx = match all.iter().position(|(r, _)| *r == realm) {
            Some(i) => i,
            None => {
                all.push((realm, Vec::new()));
                all.len() - 1
            }
        };
        let domains = &mut all[idx].1;
        for default_port in [true, false] {
            let reduced: Vec<Reduced> = uris.iter().map(|u| reduce_uri(u, default_port)).collect();
            let info = (user.to_owned(), passwd.to_owned());
            match domains.iter_mut().find(|(k, _)| *k == reduced) {
                Some(slot) => slot.1 = info,
                None => domains.push((reduced, info)),
            }
        }
    }

    fn find_user_password(&self, realm: Option<&str>, authuri: &str) -> Option<(String, String)> {
        let all = lock(&self.passwd);
        let domains = &all.iter().find(|(r, _)| r.as_deref() == realm)?.1;
        for default_port in [true, false] {
            let reduced = reduce_uri(authuri, default_port);
            for (uris, info) in domains {
                if uris.iter().any(|u| is_suburi(u, &reduced)) {
                    return Some(info.clone());
                }
            }
        }
        None
    }
}

/// Python's `urllib.request.HTTPPasswordMgrWithDefaultRealm`: credentials added
/// with realm `None` answer for any realm.
///
/// ```
/// use netstd_httpclient::urllib::request::{HTTPPasswordMgrWithDefaultRealm, PasswordMgr};
/// let mgr = HTTPPasswordMgrWithDefaultRealm::new();
/// mgr.add_password(None, &["example.com"], "joe", "pw");
/// assert!(mgr.find_user_password(Some("any realm"), "example.com").is_some());
/// ```
#[derive(Debug, Default)]
pub struct HTTPPasswordMgrWithDefaultRealm {
    inner: HTTPPasswordMgr,
}

impl HTTPPasswordMgrWithDefaultRealm {
    /// `HTTPPasswordMgrWithDefaultRealm()`.
    pub fn new() -> Self {
        Self::default()
    }
}

impl PasswordMgr for HTTPPasswordMgrWithDefaultRealm {
    fn add_password(&self, realm: Option<&str>, uris: &[&str], user: &str, passwd: &str) {
        self.inner.add_password(realm, uris, user, passwd)
    }

    fn find_user_password(&self, realm: Option<&str>, authuri: &str) -> Option<(String, String)> {
        self.inner
            .find_user_password(realm, authuri)
            .or_else(|| self.inner.find_user_password(None, authuri))
    }
}

/// Python's `urllib.request.HTTPPasswordMgrWithPriorAuth`: also remembers which
/// URIs are known to need credentials, so `HTTPBasicAuthHandler` sends them with
/// the first request instead of waiting for a 401.
///
/// ```
/// use netstd_httpclient::urllib::request::{HTTPPasswordMgrWithPriorAuth, PasswordMgr};
/// let mgr = HTTPPasswordMgrWithPriorAuth::new();
/// mgr.add_password_prior(None, &["http://api.local/"], "key", "secret", true);
/// assert_eq!(mgr.is_authenticated("http://api.local/v1/items"), Some(true));
/// ```
#[derive(Debug, Default)]
pub struct HTTPPasswordMgrWithPriorAuth {
    inner: HTTPPasswordMgrWithDefaultRealm,
    authenticated: Mutex<Vec<(Reduced, bool)>>,
}

impl HTTPPasswordMgrWithPriorAuth {
    /// `HTTPPasswordMgrWithPriorAuth()`.
    pub fn new() -> Self {
        Self::default()
    }

    /// `add_password(realm, uri, user, passwd, is_authenticated=...)`.
    pub fn add_password_prior(
        &self,
        realm: Option<&str>,
        uris: &[&str],
        user: &str,
        passwd: &str,
        is_authenticated: bool,
    ) {
        self.update_authenticated(uris, is_authenticated);
        if realm.is_some() {
            self.inner.add_password(None, uris, user, passwd);
        }
        self.inner.add_password(realm, uris, user, passwd);
    }
}

impl PasswordMgr for HTTPPasswordMgrWithPriorAuth {
    fn add_password(&self, realm: Option<&str>, uris: &[&str], user: &str, passwd: &str) {
        self.add_password_prior(realm, uris, user, passwd, false)
    }

    fn find_user_password(&self, realm: Option<&str>, authuri: &str) -> Option<(String, String)> {
        self.inner.find_user_password(realm, authuri)
    }

    fn tracks_authentication(&self) -> bool {
        true
    }

    fn is_authenticated(&self, authuri: &str) -> Option<bool> {
        let all = lock(&self.authenticated);
        for default_port in [true, false] {
            let reduced = reduce_uri(authuri, default_port);
            for (uri, yes) in all.iter() {
                if is_suburi(uri, &reduced) {
                    return Some(*yes);
                }
            }
        }
        None
    }

    fn update_authenticated(&self, uris: &[&str], is_authenticated: bool) {
        let mut all = lock(&self.authenticated);
        for default_port in [true, false] {
            for u in uris {
                let reduced = reduce_uri(u, default_port);
                match all.iter_mut().find(|(k, _)| *k == reduced) {
                    Some(slot) => slot.1 = is_authenticated,
                    None => all.push((reduced, is_authenticated)),
                }
            }
        }
    }
}

/// Python's `str.split()`: runs of whitespace, U+001C..U+001F included.
fn py_split(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
        .filter(|w| !w.is_empty())
}

/// The challenges of a `WWW-Authenticate` value as CPython's
/// `AbstractBasicAuthHandler.rx` finds them,
/// `(?:^|,)[ \t]*([^ \t,]+)[ \t]+realm=(["']?)([^"']*)\2` (case-insensitive), but
/// in one linear pass: no input can make it backtrack (CVE-2020-8492,
/// bpo-43075). Yields (scheme, realm); (first word, None) when nothing matched.
fn parse_realm(header: &str) -> Vec<(String, Option<String>)> {
    let b = header.as_bytes();
    let is_ws = |c: u8| c == b' ' || c == b'\t';
    // one attempt at `[ \t]*([^ \t,]+)[ \t]+realm=(["']?)([^"']*)\2` from `i`
    let attempt = |mut i: usize| -> Option<(usize, String, String)> {
        while i < b.len() && is_ws(b[i]) {
            i += 1;
        }
        let t0 = i;
        while i < b.len() && !is_ws(b[i]) && b[i] != b',' {
            i += 1;
        }
        if i == t0 {
            return None;
        }
        let scheme = &header[t0..i];
        let w0 = i;
        while i < b.len() && is_ws(b[i]) {
            i += 1;
        }
        if i == w0 || !b[i..].get(..6)?.eq_ignore_ascii_case(b"realm=") {
            return None;
        }
        i += 6;
        if let Some(&q) = b.get(i).filter(|&&c| c == b'"' || c == b'\'') {
            let v0 = i + 1;
            let end = b[v0..]
                .iter()
                .position(|&c| c == b'"' || c == b'\'')
                .map(|p| v0 + p);
            if let Some(e) = end.filter(|&e| b[e] == q) {
                return Some((e + 1, scheme.to_owned(), header[v0..e].to_owned()));
            }
            // the quote is not closed: the regex backtracks to no quote, empty realm
            return Some((i, scheme.to_owned(), String::new()));
        }
        let end = b[i..]
            .iter()
            .position(|&c| c == b'"' || c == b'\'')
            .map_or(b.len(), |p| i + p);
        Some((end, scheme.to_owned(), header[i..end].to_owned()))
    };
    let mut found = Vec::new();
    let mut pos = 0;
    loop {
        let mut matched = None;
        if pos == 0 {
            matched = attempt(0);
        }
        let mut search = pos;
        while matched.is_none() {
            let Some(c) = b[search..].iter().position(|&c| c == b',') else {
                break;
            };
            matched = attempt(search + c + 1);
            search += c + 1;
        }
        match matched {
            Some((end, scheme, realm)) => {
                found.push((scheme, Some(realm)));
                pos = end.max(pos + 1);
            }
            None => break,
        }
        if pos > b.len() {
            break;
        }
    }
    if found.is_empty() {
        let scheme = py_split(header).next().unwrap_or("").to_owned();
        found.push((scheme, None));
    }
    found
}

/// Python's `urllib.request.AbstractBasicAuthHandler`: answers a challenge for
/// Basic authentication with the password manager's credentials, once.
pub struct AbstractBasicAuthHandler {
    passwd: Arc<dyn PasswordMgr>,
    auth_header: &'static str,
}

impl std::fmt::Debug for AbstractBasicAuthHandler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AbstractBasicAuthHandler")
            .field("auth_header", &self.auth_header)
            .finish()
    }
}

fn basic(user: &str, password: &str) -> String {
    let raw = format!("{user}:{password}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(raw)
    )
}

impl AbstractBasicAuthHandler {
    fn new(passwd: Option<Arc<dyn PasswordMgr>>, auth_header: &'static str) -> Self {
        AbstractBasicAuthHandler {
            passwd: passwd.unwrap_or_else(|| Arc::new(HTTPPasswordMgr::new())),
            auth_header,
        }
    }

    /// `passwd`: the password manager.
    pub fn passwd(&self) -> &Arc<dyn PasswordMgr> {
        &self.passwd
    }

    /// `add_password(realm, uri, user, passwd)` on the manager.
    pub fn add_password(&self, realm: Option<&str>, uris: &[&str], user: &str, passwd: &str) {
        self.passwd.add_password(realm, uris, user, passwd)
    }

    /// `http_error_auth_reqed(authreq, host, req, headers)`.
    fn http_error_auth_reqed(
        &self,
        authreq: &str,
        host: &str,
        req: &Request,
        head: &ResponseHead,
    ) -> Result<ErrorAction> {
        let headers = head.headers.get_all(authreq);
        let mut unsupported = false;
        let mut last_scheme = String::new();
        for header in headers {
            for (scheme, realm) in parse_realm(header) {
                if !scheme.eq_ignore_ascii_case("basic") {
                    unsupported = true;
                    last_scheme = scheme;
                    continue;
                }
                if let Some(realm) = realm {
                    return self.retry_http_basic_auth(host, req, &realm);
                }
                last_scheme = scheme;
            }
        }
        if unsupported {
            // CPython's message names the last scheme parsed
            return Err(Error::ValueError(format!(
                "AbstractBasicAuthHandler does not support the following scheme: {}",
                netstd_urlparse::py_repr(&last_scheme)
            )));
        }
        Ok(ErrorAction::Pass)
    }

    /// `retry_http_basic_auth(host, req, realm)`.
    fn retry_http_basic_auth(&self, host: &str, req: &Request, realm: &str) -> Result<ErrorAction> {
        let Some((user, pw)) = self.passwd.find_user_password(Some(realm), host) else {
            return Ok(ErrorAction::Pass);
        };
        let auth = basic(&user, &pw);
        if req.get_header(self.auth_header) == Some(auth.as_str()) {
            return Ok(ErrorAction::Pass);
        }
        let mut new = req.clone();
        new.add_unredirected_header(self.auth_header, &auth);
        Ok(ErrorAction::Retry(new))
    }

    /// `http_request`: credentials up front for URIs the manager knows need them.
    fn prior_auth(&self, req: &mut Request) {
        if !self.passwd.tracks_authentication()
            || self.passwd.is_authenticated(&req.full_url()) != Some(true)
        {
            return;
        }
        if !req.has_header("Authorization") {
            if let Some((user, pw)) = self.passwd.find_user_password(None, &req.full_url()) {
                req.add_unredirected_header("Authorization", &basic(&user, &pw));
            }
        }
    }

    /// `http_response`: remember whether the URI authenticated.
    fn track(&self, req: &Request, head: &ResponseHead) {
        if self.passwd.tracks_authentication() {
            let ok = head.status.is_some_and(|c| (200..300).contains(&c));
            self.passwd.update_authenticated(&[&req.full_url()], ok);
        }
    }
}

macro_rules! basic_handler {
    ($(#[$doc:meta])* $name:ident, $header:literal, $code:literal, $authreq:literal, $host:expr) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name(AbstractBasicAuthHandler);

        impl $name {
            /// The handler over `password_mgr` (`None`: a new `HTTPPasswordMgr`).
            pub fn new(password_mgr: Option<Arc<dyn PasswordMgr>>) -> Self {
                $name(AbstractBasicAuthHandler::new(password_mgr, $header))
            }
        }

        impl std::ops::Deref for $name {
            type Target = AbstractBasicAuthHandler;
            fn deref(&self) -> &AbstractBasicAuthHandler {
                &self.0
            }
        }

        impl BaseHandler for $name {
            fn request(&self, protocol: &str, req: &mut Request, _: &Parent<'_>) -> Result<()> {
                if matches!(protocol, "http" | "https") {
                    self.0.prior_auth(req);
                }
                Ok(())
            }

            fn response(
                &self,
                protocol: &str,
                req: &Request,
                head: &mut ResponseHead,
                _: &Parent<'_>,
            ) -> Result<ResponseAction> {
                if matches!(protocol, "http" | "https") {
                    self.0.track(req, head);
                }
                Ok(ResponseAction::Keep)
            }

            fn http_error(
                &self,
                code: u16,
                req: &Request,
                head: &ResponseHead,
                _: &Parent<'_>,
            ) -> Result<ErrorAction> {
                if code != $code {
                    return Ok(ErrorAction::Pass);
                }
                let host: String = $host(req);
                self.0.http_error_auth_reqed($authreq, &host, req, head)
            }
        }
    };
}

basic_handler!(
    /// Python's `urllib.request.HTTPBasicAuthHandler`: answers 401 with Basic
    /// credentials for the realm and URL. The header is not redirected, so
    /// credentials never follow a redirect to another host.
    ///
    /// ```
    /// use netstd_httpclient::urllib::request::{BaseHandler, HTTPBasicAuthHandler, build_opener};
    /// let auth = HTTPBasicAuthHandler::new(None);
    /// auth.add_password(Some("PDQ Application"), &["https://mahler:8092/site-updates.py"], "klem", "kadidd!ehopper");
    /// let opener = build_opener(vec![Box::new(auth) as Box<dyn BaseHandler>]);
    /// # drop(opener);
    /// ```
    HTTPBasicAuthHandler, "Authorization", 401, "www-authenticate", |r: &Request| r.full_url()
);

basic_handler!(
    /// Python's `urllib.request.ProxyBasicAuthHandler`: answers a proxy's 407 with
    /// Basic credentials for the proxy (looked up by its `host:port`).
    ///
    /// ```
    /// use netstd_httpclient::urllib::request::{BaseHandler, ProxyBasicAuthHandler, build_opener};
    /// let auth = ProxyBasicAuthHandler::new(None);
    /// auth.add_password(Some("proxy"), &["proxy.local:3128"], "joe", "pw");
    /// let opener = build_opener(vec![Box::new(auth) as Box<dyn BaseHandler>]);
    /// # drop(opener);
    /// ```
    ProxyBasicAuthHandler, "Proxy-authorization", 407, "proxy-authenticate", |r: &Request| r.host().to_owned()
);

/// Python's `urllib.request.parse_http_list(s)`: a comma-separated list whose
/// elements may be quoted strings with commas and backslash escapes.
///
/// ```
/// use netstd_httpclient::urllib::request::parse_http_list;
/// assert_eq!(parse_http_list(r#"a="b, c", d"#), [r#"a="b, c""#, "d"]);
/// ```
pub fn parse_http_list(s: &str) -> Vec<String> {
    let mut res = Vec::new();
    let mut part = String::new();
    let (mut escape, mut quote) = (false, false);
    for cur in s.chars() {
        if escape {
            part.push(cur);
            escape = false;
            continue;
        }
        if quote {
            if cur == '\\' {
                escape = true;
                continue;
            } else if cur == '"' {
                quote = false;
            }
            part.push(cur);
            continue;
        }
        if cur == ',' {
            res.push(std::mem::take(&mut part));
            continue;
        }
        if cur == '"' {
            quote = true;
        }
        part.push(cur);
    }
    if !part.is_empty() {
        res.push(part);
    }
    res.into_iter().map(|p| p.trim().to_owned()).collect()
}

/// Python's `urllib.request.parse_keqv_list(l)`: `key=value` elements, quotes
/// around a value removed; `ValueError` for an element without `=`.
///
/// ```
/// use netstd_httpclient::urllib::request::parse_keqv_list;
/// let d = parse_keqv_list(&["realm=\"x\"".into(), "qop=auth".into()]).unwrap();
/// assert_eq!(d, [("realm".to_owned(), "x".to_owned()), ("qop".into(), "auth".into())]);
/// ```
pub fn parse_keqv_list(l: &[String]) -> Result<Vec<(String, String)>> {
    let mut parsed: Vec<(String, String)> = Vec::new();
    // a dict's insertion order and its linear time, however many keys a server sends
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for elt in l {
        let (k, v) = elt.split_once('=').ok_or_else(|| {
            Error::ValueError("not enough values to unpack (expected 2, got 1)".into())
        })?;
        // v[0] == '"' and v[-1] == '"': v[1:-1] (a lone quote becomes empty)
        let v = if v.starts_with('"') && v.ends_with('"') {
            v.get(1..v.len().saturating_sub(1)).unwrap_or("")
        } else {
            v
        };
        match index.get(k) {
            Some(&i) => parsed[i].1 = v.to_owned(),
            None => {
                index.insert(k, parsed.len());
                parsed.push((k.to_owned(), v.to_owned()));
            }
        }
    }
    Ok(parsed)
}

fn hex_digest(algorithm: &str, data: &str) -> Option<String> {
    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }
    match algorithm {
        "MD5" => Some(hex(&Md5::digest(data.as_bytes()))),
        "SHA" => Some(hex(&Sha1::digest(data.as_bytes()))),
        "SHA-256" => Some(hex(&Sha256::digest(data.as_bytes()))),
        _ => None,
    }
}

/// Python's `urllib.request.AbstractDigestAuthHandler`: Digest authentication
/// (RFC 7616) with MD5, SHA and SHA-256, `qop=auth` and nonce counting; at most
/// five retries of one request.
pub struct AbstractDigestAuthHandler {
    passwd: Arc<dyn PasswordMgr>,
    auth_header: &'static str,
    /// (nonce_count, last_nonce)
    nonce: Mutex<(u32, Option<String>)>,
}

impl std::fmt::Debug for AbstractDigestAuthHandler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AbstractDigestAuthHandler")
            .field("auth_header", &self.auth_header)
            .finish()
    }
}

impl AbstractDigestAuthHandler {
    fn new(passwd: Option<Arc<dyn PasswordMgr>>, auth_header: &'static str) -> Self {
        AbstractDigestAuthHandler {
            passwd: passwd.unwrap_or_else(|| Arc::new(HTTPPasswordMgr::new())),
            auth_header,
            nonce: Mutex::new((0, None)),
        }
    }

    /// `passwd`: the password manager.
    pub fn passwd(&self) -> &Arc<dyn PasswordMgr> {
        &self.passwd
    }

    /// `add_password(realm, uri, user, passwd)` on the manager.
    pub fn add_password(&self, realm: Option<&str>, uris: &[&str], user: &str, passwd: &str) {
        self.passwd.add_password(realm, uris, user, passwd)
    }

    /// `http_error_auth_reqed(auth_header, host, req, headers)`.
    fn http_error_auth_reqed(
        &self,
        authreq: &str,
        req: &Request,
        head: &ResponseHead,
    ) -> Result<ErrorAction> {
        if req.digest_retries > 5 {
            return Ok(ErrorAction::Raise(HTTPError::new(
                &req.full_url(),
                401,
                "digest auth failed",
                head.headers.clone(),
            )));
        }
        let Some(value) = head.headers.get(authreq) else {
            return Ok(ErrorAction::Pass);
        };
        let Some(scheme) = py_split(value).next() else {
            return Ok(ErrorAction::Pass);
        };
        if scheme.eq_ignore_ascii_case("digest") {
            self.retry_http_digest_auth(req, value)
        } else if !scheme.eq_ignore_ascii_case("basic") {
            Err(Error::ValueError(format!(
                "AbstractDigestAuthHandler does not support the following scheme: '{scheme}'"
            )))
        } else {
            Ok(ErrorAction::Pass)
        }
    }

    fn retry_http_digest_auth(&self, req: &Request, auth: &str) -> Result<ErrorAction> {
        let (_, challenge) = auth.split_once(' ').ok_or_else(|| {
            Error::ValueError("not enough values to unpack (expected 2, got 1)".into())
        })?;
        let parts: Vec<String> = parse_http_list(challenge)
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
        let chal = parse_keqv_list(&parts)?;
        let Some(auth) = self.get_authorization(req, &chal)? else {
            return Ok(ErrorAction::Pass);
        };
        let auth_val = format!("Digest {auth}");
        if req
            .headers()
            .iter()
            .any(|(k, v)| k == self.auth_header && *v == auth_val)
        {
            return Ok(ErrorAction::Pass);
        }
        let mut new = req.clone();
        new.add_unredirected_header(self.auth_header, &auth_val);
        new.digest_retries = req.digest_retries + 1;
        Ok(ErrorAction::Retry(new))
    }

    /// `get_cnonce(nonce)`: 16 hex digits of SHA-1 over the count, the nonce, the
    /// time and 8 random bytes.
    fn get_cnonce(&self, nonce: &str, count: u32) -> String {
        let mut random = [0u8; 8];
        // without randomness the time still varies the value; the nonce is the server's
        let _ = getrandom::fill(&mut random);
        let now = chrono::Utc::now().format("%a %b %e %H:%M:%S %Y");
        let mut h = Sha1::new();
        h.update(format!("{count}:{nonce}:{now}:").as_bytes());
        h.update(random);
        h.finalize()
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// `get_authorization(req, chal)`: the value after `Digest `, or `None` without
    /// realm, nonce or credentials.
    pub fn get_authorization(
        &self,
        req: &Request,
        chal: &[(String, String)],
    ) -> Result<Option<String>> {
        self.authorization_with(req, chal, |nonce, count| self.get_cnonce(nonce, count))
    }

    fn authorization_with(
        &self,
        req: &Request,
        chal: &[(String, String)],
        cnonce: impl FnOnce(&str, u32) -> String,
    ) -> Result<Option<String>> {
        let get = |k: &str| chal.iter().find(|(k2, _)| k2 == k).map(|(_, v)| v.as_str());
        let (Some(realm), Some(nonce)) = (get("realm"), get("nonce")) else {
            return Ok(None);
        };
        let qop = get("qop");
        let algorithm = get("algorithm").unwrap_or("MD5");
        let opaque = get("opaque");
        let h = |s: &str| hex_digest(algorithm, s);
        if h("").is_none() {
            return Err(Error::ValueError(format!(
                "Unsupported digest authentication algorithm {}",
                netstd_urlparse::py_repr(algorithm)
            )));
        }
        let h = |s: &str| h(s).unwrap_or_default();
        let Some((user, pw)) = self.passwd.find_user_password(Some(realm), &req.full_url()) else {
            return Ok(None);
        };
        let a1 = format!("{user}:{realm}:{pw}");
        let a2 = format!("{}:{}", req.get_method(), req.selector());
        let mut qop_part = None;
        let respdig = match qop {
            None => h(&format!("{}:{nonce}:{}", h(&a1), h(&a2))),
            Some(q) if q.split(',').any(|p| p == "auth") => {
                let count = {
                    let mut state = lock(&self.nonce);
                    if state.1.as_deref() == Some(nonce) {
                        state.0 += 1;
                    } else {
                        *state = (1, Some(nonce.to_owned()));
                    }
                    state.0
                };
                let ncvalue = format!("{count:08x}");
                let cnonce = cnonce(nonce, count);
                let noncebit = format!("{nonce}:{ncvalue}:{cnonce}:auth:{}", h(&a2));
                qop_part = Some((ncvalue, cnonce));
                h(&format!("{}:{noncebit}", h(&a1)))
            }
            Some(q) => return Err(Error::url_error(format!("qop '{q}' is not supported."))),
        };
        let mut base = format!(
            "username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{}\", response=\"{respdig}\"",
            req.selector()
        );
        if let Some(o) = opaque.filter(|o| !o.is_empty()) {
            base.push_str(&format!(", opaque=\"{o}\""));
        }
        base.push_str(&format!(", algorithm=\"{algorithm}\""));
        if let Some((nc, cnonce)) = qop_part {
            base.push_str(&format!(", qop=auth, nc={nc}, cnonce=\"{cnonce}\""));
        }
        Ok(Some(base))
    }
}

macro_rules! digest_handler {
    ($(#[$doc:meta])* $name:ident, $header:literal, $code:literal, $authreq:literal) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name(AbstractDigestAuthHandler);

        impl $name {
            /// The handler over `password_mgr` (`None`: a new `HTTPPasswordMgr`).
            pub fn new(password_mgr: Option<Arc<dyn PasswordMgr>>) -> Self {
                $name(AbstractDigestAuthHandler::new(password_mgr, $header))
            }
        }

        impl std::ops::Deref for $name {
            type Target = AbstractDigestAuthHandler;
            fn deref(&self) -> &AbstractDigestAuthHandler {
                &self.0
            }
        }

        impl BaseHandler for $name {
            fn handler_order(&self) -> i32 {
                490
            }

            fn http_error(
                &self,
                code: u16,
                req: &Request,
                head: &ResponseHead,
                _: &Parent<'_>,
            ) -> Result<ErrorAction> {
                if code != $code {
                    return Ok(ErrorAction::Pass);
                }
                self.0.http_error_auth_reqed($authreq, req, head)
            }
        }
    };
}

digest_handler!(
    /// Python's `urllib.request.HTTPDigestAuthHandler` (`handler_order` 490): answers
    /// a 401 Digest challenge.
    ///
    /// ```
    /// use netstd_httpclient::urllib::request::{BaseHandler, HTTPDigestAuthHandler, build_opener};
    /// let auth = HTTPDigestAuthHandler::new(None);
    /// auth.add_password(Some("private"), &["http://localhost/"], "joe", "pw");
    /// let opener = build_opener(vec![Box::new(auth) as Box<dyn BaseHandler>]);
    /// # drop(opener);
    /// ```
    HTTPDigestAuthHandler, "Authorization", 401, "www-authenticate"
);

digest_handler!(
    /// Python's `urllib.request.ProxyDigestAuthHandler` (`handler_order` 490):
    /// answers a proxy's 407 Digest challenge.
    ///
    /// ```
    /// use netstd_httpclient::urllib::request::{BaseHandler, ProxyDigestAuthHandler, build_opener};
    /// let auth = ProxyDigestAuthHandler::new(None);
    /// auth.add_password(Some("proxy"), &["http://proxy.local:3128/"], "joe", "pw");
    /// let opener = build_opener(vec![Box::new(auth) as Box<dyn BaseHandler>]);
    /// # drop(opener);
    /// ```
    ProxyDigestAuthHandler, "Proxy-Authorization", 407, "proxy-authenticate"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn realm_parsing_as_cpython_regex() {
        let p = |h: &str| parse_realm(h);
        assert_eq!(
            p(r#"Basic realm="x""#),
            [("Basic".into(), Some("x".into()))]
        );
        assert_eq!(p("Basic realm=x"), [("Basic".into(), Some("x".into()))]);
        assert_eq!(
            p("basic REALM='a b'"),
            [("basic".into(), Some("a b".into()))]
        );
        assert_eq!(
            p(r#"Digest realm="d", Basic realm="b""#),
            [
                ("Digest".into(), Some("d".into())),
                ("Basic".into(), Some("b".into()))
            ]
        );
        // an unclosed quote matches with an empty realm, as the regex backtracks
        assert_eq!(
            p(r#"Basic realm="x"#),
            [("Basic".into(), Some(String::new()))]
        );
        assert_eq!(p("Negotiate"), [("Negotiate".into(), None)]);
        assert_eq!(p(""), [(String::new(), None)]);
        assert_eq!(p(",Basic realm=r"), [("Basic".into(), Some("r".into()))]);
    }

    #[test]
    fn realm_parsing_is_linear_cve_2020_8492() {
        // the payloads behind CVE-2020-8492 and bpo-43075: exponential/quadratic
        // backtracking in CPython's old regex; one pass here
        for header in [
            format!("Basic {}", ",".repeat(200_000)),
            format!("Basic {}A", ", \t".repeat(100_000)),
            "a realm='".repeat(50_000),
            format!("Basic realm={}", "\"".repeat(100_000)),
        ] {
            let _ = parse_realm(&header);
        }
    }

    #[test]
    fn keqv_is_linear_and_strips_a_lone_quote() {
        // a hostile challenge with many keys costs linear time (it was quadratic)
        let many: Vec<String> = (0..200_000).map(|i| format!("k{i}=x")).collect();
        assert_eq!(parse_keqv_list(&many).unwrap().len(), 200_000);
        let d = parse_keqv_list(&["a=\"".into(), "a=2".into(), "b=\"q\"".into()]).unwrap();
        assert_eq!(
            d,
            [("a".to_owned(), "2".to_owned()), ("b".into(), "q".into())]
        );
        assert_eq!(parse_keqv_list(&["a=\"".into()]).unwrap()[0].1, "");
    }

    #[test]
    fn http_list_and_keqv() {
        assert_eq!(parse_http_list(r#"a, "b\"c", d"#), ["a", r#""b"c""#, "d"]);
        assert!(parse_keqv_list(&["novalue".into()]).is_err());
    }

    fn chal(s: &str) -> Vec<(String, String)> {
        let parts: Vec<String> = parse_http_list(s)
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
        parse_keqv_list(&parts).unwrap()
    }

    /// RFC 7616 section 3.9.1: the MD5 and SHA-256 examples.
    #[test]
    fn digest_rfc7616_examples() {
        for (algorithm, expected) in [
            ("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
            (
                "SHA-256",
                "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
            ),
        ] {
            let h = HTTPDigestAuthHandler::new(None);
            h.add_password(
                Some("http-auth@example.org"),
                &["http://www.example.org/"],
                "Mufasa",
                "Circle of Life",
            );
            let req = Request::new("http://www.example.org/dir/index.html").unwrap();
            let c = chal(&format!(
                r#"realm="http-auth@example.org", qop="auth, auth-int", algorithm={algorithm}, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#
            ));
            let auth = h
                .authorization_with(&req, &c, |_, n| {
                    assert_eq!(n, 1);
                    "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ".into()
                })
                .unwrap()
                .unwrap();
            assert!(auth.contains(&format!("response=\"{expected}\"")), "{auth}");
            assert!(auth.contains(
                "qop=auth, nc=00000001, cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\""
            ));
            assert!(auth.contains("opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\""));
        }
    }

    #[test]
    fn digest_counts_nonces_and_refuses_unknown() {
        let h = HTTPDigestAuthHandler::new(None);
        h.add_password(Some("r"), &["http://h/"], "u", "p");
        let req = Request::new("http://h/x").unwrap();
        let c = chal(r#"realm="r", nonce="n1", qop="auth""#);
        let a = h.get_authorization(&req, &c).unwrap().unwrap();
        assert!(a.contains("nc=00000001"));
        let a = h.get_authorization(&req, &c).unwrap().unwrap();
        assert!(a.contains("nc=00000002"));
        assert!(
            h.get_authorization(&req, &chal(r#"realm="r", nonce="n", algorithm=XYZ"#))
                .is_err()
        );
        assert!(
            h.get_authorization(&req, &chal(r#"realm="r", nonce="n", qop="auth-int""#))
                .is_err()
        );
        assert_eq!(
            h.get_authorization(&req, &chal(r#"realm="other", nonce="n""#))
                .unwrap(),
            None
        );
    }

    #[test]
    fn password_manager_as_cpython() {
        let mgr = HTTPPasswordMgr::new();
        mgr.add_password(
            Some("Some Realm"),
            &["http://example.com/"],
            "joe",
            "password",
        );
        mgr.add_password(Some("Some Realm"), &["http://example.com/ni"], "ni", "ni");
        mgr.add_password(Some("c"), &["http://example.com/foo"], "foo", "ni");
        mgr.add_password(Some("c"), &["http://example.com/bar"], "bar", "nini");
        mgr.add_password(Some("b"), &["http://example.com/"], "first", "blah");
        mgr.add_password(Some("b"), &["http://example.com/"], "second", "spam");
        mgr.add_password(Some("a"), &["http://example.com"], "1", "a");
        mgr.add_password(Some("Some Realm"), &["http://c.example.com:3128"], "3", "c");
        mgr.add_password(Some("Some Realm"), &["d.example.com"], "4", "d");
        mgr.add_password(Some("Some Realm"), &["e.example.com:3128"], "5", "e");
        let f = |r: &str, u: &str| mgr.find_user_password(Some(r), u);
        let some = |a: &str, b: &str| Some((a.to_owned(), b.to_owned()));
        assert_eq!(f("Some Realm", "example.com"), some("joe", "password"));
        assert_eq!(
            f("Some Realm", "http://example.com/ni"),
            some("joe", "password")
        );
        assert_eq!(f("c", "http://example.com/foo"), some("foo", "ni"));
        assert_eq!(f("c", "http://example.com/bar"), some("bar", "nini"));
        assert_eq!(f("b", "http://example.com/"), some("second", "spam"));
        assert_eq!(f("a", "http://example.com/"), some("1", "a"));
        assert_eq!(f("a", "http://a.example.com/"), None);
        assert_eq!(f("Some Realm", "c.example.com:3128"), some("3", "c"));
        assert_eq!(f("Some Realm", "d.example.com"), some("4", "d"));
        assert_eq!(f("Some Realm", "e.example.com:3128"), some("5", "e"));
        assert_eq!(f("Some Realm", "e.example.com"), None);
    }
}
