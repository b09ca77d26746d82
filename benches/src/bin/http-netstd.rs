//! netstd-httpclient: the blocking HTTPConnection (seq, big) and the aio face (conc).
//! See src/http_common.rs for the arguments.
#[path = "../http_common.rs"]
mod common;

use common::{Meter, Mode, SMALL, check_len};
use netstd_httpclient::{ConnectionOptions, HTTPConnection, aio};

type Res<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

fn get(c: &mut HTTPConnection, path: &str) -> Res<()> {
    c.request("GET", path)?;
    let mut r = c.getresponse()?;
    check_len(r.read()?.len(), SMALL);
    Ok(())
}

async fn aget(c: &mut aio::HTTPConnection, path: &str) -> Res<()> {
    c.request("GET", path).await?;
    let mut r = c.getresponse().await?;
    check_len(r.read().await?.len(), SMALL);
    Ok(())
}

fn main() -> Res<()> {
    let a = common::args();
    let opts = ConnectionOptions::new();
    match a.mode {
        Mode::Seq { n, warmup } => {
            let mut c = HTTPConnection::new_with(&a.addr, &opts)?;
            for _ in 0..warmup {
                get(&mut c, &a.path)?;
            }
            let m = Meter::start();
            for _ in 0..n {
                get(&mut c, &a.path)?;
            }
            m.report_requests(n);
        }
        Mode::Big { bufsize } => {
            let mut c = HTTPConnection::new_with(&a.addr, &opts)?;
            let mut buf = vec![0u8; bufsize];
            let m = Meter::start();
            c.request("GET", &a.path)?;
            let mut r = c.getresponse()?;
            let want: u64 = r.getheader("Content-Length").and_then(|v| v.parse().ok()).unwrap_or(0);
            let mut total = 0u64;
            loop {
                let n = r.readinto(&mut buf)?;
                if n == 0 {
                    break;
                }
                total += n as u64;
            }
            m.report_bytes(total);
            check_len(total as usize, want as usize);
        }
        Mode::Conc { total, conns } => {
            let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
            rt.block_on(async {
                let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(conns + 1));
                let mut tasks = Vec::new();
                for i in 0..conns {
                    let per = total / conns + usize::from(i < total % conns);
                    let (addr, path, barrier) = (a.addr.clone(), a.path.clone(), barrier.clone());
                    tasks.push(tokio::spawn(async move {
                        let mut c = aio::HTTPConnection::new_with(&addr, &ConnectionOptions::new())?;
                        aget(&mut c, &path).await?; // connect and warm up
                        barrier.wait().await;
                        for _ in 0..per {
                            aget(&mut c, &path).await?;
                        }
                        Res::Ok(())
                    }));
                }
                barrier.wait().await;
                let m = Meter::start();
                for t in tasks {
                    t.await??;
                }
                m.report_requests(total);
                Res::Ok(())
            })?;
        }
    }
    Ok(())
}
