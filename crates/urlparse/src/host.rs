//! The checks `urlsplit` runs on a netloc, and the netloc's parts as the result
//! types read them: Python's `_check_bracketed_netloc`, `_check_bracketed_host`,
//! `_checknetloc`, `_userinfo`, `_hostinfo` and the `port` conversion. They are
//! public because they are useful on their own: a netloc built by hand can be
//! checked the way `urlsplit` checks one it parses.
//!
//! ```
//! use netstd_urlparse::host::{check_bracketed_netloc, checknetloc};
//! let netloc = "user@[2001:db8::1]:8443";
//! assert!(check_bracketed_netloc(netloc).is_ok() && checknetloc(netloc).is_ok());
//! ```

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use crate::Error;

/// CVE-2025-0938: brackets are allowed only around the whole host.
pub(crate) const CVE_BRACKETS_IN_DOMAIN: &str = "CVE-2025-0938";
/// CVE-2024-11168: bracketed hosts must be IPv6 or IPvFuture.
pub(crate) const CVE_BRACKETED_HOST: &str = "CVE-2024-11168";
/// CVE-2019-9636 (and its follow-up CVE-2019-10160): NFKC normalisation must not
/// introduce a delimiter into the netloc.
pub(crate) const CVE_NFKC_NETLOC: &str = "CVE-2019-9636";

/// Python's `_check_bracketed_host(hostname)`: the text between the brackets of a
/// netloc must be an IPv6 address (a scope id allowed, as `ipaddress` reads it) or
/// an IPvFuture (`v` hex digits `.` something). CVE-2024-11168.
///
/// ```
/// use netstd_urlparse::host::check_bracketed_host;
/// assert!(check_bracketed_host("::1").is_ok());
/// assert!(check_bracketed_host("fe80::1%eth0").is_ok());
/// assert!(check_bracketed_host("v1.fe80::a+en1").is_ok());
/// assert!(check_bracketed_host("127.0.0.1").is_err()); // IPv4 cannot be in brackets
/// assert!(check_bracketed_host("example.com").is_err());
/// ```
pub fn check_bracketed_host(hostname: &str) -> Result<(), Error> {
    check_bracketed_host_bytes(hostname.as_bytes())
}

fn check_bracketed_host_bytes(hostname: &[u8]) -> Result<(), Error> {
    if let Some(rest) = hostname.strip_prefix(b"v") {
        // re.match(r"\Av[a-fA-F0-9]+\..+\Z", hostname): '.' does not match '\n'
        let hex = rest.iter().take_while(|b| b.is_ascii_hexdigit()).count();
        let ok = hex > 0
            && rest.get(hex) == Some(&b'.')
            && rest.len() > hex + 1
            && !rest[hex + 1..].contains(&b'\n');
        if !ok {
            return Err(Error::value_cve(
                "IPvFuture address is invalid",
                CVE_BRACKETED_HOST,
            ));
        }
        return Ok(());
    }
    if is_ipv4(hostname) {
        return Err(Error::value_cve(
            "An IPv4 address cannot be in brackets",
            CVE_BRACKETED_HOST,
        ));
    }
    if !is_ipv6(hostname) {
        return Err(Error::value_cve(
            {
                let mut m = String::new();
                crate::pystr::repr_str(&mut m, &String::from_utf8_lossy(hostname));
                m.push_str(" does not appear to be an IPv4 or IPv6 address");
                m
            },
            CVE_BRACKETED_HOST,
        ));
    }
    Ok(())
}

/// Python's `_check_bracketed_netloc(netloc)` (CPython 3.12.9, 3.13.2 and later,
/// CVE-2025-0938): after the last `@`, a bracket may only open the host and close
/// it before the port's `:`, and the host inside must pass [`check_bracketed_host`].
/// `urlsplit` runs it on every netloc that holds both brackets.
///
/// ```
/// use netstd_urlparse::host::check_bracketed_netloc;
/// assert!(check_bracketed_netloc("user@[::1]:80").is_ok());
/// assert!(check_bracketed_netloc("a[::1]").is_err()); // text before the bracket
/// assert!(check_bracketed_netloc("[::1]b").is_err()); // text after it
/// assert!(check_bracketed_netloc("[::1]@example.com").is_err()); // host not bracketed
/// ```
pub fn check_bracketed_netloc(netloc: &str) -> Result<(), Error> {
    check_bracketed_netloc_bytes(netloc.as_bytes())
}

