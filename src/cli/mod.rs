//! The command line: [`args`] mirrors what the user typed; one module per
//! subcommand turns its arguments into library calls and prints. Only the
//! binary prints.

mod args;
mod dates;
mod export;
mod extract;
mod ingest;
mod link;
mod load;
mod progress;
mod push;
mod query;
mod remote;
mod remove;
mod serve;
mod stats;
mod timeline;

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use eventline::{EventStore, StoreError};

pub(crate) use args::Cli;
use args::{Command, StoreArg};

/// `println!` that reports a closed pipe as an error instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)?
    };
}
pub(crate) use outln;

/// Exit codes (documented in the README).
pub(crate) mod exit {
    pub(crate) const OK: u8 = 0;
    /// `ingest --strict` skipped some inputs; `remove` of an unknown id.
    pub(crate) const SKIPPED: u8 = 1;
    /// Bad input, bad query, unwritable output, unknown format.
    pub(crate) const ERROR: u8 = 2;
    /// The store is in use by another process.
    pub(crate) const LOCKED: u8 = 3;
}

/// Runs a parsed command line; returns the exit code.
pub(crate) fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Ingest(a) => ingest::run(a),
        Command::Query(a) => query::run(a),
        Command::Export(a) => export::run(a),
        Command::Timeline(a) => timeline::run(a),
        Command::Stats(a) => stats::run(a),
        Command::Dates(a) => dates::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Load(a) => load::run(a),
        Command::Remove(a) => remove::run(a),
        Command::Serve(a) => serve::run(a),
        Command::Link(a) => link::run(a),
        Command::Push(a) => push::run(a),
    }
}

/// Today, by the system clock: read here, once, and passed down, so the
/// library never reads the clock.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Opens the store, retrying while another process holds it if asked to.
fn open_store(arg: &StoreArg) -> Result<EventStore> {
    let deadline = Instant::now() + Duration::from_secs(arg.wait);
    loop {
        match EventStore::open(&arg.store) {
            Err(StoreError::Locked { .. }) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(200));
            }
            other => return Ok(other?),
        }
    }
}

/// Creates an output file, and its directory when missing.
fn create_output(p: &Path) -> Result<std::fs::File> {
    if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create the output directory", dir.display()))?;
    }
    std::fs::File::create(p)
        .with_context(|| format!("{}: cannot write the output file", p.display()))
}
