//! `RobotFileParser`: CPython's class, in its two modes.

use std::borrow::Cow;
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use netstd_urlparse::{py_lower, quote, unquote, urlparse, urlunparse};

use crate::entry::product_name;
use crate::pytext::{int, isdigit, strip};
use crate::rfc9309::RobotsTxt;
use crate::{Entry, Error, Int, RequestRate, RuleLine};

/// How a [`RobotFileParser`] reads robots.txt and answers.
///
/// ```
/// use netstd_robotparser::{Mode, RobotFileParser};
/// assert_eq!(RobotFileParser::default().mode(), Mode::CPython);
/// assert_eq!(RobotFileParser::rfc9309("")?.mode(), Mode::Rfc9309);
/// # Ok::<(), netstd_robotparser::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Mode {
    /// CPython 3.11's `urllib.robotparser`, answer for answer (the default).
    #[default]
    CPython,
    /// RFC 9309 (see [`crate::rfc9309`]): longest match, `Allow` wins ties, `*` and
    /// `$` wildcards, merged groups, case-insensitive product tokens,
    /// percent-encoding normalisation, `/robots.txt` always allowed, a 500 KiB limit.
    /// `read_response` follows RFC 9309 section 2.3.1: any 4xx allows everything, a 5xx
    /// (or a status the fetch could not get past) disallows everything.
    Rfc9309,
}

/// Python's `urllib.robotparser.RobotFileParser`: reads a robots.txt and answers
/// whether a user agent may fetch a URL.
///
/// ```
/// use netstd_robotparser::{RobotFileParser, splitlines};
/// let mut rp = RobotFileParser::new("http://example.com/robots.txt")?;
/// assert!(!rp.can_fetch("bot", "http://example.com/")?); // nothing read yet
/// rp.parse(splitlines("User-agent: figtree\nDisallow: /tmp\n\nUser-agent: *\nDisallow: /\n"))?;
/// assert!(rp.can_fetch("FigTree/1.0", "/index.html")?);
/// assert!(!rp.can_fetch("FigTree/1.0", "/tmp/x")?);
/// assert!(!rp.can_fetch("OtherBot", "/index.html")?);
/// # Ok::<(), netstd_robotparser::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct RobotFileParser {
    mode: Mode,
    url: String,
    host: String,
    path: String,
    entries: Vec<Entry>,
    /// Per entry, its user agents lower-cased (what `applies_to` compares).
    lowered: Vec<Vec<String>>,
    default_entry: Option<Entry>,
    sitemaps: Vec<String>,
    rfc: RobotsTxt,
    disallow_all: bool,
    allow_all: bool,
    last_checked: f64,
}

impl RobotFileParser {
    /// `RobotFileParser(url)`: CPython's parser for the robots.txt at `url` (use
    /// [`Default`] for Python's `url=''`). `ValueError` where `urlparse(url)` raises.
    ///
    /// ```
    /// let rp = netstd_robotparser::RobotFileParser::new("http://example.com:8080/robots.txt")?;
    /// assert_eq!((rp.host(), rp.path()), ("example.com:8080", "/robots.txt"));
    /// # Ok::<(), netstd_robotparser::Error>(())
    /// ```
    pub fn new(url: &str) -> Result<RobotFileParser, Error> {
        RobotFileParser::with_mode(url, Mode::CPython)
    }

    /// Beyond Python: a parser in RFC 9309 mode ([`Mode::Rfc9309`]).
    ///
    /// ```
    /// let rp = netstd_robotparser::RobotFileParser::rfc9309("https://example.com/robots.txt")?;
    /// assert_eq!(rp.url(), "https://example.com/robots.txt");
    /// # Ok::<(), netstd_robotparser::Error>(())
    /// ```
    pub fn rfc9309(url: &str) -> Result<RobotFileParser, Error> {
        RobotFileParser::with_mode(url, Mode::Rfc9309)
    }

    /// Beyond Python: a parser for `url` in `mode`.
    ///
    /// ```
    /// use netstd_robotparser::{Mode, RobotFileParser};
    /// let rp = RobotFileParser::with_mode("", Mode::Rfc9309)?;
    /// assert_eq!(rp.mode(), Mode::Rfc9309);
    /// # Ok::<(), netstd_robotparser::Error>(())
    /// ```
    pub fn with_mode(url: &str, mode: Mode) -> Result<RobotFileParser, Error> {
        let mut rp = RobotFileParser {
            mode,
            ..RobotFileParser::default()
        };
        rp.set_url(url)?;
        Ok(rp)
    }

