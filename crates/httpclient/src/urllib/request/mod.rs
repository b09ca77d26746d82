//! Python's `urllib.request`: [`urlopen`], [`Request`], [`OpenerDirector`] and
//! [`build_opener`], every handler, `urlretrieve`, the proxy and path helpers; the
//! same opener on tokio in [`aio`] (feature `tokio`).
//!
//! ```
//! # fn main() -> netstd_httpclient::Result<()> {
//! use netstd_httpclient::urllib::request::{Request, urlopen};
//! let req = Request::new("data:text/plain,hello%20world")?;
//! let mut resp = urlopen(req)?;
//! assert_eq!(resp.read()?, b"hello world");
//! # Ok(()) }
//! ```

#[cfg(feature = "tokio")]
pub mod aio;
mod handler;
mod handlers;
mod opener;
mod req;
mod retrieve;

pub use handler::{
    BaseHandler, DEFAULT_HANDLER_ORDER, ErrorAction, HandlerKind, HttpOpen, Opened, Parent,
    ResponseAction,
};
pub use handlers::*;
pub use netstd_cookiejar::request_host;
pub use opener::{
    MAX_HOPS, OpenerDirector, USER_AGENT, UrlopenOptions, build_opener, install_opener, urlopen,
    urlopen_with,
};
pub use req::{IntoRequest, Request, RequestData};
pub use retrieve::{urlcleanup, urlretrieve, urlretrieve_with};
