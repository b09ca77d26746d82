//! The dates of http.server: `email.utils.formatdate(usegmt=True)`, the log's local
//! time, and `parsedate_to_datetime` for If-Modified-Since.

use chrono::{DateTime, Datelike, Local, NaiveDate, TimeZone, Timelike, Utc};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The current second since the epoch.
fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// A string made once per second and shared by every thread (each response has a
/// Date header and a log line; making them is most of a small response's cost).
fn per_second(cache: &std::sync::Mutex<(i64, String)>, make: impl FnOnce(i64) -> String) -> String {
    let now = now_secs();
    let mut slot = match cache.lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    };
    if slot.0 != now || slot.1.is_empty() {
        *slot = (now, make(now));
    }
    slot.1.clone()
}

/// `email.utils.formatdate(timestamp, usegmt=True)`: `Sun, 06 Nov 1994 08:49:37 GMT`
/// (now when `timestamp` is `None`).
pub(crate) fn formatdate(timestamp: Option<i64>) -> String {
    static NOW: std::sync::Mutex<(i64, String)> = std::sync::Mutex::new((0, String::new()));
    let format = |secs: i64| {
        Utc.timestamp_opt(secs, 0)
            .single()
            .unwrap_or_else(Utc::now)
            .format("%a, %d %b %Y %H:%M:%S GMT")
            .to_string()
    };
    match timestamp {
        Some(secs) => format(secs),
        None => per_second(&NOW, format),
    }
}

/// `f` with the current `formatdate()`, made once per second per thread.
#[cfg_attr(not(feature = "tokio"), allow(dead_code))]
pub(crate) fn with_now_date<R>(f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static NOW: std::cell::RefCell<(i64, String)> = const { std::cell::RefCell::new((0, String::new())) };
    }
    let now = now_secs();
    NOW.with(|c| {
        let mut c = c.borrow_mut();
        if c.0 != now || c.1.is_empty() {
            *c = (now, formatdate(None));
        }
        f(&c.1)
    })
}

/// `log_date_time_string()`: local time as `22/Nov/2026 00:16:09`.
pub(crate) fn log_date_time_string() -> String {
    static NOW: std::sync::Mutex<(i64, String)> = std::sync::Mutex::new((0, String::new()));
    per_second(&NOW, |_| {
        let now = Local::now();
        format!(
            "{:02}/{}/{:04} {:02}:{:02}:{:02}",
            now.day(),
            MONTHS[now.month0() as usize],
            now.year(),
            now.hour(),
            now.minute(),
            now.second()
        )
    })
}

/// `email.utils.parsedate_to_datetime(value)` as `SimpleHTTPRequestHandler` uses it:
/// the time in seconds since the epoch when the date has no zone or is in UTC
/// (`GMT`, `UT`, `UTC`, `Z`, `+0000`, `-0000`); `None` for an unparsable date and for
/// another zone (CPython then ignores the header). Reads IMF-fixdate, RFC 850 and
/// asctime dates, and RFC 2822 dates with a numeric zone.
pub(crate) fn parse_http_date(value: &str) -> Option<i64> {
    let cleaned = value.replace(',', " ");
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    // a leading day name (`Sun`, `Sunday`) carries nothing
    if words
        .first()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_alphabetic()) && month(w).is_none())
    {
        words.remove(0);
    }
    // RFC 850: `06-Nov-94`
    let split: Vec<String>;
    if words.first().is_some_and(|w| w.matches('-').count() == 2) {
        split = words[0].split('-').map(str::to_owned).collect();
        let rest: Vec<&str> = words[1..].to_vec();
        words = split.iter().map(String::as_str).chain(rest).collect();
    }
    let (day, mon, year, time, zone) = match words.as_slice() {
        // `06 Nov 1994 08:49:37 GMT`
        [d, m, y, t, z] if month(m).is_some() => (*d, *m, *y, *t, Some(*z)),
        [d, m, y, t] if month(m).is_some() => (*d, *m, *y, *t, None),
        // asctime: `Nov  6 08:49:37 1994`
        [m, d, t, y] if month(m).is_some() => (*d, *m, *y, *t, None),
        _ => return None,
    };
    let day: u32 = day.parse().ok()?;
    let mut year: i32 = year.parse().ok()?;
    if year < 100 {
        // two-digit years as email.utils reads them
        year += if year > 68 { 1900 } else { 2000 };
    }
    let mut hms = time.split(':');
    let h: u32 = hms.next()?.parse().ok()?;
    let m: u32 = hms.next()?.parse().ok()?;
    let s: u32 = hms.next().map_or(Some(0), |s| s.parse().ok())?;
    let utc = match zone.map(str::to_ascii_uppercase).as_deref() {
        None | Some("GMT" | "UT" | "UTC" | "Z" | "+0000" | "-0000") => true,
        Some(_) => false,
    };
    if !utc {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year, month(mon)?, day)?.and_hms_opt(h, m, s.min(59))?;
    Some(DateTime::<Utc>::from_naive_utc_and_offset(date, Utc).timestamp())
}

fn month(word: &str) -> Option<u32> {
    let w = word.get(..3)?;
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(w))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_dates() {
        let t = 784_111_777;
        assert_eq!(formatdate(Some(t)), "Sun, 06 Nov 1994 08:49:37 GMT");
        for text in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "06 Nov 1994 08:49:37 +0000",
        ] {
            assert_eq!(parse_http_date(text), Some(t), "{text}");
        }
        assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 +0100"), None);
        assert_eq!(parse_http_date("yesterday"), None);
        assert_eq!(parse_http_date(""), None);
    }
}
