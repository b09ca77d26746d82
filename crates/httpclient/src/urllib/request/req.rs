//! `urllib.request.Request` and the URL splitting helpers it is made of.

use std::collections::HashMap;
use std::io::Read;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::{Error, Result};

/// The body of a [`Request`]: `data=` as bytes, or a reader sent as it is read.
#[derive(Clone)]
pub enum RequestData {
    /// `data=b"..."`: sent with a Content-length.
    Bytes(Vec<u8>),
    /// `data=<file object>`: sent with `Transfer-encoding: chunked` unless the
    /// caller set a Content-length. A reader can be sent once; a retry (an
    /// authentication round, a 307) finds it drained, as in CPython.
    Reader(Arc<Mutex<Box<dyn Read + Send>>>),
}

impl std::fmt::Debug for RequestData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RequestData::Bytes(b) => f.debug_tuple("Bytes").field(&b.len()).finish(),
            RequestData::Reader(_) => f.write_str("Reader(..)"),
        }
    }
}

impl RequestData {
    /// A reader as the body.
    ///
    /// ```
    /// use netstd_httpclient::urllib::request::{Request, RequestData};
    /// let mut r = Request::new("http://localhost/upload").unwrap();
    /// r.set_data(Some(RequestData::reader(std::io::Cursor::new(b"abc".to_vec()))));
    /// assert_eq!(r.get_method(), "POST");
    /// ```
    pub fn reader(r: impl Read + Send + 'static) -> Self {
        RequestData::Reader(Arc::new(Mutex::new(Box::new(r))))
    }
}

impl From<Vec<u8>> for RequestData {
    fn from(b: Vec<u8>) -> Self {
        RequestData::Bytes(b)
    }
}

impl From<&[u8]> for RequestData {
    fn from(b: &[u8]) -> Self {
        RequestData::Bytes(b.to_vec())
    }
}

impl<const N: usize> From<&[u8; N]> for RequestData {
    fn from(b: &[u8; N]) -> Self {
        RequestData::Bytes(b.to_vec())
    }
}

impl From<String> for RequestData {
    fn from(s: String) -> Self {
        RequestData::Bytes(s.into_bytes())
    }
}

impl From<&str> for RequestData {
    fn from(s: &str) -> Self {
        RequestData::Bytes(s.as_bytes().to_vec())
    }
}

/// Python's `urllib.request.Request`: a URL with its method, body and headers,
/// as the handlers see and change it.
///
/// Header names are stored as `str.capitalize()` makes them (`Content-type`), as
/// CPython stores them; `headers` are copied to a redirected request,
/// `unredirected_hdrs` (authentication, cookies, Host) are not.
///
/// ```
/// use netstd_httpclient::urllib::request::Request;
/// let mut r = Request::new("http://www.example.com:8080/a/b?c=1#frag").unwrap();
/// assert_eq!(r.type_(), "http");
/// assert_eq!(r.host(), "www.example.com:8080");
/// assert_eq!(r.selector(), "/a/b?c=1");
/// assert_eq!(r.full_url(), "http://www.example.com:8080/a/b?c=1#frag");
/// assert_eq!(r.origin_req_host(), "www.example.com");
/// r.add_header("user-agent", "me");
/// assert_eq!(r.get_header("User-agent"), Some("me"));
/// assert_eq!(r.get_method(), "GET");
/// ```
#[derive(Debug, Clone)]
pub struct Request {
    full_url: String,
    fragment: Option<String>,
    type_: String,
    host: String,
    selector: String,
    data: Option<RequestData>,
    headers: Vec<(String, String)>,
    unredirected_hdrs: Vec<(String, String)>,
    origin_req_host: String,
    origin_explicit: bool,
    unverifiable: bool,
    method: Option<String>,
    tunnel_host: Option<String>,
    timeout: Option<Duration>,
    pub(crate) redirect_dict: Option<HashMap<String, u32>>,
    pub(crate) digest_retries: u32,
    /// Requests opened again for this one (redirects, retries, proxies).
    pub(crate) hops: u32,
}

/// `str.capitalize()`: the first character upper case, the rest lower case.
pub(crate) fn capitalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
    }
    for c in chars {
        out.extend(c.to_lowercase());
    }
    out
}

/// `_splittype`: `([^/:]+):(.*)` → (scheme lower-cased, rest).
pub(crate) fn splittype(url: &str) -> (Option<String>, &str) {
    match url.find(':') {
        Some(i) if i > 0 && !url[..i].contains('/') => {
            (Some(url[..i].to_lowercase()), &url[i + 1..])
        }
        _ => (None, url),
    }
}

