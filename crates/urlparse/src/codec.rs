//! Python's `str.encode(encoding, errors)` and `bytes.decode(encoding, errors)` for
//! the codecs `urllib.parse` users pass: utf-8, latin-1, ascii and cp1252, under the
//! error handlers strict, replace, ignore, backslashreplace and xmlcharrefreplace
//! (encoding only), with CPython's name lookup (`"UTF8"`, `"latin_1"`, `"l1"`,
//! `"us-ascii"`, `"windows-1252"` ...). A name CPython does not know raises
//! `LookupError`, as it does; a codec or handler CPython has and this crate lacks
//! raises `NotImplementedError`. As in CPython, a handler name is only looked up
//! when an error needs it.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::Error;
use crate::tables::{CODECS, CodecKind};

/// A codec this crate implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Latin1,
    Ascii,
    Cp1252,
}

impl Encoding {
    /// The codec's name in CPython's error messages.
    fn message_name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Latin1 => "latin-1",
            Encoding::Ascii => "ascii",
            Encoding::Cp1252 => "charmap",
        }
    }
}

/// An `encoding=` argument, looked up once; a name that does not resolve keeps its
/// text for the error raised when it is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Codec {
    Known(Encoding),
    /// CPython has it, this crate does not.
    Missing(String),
    /// Not a text encoding (`hex`, `base64`).
    NotText(String),
    /// CPython does not know it.
    Unknown(String),
}

impl Codec {
    /// CPython's `codecs.lookup(name)`, as far as the answer matters here.
    pub(crate) fn lookup(name: &str) -> Codec {
        match name {
            // the spellings used almost always
            "utf-8" | "utf8" | "UTF-8" => return Codec::Known(Encoding::Utf8),
            "latin-1" | "latin1" | "iso-8859-1" => return Codec::Known(Encoding::Latin1),
            "ascii" => return Codec::Known(Encoding::Ascii),
            _ => {}
        }
        let norm = normalize_encoding(name);
        let found = find(&norm, false).or_else(|| {
            // encodings.search_function also tries the alias with '.' read as '_'
            norm.contains('.')
                .then(|| find(&norm.replace('.', "_"), true))
                .flatten()
        });
        match found {
            Some(CodecKind::Utf8) => Codec::Known(Encoding::Utf8),
            Some(CodecKind::Latin1) => Codec::Known(Encoding::Latin1),
            Some(CodecKind::Ascii) => Codec::Known(Encoding::Ascii),
            Some(CodecKind::Cp1252) => Codec::Known(Encoding::Cp1252),
            Some(CodecKind::Python) => Codec::Missing(name.to_owned()),
            Some(CodecKind::NotText) => Codec::NotText(name.to_owned()),
            None => Codec::Unknown(name.to_owned()),
        }
    }

    /// The codec, or the error CPython raises (or the one for a missing codec).
    pub(crate) fn get(&self, encoding: bool) -> Result<Encoding, Error> {
        match self {
            Codec::Known(e) => Ok(*e),
            Codec::Missing(name) => Err(Error::NotImplementedError(format!(
                "the {name:?} codec is not implemented (utf-8, latin-1, ascii and cp1252 are)"
            ))),
            Codec::NotText(name) => Err(Error::LookupError(format!(
                "'{name}' is not a text encoding; use codecs.{}() to handle arbitrary codecs",
                if encoding { "encode" } else { "decode" }
            ))),
            Codec::Unknown(name) => Err(Error::LookupError(format!("unknown encoding: {name}"))),
        }
    }
}

fn find(norm: &str, aliases_only: bool) -> Option<CodecKind> {
    let i = CODECS.binary_search_by(|(n, _, _)| (*n).cmp(norm)).ok()?;
    let (_, kind, alias) = CODECS[i];
    (alias || !aliases_only).then_some(kind)
}

/// CPython's `_Py_normalize_encoding`: ASCII letters lower-cased, digits and `.`
/// kept, every other run of characters one `_` (none at either end).
fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b == b'.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(char::from(b.to_ascii_lowercase()));
        } else {
            punct = true;
        }
    }
    out
}

/// An `errors=` argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Handler {
    Strict,
    Replace,
    Ignore,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
    Unknown(String),
}

