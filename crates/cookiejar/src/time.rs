//! Date and time conversion: `http2time`, `time2isoz`, `time2netscape`.
//!
//! The parsers are hand-written matchers of CPython's regular expressions. Where the
//! regex backtracks (a shorter year, a shorter zone) each step does a bounded amount
//! of work, so hostile input such as CPython gh-82985's `"1-c-1" + " " * 2000 + "!"`
//! or a long digit run is rejected in linear time.

use crate::Error;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MAXYEAR: i64 = 9999;

/// Seconds since the epoch now, from the system clock.
pub(crate) fn system_now() -> i64 {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64) - 1,
    }
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// CPython's `_timegm`: `calendar.timegm` for plausible fields, else `None`.
fn timegm(yr: i64, mon: i64, day: i64, hr: i64, min: i64, sec: i64) -> Option<i64> {
    if yr >= 1970
        && (1..=12).contains(&mon)
        && (1..=31).contains(&day)
        && (0..=24).contains(&hr)
        && (0..=59).contains(&min)
        && (0..=61).contains(&sec)
    {
        // calendar.timegm counts mday from the first of the month without checking it.
        let days = days_from_civil(yr, mon, 1) + day - 1;
        Some(days * 86_400 + hr * 3600 + min * 60 + sec)
    } else {
        None
    }
}

/// `http.cookiejar.time2isoz(t)`: `"YYYY-MM-DD hh:mm:ssZ"` (UTC).
///
/// ```
/// assert_eq!(netstd_cookiejar::time2isoz(Some(0)), "1970-01-01 00:00:00Z");
/// ```
pub fn time2isoz(t: Option<i64>) -> String {
    let t = t.unwrap_or_else(system_now);
    let (y, m, d) = civil_from_days(t.div_euclid(86_400));
    let s = t.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// `http.cookiejar.time2netscape(t)`: `"Wed, DD-Mon-YYYY HH:MM:SS GMT"`.
///
/// ```
/// assert_eq!(netstd_cookiejar::time2netscape(Some(0)), "Thu, 01-Jan-1970 00:00:00 GMT");
/// ```
pub fn time2netscape(t: Option<i64>) -> String {
    let t = t.unwrap_or_else(system_now);
    let days = t.div_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let s = t.rem_euclid(86_400);
    let wd = (days + 3).rem_euclid(7) as usize; // 1970-01-01 was a Thursday
    format!(
        "{}, {d:02}-{}-{y:04} {:02}:{:02}:{:02} GMT",
        DAYS[wd],
        MONTHS[(m - 1) as usize],
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Python's `int(s)` for the ASCII texts these regular expressions capture
/// (digits, word characters): digits with single underscores between them.
pub(crate) fn py_int(s: &str) -> Option<i64> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let b = digits.as_bytes();
    if b.is_empty() || b[0] == b'_' || b[b.len() - 1] == b'_' || digits.contains("__") {
        return None;
    }
    let mut n: i64 = 0;
    for &c in b {
        if c == b'_' {
            continue;
        }
        if !c.is_ascii_digit() {
            return None;
        }
        n = n.saturating_mul(10).saturating_add(i64::from(c - b'0'));
    }
    Some(if neg { -n } else { n })
}

/// CPython's `offset_from_tz_string`.
fn offset_from_tz_string(tz: &str) -> Option<i64> {
    if matches!(tz, "GMT" | "UTC" | "UT" | "Z") {
        return Some(0);
    }
    // ^([-+])?(\d\d?):?(\d\d)?$
    let b = tz.strip_suffix('\n').unwrap_or(tz).as_bytes();
    let (sign, rest) = match b.first() {
        Some(b'-') => (-1, &b[1..]),
        Some(b'+') => (1, &b[1..]),
        _ => (1, b),
    };
    let digit = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    let num = |s: &[u8]| s.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0'));
    for hl in [2usize, 1] {
        if rest.len() < hl || !digit(&rest[..hl]) {
            continue;
        }
        let r = &rest[hl..];
        let h = num(&rest[..hl]);
        for colon in [true, false] {
            let mut r2 = r;
            if colon {
                match r2.strip_prefix(b":") {
                    Some(x) => r2 = x,
                    None => continue,
                }
            }
            if r2.is_empty() {
                return Some(sign * 3600 * h);
            }
            if r2.len() == 2 && digit(r2) {
                return Some(sign * (3600 * h + 60 * num(r2)));
            }
        }
    }
    None
}

/// CPython's `_str2time`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn str2time(
    day: &str,
    mon: &str,
    yr: &str,
    hr: Option<&str>,
    min: Option<&str>,
    sec: Option<&str>,
    tz: Option<&str>,
    now: i64,
) -> Option<i64> {
    // The captures are all digits here, so int() cannot fail except by size.
    let yr_digits = yr.trim_start_matches('0');
    if yr_digits.len() > 5 {
        return None;
    }
    let mut yr = py_int(yr)?;
    if yr > MAXYEAR {
        return None;
    }
    let mon = match MONTHS.iter().position(|m| m.eq_ignore_ascii_case(mon)) {
        Some(i) => i as i64 + 1,
        None => match py_int(mon) {
            Some(m) if (1..=12).contains(&m) => m,
            _ => return None,
        },
    };
    let day = py_int(day)?;
    let hr = hr.map_or(Some(0), py_int)?;
    let min = min.map_or(Some(0), py_int)?;
    let sec = sec.map_or(Some(0), py_int)?;
    if yr < 1000 {
        let cur_yr = civil_from_days(now.div_euclid(86_400)).0;
        let mut m = cur_yr % 100;
        let tmp = yr;
        yr = yr + cur_yr - m;
        m -= tmp;
        if m.abs() > 50 {
            if m > 0 {
                yr += 100;
            } else {
                yr -= 100;
            }
        }
    }
    let t = timegm(yr, mon, day, hr, min, sec)?;
    let tz = tz.unwrap_or("UTC").to_ascii_uppercase();
    Some(t - offset_from_tz_string(&tz)?)
}

/// A cursor over ASCII-class matching.
struct Cur<'a> {
    b: &'a [u8],
}

