//! `http.client.HTTPMessage` and `http.client.parse_headers`.

use crate::Result;
use crate::params::{self, ParamValue};
use crate::proto::{HeadReader, Limits};

/// Python's `http.client.HTTPMessage`: the header fields of a message, in order,
/// multi-valued, looked up without regard to case (an `email.message.Message`
/// under the compat32 policy, which is what CPython builds).
///
/// Values are `str` as CPython has them: the bytes decoded as Latin-1, folded
/// continuation lines kept with their CR LF, trailing CR/LF removed.
///
/// ```
/// let msg = netstd_http::parse_headers(
///     b"Content-Type: text/html; charset=UTF-8\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n\r\n",
/// )?;
/// assert_eq!(msg.get("content-type"), Some("text/html; charset=UTF-8"));
/// assert_eq!(msg.get_all("Set-Cookie"), ["a=1", "b=2"]);
/// assert_eq!(msg.get_content_type(), "text/html");
/// assert_eq!(msg.get_content_charset().as_deref(), Some("utf-8"));
/// # Ok::<(), netstd_http::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HTTPMessage {
    fields: Vec<(String, String)>,
    unixfrom: Option<String>,
}

impl HTTPMessage {
    /// An empty message (`HTTPMessage()`).
    ///
    /// ```
    /// let mut m = netstd_http::HTTPMessage::new();
    /// m.set_item("Host", "example.org");
    /// assert_eq!(m.len(), 1);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// `len(msg)`: the number of fields, repeated names counted each time.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// True when there is no field.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// `msg.get(name)` (and `msg[name]`): the first value of `name`, any case.
    ///
    /// ```
    /// let m = netstd_http::parse_headers(b"X-A: 1\r\nx-a: 2\r\n\r\n")?;
    /// assert_eq!(m.get("X-a"), Some("1"));
    /// assert_eq!(m.get("missing"), None);
    /// # Ok::<(), netstd_http::Error>(())
    /// ```
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `msg.get_all(name)`: every value of `name` in order (Python returns `None`
    /// where this returns an empty vector).
    pub fn get_all(&self, name: &str) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Every value of `name` in order, without collecting them.
    pub(crate) fn values_of<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields
            .iter()
            .filter(move |(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `name in msg`.
    pub fn contains(&self, name: &str) -> bool {
        self.fields
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case(name))
    }

    /// `msg.items()`: (name, value) pairs in order, names as received.
    pub fn items(&self) -> impl Iterator<Item = (&str, &str)> {
        self.fields.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// `msg.keys()`.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().map(|(k, _)| k.as_str())
    }

    /// `msg.values()`.
    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().map(|(_, v)| v.as_str())
    }

    /// `msg[name] = value`: appends a field (it does not replace one, as in Python).
    pub fn set_item(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.fields.push((name.into(), value.into()));
    }

    /// `del msg[name]`: removes every field called `name`; absent names are no error.
    pub fn del_item(&mut self, name: &str) {
        self.fields.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
    }

    /// `msg.replace_header(name, value)`: replaces the first field called `name`,
    /// keeping its place and spelling; `KeyError` (here `None`) when there is none.
    ///
    /// ```
    /// let mut m = netstd_http::parse_headers(b"A: 1\r\nB: 2\r\n\r\n")?;
    /// assert!(m.replace_header("a", "3").is_some());
    /// assert_eq!(m.items().collect::<Vec<_>>(), [("A", "3"), ("B", "2")]);
    /// # Ok::<(), netstd_http::Error>(())
    /// ```
    pub fn replace_header(&mut self, name: &str, value: impl Into<String>) -> Option<()> {
        let field = self
            .fields
            .iter_mut()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))?;
        field.1 = value.into();
        Some(())
    }

    /// `msg.get_unixfrom()`: a leading `From ` line, which the parser keeps apart.
    pub fn get_unixfrom(&self) -> Option<&str> {
        self.unixfrom.as_deref()
    }

    /// `msg.get_content_type()`: the lower-cased `maintype/subtype` of Content-Type,
    /// `text/plain` when it is missing or malformed.
    pub fn get_content_type(&self) -> String {
        params::get_content_type(self.get("content-type"), "text/plain")
    }

    /// `msg.get_content_maintype()`.
    pub fn get_content_maintype(&self) -> String {
        let t = self.get_content_type();
        t.split('/').next().unwrap_or_default().to_owned()
    }

    /// `msg.get_content_subtype()`.
    pub fn get_content_subtype(&self) -> String {
        let t = self.get_content_type();
        t.split('/').nth(1).unwrap_or_default().to_owned()
    }

    /// `msg.get_content_charset()`: the lower-cased `charset` parameter of
    /// Content-Type (RFC 2231 values decoded), or `None`.
    pub fn get_content_charset(&self) -> Option<String> {
        params::get_content_charset(self.get("content-type"))
    }

    /// `msg.get_params(header='content-type', unquote=True)`: the parameters of a
    /// header, the first pair being the value itself with an empty string.
    ///
    /// ```
    /// use netstd_http::ParamValue;
    /// let m = netstd_http::parse_headers(b"Content-Type: text/plain; format=flowed\r\n\r\n")?;
    /// let p = m.get_params("content-type", true).unwrap();
    /// assert_eq!(p[1], ("format".to_owned(), ParamValue::Str("flowed".to_owned())));
    /// # Ok::<(), netstd_http::Error>(())
    /// ```
    pub fn get_params(&self, header: &str, unquote: bool) -> Option<Vec<(String, ParamValue)>> {
        params::get_params(self.get(header), unquote)
    }

    /// `msg.get_param(param, header='content-type', unquote=True)`.
    ///
    /// ```
    /// use netstd_http::ParamValue;
    /// let m = netstd_http::parse_headers(b"Content-Type: text/plain; Format=\"flowed\"\r\n\r\n")?;
    /// assert_eq!(m.get_param("format", "content-type", true), Some(ParamValue::Str("flowed".into())));
    /// # Ok::<(), netstd_http::Error>(())
    /// ```
    pub fn get_param(&self, param: &str, header: &str, unquote: bool) -> Option<ParamValue> {
        params::get_param(self.get(header), param, unquote)
    }

    /// `msg.get_filename()`: the `filename` parameter of Content-Disposition, else
    /// the `name` parameter of Content-Type.
    ///
    /// ```
    /// let m = netstd_http::parse_headers(b"Content-Disposition: attachment; filename=\"r.pdf\"\r\n\r\n")?;
    /// assert_eq!(m.get_filename().as_deref(), Some("r.pdf"));
    /// # Ok::<(), netstd_http::Error>(())
    /// ```
    pub fn get_filename(&self) -> Option<String> {
        params::get_filename(self.get("content-disposition"), self.get("content-type"))
    }

    /// Parses a complete header block (terminator line included, or cut short at the
    /// end of the input) as CPython's `email.feedparser` does under compat32.
    pub(crate) fn from_block(block: &[u8]) -> HTTPMessage {
        let mut msg = HTTPMessage::new();
        msg.fields
            .reserve(memchr::memchr_iter(b'\n', block).count());
        let mut last: Option<RawField<'_>> = None;
        for (lineno, line) in HeaderLines(block).enumerate() {
            if line[0] == b' ' || line[0] == b'\t' {
                // a continuation line: dropped when there is no field to continue
                if let Some((_, _, more)) = last.as_mut() {
                    more.push(line);
                }
                continue;
            }
            if let Some((name, first, more)) = last.take() {
                msg.push_raw(name, first, &more);
            }
            if line.starts_with(b"From ") {
                if lineno == 0 {
                    msg.unixfrom = Some(latin1(trim_eol(line)));
                }
                // elsewhere: a misplaced envelope line (or the start of the body) is
                // not a field
                continue;
            }
            match memchr::memchr(b':', line) {
                // a missing field name: a defect, skipped
                Some(0) | None => continue,
                Some(i) => last = Some((&line[..i], &line[i + 1..], Vec::new())),
            }
        }
        if let Some((name, first, more)) = last {
            msg.push_raw(name, first, &more);
        }
        msg
    }

    /// `policy.header_source_parse`: the first line loses its leading blanks, the
    /// lines are joined and trailing CR/LF removed.
    fn push_raw(&mut self, name: &[u8], first: &[u8], more: &[&[u8]]) {
        let start = first
            .iter()
            .position(|&b| b != b' ' && b != b'\t')
            .unwrap_or(first.len());
        let first = &first[start..];
        let mut value = if more.is_empty() {
            // the common case: one line, its end trimmed before decoding
            let end = first
                .iter()
                .rposition(|&b| b != b'\r' && b != b'\n')
                .map_or(0, |i| i + 1);
            latin1(&first[..end])
        } else {
            let mut value = latin1(first);
            for piece in more {
                value.push_str(&latin1(piece));
            }
            value
        };
        let keep = value.trim_end_matches(['\r', '\n']).len();
        value.truncate(keep);
        self.fields.push((latin1(name), value));
    }
}

