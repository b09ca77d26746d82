//! The servers: Python's `BaseServer` loop (`serve_forever`, `shutdown`,
//! `handle_request`) over stream and datagram sockets, sequential or threading.

use std::io;
use std::net::{SocketAddr, ToSocketAddrs};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use netstd_core::ssl::SSLContext;
use netstd_core::{Address, Stream};
use socket2::{SockAddr, Socket, Type};

use crate::handler::{
    DatagramRequest, DatagramRequestHandler, StreamRequest, StreamRequestHandler, run_stream,
};
use crate::{Error, Result};

/// What a handler may know of its server (`self.server` in Python).
#[derive(Debug, Clone)]
pub struct ServerInfo {
    pub(crate) server_address: Address,
}

impl ServerInfo {
    /// `server.server_address`: the bound address (the real port after port 0).
    pub fn server_address(&self) -> &Address {
        &self.server_address
    }
}

/// The keyword arguments and class attributes of a server: `bind_and_activate`,
/// `allow_reuse_address`, `allow_reuse_port`, `request_queue_size`, `timeout`,
/// `max_packet_size`, and for the threading servers `daemon_threads` and
/// `block_on_close`.
///
/// ```
/// use std::time::Duration;
/// let opts = netstd_socketserver::ServerOptions::new()
///     .allow_reuse_address(true)
///     .request_queue_size(128)
///     .timeout(Duration::from_secs(1));
/// # drop(opts);
/// ```
#[derive(Debug, Clone)]
pub struct ServerOptions {
    pub(crate) bind_and_activate: bool,
    pub(crate) allow_reuse_address: bool,
    pub(crate) allow_reuse_port: bool,
    pub(crate) request_queue_size: i32,
    pub(crate) timeout: Option<Duration>,
    pub(crate) max_packet_size: usize,
    pub(crate) daemon_threads: bool,
    pub(crate) block_on_close: bool,
    pub(crate) dual_stack: bool,
    pub(crate) tls: Option<SSLContext>,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            bind_and_activate: true,
            allow_reuse_address: false,
            allow_reuse_port: false,
            request_queue_size: 5,
            timeout: None,
            max_packet_size: 8192,
            daemon_threads: false,
            block_on_close: true,
            dual_stack: false,
            tls: None,
        }
    }
}

impl ServerOptions {
    /// CPython's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// `bind_and_activate=False`: the socket is made but not bound; call
    /// `server_bind` and `server_activate` yourself.
    pub fn bind_and_activate(mut self, on: bool) -> Self {
        self.bind_and_activate = on;
        self
    }

    /// `allow_reuse_address`: SO_REUSEADDR before binding.
    pub fn allow_reuse_address(mut self, on: bool) -> Self {
        self.allow_reuse_address = on;
        self
    }

    /// `allow_reuse_port`: SO_REUSEPORT before binding.
    pub fn allow_reuse_port(mut self, on: bool) -> Self {
        self.allow_reuse_port = on;
        self
    }

    /// The `request_queue_size` set.
    pub fn options_request_queue_size(&self) -> i32 {
        self.request_queue_size
    }

    /// `request_queue_size`: the `listen` backlog (5, as CPython).
    pub fn request_queue_size(mut self, n: i32) -> Self {
        self.request_queue_size = n;
        self
    }

    /// `timeout`: how long `handle_request` waits before `handle_timeout`.
    pub fn timeout(mut self, t: Duration) -> Self {
        self.timeout = Some(t);
        self
    }

    /// `max_packet_size` of datagram servers (8192).
    pub fn max_packet_size(mut self, n: usize) -> Self {
        self.max_packet_size = n.max(1);
        self
    }

    /// `daemon_threads`: threads are not joined at `server_close`.
    pub fn daemon_threads(mut self, on: bool) -> Self {
        self.daemon_threads = on;
        self
    }

    /// `block_on_close`: `server_close` waits for the request threads (true).
    pub fn block_on_close(mut self, on: bool) -> Self {
        self.block_on_close = on;
        self
    }

    /// TLS on every connection with this server-side context (CPython 3.14's
    /// `HTTPSServer`). The handshake runs where the request is handled (its thread,
    /// for a threading server), bounded by 10 seconds; a failed handshake drops the connection, as CPython's
    /// `get_request` ignores it.
    pub fn tls(mut self, context: SSLContext) -> Self {
        self.tls = Some(context);
        self
    }

    /// An IPv6 socket also accepts IPv4 (`IPV6_V6ONLY` off), as `python -m
    /// http.server`'s `DualStackServer` sets it.
    pub fn dual_stack(mut self, on: bool) -> Self {
        self.dual_stack = on;
        self
    }
}

type VerifyFn = dyn Fn(&Address) -> bool + Send + Sync;
type ErrorFn = dyn Fn(&Address, &Error) + Send + Sync;
type ActionFn = dyn Fn() + Send + Sync;

