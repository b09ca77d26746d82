//! CPython-style IDNA encoding never panics and yields ASCII labels of 1..=63 bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(host) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(ascii) = netstd_core::idna::encode(host) {
        if !host.is_ascii() {
            assert!(ascii.is_ascii());
            let labels: Vec<&str> = ascii.trim_end_matches('.').split('.').collect();
            assert!(labels.iter().all(|l| (1..64).contains(&l.len())), "{ascii}");
        }
    }
});
