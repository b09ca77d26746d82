//! Python's `http.client`: [`HTTPConnection`], [`HTTPSConnection`], [`HTTPResponse`],
//! [`HTTPMessage`], [`parse_headers`], [`responses`] and every exception as an
//! [`Error`] variant, blocking here and on tokio in `aio` (feature `tokio`).
//!
//! The message layer (head parsing, framing, chunked coding, limits) is
//! `netstd-http`'s, shared with the server. Beyond CPython, and by default:
//! anything that could inject a line into a request is refused before a byte is
//! sent, ambiguous response framing is refused instead of guessed at, announced
//! lengths are never allocated up front, and HTTPS verifies certificates and host
//! names.
//!
//! ```no_run
//! # fn main() -> netstd_httpclient::Result<()> {
//! use netstd_httpclient::HTTPSConnection;
//! let mut conn = HTTPSConnection::new("www.python.org")?;
//! conn.request("GET", "/")?;
//! let mut r1 = conn.getresponse()?;
//! println!("{} {}", r1.status(), r1.reason());
//! let data1 = r1.read()?;          // the connection is now free for the next request
//! conn.request("GET", "/")?;
//! let mut r2 = conn.getresponse()?;
//! while let Some(line) = r2.next() {
//!     let line = line?;
//! #   drop(line);
//! }
//! # drop(data1); Ok(()) }
//! ```

#[macro_use]
mod macros;
#[cfg(feature = "tokio")]
pub mod aio;
mod connection;
mod error;
mod interop;
mod recv;
mod response;
mod state;
pub mod urllib;

pub use connection::{
    Body, ConnectionOptions, HTTP_PORT, HTTPConnection, HTTPS_PORT, HTTPSConnection,
    PutRequestOptions, RequestOptions,
};
pub use error::{Error, Result};
pub use netstd_http::{HTTPMessage, HTTPStatus, parse_headers};
pub use response::HTTPResponse;
pub use state::HeaderValue;

/// `http.client.responses`: the reason phrase of every status code CPython knows.
///
/// ```
/// assert_eq!(netstd_httpclient::responses(404), Some("Not Found"));
/// assert_eq!(netstd_httpclient::responses(299), None);
/// ```
pub fn responses(code: u16) -> Option<&'static str> {
    HTTPStatus::new(code).ok().map(HTTPStatus::phrase)
}
