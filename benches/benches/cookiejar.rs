//! netstd-cookiejar against CPython's http.cookiejar (timed by scripts/bench on the
//! same jar): a jar of 10,000 cookies over 1,000 domains, then `add_cookie_header`
//! and `extract_cookies` for one request.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use netstd_cookiejar::{CookieJar, CookieRequest, Request, Response};

/// The jar scripts/bench builds on the CPython side too.
fn big_jar() -> CookieJar {
    let jar = CookieJar::new();
    for d in 0..1000 {
        let req = Request::new(&format!("http://www.d{d}.example/")).unwrap();
        let lines: Vec<String> = (0..10)
            .map(|i| {
                format!("Set-Cookie: c{i}=v{i}; Domain=.d{d}.example; Path=/; Max-Age=99999999")
            })
            .collect();
        jar.extract_cookies(&Response::from_lines(&lines), &req);
    }
    assert_eq!(jar.len(), 10_000);
    jar
}

fn bench(c: &mut Criterion) {
    let jar = big_jar();
    let mut g = c.benchmark_group("cookiejar");
    g.sample_size(20);
    let mut i = 0usize;
    g.bench_function("netstd add_cookie_header 10k", |b| {
        b.iter(|| {
            i = (i + 1) % 1000;
            let mut req = Request::new(&format!("http://www.d{i}.example/a/b")).unwrap();
            jar.add_cookie_header(black_box(&mut req));
            req.get_header("Cookie").map(|h| h.len())
        })
    });
    let response = Response::from_lines([
        "Set-Cookie: sid=abc; Path=/; Max-Age=99999999",
        "Set-Cookie: lang=en; Domain=.d7.example",
    ]);
    let req = Request::new("http://www.d7.example/a/b").unwrap();
    g.bench_function("netstd extract_cookies 10k", |b| {
        b.iter(|| jar.extract_cookies(black_box(&response), black_box(&req)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
