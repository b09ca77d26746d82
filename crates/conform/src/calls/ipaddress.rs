//! `ipaddress.*` calls of PROTOCOL.md, answered with netstd-ipaddress.
//!
//! netstd follows current CPython where it changed answers the 3.11 oracle gives;
//! each such record declares the fields that may differ:
//! - CVE-2024-4032 (CPython 3.12.4/3.13): the special-purpose tables behind
//!   `is_private`/`is_global`;
//! - CPython 3.13 (gh-87799 and the IPv4-mapped fixes): IPv4-mapped IPv6 addresses
//!   print as `::ffff:d.d.d.d` and answer `is_*` as their IPv4 address;
//! - gh-88178 (CPython main): `exploded` of a zoned address keeps the zone.
//!
//! Arguments of other Python types raise what CPython raises for them here.

use netstd_ipaddress::{
    self as ip, Address, IPAddress, IPNetwork, IPv4Address, IPv4Network, IPv6Address, IPv6Network,
    Network, NetworkOptions, PrefixOptions,
};

use super::{Call, bind};
use crate::{Answer, Divergence, Kwargs, Value};

pub(super) fn lookup(name: &str) -> Option<Call> {
    Some(match name {
        "ip_address" => address,
        "ip_network" => network,
        "ip_interface" => interface,
        "collapse_addresses" => collapse,
        "summarize_address_range" => summarize,
        "v4_int_to_packed" => |a, k| int_to_packed(a, k, 32),
        "v6_int_to_packed" => |a, k| int_to_packed(a, k, 128),
        "ip_network.subnets" => subnets,
        "ip_network.supernet" => supernet,
        "ip_network.address_exclude" => address_exclude,
        "ip_network.overlaps" => |a, k| compare_two(a, k, Pair::Overlaps),
        "ip_network.subnet_of" => |a, k| compare_two(a, k, Pair::SubnetOf),
        "ip_network.supernet_of" => |a, k| compare_two(a, k, Pair::SupernetOf),
        "ip_network.compare_networks" => |a, k| compare_two(a, k, Pair::Compare),
        _ => return None,
    })
}

const CVE_2024_4032: &str = "CVE-2024-4032 (CPython 3.12.4): is_private/is_global tables";
const MAPPED: &str = "CPython 3.13 (gh-87799): IPv4-mapped IPv6 text and is_* as IPv4";
const ZONE: &str = "CPython main (gh-88178): exploded keeps the IPv6 zone";

/// The fields a record declares, with their reasons.
#[derive(Default)]
struct Declared {
    why: Vec<&'static str>,
    fields: Vec<&'static str>,
}

impl Declared {
    fn add(&mut self, why: &'static str, fields: &[&'static str]) {
        if !self.why.contains(&why) {
            self.why.push(why);
        }
        for f in fields {
            if !self.fields.contains(f) {
                self.fields.push(f);
            }
        }
    }

    fn apply(self, answer: Answer) -> Answer {
        if self.fields.is_empty() {
            answer
        } else {
            answer.with_divergence(Divergence::fields(self.why.join("; "), &self.fields))
        }
    }
}

/// Blocks whose `is_private`/`is_global` CVE-2024-4032 changed.
fn v4_changed(first: u32, last: u32) -> bool {
    // 192.0.0.0/24
    first <= 0xc000_00ff && last >= 0xc000_0000
}

fn v6_changed(first: u128, last: u128) -> bool {
    let blocks: [(u128, u128); 4] = [
        (
            0x0064_ff9b_0001 << 80,
            ((0x0064_ff9b_0001u128 + 1) << 80) - 1,
        ), // 64:ff9b:1::/48
        (0x2001 << 112, (0x2001 << 112) | ((1u128 << 105) - 1)), // 2001::/23
        (0x2002 << 112, (0x2003 << 112) - 1),                    // 2002::/16
        (0x3fff << 112, (0x3fff << 112) | ((1u128 << 108) - 1)), // 3fff::/20
    ];
    blocks.iter().any(|&(a, b)| first <= b && last >= a)
}

fn mapped(ip: u128) -> bool {
    ip >> 32 == 0xffff
}

