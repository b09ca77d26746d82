//! The chunked transfer coding (RFC 9112 section 7.1): a decoder that never
//! allocates what a size line announces, and the encoder.

use super::{Decoded, HeadReader, Limits, MAX_LINE, line_end};
use crate::{Error, HTTPMessage, Result};

/// The last chunk and the empty trailer section that end a chunked body.
pub const LAST_CHUNK: &[u8] = b"0\r\n\r\n";

/// Appends `data` to `out` as one chunk (`{len:X}\r\n{data}\r\n`), as `http.client`
/// encodes each piece of a body with `encode_chunked=True`. Empty data would end
/// the body, so it appends nothing (CPython skips empty chunks too).
///
/// ```
/// let mut out = Vec::new();
/// netstd_http::proto::encode_chunk(&mut out, b"hello, world");
/// out.extend_from_slice(netstd_http::proto::LAST_CHUNK);
/// assert_eq!(out, b"C\r\nhello, world\r\n0\r\n\r\n");
/// ```
pub fn encode_chunk(out: &mut Vec<u8>, data: &[u8]) {
    if data.is_empty() {
        return;
    }
    use std::io::Write;
    // writing to a Vec cannot fail
    let _ = write!(out, "{:X}\r\n", data.len());
    out.extend_from_slice(data);
    out.extend_from_slice(b"\r\n");
}

#[derive(Debug, Clone)]
enum State {
    /// Reading a chunk-size line; bytes of it already scanned.
    Size {
        scanned: usize,
    },
    /// Inside a chunk's data, with this many bytes left.
    Data(u64),
    /// After a chunk's data: its CR LF.
    DataEnd,
    /// Reading the trailer section.
    Trailer(HeadReader),
    Done,
}

/// Decodes a chunked body from bytes that arrive piecemeal, zero-copy: it says
/// where the data is in the caller's buffer and never allocates what a size line
/// announces, so a peer that announces a 10 GB chunk and sends 10 bytes costs
/// nothing. Size lines are strict: hexadecimal digits, optional blanks, an optional
/// `;extension`, then CR LF or LF; the CR LF after each chunk's data is required.
/// Anything else is [`Error::IncompleteRead`], as CPython reports a bad size line.
/// Size and trailer lines are bounded by 65,536 bytes ([`Error::LineTooLong`]),
/// the trailer section by 100 lines ([`Error::HTTPException`]).
///
/// ```
/// use netstd_http::proto::{ChunkedDecoder, Decoded};
/// let mut d = ChunkedDecoder::new();
/// let wire = b"3;x=y\r\nabc\r\n0\r\nX-Sum: 1\r\n\r\n";
/// assert_eq!(d.decode(wire)?, Decoded::Data { consumed: 7, len: 3 });
/// d.consume(3);
/// assert_eq!(d.decode(&wire[10..])?, Decoded::Done { consumed: 17 });
/// assert_eq!(d.trailers().unwrap().get("x-sum"), Some("1"));
/// # Ok::<(), netstd_http::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ChunkedDecoder {
    state: State,
    received: u64,
    trailers: Option<HTTPMessage>,
}

impl Default for ChunkedDecoder {
    fn default() -> Self {
        Self::new()
    }
}

impl ChunkedDecoder {
    /// A decoder at the start of a chunked body.
    pub fn new() -> Self {
        ChunkedDecoder {
            state: State::Size { scanned: 0 },
            received: 0,
            trailers: None,
        }
    }

    /// Advances over `input` (the unconsumed bytes received so far). After
    /// [`Decoded::Data`], the caller takes some of the data and reports it with
    /// [`ChunkedDecoder::consume`]; after any answer it drops the bytes it was told
    /// were consumed (plus the data it took) before calling again.
    pub fn decode(&mut self, input: &[u8]) -> Result<Decoded> {
        let mut pos = 0;
        loop {
            match &mut self.state {
                State::Size { scanned } => {
                    let line = &input[pos..];
                    let Some(end) = line_end(line, *scanned, MAX_LINE, "chunk size")? else {
                        *scanned = line.len();
                        return Ok(Decoded::NeedMore { consumed: pos });
                    };
                    let size = self.chunk_size(&line[..end])?;
                    pos += end;
                    self.state = if size == 0 {
                        State::Trailer(HeadReader::named(Limits::default(), "trailer line"))
                    } else {
                        State::Data(size)
                    };
                }
                State::Data(left) => {
                    let avail = input.len() - pos;
                    if avail == 0 {
                        return Ok(Decoded::NeedMore { consumed: pos });
                    }
                    let len = usize::try_from(*left).map_or(avail, |l| l.min(avail));
                    return Ok(Decoded::Data { consumed: pos, len });
                }
                State::DataEnd => {
                    let rest = &input[pos..];
                    if rest.starts_with(b"\r\n") {
                        pos += 2;
                        self.state = State::Size { scanned: 0 };
                    } else if rest.is_empty() || rest == b"\r" {
                        return Ok(Decoded::NeedMore { consumed: pos });
                    } else {
                        return Err(self.broken());
                    }
                }
                State::Trailer(reader) => {
                    let block = &input[pos..];
                    let Some(end) = reader.feed(block)? else {
                        return Ok(Decoded::NeedMore { consumed: pos });
                    };
                    if end > 2 {
                        self.trailers = Some(HTTPMessage::from_block(&block[..end]));
                    }
                    pos += end;
                    self.state = State::Done;
                }
                State::Done => return Ok(Decoded::Done { consumed: pos }),
            }
        }
    }

    /// Reports that the caller took `n` bytes of the data [`ChunkedDecoder::decode`]
    /// offered (`n` no more than that `len`).
    pub fn consume(&mut self, n: usize) {
        if let State::Data(left) = &mut self.state {
            let n = (n as u64).min(*left);
            *left -= n;
            self.received += n;
            if *left == 0 {
                self.state = State::DataEnd;
            }
        }
    }

