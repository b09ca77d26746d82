//! Connects with `socket.create_connection` and `ssl.create_default_context()`
//! semantics and prints what was negotiated, like a small `openssl s_client`:
//!
//!     cargo run --example tls_probe -- example.org 443
//!
//! Verification is on (platform roots, host name checked); a failure prints the
//! Python exception it stands for.

use std::time::Duration;

use netstd::socket::{ConnectOptions, create_connection_with};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(host) = args.next() else {
        eprintln!("usage: tls_probe HOST [PORT]");
        std::process::exit(2);
    };
    let port = args.next().and_then(|p| p.parse().ok()).unwrap_or(443);
    let opts = ConnectOptions::new()
        .timeout(Duration::from_secs(10))
        .happy_eyeballs(true);
    let result = (|| {
        let mut ctx = netstd::ssl::create_default_context()?;
        ctx.set_alpn_protocols(&["h2", "http/1.1"])?;
        let raw = create_connection_with(&host, port, &opts)?;
        let peer = raw.getpeername()?;
        let s = ctx.wrap_socket(raw, Some(&host))?;
        Ok::<_, netstd::socket::Error>((peer, s))
    })();
    match result {
        Ok((peer, s)) => {
            println!("peer:    {peer}");
            println!("version: {}", s.version().unwrap_or("-"));
            println!("cipher:  {}", s.cipher().unwrap_or_default());
            println!(
                "alpn:    {}",
                s.selected_alpn_protocol().unwrap_or_else(|| "-".into())
            );
            let der = s.getpeercert_der().unwrap_or_default();
            println!("cert:    {} bytes DER", der.len());
        }
        Err(e) => {
            eprintln!("{}: {e}", e.python_name());
            std::process::exit(1);
        }
    }
}
