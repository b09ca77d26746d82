//! `CGIHTTPRequestHandler`: `SimpleHTTPRequestHandler` that runs the executables
//! under `cgi_directories` as CGI/1.1 scripts (deprecated since CPython 3.13).

#![allow(deprecated)]

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::handler::{BaseHTTPRequestHandler, HTTPRequestHandler};
use crate::simple::SimpleHTTPRequestHandler;

/// The largest request body passed to a CGI script (it is read before the script
/// runs).
const MAX_CGI_BODY: u64 = 100 << 20;

/// Python's `http.server.CGIHTTPRequestHandler`: GET and HEAD of files as
/// [`SimpleHTTPRequestHandler`], and GET, HEAD and POST of the executables under
/// `cgi_directories` (`/cgi-bin`, `/htbin`) run as CGI scripts with CPython's
/// environment (`SERVER_SOFTWARE`, `REQUEST_METHOD`, `PATH_INFO`, `QUERY_STRING`,
/// `CONTENT_TYPE`, `CONTENT_LENGTH`, `HTTP_COOKIE`, ...). The script gets the
/// request body on its standard input and writes its headers and body, after
/// `200 Script output follows`. When the server runs as root, the script runs as
/// `nobody`, as in CPython.
///
/// Deprecated in CPython 3.13 (PEP 594 removed the `cgi` module): prefer a
/// handler of your own.
///
/// ```no_run
/// #![allow(deprecated)]
/// use netstd_httpserver::{CGIHTTPRequestHandler, ThreadingHTTPServer};
/// let handler = CGIHTTPRequestHandler::new("/srv/www");
/// ThreadingHTTPServer::new(("127.0.0.1", 8000), handler)?.serve_forever()?;
/// # Ok::<(), netstd_socketserver::Error>(())
/// ```
#[deprecated(note = "CPython 3.13 deprecates CGIHTTPRequestHandler; write a handler instead")]
#[derive(Debug, Clone)]
pub struct CGIHTTPRequestHandler {
    simple: SimpleHTTPRequestHandler,
    cgi_directories: Vec<String>,
}

impl CGIHTTPRequestHandler {
    /// `CGIHTTPRequestHandler(..., directory=directory)`.
    pub fn new(directory: impl Into<std::path::PathBuf>) -> Self {
        CGIHTTPRequestHandler {
            simple: SimpleHTTPRequestHandler::new(directory),
            cgi_directories: vec!["/cgi-bin".into(), "/htbin".into()],
        }
    }

    /// `cgi_directories`.
    pub fn cgi_directories(mut self, dirs: &[&str]) -> Self {
        self.cgi_directories = dirs.iter().map(|d| (*d).to_owned()).collect();
        self
    }

    /// `protocol_version`.
    pub fn protocol(mut self, version: &str) -> Self {
        self.simple = self.simple.protocol(version);
        self
    }

    /// `is_cgi()`: the `(directory, rest)` of a path under a CGI directory.
    fn is_cgi(&self, path: &str) -> io::Result<Option<(String, String)>> {
        let collapsed = url_collapse_path(path)?;
        let mut sep = collapsed[1.min(collapsed.len())..].find('/').map(|i| i + 1);
        while let Some(i) = sep {
            if self.cgi_directories.iter().any(|d| d == &collapsed[..i]) {
                return Ok(Some((
                    collapsed[..i].to_owned(),
                    collapsed[i + 1..].to_owned(),
                )));
            }
            sep = collapsed[i + 1..].find('/').map(|j| i + 1 + j);
        }
        Ok(None)
    }

