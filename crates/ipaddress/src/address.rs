//! `IPv4Address`, `IPv6Address`, and `ip_address`'s either-of-them [`IPAddress`].

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::bits::Bits;
use crate::special::{self, in_block};
use crate::{Error, format, parse};

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::IPv4Address {}
    impl Sealed for super::IPv6Address {}
}

/// What [`IPv4Address`] and [`IPv6Address`] share (Python's `_BaseAddress` with
/// `_BaseV4`/`_BaseV6`), so that networks and interfaces are written once:
/// [`crate::IPv4Network`] is `Network<IPv4Address>`. Sealed.
pub trait Address:
    sealed::Sealed + Clone + Eq + Ord + std::hash::Hash + fmt::Display + fmt::Debug + Send + Sync
{
    /// The integer type (`u32` or `u128`).
    type Bits: Bits;
    /// `version`: 4 or 6.
    const VERSION: u8;
    /// `max_prefixlen`: 32 or 128.
    const MAX_PREFIXLEN: u8;
    /// Python's class name of networks of this version (for `repr`).
    #[doc(hidden)]
    const NETWORK_CLASS: &'static str;
    /// Python's class name of interfaces of this version (for `repr`).
    #[doc(hidden)]
    const INTERFACE_CLASS: &'static str;

    /// `int(address)`.
    fn to_bits(&self) -> Self::Bits;
    /// The address of an integer (no zone).
    fn from_bits(bits: Self::Bits) -> Self;
    /// The address part of a network or interface string.
    #[doc(hidden)]
    fn parse_address(text: &str) -> Result<Self, Error>;
    /// The mask part of a network or interface string, as a prefix length.
    #[doc(hidden)]
    fn parse_mask(mask: &str) -> Result<u8, Error>;
    /// The IPv6 zone, if any.
    fn scope_id(&self) -> Option<&str>;
    /// `exploded` (without the network's `/prefix`).
    fn exploded(&self) -> String;
    /// The exploded text of the integer alone: what CPython's networks and interfaces
    /// explode (no zone, no dotted IPv4 tail).
    #[doc(hidden)]
    fn exploded_bits(bits: Self::Bits) -> String;
    /// `is_multicast`.
    fn is_multicast(&self) -> bool;
    /// `is_reserved`.
    fn is_reserved(&self) -> bool;
    /// `is_link_local`.
    fn is_link_local(&self) -> bool;
    /// `is_loopback`.
    fn is_loopback(&self) -> bool;
    /// `is_unspecified`.
    fn is_unspecified(&self) -> bool;
    /// `is_private`.
    fn is_private(&self) -> bool;
    /// `is_global`.
    fn is_global(&self) -> bool;
    /// `is_private` of the network from `first` to `last` (CPython's `_BaseNetwork`).
    #[doc(hidden)]
    fn range_is_private(first: Self::Bits, last: Self::Bits) -> bool;
    /// `is_global` of the network from `first` to `last`.
    #[doc(hidden)]
    fn range_is_global(first: Self::Bits, last: Self::Bits) -> bool;
}

/// `ipaddress.IPv4Address`: a 32-bit address.
///
/// ```
/// use netstd_ipaddress::IPv4Address;
/// let a = IPv4Address::new("192.0.2.1").unwrap();
/// assert_eq!(u32::from(a), 3221225985);
/// assert!(a.is_private() && !a.is_global());
/// assert_eq!(a.reverse_pointer(), "1.2.0.192.in-addr.arpa");
/// assert!(IPv4Address::new("010.1.1.1").is_err()); // CVE-2021-29921: no leading zeros
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct IPv4Address(u32);

impl IPv4Address {
    /// `IPv4Address(text)`: strict dotted decimal. `AddressValueError` otherwise.
    pub fn new(text: &str) -> Result<Self, Error> {
        parse::ipv4_address(text).map(IPv4Address)
    }

