//! RobotFileParser's behaviour beyond the recorded vectors: `str()`, the `read()`
//! decisions, the flags, mtime, and the RFC mode's limits.

use netstd_robotparser::rfc9309::{MAX_SIZE, RobotsTxt};
use netstd_robotparser::{Mode, RobotFileParser, splitlines};

#[test]
fn string_formatting_as_cpython() {
    // Lib/test/test_robotparser.py, StringFormattingTest
    let text = "User-agent: *\nCrawl-delay: 1\nRequest-rate: 3/15\n\
                Disallow: /cyberworld/map/ # This is an infinite virtual URL space\n\n\
                # Cybermapper knows where to go.\nUser-agent: cybermapper\nDisallow: /some/path\n    ";
    let mut rp = RobotFileParser::default();
    rp.parse(splitlines(text)).unwrap();
    assert_eq!(
        rp.to_string(),
        "User-agent: cybermapper\nDisallow: /some/path\n\nUser-agent: *\nCrawl-delay: 1\n\
         Request-rate: 3/15\nDisallow: /cyberworld/map/"
    );
    assert_eq!(rp.entries().len(), 1);
    assert!(rp.default_entry().is_some());
}

#[test]
fn read_decisions_cpython() {
    let fresh = || RobotFileParser::new("http://example.com/robots.txt").unwrap();
    for (status, disallow, allow, fetch) in [
        (401, true, false, false),
        (403, true, false, false),
        (404, false, true, true),
        (410, false, true, true),
        (499, false, true, true),
        (500, false, false, false),
        (503, false, false, false),
        (304, false, false, false),
    ] {
        let mut rp = fresh();
        rp.read_response(status, b"User-agent: *\nDisallow: /\n")
            .unwrap();
        assert_eq!(
            (
                rp.disallow_all(),
                rp.allow_all(),
                rp.can_fetch("bot", "/x").unwrap()
            ),
            (disallow, allow, fetch),
            "status {status}"
        );
        assert_eq!(rp.mtime(), 0.0, "no parse on status {status}");
        assert_eq!(rp.crawl_delay("bot"), None);
    }
    let mut rp = fresh();
    rp.read_response(200, b"User-agent: *\nDisallow: /x\n")
        .unwrap();
    assert!(rp.mtime() > 0.0);
    assert!(!rp.can_fetch("bot", "/x").unwrap() && rp.can_fetch("bot", "/y").unwrap());
    // a BOM stays in the text (decode("utf-8")), so the first line is no user-agent line
    let mut rp = fresh();
    rp.read_response(200, b"\xef\xbb\xbfUser-agent: *\nDisallow: /x\n")
        .unwrap();
    assert!(rp.can_fetch("bot", "/x").unwrap());
    let mut rp = fresh();
    let e = rp
        .read_response(200, b"User-agent: *\nDisallow: /\xc3\n")
        .unwrap_err();
    assert_eq!(e.python_name(), "UnicodeDecodeError");
    assert!(!rp.can_fetch("bot", "/").unwrap());
}

#[test]
fn read_decisions_rfc9309() {
    for (status, disallow, allow) in [
        (401, false, true),
        (403, false, true),
        (404, false, true),
        (301, false, true),
        (500, true, false),
        (503, true, false),
        (100, true, false),
    ] {
        let mut rp = RobotFileParser::rfc9309("http://example.com/robots.txt").unwrap();
        rp.read_response(status, b"").unwrap();
        assert_eq!(
            (rp.disallow_all(), rp.allow_all()),
            (disallow, allow),
            "status {status}"
        );
    }
    let mut rp = RobotFileParser::rfc9309("http://example.com/robots.txt").unwrap();
    rp.read_response(200, b"User-agent: *\nDisallow: /\xff\n")
        .unwrap();
    assert!(!rp.can_fetch("bot", "/%FF").unwrap());
    assert!(rp.can_fetch("bot", "/robots.txt").unwrap());
}

#[test]
fn before_parse_and_flags() {
    for mode in [Mode::CPython, Mode::Rfc9309] {
        let mut rp = RobotFileParser::with_mode("", mode).unwrap();
        assert!(!rp.can_fetch("bot", "/").unwrap());
        assert_eq!(rp.site_maps(), None);
        rp.parse([""; 0]).unwrap();
        assert!(rp.can_fetch("bot", "/").unwrap());
        rp.set_disallow_all(true);
        assert!(!rp.can_fetch("bot", "/").unwrap());
        rp.set_disallow_all(false);
        rp.set_mtime(0.0);
        assert!(!rp.can_fetch("bot", "/").unwrap());
        rp.set_allow_all(true);
        assert!(rp.can_fetch("bot", "/").unwrap());
    }
}

