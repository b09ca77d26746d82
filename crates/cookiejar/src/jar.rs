//! `http.cookiejar.CookieJar`.

use std::borrow::Cow;
use std::collections::HashMap;

use indexmap::IndexMap;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::Error;
use crate::cookie::Cookie;
use crate::domain::{eff_request_host, escape_path, request_path, request_port};
use crate::headers::{NsValue, parse_ns_headers_at, split_header_words};
use crate::policy::{CookiePolicy, DefaultCookiePolicy};
use crate::request::{CookieRequest, CookieResponse};
use crate::time::system_now;

/// Cookies of one domain: paths in insertion order, names in insertion order
/// (CPython's nested dicts; emptied paths and domains stay, as in CPython).
#[derive(Debug, Clone, Default)]
struct DomainEntry {
    seq: u64,
    paths: IndexMap<String, IndexMap<String, Cookie>>,
}

/// The store, indexed by domain; `seq` keeps CPython's dict insertion order.
#[derive(Debug, Clone, Default)]
struct Store {
    domains: HashMap<String, DomainEntry>,
    next_seq: u64,
    len: usize,
    /// A lower bound of every cookie's `expires` (None: no cookie expires).
    min_expires: Option<i64>,
    /// An upper bound of the length of every domain in `domains`.
    longest_domain: usize,
}

impl Store {
    fn ordered_domains(&self) -> Vec<(&String, &DomainEntry)> {
        let mut v: Vec<_> = self.domains.iter().collect();
        v.sort_by_key(|(_, e)| e.seq);
        v
    }

    fn iter(&self) -> impl Iterator<Item = &Cookie> {
        self.ordered_domains()
            .into_iter()
            .flat_map(|(_, e)| e.paths.values().flat_map(IndexMap::values))
    }

    fn set_cookie(&mut self, cookie: Cookie) {
        if let Some(e) = cookie.expires {
            self.min_expires = Some(self.min_expires.map_or(e, |m| m.min(e)));
        }
        self.longest_domain = self.longest_domain.max(cookie.domain.len());
        let seq = &mut self.next_seq;
        let entry = self
            .domains
            .entry(cookie.domain.clone())
            .or_insert_with(|| {
                *seq += 1;
                DomainEntry {
                    seq: *seq,
                    paths: IndexMap::new(),
                }
            });
        let names = entry.paths.entry(cookie.path.clone()).or_default();
        // Hash lookups, as CPython's dicts: many paths or names stay linear.
        match names.get_mut(&cookie.name) {
            Some(slot) => *slot = cookie,
            None => {
                names.insert(cookie.name.clone(), cookie);
                self.len += 1;
            }
        }
    }

    fn clear_cookie(&mut self, domain: &str, path: &str, name: &str) -> Result<(), Error> {
        let key_error = |k: &str| Error::KeyError(k.to_owned());
        let entry = self
            .domains
            .get_mut(domain)
            .ok_or_else(|| key_error(domain))?;
        let names = entry.paths.get_mut(path).ok_or_else(|| key_error(path))?;
        names.shift_remove(name).ok_or_else(|| key_error(name))?;
        self.len -= 1;
        Ok(())
    }

    fn clear_path(&mut self, domain: &str, path: &str) -> Result<(), Error> {
        let entry = self
            .domains
            .get_mut(domain)
            .ok_or_else(|| Error::KeyError(domain.to_owned()))?;
        let names = entry
            .paths
            .shift_remove(path)
            .ok_or_else(|| Error::KeyError(path.to_owned()))?;
        self.len -= names.len();
        Ok(())
    }

    fn clear_domain(&mut self, domain: &str) -> Result<(), Error> {
        let entry = self
            .domains
            .remove(domain)
            .ok_or_else(|| Error::KeyError(domain.to_owned()))?;
        self.len -= entry.paths.values().map(IndexMap::len).sum::<usize>();
        Ok(())
    }

    /// Removes every cookie `drop` selects, keeping the emptied containers.
    fn remove_where(&mut self, mut drop: impl FnMut(&Cookie) -> bool) {
        let mut removed = 0;
        let mut min = None::<i64>;
        for entry in self.domains.values_mut() {
            for names in entry.paths.values_mut() {
                names.retain(|_, c| {
                    let d = drop(c);
                    if d {
                        removed += 1;
                    } else if let Some(e) = c.expires {
                        min = Some(min.map_or(e, |m| m.min(e)));
                    }
                    !d
                });
            }
        }
        self.len -= removed;
        self.min_expires = min;
    }