    /// `IPv4Address(packed)`: exactly 4 bytes, big-endian.
    ///
    /// ```
    /// let a = netstd_ipaddress::IPv4Address::from_packed(&[127, 0, 0, 1]).unwrap();
    /// assert_eq!(a.to_string(), "127.0.0.1");
    /// ```
    pub fn from_packed(packed: &[u8]) -> Result<Self, Error> {
        let b: [u8; 4] = packed.try_into().map_err(|_| {
            Error::address(format!(
                "{packed:?} (len {} != 4) is not permitted as an IPv4 address",
                packed.len()
            ))
        })?;
        Ok(IPv4Address(u32::from_be_bytes(b)))
    }

    /// `IPv4Address(int)` for any integer: `AddressValueError` outside 0..2**32.
    pub fn from_int(n: i128) -> Result<Self, Error> {
        u32::try_from(n)
            .map(IPv4Address)
            .map_err(|_| int_out_of_range(n, 4))
    }

    /// `packed`: 4 bytes, big-endian.
    pub fn packed(&self) -> [u8; 4] {
        self.0.to_be_bytes()
    }

    /// `version`: 4.
    pub fn version(&self) -> u8 {
        4
    }

    /// `max_prefixlen`: 32.
    pub fn max_prefixlen(&self) -> u8 {
        32
    }

    /// `exploded`: the same as the string form for IPv4.
    pub fn exploded(&self) -> String {
        self.to_string()
    }

    /// `compressed`: the string form.
    pub fn compressed(&self) -> String {
        self.to_string()
    }

    /// `reverse_pointer`: `d.c.b.a.in-addr.arpa` (RFC 1035 3.5).
    pub fn reverse_pointer(&self) -> String {
        format::ipv4_reverse_pointer(self.0)
    }

    /// `is_private`: not globally reachable per the IANA registry (CPython 3.13's
    /// table: CVE-2024-4032), so `192.0.0.9` and `192.0.0.10` are not private.
    pub fn is_private(&self) -> bool {
        special::private(
            self.0,
            &special::V4_PRIVATE,
            &special::V4_PRIVATE_EXCEPTIONS,
        )
    }

    /// `is_global`: globally reachable; `100.64.0.0/10` is neither private nor global.
    pub fn is_global(&self) -> bool {
        !in_block(self.0, special::V4_SHARED) && !self.is_private()
    }

    /// `is_multicast`: `224.0.0.0/4`.
    pub fn is_multicast(&self) -> bool {
        in_block(self.0, special::V4_MULTICAST)
    }

    /// `is_reserved`: `240.0.0.0/4`.
    pub fn is_reserved(&self) -> bool {
        in_block(self.0, special::V4_RESERVED)
    }

    /// `is_loopback`: `127.0.0.0/8`.
    pub fn is_loopback(&self) -> bool {
        in_block(self.0, special::V4_LOOPBACK)
    }

    /// `is_link_local`: `169.254.0.0/16`.
    pub fn is_link_local(&self) -> bool {
        in_block(self.0, special::V4_LINK_LOCAL)
    }

    /// `is_unspecified`: `0.0.0.0`.
    pub fn is_unspecified(&self) -> bool {
        self.0 == 0
    }

    /// `ipv6_mapped` (CPython 3.13): `::ffff:a.b.c.d`.
    ///
    /// ```
    /// let a = netstd_ipaddress::IPv4Address::new("192.0.2.1").unwrap();
    /// assert_eq!(a.ipv6_mapped().to_string(), "::ffff:192.0.2.1");
    /// ```
    pub fn ipv6_mapped(&self) -> IPv6Address {
        IPv6Address::from(0xffff_0000_0000u128 | u128::from(self.0))
    }

    /// `address + n`: `AddressValueError` past the last address.
    ///
    /// ```
    /// let a = netstd_ipaddress::IPv4Address::new("10.0.0.255").unwrap();
    /// assert_eq!(a.try_add(1).unwrap().to_string(), "10.0.1.0");
    /// ```
    pub fn try_add(&self, n: u128) -> Result<Self, Error> {
        let sum = u128::from(self.0).saturating_add(n);
        u32::try_from(sum).map(IPv4Address).map_err(|_| {
            Error::address(format!(
                "{sum} (>= 2**32) is not permitted as an IPv4 address"
            ))
        })
    }

