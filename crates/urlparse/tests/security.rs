//! Regression tests for the security behaviour of current CPython's `urllib.parse`,
//! one test (or more) per CVE, named after it. docs/security.md lists them.

#![allow(unsafe_code)] // the counting allocator below

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use netstd_urlparse::{
    Error, ParseQsOptions, SplitOptions, bytes, parse_qs, parse_qsl, parse_qsl_with, urljoin,
    urlparse, urlsplit, urlsplit_with,
};
use unicode_normalization::UnicodeNormalization;

/// Counts the allocations of the current thread (tests run on several threads).
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counter is a
// const-initialised thread local, which never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: the caller upholds GlobalAlloc::alloc's contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: ptr was allocated by System.alloc with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

fn split(url: &str) -> (String, String, String, String, String) {
    urlsplit(url)
        .unwrap_or_else(|e| panic!("{url:?}: {e}"))
        .into()
}

fn value_error(r: Result<impl std::fmt::Debug, Error>) -> Error {
    match r {
        Err(e @ Error::ValueError { .. }) => e,
        other => panic!("expected ValueError, got {other:?}"),
    }
}

#[test]
fn cve_2023_24329_leading_c0_and_space_are_stripped() {
    // a blocklist on the scheme must see "javascript", whatever comes before it
    for c in (0u8..=0x20).map(char::from) {
        let url = format!("{c}{c}javascript:alert(1)");
        assert_eq!(split(&url).0, "javascript", "{url:?}");
        let url = format!("{c}https://evil.example/p");
        let r = urlsplit(&url).unwrap();
        assert_eq!((r.scheme(), r.netloc()), ("https", "evil.example"));
        let r = bytes::urlsplit(url.as_bytes()).unwrap();
        assert_eq!(r.netloc(), b"evil.example");
    }
    // only leading: trailing spaces are kept, as CPython keeps them
    assert_eq!(split("http://h/p ").2, "/p ");
    // and the default scheme is stripped at both ends
    let r = urlsplit_with("/p", &SplitOptions::new().scheme("\x00 http \x1f")).unwrap();
    assert_eq!(r.scheme(), "http");
}

#[test]
fn cve_2022_0391_tab_cr_lf_are_removed_anywhere() {
    let r = split("ht\ttp://exa\nmple.com/pa\rth?q=\t1#f\nrag");
    assert_eq!(
        r,
        (
            "http".into(),
            "example.com".into(),
            "/path".into(),
            "q=1".into(),
            "frag".into()
        )
    );
    // a newline cannot smuggle a second request line or a header into the netloc
    assert_eq!(split("http://a\r\nHost: evil/").1, "aHost: evil");
    let r = bytes::urlsplit(b"http://\th\no\rst/").unwrap();
    assert_eq!(r.netloc(), b"host");
    let r = urlsplit_with("//h/", &SplitOptions::new().scheme("ht\ntp")).unwrap();
    assert_eq!(r.scheme(), "http");
}

#[test]
fn cve_2024_11168_bracketed_hosts_must_be_ipv6_or_ipvfuture() {
    for bad in [
        "http://[evil.example]/",
        "http://[127.0.0.1]/",
        "http://[v1.]/",
        "http://[vz.x]/",
        "http://[::1%]/",
        "http://[1::2::3]/",
        "http://[]/",
    ] {
        let e = value_error(urlsplit(bad));
        assert_eq!(e.cve(), Some("CVE-2024-11168"), "{bad}");
    }
    for good in [
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]:80/",
        "http://[fe80::1%25eth0]/",
        "http://[v1.fe80::a+en1]/",
    ] {
        assert!(urlsplit(good).is_ok(), "{good}");
    }
    // unbalanced brackets were refused before this CVE, and still are
    assert!(urlsplit("http://[::1/").is_err());
    assert!(urlsplit("http://::1]/").is_err());
}

#[test]
fn cve_2025_0938_brackets_only_around_the_host() {
    for bad in [
        "http://prefix[::1]/",
        "http://[::1]suffix/",
        "http://[::1]x:80/",
        "http://[::1]@evil.example/",
        "http://user@a[::1]:80/",
    ] {
        let e = value_error(urlsplit(bad));
        assert_eq!(e.cve(), Some("CVE-2025-0938"), "{bad}");
        assert!(urlparse(bad).is_err() && urljoin("http://base/", bad).is_err());
        assert!(bytes::urlsplit(bad.as_bytes()).is_err());
    }
    // the host after the last '@' is the one checked, as `hostname` reads it
    let r = urlsplit("http://[v1.x]@[::1]:80/").unwrap();
    assert_eq!(r.hostname().as_deref(), Some("::1"));
    assert_eq!(r.port(), Ok(Some(80)));
}

/// The characters whose NFKC form holds one of `/ : # ? @`, as CPython 3.11's
/// test_urlparse computes them (`unicodedata.decomposition`, Unicode 14).
const DENORMALIZING: &str = "\u{2047}\u{2048}\u{2049}\u{2100}\u{2101}\u{2105}\u{2106}\u{2a74}\u{fe13}\u{fe16}\u{fe55}\u{fe56}\u{fe5f}\u{fe6b}\u{ff03}\u{ff0f}\u{ff1a}\u{ff1f}\u{ff20}";

