//! The async face of `socketserver` on tokio: a stream server that serves each
//! connection in a task, for many connections at once, with the same handler shape
//! as the blocking servers (`handle` gets a [`StreamRequest`] that is both `rfile`
//! and `wfile`).
//!
//! ```no_run
//! # async fn demo() -> netstd_socketserver::Result<()> {
//! use netstd_socketserver::aio::{StreamRequest, StreamRequestHandler, TCPServer};
//! use tokio::io::{AsyncBufReadExt, AsyncWriteExt};
//! struct Echo;
//! impl StreamRequestHandler for Echo {
//!     async fn handle(&self, req: &mut StreamRequest) -> std::io::Result<()> {
//!         let mut line = Vec::new();
//!         while req.read_until(b'\n', &mut line).await? > 0 {
//!             req.write_all(&line).await?;
//!             line.clear();
//!         }
//!         req.flush().await
//!     }
//! }
//! let server = TCPServer::new(("127.0.0.1", 9999), Echo).await?;
//! server.serve_forever().await?;
//! # Ok(()) }
//! ```

use std::future::Future;
use std::io;
use std::net::ToSocketAddrs;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use netstd_core::Address;
use netstd_core::aio::Stream;
use netstd_core::ssl::SSLContext;
use socket2::{SockAddr, Socket, Type};
use tokio::io::{AsyncBufRead, AsyncRead, AsyncWrite, ReadBuf};
use tokio::task::JoinSet;

use crate::{Error, Result, ServerInfo, ServerOptions};

/// What an async stream handler works with for one connection: `rfile`
/// (`AsyncRead` + `AsyncBufRead`, buffered) and `wfile` (`AsyncWrite`, buffered,
/// flushed by `flush` and when the handler returns) in one value.
#[derive(Debug)]
pub struct StreamRequest {
    stream: Stream,
    client_address: Address,
    server: Arc<ServerInfo>,
    rbuf: Vec<u8>,
    rpos: usize,
    rend: usize,
    wbuf: Vec<u8>,
}

/// Writes of at least this size skip the write buffer.
const WBUF: usize = 64 * 1024;

impl StreamRequest {
    fn new(stream: Stream, client_address: Address, server: Arc<ServerInfo>) -> Self {
        StreamRequest {
            stream,
            client_address,
            server,
            rbuf: Vec::with_capacity(8192),
            rpos: 0,
            rend: 0,
            wbuf: Vec::new(),
        }
    }

    /// `self.request`: the connection.
    pub fn request(&mut self) -> &mut Stream {
        &mut self.stream
    }

    /// `self.client_address`.
    pub fn client_address(&self) -> &Address {
        &self.client_address
    }

    /// `self.server`.
    pub fn server(&self) -> &ServerInfo {
        &self.server
    }

    /// Bytes read and not yet consumed.
    pub fn buffered(&self) -> &[u8] {
        &self.rbuf[self.rpos..self.rend]
    }

    /// Reads more bytes after those already buffered; 0 at the end of the stream.
    pub async fn fill_more(&mut self) -> io::Result<usize> {
        use tokio::io::AsyncReadExt;
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
            self.rend = self.rbuf.len();
        }
        if self.rbuf.capacity() - self.rend < 4096 {
            self.rbuf.reserve(self.rbuf.capacity().max(8192));
        }
        let n = self.stream.read_buf(&mut self.rbuf).await?;
        self.rend = self.rbuf.len();
        Ok(n)
    }

    fn poll_flush_buf(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while !self.wbuf.is_empty() {
            let n = ready!(Pin::new(&mut self.stream).poll_write(cx, &self.wbuf))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.wbuf.drain(..n);
        }
        Poll::Ready(Ok(()))
    }
}

impl AsyncRead for StreamRequest {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if this.rpos == this.rend && buf.remaining() >= this.rbuf.capacity() {
            return Pin::new(&mut this.stream).poll_read(cx, buf);
        }
        let avail = ready!(Pin::new(&mut *this).poll_fill_buf(cx))?;
        let n = avail.len().min(buf.remaining());
        buf.put_slice(&avail[..n]);
        Pin::new(this).consume(n);
        Poll::Ready(Ok(()))
    }
}

