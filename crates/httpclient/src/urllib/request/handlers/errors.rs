//! `UnknownHandler`, `HTTPDefaultErrorHandler` and `HTTPErrorProcessor`.

use crate::urllib::error::HTTPError;
use crate::urllib::request::handler::{
    BaseHandler, ErrorAction, HandlerKind, Opened, Parent, ResponseAction,
};
use crate::urllib::request::req::Request;
use crate::urllib::response::ResponseHead;
use crate::{Error, Result};

/// Python's `urllib.request.UnknownHandler`: `URLError("unknown url type: ...")` for
/// a scheme no handler opens (`local_file:` among them, CVE-2019-9948).
///
/// ```
/// use netstd_httpclient::urllib::request::urlopen;
/// let e = urlopen("local_file:///etc/passwd").unwrap_err();
/// assert_eq!(e.to_string(), "<urlopen error unknown url type: local_file>");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct UnknownHandler;

impl BaseHandler for UnknownHandler {
    fn kind(&self) -> Option<HandlerKind> {
        Some(HandlerKind::Unknown)
    }

    fn unknown_open(&self, req: &mut Request, _: &Parent<'_>) -> Result<Opened> {
        Err(Error::url_error(format!(
            "unknown url type: {}",
            req.type_()
        )))
    }
}

/// Python's `urllib.request.HTTPDefaultErrorHandler`: an error status no other
/// handler dealt with becomes `HTTPError`.
#[derive(Debug, Clone, Copy, Default)]
pub struct HTTPDefaultErrorHandler;

impl BaseHandler for HTTPDefaultErrorHandler {
    fn kind(&self) -> Option<HandlerKind> {
        Some(HandlerKind::DefaultError)
    }

    fn http_error_default(
        &self,
        req: &Request,
        head: &ResponseHead,
        _: &Parent<'_>,
    ) -> Result<ErrorAction> {
        Ok(ErrorAction::Raise(HTTPError::new(
            &req.full_url(),
            head.status.unwrap_or(0),
            &head.reason,
            head.headers.clone(),
        )))
    }
}

/// Python's `urllib.request.HTTPErrorProcessor` (`handler_order` 1000): a status
/// outside 200..300 goes to the `http_error_*` handlers.
#[derive(Debug, Clone, Copy, Default)]
pub struct HTTPErrorProcessor;

impl BaseHandler for HTTPErrorProcessor {
    fn handler_order(&self) -> i32 {
        1000
    }

    fn kind(&self) -> Option<HandlerKind> {
        Some(HandlerKind::ErrorProcessor)
    }

    fn response(
        &self,
        protocol: &str,
        _: &Request,
        head: &mut ResponseHead,
        _: &Parent<'_>,
    ) -> Result<ResponseAction> {
        let code = head.status.unwrap_or(200);
        Ok(
            if matches!(protocol, "http" | "https") && !(200..300).contains(&code) {
                ResponseAction::HttpError
            } else {
                ResponseAction::Keep
            },
        )
    }
}
