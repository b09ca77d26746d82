//! `CookiePolicy` and `DefaultCookiePolicy`.

use crate::cookie::Cookie;
use crate::domain::{
    domain_match, eff_request_host, ipv4_re, is_third_party, request_path, request_port,
    user_domain_match,
};
use crate::request::CookieRequest;

/// `http.cookiejar.CookiePolicy`: decides which cookies are accepted from and
/// returned to a server. `now` is the jar's current time (CPython's `policy._now`).
///
/// ```
/// use netstd_cookiejar::{Cookie, CookiePolicy, CookieRequest};
/// struct NoCookies;
/// impl CookiePolicy for NoCookies {
///     fn set_ok(&self, _: &Cookie, _: &dyn CookieRequest, _: i64) -> bool { false }
///     fn return_ok(&self, _: &Cookie, _: &dyn CookieRequest, _: i64) -> bool { false }
/// }
/// let jar = netstd_cookiejar::CookieJar::with_policy(NoCookies);
/// assert_eq!(jar.len(), 0);
/// ```
pub trait CookiePolicy: Send + Sync {
    /// `set_ok(cookie, request)`: accept this cookie from the server.
    fn set_ok(&self, cookie: &Cookie, request: &dyn CookieRequest, now: i64) -> bool;
    /// `return_ok(cookie, request)`: return this cookie to the server.
    fn return_ok(&self, cookie: &Cookie, request: &dyn CookieRequest, now: i64) -> bool;
    /// `domain_return_ok(domain, request)`: a quick pre-check by cookie domain.
    fn domain_return_ok(&self, domain: &str, request: &dyn CookieRequest) -> bool {
        let _ = (domain, request);
        true
    }
    /// `path_return_ok(path, request)`: a quick pre-check by cookie path.
    fn path_return_ok(&self, path: &str, request: &dyn CookieRequest) -> bool {
        let _ = (path, request);
        true
    }
    /// `policy.netscape`: Netscape cookies are handled at all.
    fn netscape(&self) -> bool {
        true
    }
    /// `policy.rfc2965`: RFC 2965 cookies are handled at all.
    fn rfc2965(&self) -> bool {
        false
    }
    /// `policy.hide_cookie2`: never advertise RFC 2965 with a `Cookie2` header.
    fn hide_cookie2(&self) -> bool {
        false
    }
    /// `policy.rfc2109_as_netscape`: `None` means "when RFC 2965 is off".
    fn rfc2109_as_netscape(&self) -> Option<bool> {
        None
    }
    /// Beyond Python: `true` promises that [`domain_return_ok`](Self::domain_return_ok)
    /// is false for every cookie domain whose dotted form is not a suffix of the
    /// dotted request host or effective request-host name, as DefaultCookiePolicy's
    /// is. The jar then looks up only those domains instead of scanning all.
    fn domain_return_ok_is_suffix_match(&self) -> bool {
        false
    }
}

/// `DefaultCookiePolicy.strict_ns_domain` flags.
pub type DomainStrictness = u32;
/// `DefaultCookiePolicy.DomainStrictNoDots`: the host prefix may not contain a dot.
pub const DOMAIN_STRICT_NO_DOTS: DomainStrictness = 1;
/// `DefaultCookiePolicy.DomainStrictNonDomain`: cookies without a domain go back
/// to the very host only.
pub const DOMAIN_STRICT_NON_DOMAIN: DomainStrictness = 2;
/// `DefaultCookiePolicy.DomainRFC2965Match`: RFC 2965 domain-matching for Netscape cookies.
pub const DOMAIN_RFC2965_MATCH: DomainStrictness = 4;
/// `DefaultCookiePolicy.DomainLiberal`.
pub const DOMAIN_LIBERAL: DomainStrictness = 0;
/// `DefaultCookiePolicy.DomainStrict`: `DomainStrictNoDots | DomainStrictNonDomain`.
pub const DOMAIN_STRICT: DomainStrictness = DOMAIN_STRICT_NO_DOTS | DOMAIN_STRICT_NON_DOMAIN;

