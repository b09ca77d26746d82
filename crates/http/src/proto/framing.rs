//! How a response body is delimited, and whether the connection survives it.

use super::ResponseHead;
use crate::{Error, HTTPMessage, Result};

/// How the body of a message is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyLength {
    /// No body at all: HEAD, 1xx, 204 and 304 responses.
    Empty,
    /// Exactly this many bytes (Content-Length).
    Length(u64),
    /// Chunked transfer coding.
    Chunked,
    /// Everything until the peer closes the connection.
    Close,
}

/// The framing of a response: its body and whether the connection closes after it
/// (`HTTPResponse.will_close`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseFraming {
    /// How the body is delimited.
    pub body: BodyLength,
    /// True when the connection cannot carry another request afterwards.
    pub will_close: bool,
}

/// The framing of a response to a request made with `method`, as CPython's
/// `HTTPResponse.begin` decides it, but refusing what CPython guesses at (the
/// request-smuggling classes of RUSTSEC-2021-0078 and RUSTSEC-2021-0020):
///
/// - a Transfer-Encoding other than exactly `chunked` is
///   [`Error::UnknownTransferEncoding`] (CPython reads such a body until close);
/// - Transfer-Encoding beside Content-Length, Content-Length values that disagree,
///   and lengths that are not plain digits (`+5`, `-1`, `5_0`, ` `, overflow) are
///   [`Error::HTTPException`] (CPython takes the first value through `int()` or
///   ignores it).
///
/// Responses to HEAD, and 1xx, 204 and 304 responses, have no body whatever their
/// headers say.
///
/// ```
/// use netstd_http::proto::{response_framing, BodyLength, ResponseHead};
/// let head = ResponseHead {
///     version: 11, status: 200, reason: "OK".into(),
///     headers: netstd_http::parse_headers(b"Content-Length: 5\r\n\r\n")?,
/// };
/// let f = response_framing(&head, "GET")?;
/// assert_eq!((f.body, f.will_close), (BodyLength::Length(5), false));
/// assert_eq!(response_framing(&head, "HEAD")?.body, BodyLength::Empty);
/// # Ok::<(), netstd_http::Error>(())
/// ```
pub fn response_framing(head: &ResponseHead, method: &str) -> Result<ResponseFraming> {
    let headers = &head.headers;
    let mut will_close = check_close(head.version, headers);
    let status = head.status;
    let body = if status == 204 || status == 304 || (100..200).contains(&status) || method == "HEAD"
    {
        BodyLength::Empty
    } else if headers.contains("transfer-encoding") {
        let codings = headers.get_all("transfer-encoding").join(",");
        if !codings
            .trim_matches([' ', '\t'])
            .eq_ignore_ascii_case("chunked")
        {
            return Err(Error::UnknownTransferEncoding(codings));
        }
        if headers.contains("content-length") {
            return Err(Error::HTTPException(
                "response has both Transfer-Encoding and Content-Length".into(),
            ));
        }
        BodyLength::Chunked
    } else if headers.contains("content-length") {
        BodyLength::Length(content_length(headers)?)
    } else {
        BodyLength::Close
    };
    if body == BodyLength::Close || status == 101 {
        // after 101 Switching Protocols the connection speaks another protocol
        will_close = true;
    }
    Ok(ResponseFraming { body, will_close })
}

/// The one length every Content-Length field (and every element of a
/// comma-separated one) agrees on, as plain decimal digits.
pub(crate) fn content_length(headers: &HTTPMessage) -> Result<u64> {
    let mut length = None;
    for value in headers.values_of("content-length") {
        for item in value.split(',') {
            let item = item.trim_matches([' ', '\t']);
            let bad = || Error::HTTPException(format!("invalid Content-Length: {value:?}"));
            if item.is_empty() || !item.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            let n: u64 = item.parse().map_err(|_| bad())?;
            if length.is_some_and(|l| l != n) {
                return Err(Error::HTTPException(
                    "response has Content-Length values that disagree".into(),
                ));
            }
            length = Some(n);
        }
    }
    length.ok_or_else(|| Error::HTTPException("empty Content-Length".into()))
}

