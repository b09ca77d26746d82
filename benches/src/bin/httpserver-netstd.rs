//! netstd-httpserver under load (scripts/bench-httpserver): a `ThreadingHTTPServer`
//! whose handler answers every GET with a 13-byte body, HTTP/1.1 keep-alive, the
//! access log silenced, as the CPython server of the script does.
//!
//!   httpserver-netstd PORT [BACKLOG]   serves on 127.0.0.1:PORT until killed
//!
//! BACKLOG is socketserver's `request_queue_size` (CPython's 5 by default, as
//! `ThreadingHTTPServer::new` has it).

use std::io::Write;

use netstd_httpserver::{BaseHTTPRequestHandler, HTTPRequestHandler, ThreadingHTTPServer};
use netstd_socketserver::ServerOptions;

struct Hello;

impl HTTPRequestHandler for Hello {
    fn protocol_version(&self) -> &str {
        "HTTP/1.1"
    }

    fn log_message(&self, _r: &BaseHTTPRequestHandler<'_>, _m: &str) {}

    fn do_GET(&self, r: &mut BaseHTTPRequestHandler<'_>) -> std::io::Result<()> {
        let body = b"Hello, world!";
        r.send_response(200, None)?;
        r.send_header("Content-Length", "13")?;
        r.end_headers()?;
        r.wfile().write_all(body)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (port, backlog) = match args.as_slice() {
        [port] => (port.parse::<u16>().ok(), Some(5)),
        [port, backlog] => (port.parse().ok(), backlog.parse::<i32>().ok()),
        _ => (None, None),
    };
    let (Some(port), Some(backlog)) = (port, backlog) else {
        eprintln!("usage: httpserver-netstd PORT [BACKLOG]");
        std::process::exit(2);
    };
    let opts = ServerOptions::new().request_queue_size(backlog);
    let server = ThreadingHTTPServer::new_with(("127.0.0.1", port), Hello, opts)?;
    server.serve_forever()?;
    Ok(())
}
