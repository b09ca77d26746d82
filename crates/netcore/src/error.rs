//! The one error type of netcore, with the Python exception each case stands for.

use std::io;

/// What went wrong in netcore: connecting, TLS, reading lines.
///
/// Mirrors the exceptions Python's `socket` and `ssl` modules raise. Each case can
/// say which Python class it stands for ([`Error::python_name`]), so protocol crates
/// and the conformance driver can report CPython's class names.
///
/// ```
/// use netstd_core::Error;
/// let e = Error::TimeoutError;
/// assert_eq!(e.python_name(), "TimeoutError");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An operating-system error (`OSError` and its subclasses such as
    /// `ConnectionRefusedError`, `ConnectionResetError`, `BrokenPipeError`).
    #[error("{0}")]
    OSError(#[source] io::Error),
    /// A socket operation timed out (`socket.timeout`, which is `TimeoutError`).
    #[error("timed out")]
    TimeoutError,
    /// Name resolution failed (`socket.gaierror`).
    #[error("{host}: {message}")]
    #[allow(non_camel_case_types)]
    gaierror {
        /// The host name that was looked up.
        host: String,
        /// The resolver's message.
        message: String,
    },
    /// A host name could not be IDNA-encoded (`UnicodeError` from the `idna` codec).
    #[error("encoding with 'idna' codec failed (UnicodeError: {0})")]
    UnicodeError(String),
    /// The peer's certificate did not verify or did not match the host name
    /// (`ssl.SSLCertVerificationError`).
    #[error("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: {0}")]
    SSLCertVerificationError(String),
    /// Any other TLS failure: handshake, alerts, bad key material (`ssl.SSLError`).
    #[error("[SSL] {0}")]
    SSLError(String),
    /// A line longer than the protocol allows was received (http.client's `LineTooLong`;
    /// ftplib, poplib, imaplib and smtplib raise their own error with the same meaning).
    #[error("got more than {limit} bytes when reading line")]
    LineTooLong {
        /// The maximum line length in force, in bytes, terminator included.
        limit: usize,
    },
    /// The peer closed the connection before a complete answer (Python's `EOFError`;
    /// each protocol crate maps it onto its own class, e.g. `SMTPServerDisconnected`).
    #[error("connection closed by peer after {got} of {expected} bytes")]
    EOFError {
        /// Bytes that were still expected.
        expected: usize,
        /// Bytes received before the connection closed.
        got: usize,
    },
    /// An argument is not acceptable (`ValueError`), such as a zero timeout or a
    /// missing server host name while host names are checked.
    #[error("{0}")]
    ValueError(String),
}

impl Error {
    /// The name of the Python exception class this error stands for, as CPython
    /// spells it (`"TimeoutError"`, `"SSLCertVerificationError"`, `"gaierror"`, ...).
    ///
    /// ```
    /// use netstd_core::Error;
    /// let refused = Error::from(std::io::Error::from(std::io::ErrorKind::ConnectionRefused));
    /// assert_eq!(refused.python_name(), "ConnectionRefusedError");
    /// ```
    pub fn python_name(&self) -> &'static str {
        match self {
            Error::OSError(e) => os_error_name(e.kind()),
            Error::TimeoutError => "TimeoutError",
            Error::gaierror { .. } => "gaierror",
            Error::UnicodeError(_) => "UnicodeError",
            Error::SSLCertVerificationError(_) => "SSLCertVerificationError",
            Error::SSLError(_) => "SSLError",
            Error::LineTooLong { .. } => "LineTooLong",
            Error::EOFError { .. } => "EOFError",
            Error::ValueError(_) => "ValueError",
        }
    }

    /// True for a timeout, whichever way it was reported.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::TimeoutError)
    }
}

/// The `OSError` subclass CPython raises for an errno of this kind.
fn os_error_name(kind: io::ErrorKind) -> &'static str {
    use io::ErrorKind::*;
    match kind {
        ConnectionRefused => "ConnectionRefusedError",
        ConnectionReset => "ConnectionResetError",
        ConnectionAborted => "ConnectionAbortedError",
        BrokenPipe => "BrokenPipeError",
        NotFound => "FileNotFoundError",
        PermissionDenied => "PermissionError",
        AlreadyExists => "FileExistsError",
        Interrupted => "InterruptedError",
        TimedOut | WouldBlock => "TimeoutError",
        _ => "OSError",
    }
}

impl From<io::Error> for Error {
    /// Timeouts become [`Error::TimeoutError`]; an `io::Error` that carries a netcore
    /// [`Error`] (as our `Read`/`Write` impls produce) is unwrapped back to it.
    fn from(e: io::Error) -> Self {
        let e = match e.downcast::<Error>() {
            Ok(inner) => return inner,
            Err(e) => e,
        };
        match e.downcast::<rustls::Error>() {
            Ok(tls) => tls.into(),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                Error::TimeoutError
            }
            Err(e) => Error::OSError(e),
        }
    }
}

impl From<Error> for io::Error {
    /// Carries a netcore error through `Read`/`Write`; [`Error::from`] recovers it.
    fn from(e: Error) -> Self {
        match e {
            Error::OSError(io) => io,
            Error::TimeoutError => io::Error::new(io::ErrorKind::TimedOut, Error::TimeoutError),
            Error::EOFError { .. } => io::Error::new(io::ErrorKind::UnexpectedEof, e),
            Error::ValueError(_) | Error::UnicodeError(_) => {
                io::Error::new(io::ErrorKind::InvalidInput, e)
            }
            other => io::Error::new(io::ErrorKind::InvalidData, other),
        }
    }
}

impl From<rustls::Error> for Error {
    fn from(e: rustls::Error) -> Self {
        match e {
            rustls::Error::InvalidCertificate(c) => {
                Error::SSLCertVerificationError(certificate_message(&c))
            }
            other => Error::SSLError(other.to_string()),
        }
    }
}

/// OpenSSL's wording for the common certificate failures, so messages read as in Python.
fn certificate_message(e: &rustls::CertificateError) -> String {
    use rustls::CertificateError::*;
    match e {
        NotValidForName | NotValidForNameContext { .. } => {
            format!("Hostname mismatch, certificate is not valid for this host ({e:?})")
        }
        Expired | ExpiredContext { .. } => "certificate has expired".to_string(),
        NotValidYet | NotValidYetContext { .. } => "certificate is not yet valid".to_string(),
        UnknownIssuer => "unable to get local issuer certificate".to_string(),
        BadSignature => "certificate signature failure".to_string(),
        Revoked => "certificate revoked".to_string(),
        other => format!("{other:?}"),
    }
}

/// netcore's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
