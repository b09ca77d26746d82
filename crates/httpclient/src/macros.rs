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
            self.core.framing.body == netstd_http::proto::BodyLength::Chunked
        }

        /// `will_close`: true when the connection closes after this response.
        pub fn will_close(&self) -> bool {
            self.core.framing.will_close
        }

        /// `length`: the body bytes still to read when Content-Length gave them.
        pub fn length(&self) -> Option<u64> {
            match self.core.framing.body {
                netstd_http::proto::BodyLength::Length(_)
                | netstd_http::proto::BodyLength::Empty => {
                    Some(self.core.decoder.direct_limit().unwrap_or(0))
                }
                _ => None,
            }
        }

        /// The trailer fields of a chunked body, once it has been read.
        pub fn trailers(&self) -> Option<&netstd_http::HTTPMessage> {
            self.core.decoder.trailers()
        }

        /// `isclosed()` (and the `closed` property): true once the body has been read
        /// or the response closed.
        pub fn isclosed(&self) -> bool {
            self.core.closed
        }

        /// `closed`.
        pub fn closed(&self) -> bool {
            self.core.closed
        }

        /// `fileno()`: the socket's descriptor while the response reads from it.
        #[cfg(unix)]
        pub fn fileno(&self) -> Option<std::os::fd::RawFd> {
            use std::os::fd::AsRawFd;
            self.core.conn.as_ref().map(|c| c.stream.as_raw_fd())
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
            let _ = self.reclaim();
            if self.conn.is_some() || self.handoff.is_some() {
                return Err(crate::Error::RuntimeError(
                    "Can't set up tunnel for established connection".into(),
                ));
            }
            self.state.set_tunnel(host, port, headers)
        }

        /// The host `set_tunnel` gave, if any (`_tunnel_host`).
        pub fn tunnel_host(&self) -> Option<&str> {
            self.state.tunnel.as_ref().map(|t| t.host.as_str())
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

        /// Takes the connection back from the previous response when it is done; a
        /// connection whose last request was cancelled half-sent is closed first.
        fn reclaim(&mut self) -> crate::Result<()> {
            if self.in_flight {
                self.in_flight = false;
                self.close();
            }
            if let Some(h) = &self.handoff {
                match h.reclaim() {
                    crate::recv::Slot::Busy => {
                        return Err(crate::Error::CannotSendRequest(
                            crate::recv::RESPONSE_UNREAD.into(),
                        ));
                    }
                    crate::recv::Slot::Returned(conn) => self.conn = Some(conn),
                    crate::recv::Slot::Gone => self.conn = None,
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

/// Python's read methods of a response (`read(amt)`, `readinto`, `read1`, `peek`,
/// `readline`, `readlines`), written once for both faces over their `read_some`
/// and `fill`: `reader_methods!(;)` for the blocking face, `reader_methods!(async;
/// .await)` for `aio`.
macro_rules! reader_methods {
    ($($async_:ident)?; $($await_:tt)*) => {
        /// `read(amt)`: up to `amt` bytes, fewer only at the end of the body (a body
        /// cut short gives what arrived, and `IncompleteRead` on the next call).
        pub $($async_)? fn read_amt(&mut self, amt: usize) -> crate::Result<Vec<u8>> {
            let mut out = vec![0; amt.min(1 << 16)];
            let mut filled = 0;
            while filled < amt {
                if filled == out.len() {
                    out.resize(out.len().saturating_mul(2).min(amt), 0);
                }
                match self.read_some(&mut out[filled..]) $($await_)* {
                    Ok(0) => break,
                    Ok(n) => filled += n,
                    Err(e) if filled > 0 => {
                        self.core.pending = Some(e);
                        break;
                    }
                    Err(e) => return Err(e),
                }
            }
            out.truncate(filled);
            Ok(out)
        }

        /// `readinto(b)`: fills `buf` as far as the body goes; the count read.
        pub $($async_)? fn readinto(&mut self, buf: &mut [u8]) -> crate::Result<usize> {
            let mut filled = 0;
            while filled < buf.len() {
                match self.read_some(&mut buf[filled..]) $($await_)* {
                    Ok(0) => break,
                    Ok(n) => filled += n,
                    Err(e) if filled > 0 => {
                        self.core.pending = Some(e);
                        break;
                    }
                    Err(e) => return Err(e),
                }
            }
            Ok(filled)
        }

        /// `read1(n)`: up to `n` bytes with at most one read from the socket.
        pub $($async_)? fn read1(&mut self, n: usize) -> crate::Result<Vec<u8>> {
            if n == 0 {
                return Ok(Vec::new());
            }
            let avail = self.fill() $($await_)* ?;
            let take = avail.min(n);
            let out = self.core.data(take).to_vec();
            self.core.consume(take);
            Ok(out)
        }

        /// `peek(n)`: buffered body bytes without consuming them (at least one
        /// unless the body is over; possibly fewer or more than `n`, as in Python).
        pub $($async_)? fn peek(&mut self) -> crate::Result<&[u8]> {
            let n = self.fill() $($await_)* ?;
            Ok(self.core.data(n))
        }

        /// `readline()`: the next line of the body, `\n` included.
        pub $($async_)? fn readline(&mut self) -> crate::Result<Vec<u8>> {
            self.readline_limit(usize::MAX) $($await_)*
        }

        /// `readline(limit)`: the next line, at most `limit` bytes of it.
        pub $($async_)? fn readline_limit(&mut self, limit: usize) -> crate::Result<Vec<u8>> {
            let mut line = Vec::new();
            while line.len() < limit {
                let avail = self.fill() $($await_)* ?;
                if avail == 0 {
                    break;
                }
                let room = (limit - line.len()).min(avail);
                let data = self.core.data(room);
                let (take, done) = match data.iter().position(|&b| b == b'\n') {
                    Some(i) => (i + 1, true),
                    None => (room, false),
                };
                line.extend_from_slice(&data[..take]);
                self.core.consume(take);
                if done {
                    break;
                }
            }
            Ok(line)
        }

        /// `readlines()`: the remaining lines.
        pub $($async_)? fn readlines(&mut self) -> crate::Result<Vec<Vec<u8>>> {
            let mut lines = Vec::new();
            loop {
                let line = self.readline() $($await_)* ?;
                if line.is_empty() {
                    return Ok(lines);
                }
                lines.push(line);
            }
        }

        /// `close()`: stops reading; a connection with body left unread is closed.
        pub fn close(&mut self) {
            self.core.close();
        }

        /// Room the next `read()` reserves: what is buffered plus what Content-Length
        /// still announces, at most 64 KiB (memory follows what arrives).
        fn read_hint(&self) -> usize {
            let announced = self.core.decoder.direct_limit().map_or(0, |l| l.min(1 << 16));
            self.core.offered_hint() + announced as usize
        }
    };
}
