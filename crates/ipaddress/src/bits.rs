//! The integer arithmetic both IP versions share: masks, prefix lengths, range
//! summarisation, collapsing and exclusion, written once over `u32` and `u128`.

use std::fmt::Debug;
use std::hash::Hash;
use std::ops::{BitAnd, BitOr, BitXor, Not, Shl, Shr};

/// An address's integer: `u32` for IPv4, `u128` for IPv6.
pub trait Bits:
    Copy
    + Ord
    + Eq
    + Hash
    + Debug
    + Default
    + BitAnd<Output = Self>
    + BitOr<Output = Self>
    + BitXor<Output = Self>
    + Not<Output = Self>
    + Shl<u32, Output = Self>
    + Shr<u32, Output = Self>
    + Send
    + Sync
    + 'static
{
    /// Width in bits (32 or 128).
    const BITS: u32;
    /// 0.
    const ZERO: Self;
    /// 1.
    const ONE: Self;
    /// All ones.
    const MAX: Self;
    /// `self + rhs`, `None` on overflow.
    fn checked_add(self, rhs: Self) -> Option<Self>;
    /// `self - rhs`, wrapping.
    fn wrapping_sub(self, rhs: Self) -> Self;
    /// Number of trailing zero bits.
    fn trailing_zeros(self) -> u32;
    /// Number of leading zero bits.
    fn leading_zeros(self) -> u32;
    /// Widened to `u128`.
    fn to_u128(self) -> u128;
    /// Narrowed from `u128` (the caller guarantees it fits).
    fn from_u128(v: u128) -> Self;
}

macro_rules! bits {
    ($t:ty) => {
        impl Bits for $t {
            const BITS: u32 = <$t>::BITS;
            const ZERO: Self = 0;
            const ONE: Self = 1;
            const MAX: Self = <$t>::MAX;
            fn checked_add(self, rhs: Self) -> Option<Self> {
                <$t>::checked_add(self, rhs)
            }
            fn wrapping_sub(self, rhs: Self) -> Self {
                <$t>::wrapping_sub(self, rhs)
            }
            fn trailing_zeros(self) -> u32 {
                <$t>::trailing_zeros(self)
            }
            fn leading_zeros(self) -> u32 {
                <$t>::leading_zeros(self)
            }
            fn to_u128(self) -> u128 {
                self as u128
            }
            fn from_u128(v: u128) -> Self {
                v as $t
            }
        }
    };
}
bits!(u32);
bits!(u128);

/// The netmask of a prefix length (`_ip_int_from_prefix`).
pub(crate) fn netmask<T: Bits>(prefixlen: u8) -> T {
    let p = u32::from(prefixlen);
    if p == 0 {
        T::ZERO
    } else {
        T::MAX << (T::BITS - p)
    }
}

/// The hostmask of a prefix length.
pub(crate) fn hostmask<T: Bits>(prefixlen: u8) -> T {
    !netmask::<T>(prefixlen)
}

/// `_prefix_from_ip_int`: the prefix length of a netmask whose ones are contiguous
/// from the left; `None` when ones and zeros mix.
pub(crate) fn prefix_from_mask<T: Bits>(mask: T) -> Option<u8> {
    let ones = (!mask).leading_zeros();
    (netmask::<T>(ones as u8) == mask).then_some(ones as u8)
}

/// `_count_righthand_zero_bits(number, bits)`.
fn zero_bits<T: Bits>(n: T) -> u32 {
    if n == T::ZERO {
        T::BITS
    } else {
        n.trailing_zeros()
    }
}

/// `summarize_address_range(first, last)` over integers: the CIDR blocks, in order,
/// that cover exactly `first..=last` (empty when `first > last`).
pub(crate) fn summarize<T: Bits>(first: T, last: T) -> Summarize<T> {
    Summarize {
        next: (first <= last).then_some(first),
        last,
    }
}

/// The lazy iterator behind [`summarize`].
#[derive(Debug, Clone)]
pub(crate) struct Summarize<T> {
    next: Option<T>,
    last: T,
}

impl<T: Bits> Iterator for Summarize<T> {
    type Item = (T, u8);
    fn next(&mut self) -> Option<(T, u8)> {
        let first = self.next?;
        // log2 of the number of addresses left (last - first + 1), which is 2**BITS
        // when the range is everything.
        let span = self.last.wrapping_sub(first);
        let fits = match span.checked_add(T::ONE) {
            Some(count) => T::BITS - 1 - count.leading_zeros(),
            None => T::BITS,
        };
        let nbits = zero_bits(first).min(fits);
        let block = if nbits >= T::BITS {
            None
        } else {
            first.checked_add(T::ONE << nbits)
        };
        self.next = block.filter(|&n| n <= self.last);
        Some((first, (T::BITS - nbits) as u8))
    }
}

/// The union of CIDR blocks `(network, prefixlen)` as the fewest CIDR blocks, sorted:
/// what CPython's `collapse_addresses` returns (sibling blocks merged, contained ones
/// dropped, addresses summarised).
pub(crate) fn collapse<T: Bits>(blocks: impl IntoIterator<Item = (T, u8)>) -> Vec<(T, u8)> {
    let mut ranges: Vec<(T, T)> = blocks
        .into_iter()
        .map(|(net, p)| (net, net | hostmask::<T>(p)))
        .collect();
    // The merge below keeps the largest end, so ordering by start alone is enough.
    ranges.sort_unstable_by_key(|r| r.0);
    let mut out = Vec::with_capacity(ranges.len().min(1024));
    let mut iter = ranges.into_iter();
    let Some((mut start, mut end)) = iter.next() else {
        return out;
    };
    for (s, e) in iter {
        // Overlapping or adjacent: extend the current run.
        if end.checked_add(T::ONE).is_none_or(|next| s <= next) {
            end = end.max(e);
        } else {
            out.extend(summarize(start, end));
            (start, end) = (s, e);
        }
    }
    out.extend(summarize(start, end));
    out
}

