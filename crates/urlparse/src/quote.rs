//! `quote`, `quote_plus`, `quote_from_bytes`, `unquote`, `unquote_plus` and
//! `unquote_to_bytes`, on the `percent-encoding` crate: escapes are spelled by its
//! `percent_encode_byte` and `unquote_to_bytes` is its `percent_decode`, with
//! CPython's choice of safe characters, encodings and error handlers around. The
//! results borrow their input when nothing needed escaping or unescaping.

use std::borrow::Cow;

use percent_encoding::{percent_decode, percent_encode_byte};

use crate::Error;
use crate::codec::{self, Codec, Encoding, Handler, Utf8Replace};

/// Whether `b` is in `_ALWAYS_SAFE`: letters, digits and `_.-~`.
const fn always_safe(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b == b'-' || b == b'~'
}

/// The ASCII bytes outside `_ALWAYS_SAFE`, one bit each: what `quote` escapes
/// when `safe` is empty.
const UNSAFE_MASK: u128 = {
    let mut mask = 0u128;
    let mut b = 0u8;
    while b < 0x80 {
        if !always_safe(b) {
            mask |= 1 << b;
        }
        b += 1;
    }
    mask
};

/// The characters a quoting leaves alone beyond `_ALWAYS_SAFE`: Python's `safe`,
/// normalised as `quote_from_bytes` does (the ASCII ones; a str's others ignored).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Safe {
    /// The ASCII bytes to escape, one bit each.
    mask: u128,
}

impl std::fmt::Debug for Safe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let safe: String = (0u8..0x80)
            .filter(|&b| UNSAFE_MASK >> b & 1 == 1 && self.mask >> b & 1 == 0)
            .map(char::from)
            .collect();
        f.debug_struct("Safe").field("safe", &safe).finish()
    }
}

impl Safe {
    pub(crate) const SLASH: Safe = Safe {
        mask: UNSAFE_MASK & !(1 << b'/'),
    };
    pub(crate) const NONE: Safe = Safe { mask: UNSAFE_MASK };

    /// `safe` given as str or bytes: its ASCII bytes (a str's non-ASCII characters
    /// are all bytes >= 0x80 in UTF-8, so this is `safe.encode('ascii', 'ignore')`).
    pub(crate) fn new(safe: &[u8]) -> Safe {
        let mut mask = UNSAFE_MASK;
        for &b in safe {
            if b.is_ascii() {
                mask &= !(1u128 << b);
            }
        }
        Safe { mask }
    }
}

/// The keyword arguments of `quote`, `quote_plus` and `quote_from_bytes`: `safe`
/// (default `"/"` for `quote`, `""` for `quote_plus`), `encoding` (default utf-8)
/// and `errors` (default strict). `encoding` and `errors` are for str input only:
/// given with bytes they are a `TypeError`, as in Python.
///
/// ```
/// use netstd_urlparse::{quote_with, QuoteOptions};
/// let o = QuoteOptions::new().safe("").encoding("latin-1");
/// assert_eq!(quote_with("/é", &o).unwrap(), "%2F%E9");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuoteOptions {
    safe: Option<Safe>,
    encoding: Option<Codec>,
    errors: Option<Handler>,
}

impl QuoteOptions {
    /// No keyword given: each function's defaults.
    ///
    /// ```
    /// assert_eq!(netstd_urlparse::QuoteOptions::new(), Default::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// `safe=` as a str: characters not to escape besides letters, digits and
    /// `_.-~`. Non-ASCII characters in it are ignored, as Python ignores them.
    ///
    /// ```
    /// let o = netstd_urlparse::QuoteOptions::new().safe(":/");
    /// assert_eq!(netstd_urlparse::quote_with("a:b/c d", &o).unwrap(), "a:b/c%20d");
    /// ```
    pub fn safe(mut self, safe: &str) -> Self {
        self.safe = Some(Safe::new(safe.as_bytes()));
        self
    }