/// The field being collected (`lastheader`/`lastvalue`): its name, the rest of its
/// first line, and its continuation lines.
type RawField<'a> = (&'a [u8], &'a [u8], Vec<&'a [u8]>);

/// The lines of a header block as the feed parser sees them: split after each
/// CR LF, lone CR or lone LF, up to the first line that is not a field or a
/// continuation (the blank line, or whatever starts the "body").
struct HeaderLines<'a>(&'a [u8]);

impl<'a> Iterator for HeaderLines<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let rest = self.0;
        if rest.is_empty() {
            return None;
        }
        let end = match memchr::memchr2(b'\r', b'\n', rest) {
            Some(i) if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') => i + 2,
            Some(i) => i + 1,
            None => rest.len(),
        };
        let (line, tail) = rest.split_at(end);
        if is_header_line(line) {
            self.0 = tail;
            Some(line)
        } else {
            // the blank separator, or a line that starts the body
            self.0 = &[];
            None
        }
    }
}

/// `headerRE`: `^(From |[\041-\071\073-\176]*:|[\t ])`.
fn is_header_line(line: &[u8]) -> bool {
    if line.starts_with(b"From ") || line[0] == b'\t' || line[0] == b' ' {
        return true;
    }
    for &b in line {
        match b {
            b':' => return true,
            0x21..=0x7e => {}
            _ => return false,
        }
    }
    false
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let mut end = line.len();
    if end > 0 && line[end - 1] == b'\n' {
        end -= 1;
    }
    if end > 0 && line[end - 1] == b'\r' {
        end -= 1;
    }
    &line[..end]
}

