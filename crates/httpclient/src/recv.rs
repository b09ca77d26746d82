//! The receive buffer and the response logic both faces share: reading a head and
//! handing out body data, without I/O. A face only moves bytes from its socket
//! into [`RecvBuf::spare`] and calls these.

use netstd_http::proto::{
    BodyDecoder, Decoded, HeadStep, ResponseFraming, ResponseHead, ResponseHeadParser,
};

use crate::{Error, Result};

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

    /// Gives back room beyond `max` (after a peer made the buffer grow).
    pub(crate) fn shrink(&mut self, max: usize) {
        if self.buf.len() > max && self.end - self.start <= max {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
            self.buf.truncate(max);
            self.buf.shrink_to_fit();
        }
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

/// Reads of at least this many bytes go straight from the socket into the
/// caller's buffer when nothing is buffered (as `BufReader` does).
pub(crate) const DIRECT_READ: usize = 8192;

/// A receive buffer kept between requests never keeps more than this much room
/// (a peer can make it grow to a header block's size; it shrinks back).
const KEEP_CAPACITY: usize = 64 * 1024;

/// A face's socket together with its receive buffer.
pub(crate) trait Buffered {
    fn rb(&mut self) -> &mut RecvBuf;
    fn rb_ref(&self) -> &RecvBuf;
}

/// What the buffer holds for the body reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Avail {
    /// `data(n)`: body data.
    Data(usize),
    /// More bytes are needed from the socket.
    Need,
    /// The body is over (or the response closed).
    End,
}

/// The body side of a response, without I/O: the decoder over the connection's
/// buffer, the hand-off of the connection when the body is complete, and the
/// close and failure rules. Both faces' `HTTPResponse` wrap one and only move
/// bytes from their socket into it.
#[derive(Debug)]
pub(crate) struct BodyCore<C> {
    pub(crate) conn: Option<C>,
    pub(crate) decoder: BodyDecoder,
    handoff: Option<Handoff<C>>,
    pub(crate) framing: ResponseFraming,
    /// `isclosed()`: set once the body has been read or the response closed.
    pub(crate) closed: bool,
    /// An error to report on the next read (after returning the bytes before it).
    pub(crate) pending: Option<Error>,
    /// The body broke (peer error, timeout): later reads fail rather than end.
    failed: bool,
    /// Data bytes handed out by the last `step`, the most `consume` may take.
    offered: usize,
}

impl<C: Buffered> BodyCore<C> {
    pub(crate) fn new(conn: C, framing: ResponseFraming, handoff: Option<Handoff<C>>) -> Self {
        let mut core = BodyCore {
            conn: Some(conn),
            decoder: BodyDecoder::new(framing.body),
            handoff,
            framing,
            closed: false,
            pending: None,
            failed: false,
            offered: 0,
        };
        if core.decoder.is_done() {
            // nothing to read: the connection is free at once
            core.release();
        }
        core
    }

    /// The body is complete: the connection goes back for reuse when the response
    /// allows it and nothing beyond the body was received (bytes after a body are
    /// never read as the next response), else it is closed.
    fn release(&mut self) {
        let conn = self.conn.take();
        match (conn, self.handoff.take()) {
            (Some(mut conn), Some(h)) if !self.framing.will_close && conn.rb_ref().is_empty() => {
                conn.rb().shrink(KEEP_CAPACITY);
                h.give(conn);
            }
            (_, Some(h)) => h.abandon(),
            _ => {}
        }
    }

    /// `close()`: a connection with body left unread is closed.
    pub(crate) fn close(&mut self) {
        self.closed = true;
        if self.conn.take().is_some() {
            if let Some(h) = self.handoff.take() {
                h.abandon();
            }
        }
    }

    /// The body broke: the connection is closed and later reads fail.
    pub(crate) fn fail(&mut self, e: Error) -> Error {
        self.close();
        self.failed = true;
        e
    }

    /// The error a read reports before anything else, if any.
    pub(crate) fn check(&mut self) -> Result<()> {
        if let Some(e) = self.pending.take() {
            return Err(e);
        }
        if self.failed {
            return Err(Error::IncompleteRead {
                partial: self.decoder.received(),
                expected: None,
            });
        }
        Ok(())
    }

