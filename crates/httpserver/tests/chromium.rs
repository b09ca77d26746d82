//! Headless Chromium loads a directory listing served by `netstd http.server`'s
//! handler, takes a screenshot, and follows every link of the listing.

use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use netstd_core::Address;
use netstd_httpserver::{SimpleHTTPRequestHandler, ThreadingHTTPServer};
use netstd_testsupport::{TempDir, interop};

/// Chromium with everything that would reach beyond loopback turned off.
fn chromium(profile: &TempDir, args: &[&str]) -> std::process::Output {
    let program = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| std::path::Path::new(p).is_file())
        .expect("chromium");
    let mut cmd = Command::new(program);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--disable-breakpad",
        "--disable-domain-reliability",
        "--no-first-run",
        "--no-default-browser-check",
        "--metrics-recording-only",
        "--timeout=20000",
    ]);
    cmd.arg(format!("--user-data-dir={}", profile.path().display()));
    cmd.args(args);
    cmd.output().expect("run chromium")
}

#[test]
fn chromium_browses_a_listing() {
    let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .any(|p| std::path::Path::new(p).is_file());
    if !found && interop::require("chromium").is_none() {
        return;
    }
    let site = TempDir::new();
    site.write("hello.txt", "hello from netstd\n");
    site.write(
        "page.html",
        "<!DOCTYPE html><title>t</title><p id=x>a page</p>\n",
    );
    site.write("odd name & <b>.txt", "odd\n");
    std::fs::create_dir(site.path().join("sub")).unwrap();
    std::fs::write(site.path().join("sub/inner.txt"), "inner\n").unwrap();
    let server = Arc::new(
        ThreadingHTTPServer::new(("127.0.0.1", 0), SimpleHTTPRequestHandler::new(site.path()))
            .unwrap(),
    );
    let Address::Inet(addr) = server.server_address() else {
        panic!("inet")
    };
    let s = server.clone();
    let thread = std::thread::spawn(move || s.serve_forever_with(Duration::from_millis(20)));
    let base = format!("http://{addr}/");
    let profile = TempDir::new();

    let shot = profile.path().join("listing.png");
    let out = chromium(
        &profile,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=800,600",
            &base,
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 1000);

    let out = chromium(&profile, &["--dump-dom", &base]);
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(dom.contains("Directory listing for /"), "{dom}");
    let links: Vec<String> = dom
        .split("<a href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next().map(str::to_owned))
        .collect();
    assert_eq!(links.len(), 4, "{links:?}");
    for link in &links {
        let out = chromium(&profile, &["--dump-dom", &format!("{base}{link}")]);
        let page = String::from_utf8_lossy(&out.stdout).into_owned();
        let expected = match link.as_str() {
            "hello.txt" => "hello from netstd",
            "page.html" => "a page",
            "sub/" => "inner.txt",
            _ => "odd",
        };
        assert!(page.contains(expected), "{link}: {page}");
    }
    server.shutdown();
    thread.join().unwrap().unwrap();
}
