//! The receive buffer and the response logic both faces share: reading a head and
//! handing out body data, without I/O. A face only moves bytes from its socket
//! into [`RecvBuf::spare`] and calls these.

use netstd_http::proto::{BodyDecoder, Decoded, HeadStep, ResponseHead, ResponseHeadParser};

use crate::Result;

/// Bytes received and not yet consumed: `buf[start..end]`.
#[derive(Debug, Default)]
pub(crate) struct RecvBuf {
    buf: Vec<u8>,
    start: usize,
    end: usize,
}

impl RecvBuf {
    pub(crate) fn with_capacity(n: usize) -> Self {
        RecvBuf {
            buf: vec![0; n],
            start: 0,
            end: 0,
        }
    }

    pub(crate) fn data(&self) -> &[u8] {
        &self.buf[self.start..self.end]
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub(crate) fn consume(&mut self, n: usize) {
        self.start = (self.start + n).min(self.end);
        if self.start == self.end {
            self.start = 0;
            self.end = 0;
        }
    }

    /// Room for at least `min` more bytes: the unconsumed bytes move to the front
    /// when that makes room, else the buffer grows.
    pub(crate) fn spare(&mut self, min: usize) -> &mut [u8] {
        if self.buf.len() - self.end < min {
            if self.start > 0 {
                self.buf.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.start = 0;
            }
            if self.buf.len() - self.end < min {
                let want = (self.end + min).max(self.buf.len() * 2);
                self.buf.resize(want, 0);
            }
        }
        &mut self.buf[self.end..]
    }

    pub(crate) fn commit(&mut self, n: usize) {
        self.end = (self.end + n).min(self.buf.len());
    }
}

/// Advances the head parser over the buffer: the head when it is complete, `None`
/// when more bytes are needed.
pub(crate) fn head_step(
    parser: &mut ResponseHeadParser,
    rb: &mut RecvBuf,
) -> Result<Option<ResponseHead>> {
    loop {
        match parser.parse(rb.data())? {
            HeadStep::NeedMore => return Ok(None),
            HeadStep::Consumed(n) => rb.consume(n),
            HeadStep::Done(head, n) => {
                rb.consume(n);
                return Ok(Some(head));
            }
        }
    }
}

/// The head when the peer closed the connection mid-head.
pub(crate) fn head_eof(parser: &mut ResponseHeadParser, rb: &mut RecvBuf) -> Result<ResponseHead> {
    let (head, n) = parser.eof(rb.data())?;
    rb.consume(n);
    Ok(head)
}

/// What the buffer holds for the body reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Avail {
    /// `rb.data()[..n]` is body data.
    Data(usize),
    /// Framing consumed; more bytes are needed.
    Need,
    /// The body is complete.
    Done,
}

/// Drops framing bytes and says where the next body data is.
pub(crate) fn body_step(decoder: &mut BodyDecoder, rb: &mut RecvBuf) -> Result<Avail> {
    Ok(match decoder.decode(rb.data())? {
        Decoded::Data { consumed, len } => {
            rb.consume(consumed);
            Avail::Data(len)
        }
        Decoded::NeedMore { consumed } => {
            rb.consume(consumed);
            Avail::Need
        }
        Decoded::Done { consumed } => {
            rb.consume(consumed);
            Avail::Done
        }
    })
}

/// Reads of at least this many bytes go straight from the socket into the
/// caller's buffer when nothing is buffered (as `BufReader` does).
pub(crate) const DIRECT_READ: usize = 8192;

/// The hand-off of a kept-alive connection from a response back to its
/// `HTTPConnection` once the body has been read: both hold one end.
#[derive(Debug)]
pub(crate) struct Handoff<C>(std::sync::Arc<std::sync::Mutex<Slot<C>>>);

#[derive(Debug)]
enum Slot<C> {
    /// The response still reads from the connection.
    Busy,
    /// The body is complete: the connection is free for the next request.
    Returned(C),
    /// The response was closed early: the connection is gone.
    Gone,
}

/// What the connection finds when it looks at the hand-off.
pub(crate) enum Reclaim<C> {
    Busy,
    Returned(C),
    Gone,
}

impl<C> Handoff<C> {
    /// A pair of ends: one for the connection, one for the response.
    pub(crate) fn pair() -> (Self, Self) {
        let slot = std::sync::Arc::new(std::sync::Mutex::new(Slot::Busy));
        (Handoff(slot.clone()), Handoff(slot))
    }

    fn with<T>(&self, f: impl FnOnce(&mut Slot<C>) -> T) -> T {
        let mut guard = match self.0.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        f(&mut guard)
    }

    /// The response gives the connection back.
    pub(crate) fn give(&self, conn: C) {
        self.with(|s| *s = Slot::Returned(conn));
    }

    /// The response drops the connection.
    pub(crate) fn abandon(&self) {
        self.with(|s| *s = Slot::Gone);
    }

    /// The connection takes back what the response left.
    pub(crate) fn reclaim(&self) -> Reclaim<C> {
        self.with(|s| match std::mem::replace(s, Slot::Gone) {
            Slot::Busy => {
                *s = Slot::Busy;
                Reclaim::Busy
            }
            Slot::Returned(c) => Reclaim::Returned(c),
            Slot::Gone => Reclaim::Gone,
        })
    }
}

/// The message of `CannotSendRequest` while a response holds the connection.
pub(crate) const RESPONSE_UNREAD: &str =
    "Request-sent: the previous response has not been read to its end; read or close it first";
