//! CPython's `_CookiePattern` (re.ASCII | re.VERBOSE), matched without a regex engine:
//!
//! ```text
//! \s* (?P<key>[K]+?) ( \s*=\s* (?P<val> "(?:[^\\"]|\\.)*"
//!                                     | \w{3},\s[\w\d\s-]{9,11}\s[\d:]{8}\sGMT
//!                                     | [V]* ) )? \s* (\s+|;|$)
//! ```
//!
//! The matcher gives the regex's leftmost-first answer (the lazy key, the optional
//! value, the alternatives in order with their backtracking) but decides each
//! backtracking point from facts computed once per match attempt, so a whole
//! `load` is linear in its input where CPython's backtracking is quadratic on
//! adversarial input (CPython gh-149028).

const WS: u8 = 1;
const WORD: u8 = 2;
const KEY: u8 = 4;
const VAL: u8 = 8;

/// The character classes of the pattern, one bit each, for every byte.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        let mut bits = 0;
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            bits |= WS;
        }
        if c.is_ascii_alphanumeric() || c == b'_' {
            bits |= WORD | KEY | VAL;
        }
        let extra = b"!#%&'~`><@,:/$*+-.^|)(?}{=";
        let mut i = 0;
        while i < extra.len() {
            if extra[i] == c {
                bits |= KEY | VAL;
            }
            i += 1;
        }
        if c == b'[' || c == b']' {
            bits |= VAL;
        }
        t[b] = bits;
        b += 1;
    }
    t
};

/// `\s` under re.ASCII.
#[inline]
fn is_ws(b: u8) -> bool {
    CLASS[b as usize] & WS != 0
}

/// `\w` under re.ASCII.
#[inline]
fn is_word(b: u8) -> bool {
    CLASS[b as usize] & WORD != 0
}

/// `_LegalKeyChars`.
#[inline]
fn is_key(b: u8) -> bool {
    CLASS[b as usize] & KEY != 0
}

/// `_LegalValueChars`.
#[inline]
fn is_val(b: u8) -> bool {
    CLASS[b as usize] & VAL != 0
}

fn skip_ws(s: &[u8], mut p: usize) -> usize {
    while p < s.len() && is_ws(s[p]) {
        p += 1;
    }
    p
}

/// `\s*(\s+|;|$)` at `p`: where the match ends, if it can.
fn trailing(s: &[u8], p: usize) -> Option<usize> {
    let w = skip_ws(s, p);
    if w == s.len() {
        Some(w)
    } else if s[w] == b';' {
        Some(w + 1)
    } else if w > p {
        Some(w)
    } else {
        None
    }
}

/// `"(?:[^\\"]|\\.)*"` at `v` (where `s[v]` is `"`): its end. The two branches of the
/// star never compete, so there is one candidate only.
fn quoted_end(s: &[u8], v: usize) -> Option<usize> {
    let mut j = v + 1;
    while j < s.len() {
        match s[j] {
            b'"' => return Some(j + 1),
            b'\\' => {
                if j + 1 < s.len() && s[j + 1] != b'\n' {
                    j += 2;
                } else {
                    return None;
                }
            }
            _ => j += 1,
        }
    }
    None
}

/// `\w{3},\s[\w\d\s-]{cnt}\s[\d:]{8}\sGMT` at `v`: its end.
fn expires_end(s: &[u8], v: usize, cnt: usize) -> Option<usize> {
    let end = v + 18 + cnt;
    if end > s.len() {
        return None;
    }
    let t = &s[v..end];
    let ok = t[..3].iter().all(|&b| is_word(b))
        && t[3] == b','
        && is_ws(t[4])
        && t[5..5 + cnt]
            .iter()
            .all(|&b| is_word(b) || is_ws(b) || b == b'-')
        && is_ws(t[5 + cnt])
        && t[6 + cnt..14 + cnt]
            .iter()
            .all(|&b| b.is_ascii_digit() || b == b':')
        && is_ws(t[14 + cnt])
        && &t[15 + cnt..] == b"GMT";
    ok.then_some(end)
}

/// One match of the pattern at `i`: byte ranges of key and value, and its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Match {
    pub(crate) key: (usize, usize),
    pub(crate) val: Option<(usize, usize)>,
    pub(crate) end: usize,
}

