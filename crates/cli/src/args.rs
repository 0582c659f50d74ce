//! Command-line arguments. Each subcommand's options are defined next to its variant here;
//! its behaviour lives in `commands/<name>.rs`.

use clap::{Parser, Subcommand};

/// vnuk: canonical, tokenized, segmented, lemmatized Vietnamese and Ukrainian text.
#[derive(Debug, Parser)]
#[command(name = "vnuk", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the version and the languages vnuk analyses.
    Version,
}
