//! `HTTPCookieProcessor`.

use std::sync::Arc;

use netstd_cookiejar::CookieJar;

use crate::Result;
use crate::urllib::request::handler::{BaseHandler, Parent, ResponseAction};
use crate::urllib::request::req::Request;
use crate::urllib::response::ResponseHead;

/// Python's `urllib.request.HTTPCookieProcessor(cookiejar=None)`: sends the jar's
/// cookies with each request and stores the cookies of each response (a redirect's
/// too, before it is followed), by the jar's policy.
///
/// ```
/// use std::sync::Arc;
/// use netstd_cookiejar::CookieJar;
/// use netstd_httpclient::urllib::request::{BaseHandler, HTTPCookieProcessor, build_opener};
/// let jar = Arc::new(CookieJar::new());
/// let opener = build_opener(vec![Box::new(HTTPCookieProcessor::new(Some(jar.clone()))) as Box<dyn BaseHandler>]);
/// // ... opener.open(...) ...; then read the cookies:
/// assert_eq!(jar.len(), 0);
/// # drop(opener);
/// ```
#[derive(Debug, Clone)]
pub struct HTTPCookieProcessor {
    cookiejar: Arc<CookieJar>,
}

impl HTTPCookieProcessor {
    /// `HTTPCookieProcessor(cookiejar)` (`None`: a new `CookieJar`).
    pub fn new(cookiejar: Option<Arc<CookieJar>>) -> Self {
        HTTPCookieProcessor {
            cookiejar: cookiejar.unwrap_or_default(),
        }
    }

    /// `cookiejar`.
    pub fn cookiejar(&self) -> &Arc<CookieJar> {
        &self.cookiejar
    }
}

impl BaseHandler for HTTPCookieProcessor {
    fn request(&self, protocol: &str, req: &mut Request, _: &Parent<'_>) -> Result<()> {
        if matches!(protocol, "http" | "https") {
            self.cookiejar.add_cookie_header(req);
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
            self.cookiejar.extract_cookies(head, req);
        }
        Ok(ResponseAction::Keep)
    }
}
