//! `ProxyHandler`, `getproxies` and `proxy_bypass` (the POSIX, environment forms).

use std::collections::BTreeMap;

use base64::Engine;

use crate::urllib::request::handler::{BaseHandler, HandlerKind, Opened, Parent};
use crate::urllib::request::req::{Request, splitport, splittype};
use crate::{Error, Result};

/// `getproxies_environment()` over the given variables: every non-empty
/// `<scheme>_proxy` (any case; the lower-case spelling wins), `http` dropped when
/// `REQUEST_METHOD` is set (a CGI script, httpoxy).
fn proxies_from(vars: &[(String, String)]) -> BTreeMap<String, String> {
    let mut proxies = BTreeMap::new();
    for (name, value) in vars {
        let lower = name.to_lowercase();
        if !value.is_empty() && lower.ends_with("_proxy") {
            proxies.insert(lower[..lower.len() - 6].to_owned(), value.clone());
        }
    }
    if vars.iter().any(|(k, _)| k == "REQUEST_METHOD") {
        proxies.remove("http");
    }
    for (name, value) in vars {
        if name.ends_with("_proxy") {
            let lower = name.to_lowercase();
            let key = lower[..lower.len() - 6].to_owned();
            if value.is_empty() {
                proxies.remove(&key);
            } else {
                proxies.insert(key, value.clone());
            }
        }
    }
    proxies
}

fn environment() -> Vec<(String, String)> {
    std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
        .collect()
}

/// Python's `urllib.request.getproxies_environment()`: `{scheme: proxy URL}` from
/// the `*_proxy` variables (`no_proxy` appears as `no`).
///
/// ```
/// let proxies = netstd_httpclient::urllib::request::getproxies_environment();
/// # drop(proxies);
/// ```
pub fn getproxies_environment() -> BTreeMap<String, String> {
    proxies_from(&environment())
}

/// Python's `urllib.request.getproxies()`: on POSIX, the environment's.
pub fn getproxies() -> BTreeMap<String, String> {
    getproxies_environment()
}

/// `proxy_bypass_environment(host, proxies)`: `no_proxy` (`*`, or names matched
/// as suffixes, a leading dot ignored, with or without the port).
fn bypass(host: &str, no_proxy: Option<&str>) -> bool {
    let Some(no_proxy) = no_proxy else {
        return false;
    };
    if no_proxy == "*" {
        return true;
    }
    let host = host.to_lowercase();
    let (hostonly, _) = splitport(&host);
    for name in no_proxy.split(',') {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        let name = name.trim_start_matches('.').to_lowercase();
        if hostonly == name || host == name {
            return true;
        }
        let dotted = format!(".{name}");
        if hostonly.ends_with(&dotted) || host.ends_with(&dotted) {
            return true;
        }
    }
    false
}

/// Python's `urllib.request.proxy_bypass(host)` (POSIX): true when `no_proxy`
/// says `host` is reached directly.
///
/// ```
/// use netstd_httpclient::urllib::request::proxy_bypass;
/// // with no_proxy unset, nothing is bypassed
/// # if std::env::var_os("no_proxy").is_none() && std::env::var_os("NO_PROXY").is_none() {
/// assert!(!proxy_bypass("example.com"));
/// # }
/// ```
pub fn proxy_bypass(host: &str) -> bool {
    let proxies = getproxies_environment();
    bypass(host, proxies.get("no").map(String::as_str))
}

/// A proxy URL's parts: (scheme, user, password, host:port).
type ProxyParts = (Option<String>, Option<String>, Option<String>, String);

/// `_parse_proxy(proxy)`.
pub(crate) fn parse_proxy(proxy: &str) -> Result<ProxyParts> {
    let (scheme, r_scheme) = splittype(proxy);
    let (scheme, authority) = if !r_scheme.starts_with('/') {
        (None, proxy)
    } else {
        if !r_scheme.starts_with("//") {
            return Err(Error::ValueError(format!(
                "proxy URL with no authority: {}",
                netstd_urlparse::py_repr(proxy)
            )));
        }
        // the authority ends at the first '/' after the userinfo (a password may hold '/')
        let from = r_scheme.find('@').unwrap_or(2);
        let end = r_scheme[from..]
            .find('/')
            .map_or(r_scheme.len(), |i| i + from);
        (scheme, &r_scheme[2..end])
    };
    let (userinfo, hostport) = match authority.rfind('@') {
        Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
        None => (None, authority),
    };
    let (user, password) = match userinfo {
        Some(u) => match u.split_once(':') {
            Some((a, b)) => (Some(a.to_owned()), Some(b.to_owned())),
            None => (Some(u.to_owned()), None),
        },
        None => (None, None),
    };
    Ok((scheme, user, password, hostport.to_owned()))
}

/// Python's `urllib.request.ProxyHandler(proxies=None)` (`handler_order` 100):
/// sends requests of the schemes in `proxies` through those proxies (`http` in
/// absolute form, `https` through a CONNECT tunnel), with Basic credentials from
/// the proxy URL, and hosts `no_proxy` names directly. `None` reads the
/// environment; an empty map turns proxies off.
///
/// ```
/// use std::collections::BTreeMap;
/// use netstd_httpclient::urllib::request::{BaseHandler, ProxyHandler, build_opener};
/// let proxies = BTreeMap::from([("http".to_owned(), "http://user:pw@proxy.local:3128".to_owned())]);
/// let opener = build_opener(vec![Box::new(ProxyHandler::new(Some(proxies))) as Box<dyn BaseHandler>]);
/// let no_proxies = build_opener(vec![Box::new(ProxyHandler::new(Some(BTreeMap::new()))) as Box<dyn BaseHandler>]);
/// # drop((opener, no_proxies));
/// ```
#[derive(Debug, Clone)]
pub struct ProxyHandler {
    proxies: BTreeMap<String, String>,
}

