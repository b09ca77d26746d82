//! Python's `http` package and the sans-IO HTTP/1.1 message layer of netstd.
//!
//! - [`HTTPStatus`] and [`HTTPMethod`]: `http.HTTPStatus` and `http.HTTPMethod`.
//! - [`HTTPMessage`] and [`parse_headers`]: `http.client.HTTPMessage` and
//!   `http.client.parse_headers`, with CPython's exact header grammar (its
//!   `email.feedparser` under the compat32 policy) and its limits.
//! - [`proto`]: the sans-IO pieces the client and the server share: head readers
//!   with limits, status and request lines, body framing, the chunked decoder and
//!   encoder, and the head writer that refuses CR/LF injection.

mod error;
mod interop;
mod message;
mod method;
pub mod mimetypes;
mod params;
pub mod proto;
mod status;

pub use error::Error;
pub use message::{HTTPMessage, parse_headers};
pub use method::HTTPMethod;
pub use params::ParamValue;
pub use status::HTTPStatus;

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
