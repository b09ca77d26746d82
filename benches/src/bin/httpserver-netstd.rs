//! netstd-httpserver under load (scripts/bench-httpserver).
//!
//!   httpserver-netstd hello PORT [BACKLOG]
//!       a `ThreadingHTTPServer` whose handler answers every GET with a 13-byte
//!       body, HTTP/1.1 keep-alive, the access log silenced (as the CPython server
//!       of the script)
//!   httpserver-netstd async-hello PORT
//!       the same handler on the async server (`netstd_httpserver::aio::HTTPServer`,
//!       a task per connection on tokio's multi-thread runtime, one worker per core)
//!   httpserver-netstd files PORT DIR threading|sequential log|quiet [BACKLOG]
//!       `SimpleHTTPRequestHandler` on DIR, HTTP/1.0 as `netstd http.server`, on a
//!       threading or sequential server, with its access log (to stderr) or without:
//!       the variants that tell where `netstd http.server`'s time goes
//!   httpserver-netstd allocs hello N
//!   httpserver-netstd allocs files DIR N log|quiet
//!       the server's heap allocations (alloc and realloc calls) per request, with
//!       a client in the process: N keep-alive GETs of the `hello` server, or N GETs
//!       of DIR/1k.bin from `files` on a threading server, a connection each
//!       (HTTP/1.0, as `netstd http.server`), after 100 unmeasured ones; for
//!       `hello`, also those of each step of `do_GET` (`send_response`,
//!       `send_header`, `end_headers`, the body's `write_all`); `realloc` calls
//!       are also given apart (glibc's `realloc` takes the arena lock: no tcache)
//!   httpserver-netstd allocs async-hello N
//!       the same for `async-hello` (the async server on tokio in this process)
//!   httpserver-netstd allocs idle N
//!       the heap an idle keep-alive connection holds in the async server: N
//!       connections from a client thread, one GET answered on each, then the
//!       blocks the server's threads hold, per connection and by size (those held
//!       at least N/2 times), and the process's VmRSS growth per connection
//!
//! The servers serve on 127.0.0.1:PORT until killed. BACKLOG is socketserver's
//! `request_queue_size` (CPython's 5 by default, as `ThreadingHTTPServer::new` has it).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering::Relaxed};

use netstd_httpserver::{
    BaseHTTPRequestHandler, HTTPRequestHandler, HTTPServer, SimpleHTTPRequestHandler,
    ThreadingHTTPServer, aio,
};
use netstd_socketserver::ServerOptions;

/// The system allocator, counting the `alloc` and `realloc` calls of every thread
/// but the in-process client's, once `COUNTING` is set, and the bytes they hold by
/// size, once `TRACKING` is set (`allocs` modes only: the servers under wrk pay a
/// relaxed load or two).
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static ALLOCS: AtomicU64 = AtomicU64::new(0);
static REALLOCS: AtomicU64 = AtomicU64::new(0);
static TRACKING: AtomicBool = AtomicBool::new(false);
/// Blocks held, by requested size (the last slot: `SIZES` bytes and more).
const SIZES: usize = 16 * 1024;
static HELD: [AtomicI64; SIZES + 1] = [const { AtomicI64::new(0) }; SIZES + 1];
static HELD_BYTES: AtomicI64 = AtomicI64::new(0);

thread_local! {
    static CLIENT: Cell<bool> = const { Cell::new(false) };
}

fn server_thread() -> bool {
    // `try_with`: the allocator runs while thread locals are torn down
    !CLIENT.try_with(Cell::get).unwrap_or(true)
}

fn count(realloc: bool) {
    if COUNTING.load(Relaxed) && server_thread() {
        ALLOCS.fetch_add(1, Relaxed);
        if realloc {
            REALLOCS.fetch_add(1, Relaxed);
        }
    }
}

fn held(size: usize, delta: i64) {
    if TRACKING.load(Relaxed) && server_thread() {
        HELD[size.min(SIZES)].fetch_add(delta, Relaxed);
        HELD_BYTES.fetch_add(delta * size as i64, Relaxed);
    }
}

// SAFETY: forwards to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(false);
        held(layout.size(), 1);
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(false);
        held(layout.size(), 1);
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(true);
        held(layout.size(), -1);
        held(new_size, 1);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        held(layout.size(), -1);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

struct Hello;

impl HTTPRequestHandler for Hello {
    fn protocol_version(&self) -> &str {
        "HTTP/1.1"
    }