impl AsyncBufRead for StreamRequest {
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        let this = self.get_mut();
        if this.rpos == this.rend {
            use tokio::io::AsyncReadExt;
            this.rbuf.clear();
            // into the spare capacity: the buffer's pages are touched only as far
            // as the bytes read
            let n = ready!(std::pin::pin!(this.stream.read_buf(&mut this.rbuf)).poll(cx))?;
            this.rpos = 0;
            this.rend = n;
        }
        Poll::Ready(Ok(&this.rbuf[this.rpos..this.rend]))
    }

    fn consume(self: Pin<&mut Self>, amt: usize) {
        let this = self.get_mut();
        this.rpos = (this.rpos + amt).min(this.rend);
    }
}

impl AsyncWrite for StreamRequest {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if this.wbuf.len() + buf.len() > WBUF {
            ready!(this.poll_flush_buf(cx))?;
        }
        if buf.len() >= WBUF {
            return Pin::new(&mut this.stream).poll_write(cx, buf);
        }
        this.wbuf.extend_from_slice(buf);
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_flush_buf(cx))?;
        Pin::new(&mut this.stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_flush_buf(cx))?;
        Pin::new(&mut this.stream).poll_shutdown(cx)
    }
}

/// What the async server runs for each connection: `handle` (with `setup` and
/// `finish` folded in: do them at its start and end).
pub trait StreamRequestHandler: Send + Sync + 'static {
    /// Serves one connection.
    fn handle(&self, req: &mut StreamRequest) -> impl Future<Output = io::Result<()>> + Send;
}

type ErrorFn = dyn Fn(&Address, &Error) + Send + Sync;

/// Python's `TCPServer` on tokio: accepts connections and serves each in its own
/// task, so one slow client holds nothing but its own task. `shutdown` stops
/// `serve_forever`; `server_close` then waits for the connections still served.
pub struct TCPServer<H> {
    listener: tokio::net::TcpListener,
    handler: Arc<H>,
    info: Arc<ServerInfo>,
    opts: ServerOptions,
    stop: tokio::sync::watch::Sender<bool>,
    tasks: tokio::sync::Mutex<JoinSet<()>>,
    handle_error: Mutex<Option<Arc<ErrorFn>>>,
}

impl<H> std::fmt::Debug for TCPServer<H> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("aio::TCPServer")
            .field("server_address", &self.info.server_address())
            .finish()
    }
}

impl<H: StreamRequestHandler> TCPServer<H> {
    /// `TCPServer(server_address, RequestHandlerClass)`: bound and listening.
    pub async fn new(server_address: impl ToSocketAddrs, handler: H) -> Result<Self> {
        Self::new_with(server_address, handler, ServerOptions::new()).await
    }

    /// The same with options (`allow_reuse_address`, `request_queue_size`, `tls`, ...).
    pub async fn new_with(
        server_address: impl ToSocketAddrs,
        handler: H,
        opts: ServerOptions,
    ) -> Result<Self> {
        let addr = server_address
            .to_socket_addrs()?
            .next()
            .ok_or_else(|| Error::ValueError("the address resolved to nothing".into()))?;
        let bind_to = SockAddr::from(addr);
        let socket = Socket::new(bind_to.domain(), Type::STREAM, None)?;
        if opts.allow_reuse_address {
            socket.set_reuse_address(true)?;
        }
        if opts.allow_reuse_port {
            socket.set_reuse_port(true)?;
        }
        if opts.dual_stack && addr.is_ipv6() {
            let _ = socket.set_only_v6(false);
        }
        socket.bind(&bind_to)?;
        // a server with many connections wants a deeper backlog than CPython's 5
        socket.listen(opts.request_queue_size.max(1024))?;
        socket.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(std::net::TcpListener::from(socket))?;
        let local = listener.local_addr()?;
        Ok(TCPServer {
            listener,
            handler: Arc::new(handler),
            info: Arc::new(ServerInfo {
                server_address: Address::Inet(local),
            }),
            opts,
            stop: tokio::sync::watch::channel(false).0,
            tasks: tokio::sync::Mutex::new(JoinSet::new()),
            handle_error: Mutex::new(None),
        })
    }

