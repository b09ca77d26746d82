//! `urllib.request.OpenerDirector`, `build_opener`, `install_opener` and `urlopen`,
//! blocking.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use super::handler::{
    BaseHandler, ErrorAction, HandlerKind, HttpOpen, Opened, Parent, ResponseAction,
};
use super::handlers::{
    DataHandler, FileHandler, HTTPDefaultErrorHandler, HTTPErrorProcessor, HTTPHandler,
    HTTPRedirectHandler, HTTPSHandler, ProxyHandler, UnknownHandler, http::HttpPlan,
};
use super::req::{IntoRequest, Request, RequestData};
use crate::urllib::error::ErrorBody;
use crate::urllib::response::addinfourl;
use crate::{Error, HTTPConnection, HTTPSConnection, Result};

/// `OpenerDirector.addheaders`' default: `[("User-agent", "Python-urllib/3.x")]` in
/// CPython; netstd names itself.
pub const USER_AGENT: &str = concat!("Python-urllib/3.14 netstd/", env!("CARGO_PKG_VERSION"));

/// The most requests one `open` makes for redirects, authentication retries and
/// proxy reopens together.
pub const MAX_HOPS: u32 = 50;

/// The handlers of an opener in `handler_order` (ties in the order of addition)
/// and its `addheaders`: the part both faces share.
#[derive(Clone)]
pub(crate) struct Chain {
    pub(crate) handlers: Vec<Arc<dyn BaseHandler>>,
    pub(crate) addheaders: Vec<(String, String)>,
}

impl Chain {
    fn new() -> Self {
        Chain {
            handlers: Vec::new(),
            addheaders: vec![("User-agent".into(), USER_AGENT.into())],
        }
    }

    fn add(&mut self, handler: Arc<dyn BaseHandler>) {
        // bisect.insort: after every handler of the same order
        let order = handler.handler_order();
        let at = self
            .handlers
            .partition_point(|h| h.handler_order() <= order);
        self.handlers.insert(at, handler);
    }

    pub(crate) fn parent(&self) -> Parent<'_> {
        Parent {
            addheaders: &self.addheaders,
        }
    }

    /// `req = Request(fullurl, data)` or `req.data = data`; `req.timeout = timeout`.
    pub(crate) fn prepare(
        url: impl IntoRequest,
        data: Option<RequestData>,
        timeout: Option<Duration>,
    ) -> Result<Request> {
        let mut req = url.into_request()?;
        if data.is_some() {
            req.set_data(data);
        }
        req.set_timeout(timeout);
        Ok(req)
    }

    /// The request to open next for `from` (a redirect, a retry, a proxy's reopen),
    /// with `from`'s timeout; at most [`MAX_HOPS`] in one chain, so handlers that
    /// keep answering cannot recurse without end (CPython: `RecursionError`).
    pub(crate) fn next_hop(from: &Request, mut new: Request) -> Result<Request> {
        new.hops = from.hops + 1;
        if new.hops > MAX_HOPS {
            return Err(Error::url_error(format!(
                "more than {MAX_HOPS} redirects, retries and reopens of one request"
            )));
        }
        new.set_timeout(from.timeout());
        Ok(new)
    }

    /// Every `<protocol>_request` processor.
    pub(crate) fn process_request(&self, protocol: &str, req: &mut Request) -> Result<()> {
        let parent = self.parent();
        self.handlers
            .iter()
            .try_for_each(|h| h.request(protocol, req, &parent))
    }

    /// `_open`'s three chains, up to the first handler that answers.
    pub(crate) fn open_chain(&self, req: &mut Request) -> Result<Opened> {
        let parent = self.parent();
        for stage in 0..3 {
            let protocol = req.type_().to_owned();
            for h in &self.handlers {
                let opened = match stage {
                    0 => h.default_open(req, &parent)?,
                    1 => h.open(&protocol, req, &parent)?,
                    _ => h.unknown_open(req, &parent)?,
                };
                if !matches!(opened, Opened::Pass) {
                    return Ok(opened);
                }
            }
        }
        Err(Error::url_error(format!(
            "unknown url type: {}",
            req.type_()
        )))
    }

    /// The `http_error_<code>` handlers, then the `http_error_default` ones.
    pub(crate) fn error_action(
        &self,
        code: u16,
        req: &Request,
        head: &crate::urllib::response::ResponseHead,
    ) -> Result<ErrorAction> {
        let parent = self.parent();
        for h in &self.handlers {
            match h.http_error(code, req, head, &parent)? {
                ErrorAction::Pass => {}
                other => return Ok(other),
            }
        }
        for h in &self.handlers {
            match h.http_error_default(req, head, &parent)? {
                ErrorAction::Pass => {}
                other => return Ok(other),
            }
        }
        Ok(ErrorAction::Pass)
    }
}

