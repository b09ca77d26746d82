//! Header parsing: `split_header_words`, `join_header_words`, `parse_ns_headers`.

use crate::Error;
use crate::time::http2time_at;

/// Python's `str.isspace()` (what `\s` and `strip()` mean for `str`).
pub(crate) fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// `^\s*` then `[^=\s;,]+`: the token and the rest.
fn header_token(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_start_matches(py_space);
    let end = t
        .find(|c: char| c == '=' || c == ';' || c == ',' || py_space(c))
        .unwrap_or(t.len());
    (end > 0).then(|| (&t[..end], &t[end..]))
}

/// `^\s*=\s*`: the rest after the equals sign.
fn equals(text: &str) -> Option<&str> {
    text.trim_start_matches(py_space)
        .strip_prefix('=')
        .map(|t| t.trim_start_matches(py_space))
}

/// `^\s*=\s*"([^"\\]*(?:\\.[^"\\]*)*)"`: the unescaped value and the rest.
fn quoted_value(text: &str) -> Option<(String, &str)> {
    let t = equals(text)?.strip_prefix('"')?;
    let mut value = String::new();
    let mut chars = t.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((value, &t[i + 1..])),
            '\\' => match chars.next() {
                // `.` does not match a newline: the match fails there.
                Some((_, '\n')) | None => return None,
                Some((_, e)) => value.push(e),
            },
            c => value.push(c),
        }
    }
    None
}

/// `http.cookiejar.split_header_words(header_values)`: header values into lists
/// of `(key, value)` pairs, `value` `None` for a bare token.
///
/// ```
/// use netstd_cookiejar::split_header_words;
/// let words = split_header_words(&["foo=\"bar\"; port=\"80,81\"; discard, bar=baz"]);
/// assert_eq!(words, vec![
///     vec![("foo".into(), Some("bar".into())), ("port".into(), Some("80,81".into())),
///          ("discard".into(), None)],
///     vec![("bar".into(), Some("baz".into()))],
/// ]);
/// ```
pub fn split_header_words<S: AsRef<str>>(
    header_values: &[S],
) -> Vec<Vec<(String, Option<String>)>> {
    let mut result = Vec::new();
    for text in header_values {
        let mut text = text.as_ref();
        let mut pairs: Vec<(String, Option<String>)> = Vec::new();
        while !text.is_empty() {
            if let Some((name, rest)) = header_token(text) {
                text = rest;
                let value = if let Some((v, rest)) = quoted_value(text) {
                    text = rest;
                    Some(v)
                } else if let Some(t) = equals(text) {
                    let end = t
                        .find(|c: char| c == ';' || c == ',' || py_space(c))
                        .unwrap_or(t.len());
                    text = &t[end..];
                    Some(t[..end].trim_end_matches(py_space).to_owned())
                } else {
                    None
                };
                pairs.push((name.to_owned(), value));
            } else if let Some(rest) = text.trim_start_matches(py_space).strip_prefix(',') {
                text = rest;
                if !pairs.is_empty() {
                    result.push(std::mem::take(&mut pairs));
                }
            } else {
                text = text.trim_start_matches(|c: char| c == '=' || c == ';' || py_space(c));
            }
        }
        if !pairs.is_empty() {
            result.push(pairs);
        }
    }
    result
}

/// `http.cookiejar.join_header_words(lists)`: the inverse (almost) of
/// [`split_header_words`], quoting values that are not all word characters.
///
/// ```
/// use netstd_cookiejar::join_header_words;
/// let lists = vec![vec![("text/plain".to_string(), None),
///                       ("charset".to_string(), Some("iso-8859-1".to_string()))]];
/// assert_eq!(join_header_words(&lists), "text/plain; charset=\"iso-8859-1\"");
/// ```
pub fn join_header_words(lists: &[Vec<(String, Option<String>)>]) -> String {
    let mut headers = Vec::new();
    for pairs in lists {
        let mut attr = Vec::new();
        for (k, v) in pairs {
            match v {
                Some(v) => {
                    let word = !v.is_empty() && v.chars().all(|c| c.is_alphanumeric() || c == '_');
                    if word {
                        attr.push(format!("{k}={v}"));
                    } else {
                        let esc = v.replace('\\', "\\\\").replace('"', "\\\"");
                        attr.push(format!("{k}=\"{esc}\""));
                    }
                }
                None => attr.push(k.clone()),
            }
        }
        if !attr.is_empty() {
            headers.push(attr.join("; "));
        }
    }
    headers.join(", ")
}

