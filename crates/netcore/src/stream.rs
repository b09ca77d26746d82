//! [`Stream`]: a connected socket, TCP or Unix-domain, plain or TLS, that can be
//! upgraded to TLS in place (STARTTLS).

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
#[cfg(unix)]
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::time::Duration;

use rustls::{ClientConnection, ServerConnection, StreamOwned};

use crate::error::{Error, Result};
use crate::ssl::SSLContext;

/// The address of one end of a [`Stream`]: what Python's `getpeername()` and
/// `getsockname()` return.
///
/// ```
/// use netstd_core::Address;
/// let a = Address::Inet("127.0.0.1:80".parse().unwrap());
/// assert_eq!(a.to_string(), "127.0.0.1:80");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// `(host, port)` of an IPv4 or IPv6 socket.
    Inet(SocketAddr),
    /// The path of a Unix-domain socket; `None` when it is unnamed.
    Unix(Option<PathBuf>),
}

impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Address::Inet(a) => write!(f, "{a}"),
            Address::Unix(Some(p)) => write!(f, "{}", p.display()),
            Address::Unix(None) => f.write_str("(unnamed)"),
        }
    }
}

/// The socket under the TLS layer.
#[derive(Debug)]
enum Transport {
    Tcp(TcpStream),
    #[cfg(unix)]
    Unix(UnixStream),
}

impl Transport {
    fn set_timeouts(&self, t: Option<Duration>) -> io::Result<()> {
        match self {
            Transport::Tcp(s) => {
                s.set_read_timeout(t)?;
                s.set_write_timeout(t)
            }
            #[cfg(unix)]
            Transport::Unix(s) => {
                s.set_read_timeout(t)?;
                s.set_write_timeout(t)
            }
        }
    }

    fn shutdown(&self, how: Shutdown) -> io::Result<()> {
        match self {
            Transport::Tcp(s) => s.shutdown(how),
            #[cfg(unix)]
            Transport::Unix(s) => s.shutdown(how),
        }
    }

    fn peer(&self) -> io::Result<Address> {
        match self {
            Transport::Tcp(s) => s.peer_addr().map(Address::Inet),
            #[cfg(unix)]
            Transport::Unix(s) => s
                .peer_addr()
                .map(|a| Address::Unix(a.as_pathname().map(Into::into))),
        }
    }

    fn local(&self) -> io::Result<Address> {
        match self {
            Transport::Tcp(s) => s.local_addr().map(Address::Inet),
            #[cfg(unix)]
            Transport::Unix(s) => s
                .local_addr()
                .map(|a| Address::Unix(a.as_pathname().map(Into::into))),
        }
    }

    #[cfg(unix)]
    fn fd(&self) -> std::os::fd::RawFd {
        use std::os::fd::AsRawFd;
        match self {
            Transport::Tcp(s) => s.as_raw_fd(),
            Transport::Unix(s) => s.as_raw_fd(),
        }
    }
}

impl Read for Transport {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Transport::Tcp(s) => s.read(buf),
            #[cfg(unix)]
            Transport::Unix(s) => s.read(buf),
        }
    }
}

impl Write for Transport {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Transport::Tcp(s) => s.write(buf),
            #[cfg(unix)]
            Transport::Unix(s) => s.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A TLS connection made for a context and name, not yet bound to the socket.
pub(crate) enum PendingTls {
    Client(ClientConnection),
    Server(ServerConnection),
}

impl PendingTls {
    fn new(context: &SSLContext, server_hostname: Option<&str>) -> Result<Self> {
        Ok(if context.is_server_side() {
            PendingTls::Server(ServerConnection::new(context.server_config()?)?)
        } else {
            let name = context.server_name(server_hostname)?;
            PendingTls::Client(ClientConnection::new(context.client_config()?, name)?)
        })
    }
}

#[derive(Debug)]
enum Inner {
    Plain(Transport),
    TlsClient(Box<StreamOwned<ClientConnection, Transport>>),
    TlsServer(Box<StreamOwned<ServerConnection, Transport>>),
    /// After a failed upgrade: the socket is gone, as in Python.
    Closed,
}

/// A connected socket: TCP or Unix-domain, plaintext or TLS. Python's `socket.socket`
/// and `ssl.SSLSocket` in one type, so that protocol clients can upgrade in place.
///
/// `Read` and `Write` work on the plaintext; a read or write that outlasts the
/// timeout fails with [`Error::TimeoutError`] (seen through `io::Error` as
/// `ErrorKind::TimedOut`). A TLS peer that closes without `close_notify` reads as end
/// of stream, as Python's default `suppress_ragged_eofs=True` has it.
///
/// ```no_run
/// # fn main() -> netstd_core::Result<()> {
/// use std::io::Read;
/// use netstd_core::{create_connection, ssl};
/// let mut s = create_connection("example.org", 443)?;
/// s.starttls(&ssl::create_default_context()?, Some("example.org"))?;
/// s.sendall(b"HEAD / HTTP/1.0\r\nHost: example.org\r\n\r\n")?;
/// let mut reply = Vec::new();
/// s.read_to_end(&mut reply)?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Stream {
    inner: Inner,
    timeout: Option<Duration>,
}

