//! What the parsers allocate, counted with a counting global allocator: `urlsplit`
//! and `urlparse` allocate once (the result's one buffer holding every field),
//! whatever the URL (an empty URL not at all); the figures are quoted in docs/benchmarks.md.

#![allow(unsafe_code)] // the counting allocator below

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use netstd_urlparse::{
    SplitOptions, parse_qsl, quote, unquote, urlencode, urlparse, urlsplit, urlsplit_with,
};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    static BYTES: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counters are
// const-initialised thread locals, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        BYTES.with(|n| n.set(n.get() + layout.size()));
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

/// (allocations, bytes requested) while `f` runs, its result dropped after counting.
fn count<T>(f: impl FnOnce() -> T) -> (usize, usize, T) {
    let (a, b) = (ALLOCATIONS.with(Cell::get), BYTES.with(Cell::get));
    let out = f();
    (
        ALLOCATIONS.with(Cell::get) - a,
        BYTES.with(Cell::get) - b,
        out,
    )
}

const URLS: &[&str] = &[
    "https://www.example.com/path/to/page?query=1&b=c#frag",
    "http://user:pass@[::1]:8080/a;b?c#d",
    "HTTP://EXAMPLE.COM",
    "/relative/path?x",
    "mailto:someone@example.com",
    "  \t https://ex\tample.com/a\nb",
    "https://bücher.example/straße?q=ü",
    "",
];

#[test]
fn urlsplit_allocates_the_result_buffer_only() {
    for url in URLS {
        let (n, bytes, r) = count(|| urlsplit(url).unwrap());
        // an empty URL needs no buffer at all
        assert_eq!(n, usize::from(!url.is_empty()), "{url:?}");
        assert!(bytes <= url.len(), "{url:?}: {bytes} bytes");
        drop(r);
        let (n, _, r) = count(|| urlparse(url).unwrap());
        assert_eq!(n, usize::from(!url.is_empty()), "{url:?}");
        drop(r);
    }
    // the default scheme goes into the same buffer
    let o = SplitOptions::new().scheme("https");
    let (n, bytes, r) = count(|| urlsplit_with("//h/p", &o).unwrap());
    assert_eq!((n, bytes), (1, "//h/p".len() + "https".len()));
    assert_eq!(r.scheme(), "https");
}

#[test]
fn reading_a_result_does_not_allocate() {
    let r = urlsplit("https://user:pw@www.example.com:8443/p?q#f").unwrap();
    let (n, _, _) = count(|| {
        (
            r.scheme().len(),
            r.username(),
            r.password(),
            r.hostname(),
            r.port(),
            r.as_tuple(),
        )
    });
    assert_eq!(n, 0);
    // hostname lower-cases into a new string only when it must
    let r = urlsplit("https://WWW.Example.com/").unwrap();
    let (n, _, _) = count(|| r.hostname());
    assert_eq!(n, 1);
}

#[test]
fn query_and_quoting_allocations() {
    // one Vec for the pairs; names and values borrow from the query
    let (n, _, pairs) = count(|| parse_qsl("a=1&b=2&c=hello&d=world"));
    assert_eq!((n, pairs.len()), (1, 4));
    // one String per decoded name or value
    let (n, _, _) = count(|| parse_qsl("a=1+2&b=%41"));
    assert_eq!(n, 3);
    let (n, _, _) = count(|| quote("/a b/ü"));
    assert_eq!(n, 1);
    let (n, _, _) = count(|| unquote("no-escapes"));
    assert_eq!(n, 0);
    let (n, _, _) = count(|| urlencode([("q", "a b"), ("lang", "en")]));
    assert!(n <= 3, "{n}");
}

/// A query of nothing but separators (a hostile request body) must not make
/// `parse_qsl` reserve memory per separator: it keeps no field, so it holds nothing.
#[test]
fn separators_alone_reserve_nothing() {
    let body = "&".repeat(1_000_000);
    let (_, bytes, fields) = count(|| parse_qsl(&body));
    assert!(fields.is_empty());
    assert!(bytes < 4096, "{bytes} bytes for an empty result");
}

/// `parse_qs` of many names answers lookups by hashing, not by scanning.
#[test]
fn many_names_look_up_in_constant_time() {
    let q: String = (0..40_000).map(|i| format!("k{i}=v&")).collect();
    let d = netstd_urlparse::parse_qs(&q);
    let started = std::time::Instant::now();
    for i in 0..40_000 {
        assert!(d.contains_key(format!("k{i}").as_str()));
    }
    assert!(
        started.elapsed() < std::time::Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    let again = netstd_urlparse::parse_qs(&q);
    assert_eq!(d, again);
}
