//! netstd-httpserver under load (scripts/bench-httpserver): a `ThreadingHTTPServer`
//! whose handler answers every GET with a 13-byte body, HTTP/1.1 keep-alive, the
//! access log silenced, as the CPython server of the script does.
//!
//!   httpserver-netstd PORT        serves on 127.0.0.1:PORT until killed

use std::io::Write;

use netstd_httpserver::{BaseHTTPRequestHandler, HTTPRequestHandler, ThreadingHTTPServer};

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
    let port: u16 = match std::env::args().nth(1).map(|p| p.parse()) {
        Some(Ok(p)) => p,
        _ => {
            eprintln!("usage: httpserver-netstd PORT");
            std::process::exit(2);
        }
    };
    let server = ThreadingHTTPServer::new(("127.0.0.1", port), Hello)?;
    server.serve_forever()?;
    Ok(())
}
