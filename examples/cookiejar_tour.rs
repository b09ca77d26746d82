//! What Python code does most with `http.cookiejar`, through the facade:
//!
//!     cargo run --example cookiejar_tour
//!
//! A client keeps the cookies a server sets, sends the right ones back on the next
//! request, refuses one set for another site, and keeps them in a `cookies.txt`
//! that curl and CPython's MozillaCookieJar can read.

use netstd::http::cookiejar::{
    CookieJar, CookieRequest, DefaultCookiePolicy, FileCookieJar, FileOptions, MozillaCookieJar,
    Request, Response,
};

fn main() -> Result<(), netstd::http::cookiejar::Error> {
    let jar = MozillaCookieJar::with_policy(
        Some(std::env::temp_dir().join("netstd-cookies.txt")),
        false,
        DefaultCookiePolicy::new().blocked_domains(["ads.example"]),
    );
    // The response to https://shop.example/cart sets three cookies; the last is for
    // another site and is refused.
    let first = Request::new("https://shop.example/cart")?;
    let response = Response::from_lines([
        "Set-Cookie: session=s3cr3t; Path=/; Secure; HttpOnly",
        "Set-Cookie: lang=en; Path=/; Max-Age=86400",
        "Set-Cookie: track=1; Domain=evil.example",
    ]);
    jar.extract_cookies(&response, &first);
    for cookie in jar.cookies() {
        println!("kept {cookie}");
    }

    // The next request gets its Cookie header from the jar.
    let mut next = Request::new("https://shop.example/checkout")?;
    jar.add_cookie_header(&mut next);
    println!("Cookie: {}", next.get_header("Cookie").unwrap_or_default());

    // Persistent cookies survive in a Netscape cookies.txt.
    jar.save_with(&FileOptions::new().ignore_discard(false))?;
    let reloaded = MozillaCookieJar::new(jar.filename());
    reloaded.load()?;
    let names: Vec<String> = reloaded.cookies().into_iter().map(|c| c.name).collect();
    println!(
        "reloaded from {:?}: {names:?}",
        jar.filename().unwrap_or_else(|| std::path::Path::new("?"))
    );
    let plain: &CookieJar = &jar;
    println!("{} cookies in memory", plain.len());
    Ok(())
}