#[test]
fn cve_2019_9636_nfkc_must_not_introduce_delimiters() {
    // U+2100 is "a/c" under NFKC: IDNA would make this host "evil.coma/c.good"
    let e = value_error(urlsplit("http://evil.com\u{2100}.good.example/"));
    assert_eq!(e.cve(), Some("CVE-2019-9636"));
    for c in DENORMALIZING.chars() {
        for scheme in ["http", "https", "ftp"] {
            let url = format!("{scheme}://netloc{c}false.netloc/path");
            assert!(urlsplit(&url).is_err(), "{url:?}");
        }
    }
    // the crate's Unicode tables find exactly CPython's characters
    let found: String = (128..=0x10ffff_u32)
        .filter_map(char::from_u32)
        .filter(|&c| {
            std::iter::once(c)
                .nfkc()
                .any(|n| matches!(n, '/' | ':' | '#' | '?' | '@'))
        })
        .collect();
    assert_eq!(found, DENORMALIZING);
    // harmless non-ASCII hosts pass
    assert!(urlsplit("http://bücher.example/").is_ok());
}

#[test]
fn cve_2019_10160_userinfo_and_port_separators() {
    // the follow-up fix: the whole netloc is checked, user name included, and the
    // separators that were there before normalisation are ignored
    for c in DENORMALIZING.chars() {
        let url = format!("http://n{c}user@netloc/path");
        assert!(urlsplit(&url).is_err(), "{url:?}");
    }
    assert!(urlsplit("http://\u{30d5}\u{309a}:80").is_ok());
    assert!(urlsplit("http://\u{30d5}\u{309a}\u{fe13}80").is_err());
    assert!(urlsplit("http://user:p\u{e4}ss@host:80/").is_ok());
}

#[test]
fn cve_2021_23336_only_the_given_separator_splits() {
    let pairs = parse_qsl("a=1;b=2&c=3");
    assert_eq!(
        pairs,
        [("a", "1;b=2"), ("c", "3")].map(|(k, v)| (k.into(), v.into()))
    );
    let o = ParseQsOptions::new().separator(";");
    let pairs = parse_qsl_with("a=1;b=2&c=3", &o).unwrap();
    assert_eq!(
        pairs,
        [("a", "1"), ("b", "2&c=3")].map(|(k, v)| (k.into(), v.into()))
    );
    assert_eq!(parse_qs("x=1;x=2").get("x").unwrap(), ["1;x=2"]);
    let o = ParseQsOptions::new().separator("");
    assert!(parse_qsl_with("a=1", &o).is_err());
}

#[test]
fn max_num_fields_is_enforced_before_any_work() {
    // CVE-2021-23336's companion limit (bpo-41118): a body of many fields is refused
    // by counting separators, before a single field is decoded or stored
    let body = "a=%41&".repeat(200_000);
    let o = ParseQsOptions::new().max_num_fields(10);
    let before = allocations();
    let e = parse_qsl_with(&body, &o).unwrap_err();
    let during = allocations() - before;
    assert!(matches!(e, Error::ValueError { .. }));
    assert_eq!(during, 1, "only the error's message is allocated");
    // the limit counts fields as CPython does: 1 + separators
    let o = ParseQsOptions::new().max_num_fields(3);
    assert!(parse_qsl_with("a&b&c", &o).is_ok());
    assert!(parse_qsl_with("a&b&c&", &o).is_err());
    let o = ParseQsOptions::new().max_num_fields(0);
    assert!(parse_qsl_with("", &o).is_ok());
}

#[test]
fn cve_2015_2104_a_path_is_never_read_back_as_a_netloc() {
    // CPython 3.11.7 wrote ("", "", "//evil.example/p", "", "") as "//evil.example/p",
    // whose netloc reads back as "evil.example"; the fix (3.11.10) keeps it a path
    for (url, path) in [
        ("////evil.example/p", "//evil.example/p"),
        ("http:////evil.example/p", "//evil.example/p"),
        ("a:////[x", "//[x"),
        ("file:////server/share", "//server/share"),
    ] {
        let r = urlsplit(url).unwrap();
        assert_eq!((r.netloc(), r.path()), ("", path), "{url}");
        let again = urlsplit(&r.geturl()).unwrap();
        assert_eq!(again, r, "{url}: {}", r.geturl());
    }
    assert_eq!(
        netstd_urlparse::urlunsplit(("http", "", "a/b", "", "")),
        "http:a/b"
    );
    // the round trip is stable for every URL that splits
    for url in [
        "////#",
        "//",
        "http:",
        "http:a",
        "x:///y?q#f",
        "/p;a?b",
        "?#",
    ] {
        let once = urlsplit(url).unwrap().geturl();
        let twice = urlsplit(&once).unwrap().geturl();
        assert_eq!(once, twice, "{url}");
    }
}