/// A cache of the last `[V]*` run computed: `[start, end)`.
struct Runs {
    run: Option<(usize, usize)>,
}

impl Runs {
    fn val_run_end(&mut self, s: &[u8], v: usize) -> usize {
        if let Some((a, b)) = self.run {
            if a <= v && v < b {
                return b;
            }
        }
        let mut e = v;
        while e < s.len() && is_val(s[e]) {
            e += 1;
        }
        self.run = Some((v, e));
        e
    }
}

/// The value alternatives at `v`, in order, each followed by the pattern's tail:
/// the value's range and the match end.
fn value_at(s: &[u8], v: usize, runs: &mut Runs) -> Option<(usize, usize, usize)> {
    if v < s.len() && s[v] == b'"' {
        if let Some(q) = quoted_end(s, v) {
            if let Some(end) = trailing(s, q) {
                return Some((v, q, end));
            }
        }
    }
    for cnt in [11, 10, 9] {
        if let Some(x) = expires_end(s, v, cnt) {
            if let Some(end) = trailing(s, x) {
                return Some((v, x, end));
            }
        }
    }
    // `[V]*` is greedy and only its longest form can be followed by the tail: a
    // shorter one stops before a value character, which is neither a space nor `;`.
    let r = runs.val_run_end(s, v);
    trailing(s, r).map(|end| (v, r, end))
}

/// `_CookiePattern.match(s, i)`.
pub(crate) fn match_at(s: &[u8], i: usize) -> Option<Match> {
    let n = s.len();
    let s0 = skip_ws(s, i);
    let mut e = s0;
    while e < n && is_key(s[e]) {
        e += 1;
    }
    if e == s0 {
        return None;
    }
    let mut runs = Runs { run: None };
    // The lazy key grows one character at a time. Inside the key run only an `=`
    // can start the value group, and only the whole run can end without one.
    for k in s0 + 1..=e {
        let eq = if k < e {
            (s[k] == b'=').then_some(k)
        } else {
            let q = skip_ws(s, e);
            (q < n && s[q] == b'=').then_some(q)
        };
        if let Some(q) = eq {
            let v0 = skip_ws(s, q + 1);
            if let Some((a, b, end)) = value_at(s, v0, &mut runs) {
                return Some(Match {
                    key: (s0, k),
                    val: Some((a, b)),
                    end,
                });
            }
            if v0 > q + 1 {
                // backtracking gives one space back to `\s*` after `=`: an empty value
                if let Some(end) = trailing(s, v0 - 1) {
                    return Some(Match {
                        key: (s0, k),
                        val: Some((v0 - 1, v0 - 1)),
                        end,
                    });
                }
            }
        }
        if k == e {
            if let Some(end) = trailing(s, e) {
                return Some(Match {
                    key: (s0, e),
                    val: None,
                    end,
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<(String, Option<String>, usize)> {
        match_at(s.as_bytes(), 0).map(|m| {
            (
                s[m.key.0..m.key.1].to_owned(),
                m.val.map(|(a, b)| s[a..b].to_owned()),
                m.end,
            )
        })
    }

    #[test]
    fn matches_like_the_regex() {
        assert_eq!(m("a=b"), Some(("a".into(), Some("b".into()), 3)));
        assert_eq!(m("a=b; c"), Some(("a".into(), Some("b".into()), 4)));
        assert_eq!(
            m(" a = \"x;y\" ;"),
            Some(("a".into(), Some("\"x;y\"".into()), 12))
        );
        assert_eq!(m("a= \"x"), Some(("a".into(), Some("".into()), 3)));
        assert_eq!(m("a=\"x"), None);
        assert_eq!(m("secure"), Some(("secure".into(), None, 6)));
        assert_eq!(m("a=b=c"), Some(("a".into(), Some("b=c".into()), 5)));
        assert_eq!(
            m("expires=Wed, 21 Oct 2026 07:28:00 GMT; x"),
            Some((
                "expires".into(),
                Some("Wed, 21 Oct 2026 07:28:00 GMT".into()),
                38
            ))
        );
        assert_eq!(m("\""), None);
    }
}
