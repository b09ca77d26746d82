//! netcore on loopback, blocking face: TLS verification, STARTTLS, line limits,
//! timeouts, IPv6, Unix sockets, connection semantics.

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::{Duration, Instant};

use common::{client_ctx, server_ctx};
use netstd_core::ssl::{SSLContext, TLSVersion, VerifyMode};
use netstd_core::{
    ConnectOptions, Error, LineReader, Stream, create_connection, create_connection_with,
};
use netstd_testsupport::{TempDir, TestCa, serve_once};

/// A TLS server on loopback that answers one line with "echo: " + the line.
fn tls_echo_server(
    ctx: SSLContext,
) -> (
    std::net::SocketAddr,
    std::thread::JoinHandle<Result<(), Error>>,
) {
    serve_once("127.0.0.1:0", move |tcp| {
        let s = ctx.wrap_socket(Stream::from(tcp), None)?;
        let mut r = LineReader::new(s, 1024);
        let line = r.readline()?;
        r.write_all(b"echo: ")?;
        r.write_all(&line)?;
        r.flush()?;
        Ok(())
    })
}

#[test]
fn tls_succeeds_with_the_ca_loaded() {
    let ca = TestCa::new();
    let (addr, server) = tls_echo_server(server_ctx(&ca.issue(&["localhost"])));
    let mut ctx = client_ctx(&ca);
    ctx.set_alpn_protocols(&["x-netstd"]).unwrap();
    let s = ctx
        .wrap_socket(
            create_connection("127.0.0.1", addr.port()).unwrap(),
            Some("localhost"),
        )
        .unwrap();
    assert!(s.is_tls());
    assert!(matches!(s.version(), Some("TLSv1.3")));
    assert!(s.cipher().unwrap().starts_with("TLS13_"));
    assert!(s.getpeercert_der().is_some());
    let mut r = LineReader::new(s, 1024);
    r.write_all(b"hello\r\n").unwrap();
    assert_eq!(r.readline().unwrap(), b"echo: hello\r\n");
    server.join().unwrap().unwrap();
}

#[test]
fn tls_fails_with_a_wrong_host_name() {
    let ca = TestCa::new();
    let (addr, _server) = tls_echo_server(server_ctx(&ca.issue(&["localhost"])));
    let err = client_ctx(&ca)
        .wrap_socket(
            create_connection("127.0.0.1", addr.port()).unwrap(),
            Some("wrong.example"),
        )
        .unwrap_err();
    assert_eq!(err.python_name(), "SSLCertVerificationError", "{err}");
    assert!(err.to_string().contains("Hostname mismatch"), "{err}");
}

#[test]
fn tls_fails_with_an_untrusted_ca() {
    let (ca, other) = (TestCa::new(), TestCa::named("someone else"));
    let (addr, _server) = tls_echo_server(server_ctx(&ca.issue(&["localhost"])));
    let err = client_ctx(&other)
        .wrap_socket(
            create_connection("127.0.0.1", addr.port()).unwrap(),
            Some("localhost"),
        )
        .unwrap_err();
    assert!(matches!(err, Error::SSLCertVerificationError(_)), "{err}");
}

#[test]
fn tls_fails_with_an_expired_certificate() {
    let ca = TestCa::new();
    let (addr, _server) = tls_echo_server(server_ctx(&ca.issue_expired(&["localhost"])));
    let err = client_ctx(&ca)
        .wrap_socket(
            create_connection("127.0.0.1", addr.port()).unwrap(),
            Some("localhost"),
        )
        .unwrap_err();
    assert!(
        matches!(err, Error::SSLCertVerificationError(ref m) if m.contains("expired")),
        "{err}"
    );
}

#[test]
fn default_context_trusts_no_test_ca() {
    let ca = TestCa::new();
    let (addr, _server) = tls_echo_server(server_ctx(&ca.issue(&["localhost"])));
    let ctx = netstd_core::ssl::create_default_context().unwrap();
    let err = ctx
        .wrap_socket(
            create_connection("127.0.0.1", addr.port()).unwrap(),
            Some("localhost"),
        )
        .unwrap_err();
    assert!(matches!(err, Error::SSLCertVerificationError(_)), "{err}");
}

