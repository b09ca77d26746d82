//! Beyond Python: robots.txt as RFC 9309 reads it, and as [`Mode::Rfc9309`]
//! answers.
//!
//! - Lines end at CR, LF or CRLF; `#` starts a comment; a record is `name: value`,
//!   the name case-insensitive. A leading UTF-8 byte order mark (or a part of one,
//!   as Google's parser allows) is skipped. Only the first 500 KiB (512,000 bytes) are
//!   read; a line the limit cuts is dropped.
//! - A group is one or more `User-agent` lines then its rules; a `User-agent` line
//!   after a rule starts the next group. Other records (`Sitemap`, `Crawl-delay`,
//!   unknown names) and empty lines neither start nor end a group. Rules before the
//!   first `User-agent` line are ignored.
//! - A group's product token is the leading run of `[a-zA-Z_-]` of its `User-agent`
//!   value (`Googlebot/2.1` and `Googlebot Images` name `Googlebot`); `*` (alone or
//!   before a space) is the global group. The crawler's token, taken the same way
//!   from the agent passed to [`RobotsTxt::can_fetch`], matches case-insensitively.
//!   All the groups naming it are merged; when none does, all the `*` groups are; when
//!   there are none, everything is allowed.
//! - Of the rules that match the URL's path (with its params and query), the one
//!   with the longest pattern (in octets, after normalisation) wins; on a tie, `Allow`
//!   wins. `*` matches any run of characters, `$` at the end of a pattern anchors it.
//!   An empty pattern matches nothing. `/robots.txt` is always allowed.
//! - Patterns and paths are normalised alike before matching (RFC 9309 section
//!   2.2.2): octets outside printable US-ASCII are percent-encoded, `%xx` escapes of
//!   unreserved characters (`A-Z a-z 0-9 - . _ ~`) are decoded, others are written
//!   with upper-case hex digits, and a `%` that starts no escape becomes `%25`.
//! - `Crawl-delay: N` and `Request-rate: N/M` (ASCII digits) are read as extensions;
//!   in a merged group the last one in file order counts.
//!
//! ```
//! use netstd_robotparser::rfc9309::RobotsTxt;
//! let robots = RobotsTxt::parse(b"User-agent: FooBot\nDisallow: /\nAllow: /fish*.php$\n");
//! assert!(robots.can_fetch("FooBot", "https://example.com/fishheads/cat.php"));
//! assert!(!robots.can_fetch("foobot/2.1", "https://example.com/fish.php?x=1"));
//! assert!(robots.can_fetch("OtherBot", "https://example.com/"));
//! ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use memchr::memmem;

#[cfg(doc)]
use crate::Mode;
use crate::{Int, RequestRate};

/// How many bytes of a robots.txt are parsed: 500 KiB, the least RFC 9309 allows.
pub const MAX_SIZE: usize = 500 * 1024;

/// One rule of a group: `Allow` or `Disallow` and its normalised pattern.
///
/// ```
/// use netstd_robotparser::rfc9309::Rule;
/// let r = Rule::new("/fish*.php$", true);
/// assert!(r.matches("/fishheads/cat.php") && !r.matches("/fish.php5"));
/// assert_eq!(r.to_string(), "Allow: /fish*.php$");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pattern: String,
    allow: bool,
    /// Where the pattern's pieces between `*`s lie in it: the first (up to the first
    /// `*`), the non-empty middle ones, and the last (after the last `*`, when there
    /// is a `*`); all without the final `$` of an anchored pattern.
    first: Range,
    middle: Vec<Range>,
    last: Option<Range>,
    /// Whether the pattern ends with `$`.
    anchored: bool,
}

/// A byte range of a rule's pattern.
type Range = (u32, u32);

impl Rule {
    /// A rule for `pattern` (normalised here: see the module docs); `allow` for
    /// `Allow`, else `Disallow`.
    pub fn new(pattern: &str, allow: bool) -> Rule {
        Rule::from_bytes(pattern.as_bytes(), allow)
    }

