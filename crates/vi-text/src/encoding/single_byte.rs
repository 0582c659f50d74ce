//! Table-driven codecs for the single-byte encodings: VISCII (one byte per letter), TCVN and
//! windows-1258 (one byte per letter where the chart has it, otherwise a base letter followed by
//! a combining tone-mark byte).

use super::cluster::encode_composed;
use super::letters::{LETTER_CODES, NONE, char_of};
use super::letters::{TONE_MARKS, compose_mark, letter_code, vowel_char, vowel_of};
use super::tables::{CP1258 as CP1258_CHART, TCVN as TCVN_CHART, UNDEF, VISCII as VISCII_CHART};
use super::{Sink, plain_ascii_run, push_ascii};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

/// One single-byte encoding: its chart, the chart inverted, and whether it has combining marks.
pub(crate) struct Table {
    decode: &'static [u16; 256],
    encode: &'static [(u16, u8)],
    /// The byte of each Vietnamese letter code (0: not in the chart).
    letters: &'static [u8; LETTER_CODES],
    combining: bool,
}

/// VISCII.
pub(crate) static VISCII: Table = Table {
    decode: &VISCII_CHART,
    encode: &VISCII_REVERSE.0,
    letters: &VISCII_LETTERS,
    combining: false,
};
/// TCVN 5712:1993 (VN1 ⊃ VN3).
pub(crate) static TCVN: Table = Table {
    decode: &TCVN_CHART,
    encode: &TCVN_REVERSE.0,
    letters: &TCVN_LETTERS,
    combining: true,
};
/// windows-1258.
pub(crate) static CP1258: Table = Table {
    decode: &CP1258_CHART,
    encode: &CP1258_REVERSE.0,
    letters: &CP1258_LETTERS,
    combining: true,
};

/// An inverted chart: `(char, byte)` pairs sorted by char, for the bytes that are not plain
/// ASCII identities. Unused tail entries are `(u16::MAX, 0)` and sort last.
struct Reverse([(u16, u8); 256]);

static VISCII_REVERSE: Reverse = Reverse(invert(&VISCII_CHART));
static TCVN_REVERSE: Reverse = Reverse(invert(&TCVN_CHART));
static CP1258_REVERSE: Reverse = Reverse(invert(&CP1258_CHART));

static VISCII_LETTERS: [u8; LETTER_CODES] = letter_bytes(&VISCII_CHART);
static TCVN_LETTERS: [u8; LETTER_CODES] = letter_bytes(&TCVN_CHART);
static CP1258_LETTERS: [u8; LETTER_CODES] = letter_bytes(&CP1258_CHART);

/// The byte of each letter code that the chart has as one byte (ASCII letters excluded: they
/// are written as themselves).
const fn letter_bytes(chart: &[u16; 256]) -> [u8; LETTER_CODES] {
    let mut table = [0u8; LETTER_CODES];
    let mut code = 0;
    while code < LETTER_CODES {
        let c = char_of(code as u8) as u32;
        let mut byte = 0;
        while c >= 0x80 && byte < 256 {
            if chart[byte] as u32 == c {
                table[code] = byte as u8;
                break;
            }
            byte += 1;
        }
        code += 1;
    }
    table
}

const fn invert(chart: &[u16; 256]) -> [(u16, u8); 256] {
    let mut pairs = [(u16::MAX, 0u8); 256];
    let mut n = 0;
    let mut byte = 0;
    while byte < 256 {
        let unit = chart[byte];
        let identity = byte < 0x80 && unit as usize == byte;
        if unit != UNDEF && !identity {
            pairs[n] = (unit, byte as u8);
            n += 1;
        }
        byte += 1;
    }
    // Insertion sort by character (const fn: no slice::sort).
    let mut i = 1;
    while i < n {
        let mut j = i;
        while j > 0 && pairs[j - 1].0 > pairs[j].0 {
            let tmp = pairs[j - 1];
            pairs[j - 1] = pairs[j];
            pairs[j] = tmp;
            j -= 1;
        }
        i += 1;
    }
    pairs
}

