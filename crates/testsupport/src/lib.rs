//! Test support for every netstd crate: certificates made at test time, loopback
//! servers on free ports, temporary directories, and the rules for interop tests
//! against real peers (skip when the peer is missing, fail instead under
//! `NETSTD_REQUIRE_INTEROP=1`).
//!
//! This crate depends on no netstd crate, so any crate can use it as a
//! dev-dependency; it hands out PEM text that each test loads into its own context.
//!
//! ```
//! let ca = netstd_testsupport::TestCa::new();
//! let leaf = ca.issue(&["localhost", "127.0.0.1"]);
//! assert!(leaf.cert_pem.starts_with("-----BEGIN CERTIFICATE-----"));
//! ```

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Child;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose,
};
use time::OffsetDateTime;

/// A throwaway certificate authority, made fresh for a test run.
pub struct TestCa {
    issuer: CertifiedIssuer<'static, KeyPair>,
}

/// A certificate and its private key, PEM-encoded.
#[derive(Debug, Clone)]
pub struct Issued {
    /// The certificate (leaf only).
    pub cert_pem: String,
    /// The PKCS#8 private key.
    pub key_pem: String,
}

impl Default for TestCa {
    fn default() -> Self {
        Self::new()
    }
}

impl TestCa {
    /// A new CA named "netstd test CA", valid from yesterday for a year.
    pub fn new() -> Self {
        Self::named("netstd test CA")
    }

    /// A new CA with this common name (two CAs make an "untrusted CA" test).
    pub fn named(common_name: &str) -> Self {
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("no names");
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CommonName, common_name);
        params.distinguished_name = dn;
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let now = OffsetDateTime::now_utc();
        params.not_before = now - time::Duration::days(1);
        params.not_after = now + time::Duration::days(365);
        let key = KeyPair::generate().expect("key generation");
        let issuer = CertifiedIssuer::self_signed(params, key).expect("self-signed CA");
        TestCa { issuer }
    }

    /// The CA certificate, PEM.
    pub fn cert_pem(&self) -> String {
        self.issuer.pem()
    }

    /// A server (and client) certificate for these DNS names and IP literals, valid now.
    pub fn issue(&self, names: &[&str]) -> Issued {
        let now = OffsetDateTime::now_utc();
        self.issue_between(
            names,
            now - time::Duration::hours(1),
            now + time::Duration::days(30),
        )
    }

    /// A certificate for these names that expired yesterday.
    pub fn issue_expired(&self, names: &[&str]) -> Issued {
        let now = OffsetDateTime::now_utc();
        self.issue_between(
            names,
            now - time::Duration::days(30),
            now - time::Duration::days(1),
        )
    }

    fn issue_between(&self, names: &[&str], from: OffsetDateTime, until: OffsetDateTime) -> Issued {
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        let mut params = CertificateParams::new(names.clone()).expect("valid names");
        let mut dn = DistinguishedName::new();
        dn.push(
            DnType::CommonName,
            names.first().cloned().unwrap_or_default(),
        );
        params.distinguished_name = dn;
        params.not_before = from;
        params.not_after = until;
        params.key_usages = vec![
            KeyUsagePurpose::DigitalSignature,
            KeyUsagePurpose::KeyEncipherment,
        ];
        params.extended_key_usages = vec![
            ExtendedKeyUsagePurpose::ServerAuth,
            ExtendedKeyUsagePurpose::ClientAuth,
        ];
        let key = KeyPair::generate().expect("key generation");
        let cert = params.signed_by(&key, &self.issuer).expect("signing");
        Issued {
            cert_pem: cert.pem(),
            key_pem: key.serialize_pem(),
        }
    }
}

/// A directory under the system temp dir, removed with everything in it on drop.
#[derive(Debug)]
pub struct TempDir(PathBuf);

impl TempDir {
    /// A new, empty, uniquely named directory.
    pub fn new() -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "netstd-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&path).expect("create temp dir");
        TempDir(path)
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes a file into it and returns the file's path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, contents).expect("write temp file");
        p
    }
}

