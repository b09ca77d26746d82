//! The file jars: `FileCookieJar`, `MozillaCookieJar`, `LWPCookieJar`.

use std::io::{BufRead, Write};
use std::ops::Deref;
use std::path::{Path, PathBuf};

use crate::headers::{join_header_words, py_space, split_header_words};
use crate::{Cookie, CookieJar, CookiePolicy, DefaultCookiePolicy, Error};

const HTTPONLY_ATTR: &str = "HTTPOnly";
const HTTPONLY_PREFIX: &str = "#HttpOnly_";
const MISSING_FILENAME_TEXT: &str =
    "a filename was not supplied (nor was the CookieJar instance initialised with one)";
const NETSCAPE_HEADER_TEXT: &str = "# Netscape HTTP Cookie File\n\
# http://curl.haxx.se/rfc/cookie_spec.html\n\
# This is a generated file!  Do not edit.\n\n";

/// The keyword arguments of `save`, `load` and `revert`:
/// `(filename=None, ignore_discard=False, ignore_expires=False)`.
///
/// ```
/// let o = netstd_cookiejar::FileOptions::new().filename("cookies.txt").ignore_discard(true);
/// # let _ = o;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileOptions {
    filename: Option<PathBuf>,
    ignore_discard: bool,
    ignore_expires: bool,
}

impl FileOptions {
    /// CPython's defaults: the jar's file name, session and expired cookies skipped.
    pub fn new() -> Self {
        Self::default()
    }
    /// `filename=`: another file than the jar's.
    pub fn filename(mut self, filename: impl Into<PathBuf>) -> Self {
        self.filename = Some(filename.into());
        self
    }
    /// `ignore_discard=`: also session cookies.
    pub fn ignore_discard(mut self, ignore: bool) -> Self {
        self.ignore_discard = ignore;
        self
    }
    /// `ignore_expires=`: also expired cookies.
    pub fn ignore_expires(mut self, ignore: bool) -> Self {
        self.ignore_expires = ignore;
        self
    }
}

fn os_error(e: std::io::Error) -> Error {
    Error::OSError {
        kind: e.kind(),
        message: e.to_string(),
    }
}

/// Python's text-mode reading: universal newlines, lines keep their `\n`.
fn read_lines(mut f: impl BufRead, filename: &str) -> Result<Vec<String>, Error> {
    let mut raw = Vec::new();
    f.read_to_end(&mut raw).map_err(os_error)?;
    let text = String::from_utf8(raw)
        .map_err(|_| Error::LoadError(format!("{filename:?} is not UTF-8 text")))?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    Ok(text.split_inclusive('\n').map(str::to_owned).collect())
}

/// Python's `int(float(text))` for an expiry field.
fn int_float(text: &str) -> Option<i64> {
    let t = text.trim_matches(py_space).replace('_', "");
    let f: f64 = t.parse().ok()?;
    if !f.is_finite() || t.eq_ignore_ascii_case("inf") || t.to_lowercase().contains("nan") {
        return None;
    }
    Some(f.trunc() as i64)
}

fn create_private(path: &Path) -> Result<std::fs::File, Error> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path).map_err(os_error)
}

/// `http.cookiejar.FileCookieJar`: a [`CookieJar`] that loads from and saves to a
/// file in its format. [`MozillaCookieJar`] and [`LWPCookieJar`] implement it; both
/// dereference to their [`CookieJar`].
pub trait FileCookieJar: Deref<Target = CookieJar> {
    /// `jar.filename`.
    fn filename(&self) -> Option<&Path>;
    /// `jar.delayload` (kept for compatibility; CPython does nothing with it either).
    fn delayload(&self) -> bool;
    /// The format's reader (CPython's `_really_load`): adds the file's cookies.
    fn load_from(
        &self,
        f: &mut dyn BufRead,
        filename: &str,
        ignore_discard: bool,
        ignore_expires: bool,
    ) -> Result<(), Error>;
    /// The format's writer: the jar's cookies in the file format.
    fn save_to(
        &self,
        f: &mut dyn Write,
        ignore_discard: bool,
        ignore_expires: bool,
    ) -> Result<(), Error>;