impl Table {
    /// The byte of `c` when the chart has it.
    #[inline]
    fn byte_of(&self, c: char) -> Option<u8> {
        let cp = c as u32;
        if cp < 0x80 {
            return (self.decode[cp as usize] as u32 == cp).then_some(cp as u8);
        }
        if cp >= u32::from(u16::MAX) {
            return None;
        }
        let unit = cp as u16;
        self.encode
            .binary_search_by_key(&unit, |&(u, _)| u)
            .ok()
            .and_then(|i| self.encode.get(i))
            .map(|&(_, b)| b)
    }

    /// Appends the decoding of `bytes` to `out`. Returns false when the sink stopped decoding.
    pub(crate) fn decode<S: Sink>(&self, bytes: &[u8], out: &mut String, sink: &mut S) -> bool {
        let start = out.len();
        let mut needs_nfc = false;
        let mut offset = 0;
        while let Some(rest) = bytes.get(offset..).filter(|r| !r.is_empty()) {
            let run = plain_ascii_run(rest);
            if run > 0 {
                push_ascii(out, &rest[..run]);
                offset += run;
                continue;
            }
            let b = rest[0];
            offset += 1;
            let unit = self.decode[usize::from(b)];
            if unit < 0x80 {
                out.push(char::from(unit as u8));
                continue;
            }
            let Some(c) = char::from_u32(u32::from(unit)).filter(|_| unit != UNDEF) else {
                if !sink.unmappable(offset - 1, 1, out) {
                    return false;
                }
                continue;
            };
            if self.combining && super::letters::is_combining(c) {
                let composed = if out.len() > start {
                    out.pop().map(|prev| (prev, compose_mark(prev, c)))
                } else {
                    None
                };
                match composed {
                    Some((_, Some(both))) => out.push(both),
                    Some((prev, None)) => {
                        out.push(prev);
                        out.push(c);
                        needs_nfc = true;
                    }
                    None => {
                        out.push(c);
                        needs_nfc = true;
                    }
                }
            } else {
                out.push(c);
            }
        }
        if needs_nfc {
            let tail: String = out[start..].nfc().collect();
            out.truncate(start);
            out.push_str(&tail);
        }
        true
    }

    /// Appends the encoding of a cluster (a character and the combining marks after it) to
    /// `out`; on failure, the first character that could not be encoded.
    #[inline]
    pub(crate) fn encode_cluster(&self, cluster: &str, out: &mut Vec<u8>) -> Result<(), char> {
        let start = out.len();
        let error = match encode_composed(cluster, out, |c, out| self.encode_char(c, out)) {
            Ok(()) => return Ok(()),
            Err(c) => c,
        };
        out.truncate(start);
        if self.combining && self.encode_reordered(cluster, out) {
            return Ok(());
        }
        out.truncate(start);
        Err(error)
    }

    /// The last resort for a cluster with several marks: a letter the chart has, made of the
    /// base and one mark that canonical reordering may bring next to it, then the other marks
    /// as combining bytes (`Y` + U+0323 + U+0308 is `Ÿ` + dot below).
    fn encode_reordered(&self, cluster: &str, out: &mut Vec<u8>) -> bool {
        let mut parts = ['\0'; 8];
        let mut n = 0;
        for c in cluster.nfd() {
            match parts.get_mut(n) {
                Some(slot) => *slot = c,
                None => return false,
            }
            n += 1;
        }
        let Some((&base, marks)) = parts[..n].split_first() else {
            return false;
        };
        for (i, &mark) in marks.iter().enumerate() {
            let class = canonical_combining_class(mark);
            if marks[..i]
                .iter()
                .any(|&m| canonical_combining_class(m) == class)
            {
                continue; // blocked: cannot move before a mark of the same class
            }
            let Some(letter) = compose(base, mark).and_then(|l| self.byte_of(l)) else {
                continue;
            };
            let start = out.len();
            out.push(letter);
            let rest = marks.iter().enumerate().filter(|&(k, _)| k != i);
            if rest.into_iter().all(|(_, &m)| self.encode_char(m, out)) {
                return true;
            }
            out.truncate(start);
        }
        false
    }

