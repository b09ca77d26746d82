//! The async face of `http.client` on tokio: [`HTTPConnection`], [`HTTPSConnection`]
//! and [`HTTPResponse`] with the blocking face's names as async fns. The request
//! state machine, head parsing, framing and body decoding are the same code as the
//! blocking face's; only the socket calls differ.
//!
//! ```no_run
//! # async fn demo() -> netstd_httpclient::Result<()> {
//! use netstd_httpclient::aio::HTTPConnection;
//! let mut conn = HTTPConnection::new("localhost:8000")?;
//! conn.request("GET", "/").await?;
//! let mut resp = conn.getresponse().await?;
//! let body = resp.read().await?;
//! # drop(body); Ok(()) }
//! ```

use std::future::poll_fn;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use netstd_core::ConnectOptions;
use netstd_core::aio::Stream;
use netstd_core::ssl::SSLContext;
use netstd_http::HTTPMessage;
use netstd_http::proto::{
    LAST_CHUNK, ResponseFraming, ResponseHead, ResponseHeadParser, encode_chunk, response_framing,
};
use tokio::io::{AsyncBufRead, AsyncRead, AsyncReadExt, ReadBuf};

use crate::connection::{Face, HTTP_PORT, HTTPS_PORT, default_https_context, one_write};

const FACE: Face = Face::Async;
use crate::recv::{Avail, BodyCore, Buffered, DIRECT_READ, Handoff, RecvBuf, head_eof, head_step};
use crate::state::{BodySize, ClientState, bytes_repr, latin1};
use crate::{Body, ConnectionOptions, Error, RequestOptions, Result};

/// A socket and what has been received from it but not consumed.
#[derive(Debug)]
struct Conn {
    stream: Stream,
    rb: RecvBuf,
}

/// `op` within `timeout`, as Python's socket timeout bounds each operation.
async fn within<T>(timeout: Option<Duration>, op: impl Future<Output = Result<T>>) -> Result<T> {
    match timeout {
        Some(t) => tokio::time::timeout(t, op)
            .await
            .map_err(|_| Error::OSError(netstd_core::Error::TimeoutError))?,
        None => op.await,
    }
}

