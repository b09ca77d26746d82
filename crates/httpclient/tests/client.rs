//! The blocking client against in-process fake servers: behaviour and the
//! bad-input regressions of issue 6.

mod common;

use std::io::{BufRead, Read, Write};
use std::net::TcpListener;
use std::time::Duration;

use common::{fake, ok};
use netstd_httpclient::{Body, ConnectionOptions, Error, HTTPConnection, RequestOptions};

fn conn(addr: std::net::SocketAddr) -> HTTPConnection {
    let opts = ConnectionOptions::new().timeout(Duration::from_secs(10));
    HTTPConnection::new_with(&addr.to_string(), &opts).unwrap()
}

#[test]
fn keep_alive_reuses_one_connection() {
    let (addr, server) = fake(vec![ok("first"), ok("second"), ok("third")]);
    let mut c = conn(addr);
    for want in ["first", "second", "third"] {
        c.request("GET", "/x").unwrap();
        let mut r = c.getresponse().unwrap();
        assert_eq!((r.status(), r.reason(), r.version()), (200, "OK", 11));
        assert!(!r.isclosed());
        assert_eq!(r.read().unwrap(), want.as_bytes());
        assert!(r.isclosed());
    }
    let seen = server.join().unwrap();
    assert_eq!(seen.len(), 3, "all three requests on one connection");
    let first = String::from_utf8(seen[0].clone()).unwrap();
    assert_eq!(
        first,
        format!(
            "GET /x HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nAccept-Encoding: identity\r\n\r\n",
            addr.port()
        )
    );
}

#[test]
fn reconnects_after_close_delimited_body() {
    let (addr, server) = fake(vec![b"HTTP/1.0 200 OK\r\n\r\nuntil close".to_vec()]);
    let mut c = conn(addr);
    c.request("GET", "/").unwrap();
    let mut r = c.getresponse().unwrap();
    assert!(r.will_close());
    assert_eq!(r.version(), 10);
    assert_eq!(r.read().unwrap(), b"until close");
    server.join().unwrap();
    // the next request needs a new connection: auto_open makes it
    let (addr2, server2) = fake(vec![ok("again")]);
    let mut c2 = conn(addr2);
    c2.request("GET", "/").unwrap();
    assert_eq!(c2.getresponse().unwrap().read().unwrap(), b"again");
    server2.join().unwrap();
}

#[test]
fn chunked_body_with_trailers_read_every_way() {
    let body = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\
        6\r\nline1\n\r\n8;ext=1\r\nline2\nxx\r\n3\r\nyy\n\r\n0\r\nX-Digest: abc\r\n\r\n";
    let (addr, server) = fake(vec![body.to_vec(), body.to_vec(), body.to_vec()]);
    let mut c = conn(addr);
    c.request("GET", "/").unwrap();
    let mut r = c.getresponse().unwrap();
    assert!(r.chunked());
    assert_eq!(r.readline().unwrap(), b"line1\n");
    assert_eq!(r.read_amt(3).unwrap(), b"lin");
    assert_eq!(r.read1(100).unwrap(), b"e2\nxx");
    assert_eq!(r.peek().unwrap(), b"yy\n");
    assert_eq!(r.read().unwrap(), b"yy\n");
    assert_eq!(r.trailers().unwrap().get("x-digest"), Some("abc"));
    c.request("GET", "/").unwrap();
    let mut r = c.getresponse().unwrap();
    let lines: Vec<Vec<u8>> = (&mut r).map(|l| l.unwrap()).collect();
    assert_eq!(lines, [&b"line1\n"[..], b"line2\n", b"xxyy\n"]);
    c.request("GET", "/").unwrap();
    let mut r = c.getresponse().unwrap();
    let mut buf = [0u8; 64];
    let n = r.readinto(&mut buf).unwrap();
    assert_eq!(&buf[..n], b"line1\nline2\nxxyy\n");
    server.join().unwrap();
}