    fn from_bytes(pattern: &[u8], allow: bool) -> Rule {
        let pattern = normalize(pattern).into_owned();
        let anchored = pattern.ends_with('$');
        let body = &pattern.as_bytes()[..pattern.len() - usize::from(anchored)];
        // patterns come from lines of a file of at most 500 KiB (or a caller's
        // string): offsets past u32 are clamped, which only shortens what matches
        let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        let mut stars = memchr::memchr_iter(b'*', body);
        let (first, last, middle) = match stars.next() {
            None => ((0, at(body.len())), None, Vec::new()),
            Some(first_star) => {
                let mut middle = Vec::new();
                let mut start = first_star + 1;
                for star in stars {
                    if star > start {
                        middle.push((at(start), at(star)));
                    }
                    start = star + 1;
                }
                (
                    (0, at(first_star)),
                    Some((at(start), at(body.len()))),
                    middle,
                )
            }
        };
        Rule {
            allow,
            first,
            middle,
            last,
            anchored,
            pattern,
        }
    }

    /// The normalised pattern.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// Whether this is an `Allow` rule.
    pub fn allow(&self) -> bool {
        self.allow
    }

    /// Whether the pattern matches `path`, a normalised path (see [`normalize`]).
    /// An empty pattern matches nothing.
    pub fn matches(&self, path: &str) -> bool {
        self.matches_bytes(path.as_bytes())
    }

    fn piece(&self, (start, end): Range) -> &[u8] {
        self.pattern
            .as_bytes()
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    fn matches_bytes(&self, path: &[u8]) -> bool {
        if self.pattern.is_empty() {
            return false;
        }
        let Some(mut tail) = path.strip_prefix(self.piece(self.first)) else {
            return false;
        };
        let Some(last) = self.last else {
            return !self.anchored || tail.is_empty();
        };
        for &range in &self.middle {
            let piece = self.piece(range);
            match memmem::find(tail, piece) {
                Some(i) => tail = &tail[i + piece.len()..],
                None => return false,
            }
        }
        let last = self.piece(last);
        if self.anchored {
            tail.ends_with(last)
        } else {
            last.is_empty() || memmem::find(tail, last).is_some()
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.allow { "Allow" } else { "Disallow" };
        write!(f, "{what}: {}", self.pattern)
    }
}

/// A group: its `User-agent` values and its rules, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Group {
    /// The `User-agent` values as written (invalid UTF-8 replaced).
    pub useragents: Vec<String>,
    /// The `Allow` and `Disallow` rules with a non-empty pattern.
    pub rules: Vec<Rule>,
    /// The last valid `Crawl-delay`.
    pub delay: Option<Int>,
    /// The last valid `Request-rate`.
    pub req_rate: Option<RequestRate>,
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut lines: Vec<String> = Vec::new();
        for agent in &self.useragents {
            lines.push(format!("User-agent: {agent}"));
        }
        if let Some(d) = &self.delay {
            lines.push(format!("Crawl-delay: {d}"));
        }
        if let Some(r) = &self.req_rate {
            lines.push(format!("Request-rate: {}/{}", r.requests, r.seconds));
        }
        for r in &self.rules {
            lines.push(r.to_string());
        }
        f.write_str(&lines.join("\n"))
    }
}

/// A parsed robots.txt under RFC 9309, answering for any user agent.
///
/// ```
/// use netstd_robotparser::rfc9309::RobotsTxt;
/// let robots = RobotsTxt::parse(b"User-agent: *\nDisallow: /x\nAllow: /x/\n");
/// assert!(!robots.can_fetch("bot", "/x"));
/// assert!(robots.can_fetch("bot", "/x/"));
/// assert!(robots.can_fetch("bot", "/robots.txt"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct RobotsTxt {
    groups: Vec<Group>,
    sitemaps: Vec<String>,
    /// Lower-cased product token -> the groups naming it, in file order.
    by_token: HashMap<String, Vec<usize>>,
    /// The groups naming `*`.
    global: Vec<usize>,
    /// Per group, its rule indices by precedence: longest pattern first, `Allow` first.
    order: Vec<Vec<u32>>,
    /// Parser state carried between `parse_lines` calls: the open group, and whether
    /// it has seen a rule (so a `User-agent` line starts a new one).
    open: Option<usize>,
    seen_rule: bool,
}