/// The async `http.client.HTTPConnection`; see the blocking
/// [`crate::HTTPConnection`] for the behaviour, which is the same.
///
/// ```no_run
/// # async fn demo() -> netstd_httpclient::Result<()> {
/// use netstd_httpclient::{RequestOptions, aio::HTTPConnection};
/// let mut conn = HTTPConnection::new("localhost:8000")?;
/// conn.request_with("POST", "/api", RequestOptions::new().body("a=1")).await?;
/// let status = conn.getresponse().await?.status();
/// # drop(status); Ok(()) }
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
    /// `HTTPConnection(host)`.
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

    /// `connect()`.
    pub async fn connect(&mut self) -> Result<()> {
        let opts = ConnectOptions::new().timeout_opt(self.timeout);
        let opts = match self.source_address {
            Some(a) => opts.source_address(a),
            None => opts,
        };
        let mut stream =
            netstd_core::aio::create_connection_with(&self.state.host, self.state.port, &opts)
                .await?;
        stream.set_nodelay(true)?;
        stream.settimeout(self.timeout)?;
        let mut conn = Conn {
            stream,
            rb: RecvBuf::with_capacity(self.blocksize.max(4096)),
        };
        if let Some(tunnel) = self.state.tunnel.clone() {
            let request = self.state.tunnel_request(&tunnel)?;
            self.debug_send(&request);
            conn.stream.sendall(&request).await?;
            let head = read_head(&mut conn, self.blocksize, self.timeout).await?;
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
                .starttls(ctx, Some(self.state.server_hostname()))
                .await?;
        }
        self.conn = Some(conn);
        Ok(())
    }

    fn debug_send(&self, data: &[u8]) {
        if self.state.debuglevel > 0 {
            println!("send: {}", bytes_repr(data));
        }
    }

    /// `send(data)`.
    pub async fn send(&mut self, data: &[u8]) -> Result<()> {
        if self.conn.is_none() {
            if !self.auto_open {
                return Err(Error::NotConnected);
            }
            self.connect().await?;
        }
        self.debug_send(data);
        let conn = self.conn.as_mut().ok_or(Error::NotConnected)?;
        if let Err(e) = conn.stream.sendall(data).await {
            self.close();
            return Err(e.into());
        }
        Ok(())
    }

    /// `endheaders()`.
    pub async fn endheaders(&mut self) -> Result<()> {
        self.endheaders_with(None, false).await
    }

    /// `endheaders(message_body, encode_chunked=...)`.
    pub async fn endheaders_with(
        &mut self,
        body: Option<Body<'_>>,
        encode_chunked: bool,
    ) -> Result<()> {
        let body = body.map(|b| b.checked(FACE)).transpose()?;
        let head = self.state.endheaders()?;
        let sent = self.send_output(&head, body, encode_chunked).await;
        self.state.recycle(head);
        if sent.is_err() {
            self.close();
        }
        sent
    }

    /// `request(method, url)`.
    pub async fn request(&mut self, method: &str, url: &str) -> Result<()> {
        self.request_with(method, url, RequestOptions::new()).await
    }

    /// `request(method, url, body, headers, encode_chunked=...)`.
    pub async fn request_with(
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
        let sent = self.send_output(&head, body, chunked).await;
        self.state.recycle(head);
        if sent.is_err() {
            // a request half sent must not be followed by another on this socket
            self.close();
        }
        sent
    }

    async fn send_output(
        &mut self,
        head: &[u8],
        body: Option<Body<'_>>,
        chunked: bool,
    ) -> Result<()> {
        let Some(body) = body else {
            return self.send(head).await;
        };
        let mut out = Vec::new();
        match body {
            Body::Bytes(b) => return self.send_bytes(head, &b, chunked).await,
            Body::Str(s) => {
                let bytes = latin1(&s, "body")?;
                return self.send_bytes(head, &bytes, chunked).await;
            }
            Body::Reader(_) => {
                return Err(Error::ValueError(
                    "a blocking reader body needs the blocking client; use Body::async_reader"
                        .into(),
                ));
            }
            Body::AsyncReader(mut r) => {
                self.send(head).await?;
                let mut buf = vec![0; self.blocksize];
                loop {
                    let n = r.read(&mut buf).await?;
                    if n == 0 {
                        break;
                    }
                    self.send_piece(&mut out, &buf[..n], chunked).await?;
                }
            }
            Body::Chunks(chunks) => {
                self.send(head).await?;
                for chunk in chunks {
                    self.send_piece(&mut out, &chunk, chunked).await?;
                }
            }
        }
        if chunked {
            self.send(LAST_CHUNK).await?;
        }
        Ok(())
    }

    async fn send_bytes(&mut self, head: &[u8], body: &[u8], chunked: bool) -> Result<()> {
        if let Some(out) = one_write(head, body, chunked) {
            return self.send(&out).await;
        }
        self.send(head).await?;
        let mut out = Vec::new();
        self.send_piece(&mut out, body, chunked).await?;
        if chunked {
            self.send(LAST_CHUNK).await?;
        }
        Ok(())
    }

    async fn send_piece(&mut self, out: &mut Vec<u8>, piece: &[u8], chunked: bool) -> Result<()> {
        if piece.is_empty() {
            return Ok(());
        }
        if !chunked {
            return self.send(piece).await;
        }
        out.clear();
        encode_chunk(out, piece);
        let data = std::mem::take(out);
        let r = self.send(&data).await;
        *out = data;
        r
    }

    /// `getresponse()`.
    pub async fn getresponse(&mut self) -> Result<HTTPResponse> {
        self.reclaim()
            .map_err(|_| Error::ResponseNotReady(crate::recv::RESPONSE_UNREAD.into()))?;
        self.state.begin_response()?;
        let Some(mut conn) = self.conn.take() else {
            return Err(Error::ResponseNotReady("Idle".into()));
        };
        let head = read_head(&mut conn, self.blocksize, self.timeout).await?;
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
            self.timeout,
        ))
    }
}

async fn read_head(
    conn: &mut Conn,
    blocksize: usize,
    timeout: Option<Duration>,
) -> Result<ResponseHead> {
    let mut parser = ResponseHeadParser::new();
    loop {
        if let Some(head) = head_step(&mut parser, &mut conn.rb)? {
            return Ok(head);
        }
        let stream = &mut conn.stream;
        let spare = conn.rb.spare(blocksize);
        let n = within(timeout, async { Ok(stream.read(spare).await?) }).await?;
        if n == 0 {
            return head_eof(&mut parser, &mut conn.rb);
        }
        conn.rb.commit(n);
    }
}

/// The async `http.client.HTTPSConnection`.
#[derive(Debug)]
pub struct HTTPSConnection(pub(crate) HTTPConnection);

impl HTTPSConnection {
    /// `HTTPSConnection(host)` with the default context.
    pub fn new(host: &str) -> Result<Self> {
        Self::new_with(host, &ConnectionOptions::new())
    }