/// `address_exclude`: `net` minus the block `other` (which it must contain and not
/// equal), in CPython's order: walking down from `net`, the half that does not hold
/// `other` at each level.
pub(crate) fn exclude<T: Bits>(net: (T, u8), other: (T, u8)) -> Exclude<T> {
    Exclude {
        current: net,
        target: other,
    }
}

/// The lazy iterator behind [`exclude`].
#[derive(Debug, Clone)]
pub(crate) struct Exclude<T> {
    current: (T, u8),
    target: (T, u8),
}

impl<T: Bits> Iterator for Exclude<T> {
    type Item = (T, u8);
    fn next(&mut self) -> Option<(T, u8)> {
        let (net, p) = self.current;
        if p >= self.target.1 {
            return None;
        }
        let half = p + 1;
        let low = (net, half);
        let high = (net | (T::ONE << (T::BITS - u32::from(half))), half);
        let target_in_low = (self.target.0 & netmask::<T>(half)) == low.0;
        let (toward, away) = if target_in_low {
            (low, high)
        } else {
            (high, low)
        };
        self.current = toward;
        Some(away)
    }
}

/// The subnets of `(net, prefixlen)` with prefix length `new_prefixlen`, lazily.
pub(crate) fn subnets<T: Bits>(net: T, prefixlen: u8, new_prefixlen: u8) -> Subnets<T> {
    let last = net | hostmask::<T>(prefixlen);
    Subnets {
        next: Some(net),
        last,
        step_bits: T::BITS - u32::from(new_prefixlen),
        new_prefixlen,
    }
}

/// The lazy iterator behind [`subnets`].
#[derive(Debug, Clone)]
pub(crate) struct Subnets<T> {
    next: Option<T>,
    last: T,
    step_bits: u32,
    new_prefixlen: u8,
}

impl<T: Bits> Iterator for Subnets<T> {
    type Item = (T, u8);
    fn next(&mut self) -> Option<(T, u8)> {
        let cur = self.next?;
        self.next = if self.step_bits >= T::BITS {
            None
        } else {
            cur.checked_add(T::ONE << self.step_bits)
                .filter(|&n| n <= self.last)
        };
        Some((cur, self.new_prefixlen))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(netmask::<u32>(0), 0);
        assert_eq!(netmask::<u32>(24), 0xffff_ff00);
        assert_eq!(netmask::<u32>(32), u32::MAX);
        assert_eq!(prefix_from_mask(0xffff_ff00u32), Some(24));
        assert_eq!(prefix_from_mask(0u32), Some(0));
        assert_eq!(prefix_from_mask(0xff00_ff00u32), None);
        assert_eq!(prefix_from_mask(u128::MAX), Some(128));
    }

    #[test]
    fn summarize_matches_cpython() {
        // summarize_address_range(192.0.2.0, 192.0.2.130)
        let got: Vec<_> = summarize(0xc000_0200u32, 0xc000_0282).collect();
        assert_eq!(
            got,
            vec![(0xc000_0200, 25), (0xc000_0280, 31), (0xc000_0282, 32)]
        );
        assert_eq!(summarize(0u32, u32::MAX).collect::<Vec<_>>(), vec![(0, 0)]);
        assert_eq!(
            summarize(u32::MAX, u32::MAX).collect::<Vec<_>>(),
            vec![(u32::MAX, 32)]
        );
        assert_eq!(
            summarize(0u128, u128::MAX).collect::<Vec<_>>(),
            vec![(0, 0)]
        );
        assert_eq!(summarize(5u32, 4).count(), 0);
    }

    #[test]
    fn collapse_merges_and_drops() {
        let got = collapse([
            (0xc000_0200u32, 26),
            (0xc000_0240, 26),
            (0xc000_0280, 26),
            (0xc000_02c0, 26),
        ]);
        assert_eq!(got, vec![(0xc000_0200, 24)]);
        let got = collapse([(0u32, 0), (5, 32)]);
        assert_eq!(got, vec![(0, 0)]);
        assert!(collapse(Vec::<(u32, u8)>::new()).is_empty());
    }

    #[test]
    fn exclude_in_cpython_order() {
        // 192.0.2.0/28 minus 192.0.2.1/32
        let got: Vec<_> = exclude((0xc000_0200u32, 28), (0xc000_0201, 32)).collect();
        assert_eq!(
            got,
            vec![
                (0xc000_0208, 29),
                (0xc000_0204, 30),
                (0xc000_0202, 31),
                (0xc000_0200, 32)
            ]
        );
    }

    #[test]
    fn subnets_stop_at_the_end() {
        let got: Vec<_> = subnets(0u32, 30, 32).collect();
        assert_eq!(got, vec![(0, 32), (1, 32), (2, 32), (3, 32)]);
        let all: Vec<_> = subnets(0u32, 0, 1).collect();
        assert_eq!(all, vec![(0, 1), (0x8000_0000, 1)]);
        assert_eq!(subnets(u128::MAX - 1, 127, 128).count(), 2);
    }
}
