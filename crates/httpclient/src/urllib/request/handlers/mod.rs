//! The handlers of `urllib.request`, one module per concern.

pub(crate) mod auth;
pub(crate) mod cookie;
pub(crate) mod data;
pub(crate) mod errors;
pub(crate) mod file;
pub(crate) mod http;
pub(crate) mod proxy;
pub(crate) mod redirect;

pub use auth::{
    AbstractBasicAuthHandler, AbstractDigestAuthHandler, HTTPBasicAuthHandler,
    HTTPDigestAuthHandler, HTTPPasswordMgr, HTTPPasswordMgrWithDefaultRealm,
    HTTPPasswordMgrWithPriorAuth, PasswordMgr, ProxyBasicAuthHandler, ProxyDigestAuthHandler,
    parse_http_list, parse_keqv_list,
};
pub use cookie::HTTPCookieProcessor;
pub use data::DataHandler;
pub use errors::{HTTPDefaultErrorHandler, HTTPErrorProcessor, UnknownHandler};
pub use file::{FileHandler, pathname2url, url2pathname};
pub use http::{HTTPHandler, HTTPSHandler};
pub use proxy::{ProxyHandler, getproxies, getproxies_environment, proxy_bypass};
pub use redirect::HTTPRedirectHandler;
