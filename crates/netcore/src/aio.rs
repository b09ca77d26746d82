//! The async face of netcore on tokio: [`create_connection`], [`Stream`] with
//! [`Stream::starttls`], and [`LineReader`], with the same names and behaviour as the
//! blocking ones. Lines are cut by the same sans-IO [`crate::line::LineFramer`].

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
#[cfg(unix)]
use tokio::net::UnixStream;
use tokio::net::{TcpSocket, TcpStream};
use tokio_rustls::{TlsAcceptor, TlsConnector, client, server};

use crate::connect::{ConnectOptions, interleave, lookup_name, no_addresses};
use crate::error::{Error, Result};
use crate::line::LineFramer;
use crate::ssl::SSLContext;
use crate::stream::Address;

/// `socket.create_connection((host, port))`, async.
///
/// ```no_run
/// # async fn demo() -> netstd_core::Result<()> {
/// let s = netstd_core::aio::create_connection("localhost", 8000).await?;
/// # drop(s); Ok(()) }
/// ```
pub async fn create_connection(host: &str, port: u16) -> Result<Stream> {
    create_connection_with(host, port, &ConnectOptions::new()).await
}

/// `socket.create_connection((host, port), timeout, source_address)`, async; Happy
/// Eyeballs when the options ask for it.
///
/// ```no_run
/// # async fn demo() -> netstd_core::Result<()> {
/// use std::time::Duration;
/// use netstd_core::{aio, ConnectOptions};
/// let opts = ConnectOptions::new().timeout(Duration::from_secs(3)).happy_eyeballs(true);
/// let s = aio::create_connection_with("localhost", 8000, &opts).await?;
/// # drop(s); Ok(()) }
/// ```
pub async fn create_connection_with(
    host: &str,
    port: u16,
    opts: &ConnectOptions,
) -> Result<Stream> {
    opts.check()?;
    let name = lookup_name(host)?.into_owned();
    let addrs: Vec<SocketAddr> = tokio::net::lookup_host((name.as_str(), port))
        .await
        .map_err(|e| Error::gaierror {
            host: host.to_string(),
            message: e.to_string(),
        })?
        .collect();
    if addrs.is_empty() {
        return Err(no_addresses());
    }
    let tcp = if opts.is_happy_eyeballs() && addrs.len() > 1 {
        happy_eyeballs(interleave(addrs), opts).await?
    } else {
        let mut last = no_addresses();
        let mut found = None;
        for addr in addrs {
            match connect_one(addr, opts.clone()).await {
                Ok(s) => {
                    found = Some(s);
                    break;
                }
                Err(e) => last = e,
            }
        }
        found.ok_or(last)?
    };
    let mut stream = Stream::from(tcp);
    stream.settimeout(opts.get_timeout())?;
    Ok(stream)
}

async fn connect_one(addr: SocketAddr, opts: ConnectOptions) -> Result<TcpStream> {
    let sock = if addr.is_ipv6() {
        TcpSocket::new_v6()?
    } else {
        TcpSocket::new_v4()?
    };
    if let Some(src) = opts.get_source_address() {
        sock.bind(src)?;
    }
    match opts.get_timeout() {
        Some(t) => tokio::time::timeout(t, sock.connect(addr))
            .await
            .map_err(|_| Error::TimeoutError)?
            .map_err(Error::from),
        None => Ok(sock.connect(addr).await?),
    }
}

async fn happy_eyeballs(addrs: Vec<SocketAddr>, opts: &ConnectOptions) -> Result<TcpStream> {
    let mut attempts = tokio::task::JoinSet::new();
    let mut next = 0;
    let mut last_err = no_addresses();
    loop {
        if next < addrs.len() {
            attempts.spawn(connect_one(addrs[next], opts.clone()));
            next += 1;
        }
        let finished = if next < addrs.len() {
            tokio::select! {
                r = attempts.join_next() => r,
                _ = tokio::time::sleep(opts.get_attempt_delay()) => continue,
            }
        } else {
            attempts.join_next().await
        };
        match finished {
            // Dropping the set aborts the other attempts.
            Some(Ok(Ok(stream))) => return Ok(stream),
            Some(Ok(Err(e))) => last_err = e,
            Some(Err(join)) => last_err = Error::OSError(io::Error::other(join)),
            None if next == addrs.len() => return Err(last_err),
            None => {}
        }
        if attempts.is_empty() && next == addrs.len() {
            return Err(last_err);
        }
    }
}

#[derive(Debug)]
enum Transport {
    Tcp(TcpStream),
    #[cfg(unix)]
    Unix(UnixStream),
}