/// Which public suffixes the opt-in check refuses as cookie domains.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PublicSuffixes {
    /// Suffixes the caller gave (lower-case, no leading dot).
    List(Vec<String>),
    /// The Public Suffix List of the `psl` crate.
    #[cfg(feature = "psl")]
    Psl,
}

impl PublicSuffixes {
    /// Whether `domain` (no leading dot) is itself a public suffix.
    fn contains(&self, domain: &str) -> bool {
        match self {
            PublicSuffixes::List(list) => list.iter().any(|s| s.eq_ignore_ascii_case(domain)),
            #[cfg(feature = "psl")]
            PublicSuffixes::Psl => {
                let lower = domain.to_ascii_lowercase();
                psl::suffix_str(&lower) == Some(lower.as_str())
            }
        }
    }
}

/// `http.cookiejar.DefaultCookiePolicy`: CPython's standard accept and return
/// rules, with every keyword argument as a builder method.
///
/// ```
/// use netstd_cookiejar::{DefaultCookiePolicy, DOMAIN_STRICT};
/// let p = DefaultCookiePolicy::new()
///     .rfc2965(true)
///     .strict_ns_domain(DOMAIN_STRICT)
///     .blocked_domains([".ads.example"]);
/// assert!(p.is_blocked("x.ads.example"));
/// assert_eq!(DefaultCookiePolicy::DomainStrict, DOMAIN_STRICT);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultCookiePolicy {
    blocked_domains: Vec<String>,
    allowed_domains: Option<Vec<String>>,
    netscape: bool,
    rfc2965: bool,
    rfc2109_as_netscape: Option<bool>,
    hide_cookie2: bool,
    strict_domain: bool,
    strict_rfc2965_unverifiable: bool,
    strict_ns_unverifiable: bool,
    strict_ns_domain: DomainStrictness,
    strict_ns_set_initial_dollar: bool,
    strict_ns_set_path: bool,
    secure_protocols: Vec<String>,
    public_suffixes: Option<PublicSuffixes>,
}

impl Default for DefaultCookiePolicy {
    fn default() -> Self {
        DefaultCookiePolicy {
            blocked_domains: Vec::new(),
            allowed_domains: None,
            netscape: true,
            rfc2965: false,
            rfc2109_as_netscape: None,
            hide_cookie2: false,
            strict_domain: false,
            strict_rfc2965_unverifiable: true,
            strict_ns_unverifiable: false,
            strict_ns_domain: DOMAIN_LIBERAL,
            strict_ns_set_initial_dollar: false,
            strict_ns_set_path: false,
            secure_protocols: vec!["https".to_owned(), "wss".to_owned()],
            public_suffixes: None,
        }
    }
}

macro_rules! flag {
    ($($name:ident: $ty:ty, $doc:literal;)*) => {$(
        #[doc = concat!("`", stringify!($name), "=`: ", $doc)]
        pub fn $name(mut self, value: $ty) -> Self {
            self.$name = value;
            self
        }
    )*};
}

#[allow(non_upper_case_globals)]
impl DefaultCookiePolicy {
    /// `DefaultCookiePolicy.DomainStrictNoDots`.
    pub const DomainStrictNoDots: DomainStrictness = DOMAIN_STRICT_NO_DOTS;
    /// `DefaultCookiePolicy.DomainStrictNonDomain`.
    pub const DomainStrictNonDomain: DomainStrictness = DOMAIN_STRICT_NON_DOMAIN;
    /// `DefaultCookiePolicy.DomainRFC2965Match`.
    pub const DomainRFC2965Match: DomainStrictness = DOMAIN_RFC2965_MATCH;
    /// `DefaultCookiePolicy.DomainLiberal`.
    pub const DomainLiberal: DomainStrictness = DOMAIN_LIBERAL;
    /// `DefaultCookiePolicy.DomainStrict`.
    pub const DomainStrict: DomainStrictness = DOMAIN_STRICT;