/// `_splithost`: `//([^/#?]*)(.*)` → (host and port, path with a leading `/`).
pub(crate) fn splithost(url: &str) -> (Option<&str>, String) {
    match url.strip_prefix("//") {
        Some(r) => {
            let end = r.find(['/', '#', '?']).unwrap_or(r.len());
            let (host, path) = r.split_at(end);
            let path = if !path.is_empty() && !path.starts_with('/') {
                format!("/{path}")
            } else {
                path.to_owned()
            };
            (Some(host), path)
        }
        None => (None, url.to_owned()),
    }
}

/// `_splitport`: `(.*):([0-9]*)` → (host, port); an empty port leaves the host
/// without its colon, as CPython's does.
pub(crate) fn splitport(host: &str) -> (&str, Option<&str>) {
    if let Some(i) = host.rfind(':') {
        let port = &host[i + 1..];
        if port.bytes().all(|b| b.is_ascii_digit()) {
            return (&host[..i], (!port.is_empty()).then_some(port));
        }
    }
    (host, None)
}

impl Request {
    /// `Request(url)`: `ValueError("unknown url type: ...")` for a URL without a scheme.
    ///
    /// ```
    /// use netstd_httpclient::urllib::request::Request;
    /// assert!(Request::new("example.com/x").is_err());
    /// assert_eq!(Request::new("<URL:http://a/b>").unwrap().full_url(), "http://a/b");
    /// ```
    pub fn new(url: &str) -> Result<Request> {
        let mut req = Request {
            full_url: String::new(),
            fragment: None,
            type_: String::new(),
            host: String::new(),
            selector: String::new(),
            data: None,
            headers: Vec::new(),
            unredirected_hdrs: Vec::new(),
            origin_req_host: String::new(),
            origin_explicit: false,
            unverifiable: false,
            method: None,
            tunnel_host: None,
            timeout: None,
            redirect_dict: None,
            digest_retries: 0,
            hops: 0,
        };
        req.set_full_url(url)?;
        req.origin_req_host = netstd_cookiejar::request_host(&req);
        Ok(req)
    }

    /// `Request(url, data=...)`.
    pub fn with_data(mut self, data: impl Into<RequestData>) -> Self {
        self.set_data(Some(data.into()));
        self
    }

    /// `Request(url, headers={...})`: one header, as `add_header` (the default
    /// `origin_req_host` is worked out again, as `__init__` does after the headers).
    pub fn with_header(mut self, key: &str, value: &str) -> Self {
        self.add_header(key, value);
        if !self.origin_explicit {
            self.origin_req_host = netstd_cookiejar::request_host(&self);
        }
        self
    }

    /// `Request(url, method=...)` (an empty method is no method, as in CPython).
    pub fn with_method(mut self, method: &str) -> Self {
        self.method = (!method.is_empty()).then(|| method.to_owned());
        self
    }

    /// `Request(url, origin_req_host=...)`.
    pub fn with_origin_req_host(mut self, host: &str) -> Self {
        self.origin_req_host = host.to_owned();
        self.origin_explicit = true;
        self
    }

    /// `Request(url, unverifiable=...)`.
    pub fn with_unverifiable(mut self, unverifiable: bool) -> Self {
        self.unverifiable = unverifiable;
        self
    }

    /// `full_url`: the URL with its fragment.
    pub fn full_url(&self) -> String {
        match &self.fragment {
            Some(f) if !f.is_empty() => format!("{}#{f}", self.full_url),
            _ => self.full_url.clone(),
        }
    }

    /// `get_full_url()`.
    pub fn get_full_url(&self) -> String {
        self.full_url()
    }

    /// `full_url = url`: parses the URL again (type, host, selector, fragment).
    pub fn set_full_url(&mut self, url: &str) -> Result<()> {
        let url = netstd_urlparse::unwrap(url);
        let (url, fragment) = match url.rsplit_once('#') {
            Some((u, f)) => (u, Some(f.to_owned())),
            None => (url, None),
        };
        let (type_, rest) = splittype(url);
        let type_ = type_.ok_or_else(|| {
            Error::ValueError(format!(
                "unknown url type: {}",
                netstd_urlparse::py_repr(url)
            ))
        })?;
        let (host, selector) = splithost(rest);
        self.full_url = url.to_owned();
        self.fragment = fragment;
        self.type_ = type_;
        self.host = host
            .map(|h| netstd_urlparse::unquote(h).into_owned())
            .unwrap_or_default();
        self.selector = selector;
        Ok(())
    }

