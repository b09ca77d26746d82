//! A robots.txt of arbitrary bytes, read in both modes, then queried: nothing panics,
//! the CPython mode either parses or raises one of CPython's exceptions, and a few
//! invariants hold (`/robots.txt` is always allowed under RFC 9309, the flags decide
//! before the rules, the RFC mode answers alike through both of its faces).
#![no_main]

use libfuzzer_sys::fuzz_target;
use netstd_robotparser::rfc9309::{RobotsTxt, normalize, path_params_query};
use netstd_robotparser::{RobotFileParser, splitlines};

fuzz_target!(|data: &[u8]| {
    // the last line, if any, is the query: "agent\turl"
    let (body, query) = match data.iter().rposition(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b"FooBot/1.0\thttp://example.com/private/x?y#z"[..]),
    };
    let query = String::from_utf8_lossy(query);
    let (agent, url) = query.split_once('\t').unwrap_or((&query, "/"));

    // RFC 9309 mode: bytes in, never an error
    let robots = RobotsTxt::parse(body);
    let allowed = robots.can_fetch(agent, url);
    assert!(robots.can_fetch(agent, "/robots.txt"));
    let _ = (robots.crawl_delay(agent), robots.request_rate(agent), robots.to_string());
    let mut rp = RobotFileParser::rfc9309("http://example.com/robots.txt").unwrap();
    rp.read_response(200, body).unwrap();
    assert_eq!(rp.can_fetch(agent, url), Ok(allowed));
    assert!(normalize(path_params_query(url).as_bytes()).is_ascii());

    // CPython mode: text in (as read() decodes it), CPython's errors only
    let mut rp = RobotFileParser::default();
    match rp.read_response(200, body) {
        Ok(()) => {}
        Err(e) => assert!(matches!(e.python_name(), "ValueError" | "UnicodeDecodeError")),
    }
    if let Ok(text) = std::str::from_utf8(body) {
        let mut lines = RobotFileParser::default();
        let _ = lines.parse(splitlines(text));
        let _ = lines.to_string();
    }
    match rp.can_fetch(agent, url) {
        Ok(_) | Err(_) => {}
    }
    let _ = (rp.crawl_delay(agent), rp.request_rate(agent), rp.site_maps(), rp.to_string());
    rp.set_disallow_all(true);
    assert_eq!(rp.can_fetch(agent, url), Ok(false));
});
