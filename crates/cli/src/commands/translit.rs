//! `vnuk translit`: Ukrainian text in Latin letters (KMU-2010), line for line.

use crate::args::TranslitArgs;
use crate::commands::CommandError;
use crate::commands::input::transform_inputs;
use std::process::ExitCode;

/// Runs `vnuk translit`.
pub fn run(args: &TranslitArgs) -> Result<ExitCode, CommandError> {
    match args.system {
        crate::args::TranslitSystem::Kmu2010 => transform_inputs(&args.files, |text, out| {
            uk_text::translit_into(text, out);
        }),
    }
}