#[test]
fn cpython_errors() {
    let mut rp = RobotFileParser::default();
    let e = rp
        .parse(splitlines(
            "User-agent: *\nDisallow: /a\nDisallow: http://[::1/\n",
        ))
        .unwrap_err();
    assert_eq!(e.python_name(), "ValueError");
    let mut rp = RobotFileParser::default();
    rp.parse(["User-agent: *", "Disallow: /a"]).unwrap();
    assert_eq!(
        rp.can_fetch("bot", "http://[::1/a")
            .unwrap_err()
            .python_name(),
        "ValueError"
    );
    let long = format!("User-agent: *\nCrawl-delay: {}\n", "1".repeat(4301));
    assert!(rp.parse(splitlines(&long)).is_err());
}

#[test]
fn cpython_quirks() {
    let mut rp = RobotFileParser::default();
    rp.parse(splitlines(
        "User-agent: bot\nDisallow: /\n\nUser-agent: \nDisallow: /x\n\nUser-agent: *\nDisallow: /y\n",
    ))
    .unwrap();
    // first match wins, and "bot" is a substring of "robot"
    assert!(!rp.can_fetch("RoBot/1.0", "/z").unwrap());
    // the empty agent applies to every other agent
    assert!(!rp.can_fetch("other", "/x").unwrap());
    assert!(rp.can_fetch("other", "/y").unwrap());
    // a huge Crawl-delay is kept exactly
    let mut rp = RobotFileParser::default();
    rp.parse(["User-agent: *", "Crawl-delay: 0099999999999999999999999"])
        .unwrap();
    assert_eq!(
        rp.crawl_delay("x").unwrap().as_str(),
        "99999999999999999999999"
    );
    assert_eq!(rp.crawl_delay("x").unwrap().to_u64(), None);
}

#[test]
fn rfc_limit_and_merging() {
    let mut body =
        b"User-agent: a\nDisallow: /x\nUser-agent: b\nAllow: /\n\nUser-agent: A\nDisallow: /y\n"
            .to_vec();
    let r = RobotsTxt::parse(&body);
    assert!(!r.can_fetch("a", "/x") && !r.can_fetch("A", "/y")); // both "a" groups merged
    assert!(r.can_fetch("A-bot", "/y")); // the token of "A-bot" is A-bot, not A
    assert!(!r.can_fetch("a/1.0", "/y") && r.can_fetch("a", "/z"));
    assert!(r.can_fetch("b", "/x") && r.can_fetch("zzz", "/x"));
    body.resize(MAX_SIZE - 2, b' ');
    body.extend_from_slice(b"\nUser-agent: *\nDisallow: /\n");
    let r = RobotsTxt::parse(&body);
    assert!(r.can_fetch("zzz", "/x"), "lines past 500 KiB are ignored");
    // a line the limit cuts is dropped, not read short
    let mut body2 = b"User-agent: *\n".to_vec();
    body2.resize(MAX_SIZE - 5, b'#');
    body2.extend_from_slice(b"\nDisallow: /p\n");
    let r = RobotsTxt::parse(&body2);
    assert!(
        r.can_fetch("x", "/"),
        "'Disallow: /' cut from 'Disallow: /p' must not apply"
    );
}

#[test]
fn rfc_display_and_extensions() {
    let r = RobotsTxt::parse(
        b"User-agent: a\nUser-agent: b\nCrawl-delay: 5\nRequest-rate: 1/10\nDisallow: /%7e\nAllow: /\xc3\xa9$\nSitemap: https://s/\n",
    );
    assert_eq!(
        r.to_string(),
        "User-agent: a\nUser-agent: b\nCrawl-delay: 5\nRequest-rate: 1/10\nDisallow: /~\nAllow: /%C3%A9$"
    );
    assert_eq!(r.crawl_delay("B").map(|d| d.as_str()), Some("5"));
    assert_eq!(
        r.request_rate("a").map(|x| x.to_string()).as_deref(),
        Some("RequestRate(requests=1, seconds=10)")
    );
    assert_eq!(r.sitemaps(), ["https://s/"]);
    assert!(!r.can_fetch("a", "/~x") && !r.can_fetch("a", "/%7Ex") && !r.can_fetch("a", "/%7ex"));
    assert!(r.can_fetch("a", "/é") && r.can_fetch("a", "/%c3%a9"));
}

#[test]
fn pathological_inputs_stay_fast() {
    // many groups, many agents, many wildcards: parsing and answering stay linear-ish
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!("User-agent: bot{i}\n"));
    }
    for i in 0..20_000 {
        text.push_str(&format!("Disallow: /*a*b*c*{i}$\n"));
    }
    let start = std::time::Instant::now();
    let r = RobotsTxt::parse(text.as_bytes());
    let url = format!("/{}", "ab".repeat(2000));
    for i in 0..5 {
        let _ = r.can_fetch(&format!("bot{i}"), &url);
    }
    let mut rp = RobotFileParser::default();
    rp.parse(splitlines(&text)).unwrap();
    for i in 0..5 {
        let _ = rp.can_fetch(&format!("bot{i}"), &url).unwrap();
    }
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}
