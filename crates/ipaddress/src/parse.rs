//! Text to integers, exactly as CPython's `ipaddress` accepts it: strict dotted
//! decimal for IPv4 (no leading zeros: CVE-2021-29921), RFC 4291 text for IPv6 with an
//! optional dotted-quad tail and a `%scope` zone, and the prefix/netmask/hostmask
//! forms after the `/`. The work is a single pass over the bytes; errors carry
//! CPython's messages.

use crate::Error;

/// `_BaseV4._ip_int_from_string`.
pub(crate) fn ipv4(text: &str) -> Result<u32, Error> {
    match ipv4_fast(text.as_bytes()) {
        Some(v) => Ok(v),
        None => ipv4_exact(text),
    }
}

/// CPython's algorithm step by step, with its error messages.
fn ipv4_exact(text: &str) -> Result<u32, Error> {
    if text.is_empty() {
        return Err(Error::address("Address cannot be empty"));
    }
    if text.split('.').count() != 4 {
        return Err(Error::address(format!(
            "Expected 4 octets in {}",
            py_repr(text)
        )));
    }
    let mut value: u32 = 0;
    for octet in text.split('.') {
        let o = octet_value(octet)
            .map_err(|msg| Error::address(format!("{msg} in {}", py_repr(text))))?;
        value = (value << 8) | u32::from(o);
    }
    Ok(value)
}

/// Python's `repr()` of a string, for error messages.
pub(crate) fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The common case in one pass: four octets of one to three digits, no leading
/// zero, each at most 255. `None` sends anything else to the exact parser, which
/// also words the error.
fn ipv4_fast(b: &[u8]) -> Option<u32> {
    let (mut value, mut octet, mut digits, mut dots, mut leading_zero) = (0u32, 0u32, 0, 0, false);
    for &c in b {
        match c {
            b'0'..=b'9' => {
                if digits == 0 {
                    leading_zero = c == b'0';
                } else if leading_zero {
                    return None;
                }
                octet = octet * 10 + u32::from(c - b'0');
                digits += 1;
                if digits > 3 || octet > 255 {
                    return None;
                }
            }
            b'.' if digits > 0 && dots < 3 => {
                value = (value << 8) | octet;
                (octet, digits, dots) = (0, 0, dots + 1);
            }
            _ => return None,
        }
    }
    (digits > 0 && dots == 3).then_some((value << 8) | octet)
}

/// `_parse_octet`.
fn octet_value(octet: &str) -> Result<u8, String> {
    let b = octet.as_bytes();
    if b.is_empty() {
        return Err("Empty octet not permitted".into());
    }
    if !b.iter().all(u8::is_ascii_digit) {
        return Err(format!(
            "Only decimal digits permitted in {}",
            py_repr(octet)
        ));
    }
    if b.len() > 3 {
        return Err(format!(
            "At most 3 characters permitted in {}",
            py_repr(octet)
        ));
    }
    if b.len() > 1 && b[0] == b'0' {
        return Err(format!(
            "Leading zeros are not permitted in {}",
            py_repr(octet)
        ));
    }
    let v = b.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
    u8::try_from(v).map_err(|_| format!("Octet {v} (> 255) not permitted"))
}

/// The common case in one pass: hextets of one to four hex digits, at most one
/// `::`. `None` sends anything else (a dotted tail, a zone, an error) to the exact
/// parser.
fn ipv6_fast(b: &[u8]) -> Option<u128> {
    let n = b.len();
    let (mut head, mut tail) = ([0u16; 8], [0u16; 8]);
    let (mut nh, mut nt, mut gap) = (0usize, 0usize, false);
    let mut i = 0;
    if b.starts_with(b"::") {
        gap = true;
        i = 2;
        if n == 2 {
            return Some(0);
        }
    }
    loop {
        let start = i;
        let mut v: u16 = 0;
        while i < n && i - start < 5 {
            let d = match b[i] {
                c @ b'0'..=b'9' => c - b'0',
                c @ b'a'..=b'f' => c - b'a' + 10,
                c @ b'A'..=b'F' => c - b'A' + 10,
                _ => break,
            };
            v = (v << 4) | u16::from(d);
            i += 1;
        }
        if i == start || i - start > 4 || nh + nt == 8 {
            return None;
        }
        if gap {
            tail[nt] = v;
            nt += 1;
        } else {
            head[nh] = v;
            nh += 1;
        }
        if i == n {
            break;
        }
        if b[i] != b':' {
            return None;
        }
        i += 1;
        if i < n && b[i] == b':' {
            if gap {
                return None;
            }
            gap = true;
            i += 1;
            if i == n {
                break;
            }
        } else if i == n {
            return None;
        }
    }
    if (gap && nh + nt > 7) || (!gap && nh != 8) {
        return None;
    }
    let mut value: u128 = 0;
    for &h in &head[..nh] {
        value = (value << 16) | u128::from(h);
    }
    let skipped = 8 - nh - nt;
    value = if skipped == 8 {
        0
    } else {
        value << (16 * skipped)
    };
    for &h in &tail[..nt] {
        value = (value << 16) | u128::from(h);
    }
    Some(value)
}

