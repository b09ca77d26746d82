//! `HTTPRedirectHandler`.

use std::collections::HashMap;

use netstd_urlparse::{QuoteOptions, quote_with, urljoin, urlparse, urlsplit, urlunparse};

use crate::urllib::error::HTTPError;
use crate::urllib::request::handler::{BaseHandler, ErrorAction, HandlerKind, Parent};
use crate::urllib::request::req::Request;
use crate::urllib::response::ResponseHead;
use crate::{Error, Result};

/// `string.punctuation`, kept unquoted in a redirect target.
const PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/// `HTTPRedirectHandler.inf_msg`.
const INF_MSG: &str = "The HTTP server returned a redirect error that would lead to an infinite loop.\nThe last 30x error message was:\n";

/// Python's `urllib.request.HTTPRedirectHandler`: follows 301, 302, 303, 307 and
/// 308 for GET and HEAD, and 301-303 for POST (as GET, without the body), at most
/// `max_repeats` times to one URL and `max_redirections` in all; then HTTPError.
///
/// Safer than CPython: a redirect to any scheme but `http` and `https` (`file:`,
/// `data:`, `ftp:`) is refused, and a redirect to another host (or from https to
/// http) drops the `Authorization` and `Cookie` headers the caller set.
///
/// ```
/// use netstd_httpclient::urllib::request::{BaseHandler, HTTPRedirectHandler, build_opener};
/// let mut strict = HTTPRedirectHandler::new();
/// strict.max_redirections = 3;
/// let opener = build_opener(vec![Box::new(strict) as Box<dyn BaseHandler>]);
/// # drop(opener);
/// ```
#[derive(Debug, Clone)]
pub struct HTTPRedirectHandler {
    /// `max_repeats`: visits of one URL (4).
    pub max_repeats: u32,
    /// `max_redirections`: distinct URLs in one chain (10).
    pub max_redirections: usize,
}

impl Default for HTTPRedirectHandler {
    fn default() -> Self {
        HTTPRedirectHandler {
            max_repeats: 4,
            max_redirections: 10,
        }
    }
}

fn origin(url: &str) -> Option<(String, Option<String>, Option<u16>)> {
    let parts = urlsplit(url).ok()?;
    let port = parts.port().ok().flatten();
    Some((
        parts.scheme().to_owned(),
        parts.hostname().map(|h| h.into_owned()),
        port,
    ))
}

impl HTTPRedirectHandler {
    /// `HTTPRedirectHandler()`.
    pub fn new() -> Self {
        Self::default()
    }

    /// `redirect_request(req, fp, code, msg, headers, newurl)`: the request to send
    /// next, or HTTPError when the method may not be redirected.
    pub fn redirect_request(
        &self,
        req: &Request,
        head: &ResponseHead,
        code: u16,
        newurl: &str,
    ) -> Result<std::result::Result<Request, HTTPError>> {
        let m = req.get_method();
        let allowed = (matches!(code, 301 | 302 | 303 | 307 | 308) && matches!(m, "GET" | "HEAD"))
            || (matches!(code, 301..=303) && m == "POST");
        if !allowed {
            return Ok(Err(HTTPError::new(
                &req.full_url(),
                code,
                &head.reason,
                head.headers.clone(),
            )));
        }
        let newurl = newurl.replace(' ', "%20");
        let old = origin(&req.full_url());
        let new_origin = origin(&newurl);
        let cross = match (&old, &new_origin) {
            (Some((s1, h1, p1)), Some((s2, h2, p2))) => {
                h1 != h2 || p1 != p2 || (s1 == "https" && s2 != "https")
            }
            _ => true,
        };
        let mut new = Request::new(&newurl)?
            .with_method(if m == "HEAD" { "HEAD" } else { "GET" })
            .with_origin_req_host(req.origin_req_host())
            .with_unverifiable(true);
        for (k, v) in req.headers() {
            let lower = k.to_ascii_lowercase();
            if lower == "content-length" || lower == "content-type" {
                continue;
            }
            if cross && (lower == "authorization" || lower == "cookie") {
                continue;
            }
            // the proxy's credentials are the ProxyHandler's to add, per request
            if lower == "proxy-authorization" {
                continue;
            }
            new.add_header(k, v);
        }
        Ok(Ok(new))
    }
}

