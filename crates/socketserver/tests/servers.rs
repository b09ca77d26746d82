//! The servers on loopback: serve_forever and shutdown, handle_request and its
//! timeout, the hooks, panics in handlers, threading, datagrams, Unix sockets, and
//! CPython's socket module as a client.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, UdpSocket};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use netstd_core::Address;
use netstd_socketserver::{
    DatagramRequest, ServerOptions, StreamRequest, TCPServer, ThreadingTCPServer, UDPServer,
};

fn echo(req: &mut StreamRequest) -> std::io::Result<()> {
    let mut line = Vec::new();
    while req.read_until(b'\n', &mut line)? > 0 {
        req.write_all(&line)?;
        line.clear();
    }
    Ok(())
}

fn port(a: &Address) -> u16 {
    match a {
        Address::Inet(s) => s.port(),
        Address::Unix(_) => panic!("not inet"),
    }
}

fn talk(port: u16, line: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(line.as_bytes()).unwrap();
    s.shutdown(std::net::Shutdown::Write).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn serve_forever_until_shutdown() {
    let server = Arc::new(TCPServer::new(("127.0.0.1", 0), echo).unwrap());
    let p = port(&server.server_address());
    assert_ne!(p, 0, "server_address has the real port");
    let running = server.clone();
    let t = std::thread::spawn(move || running.serve_forever_with(Duration::from_millis(50)));
    assert_eq!(talk(p, "one\ntwo\n"), "one\ntwo\n");
    assert_eq!(talk(p, "three\n"), "three\n");
    server.shutdown();
    t.join().unwrap().unwrap();
    // serve_forever can run again after a shutdown, as in CPython
    let running = server.clone();
    let t = std::thread::spawn(move || running.serve_forever_with(Duration::from_millis(50)));
    assert_eq!(talk(p, "again\n"), "again\n");
    server.shutdown();
    t.join().unwrap().unwrap();
    server.server_close();
    assert!(TcpStream::connect(("127.0.0.1", p)).is_err());
}

#[test]
fn threading_serves_connections_at_once() {
    let server = Arc::new(ThreadingTCPServer::new(("127.0.0.1", 0), echo).unwrap());
    let p = port(&server.server_address());
    let running = server.clone();
    let t = std::thread::spawn(move || running.serve_forever_with(Duration::from_millis(50)));
    // a first client holds its connection open...
    let mut first = TcpStream::connect(("127.0.0.1", p)).unwrap();
    first.write_all(b"held\n").unwrap();
    let mut reader = BufReader::new(first.try_clone().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert_eq!(line, "held\n");
    // ...while a second one is served
    assert_eq!(talk(p, "second\n"), "second\n");
    drop(first);
    drop(reader);
    server.shutdown();
    t.join().unwrap().unwrap();
    server.server_close(); // joins the request threads (block_on_close)
}

#[test]
fn handle_request_timeout_and_hooks() {
    let timeouts = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(Mutex::new(Vec::new()));
    let opts = ServerOptions::new().timeout(Duration::from_millis(100));
    let mut server = TCPServer::new_with(
        ("127.0.0.1", 0),
        |req: &mut StreamRequest| {
            let mut line = String::new();
            req.read_line(&mut line)?;
            match line.trim() {
                "panic" => panic!("handler panicked on purpose"),
                "fail" => Err(std::io::Error::other("handler failed")),
                other => req.write_all(other.as_bytes()),
            }
        },
        opts,
    )
    .unwrap();
    let t = timeouts.clone();
    server.set_handle_timeout(move || {
        t.fetch_add(1, Ordering::SeqCst);
    });
    let e = errors.clone();
    server.set_handle_error(move |_, err| e.lock().unwrap().push(err.to_string()));
    server.set_verify_request(|addr| matches!(addr, Address::Inet(a) if a.ip().is_loopback()));
    let p = port(&server.server_address());
    server.handle_request().unwrap();
    assert_eq!(
        timeouts.load(Ordering::SeqCst),
        1,
        "nothing came: handle_timeout"
    );
    for (line, want) in [("panic\n", ""), ("fail\n", ""), ("ok\n", "ok")] {
        let client = std::thread::spawn(move || talk(p, line));
        // each call waits at most `timeout`: call until the client has been served
        while !client.is_finished() {
            server.handle_request().unwrap();
        }
        assert_eq!(client.join().unwrap(), want);
    }
    let errors = errors.lock().unwrap();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("handler panicked on purpose"));
    assert!(errors[1].contains("handler failed"));
}

#[test]
fn verify_request_refuses() {
    let mut server = TCPServer::new(("127.0.0.1", 0), echo).unwrap();
    server.set_verify_request(|_| false);
    let p = port(&server.server_address());
    let client = std::thread::spawn(move || {
        let mut s = TcpStream::connect(("127.0.0.1", p)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).map(|_| out)
    });
    server.handle_request().unwrap();
    // closed without an answer (end of stream, or a reset)
    assert!(client.join().unwrap().map_or(true, |out| out.is_empty()));
}

#[test]
fn udp_answers_each_datagram() {
    let server = Arc::new(
        UDPServer::new(("127.0.0.1", 0), |req: &mut DatagramRequest| {
            let mut text = Vec::new();
            req.read_to_end(&mut text)?;
            req.write_all(&text.to_ascii_uppercase())
        })
        .unwrap(),
    );
    let p = port(&server.server_address());
    let running = server.clone();
    let t = std::thread::spawn(move || running.serve_forever_with(Duration::from_millis(50)));
    let client = UdpSocket::bind("127.0.0.1:0").unwrap();
    client
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    for word in ["hello", "datagram"] {
        client.send_to(word.as_bytes(), ("127.0.0.1", p)).unwrap();
        let mut buf = [0u8; 64];
        let n = client.recv(&mut buf).unwrap();
        assert_eq!(&buf[..n], word.to_ascii_uppercase().as_bytes());
    }
    server.shutdown();
    t.join().unwrap().unwrap();
}

#[cfg(unix)]
#[test]
fn unix_stream_and_datagram_servers() {
    use std::os::unix::net::{UnixDatagram, UnixStream};
    let dir = netstd_testsupport::TempDir::new();
    let path = dir.path().join("s.sock");
    let server = Arc::new(TCPServer::new_unix(&path, echo, ServerOptions::new()).unwrap());
    assert!(matches!(server.server_address(), Address::Unix(Some(p)) if p == path));
    let running = server.clone();
    let t = std::thread::spawn(move || running.serve_forever_with(Duration::from_millis(50)));
    let mut c = UnixStream::connect(&path).unwrap();
    c.write_all(b"unix\n").unwrap();
    c.shutdown(std::net::Shutdown::Write).unwrap();
    let mut out = String::new();
    c.read_to_string(&mut out).unwrap();
    assert_eq!(out, "unix\n");
    server.shutdown();
    t.join().unwrap().unwrap();

    let dpath = dir.path().join("d.sock");
    let server = UDPServer::new_unix(
        &dpath,
        |req: &mut DatagramRequest| {
            let reply = [req.packet(), b"!"].concat();
            req.write_all(&reply)
        },
        ServerOptions::new(),
    )
    .unwrap();
    let cpath = dir.path().join("c.sock");
    let client = UnixDatagram::bind(&cpath).unwrap();
    client.send_to(b"hi", &dpath).unwrap();
    server.handle_request().unwrap();
    let mut buf = [0u8; 16];
    let n = client.recv(&mut buf).unwrap();
    assert_eq!(&buf[..n], b"hi!");
}

#[test]
fn bind_and_activate_later_with_reuse_address() {
    let opts = ServerOptions::new()
        .bind_and_activate(false)
        .allow_reuse_address(true)
        .request_queue_size(64);
    let server = TCPServer::new_with(("127.0.0.1", 0), echo, opts).unwrap();
    server.server_bind().unwrap();
    server.server_activate().unwrap();
    let p = port(&server.server_address());
    let client = std::thread::spawn(move || talk(p, "late\n"));
    server.handle_request().unwrap();
    assert_eq!(client.join().unwrap(), "late\n");
}

/// CPython's own socket client against our servers.
#[test]
fn cpython_clients() {
    let Some(python) = netstd_testsupport::interop::require("python3") else {
        return;
    };
    let tcp = Arc::new(ThreadingTCPServer::new(("127.0.0.1", 0), echo).unwrap());
    let udp = Arc::new(
        UDPServer::new(("127.0.0.1", 0), |req: &mut DatagramRequest| {
            let reply = req.packet().to_vec();
            req.write_all(&reply)
        })
        .unwrap(),
    );
    let (tp, up) = (port(&tcp.server_address()), port(&udp.server_address()));
    let (t1, t2) = (tcp.clone(), udp.clone());
    let a = std::thread::spawn(move || t1.serve_forever_with(Duration::from_millis(50)));
    let b = std::thread::spawn(move || t2.serve_forever_with(Duration::from_millis(50)));
    let script = format!(
        "import socket\n\
         s = socket.create_connection(('127.0.0.1', {tp}), timeout=10)\n\
         f = s.makefile('rwb')\n\
         for i in range(50):\n\
         \x20   f.write(b'line %d\\n' % i); f.flush()\n\
         \x20   assert f.readline() == b'line %d\\n' % i\n\
         u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.settimeout(10)\n\
         u.sendto(b'ping', ('127.0.0.1', {up}))\n\
         assert u.recvfrom(64)[0] == b'ping'\n\
         print('ok')\n"
    );
    let out = std::process::Command::new(python)
        .arg("-c")
        .arg(script)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "ok",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    tcp.shutdown();
    udp.shutdown();
    a.join().unwrap().unwrap();
    b.join().unwrap().unwrap();
}

#[cfg(unix)]
#[test]
fn forking_serves_each_connection_in_a_child() {
    use netstd_socketserver::ForkingTCPServer;
    let server = Arc::new(
        ForkingTCPServer::new(("127.0.0.1", 0), |req: &mut StreamRequest| {
            // the child's pid is not the server's
            writeln!(req, "{}", std::process::id())
        })
        .unwrap(),
    );
    let p = port(&server.server_address());
    let running = server.clone();
    let t = std::thread::spawn(move || running.serve_forever_with(Duration::from_millis(20)));
    let pids: Vec<u32> = (0..3)
        .map(|_| talk(p, "").trim().parse().unwrap())
        .collect();
    assert!(
        pids.iter().all(|&pid| pid != std::process::id()),
        "{pids:?}"
    );
    assert_ne!(pids[0], pids[1]);
    server.shutdown();
    t.join().unwrap().unwrap();
    server.server_close(); // reaps the children (block_on_close)
}