impl From<TcpStream> for Stream {
    /// Wraps a connected socket, keeping its read timeout as the stream's timeout.
    fn from(s: TcpStream) -> Self {
        let timeout = s.read_timeout().ok().flatten();
        Stream::from_transport(Transport::Tcp(s), timeout)
    }
}

#[cfg(unix)]
impl From<UnixStream> for Stream {
    /// Wraps a connected socket, keeping its read timeout as the stream's timeout.
    fn from(s: UnixStream) -> Self {
        let timeout = s.read_timeout().ok().flatten();
        Stream::from_transport(Transport::Unix(s), timeout)
    }
}

impl Stream {
    fn from_transport(t: Transport, timeout: Option<Duration>) -> Self {
        Stream {
            inner: Inner::Plain(t),
            timeout,
        }
    }

    /// `socket.socket(AF_UNIX).connect(path)`.
    ///
    /// ```no_run
    /// let s = netstd_core::Stream::connect_unix("/run/app.sock").unwrap();
    /// # drop(s);
    /// ```
    #[cfg(unix)]
    pub fn connect_unix(path: impl AsRef<std::path::Path>) -> Result<Stream> {
        Ok(UnixStream::connect(path)?.into())
    }

    fn transport(&self) -> Result<&Transport> {
        match &self.inner {
            Inner::Plain(t) => Ok(t),
            Inner::TlsClient(s) => Ok(&s.sock),
            Inner::TlsServer(s) => Ok(&s.sock),
            Inner::Closed => Err(closed()),
        }
    }

    /// `socket.settimeout(t)`: every later read and write fails with
    /// [`Error::TimeoutError`] after `t`; `None` blocks. A zero timeout (Python's
    /// non-blocking mode) is refused with `ValueError`.
    pub fn settimeout(&mut self, timeout: Option<Duration>) -> Result<()> {
        crate::connect::check_timeout(timeout)?;
        self.transport()?.set_timeouts(timeout)?;
        self.timeout = timeout;
        Ok(())
    }

    /// `socket.gettimeout()`.
    pub fn gettimeout(&self) -> Option<Duration> {
        self.timeout
    }

    /// `socket.getpeername()`.
    pub fn getpeername(&self) -> Result<Address> {
        Ok(self.transport()?.peer()?)
    }

    /// `setsockopt(IPPROTO_TCP, TCP_NODELAY, on)`: turns Nagle's algorithm off (or back
    /// on) for a TCP socket, as `http.client` does on connect; a no-op on Unix sockets.
    ///
    /// ```no_run
    /// let s = netstd_core::create_connection("example.org", 80).unwrap();
    /// s.set_nodelay(true).unwrap();
    /// ```
    pub fn set_nodelay(&self, on: bool) -> Result<()> {
        match self.transport()? {
            Transport::Tcp(s) => Ok(s.set_nodelay(on)?),
            #[cfg(unix)]
            Transport::Unix(_) => Ok(()),
        }
    }

    /// `socket.getsockname()`.
    pub fn getsockname(&self) -> Result<Address> {
        Ok(self.transport()?.local()?)
    }

    /// `socket.shutdown(how)`. On TLS, shutting down the write side first sends
    /// `close_notify`.
    pub fn shutdown(&mut self, how: Shutdown) -> Result<()> {
        if how != Shutdown::Read {
            match &mut self.inner {
                Inner::TlsClient(s) => {
                    s.conn.send_close_notify();
                    s.flush()?;
                }
                Inner::TlsServer(s) => {
                    s.conn.send_close_notify();
                    s.flush()?;
                }
                _ => {}
            }
        }
        Ok(self.transport()?.shutdown(how)?)
    }

