//! `IPv4Network` and `IPv6Network` (one generic [`Network`]), their lazy iterators,
//! and `ip_network`'s either-of-them [`IPNetwork`].

use std::cmp::Ordering;
use std::fmt;

use crate::address::{Address, IPAddress, IPv4Address, IPv6Address};
use crate::bits::{self, Bits};
use crate::{Error, parse};

/// `ipaddress.IPv4Network`.
pub type IPv4Network = Network<IPv4Address>;
/// `ipaddress.IPv6Network`.
pub type IPv6Network = Network<IPv6Address>;

/// The keyword arguments of the network constructors: `strict` (default `true`): a
/// network string with host bits set is a `ValueError` unless it is off.
///
/// ```
/// use netstd_ipaddress::{IPv4Network, NetworkOptions};
/// assert!(IPv4Network::new("192.0.2.1/24").is_err());
/// let n = IPv4Network::new_with("192.0.2.1/24", NetworkOptions::new().strict(false)).unwrap();
/// assert_eq!(n.to_string(), "192.0.2.0/24");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct NetworkOptions {
    strict: bool,
}

impl Default for NetworkOptions {
    fn default() -> Self {
        NetworkOptions { strict: true }
    }
}

impl NetworkOptions {
    /// `strict=True`.
    pub fn new() -> Self {
        Self::default()
    }
    /// `strict=`.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }
}

/// The keyword arguments of [`Network::subnets_with`] and [`Network::supernet_with`]:
/// `prefixlen_diff` (default 1) or `new_prefix`, not both.
///
/// ```
/// use netstd_ipaddress::{IPv4Network, PrefixOptions};
/// let n = IPv4Network::new("10.0.0.0/24").unwrap();
/// let quarters: Vec<_> = n.subnets_with(PrefixOptions::new().new_prefix(26)).unwrap().collect();
/// assert_eq!(quarters.len(), 4);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct PrefixOptions {
    prefixlen_diff: i64,
    new_prefix: Option<i64>,
}

impl Default for PrefixOptions {
    fn default() -> Self {
        PrefixOptions {
            prefixlen_diff: 1,
            new_prefix: None,
        }
    }
}

impl PrefixOptions {
    /// `prefixlen_diff=1`, no `new_prefix`.
    pub fn new() -> Self {
        Self::default()
    }
    /// `prefixlen_diff=`.
    pub fn prefixlen_diff(mut self, diff: i64) -> Self {
        self.prefixlen_diff = diff;
        self
    }
    /// `new_prefix=`.
    pub fn new_prefix(mut self, prefix: i64) -> Self {
        self.new_prefix = Some(prefix);
        self
    }
}

/// An IP network: an address and a prefix length with no host bits set. Python's
/// `IPv4Network` and `IPv6Network` are the aliases [`IPv4Network`] and
/// [`IPv6Network`].
///
/// Equality, ordering and hashing follow Python's: by network address (zone
/// included for equality), then netmask.
///
/// ```
/// use netstd_ipaddress::{IPv4Address, IPv4Network};
/// let net = IPv4Network::new("192.0.2.0/28").unwrap();
/// assert_eq!(net.num_addresses(), Some(16));
/// assert_eq!(net.broadcast_address().to_string(), "192.0.2.15");
/// assert!(net.contains(&IPv4Address::new("192.0.2.7").unwrap()));
/// assert_eq!(net.hosts().count(), 14);
/// assert_eq!(net.get(-1).unwrap().to_string(), "192.0.2.15");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Network<A: Address> {
    address: A,
    prefixlen: u8,
}

impl<A: Address> Network<A> {
    /// `IPv4Network(text)` / `IPv6Network(text)` with `strict=True`: an address, then
    /// optionally `/` and a prefix length (IPv4 also takes a netmask or hostmask).
    pub fn new(text: &str) -> Result<Self, Error> {
        Self::new_with(text, NetworkOptions::new())
    }

    /// The constructor with its keyword arguments.
    pub fn new_with(text: &str, options: NetworkOptions) -> Result<Self, Error> {
        let (addr, mask) = parse::split_prefix(text)?;
        let address = A::parse_address(addr)?;
        let prefixlen = match mask {
            Some(m) => A::parse_mask(m)?,
            None => A::MAX_PREFIXLEN,
        };
        Self::from_parts(address, prefixlen, options)
    }