#[test]
fn hostname_check_off_still_verifies_the_chain() {
    let (ca, other) = (TestCa::new(), TestCa::named("someone else"));
    // Wrong name accepted once check_hostname is off...
    let (addr, server) = tls_echo_server(server_ctx(&ca.issue(&["localhost"])));
    let mut ctx = client_ctx(&ca);
    ctx.dangerous_set_check_hostname(false);
    let mut s = ctx
        .wrap_socket(
            create_connection("127.0.0.1", addr.port()).unwrap(),
            Some("wrong.example"),
        )
        .unwrap();
    s.sendall(b"x\n").unwrap();
    server.join().unwrap().unwrap();
    // ...but an unknown issuer is not.
    let (addr, _server) = tls_echo_server(server_ctx(&other.issue(&["localhost"])));
    assert!(
        ctx.wrap_socket(create_connection("127.0.0.1", addr.port()).unwrap(), None)
            .is_err()
    );
    // And verification can be turned off entirely only by its dangerous name.
    let (addr, server) = tls_echo_server(server_ctx(&other.issue(&["localhost"])));
    ctx.dangerous_set_verify_mode(VerifyMode::CERT_NONE)
        .unwrap();
    let mut s = ctx
        .wrap_socket(create_connection("127.0.0.1", addr.port()).unwrap(), None)
        .unwrap();
    s.sendall(b"x\n").unwrap();
    server.join().unwrap().unwrap();
}

#[test]
fn server_hostname_is_required_while_checking() {
    let ca = TestCa::new();
    let (addr, _server) = tls_echo_server(server_ctx(&ca.issue(&["localhost"])));
    let err = client_ctx(&ca)
        .wrap_socket(create_connection("127.0.0.1", addr.port()).unwrap(), None)
        .unwrap_err();
    assert!(matches!(err, Error::ValueError(_)), "{err}");
}

#[test]
fn ip_address_certificates_verify() {
    let ca = TestCa::new();
    let (addr, server) = tls_echo_server(server_ctx(&ca.issue(&["127.0.0.1"])));
    let mut s = client_ctx(&ca)
        .wrap_socket(
            create_connection("127.0.0.1", addr.port()).unwrap(),
            Some("127.0.0.1"),
        )
        .unwrap();
    s.sendall(b"ip\n").unwrap();
    server.join().unwrap().unwrap();
}

#[test]
fn tls12_only_and_alpn() {
    let ca = TestCa::new();
    let mut sctx = server_ctx(&ca.issue(&["localhost"]));
    sctx.set_alpn_protocols(&["h2", "http/1.1"]).unwrap();
    sctx.set_maximum_version(TLSVersion::TLSv1_2);
    let (addr, server) = tls_echo_server(sctx);
    let mut ctx = client_ctx(&ca);
    ctx.set_alpn_protocols(&["http/1.1"]).unwrap();
    let mut s = ctx
        .wrap_socket(
            create_connection("127.0.0.1", addr.port()).unwrap(),
            Some("localhost"),
        )
        .unwrap();
    assert_eq!(s.version(), Some("TLSv1.2"));
    assert_eq!(s.selected_alpn_protocol().as_deref(), Some("http/1.1"));
    s.sendall(b"v\n").unwrap();
    server.join().unwrap().unwrap();
    // A client that insists on 1.3 cannot talk to it.
    let mut sctx = server_ctx(&ca.issue(&["localhost"]));
    sctx.set_maximum_version(TLSVersion::TLSv1_2);
    let (addr, _server) = tls_echo_server(sctx);
    let mut ctx = client_ctx(&ca);
    ctx.set_minimum_version(TLSVersion::TLSv1_3);
    let err = ctx
        .wrap_socket(
            create_connection("127.0.0.1", addr.port()).unwrap(),
            Some("localhost"),
        )
        .unwrap_err();
    assert_eq!(err.python_name(), "SSLError", "{err}");
}

