//! The client against real servers started on loopback: nginx (keep-alive,
//! chunked, HEAD, HTTPS with a test CA), CPython's http.server (HTTP/1.0 and 1.1,
//! close-delimited bodies) and tinyproxy (set_tunnel, absolute-URI requests). Each
//! test skips when its peer is missing, and fails instead under
//! NETSTD_REQUIRE_INTEROP=1. The async face runs the same checks.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

use netstd_core::ssl::{SSLContext, VerifyLocations, create_default_context};
#[cfg(feature = "tokio")]
use netstd_httpclient::aio;
use netstd_httpclient::{
    ConnectionOptions, Error, HTTPConnection, HTTPSConnection, RequestOptions,
};
use netstd_testsupport::interop::{self, Nginx, Peer, Tinyproxy};
use netstd_testsupport::{Issued, TempDir, TestCa};

const BODY_1K: &[u8] = &[b'n'; 1024];

fn text() -> Vec<u8> {
    b"netstd line\n".repeat(5000)
}

struct Setup {
    nginx: Nginx,
    ca: TestCa,
}

fn nginx() -> Option<Setup> {
    let ca = TestCa::new();
    let leaf: Issued = ca.issue(&["localhost"]);
    let text = text();
    let nginx = Nginx::start(&[("1k.bin", BODY_1K), ("text.txt", &text)], &leaf)?;
    Some(Setup { nginx, ca })
}

fn opts() -> ConnectionOptions {
    ConnectionOptions::new().timeout(Duration::from_secs(20))
}

fn trusting(ca: &TestCa) -> SSLContext {
    let mut ctx = create_default_context().unwrap();
    ctx.load_verify_locations_with(VerifyLocations::new().cadata(ca.cert_pem()))
        .unwrap();
    ctx
}

#[test]
fn nginx_keep_alive_chunked_head_post() {
    let Some(s) = nginx() else { return };
    let mut c = HTTPConnection::new_with(&format!("127.0.0.1:{}", s.nginx.port), &opts()).unwrap();
    let mut local = None;
    for _ in 0..200 {
        c.request("GET", "/1k.bin").unwrap();
        let mut r = c.getresponse().unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.getheader("content-length").as_deref(), Some("1024"));
        assert_eq!(r.read().unwrap(), BODY_1K);
        // one connection for all of them
        let here = c.sock().unwrap().getsockname().unwrap().to_string();
        assert_eq!(local.get_or_insert(here.clone()), &here);
    }
    c.request("GET", "/chunked/text.txt").unwrap();
    let mut r = c.getresponse().unwrap();
    assert!(r.chunked(), "nginx's sub_filter answers chunked");
    let body = r.read().unwrap();
    assert_eq!(body, b"NETSTD line\n".repeat(5000));
    c.request("GET", "/chunked/text.txt").unwrap();
    let r = c.getresponse().unwrap();
    let lines: Vec<Vec<u8>> = r.collect::<Result<_, _>>().unwrap();
    let lines = lines.len();
    assert_eq!(lines, 5000);
    c.request("HEAD", "/1k.bin").unwrap();
    let mut r = c.getresponse().unwrap();
    assert_eq!(r.getheader("content-length").as_deref(), Some("1024"));
    assert_eq!(r.read().unwrap(), b"");
    c.request_with("POST", "/post", RequestOptions::new().body(&b"a=1&b=2"[..]))
        .unwrap();
    assert_eq!(c.getresponse().unwrap().read().unwrap(), b"POST 7 \n");
    c.request_with(
        "POST",
        "/post",
        RequestOptions::new().body(netstd_httpclient::Body::reader(&b"streamed"[..])),
    )
    .unwrap();
    let answer = c.getresponse().unwrap().read().unwrap();
    assert!(
        answer.starts_with(b"POST ") && answer.ends_with(b" chunked\n"),
        "{answer:?}"
    );
    c.request("GET", "/missing").unwrap();
    let mut r = c.getresponse().unwrap();
    assert_eq!((r.status(), r.reason()), (404, "Not Found"));
    r.read().unwrap();
    c.request("GET", "/close").unwrap();
    let mut r = c.getresponse().unwrap();
    assert!(r.will_close());
    assert_eq!(r.read().unwrap(), b"closing\n");
    // auto_open reconnects
    c.request("GET", "/1k.bin").unwrap();
    assert_eq!(c.getresponse().unwrap().read().unwrap(), BODY_1K);
    let here = c.sock().unwrap().getsockname().unwrap().to_string();
    assert_ne!(local.as_deref(), Some(here.as_str()));
}