    /// `safe=` as bytes (bytes >= 0x80 are ignored, as in Python).
    ///
    /// ```
    /// let o = netstd_urlparse::QuoteOptions::new().safe_bytes(b"?");
    /// assert_eq!(netstd_urlparse::quote_with("a?b/", &o).unwrap(), "a?b%2F");
    /// ```
    pub fn safe_bytes(mut self, safe: &[u8]) -> Self {
        self.safe = Some(Safe::new(safe));
        self
    }

    /// `encoding=`: how a str is turned into bytes before escaping.
    ///
    /// ```
    /// let o = netstd_urlparse::QuoteOptions::new().encoding("cp1252");
    /// assert_eq!(netstd_urlparse::quote_with("€", &o).unwrap(), "%80");
    /// ```
    pub fn encoding(mut self, encoding: &str) -> Self {
        self.encoding = Some(Codec::lookup(encoding));
        self
    }

    /// `errors=`: what to do with characters the encoding lacks.
    ///
    /// ```
    /// let o = netstd_urlparse::QuoteOptions::new().encoding("ascii").errors("replace");
    /// assert_eq!(netstd_urlparse::quote_with("é", &o).unwrap(), "%3F");
    /// ```
    pub fn errors(mut self, errors: &str) -> Self {
        self.errors = Some(Handler::lookup(errors));
        self
    }

    pub(crate) fn safe_or(&self, default: Safe) -> Safe {
        self.safe.unwrap_or(default)
    }

    fn no_codec_for_bytes(&self, func: &str) -> Result<(), Error> {
        if self.encoding.is_some() {
            return Err(Error::TypeError(format!(
                "{func}() doesn't support 'encoding' for bytes"
            )));
        }
        if self.errors.is_some() {
            return Err(Error::TypeError(format!(
                "{func}() doesn't support 'errors' for bytes"
            )));
        }
        Ok(())
    }

    /// `string.encode(encoding or 'utf-8', errors or 'strict')`.
    pub(crate) fn encode<'a>(&self, string: &'a str) -> Result<Cow<'a, [u8]>, Error> {
        let enc = match &self.encoding {
            None => return Ok(Cow::Borrowed(string.as_bytes())), // utf-8 never fails
            Some(c) => c.get(true)?,
        };
        codec::encode(
            string,
            enc,
            self.errors.as_ref().unwrap_or(&Handler::Strict),
        )
    }
}

/// Whether quoting escapes `b`: every non-ASCII byte, and the ASCII bytes of `mask`.
#[inline]
const fn escaped(b: u8, mask: u128) -> bool {
    b >= 0x80 || mask >> b & 1 == 1
}

/// [`escaped`] for every byte, as a table.
const fn table(mask: u128) -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = escaped(b as u8, mask);
        b += 1;
    }
    t
}

/// The tables of the masks used most: `quote`'s default, `quote_plus`'s default.
static QUOTE_TABLE: [bool; 256] = table(Safe::SLASH.mask);
static PLUS_TABLE: [bool; 256] = table(Safe::NONE.mask | 1 << b' ');

/// The bytes a quoting escapes: `safe`'s, and the space with `plus` (Python's
/// `quote_plus` makes the space safe, then replaces it by `+`, so every space
/// becomes `+`).
fn mask_of(safe: Safe, plus: bool) -> u128 {
    if plus {
        safe.mask | 1 << b' '
    } else {
        safe.mask
    }
}

/// Runs `f` with the test of `mask`: a table lookup for the common masks, the mask
/// itself otherwise. `f` is generic, so each test is inlined into its loop.
macro_rules! with_test {
    ($mask:expr, |$esc:ident| $body:expr) => {{
        let mask: u128 = $mask;
        if mask == Safe::SLASH.mask {
            let $esc = |b: u8| QUOTE_TABLE[usize::from(b)];
            $body
        } else if mask == Safe::NONE.mask | 1 << b' ' {
            let $esc = |b: u8| PLUS_TABLE[usize::from(b)];
            $body
        } else {
            let $esc = |b: u8| escaped(b, mask);
            $body
        }
    }};
}