/// The overridable methods of `BaseServer` as callbacks.
#[derive(Default)]
struct Hooks {
    verify_request: Option<Box<VerifyFn>>,
    handle_error: Option<Box<ErrorFn>>,
    service_actions: Option<Box<ActionFn>>,
    handle_timeout: Option<Box<ActionFn>>,
}

impl Hooks {
    fn verify(&self, addr: &Address) -> bool {
        self.verify_request.as_ref().is_none_or(|f| f(addr))
    }

    /// `handle_error`: CPython prints the traceback between dashes to stderr.
    fn error(&self, addr: &Address, err: &Error) {
        match &self.handle_error {
            Some(f) => f(addr, err),
            None => eprintln!(
                "{dashes}\nException occurred during processing of request from {addr}\n{err}\n{dashes}",
                dashes = "-".repeat(40)
            ),
        }
    }
}

/// The state `serve_forever` and `shutdown` share.
#[derive(Default)]
struct Loop {
    requested: AtomicBool,
    running: Mutex<bool>,
    stopped: Condvar,
}

/// How requests are processed: in the serving thread (CPython's plain servers) or
/// one thread each (`ThreadingMixIn`).
pub trait Mode: Send + Sync + Default + 'static {
    /// Runs one request's work.
    #[doc(hidden)]
    fn process(&self, opts: &ServerOptions, job: Box<dyn FnOnce() + Send>);
    /// `server_close`'s part: waits for the work still running, if asked to.
    #[doc(hidden)]
    fn close(&self, opts: &ServerOptions);
    /// `service_actions` and `handle_timeout`'s part (reaping children).
    #[doc(hidden)]
    fn service(&self) {}
}

/// Requests handled one at a time in the serving thread.
#[derive(Debug, Default)]
pub struct Sequential;

impl Mode for Sequential {
    fn process(&self, _: &ServerOptions, job: Box<dyn FnOnce() + Send>) {
        job();
    }

    fn close(&self, _: &ServerOptions) {}
}

/// `ThreadingMixIn`: each request in a thread of its own, at once, however many
/// come (as CPython). Threads are reused: one that finished its request waits up
/// to 30 seconds for the next before it ends, which spares a thread start per
/// connection. `server_close` waits for the requests still running unless
/// `daemon_threads` (or `block_on_close = False`).
#[derive(Debug, Default)]
pub struct Threading {
    pool: Arc<Pool>,
}

type Job = Box<dyn FnOnce() + Send>;

#[derive(Default)]
struct Pool {
    state: Mutex<PoolState>,
    work: Condvar,
    done: Condvar,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pool")
    }
}

#[derive(Default)]
struct PoolState {
    queue: std::collections::VecDeque<Job>,
    /// Workers waiting for a job.
    idle: usize,
    /// Jobs taken and not finished.
    busy: usize,
    /// Threads in `server_close` waiting for the jobs to end.
    closers: usize,
}

/// How long a worker without a job waits before it ends.
const IDLE_WORKER: Duration = Duration::from_secs(30);

impl Pool {
    fn worker(self: Arc<Self>) {
        loop {
            let job = {
                let mut st = lock(&self.state);
                loop {
                    if let Some(job) = st.queue.pop_front() {
                        st.busy += 1;
                        break job;
                    }
                    st.idle += 1;
                    let (guard, waited) = match self.work.wait_timeout(st, IDLE_WORKER) {
                        Ok(r) => r,
                        Err(p) => p.into_inner(),
                    };
                    st = guard;
                    st.idle -= 1;
                    if waited.timed_out() && st.queue.is_empty() {
                        return;
                    }
                }
            };
            // `busy` comes down even if the job panics past its own guard
            let _finished = Finished(&self);
            job();
        }
    }
}

/// Marks the end of a pool job when dropped.
struct Finished<'a>(&'a Pool);

impl Drop for Finished<'_> {
    fn drop(&mut self) {
        let mut st = lock(&self.0.state);
        st.busy -= 1;
        if st.busy == 0 && st.queue.is_empty() && st.closers > 0 {
            self.0.done.notify_all();
        }
    }
}

impl Mode for Threading {
    fn process(&self, _: &ServerOptions, job: Box<dyn FnOnce() + Send>) {
        let mut st = lock(&self.pool.state);
        st.queue.push_back(job);
        if st.idle >= st.queue.len() {
            self.pool.work.notify_one();
            return;
        }
        drop(st);
        let pool = self.pool.clone();
        let spawned = std::thread::Builder::new()
            .name("socketserver-request".into())
            .spawn(move || pool.worker());
        if spawned.is_err() {
            // no thread to be had: serve the request here rather than leave it queued
            let job = lock(&self.pool.state).queue.pop_back();
            if let Some(job) = job {
                job();
            }
        }
    }

    fn close(&self, opts: &ServerOptions) {
        if opts.block_on_close && !opts.daemon_threads {
            let mut st = lock(&self.pool.state);
            st.closers += 1;
            while st.busy > 0 || !st.queue.is_empty() {
                st = match self.pool.done.wait(st) {
                    Ok(g) => g,
                    Err(p) => p.into_inner(),
                };
            }
            st.closers -= 1;
        }
    }
}

