//! `SimpleHTTPRequestHandler`: files and directory listings from a directory.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::dates::parse_http_date;
use crate::exchange::html_escape;
use crate::handler::{BaseHTTPRequestHandler, HTTPRequestHandler};
use netstd_http::mimetypes::{self, splitext};

/// Python's `http.server.SimpleHTTPRequestHandler`: serves the files under
/// `directory` for GET and HEAD, directory listings where there is no index page,
/// `301` to add the slash a directory's URL lacks, `Last-Modified` and
/// `If-Modified-Since` (304). Paths cannot leave the directory: `..` and other
/// components that are not plain names are dropped, as in CPython. Beyond CPython,
/// a single byte range (`Range: bytes=...`) is answered with 206, or 416 when it
/// starts past the end.
///
/// ```no_run
/// use netstd_httpserver::{SimpleHTTPRequestHandler, ThreadingHTTPServer};
/// let handler = SimpleHTTPRequestHandler::new("/srv/www");
/// let server = ThreadingHTTPServer::new(("127.0.0.1", 8000), handler)?;
/// server.serve_forever()?;
/// # Ok::<(), netstd_socketserver::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct SimpleHTTPRequestHandler {
    directory: PathBuf,
    index_pages: Vec<String>,
    extensions_map: HashMap<String, String>,
    protocol_version: String,
    follow_symlinks: bool,
}