    /// `IPv4Network((address, prefixlen), strict)`: `NetmaskValueError` for a
    /// prefix length past the maximum; host bits as in [`new_with`](Self::new_with).
    ///
    /// ```
    /// use netstd_ipaddress::{IPv4Address, IPv4Network, NetworkOptions};
    /// let a = IPv4Address::new("10.1.2.3").unwrap();
    /// let n = IPv4Network::from_parts(a, 8, NetworkOptions::new().strict(false)).unwrap();
    /// assert_eq!(n.to_string(), "10.0.0.0/8");
    /// ```
    pub fn from_parts(address: A, prefixlen: u8, options: NetworkOptions) -> Result<Self, Error> {
        if prefixlen > A::MAX_PREFIXLEN {
            return Err(Error::NetmaskValueError(format!(
                "{prefixlen} is not a valid netmask"
            )));
        }
        let bits = address.to_bits();
        let masked = bits & bits::netmask::<A::Bits>(prefixlen);
        if masked == bits {
            return Ok(Network { address, prefixlen });
        }
        if options.strict {
            return Err(Error::ValueError(format!(
                "{}/{prefixlen} has host bits set",
                address
            )));
        }
        // Clearing host bits makes a new address, without the zone.
        Ok(Network {
            address: A::from_bits(masked),
            prefixlen,
        })
    }

    /// A network from integers known to be valid (no zone).
    pub(crate) fn from_bits(bits: A::Bits, prefixlen: u8) -> Self {
        Network {
            address: A::from_bits(bits),
            prefixlen,
        }
    }

    fn first(&self) -> A::Bits {
        self.address.to_bits()
    }

    fn last(&self) -> A::Bits {
        self.first() | bits::hostmask::<A::Bits>(self.prefixlen)
    }

    /// `network_address` (with its zone, for IPv6).
    pub fn network_address(&self) -> A {
        self.address.clone()
    }

    /// `broadcast_address`: the last address.
    pub fn broadcast_address(&self) -> A {
        A::from_bits(self.last())
    }

    /// `netmask`.
    pub fn netmask(&self) -> A {
        A::from_bits(bits::netmask(self.prefixlen))
    }

    /// `hostmask`.
    pub fn hostmask(&self) -> A {
        A::from_bits(bits::hostmask(self.prefixlen))
    }

    /// `prefixlen`.
    pub fn prefixlen(&self) -> u8 {
        self.prefixlen
    }

    /// `max_prefixlen`.
    pub fn max_prefixlen(&self) -> u8 {
        A::MAX_PREFIXLEN
    }

    /// `version`.
    pub fn version(&self) -> u8 {
        A::VERSION
    }

    /// `num_addresses`; `None` only for `::/0`, whose 2**128 addresses do not fit a
    /// `u128`.
    pub fn num_addresses(&self) -> Option<u128> {
        bits::hostmask::<A::Bits>(self.prefixlen)
            .to_u128()
            .checked_add(1)
    }

    /// `with_prefixlen`: `address/prefixlen`.
    pub fn with_prefixlen(&self) -> String {
        format!("{}/{}", self.address, self.prefixlen)
    }

    /// `with_netmask`: `address/netmask`.
    pub fn with_netmask(&self) -> String {
        format!("{}/{}", self.address, self.netmask())
    }

    /// `with_hostmask`: `address/hostmask`.
    pub fn with_hostmask(&self) -> String {
        format!("{}/{}", self.address, self.hostmask())
    }

    /// `exploded`: the network address in full (plain hex for IPv6, zone kept as
    /// addresses keep it) and the prefix length.
    pub fn exploded(&self) -> String {
        let zone = self
            .address
            .scope_id()
            .map(|z| format!("%{z}"))
            .unwrap_or_default();
        format!(
            "{}{zone}/{}",
            A::exploded_bits(self.first()),
            self.prefixlen
        )
    }

    /// `compressed`: the string form.
    pub fn compressed(&self) -> String {
        self.to_string()
    }