/// `ForkingMixIn` (Unix): a child process per request; the parent reaps finished
/// children in `service_actions`/`handle_timeout`, waits once `max_children` (40)
/// are running, and at `server_close` when `block_on_close`.
#[cfg(unix)]
#[derive(Debug, Default)]
pub struct Forking {
    children: Mutex<Vec<libc::pid_t>>,
}

#[cfg(unix)]
impl Forking {
    /// `max_children`.
    const MAX_CHILDREN: usize = 40;

    /// `collect_children(blocking=...)`.
    fn collect_children(&self, blocking: bool) {
        let mut children = lock(&self.children);
        while children.len() >= Self::MAX_CHILDREN {
            match wait_child(-1, true) {
                Some(pid) => children.retain(|&c| c != pid),
                None => {
                    children.clear();
                    break;
                }
            }
        }
        children.retain(|&pid| match wait_child(pid, blocking) {
            // reaped, or not ours any more
            Some(p) if p == pid => false,
            None => false,
            Some(_) => true,
        });
    }
}

/// `os.waitpid(pid, 0 or WNOHANG)`: the pid reaped, `Some(0)` when the child is
/// still running, `None` when there is no such child.
#[cfg(unix)]
fn wait_child(pid: libc::pid_t, blocking: bool) -> Option<libc::pid_t> {
    let mut status = 0;
    let flags = if blocking { 0 } else { libc::WNOHANG };
    loop {
        // SAFETY: waitpid only writes the status integer we own; any pid is a valid
        // argument (a wrong one fails with ECHILD).
        #[allow(unsafe_code)]
        let r = unsafe { libc::waitpid(pid, &mut status, flags) };
        if r >= 0 {
            return Some(r);
        }
        if io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            return None;
        }
    }
}

#[cfg(unix)]
impl Mode for Forking {
    fn process(&self, _: &ServerOptions, job: Box<dyn FnOnce() + Send>) {
        self.collect_children(false);
        // SAFETY: fork duplicates the process with only this thread running in the
        // child. The child runs the request (as CPython's ForkingMixIn does: glibc
        // keeps malloc usable after fork) and leaves with `_exit`, never returning
        // into the parent's code; the parent only records the pid.
        #[allow(unsafe_code)]
        let pid = unsafe { libc::fork() };
        match pid {
            0 => {
                let status = match catch_unwind(AssertUnwindSafe(job)) {
                    Ok(()) => 0,
                    Err(_) => 1,
                };
                // SAFETY: `_exit` ends the child without running the parent's
                // destructors or atexit handlers a second time.
                #[allow(unsafe_code)]
                unsafe {
                    libc::_exit(status)
                }
            }
            pid if pid > 0 => {
                lock(&self.children).push(pid);
                // the parent's copy of the connection closes with the job
                drop(job);
            }
            // fork failed: serve in this process rather than drop the client
            _ => job(),
        }
    }

    fn close(&self, opts: &ServerOptions) {
        self.collect_children(opts.block_on_close);
    }

    fn service(&self) {
        self.collect_children(false);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match m.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    }
}

/// What both kinds of server hold.
struct Core<M: Mode> {
    /// A stream (listening) socket, rather than a datagram one.
    stream: bool,
    socket: Mutex<Option<Arc<Socket>>>,
    bind_to: SockAddr,
    info: Mutex<Arc<ServerInfo>>,
    opts: ServerOptions,
    hooks: Arc<Hooks>,
    serving: Loop,
    mode: M,
}

impl<M: Mode> Core<M> {
    fn new(bind_to: SockAddr, ty: Type, opts: ServerOptions) -> Result<Self> {
        let domain = bind_to.domain();
        let socket = Socket::new(domain, ty, None)?;
        let core = Core {
            stream: ty == Type::STREAM,
            socket: Mutex::new(Some(Arc::new(socket))),
            info: Mutex::new(Arc::new(ServerInfo {
                server_address: address(&bind_to),
            })),
            bind_to,
            opts,
            hooks: Arc::new(Hooks::default()),
            serving: Loop::default(),
            mode: M::default(),
        };
        Ok(core)
    }

    fn socket(&self) -> Result<Arc<Socket>> {
        lock(&self.socket)
            .clone()
            .ok_or_else(|| Error::OSError(io::Error::from_raw_os_error(9)))
    }

    fn info(&self) -> Arc<ServerInfo> {
        lock(&self.info).clone()
    }

    fn hooks_mut(&mut self) -> &mut Hooks {
        Arc::get_mut(&mut self.hooks).expect("hooks are set before serving")
    }

    /// `server_bind()`: the reuse options, `bind`, then the real address.
    fn server_bind(&self) -> Result<()> {
        let socket = self.socket()?;
        if self.opts.allow_reuse_address && self.bind_to.is_ipv4() | self.bind_to.is_ipv6() {
            socket.set_reuse_address(true)?;
        }
        if self.opts.allow_reuse_port {
            socket.set_reuse_port(true)?;
        }
        if self.opts.dual_stack && self.bind_to.is_ipv6() {
            // as CPython, ignore a failure: the platform may not have dual stack
            let _ = socket.set_only_v6(false);
        }
        socket.bind(&self.bind_to)?;
        let bound = socket.local_addr()?;
        *lock(&self.info) = Arc::new(ServerInfo {
            server_address: address(&bound),
        });
        Ok(())
    }

