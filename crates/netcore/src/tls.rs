//! `ssl.SSLContext` in Python's shape, over rustls with the ring provider.
//!
//! A context is a mutable bag of settings, as in Python; the rustls configuration is
//! built from it when the first connection needs it and cached until a setting
//! changes, so TLS session resumption works across connections made with one context.
//!
//! Verification is on by default ([`create_default_context`], [`SSLContext::new`] with
//! [`PROTOCOL_TLS_CLIENT`]). It can be turned off only through methods whose names
//! say `dangerous`.

use std::fmt;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::server::WebPkiClientVerifier;
use rustls::sign::CertifiedKey;
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, ServerConfig, SignatureScheme};

use crate::error::{Error, Result};

/// Which side of the handshake a context is for (`ssl.PROTOCOL_TLS_CLIENT` /
/// `ssl.PROTOCOL_TLS_SERVER`).
///
/// ```
/// use netstd_core::ssl::{SSLContext, PROTOCOL_TLS_SERVER};
/// let ctx = SSLContext::new(PROTOCOL_TLS_SERVER);
/// assert!(ctx.is_server_side());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// `ssl.PROTOCOL_TLS_CLIENT`: verifies the server's certificate and host name.
    TlsClient,
    /// `ssl.PROTOCOL_TLS_SERVER`: presents a certificate; client certificates optional.
    TlsServer,
}

/// `ssl.PROTOCOL_TLS_CLIENT`.
pub const PROTOCOL_TLS_CLIENT: Protocol = Protocol::TlsClient;
/// `ssl.PROTOCOL_TLS_SERVER`.
pub const PROTOCOL_TLS_SERVER: Protocol = Protocol::TlsServer;

/// `ssl.Purpose`: what a default context is for.
///
/// ```
/// use netstd_core::ssl::{create_default_context_with, Purpose};
/// let server = create_default_context_with(Purpose::CLIENT_AUTH).unwrap();
/// assert!(server.is_server_side());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum Purpose {
    /// `ssl.Purpose.SERVER_AUTH`: a client context that authenticates servers.
    SERVER_AUTH,
    /// `ssl.Purpose.CLIENT_AUTH`: a server context that may authenticate clients.
    CLIENT_AUTH,
}

/// `ssl.VerifyMode`: whether the peer must present a certificate that verifies.
///
/// ```
/// use netstd_core::ssl::{create_default_context, VerifyMode};
/// assert_eq!(create_default_context().unwrap().verify_mode(), VerifyMode::CERT_REQUIRED);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum VerifyMode {
    /// `ssl.CERT_NONE`: no verification (reachable only through `dangerous_*`).
    CERT_NONE,
    /// `ssl.CERT_OPTIONAL`: verify a certificate if the peer sends one (server side).
    CERT_OPTIONAL,
    /// `ssl.CERT_REQUIRED`: the peer must present a certificate that verifies.
    CERT_REQUIRED,
}

/// `ssl.TLSVersion`. rustls speaks TLS 1.2 and 1.3 only, so the older versions are
/// accepted as bounds but never negotiated (CPython's defaults also refuse them).
///
/// ```
/// use netstd_core::ssl::{create_default_context, TLSVersion};
/// let mut ctx = create_default_context().unwrap();
/// ctx.set_minimum_version(TLSVersion::TLSv1_3);
/// assert_eq!(ctx.minimum_version(), TLSVersion::TLSv1_3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum TLSVersion {
    /// `TLSVersion.MINIMUM_SUPPORTED`
    MINIMUM_SUPPORTED,
    /// `TLSVersion.TLSv1` (never negotiated here)
    TLSv1,
    /// `TLSVersion.TLSv1_1` (never negotiated here)
    TLSv1_1,
    /// `TLSVersion.TLSv1_2`
    TLSv1_2,
    /// `TLSVersion.TLSv1_3`
    TLSv1_3,
    /// `TLSVersion.MAXIMUM_SUPPORTED`
    MAXIMUM_SUPPORTED,
}