    /// The file name to use: the option's, else the jar's, else `ValueError`.
    fn resolve(&self, options: &FileOptions) -> Result<PathBuf, Error> {
        options
            .filename
            .clone()
            .or_else(|| self.filename().map(Path::to_path_buf))
            .ok_or_else(|| Error::ValueError(MISSING_FILENAME_TEXT.to_owned()))
    }

    /// `jar.save()`: writes the jar's file (created with mode 0600).
    fn save(&self) -> Result<(), Error> {
        self.save_with(&FileOptions::new())
    }

    /// `jar.save(filename, ignore_discard, ignore_expires)`.
    fn save_with(&self, options: &FileOptions) -> Result<(), Error> {
        let path = self.resolve(options)?;
        let mut buf = Vec::new();
        self.save_to(&mut buf, options.ignore_discard, options.ignore_expires)?;
        let mut f = create_private(&path)?;
        f.write_all(&buf).map_err(os_error)
    }

    /// `jar.load()`: adds the cookies of the jar's file.
    fn load(&self) -> Result<(), Error> {
        self.load_with(&FileOptions::new())
    }

    /// `jar.load(filename, ignore_discard, ignore_expires)`.
    fn load_with(&self, options: &FileOptions) -> Result<(), Error> {
        let path = self.resolve(options)?;
        let f = std::fs::File::open(&path).map_err(os_error)?;
        let name = path.display().to_string();
        self.load_from(
            &mut std::io::BufReader::new(f),
            &name,
            options.ignore_discard,
            options.ignore_expires,
        )
    }

    /// `jar.revert()`: clears the jar and reloads its file; on an error
    /// (`LoadError` or `OSError`) the jar is left as it was.
    fn revert(&self) -> Result<(), Error> {
        self.revert_with(&FileOptions::new())
    }

    /// `jar.revert(filename, ignore_discard, ignore_expires)`.
    fn revert_with(&self, options: &FileOptions) -> Result<(), Error> {
        let path = self.resolve(options)?;
        self.deref()
            .revert_with_loader(|| self.load_with(&options.clone().filename(path.clone())))
    }
}

macro_rules! file_jar {
    ($name:ident, $python:literal, $example:literal) => {
        #[doc = concat!("`http.cookiejar.", $python, "`.")]
        ///
        /// ```
        #[doc = $example]
        /// ```
        pub struct $name {
            jar: CookieJar,
            filename: Option<PathBuf>,
            delayload: bool,
        }

        impl $name {
            #[doc = concat!("`", $python, "(filename)`: nothing is read until `load` or `revert`.")]
            pub fn new(filename: Option<impl AsRef<Path>>) -> Self {
                Self::with_policy(filename, false, DefaultCookiePolicy::new())
            }

            #[doc = concat!("`", $python, "(filename, delayload, policy)`.")]
            pub fn with_policy(
                filename: Option<impl AsRef<Path>>,
                delayload: bool,
                policy: impl CookiePolicy + 'static,
            ) -> Self {
                $name {
                    jar: CookieJar::with_policy(policy),
                    filename: filename.map(|f| f.as_ref().to_path_buf()),
                    delayload,
                }
            }
        }

        impl Deref for $name {
            type Target = CookieJar;
            fn deref(&self) -> &CookieJar {
                &self.jar
            }
        }
    };
}