#[test]
fn client_certificates_are_checked_by_the_server() {
    let ca = TestCa::new();
    let mut sctx = server_ctx(&ca.issue(&["localhost"]));
    sctx.load_verify_locations_with(netstd_core::ssl::VerifyLocations::new().cadata(ca.cert_pem()))
        .unwrap();
    sctx.dangerous_set_verify_mode(VerifyMode::CERT_REQUIRED)
        .unwrap();
    let (addr, server) = tls_echo_server(sctx.clone());
    let mut ctx = client_ctx(&ca);
    let me = ca.issue(&["client.test"]);
    ctx.load_cert_chain_pem(me.cert_pem.as_bytes(), me.key_pem.as_bytes())
        .unwrap();
    let mut r = LineReader::new(
        ctx.wrap_socket(
            create_connection("127.0.0.1", addr.port()).unwrap(),
            Some("localhost"),
        )
        .unwrap(),
        100,
    );
    r.write_all(b"me\n").unwrap();
    assert_eq!(r.readline().unwrap(), b"echo: me\n");
    server.join().unwrap().unwrap();
    // Without a certificate the server refuses.
    let (addr, server) = tls_echo_server(sctx);
    let plain = client_ctx(&ca);
    let res = plain
        .wrap_socket(
            create_connection("127.0.0.1", addr.port()).unwrap(),
            Some("localhost"),
        )
        .and_then(|mut s| {
            s.sendall(b"x\n")?;
            s.recv(100)
        });
    assert!(server.join().unwrap().is_err());
    assert!(res.is_err() || res.unwrap().is_empty());
}

#[test]
fn mismatched_key_is_refused() {
    let ca = TestCa::new();
    let (a, b) = (ca.issue(&["a"]), ca.issue(&["b"]));
    let mut ctx = SSLContext::new(netstd_core::ssl::PROTOCOL_TLS_SERVER);
    let err = ctx
        .load_cert_chain_pem(a.cert_pem.as_bytes(), b.key_pem.as_bytes())
        .unwrap_err();
    assert_eq!(err.python_name(), "SSLError");
}

#[test]
fn cert_files_load_like_python() {
    let ca = TestCa::new();
    let dir = TempDir::new();
    let leaf = ca.issue(&["localhost"]);
    let cert = dir.write("cert.pem", &leaf.cert_pem);
    let key = dir.write("key.pem", &leaf.key_pem);
    let both = dir.write("both.pem", format!("{}{}", leaf.cert_pem, leaf.key_pem));
    let cafile = dir.write("ca.pem", ca.cert_pem());
    let mut s = SSLContext::new(netstd_core::ssl::PROTOCOL_TLS_SERVER);
    s.load_cert_chain(&cert, Some(&key)).unwrap();
    s.load_cert_chain(&both, None).unwrap();
    let mut c = SSLContext::new(netstd_core::ssl::PROTOCOL_TLS_CLIENT);
    c.load_verify_locations(&cafile).unwrap();
    assert_eq!(c.ca_count(), 1);
    assert_eq!(
        c.load_verify_locations(dir.path().join("missing.pem"))
            .unwrap_err()
            .python_name(),
        "FileNotFoundError"
    );
    let (addr, server) = tls_echo_server(s);
    let mut r = LineReader::new(
        c.wrap_socket(
            create_connection("localhost", addr.port()).unwrap(),
            Some("localhost"),
        )
        .unwrap(),
        100,
    );
    r.write_all(b"f\n").unwrap();
    assert_eq!(r.readline().unwrap(), b"echo: f\n");
    server.join().unwrap().unwrap();
}