    /// `type`: the URL scheme, lower case (`proxy type` after `set_proxy`).
    pub fn type_(&self) -> &str {
        &self.type_
    }

    /// `host`: the host and port (the proxy's after `set_proxy`); empty when the URL
    /// has no `//`.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// `selector`: the path and query sent on the request line (the whole URL
    /// through a proxy).
    pub fn selector(&self) -> &str {
        &self.selector
    }

    /// `fragment`.
    pub fn fragment(&self) -> Option<&str> {
        self.fragment.as_deref()
    }

    /// `data`.
    pub fn data(&self) -> Option<&RequestData> {
        self.data.as_ref()
    }

    /// `data = ...`: a different body drops a Content-length header set before.
    pub fn set_data(&mut self, data: Option<RequestData>) {
        let same = match (&self.data, &data) {
            (None, None) => true,
            (Some(RequestData::Bytes(a)), Some(RequestData::Bytes(b))) => a == b,
            (Some(RequestData::Reader(a)), Some(RequestData::Reader(b))) => Arc::ptr_eq(a, b),
            _ => false,
        };
        if !same {
            self.data = data;
            self.remove_header("Content-length");
        }
    }

    /// `origin_req_host`.
    pub fn origin_req_host(&self) -> &str {
        &self.origin_req_host
    }

    /// `unverifiable`.
    pub fn unverifiable(&self) -> bool {
        self.unverifiable
    }

    /// `method` as set (`None`: chosen by `get_method`).
    pub fn method(&self) -> Option<&str> {
        self.method.as_deref()
    }

    /// `timeout` as the opener set it.
    pub fn timeout(&self) -> Option<Duration> {
        self.timeout
    }

    /// Sets `timeout` (the opener's `timeout=` does).
    pub fn set_timeout(&mut self, timeout: Option<Duration>) {
        self.timeout = timeout;
    }

    /// `get_method()`: the method given, else POST with a body and GET without.
    pub fn get_method(&self) -> &str {
        match &self.method {
            Some(m) => m,
            None if self.data.is_some() => "POST",
            None => "GET",
        }
    }

    /// `headers`: the headers copied to a redirected request.
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// `unredirected_hdrs`: the headers this request alone carries.
    pub fn unredirected_hdrs(&self) -> &[(String, String)] {
        &self.unredirected_hdrs
    }

    fn put(list: &mut Vec<(String, String)>, key: String, value: &str) {
        match list.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value.to_owned(),
            None => list.push((key, value.to_owned())),
        }
    }

    /// `add_header(key, val)`: the name capitalized; replaces a value set before.
    pub fn add_header(&mut self, key: &str, value: &str) {
        Self::put(&mut self.headers, capitalize(key), value);
    }

    /// `add_unredirected_header(key, val)`.
    pub fn add_unredirected_header(&mut self, key: &str, value: &str) {
        Self::put(&mut self.unredirected_hdrs, capitalize(key), value);
    }

    /// `has_header(name)`: exact (capitalized) name in either set.
    pub fn has_header(&self, name: &str) -> bool {
        self.headers
            .iter()
            .chain(&self.unredirected_hdrs)
            .any(|(k, _)| k == name)
    }

    /// `get_header(name, default=None)`: `headers` first, then `unredirected_hdrs`.
    pub fn get_header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .chain(&self.unredirected_hdrs)
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// `remove_header(name)`: from both sets.
    pub fn remove_header(&mut self, name: &str) {
        self.headers.retain(|(k, _)| k != name);
        self.unredirected_hdrs.retain(|(k, _)| k != name);
    }

    /// `header_items()`: `{**unredirected_hdrs, **headers}` as pairs.
    pub fn header_items(&self) -> Vec<(String, String)> {
        let mut items = self.unredirected_hdrs.clone();
        for (k, v) in &self.headers {
            Self::put(&mut items, k.clone(), v);
        }
        items
    }

    /// `set_proxy(host, type)`: an https request keeps its type and tunnels
    /// (CONNECT); any other is sent whole to the proxy.
    ///
    /// ```
    /// use netstd_httpclient::urllib::request::Request;
    /// let mut r = Request::new("http://example.com/x").unwrap();
    /// r.set_proxy("proxy:3128", "http");
    /// assert_eq!((r.host(), r.selector()), ("proxy:3128", "http://example.com/x"));
    /// assert!(r.has_proxy());
    /// let mut s = Request::new("https://example.com/x").unwrap();
    /// s.set_proxy("proxy:3128", "http");
    /// assert_eq!(s.tunnel_host(), Some("example.com"));
    /// ```
    pub fn set_proxy(&mut self, host: &str, type_: &str) {
        if self.type_ == "https" && self.tunnel_host.is_none() {
            self.tunnel_host = Some(self.host.clone());
        } else {
            self.type_ = type_.to_owned();
            self.selector = self.full_url.clone();
        }
        self.host = host.to_owned();
    }

    /// `has_proxy()`: the selector is the whole URL.
    pub fn has_proxy(&self) -> bool {
        self.selector == self.full_url
    }

    /// `_tunnel_host`: the host a CONNECT tunnel goes to.
    pub fn tunnel_host(&self) -> Option<&str> {
        self.tunnel_host.as_deref()
    }
}

