//! Python's `ipaddress` module: [`IPv4Address`], [`IPv6Address`], [`IPv4Network`],
//! [`IPv6Network`], [`IPv4Interface`], [`IPv6Interface`], the factories
//! [`ip_address`], [`ip_network`], [`ip_interface`], and [`collapse_addresses`],
//! [`summarize_address_range`], [`get_mixed_type_key`], [`v4_int_to_packed`],
//! [`v6_int_to_packed`].
//!
//! Parsing and every property follow CPython; the special-purpose tables are current
//! CPython's (CVE-2024-4032 fixed), leading zeros in IPv4 are refused
//! (CVE-2021-29921), and iteration is lazy (the hosts of a /8 or of an IPv6 /64
//! cost nothing until used). Conversions to and from `std::net` types are free.
//!
//! ```
//! use netstd_ipaddress::{ip_address, ip_network, collapse_addresses, IPv4Network};
//! let addr = ip_address("192.168.1.10").unwrap();
//! let net = ip_network("192.168.1.0/24").unwrap();
//! assert!(net.contains(&addr) && addr.is_private());
//! let merged = collapse_addresses([
//!     IPv4Network::new("192.0.2.0/25").unwrap(),
//!     IPv4Network::new("192.0.2.128/25").unwrap(),
//! ]);
//! assert_eq!(merged[0].to_string(), "192.0.2.0/24");
//! ```

mod address;
mod bits;
mod format;
mod interface;
mod network;
mod parse;
mod pyformat;
mod special;

pub use address::{Address, IPAddress, IPv4Address, IPv6Address};
pub use bits::Bits;
pub use interface::{IPInterface, IPv4Interface, IPv6Interface, Interface};
pub use network::{
    Addresses, Exclude, IPNetwork, IPv4Network, IPv6Network, Network, NetworkOptions,
    PrefixOptions, Subnets,
};

/// `ipaddress.IPV4LENGTH`.
pub const IPV4LENGTH: u8 = 32;
/// `ipaddress.IPV6LENGTH`.
pub const IPV6LENGTH: u8 = 128;

/// The errors of `ipaddress`, named after its exceptions. `AddressValueError` and
/// `NetmaskValueError` are `ValueError`s in Python; [`Error::is_value_error`] says so.
///
/// ```
/// let e = netstd_ipaddress::IPv4Address::new("1.2.3").unwrap_err();
/// assert_eq!(e.python_name(), "AddressValueError");
/// assert!(e.is_value_error());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `ipaddress.AddressValueError`: the text is not an address of this version.
    #[error("{0}")]
    AddressValueError(String),
    /// `ipaddress.NetmaskValueError`: the prefix, netmask or hostmask is not valid.
    #[error("{0}")]
    NetmaskValueError(String),
    /// `ValueError`: host bits set, a bad argument, not an address of either version.
    #[error("{0}")]
    ValueError(String),
    /// `TypeError`: versions mixed, an unsupported format string.
    #[error("{0}")]
    TypeError(String),
    /// `IndexError`: `network[n]` out of range.
    #[error("{0}")]
    IndexError(String),
    /// `MemoryError`: a result too large to allocate (a huge `format` width).
    #[error("{0}")]
    MemoryError(String),
}

impl Error {
    pub(crate) fn address(msg: impl Into<String>) -> Self {
        Error::AddressValueError(msg.into())
    }

    /// The message.
    pub fn message(&self) -> &str {
        match self {
            Error::AddressValueError(m)
            | Error::NetmaskValueError(m)
            | Error::ValueError(m)
            | Error::TypeError(m)
            | Error::IndexError(m)
            | Error::MemoryError(m) => m,
        }
    }

    /// The Python exception class this error stands for.
    pub fn python_name(&self) -> &'static str {
        match self {
            Error::AddressValueError(_) => "AddressValueError",
            Error::NetmaskValueError(_) => "NetmaskValueError",
            Error::ValueError(_) => "ValueError",
            Error::TypeError(_) => "TypeError",
            Error::IndexError(_) => "IndexError",
            Error::MemoryError(_) => "MemoryError",
        }
    }

    /// Whether Python would catch it as `ValueError` (its subclasses included).
    pub fn is_value_error(&self) -> bool {
        matches!(
            self,
            Error::AddressValueError(_) | Error::NetmaskValueError(_) | Error::ValueError(_)
        )
    }

    /// Whether `ip_address` and friends move on to the next version after it.
    fn is_parse_error(&self) -> bool {
        matches!(
            self,
            Error::AddressValueError(_) | Error::NetmaskValueError(_)
        )
    }
}