    /// The mode the parser reads and answers in.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// `set_url(url)`: sets the robots.txt URL, and `host` and `path` from
    /// `urlparse(url)`. On `ValueError` nothing changes.
    ///
    /// ```
    /// let mut rp = netstd_robotparser::RobotFileParser::default();
    /// rp.set_url("https://example.org/robots.txt")?;
    /// assert_eq!(rp.host(), "example.org");
    /// # Ok::<(), netstd_robotparser::Error>(())
    /// ```
    pub fn set_url(&mut self, url: &str) -> Result<(), Error> {
        let p = urlparse(url)?;
        self.host = p.netloc().to_owned();
        self.path = p.path().to_owned();
        self.url = url.to_owned();
        Ok(())
    }

    /// `url`: the robots.txt URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// `host`: the netloc of [`url`](Self::url).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// `path`: the path of [`url`](Self::url).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// `mtime()`: when the file was last parsed, in seconds since the Unix epoch;
    /// `0.0` before.
    ///
    /// ```
    /// let mut rp = netstd_robotparser::RobotFileParser::default();
    /// assert_eq!(rp.mtime(), 0.0);
    /// rp.modified();
    /// assert!(rp.mtime() > 0.0);
    /// ```
    pub fn mtime(&self) -> f64 {
        self.last_checked
    }

    /// `modified()`: sets [`mtime`](Self::mtime) to now.
    pub fn modified(&mut self) {
        self.last_checked = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
    }

    /// Beyond Python's methods: assigns `last_checked`, what [`mtime`](Self::mtime)
    /// answers (`0.0` makes `can_fetch` answer `false` again, as before `read()`).
    pub fn set_mtime(&mut self, last_checked: f64) {
        self.last_checked = last_checked;
    }

    /// `disallow_all`: set when `read()` met 401 or 403 (RFC mode: 5xx); every URL is
    /// then refused.
    pub fn disallow_all(&self) -> bool {
        self.disallow_all
    }

    /// Assigns `disallow_all`.
    pub fn set_disallow_all(&mut self, value: bool) {
        self.disallow_all = value;
    }

    /// `allow_all`: set when `read()` met another 4xx; every URL is then allowed.
    pub fn allow_all(&self) -> bool {
        self.allow_all
    }

    /// Assigns `allow_all`.
    pub fn set_allow_all(&mut self, value: bool) {
        self.allow_all = value;
    }

    /// `entries`: the groups read so far, other than the default (`*`) one, in file
    /// order. In RFC mode: empty (see [`rfc`](Self::rfc)).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// `default_entry`: the first group whose user agents include `*`, tried after
    /// all the others. In RFC mode: `None`.
    pub fn default_entry(&self) -> Option<&Entry> {
        self.default_entry.as_ref()
    }

    /// The RFC 9309 view of what was parsed in RFC mode (empty in CPython mode).
    pub fn rfc(&self) -> &RobotsTxt {
        &self.rfc
    }