#[test]
fn head_204_304_have_no_body_and_keep_the_connection() {
    let (addr, server) = fake(vec![
        b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".to_vec(),
        b"HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec(),
        b"HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n".to_vec(),
        b"HTTP/1.1 100 Continue\r\nX: y\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".to_vec(),
    ]);
    let mut c = conn(addr);
    c.request("HEAD", "/").unwrap();
    let mut r = c.getresponse().unwrap();
    assert_eq!(r.getheader("content-length").as_deref(), Some("1000"));
    assert_eq!(r.read().unwrap(), b"");
    for method in ["GET", "GET"] {
        c.request(method, "/").unwrap();
        assert_eq!(c.getresponse().unwrap().read().unwrap(), b"");
    }
    c.request("GET", "/").unwrap();
    let mut r = c.getresponse().unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.read().unwrap(), b"ok");
    assert_eq!(server.join().unwrap().len(), 4);
}

#[test]
fn request_bodies() {
    let (addr, server) = fake(vec![ok(""), ok(""), ok(""), ok(""), ok("")]);
    let mut c = conn(addr);
    c.request_with("POST", "/b", RequestOptions::new().body(&b"bytes"[..]))
        .unwrap();
    c.getresponse().unwrap().read().unwrap();
    c.request_with("PUT", "/s", RequestOptions::new().body("caf\u{e9}"))
        .unwrap();
    c.getresponse().unwrap().read().unwrap();
    c.request_with(
        "POST",
        "/r",
        RequestOptions::new().body(Body::reader(&b"from a reader"[..])),
    )
    .unwrap();
    c.getresponse().unwrap().read().unwrap();
    c.request_with(
        "POST",
        "/c",
        RequestOptions::new().body(Body::chunks(vec![
            b"ab".to_vec(),
            Vec::new(),
            b"cde".to_vec(),
        ])),
    )
    .unwrap();
    c.getresponse().unwrap().read().unwrap();
    c.request("POST", "/empty").unwrap();
    c.getresponse().unwrap().read().unwrap();
    let seen = server.join().unwrap();
    let text: Vec<String> = seen
        .iter()
        .map(|r| String::from_utf8_lossy(r).into_owned())
        .collect();
    assert!(text[0].ends_with("Content-Length: 5\r\n\r\nbytes"));
    assert!(seen[1].ends_with(b"Content-Length: 4\r\n\r\ncaf\xe9"));
    assert!(text[2].ends_with("Transfer-Encoding: chunked\r\n\r\nD\r\nfrom a reader\r\n0\r\n\r\n"));
    assert!(
        text[3].ends_with("Transfer-Encoding: chunked\r\n\r\n2\r\nab\r\n3\r\ncde\r\n0\r\n\r\n")
    );
    assert!(text[4].ends_with("Content-Length: 0\r\n\r\n"));
    let non_latin1 = c.request_with("POST", "/", RequestOptions::new().body("\u{20ac}"));
    assert_eq!(non_latin1.unwrap_err().python_name(), "UnicodeEncodeError");
}

/// A listener that must see no request at all.
fn silent_listener() -> (std::net::SocketAddr, TcpListener) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.set_nonblocking(true).unwrap();
    (l.local_addr().unwrap(), l)
}