const IS_FLAGS: [&str; 7] = [
    "is_private",
    "is_global",
    "is_multicast",
    "is_reserved",
    "is_loopback",
    "is_link_local",
    "is_unspecified",
];

fn opt_str<T: ToString>(v: Option<T>) -> Value {
    v.map(|x| Value::Str(x.to_string())).unwrap_or(Value::None)
}

fn big(n: Option<u128>) -> Value {
    match n {
        Some(n) => n.into(),
        // ::/0: 2**128
        None => Value::Int(
            crate::value::Int::parse("340282366920938463463374607431768211456").expect("digits"),
        ),
    }
}

// ------------------------------------------------------------------ ip_address

/// What Python hands `ip_address` and the constructors: text, an int, or bytes.
enum Input<'a> {
    Text(&'a str),
    Int {
        negative: bool,
        magnitude: Option<u128>,
    },
    Bytes(&'a [u8]),
    /// Anything else: Python parses `str(x)`, which is never an address.
    Other,
}

fn input(v: &Value) -> Input<'_> {
    match v {
        Value::Str(s) => Input::Text(s),
        Value::Bool(b) => Input::Int {
            negative: false,
            magnitude: Some(u128::from(*b)),
        },
        Value::Int(i) => Input::Int {
            negative: i.is_negative(),
            magnitude: i.as_str().trim_start_matches('-').parse::<u128>().ok(),
        },
        Value::Bytes(b) => Input::Bytes(b),
        _ => Input::Other,
    }
}

fn ip_address_of(v: &Value) -> Result<IPAddress, &'static str> {
    match input(v) {
        Input::Text(s) => ip::ip_address(s).map_err(|e| e.python_name()),
        Input::Int {
            negative: false,
            magnitude: Some(n),
        } => Ok(ip::ip_address_from_int(n)),
        Input::Int { .. } => Err("ValueError"),
        Input::Bytes(b) => IPv4Address::from_packed(b)
            .map(IPAddress::V4)
            .or_else(|_| IPv6Address::from_packed(b).map(IPAddress::V6))
            .map_err(|_| "ValueError"),
        Input::Other => Err("ValueError"),
    }
}

fn address_record(a: &IPAddress, declared: &mut Declared) -> Value {
    let mut fields: Vec<(&'static str, Value)> = vec![
        ("str", a.to_string().into()),
        ("int", a.to_int().into()),
        ("packed", Value::Bytes(a.packed())),
        ("version", a.version().into()),
        ("is_private", a.is_private().into()),
        ("is_global", a.is_global().into()),
        ("is_multicast", a.is_multicast().into()),
        ("is_reserved", a.is_reserved().into()),
        ("is_loopback", a.is_loopback().into()),
        ("is_link_local", a.is_link_local().into()),
        ("is_unspecified", a.is_unspecified().into()),
        ("exploded", a.exploded().into()),
        ("compressed", a.compressed().into()),
        ("reverse_pointer", a.reverse_pointer().into()),
        ("max_prefixlen", a.max_prefixlen().into()),
    ];
    match a {
        IPAddress::V4(v4) => {
            let n = u32::from(*v4);
            if v4_changed(n, n) {
                declared.add(CVE_2024_4032, &["is_private", "is_global"]);
            }
        }
        IPAddress::V6(v6) => {
            let n = u128::from(v6);
            fields.push(("is_site_local", v6.is_site_local().into()));
            fields.push(("ipv4_mapped", opt_str(v6.ipv4_mapped())));
            fields.push(("sixtofour", opt_str(v6.sixtofour())));
            fields.push((
                "teredo",
                v6.teredo()
                    .map(|(s, c)| Value::List(vec![s.to_string().into(), c.to_string().into()]))
                    .unwrap_or(Value::None),
            ));
            fields.push((
                "scope_id",
                v6.scope_id().map(Value::from).unwrap_or(Value::None),
            ));
            if v6_changed(n, n) {
                declared.add(CVE_2024_4032, &["is_private", "is_global"]);
            }
            if mapped(n) {
                declared.add(MAPPED, &["str", "exploded", "compressed"]);
                declared.add(MAPPED, &IS_FLAGS);
            }
            if v6.scope_id().is_some() {
                declared.add(ZONE, &["exploded", "reverse_pointer"]);
            }
        }
    }
    Value::Record(fields)
}

