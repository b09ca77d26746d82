//! `data:` URLs through urllib.request's DataHandler never panic, never answer more
//! bytes than the URL holds, and base64 bodies round-trip: the first input byte
//! picks the check, the rest is the URL's text or the bytes to encode.
#![no_main]

use base64::Engine;
use libfuzzer_sys::fuzz_target;
use netstd_httpclient::urllib::request::{DataHandler, OpenerDirector};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let mut opener = OpenerDirector::new();
    opener.add_handler(DataHandler::new());
    if mode % 2 == 0 {
        let Ok(text) = std::str::from_utf8(rest) else { return };
        let url = format!("data:{text}");
        if let Ok(mut resp) = opener.open(url.as_str()) {
            let body = resp.read().expect("an in-memory body reads");
            assert!(body.len() <= url.len());
            let announced: usize = resp.info().get("Content-length").unwrap().parse().unwrap();
            assert_eq!(announced, body.len());
        }
    } else {
        let encoded = base64::engine::general_purpose::STANDARD.encode(rest);
        let url = format!("data:application/octet-stream;base64,{encoded}");
        let body = opener.open(url.as_str()).expect("valid base64 opens").read().unwrap();
        assert_eq!(body, rest);
    }
});