fn strip_quotes(text: &str) -> &str {
    let t = text.strip_prefix('"').unwrap_or(text);
    t.strip_suffix('"').unwrap_or(t)
}

/// A value of a Netscape cookie attribute: text, or for `expires` the parsed time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NsValue {
    /// The attribute's text (after `strip_quotes` for `version`).
    Text(String),
    /// `expires`: seconds since the epoch, `None` when the date was not understood.
    Time(Option<i64>),
}

/// `http.cookiejar.parse_ns_headers(ns_headers)`: Netscape `Set-Cookie` values
/// into lists of `(key, value)` pairs; known attribute names are lowercased,
/// `expires` is parsed, `("version", "0")` is appended when absent. A value of
/// `None` is an attribute without `=`.
///
/// ```
/// use netstd_cookiejar::{parse_ns_headers, NsValue};
/// let r = parse_ns_headers(&["a=b; Path=/; Expires=Thu, 01 Jan 1970 00:00:10 GMT"]).unwrap();
/// assert_eq!(r[0][2], ("expires".to_string(), Some(NsValue::Time(Some(10)))));
/// assert_eq!(r[0][3], ("version".to_string(), Some(NsValue::Text("0".into()))));
/// ```
pub fn parse_ns_headers<S: AsRef<str>>(ns_headers: &[S]) -> Result<Vec<NsPairs>, Error> {
    parse_ns_headers_at(ns_headers, crate::time::system_now())
}

/// One parsed `Set-Cookie` value: `(key, value)` pairs.
pub type NsPairs = Vec<(String, Option<NsValue>)>;

pub(crate) fn parse_ns_headers_at<S: AsRef<str>>(
    ns_headers: &[S],
    now: i64,
) -> Result<Vec<NsPairs>, Error> {
    const KNOWN: [&str; 7] = [
        "expires", "domain", "path", "secure", "version", "port", "max-age",
    ];
    let mut result = Vec::new();
    for ns_header in ns_headers {
        let mut pairs = Vec::new();
        let mut version_set = false;
        for (ii, param) in ns_header.as_ref().split(';').enumerate() {
            let param = param.trim_matches(py_space);
            let (key, val) = match param.split_once('=') {
                Some((k, v)) => (k, Some(v.trim_matches(py_space))),
                None => (param, None),
            };
            let mut key = key.trim_matches(py_space).to_owned();
            if key.is_empty() {
                if ii == 0 {
                    break;
                }
                continue;
            }
            let mut value = val.map(|v| NsValue::Text(v.to_owned()));
            if ii != 0 {
                let lc = key.to_lowercase();
                if KNOWN.contains(&lc.as_str()) {
                    key = lc;
                }
                if key == "version" {
                    if let Some(v) = val {
                        value = Some(NsValue::Text(strip_quotes(v).to_owned()));
                    }
                    version_set = true;
                } else if key == "expires" {
                    if let Some(v) = val {
                        value = Some(NsValue::Time(http2time_at(strip_quotes(v), now)?));
                    }
                }
            }
            pairs.push((key, value));
        }
        if !pairs.is_empty() {
            if !version_set {
                pairs.push(("version".to_owned(), Some(NsValue::Text("0".to_owned()))));
            }
            result.push(pairs);
        }
    }
    Ok(result)
}