fn address(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [x] = match bind(args, kwargs, ["address"]) {
        Ok(s) => s,
        Err(e) => return e,
    };
    match ip_address_of(x.expect("required")) {
        Ok(a) => {
            let mut declared = Declared::default();
            let record = address_record(&a, &mut declared);
            declared.apply(Answer::result(record))
        }
        Err(class) => Answer::error(class),
    }
}

// ------------------------------------------------------------------ ip_network

/// `IPv4Network(x, strict)` / `IPv6Network(x, strict)` for the argument forms Python
/// takes: text, int, bytes, or an `(address, prefix)` tuple.
fn network_of<A: Address>(
    v: &Value,
    options: NetworkOptions,
    from_int: fn(u128) -> Option<A>,
    from_packed: fn(&[u8]) -> Option<A>,
) -> Result<Network<A>, ip::Error> {
    let bad = || ip::Error::AddressValueError(String::new());
    match v {
        Value::Tuple(parts) if !parts.is_empty() => {
            let addr = match input(&parts[0]) {
                Input::Text(s) => A::parse_address(s)?,
                Input::Int {
                    negative: false,
                    magnitude: Some(n),
                } => from_int(n).ok_or_else(bad)?,
                Input::Bytes(b) => from_packed(b).ok_or_else(bad)?,
                _ => return Err(bad()),
            };
            let prefixlen = match parts.get(1) {
                None => A::MAX_PREFIXLEN,
                Some(Value::Str(m)) => A::parse_mask(m)?,
                Some(Value::Bool(b)) => u8::from(*b),
                Some(Value::Int(i)) => i
                    .to_u64()
                    .filter(|&p| p <= u64::from(A::MAX_PREFIXLEN))
                    .map(|p| p as u8)
                    .ok_or_else(|| ip::Error::NetmaskValueError(String::new()))?,
                Some(_) => return Err(ip::Error::NetmaskValueError(String::new())),
            };
            if parts.len() > 2 {
                // Python unpacks the tuple's first two items only when it has two.
                return Err(ip::Error::ValueError(String::new()));
            }
            Network::from_parts(addr, prefixlen, options)
        }
        _ => match input(v) {
            Input::Text(s) => Network::new_with(s, options),
            Input::Int {
                negative: false,
                magnitude: Some(n),
            } => from_int(n).map(Network::from).ok_or_else(bad),
            Input::Bytes(b) => from_packed(b).map(Network::from).ok_or_else(bad),
            _ => Err(bad()),
        },
    }
}

fn v4_from_int(n: u128) -> Option<IPv4Address> {
    u32::try_from(n).ok().map(IPv4Address::from)
}
fn v6_from_int(n: u128) -> Option<IPv6Address> {
    Some(IPv6Address::from(n))
}
fn v4_from_packed(b: &[u8]) -> Option<IPv4Address> {
    IPv4Address::from_packed(b).ok()
}
fn v6_from_packed(b: &[u8]) -> Option<IPv6Address> {
    IPv6Address::from_packed(b).ok()
}

/// `ip_network(x, strict)`: IPv4, then IPv6 on an address or netmask error.
fn ip_network_of(v: &Value, options: NetworkOptions) -> Result<IPNetwork, &'static str> {
    match network_of(v, options, v4_from_int, v4_from_packed) {
        Ok(n) => return Ok(IPNetwork::V4(n)),
        Err(ip::Error::AddressValueError(_) | ip::Error::NetmaskValueError(_)) => {}
        Err(e) => return Err(e.python_name()),
    }
    match network_of(v, options, v6_from_int, v6_from_packed) {
        Ok(n) => Ok(IPNetwork::V6(n)),
        Err(ip::Error::AddressValueError(_) | ip::Error::NetmaskValueError(_)) => Err("ValueError"),
        Err(e) => Err(e.python_name()),
    }
}

