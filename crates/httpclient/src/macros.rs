//! Items both faces write the same way: the response's head accessors and the
//! connection's sans-IO methods, generated once for each face's types.

/// The accessors of a response's status, headers and state (`status`, `reason`,
/// `getheader`, `isclosed`, ...), for a type with `head`, `framing`, `decoder`,
/// `url`, `debuglevel`, `closed` and `conn` fields.
macro_rules! response_info {
    () => {
        /// `status` (and `code`, `getcode()`): the status code.
        pub fn status(&self) -> u16 {
            self.head.status
        }

        /// `getcode()`: the status code (urllib's name).
        pub fn getcode(&self) -> u16 {
            self.head.status
        }

        /// `reason`: the reason phrase.
        pub fn reason(&self) -> &str {
            &self.head.reason
        }

        /// `version`: 10 for HTTP/1.0, 11 for HTTP/1.1.
        pub fn version(&self) -> u8 {
            self.head.version
        }

        /// `headers` (and `msg`): the header fields.
        pub fn headers(&self) -> &netstd_http::HTTPMessage {
            &self.head.headers
        }

        /// `msg`: the header fields (the older name).
        pub fn msg(&self) -> &netstd_http::HTTPMessage {
            &self.head.headers
        }

        /// `info()`: the header fields (urllib's name).
        pub fn info(&self) -> &netstd_http::HTTPMessage {
            &self.head.headers
        }

        /// `getheader(name)`: every value of `name` joined with `", "`, or `None`.
        ///
        /// ```
        /// # fn demo(resp: &netstd_httpclient::HTTPResponse) {
        /// let ctype = resp.getheader("Content-Type");
        /// # }
        /// ```
        pub fn getheader(&self, name: &str) -> Option<String> {
            let all = self.head.headers.get_all(name);
            (!all.is_empty()).then(|| all.join(", "))
        }

        /// `getheader(name, default)`.
        pub fn getheader_or(&self, name: &str, default: &str) -> String {
            self.getheader(name).unwrap_or_else(|| default.to_owned())
        }

        /// `getheaders()`: the (name, value) pairs in order.
        pub fn getheaders(&self) -> Vec<(String, String)> {
            self.head
                .headers
                .items()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect()
        }

        /// `url` / `geturl()`: set by urllib to the URL that was fetched.
        pub fn geturl(&self) -> Option<&str> {
            self.url.as_deref()
        }

        /// Sets `url`, as urllib does.
        pub fn set_url(&mut self, url: impl Into<String>) {
            self.url = Some(url.into());
        }

        /// `debuglevel`.
        pub fn debuglevel(&self) -> u32 {
            self.debuglevel
        }

        /// `chunked`: true when the body uses chunked coding.
        pub fn chunked(&self) -> bool {
            self.framing.body == netstd_http::proto::BodyLength::Chunked
        }

        /// `will_close`: true when the connection closes after this response.
        pub fn will_close(&self) -> bool {
            self.framing.will_close
        }

        /// `length`: the body bytes still to read when Content-Length gave them.
        pub fn length(&self) -> Option<u64> {
            match self.framing.body {
                netstd_http::proto::BodyLength::Length(_)
                | netstd_http::proto::BodyLength::Empty => {
                    Some(self.decoder.direct_limit().unwrap_or(0))
                }
                _ => None,
            }
        }

        /// The trailer fields of a chunked body, once it has been read.
        pub fn trailers(&self) -> Option<&netstd_http::HTTPMessage> {
            self.decoder.trailers()
        }

        /// `isclosed()` (and the `closed` property): true once the body has been read
        /// or the response closed.
        pub fn isclosed(&self) -> bool {
            self.closed
        }

        /// `closed`.
        pub fn closed(&self) -> bool {
            self.closed
        }

        /// `fileno()`: the socket's descriptor while the response reads from it.
        #[cfg(unix)]
        pub fn fileno(&self) -> Option<std::os::fd::RawFd> {
            use std::os::fd::AsRawFd;
            self.conn.as_ref().map(|c| c.stream.as_raw_fd())
        }
    };
}