    /// `address - n`: `AddressValueError` before `0.0.0.0`.
    pub fn try_sub(&self, n: u128) -> Result<Self, Error> {
        u128::from(self.0)
            .checked_sub(n)
            .map(|v| IPv4Address(v as u32))
            .ok_or_else(|| Error::address("(< 0) is not permitted as an IPv4 address"))
    }

    /// `format(address, spec)`: `''`/`s` (with fill, alignment, width), `b`, `x`,
    /// `X` and `n` (binary for IPv4), with `#` and `_` as CPython allows.
    ///
    /// ```
    /// let a = netstd_ipaddress::IPv4Address::new("192.0.2.1").unwrap();
    /// assert_eq!(a.format("#x").unwrap(), "0xc0000201");
    /// assert_eq!(a.format("_b").unwrap(), "1100_0000_0000_0000_0000_0010_0000_0001");
    /// assert_eq!(a.format(">12s").unwrap(), "   192.0.2.1");
    /// assert!(a.format(">12").is_err()); // TypeError, as in CPython
    /// ```
    pub fn format(&self, spec: &str) -> Result<String, Error> {
        crate::pyformat::address(&self.to_string(), u128::from(self.0), 32, 'b', spec)
    }
}

fn int_out_of_range(n: i128, version: u8) -> Error {
    let bits = if version == 4 { 32 } else { 128 };
    if n < 0 {
        Error::address(format!(
            "{n} (< 0) is not permitted as an IPv{version} address"
        ))
    } else {
        Error::address(format!(
            "{n} (>= 2**{bits}) is not permitted as an IPv{version} address"
        ))
    }
}

impl fmt::Display for IPv4Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(15);
        format::write_ipv4(&mut s, self.0);
        f.pad(&s)
    }
}

impl fmt::Debug for IPv4Address {
    /// `repr()`: `IPv4Address('192.0.2.1')`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IPv4Address('{self}')")
    }
}

impl std::str::FromStr for IPv4Address {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        IPv4Address::new(s)
    }
}

impl From<u32> for IPv4Address {
    fn from(n: u32) -> Self {
        IPv4Address(n)
    }
}
impl From<IPv4Address> for u32 {
    fn from(a: IPv4Address) -> Self {
        a.0
    }
}
impl From<[u8; 4]> for IPv4Address {
    fn from(b: [u8; 4]) -> Self {
        IPv4Address(u32::from_be_bytes(b))
    }
}
impl From<Ipv4Addr> for IPv4Address {
    fn from(a: Ipv4Addr) -> Self {
        IPv4Address(a.to_bits())
    }
}
impl From<IPv4Address> for Ipv4Addr {
    fn from(a: IPv4Address) -> Self {
        Ipv4Addr::from_bits(a.0)
    }
}

impl Address for IPv4Address {
    type Bits = u32;
    const VERSION: u8 = 4;
    const MAX_PREFIXLEN: u8 = 32;
    const NETWORK_CLASS: &'static str = "IPv4Network";
    const INTERFACE_CLASS: &'static str = "IPv4Interface";
    fn to_bits(&self) -> u32 {
        self.0
    }
    fn from_bits(bits: u32) -> Self {
        IPv4Address(bits)
    }
    fn parse_address(text: &str) -> Result<Self, Error> {
        IPv4Address::new(text)
    }
    fn parse_mask(mask: &str) -> Result<u8, Error> {
        parse::ipv4_netmask(mask)
    }
    fn scope_id(&self) -> Option<&str> {
        None
    }
    fn exploded(&self) -> String {
        IPv4Address::exploded(self)
    }
    fn exploded_bits(bits: u32) -> String {
        IPv4Address(bits).to_string()
    }
    fn is_multicast(&self) -> bool {
        IPv4Address::is_multicast(self)
    }
    fn is_reserved(&self) -> bool {
        IPv4Address::is_reserved(self)
    }
    fn is_link_local(&self) -> bool {
        IPv4Address::is_link_local(self)
    }
    fn is_loopback(&self) -> bool {
        IPv4Address::is_loopback(self)
    }
    fn is_unspecified(&self) -> bool {
        IPv4Address::is_unspecified(self)
    }
    fn is_private(&self) -> bool {
        IPv4Address::is_private(self)
    }
    fn is_global(&self) -> bool {
        IPv4Address::is_global(self)
    }
    fn range_is_private(first: u32, last: u32) -> bool {
        special::private_range(
            first,
            last,
            &special::V4_PRIVATE,
            &special::V4_PRIVATE_EXCEPTIONS,
        )
    }
    fn range_is_global(first: u32, last: u32) -> bool {
        let shared = in_block(first, special::V4_SHARED) && in_block(last, special::V4_SHARED);
        !shared && !Self::range_is_private(first, last)
    }
}