    /// `HTTPSConnection(host, port=..., context=..., ...)`.
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

/// The async `http.client.HTTPResponse`: the same accessors as the blocking
/// [`crate::HTTPResponse`], the reads as async fns, and `AsyncRead` +
/// `AsyncBufRead`. A read that times out closes the response, as in the blocking
/// face; the `poll_*` methods are cancel-safe, the async fns that gather several
/// reads (`read`, `read_amt`, `readline`) lose what they gathered when dropped.
#[derive(Debug)]
pub struct HTTPResponse {
    core: BodyCore<Conn>,
    head: ResponseHead,
    url: Option<String>,
    debuglevel: u32,
    blocksize: usize,
    timeout: Option<Duration>,
}

impl Buffered for Conn {
    fn rb(&mut self) -> &mut RecvBuf {
        &mut self.rb
    }
    fn rb_ref(&self) -> &RecvBuf {
        &self.rb
    }
}

impl HTTPResponse {
    fn new(
        conn: Conn,
        head: ResponseHead,
        framing: ResponseFraming,
        handoff: Option<Handoff<Conn>>,
        blocksize: usize,
        debuglevel: u32,
        timeout: Option<Duration>,
    ) -> Self {
        HTTPResponse {
            core: BodyCore::new(conn, framing, handoff),
            head,
            url: None,
            debuglevel,
            blocksize,
            timeout,
        }
    }

    response_info!();

    reader_methods!(async; .await);

    /// `read()`: the whole (rest of the) body.
    pub async fn read(&mut self) -> Result<Vec<u8>> {
        let mut out = Vec::with_capacity(self.read_hint());
        AsyncReadExt::read_to_end(self, &mut out).await?;
        Ok(out)
    }

    /// Buffered body data (its length), reading from the socket when there is none.
    fn poll_fill(&mut self, cx: &mut Context<'_>) -> Poll<Result<usize>> {
        self.core.check()?;
        loop {
            match self.core.step()? {
                Avail::Data(n) => return Poll::Ready(Ok(n)),
                Avail::End => return Poll::Ready(Ok(0)),
                Avail::Need => {}
            }
            let Some(conn) = self.core.conn.as_mut() else {
                return Poll::Ready(Ok(0));
            };
            let mut rb = ReadBuf::new(conn.rb.spare(self.blocksize));
            match ready!(Pin::new(&mut conn.stream).poll_read(cx, &mut rb)) {
                Ok(()) => {
                    let n = rb.filled().len();
                    self.core.filled(n)?;
                }
                Err(e) => return Poll::Ready(Err(self.core.fail(e.into()))),
            }
        }
    }

    fn poll_read_some(&mut self, cx: &mut Context<'_>, buf: &mut [u8]) -> Poll<Result<usize>> {
        if buf.is_empty() {
            return Poll::Ready(Ok(0));
        }
        self.core.check()?;
        if let Some(want) = self.core.direct(buf.len()) {
            let Some(conn) = self.core.conn.as_mut() else {
                return Poll::Ready(Ok(0));
            };
            let mut rb = ReadBuf::new(&mut buf[..want]);
            return Poll::Ready(
                match ready!(Pin::new(&mut conn.stream).poll_read(cx, &mut rb)) {
                    Ok(()) => {
                        let n = rb.filled().len();
                        self.core.direct_done(n)
                    }
                    Err(e) => Err(self.core.fail(e.into())),
                },
            );
        }
        let n = ready!(self.poll_fill(cx))?.min(buf.len());
        buf[..n].copy_from_slice(self.core.data(n));
        self.core.consume(n);
        Poll::Ready(Ok(n))
    }

    /// `op` within the timeout; a timeout closes the response.
    async fn timed<T>(
        &mut self,
        op: impl FnMut(&mut Self, &mut Context<'_>) -> Poll<Result<T>>,
    ) -> Result<T> {
        let timeout = self.timeout;
        let mut op = op;
        let r = within(timeout, poll_fn(|cx| op(self, cx))).await;
        match r {
            Err(e) if e.python_name() == "TimeoutError" => Err(self.core.fail(e)),
            other => other,
        }
    }

    async fn fill(&mut self) -> Result<usize> {
        self.timed(|this, cx| this.poll_fill(cx)).await
    }

    async fn read_some(&mut self, buf: &mut [u8]) -> Result<usize> {
        self.timed(|this, cx| this.poll_read_some(cx, buf)).await
    }
}

impl AsyncRead for HTTPResponse {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let room = buf.remaining().min(this.blocksize.max(DIRECT_READ));
        let n = ready!(this.poll_read_some(cx, buf.initialize_unfilled_to(room)))?;
        buf.advance(n);
        Poll::Ready(Ok(()))
    }
}

impl AsyncBufRead for HTTPResponse {
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        let this = self.get_mut();
        let n = ready!(this.poll_fill(cx))?;
        Poll::Ready(Ok(this.core.data(n)))
    }

    fn consume(self: Pin<&mut Self>, amt: usize) {
        self.get_mut().core.consume(amt);
    }
}

impl Drop for HTTPResponse {
    fn drop(&mut self) {
        self.core.close();
    }
}