/// Where [`SSLContext::load_verify_locations_with`] finds CA certificates: Python's
/// `cafile`, `capath` and `cadata` keyword arguments.
///
/// ```
/// use netstd_core::ssl::VerifyLocations;
/// let where_ = VerifyLocations::new().cafile("/etc/ssl/certs/ca-certificates.crt");
/// # let _ = where_;
/// ```
#[derive(Debug, Clone, Default)]
pub struct VerifyLocations {
    cafile: Option<std::path::PathBuf>,
    capath: Option<std::path::PathBuf>,
    cadata: Option<Vec<u8>>,
}

impl VerifyLocations {
    /// No locations yet.
    pub fn new() -> Self {
        Self::default()
    }
    /// `cafile`: a file of PEM certificates.
    pub fn cafile(mut self, path: impl AsRef<Path>) -> Self {
        self.cafile = Some(path.as_ref().to_path_buf());
        self
    }
    /// `capath`: a directory whose files hold PEM certificates (every readable file
    /// is tried, not only the hashed names OpenSSL looks up).
    pub fn capath(mut self, path: impl AsRef<Path>) -> Self {
        self.capath = Some(path.as_ref().to_path_buf());
        self
    }
    /// `cadata`: PEM text (one or more certificates) or one DER certificate.
    pub fn cadata(mut self, data: impl Into<Vec<u8>>) -> Self {
        self.cadata = Some(data.into());
        self
    }
}

/// A certificate chain (leaf first) and its private key, checked to belong together
/// when loaded; kept to rebuild configurations, which take them by value.
#[derive(Clone)]
struct Identity(
    Arc<Vec<CertificateDer<'static>>>,
    Arc<PrivateKeyDer<'static>>,
);

/// `ssl.SSLContext`: the settings for TLS connections.
///
/// ```
/// use netstd_core::ssl::{SSLContext, PROTOCOL_TLS_CLIENT, VerifyMode};
/// let ctx = SSLContext::new(PROTOCOL_TLS_CLIENT);
/// assert!(ctx.check_hostname());
/// assert_eq!(ctx.verify_mode(), VerifyMode::CERT_REQUIRED);
/// ```
#[derive(Clone)]
pub struct SSLContext {
    protocol: Protocol,
    roots: RootCertStore,
    verify_mode: VerifyMode,
    check_hostname: bool,
    minimum_version: TLSVersion,
    maximum_version: TLSVersion,
    alpn: Vec<Vec<u8>>,
    identity: Option<Identity>,
    keylog: bool,
    client: OnceLock<Arc<ClientConfig>>,
    server: OnceLock<Arc<ServerConfig>>,
}

impl fmt::Debug for SSLContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SSLContext")
            .field("protocol", &self.protocol)
            .field("ca_certs", &self.roots.len())
            .field("verify_mode", &self.verify_mode)
            .field("check_hostname", &self.check_hostname)
            .field("minimum_version", &self.minimum_version)
            .field("maximum_version", &self.maximum_version)
            .field("has_cert_chain", &self.identity.is_some())
            .finish()
    }
}

/// The DER inside the first `ENCRYPTED PRIVATE KEY` PEM block, if there is one.
fn encrypted_pkcs8(pem: &[u8]) -> Option<Vec<u8>> {
    use base64::Engine;
    let text = std::str::from_utf8(pem).ok()?;
    let begin = "-----BEGIN ENCRYPTED PRIVATE KEY-----";
    let start = text.find(begin)? + begin.len();
    let end = start + text[start..].find("-----END ENCRYPTED PRIVATE KEY-----")?;
    let b64: String = text[start..end]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    base64::engine::general_purpose::STANDARD.decode(b64).ok()
}

/// `ssl.create_default_context()`: a client context that verifies certificates against
/// the platform's CA store (webpki's roots where the platform has none) and checks
/// host names. `SSLKEYLOGFILE` is honoured as in CPython.
///
/// ```
/// let ctx = netstd_core::ssl::create_default_context().unwrap();
/// assert!(ctx.check_hostname());
/// ```
pub fn create_default_context() -> Result<SSLContext> {
    create_default_context_with(Purpose::SERVER_AUTH)
}

