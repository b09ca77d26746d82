//! `iso2time`: CPython's ISO_DATE_RE, matched by a small backtracking matcher
//! whose whitespace runs are possessive (giving spaces back can never help in this
//! expression, so the answers are the same and the time is linear).

use crate::Error;

type Span = (usize, usize);

enum Node {
    /// A character class repeated `min..=max` times, greedy; `possessive` runs
    /// never give characters back.
    Rep(fn(u8) -> bool, usize, usize, bool),
    /// A capturing group.
    Group(usize, Vec<Node>),
    /// `(?:...)?`, greedy.
    Opt(Vec<Node>),
    /// `a|b`.
    Alt(Vec<Vec<Node>>),
}

fn seq(
    b: &[u8],
    nodes: &[Node],
    pos: usize,
    caps: &mut Vec<Option<Span>>,
    k: &mut dyn FnMut(usize, &mut Vec<Option<Span>>) -> bool,
) -> bool {
    let Some((first, rest)) = nodes.split_first() else {
        return k(pos, caps);
    };
    match first {
        Node::Rep(class, min, max, possessive) => {
            let avail = b[pos..]
                .iter()
                .take(*max)
                .take_while(|&&c| class(c))
                .count();
            if avail < *min {
                return false;
            }
            let lowest = if *possessive { avail } else { *min };
            for n in (lowest..=avail).rev() {
                if seq(b, rest, pos + n, caps, k) {
                    return true;
                }
            }
            false
        }
        Node::Group(i, inner) => {
            let i = *i;
            seq(b, inner, pos, caps, &mut |end, caps| {
                let saved = caps[i];
                caps[i] = Some((pos, end));
                if seq(b, rest, end, caps, k) {
                    return true;
                }
                caps[i] = saved;
                false
            })
        }
        Node::Opt(inner) => {
            seq(b, inner, pos, caps, &mut |end, caps| {
                seq(b, rest, end, caps, k)
            }) || seq(b, rest, pos, caps, k)
        }
        Node::Alt(alts) => alts.iter().any(|alt| {
            seq(b, alt, pos, caps, &mut |end, caps| {
                seq(b, rest, end, caps, k)
            })
        }),
    }
}

fn digit(c: u8) -> bool {
    c.is_ascii_digit()
}
fn space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}
fn dash_slash(c: u8) -> bool {
    c == b'-' || c == b'/'
}
fn colon(c: u8) -> bool {
    c == b':'
}
fn clock_sep(c: u8) -> bool {
    matches!(c, b'-' | b':' | b'T' | b't')
}
fn sign(c: u8) -> bool {
    c == b'-' || c == b'+'
}
fn dot(c: u8) -> bool {
    c == b'.'
}
fn zulu(c: u8) -> bool {
    c == b'Z' || c == b'z'
}

/// ISO_DATE_RE of CPython's http.cookiejar.
fn iso_date_re() -> Vec<Node> {
    use Node::*;
    vec![
        Group(1, vec![Rep(digit, 4, 4, false)]),
        Rep(dash_slash, 0, 1, false),
        Group(2, vec![Rep(digit, 1, 2, false)]),
        Rep(dash_slash, 0, 1, false),
        Group(3, vec![Rep(digit, 1, 2, false)]),
        Opt(vec![
            Alt(vec![
                vec![Rep(space, 1, usize::MAX, true)],
                vec![Rep(clock_sep, 1, 1, false)],
            ]),
            Group(4, vec![Rep(digit, 1, 2, false)]),
            Rep(colon, 0, 1, false),
            Group(5, vec![Rep(digit, 2, 2, false)]),
            Opt(vec![
                Rep(colon, 0, 1, false),
                Group(
                    6,
                    vec![
                        Rep(digit, 2, 2, false),
                        Opt(vec![
                            Rep(dot, 1, 1, false),
                            Rep(digit, 0, usize::MAX, false),
                        ]),
                    ],
                ),
            ]),
        ]),
        Rep(space, 0, usize::MAX, true),
        Opt(vec![
            Group(
                7,
                vec![Alt(vec![
                    vec![
                        Rep(sign, 0, 1, false),
                        Rep(digit, 1, 2, false),
                        Rep(colon, 0, 1, false),
                        Group(8, vec![Rep(colon, 0, 1, false), Rep(digit, 2, 2, false)]),
                    ],
                    vec![
                        Rep(sign, 0, 1, false),
                        Rep(digit, 1, 2, false),
                        Rep(colon, 0, 1, false),
                    ],
                    vec![Rep(zulu, 1, 1, false)],
                ])],
            ),
            Rep(space, 0, usize::MAX, true),
        ]),
    ]
}

/// `http.cookiejar.iso2time(text)`: seconds since the epoch of an ISO 8601 date
/// (`1994-02-03 14:15:29 -0100`, `19940203T141529Z`, `1994-02-03`), `None` when
/// unrecognised. Fractional seconds make CPython raise `ValueError`; so does this.
///
/// ```
/// use netstd_cookiejar::iso2time;
/// assert_eq!(iso2time("1994-02-03 14:15:29 -0100").unwrap(), Some(760288529));
/// assert_eq!(iso2time("19940203T141529Z").unwrap(), Some(760284929));
/// assert_eq!(iso2time("not a date").unwrap(), None);
/// ```
pub fn iso2time(text: &str) -> Result<Option<i64>, Error> {
    iso2time_at(text, crate::time::system_now())
}

pub(crate) fn iso2time_at(text: &str, now: i64) -> Result<Option<i64>, Error> {
    let text = text.trim_start_matches(crate::headers::py_space);
    let b = text.as_bytes();
    let re = iso_date_re();
    let mut caps = vec![None; 9];
    let mut found = None;
    seq(b, &re, 0, &mut caps, &mut |end, caps| {
        // `$`: the end, or before a final newline (which the last \s* took).
        if end == b.len() {
            found = Some(caps.clone());
            true
        } else {
            false
        }
    });
    let Some(caps) = found else {
        return Ok(None);
    };
    let s = |i: usize| caps[i].map(|(a, z)| &text[a..z]);
    if let Some(sec) = s(6) {
        if sec.contains('.') {
            return Err(Error::ValueError(format!(
                "invalid literal for int() with base 10: '{sec}'"
            )));
        }
    }
    Ok(crate::time::str2time(
        s(3).unwrap_or(""),
        s(2).unwrap_or(""),
        s(1).unwrap_or(""),
        s(4),
        s(5),
        s(6),
        s(7),
        now,
    ))
}
