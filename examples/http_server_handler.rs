//! What Python code does most with `http.server`, through the facade: a custom
//! `BaseHTTPRequestHandler` subclass with `do_GET` and `do_POST` on a
//! `ThreadingHTTPServer`, asked by the http.client of the same library.
//!
//!     cargo run --example http_server_handler
//!     cargo run --example http_server_handler -- serve    # keep serving on :8000

use std::io::Write;
use std::sync::Arc;

use netstd::http::client::{HTTPConnection, RequestOptions};
use netstd::http::server::{BaseHTTPRequestHandler, HTTPRequestHandler, ThreadingHTTPServer};
use netstd::socket::Address;

struct Greeter;

impl HTTPRequestHandler for Greeter {
    fn protocol_version(&self) -> &str {
        "HTTP/1.1"
    }

    fn do_GET(&self, r: &mut BaseHTTPRequestHandler<'_>) -> std::io::Result<()> {
        let body = format!("hello from {}\n", r.path());
        r.send_response(200, None)?;
        r.send_header("Content-Type", "text/plain; charset=utf-8")?;
        r.send_header("Content-Length", &body.len().to_string())?;
        r.end_headers()?;
        r.wfile().write_all(body.as_bytes())
    }

    fn do_POST(&self, r: &mut BaseHTTPRequestHandler<'_>) -> std::io::Result<()> {
        let data = match r.read_body(1 << 20) {
            Ok(data) => data,
            Err(_) => return r.send_error(413, None, None),
        };
        r.send_response(201, None)?;
        r.send_header("Content-Length", &data.len().to_string())?;
        r.end_headers()?;
        r.wfile().write_all(&data)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if std::env::args().nth(1).as_deref() == Some("serve") {
        let httpd = ThreadingHTTPServer::new(("127.0.0.1", 8000), Greeter)?;
        println!("Serving HTTP on 127.0.0.1 port 8000 ...");
        httpd.serve_forever()?;
        return Ok(());
    }
    let httpd = Arc::new(ThreadingHTTPServer::new(("127.0.0.1", 0), Greeter)?);
    let Address::Inet(addr) = httpd.server_address() else {
        return Err("not a TCP address".into());
    };
    let running = httpd.clone();
    let thread = std::thread::spawn(move || running.serve_forever());

    let mut conn = HTTPConnection::new(&addr.to_string())?;
    conn.request("GET", "/index")?;
    let mut r = conn.getresponse()?;
    let body = r.read()?;
    print!(
        "{} {}: {}",
        r.status(),
        r.reason(),
        String::from_utf8_lossy(&body)
    );
    conn.request_with("POST", "/upload", RequestOptions::new().body("some data"))?;
    let mut r = conn.getresponse()?;
    let echoed = r.read()?;
    println!(
        "{} {}: {} bytes echoed",
        r.status(),
        r.reason(),
        echoed.len()
    );

    httpd.shutdown();
    thread.join().map_err(|_| "the server thread panicked")??;
    Ok(())
}