/// `HTTPResponse._check_close`: HTTP/1.1 stays open unless `Connection` says
/// close; HTTP/1.0 closes unless a keep-alive is announced.
fn check_close(version: u8, headers: &HTTPMessage) -> bool {
    let has = |name: &str, token: &str| {
        headers.get(name).is_some_and(|v| {
            v.as_bytes()
                .windows(token.len())
                .any(|w| w.eq_ignore_ascii_case(token.as_bytes()))
        })
    };
    if version == 11 {
        return has("connection", "close");
    }
    if headers.get("keep-alive").is_some_and(|v| !v.is_empty()) {
        return false;
    }
    !(has("connection", "keep-alive") || has("proxy-connection", "keep-alive"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framing(version: u8, status: u16, raw: &[u8], method: &str) -> Result<ResponseFraming> {
        let head = ResponseHead {
            version,
            status,
            reason: String::new(),
            headers: crate::parse_headers(raw).unwrap(),
        };
        response_framing(&head, method)
    }

    #[test]
    fn lengths_refused_not_guessed() {
        for bad in [
            &b"Content-Length: +5\r\n\r\n"[..],
            b"Content-Length: -1\r\n\r\n",
            b"Content-Length: 5_0\r\n\r\n",
            b"Content-Length: 0x10\r\n\r\n",
            b"Content-Length: \r\n\r\n",
            b"Content-Length: 99999999999999999999999\r\n\r\n",
            b"Content-Length: 5\r\nContent-Length: 6\r\n\r\n",
            b"Content-Length: 5, 6\r\n\r\n",
            b"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n",
        ] {
            let got = framing(11, 200, bad, "GET");
            assert!(
                matches!(got, Err(Error::HTTPException(_))),
                "{:?} gave {got:?}",
                String::from_utf8_lossy(bad)
            );
        }
        for te in [
            &b"Transfer-Encoding: gzip, chunked\r\n\r\n"[..],
            b"Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
            b"Transfer-Encoding: identity\r\n\r\n",
            b"Transfer-Encoding: \r\n\r\n",
        ] {
            assert!(matches!(
                framing(11, 200, te, "GET"),
                Err(Error::UnknownTransferEncoding(_))
            ));
        }
        let same = framing(
            11,
            200,
            b"Content-Length: 5\r\ncontent-length: 5, 5\r\n\r\n",
            "GET",
        );
        assert_eq!(same.unwrap().body, BodyLength::Length(5));
        let big = framing(11, 200, b"Content-Length: 10737418240\r\n\r\n", "GET");
        assert_eq!(big.unwrap().body, BodyLength::Length(10 << 30));
    }

    #[test]
    fn keep_alive_rules() {
        let f = framing(10, 200, b"Content-Length: 1\r\n\r\n", "GET").unwrap();
        assert!(f.will_close);
        let f = framing(
            10,
            200,
            b"Content-Length: 1\r\nConnection: Keep-Alive\r\n\r\n",
            "GET",
        );
        assert!(!f.unwrap().will_close);
        let f = framing(
            11,
            200,
            b"Connection: close\r\nContent-Length: 1\r\n\r\n",
            "GET",
        );
        assert!(f.unwrap().will_close);
        let f = framing(11, 200, b"\r\n", "GET").unwrap();
        assert_eq!((f.body, f.will_close), (BodyLength::Close, true));
        let f = framing(11, 204, b"Transfer-Encoding: chunked\r\n\r\n", "GET").unwrap();
        assert_eq!((f.body, f.will_close), (BodyLength::Empty, false));
        let f = framing(11, 200, b"Content-Length: x\r\n\r\n", "HEAD").unwrap();
        assert_eq!(f.body, BodyLength::Empty);
    }
}