    /// `DefaultCookiePolicy()`: CPython's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    flag! {
        netscape: bool, "handle Netscape cookies (default true).";
        rfc2965: bool, "handle RFC 2965 cookies (default false).";
        rfc2109_as_netscape: Option<bool>, "downgrade RFC 2109 cookies to Netscape ones (default `None`: when RFC 2965 is off).";
        hide_cookie2: bool, "never add a `Cookie2` header (default false).";
        strict_domain: bool, "refuse domains like `.co.uk` (default false).";
        strict_rfc2965_unverifiable: bool, "refuse RFC 2965 cookies in unverifiable third-party transactions (default true).";
        strict_ns_unverifiable: bool, "the same for Netscape cookies (default false).";
        strict_ns_domain: DomainStrictness, "the `DomainStrict*` flags for Netscape cookies (default `DomainLiberal`).";
        strict_ns_set_initial_dollar: bool, "refuse Netscape cookie names starting with `$` (default false).";
        strict_ns_set_path: bool, "refuse Netscape cookies whose path does not path-match the request (default false).";
    }

    /// `blocked_domains=`: domains cookies are never accepted from or returned to.
    pub fn blocked_domains<I: IntoIterator<Item = S>, S: Into<String>>(mut self, d: I) -> Self {
        self.set_blocked_domains(d);
        self
    }

    /// `allowed_domains=`: when given, the only domains cookies are accepted from
    /// or returned to.
    pub fn allowed_domains<I: IntoIterator<Item = S>, S: Into<String>>(mut self, d: I) -> Self {
        self.set_allowed_domains(Some(d));
        self
    }

    /// `secure_protocols=`: schemes over which secure cookies are returned
    /// (default `("https", "wss")`).
    pub fn secure_protocols<I: IntoIterator<Item = S>, S: Into<String>>(mut self, p: I) -> Self {
        self.secure_protocols = p.into_iter().map(Into::into).collect();
        self
    }

    /// Beyond Python (off by default): refuse cookies whose domain is one of
    /// these public suffixes (`"com"`, `"co.uk"`, ...), given without a leading
    /// dot. Pass the suffixes of the Public Suffix List you trust.
    ///
    /// ```
    /// use netstd_cookiejar::*;
    /// let jar = CookieJar::with_policy(DefaultCookiePolicy::new().public_suffixes(["co.uk"]));
    /// let req = Request::new("http://www.example.co.uk/").unwrap();
    /// jar.extract_cookies(&Response::from_lines(["Set-Cookie: a=1; Domain=.co.uk"]), &req);
    /// assert_eq!(jar.len(), 0);
    /// ```
    pub fn public_suffixes<I: IntoIterator<Item = S>, S: Into<String>>(mut self, s: I) -> Self {
        self.public_suffixes = Some(PublicSuffixes::List(
            s.into_iter()
                .map(|x| x.into().trim_start_matches('.').to_lowercase())
                .collect(),
        ));
        self
    }

    /// Beyond Python (off by default): refuse cookies whose domain is a public suffix
    /// of the Public Suffix List compiled into the `psl` crate (`com`, `co.uk`,
    /// `github.io`, ...), so a site cannot set a cookie for a whole registry.
    ///
    /// ```
    /// use netstd_cookiejar::*;
    /// let jar = CookieJar::with_policy(DefaultCookiePolicy::new().public_suffix_list());
    /// let req = Request::new("http://www.example.co.uk/").unwrap();
    /// jar.extract_cookies(&Response::from_lines(["Set-Cookie: a=1; Domain=.co.uk"]), &req);
    /// assert_eq!(jar.len(), 0);
    /// jar.extract_cookies(&Response::from_lines(["Set-Cookie: a=1; Domain=.example.co.uk"]), &req);
    /// assert_eq!(jar.len(), 1);
    /// ```
    #[cfg(feature = "psl")]
    pub fn public_suffix_list(mut self) -> Self {
        self.public_suffixes = Some(PublicSuffixes::Psl);
        self
    }

    /// `policy.blocked_domains()`.
    pub fn get_blocked_domains(&self) -> &[String] {
        &self.blocked_domains
    }

    /// `policy.set_blocked_domains(blocked_domains)`.
    pub fn set_blocked_domains<I: IntoIterator<Item = S>, S: Into<String>>(&mut self, d: I) {
        self.blocked_domains = d.into_iter().map(Into::into).collect();
    }

    /// `policy.allowed_domains()`: `None` when every domain is allowed.
    pub fn get_allowed_domains(&self) -> Option<&[String]> {
        self.allowed_domains.as_deref()
    }

    /// `policy.set_allowed_domains(allowed_domains)`.
    pub fn set_allowed_domains<I: IntoIterator<Item = S>, S: Into<String>>(
        &mut self,
        d: Option<I>,
    ) {
        self.allowed_domains = d.map(|d| d.into_iter().map(Into::into).collect());
    }

    /// `policy.is_blocked(domain)`.
    pub fn is_blocked(&self, domain: &str) -> bool {
        self.blocked_domains
            .iter()
            .any(|b| user_domain_match(domain, b))
    }

    /// `policy.is_not_allowed(domain)`.
    ///
    /// ```
    /// let p = netstd_cookiejar::DefaultCookiePolicy::new().allowed_domains([".acme.com"]);
    /// assert!(!p.is_not_allowed("www.acme.com"));
    /// assert!(p.is_not_allowed("other.org"));
    /// ```
    pub fn is_not_allowed(&self, domain: &str) -> bool {
        match &self.allowed_domains {
            None => false,
            Some(allowed) => !allowed.iter().any(|a| user_domain_match(domain, a)),
        }
    }

    /// `set_ok_version`.
    pub fn set_ok_version(&self, cookie: &Cookie, _request: &dyn CookieRequest) -> bool {
        match cookie.version {
            None => false,
            Some(v) if v > 0 => self.rfc2965,
            Some(0) => self.netscape,
            Some(_) => true,
        }
    }

    fn unverifiable_ok(&self, cookie: &Cookie, request: &dyn CookieRequest) -> bool {
        if request.unverifiable() && is_third_party(request) {
            let v = cookie.v();
            if (v > 0 && self.strict_rfc2965_unverifiable)
                || (v == 0 && self.strict_ns_unverifiable)
            {
                return false;
            }
        }
        true
    }

    /// `set_ok_verifiability`.
    pub fn set_ok_verifiability(&self, cookie: &Cookie, request: &dyn CookieRequest) -> bool {
        self.unverifiable_ok(cookie, request)
    }

    /// `set_ok_name`.
    pub fn set_ok_name(&self, cookie: &Cookie, _request: &dyn CookieRequest) -> bool {
        !(cookie.v() == 0 && self.strict_ns_set_initial_dollar && cookie.name.starts_with('$'))
    }

    /// `set_ok_path`.
    pub fn set_ok_path(&self, cookie: &Cookie, request: &dyn CookieRequest) -> bool {
        if cookie.path_specified
            && (cookie.v() > 0 || (cookie.v() == 0 && self.strict_ns_set_path))
            && !self.path_return_ok(&cookie.path, request)
        {
            return false;
        }
        true
    }

    /// `set_ok_domain`.
    ///
    /// ```
    /// use netstd_cookiejar::{Cookie, DefaultCookiePolicy, Request};
    /// let p = DefaultCookiePolicy::new();
    /// let req = Request::new("http://www.acme.com/").unwrap();
    /// let mut c = Cookie::new("a", Some("1"), ".com", "/");
    /// c.domain_specified = true;
    /// assert!(!p.set_ok_domain(&c, &req));
    /// ```
    pub fn set_ok_domain(&self, cookie: &Cookie, request: &dyn CookieRequest) -> bool {
        if self.is_blocked(&cookie.domain) || self.is_not_allowed(&cookie.domain) {
            return false;
        }
        if !cookie.domain_specified {
            return true;
        }
        if let Some(suffixes) = &self.public_suffixes {
            if suffixes.contains(cookie.domain.trim_start_matches('.')) {
                return false;
            }
        }
        let (req_host, erhn) = eff_request_host(request);
        let domain = cookie.domain.as_str();
        if self.strict_domain && domain.matches('.').count() >= 2 {
            let i = domain.rfind('.').unwrap_or(0);
            let j = domain[..i].rfind('.');
            if j == Some(0) {
                let tld = &domain[i + 1..];
                let sld = &domain[1..i];
                const SLDS: [&str; 21] = [
                    "co", "ac", "com", "edu", "org", "net", "gov", "mil", "int", "aero", "biz",
                    "cat", "coop", "info", "jobs", "mobi", "museum", "name", "pro", "travel", "eu",
                ];
                if SLDS.contains(&sld.to_lowercase().as_str()) && tld.chars().count() == 2 {
                    return false;
                }
            }
        }
        let undotted = domain.strip_prefix('.').unwrap_or(domain);
        let embedded_dots = undotted.contains('.');
        if !embedded_dots && !erhn.ends_with(".local") {
            return false;
        }
        let v = cookie.v();
        // CPython: not (erhn ends with domain or with undotted.local) and
        // (not erhn.startswith(".") and not ("." + erhn).endswith(domain)).
        let ns_domain_ok = erhn.ends_with(domain)
            || erhn.ends_with(&format!("{undotted}.local"))
            || erhn.starts_with('.')
            || format!(".{erhn}").ends_with(domain);
        if v == 0 && !ns_domain_ok {
            return false;
        }
        if (v > 0 || self.strict_ns_domain & DOMAIN_RFC2965_MATCH != 0)
            && !domain_match(&erhn, domain)
        {
            return false;
        }
        if v > 0 || self.strict_ns_domain & DOMAIN_STRICT_NO_DOTS != 0 {
            // host_prefix = req_host[:-len(domain)]
            let keep = req_host
                .chars()
                .count()
                .saturating_sub(domain.chars().count());
            let host_prefix: String = req_host.chars().take(keep).collect();
            if host_prefix.contains('.') && !ipv4_re(&req_host) {
                return false;
            }
        }
        true
    }

    /// `set_ok_port`.
    pub fn set_ok_port(&self, cookie: &Cookie, request: &dyn CookieRequest) -> bool {
        if cookie.port_specified {
            // A request without a host: CPython raises AttributeError; refuse.
            let Ok(req_port) = request_port(request) else {
                return false;
            };
            let req_port = req_port.unwrap_or_else(|| "80".to_owned());
            let port = cookie.port.as_deref().unwrap_or("");
            for p in port.split(',') {
                if crate::time::py_int(p).is_none() {
                    return false;
                }
                if p == req_port {
                    return true;
                }
            }
            return false;
        }
        true
    }

    /// `return_ok_version`.
    pub fn return_ok_version(&self, cookie: &Cookie, _request: &dyn CookieRequest) -> bool {
        let v = cookie.v();
        (self.netscape || v != 0) && (self.rfc2965 || v <= 0)
    }

    /// `return_ok_verifiability`.
    pub fn return_ok_verifiability(&self, cookie: &Cookie, request: &dyn CookieRequest) -> bool {
        self.unverifiable_ok(cookie, request)
    }

    /// `return_ok_secure`.
    ///
    /// ```
    /// use netstd_cookiejar::{Cookie, DefaultCookiePolicy, Request};
    /// let mut c = Cookie::new("a", Some("1"), "acme.com", "/");
    /// c.secure = true;
    /// let p = DefaultCookiePolicy::new();
    /// assert!(!p.return_ok_secure(&c, &Request::new("http://acme.com/").unwrap()));
    /// assert!(p.return_ok_secure(&c, &Request::new("wss://acme.com/").unwrap()));
    /// ```
    pub fn return_ok_secure(&self, cookie: &Cookie, request: &dyn CookieRequest) -> bool {
        !cookie.secure || self.secure_protocols.contains(&request.type_())
    }

    /// `return_ok_expires`.
    pub fn return_ok_expires(&self, cookie: &Cookie, now: i64) -> bool {
        !cookie.is_expired(Some(now))
    }

    /// `return_ok_port`.
    pub fn return_ok_port(&self, cookie: &Cookie, request: &dyn CookieRequest) -> bool {
        match cookie.port.as_deref() {
            Some(port) if !port.is_empty() => {
                let Ok(req_port) = request_port(request) else {
                    return false;
                };
                let req_port = req_port.unwrap_or_else(|| "80".to_owned());
                port.split(',').any(|p| p == req_port)
            }
            _ => true,
        }
    }

    /// `return_ok_domain`.
    pub fn return_ok_domain(&self, cookie: &Cookie, request: &dyn CookieRequest) -> bool {
        let (_req_host, erhn) = eff_request_host(request);
        let domain = cookie.domain.as_str();
        let dotdomain = if !domain.is_empty() && !domain.starts_with('.') {
            format!(".{domain}")
        } else {
            domain.to_owned()
        };
        let v = cookie.v();
        if v == 0
            && self.strict_ns_domain & DOMAIN_STRICT_NON_DOMAIN != 0
            && !cookie.domain_specified
            && domain != erhn
        {
            return false;
        }
        if v > 0 && !domain_match(&erhn, domain) {
            return false;
        }
        if v == 0 && !format!(".{erhn}").ends_with(&dotdomain) {
            return false;
        }
        true
    }
}

