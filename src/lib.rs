//! netstd: Python's "Internet Protocols and Support" modules in Rust, under Python's
//! module paths. Each module is a feature, all on by default.
//!
//! ```no_run
//! # fn main() -> Result<(), netstd::socket::Error> {
//! let ctx = netstd::ssl::create_default_context()?;
//! let tls = ctx.wrap_socket(netstd::socket::create_connection("example.org", 443)?, Some("example.org"))?;
//! # drop(tls); Ok(()) }
//! ```

/// Python's `socket` (the part the protocol modules use): `create_connection` and
/// connected streams.
#[cfg(feature = "socket")]
pub mod socket {
    pub use netstd_core::{
        Address, ConnectOptions, Error, LineReader, Shutdown, Stream, create_connection,
        create_connection_with,
    };
    /// The async face on tokio.
    #[cfg(feature = "tokio")]
    pub mod aio {
        pub use netstd_core::aio::*;
    }
}

/// Python's `ssl`: `SSLContext`, `create_default_context`, verification modes.
#[cfg(feature = "ssl")]
pub mod ssl {
    pub use netstd_core::ssl::*;
}

/// Python's `socketserver`: `TCPServer`, `UDPServer`, their Unix and threading
/// forms, `StreamRequestHandler`, `DatagramRequestHandler`.
///
/// ```no_run
/// use std::io::{BufRead, Write};
/// use netstd::socketserver::{StreamRequest, ThreadingTCPServer};
/// let server = ThreadingTCPServer::new(("127.0.0.1", 9999), |req: &mut StreamRequest| {
///     let mut line = Vec::new();
///     req.read_until(b'\n', &mut line)?;
///     req.write_all(&line)
/// })?;
/// server.serve_forever()?;
/// # Ok::<(), netstd::socketserver::Error>(())
/// ```
#[cfg(feature = "socketserver")]
pub mod socketserver {
    pub use netstd_socketserver::*;
}

/// Python's `uuid`: [`uuid::UUID`], `uuid1` to `uuid8`, `getnode`, the namespaces.
///
/// ```
/// let u = netstd::uuid::uuid5(&netstd::uuid::NAMESPACE_DNS, "python.org");
/// assert_eq!(u.to_string(), "886313e1-3b8a-5372-9b90-0c9aee199e5d");
/// ```
#[cfg(feature = "uuid")]
pub mod uuid {
    pub use netstd_uuid::*;
}

/// The README's Rust examples, compiled as doc tests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// Python's `urllib` package: `urllib.parse`, `urllib.request`, `urllib.response`,
/// `urllib.error` and `urllib.robotparser`.
#[cfg(feature = "urllib")]
pub mod urllib {
    /// Python's `urllib.parse`: `urlsplit`, `urlparse`, `urljoin`, `urldefrag`,
    /// `parse_qs`, `parse_qsl`, `urlencode`, `quote`, `unquote` and the rest, exact to
    /// CPython with its later security fixes; the bytes forms in `bytes`.
    ///
    /// ```
    /// use netstd::urllib::parse::{parse_qs, urlencode, urljoin, urlsplit};
    /// let r = urlsplit("https://example.com:8443/search?q=rust&page=2")?;
    /// assert_eq!((r.hostname().as_deref(), r.port()?), (Some("example.com"), Some(8443)));
    /// assert_eq!(parse_qs(r.query()).get("page").unwrap(), ["2"]);
    /// assert_eq!(urljoin("https://example.com/a/b", "c?d")?, "https://example.com/a/c?d");
    /// assert_eq!(urlencode([("q", "a b")]), "q=a+b");
    /// # Ok::<(), netstd::urllib::parse::Error>(())
    /// ```
    pub mod parse {
        pub use netstd_urlparse::*;
    }

    /// Python's `urllib.request`: `urlopen`, `Request`, `build_opener` and every
    /// handler (redirects, cookies, proxies, Basic and Digest authentication,
    /// `file:` and `data:`), `urlretrieve`; the async opener in `aio`. Needs the
    /// `http` feature.
    ///
    /// ```
    /// use netstd::urllib::request::urlopen;
    /// let mut resp = urlopen("data:text/plain,hello").unwrap();
    /// assert_eq!(resp.read().unwrap(), b"hello");
    /// ```
    #[cfg(feature = "http")]
    pub mod request {
        pub use netstd_httpclient::urllib::request::*;
    }

    /// Python's `urllib.response`: `addinfourl`, what `urlopen` returns. Needs the
    /// `http` feature.
    #[cfg(feature = "http")]
    pub mod response {
        pub use netstd_httpclient::urllib::response::*;
    }

    /// Python's `urllib.error`: `URLError`, `HTTPError` and `ContentTooShortError`
    /// (variants of [`Error`](error::Error)); [`HTTPError`](error::HTTPError) is the
    /// response an HTTP error carries. Needs the `http` feature.
    ///
    /// ```
    /// use netstd::urllib::error::Error;
    /// let e = netstd::urllib::request::urlopen("gopher://x/").unwrap_err();
    /// assert!(matches!(e, Error::URLError { .. }));
    /// ```
    #[cfg(feature = "http")]
    pub mod error {
        pub use netstd_httpclient::urllib::error::*;
    }

