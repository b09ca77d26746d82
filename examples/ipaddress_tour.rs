//! What Python code does most with `ipaddress`, through the facade:
//!
//!     cargo run --example ipaddress_tour -- 10.1.2.3/20 2001:db8::1
//!
//! For each argument: is it an address, a network or an interface, what kind of
//! address it is, and what network it sits on; then the arguments' networks merged.

use netstd::ipaddress::{
    IPAddress, IPInterface, IPNetwork, NetworkOptions, collapse_addresses, ip_interface,
    ip_network_with,
};

fn describe(a: &IPAddress) -> String {
    let mut kinds = Vec::new();
    for (flag, name) in [
        (a.is_private(), "private"),
        (a.is_global(), "global"),
        (a.is_loopback(), "loopback"),
        (a.is_link_local(), "link-local"),
        (a.is_multicast(), "multicast"),
        (a.is_reserved(), "reserved"),
        (a.is_unspecified(), "unspecified"),
    ] {
        if flag {
            kinds.push(name);
        }
    }
    format!(
        "IPv{} {a} ({}) reverse {}",
        a.version(),
        kinds.join(", "),
        a.reverse_pointer()
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args = if args.is_empty() {
        vec!["192.168.1.10/24".into(), "::ffff:8.8.8.8".into()]
    } else {
        args
    };
    let (mut v4, mut v6) = (Vec::new(), Vec::new());
    for text in &args {
        match ip_interface(text) {
            Ok(iface) => {
                println!("{}", describe(&iface.ip()));
                match &iface {
                    IPInterface::V4(i) => {
                        let net = i.network();
                        println!(
                            "  on {net} ({} addresses, first host {:?})",
                            net.num_addresses().unwrap_or(0),
                            net.hosts().next()
                        );
                        v4.push(net.clone());
                    }
                    IPInterface::V6(i) => {
                        let net = i.network();
                        println!("  on {net}, exploded {}", net.exploded());
                        v6.push(net.clone());
                    }
                }
            }
            Err(e) => println!("{text}: {} ({})", e.python_name(), e),
        }
        if let Ok(IPNetwork::V4(n)) = ip_network_with(text, NetworkOptions::new().strict(false)) {
            println!(
                "  subnets /{}: {:?}",
                n.prefixlen() + 2,
                n.subnets_with(netstd::ipaddress::PrefixOptions::new().prefixlen_diff(2))
                    .map(|s| s.map(|x| x.to_string()).collect::<Vec<_>>())
            );
        }
    }
    println!(
        "merged IPv4: {:?}",
        collapse_addresses(v4)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
    println!(
        "merged IPv6: {:?}",
        collapse_addresses(v6)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
}
