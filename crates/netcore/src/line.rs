//! Bounded line framing: a sans-IO [`LineFramer`] and the blocking [`LineReader`]
//! over any `Read`. The async reader in [`crate::aio`] drives the same framer.
//!
//! Lines keep their terminator, as Python's `readline()` does. A line longer than
//! the limit (terminator included) is [`Error::LineTooLong`]: the limit is a
//! parameter because each protocol has its own (`http.client._MAXLINE` is 65536,
//! ftplib's 8192, poplib's 2048, imaplib's 1,000,000, smtplib's 8192).

use std::io::{self, BufRead, Read, Write};

use crate::error::{Error, Result};

/// How many bytes one read asks the transport for.
const CHUNK: usize = 8 * 1024;

/// The most room made ahead of data for a literal of announced length; beyond it,
/// memory grows only as bytes actually arrive.
const PREALLOC_LIMIT: usize = 64 * 1024;

/// A fully consumed buffer larger than this is released rather than kept.
const IDLE_LIMIT: usize = 256 * 1024;

/// Where the first line of `buf` ends: `Ok(Some(len))` with the terminator
/// included, `Ok(None)` when more bytes are needed, or [`Error::LineTooLong`] when
/// the line is longer than `limit`. This is Python's `readline(limit + 1)` followed by
/// `if len(line) > limit: raise`: a line of exactly `limit` bytes, with or without
/// its terminator, is fine.
///
/// ```
/// use netstd_core::line::find_line;
/// assert_eq!(find_line(b"220 ok\r\nrest", 100).unwrap(), Some(8));
/// assert_eq!(find_line(b"220 o", 100).unwrap(), None);
/// assert!(find_line(b"0123456789", 9).is_err());
/// ```
pub fn find_line(buf: &[u8], limit: usize) -> Result<Option<usize>> {
    let window = &buf[..buf.len().min(limit.saturating_add(1))];
    match memchr::memchr(b'\n', window) {
        Some(i) if i < limit => Ok(Some(i + 1)),
        Some(_) => Err(Error::LineTooLong { limit }),
        None if buf.len() > limit => Err(Error::LineTooLong { limit }),
        None => Ok(None),
    }
}

/// A sans-IO receive buffer that cuts lines and exact-length literals out of the
/// bytes fed to it. It never reads; the caller fills it through
/// [`spare`](Self::spare) and [`filled`](Self::filled) (or [`feed`](Self::feed)).
///
/// Scanning is incremental: bytes already searched for a line feed are not searched
/// again, so a long line arriving a byte at a time costs linear time.
///
/// ```
/// use netstd_core::line::LineFramer;
/// let mut f = LineFramer::new(1024);
/// f.feed(b"+OK hi\r\n* 3 EXISTS\r\npart");
/// assert_eq!(f.next_line().unwrap().as_deref(), Some(&b"+OK hi\r\n"[..]));
/// assert_eq!(f.next_line().unwrap().as_deref(), Some(&b"* 3 EXISTS\r\n"[..]));
/// assert_eq!(f.next_line().unwrap(), None);
/// assert_eq!(f.take_rest(), b"part");
/// ```
#[derive(Debug, Clone)]
pub struct LineFramer {
    buf: Vec<u8>,
    start: usize,
    end: usize,
    /// Bytes after `start` already searched and holding no line feed.
    scanned: usize,
    limit: usize,
}

impl LineFramer {
    /// An empty framer whose lines may be at most `limit` bytes long.
    pub fn new(limit: usize) -> Self {
        LineFramer {
            buf: Vec::new(),
            start: 0,
            end: 0,
            scanned: 0,
            limit: limit.max(1),
        }
    }

    /// The line-length limit in force.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Changes the line-length limit.
    pub fn set_limit(&mut self, limit: usize) {
        self.limit = limit.max(1);
    }

    /// The bytes received and not yet taken.
    pub fn buffered(&self) -> &[u8] {
        &self.buf[self.start..self.end]
    }

    /// Appends received bytes.
    pub fn feed(&mut self, data: &[u8]) {
        self.spare_for(data.len())[..data.len()].copy_from_slice(data);
        self.end += data.len();
    }

    /// Room for the next read, at least one chunk long; report what was written
    /// with [`filled`](Self::filled).
    pub fn spare(&mut self) -> &mut [u8] {
        self.spare_for(CHUNK)
    }

