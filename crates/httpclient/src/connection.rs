//! `http.client.HTTPConnection` and `HTTPSConnection`, blocking.

use std::borrow::Cow;
use std::io::{Read, Write};
use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::Duration;

use netstd_core::ssl::SSLContext;
use netstd_core::{ConnectOptions, Stream};
use netstd_http::HTTPMessage;
use netstd_http::proto::{LAST_CHUNK, ResponseHeadParser, encode_chunk, response_framing};

use crate::recv::{Handoff, RESPONSE_UNREAD, RecvBuf, head_eof, head_step};
use crate::response::{Conn, HTTPResponse};
use crate::state::{BodySize, ClientState, HeaderValue, bytes_repr, latin1};
use crate::{Error, Result};

/// `http.client.HTTP_PORT`.
pub const HTTP_PORT: u16 = 80;
/// `http.client.HTTPS_PORT`.
pub const HTTPS_PORT: u16 = 443;

/// The keyword arguments of `HTTPConnection(...)` and `HTTPSConnection(...)`:
/// `port`, `timeout`, `source_address`, `blocksize` and (HTTPS only) `context`.
///
/// ```
/// use std::time::Duration;
/// use netstd_httpclient::{ConnectionOptions, HTTPConnection};
/// let opts = ConnectionOptions::new().port(8080).timeout(Duration::from_secs(5));
/// let conn = HTTPConnection::new_with("localhost", &opts)?;
/// assert_eq!((conn.host(), conn.port()), ("localhost", 8080));
/// # Ok::<(), netstd_httpclient::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ConnectionOptions {
    pub(crate) port: Option<u16>,
    pub(crate) timeout: Option<Duration>,
    pub(crate) source_address: Option<SocketAddr>,
    pub(crate) blocksize: usize,
    pub(crate) context: Option<SSLContext>,
}

impl Default for ConnectionOptions {
    fn default() -> Self {
        ConnectionOptions {
            port: None,
            timeout: None,
            source_address: None,
            blocksize: 8192,
            context: None,
        }
    }
}

impl ConnectionOptions {
    /// Python's defaults: the scheme's port, no timeout, blocksize 8192.
    pub fn new() -> Self {
        Self::default()
    }

    /// `port=`.
    pub fn port(mut self, port: u16) -> Self {
        self.port = Some(port);
        self
    }

    /// `timeout=`: bounds connecting and each socket operation.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// `source_address=`.
    pub fn source_address(mut self, addr: SocketAddr) -> Self {
        self.source_address = Some(addr);
        self
    }

    /// `blocksize=`: the size of reads from the socket and from a body reader.
    pub fn blocksize(mut self, n: usize) -> Self {
        self.blocksize = n.max(1);
        self
    }

    /// `context=` (HTTPS): the TLS settings; verification stays on unless the
    /// context was built with netcore's `dangerous_*` calls.
    pub fn context(mut self, context: SSLContext) -> Self {
        self.context = Some(context);
        self
    }
}

