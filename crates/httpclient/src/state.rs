//! The sans-IO half of a connection: CPython's request state machine, the request
//! head it builds and the header rules of `request()`. Both faces drive it.

use std::borrow::Cow;

use netstd_http::proto::{check_host, write_header, write_request_line};

use crate::{Error, Result};

/// `http.client`'s `_CS_*` connection states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    Idle,
    RequestStarted,
    RequestSent,
}

impl Phase {
    fn name(self) -> &'static str {
        match self {
            Phase::Idle => "Idle",
            Phase::RequestStarted => "Request-started",
            Phase::RequestSent => "Request-sent",
        }
    }
}

/// What `request()` knows of a body's length before sending it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodySize {
    /// No body was given.
    Absent,
    /// Bytes or text: this many bytes.
    Known(u64),
    /// A reader or an iterator: unknown until sent.
    Unknown,
}

/// A header value as a caller gives it: text (encoded as Latin-1) or bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderValue {
    /// `str`: encoded as ISO-8859-1, as `putheader` does.
    Str(String),
    /// `bytes`: sent as is.
    Bytes(Vec<u8>),
}

impl HeaderValue {
    pub(crate) fn encode(&self) -> Result<Cow<'_, [u8]>> {
        match self {
            HeaderValue::Str(s) => latin1(s, "header value"),
            HeaderValue::Bytes(b) => Ok(Cow::Borrowed(b)),
        }
    }
}

impl From<&str> for HeaderValue {
    fn from(s: &str) -> Self {
        HeaderValue::Str(s.to_owned())
    }
}

impl From<String> for HeaderValue {
    fn from(s: String) -> Self {
        HeaderValue::Str(s)
    }
}

impl From<&[u8]> for HeaderValue {
    fn from(b: &[u8]) -> Self {
        HeaderValue::Bytes(b.to_vec())
    }
}

impl From<Vec<u8>> for HeaderValue {
    fn from(b: Vec<u8>) -> Self {
        HeaderValue::Bytes(b)
    }
}

impl From<u64> for HeaderValue {
    /// An int, sent as its decimal digits.
    fn from(n: u64) -> Self {
        HeaderValue::Str(n.to_string())
    }
}

/// Text encoded as ISO-8859-1 (`str.encode('latin-1')`), as http.client encodes
/// header values and str bodies.
pub(crate) fn latin1<'a>(s: &'a str, what: &str) -> Result<Cow<'a, [u8]>> {
    if s.is_ascii() {
        return Ok(Cow::Borrowed(s.as_bytes()));
    }
    s.chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect::<Option<Vec<u8>>>()
        .map(Cow::Owned)
        .ok_or_else(|| {
            Error::UnicodeEncodeError(format!(
                "'latin-1' codec can't encode the {what} {s:?}: it is not in Latin-1"
            ))
        })
}

/// `set_tunnel`'s settings.
#[derive(Debug, Clone)]
pub(crate) struct Tunnel {
    pub(crate) host: String,
    pub(crate) port: u16,
    pub(crate) headers: Vec<(String, String)>,
}

/// `HTTPConnection._get_hostport(host, port)`: a `:port` suffix is taken when no
/// port is given (empty means the default), brackets around an IPv6 literal go.
pub(crate) fn get_hostport(
    host: &str,
    port: Option<u16>,
    default_port: u16,
) -> Result<(String, u16)> {
    let mut host = host;
    let port = match port {
        Some(p) => p,
        None => {
            let colon = host.rfind(':');
            let bracket = host.rfind(']');
            match colon {
                Some(i) if bracket.is_none_or(|j| i > j) => {
                    let digits = &host[i + 1..];
                    host = &host[..i];
                    if digits.is_empty() {
                        default_port
                    } else if digits.bytes().all(|b| b.is_ascii_digit()) {
                        digits.parse().map_err(|_| {
                            Error::InvalidURL(format!("port out of range: '{digits}'"))
                        })?
                    } else {
                        return Err(Error::InvalidURL(format!("nonnumeric port: '{digits}'")));
                    }
                }
                _ => default_port,
            }
        }
    };
    let host = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    Ok((host.to_owned(), port))
}

