//! netcore: the networking every netstd protocol crate stands on.
//!
//! - [`create_connection`]: Python's `socket.create_connection` (IDNA, IPv4 and IPv6,
//!   every resolved address in turn, Happy Eyeballs as an option).
//! - [`Stream`]: TCP or Unix-domain, plain or TLS, with timeouts and an in-place
//!   [`Stream::starttls`].
//! - [`ssl`]: Python's `ssl.SSLContext` over rustls; verification on by default.
//! - [`line`](mod@line): bounded line framing, sans-IO ([`line::LineFramer`]) and blocking
//!   ([`LineReader`]), with the line-length limit each protocol needs.
//! - [`aio`] (feature `tokio`): the same on tokio.
//! - [`Error`]: one error type; each case names the Python exception it stands for.
//!
//! ```no_run
//! # fn main() -> netstd_core::Result<()> {
//! use netstd_core::{create_connection, LineReader};
//! let mut conn = LineReader::new(create_connection("localhost", 25)?, 8192);
//! let greeting = conn.readline()?; // b"220 ...\r\n"
//! # let _ = greeting; Ok(()) }
//! ```

pub mod connect;
pub mod error;
pub mod idna;
pub mod line;
mod stream;
mod tls;

#[cfg(feature = "tokio")]
pub mod aio;

pub use connect::{ConnectOptions, create_connection, create_connection_with};
pub use error::{Error, Result};
pub use line::LineReader;
pub use std::net::Shutdown;
pub use stream::{Address, Stream};

/// Python's `ssl` module: [`ssl::SSLContext`], [`ssl::create_default_context`] and friends.
pub mod ssl {
    pub use crate::tls::*;
}
