//! The request side of the message layer never panics: the request line as
//! http.server parses it, the header block, and the body framing (with a chunked
//! body decoded from the rest of the input).
#![no_main]

use libfuzzer_sys::fuzz_target;
use netstd_http::proto::{BodyDecoder, Decoded, parse_request_line, request_framing};

fuzz_target!(|data: &[u8]| {
    let line_end = data.iter().position(|&b| b == b'\n').map_or(data.len(), |i| i + 1);
    let (line, rest) = data.split_at(line_end);
    let text: String = line.iter().map(|&b| char::from(b)).collect();
    if let Err(e) = parse_request_line(text.trim_end_matches(['\r', '\n'])) {
        let _ = (e.status(), e.message());
    }
    let Ok(headers) = netstd_http::parse_headers(rest) else {
        return;
    };
    let Ok(framing) = request_framing(&headers) else {
        return;
    };
    let mut body = BodyDecoder::new(framing);
    let mut input = rest;
    for _ in 0..rest.len() + 2 {
        match body.decode(input) {
            Ok(Decoded::Data { consumed, len }) => {
                assert!(consumed + len <= input.len());
                body.consume(len);
                input = &input[consumed + len..];
            }
            Ok(Decoded::NeedMore { consumed }) => {
                assert!(consumed <= input.len());
                let _ = body.eof();
                break;
            }
            Ok(Decoded::Done { .. }) | Err(_) => break,
        }
    }
});