impl RobotsTxt {
    /// An empty robots.txt: everything allowed.
    pub fn new() -> RobotsTxt {
        RobotsTxt::default()
    }

    /// Parses a robots.txt body: its first 500 KiB ([`MAX_SIZE`]), lines ending at CR,
    /// LF or CRLF, a leading UTF-8 byte order mark skipped.
    pub fn parse(body: &[u8]) -> RobotsTxt {
        let mut r = RobotsTxt::new();
        r.parse_more(body);
        r
    }

    /// Parses `body` as [`parse`](Self::parse) does, adding to what was read.
    pub fn parse_more(&mut self, body: &[u8]) {
        let mut body = body;
        if body.len() > MAX_SIZE {
            let cut_in_line = !matches!(body[MAX_SIZE], b'\n' | b'\r');
            body = &body[..MAX_SIZE];
            if cut_in_line {
                // drop the line the limit cuts
                let end = memchr::memrchr2(b'\n', b'\r', body).map_or(0, |i| i + 1);
                body = &body[..end];
            }
        }
        for bom in [&b"\xef\xbb\xbf"[..], b"\xef\xbb", b"\xef"] {
            if let Some(rest) = body.strip_prefix(bom) {
                body = rest;
                break;
            }
        }
        let mut rest = body;
        while !rest.is_empty() {
            let end = memchr::memchr2(b'\n', b'\r', rest).unwrap_or(rest.len());
            self.line(&rest[..end]);
            rest = &rest[end..];
            if rest.starts_with(b"\r\n") {
                rest = &rest[2..];
            } else if !rest.is_empty() {
                rest = &rest[1..];
            }
        }
        self.reindex();
    }

