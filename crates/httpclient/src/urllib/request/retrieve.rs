//! The legacy interface: `urlretrieve` and `urlcleanup`.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use netstd_http::HTTPMessage;

use super::opener::{install_opener, installed_opener};
use super::req::{IntoRequest, RequestData, splittype};
use crate::{Error, Result};

/// Temporary files `urlretrieve` made (`_url_tempfiles`).
static TEMPFILES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn tempfile() -> Result<(File, PathBuf)> {
    let dir = std::env::temp_dir();
    for _ in 0..100 {
        let mut random = [0u8; 8];
        getrandom::fill(&mut random)
            .map_err(|e| Error::OSError(std::io::Error::other(e.to_string()).into()))?;
        let name: String = random.iter().map(|b| format!("{b:02x}")).collect();
        let path = dir.join(format!("tmp{name}"));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        // readable by its owner only, as tempfile.NamedTemporaryFile makes it
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(f) => return Ok((f, path)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(Error::OSError(
        std::io::Error::other("no free temporary file name").into(),
    ))
}

/// Python's `urllib.request.urlretrieve(url, filename=None, reporthook=None)`: see
/// [`urlretrieve_with`].
///
/// ```no_run
/// # fn main() -> netstd_httpclient::Result<()> {
/// use netstd_httpclient::urllib::request::urlretrieve;
/// let (path, headers) = urlretrieve("https://www.python.org/", None)?;
/// println!("{} {:?}", path.display(), headers.get("content-type"));
/// # Ok(()) }
/// ```
pub fn urlretrieve(
    url: impl IntoRequest,
    filename: Option<&Path>,
) -> Result<(PathBuf, HTTPMessage)> {
    urlretrieve_with(url, filename, None, None)
}

/// `urlretrieve(url, filename, reporthook, data)`: copies the resource to
/// `filename` (a new temporary file when `None`; a `file:` URL without a filename
/// is answered with its own path), calling `reporthook(blocknum, blocksize,
/// totalsize)` once before the first block and after each 8 KiB block (`totalsize`
/// -1 without a Content-Length). Fewer bytes than the Content-Length announced is
/// `ContentTooShortError`.
///
/// ```
/// # fn main() -> netstd_httpclient::Result<()> {
/// use netstd_httpclient::urllib::request::urlretrieve_with;
/// let target = std::env::temp_dir().join("netstd-urlretrieve-doc.txt");
/// let mut calls = Vec::new();
/// let mut hook = |block: u64, bs: usize, size: i64| calls.push((block, bs, size));
/// let (path, _) = urlretrieve_with("data:,hello", Some(&target), Some(&mut hook), None)?;
/// assert_eq!(std::fs::read(&path)?, b"hello");
/// assert_eq!(calls, [(0, 8192, 5), (1, 8192, 5)]);
/// # std::fs::remove_file(path)?; Ok(()) }
/// ```
pub fn urlretrieve_with(
    url: impl IntoRequest,
    filename: Option<&Path>,
    reporthook: Option<&mut dyn FnMut(u64, usize, i64)>,
    data: Option<RequestData>,
) -> Result<(PathBuf, HTTPMessage)> {
    let req = url.into_request()?;
    let full = req.full_url();
    let (url_type, path) = splittype(&full);
    let mut fp = installed_opener().open_with(req.clone(), data, None)?;
    let headers = fp.info().clone();
    if url_type.as_deref() == Some("file") && filename.is_none() {
        let (_, path) = super::req::splithost(path);
        return Ok((normpath(&super::url2pathname(&path)), headers));
    }
    let (mut tfp, filename) = match filename {
        Some(f) => (File::create(f)?, f.to_path_buf()),
        None => {
            let (f, p) = tempfile()?;
            TEMPFILES
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(p.clone());
            (f, p)
        }
    };
    const BS: usize = 1024 * 8;
    let size: i64 = match headers.get("content-length") {
        Some(v) => v.trim().parse().map_err(|_| {
            Error::ValueError(format!("invalid literal for int() with base 10: {v:?}"))
        })?,
        None => -1,
    };
    let mut hook = reporthook;
    let mut read: u64 = 0;
    let mut blocknum: u64 = 0;
    if let Some(h) = hook.as_mut() {
        h(blocknum, BS, size);
    }
    loop {
        let block = match fp.read_amt(BS) {
            Ok(b) => b,
            // a body cut short ends the copy; the size check below reports it
            Err(Error::IncompleteRead { .. }) => break,
            Err(e) => return Err(e),
        };
        if block.is_empty() {
            break;
        }
        read += block.len() as u64;
        tfp.write_all(&block)?;
        blocknum += 1;
        if let Some(h) = hook.as_mut() {
            h(blocknum, BS, size);
        }
    }
    tfp.flush()?;
    if size >= 0 && read < size as u64 {
        return Err(Error::ContentTooShortError {
            message: format!("retrieval incomplete: got only {read} out of {size} bytes"),
            filename,
            headers,
        });
    }
    Ok((filename, headers))
}

/// `os.path.normpath` for the POSIX paths of `file:` URLs.
fn normpath(path: &str) -> PathBuf {
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            ".." if absolute => {}
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    match (absolute, joined.is_empty()) {
        (true, _) => PathBuf::from(format!("/{joined}")),
        (false, true) => PathBuf::from("."),
        (false, false) => PathBuf::from(joined),
    }
}

/// Python's `urllib.request.urlcleanup()`: removes the temporary files
/// `urlretrieve` made and forgets the installed opener.
///
/// ```
/// netstd_httpclient::urllib::request::urlcleanup();
/// ```
pub fn urlcleanup() {
    let files = std::mem::take(&mut *TEMPFILES.lock().unwrap_or_else(|p| p.into_inner()));
    for f in files {
        let _ = std::fs::remove_file(f);
    }
    install_opener(None);
}