    /// `addr in network` (compares the integer; an IPv6 zone does not matter).
    pub fn contains(&self, address: &A) -> bool {
        address.to_bits() & bits::netmask::<A::Bits>(self.prefixlen) == self.first()
    }

    /// `overlaps(other)`: the networks share an address.
    pub fn overlaps(&self, other: &Self) -> bool {
        self.first() <= other.last() && other.first() <= self.last()
    }

    /// `subnet_of(other)`: this network lies within `other`. As in CPython, network
    /// addresses compare with their zones: `fe80::%1/64` and `fe80::/64` are not
    /// subnets of each other.
    pub fn subnet_of(&self, other: &Self) -> bool {
        // CPython's `<=` on addresses: smaller integer, or equal address (zone too).
        let starts_within = other.first() < self.first() || other.address == self.address;
        starts_within && other.last() >= self.last()
    }

    /// `supernet_of(other)`: `other` lies within this network.
    pub fn supernet_of(&self, other: &Self) -> bool {
        other.subnet_of(self)
    }

    /// `compare_networks(other)`: by network address, then netmask (Python's -1, 0, 1).
    pub fn compare_networks(&self, other: &Self) -> Ordering {
        (self.first(), bits::netmask::<A::Bits>(self.prefixlen))
            .cmp(&(other.first(), bits::netmask::<A::Bits>(other.prefixlen)))
    }

    /// `is_private`: every address of the network is not globally reachable (current
    /// CPython's table, CVE-2024-4032).
    pub fn is_private(&self) -> bool {
        A::range_is_private(self.first(), self.last())
    }

    /// `is_global`.
    pub fn is_global(&self) -> bool {
        A::range_is_global(self.first(), self.last())
    }

    /// `is_multicast`: both ends are multicast.
    pub fn is_multicast(&self) -> bool {
        self.address.is_multicast() && self.broadcast_address().is_multicast()
    }

    /// `is_reserved`: both ends are reserved.
    pub fn is_reserved(&self) -> bool {
        self.address.is_reserved() && self.broadcast_address().is_reserved()
    }

    /// `is_loopback`: both ends are loopback.
    pub fn is_loopback(&self) -> bool {
        self.address.is_loopback() && self.broadcast_address().is_loopback()
    }

    /// `is_link_local`: both ends are link-local.
    pub fn is_link_local(&self) -> bool {
        self.address.is_link_local() && self.broadcast_address().is_link_local()
    }

    /// `is_unspecified`: both ends are unspecified.
    pub fn is_unspecified(&self) -> bool {
        self.address.is_unspecified() && self.broadcast_address().is_unspecified()
    }

    /// `iter(network)`: every address, lazily.
    pub fn iter(&self) -> Addresses<A> {
        Addresses::range(self.first(), self.last())
    }

    /// `hosts()`: the usable hosts, lazily. IPv4 leaves out the network and broadcast
    /// addresses, IPv6 the Subnet-Router anycast address; a /31 (/127) gives both
    /// addresses and a /32 (/128) its one address, as CPython does. A /8 or a /64
    /// costs nothing until iterated.
    pub fn hosts(&self) -> Addresses<A> {
        let max = A::MAX_PREFIXLEN;
        if self.prefixlen == max {
            return Addresses::one(self.address.clone());
        }
        if self.prefixlen == max - 1 {
            return self.iter();
        }
        let first = self.first() | A::Bits::ONE; // prefix < max - 1: the next address
        let last = if A::VERSION == 4 {
            self.last().wrapping_sub(A::Bits::ONE)
        } else {
            self.last()
        };
        Addresses::range(first, last)
    }

    /// `network[n]`: negative `n` counts from the end. `IndexError` out of range.
    pub fn get(&self, n: i128) -> Result<A, Error> {
        let out_of_range = || Error::IndexError("address out of range".into());
        let size_minus_one = bits::hostmask::<A::Bits>(self.prefixlen).to_u128();
        let offset = if n >= 0 {
            let n = n as u128;
            if n > size_minus_one {
                return Err(out_of_range());
            }
            n
        } else {
            let back = n.unsigned_abs() - 1;
            if back > size_minus_one {
                return Err(out_of_range());
            }
            size_minus_one - back
        };
        Ok(A::from_bits(A::Bits::from_u128(
            self.first().to_u128() + offset,
        )))
    }