#[test]
fn nginx_https_verifies() {
    let Some(s) = nginx() else { return };
    let tls = ConnectionOptions::new()
        .timeout(Duration::from_secs(20))
        .port(s.nginx.tls_port);
    let mut c =
        HTTPSConnection::new_with("localhost", &tls.clone().context(trusting(&s.ca))).unwrap();
    for _ in 0..3 {
        c.request("GET", "/1k.bin").unwrap();
        assert_eq!(c.getresponse().unwrap().read().unwrap(), BODY_1K);
    }
    assert!(
        c.sock()
            .unwrap()
            .version()
            .is_some_and(|v| v.starts_with("TLSv1."))
    );
    // untrusted: the default context does not know the test CA
    let mut c = HTTPSConnection::new_with("localhost", &tls).unwrap();
    let e = c.request("GET", "/1k.bin").unwrap_err();
    assert_eq!(e.python_name(), "SSLCertVerificationError", "{e}");
    // wrong host name: the certificate is for localhost only
    let mut c =
        HTTPSConnection::new_with("127.0.0.1", &tls.clone().context(trusting(&s.ca))).unwrap();
    let e = c.request("GET", "/1k.bin").unwrap_err();
    assert_eq!(e.python_name(), "SSLCertVerificationError", "{e}");
}

#[cfg(feature = "tokio")]
#[tokio::test]
async fn nginx_async_face() {
    let Some(s) = nginx() else { return };
    let mut c =
        aio::HTTPConnection::new_with(&format!("127.0.0.1:{}", s.nginx.port), &opts()).unwrap();
    for _ in 0..100 {
        c.request("GET", "/1k.bin").await.unwrap();
        assert_eq!(
            c.getresponse().await.unwrap().read().await.unwrap(),
            BODY_1K
        );
    }
    c.request("GET", "/chunked/text.txt").await.unwrap();
    let mut r = c.getresponse().await.unwrap();
    assert!(r.chunked());
    assert_eq!(r.read().await.unwrap(), b"NETSTD line\n".repeat(5000));
    c.request("HEAD", "/1k.bin").await.unwrap();
    assert_eq!(c.getresponse().await.unwrap().read().await.unwrap(), b"");
    let tls = ConnectionOptions::new()
        .timeout(Duration::from_secs(20))
        .port(s.nginx.tls_port);
    let mut c =
        aio::HTTPSConnection::new_with("localhost", &tls.clone().context(trusting(&s.ca))).unwrap();
    c.request("GET", "/1k.bin").await.unwrap();
    assert_eq!(
        c.getresponse().await.unwrap().read().await.unwrap(),
        BODY_1K
    );
    let mut c = aio::HTTPSConnection::new_with("localhost", &tls).unwrap();
    let e = c.request("GET", "/").await.unwrap_err();
    assert_eq!(e.python_name(), "SSLCertVerificationError");
    let mut c = aio::HTTPSConnection::new_with("127.0.0.1", &tls.context(trusting(&s.ca))).unwrap();
    let e = c.request("GET", "/").await.unwrap_err();
    assert_eq!(e.python_name(), "SSLCertVerificationError");
}

/// CPython's http.server with a handler that answers HTTP/1.0 close-delimited
/// bodies, HTTP/1.1 keep-alive and hand-made chunked bodies.
const CPYTHON_SERVER: &str = r#"
import sys, http.server
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def do_GET(self):
        if self.path == "/close":
            self.protocol_version = "HTTP/1.0"
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"no length, until close")
            self.close_connection = True
        elif self.path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for part in (b"py", b"thon"):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            self.wfile.write(b"0\r\nX-Trailer: yes\r\n\r\n")
        else:
            body = self.path.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
    def do_POST(self):
        if self.headers.get("Transfer-Encoding") == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    break
                data += self.rfile.read(size)
                self.rfile.readline()
        else:
            data = self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
H.protocol_version = "HTTP/1.1"
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
"#;