    fn log_message(&self, _r: &BaseHTTPRequestHandler<'_>, _m: &str) {}

    fn do_GET(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        let body = b"Hello, world!";
        r.send_response(200, None)?;
        r.send_header("Content-Length", "13")?;
        r.end_headers()?;
        r.wfile().write_all(body)
    }
}

/// `Hello` on the async server (`async-hello`).
struct AsyncHello;

impl aio::HTTPRequestHandler for AsyncHello {
    fn protocol_version(&self) -> &str {
        "HTTP/1.1"
    }

    fn log_message(&self, _r: &aio::BaseHTTPRequestHandler<'_, Self>, _m: &str) {}

    async fn do_GET(&self, r: &mut aio::BaseHTTPRequestHandler<'_, Self>) -> io::Result<()> {
        use tokio::io::AsyncWriteExt;
        r.send_response(200, None)?;
        r.send_header("Content-Length", "13")?;
        r.end_headers().await?;
        r.wfile().write_all(b"Hello, world!").await
    }
}

/// `Hello` with the allocations of each step of `do_GET` counted (`allocs hello`):
/// `send_response`, `send_header`, `end_headers` and the body's `write_all`.
struct HelloCounted;

static STEPS: [AtomicU64; 4] = [const { AtomicU64::new(0) }; 4];

impl HTTPRequestHandler for HelloCounted {
    fn protocol_version(&self) -> &str {
        "HTTP/1.1"
    }

    fn log_message(&self, _r: &BaseHTTPRequestHandler<'_>, _m: &str) {}

    fn do_GET(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        let mut last = ALLOCS.load(Relaxed);
        let mut step = |i: usize| {
            let now = ALLOCS.load(Relaxed);
            STEPS[i].fetch_add(now - last, Relaxed);
            last = now;
        };
        r.send_response(200, None)?;
        step(0);
        r.send_header("Content-Length", "13")?;
        step(1);
        r.end_headers()?;
        step(2);
        r.wfile().write_all(b"Hello, world!")?;
        step(3);
        Ok(())
    }
}

/// `AsyncHello` with the allocations of each step of `do_GET` counted (`allocs
/// async-hello`).
struct AsyncHelloCounted;

impl aio::HTTPRequestHandler for AsyncHelloCounted {
    fn protocol_version(&self) -> &str {
        "HTTP/1.1"
    }