fn network_record<A: Address>(n: &Network<A>, declared: &mut Declared) -> Value
where
    A::Bits: Into<u128>,
{
    let hosts: Vec<Value> = n
        .hosts()
        .take(4)
        .map(|h| Value::Str(h.to_string()))
        .collect();
    let supernet = n
        .supernet()
        .map(|s| Value::Str(s.to_string()))
        .unwrap_or_else(|e| Value::Error(e.python_name().into()));
    let first: u128 = n.network_address().to_bits().into();
    let last: u128 = n.broadcast_address().to_bits().into();
    if A::VERSION == 4 && v4_changed(first as u32, last as u32)
        || A::VERSION == 6 && v6_changed(first, last)
    {
        declared.add(CVE_2024_4032, &["is_private", "is_global"]);
    }
    if A::VERSION == 6 {
        let netmask: u128 = n.netmask().to_bits().into();
        let hostmask: u128 = n.hostmask().to_bits().into();
        let host_mapped = n.hosts().take(4).any(|h| mapped(h.to_bits().into()));
        let super_mapped = n
            .supernet()
            .is_ok_and(|s| mapped(s.network_address().to_bits().into()));
        if [first, last, netmask, hostmask].into_iter().any(mapped) || host_mapped || super_mapped {
            declared.add(
                MAPPED,
                &[
                    "str",
                    "network_address",
                    "broadcast_address",
                    "netmask",
                    "hostmask",
                    "with_prefixlen",
                    "with_netmask",
                    "with_hostmask",
                    "compressed",
                    "hosts_head",
                    "supernet",
                ],
            );
        }
        if mapped(first) || mapped(last) {
            declared.add(MAPPED, &IS_FLAGS);
        }
        if n.network_address().scope_id().is_some() {
            declared.add(ZONE, &["exploded"]);
        }
    }
    Value::record([
        ("str", n.to_string().into()),
        ("version", n.version().into()),
        ("network_address", n.network_address().to_string().into()),
        (
            "broadcast_address",
            n.broadcast_address().to_string().into(),
        ),
        ("netmask", n.netmask().to_string().into()),
        ("hostmask", n.hostmask().to_string().into()),
        ("prefixlen", n.prefixlen().into()),
        ("num_addresses", big(n.num_addresses())),
        ("with_prefixlen", n.with_prefixlen().into()),
        ("with_netmask", n.with_netmask().into()),
        ("with_hostmask", n.with_hostmask().into()),
        ("is_private", n.is_private().into()),
        ("is_global", n.is_global().into()),
        ("is_multicast", n.is_multicast().into()),
        ("is_reserved", n.is_reserved().into()),
        ("is_loopback", n.is_loopback().into()),
        ("is_link_local", n.is_link_local().into()),
        ("is_unspecified", n.is_unspecified().into()),
        ("exploded", n.exploded().into()),
        ("compressed", n.compressed().into()),
        ("hosts_head", Value::List(hosts)),
        ("supernet", supernet),
    ])
}

fn network(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [x, strict] = match bind(args, kwargs, ["address", "strict?"]) {
        Ok(s) => s,
        Err(e) => return e,
    };
    let options = NetworkOptions::new().strict(strict.is_none_or(Value::truthy));
    let mut declared = Declared::default();
    let record = match ip_network_of(x.expect("required"), options) {
        Ok(IPNetwork::V4(n)) => network_record(&n, &mut declared),
        Ok(IPNetwork::V6(n)) => network_record(&n, &mut declared),
        Err(class) => return Answer::error(class),
    };
    declared.apply(Answer::result(record))
}

// ------------------------------------------------------------------ ip_interface

