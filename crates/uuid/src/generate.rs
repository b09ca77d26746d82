//! The UUID generators. Python keeps their state (the last timestamps and the v7
//! counter) in module globals; here it lives in a [`Generator`], with one shared
//! process-wide generator behind the module-level functions.

use std::sync::{Mutex, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::{CLEAR_FLAGS, Error, UUID};

/// 100-ns intervals between the UUID epoch (1582-10-15) and the Unix epoch.
const GREGORIAN_OFFSET: u64 = 0x01b2_1dd2_1381_4000;

fn flags(version: u128) -> u128 {
    (version << 76) | (0x8000 << 48)
}

/// `random.getrandbits(bits)` for bits <= 64.
fn getrandbits(bits: u32) -> u64 {
    u64::from_be_bytes(crate::random::bytes::<8>()) >> (64 - bits)
}

fn now_ns() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

/// The state of the time-based generators: what CPython keeps in `_last_timestamp`,
/// `_last_timestamp_v6`, `_last_timestamp_v7` and `_last_counter_v7`. Use your own to
/// keep sequences apart or to drive the clock in tests; the module-level functions
/// share one.
///
/// ```
/// use netstd_uuid::Generator;
/// let mut g = Generator::new();
/// let (a, b) = (g.uuid7(), g.uuid7());
/// assert!(a < b); // monotonic within this generator
/// ```
///
/// Not `Clone`: two copies of one history would hand out the same timestamps.
/// After `fork` the child inherits the shared generator's history; that is safe
/// because every random part is drawn afresh in the child (see the module docs of
/// the random pool), but a child forked while another thread held the shared
/// generator's lock must not call the module-level time-based functions (use a
/// fresh `Generator`), as with any lock across `fork`.
#[derive(Debug, Default)]
pub struct Generator {
    last_v1: Option<u64>,
    last_v6: Option<u64>,
    last_v7: Option<(u64, u64)>,
}

impl Generator {
    /// A generator with no history.
    pub fn new() -> Self {
        Self::default()
    }

    /// The Gregorian timestamp (100 ns since 1582-10-15) for `unix_ns`, bumped past
    /// `last` as CPython does; the UUIDs keep its low 60 bits.
    fn timestamp(last: &mut Option<u64>, unix_ns: u128) -> u64 {
        let mut ts = ((unix_ns / 100) as u64).wrapping_add(GREGORIAN_OFFSET);
        if let Some(prev) = *last {
            if ts <= prev {
                ts = prev.wrapping_add(1);
            }
        }
        *last = Some(ts);
        ts
    }

    /// [`uuid1`](crate::uuid1) on this generator.
    pub fn uuid1(&mut self, node: Option<u64>, clock_seq: Option<u16>) -> Result<UUID, Error> {
        self.uuid1_at(now_ns(), node, clock_seq)
    }

    /// [`uuid1`](crate::uuid1) at a given time (nanoseconds since the Unix epoch).
    pub fn uuid1_at(
        &mut self,
        unix_ns: u128,
        node: Option<u64>,
        clock_seq: Option<u16>,
    ) -> Result<UUID, Error> {
        // CPython's UUID(fields=...) refuses a node past 48 bits.
        if node.is_some_and(|n| n >= 1 << 48) {
            return Err(Error::ValueError(
                "field 6 out of range (need a 48-bit value)",
            ));
        }
        let ts = Self::timestamp(&mut self.last_v1, unix_ns);
        let clock_seq = u64::from(clock_seq.unwrap_or_else(|| getrandbits(14) as u16));
        let node = node.unwrap_or_else(getnode);
        let fields = (
            ts as u32,
            (ts >> 32) as u16,
            ((ts >> 48) & 0x0fff) as u16,
            ((clock_seq >> 8) & 0x3f) as u8,
            clock_seq as u8,
            node,
        );
        UUID::from_fields(fields).and_then(|u| u.with_version(1))
    }

    /// [`uuid6`](crate::uuid6) on this generator.
    pub fn uuid6(&mut self, node: Option<u64>, clock_seq: Option<u16>) -> UUID {
        self.uuid6_at(now_ns(), node, clock_seq)
    }

    /// [`uuid6`](crate::uuid6) at a given time (nanoseconds since the Unix epoch).
    pub fn uuid6_at(&mut self, unix_ns: u128, node: Option<u64>, clock_seq: Option<u16>) -> UUID {
        let ts = u128::from(Self::timestamp(&mut self.last_v6, unix_ns));
        let clock_seq = u128::from(clock_seq.unwrap_or_else(|| getrandbits(14) as u16) & 0x3fff);
        let node = u128::from(node.unwrap_or_else(getnode) & 0xffff_ffff_ffff);
        let int = (((ts >> 12) & 0xffff_ffff_ffff) << 80)
            | ((ts & 0x0fff) << 64)
            | (clock_seq << 48)
            | node
            | flags(6);
        UUID::from_int(int)
    }

    /// [`uuid7`](crate::uuid7) on this generator.
    pub fn uuid7(&mut self) -> UUID {
        self.uuid7_at(now_ns())
    }

    /// [`uuid7`](crate::uuid7) at a given time (nanoseconds since the Unix epoch).
    pub fn uuid7_at(&mut self, unix_ns: u128) -> UUID {
        // 42-bit counter (most significant bit 0) and 32 random bits, fresh.
        fn counter_and_tail() -> (u64, u64) {
            let mut b = [0u8; 16];
            b[6..].copy_from_slice(&crate::random::bytes::<10>());
            let rand = u128::from_be_bytes(b);
            (
                ((rand >> 32) & 0x1ff_ffff_ffff) as u64,
                (rand & 0xffff_ffff) as u64,
            )
        }
        let mut ms = (unix_ns / 1_000_000) as u64;
        let (counter, tail) = match self.last_v7 {
            Some((last_ms, last_counter)) if ms <= last_ms => {
                if ms < last_ms {
                    ms = last_ms.wrapping_add(1);
                }
                let counter = last_counter + 1;
                if counter > 0x3ff_ffff_ffff {
                    ms = ms.wrapping_add(1);
                    counter_and_tail()
                } else {
                    (
                        counter,
                        u64::from(u32::from_be_bytes(crate::random::bytes::<4>())),
                    )
                }
            }
            _ => counter_and_tail(),
        };
        let (c, t) = (u128::from(counter), u128::from(tail));
        let int = (u128::from(ms & 0xffff_ffff_ffff) << 80)
            | (((c >> 30) & 0x0fff) << 64)
            | ((c & 0x3fff_ffff) << 32)
            | (t & 0xffff_ffff)
            | flags(7);
        self.last_v7 = Some((ms, counter));
        UUID::from_int(int)
    }
}

fn shared() -> std::sync::MutexGuard<'static, Generator> {
    static SHARED: OnceLock<Mutex<Generator>> = OnceLock::new();
    SHARED
        .get_or_init(|| Mutex::new(Generator::new()))
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// `uuid.uuid1(node=None, clock_seq=None)`: from the time, a clock sequence (random
/// when not given) and the node ([`getnode`] when not given). Timestamps never
/// repeat within the process, as in CPython.
///
/// A node past 48 bits is `ValueError`, as in CPython.
///
/// ```
/// let u = netstd_uuid::uuid1(Some(0x123456789abc), Some(0x1234)).unwrap();
/// assert_eq!((u.version(), u.node(), u.clock_seq()), (Some(1), 0x123456789abc, 0x1234));
/// assert!(netstd_uuid::uuid1(Some(1 << 48), None).is_err());
/// ```
pub fn uuid1(node: Option<u64>, clock_seq: Option<u16>) -> Result<UUID, Error> {
    shared().uuid1(node, clock_seq)
}

/// `uuid.uuid3(namespace, name)`: MD5 of the namespace and the name (str or bytes).
///
/// ```
/// use netstd_uuid::{uuid3, NAMESPACE_DNS};
/// assert_eq!(uuid3(&NAMESPACE_DNS, b"python.org").version(), Some(3));
/// ```
pub fn uuid3(namespace: &UUID, name: impl AsRef<[u8]>) -> UUID {
    uuid::Uuid::new_v3(&(*namespace).into(), name.as_ref()).into()
}

/// `uuid.uuid4()`: 122 random bits from the operating system.
///
/// ```
/// assert_eq!(netstd_uuid::uuid4().version(), Some(4));
/// ```
pub fn uuid4() -> UUID {
    UUID::from_int((u128::from_be_bytes(crate::random::bytes::<16>()) & CLEAR_FLAGS) | flags(4))
}

/// `uuid.uuid5(namespace, name)`: SHA-1 of the namespace and the name.
///
/// ```
/// use netstd_uuid::{uuid5, NAMESPACE_URL};
/// assert_eq!(uuid5(&NAMESPACE_URL, "https://python.org/").version(), Some(5));
/// ```
pub fn uuid5(namespace: &UUID, name: impl AsRef<[u8]>) -> UUID {
    uuid::Uuid::new_v5(&(*namespace).into(), name.as_ref()).into()
}

/// `uuid.uuid6(node=None, clock_seq=None)` (CPython 3.14, RFC 9562 section 5.6):
/// [`uuid1`]'s fields reordered so that UUIDs sort by time.
///
/// ```
/// let u = netstd_uuid::uuid6(Some(1), Some(2));
/// assert_eq!((u.version(), u.node(), u.clock_seq()), (Some(6), 1, 2));
/// ```
pub fn uuid6(node: Option<u64>, clock_seq: Option<u16>) -> UUID {
    shared().uuid6(node, clock_seq)
}

/// `uuid.uuid7()` (CPython 3.14, RFC 9562 section 5.7): Unix time in milliseconds,
/// a 42-bit counter (RFC 9562 section 6.2, method 1) and 32 random bits; monotonic
/// within the process.
///
/// ```
/// let (a, b) = (netstd_uuid::uuid7(), netstd_uuid::uuid7());
/// assert!(a < b && a.version() == Some(7));
/// ```
pub fn uuid7() -> UUID {
    shared().uuid7()
}

/// `uuid.uuid8(a=None, b=None, c=None)` (CPython 3.14, RFC 9562 section 5.8): three
/// custom blocks of 48, 12 and 62 bits (random where not given; extra bits dropped).
///
/// ```
/// let u = netstd_uuid::uuid8(Some(0x123456789abc), Some(0xdef), Some(0x123456789abcdef0));
/// assert_eq!(u.to_string(), "12345678-9abc-8def-9234-56789abcdef0");
/// ```
pub fn uuid8(a: Option<u64>, b: Option<u16>, c: Option<u64>) -> UUID {
    let a = u128::from(a.unwrap_or_else(|| getrandbits(48)) & 0xffff_ffff_ffff);
    let b = u128::from(b.map(u64::from).unwrap_or_else(|| getrandbits(12)) & 0xfff);
    let c = u128::from(c.unwrap_or_else(|| getrandbits(62)) & 0x3fff_ffff_ffff_ffff);
    UUID::from_int((a << 80) | (b << 64) | c | flags(8))
}

/// `uuid.getnode()`: this machine's hardware address as a 48-bit integer, read
/// once. A universally administered address is preferred (read from
/// `/sys/class/net` on Linux where CPython asks libuuid or runs `ip link`); with none,
/// a random 48-bit number with the multicast bit set, as RFC 4122 asks.
///
/// ```
/// assert!(netstd_uuid::getnode() < 1 << 48);
/// ```
pub fn getnode() -> u64 {
    static NODE: OnceLock<u64> = OnceLock::new();
    *NODE.get_or_init(|| hardware_address().unwrap_or_else(|| getrandbits(48) | (1 << 40)))
}

/// The first universally administered address of a network interface, else the
/// first locally administered one.
fn hardware_address() -> Option<u64> {
    let mut names: Vec<_> = std::fs::read_dir("/sys/class/net")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    names.sort();
    let macs: Vec<u64> = names
        .iter()
        .filter_map(|p| std::fs::read_to_string(p.join("address")).ok())
        .filter_map(|s| parse_mac(s.trim()))
        .filter(|&m| m != 0)
        .collect();
    let universal = |m: &u64| m & (1 << 41) == 0;
    macs.iter()
        .copied()
        .find(universal)
        .or_else(|| macs.first().copied())
}

/// `HH:HH:HH:HH:HH:HH`, as CPython's `_parse_mac` accepts it.
fn parse_mac(word: &str) -> Option<u64> {
    let parts: Vec<&str> = word.split(':').collect();
    if parts.len() != 6 || parts.iter().any(|p| p.len() != 2) {
        return None;
    }
    u64::from_str_radix(&parts.concat(), 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v1_timestamps_never_repeat() {
        let mut g = Generator::new();
        let a = g.uuid1_at(1_000, Some(1), Some(1)).unwrap();
        let b = g.uuid1_at(1_000, Some(1), Some(1)).unwrap();
        assert_eq!(b.time(), a.time() + 1);
        assert_eq!(a.time(), 10 + GREGORIAN_OFFSET);
    }

    #[test]
    fn absurd_times_do_not_overflow() {
        let mut g = Generator::new();
        let a = g
            .uuid1_at(u128::from(u64::MAX) * 100, Some(1), Some(1))
            .unwrap();
        let b = g
            .uuid1_at(u128::from(u64::MAX) * 100, Some(1), Some(1))
            .unwrap();
        assert_ne!(a, b);
        let _ = g.uuid6_at(u128::MAX, Some(1), Some(1));
        let _ = g.uuid7_at(u128::MAX);
    }

    #[test]
    fn v6_matches_rfc9562_layout() {
        // RFC 9562 appendix A.5: 2022-02-22 19:22:22 UTC, clock sequence 0x33C8, node 0x9F6BDECED846.
        let mut g = Generator::new();
        let unix_ns = (0x1EC9414C232AB00u64 - GREGORIAN_OFFSET) as u128 * 100;
        let u = g.uuid6_at(unix_ns, Some(0x9F6BDECED846), Some(0x33C8));
        assert_eq!(u.to_string(), "1ec9414c-232a-6b00-b3c8-9f6bdeced846");
        assert_eq!(u.time(), 0x1EC9414C232AB00);
    }

    #[test]
    fn v7_counts_within_a_millisecond_and_never_goes_back() {
        let mut g = Generator::new();
        let t = 0x017F22E279B0u128 * 1_000_000; // RFC 9562 appendix A.6
        let a = g.uuid7_at(t);
        assert_eq!(a.time(), 0x017F22E279B0);
        assert_eq!(a.version(), Some(7));
        assert_eq!(a.variant(), crate::RFC_4122);
        let b = g.uuid7_at(t);
        assert!(b > a);
        let c = g.uuid7_at(t - 5_000_000); // the clock went back
        assert!(c > b);
        assert!(c.time() >= a.time());
    }

    #[test]
    fn v8_layout() {
        let u = uuid8(Some(u64::MAX), Some(u16::MAX), Some(u64::MAX));
        assert_eq!(u.to_string(), "ffffffff-ffff-8fff-bfff-ffffffffffff");
        assert_eq!(u.version(), Some(8));
    }

    #[test]
    fn random_node_has_the_multicast_bit() {
        assert_eq!(parse_mac("52:54:00:9d:0e:67"), Some(0x5254009d0e67));
        assert_eq!(parse_mac("fe80::5054:ff:fe9"), None);
        assert!(getnode() < 1 << 48);
    }
}