macro_rules! transport_dispatch {
    ($self:expr, $s:ident => $e:expr) => {
        match $self {
            Transport::Tcp($s) => $e,
            #[cfg(unix)]
            Transport::Unix($s) => $e,
        }
    };
}

impl AsyncRead for Transport {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        transport_dispatch!(self.get_mut(), s => Pin::new(s).poll_read(cx, buf))
    }
}

impl AsyncWrite for Transport {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        transport_dispatch!(self.get_mut(), s => Pin::new(s).poll_write(cx, buf))
    }
    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        transport_dispatch!(self.get_mut(), s => Pin::new(s).poll_flush(cx))
    }
    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        transport_dispatch!(self.get_mut(), s => Pin::new(s).poll_shutdown(cx))
    }
}

#[derive(Debug)]
enum Inner {
    Plain(Transport),
    TlsClient(Box<client::TlsStream<Transport>>),
    TlsServer(Box<server::TlsStream<Transport>>),
    Closed,
}

macro_rules! inner_dispatch {
    ($self:expr, $method:ident($($arg:expr),*)) => {
        match $self {
            Inner::Plain(s) => Pin::new(s).$method($($arg),*),
            Inner::TlsClient(s) => Pin::new(s.as_mut()).$method($($arg),*),
            Inner::TlsServer(s) => Pin::new(s.as_mut()).$method($($arg),*),
            Inner::Closed => Poll::Ready(Err(closed_io())),
        }
    };
}

/// A connected socket on tokio: TCP or Unix-domain, plaintext or TLS, the async twin
/// of [`crate::Stream`].
///
/// A timeout set with [`Stream::settimeout`] bounds each operation of this type and
/// of [`LineReader`] (`sendall`, `recv`, `readline`, `read_exact`, `starttls`,
/// `shutdown`), which then fail with [`Error::TimeoutError`]; an operation cancelled
/// by its caller does not count against the next one. Raw `AsyncRead`/`AsyncWrite`
/// polls are not bounded: wrap them in `tokio::time::timeout` as usual.
///
/// ```no_run
/// # async fn demo() -> netstd_core::Result<()> {
/// use tokio::io::AsyncWriteExt;
/// use netstd_core::{aio, ssl};
/// let mut s = aio::create_connection("example.org", 443).await?;
/// s.starttls(&ssl::create_default_context()?, Some("example.org")).await?;
/// s.write_all(b"HEAD / HTTP/1.0\r\n\r\n").await?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Stream {
    inner: Inner,
    timeout: Option<Duration>,
}

impl From<TcpStream> for Stream {
    fn from(s: TcpStream) -> Self {
        Stream::from_transport(Transport::Tcp(s))
    }
}

#[cfg(unix)]
impl From<UnixStream> for Stream {
    fn from(s: UnixStream) -> Self {
        Stream::from_transport(Transport::Unix(s))
    }
}

fn closed_io() -> io::Error {
    io::Error::new(io::ErrorKind::NotConnected, "the socket is closed")
}

impl Stream {
    fn from_transport(t: Transport) -> Self {
        Stream {
            inner: Inner::Plain(t),
            timeout: None,
        }
    }

    /// Connects to a Unix-domain socket.
    #[cfg(unix)]
    pub async fn connect_unix(path: impl AsRef<std::path::Path>) -> Result<Stream> {
        Ok(UnixStream::connect(path).await?.into())
    }

    /// `settimeout(t)`: bounds each later read, write and handshake; `None` waits
    /// for ever. Zero is refused with `ValueError`, as in the blocking face.
    pub fn settimeout(&mut self, timeout: Option<Duration>) -> Result<()> {
        crate::connect::check_timeout(timeout)?;
        self.timeout = timeout;
        Ok(())
    }

    /// `gettimeout()`.
    pub fn gettimeout(&self) -> Option<Duration> {
        self.timeout
    }

    fn transport(&self) -> Result<&Transport> {
        match &self.inner {
            Inner::Plain(t) => Ok(t),
            Inner::TlsClient(s) => Ok(s.get_ref().0),
            Inner::TlsServer(s) => Ok(s.get_ref().0),
            Inner::Closed => Err(Error::OSError(closed_io())),
        }
    }

    /// `getpeername()`.
    pub fn getpeername(&self) -> Result<Address> {
        Ok(match self.transport()? {
            Transport::Tcp(s) => Address::Inet(s.peer_addr()?),
            #[cfg(unix)]
            Transport::Unix(s) => Address::Unix(s.peer_addr()?.as_pathname().map(Into::into)),
        })
    }

