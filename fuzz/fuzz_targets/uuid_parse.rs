//! UUID parsing never panics, and what parses prints back to a string that parses
//! to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netstd_uuid::UUID;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(u) = UUID::new(text) {
        assert_eq!(UUID::new(&u.to_string()), Ok(u));
        assert_eq!(UUID::new(&u.urn()), Ok(u));
        assert_eq!(UUID::from_bytes_le(&u.bytes_le()), Ok(u));
    }
});