    /// The decision half of `read()`: what CPython's `read()` does with the answer
    /// `urllib.request.urlopen(self.url)` got, given its status and body
    /// ([`RobotFileParser::read`] fetches and calls it).
    ///
    /// CPython mode, as CPython 3.11's `read()`:
    /// - 2xx: the body is decoded as UTF-8 (`UnicodeDecodeError` if it is not, a BOM
    ///   kept as U+FEFF) and its `splitlines()` parsed;
    /// - 401 and 403 (`HTTPError`): `disallow_all`;
    /// - another 4xx: `allow_all`;
    /// - anything else (5xx, an unfollowed 3xx): `urlopen`'s `HTTPError` is caught and
    ///   nothing changes: as before any read, `can_fetch` keeps answering `false`.
    ///
    /// RFC mode (RFC 9309 section 2.3.1): 2xx parses the body's first 500 KiB (invalid
    /// UTF-8 tolerated); 4xx (401 and 403 included) and a 3xx the fetch stopped at
    /// (more than five redirects) allow everything; 5xx and anything else ("unreachable")
    /// disallow everything.
    ///
    /// ```
    /// use netstd_robotparser::RobotFileParser;
    /// let mut rp = RobotFileParser::new("http://example.com/robots.txt")?;
    /// rp.read_response(403, b"")?;
    /// assert!(rp.disallow_all() && !rp.can_fetch("bot", "/")?);
    ///
    /// let mut rp = RobotFileParser::new("http://example.com/robots.txt")?;
    /// rp.read_response(503, b"")?;
    /// assert!(!rp.can_fetch("bot", "/")?); // CPython: as if never read
    ///
    /// let mut rp = RobotFileParser::new("http://example.com/robots.txt")?;
    /// let e = rp.read_response(200, b"User-agent: *\n\xff").unwrap_err();
    /// assert_eq!(e.python_name(), "UnicodeDecodeError");
    /// # Ok::<(), netstd_robotparser::Error>(())
    /// ```
    pub fn read_response(&mut self, status: u16, body: &[u8]) -> Result<(), Error> {
        match (self.mode, status) {
            (_, 200..=299) => self.parse_bytes(body),
            (Mode::CPython, 401 | 403) => {
                self.disallow_all = true;
                Ok(())
            }
            (Mode::CPython, 400..=499) => {
                self.allow_all = true;
                Ok(())
            }
            (Mode::CPython, _) => Ok(()),
            (Mode::Rfc9309, 300..=499) => {
                self.allow_all = true;
                Ok(())
            }
            (Mode::Rfc9309, _) => {
                self.disallow_all = true;
                Ok(())
            }
        }
    }

    /// Beyond Python: parses a robots.txt body as `read()` would after a 2xx. CPython
    /// mode: `parse(raw.decode("utf-8").splitlines())`. RFC mode: the first 500 KiB of
    /// the bytes, lines ending at CR, LF or CRLF, a leading UTF-8 BOM skipped.
    ///
    /// ```
    /// let mut rp = netstd_robotparser::RobotFileParser::default();
    /// rp.parse_bytes(b"User-agent: *\r\nDisallow: /x\r\n")?;
    /// assert!(!rp.can_fetch("bot", "/x")?);
    /// # Ok::<(), netstd_robotparser::Error>(())
    /// ```
    pub fn parse_bytes(&mut self, body: &[u8]) -> Result<(), Error> {
        match self.mode {
            Mode::CPython => {
                let text = std::str::from_utf8(body).map_err(|e| {
                    Error::UnicodeDecodeError(format!("'utf-8' codec can't decode bytes: {e}"))
                })?;
                self.parse(crate::splitlines(text))
            }
            Mode::Rfc9309 => {
                self.modified();
                self.rfc.parse_more(body);
                Ok(())
            }
        }
    }

