//! http.server on loopback: answers compared byte for byte with CPython's
//! `python -m http.server` on the same directory, a keep-alive handler driven by
//! CPython's http.client and by curl, and the bad-input regressions.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use netstd_core::Address;
use netstd_httpserver::{
    BaseHTTPRequestHandler, HTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer,
};
use netstd_testsupport::TempDir;
use netstd_testsupport::interop::{self, Peer};

fn port_of(a: &Address) -> u16 {
    match a {
        Address::Inet(s) => s.port(),
        Address::Unix(_) => 0,
    }
}

/// Starts `handler` on a threading server; the server stops when the guard drops.
struct Running<H: HTTPRequestHandler> {
    server: Arc<ThreadingHTTPServer<H>>,
    thread: Option<std::thread::JoinHandle<()>>,
    port: u16,
}

impl<H: HTTPRequestHandler> Running<H> {
    fn start(handler: H) -> Self {
        let server = Arc::new(ThreadingHTTPServer::new(("127.0.0.1", 0), handler).unwrap());
        let port = port_of(&server.server_address());
        let s = server.clone();
        let thread = std::thread::spawn(move || {
            s.serve_forever_with(Duration::from_millis(20)).unwrap();
        });
        Running {
            server,
            thread: Some(thread),
            port,
        }
    }
}

