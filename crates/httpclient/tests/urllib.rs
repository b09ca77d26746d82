//! urllib.request against real servers on loopback: a CPython server written for
//! these tests (tests/interop/urllib_server.py: redirects, cookies, Basic and
//! Digest MD5/SHA-256 authentication, short bodies), nginx (redirects, cookies,
//! HTTPS), tinyproxy (ProxyHandler over http and CONNECT) and Apache httpd
//! (mod_auth_basic, mod_auth_digest). Each test skips when its peer is missing
//! and fails instead under NETSTD_REQUIRE_INTEROP=1. Also the regressions of
//! urllib's CVEs and the handler chain without a network.

use std::collections::BTreeMap;
use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use netstd_core::ssl::{VerifyLocations, create_default_context};
use netstd_httpclient::Error;
use netstd_httpclient::urllib::request::{
    BaseHandler, HTTPBasicAuthHandler, HTTPCookieProcessor, HTTPDigestAuthHandler,
    HTTPPasswordMgrWithPriorAuth, HTTPSHandler, OpenerDirector, PasswordMgr, ProxyBasicAuthHandler,
    ProxyDigestAuthHandler, ProxyHandler, Request, RequestData, build_opener, urlretrieve_with,
};
use netstd_testsupport::interop::{self, Nginx, Peer, Tinyproxy};
use netstd_testsupport::{TempDir, TestCa, free_port};

struct Py {
    _peer: Peer,
    base: String,
}

fn python_server() -> Option<Py> {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/interop/urllib_server.py"
    );
    let (peer, base) = interop::python_server(std::path::Path::new(script))?;
    Some(Py { _peer: peer, base })
}

/// An opener without proxies from the environment.
fn opener(mut handlers: Vec<Box<dyn BaseHandler>>) -> OpenerDirector {
    handlers.push(Box::new(ProxyHandler::new(Some(BTreeMap::new()))));
    build_opener(handlers)
}

fn echo(resp: &mut netstd_httpclient::urllib::response::addinfourl) -> serde_json::Value {
    serde_json::from_slice(&resp.read().unwrap()).unwrap()
}

fn header<'a>(doc: &'a serde_json::Value, name: &str) -> Option<&'a str> {
    doc["headers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|kv| kv[0].as_str().unwrap().eq_ignore_ascii_case(name))
        .map(|kv| kv[1].as_str().unwrap())
}