impl netstd_cookiejar::CookieRequest for Request {
    fn get_full_url(&self) -> String {
        self.full_url()
    }
    fn host(&self) -> Option<String> {
        (!self.host.is_empty()).then(|| self.host.clone())
    }
    fn type_(&self) -> String {
        self.type_.clone()
    }
    fn unverifiable(&self) -> bool {
        self.unverifiable
    }
    fn origin_req_host(&self) -> String {
        self.origin_req_host.clone()
    }
    fn has_header(&self, name: &str) -> bool {
        Request::has_header(self, name)
    }
    fn get_header(&self, name: &str) -> Option<String> {
        Request::get_header(self, name).map(str::to_owned)
    }
    fn add_unredirected_header(&mut self, name: &str, value: &str) {
        Request::add_unredirected_header(self, name, value)
    }
}

/// What `urlopen` and `OpenerDirector::open` take: a URL or a [`Request`].
pub trait IntoRequest {
    /// The request (a URL is parsed as `Request(url)`).
    fn into_request(self) -> Result<Request>;
}

impl IntoRequest for Request {
    fn into_request(self) -> Result<Request> {
        Ok(self)
    }
}

impl IntoRequest for &str {
    fn into_request(self) -> Result<Request> {
        Request::new(self)
    }
}

impl IntoRequest for String {
    fn into_request(self) -> Result<Request> {
        Request::new(&self)
    }
}

impl IntoRequest for &String {
    fn into_request(self) -> Result<Request> {
        Request::new(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitters_as_cpython() {
        assert_eq!(splittype("HTTP://a"), (Some("http".into()), "//a"));
        assert_eq!(splittype("/a:b"), (None, "/a:b"));
        assert_eq!(splittype(":x"), (None, ":x"));
        assert_eq!(splithost("//h:1?q"), (Some("h:1"), "/?q".to_owned()));
        assert_eq!(splithost("/p"), (None, "/p".to_owned()));
        assert_eq!(splitport("h:80"), ("h", Some("80")));
        assert_eq!(splitport("h:"), ("h", None));
        assert_eq!(splitport("h:x"), ("h:x", None));
        assert_eq!(splitport("[::1]:8"), ("[::1]", Some("8")));
    }

    #[test]
    fn request_as_cpython() {
        let mut r = Request::new("http://h/p").unwrap();
        r.add_unredirected_header("Host", "h");
        r.add_header("a", "1");
        r.add_header("A", "2");
        assert_eq!(
            r.header_items(),
            [("Host".into(), "h".into()), ("A".into(), "2".into())]
        );
        r.set_data(Some("x".into()));
        assert_eq!(r.get_method(), "POST");
        r.add_header("content-length", "1");
        r.set_data(Some("yy".into()));
        assert!(!r.has_header("Content-length"));
        let r = Request::new("file:///etc/passwd").unwrap();
        assert_eq!((r.host(), r.selector()), ("", "/etc/passwd"));
        let mut same = Request::new("http://h/").unwrap().with_data("yy");
        same.add_header("Content-length", "2");
        same.set_data(Some("yy".into()));
        assert!(same.has_header("Content-length"), "the same data keeps it");
        assert_eq!(
            Request::new("http://h/")
                .unwrap()
                .with_method("")
                .get_method(),
            "GET"
        );
        let r = Request::new("file:///x")
            .unwrap()
            .with_header("Host", "Foo.com:80");
        assert_eq!(r.origin_req_host(), "foo.com");
        let r = Request::new("http://%61b/").unwrap();
        assert_eq!(r.host(), "ab");
        assert!(matches!(Request::new("nourl"), Err(Error::ValueError(_))));
    }
}