impl Handler {
    /// The handler a name stands for (CPython's names are case-sensitive).
    pub(crate) fn lookup(name: &str) -> Handler {
        match name {
            "strict" => Handler::Strict,
            "replace" => Handler::Replace,
            "ignore" => Handler::Ignore,
            "backslashreplace" => Handler::BackslashReplace,
            "xmlcharrefreplace" => Handler::XmlCharRefReplace,
            "namereplace" => Handler::NameReplace,
            "surrogateescape" => Handler::SurrogateEscape,
            "surrogatepass" => Handler::SurrogatePass,
            other => Handler::Unknown(other.to_owned()),
        }
    }

    fn unknown(name: &str) -> Error {
        Error::LookupError(format!("unknown error handler name '{name}'"))
    }
}

/// The character a cp1252 byte in 0x80..=0x9f decodes to; 0 where it has none.
const CP1252_HIGH: [u16; 32] = [
    0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
    0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/// The byte `c` encodes to, when the codec has one.
fn encode_char(enc: Encoding, c: char) -> Option<u8> {
    let n = u32::from(c);
    match enc {
        Encoding::Utf8 => None, // not used: every char encodes
        Encoding::Ascii => u8::try_from(n).ok().filter(u8::is_ascii),
        Encoding::Latin1 => u8::try_from(n).ok(),
        Encoding::Cp1252 => match n {
            0..=0x7f | 0xa0..=0xff => u8::try_from(n).ok(),
            _ => CP1252_HIGH
                .iter()
                .position(|&x| x != 0 && u32::from(x) == n)
                .and_then(|i| u8::try_from(0x80 + i).ok()),
        },
    }
}

/// The character byte `b` decodes to, when the codec has one (not for utf-8).
fn decode_byte(enc: Encoding, b: u8) -> Option<char> {
    match enc {
        Encoding::Utf8 | Encoding::Ascii => b.is_ascii().then_some(char::from(b)),
        Encoding::Latin1 => Some(char::from(b)),
        Encoding::Cp1252 => match b {
            0x80..=0x9f => match CP1252_HIGH[usize::from(b - 0x80)] {
                0 => None,
                x => char::from_u32(u32::from(x)),
            },
            _ => Some(char::from(b)),
        },
    }
}

/// `text.encode(encoding, errors)`.
pub(crate) fn encode<'a>(
    text: &'a str,
    enc: Encoding,
    errors: &Handler,
) -> Result<Cow<'a, [u8]>, Error> {
    if enc == Encoding::Utf8 || text.is_ascii() {
        return Ok(Cow::Borrowed(text.as_bytes()));
    }
    let mut out = Vec::with_capacity(text.len());
    for (pos, c) in text.chars().enumerate() {
        if let Some(b) = encode_char(enc, c) {
            out.push(b);
            continue;
        }
        match errors {
            Handler::Replace => out.push(b'?'),
            Handler::Ignore => {}
            Handler::BackslashReplace => {
                let mut s = String::new();
                push_backslash_char(&mut s, c);
                out.extend_from_slice(s.as_bytes());
            }
            Handler::XmlCharRefReplace => {
                out.extend_from_slice(format!("&#{};", u32::from(c)).as_bytes());
            }
            Handler::NameReplace => {
                return Err(Error::NotImplementedError(
                    "the namereplace error handler is not implemented".into(),
                ));
            }
            Handler::Unknown(name) => return Err(Handler::unknown(name)),
            // surrogateescape and surrogatepass only handle surrogates, which a Rust
            // string never holds: CPython raises the original error.
            Handler::Strict | Handler::SurrogateEscape | Handler::SurrogatePass => {
                let why = match enc {
                    Encoding::Ascii => "ordinal not in range(128)",
                    Encoding::Latin1 => "ordinal not in range(256)",
                    _ => "character maps to <undefined>",
                };
                let mut ch = String::new();
                push_backslash_char(&mut ch, c);
                return Err(Error::UnicodeEncodeError(format!(
                    "'{}' codec can't encode character '{ch}' in position {pos}: {why}",
                    enc.message_name()
                )));
            }
        }
    }
    Ok(Cow::Owned(out))
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, as Python's backslashreplace writes a character.
fn push_backslash_char(out: &mut String, c: char) {
    let n = u32::from(c);
    let _ = match n {
        0..=0xff => write!(out, "\\x{n:02x}"),
        0x100..=0xffff => write!(out, "\\u{n:04x}"),
        _ => write!(out, "\\U{n:08x}"),
    };
}