/// `ssl.create_default_context(purpose)`: [`Purpose::CLIENT_AUTH`] makes a server
/// context (no CA certificates loaded, client certificates not requested).
///
/// ```
/// use netstd_core::ssl::{create_default_context_with, Purpose};
/// assert!(!create_default_context_with(Purpose::SERVER_AUTH).unwrap().is_server_side());
/// ```
pub fn create_default_context_with(purpose: Purpose) -> Result<SSLContext> {
    let mut ctx = match purpose {
        Purpose::SERVER_AUTH => SSLContext::new(PROTOCOL_TLS_CLIENT),
        Purpose::CLIENT_AUTH => SSLContext::new(PROTOCOL_TLS_SERVER),
    };
    if purpose == Purpose::SERVER_AUTH {
        ctx.load_default_certs();
    }
    ctx.keylog = std::env::var_os("SSLKEYLOGFILE").is_some_and(|v| !v.is_empty());
    Ok(ctx)
}

/// The ring provider, installed for the whole process on first use.
fn provider() -> Arc<CryptoProvider> {
    static PROVIDER: OnceLock<Arc<CryptoProvider>> = OnceLock::new();
    PROVIDER
        .get_or_init(|| Arc::new(rustls::crypto::ring::default_provider()))
        .clone()
}

impl SSLContext {
    /// `ssl.SSLContext(protocol)`: a client context verifies certificates and host
    /// names (with no CA loaded yet); a server context does not ask for client
    /// certificates.
    pub fn new(protocol: Protocol) -> Self {
        let client = protocol == Protocol::TlsClient;
        SSLContext {
            protocol,
            roots: RootCertStore::empty(),
            verify_mode: if client {
                VerifyMode::CERT_REQUIRED
            } else {
                VerifyMode::CERT_NONE
            },
            check_hostname: client,
            minimum_version: TLSVersion::TLSv1_2,
            maximum_version: TLSVersion::MAXIMUM_SUPPORTED,
            alpn: Vec::new(),
            identity: None,
            keylog: false,
            client: OnceLock::new(),
            server: OnceLock::new(),
        }
    }

    /// The side this context is for (`SSLContext.protocol`).
    pub fn protocol(&self) -> Protocol {
        self.protocol
    }

    /// True for a [`PROTOCOL_TLS_SERVER`] context.
    pub fn is_server_side(&self) -> bool {
        self.protocol == Protocol::TlsServer
    }

    fn changed(&mut self) {
        self.client = OnceLock::new();
        self.server = OnceLock::new();
    }

    /// `SSLContext.check_hostname`.
    pub fn check_hostname(&self) -> bool {
        self.check_hostname
    }

    /// `SSLContext.check_hostname = value`. Turning it off keeps certificate
    /// verification but accepts a certificate issued for another name. Turning it on
    /// also sets `verify_mode` to `CERT_REQUIRED` when it was `CERT_NONE`, as Python does.
    pub fn dangerous_set_check_hostname(&mut self, value: bool) {
        self.check_hostname = value;
        if value && self.verify_mode == VerifyMode::CERT_NONE {
            self.verify_mode = VerifyMode::CERT_REQUIRED;
        }
        self.changed();
    }

    /// `SSLContext.verify_mode`.
    pub fn verify_mode(&self) -> VerifyMode {
        self.verify_mode
    }