file_jar!(
    MozillaCookieJar,
    "MozillaCookieJar",
    "use netstd_cookiejar::{Cookie, FileCookieJar, MozillaCookieJar};
let jar = MozillaCookieJar::new(None::<&str>);
let mut c = Cookie::new(\"sid\", Some(\"1\"), \".example.com\", \"/\");
c.expires = Some(4_102_444_800);
c.set_nonstandard_attr(\"HTTPOnly\", Some(\"\"));
jar.set_cookie(c);
let mut out = Vec::new();
jar.save_to(&mut out, false, false).unwrap();
let text = String::from_utf8(out).unwrap();
assert!(text.ends_with(\"#HttpOnly_.example.com\\tTRUE\\t/\\tFALSE\\t4102444800\\tsid\\t1\\n\"));
let back = MozillaCookieJar::new(None::<&str>);
back.load_from(&mut text.as_bytes(), \"mem\", false, false).unwrap();
assert!(back.cookies()[0].has_nonstandard_attr(\"HTTPOnly\"));"
);

file_jar!(
    LWPCookieJar,
    "LWPCookieJar",
    "use netstd_cookiejar::{Cookie, FileCookieJar, LWPCookieJar};
let jar = LWPCookieJar::new(None::<&str>);
let mut c = Cookie::new(\"sid\", Some(\"1\"), \"example.com\", \"/\");
c.expires = Some(4_102_444_800);
jar.set_cookie(c);
assert_eq!(jar.as_lwp_str(true, true),
    \"Set-Cookie3: sid=1; path=\\\"/\\\"; domain=\\\"example.com\\\"; expires=\\\"2100-01-01 00:00:00Z\\\"; version=0\\n\");"
);

impl FileCookieJar for MozillaCookieJar {
    fn filename(&self) -> Option<&Path> {
        self.filename.as_deref()
    }
    fn delayload(&self) -> bool {
        self.delayload
    }

    fn load_from(
        &self,
        f: &mut dyn BufRead,
        filename: &str,
        ignore_discard: bool,
        ignore_expires: bool,
    ) -> Result<(), Error> {
        let now = self.now();
        let lines = read_lines(f, filename)?;
        let magic = lines.first().map(String::as_str).unwrap_or("");
        if !(magic.starts_with("# HTTP Cookie File")
            || magic.starts_with("# Netscape HTTP Cookie File"))
        {
            return Err(Error::LoadError(format!(
                "{filename:?} does not look like a Netscape format cookies file"
            )));
        }
        for raw in &lines[1..] {
            let invalid = || {
                Error::LoadError(format!(
                    "invalid Netscape format cookies file {filename:?}: {raw:?}"
                ))
            };
            let mut line = raw.as_str();
            let mut rest = Vec::new();
            if let Some(l) = line.strip_prefix(HTTPONLY_PREFIX) {
                rest.push((HTTPONLY_ATTR.to_owned(), Some(String::new())));
                line = l;
            }
            let line = line.strip_suffix('\n').unwrap_or(line);
            let stripped = line.trim_matches(py_space);
            if stripped.starts_with(['#', '$']) || stripped.is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let [domain, domain_specified, path, secure, expires, name, value] = fields[..] else {
                return Err(invalid());
            };
            let domain_specified = domain_specified == "TRUE";
            let (name, value) = if name.is_empty() {
                (value, None)
            } else {
                (name, Some(value))
            };
            let initial_dot = domain.starts_with('.');
            if domain_specified != initial_dot {
                return Err(invalid());
            }
            let (expires, discard) = if expires.is_empty() {
                (None, true)
            } else {
                (Some(int_float(expires).ok_or_else(invalid)?), false)
            };
            let mut c = Cookie::new(name, value, domain, path);
            c.domain_specified = domain_specified;
            c.domain_initial_dot = initial_dot;
            c.secure = secure == "TRUE";
            c.expires = expires;
            c.discard = discard;
            c.rest = rest;
            if !ignore_discard && c.discard {
                continue;
            }
            if !ignore_expires && c.is_expired(Some(now)) {
                continue;
            }
            self.set_cookie(c);
        }
        Ok(())
    }

    fn save_to(
        &self,
        f: &mut dyn Write,
        ignore_discard: bool,
        ignore_expires: bool,
    ) -> Result<(), Error> {
        let now = self.now();
        let mut out = String::from(NETSCAPE_HEADER_TEXT);
        for cookie in self.cookies() {
            if (!ignore_discard && cookie.discard)
                || (!ignore_expires && cookie.is_expired(Some(now)))
            {
                continue;
            }
            let secure = if cookie.secure { "TRUE" } else { "FALSE" };
            let initial_dot = if cookie.domain.starts_with('.') {
                "TRUE"
            } else {
                "FALSE"
            };
            let expires = cookie.expires.map(|e| e.to_string()).unwrap_or_default();
            let (name, value) = match &cookie.value {
                None => ("", cookie.name.as_str()),
                Some(v) => (cookie.name.as_str(), v.as_str()),
            };
            let domain = if cookie.has_nonstandard_attr(HTTPONLY_ATTR) {
                format!("{HTTPONLY_PREFIX}{}", cookie.domain)
            } else {
                cookie.domain.clone()
            };
            // Beyond CPython: a field holding a line break or a tab would read back
            // as other lines or fields (a cookie one site set could plant cookies
            // for another), so such a cookie is not written.
            if [domain.as_str(), &cookie.path, name, value]
                .iter()
                .any(|f| f.contains(['\r', '\n', '\t']))
            {
                continue;
            }
            out.push_str(
                &[
                    domain.as_str(),
                    initial_dot,
                    &cookie.path,
                    secure,
                    &expires,
                    name,
                    value,
                ]
                .join("\t"),
            );
            out.push('\n');
        }
        f.write_all(out.as_bytes()).map_err(os_error)
    }
}

/// `http.cookiejar.lwp_cookie_str(cookie)`: the cookie as a `Set-Cookie3` value.
///
/// ```
/// let c = netstd_cookiejar::Cookie::new("a", Some("b c"), "x.com", "/");
/// assert_eq!(netstd_cookiejar::lwp_cookie_str(&c),
///            "a=\"b c\"; path=\"/\"; domain=\"x.com\"; version=0");
/// ```
pub fn lwp_cookie_str(cookie: &Cookie) -> String {
    let s = |x: &str| Some(x.to_owned());
    let mut h: Vec<(String, Option<String>)> = vec![
        (cookie.name.clone(), cookie.value.clone()),
        ("path".into(), s(&cookie.path)),
        ("domain".into(), s(&cookie.domain)),
    ];
    if let Some(p) = &cookie.port {
        h.push(("port".into(), s(p)));
    }
    for (on, k) in [
        (cookie.path_specified, "path_spec"),
        (cookie.port_specified, "port_spec"),
        (cookie.domain_initial_dot, "domain_dot"),
        (cookie.secure, "secure"),
    ] {
        if on {
            h.push((k.into(), None));
        }
    }
    if let Some(e) = cookie.expires.filter(|e| *e != 0) {
        h.push(("expires".into(), Some(crate::time2isoz(Some(e)))));
    }
    if cookie.discard {
        h.push(("discard".into(), None));
    }
    if let Some(c) = cookie.comment.as_deref().filter(|c| !c.is_empty()) {
        h.push(("comment".into(), s(c)));
    }
    if let Some(c) = cookie.comment_url.as_deref().filter(|c| !c.is_empty()) {
        h.push(("commenturl".into(), s(c)));
    }
    let mut rest = cookie.rest.clone();
    rest.sort_by(|a, b| a.0.cmp(&b.0));
    for (k, v) in rest {
        // str(value): None prints as "None".
        h.push((k, Some(v.unwrap_or_else(|| "None".to_owned()))));
    }
    let version = cookie
        .version
        .map_or_else(|| "None".to_owned(), |v| v.to_string());
    h.push(("version".into(), Some(version)));
    join_header_words(&[h])
}

impl LWPCookieJar {
    /// `jar.as_lwp_str(ignore_discard=True, ignore_expires=True)`: `Set-Cookie3`
    /// lines, each ending in a newline.
    ///
    /// ```
    /// use netstd_cookiejar::{Cookie, LWPCookieJar};
    /// let jar = LWPCookieJar::new(None::<&str>);
    /// jar.set_cookie(Cookie::new("a", None, "x.com", "/"));
    /// assert_eq!(jar.as_lwp_str(true, true), "Set-Cookie3: a; path=\"/\"; domain=\"x.com\"; version=0\n");
    /// ```
    pub fn as_lwp_str(&self, ignore_discard: bool, ignore_expires: bool) -> String {
        let now = self.now();
        let mut out = String::new();
        for cookie in self.cookies() {
            if (!ignore_discard && cookie.discard)
                || (!ignore_expires && cookie.is_expired(Some(now)))
            {
                continue;
            }
            out.push_str("Set-Cookie3: ");
            out.push_str(&lwp_cookie_str(&cookie));
            out.push('\n');
        }
        out
    }
}

/// A `Set-Cookie3` attribute value: a flag given without a value, or text.
fn truthy(v: &Option<Option<String>>) -> bool {
    match v {
        Some(None) => true,
        Some(Some(s)) => !s.is_empty(),
        None => false,
    }
}

impl FileCookieJar for LWPCookieJar {
    fn filename(&self) -> Option<&Path> {
        self.filename.as_deref()
    }
    fn delayload(&self) -> bool {
        self.delayload
    }

    fn load_from(
        &self,
        f: &mut dyn BufRead,
        filename: &str,
        ignore_discard: bool,
        ignore_expires: bool,
    ) -> Result<(), Error> {
        let now = self.now();
        let lines = read_lines(f, filename)?;
        // magic_re = ^\#LWP-Cookies-(\d+\.\d+)
        let magic = lines.first().map(String::as_str).unwrap_or("");
        let ok = magic.strip_prefix("#LWP-Cookies-").is_some_and(|r| {
            let d = r.bytes().take_while(u8::is_ascii_digit).count();
            d > 0
                && r.as_bytes().get(d) == Some(&b'.')
                && r.as_bytes().get(d + 1).is_some_and(u8::is_ascii_digit)
        });
        if !ok {
            return Err(Error::LoadError(format!(
                "{filename:?} does not look like a Set-Cookie3 (LWP) format file"
            )));
        }
        const BOOLEAN: [&str; 5] = ["port_spec", "path_spec", "domain_dot", "secure", "discard"];
        const VALUE: [&str; 7] = [
            "version",
            "port",
            "path",
            "domain",
            "expires",
            "comment",
            "commenturl",
        ];
        for raw in &lines[1..] {
            let invalid = || {
                Error::LoadError(format!(
                    "invalid Set-Cookie3 format file {filename:?}: {raw:?}"
                ))
            };
            let Some(line) = raw.strip_prefix("Set-Cookie3:") else {
                continue;
            };
            for data in split_header_words(&[line.trim_matches(py_space)]) {
                let mut it = data.into_iter();
                let Some((name, value)) = it.next() else {
                    continue;
                };
                let mut standard: Vec<(&str, Option<Option<String>>)> = Vec::new();
                let mut rest: Vec<(String, Option<String>)> = Vec::new();
                for (k, v) in it {
                    let lc = k.to_lowercase();
                    if let Some(key) = BOOLEAN.iter().chain(&VALUE).find(|a| **a == lc) {
                        match standard.iter_mut().find(|(s, _)| s == key) {
                            Some(slot) => slot.1 = Some(v),
                            None => standard.push((key, Some(v))),
                        }
                    } else {
                        match rest.iter_mut().find(|(rk, _)| *rk == k) {
                            Some(slot) => slot.1 = v,
                            None => rest.push((k, v)),
                        }
                    }
                }
                let h = |k: &str| -> Option<Option<String>> {
                    standard
                        .iter()
                        .find(|(s, _)| *s == k)
                        .and_then(|(_, v)| v.clone())
                };
                let text = |k: &str| h(k).flatten();
                let mut discard = truthy(&h("discard"));
                let expires = match text("expires") {
                    Some(e) => crate::iso::iso2time_at(&e, now).map_err(|_| invalid())?,
                    None => None,
                };
                if expires.is_none() {
                    discard = true;
                }
                let domain = text("domain").ok_or_else(invalid)?;
                let version = match text("version") {
                    Some(v) => Some(crate::time::py_int(&v).ok_or_else(invalid)?),
                    None => None,
                };
                let port = text("port");
                let port_specified = truthy(&h("port_spec"));
                if port.is_none() && h("port_spec") == Some(None) {
                    // CPython: "if port is None, port_specified must be false".
                    return Err(invalid());
                }
                let mut c = Cookie::new(
                    &name,
                    value.as_deref(),
                    &domain,
                    &text("path").unwrap_or_default(),
                );
                c.version = version;
                c.port = port;
                c.port_specified = port_specified;
                c.domain_specified = domain.starts_with('.');
                c.domain_initial_dot = truthy(&h("domain_dot"));
                c.path_specified = truthy(&h("path_spec"));
                c.secure = truthy(&h("secure"));
                c.expires = expires;
                c.discard = discard;
                c.comment = text("comment");
                c.comment_url = text("commenturl");
                c.rest = rest;
                if !ignore_discard && c.discard {
                    continue;
                }
                if !ignore_expires && c.is_expired(Some(now)) {
                    continue;
                }
                self.set_cookie(c);
            }
        }
        Ok(())
    }

    fn save_to(
        &self,
        f: &mut dyn Write,
        ignore_discard: bool,
        ignore_expires: bool,
    ) -> Result<(), Error> {
        let text = format!(
            "#LWP-Cookies-2.0\n{}",
            self.as_lwp_str(ignore_discard, ignore_expires)
        );
        f.write_all(text.as_bytes()).map_err(os_error)
    }
}