/// A request body, as `request()` and `endheaders()` take it.
///
/// ```
/// use netstd_httpclient::Body;
/// let a: Body = b"bytes".into();
/// let b: Body = "text, sent as Latin-1".into();
/// let c = Body::reader(std::io::Cursor::new(vec![0u8; 10]));      // chunked
/// let d = Body::chunks(vec![b"a".to_vec(), b"b".to_vec()]);       // chunked
/// # drop((a, b, c, d));
/// ```
pub enum Body<'a> {
    /// `bytes`: sent with a Content-Length.
    Bytes(Cow<'a, [u8]>),
    /// `str`: encoded as ISO-8859-1, sent with a Content-Length.
    Str(Cow<'a, str>),
    /// A file-like object: read `blocksize` bytes at a time, sent chunked unless
    /// the caller set Content-Length. For the blocking face only.
    Reader(Box<dyn Read + Send + 'a>),
    /// An async reader, for the `aio` face only.
    #[cfg(feature = "tokio")]
    AsyncReader(std::pin::Pin<Box<dyn tokio::io::AsyncRead + Send + 'a>>),
    /// An iterable of chunks: sent chunked unless the caller set Content-Length.
    Chunks(Box<dyn Iterator<Item = Vec<u8>> + Send + 'a>),
}

impl std::fmt::Debug for Body<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Body::Bytes(b) => write!(f, "Body::Bytes({} bytes)", b.len()),
            Body::Str(s) => write!(f, "Body::Str({} chars)", s.len()),
            Body::Reader(_) => f.write_str("Body::Reader(..)"),
            #[cfg(feature = "tokio")]
            Body::AsyncReader(_) => f.write_str("Body::AsyncReader(..)"),
            Body::Chunks(_) => f.write_str("Body::Chunks(..)"),
        }
    }
}

impl<'a> Body<'a> {
    /// A body read from `r` (blocking face).
    pub fn reader(r: impl Read + Send + 'a) -> Self {
        Body::Reader(Box::new(r))
    }

    /// A body read from the async reader `r` (`aio` face).
    #[cfg(feature = "tokio")]
    pub fn async_reader(r: impl tokio::io::AsyncRead + Send + 'a) -> Self {
        Body::AsyncReader(Box::pin(r))
    }

    /// A body of these chunks.
    pub fn chunks(chunks: impl IntoIterator<Item = Vec<u8>, IntoIter: Send + 'a>) -> Self {
        Body::Chunks(Box::new(chunks.into_iter()))
    }

    /// The body ready for a face: text encoded now (so an encoding error comes
    /// before anything is sent or the connection's state moves), a reader of the
    /// wrong kind refused.
    pub(crate) fn checked(self, face: Face) -> Result<Self> {
        match (self, face) {
            (Body::Str(s), _) => Ok(Body::Bytes(Cow::Owned(latin1(&s, "body")?.into_owned()))),
            (Body::Reader(_), Face::Async) => Err(Error::ValueError(
                "a blocking reader body needs the blocking client; use Body::async_reader".into(),
            )),
            #[cfg(feature = "tokio")]
            (Body::AsyncReader(_), Face::Blocking) => Err(Error::ValueError(
                "an async reader body needs the aio client".into(),
            )),
            (body, _) => Ok(body),
        }
    }

    pub(crate) fn size(&self) -> BodySize {
        match self {
            Body::Bytes(b) => BodySize::Known(b.len() as u64),
            Body::Str(s) => BodySize::Known(s.chars().count() as u64),
            _ => BodySize::Unknown,
        }
    }
}

impl<'a> From<&'a [u8]> for Body<'a> {
    fn from(b: &'a [u8]) -> Self {
        Body::Bytes(Cow::Borrowed(b))
    }
}

impl<'a, const N: usize> From<&'a [u8; N]> for Body<'a> {
    fn from(b: &'a [u8; N]) -> Self {
        Body::Bytes(Cow::Borrowed(b))
    }
}

impl From<Vec<u8>> for Body<'_> {
    fn from(b: Vec<u8>) -> Self {
        Body::Bytes(Cow::Owned(b))
    }
}

impl<'a> From<&'a str> for Body<'a> {
    fn from(s: &'a str) -> Self {
        Body::Str(Cow::Borrowed(s))
    }
}

impl From<String> for Body<'_> {
    fn from(s: String) -> Self {
        Body::Str(Cow::Owned(s))
    }
}

/// Which face sends a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    Blocking,
    #[cfg_attr(not(feature = "tokio"), allow(dead_code))]
    Async,
}

const FACE: Face = Face::Blocking;