impl<H: HTTPRequestHandler> Drop for Running<H> {
    fn drop(&mut self) {
        self.server.shutdown();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Sends raw bytes, reads until the server closes.
fn exchange(port: u16, request: &[u8]) -> Vec<u8> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(request).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    out
}

/// The answer with the lines that differ by nature (Date, Server, Last-Modified)
/// blanked.
fn normalized(answer: &[u8]) -> String {
    String::from_utf8_lossy(answer)
        .split("\r\n")
        .map(|l| {
            if l.starts_with("Date: ") || l.starts_with("Last-Modified: ") {
                l.split(':').next().unwrap().to_owned()
            } else if l.starts_with("Server: ") {
                "Server".to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}

fn site() -> TempDir {
    let dir = TempDir::new();
    dir.write("a.txt", "hello\n");
    dir.write("page.html", "<p>page</p>\n");
    dir.write("data.json", "{}");
    dir.write("x.tar.gz", "gz");
    dir.write("b&<c> d.txt", "odd name");
    dir.write("UPPER.PNG", "png");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/index.html"), "index\n").unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    std::os::unix::fs::symlink("a.txt", dir.path().join("alias")).unwrap();
    dir
}

fn cpython_server(dir: &TempDir) -> Option<(Peer, u16)> {
    let python = interop::require("python3")?;
    let port = netstd_testsupport::free_port();
    let child = Command::new(python)
        .args(["-m", "http.server", "--bind", "127.0.0.1"])
        .arg(port.to_string())
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let peer = Peer(child);
    assert!(interop::wait_for_port(
        ([127, 0, 0, 1], port).into(),
        Duration::from_secs(20)
    ));
    Some((peer, port))
}

#[test]
fn answers_match_cpython_http_server() {
    let dir = site();
    let Some((_py, py_port)) = cpython_server(&dir) else {
        return;
    };
    let ours = Running::start(SimpleHTTPRequestHandler::new(dir.path()));
    let requests: Vec<Vec<u8>> = [
        "GET / HTTP/1.0",
        "GET /a.txt HTTP/1.0",
        "HEAD /a.txt HTTP/1.0",
        "GET /page.html HTTP/1.1",
        "GET /data.json HTTP/1.0",
        "GET /x.tar.gz HTTP/1.0",
        "GET /UPPER.PNG HTTP/1.0",
        "GET /b%26%3Cc%3E%20d.txt HTTP/1.0",
        "GET /sub HTTP/1.0",
        "GET /sub?q=1 HTTP/1.0",
        "GET /sub/ HTTP/1.0",
        "GET /empty/ HTTP/1.0",
        "GET /alias HTTP/1.0",
        "GET /missing HTTP/1.0",
        "GET /a.txt/ HTTP/1.0",
        "GET /../../etc/passwd HTTP/1.0",
        "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.0",
        "GET //evil.example/ HTTP/1.0",
        "GET ///sub HTTP/1.0",
        "GET /a.txt?x=1#f HTTP/1.0",
        "POST / HTTP/1.0",
        "PROPFIND / HTTP/1.0",
        "GET / HTTP/1.x",
        "GET / HTTP/2.0",
        "GET / x HTTP/1.1",
        "PUT /",
        "GET /",
        "GET /sub/%3Cscript%3E HTTP/1.0",
    ]
    .iter()
    .map(|l| format!("{l}\r\n\r\n").into_bytes())
    .chain([
        b"GET /a.txt HTTP/1.0\r\nIf-Modified-Since: Sun, 06 Nov 2095 08:49:37 GMT\r\n\r\n".to_vec(),
        b"GET /a.txt HTTP/1.0\r\nIf-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n".to_vec(),
        b"GET /a.txt HTTP/1.0\r\nIf-Modified-Since: nonsense\r\n\r\n".to_vec(),
        b"GET /a.txt HTTP/1.1\r\nConnection: close\r\n\r\n".to_vec(),
    ])
    .collect();
    for req in requests {
        let theirs = normalized(&exchange(py_port, &req));
        let mine = normalized(&exchange(ours.port, &req));
        assert_eq!(mine, theirs, "request {:?}", String::from_utf8_lossy(&req));
    }
}

/// A handler like the ones Python users write: keep-alive, a JSON answer, a POST
/// body read by its framing.
struct Api {
    log: Arc<Mutex<Vec<String>>>,
}

impl HTTPRequestHandler for Api {
    fn protocol_version(&self) -> &str {
        "HTTP/1.1"
    }

    fn do_GET(&self, r: &mut BaseHTTPRequestHandler<'_>) -> std::io::Result<()> {
        if r.path() == "/panic" {
            panic!("handler panicked on purpose");
        }
        let body = format!("{{\"path\": \"{}\"}}", r.path());
        r.send_response(200, None)?;
        r.send_header("Content-Type", "application/json")?;
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

    fn log_message(&self, _: &BaseHTTPRequestHandler<'_>, message: &str) {
        self.log
            .lock()
            .unwrap()
            .push(netstd_httpserver::escape_controls(message));
    }
}

fn api() -> (Running<Api>, Arc<Mutex<Vec<String>>>) {
    let log = Arc::new(Mutex::new(Vec::new()));
    (Running::start(Api { log: log.clone() }), log)
}

#[test]
fn keep_alive_with_cpython_http_client_and_curl() {
    let (server, _log) = api();
    let Some(python) = interop::require("python3") else {
        return;
    };
    let script = format!(
        "import http.client\n\
         c = http.client.HTTPConnection('127.0.0.1', {})\n\
         socks = set()\n\
         for i in range(20):\n\
         \x20   c.request('GET', '/item/%d' % i)\n\
         \x20   r = c.getresponse(); assert r.status == 200, r.status\n\
         \x20   assert r.read() == b'{{\"path\": \"/item/%d\"}}' % i\n\
         \x20   socks.add(c.sock.getsockname())\n\
         c.request('POST', '/echo', body=iter([b'chunk', b'ed']), encode_chunked=True)\n\
         assert c.getresponse().read() == b'chunked'\n\
         c.request('POST', '/echo', body=b'x' * 100000)\n\
         assert c.getresponse().read() == b'x' * 100000\n\
         assert len(socks) == 1, socks\n\
         print('ok')\n",
        server.port
    );
    let out = Command::new(python).arg("-c").arg(script).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "ok",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let Some(curl) = interop::require("curl") else {
        return;
    };
    let url = format!("http://127.0.0.1:{}/a", server.port);
    let out = Command::new(curl)
        .args([
            "-s",
            "--http1.1",
            &url,
            &url,
            "--next",
            "-d",
            "posted",
            &url,
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "{\"path\": \"/a\"}{\"path\": \"/a\"}posted"
    );
}

#[test]
fn limits_and_smuggling_are_refused() {
    let (server, _log) = api();
    let status = |req: &[u8]| {
        let answer = exchange(server.port, req);
        String::from_utf8_lossy(&answer)
            .lines()
            .next()
            .unwrap_or("")
            .to_owned()
    };
    let mut long = b"GET /".to_vec();
    long.resize(70_000, b'a');
    long.extend_from_slice(b" HTTP/1.1\r\n\r\n");
    assert!(status(&long).starts_with("HTTP/1.1 414 "));
    let mut many = b"GET / HTTP/1.1\r\n".to_vec();
    for i in 0..120 {
        many.extend_from_slice(format!("X-{i}: v\r\n").as_bytes());
    }
    many.extend_from_slice(b"\r\n");
    assert!(status(&many).starts_with("HTTP/1.1 431 Too many headers"));
    let mut long_header = b"GET / HTTP/1.1\r\nX: ".to_vec();
    long_header.resize(70_000, b'a');
    long_header.extend_from_slice(b"\r\n\r\n");
    assert!(status(&long_header).starts_with("HTTP/1.1 431 Line too long"));
    for smuggled in [
        &b"POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"[..],
        b"POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        b"POST / HTTP/1.1\r\nContent-Length: +3\r\n\r\nabc",
        b"POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
        b"GET / HTTP/1.1\r\nX: a\r\n folded\r\n\r\n",
        b"GET / HTTP/1.1\nHost: x\r\n\r\n",
    ] {
        let answer = String::from_utf8_lossy(&exchange(server.port, smuggled)).into_owned();
        assert!(answer.starts_with("HTTP/1.1 400 "), "{answer}");
        assert!(answer.contains("Connection: close"), "{answer}");
    }
    // an invalid chunk size is an error from read_body: the connection is dropped
    let answer = exchange(
        server.port,
        b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
    );
    assert!(answer.is_empty(), "{:?}", String::from_utf8_lossy(&answer));
}

#[test]
fn open_redirect_and_log_injection_are_closed() {
    let dir = site();
    let server = Running::start(SimpleHTTPRequestHandler::new(dir.path()));
    // CVE-2021-28861: a Location of //evil.example/sub/ would leave the site
    let answer = String::from_utf8_lossy(&exchange(
        server.port,
        b"GET //evil.example/../sub HTTP/1.0\r\n\r\n",
    ))
    .into_owned();
    let location = answer
        .lines()
        .find(|l| l.starts_with("Location: "))
        .unwrap_or("");
    assert!(!location.starts_with("Location: //"), "{answer}");
    let (api, log) = api();
    exchange(
        api.port,
        b"GET /\x1b[31mred\x07 HTTP/1.1\r\nConnection: close\r\n\r\n",
    );
    let log = log.lock().unwrap().join("\n");
    assert!(log.contains("\\x1b[31mred\\x07"), "{log}");
    assert!(!log.contains('\x1b'));
}

#[test]
fn a_panicking_handler_does_not_stop_the_server() {
    let (server, _log) = api();
    let answer = exchange(server.port, b"GET /panic HTTP/1.1\r\n\r\n");
    assert!(answer.is_empty());
    let answer = exchange(
        server.port,
        b"GET /fine HTTP/1.1\r\nConnection: close\r\n\r\n",
    );
    assert!(String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 200 OK"));
}

#[test]
fn expect_100_continue_and_http_0_9() {
    let (server, _log) = api();
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(b"POST /e HTTP/1.1\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
        .unwrap();
    let mut reader = BufReader::new(s.try_clone().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert_eq!(line, "HTTP/1.1 100 Continue\r\n");
    reader.read_line(&mut line).unwrap();
    s.write_all(b"body").unwrap();
    let mut status = String::new();
    reader.read_line(&mut status).unwrap();
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    // HTTP/0.9: a body only
    let dir = site();
    let simple = Running::start(SimpleHTTPRequestHandler::new(dir.path()));
    assert_eq!(exchange(simple.port, b"GET /a.txt\r\n"), b"hello\n");
}

#[test]
fn slow_clients_are_dropped() {
    struct Quick;
    impl HTTPRequestHandler for Quick {
        fn timeout(&self) -> Option<Duration> {
            Some(Duration::from_millis(200))
        }
    }
    let server = Running::start(Quick);
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(b"GET / HT").unwrap();
    let started = std::time::Instant::now();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    assert!(out.is_empty());
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_head_sent_a_byte_at_a_time_is_bounded() {
    // each byte comes well within the per-read timeout, so only a bound on the
    // whole head ends this (CPython would wait for the last byte)
    struct Quick;
    impl HTTPRequestHandler for Quick {
        fn timeout(&self) -> Option<Duration> {
            Some(Duration::from_millis(600))
        }
    }
    let server = Running::start(Quick);
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let head = b"GET / HTTP/1.1\r\nHost: x\r\nX-slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
    let started = std::time::Instant::now();
    let mut sent = 0;
    for &byte in head.iter() {
        if s.write_all(&[byte]).is_err() {
            break;
        }
        sent += 1;
        std::thread::sleep(Duration::from_millis(100));
    }
    // the drip lasts 6.4 s; the server gave up after about 0.6 s plus one read
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    assert!(out.is_empty(), "{}", String::from_utf8_lossy(&out));
    assert!(sent < head.len() || started.elapsed() < Duration::from_secs(8));
    // an idle keep-alive wait is not part of the head: a request that starts late but
    // arrives at once is served
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    std::thread::sleep(Duration::from_millis(400));
    s.write_all(b"GET / HTTP/1.0\r\n\r\n").unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    assert!(
        String::from_utf8_lossy(&out).starts_with("HTTP/1.0 501"),
        "{}",
        String::from_utf8_lossy(&out)
    );
}

#[test]
fn byte_ranges() {
    let dir = TempDir::new();
    dir.write("ten.txt", "0123456789");
    let server = Running::start(SimpleHTTPRequestHandler::new(dir.path()));
    let get = |range: &str| {
        let req = format!("GET /ten.txt HTTP/1.0\r\nRange: {range}\r\n\r\n");
        String::from_utf8_lossy(&exchange(server.port, req.as_bytes())).into_owned()
    };
    let a = get("bytes=2-4");
    assert!(a.starts_with("HTTP/1.0 206 Partial Content\r\n"), "{a}");
    assert!(
        a.contains("\r\nContent-Range: bytes 2-4/10\r\n") && a.ends_with("\r\n\r\n234"),
        "{a}"
    );
    assert!(get("bytes=7-").ends_with("789"));
    assert!(get("bytes=-3").ends_with("789"));
    assert!(get("bytes=5-100").ends_with("56789"));
    let none = get("bytes=10-");
    assert!(
        none.starts_with("HTTP/1.0 416 ") && none.contains("Content-Range: bytes */10"),
        "{none}"
    );
    for ignored in ["bytes=0-1,3-4", "items=0-1", "bytes=x-y", "bytes=5-2"] {
        let full = get(ignored);
        assert!(
            full.starts_with("HTTP/1.0 200 OK") && full.ends_with("0123456789"),
            "{ignored}: {full}"
        );
    }
    let stale = exchange(
        server.port,
        b"GET /ten.txt HTTP/1.0\r\nRange: bytes=0-1\r\nIf-Range: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n",
    );
    assert!(String::from_utf8_lossy(&stale).ends_with("0123456789"));
}

#[test]
fn https_serving_with_cpython_client() {
    let Some(python) = interop::require("python3") else {
        return;
    };
    let ca = netstd_testsupport::TestCa::new();
    let leaf = ca.issue(&["localhost"]);
    let dir = site();
    let cafile = dir.write("ca.pem", ca.cert_pem());
    let mut ctx = netstd_core::ssl::SSLContext::new(netstd_core::ssl::PROTOCOL_TLS_SERVER);
    ctx.load_cert_chain_pem(leaf.cert_pem.as_bytes(), leaf.key_pem.as_bytes())
        .unwrap();
    let opts = netstd_socketserver::ServerOptions::new().tls(ctx);
    let server = Arc::new(
        ThreadingHTTPServer::new_with(
            ("127.0.0.1", 0),
            SimpleHTTPRequestHandler::new(dir.path()),
            opts,
        )
        .unwrap(),
    );
    let port = port_of(&server.server_address());
    let s = server.clone();
    let t = std::thread::spawn(move || s.serve_forever_with(Duration::from_millis(20)));
    let script = format!(
        "import ssl, urllib.request\n\
         ctx = ssl.create_default_context(cafile={cafile:?})\n\
         print(urllib.request.urlopen('https://localhost:{port}/a.txt', context=ctx).read().decode(), end='')\n"
    );
    let out = Command::new(python).arg("-c").arg(script).output().unwrap();
    server.shutdown();
    t.join().unwrap().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "hello\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
#[allow(deprecated)]
fn cgi_scripts_as_cpython_runs_them() {
    use std::os::unix::fs::PermissionsExt;
    let dir = site();
    std::fs::create_dir(dir.path().join("cgi-bin")).unwrap();
    let script = dir.path().join("cgi-bin/env.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\n'\n\
         echo \"method=$REQUEST_METHOD query=$QUERY_STRING path_info=$PATH_INFO\"\n\
         echo \"script=$SCRIPT_NAME ctype=$CONTENT_TYPE clen=$CONTENT_LENGTH\"\n\
         echo \"cookie=$HTTP_COOKIE accept=$HTTP_ACCEPT user=$REMOTE_USER args=$*\"\n\
         if [ -n \"$CONTENT_LENGTH\" ]; then head -c \"$CONTENT_LENGTH\"; fi\n",
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(dir.path().join("cgi-bin/plain.sh"), "#!/bin/sh\n").unwrap();
    let Some(python) = interop::require("python3") else {
        return;
    };
    let py_port = netstd_testsupport::free_port();
    let child = Command::new(python)
        .args([
            "-W",
            "ignore",
            "-m",
            "http.server",
            "--cgi",
            "--bind",
            "127.0.0.1",
        ])
        .arg(py_port.to_string())
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _py = Peer(child);
    assert!(interop::wait_for_port(
        ([127, 0, 0, 1], py_port).into(),
        Duration::from_secs(20)
    ));
    let ours = Running::start(netstd_httpserver::CGIHTTPRequestHandler::new(dir.path()));
    let requests: [&[u8]; 8] = [
        b"GET /cgi-bin/env.sh HTTP/1.0\r\n\r\n",
        b"GET /cgi-bin/env.sh/extra/path?word HTTP/1.0\r\nCookie: a=1\r\nCookie: b=2\r\nAccept: text/html\r\nAccept: */*\r\n\r\n",
        b"GET /cgi-bin/env.sh?x=1&y=a+b HTTP/1.0\r\nAuthorization: Basic dXNlcjpwdw==\r\n\r\n",
        b"POST /cgi-bin/env.sh HTTP/1.0\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\nn=hello",
        b"GET /cgi-bin/plain.sh HTTP/1.0\r\n\r\n",
        b"GET /cgi-bin/missing.sh HTTP/1.0\r\n\r\n",
        b"POST /a.txt HTTP/1.0\r\nContent-Length: 0\r\n\r\n",
        b"GET /a.txt HTTP/1.0\r\n\r\n",
    ];
    for req in requests {
        let theirs = normalized(&exchange(py_port, req));
        let mine = normalized(&exchange(ours.port, req));
        assert_eq!(mine, theirs, "request {:?}", String::from_utf8_lossy(req));
    }
}

#[test]
fn symlinks_leaving_the_root_when_asked() {
    let outside = TempDir::new();
    outside.write("secret.txt", "secret");
    let dir = site();
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), dir.path().join("leak")).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("leakdir")).unwrap();
    let following = Running::start(SimpleHTTPRequestHandler::new(dir.path()));
    let strict = Running::start(SimpleHTTPRequestHandler::new(dir.path()).follow_symlinks(false));
    let status = |port: u16, path: &str| {
        let answer = exchange(port, format!("GET {path} HTTP/1.0\r\n\r\n").as_bytes());
        String::from_utf8_lossy(&answer)
            .lines()
            .next()
            .unwrap_or("")
            .to_owned()
    };
    assert!(status(following.port, "/leak").starts_with("HTTP/1.0 200"));
    assert!(status(strict.port, "/leak").starts_with("HTTP/1.0 404"));
    assert!(status(strict.port, "/leakdir/secret.txt").starts_with("HTTP/1.0 404"));
    assert!(status(strict.port, "/leakdir/").starts_with("HTTP/1.0 404"));
    // links that stay inside are still served
    assert!(status(strict.port, "/alias").starts_with("HTTP/1.0 200"));
}

#[test]
fn clients_that_vanish_do_not_disturb_others() {
    let (server, _log) = api();
    for partial in [
        &b"GET /a HTTP/1.1\r\nHost: x"[..],
        b"POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\nabc",
        b"GE",
    ] {
        let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        s.write_all(partial).unwrap();
        drop(s);
    }
    let answer = exchange(
        server.port,
        b"GET /still HTTP/1.1\r\nConnection: close\r\n\r\n",
    );
    assert!(String::from_utf8_lossy(&answer).ends_with("{\"path\": \"/still\"}"));
}

#[test]
fn review_regressions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = site();
    // S2: a space before the colon, a bare CR: fields a proxy reads otherwise
    let (api_server, _log) = api();
    for bad in [
        &b"POST / HTTP/1.1\r\nTransfer-Encoding : chunked\r\nContent-Length: 5\r\n\r\nhello"[..],
        b"POST / HTTP/1.1\r\nX: a\rContent-Length: 3\r\n\r\nabc",
        b"GET / HTTP/1.1\r\nNoColonHere\r\n\r\n",
    ] {
        let answer = String::from_utf8_lossy(&exchange(api_server.port, bad)).into_owned();
        assert!(answer.starts_with("HTTP/1.1 400 "), "{answer}");
    }
    // S5: a backslash component is not dropped into a redirect or another name
    let simple = Running::start(SimpleHTTPRequestHandler::new(dir.path()));
    for path in ["/\\evil.example", "/x%5c/a.txt", "/%5c%5cevil.example/"] {
        let answer = String::from_utf8_lossy(&exchange(
            simple.port,
            format!("GET {path} HTTP/1.0\r\n\r\n").as_bytes(),
        ))
        .into_owned();
        assert!(answer.starts_with("HTTP/1.0 404 "), "{path}: {answer}");
    }
    // S4: an index page that links out of the root
    let outside = TempDir::new();
    outside.write("secret.html", "secret");
    std::fs::create_dir(dir.path().join("d")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.html"),
        dir.path().join("d/index.html"),
    )
    .unwrap();
    let strict = Running::start(SimpleHTTPRequestHandler::new(dir.path()).follow_symlinks(false));
    let answer =
        String::from_utf8_lossy(&exchange(strict.port, b"GET /d/ HTTP/1.0\r\n\r\n")).into_owned();
    assert!(answer.starts_with("HTTP/1.0 404 "), "{answer}");
    // S1: a twice-encoded `..` does not run a program outside the CGI directory
    std::fs::create_dir(dir.path().join("cgi-bin")).unwrap();
    let outside_script = dir.path().join("x");
    std::fs::write(
        &outside_script,
        "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\nescaped'\n",
    )
    .unwrap();
    std::fs::set_permissions(&outside_script, std::fs::Permissions::from_mode(0o755)).unwrap();
    #[allow(deprecated)]
    let cgi = Running::start(netstd_httpserver::CGIHTTPRequestHandler::new(dir.path()));
    for path in ["/cgi-bin/%252e%252e/x", "/cgi-bin/..%252f../x"] {
        let answer = String::from_utf8_lossy(&exchange(
            cgi.port,
            format!("GET {path} HTTP/1.0\r\n\r\n").as_bytes(),
        ))
        .into_owned();
        assert!(!answer.contains("escaped"), "{path}: {answer}");
    }
}

#[test]
fn a_body_read_through_rfile_closes_the_connection() {
    struct Raw;
    impl HTTPRequestHandler for Raw {
        fn protocol_version(&self) -> &str {
            "HTTP/1.1"
        }
        fn do_POST(&self, r: &mut BaseHTTPRequestHandler<'_>) -> std::io::Result<()> {
            // as a CPython handler would: read Content-Length bytes (0 for chunked)
            let n: u64 = r
                .headers()
                .get("Content-Length")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let mut body = Vec::new();
            r.rfile().take(n).read_to_end(&mut body)?;
            r.send_response(200, None)?;
            r.send_header("Content-Length", &body.len().to_string())?;
            r.end_headers()?;
            r.wfile().write_all(&body)
        }
        fn log_message(&self, _: &BaseHTTPRequestHandler<'_>, _: &str) {}
    }
    let server = Running::start(Raw);
    // chunked body, then a pipelined request that must not be parsed from the body
    let answer = exchange(
        server.port,
        b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\nGET /second HTTP/1.1\r\n\r\n",
    );
    let text = String::from_utf8_lossy(&answer);
    assert_eq!(text.matches("HTTP/1.1 ").count(), 1, "{text}");
}