impl BaseHandler for HTTPRedirectHandler {
    fn kind(&self) -> Option<HandlerKind> {
        Some(HandlerKind::Redirect)
    }

    fn http_error(
        &self,
        code: u16,
        req: &Request,
        head: &ResponseHead,
        _: &Parent<'_>,
    ) -> Result<ErrorAction> {
        if !matches!(code, 301 | 302 | 303 | 307 | 308) {
            return Ok(ErrorAction::Pass);
        }
        let hdrs = &head.headers;
        let Some(newurl) = hdrs.get("location").or_else(|| hdrs.get("uri")) else {
            return Ok(ErrorAction::Pass);
        };
        let parts = urlparse(newurl).map_err(|e| Error::ValueError(e.to_string()))?;
        if !matches!(parts.scheme(), "http" | "https" | "") {
            let msg = format!(
                "{} - Redirection to url '{newurl}' is not allowed",
                head.reason
            );
            return Ok(ErrorAction::Raise(HTTPError::new(
                newurl,
                code,
                &msg,
                hdrs.clone(),
            )));
        }
        let path = if parts.path().is_empty() && !parts.netloc().is_empty() {
            "/"
        } else {
            parts.path()
        };
        let newurl = urlunparse((
            parts.scheme(),
            parts.netloc(),
            path,
            parts.params(),
            parts.query(),
            parts.fragment(),
        ));
        let options = QuoteOptions::new().safe(PUNCTUATION).encoding("iso-8859-1");
        let newurl =
            quote_with(&newurl, &options).map_err(|e| Error::UnicodeEncodeError(e.to_string()))?;
        let newurl = urljoin(&req.full_url(), &newurl)
            .map_err(|e| Error::ValueError(e.to_string()))?
            .into_owned();
        let mut new = match self.redirect_request(req, head, code, &newurl)? {
            Ok(new) => new,
            Err(e) => return Ok(ErrorAction::Raise(e)),
        };
        let mut visited: HashMap<String, u32> = match &req.redirect_dict {
            Some(v) => {
                if v.get(&newurl).copied().unwrap_or(0) >= self.max_repeats
                    || v.len() >= self.max_redirections
                {
                    let msg = format!("{INF_MSG}{}", head.reason);
                    return Ok(ErrorAction::Raise(HTTPError::new(
                        &req.full_url(),
                        code,
                        &msg,
                        hdrs.clone(),
                    )));
                }
                v.clone()
            }
            None => HashMap::new(),
        };
        *visited.entry(newurl).or_insert(0) += 1;
        new.redirect_dict = Some(visited);
        Ok(ErrorAction::Retry(new))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirected_requests_carry_no_credentials_elsewhere() {
        let h = HTTPRedirectHandler::new();
        let mut req = Request::new("http://a.example/x").unwrap();
        req.add_header("Authorization", "Basic eA==");
        req.add_header("Proxy-authorization", "Basic eQ==");
        req.add_header("Cookie", "a=1");
        req.add_header("X-other", "1");
        let head = ResponseHead::default();
        let same = h
            .redirect_request(&req, &head, 302, "http://a.example/y")
            .unwrap()
            .unwrap();
        assert_eq!(same.get_header("Authorization"), Some("Basic eA=="));
        assert_eq!(same.get_header("Proxy-authorization"), None);
        for elsewhere in ["http://b.example/y", "http://a.example:8080/y"] {
            let new = h
                .redirect_request(&req, &head, 302, elsewhere)
                .unwrap()
                .unwrap();
            assert_eq!(new.get_header("Authorization"), None);
            assert_eq!(new.get_header("Cookie"), None);
            assert_eq!(new.get_header("X-other"), Some("1"));
        }
    }
}
