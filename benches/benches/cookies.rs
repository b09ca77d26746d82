//! netstd-cookies against CPython's http.cookies (timed by scripts/bench on the same
//! headers), and the linear-growth check: `SimpleCookie::load` of adversarial input
//! from 10 KB to 10 MB (CVE-2024-7592 and CPython gh-149028 shapes).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use netstd_cookies::SimpleCookie;

/// Typical `Cookie` headers; scripts/bench times CPython on the same four.
const TYPICAL: [&str; 4] = [
    "sessionid=38afes7a8; csrftoken=u32t4o3tb3gg43; _ga=GA1.2.1234567890.1234567890; theme=dark",
    "_gid=GA1.2.987654321.1700000000; lang=en-US; consent=\"yes, all\"; cart=a1b2c3d4e5",
    "id=a3fWa; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Secure; HttpOnly; Path=/; SameSite=Lax",
    "a=1; b=2; c=3; d=4; e=5; f=6; g=7; h=8; i=9; j=10; user=\"Jane \\\"JD\\\" Doe\"; tz=UTC+1",
];

/// Adversarial input of `n` bytes: half backslashes in a quoted value (CPython's
/// quadratic unquoting, CVE-2024-7592), then half a long key run of `=` that ends
/// badly (the regex's quadratic backtracking, gh-149028).
fn adversarial(n: usize) -> String {
    let mut s = "b=\"".to_owned();
    s.push_str(&"\\".repeat(n / 2));
    s.push_str("\"; ");
    s.push_str(&"a=".repeat(n / 4));
    s.push('"');
    s
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("cookies");
    g.bench_function("netstd load typical x4", |b| {
        b.iter(|| {
            let mut n = 0;
            for h in TYPICAL {
                let mut c = SimpleCookie::new();
                c.load(black_box(h)).unwrap();
                n += c.len();
            }
            n
        })
    });
    g.bench_function("netstd load+output typical x4", |b| {
        b.iter(|| {
            let mut n = 0;
            for h in TYPICAL {
                let mut c = SimpleCookie::new();
                c.load(black_box(h)).unwrap();
                n += c.output().unwrap().len();
            }
            n
        })
    });
    g.finish();

    let mut g = c.benchmark_group("cookies-linear");
    g.sample_size(10);
    for (name, n) in [("10KB", 10_000), ("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)] {
        let input = adversarial(n);
        g.bench_function(format!("netstd load adversarial {name}"), |b| {
            b.iter(|| {
                let mut c = SimpleCookie::new();
                let _ = c.load(black_box(&input));
                c.len()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