    /// `server_close()`.
    fn server_close(&self) {
        lock(&self.socket).take();
        self.mode.close(&self.opts);
    }

    /// `serve_forever(poll_interval)`: wait at most `poll_interval` at a time, so that
    /// `shutdown` is seen; `service_actions` after each wait.
    fn serve_forever(
        &self,
        poll_interval: Duration,
        mut one: impl FnMut(&Socket, Option<Duration>),
    ) -> Result<()> {
        *lock(&self.serving.running) = true;
        let result = (|| {
            let socket = self.socket()?;
            let wait = Some(poll_interval.max(Duration::from_millis(1)));
            self.set_wait(&socket, wait)?;
            while !self.serving.requested.load(Ordering::SeqCst) {
                one(&socket, wait);
                self.mode.service();
                if let Some(f) = &self.hooks.service_actions {
                    f();
                }
            }
            Ok(())
        })();
        self.serving.requested.store(false, Ordering::SeqCst);
        *lock(&self.serving.running) = false;
        self.serving.stopped.notify_all();
        result
    }

    /// How the socket waits: a listening socket is non-blocking and waited on with
    /// `poll` (so accepted connections inherit no timeout to clear), a datagram
    /// socket reads with the timeout.
    fn set_wait(&self, socket: &Socket, wait: Option<Duration>) -> io::Result<()> {
        if self.stream {
            socket.set_nonblocking(true)
        } else {
            // a zero timeout would mean "for ever" to the socket: poll for 1 ms
            socket.set_read_timeout(wait.map(|w| w.max(Duration::from_millis(1))))
        }
    }

    /// `shutdown()`: asks `serve_forever` to stop and waits until it has.
    fn shutdown(&self) {
        self.serving.requested.store(true, Ordering::SeqCst);
        let mut running = lock(&self.serving.running);
        while *running {
            running = match self.serving.stopped.wait(running) {
                Ok(g) => g,
                Err(p) => p.into_inner(),
            };
        }
    }

    /// `handle_request()`'s wait: the server's `timeout`, then `handle_timeout`.
    fn handle_request(&self, mut one: impl FnMut(&Socket, Option<Duration>) -> bool) -> Result<()> {
        let socket = self.socket()?;
        self.set_wait(&socket, self.opts.timeout)?;
        // a wake-up without a request (a connection reset before accept) waits on
        // until the deadline, as CPython's loop does
        let deadline = self.opts.timeout.map(|t| std::time::Instant::now() + t);
        loop {
            let remaining =
                deadline.map(|d| d.saturating_duration_since(std::time::Instant::now()));
            if remaining == Some(Duration::ZERO) {
                break;
            }
            if one(&socket, remaining) {
                return Ok(());
            }
            if deadline.is_some_and(|d| std::time::Instant::now() >= d) {
                break;
            }
        }
        self.mode.service();
        if let Some(f) = &self.hooks.handle_timeout {
            f();
        }
        Ok(())
    }
}

fn address(a: &SockAddr) -> Address {
    match a.as_socket() {
        Some(inet) => Address::Inet(inet),
        None => Address::Unix(a.as_pathname().map(Path::to_path_buf)),
    }
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut | io::ErrorKind::Interrupted
    )
}

fn resolve(addr: impl ToSocketAddrs) -> Result<SocketAddr> {
    addr.to_socket_addrs()?
        .next()
        .ok_or_else(|| Error::ValueError("the address resolved to nothing".into()))
}

/// The text of a panic, for `handle_error`.
fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a handler panicked".into())
}

/// The stream server behind Python's `socketserver.TCPServer`,
/// `ThreadingTCPServer`, `UnixStreamServer` and `ThreadingUnixStreamServer` (the
/// aliases fix its [`Mode`]; `new_unix` makes the Unix-domain ones): accepts connections and runs a
/// [`StreamRequestHandler`] for each, in the serving thread, or a thread each for
/// [`ThreadingTCPServer`]. All methods take `&self`: share the server in an `Arc`
/// to call `shutdown` from another thread while `serve_forever` runs. Dropping the
/// server is `server_close()`.
///
/// ```no_run
/// use std::io::{BufRead, Write};
/// use netstd_socketserver::{StreamRequest, ThreadingTCPServer};
/// let echo = |req: &mut StreamRequest| {
///     let mut line = Vec::new();
///     while req.read_until(b'\n', &mut line)? > 0 {
///         req.write_all(&line)?;
///         line.clear();
///     }
///     Ok(())
/// };
/// let server = ThreadingTCPServer::new(("127.0.0.1", 9999), echo)?;
/// server.serve_forever()?;
/// # Ok::<(), netstd_socketserver::Error>(())
/// ```
pub struct StreamServer<H, M: Mode = Sequential> {
    core: Core<M>,
    handler: Arc<H>,
}

