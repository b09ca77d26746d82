//! The `str` operations CPython's robotparser uses, where Rust's standard library
//! answers differently: `str.isspace()`/`strip()`, `str.splitlines()`,
//! `str.isdigit()` and `int(s)` (digits of every script, CPython 3.11's Unicode 14).

use crate::Int;
use crate::tables::{DECIMAL_ZEROS, DIGIT_ONLY};

/// CPython's `str.isspace()` for one character: Unicode White_Space plus the
/// information separators U+001C..U+001F.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `s.strip()`.
pub(crate) fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// CPython's default limit on the digits `int()` reads (`sys.get_int_max_str_digits()`).
const MAX_STR_DIGITS: usize = 4300;

/// The value of a decimal digit of any script (`unicodedata.decimal(c)`).
fn decimal_value(c: char) -> Option<u8> {
    let n = u32::from(c);
    if c.is_ascii_digit() {
        return Some(c as u8 - b'0');
    }
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= n);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    // the runs are ten characters long; `n - zero < 10` keeps it in u8
    u8::try_from(n - zero).ok().filter(|d| *d < 10)
}

/// Whether `c` is a digit `str.isdigit()` accepts and `int()` refuses.
fn is_digit_only(c: char) -> bool {
    let n = u32::from(c);
    DIGIT_ONLY
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

/// `s.isdigit()`: not empty, and every character a digit (decimal or not).
pub(crate) fn isdigit(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || decimal_value(c).is_some() || is_digit_only(c))
}

/// `int(s)` for a string whose stripped form passed [`isdigit`]: `None` where CPython
/// raises `ValueError` (a digit that is not decimal, such as `²`, or more than 4300
/// digits).
pub(crate) fn int(s: &str) -> Option<Int> {
    // int() strips Unicode White_Space, which (unlike str.strip()) leaves U+001C..U+001F
    let s = s.trim_matches(char::is_whitespace);
    let mut digits = String::new();
    let mut count = 0usize;
    for c in s.chars() {
        let d = decimal_value(c)?;
        count += 1;
        if count > MAX_STR_DIGITS {
            return None;
        }
        if d != 0 || !digits.is_empty() {
            digits.push(char::from(b'0' + d));
        }
    }
    if count == 0 {
        return None;
    }
    if digits.is_empty() {
        digits.push('0');
    }
    Some(Int::from_canonical(digits))
}

/// `s.splitlines()`: the lines of `s` without their ends. A line ends at `\n`, `\r`,
/// `\r\n`, `\v`, `\f`, `\x1c`, `\x1d`, `\x1e`, `\x85`, `\u2028` or `\u2029`; a final
/// end makes no empty last line.
///
/// ```
/// let lines: Vec<&str> = netstd_robotparser::splitlines("a\r\nb\x0bc\u{2028}\n").collect();
/// assert_eq!(lines, ["a", "b", "c", ""]);
/// ```
pub fn splitlines(s: &str) -> impl Iterator<Item = &str> + '_ {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.find(is_line_break).unwrap_or(rest.len());
        let line = &rest[..end];
        let tail = &rest[end..];
        rest = if let Some(after) = tail.strip_prefix("\r\n") {
            after
        } else {
            let mut chars = tail.chars();
            chars.next();
            chars.as_str()
        };
        Some(line)
    })
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_as_cpython() {
        assert!(isdigit("123"));
        assert!(isdigit("²"));
        assert!(isdigit("٣"));
        assert!(!isdigit(""));
        assert!(!isdigit("1.5"));
        assert_eq!(int(" ٣4 ").unwrap().as_str(), "34");
        assert_eq!(int("0007").unwrap().as_str(), "7");
        assert_eq!(int("000").unwrap().as_str(), "0");
        assert!(int("²").is_none());
        assert!(int("\u{1f}7").is_none() && isdigit(strip("\u{1f}7")));
        assert_eq!(int("\u{85}7\u{3000}").unwrap().as_str(), "7");
        assert!(int(&"1".repeat(4301)).is_none());
        assert!(int(&"1".repeat(4300)).is_some());
        assert_eq!(int("\u{1D7CE}\u{1D7D9}").unwrap().as_str(), "1"); // 0 and 1 of two runs
    }

    #[test]
    fn splitlines_as_cpython() {
        let l: Vec<&str> = splitlines("").collect();
        assert!(l.is_empty());
        let l: Vec<&str> = splitlines("\n").collect();
        assert_eq!(l, [""]);
        let l: Vec<&str> = splitlines("a\r\rb\x1c\u{85}").collect();
        assert_eq!(l, ["a", "", "b", ""]);
        let l: Vec<&str> = splitlines("x\x1fy").collect();
        assert_eq!(l, ["x\x1fy"]);
    }
}