    /// Parses lines already split, adding to what was read; stops at 500 KiB (each
    /// line end counted as one byte; a line the limit cuts is dropped).
    pub fn parse_lines<I>(&mut self, lines: I)
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let mut used = 0usize;
        for line in lines {
            let line = line.as_ref().as_bytes();
            if used + line.len() > MAX_SIZE {
                break;
            }
            used += line.len() + 1;
            // a line that itself holds CR or LF holds several lines
            for part in line.split(|b| matches!(b, b'\n' | b'\r')) {
                self.line(part);
            }
        }
        self.reindex();
    }

    fn line(&mut self, line: &[u8]) {
        let line = match memchr::memchr(b'#', line) {
            Some(i) => &line[..i],
            None => line,
        };
        let Some(colon) = memchr::memchr(b':', line) else {
            return;
        };
        let key = trim(&line[..colon]);
        let value = trim(&line[colon + 1..]);
        if key.eq_ignore_ascii_case(b"user-agent") {
            let open = match self.open {
                Some(i) if !self.seen_rule => i,
                _ => {
                    self.groups.push(Group::default());
                    self.seen_rule = false;
                    self.groups.len() - 1
                }
            };
            self.open = Some(open);
            self.groups[open]
                .useragents
                .push(String::from_utf8_lossy(value).into_owned());
        } else if key.eq_ignore_ascii_case(b"allow") || key.eq_ignore_ascii_case(b"disallow") {
            if let Some(open) = self.open {
                self.seen_rule = true;
                if !value.is_empty() {
                    let allow = key.len() == 5;
                    self.groups[open].rules.push(Rule::from_bytes(value, allow));
                }
            }
        } else if key.eq_ignore_ascii_case(b"sitemap") {
            if !value.is_empty() {
                self.sitemaps
                    .push(String::from_utf8_lossy(value).into_owned());
            }
        } else if key.eq_ignore_ascii_case(b"crawl-delay") {
            if let (Some(open), Some(n)) = (self.open, ascii_int(value)) {
                self.groups[open].delay = Some(n);
            }
        } else if key.eq_ignore_ascii_case(b"request-rate") {
            let Some(open) = self.open else { return };
            if let Some(slash) = memchr::memchr(b'/', value) {
                let (r, s) = (trim(&value[..slash]), trim(&value[slash + 1..]));
                if let (Some(requests), Some(seconds)) = (ascii_int(r), ascii_int(s)) {
                    self.groups[open].req_rate = Some(RequestRate { requests, seconds });
                }
            }
        }
    }

    /// Rebuilds the token index and the rule orders after parsing.
    fn reindex(&mut self) {
        self.by_token.clear();
        self.global.clear();
        self.order.clear();
        for (i, g) in self.groups.iter().enumerate() {
            for agent in &g.useragents {
                let a = agent.as_bytes();
                if a.first() == Some(&b'*') && a.get(1).is_none_or(|b| b.is_ascii_whitespace()) {
                    if self.global.last() != Some(&i) {
                        self.global.push(i);
                    }
                    continue;
                }
                let token = product_token(agent);
                if token.is_empty() {
                    continue;
                }
                let list = self.by_token.entry(token.to_ascii_lowercase()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
            let mut order: Vec<u32> = (0..g.rules.len())
                .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
                .collect();
            order.sort_by_key(|&r| {
                let rule = &g.rules[r as usize];
                (std::cmp::Reverse(rule.pattern.len()), !rule.allow)
            });
            self.order.push(order);
        }
    }

    /// The groups a user agent obeys: those naming its product token, else the `*` ones.
    fn groups_for(&self, useragent: &str) -> &[usize] {
        let token = product_token(useragent);
        if !token.is_empty() {
            let found = if token.bytes().any(|b| b.is_ascii_uppercase()) {
                // lower-case short tokens on the stack: no allocation per query
                let mut buf = [0u8; 64];
                match buf.get_mut(..token.len()) {
                    Some(lower) => {
                        lower.copy_from_slice(token.as_bytes());
                        lower.make_ascii_lowercase();
                        // the token is ASCII, so is its lower case
                        std::str::from_utf8(lower)
                            .ok()
                            .and_then(|l| self.by_token.get(l))
                    }
                    None => self.by_token.get(&token.to_ascii_lowercase()),
                }
            } else {
                self.by_token.get(token)
            };
            if let Some(groups) = found {
                return groups;
            }
        }
        &self.global
    }

    /// Whether `useragent` may fetch `url` (an absolute URL, or a path): see the
    /// module docs. The agent's product token is its leading run of `[a-zA-Z_-]`.
    pub fn can_fetch(&self, useragent: &str, url: &str) -> bool {
        let path = path_params_query(url);
        let path = normalize(path.as_bytes());
        if path == "/robots.txt" {
            return true;
        }
        let path = path.as_bytes();
        // the best match: (pattern length, allow)
        let mut best: Option<(usize, bool)> = None;
        for &g in self.groups_for(useragent) {
            let rules = &self.groups[g].rules;
            for &r in &self.order[g] {
                let rule = &rules[r as usize];
                if best.is_some_and(|(len, allow)| {
                    rule.pattern.len() < len
                        || (rule.pattern.len() == len && (allow || !rule.allow))
                }) {
                    break;
                }
                if rule.matches_bytes(path) {
                    best = Some((rule.pattern.len(), rule.allow));
                    break;
                }
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }

    /// The `Crawl-delay` of the groups `useragent` obeys (the last in file order).
    pub fn crawl_delay(&self, useragent: &str) -> Option<&Int> {
        self.groups_for(useragent)
            .iter()
            .rev()
            .find_map(|&g| self.groups[g].delay.as_ref())
    }

    /// The `Request-rate` of the groups `useragent` obeys (the last in file order).
    pub fn request_rate(&self, useragent: &str) -> Option<&RequestRate> {
        self.groups_for(useragent)
            .iter()
            .rev()
            .find_map(|&g| self.groups[g].req_rate.as_ref())
    }

    /// The `Sitemap` values, in file order.
    pub fn sitemaps(&self) -> &[String] {
        &self.sitemaps
    }

    /// The groups, in file order.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }
}

impl fmt::Display for RobotsTxt {
    /// The groups as `RobotFileParser`'s `str()` writes entries, an empty line apart.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, g) in self.groups.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            fmt::Display::fmt(g, f)?;
        }
        Ok(())
    }
}

/// SP, HTAB and the other ASCII white space around a name or value.
fn trim(b: &[u8]) -> &[u8] {
    b.trim_ascii()
}

/// A count of ASCII digits (no sign, no space inside), of any size.
fn ascii_int(b: &[u8]) -> Option<Int> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let start = b.iter().position(|&d| d != b'0').unwrap_or(b.len() - 1);
    Some(Int::from_canonical(
        String::from_utf8_lossy(&b[start..]).into_owned(),
    ))
}