/// `ipaddress.IPv6Address`: a 128-bit address with an optional zone (`%eth0`,
/// RFC 4007).
///
/// Equality and hashing include the zone, as in Python; ordering is by the integer,
/// then the zone.
///
/// ```
/// use netstd_ipaddress::IPv6Address;
/// let a = IPv6Address::new("2001:db8::1").unwrap();
/// assert_eq!(a.exploded(), "2001:0db8:0000:0000:0000:0000:0000:0001");
/// let z = IPv6Address::new("fe80::1%eth0").unwrap();
/// assert_eq!((z.scope_id(), z.is_link_local()), (Some("eth0"), true));
/// let m = IPv6Address::new("::ffff:c000:201").unwrap();
/// assert_eq!(m.to_string(), "::ffff:192.0.2.1"); // CPython 3.13's form
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct IPv6Address {
    ip: u128,
    scope_id: Option<Box<str>>,
}

impl IPv6Address {
    /// `IPv6Address(text)`, with an optional `%zone`. `AddressValueError` otherwise.
    pub fn new(text: &str) -> Result<Self, Error> {
        let (ip, scope_id) = parse::ipv6_with_scope(text)?;
        Ok(IPv6Address { ip, scope_id })
    }

    /// `IPv6Address(packed)`: exactly 16 bytes, big-endian.
    pub fn from_packed(packed: &[u8]) -> Result<Self, Error> {
        let b: [u8; 16] = packed.try_into().map_err(|_| {
            Error::address(format!(
                "{packed:?} (len {} != 16) is not permitted as an IPv6 address",
                packed.len()
            ))
        })?;
        Ok(IPv6Address::from(u128::from_be_bytes(b)))
    }

    /// `IPv6Address(int)` for a signed integer: `AddressValueError` below 0 (every
    /// `u128` converts with `From`).
    pub fn from_int(n: i128) -> Result<Self, Error> {
        u128::try_from(n)
            .map(IPv6Address::from)
            .map_err(|_| int_out_of_range(n, 6))
    }

    /// This address with a zone (`None` removes it).
    pub fn with_scope_id(self, scope_id: Option<&str>) -> Self {
        IPv6Address {
            scope_id: scope_id.map(Box::from),
            ..self
        }
    }

    /// `scope_id`: the zone, if any.
    pub fn scope_id(&self) -> Option<&str> {
        self.scope_id.as_deref()
    }

    /// `packed`: 16 bytes, big-endian.
    pub fn packed(&self) -> [u8; 16] {
        self.ip.to_be_bytes()
    }

    /// `version`: 6.
    pub fn version(&self) -> u8 {
        6
    }

    /// `max_prefixlen`: 128.
    pub fn max_prefixlen(&self) -> u8 {
        128
    }

    /// `exploded`: eight groups of four hex digits (IPv4-mapped addresses keep their
    /// dotted tail, as in CPython 3.13), then the zone (as CPython's main branch has
    /// it, gh-88178, where 3.14 raises `AddressValueError` for a zoned address).
    pub fn exploded(&self) -> String {
        let mut s = String::with_capacity(45);
        format::write_ipv6_address_exploded(&mut s, self.ip);
        if let Some(z) = &self.scope_id {
            s.push('%');
            s.push_str(z);
        }
        s
    }

    /// `compressed`: the string form.
    pub fn compressed(&self) -> String {
        self.to_string()
    }

