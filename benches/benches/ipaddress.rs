//! netstd-ipaddress against CPython (timed by scripts/bench on the same inputs) and
//! the `ipnet` crate's `aggregate` for collapsing. Inputs come from
//! scripts/bench-data (`$NETSTD_BENCH_DATA`, default `target/bench-data`).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use netstd_ipaddress::{IPv4Network, collapse_addresses, ip_address, ip_network};

fn lines(name: &str) -> Vec<String> {
    let dir = std::env::var_os("NETSTD_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-data"));
    let text = std::fs::read_to_string(dir.join(name))
        .unwrap_or_else(|e| panic!("{name}: {e}; run scripts/bench-data first"));
    text.lines().map(str::to_string).collect()
}

fn bench(c: &mut Criterion) {
    let addresses = lines("ip_addresses.txt");
    let networks = lines("ip_networks.txt");
    let to_collapse = lines("ip_collapse.txt");
    let mut g = c.benchmark_group("ipaddress");
    g.sample_size(10);
    g.bench_function("netstd ip_address x100k", |b| {
        b.iter(|| {
            addresses
                .iter()
                .filter(|s| ip_address(black_box(s)).is_ok())
                .count()
        })
    });
    g.bench_function("std IpAddr::from_str x100k", |b| {
        b.iter(|| {
            addresses
                .iter()
                .filter(|s| black_box(s).parse::<std::net::IpAddr>().is_ok())
                .count()
        })
    });
    g.bench_function("netstd ip_network x100k", |b| {
        b.iter(|| {
            networks
                .iter()
                .filter(|s| ip_network(black_box(s)).is_ok())
                .count()
        })
    });
    g.bench_function("ipnet IpNet::from_str x100k", |b| {
        b.iter(|| {
            networks
                .iter()
                .filter(|s| black_box(s).parse::<ipnet::IpNet>().is_ok())
                .count()
        })
    });
    let ours: Vec<IPv4Network> = to_collapse.iter().map(|s| s.parse().unwrap()).collect();
    let theirs: Vec<ipnet::Ipv4Net> = to_collapse.iter().map(|s| s.parse().unwrap()).collect();
    assert_eq!(
        collapse_addresses(ours.clone())
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ipnet::Ipv4Net::aggregate(&theirs)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        "both collapse to the same networks"
    );
    g.bench_function("netstd collapse_addresses x100k", |b| {
        b.iter(|| collapse_addresses(black_box(&ours).iter().cloned()).len())
    });
    g.bench_function("ipnet Ipv4Net::aggregate x100k", |b| {
        b.iter(|| ipnet::Ipv4Net::aggregate(black_box(&theirs)).len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
