//! `vnuk clean --preset lm`: text for language models, one sentence per line, lower case,
//! letters only, lines cut at `--max-words`.

use crate::args::{CleanArgs, CleanPreset};
use crate::commands::CommandError;
use crate::commands::input::transform_inputs;
use std::process::ExitCode;
use vi_text::clean::{CleanOptions, clean_lm};

/// Runs `vnuk clean`.
pub fn run(args: &CleanArgs) -> Result<ExitCode, CommandError> {
    let options = CleanOptions {
        max_words: (args.max_words > 0).then_some(args.max_words),
        drop_captions: !args.keep_captions,
    };
    match args.preset {
        CleanPreset::Lm => transform_inputs(&args.files, |text, out| {
            clean_lm(text, &options, out);
        }),
    }
}
