//! netcore's tokio face on loopback: TLS, STARTTLS, timeouts, line limits, IPv6, Unix.

mod common;

use std::time::Duration;

use common::{client_ctx, server_ctx};
use netstd_core::aio::{LineReader, Stream, create_connection, create_connection_with};
use netstd_core::{ConnectOptions, Error};
use netstd_testsupport::{TempDir, TestCa};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

async fn listener() -> (TcpListener, u16) {
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = l.local_addr().unwrap().port();
    (l, port)
}

#[tokio::test]
async fn tls_round_trip_and_verification() {
    let ca = TestCa::new();
    let sctx = server_ctx(&ca.issue(&["localhost"]));
    let (l, port) = listener().await;
    let server = tokio::spawn(async move {
        for _ in 0..2 {
            let (tcp, _) = l.accept().await.unwrap();
            let mut s = Stream::from(tcp);
            if s.starttls(&sctx, None).await.is_ok() {
                let mut r = LineReader::new(s, 100);
                let line = r.readline().await.unwrap();
                r.get_mut().sendall(&line).await.unwrap();
            }
        }
    });
    let mut s = create_connection("127.0.0.1", port).await.unwrap();
    s.starttls(&client_ctx(&ca), Some("localhost"))
        .await
        .unwrap();
    assert!(s.is_tls());
    let mut r = LineReader::new(s, 100);
    r.get_mut().sendall(b"async hello\n").await.unwrap();
    assert_eq!(r.readline().await.unwrap(), b"async hello\n");
    // A wrong host name fails as in the blocking face.
    let s = create_connection("127.0.0.1", port).await.unwrap();
    let err = client_ctx(&ca)
        .wrap_socket_async(s, Some("other.example"))
        .await
        .unwrap_err();
    assert_eq!(err.python_name(), "SSLCertVerificationError", "{err}");
    server.await.unwrap();
}

/// CVE-2011-0411 class, async: pipelined plaintext before the upgrade is discarded.
#[tokio::test]
async fn starttls_discards_pipelined_plaintext() {
    let ca = TestCa::new();
    let sctx = server_ctx(&ca.issue(&["localhost"]));
    let (l, port) = listener().await;
    let server = tokio::spawn(async move {
        let (tcp, _) = l.accept().await.unwrap();
        let mut s = Stream::from(tcp);
        let mut buf = [0u8; 10];
        s.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"STARTTLS\r\n");
        s.sendall(b"+OK Begin TLS\r\n+OK injected-before-tls\r\n")
            .await
            .unwrap();
        s.starttls(&sctx, None).await.unwrap();
        s.sendall(b"+OK over-tls\r\n").await.unwrap();
        let mut rest = Vec::new();
        let _ = s.read_to_end(&mut rest).await;
    });
    let mut r = LineReader::new(create_connection("127.0.0.1", port).await.unwrap(), 100);
    r.get_mut().sendall(b"STARTTLS\r\n").await.unwrap();
    // Wait until both lines are here, so the injected one sits in the buffer.
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(r.readline().await.unwrap(), b"+OK Begin TLS\r\n");
    assert_eq!(r.buffered(), b"+OK injected-before-tls\r\n");
    r.starttls(&client_ctx(&ca), Some("localhost"))
        .await
        .unwrap();
    assert_eq!(r.readline().await.unwrap(), b"+OK over-tls\r\n");
    r.get_mut().shutdown().await.unwrap();
    server.await.unwrap();
}

#[tokio::test]
async fn read_timeout_fires() {
    let (l, port) = listener().await;
    let server = tokio::spawn(async move {
        let (tcp, _) = l.accept().await.unwrap();
        tokio::time::sleep(Duration::from_millis(600)).await;
        drop(tcp);
    });
    let opts = ConnectOptions::new().timeout(Duration::from_millis(100));
    let mut r = LineReader::new(
        create_connection_with("127.0.0.1", port, &opts)
            .await
            .unwrap(),
        100,
    );
    let err = r.readline().await.unwrap_err();
    assert!(err.is_timeout(), "{err}");
    server.await.unwrap();
}

