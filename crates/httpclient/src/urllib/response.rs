//! Python's `urllib.response`: [`addinfourl`], the response `urlopen` returns for
//! every scheme, and the [`ResponseHead`] the handlers look at.

use std::io::{self, BufRead, Read};

use netstd_http::HTTPMessage;

use crate::{HTTPResponse, Result};

/// What a handler sees of a response: the URL it came from, the status, the reason
/// and the headers (`response.url`, `.code`, `.msg`, `.info()`). The body stays with
/// the opener, so processing decisions are the same for both faces.
///
/// ```
/// use netstd_httpclient::urllib::response::ResponseHead;
/// let head = ResponseHead::new("data:,x", None, "", Default::default());
/// assert_eq!(head.status, None);
/// ```
#[derive(Debug, Clone, Default)]
pub struct ResponseHead {
    /// `url` / `geturl()`: the URL fetched (after redirects, the last one).
    pub url: String,
    /// `status` / `code`: the HTTP status, `None` for `file:` and `data:`.
    pub status: Option<u16>,
    /// `reason` (urllib also calls it `msg`).
    pub reason: String,
    /// `headers` / `info()`.
    pub headers: HTTPMessage,
}

impl ResponseHead {
    /// A head from its parts.
    pub fn new(url: &str, status: Option<u16>, reason: &str, headers: HTTPMessage) -> Self {
        ResponseHead {
            url: url.to_owned(),
            status,
            reason: reason.to_owned(),
            headers,
        }
    }
}

impl netstd_cookiejar::CookieResponse for ResponseHead {
    fn get_all(&self, name: &str) -> Vec<String> {
        self.headers
            .get_all(name)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }
}

/// The body of an [`addinfourl`].
pub(crate) enum Body {
    Http(Box<HTTPResponse>),
    Other(Box<dyn BufRead + Send>),
}

/// Python's `urllib.response.addinfourl`: what `urlopen` returns, for HTTP (where
/// CPython returns the `http.client.HTTPResponse` itself, with the same accessors)
/// as for `file:` and `data:`. It reads as `std::io::Read`/`BufRead` too.
///
/// ```
/// # fn main() -> netstd_httpclient::Result<()> {
/// use netstd_httpclient::urllib::request::urlopen;
/// let mut resp = urlopen("data:text/plain;charset=utf-8,caf%C3%A9")?;
/// assert_eq!(resp.info().get_content_charset().as_deref(), Some("utf-8"));
/// assert_eq!(resp.read()?, "café".as_bytes());
/// assert_eq!(resp.geturl(), "data:text/plain;charset=utf-8,caf%C3%A9");
/// assert_eq!(resp.getcode(), None);
/// # Ok(()) }
/// ```
#[allow(non_camel_case_types)]
pub struct addinfourl {
    head: ResponseHead,
    body: Body,
}

/// `urllib.request`'s name for what `urlopen` returns.
pub type Response = addinfourl;

impl std::fmt::Debug for addinfourl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("addinfourl")
            .field("head", &self.head)
            .finish_non_exhaustive()
    }
}

impl addinfourl {
    /// `addinfourl(fp, headers, url, code=None)` over any reader.
    ///
    /// ```
    /// use netstd_httpclient::urllib::response::addinfourl;
    /// let mut r = addinfourl::new(&b"hi"[..], Default::default(), "mem:x", None);
    /// assert_eq!(r.read().unwrap(), b"hi");
    /// ```
    pub fn new(
        fp: impl BufRead + Send + 'static,
        headers: HTTPMessage,
        url: &str,
        code: Option<u16>,
    ) -> Self {
        addinfourl {
            head: ResponseHead::new(url, code, "", headers),
            body: Body::Other(Box::new(fp)),
        }
    }

    pub(crate) fn from_http(mut resp: HTTPResponse, url: &str) -> Self {
        resp.set_url(url);
        let head = ResponseHead::new(
            url,
            Some(resp.status()),
            resp.reason(),
            resp.headers().clone(),
        );
        addinfourl {
            head,
            body: Body::Http(Box::new(resp)),
        }
    }

    /// The head the handlers see.
    pub fn head(&self) -> &ResponseHead {
        &self.head
    }

    pub(crate) fn head_mut(&mut self) -> &mut ResponseHead {
        &mut self.head
    }

    /// `status` (and `code`): `None` for `file:` and `data:`.
    pub fn status(&self) -> Option<u16> {
        self.head.status
    }

    /// `code`.
    pub fn code(&self) -> Option<u16> {
        self.head.status
    }

    /// `getcode()`.
    pub fn getcode(&self) -> Option<u16> {
        self.head.status
    }

    /// `reason`.
    pub fn reason(&self) -> &str {
        &self.head.reason
    }

    /// `msg`: urllib sets it to the reason phrase.
    pub fn msg(&self) -> &str {
        &self.head.reason
    }

    /// `headers`.
    pub fn headers(&self) -> &HTTPMessage {
        &self.head.headers
    }

    /// `info()`.
    pub fn info(&self) -> &HTTPMessage {
        &self.head.headers
    }

    /// `getheader(name)`: every value joined with `", "`.
    pub fn getheader(&self, name: &str) -> Option<String> {
        let all = self.head.headers.get_all(name);
        (!all.is_empty()).then(|| all.join(", "))
    }

    /// `url`.
    pub fn url(&self) -> &str {
        &self.head.url
    }

    /// `geturl()`.
    pub fn geturl(&self) -> &str {
        &self.head.url
    }

    /// The `http.client.HTTPResponse` under an HTTP response.
    pub fn http_response(&mut self) -> Option<&mut HTTPResponse> {
        match &mut self.body {
            Body::Http(r) => Some(r),
            Body::Other(_) => None,
        }
    }

    /// `read()`: the whole (rest of the) body.
    pub fn read(&mut self) -> Result<Vec<u8>> {
        match &mut self.body {
            Body::Http(r) => HTTPResponse::read(r),
            Body::Other(r) => {
                let mut out = Vec::new();
                r.read_to_end(&mut out)?;
                Ok(out)
            }
        }
    }

    /// `read(amt)`: up to `amt` bytes, fewer only at the end.
    pub fn read_amt(&mut self, amt: usize) -> Result<Vec<u8>> {
        match &mut self.body {
            Body::Http(r) => r.read_amt(amt),
            Body::Other(r) => {
                let mut out = Vec::new();
                r.take(amt as u64).read_to_end(&mut out)?;
                Ok(out)
            }
        }
    }

    /// `readline()`.
    pub fn readline(&mut self) -> Result<Vec<u8>> {
        match &mut self.body {
            Body::Http(r) => r.readline(),
            Body::Other(r) => {
                let mut out = Vec::new();
                r.read_until(b'\n', &mut out)?;
                Ok(out)
            }
        }
    }

    /// `close()`.
    pub fn close(&mut self) {
        match &mut self.body {
            Body::Http(r) => r.close(),
            Body::Other(r) => *r = Box::new(io::empty()),
        }
    }
}

impl Read for addinfourl {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match &mut self.body {
            Body::Http(r) => r.read(buf),
            Body::Other(r) => r.read(buf),
        }
    }
}

impl BufRead for addinfourl {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match &mut self.body {
            Body::Http(r) => r.fill_buf(),
            Body::Other(r) => r.fill_buf(),
        }
    }
    fn consume(&mut self, amt: usize) {
        match &mut self.body {
            Body::Http(r) => r.consume(amt),
            Body::Other(r) => r.consume(amt),
        }
    }
}
