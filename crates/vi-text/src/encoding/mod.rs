//! Vietnamese legacy encodings: decode to and encode from Unicode, and detect which encoding a
//! byte string is in.
//!
//! Supported: [`Encoding::Vni`] (VNI-Windows), [`Encoding::Tcvn3`] (TCVN 5712:1993; reads and
//! writes the ABC / VN3 fonts' bytes), [`Encoding::Viscii`], [`Encoding::Viqr`] (RFC 1456
//! ASCII mnemonics), [`Encoding::Cp1258`] (windows-1258) and [`Encoding::Utf8`] (validated
//! pass-through). The shape follows `encoding_rs`: an [`Encoding`] value with a name, and free
//! functions taking it.
//!
//! Nothing is lost silently. [`decode`] fails on the first byte the encoding does not define
//! (a [`DecodeError`] with its offset); [`decode_lossy`] replaces each such byte with U+FFFD and
//! reports every one. [`encode`] fails on the first character the encoding cannot represent (an
//! [`EncodeError`] naming it and its byte offset in the input).
//!
//! Decoded text is NFC for every legacy encoding: a base letter followed by a combining
//! tone-mark byte (windows-1258, TCVN) becomes one precomposed letter. Encoders accept NFC or
//! decomposed input (a letter followed by combining marks is composed first). UTF-8 is passed
//! through unchanged in both directions.
//!
//! ```
//! use vi_text::encoding::{decode, detect, encode, Encoding};
//!
//! let vni = encode("Tiếng Việt", Encoding::Vni).unwrap();
//! assert_eq!(vni, b"Tie\xe1ng Vie\xe4t");
//! assert_eq!(decode(&vni, Encoding::Vni).unwrap(), "Tiếng Việt");
//!
//! let tcvn = encode("Hà Nội mùa thu", Encoding::Tcvn3).unwrap();
//! assert_eq!(detect(&tcvn).encoding, Encoding::Tcvn3);
//!
//! let error = encode("Straße", Encoding::Viscii).unwrap_err();
//! assert_eq!((error.character, error.offset), ('ß', 4));
//! ```

mod cluster;
mod common;
mod detect;
mod letters;
mod single_byte;
mod tables;
mod viqr;
mod vni;

pub use detect::{Detection, detect};

use cluster::{Clusters, Composed, encode_clusters};
use std::fmt;
use std::str::FromStr;

/// A character encoding of Vietnamese text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Encoding {
    /// UTF-8, validated and passed through unchanged.
    Utf8,
    /// VNI-Windows: an ASCII base letter followed by a diacritic byte (`Vie\xe4t` = "Việt");
    /// 0x80..=0xBF as in windows-1252.
    Vni,
    /// TCVN 5712:1993, the encoding of the ABC (VN3) fonts. VN3's letters (all lower-case
    /// letters and Ă Â Ê Ô Ơ Ư Đ) are at their VN3 positions; capital toned letters, which VN3
    /// lacks, are written at their VN1 positions (twelve of them in C0 control positions) and
    /// 0xB0..=0xB4 are VN1's combining tone marks. This is byte for byte glibc's `TCVN5712-1`.
    Tcvn3,
    /// VISCII (RFC 1456): every Vietnamese letter is one byte; six capitals use C0 control
    /// positions.
    Viscii,
    /// VIQR (RFC 1456): ASCII mnemonics after the vowel (`Vie^.t` = "Việt", `dd` = đ) with `\`
    /// to escape a mnemonic meant literally.
    Viqr,
    /// windows-1258: precomposed base letters plus five combining tone-mark bytes.
    Cp1258,
}

impl Encoding {
    /// Every encoding, in a stable order.
    pub const ALL: [Encoding; 6] = [
        Encoding::Utf8,
        Encoding::Vni,
        Encoding::Tcvn3,
        Encoding::Viscii,
        Encoding::Viqr,
        Encoding::Cp1258,
    ];

