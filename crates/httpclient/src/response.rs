//! `http.client.HTTPResponse`, blocking.

use std::io::{self, BufRead, Read};

use netstd_core::Stream;
use netstd_http::proto::{BodyDecoder, ResponseFraming, ResponseHead};

use crate::recv::{Avail, DIRECT_READ, Handoff, RecvBuf, body_step};
use crate::{Error, Result};

/// A socket and what has been received from it but not consumed.
#[derive(Debug)]
pub(crate) struct Conn {
    pub(crate) stream: Stream,
    pub(crate) rb: RecvBuf,
}

/// Python's `http.client.HTTPResponse`: the status, the headers, and the body as a
/// reader. The body is delimited by Content-Length, chunked coding (trailers kept
/// in [`HTTPResponse::trailers`]) or the end of the connection; a response to HEAD
/// and 1xx, 204 and 304 responses have none.
///
/// `read()` reads the whole body, [`HTTPResponse::read_amt`] up to `n` bytes; the
/// type is also `std::io::Read` and `BufRead` (so `readline`, `peek` and `read1`
/// cost no copy), and iterating over it yields lines as Python's does. Once the
/// body has been read, a kept-alive connection returns to its [`crate::HTTPConnection`]
/// for the next request; a response dropped before that closes the connection.
///
/// ```no_run
/// # fn main() -> netstd_httpclient::Result<()> {
/// let mut conn = netstd_httpclient::HTTPConnection::new("example.org")?;
/// conn.request("GET", "/")?;
/// let mut resp = conn.getresponse()?;
/// println!("{} {}", resp.status(), resp.reason());
/// println!("{:?}", resp.getheader("content-type"));
/// let body = resp.read()?;
/// # drop(body); Ok(()) }
/// ```
#[derive(Debug)]
pub struct HTTPResponse {
    conn: Option<Conn>,
    decoder: BodyDecoder,
    handoff: Option<Handoff<Conn>>,
    head: ResponseHead,
    framing: ResponseFraming,
    closed: bool,
    url: Option<String>,
    debuglevel: u32,
    blocksize: usize,
    pending: Option<Error>,
}

impl HTTPResponse {
    pub(crate) fn new(
        conn: Conn,
        head: ResponseHead,
        framing: ResponseFraming,
        handoff: Option<Handoff<Conn>>,
        blocksize: usize,
        debuglevel: u32,
    ) -> Self {
        let mut resp = HTTPResponse {
            conn: Some(conn),
            decoder: BodyDecoder::new(framing.body),
            handoff,
            head,
            framing,
            closed: false,
            url: None,
            debuglevel,
            blocksize,
            pending: None,
        };
        if resp.decoder.is_done() {
            // nothing to read: the connection is free at once
            resp.release();
        }
        resp
    }

    response_info!();

    /// `close()`: stops reading; a connection with body left unread is closed.
    pub fn close(&mut self) {
        self.closed = true;
        if self.conn.is_some() {
            self.conn = None;
            if let Some(h) = self.handoff.take() {
                h.abandon();
            }
        }
    }

    /// The body is complete: the connection goes back for reuse, or is closed.
    fn release(&mut self) {
        let conn = self.conn.take();
        match (conn, self.handoff.take()) {
            (Some(conn), Some(h)) if !self.framing.will_close => h.give(conn),
            (_, Some(h)) => h.abandon(),
            _ => {}
        }
    }

    fn fail(&mut self, e: Error) -> Error {
        self.close();
        e
    }