    /// `reverse_pointer`: the 32 nibbles reversed under `ip6.arpa` (RFC 3596 2.5); a
    /// zone is not part of the name.
    pub fn reverse_pointer(&self) -> String {
        format::ipv6_reverse_pointer(self.ip)
    }

    /// `ipv4_mapped`: the IPv4 address of `::ffff:a.b.c.d`, else `None`.
    pub fn ipv4_mapped(&self) -> Option<IPv4Address> {
        format::is_ipv4_mapped(self.ip).then_some(IPv4Address(self.ip as u32))
    }

    /// `sixtofour`: the IPv4 address inside a 6to4 address (`2002::/16`).
    pub fn sixtofour(&self) -> Option<IPv4Address> {
        (self.ip >> 112 == 0x2002).then_some(IPv4Address((self.ip >> 80) as u32))
    }

    /// `teredo`: (server, client) of a Teredo address (`2001::/32`).
    ///
    /// ```
    /// let a = netstd_ipaddress::IPv6Address::new("2001:0:4136:e378:8000:63bf:3fff:fdd2").unwrap();
    /// let (server, client) = a.teredo().unwrap();
    /// assert_eq!((server.to_string(), client.to_string()), ("65.54.227.120".into(), "192.0.2.45".into()));
    /// ```
    pub fn teredo(&self) -> Option<(IPv4Address, IPv4Address)> {
        (self.ip >> 96 == 0x2001_0000).then_some((
            IPv4Address((self.ip >> 64) as u32),
            IPv4Address(!(self.ip as u32)),
        ))
    }

    /// `is_site_local`: `fec0::/10` (deprecated by RFC 3879).
    pub fn is_site_local(&self) -> bool {
        in_block(self.ip, special::V6_SITE_LOCAL)
    }

    /// `is_private`: not globally reachable per the IANA registry (CVE-2024-4032
    /// table); an IPv4-mapped address answers as its IPv4 address.
    pub fn is_private(&self) -> bool {
        match self.ipv4_mapped() {
            Some(v4) => v4.is_private(),
            None => special::private(
                self.ip,
                &special::V6_PRIVATE,
                &special::V6_PRIVATE_EXCEPTIONS,
            ),
        }
    }

    /// `is_global`; an IPv4-mapped address answers as its IPv4 address.
    pub fn is_global(&self) -> bool {
        match self.ipv4_mapped() {
            Some(v4) => v4.is_global(),
            None => !self.is_private(),
        }
    }

    /// `is_multicast`: `ff00::/8` (IPv4-mapped: as IPv4).
    pub fn is_multicast(&self) -> bool {
        match self.ipv4_mapped() {
            Some(v4) => v4.is_multicast(),
            None => in_block(self.ip, special::V6_MULTICAST),
        }
    }

    /// `is_reserved` (IPv4-mapped: as IPv4).
    pub fn is_reserved(&self) -> bool {
        match self.ipv4_mapped() {
            Some(v4) => v4.is_reserved(),
            None => special::V6_RESERVED.iter().any(|&b| in_block(self.ip, b)),
        }
    }

    /// `is_link_local`: `fe80::/10` (IPv4-mapped: as IPv4).
    pub fn is_link_local(&self) -> bool {
        match self.ipv4_mapped() {
            Some(v4) => v4.is_link_local(),
            None => in_block(self.ip, special::V6_LINK_LOCAL),
        }
    }

    /// `is_loopback`: `::1` (IPv4-mapped: as IPv4).
    pub fn is_loopback(&self) -> bool {
        match self.ipv4_mapped() {
            Some(v4) => v4.is_loopback(),
            None => self.ip == 1,
        }
    }

    /// `is_unspecified`: `::` (IPv4-mapped: as IPv4).
    pub fn is_unspecified(&self) -> bool {
        match self.ipv4_mapped() {
            Some(v4) => v4.is_unspecified(),
            None => self.ip == 0,
        }
    }

    /// `address + n` (the result has no zone).
    pub fn try_add(&self, n: u128) -> Result<Self, Error> {
        self.ip
            .checked_add(n)
            .map(IPv6Address::from)
            .ok_or_else(|| Error::address("(>= 2**128) is not permitted as an IPv6 address"))
    }

