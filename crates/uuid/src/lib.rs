//! Python's `uuid` module: [`UUID`] with CPython's parsing, fields and properties,
//! the generators [`uuid1`], [`uuid3`], [`uuid4`], [`uuid5`] and, from RFC 9562 as
//! CPython 3.14 has them, [`uuid6`], [`uuid7`], [`uuid8`]; [`getnode`]; the
//! namespaces and variant names. Built on the `uuid` crate, whose [`uuid::Uuid`]
//! converts to and from [`UUID`] for free.
//!
//! ```
//! use netstd_uuid::{uuid3, uuid5, UUID, NAMESPACE_DNS};
//! assert_eq!(uuid3(&NAMESPACE_DNS, "python.org").to_string(), "6fa459ea-ee8a-3ca4-894e-db77e160355e");
//! assert_eq!(uuid5(&NAMESPACE_DNS, "python.org").to_string(), "886313e1-3b8a-5372-9b90-0c9aee199e5d");
//! let u = UUID::new("{12345678-1234-5678-1234-567812345678}").unwrap();
//! assert_eq!(u.hex(), "12345678123456781234567812345678");
//! ```

mod generate;
mod pyint;
mod random;

use std::fmt;
use std::str::FromStr;

pub use generate::{Generator, getnode, uuid1, uuid3, uuid4, uuid5, uuid6, uuid7, uuid8};

/// The errors of this crate, named after the Python exceptions `uuid` raises.
///
/// ```
/// let e = netstd_uuid::UUID::new("not a uuid").unwrap_err();
/// assert_eq!(e.python_name(), "ValueError");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `ValueError`: a malformed string, a wrong length, a value out of range.
    #[error("{0}")]
    ValueError(&'static str),
}

impl Error {
    /// The Python exception class this error stands for.
    pub fn python_name(&self) -> &'static str {
        match self {
            Error::ValueError(_) => "ValueError",
        }
    }
}

/// `uuid.RESERVED_NCS`
pub const RESERVED_NCS: &str = "reserved for NCS compatibility";
/// `uuid.RFC_4122`
pub const RFC_4122: &str = "specified in RFC 4122";
/// `uuid.RESERVED_MICROSOFT`
pub const RESERVED_MICROSOFT: &str = "reserved for Microsoft compatibility";
/// `uuid.RESERVED_FUTURE`
pub const RESERVED_FUTURE: &str = "reserved for future definition";

/// `uuid.NAMESPACE_DNS`
pub const NAMESPACE_DNS: UUID = UUID::from_int(0x6ba7b810_9dad_11d1_80b4_00c04fd430c8);
/// `uuid.NAMESPACE_URL`
pub const NAMESPACE_URL: UUID = UUID::from_int(0x6ba7b811_9dad_11d1_80b4_00c04fd430c8);
/// `uuid.NAMESPACE_OID`
pub const NAMESPACE_OID: UUID = UUID::from_int(0x6ba7b812_9dad_11d1_80b4_00c04fd430c8);
/// `uuid.NAMESPACE_X500`
pub const NAMESPACE_X500: UUID = UUID::from_int(0x6ba7b814_9dad_11d1_80b4_00c04fd430c8);
/// `uuid.NIL` (CPython 3.14; RFC 9562 section 5.9)
pub const NIL: UUID = UUID::from_int(0);
/// `uuid.MAX` (CPython 3.14; RFC 9562 section 5.10)
pub const MAX: UUID = UUID::from_int(u128::MAX);

/// `uuid.SafeUUID`: whether a UUID was made in a way safe across processes.
///
/// ```
/// use netstd_uuid::{SafeUUID, UUID};
/// assert_eq!(UUID::from_int(1).is_safe(), SafeUUID::unknown);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[allow(non_camel_case_types)]
pub enum SafeUUID {
    /// `SafeUUID.safe`
    safe,
    /// `SafeUUID.unsafe`
    unsafe_,
    /// `SafeUUID.unknown`
    #[default]
    unknown,
}

/// The six fields of a UUID, as Python's `UUID.fields` tuple: `time_low` (32 bits),
/// `time_mid` (16), `time_hi_version` (16), `clock_seq_hi_variant` (8),
/// `clock_seq_low` (8), `node` (48).
pub type Fields = (u32, u16, u16, u8, u8, u64);

