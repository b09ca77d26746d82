//! `socket.create_connection`: resolve, then connect to each address in turn.

use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::mpsc;
use std::time::Duration;

use socket2::{Domain, Protocol, Socket, Type};

use crate::error::{Error, Result};
use crate::stream::Stream;

/// RFC 8305's recommended Connection Attempt Delay.
pub const DEFAULT_ATTEMPT_DELAY: Duration = Duration::from_millis(250);

/// The keyword arguments of `socket.create_connection`, plus Happy Eyeballs.
///
/// ```
/// use std::time::Duration;
/// use netstd_core::ConnectOptions;
/// let opts = ConnectOptions::new()
///     .timeout(Duration::from_secs(5))
///     .happy_eyeballs(true);
/// assert_eq!(opts.get_timeout(), Some(Duration::from_secs(5)));
/// ```
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    timeout: Option<Duration>,
    source_address: Option<SocketAddr>,
    happy_eyeballs: bool,
    attempt_delay: Duration,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions {
            timeout: None,
            source_address: None,
            happy_eyeballs: false,
            attempt_delay: DEFAULT_ATTEMPT_DELAY,
        }
    }
}

impl ConnectOptions {
    /// Python's defaults: no timeout, no source address, one address at a time.
    pub fn new() -> Self {
        Self::default()
    }

    /// `timeout`: for each connection attempt, and afterwards for every read and
    /// write on the stream.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// `timeout` as Python's optional value (`None`: block).
    pub fn timeout_opt(mut self, timeout: Option<Duration>) -> Self {
        self.timeout = timeout;
        self
    }

    /// The timeout set, if any.
    pub fn get_timeout(&self) -> Option<Duration> {
        self.timeout
    }

    /// `source_address`: bind to this address before connecting (port 0: any port).
    pub fn source_address(mut self, addr: SocketAddr) -> Self {
        self.source_address = Some(addr);
        self
    }

    /// Happy Eyeballs (RFC 8305): interleave IPv6 and IPv4 addresses and start the
    /// next attempt when the previous one has not answered within the attempt delay;
    /// the first connection made wins. Off by default, as in Python.
    pub fn happy_eyeballs(mut self, on: bool) -> Self {
        self.happy_eyeballs = on;
        self
    }

    /// RFC 8305's Connection Attempt Delay (250 ms unless set).
    pub fn attempt_delay(mut self, delay: Duration) -> Self {
        self.attempt_delay = delay;
        self
    }

    /// Whether Happy Eyeballs is on.
    pub fn is_happy_eyeballs(&self) -> bool {
        self.happy_eyeballs
    }

    /// The Connection Attempt Delay.
    pub fn get_attempt_delay(&self) -> Duration {
        self.attempt_delay
    }

    /// The source address set, if any.
    pub fn get_source_address(&self) -> Option<SocketAddr> {
        self.source_address
    }

    pub(crate) fn check(&self) -> Result<()> {
        if self.timeout == Some(Duration::ZERO) {
            return Err(Error::ValueError(
                "non-blocking mode (timeout 0) is not supported".into(),
            ));
        }
        Ok(())
    }
}

/// Python's timeout 0 means non-blocking mode, which the blocking face does not
/// offer: `ValueError`.
pub(crate) fn check_timeout(timeout: Option<Duration>) -> Result<()> {
    if timeout == Some(Duration::ZERO) {
        return Err(Error::ValueError(
            "non-blocking mode (timeout 0) is not supported".into(),
        ));
    }
    Ok(())
}

/// `socket.create_connection((host, port))`: resolve `host` (IDNA-encoded as CPython
/// does, IPv4 and IPv6, literals included), try each address in the resolver's
/// order, and return the first connection; when all fail, the last error.
///
/// ```no_run
/// let s = netstd_core::create_connection("localhost", 8000).unwrap();
/// # drop(s);
/// ```
pub fn create_connection(host: &str, port: u16) -> Result<Stream> {
    create_connection_with(host, port, &ConnectOptions::new())
}

/// `socket.create_connection((host, port), timeout, source_address)`.
///
/// ```no_run
/// use std::time::Duration;
/// use netstd_core::{create_connection_with, ConnectOptions};
/// let s = create_connection_with("::1", 8000, &ConnectOptions::new().timeout(Duration::from_secs(3)));
/// # drop(s);
/// ```
pub fn create_connection_with(host: &str, port: u16, opts: &ConnectOptions) -> Result<Stream> {
    opts.check()?;
    let addrs = resolve(host, port)?;
    let tcp = if opts.is_happy_eyeballs() && addrs.len() > 1 {
        happy_eyeballs(interleave(addrs), opts)?
    } else {
        let mut last = None;
        let mut found = None;
        for addr in addrs {
            match connect_one(addr, opts) {
                Ok(s) => {
                    found = Some(s);
                    break;
                }
                Err(e) => last = Some(e),
            }
        }
        match (found, last) {
            (Some(s), _) => s,
            (None, Some(e)) => return Err(e),
            (None, None) => return Err(no_addresses()),
        }
    };
    let mut stream = Stream::from(tcp);
    stream.settimeout(opts.get_timeout())?;
    Ok(stream)
}