    /// The canonical name: `UTF-8`, `VNI-Windows`, `TCVN3`, `VISCII`, `VIQR`, `windows-1258`.
    ///
    /// ```
    /// assert_eq!(vi_text::encoding::Encoding::Cp1258.name(), "windows-1258");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Vni => "VNI-Windows",
            Encoding::Tcvn3 => "TCVN3",
            Encoding::Viscii => "VISCII",
            Encoding::Viqr => "VIQR",
            Encoding::Cp1258 => "windows-1258",
        }
    }

    /// The short lower-case label used on the command line: `utf8`, `vni`, `tcvn3`, `viscii`,
    /// `viqr`, `cp1258`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf8",
            Encoding::Vni => "vni",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Viscii => "viscii",
            Encoding::Viqr => "viqr",
            Encoding::Cp1258 => "cp1258",
        }
    }

    /// Looks an encoding up by name or alias, ignoring case and the characters `-`, `_`, `.`,
    /// `:` and spaces: `utf-8`, `vni`, `VNI-Windows`, `tcvn3`, `abc`, `TCVN5712-1`, `VISCII`,
    /// `viqr`, `windows-1258`, `cp1258`, …
    ///
    /// ```
    /// use vi_text::encoding::Encoding;
    /// assert_eq!(Encoding::from_name("TCVN5712-1:1993"), Some(Encoding::Tcvn3));
    /// assert_eq!(Encoding::from_name("Windows_1258"), Some(Encoding::Cp1258));
    /// assert_eq!(Encoding::from_name("latin1"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Encoding> {
        let mut key = [0u8; 24];
        let mut n = 0;
        for b in name.bytes() {
            if matches!(b, b'-' | b'_' | b'.' | b':' | b' ') {
                continue;
            }
            *key.get_mut(n)? = b.to_ascii_lowercase();
            n += 1;
        }
        Some(match key.get(..n)? {
            b"utf8" | b"utf" => Encoding::Utf8,
            b"vni" | b"vniwindows" | b"vniwin" => Encoding::Vni,
            b"tcvn3" | b"tcvn" | b"abc" | b"tcvnabc" | b"vn3" | b"vn1" | b"tcvn5712"
            | b"tcvn57121" | b"tcvn57121993" | b"tcvn571211993" => Encoding::Tcvn3,
            b"viscii" | b"csviscii" => Encoding::Viscii,
            b"viqr" => Encoding::Viqr,
            b"cp1258" | b"windows1258" | b"win1258" | b"1258" => Encoding::Cp1258,
            _ => return None,
        })
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error for a name that is no known encoding.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown encoding {0:?}: expected one of utf8, vni, tcvn3, viscii, viqr, cp1258 (or an alias)"
)]
pub struct UnknownEncoding(pub String);

impl FromStr for Encoding {
    type Err = UnknownEncoding;

    fn from_str(s: &str) -> Result<Encoding, UnknownEncoding> {
        Encoding::from_name(s).ok_or_else(|| UnknownEncoding(s.to_owned()))
    }
}

/// Bytes the encoding does not define.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot decode byte 0x{byte:02X} at offset {offset} as {encoding}")]
pub struct DecodeError {
    /// The encoding decoded from.
    pub encoding: Encoding,
    /// Byte offset of the first undecodable byte in the input.
    pub offset: usize,
    /// Number of bytes that form the undecodable unit (1, or up to 3 for broken UTF-8).
    pub len: usize,
    /// The byte at `offset`.
    pub byte: u8,
}

/// A character the encoding cannot represent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot encode {character:?} (U+{code:04X}) at byte offset {offset} in {encoding}",
    code = u32::from(*character)
)]
pub struct EncodeError {
    /// The encoding encoded to.
    pub encoding: Encoding,
    /// Byte offset of the character in the input text.
    pub offset: usize,
    /// The character (after composing it with any combining marks that follow it).
    pub character: char,
}