/// `uuid.UUID`: an immutable 128-bit value with Python's views of it.
///
/// Equality, ordering and hashing follow the integer value, as in Python
/// (`is_safe` is not compared).
///
/// ```
/// use netstd_uuid::UUID;
/// let u: UUID = "urn:uuid:12345678-1234-5678-1234-567812345678".parse().unwrap();
/// assert_eq!(u.fields(), (0x12345678, 0x1234, 0x5678, 0x12, 0x34, 0x567812345678));
/// assert_eq!(u.version(), None); // not an RFC 4122 variant
/// assert_eq!(format!("{u:?}"), "UUID('12345678-1234-5678-1234-567812345678')");
/// ```
#[derive(Clone, Copy)]
pub struct UUID {
    int: u128,
    is_safe: SafeUUID,
}

impl PartialEq for UUID {
    fn eq(&self, other: &Self) -> bool {
        self.int == other.int
    }
}
impl Eq for UUID {}
impl PartialOrd for UUID {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for UUID {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.int.cmp(&other.int)
    }
}
impl std::hash::Hash for UUID {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.int.hash(state)
    }
}

/// The variant and version bits RFC 4122/9562 assigns, cleared.
const CLEAR_FLAGS: u128 = !((0xf000 << 64) | (0xc000 << 48));

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// The value of each ASCII hex digit; 0xff for every other byte.
const HEX_VALUES: [u8; 256] = {
    let mut t = [0xffu8; 256];
    let mut i = 0;
    while i < 10 {
        t[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        t[b'a' as usize + i] = 10 + i as u8;
        t[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    t
};

/// Where each byte's two digits go in the hyphenated form.
const HYPHENATED_POS: [usize; 16] = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

/// The common spellings, read without allocating: 32 hex digits or the hyphenated
/// form, either optionally in braces, or after `urn:uuid:`. CPython's general rule
/// gives the same value for each; anything else takes the general path.
fn parse_canonical(text: &str) -> Option<u128> {
    let t = text.as_bytes();
    let t = t.strip_prefix(b"urn:uuid:").unwrap_or(t);
    let t = match (t.first(), t.last()) {
        (Some(b'{'), Some(b'}')) => &t[1..t.len() - 1],
        _ => t,
    };
    let pair = |hi: u8, lo: u8| match (HEX_VALUES[usize::from(hi)], HEX_VALUES[usize::from(lo)]) {
        (0xff, _) | (_, 0xff) => None,
        (h, l) => Some((h << 4) | l),
    };
    let mut bytes = [0u8; 16];
    match t.len() {
        32 => {
            for (i, b) in bytes.iter_mut().enumerate() {
                *b = pair(t[2 * i], t[2 * i + 1])?;
            }
        }
        36 => {
            if [t[8], t[13], t[18], t[23]] != [b'-'; 4] {
                return None;
            }
            for (b, pos) in bytes.iter_mut().zip(HYPHENATED_POS) {
                *b = pair(t[pos], t[pos + 1])?;
            }
        }
        _ => return None,
    }
    Some(u128::from_be_bytes(bytes))
}

/// The first three fields swapped between big- and little-endian byte order.
fn swap_le(b: [u8; 16]) -> [u8; 16] {
    let mut out = b;
    out[..4].reverse();
    out[4..6].reverse();
    out[6..8].reverse();
    out
}

impl UUID {
    /// `UUID(hex)`: from 32 hexadecimal digits, with braces, hyphens and `urn:uuid:`
    /// optional, exactly as CPython reads them (it removes every `urn:` and `uuid:`,
    /// strips braces from both ends, drops hyphens, wants 32 characters left, and
    /// reads them with `int(..., 16)`).
    ///
    /// ```
    /// use netstd_uuid::UUID;
    /// let a = UUID::new("12345678123456781234567812345678").unwrap();
    /// assert_eq!(a, UUID::new("{12345678-1234-5678-1234-567812345678}").unwrap());
    /// assert!(UUID::new("1234").is_err());
    /// ```
    pub fn new(hex: &str) -> Result<UUID, Error> {
        if let Some(int) = parse_canonical(hex) {
            return Ok(UUID::from_int(int));
        }
        let cleaned = hex.replace("urn:", "").replace("uuid:", "");
        let cleaned = cleaned.trim_matches(['{', '}']).replace('-', "");
        if cleaned.chars().count() != 32 {
            return Err(Error::ValueError("badly formed hexadecimal UUID string"));
        }
        match pyint::parse_hex_int(&cleaned) {
            // Hyphens are gone, so the value is never negative.
            Some((_, v)) => Ok(UUID::from_int(v)),
            None => Err(Error::ValueError("invalid literal for int() with base 16")),
        }
    }

    /// `UUID(int=value)`.
    pub const fn from_int(int: u128) -> UUID {
        UUID {
            int,
            is_safe: SafeUUID::unknown,
        }
    }

    /// `UUID(bytes=b)`: 16 bytes, big-endian. Another length is `ValueError`.
    ///
    /// ```
    /// let u = netstd_uuid::UUID::from_bytes(&[0x12; 16]).unwrap();
    /// assert_eq!(u.to_string(), "12121212-1212-1212-1212-121212121212");
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<UUID, Error> {
        let b: [u8; 16] = bytes
            .try_into()
            .map_err(|_| Error::ValueError("bytes is not a 16-char string"))?;
        Ok(UUID::from_int(u128::from_be_bytes(b)))
    }

    /// `UUID(bytes_le=b)`: 16 bytes with the first three fields little-endian.
    ///
    /// ```
    /// use netstd_uuid::UUID;
    /// let u = UUID::new("12345678-1234-5678-1234-567812345678").unwrap();
    /// assert_eq!(UUID::from_bytes_le(&u.bytes_le()).unwrap(), u);
    /// ```
    pub fn from_bytes_le(bytes_le: &[u8]) -> Result<UUID, Error> {
        let b: [u8; 16] = bytes_le
            .try_into()
            .map_err(|_| Error::ValueError("bytes_le is not a 16-char string"))?;
        Ok(UUID::from_int(u128::from_be_bytes(swap_le(b))))
    }

    /// `UUID(fields=(...))`. The node must fit 48 bits (`ValueError` otherwise, as
    /// Python's "field 6 out of range").
    ///
    /// ```
    /// use netstd_uuid::UUID;
    /// let u = UUID::from_fields((0x12345678, 0x1234, 0x5678, 0x12, 0x34, 0x567812345678)).unwrap();
    /// assert_eq!(u.to_string(), "12345678-1234-5678-1234-567812345678");
    /// ```
    pub fn from_fields(fields: Fields) -> Result<UUID, Error> {
        let (time_low, time_mid, time_hi_version, seq_hi, seq_low, node) = fields;
        if node >= 1 << 48 {
            return Err(Error::ValueError(
                "field 6 out of range (need a 48-bit value)",
            ));
        }
        let clock_seq = (u128::from(seq_hi) << 8) | u128::from(seq_low);
        Ok(UUID::from_int(
            (u128::from(time_low) << 96)
                | (u128::from(time_mid) << 80)
                | (u128::from(time_hi_version) << 64)
                | (clock_seq << 48)
                | u128::from(node),
        ))
    }

    /// Python's `version=` keyword: sets the RFC 4122/9562 variant and this version
    /// (1 to 8, as CPython 3.14 allows; `ValueError` otherwise).
    ///
    /// ```
    /// use netstd_uuid::{UUID, RFC_4122};
    /// let u = UUID::from_int(0).with_version(4).unwrap();
    /// assert_eq!((u.version(), u.variant()), (Some(4), RFC_4122));
    /// ```
    pub fn with_version(self, version: u8) -> Result<UUID, Error> {
        if !(1..=8).contains(&version) {
            return Err(Error::ValueError("illegal version number"));
        }
        let int = (self.int & CLEAR_FLAGS) | (0x8000 << 48) | (u128::from(version) << 76);
        Ok(UUID {
            int,
            is_safe: self.is_safe,
        })
    }

    /// Python's `is_safe=` keyword.
    pub fn with_is_safe(self, is_safe: SafeUUID) -> UUID {
        UUID { is_safe, ..self }
    }

    /// `UUID.is_safe`.
    pub fn is_safe(&self) -> SafeUUID {
        self.is_safe
    }

    /// `UUID.int`.
    pub fn int(&self) -> u128 {
        self.int
    }

    /// `UUID.bytes`: big-endian.
    pub fn bytes(&self) -> [u8; 16] {
        self.int.to_be_bytes()
    }

    /// `UUID.bytes_le`: the first three fields little-endian.
    pub fn bytes_le(&self) -> [u8; 16] {
        swap_le(self.bytes())
    }

    /// `UUID.fields`.
    pub fn fields(&self) -> Fields {
        (
            self.time_low(),
            self.time_mid(),
            self.time_hi_version(),
            self.clock_seq_hi_variant(),
            self.clock_seq_low(),
            self.node(),
        )
    }

    /// `UUID.time_low`: the first 32 bits.
    pub fn time_low(&self) -> u32 {
        (self.int >> 96) as u32
    }

    /// `UUID.time_mid`: the next 16 bits.
    pub fn time_mid(&self) -> u16 {
        (self.int >> 80) as u16
    }

    /// `UUID.time_hi_version`: the next 16 bits.
    pub fn time_hi_version(&self) -> u16 {
        (self.int >> 64) as u16
    }

    /// `UUID.clock_seq_hi_variant`: the next 8 bits.
    pub fn clock_seq_hi_variant(&self) -> u8 {
        (self.int >> 56) as u8
    }

    /// `UUID.clock_seq_low`: the next 8 bits.
    pub fn clock_seq_low(&self) -> u8 {
        (self.int >> 48) as u8
    }

    /// `UUID.node`: the last 48 bits.
    pub fn node(&self) -> u64 {
        (self.int & 0xffff_ffff_ffff) as u64
    }

    /// `UUID.time` as CPython 3.14 defines it: for version 6 the 60-bit timestamp
    /// stored most significant bits first, for version 7 the 48-bit Unix time in
    /// milliseconds, otherwise the 60-bit timestamp of version 1. (CPython 3.11
    /// reads every UUID the version-1 way; see docs/python-compat.md.)
    ///
    /// ```
    /// let v7 = netstd_uuid::UUID::new("017f22e2-79b0-7cc3-98c4-dc0c0c07398f").unwrap();
    /// assert_eq!(v7.time(), 0x017f22e279b0); // RFC 9562 appendix A.6: Tuesday, February 22, 2022 2:22:22 PM GMT-05:00
    /// ```
    pub fn time(&self) -> u64 {
        match self.version() {
            Some(6) => {
                let time_hi = (self.int >> 96) as u64;
                let time_lo = u64::from(self.time_hi_version() & 0x0fff);
                (time_hi << 28) | (u64::from(self.time_mid()) << 12) | time_lo
            }
            Some(7) => (self.int >> 80) as u64,
            _ => self.time_v1(),
        }
    }

    /// `UUID.time` as CPython 3.11 and earlier define it for every version.
    pub fn time_v1(&self) -> u64 {
        (u64::from(self.time_hi_version() & 0x0fff) << 48)
            | (u64::from(self.time_mid()) << 32)
            | u64::from(self.time_low())
    }

    /// `UUID.clock_seq`: 14 bits.
    pub fn clock_seq(&self) -> u16 {
        (u16::from(self.clock_seq_hi_variant() & 0x3f) << 8) | u16::from(self.clock_seq_low())
    }

    /// `UUID.hex`: 32 lower-case hexadecimal digits.
    pub fn hex(&self) -> String {
        let mut out = String::with_capacity(32);
        for b in self.bytes() {
            out.push(char::from(HEX_DIGITS[usize::from(b >> 4)]));
            out.push(char::from(HEX_DIGITS[usize::from(b & 0xf)]));
        }
        out
    }

    /// `str(uuid)` into a stack buffer.
    fn hyphenated(&self) -> [u8; 36] {
        let mut out = [b'-'; 36];
        for (b, pos) in self.bytes().iter().zip(HYPHENATED_POS) {
            out[pos] = HEX_DIGITS[usize::from(b >> 4)];
            out[pos + 1] = HEX_DIGITS[usize::from(b & 0xf)];
        }
        out
    }

    /// `UUID.urn`: `urn:uuid:` and the string form.
    pub fn urn(&self) -> String {
        format!("urn:uuid:{self}")
    }

    /// `UUID.variant`: one of [`RESERVED_NCS`], [`RFC_4122`], [`RESERVED_MICROSOFT`],
    /// [`RESERVED_FUTURE`].
    pub fn variant(&self) -> &'static str {
        if self.int & (0x8000 << 48) == 0 {
            RESERVED_NCS
        } else if self.int & (0x4000 << 48) == 0 {
            RFC_4122
        } else if self.int & (0x2000 << 48) == 0 {
            RESERVED_MICROSOFT
        } else {
            RESERVED_FUTURE
        }
    }

    /// `UUID.version`: the version bits, only for the RFC 4122 variant.
    pub fn version(&self) -> Option<u8> {
        (self.variant() == RFC_4122).then_some(((self.int >> 76) & 0xf) as u8)
    }
}

impl fmt::Display for UUID {
    /// `str(uuid)`: `12345678-1234-5678-1234-567812345678`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.hyphenated();
        f.write_str(std::str::from_utf8(&text).expect("ASCII"))
    }
}

impl fmt::Debug for UUID {
    /// `repr(uuid)`: `UUID('...')`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UUID('{self}')")
    }
}