    /// `socket.sendall(data)`. As in Python 3.5+, the timeout bounds the whole call,
    /// not each write: a peer that reads slowly cannot stretch it.
    pub fn sendall(&mut self, data: &[u8]) -> Result<()> {
        let Some(timeout) = self.timeout else {
            self.write_all(data)?;
            return Ok(self.flush()?);
        };
        let deadline = std::time::Instant::now() + timeout;
        let result = self.send_before(data, deadline);
        // Restore the per-operation timeout the deadline shortened.
        self.transport()?.set_timeouts(Some(timeout))?;
        result
    }

    fn send_before(&mut self, mut data: &[u8], deadline: std::time::Instant) -> Result<()> {
        let mut flushed = false;
        while !data.is_empty() || !flushed {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                return Err(Error::TimeoutError);
            }
            self.transport()?.set_timeouts(Some(left))?;
            if data.is_empty() {
                self.flush()?;
                flushed = true;
                continue;
            }
            match self.write(data) {
                Ok(0) => return Err(Error::OSError(io::ErrorKind::WriteZero.into())),
                Ok(n) => data = &data[n..],
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }

    /// `socket.recv(bufsize)`: at most `bufsize` bytes, empty at end of stream.
    pub fn recv(&mut self, bufsize: usize) -> Result<Vec<u8>> {
        let mut buf = vec![0; bufsize.min(1 << 20)];
        let n = loop {
            match self.read(&mut buf) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            }
        };
        buf.truncate(n);
        Ok(buf)
    }

    /// True once the stream speaks TLS.
    pub fn is_tls(&self) -> bool {
        matches!(self.inner, Inner::TlsClient(_) | Inner::TlsServer(_))
    }

    /// Upgrades a plaintext stream to TLS in place (`context.wrap_socket(sock,
    /// server_hostname=...)`, as smtplib's, poplib's and imaplib's `starttls` do). A
    /// client context verifies the peer against `server_hostname` (IDNA-encoded as
    /// CPython does); a server context performs the server side and ignores it.
    /// The handshake completes before this returns, so certificate errors surface
    /// here.
    ///
    /// This stream holds no read buffer of its own; bytes a [`crate::LineReader`]
    /// buffered before the upgrade are discarded by [`crate::LineReader::starttls`].
    pub fn starttls(&mut self, context: &SSLContext, server_hostname: Option<&str>) -> Result<()> {
        let pending = self.prepare_tls(context, server_hostname)?;
        self.finish_tls(pending)
    }

    /// Everything of an upgrade that can fail before the socket is touched.
    pub(crate) fn prepare_tls(
        &self,
        context: &SSLContext,
        server_hostname: Option<&str>,
    ) -> Result<PendingTls> {
        if self.is_tls() {
            return Err(Error::ValueError("the stream already speaks TLS".into()));
        }
        PendingTls::new(context, server_hostname)
    }

    /// The handshake of a prepared upgrade.
    pub(crate) fn finish_tls(&mut self, pending: PendingTls) -> Result<()> {
        let Inner::Plain(mut sock) = std::mem::replace(&mut self.inner, Inner::Closed) else {
            return Err(closed());
        };
        self.inner = match pending {
            PendingTls::Client(mut conn) => {
                handshake(&mut conn, &mut sock)?;
                Inner::TlsClient(Box::new(StreamOwned::new(conn, sock)))
            }
            PendingTls::Server(mut conn) => {
                handshake(&mut conn, &mut sock)?;
                Inner::TlsServer(Box::new(StreamOwned::new(conn, sock)))
            }
        };
        Ok(())
    }

    /// `SSLSocket.selected_alpn_protocol()`.
    pub fn selected_alpn_protocol(&self) -> Option<String> {
        let p = match &self.inner {
            Inner::TlsClient(s) => s.conn.alpn_protocol(),
            Inner::TlsServer(s) => s.conn.alpn_protocol(),
            _ => None,
        };
        p.map(|p| String::from_utf8_lossy(p).into_owned())
    }