/// The keyword arguments of `request(method, url, body=None, headers={},
/// *, encode_chunked=False)`.
///
/// ```
/// use netstd_httpclient::RequestOptions;
/// let opts = RequestOptions::new()
///     .body(&b"{\"a\": 1}"[..])
///     .header("Content-Type", "application/json");
/// # drop(opts);
/// ```
#[derive(Debug, Default)]
pub struct RequestOptions<'a> {
    pub(crate) body: Option<Body<'a>>,
    pub(crate) headers: Vec<(String, HeaderValue)>,
    pub(crate) encode_chunked: bool,
}

impl<'a> RequestOptions<'a> {
    /// No body, no headers.
    pub fn new() -> Self {
        Self::default()
    }

    /// `body=`.
    pub fn body(mut self, body: impl Into<Body<'a>>) -> Self {
        self.body = Some(body.into());
        self
    }

    /// One entry of `headers=` (text values are sent as Latin-1).
    pub fn header(mut self, name: &str, value: impl Into<HeaderValue>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    /// `encode_chunked=True`: the body is already chunk-encoded by the caller's
    /// choice of Transfer-Encoding header; chunk it.
    pub fn encode_chunked(mut self, on: bool) -> Self {
        self.encode_chunked = on;
        self
    }
}

/// The keyword arguments of `putrequest(method, url, skip_host=False,
/// skip_accept_encoding=False)`.
#[derive(Debug, Clone, Copy, Default)]
pub struct PutRequestOptions {
    pub(crate) skip_host: bool,
    pub(crate) skip_accept_encoding: bool,
}

impl PutRequestOptions {
    /// Both automatic headers on.
    pub fn new() -> Self {
        Self::default()
    }

    /// `skip_host=True`: no automatic Host header.
    pub fn skip_host(mut self, on: bool) -> Self {
        self.skip_host = on;
        self
    }

    /// `skip_accept_encoding=True`: no automatic `Accept-Encoding: identity`.
    pub fn skip_accept_encoding(mut self, on: bool) -> Self {
        self.skip_accept_encoding = on;
        self
    }
}

/// The default HTTPS context, built once: CPython's
/// `_create_default_https_context()` with ALPN `http/1.1`.
pub(crate) fn default_https_context() -> Result<SSLContext> {
    static CONTEXT: OnceLock<SSLContext> = OnceLock::new();
    if let Some(ctx) = CONTEXT.get() {
        return Ok(ctx.clone());
    }
    let mut ctx = netstd_core::ssl::create_default_context()?;
    ctx.set_alpn_protocols(&["http/1.1"])?;
    Ok(CONTEXT.get_or_init(|| ctx).clone())
}

/// Python's `http.client.HTTPConnection`: one HTTP/1.1 connection to a server,
/// opened on first use and reopened after the server closes it (`auto_open`), kept
/// alive between requests whose responses have been read.
///
/// Everything sent is checked first: a method, target, host, header name or
/// value carrying CR, LF or another control character is refused before a byte
/// leaves (CVE-2019-9740, CVE-2019-9947, CVE-2019-18348, CVE-2020-26116).
///
/// ```no_run
/// # fn main() -> netstd_httpclient::Result<()> {
/// use netstd_httpclient::{HTTPConnection, RequestOptions};
/// let mut conn = HTTPConnection::new("localhost:8000")?;
/// conn.request("GET", "/")?;
/// let body = conn.getresponse()?.read()?;
/// conn.request_with("POST", "/api", RequestOptions::new().body("a=1")
///     .header("Content-Type", "application/x-www-form-urlencoded"))?;
/// let resp = conn.getresponse()?;
/// assert_eq!(resp.status(), 200);
/// # drop(body); Ok(()) }
/// ```
#[derive(Debug)]
pub struct HTTPConnection {
    state: ClientState,
    timeout: Option<Duration>,
    source_address: Option<SocketAddr>,
    blocksize: usize,
    context: Option<SSLContext>,
    auto_open: bool,
    conn: Option<Conn>,
    handoff: Option<Handoff<Conn>>,
    proxy_headers: Option<HTTPMessage>,
    /// A request is being sent; still true when that was cancelled half-way.
    in_flight: bool,
}

impl HTTPConnection {
    /// `HTTPConnection(host)`: `host` may end in `:port`; nothing is connected yet.
    pub fn new(host: &str) -> Result<Self> {
        Self::new_with(host, &ConnectionOptions::new())
    }