/// The host as the Host header carries it: ASCII, else IDNA; an IPv6 zone
/// dropped. The encoded name is checked again: Nameprep maps some characters to a
/// space or a delimiter (U+00A0, U+3000, full-width `@/?#`).
fn host_bytes(host: &str) -> Result<String> {
    let enc = if host.is_ascii() {
        host.to_owned()
    } else {
        netstd_core::idna::encode(host)?.into_owned()
    };
    let enc = strip_ipv6_iface(enc);
    check_host(&enc)?;
    Ok(enc)
}

/// `_strip_ipv6_iface`: `[fe80::1%eth0]` becomes `[fe80::1]`, and `fe80::1%eth0`
/// becomes `fe80::1`; a `%` elsewhere (a registered name) is left as it is.
fn strip_ipv6_iface(name: String) -> String {
    match name.split_once('%') {
        Some((addr, _)) if addr.starts_with('[') => format!("{addr}]"),
        Some((addr, _)) if addr.contains(':') && !addr.contains('@') => addr.to_owned(),
        _ => name,
    }
}

/// The Host value of `host:port` (the port left out when it is the default, an
/// IPv6 literal in brackets), as `putrequest` builds it.
fn host_header(host: &str, port: u16, default_port: u16) -> Result<String> {
    let host = host_bytes(host)?;
    let host = if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]")
    } else {
        host
    };
    Ok(if port == default_port {
        host
    } else {
        format!("{host}:{port}")
    })
}

/// The network location of an absolute URL as the Host header carries it:
/// without userinfo (CPython sends `user:password@host`; netstd does not send
/// credentials in a header that proxies log).
fn netloc_host(url: &str) -> Result<String> {
    let parts = netstd_urlparse::urlsplit(url).map_err(|e| Error::ValueError(e.to_string()))?;
    let netloc = parts.netloc();
    let host = netloc.rsplit_once('@').map_or(netloc, |(_, h)| h);
    Ok(host.to_owned())
}

/// The request side of `HTTPConnection`, without the socket.
#[derive(Debug, Clone)]
pub(crate) struct ClientState {
    pub(crate) host: String,
    pub(crate) port: u16,
    pub(crate) default_port: u16,
    pub(crate) tunnel: Option<Tunnel>,
    pub(crate) debuglevel: u32,
    /// The method of the request in flight (`_method`).
    pub(crate) method: String,
    phase: Phase,
    buffer: Vec<u8>,
    /// The automatic Host value for targets that are not absolute URLs, computed
    /// when the host (or the tunnel) is set.
    host_header: String,
}

impl ClientState {
    pub(crate) fn new(host: &str, port: Option<u16>, default_port: u16) -> Result<Self> {
        let (host, port) = get_hostport(host, port, default_port)?;
        check_host(&host)?;
        let host_header = host_header(&host, port, default_port)?;
        Ok(ClientState {
            host,
            port,
            default_port,
            tunnel: None,
            debuglevel: 0,
            method: String::new(),
            phase: Phase::Idle,
            buffer: Vec::with_capacity(256),
            host_header,
        })
    }

    /// `set_tunnel(host, port, headers)`, the "is the socket open" check left to
    /// the face. Host and headers are checked now, so nothing injected reaches a
    /// proxy.
    pub(crate) fn set_tunnel(
        &mut self,
        host: &str,
        port: Option<u16>,
        headers: &[(&str, &str)],
    ) -> Result<()> {
        let (host, port) = get_hostport(host, port, self.default_port)?;
        check_host(&host)?;
        let mut checked = Vec::with_capacity(headers.len() + 1);
        for (name, value) in headers {
            netstd_http::proto::check_header_name(name.as_bytes())?;
            netstd_http::proto::check_header_value(&latin1(value, "header value")?)?;
            checked.push(((*name).to_owned(), (*value).to_owned()));
        }
        if !checked.iter().any(|(n, _)| n.eq_ignore_ascii_case("host")) {
            let enc = host_bytes(&host)?;
            checked.push(("Host".to_owned(), format!("{}:{port}", wrap_ipv6(&enc))));
        }
        self.host_header = host_header(&host, port, self.default_port)?;
        self.tunnel = Some(Tunnel {
            host,
            port,
            headers: checked,
        });
        Ok(())
    }