/// Python's `socketserver.TCPServer`: a [`StreamServer`] handling one request at a
/// time.
pub type TCPServer<H> = StreamServer<H, Sequential>;
/// Python's `socketserver.ThreadingTCPServer`: a thread per connection.
pub type ThreadingTCPServer<H> = StreamServer<H, Threading>;
/// Python's `socketserver.UnixStreamServer` (build it with `new_unix`).
pub type UnixStreamServer<H> = StreamServer<H, Sequential>;
/// Python's `socketserver.ThreadingUnixStreamServer`.
pub type ThreadingUnixStreamServer<H> = StreamServer<H, Threading>;
/// Python's `socketserver.ForkingTCPServer`: a child process per connection.
#[cfg(unix)]
pub type ForkingTCPServer<H> = StreamServer<H, Forking>;
/// Python's `socketserver.ForkingUnixStreamServer`.
#[cfg(unix)]
pub type ForkingUnixStreamServer<H> = StreamServer<H, Forking>;

impl<H, M: Mode> std::fmt::Debug for StreamServer<H, M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StreamServer")
            .field("server_address", &self.core.info().server_address)
            .finish()
    }
}

/// The constructors of a server type for one [`Mode`] (`new`, `new_with`,
/// `new_unix`), so that `TCPServer::new` and `ThreadingTCPServer::new` need no
/// type annotations.
macro_rules! constructors {
    ($server:ident, $handler:ident, $mode:ty, $python:literal, $unix:literal) => {
        impl<H: $handler> $server<H, $mode> {
            #[doc = concat!("`", $python, "(server_address, RequestHandlerClass)`: bound (and listening, for streams).")]
            pub fn new(server_address: impl ToSocketAddrs, handler: H) -> Result<Self> {
                Self::new_with(server_address, handler, ServerOptions::new())
            }

            /// The same with options (`bind_and_activate`, `allow_reuse_address`, ...).
            pub fn new_with(
                server_address: impl ToSocketAddrs,
                handler: H,
                opts: ServerOptions,
            ) -> Result<Self> {
                let addr = resolve(server_address)?;
                Self::build(SockAddr::from(addr), handler, opts)
            }

            #[doc = concat!("`", $unix, "(path, RequestHandlerClass)`: the Unix-domain form.")]
            pub fn new_unix(path: impl AsRef<Path>, handler: H, opts: ServerOptions) -> Result<Self> {
                Self::build(SockAddr::unix(path)?, handler, opts)
            }
        }
    };
}

constructors!(
    StreamServer,
    StreamRequestHandler,
    Sequential,
    "TCPServer",
    "UnixStreamServer"
);
constructors!(
    StreamServer,
    StreamRequestHandler,
    Threading,
    "ThreadingTCPServer",
    "ThreadingUnixStreamServer"
);
constructors!(
    DatagramServer,
    DatagramRequestHandler,
    Sequential,
    "UDPServer",
    "UnixDatagramServer"
);
constructors!(
    DatagramServer,
    DatagramRequestHandler,
    Threading,
    "ThreadingUDPServer",
    "ThreadingUnixDatagramServer"
);
#[cfg(unix)]
constructors!(
    StreamServer,
    StreamRequestHandler,
    Forking,
    "ForkingTCPServer",
    "ForkingUnixStreamServer"
);
#[cfg(unix)]
constructors!(
    DatagramServer,
    DatagramRequestHandler,
    Forking,
    "ForkingUDPServer",
    "ForkingUnixDatagramServer"
);

impl<H: StreamRequestHandler, M: Mode> StreamServer<H, M> {
    fn build(bind_to: SockAddr, handler: H, opts: ServerOptions) -> Result<Self> {
        let activate = opts.bind_and_activate;
        let server = StreamServer {
            core: Core::new(bind_to, Type::STREAM, opts)?,
            handler: Arc::new(handler),
        };
        if activate {
            server.server_bind()?;
            server.server_activate()?;
        }
        Ok(server)
    }

    /// `server_bind()`.
    pub fn server_bind(&self) -> Result<()> {
        self.core.server_bind()
    }

    /// `server_activate()`: `listen(request_queue_size)`.
    pub fn server_activate(&self) -> Result<()> {
        Ok(self
            .core
            .socket()?
            .listen(self.core.opts.request_queue_size)?)
    }

    /// `server_address`: the bound address.
    pub fn server_address(&self) -> Address {
        self.core.info().server_address.clone()
    }

    /// The options the server was made with.
    pub fn options(&self) -> &ServerOptions {
        &self.core.opts
    }

    /// `fileno()`.
    #[cfg(unix)]
    pub fn fileno(&self) -> Result<std::os::fd::RawFd> {
        use std::os::fd::AsRawFd;
        Ok(self.core.socket()?.as_raw_fd())
    }

    /// `serve_forever()` with CPython's `poll_interval=0.5`.
    pub fn serve_forever(&self) -> Result<()> {
        self.serve_forever_with(Duration::from_millis(500))
    }