    /// Room for at least `want` more bytes (made ahead of data only up to 64 KiB, so
    /// an announced length is never trusted for allocation).
    pub fn spare_for(&mut self, want: usize) -> &mut [u8] {
        if self.start == self.end {
            self.start = 0;
            self.end = 0;
        }
        if self.buf.len() - self.end < want {
            if self.start > 0 {
                // Move the unread bytes to the front; this happens once per consumed
                // line, not once per read.
                self.buf.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.start = 0;
            }
            if self.buf.len() - self.end < want {
                let needed = self.end + want;
                self.buf.resize(needed.max(self.buf.len() * 2), 0);
            }
        }
        &mut self.buf[self.end..]
    }

    /// Records that `n` bytes were written into [`spare`](Self::spare).
    pub fn filled(&mut self, n: usize) {
        self.end = (self.end + n).min(self.buf.len());
    }

    /// The length of the next complete line, terminator included, if one is
    /// buffered; [`Error::LineTooLong`] past the limit.
    pub fn line_len(&mut self) -> Result<Option<usize>> {
        let available = self.end - self.start;
        let window = available.min(self.limit.saturating_add(1));
        if self.scanned < window {
            let from = self.start + self.scanned;
            if let Some(i) = memchr::memchr(b'\n', &self.buf[from..self.start + window]) {
                let len = self.scanned + i + 1;
                return if len > self.limit {
                    Err(Error::LineTooLong { limit: self.limit })
                } else {
                    Ok(Some(len))
                };
            }
            self.scanned = window;
        }
        if available > self.limit {
            return Err(Error::LineTooLong { limit: self.limit });
        }
        Ok(None)
    }

    /// The next complete line, terminator included, if one is buffered.
    pub fn next_line(&mut self) -> Result<Option<Vec<u8>>> {
        Ok(self.line_len()?.map(|n| self.take(n)))
    }

    /// Takes `n` buffered bytes (at most what is buffered).
    pub fn take(&mut self, n: usize) -> Vec<u8> {
        let n = n.min(self.end - self.start);
        let out = self.buf[self.start..self.start + n].to_vec();
        self.consume(n);
        out
    }

    /// Takes everything buffered.
    pub fn take_rest(&mut self) -> Vec<u8> {
        self.take(self.end - self.start)
    }

    /// Drops `n` buffered bytes (at most what is buffered) without copying them.
    pub fn consume(&mut self, n: usize) {
        let n = n.min(self.end - self.start);
        self.start += n;
        self.scanned = self.scanned.saturating_sub(n);
        if self.start == self.end && self.buf.len() > IDLE_LIMIT {
            self.buf = Vec::new();
            (self.start, self.end) = (0, 0);
        }
    }

    /// Forgets everything buffered and says how many bytes that was. STARTTLS
    /// upgrades call it, so that plaintext pipelined before the upgrade can never be
    /// read as if it had come over TLS (the CVE-2011-0411 class).
    pub fn discard(&mut self) -> usize {
        let n = self.end - self.start;
        self.buf = Vec::new();
        (self.start, self.end, self.scanned) = (0, 0, 0);
        n
    }
}

/// A buffered reader that yields bounded lines and exact-length literals over any
/// `Read`: what `sock.makefile("rb")` gives a Python protocol client.
///
/// It also passes writes through to the inner stream, so one value can carry a
/// whole conversation. A read that fails (a timeout, say) loses no byte already
/// received: a later call picks up where it stopped.
///
/// ```
/// use netstd_core::LineReader;
/// let mut r = LineReader::new(&b"250-hello\r\n250 OK\r\nDATA"[..], 8192);
/// assert_eq!(r.readline().unwrap(), b"250-hello\r\n");
/// assert_eq!(r.readline().unwrap(), b"250 OK\r\n");
/// assert_eq!(r.read_exact(4).unwrap(), b"DATA");
/// assert_eq!(r.readline().unwrap(), b""); // end of stream, as in Python
/// ```
#[derive(Debug)]
pub struct LineReader<R> {
    inner: R,
    framer: LineFramer,
}

impl<R: Read> LineReader<R> {
    /// Wraps `inner`; lines may be at most `max_line` bytes, terminator included.
    pub fn new(inner: R, max_line: usize) -> Self {
        LineReader {
            inner,
            framer: LineFramer::new(max_line),
        }
    }

    /// The line-length limit.
    pub fn max_line(&self) -> usize {
        self.framer.limit()
    }

    /// Changes the line-length limit.
    pub fn set_max_line(&mut self, limit: usize) {
        self.framer.set_limit(limit);
    }

    /// Reads once from the inner stream into room for `want` more bytes; returns the
    /// count (0 at end of stream).
    fn fill(&mut self, want: usize) -> Result<usize> {
        let n = loop {
            match self
                .inner
                .read(self.framer.spare_for(want.clamp(CHUNK, PREALLOC_LIMIT)))
            {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            }
        };
        self.framer.filled(n);
        Ok(n)
    }