impl Default for TempDir {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A port on 127.0.0.1 that was free a moment ago (for peers that need a port
/// number before they start; in-process servers should bind port 0 instead). A port
/// is never handed out twice in one test process, so two tests running at once
/// cannot start their peers on the same port (the kernel may well offer a port it
/// offered a moment before).
pub fn free_port() -> u16 {
    static GIVEN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .expect("bind 127.0.0.1:0")
            .local_addr()
            .expect("addr")
            .port();
        let mut given = match GIVEN.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

/// Serves exactly one connection on `addr` (port 0 for a free one; loopback only)
/// with `handler` on a thread; returns the bound address and the thread.
pub fn serve_once<F, T>(addr: &str, handler: F) -> (SocketAddr, JoinHandle<T>)
where
    F: FnOnce(TcpStream) -> T + Send + 'static,
    T: Send + 'static,
{
    let listener = TcpListener::bind(addr).expect("bind loopback");
    let local = listener.local_addr().expect("addr");
    assert!(
        local.ip().is_loopback(),
        "test servers listen on loopback only"
    );
    let handle = std::thread::spawn(move || {
        let (conn, _) = listener.accept().expect("accept");
        conn.set_read_timeout(Some(Duration::from_secs(20))).ok();
        conn.set_write_timeout(Some(Duration::from_secs(20))).ok();
        handler(conn)
    });
    (local, handle)
}

/// Whether loopback IPv6 works here (some containers lack `::1`).
pub fn ipv6_available() -> bool {
    TcpListener::bind("[::1]:0").is_ok()
}

/// Interop tests against real peers.
pub mod interop {
    use super::*;

    /// True when `NETSTD_REQUIRE_INTEROP=1`: a missing peer is then a failure.
    pub fn required() -> bool {
        std::env::var("NETSTD_REQUIRE_INTEROP").is_ok_and(|v| v == "1")
    }

    /// Finds `program` on `PATH`. When it is missing the test is skipped with a
    /// message (returns `None`), or fails under `NETSTD_REQUIRE_INTEROP=1`.
    pub fn require(program: &str) -> Option<PathBuf> {
        let found = std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(program))
                .find(|p| p.is_file())
        });
        if found.is_none() {
            skip(&format!("`{program}` is not installed"));
        }
        found
    }

    /// Reports a skipped interop test, or panics under `NETSTD_REQUIRE_INTEROP=1`.
    pub fn skip(why: &str) {
        if required() {
            panic!("interop peer missing under NETSTD_REQUIRE_INTEROP=1: {why}");
        }
        eprintln!("SKIPPED interop test: {why} (scripts/test-all installs the peers)");
    }

    /// A child process killed (by its pid) and reaped when dropped.
    #[derive(Debug)]
    pub struct Peer(pub Child);

    impl Peer {
        /// The child's pid.
        pub fn pid(&self) -> u32 {
            self.0.id()
        }
    }

    impl Drop for Peer {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    /// nginx started from the repository's `tests/interop/nginx.conf.in`: one
    /// process, loopback only, plain HTTP on `port` and HTTPS on `tls_port` with the
    /// given certificate, serving `dir/www`. Killed by its pid when dropped.
    #[derive(Debug)]
    pub struct Nginx {
        /// The nginx process.
        pub peer: Peer,
        /// The plain HTTP port on 127.0.0.1.
        pub port: u16,
        /// The HTTPS port on 127.0.0.1.
        pub tls_port: u16,
        /// The prefix directory; `dir.path().join("www")` is the document root.
        pub dir: TempDir,
    }

    impl Nginx {
        /// Starts nginx serving `files` (name, contents) with `cert` for TLS; `None`
        /// (the test skips) when nginx is not installed.
        pub fn start(files: &[(&str, &[u8])], cert: &Issued) -> Option<Nginx> {
            // Debian puts nginx in /usr/sbin, which a user's PATH may lack
            let sbin = PathBuf::from("/usr/sbin/nginx");
            let nginx = if sbin.is_file() {
                sbin
            } else {
                require("nginx")?
            };
            let dir = TempDir::new();
            let www = dir.path().join("www");
            std::fs::create_dir_all(&www).expect("www");
            for (name, contents) in files {
                std::fs::write(www.join(name), contents).expect("write www file");
            }
            let certfile = dir.write("cert.pem", &cert.cert_pem);
            let keyfile = dir.write("key.pem", &cert.key_pem);
            let (port, tls_port) = (free_port(), free_port());
            let conf = include_str!("../../../tests/interop/nginx.conf.in")
                .replace("@PREFIX@", &dir.path().display().to_string())
                .replace("@ROOT@", &www.display().to_string())
                .replace("@PORT@", &port.to_string())
                .replace("@TLS_PORT@", &tls_port.to_string())
                .replace("@CERT@", &certfile.display().to_string())
                .replace("@KEY@", &keyfile.display().to_string());
            let conf = dir.write("nginx.conf", conf);
            let child = std::process::Command::new(nginx)
                .arg("-p")
                .arg(dir.path())
                .arg("-c")
                .arg(&conf)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("start nginx");
            let peer = Peer(child);
            let up = wait_for_port(([127, 0, 0, 1], port).into(), Duration::from_secs(10))
                && wait_for_port(([127, 0, 0, 1], tls_port).into(), Duration::from_secs(10));
            assert!(
                up,
                "nginx did not start: {:?}",
                std::fs::read_to_string(dir.path().join("error.log"))
            );
            Some(Nginx {
                peer,
                port,
                tls_port,
                dir,
            })
        }
    }