#[test]
fn get_and_post_as_cpython_sends_them() {
    let Some(py) = python_server() else { return };
    let o = opener(vec![]);
    let mut r = o.open(format!("{}/echo?x=1", py.base)).unwrap();
    assert_eq!(r.status(), Some(200));
    assert_eq!(r.msg(), "OK");
    assert_eq!(r.geturl(), format!("{}/echo?x=1", py.base));
    let doc = echo(&mut r);
    assert_eq!(doc["method"], "GET");
    assert_eq!(header(&doc, "Host"), Some(&py.base[7..]));
    assert_eq!(header(&doc, "Connection"), Some("close"));
    assert_eq!(header(&doc, "Accept-Encoding"), Some("identity"));
    assert!(
        header(&doc, "User-Agent")
            .unwrap()
            .starts_with("Python-urllib/")
    );

    let mut r = o
        .open_with(format!("{}/echo", py.base), Some("a=1&b=2".into()), None)
        .unwrap();
    let doc = echo(&mut r);
    assert_eq!(doc["method"], "POST");
    assert_eq!(doc["body"], "a=1&b=2");
    assert_eq!(
        header(&doc, "Content-Type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(header(&doc, "Content-Length"), Some("7"));

    // a reader body goes chunked
    let req = Request::new(&format!("{}/echo", py.base))
        .unwrap()
        .with_data(RequestData::reader(std::io::Cursor::new(
            b"streamed".to_vec(),
        )))
        .with_method("PUT");
    let doc = echo(&mut o.open(req).unwrap());
    assert_eq!(doc["method"], "PUT");
    assert_eq!(doc["body"], "streamed");
    assert_eq!(header(&doc, "Transfer-Encoding"), Some("chunked"));
}

#[test]
fn http_errors_are_responses() {
    let Some(py) = python_server() else { return };
    let o = opener(vec![]);
    match o.open(format!("{}/status/404", py.base)) {
        Err(Error::HTTPError(mut e)) => {
            assert_eq!((e.code, e.msg.as_str()), (404, "Not Found"));
            assert_eq!(e.to_string(), "HTTP Error 404: Not Found");
            assert_eq!(e.headers().get("content-length"), Some("10"));
            assert_eq!(e.read().unwrap(), b"status 404");
        }
        other => panic!("{other:?}"),
    }
    // 2xx other than 200 is a response
    assert_eq!(
        o.open(format!("{}/status/201", py.base)).unwrap().status(),
        Some(201)
    );
    // a refused connection is URLError with the OSError as reason
    let dead = format!("http://127.0.0.1:{}/", free_port());
    match o.open(dead) {
        Err(Error::URLError {
            os_error: Some(e), ..
        }) => assert_eq!(e.python_name(), "ConnectionRefusedError"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn redirects_as_cpython_and_safer() {
    let Some(py) = python_server() else { return };
    let o = opener(vec![]);
    for code in [301, 302, 303, 307, 308] {
        let mut r = o.open(format!("{}/redirect/{code}", py.base)).unwrap();
        assert_eq!(r.geturl(), format!("{}/echo", py.base));
        assert_eq!(echo(&mut r)["method"], "GET");
    }
    // POST after 303 becomes GET without the body; 307 refuses to redirect a POST
    let mut r = o
        .open_with(
            format!("{}/redirect/303", py.base),
            Some("x=1".into()),
            None,
        )
        .unwrap();
    let doc = echo(&mut r);
    assert_eq!(
        (doc["method"].as_str(), doc["body"].as_str()),
        (Some("GET"), Some(""))
    );
    assert_eq!(header(&doc, "Content-Length"), None);
    match o.open_with(
        format!("{}/redirect/307", py.base),
        Some("x=1".into()),
        None,
    ) {
        Err(Error::HTTPError(e)) => assert_eq!(e.code, 307),
        other => panic!("{other:?}"),
    }
    // a loop ends with HTTPError and CPython's message
    match o.open(format!("{}/loop", py.base)) {
        Err(Error::HTTPError(e)) => {
            assert_eq!(e.code, 302);
            assert!(e.msg.starts_with(
                "The HTTP server returned a redirect error that would lead to an infinite loop."
            ));
        }
        other => panic!("{other:?}"),
    }
    // never to file:, data: or ftp: (CVE-2019-9948 class)
    for to in [
        "file:///etc/passwd",
        "data:,evil",
        "ftp://127.0.0.1/x",
        "FILE:/etc/passwd",
    ] {
        let url = format!("{}/redirect/302?to={}", py.base, netstd_urlparse::quote(to));
        match o.open(url) {
            Err(Error::HTTPError(e)) => {
                assert_eq!(e.code, 302);
                assert!(e.msg.contains("is not allowed"), "{}", e.msg);
            }
            other => panic!("{to}: {other:?}"),
        }
    }
    // credentials do not follow a redirect to another host
    let other_host = py.base.replace("127.0.0.1", "localhost");
    let url = format!(
        "{}/redirect/302?to={}",
        py.base,
        netstd_urlparse::quote(&format!("{other_host}/echo"))
    );
    let req = Request::new(&url)
        .unwrap()
        .with_header("Authorization", "Basic c2VjcmV0")
        .with_header("X-keep", "1");
    let doc = echo(&mut o.open(req).unwrap());
    assert_eq!(header(&doc, "Authorization"), None);
    assert_eq!(header(&doc, "X-Keep"), Some("1"));
    // ... but do to the same one
    let url = format!("{}/redirect/302", py.base);
    let req = Request::new(&url)
        .unwrap()
        .with_header("Authorization", "Basic c2VjcmV0");
    let doc = echo(&mut o.open(req).unwrap());
    assert_eq!(header(&doc, "Authorization"), Some("Basic c2VjcmV0"));
}

#[test]
fn cookies_basic_digest_and_prior_auth() {
    let Some(py) = python_server() else { return };
    // cookies set on a redirect are sent to its target
    let cookies = HTTPCookieProcessor::new(None);
    let jar = cookies.cookiejar().clone();
    let o = opener(vec![Box::new(cookies)]);
    let doc = echo(&mut o.open(format!("{}/setcookie", py.base)).unwrap());
    assert_eq!(header(&doc, "Cookie"), Some("session=abc"));
    assert_eq!(jar.len(), 1);

    // Basic: one retry with the credentials; wrong ones end in 401, not a loop
    let basic = HTTPBasicAuthHandler::new(None);
    basic.add_password(Some("b"), &[&py.base], "u", "p");
    let o = opener(vec![Box::new(basic)]);
    assert_eq!(
        o.open(format!("{}/basic", py.base))
            .unwrap()
            .read()
            .unwrap(),
        b"basic ok"
    );
    let wrong = HTTPBasicAuthHandler::new(None);
    wrong.add_password(Some("b"), &[&py.base], "u", "nope");
    match opener(vec![Box::new(wrong)]).open(format!("{}/basic", py.base)) {
        Err(Error::HTTPError(e)) => assert_eq!(e.code, 401),
        other => panic!("{other:?}"),
    }

    // Digest, MD5 and SHA-256, with nonce counting across requests
    for alg in ["MD5", "SHA-256"] {
        let digest = HTTPDigestAuthHandler::new(None);
        digest.add_password(Some("r"), &[&py.base], "u", "p");
        let o = opener(vec![Box::new(digest)]);
        for _ in 0..3 {
            let body = o
                .open(format!("{}/digest/{alg}", py.base))
                .unwrap()
                .read()
                .unwrap();
            assert_eq!(body, format!("digest {alg} ok").as_bytes());
        }
    }
    // wrong Digest credentials stop after CPython's retry limit
    let digest = HTTPDigestAuthHandler::new(None);
    digest.add_password(Some("r"), &[&py.base], "u", "wrong");
    match opener(vec![Box::new(digest)]).open(format!("{}/digest/MD5", py.base)) {
        Err(Error::HTTPError(e)) => {
            assert_eq!((e.code, e.msg.as_str()), (401, "digest auth failed"))
        }
        other => panic!("{other:?}"),
    }

    // prior authentication sends the credentials with the first request
    let mgr = Arc::new(HTTPPasswordMgrWithPriorAuth::new());
    mgr.add_password_prior(None, &[&py.base], "u", "p", true);
    let o = opener(vec![Box::new(HTTPBasicAuthHandler::new(Some(
        mgr.clone() as Arc<dyn PasswordMgr>
    )))]);
    let doc = echo(&mut o.open(format!("{}/echo", py.base)).unwrap());
    assert_eq!(header(&doc, "Authorization"), Some("Basic dTpw"));
    // a failure is remembered for the URI (http_response's update_authenticated)
    let forbidden = format!("{}/status/403", py.base);
    let mgr = Arc::new(HTTPPasswordMgrWithPriorAuth::new());
    mgr.add_password_prior(None, &[&forbidden], "u", "p", true);
    let o = opener(vec![Box::new(HTTPBasicAuthHandler::new(Some(
        mgr.clone() as Arc<dyn PasswordMgr>
    )))]);
    assert!(o.open(forbidden.as_str()).is_err());
    assert_eq!(mgr.is_authenticated(&forbidden), Some(false));
}

#[test]
fn urlretrieve_reports_and_detects_short_bodies() {
    let Some(py) = python_server() else { return };
    netstd_httpclient::urllib::request::install_opener(Some(opener(vec![])));
    let dir = TempDir::new();
    let target = dir.path().join("echo.json");
    let mut calls = Vec::new();
    let mut hook = |b: u64, bs: usize, size: i64| calls.push((b, bs, size));
    let (path, headers) = urlretrieve_with(
        format!("{}/echo", py.base),
        Some(&target),
        Some(&mut hook),
        None,
    )
    .unwrap();
    let size: i64 = headers.get("content-length").unwrap().parse().unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().len() as i64, size);
    assert_eq!(calls, [(0, 8192, size), (1, 8192, size)]);
    match urlretrieve_with(
        format!("{}/short", py.base),
        Some(&dir.path().join("s")),
        None,
        None,
    ) {
        Err(Error::ContentTooShortError {
            message, filename, ..
        }) => {
            assert_eq!(
                message,
                "retrieval incomplete: got only 10 out of 100 bytes"
            );
            assert_eq!(std::fs::read(filename).unwrap(), b"0123456789");
        }
        other => panic!("{other:?}"),
    }
}

#[cfg(feature = "tokio")]
#[tokio::test]
async fn async_opener_shares_the_handlers() {
    use netstd_httpclient::urllib::request::aio;
    let Some(py) = python_server() else { return };
    let digest = HTTPDigestAuthHandler::new(None);
    digest.add_password(Some("r"), &[&py.base], "u", "p");
    let cookies = HTTPCookieProcessor::new(None);
    let o = aio::OpenerDirector::from(opener(vec![Box::new(digest), Box::new(cookies)]));
    let mut r = o.open(format!("{}/digest/SHA-256", py.base)).await.unwrap();
    assert_eq!(r.read().await.unwrap(), b"digest SHA-256 ok");
    let mut r = o.open(format!("{}/setcookie", py.base)).await.unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&r.read().await.unwrap()).unwrap();
    assert_eq!(header(&doc, "Cookie"), Some("session=abc"));
    match o.open(format!("{}/status/500", py.base)).await {
        Err(Error::HTTPError(mut e)) => assert_eq!(e.read_async().await.unwrap(), b"status 500"),
        other => panic!("{other:?}"),
    }
    let mut r = o.open("data:,local").await.unwrap();
    assert_eq!(r.read().await.unwrap(), b"local");
}

fn nginx_with_urllib_routes(ca: &TestCa) -> Option<Nginx> {
    let leaf = ca.issue(&["localhost"]);
    Nginx::start(&[("1k.bin", &[b'n'; 1024])], &leaf)
}

#[test]
fn nginx_redirects_cookies_and_https() {
    let ca = TestCa::new();
    let Some(nginx) = nginx_with_urllib_routes(&ca) else {
        return;
    };
    let cookies = HTTPCookieProcessor::new(None);
    let mut ctx = create_default_context().unwrap();
    ctx.load_verify_locations_with(VerifyLocations::new().cadata(ca.cert_pem()))
        .unwrap();
    let o = opener(vec![
        Box::new(cookies),
        Box::new(HTTPSHandler::new(Some(ctx))),
    ]);
    let mut r = o
        .open(format!("http://127.0.0.1:{}/redirect", nginx.port))
        .unwrap();
    assert!(r.geturl().ends_with("/1k.bin"), "{}", r.geturl());
    assert_eq!(r.read().unwrap().len(), 1024);
    let mut r = o
        .open(format!("http://127.0.0.1:{}/urllib/cookie", nginx.port))
        .unwrap();
    assert_eq!(r.read().unwrap(), b"cookie=n=1\n");
    let mut r = o
        .open(format!("https://localhost:{}/1k.bin", nginx.tls_port))
        .unwrap();
    assert_eq!(r.read().unwrap().len(), 1024);
    // the default context does not trust the test CA
    let plain = opener(vec![]);
    match plain.open(format!("https://localhost:{}/1k.bin", nginx.tls_port)) {
        Err(Error::URLError {
            os_error: Some(e), ..
        }) => assert_eq!(e.python_name(), "SSLCertVerificationError"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn tinyproxy_http_and_connect() {
    let Some(py) = python_server() else { return };
    let ca = TestCa::new();
    let Some(nginx) = nginx_with_urllib_routes(&ca) else {
        return;
    };
    let Some(proxy) = Tinyproxy::start() else {
        return;
    };
    let proxies = BTreeMap::from([
        (
            "http".to_owned(),
            format!("http://127.0.0.1:{}", proxy.port),
        ),
        ("https".to_owned(), format!("127.0.0.1:{}", proxy.port)),
    ]);
    let mut ctx = create_default_context().unwrap();
    ctx.load_verify_locations_with(VerifyLocations::new().cadata(ca.cert_pem()))
        .unwrap();
    let o = build_opener(vec![
        Box::new(ProxyHandler::new(Some(proxies))),
        Box::new(HTTPSHandler::new(Some(ctx))),
    ]);
    // absolute-form through the proxy: the server sees the request the proxy made
    let doc = echo(&mut o.open(format!("{}/echo", py.base)).unwrap());
    assert_eq!(doc["path"], "/echo");
    // https through a CONNECT tunnel, verified end to end
    let mut r = o
        .open(format!("https://localhost:{}/1k.bin", nginx.tls_port))
        .unwrap();
    assert_eq!(r.read().unwrap().len(), 1024);
}

#[test]
fn tinyproxy_basic_auth() {
    let Some(py) = python_server() else { return };
    let Some(proxy) = Tinyproxy::start_with_basic_auth("joe", "s3cret") else {
        return;
    };
    let hostport = format!("127.0.0.1:{}", proxy.port);
    let through = |url: String| BTreeMap::from([("http".to_owned(), url)]);
    // without credentials: the proxy's 407 is HTTPError
    let o = build_opener(vec![Box::new(ProxyHandler::new(Some(through(format!(
        "http://{hostport}"
    )))))]);
    match o.open(format!("{}/echo", py.base)) {
        Err(Error::HTTPError(e)) => assert_eq!(e.code, 407),
        other => panic!("{other:?}"),
    }
    // ProxyBasicAuthHandler answers the challenge for the proxy's host:port
    let auth = ProxyBasicAuthHandler::new(None);
    auth.add_password(Some("Tinyproxy"), &[&hostport], "joe", "s3cret");
    let o = build_opener(vec![
        Box::new(ProxyHandler::new(Some(through(format!(
            "http://{hostport}"
        ))))),
        Box::new(auth),
    ]);
    let doc = echo(&mut o.open(format!("{}/echo", py.base)).unwrap());
    assert_eq!(doc["path"], "/echo");
    // credentials in the proxy URL are sent up front
    let o = build_opener(vec![Box::new(ProxyHandler::new(Some(through(format!(
        "http://joe:s3cret@{hostport}"
    )))))]);
    let doc = echo(&mut o.open(format!("{}/echo", py.base)).unwrap());
    assert_eq!(doc["method"], "GET");
}

#[test]
fn proxy_digest_auth_against_cpython() {
    let Some(py) = python_server() else { return };
    // the CPython server is also a proxy asking for Digest credentials
    let hostport = py.base[7..].to_owned();
    let proxies = BTreeMap::from([("http".to_owned(), py.base.clone())]);
    let auth = ProxyDigestAuthHandler::new(None);
    auth.add_password(Some("proxy"), &[&py.base], "u", "p");
    let o = build_opener(vec![
        Box::new(ProxyHandler::new(Some(proxies.clone()))),
        Box::new(auth),
    ]);
    for _ in 0..2 {
        let doc = echo(&mut o.open(format!("http://{hostport}/echo")).unwrap());
        assert_eq!(doc["path"], "/echo");
    }
    match build_opener(vec![Box::new(ProxyHandler::new(Some(proxies)))])
        .open(format!("http://{hostport}/echo"))
    {
        Err(Error::HTTPError(e)) => assert_eq!(e.code, 407),
        other => panic!("{other:?}"),
    }
}

/// Apache httpd with mod_auth_basic and mod_auth_digest (MD5).
struct Apache {
    _peer: Peer,
    port: u16,
    _dir: TempDir,
}

fn apache() -> Option<Apache> {
    let httpd = ["/usr/sbin/apache2", "/usr/sbin/httpd"]
        .into_iter()
        .find(|p| std::path::Path::new(p).is_file());
    let Some(httpd) = httpd else {
        interop::skip("Apache httpd (apache2) is not installed");
        return None;
    };
    let modules = ["/usr/lib/apache2/modules", "/usr/lib/httpd/modules"]
        .into_iter()
        .find(|p| std::path::Path::new(p).is_dir())
        .expect("apache modules directory");
    let dir = TempDir::new();
    let port = free_port();
    let www = dir.path().join("www");
    std::fs::create_dir_all(www.join("basic")).unwrap();
    std::fs::create_dir_all(www.join("digest")).unwrap();
    std::fs::write(www.join("basic/index.txt"), "basic area\n").unwrap();
    std::fs::write(www.join("digest/index.txt"), "digest area\n").unwrap();
    // htpasswd with {SHA} and htdigest with MD5(user:realm:password)
    use base64::Engine;
    use sha1::Digest;
    let sha = base64::engine::general_purpose::STANDARD.encode(sha1::Sha1::digest(b"secret"));
    dir.write("htpasswd", format!("joe:{{SHA}}{sha}\n"));
    let ha1: String = md5::Md5::digest(b"joe:private:secret")
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    dir.write("htdigest", format!("joe:private:{ha1}\n"));
    let conf = include_str!("../../../tests/interop/apache.conf.in")
        .replace("@PREFIX@", &dir.path().display().to_string())
        .replace("@MODULES@", modules)
        .replace("@PORT@", &port.to_string());
    let conf = dir.write("httpd.conf", conf);
    // the children run as www-data when started by root: let them read the files
    let _ = Command::new("chmod")
        .arg("-R")
        .arg("a+rX")
        .arg(dir.path())
        .status();
    let child = Command::new(httpd)
        .arg("-f")
        .arg(&conf)
        .arg("-DFOREGROUND")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start apache");
    let peer = Peer(child);
    assert!(
        interop::wait_for_port(([127, 0, 0, 1], port).into(), Duration::from_secs(20)),
        "apache did not start: {:?}",
        std::fs::read_to_string(dir.path().join("error.log"))
    );
    Some(Apache {
        _peer: peer,
        port,
        _dir: dir,
    })
}

#[test]
fn apache_basic_and_digest() {
    let Some(ap) = apache() else { return };
    let base = format!("http://127.0.0.1:{}", ap.port);
    let basic = HTTPBasicAuthHandler::new(None);
    basic.add_password(Some("basic area"), &[&base], "joe", "secret");
    let digest = HTTPDigestAuthHandler::new(None);
    digest.add_password(Some("private"), &[&base], "joe", "secret");
    let o = opener(vec![Box::new(basic), Box::new(digest)]);
    assert_eq!(
        o.open(format!("{base}/basic/index.txt"))
            .unwrap()
            .read()
            .unwrap(),
        b"basic area\n"
    );
    for _ in 0..3 {
        assert_eq!(
            o.open(format!("{base}/digest/index.txt"))
                .unwrap()
                .read()
                .unwrap(),
            b"digest area\n"
        );
    }
    // without credentials: 401 as HTTPError
    match opener(vec![]).open(format!("{base}/digest/index.txt")) {
        Err(Error::HTTPError(e)) => assert_eq!(e.code, 401),
        other => panic!("{other:?}"),
    }
}

/// A handler that reopens every request of its protocol, for ever.
struct Reopener;

impl BaseHandler for Reopener {
    fn open(
        &self,
        protocol: &str,
        req: &mut Request,
        _: &netstd_httpclient::urllib::request::Parent<'_>,
    ) -> netstd_httpclient::Result<netstd_httpclient::urllib::request::Opened> {
        use netstd_httpclient::urllib::request::Opened;
        Ok(if protocol == "loop" {
            Opened::Reopen(req.clone())
        } else {
            Opened::Pass
        })
    }
}

#[test]
fn endless_reopens_and_retries_end() {
    let o = opener(vec![Box::new(Reopener)]);
    let e = o.open("loop://x/").unwrap_err();
    assert!(e.is_url_error());
    assert!(e.to_string().contains("more than 50"), "{e}");
}

#[test]
fn local_schemes_and_cves_without_network() {
    // data: (RFC 2397), huge or broken ones are URLError, never a panic
    let o = opener(vec![]);
    assert_eq!(
        o.open("data:,A%20brief%20note").unwrap().read().unwrap(),
        b"A brief note"
    );
    assert!(o.open("data:;base64,YQ").unwrap_err().is_url_error());
    assert_eq!(o.open("data:;base64,!!!").unwrap().read().unwrap(), b""); // as binascii
    assert!(o.open("data:text/plain").unwrap_err().is_url_error());
    let big = format!("data:;base64,{}", "QUJD".repeat(1 << 20));
    assert_eq!(o.open(big).unwrap().read().unwrap().len(), 3 << 20);
    // file: of this machine only
    let dir = TempDir::new();
    let f = dir.write("a.html", "<p>");
    let url = format!("file://{}", f.display());
    let mut r = o.open(url.as_str()).unwrap();
    assert_eq!(r.info().get("Content-type"), Some("text/html"));
    assert_eq!(r.info().get("Content-length"), Some("3"));
    assert!(r.info().get("Last-modified").unwrap().ends_with(" GMT"));
    let mut body = String::new();
    r.read_to_string(&mut body).unwrap();
    assert_eq!(body, "<p>");
    assert!(o.open(format!("file://localhost{}", f.display())).is_ok());
    assert!(
        o.open(format!("file://example.com{}", f.display()))
            .unwrap_err()
            .is_url_error()
    );
    assert!(
        o.open(format!("file://{}", dir.path().display()))
            .unwrap_err()
            .is_url_error()
    );
    // CVE-2019-9948: local_file: is no scheme of ours
    let e = o.open("local_file:///etc/passwd").unwrap_err();
    assert_eq!(
        e.to_string(),
        "<urlopen error unknown url type: local_file>"
    );
    // CR/LF in a URL or header never reaches the wire (CVE-2019-9740 through urlopen)
    let e = o.open("http://127.0.0.1:1/a\r\nX-injected: 1").unwrap_err();
    assert_eq!(e.python_name(), "InvalidURL");
    let req = Request::new("http://127.0.0.1:1/")
        .unwrap()
        .with_header("X-a", "1\r\nX-b: 2");
    assert_eq!(o.open(req).unwrap_err().python_name(), "ValueError");
    // no host
    assert_eq!(
        o.open("http:///x").unwrap_err().to_string(),
        "<urlopen error no host given>"
    );
}