    fn clear_expired(&mut self, now: i64) {
        if self.min_expires.is_some_and(|m| m <= now) {
            self.remove_where(|c| c.is_expired(Some(now)));
        }
    }
}

struct Inner {
    policy: Arc<dyn CookiePolicy>,
    store: Store,
    clock: Option<i64>,
}

impl Inner {
    fn now(&self) -> i64 {
        self.clock.unwrap_or_else(system_now)
    }
}

/// `http.cookiejar.CookieJar`: holds cookies, extracts them from responses and
/// adds them to requests under a [`CookiePolicy`]. Safe to share between threads
/// (every method takes `&self`; CPython's jar holds a lock too). Cookies are
/// indexed by domain, so a request looks at the domains that can match its host
/// only. The current time comes from the system clock unless set with
/// [`set_now`](Self::set_now).
///
/// ```
/// use netstd_cookiejar::{CookieJar, CookieRequest, Request, Response};
/// let jar = CookieJar::new();
/// let req = Request::new("http://www.example.com/").unwrap();
/// jar.extract_cookies(&Response::from_lines(["Set-Cookie: sid=1; Domain=.example.com"]), &req);
/// let mut next = Request::new("http://example.com/a").unwrap();
/// jar.add_cookie_header(&mut next);
/// assert_eq!(next.get_header("Cookie").as_deref(), Some("sid=1"));
/// let mut other = Request::new("http://pythonicexample.com/").unwrap();
/// jar.add_cookie_header(&mut other);
/// assert_eq!(other.get_header("Cookie"), None);
/// ```
pub struct CookieJar {
    inner: Mutex<Inner>,
}

impl Default for CookieJar {
    fn default() -> Self {
        CookieJar::new()
    }
}

impl std::fmt::Debug for CookieJar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.cookies()).finish()
    }
}

/// A standard cookie-attribute's value while normalising.
#[derive(Debug, Clone)]
enum Std {
    Missing,
    Flag,
    Text(String),
    Time(i64),
}

impl Std {
    fn truthy(&self) -> bool {
        match self {
            Std::Missing => false,
            Std::Flag | Std::Time(_) => true,
            Std::Text(s) => !s.is_empty(),
        }
    }
    fn text(&self) -> Option<String> {
        match self {
            Std::Text(s) => Some(s.clone()),
            _ => None,
        }
    }
}

