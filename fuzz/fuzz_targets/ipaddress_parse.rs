//! Address, network and interface parsing never panics, and what parses prints back
//! to text that parses to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netstd_ipaddress::{
    IPv4Network, IPv6Network, NetworkOptions, ip_address, ip_interface, ip_network, ip_network_with,
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(a) = ip_address(text) {
        assert_eq!(ip_address(&a.to_string()).as_ref(), Ok(&a));
        let _ = (
            a.exploded(),
            a.reverse_pointer(),
            a.is_private(),
            a.is_global(),
        );
    }
    if let Ok(n) = ip_network(text) {
        assert_eq!(ip_network(&n.to_string()).as_ref(), Ok(&n));
    }
    if let Ok(n) = ip_network_with(text, NetworkOptions::new().strict(false)) {
        let _ = (n.exploded(), n.num_addresses());
    }
    let _ = ip_interface(text);
    if let Ok(n) = text.parse::<IPv4Network>() {
        let _ = n.subnets().map(|s| s.take(4).count());
        let _ = n.supernet();
    }
    if let Ok(n) = text.parse::<IPv6Network>() {
        let _ = n.hosts().take(4).count();
    }
});
