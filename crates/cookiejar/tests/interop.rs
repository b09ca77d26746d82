//! The file jars against real peers on loopback: curl writes a cookies.txt that
//! MozillaCookieJar loads and answers as curl does; curl and CPython's
//! MozillaCookieJar load what MozillaCookieJar saves; LWPCookieJar round-trips with
//! CPython's. A missing peer skips (or fails under NETSTD_REQUIRE_INTEROP=1).

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use netstd_cookiejar::{
    CookieJar, CookieRequest, FileCookieJar, LWPCookieJar, MozillaCookieJar, Request, Response,
};

use netstd_testsupport::TempDir;
use netstd_testsupport::interop::{Peer, require};

/// A CPython HTTP server: `/set...` answers with Set-Cookie headers, any other path
/// echoes the Cookie header it received as the body.
const SERVER: &str = r#"
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        if self.path.startswith("/set"):
            for c in ["a=1; Path=/", "b=2; Path=/sub; Max-Age=3600",
                      "c=3; Expires=Wed, 01 Jan 2099 00:00:00 GMT",
                      "h=4; HttpOnly; Max-Age=3600", "s=5; Secure; Max-Age=3600",
                      "q=\"x y\"; Max-Age=3600"]:
                self.send_header("Set-Cookie", c)
            body = b""
        else:
            body = (self.headers.get("Cookie") or "").encode()
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a):
        pass
srv = http.server.HTTPServer(("127.0.0.1", 0), H)
print(srv.server_address[1], flush=True)
srv.serve_forever()
"#;

fn start_server() -> Option<(Peer, u16)> {
    let python = require("python3")?;
    let mut child = Command::new(python)
        .args(["-c", SERVER])
        .stdout(Stdio::piped())
        .spawn()
        .expect("start python3");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("port");
    Some((
        Peer(child),
        line.trim().parse().expect("python printed its port"),
    ))
}

