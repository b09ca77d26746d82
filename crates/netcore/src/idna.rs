//! Host names to ASCII the way CPython's `idna` codec does it (IDNA 2003: RFC 3490
//! ToASCII with RFC 3491 Nameprep, AllowUnassigned on, UseSTD3ASCIIRules off).
//!
//! `socket.getaddrinfo` and therefore `socket.create_connection` encode a `str` host
//! with this codec, so [`crate::create_connection`] does too.
//!
//! Where it differs from UTS 46 (the `idna` crate's `domain_to_ascii`, what browsers
//! and the `url` crate do):
//! - `ß`, `ς`, ZWJ and ZWNJ are mapped away (`straße` becomes `strasse`), where
//!   UTS 46 non-transitional processing keeps them (`xn--strae-oqa`).
//! - Upper-case ASCII is kept as it is (`Example.COM` stays so); UTS 46 lower-cases.
//! - Characters unassigned in Unicode 3.2 are allowed (AllowUnassigned) and, as in
//!   CPython, neither normalised nor given a direction; UTS 46 judges them by the
//!   current Unicode version.
//! - Symbols and punctuation that STD3 rules forbid (`_`, `*`) pass, as in CPython.
//! - A label is split at the dots before Nameprep only, so a character whose NFKC
//!   form holds a full stop (`․` U+2024 ONE DOT LEADER, `⒈` U+2488) yields a label
//!   with dots in it: `a․b.com` encodes as `a.b.com`, `․` as `.`, exactly as
//!   CPython answers. UTS 46 maps first and then splits, with the same host names in
//!   the end, but it rejects the empty labels this can make.
//! - Lower-casing (`str.lower()` in CPython, outside table B.3's exceptions) follows
//!   Rust's Unicode version where CPython 3.11 follows Unicode 14; they differ only
//!   for characters added since.

use std::borrow::Cow;

use stringprep::tables;

#[path = "idna_b3.rs"]
mod b3;

use crate::error::{Error, Result};

/// The ACE prefix of RFC 3490 section 5.
const ACE_PREFIX: &str = "xn--";

/// Encodes a host name as CPython's `host.encode("idna")` does.
///
/// ASCII names are returned as they are, after the label-length checks; other names
/// are split at the four IDNA dots (`.` `。` `．` `｡`) and each label goes through
/// Nameprep and Punycode. Errors are CPython's `UnicodeError`.
///
/// ```
/// use netstd_core::idna::encode;
/// assert_eq!(encode("bücher.example").unwrap(), "xn--bcher-kva.example");
/// assert_eq!(encode("Example.COM").unwrap(), "Example.COM");
/// assert!(encode("a..b").is_err());
/// ```
pub fn encode(host: &str) -> Result<Cow<'_, str>> {
    if host.is_empty() {
        return Ok(Cow::Borrowed(host));
    }
    if host.is_ascii() {
        // CPython's fast path: every label but the last must be 1..=63 bytes long,
        // the last one (empty after a trailing dot) at most 63.
        let labels: Vec<&str> = host.split('.').collect();
        let (last, rest) = labels.split_last().expect("split yields at least one item");
        if rest.iter().any(|l| l.is_empty() || l.len() > 63) {
            return Err(Error::UnicodeError("label empty or too long".into()));
        }
        if last.len() > 63 {
            return Err(Error::UnicodeError("label too long".into()));
        }
        return Ok(Cow::Borrowed(host));
    }
    let mut labels: Vec<&str> = host
        .split(['.', '\u{3002}', '\u{FF0E}', '\u{FF61}'])
        .collect();
    let trailing_dot = labels.last().is_some_and(|l| l.is_empty());
    if trailing_dot {
        labels.pop();
    }
    let mut out = String::with_capacity(host.len() + 8);
    for label in labels {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(&to_ascii(label)?);
    }
    if trailing_dot {
        out.push('.');
    }
    Ok(Cow::Owned(out))
}

/// RFC 3490 ToASCII of one label, as CPython's `encodings.idna.ToASCII`.
fn to_ascii(label: &str) -> Result<String> {
    let check = |l: String| {
        if (1..64).contains(&l.len()) {
            Ok(l)
        } else {
            Err(Error::UnicodeError("label empty or too long".into()))
        }
    };
    if label.is_ascii() {
        return check(label.to_string());
    }
    let label = nameprep(label)?;
    if label.is_ascii() {
        return check(label);
    }
    if label.starts_with(ACE_PREFIX) {
        return Err(Error::UnicodeError("Label starts with ACE prefix".into()));
    }
    let encoded = idna::punycode::encode_str(&label)
        .ok_or_else(|| Error::UnicodeError("label cannot be encoded with punycode".into()))?;
    check(format!("{ACE_PREFIX}{encoded}"))
}

/// Whether `c` was unassigned in Unicode 3.2 (RFC 3454 table A.1), the version
/// CPython's stringprep and IDNA codec use.
fn unassigned(c: char) -> bool {
    tables::unassigned_code_point(c)
}

