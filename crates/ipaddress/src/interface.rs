//! `IPv4Interface` and `IPv6Interface` (one generic [`Interface`]): an address on a
//! network, and `ip_interface`'s either-of-them [`IPInterface`].

use std::fmt;

use crate::address::{Address, IPAddress, IPv4Address, IPv6Address};
use crate::bits::Bits;
use crate::network::{Network, NetworkOptions};
use crate::{Error, parse};

/// `ipaddress.IPv4Interface`.
pub type IPv4Interface = Interface<IPv4Address>;
/// `ipaddress.IPv6Interface`.
pub type IPv6Interface = Interface<IPv6Address>;

/// An address with the network it sits on. In Python the interface classes subclass
/// the address classes; here an interface dereferences to its address, so
/// `iface.is_private()` reads as in Python.
///
/// ```
/// use netstd_ipaddress::IPv4Interface;
/// let i = IPv4Interface::new("192.0.2.5/24").unwrap();
/// assert_eq!(i.ip().to_string(), "192.0.2.5");
/// assert_eq!(i.network().to_string(), "192.0.2.0/24");
/// assert_eq!(i.with_netmask(), "192.0.2.5/255.255.255.0");
/// assert!(i.is_private());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Interface<A: Address> {
    address: A,
    network: Network<A>,
}

impl<A: Address> Interface<A> {
    /// `IPv4Interface(text)` / `IPv6Interface(text)`: an address with an optional
    /// `/prefix` (IPv4 also `/netmask` or `/hostmask`); host bits are allowed.
    pub fn new(text: &str) -> Result<Self, Error> {
        let (addr, mask) = parse::split_prefix(text)?;
        let address = A::parse_address(addr)?;
        let prefixlen = match mask {
            Some(m) => A::parse_mask(m)?,
            None => A::MAX_PREFIXLEN,
        };
        Self::from_parts(address, prefixlen)
    }

    /// `IPv4Interface((address, prefixlen))`.
    pub fn from_parts(address: A, prefixlen: u8) -> Result<Self, Error> {
        let network = Network::from_parts(
            address.clone(),
            prefixlen,
            NetworkOptions::new().strict(false),
        )?;
        Ok(Interface { address, network })
    }

    /// `ip`: the address (without a zone, as CPython builds it from the integer).
    pub fn ip(&self) -> A {
        A::from_bits(self.address.to_bits())
    }

    /// `network`.
    pub fn network(&self) -> &Network<A> {
        &self.network
    }

    /// `netmask`.
    pub fn netmask(&self) -> A {
        self.network.netmask()
    }

    /// `hostmask`.
    pub fn hostmask(&self) -> A {
        self.network.hostmask()
    }

    /// The prefix length.
    pub fn prefixlen(&self) -> u8 {
        self.network.prefixlen()
    }

    /// `with_prefixlen`: `ip/prefixlen` (the integer's plain text form, no zone).
    pub fn with_prefixlen(&self) -> String {
        format!("{}/{}", self.plain_ip(), self.prefixlen())
    }

    /// `with_netmask`: `ip/netmask`.
    pub fn with_netmask(&self) -> String {
        format!("{}/{}", self.plain_ip(), self.netmask())
    }

    /// `with_hostmask`: `ip/hostmask`.
    pub fn with_hostmask(&self) -> String {
        format!("{}/{}", self.plain_ip(), self.hostmask())
    }

    /// CPython's `_string_from_ip_int(self._ip)`: for IPv6 the plain compressed hex,
    /// even for an IPv4-mapped address.
    fn plain_ip(&self) -> String {
        if A::VERSION == 4 {
            self.address.to_string()
        } else {
            crate::format::ipv6_compressed(self.address.to_bits().to_u128())
        }
    }

    /// `exploded`: `ip` in full (plain hex for IPv6) and the prefix length.
    pub fn exploded(&self) -> String {
        format!(
            "{}/{}",
            A::exploded_bits(self.address.to_bits()),
            self.prefixlen()
        )
    }

    /// `compressed`: the string form.
    pub fn compressed(&self) -> String {
        self.to_string()
    }

    /// `is_unspecified`, as CPython's interface classes define it: the integer is 0
    /// and the network is unspecified (an IPv4-mapped `::ffff:0.0.0.0` is not).
    pub fn is_unspecified(&self) -> bool {
        self.address.to_bits() == A::Bits::ZERO && self.network.is_unspecified()
    }

    /// `is_loopback`, as CPython's interface classes define it: for IPv4 the address
    /// alone (`127.0.0.1/4` is loopback); for IPv6 the address and the network.
    pub fn is_loopback(&self) -> bool {
        self.address.is_loopback() && (A::VERSION == 4 || self.network.is_loopback())
    }
}

impl<A: Address> std::ops::Deref for Interface<A> {
    type Target = A;
    /// The address, with its zone (Python's interface *is* an address).
    fn deref(&self) -> &A {
        &self.address
    }
}

impl<A: Address> fmt::Display for Interface<A> {
    /// `str(interface)`: the address (with zone) and the prefix length.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("{}/{}", self.address, self.prefixlen()))
    }
}

impl<A: Address> fmt::Debug for Interface<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}('{self}')", A::INTERFACE_CLASS)
    }
}

impl<A: Address> PartialOrd for Interface<A> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<A: Address> Ord for Interface<A> {
    /// By network, then address, as CPython's `__lt__`.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.network
            .cmp(&other.network)
            .then_with(|| self.address.cmp(&other.address))
    }
}

impl<A: Address> std::str::FromStr for Interface<A> {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Interface::new(s)
    }
}

/// What `ipaddress.ip_interface()` returns.
///
/// ```
/// let i = netstd_ipaddress::ip_interface("fe80::1%eth0/64").unwrap();
/// assert_eq!(i.to_string(), "fe80::1%eth0/64");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IPInterface {
    /// An IPv4 interface.
    V4(IPv4Interface),
    /// An IPv6 interface.
    V6(IPv6Interface),
}

macro_rules! either {
    ($self:expr, $i:ident => $e:expr) => {
        match $self {
            IPInterface::V4($i) => $e,
            IPInterface::V6($i) => $e,
        }
    };
}

impl IPInterface {
    /// `version`.
    pub fn version(&self) -> u8 {
        either!(self, i => i.version())
    }
    /// `ip`.
    pub fn ip(&self) -> IPAddress {
        match self {
            IPInterface::V4(i) => IPAddress::V4(i.ip()),
            IPInterface::V6(i) => IPAddress::V6(i.ip()),
        }
    }
    /// `network`.
    pub fn network(&self) -> crate::IPNetwork {
        match self {
            IPInterface::V4(i) => crate::IPNetwork::V4(i.network().clone()),
            IPInterface::V6(i) => crate::IPNetwork::V6(i.network().clone()),
        }
    }
    /// `with_prefixlen`.
    pub fn with_prefixlen(&self) -> String {
        either!(self, i => i.with_prefixlen())
    }
    /// `with_netmask`.
    pub fn with_netmask(&self) -> String {
        either!(self, i => i.with_netmask())
    }
    /// `with_hostmask`.
    pub fn with_hostmask(&self) -> String {
        either!(self, i => i.with_hostmask())
    }
}

impl fmt::Display for IPInterface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        either!(self, i => fmt::Display::fmt(i, f))
    }
}

impl fmt::Debug for IPInterface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        either!(self, i => fmt::Debug::fmt(i, f))
    }
}