fn curl(args: &[&str]) -> String {
    let curl = require("curl").expect("checked by the caller");
    let out = Command::new(curl)
        .args(["-s", "--max-time", "20"])
        .args(args)
        .output()
        .expect("run curl");
    assert!(
        out.status.success(),
        "curl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// A Cookie header as a set of `name=value` pairs.
fn pairs(header: &str) -> BTreeSet<String> {
    header
        .split("; ")
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn our_header(jar: &CookieJar, url: &str) -> String {
    let mut req = Request::new(url).expect("valid URL");
    jar.add_cookie_header(&mut req);
    req.get_header("Cookie").unwrap_or_default()
}

/// CPython's `MozillaCookieJar` answer for `url` after loading `file`: the cookies
/// kept and the Cookie header it would send.
fn cpython_mozilla(python: &std::path::Path, file: &str, url: &str) -> (String, String) {
    let script = "import http.cookiejar, sys, urllib.request\n\
        j = http.cookiejar.MozillaCookieJar()\n\
        j.load(sys.argv[1], ignore_discard=True)\n\
        print(sorted((c.domain, c.path, c.name, c.value) for c in j))\n\
        r = urllib.request.Request(sys.argv[2])\n\
        j.add_cookie_header(r)\n\
        print(r.get_header('Cookie') or '')";
    let out = Command::new(python)
        .args(["-c", script, file, url])
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut lines = text.lines();
    (
        lines.next().unwrap_or("").to_string(),
        lines.next().unwrap_or("").to_string(),
    )
}

fn our_cookies(jar: &CookieJar) -> String {
    let mut v: Vec<String> = jar
        .cookies()
        .iter()
        .map(|c| {
            format!(
                "('{}', '{}', '{}', '{}')",
                c.domain,
                c.path,
                c.name,
                c.value.clone().unwrap_or_default()
            )
        })
        .collect();
    v.sort();
    format!("[{}]", v.join(", "))
}

/// curl's session cookies (expiry 0 in its file) are expired to CPython, so
/// neither CPython nor we send them; the persistent ones go back exactly as curl
/// itself sends them.
#[test]
fn mozilla_jar_reads_curls_file_as_cpython_and_answers_as_curl() {
    let Some((_server, port)) = start_server() else {
        return;
    };
    let Some(python) = require("python3") else {
        return;
    };
    if require("curl").is_none() {
        return;
    }
    let dir = TempDir::new();
    let file = dir.path().join("curl.txt");
    let file_s = file.to_str().unwrap();
    curl(&["-c", file_s, &format!("http://127.0.0.1:{port}/set")]);
    let jar = MozillaCookieJar::new(Some(&file));
    jar.load_with(&netstd_cookiejar::FileOptions::new().ignore_discard(true))
        .expect("load curl's file");
    for path in ["/", "/sub/x"] {
        let url = format!("http://127.0.0.1:{port}{path}");
        let (cookies, header) = cpython_mozilla(&python, file_s, &url);
        assert_eq!(our_cookies(&jar), cookies);
        let ours = our_header(&jar, &url);
        assert_eq!(ours, header, "{path}");
        // curl also sends the session cookie `a`, and the Secure `s` (it counts
        // loopback as a secure context; CPython's policy sends Secure cookies only
        // over its secure_protocols); everything else is the same.
        let mut theirs = pairs(&curl(&["-b", file_s, &url]));
        theirs.remove("a=1");
        theirs.remove("s=5");
        assert_eq!(pairs(&ours), theirs, "{path}");
    }
    assert!(
        jar.cookies().iter().any(|c| c.name == "h"),
        "#HttpOnly_ lines are read"
    );
}

/// What MozillaCookieJar saves, curl and CPython's MozillaCookieJar read to the same
/// cookies (curl skips a session cookie's empty expiry field, as it does in files
/// CPython writes).
#[test]
fn curl_and_cpython_read_what_mozilla_jar_saves() {
    let Some((_server, port)) = start_server() else {
        return;
    };
    let Some(python) = require("python3") else {
        return;
    };
    if require("curl").is_none() {
        return;
    }
    let url = format!("http://127.0.0.1:{port}/sub/page");
    let jar = MozillaCookieJar::new(None::<&str>);
    let response = Response::from_lines([
        "Set-Cookie: a=1; Path=/",
        "Set-Cookie: b=2; Path=/sub; Max-Age=3600",
        "Set-Cookie: c=3; Expires=Wed, 01 Jan 2099 00:00:00 GMT",
        "Set-Cookie: h=4; HttpOnly; Max-Age=3600",
    ]);
    let request = Request::new(&url).unwrap();
    jar.extract_cookies(&response, &request);
    assert_eq!(jar.len(), 4);
    let dir = TempDir::new();
    let file = dir.path().join("ours.txt");
    jar.save_with(
        &netstd_cookiejar::FileOptions::new()
            .filename(&file)
            .ignore_discard(true),
    )
    .expect("save");
    let file_s = file.to_str().unwrap();
    let (cookies, header) = cpython_mozilla(&python, file_s, &url);
    assert_eq!(cookies, our_cookies(&jar));
    assert_eq!(header, our_header(&jar, &url));
    let mut ours = pairs(&our_header(&jar, &url));
    ours.remove("a=1");
    assert_eq!(pairs(&curl(&["-b", file_s, &url])), ours);
}

#[test]
fn lwp_jar_round_trips_with_cpython() {
    let Some(python) = require("python3") else {
        return;
    };
    let jar = LWPCookieJar::new(None::<&str>);
    let request = Request::new("http://www.example.com/a/b").unwrap();
    let response = Response::from_lines([
        "Set-Cookie: sid=abc; Path=/; Max-Age=3600",
        "Set-Cookie: pref=\"x y\"; Domain=.example.com; Expires=Wed, 01 Jan 2099 00:00:00 GMT",
        "Set-Cookie2: v2=1; Version=1; Path=\"/a\"; Comment=\"hi\"; Max-Age=600",
    ]);
    jar.extract_cookies(&response, &request);
    let dir = TempDir::new();
    let ours = dir.path().join("ours.lwp");
    let theirs = dir.path().join("theirs.lwp");
    jar.save_with(
        &netstd_cookiejar::FileOptions::new()
            .filename(&ours)
            .ignore_discard(true),
    )
    .expect("save");
    // CPython loads our file and saves it again; we load CPython's file.
    let script = "import http.cookiejar, sys\n\
        j = http.cookiejar.LWPCookieJar()\n\
        j.load(sys.argv[1], ignore_discard=True)\n\
        j.save(sys.argv[2], ignore_discard=True)";
    let out = Command::new(python)
        .args([
            "-c",
            script,
            ours.to_str().unwrap(),
            theirs.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let back = LWPCookieJar::new(Some(&theirs));
    back.load_with(&netstd_cookiejar::FileOptions::new().ignore_discard(true))
        .expect("load CPython's file");
    let key = |j: &CookieJar| {
        let mut v: Vec<String> = j.cookies().iter().map(|c| format!("{c:?}")).collect();
        v.sort();
        v
    };
    assert_eq!(key(&jar), key(&back));
    assert_eq!(
        std::fs::read_to_string(&ours).unwrap(),
        std::fs::read_to_string(&theirs).unwrap()
    );
}
