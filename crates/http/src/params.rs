//! The header-parameter methods of `email.message.Message` that users call on
//! `response.headers` (`get_content_type`, `get_params`, `get_param`,
//! `get_content_charset`, `get_filename` ...), as free functions over header values so
//! that `HTTPMessage` can delegate to them. They follow CPython 3.11's
//! `email/message.py` and `email/utils.py` under the compat32 policy (header values
//! are plain `str`), with one later CPython fix: where 3.11 raises `TypeError` on a
//! parameter given both as `name*` and as numbered sections `name*0`, `name*1`, the
//! unnumbered one is dropped if a section 0 exists and read as section 0 otherwise
//! (gh-134151, as CPython main does).
//!
//! Each function takes the value of the header it reads (`None` when the message
//! has no such header), the first one, as `Message.get` returns it.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::Error;

/// A parameter value as Python's `Message.get_params()` and `Message.get_param()`
/// return it: a `str`, or the 3-tuple `(charset, language, value)` of a parameter
/// in RFC 2231's extended notation (`title*=us-ascii'en'This%20is%20fun`, or
/// sections `title*0*=...; title*1*=...`).
///
/// In the tuple, `value` holds the percent-decoded octets as the characters U+0000
/// to U+00FF (Python decodes the `%XX` escapes as Latin-1), not yet decoded in the
/// charset; [`ParamValue::collapse`] (Python's `email.utils.collapse_rfc2231_value`)
/// does that.
///
/// ```
/// use netstd_http::ParamValue;
/// let v = ParamValue::Rfc2231 {
///     charset: Some("utf-8".into()),
///     language: Some("".into()),
///     value: "\u{e2}\u{82}\u{ac} rates".into(),
/// };
/// assert_eq!(v.collapse("replace", "us-ascii")?, "€ rates");
/// assert_eq!(ParamValue::Str("\"a.txt\"".into()).collapse("replace", "us-ascii")?, "a.txt");
/// # Ok::<(), netstd_http::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ParamValue {
    /// A plain Python `str`.
    Str(String),
    /// Python's 3-tuple `(charset, language, value)` for an RFC 2231 parameter.
    Rfc2231 {
        /// The charset before the first `'`; `None` when the value had fewer than two
        /// `'` (Python's `decode_rfc2231` gives `(None, None, s)`).
        charset: Option<String>,
        /// The language between the two `'`; `None` as for `charset`.
        language: Option<String>,
        /// The value: percent-decoded octets as characters U+0000 to U+00FF (and any
        /// character the header itself held), quoted or not as Python has it.
        value: String,
    },
}

impl ParamValue {
    /// Python's `email.utils.collapse_rfc2231_value(value, errors, fallback_charset)`
    /// (Python's defaults: `"replace"`, `"us-ascii"`): a `str` is unquoted; a tuple's
    /// value is read as octets (`raw-unicode-escape`, as Python does) and decoded in
    /// its charset, or `fallback_charset` when it has none.
    ///
    /// The charsets decoded are UTF-8, US-ASCII and Latin-1, under CPython's names and
    /// aliases (`UTF8`, `us_ascii`, `iso-8859-1`, `l1` ...). Any other charset is
    /// treated as one Python does not know (its `LookupError` fallback): the value is
    /// returned unquoted and undecoded. For the ones Python does know (`cp1252`,
    /// `utf-16` ...) that differs from CPython.
    ///
    /// The error handlers are `strict`, `replace`, `ignore` and `backslashreplace`.
    /// Undecodable octets under `strict` are a `ValueError` (Python's
    /// `UnicodeDecodeError`, a `ValueError`, with its message); under any other
    /// handler name they are a `ValueError` too (Python: `LookupError` for an unknown
    /// handler; `surrogateescape` would need lone surrogates, which Rust's strings
    /// cannot hold). As in Python, the handler is only looked at when an error
    /// occurs.
    ///
    /// ```
    /// use netstd_http::ParamValue;
    /// let v = ParamValue::Rfc2231 { charset: None, language: None, value: "caf\u{e9}".into() };
    /// assert_eq!(v.collapse("replace", "us-ascii")?, "caf\u{fffd}");
    /// assert_eq!(v.collapse("replace", "latin-1")?, "café");
    /// assert_eq!(v.collapse("backslashreplace", "utf-8")?, "caf\\xe9");
    /// assert!(v.collapse("strict", "ascii").is_err());
    /// # Ok::<(), netstd_http::Error>(())
    /// ```
    pub fn collapse(&self, errors: &str, fallback_charset: &str) -> Result<String, Error> {
        match self {
            ParamValue::Str(s) => Ok(unquote(s)),
            ParamValue::Rfc2231 { charset, value, .. } => {
                let charset = charset.as_deref().unwrap_or(fallback_charset);
                let raw = raw_unicode_escape(value);
                match lookup_codec(charset) {
                    Some(codec) => decode(&raw, codec, errors),
                    None => Ok(unquote(value)),
                }
            }
        }
    }

    /// Python's `_unquotevalue`: a `str` unquoted, or a tuple with its value unquoted.
    fn unquoted(self) -> ParamValue {
        match self {
            ParamValue::Str(s) => ParamValue::Str(unquote(&s)),
            ParamValue::Rfc2231 {
                charset,
                language,
                value,
            } => ParamValue::Rfc2231 {
                charset,
                language,
                value: unquote(&value),
            },
        }
    }
}

// ---------------------------------------------------------------- Python's text

/// CPython's `str.isspace()` for one character: Unicode White_Space plus the
/// information separators U+001C to U+001F.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// CPython's `str.strip()`.
fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// CPython's `str.lower()` (Rust's full lower-casing; the two differ only for the
/// few characters that Unicode versions newer than CPython's added).
fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// Python's `repr()` of a `str`, for error messages.
pub(crate) use netstd_urlparse::py_repr as repr_str;

// ------------------------------------------------------------ email.utils

/// Python's `email.utils.unquote`: the text between `"..."` with `\\` and then `\"`
/// replaced (two plain replacements, as Python does), or between `<...>`.
pub(crate) fn unquote(s: &str) -> String {
    if s.chars().nth(1).is_some() {
        if s.starts_with('"') && s.ends_with('"') {
            return s[1..s.len() - 1]
                .replace("\\\\", "\\")
                .replace("\\\"", "\"");
        }
        if s.starts_with('<') && s.ends_with('>') {
            return s[1..s.len() - 1].to_owned();
        }
    }
    s.to_owned()
}

/// Python's `email.utils.quote`: backslash and double quote escaped, no quotes added.
fn quote(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Python's `email.utils.decode_rfc2231`: `charset'language'value` split at the
/// first two `'`, or `(None, None, s)` when there are fewer.
fn decode_rfc2231(s: &str) -> (Option<String>, Option<String>, String) {
    let mut parts = s.splitn(3, '\'');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(c), Some(l), Some(v)) => (Some(c.to_owned()), Some(l.to_owned()), v.to_owned()),
        _ => (None, None, s.to_owned()),
    }
}

/// Python's `urllib.parse.unquote(s, encoding="latin-1")`: each `%XX` becomes the
/// character U+00XX; everything else, malformed escapes included, is kept.
fn unquote_latin1(s: &str) -> String {
    let b = s.as_bytes();
    let hex = |i: usize| b.get(i).and_then(|&c| char::from(c).to_digit(16));
    let mut out = String::with_capacity(s.len());
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let escaped = match (b[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => char::from_u32(hi * 16 + lo),
            _ => None,
        };
        match escaped {
            Some(c) => {
                out.push_str(&s[start..i]);
                out.push(c);
                i += 3;
                start = i;
            }
            None => i += 1,
        }
    }
    out.push_str(&s[start..]);
    out
}

/// Python's `bytes(text, 'raw-unicode-escape')`: U+0000 to U+00FF as one octet each,
/// other characters as the ASCII text `\uXXXX` or `\UXXXXXXXX`.
fn raw_unicode_escape(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let n = u32::from(c);
        if let Ok(byte) = u8::try_from(n) {
            out.push(byte);
        } else if n < 0x10000 {
            out.extend_from_slice(format!("\\u{n:04x}").as_bytes());
        } else {
            out.extend_from_slice(format!("\\U{n:08x}").as_bytes());
        }
    }
    out
}

/// The RFC 2231 section number of a parameter name, as Python's `int()` of its
/// digits would order it: leading zeros dropped, then shorter is smaller.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SectionNumber(String);

impl SectionNumber {
    fn new(digits: &str) -> SectionNumber {
        let trimmed = digits.trim_start_matches('0');
        SectionNumber(trimmed.to_owned())
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }
}

impl Ord for SectionNumber {
    fn cmp(&self, other: &SectionNumber) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.cmp(&other.0))
    }
}