/// The sans-IO methods of a connection (`host`, `port`, `set_tunnel`,
/// `putrequest`, `putheader`, `close`, ...), for a type with `state`, `conn`,
/// `handoff`, `timeout` and `proxy_headers` fields; `$stream` is the face's socket.
macro_rules! connection_common {
    ($stream:ty) => {
        /// `host`.
        pub fn host(&self) -> &str {
            &self.state.host
        }

        /// `port`.
        pub fn port(&self) -> u16 {
            self.state.port
        }

        /// `timeout`.
        pub fn timeout(&self) -> Option<std::time::Duration> {
            self.timeout
        }

        /// `default_port`: 80, or 443 for HTTPS.
        pub fn default_port(&self) -> u16 {
            self.state.default_port
        }

        /// `sock`: the connected socket, if any (taken back first from a previous
        /// response that has been read to its end; `None` while a response still reads
        /// from it).
        pub fn sock(&mut self) -> Option<&$stream> {
            let _ = self.reclaim();
            self.conn.as_ref().map(|c| &c.stream)
        }

        /// `auto_open = False` turns off connecting on demand ([`crate::Error::NotConnected`]).
        pub fn set_auto_open(&mut self, on: bool) {
            self.auto_open = on;
        }

        /// `set_debuglevel(level)`: above 0, what is sent and received is printed to
        /// standard output as CPython prints it.
        pub fn set_debuglevel(&mut self, level: u32) {
            self.state.debuglevel = level;
        }

        /// `set_tunnel(host, port=None, headers=None)`: talk to `host` through the HTTP
        /// proxy this connection points at, with a CONNECT request. Host and headers
        /// are checked for injection here.
        ///
        /// ```
        /// let mut c = netstd_httpclient::HTTPConnection::new("proxy.local:3128")?;
        /// c.set_tunnel("example.org", Some(443), &[("Proxy-Authorization", "Basic eDp5")])?;
        /// assert!(c.set_tunnel("example.org\r\nX: 1", None, &[]).is_err());
        /// # Ok::<(), netstd_httpclient::Error>(())
        /// ```
        pub fn set_tunnel(
            &mut self,
            host: &str,
            port: Option<u16>,
            headers: &[(&str, &str)],
        ) -> crate::Result<()> {
            if self.conn.is_some() {
                return Err(crate::Error::RuntimeError(
                    "Can't set up tunnel for established connection".into(),
                ));
            }
            self.state.set_tunnel(host, port, headers)
        }

        /// `get_proxy_response_headers()`: the headers of the proxy's answer to CONNECT.
        pub fn get_proxy_response_headers(&self) -> Option<&netstd_http::HTTPMessage> {
            self.proxy_headers.as_ref()
        }

        /// `close()`: closes the socket; a response being read keeps its own.
        pub fn close(&mut self) {
            self.conn = None;
            self.handoff = None;
            self.state.reset();
        }

        /// Takes the connection back from the previous response when it is done.
        fn reclaim(&mut self) -> crate::Result<()> {
            if let Some(h) = &self.handoff {
                match h.reclaim() {
                    crate::recv::Reclaim::Busy => {
                        return Err(crate::Error::CannotSendRequest(
                            crate::recv::RESPONSE_UNREAD.into(),
                        ));
                    }
                    crate::recv::Reclaim::Returned(conn) => self.conn = Some(conn),
                    crate::recv::Reclaim::Gone => self.conn = None,
                }
                self.handoff = None;
            }
            Ok(())
        }

        /// `putrequest(method, url)`: starts a request with the automatic Host and
        /// `Accept-Encoding: identity` headers.
        pub fn putrequest(&mut self, method: &str, url: &str) -> crate::Result<()> {
            self.putrequest_with(method, url, crate::PutRequestOptions::new())
        }

        /// `putrequest(method, url, skip_host=..., skip_accept_encoding=...)`.
        pub fn putrequest_with(
            &mut self,
            method: &str,
            url: &str,
            opts: crate::PutRequestOptions,
        ) -> crate::Result<()> {
            self.reclaim()?;
            self.state
                .putrequest(method, url, opts.skip_host, opts.skip_accept_encoding)
        }

        /// `putheader(header, value)`: text values go as Latin-1. A name that is not a
        /// token, or a value with a control character (CR and LF included), is
        /// `ValueError`.
        pub fn putheader(
            &mut self,
            header: &str,
            value: impl Into<crate::HeaderValue>,
        ) -> crate::Result<()> {
            let value = value.into();
            self.state.putheader(header, &value.encode()?)
        }
    };
}