fn cpython_server() -> Option<(Peer, u16, TempDir)> {
    let python = interop::require("python3")?;
    let dir = TempDir::new();
    let script = dir.write("server.py", CPYTHON_SERVER);
    let port = netstd_testsupport::free_port();
    let child = Command::new(python)
        .arg(&script)
        .arg(port.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start python3");
    let peer = Peer(child);
    assert!(interop::wait_for_port(
        ([127, 0, 0, 1], port).into(),
        Duration::from_secs(20)
    ));
    Some((peer, port, dir))
}

#[test]
fn cpython_http_server() {
    let Some((_peer, port, _dir)) = cpython_server() else {
        return;
    };
    let mut c = HTTPConnection::new_with(&format!("127.0.0.1:{port}"), &opts()).unwrap();
    c.request("GET", "/keep").unwrap();
    assert_eq!(c.getresponse().unwrap().read().unwrap(), b"/keep");
    c.request("GET", "/chunked").unwrap();
    let mut r = c.getresponse().unwrap();
    assert_eq!(r.read().unwrap(), b"python");
    assert_eq!(r.trailers().unwrap().get("x-trailer"), Some("yes"));
    let big = vec![b'z'; 300_000];
    c.request_with("POST", "/", RequestOptions::new().body(big.as_slice()))
        .unwrap();
    assert_eq!(c.getresponse().unwrap().read().unwrap(), big);
    c.request_with(
        "POST",
        "/",
        RequestOptions::new().body(netstd_httpclient::Body::chunks(vec![
            b"ab".to_vec(),
            b"c".to_vec(),
        ])),
    )
    .unwrap();
    assert_eq!(c.getresponse().unwrap().read().unwrap(), b"abc");
    c.request("GET", "/close").unwrap();
    let mut r = c.getresponse().unwrap();
    assert_eq!(r.version(), 10);
    assert!(r.will_close());
    let mut body = Vec::new();
    r.read_to_end(&mut body).unwrap();
    assert_eq!(body, b"no length, until close");
    c.request("GET", "/again").unwrap();
    assert_eq!(c.getresponse().unwrap().read().unwrap(), b"/again");
}

#[cfg(feature = "tokio")]
#[tokio::test]
async fn cpython_http_server_async() {
    let Some((_peer, port, _dir)) = cpython_server() else {
        return;
    };
    let mut c = aio::HTTPConnection::new_with(&format!("127.0.0.1:{port}"), &opts()).unwrap();
    c.request("GET", "/chunked").await.unwrap();
    assert_eq!(
        c.getresponse().await.unwrap().read().await.unwrap(),
        b"python"
    );
    c.request("GET", "/close").await.unwrap();
    let mut r = c.getresponse().await.unwrap();
    assert_eq!(r.read().await.unwrap(), b"no length, until close");
    c.request("GET", "/x").await.unwrap();
    assert_eq!(c.getresponse().await.unwrap().read().await.unwrap(), b"/x");
}

/// CPython's own http.client as the reference: the same bytes from the same
/// server (a cross-check of what our client hands back).
#[test]
fn same_body_as_cpython_http_client() {
    let Some(s) = nginx() else { return };
    let Some(python) = interop::require("python3") else {
        return;
    };
    let out = Command::new(python)
        .arg("-c")
        .arg(format!(
            "import http.client,sys\nc=http.client.HTTPConnection('127.0.0.1',{})\n\
             c.request('GET','/chunked/text.txt')\nr=c.getresponse()\n\
             sys.stdout.buffer.write(r.read())",
            s.nginx.port
        ))
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut c = HTTPConnection::new_with(&format!("127.0.0.1:{}", s.nginx.port), &opts()).unwrap();
    c.request("GET", "/chunked/text.txt").unwrap();
    assert_eq!(c.getresponse().unwrap().read().unwrap(), out.stdout);
}

#[test]
fn tinyproxy_tunnel_and_absolute_uri() {
    let Some(s) = nginx() else { return };
    let Some(proxy) = Tinyproxy::start() else {
        return;
    };
    let at_proxy = format!("127.0.0.1:{}", proxy.port);
    // HTTPS through CONNECT, verified against the tunnelled host's name
    let tls = ConnectionOptions::new()
        .timeout(Duration::from_secs(20))
        .context(trusting(&s.ca));
    let mut c = HTTPSConnection::new_with(&at_proxy, &tls).unwrap();
    c.set_tunnel("localhost", Some(s.nginx.tls_port), &[])
        .unwrap();
    for _ in 0..3 {
        c.request("GET", "/1k.bin").unwrap();
        assert_eq!(c.getresponse().unwrap().read().unwrap(), BODY_1K);
    }
    assert!(c.get_proxy_response_headers().is_some());
    // plain HTTP through CONNECT
    let mut c = HTTPConnection::new_with(&at_proxy, &opts()).unwrap();
    c.set_tunnel("127.0.0.1", Some(s.nginx.port), &[]).unwrap();
    c.request("GET", "/1k.bin").unwrap();
    assert_eq!(c.getresponse().unwrap().read().unwrap(), BODY_1K);
    // a proxy request with an absolute URI: Host comes from the URI
    let mut c = HTTPConnection::new_with(&at_proxy, &opts()).unwrap();
    c.request("GET", &format!("http://127.0.0.1:{}/1k.bin", s.nginx.port))
        .unwrap();
    assert_eq!(c.getresponse().unwrap().read().unwrap(), BODY_1K);
    // a CONNECT the proxy refuses (nothing listens there) is OSError
    let mut c = HTTPConnection::new_with(&at_proxy, &opts()).unwrap();
    c.set_tunnel("127.0.0.1", Some(netstd_testsupport::free_port()), &[])
        .unwrap();
    let e = c.request("GET", "/").unwrap_err();
    assert!(matches!(e, Error::TunnelError(_)), "{e}");
}

#[cfg(feature = "tokio")]
#[tokio::test]
async fn tinyproxy_tunnel_async() {
    let Some(s) = nginx() else { return };
    let Some(proxy) = Tinyproxy::start() else {
        return;
    };
    let tls = ConnectionOptions::new()
        .timeout(Duration::from_secs(20))
        .context(trusting(&s.ca));
    let mut c = aio::HTTPSConnection::new_with(&format!("127.0.0.1:{}", proxy.port), &tls).unwrap();
    c.set_tunnel("localhost", Some(s.nginx.tls_port), &[])
        .unwrap();
    c.request("GET", "/1k.bin").await.unwrap();
    assert_eq!(
        c.getresponse().await.unwrap().read().await.unwrap(),
        BODY_1K
    );
}
