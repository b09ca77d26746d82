//! The chunked decoder never panics, never offers data beyond its input, and
//! decodes the same body (or fails the same way) however the bytes are split.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netstd_http::proto::{ChunkedDecoder, Decoded};

fn run(wire: &[u8], step: usize) -> (Result<bool, &'static str>, Vec<u8>) {
    let mut d = ChunkedDecoder::new();
    let mut buf: Vec<u8> = Vec::new();
    let mut out = Vec::new();
    let mut fed = 0;
    loop {
        let answer = match d.decode(&buf) {
            Ok(a) => a,
            Err(e) => return (Err(e.python_name()), out),
        };
        match answer {
            Decoded::Data { consumed, len } => {
                assert!(consumed + len <= buf.len() && len > 0);
                out.extend_from_slice(&buf[consumed..consumed + len]);
                d.consume(len);
                buf.drain(..consumed + len);
            }
            Decoded::NeedMore { consumed } => {
                buf.drain(..consumed);
                if fed == wire.len() {
                    return (d.eof().map(|()| false).map_err(|e| e.python_name()), out);
                }
                let n = step.min(wire.len() - fed);
                buf.extend_from_slice(&wire[fed..fed + n]);
                fed += n;
            }
            Decoded::Done { .. } => return (Ok(true), out),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, wire)) = data.split_first() else {
        return;
    };
    let whole = run(wire, wire.len().max(1));
    let pieces = run(wire, usize::from(first % 13) + 1);
    assert_eq!(whole, pieces);
});