    /// `SSLContext.verify_mode = mode`. As in Python, `CERT_NONE` is refused with
    /// `ValueError` while `check_hostname` is on.
    ///
    /// ```
    /// use netstd_core::ssl::{create_default_context, VerifyMode};
    /// let mut ctx = create_default_context().unwrap();
    /// assert!(ctx.dangerous_set_verify_mode(VerifyMode::CERT_NONE).is_err());
    /// ctx.dangerous_set_check_hostname(false);
    /// ctx.dangerous_set_verify_mode(VerifyMode::CERT_NONE).unwrap();
    /// ```
    pub fn dangerous_set_verify_mode(&mut self, mode: VerifyMode) -> Result<()> {
        if mode == VerifyMode::CERT_NONE && self.check_hostname {
            return Err(Error::ValueError(
                "Cannot set verify_mode to CERT_NONE when check_hostname is enabled.".into(),
            ));
        }
        self.verify_mode = mode;
        self.changed();
        Ok(())
    }

    /// `ssl._create_unverified_context()` turned into a method: no certificate and no
    /// host-name checks at all. For tests and for talking to known self-signed peers.
    pub fn dangerous_disable_verification(&mut self) {
        self.check_hostname = false;
        self.verify_mode = VerifyMode::CERT_NONE;
        self.changed();
    }

    /// `SSLContext.minimum_version`.
    pub fn minimum_version(&self) -> TLSVersion {
        self.minimum_version
    }

    /// `SSLContext.minimum_version = v`.
    pub fn set_minimum_version(&mut self, v: TLSVersion) {
        self.minimum_version = v;
        self.changed();
    }

    /// `SSLContext.maximum_version`.
    pub fn maximum_version(&self) -> TLSVersion {
        self.maximum_version
    }

    /// `SSLContext.maximum_version = v`.
    pub fn set_maximum_version(&mut self, v: TLSVersion) {
        self.maximum_version = v;
        self.changed();
    }

    /// `SSLContext.set_alpn_protocols(protocols)`, in order of preference.
    ///
    /// ```
    /// let mut ctx = netstd_core::ssl::create_default_context().unwrap();
    /// ctx.set_alpn_protocols(&["http/1.1"]).unwrap();
    /// ```
    pub fn set_alpn_protocols(&mut self, protocols: &[&str]) -> Result<()> {
        if protocols.iter().any(|p| p.is_empty() || p.len() > 255) {
            return Err(Error::ValueError(
                "ALPN protocols must be 1 to 255 bytes long".into(),
            ));
        }
        self.alpn = protocols.iter().map(|p| p.as_bytes().to_vec()).collect();
        self.changed();
        Ok(())
    }

    /// `SSLContext.load_default_certs()`: the platform's CA certificates, or webpki's
    /// bundled roots where the platform store is empty or unreadable.
    pub fn load_default_certs(&mut self) {
        let native = rustls_native_certs::load_native_certs();
        let (added, _) = self.roots.add_parsable_certificates(native.certs);
        if added == 0 {
            self.roots
                .extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        }
        self.changed();
    }

    /// `SSLContext.load_verify_locations(cafile)`: trust the PEM certificates in a file.
    pub fn load_verify_locations(&mut self, cafile: impl AsRef<Path>) -> Result<()> {
        self.load_verify_locations_with(VerifyLocations::new().cafile(cafile))
    }

    /// `SSLContext.load_verify_locations(cafile=, capath=, cadata=)`.
    ///
    /// ```
    /// use netstd_core::ssl::{SSLContext, VerifyLocations, PROTOCOL_TLS_CLIENT};
    /// let mut ctx = SSLContext::new(PROTOCOL_TLS_CLIENT);
    /// // Not a certificate: SSLError, as in Python.
    /// assert!(ctx.load_verify_locations_with(VerifyLocations::new().cadata("junk")).is_err());
    /// ```
    pub fn load_verify_locations_with(&mut self, locations: VerifyLocations) -> Result<()> {
        if locations.cafile.is_none() && locations.capath.is_none() && locations.cadata.is_none() {
            return Err(Error::ValueError(
                "cafile, capath and cadata cannot be all omitted".into(),
            ));
        }
        let mut certs = Vec::new();
        if let Some(file) = &locations.cafile {
            certs.extend(read_pem_certs(&std::fs::read(file)?)?);
        }
        if let Some(dir) = &locations.capath {
            for entry in std::fs::read_dir(dir)? {
                let path = entry?.path();
                if let Ok(bytes) = std::fs::read(&path) {
                    certs.extend(read_pem_certs(&bytes).unwrap_or_default());
                }
            }
        }
        if let Some(data) = &locations.cadata {
            // Python takes PEM as str and DER as bytes; here PEM is told by its armour.
            if data.windows(11).any(|w| w == b"-----BEGIN ") {
                certs.extend(read_pem_certs(data)?);
            } else {
                certs.push(CertificateDer::from(data.clone()));
            }
        }
        for cert in certs {
            self.roots
                .add(cert)
                .map_err(|e| Error::SSLError(format!("bad CA certificate: {e}")))?;
        }
        self.changed();
        Ok(())
    }

