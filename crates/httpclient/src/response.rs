//! `http.client.HTTPResponse`, blocking.

use std::io::{self, BufRead, Read};

use netstd_core::Stream;
use netstd_http::proto::{ResponseFraming, ResponseHead};

use crate::Result;
use crate::recv::{Avail, BodyCore, Buffered, Handoff, RecvBuf};

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
    core: BodyCore<Conn>,
    head: ResponseHead,
    url: Option<String>,
    debuglevel: u32,
    blocksize: usize,
}

impl Buffered for Conn {
    fn rb(&mut self) -> &mut RecvBuf {
        &mut self.rb
    }
    fn rb_ref(&self) -> &RecvBuf {
        &self.rb
    }
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
        HTTPResponse {
            core: BodyCore::new(conn, framing, handoff),
            head,
            url: None,
            debuglevel,
            blocksize,
        }
    }

    response_info!();

    reader_methods!(;);

    /// `read()`: the whole (rest of the) body. A body cut short is
    /// [`Error::IncompleteRead`](crate::Error::IncompleteRead); memory grows with what arrives, never with what
    /// Content-Length announces.
    pub fn read(&mut self) -> Result<Vec<u8>> {
        let mut out = Vec::with_capacity(self.read_hint());
        Read::read_to_end(self, &mut out)?;
        Ok(out)
    }

    /// Buffered body data (its length; the bytes are `core.data(n)`), reading from
    /// the socket when there is none. 0 at the end of the body.
    fn fill(&mut self) -> Result<usize> {
        self.core.check()?;
        loop {
            match self.core.step()? {
                Avail::Data(n) => return Ok(n),
                Avail::End => return Ok(0),
                Avail::Need => {}
            }
            let Some(conn) = self.core.conn.as_mut() else {
                return Ok(0);
            };
            let spare = conn.rb.spare(self.blocksize);
            match conn.stream.read(spare) {
                Ok(n) => self.core.filled(n)?,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(self.core.fail(e.into())),
            }
        }
    }

    /// One read: straight from the socket into `buf` when nothing is buffered and
    /// `buf` is large, else from the buffer.
    fn read_some(&mut self, buf: &mut [u8]) -> Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        self.core.check()?;
        if let Some(want) = self.core.direct(buf.len()) {
            let Some(conn) = self.core.conn.as_mut() else {
                return Ok(0);
            };
            loop {
                match conn.stream.read(&mut buf[..want]) {
                    Ok(n) => return self.core.direct_done(n),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(self.core.fail(e.into())),
                }
            }
        }
        let n = self.fill()?.min(buf.len());
        buf[..n].copy_from_slice(self.core.data(n));
        self.core.consume(n);
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
        let n = self.fill()?;
        Ok(self.core.data(n))
    }

    fn consume(&mut self, amt: usize) {
        self.core.consume(amt);
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
        self.core.close();
    }
}