    /// `read()`: the whole (rest of the) body. A body cut short is
    /// [`Error::IncompleteRead`]; memory grows with what arrives, never with what
    /// Content-Length announces.
    pub fn read(&mut self) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        Read::read_to_end(self, &mut out)?;
        Ok(out)
    }

    /// `read(amt)`: up to `amt` bytes, fewer only at the end of the body (a body
    /// cut short gives what arrived, and `IncompleteRead` on the next call).
    pub fn read_amt(&mut self, amt: usize) -> Result<Vec<u8>> {
        let mut out = vec![0; amt.min(1 << 16)];
        let mut filled = 0;
        while filled < amt {
            if filled == out.len() {
                out.resize(out.len().saturating_mul(2).min(amt), 0);
            }
            match self.read_some(&mut out[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if filled > 0 => {
                    self.pending = Some(e);
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        out.truncate(filled);
        Ok(out)
    }

    /// `readinto(b)`: fills `buf` as far as the body goes; the count read.
    pub fn readinto(&mut self, buf: &mut [u8]) -> Result<usize> {
        let mut filled = 0;
        while filled < buf.len() {
            match self.read_some(&mut buf[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if filled > 0 => {
                    self.pending = Some(e);
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        Ok(filled)
    }

    /// `read1(n)`: up to `n` bytes with at most one read from the socket.
    pub fn read1(&mut self, n: usize) -> Result<Vec<u8>> {
        let avail = self.fill()?;
        let take = avail.len().min(n);
        let out = avail[..take].to_vec();
        self.consume_body(take);
        Ok(out)
    }

    /// `peek(n)`: buffered body bytes without consuming them (at least one unless
    /// the body is over; possibly fewer or more than `n`, as in Python).
    pub fn peek(&mut self) -> Result<&[u8]> {
        self.fill()
    }

    /// `readline()`: the next line of the body, `\n` included.
    pub fn readline(&mut self) -> Result<Vec<u8>> {
        self.readline_limit(usize::MAX)
    }

    /// `readline(limit)`: the next line, at most `limit` bytes of it.
    pub fn readline_limit(&mut self, limit: usize) -> Result<Vec<u8>> {
        let mut line = Vec::new();
        while line.len() < limit {
            let avail = self.fill()?;
            if avail.is_empty() {
                break;
            }
            let room = (limit - line.len()).min(avail.len());
            let (take, done) = match avail[..room].iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (room, false),
            };
            line.extend_from_slice(&avail[..take]);
            self.consume_body(take);
            if done {
                break;
            }
        }
        Ok(line)
    }

    /// `readlines()`: the remaining lines.
    pub fn readlines(&mut self) -> Result<Vec<Vec<u8>>> {
        let mut lines = Vec::new();
        loop {
            let line = self.readline()?;
            if line.is_empty() {
                return Ok(lines);
            }
            lines.push(line);
        }
    }

    /// Buffered body data, reading from the socket when there is none.
    fn fill(&mut self) -> Result<&[u8]> {
        if let Some(e) = self.pending.take() {
            return Err(e);
        }
        let n = loop {
            let Some(conn) = self.conn.as_mut() else {
                self.closed = true;
                return Ok(&[]);
            };
            let step = body_step(&mut self.decoder, &mut conn.rb);
            match step {
                Ok(Avail::Data(n)) => break n,
                Ok(Avail::Done) => {
                    self.release();
                    self.closed = true;
                }
                Ok(Avail::Need) => {
                    let spare = conn.rb.spare(self.blocksize);
                    match conn.stream.read(spare) {
                        Ok(0) => {
                            if let Err(e) = self.decoder.eof() {
                                return Err(self.fail(e.into()));
                            }
                        }
                        Ok(n) => conn.rb.commit(n),
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(e) => return Err(self.fail(e.into())),
                    }
                }
                Err(e) => return Err(self.fail(e)),
            }
        };
        Ok(self.conn.as_ref().map_or(&[][..], |c| &c.rb.data()[..n]))
    }

    fn consume_body(&mut self, n: usize) {
        if let Some(conn) = self.conn.as_mut() {
            conn.rb.consume(n);
            self.decoder.consume(n);
        }
    }

    /// One read: straight from the socket into `buf` when nothing is buffered and
    /// `buf` is large, else from the buffer.
    fn read_some(&mut self, buf: &mut [u8]) -> Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.pending.is_none() && buf.len() >= DIRECT_READ {
            if let (Some(conn), Some(limit)) = (self.conn.as_mut(), self.decoder.direct_limit()) {
                if conn.rb.is_empty() && limit > 0 {
                    let want = usize::try_from(limit).map_or(buf.len(), |l| l.min(buf.len()));
                    return match conn.stream.read(&mut buf[..want]) {
                        Ok(0) => match self.decoder.eof() {
                            Ok(()) => {
                                self.release();
                                self.closed = true;
                                Ok(0)
                            }
                            Err(e) => Err(self.fail(e.into())),
                        },
                        Ok(n) => {
                            self.decoder.consume(n);
                            if self.decoder.is_done() {
                                self.release();
                                self.closed = true;
                            }
                            Ok(n)
                        }
                        Err(e) => Err(self.fail(e.into())),
                    };
                }
            }
        }
        let avail = self.fill()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume_body(n);
        Ok(n)
    }
}

impl Read for HTTPResponse {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        Ok(self.read_some(buf)?)
    }
}

impl BufRead for HTTPResponse {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        Ok(self.fill()?)
    }

    fn consume(&mut self, amt: usize) {
        self.consume_body(amt);
    }
}

impl Iterator for HTTPResponse {
    type Item = Result<Vec<u8>>;

    /// Python's `for line in response`: the body's lines, `\n` included.
    fn next(&mut self) -> Option<Self::Item> {
        match self.readline() {
            Ok(line) if line.is_empty() => None,
            other => Some(other),
        }
    }
}

impl Drop for HTTPResponse {
    fn drop(&mut self) {
        self.close();
    }
}
