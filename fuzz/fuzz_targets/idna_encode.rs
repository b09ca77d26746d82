//! CPython-style IDNA encoding never panics and yields ASCII of labels of at most
//! 63 bytes. (Labels are not always non-empty: as in CPython, NFKC can turn a
//! character into a dot after the split, so `"\u{2024}"` encodes as `"."`.)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(host) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(ascii) = netstd_core::idna::encode(host) {
        if !host.is_ascii() {
            assert!(ascii.is_ascii());
            assert!(ascii.split('.').all(|l| l.len() < 64), "{ascii}");
        }
    }
});