/// `_BaseV6._ip_int_from_string` (the zone already split off).
pub(crate) fn ipv6(text: &str) -> Result<u128, Error> {
    match ipv6_fast(text.as_bytes()) {
        Some(v) => Ok(v),
        None => ipv6_exact(text),
    }
}

/// CPython's algorithm step by step, with its error messages.
fn ipv6_exact(text: &str) -> Result<u128, Error> {
    let err = |msg: String| Error::address(msg);
    if text.is_empty() {
        return Err(err("Address cannot be empty".into()));
    }
    // At most 8 hextets plus one extra empty part for a leading or trailing '::';
    // a dotted-quad tail counts as two. More parts than that is an error anyway.
    const MAX_PARTS: usize = 9;
    let mut parts: [&str; MAX_PARTS + 1] = [""; MAX_PARTS + 1];
    let mut n = 0;
    for part in text.split(':') {
        if n == MAX_PARTS + 1 {
            return Err(err(format!(
                "At most {} colons permitted in {}",
                py_repr(text),
                MAX_PARTS - 1
            )));
        }
        parts[n] = part;
        n += 1;
    }
    if n < 3 {
        return Err(err(format!(
            "At least 3 parts expected in {}",
            py_repr(text)
        )));
    }
    // A dotted-quad tail becomes two hextets.
    let mut tail: Option<u32> = None;
    if parts[n - 1].contains('.') {
        tail = Some(
            ipv4(parts[n - 1]).map_err(|e| err(format!("{} in {}", py_repr(text), e.message())))?,
        );
        n += 1;
    }
    if n > MAX_PARTS {
        return Err(err(format!(
            "At most {} colons permitted in {}",
            py_repr(text),
            MAX_PARTS - 1
        )));
    }
    // The hextet strings, with the tail's two values standing in for its text.
    let hextet = |i: usize| -> Result<u16, Error> {
        match tail {
            Some(v4) if i == n - 2 => Ok((v4 >> 16) as u16),
            Some(v4) if i == n - 1 => Ok(v4 as u16),
            _ => hextet_value(parts[i]).map_err(|m| err(format!("{m} in {}", py_repr(text)))),
        }
    };
    let is_empty = |i: usize| tail.is_none_or(|_| i < n - 2) && parts[i].is_empty();
    let mut skip_index = None;
    for i in 1..n - 1 {
        if is_empty(i) {
            if skip_index.is_some() {
                return Err(err(format!(
                    "At most one '::' permitted in {}",
                    py_repr(text)
                )));
            }
            skip_index = Some(i);
        }
    }
    let (parts_hi, parts_lo, skipped) = if let Some(skip) = skip_index {
        let mut hi = skip;
        let mut lo = n - skip - 1;
        if is_empty(0) {
            hi -= 1;
            if hi > 0 {
                return Err(err(format!(
                    "Leading ':' only permitted as part of '::' in {}",
                    py_repr(text)
                )));
            }
        }
        if is_empty(n - 1) {
            lo -= 1;
            if lo > 0 {
                return Err(err(format!(
                    "Trailing ':' only permitted as part of '::' in {}",
                    py_repr(text)
                )));
            }
        }
        if hi + lo >= 8 {
            return Err(err(format!(
                "Expected at most 7 other parts with '::' in {}",
                py_repr(text)
            )));
        }
        (hi, lo, 8 - (hi + lo))
    } else {
        if n != 8 {
            return Err(err(format!(
                "Exactly 8 parts expected without '::' in {}",
                py_repr(text)
            )));
        }
        if is_empty(0) {
            return Err(err(format!(
                "Leading ':' only permitted as part of '::' in {}",
                py_repr(text)
            )));
        }
        if is_empty(n - 1) {
            return Err(err(format!(
                "Trailing ':' only permitted as part of '::' in {}",
                py_repr(text)
            )));
        }
        (n, 0, 0)
    };
    let mut value: u128 = 0;
    for i in 0..parts_hi {
        value = (value << 16) | u128::from(hextet(i)?);
    }
    value = if skipped >= 8 {
        0
    } else {
        value << (16 * skipped)
    };
    for i in n - parts_lo..n {
        value = (value << 16) | u128::from(hextet(i)?);
    }
    Ok(value)
}

