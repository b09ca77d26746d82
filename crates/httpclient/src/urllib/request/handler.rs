//! `urllib.request.BaseHandler`: CPython's handler protocol as a trait with default
//! methods, and the answers a handler gives the opener.

use netstd_core::ssl::SSLContext;

use super::req::Request;
use crate::Result;
use crate::urllib::error::HTTPError;
use crate::urllib::response::{ResponseHead, addinfourl};

/// `BaseHandler.handler_order`: 500 unless a handler says otherwise.
pub const DEFAULT_HANDLER_ORDER: i32 = 500;

/// What a handler may read of its `parent` (the opener) while it decides.
#[derive(Debug, Clone, Copy)]
pub struct Parent<'a> {
    /// `parent.addheaders`: headers every HTTP request gets unless it has them.
    pub addheaders: &'a [(String, String)],
}

/// How an HTTP(S) request is to be fetched: what `AbstractHTTPHandler.do_open`
/// needs from its handler. The opener of each face does the I/O.
#[derive(Debug, Clone)]
pub struct HttpOpen {
    /// `HTTPSConnection` rather than `HTTPConnection`.
    pub https: bool,
    /// The TLS context for HTTPS (`None`: the verified default).
    pub context: Option<SSLContext>,
    /// `set_debuglevel`.
    pub debuglevel: u32,
}

/// The answer of an `*_open` method.
#[derive(Debug)]
#[non_exhaustive]
#[allow(clippy::large_enum_variant)] // made once per request and moved once: no box
pub enum Opened {
    /// Python's `None`: not this handler's; the chain goes on.
    Pass,
    /// A response made here (`file:`, `data:`, a protocol of your own).
    Response(addinfourl),
    /// Fetch it over HTTP(S), as `do_open` does.
    Http(HttpOpen),
    /// `return self.parent.open(req)`: open the (changed) request from the start.
    Reopen(Request),
}

/// The answer of a `*_response` method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseAction {
    /// Keep the response and go on.
    Keep,
    /// `response = self.parent.error('http', request, response, code, msg, hdrs)`:
    /// hand the response to the `http_error_*` handlers.
    HttpError,
}

/// The answer of an `http_error_<code>` or `http_error_default` method.
#[derive(Debug)]
#[non_exhaustive]
#[allow(clippy::large_enum_variant)] // made once per error response: no box
pub enum ErrorAction {
    /// Python's `None`: not handled here.
    Pass,
    /// `return self.parent.open(new, timeout=req.timeout)`: the response of this
    /// request (a redirect, a retry with credentials) replaces the error.
    Retry(Request),
    /// `raise HTTPError(...)`: the opener attaches the response body.
    Raise(HTTPError),
}

/// Which of `build_opener`'s default handler classes a handler stands for, so that
/// passing one of yours replaces the default (CPython's `isinstance` check).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HandlerKind {
    /// `ProxyHandler`.
    Proxy,
    /// `UnknownHandler`.
    Unknown,
    /// `HTTPHandler`.
    Http,
    /// `HTTPDefaultErrorHandler`.
    DefaultError,
    /// `HTTPRedirectHandler`.
    Redirect,
    /// `FTPHandler` (the seam the ftplib crate will fill).
    Ftp,
    /// `FileHandler`.
    File,
    /// `HTTPErrorProcessor`.
    ErrorProcessor,
    /// `DataHandler`.
    Data,
    /// `HTTPSHandler`.
    Https,
}

/// Python's `urllib.request.BaseHandler`. CPython finds a handler's methods by name
/// (`http_open`, `https_request`, `http_error_404`); here they are methods taking
/// the protocol or the code, every one with a default that does nothing, so a
/// handler implements only what it handles. Handlers are shared by the threads
/// using an opener: keep state behind a `Mutex`.
///
/// Where CPython's handler would call `self.parent.open(...)`, return
/// [`ErrorAction::Retry`] or [`Opened::Reopen`]; the opener opens it, with the
/// timeout of the request it came from.
///
/// ```
/// use netstd_httpclient::Result;
/// use netstd_httpclient::urllib::request::{BaseHandler, Parent, Request, build_opener};
///
/// /// Adds a header to every request, like a `http_request` processor.
/// struct ApiKey(String);
/// impl BaseHandler for ApiKey {
///     fn request(&self, protocol: &str, req: &mut Request, _: &Parent<'_>) -> Result<()> {
///         if protocol == "https" {
///             req.add_unredirected_header("X-api-key", &self.0);
///         }
///         Ok(())
///     }
/// }
/// let opener = build_opener(vec![Box::new(ApiKey("k".into())) as Box<dyn BaseHandler>]);
/// # drop(opener);
/// ```
pub trait BaseHandler: Send + Sync {
    /// `handler_order`: lower runs first (ties keep the order of addition).
    fn handler_order(&self) -> i32 {
        DEFAULT_HANDLER_ORDER
    }

    /// The default class of `build_opener` this handler replaces, if any.
    fn kind(&self) -> Option<HandlerKind> {
        None
    }

    /// `<protocol>_request(req)`: change the request before it is opened.
    fn request(&self, protocol: &str, req: &mut Request, parent: &Parent<'_>) -> Result<()> {
        let _ = (protocol, req, parent);
        Ok(())
    }

    /// `default_open(req)`: tried before the protocol's openers.
    fn default_open(&self, req: &mut Request, parent: &Parent<'_>) -> Result<Opened> {
        let _ = (req, parent);
        Ok(Opened::Pass)
    }

    /// `<protocol>_open(req)`.
    fn open(&self, protocol: &str, req: &mut Request, parent: &Parent<'_>) -> Result<Opened> {
        let _ = (protocol, req, parent);
        Ok(Opened::Pass)
    }

    /// `unknown_open(req)`: tried when no protocol opener answered.
    fn unknown_open(&self, req: &mut Request, parent: &Parent<'_>) -> Result<Opened> {
        let _ = (req, parent);
        Ok(Opened::Pass)
    }

    /// `<protocol>_response(req, response)`: look at (and change) the response.
    fn response(
        &self,
        protocol: &str,
        req: &Request,
        head: &mut ResponseHead,
        parent: &Parent<'_>,
    ) -> Result<ResponseAction> {
        let _ = (protocol, req, head, parent);
        Ok(ResponseAction::Keep)
    }

    /// `http_error_<code>(req, fp, code, msg, hdrs)`.
    fn http_error(
        &self,
        code: u16,
        req: &Request,
        head: &ResponseHead,
        parent: &Parent<'_>,
    ) -> Result<ErrorAction> {
        let _ = (code, req, head, parent);
        Ok(ErrorAction::Pass)
    }

    /// `http_error_default(req, fp, code, msg, hdrs)`.
    fn http_error_default(
        &self,
        req: &Request,
        head: &ResponseHead,
        parent: &Parent<'_>,
    ) -> Result<ErrorAction> {
        let _ = (req, head, parent);
        Ok(ErrorAction::Pass)
    }
}