/// Receives undecodable bytes while decoding.
pub(crate) trait Sink {
    /// `len` bytes at `offset` cannot be decoded. Returns false to stop decoding; to go on,
    /// the sink writes a replacement to `out` (or nothing) and returns true.
    fn unmappable(&mut self, offset: usize, len: usize, out: &mut String) -> bool;
}

/// Stops at the first undecodable byte.
#[derive(Debug, Default)]
pub(crate) struct Strict {
    /// Offset and length of the undecodable unit.
    pub(crate) error: Option<(usize, usize)>,
}

impl Sink for Strict {
    fn unmappable(&mut self, offset: usize, len: usize, _out: &mut String) -> bool {
        self.error = Some((offset, len));
        false
    }
}

/// Replaces undecodable bytes with U+FFFD and records them.
struct Lossy<'a> {
    encoding: Encoding,
    bytes: &'a [u8],
    errors: &'a mut Vec<DecodeError>,
}

impl Sink for Lossy<'_> {
    fn unmappable(&mut self, offset: usize, len: usize, out: &mut String) -> bool {
        out.push(char::REPLACEMENT_CHARACTER);
        self.errors.push(DecodeError {
            encoding: self.encoding,
            offset,
            len,
            byte: self.bytes.get(offset).copied().unwrap_or(0),
        });
        true
    }
}

/// Replaces undecodable bytes with U+FFFD and counts them.
#[derive(Debug, Default)]
pub(crate) struct Counting {
    pub(crate) count: usize,
}

impl Sink for Counting {
    fn unmappable(&mut self, _offset: usize, _len: usize, out: &mut String) -> bool {
        out.push(char::REPLACEMENT_CHARACTER);
        self.count += 1;
        true
    }
}

/// Length of the leading run of `bytes` that every encoding but VIQR decodes as itself
/// (printable ASCII, tab, newline, carriage return).
#[inline]
pub(crate) fn plain_ascii_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| !cluster::plain_ascii(b))
        .unwrap_or(bytes.len())
}

/// Appends ASCII bytes to `out`.
#[inline]
pub(crate) fn push_ascii(out: &mut String, ascii: &[u8]) {
    debug_assert!(ascii.is_ascii());
    out.push_str(std::str::from_utf8(ascii).unwrap_or_default());
}

/// Decodes with any sink; false when the sink stopped.
pub(crate) fn decode_with<S: Sink>(
    bytes: &[u8],
    encoding: Encoding,
    out: &mut String,
    sink: &mut S,
) -> bool {
    out.reserve(bytes.len());
    match encoding {
        Encoding::Utf8 => decode_utf8(bytes, out, sink),
        Encoding::Vni => vni::decode(bytes, out, sink),
        Encoding::Tcvn3 => single_byte::TCVN.decode(bytes, out, sink),
        Encoding::Viscii => single_byte::VISCII.decode(bytes, out, sink),
        Encoding::Viqr => viqr::decode(bytes, out, sink),
        Encoding::Cp1258 => single_byte::CP1258.decode(bytes, out, sink),
    }
}

fn decode_utf8<S: Sink>(mut bytes: &[u8], out: &mut String, sink: &mut S) -> bool {
    let mut base = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                out.push_str(text);
                return true;
            }
            Err(error) => {
                let valid = error.valid_up_to();
                let (good, rest) = bytes.split_at(valid);
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                let len = error.error_len().unwrap_or(rest.len()).max(1);
                if !sink.unmappable(base + valid, len, out) {
                    return false;
                }
                bytes = rest.get(len..).unwrap_or_default();
                base += valid + len;
            }
        }
    }
}

/// Decodes `bytes` from `encoding` into a new string (NFC for the legacy encodings).
///
/// ```
/// use vi_text::encoding::{decode, Encoding};
/// assert_eq!(decode(b"Vi\xeat", Encoding::Cp1258).unwrap(), "Viêt");
/// assert_eq!(decode(b"Vi\xea\xf2t", Encoding::Cp1258).unwrap(), "Việt");
/// let error = decode(b"ok \x81", Encoding::Cp1258).unwrap_err();
/// assert_eq!((error.offset, error.byte), (3, 0x81));
/// ```
///
/// # Errors
/// [`DecodeError`] at the first byte the encoding does not define.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<String, DecodeError> {
    let mut out = String::new();
    decode_into(bytes, encoding, &mut out)?;
    Ok(out)
}

