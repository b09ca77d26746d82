//! The HTTP response parser (status line, 100-continue skipping, headers with their
//! limits, framing, body decoding) never panics, and gives the same answer however
//! the bytes are split: the first input byte picks the piece size, the rest is
//! the response as a server would send it. `parse_headers` is run on it too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netstd_http::proto::{BodyDecoder, Decoded, HeadStep, ResponseHeadParser, response_framing};

/// Head, framing and body of `wire` fed `step` bytes at a time; `Err` holds the
/// error's Python name.
fn run(wire: &[u8], step: usize) -> Result<(u16, Vec<(String, String)>, Vec<u8>), &'static str> {
    let mut parser = ResponseHeadParser::new();
    let mut buf: Vec<u8> = Vec::new();
    let mut fed = 0;
    let head = loop {
        match parser.parse(&buf).map_err(|e| e.python_name())? {
            HeadStep::Consumed(n) => {
                buf.drain(..n);
            }
            HeadStep::Done(head, n) => {
                buf.drain(..n);
                break head;
            }
            HeadStep::NeedMore => {
                if fed == wire.len() {
                    let (head, n) = parser.eof(&buf).map_err(|e| e.python_name())?;
                    buf.drain(..n);
                    break head;
                }
                let n = step.min(wire.len() - fed);
                buf.extend_from_slice(&wire[fed..fed + n]);
                fed += n;
            }
        }
    };
    let framing = response_framing(&head, "GET").map_err(|e| e.python_name())?;
    let mut body = BodyDecoder::new(framing.body);
    let mut out = Vec::new();
    loop {
        match body.decode(&buf).map_err(|e| e.python_name())? {
            Decoded::Data { consumed, len } => {
                assert!(consumed + len <= buf.len());
                assert!(len > 0);
                // take at most 3 bytes at a time, to exercise partial consumption
                let take = len.min(3);
                out.extend_from_slice(&buf[consumed..consumed + take]);
                body.consume(take);
                buf.drain(..consumed + take);
            }
            Decoded::NeedMore { consumed } => {
                buf.drain(..consumed);
                if fed == wire.len() {
                    body.eof().map_err(|e| e.python_name())?;
                    if !body.is_done() {
                        return Err("not done after eof");
                    }
                    break;
                }
                let n = step.min(wire.len() - fed);
                buf.extend_from_slice(&wire[fed..fed + n]);
                fed += n;
            }
            Decoded::Done { .. } => break,
        }
    }
    assert_eq!(out.len() as u64, body.received());
    let headers = head
        .headers
        .items()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    Ok((head.status, headers, out))
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, wire)) = data.split_first() else {
        return;
    };
    let _ = netstd_http::parse_headers(wire);
    let whole = run(wire, wire.len().max(1));
    let pieces = run(wire, usize::from(first % 17) + 1);
    assert_eq!(whole, pieces);
});
