//! One module per command.

pub mod convert;
pub mod detect;
pub mod tokenize;
pub mod translit;

use crate::args::{Cli, Command};
use std::process::ExitCode;

/// The error type of commands: a message for stderr.
pub type CommandError = Box<dyn std::error::Error>;

/// Runs the parsed command.
pub fn dispatch(cli: Cli) -> Result<ExitCode, CommandError> {
    match cli.command {
        Command::Version => {
            println!("vnuk {} (vi, uk)", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        Command::Convert(args) => convert::run(&args),
        Command::Tokenize(args) => tokenize::run(&args),
        Command::Translit(args) => translit::run(&args),
        Command::Detect(args) => detect::run(&args),
    }
}