fn assert_nothing_sent(l: &TcpListener) {
    match l.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        Ok((mut s, _)) => {
            s.set_nonblocking(false).unwrap();
            s.set_read_timeout(Some(Duration::from_millis(200)))
                .unwrap();
            let mut buf = [0u8; 64];
            let n = s.read(&mut buf).unwrap_or(0);
            assert_eq!(n, 0, "bytes were sent: {:?}", &buf[..n]);
        }
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn injection_refused_before_anything_is_sent() {
    let (addr, listener) = silent_listener();
    let mut c = conn(addr);
    // CVE-2019-9740 / CVE-2019-9947: the request target
    for url in [
        "/a HTTP/1.1\r\nX-Injected: 1\r\n",
        "/a\nb",
        "/a b",
        "/\x00",
        "/\x7f",
    ] {
        assert_eq!(
            c.request("GET", url).unwrap_err().python_name(),
            "InvalidURL",
            "{url:?}"
        );
    }
    // CVE-2020-26116: the method
    for method in ["GET\r\nX: 1", "G\tET", "GET /x", ""] {
        assert_eq!(
            c.request(method, "/").unwrap_err().python_name(),
            "ValueError",
            "{method:?}"
        );
    }
    // header names and values, the Cookie header among them
    for (name, value) in [
        ("Cookie", "a=1\r\nSet-Cookie: evil=1"),
        ("Cookie", "a=1\nb"),
        ("Cookie", "a=1\r"),
        ("X", "folded\r\n\tvalue"),
        ("X", "nul\x00"),
        ("X-A\r\nX-B", "v"),
        ("X A", "v"),
        ("", "v"),
    ] {
        let r = c.request_with("GET", "/", RequestOptions::new().header(name, value));
        assert_eq!(
            r.unwrap_err().python_name(),
            "ValueError",
            "{name:?}: {value:?}"
        );
    }
    c.putrequest("GET", "/").unwrap();
    assert!(c.putheader("Cookie", b"a\r\nb".as_slice()).is_err());
    c.close();
    assert_nothing_sent(&listener);
    // CVE-2019-18348: the host
    for host in ["127.0.0.1\r\nX-Injected: 1", "a b", "h\x00"] {
        assert_eq!(
            HTTPConnection::new(host).unwrap_err().python_name(),
            "InvalidURL"
        );
    }
    // set_tunnel's host and headers
    let mut p = conn(addr);
    assert!(p.set_tunnel("example.org\r\nX: 1", None, &[]).is_err());
    assert!(
        p.set_tunnel("example.org", None, &[("X", "a\r\nY: b")])
            .is_err()
    );
    assert!(
        p.set_tunnel("example.org", None, &[("X\r\nY", "b")])
            .is_err()
    );
    assert_nothing_sent(&listener);
}

fn response_error(wire: Vec<u8>) -> Error {
    let (addr, server) = fake(vec![wire]);
    let mut c = conn(addr);
    c.request("GET", "/").unwrap();
    let err = match c.getresponse() {
        Err(e) => e,
        Ok(mut r) => r.read().unwrap_err(),
    };
    drop(c);
    server.join().unwrap();
    err
}

#[test]
fn head_limits() {
    let mut long_status = b"HTTP/1.1 200 ".to_vec();
    long_status.resize(70_000, b'x');
    assert!(matches!(
        response_error(long_status),
        Error::LineTooLong("status line")
    ));
    let mut long_header = b"HTTP/1.1 200 OK\r\nX: ".to_vec();
    long_header.resize(70_000, b'x');
    assert!(matches!(
        response_error(long_header),
        Error::LineTooLong("header line")
    ));
    let mut many = b"HTTP/1.1 200 OK\r\n".to_vec();
    for i in 0..150 {
        many.extend_from_slice(format!("H{i}: v\r\n").as_bytes());
    }
    assert!(matches!(response_error(many), Error::HTTPException(_)));
    // CVE-2021-3737: endless 100 Continue responses stop
    let endless = b"HTTP/1.1 100 Continue\r\n\r\n".repeat(1000);
    assert!(matches!(response_error(endless), Error::HTTPException(_)));
    let endless_headers: Vec<u8> = b"HTTP/1.1 100 Continue\r\n"
        .iter()
        .copied()
        .chain(b"X: y\r\n".repeat(1000))
        .collect();
    assert!(matches!(
        response_error(endless_headers),
        Error::HTTPException(_)
    ));
    // an endless trailer section stops too
    let trailers: Vec<u8> = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
        .iter()
        .copied()
        .chain(b"T: x\r\n".repeat(1000))
        .collect();
    assert!(matches!(response_error(trailers), Error::HTTPException(_)));
    assert!(matches!(
        response_error(b"ICY 200 OK\r\n\r\n".to_vec()),
        Error::BadStatusLine(_)
    ));
    assert!(matches!(
        response_error(b"HTTP/1.1 2000 OK\r\n\r\n".to_vec()),
        Error::BadStatusLine(_)
    ));
    assert!(matches!(
        response_error(b"HTTP/1.1 +200 OK\r\n\r\n".to_vec()),
        Error::BadStatusLine(_)
    ));
    assert!(matches!(
        response_error(b"HTTP/2.0 200 OK\r\n\r\n".to_vec()),
        Error::UnknownProtocol(_)
    ));
    assert!(matches!(
        response_error(Vec::new()),
        Error::RemoteDisconnected
    ));
}

#[test]
fn ambiguous_framing_refused() {
    for wire in [
        &b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"[..],
        b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        b"HTTP/1.1 200 OK\r\nContent-Length: +3\r\n\r\nabc",
        b"HTTP/1.1 200 OK\r\nContent-Length: 3x\r\n\r\nabc",
    ] {
        assert!(matches!(response_error(wire.to_vec()), Error::HTTPException(_)));
    }
    let gzip = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n";
    assert!(matches!(
        response_error(gzip.to_vec()),
        Error::UnknownTransferEncoding(_)
    ));
    for bad_chunk in [
        &b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n+3\r\nabc\r\n0\r\n\r\n"[..],
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXX0\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFF\r\n",
    ] {
        assert!(matches!(
            response_error(bad_chunk.to_vec()),
            Error::IncompleteRead { .. }
        ));
    }
}

#[test]
fn huge_announced_lengths_cost_no_memory() {
    // gh-119451: 10 GB announced, 10 bytes sent, then the server closes
    let e = response_error(
        b"HTTP/1.1 200 OK\r\nContent-Length: 10737418240\r\n\r\n0123456789".to_vec(),
    );
    assert!(
        matches!(e, Error::IncompleteRead { partial: 10, expected: Some(n) } if n == 10737418230)
    );
    let e = response_error(
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n280000000\r\n0123456789".to_vec(),
    );
    assert!(matches!(e, Error::IncompleteRead { partial: 10, .. }));
}

#[test]
fn unread_response_blocks_the_next_request_and_close_frees_it() {
    let (addr, server) = fake(vec![ok("abc")]);
    let mut c = conn(addr);
    c.request("GET", "/").unwrap();
    let mut r = c.getresponse().unwrap();
    assert_eq!(
        c.request("GET", "/").unwrap_err().python_name(),
        "CannotSendRequest"
    );
    assert_eq!(r.read_amt(1).unwrap(), b"a");
    r.close();
    server.join().unwrap();
    // the socket went with the half-read response; the next request reconnects
    let err = c.request("GET", "/").unwrap_err();
    assert_eq!(err.python_name(), "ConnectionRefusedError");
}

#[test]
fn state_errors() {
    let (addr, _l) = silent_listener();
    let mut c = conn(addr);
    assert_eq!(
        c.getresponse().unwrap_err().python_name(),
        "ResponseNotReady"
    );
    assert_eq!(
        c.putheader("A", "b").unwrap_err().python_name(),
        "CannotSendHeader"
    );
    assert_eq!(
        c.endheaders().unwrap_err().python_name(),
        "CannotSendHeader"
    );
    c.set_auto_open(false);
    c.putrequest("GET", "/").unwrap();
    assert_eq!(c.endheaders().unwrap_err().python_name(), "NotConnected");
}

#[test]
fn tunnel_through_a_proxy() {
    let (addr, server) = netstd_testsupport::serve_once("127.0.0.1:0", |mut s| {
        let mut pending = Vec::new();
        let connect = common::read_request(&mut s, &mut pending).unwrap();
        s.write_all(b"HTTP/1.1 200 Connection established\r\nX-Proxy: fake\r\n\r\n")
            .unwrap();
        let inner = common::read_request(&mut s, &mut pending).unwrap();
        s.write_all(&ok("through")).unwrap();
        (connect, inner)
    });
    let mut c = conn(addr);
    c.set_tunnel(
        "example.org",
        Some(8080),
        &[("Proxy-Authorization", "Basic eDp5")],
    )
    .unwrap();
    c.request("GET", "/t").unwrap();
    assert_eq!(c.getresponse().unwrap().read().unwrap(), b"through");
    assert_eq!(
        c.get_proxy_response_headers().unwrap().get("x-proxy"),
        Some("fake")
    );
    let (connect, inner) = server.join().unwrap();
    assert_eq!(
        String::from_utf8(connect).unwrap(),
        "CONNECT example.org:8080 HTTP/1.1\r\nProxy-Authorization: Basic eDp5\r\nHost: example.org:8080\r\n\r\n"
    );
    assert!(
        String::from_utf8(inner)
            .unwrap()
            .contains("\r\nHost: example.org:8080\r\n")
    );

    let (addr, server) = netstd_testsupport::serve_once("127.0.0.1:0", |mut s| {
        let mut pending = Vec::new();
        common::read_request(&mut s, &mut pending).unwrap();
        s.write_all(b"HTTP/1.1 407 Proxy Authentication Required\r\n\r\n")
            .unwrap();
    });
    let mut c = conn(addr);
    c.set_tunnel("example.org", None, &[]).unwrap();
    let e = c.request("GET", "/").unwrap_err();
    assert_eq!(e.python_name(), "OSError");
    assert!(e.to_string().contains("407"), "{e}");
    server.join().unwrap();
}

#[test]
fn bufread_and_io_copy() {
    let big = "0123456789".repeat(10_000);
    let (addr, server) = fake(vec![ok(&big)]);
    let mut c = conn(addr);
    c.request("GET", "/").unwrap();
    let mut r = c.getresponse().unwrap();
    let mut first = String::new();
    r.read_line(&mut first).unwrap();
    let mut sink = Vec::new();
    std::io::copy(&mut r, &mut sink).unwrap();
    assert_eq!(first.len() + sink.len(), big.len());
    server.join().unwrap();
}

#[test]
fn data_after_connect_answer_refused() {
    let (addr, server) = netstd_testsupport::serve_once("127.0.0.1:0", |mut s| {
        let mut pending = Vec::new();
        common::read_request(&mut s, &mut pending).unwrap();
        s.write_all(b"HTTP/1.1 200 OK\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nfake")
            .unwrap();
    });
    let mut c = conn(addr);
    c.set_tunnel("example.org", None, &[]).unwrap();
    let e = c.request("GET", "/").unwrap_err();
    assert_eq!(e.python_name(), "HTTPException", "{e}");
    server.join().unwrap();
}

#[test]
fn bytes_after_a_body_are_never_the_next_response() {
    let (addr, server) = fake(vec![
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhiHTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nevil"
            .to_vec(),
    ]);
    let mut c = conn(addr);
    c.request("GET", "/").unwrap();
    assert_eq!(c.getresponse().unwrap().read().unwrap(), b"hi");
    assert!(
        c.sock().is_none(),
        "the connection with stray bytes was closed"
    );
    server.join().unwrap();
}

#[test]
fn interim_responses_are_skipped_and_101_closes() {
    let (addr, server) = fake(vec![
        b"HTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n\
          HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst"
            .to_vec(),
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n".to_vec(),
    ]);
    let mut c = conn(addr);
    c.request("GET", "/").unwrap();
    let mut r = c.getresponse().unwrap();
    assert_eq!((r.status(), r.read().unwrap()), (200, b"first".to_vec()));
    c.request("GET", "/").unwrap();
    let r = c.getresponse().unwrap();
    assert_eq!(r.status(), 101);
    assert!(r.will_close());
    drop(r);
    server.join().unwrap();
}

#[test]
fn partial_reads_that_finish_the_body_free_the_connection() {
    let (addr, server) = fake(vec![ok("12345"), ok("abc"), ok("x")]);
    let mut c = conn(addr);
    c.request("GET", "/").unwrap();
    let mut r = c.getresponse().unwrap();
    assert_eq!(r.read_amt(5).unwrap(), b"12345");
    assert!(r.isclosed());
    c.request("GET", "/").unwrap();
    let mut r = c.getresponse().unwrap();
    let mut buf = [0u8; 3];
    assert_eq!(r.readinto(&mut buf).unwrap(), 3);
    assert!(r.isclosed());
    c.request("GET", "/").unwrap();
    let mut r = c.getresponse().unwrap();
    assert_eq!(r.read1(0).unwrap(), b"");
    assert_eq!(r.read1(10).unwrap(), b"x");
    assert!(r.isclosed());
    assert_eq!(server.join().unwrap().len(), 3);
}

#[test]
fn tunnel_hosts_and_host_headers_are_checked_after_encoding() {
    let (addr, server) = fake(vec![ok(""), ok("")]);
    let mut c = conn(addr);
    // Nameprep maps U+3000 to a space and full-width solidus to '/'
    assert!(c.set_tunnel("a\u{3000}HTTP\u{ff0f}1.1", None, &[]).is_err());
    assert!(HTTPConnection::new("a\u{a0}b").is_err());
    // credentials in an absolute URL stay out of the Host header
    c.request("GET", "http://user:pw@example.org:8080/x")
        .unwrap();
    c.getresponse().unwrap().read().unwrap();
    // set_tunnel once a socket exists is RuntimeError, as in CPython
    assert_eq!(
        c.set_tunnel("example.org", None, &[])
            .unwrap_err()
            .python_name(),
        "RuntimeError"
    );
    // a text body that Latin-1 cannot carry fails before the state moves on
    let r = c.request_with("POST", "/", RequestOptions::new().body("\u{20ac}"));
    assert_eq!(r.unwrap_err().python_name(), "UnicodeEncodeError");
    c.request("GET", "/again").unwrap();
    c.getresponse().unwrap().read().unwrap();
    let seen = server.join().unwrap();
    let first = String::from_utf8(seen[0].clone()).unwrap();
    let host = first.lines().find(|l| l.starts_with("Host: ")).unwrap();
    assert_eq!(host, "Host: example.org:8080");
}

#[test]
fn chunked_body_closed_inside_the_trailer_is_complete() {
    let (addr, server) = fake(vec![
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n".to_vec(),
    ]);
    let mut c = conn(addr);
    c.request("GET", "/").unwrap();
    let mut r = c.getresponse().unwrap();
    let first = r.read_amt(5).unwrap();
    server.join().unwrap();
    assert_eq!(first, b"hello");
    assert_eq!(r.read().unwrap(), b"");
}

#[test]
fn request_http_sends_absolute_uris_through_proxies() {
    let (addr, server) = fake(vec![ok("")]);
    let mut c = conn(addr);
    let req = http::Request::get("http://example.org/p?q=1")
        .body(Vec::new())
        .unwrap();
    c.request_http(&req).unwrap();
    let resp = c.getresponse().unwrap().into_http().unwrap();
    assert_eq!(resp.status(), http::StatusCode::OK);
    let seen = server.join().unwrap();
    assert!(seen[0].starts_with(b"GET http://example.org/p?q=1 HTTP/1.1\r\nHost: example.org\r\n"));
}

#[test]
fn nothing_is_sent_before_the_tls_handshake_completes() {
    // a "server" that answers the ClientHello with garbage: the handshake fails,
    // and all it ever received is the TLS record of the ClientHello
    let (addr, server) = netstd_testsupport::serve_once("127.0.0.1:0", |mut s| {
        let mut first = [0u8; 5];
        s.read_exact(&mut first).unwrap();
        s.write_all(b"HTTP/1.1 200 OK\r\n\r\n").unwrap();
        let mut rest = Vec::new();
        s.read_to_end(&mut rest).ok();
        (first, rest)
    });
    let opts = ConnectionOptions::new().timeout(Duration::from_secs(10));
    let mut c = netstd_httpclient::HTTPSConnection::new_with(&addr.to_string(), &opts).unwrap();
    let e = c.request("GET", "/secret?token=1").unwrap_err();
    assert_eq!(e.python_name(), "SSLError", "{e}");
    drop(c);
    let (first, rest) = server.join().unwrap();
    assert_eq!(first[0], 0x16, "a TLS handshake record came first");
    let all: Vec<u8> = first.iter().chain(&rest).copied().collect();
    assert!(common::find(&all, b"GET").is_none() && common::find(&all, b"secret").is_none());
}