    /// `address - n` (the result has no zone).
    pub fn try_sub(&self, n: u128) -> Result<Self, Error> {
        self.ip
            .checked_sub(n)
            .map(IPv6Address::from)
            .ok_or_else(|| Error::address("(< 0) is not permitted as an IPv6 address"))
    }

    /// `format(address, spec)`, as [`IPv4Address::format`] (`n` is hex for IPv6).
    ///
    /// ```
    /// let a = netstd_ipaddress::IPv6Address::new("::1").unwrap();
    /// assert_eq!(a.format("#_n").unwrap().len(), 2 + 32 + 7);
    /// ```
    pub fn format(&self, spec: &str) -> Result<String, Error> {
        crate::pyformat::address(&self.to_string(), self.ip, 128, 'x', spec)
    }
}

impl fmt::Display for IPv6Address {
    /// `str()`: compressed; IPv4-mapped as `::ffff:d.d.d.d`; then `%zone`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(46);
        format::write_ipv6(&mut s, self.ip);
        if let Some(z) = &self.scope_id {
            s.push('%');
            s.push_str(z);
        }
        f.pad(&s)
    }
}

impl fmt::Debug for IPv6Address {
    /// `repr()`: `IPv6Address('2001:db8::1')`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IPv6Address('{self}')")
    }
}

impl std::str::FromStr for IPv6Address {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        IPv6Address::new(s)
    }
}

impl From<u128> for IPv6Address {
    fn from(ip: u128) -> Self {
        IPv6Address { ip, scope_id: None }
    }
}
impl From<&IPv6Address> for u128 {
    fn from(a: &IPv6Address) -> Self {
        a.ip
    }
}
impl From<IPv6Address> for u128 {
    fn from(a: IPv6Address) -> Self {
        a.ip
    }
}
impl From<[u8; 16]> for IPv6Address {
    fn from(b: [u8; 16]) -> Self {
        IPv6Address::from(u128::from_be_bytes(b))
    }
}
impl From<Ipv6Addr> for IPv6Address {
    fn from(a: Ipv6Addr) -> Self {
        IPv6Address::from(a.to_bits())
    }
}
impl From<IPv6Address> for Ipv6Addr {
    /// The zone is dropped (`std::net::SocketAddrV6` carries zones as numbers).
    fn from(a: IPv6Address) -> Self {
        Ipv6Addr::from_bits(a.ip)
    }
}

impl Address for IPv6Address {
    type Bits = u128;
    const VERSION: u8 = 6;
    const MAX_PREFIXLEN: u8 = 128;
    const NETWORK_CLASS: &'static str = "IPv6Network";
    const INTERFACE_CLASS: &'static str = "IPv6Interface";
    fn to_bits(&self) -> u128 {
        self.ip
    }
    fn from_bits(bits: u128) -> Self {
        IPv6Address::from(bits)
    }
    fn parse_address(text: &str) -> Result<Self, Error> {
        IPv6Address::new(text)
    }
    fn parse_mask(mask: &str) -> Result<u8, Error> {
        parse::prefix_string(mask, 128)
    }
    fn scope_id(&self) -> Option<&str> {
        IPv6Address::scope_id(self)
    }
    fn exploded(&self) -> String {
        IPv6Address::exploded(self)
    }
    fn exploded_bits(bits: u128) -> String {
        let mut s = String::with_capacity(39);
        format::write_ipv6_exploded(&mut s, bits);
        s
    }
    fn is_multicast(&self) -> bool {
        IPv6Address::is_multicast(self)
    }
    fn is_reserved(&self) -> bool {
        IPv6Address::is_reserved(self)
    }
    fn is_link_local(&self) -> bool {
        IPv6Address::is_link_local(self)
    }
    fn is_loopback(&self) -> bool {
        IPv6Address::is_loopback(self)
    }
    fn is_unspecified(&self) -> bool {
        IPv6Address::is_unspecified(self)
    }
    fn is_private(&self) -> bool {
        IPv6Address::is_private(self)
    }
    fn is_global(&self) -> bool {
        IPv6Address::is_global(self)
    }
    fn range_is_private(first: u128, last: u128) -> bool {
        special::private_range(
            first,
            last,
            &special::V6_PRIVATE,
            &special::V6_PRIVATE_EXCEPTIONS,
        )
    }
    fn range_is_global(first: u128, last: u128) -> bool {
        !Self::range_is_private(first, last)
    }
}