impl SimpleHTTPRequestHandler {
    /// `SimpleHTTPRequestHandler(..., directory=directory)`.
    pub fn new(directory: impl Into<PathBuf>) -> Self {
        let extensions_map = [
            (".gz", "application/gzip"),
            (".Z", "application/octet-stream"),
            (".bz2", "application/x-bzip2"),
            (".xz", "application/x-xz"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        SimpleHTTPRequestHandler {
            directory: directory.into(),
            index_pages: vec!["index.html".into(), "index.htm".into()],
            extensions_map,
            protocol_version: "HTTP/1.0".into(),
            follow_symlinks: true,
        }
    }

    /// `directory`.
    pub fn directory(&self) -> &Path {
        &self.directory
    }

    /// `index_pages` (CPython 3.12): the names tried in a directory before a listing.
    pub fn index_pages(mut self, pages: &[&str]) -> Self {
        self.index_pages = pages.iter().map(|p| (*p).to_owned()).collect();
        self
    }

    /// `extensions_map[ext] = type`.
    pub fn extension(mut self, ext: &str, mime: &str) -> Self {
        self.extensions_map.insert(ext.to_owned(), mime.to_owned());
        self
    }

    /// Beyond CPython: `false` refuses (404) a file or directory whose real path,
    /// symbolic links resolved, lies outside `directory`. CPython, and the default,
    /// follow links wherever they lead.
    pub fn follow_symlinks(mut self, follow: bool) -> Self {
        self.follow_symlinks = follow;
        self
    }

    /// Whether `path` stays inside `directory` once links are resolved (always true
    /// when links are followed).
    fn contained(&self, path: &Path) -> bool {
        if self.follow_symlinks {
            return true;
        }
        match (path.canonicalize(), self.directory.canonicalize()) {
            (Ok(real), Ok(root)) => real.starts_with(root),
            // a path that does not resolve is answered 404 further on
            (Err(_), _) => true,
            (_, Err(_)) => false,
        }
    }

    /// `protocol_version` (`-p` of `python -m http.server`).
    pub fn protocol(mut self, version: &str) -> Self {
        self.protocol_version = version.to_owned();
        self
    }

    /// `translate_path(path)`: the file a URL path names under `directory`. The
    /// query and fragment go, the path is unquoted and normalised, and components
    /// that are not plain names (`.`, `..`, with a backslash or NUL) are dropped,
    /// so the result never leaves `directory`.
    ///
    /// ```
    /// let h = netstd_httpserver::SimpleHTTPRequestHandler::new("/srv");
    /// assert_eq!(h.translate_path("/a/../../etc/passwd?x"), std::path::Path::new("/srv/etc/passwd"));
    /// assert_eq!(h.translate_path("/%2e%2e/%2e%2e/etc/"), std::path::Path::new("/srv/etc/"));
    /// ```
    pub fn translate_path(&self, path: &str) -> PathBuf {
        let path = path.split('?').next().unwrap_or_default();
        let path = path.split('#').next().unwrap_or_default();
        self.map_decoded(&netstd_urlparse::unquote(path))
    }

    /// `translate_path` of a path already unquoted (decoding it again would let
    /// `%252e%252e` become `..`).
    pub(crate) fn map_decoded(&self, path: &str) -> PathBuf {
        let trailing_slash = path.trim_end().ends_with('/');
        let normalized = normpath(path);
        let mut out = self.directory.clone();
        for word in normalized.split('/').filter(|w| !w.is_empty()) {
            if word == "." || word == ".." || word.contains(['\\', '\0']) {
                continue;
            }
            out.push(word);
        }
        if trailing_slash {
            let mut s = out.into_os_string();
            s.push("/");
            out = PathBuf::from(s);
        }
        out
    }

    /// `guess_type(path)`: `extensions_map` (as is, then lower-cased), then
    /// CPython's built-in `mimetypes` table, else `application/octet-stream`.
    pub fn guess_type(&self, path: &Path) -> String {
        let name = path.to_string_lossy();
        let ext = splitext(&name).1;
        if let Some(t) = self.extensions_map.get(ext) {
            return t.clone();
        }
        if let Some(t) = self.extensions_map.get(&ext.to_lowercase()) {
            return t.clone();
        }
        mimetypes::guess_type(&name)
            .unwrap_or("application/octet-stream")
            .to_owned()
    }

    /// `send_head()`: the headers for a GET or HEAD, and the file to send, if any.
    fn send_head(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<Option<Body>> {
        let mut path = self.translate_path(r.path());
        // a component `translate_path` drops for holding a backslash or NUL would
        // make another URL name this file (`/x%5c/private/f`) or a redirect's
        // Location read as `//host` (`/\evil.example`): 404 instead
        if !self.contained(&path) || has_dropped_component(r.path()) {
            r.send_error(404, Some("File not found"), None)?;
            return Ok(None);
        }
        // open first and ask the open file what it is: one system call fewer than
        // asking the path and then opening it
        let mut opened = File::open(&path).and_then(|f| f.metadata().map(|m| (f, m)));
        if opened.as_ref().is_ok_and(|(_, m)| m.is_dir()) {
            let parts = netstd_urlparse::urlsplit(r.path()).ok();
            let url_path = parts.as_ref().map_or("", |p| p.path());
            if !url_path.ends_with('/') {
                // redirect browser - doing basically what apache does
                let location = match &parts {
                    Some(p) => netstd_urlparse::urlunsplit((
                        p.scheme(),
                        p.netloc(),
                        &format!("{url_path}/"),
                        p.query(),
                        p.fragment(),
                    )),
                    None => format!("{}/", r.path()),
                };
                r.send_response(301, None)?;
                r.send_header("Location", &location)?;
                r.send_header("Content-Length", "0")?;
                r.end_headers()?;
                return Ok(None);
            }
            match self
                .index_pages
                .iter()
                .map(|i| path.join(i))
                .find(|p| p.exists())
            {
                Some(index) if !self.contained(&index) => {
                    r.send_error(404, Some("File not found"), None)?;
                    return Ok(None);
                }
                Some(index) => {
                    opened = File::open(&index).and_then(|f| f.metadata().map(|m| (f, m)));
                    path = index;
                }
                None => return self.list_directory(r, &path).map(|b| b.map(Body::Listing)),
            }
        }
        let ctype = self.guess_type(&path);
        if path.to_string_lossy().ends_with('/') {
            r.send_error(404, Some("File not found"), None)?;
            return Ok(None);
        }
        let (file, meta) = match opened {
            Ok((f, m)) if m.is_file() => (f, m),
            _ => {
                r.send_error(404, Some("File not found"), None)?;
                return Ok(None);
            }
        };
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs() as i64);
        if let (Some(ims), false) = (
            r.headers().get("If-Modified-Since"),
            r.headers().contains("If-None-Match"),
        ) {
            if let Some(since) = parse_http_date(ims) {
                if mtime <= since {
                    r.send_response(304, None)?;
                    r.end_headers()?;
                    return Ok(None);
                }
            }
        }
        let size = meta.len();
        let modified = r.date_time_string(Some(mtime));
        match requested_range(r, size, &modified) {
            Some(Range::Unsatisfiable) => {
                r.send_response(416, None)?;
                r.send_header("Content-Range", &format!("bytes */{size}"))?;
                r.send_header("Content-Length", "0")?;
                r.end_headers()?;
                return Ok(None);
            }
            Some(Range::Bytes(start, end)) => {
                r.send_response(206, None)?;
                r.send_header("Content-type", &ctype)?;
                r.send_header("Content-Range", &format!("bytes {start}-{end}/{size}"))?;
                r.send_header("Content-Length", &(end - start + 1).to_string())?;
                r.send_header("Last-Modified", &modified)?;
                r.end_headers()?;
                let mut file = file;
                file.seek(SeekFrom::Start(start))?;
                return Ok(Some(Body::Part(file.take(end - start + 1))));
            }
            None => {}
        }
        r.send_response(200, None)?;
        r.send_header("Content-type", &ctype)?;
        r.send_header("Content-Length", &size.to_string())?;
        r.send_header("Last-Modified", &modified)?;
        r.end_headers()?;
        Ok(Some(Body::File(file.take(size))))
    }

    /// `list_directory(path)`: the HTML listing CPython renders (names sorted
    /// without regard to case, `/` after directories, `@` after symbolic links,
    /// links quoted, text HTML-escaped).
    fn list_directory(
        &self,
        r: &mut BaseHTTPRequestHandler<'_>,
        path: &Path,
    ) -> io::Result<Option<Vec<u8>>> {
        let Ok(entries) = std::fs::read_dir(path) else {
            r.send_error(404, Some("No permission to list directory"), None)?;
            return Ok(None);
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort_by_key(|n| n.to_lowercase());
        let displaypath = html_escape(&netstd_urlparse::unquote(r.path()));
        let title = format!("Directory listing for {displaypath}");
        let mut lines = vec![
            "<!DOCTYPE HTML>".to_owned(),
            "<html lang=\"en\">".to_owned(),
            "<head>".to_owned(),
            "<meta charset=\"utf-8\">".to_owned(),
            format!("<title>{title}</title>\n</head>"),
            format!("<body>\n<h1>{title}</h1>"),
            "<hr>\n<ul>".to_owned(),
        ];
        for name in names {
            let full = path.join(&name);
            let (mut display, mut link) = (name.clone(), name.clone());
            if full.is_dir() {
                display.push('/');
                link.push('/');
            }
            if full
                .symlink_metadata()
                .is_ok_and(|m| m.file_type().is_symlink())
            {
                display = format!("{name}@");
            }
            lines.push(format!(
                "<li><a href=\"{}\">{}</a></li>",
                netstd_urlparse::quote(&link),
                html_escape(&display)
            ));
        }
        lines.push("</ul>\n<hr>\n</body>\n</html>\n".to_owned());
        let encoded = lines.join("\n").into_bytes();
        r.send_response(200, None)?;
        r.send_header("Content-type", "text/html; charset=utf-8")?;
        r.send_header("Content-Length", &encoded.len().to_string())?;
        r.end_headers()?;
        Ok(Some(encoded))
    }
}

/// What `send_head` hands to `do_GET`.
enum Body {
    /// The whole file, read up to the size its headers announced (a file that
    /// grows meanwhile cannot make the body longer than Content-Length).
    File(std::io::Take<File>),
    Part(std::io::Take<File>),
    Listing(Vec<u8>),
}

/// A `Range` request on a file (beyond CPython, which ignores the header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Range {
    /// Bytes `start..=end`, within the file.
    Bytes(u64, u64),
    /// The range starts past the end: 416.
    Unsatisfiable,
}

/// The single byte range the request asks for, if it asks for one that applies:
/// `bytes=a-b`, `bytes=a-` or `bytes=-n`. Several ranges, other units, a malformed
/// header and an `If-Range` that does not match `Last-Modified` mean the whole file
/// (as RFC 9110 allows a server to ignore Range).
fn requested_range(
    r: &BaseHTTPRequestHandler<'_>,
    size: u64,
    last_modified: &str,
) -> Option<Range> {
    let spec = r.headers().get("Range")?.trim().strip_prefix("bytes=")?;
    if r.headers()
        .get("If-Range")
        .is_some_and(|v| v.trim() != last_modified)
        || spec.contains(',')
    {
        return None;
    }
    let (first, last) = spec.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (first, last) = (first.trim(), last.trim());
    let range = if first.is_empty() {
        // the last n bytes
        if !digits(last) {
            return None;
        }
        let n: u64 = last.parse().ok()?;
        if n == 0 || size == 0 {
            return Some(Range::Unsatisfiable);
        }
        Range::Bytes(size.saturating_sub(n), size - 1)
    } else {
        if !digits(first) || !(last.is_empty() || digits(last)) {
            return None;
        }
        let start: u64 = first.parse().ok()?;
        let end: u64 = if last.is_empty() {
            u64::MAX
        } else {
            last.parse().ok()?
        };
        if end < start {
            return None;
        }
        if start >= size {
            return Some(Range::Unsatisfiable);
        }
        Range::Bytes(start, end.min(size - 1))
    };
    Some(range)
}

impl HTTPRequestHandler for SimpleHTTPRequestHandler {
    fn protocol_version(&self) -> &str {
        &self.protocol_version
    }

    fn server_version(&self) -> &str {
        "SimpleHTTP/0.6"
    }

    /// `do_GET()`: `send_head()`, then the file (`copyfile`) or the listing.
    fn do_GET(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        match self.send_head(r)? {
            Some(Body::File(mut f)) => {
                io::copy(&mut f, r.wfile())?;
            }
            Some(Body::Part(mut part)) => {
                io::copy(&mut part, r.wfile())?;
            }
            Some(Body::Listing(html)) => r.wfile().write_all(&html)?,
            None => {}
        }
        Ok(())
    }

    /// `do_HEAD()`: `send_head()` without the body.
    fn do_HEAD(&self, r: &mut BaseHTTPRequestHandler<'_>) -> io::Result<()> {
        self.send_head(r).map(drop)
    }
}

/// Whether the URL path has a component `translate_path` drops for holding a
/// backslash or NUL.
fn has_dropped_component(path: &str) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    netstd_urlparse::unquote(path)
        .split('/')
        .any(|w| w.contains(['\\', '\0']))
}

/// `posixpath.normpath`.
fn normpath(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let initial = if path.starts_with("//") && !path.starts_with("///") {
        2
    } else if path.starts_with('/') {
        1
    } else {
        0
    };
    let mut comps: Vec<&str> = Vec::new();
    for comp in path.split('/') {
        if comp.is_empty() || comp == "." {
            continue;
        }
        if comp != ".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&"..") {
            comps.push(comp);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let joined = comps.join("/");
    let out = format!("{}{joined}", "/".repeat(initial));
    if out.is_empty() { ".".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normpath_as_posixpath() {
        for (i, o) in [
            ("", "."),
            ("/", "/"),
            ("//", "//"),
            ("///", "/"),
            ("/a/../../b", "/b"),
            ("a/../../b", "../b"),
            ("/./a//b/", "/a/b"),
            ("/..", "/"),
        ] {
            assert_eq!(normpath(i), o, "{i}");
        }
    }

    #[test]
    fn splitext_as_posixpath() {
        assert_eq!(splitext("a/b.tar.gz"), ("a/b.tar", ".gz"));
        assert_eq!(splitext("a/.bashrc"), ("a/.bashrc", ""));
        assert_eq!(splitext("a.b/c"), ("a.b/c", ""));
        assert_eq!(splitext("x."), ("x", "."));
    }

    #[test]
    fn traversal_never_leaves_the_directory() {
        let h = SimpleHTTPRequestHandler::new("/srv");
        for p in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/a/../../../../etc/passwd",
            "/..%5c..%5cetc/passwd",
            "//etc/passwd",
            "/%00/etc/passwd",
        ] {
            let t = h.translate_path(p);
            assert!(t.starts_with("/srv"), "{p} -> {t:?}");
            assert!(
                !t.components().any(|c| c == std::path::Component::ParentDir),
                "{p}"
            );
        }
    }
}
