//! What the robots.txt benchmark and binary share: the inputs benches/data/gen_robots.py
//! writes to `$NETSTD_BENCH_DATA` (default target/bench-data).
#![allow(dead_code)]

use std::path::PathBuf;

/// The 100-rule robots.txt and the 1,000 (agent, url) queries.
pub struct Inputs {
    pub robots: Vec<u8>,
    pub queries: Vec<(String, String)>,
}

pub fn inputs() -> Inputs {
    let dir = std::env::var_os("NETSTD_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-data"));
    let read = |name: &str| {
        std::fs::read(dir.join(name)).unwrap_or_else(|e| {
            panic!("{name}: {e}; run python3 benches/data/gen_robots.py target/bench-data first")
        })
    };
    let robots = read("robots_100.txt");
    let queries = String::from_utf8(read("robots_queries.tsv"))
        .expect("UTF-8")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, u)| (a.to_owned(), u.to_owned()))
        .collect();
    Inputs { robots, queries }
}
