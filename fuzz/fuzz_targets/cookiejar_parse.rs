//! http.cookiejar's parsers never panic and stay linear: the date parsers
//! (`http2time`, `iso2time`), the header parsers, a jar extracting any
//! `Set-Cookie`/`Set-Cookie2` header and answering a request (also for the input as
//! the request URL), and the Mozilla and
//! LWP file readers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netstd_cookiejar::{
    CookieJar, CookieRequest, DefaultCookiePolicy, FileCookieJar, LWPCookieJar, MozillaCookieJar,
    Request, Response, http2time, iso2time, parse_ns_headers, split_header_words,
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = http2time(text);
    let _ = iso2time(text);
    let _ = split_header_words(&[text]);
    let _ = parse_ns_headers(&[text]);

    let jar = CookieJar::with_policy(DefaultCookiePolicy::new().rfc2965(true));
    jar.set_now(Some(1_000_000_000));
    let req = Request::new("http://www.example.com/a/b").unwrap();
    let resp = Response::from_lines([
        format!("Set-Cookie: {text}"),
        format!("Set-Cookie2: {text}"),
    ]);
    jar.extract_cookies(&resp, &req);
    let mut next = Request::new("http://www.example.com/a/b/c").unwrap();
    jar.add_cookie_header(&mut next);
    if let Some(h) = next.get_header("Cookie") {
        assert!(!h.contains(['\r', '\n']) || text.contains(['\r', '\n']));
    }
    // The input as the request URL: host and path helpers, the domain lookup.
    if let Ok(mut any) = Request::new(text) {
        let _ = netstd_cookiejar::eff_request_host(&any);
        jar.extract_cookies(&resp, &any);
        jar.add_cookie_header(&mut any);
    }

    let moz = MozillaCookieJar::new(None::<&str>);
    let _ = moz.load_from(
        &mut format!("# HTTP Cookie File\n{text}").as_bytes(),
        "f",
        true,
        true,
    );
    let lwp = LWPCookieJar::new(None::<&str>);
    let _ = lwp.load_from(
        &mut format!("#LWP-Cookies-2.0\n{text}").as_bytes(),
        "f",
        true,
        true,
    );
    let mut out = Vec::new();
    let _ = lwp.save_to(&mut out, true, true);
});
