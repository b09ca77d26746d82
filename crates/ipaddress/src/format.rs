//! Integers to text: dotted decimal, RFC 5952 compressed IPv6 (CPython's
//! `_compress_hextets`: the first longest run of two or more zero hextets becomes
//! `::`), the exploded form, IPv4-mapped addresses as `::ffff:d.d.d.d` (CPython 3.13),
//! and reverse-DNS names.

use std::fmt::Write;

/// `a.b.c.d`.
pub(crate) fn write_ipv4(out: &mut String, ip: u32) {
    let b = ip.to_be_bytes();
    let _ = write!(out, "{}.{}.{}.{}", b[0], b[1], b[2], b[3]);
}

/// Lower-case hex digits of a hextet without leading zeros.
fn write_hextet(out: &mut String, h: u16) {
    let _ = write!(out, "{h:x}");
}

/// CPython's `_string_from_ip_int` for IPv6: compressed text of a 128-bit integer.
pub(crate) fn ipv6_compressed(ip: u128) -> String {
    let mut s = String::with_capacity(39);
    write_ipv6_compressed(&mut s, ip);
    s
}

pub(crate) fn write_ipv6_compressed(out: &mut String, ip: u128) {
    let hextets: [u16; 8] = std::array::from_fn(|i| (ip >> (112 - 16 * i)) as u16);
    // The first longest run of zero hextets, if at least two long.
    let (mut best_start, mut best_len) = (0, 0);
    let mut i = 0;
    while i < 8 {
        if hextets[i] == 0 {
            let start = i;
            while i < 8 && hextets[i] == 0 {
                i += 1;
            }
            if i - start > best_len {
                (best_start, best_len) = (start, i - start);
            }
        } else {
            i += 1;
        }
    }
    if best_len < 2 {
        for (i, h) in hextets.iter().enumerate() {
            if i > 0 {
                out.push(':');
            }
            write_hextet(out, *h);
        }
        return;
    }
    for (i, h) in hextets[..best_start].iter().enumerate() {
        if i > 0 {
            out.push(':');
        }
        write_hextet(out, *h);
    }
    out.push_str("::");
    for (i, h) in hextets[best_start + best_len..].iter().enumerate() {
        if i > 0 {
            out.push(':');
        }
        write_hextet(out, *h);
    }
}

/// Eight groups of four hex digits.
pub(crate) fn write_ipv6_exploded(out: &mut String, ip: u128) {
    for i in 0..8 {
        if i > 0 {
            out.push(':');
        }
        let _ = write!(out, "{:04x}", (ip >> (112 - 16 * i)) as u16);
    }
}

/// Whether an IPv6 integer is IPv4-mapped (`::ffff:0:0/96`).
pub(crate) fn is_ipv4_mapped(ip: u128) -> bool {
    ip >> 32 == 0xffff
}

/// `str(IPv6Address)` without the zone: CPython 3.13 writes IPv4-mapped addresses as
/// `::ffff:d.d.d.d` (gh-87799).
pub(crate) fn write_ipv6(out: &mut String, ip: u128) {
    if is_ipv4_mapped(ip) {
        write_ipv6_compressed(out, ip >> 32);
        out.push(':');
        write_ipv4(out, ip as u32);
    } else {
        write_ipv6_compressed(out, ip);
    }
}

/// `IPv6Address.exploded` without the zone (CPython 3.13 keeps the dotted tail of
/// IPv4-mapped addresses).
pub(crate) fn write_ipv6_address_exploded(out: &mut String, ip: u128) {
    if is_ipv4_mapped(ip) {
        out.push_str("0000:0000:0000:0000:0000:ffff:");
        write_ipv4(out, ip as u32);
    } else {
        write_ipv6_exploded(out, ip);
    }
}

/// `d.c.b.a.in-addr.arpa`.
pub(crate) fn ipv4_reverse_pointer(ip: u32) -> String {
    let b = ip.to_be_bytes();
    format!("{}.{}.{}.{}.in-addr.arpa", b[3], b[2], b[1], b[0])
}

/// The 32 nibbles, last first, dot-separated, then `ip6.arpa`.
pub(crate) fn ipv6_reverse_pointer(ip: u128) -> String {
    let mut s = String::with_capacity(72);
    for i in 0..32 {
        let nibble = (ip >> (4 * i)) as u8 & 0xf;
        s.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
        s.push('.');
    }
    s.push_str("ip6.arpa");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compression_like_cpython() {
        let cases = [
            (0u128, "::"),
            (1, "::1"),
            (1 << 112, "1::"),
            (
                0x2001_0db8_0000_0000_0001_0000_0000_0001,
                "2001:db8::1:0:0:1",
            ),
            (0x0001_0000_0002_0003_0004_0005_0006_0007, "1:0:2:3:4:5:6:7"),
            (0x0001_0000_0000_0002_0000_0000_0003_0004, "1::2:0:0:3:4"),
            (0xffff_0102_0304, "::ffff:102:304"),
        ];
        for (ip, want) in cases {
            assert_eq!(ipv6_compressed(ip), want);
        }
        let mut s = String::new();
        write_ipv6(&mut s, 0xffff_c000_0201);
        assert_eq!(s, "::ffff:192.0.2.1");
        assert_eq!(ipv4_reverse_pointer(0x7f00_0001), "1.0.0.127.in-addr.arpa");
        assert!(ipv6_reverse_pointer(1).starts_with("1.0.0.0."));
    }
}