/// Appends the decoding of `bytes` to `out`, so that one buffer can be reused across calls.
/// On error `out` is left as it was.
///
/// # Errors
/// [`DecodeError`] at the first byte the encoding does not define.
pub fn decode_into(bytes: &[u8], encoding: Encoding, out: &mut String) -> Result<(), DecodeError> {
    let start = out.len();
    let mut sink = Strict::default();
    if decode_with(bytes, encoding, out, &mut sink) {
        return Ok(());
    }
    out.truncate(start);
    let (offset, len) = sink.error.unwrap_or((0, 1));
    Err(DecodeError {
        encoding,
        offset,
        len,
        byte: bytes.get(offset).copied().unwrap_or(0),
    })
}

/// Decodes `bytes`, replacing every undecodable unit with U+FFFD, and returns the text with the
/// list of what was replaced (empty when the input was clean).
///
/// ```
/// use vi_text::encoding::{decode_lossy, Encoding};
/// let (text, errors) = decode_lossy(b"a\xf9 \xf9", Encoding::Vni);
/// assert_eq!(text, "á \u{FFFD}");
/// assert_eq!(errors.len(), 1);
/// assert_eq!(errors[0].offset, 3);
/// ```
#[must_use]
pub fn decode_lossy(bytes: &[u8], encoding: Encoding) -> (String, Vec<DecodeError>) {
    let mut text = String::new();
    let mut errors = Vec::new();
    decode_lossy_into(bytes, encoding, &mut text, &mut errors);
    (text, errors)
}

/// Appends the lossy decoding of `bytes` to `out` and the replaced units to `errors`.
pub fn decode_lossy_into(
    bytes: &[u8],
    encoding: Encoding,
    out: &mut String,
    errors: &mut Vec<DecodeError>,
) {
    let mut sink = Lossy {
        encoding,
        bytes,
        errors,
    };
    decode_with(bytes, encoding, out, &mut sink);
}

/// Encodes `text` into `encoding`.
///
/// ```
/// use vi_text::encoding::{encode, Encoding};
/// assert_eq!(encode("Việt", Encoding::Viqr).unwrap(), b"Vie^.t");
/// assert_eq!(encode("Việt", Encoding::Viscii).unwrap(), b"Vi\xaet");
/// assert_eq!(encode("Việt", Encoding::Cp1258).unwrap(), b"Vi\xea\xf2t");
/// ```
///
/// # Errors
/// [`EncodeError`] naming the first character the encoding cannot represent.
pub fn encode(text: &str, encoding: Encoding) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 4);
    encode_into(text, encoding, &mut out)?;
    Ok(out)
}

/// Appends the encoding of `text` to `out`. On error `out` is left as it was.
///
/// # Errors
/// [`EncodeError`] naming the first character the encoding cannot represent.
pub fn encode_into(text: &str, encoding: Encoding, out: &mut Vec<u8>) -> Result<(), EncodeError> {
    let start = out.len();
    let failed = match encoding {
        Encoding::Utf8 => {
            out.extend_from_slice(text.as_bytes());
            None
        }
        Encoding::Vni => encode_clusters(text, out, |cluster, out| {
            cluster::encode_composed(cluster, out, vni::encode_char)
        }),
        Encoding::Tcvn3 => encode_clusters(text, out, |cluster, out| {
            single_byte::TCVN.encode_cluster(cluster, out)
        }),
        Encoding::Viscii => encode_clusters(text, out, |cluster, out| {
            single_byte::VISCII.encode_cluster(cluster, out)
        }),
        Encoding::Cp1258 => encode_clusters(text, out, |cluster, out| {
            single_byte::CP1258.encode_cluster(cluster, out)
        }),
        Encoding::Viqr => encode_viqr(text, out),
    };
    match failed {
        None => Ok(()),
        Some((offset, character)) => {
            out.truncate(start);
            Err(EncodeError {
                encoding,
                offset,
                character,
            })
        }
    }
}