    /// `subnets()`: the two halves (the network itself for a /32 or /128).
    pub fn subnets(&self) -> Result<Subnets<A>, Error> {
        self.subnets_with(PrefixOptions::new())
    }

    /// `subnets(prefixlen_diff=, new_prefix=)`: lazily, so a /0 split into /64s is
    /// cheap until iterated. `ValueError` as CPython raises it.
    pub fn subnets_with(&self, options: PrefixOptions) -> Result<Subnets<A>, Error> {
        let max = i64::from(A::MAX_PREFIXLEN);
        let prefixlen = i64::from(self.prefixlen);
        if prefixlen == max {
            return Ok(Subnets(SubnetsInner::One(Some(self.clone()))));
        }
        let mut diff = options.prefixlen_diff;
        if let Some(new_prefix) = options.new_prefix {
            if new_prefix < prefixlen {
                return Err(Error::ValueError("new prefix must be longer".into()));
            }
            if diff != 1 {
                return Err(Error::ValueError(
                    "cannot set prefixlen_diff and new_prefix".into(),
                ));
            }
            diff = new_prefix - prefixlen;
        }
        if diff < 0 {
            return Err(Error::ValueError("prefix length diff must be > 0".into()));
        }
        let new_prefixlen = prefixlen.saturating_add(diff);
        if new_prefixlen > max {
            return Err(Error::ValueError(format!(
                "prefix length diff {new_prefixlen} is invalid for netblock {self}"
            )));
        }
        Ok(Subnets(SubnetsInner::Many(bits::subnets(
            self.first(),
            self.prefixlen,
            new_prefixlen as u8,
        ))))
    }

    /// `supernet()`: the network one bit shorter (itself for a /0).
    pub fn supernet(&self) -> Result<Self, Error> {
        self.supernet_with(PrefixOptions::new())
    }

    /// `supernet(prefixlen_diff=, new_prefix=)`.
    pub fn supernet_with(&self, options: PrefixOptions) -> Result<Self, Error> {
        if self.prefixlen == 0 {
            return Ok(self.clone());
        }
        let prefixlen = i64::from(self.prefixlen);
        let mut diff = options.prefixlen_diff;
        if let Some(new_prefix) = options.new_prefix {
            if new_prefix > prefixlen {
                return Err(Error::ValueError("new prefix must be shorter".into()));
            }
            if diff != 1 {
                return Err(Error::ValueError(
                    "cannot set prefixlen_diff and new_prefix".into(),
                ));
            }
            diff = prefixlen - new_prefix;
        }
        if diff < 0 {
            // CPython shifts the netmask left by the difference: a negative count.
            return Err(Error::ValueError("negative shift count".into()));
        }
        let new_prefixlen = prefixlen - diff;
        if new_prefixlen < 0 {
            return Err(Error::ValueError(format!(
                "current prefixlen is {prefixlen}, cannot have a prefixlen_diff of {diff}"
            )));
        }
        let new_prefixlen = new_prefixlen as u8;
        Ok(Network::from_bits(
            self.first() & bits::netmask::<A::Bits>(new_prefixlen),
            new_prefixlen,
        ))
    }

    /// `address_exclude(other)`: this network without `other`, which must lie within
    /// it (`ValueError` otherwise), in CPython's order (largest blocks first), lazily.
    ///
    /// ```
    /// use netstd_ipaddress::IPv4Network;
    /// let n = IPv4Network::new("192.0.2.0/28").unwrap();
    /// let hole = IPv4Network::new("192.0.2.1/32").unwrap();
    /// let rest: Vec<String> = n.address_exclude(&hole).unwrap().map(|n| n.to_string()).collect();
    /// assert_eq!(rest, ["192.0.2.8/29", "192.0.2.4/30", "192.0.2.2/31", "192.0.2.0/32"]);
    /// ```
    pub fn address_exclude(&self, other: &Self) -> Result<Exclude<A>, Error> {
        if !other.subnet_of(self) {
            return Err(Error::ValueError(format!(
                "{other} not contained in {self}"
            )));
        }
        if other.first() == self.first() && other.prefixlen == self.prefixlen {
            return Ok(Exclude(None));
        }
        Ok(Exclude(Some(bits::exclude(
            (self.first(), self.prefixlen),
            (other.first(), other.prefixlen),
        ))))
    }
}

