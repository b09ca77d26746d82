//! `netstd urlopen`: fetch a URL with urllib.request's opener (redirects, cookies,
//! Basic and Digest authentication, proxies from the environment, `file:` and
//! `data:` URLs), printing the body or writing it to a file with a progress line.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use netstd_cookiejar::{CookieJar, FileCookieJar, MozillaCookieJar};
use netstd_httpclient::Error;
use netstd_httpclient::urllib::request::{
    BaseHandler, HTTPBasicAuthHandler, HTTPCookieProcessor, HTTPDigestAuthHandler,
    HTTPPasswordMgrWithDefaultRealm, PasswordMgr, Request, build_opener,
};

/// Fetches a URL as urllib.request.urlopen does and prints the body (or writes it
/// to a file).
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The URL to open (http, https, file or data).
    url: String,
    /// Write the body to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Send DATA as the body of a POST (`@FILE` sends the file's contents).
    #[arg(short = 'd', long = "data", value_name = "DATA")]
    data: Option<String>,
    /// Add a request header ('Name: value'); may be repeated.
    #[arg(short = 'H', long = "header", value_name = "HEADER")]
    headers: Vec<String>,
    /// Read cookies from FILE (Mozilla cookies.txt format) and save them back.
    #[arg(long = "cookie-jar", value_name = "FILE")]
    cookie_jar: Option<PathBuf>,
    /// Answer Basic and Digest challenges with USER:PASS.
    #[arg(long = "user", value_name = "USER:PASS")]
    user: Option<String>,
    /// Socket timeout in seconds.
    #[arg(long = "timeout", value_name = "SECONDS")]
    timeout: Option<f64>,
}

/// Text for the terminal: control characters (a server's reason phrase or
/// Location may carry escape sequences) shown escaped.
fn printable(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

/// The one-line message and exit code of a failure.
fn fail(e: &Error) -> ExitCode {
    eprintln!("netstd urlopen: {}", printable(&e.to_string()));
    match e {
        Error::HTTPError(_) => ExitCode::from(22),
        _ => ExitCode::FAILURE,
    }
}

fn human(n: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{v:.0} {}", UNITS[unit])
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

/// The progress line: bytes (of total), rate, time left.
fn progress_line(done: u64, total: Option<u64>, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(1e-3);
    let rate = done as f64 / secs;
    match total {
        Some(t) if t > 0 => {
            let pct = done as f64 * 100.0 / t as f64;
            let left = if rate > 0.0 {
                (t.saturating_sub(done)) as f64 / rate
            } else {
                0.0
            };
            format!(
                "{pct:5.1}% {} of {}  {}/s  {:.0}s left",
                human(done as f64),
                human(t as f64),
                human(rate),
                left
            )
        }
        _ => format!("{}  {}/s", human(done as f64), human(rate)),
    }
}

fn request(args: &Args) -> Result<Request, String> {
    let mut req = Request::new(&args.url).map_err(|e| e.to_string())?;
    for h in &args.headers {
        let (name, value) = h
            .split_once(':')
            .ok_or_else(|| format!("bad header {h:?}: expected 'Name: value'"))?;
        req.add_header(name.trim(), value.trim());
    }
    if let Some(d) = &args.data {
        let body = match d.strip_prefix('@') {
            Some(path) => std::fs::read(path).map_err(|e| format!("{path}: {e}"))?,
            None => d.clone().into_bytes(),
        };
        req.set_data(Some(body.into()));
    }
    Ok(req)
}

/// `--timeout`: a positive, finite number of seconds.
fn timeout(args: &Args) -> Result<Option<Duration>, String> {
    match args.timeout {
        None => Ok(None),
        Some(t) if t.is_finite() && t > 0.0 => Duration::try_from_secs_f64(t)
            .map(Some)
            .map_err(|e| format!("--timeout {t}: {e}")),
        Some(t) => Err(format!("--timeout {t}: a positive number of seconds")),
    }
}

pub(crate) fn run(args: Args) -> ExitCode {
    let (req, timeout) = match request(&args).and_then(|r| Ok((r, timeout(&args)?))) {
        Ok(r) => r,
        Err(msg) => {
            eprintln!("netstd urlopen: {}", printable(&msg));
            return ExitCode::from(2);
        }
    };
    let mut handlers: Vec<Box<dyn BaseHandler>> = Vec::new();
    if let Some(user) = &args.user {
        let (name, pass) = user.split_once(':').unwrap_or((user, ""));
        let mgr: Arc<dyn PasswordMgr> = Arc::new(HTTPPasswordMgrWithDefaultRealm::new());
        mgr.add_password(None, &[&args.url], name, pass);
        handlers.push(Box::new(HTTPBasicAuthHandler::new(Some(mgr.clone()))));
        handlers.push(Box::new(HTTPDigestAuthHandler::new(Some(mgr))));
    }
    let jar = Arc::new(CookieJar::new());
    if let Some(path) = &args.cookie_jar {
        if path.exists() {
            let file = MozillaCookieJar::new(Some(path));
            if let Err(e) = file.load() {
                eprintln!("netstd urlopen: {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
            for c in file.cookies() {
                jar.set_cookie(c);
            }
        }
        handlers.push(Box::new(HTTPCookieProcessor::new(Some(jar.clone()))));
    }
    let opener = build_opener(handlers);
    let code = match opener.open_with(req, None, timeout) {
        Ok(mut resp) => match copy(&mut resp, args.output.as_deref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        },
        Err(e) => fail(&e),
    };
    if let Some(path) = &args.cookie_jar {
        let file = MozillaCookieJar::new(Some(path));
        for c in jar.cookies() {
            file.set_cookie(c);
        }
        if let Err(e) = file.save() {
            eprintln!("netstd urlopen: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    code
}

/// Copies the body to `output` (with a progress line on a terminal) or stdout.
fn copy(
    resp: &mut netstd_httpclient::urllib::response::addinfourl,
    output: Option<&std::path::Path>,
) -> Result<(), Error> {
    let Some(path) = output else {
        let mut out = std::io::stdout().lock();
        std::io::copy(resp, &mut out)?;
        out.flush()?;
        return Ok(());
    };
    let total = resp
        .headers()
        .get("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok());
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    let show = std::io::stderr().is_terminal();
    let start = Instant::now();
    let mut last = Instant::now();
    let mut done: u64 = 0;
    loop {
        let block = resp.read_amt(64 * 1024)?;
        if block.is_empty() {
            break;
        }
        file.write_all(&block)?;
        done += block.len() as u64;
        if show && last.elapsed() >= Duration::from_millis(200) {
            eprint!("\r{}\x1b[K", progress_line(done, total, start.elapsed()));
            last = Instant::now();
        }
    }
    file.flush()?;
    if show {
        eprintln!("\r{}\x1b[K", progress_line(done, total, start.elapsed()));
    }
    if let Some(t) = total {
        if done < t {
            return Err(Error::IncompleteRead {
                partial: done,
                expected: Some(t - done),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_text_is_escaped() {
        assert_eq!(
            printable("Not\x1b]0;pwned\x07 Found"),
            "Not\\u{1b}]0;pwned\\u{7} Found"
        );
        assert_eq!(printable("café"), "café");
    }

    #[test]
    fn progress_lines() {
        assert_eq!(
            progress_line(512 * 1024, Some(1024 * 1024), Duration::from_secs(1)),
            " 50.0% 512.0 KiB of 1.0 MiB  512.0 KiB/s  1s left"
        );
        assert_eq!(
            progress_line(10, None, Duration::from_secs(1)),
            "10 B  10 B/s"
        );
    }
}
