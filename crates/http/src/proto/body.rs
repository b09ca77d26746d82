//! One decoder for every kind of body framing.

use super::{BodyLength, ChunkedDecoder};
use crate::{Error, HTTPMessage, Result};

/// An answer of [`BodyDecoder::decode`] (and [`ChunkedDecoder::decode`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoded {
    /// Framing bytes were consumed and more input is needed.
    NeedMore {
        /// Framing bytes to drop from the front of the input.
        consumed: usize,
    },
    /// Body data is available at `input[consumed..consumed + len]`.
    Data {
        /// Framing bytes before the data, to drop with the data taken.
        consumed: usize,
        /// Data bytes available.
        len: usize,
    },
    /// The body is complete.
    Done {
        /// Framing bytes to drop from the front of the input.
        consumed: usize,
    },
}

#[derive(Debug, Clone)]
enum Kind {
    Length(u64),
    Chunked(Box<ChunkedDecoder>),
    Close,
    Done,
}

/// Decodes a message body framed by Content-Length, chunked coding or the end of
/// the connection, zero-copy and without allocating what the peer announces. The
/// blocking and async faces feed it the bytes they buffer, and may read straight
/// into the caller's buffer up to [`BodyDecoder::direct_limit`] bytes when they
/// buffer none.
///
/// ```
/// use netstd_http::proto::{BodyDecoder, BodyLength, Decoded};
/// let mut body = BodyDecoder::new(BodyLength::Length(10_000_000_000));
/// assert_eq!(body.decode(b"0123456789")?, Decoded::Data { consumed: 0, len: 10 });
/// body.consume(10);
/// assert!(body.eof().is_err()); // IncompleteRead: 10 bytes read, 9999999990 more expected
/// # Ok::<(), netstd_http::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct BodyDecoder {
    kind: Kind,
    received: u64,
}

impl BodyDecoder {
    /// A decoder for a body framed as `length` says.
    pub fn new(length: BodyLength) -> Self {
        let kind = match length {
            BodyLength::Empty | BodyLength::Length(0) => Kind::Done,
            BodyLength::Length(n) => Kind::Length(n),
            BodyLength::Chunked => Kind::Chunked(Box::default()),
            BodyLength::Close => Kind::Close,
        };
        BodyDecoder { kind, received: 0 }
    }

    /// Advances over `input`, the unconsumed bytes buffered so far.
    pub fn decode(&mut self, input: &[u8]) -> Result<Decoded> {
        match &mut self.kind {
            Kind::Done => Ok(Decoded::Done { consumed: 0 }),
            Kind::Chunked(c) => c.decode(input),
            _ if input.is_empty() => Ok(Decoded::NeedMore { consumed: 0 }),
            Kind::Length(left) => Ok(Decoded::Data {
                consumed: 0,
                len: usize::try_from(*left).map_or(input.len(), |l| l.min(input.len())),
            }),
            Kind::Close => Ok(Decoded::Data {
                consumed: 0,
                len: input.len(),
            }),
        }
    }

    /// Reports that the caller took `n` bytes of the data offered (or read them
    /// straight from the connection, within [`BodyDecoder::direct_limit`]).
    pub fn consume(&mut self, n: usize) {
        match &mut self.kind {
            Kind::Length(left) => {
                let n = (n as u64).min(*left);
                *left -= n;
                self.received += n;
                if *left == 0 {
                    self.kind = Kind::Done;
                }
            }
            Kind::Chunked(c) => {
                c.consume(n);
                self.received = c.received();
            }
            Kind::Close => self.received += n as u64,
            Kind::Done => {}
        }
    }

    /// How many body bytes may be read straight from the connection into the
    /// caller's buffer when nothing is buffered: `None` when framing comes next.
    pub fn direct_limit(&self) -> Option<u64> {
        match &self.kind {
            Kind::Length(left) => Some(*left),
            Kind::Chunked(c) => c.data_left(),
            Kind::Close => Some(u64::MAX),
            Kind::Done => None,
        }
    }

    /// The peer closed the connection. Fine for a body delimited by the close (it
    /// is now complete); [`Error::IncompleteRead`] for a body cut short.
    pub fn eof(&mut self) -> Result<()> {
        match &mut self.kind {
            Kind::Close | Kind::Done => {
                self.kind = Kind::Done;
                Ok(())
            }
            Kind::Length(left) => Err(Error::IncompleteRead {
                partial: self.received,
                expected: Some(*left),
            }),
            Kind::Chunked(c) => c.eof(),
        }
    }

    /// True once the whole body has been decoded.
    pub fn is_done(&self) -> bool {
        match &self.kind {
            Kind::Done => true,
            Kind::Chunked(c) => c.is_done(),
            _ => false,
        }
    }

    /// Body bytes decoded so far.
    pub fn received(&self) -> u64 {
        self.received
    }

    /// The trailer fields of a chunked body, once it is complete.
    pub fn trailers(&self) -> Option<&HTTPMessage> {
        match &self.kind {
            Kind::Chunked(c) => c.trailers(),
            _ => None,
        }
    }
}