impl<A: Address> From<A> for Network<A> {
    /// `IPv4Network(address)`: the one-address network.
    fn from(address: A) -> Self {
        Network {
            address,
            prefixlen: A::MAX_PREFIXLEN,
        }
    }
}

impl<A: Address> fmt::Display for Network<A> {
    /// `str(network)`: `address/prefixlen`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("{}/{}", self.address, self.prefixlen))
    }
}

impl<A: Address> fmt::Debug for Network<A> {
    /// `repr(network)`: `IPv4Network('192.0.2.0/24')`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}('{self}')", A::NETWORK_CLASS)
    }
}

impl<A: Address> PartialOrd for Network<A> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<A: Address> Ord for Network<A> {
    /// By network address, then netmask (then the zone, to agree with equality).
    fn cmp(&self, other: &Self) -> Ordering {
        self.compare_networks(other)
            .then_with(|| self.address.cmp(&other.address))
    }
}

impl<A: Address> std::str::FromStr for Network<A> {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Network::new(s)
    }
}

impl<A: Address> IntoIterator for &Network<A> {
    type Item = A;
    type IntoIter = Addresses<A>;
    fn into_iter(self) -> Addresses<A> {
        self.iter()
    }
}

/// A lazy run of addresses: [`Network::iter`] and [`Network::hosts`].
#[derive(Debug, Clone)]
pub struct Addresses<A: Address> {
    /// Next and last address still to yield; `None` when done.
    range: Option<(A::Bits, A::Bits)>,
    /// A /32 or /128 network's one host keeps its zone.
    single: Option<A>,
}

impl<A: Address> Addresses<A> {
    fn range(first: A::Bits, last: A::Bits) -> Self {
        Addresses {
            range: (first <= last).then_some((first, last)),
            single: None,
        }
    }
    fn one(address: A) -> Self {
        Addresses {
            range: None,
            single: Some(address),
        }
    }
}

impl<A: Address> Iterator for Addresses<A> {
    type Item = A;
    fn next(&mut self) -> Option<A> {
        if let Some(a) = self.single.take() {
            return Some(a);
        }
        let (next, last) = self.range?;
        self.range = if next == last {
            None
        } else {
            next.checked_add(A::Bits::ONE).map(|n| (n, last))
        };
        Some(A::from_bits(next))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match (&self.single, self.range) {
            (Some(_), _) => 1,
            (None, Some((a, b))) => b.to_u128().wrapping_sub(a.to_u128()).saturating_add(1),
            (None, None) => 0,
        };
        let n = usize::try_from(n).ok();
        (n.unwrap_or(usize::MAX), n)
    }

    fn nth(&mut self, n: usize) -> Option<A> {
        if let Some(a) = self.single.take() {
            return (n == 0).then_some(a);
        }
        let (next, last) = self.range?;
        let target = next
            .to_u128()
            .checked_add(n as u128)
            .filter(|&t| t <= last.to_u128());
        match target {
            Some(t) => {
                self.range = Some((A::Bits::from_u128(t), last));
                self.next()
            }
            None => {
                self.range = None;
                None
            }
        }
    }
}

impl<A: Address> DoubleEndedIterator for Addresses<A> {
    fn next_back(&mut self) -> Option<A> {
        if let Some(a) = self.single.take() {
            return Some(a);
        }
        let (next, last) = self.range?;
        self.range = if next == last {
            None
        } else {
            Some((next, last.wrapping_sub(A::Bits::ONE)))
        };
        Some(A::from_bits(last))
    }
}

impl<A: Address> std::iter::FusedIterator for Addresses<A> {}

/// The lazy iterator of [`Network::subnets_with`].
#[derive(Debug, Clone)]
pub struct Subnets<A: Address>(SubnetsInner<A>);