    /// `run_cgi()`.
    fn run_cgi(
        &self,
        r: &mut BaseHTTPRequestHandler<'_>,
        info: (String, String),
    ) -> io::Result<()> {
        let (mut dir, mut rest) = info;
        let path = format!("{dir}/{rest}");
        // the longest existing directory prefix is the script's directory
        let mut i = path[dir.len() + 1..].find('/').map(|j| j + dir.len() + 1);
        while let Some(at) = i {
            let (next_dir, next_rest) = (&path[..at], &path[at + 1..]);
            if self.simple.map_decoded(next_dir).is_dir() {
                dir = next_dir.to_owned();
                rest = next_rest.to_owned();
                i = path[dir.len() + 1..].find('/').map(|j| j + dir.len() + 1);
            } else {
                break;
            }
        }
        let (rest, query) = match rest.split_once('?') {
            Some((r, q)) => (r.to_owned(), q.to_owned()),
            None => (rest, String::new()),
        };
        let (script, path_info) = match rest.find('/') {
            Some(i) => (rest[..i].to_owned(), rest[i..].to_owned()),
            None => (rest, String::new()),
        };
        let scriptname = format!("{dir}/{script}");
        // the collapsed path is decoded already: never decode it again
        let scriptfile = self.simple.map_decoded(&scriptname);
        let repr = netstd_urlparse::py_repr(&scriptname);
        if !scriptfile.exists() {
            return r.send_error(404, Some(&format!("No such CGI script ({repr})")), None);
        }
        if !scriptfile.is_file() {
            return r.send_error(
                403,
                Some(&format!("CGI script is not a plain file ({repr})")),
                None,
            );
        }
        if !is_executable(&scriptfile) {
            return r.send_error(
                403,
                Some(&format!("CGI script is not executable ({repr})")),
                None,
            );
        }
        // PATH_INFO is decoded once more, as CPython does (only the script file
        // itself must never be found through a second decoding)
        let uqrest = netstd_urlparse::unquote(&path_info).into_owned();
        let mut cmd = Command::new(&scriptfile);
        cmd.env("SERVER_SOFTWARE", r.version_string())
            .env("SERVER_NAME", server_name(r))
            .env("GATEWAY_INTERFACE", "CGI/1.1")
            .env("SERVER_PROTOCOL", r.protocol_version())
            .env("SERVER_PORT", server_port(r))
            .env("REQUEST_METHOD", r.command())
            .env("PATH_TRANSLATED", self.simple.map_decoded(&uqrest))
            .env("PATH_INFO", &uqrest)
            .env("SCRIPT_NAME", &scriptname)
            .env("QUERY_STRING", &query)
            .env("REMOTE_ADDR", r.address_string())
            .env("REMOTE_HOST", "");
        let headers = r.headers();
        if let Some(auth) = headers.get("authorization") {
            let words: Vec<&str> = auth.split_whitespace().collect();
            if let [kind, credentials] = words[..] {
                cmd.env("AUTH_TYPE", kind);
                if kind.eq_ignore_ascii_case("basic") {
                    if let Some(user) = basic_user(credentials) {
                        cmd.env("REMOTE_USER", user);
                    }
                }
            }
        }
        let content_type = match headers.get("content-type") {
            Some(t) => t.to_owned(),
            None => headers.get_content_type(),
        };
        cmd.env("CONTENT_TYPE", content_type);
        let length = headers.get("content-length").unwrap_or("").to_owned();
        cmd.env("CONTENT_LENGTH", &length);
        cmd.env("HTTP_REFERER", headers.get("referer").unwrap_or(""));
        cmd.env("HTTP_ACCEPT", headers.get_all("accept").join(","));
        cmd.env("HTTP_USER_AGENT", headers.get("user-agent").unwrap_or(""));
        let cookies: Vec<&str> = headers
            .get_all("cookie")
            .into_iter()
            .filter(|c| !c.is_empty())
            .collect();
        cmd.env("HTTP_COOKIE", cookies.join(", "));
        let decoded_query = query.replace('+', " ");
        if !decoded_query.contains('=') {
            cmd.arg(&decoded_query);
        }
        #[cfg(unix)]
        if let Some((uid, gid)) = nobody_ids() {
            use std::os::unix::process::CommandExt;
            cmd.uid(uid).gid(gid);
        }
        // a NUL in what goes into the environment or the arguments would fail the
        // spawn after the 200 is out: refuse it first
        if [&uqrest, &query, &scriptname]
            .iter()
            .any(|v| v.contains('\0'))
        {
            return r.send_error(400, Some("Bad request: NUL in a CGI variable"), None);
        }
        // the body the client announced goes to the script's standard input; it is
        // read first (up to MAX_CGI_BODY: CPython hands the script the socket instead)
        let announced = length.trim().parse::<u64>().unwrap_or(0);
        if announced > MAX_CGI_BODY {
            return r.send_error(413, None, None);
        }
        let mut body = Vec::new();
        r.rfile().take(announced).read_to_end(&mut body)?;
        r.send_response(200, Some("Script output follows"))?;
        r.flush_headers()?;
        let child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        // the script is waited for (killed first when the client went away) on
        // every way out, so no request leaves a zombie
        let mut child = Reaped(child);
        let child = &mut child.0;
        // the body goes in from a thread of its own: a script may write much of its
        // output before it reads its input, and two full pipes would wait for each
        // other
        let feeder = child.stdin.take().map(|mut stdin| {
            std::thread::spawn(move || {
                // a script that does not read its input may close it early
                let _ = stdin.write_all(&body);
            })
        });
        if let Some(mut stdout) = child.stdout.take() {
            io::copy(&mut stdout, r.wfile())?;
        }
        if let Some(feeder) = feeder {
            let _ = feeder.join();
        }
        let status = child.wait()?;
        if !status.success() {
            r.log_error(&format!(
                "CGI script exit code {}",
                status.code().unwrap_or(-1)
            ));
        }
        // the script's output ends the response
        r.set_close_connection(true);
        Ok(())
    }
}

impl HTTPRequestHandler for CGIHTTPRequestHandler {
    fn protocol_version(&self) -> &str {
        self.simple.protocol_version()
    }

    fn server_version(&self) -> &str {
        "SimpleHTTP/0.6"
    }

