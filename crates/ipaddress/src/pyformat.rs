//! `format(address, spec)`: CPython's `_BaseAddress.__format__`, with the string
//! presentation of Python's format-spec mini-language for `s`.

use crate::Error;

/// `__format__`: `spec` empty or ending in `s` formats the string form; `#`, `_` and
/// one of `b x X n` format the integer zero-padded to the address width (`n` is
/// `n_base`: binary for IPv4, hex for IPv6); anything else is `TypeError`.
pub(crate) fn address(
    text: &str,
    value: u128,
    bits: u32,
    n_base: char,
    spec: &str,
) -> Result<String, Error> {
    if spec.is_empty() || spec.ends_with('s') {
        return string(text, spec);
    }
    let rest = spec.strip_prefix('#');
    let alternate = rest.is_some();
    let rest = rest.unwrap_or(spec);
    let grouped = rest.strip_prefix('_');
    let grouping = grouped.is_some();
    let rest = grouped.unwrap_or(rest);
    let base = match rest {
        "b" => 'b',
        "x" => 'x',
        "X" => 'X',
        "n" => n_base,
        _ => {
            let class = if bits == 32 {
                "IPv4Address"
            } else {
                "IPv6Address"
            };
            return Err(Error::TypeError(format!(
                "unsupported format string passed to {class}.__format__"
            )));
        }
    };
    let digits = match base {
        'b' => format!("{value:0width$b}", width = bits as usize),
        'X' => format!("{value:0width$X}", width = bits as usize / 4),
        _ => format!("{value:0width$x}", width = bits as usize / 4),
    };
    let mut out = String::with_capacity(digits.len() * 5 / 4 + 2);
    if alternate {
        out.push_str(match base {
            'b' => "0b",
            'X' => "0X",
            _ => "0x",
        });
    }
    for (i, c) in digits.chars().enumerate() {
        if grouping && i > 0 && (digits.len() - i) % 4 == 0 {
            out.push('_');
        }
        out.push(c);
    }
    Ok(out)
}

/// `format(text, spec)` for a `str`: `[[fill]align][0][width][.precision][s]`; the
/// sign, `z`, `#`, `=` alignment and grouping are `ValueError`s as in CPython.
fn string(text: &str, spec: &str) -> Result<String, Error> {
    let invalid = || {
        Error::ValueError(format!(
            "Invalid format specifier '{spec}' for object of type 'str'"
        ))
    };
    let body = spec.strip_suffix('s').unwrap_or(spec);
    let chars: Vec<char> = body.chars().collect();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    let (mut fill, mut align) = (None, None);
    if chars.len() >= 2 && is_align(chars[1]) {
        (fill, align) = (Some(chars[0]), Some(chars[1]));
        i = 2;
    } else if chars.first().is_some_and(|&c| is_align(c)) {
        align = Some(chars[0]);
        i = 1;
    }
    if matches!(chars.get(i), Some('+' | '-' | ' ')) {
        return Err(Error::ValueError(
            "Sign not allowed in string format specifier".into(),
        ));
    }
    if chars.get(i) == Some(&'z') {
        return Err(Error::ValueError(
            "Negative zero coercion (z) not allowed in string format specifier".into(),
        ));
    }
    if chars.get(i) == Some(&'#') {
        return Err(Error::ValueError(
            "Alternate form (#) not allowed in string format specifier".into(),
        ));
    }
    if chars.get(i) == Some(&'0') {
        fill = fill.or(Some('0'));
        i += 1;
    }
    // CPython refuses numbers past Py_ssize_t.
    let too_many = || Error::ValueError("Too many decimal digits in format string".into());
    let number = |i: &mut usize| -> Result<Option<usize>, Error> {
        let start = *i;
        let mut value: usize = 0;
        while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(d as usize))
                .filter(|&v| v <= isize::MAX as usize)
                .ok_or_else(too_many)?;
            *i += 1;
        }
        Ok((*i > start).then_some(value))
    };
    let width = number(&mut i)?.unwrap_or(0);
    if let Some(&g) = chars.get(i).filter(|&&c| c == ',' || c == '_') {
        return Err(Error::ValueError(format!("Cannot specify '{g}' with 's'.")));
    }
    let mut precision = None;
    if chars.get(i) == Some(&'.') {
        i += 1;
        precision = Some(
            number(&mut i)?
                .ok_or_else(|| Error::ValueError("Format specifier missing precision".into()))?,
        );
    }
    if i != chars.len() {
        return Err(invalid());
    }
    if align == Some('=') {
        return Err(Error::ValueError(
            "'=' alignment not allowed in string format specifier".into(),
        ));
    }
    let shown: String = match precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    let len = shown.chars().count();
    if width <= len {
        return Ok(shown);
    }
    let pad = width - len;
    let fill = fill.unwrap_or(' ');
    let (left, right) = match align.unwrap_or('<') {
        '>' => (pad, 0),
        '^' => (pad / 2, pad - pad / 2),
        _ => (0, pad),
    };
    let mut out = String::new();
    // A width Python could not allocate either is its MemoryError, not an abort.
    out.try_reserve(width)
        .map_err(|_| Error::MemoryError(format!("cannot pad to width {width}")))?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(&shown);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_cpython() {
        let f = |spec: &str| address("192.0.2.1", 0xc000_0201, 32, 'b', spec);
        assert_eq!(f("").unwrap(), "192.0.2.1");
        assert_eq!(f("*^20s").unwrap(), "*****192.0.2.1******");
        assert_eq!(f(".3s").unwrap(), "192");
        assert_eq!(f("010s").unwrap(), "192.0.2.10");
        assert_eq!(f(">010s").unwrap(), "0192.0.2.1");
        assert_eq!(f("#_x").unwrap(), "0xc000_0201");
        assert_eq!(f("#X").unwrap(), "0XC0000201");
        assert_eq!(f("n").unwrap(), "11000000000000000000001000000001");
        assert_eq!(
            f("99999999999999999999999s").unwrap_err().python_name(),
            "ValueError"
        );
        assert_eq!(
            f(&format!("{}s", isize::MAX)).unwrap_err().python_name(),
            "MemoryError"
        );
        for (spec, class) in [
            ("20", "TypeError"),
            ("d", "TypeError"),
            ("+s", "ValueError"),
            ("#s", "ValueError"),
            ("=20s", "ValueError"),
            (",s", "ValueError"),
            ("xs", "ValueError"),
            ("z20s", "ValueError"),
        ] {
            assert_eq!(f(spec).unwrap_err().python_name(), class, "{spec}");
        }
    }
}
