//! `SimpleCookie::load` never panics and its output never carries a CR or LF; a
//! value assigned, written out and read back is the value assigned.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netstd_cookies::{OutputOptions, SimpleCookie};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut c = SimpleCookie::new();
    if c.load(text).is_ok() {
        let out = c
            .output_with(&OutputOptions::new().header("").sep(" | "))
            .expect("loaded values hold no control characters");
        assert!(!out.contains(['\r', '\n']));
        let _ = c.js_output();
    }
    let mut c = SimpleCookie::new();
    if c.set_item("k", text).is_ok() {
        let header = c.output_with(&OutputOptions::new().header("")).unwrap();
        let mut back = SimpleCookie::new();
        back.load(header.trim_start()).unwrap();
        assert_eq!(back.get("k").and_then(|m| m.value()), Some(text));
    }
});
