//! For scripts/bench-robotparser: parses the 100-rule robots.txt (mean of 10,000 parses)
//! and answers 1,000,000 can_fetch queries (the 1,000 queries 1,000 times) with
//! netstd-robotparser in CPython mode and in RFC 9309 mode, and with texting_robots
//! (one `Robot` per user agent, as its API parses for one agent). Prints one JSON line
//! per implementation: `{"impl", "parse_ns", "queries", "query_s", "allowed"}`; the
//! best of 3 runs of the million.
#[path = "../robots_common.rs"]
mod robots_common;

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Instant;

use netstd_robotparser::{Mode, RobotFileParser};

const PARSES: u32 = 10_000;
const ROUNDS: usize = 1_000;

fn best_of_3(mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = f64::INFINITY;
    let mut allowed = 0;
    for _ in 0..3 {
        let t = Instant::now();
        allowed = f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    (best, allowed)
}

fn report(name: &str, parse_ns: f64, query_s: f64, allowed: usize, queries: usize) {
    println!(
        "{{\"impl\": \"{name}\", \"parse_ns\": {parse_ns:.0}, \"queries\": {queries}, \"query_s\": {query_s:.4}, \"allowed\": {allowed}}}"
    );
}

fn netstd(mode: Mode, name: &str, inputs: &robots_common::Inputs) {
    let parse = || {
        let mut rp =
            RobotFileParser::with_mode("https://www.example.com/robots.txt", mode).unwrap();
        rp.read_response(200, black_box(&inputs.robots)).unwrap();
        rp
    };
    let t = Instant::now();
    for _ in 0..PARSES {
        black_box(parse());
    }
    let parse_ns = t.elapsed().as_nanos() as f64 / f64::from(PARSES);
    let rp = parse();
    let (secs, allowed) = best_of_3(|| {
        let mut allowed = 0;
        for _ in 0..ROUNDS {
            for (agent, url) in &inputs.queries {
                allowed += usize::from(rp.can_fetch(black_box(agent), black_box(url)).unwrap());
            }
        }
        allowed
    });
    report(
        name,
        parse_ns,
        secs,
        allowed / ROUNDS,
        inputs.queries.len() * ROUNDS,
    );
}

fn texting(inputs: &robots_common::Inputs) {
    let mut agents: Vec<&str> = inputs.queries.iter().map(|(a, _)| a.as_str()).collect();
    agents.sort_unstable();
    agents.dedup();
    let t = Instant::now();
    for _ in 0..PARSES {
        black_box(texting_robots::Robot::new(agents[0], black_box(&inputs.robots)).unwrap());
    }
    let parse_ns = t.elapsed().as_nanos() as f64 / f64::from(PARSES);
    let robots: HashMap<&str, texting_robots::Robot> = agents
        .iter()
        .map(|a| (*a, texting_robots::Robot::new(a, &inputs.robots).unwrap()))
        .collect();
    let (secs, allowed) = best_of_3(|| {
        let mut allowed = 0;
        for _ in 0..ROUNDS {
            for (agent, url) in &inputs.queries {
                allowed += usize::from(robots[agent.as_str()].allowed(black_box(url)));
            }
        }
        allowed
    });
    report(
        "texting_robots",
        parse_ns,
        secs,
        allowed / ROUNDS,
        inputs.queries.len() * ROUNDS,
    );
}

fn main() {
    let inputs = robots_common::inputs();
    netstd(Mode::CPython, "netstd cpython-mode", &inputs);
    netstd(Mode::Rfc9309, "netstd rfc9309-mode", &inputs);
    texting(&inputs);
}
