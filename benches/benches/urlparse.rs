//! netstd-urlparse against the `url` crate (and `ada-url`, the Ada URL parser) on a
//! corpus of realistic URLs (benches/data/gen_urls.py, seeded), each benchmark over the
//! whole corpus. CPython's timings for the same operations on the same inputs come
//! from scripts/bench.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};

/// The corpus: `urls.txt` of scripts/bench-data (`$NETSTD_BENCH_DATA`, default
/// `target/bench-data`), which scripts/bench also reads for CPython's side; written
/// by the generator here when missing.
fn corpus() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = std::env::var_os("NETSTD_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/bench-data"));
    let path = dir.join("urls.txt");
    if !path.exists() {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("target/bench-data");
        let out = std::process::Command::new("python3")
            .arg(root.join("benches/data/gen_urls.py"))
            .output()
            .expect("python3 runs benches/data/gen_urls.py");
        assert!(out.status.success(), "gen_urls.py failed");
        std::fs::write(&path, out.stdout).expect("the corpus is written");
    }
    std::fs::read_to_string(&path)
        .expect("the corpus is read")
        .lines()
        .map(str::to_owned)
        .collect()
}

fn bench(c: &mut Criterion) {
    let urls = corpus();
    let absolute: Vec<&str> = urls
        .iter()
        .map(String::as_str)
        .filter(|u| url::Url::parse(u).is_ok())
        .collect();
    let parts: Vec<netstd_urlparse::SplitResult> = urls
        .iter()
        .map(|u| netstd_urlparse::urlsplit(u).expect("the corpus splits"))
        .collect();
    // each input its own string, as Python's lists of str hold them
    let paths: Vec<String> = parts.iter().map(|r| r.path().to_owned()).collect();
    let decoded: Vec<String> = paths
        .iter()
        .map(|p| netstd_urlparse::unquote(p).into_owned())
        .collect();
    let queries: Vec<String> = parts
        .iter()
        .map(|r| r.query())
        .filter(|q| !q.is_empty())
        .map(str::to_owned)
        .collect();
    let pairs: Vec<Vec<(String, String)>> = queries
        .iter()
        .map(|q| {
            netstd_urlparse::parse_qsl(q)
                .into_iter()
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect()
        })
        .collect();
    eprintln!(
        "urlparse corpus: {} URLs ({} absolute), {} queries",
        urls.len(),
        absolute.len(),
        queries.len()
    );

    let mut g = c.benchmark_group("urlparse");
    g.bench_function("netstd urlsplit all", |b| {
        b.iter(|| {
            for u in &urls {
                black_box(netstd_urlparse::urlsplit(black_box(u)).ok());
            }
        })
    });
    g.bench_function("url-crate parse all", |b| {
        b.iter(|| {
            for u in &urls {
                black_box(url::Url::parse(black_box(u)).ok());
            }
        })
    });
    g.bench_function("ada-url parse all", |b| {
        b.iter(|| {
            for u in &urls {
                black_box(ada_url::Url::parse(black_box(u.as_str()), None).ok());
            }
        })
    });
    g.bench_function("netstd urlsplit absolute", |b| {
        b.iter(|| {
            for u in &absolute {
                black_box(netstd_urlparse::urlsplit(black_box(u)).ok());
            }
        })
    });
    g.bench_function("url-crate parse absolute", |b| {
        b.iter(|| {
            for u in &absolute {
                black_box(url::Url::parse(black_box(u)).ok());
            }
        })
    });
    g.bench_function("ada-url parse absolute", |b| {
        b.iter(|| {
            for u in &absolute {
                black_box(ada_url::Url::parse(black_box(*u), None).ok());
            }
        })
    });
    g.bench_function("netstd quote", |b| {
        b.iter(|| {
            for p in &decoded {
                black_box(netstd_urlparse::quote(black_box(p)));
            }
        })
    });
    g.bench_function("netstd unquote", |b| {
        b.iter(|| {
            for p in &paths {
                black_box(netstd_urlparse::unquote(black_box(p)));
            }
        })
    });
    let escaped: Vec<String> = paths.iter().filter(|p| p.contains('%')).cloned().collect();
    g.bench_function("netstd unquote escaped", |b| {
        b.iter(|| {
            for p in &escaped {
                black_box(netstd_urlparse::unquote(black_box(p)));
            }
        })
    });
    g.bench_function("netstd parse_qsl", |b| {
        b.iter(|| {
            for q in &queries {
                black_box(netstd_urlparse::parse_qsl(black_box(q)));
            }
        })
    });
    g.bench_function("netstd urlencode", |b| {
        b.iter(|| {
            for p in &pairs {
                black_box(netstd_urlparse::urlencode(
                    black_box(p).iter().map(|(k, v)| (k.as_str(), v.as_str())),
                ));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
