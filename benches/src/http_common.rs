//! What the HTTP client benchmark binaries share: arguments, the clock, user CPU
//! time (getrusage RUSAGE_SELF, all threads of the process) and the JSON line they
//! print for scripts/bench-http.
//!
//! Every binary takes one of:
//!   seq  HOST:PORT PATH N WARMUP       N sequential keep-alive GETs on one connection
//!   big  HOST:PORT PATH BUFSIZE        one GET of a large body, read into a reused buffer
//!   conc HOST:PORT PATH TOTAL CONNS    TOTAL GETs over CONNS concurrent connections (async)
//! and checks every body's length (the 1 KiB file, or the Content-Length of `big`).
#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Instant;

/// The system allocator, counting allocations (`alloc` and `realloc` calls), so
/// that each client reports its allocations per request.
struct Counting;

static ALLOCS: AtomicU64 = AtomicU64::new(0);

// SAFETY: forwards to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocs() -> u64 {
    ALLOCS.load(Relaxed)
}

pub enum Mode {
    Seq { n: usize, warmup: usize },
    Big { bufsize: usize },
    Conc { total: usize, conns: usize },
}

pub struct Args {
    pub addr: String,
    pub path: String,
    pub mode: Mode,
}

impl Args {
    pub fn url(&self) -> String {
        format!("http://{}{}", self.addr, self.path)
    }
}

pub fn args() -> Args {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let num = |i: usize| -> usize {
        a.get(i)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| usage())
    };
    if a.len() < 3 {
        usage();
    }
    let mode = match a[0].as_str() {
        "seq" => Mode::Seq { n: num(3), warmup: num(4) },
        "big" => Mode::Big { bufsize: num(3) },
        "conc" => Mode::Conc { total: num(3), conns: num(4) },
        _ => usage(),
    };
    Args { addr: a[1].clone(), path: a[2].clone(), mode }
}

fn usage() -> ! {
    eprintln!("usage: seq HOST:PORT PATH N WARMUP | big HOST:PORT PATH BUFSIZE | conc HOST:PORT PATH TOTAL CONNS");
    std::process::exit(2)
}

/// The expected size of the small body (nginx root file 1k.bin).
pub const SMALL: usize = 1024;

/// User-space CPU time of the whole process so far, in microseconds.
pub fn user_us() -> f64 {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage fills the struct we own.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    ru.ru_utime.tv_sec as f64 * 1e6 + ru.ru_utime.tv_usec as f64
}

/// A running measurement: wall clock and user CPU.
pub struct Meter {
    t0: Instant,
    u0: f64,
    a0: u64,
}

impl Meter {
    pub fn start() -> Self {
        Meter { a0: allocs(), u0: user_us(), t0: Instant::now() }
    }

    /// `{"rps":..,"user_us_per_req":..,"allocs_per_req":..}` for `n` requests.
    pub fn report_requests(self, n: usize) {
        let secs = self.t0.elapsed().as_secs_f64();
        let user = user_us() - self.u0;
        let a = allocs() - self.a0;
        println!(
            "{{\"rps\": {:.1}, \"user_us_per_req\": {:.3}, \"allocs_per_req\": {:.2}, \"n\": {}, \"secs\": {:.4}}}",
            n as f64 / secs,
            user / n as f64,
            a as f64 / n as f64,
            n,
            secs
        );
    }

    /// `{"mb_s":..,"bytes":..,"user_s":..}` for a body of `bytes` (MB = 10^6 bytes).
    pub fn report_bytes(self, bytes: u64) {
        let secs = self.t0.elapsed().as_secs_f64();
        let user = user_us() - self.u0;
        println!(
            "{{\"mb_s\": {:.1}, \"bytes\": {}, \"secs\": {:.4}, \"user_s\": {:.4}}}",
            bytes as f64 / secs / 1e6,
            bytes,
            secs,
            user / 1e6
        );
    }
}

pub fn check_len(got: usize, want: usize) {
    if got != want {
        eprintln!("body of {got} bytes, expected {want}");
        std::process::exit(1);
    }
}
