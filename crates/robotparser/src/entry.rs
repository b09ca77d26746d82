//! CPython's `Entry` and `RuleLine`: one group of a robots.txt and its rules, with
//! CPython's matching (first rule wins, prefix of the quoted path).

use std::fmt;

use netstd_urlparse::{py_lower, quote, urlparse, urlunparse};

use crate::{Error, Int, RequestRate};

/// Python's `urllib.robotparser.RuleLine`: an `Allow:` (`allowance == true`) or
/// `Disallow:` line and its path, normalised as CPython does
/// (`quote(urlunparse(urlparse(path)))`).
///
/// ```
/// use netstd_robotparser::RuleLine;
/// let r = RuleLine::new("/a b/", false)?;
/// assert_eq!(r.to_string(), "Disallow: /a%20b/");
/// assert!(r.applies_to("/a%20b/c.html"));
/// // an empty Disallow allows everything
/// assert!(RuleLine::new("", false)?.allowance);
/// # Ok::<(), netstd_robotparser::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RuleLine {
    /// `path`: the quoted path the rule applies to (as a prefix).
    pub path: String,
    /// `allowance`: `true` for `Allow`, `false` for `Disallow`.
    pub allowance: bool,
}

impl RuleLine {
    /// `RuleLine(path, allowance)`: `path` is the rule's value after `unquote`. An
    /// empty `Disallow` becomes an `Allow`. `ValueError` where `urlparse(path)` raises.
    ///
    /// ```
    /// let r = netstd_robotparser::RuleLine::new("/ünï", true)?;
    /// assert_eq!(r.path, "/%C3%BCn%C3%AF");
    /// # Ok::<(), netstd_robotparser::Error>(())
    /// ```
    pub fn new(path: &str, allowance: bool) -> Result<RuleLine, Error> {
        let allowance = allowance || path.is_empty();
        if simple_path(path) {
            // urlunparse(urlparse(path)) gives such a path back as it is
            return Ok(RuleLine {
                path: quote(path).into_owned(),
                allowance,
            });
        }
        let p = urlparse(path)?;
        let (scheme, netloc, path, params, query, fragment) = p.as_tuple();
        let path = urlunparse((scheme, netloc, path, params, query, fragment));
        Ok(RuleLine {
            path: quote(&path).into_owned(),
            allowance,
        })
    }

    /// `applies_to(filename)`: the path is `*` (which CPython's quoting never leaves)
    /// or a prefix of `filename`, the quoted path of the URL asked about.
    ///
    /// ```
    /// let r = netstd_robotparser::RuleLine::new("/tmp", false)?;
    /// assert!(r.applies_to("/tmp.html") && !r.applies_to("/tm"));
    /// # Ok::<(), netstd_robotparser::Error>(())
    /// ```
    pub fn applies_to(&self, filename: &str) -> bool {
        self.path == "*" || filename.starts_with(&self.path)
    }
}

/// Whether `urlunparse(urlparse(path)) == path` without parsing: an absolute path
/// (not `//`, which starts a netloc) without what urlsplit strips, removes or splits
/// at (`:` of a scheme, `?`, `#`, `;`, TAB, CR, LF).
pub(crate) fn simple_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path
            .bytes()
            .any(|b| matches!(b, b':' | b'?' | b'#' | b';' | b'\t' | b'\r' | b'\n'))
}

impl fmt::Display for RuleLine {
    /// `str(ruleline)`: `Allow: path` or `Disallow: path`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.allowance { "Allow" } else { "Disallow" };
        write!(f, "{what}: {}", self.path)
    }
}

/// Python's `urllib.robotparser.Entry`: the user agents of a group, its rules in file
/// order, and its `Crawl-delay` and `Request-rate`.
///
/// ```
/// use netstd_robotparser::{Entry, RuleLine};
/// let mut e = Entry::new();
/// e.useragents.push("FigTree".into());
/// e.rulelines.push(RuleLine::new("/tmp", false)?);
/// assert!(e.applies_to("FigTree/1.0 robot"));
/// assert!(!e.allowance("/tmp/x"));
/// assert_eq!(e.to_string(), "User-agent: FigTree\nDisallow: /tmp");
/// # Ok::<(), netstd_robotparser::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entry {
    /// `useragents`: the values of the group's `User-agent` lines, unquoted.
    pub useragents: Vec<String>,
    /// `rulelines`: the `Allow` and `Disallow` lines, in file order.
    pub rulelines: Vec<RuleLine>,
    /// `delay`: the last valid `Crawl-delay`, if any.
    pub delay: Option<Int>,
    /// `req_rate`: the last valid `Request-rate`, if any.
    pub req_rate: Option<RequestRate>,
}

impl Entry {
    /// `Entry()`: no user agents, no rules.
    pub fn new() -> Entry {
        Entry::default()
    }

    /// `applies_to(useragent)`: whether one of the entry's user agents is `*`, or,
    /// lower-cased, a substring of `useragent.split('/')[0].lower()`. (An empty
    /// `User-agent:` value so applies to every agent.)
    pub fn applies_to(&self, useragent: &str) -> bool {
        let name = product_name(useragent);
        self.useragents
            .iter()
            .any(|agent| agent == "*" || name.contains(&*py_lower(agent)))
    }

    /// `allowance(filename)`: the allowance of the first rule that applies to
    /// `filename` (a quoted path), `true` when none does.
    pub fn allowance(&self, filename: &str) -> bool {
        self.rulelines
            .iter()
            .find(|r| r.applies_to(filename))
            .is_none_or(|r| r.allowance)
    }
}

/// `useragent.split("/")[0].lower()`.
pub(crate) fn product_name(useragent: &str) -> std::borrow::Cow<'_, str> {
    let name = useragent.split('/').next().unwrap_or("");
    py_lower(name)
}

impl fmt::Display for Entry {
    /// `str(entry)`: its `User-agent` lines, `Crawl-delay`, `Request-rate`, then its
    /// rules, one a line.
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
        for r in &self.rulelines {
            lines.push(r.to_string());
        }
        f.write_str(&lines.join("\n"))
    }
}
