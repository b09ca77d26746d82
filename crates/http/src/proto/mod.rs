//! The sans-IO HTTP/1.1 message layer: no sockets, no clocks. Parsers take the
//! bytes received so far and answer "need more", "consumed n" or a result; encoders
//! append to the caller's `Vec<u8>`. The blocking and async faces of the client and
//! the server drive these same state machines, so their behaviour cannot drift.
//!
//! ```
//! use netstd_http::proto::{HeadStep, ResponseHeadParser, BodyDecoder, Decoded, response_framing};
//! let wire = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
//! let mut parser = ResponseHeadParser::new();
//! let mut pos = 0;
//! let head = loop {
//!     match parser.parse(&wire[pos..])? {
//!         HeadStep::Consumed(n) => pos += n,
//!         HeadStep::Done(head, n) => { pos += n; break head; }
//!         HeadStep::NeedMore => unreachable!("the whole response is here"),
//!     }
//! };
//! let framing = response_framing(&head, "GET")?;
//! let mut body = BodyDecoder::new(framing.body);
//! let mut data = Vec::new();
//! loop {
//!     match body.decode(&wire[pos..])? {
//!         Decoded::Data { consumed, len } => {
//!             data.extend_from_slice(&wire[pos + consumed..pos + consumed + len]);
//!             body.consume(len);
//!             pos += consumed + len;
//!         }
//!         Decoded::NeedMore { .. } => unreachable!(),
//!         Decoded::Done { .. } => break,
//!     }
//! }
//! assert_eq!(data, b"hello");
//! # Ok::<(), netstd_http::Error>(())
//! ```

mod body;
mod chunked;
mod framing;
mod head;
mod request;
mod write;

pub use body::{BodyDecoder, Decoded};
pub use chunked::{ChunkedDecoder, LAST_CHUNK, encode_chunk};
pub use framing::{BodyLength, ResponseFraming, response_framing};
pub use head::{
    HeadReader, HeadStep, Limits, ResponseHead, ResponseHeadParser, StatusLine, parse_status_line,
};
pub use request::{RequestLine, RequestLineError, parse_request_line, request_framing};
pub use write::{
    check_header_name, check_header_value, check_host, check_method, check_target, write_header,
    write_request_line,
};

/// The longest line accepted in a message head, terminator included: CPython's
/// `http.client._MAXLINE`.
pub const MAX_LINE: usize = 65_536;

/// The most lines a header block may have, counting its terminating blank line:
/// CPython's `http.client._MAXHEADERS` (so 99 fields at most, exactly as CPython).
pub const MAX_HEADERS: usize = 100;

/// The most interim (100 Continue) responses skipped before a final one (CPython
/// gh-150743: an endless stream of them must end).
pub const MAX_INTERIM: usize = 100;

/// Where the first `\n` at or after `from` is in `buf`, as the end of a line of at
/// most `limit` bytes; `what` names the line for [`crate::Error::LineTooLong`].
pub(crate) fn line_end(
    buf: &[u8],
    from: usize,
    limit: usize,
    what: &'static str,
) -> crate::Result<Option<usize>> {
    let from = from.min(buf.len());
    match memchr::memchr(b'\n', &buf[from..]) {
        Some(i) if from + i + 1 > limit => Err(crate::Error::LineTooLong(what)),
        Some(i) => Ok(Some(from + i + 1)),
        None if buf.len() > limit => Err(crate::Error::LineTooLong(what)),
        None => Ok(None),
    }
}
