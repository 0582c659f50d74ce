//! Reading the inputs of the line-oriented text commands: files, or stdin when none is given
//! (or `-`), as UTF-8, with errors that name the file and the byte offset.

use crate::commands::CommandError;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Why an input could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file (or stdin) could not be read.
    #[error("{name}: cannot read: {source}")]
    Read {
        /// The file name, or `<stdin>`.
        name: String,
        /// The I/O error.
        source: io::Error,
    },
    /// The input is not UTF-8.
    #[error("{name}: invalid UTF-8 at byte offset {offset}")]
    Utf8 {
        /// The file name, or `<stdin>`.
        name: String,
        /// Offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
}

/// Reads one input (a file, or stdin for `-`) as UTF-8 text.
pub(crate) fn read_text(path: &Path) -> Result<(String, String), InputError> {
    let stdin = path.as_os_str() == "-";
    let name = if stdin {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    };
    let mut bytes = Vec::new();
    let read = if stdin {
        io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    read.map_err(|source| InputError::Read {
        name: name.clone(),
        source,
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text)),
        Err(error) => Err(InputError::Utf8 {
            offset: error.utf8_error().valid_up_to(),
            name,
        }),
    }
}

/// Runs `each(name, text)` over the inputs: the files, or stdin when there are none.
pub(crate) fn for_each_input(
    files: &[PathBuf],
    mut each: impl FnMut(&str, &str) -> Result<(), CommandError>,
) -> Result<(), CommandError> {
    let stdin = [PathBuf::from("-")];
    let inputs = if files.is_empty() { &stdin[..] } else { files };
    for path in inputs {
        let (name, text) = read_text(path)?;
        each(&name, &text)?;
    }
    Ok(())
}

/// Runs `transform` over every input and writes the results to stdout.
pub(crate) fn transform_inputs(
    files: &[PathBuf],
    mut transform: impl FnMut(&str, &mut String),
) -> Result<ExitCode, CommandError> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut buf = String::new();
    for_each_input(files, |_, text| {
        buf.clear();
        transform(text, &mut buf);
        out.write_all(buf.as_bytes())?;
        Ok(())
    })?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
