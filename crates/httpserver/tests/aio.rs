//! The async server: the same answers as the blocking one for the same handler,
//! keep-alive with CPython's http.client, bodies, panics, and many idle
//! connections at once.
#![cfg(feature = "tokio")]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::Duration;

use netstd_core::Address;
use netstd_httpserver::aio;
use netstd_httpserver::{BaseHTTPRequestHandler, HTTPRequestHandler, ThreadingHTTPServer};
use tokio::io::AsyncWriteExt;

fn port_of(a: &Address) -> u16 {
    match a {
        Address::Inet(s) => s.port(),
        Address::Unix(_) => 0,
    }
}

fn answer_for(path: &str) -> Option<String> {
    (path != "/missing").then(|| format!("{{\"path\": \"{path}\"}}"))
}

struct Sync11;
impl HTTPRequestHandler for Sync11 {
    fn protocol_version(&self) -> &str {
        "HTTP/1.1"
    }
    fn do_GET(&self, r: &mut BaseHTTPRequestHandler<'_>) -> std::io::Result<()> {
        let Some(body) = answer_for(r.path()) else {
            return r.send_error(404, None, None);
        };
        r.send_response(200, None)?;
        r.send_header("Content-Length", &body.len().to_string())?;
        r.end_headers()?;
        r.wfile().write_all(body.as_bytes())
    }
    fn do_POST(&self, r: &mut BaseHTTPRequestHandler<'_>) -> std::io::Result<()> {
        let body = r.read_body(1 << 20)?;
        r.send_response(200, None)?;
        r.send_header("Content-Length", &body.len().to_string())?;
        r.end_headers()?;
        r.wfile().write_all(&body)
    }
    fn log_message(&self, _: &BaseHTTPRequestHandler<'_>, _: &str) {}
}

struct Async11;
impl aio::HTTPRequestHandler for Async11 {
    fn protocol_version(&self) -> &str {
        "HTTP/1.1"
    }
    async fn do_GET(&self, r: &mut aio::BaseHTTPRequestHandler<'_, Self>) -> std::io::Result<()> {
        if r.path() == "/panic" {
            panic!("async handler panicked on purpose");
        }
        let Some(body) = answer_for(r.path()) else {
            return r.send_error(404, None, None).await;
        };
        r.send_response(200, None)?;
        r.send_header("Content-Length", &body.len().to_string())?;
        r.end_headers().await?;
        r.wfile().write_all(body.as_bytes()).await
    }
    async fn do_POST(&self, r: &mut aio::BaseHTTPRequestHandler<'_, Self>) -> std::io::Result<()> {
        let body = r.read_body(1 << 20).await?;
        r.send_response(200, None)?;
        r.send_header("Content-Length", &body.len().to_string())?;
        r.end_headers().await?;
        r.wfile().write_all(&body).await
    }
    fn log_message(&self, _: &aio::BaseHTTPRequestHandler<'_, Self>, _: &str) {}
}

fn exchange(port: u16, request: &[u8]) -> Vec<u8> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(request).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    out
}

fn normalized(answer: &[u8]) -> String {
    String::from_utf8_lossy(answer)
        .split("\r\n")
        .filter(|l| !l.starts_with("Date: "))
        .collect::<Vec<_>>()
        .join("\r\n")
}

async fn start_async() -> (Arc<aio::HTTPServer<Async11>>, u16) {
    let server = Arc::new(
        aio::HTTPServer::new(("127.0.0.1", 0), Async11)
            .await
            .unwrap(),
    );
    let port = port_of(&server.server_address());
    let s = server.clone();
    tokio::spawn(async move { s.serve_forever().await });
    (server, port)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn same_answers_as_the_blocking_server() {
    let blocking = Arc::new(ThreadingHTTPServer::new(("127.0.0.1", 0), Sync11).unwrap());
    let bport = port_of(&blocking.server_address());
    let b = blocking.clone();
    let thread = std::thread::spawn(move || b.serve_forever_with(Duration::from_millis(20)));
    let (server, aport) = start_async().await;
    let requests: [&[u8]; 12] = [
        b"GET /a HTTP/1.1\r\nConnection: close\r\n\r\n",
        b"GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\nConnection: close\r\n\r\n",
        b"GET /missing HTTP/1.1\r\n\r\n",
        b"HEAD /missing HTTP/1.0\r\n\r\n",
        b"PUT / HTTP/1.0\r\n\r\n",
        b"GET / HTTP/1.x\r\n\r\n",
        b"GET / HTTP/2.0\r\n\r\n",
        b"GET //evil/ HTTP/1.0\r\n\r\n",
        b"POST / HTTP/1.1\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello",
        b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
        b"POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
        b"GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n",
    ];
    for req in requests {
        let (mine, theirs) = tokio::task::spawn_blocking(move || {
            (
                normalized(&exchange(aport, req)),
                normalized(&exchange(bport, req)),
            )
        })
        .await
        .unwrap();
        assert_eq!(mine, theirs, "{:?}", String::from_utf8_lossy(req));
    }
    server.shutdown();
    blocking.shutdown();
    thread.join().unwrap().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keep_alive_with_cpython_and_a_panic() {
    let (server, port) = start_async().await;
    let errors = Arc::new(std::sync::Mutex::new(Vec::new()));
    let e = errors.clone();
    server.set_handle_error(move |_, err| e.lock().unwrap().push(err.to_string()));
    let Some(python) = netstd_testsupport::interop::require("python3") else {
        return;
    };
    let script = format!(
        "import http.client\n\
         c = http.client.HTTPConnection('127.0.0.1', {port})\n\
         socks = set()\n\
         for i in range(30):\n\
         \x20   c.request('GET', '/i/%d' % i); r = c.getresponse()\n\
         \x20   assert r.read() == b'{{\"path\": \"/i/%d\"}}' % i\n\
         \x20   socks.add(c.sock.getsockname())\n\
         c.request('POST', '/', body=iter([b'as', b'ync']), encode_chunked=True)\n\
         assert c.getresponse().read() == b'async'\n\
         assert len(socks) == 1\n\
         print('ok')\n"
    );
    let out = tokio::process::Command::new(python)
        .arg("-c")
        .arg(script)
        .output()
        .await
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "ok",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let answer =
        tokio::task::spawn_blocking(move || exchange(port, b"GET /panic HTTP/1.1\r\n\r\n"))
            .await
            .unwrap();
    assert!(answer.is_empty());
    let answer = tokio::task::spawn_blocking(move || {
        exchange(port, b"GET /after HTTP/1.1\r\nConnection: close\r\n\r\n")
    })
    .await
    .unwrap();
    assert!(String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 200 OK"));
    // the panic is reported when the server next collects its finished tasks
    tokio::task::spawn_blocking(move || {
        exchange(port, b"GET /x HTTP/1.1\r\nConnection: close\r\n\r\n")
    })
    .await
    .unwrap();
    assert!(
        errors.lock().unwrap().iter().any(|e| e.contains("panic")),
        "{:?}",
        errors.lock().unwrap()
    );
    server.shutdown();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_idle_connections_do_not_block_others() {
    let (server, port) = start_async().await;
    let mut idle = Vec::new();
    for _ in 0..500 {
        idle.push(
            tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .unwrap(),
        );
    }
    let answer = tokio::task::spawn_blocking(move || {
        exchange(port, b"GET /busy HTTP/1.1\r\nConnection: close\r\n\r\n")
    })
    .await
    .unwrap();
    assert!(String::from_utf8_lossy(&answer).ends_with("{\"path\": \"/busy\"}"));
    drop(idle);
    server.shutdown();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_before_serving_is_not_lost() {
    let server = Arc::new(
        aio::HTTPServer::new(("127.0.0.1", 0), Async11)
            .await
            .unwrap(),
    );
    server.shutdown();
    let s = server.clone();
    let served = tokio::time::timeout(
        Duration::from_secs(10),
        async move { s.serve_forever().await },
    )
    .await;
    assert!(matches!(served, Ok(Ok(()))));
}