/// Python's `urllib.request.OpenerDirector`: opens URLs through a chain of
/// [`BaseHandler`]s. Cheap to clone (the handlers are shared) and usable from many
/// threads at once.
///
/// ```
/// # fn main() -> netstd_httpclient::Result<()> {
/// use netstd_httpclient::urllib::request::{DataHandler, OpenerDirector};
/// let mut opener = OpenerDirector::new();
/// opener.add_handler(DataHandler::new());
/// assert_eq!(opener.open("data:,hello")?.read()?, b"hello");
/// assert!(opener.open("http://example.com/").is_err()); // no HTTP handler added
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct OpenerDirector {
    pub(crate) chain: Chain,
}

impl std::fmt::Debug for OpenerDirector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenerDirector")
            .field("handlers", &self.chain.handlers.len())
            .field("addheaders", &self.chain.addheaders)
            .finish()
    }
}

impl Default for OpenerDirector {
    fn default() -> Self {
        Self::new()
    }
}

impl OpenerDirector {
    /// `OpenerDirector()`: no handlers, `addheaders` with the User-agent.
    pub fn new() -> Self {
        OpenerDirector {
            chain: Chain::new(),
        }
    }

    /// `add_handler(handler)`.
    pub fn add_handler(&mut self, handler: impl BaseHandler + 'static) {
        self.chain.add(Arc::new(handler));
    }

    /// `add_handler(handler)` for a handler you keep a reference to (a password
    /// manager's handler, a cookie processor whose jar you read afterwards).
    pub fn add_handler_arc(&mut self, handler: Arc<dyn BaseHandler>) {
        self.chain.add(handler);
    }

    /// `handlers`: in the order they are consulted.
    pub fn handlers(&self) -> &[Arc<dyn BaseHandler>] {
        &self.chain.handlers
    }

    /// `addheaders`.
    pub fn addheaders(&self) -> &[(String, String)] {
        &self.chain.addheaders
    }

    /// `addheaders = [...]`.
    pub fn set_addheaders(&mut self, headers: Vec<(String, String)>) {
        self.chain.addheaders = headers;
    }

    /// `open(fullurl)`.
    pub fn open(&self, url: impl IntoRequest) -> Result<addinfourl> {
        self.open_with(url, None, None)
    }

    /// `open(fullurl, data=None, timeout=...)`: `timeout` `None` is the socket
    /// default (no timeout).
    pub fn open_with(
        &self,
        url: impl IntoRequest,
        data: Option<RequestData>,
        timeout: Option<Duration>,
    ) -> Result<addinfourl> {
        self.open_request(Chain::prepare(url, data, timeout)?)
    }