    /// `server_address`.
    pub fn server_address(&self) -> Address {
        self.info.server_address().clone()
    }

    /// `handle_error`: a handler failed or panicked (default: printed to stderr).
    pub fn set_handle_error(&self, f: impl Fn(&Address, &Error) + Send + Sync + 'static) {
        if let Ok(mut slot) = self.handle_error.lock() {
            *slot = Some(Arc::new(f));
        }
    }

    fn error_hook(&self) -> Option<Arc<ErrorFn>> {
        self.handle_error.lock().ok().and_then(|g| g.clone())
    }

    /// `serve_forever()`: accepts until `shutdown()`.
    pub async fn serve_forever(&self) -> Result<()> {
        let mut stop = self.stop.subscribe();
        // a shutdown asked before serving started ends it at once, as in CPython
        if *stop.borrow_and_update() {
            self.stop.send_replace(false);
            return Ok(());
        }
        loop {
            tokio::select! {
                accepted = self.listener.accept() => {
                    let (tcp, peer) = match accepted {
                        Ok(pair) => pair,
                        Err(_) => {
                            // out of descriptors, say: back off instead of spinning
                            tokio::time::sleep(Duration::from_millis(100)).await;
                            continue;
                        }
                    };
                    let _ = tcp.set_nodelay(true);
                    self.spawn(Stream::from(tcp), Address::Inet(peer)).await;
                }
                changed = stop.changed() => {
                    if changed.is_err() || *stop.borrow_and_update() {
                        self.stop.send_replace(false);
                        return Ok(());
                    }
                }
            }
        }
    }

    async fn spawn(&self, mut stream: Stream, client_address: Address) {
        let handler = self.handler.clone();
        let info = self.info.clone();
        let tls = self.opts.tls.clone();
        let hook = self.error_hook();
        let mut tasks = self.tasks.lock().await;
        // collect finished connections (and report panics)
        while let Some(done) = tasks.try_join_next() {
            if let Err(e) = done {
                if e.is_panic() {
                    report(
                        &hook,
                        &client_address,
                        &Error::HandlerPanicked(e.to_string()),
                    );
                }
            }
        }
        let hook_in_task = hook.clone();
        tasks.spawn(async move {
            if let Some(ctx) = tls {
                if Box::pin(handshake(&mut stream, &ctx)).await.is_err() {
                    return;
                }
            }
            let mut req = StreamRequest::new(stream, client_address.clone(), info);
            let handled = handler.handle(&mut req).await;
            // a client that stops reading cannot hold the task for ever
            let flushed = {
                use tokio::io::AsyncWriteExt;
                tokio::time::timeout(Duration::from_secs(10), req.shutdown())
                    .await
                    .unwrap_or_else(|_| Err(io::ErrorKind::TimedOut.into()))
            };
            if let Err(e) = handled.and(flushed) {
                if e.kind() != io::ErrorKind::NotConnected {
                    report(&hook_in_task, &client_address, &Error::OSError(e));
                }
            }
        });
    }

    /// `shutdown()`: `serve_forever` returns (connections being served go on).
    pub fn shutdown(&self) {
        self.stop.send_replace(true);
    }

    /// `server_close()`: waits for the connections still being served.
    pub async fn server_close(&self) {
        let mut tasks = self.tasks.lock().await;
        while tasks.join_next().await.is_some() {}
    }
}

fn report(hook: &Option<Arc<ErrorFn>>, addr: &Address, err: &Error) {
    match hook {
        Some(f) => f(addr, err),
        None => eprintln!(
            "{dashes}\nException occurred during processing of request from {addr}\n{err}\n{dashes}",
            dashes = "-".repeat(40)
        ),
    }
}

async fn handshake(stream: &mut Stream, ctx: &SSLContext) -> netstd_core::Result<()> {
    stream.settimeout(Some(Duration::from_secs(10)))?;
    stream.starttls(ctx, None).await?;
    stream.settimeout(None)
}