    /// `SSLSocket.version()`: `"TLSv1.2"` or `"TLSv1.3"`; `None` without TLS.
    pub fn version(&self) -> Option<&'static str> {
        let v = match &self.inner {
            Inner::TlsClient(s) => s.conn.protocol_version(),
            Inner::TlsServer(s) => s.conn.protocol_version(),
            _ => None,
        }?;
        Some(match v {
            rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3",
            rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2",
            _ => "unknown",
        })
    }

    /// The negotiated cipher suite's IANA name (the first field of Python's
    /// `SSLSocket.cipher()`).
    pub fn cipher(&self) -> Option<String> {
        let s = match &self.inner {
            Inner::TlsClient(s) => s.conn.negotiated_cipher_suite(),
            Inner::TlsServer(s) => s.conn.negotiated_cipher_suite(),
            _ => None,
        }?;
        s.suite().as_str().map(str::to_string)
    }

    /// `SSLSocket.getpeercert(binary_form=True)`: the peer's certificate, DER.
    pub fn getpeercert_der(&self) -> Option<Vec<u8>> {
        let certs = match &self.inner {
            Inner::TlsClient(s) => s.conn.peer_certificates(),
            Inner::TlsServer(s) => s.conn.peer_certificates(),
            _ => None,
        }?;
        certs.first().map(|c| c.to_vec())
    }
}

#[cfg(unix)]
impl std::os::fd::AsRawFd for Stream {
    /// `socket.fileno()`; -1 once the socket is gone.
    fn as_raw_fd(&self) -> std::os::fd::RawFd {
        self.transport().map(Transport::fd).unwrap_or(-1)
    }
}

impl SSLContext {
    /// `SSLContext.wrap_socket(sock, server_hostname=...)`: the TLS side is this
    /// context's (client or server); see [`Stream::starttls`].
    ///
    /// ```no_run
    /// # fn main() -> netstd_core::Result<()> {
    /// let ctx = netstd_core::ssl::create_default_context()?;
    /// let tls = ctx.wrap_socket(netstd_core::create_connection("example.org", 443)?, Some("example.org"))?;
    /// assert!(tls.is_tls());
    /// # Ok(()) }
    /// ```
    pub fn wrap_socket(&self, mut stream: Stream, server_hostname: Option<&str>) -> Result<Stream> {
        stream.starttls(self, server_hostname)?;
        Ok(stream)
    }
}

/// Drives a handshake to completion (Python's `do_handshake_on_connect=True`).
fn handshake<C, D>(conn: &mut C, sock: &mut Transport) -> Result<()>
where
    C: std::ops::DerefMut<Target = rustls::ConnectionCommon<D>>,
{
    while conn.is_handshaking() {
        match conn.complete_io(sock) {
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                return Err(Error::SSLError(
                    "[SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol"
                        .into(),
                ));
            }
            Err(e) => {
                // Send the alert rustls queued for the peer, then report.
                let err = Error::from(e);
                while conn.wants_write() {
                    if conn.write_tls(sock).is_err() {
                        break;
                    }
                }
                return Err(err);
            }
        }
    }
    Ok(())
}

fn closed() -> Error {
    Error::OSError(io::Error::new(
        io::ErrorKind::NotConnected,
        "the socket is closed",
    ))
}

/// Python's `suppress_ragged_eofs=True`: a TLS peer that closes without
/// `close_notify` reads as end of stream.
fn ragged_eof_is_eof(r: io::Result<usize>) -> io::Result<usize> {
    match r {
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(0),
        other => other,
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match &mut self.inner {
            Inner::Plain(t) => t.read(buf),
            Inner::TlsClient(s) => ragged_eof_is_eof(s.read(buf)),
            Inner::TlsServer(s) => ragged_eof_is_eof(s.read(buf)),
            Inner::Closed => Err(closed().into()),
        }
        .map_err(tidy)
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.inner {
            Inner::Plain(t) => t.write(buf),
            Inner::TlsClient(s) => s.write(buf),
            Inner::TlsServer(s) => s.write(buf),
            Inner::Closed => Err(closed().into()),
        }
        .map_err(tidy)
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.inner {
            Inner::Plain(_) => Ok(()),
            Inner::TlsClient(s) => s.flush(),
            Inner::TlsServer(s) => s.flush(),
            Inner::Closed => Err(closed().into()),
        }
        .map_err(tidy)
    }
}

/// Carries timeouts and TLS failures through `io::Error` as netcore errors, so
/// `Error::from` recovers them and `kind()` still reads right.
fn tidy(e: io::Error) -> io::Error {
    match Error::from(e) {
        Error::OSError(e) => e,
        other => other.into(),
    }
}
