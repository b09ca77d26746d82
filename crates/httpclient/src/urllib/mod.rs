//! Python's `urllib.request`, `urllib.response` and `urllib.error`: [`request::urlopen`],
//! [`request::Request`], the [`request::OpenerDirector`] with its handler chain, and
//! the responses and errors they give.
//!
//! The handler chain keeps CPython's dispatch (`handler_order`, `<protocol>_request`,
//! `<protocol>_open`, `<protocol>_response`, `http_error_<code>`, `default_open`,
//! `unknown_open`, `http_error_default`) as the [`request::BaseHandler`] trait with
//! default methods. Handlers decide; the opener of each face (blocking here, tokio in
//! [`request::aio`]) does the I/O, so both faces share every decision: where a CPython
//! handler calls `self.parent.open(new_request)`, ours answers
//! [`request::ErrorAction::Retry`] and the opener opens it.
//!
//! ```no_run
//! # fn main() -> netstd_httpclient::Result<()> {
//! use netstd_httpclient::urllib::request::urlopen;
//! let mut resp = urlopen("https://www.python.org/")?;
//! println!("{} {:?}", resp.status().unwrap_or(0), resp.headers().get("content-type"));
//! let html = resp.read()?;
//! # drop(html); Ok(()) }
//! ```

pub mod error;
pub mod request;
pub mod response;