/// Bytes decoded as ISO-8859-1, as `http.client` decodes header blocks.
pub(crate) fn latin1(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        // ASCII is valid UTF-8 with the same meaning
        Ok(s) if bytes.is_ascii() => s.to_owned(),
        _ => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Python's `http.client.parse_headers(fp)` over bytes: reads header lines up to
/// the blank line (or the end of the input) with CPython's limits, 65,536 bytes a
/// line ([`Error::LineTooLong`](crate::Error::LineTooLong)) and 100 lines counting the blank one
/// ([`Error::HTTPException`](crate::Error::HTTPException)), then parses them as CPython does.
///
/// ```
/// let m = netstd_http::parse_headers(b"Host: a\r\nX: 1\r\n  folded\r\n\r\nbody")?;
/// assert_eq!(m.items().collect::<Vec<_>>(), [("Host", "a"), ("X", "1\r\n  folded")]);
/// # Ok::<(), netstd_http::Error>(())
/// ```
pub fn parse_headers(data: &[u8]) -> Result<HTTPMessage> {
    let mut reader = HeadReader::new(Limits::default());
    let end = match reader.feed(data)? {
        Some(end) => end,
        None => reader.finish(data)?,
    };
    Ok(HTTPMessage::from_block(&data[..end]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    fn items(raw: &[u8]) -> Vec<(String, String)> {
        parse_headers(raw)
            .unwrap()
            .items()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn feedparser_rules() {
        assert_eq!(items(b"A :1\r\n\r\n"), pairs(&[]));
        assert_eq!(items(b"NoColon\r\nA: 1\r\n\r\n"), pairs(&[]));
        assert_eq!(items(b"A: 1\nB: 2\n\n"), pairs(&[("A", "1"), ("B", "2")]));
        assert_eq!(items(b"A:\r\n\r\n"), pairs(&[("A", "")]));
        assert_eq!(items(b"\xff\xfe: x\r\n\r\n"), pairs(&[]));
        assert_eq!(
            items(b"A: \xc3\xa9\r\n\r\n"),
            pairs(&[("A", "\u{c3}\u{a9}")])
        );
        // a lone CR ends a line for the feed parser
        assert_eq!(
            items(b"A: 1\rB: 2\r\n\r\n"),
            pairs(&[("A", "1"), ("B", "2")])
        );
        assert_eq!(items(b"A: 1\r\r\nB: 2\r\n\r\n"), pairs(&[("A", "1")]));
        // envelope lines and missing names
        assert_eq!(items(b"From x\r\nA: 1\r\n\r\n"), pairs(&[("A", "1")]));
        assert_eq!(
            items(b"A: 1\r\nFrom x\r\n  c\r\nB: 2\r\n\r\n"),
            pairs(&[("A", "1"), ("B", "2")])
        );
        assert_eq!(items(b": v\r\n  c\r\nB: 2\r\n\r\n"), pairs(&[("B", "2")]));
        assert_eq!(items(b"  lead\r\nB:2\r\n\r\n"), pairs(&[("B", "2")]));
        assert_eq!(items(b"A: 1 \t\r\n \r\n\r\n"), pairs(&[("A", "1 \t\r\n ")]));
        assert_eq!(items(b"A: 1"), pairs(&[("A", "1")]));
    }

    #[test]
    fn limits() {
        let many: Vec<u8> = (0..99)
            .flat_map(|i| format!("H{i}: v\r\n").into_bytes())
            .chain(*b"\r\n")
            .collect();
        assert_eq!(parse_headers(&many).unwrap().len(), 99);
        let too_many: Vec<u8> = (0..100)
            .flat_map(|i| format!("H{i}: v\r\n").into_bytes())
            .chain(*b"\r\n")
            .collect();
        assert!(matches!(
            parse_headers(&too_many),
            Err(Error::HTTPException(_))
        ));
        let mut long = b"A: ".to_vec();
        long.resize(65_534, b'x');
        long.extend_from_slice(b"\r\n\r\n");
        assert_eq!(parse_headers(&long).unwrap().len(), 1);
        long.insert(5, b'x');
        assert_eq!(parse_headers(&long), Err(Error::LineTooLong("header line")));
    }
}
