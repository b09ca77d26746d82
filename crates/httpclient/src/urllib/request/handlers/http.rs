//! `HTTPHandler` and `HTTPSHandler` (`AbstractHTTPHandler`): the request's
//! automatic headers, and the plan of the exchange both faces carry out.

use std::io::Read;
use std::sync::{Arc, Mutex};

use netstd_core::ssl::SSLContext;

use crate::urllib::request::handler::{BaseHandler, HandlerKind, HttpOpen, Opened, Parent};
use crate::urllib::request::req::{Request, RequestData, capitalize, splithost, splittype};
use crate::{Body, ConnectionOptions, Error, RequestOptions, Result};

/// `AbstractHTTPHandler.do_request_`: Host, Content-type, Content-length (or
/// chunked for a reader) and the opener's `addheaders`, as unredirected headers.
fn do_request(req: &mut Request, parent: &Parent<'_>) -> Result<()> {
    if req.host().is_empty() {
        return Err(Error::url_error("no host given"));
    }
    if let Some(data) = req.data() {
        let length = match data {
            RequestData::Bytes(b) => Some(b.len()),
            RequestData::Reader(_) => None,
        };
        if !req.has_header("Content-type") {
            req.add_unredirected_header("Content-type", "application/x-www-form-urlencoded");
        }
        if !req.has_header("Content-length") && !req.has_header("Transfer-encoding") {
            match length {
                Some(n) => req.add_unredirected_header("Content-length", &n.to_string()),
                None => req.add_unredirected_header("Transfer-encoding", "chunked"),
            }
        }
    }
    let mut sel_host = req.host().to_owned();
    if req.has_proxy() {
        let (_, sel) = splittype(req.selector());
        if let (Some(h), _) = splithost(sel) {
            sel_host = h.to_owned();
        }
    }
    if !req.has_header("Host") {
        req.add_unredirected_header("Host", &sel_host);
    }
    for (name, value) in parent.addheaders {
        let name = capitalize(name);
        if !req.has_header(&name) {
            req.add_unredirected_header(&name, value);
        }
    }
    Ok(())
}

/// `str.title()`: each run of letters starts upper case, the rest lower case.
fn title(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut in_word = false;
    for c in name.chars() {
        if c.is_alphabetic() {
            if in_word {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            in_word = true;
        } else {
            out.push(c);
            in_word = false;
        }
    }
    out
}

/// The request's reader body, locked for each read.
pub(crate) struct SharedReader(pub(crate) Arc<Mutex<Box<dyn Read + Send>>>);

impl Read for SharedReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).read(buf)
    }
}

/// What `do_open` sends: the headers (unredirected ones first, `Connection: close`,
/// names title-cased), the CONNECT tunnel with the Proxy-Authorization moved to it,
/// and whether the body is chunked.
#[derive(Debug, Clone)]
pub(crate) struct HttpPlan {
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) tunnel: Option<(String, Vec<(String, String)>)>,
    pub(crate) encode_chunked: bool,
}

impl HttpPlan {
    pub(crate) fn new(req: &Request) -> Self {
        let mut headers: Vec<(String, String)> = req.unredirected_hdrs().to_vec();
        for (k, v) in req.headers() {
            if !headers.iter().any(|(k2, _)| k2 == k) {
                headers.push((k.clone(), v.clone()));
            }
        }
        // headers["Connection"] = "close": in place when the caller set one
        match headers.iter_mut().find(|(k, _)| k == "Connection") {
            Some(slot) => slot.1 = "close".into(),
            None => headers.push(("Connection".into(), "close".into())),
        }
        let mut titled: Vec<(String, String)> = Vec::with_capacity(headers.len());
        for (k, v) in headers {
            let k = title(&k);
            match titled.iter_mut().find(|(k2, _)| *k2 == k) {
                Some(slot) => slot.1 = v,
                None => titled.push((k, v)),
            }
        }
        let tunnel = req.tunnel_host().map(|host| {
            let mut tunnel_headers = Vec::new();
            if let Some(i) = titled.iter().position(|(k, _)| k == "Proxy-Authorization") {
                tunnel_headers.push(titled.remove(i));
            }
            (host.to_owned(), tunnel_headers)
        });
        HttpPlan {
            headers: titled,
            tunnel,
            encode_chunked: req.has_header("Transfer-encoding"),
        }
    }

    /// The connection's options: the request's timeout, the handler's context.
    pub(crate) fn connection_options(&self, req: &Request, how: &HttpOpen) -> ConnectionOptions {
        let mut opts = ConnectionOptions::new();
        if let Some(t) = req.timeout() {
            opts = opts.timeout(t);
        }
        if let (true, Some(ctx)) = (how.https, &how.context) {
            opts = opts.context(ctx.clone());
        }
        opts
    }

    /// `set_tunnel(host, headers=...)`'s arguments, when there is a tunnel.
    pub(crate) fn tunnel(&self) -> Option<(&str, Vec<(&str, &str)>)> {
        self.tunnel.as_ref().map(|(host, headers)| {
            (
                host.as_str(),
                headers
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect(),
            )
        })
    }

