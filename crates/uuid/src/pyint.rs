//! CPython's `int(text, 16)`, which `UUID(hex)` calls after stripping braces, hyphens
//! and the URN prefix: surrounding whitespace, a sign, an optional `0x` prefix,
//! single underscores between digits, and decimal digits of any script (Unicode 14,
//! CPython 3.11's tables).

/// The value of `text` read as CPython's `int(text, 16)`: `Some((negative, magnitude))`,
/// or `None` where Python raises `ValueError` (also for a magnitude past 128 bits,
/// which a 32-character text cannot reach).
pub(crate) fn parse_hex_int(text: &str) -> Option<(bool, u128)> {
    // ASCII whitespace as C's isspace(), other whitespace as str.isspace(): together
    // exactly Unicode's White_Space (U+001C..U+001F are not stripped).
    let t = text.trim_matches(char::is_whitespace);
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    // A 0x prefix may be followed by an underscore: int("0x_f", 16) == 15.
    let (t, underscore_ok_first) = match t.get(..2) {
        Some("0x" | "0X") => (&t[2..], true),
        _ => (t, false),
    };
    let mut value: u128 = 0;
    let mut digits = 0usize;
    let mut after_underscore = false;
    for (i, c) in t.chars().enumerate() {
        if c == '_' {
            if after_underscore || (i == 0 && !underscore_ok_first) {
                return None;
            }
            after_underscore = true;
            continue;
        }
        let d = hex_digit(c)?;
        value = value.checked_mul(16)?.checked_add(u128::from(d))?;
        digits += 1;
        after_underscore = false;
    }
    if digits == 0 || after_underscore {
        return None;
    }
    Some((negative, value))
}

/// First code points of the runs of ten decimal digits (category Nd) in Unicode 14.
const DIGIT_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// A hexadecimal digit as `int(..., 16)` reads it: ASCII letters, decimal digits of
/// any script.
fn hex_digit(c: char) -> Option<u8> {
    if let Some(d) = c.to_digit(16) {
        return Some(d as u8);
    }
    let cp = c as u32;
    let i = DIGIT_ZEROS.partition_point(|&z| z <= cp).checked_sub(1)?;
    let d = cp - DIGIT_ZEROS[i];
    (d < 10).then_some(d as u8)
}

#[cfg(test)]
mod tests {
    use super::parse_hex_int;

    #[test]
    fn reads_like_cpython_int_base_16() {
        // Answers of CPython 3.11's int(s, 16).
        assert_eq!(parse_hex_int("ff"), Some((false, 255)));
        assert_eq!(parse_hex_int(" +0x_F_f\t"), Some((false, 255)));
        assert_eq!(parse_hex_int("-1"), Some((true, 1)));
        assert_eq!(parse_hex_int("\u{661}\u{662}"), Some((false, 0x12)));
        assert_eq!(parse_hex_int("\u{ff11}f"), Some((false, 0x1f)));
        for bad in [
            "", "_1", "1_", "1__2", "0x", "- 1", "g", "0x__1", "\u{b2}", "+-1",
        ] {
            assert_eq!(parse_hex_int(bad), None, "{bad:?}");
        }
    }
}