fn interface(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [x] = match bind(args, kwargs, ["address"]) {
        Ok(s) => s,
        Err(e) => return e,
    };
    let made = match x.expect("required") {
        Value::Str(s) => ip::ip_interface(s).map_err(|e| e.python_name()),
        // Ints, bytes and tuples build interfaces as they build networks, host bits allowed.
        other => ip_network_of(other, NetworkOptions::new().strict(false))
            .and_then(|_| interface_of(other).ok_or("ValueError")),
    };
    let i = match made {
        Ok(i) => i,
        Err(class) => return Answer::error(class),
    };
    let mut declared = Declared::default();
    if let ip::IPInterface::V6(v6) = &i {
        let ips = [
            u128::from(&v6.ip()),
            u128::from(v6.network().network_address()),
            u128::from(v6.hostmask()),
        ];
        if ips.into_iter().any(mapped) {
            declared.add(
                MAPPED,
                &["str", "ip", "network", "with_netmask", "with_hostmask"],
            );
        }
    }
    declared.apply(Answer::result(Value::record([
        ("str", i.to_string().into()),
        ("ip", i.ip().to_string().into()),
        ("network", i.network().to_string().into()),
        ("with_prefixlen", i.with_prefixlen().into()),
        ("with_netmask", i.with_netmask().into()),
        ("with_hostmask", i.with_hostmask().into()),
    ])))
}

/// `ip_interface(x)` for an int, bytes or a tuple: the address with the network's
/// prefix length.
fn interface_of(v: &Value) -> Option<ip::IPInterface> {
    let (addr, prefix) = match v {
        Value::Tuple(parts) => (parts.first()?, parts.get(1)),
        other => (other, None),
    };
    let address = ip_address_of(addr).ok()?;
    let net = ip_network_of(v, NetworkOptions::new().strict(false)).ok()?;
    let _ = prefix;
    Some(match (address, net) {
        (IPAddress::V4(a), IPNetwork::V4(n)) => {
            ip::IPInterface::V4(ip::IPv4Interface::from_parts(a, n.prefixlen()).ok()?)
        }
        (IPAddress::V6(a), IPNetwork::V6(n)) => {
            ip::IPInterface::V6(ip::IPv6Interface::from_parts(a, n.prefixlen()).ok()?)
        }
        _ => return None,
    })
}

// ------------------------------------------------------------------ module functions

/// Whether a list of results holds an IPv4-mapped IPv6 network, whose text CPython
/// 3.13 changed.
fn any_mapped_v6(nets: &[IPv6Network]) -> bool {
    nets.iter().any(|n| mapped(u128::from(n.network_address())))
}

fn strings<T: ToString>(items: impl IntoIterator<Item = T>) -> Value {
    Value::List(
        items
            .into_iter()
            .map(|x| Value::Str(x.to_string()))
            .collect(),
    )
}

/// `collapse_addresses(ip_network(x) for x in xs)`, with CPython's order of
/// failures: each input is parsed as the generator reaches it, and a version mix is
/// caught against the previous address or the previous network.
fn collapse(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [xs] = match bind(args, kwargs, ["addresses"]) {
        Ok(s) => s,
        Err(e) => return e,
    };
    let Some(items) = xs.expect("required").as_seq() else {
        return Answer::error("TypeError");
    };
    let (mut v4, mut v6) = (Vec::new(), Vec::new());
    let (mut last_addr_version, mut last_net_version) = (None, None);
    for item in items {
        let net = match ip_network_of(item, NetworkOptions::new()) {
            Ok(n) => n,
            Err(class) => return Answer::error(class),
        };
        let is_address = net.prefixlen() == net.max_prefixlen();
        let last = if is_address {
            &mut last_addr_version
        } else {
            &mut last_net_version
        };
        if last.is_some_and(|v| v != net.version()) {
            return Answer::error("TypeError");
        }
        *last = Some(net.version());
        match net {
            IPNetwork::V4(n) => v4.push(n),
            IPNetwork::V6(n) => v6.push(n),
        }
    }
    if !v4.is_empty() && !v6.is_empty() {
        // Sorting the collapsed networks compares the versions.
        return Answer::error("TypeError");
    }
    if !v6.is_empty() {
        let out = ip::collapse_addresses(v6);
        let answer = Answer::result(strings(&out));
        return if any_mapped_v6(&out) {
            answer.with_divergence(Divergence::whole(MAPPED))
        } else {
            answer
        };
    }
    Answer::result(strings(ip::collapse_addresses(v4)))
}