/// Appends `%XX` (`percent_encoding::percent_encode_byte`'s spelling, upper-case hex
/// as Python's) or, for a space with `plus`, `+`.
#[inline]
fn push_escape(out: &mut String, b: u8, plus: bool) {
    if plus && b == b' ' {
        out.push('+');
    } else {
        out.push_str(percent_encode_byte(b));
    }
}

/// Appends a run of unescaped (ASCII) text: short runs a character at a time, which
/// beats a copy call for the few bytes between escapes.
#[inline(always)]
fn push_run(out: &mut String, run: &str) {
    if run.len() < 16 {
        for b in run.bytes() {
            out.push(char::from(b));
        }
    } else {
        out.push_str(run);
    }
}

/// Appends `text` escaped; the runs between escapes are copied whole. A run starts
/// after an escaped byte and holds only unescaped (ASCII) bytes, so it begins and
/// ends on character boundaries.
#[inline(always)]
fn escape_str_by(out: &mut String, text: &str, plus: bool, esc: impl Fn(u8) -> bool) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 8);
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !esc(b) {
            continue;
        }
        if start < i {
            push_run(out, text.get(start..i).unwrap_or_default());
        }
        push_escape(out, b, plus);
        start = i + 1;
    }
    if start < bytes.len() {
        push_run(out, text.get(start..).unwrap_or_default());
    }
}

/// Appends `bytes` escaped (the runs between escapes are ASCII).
#[inline(always)]
fn escape_bytes_by(out: &mut String, bytes: &[u8], plus: bool, esc: impl Fn(u8) -> bool) {
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !esc(b) {
            continue;
        }
        if start < i {
            out.push_str(std::str::from_utf8(&bytes[start..i]).unwrap_or_default());
        }
        push_escape(out, b, plus);
        start = i + 1;
    }
    if start < bytes.len() {
        out.push_str(std::str::from_utf8(&bytes[start..]).unwrap_or_default());
    }
}

fn escape_str(out: &mut String, text: &str, mask: u128, plus: bool) {
    with_test!(mask, |esc| escape_str_by(out, text, plus, esc))
}

fn escape_bytes(out: &mut String, bytes: &[u8], mask: u128, plus: bool) {
    with_test!(mask, |esc| escape_bytes_by(out, bytes, plus, esc))
}

/// Room for an escaped copy: the text up to `first`, and a guess for the rest.
fn room(len: usize, first: usize) -> usize {
    len + (len - first) + 8
}

/// `text` quoted; borrowed when nothing needs escaping.
fn quote_text(text: &str, safe: Safe, plus: bool) -> Cow<'_, str> {
    let mask = mask_of(safe, plus);
    let bytes = text.as_bytes();
    let Some(first) = with_test!(mask, |esc| bytes.iter().position(|&b| esc(b))) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(room(bytes.len(), first));
    // the first escaped byte is ASCII or the first byte of a character
    out.push_str(text.get(..first).unwrap_or_default());
    escape_str(&mut out, text.get(first..).unwrap_or_default(), mask, plus);
    Cow::Owned(out)
}

/// `bytes` quoted; borrowed when nothing needs escaping (then they are ASCII).
fn quote_raw(bytes: &[u8], safe: Safe, plus: bool) -> Cow<'_, str> {
    let mask = mask_of(safe, plus);
    let Some(first) = with_test!(mask, |esc| bytes.iter().position(|&b| esc(b))) else {
        return Cow::Borrowed(std::str::from_utf8(bytes).unwrap_or_default());
    };
    let mut out = String::with_capacity(room(bytes.len(), first));
    escape_bytes(&mut out, bytes, mask, plus);
    Cow::Owned(out)
}

