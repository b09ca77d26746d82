//! CPython 3.11's text operations that Rust's standard library answers differently:
//! `str.lower()` (Unicode 14, where Rust's tables are newer), `str.isspace()`,
//! `repr()` of `str` and `bytes` (printable per Unicode 14), and `repr()` of floats.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::tables::{LOWERED, NON_PRINTABLE};

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let n = u32::from(c);
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < n {
                std::cmp::Ordering::Less
            } else if lo > n {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// CPython's `str.lower()`: Rust's full lower-casing (final sigma included), except
/// for the characters CPython 3.11's Unicode 14 does not lower yet.
pub(crate) fn lower(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Owned(s.to_ascii_lowercase());
        }
        return Cow::Borrowed(s);
    }
    if !s.chars().any(|c| in_ranges(&LOWERED, c)) {
        return Cow::Borrowed(s);
    }
    // characters Rust lowers and CPython 3.11 does not
    let newer = |c: char| {
        let mut l = c.to_lowercase();
        let unchanged = l.next() == Some(c) && l.next().is_none();
        !in_ranges(&LOWERED, c) && !unchanged
    };
    if !s.chars().any(newer) {
        return Cow::Owned(s.to_lowercase());
    }
    // lower the runs between the characters that CPython leaves alone
    let mut out = String::with_capacity(s.len());
    for piece in s.split_inclusive(newer) {
        let mut chars = piece.chars();
        match chars.next_back() {
            Some(last) if newer(last) => {
                out.push_str(&chars.as_str().to_lowercase());
                out.push(last);
            }
            _ => out.push_str(&piece.to_lowercase()),
        }
    }
    Cow::Owned(out)
}

/// CPython's `str.isspace()` for one character: Unicode White_Space plus the
/// information separators U+001C..U+001F.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// CPython's `str.isprintable()` for one character.
fn is_printable(c: char) -> bool {
    !in_ranges(&NON_PRINTABLE, c)
}

/// `repr(s)` for a `str`.
pub(crate) fn repr_str(out: &mut String, s: &str) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii() && (c < ' ' || c == '\x7f') => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c if c.is_ascii() || is_printable(c) => out.push(c),
            c => {
                let n = u32::from(c);
                let _ = match n {
                    0..=0xff => write!(out, "\\x{n:02x}"),
                    0x100..=0xffff => write!(out, "\\u{n:04x}"),
                    _ => write!(out, "\\U{n:08x}"),
                };
            }
        }
    }
    out.push(quote);
}

/// `repr(b)` (also `str(b)`) for `bytes`.
pub(crate) fn repr_bytes(out: &mut String, b: &[u8]) {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    out.push('b');
    out.push(char::from(quote));
    for &x in b {
        match x {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            x if x == quote => {
                out.push('\\');
                out.push(char::from(x));
            }
            0x20..=0x7e => out.push(char::from(x)),
            x => {
                let _ = write!(out, "\\x{x:02x}");
            }
        }
    }
    out.push(char::from(quote));
}

/// `repr(f)` (also `str(f)`) for a `float`: the shortest digits that read back,
/// positional from 1e-4 up to 1e16, scientific outside.
pub(crate) fn repr_float(out: &mut String, f: f64) {
    if f.is_nan() {
        out.push_str("nan");
        return;
    }
    if f.is_infinite() {
        out.push_str(if f > 0.0 { "inf" } else { "-inf" });
        return;
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "-1.2345e-7"
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    out.push_str(sign);
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        if exp < 0 {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        } else if n > exp + 1 {
            let point = (exp + 1) as usize;
            out.push_str(&digits[..point]);
            out.push('.');
            out.push_str(&digits[point..]);
        } else {
            out.push_str(&digits);
            for _ in 0..(exp + 1 - n) {
                out.push('0');
            }
            out.push_str(".0");
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(
            out,
            "e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.unsigned_abs()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn float(f: f64) -> String {
        let mut s = String::new();
        repr_float(&mut s, f);
        s
    }

    #[test]
    fn floats_as_python() {
        for (f, want) in [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (1.5, "1.5"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789.125, "123456789.125"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (f64::INFINITY, "inf"),
            (f64::NAN, "nan"),
            (-2.5e20, "-2.5e+20"),
        ] {
            assert_eq!(float(f), want, "{f:e}");
        }
    }

    #[test]
    fn reprs_as_python() {
        let r = |s: &str| {
            let mut o = String::new();
            repr_str(&mut o, s);
            o
        };
        assert_eq!(r("a'b"), "\"a'b\"");
        assert_eq!(r("a'\"b"), "'a\\'\"b'");
        assert_eq!(
            r("\t\0é\u{a0}\u{200b}😀\u{10ffff}"),
            "'\\t\\x00é\\xa0\\u200b😀\\U0010ffff'"
        );
        let mut o = String::new();
        repr_bytes(&mut o, b"a'\x00\xff\\");
        assert_eq!(o, "b\"a'\\x00\\xff\\\\\"");
    }

    #[test]
    fn lower_as_python_3_11() {
        assert_eq!(lower("ABC"), "abc");
        assert_eq!(lower("ÀΣΑΣ"), "àσας");
        assert_eq!(lower("İ"), "i\u{307}");
        // U+A7CB (Unicode 16) has no lower case in CPython 3.11
        assert_eq!(lower("A\u{a7cb}B"), "a\u{a7cb}b");
    }
}
