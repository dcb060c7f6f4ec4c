//! The `eventline` binary: parse the command line, run, print errors once,
//! exit with a documented code (see `cli::exit`).

mod cli;

use std::process::ExitCode;

use clap::Parser;
use eventline::StoreError;

use cli::{exit, Cli};

// Extraction allocates a token, a string and a vector at every turn; glibc's
// malloc and free were a fifth of its instructions. Built with "override",
// so RocksDB's C++ allocates from the same heap: memory one side allocates
// the other may free (see Cargo.toml).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // A closed pipe (`eventline query ... | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::from(exit::OK);
            }
            eprintln!("error: {e:#}");
            let locked = e.chain().any(|c| {
                matches!(
                    c.downcast_ref::<StoreError>(),
                    Some(StoreError::Locked { .. })
                )
            });
            ExitCode::from(if locked { exit::LOCKED } else { exit::ERROR })
        }
    }
}