    /// `HTTPConnection(host, port=..., timeout=..., source_address=..., blocksize=...)`.
    pub fn new_with(host: &str, opts: &ConnectionOptions) -> Result<Self> {
        Self::build(host, opts, HTTP_PORT, None)
    }

    fn build(
        host: &str,
        opts: &ConnectionOptions,
        default_port: u16,
        context: Option<SSLContext>,
    ) -> Result<Self> {
        Ok(HTTPConnection {
            state: ClientState::new(host, opts.port, default_port)?,
            timeout: opts.timeout,
            source_address: opts.source_address,
            blocksize: opts.blocksize,
            context,
            auto_open: true,
            conn: None,
            handoff: None,
            proxy_headers: None,
            in_flight: false,
        })
    }

    connection_common!(Stream);

    /// `connect()`: opens the socket (TCP_NODELAY on), the tunnel, then TLS for
    /// HTTPS; the handshake completes before anything else is sent.
    pub fn connect(&mut self) -> Result<()> {
        let opts = ConnectOptions::new().timeout_opt(self.timeout);
        let opts = match self.source_address {
            Some(a) => opts.source_address(a),
            None => opts,
        };
        let stream = netstd_core::create_connection_with(&self.state.host, self.state.port, &opts)?;
        stream.set_nodelay(true)?;
        let mut conn = Conn {
            stream,
            rb: RecvBuf::with_capacity(self.blocksize.max(4096)),
        };
        if let Some(tunnel) = self.state.tunnel.clone() {
            let request = self.state.tunnel_request(&tunnel)?;
            self.debug_send(&request);
            conn.stream.write_all(&request)?;
            let head = read_head(&mut conn, self.blocksize)?;
            self.proxy_headers = Some(head.headers.clone());
            if head.status != 200 {
                return Err(Error::TunnelError(format!(
                    "Tunnel connection failed: {} {}",
                    head.status, head.reason
                )));
            }
            if !conn.rb.is_empty() {
                return Err(Error::HTTPException(
                    "the proxy sent data after its answer to CONNECT".into(),
                ));
            }
        }
        // a response still reading keeps its socket; this one replaces it here
        self.handoff = None;
        if let Some(ctx) = &self.context {
            conn.stream
                .starttls(ctx, Some(self.state.server_hostname()))?;
        }
        self.conn = Some(conn);
        Ok(())
    }

    /// `endheaders()`: sends the head.
    pub fn endheaders(&mut self) -> Result<()> {
        self.endheaders_with(None, false)
    }

    /// `endheaders(message_body, encode_chunked=...)`: sends the head and the body.
    pub fn endheaders_with(&mut self, body: Option<Body<'_>>, encode_chunked: bool) -> Result<()> {
        let body = body.map(|b| b.checked(FACE)).transpose()?;
        let head = self.state.endheaders()?;
        self.in_flight = true;
        let sent = self.send_output(&head, body, encode_chunked);
        self.in_flight = false;
        self.state.recycle(head);
        if sent.is_err() {
            self.close();
        }
        sent
    }

    /// `send(data)`: raw bytes on the connection, connecting first if need be.
    pub fn send(&mut self, data: &[u8]) -> Result<()> {
        if self.conn.is_none() {
            if !self.auto_open {
                return Err(Error::NotConnected);
            }
            self.connect()?;
        }
        self.debug_send(data);
        let conn = self.conn.as_mut().ok_or(Error::NotConnected)?;
        if let Err(e) = conn.stream.write_all(data) {
            self.close();
            return Err(e.into());
        }
        Ok(())
    }