/// The CVE-2011-0411 class: a man in the middle appends plaintext after the "go ahead"
/// reply; the client must never read it as if it came over TLS.
#[test]
fn starttls_discards_pipelined_plaintext() {
    let ca = TestCa::new();
    let sctx = server_ctx(&ca.issue(&["localhost"]));
    let (addr, server) = serve_once("127.0.0.1:0", move |tcp| -> Result<(), Error> {
        let mut s = Stream::from(tcp);
        let mut r = LineReader::new(&mut s, 1024);
        assert_eq!(r.readline()?, b"STARTTLS\r\n");
        // One write: the reply and an injected command response.
        s.sendall(b"220 Ready to start TLS\r\n250 injected-before-tls\r\n")?;
        s.starttls(&sctx, None)?;
        s.sendall(b"250 over-tls\r\n")?;
        Ok(())
    });
    let mut r = LineReader::new(create_connection("127.0.0.1", addr.port()).unwrap(), 1024);
    r.get_mut().sendall(b"STARTTLS\r\n").unwrap();
    assert_eq!(r.readline().unwrap(), b"220 Ready to start TLS\r\n");
    // Make sure the injected line has arrived and sits in the buffer.
    let deadline = Instant::now() + Duration::from_secs(5);
    while r.buffered().is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        r.get_mut()
            .settimeout(Some(Duration::from_millis(50)))
            .unwrap();
        let _ = std::io::BufRead::fill_buf(&mut r);
        r.get_mut().settimeout(None).unwrap();
    }
    assert_eq!(r.buffered(), b"250 injected-before-tls\r\n");
    r.starttls(&client_ctx(&ca), Some("localhost")).unwrap();
    assert_eq!(r.readline().unwrap(), b"250 over-tls\r\n");
    server.join().unwrap().unwrap();
}

#[test]
fn line_too_long_over_a_socket() {
    let (addr, _server) = serve_once("127.0.0.1:0", |mut tcp| {
        let _ = tcp.write_all(&vec![b'a'; 100_000]);
    });
    let mut r = LineReader::new(create_connection("127.0.0.1", addr.port()).unwrap(), 8192);
    let err = r.readline().unwrap_err();
    assert!(matches!(err, Error::LineTooLong { limit: 8192 }), "{err}");
    assert_eq!(err.python_name(), "LineTooLong");
}

#[test]
fn read_timeout_fires() {
    let (addr, server) = serve_once("127.0.0.1:0", |tcp| {
        std::thread::sleep(Duration::from_millis(800));
        drop(tcp);
    });
    let opts = ConnectOptions::new().timeout(Duration::from_millis(150));
    let mut s = create_connection_with("127.0.0.1", addr.port(), &opts).unwrap();
    assert_eq!(s.gettimeout(), Some(Duration::from_millis(150)));
    let started = Instant::now();
    let err = Error::from(s.read(&mut [0; 10]).unwrap_err());
    assert!(err.is_timeout(), "{err}");
    assert_eq!(err.python_name(), "TimeoutError");
    assert!(started.elapsed() < Duration::from_millis(700));
    server.join().unwrap();
}

#[test]
fn tls_read_timeout_fires() {
    let ca = TestCa::new();
    let sctx = server_ctx(&ca.issue(&["localhost"]));
    let (addr, server) = serve_once("127.0.0.1:0", move |tcp| {
        let s = sctx.wrap_socket(Stream::from(tcp), None).unwrap();
        std::thread::sleep(Duration::from_millis(800));
        drop(s);
    });
    let opts = ConnectOptions::new().timeout(Duration::from_millis(200));
    let s = create_connection_with("127.0.0.1", addr.port(), &opts).unwrap();
    let mut r = LineReader::new(
        client_ctx(&ca).wrap_socket(s, Some("localhost")).unwrap(),
        100,
    );
    assert!(r.readline().unwrap_err().is_timeout());
    server.join().unwrap();
}

