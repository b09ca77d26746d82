//! netstd-robotparser in CPython mode and in RFC 9309 mode, and texting_robots (the
//! RFC 9309 peer): parsing the 100-rule robots.txt of benches/data/gen_robots.py and
//! answering its 1,000 queries. scripts/bench-robotparser runs the million-query
//! figures with CPython beside them (src/bin/robotparser-million.rs).
#[path = "../src/robots_common.rs"]
mod robots_common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use netstd_robotparser::{Mode, RobotFileParser};

fn parsed(mode: Mode, robots: &[u8]) -> RobotFileParser {
    let mut rp = RobotFileParser::with_mode("https://www.example.com/robots.txt", mode).unwrap();
    rp.read_response(200, robots).unwrap();
    rp
}

fn bench(c: &mut Criterion) {
    let inputs = robots_common::inputs();
    let mut g = c.benchmark_group("robotparser");
    for (name, mode) in [
        ("cpython-mode", Mode::CPython),
        ("rfc9309-mode", Mode::Rfc9309),
    ] {
        g.bench_function(format!("netstd {name} parse 100 rules"), |b| {
            b.iter(|| parsed(mode, black_box(&inputs.robots)))
        });
        let rp = parsed(mode, &inputs.robots);
        g.bench_function(format!("netstd {name} can_fetch x1000"), |b| {
            b.iter(|| {
                inputs
                    .queries
                    .iter()
                    .filter(|(a, u)| rp.can_fetch(black_box(a), black_box(u)).unwrap())
                    .count()
            })
        });
    }
    g.bench_function("texting_robots parse 100 rules", |b| {
        b.iter(|| texting_robots::Robot::new("MyBot", black_box(&inputs.robots)).unwrap())
    });
    let robot = texting_robots::Robot::new("MyBot", &inputs.robots).unwrap();
    g.bench_function("texting_robots allowed x1000 (one agent)", |b| {
        b.iter(|| {
            inputs
                .queries
                .iter()
                .filter(|(_, u)| robot.allowed(black_box(u)))
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
