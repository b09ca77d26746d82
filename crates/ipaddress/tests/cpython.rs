//! Cases from CPython's Lib/test/test_ipaddress.py (the data, not Python internals),
//! and the CVE regressions named in docs/security.md.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};

use netstd_ipaddress::*;

fn v4(s: &str) -> IPv4Address {
    IPv4Address::new(s).unwrap()
}
fn v6(s: &str) -> IPv6Address {
    IPv6Address::new(s).unwrap()
}
fn n4(s: &str) -> IPv4Network {
    IPv4Network::new(s).unwrap()
}
fn n6(s: &str) -> IPv6Network {
    IPv6Network::new(s).unwrap()
}

/// CVE-2021-29921: leading zeros in IPv4 octets are refused (they used to be read as
/// decimal while other parsers read them as octal).
#[test]
fn cve_2021_29921_leading_zeros_refused() {
    for s in [
        "010.8.8.8",
        "0127.0.0.1",
        "1.2.3.04",
        "00.0.0.0",
        "0000.0.0.0",
    ] {
        let e = IPv4Address::new(s).unwrap_err();
        assert_eq!(e.python_name(), "AddressValueError", "{s}");
        assert!(
            e.message().contains("Leading zeros") || e.message().contains("At most 3"),
            "{s}: {e}"
        );
        assert_eq!(ip_address(s).unwrap_err().python_name(), "ValueError");
    }
    assert_eq!(v4("0.0.0.0").to_string(), "0.0.0.0");
}

/// CVE-2024-4032: `is_private` and `is_global` follow the IANA registries.
#[test]
fn cve_2024_4032_special_purpose_tables() {
    assert!(v4("192.0.0.8").is_private());
    assert!(!v4("192.0.0.9").is_private() && v4("192.0.0.9").is_global());
    assert!(!v4("192.0.0.10").is_private() && v4("192.0.0.10").is_global());
    assert!(v4("192.0.0.255").is_private());
    assert!(!v4("100.64.0.1").is_private() && !v4("100.64.0.1").is_global());
    assert!(v6("64:ff9b:1::1").is_private());
    assert!(!v6("2001:1::1").is_private() && v6("2001:1::1").is_global());
    assert!(!v6("2001:3::1").is_private());
    assert!(v6("2001:2::1").is_private());
    assert!(v6("2002::1").is_private());
    assert!(v6("3fff::1").is_private());
    assert!(v6("::ffff:10.0.0.1").is_private());
    assert!(!v6("::ffff:100.64.0.1").is_global()); // as its IPv4 address
    assert!(v6("::ffff:127.0.0.1").is_loopback());
    assert!(n4("192.0.0.0/29").is_private());
    // CPython judges a network by its two ends: .8/31 ends at .9, .8/30 does not.
    assert!(!n4("192.0.0.8/31").is_private());
    assert!(n4("192.0.0.8/30").is_private());
    assert!(!n6("2001:1::1/128").is_private() && !n6("2001:3::/32").is_private());
    assert!(n6("2001:1::/126").is_private()); // its ends are not the exceptions
}

/// CVE-2020-14422: interfaces on one network must not all hash alike.
#[test]
fn cve_2020_14422_interface_hashes_spread() {
    let state = RandomState::new();
    let hashes: HashSet<u64> = (0..2048u32)
        .map(|i| IPv4Interface::from_parts(IPv4Address::from(0x0a00_0000 | i), 20).unwrap())
        .map(|iface| state.hash_one(&iface))
        .collect();
    assert_eq!(hashes.len(), 2048);
    let hashes: HashSet<u64> = (0..2048u128)
        .map(|i| state.hash_one(IPv6Interface::from_parts(IPv6Address::from(i), 64).unwrap()))
        .collect();
    assert_eq!(hashes.len(), 2048);
}

