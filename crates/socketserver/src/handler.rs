//! The request handlers: Python's `BaseRequestHandler`, `StreamRequestHandler` and
//! `DatagramRequestHandler`.

use std::io::{self, BufRead, Read, Write};
use std::sync::Arc;
use std::time::{Duration, Instant};

use netstd_core::{Address, Stream};

use crate::ServerInfo;

/// What a stream handler works with for one connection: Python's
/// `StreamRequestHandler` instance attributes. It is the `rfile` (`Read` and
/// `BufRead`, buffered) and the `wfile` (`Write`; unbuffered unless `wbufsize` is
/// set, as in CPython) in one value, over the connection's socket.
///
/// ```
/// use std::io::{BufRead, Write};
/// use netstd_socketserver::StreamRequest;
/// // an echo handler: what `handle(self)` does with `self.rfile` and `self.wfile`
/// fn handle(req: &mut StreamRequest) -> std::io::Result<()> {
///     let mut line = Vec::new();
///     while req.read_until(b'\n', &mut line)? > 0 {
///         req.write_all(&line)?;
///         line.clear();
///     }
///     Ok(())
/// }
/// # let _ = handle;
/// ```
#[derive(Debug)]
pub struct StreamRequest {
    stream: Stream,
    client_address: Address,
    server: Arc<ServerInfo>,
    rbuf: Vec<u8>,
    rpos: usize,
    rend: usize,
    wbuf: Vec<u8>,
    wbufsize: usize,
    read_deadline: Option<Instant>,
}

impl StreamRequest {
    pub(crate) fn new(stream: Stream, client_address: Address, server: Arc<ServerInfo>) -> Self {
        StreamRequest {
            stream,
            client_address,
            server,
            rbuf: Vec::new(),
            rpos: 0,
            rend: 0,
            wbuf: Vec::new(),
            wbufsize: 0,
            read_deadline: None,
        }
    }

    /// Beyond Python: after `deadline`, a read that needs the socket fails with
    /// `TimedOut` (a read already waiting still ends by the socket timeout). Bounds
    /// a whole exchange, such as a request head a client sends a byte at a time,
    /// where `settimeout` bounds each read. `None` removes it.
    ///
    /// ```no_run
    /// use std::time::{Duration, Instant};
    /// # fn demo(req: &mut netstd_socketserver::StreamRequest) {
    /// req.set_read_deadline(Some(Instant::now() + Duration::from_secs(30)));
    /// # }
    /// ```
    pub fn set_read_deadline(&mut self, deadline: Option<Instant>) {
        self.read_deadline = deadline;
    }

    /// `Err(TimedOut)` once the read deadline has passed.
    fn check_deadline(&self) -> io::Result<()> {
        match self.read_deadline {
            Some(d) if Instant::now() >= d => Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the read deadline passed",
            )),
            _ => Ok(()),
        }
    }

    /// `self.request` (and `self.connection`): the connected socket.
    pub fn request(&mut self) -> &mut Stream {
        &mut self.stream
    }

    /// `self.client_address`.
    pub fn client_address(&self) -> &Address {
        &self.client_address
    }

    /// `self.server`: what a handler may know of its server.
    pub fn server(&self) -> &ServerInfo {
        &self.server
    }

    /// `self.timeout`: sets the socket's timeout (CPython's `StreamRequestHandler.timeout`,
    /// applied in `setup`).
    pub fn settimeout(&mut self, timeout: Option<Duration>) -> io::Result<()> {
        Ok(self.stream.settimeout(timeout)?)
    }

    /// `disable_nagle_algorithm = True`: TCP_NODELAY on the connection.
    pub fn disable_nagle_algorithm(&mut self) -> io::Result<()> {
        Ok(self.stream.set_nodelay(true)?)
    }

    /// `wbufsize`: 0 (CPython's default) writes each `write` through at once; a larger
    /// size buffers writes up to it, flushed by `flush` and at `finish`.
    pub fn set_wbufsize(&mut self, size: usize) {
        self.wbufsize = size;
    }

    /// Bytes read from the socket and not yet consumed (`rfile`'s buffer).
    pub fn buffered(&self) -> &[u8] {
        &self.rbuf[self.rpos..self.rend]
    }

    /// Reads more bytes from the socket after those already buffered (for a parser
    /// that needs more than `fill_buf` gives); 0 at the end of the stream.
    pub fn fill_more(&mut self) -> io::Result<usize> {
        if self.rpos > 0 {
            self.rbuf.copy_within(self.rpos..self.rend, 0);
            self.rend -= self.rpos;
            self.rpos = 0;
        }
        if self.rbuf.len() - self.rend < 4096 {
            let grown = (self.rbuf.len() * 2).max(8192);
            self.rbuf.resize(grown, 0);
        }
        self.check_deadline()?;
        let n = self.stream.read(&mut self.rbuf[self.rend..])?;
        self.rend += n;
        Ok(n)
    }

    /// Python's `finish()` of `StreamRequestHandler`: flushes `wfile`.
    pub fn finish(&mut self) -> io::Result<()> {
        self.flush()
    }

    /// The socket and its read buffer, for a protocol built on top (http.server).
    pub fn into_parts(self) -> (Stream, Vec<u8>, Address, Arc<ServerInfo>) {
        let rest = self.rbuf[self.rpos..self.rend].to_vec();
        (self.stream, rest, self.client_address, self.server)
    }
}

impl Read for StreamRequest {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.rpos == self.rend && buf.len() >= 8192 {
            self.check_deadline()?;
            return self.stream.read(buf);
        }
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for StreamRequest {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.rpos == self.rend {
            if self.rbuf.len() < 8192 {
                self.rbuf.resize(8192, 0);
            }
            self.check_deadline()?;
            let n = self.stream.read(&mut self.rbuf)?;
            self.rpos = 0;
            self.rend = n;
        }
        Ok(&self.rbuf[self.rpos..self.rend])
    }

