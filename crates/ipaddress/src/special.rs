//! The special-purpose address blocks, as current CPython has them: the IANA IPv4 and
//! IPv6 Special-Purpose Address Registries with the CVE-2024-4032 corrections
//! (`192.0.0.0/24` not `/29`, the globally reachable exceptions inside it and inside
//! `2001::/23`, `64:ff9b:1::/48`, `2002::/16`, `3fff::/20` per RFC 9637).

/// A CIDR block as (network, prefix length).
pub(crate) type Block<T> = (T, u8);

/// Whether `ip` lies in `block`.
pub(crate) fn in_block<T: crate::bits::Bits>(ip: T, (net, prefixlen): Block<T>) -> bool {
    ip & crate::bits::netmask::<T>(prefixlen) == net
}

pub(crate) const V4_LINK_LOCAL: Block<u32> = (0xa9fe_0000, 16);
pub(crate) const V4_LOOPBACK: Block<u32> = (0x7f00_0000, 8);
pub(crate) const V4_MULTICAST: Block<u32> = (0xe000_0000, 4);
pub(crate) const V4_SHARED: Block<u32> = (0x6440_0000, 10); // 100.64.0.0/10, neither private nor global
pub(crate) const V4_RESERVED: Block<u32> = (0xf000_0000, 4);

/// Not globally reachable IPv4 blocks.
pub(crate) const V4_PRIVATE: [Block<u32>; 14] = [
    (0x0000_0000, 8),  // 0.0.0.0/8
    (0x0a00_0000, 8),  // 10.0.0.0/8
    (0x7f00_0000, 8),  // 127.0.0.0/8
    (0xa9fe_0000, 16), // 169.254.0.0/16
    (0xac10_0000, 12), // 172.16.0.0/12
    (0xc000_0000, 24), // 192.0.0.0/24
    (0xc000_00aa, 31), // 192.0.0.170/31
    (0xc000_0200, 24), // 192.0.2.0/24
    (0xc0a8_0000, 16), // 192.168.0.0/16
    (0xc612_0000, 15), // 198.18.0.0/15
    (0xc633_6400, 24), // 198.51.100.0/24
    (0xcb00_7100, 24), // 203.0.113.0/24
    (0xf000_0000, 4),  // 240.0.0.0/4
    (0xffff_ffff, 32), // 255.255.255.255/32
];

/// Globally reachable exceptions inside [`V4_PRIVATE`].
pub(crate) const V4_PRIVATE_EXCEPTIONS: [Block<u32>; 2] = [
    (0xc000_0009, 32), // 192.0.0.9/32
    (0xc000_000a, 32), // 192.0.0.10/32
];

pub(crate) const V6_LINK_LOCAL: Block<u128> = (0xfe80 << 112, 10);
pub(crate) const V6_MULTICAST: Block<u128> = (0xff00 << 112, 8);
pub(crate) const V6_SITE_LOCAL: Block<u128> = (0xfec0 << 112, 10);

/// Not globally reachable IPv6 blocks.
pub(crate) const V6_PRIVATE: [Block<u128>; 11] = [
    (1, 128),                     // ::1/128
    (0, 128),                     // ::/128
    (0xffff << 32, 96),           // ::ffff:0:0/96
    (0x0064_ff9b_0001 << 80, 48), // 64:ff9b:1::/48
    (0x0100 << 112, 64),          // 100::/64
    (0x2001 << 112, 23),          // 2001::/23
    (0x2001_0db8 << 96, 32),      // 2001:db8::/32
    (0x2002 << 112, 16),          // 2002::/16
    (0x3fff << 112, 20),          // 3fff::/20
    (0xfc00 << 112, 7),           // fc00::/7
    (0xfe80 << 112, 10),          // fe80::/10
];

/// Globally reachable exceptions inside [`V6_PRIVATE`].
pub(crate) const V6_PRIVATE_EXCEPTIONS: [Block<u128>; 6] = [
    ((0x2001_0001 << 96) | 1, 128), // 2001:1::1/128
    ((0x2001_0001 << 96) | 2, 128), // 2001:1::2/128
    (0x2001_0003 << 96, 32),        // 2001:3::/32
    (0x2001_0004_0112 << 80, 48),   // 2001:4:112::/48
    (0x2001_0020 << 96, 28),        // 2001:20::/28
    (0x2001_0030 << 96, 28),        // 2001:30::/28
];

/// IETF-reserved IPv6 blocks.
pub(crate) const V6_RESERVED: [Block<u128>; 15] = [
    (0, 8),
    (0x0100 << 112, 8),
    (0x0200 << 112, 7),
    (0x0400 << 112, 6),
    (0x0800 << 112, 5),
    (0x1000 << 112, 4),
    (0x4000 << 112, 3),
    (0x6000 << 112, 3),
    (0x8000 << 112, 3),
    (0xa000 << 112, 3),
    (0xc000 << 112, 3),
    (0xe000 << 112, 4),
    (0xf000 << 112, 5),
    (0xf800 << 112, 6),
    (0xfe00 << 112, 9),
];

/// `is_private` of an address: in a private block and in none of the exceptions.
pub(crate) fn private<T: crate::bits::Bits>(
    ip: T,
    blocks: &[Block<T>],
    exceptions: &[Block<T>],
) -> bool {
    blocks.iter().any(|&b| in_block(ip, b)) && !exceptions.iter().any(|&b| in_block(ip, b))
}

/// `is_private` of a network: both ends in one private block, neither end in an
/// exception.
pub(crate) fn private_range<T: crate::bits::Bits>(
    first: T,
    last: T,
    blocks: &[Block<T>],
    exceptions: &[Block<T>],
) -> bool {
    blocks
        .iter()
        .any(|&b| in_block(first, b) && in_block(last, b))
        && exceptions
            .iter()
            .all(|&b| !in_block(first, b) && !in_block(last, b))
}