impl PartialOrd for SectionNumber {
    fn partial_cmp(&self, other: &SectionNumber) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Python's `rfc2231_continuation` (`^(?P<name>\w+)\*((?P<num>[0-9]+)\*?)?$`,
/// ASCII): the name and the section number of `name*`, `name*N` or `name*N*`.
fn rfc2231_continuation(name: &str) -> Option<(&str, Option<SectionNumber>)> {
    let star = name.find('*')?;
    let (base, rest) = (&name[..star], &name[star + 1..]);
    if base.is_empty() || !base.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    if rest.is_empty() {
        return Some((base, None));
    }
    let digits = rest.strip_suffix('*').unwrap_or(rest);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((base, Some(SectionNumber::new(digits))))
}

/// One RFC 2231 section: Python's `(num, value, encoded)` tuple.
type Section = (Option<SectionNumber>, String, bool);

/// Python's `email.utils.decode_params`: the first pair kept as it is, the others
/// unquoted and quoted again, and RFC 2231 sections joined (after all the plain
/// parameters, in the order their names first appeared).
fn decode_params(params: Vec<(String, String)>) -> Vec<(String, ParamValue)> {
    let mut params = params.into_iter();
    let mut new_params = Vec::new();
    if let Some((name, value)) = params.next() {
        new_params.push((name, ParamValue::Str(value)));
    }
    // Python's dict: the names in the order they first appear
    let mut rfc2231: Vec<(String, Vec<Section>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (name, value) in params {
        let encoded = name.ends_with('*');
        let value = unquote(&value);
        match rfc2231_continuation(&name) {
            Some((base, num)) => match index.get(base) {
                Some(&i) => rfc2231[i].1.push((num, value, encoded)),
                None => {
                    index.insert(base.to_owned(), rfc2231.len());
                    rfc2231.push((base.to_owned(), vec![(num, value, encoded)]));
                }
            },
            None => new_params.push((name, ParamValue::Str(format!("\"{}\"", quote(&value))))),
        }
    }
    for (name, mut sections) in rfc2231 {
        // Python 3.11 sorts the (num, value, encoded) tuples and raises TypeError when
        // an unnumbered section meets numbered ones; CPython main then drops the
        // unnumbered one if there is a section 0, and reads it as 0 otherwise.
        let numbered = sections.iter().any(|s| s.0.is_some());
        let unnumbered = sections.iter().any(|s| s.0.is_none());
        if numbered && unnumbered {
            if sections
                .iter()
                .any(|s| s.0.as_ref().is_some_and(SectionNumber::is_zero))
            {
                sections.retain(|s| s.0.is_some());
            } else {
                for s in &mut sections {
                    s.0.get_or_insert_with(|| SectionNumber::new("0"));
                }
            }
        }
        sections.sort();
        let mut extended = false;
        let mut joined = String::new();
        for (_, s, encoded) in sections {
            if encoded {
                joined.push_str(&unquote_latin1(&s));
                extended = true;
            } else {
                joined.push_str(&s);
            }
        }
        let joined = quote(&joined);
        if extended {
            let (charset, language, value) = decode_rfc2231(&joined);
            new_params.push((
                name,
                ParamValue::Rfc2231 {
                    charset,
                    language,
                    value: format!("\"{value}\""),
                },
            ));
        } else {
            new_params.push((name, ParamValue::Str(format!("\"{joined}\""))));
        }
    }
    new_params
}

// ------------------------------------------------------------ email.message

/// Python's `_splitparam`: the text before the first `;` and the rest, stripped.
fn splitparam(s: &str) -> (&str, Option<&str>) {
    match s.split_once(';') {
        Some((a, b)) => (strip(a), Some(strip(b))),
        None => (strip(s), None),
    }
}

/// Python's `_parseparam`: the `;`-separated pieces (a `;` between an odd number of
/// unescaped `"` does not separate), each stripped, with the name before `=`
/// stripped and lower-cased.
fn parseparam(value: &str) -> Vec<String> {
    let mut plist = Vec::new();
    // Python prepends ';' and loops while the rest starts with one
    let mut s = value;
    loop {
        // Python counts the quotes of s[:end] afresh for each candidate ';'; counting
        // on from the previous candidate gives the same numbers in linear time (a ';'
        // cannot be part of a `\"`).
        let (mut quotes, mut counted) = (0usize, 0usize);
        let mut end = s.find(';');
        while let Some(e) = end {
            let head = &s[counted..e];
            quotes += head.matches('"').count();
            quotes -= head.matches("\\\"").count();
            counted = e;
            if e == 0 || quotes % 2 == 0 {
                break;
            }
            end = s[e + 1..].find(';').map(|i| i + e + 1);
        }
        let end = end.unwrap_or(s.len());
        let f = &s[..end];
        let f = match f.split_once('=') {
            Some((name, val)) => format!("{}={}", lower(strip(name)), strip(val)),
            None => f.to_owned(),
        };
        plist.push(strip(&f).to_owned());
        match s[end..].strip_prefix(';') {
            Some(rest) => s = rest,
            None => break,
        }
    }
    plist
}

/// Python's `Message._get_params_preserve(failobj, header)`: the parameters with
/// their quoting kept (values of plain parameters are quoted again).
fn get_params_preserve(value: &str) -> Vec<(String, ParamValue)> {
    let params = parseparam(value)
        .into_iter()
        .map(|p| match p.split_once('=') {
            Some((name, val)) => (strip(name).to_owned(), strip(val).to_owned()),
            // a bare attribute
            None => (strip(&p).to_owned(), String::new()),
        })
        .collect();
    decode_params(params)
}

/// Python's `Message.get_content_type()`: the lower-cased `maintype/subtype` of the
/// Content-Type value, `text/plain` when it is not of that form (RFC 2045), and
/// `default` (Python's `get_default_type()`, normally `text/plain`) when there is
/// no Content-Type.
pub(crate) fn get_content_type(content_type: Option<&str>, default: &str) -> String {
    let Some(value) = content_type else {
        return default.to_owned();
    };
    let ctype = lower(splitparam(value).0);
    if ctype.matches('/').count() != 1 {
        return "text/plain".to_owned();
    }
    ctype
}

/// Python's `Message.get_params(failobj=None, header, unquote)`: the parameters of
/// a header value as `(name, value)` pairs, the first being the part before the
/// first `;` with an empty value (`('text/html', '')`). `None` when there is no
/// such header. With `unquote` false, values keep (or get) their quotes.
pub(crate) fn get_params(value: Option<&str>, unquote: bool) -> Option<Vec<(String, ParamValue)>> {
    let params = get_params_preserve(value?);
    Some(if unquote {
        params.into_iter().map(|(k, v)| (k, v.unquoted())).collect()
    } else {
        params
    })
}

/// Python's `Message.get_param(param, failobj=None, header, unquote)`: the value of
/// the first parameter whose name matches `param` regardless of case (the first pair
/// of [`get_params`] is a candidate too, as in Python). `None` when the header or
/// the parameter is missing.
pub(crate) fn get_param(value: Option<&str>, param: &str, unquote: bool) -> Option<ParamValue> {
    let param = lower(param);
    let (_, v) = get_params_preserve(value?)
        .into_iter()
        .find(|(k, _)| lower(k) == param)?;
    Some(if unquote { v.unquoted() } else { v })
}

/// Python's `Message.get_content_charset(failobj=None)`: the Content-Type's
/// `charset` parameter, lower-cased; an RFC 2231 one decoded in its own charset
/// (US-ASCII when it names none), or left as it is when that fails. `None` when
/// there is no Content-Type or no charset, or when the charset is not ASCII.
///
/// Charsets other than UTF-8, US-ASCII and Latin-1 count as unknown, as in
/// [`ParamValue::collapse`]. A charset name with a NUL, where Python raises
/// `ValueError` ("embedded null character"), counts as unknown too.
pub(crate) fn get_content_charset(content_type: Option<&str>) -> Option<String> {
    let charset = match get_param(content_type, "charset", true)? {
        ParamValue::Str(s) => s,
        ParamValue::Rfc2231 { charset, value, .. } => {
            let pcharset = charset.filter(|c| !c.is_empty());
            let pcharset = pcharset.as_deref().unwrap_or("us-ascii");
            lookup_codec(pcharset)
                .and_then(|codec| decode(&raw_unicode_escape(&value), codec, "strict").ok())
                .unwrap_or(value)
        }
    };
    if !charset.is_ascii() {
        return None;
    }
    Some(charset.to_ascii_lowercase())
}

/// Python's `Message.get_filename(failobj=None)`: the `filename` parameter of the
/// Content-Disposition, or else the `name` parameter of the Content-Type, collapsed
/// (`collapse_rfc2231_value` with its defaults) and stripped. `None` when neither
/// is there.
///
/// As in [`ParamValue::collapse`], charsets other than UTF-8, US-ASCII and Latin-1
/// count as unknown; so does a charset name with a NUL, where Python raises
/// `ValueError`.
pub(crate) fn get_filename(
    content_disposition: Option<&str>,
    content_type: Option<&str>,
) -> Option<String> {
    let filename = get_param(content_disposition, "filename", true)
        .or_else(|| get_param(content_type, "name", true))?;
    let collapsed = match filename.collapse("replace", "us-ascii") {
        Ok(s) => s,
        // "replace" never fails
        Err(_) => return None,
    };
    Some(strip(&collapsed).to_owned())
}

// ------------------------------------------------------------ codecs

/// The codecs decoded here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The codec's name in CPython's error messages.
    fn message_name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// CPython's names for the three codecs: the module names and their aliases in
/// `encodings.aliases`, after normalisation.
const CODEC_NAMES: &[(&str, Codec, bool)] = &[
    // (normalised name, codec, is an alias rather than the module name)
    ("646", Codec::Ascii, true),
    ("8859", Codec::Latin1, true),
    ("ansi_x3.4_1968", Codec::Ascii, true),
    ("ansi_x3.4_1986", Codec::Ascii, true),
    ("ansi_x3_4_1968", Codec::Ascii, true),
    ("ascii", Codec::Ascii, false),
    ("cp367", Codec::Ascii, true),
    ("cp65001", Codec::Utf8, true),
    ("cp819", Codec::Latin1, true),
    ("csascii", Codec::Ascii, true),
    ("csisolatin1", Codec::Latin1, true),
    ("ibm367", Codec::Ascii, true),
    ("ibm819", Codec::Latin1, true),
    ("iso646_us", Codec::Ascii, true),
    ("iso8859", Codec::Latin1, true),
    ("iso8859_1", Codec::Latin1, true),
    ("iso_646.irv_1991", Codec::Ascii, true),
    ("iso_8859_1", Codec::Latin1, true),
    ("iso_8859_1_1987", Codec::Latin1, true),
    ("iso_ir_100", Codec::Latin1, true),
    ("iso_ir_6", Codec::Ascii, true),
    ("l1", Codec::Latin1, true),
    ("latin", Codec::Latin1, true),
    ("latin1", Codec::Latin1, true),
    ("latin_1", Codec::Latin1, false),
    ("u8", Codec::Utf8, true),
    ("us", Codec::Ascii, true),
    ("us_ascii", Codec::Ascii, true),
    ("utf", Codec::Utf8, true),
    ("utf8", Codec::Utf8, true),
    ("utf8_ucs2", Codec::Utf8, true),
    ("utf8_ucs4", Codec::Utf8, true),
    ("utf_8", Codec::Utf8, false),
];

/// CPython's `_Py_normalize_encoding`: ASCII letters lower-cased, digits and `.`
/// kept, every other run of characters one `_` (none at the start).
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

/// CPython's codec lookup for `str(bytes, name)`, as far as these three codecs go:
/// `None` where Python raises `LookupError` (or, for a name with a NUL,
/// `ValueError`) and for the codecs not implemented here.
fn lookup_codec(name: &str) -> Option<Codec> {
    if name.contains('\0') {
        return None;
    }
    let norm = normalize_encoding(name);
    let find = |n: &str, aliases_only: bool| {
        CODEC_NAMES
            .iter()
            .find(|(k, _, alias)| *k == n && (*alias || !aliases_only))
            .map(|&(_, codec, _)| codec)
    };
    // encodings.search_function: the name itself (a module name has no '.'), then
    // the alias with '.' read as '_'
    find(&norm, norm.contains('.')).or_else(|| find(&norm.replace('.', "_"), true))
}

/// Python's `str(raw, codec, errors)`.
fn decode(raw: &[u8], codec: Codec, errors: &str) -> Result<String, Error> {
    let mut out = String::with_capacity(raw.len());
    let mut pos = 0;
    while pos < raw.len() {
        // the next valid run, then the undecodable octets [bad_start, bad_end)
        let (valid_end, bad_end, reason) = match codec {
            Codec::Latin1 => {
                out.extend(raw[pos..].iter().map(|&b| char::from(b)));
                return Ok(out);
            }
            Codec::Ascii => match raw[pos..].iter().position(|b| !b.is_ascii()) {
                None => (raw.len(), raw.len(), ""),
                Some(i) => (pos + i, pos + i + 1, "ordinal not in range(128)"),
            },
            Codec::Utf8 => match std::str::from_utf8(&raw[pos..]) {
                Ok(_) => (raw.len(), raw.len(), ""),
                Err(e) => {
                    let start = pos + e.valid_up_to();
                    match e.error_len() {
                        None => (start, raw.len(), "unexpected end of data"),
                        Some(n) if !(0xc2..=0xf4).contains(&raw[start]) => {
                            (start, start + n, "invalid start byte")
                        }
                        Some(n) => (start, start + n, "invalid continuation byte"),
                    }
                }
            },
        };
        // ASCII and valid UTF-8 both are UTF-8
        out.push_str(std::str::from_utf8(&raw[pos..valid_end]).unwrap_or_default());
        if valid_end == raw.len() {
            break;
        }
        match errors {
            "replace" => out.push('\u{fffd}'),
            "ignore" => {}
            "backslashreplace" => {
                for b in &raw[valid_end..bad_end] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
            "strict" => {
                let position = if bad_end - valid_end == 1 {
                    format!("byte 0x{:02x} in position {valid_end}", raw[valid_end])
                } else {
                    format!("bytes in position {valid_end}-{}", bad_end - 1)
                };
                return Err(Error::ValueError(format!(
                    "'{}' codec can't decode {position}: {reason}",
                    codec.message_name()
                )));
            }
            other => {
                return Err(Error::ValueError(format!(
                    "unsupported error handler name {}",
                    repr_str(other)
                )));
            }
        }
        pos = bad_end;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One header value and what CPython answers for it, as Python's `repr()`.
    struct Case {
        /// The value, as the Content-Type (and, for `filename_cd`, as the
        /// Content-Disposition) of an otherwise empty message.
        value: &'static str,
        content_type: &'static str,
        params: &'static str,
        params_raw: &'static str,
        charset: &'static str,
        /// `get_filename()` with the value as the Content-Disposition.
        filename_cd: &'static str,
        /// `get_filename()` with the value as the Content-Type.
        filename_ct: &'static str,
        /// `get_param(name)` for each of [`PARAM_NAMES`], joined with `" | "`.
        param: &'static str,
        /// `get_param(name, unquote=False)`, likewise.
        param_raw: &'static str,
    }

    const PARAM_NAMES: [&str; 7] = [
        "charset",
        "TITLE",
        "name",
        "filename",
        "a",
        "url",
        "text/plain",
    ];

    fn repr_opt(s: Option<&str>) -> String {
        s.map_or_else(|| "None".to_owned(), repr_str)
    }

    fn repr_value(v: &ParamValue) -> String {
        match v {
            ParamValue::Str(s) => repr_str(s),
            ParamValue::Rfc2231 {
                charset,
                language,
                value,
            } => format!(
                "({}, {}, {})",
                repr_opt(charset.as_deref()),
                repr_opt(language.as_deref()),
                repr_str(value)
            ),
        }
    }

    fn repr_params(params: Option<Vec<(String, ParamValue)>>) -> String {
        match params {
            None => "None".to_owned(),
            Some(params) => {
                let items: Vec<String> = params
                    .iter()
                    .map(|(k, v)| format!("({}, {})", repr_str(k), repr_value(v)))
                    .collect();
                format!("[{}]", items.join(", "))
            }
        }
    }

    fn repr_param(v: Option<ParamValue>) -> String {
        v.as_ref().map_or_else(|| "None".to_owned(), repr_value)
    }

    fn check(cases: &[Case]) {
        let mut failures = Vec::new();
        for case in cases {
            let v = Some(case.value);
            let got = [
                (
                    "content_type",
                    repr_str(&get_content_type(v, "text/plain")),
                    case.content_type,
                ),
                ("params", repr_params(get_params(v, true)), case.params),
                (
                    "params_raw",
                    repr_params(get_params(v, false)),
                    case.params_raw,
                ),
                (
                    "charset",
                    repr_opt(get_content_charset(v).as_deref()),
                    case.charset,
                ),
                (
                    "filename_cd",
                    repr_opt(get_filename(v, None).as_deref()),
                    case.filename_cd,
                ),
                (
                    "filename_ct",
                    repr_opt(get_filename(None, v).as_deref()),
                    case.filename_ct,
                ),
                (
                    "param",
                    PARAM_NAMES
                        .map(|n| repr_param(get_param(v, n, true)))
                        .join(" | "),
                    case.param,
                ),
                (
                    "param_raw",
                    PARAM_NAMES
                        .map(|n| repr_param(get_param(v, n, false)))
                        .join(" | "),
                    case.param_raw,
                ),
            ];
            for (what, got, want) in got {
                if got != want {
                    failures.push(format!(
                        "{:?} {what}:\n   got {got}\n  want {want}",
                        case.value
                    ));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} mismatches:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn cpython_311_answers() {
        check(CASES);
    }

    /// Where CPython 3.11 raises `TypeError` (an unnumbered `name*` beside numbered
    /// sections), CPython main's answer (gh-134151).
    #[test]
    fn cpython_main_answers_where_311_raises() {
        check(MAIN_CASES);
    }

    #[test]
    fn missing_headers() {
        assert_eq!(get_content_type(None, "text/plain"), "text/plain");
        assert_eq!(get_content_type(None, "message/rfc822"), "message/rfc822");
        assert_eq!(get_params(None, true), None);
        assert_eq!(get_param(None, "charset", true), None);
        assert_eq!(get_content_charset(None), None);
        assert_eq!(get_filename(None, None), None);
        // no filename on the Content-Disposition: the Content-Type's name
        assert_eq!(
            get_filename(Some("attachment"), Some("text/plain; name=\"b.txt\"")),
            Some("b.txt".to_owned())
        );
        assert_eq!(
            get_filename(
                Some("attachment; filename=a.txt"),
                Some("text/plain; name=b.txt")
            ),
            Some("a.txt".to_owned())
        );
    }

    #[test]
    fn a_nul_in_the_charset_counts_as_unknown() {
        // CPython raises ValueError("embedded null character") here
        let v = Some("text/plain; charset*=utf%008''x; name*=utf%008''%41");
        assert_eq!(get_content_charset(v), Some("x".to_owned()));
        assert_eq!(get_filename(None, v), Some("A".to_owned()));
    }

    #[test]
    fn collapse_handlers() {
        let v = |value: &str| ParamValue::Rfc2231 {
            charset: Some("utf-8".to_owned()),
            language: None,
            value: value.to_owned(),
        };
        let bad = v("a\u{ff}b\u{e2}\u{82}c\u{e2}\u{82}");
        assert_eq!(
            bad.collapse("replace", "ascii").unwrap(),
            "a\u{fffd}b\u{fffd}c\u{fffd}"
        );
        assert_eq!(bad.collapse("ignore", "ascii").unwrap(), "abc");
        assert_eq!(
            bad.collapse("backslashreplace", "ascii").unwrap(),
            "a\\xffb\\xe2\\x82c\\xe2\\x82"
        );
        assert_eq!(
            bad.collapse("strict", "ascii").unwrap_err(),
            Error::ValueError(
                "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte".to_owned()
            )
        );
        assert_eq!(
            v("\u{e2}\u{82}A")
                .collapse("strict", "ascii")
                .unwrap_err()
                .to_string(),
            "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"
        );
        assert_eq!(
            v("ab\u{e2}\u{82}")
                .collapse("strict", "ascii")
                .unwrap_err()
                .to_string(),
            "'utf-8' codec can't decode bytes in position 2-3: unexpected end of data"
        );
        assert!(bad.collapse("surrogateescape", "ascii").is_err());
        // the handler is only looked at when an error occurs
        assert_eq!(v("ok").collapse("no-such-handler", "ascii").unwrap(), "ok");
        let ascii = ParamValue::Rfc2231 {
            charset: None,
            language: None,
            value: "\"caf\u{e9}\"".to_owned(),
        };
        assert_eq!(
            ascii.collapse("replace", "us-ascii").unwrap(),
            "\"caf\u{fffd}\""
        );
        assert_eq!(
            ascii
                .collapse("strict", "US_ASCII")
                .unwrap_err()
                .to_string(),
            "'ascii' codec can't decode byte 0xe9 in position 4: ordinal not in range(128)"
        );
        assert_eq!(ascii.collapse("strict", "L1").unwrap(), "\"café\"");
        // an unknown charset: the value unquoted, undecoded
        assert_eq!(ascii.collapse("strict", "x-unknown").unwrap(), "caf\u{e9}");
        assert_eq!(ascii.collapse("strict", "").unwrap(), "caf\u{e9}");
        assert_eq!(
            ParamValue::Str("<a>".to_owned())
                .collapse("strict", "ascii")
                .unwrap(),
            "a"
        );
    }

    #[test]
    fn codec_names() {
        for (name, codec) in [
            ("utf-8", Some(Codec::Utf8)),
            ("UTF8", Some(Codec::Utf8)),
            (" utf 8 ", Some(Codec::Utf8)),
            ("utf.8", None),
            ("utf-16", None),
            ("iso.8859.1", Some(Codec::Latin1)),
            ("Latin-1", Some(Codec::Latin1)),
            ("ansi_x3.4-1968", Some(Codec::Ascii)),
            ("us", Some(Codec::Ascii)),
            ("", None),
            ("é", None),
        ] {
            assert_eq!(lookup_codec(name), codec, "{name:?}");
        }
    }

    /// Python's `_parseparam` word for word (quotes counted afresh for each `;`).
    fn parseparam_naive(value: &str) -> Vec<String> {
        let mut plist = Vec::new();
        let mut s = format!(";{value}");
        while s.starts_with(';') {
            s.remove(0);
            let mut end = s.find(';');
            while let Some(e) = end.filter(|&e| e > 0) {
                let head = &s[..e];
                if (head.matches('"').count() - head.matches("\\\"").count()) % 2 == 0 {
                    break;
                }
                end = s[e + 1..].find(';').map(|i| i + e + 1);
            }
            let end = end.unwrap_or(s.len());
            let mut f = s[..end].to_owned();
            if let Some(i) = f.find('=') {
                f = format!("{}={}", lower(strip(&f[..i])), strip(&f[i + 1..]));
            }
            plist.push(strip(&f).to_owned());
            s = s[end..].to_owned();
        }
        plist
    }

    #[test]
    fn parseparam_counts_quotes_as_python_does() {
        let alphabet = ['a', ';', '"', '\\', '=', ' ', 'B'];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = usize::try_from(seed >> 60).unwrap_or(0);
            let mut value = String::new();
            let mut bits = seed;
            for _ in 0..len {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                bits ^= seed >> 33;
                value.push(alphabet[usize::try_from(bits % 7).unwrap_or(0)]);
            }
            assert_eq!(parseparam(&value), parseparam_naive(&value), "{value:?}");
        }
    }

    #[test]
    fn long_values_take_linear_time() {
        // an open quote and then 200,000 ';': Python's loop is quadratic here
        let value = format!("text/plain; a=\"{}", ";".repeat(200_000));
        let started = std::time::Instant::now();
        let params = get_params(Some(&value), true).unwrap();
        assert_eq!(params.len(), 2);
        let value = format!("text/plain{}", "; t*1=x; u*=y".repeat(20_000));
        assert_eq!(get_params(Some(&value), false).unwrap().len(), 3);
        let names: String = (0..20_000).map(|i| format!("; n{i}*={i}")).collect();
        assert_eq!(get_params(Some(&names), false).unwrap().len(), 20_001);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn python_text_helpers() {
        assert_eq!(unquote("\"a\\\\\\\"b\""), "a\\\"b");
        assert_eq!(unquote("\""), "\"");
        assert_eq!(unquote("\"\""), "");
        assert_eq!(unquote("<>"), "");
        assert_eq!(unquote("<a"), "<a");
        assert_eq!(quote("a\"b\\c"), "a\\\"b\\\\c");
        assert_eq!(strip("\u{1c} a \u{85}"), "a");
        assert_eq!(unquote_latin1("%41%zz%4%e9\u{e9}%"), "A%zz%4\u{e9}\u{e9}%");
        assert_eq!(
            raw_unicode_escape("a\u{e9}\u{2603}\u{1f600}"),
            b"a\xe9\\u2603\\U0001f600"
        );
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(
            repr_str("a'\"\\\u{7f}\u{a0}\u{2028}é☃"),
            "'a\\'\"\\\\\\x7f\\xa0\\u2028é☃'"
        );
        assert_eq!(
            SectionNumber::new("010").cmp(&SectionNumber::new("9")),
            Ordering::Greater
        );
        assert_eq!(SectionNumber::new("00"), SectionNumber::new("0"));
        assert!(SectionNumber::new("000").is_zero());
    }
    // CPython 3.11.7's answers, printed by a throwaway script calling `Message` with the value
    // appended to `_headers` as it is (the parser would give the same, bar leading blanks)
    const CASES: &[Case] = &[
        Case {
            value: "text/html",
            content_type: "'text/html'",
            params: "[('text/html', '')]",
            params_raw: "[('text/html', '')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | None",
            param_raw: "None | None | None | None | None | None | None",
        },
        Case {
            value: "text/html; charset=UTF-8",
            content_type: "'text/html'",
            params: "[('text/html', ''), ('charset', 'UTF-8')]",
            params_raw: "[('text/html', ''), ('charset', '\"UTF-8\"')]",
            charset: "'utf-8'",
            filename_cd: "None",
            filename_ct: "None",
            param: "'UTF-8' | None | None | None | None | None | None",
            param_raw: "'\"UTF-8\"' | None | None | None | None | None | None",
        },
        Case {
            value: "text/html; charset=\"utf-8\"",
            content_type: "'text/html'",
            params: "[('text/html', ''), ('charset', 'utf-8')]",
            params_raw: "[('text/html', ''), ('charset', '\"utf-8\"')]",
            charset: "'utf-8'",
            filename_cd: "None",
            filename_ct: "None",
            param: "'utf-8' | None | None | None | None | None | None",
            param_raw: "'\"utf-8\"' | None | None | None | None | None | None",
        },
        Case {
            value: "TEXT/HTML; CHARSET=ISO-8859-1",
            content_type: "'text/html'",
            params: "[('TEXT/HTML', ''), ('charset', 'ISO-8859-1')]",
            params_raw: "[('TEXT/HTML', ''), ('charset', '\"ISO-8859-1\"')]",
            charset: "'iso-8859-1'",
            filename_cd: "None",
            filename_ct: "None",
            param: "'ISO-8859-1' | None | None | None | None | None | None",
            param_raw: "'\"ISO-8859-1\"' | None | None | None | None | None | None",
        },
        Case {
            value: "text",
            content_type: "'text/plain'",
            params: "[('text', '')]",
            params_raw: "[('text', '')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | None",
            param_raw: "None | None | None | None | None | None | None",
        },
        Case {
            value: "a/b/c",
            content_type: "'text/plain'",
            params: "[('a/b/c', '')]",
            params_raw: "[('a/b/c', '')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | None",
            param_raw: "None | None | None | None | None | None | None",
        },
        Case {
            value: "",
            content_type: "'text/plain'",
            params: "[('', '')]",
            params_raw: "[('', '')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | None",
            param_raw: "None | None | None | None | None | None | None",
        },
        Case {
            value: "text/plain;",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('', '')]",
            params_raw: "[('text/plain', ''), ('', '\"\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | ''",
            param_raw: "None | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; ;; a=b",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('', ''), ('', ''), ('a', 'b')]",
            params_raw: "[('text/plain', ''), ('', '\"\"'), ('', '\"\"'), ('a', '\"b\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | 'b' | None | ''",
            param_raw: "None | None | None | None | '\"b\"' | None | ''",
        },
        Case {
            value: "text/plain; a=\"b;c\"; d=e",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', 'b;c'), ('d', 'e')]",
            params_raw: "[('text/plain', ''), ('a', '\"b;c\"'), ('d', '\"e\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | 'b;c' | None | ''",
            param_raw: "None | None | None | None | '\"b;c\"' | None | ''",
        },
        Case {
            value: "text/plain; a=\"b\\\"c;d\"; e=f",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', 'b\"c;d'), ('e', 'f')]",
            params_raw: "[('text/plain', ''), ('a', '\"b\\\\\"c;d\"'), ('e', '\"f\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | 'b\"c;d' | None | ''",
            param_raw: "None | None | None | None | '\"b\\\\\"c;d\"' | None | ''",
        },
        Case {
            value: "text/plain; a=\"b\\\\\"; c=d",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', '\"b\\\\\\\\\"; c=d')]",
            params_raw: "[('text/plain', ''), ('a', '\"\\\\\"b\\\\\\\\\\\\\\\\\\\\\"; c=d\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | '\"b\\\\\\\\\"; c=d' | None | ''",
            param_raw: "None | None | None | None | '\"\\\\\"b\\\\\\\\\\\\\\\\\\\\\"; c=d\"' | None | ''",
        },
        Case {
            value: "text/plain; a",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', '')]",
            params_raw: "[('text/plain', ''), ('a', '\"\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | '' | None | ''",
            param_raw: "None | None | None | None | '\"\"' | None | ''",
        },
        Case {
            value: "text/plain; a=",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', '')]",
            params_raw: "[('text/plain', ''), ('a', '\"\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | '' | None | ''",
            param_raw: "None | None | None | None | '\"\"' | None | ''",
        },
        Case {
            value: "text/plain; a=\"\"",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', '')]",
            params_raw: "[('text/plain', ''), ('a', '\"\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | '' | None | ''",
            param_raw: "None | None | None | None | '\"\"' | None | ''",
        },
        Case {
            value: "text/plain; a=\"",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', '\"')]",
            params_raw: "[('text/plain', ''), ('a', '\"\\\\\"\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | '\"' | None | ''",
            param_raw: "None | None | None | None | '\"\\\\\"\"' | None | ''",
        },
        Case {
            value: "text/plain; A = B ; c= d",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', 'B'), ('c', 'd')]",
            params_raw: "[('text/plain', ''), ('a', '\"B\"'), ('c', '\"d\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | 'B' | None | ''",
            param_raw: "None | None | None | None | '\"B\"' | None | ''",
        },
        Case {
            value: "text/plain; charset*=utf-8''%E2%82%AC",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', ('utf-8', '', 'â\\x82¬'))]",
            params_raw: "[('text/plain', ''), ('charset', ('utf-8', '', '\"â\\x82¬\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "('utf-8', '', 'â\\x82¬') | None | None | None | None | None | ''",
            param_raw: "('utf-8', '', '\"â\\x82¬\"') | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; charset*=us-ascii'en'UTF-8",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', ('us-ascii', 'en', 'UTF-8'))]",
            params_raw: "[('text/plain', ''), ('charset', ('us-ascii', 'en', '\"UTF-8\"'))]",
            charset: "'utf-8'",
            filename_cd: "None",
            filename_ct: "None",
            param: "('us-ascii', 'en', 'UTF-8') | None | None | None | None | None | ''",
            param_raw: "('us-ascii', 'en', '\"UTF-8\"') | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; charset*=''UTF-8",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', ('', '', 'UTF-8'))]",
            params_raw: "[('text/plain', ''), ('charset', ('', '', '\"UTF-8\"'))]",
            charset: "'utf-8'",
            filename_cd: "None",
            filename_ct: "None",
            param: "('', '', 'UTF-8') | None | None | None | None | None | ''",
            param_raw: "('', '', '\"UTF-8\"') | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; charset*=bogus''UTF-8",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', ('bogus', '', 'UTF-8'))]",
            params_raw: "[('text/plain', ''), ('charset', ('bogus', '', '\"UTF-8\"'))]",
            charset: "'utf-8'",
            filename_cd: "None",
            filename_ct: "None",
            param: "('bogus', '', 'UTF-8') | None | None | None | None | None | ''",
            param_raw: "('bogus', '', '\"UTF-8\"') | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; charset*=UTF-8",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', (None, None, 'UTF-8'))]",
            params_raw: "[('text/plain', ''), ('charset', (None, None, '\"UTF-8\"'))]",
            charset: "'utf-8'",
            filename_cd: "None",
            filename_ct: "None",
            param: "(None, None, 'UTF-8') | None | None | None | None | None | ''",
            param_raw: "(None, None, '\"UTF-8\"') | None | None | None | None | None | ''",
        },
        Case {
            value: "message/external-body; access-type=URL; URL*0=\"ftp://\"; URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"",
            content_type: "'message/external-body'",
            params: "[('message/external-body', ''), ('access-type', 'URL'), ('url', 'ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar')]",
            params_raw: "[('message/external-body', ''), ('access-type', '\"URL\"'), ('url', '\"ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | 'ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar' | None",
            param_raw: "None | None | None | None | None | '\"ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"' | None",
        },
        Case {
            value: "application/x-stuff; title*0*=us-ascii'en'This%20is%20even%20more%20; title*1*=%2A%2A%2Afun%2A%2A%2A%20; title*2=\"isn't it!\"",
            content_type: "'application/x-stuff'",
            params: "[('application/x-stuff', ''), ('title', ('us-ascii', 'en', \"This is even more ***fun*** isn't it!\"))]",
            params_raw: "[('application/x-stuff', ''), ('title', ('us-ascii', 'en', '\"This is even more ***fun*** isn\\'t it!\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | ('us-ascii', 'en', \"This is even more ***fun*** isn't it!\") | None | None | None | None | None",
            param_raw: "None | ('us-ascii', 'en', '\"This is even more ***fun*** isn\\'t it!\"') | None | None | None | None | None",
        },
        Case {
            value: "application/x-stuff; title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A",
            content_type: "'application/x-stuff'",
            params: "[('application/x-stuff', ''), ('title', ('us-ascii', 'en-us', 'This is ***fun***'))]",
            params_raw: "[('application/x-stuff', ''), ('title', ('us-ascii', 'en-us', '\"This is ***fun***\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | ('us-ascii', 'en-us', 'This is ***fun***') | None | None | None | None | None",
            param_raw: "None | ('us-ascii', 'en-us', '\"This is ***fun***\"') | None | None | None | None | None",
        },
        Case {
            value: "application/x-stuff; title*2=c; title*0=a; title*1=b",
            content_type: "'application/x-stuff'",
            params: "[('application/x-stuff', ''), ('title', 'abc')]",
            params_raw: "[('application/x-stuff', ''), ('title', '\"abc\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | 'abc' | None | None | None | None | None",
            param_raw: "None | '\"abc\"' | None | None | None | None | None",
        },
        Case {
            value: "application/x-stuff; title*10=k; title*9=j; title*0=a",
            content_type: "'application/x-stuff'",
            params: "[('application/x-stuff', ''), ('title', 'ajk')]",
            params_raw: "[('application/x-stuff', ''), ('title', '\"ajk\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | 'ajk' | None | None | None | None | None",
            param_raw: "None | '\"ajk\"' | None | None | None | None | None",
        },
        Case {
            value: "application/x-stuff; title*0=b; title*0=a; title*00=c",
            content_type: "'application/x-stuff'",
            params: "[('application/x-stuff', ''), ('title', 'abc')]",
            params_raw: "[('application/x-stuff', ''), ('title', '\"abc\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | 'abc' | None | None | None | None | None",
            param_raw: "None | '\"abc\"' | None | None | None | None | None",
        },
        Case {
            value: "application/x-stuff; title*=b; title*=a",
            content_type: "'application/x-stuff'",
            params: "[('application/x-stuff', ''), ('title', (None, None, 'ab'))]",
            params_raw: "[('application/x-stuff', ''), ('title', (None, None, '\"ab\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | (None, None, 'ab') | None | None | None | None | None",
            param_raw: "None | (None, None, '\"ab\"') | None | None | None | None | None",
        },
        Case {
            value: "attachment; filename=\"foo.txt\"",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', 'foo.txt')]",
            params_raw: "[('attachment', ''), ('filename', '\"foo.txt\"')]",
            charset: "None",
            filename_cd: "'foo.txt'",
            filename_ct: "None",
            param: "None | None | None | 'foo.txt' | None | None | None",
            param_raw: "None | None | None | '\"foo.txt\"' | None | None | None",
        },
        Case {
            value: "attachment; filename*=UTF-8''%E2%82%AC%20rates.txt",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('UTF-8', '', 'â\\x82¬ rates.txt'))]",
            params_raw: "[('attachment', ''), ('filename', ('UTF-8', '', '\"â\\x82¬ rates.txt\"'))]",
            charset: "None",
            filename_cd: "'€ rates.txt'",
            filename_ct: "None",
            param: "None | None | None | ('UTF-8', '', 'â\\x82¬ rates.txt') | None | None | None",
            param_raw: "None | None | None | ('UTF-8', '', '\"â\\x82¬ rates.txt\"') | None | None | None",
        },
        Case {
            value: "attachment; filename*=iso-8859-1''%E9t%E9.txt",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('iso-8859-1', '', 'été.txt'))]",
            params_raw: "[('attachment', ''), ('filename', ('iso-8859-1', '', '\"été.txt\"'))]",
            charset: "None",
            filename_cd: "'été.txt'",
            filename_ct: "None",
            param: "None | None | None | ('iso-8859-1', '', 'été.txt') | None | None | None",
            param_raw: "None | None | None | ('iso-8859-1', '', '\"été.txt\"') | None | None | None",
        },
        Case {
            value: "attachment; filename*=utf-8''%FF%FE.txt",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('utf-8', '', 'ÿþ.txt'))]",
            params_raw: "[('attachment', ''), ('filename', ('utf-8', '', '\"ÿþ.txt\"'))]",
            charset: "None",
            filename_cd: "'��.txt'",
            filename_ct: "None",
            param: "None | None | None | ('utf-8', '', 'ÿþ.txt') | None | None | None",
            param_raw: "None | None | None | ('utf-8', '', '\"ÿþ.txt\"') | None | None | None",
        },
        Case {
            value: "attachment; filename*=unknown-charset''a%20b.txt",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('unknown-charset', '', 'a b.txt'))]",
            params_raw: "[('attachment', ''), ('filename', ('unknown-charset', '', '\"a b.txt\"'))]",
            charset: "None",
            filename_cd: "'a b.txt'",
            filename_ct: "None",
            param: "None | None | None | ('unknown-charset', '', 'a b.txt') | None | None | None",
            param_raw: "None | None | None | ('unknown-charset', '', '\"a b.txt\"') | None | None | None",
        },
        Case {
            value: "attachment; filename=  spaced.txt  ",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', 'spaced.txt')]",
            params_raw: "[('attachment', ''), ('filename', '\"spaced.txt\"')]",
            charset: "None",
            filename_cd: "'spaced.txt'",
            filename_ct: "None",
            param: "None | None | None | 'spaced.txt' | None | None | None",
            param_raw: "None | None | None | '\"spaced.txt\"' | None | None | None",
        },
        Case {
            value: "attachment; filename=\"  spaced.txt  \"",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', '  spaced.txt  ')]",
            params_raw: "[('attachment', ''), ('filename', '\"  spaced.txt  \"')]",
            charset: "None",
            filename_cd: "'spaced.txt'",
            filename_ct: "None",
            param: "None | None | None | '  spaced.txt  ' | None | None | None",
            param_raw: "None | None | None | '\"  spaced.txt  \"' | None | None | None",
        },
        Case {
            value: "attachment; FILENAME=Upper.TXT",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', 'Upper.TXT')]",
            params_raw: "[('attachment', ''), ('filename', '\"Upper.TXT\"')]",
            charset: "None",
            filename_cd: "'Upper.TXT'",
            filename_ct: "None",
            param: "None | None | None | 'Upper.TXT' | None | None | None",
            param_raw: "None | None | None | '\"Upper.TXT\"' | None | None | None",
        },
        Case {
            value: "attachment; filename=<angle.txt>",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', 'angle.txt')]",
            params_raw: "[('attachment', ''), ('filename', '\"angle.txt\"')]",
            charset: "None",
            filename_cd: "'angle.txt'",
            filename_ct: "None",
            param: "None | None | None | 'angle.txt' | None | None | None",
            param_raw: "None | None | None | '\"angle.txt\"' | None | None | None",
        },
        Case {
            value: "attachment; filename*0=\"a\"; filename*1=\"b\"",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', 'ab')]",
            params_raw: "[('attachment', ''), ('filename', '\"ab\"')]",
            charset: "None",
            filename_cd: "'ab'",
            filename_ct: "None",
            param: "None | None | None | 'ab' | None | None | None",
            param_raw: "None | None | None | '\"ab\"' | None | None | None",
        },
        Case {
            value: "attachment; filename*0*=utf-8''%E2%82; filename*1*=%AC.txt",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('utf-8', '', 'â\\x82¬.txt'))]",
            params_raw: "[('attachment', ''), ('filename', ('utf-8', '', '\"â\\x82¬.txt\"'))]",
            charset: "None",
            filename_cd: "'€.txt'",
            filename_ct: "None",
            param: "None | None | None | ('utf-8', '', 'â\\x82¬.txt') | None | None | None",
            param_raw: "None | None | None | ('utf-8', '', '\"â\\x82¬.txt\"') | None | None | None",
        },
        Case {
            value: "inline; name=\"report.pdf\"",
            content_type: "'text/plain'",
            params: "[('inline', ''), ('name', 'report.pdf')]",
            params_raw: "[('inline', ''), ('name', '\"report.pdf\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "'report.pdf'",
            param: "None | None | 'report.pdf' | None | None | None | None",
            param_raw: "None | None | '\"report.pdf\"' | None | None | None | None",
        },
        Case {
            value: "text/plain; charset=\"\"",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', '')]",
            params_raw: "[('text/plain', ''), ('charset', '\"\"')]",
            charset: "''",
            filename_cd: "None",
            filename_ct: "None",
            param: "'' | None | None | None | None | None | ''",
            param_raw: "'\"\"' | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; charset=é",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', 'é')]",
            params_raw: "[('text/plain', ''), ('charset', '\"é\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "'é' | None | None | None | None | None | ''",
            param_raw: "'\"é\"' | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; charset*=utf-8''%C3%A9",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', ('utf-8', '', 'Ã©'))]",
            params_raw: "[('text/plain', ''), ('charset', ('utf-8', '', '\"Ã©\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "('utf-8', '', 'Ã©') | None | None | None | None | None | ''",
            param_raw: "('utf-8', '', '\"Ã©\"') | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; charset*=latin-1''%E9",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', ('latin-1', '', 'é'))]",
            params_raw: "[('text/plain', ''), ('charset', ('latin-1', '', '\"é\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "('latin-1', '', 'é') | None | None | None | None | None | ''",
            param_raw: "('latin-1', '', '\"é\"') | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; charset=\"us-ascii\" (comment)",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', '\"us-ascii\" (comment)')]",
            params_raw: "[('text/plain', ''), ('charset', '\"\\\\\"us-ascii\\\\\" (comment)\"')]",
            charset: "'\"us-ascii\" (comment)'",
            filename_cd: "None",
            filename_ct: "None",
            param: "'\"us-ascii\" (comment)' | None | None | None | None | None | ''",
            param_raw: "'\"\\\\\"us-ascii\\\\\" (comment)\"' | None | None | None | None | None | ''",
        },
        Case {
            value: "multipart/mixed; boundary=\"----=_Part_0\"",
            content_type: "'multipart/mixed'",
            params: "[('multipart/mixed', ''), ('boundary', '----=_Part_0')]",
            params_raw: "[('multipart/mixed', ''), ('boundary', '\"----=_Part_0\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | None",
            param_raw: "None | None | None | None | None | None | None",
        },
        Case {
            value: "text/plain; a=b=c",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', 'b=c')]",
            params_raw: "[('text/plain', ''), ('a', '\"b=c\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | 'b=c' | None | ''",
            param_raw: "None | None | None | None | '\"b=c\"' | None | ''",
        },
        Case {
            value: "text/plain;a=1;b=2",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', '1'), ('b', '2')]",
            params_raw: "[('text/plain', ''), ('a', '\"1\"'), ('b', '\"2\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | '1' | None | ''",
            param_raw: "None | None | None | None | '\"1\"' | None | ''",
        },
        Case {
            value: "  text/html  ;  charset = utf-8  ",
            content_type: "'text/html'",
            params: "[('text/html', ''), ('charset', 'utf-8')]",
            params_raw: "[('text/html', ''), ('charset', '\"utf-8\"')]",
            charset: "'utf-8'",
            filename_cd: "None",
            filename_ct: "None",
            param: "'utf-8' | None | None | None | None | None | None",
            param_raw: "'\"utf-8\"' | None | None | None | None | None | None",
        },
        Case {
            value: "text/plain; charset=utf-8; charset=latin-1",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', 'utf-8'), ('charset', 'latin-1')]",
            params_raw: "[('text/plain', ''), ('charset', '\"utf-8\"'), ('charset', '\"latin-1\"')]",
            charset: "'utf-8'",
            filename_cd: "None",
            filename_ct: "None",
            param: "'utf-8' | None | None | None | None | None | ''",
            param_raw: "'\"utf-8\"' | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; a=\"b\\\\c\"",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', 'b\\\\c')]",
            params_raw: "[('text/plain', ''), ('a', '\"b\\\\\\\\c\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | 'b\\\\c' | None | ''",
            param_raw: "None | None | None | None | '\"b\\\\\\\\c\"' | None | ''",
        },
        Case {
            value: "text/plain; a=\"\\\\\"\"",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', '\"')]",
            params_raw: "[('text/plain', ''), ('a', '\"\\\\\"\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | '\"' | None | ''",
            param_raw: "None | None | None | None | '\"\\\\\"\"' | None | ''",
        },
        Case {
            value: "text/plain; a=\"b\"c\"; d=e",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', '\"b\"c\"; d=e')]",
            params_raw: "[('text/plain', ''), ('a', '\"\\\\\"b\\\\\"c\\\\\"; d=e\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | '\"b\"c\"; d=e' | None | ''",
            param_raw: "None | None | None | None | '\"\\\\\"b\\\\\"c\\\\\"; d=e\"' | None | ''",
        },
        Case {
            value: "text/plain; a=\"unterminated; b=c",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', '\"unterminated; b=c')]",
            params_raw: "[('text/plain', ''), ('a', '\"\\\\\"unterminated; b=c\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | '\"unterminated; b=c' | None | ''",
            param_raw: "None | None | None | None | '\"\\\\\"unterminated; b=c\"' | None | ''",
        },
        Case {
            value: "text/plain; title*0*=us-ascii'en'a; title*1=%41",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('title', ('us-ascii', 'en', 'a%41'))]",
            params_raw: "[('text/plain', ''), ('title', ('us-ascii', 'en', '\"a%41\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | ('us-ascii', 'en', 'a%41') | None | None | None | None | ''",
            param_raw: "None | ('us-ascii', 'en', '\"a%41\"') | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; title*0=us-ascii'en'a",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('title', \"us-ascii'en'a\")]",
            params_raw: "[('text/plain', ''), ('title', '\"us-ascii\\'en\\'a\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | \"us-ascii'en'a\" | None | None | None | None | ''",
            param_raw: "None | '\"us-ascii\\'en\\'a\"' | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; title*=a'b",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('title', (None, None, \"a'b\"))]",
            params_raw: "[('text/plain', ''), ('title', (None, None, '\"a\\'b\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | (None, None, \"a'b\") | None | None | None | None | ''",
            param_raw: "None | (None, None, '\"a\\'b\"') | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; title*='''",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('title', ('', '', \"'\"))]",
            params_raw: "[('text/plain', ''), ('title', ('', '', '\"\\'\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | ('', '', \"'\") | None | None | None | None | ''",
            param_raw: "None | ('', '', '\"\\'\"') | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; title*=utf-8'en'a'b",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('title', ('utf-8', 'en', \"a'b\"))]",
            params_raw: "[('text/plain', ''), ('title', ('utf-8', 'en', '\"a\\'b\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | ('utf-8', 'en', \"a'b\") | None | None | None | None | ''",
            param_raw: "None | ('utf-8', 'en', '\"a\\'b\"') | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; title*=utf-8''%",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('title', ('utf-8', '', '%'))]",
            params_raw: "[('text/plain', ''), ('title', ('utf-8', '', '\"%\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | ('utf-8', '', '%') | None | None | None | None | ''",
            param_raw: "None | ('utf-8', '', '\"%\"') | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; title*=utf-8''%4",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('title', ('utf-8', '', '%4'))]",
            params_raw: "[('text/plain', ''), ('title', ('utf-8', '', '\"%4\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | ('utf-8', '', '%4') | None | None | None | None | ''",
            param_raw: "None | ('utf-8', '', '\"%4\"') | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; title*=utf-8''%zz%41%4a%e9%E9",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('title', ('utf-8', '', '%zzAJéé'))]",
            params_raw: "[('text/plain', ''), ('title', ('utf-8', '', '\"%zzAJéé\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | ('utf-8', '', '%zzAJéé') | None | None | None | None | ''",
            param_raw: "None | ('utf-8', '', '\"%zzAJéé\"') | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; x-name*=utf-8''a",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('x-name*', \"utf-8''a\")]",
            params_raw: "[('text/plain', ''), ('x-name*', '\"utf-8\\'\\'a\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | ''",
            param_raw: "None | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; na.me*0=a",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('na.me*0', 'a')]",
            params_raw: "[('text/plain', ''), ('na.me*0', '\"a\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | ''",
            param_raw: "None | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; n_1*0*=utf-8''a",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('n_1', ('utf-8', '', 'a'))]",
            params_raw: "[('text/plain', ''), ('n_1', ('utf-8', '', '\"a\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | ''",
            param_raw: "None | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; title*0**=a",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('title*0**', 'a')]",
            params_raw: "[('text/plain', ''), ('title*0**', '\"a\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | ''",
            param_raw: "None | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; *=a",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('*', 'a')]",
            params_raw: "[('text/plain', ''), ('*', '\"a\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | ''",
            param_raw: "None | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; title*=\"utf-8''%41\"",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('title', ('utf-8', '', 'A'))]",
            params_raw: "[('text/plain', ''), ('title', ('utf-8', '', '\"A\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | ('utf-8', '', 'A') | None | None | None | None | ''",
            param_raw: "None | ('utf-8', '', '\"A\"') | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; title*0*=\"utf-8''a\\\"b\"",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('title', ('utf-8', '', 'a\"b'))]",
            params_raw: "[('text/plain', ''), ('title', ('utf-8', '', '\"a\\\\\"b\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | ('utf-8', '', 'a\"b') | None | None | None | None | ''",
            param_raw: "None | ('utf-8', '', '\"a\\\\\"b\"') | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; a=b\tc",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', 'b\\tc')]",
            params_raw: "[('text/plain', ''), ('a', '\"b\\tc\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | 'b\\tc' | None | ''",
            param_raw: "None | None | None | None | '\"b\\tc\"' | None | ''",
        },
        Case {
            value: "text/plain; É=1",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('é', '1')]",
            params_raw: "[('text/plain', ''), ('é', '\"1\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | ''",
            param_raw: "None | None | None | None | None | None | ''",
        },
        Case {
            value: "attachment; filename*=utf-8''café",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('utf-8', '', 'café'))]",
            params_raw: "[('attachment', ''), ('filename', ('utf-8', '', '\"café\"'))]",
            charset: "None",
            filename_cd: "'caf�'",
            filename_ct: "None",
            param: "None | None | None | ('utf-8', '', 'café') | None | None | None",
            param_raw: "None | None | None | ('utf-8', '', '\"café\"') | None | None | None",
        },
        Case {
            value: "attachment; filename*=utf-8''☃",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('utf-8', '', '☃'))]",
            params_raw: "[('attachment', ''), ('filename', ('utf-8', '', '\"☃\"'))]",
            charset: "None",
            filename_cd: "'\\\\u2603'",
            filename_ct: "None",
            param: "None | None | None | ('utf-8', '', '☃') | None | None | None",
            param_raw: "None | None | None | ('utf-8', '', '\"☃\"') | None | None | None",
        },
        Case {
            value: "text/plain; charset*=utf-8''☃",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', ('utf-8', '', '☃'))]",
            params_raw: "[('text/plain', ''), ('charset', ('utf-8', '', '\"☃\"'))]",
            charset: "'\\\\u2603'",
            filename_cd: "None",
            filename_ct: "None",
            param: "('utf-8', '', '☃') | None | None | None | None | None | ''",
            param_raw: "('utf-8', '', '\"☃\"') | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; charset=\"\\\"utf-8\\\"\"",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', '\"utf-8\"')]",
            params_raw: "[('text/plain', ''), ('charset', '\"\\\\\"utf-8\\\\\"\"')]",
            charset: "'\"utf-8\"'",
            filename_cd: "None",
            filename_ct: "None",
            param: "'\"utf-8\"' | None | None | None | None | None | ''",
            param_raw: "'\"\\\\\"utf-8\\\\\"\"' | None | None | None | None | None | ''",
        },
        Case {
            value: "text/html\u{1f}; charset=utf-8\u{1c}",
            content_type: "'text/html'",
            params: "[('text/html', ''), ('charset', 'utf-8')]",
            params_raw: "[('text/html', ''), ('charset', '\"utf-8\"')]",
            charset: "'utf-8'",
            filename_cd: "None",
            filename_ct: "None",
            param: "'utf-8' | None | None | None | None | None | None",
            param_raw: "'\"utf-8\"' | None | None | None | None | None | None",
        },
        Case {
            value: "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
            content_type: "'multipart/form-data'",
            params: "[('multipart/form-data', ''), ('boundary', '----WebKitFormBoundary7MA4YWxkTrZu0gW')]",
            params_raw: "[('multipart/form-data', ''), ('boundary', '\"----WebKitFormBoundary7MA4YWxkTrZu0gW\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | None",
            param_raw: "None | None | None | None | None | None | None",
        },
        Case {
            value: ";charset=utf-8",
            content_type: "'text/plain'",
            params: "[('', ''), ('charset', 'utf-8')]",
            params_raw: "[('', ''), ('charset', '\"utf-8\"')]",
            charset: "'utf-8'",
            filename_cd: "None",
            filename_ct: "None",
            param: "'utf-8' | None | None | None | None | None | None",
            param_raw: "'\"utf-8\"' | None | None | None | None | None | None",
        },
        Case {
            value: "=x; a=b",
            content_type: "'text/plain'",
            params: "[('', 'x'), ('a', 'b')]",
            params_raw: "[('', 'x'), ('a', '\"b\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | 'b' | None | None",
            param_raw: "None | None | None | None | '\"b\"' | None | None",
        },
        Case {
            value: "text/plain; a==b",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', '=b')]",
            params_raw: "[('text/plain', ''), ('a', '\"=b\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | '=b' | None | ''",
            param_raw: "None | None | None | None | '\"=b\"' | None | ''",
        },
        Case {
            value: "text/plain; a=\"b\"; a*=utf-8''c",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', 'b'), ('a', ('utf-8', '', 'c'))]",
            params_raw: "[('text/plain', ''), ('a', '\"b\"'), ('a', ('utf-8', '', '\"c\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | 'b' | None | ''",
            param_raw: "None | None | None | None | '\"b\"' | None | ''",
        },
        Case {
            value: "text/plain; a*=utf-8''c; a=\"b\"",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('a', 'b'), ('a', ('utf-8', '', 'c'))]",
            params_raw: "[('text/plain', ''), ('a', '\"b\"'), ('a', ('utf-8', '', '\"c\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | 'b' | None | ''",
            param_raw: "None | None | None | None | '\"b\"' | None | ''",
        },
        Case {
            value: "text/plain; charset*=UTF8''%41",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', ('UTF8', '', 'A'))]",
            params_raw: "[('text/plain', ''), ('charset', ('UTF8', '', '\"A\"'))]",
            charset: "'a'",
            filename_cd: "None",
            filename_ct: "None",
            param: "('UTF8', '', 'A') | None | None | None | None | None | ''",
            param_raw: "('UTF8', '', '\"A\"') | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; charset*=us_ascii''%41",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', ('us_ascii', '', 'A'))]",
            params_raw: "[('text/plain', ''), ('charset', ('us_ascii', '', '\"A\"'))]",
            charset: "'a'",
            filename_cd: "None",
            filename_ct: "None",
            param: "('us_ascii', '', 'A') | None | None | None | None | None | ''",
            param_raw: "('us_ascii', '', '\"A\"') | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; charset*= UTF-8 ''%41",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', ('UTF-8 ', '', 'A'))]",
            params_raw: "[('text/plain', ''), ('charset', ('UTF-8 ', '', '\"A\"'))]",
            charset: "'a'",
            filename_cd: "None",
            filename_ct: "None",
            param: "('UTF-8 ', '', 'A') | None | None | None | None | None | ''",
            param_raw: "('UTF-8 ', '', '\"A\"') | None | None | None | None | None | ''",
        },
        Case {
            value: "attachment; filename*=utf.8''%C3%A9",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('utf.8', '', 'Ã©'))]",
            params_raw: "[('attachment', ''), ('filename', ('utf.8', '', '\"Ã©\"'))]",
            charset: "None",
            filename_cd: "'Ã©'",
            filename_ct: "None",
            param: "None | None | None | ('utf.8', '', 'Ã©') | None | None | None",
            param_raw: "None | None | None | ('utf.8', '', '\"Ã©\"') | None | None | None",
        },
        Case {
            value: "attachment; filename*=latin.1''%E9",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('latin.1', '', 'é'))]",
            params_raw: "[('attachment', ''), ('filename', ('latin.1', '', '\"é\"'))]",
            charset: "None",
            filename_cd: "'é'",
            filename_ct: "None",
            param: "None | None | None | ('latin.1', '', 'é') | None | None | None",
            param_raw: "None | None | None | ('latin.1', '', '\"é\"') | None | None | None",
        },
        Case {
            value: "attachment; filename*=iso.8859.1''%E9",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('iso.8859.1', '', 'é'))]",
            params_raw: "[('attachment', ''), ('filename', ('iso.8859.1', '', '\"é\"'))]",
            charset: "None",
            filename_cd: "'é'",
            filename_ct: "None",
            param: "None | None | None | ('iso.8859.1', '', 'é') | None | None | None",
            param_raw: "None | None | None | ('iso.8859.1', '', '\"é\"') | None | None | None",
        },
        Case {
            value: "attachment; filename*=l1''%E9",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('l1', '', 'é'))]",
            params_raw: "[('attachment', ''), ('filename', ('l1', '', '\"é\"'))]",
            charset: "None",
            filename_cd: "'é'",
            filename_ct: "None",
            param: "None | None | None | ('l1', '', 'é') | None | None | None",
            param_raw: "None | None | None | ('l1', '', '\"é\"') | None | None | None",
        },
        Case {
            value: "attachment; filename*=-UTF8-''%C3%A9",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('-UTF8-', '', 'Ã©'))]",
            params_raw: "[('attachment', ''), ('filename', ('-UTF8-', '', '\"Ã©\"'))]",
            charset: "None",
            filename_cd: "'é'",
            filename_ct: "None",
            param: "None | None | None | ('-UTF8-', '', 'Ã©') | None | None | None",
            param_raw: "None | None | None | ('-UTF8-', '', '\"Ã©\"') | None | None | None",
        },
        Case {
            value: "attachment; filename*=cp1252''%E9",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('cp1252', '', 'é'))]",
            params_raw: "[('attachment', ''), ('filename', ('cp1252', '', '\"é\"'))]",
            charset: "None",
            filename_cd: "'é'",
            filename_ct: "None",
            param: "None | None | None | ('cp1252', '', 'é') | None | None | None",
            param_raw: "None | None | None | ('cp1252', '', '\"é\"') | None | None | None",
        },
        Case {
            value: "attachment; filename*=ascii''%E9",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('ascii', '', 'é'))]",
            params_raw: "[('attachment', ''), ('filename', ('ascii', '', '\"é\"'))]",
            charset: "None",
            filename_cd: "'�'",
            filename_ct: "None",
            param: "None | None | None | ('ascii', '', 'é') | None | None | None",
            param_raw: "None | None | None | ('ascii', '', '\"é\"') | None | None | None",
        },
        Case {
            value: "attachment; filename*=''%E9",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('', '', 'é'))]",
            params_raw: "[('attachment', ''), ('filename', ('', '', '\"é\"'))]",
            charset: "None",
            filename_cd: "'é'",
            filename_ct: "None",
            param: "None | None | None | ('', '', 'é') | None | None | None",
            param_raw: "None | None | None | ('', '', '\"é\"') | None | None | None",
        },
        Case {
            value: "attachment; filename*=x''%E2%82%ACok",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('x', '', 'â\\x82¬ok'))]",
            params_raw: "[('attachment', ''), ('filename', ('x', '', '\"â\\x82¬ok\"'))]",
            charset: "None",
            filename_cd: "'â\\x82¬ok'",
            filename_ct: "None",
            param: "None | None | None | ('x', '', 'â\\x82¬ok') | None | None | None",
            param_raw: "None | None | None | ('x', '', '\"â\\x82¬ok\"') | None | None | None",
        },
        Case {
            value: "attachment; name=\"ct-name.txt\"",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('name', 'ct-name.txt')]",
            params_raw: "[('attachment', ''), ('name', '\"ct-name.txt\"')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "'ct-name.txt'",
            param: "None | None | 'ct-name.txt' | None | None | None | None",
            param_raw: "None | None | '\"ct-name.txt\"' | None | None | None | None",
        },
        Case {
            value: "TEXT/Plain",
            content_type: "'text/plain'",
            params: "[('TEXT/Plain', '')]",
            params_raw: "[('TEXT/Plain', '')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | ''",
            param_raw: "None | None | None | None | None | None | ''",
        },
        Case {
            value: "text/",
            content_type: "'text/'",
            params: "[('text/', '')]",
            params_raw: "[('text/', '')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | None",
            param_raw: "None | None | None | None | None | None | None",
        },
        Case {
            value: "/",
            content_type: "'/'",
            params: "[('/', '')]",
            params_raw: "[('/', '')]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | None | None | None | None | None | None",
            param_raw: "None | None | None | None | None | None | None",
        },
        Case {
            value: "text/plain; charset=UTF-8\u{a0}",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', 'UTF-8')]",
            params_raw: "[('text/plain', ''), ('charset', '\"UTF-8\"')]",
            charset: "'utf-8'",
            filename_cd: "None",
            filename_ct: "None",
            param: "'UTF-8' | None | None | None | None | None | ''",
            param_raw: "'\"UTF-8\"' | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; charset='utf-8'",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', \"'utf-8'\")]",
            params_raw: "[('text/plain', ''), ('charset', '\"\\'utf-8\\'\"')]",
            charset: "\"'utf-8'\"",
            filename_cd: "None",
            filename_ct: "None",
            param: "\"'utf-8'\" | None | None | None | None | None | ''",
            param_raw: "'\"\\'utf-8\\'\"' | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; charset=<utf-8>",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('charset', 'utf-8')]",
            params_raw: "[('text/plain', ''), ('charset', '\"utf-8\"')]",
            charset: "'utf-8'",
            filename_cd: "None",
            filename_ct: "None",
            param: "'utf-8' | None | None | None | None | None | ''",
            param_raw: "'\"utf-8\"' | None | None | None | None | None | ''",
        },
        Case {
            value: "text/plain; filename*=utf-8''%E2%82",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('filename', ('utf-8', '', 'â\\x82'))]",
            params_raw: "[('text/plain', ''), ('filename', ('utf-8', '', '\"â\\x82\"'))]",
            charset: "None",
            filename_cd: "'�'",
            filename_ct: "None",
            param: "None | None | None | ('utf-8', '', 'â\\x82') | None | None | ''",
            param_raw: "None | None | None | ('utf-8', '', '\"â\\x82\"') | None | None | ''",
        },
        Case {
            value: "text/plain; filename*=utf-8''%E2%82%41",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('filename', ('utf-8', '', 'â\\x82A'))]",
            params_raw: "[('text/plain', ''), ('filename', ('utf-8', '', '\"â\\x82A\"'))]",
            charset: "None",
            filename_cd: "'�A'",
            filename_ct: "None",
            param: "None | None | None | ('utf-8', '', 'â\\x82A') | None | None | ''",
            param_raw: "None | None | None | ('utf-8', '', '\"â\\x82A\"') | None | None | ''",
        },
    ];

    // CPython main's answers (its gh-134151 decode_params, run on 3.11.7), for values
    // where 3.11 raises TypeError
    const MAIN_CASES: &[Case] = &[
        Case {
            value: "attachment; filename*0*=utf-8''a; filename*1*=b; filename*=c",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('utf-8', '', 'ab'))]",
            params_raw: "[('attachment', ''), ('filename', ('utf-8', '', '\"ab\"'))]",
            charset: "None",
            filename_cd: "'ab'",
            filename_ct: "None",
            param: "None | None | None | ('utf-8', '', 'ab') | None | None | None",
            param_raw: "None | None | None | ('utf-8', '', '\"ab\"') | None | None | None",
        },
        Case {
            value: "attachment; filename*1=b; filename*=a",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', (None, None, 'ab'))]",
            params_raw: "[('attachment', ''), ('filename', (None, None, '\"ab\"'))]",
            charset: "None",
            filename_cd: "'ab'",
            filename_ct: "None",
            param: "None | None | None | (None, None, 'ab') | None | None | None",
            param_raw: "None | None | None | (None, None, '\"ab\"') | None | None | None",
        },
        Case {
            value: "attachment; filename*=\"ignored\"; filename*0*=\"utf-8''foo%20\"; filename*1*=\"bar.txt\"",
            content_type: "'text/plain'",
            params: "[('attachment', ''), ('filename', ('utf-8', '', 'foo bar.txt'))]",
            params_raw: "[('attachment', ''), ('filename', ('utf-8', '', '\"foo bar.txt\"'))]",
            charset: "None",
            filename_cd: "'foo bar.txt'",
            filename_ct: "None",
            param: "None | None | None | ('utf-8', '', 'foo bar.txt') | None | None | None",
            param_raw: "None | None | None | ('utf-8', '', '\"foo bar.txt\"') | None | None | None",
        },
        Case {
            value: "text/plain; title*2=c; title*=b; title*1=a",
            content_type: "'text/plain'",
            params: "[('text/plain', ''), ('title', (None, None, 'bac'))]",
            params_raw: "[('text/plain', ''), ('title', (None, None, '\"bac\"'))]",
            charset: "None",
            filename_cd: "None",
            filename_ct: "None",
            param: "None | (None, None, 'bac') | None | None | None | None | ''",
            param_raw: "None | (None, None, '\"bac\"') | None | None | None | None | ''",
        },
    ];
}
