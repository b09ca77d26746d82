//! `urlopen` and the opener on tokio: the same handlers and decisions as the
//! blocking face (they are the same [`BaseHandler`] values),
//! with HTTP(S) fetched by the async client.
//!
//! ```no_run
//! # async fn demo() -> netstd_httpclient::Result<()> {
//! use netstd_httpclient::urllib::request::aio::urlopen;
//! let mut resp = urlopen("https://www.python.org/").await?;
//! let body = resp.read().await?;
//! # drop(body); Ok(()) }
//! ```

use std::io::Read;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncBufRead, AsyncRead, ReadBuf};

use super::handler::{BaseHandler, ErrorAction, HttpOpen, Opened, ResponseAction};
use super::handlers::http::HttpPlan;
use super::handlers::http::SharedReader;
use super::opener::{Chain, installed_opener};
use super::req::{IntoRequest, Request, RequestData};
use super::{HTTPSHandler, UrlopenOptions};
use crate::aio::{HTTPConnection, HTTPResponse, HTTPSConnection};
use crate::urllib::error::ErrorBody;
use crate::urllib::response::{ResponseHead, addinfourl};
use crate::{Error, Result};

enum Body {
    Http(Box<HTTPResponse>),
    /// A response a handler made (`data:`, `file:`): read in place.
    Local(Box<addinfourl>),
}

/// What the async `urlopen` returns: [`addinfourl`]'s accessors, with `read`
/// as async fns; also `AsyncRead` + `AsyncBufRead`.
pub struct Response {
    head: ResponseHead,
    body: Body,
}

impl std::fmt::Debug for Response {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Response")
            .field("head", &self.head)
            .finish_non_exhaustive()
    }
}

impl Response {
    /// The head the handlers see.
    pub fn head(&self) -> &ResponseHead {
        &self.head
    }

    /// `status` / `code`: `None` for `file:` and `data:`.
    pub fn status(&self) -> Option<u16> {
        self.head.status
    }

    /// `getcode()`.
    pub fn getcode(&self) -> Option<u16> {
        self.head.status
    }

    /// `reason` (and `msg`).
    pub fn reason(&self) -> &str {
        &self.head.reason
    }

    /// `headers` / `info()`.
    pub fn headers(&self) -> &netstd_http::HTTPMessage {
        &self.head.headers
    }

    /// `info()`.
    pub fn info(&self) -> &netstd_http::HTTPMessage {
        &self.head.headers
    }

    /// `getheader(name)`: every value joined with `", "`.
    pub fn getheader(&self, name: &str) -> Option<String> {
        let all = self.head.headers.get_all(name);
        (!all.is_empty()).then(|| all.join(", "))
    }

    /// `url` / `geturl()`.
    pub fn geturl(&self) -> &str {
        &self.head.url
    }

    /// `read()`: the whole (rest of the) body.
    pub async fn read(&mut self) -> Result<Vec<u8>> {
        match &mut self.body {
            Body::Http(r) => r.read().await,
            Body::Local(r) => addinfourl::read(r),
        }
    }

    /// `read(amt)`.
    pub async fn read_amt(&mut self, amt: usize) -> Result<Vec<u8>> {
        match &mut self.body {
            Body::Http(r) => r.read_amt(amt).await,
            Body::Local(r) => r.read_amt(amt),
        }
    }

    /// `readline()`.
    pub async fn readline(&mut self) -> Result<Vec<u8>> {
        match &mut self.body {
            Body::Http(r) => r.readline().await,
            Body::Local(r) => r.readline(),
        }
    }

    /// `close()`.
    pub fn close(&mut self) {
        match &mut self.body {
            Body::Http(r) => r.close(),
            Body::Local(r) => r.close(),
        }
    }
}

impl AsyncRead for Response {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        match &mut self.get_mut().body {
            Body::Http(r) => Pin::new(&mut **r).poll_read(cx, buf),
            Body::Local(r) => {
                let n = r.read(buf.initialize_unfilled())?;
                buf.advance(n);
                Poll::Ready(Ok(()))
            }
        }
    }
}

impl AsyncBufRead for Response {
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<&[u8]>> {
        match &mut self.get_mut().body {
            Body::Http(r) => Pin::new(&mut **r).poll_fill_buf(cx),
            Body::Local(r) => Poll::Ready(std::io::BufRead::fill_buf(&mut **r)),
        }
    }

    fn consume(self: Pin<&mut Self>, amt: usize) {
        match &mut self.get_mut().body {
            Body::Http(r) => Pin::new(&mut **r).consume(amt),
            Body::Local(r) => std::io::BufRead::consume(&mut **r, amt),
        }
    }
}

/// A blocking reader body, read in place (a request body the caller gave as a
/// `Read`; keep it in memory or local).
struct InlineReader(SharedReader);

impl AsyncRead for InlineReader {
    fn poll_read(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let n = self.get_mut().0.read(buf.initialize_unfilled())?;
        buf.advance(n);
        Poll::Ready(Ok(()))
    }
}

