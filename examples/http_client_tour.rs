//! What Python code does most with `http.client`, through the facade:
//!
//!     cargo run --example http_client_tour                 # against a local server
//!     cargo run --example http_client_tour -- https://www.python.org/
//!
//! GET on a kept-alive connection, headers and charset, a POST with a body, a
//! chunked response read line by line, and what happens to a header injection.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

use netstd::http::client::{HTTPConnection, HTTPSConnection, RequestOptions};
use netstd::urllib::parse::urlsplit;

/// A small HTTP/1.1 server on loopback, so the tour runs offline.
fn local_server() -> std::io::Result<String> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?.to_string();
    std::thread::spawn(move || {
        let Ok((stream, _)) = listener.accept() else {
            return;
        };
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let mut out = stream;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let mut length = 0;
            loop {
                let mut h = String::new();
                reader.read_line(&mut h).ok();
                if h.trim().is_empty() {
                    break;
                }
                if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            std::io::Read::read_exact(&mut reader, &mut body).ok();
            let reply = if path == "/lines" {
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\
                 Transfer-Encoding: chunked\r\n\r\n6\r\nalpha\n\r\n5\r\nbeta\n\r\n0\r\n\r\n"
                    .to_owned()
            } else {
                let text = format!("you asked for {path} with {length} bytes of body\n");
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=UTF-8\r\n\
                     Content-Length: {}\r\n\r\n{text}",
                    text.len()
                )
            };
            if out.write_all(reply.as_bytes()).is_err() {
                return;
            }
        }
    });
    Ok(addr)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if let Some(url) = std::env::args().nth(1) {
        // conn = http.client.HTTPSConnection(host); conn.request("GET", path)
        let parts = urlsplit(&url)?;
        let mut conn = HTTPSConnection::new(parts.netloc())?;
        let path = if parts.path().is_empty() {
            "/"
        } else {
            parts.path()
        };
        conn.request("GET", path)?;
        let mut r = conn.getresponse()?;
        println!(
            "{} {} ({:?})",
            r.status(),
            r.reason(),
            r.getheader("content-type")
        );
        println!("{} bytes", r.read()?.len());
        return Ok(());
    }

    let mut conn = HTTPConnection::new(&local_server()?)?;
    conn.request("GET", "/index.html")?;
    let mut r = conn.getresponse()?;
    println!("{} {}", r.status(), r.reason());
    println!("charset: {:?}", r.headers().get_content_charset());
    print!("{}", String::from_utf8_lossy(&r.read()?));

    // the same connection, kept alive: a POST with a body and a header
    conn.request_with(
        "POST",
        "/api",
        RequestOptions::new()
            .body(&br#"{"name": "netstd"}"#[..])
            .header("Content-Type", "application/json"),
    )?;
    print!("{}", String::from_utf8_lossy(&conn.getresponse()?.read()?));

    // a chunked body, line by line, as `for line in response:`
    conn.request("GET", "/lines")?;
    for line in conn.getresponse()? {
        print!("line: {}", String::from_utf8_lossy(&line?));
    }

    // a CR LF in a header value never reaches the wire
    let injected = RequestOptions::new().header("Cookie", "a=1\r\nX-Evil: 1");
    match conn.request_with("GET", "/", injected) {
        Err(e) => println!("refused: {} ({e})", e.python_name()),
        Ok(()) => return Err("the injected header was sent".into()),
    }
    Ok(())
}
