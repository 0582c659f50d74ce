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
    /// Re-encode Vietnamese text: UTF-8, VNI, TCVN3, VISCII, VIQR, windows-1258 (bytes in, bytes
    /// out; the input encoding detected with `--from auto`).
    Convert(ConvertArgs),
}

/// Options of `vnuk convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// Encoding of the input: auto (detected per input), utf8, vni, tcvn3, viscii, viqr or
    /// cp1258 (aliases such as windows-1258, tcvn5712-1, abc are accepted).
    #[arg(long, default_value = "auto")]
    pub from: crate::commands::convert::Source,
    /// Encoding of the output: utf8, vni, tcvn3, viscii, viqr or cp1258.
    #[arg(long, default_value = "utf8")]
    pub to: vi_text::encoding::Encoding,
    /// Replace undecodable bytes and unencodable characters (reported on stderr) instead of
    /// failing.
    #[arg(long)]
    pub lossy: bool,
    /// Input files; stdin when none (or `-`). Outputs are concatenated on stdout.
    pub files: Vec<std::path::PathBuf>,
}
