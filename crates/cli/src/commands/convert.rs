//! `vnuk convert`: re-encode Vietnamese text between UTF-8 and the legacy encodings (VNI,
//! TCVN3, VISCII, VIQR, windows-1258). Bytes in, bytes out: each input is read whole, decoded
//! (its encoding detected when `--from auto`), encoded and written to stdout.
//!
//! Errors name the input and the byte offset in it; nothing is replaced silently. With
//! `--lossy`, undecodable bytes become U+FFFD (or `?` when the output encoding lacks it) and
//! unencodable characters become `?`, each replacement reported on stderr.

use crate::args::ConvertArgs;
use crate::commands::CommandError;
use std::fmt;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::str::FromStr;
use vi_text::encoding::{self, Encoding, UnknownEncoding};

/// The encoding of the input: named, or detected per input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Detect the encoding of each input.
    Auto,
    /// This encoding.
    Known(Encoding),
}

impl FromStr for Source {
    type Err = UnknownEncoding;

    fn from_str(s: &str) -> Result<Source, UnknownEncoding> {
        if s.eq_ignore_ascii_case("auto") {
            Ok(Source::Auto)
        } else {
            s.parse().map(Source::Known)
        }
    }
}

/// A conversion failure, located in its input.
#[derive(Debug)]
struct ConvertError {
    input: String,
    message: String,
}

impl fmt::Display for ConvertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.input, self.message)
    }
}

impl std::error::Error for ConvertError {}

/// Runs `vnuk convert`.
pub fn run(args: &ConvertArgs) -> Result<ExitCode, CommandError> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let stdin_only = [Path::new("-").to_path_buf()];
    let inputs = if args.files.is_empty() {
        &stdin_only[..]
    } else {
        &args.files[..]
    };
    let mut bytes = Vec::new();
    let mut text = String::new();
    let mut encoded = Vec::new();
    for path in inputs {
        let name = if path.as_os_str() == "-" {
            "<stdin>".to_owned()
        } else {
            path.display().to_string()
        };
        let fail = |message: String| ConvertError {
            input: name.clone(),
            message,
        };
        bytes.clear();
        let read = if path.as_os_str() == "-" {
            io::stdin().lock().read_to_end(&mut bytes)
        } else {
            std::fs::File::open(path).and_then(|mut file| file.read_to_end(&mut bytes))
        };
        read.map_err(|e| fail(format!("cannot read: {e}")))?;

        let from = match args.from {
            Source::Known(encoding) => encoding,
            Source::Auto => encoding::detect(&bytes).encoding,
        };
        text.clear();
        if args.lossy {
            let mut errors = Vec::new();
            encoding::decode_lossy_into(&bytes, from, &mut text, &mut errors);
            for error in &errors {
                eprintln!("vnuk: {name}: replaced: {error}");
            }
        } else {
            encoding::decode_into(&bytes, from, &mut text).map_err(|e| fail(e.to_string()))?;
        }

        encoded.clear();
        if args.lossy {
            encode_lossy(&text, args.to, &mut encoded, |error| {
                eprintln!(
                    "vnuk: {name}: replaced: cannot encode {:?} (U+{:04X}) at input byte offset {} in {}",
                    error.character,
                    u32::from(error.character),
                    input_offset(&bytes, from, error.offset),
                    error.encoding
                );
            });
        } else if let Err(error) = encoding::encode_into(&text, args.to, &mut encoded) {
            let decoded = if from == Encoding::Utf8 {
                String::new()
            } else {
                format!(" (byte {} of the text decoded from {from})", error.offset)
            };
            return Err(fail(format!(
                "cannot encode {:?} (U+{:04X}) at input byte offset {}{decoded} in {}",
                error.character,
                u32::from(error.character),
                input_offset(&bytes, from, error.offset),
                error.encoding
            ))
            .into());
        }
        out.write_all(&encoded)
            .map_err(|e| fail(format!("cannot write the output: {e}")))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Encodes `text`, writing `?` (`\?` in VIQR) for each character `to` cannot represent.
fn encode_lossy(
    text: &str,
    to: Encoding,
    out: &mut Vec<u8>,
    mut report: impl FnMut(&encoding::EncodeError),
) {
    let mut done = 0;
    while let Some(rest) = text.get(done..) {
        match encoding::encode_into(rest, to, out) {
            Ok(()) => return,
            Err(mut error) => {
                // The text before the failure is whole clusters, so it encodes on its own.
                let before = rest.get(..error.offset).unwrap_or_default();
                let _ = encoding::encode_into(before, to, out);
                out.extend_from_slice(if to == Encoding::Viqr { b"\\?" } else { b"?" });
                error.offset += done;
                report(&error);
                let skip = rest
                    .get(error.offset - done..)
                    .and_then(|s| s.chars().next())
                    .map_or(1, char::len_utf8);
                done = error.offset + skip;
            }
        }
    }
}

/// The byte offset in `bytes` (decoded from `from`) of the character at `text_offset` in the
/// decoded text: the shortest prefix whose decoding reaches past it.
fn input_offset(bytes: &[u8], from: Encoding, text_offset: usize) -> usize {
    if from == Encoding::Utf8 {
        return text_offset;
    }
    let decoded_len = |end: usize| encoding::decode_lossy(&bytes[..end], from).0.len();
    let (mut low, mut high) = (0, bytes.len());
    while low < high {
        let mid = low + (high - low) / 2;
        if decoded_len(mid + 1) > text_offset {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    low
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_parse() {
        assert_eq!("auto".parse::<Source>().unwrap(), Source::Auto);
        assert_eq!(
            "VNI".parse::<Source>().unwrap(),
            Source::Known(Encoding::Vni)
        );
        assert!("latin9".parse::<Source>().is_err());
    }

    #[test]
    fn offsets_map_back_to_the_input() {
        // "Việt €" in VNI is `Vie\xe4t \x80`: '€' is the 8th character, byte 6 of the input.
        let bytes = b"Vie\xe4t \x80";
        let text = encoding::decode(bytes, Encoding::Vni).unwrap();
        let at = text.find('€').unwrap();
        assert_eq!(input_offset(bytes, Encoding::Vni, at), 6);
        assert_eq!(input_offset(bytes, Encoding::Vni, 0), 0);
    }

    #[test]
    fn lossy_encoding_replaces_and_reports() {
        let mut out = Vec::new();
        let mut seen = Vec::new();
        encode_lossy("a€b€", Encoding::Viscii, &mut out, |e| {
            seen.push(e.offset)
        });
        assert_eq!(out, b"a?b?");
        assert_eq!(seen, [1, 5]);
        out.clear();
        encode_lossy("a€", Encoding::Viqr, &mut out, |_| {});
        assert_eq!(encoding::decode(&out, Encoding::Viqr).unwrap(), "a?");
    }
}