/// `quote(string, safe, encoding, errors)` for str, appended to `out`.
pub(crate) fn quote_str_into(
    out: &mut String,
    string: &str,
    options: &QuoteOptions,
    default: Safe,
    plus: bool,
) -> Result<(), Error> {
    if string.is_empty() {
        return Ok(());
    }
    let mask = mask_of(options.safe_or(default), plus);
    match options.encode(string)? {
        Cow::Borrowed(_) => escape_str(out, string, mask, plus),
        Cow::Owned(encoded) => escape_bytes(out, &encoded, mask, plus),
    }
    Ok(())
}

/// `quote(bs, safe)` or `quote_plus(bs, safe)` for bytes, appended to `out`.
pub(crate) fn quote_bytes_into(out: &mut String, bs: &[u8], safe: Safe, plus: bool) {
    escape_bytes(out, bs, mask_of(safe, plus), plus);
}

/// `quote(string, ...)` for str: borrowed when the text is its own quoting.
fn quote_str<'a>(
    string: &'a str,
    options: &QuoteOptions,
    default: Safe,
    plus: bool,
) -> Result<Cow<'a, str>, Error> {
    if string.is_empty() {
        return Ok(Cow::Borrowed(string));
    }
    let safe = options.safe_or(default);
    Ok(match options.encode(string)? {
        Cow::Borrowed(_) => quote_text(string, safe, plus),
        Cow::Owned(encoded) => Cow::Owned(quote_raw(&encoded, safe, plus).into_owned()),
    })
}

/// Python's `quote(string)`: percent-escapes every byte of the string's UTF-8
/// except letters, digits, `_.-~` and `/`. Borrowed when nothing needs escaping.
///
/// ```
/// assert_eq!(netstd_urlparse::quote("/El Niño/"), "/El%20Ni%C3%B1o/");
/// assert!(matches!(netstd_urlparse::quote("/plain"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn quote(string: &str) -> Cow<'_, str> {
    quote_text(string, Safe::SLASH, false)
}

/// Python's `quote(string, safe, encoding, errors)`.
///
/// ```
/// use netstd_urlparse::{quote_with, QuoteOptions};
/// assert_eq!(quote_with("a/b c", &QuoteOptions::new().safe("")).unwrap(), "a%2Fb%20c");
/// ```
pub fn quote_with<'a>(string: &'a str, options: &QuoteOptions) -> Result<Cow<'a, str>, Error> {
    quote_str(string, options, Safe::SLASH, false)
}

/// Python's `quote_plus(string)`: as [`quote`] with nothing extra safe, and spaces
/// as `+` (HTML form encoding).
///
/// ```
/// assert_eq!(netstd_urlparse::quote_plus("a b&c/d"), "a+b%26c%2Fd");
/// ```
pub fn quote_plus(string: &str) -> Cow<'_, str> {
    quote_text(string, Safe::NONE, true)
}

/// Python's `quote_plus(string, safe, encoding, errors)`.
///
/// ```
/// use netstd_urlparse::{quote_plus_with, QuoteOptions};
/// assert_eq!(quote_plus_with("a b/c", &QuoteOptions::new().safe("/")).unwrap(), "a+b/c");
/// ```
pub fn quote_plus_with<'a>(string: &'a str, options: &QuoteOptions) -> Result<Cow<'a, str>, Error> {
    quote_str(string, options, Safe::NONE, true)
}

/// Python's `quote_from_bytes(bs)`: [`quote`] for bytes, with `/` safe.
///
/// ```
/// assert_eq!(netstd_urlparse::quote_from_bytes(b"abc def\x3f\xff"), "abc%20def%3F%FF");
/// ```
pub fn quote_from_bytes(bs: &[u8]) -> Cow<'_, str> {
    quote_raw(bs, Safe::SLASH, false)
}

