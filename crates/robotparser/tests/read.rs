//! `read()` against real servers on loopback: robots.txt files served by nginx
//! (200, a missing file's 404, a redirect), and CPython's http.server answering
//! 401, 403 and 500 (tests/interop/urllib_server.py); both modes, both faces.
//! Skips when a peer is missing; fails instead under NETSTD_REQUIRE_INTEROP=1.

use netstd_robotparser::RobotFileParser;
use netstd_testsupport::interop::{self, Nginx, Peer};
use netstd_testsupport::{TestCa, free_port};

const ROBOTS: &[u8] =
    b"User-agent: *\nDisallow: /private/\nCrawl-delay: 3\n\nUser-agent: BadBot\nDisallow: /\n";

fn python_server() -> Option<(Peer, String)> {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/interop/urllib_server.py"
    );
    interop::python_server(std::path::Path::new(script))
}

#[test]
fn read_from_nginx() {
    let ca = TestCa::new();
    let Some(nginx) = Nginx::start(&[("robots.txt", ROBOTS)], &ca.issue(&["localhost"])) else {
        return;
    };
    let base = format!("http://127.0.0.1:{}", nginx.port);
    for mut rp in [
        RobotFileParser::new(&format!("{base}/robots.txt")).unwrap(),
        RobotFileParser::rfc9309(&format!("{base}/robots.txt")).unwrap(),
    ] {
        assert!(
            !rp.can_fetch("MyBot", &format!("{base}/")).unwrap(),
            "false before read"
        );
        rp.read().unwrap();
        assert!(rp.mtime() > 0.0);
        assert!(
            rp.can_fetch("MyBot/1.0", &format!("{base}/index.html"))
                .unwrap()
        );
        assert!(
            !rp.can_fetch("MyBot/1.0", &format!("{base}/private/x"))
                .unwrap()
        );
        assert!(
            !rp.can_fetch("BadBot", &format!("{base}/index.html"))
                .unwrap()
        );
        assert_eq!(rp.crawl_delay("MyBot").and_then(|d| d.to_u64()), Some(3));
    }
    // a missing robots.txt (404) allows everything, in both modes
    for mut rp in [
        RobotFileParser::new(&format!("{base}/missing/robots.txt")).unwrap(),
        RobotFileParser::rfc9309(&format!("{base}/missing/robots.txt")).unwrap(),
    ] {
        rp.read().unwrap();
        assert!(rp.allow_all());
        assert!(
            rp.can_fetch("AnyBot", &format!("{base}/private/x"))
                .unwrap()
        );
    }
}

#[test]
fn read_statuses_from_cpython() {
    let Some((_peer, base)) = python_server() else {
        return;
    };
    // 401 and 403 disallow everything (both modes in CPython's; RFC mode: 4xx allows)
    for code in [401, 403] {
        let mut rp = RobotFileParser::new(&format!("{base}/status/{code}")).unwrap();
        rp.read().unwrap();
        assert!(rp.disallow_all(), "{code}");
        let mut rfc = RobotFileParser::rfc9309(&format!("{base}/status/{code}")).unwrap();
        rfc.read().unwrap();
        assert!(rfc.allow_all(), "{code}");
    }
    // 500: CPython changes nothing (still false before a successful read); RFC disallows
    let mut rp = RobotFileParser::new(&format!("{base}/status/500")).unwrap();
    rp.read().unwrap();
    assert!(!rp.allow_all() && !rp.disallow_all());
    assert!(!rp.can_fetch("bot", &format!("{base}/x")).unwrap());
    let mut rfc = RobotFileParser::rfc9309(&format!("{base}/status/500")).unwrap();
    rfc.read().unwrap();
    assert!(rfc.disallow_all());
    // an unreachable server: URLError in CPython mode, disallow everything in RFC mode
    let dead = format!("http://127.0.0.1:{}/robots.txt", free_port());
    let e = RobotFileParser::new(&dead).unwrap().read().unwrap_err();
    assert_eq!(e.python_name(), "URLError");
    let mut rfc = RobotFileParser::rfc9309(&dead).unwrap();
    rfc.read().unwrap();
    assert!(rfc.disallow_all());
}

#[cfg(feature = "tokio")]
#[tokio::test]
async fn read_async_from_cpython() {
    let Some((_peer, base)) = python_server() else {
        return;
    };
    let mut rp = RobotFileParser::new(&format!("{base}/status/403")).unwrap();
    rp.read_async().await.unwrap();
    assert!(rp.disallow_all());
}

#[test]
fn read_data_and_file_urls() {
    let mut rp = RobotFileParser::new("data:,User-agent:%20*%0ADisallow:%20/x").unwrap();
    rp.read().unwrap();
    assert!(!rp.can_fetch("bot", "/x").unwrap());
    assert!(rp.can_fetch("bot", "/y").unwrap());
}