/// The opener on tokio: the handlers of a blocking [`OpenerDirector`](super::OpenerDirector)
/// (they decide; this one does the async I/O).
///
/// ```no_run
/// # async fn demo() -> netstd_httpclient::Result<()> {
/// use std::sync::Arc;
/// use netstd_httpclient::urllib::request::{BaseHandler, HTTPCookieProcessor, build_opener, aio};
/// let cookies = HTTPCookieProcessor::new(None);
/// let opener = aio::OpenerDirector::from(build_opener(vec![Box::new(cookies) as Box<dyn BaseHandler>]));
/// let mut resp = opener.open("http://localhost:8000/login").await?;
/// # drop(resp.read().await?); Ok(()) }
/// ```
#[derive(Clone)]
pub struct OpenerDirector {
    chain: Chain,
}

impl std::fmt::Debug for OpenerDirector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenerDirector")
            .field("handlers", &self.chain.handlers.len())
            .finish()
    }
}

impl From<super::OpenerDirector> for OpenerDirector {
    fn from(o: super::OpenerDirector) -> Self {
        OpenerDirector { chain: o.chain }
    }
}

/// `build_opener(*handlers)` for the async face.
pub fn build_opener(handlers: Vec<Box<dyn BaseHandler>>) -> OpenerDirector {
    super::build_opener(handlers).into()
}

impl OpenerDirector {
    /// `open(fullurl)`.
    pub async fn open(&self, url: impl IntoRequest) -> Result<Response> {
        self.open_with(url, None, None).await
    }

    /// `open(fullurl, data, timeout)`.
    pub async fn open_with(
        &self,
        url: impl IntoRequest,
        data: Option<RequestData>,
        timeout: Option<Duration>,
    ) -> Result<Response> {
        self.open_request(Chain::prepare(url, data, timeout)?).await
    }

    fn open_request(
        &self,
        mut req: Request,
    ) -> Pin<Box<dyn Future<Output = Result<Response>> + Send + '_>> {
        Box::pin(async move {
            let protocol = req.type_().to_owned();
            self.chain.process_request(&protocol, &mut req)?;
            let mut resp = match self.chain.open_chain(&mut req)? {
                Opened::Response(r) => Response {
                    head: r.head().clone(),
                    body: Body::Local(Box::new(r)),
                },
                Opened::Http(how) => do_open(&how, &req).await?,
                Opened::Reopen(new) => return self.open_request(Chain::next_hop(&req, new)?).await,
                Opened::Pass => {
                    return Err(Error::url_error(format!("unknown url type: {protocol}")));
                }
            };
            let parent = self.chain.parent();
            for h in &self.chain.handlers {
                if h.response(&protocol, &req, &mut resp.head, &parent)?
                    == ResponseAction::HttpError
                {
                    let code = resp.head.status.unwrap_or(0);
                    resp = self.error(&req, resp, code).await?;
                }
            }
            Ok(resp)
        })
    }

    /// `error('http', req, fp, code, msg, hdrs)`.
    pub async fn error(&self, req: &Request, resp: Response, code: u16) -> Result<Response> {
        match self.chain.error_action(code, req, &resp.head)? {
            ErrorAction::Pass => Ok(resp),
            ErrorAction::Retry(new) => {
                drop(resp);
                self.open_request(Chain::next_hop(req, new)?).await
            }
            ErrorAction::Raise(e) => Err(Error::HTTPError(Box::new(
                e.with_body(ErrorBody::Async(Box::new(resp))),
            ))),
        }
    }
}

/// `AbstractHTTPHandler.do_open` on tokio.
async fn do_open(how: &HttpOpen, req: &Request) -> Result<Response> {
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
    let opts = plan.request_options(req, |r| crate::Body::async_reader(InlineReader(r)));
    h.request_with(req.get_method(), req.selector(), opts)
        .await
        .map_err(Error::wrap_os_error)?;
    let mut resp = h.getresponse().await?;
    let url = req.full_url();
    resp.set_url(&url);
    let head = ResponseHead::new(
        &url,
        Some(resp.status()),
        resp.reason(),
        resp.headers().clone(),
    );
    Ok(Response {
        head,
        body: Body::Http(Box::new(resp)),
    })
}

/// `urlopen(url)` on tokio, with the installed opener's handlers.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> netstd_httpclient::Result<()> {
/// let mut r = netstd_httpclient::urllib::request::aio::urlopen("data:,hi").await?;
/// assert_eq!(r.read().await?, b"hi");
/// # Ok(()) }
/// ```
pub async fn urlopen(url: impl IntoRequest) -> Result<Response> {
    OpenerDirector::from(installed_opener()).open(url).await
}

/// `urlopen(url, data, timeout, context=...)` on tokio.
pub async fn urlopen_with(url: impl IntoRequest, options: UrlopenOptions) -> Result<Response> {
    let opener = match options.context {
        Some(ctx) => build_opener(vec![
            Box::new(HTTPSHandler::new(Some(ctx))) as Box<dyn BaseHandler>
        ]),
        None => OpenerDirector::from(installed_opener()),
    };
    opener.open_with(url, options.data, options.timeout).await
}