/// Python's `quote_from_bytes(bs, safe)`; `encoding` or `errors` in the options
/// are a `TypeError`, as Python takes neither.
///
/// ```
/// use netstd_urlparse::{quote_from_bytes_with, QuoteOptions};
/// assert_eq!(quote_from_bytes_with(b"a/b", &QuoteOptions::new().safe("")).unwrap(), "a%2Fb");
/// ```
pub fn quote_from_bytes_with<'a>(
    bs: &'a [u8],
    options: &QuoteOptions,
) -> Result<Cow<'a, str>, Error> {
    options.no_codec_for_bytes("quote_from_bytes")?;
    Ok(quote_raw(bs, options.safe_or(Safe::SLASH), false))
}

/// `quote(bs, safe)` and `quote_plus(bs, safe)` for bytes.
pub(crate) fn quote_bytes_with<'a>(
    bs: &'a [u8],
    options: &QuoteOptions,
    plus: bool,
) -> Result<Cow<'a, str>, Error> {
    options.no_codec_for_bytes("quote")?;
    let default = if plus { Safe::NONE } else { Safe::SLASH };
    Ok(quote_raw(bs, options.safe_or(default), plus))
}

/// The keyword arguments of `unquote` and `unquote_plus`: `encoding` (default
/// utf-8) and `errors` (default replace), for the bytes the escapes stand for.
///
/// ```
/// use netstd_urlparse::{unquote_with, UnquoteOptions};
/// let o = UnquoteOptions::new().encoding("latin-1");
/// assert_eq!(unquote_with("%E9t%E9", &o).unwrap(), "été");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnquoteOptions {
    pub(crate) encoding: Codec,
    pub(crate) errors: Handler,
}

impl Default for UnquoteOptions {
    fn default() -> Self {
        UnquoteOptions {
            encoding: Codec::Known(Encoding::Utf8),
            errors: Handler::Replace,
        }
    }
}

impl UnquoteOptions {
    /// Python's defaults: `encoding="utf-8"`, `errors="replace"`.
    ///
    /// ```
    /// assert_eq!(netstd_urlparse::UnquoteOptions::new(), Default::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// `encoding=`.
    ///
    /// ```
    /// let o = netstd_urlparse::UnquoteOptions::new().encoding("cp1252");
    /// assert_eq!(netstd_urlparse::unquote_with("%80", &o).unwrap(), "€");
    /// ```
    pub fn encoding(mut self, encoding: &str) -> Self {
        self.encoding = Codec::lookup(encoding);
        self
    }

    /// `errors=`.
    ///
    /// ```
    /// let o = netstd_urlparse::UnquoteOptions::new().errors("strict");
    /// assert!(netstd_urlparse::unquote_with("%FF", &o).is_err());
    /// ```
    pub fn errors(mut self, errors: &str) -> Self {
        self.errors = Handler::lookup(errors);
        self
    }
}

/// Unescapes ASCII text into `out`, `+` as a space when `plus` (the bytes of
/// `unquote_to_bytes(s.replace('+', ' '))`). URL parts are short and their escapes
/// come in runs (`%E6%97%A5`), so a byte-at-a-time pass into reserved room beats a
/// search call per escape and a copy call per run.
fn unescape_into(out: &mut Vec<u8>, s: &[u8], plus: bool) {
    out.reserve(s.len());
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        if b == b'%' && i + 2 < s.len() {
            let (h, l) = (HEX[usize::from(s[i + 1])], HEX[usize::from(s[i + 2])]);
            if h | l < 16 {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(if plus && b == b'+' { b' ' } else { b });
        i += 1;
    }
}

/// The value of each hex digit; 0xff for every other byte.
static HEX: [u8; 256] = {
    let mut t = [0xffu8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            c @ b'0'..=b'9' => c - b'0',
            c @ b'a'..=b'f' => c - b'a' + 10,
            c @ b'A'..=b'F' => c - b'A' + 10,
            _ => 0xff,
        };
        b += 1;
    }
    t
};