fn summarize(args: &[Value], kwargs: &Kwargs) -> Answer {
    let [a, b] = match bind(args, kwargs, ["first", "last"]) {
        Ok(s) => s,
        Err(e) => return e,
    };
    let first = match ip_address_of(a.expect("required")) {
        Ok(x) => x,
        Err(class) => return Answer::error(class),
    };
    let last = match ip_address_of(b.expect("required")) {
        Ok(x) => x,
        Err(class) => return Answer::error(class),
    };
    match (first, last) {
        (IPAddress::V4(f), IPAddress::V4(l)) => match ip::summarize_address_range(&f, &l) {
            Ok(nets) => Answer::result(strings(nets)),
            Err(e) => Answer::error(e.python_name()),
        },
        (IPAddress::V6(f), IPAddress::V6(l)) => match ip::summarize_address_range(&f, &l) {
            Ok(nets) => {
                let nets: Vec<IPv6Network> = nets.collect();
                let answer = Answer::result(strings(&nets));
                if any_mapped_v6(&nets) {
                    answer.with_divergence(Divergence::whole(MAPPED))
                } else {
                    answer
                }
            }
            Err(e) => Answer::error(e.python_name()),
        },
        _ => Answer::error("TypeError"),
    }
}

/// `v4_int_to_packed(n)` / `v6_int_to_packed(n)`: `int.to_bytes`, so other types
/// have no such method (AttributeError) and out-of-range ints are ValueError.
fn int_to_packed(args: &[Value], kwargs: &Kwargs, bits: u32) -> Answer {
    let [n] = match bind(args, kwargs, ["address"]) {
        Ok(s) => s,
        Err(e) => return e,
    };
    let n = match n.expect("required") {
        Value::Bool(b) => u128::from(*b),
        Value::Int(i) => match i.to_u128() {
            Some(n) => n,
            None => return Answer::error("ValueError"),
        },
        _ => return Answer::error("AttributeError"),
    };
    if bits == 32 {
        match u32::try_from(n) {
            Ok(v) => Answer::result(Value::Bytes(ip::v4_int_to_packed(v).to_vec())),
            Err(_) => Answer::error("ValueError"),
        }
    } else {
        Answer::result(Value::Bytes(ip::v6_int_to_packed(n).to_vec()))
    }
}

// ------------------------------------------------------------------ network methods

/// An int argument of a method (`prefixlen_diff`, `new_prefix`); floats are not
/// modelled.
fn int_arg(v: Option<&Value>) -> Result<Option<i64>, Answer> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(i64::from(*b))),
        Some(Value::Int(i)) => match i.to_i64() {
            Some(n) => Ok(Some(n.clamp(-1 << 40, 1 << 40))),
            None => Ok(Some(if i.is_negative() { -1 << 40 } else { 1 << 40 })),
        },
        Some(
            Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Tuple(_) | Value::Dict(_),
        ) => Err(Answer::error("TypeError")),
        Some(_) => Err(Answer::unsupported()),
    }
}

fn prefix_options(
    diff: Option<&Value>,
    new_prefix: Option<&Value>,
) -> Result<PrefixOptions, Answer> {
    let mut o = PrefixOptions::new();
    if let Some(d) = int_arg(diff)? {
        o = o.prefixlen_diff(d);
    }
    if let Some(p) = int_arg(new_prefix)? {
        o = o.new_prefix(p);
    }
    Ok(o)
}

fn the_network(v: Option<&Value>) -> Result<IPNetwork, Answer> {
    ip_network_of(v.expect("required"), NetworkOptions::new()).map_err(Answer::error)
}

/// The first 256 networks, as the oracle cuts them.
fn first_256<A: Address>(nets: impl Iterator<Item = Network<A>>) -> Vec<Network<A>> {
    nets.take(256).collect()
}

fn mapped_list_answer(v6: &[IPv6Network], v4: &[IPv4Network]) -> Answer {
    if v6.is_empty() {
        Answer::result(strings(v4))
    } else if any_mapped_v6(v6) {
        Answer::result(strings(v6)).with_divergence(Divergence::whole(MAPPED))
    } else {
        Answer::result(strings(v6))
    }
}