impl Cur<'_> {
    fn run(&self, at: usize, f: impl Fn(u8) -> bool) -> usize {
        self.b[at..].iter().take_while(|&&c| f(c)).count()
    }
}

/// Matches `\s*(?:([-+]?\d{2,4}|(?![APap][Mm]\b)[A-Za-z]+)\s*)?(?:\(\w+\)\s*)?$`
/// from `at`, answering the time zone capture.
fn loose_tail(c: &Cur<'_>, at: usize) -> Option<Option<(usize, usize)>> {
    let b = c.b;
    let at = at + c.run(at, is_space);
    let paren_end = |at: usize| -> bool {
        // (?:\(\w+\)\s*)?$ ; `$` also matches before a final newline, which \s* eats.
        let mut p = at;
        if b.get(p) == Some(&b'(') {
            let w = c.run(p + 1, is_word);
            if w > 0 && b.get(p + 1 + w) == Some(&b')') {
                let q = p + 2 + w;
                let q = q + c.run(q, is_space);
                if q == b.len() {
                    return true;
                }
            }
        }
        p += c.run(p, is_space);
        p == b.len()
    };
    // Time zone alternatives, greedy first.
    let sign = usize::from(matches!(b.get(at), Some(b'-' | b'+')));
    // Only 2 to 4 digits can be a zone: looking further would make the year's
    // backtracking (one call per shorter year) quadratic in a long digit run.
    let digits = c.b[at + sign..]
        .iter()
        .take(4)
        .take_while(|x| x.is_ascii_digit())
        .count();
    for n in (2..=digits).rev() {
        let end = at + sign + n;
        if paren_end(end + c.run(end, is_space)) {
            return Some(Some((at, end)));
        }
    }
    let am_pm = matches!(b.get(at), Some(b'A' | b'P' | b'a' | b'p'))
        && matches!(b.get(at + 1), Some(b'M' | b'm'))
        && !b.get(at + 2).is_some_and(|&x| is_word(x));
    if !am_pm {
        let letters = c.run(at, |x| x.is_ascii_alphabetic());
        for n in (1..=letters).rev() {
            let end = at + n;
            if paren_end(end + c.run(end, is_space)) {
                return Some(Some((at, end)));
            }
        }
    }
    paren_end(at).then_some(None)
}

type Span = (usize, usize);

/// LOOSE_HTTP_DATE_RE: day, month, year, hour, minute, second, zone.
fn loose_http_date(b: &[u8]) -> Option<[Option<Span>; 7]> {
    let c = Cur { b };
    let sep = |at: usize| -> Option<usize> {
        // (?:\s+|[-\/])
        let s = c.run(at, is_space);
        if s > 0 {
            Some(at + s)
        } else if matches!(b.get(at), Some(b'-' | b'/')) {
            Some(at + 1)
        } else {
            None
        }
    };
    let d = c.run(0, |x| x.is_ascii_digit());
    if d == 0 || d > 2 {
        // \d\d? then a separator: a longer digit run cannot match.
        return None;
    }
    let at = sep(d)?;
    let w = c.run(at, is_word);
    if w == 0 {
        return None;
    }
    let mon = (at, at + w);
    let at = sep(at + w)?;
    let y = c.run(at, |x| x.is_ascii_digit());
    for yl in (1..=y).rev() {
        let yr = (at, at + yl);
        let after = at + yl;
        // Optional clock, tried first.
        let s = c.run(after, is_space);
        let clock_at = if s > 0 {
            Some(after + s)
        } else if b.get(after) == Some(&b':') {
            Some(after + 1)
        } else {
            None
        };
        if let Some(p) = clock_at {
            let hd = c.run(p, |x| x.is_ascii_digit());
            for hl in [2usize, 1] {
                if hd < hl || b.get(p + hl) != Some(&b':') {
                    continue;
                }
                let m = p + hl + 1;
                if c.run(m, |x| x.is_ascii_digit()) < 2 {
                    continue;
                }
                let hr = (p, p + hl);
                let mn = (m, m + 2);
                let mut tries = Vec::with_capacity(2);
                if b.get(m + 2) == Some(&b':') && c.run(m + 3, |x| x.is_ascii_digit()) >= 2 {
                    tries.push((m + 5, Some((m + 3, m + 5))));
                }
                tries.push((m + 2, None));
                for (end, sec) in tries {
                    if let Some(tz) = loose_tail(&c, end) {
                        return Some([
                            Some((0, d)),
                            Some(mon),
                            Some(yr),
                            Some(hr),
                            Some(mn),
                            sec,
                            tz,
                        ]);
                    }
                }
            }
        }
        if let Some(tz) = loose_tail(&c, after) {
            return Some([Some((0, d)), Some(mon), Some(yr), None, None, None, tz]);
        }
    }
    None
}