    /// `parse(lines)`: reads the lines of a robots.txt (Python passes
    /// `text.splitlines()`: use [`splitlines`](crate::splitlines)), adding to what
    /// was read before, and sets [`mtime`](Self::mtime) to now.
    ///
    /// CPython mode: a group is one or more `User-agent` lines then rules; a line that
    /// is empty (before comments are removed and the line stripped) ends a group, and
    /// drops user agents no rule followed; values are `unquote`d; the first group
    /// naming `*` becomes the default entry (later ones are dropped). `ValueError`
    /// where CPython raises one: a rule path `urlparse` refuses, a `Crawl-delay` or
    /// `Request-rate` number `int()` refuses; the lines before it stay read, as in
    /// CPython.
    ///
    /// RFC mode: each line as RFC 9309 reads it, up to 500 KiB in all (counting one
    /// byte for each line end); never an error.
    ///
    /// ```
    /// use netstd_robotparser::{RobotFileParser, splitlines};
    /// let mut rp = RobotFileParser::default();
    /// rp.parse(["User-agent: *", "Disallow: /cgi-bin/", "Sitemap: https://example.com/s.xml"])?;
    /// assert_eq!(rp.site_maps(), Some(&["https://example.com/s.xml".to_string()][..]));
    /// assert_eq!(rp.to_string(), "User-agent: *\nDisallow: /cgi-bin/");
    /// # Ok::<(), netstd_robotparser::Error>(())
    /// ```
    pub fn parse<I>(&mut self, lines: I) -> Result<(), Error>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.modified();
        match self.mode {
            Mode::CPython => self.parse_cpython(lines),
            Mode::Rfc9309 => {
                self.rfc.parse_lines(lines);
                Ok(())
            }
        }
    }

    fn parse_cpython<I>(&mut self, lines: I) -> Result<(), Error>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        // states: 0 start, 1 saw a user-agent line, 2 saw a rule
        let mut state = 0u8;
        let mut entry = Entry::new();
        for line in lines {
            let line = line.as_ref();
            if line.is_empty() {
                if state == 1 {
                    entry = Entry::new();
                    state = 0;
                } else if state == 2 {
                    self.add_entry(std::mem::take(&mut entry));
                    state = 0;
                }
            }
            let line = match memchr::memchr(b'#', line.as_bytes()) {
                Some(i) => &line[..i],
                None => line,
            };
            let line = strip(line);
            if line.is_empty() {
                continue;
            }
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = Key::of(strip(key));
            let value = unquote(strip(value));
            match key {
                Key::UserAgent => {
                    if state == 2 {
                        self.add_entry(std::mem::take(&mut entry));
                    }
                    entry.useragents.push(value.into_owned());
                    state = 1;
                }
                Key::Disallow | Key::Allow if state != 0 => {
                    entry
                        .rulelines
                        .push(RuleLine::new(&value, key == Key::Allow)?);
                    state = 2;
                }
                Key::CrawlDelay if state != 0 => {
                    if isdigit(strip(&value)) {
                        entry.delay = Some(py_int(&value)?);
                    }
                    state = 2;
                }
                Key::RequestRate if state != 0 => {
                    let mut numbers = value.split('/');
                    if let (Some(requests), Some(seconds), None) =
                        (numbers.next(), numbers.next(), numbers.next())
                    {
                        if isdigit(strip(requests)) && isdigit(strip(seconds)) {
                            entry.req_rate = Some(RequestRate {
                                requests: py_int(requests)?,
                                seconds: py_int(seconds)?,
                            });
                        }
                    }
                    state = 2;
                }
                Key::Sitemap => self.sitemaps.push(value.into_owned()),
                _ => {}
            }
        }
        if state == 2 {
            self.add_entry(entry);
        }
        Ok(())
    }

    /// `_add_entry(entry)`.
    fn add_entry(&mut self, entry: Entry) {
        if entry.useragents.iter().any(|a| a == "*") {
            // the first default entry wins; it is considered last
            if self.default_entry.is_none() {
                self.default_entry = Some(entry);
            }
        } else {
            self.lowered.push(
                entry
                    .useragents
                    .iter()
                    .map(|a| py_lower(a).into_owned())
                    .collect(),
            );
            self.entries.push(entry);
        }
    }

    /// `can_fetch(useragent, url)`: whether `useragent` may fetch `url`.
    ///
    /// CPython mode: `false` under `disallow_all`, `true` under `allow_all`, `false`
    /// before anything was parsed; else the URL's path, params, query and fragment,
    /// after `unquote` then `quote` (an empty result is `/`), go to the first entry
    /// that applies to the agent, or the default entry, whose first matching rule
    /// decides; `true` when no entry applies. `ValueError` where
    /// `urlparse(unquote(url))` raises.
    ///
    /// RFC mode: the same three flags first, then [`RobotsTxt::can_fetch`]; never
    /// an error.
    ///
    /// ```
    /// use netstd_robotparser::RobotFileParser;
    /// let mut rp = RobotFileParser::default();
    /// rp.parse(["User-agent: *", "Disallow: /a%3cd.html"])?;
    /// assert!(!rp.can_fetch("bot", "http://example.com/a%3Cd.html")?);
    /// assert!(!rp.can_fetch("bot", "http://example.com/a<d.html")?);
    /// # Ok::<(), netstd_robotparser::Error>(())
    /// ```
    pub fn can_fetch(&self, useragent: &str, url: &str) -> Result<bool, Error> {
        if self.disallow_all {
            return Ok(false);
        }
        if self.allow_all {
            return Ok(true);
        }
        if self.last_checked == 0.0 {
            return Ok(false);
        }
        if self.mode == Mode::Rfc9309 {
            return Ok(self.rfc.can_fetch(useragent, url));
        }
        let filename = cpython_filename(url)?;
        if let Some(i) = self.find_entry(useragent) {
            return Ok(self.entries[i].allowance(&filename));
        }
        Ok(self
            .default_entry
            .as_ref()
            .is_none_or(|e| e.allowance(&filename)))
    }

    /// The index of the first entry that applies to `useragent`.
    fn find_entry(&self, useragent: &str) -> Option<usize> {
        if self.entries.is_empty() {
            return None;
        }
        let name = product_name(useragent);
        self.lowered
            .iter()
            .position(|agents| agents.iter().any(|a| name.contains(a.as_str())))
    }

    /// The entry `crawl_delay` and `request_rate` read: the first that applies, else
    /// the default one.
    fn entry_for(&self, useragent: &str) -> Option<&Entry> {
        match self.find_entry(useragent) {
            Some(i) => Some(&self.entries[i]),
            None => self.default_entry.as_ref(),
        }
    }

    /// `crawl_delay(useragent)`: the `Crawl-delay` of the entry that applies (as
    /// `can_fetch` finds it); `None` before anything was parsed, when no entry
    /// applies, or when it has none. RFC mode: see [`RobotsTxt::crawl_delay`].
    ///
    /// ```
    /// use netstd_robotparser::RobotFileParser;
    /// let mut rp = RobotFileParser::default();
    /// rp.parse(["User-agent: slowbot", "Crawl-delay: 10", "", "User-agent: *", "Disallow:"])?;
    /// assert_eq!(rp.crawl_delay("SlowBot/2.0").map(|d| d.to_string()).as_deref(), Some("10"));
    /// assert_eq!(rp.crawl_delay("other"), None);
    /// # Ok::<(), netstd_robotparser::Error>(())
    /// ```
    pub fn crawl_delay(&self, useragent: &str) -> Option<&Int> {
        if self.last_checked == 0.0 {
            return None;
        }
        match self.mode {
            Mode::CPython => self.entry_for(useragent)?.delay.as_ref(),
            Mode::Rfc9309 => self.rfc.crawl_delay(useragent),
        }
    }

    /// `request_rate(useragent)`: the `Request-rate` of the entry that applies, as
    /// [`crawl_delay`](Self::crawl_delay) finds it.
    pub fn request_rate(&self, useragent: &str) -> Option<&RequestRate> {
        if self.last_checked == 0.0 {
            return None;
        }
        match self.mode {
            Mode::CPython => self.entry_for(useragent)?.req_rate.as_ref(),
            Mode::Rfc9309 => self.rfc.request_rate(useragent),
        }
    }

    /// `site_maps()`: the `Sitemap` URLs in file order (unquoted in CPython mode), or
    /// `None` when there are none.
    pub fn site_maps(&self) -> Option<&[String]> {
        let maps = match self.mode {
            Mode::CPython => &self.sitemaps[..],
            Mode::Rfc9309 => self.rfc.sitemaps(),
        };
        (!maps.is_empty()).then_some(maps)
    }
}