#[test]
fn ipv6_loopback_works() {
    if !netstd_testsupport::ipv6_available() {
        eprintln!("SKIPPED: no IPv6 loopback on this machine");
        return;
    }
    let (addr, server) = serve_once("[::1]:0", |mut tcp| {
        tcp.write_all(b"hi6\n").unwrap();
    });
    for host in ["::1", "[::1]"] {
        if host == "[::1]" {
            break; // serve_once serves one connection; the bracket form is checked below
        }
        let mut r = LineReader::new(create_connection(host, addr.port()).unwrap(), 100);
        assert_eq!(r.readline().unwrap(), b"hi6\n");
        assert!(
            matches!(r.get_ref().getpeername().unwrap(), netstd_core::Address::Inet(a) if a.is_ipv6())
        );
    }
    server.join().unwrap();
    let (addr, server) = serve_once("[::1]:0", |_| ());
    create_connection("[::1]", addr.port()).unwrap();
    server.join().unwrap();
}

#[test]
fn unix_sockets_work() {
    let dir = TempDir::new();
    let path = dir.path().join("s.sock");
    let listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
    let server = std::thread::spawn(move || {
        let (mut c, _) = listener.accept().unwrap();
        c.write_all(b"unix hello\n").unwrap();
    });
    let s = Stream::connect_unix(&path).unwrap();
    assert_eq!(
        s.getpeername().unwrap(),
        netstd_core::Address::Unix(Some(path.clone()))
    );
    let mut r = LineReader::new(s, 100);
    assert_eq!(r.readline().unwrap(), b"unix hello\n");
    server.join().unwrap();
}

#[test]
fn starttls_over_a_unix_socket() {
    let ca = TestCa::new();
    let sctx = server_ctx(&ca.issue(&["localhost"]));
    let dir = TempDir::new();
    let path = dir.path().join("tls.sock");
    let listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
    let server = std::thread::spawn(move || {
        let (c, _) = listener.accept().unwrap();
        let mut s = sctx.wrap_socket(Stream::from(c), None).unwrap();
        s.sendall(b"secret\n").unwrap();
    });
    let s = client_ctx(&ca)
        .wrap_socket(Stream::connect_unix(&path).unwrap(), Some("localhost"))
        .unwrap();
    assert_eq!(LineReader::new(s, 100).readline().unwrap(), b"secret\n");
    server.join().unwrap();
}

#[test]
fn refused_connection_reports_the_last_error() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let err = create_connection("127.0.0.1", port).unwrap_err();
    assert_eq!(err.python_name(), "ConnectionRefusedError", "{err}");
}

#[test]
fn unknown_hosts_are_gaierror() {
    let err = create_connection("no-such-host.invalid", 80).unwrap_err();
    assert_eq!(err.python_name(), "gaierror", "{err}");
    let err = create_connection("a..b", 80).unwrap_err();
    assert_eq!(err.python_name(), "UnicodeError", "{err}");
}

#[test]
fn source_address_is_bound() {
    let (addr, server) = serve_once("127.0.0.1:0", |tcp| tcp.peer_addr().unwrap());
    let src: std::net::SocketAddr = "127.0.0.1:0".parse().unwrap();
    let s = create_connection_with(
        "127.0.0.1",
        addr.port(),
        &ConnectOptions::new().source_address(src),
    )
    .unwrap();
    let local = s.getsockname().unwrap();
    assert_eq!(netstd_core::Address::Inet(server.join().unwrap()), local);
}

#[test]
fn happy_eyeballs_finds_the_listening_family() {
    // "localhost" resolves to ::1 and 127.0.0.1 on most systems; only IPv4 listens.
    let (addr, server) = serve_once("127.0.0.1:0", |mut tcp| tcp.write_all(b"v4\n").unwrap());
    let opts = ConnectOptions::new()
        .happy_eyeballs(true)
        .attempt_delay(Duration::from_millis(50));
    let s = create_connection_with("localhost", addr.port(), &opts).unwrap();
    assert_eq!(LineReader::new(s, 10).readline().unwrap(), b"v4\n");
    server.join().unwrap();
    // Nothing listening anywhere: the error of the last attempt.
    let port = netstd_testsupport::free_port();
    let err = create_connection_with("localhost", port, &opts).unwrap_err();
    assert_eq!(err.python_name(), "ConnectionRefusedError");
}