    /// `serve_forever(poll_interval)`: until `shutdown()` from another thread.
    pub fn serve_forever_with(&self, poll_interval: Duration) -> Result<()> {
        self.core.serve_forever(poll_interval, |socket, wait| {
            let _ = self.accept_one(socket, wait);
        })
    }

    /// `shutdown()`: stops `serve_forever` and returns once it has stopped (at most
    /// one `poll_interval` later). Call it from another thread.
    pub fn shutdown(&self) {
        self.core.shutdown();
    }

    /// `handle_request()`: one request, waiting at most `timeout` (then
    /// `handle_timeout`).
    pub fn handle_request(&self) -> Result<()> {
        self.core
            .handle_request(|socket, wait| self.accept_one(socket, wait))
    }

    /// `server_close()`: closes the socket, and joins the request threads of a
    /// threading server (`block_on_close`).
    pub fn server_close(&self) {
        self.core.server_close();
    }

    /// `verify_request(request, client_address)`: false refuses the connection.
    pub fn set_verify_request(&mut self, f: impl Fn(&Address) -> bool + Send + Sync + 'static) {
        self.core.hooks_mut().verify_request = Some(Box::new(f));
    }

    /// `handle_error(request, client_address)`: a handler failed or panicked; the
    /// default prints the error to stderr between dashes, as CPython.
    pub fn set_handle_error(&mut self, f: impl Fn(&Address, &Error) + Send + Sync + 'static) {
        self.core.hooks_mut().handle_error = Some(Box::new(f));
    }

    /// `service_actions()`: called in the `serve_forever` loop.
    pub fn set_service_actions(&mut self, f: impl Fn() + Send + Sync + 'static) {
        self.core.hooks_mut().service_actions = Some(Box::new(f));
    }

    /// `handle_timeout()`: `handle_request` waited `timeout` in vain.
    pub fn set_handle_timeout(&mut self, f: impl Fn() + Send + Sync + 'static) {
        self.core.hooks_mut().handle_timeout = Some(Box::new(f));
    }

    /// `get_request()` and `_handle_request_noblock()`: accept one connection, verify
    /// it and process it. False when nothing came within the socket's timeout.
    fn accept_one(&self, socket: &Socket, wait: Option<Duration>) -> bool {
        let (conn, peer) = match socket.accept() {
            Ok(pair) => pair,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                // nothing queued: wait for a connection, at most `wait`
                if !readable(socket, wait) {
                    return false;
                }
                match socket.accept() {
                    Ok(pair) => pair,
                    Err(e) if is_timeout(&e) => return false,
                    Err(_) => return true,
                }
            }
            Err(e) if is_timeout(&e) => return false,
            // CPython's `get_request` errors are ignored (`except OSError: return`)
            Err(_) => return true,
        };
        let client_address = address(&peer);
        if !self.core.hooks.verify(&client_address) {
            // `shutdown_request`: refused, the connection is shut down and closed
            let _ = conn.shutdown(std::net::Shutdown::Write);
            return true;
        }
        let unix = self.core.bind_to.as_socket().is_none();
        let stream = match to_stream(conn, unix) {
            Ok(s) => s,
            Err(_) => return true,
        };
        let handler = self.handler.clone();
        let hooks = self.core.hooks.clone();
        let info = self.core.info();
        let tls = self.core.opts.tls.clone();
        self.core.mode.process(
            &self.core.opts,
            Box::new(move || {
                let mut stream = stream;
                if let Some(ctx) = tls {
                    if handshake(&mut stream, &ctx).is_err() {
                        return;
                    }
                }
                finish_request(&*handler, &hooks, stream, client_address, info)
            }),
        );
        true
    }
}

/// `finish_request` + `shutdown_request`: run the handler (panics caught and
/// reported like errors), then shut the connection down.
fn finish_request<H: StreamRequestHandler + ?Sized>(
    handler: &H,
    hooks: &Hooks,
    stream: Stream,
    client_address: Address,
    info: Arc<ServerInfo>,
) {
    let mut req = StreamRequest::new(stream, client_address.clone(), info);
    let outcome = catch_unwind(AssertUnwindSafe(|| run_stream(handler, &mut req)));
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(e)) => hooks.error(&client_address, &Error::OSError(e)),
        Err(p) => hooks.error(&client_address, &Error::HandlerPanicked(panic_message(&*p))),
    }
    let _ = req.request().shutdown(std::net::Shutdown::Write);
}