    fn open_request(&self, mut req: Request) -> Result<addinfourl> {
        let protocol = req.type_().to_owned();
        self.chain.process_request(&protocol, &mut req)?;
        let mut resp = match self.chain.open_chain(&mut req)? {
            Opened::Response(r) => r,
            Opened::Http(how) => do_open(&how, &req)?,
            Opened::Reopen(new) => return self.open_request(Chain::next_hop(&req, new)?),
            Opened::Pass => {
                return Err(Error::url_error(format!("unknown url type: {protocol}")));
            }
        };
        let parent = self.chain.parent();
        for h in &self.chain.handlers {
            if h.response(&protocol, &req, resp.head_mut(), &parent)? == ResponseAction::HttpError {
                let code = resp.status().unwrap_or(0);
                resp = self.error(&req, resp, code)?;
            }
        }
        Ok(resp)
    }

    /// `error('http', req, fp, code, msg, hdrs)`: the `http_error_<code>` handlers,
    /// then `http_error_default`; the response back when none acts.
    pub fn error(&self, req: &Request, resp: addinfourl, code: u16) -> Result<addinfourl> {
        match self.chain.error_action(code, req, resp.head())? {
            ErrorAction::Pass => Ok(resp),
            ErrorAction::Retry(new) => {
                drop(resp);
                self.open_request(Chain::next_hop(req, new)?)
            }
            ErrorAction::Raise(e) => Err(Error::HTTPError(Box::new(
                e.with_body(ErrorBody::Blocking(Box::new(resp))),
            ))),
        }
    }
}

/// `AbstractHTTPHandler.do_open`, blocking.
fn do_open(how: &HttpOpen, req: &Request) -> Result<addinfourl> {
    let plan = HttpPlan::new(req);
    let opts = plan.connection_options(req, how);
    let mut h = if how.https {
        HTTPSConnection::new_with(req.host(), &opts)?.0
    } else {
        HTTPConnection::new_with(req.host(), &opts)?
    };
    h.set_debuglevel(how.debuglevel);
    if let Some((host, headers)) = plan.tunnel() {
        h.set_tunnel(host, None, &headers)?;
    }
    let opts = plan.request_options(req, crate::Body::reader);
    h.request_with(req.get_method(), req.selector(), opts)
        .map_err(Error::wrap_os_error)?;
    Ok(addinfourl::from_http(h.getresponse()?, &req.full_url()))
}

/// Python's `urllib.request.build_opener(*handlers)`: an opener with the default
/// handlers (`ProxyHandler` from the environment, `UnknownHandler`, `HTTPHandler`,
/// `HTTPDefaultErrorHandler`, `HTTPRedirectHandler`, `FileHandler`,
/// `HTTPErrorProcessor`, `DataHandler`, `HTTPSHandler`), except those your handlers
/// replace (same [`HandlerKind`]), then yours.
///
/// ```
/// use netstd_httpclient::urllib::request::{BaseHandler, HTTPBasicAuthHandler, build_opener};
/// let auth = HTTPBasicAuthHandler::new(None);
/// auth.add_password(Some("realm"), &["http://localhost/"], "user", "secret");
/// let opener = build_opener(vec![Box::new(auth) as Box<dyn BaseHandler>]);
/// assert_eq!(opener.handlers().len(), 10);
/// ```
pub fn build_opener(handlers: Vec<Box<dyn BaseHandler>>) -> OpenerDirector {
    let mut opener = OpenerDirector::new();
    let replaced: Vec<HandlerKind> = handlers.iter().filter_map(|h| h.kind()).collect();
    for default in default_handlers() {
        if default.kind().is_some_and(|k| !replaced.contains(&k)) {
            opener.chain.add(default);
        }
    }
    for h in handlers {
        opener.chain.add(Arc::from(h));
    }
    opener
}

fn default_handlers() -> Vec<Arc<dyn BaseHandler>> {
    vec![
        Arc::new(ProxyHandler::new(None)),
        Arc::new(UnknownHandler),
        Arc::new(HTTPHandler::new()),
        Arc::new(HTTPDefaultErrorHandler),
        Arc::new(HTTPRedirectHandler::new()),
        Arc::new(FileHandler),
        Arc::new(HTTPErrorProcessor),
        Arc::new(DataHandler::new()),
        Arc::new(HTTPSHandler::new(None)),
    ]
}

