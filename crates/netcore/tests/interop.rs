//! netcore against real, independent TLS implementations on loopback: OpenSSL's
//! `s_server`/`s_client` and CPython's `ssl` module. A missing peer skips the test,
//! or fails it under `NETSTD_REQUIRE_INTEROP=1` (scripts/test-all sets it).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{client_ctx, server_ctx};
use netstd_core::{ConnectOptions, LineReader, Stream, create_connection_with};
use netstd_testsupport::interop::{Peer, require};
use netstd_testsupport::{TempDir, TestCa, free_port, serve_once};

const LIMIT: Duration = Duration::from_secs(20);

fn opts() -> ConnectOptions {
    ConnectOptions::new().timeout(LIMIT)
}

/// Our verifying client against `openssl s_server -www`.
#[test]
fn our_client_with_openssl_s_server() {
    let Some(openssl) = require("openssl") else {
        return;
    };
    let ca = TestCa::new();
    let leaf = ca.issue(&["localhost"]);
    let dir = TempDir::new();
    let (cert, key) = (
        dir.write("c.pem", &leaf.cert_pem),
        dir.write("k.pem", &leaf.key_pem),
    );
    let port = free_port();
    let _peer = Peer(
        Command::new(openssl)
            .args(["s_server", "-www", "-naccept", "1", "-accept"])
            .arg(format!("127.0.0.1:{port}"))
            .arg("-cert")
            .arg(&cert)
            .arg("-key")
            .arg(&key)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start openssl s_server"),
    );
    // wait_for_port would use up the single accept; poll with our own TLS client instead.
    let mut stream = None;
    for _ in 0..100 {
        if let Ok(s) = create_connection_with("127.0.0.1", port, &opts()) {
            stream = Some(s);
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let s = stream.expect("openssl s_server did not start");
    let s = client_ctx(&ca)
        .wrap_socket(s, Some("localhost"))
        .expect("TLS with OpenSSL");
    let mut r = LineReader::new(s, 65536);
    r.write_all(b"GET / HTTP/1.0\r\n\r\n").unwrap();
    let status = r.readline().unwrap();
    assert!(
        status.starts_with(b"HTTP/1.0 200"),
        "{}",
        String::from_utf8_lossy(&status)
    );
}

/// `openssl s_client` verifying our server context.
#[test]
fn openssl_s_client_with_our_server() {
    let Some(openssl) = require("openssl") else {
        return;
    };
    let ca = TestCa::new();
    let sctx = server_ctx(&ca.issue(&["localhost"]));
    let dir = TempDir::new();
    let cafile = dir.write("ca.pem", ca.cert_pem());
    let (addr, server) = serve_once("127.0.0.1:0", move |tcp| {
        let s = sctx.wrap_socket(Stream::from(tcp), None)?;
        let mut r = LineReader::new(s, 1024);
        let line = r.readline()?;
        r.write_all(b"pong: ")?;
        r.write_all(&line)?;
        r.get_mut().shutdown(netstd_core::Shutdown::Both)?;
        Ok::<_, netstd_core::Error>(())
    });
    let mut child = Command::new(openssl)
        .args([
            "s_client",
            "-quiet",
            "-ign_eof",
            "-verify_return_error",
            "-servername",
            "localhost",
        ])
        .arg("-connect")
        .arg(addr.to_string())
        .arg("-CAfile")
        .arg(&cafile)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start openssl s_client");
    child.stdin.take().unwrap().write_all(b"ping\n").unwrap();
    let out = child.stdout.take().unwrap();
    let _peer = Peer(child);
    let mut line = String::new();
    BufReader::new(out).read_line(&mut line).unwrap();
    assert_eq!(line, "pong: ping\n");
    server.join().unwrap().unwrap();
}

/// A CPython SMTP-like server: greets, answers STARTTLS with its reply plus an
/// injected line in the same write, upgrades with `ssl`, then talks over TLS.
const PY_STARTTLS_SERVER: &str = r#"
import socket, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[1], sys.argv[2])
srv = socket.create_server(("127.0.0.1", 0))
srv.settimeout(20)
print(srv.getsockname()[1], flush=True)
for _ in range(int(sys.argv[3])):
    conn, _ = srv.accept()
    conn.settimeout(20)
    f = conn.makefile("rb")
    conn.sendall(b"220 python ready\r\n")
    assert f.readline() == b"STARTTLS\r\n"
    conn.sendall(b"220 go ahead\r\n250 injected\r\n")
    tls = ctx.wrap_socket(conn, server_side=True)
    tls.sendall(b"250 " + tls.version().encode() + b"\r\n")
    line = tls.makefile("rb").readline()
    tls.sendall(b"echo " + line)
    tls.close()
"#;

fn python_starttls_server(ca: &TestCa, dir: &TempDir, connections: usize) -> Option<(Peer, u16)> {
    let python = require("python3")?;
    let leaf = ca.issue(&["localhost"]);
    let (cert, key) = (
        dir.write("c.pem", &leaf.cert_pem),
        dir.write("k.pem", &leaf.key_pem),
    );
    let mut child = Command::new(python)
        .arg("-c")
        .arg(PY_STARTTLS_SERVER)
        .arg(&cert)
        .arg(&key)
        .arg(connections.to_string())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start python3");
    let mut port = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut port)
        .unwrap();
    Some((
        Peer(child),
        port.trim().parse().expect("python printed its port"),
    ))
}