pub(crate) fn check_bracketed_netloc_bytes(netloc: &[u8]) -> Result<(), Error> {
    let invalid = || Error::value_cve("Invalid IPv6 URL", CVE_BRACKETS_IN_DOMAIN);
    let host_port = after_last(netloc, b'@');
    let hostname = match memchr::memchr(b'[', host_port) {
        Some(open) => {
            if open > 0 {
                return Err(invalid());
            }
            let bracketed = &host_port[1..];
            let (hostname, port) = match memchr::memchr(b']', bracketed) {
                Some(close) => (&bracketed[..close], &bracketed[close + 1..]),
                None => (bracketed, &b""[..]),
            };
            if !port.is_empty() && port[0] != b':' {
                return Err(invalid());
            }
            hostname
        }
        None => before_first(host_port, b':'),
    };
    check_bracketed_host_bytes(hostname).map_err(|e| match e {
        // the host is checked because of this CVE's rule, when it is not the
        // bracketed part (`[::1]@host`)
        Error::ValueError { message, .. } if !host_port.starts_with(b"[") => Error::ValueError {
            message,
            cve: Some(CVE_BRACKETS_IN_DOMAIN),
        },
        e => e,
    })
}

/// Python's `_checknetloc(netloc)` (CVE-2019-9636, CVE-2019-10160): a non-ASCII
/// netloc whose NFKC normalisation (as IDNA would apply it) turns a character into
/// one of `/ ? # @ :` is refused, since it would change how the URL splits.
///
/// ```
/// use netstd_urlparse::host::checknetloc;
/// assert!(checknetloc("bücher.de").is_ok());
/// assert!(checknetloc("evil.com\u{2100}.example").is_err()); // ℀ is "a/c" under NFKC
/// ```
pub fn checknetloc(netloc: &str) -> Result<(), Error> {
    if netloc.is_ascii() {
        return Ok(());
    }
    // `n = netloc` without '@', ':', '#' and '?'; read lazily, without a copy
    let n = || {
        netloc
            .chars()
            .filter(|c| !matches!(c, '@' | ':' | '#' | '?'))
    };
    if is_nfkc_quick(n()) == IsNormalized::Yes || n().nfkc().eq(n()) {
        return Ok(());
    }
    let introduced = n().nfkc().any(|c| matches!(c, '/' | '?' | '#' | '@' | ':'));
    if introduced {
        return Err(Error::value_cve(
            format!("netloc '{netloc}' contains invalid characters under NFKC normalization"),
            CVE_NFKC_NETLOC,
        ));
    }
    Ok(())
}

/// `ipaddress.IPv4Address(text)` succeeds: four decimal octets, no leading zeros.
fn is_ipv4(text: &[u8]) -> bool {
    let mut n = 0;
    for octet in text.split(|&b| b == b'.') {
        n += 1;
        let ok = !octet.is_empty()
            && octet.len() <= 3
            && octet.iter().all(u8::is_ascii_digit)
            && (octet == b"0" || octet[0] != b'0')
            && octet.iter().fold(0u32, |v, d| v * 10 + u32::from(d - b'0')) <= 255;
        if !ok || n > 4 {
            return false;
        }
    }
    n == 4
}

/// `ipaddress.IPv6Address(text)` succeeds, a `%scope` suffix included, exactly as
/// CPython 3.11 parses it.
fn is_ipv6(text: &[u8]) -> bool {
    if text.contains(&b'/') {
        return false;
    }
    let addr = match memchr::memchr(b'%', text) {
        Some(i) => {
            let scope = &text[i + 1..];
            if scope.is_empty() || scope.contains(&b'%') {
                return false;
            }
            &text[..i]
        }
        None => text,
    };
    if addr.is_empty() {
        return false;
    }
    // at most 9 parts can be valid (8 colons); more fail the check below anyway
    let mut store: [&[u8]; 10] = [&[]; 10];
    let mut len = 0;
    for part in addr.split(|&b| b == b':') {
        if len == store.len() {
            return false;
        }
        store[len] = part;
        len += 1;
    }
    if len < 3 {
        return false;
    }
    let mut parts = &store[..len];
    let mut v4_tail = 0;
    if parts[len - 1].contains(&b'.') {
        if !is_ipv4(parts[len - 1]) {
            return false;
        }
        parts = &parts[..len - 1];
        v4_tail = 2; // two hextets
    }
    let count = parts.len() + v4_tail;
    if count > 9 {
        return false;
    }
    // indices refer to the list with the IPv4 tail expanded, whose last items are
    // never empty, so only `parts` can hold empty items
    let last = count - 1;
    let empty = |i: usize| i < parts.len() && parts[i].is_empty();
    let mut skip = None;
    for i in 1..last {
        if empty(i) {
            if skip.is_some() {
                return false;
            }
            skip = Some(i);
        }
    }
    let (hi, lo) = match skip {
        Some(s) => {
            let mut hi = s;
            let mut lo = count - s - 1;
            if empty(0) {
                hi -= 1;
                if hi > 0 {
                    return false;
                }
            }
            if empty(last) {
                lo -= 1;
                if lo > 0 {
                    return false;
                }
            }
            if hi + lo >= 8 {
                return false;
            }
            (hi, lo)
        }
        None => {
            if count != 8 || empty(0) || empty(last) {
                return false;
            }
            (count, 0)
        }
    };
    let hextet = |p: &[u8]| !p.is_empty() && p.len() <= 4 && p.iter().all(u8::is_ascii_hexdigit);
    let check = |i: usize| i >= parts.len() || hextet(parts[i]);
    (0..hi).all(check) && (count - lo..count).all(check)
}

