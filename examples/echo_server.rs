//! What Python code does most with `socketserver`, through the facade: a threading
//! TCP echo server (`socketserver.ThreadingTCPServer` with a
//! `StreamRequestHandler`), talked to by a client, then shut down from another
//! thread.
//!
//!     cargo run --example echo_server

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::sync::Arc;

use netstd::socket::Address;
use netstd::socketserver::{StreamRequest, ThreadingTCPServer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let server = Arc::new(ThreadingTCPServer::new(
        ("127.0.0.1", 0),
        |req: &mut StreamRequest| {
            // handle(self): echo each line from self.rfile to self.wfile
            let mut line = Vec::new();
            while req.read_until(b'\n', &mut line)? > 0 {
                req.write_all(&line.to_ascii_uppercase())?;
                line.clear();
            }
            Ok(())
        },
    )?);
    let Address::Inet(addr) = server.server_address() else {
        return Err("not a TCP address".into());
    };
    println!("serving on {addr}");
    let running = server.clone();
    let thread = std::thread::spawn(move || running.serve_forever());

    let stream = TcpStream::connect(addr)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    for word in ["hello", "socketserver"] {
        writeln!(writer, "{word}")?;
        let mut answer = String::new();
        reader.read_line(&mut answer)?;
        print!("{word} -> {answer}");
    }
    drop(writer);
    server.shutdown();
    thread.join().map_err(|_| "the server thread panicked")??;
    Ok(())
}
