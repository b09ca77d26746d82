//! CPython's `_quote`, `_unquote`, `_is_legal_key` and the control-character check.

use std::borrow::Cow;

/// `_LegalChars`: the characters a key (and an unquoted value) may hold.
fn is_legal_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~:".contains(c)
}

/// `_UnescapedChars`: the characters `_quote` copies as they are.
fn is_unescaped_char(c: char) -> bool {
    is_legal_char(c) || " ()/<=>?@[]{}".contains(c)
}

/// `_is_legal_key(s)`: one or more `_LegalChars`.
pub(crate) fn is_legal_key(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~:".contains(&b))
}

/// `_has_control_character`: a C0 control character or DEL (CPython gh-143919).
pub(crate) fn has_control_character(s: &str) -> bool {
    s.bytes().any(|b| b < 0x20 || b == 0x7f)
}

/// `http.cookies._quote(s)`: `s` itself when it is a legal key, else `s` in double
/// quotes with `"` and `\` escaped by a backslash and every other character below
/// U+0100 outside `_UnescapedChars` written as a backslash and three octal digits.
///
/// ```
/// assert_eq!(netstd_cookies::_quote("abc"), "abc");
/// assert_eq!(netstd_cookies::_quote("a b;\"\n"), r#""a b\073\"\012""#);
/// ```
pub fn _quote(s: &str) -> String {
    quote_cow(s).into_owned()
}

/// `_quote` without a copy when nothing changes.
pub(crate) fn quote_cow(s: &str) -> Cow<'_, str> {
    if is_legal_key(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 256 && !is_unescaped_char(c) => {
                let n = c as u32;
                out.push('\\');
                out.push(char::from(b'0' + (n >> 6) as u8));
                out.push(char::from(b'0' + ((n >> 3) & 7) as u8));
                out.push(char::from(b'0' + (n & 7) as u8));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    Cow::Owned(out)
}

/// `http.cookies._unquote(s)`: a value in double quotes loses them, and inside,
/// `\ooo` (first digit 0-3) becomes that character and a backslash before any other
/// character but a newline is dropped. Anything else is returned as it is.
///
/// One pass over the text: the quadratic search of CVE-2024-7592 cannot happen.
///
/// ```
/// assert_eq!(netstd_cookies::_unquote(r#""a\"b\012""#), "a\"b\n");
/// assert_eq!(netstd_cookies::_unquote("plain"), "plain");
/// ```
pub fn _unquote(s: &str) -> String {
    unquote_cow(s).into_owned()
}

/// `_unquote` without a copy when nothing changes.
pub(crate) fn unquote_cow(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    if b.len() < 2 || b[0] != b'"' || b[b.len() - 1] != b'"' {
        return Cow::Borrowed(s);
    }
    let inner = &s[1..s.len() - 1];
    let ib = inner.as_bytes();
    let mut out = String::with_capacity(inner.len());
    let mut start = 0; // start of the pending literal run
    let mut i = 0;
    while i < ib.len() {
        if ib[i] != b'\\' {
            i += 1;
            continue;
        }
        let octal = ib.len() >= i + 4
            && (b'0'..=b'3').contains(&ib[i + 1])
            && (b'0'..=b'7').contains(&ib[i + 2])
            && (b'0'..=b'7').contains(&ib[i + 3]);
        if octal {
            out.push_str(&inner[start..i]);
            let n = u32::from(ib[i + 1] - b'0') << 6
                | u32::from(ib[i + 2] - b'0') << 3
                | u32::from(ib[i + 3] - b'0');
            out.push(char::from_u32(n).unwrap_or('\u{fffd}'));
            i += 4;
            start = i;
        } else if i + 1 < ib.len() && ib[i + 1] != b'\n' {
            // `\` and the next character (whole, it may be multi-byte): keep the character
            out.push_str(&inner[start..i]);
            let c = inner[i + 1..].chars().next().unwrap_or_default();
            out.push(c);
            i += 1 + c.len_utf8();
            start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&inner[start..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_round_trip() {
        for s in ["", "a", "a b", "\u{1}\u{ff}\u{100}", "\\\"", "x;y,z"] {
            assert_eq!(_unquote(&_quote(s)), s);
        }
        assert_eq!(_quote(""), "\"\"");
        assert_eq!(_quote("\u{e9}\u{20ac}"), "\"\\351\u{20ac}\"");
    }

    #[test]
    fn unquote_edges() {
        assert_eq!(_unquote("\""), "\"");
        assert_eq!(_unquote("\"\""), "");
        assert_eq!(_unquote("\"\\\""), "\\");
        assert_eq!(_unquote("\"a\\\nb\""), "a\\\nb");
        assert_eq!(_unquote("\"\\400\""), "400");
        assert_eq!(_unquote("\"\\\u{e9}\""), "\u{e9}");
    }
}