fn encode_viqr(text: &str, out: &mut Vec<u8>) -> Option<(usize, char)> {
    let mut clusters = Clusters::new(text).peekable();
    let mut pending = viqr::Pending::default();
    let mut chars = Vec::new();
    while let Some((offset, cluster)) = clusters.next() {
        let after = clusters
            .peek()
            .and_then(|(_, next)| next.chars().next())
            .and_then(viqr::first_byte);
        chars.clear();
        match cluster::compose(cluster) {
            Composed::One(c) => chars.push(c),
            Composed::Many(text) => chars.extend(text.chars()),
        }
        for (k, &c) in chars.iter().enumerate() {
            let next = match chars.get(k + 1) {
                Some(&n) => viqr::first_byte(n),
                None => after,
            };
            if !viqr::encode_char(c, next, &mut pending, out) {
                return Some((offset, c));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn names_round_trip() {
        for encoding in Encoding::ALL {
            assert_eq!(Encoding::from_name(encoding.name()), Some(encoding));
            assert_eq!(encoding.label().parse::<Encoding>(), Ok(encoding));
            assert_eq!(encoding.to_string(), encoding.name());
        }
        assert!("x".repeat(100).parse::<Encoding>().is_err());
        assert_eq!(Encoding::from_name("abc"), Some(Encoding::Tcvn3));
    }

    #[test]
    fn decomposed_input_is_composed_before_encoding() {
        let nfd: String = "Việt Nam, Đường".nfd().collect();
        for encoding in Encoding::ALL {
            if encoding == Encoding::Utf8 {
                continue;
            }
            assert_eq!(encode(&nfd, encoding), encode("Việt Nam, Đường", encoding));
        }
        assert_eq!(
            encode("a\u{302}\u{323}", Encoding::Viscii).unwrap(),
            b"\xa7"
        );
    }

    #[test]
    fn errors_name_the_character_and_offset() {
        let error = encode("Hà Nội €", Encoding::Viscii).unwrap_err();
        assert_eq!((error.offset, error.character), (10, '€'));
        assert_eq!(
            error.to_string(),
            "cannot encode '€' (U+20AC) at byte offset 10 in VISCII"
        );
        let mut out = b"kept".to_vec();
        assert!(encode_into("ß", Encoding::Vni, &mut out).is_err());
        assert_eq!(out, b"kept");

        let error = decode(b"ab\xc3(", Encoding::Utf8).unwrap_err();
        assert_eq!((error.offset, error.len, error.byte), (2, 1, 0xC3));
        assert_eq!(
            error.to_string(),
            "cannot decode byte 0xC3 at offset 2 as UTF-8"
        );
        let (text, errors) = decode_lossy(b"\xff a \xe2\x82", Encoding::Utf8);
        assert_eq!(text, "\u{FFFD} a \u{FFFD}");
        assert_eq!(
            errors.iter().map(|e| (e.offset, e.len)).collect::<Vec<_>>(),
            [(0, 1), (4, 2)]
        );
    }

    #[test]
    fn combining_marks_compose_on_decode() {
        assert_eq!(
            decode(b"a\xb3\xa9\xb3A\xb3", Encoding::Tcvn3).unwrap(),
            "áấÁ"
        );
        // Marks out of canonical order are reordered (NFC).
        assert_eq!(decode(b"a\xec\xf2", Encoding::Cp1258).unwrap(), "ạ\u{301}");
        assert_eq!(decode(b"\xec", Encoding::Cp1258).unwrap(), "\u{301}");
        let mut out = String::from("a");
        decode_into(b"\xec", Encoding::Cp1258, &mut out).unwrap();
        assert_eq!(
            out, "a\u{301}",
            "never composes with text already in the buffer"
        );
    }
}