    /// tinyproxy, a real forward proxy, from `tests/interop/tinyproxy.conf.in`, on
    /// 127.0.0.1:`port`. Killed by its pid when dropped.
    #[derive(Debug)]
    pub struct Tinyproxy {
        /// The tinyproxy process.
        pub peer: Peer,
        /// Its port on 127.0.0.1.
        pub port: u16,
        /// Its directory (configuration).
        pub dir: TempDir,
    }

    impl Tinyproxy {
        /// Starts tinyproxy; `None` (the test skips) when it is not installed.
        pub fn start() -> Option<Tinyproxy> {
            Self::start_with("")
        }

        /// Starts tinyproxy asking for Basic credentials (`BasicAuth user password`,
        /// answered with 407 and `Proxy-Authenticate: Basic realm="Tinyproxy"`).
        pub fn start_with_basic_auth(user: &str, password: &str) -> Option<Tinyproxy> {
            Self::start_with(&format!("BasicAuth {user} {password}\n"))
        }

        fn start_with(extra: &str) -> Option<Tinyproxy> {
            let program = require("tinyproxy")?;
            let dir = TempDir::new();
            let port = free_port();
            let conf = include_str!("../../../tests/interop/tinyproxy.conf.in")
                .replace("@PREFIX@", &dir.path().display().to_string())
                .replace("@PORT@", &port.to_string())
                + extra;
            let conf = dir.write("tinyproxy.conf", conf);
            let child = std::process::Command::new(program)
                .arg("-d")
                .arg("-c")
                .arg(&conf)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("start tinyproxy");
            let peer = Peer(child);
            assert!(
                wait_for_port(([127, 0, 0, 1], port).into(), Duration::from_secs(10)),
                "tinyproxy did not start"
            );
            Some(Tinyproxy { peer, port, dir })
        }
    }

    /// A CPython server script of the repository (`tests/interop/*.py`) started
    /// as `python3 SCRIPT PORT` on a free port of 127.0.0.1: the process and its
    /// base URL `http://127.0.0.1:PORT`. `None` (the test skips) without python3.
    pub fn python_server(script: &Path) -> Option<(Peer, String)> {
        let python = require("python3")?;
        let port = free_port();
        let child = std::process::Command::new(python)
            .arg(script)
            .arg(port.to_string())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::inherit())
            .spawn()
            .expect("start the CPython server");
        let peer = Peer(child);
        assert!(
            wait_for_port(([127, 0, 0, 1], port).into(), Duration::from_secs(20)),
            "{} did not start",
            script.display()
        );
        Some((peer, format!("http://127.0.0.1:{port}")))
    }

    /// Waits until something accepts connections on `addr` (a loopback address),
    /// at most `limit`; false when nothing did.
    pub fn wait_for_port(addr: SocketAddr, limit: Duration) -> bool {
        assert!(
            addr.ip().is_loopback(),
            "interop peers run on loopback only"
        );
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_pem() {
        let ca = TestCa::new();
        assert!(ca.cert_pem().contains("BEGIN CERTIFICATE"));
        let leaf = ca.issue_expired(&["localhost"]);
        assert!(leaf.key_pem.contains("PRIVATE KEY"));
    }

    #[test]
    fn temp_dir_is_removed() {
        let p = {
            let d = TempDir::new();
            d.write("x", "y");
            d.path().to_path_buf()
        };
        assert!(!p.exists());
    }
}