/// `(net, prefixlen_diff=1, new_prefix=None)` of `subnets` and `supernet`.
fn network_and_prefix(
    args: &[Value],
    kwargs: &Kwargs,
) -> Result<(IPNetwork, PrefixOptions), Answer> {
    let [net, diff, new_prefix] = bind(args, kwargs, ["net", "prefixlen_diff?", "new_prefix?"])?;
    Ok((the_network(net)?, prefix_options(diff, new_prefix)?))
}

fn subnets(args: &[Value], kwargs: &Kwargs) -> Answer {
    let (n, options) = match network_and_prefix(args, kwargs) {
        Ok(x) => x,
        Err(e) => return e,
    };
    let result = match &n {
        IPNetwork::V4(n) => n
            .subnets_with(options)
            .map(|s| mapped_list_answer(&[], &first_256(s))),
        IPNetwork::V6(n) => n
            .subnets_with(options)
            .map(|s| mapped_list_answer(&first_256(s), &[])),
    };
    result.unwrap_or_else(|e| Answer::error(e.python_name()))
}

fn supernet(args: &[Value], kwargs: &Kwargs) -> Answer {
    let (n, options) = match network_and_prefix(args, kwargs) {
        Ok(x) => x,
        Err(e) => return e,
    };
    match &n {
        IPNetwork::V4(n) => n
            .supernet_with(options)
            .map(|s| Answer::result(Value::Str(s.to_string()))),
        IPNetwork::V6(n) => n.supernet_with(options).map(|s| {
            let answer = Answer::result(Value::Str(s.to_string()));
            if mapped(u128::from(s.network_address())) {
                answer.with_divergence(Divergence::whole(MAPPED))
            } else {
                answer
            }
        }),
    }
    .unwrap_or_else(|e| Answer::error(e.python_name()))
}

fn two_networks(args: &[Value], kwargs: &Kwargs) -> Result<(IPNetwork, IPNetwork), Answer> {
    let [net, other] = bind(args, kwargs, ["net", "other"])?;
    Ok((the_network(net)?, the_network(other)?))
}

fn address_exclude(args: &[Value], kwargs: &Kwargs) -> Answer {
    let (a, b) = match two_networks(args, kwargs) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let result = match (&a, &b) {
        (IPNetwork::V4(a), IPNetwork::V4(b)) => a
            .address_exclude(b)
            .map(|e| mapped_list_answer(&[], &first_256(e))),
        (IPNetwork::V6(a), IPNetwork::V6(b)) => a
            .address_exclude(b)
            .map(|e| mapped_list_answer(&first_256(e), &[])),
        _ => return Answer::error("TypeError"),
    };
    result.unwrap_or_else(|e| Answer::error(e.python_name()))
}

enum Pair {
    Overlaps,
    SubnetOf,
    SupernetOf,
    Compare,
}

fn compare_two(args: &[Value], kwargs: &Kwargs, which: Pair) -> Answer {
    let (a, b) = match two_networks(args, kwargs) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let (a4, b4, a6, b6) = match (&a, &b) {
        (IPNetwork::V4(x), IPNetwork::V4(y)) => (Some(x), Some(y), None, None),
        (IPNetwork::V6(x), IPNetwork::V6(y)) => (None, None, Some(x), Some(y)),
        // Across versions nothing overlaps; the other three raise.
        _ => {
            return match which {
                Pair::Overlaps => Answer::result(false),
                _ => Answer::error("TypeError"),
            };
        }
    };
    fn answer<A: Address>(a: &Network<A>, b: &Network<A>, which: &Pair) -> Answer {
        match which {
            Pair::Overlaps => Answer::result(a.overlaps(b)),
            Pair::SubnetOf => Answer::result(a.subnet_of(b)),
            Pair::SupernetOf => Answer::result(a.supernet_of(b)),
            Pair::Compare => Answer::result(a.compare_networks(b) as i8),
        }
    }
    match (a4, b4, a6, b6) {
        (Some(x), Some(y), _, _) => answer(x, y, &which),
        (_, _, Some(x), Some(y)) => answer(x, y, &which),
        _ => unreachable!("matched above"),
    }
}
