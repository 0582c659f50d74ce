//! `vnuk sentences`: one sentence per line; with `--spans`, each line is
//! `start<TAB>end<TAB>kind<TAB>sentence` with byte offsets into the input (prefixed by the
//! file name when there are several files).

use crate::args::SentencesArgs;
use crate::commands::CommandError;
use crate::commands::input::for_each_input;
use std::io::{self, Write};
use std::process::ExitCode;
use vi_text::sentence::{Sentence, SentenceKind, sentences_into};

/// Runs `vnuk sentences`.
pub fn run(args: &SentencesArgs) -> Result<ExitCode, CommandError> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut found: Vec<Sentence> = Vec::new();
    let several = args.files.len() > 1;
    for_each_input(&args.files, |name, text| {
        found.clear();
        sentences_into(text, &mut found);
        for sentence in &found {
            let slice = sentence.span.slice(text);
            if args.spans {
                if several {
                    write!(out, "{name}\t")?;
                }
                let kind = match sentence.kind {
                    SentenceKind::Text => "text",
                    SentenceKind::Caption => "caption",
                    SentenceKind::Credit => "credit",
                };
                writeln!(
                    out,
                    "{}\t{}\t{kind}\t{slice}",
                    sentence.span.start, sentence.span.end
                )?;
            } else {
                writeln!(out, "{slice}")?;
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