    /// The CONNECT request `_tunnel` sends.
    pub(crate) fn tunnel_request(&self, tunnel: &Tunnel) -> Result<Vec<u8>> {
        let host = netstd_core::idna::encode(&tunnel.host)?;
        let mut out =
            format!("CONNECT {}:{} HTTP/1.1\r\n", wrap_ipv6(&host), tunnel.port).into_bytes();
        for (name, value) in &tunnel.headers {
            write_header(&mut out, name.as_bytes(), &latin1(value, "header value")?)?;
        }
        out.extend_from_slice(b"\r\n");
        Ok(out)
    }

    /// `putrequest(method, url, skip_host, skip_accept_encoding)`.
    pub(crate) fn putrequest(
        &mut self,
        method: &str,
        url: &str,
        skip_host: bool,
        skip_accept_encoding: bool,
    ) -> Result<()> {
        if self.phase != Phase::Idle {
            return Err(Error::CannotSendRequest(self.phase.name().into()));
        }
        let url = if url.is_empty() { "/" } else { url };
        self.buffer.clear();
        write_request_line(&mut self.buffer, method, url, "HTTP/1.1")?;
        self.phase = Phase::RequestStarted;
        self.method.clear();
        self.method.push_str(method);
        if !skip_host {
            let netloc = if url.starts_with("http") {
                netloc_host(url)?
            } else {
                String::new()
            };
            let value = if netloc.is_empty() {
                std::mem::take(&mut self.host_header)
            } else {
                host_bytes(&netloc)?
            };
            let put = self.putheader("Host", value.as_bytes());
            if netloc.is_empty() {
                self.host_header = value;
            }
            put?;
        }
        if !skip_accept_encoding {
            self.putheader("Accept-Encoding", b"identity")?;
        }
        Ok(())
    }

    /// `putheader(header, value)`.
    pub(crate) fn putheader(&mut self, header: &str, value: &[u8]) -> Result<()> {
        if self.phase != Phase::RequestStarted {
            return Err(Error::CannotSendHeader(String::new()));
        }
        write_header(&mut self.buffer, header.as_bytes(), value)?;
        Ok(())
    }

    /// `endheaders()`: the finished head, to be sent (the phase becomes
    /// Request-sent). Hand the buffer back with [`ClientState::recycle`] once sent.
    pub(crate) fn endheaders(&mut self) -> Result<Vec<u8>> {
        if self.phase != Phase::RequestStarted {
            return Err(Error::CannotSendHeader(String::new()));
        }
        self.phase = Phase::RequestSent;
        self.buffer.extend_from_slice(b"\r\n");
        Ok(std::mem::take(&mut self.buffer))
    }

    /// Takes back the head's buffer, so the next request reuses its allocation.
    pub(crate) fn recycle(&mut self, mut head: Vec<u8>) {
        head.clear();
        self.buffer = head;
    }

    /// `_send_request` up to the body: the request line, the automatic headers, the
    /// caller's headers. Answers whether the body goes chunked.
    pub(crate) fn prepare_request(
        &mut self,
        method: &str,
        url: &str,
        headers: &[(String, HeaderValue)],
        body: BodySize,
        encode_chunked: bool,
    ) -> Result<bool> {
        let has = |name: &str| headers.iter().any(|(k, _)| k.eq_ignore_ascii_case(name));
        self.putrequest(method, url, has("host"), has("accept-encoding"))?;
        let mut chunked = encode_chunked;
        if !has("content-length") {
            if !has("transfer-encoding") {
                chunked = false;
                let length = match body {
                    BodySize::Absent
                        if ["PATCH", "POST", "PUT"]
                            .iter()
                            .any(|m| m.eq_ignore_ascii_case(method)) =>
                    {
                        Some(0)
                    }
                    BodySize::Absent => None,
                    BodySize::Known(n) => Some(n),
                    BodySize::Unknown => None,
                };
                match length {
                    Some(n) => self.putheader("Content-Length", n.to_string().as_bytes())?,
                    None if body == BodySize::Unknown => {
                        chunked = true;
                        self.putheader("Transfer-Encoding", b"chunked")?;
                    }
                    None => {}
                }
            }
        } else {
            chunked = false;
        }
        for (name, value) in headers {
            self.putheader(name, &value.encode()?)?;
        }
        Ok(chunked)
    }