    /// Number of trusted CA certificates (`cert_store_stats()["x509_ca"]`).
    pub fn ca_count(&self) -> usize {
        self.roots.len()
    }

    /// `SSLContext.load_cert_chain(certfile, keyfile)`: the certificate chain (leaf
    /// first) and private key this side presents. With `keyfile` `None` the key is read
    /// from `certfile`, as in Python. A key that does not match the certificate is an
    /// `SSLError`. An encrypted key takes
    /// [`load_cert_chain_with_password`](Self::load_cert_chain_with_password).
    pub fn load_cert_chain(
        &mut self,
        certfile: impl AsRef<Path>,
        keyfile: Option<&Path>,
    ) -> Result<()> {
        let cert_pem = std::fs::read(certfile.as_ref())?;
        let key_pem = match keyfile {
            Some(k) => std::fs::read(k)?,
            None => cert_pem.clone(),
        };
        self.load_cert_chain_pem(&cert_pem, &key_pem)
    }

    /// `load_cert_chain(certfile, keyfile, password)`: a private key encrypted as
    /// PKCS#8 (`-----BEGIN ENCRYPTED PRIVATE KEY-----`, what OpenSSL 3 writes; PBES2
    /// with PBKDF2 or scrypt and AES) is decrypted with `password`. A wrong password
    /// is an `SSLError`.
    ///
    /// ```no_run
    /// let mut ctx = netstd_core::ssl::SSLContext::new(netstd_core::ssl::PROTOCOL_TLS_SERVER);
    /// ctx.load_cert_chain_with_password("cert.pem", Some("key.pem".as_ref()), b"secret").unwrap();
    /// ```
    pub fn load_cert_chain_with_password(
        &mut self,
        certfile: impl AsRef<Path>,
        keyfile: Option<&Path>,
        password: &[u8],
    ) -> Result<()> {
        let cert_pem = std::fs::read(certfile.as_ref())?;
        let key_pem = match keyfile {
            Some(k) => std::fs::read(k)?,
            None => cert_pem.clone(),
        };
        self.load_cert_chain_pem_inner(&cert_pem, &key_pem, Some(password))
    }

    /// [`load_cert_chain`](Self::load_cert_chain) from PEM text in memory.
    pub fn load_cert_chain_pem(&mut self, cert_pem: &[u8], key_pem: &[u8]) -> Result<()> {
        self.load_cert_chain_pem_inner(cert_pem, key_pem, None)
    }

