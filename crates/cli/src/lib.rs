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

/// The whole-corpus analysis of `vnuk process`, for callers that hold documents in memory.
///
/// ```no_run
/// let data = vnuk_cli::artifacts::default_data_dir();
/// let analyzer = vnuk_cli::process::open_analyzer(&data).expect("lexicons");
/// let json = vnuk_cli::process::document_record(
///     &analyzer,
///     "doc-1",
///     "Xin chào. Привіт!".as_bytes().to_vec(),
///     false,
///     vnuk_cli::process::OutputFormat::Jsonl,
/// );
/// assert!(json.starts_with("{\"id\":\"doc-1\""));
/// ```
pub mod process {
    pub use crate::commands::process::{
        Analyzer, InputFormat, OutputFormat, document_record, open_analyzer,
    };
}
pub use commands::segment::{SegmentModelOutcome, build_segment_model};

/// Parses the process arguments, runs the command and returns its exit status.
pub fn run() -> ExitCode {
    run_cli(Cli::parse())
}

/// Parses `args` (the first is the program name, as in `std::env::args`), runs the command
/// and returns its exit status: the `vnuk` binary, callable in-process.
pub fn run_from<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    match Cli::try_parse_from(args) {
        Ok(cli) => run_cli(cli),
        Err(error) => {
            let _ = error.print();
            ExitCode::from(if error.use_stderr() { 2 } else { 0 })
        }
    }
}

fn run_cli(cli: Cli) -> ExitCode {
    match commands::dispatch(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("vnuk: {error}");
            ExitCode::from(1)
        }
    }
}