struct CookieTuple {
    name: String,
    value: Option<String>,
    standard: Vec<(&'static str, Std)>,
    rest: IndexMap<String, Option<String>>,
}

impl CookieTuple {
    fn get(&self, k: &str) -> Option<&Std> {
        self.standard.iter().find(|(s, _)| *s == k).map(|(_, v)| v)
    }
}

/// CPython raised inside cookie parsing (a `TypeError`): make_cookies drops the batch.
struct Unhandled;

const VALUE_ATTRS: [&str; 8] = [
    "version",
    "expires",
    "max-age",
    "domain",
    "path",
    "port",
    "comment",
    "commenturl",
];
const BOOLEAN_ATTRS: [&str; 2] = ["discard", "secure"];

fn normalized_cookie_tuples(
    attrs_set: Vec<Vec<(String, Option<NsValue>)>>,
    now: i64,
) -> Result<Vec<CookieTuple>, Unhandled> {
    let mut tuples = Vec::new();
    'cookies: for cookie_attrs in attrs_set {
        let mut it = cookie_attrs.into_iter();
        let Some((name, value)) = it.next() else {
            continue;
        };
        let value = match value {
            Some(NsValue::Text(t)) => Some(t),
            Some(NsValue::Time(_)) | None => None,
        };
        let mut max_age_set = false;
        let mut standard: Vec<(&'static str, Std)> = Vec::new();
        // A dict in CPython: a header of many unknown attributes stays linear.
        let mut rest: IndexMap<String, Option<String>> = IndexMap::new();
        for (k, v) in it {
            let lc = k.to_lowercase();
            let known = VALUE_ATTRS
                .iter()
                .chain(&BOOLEAN_ATTRS)
                .find(|a| **a == lc)
                .copied();
            let mut v = match v {
                None => Std::Missing,
                Some(NsValue::Text(t)) => Std::Text(t),
                Some(NsValue::Time(Some(t))) => Std::Time(t),
                // An Expires CPython could not parse is None: a session cookie.
                Some(NsValue::Time(None)) => Std::Missing,
            };
            let Some(mut key) = known else {
                let v = match v {
                    Std::Text(t) => Some(t),
                    Std::Time(t) => Some(t.to_string()),
                    _ => None,
                };
                rest.insert(k, v);
                continue;
            };
            if BOOLEAN_ATTRS.contains(&key) && matches!(v, Std::Missing) {
                v = Std::Flag;
            }
            if standard.iter().any(|(s, _)| *s == key) {
                continue;
            }
            if key == "domain" {
                match &v {
                    Std::Text(t) => v = Std::Text(t.to_lowercase()),
                    _ => continue 'cookies,
                }
            }
            if key == "expires" && (max_age_set || matches!(v, Std::Missing)) {
                continue;
            }
            if key == "max-age" {
                max_age_set = true;
                let n = match &v {
                    Std::Text(t) => crate::time::py_int(t),
                    // int(None): TypeError, which make_cookies swallows whole.
                    _ => return Err(Unhandled),
                };
                let Some(n) = n else { continue 'cookies };
                key = "expires";
                v = Std::Time(now.saturating_add(n));
            }
            if matches!(v, Std::Missing) && !matches!(key, "port" | "comment" | "commenturl") {
                continue 'cookies;
            }
            // `standard[k] = v`: a later Max-Age replaces an earlier expiry.
            match standard.iter_mut().find(|(s, _)| *s == key) {
                Some(slot) => slot.1 = v,
                None => standard.push((key, v)),
            }
        }
        tuples.push(CookieTuple {
            name,
            value,
            standard,
            rest,
        });
    }
    Ok(tuples)
}

/// A cookie to delete from the jar: `(domain, path, name)`.
type Deletion = (String, String, String);

fn cookie_from_tuple(
    tup: CookieTuple,
    request: &dyn CookieRequest,
    expired: &mut Vec<Deletion>,
    now: i64,
) -> Result<Option<Cookie>, Unhandled> {
    let version = match tup.get("version") {
        Some(v) => match v.text().as_deref().and_then(crate::time::py_int) {
            Some(n) => Some(n),
            None => return Ok(None),
        },
        None => None,
    };
    let secure = tup.get("secure").is_some_and(Std::truthy);
    let mut discard = tup.get("discard").is_some_and(Std::truthy);
    let comment = tup.get("comment").and_then(Std::text);
    let comment_url = tup.get("commenturl").and_then(Std::text);
    let (path, path_specified) = match tup.get("path").and_then(Std::text) {
        Some(p) if !p.is_empty() => (escape_path(&p), true),
        _ => {
            let mut path = request_path(request);
            if let Some(i) = path.rfind('/') {
                if version == Some(0) {
                    path.truncate(i);
                } else {
                    path.truncate(i + 1);
                }
            }
            if path.is_empty() {
                path = "/".to_owned();
            }
            (path, false)
        }
    };
    let given_domain = tup.get("domain").and_then(Std::text);
    let domain_specified = given_domain.is_some();
    let domain_initial_dot = given_domain.as_ref().is_some_and(|d| d.starts_with('.'));
    let domain = match given_domain {
        None => eff_request_host(request).1,
        Some(d) if !d.starts_with('.') => format!(".{d}"),
        Some(d) => d,
    };
    let (port, port_specified) = match tup.get("port") {
        None => (None, false),
        Some(Std::Text(p)) => (
            Some(
                p.chars()
                    .filter(|c| !crate::headers::py_space(*c))
                    .collect(),
            ),
            true,
        ),
        // request_port on a request without a host: AttributeError in CPython.
        Some(_) => (request_port(request).map_err(|()| Unhandled)?, false),
    };
    let expires = match tup.get("expires") {
        None => {
            discard = true;
            None
        }
        Some(Std::Time(t)) => {
            if *t <= now {
                expired.push((domain, path, tup.name));
                return Ok(None);
            }
            Some(*t)
        }
        // A Set-Cookie2 Expires stays a string: `str <= int` raises TypeError.
        Some(_) => return Err(Unhandled),
    };
    let mut c = Cookie::new(&tup.name, tup.value.as_deref(), &domain, &path);
    c.version = version;
    c.port = port;
    c.port_specified = port_specified;
    c.domain_specified = domain_specified;
    c.domain_initial_dot = domain_initial_dot;
    c.path_specified = path_specified;
    c.secure = secure;
    c.expires = expires;
    c.discard = discard;
    c.comment = comment;
    c.comment_url = comment_url;
    c.rest = tup.rest.into_iter().collect();
    Ok(Some(c))
}

/// The cookies of one header batch; a cookie already expired is not made but
/// noted in `expired` for deletion (even when the batch then fails, as CPython
/// deletes at once).
fn cookies_from_attrs_set(
    attrs_set: Vec<Vec<(String, Option<NsValue>)>>,
    request: &dyn CookieRequest,
    expired: &mut Vec<Deletion>,
    now: i64,
) -> Result<Vec<Cookie>, Unhandled> {
    let mut cookies = Vec::new();
    for tup in normalized_cookie_tuples(attrs_set, now)? {
        if let Some(c) = cookie_from_tuple(tup, request, expired, now)? {
            cookies.push(c);
        }
    }
    Ok(cookies)
}

fn is_py_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// CPython's `_cookie_attrs`: the Cookie header's parts, longest path first.
fn cookie_attrs(cookies: &mut [Cookie]) -> Vec<String> {
    cookies.sort_by_key(|c| std::cmp::Reverse(c.path.chars().count()));
    let mut version_set = false;
    let mut attrs = Vec::new();
    for cookie in cookies.iter() {
        let version = cookie.v();
        if !version_set {
            version_set = true;
            if version > 0 {
                attrs.push(format!("$Version={version}"));
            }
        }
        match &cookie.value {
            None => attrs.push(cookie.name.clone()),
            Some(v) => {
                let value = if version > 0 && v.chars().any(|c| !is_py_word(c)) {
                    v.replace('\\', "\\\\").replace('"', "\\\"")
                } else {
                    v.clone()
                };
                attrs.push(format!("{}={value}", cookie.name));
            }
        }
        if version > 0 {
            if cookie.path_specified {
                attrs.push(format!("$Path=\"{}\"", cookie.path));
            }
            if let Some(domain) = cookie.domain.strip_prefix('.') {
                let shown = if cookie.domain_initial_dot {
                    cookie.domain.as_str()
                } else {
                    domain
                };
                attrs.push(format!("$Domain=\"{shown}\""));
            }
            if let Some(port) = &cookie.port {
                if cookie.port_specified {
                    attrs.push(format!("$Port=\"{port}\""));
                } else {
                    attrs.push("$Port".to_owned());
                }
            }
        }
    }
    attrs
}

impl CookieJar {
    /// `CookieJar()`: with a [`DefaultCookiePolicy`].
    pub fn new() -> CookieJar {
        CookieJar::with_policy(DefaultCookiePolicy::new())
    }

    /// `CookieJar(policy)`.
    pub fn with_policy(policy: impl CookiePolicy + 'static) -> CookieJar {
        CookieJar {
            inner: Mutex::new(Inner {
                policy: Arc::new(policy),
                store: Store::default(),
                clock: None,
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// `jar.set_policy(policy)`.
    ///
    /// ```
    /// use netstd_cookiejar::{CookieJar, CookiePolicy, DefaultCookiePolicy};
    /// let jar = CookieJar::new();
    /// jar.set_policy(DefaultCookiePolicy::new().rfc2965(true));
    /// assert!(jar.policy().rfc2965());
    /// ```
    pub fn set_policy(&self, policy: impl CookiePolicy + 'static) {
        self.lock().policy = Arc::new(policy);
    }

    /// `jar._policy`: the policy in use.
    pub fn policy(&self) -> Arc<dyn CookiePolicy> {
        self.lock().policy.clone()
    }

    /// Beyond Python: fix the jar's current time (seconds since the epoch), or
    /// with `None` go back to the system clock. Expiry decisions (Max-Age,
    /// Expires, [`clear_expired_cookies`](Self::clear_expired_cookies)) use it.
    ///
    /// ```
    /// use netstd_cookiejar::{CookieJar, Request, Response};
    /// let jar = CookieJar::new();
    /// jar.set_now(Some(1_000));
    /// let req = Request::new("http://example.com/").unwrap();
    /// jar.extract_cookies(&Response::from_lines(["Set-Cookie: a=1; Max-Age=10"]), &req);
    /// assert_eq!(jar.cookies()[0].expires, Some(1_010));
    /// jar.set_now(Some(1_010));
    /// jar.clear_expired_cookies();
    /// assert_eq!(jar.len(), 0);
    /// ```
    pub fn set_now(&self, now: Option<i64>) {
        self.lock().clock = now;
    }

    /// The jar's current time: the time set with [`set_now`](Self::set_now), else the system clock.
    pub fn now(&self) -> i64 {
        self.lock().now()
    }

    /// `jar.add_cookie_header(request)`: adds the `Cookie` header (and `Cookie2`
    /// when RFC 2965 is on and not hidden), then clears expired cookies.
    ///
    /// ```
    /// use netstd_cookiejar::{CookieJar, CookieRequest, Request, Response};
    /// let jar = CookieJar::new();
    /// let req = Request::new("http://www.acme.com/").unwrap();
    /// jar.extract_cookies(&Response::from_lines(["Set-Cookie: a=1; Path=/", "Set-Cookie: b=2; Path=/x"]), &req);
    /// let mut next = Request::new("http://www.acme.com/x/y").unwrap();
    /// jar.add_cookie_header(&mut next);
    /// assert_eq!(next.get_header("Cookie").as_deref(), Some("b=2; a=1"));
    /// ```
    pub fn add_cookie_header(&self, request: &mut dyn CookieRequest) {
        let (now, policy) = self.now_and_policy();
        let mut cookies = self.cookies_for_request(&*policy, &*request, now);
        let attrs = cookie_attrs(&mut cookies);
        if !attrs.is_empty() && !request.has_header("Cookie") {
            request.add_unredirected_header("Cookie", &attrs.join("; "));
        }
        if policy.rfc2965()
            && !policy.hide_cookie2()
            && !request.has_header("Cookie2")
            && cookies.iter().any(|c| c.version != Some(1))
        {
            request.add_unredirected_header("Cookie2", "$Version=\"1\"");
        }
        self.lock().store.clear_expired(now);
    }

    /// The jar's time and policy. The jar's lock is never held while a policy,
    /// request or response method runs, so those may call the jar (CPython's
    /// lock is re-entrant); each change to the store is atomic.
    fn now_and_policy(&self) -> (i64, Arc<dyn CookiePolicy>) {
        let inner = self.lock();
        (inner.now(), inner.policy.clone())
    }

    /// The cookies to send with `request`: the candidate domains are copied out
    /// under the lock, then the policy judges them without it.
    fn cookies_for_request(
        &self,
        policy: &dyn CookiePolicy,
        request: &dyn CookieRequest,
        now: i64,
    ) -> Vec<Cookie> {
        let hosts = policy
            .domain_return_ok_is_suffix_match()
            .then(|| eff_request_host(request));
        let domains = select_domains(&self.lock().store, hosts.as_ref());
        let mut cookies = Vec::new();
        for (domain, entry) in domains {
            if !policy.domain_return_ok(&domain, request) {
                continue;
            }
            for (path, names) in entry.paths {
                if !policy.path_return_ok(&path, request) {
                    continue;
                }
                for cookie in names.into_values() {
                    if policy.return_ok(&cookie, request, now) {
                        cookies.push(cookie);
                    }
                }
            }
        }
        cookies
    }

    fn make_cookies_with(
        &self,
        response: &dyn CookieResponse,
        request: &dyn CookieRequest,
        now: i64,
        policy: &dyn CookiePolicy,
    ) -> Vec<Cookie> {
        let mut expired = Vec::new();
        let cookies = Self::make_cookies_noting(response, request, now, policy, &mut expired);
        if !expired.is_empty() {
            let mut inner = self.lock();
            for (domain, path, name) in expired {
                let _ = inner.store.clear_cookie(&domain, &path, &name);
            }
        }
        cookies
    }

    fn make_cookies_noting(
        response: &dyn CookieResponse,
        request: &dyn CookieRequest,
        now: i64,
        policy: &dyn CookiePolicy,
        expired: &mut Vec<Deletion>,
    ) -> Vec<Cookie> {
        let rfc2965_hdrs = response.get_all("Set-Cookie2");
        let ns_hdrs = response.get_all("Set-Cookie");
        let (rfc2965, netscape) = (policy.rfc2965(), policy.netscape());
        if (rfc2965_hdrs.is_empty() && ns_hdrs.is_empty())
            || (ns_hdrs.is_empty() && !rfc2965)
            || (rfc2965_hdrs.is_empty() && !netscape)
            || (!netscape && !rfc2965)
        {
            return Vec::new();
        }
        let words = split_header_words(&rfc2965_hdrs)
            .into_iter()
            .map(|pairs| {
                pairs
                    .into_iter()
                    .map(|(k, v)| (k, v.map(NsValue::Text)))
                    .collect()
            })
            .collect();
        let mut cookies = cookies_from_attrs_set(words, request, expired, now).unwrap_or_default();
        if !ns_hdrs.is_empty() && netscape {
            let mut ns_cookies = match parse_ns_headers_at(&ns_hdrs, now) {
                Ok(attrs) => {
                    cookies_from_attrs_set(attrs, request, expired, now).unwrap_or_default()
                }
                Err(_) => Vec::new(),
            };
            let as_ns = policy.rfc2109_as_netscape().unwrap_or(!rfc2965);
            for c in &mut ns_cookies {
                if c.version == Some(1) {
                    c.rfc2109 = true;
                    if as_ns {
                        c.version = Some(0);
                    }
                }
            }
            if rfc2965 {
                ns_cookies.retain(|ns| {
                    !cookies
                        .iter()
                        .any(|c| c.domain == ns.domain && c.path == ns.path && c.name == ns.name)
                });
            }
            cookies.extend(ns_cookies);
        }
        cookies
    }

    /// `jar.make_cookies(response, request)`: the cookies a response sets, not yet
    /// checked against the policy. A cookie whose expiry is already past is not
    /// returned and deletes its namesake from the jar, as in CPython.
    ///
    /// ```
    /// use netstd_cookiejar::{CookieJar, Request, Response};
    /// let jar = CookieJar::new();
    /// let req = Request::new("http://www.acme.com/a/b").unwrap();
    /// let made = jar.make_cookies(&Response::from_lines(["Set-Cookie: a=1"]), &req);
    /// assert_eq!((made[0].domain.as_str(), made[0].path.as_str()), ("www.acme.com", "/a"));
    /// assert!(jar.is_empty());
    /// ```
    pub fn make_cookies(
        &self,
        response: &dyn CookieResponse,
        request: &dyn CookieRequest,
    ) -> Vec<Cookie> {
        let (now, policy) = self.now_and_policy();
        self.make_cookies_with(response, request, now, &*policy)
    }

    /// `jar.extract_cookies(response, request)`: stores every cookie of the
    /// response the policy accepts.
    ///
    /// ```
    /// use netstd_cookiejar::{CookieJar, Request, Response};
    /// let jar = CookieJar::new();
    /// let req = Request::new("http://www.acme.com/").unwrap();
    /// jar.extract_cookies(&Response::from_lines(["Set-Cookie: a=1", "Set-Cookie: b=2; Domain=.other.org"]), &req);
    /// assert_eq!(jar.len(), 1);
    /// ```
    pub fn extract_cookies(&self, response: &dyn CookieResponse, request: &dyn CookieRequest) {
        let (now, policy) = self.now_and_policy();
        for cookie in self.make_cookies_with(response, request, now, &*policy) {
            if policy.set_ok(&cookie, request, now) {
                self.lock().store.set_cookie(cookie);
            }
        }
    }

    /// `jar.set_cookie_if_ok(cookie, request)`.
    ///
    /// ```
    /// use netstd_cookiejar::{Cookie, CookieJar, Request};
    /// let jar = CookieJar::new();
    /// let req = Request::new("http://www.acme.com/").unwrap();
    /// let mut c = Cookie::new("a", Some("1"), ".other.org", "/");
    /// c.domain_specified = true;
    /// jar.set_cookie_if_ok(c, &req);
    /// assert!(jar.is_empty());
    /// ```
    pub fn set_cookie_if_ok(&self, cookie: Cookie, request: &dyn CookieRequest) {
        let (now, policy) = self.now_and_policy();
        if policy.set_ok(&cookie, request, now) {
            self.lock().store.set_cookie(cookie);
        }
    }

    /// `jar.set_cookie(cookie)`: stores it without asking the policy, replacing
    /// the cookie of the same domain, path and name.
    ///
    /// ```
    /// use netstd_cookiejar::{Cookie, CookieJar};
    /// let jar = CookieJar::new();
    /// jar.set_cookie(Cookie::new("a", Some("1"), "x.com", "/"));
    /// jar.set_cookie(Cookie::new("a", Some("2"), "x.com", "/"));
    /// assert_eq!(jar.cookies()[0].value.as_deref(), Some("2"));
    /// ```
    pub fn set_cookie(&self, cookie: Cookie) {
        self.lock().store.set_cookie(cookie);
    }

    /// `jar.clear()`: removes every cookie.
    ///
    /// ```
    /// let jar = netstd_cookiejar::CookieJar::new();
    /// jar.set_cookie(netstd_cookiejar::Cookie::new("a", Some("1"), "x.com", "/"));
    /// jar.clear();
    /// assert!(jar.is_empty());
    /// ```
    pub fn clear(&self) {
        let mut inner = self.lock();
        inner.store = Store {
            next_seq: inner.store.next_seq,
            ..Store::default()
        };
    }

    /// `jar.clear(domain)`: `KeyError` when the jar has no such domain.
    ///
    /// ```
    /// let jar = netstd_cookiejar::CookieJar::new();
    /// assert_eq!(jar.clear_domain("example.com").unwrap_err().python_name(), "KeyError");
    /// ```
    pub fn clear_domain(&self, domain: &str) -> Result<(), Error> {
        self.lock().store.clear_domain(domain)
    }

    /// `jar.clear(domain, path)`: `KeyError` when there is no such path.
    ///
    /// ```
    /// use netstd_cookiejar::{Cookie, CookieJar};
    /// let jar = CookieJar::new();
    /// jar.set_cookie(Cookie::new("a", Some("1"), "x.com", "/p"));
    /// jar.clear_path("x.com", "/p").unwrap();
    /// assert!(jar.is_empty());
    /// ```
    pub fn clear_path(&self, domain: &str, path: &str) -> Result<(), Error> {
        self.lock().store.clear_path(domain, path)
    }

    /// `jar.clear(domain, path, name)`: `KeyError` when there is no such cookie.
    ///
    /// ```
    /// use netstd_cookiejar::{Cookie, CookieJar};
    /// let jar = CookieJar::new();
    /// jar.set_cookie(Cookie::new("a", Some("1"), "x.com", "/"));
    /// jar.clear_cookie("x.com", "/", "a").unwrap();
    /// assert!(jar.clear_cookie("x.com", "/", "a").is_err());
    /// ```
    pub fn clear_cookie(&self, domain: &str, path: &str, name: &str) -> Result<(), Error> {
        self.lock().store.clear_cookie(domain, path, name)
    }

    /// `jar.clear_session_cookies()`: removes cookies with `discard` set.
    ///
    /// ```
    /// use netstd_cookiejar::{Cookie, CookieJar};
    /// let jar = CookieJar::new();
    /// let mut c = Cookie::new("a", Some("1"), "x.com", "/");
    /// c.discard = true;
    /// jar.set_cookie(c);
    /// jar.clear_session_cookies();
    /// assert!(jar.is_empty());
    /// ```
    pub fn clear_session_cookies(&self) {
        self.lock().store.remove_where(|c| c.discard);
    }

    /// `jar.clear_expired_cookies()`: removes cookies expired at the jar's time.
    /// Cheap when nothing can have expired (the jar keeps the earliest expiry).
    pub fn clear_expired_cookies(&self) {
        let mut inner = self.lock();
        let now = inner.now();
        inner.store.clear_expired(now);
    }

    /// `list(jar)`: a snapshot of the cookies in CPython's iteration order
    /// (domains, then paths, then names, each in insertion order).
    ///
    /// ```
    /// use netstd_cookiejar::{Cookie, CookieJar};
    /// let jar = CookieJar::new();
    /// jar.set_cookie(Cookie::new("a", Some("1"), "x.com", "/"));
    /// for c in &jar {
    ///     assert_eq!(c.name, "a");
    /// }
    /// assert_eq!(jar.cookies().len(), jar.len());
    /// ```
    pub fn cookies(&self) -> Vec<Cookie> {
        self.lock().store.iter().cloned().collect()
    }

    /// Runs `load` on an emptied jar; when it fails the jar gets its cookies back
    /// (the core of `FileCookieJar.revert`).
    pub(crate) fn revert_with_loader(
        &self,
        load: impl FnOnce() -> Result<(), Error>,
    ) -> Result<(), Error> {
        let old = {
            let mut inner = self.lock();
            let next_seq = inner.store.next_seq;
            std::mem::replace(
                &mut inner.store,
                Store {
                    next_seq,
                    ..Store::default()
                },
            )
        };
        let result = load();
        if result.is_err() {
            self.lock().store = old;
        }
        result
    }

    /// `len(jar)`.
    pub fn len(&self) -> usize {
        self.lock().store.len
    }

    /// `not jar`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// `for cookie in jar`: iterates over a snapshot.
impl IntoIterator for &CookieJar {
    type Item = Cookie;
    type IntoIter = std::vec::IntoIter<Cookie>;
    fn into_iter(self) -> Self::IntoIter {
        self.cookies().into_iter()
    }
}

impl CookieJar {
    /// `repr(jar)`: `<CookieJar[Cookie(...), ...]>`.
    ///
    /// ```
    /// let jar = netstd_cookiejar::CookieJar::new();
    /// assert_eq!(jar.repr(), "<CookieJar[]>");
    /// ```
    pub fn repr(&self) -> String {
        let parts: Vec<String> = self.cookies().iter().map(Cookie::repr).collect();
        format!("<CookieJar[{}]>", parts.join(", "))
    }
}

/// `str(jar)`: `<CookieJar[<Cookie a=1 for example.com/>, ...]>`.
impl std::fmt::Display for CookieJar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.cookies().iter().map(ToString::to_string).collect();
        write!(f, "<CookieJar[{}]>", parts.join(", "))
    }
}

/// The domains `domain_return_ok` can accept for a host: every dotted suffix of
/// `.host`, with and without its dot, and `""`; only those of at most `max_len`
/// bytes (the longest domain in the store), so a long host name costs a scan, not
/// a copy or a hash of every suffix. May repeat a domain.
fn candidate_domains<'a>(hosts: [&'a str; 2], max_len: usize) -> Vec<Cow<'a, str>> {
    let mut out = vec![Cow::Borrowed("")];
    for h in hosts {
        if !h.starts_with('.') {
            if h.len() < max_len {
                out.push(Cow::Owned(format!(".{h}")));
            }
            if h.len() <= max_len {
                out.push(Cow::Borrowed(h));
            }
        }
        for (i, _) in h.match_indices('.') {
            for s in [&h[i..], &h[i + 1..]] {
                if s.len() <= max_len {
                    out.push(Cow::Borrowed(s));
                }
            }
        }
    }
    out
}

/// The domains whose cookies may go with a request, in the jar's order, copied
/// out of the store. With `hosts` (request-host and effective request-host, for a
/// policy whose `domain_return_ok` is a suffix match) only the domains that can
/// match them; otherwise all.
fn select_domains(store: &Store, hosts: Option<&(String, String)>) -> Vec<(String, DomainEntry)> {
    let mut domains = None;
    if let Some((host, erhn)) = hosts {
        let candidates = candidate_domains([host, erhn], store.longest_domain);
        // Hashing the candidates costs their length; asking the policy about every
        // domain costs about the host's length per domain. Take the cheaper one (a
        // long host against a jar that holds a long domain would make the lookup
        // quadratic).
        let lookup: usize = candidates.iter().map(|c| c.len() + 1).sum();
        if lookup <= store.domains.len().saturating_mul(erhn.len() + 1) {
            let mut v: Vec<_> = candidates
                .iter()
                .filter_map(|d| store.domains.get_key_value(d.as_ref()))
                .collect();
            v.sort_by_key(|(_, e)| e.seq);
            v.dedup_by_key(|(_, e)| e.seq);
            domains = Some(v);
        }
    }
    domains
        .unwrap_or_else(|| store.ordered_domains())
        .into_iter()
        .map(|(d, e)| (d.clone(), e.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates() {
        let c = candidate_domains(["www.example.com", "www.example.com"], usize::MAX);
        for d in [
            "",
            ".www.example.com",
            "www.example.com",
            ".example.com",
            "example.com",
            ".com",
            "com",
        ] {
            assert!(c.iter().any(|x| x == d), "{d}");
        }
        // Only suffixes as long as the store's longest domain are looked up.
        let c = candidate_domains(["www.example.com", "www.example.com"], 4);
        assert!(c.iter().all(|x| x.len() <= 4));
        assert!(c.iter().any(|x| x == ".com"));
        assert!(!c.iter().any(|x| x.contains("example")));
    }

    #[test]
    fn long_host_is_cheap() {
        // Found by review: every suffix of the host was copied (memory quadratic in
        // the host's length: 500 MB for a 32 KB host).
        let jar = CookieJar::new();
        let host = format!("{}com", "a.".repeat(100_000));
        let set = crate::Request::new(&format!("http://x.{host}/")).unwrap();
        jar.extract_cookies(
            &crate::Response::from_lines([format!("Set-Cookie: a=1; Domain=.{host}")]),
            &set,
        );
        let mut req = crate::Request::new(&format!("http://{host}/")).unwrap();
        let start = std::time::Instant::now();
        jar.add_cookie_header(&mut req);
        assert_eq!(req.get_header("Cookie").as_deref(), Some("a=1"));
        let mut other = crate::Request::new("http://www.example.com/").unwrap();
        jar.add_cookie_header(&mut other);
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }
}