/// `ipaddress.ip_address(text)`: IPv4 if the text is one, else IPv6, else
/// `ValueError`.
///
/// ```
/// use netstd_ipaddress::ip_address;
/// assert_eq!(ip_address("2001:db8::1").unwrap().version(), 6);
/// assert_eq!(ip_address("nope").unwrap_err().python_name(), "ValueError");
/// ```
pub fn ip_address(text: &str) -> Result<IPAddress, Error> {
    // Text without a colon is never IPv6 and text with one never IPv4, so trying only
    // the one version that can match gives CPython's answers without building the
    // other version's error.
    let parsed = if text.contains(':') {
        IPv6Address::new(text).map(IPAddress::V6)
    } else {
        IPv4Address::new(text).map(IPAddress::V4)
    };
    parsed.map_err(|e| {
        if e.is_parse_error() {
            Error::ValueError(format!(
                "{} does not appear to be an IPv4 or IPv6 address",
                parse::py_repr(text)
            ))
        } else {
            e
        }
    })
}

/// `ipaddress.ip_address(int)`: below 2**32 an IPv4 address, else IPv6.
///
/// ```
/// assert_eq!(netstd_ipaddress::ip_address_from_int(1).to_string(), "0.0.0.1");
/// assert_eq!(netstd_ipaddress::ip_address_from_int(1 << 32).to_string(), "::1:0:0");
/// ```
pub fn ip_address_from_int(n: u128) -> IPAddress {
    match u32::try_from(n) {
        Ok(v4) => IPAddress::V4(IPv4Address::from(v4)),
        Err(_) => IPAddress::V6(IPv6Address::from(n)),
    }
}

/// `ipaddress.ip_network(text)` with `strict=True`.
pub fn ip_network(text: &str) -> Result<IPNetwork, Error> {
    ip_network_with(text, NetworkOptions::new())
}

/// `ipaddress.ip_network(text, strict)`.
///
/// ```
/// use netstd_ipaddress::{ip_network_with, NetworkOptions};
/// let n = ip_network_with("10.1.2.3/8", NetworkOptions::new().strict(false)).unwrap();
/// assert_eq!(n.to_string(), "10.0.0.0/8");
/// ```
pub fn ip_network_with(text: &str, options: NetworkOptions) -> Result<IPNetwork, Error> {
    // As in `ip_address`, only one version can parse: IPv4 text (mask included)
    // holds no colon.
    let parsed = if text.contains(':') {
        IPv6Network::new_with(text, options).map(IPNetwork::V6)
    } else {
        IPv4Network::new_with(text, options).map(IPNetwork::V4)
    };
    parsed.map_err(|e| {
        if e.is_parse_error() {
            Error::ValueError(format!(
                "{} does not appear to be an IPv4 or IPv6 network",
                parse::py_repr(text)
            ))
        } else {
            e
        }
    })
}

/// `ipaddress.ip_interface(text)`.
pub fn ip_interface(text: &str) -> Result<IPInterface, Error> {
    let parsed = if text.contains(':') {
        IPv6Interface::new(text).map(IPInterface::V6)
    } else {
        IPv4Interface::new(text).map(IPInterface::V4)
    };
    parsed.map_err(|e| {
        if e.is_parse_error() {
            Error::ValueError(format!(
                "{} does not appear to be an IPv4 or IPv6 interface",
                parse::py_repr(text)
            ))
        } else {
            e
        }
    })
}

/// `ipaddress.v4_int_to_packed(n)`.
///
/// ```
/// assert_eq!(netstd_ipaddress::v4_int_to_packed(0xc0000201), [192, 0, 2, 1]);
/// ```
pub fn v4_int_to_packed(address: u32) -> [u8; 4] {
    address.to_be_bytes()
}

