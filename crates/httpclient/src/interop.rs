//! Conversions from and to the `http` crate's `Request` and `Response`.

use crate::{Error, HTTPConnection, HTTPResponse, HeaderValue, RequestOptions, Result};

impl HTTPConnection {
    /// Sends an `http::Request` as `request(method, path, body, headers)` would: its
    /// method, its URI's path and query (or the absolute URI when it has a scheme and
    /// this connection tunnels nowhere), its headers and its body.
    ///
    /// ```no_run
    /// # fn main() -> netstd_httpclient::Result<()> {
    /// let req = http::Request::post("/submit").header("content-type", "text/plain").body(b"hi".to_vec()).unwrap();
    /// let mut conn = netstd_httpclient::HTTPConnection::new("localhost:8000")?;
    /// conn.request_http(&req)?;
    /// let resp = conn.getresponse()?.into_http()?;
    /// assert_eq!(resp.status(), http::StatusCode::OK);
    /// # Ok(()) }
    /// ```
    pub fn request_http<B: AsRef<[u8]>>(&mut self, req: &http::Request<B>) -> Result<()> {
        let uri = req.uri();
        let target = if uri.scheme().is_some() && self.tunnel_host().is_none() {
            uri.to_string()
        } else {
            uri.path_and_query()
                .map_or("/", |pq| pq.as_str())
                .to_owned()
        };
        let mut opts = RequestOptions::new();
        for (name, value) in req.headers() {
            opts = opts.header(name.as_str(), HeaderValue::Bytes(value.as_bytes().to_vec()));
        }
        let body = req.body().as_ref();
        if !body.is_empty()
            || matches!(
                *req.method(),
                http::Method::POST | http::Method::PUT | http::Method::PATCH
            )
        {
            opts = opts.body(body);
        }
        self.request_with(req.method().as_str(), &target, opts)
    }
}

impl HTTPResponse {
    /// Reads the body and turns the response into an `http::Response`.
    pub fn into_http(mut self) -> Result<http::Response<Vec<u8>>> {
        let body = self.read()?;
        let mut builder =
            http::Response::builder()
                .status(self.status())
                .version(if self.version() == 10 {
                    http::Version::HTTP_10
                } else {
                    http::Version::HTTP_11
                });
        if let Some(map) = builder.headers_mut() {
            *map = http::HeaderMap::try_from(self.headers())?;
        }
        builder
            .body(body)
            .map_err(|e| Error::ValueError(e.to_string()))
    }
}
