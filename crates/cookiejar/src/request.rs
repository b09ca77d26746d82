//! The request and response sides: what CPython duck-types, as traits, and
//! `urllib.request.Request`-like values implementing them.

use crate::Error;

/// The request side of the jar: what `http.cookiejar` reads from (and adds to) a
/// `urllib.request.Request`. `netstd-httpclient` implements it for its requests.
///
/// ```
/// use netstd_cookiejar::{CookieRequest, Request};
/// let r = Request::new("http://www.example.com:8080/a?b#c").unwrap();
/// assert_eq!(r.host().as_deref(), Some("www.example.com:8080"));
/// assert_eq!(r.origin_req_host(), "www.example.com");
/// assert_eq!(r.type_(), "http");
/// ```
pub trait CookieRequest {
    /// `request.get_full_url()`.
    fn get_full_url(&self) -> String;
    /// `request.host`: the URL's host with its port, `None` for a URL without `//`.
    fn host(&self) -> Option<String>;
    /// `request.type`: the URL scheme, lowercase.
    fn type_(&self) -> String;
    /// `request.unverifiable`: the user had no chance to approve the request.
    fn unverifiable(&self) -> bool;
    /// `request.origin_req_host`: the request-host of the origin transaction.
    fn origin_req_host(&self) -> String;
    /// `request.has_header(name)` (the name capitalized as urllib stores it: `"Cookie"`).
    fn has_header(&self, name: &str) -> bool;
    /// `request.get_header(name)`.
    fn get_header(&self, name: &str) -> Option<String>;
    /// `request.add_unredirected_header(name, value)`.
    fn add_unredirected_header(&mut self, name: &str, value: &str);
}

/// The response side: `response.info().get_all(name)`.
///
/// ```
/// use netstd_cookiejar::{CookieResponse, Response};
/// let r = Response::from_lines(["Set-Cookie: a=1", "set-cookie: b=2"]);
/// assert_eq!(r.get_all("Set-Cookie"), ["a=1", "b=2"]);
/// ```
pub trait CookieResponse {
    /// Every value of header `name` (case-insensitive), in order.
    fn get_all(&self, name: &str) -> Vec<String>;
}

/// The parts of `urllib.request.Request(url)` the jar uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    full_url: String,
    fragment: Option<String>,
    type_: String,
    host: Option<String>,
    origin_req_host: String,
    unverifiable: bool,
    headers: Vec<(String, String)>,
    unredirected: Vec<(String, String)>,
}

fn capitalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, c) in name.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

impl Request {
    /// `urllib.request.Request(url)`: `ValueError` for a URL without a scheme.
    ///
    /// ```
    /// let r = netstd_cookiejar::Request::new("https://example.com/").unwrap();
    /// assert!(netstd_cookiejar::Request::new("example.com").is_err());
    /// # let _ = r;
    /// ```
    pub fn new(url: &str) -> Result<Request, Error> {
        let unwrapped = netstd_urlparse::unwrap(url);
        let (full, fragment) = match unwrapped.rsplit_once('#') {
            Some((a, b)) => (a.to_owned(), Some(b.to_owned())),
            None => (unwrapped.to_string(), None),
        };
        // _splittype: ([^/:]+):(.*)
        let (type_, rest) = match full.split_once(':') {
            Some((s, rest)) if !s.is_empty() && !s.contains('/') => (s.to_lowercase(), rest),
            _ => return Err(Error::ValueError(format!("unknown url type: {full:?}"))),
        };
        // _splithost: //([^/#?]*)(.*)
        let host = match rest.strip_prefix("//") {
            Some(r) => {
                let end = r.find(['/', '#', '?']).unwrap_or(r.len());
                Some(netstd_urlparse::unquote(&r[..end]).into_owned())
            }
            None => None,
        };
        let mut req = Request {
            full_url: full,
            fragment,
            type_,
            host,
            origin_req_host: String::new(),
            unverifiable: false,
            headers: Vec::new(),
            unredirected: Vec::new(),
        };
        req.origin_req_host = crate::domain::request_host(&req);
        Ok(req)
    }

    /// `Request(url, origin_req_host=...)`.
    pub fn with_origin_req_host(mut self, host: &str) -> Request {
        self.origin_req_host = host.to_lowercase();
        self
    }

    /// `Request(url, unverifiable=...)`.
    ///
    /// ```
    /// use netstd_cookiejar::{CookieRequest, Request};
    /// let r = Request::new("http://ads.net/").unwrap().with_unverifiable(true);
    /// assert!(r.unverifiable());
    /// ```
    pub fn with_unverifiable(mut self, unverifiable: bool) -> Request {
        self.unverifiable = unverifiable;
        self
    }

    /// `request.add_header(key, value)`.
    pub fn add_header(&mut self, key: &str, value: &str) {
        let key = capitalize(key);
        self.headers.retain(|(k, _)| *k != key);
        self.headers.push((key, value.to_owned()));
    }

    /// `request.header_items()`: the headers and the unredirected headers.
    ///
    /// ```
    /// use netstd_cookiejar::{CookieRequest, Request};
    /// let mut r = Request::new("http://a.com/").unwrap();
    /// r.add_header("cookie", "x=1");
    /// r.add_unredirected_header("Cookie2", "$Version=\"1\"");
    /// assert_eq!(r.header_items().len(), 2);
    /// assert!(r.has_header("Cookie"));
    /// ```
    pub fn header_items(&self) -> Vec<(String, String)> {
        let mut items = self.unredirected.clone();
        for (k, v) in &self.headers {
            items.retain(|(k2, _)| k2 != k);
            items.push((k.clone(), v.clone()));
        }
        items
    }
}

impl CookieRequest for Request {
    fn get_full_url(&self) -> String {
        match &self.fragment {
            Some(f) if !f.is_empty() => format!("{}#{f}", self.full_url),
            _ => self.full_url.clone(),
        }
    }
    fn host(&self) -> Option<String> {
        self.host.clone()
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
        self.headers
            .iter()
            .chain(&self.unredirected)
            .any(|(k, _)| k == name)
    }
    fn get_header(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .chain(&self.unredirected)
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }
    fn add_unredirected_header(&mut self, name: &str, value: &str) {
        let key = capitalize(name);
        self.unredirected.retain(|(k, _)| *k != key);
        self.unredirected.push((key, value.to_owned()));
    }
}

/// A response's headers as `email.message.Message` holds them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Response {
    headers: Vec<(String, String)>,
}

impl Response {
    /// No headers.
    pub fn new() -> Response {
        Response::default()
    }

    /// From `"Name: value"` lines, each split at its first colon and stripped.
    pub fn from_lines<I, S>(lines: I) -> Response
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut r = Response::new();
        for line in lines {
            let line = line.as_ref();
            let (name, value) = line.split_once(':').unwrap_or((line, ""));
            r.add_header(name.trim(), value.trim());
        }
        r
    }

    /// `message[name] = value`: adds a header (repeats are kept).
    pub fn add_header(&mut self, name: &str, value: &str) {
        self.headers.push((name.to_owned(), value.to_owned()));
    }
}

impl CookieResponse for Response {
    fn get_all(&self, name: &str) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
            .collect()
    }
}