#[tokio::test]
async fn line_too_long() {
    let (l, port) = listener().await;
    let server = tokio::spawn(async move {
        let (mut tcp, _) = l.accept().await.unwrap();
        let _ = tcp.write_all(&vec![b'z'; 50_000]).await;
    });
    let mut r = LineReader::new(create_connection("127.0.0.1", port).await.unwrap(), 2048);
    assert!(matches!(
        r.readline().await,
        Err(Error::LineTooLong { limit: 2048 })
    ));
    server.await.unwrap();
}

#[tokio::test]
async fn ipv6_and_happy_eyeballs() {
    if netstd_testsupport::ipv6_available() {
        let l = TcpListener::bind("[::1]:0").await.unwrap();
        let port = l.local_addr().unwrap().port();
        let server = tokio::spawn(async move {
            let (mut tcp, _) = l.accept().await.unwrap();
            tcp.write_all(b"six\n").await.unwrap();
        });
        let mut r = LineReader::new(create_connection("::1", port).await.unwrap(), 100);
        assert_eq!(r.readline().await.unwrap(), b"six\n");
        server.await.unwrap();
    } else {
        eprintln!("SKIPPED: no IPv6 loopback on this machine");
    }
    let (l, port) = listener().await;
    let server = tokio::spawn(async move {
        let (mut tcp, _) = l.accept().await.unwrap();
        tcp.write_all(b"four\n").await.unwrap();
    });
    let opts = ConnectOptions::new()
        .happy_eyeballs(true)
        .attempt_delay(Duration::from_millis(50));
    let mut r = LineReader::new(
        create_connection_with("localhost", port, &opts)
            .await
            .unwrap(),
        100,
    );
    assert_eq!(r.readline().await.unwrap(), b"four\n");
    server.await.unwrap();
    let err = create_connection_with("localhost", netstd_testsupport::free_port(), &opts)
        .await
        .unwrap_err();
    assert_eq!(err.python_name(), "ConnectionRefusedError");
}

#[tokio::test]
async fn unix_sockets_work() {
    let dir = TempDir::new();
    let path = dir.path().join("a.sock");
    let l = tokio::net::UnixListener::bind(&path).unwrap();
    let server = tokio::spawn(async move {
        let (mut c, _) = l.accept().await.unwrap();
        c.write_all(b"unix async\n").await.unwrap();
    });
    let mut r = LineReader::new(Stream::connect_unix(&path).await.unwrap(), 100);
    assert_eq!(r.readline().await.unwrap(), b"unix async\n");
    server.await.unwrap();
}

#[tokio::test]
async fn literal_reads_do_not_trust_the_length() {
    let (l, port) = listener().await;
    let server = tokio::spawn(async move {
        let (mut tcp, _) = l.accept().await.unwrap();
        tcp.write_all(b"* 1 FETCH {4294967295}\r\nabc")
            .await
            .unwrap();
    });
    let mut r = LineReader::new(create_connection("127.0.0.1", port).await.unwrap(), 100);
    r.readline().await.unwrap();
    let err = r.read_exact(u32::MAX as usize).await.unwrap_err();
    assert!(matches!(err, Error::EOFError { got: 3, .. }), "{err}");
    server.await.unwrap();
}

/// A read cancelled by its caller (as in a `select!` loop) does not count against the
/// next one: each operation gets the whole timeout.
#[tokio::test]
async fn cancelled_reads_do_not_shorten_the_next_timeout() {
    let (l, port) = listener().await;
    let server = tokio::spawn(async move {
        let (tcp, _) = l.accept().await.unwrap();
        tokio::time::sleep(Duration::from_millis(1500)).await;
        drop(tcp);
    });
    let opts = ConnectOptions::new().timeout(Duration::from_millis(400));
    let mut r = LineReader::new(
        create_connection_with("127.0.0.1", port, &opts)
            .await
            .unwrap(),
        100,
    );
    for _ in 0..3 {
        tokio::select! {
            res = r.readline() => panic!("no data was sent, yet readline answered {res:?}"),
            _ = tokio::time::sleep(Duration::from_millis(250)) => {}
        }
    }
    let started = std::time::Instant::now();
    let err = r.readline().await.unwrap_err();
    assert!(err.is_timeout(), "{err}");
    assert!(
        started.elapsed() >= Duration::from_millis(350),
        "{:?}",
        started.elapsed()
    );
    server.await.unwrap();
}