/// Whether `socket` becomes readable within `wait` (`None`: however long it takes).
#[cfg(unix)]
fn readable(socket: &Socket, wait: Option<Duration>) -> bool {
    use std::os::fd::AsRawFd;
    let mut fd = libc::pollfd {
        fd: socket.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = wait.map_or(-1, |w| {
        i32::try_from(w.as_millis().max(1)).unwrap_or(i32::MAX)
    });
    // SAFETY: `fd` is one valid pollfd that lives across the call, and the count
    // passed is 1.
    #[allow(unsafe_code)]
    let n = unsafe { libc::poll(&mut fd, 1, ms) };
    n > 0
}

/// Whether `socket` becomes readable within `wait` (without `poll`: sleep briefly).
#[cfg(not(unix))]
fn readable(_: &Socket, wait: Option<Duration>) -> bool {
    std::thread::sleep(
        wait.unwrap_or(Duration::from_millis(50))
            .min(Duration::from_millis(50)),
    );
    true
}

/// The server side of a TLS handshake on an accepted connection, bounded in time.
fn handshake(stream: &mut Stream, ctx: &SSLContext) -> netstd_core::Result<()> {
    stream.settimeout(Some(Duration::from_secs(10)))?;
    stream.starttls(ctx, None)?;
    stream.settimeout(None)
}

/// An accepted socket as a netcore stream (blocking, without timeout: Linux does
/// not pass the listener's O_NONBLOCK on to accepted sockets).
fn to_stream(conn: Socket, unix: bool) -> io::Result<Stream> {
    // only Linux keeps an accepted socket blocking when the listener is not
    #[cfg(not(target_os = "linux"))]
    conn.set_nonblocking(false)?;
    #[cfg(unix)]
    if unix {
        return Ok(Stream::from(std::os::unix::net::UnixStream::from(conn)));
    }
    let _ = unix;
    Ok(Stream::from(std::net::TcpStream::from(conn)))
}

impl<H, M: Mode> Drop for StreamServer<H, M> {
    fn drop(&mut self) {
        self.core.server_close();
    }
}

/// The datagram server behind Python's `socketserver.UDPServer`,
/// `ThreadingUDPServer`, `UnixDatagramServer` and `ThreadingUnixDatagramServer`:
/// receives datagrams of at most `max_packet_size` bytes
/// and runs a [`DatagramRequestHandler`] for each; what the handler writes goes
/// back to the sender in one datagram.
///
/// ```no_run
/// use std::io::{Read, Write};
/// use netstd_socketserver::{DatagramRequest, UDPServer};
/// let upper = |req: &mut DatagramRequest| {
///     let mut text = Vec::new();
///     req.read_to_end(&mut text)?;
///     req.write_all(&text.to_ascii_uppercase())
/// };
/// let server = UDPServer::new(("127.0.0.1", 9999), upper)?;
/// server.serve_forever()?;
/// # Ok::<(), netstd_socketserver::Error>(())
/// ```
pub struct DatagramServer<H, M: Mode = Sequential> {
    core: Core<M>,
    handler: Arc<H>,
    dgram: Mutex<Option<Arc<Dgram>>>,
}

/// A bound datagram socket, as std's types (whose `recv_from` takes plain bytes).
#[derive(Debug)]
enum Dgram {
    Udp(std::net::UdpSocket),
    #[cfg(unix)]
    Unix(std::os::unix::net::UnixDatagram),
}

impl Dgram {
    fn from_socket(socket: &Socket) -> io::Result<Dgram> {
        let dup = socket.try_clone()?;
        #[cfg(unix)]
        if dup.local_addr()?.as_socket().is_none() {
            return Ok(Dgram::Unix(dup.into()));
        }
        Ok(Dgram::Udp(dup.into()))
    }

    fn recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, Address)> {
        match self {
            Dgram::Udp(s) => s.recv_from(buf).map(|(n, a)| (n, Address::Inet(a))),
            #[cfg(unix)]
            Dgram::Unix(s) => s
                .recv_from(buf)
                .map(|(n, a)| (n, Address::Unix(a.as_pathname().map(Path::to_path_buf)))),
        }
    }

    fn send_to(&self, buf: &[u8], to: &Address) -> io::Result<usize> {
        match (self, to) {
            (Dgram::Udp(s), Address::Inet(a)) => s.send_to(buf, a),
            #[cfg(unix)]
            (Dgram::Unix(s), Address::Unix(Some(path))) => s.send_to(buf, path),
            _ => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "the client has no address to answer to",
            )),
        }
    }
}

/// Python's `socketserver.UDPServer`: a [`DatagramServer`] handling one datagram at
/// a time.
pub type UDPServer<H> = DatagramServer<H, Sequential>;
/// Python's `socketserver.ThreadingUDPServer`.
pub type ThreadingUDPServer<H> = DatagramServer<H, Threading>;
/// Python's `socketserver.UnixDatagramServer` (build it with `new_unix`).
pub type UnixDatagramServer<H> = DatagramServer<H, Sequential>;
/// Python's `socketserver.ThreadingUnixDatagramServer`.
pub type ThreadingUnixDatagramServer<H> = DatagramServer<H, Threading>;
/// Python's `socketserver.ForkingUDPServer`.
#[cfg(unix)]
pub type ForkingUDPServer<H> = DatagramServer<H, Forking>;
/// Python's `socketserver.ForkingUnixDatagramServer`.
#[cfg(unix)]
pub type ForkingUnixDatagramServer<H> = DatagramServer<H, Forking>;