/// `unquote(string, encoding, errors)` on text, `+` read as a space first when
/// `plus`: each run of ASCII characters is unescaped and decoded on its own, the
/// other characters are kept, as CPython does.
#[inline(always)]
pub(crate) fn unquote_text<'a>(
    string: &'a str,
    options: &UnquoteOptions,
    plus: bool,
) -> Result<Cow<'a, str>, Error> {
    let (percent, plus_sign) = scan_escapes(string.as_bytes(), plus);
    if !(percent || plus_sign) {
        return Ok(Cow::Borrowed(string));
    }
    unquote_escaped_text(string, options, plus, percent).map(Cow::Owned)
}

/// The part of [`unquote_text`] for text with escapes (or `+` signs to replace).
#[inline(never)]
pub(crate) fn unquote_escaped_text(
    string: &str,
    options: &UnquoteOptions,
    plus: bool,
    percent: bool,
) -> Result<String, Error> {
    if !percent {
        return Ok(string.replace('+', " "));
    }
    let b = string.as_bytes();
    let enc = options.encoding.get(false)?;
    let errors = &options.errors;
    if enc == Encoding::Utf8 && *errors == Handler::Replace {
        let mut out = String::with_capacity(b.len());
        unquote_utf8_replace(&mut out, string, plus);
        return Ok(out);
    }
    let mut raw = Vec::with_capacity(b.len());
    // CPython decodes each run of ASCII characters on its own and keeps the others.
    // For UTF-8 that is the same as decoding everything at once: the characters kept
    // are whole UTF-8 sequences, which no escaped byte before or after can join.
    if enc == Encoding::Utf8 || b.is_ascii() {
        unescape_into(&mut raw, b, plus);
        return decode_owned(raw, enc, errors);
    }
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let ascii = b[i..].iter().take_while(|x| x.is_ascii()).count();
        if ascii > 0 {
            raw.clear();
            unescape_into(&mut raw, &b[i..i + ascii], plus);
            out.push_str(&codec::decode(&raw, enc, errors)?);
            i += ascii;
        }
        let other = b[i..].iter().take_while(|x| !x.is_ascii()).count();
        out.push_str(string.get(i..i + other).unwrap_or_default());
        i += other;
    }
    Ok(out)
}

/// Decodes bytes that are the caller's to give away, without a copy for UTF-8.
pub(crate) fn decode_owned(raw: Vec<u8>, enc: Encoding, errors: &Handler) -> Result<String, Error> {
    if enc == Encoding::Utf8 {
        return match String::from_utf8(raw) {
            Ok(s) => Ok(s),
            Err(e) => Ok(codec::decode(e.as_bytes(), enc, errors)?.into_owned()),
        };
    }
    Ok(codec::decode(&raw, enc, errors)?.into_owned())
}

/// Python's `unquote(string)`: `%XX` escapes replaced by the characters their bytes
/// make in UTF-8, invalid sequences by U+FFFD.
///
/// ```
/// assert_eq!(netstd_urlparse::unquote("/El%20Ni%C3%B1o/"), "/El Niño/");
/// assert_eq!(netstd_urlparse::unquote("%E9%zz"), "\u{fffd}%zz");
/// ```
#[inline]
pub fn unquote(string: &str) -> Cow<'_, str> {
    if !has_percent(string.as_bytes()) {
        return Cow::Borrowed(string);
    }
    unquote_escaped(string)
}

/// Whether `b` holds a `%`.
#[inline(always)]
fn has_percent(b: &[u8]) -> bool {
    scan_escapes(b, false).0
}

/// Whether the eight bytes of `w` hold `needle` (a zero byte of `w ^ needle*8`).
#[inline(always)]
fn word_has(w: u64, needle: u8) -> bool {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = w ^ (LOW * u64::from(needle));
    x.wrapping_sub(LOW) & !x & HIGH != 0
}

