//! An in-process fake server: reads requests, answers canned bytes, records what
//! it received. Real servers are in tests/interop.rs.
#![allow(dead_code, unreachable_pub)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::thread::JoinHandle;

/// Reads one request (head, then a Content-Length or chunked body) from `s`.
pub fn read_request(s: &mut TcpStream, pending: &mut Vec<u8>) -> Option<Vec<u8>> {
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = find(pending, b"\r\n\r\n") {
            break i + 4;
        }
        let n = s.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        pending.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&pending[..head_end]).to_ascii_lowercase();
    let body_end = if let Some(cl) = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length: "))
    {
        head_end + cl.trim().parse::<usize>().ok()?
    } else if head.contains("transfer-encoding: chunked") {
        loop {
            if let Some(i) = find(&pending[head_end..], b"\r\n0\r\n\r\n") {
                break head_end + i + 7;
            }
            if pending[head_end..].starts_with(b"0\r\n\r\n") {
                break head_end + 5;
            }
            let n = s.read(&mut buf).ok()?;
            if n == 0 {
                return None;
            }
            pending.extend_from_slice(&buf[..n]);
        }
    } else {
        head_end
    };
    while pending.len() < body_end {
        let n = s.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        pending.extend_from_slice(&buf[..n]);
    }
    Some(pending.drain(..body_end).collect())
}

pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Serves one connection: for each canned answer, reads a request and writes the
/// answer; then closes. Returns the requests received.
pub fn fake(answers: Vec<Vec<u8>>) -> (SocketAddr, JoinHandle<Vec<Vec<u8>>>) {
    netstd_testsupport::serve_once("127.0.0.1:0", move |mut s| {
        let mut pending = Vec::new();
        let mut seen = Vec::new();
        for answer in answers {
            match read_request(&mut s, &mut pending) {
                Some(req) => seen.push(req),
                None => break,
            }
            if s.write_all(&answer).is_err() {
                break;
            }
        }
        seen
    })
}

pub fn ok(body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}