/// `data.decode(encoding, errors)` with the codec looked up first; CPython decodes
/// empty bytes to `''` without looking the encoding up.
pub(crate) fn decode_with<'a>(
    data: &'a [u8],
    codec: &Codec,
    errors: &Handler,
) -> Result<Cow<'a, str>, Error> {
    if data.is_empty() {
        return Ok(Cow::Borrowed(""));
    }
    decode(data, codec.get(false)?, errors)
}

/// `data.decode(encoding, errors)`.
pub(crate) fn decode<'a>(
    data: &'a [u8],
    enc: Encoding,
    errors: &Handler,
) -> Result<Cow<'a, str>, Error> {
    if enc == Encoding::Utf8 {
        return decode_utf8(data, errors);
    }
    if data.is_ascii() {
        // every codec here reads ASCII as ASCII
        return Ok(Cow::Borrowed(std::str::from_utf8(data).unwrap_or_default()));
    }
    let mut out = String::with_capacity(data.len() + data.len() / 2);
    for (pos, &b) in data.iter().enumerate() {
        match decode_byte(enc, b) {
            Some(c) => out.push(c),
            None => decode_error(&mut out, enc, errors, &[b], pos)?,
        }
    }
    Ok(Cow::Owned(out))
}

fn decode_utf8<'a>(data: &'a [u8], errors: &Handler) -> Result<Cow<'a, str>, Error> {
    if let Ok(s) = std::str::from_utf8(data) {
        return Ok(Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(data.len() + 8);
    let mut pos = 0;
    for chunk in data.utf8_chunks() {
        out.push_str(chunk.valid());
        pos += chunk.valid().len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            decode_error(&mut out, Encoding::Utf8, errors, bad, pos)?;
            pos += bad.len();
        }
    }
    Ok(Cow::Owned(out))
}