    fn load_cert_chain_pem_inner(
        &mut self,
        cert_pem: &[u8],
        key_pem: &[u8],
        password: Option<&[u8]>,
    ) -> Result<()> {
        let chain = read_pem_certs(cert_pem)?;
        if chain.is_empty() {
            return Err(Error::SSLError(
                "[SSL] PEM lib: no certificate found".into(),
            ));
        }
        let key = match encrypted_pkcs8(key_pem) {
            Some(der) => {
                let Some(password) = password else {
                    return Err(Error::SSLError(
                        "[SSL] PEM lib: the private key is encrypted and no password was given"
                            .into(),
                    ));
                };
                let info =
                    pkcs8::EncryptedPrivateKeyInfo::try_from(der.as_slice()).map_err(|e| {
                        Error::SSLError(format!("[SSL] PEM lib: bad encrypted private key ({e})"))
                    })?;
                let plain = info.decrypt(password).map_err(|_| {
                    Error::SSLError("[SSL: BAD_DECRYPT] bad decrypt (wrong password?)".into())
                })?;
                PrivateKeyDer::Pkcs8(plain.as_bytes().to_vec().into())
            }
            None => PrivateKeyDer::from_pem_slice(key_pem).map_err(|e| {
                Error::SSLError(format!("[SSL] PEM lib: no private key found ({e})"))
            })?,
        };
        CertifiedKey::from_der(chain.clone(), key.clone_key(), &provider())
            .map_err(|e| Error::SSLError(format!("[X509: KEY_VALUES_MISMATCH] {e}")))?;
        self.identity = Some(Identity(Arc::new(chain), Arc::new(key)));
        self.changed();
        Ok(())
    }

    fn versions(&self) -> Result<Vec<&'static rustls::SupportedProtocolVersion>> {
        let mut v = Vec::new();
        if self.minimum_version <= TLSVersion::TLSv1_3
            && self.maximum_version >= TLSVersion::TLSv1_3
        {
            v.push(&rustls::version::TLS13);
        }
        if self.maximum_version >= TLSVersion::TLSv1_2
            && self.minimum_version <= TLSVersion::TLSv1_2
        {
            v.push(&rustls::version::TLS12);
        }
        if v.is_empty() {
            return Err(Error::SSLError(
                "[SSL: NO_PROTOCOLS_AVAILABLE] no protocols available".into(),
            ));
        }
        Ok(v)
    }

    /// The rustls client configuration these settings make (cached).
    pub fn client_config(&self) -> Result<Arc<ClientConfig>> {
        if self.protocol != Protocol::TlsClient {
            return Err(Error::ValueError(
                "Cannot create a client socket with a PROTOCOL_TLS_SERVER context".into(),
            ));
        }
        if let Some(c) = self.client.get() {
            return Ok(c.clone());
        }
        let provider = provider();
        let builder = ClientConfig::builder_with_provider(provider.clone())
            .with_protocol_versions(&self.versions()?)
            .map_err(Error::from)?;
        let builder = if self.verify_mode == VerifyMode::CERT_NONE {
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(NoVerifier(
                    provider.signature_verification_algorithms,
                )))
        } else {
            let webpki = WebPkiServerVerifier::builder_with_provider(
                Arc::new(self.roots.clone()),
                provider.clone(),
            )
            .build()
            .map_err(|e| Error::SSLError(format!("no CA certificates to verify with: {e}")));
            match (webpki, self.check_hostname) {
                (Ok(v), true) => builder.with_webpki_verifier(v),
                (Ok(v), false) => builder
                    .dangerous()
                    .with_custom_certificate_verifier(Arc::new(AnyNameVerifier(v))),
                // An empty trust store verifies nothing: every certificate fails.
                (Err(_), _) => builder
                    .dangerous()
                    .with_custom_certificate_verifier(Arc::new(NothingTrusted(
                        provider.signature_verification_algorithms,
                    ))),
            }
        };
        let mut config = match &self.identity {
            Some(Identity(chain, key)) => builder
                .with_client_auth_cert(chain.as_ref().clone(), key.clone_key())
                .map_err(Error::from)?,
            None => builder.with_no_client_auth(),
        };
        config.alpn_protocols = self.alpn.clone();
        if self.keylog {
            config.key_log = Arc::new(rustls::KeyLogFile::new());
        }
        let config = Arc::new(config);
        Ok(self.client.get_or_init(|| config).clone())
    }

    /// The rustls server configuration these settings make (cached).
    pub fn server_config(&self) -> Result<Arc<ServerConfig>> {
        if self.protocol != Protocol::TlsServer {
            return Err(Error::ValueError(
                "Cannot create a server socket with a PROTOCOL_TLS_CLIENT context".into(),
            ));
        }
        if let Some(c) = self.server.get() {
            return Ok(c.clone());
        }
        let Some(Identity(chain, key)) = &self.identity else {
            return Err(Error::SSLError(
                "[SSL: NO_SHARED_CIPHER] a server context needs load_cert_chain() first".into(),
            ));
        };
        let provider = provider();
        let builder = ServerConfig::builder_with_provider(provider.clone())
            .with_protocol_versions(&self.versions()?)
            .map_err(Error::from)?;
        let builder = if self.verify_mode == VerifyMode::CERT_NONE {
            builder.with_no_client_auth()
        } else {
            let verifier =
                WebPkiClientVerifier::builder_with_provider(Arc::new(self.roots.clone()), provider);
            let verifier = if self.verify_mode == VerifyMode::CERT_OPTIONAL {
                verifier.allow_unauthenticated()
            } else {
                verifier
            };
            builder.with_client_cert_verifier(verifier.build().map_err(|e| {
                Error::SSLError(format!("client verification needs CA certificates: {e}"))
            })?)
        };
        let mut config = builder
            .with_single_cert(chain.as_ref().clone(), key.clone_key())
            .map_err(Error::from)?;
        config.alpn_protocols = self.alpn.clone();
        if self.keylog {
            config.key_log = Arc::new(rustls::KeyLogFile::new());
        }
        let config = Arc::new(config);
        Ok(self.server.get_or_init(|| config).clone())
    }

    /// The name rustls verifies and sends as SNI for `server_hostname`: IDNA-encoded
    /// as CPython does; `None` is allowed only when `check_hostname` is off.
    pub(crate) fn server_name(&self, server_hostname: Option<&str>) -> Result<ServerName<'static>> {
        match server_hostname {
            Some(host) => {
                let host = crate::connect::strip_brackets(host);
                let ascii = crate::idna::encode(host)?;
                ServerName::try_from(ascii.as_ref())
                    .map(|n| n.to_owned())
                    .map_err(|_| Error::ValueError(format!("invalid server_hostname {host:?}")))
            }
            None if self.check_hostname => Err(Error::ValueError(
                "check_hostname requires server_hostname".into(),
            )),
            // Without a name there is nothing to check or send as SNI; rustls still
            // wants one, and an IP literal sends none.
            None => Ok(ServerName::IpAddress(
                std::net::Ipv4Addr::UNSPECIFIED.into(),
            )),
        }
    }
}