    /// `setsockopt(IPPROTO_TCP, TCP_NODELAY, on)`: turns Nagle's algorithm off (or back
    /// on) for a TCP socket, as `http.client` does on connect; a no-op on Unix sockets.
    ///
    /// ```no_run
    /// # async fn demo() -> netstd_core::Result<()> {
    /// let s = netstd_core::aio::create_connection("example.org", 80).await?;
    /// s.set_nodelay(true)?;
    /// # Ok(()) }
    /// ```
    pub fn set_nodelay(&self, on: bool) -> Result<()> {
        match self.transport()? {
            Transport::Tcp(s) => Ok(s.set_nodelay(on)?),
            #[cfg(unix)]
            Transport::Unix(_) => Ok(()),
        }
    }

    /// `getsockname()`.
    pub fn getsockname(&self) -> Result<Address> {
        Ok(match self.transport()? {
            Transport::Tcp(s) => Address::Inet(s.local_addr()?),
            #[cfg(unix)]
            Transport::Unix(s) => Address::Unix(s.local_addr()?.as_pathname().map(Into::into)),
        })
    }

    /// True once the stream speaks TLS.
    pub fn is_tls(&self) -> bool {
        matches!(self.inner, Inner::TlsClient(_) | Inner::TlsServer(_))
    }

    /// `sendall(data)`: the timeout bounds the whole call, as in Python 3.5+.
    pub async fn sendall(&mut self, data: &[u8]) -> Result<()> {
        within(self.timeout, async {
            self.write_all(data).await?;
            Ok(self.flush().await?)
        })
        .await
    }

    /// `recv(bufsize)`: at most `bufsize` bytes, empty at end of stream.
    pub async fn recv(&mut self, bufsize: usize) -> Result<Vec<u8>> {
        let mut buf = vec![0; bufsize.min(1 << 20)];
        let n = within(self.timeout, async { Ok(self.read(&mut buf).await?) }).await?;
        buf.truncate(n);
        Ok(buf)
    }

    /// Shuts the write side down (sending TLS `close_notify` first on TLS).
    pub async fn shutdown(&mut self) -> Result<()> {
        within(self.timeout, async {
            Ok(AsyncWriteExt::shutdown(self).await?)
        })
        .await
    }

    /// `SSLSocket.version()`: `"TLSv1.2"` or `"TLSv1.3"`; `None` without TLS.
    pub fn version(&self) -> Option<&'static str> {
        let v = match &self.inner {
            Inner::TlsClient(s) => s.get_ref().1.protocol_version(),
            Inner::TlsServer(s) => s.get_ref().1.protocol_version(),
            _ => None,
        }?;
        Some(match v {
            rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3",
            rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2",
            _ => "unknown",
        })
    }

    /// The negotiated cipher suite's IANA name (`SSLSocket.cipher()[0]`).
    pub fn cipher(&self) -> Option<String> {
        let s = match &self.inner {
            Inner::TlsClient(s) => s.get_ref().1.negotiated_cipher_suite(),
            Inner::TlsServer(s) => s.get_ref().1.negotiated_cipher_suite(),
            _ => None,
        }?;
        s.suite().as_str().map(str::to_string)
    }

    /// Upgrades to TLS in place, as [`crate::Stream::starttls`]; the handshake is
    /// bounded by the stream's timeout. Bytes an [`LineReader`] buffered before the
    /// upgrade are discarded by [`LineReader::starttls`].
    pub async fn starttls(
        &mut self,
        context: &SSLContext,
        server_hostname: Option<&str>,
    ) -> Result<()> {
        let pending = self.prepare_tls(context, server_hostname)?;
        self.finish_tls(pending).await
    }

    /// Everything of an upgrade that can fail before the socket is touched.
    fn prepare_tls(
        &self,
        context: &SSLContext,
        server_hostname: Option<&str>,
    ) -> Result<PendingTls> {
        if self.is_tls() {
            return Err(Error::ValueError("the stream already speaks TLS".into()));
        }
        Ok(if context.is_server_side() {
            PendingTls::Server(context.server_config()?)
        } else {
            PendingTls::Client(
                context.client_config()?,
                context.server_name(server_hostname)?,
            )
        })
    }

    /// The handshake of a prepared upgrade, bounded by the timeout. If it fails or is
    /// cancelled the socket is gone, as after a failed handshake in Python.
    async fn finish_tls(&mut self, pending: PendingTls) -> Result<()> {
        let Inner::Plain(sock) = std::mem::replace(&mut self.inner, Inner::Closed) else {
            return Err(Error::OSError(closed_io()));
        };
        let upgraded = async move {
            match pending {
                PendingTls::Client(config, name) => TlsConnector::from(config)
                    .connect(name, sock)
                    .await
                    .map(|s| Inner::TlsClient(Box::new(s))),
                PendingTls::Server(config) => TlsAcceptor::from(config)
                    .accept(sock)
                    .await
                    .map(|s| Inner::TlsServer(Box::new(s))),
            }
        };
        self.inner = within(self.timeout, async {
            upgraded.await.map_err(handshake_error)
        })
        .await?;
        Ok(())
    }

    /// `SSLSocket.selected_alpn_protocol()`.
    pub fn selected_alpn_protocol(&self) -> Option<String> {
        let p = match &self.inner {
            Inner::TlsClient(s) => s.get_ref().1.alpn_protocol(),
            Inner::TlsServer(s) => s.get_ref().1.alpn_protocol(),
            _ => None,
        };
        p.map(|p| String::from_utf8_lossy(p).into_owned())
    }

    /// `SSLSocket.getpeercert(binary_form=True)`.
    pub fn getpeercert_der(&self) -> Option<Vec<u8>> {
        let certs = match &self.inner {
            Inner::TlsClient(s) => s.get_ref().1.peer_certificates(),
            Inner::TlsServer(s) => s.get_ref().1.peer_certificates(),
            _ => None,
        }?;
        certs.first().map(|c| c.to_vec())
    }
}