/// The product token of a user agent: its leading run of `[a-zA-Z_-]`.
///
/// ```
/// use netstd_robotparser::rfc9309::product_token;
/// assert_eq!(product_token("Googlebot/2.1 (+http://www.google.com/bot.html)"), "Googlebot");
/// assert_eq!(product_token("Foo_Bar-baz Images"), "Foo_Bar-baz");
/// assert_eq!(product_token("*"), "");
/// ```
pub fn product_token(useragent: &str) -> &str {
    let end = useragent
        .bytes()
        .position(|b| !(b.is_ascii_alphabetic() || b == b'-' || b == b'_'))
        .unwrap_or(useragent.len());
    &useragent[..end]
}

/// The path, params and query of `url`, without scheme, authority and fragment;
/// `/` when empty, with a `/` put before a result that starts with `?` or `;`.
/// A URL without a scheme is read as `host/path` (as Google's `GetPathParamsQuery`).
///
/// ```
/// use netstd_robotparser::rfc9309::path_params_query;
/// assert_eq!(path_params_query("http://www.example.com/a/b?c=d&e=f#fragment"), "/a/b?c=d&e=f");
/// assert_eq!(path_params_query("example.com?a"), "/?a");
/// assert_eq!(path_params_query("/a"), "/a");
/// assert_eq!(path_params_query(""), "/");
/// ```
pub fn path_params_query(url: &str) -> Cow<'_, str> {
    let b = url.as_bytes();
    let search_start = if b.starts_with(b"//") { 2 } else { 0 };
    let find_any = |from: usize, set: &[u8]| -> Option<usize> {
        b.get(from..)?
            .iter()
            .position(|c| set.contains(c))
            .map(|i| i + from)
    };
    let early_path = find_any(search_start, b"/?;");
    let mut protocol_end = memmem::find(&b[search_start..], b"://").map(|i| i + search_start);
    if let (Some(e), Some(p)) = (early_path, protocol_end) {
        if e < p {
            // a path, params or query before :// means :// is no scheme end
            protocol_end = None;
        }
    }
    let protocol_end = protocol_end.map_or(search_start, |p| p + 3);
    let Some(path_start) = find_any(protocol_end, b"/?;") else {
        return Cow::Borrowed("/");
    };
    let hash = memchr::memchr(b'#', &b[search_start..]).map(|i| i + search_start);
    if hash.is_some_and(|h| h < path_start) {
        return Cow::Borrowed("/");
    }
    let path_end = hash.unwrap_or(b.len());
    let path = &url[path_start..path_end];
    if b[path_start] == b'/' {
        Cow::Borrowed(path)
    } else {
        Cow::Owned(format!("/{path}"))
    }
}

/// Whether `b` is an RFC 3986 unreserved character.
fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Whether a byte is kept as it is (printable US-ASCII other than `%`).
fn plain(b: u8) -> bool {
    (0x21..0x7f).contains(&b) && b != b'%'
}