    fn consume(&mut self, amt: usize) {
        self.rpos = (self.rpos + amt).min(self.rend);
    }
}

impl Write for StreamRequest {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.wbufsize == 0 {
            self.stream.write_all(buf)?;
            return Ok(buf.len());
        }
        if self.wbuf.len() + buf.len() > self.wbufsize {
            self.flush()?;
        }
        if buf.len() >= self.wbufsize {
            self.stream.write_all(buf)?;
        } else {
            self.wbuf.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.wbuf.is_empty() {
            self.stream.write_all(&self.wbuf)?;
            self.wbuf.clear();
        }
        self.stream.flush()
    }
}

/// Python's `StreamRequestHandler` subclass: what a stream server runs for each
/// connection. `setup` and `finish` have CPython's defaults; `handle` is yours. A
/// closure `Fn(&mut StreamRequest) -> io::Result<()>` is a handler.
///
/// ```
/// use std::io::Write;
/// use netstd_socketserver::{StreamRequest, StreamRequestHandler};
/// struct Hello;
/// impl StreamRequestHandler for Hello {
///     fn handle(&self, req: &mut StreamRequest) -> std::io::Result<()> {
///         let who = req.client_address().to_string();
///         writeln!(req, "hello, {who}")
///     }
/// }
/// ```
pub trait StreamRequestHandler: Send + Sync + 'static {
    /// `setup()`: before `handle`. The default applies nothing (CPython's
    /// `timeout = None`, `disable_nagle_algorithm = False`).
    fn setup(&self, req: &mut StreamRequest) -> io::Result<()> {
        let _ = req;
        Ok(())
    }

    /// `handle()`: serves the connection.
    fn handle(&self, req: &mut StreamRequest) -> io::Result<()>;

    /// `finish()`: after `handle`, even when it failed; flushes `wfile`.
    fn finish(&self, req: &mut StreamRequest) -> io::Result<()> {
        req.finish()
    }
}

impl<F> StreamRequestHandler for F
where
    F: Fn(&mut StreamRequest) -> io::Result<()> + Send + Sync + 'static,
{
    fn handle(&self, req: &mut StreamRequest) -> io::Result<()> {
        self(req)
    }
}

/// `BaseRequestHandler.__init__`: setup, handle, finish (finish even when handle
/// failed); the first error is the one reported.
pub(crate) fn run_stream<H: StreamRequestHandler + ?Sized>(
    handler: &H,
    req: &mut StreamRequest,
) -> io::Result<()> {
    handler.setup(req)?;
    let handled = handler.handle(req);
    let finished = handler.finish(req);
    handled.and(finished)
}

/// What a datagram handler works with for one packet: Python's
/// `DatagramRequestHandler` attributes. `rfile` reads the packet; what is written to
/// `wfile` is sent back to the client in one datagram after `finish`.
#[derive(Debug)]
pub struct DatagramRequest {
    packet: Vec<u8>,
    pos: usize,
    reply: Vec<u8>,
    client_address: Address,
    server: Arc<ServerInfo>,
}

impl DatagramRequest {
    pub(crate) fn new(packet: Vec<u8>, client_address: Address, server: Arc<ServerInfo>) -> Self {
        DatagramRequest {
            packet,
            pos: 0,
            reply: Vec::new(),
            client_address,
            server,
        }
    }

    /// `self.request[0]`: the packet.
    pub fn packet(&self) -> &[u8] {
        &self.packet
    }

    /// `self.client_address`.
    pub fn client_address(&self) -> &Address {
        &self.client_address
    }

    /// `self.server`.
    pub fn server(&self) -> &ServerInfo {
        &self.server
    }

    /// What has been written to `wfile` so far.
    pub fn reply(&self) -> &[u8] {
        &self.reply
    }

    pub(crate) fn take_reply(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.reply)
    }
}

impl Read for DatagramRequest {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let rest = &self.packet[self.pos..];
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.pos += n;
        Ok(n)
    }
}

impl BufRead for DatagramRequest {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        Ok(&self.packet[self.pos..])
    }

    fn consume(&mut self, amt: usize) {
        self.pos = (self.pos + amt).min(self.packet.len());
    }
}

impl Write for DatagramRequest {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.reply.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Python's `DatagramRequestHandler` subclass: what a datagram server runs for each
/// packet. A closure `Fn(&mut DatagramRequest) -> io::Result<()>` is one.
///
/// ```
/// use std::io::{Read, Write};
/// use netstd_socketserver::DatagramRequest;
/// let upper = |req: &mut DatagramRequest| {
///     let mut text = Vec::new();
///     req.read_to_end(&mut text)?;
///     req.write_all(&text.to_ascii_uppercase())
/// };
/// # let _ = upper;
/// ```
pub trait DatagramRequestHandler: Send + Sync + 'static {
    /// `setup()`.
    fn setup(&self, req: &mut DatagramRequest) -> io::Result<()> {
        let _ = req;
        Ok(())
    }

    /// `handle()`.
    fn handle(&self, req: &mut DatagramRequest) -> io::Result<()>;

    /// `finish()`: the server then sends `wfile`'s contents back (CPython's
    /// `finish` does the `sendto`).
    fn finish(&self, req: &mut DatagramRequest) -> io::Result<()> {
        let _ = req;
        Ok(())
    }
}

impl<F> DatagramRequestHandler for F
where
    F: Fn(&mut DatagramRequest) -> io::Result<()> + Send + Sync + 'static,
{
    fn handle(&self, req: &mut DatagramRequest) -> io::Result<()> {
        self(req)
    }
}
