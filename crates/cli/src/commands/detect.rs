//! `vnuk detect`: the language of each input (or each line), with a confidence.

use crate::args::DetectArgs;
use crate::commands::CommandError;
use crate::commands::input::for_each_input;
use std::io::{self, Write};
use std::process::ExitCode;
use uk_text::Detection;

/// Writes `LANG<TAB>confidence`, after `prefix<TAB>` when given.
fn write_detection(
    out: &mut impl Write,
    prefix: Option<&str>,
    detection: Detection,
) -> io::Result<()> {
    if let Some(prefix) = prefix {
        write!(out, "{prefix}\t")?;
    }
    writeln!(out, "{}\t{:.3}", detection.language, detection.confidence)
}

/// Runs `vnuk detect`.
pub fn run(args: &DetectArgs) -> Result<ExitCode, CommandError> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let several = args.files.len() > 1;
    for_each_input(&args.files, |name, text| {
        let prefix = several.then_some(name);
        if args.lines {
            for (_, detection) in uk_text::detect_lines(text) {
                write_detection(&mut out, prefix, detection)?;
            }
        } else {
            write_detection(&mut out, prefix, uk_text::detect(text))?;
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