    fn debug_send(&self, data: &[u8]) {
        if self.state.debuglevel > 0 {
            println!("send: {}", bytes_repr(data));
        }
    }

    /// `_send_output`: the head, then the body (small bodies in the same write).
    fn send_output(&mut self, head: &[u8], body: Option<Body<'_>>, chunked: bool) -> Result<()> {
        let body = match body {
            None => return self.send(head),
            Some(b) => b,
        };
        match body {
            Body::Bytes(b) => self.send_bytes_body(head, &b, chunked),
            Body::Str(s) => {
                let bytes = latin1(&s, "body")?;
                self.send_bytes_body(head, &bytes, chunked)
            }
            Body::Reader(mut r) => {
                self.send(head)?;
                let mut buf = vec![0; self.blocksize];
                let mut out = Vec::with_capacity(self.blocksize + 16);
                loop {
                    let n = match r.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => n,
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        Err(e) => return Err(e.into()),
                    };
                    self.send_piece(&mut out, &buf[..n], chunked)?;
                }
                self.finish_chunks(chunked)
            }
            #[cfg(feature = "tokio")]
            Body::AsyncReader(_) => Err(Error::ValueError(
                "an async reader body needs the aio client".into(),
            )),
            Body::Chunks(chunks) => {
                self.send(head)?;
                let mut out = Vec::new();
                for chunk in chunks {
                    self.send_piece(&mut out, &chunk, chunked)?;
                }
                self.finish_chunks(chunked)
            }
        }
    }

    fn send_bytes_body(&mut self, head: &[u8], body: &[u8], chunked: bool) -> Result<()> {
        if let Some(out) = one_write(head, body, chunked) {
            return self.send(&out);
        }
        self.send(head)?;
        let mut out = Vec::new();
        self.send_piece(&mut out, body, chunked)?;
        self.finish_chunks(chunked)
    }

    fn send_piece(&mut self, out: &mut Vec<u8>, piece: &[u8], chunked: bool) -> Result<()> {
        if piece.is_empty() {
            return Ok(());
        }
        if chunked {
            out.clear();
            encode_chunk(out, piece);
            let data = std::mem::take(out);
            let r = self.send(&data);
            *out = data;
            r
        } else {
            self.send(piece)
        }
    }

    fn finish_chunks(&mut self, chunked: bool) -> Result<()> {
        if chunked {
            self.send(LAST_CHUNK)
        } else {
            Ok(())
        }
    }

    /// `request(method, url)`: a request without body or extra headers.
    pub fn request(&mut self, method: &str, url: &str) -> Result<()> {
        self.request_with(method, url, RequestOptions::new())
    }

    /// `request(method, url, body, headers, encode_chunked=...)`: Content-Length for
    /// bytes and text (0 for PATCH, POST and PUT without a body), chunked coding
    /// for readers and iterators, unless the caller's headers say otherwise.
    pub fn request_with(
        &mut self,
        method: &str,
        url: &str,
        opts: RequestOptions<'_>,
    ) -> Result<()> {
        self.reclaim()?;
        let body = opts.body.map(|b| b.checked(FACE)).transpose()?;
        let size = body.as_ref().map_or(BodySize::Absent, Body::size);
        let chunked =
            match self
                .state
                .prepare_request(method, url, &opts.headers, size, opts.encode_chunked)
            {
                Ok(c) => c,
                Err(e) => {
                    self.state.reset();
                    return Err(e);
                }
            };
        let head = self.state.endheaders()?;
        self.in_flight = true;
        let sent = self.send_output(&head, body, chunked);
        self.in_flight = false;
        self.state.recycle(head);
        if sent.is_err() {
            // a request half sent must not be followed by another on this socket
            self.close();
        }
        sent
    }

