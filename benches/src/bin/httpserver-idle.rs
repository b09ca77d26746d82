//! Many idle keep-alive connections to an HTTP server (scripts/bench-httpserver,
//! the memory per connection).
//!
//!   httpserver-idle PORT N [CONCURRENCY] [HOLD_SECS]
//!       opens N TCP connections to 127.0.0.1:PORT, at most CONCURRENCY (128) being
//!       set up at once so that the server's accept queue never overflows; sends
//!       one `GET / HTTP/1.1` on each and reads its whole response (head, then the
//!       `Content-Length` bytes), so that every connection has been through a
//!       request and sits idle on keep-alive. Then prints one JSON line (`{"open":
//!       N, "failed": F, "secs": S}`) and keeps every connection open, silent, for
//!       HOLD_SECS (3600) or until killed. The process needs `ulimit -n` above N.

use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const REQUEST: &[u8] = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

/// Connects, sends the GET and reads its response whole.
async fn one(port: u16) -> std::io::Result<TcpStream> {
    let mut c = TcpStream::connect(("127.0.0.1", port)).await?;
    c.write_all(REQUEST).await?;
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        let n = c.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
        let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| std::io::Error::other("no Content-Length"))?;
        if !head.starts_with("http/1.1 200") {
            return Err(std::io::Error::other(format!("answered {head:?}")));
        }
        if buf.len() >= end + 4 + length {
            return Ok(c);
        }
    }
}

fn usage() -> ! {
    eprintln!("usage: httpserver-idle PORT N [CONCURRENCY] [HOLD_SECS]");
    std::process::exit(2);
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !(2..=4).contains(&args.len()) {
        usage();
    }
    let num = |i: usize, default: u64| -> u64 {
        args.get(i)
            .map_or(Some(default), |a| a.parse().ok())
            .unwrap_or_else(|| usage())
    };
    let port = u16::try_from(num(0, 0)).unwrap_or_else(|_| usage());
    let n = num(1, 0) as usize;
    let concurrency = num(2, 128) as usize;
    let hold = Duration::from_secs(num(3, 3600));

    let t0 = Instant::now();
    let gate = Arc::new(tokio::sync::Semaphore::new(concurrency.max(1)));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..n {
        let gate = gate.clone();
        tasks.spawn(async move {
            let _permit = gate.acquire_owned().await.expect("the semaphore is open");
            one(port).await
        });
    }
    let mut open = Vec::with_capacity(n);
    let mut failed = 0usize;
    let mut first_error = None;
    while let Some(done) = tasks.join_next().await {
        match done.expect("a connection task panicked") {
            Ok(c) => open.push(c),
            Err(e) => {
                failed += 1;
                first_error.get_or_insert_with(|| e.to_string());
            }
        }
    }
    if let Some(e) = first_error {
        eprintln!("httpserver-idle: {failed} connections failed, the first: {e}");
    }
    println!(
        "{{\"open\": {}, \"failed\": {failed}, \"secs\": {:.2}}}",
        open.len(),
        t0.elapsed().as_secs_f64()
    );
    let _ = std::io::stdout().flush();
    tokio::time::sleep(hold).await;
    drop(open);
}
