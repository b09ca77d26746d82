//! `netstd http.server`: `python -m http.server` (a `SimpleHTTPRequestHandler` on a
//! dual-stack `ThreadingHTTPServer`), with CPython 3.14's `--tls-cert`, `--tls-key`
//! and `--tls-password-file` (PKCS#8 encrypted keys).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use netstd_core::Address;
use netstd_core::ssl::{PROTOCOL_TLS_SERVER, SSLContext};
#[allow(deprecated)]
use netstd_httpserver::CGIHTTPRequestHandler;
use netstd_httpserver::{HTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer};
use netstd_socketserver::ServerOptions;

/// Run a simple HTTP server that serves the files of a directory.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// run as CGI server
    #[arg(long = "cgi")]
    cgi: bool,
    /// bind to this port (default: 8000)
    #[arg(default_value_t = 8000)]
    port: u16,
    /// bind to this address (default: all interfaces)
    #[arg(short = 'b', long = "bind", value_name = "ADDRESS")]
    bind: Option<String>,
    /// serve this directory (default: current directory)
    #[arg(short = 'd', long = "directory")]
    directory: Option<PathBuf>,
    /// conform to this HTTP version (default: HTTP/1.0)
    #[arg(
        short = 'p',
        long = "protocol",
        value_name = "VERSION",
        default_value = "HTTP/1.0"
    )]
    protocol: String,
    /// path to the TLS certificate chain file
    #[arg(long = "tls-cert", value_name = "PATH")]
    tls_cert: Option<PathBuf>,
    /// path to the TLS key file
    #[arg(long = "tls-key", value_name = "PATH", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// path to the password file for the TLS key
    #[arg(long = "tls-password-file", value_name = "PATH", requires = "tls_cert")]
    tls_password_file: Option<PathBuf>,
}

/// Serves until Ctrl-C, as CPython's `test()` does.
pub(crate) fn run(args: Args) -> ExitCode {
    let directory = match args.directory.clone() {
        Some(d) => d,
        None => match std::env::current_dir() {
            Ok(d) => d,
            Err(e) => return fail(&format!("the current directory: {e}")),
        },
    };
    if args.cgi {
        #[allow(deprecated)]
        let handler = CGIHTTPRequestHandler::new(directory).protocol(&args.protocol);
        serve(handler, &args)
    } else {
        serve(
            SimpleHTTPRequestHandler::new(directory).protocol(&args.protocol),
            &args,
        )
    }
}

fn serve<H: HTTPRequestHandler + Clone>(handler: H, args: &Args) -> ExitCode {
    let mut opts = ServerOptions::new().dual_stack(true);
    if let Some(cert) = &args.tls_cert {
        let mut ctx = SSLContext::new(PROTOCOL_TLS_SERVER);
        let loaded = match &args.tls_password_file {
            // CPython: the file's text, stripped
            Some(file) => match std::fs::read_to_string(file) {
                Ok(password) => ctx.load_cert_chain_with_password(
                    cert,
                    args.tls_key.as_deref(),
                    password.trim().as_bytes(),
                ),
                Err(e) => return fail(&format!("Failed to read TLS password file: {e}")),
            },
            None => ctx.load_cert_chain(cert, args.tls_key.as_deref()),
        };
        if let Err(e) = loaded {
            return fail(&format!("TLS certificate: {e}"));
        }
        opts = opts.tls(ctx);
    }
    let scheme = if args.tls_cert.is_some() {
        "HTTPS"
    } else {
        "HTTP"
    };
    // `_get_best_family`: all interfaces means the IPv6 wildcard where there is one
    let server = match args.bind.as_deref() {
        Some(host) => ThreadingHTTPServer::new_with((host, args.port), handler, opts),
        // no IPv6 here: the IPv4 wildcard (any other error, such as the port in
        // use, is the answer)
        None => {
            match ThreadingHTTPServer::new_with(("::", args.port), handler.clone(), opts.clone()) {
                Err(netstd_socketserver::Error::OSError(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::AddrNotAvailable | std::io::ErrorKind::Unsupported
                    ) || e.raw_os_error() == Some(97) =>
                {
                    ThreadingHTTPServer::new_with(("0.0.0.0", args.port), handler, opts)
                }
                other => other,
            }
        }
    };
    let server = match server {
        Ok(s) => Arc::new(s),
        Err(e) => return fail(&e.to_string()),
    };
    let (host, port) = match server.server_address() {
        Address::Inet(a) => (a.ip().to_string(), a.port()),
        Address::Unix(_) => (String::new(), 0),
    };
    let url_host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host.clone()
    };
    let lower = scheme.to_ascii_lowercase();
    println!("Serving {scheme} on {host} port {port} ({lower}://{url_host}:{port}/) ...");
    let _ = std::io::stdout().flush();
    let stopper = server.clone();
    let interrupted = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = interrupted.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        flag.store(true, std::sync::atomic::Ordering::SeqCst);
        stopper.shutdown();
    }) {
        return fail(&format!("cannot catch Ctrl-C: {e}"));
    }
    if let Err(e) = server.serve_forever() {
        return fail(&e.to_string());
    }
    if interrupted.load(std::sync::atomic::Ordering::SeqCst) {
        println!("\nKeyboard interrupt received, exiting.");
    }
    server.server_close();
    ExitCode::SUCCESS
}

fn fail(message: &str) -> ExitCode {
    eprintln!("netstd http.server: {message}");
    ExitCode::FAILURE
}
