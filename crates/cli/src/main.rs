//! `netstd`: the home of netstd's `python -m` equivalents. Each subcommand is the
//! Python module's command line (`python -m uuid` is `netstd uuid`), added by the
//! crate that implements the module; `netstd --help` lists exactly those that exist.

mod commands;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Python's network modules' command lines, in Rust.
#[derive(Debug, Parser)]
#[command(
    name = "netstd",
    version,
    about = "Python's network modules' command lines (python -m MODULE), in Rust."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the files of a directory over HTTP (`python -m http.server`).
    #[command(name = "http.server")]
    HttpServer(commands::http_server::Args),
    /// Fetch a URL with urllib.request's opener (`urllib.request.urlopen`).
    Urlopen(commands::urlopen::Args),
    /// Generate UUIDs (`python -m uuid`).
    Uuid(commands::uuid::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::HttpServer(args) => return commands::http_server::run(args),
        Command::Urlopen(args) => return commands::urlopen::run(args),
        Command::Uuid(args) => commands::uuid::run(args, &mut std::io::stdout().lock()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => e.exit(),
    }
}