    /// Drops framing bytes and says what the buffer holds for the reader.
    pub(crate) fn step(&mut self) -> Result<Avail> {
        let Some(conn) = self.conn.as_mut() else {
            self.closed = true;
            return Ok(Avail::End);
        };
        let rb = conn.rb();
        let decoded = self.decoder.decode(rb.data());
        let avail = match decoded {
            Ok(Decoded::Data { consumed, len }) => {
                rb.consume(consumed);
                Avail::Data(len)
            }
            Ok(Decoded::NeedMore { consumed }) => {
                rb.consume(consumed);
                Avail::Need
            }
            Ok(Decoded::Done { consumed }) => {
                rb.consume(consumed);
                self.release();
                self.closed = true;
                Avail::End
            }
            Err(e) => return Err(self.fail(e.into())),
        };
        self.offered = match avail {
            Avail::Data(n) => n,
            _ => 0,
        };
        Ok(avail)
    }

    /// Bytes buffered, for sizing a read.
    pub(crate) fn offered_hint(&self) -> usize {
        self.conn.as_ref().map_or(0, |c| c.rb_ref().data().len())
    }

    /// The `n` bytes of data the last `step` offered.
    pub(crate) fn data(&self, n: usize) -> &[u8] {
        self.conn
            .as_ref()
            .map_or(&[][..], |c| &c.rb_ref().data()[..n.min(self.offered)])
    }

    /// The reader took `n` bytes of the data offered.
    pub(crate) fn consume(&mut self, n: usize) {
        let n = n.min(self.offered);
        self.offered -= n;
        if let Some(conn) = self.conn.as_mut() {
            conn.rb().consume(n);
            self.decoder.consume(n);
            if self.decoder.is_done() {
                self.release();
                self.closed = true;
            }
        }
    }

    /// `n` bytes were read into the buffer's spare room; 0 is the end of the stream.
    pub(crate) fn filled(&mut self, n: usize) -> Result<()> {
        if n == 0 {
            return self.eof();
        }
        if let Some(conn) = self.conn.as_mut() {
            conn.rb().commit(n);
        }
        Ok(())
    }

    fn eof(&mut self) -> Result<()> {
        match self.decoder.eof() {
            Ok(()) => {
                self.release();
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(self.fail(e.into())),
        }
    }

    /// How many bytes a read of `want` may take straight from the socket into the
    /// caller's buffer: only when nothing is buffered and `want` is large.
    pub(crate) fn direct(&self, want: usize) -> Option<usize> {
        if want < DIRECT_READ || self.pending.is_some() || self.failed {
            return None;
        }
        let conn = self.conn.as_ref()?;
        let limit = self.decoder.direct_limit()?;
        (conn.rb_ref().is_empty() && limit > 0)
            .then(|| usize::try_from(limit).map_or(want, |l| l.min(want)))
    }

    /// A direct read gave `n` bytes (0: the end of the stream).
    pub(crate) fn direct_done(&mut self, n: usize) -> Result<usize> {
        if n == 0 {
            self.eof()?;
            return Ok(0);
        }
        self.decoder.consume(n);
        if self.decoder.is_done() {
            self.release();
            self.closed = true;
        }
        Ok(n)
    }
}

/// The hand-off of a kept-alive connection from a response back to its
/// `HTTPConnection` once the body has been read: both hold one end.
#[derive(Debug)]
pub(crate) struct Handoff<C>(std::sync::Arc<std::sync::Mutex<Slot<C>>>);

/// The state of a hand-off, and what the connection finds when it looks.
#[derive(Debug)]
pub(crate) enum Slot<C> {
    /// The response still reads from the connection.
    Busy,
    /// The body is complete: the connection is free for the next request.
    Returned(C),
    /// The response was closed early: the connection is gone.
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

    /// The connection takes back what the response left (`Busy` stays).
    pub(crate) fn reclaim(&self) -> Slot<C> {
        self.with(|s| match std::mem::replace(s, Slot::Gone) {
            Slot::Busy => {
                *s = Slot::Busy;
                Slot::Busy
            }
            other => other,
        })
    }
}

/// The message of `CannotSendRequest` while a response holds the connection.
pub(crate) const RESPONSE_UNREAD: &str =
    "Request-sent: the previous response has not been read to its end; read or close it first";
