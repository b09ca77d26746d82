//! Line framing: netcore's bounded `LineReader::readline` against std's unbounded
//! `BufReader::read_until` (what most Rust protocol code uses), on an SMTP-like
//! reply stream. CPython's `BufferedReader.readline` is timed by scripts/bench.

use std::io::{BufRead, BufReader};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use netstd_core::LineReader;

/// 10,000 lines of 10 to 200 bytes.
fn corpus() -> Vec<u8> {
    let mut v = Vec::new();
    for i in 0..10_000usize {
        v.extend_from_slice(b"250-");
        v.extend(std::iter::repeat_n(
            b'a' + (i % 26) as u8,
            6 + (i * 37) % 190,
        ));
        v.extend_from_slice(b"\r\n");
    }
    v
}

fn bench(c: &mut Criterion) {
    let data = corpus();
    let mut g = c.benchmark_group("readline");
    g.throughput(Throughput::Bytes(data.len() as u64));
    g.bench_function("netstd LineReader (limit 8192)", |b| {
        b.iter(|| {
            let mut r = LineReader::new(&data[..], 8192);
            let mut n = 0;
            loop {
                let line = r.readline().unwrap();
                if line.is_empty() {
                    break;
                }
                n += line.len();
            }
            n
        })
    });
    g.bench_function("netstd LineReader::readline_into (limit 8192)", |b| {
        b.iter(|| {
            let mut r = LineReader::new(&data[..], 8192);
            let mut n = 0;
            let mut line = Vec::new();
            loop {
                line.clear();
                if r.readline_into(&mut line).unwrap() == 0 {
                    break;
                }
                n += line.len();
            }
            n
        })
    });
    g.bench_function("std BufReader::read_until (no limit)", |b| {
        b.iter(|| {
            let mut r = BufReader::new(&data[..]);
            let mut n = 0;
            let mut line = Vec::new();
            loop {
                line.clear();
                if r.read_until(b'\n', &mut line).unwrap() == 0 {
                    break;
                }
                n += line.len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