/// STRICT_DATE_RE:
/// `^[SMTWF][a-z][a-z], (\d\d) ([JFMASOND][a-z][a-z]) (\d\d\d\d) (\d\d):(\d\d):(\d\d) GMT$`.
fn strict_date(text: &str) -> Option<Result<Option<i64>, Error>> {
    let b = text.strip_suffix('\n').unwrap_or(text).as_bytes();
    if b.len() != 29 {
        return None;
    }
    let lower = |i: usize| b[i].is_ascii_lowercase();
    let dig = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = b"SMTWF".contains(&b[0])
        && lower(1)
        && lower(2)
        && &b[3..5] == b", "
        && dig(5..7)
        && b[7] == b' '
        && b"JFMASOND".contains(&b[8])
        && lower(9)
        && lower(10)
        && b[11] == b' '
        && dig(12..16)
        && b[16] == b' '
        && dig(17..19)
        && b[19] == b':'
        && dig(20..22)
        && b[22] == b':'
        && dig(23..25)
        && &b[25..] == b" GMT";
    if !ok {
        return None;
    }
    let s = |r: std::ops::Range<usize>| std::str::from_utf8(&b[r]).unwrap_or("0");
    let n = |r: std::ops::Range<usize>| py_int(s(r)).unwrap_or(0);
    let Some(mon) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(s(8..11))) else {
        // CPython: MONTHS_LOWER.index() raises ValueError.
        return Some(Err(Error::ValueError(format!(
            "'{}' is not in list",
            s(8..11).to_lowercase()
        ))));
    };
    Some(Ok(timegm(
        n(12..16),
        mon as i64 + 1,
        n(5..7),
        n(17..19),
        n(20..22),
        n(23..25),
    )))
}

/// `http.cookiejar.http2time(text)`: seconds since the epoch of an HTTP date in
/// any of the loose formats CPython accepts, `None` when unrecognised or out of
/// range. Two-digit years pick the century closest to the current year (the
/// system clock, in UTC; CPython takes the local year). CPython raises
/// `ValueError` for a date in the strict format whose month looks like one but is
/// not (`"Sun, 01 Jxy 2000 00:00:00 GMT"`); so does this.
///
/// ```
/// use netstd_cookiejar::http2time;
/// assert_eq!(http2time("Wed, 09 Feb 1994 22:23:32 GMT").unwrap(), Some(760832612));
/// assert_eq!(http2time("08-Feb-1994 14:15:29 GMT").unwrap(), Some(760716929));
/// assert_eq!(http2time("no date").unwrap(), None);
/// ```
pub fn http2time(text: &str) -> Result<Option<i64>, Error> {
    http2time_at(text, system_now())
}

/// [`http2time`] with the current time (for two-digit years) given.
pub(crate) fn http2time_at(text: &str, now: i64) -> Result<Option<i64>, Error> {
    if let Some(r) = strict_date(text) {
        return r;
    }
    let text = text.trim_start_matches(crate::headers::py_space);
    let b = text.as_bytes();
    // WEEKDAY_RE = ^(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)[a-z]*,?\s*  (re.I)
    let mut at = 0;
    if b.len() >= 3
        && ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
            .iter()
            .any(|d| b[..3].eq_ignore_ascii_case(d.as_bytes()))
    {
        at = 3;
        at += b[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        if b.get(at) == Some(&b',') {
            at += 1;
        }
        at += b[at..].iter().take_while(|&&c| is_space(c)).count();
    }
    let rest = &text[at..];
    let Some(g) = loose_http_date(rest.as_bytes()) else {
        return Ok(None);
    };
    let s = |i: usize| g[i].map(|(a, z)| &rest[a..z]);
    Ok(str2time(
        s(0).unwrap_or(""),
        s(1).unwrap_or(""),
        s(2).unwrap_or(""),
        s(3),
        s(4),
        s(5),
        s(6),
        now,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for days in [-1000, 0, 1, 59, 365, 10_957, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn zones() {
        assert_eq!(offset_from_tz_string("+0800"), Some(8 * 3600));
        assert_eq!(offset_from_tz_string("-800"), Some(-8 * 3600));
        assert_eq!(offset_from_tz_string("123"), Some(3600 + 23 * 60));
        assert_eq!(offset_from_tz_string("EST"), None);
    }
}
