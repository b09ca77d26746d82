//! `http.cookiejar.Cookie`.

use std::fmt;

use netstd_urlparse::py_repr;

/// `http.cookiejar.Cookie`: one cookie, Netscape or RFC 2965, with every
/// attribute CPython keeps. Fields are public, like Python's attributes.
///
/// ```
/// use netstd_cookiejar::Cookie;
/// let mut c = Cookie::new("sid", Some("1"), "Example.com", "/");
/// assert_eq!(c.domain, "example.com");
/// c.expires = Some(100);
/// assert!(c.is_expired(Some(100)));
/// assert_eq!(c.to_string(), "<Cookie sid=1 for example.com/>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cookie {
    /// `version`: 0 for Netscape cookies, 1 for RFC 2965 ones; `None` when a
    /// `Set-Cookie2` header gave none (DefaultCookiePolicy refuses such cookies).
    pub version: Option<i64>,
    /// `name`.
    pub name: String,
    /// `value`: `None` for a cookie set as a bare name.
    pub value: Option<String>,
    /// `port`: the port list (`"80,8080"`), `None` for any port.
    pub port: Option<String>,
    /// `port_specified`: the server gave a port list.
    pub port_specified: bool,
    /// `domain` (lowercase).
    pub domain: String,
    /// `domain_specified`: the server gave the domain.
    pub domain_specified: bool,
    /// `domain_initial_dot`: the domain the server gave started with a dot.
    pub domain_initial_dot: bool,
    /// `path`.
    pub path: String,
    /// `path_specified`: the server gave the path.
    pub path_specified: bool,
    /// `secure`: return the cookie over secure protocols only.
    pub secure: bool,
    /// `expires`: seconds since the epoch, `None` for a session cookie.
    pub expires: Option<i64>,
    /// `discard`: a session cookie.
    pub discard: bool,
    /// `comment`.
    pub comment: Option<String>,
    /// `comment_url`.
    pub comment_url: Option<String>,
    /// `rfc2109`: an RFC 2109 cookie (a `Set-Cookie` with `Version=1`).
    pub rfc2109: bool,
    /// `_rest`: the non-standard attributes, in order (`HttpOnly` lands here).
    pub rest: Vec<(String, Option<String>)>,
}

impl Cookie {
    /// `Cookie(0, name, value, None, False, domain, False, False, path, False,
    /// False, None, False, None, None, {})`: a session Netscape cookie; set the other
    /// fields directly. The domain is lowercased as CPython does.
    pub fn new(name: &str, value: Option<&str>, domain: &str, path: &str) -> Cookie {
        Cookie {
            version: Some(0),
            name: name.to_owned(),
            value: value.map(str::to_owned),
            port: None,
            port_specified: false,
            domain: domain.to_lowercase(),
            domain_specified: false,
            domain_initial_dot: false,
            path: path.to_owned(),
            path_specified: false,
            secure: false,
            expires: None,
            discard: false,
            comment: None,
            comment_url: None,
            rfc2109: false,
            rest: Vec::new(),
        }
    }

    /// `cookie.has_nonstandard_attr(name)`.
    ///
    /// ```
    /// let mut c = netstd_cookiejar::Cookie::new("a", Some("b"), "x.com", "/");
    /// c.set_nonstandard_attr("HttpOnly", None);
    /// assert!(c.has_nonstandard_attr("HttpOnly"));
    /// assert_eq!(c.get_nonstandard_attr("HttpOnly"), Some(None));
    /// ```
    pub fn has_nonstandard_attr(&self, name: &str) -> bool {
        self.rest.iter().any(|(k, _)| k == name)
    }

    /// `cookie.get_nonstandard_attr(name)`: `None` when absent, `Some(None)` for
    /// an attribute without a value.
    pub fn get_nonstandard_attr(&self, name: &str) -> Option<Option<&str>> {
        self.rest
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_deref())
    }

    /// `cookie.set_nonstandard_attr(name, value)`.
    pub fn set_nonstandard_attr(&mut self, name: &str, value: Option<&str>) {
        let value = value.map(str::to_owned);
        match self.rest.iter_mut().find(|(k, _)| k == name) {
            Some(slot) => slot.1 = value,
            None => self.rest.push((name.to_owned(), value)),
        }
    }

    /// `cookie.is_expired(now)`: `now` defaults to the system clock.
    ///
    /// ```
    /// let mut c = netstd_cookiejar::Cookie::new("a", Some("1"), "x.com", "/");
    /// assert!(!c.is_expired(None));
    /// c.expires = Some(0);
    /// assert!(c.is_expired(None));
    /// ```
    pub fn is_expired(&self, now: Option<i64>) -> bool {
        let now = now.unwrap_or_else(crate::time::system_now);
        self.expires.is_some_and(|e| e <= now)
    }

    /// `repr(cookie)`: `Cookie(version=0, name='a', value='1', ...)`, as CPython prints it.
    ///
    /// ```
    /// let c = netstd_cookiejar::Cookie::new("a", Some("it's"), "x.com", "/");
    /// assert_eq!(c.repr(), "Cookie(version=0, name='a', value=\"it's\", port=None, \
    ///     port_specified=False, domain='x.com', domain_specified=False, \
    ///     domain_initial_dot=False, path='/', path_specified=False, secure=False, \
    ///     expires=None, discard=False, comment=None, comment_url=None, rest={}, rfc2109=False)");
    /// ```
    pub fn repr(&self) -> String {
        fn opt(v: &Option<String>) -> String {
            v.as_deref().map_or_else(|| "None".to_owned(), py_repr)
        }
        fn b(v: bool) -> &'static str {
            if v { "True" } else { "False" }
        }
        let rest: Vec<String> = self
            .rest
            .iter()
            .map(|(k, v)| format!("{}: {}", py_repr(k), opt(v)))
            .collect();
        format!(
            "Cookie(version={}, name={}, value={}, port={}, port_specified={}, domain={}, \
             domain_specified={}, domain_initial_dot={}, path={}, path_specified={}, \
             secure={}, expires={}, discard={}, comment={}, comment_url={}, rest={{{}}}, \
             rfc2109={})",
            self.version
                .map_or_else(|| "None".to_owned(), |v| v.to_string()),
            py_repr(&self.name),
            opt(&self.value),
            opt(&self.port),
            b(self.port_specified),
            py_repr(&self.domain),
            b(self.domain_specified),
            b(self.domain_initial_dot),
            py_repr(&self.path),
            b(self.path_specified),
            b(self.secure),
            self.expires
                .map_or_else(|| "None".to_owned(), |v| v.to_string()),
            b(self.discard),
            opt(&self.comment),
            opt(&self.comment_url),
            rest.join(", "),
            b(self.rfc2109),
        )
    }

    /// The version as the policy compares it (`None` counts as 0, where CPython
    /// would raise `TypeError` on comparing; DefaultCookiePolicy never lets such a
    /// cookie in).
    pub(crate) fn v(&self) -> i64 {
        self.version.unwrap_or(0)
    }
}

/// `str(cookie)`: `<Cookie name=value for domain[:port]path>`.
impl fmt::Display for Cookie {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self
            .port
            .as_ref()
            .map(|p| format!(":{p}"))
            .unwrap_or_default();
        match &self.value {
            Some(v) => write!(
                f,
                "<Cookie {}={v} for {}{p}{}>",
                self.name, self.domain, self.path
            ),
            None => write!(
                f,
                "<Cookie {} for {}{p}{}>",
                self.name, self.domain, self.path
            ),
        }
    }
}
