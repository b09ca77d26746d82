//! The async face against the same in-process fakes as the blocking tests.
#![cfg(feature = "tokio")]

mod common;

use std::time::Duration;

use common::{fake, ok};
use netstd_httpclient::aio::HTTPConnection;
use netstd_httpclient::{Body, ConnectionOptions, Error, RequestOptions};
use tokio::io::AsyncBufReadExt;

fn conn(addr: std::net::SocketAddr) -> HTTPConnection {
    let opts = ConnectionOptions::new().timeout(Duration::from_secs(10));
    HTTPConnection::new_with(&addr.to_string(), &opts).unwrap()
}

#[tokio::test]
async fn keep_alive_and_chunked() {
    let chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\
        6\r\nline1\n\r\n6\r\nline2\n\r\n0\r\nT: 1\r\n\r\n"
        .to_vec();
    let (addr, server) = fake(vec![ok("first"), chunked.clone(), chunked, ok("last")]);
    let mut c = conn(addr);
    c.request("GET", "/").await.unwrap();
    let mut r = c.getresponse().await.unwrap();
    assert_eq!(r.read().await.unwrap(), b"first");
    c.request("GET", "/").await.unwrap();
    let mut r = c.getresponse().await.unwrap();
    assert_eq!(r.readline().await.unwrap(), b"line1\n");
    assert_eq!(r.read1(3).await.unwrap(), b"lin");
    assert_eq!(r.read().await.unwrap(), b"e2\n");
    assert_eq!(r.trailers().unwrap().get("t"), Some("1"));
    c.request("GET", "/").await.unwrap();
    let mut r = c.getresponse().await.unwrap();
    let mut lines = Vec::new();
    let mut line = String::new();
    while r.read_line(&mut line).await.unwrap() > 0 {
        lines.push(std::mem::take(&mut line));
    }
    assert_eq!(lines, ["line1\n", "line2\n"]);
    c.request_with(
        "POST",
        "/",
        RequestOptions::new().body(Body::async_reader(&b"streamed"[..])),
    )
    .await
    .unwrap();
    assert_eq!(
        c.getresponse().await.unwrap().read().await.unwrap(),
        b"last"
    );
    let seen = server.join().unwrap();
    assert_eq!(seen.len(), 4);
    assert!(seen[3].ends_with(b"8\r\nstreamed\r\n0\r\n\r\n"));
}

#[tokio::test]
async fn refusals_match_the_blocking_face() {
    let (addr, _server) = fake(vec![]);
    let mut c = conn(addr);
    assert_eq!(
        c.request("GET", "/a\r\nX: 1")
            .await
            .unwrap_err()
            .python_name(),
        "InvalidURL"
    );
    let r = c
        .request_with("GET", "/", RequestOptions::new().header("Cookie", "a\r\nb"))
        .await;
    assert_eq!(r.unwrap_err().python_name(), "ValueError");
    let r = c
        .request_with(
            "POST",
            "/",
            RequestOptions::new().body(Body::reader(&b"x"[..])),
        )
        .await;
    assert_eq!(r.unwrap_err().python_name(), "ValueError");
}

async fn response_error(wire: &[u8]) -> Error {
    let (addr, server) = fake(vec![wire.to_vec()]);
    let mut c = conn(addr);
    c.request("GET", "/").await.unwrap();
    let e = match c.getresponse().await {
        Err(e) => e,
        Ok(mut r) => r.read().await.unwrap_err(),
    };
    drop(c);
    server.join().unwrap();
    e
}

#[tokio::test]
async fn limits_and_framing() {
    let endless = b"HTTP/1.1 100 Continue\r\n\r\n".repeat(1000);
    assert!(matches!(
        response_error(&endless).await,
        Error::HTTPException(_)
    ));
    let mut long = b"HTTP/1.1 200 OK\r\nX: ".to_vec();
    long.resize(70_000, b'x');
    assert!(matches!(response_error(&long).await, Error::LineTooLong(_)));
    let both = b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n";
    assert!(matches!(
        response_error(both).await,
        Error::HTTPException(_)
    ));
    let huge = b"HTTP/1.1 200 OK\r\nContent-Length: 10737418240\r\n\r\n0123456789";
    assert!(matches!(
        response_error(huge).await,
        Error::IncompleteRead { partial: 10, .. }
    ));
}