    fn do_GET(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        match self.is_cgi(r.path())? {
            Some(info) => self.run_cgi(r, info),
            None => self.simple.do_GET(r),
        }
    }

    fn do_HEAD(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        match self.is_cgi(r.path())? {
            Some(info) => self.run_cgi(r, info),
            None => self.simple.do_HEAD(r),
        }
    }

    fn do_POST(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        match self.is_cgi(r.path())? {
            Some(info) => self.run_cgi(r, info),
            None => r.send_error(501, Some("Can only POST to CGI scripts"), None),
        }
    }
}

fn server_name(r: &BaseHTTPRequestHandler<'_>) -> String {
    match r.server().server_address() {
        netstd_core::Address::Inet(a) => a.ip().to_string(),
        netstd_core::Address::Unix(_) => String::new(),
    }
}

fn server_port(r: &BaseHTTPRequestHandler<'_>) -> String {
    match r.server().server_address() {
        netstd_core::Address::Inet(a) => a.port().to_string(),
        netstd_core::Address::Unix(_) => String::new(),
    }
}

/// The user of `Basic` credentials, when they decode.
fn basic_user(credentials: &str) -> Option<String> {
    let decoded = decode_base64(credentials)?;
    let text = String::from_utf8(decoded).ok().filter(|t| t.is_ascii())?;
    let parts: Vec<&str> = text.split(':').collect();
    (parts.len() == 2).then(|| parts[0].to_owned())
}

/// `base64.decodebytes` for the alphabet of Basic credentials (whitespace skipped).
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let mut bits = 0u32;
    let mut nbits = 0;
    let mut out = Vec::new();
    for c in text.bytes().filter(|b| !b.is_ascii_whitespace()) {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        bits = bits << 6 | u32::from(v);
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            out.push((bits >> nbits) as u8);
        }
    }
    Some(out)
}

/// `_url_collapse_path(path)`: `..` and `.` resolved on the URL path (the query
/// kept); more `..` than components is an error (CPython's `IndexError`).
fn url_collapse_path(path: &str) -> io::Result<String> {
    let (path, query) = match path.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path, None),
    };
    let path = netstd_urlparse::unquote(path);
    let parts: Vec<&str> = path.split('/').collect();
    let underflow = || io::Error::new(io::ErrorKind::InvalidInput, "pop from empty list");
    let mut head: Vec<&str> = Vec::new();
    for part in &parts[..parts.len() - 1] {
        match *part {
            ".." => {
                head.pop().ok_or_else(underflow)?;
            }
            "" | "." => {}
            p => head.push(p),
        }
    }
    let mut tail = parts[parts.len() - 1].to_owned();
    if tail == ".." {
        head.pop().ok_or_else(underflow)?;
        tail.clear();
    } else if tail == "." {
        tail.clear();
    }
    if let Some(q) = query.filter(|q| !q.is_empty()) {
        tail = format!("{tail}?{q}");
    }
    Ok(format!("/{}/{tail}", head.join("/")))
}

/// `executable(path)`: any execute bit set.
fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .is_ok_and(|m| m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// A CGI process that is killed and waited for when dropped before it ended.
struct Reaped(std::process::Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// `nobody_uid()` when running as root: the uid and gid of `nobody` from
/// /etc/passwd (else one more than the largest uid there, and that as the group),
/// as CPython; `None` otherwise.
#[cfg(unix)]
fn nobody_ids() -> Option<(u32, u32)> {
    use std::os::unix::fs::MetadataExt;
    // the process runs as root when it owns what it just made as root; the cheap
    // check is the uid of /proc/self
    let uid = std::fs::metadata("/proc/self").ok()?.uid();
    if uid != 0 {
        return None;
    }
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    let users = passwd.lines().filter_map(|l| {
        let f: Vec<&str> = l.split(':').collect();
        Some((
            f.first().copied()?,
            f.get(2)?.parse::<u32>().ok()?,
            f.get(3)?.parse::<u32>().ok()?,
        ))
    });
    let mut max = 0u32;
    for (name, uid, gid) in users {
        if name == "nobody" {
            return Some((uid, gid));
        }
        max = max.max(uid);
    }
    let id = max.checked_add(1)?;
    Some((id, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_as_cpython() {
        for (i, o) in [
            ("/cgi-bin/x.py", "/cgi-bin/x.py"),
            ("/cgi-bin/../cgi-bin/x.py?a=b", "/cgi-bin/x.py?a=b"),
            ("/a/./b/", "/a/b/"),
            ("/a/b/..", "/a/"),
            ("//cgi-bin/x", "/cgi-bin/x"),
        ] {
            match url_collapse_path(i) {
                Ok(c) => assert_eq!(c, o, "{i}"),
                Err(_) => assert_eq!(o, "error", "{i}"),
            }
        }
        assert!(url_collapse_path("/../x").is_err());
        assert!(url_collapse_path("/%2e%2e/x").is_err());
        assert_eq!(basic_user("dXNlcjpwdw=="), Some("user".into()));
    }
}
