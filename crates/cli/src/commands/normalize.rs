//! `vnuk normalize`: canonical Vietnamese text (NFC or NFD, tone marks placed in one style)
//! or canonical Ukrainian text (apostrophes, stress marks, look-alike letters), line for line.

use crate::args::NormalizeArgs;
use crate::commands::CommandError;
use crate::commands::input::transform_inputs;
use core_model::Language;
use std::process::ExitCode;
use vi_text::normalize::{Form, Normalizer};

/// Runs `vnuk normalize`.
pub fn run(args: &NormalizeArgs) -> Result<ExitCode, CommandError> {
    match args.lang {
        Language::Vi => {
            let normalizer = Normalizer::new()
                .with_tone_style(args.tone_style)
                .with_form(if args.nfd { Form::Nfd } else { Form::Nfc });
            transform_inputs(&args.files, |text, out| {
                normalizer.normalize_into(text, out);
            })
        }
        Language::Uk => {
            let mut normalizer = uk_text::Normalizer::default().with_lowercase(args.lowercase);
            if let Some(apostrophe) = args.apostrophe {
                normalizer = normalizer
                    .with_apostrophe(apostrophe)
                    .map_err(|e| format!("normalize: --apostrophe: {e}"))?;
            }
            transform_inputs(&args.files, |text, out| {
                normalizer.normalize_into(text, out);
            })
        }
        other => {
            Err(format!("normalize: --lang {other} is not supported (supported: vi, uk)").into())
        }
    }
}
