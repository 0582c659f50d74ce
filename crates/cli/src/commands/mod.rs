//! One module per command.

pub mod clean;
pub mod convert;
pub mod data;
pub mod detect;
pub mod eval;
pub mod fold;
mod input;
mod json;
pub mod lemmatize;
pub mod lookup;
pub mod normalize;
pub mod process;
pub mod segment;
pub mod sentences;
pub mod tokenize;
pub mod translit;
pub mod unsegment;

use crate::args::{Cli, Command};
use std::process::ExitCode;

/// The error type of commands: a message for stderr.
pub type CommandError = Box<dyn std::error::Error>;

/// The data directory of this run (see [`crate::artifacts::resolve_data_dir`]).
fn data_dir(explicit: Option<&std::path::Path>) -> std::path::PathBuf {
    crate::artifacts::resolve_data_dir(explicit)
}

/// Runs the parsed command.
pub fn dispatch(cli: Cli) -> Result<ExitCode, CommandError> {
    match cli.command {
        Command::Version => {
            println!("vnuk {} (vi, uk)", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        Command::Process(args) => process::run(&args, &data_dir(cli.data_dir.as_deref())),
        Command::Lookup(args) => lookup::run(&args, &data_dir(cli.data_dir.as_deref())),
        Command::Data(command) => data::run(&command, &data_dir(cli.data_dir.as_deref())),
        Command::Normalize(args) => normalize::run(&args),
        Command::Fold(args) => fold::run(&args),
        Command::Unsegment(args) => unsegment::run(&args),
        Command::Clean(args) => clean::run(&args),
        Command::Sentences(args) => sentences::run(&args),
        Command::Tokenize(args) => tokenize::run(&args),
        Command::Segment(args) => segment::run(&args, &data_dir(cli.data_dir.as_deref())),
        Command::Eval(command) => eval::run(&command, &data_dir(cli.data_dir.as_deref())),
        Command::Lemmatize(args) => lemmatize::run(&args, &data_dir(cli.data_dir.as_deref())),
        Command::Translit(args) => translit::run(&args),
        Command::Detect(args) => detect::run(&args),
        Command::Convert(args) => convert::run(&args),
    }
}