    /// Data bytes left in the current chunk, when inside one: what may be read
    /// straight from the connection into the caller's buffer.
    pub fn data_left(&self) -> Option<u64> {
        match self.state {
            State::Data(left) => Some(left),
            _ => None,
        }
    }

    /// True once the last chunk and the trailer section are read.
    pub fn is_done(&self) -> bool {
        matches!(self.state, State::Done)
    }

    /// Body bytes decoded so far.
    pub fn received(&self) -> u64 {
        self.received
    }

    /// The trailer fields, once the body is complete and if there were any.
    pub fn trailers(&self) -> Option<&HTTPMessage> {
        self.trailers.as_ref()
    }

    /// The peer closed the connection: an error unless the body was complete. A
    /// peer that closes after the last chunk without (all of) the trailer section is
    /// accepted, as CPython's `_read_and_discard_trailer` accepts it.
    pub fn eof(&mut self) -> Result<()> {
        if matches!(self.state, State::Trailer(_)) {
            self.state = State::Done;
        }
        if self.is_done() {
            Ok(())
        } else {
            Err(Error::IncompleteRead {
                partial: self.received,
                expected: self.data_left(),
            })
        }
    }

    fn broken(&self) -> Error {
        Error::IncompleteRead {
            partial: self.received,
            expected: None,
        }
    }

    /// `hex [blanks] [; extension] CRLF|LF`, the size at most `u64::MAX`.
    fn chunk_size(&self, line: &[u8]) -> Result<u64> {
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let digits = line.iter().take_while(|b| b.is_ascii_hexdigit()).count();
        let rest = &line[digits..];
        let after_blanks = rest.iter().position(|&b| b != b' ' && b != b'\t');
        let tail_ok = match after_blanks {
            None => true,
            Some(i) => rest[i] == b';' && !rest.contains(&b'\r'),
        };
        if digits == 0 || !tail_ok {
            return Err(self.broken());
        }
        let mut size: u64 = 0;
        for &b in &line[..digits] {
            let d = (b as char).to_digit(16).map_or(0, u64::from);
            size = size
                .checked_mul(16)
                .and_then(|s| s.checked_add(d))
                .ok_or_else(|| self.broken())?;
        }
        Ok(size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds `wire` in pieces of `step` bytes, as a socket would deliver it.
    fn decode_all(wire: &[u8], step: usize) -> Result<Vec<u8>> {
        let mut d = ChunkedDecoder::new();
        let mut buf = Vec::new();
        let mut out = Vec::new();
        let mut fed = 0;
        loop {
            match d.decode(&buf)? {
                Decoded::Data { consumed, len } => {
                    out.extend_from_slice(&buf[consumed..consumed + len]);
                    d.consume(len);
                    buf.drain(..consumed + len);
                }
                Decoded::NeedMore { consumed } => {
                    buf.drain(..consumed);
                    if fed == wire.len() {
                        d.eof()?;
                        return Ok(out);
                    }
                    let n = step.min(wire.len() - fed);
                    buf.extend_from_slice(&wire[fed..fed + n]);
                    fed += n;
                }
                Decoded::Done { .. } => return Ok(out),
            }
        }
    }

    #[test]
    fn any_split_same_answer() {
        let wire =
            b"5\r\nhello\r\n1a ; ext=\"x\"\r\nabcdefghijklmnopqrstuvwxyz\r\n000\r\nT: 1\r\n\r\n";
        for step in 1..wire.len() {
            let out = decode_all(wire, step).unwrap();
            assert_eq!(out, b"helloabcdefghijklmnopqrstuvwxyz");
        }
    }

    #[test]
    fn bad_sizes_refused() {
        for bad in [
            &b"+5\r\nhello\r\n0\r\n\r\n"[..],
            b"-5\r\nhello\r\n0\r\n\r\n",
            b"0x5\r\nhello\r\n0\r\n\r\n",
            b" 5\r\nhello\r\n0\r\n\r\n",
            b"5 z\r\nhello\r\n0\r\n\r\n",
            b"\r\nhello\r\n0\r\n\r\n",
            b"5\r\nhelloXX0\r\n\r\n",
            b"5_0\r\nhello\r\n0\r\n\r\n",
            b"10000000000000000\r\n",
        ] {
            assert!(
                matches!(decode_all(bad, 3), Err(Error::IncompleteRead { .. })),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn huge_announced_chunk_costs_nothing() {
        // 10 GB announced, 10 bytes sent, then the peer closes
        let err = decode_all(b"280000000\r\n0123456789", 4).unwrap_err();
        assert_eq!(
            err,
            Error::IncompleteRead {
                partial: 10,
                expected: Some(0x2_8000_0000 - 10)
            }
        );
    }

    #[test]
    fn limits() {
        let mut long = b"5;".to_vec();
        long.resize(70_000, b'x');
        assert_eq!(
            decode_all(&long, 4096),
            Err(Error::LineTooLong("chunk size"))
        );
        let mut trailers = b"0\r\n".to_vec();
        for i in 0..100 {
            trailers.extend_from_slice(format!("T{i}: x\r\n").as_bytes());
        }
        trailers.extend_from_slice(b"\r\n");
        assert!(matches!(
            decode_all(&trailers, 512),
            Err(Error::HTTPException(_))
        ));
        // an endless trailer section stops at the limit too
        let endless: Vec<u8> = b"0\r\n"
            .iter()
            .copied()
            .chain(b"T: x\r\n".repeat(1000))
            .collect();
        assert!(matches!(
            decode_all(&endless, 64),
            Err(Error::HTTPException(_))
        ));
    }
}