/// Whether `b` holds a `%`, and (when `plus`) a `+`: word-at-a-time tests, inlined,
/// for the short texts URL parts are (a memchr call costs more than the search
/// there: with them `unquote` of the path corpus went from 19x to 36x CPython),
/// memchr for longer ones.
#[inline(always)]
fn scan_escapes(b: &[u8], plus: bool) -> (bool, bool) {
    match b.len() {
        0..=7 => {
            let mut found = (false, false);
            for &c in b {
                found.0 |= c == b'%';
                found.1 |= plus && c == b'+';
            }
            found
        }
        8..=32 => {
            let (mut percent, mut plus_sign) = (false, false);
            let mut test = |w: &[u8; 8]| {
                let w = u64::from_le_bytes(*w);
                percent |= word_has(w, b'%');
                plus_sign |= plus && word_has(w, b'+');
            };
            let mut rest = b;
            while let Some((w, tail)) = rest.split_first_chunk::<8>() {
                test(w);
                rest = tail;
            }
            // the last eight bytes, overlapping what was tested
            if let Some(w) = b.last_chunk::<8>() {
                test(w);
            }
            (percent, plus_sign)
        }
        _ => (
            memchr::memchr(b'%', b).is_some(),
            plus && memchr::memchr(b'+', b).is_some(),
        ),
    }
}

/// [`unquote`] of text that holds a `%`, with the defaults (utf-8, replace).
#[inline(never)]
fn unquote_escaped(string: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(string.len());
    unquote_utf8_replace(&mut out, string, false);
    Cow::Owned(out)
}

/// `unquote(string)` (after `replace('+', ' ')` when `plus`) with utf-8 and
/// `errors="replace"`, in one pass: the text between escapes is copied, the escaped
/// bytes go through the decoder. Copied runs start after an escape or a `+` and end
/// at the next, all ASCII, so they lie on character boundaries.
fn unquote_utf8_replace(out: &mut String, string: &str, plus: bool) {
    let b = string.as_bytes();
    let mut decoder = Utf8Replace::new();
    let mut literal = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'%' && i + 2 < b.len() {
            let (h, l) = (HEX[usize::from(b[i + 1])], HEX[usize::from(b[i + 2])]);
            if h | l < 16 {
                if literal < i {
                    decoder.flush(out);
                    out.push_str(string.get(literal..i).unwrap_or_default());
                }
                decoder.feed(out, h << 4 | l);
                i += 3;
                literal = i;
                continue;
            }
        } else if plus && c == b'+' {
            decoder.flush(out);
            if literal < i {
                out.push_str(string.get(literal..i).unwrap_or_default());
            }
            out.push(' ');
            i += 1;
            literal = i;
            continue;
        }
        i += 1;
    }
    decoder.flush(out);
    if literal < b.len() {
        out.push_str(string.get(literal..).unwrap_or_default());
    }
}

/// Python's `unquote(string, encoding, errors)`.
///
/// ```
/// use netstd_urlparse::{unquote_with, UnquoteOptions};
/// assert_eq!(unquote_with("%E9", &UnquoteOptions::new().errors("ignore")).unwrap(), "");
/// ```
pub fn unquote_with<'a>(string: &'a str, options: &UnquoteOptions) -> Result<Cow<'a, str>, Error> {
    unquote_text(string, options, false)
}

/// Python's `unquote_plus(string)`: [`unquote`] with `+` read as a space first.
///
/// ```
/// assert_eq!(netstd_urlparse::unquote_plus("%7e/abc+def"), "~/abc def");
/// ```
pub fn unquote_plus(string: &str) -> Cow<'_, str> {
    unquote_text(string, &UnquoteOptions::default(), true).unwrap_or(Cow::Borrowed(string))
}

