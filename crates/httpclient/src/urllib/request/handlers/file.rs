//! `FileHandler`, `url2pathname` and `pathname2url`.

use std::io::BufReader;
use std::net::ToSocketAddrs;

use chrono::{TimeZone, Utc};

use crate::urllib::request::handler::{BaseHandler, HandlerKind, Opened, Parent};
use crate::urllib::request::req::{Request, splitport};
use crate::urllib::response::addinfourl;
use crate::{Error, Result};

/// Python's `urllib.request.url2pathname(path)` (POSIX): the percent-decoded path.
///
/// ```
/// use netstd_httpclient::urllib::request::url2pathname;
/// assert_eq!(url2pathname("/tmp/a%20b.txt"), "/tmp/a b.txt");
/// ```
pub fn url2pathname(pathname: &str) -> String {
    netstd_urlparse::unquote(pathname).into_owned()
}

/// Python's `urllib.request.pathname2url(path)` (POSIX): the percent-encoded path
/// (a path starting with `//` gets `//` in front, as CPython 3.12 does, so it is
/// not read as a host).
///
/// ```
/// use netstd_httpclient::urllib::request::pathname2url;
/// assert_eq!(pathname2url("/tmp/a b.txt"), "/tmp/a%20b.txt");
/// ```
pub fn pathname2url(pathname: &str) -> String {
    let quoted = netstd_urlparse::quote(pathname).into_owned();
    if pathname.starts_with("//") {
        format!("//{quoted}")
    } else {
        quoted
    }
}

/// A host `file:` URLs may name: empty, `localhost`, or a name resolving only to
/// loopback addresses (CPython compares with the addresses of `localhost` and of
/// the machine's name).
fn is_local(host: &str) -> bool {
    if host.is_empty() || host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match (bare, 0).to_socket_addrs() {
        Ok(addrs) => {
            let addrs: Vec<_> = addrs.collect();
            !addrs.is_empty() && addrs.iter().all(|a| a.ip().is_loopback())
        }
        Err(_) => false,
    }
}

/// Python's `urllib.request.FileHandler`: `file:` URLs of this machine, with
/// Content-type (CPython's mimetypes table), Content-length and Last-modified.
/// A directory or a missing file is `URLError`; a remote host is `URLError("file
/// not on local host")`.
///
/// ```
/// # fn main() -> netstd_httpclient::Result<()> {
/// use netstd_httpclient::urllib::request::{pathname2url, urlopen};
/// let path = std::env::temp_dir().join("netstd-filehandler-doc.txt");
/// std::fs::write(&path, "hi")?;
/// let mut r = urlopen(format!("file://{}", pathname2url(path.to_str().unwrap())))?;
/// assert_eq!(r.info().get("Content-type"), Some("text/plain"));
/// assert_eq!(r.read()?, b"hi");
/// # std::fs::remove_file(path)?; Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct FileHandler;

impl FileHandler {
    /// `open_local_file(req)`.
    pub fn open_local_file(&self, req: &Request) -> Result<addinfourl> {
        let host = req.host();
        let filename = req.selector();
        let localfile = url2pathname(filename);
        let os = |e: std::io::Error| {
            let os = netstd_core::Error::from(e);
            Error::URLError {
                reason: os.to_string(),
                os_error: Some(os),
            }
        };
        let meta = std::fs::metadata(&localfile).map_err(os)?;
        if meta.is_dir() {
            return Err(os(std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                format!("Is a directory: '{localfile}'"),
            )));
        }
        let (bare, port) = splitport(host);
        if !(host.is_empty() || (port.is_none() && is_local(bare))) {
            return Err(Error::url_error("file not on local host"));
        }
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .and_then(|d| Utc.timestamp_opt(d.as_secs() as i64, 0).single())
            .map(|t| t.format("%a, %d %b %Y %H:%M:%S GMT").to_string())
            .unwrap_or_default();
        let mtype = netstd_http::mimetypes::guess_type(filename).unwrap_or("text/plain");
        let text = format!(
            "Content-type: {mtype}\nContent-length: {}\nLast-modified: {modified}\n\n",
            meta.len()
        );
        let headers = netstd_http::parse_headers(text.as_bytes())?;
        let file = std::fs::File::open(&localfile).map_err(os)?;
        let origurl = if host.is_empty() {
            format!("file://{filename}")
        } else {
            format!("file://{host}{filename}")
        };
        Ok(addinfourl::new(
            BufReader::new(file),
            headers,
            &origurl,
            None,
        ))
    }
}

impl BaseHandler for FileHandler {
    fn kind(&self) -> Option<HandlerKind> {
        Some(HandlerKind::File)
    }

    fn open(&self, protocol: &str, req: &mut Request, _: &Parent<'_>) -> Result<Opened> {
        if protocol != "file" {
            return Ok(Opened::Pass);
        }
        let url = req.selector();
        let host = req.host();
        if url.starts_with("//")
            && !url[2..].starts_with('/')
            && !host.is_empty()
            && host != "localhost"
        {
            if !is_local(host) {
                return Err(Error::url_error(
                    "file:// scheme is supported only on localhost",
                ));
            }
            return Ok(Opened::Pass);
        }
        self.open_local_file(req).map(Opened::Response)
    }
}