static INSTALLED: RwLock<Option<OpenerDirector>> = RwLock::new(None);

/// Python's `urllib.request.install_opener(opener)`: the opener `urlopen` uses
/// from now on (`None`: back to `build_opener()`'s).
///
/// ```
/// use netstd_httpclient::urllib::request::{build_opener, install_opener};
/// let mut opener = build_opener(vec![]);
/// opener.set_addheaders(vec![("User-agent".into(), "my-crawler/1.0".into())]);
/// install_opener(Some(opener));
/// # install_opener(None);
/// ```
pub fn install_opener(opener: Option<OpenerDirector>) {
    *INSTALLED.write().unwrap_or_else(|p| p.into_inner()) = opener;
}

/// The installed opener, made by `build_opener()` on first use.
pub(crate) fn installed_opener() -> OpenerDirector {
    if let Some(o) = INSTALLED.read().unwrap_or_else(|p| p.into_inner()).as_ref() {
        return o.clone();
    }
    let mut slot = INSTALLED.write().unwrap_or_else(|p| p.into_inner());
    slot.get_or_insert_with(|| build_opener(vec![])).clone()
}

/// Python's `urllib.request.urlopen(url)`: opens a URL (`http`, `https`, `file`,
/// `data`) or a [`Request`] with the installed opener. HTTP error statuses are
/// `Error::HTTPError`; failures to reach the server `Error::URLError`.
///
/// ```no_run
/// # fn main() -> netstd_httpclient::Result<()> {
/// use netstd_httpclient::urllib::request::urlopen;
/// let mut resp = urlopen("https://www.python.org/")?;
/// assert_eq!(resp.status(), Some(200));
/// let body = resp.read()?;
/// # drop(body); Ok(()) }
/// ```
pub fn urlopen(url: impl IntoRequest) -> Result<addinfourl> {
    installed_opener().open(url)
}

/// `urlopen(url, data=None, timeout=..., *, context=None)`.
///
/// ```no_run
/// # fn main() -> netstd_httpclient::Result<()> {
/// use std::time::Duration;
/// use netstd_httpclient::urllib::request::{UrlopenOptions, urlopen_with};
/// let resp = urlopen_with("http://localhost:8000/form", UrlopenOptions::new()
///     .data("name=value").timeout(Duration::from_secs(10)))?;
/// # drop(resp); Ok(()) }
/// ```
pub fn urlopen_with(url: impl IntoRequest, options: UrlopenOptions) -> Result<addinfourl> {
    match options.context {
        Some(ctx) => {
            let opener = build_opener(vec![
                Box::new(HTTPSHandler::new(Some(ctx))) as Box<dyn BaseHandler>
            ]);
            opener.open_with(url, options.data, options.timeout)
        }
        None => installed_opener().open_with(url, options.data, options.timeout),
    }
}

/// The keyword arguments of `urlopen`: `data`, `timeout`, `context`.
#[derive(Debug, Clone, Default)]
pub struct UrlopenOptions {
    pub(crate) data: Option<RequestData>,
    pub(crate) timeout: Option<Duration>,
    pub(crate) context: Option<netstd_core::ssl::SSLContext>,
}

impl UrlopenOptions {
    /// No body, the default timeout and context.
    pub fn new() -> Self {
        Self::default()
    }

    /// `data=`: the body (the request becomes a POST).
    pub fn data(mut self, data: impl Into<RequestData>) -> Self {
        self.data = Some(data.into());
        self
    }

    /// `timeout=`: for connecting and each socket operation.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// `context=`: the TLS context for HTTPS (an opener with this HTTPSHandler is
    /// built for the call, as CPython does).
    pub fn context(mut self, context: netstd_core::ssl::SSLContext) -> Self {
        self.context = Some(context);
        self
    }
}