/// Python's `unquote_plus(string, encoding, errors)`.
///
/// ```
/// use netstd_urlparse::{unquote_plus_with, UnquoteOptions};
/// let o = UnquoteOptions::new().encoding("latin-1");
/// assert_eq!(unquote_plus_with("caf%E9+au+lait", &o).unwrap(), "café au lait");
/// ```
pub fn unquote_plus_with<'a>(
    string: &'a str,
    options: &UnquoteOptions,
) -> Result<Cow<'a, str>, Error> {
    unquote_text(string, options, true)
}

/// Python's `unquote_to_bytes(string)`: the bytes the escapes stand for (the text
/// itself as UTF-8).
///
/// ```
/// assert_eq!(&*netstd_urlparse::unquote_to_bytes("abc%20def%FF"), b"abc def\xff");
/// ```
pub fn unquote_to_bytes(string: &str) -> Cow<'_, [u8]> {
    Cow::from(percent_decode(string.as_bytes()))
}

/// `unquote(bs, encoding, errors)` for bytes: all of it unescaped, then decoded.
pub(crate) fn unquote_bytes_with(bs: &[u8], options: &UnquoteOptions) -> Result<String, Error> {
    if bs.is_empty() {
        return Ok(String::new()); // b''.decode(anything) is ''
    }
    let enc = options.encoding.get(false)?;
    let raw: Vec<u8> = Cow::from(percent_decode(bs)).into_owned();
    decode_owned(raw, enc, &options.errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_percent_is_contains() {
        // every length through the word paths and memchr's, a `%` at every place, and
        // bytes next to `%` (0x24, 0x26, 0xa5) that a word test could confuse with it
        for len in 0..80 {
            for filler in [b'a', 0x24, 0x26, 0xa5, 0x00, 0xff] {
                let mut v = vec![filler; len];
                assert!(!has_percent(&v), "{len} {filler}");
                for i in 0..len {
                    v[i] = b'%';
                    assert!(has_percent(&v), "{len} {filler} {i}");
                    v[i] = filler;
                }
            }
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 70) as usize;
            let v: Vec<u8> = (0..len)
                .map(|i| (x >> (i % 8 * 8)) as u8 ^ i as u8)
                .collect();
            assert_eq!(has_percent(&v), v.contains(&b'%'));
            assert_eq!(
                scan_escapes(&v, true),
                (v.contains(&b'%'), v.contains(&b'+'))
            );
            assert!(!scan_escapes(&v, false).1);
        }
    }

    #[test]
    fn quotes_as_python() {
        assert_eq!(quote("~a-b_c.d/é %"), "~a-b_c.d/%C3%A9%20%25");
        assert_eq!(quote_plus("a+b c"), "a%2Bb+c");
        let o = QuoteOptions::new().safe(" +");
        assert_eq!(quote_plus_with("a+b c", &o).unwrap(), "a+b+c");
        let o = QuoteOptions::new().safe("é/");
        assert_eq!(quote_with("é/", &o).unwrap(), "%C3%A9/");
        assert!(quote_from_bytes_with(b"a", &QuoteOptions::new().encoding("utf-8")).is_err());
        assert_eq!(
            quote_with("", &QuoteOptions::new().encoding("bogus")).unwrap(),
            ""
        );
        assert!(quote_with("a", &QuoteOptions::new().encoding("bogus")).is_err());
    }

    #[test]
    fn unquotes_as_python() {
        assert_eq!(unquote("%C3ü%BC"), "\u{fffd}ü\u{fffd}");
        assert_eq!(unquote("%%41"), "%A");
        assert_eq!(unquote("%"), "%");
        assert_eq!(unquote("%4"), "%4");
        assert_eq!(unquote_plus("%+B"), "% B");
        assert_eq!(unquote("no escapes"), "no escapes");
        assert_eq!(&*unquote_to_bytes("%zz%41é"), "%zzAé".as_bytes());
        let o = UnquoteOptions::new().encoding("bogus");
        assert!(unquote_with("%41", &o).is_err());
        assert_eq!(unquote_with("41", &o).unwrap(), "41");
    }
}