#[test]
fn test_ipaddress_parsing_data() {
    // testIPv4Address / testIPv6Address error data
    for bad in [
        "",
        "1.2.3",
        "1.2.3.4.5",
        "1.a.2.3",
        "1.2.3.4.",
        ".1.2.3.4",
        "1.2..3",
        "1.2.3.-1",
        "1.2.3.0x1",
        "1.2.3.256",
        "1.2.3.1e1",
    ] {
        assert!(IPv4Address::new(bad).is_err(), "{bad}");
    }
    for bad in [
        ":",
        ":::",
        "::1::",
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        "1:2:3:4:5:6:7",
        "10000::",
        "::ffff:1.2.3",
        "::1.2.3.4.5",
        "1:2:3:4:5:6:7:1.2.3.4",
        "::1.256.3.4",
    ] {
        assert!(IPv6Address::new(bad).is_err(), "{bad}");
    }
    assert_eq!(v6("::ffff:1.2.3.4").ipv4_mapped(), Some(v4("1.2.3.4")));
    assert_eq!(v6("2002:c000:0204::1").sixtofour(), Some(v4("192.0.2.4")));
    assert_eq!(
        v6("1:2:3:4:5:6:7:8").exploded(),
        "0001:0002:0003:0004:0005:0006:0007:0008"
    );
    assert_eq!(v6("2001:0:0:1:0:0:0:1").to_string(), "2001:0:0:1::1");
    assert_eq!(v6("0:0:3:0:0:0:0:ffff").to_string(), "0:0:3::ffff");
    assert_eq!(v6("0:0:0:4:0:0:0:ffff").to_string(), "::4:0:0:0:ffff");
    assert_eq!(v6("0:0:0:0:0:0:0:0").to_string(), "::");
    assert_eq!(v6("1:0:0:0:0:0:0:1").to_string(), "1::1");
    assert_eq!(
        v6("2001:658:22a:cafe:200:0:0:1").to_string(),
        "2001:658:22a:cafe:200::1"
    );
    assert_eq!(
        v6("2001:db8::1").reverse_pointer(),
        "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"
    );
    assert_eq!(v4("127.0.0.1").reverse_pointer(), "1.0.0.127.in-addr.arpa");
}

#[test]
fn test_ipaddress_network_data() {
    let n = n4("1.2.3.0/24");
    assert_eq!(n.with_netmask(), "1.2.3.0/255.255.255.0");
    assert_eq!(n.with_hostmask(), "1.2.3.0/0.0.0.255");
    assert_eq!(IPv4Network::new("1.2.3.0/0.0.0.255").unwrap(), n);
    assert_eq!(IPv4Network::new("1.2.3.0/255.255.255.0").unwrap(), n);
    assert!(IPv4Network::new("1.2.3.0/255.0.255.0").is_err());
    assert_eq!(
        n.subnets()
            .unwrap()
            .map(|s| s.to_string())
            .collect::<Vec<_>>(),
        ["1.2.3.0/25", "1.2.3.128/25"]
    );
    assert_eq!(n.supernet().unwrap().to_string(), "1.2.2.0/23");
    assert_eq!(n4("0.0.0.0/0").supernet().unwrap().to_string(), "0.0.0.0/0");
    assert_eq!(
        n.supernet_with(PrefixOptions::new().new_prefix(20))
            .unwrap()
            .to_string(),
        "1.2.0.0/20"
    );
    assert_eq!(n.get(0).unwrap().to_string(), "1.2.3.0");
    assert_eq!(n.get(-256).unwrap().to_string(), "1.2.3.0");
    assert!(n.get(256).is_err() && n.get(-257).is_err());
    assert_eq!(n.hosts().next().unwrap().to_string(), "1.2.3.1");
    assert_eq!(n.hosts().next_back().unwrap().to_string(), "1.2.3.254");
    assert_eq!(n4("1.2.3.4/31").hosts().count(), 2);
    assert_eq!(
        n4("1.2.3.4/32").hosts().collect::<Vec<_>>(),
        [v4("1.2.3.4")]
    );
    assert_eq!(n6("2001:db8::/127").hosts().count(), 2);
    assert_eq!(n6("2001:db8::/126").hosts().count(), 3);
    assert_eq!(n6("::/0").num_addresses(), None);
    assert_eq!(n6("2001:db8::/64").num_addresses(), Some(1 << 64));
    assert!(n4("10.0.0.0/8").subnet_of(&n4("10.0.0.0/7")));
    assert!(n4("10.0.0.0/7").supernet_of(&n4("10.0.0.0/8")));
    assert!(n4("10.0.0.0/8").overlaps(&n4("10.1.0.0/16")));
    assert_eq!(
        n4("192.0.2.0/25").compare_networks(&n4("192.0.2.128/25")),
        std::cmp::Ordering::Less
    );
    let exclude: Vec<String> = n6("2001:db8::1/128")
        .address_exclude(&n6("2001:db8::1/128"))
        .unwrap()
        .map(|x| x.to_string())
        .collect();
    assert!(exclude.is_empty());
    assert!(n4("10.0.0.0/8").address_exclude(&n4("11.0.0.0/8")).is_err());
}