/// `ipaddress.v6_int_to_packed(n)`.
pub fn v6_int_to_packed(address: u128) -> [u8; 16] {
    address.to_be_bytes()
}

/// `ipaddress.summarize_address_range(first, last)`: the CIDR blocks covering
/// exactly `first..=last`, lazily; `ValueError` when `last < first`.
///
/// ```
/// use netstd_ipaddress::{summarize_address_range, IPv4Address};
/// let (a, b) = (IPv4Address::new("192.0.2.0").unwrap(), IPv4Address::new("192.0.2.130").unwrap());
/// let nets: Vec<String> = summarize_address_range(&a, &b).unwrap().map(|n| n.to_string()).collect();
/// assert_eq!(nets, ["192.0.2.0/25", "192.0.2.128/31", "192.0.2.130/32"]);
/// ```
pub fn summarize_address_range<A: Address>(first: &A, last: &A) -> Result<Summary<A>, Error> {
    if first.to_bits() > last.to_bits() {
        return Err(Error::ValueError(
            "last IP address must be greater than first".into(),
        ));
    }
    Ok(Summary(
        bits::summarize(first.to_bits(), last.to_bits()),
        std::marker::PhantomData,
    ))
}

/// The lazy iterator of [`summarize_address_range`].
#[derive(Debug, Clone)]
pub struct Summary<A: Address>(bits::Summarize<A::Bits>, std::marker::PhantomData<A>);

impl<A: Address> Iterator for Summary<A> {
    type Item = Network<A>;
    fn next(&mut self) -> Option<Network<A>> {
        self.0.next().map(|(b, p)| Network::from_bits(b, p))
    }
}

/// `ipaddress.collapse_addresses(networks)`: the fewest networks covering exactly
/// the same addresses, sorted. Addresses and interfaces convert into one-address
/// networks (`IPv4Network::from(address)`). O(n log n).
///
/// ```
/// use netstd_ipaddress::{collapse_addresses, IPv6Network};
/// let nets = ["2001:db8::/33", "2001:db8:8000::/33", "2001:db8::1/128"]
///     .map(|s| IPv6Network::new(s).unwrap());
/// assert_eq!(collapse_addresses(nets)[0].to_string(), "2001:db8::/32");
/// ```
pub fn collapse_addresses<A: Address>(
    networks: impl IntoIterator<Item = Network<A>>,
) -> Vec<Network<A>> {
    bits::collapse(
        networks
            .into_iter()
            .map(|n| (n.network_address().to_bits(), n.prefixlen())),
    )
    .into_iter()
    .map(|(b, p)| Network::from_bits(b, p))
    .collect()
}

/// The key `ipaddress.get_mixed_type_key` returns: addresses and networks of both
/// versions sort together by it (version, then address, then netmask; an address
/// before a network at the same address).
///
/// ```
/// use netstd_ipaddress::{get_mixed_type_key, ip_address, ip_network, Mixed};
/// let a = get_mixed_type_key(Mixed::Address(&ip_address("10.0.0.0").unwrap()));
/// let n = get_mixed_type_key(Mixed::Network(&ip_network("10.0.0.0/8").unwrap()));
/// assert!(a < n);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MixedTypeKey {
    version: u8,
    address: u128,
    netmask: Option<u128>,
}

/// An address or a network, for [`get_mixed_type_key`].
#[derive(Debug, Clone, Copy)]
pub enum Mixed<'a> {
    /// An address.
    Address(&'a IPAddress),
    /// A network.
    Network(&'a IPNetwork),
}

/// `ipaddress.get_mixed_type_key(obj)`.
pub fn get_mixed_type_key(obj: Mixed<'_>) -> MixedTypeKey {
    match obj {
        Mixed::Address(a) => MixedTypeKey {
            version: a.version(),
            address: a.to_int(),
            netmask: None,
        },
        Mixed::Network(n) => {
            let (address, netmask) = match n {
                IPNetwork::V4(n) => (
                    u128::from(u32::from(n.network_address())),
                    u128::from(u32::from(n.netmask())),
                ),
                IPNetwork::V6(n) => (u128::from(n.network_address()), u128::from(n.netmask())),
            };
            MixedTypeKey {
                version: n.version(),
                address,
                netmask: Some(netmask),
            }
        }
    }
}