impl ProxyHandler {
    /// `ProxyHandler(proxies)`.
    pub fn new(proxies: Option<BTreeMap<String, String>>) -> Self {
        let proxies = proxies
            .unwrap_or_else(getproxies)
            .into_iter()
            .map(|(k, v)| (k.to_lowercase(), v))
            .collect();
        ProxyHandler { proxies }
    }

    /// `proxies`.
    pub fn proxies(&self) -> &BTreeMap<String, String> {
        &self.proxies
    }

    /// `proxy_open(req, proxy, type)`.
    fn proxy_open(&self, req: &mut Request, proxy: &str) -> Result<Opened> {
        let orig_type = req.type_().to_owned();
        let (proxy_type, user, password, hostport) = parse_proxy(proxy)?;
        let proxy_type = proxy_type.unwrap_or_else(|| orig_type.clone());
        if !req.host().is_empty() && proxy_bypass(req.host()) {
            return Ok(Opened::Pass);
        }
        if let (Some(user), Some(password)) = (&user, &password) {
            if !user.is_empty() && !password.is_empty() {
                let pair = format!(
                    "{}:{}",
                    netstd_urlparse::unquote(user),
                    netstd_urlparse::unquote(password)
                );
                let creds = base64::engine::general_purpose::STANDARD.encode(pair);
                // unredirected (CPython: add_header): a redirect that leaves the
                // proxy must not carry the proxy's password to the target
                req.add_unredirected_header("Proxy-authorization", &format!("Basic {creds}"));
            }
        }
        let hostport = netstd_urlparse::unquote(&hostport).into_owned();
        req.set_proxy(&hostport, &proxy_type);
        if orig_type == proxy_type || orig_type == "https" {
            Ok(Opened::Pass)
        } else {
            Ok(Opened::Reopen(req.clone()))
        }
    }
}

impl BaseHandler for ProxyHandler {
    fn handler_order(&self) -> i32 {
        100
    }

    fn kind(&self) -> Option<HandlerKind> {
        Some(HandlerKind::Proxy)
    }

    fn open(&self, protocol: &str, req: &mut Request, _: &Parent<'_>) -> Result<Opened> {
        match self.proxies.get(protocol) {
            Some(proxy) => {
                let proxy = proxy.clone();
                self.proxy_open(req, &proxy)
            }
            None => Ok(Opened::Pass),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn environment_as_cpython() {
        let p = proxies_from(&vars(&[
            ("HTTP_PROXY", "http://a:1"),
            ("http_proxy", "http://b:2"),
        ]));
        assert_eq!(p["http"], "http://b:2");
        let p = proxies_from(&vars(&[("HTTPS_PROXY", "http://a:1"), ("https_proxy", "")]));
        assert!(!p.contains_key("https"));
        // httpoxy: a CGI request's Proxy header must not become HTTP_PROXY's proxy
        let p = proxies_from(&vars(&[
            ("HTTP_PROXY", "http://evil:1"),
            ("REQUEST_METHOD", "GET"),
        ]));
        assert!(!p.contains_key("http"));
    }

    #[test]
    fn bypass_as_cpython() {
        assert!(bypass("anything", Some("*")));
        assert!(bypass("www.example.com", Some("example.com")));
        assert!(bypass("www.example.com:80", Some(".example.com")));
        assert!(bypass("localhost:8080", Some("localhost")));
        assert!(!bypass("notexample.com", Some("example.com")));
        assert!(!bypass("a.com", None));
        // "." strips to "" and then matches names ending with a dot, as CPython
        assert!(bypass("example.com.", Some(".")));
    }

    #[test]
    fn proxy_credentials_are_not_redirected() {
        let h = ProxyHandler::new(Some(BTreeMap::from([(
            "http".to_owned(),
            "http://joe:pw@proxy.invalid:3128".to_owned(),
        )])));
        let mut req = Request::new("http://example.com/").unwrap();
        let parent = Parent { addheaders: &[] };
        assert!(matches!(
            h.open("http", &mut req, &parent).unwrap(),
            Opened::Pass
        ));
        assert_eq!(req.host(), "proxy.invalid:3128");
        assert!(req.headers().is_empty());
        assert_eq!(
            req.get_header("Proxy-authorization"),
            Some("Basic am9lOnB3")
        );
    }

    #[test]
    fn parse_proxy_as_cpython() {
        assert_eq!(
            parse_proxy("proxy.example:3128").unwrap(),
            (None, None, None, "proxy.example:3128".into())
        );
        assert_eq!(
            parse_proxy("http://joe:pw@proxy.example:3128/").unwrap(),
            (
                Some("http".into()),
                Some("joe".into()),
                Some("pw".into()),
                "proxy.example:3128".into()
            )
        );
        assert!(parse_proxy("file:/ftp.example.com").is_err());
        assert_eq!(
            parse_proxy("http://joe:pa/ss@proxy:3128/x").unwrap(),
            (
                Some("http".into()),
                Some("joe".into()),
                Some("pa/ss".into()),
                "proxy:3128".into()
            )
        );
    }
}