#[test]
fn starttls_with_a_cpython_server() {
    let ca = TestCa::new();
    let dir = TempDir::new();
    let Some((_peer, port)) = python_starttls_server(&ca, &dir, 1) else {
        return;
    };
    let mut r = LineReader::new(
        create_connection_with("127.0.0.1", port, &opts()).unwrap(),
        8192,
    );
    assert_eq!(r.readline().unwrap(), b"220 python ready\r\n");
    r.write_all(b"STARTTLS\r\n").unwrap();
    assert_eq!(r.readline().unwrap(), b"220 go ahead\r\n");
    r.starttls(&client_ctx(&ca), Some("localhost")).unwrap();
    assert_eq!(r.readline().unwrap(), b"250 TLSv1.3\r\n");
    r.write_all(b"hello cpython\r\n").unwrap();
    assert_eq!(r.readline().unwrap(), b"echo hello cpython\r\n");
}

#[tokio::test]
async fn async_starttls_with_a_cpython_server() {
    use netstd_core::aio;
    use tokio::io::AsyncWriteExt;
    let ca = TestCa::new();
    let dir = TempDir::new();
    let Some((_peer, port)) = python_starttls_server(&ca, &dir, 1) else {
        return;
    };
    let s = aio::create_connection_with("127.0.0.1", port, &opts())
        .await
        .unwrap();
    let mut r = aio::LineReader::new(s, 8192);
    assert_eq!(r.readline().await.unwrap(), b"220 python ready\r\n");
    r.get_mut().write_all(b"STARTTLS\r\n").await.unwrap();
    assert_eq!(r.readline().await.unwrap(), b"220 go ahead\r\n");
    r.starttls(&client_ctx(&ca), Some("localhost"))
        .await
        .unwrap();
    assert_eq!(r.readline().await.unwrap(), b"250 TLSv1.3\r\n");
    r.get_mut().sendall(b"hello again\r\n").await.unwrap();
    assert_eq!(r.readline().await.unwrap(), b"echo hello again\r\n");
}

/// CPython's verifying client (`ssl.create_default_context(cafile=...)`) against our server.
#[test]
fn cpython_client_with_our_server() {
    let Some(python) = require("python3") else {
        return;
    };
    let ca = TestCa::new();
    let sctx = server_ctx(&ca.issue(&["localhost"]));
    let dir = TempDir::new();
    let cafile = dir.write("ca.pem", ca.cert_pem());
    let (addr, server): (SocketAddr, _) = serve_once("127.0.0.1:0", move |tcp| {
        let s = sctx.wrap_socket(Stream::from(tcp), None)?;
        let version = s.version().unwrap_or("none").to_string();
        let mut r = LineReader::new(s, 1024);
        let line = r.readline()?;
        r.write_all(format!("{version} ").as_bytes())?;
        r.write_all(&line)?;
        r.get_mut().shutdown(netstd_core::Shutdown::Both)?;
        Ok::<_, netstd_core::Error>(())
    });
    let script = r#"
import socket, ssl, sys
ctx = ssl.create_default_context(cafile=sys.argv[1])
with socket.create_connection(("127.0.0.1", int(sys.argv[2])), timeout=20) as raw:
    with ctx.wrap_socket(raw, server_hostname="localhost") as s:
        s.sendall(b"from cpython\n")
        print(s.makefile("rb").readline().decode(), end="")
"#;
    let out = Command::new(python)
        .arg("-c")
        .arg(script)
        .arg(&cafile)
        .arg(addr.port().to_string())
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "TLSv1.3 from cpython\n"
    );
    server.join().unwrap().unwrap();
}