impl FromStr for UUID {
    type Err = Error;
    /// Same as [`UUID::new`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        UUID::new(s)
    }
}

impl From<u128> for UUID {
    fn from(int: u128) -> Self {
        UUID::from_int(int)
    }
}

impl From<UUID> for u128 {
    /// `int(uuid)`.
    fn from(u: UUID) -> Self {
        u.int
    }
}

impl From<uuid::Uuid> for UUID {
    fn from(u: uuid::Uuid) -> Self {
        UUID::from_int(u.as_u128())
    }
}

impl From<UUID> for uuid::Uuid {
    fn from(u: UUID) -> Self {
        uuid::Uuid::from_u128(u.int)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing_follows_cpython() {
        let want = UUID::from_int(0x12345678_1234_5678_1234_567812345678);
        for s in [
            "12345678123456781234567812345678",
            "{12345678-1234-5678-1234-567812345678}",
            "urn:uuid:12345678-1234-5678-1234-567812345678",
            "uuid:{{12345678-1234-5678-1234-567812345678}}",
            "1234-5678-1234-5678-1234-5678-1234-5678",
            "12345678123456781234567812345678urn:",
        ] {
            assert_eq!(UUID::new(s), Ok(want), "{s}");
        }
        // int(..., 16) extras that CPython accepts within 32 characters.
        assert_eq!(
            UUID::new(&format!("0x{}", "f".repeat(30))).unwrap().int(),
            (1 << 120) - 1
        );
        assert_eq!(UUID::new(&format!("+{}", "0".repeat(31))).unwrap().int(), 0);
        // Hyphens go before int() sees the text, so there is never a minus sign.
        assert!(UUID::new(&format!("-{}", "0".repeat(32))).is_ok());
        assert!(UUID::new(&format!("-{}", "0".repeat(31))).is_err());
        assert!(UUID::new(&format!(" {} ", "a".repeat(30))).is_ok());
        assert!(UUID::new("g2345678123456781234567812345678").is_err());
        assert!(UUID::new("URN:UUID:12345678-1234-5678-1234-567812345678").is_err());
    }

    #[test]
    fn views_agree_with_python() {
        // Values from CPython's test_uuid.
        let u = UUID::new("{00010203-0405-0607-0809-0a0b0c0d0e0f}").unwrap();
        assert_eq!(
            u.bytes(),
            *b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
        );
        assert_eq!(
            u.bytes_le(),
            *b"\x03\x02\x01\x00\x05\x04\x07\x06\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
        );
        assert_eq!(
            u.fields(),
            (0x00010203, 0x0405, 0x0607, 0x08, 0x09, 0x0a0b0c0d0e0f)
        );
        assert_eq!(u.time(), 0x607040500010203);
        assert_eq!(u.clock_seq(), 0x0809);
        assert_eq!(u.variant(), RESERVED_NCS);
        assert_eq!(u.urn(), "urn:uuid:00010203-0405-0607-0809-0a0b0c0d0e0f");
        let u = UUID::new("d82c07cd-629e-11d3-80b4-00c04fd430c8").unwrap();
        assert_eq!((u.variant(), u.version()), (RFC_4122, Some(1)));
        assert_eq!(UUID::from_int(u128::MAX).variant(), RESERVED_FUTURE);
        assert_eq!(UUID::from_int(0xc000 << 48).variant(), RESERVED_MICROSOFT);
    }

    #[test]
    fn rfc9562_v6_time() {
        // RFC 9562 appendix A.5.
        let u = UUID::new("1EC9414C-232A-6B00-B3C8-9F6BDECED846").unwrap();
        assert_eq!(u.version(), Some(6));
        assert_eq!(u.time(), 0x1EC9414C232AB00);
        assert_eq!(u.time_v1(), 0x0B00_232A_1EC9_414C);
    }

    #[test]
    fn lengths_and_ranges() {
        assert!(UUID::from_bytes(&[0; 15]).is_err());
        assert!(UUID::from_bytes_le(&[0; 17]).is_err());
        assert!(UUID::from_fields((0, 0, 0, 0, 0, 1 << 48)).is_err());
        assert!(UUID::from_int(0).with_version(0).is_err());
        assert!(UUID::from_int(0).with_version(9).is_err());
        let u: uuid::Uuid = NAMESPACE_URL.into();
        assert_eq!(UUID::from(u), NAMESPACE_URL);
    }
}