/// Applies the error handler to one undecodable sequence `bad` found at `pos`.
fn decode_error(
    out: &mut String,
    enc: Encoding,
    errors: &Handler,
    bad: &[u8],
    pos: usize,
) -> Result<(), Error> {
    match errors {
        Handler::Replace => out.push('\u{fffd}'),
        Handler::Ignore => {}
        Handler::BackslashReplace => {
            for b in bad {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
        Handler::XmlCharRefReplace | Handler::NameReplace => {
            return Err(Error::TypeError(
                "don't know how to handle UnicodeDecodeError in error callback".into(),
            ));
        }
        Handler::SurrogateEscape => {
            return Err(Error::NotImplementedError(
                "surrogateescape decoding makes lone surrogates, which a Rust string cannot hold"
                    .into(),
            ));
        }
        Handler::SurrogatePass
            if enc == Encoding::Utf8 && bad.first() == Some(&0xed) && bad.len() == 1 =>
        {
            // an encoded surrogate (ED A0..BF xx): Rust reports its first byte alone
            return Err(Error::NotImplementedError(
                "surrogatepass decoding makes lone surrogates, which a Rust string cannot hold"
                    .into(),
            ));
        }
        Handler::Unknown(name) => return Err(Handler::unknown(name)),
        Handler::Strict | Handler::SurrogatePass => {
            let why = match enc {
                Encoding::Ascii => "ordinal not in range(128)",
                Encoding::Utf8 if (0xc2..=0xf4).contains(&bad[0]) => "invalid continuation byte",
                Encoding::Utf8 => "invalid start byte",
                _ => "character maps to <undefined>",
            };
            return Err(Error::UnicodeDecodeError(format!(
                "'{}' codec can't decode byte 0x{:02x} in position {pos}: {why}",
                enc.message_name(),
                bad[0]
            )));
        }
    }
    Ok(())
}

/// `text.encode("ascii")` for the bytes forms, which CPython decodes and encodes as
/// ASCII around the str algorithm.
pub(crate) fn ascii_str(data: &[u8]) -> Result<&str, Error> {
    match data.iter().position(|b| !b.is_ascii()) {
        None => Ok(std::str::from_utf8(data).unwrap_or_default()),
        Some(pos) => Err(Error::UnicodeDecodeError(format!(
            "'ascii' codec can't decode byte 0x{:02x} in position {pos}: ordinal not in range(128)",
            data[pos]
        ))),
    }
}

/// `text.encode("ascii")` for the bytes forms' results.
pub(crate) fn ascii_bytes(text: &str) -> Result<&[u8], Error> {
    match text
        .char_indices()
        .enumerate()
        .find(|(_, (_, c))| !c.is_ascii())
    {
        None => Ok(text.as_bytes()),
        Some((pos, (_, c))) => {
            let mut ch = String::new();
            push_backslash_char(&mut ch, c);
            Err(Error::UnicodeEncodeError(format!(
                "'ascii' codec can't encode character '{ch}' in position {pos}: ordinal not in range(128)"
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_as_cpython() {
        for (name, enc) in [
            ("UTF-8", Encoding::Utf8),
            (" utf 8 ", Encoding::Utf8),
            ("éutf-8", Encoding::Utf8),
            ("u8", Encoding::Utf8),
            ("L1", Encoding::Latin1),
            ("ISO_8859-1", Encoding::Latin1),
            ("iso8859.1", Encoding::Latin1),
            ("US-ASCII", Encoding::Ascii),
            ("ansi_x3.4_1968", Encoding::Ascii),
            ("windows-1252", Encoding::Cp1252),
        ] {
            assert_eq!(Codec::lookup(name), Codec::Known(enc), "{name}");
        }
        assert!(matches!(Codec::lookup("utf..8"), Codec::Unknown(_)));
        assert!(matches!(Codec::lookup("shift_jis"), Codec::Missing(_)));
        assert!(matches!(Codec::lookup("hex"), Codec::NotText(_)));
        assert!(matches!(Codec::lookup("aliases"), Codec::Unknown(_)));
    }

    #[test]
    fn handlers() {
        let enc = |s, e, h: &str| encode(s, e, &Handler::lookup(h)).map(|b| b.into_owned());
        assert_eq!(enc("aü日", Encoding::Ascii, "replace").unwrap(), b"a??");
        assert_eq!(enc("aü日", Encoding::Latin1, "ignore").unwrap(), b"a\xfc");
        assert_eq!(
            enc("ü日😀", Encoding::Ascii, "backslashreplace").unwrap(),
            b"\\xfc\\u65e5\\U0001f600"
        );
        assert_eq!(
            enc("€", Encoding::Latin1, "xmlcharrefreplace").unwrap(),
            b"&#8364;"
        );
        assert_eq!(enc("€", Encoding::Cp1252, "strict").unwrap(), b"\x80");
        assert!(matches!(
            enc("ü", Encoding::Ascii, "bogus"),
            Err(Error::LookupError(_))
        ));
        assert_eq!(enc("a", Encoding::Ascii, "bogus").unwrap(), b"a");

        let dec = |b, e, h: &str| decode(b, e, &Handler::lookup(h)).map(|s| s.into_owned());
        assert_eq!(
            dec(b"a\xff\xc3", Encoding::Utf8, "replace").unwrap(),
            "a\u{fffd}\u{fffd}"
        );
        assert_eq!(
            dec(b"\xf0\x80", Encoding::Utf8, "replace").unwrap(),
            "\u{fffd}\u{fffd}"
        );
        assert_eq!(
            dec(b"\xe2\x82", Encoding::Utf8, "replace").unwrap(),
            "\u{fffd}"
        );
        assert_eq!(
            dec(b"\xe2\x82", Encoding::Utf8, "backslashreplace").unwrap(),
            "\\xe2\\x82"
        );
        assert_eq!(
            dec(b"\x81\x80", Encoding::Cp1252, "replace").unwrap(),
            "\u{fffd}€"
        );
        assert_eq!(dec(b"\xff", Encoding::Latin1, "strict").unwrap(), "ÿ");
        assert!(matches!(
            dec(b"\xff", Encoding::Ascii, "strict"),
            Err(Error::UnicodeDecodeError(_))
        ));
        assert!(matches!(
            dec(b"\xff", Encoding::Ascii, "xmlcharrefreplace"),
            Err(Error::TypeError(_))
        ));
    }
}

/// A streaming UTF-8 decoder with CPython's `errors="replace"` (and Rust's
/// `from_utf8_lossy`): one U+FFFD for each maximal invalid subsequence (the WHATWG
/// and Unicode "maximal subpart" practice). `unquote` feeds it the escaped bytes
/// only: the characters between escapes are already text, and since each is a whole
/// UTF-8 sequence no escaped byte can join it, [`Utf8Replace::flush`] before one
/// gives what decoding everything at once gives.
#[derive(Debug)]
pub(crate) struct Utf8Replace {
    needed: u8,
    seen: u8,
    lower: u8,
    upper: u8,
    code: u32,
}

impl Utf8Replace {
    pub(crate) fn new() -> Self {
        Utf8Replace {
            needed: 0,
            seen: 0,
            lower: 0x80,
            upper: 0xbf,
            code: 0,
        }
    }

    fn reset(&mut self) {
        *self = Utf8Replace::new();
    }

    /// Decodes one byte into `out`.
    #[inline]
    pub(crate) fn feed(&mut self, out: &mut String, byte: u8) {
        if self.needed != 0 {
            if (self.lower..=self.upper).contains(&byte) {
                self.lower = 0x80;
                self.upper = 0xbf;
                self.code = self.code << 6 | u32::from(byte & 0x3f);
                self.seen += 1;
                if self.seen == self.needed {
                    out.push(char::from_u32(self.code).unwrap_or('\u{fffd}'));
                    self.reset();
                }
                return;
            }
            // the sequence so far is one error; the byte starts afresh
            out.push('\u{fffd}');
            self.reset();
        }
        match byte {
            0..=0x7f => out.push(char::from(byte)),
            0xc2..=0xdf => {
                self.needed = 1;
                self.code = u32::from(byte & 0x1f);
            }
            0xe0..=0xef => {
                if byte == 0xe0 {
                    self.lower = 0xa0;
                } else if byte == 0xed {
                    self.upper = 0x9f;
                }
                self.needed = 2;
                self.code = u32::from(byte & 0x0f);
            }
            0xf0..=0xf4 => {
                if byte == 0xf0 {
                    self.lower = 0x90;
                } else if byte == 0xf4 {
                    self.upper = 0x8f;
                }
                self.needed = 3;
                self.code = u32::from(byte & 0x07);
            }
            _ => out.push('\u{fffd}'),
        }
    }

    /// Ends a run of bytes: an unfinished sequence is one error.
    #[inline]
    pub(crate) fn flush(&mut self, out: &mut String) {
        if self.needed != 0 {
            out.push('\u{fffd}');
            self.reset();
        }
    }
}

#[cfg(test)]
mod utf8_tests {
    use super::Utf8Replace;

    fn lossy(bytes: &[u8]) -> String {
        let mut d = Utf8Replace::new();
        let mut out = String::new();
        for &b in bytes {
            d.feed(&mut out, b);
        }
        d.flush(&mut out);
        out
    }

    #[test]
    fn decodes_as_from_utf8_lossy() {
        // every sequence of one and two bytes
        for a in 0..=255u8 {
            assert_eq!(lossy(&[a]), String::from_utf8_lossy(&[a]));
            for b in 0..=255u8 {
                let s = [a, b];
                assert_eq!(lossy(&s), String::from_utf8_lossy(&s), "{s:x?}");
            }
        }
        // three and four bytes over the bytes where the rules change
        let edges: Vec<u8> = vec![
            0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0,
            0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff,
        ];
        for &a in &edges {
            for &b in &edges {
                for &c in &edges {
                    for &d in &edges {
                        let s = [a, b, c, d];
                        assert_eq!(lossy(&s), String::from_utf8_lossy(&s), "{s:x?}");
                        assert_eq!(lossy(&s[..3]), String::from_utf8_lossy(&s[..3]), "{s:x?}");
                    }
                }
            }
        }
        // longer random sequences
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let mut s = Vec::new();
            for _ in 0..(x % 12) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let pick = [0x41, 0x80, 0xa0, 0xbf, 0xc3, 0xe2, 0xed, 0xf0, 0xf4, 0xff];
                s.push(if x % 3 == 0 {
                    pick[(x >> 8) as usize % 10]
                } else {
                    (x >> 16) as u8
                });
            }
            assert_eq!(lossy(&s), String::from_utf8_lossy(&s), "{s:x?}");
        }
    }
}