    /// `getresponse`'s state check: a request must have been sent.
    pub(crate) fn begin_response(&mut self) -> Result<()> {
        if self.phase != Phase::RequestSent {
            return Err(Error::ResponseNotReady(self.phase.name().into()));
        }
        self.phase = Phase::Idle;
        Ok(())
    }

    /// Back to Idle after `close()` or a failed send.
    pub(crate) fn reset(&mut self) {
        self.phase = Phase::Idle;
        self.buffer.clear();
    }

    /// The host and port to connect to (the proxy's when tunnelling).
    pub(crate) fn server_hostname(&self) -> &str {
        self.tunnel.as_ref().map_or(&self.host, |t| &t.host)
    }
}

/// `_wrap_ipv6`: brackets around a host that contains a colon.
fn wrap_ipv6(host: &str) -> Cow<'_, str> {
    if host.contains(':') && !host.starts_with('[') {
        Cow::Owned(format!("[{host}]"))
    } else {
        Cow::Borrowed(host)
    }
}

/// Python's `repr()` of bytes, for the debug output of `set_debuglevel`.
pub(crate) fn bytes_repr(data: &[u8]) -> String {
    let mut out = String::from("b'");
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\'' => out.push_str("\\'"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7e => out.push(char::from(b)),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostport() {
        let hp = |h: &str| get_hostport(h, None, 80).map_err(|e| e.python_name());
        assert_eq!(hp("example.org"), Ok(("example.org".into(), 80)));
        assert_eq!(hp("example.org:8080"), Ok(("example.org".into(), 8080)));
        assert_eq!(hp("example.org:"), Ok(("example.org".into(), 80)));
        assert_eq!(hp("[::1]:81"), Ok(("::1".into(), 81)));
        assert_eq!(hp("[::1]"), Ok(("::1".into(), 80)));
        assert_eq!(hp("a:b"), Err("InvalidURL"));
        assert_eq!(hp("a:99999"), Err("InvalidURL"));
    }

    fn head(state: &mut ClientState) -> String {
        String::from_utf8(state.endheaders().unwrap()).unwrap()
    }

    #[test]
    fn automatic_headers() {
        let mut s = ClientState::new("example.org", Some(8080), 80).unwrap();
        assert!(
            !s.prepare_request("GET", "", &[], BodySize::Absent, false)
                .unwrap()
        );
        assert_eq!(
            head(&mut s),
            "GET / HTTP/1.1\r\nHost: example.org:8080\r\nAccept-Encoding: identity\r\n\r\n"
        );
        s.begin_response().unwrap();
        let hdrs = [("host".to_owned(), HeaderValue::from("x"))];
        assert!(
            s.prepare_request("POST", "/p", &hdrs, BodySize::Unknown, false)
                .unwrap()
        );
        assert_eq!(
            head(&mut s),
            "POST /p HTTP/1.1\r\nAccept-Encoding: identity\r\nTransfer-Encoding: chunked\r\nhost: x\r\n\r\n"
        );
        s.begin_response().unwrap();
        s.prepare_request(
            "PUT",
            "http://h%C3%A9.example/x",
            &[],
            BodySize::Absent,
            false,
        )
        .unwrap();
        assert!(head(&mut s).contains("\r\nContent-Length: 0\r\n"));
        s.begin_response().unwrap();
        let mut v6 = ClientState::new("[fe80::1%eth0]", None, 80).unwrap();
        v6.putrequest("GET", "/", false, true).unwrap();
        assert_eq!(head(&mut v6), "GET / HTTP/1.1\r\nHost: [fe80::1]\r\n\r\n");
    }

    #[test]
    fn states() {
        let mut s = ClientState::new("h", None, 80).unwrap();
        assert_eq!(
            s.putheader("A", b"1").unwrap_err().python_name(),
            "CannotSendHeader"
        );
        assert_eq!(
            s.begin_response().unwrap_err().python_name(),
            "ResponseNotReady"
        );
        s.putrequest("GET", "/", false, false).unwrap();
        assert_eq!(
            s.putrequest("GET", "/", false, false)
                .unwrap_err()
                .python_name(),
            "CannotSendRequest"
        );
    }
}