impl<H, M: Mode> std::fmt::Debug for DatagramServer<H, M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DatagramServer")
            .field("server_address", &self.core.info().server_address)
            .finish()
    }
}

impl<H: DatagramRequestHandler, M: Mode> DatagramServer<H, M> {
    fn build(bind_to: SockAddr, handler: H, opts: ServerOptions) -> Result<Self> {
        let activate = opts.bind_and_activate;
        let server = DatagramServer {
            core: Core::new(bind_to, Type::DGRAM, opts)?,
            handler: Arc::new(handler),
            dgram: Mutex::new(None),
        };
        if activate {
            server.server_bind()?;
        }
        Ok(server)
    }

    /// `server_bind()`.
    pub fn server_bind(&self) -> Result<()> {
        self.core.server_bind()?;
        let socket = self.core.socket()?;
        *lock(&self.dgram) = Some(Arc::new(Dgram::from_socket(&socket)?));
        Ok(())
    }

    /// `fileno()`.
    #[cfg(unix)]
    pub fn fileno(&self) -> Result<std::os::fd::RawFd> {
        use std::os::fd::AsRawFd;
        Ok(self.core.socket()?.as_raw_fd())
    }

    /// `server_activate()`: nothing to do for datagrams, as in CPython.
    pub fn server_activate(&self) -> Result<()> {
        Ok(())
    }

    /// `server_address`.
    pub fn server_address(&self) -> Address {
        self.core.info().server_address.clone()
    }

    /// `serve_forever()` with `poll_interval=0.5`.
    pub fn serve_forever(&self) -> Result<()> {
        self.serve_forever_with(Duration::from_millis(500))
    }

    /// `serve_forever(poll_interval)`.
    pub fn serve_forever_with(&self, poll_interval: Duration) -> Result<()> {
        self.core.serve_forever(poll_interval, |socket, _| {
            let _ = self.receive_one(socket);
        })
    }

    /// `shutdown()`.
    pub fn shutdown(&self) {
        self.core.shutdown();
    }

    /// `handle_request()`.
    pub fn handle_request(&self) -> Result<()> {
        self.core
            .handle_request(|socket, _| self.receive_one(socket))
    }

    /// `server_close()`.
    pub fn server_close(&self) {
        lock(&self.dgram).take();
        self.core.server_close();
    }

    /// `verify_request`.
    pub fn set_verify_request(&mut self, f: impl Fn(&Address) -> bool + Send + Sync + 'static) {
        self.core.hooks_mut().verify_request = Some(Box::new(f));
    }

    /// `handle_error`.
    pub fn set_handle_error(&mut self, f: impl Fn(&Address, &Error) + Send + Sync + 'static) {
        self.core.hooks_mut().handle_error = Some(Box::new(f));
    }

    /// `service_actions`.
    pub fn set_service_actions(&mut self, f: impl Fn() + Send + Sync + 'static) {
        self.core.hooks_mut().service_actions = Some(Box::new(f));
    }

    /// `handle_timeout`.
    pub fn set_handle_timeout(&mut self, f: impl Fn() + Send + Sync + 'static) {
        self.core.hooks_mut().handle_timeout = Some(Box::new(f));
    }

    /// `get_request()` (`recvfrom(max_packet_size)`) and its processing.
    fn receive_one(&self, _socket: &Socket) -> bool {
        let Some(dgram) = lock(&self.dgram).clone() else {
            return true;
        };
        let mut packet = vec![0; self.core.opts.max_packet_size];
        let (n, peer) = match dgram.recv_from(&mut packet) {
            Ok(pair) => pair,
            Err(e) if is_timeout(&e) => return false,
            Err(_) => return true,
        };
        packet.truncate(n);
        let client_address = peer.clone();
        if !self.core.hooks.verify(&client_address) {
            return true;
        }
        let (handler, hooks, info) = (
            self.handler.clone(),
            self.core.hooks.clone(),
            self.core.info(),
        );
        self.core.mode.process(
            &self.core.opts,
            Box::new(move || {
                let mut req = DatagramRequest::new(packet, client_address.clone(), info);
                let outcome = catch_unwind(AssertUnwindSafe(|| {
                    handler.setup(&mut req)?;
                    let handled = handler.handle(&mut req);
                    let finished = handler.finish(&mut req);
                    handled.and(finished)
                }));
                if outcome.is_ok() {
                    // CPython's `finish` sends the reply in a `finally`: also when
                    // `handle` failed
                    let reply = req.take_reply();
                    if let Err(e) = dgram.send_to(&reply, &peer) {
                        hooks.error(&client_address, &Error::OSError(e));
                    }
                }
                match outcome {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => hooks.error(&client_address, &Error::OSError(e)),
                    Err(p) => {
                        hooks.error(&client_address, &Error::HandlerPanicked(panic_message(&*p)))
                    }
                }
            }),
        );
        true
    }
}

impl<H, M: Mode> Drop for DatagramServer<H, M> {
    fn drop(&mut self) {
        lock(&self.dgram).take();
        self.core.server_close();
    }
}