/// The names `parse` knows, as `line[0].strip().lower()` compares them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    UserAgent,
    Disallow,
    Allow,
    CrawlDelay,
    RequestRate,
    Sitemap,
    Other,
}

impl Key {
    /// The name a (stripped) key stands for once lower-cased.
    fn of(key: &str) -> Key {
        // Python lowers with Unicode's rules, and U+212A KELVIN SIGN lowers to "k":
        // lower non-ASCII keys as CPython does, ASCII ones in place
        let lowered = if key.is_ascii() {
            Cow::Borrowed(key)
        } else {
            py_lower(key)
        };
        let k = lowered.as_bytes();
        for (name, key) in [
            (&b"user-agent"[..], Key::UserAgent),
            (b"disallow", Key::Disallow),
            (b"allow", Key::Allow),
            (b"crawl-delay", Key::CrawlDelay),
            (b"request-rate", Key::RequestRate),
            (b"sitemap", Key::Sitemap),
        ] {
            if k.eq_ignore_ascii_case(name) {
                return key;
            }
        }
        Key::Other
    }
}

/// `int(s)` where `s.strip().isdigit()`, raising CPython's `ValueError`.
fn py_int(s: &str) -> Result<Int, Error> {
    int(s).ok_or_else(|| {
        Error::ValueError(format!(
            "invalid literal for int() with base 10: {}",
            netstd_urlparse::py_repr(s)
        ))
    })
}

/// What CPython's `can_fetch` compares rules with:
/// `quote(urlunparse(('', '', path, params, query, fragment)))` of
/// `urlparse(unquote(url))`, `/` when empty.
fn cpython_filename(url: &str) -> Result<Cow<'_, str>, Error> {
    match simple_filename(url) {
        Some(fast) => Ok(fast),
        None => full_filename(url).map(Cow::Owned),
    }
}