    /// Python's `readline()`: the next line with its terminator; at end of stream
    /// the unterminated rest, then `b""`. Longer than the limit: [`Error::LineTooLong`].
    pub fn readline(&mut self) -> Result<Vec<u8>> {
        let mut line = Vec::new();
        self.readline_into(&mut line)?;
        Ok(line)
    }

    /// [`readline`](Self::readline) into a caller's buffer (appended, as
    /// `BufRead::read_until` does), so a loop can reuse one allocation. Returns the
    /// number of bytes appended; 0 at end of stream.
    ///
    /// ```
    /// let mut r = netstd_core::LineReader::new(&b"a\nbc\n"[..], 16);
    /// let mut line = Vec::new();
    /// while r.readline_into(&mut line).unwrap() > 0 {
    ///     line.clear();
    /// }
    /// ```
    pub fn readline_into(&mut self, out: &mut Vec<u8>) -> Result<usize> {
        loop {
            if let Some(n) = self.framer.line_len()? {
                out.extend_from_slice(&self.framer.buffered()[..n]);
                self.framer.consume(n);
                return Ok(n);
            }
            if self.fill(CHUNK)? == 0 {
                let rest = self.framer.buffered().len();
                out.extend_from_slice(self.framer.buffered());
                self.framer.consume(rest);
                return Ok(rest);
            }
        }
    }

    /// Exactly `n` bytes (an IMAP literal, a POP3 or HTTP body of known length). The
    /// buffer grows as bytes arrive, not by what the peer announced. A stream that ends
    /// early is [`Error::EOFError`]; the bytes received stay buffered.
    pub fn read_exact(&mut self, n: usize) -> Result<Vec<u8>> {
        loop {
            let have = self.framer.buffered().len();
            if have >= n {
                return Ok(self.framer.take(n));
            }
            if self.fill(n - have)? == 0 {
                return Err(Error::EOFError {
                    expected: n,
                    got: self.framer.buffered().len(),
                });
            }
        }
    }

    /// The bytes buffered and not yet read.
    pub fn buffered(&self) -> &[u8] {
        self.framer.buffered()
    }

    /// Drops the buffered bytes and says how many there were.
    pub fn discard_buffered(&mut self) -> usize {
        self.framer.discard()
    }

    /// The inner stream.
    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// The inner stream, mutably. Reading from it directly skips buffered bytes.
    pub fn get_mut(&mut self) -> &mut R {
        &mut self.inner
    }

    /// The inner stream; buffered bytes are lost.
    pub fn into_inner(self) -> R {
        self.inner
    }
}

impl LineReader<crate::Stream> {
    /// Upgrades the connection to TLS in place, discarding every byte buffered
    /// before the upgrade: a STARTTLS reply's pipelined followers must never be read as
    /// if they came over TLS (CVE-2011-0411 and its kin in smtplib, poplib, imaplib).
    /// Arguments are checked first, so a refused upgrade loses nothing.
    ///
    /// ```no_run
    /// # fn main() -> netstd_core::Result<()> {
    /// use netstd_core::{create_connection, ssl, LineReader};
    /// let mut r = LineReader::new(create_connection("mail.example", 25)?, 8192);
    /// r.get_mut().sendall(b"STARTTLS\r\n")?;
    /// let _reply = r.readline()?;
    /// r.starttls(&ssl::create_default_context()?, Some("mail.example"))?;
    /// # Ok(()) }
    /// ```
    pub fn starttls(
        &mut self,
        context: &crate::ssl::SSLContext,
        server_hostname: Option<&str>,
    ) -> Result<()> {
        let pending = self.inner.prepare_tls(context, server_hostname)?;
        self.framer.discard();
        self.inner.finish_tls(pending)
    }
}

impl<R: Read> Read for LineReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.framer.buffered().is_empty() && buf.len() >= CHUNK {
            return self.inner.read(buf);
        }
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for LineReader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.framer.buffered().is_empty() {
            self.fill(CHUNK).map_err(io::Error::from)?;
        }
        Ok(self.framer.buffered())
    }

    fn consume(&mut self, amt: usize) {
        self.framer.consume(amt);
    }
}

