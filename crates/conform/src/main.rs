//! `netstd-conform`: the conformance driver of `../shared/conform/PROTOCOL.md`.
//!
//! Reads JSON lines on stdin and writes exactly one JSON line per non-blank input line
//! on stdout, flushed at once; nothing else ever goes to stdout. Diagnostics, panics
//! included, go to stderr.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    // A panic inside a call is answered DriverPanic; its report goes to stderr only.
    std::panic::set_hook(Box::new(|info| {
        let _ = writeln!(io::stderr(), "netstd-conform: {info}");
    }));
    let mut input = io::stdin().lock();
    let mut output = io::stdout().lock();
    let mut line = Vec::new();
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => return ExitCode::SUCCESS,
            Ok(_) => {}
            Err(e) => {
                let _ = writeln!(io::stderr(), "netstd-conform: reading stdin: {e}");
                return ExitCode::FAILURE;
            }
        }
        let Some(reply) = netstd_conform::handle_bytes(&line) else {
            continue;
        };
        if let Err(e) = writeln!(output, "{reply}").and_then(|()| output.flush()) {
            let _ = writeln!(io::stderr(), "netstd-conform: writing stdout: {e}");
            return ExitCode::FAILURE;
        }
    }
}