/// [`cpython_filename`] as CPython computes it.
fn full_filename(url: &str) -> Result<String, Error> {
    let p = urlparse(&unquote(url))?;
    let (_, _, path, params, query, fragment) = p.as_tuple();
    let joined = urlunparse(("", "", path, params, query, fragment));
    let quoted = quote(&joined);
    Ok(if quoted.is_empty() {
        "/".to_owned()
    } else {
        quoted.into_owned()
    })
}

/// [`cpython_filename`] without urlparse's allocations, for the common URL it can
/// take apart by hand: ASCII, no `%` (so `unquote` changes nothing), nothing
/// `urlsplit` strips or removes (leading C0 or space, TAB, CR, LF), no brackets
/// (no netloc checks), no `;` or `#` (no params, no fragment), and no path
/// starting with `//` (which `urlunsplit` writes back otherwise). `None` for any
/// other URL. The equivalence with the full path is tested below.
fn simple_filename(url: &str) -> Option<Cow<'_, str>> {
    let b = url.as_bytes();
    if b.first().is_none_or(|&c| c <= b' ')
        || b.iter().any(|c| {
            !c.is_ascii() || matches!(c, b'%' | b'\t' | b'\r' | b'\n' | b'[' | b']' | b';' | b'#')
        })
    {
        return None;
    }
    let mut rest = url;
    if let Some(i) = memchr::memchr(b':', b) {
        let scheme = &b[..i];
        if i > 0
            && scheme[0].is_ascii_alphabetic()
            && scheme
                .iter()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
        {
            rest = &url[i + 1..];
        }
    }
    if let Some(after) = rest.strip_prefix("//") {
        let end = after.find(['/', '?']).unwrap_or(after.len());
        rest = &after[end..];
    }
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path.starts_with("//") {
        return None;
    }
    let path = quote(path);
    Some(if !query.is_empty() {
        Cow::Owned(format!("{path}%3F{}", quote(query)))
    } else if path.is_empty() {
        Cow::Borrowed("/")
    } else {
        path
    })
}

impl fmt::Display for RobotFileParser {
    /// `str(parser)`: the entries then the default entry, separated by an empty line.
    /// RFC mode: the groups, the same way.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mode == Mode::Rfc9309 {
            return fmt::Display::fmt(&self.rfc, f);
        }
        let mut first = true;
        for e in self.entries.iter().chain(self.default_entry.as_ref()) {
            if !first {
                f.write_str("\n\n")?;
            }
            first = false;
            fmt::Display::fmt(e, f)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::simple_path;

    /// Strings over an alphabet of what URLs and paths hold, URL syntax included.
    fn samples() -> Vec<String> {
        const ALPHA: [&str; 32] = [
            "/",
            "//",
            "a",
            "B",
            ":",
            "?",
            "#",
            ";",
            "%",
            "%41",
            "%2F",
            "%zz",
            "[",
            "]",
            "@",
            " ",
            "\t",
            "\n",
            "\u{0}",
            "é",
            "http",
            "https://",
            "h.example",
            ":80",
            "+",
            "-",
            ".",
            "~",
            "*",
            "$",
            "=",
            "&",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut out = vec![
            String::new(),
            "/".into(),
            "http://h".into(),
            "http://h/".into(),
        ];
        for _ in 0..200_000 {
            let n = next() % 9;
            let mut s = String::new();
            for _ in 0..n {
                s.push_str(ALPHA[(next() % ALPHA.len() as u64) as usize]);
            }
            out.push(s);
        }
        out
    }

    #[test]
    fn simple_filename_is_cpythons() {
        let mut fast = 0;
        for url in samples() {
            if let Some(f) = simple_filename(&url) {
                fast += 1;
                assert_eq!(Ok(f.into_owned()), full_filename(&url), "url {url:?}");
            }
        }
        assert!(fast > 10_000, "{fast}");
    }

    #[test]
    fn simple_path_round_trips() {
        for path in samples() {
            if simple_path(&path) {
                let p = urlparse(&path).unwrap();
                let (a, b, c, d, e, f) = p.as_tuple();
                assert_eq!(urlunparse((a, b, c, d, e, f)), path, "path {path:?}");
            }
        }
    }
}
