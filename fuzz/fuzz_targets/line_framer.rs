//! The sans-IO line framer never panics, never yields a line over the limit, and
//! loses no byte: whatever is fed comes back out, in order, as lines plus the rest.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netstd_core::line::LineFramer;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let limit = 1 + data[0] as usize;
    let chunk = 1 + data[1] as usize;
    let input = &data[2..];
    let mut framer = LineFramer::new(limit);
    let mut out = Vec::new();
    for piece in input.chunks(chunk) {
        framer.feed(piece);
        loop {
            match framer.next_line() {
                Ok(Some(line)) => {
                    assert!(line.len() <= limit);
                    assert_eq!(line.last(), Some(&b'\n'));
                    out.extend(line);
                }
                Ok(None) => break,
                Err(_) => {
                    // Too long: the caller drops the connection; the bytes are still there.
                    assert!(framer.buffered().len() >= limit);
                    out.extend(framer.take_rest());
                }
            }
        }
    }
    out.extend(framer.take_rest());
    assert_eq!(out, input);
});