impl<R: Read + Write> Write for LineReader<R> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_counts_the_terminator() {
        // Python: readline(limit + 1), then len(line) > limit raises.
        assert_eq!(find_line(b"abc\n", 4).unwrap(), Some(4));
        assert!(matches!(
            find_line(b"abcd\n", 4),
            Err(Error::LineTooLong { limit: 4 })
        ));
        assert_eq!(find_line(b"abc", 4).unwrap(), None);
        // Exactly `limit` bytes without a terminator may still end the stream.
        assert_eq!(find_line(b"abcd", 4).unwrap(), None);
        assert!(find_line(b"abcde", 4).is_err());
        let mut r = LineReader::new(&b"abcd"[..], 4);
        assert_eq!(r.readline().unwrap(), b"abcd");
    }

    #[test]
    fn line_too_long_from_reader() {
        let data = vec![b'x'; 100_000];
        let mut r = LineReader::new(&data[..], 8192);
        assert!(matches!(
            r.readline(),
            Err(Error::LineTooLong { limit: 8192 })
        ));
    }

    #[test]
    fn lines_across_reads() {
        // A reader that yields one byte at a time.
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.0.is_empty() || buf.is_empty() {
                    return Ok(0);
                }
                buf[0] = self.0[0];
                self.0 = &self.0[1..];
                Ok(1)
            }
        }
        let mut r = LineReader::new(Trickle(b"one\r\ntwo\nthree"), 64);
        assert_eq!(r.readline().unwrap(), b"one\r\n");
        assert_eq!(r.readline().unwrap(), b"two\n");
        assert_eq!(r.readline().unwrap(), b"three");
        assert_eq!(r.readline().unwrap(), b"");
    }

    #[test]
    fn announced_length_is_not_trusted() {
        // A peer announces a 4 GiB literal and sends 3 bytes: no 4 GiB allocation, an EOFError.
        let mut r = LineReader::new(&b"abc"[..], 64);
        match r.read_exact(4 << 30) {
            Err(Error::EOFError { expected, got }) => {
                assert_eq!((expected, got), (4 << 30, 3));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn read_exact_uses_buffer_first() {
        let mut r = LineReader::new(&b"{5}\r\nhello world\r\n"[..], 64);
        assert_eq!(r.readline().unwrap(), b"{5}\r\n");
        assert_eq!(r.read_exact(5).unwrap(), b"hello");
        assert_eq!(r.readline().unwrap(), b" world\r\n");
    }

    #[test]
    fn a_long_line_a_byte_at_a_time_is_linear() {
        // 1 MB line (imaplib's limit) fed one byte per read: with rescanning and
        // re-copying this took seconds; incremental scanning keeps it linear.
        struct OneByte(usize);
        impl Read for OneByte {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.0 == 0 || buf.is_empty() {
                    return Ok(0);
                }
                self.0 -= 1;
                buf[0] = if self.0 == 0 { b'\n' } else { b'x' };
                Ok(1)
            }
        }
        let started = std::time::Instant::now();
        let mut r = LineReader::new(OneByte(1_000_000), 1_000_000);
        assert_eq!(r.readline().unwrap().len(), 1_000_000);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn errors_lose_no_bytes() {
        // A reader that gives 3 bytes, then fails once, then gives the rest.
        struct Flaky(Vec<io::Result<Vec<u8>>>);
        impl Read for Flaky {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                match self.0.pop() {
                    None => Ok(0),
                    Some(Err(e)) => Err(e),
                    Some(Ok(v)) => {
                        buf[..v.len()].copy_from_slice(&v);
                        Ok(v.len())
                    }
                }
            }
        }
        let script = vec![
            Ok(b"defgh".to_vec()),
            Err(io::ErrorKind::TimedOut.into()),
            Ok(b"abc".to_vec()),
        ];
        let mut r = LineReader::new(Flaky(script), 64);
        assert!(r.read_exact(8).unwrap_err().is_timeout());
        assert_eq!(r.read_exact(8).unwrap(), b"abcdefgh");
    }

    #[test]
    fn framer_discard_forgets_pipelined_bytes() {
        let mut f = LineFramer::new(64);
        f.feed(b"220 go ahead\r\n250 injected\r\n");
        assert_eq!(f.next_line().unwrap().unwrap(), b"220 go ahead\r\n");
        assert_eq!(f.discard(), 14);
        assert_eq!(f.next_line().unwrap(), None);
    }

    #[test]
    fn std_read_and_bufread() {
        let mut r = LineReader::new(&b"ab\ncd"[..], 64);
        let mut s = String::new();
        r.read_line(&mut s).unwrap();
        assert_eq!(s, "ab\n");
        let mut rest = Vec::new();
        r.read_to_end(&mut rest).unwrap();
        assert_eq!(rest, b"cd");
    }
}