    /// `getresponse()`: reads the response head. The response reads the body; the
    /// connection is reused once the body has been read (or reopened when the
    /// response said it would close).
    pub fn getresponse(&mut self) -> Result<HTTPResponse> {
        self.reclaim()
            .map_err(|_| Error::ResponseNotReady(RESPONSE_UNREAD.into()))?;
        self.state.begin_response()?;
        let Some(mut conn) = self.conn.take() else {
            return Err(Error::ResponseNotReady("Idle".into()));
        };
        let head = read_head(&mut conn, self.blocksize)?;
        if self.state.debuglevel > 0 {
            println!("reply: {:?}", format!("{} {}", head.status, head.reason));
            for (k, v) in head.headers.items() {
                println!("header: {k}: {v}");
            }
        }
        let framing = response_framing(&head, &self.state.method)?;
        let handoff = if framing.will_close {
            None
        } else {
            let (mine, theirs) = Handoff::pair();
            self.handoff = Some(mine);
            Some(theirs)
        };
        Ok(HTTPResponse::new(
            conn,
            head,
            framing,
            handoff,
            self.blocksize,
            self.state.debuglevel,
        ))
    }
}

/// A head and a small body in one buffer, so that they leave in one write (a
/// large body goes in writes of its own).
pub(crate) fn one_write(head: &[u8], body: &[u8], chunked: bool) -> Option<Vec<u8>> {
    if body.len() > 1 << 16 {
        return None;
    }
    let mut out = Vec::with_capacity(head.len() + body.len() + 32);
    out.extend_from_slice(head);
    if chunked {
        encode_chunk(&mut out, body);
        out.extend_from_slice(LAST_CHUNK);
    } else {
        out.extend_from_slice(body);
    }
    Some(out)
}

/// Reads a response head from the connection.
fn read_head(conn: &mut Conn, blocksize: usize) -> Result<netstd_http::proto::ResponseHead> {
    let mut parser = ResponseHeadParser::new();
    loop {
        if let Some(head) = head_step(&mut parser, &mut conn.rb)? {
            return Ok(head);
        }
        let n = loop {
            match conn.stream.read(conn.rb.spare(blocksize)) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        if n == 0 {
            return head_eof(&mut parser, &mut conn.rb);
        }
        conn.rb.commit(n);
    }
}

/// Python's `http.client.HTTPSConnection`: an [`HTTPConnection`] over TLS, port 443
/// by default, verifying the certificate and host name with the default context
/// (or the one given). Everything of `HTTPConnection` is available through it.
///
/// ```no_run
/// # fn main() -> netstd_httpclient::Result<()> {
/// let mut conn = netstd_httpclient::HTTPSConnection::new("example.org")?;
/// conn.request("GET", "/")?;
/// let resp = conn.getresponse()?;
/// # drop(resp); Ok(()) }
/// ```
#[derive(Debug)]
pub struct HTTPSConnection(pub(crate) HTTPConnection);

impl HTTPSConnection {
    /// `HTTPSConnection(host)` with the default context.
    pub fn new(host: &str) -> Result<Self> {
        Self::new_with(host, &ConnectionOptions::new())
    }

    /// `HTTPSConnection(host, port=..., timeout=..., source_address=...,
    /// context=..., blocksize=...)`.
    pub fn new_with(host: &str, opts: &ConnectionOptions) -> Result<Self> {
        let context = match &opts.context {
            Some(c) => c.clone(),
            None => default_https_context()?,
        };
        Ok(HTTPSConnection(HTTPConnection::build(
            host,
            opts,
            HTTPS_PORT,
            Some(context),
        )?))
    }
}

impl std::ops::Deref for HTTPSConnection {
    type Target = HTTPConnection;
    fn deref(&self) -> &HTTPConnection {
        &self.0
    }
}

impl std::ops::DerefMut for HTTPSConnection {
    fn deref_mut(&mut self) -> &mut HTTPConnection {
        &mut self.0
    }
}