    /// Appends the encoding of `c` to `out`; false when the encoding cannot represent it.
    #[inline]
    pub(crate) fn encode_char(&self, c: char, out: &mut Vec<u8>) -> bool {
        let code = if c.is_ascii() { NONE } else { letter_code(c) };
        if let Some(&b) = self.letters.get(usize::from(code)).filter(|&&b| b != 0) {
            out.push(b);
            return true;
        }
        if code == NONE
            && let Some(b) = self.byte_of(c)
        {
            out.push(b);
            return true;
        }
        if !self.combining {
            return false;
        }
        // A toned vowel the chart lacks: its toneless letter, then the tone mark.
        if let Some(v) = vowel_of(code).filter(|v| v.tone != 0) {
            let base = self.byte_of(vowel_char(v.vowel, 0, v.upper));
            let mark = TONE_MARKS
                .get(usize::from(v.tone))
                .and_then(|&m| self.byte_of(m));
            if let (Some(base), Some(mark)) = (base, mark) {
                out.push(base);
                out.push(mark);
                return true;
            }
        }
        // Any other letter whose canonical decomposition ends in a mark the chart has.
        let mut parts = ['\0'; 4];
        let mut n = 0;
        decompose_canonical(c, |p| {
            if let Some(slot) = parts.get_mut(n) {
                *slot = p;
            }
            n += 1;
        });
        if !(2..=parts.len()).contains(&n) {
            return false;
        }
        let Some(mark) = self.byte_of(parts[n - 1]) else {
            return false;
        };
        let mut base = parts[0];
        for &p in &parts[1..n - 1] {
            match compose(base, p) {
                Some(b) => base = b,
                None => return false,
            }
        }
        match self.byte_of(base) {
            Some(b) => {
                out.push(b);
                out.push(mark);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverted_charts_are_sorted_and_complete() {
        for table in [&VISCII, &TCVN, &CP1258] {
            let used: Vec<_> = table
                .encode
                .iter()
                .take_while(|p| p.0 != u16::MAX)
                .collect();
            assert!(
                used.windows(2).all(|w| w[0].0 < w[1].0),
                "duplicate or unsorted"
            );
            for (byte, &unit) in table.decode.iter().enumerate() {
                if unit == UNDEF {
                    continue;
                }
                let c = char::from_u32(u32::from(unit)).unwrap();
                assert_eq!(table.byte_of(c), Some(byte as u8), "{c:?}");
            }
        }
    }

    #[test]
    fn tcvn_reads_abc_fonts_text() {
        // Place names as ABC (VN3) fonts store them.
        let mut out = String::new();
        let mut sink = super::super::Strict::default();
        assert!(TCVN.decode(
            b"B\xb6o Th\xbeng, M\xad\xeang Kh\xad\xacng, \xa7\xa6\xa4",
            &mut out,
            &mut sink
        ));
        assert_eq!(out, "Bảo Thắng, Mường Khương, ĐƯÔ");
    }

    #[test]
    fn cp1258_decomposes_letters_it_lacks() {
        let mut out = Vec::new();
        for c in ['ấ', 'ả', 'Ý', 'ǹ', 'á'] {
            assert!(CP1258.encode_char(c, &mut out));
        }
        assert_eq!(out, [0xE2, 0xEC, 0x61, 0xD2, 0x59, 0xEC, 0x6E, 0xCC, 0xE1]);
        assert!(!CP1258.encode_char('ḗ', &mut out));
        assert!(!VISCII.encode_char('\u{2}', &mut out));
    }
}