/// Reads every certificate from PEM text; anything that is not PEM is an `SSLError`.
fn read_pem_certs(pem: &[u8]) -> Result<Vec<CertificateDer<'static>>> {
    let certs: std::result::Result<Vec<_>, _> = CertificateDer::pem_slice_iter(pem).collect();
    let certs = certs.map_err(|e| Error::SSLError(format!("[X509: PEM lib] {e}")))?;
    if certs.is_empty() {
        return Err(Error::SSLError(
            "[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found".into(),
        ));
    }
    Ok(certs)
}

/// check_hostname off, verify_mode on: the chain must verify; the name may differ.
#[derive(Debug)]
struct AnyNameVerifier(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for AnyNameVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        // webpki checks the name last, after the chain and validity: a name error
        // means everything else verified.
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::NotValidForName
                | rustls::CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// Handshake signatures are checked by the peer's key, as always; used by the two
/// verifiers below that do not consult a trust store.
macro_rules! signature_checks {
    () => {
        fn verify_tls12_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
            rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
        }
        fn verify_tls13_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
            rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
        }
        fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
            self.0.supported_schemes()
        }
    };
}

/// CERT_NONE: any certificate is accepted.
#[derive(Debug)]
struct NoVerifier(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for NoVerifier {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
    signature_checks!();
}

/// Verification on with an empty trust store: no certificate can verify
/// (OpenSSL's "unable to get local issuer certificate").
#[derive(Debug)]
struct NothingTrusted(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for NothingTrusted {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Err(rustls::Error::InvalidCertificate(
            rustls::CertificateError::UnknownIssuer,
        ))
    }
    signature_checks!();
}