/// The part after the last `sep` (all of it when there is none): `rpartition(sep)[2]`.
pub(crate) fn after_last(s: &[u8], sep: u8) -> &[u8] {
    match memchr::memrchr(sep, s) {
        Some(i) => &s[i + 1..],
        None => s,
    }
}

/// The part before the first `sep` (all of it when there is none): `partition(sep)[0]`.
fn before_first(s: &[u8], sep: u8) -> &[u8] {
    match memchr::memchr(sep, s) {
        Some(i) => &s[..i],
        None => s,
    }
}

/// `_userinfo`: (username, password) of a netloc; `None` where Python has `None`.
pub(crate) fn userinfo(netloc: &[u8]) -> (Option<&[u8]>, Option<&[u8]>) {
    match memchr::memrchr(b'@', netloc) {
        Some(at) => {
            let info = &netloc[..at];
            match memchr::memchr(b':', info) {
                Some(c) => (Some(&info[..c]), Some(&info[c + 1..])),
                None => (Some(info), None),
            }
        }
        None => (None, None),
    }
}

/// `_hostinfo`: (hostname, port) of a netloc, the port `None` when empty.
pub(crate) fn hostinfo(netloc: &[u8]) -> (&[u8], Option<&[u8]>) {
    let hostinfo = after_last(netloc, b'@');
    let (hostname, port) = match memchr::memchr(b'[', hostinfo) {
        Some(open) => {
            let bracketed = &hostinfo[open + 1..];
            match memchr::memchr(b']', bracketed) {
                Some(close) => {
                    let rest = &bracketed[close + 1..];
                    let port = match memchr::memchr(b':', rest) {
                        Some(c) => &rest[c + 1..],
                        None => &b""[..],
                    };
                    (&bracketed[..close], port)
                }
                None => (bracketed, &b""[..]),
            }
        }
        None => match memchr::memchr(b':', hostinfo) {
            Some(c) => (&hostinfo[..c], &hostinfo[c + 1..]),
            None => (hostinfo, &b""[..]),
        },
    };
    (hostname, (!port.is_empty()).then_some(port))
}

/// The `port` property's conversion: ASCII digits only, then 0 to 65535.
pub(crate) fn port_number(port: &[u8]) -> Result<u16, Error> {
    if port.is_empty() || !port.iter().all(u8::is_ascii_digit) {
        let mut m = String::from("Port could not be cast to integer value as ");
        crate::pystr::repr_str(&mut m, &String::from_utf8_lossy(port));
        return Err(Error::value(m));
    }
    let digits = &port[port.iter().take_while(|&&b| b == b'0').count()..];
    let mut n: u32 = 0;
    for &d in digits {
        n = n * 10 + u32::from(d - b'0');
        if n > 65535 {
            return Err(Error::value("Port out of range 0-65535"));
        }
    }
    u16::try_from(n).map_err(|_| Error::value("Port out of range 0-65535"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_as_ipaddress() {
        for ok in [
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7:8",
            "1::8",
            "::2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::",
            "::ffff:1.2.3.4",
            "1:2:3:4:5:6:1.2.3.4",
            "fe80::1%eth0",
            "fe80::1%25eth0",
            "::%x",
            "ABCD::ef",
            "1:2:3:4:5::1.2.3.4",
            "::1.2.3.4",
        ] {
            assert!(is_ipv6(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "",
            ":",
            ":::",
            "1:2",
            "1:2:3:4:5:6:7:8:9",
            "1::2::3",
            ":1::",
            "1::2:",
            "12345::",
            "::g",
            "1:2:3:4:5:6:7:1.2.3.4",
            "::1.2.3",
            "::1.2.3.04",
            "::1%",
            "::1%a%b",
            "1:2:3:4:5:6:7",
            "::1.2.3.4:5",
            "1:2:3:4:5:6:7:8::",
            "::1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6::1.2.3.4",
            "::١",
            " ::1",
            "::/1",
        ] {
            assert!(!is_ipv6(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn hostinfo_as_python() {
        assert_eq!(hostinfo(b"u:p@[::1]:80"), (&b"::1"[..], Some(&b"80"[..])));
        assert_eq!(hostinfo(b"h:"), (&b"h"[..], None));
        assert_eq!(hostinfo(b"[::1]x:9"), (&b"::1"[..], Some(&b"9"[..])));
        assert_eq!(hostinfo(b"a@b@c"), (&b"c"[..], None));
        assert_eq!(userinfo(b"a:b:c@d"), (Some(&b"a"[..]), Some(&b"b:c"[..])));
        assert_eq!(userinfo(b"@d"), (Some(&b""[..]), None));
        assert_eq!(port_number(b"0080"), Ok(80));
        assert!(port_number(b"65536").is_err());
        assert!(port_number(b"-1").is_err());
        assert!(port_number(&[b'9'; 5000]).is_err());
    }
}