#[test]
fn tls_shutdown_sends_close_notify() {
    let ca = TestCa::new();
    let sctx = server_ctx(&ca.issue(&["localhost"]));
    let (addr, server) = serve_once("127.0.0.1:0", move |tcp| {
        let mut s = sctx.wrap_socket(Stream::from(tcp), None).unwrap();
        let mut all = Vec::new();
        s.read_to_end(&mut all).unwrap();
        all
    });
    let mut s = client_ctx(&ca)
        .wrap_socket(
            create_connection("127.0.0.1", addr.port()).unwrap(),
            Some("localhost"),
        )
        .unwrap();
    s.sendall(b"bye").unwrap();
    s.shutdown(netstd_core::Shutdown::Write).unwrap();
    assert_eq!(server.join().unwrap(), b"bye");
}

/// With host-name checks off the chain must still verify: an expired certificate for
/// another name is refused (the name check is skipped only after everything else).
#[test]
fn hostname_check_off_still_refuses_an_expired_certificate() {
    let ca = TestCa::new();
    let (addr, _server) = tls_echo_server(server_ctx(&ca.issue_expired(&["other.example"])));
    let mut ctx = client_ctx(&ca);
    ctx.dangerous_set_check_hostname(false);
    let err = ctx
        .wrap_socket(
            create_connection("127.0.0.1", addr.port()).unwrap(),
            Some("localhost"),
        )
        .unwrap_err();
    assert!(
        matches!(err, Error::SSLCertVerificationError(ref m) if m.contains("expired")),
        "{err}"
    );
}

/// `sendall` with a timeout bounds the whole call: a peer that never reads makes it
/// fail once the socket buffers are full, within about the timeout.
#[test]
fn sendall_timeout_bounds_the_whole_call() {
    let (addr, server) = serve_once("127.0.0.1:0", |tcp| {
        std::thread::sleep(Duration::from_millis(1500));
        drop(tcp);
    });
    let opts = ConnectOptions::new().timeout(Duration::from_millis(300));
    let mut s = create_connection_with("127.0.0.1", addr.port(), &opts).unwrap();
    let started = Instant::now();
    let err = s.sendall(&vec![0u8; 64 << 20]).unwrap_err();
    assert!(err.is_timeout(), "{err}");
    assert!(
        started.elapsed() < Duration::from_millis(1200),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(s.gettimeout(), Some(Duration::from_millis(300)));
    server.join().unwrap();
}

/// `load_cert_chain(certfile, keyfile, password)` with a PKCS#8 key encrypted by
/// OpenSSL (AES-256-CBC, PBKDF2).
#[test]
fn encrypted_private_key_with_password() {
    let Some(openssl) = netstd_testsupport::interop::require("openssl") else {
        return;
    };
    let ca = netstd_testsupport::TestCa::new();
    let leaf = ca.issue(&["localhost"]);
    let dir = netstd_testsupport::TempDir::new();
    let plain = dir.write("key.pem", &leaf.key_pem);
    let cert = dir.write("cert.pem", &leaf.cert_pem);
    let encrypted = dir.path().join("enc.pem");
    let status = std::process::Command::new(openssl)
        .args([
            "pkcs8",
            "-topk8",
            "-v2",
            "aes-256-cbc",
            "-passout",
            "pass:s3cret",
            "-in",
        ])
        .arg(&plain)
        .arg("-out")
        .arg(&encrypted)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        std::fs::read_to_string(&encrypted)
            .unwrap()
            .contains("ENCRYPTED PRIVATE KEY")
    );
    let mut ctx = netstd_core::ssl::SSLContext::new(netstd_core::ssl::PROTOCOL_TLS_SERVER);
    ctx.load_cert_chain_with_password(&cert, Some(&encrypted), b"s3cret")
        .unwrap();
    let wrong = ctx.load_cert_chain_with_password(&cert, Some(&encrypted), b"nope");
    assert_eq!(wrong.unwrap_err().python_name(), "SSLError");
    let missing = ctx.load_cert_chain(&cert, Some(&encrypted));
    assert_eq!(missing.unwrap_err().python_name(), "SSLError");
}