impl SSLContext {
    /// Async `wrap_socket`: see [`Stream::starttls`].
    pub async fn wrap_socket_async(
        &self,
        mut stream: Stream,
        server_hostname: Option<&str>,
    ) -> Result<Stream> {
        stream.starttls(self, server_hostname).await?;
        Ok(stream)
    }
}

fn handshake_error(e: io::Error) -> Error {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        return Error::SSLError(
            "[SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol".into(),
        );
    }
    Error::from(e)
}

/// Runs `op` within `timeout` (for ever without one): Python's per-operation
/// socket timeout.
async fn within<T>(timeout: Option<Duration>, op: impl Future<Output = Result<T>>) -> Result<T> {
    match timeout {
        Some(t) => tokio::time::timeout(t, op)
            .await
            .map_err(|_| Error::TimeoutError)?,
        None => op.await,
    }
}

/// A prepared TLS upgrade: the configuration, and the server name for a client.
enum PendingTls {
    Client(
        std::sync::Arc<rustls::ClientConfig>,
        rustls::pki_types::ServerName<'static>,
    ),
    Server(std::sync::Arc<rustls::ServerConfig>),
}

impl AsyncRead for Stream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match inner_dispatch!(&mut self.get_mut().inner, poll_read(cx, buf)) {
            // Python's suppress_ragged_eofs: a TLS close without close_notify is EOF.
            Poll::Ready(Err(e)) if e.kind() == io::ErrorKind::UnexpectedEof => Poll::Ready(Ok(())),
            Poll::Ready(Err(e)) => Poll::Ready(Err(Error::from(e).into())),
            other => other,
        }
    }
}

impl AsyncWrite for Stream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        inner_dispatch!(&mut self.get_mut().inner, poll_write(cx, buf))
    }
    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        inner_dispatch!(&mut self.get_mut().inner, poll_flush(cx))
    }
    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        inner_dispatch!(&mut self.get_mut().inner, poll_shutdown(cx))
    }
}

#[cfg(unix)]
impl std::os::fd::AsRawFd for Stream {
    /// `socket.fileno()`; -1 once the socket is gone.
    fn as_raw_fd(&self) -> std::os::fd::RawFd {
        match self.transport() {
            Ok(Transport::Tcp(s)) => s.as_raw_fd(),
            #[cfg(unix)]
            Ok(Transport::Unix(s)) => s.as_raw_fd(),
            Err(_) => -1,
        }
    }
}

/// A transport whose per-operation timeout [`LineReader`] applies: [`Stream`]'s
/// [`Stream::settimeout`]; other transports have none unless they say so.
pub trait Timeout {
    /// The timeout of one operation, if any.
    fn timeout(&self) -> Option<Duration> {
        None
    }
}

impl Timeout for Stream {
    fn timeout(&self) -> Option<Duration> {
        self.timeout
    }
}
impl Timeout for TcpStream {}
#[cfg(unix)]
impl Timeout for UnixStream {}
impl Timeout for tokio::io::DuplexStream {}
impl Timeout for &[u8] {}
impl<T: Timeout + ?Sized> Timeout for &mut T {
    fn timeout(&self) -> Option<Duration> {
        (**self).timeout()
    }
}
impl<T: Timeout + ?Sized> Timeout for Box<T> {
    fn timeout(&self) -> Option<Duration> {
        (**self).timeout()
    }
}