/// `_parse_hextet`.
fn hextet_value(h: &str) -> Result<u16, String> {
    let b = h.as_bytes();
    if !b.iter().all(u8::is_ascii_hexdigit) {
        return Err(format!("Only hex digits permitted in {}", py_repr(h)));
    }
    if b.len() > 4 {
        return Err(format!("At most 4 characters permitted in {}", py_repr(h)));
    }
    if b.is_empty() {
        return Err("invalid literal for int() with base 16: ''".into());
    }
    Ok(b.iter().fold(0u16, |acc, &d| {
        (acc << 4) | (d as char).to_digit(16).unwrap_or(0) as u16
    }))
}

/// `_split_scope_id` plus the `/` check of `IPv6Address.__init__`.
pub(crate) fn ipv6_with_scope(text: &str) -> Result<(u128, Option<Box<str>>), Error> {
    if let Some(v) = ipv6_fast(text.as_bytes()) {
        return Ok((v, None));
    }
    if text.contains('/') {
        return Err(Error::address(format!(
            "Unexpected '/' in {}",
            py_repr(text)
        )));
    }
    let (addr, scope) = match text.split_once('%') {
        None => (text, None),
        Some((_, s)) if s.is_empty() || s.contains('%') => {
            return Err(Error::address(format!(
                "Invalid IPv6 address: \"{}\"",
                py_repr(text)
            )));
        }
        Some((a, s)) => (a, Some(Box::from(s))),
    };
    Ok((ipv6(addr)?, scope))
}

/// `IPv4Address.__init__` for a string.
pub(crate) fn ipv4_address(text: &str) -> Result<u32, Error> {
    if let Some(v) = ipv4_fast(text.as_bytes()) {
        return Ok(v);
    }
    if text.contains('/') {
        return Err(Error::address(format!(
            "Unexpected '/' in {}",
            py_repr(text)
        )));
    }
    ipv4(text)
}

/// `_split_addr_prefix` for a string: the address part and the mask part, if any.
pub(crate) fn split_prefix(text: &str) -> Result<(&str, Option<&str>), Error> {
    let mut it = text.splitn(3, '/');
    let addr = it.next().unwrap_or("");
    let mask = it.next();
    if it.next().is_some() {
        return Err(Error::address(format!(
            "Only one '/' permitted in {}",
            py_repr(text)
        )));
    }
    Ok((addr, mask))
}

/// `_prefix_from_prefix_string`: ASCII digits, 0 to `max`.
pub(crate) fn prefix_string(mask: &str, max: u8) -> Result<u8, Error> {
    let b = mask.as_bytes();
    // CPython's int() refuses more than 4300 digits (CVE-2020-10735).
    if b.is_empty() || b.len() > 4300 || !b.iter().all(u8::is_ascii_digit) {
        return Err(invalid_netmask(mask));
    }
    let mut v: u32 = 0;
    for d in b {
        v = v * 10 + u32::from(d - b'0');
        if v > u32::from(max) {
            return Err(invalid_netmask(mask));
        }
    }
    Ok(v as u8)
}

/// `_BaseV4._make_netmask` for a string: a prefix length, else a dotted netmask,
/// else a dotted hostmask.
pub(crate) fn ipv4_netmask(mask: &str) -> Result<u8, Error> {
    if let Ok(p) = prefix_string(mask, 32) {
        return Ok(p);
    }
    let ip = ipv4(mask).map_err(|_| invalid_netmask(mask))?;
    crate::bits::prefix_from_mask(ip)
        .or_else(|| crate::bits::prefix_from_mask(!ip))
        .ok_or_else(|| invalid_netmask(mask))
}

