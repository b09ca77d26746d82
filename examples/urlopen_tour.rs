//! What Python code does most with `urllib.request`, through the facade:
//!
//!     cargo run --example urlopen_tour                  # against a local server
//!     cargo run --example urlopen_tour -- https://www.python.org/
//!
//! `urlopen` a URL and read it, a `Request` with headers and a form body made by
//! `urlencode`, catching `HTTPError` and reading its page, an opener with cookies
//! and Basic authentication, `urlretrieve` with a progress hook, a `data:` URL, and
//! `urllib.robotparser` reading the site's robots.txt.

use std::io::Write;
use std::sync::Arc;

use netstd::http::server::{BaseHTTPRequestHandler, HTTPRequestHandler, ThreadingHTTPServer};
use netstd::socket::Address;
use netstd::urllib::error::Error;
use netstd::urllib::parse::urlencode;
use netstd::urllib::request::{
    BaseHandler, HTTPBasicAuthHandler, HTTPCookieProcessor, Request, build_opener, urlopen,
    urlretrieve_with,
};

/// A small site: `/` greets, `/form` echoes a POST, `/login` sets a cookie,
/// `/private` wants Basic credentials, anything else is 404.
struct Site;

impl Site {
    fn reply(
        r: &mut BaseHTTPRequestHandler<'_>,
        code: u16,
        headers: &[(&str, &str)],
        body: &str,
    ) -> std::io::Result<()> {
        r.send_response(code, None)?;
        for (k, v) in headers {
            r.send_header(k, v)?;
        }
        r.send_header("Content-Length", &body.len().to_string())?;
        r.end_headers()?;
        r.wfile().write_all(body.as_bytes())
    }
}

impl HTTPRequestHandler for Site {
    fn protocol_version(&self) -> &str {
        "HTTP/1.1"
    }

    fn log_message(&self, _: &BaseHTTPRequestHandler<'_>, _: &str) {}

    fn do_GET(&self, r: &mut BaseHTTPRequestHandler<'_>) -> std::io::Result<()> {
        let cookie = r.headers().get("Cookie").unwrap_or("none").to_owned();
        let auth = r.headers().get("Authorization").map(str::to_owned);
        match r.path() {
            "/" => Self::reply(
                r,
                200,
                &[("Content-Type", "text/plain; charset=utf-8")],
                "hello, urllib\n",
            ),
            "/robots.txt" => Self::reply(
                r,
                200,
                &[],
                "User-agent: *\nDisallow: /private\nCrawl-delay: 2\n",
            ),
            "/login" => Self::reply(
                r,
                302,
                &[("Set-Cookie", "session=42; Path=/"), ("Location", "/me")],
                "",
            ),
            "/me" => Self::reply(r, 200, &[], &format!("cookie: {cookie}\n")),
            "/private" if auth.as_deref() == Some("Basic YWxpY2U6czNjcmV0") => {
                Self::reply(r, 200, &[], "the private page\n")
            }
            "/private" => Self::reply(
                r,
                401,
                &[("WWW-Authenticate", "Basic realm=\"tour\"")],
                "who are you?\n",
            ),
            _ => Self::reply(r, 404, &[], "nothing here\n"),
        }
    }

    fn do_POST(&self, r: &mut BaseHTTPRequestHandler<'_>) -> std::io::Result<()> {
        let data = r.read_body(1 << 20).unwrap_or_default();
        let ua = r.headers().get("User-Agent").unwrap_or("").to_owned();
        Self::reply(
            r,
            200,
            &[],
            &format!("got {} from {ua}\n", String::from_utf8_lossy(&data)),
        )
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if let Some(url) = std::env::args().nth(1) {
        let mut resp = urlopen(url.as_str())?;
        println!(
            "{:?} {} {:?}",
            resp.status(),
            resp.reason(),
            resp.headers().get_content_type()
        );
        println!("{} bytes", resp.read()?.len());
        return Ok(());
    }
    let httpd = Arc::new(ThreadingHTTPServer::new(("127.0.0.1", 0), Site)?);
    let Address::Inet(addr) = httpd.server_address() else {
        return Err("not a TCP address".into());
    };
    let running = httpd.clone();
    let thread = std::thread::spawn(move || running.serve_forever());
    let base = format!("http://{addr}");

    // with urllib.request.urlopen(url) as f: f.read().decode()
    let mut f = urlopen(format!("{base}/").as_str())?;
    let charset = f
        .headers()
        .get_content_charset()
        .unwrap_or_else(|| "utf-8".into());
    let text = String::from_utf8(f.read()?)?;
    print!(
        "{} {} ({charset}): {text}",
        f.status().unwrap_or(0),
        f.reason()
    );

    // Request(url, data=urlencode(...).encode(), headers={...})
    let form = urlencode([("name", "Ada Lovelace"), ("lang", "rust")]);
    let req = Request::new(&format!("{base}/form"))?
        .with_data(form)
        .with_header("User-Agent", "tour/1.0");
    print!("POST: {}", String::from_utf8(urlopen(req)?.read()?)?);

    // except urllib.error.HTTPError as e: e.code, e.read()
    match urlopen(format!("{base}/missing").as_str()) {
        Err(Error::HTTPError(mut e)) => print!("{e}: {}", String::from_utf8(e.read()?)?),
        other => println!("unexpected: {other:?}"),
    }

    // build_opener(HTTPCookieProcessor(), HTTPBasicAuthHandler(mgr))
    let cookies = HTTPCookieProcessor::new(None);
    let jar = cookies.cookiejar().clone();
    let auth = HTTPBasicAuthHandler::new(None);
    auth.add_password(Some("tour"), &[&base], "alice", "s3cret");
    let opener = build_opener(vec![
        Box::new(cookies) as Box<dyn BaseHandler>,
        Box::new(auth),
    ]);
    print!(
        "after login, {}",
        String::from_utf8(opener.open(format!("{base}/login"))?.read()?)?
    );
    println!("the jar holds {} cookie(s)", jar.len());
    print!(
        "authenticated: {}",
        String::from_utf8(opener.open(format!("{base}/private"))?.read()?)?
    );

    // urlretrieve(url, filename, reporthook)
    let target = std::env::temp_dir().join(format!("urlopen-tour-{}.txt", std::process::id()));
    let mut hook =
        |blocks: u64, bs: usize, size: i64| println!("  reporthook({blocks}, {bs}, {size})");
    let (path, headers) = urlretrieve_with(
        format!("{base}/").as_str(),
        Some(&target),
        Some(&mut hook),
        None,
    )?;
    println!(
        "saved {} ({:?} bytes)",
        path.display(),
        headers.get("Content-Length")
    );
    std::fs::remove_file(path)?;

    // urllib.robotparser: rp.set_url(...); rp.read(); rp.can_fetch(...)
    let mut rp = netstd::urllib::robotparser::RobotFileParser::new(&format!("{base}/robots.txt"))?;
    rp.read()?;
    println!(
        "robots.txt: / {}, /private {}, crawl delay {:?}",
        rp.can_fetch("TourBot/1.0", &format!("{base}/"))?,
        rp.can_fetch("TourBot/1.0", &format!("{base}/private"))?,
        rp.crawl_delay("TourBot").and_then(|d| d.to_u64())
    );

    // data: URLs need no network
    println!(
        "data: {}",
        String::from_utf8(urlopen("data:,caf%C3%A9")?.read()?)?
    );

    httpd.shutdown();
    thread.join().map_err(|_| "the server thread panicked")??;
    Ok(())
}
