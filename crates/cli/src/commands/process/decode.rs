//! From a document's bytes to its text: binary data is skipped with a reason, invalid UTF-8
//! fails with the offset of the first bad byte (or, with `--lossy`, is replaced by U+FFFD and
//! flagged), NUL bytes are kept and counted (the analysis treats them as line breaks).

use super::input::{Content, Failure};

/// Magic numbers of binary formats that turn up in scraped corpora.
const BINARY_MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"RIFF", "RIFF media"),
    (b"\x00asm", "WebAssembly module"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"BZh", "bzip2 stream"),
    (b"\xfd7zXZ", "xz stream"),
];

/// How much of the start of a document the binary check reads.
const SNIFF_LEN: usize = 8192;

/// A document's text and what was repaired on the way.
#[derive(Debug)]
pub struct Decoded {
    /// The text: the original bytes, or with `lossy` the repaired ones.
    pub text: String,
    /// Invalid UTF-8 was replaced by U+FFFD (spans then index the repaired text).
    pub lossy: bool,
    /// Byte offset of the first invalid sequence in the original bytes, when `lossy`.
    pub first_invalid: Option<u64>,
    /// NUL bytes in the text.
    pub nul_bytes: u64,
}

/// Decodes `bytes` into text.
///
/// # Errors
/// A [`Failure`] of kind `binary` (skipped) or `invalid-utf8`.
pub fn decode(content: Content, lossy: bool) -> Result<Decoded, Failure> {
    let bytes = match content {
        // The text of a JSON line is valid UTF-8 already, and text by declaration.
        Content::Text(text) => {
            let nul_bytes = count_nul_bytes(text.as_bytes());
            return Ok(Decoded {
                text,
                lossy: false,
                first_invalid: None,
                nul_bytes,
            });
        }
        Content::Bytes(bytes) => bytes,
    };
    if let Some(reason) = binary_reason(&bytes) {
        return Err(Failure {
            skipped: true,
            ..Failure::new("binary", format!("binary data ({reason}); skipped"))
        });
    }
    let nul_bytes = count_nul_bytes(&bytes);
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            lossy: false,
            first_invalid: None,
            nul_bytes,
        }),
        Err(error) => {
            let offset = error.utf8_error().valid_up_to() as u64;
            if !lossy {
                return Err(Failure {
                    offset: Some(offset),
                    ..Failure::new(
                        "invalid-utf8",
                        format!(
                            "invalid UTF-8 at byte offset {offset} (use --lossy to replace invalid bytes and go on)"
                        ),
                    )
                });
            }
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            Ok(Decoded {
                text,
                lossy: true,
                first_invalid: Some(offset),
                nul_bytes,
            })
        }
    }
}

fn count_nul_bytes(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(0, bytes).count() as u64
}

/// Why `bytes` look like binary data, if they do: a known magic number, or many control
/// bytes (other than tab, line feed, carriage return, form feed and escape) near the start.
fn binary_reason(bytes: &[u8]) -> Option<String> {
    for (magic, name) in BINARY_MAGIC {
        if bytes.starts_with(magic) {
            return Some((*name).to_owned());
        }
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.is_empty() {
        return None;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b) || b == 0x7f)
        .count();
    // Text with a few stray NUL or control bytes stays text; a tenth of the first bytes
    // being control codes does not happen in text.
    (control * 10 > head.len())
        .then(|| format!("{control} control bytes in the first {} bytes", head.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_passes_unchanged() {
        let decoded = decode(
            Content::Bytes("Xin chào\nПривіт\n".as_bytes().to_vec()),
            false,
        )
        .unwrap();
        assert_eq!(decoded.text, "Xin chào\nПривіт\n");
        assert!(!decoded.lossy);
        assert_eq!(decoded.nul_bytes, 0);
    }

    #[test]
    fn invalid_utf8_reports_the_offset_or_is_repaired() {
        let bytes = b"abc\xff\xfedef".to_vec();
        let failure = decode(Content::Bytes(bytes.clone()), false).unwrap_err();
        assert_eq!(failure.kind, "invalid-utf8");
        assert_eq!(failure.offset, Some(3));
        assert!(!failure.skipped);
        let decoded = decode(Content::Bytes(bytes), true).unwrap();
        assert!(decoded.lossy);
        assert_eq!(decoded.first_invalid, Some(3));
        assert_eq!(decoded.text, "abc\u{FFFD}\u{FFFD}def");
    }

    #[test]
    fn binary_data_is_skipped_with_a_reason() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        let failure = decode(Content::Bytes(png), true).unwrap_err();
        assert!(failure.skipped);
        assert!(failure.message.contains("PNG"), "{}", failure.message);
        let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 32) as u8).collect();
        assert_eq!(
            decode(Content::Bytes(noise), true).unwrap_err().kind,
            "binary"
        );
    }

    #[test]
    fn a_few_nul_bytes_are_counted_not_fatal() {
        let decoded = decode(
            Content::Bytes(b"first line\0second line of text here".to_vec()),
            false,
        )
        .unwrap();
        assert_eq!(decoded.nul_bytes, 1);
        assert_eq!(decoded.text.len(), 35);
    }
}
