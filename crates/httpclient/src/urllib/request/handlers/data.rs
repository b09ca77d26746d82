//! `DataHandler`: `data:` URLs (RFC 2397).

use std::io::Cursor;

use netstd_http::HTTPMessage;

use crate::urllib::request::handler::{BaseHandler, HandlerKind, Opened, Parent};
use crate::urllib::request::req::Request;
use crate::urllib::response::addinfourl;
use crate::{Error, Result};

/// `binascii.a2b_base64` as `base64.decodebytes` calls it (not strict): characters
/// outside the alphabet are skipped, `=` completes a group, and a group left
/// incomplete is an error.
pub(crate) fn decodebytes(data: &[u8]) -> std::result::Result<Vec<u8>, String> {
    fn value(c: u8) -> Option<u8> {
        match c {
            b'A'..=b'Z' => Some(c - b'A'),
            b'a'..=b'z' => Some(c - b'a' + 26),
            b'0'..=b'9' => Some(c - b'0' + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let mut quad = [0u8; 4];
    let mut fill = 0;
    let mut pads = 0;
    for &c in data {
        if c == b'=' {
            if fill >= 2 {
                pads += 1;
                if fill + pads >= 4 {
                    let n = fill - 1;
                    let bits = (u32::from(quad[0]) << 18)
                        | (u32::from(quad[1]) << 12)
                        | (u32::from(quad[2]) << 6)
                        | u32::from(quad[3]);
                    out.extend_from_slice(&bits.to_be_bytes()[1..1 + n]);
                    // padding that completes a group ends the data (binascii's `done`)
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = value(c) else { continue };
        if pads > 0 {
            // a pad that did not complete its group is dropped, as binascii does
            pads = 0;
        }
        quad[fill] = v;
        fill += 1;
        if fill == 4 {
            let bits = (u32::from(quad[0]) << 18)
                | (u32::from(quad[1]) << 12)
                | (u32::from(quad[2]) << 6)
                | u32::from(quad[3]);
            out.extend_from_slice(&bits.to_be_bytes()[1..]);
            fill = 0;
            quad = [0; 4];
        }
    }
    match fill {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            data.iter().filter(|&&c| value(c).is_some()).count()
        )),
        _ => Err("Incorrect padding".into()),
    }
}

/// `DataHandler.data_open` without the I/O: the headers and the body of a
/// `data:` URL, or URLError for one without a comma or with bad base64.
pub(crate) fn open_data_url(url: &str) -> Result<(HTTPMessage, Vec<u8>)> {
    let (_, rest) = url
        .split_once(':')
        .ok_or_else(|| Error::url_error("data URL without a scheme"))?;
    let (mediatype, data) = rest
        .split_once(',')
        .ok_or_else(|| Error::url_error("data URL without a comma"))?;
    // even base64 encoded data URLs might be quoted, so unquote in any case
    let mut body = netstd_urlparse::unquote_to_bytes(data).into_owned();
    let mut mediatype = mediatype;
    if let Some(m) = mediatype.strip_suffix(";base64") {
        body = decodebytes(&body)
            .map_err(|e| Error::url_error(format!("bad base64 in data URL: {e}")))?;
        mediatype = m;
    }
    // a line break would end the header block early or add headers of its own
    if mediatype.chars().any(char::is_control) {
        return Err(Error::url_error(
            "control character in the media type of a data URL",
        ));
    }
    let mediatype = if mediatype.is_empty() {
        "text/plain;charset=US-ASCII"
    } else {
        mediatype
    };
    let text = format!(
        "Content-type: {mediatype}\nContent-length: {}\n\n",
        body.len()
    );
    let headers = netstd_http::parse_headers(text.as_bytes())
        .map_err(|e| Error::url_error(format!("bad media type in data URL: {e}")))?;
    Ok((headers, body))
}

/// Python's `urllib.request.DataHandler`: `data:[<mediatype>][;base64],<data>`.
/// A URL without a comma or with bad base64 is `URLError` (CPython raises
/// ValueError or binascii.Error).
///
/// ```
/// # fn main() -> netstd_httpclient::Result<()> {
/// use netstd_httpclient::urllib::request::urlopen;
/// let mut r = urlopen("data:;base64,aGVsbG8=")?;
/// assert_eq!(r.info().get("Content-type"), Some("text/plain;charset=US-ASCII"));
/// assert_eq!(r.read()?, b"hello");
/// assert!(urlopen("data:;base64,aGVsbG").unwrap_err().is_url_error());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct DataHandler;

impl DataHandler {
    /// `DataHandler()`.
    pub fn new() -> Self {
        DataHandler
    }
}

impl BaseHandler for DataHandler {
    fn kind(&self) -> Option<HandlerKind> {
        Some(HandlerKind::Data)
    }

    fn open(&self, protocol: &str, req: &mut Request, _: &Parent<'_>) -> Result<Opened> {
        if protocol != "data" {
            return Ok(Opened::Pass);
        }
        let url = req.full_url();
        let (headers, body) = open_data_url(&url)?;
        Ok(Opened::Response(addinfourl::new(
            Cursor::new(body),
            headers,
            &url,
            None,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_binascii() {
        assert_eq!(decodebytes(b"aGVsbG8=").unwrap(), b"hello");
        assert_eq!(decodebytes(b"aGVs\nbG8=").unwrap(), b"hello");
        // the answers of CPython 3.11's binascii.a2b_base64
        assert_eq!(decodebytes(b"YQ==YQ==").unwrap(), b"a");
        assert_eq!(decodebytes(b"YQ==Y").unwrap(), b"a");
        assert_eq!(decodebytes(b"YWI=YQ").unwrap(), b"ab");
        assert_eq!(decodebytes(b"YW=Jj").unwrap(), b"abc");
        assert_eq!(decodebytes(b"Y=Q==").unwrap(), b"a");
        assert_eq!(decodebytes(b"YQ=x=").unwrap(), b"a\x0c");
        assert_eq!(decodebytes(b"YQ=").unwrap_err(), "Incorrect padding");
        assert_eq!(decodebytes(b"YWJj").unwrap(), b"abc");
        assert_eq!(decodebytes(b"").unwrap(), b"");
        assert_eq!(decodebytes(b"YQ").unwrap_err(), "Incorrect padding");
        assert!(
            decodebytes(b"YWJjZ")
                .unwrap_err()
                .contains("1 more than a multiple of 4")
        );
        assert_eq!(decodebytes(b"!!YQ==").unwrap(), b"a");
    }

    #[test]
    fn data_urls() {
        let (h, b) = open_data_url("data:text/html,%3Cb%3E").unwrap();
        assert_eq!(h.get("content-type"), Some("text/html"));
        assert_eq!(h.get("content-length"), Some("3"));
        assert_eq!(b, b"<b>");
        assert!(open_data_url("data:nocomma").is_err());
        // found by fuzz/data_url: a line break in the media type injects headers
        assert!(open_data_url("data:&\n,").is_err());
        assert!(open_data_url("data:text/plain\r\nX-evil: 1,x").is_err());
        assert!(open_data_url("data:;base64,####a").is_err());
        // a huge URL costs what it is, no more, and never panics
        let big = format!("data:;base64,{}", "QUJD".repeat(1 << 18));
        assert_eq!(open_data_url(&big).unwrap().1.len(), 3 << 18);
    }
}
