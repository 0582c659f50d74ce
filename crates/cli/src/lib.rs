//! The `vnuk` command-line tool, as a library: argument definitions, one module per command,
//! and the data-artifact management that `cargo xtask build-data` shares.
//!
//! Exit status: 0 success, 1 the command could not run (bad arguments, unreadable lexicon,
//! I/O error), 3 some documents failed in a corpus run (`vnuk process`), 4 `vnuk lookup`
//! matched nothing.

use clap::Parser;
use std::process::ExitCode;

mod args;
pub mod artifacts;
mod commands;

pub use args::{Cli, Command};
pub use commands::segment::{SegmentModelOutcome, build_segment_model};

/// Parses the process arguments, runs the command and returns its exit status.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match commands::dispatch(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("vnuk: {error}");
            ExitCode::from(1)
        }
    }
}
