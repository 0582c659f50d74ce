//! `vnuk fold`: text without diacritics (đ → d), for search keys, line for line.

use crate::args::TextFilesArgs;
use crate::commands::CommandError;
use crate::commands::input::transform_inputs;
use std::process::ExitCode;

/// Runs `vnuk fold`.
pub fn run(args: &TextFilesArgs) -> Result<ExitCode, CommandError> {
    transform_inputs(&args.files, vi_text::fold::fold_into)
}
