//! `RobotFileParser.read()`: fetching the file with urllib.request's `urlopen`
//! (netstd-httpclient), then [`RobotFileParser::read_response`]'s decisions.

use netstd_httpclient::Error as UrlError;

use crate::{Error, Mode, RobotFileParser};

/// The most `read()` takes of a robots.txt in CPython mode (RFC mode stops at the
/// RFC's 500 KiB): CPython reads any size; a larger file is an error here rather
/// than memory a server chooses.
pub const MAX_READ_BYTES: usize = 32 << 20;

/// The RFC's parsing limit: what `read()` takes in RFC mode.
const RFC_READ_BYTES: usize = 500 * 1024;

impl From<UrlError> for Error {
    fn from(e: UrlError) -> Error {
        Error::URLError {
            python_name: e.python_name(),
            message: e.to_string(),
        }
    }
}

/// What a fetch gave: the status (200 for `file:` and `data:`) and up to `limit`
/// bytes of body, or the HTTPError's status; other errors as they came.
enum Fetched {
    Body(u16, Vec<u8>),
    Status(u16),
}

impl RobotFileParser {
    fn read_limit(&self) -> usize {
        match self.mode() {
            Mode::CPython => MAX_READ_BYTES,
            Mode::Rfc9309 => RFC_READ_BYTES,
        }
    }

    fn finish_read(&mut self, fetched: Result<Fetched, UrlError>) -> Result<(), Error> {
        let limit = self.read_limit();
        match fetched {
            Ok(Fetched::Body(status, body)) => {
                if body.len() > limit && self.mode() == Mode::CPython {
                    return Err(Error::ValueError(format!(
                        "robots.txt larger than {limit} bytes: not read"
                    )));
                }
                let end = body.len().min(limit);
                self.read_response(status, &body[..end])
            }
            Ok(Fetched::Status(code)) => self.read_response(code, b""),
            // RFC 9309 2.3.1.4: an unreachable robots.txt disallows everything
            Err(_) if self.mode() == Mode::Rfc9309 => {
                self.set_disallow_all(true);
                Ok(())
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Python's `read()`: fetches the robots.txt URL with `urlopen` (redirects
    /// followed) and parses it; 401/403 disallow everything, another 4xx allows
    /// everything (see [`RobotFileParser::read_response`] for both modes). Failing
    /// to reach the server is `Error::URLError` in CPython mode and disallows
    /// everything in RFC mode. At most [`MAX_READ_BYTES`] are read (500 KiB in RFC
    /// mode).
    ///
    /// ```no_run
    /// use netstd_robotparser::RobotFileParser;
    /// let mut rp = RobotFileParser::new("http://www.musi-cal.com/robots.txt")?;
    /// rp.read()?;
    /// let ok = rp.can_fetch("*", "http://www.musi-cal.com/cgi-bin/search?city=San+Francisco")?;
    /// # drop(ok);
    /// # Ok::<(), netstd_robotparser::Error>(())
    /// ```
    pub fn read(&mut self) -> Result<(), Error> {
        let limit = self.read_limit();
        let fetched = match netstd_httpclient::urllib::request::urlopen(self.url()) {
            Ok(mut f) => f
                .read_amt(limit + 1)
                .map(|body| Fetched::Body(f.status().unwrap_or(200), body)),
            Err(UrlError::HTTPError(e)) => Ok(Fetched::Status(e.code)),
            Err(e) => Err(e),
        };
        self.finish_read(fetched)
    }

    /// `read()` on tokio, through the async `urlopen`.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), netstd_robotparser::Error> {
    /// let mut rp = netstd_robotparser::RobotFileParser::rfc9309("https://example.com/robots.txt")?;
    /// rp.read_async().await?;
    /// # Ok(()) }
    /// ```
    #[cfg(feature = "tokio")]
    pub async fn read_async(&mut self) -> Result<(), Error> {
        let limit = self.read_limit();
        let url = self.url().to_owned();
        let fetched = match netstd_httpclient::urllib::request::aio::urlopen(url).await {
            Ok(mut f) => match f.read_amt(limit + 1).await {
                Ok(body) => Ok(Fetched::Body(f.status().unwrap_or(200), body)),
                Err(e) => Err(e),
            },
            Err(UrlError::HTTPError(e)) => Ok(Fetched::Status(e.code)),
            Err(e) => Err(e),
        };
        self.finish_read(fetched)
    }
}