/// Whether the two bytes after a `%` are an escape [`normalize`] leaves as it is:
/// upper-case hex digits of a character that is not unreserved.
fn kept_escape(digits: Option<&[u8]>) -> bool {
    let Some(&[h, l]) = digits else {
        return false;
    };
    match (hex_value(h), hex_value(l)) {
        (Some(hv), Some(lv)) => {
            !unreserved(hv * 16 + lv) && !h.is_ascii_lowercase() && !l.is_ascii_lowercase()
        }
        _ => false,
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// RFC 9309's percent-encoding normalisation of a path or pattern: octets outside
/// printable US-ASCII percent-encoded, escapes of unreserved characters decoded,
/// other escapes in upper case, a stray `%` as `%25`. The result is ASCII.
///
/// ```
/// use netstd_robotparser::rfc9309::normalize;
/// assert_eq!(normalize("/foo/bar/ツ".as_bytes()), "/foo/bar/%E3%83%84");
/// assert_eq!(normalize(b"/foo/bar/%62%61%7A"), "/foo/bar/baz");
/// assert_eq!(normalize(b"/a%2fb%aa%"), "/a%2Fb%AA%25");
/// assert_eq!(normalize(b"/x?y=http://z"), "/x?y=http://z");
/// ```
pub fn normalize(path: &[u8]) -> Cow<'_, str> {
    let clean = path
        .iter()
        .enumerate()
        .all(|(i, &b)| plain(b) || (b == b'%' && kept_escape(path.get(i + 1..i + 3))));
    if clean {
        // printable ASCII only, so valid UTF-8
        if let Ok(s) = std::str::from_utf8(path) {
            return Cow::Borrowed(s);
        }
    }
    let mut out = String::with_capacity(path.len() + path.len() / 2);
    let mut i = 0;
    while i < path.len() {
        let b = path[i];
        if b == b'%' {
            if let (Some(h), Some(l)) = (
                path.get(i + 1).copied().and_then(hex_value),
                path.get(i + 2).copied().and_then(hex_value),
            ) {
                let v = h * 16 + l;
                if unreserved(v) {
                    out.push(char::from(v));
                } else {
                    push_escape(&mut out, v);
                }
                i += 3;
                continue;
            }
            out.push_str("%25");
        } else if plain(b) {
            out.push(char::from(b));
        } else {
            push_escape(&mut out, b);
        }
        i += 1;
    }
    Cow::Owned(out)
}

fn push_escape(out: &mut String, b: u8) {
    out.push('%');
    out.push(char::from(HEX[usize::from(b >> 4)]));
    out.push(char::from(HEX[usize::from(b & 15)]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        let m = |p: &str, path: &str| Rule::new(p, true).matches(path);
        assert!(m("/", "/x"));
        assert!(m("/*", "/"));
        assert!(m("/x$", "/x") && !m("/x$", "/xy"));
        assert!(m("/*.php$", "/a.php") && !m("/*.php$", "/a.php?x"));
        assert!(m("/a*b*c", "/aXbYcZ") && !m("/a*b*c", "/aXcYb"));
        assert!(m("/a**b", "/aXXb"));
        assert!(m("*", "/anything") && m("$", "") && !m("$", "/"));
        assert!(m("/a*$", "/abc"));
        assert!(m("/a$b", "/a$b"));
        assert!(m("/ab*ab$", "/abab") && !m("/ab*ab$", "/aba"));
        assert!(!m("", "/"));
    }

    #[test]
    fn limit_and_bom() {
        let mut body = b"\xef\xbb\xbfUser-agent: *\nDisallow: /a\n".to_vec();
        let r = RobotsTxt::parse(&body);
        assert!(!r.can_fetch("x", "/a"));
        body.resize(MAX_SIZE - 3, b'#');
        body.extend_from_slice(b"\nDisallow: /b\n");
        let r = RobotsTxt::parse(&body);
        assert!(r.can_fetch("x", "/b"));
    }
}