/// NFKC as CPython's `unicodedata.ucd_3_2_0.normalize("NFKC", s)` computes it:
/// characters unassigned in Unicode 3.2 are neither decomposed nor composed, while
/// canonical ordering uses the current combining classes (CPython's database keeps
/// old decompositions, not old classes).
fn nfkc_3_2(s: &str) -> String {
    use unicode_normalization::char::{
        canonical_combining_class as ccc, compose, decompose_compatible,
    };
    let mut chars: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        if unassigned(c) {
            chars.push(c);
        } else {
            decompose_compatible(c, |d| chars.push(d));
        }
    }
    // Canonical ordering: stable-sort each run of non-starters by class.
    let mut i = 0;
    while i < chars.len() {
        if ccc(chars[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && ccc(chars[i]) != 0 {
            i += 1;
        }
        chars[start..i].sort_by_key(|&c| ccc(c));
    }
    // Canonical composition.
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut starter: Option<usize> = None;
    let mut last_class = 0u8;
    for c in chars {
        let class = ccc(c);
        if let Some(si) = starter {
            let blocked = out.len() - 1 != si && (last_class == 0 || last_class >= class);
            if !blocked && !unassigned(out[si]) && !unassigned(c) {
                if let Some(composed) = compose(out[si], c) {
                    out[si] = composed;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
        }
        last_class = class;
        out.push(c);
    }
    out.into_iter().collect()
}

/// `stringprep.map_table_b3`: the exception, else `str.lower()`.
fn map_b3(c: char) -> String {
    match b3::B3_EXCEPTIONS.binary_search_by_key(&(c as u32), |&(cp, _)| cp) {
        Ok(i) => b3::B3_EXCEPTIONS[i].1.to_string(),
        Err(_) => c.to_lowercase().collect(),
    }
}

/// `stringprep.map_table_b2`: case folding for use with NFKC.
fn map_b2(c: char) -> String {
    let al = map_b3(c);
    let b = nfkc_3_2(&al);
    let bl: String = b.chars().map(map_b3).collect();
    let folded = nfkc_3_2(&bl);
    if b != folded { folded } else { al }
}

/// RFC 3491 Nameprep with AllowUnassigned, as CPython's `encodings.idna.nameprep`:
/// map (B.1 to nothing, B.2 folding), NFKC, prohibit (C.1.2 to C.9), check bidi,
/// all with Unicode 3.2's data.
pub fn nameprep(label: &str) -> Result<String> {
    let mapped: String = label
        .chars()
        .filter(|&c| !tables::commonly_mapped_to_nothing(c))
        .map(map_b2)
        .collect();
    let mapped = nfkc_3_2(&mapped);
    if let Some(c) = mapped.chars().find(|&c| {
        tables::non_ascii_space_character(c)
            || tables::non_ascii_control_character(c)
            || tables::private_use(c)
            || tables::non_character_code_point(c)
            || tables::surrogate_code(c)
            || tables::inappropriate_for_plain_text(c)
            || tables::inappropriate_for_canonical_representation(c)
            || tables::change_display_properties_or_deprecated(c)
            || tables::tagging_character(c)
    }) {
        return Err(Error::UnicodeError(format!("Invalid character {c:?}")));
    }
    // Unicode 3.2 gives characters it did not know no direction at all.
    let rand_al: Vec<bool> = mapped
        .chars()
        .map(|c| !unassigned(c) && tables::bidi_r_or_al(c))
        .collect();
    if rand_al.iter().any(|&b| b) {
        if mapped.chars().any(|c| !unassigned(c) && tables::bidi_l(c)) {
            return Err(Error::UnicodeError(
                "Violation of BIDI requirement 2".into(),
            ));
        }
        if !rand_al[0] || !rand_al[rand_al.len() - 1] {
            return Err(Error::UnicodeError(
                "Violation of BIDI requirement 3".into(),
            ));
        }
    }
    Ok(mapped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython_codec() {
        // Answers of CPython 3.11's `s.encode("idna")`.
        let cases = [
            ("bücher.example", Some("xn--bcher-kva.example")),
            ("BÜCHER.example", Some("xn--bcher-kva.example")),
            ("straße.de", Some("strasse.de")),
            ("例え.テスト", Some("xn--r8jz45g.xn--zckzah")),
            ("ドメイン名例。jp", Some("xn--eckwd4c7cu47r2wf.jp")),
            ("bücher.example.", Some("xn--bcher-kva.example.")),
            ("localhost", Some("localhost")),
            ("a..b", None),
            ("bü..b", None),
            ("xn--bcher-kva.example", Some("xn--bcher-kva.example")),
            ("ab\u{00AD}c.ü", Some("abc.xn--tda")),
            // Found by comparing with CPython on random names: Unicode 3.2 data.
            ("\u{07d8}a.x", Some("xn--a-pcd.x")),
            ("aẞb.example", Some("assb.example")),
            ("\u{13a0}b.x", Some("xn--b-up5e.x")),
            ("ﬃ.x", Some("ffi.x")),
            ("\u{0130}x.y", Some("xn--ix-rub.y")),
            // Found by fuzzing: NFKC makes dots after the split, as in CPython.
            ("\u{2024}", Some(".")),
            ("a\u{2024}b.com", Some("a.b.com")),
            ("x\u{2488}y", Some("x1.y")),
            ("\u{2024}\0>\u{0}0", Some(".\0>\u{0}0")),
        ];
        for (input, want) in cases {
            let got = encode(input).ok().map(|c| c.into_owned());
            assert_eq!(got.as_deref(), want, "{input}");
        }
    }

    #[test]
    fn label_length_limits() {
        let long = "a".repeat(64);
        assert!(encode(&long).is_err());
        assert!(encode(&format!("{long}.com")).is_err());
        assert!(encode(&"a".repeat(63)).is_ok());
        assert!(encode(&format!("ü{}", "a".repeat(60))).is_err());
    }

    #[test]
    fn bidi_rules() {
        // A right-to-left label mixed with left-to-right letters violates requirement 2.
        assert!(nameprep("\u{05D0}a\u{05D0}").is_err());
        // Right-to-left characters must start and end the label.
        assert!(nameprep("\u{05D0}1").is_err());
        assert!(nameprep("\u{05D0}\u{05D1}").is_ok());
    }
}
