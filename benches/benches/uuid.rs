//! netstd-uuid against the `uuid` crate (the Rust peer it wraps). CPython's timings
//! for the same operations come from scripts/bench.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

const TEXT: &str = "{12345678-1234-5678-1234-567812345678}";

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("uuid");
    g.bench_function("netstd parse", |b| {
        b.iter(|| netstd_uuid::UUID::new(black_box(TEXT)).unwrap())
    });
    g.bench_function("uuid-crate parse", |b| {
        b.iter(|| uuid::Uuid::parse_str(black_box(TEXT)).unwrap())
    });
    let u = netstd_uuid::UUID::new(TEXT).unwrap();
    let p = uuid::Uuid::from(u);
    g.bench_function("netstd str", |b| b.iter(|| black_box(u).to_string()));
    g.bench_function("uuid-crate str", |b| {
        b.iter(|| black_box(p).hyphenated().to_string())
    });
    g.bench_function("netstd uuid4", |b| b.iter(netstd_uuid::uuid4));
    g.bench_function("uuid-crate uuid4", |b| b.iter(uuid::Uuid::new_v4));
    g.bench_function("netstd uuid5", |b| {
        b.iter(|| netstd_uuid::uuid5(&netstd_uuid::NAMESPACE_DNS, black_box("python.org")))
    });
    g.bench_function("uuid-crate uuid5", |b| {
        b.iter(|| uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_DNS, black_box(b"python.org")))
    });
    g.bench_function("netstd uuid7", |b| b.iter(netstd_uuid::uuid7));
    g.bench_function("uuid-crate uuid7", |b| b.iter(uuid::Uuid::now_v7));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