    fn log_message(&self, _r: &aio::BaseHTTPRequestHandler<'_, Self>, _m: &str) {}

    async fn do_GET(&self, r: &mut aio::BaseHTTPRequestHandler<'_, Self>) -> io::Result<()> {
        use tokio::io::AsyncWriteExt;
        let mut last = ALLOCS.load(Relaxed);
        let mut step = |i: usize| {
            let now = ALLOCS.load(Relaxed);
            STEPS[i].fetch_add(now - last, Relaxed);
            last = now;
        };
        r.send_response(200, None)?;
        step(0);
        r.send_header("Content-Length", "13")?;
        step(1);
        r.end_headers().await?;
        step(2);
        r.wfile().write_all(b"Hello, world!").await?;
        step(3);
        Ok(())
    }
}

/// `SimpleHTTPRequestHandler`, its access log kept or silenced.
struct Files {
    inner: SimpleHTTPRequestHandler,
    log: bool,
}

impl HTTPRequestHandler for Files {
    fn protocol_version(&self) -> &str {
        self.inner.protocol_version()
    }
    fn server_version(&self) -> &str {
        self.inner.server_version()
    }
    fn log_message(&self, r: &BaseHTTPRequestHandler<'_>, m: &str) {
        if self.log {
            self.inner.log_message(r, m);
        }
    }
    fn do_GET(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        self.inner.do_GET(r)
    }
    fn do_HEAD(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        self.inner.do_HEAD(r)
    }
}

fn usage() -> ! {
    eprintln!(
        "usage: httpserver-netstd hello PORT [BACKLOG]\n       \
         httpserver-netstd async-hello PORT\n       \
         httpserver-netstd files PORT DIR threading|sequential log|quiet [BACKLOG]\n       \
         httpserver-netstd allocs hello N\n       \
         httpserver-netstd allocs async-hello N\n       \
         httpserver-netstd allocs idle N\n       \
         httpserver-netstd allocs files DIR N log|quiet"
    );
    std::process::exit(2);
}

/// One response read whole into `buf`: to the end of the stream (`close`), or the
/// head and `body` more bytes.
fn read_response(c: &mut TcpStream, buf: &mut [u8], body: usize, close: bool) -> io::Result<()> {
    let mut have = 0;
    loop {
        let n = c.read(&mut buf[have..])?;
        if n == 0 {
            return if close {
                Ok(())
            } else {
                Err(io::ErrorKind::UnexpectedEof.into())
            };
        }
        have += n;
        let head_end = buf[..have].windows(4).position(|w| w == b"\r\n\r\n");
        if !close && head_end.is_some_and(|end| have >= end + 4 + body) {
            return Ok(());
        }
    }
}

/// The server's allocations per request: `n` requests from a client thread of this
/// process (whose own allocations are not counted) after 100 unmeasured ones.
fn count_allocs<H: HTTPRequestHandler>(
    handler: H,
    path: &str,
    n: usize,
    close: bool,
) -> io::Result<()> {
    let server = std::sync::Arc::new(
        ThreadingHTTPServer::new(("127.0.0.1", 0), handler).map_err(io::Error::other)?,
    );
    let addr: SocketAddr = match server.server_address() {
        netstd_core::Address::Inet(a) => a,
        netstd_core::Address::Unix(_) => unreachable!(),
    };
    let serving = server.clone();
    std::thread::spawn(move || serving.serve_forever());
    count_allocs_at(addr, path, n, close)
}

/// The async server (`AsyncHelloCounted`) in this process, on tokio's multi-thread
/// runtime in a thread of its own: its address.
fn start_async() -> io::Result<SocketAddr> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        rt.block_on(async move {
            let server = match aio::HTTPServer::new(("127.0.0.1", 0), AsyncHelloCounted).await {
                Ok(s) => s,
                Err(e) => {
                    let _ = tx.send(Err(io::Error::other(e)));
                    return;
                }
            };
            let addr = match server.server_address() {
                netstd_core::Address::Inet(a) => a,
                netstd_core::Address::Unix(_) => unreachable!(),
            };
            let _ = tx.send(Ok(addr));
            let _ = server.serve_forever().await;
        });
    });
    rx.recv().map_err(io::Error::other)?
}

/// The heap blocks an idle keep-alive connection holds in the async server: `n`
/// connections from a client thread, a GET answered on each, then the blocks the
/// server's threads hold, by size, against those before.
fn idle_heap(n: usize) -> io::Result<()> {
    let addr = start_async()?;
    // heap bytes held, blocks held by size, VmRSS growth in kB
    type Held = (i64, Vec<(usize, i64)>, i64);
    let client = std::thread::spawn(move || -> io::Result<Held> {
        CLIENT.with(|c| c.set(true));
        let mut buf = vec![0u8; 4096];
        let request = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        for _ in 0..100 {
            // the lazily made parts of the runtime and the server first
            let mut c = TcpStream::connect(addr)?;
            c.write_all(request)?;
            read_response(&mut c, &mut buf, 13, false)?;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
        let rss = || -> i64 {
            std::fs::read_to_string("/proc/self/status")
                .ok()
                .and_then(|s| {
                    s.lines()
                        .find_map(|l| l.strip_prefix("VmRSS:"))
                        .and_then(|v| v.trim().trim_end_matches(" kB").parse().ok())
                })
                .unwrap_or(0)
        };
        let rss0 = rss();
        TRACKING.store(true, Relaxed);
        let mut open = Vec::with_capacity(n);
        for _ in 0..n {
            let mut c = TcpStream::connect(addr)?;
            c.write_all(request)?;
            read_response(&mut c, &mut buf, 13, false)?;
            open.push(c);
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
        TRACKING.store(false, Relaxed);
        let by_size = HELD
            .iter()
            .enumerate()
            .map(|(size, k)| (size, k.load(Relaxed)))
            .filter(|&(_, k)| k != 0)
            .collect();
        let rss1 = rss();
        drop(open);
        Ok((HELD_BYTES.load(Relaxed), by_size, rss1 - rss0))
    });
    let (bytes, by_size, rss_kb) = client.join().expect("the client panicked")?;
    // the blocks of every connection (held about once or more per connection)
    let mut per_conn: Vec<String> = by_size
        .iter()
        .filter(|&&(_, k)| k.unsigned_abs() as usize * 2 >= n)
        .map(|&(size, k)| {
            let size = if size == SIZES {
                format!(">={SIZES}")
            } else {
                size.to_string()
            };
            format!("[\"{size}\", {:.2}]", k as f64 / n as f64)
        })
        .collect();
    per_conn.sort();
    let other: i64 = by_size
        .iter()
        .filter(|&&(_, k)| (k.unsigned_abs() as usize) * 2 < n)
        .map(|&(size, k)| size as i64 * k)
        .sum();
    println!(
        "{{\"n\": {n}, \"heap_bytes_per_conn\": {:.0}, \"rss_kib_per_conn\": {:.2}, \
         \"blocks_per_conn\": [{}], \"other_bytes_per_conn\": {:.0}}}",
        bytes as f64 / n as f64,
        rss_kb as f64 / n as f64,
        per_conn.join(", "),
        other as f64 / n as f64 + 0.0 // not -0
    );
    Ok(())
}

/// `n` GETs (keep-alive, or a connection each) of `path` at `addr` from a client
/// thread, the server's allocations counted (after 100 unmeasured ones).
fn count_allocs_at(addr: SocketAddr, path: &str, n: usize, close: bool) -> io::Result<()> {
    let request = if close {
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    } else {
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    };
    let client = std::thread::spawn(move || -> io::Result<(u64, u64, f64)> {
        CLIENT.with(|c| c.set(true));
        let mut buf = vec![0u8; 64 * 1024];
        let mut conn = TcpStream::connect(addr)?;
        let mut get = |conn: &mut TcpStream| -> io::Result<()> {
            if close {
                *conn = TcpStream::connect(addr)?;
            }
            conn.write_all(request.as_bytes())?;
            read_response(conn, &mut buf, 13, close)
        };
        for _ in 0..100 {
            get(&mut conn)?;
        }
        COUNTING.store(true, Relaxed);
        let a0 = ALLOCS.load(Relaxed);
        let r0 = REALLOCS.load(Relaxed);
        for s in &STEPS {
            s.store(0, Relaxed);
        }
        let t0 = std::time::Instant::now();
        for _ in 0..n {
            get(&mut conn)?;
        }
        let secs = t0.elapsed().as_secs_f64();
        // the server thread of the last connection finishes after the client read
        std::thread::sleep(std::time::Duration::from_millis(50));
        COUNTING.store(false, Relaxed);
        Ok((ALLOCS.load(Relaxed) - a0, REALLOCS.load(Relaxed) - r0, secs))
    });
    let (allocs, reallocs, secs) = client.join().expect("the client panicked")?;
    let per = |a: u64| a as f64 / n as f64;
    let steps: Vec<String> = STEPS
        .iter()
        .map(|s| format!("{:.2}", per(s.load(Relaxed))))
        .collect();
    println!(
        "{{\"allocs_per_req\": {:.2}, \"reallocs_per_req\": {:.2}, \"n\": {n}, \
         \"rps\": {:.0}, \"do_get_steps\": [{}]}}",
        per(allocs),
        per(reallocs),
        n as f64 / secs,
        steps.join(", ")
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let backlog = |a: Option<&String>| -> i32 {
        a.map_or(Some(5), |b| b.parse().ok())
            .unwrap_or_else(|| usage())
    };
    let port = |a: &String| -> u16 { a.parse().unwrap_or_else(|_| usage()) };
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["hello", _, ..] if args.len() <= 3 => {
            let opts = ServerOptions::new().request_queue_size(backlog(args.get(2)));
            ThreadingHTTPServer::new_with(("127.0.0.1", port(&args[1])), Hello, opts)?
                .serve_forever()?;
        }
        ["async-hello", _] => {
            let port = port(&args[1]);
            tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?
                .block_on(async move {
                    aio::HTTPServer::new(("127.0.0.1", port), AsyncHello)
                        .await?
                        .serve_forever()
                        .await
                })?;
        }
        ["files", _, dir, mode, log, ..] if args.len() <= 6 => {
            let opts = ServerOptions::new().request_queue_size(backlog(args.get(5)));
            let handler = Files {
                inner: SimpleHTTPRequestHandler::new(dir),
                log: match *log {
                    "log" => true,
                    "quiet" => false,
                    _ => usage(),
                },
            };
            let addr = ("127.0.0.1", port(&args[1]));
            match *mode {
                "threading" => {
                    ThreadingHTTPServer::new_with(addr, handler, opts)?.serve_forever()?
                }
                "sequential" => HTTPServer::new_with(addr, handler, opts)?.serve_forever()?,
                _ => usage(),
            }
        }
        ["allocs", "hello", n] => {
            count_allocs(
                HelloCounted,
                "/",
                n.parse().unwrap_or_else(|_| usage()),
                false,
            )?;
        }
        ["allocs", "async-hello", n] => {
            let n = n.parse().unwrap_or_else(|_| usage());
            count_allocs_at(start_async()?, "/", n, false)?;
        }
        ["allocs", "idle", n] => idle_heap(n.parse().unwrap_or_else(|_| usage()))?,
        ["allocs", "files", dir, n, log] => {
            let handler = Files {
                inner: SimpleHTTPRequestHandler::new(dir),
                log: match *log {
                    "log" => true,
                    "quiet" => false,
                    _ => usage(),
                },
            };
            let n = n.parse().unwrap_or_else(|_| usage());
            count_allocs(handler, "/1k.bin", n, true)?;
        }
        _ => usage(),
    }
    Ok(())
}