pub(crate) fn no_addresses() -> Error {
    Error::OSError(std::io::Error::other("getaddrinfo returns an empty list"))
}

/// A bracketed IPv6 literal (`[::1]`, as URLs write it) is accepted too: an
/// extension, since Python's `getaddrinfo` wants the bare `::1`.
pub(crate) fn strip_brackets(host: &str) -> &str {
    host.strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host)
}

/// The name handed to the resolver: brackets dropped, IDNA-encoded as CPython does.
pub(crate) fn lookup_name(host: &str) -> Result<std::borrow::Cow<'_, str>> {
    let host = strip_brackets(host);
    if host.contains('\0') {
        return Err(Error::ValueError(
            "host name contains a NUL character".into(),
        ));
    }
    crate::idna::encode(host)
}

/// `getaddrinfo(host, port, 0, SOCK_STREAM)`, with CPython's IDNA encoding of `host`.
pub fn resolve(host: &str, port: u16) -> Result<Vec<SocketAddr>> {
    let ascii = lookup_name(host)?;
    let addrs: Vec<SocketAddr> = (ascii.as_ref(), port)
        .to_socket_addrs()
        .map_err(|e| Error::gaierror {
            host: host.to_string(),
            message: e.to_string(),
        })?
        .collect();
    if addrs.is_empty() {
        return Err(no_addresses());
    }
    Ok(addrs)
}

/// One attempt: socket, bind to the source address, connect within the timeout.
fn connect_one(addr: SocketAddr, opts: &ConnectOptions) -> Result<TcpStream> {
    let sock = Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))?;
    if let Some(src) = opts.get_source_address() {
        sock.bind(&src.into())?;
    }
    match opts.get_timeout() {
        Some(t) => sock.connect_timeout(&addr.into(), t)?,
        None => sock.connect(&addr.into())?,
    }
    Ok(sock.into())
}

/// RFC 8305 section 4: alternate address families, starting with the family of
/// the resolver's first answer.
pub(crate) fn interleave(addrs: Vec<SocketAddr>) -> Vec<SocketAddr> {
    let first_v6 = addrs.first().is_some_and(SocketAddr::is_ipv6);
    let (mut a, mut b): (Vec<_>, Vec<_>) = addrs.into_iter().partition(|x| x.is_ipv6() == first_v6);
    a.reverse();
    b.reverse();
    let mut out = Vec::with_capacity(a.len() + b.len());
    while !a.is_empty() || !b.is_empty() {
        out.extend(a.pop());
        out.extend(b.pop());
    }
    out
}

/// Staggered attempts on threads; the first connection wins, late winners are closed
/// as their threads find nobody listening.
fn happy_eyeballs(addrs: Vec<SocketAddr>, opts: &ConnectOptions) -> Result<TcpStream> {
    let (tx, rx) = mpsc::channel::<Result<TcpStream>>();
    let mut next = 0;
    let mut pending = 0usize;
    loop {
        if next < addrs.len() {
            let (addr, tx, opts) = (addrs[next], tx.clone(), opts.clone());
            std::thread::spawn(move || {
                let _ = tx.send(connect_one(addr, &opts));
            });
            next += 1;
            pending += 1;
        }
        let answer = if next < addrs.len() {
            match rx.recv_timeout(opts.get_attempt_delay()) {
                Ok(a) => Some(a),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => unreachable!("we hold a sender"),
            }
        } else {
            Some(rx.recv().expect("we hold a sender"))
        };
        match answer {
            Some(Ok(stream)) => return Ok(stream),
            Some(Err(e)) => {
                pending -= 1;
                if pending == 0 && next == addrs.len() {
                    return Err(e);
                }
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interleaves_families_from_the_first() {
        let v6: SocketAddr = "[::1]:1".parse().unwrap();
        let v6b: SocketAddr = "[::2]:1".parse().unwrap();
        let v4: SocketAddr = "127.0.0.1:1".parse().unwrap();
        let v4b: SocketAddr = "127.0.0.2:1".parse().unwrap();
        assert_eq!(interleave(vec![v6, v6b, v4, v4b]), vec![v6, v4, v6b, v4b]);
        assert_eq!(interleave(vec![v4, v4b, v6]), vec![v4, v6, v4b]);
    }

    #[test]
    fn resolves_literals_and_localhost() {
        assert_eq!(
            resolve("127.0.0.1", 80).unwrap(),
            vec!["127.0.0.1:80".parse().unwrap()]
        );
        assert_eq!(
            resolve("::1", 80).unwrap(),
            vec!["[::1]:80".parse().unwrap()]
        );
        assert_eq!(
            resolve("[::1]", 80).unwrap(),
            vec!["[::1]:80".parse().unwrap()]
        );
        assert!(resolve("a..b", 80).is_err());
    }

    #[test]
    fn zero_timeout_is_refused() {
        let opts = ConnectOptions::new().timeout(Duration::ZERO);
        assert!(matches!(
            create_connection_with("127.0.0.1", 1, &opts),
            Err(Error::ValueError(_))
        ));
    }
}
