//! ureq 3 (blocking, one Agent: keep-alive pool): seq and big.
//! See src/http_common.rs for the arguments.
#[path = "../http_common.rs"]
mod common;

use std::io::Read;

use common::{Meter, Mode, SMALL, check_len};

type Res<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

fn get(agent: &ureq::Agent, url: &str) -> Res<()> {
    let mut r = agent.get(url).call()?;
    check_len(r.body_mut().read_to_vec()?.len(), SMALL);
    Ok(())
}

fn main() -> Res<()> {
    let a = common::args();
    let url = a.url();
    let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
    match a.mode {
        Mode::Seq { n, warmup } => {
            for _ in 0..warmup {
                get(&agent, &url)?;
            }
            let m = Meter::start();
            for _ in 0..n {
                get(&agent, &url)?;
            }
            m.report_requests(n);
        }
        Mode::Big { bufsize } => {
            let mut buf = vec![0u8; bufsize];
            let m = Meter::start();
            let mut r = agent.get(&url).call()?;
            let want: u64 = r
                .headers()
                .get("content-length")
                .and_then(|v| v.to_str().ok()?.parse().ok())
                .unwrap_or(0);
            let mut rd = r.body_mut().as_reader();
            let mut total = 0u64;
            loop {
                let n = rd.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                total += n as u64;
            }
            m.report_bytes(total);
            check_len(total as usize, want as usize);
        }
        Mode::Conc { .. } => return Err("ureq is blocking: no conc mode".into()),
    }
    Ok(())
}
