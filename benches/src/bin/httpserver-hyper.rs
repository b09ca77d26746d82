//! hyper 1.x, the peer of netstd's async HTTP server (scripts/bench-httpserver,
//! scripts/load-httpserver).
//!
//!   httpserver-hyper PORT
//!       HTTP/1.1 only (`hyper::server::conn::http1`, keep-alive on, hyper's
//!       defaults otherwise), every request answered with 200 and the 13-byte body
//!       `Hello, world!` (`Content-Length: 13`, hyper's `Date`), a task per
//!       connection on tokio's multi-thread runtime, `TCP_NODELAY` on accepted
//!       sockets as netstd's `aio::TCPServer` sets it, a listen backlog of 1024
//!       (netstd's async server's); serves on 127.0.0.1:PORT until killed.

use std::convert::Infallible;
use std::net::SocketAddr;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;

async fn hello(_req: Request<Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
    Ok(Response::builder()
        .header("Content-Length", "13")
        .body(Full::new(Bytes::from_static(b"Hello, world!")))
        .expect("a valid response"))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port: u16 = match std::env::args().nth(1).map(|a| a.parse()) {
        Some(Ok(p)) => p,
        _ => {
            eprintln!("usage: httpserver-hyper PORT");
            std::process::exit(2);
        }
    };
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    let listener = socket.listen(1024)?;
    loop {
        let Ok((tcp, _)) = listener.accept().await else {
            continue;
        };
        let _ = tcp.set_nodelay(true);
        tokio::spawn(async move {
            let _ = http1::Builder::new()
                .keep_alive(true)
                .serve_connection(TokioIo::new(tcp), service_fn(hello))
                .await;
        });
    }
}