#[test]
fn lazy_hosts_of_huge_networks() {
    // A /8 and an IPv6 /64: iterating the first few costs nothing for the rest.
    let big = n4("10.0.0.0/8");
    assert_eq!(big.hosts().size_hint().0, (1 << 24) - 2);
    assert_eq!(
        big.hosts().nth(1_000_000).unwrap().to_string(),
        "10.15.66.65"
    );
    let huge = n6("2001:db8::/64");
    let first: Vec<String> = huge.hosts().take(3).map(|a| a.to_string()).collect();
    assert_eq!(first, ["2001:db8::1", "2001:db8::2", "2001:db8::3"]);
    assert_eq!(
        huge.hosts().next_back().unwrap().to_string(),
        "2001:db8::ffff:ffff:ffff:ffff"
    );
    let halves = n6("::/0")
        .subnets_with(PrefixOptions::new().new_prefix(64))
        .unwrap();
    assert_eq!(halves.take(2).count(), 2);
}

#[test]
fn collapse_like_cpython() {
    // test_collapse_addresses data
    let ips = [
        "1.1.0.0/24",
        "1.1.1.0/24",
        "1.1.2.0/24",
        "1.1.3.0/24",
        "1.1.4.0/24",
        "1.1.6.0/24",
    ]
    .map(n4);
    let got: Vec<String> = collapse_addresses(ips)
        .iter()
        .map(|n| n.to_string())
        .collect();
    assert_eq!(got, ["1.1.0.0/22", "1.1.4.0/24", "1.1.6.0/24"]);
    let ips = [
        "1.1.0.0/32",
        "1.1.0.1/32",
        "1.1.0.2/32",
        "1.1.0.3/32",
        "1.1.0.4/32",
        "1.1.0.0/32",
    ]
    .map(n4);
    let got: Vec<String> = collapse_addresses(ips)
        .iter()
        .map(|n| n.to_string())
        .collect();
    assert_eq!(got, ["1.1.0.0/30", "1.1.0.4/32"]);
    let got = collapse_addresses([n6("2001::/100"), n6("2001::/120"), n6("2001::/96")]);
    assert_eq!(got, [n6("2001::/96")]);
}

#[test]
fn std_net_interop() {
    let a: std::net::Ipv4Addr = v4("192.0.2.1").into();
    assert_eq!(IPv4Address::from(a), v4("192.0.2.1"));
    let b: std::net::IpAddr = ip_address("::1").unwrap().into();
    assert!(b.is_loopback());
    assert_eq!(IPAddress::from(b), ip_address("::1").unwrap());
}

#[test]
fn mixed_type_key_sorts_like_python() {
    let a = ip_address("10.0.0.1").unwrap();
    let n = ip_network("10.0.0.0/8").unwrap();
    let b = ip_address("::1").unwrap();
    let mut keys = [
        get_mixed_type_key(Mixed::Address(&b)),
        get_mixed_type_key(Mixed::Network(&n)),
        get_mixed_type_key(Mixed::Address(&a)),
    ];
    keys.sort();
    assert_eq!(keys[0], get_mixed_type_key(Mixed::Network(&n)));
    assert_eq!(keys[2], get_mixed_type_key(Mixed::Address(&b)));
}

#[test]
fn error_messages_read_like_cpython() {
    assert_eq!(
        IPv4Address::new("1.2.x").unwrap_err().message(),
        "Expected 4 octets in '1.2.x'"
    );
    assert_eq!(
        IPv4Address::new("1.2.3.04").unwrap_err().message(),
        "Leading zeros are not permitted in '04' in '1.2.3.04'"
    );
    assert_eq!(
        ip_address("nope").unwrap_err().message(),
        "'nope' does not appear to be an IPv4 or IPv6 address"
    );
    assert_eq!(
        IPv4Network::new("1.2.3.0/33").unwrap_err().message(),
        "'33' is not a valid netmask"
    );
}

#[test]
fn interface_properties_like_cpython() {
    assert!(IPv4Interface::new("127.0.0.1/4").unwrap().is_loopback());
    assert!(!IPv6Interface::new("::1/64").unwrap().is_loopback());
    assert!(IPv6Interface::new("::1/128").unwrap().is_loopback());
    assert!(
        !IPv6Interface::new("::ffff:0.0.0.0/128")
            .unwrap()
            .is_unspecified()
    );
    assert!(IPv6Interface::new("::/128").unwrap().is_unspecified());
}

#[test]
fn zoned_networks_compare_like_cpython() {
    let (zoned, plain) = (n6("fe80::%1/64"), n6("fe80::/64"));
    assert!(!zoned.subnet_of(&plain) && !plain.subnet_of(&zoned));
    assert!(zoned.address_exclude(&plain).is_err());
    assert!(zoned.subnet_of(&zoned));
}