/// The async twin of [`crate::LineReader`]: bounded lines and exact-length literals,
/// cut by the same [`LineFramer`]. Each operation is bounded by the transport's
/// [`Timeout`]; a cancelled or failed operation loses no byte already received.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// use netstd_core::aio::LineReader;
/// let mut r = LineReader::new(&b"+OK ready\r\nbody"[..], 2048);
/// assert_eq!(r.readline().await.unwrap(), b"+OK ready\r\n");
/// assert_eq!(r.read_exact(4).await.unwrap(), b"body");
/// # }
/// ```
#[derive(Debug)]
pub struct LineReader<S> {
    inner: S,
    framer: LineFramer,
}

/// How many bytes one read asks for, and the most room made ahead of data.
const CHUNK: usize = 8 * 1024;
const PREALLOC_LIMIT: usize = 64 * 1024;

impl<S: AsyncRead + Unpin + Timeout> LineReader<S> {
    /// Wraps `inner`; lines may be at most `max_line` bytes, terminator included.
    pub fn new(inner: S, max_line: usize) -> Self {
        LineReader {
            inner,
            framer: LineFramer::new(max_line),
        }
    }

    /// The line-length limit.
    pub fn max_line(&self) -> usize {
        self.framer.limit()
    }

    /// Changes the line-length limit.
    pub fn set_max_line(&mut self, limit: usize) {
        self.framer.set_limit(limit);
    }

    async fn fill(&mut self, want: usize) -> Result<usize> {
        let n = self
            .inner
            .read(self.framer.spare_for(want.clamp(CHUNK, PREALLOC_LIMIT)))
            .await?;
        self.framer.filled(n);
        Ok(n)
    }

    /// `readline()`: the next line with its terminator; at end of stream the
    /// unterminated rest, then empty. Too long: [`Error::LineTooLong`].
    pub async fn readline(&mut self) -> Result<Vec<u8>> {
        let mut line = Vec::new();
        self.readline_into(&mut line).await?;
        Ok(line)
    }

    /// `readline()` appended to a caller's buffer; the count appended, 0 at the end.
    pub async fn readline_into(&mut self, out: &mut Vec<u8>) -> Result<usize> {
        let timeout = self.inner.timeout();
        within(timeout, async {
            loop {
                if let Some(n) = self.framer.line_len()? {
                    out.extend_from_slice(&self.framer.buffered()[..n]);
                    self.framer.consume(n);
                    return Ok(n);
                }
                if self.fill(CHUNK).await? == 0 {
                    let rest = self.framer.buffered().len();
                    out.extend_from_slice(self.framer.buffered());
                    self.framer.consume(rest);
                    return Ok(rest);
                }
            }
        })
        .await
    }

    /// Exactly `n` bytes; memory grows as bytes arrive. Early end: [`Error::EOFError`].
    pub async fn read_exact(&mut self, n: usize) -> Result<Vec<u8>> {
        let timeout = self.inner.timeout();
        within(timeout, async {
            loop {
                let have = self.framer.buffered().len();
                if have >= n {
                    return Ok(self.framer.take(n));
                }
                if self.fill(n - have).await? == 0 {
                    return Err(Error::EOFError {
                        expected: n,
                        got: self.framer.buffered().len(),
                    });
                }
            }
        })
        .await
    }

    /// The bytes buffered and not yet read.
    pub fn buffered(&self) -> &[u8] {
        self.framer.buffered()
    }

    /// Drops the buffered bytes and says how many there were.
    pub fn discard_buffered(&mut self) -> usize {
        self.framer.discard()
    }

    /// The inner stream, mutably (for writing).
    pub fn get_mut(&mut self) -> &mut S {
        &mut self.inner
    }

    /// The inner stream.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }

    /// The inner stream; buffered bytes are lost.
    pub fn into_inner(self) -> S {
        self.inner
    }
}

impl LineReader<Stream> {
    /// Upgrades to TLS in place after discarding every byte buffered before the
    /// upgrade (the CVE-2011-0411 class), as [`crate::LineReader::starttls`].
    /// Arguments are checked first, so a refused upgrade loses nothing.
    pub async fn starttls(
        &mut self,
        context: &SSLContext,
        server_hostname: Option<&str>,
    ) -> Result<()> {
        let pending = self.inner.prepare_tls(context, server_hostname)?;
        self.framer.discard();
        self.inner.finish_tls(pending).await
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for LineReader<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }
    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }
    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}