impl CookiePolicy for DefaultCookiePolicy {
    fn set_ok(&self, cookie: &Cookie, request: &dyn CookieRequest, _now: i64) -> bool {
        self.set_ok_version(cookie, request)
            && self.set_ok_verifiability(cookie, request)
            && self.set_ok_name(cookie, request)
            && self.set_ok_path(cookie, request)
            && self.set_ok_domain(cookie, request)
            && self.set_ok_port(cookie, request)
    }

    fn return_ok(&self, cookie: &Cookie, request: &dyn CookieRequest, now: i64) -> bool {
        self.return_ok_version(cookie, request)
            && self.return_ok_verifiability(cookie, request)
            && self.return_ok_secure(cookie, request)
            && self.return_ok_expires(cookie, now)
            && self.return_ok_port(cookie, request)
            && self.return_ok_domain(cookie, request)
    }

    fn domain_return_ok(&self, domain: &str, request: &dyn CookieRequest) -> bool {
        let (req_host, erhn) = eff_request_host(request);
        let dot = |h: String| {
            if h.starts_with('.') {
                h
            } else {
                format!(".{h}")
            }
        };
        let (req_host, erhn) = (dot(req_host), dot(erhn));
        let dotdomain = if !domain.is_empty() && !domain.starts_with('.') {
            format!(".{domain}")
        } else {
            domain.to_owned()
        };
        if !(req_host.ends_with(&dotdomain) || erhn.ends_with(&dotdomain)) {
            return false;
        }
        !(self.is_blocked(domain) || self.is_not_allowed(domain))
    }

    fn path_return_ok(&self, path: &str, request: &dyn CookieRequest) -> bool {
        let req_path = request_path(request);
        if req_path == path {
            return true;
        }
        req_path.starts_with(path)
            && (path.ends_with('/') || req_path[path.len()..].starts_with('/'))
    }

    fn netscape(&self) -> bool {
        self.netscape
    }
    fn rfc2965(&self) -> bool {
        self.rfc2965
    }
    fn hide_cookie2(&self) -> bool {
        self.hide_cookie2
    }
    fn rfc2109_as_netscape(&self) -> Option<bool> {
        self.rfc2109_as_netscape
    }
    fn domain_return_ok_is_suffix_match(&self) -> bool {
        true
    }
}