/// What `ipaddress.ip_address()` returns: an [`IPv4Address`] or an [`IPv6Address`].
///
/// ```
/// use netstd_ipaddress::{ip_address, IPAddress};
/// assert!(matches!(ip_address("::1").unwrap(), IPAddress::V6(_)));
/// assert_eq!(ip_address("10.0.0.1").unwrap().version(), 4);
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IPAddress {
    /// An IPv4 address.
    V4(IPv4Address),
    /// An IPv6 address.
    V6(IPv6Address),
}

macro_rules! either {
    ($self:expr, $a:ident => $e:expr) => {
        match $self {
            IPAddress::V4($a) => $e,
            IPAddress::V6($a) => $e,
        }
    };
}

impl IPAddress {
    /// `version`.
    pub fn version(&self) -> u8 {
        either!(self, a => a.version())
    }
    /// `max_prefixlen`.
    pub fn max_prefixlen(&self) -> u8 {
        either!(self, a => a.max_prefixlen())
    }
    /// `int(address)`.
    pub fn to_int(&self) -> u128 {
        match self {
            IPAddress::V4(a) => u128::from(u32::from(*a)),
            IPAddress::V6(a) => u128::from(a),
        }
    }
    /// `packed`.
    pub fn packed(&self) -> Vec<u8> {
        match self {
            IPAddress::V4(a) => a.packed().to_vec(),
            IPAddress::V6(a) => a.packed().to_vec(),
        }
    }
    /// `exploded`.
    pub fn exploded(&self) -> String {
        either!(self, a => a.exploded())
    }
    /// `compressed`.
    pub fn compressed(&self) -> String {
        self.to_string()
    }
    /// `reverse_pointer`.
    pub fn reverse_pointer(&self) -> String {
        either!(self, a => a.reverse_pointer())
    }
    /// `is_private`.
    pub fn is_private(&self) -> bool {
        either!(self, a => a.is_private())
    }
    /// `is_global`.
    pub fn is_global(&self) -> bool {
        either!(self, a => a.is_global())
    }
    /// `is_multicast`.
    pub fn is_multicast(&self) -> bool {
        either!(self, a => a.is_multicast())
    }
    /// `is_reserved`.
    pub fn is_reserved(&self) -> bool {
        either!(self, a => a.is_reserved())
    }
    /// `is_loopback`.
    pub fn is_loopback(&self) -> bool {
        either!(self, a => a.is_loopback())
    }
    /// `is_link_local`.
    pub fn is_link_local(&self) -> bool {
        either!(self, a => a.is_link_local())
    }
    /// `is_unspecified`.
    pub fn is_unspecified(&self) -> bool {
        either!(self, a => a.is_unspecified())
    }
    /// `format(address, spec)`.
    pub fn format(&self, spec: &str) -> Result<String, Error> {
        either!(self, a => a.format(spec))
    }
}

impl fmt::Display for IPAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        either!(self, a => fmt::Display::fmt(a, f))
    }
}

impl fmt::Debug for IPAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        either!(self, a => fmt::Debug::fmt(a, f))
    }
}

impl From<IpAddr> for IPAddress {
    fn from(a: IpAddr) -> Self {
        match a {
            IpAddr::V4(a) => IPAddress::V4(a.into()),
            IpAddr::V6(a) => IPAddress::V6(a.into()),
        }
    }
}

impl From<IPAddress> for IpAddr {
    fn from(a: IPAddress) -> Self {
        match a {
            IPAddress::V4(a) => IpAddr::V4(a.into()),
            IPAddress::V6(a) => IpAddr::V6(a.into()),
        }
    }
}

impl std::str::FromStr for IPAddress {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        crate::ip_address(s)
    }
}