#[derive(Debug, Clone)]
enum SubnetsInner<A: Address> {
    /// A /32 or /128 network's only subnet: itself.
    One(Option<Network<A>>),
    /// The subnets, computed one by one.
    Many(bits::Subnets<A::Bits>),
}

impl<A: Address> Iterator for Subnets<A> {
    type Item = Network<A>;
    fn next(&mut self) -> Option<Network<A>> {
        match &mut self.0 {
            SubnetsInner::One(n) => n.take(),
            SubnetsInner::Many(it) => it.next().map(|(b, p)| Network::from_bits(b, p)),
        }
    }
}

/// The lazy iterator of [`Network::address_exclude`].
#[derive(Debug, Clone)]
pub struct Exclude<A: Address>(Option<bits::Exclude<A::Bits>>);

impl<A: Address> Iterator for Exclude<A> {
    type Item = Network<A>;
    fn next(&mut self) -> Option<Network<A>> {
        self.0
            .as_mut()?
            .next()
            .map(|(b, p)| Network::from_bits(b, p))
    }
}

impl IPv6Network {
    /// `is_site_local`: both ends are site-local (`fec0::/10`).
    pub fn is_site_local(&self) -> bool {
        self.address.is_site_local() && self.broadcast_address().is_site_local()
    }
}

/// What `ipaddress.ip_network()` returns: an [`IPv4Network`] or an [`IPv6Network`].
///
/// ```
/// use netstd_ipaddress::ip_network;
/// let n = ip_network("2001:db8::/32").unwrap();
/// assert_eq!((n.version(), n.prefixlen()), (6, 32));
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IPNetwork {
    /// An IPv4 network.
    V4(IPv4Network),
    /// An IPv6 network.
    V6(IPv6Network),
}

macro_rules! either {
    ($self:expr, $n:ident => $e:expr) => {
        match $self {
            IPNetwork::V4($n) => $e,
            IPNetwork::V6($n) => $e,
        }
    };
}

impl IPNetwork {
    /// `version`.
    pub fn version(&self) -> u8 {
        either!(self, n => n.version())
    }
    /// `prefixlen`.
    pub fn prefixlen(&self) -> u8 {
        either!(self, n => n.prefixlen())
    }
    /// `max_prefixlen`.
    pub fn max_prefixlen(&self) -> u8 {
        either!(self, n => n.max_prefixlen())
    }
    /// `network_address`.
    pub fn network_address(&self) -> IPAddress {
        match self {
            IPNetwork::V4(n) => IPAddress::V4(n.network_address()),
            IPNetwork::V6(n) => IPAddress::V6(n.network_address()),
        }
    }
    /// `broadcast_address`.
    pub fn broadcast_address(&self) -> IPAddress {
        match self {
            IPNetwork::V4(n) => IPAddress::V4(n.broadcast_address()),
            IPNetwork::V6(n) => IPAddress::V6(n.broadcast_address()),
        }
    }
    /// `num_addresses` (`None` only for `::/0`).
    pub fn num_addresses(&self) -> Option<u128> {
        either!(self, n => n.num_addresses())
    }
    /// `is_private`.
    pub fn is_private(&self) -> bool {
        either!(self, n => n.is_private())
    }
    /// `is_global`.
    pub fn is_global(&self) -> bool {
        either!(self, n => n.is_global())
    }
    /// `exploded`.
    pub fn exploded(&self) -> String {
        either!(self, n => n.exploded())
    }
    /// `compressed`.
    pub fn compressed(&self) -> String {
        self.to_string()
    }
    /// `addr in network` (false across versions, as in Python).
    pub fn contains(&self, address: &IPAddress) -> bool {
        match (self, address) {
            (IPNetwork::V4(n), IPAddress::V4(a)) => n.contains(a),
            (IPNetwork::V6(n), IPAddress::V6(a)) => n.contains(a),
            _ => false,
        }
    }
}

impl fmt::Display for IPNetwork {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        either!(self, n => fmt::Display::fmt(n, f))
    }
}

impl fmt::Debug for IPNetwork {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        either!(self, n => fmt::Debug::fmt(n, f))
    }
}

impl std::str::FromStr for IPNetwork {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        crate::ip_network(s)
    }
}