    /// `request(method, selector, data, headers, encode_chunked=...)`'s options;
    /// `reader` makes the face's body of a reader.
    pub(crate) fn request_options<'a>(
        &'a self,
        req: &'a Request,
        reader: impl FnOnce(SharedReader) -> Body<'a>,
    ) -> RequestOptions<'a> {
        let mut opts = RequestOptions::new().encode_chunked(self.encode_chunked);
        for (k, v) in &self.headers {
            opts = opts.header(k, v.as_str());
        }
        match req.data() {
            None => opts,
            Some(RequestData::Bytes(b)) => opts.body(b.as_slice()),
            Some(RequestData::Reader(r)) => opts.body(reader(SharedReader(r.clone()))),
        }
    }
}

/// Python's `urllib.request.HTTPHandler`: opens `http:` URLs, a new connection
/// each time (`Connection: close`), as CPython does.
///
/// ```
/// use netstd_httpclient::urllib::request::{BaseHandler, HTTPHandler, build_opener};
/// let opener = build_opener(vec![Box::new(HTTPHandler::with_debuglevel(1)) as Box<dyn BaseHandler>]);
/// # drop(opener);
/// ```
#[derive(Debug, Clone, Default)]
pub struct HTTPHandler {
    debuglevel: u32,
}

impl HTTPHandler {
    /// `HTTPHandler()`.
    pub fn new() -> Self {
        Self::default()
    }

    /// `HTTPHandler(debuglevel=n)`: prints what is sent and received.
    pub fn with_debuglevel(debuglevel: u32) -> Self {
        HTTPHandler { debuglevel }
    }
}

impl BaseHandler for HTTPHandler {
    fn kind(&self) -> Option<HandlerKind> {
        Some(HandlerKind::Http)
    }

    fn request(&self, protocol: &str, req: &mut Request, parent: &Parent<'_>) -> Result<()> {
        if protocol == "http" {
            do_request(req, parent)
        } else {
            Ok(())
        }
    }

    fn open(&self, protocol: &str, _: &mut Request, _: &Parent<'_>) -> Result<Opened> {
        Ok(if protocol == "http" {
            Opened::Http(HttpOpen {
                https: false,
                context: None,
                debuglevel: self.debuglevel,
            })
        } else {
            Opened::Pass
        })
    }
}

/// Python's `urllib.request.HTTPSHandler(debuglevel=None, context=None)`: opens
/// `https:` URLs, verifying the certificate and host name unless the context says
/// otherwise.
///
/// ```
/// use netstd_httpclient::urllib::request::{BaseHandler, HTTPSHandler, build_opener};
/// let ctx = netstd_core::ssl::create_default_context().unwrap();
/// let opener = build_opener(vec![Box::new(HTTPSHandler::new(Some(ctx))) as Box<dyn BaseHandler>]);
/// # drop(opener);
/// ```
#[derive(Debug, Clone, Default)]
pub struct HTTPSHandler {
    debuglevel: u32,
    context: Option<SSLContext>,
}

impl HTTPSHandler {
    /// `HTTPSHandler(context=context)`.
    pub fn new(context: Option<SSLContext>) -> Self {
        HTTPSHandler {
            debuglevel: 0,
            context,
        }
    }

    /// `HTTPSHandler(debuglevel=n, context=context)`.
    pub fn with_debuglevel(debuglevel: u32, context: Option<SSLContext>) -> Self {
        HTTPSHandler {
            debuglevel,
            context,
        }
    }
}

impl BaseHandler for HTTPSHandler {
    fn kind(&self) -> Option<HandlerKind> {
        Some(HandlerKind::Https)
    }

    fn request(&self, protocol: &str, req: &mut Request, parent: &Parent<'_>) -> Result<()> {
        if protocol == "https" {
            do_request(req, parent)
        } else {
            Ok(())
        }
    }

    fn open(&self, protocol: &str, _: &mut Request, _: &Parent<'_>) -> Result<Opened> {
        Ok(if protocol == "https" {
            Opened::Http(HttpOpen {
                https: true,
                context: self.context.clone(),
                debuglevel: self.debuglevel,
            })
        } else {
            Opened::Pass
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_as_python() {
        assert_eq!(title("content-type"), "Content-Type");
        assert_eq!(title("x-key2b"), "X-Key2B");
        assert_eq!(title("WWW-authenticate"), "Www-Authenticate");
    }

    #[test]
    fn plan_headers_as_do_open() {
        let mut r = Request::new("https://h/x").unwrap();
        r.add_header("Host", "other");
        r.add_unredirected_header("Host", "h");
        r.add_header("Proxy-authorization", "Basic x");
        r.add_header("connection", "keep-alive");
        r.set_proxy("proxy:3128", "http");
        let plan = HttpPlan::new(&r);
        assert_eq!(
            plan.headers,
            [
                ("Host".into(), "h".into()),
                ("Connection".into(), "close".into())
            ]
        );
        let (host, th) = plan.tunnel.unwrap();
        assert_eq!(host, "h");
        assert_eq!(
            th,
            [("Proxy-Authorization".to_owned(), "Basic x".to_owned())]
        );
    }
}