    /// Python's `urllib.robotparser`: `RobotFileParser` with CPython's answers, and
    /// beyond Python an RFC 9309 mode (longest match, wildcards, the 500 KiB limit).
    /// `read_response` is the decision half of `read()`.
    ///
    /// ```
    /// use netstd::urllib::robotparser::{RobotFileParser, splitlines};
    /// let mut rp = RobotFileParser::new("https://example.com/robots.txt")?;
    /// rp.parse(splitlines("User-agent: *\nDisallow: /private/\n"))?;
    /// assert!(!rp.can_fetch("MyBot/1.0", "https://example.com/private/x")?);
    ///
    /// let mut rfc = RobotFileParser::rfc9309("https://example.com/robots.txt")?;
    /// rfc.read_response(200, b"User-agent: *\nDisallow: /\nAllow: /*.css$\n")?;
    /// assert!(rfc.can_fetch("MyBot/1.0", "https://example.com/a.css")?);
    /// # Ok::<(), netstd::urllib::robotparser::Error>(())
    /// ```
    #[cfg(feature = "robotparser")]
    pub mod robotparser {
        pub use netstd_robotparser::*;
    }
}

/// Python's `ipaddress`: addresses, networks and interfaces of both versions.
///
/// ```
/// use netstd::ipaddress::{ip_address, ip_network};
/// let net = ip_network("192.168.0.0/16").unwrap();
/// assert!(net.contains(&ip_address("192.168.3.4").unwrap()));
/// ```
#[cfg(feature = "ipaddress")]
pub mod ipaddress {
    pub use netstd_ipaddress::*;
}

/// Python's `http` package: [`http::HTTPStatus`], [`http::HTTPMethod`], and its
/// modules `http.client`, `http.cookies` and `http.cookiejar`.
///
/// ```
/// use netstd::http::HTTPStatus;
/// let s = HTTPStatus::new(404)?;
/// assert_eq!((s.phrase(), s.is_client_error()), ("Not Found", true));
/// # Ok::<(), netstd::http::Error>(())
/// ```
#[cfg(any(
    feature = "http",
    feature = "httpserver",
    feature = "cookies",
    feature = "cookiejar"
))]
pub mod http {
    #[cfg(feature = "http")]
    pub use netstd_http::{Error, HTTPMethod, HTTPStatus};

    /// Python's `http.server`: `HTTPServer`, `ThreadingHTTPServer`,
    /// `BaseHTTPRequestHandler`, `SimpleHTTPRequestHandler`.
    ///
    /// ```no_run
    /// use netstd::http::server::{SimpleHTTPRequestHandler, ThreadingHTTPServer};
    /// let httpd = ThreadingHTTPServer::new(("127.0.0.1", 8000), SimpleHTTPRequestHandler::new("."))?;
    /// httpd.serve_forever()?;
    /// # Ok::<(), netstd::socketserver::Error>(())
    /// ```
    #[cfg(feature = "httpserver")]
    pub mod server {
        pub use netstd_httpserver::*;
    }

    #[cfg(feature = "http")]
    /// Python's `http.client`: `HTTPConnection`, `HTTPSConnection`, `HTTPResponse`,
    /// `HTTPMessage`, `parse_headers`, `responses` and the exceptions (as
    /// [`client::Error`]); the async face in `client::aio`.
    ///
    /// ```no_run
    /// # fn main() -> netstd::http::client::Result<()> {
    /// use netstd::http::client::HTTPSConnection;
    /// let mut conn = HTTPSConnection::new("www.python.org")?;
    /// conn.request("GET", "/")?;
    /// let mut r = conn.getresponse()?;
    /// println!("{} {}", r.status(), r.reason());
    /// let body = r.read()?;
    /// # drop(body); Ok(()) }
    /// ```
    pub mod client {
        /// The sans-IO HTTP/1.1 message layer the client and server share.
        pub use netstd_http::proto;
        pub use netstd_httpclient::*;
    }

    /// Python's `http.cookies`: `SimpleCookie`, `BaseCookie`, `Morsel`, `CookieError`.
    ///
    /// ```
    /// use netstd::http::cookies::SimpleCookie;
    /// let mut c = SimpleCookie::new();
    /// c.load("chips=ahoy; vienna=finger")?;
    /// c.get_mut("chips").unwrap().set_item("path", "/")?;
    /// assert_eq!(c.output()?, "Set-Cookie: chips=ahoy; Path=/\r\nSet-Cookie: vienna=finger");
    /// # Ok::<(), netstd::http::cookies::Error>(())
    /// ```
    #[cfg(feature = "cookies")]
    pub mod cookies {
        pub use netstd_cookies::*;
    }

    /// Python's `http.cookiejar`: `CookieJar`, `DefaultCookiePolicy`, `Cookie`.
    ///
    /// ```
    /// use netstd::http::cookiejar::{CookieJar, CookieRequest, Request, Response};
    /// let jar = CookieJar::new();
    /// let req = Request::new("http://example.com/").unwrap();
    /// jar.extract_cookies(&Response::from_lines(["Set-Cookie: a=1"]), &req);
    /// let mut next = Request::new("http://example.com/x").unwrap();
    /// jar.add_cookie_header(&mut next);
    /// assert_eq!(next.get_header("Cookie").as_deref(), Some("a=1"));
    /// ```
    #[cfg(feature = "cookiejar")]
    pub mod cookiejar {
        pub use netstd_cookiejar::*;
    }
}
