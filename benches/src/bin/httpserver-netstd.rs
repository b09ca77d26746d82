//! netstd-httpserver under load (scripts/bench-httpserver).
//!
//!   httpserver-netstd hello PORT [BACKLOG]
//!       a `ThreadingHTTPServer` whose handler answers every GET with a 13-byte
//!       body, HTTP/1.1 keep-alive, the access log silenced (as the CPython server
//!       of the script)
//!   httpserver-netstd files PORT DIR threading|sequential log|quiet [BACKLOG]
//!       `SimpleHTTPRequestHandler` on DIR, HTTP/1.0 as `netstd http.server`, on a
//!       threading or sequential server, with its access log (to stderr) or without:
//!       the variants that tell where `netstd http.server`'s time goes
//!
//! Serves on 127.0.0.1:PORT until killed. BACKLOG is socketserver's
//! `request_queue_size` (CPython's 5 by default, as `ThreadingHTTPServer::new` has it).

use std::io::{self, Write};

use netstd_httpserver::{
    BaseHTTPRequestHandler, HTTPRequestHandler, HTTPServer, SimpleHTTPRequestHandler,
    ThreadingHTTPServer,
};
use netstd_socketserver::ServerOptions;

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
         httpserver-netstd files PORT DIR threading|sequential log|quiet [BACKLOG]"
    );
    std::process::exit(2);
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
        _ => usage(),
    }
    Ok(())
}