fn invalid_netmask(mask: &str) -> Error {
    Error::NetmaskValueError(format!("{} is not a valid netmask", py_repr(mask)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_like_cpython() {
        assert_eq!(ipv4("192.0.2.1").unwrap(), 0xc000_0201);
        assert_eq!(ipv4("0.0.0.0").unwrap(), 0);
        for bad in [
            "",
            "1.2.3",
            "1.2.3.4.5",
            "01.2.3.4",
            "1.2.3.256",
            "1.2.3.+4",
            "1.2..4",
            "1.2.3.4 ",
            "١.2.3.4",
            "0000.1.1.1",
        ] {
            assert!(ipv4(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ipv6_like_cpython() {
        let ok = [
            ("::", 0u128),
            ("::1", 1),
            ("1::", 1 << 112),
            ("1:2:3:4:5:6:7:8", 0x0001_0002_0003_0004_0005_0006_0007_0008),
            ("::ffff:1.2.3.4", 0xffff_0102_0304),
            (
                "1:2:3:4:5:6:1.2.3.4",
                0x0001_0002_0003_0004_0005_0006_0102_0304,
            ),
            ("1::8", (1 << 112) | 8),
            ("::2:3:4:5:6:7:8", 0x0000_0002_0003_0004_0005_0006_0007_0008),
            ("1:2:3:4:5:6:7::", 0x0001_0002_0003_0004_0005_0006_0007_0000),
        ];
        for (text, want) in ok {
            assert_eq!(ipv6(text).unwrap(), want, "{text}");
        }
        for bad in [
            "",
            ":",
            "::1::",
            "1:2:3:4:5:6:7:8:9",
            "1::2::3",
            ":1::",
            "1:2:3:4:5:6:7:8::",
            "::1:2:3:4:5:6:7:8",
            "12345::",
            "g::",
            "1:2:3:4:5:6:7",
            ":1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8:",
            "::1.2.3",
            "::1.2.3.04",
            "1:2:3:4:5:6:7:1.2.3.4",
            "1.2.3.4",
            ":::",
            "1:::2",
        ] {
            assert!(ipv6(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn fast_paths_agree_with_the_exact_parsers() {
        // Every string over a small alphabet up to length 7: the fast path either
        // declines or answers as the exact parser does.
        let alphabet = [b'0', b'1', b'f', b':', b'.', b'2', b'5'];
        let mut stack = vec![Vec::new()];
        while let Some(s) = stack.pop() {
            let text = std::str::from_utf8(&s).unwrap();
            if let Some(v) = ipv4_fast(&s) {
                assert_eq!(Some(v), ipv4_exact(text).ok(), "{text}");
            }
            if let Some(v) = ipv6_fast(&s) {
                assert_eq!(Some(v), ipv6_exact(text).ok(), "{text}");
            }
            if s.len() < 7 {
                for &c in &alphabet {
                    let mut t = s.clone();
                    t.push(c);
                    stack.push(t);
                }
            }
        }
        assert_eq!(
            ipv6_fast(b"1:2:3:4:5:6:7:8"),
            ipv6_exact("1:2:3:4:5:6:7:8").ok()
        );
        assert_eq!(ipv6_fast(b"::ffff:1.2.3.4"), None);
        // And where the fast path declines, valid text still parses exactly.
        assert!(ipv6_exact("::ffff:1.2.3.4").is_ok());
    }

    #[test]
    fn masks_like_cpython() {
        assert_eq!(ipv4_netmask("24").unwrap(), 24);
        assert_eq!(ipv4_netmask("024").unwrap(), 24);
        assert_eq!(ipv4_netmask("255.255.255.0").unwrap(), 24);
        assert_eq!(ipv4_netmask("0.0.0.255").unwrap(), 24);
        assert_eq!(ipv4_netmask("0.0.0.0").unwrap(), 0);
        assert!(ipv4_netmask("33").is_err());
        assert!(ipv4_netmask("255.0.255.0").is_err());
        assert!(ipv4_netmask("").is_err());
        assert!(prefix_string("129", 128).is_err());
        assert_eq!(prefix_string("000000000000128", 128).unwrap(), 128);
        assert!(prefix_string("99999999999999999999999999", 128).is_err());
    }
}
