//! netstd's urllib.request.urlopen: N fetches of one URL, a new connection each
//! (as urllib does). Usage: urlopen-netstd URL N WARMUP. Prints the JSON of
//! src/http_common.rs's Meter (rps, user CPU per request, allocations).
#[path = "../http_common.rs"]
#[allow(dead_code)]
mod common;

use std::collections::BTreeMap;

use common::{Meter, SMALL, check_len};
use netstd_httpclient::urllib::request::{BaseHandler, ProxyHandler, build_opener};

type Res<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, url, n, warmup] = &args[..] else {
        eprintln!("usage: urlopen-netstd URL N WARMUP");
        std::process::exit(2);
    };
    let (n, warmup): (usize, usize) = (n.parse()?, warmup.parse()?);
    // urlopen's own opener, without proxies from the environment
    let opener = build_opener(vec![Box::new(ProxyHandler::new(Some(BTreeMap::new()))) as Box<dyn BaseHandler>]);
    let fetch = || -> Res<()> {
        let mut r = opener.open(url.as_str())?;
        check_len(r.read()?.len(), SMALL);
        Ok(())
    };
    for _ in 0..warmup {
        fetch()?;
    }
    let m = Meter::start();
    for _ in 0..n {
        fetch()?;
    }
    m.report_requests(n);
    Ok(())
}
