//! reqwest: the blocking Client (seq, big) and the async Client with its pool (conc).
//! See src/http_common.rs for the arguments.
#[path = "../http_common.rs"]
mod common;

use std::io::Read;

use common::{Meter, Mode, SMALL, check_len};

type Res<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

fn get(c: &reqwest::blocking::Client, url: &str) -> Res<()> {
    let r = c.get(url).send()?.error_for_status()?;
    check_len(r.bytes()?.len(), SMALL);
    Ok(())
}

async fn aget(c: &reqwest::Client, url: &str) -> Res<()> {
    let r = c.get(url).send().await?.error_for_status()?;
    check_len(r.bytes().await?.len(), SMALL);
    Ok(())
}

fn main() -> Res<()> {
    let a = common::args();
    let url = a.url();
    match a.mode {
        Mode::Seq { n, warmup } => {
            let c = reqwest::blocking::Client::builder().timeout(None).build()?;
            for _ in 0..warmup {
                get(&c, &url)?;
            }
            let m = Meter::start();
            for _ in 0..n {
                get(&c, &url)?;
            }
            m.report_requests(n);
        }
        Mode::Big { bufsize } => {
            let c = reqwest::blocking::Client::builder().timeout(None).build()?;
            let mut buf = vec![0u8; bufsize];
            let m = Meter::start();
            let mut r = c.get(&url).send()?.error_for_status()?;
            let want = r.content_length().unwrap_or(0);
            let mut total = 0u64;
            loop {
                let n = r.read(&mut buf)?;
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
                let client = reqwest::Client::builder().pool_max_idle_per_host(conns).build()?;
                let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(conns + 1));
                let mut tasks = Vec::new();
                for i in 0..conns {
                    let per = total / conns + usize::from(i < total % conns);
                    let (client, url, barrier) = (client.clone(), url.clone(), barrier.clone());
                    tasks.push(tokio::spawn(async move {
                        aget(&client, &url).await?; // connect and warm up
                        barrier.wait().await;
                        for _ in 0..per {
                            aget(&client, &url).await?;
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
