//! `vnuk unsegment`: the underscores of word-segmented compounds become spaces; underscores
//! that belong to the text (snake_case, URLs, e-mail addresses) stay.

use crate::args::TextFilesArgs;
use crate::commands::CommandError;
use crate::commands::input::transform_inputs;
use std::process::ExitCode;

/// Runs `vnuk unsegment`.
pub fn run(args: &TextFilesArgs) -> Result<ExitCode, CommandError> {
    transform_inputs(&args.files, |text, out| {
        vi_text::compound::unsegment_into(text, out);
    })
}
