//! Guessing the encoding of a byte string.
//!
//! Each candidate decodes a sample of the input and is scored by what the decoding looks like.
//! Words holding non-ASCII letters that parse as Vietnamese syllables, in a plain case shape
//! (`người`, `Người`, `NGƯỜI`) and with the tone mark where one of the two styles puts it, count
//! for it, and more when they are common words; such words that fail any of this, stray
//! symbols (the `¶ µ ¸ ²` a wrong chart produces) and undecodable bytes count against it. A
//! wrong chart turns the bytes of a right one into letters in impossible places (`Bờo`,
//! `Vieọt`, `HôÌ`), so the right chart wins by a wide margin on any real sentence.
//!
//! Valid UTF-8 with Vietnamese in it is UTF-8; valid UTF-8 without is UTF-8 unless a legacy
//! chart reads it clearly better (a few legacy bytes can form valid UTF-8 by chance). Plain
//! ASCII is UTF-8 unless reading it as VIQR yields Vietnamese syllables.

use super::common::is_common;
use super::letters::{self, A_BREVE, A_CIRC, E_CIRC, O_CIRC, O_HORN, U_HORN};
use super::{Counting, Encoding, decode_with};
use crate::syllable;

/// Tone numbers of the grid written with `` ` `` and `~` in VIQR.
const GRAVE: u8 = 1;
const TILDE: u8 = 4;
use crate::tone::ToneStyle;

/// How many bytes of the input are examined at most.
const SAMPLE: usize = 64 * 1024;
/// How many bytes the legacy candidates read before checking whether one leads clearly.
const ROUND: usize = 4 * 1024;

/// The legacy candidates for non-ASCII input that is not UTF-8, in order of preference on a
/// tie (how common each is in the wild).
const LEGACY: [Encoding; 4] = [
    Encoding::Tcvn3,
    Encoding::Vni,
    Encoding::Viscii,
    Encoding::Cp1258,
];

/// The most likely encoding of a byte string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// The encoding.
    pub encoding: Encoding,
    /// How sure the guess is, from 0 (no evidence) to 1. Plain ASCII with nothing that reads
    /// as VIQR is UTF-8 with confidence 1 (every encoding but VIQR decodes it the same).
    pub confidence: f32,
}

/// What one candidate's decoding of the sample looks like.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Evidence {
    /// Words with non-ASCII letters that are Vietnamese syllables.
    good: u32,
    /// Of those, words with a letter only Vietnamese uses (ă â ê ô ơ ư đ), a tone mark before
    /// the last letter, or a grave or tilde: evidence that cannot come from a stray `'`, `?`
    /// or `.` after an English word read as VIQR.
    strong: u32,
    /// Words with non-ASCII letters that are not syllables, and stray symbols.
    bad: u32,
    /// Undecodable bytes.
    errors: u32,
    /// Good words that are common words.
    common: u32,
}

impl Evidence {
    fn add(&mut self, other: &Evidence) {
        self.good += other.good;
        self.strong += other.strong;
        self.bad += other.bad;
        self.errors += other.errors;
        self.common += other.common;
    }

    fn score(&self) -> f32 {
        self.good as f32 + 0.5 * self.common as f32 - self.bad as f32 - 2.0 * self.errors as f32
    }

    fn total(&self) -> u32 {
        self.good + self.bad + self.errors
    }

    fn quality(&self) -> f32 {
        match self.total() {
            0 => 0.0,
            total => self.good as f32 / total as f32,
        }
    }
}

/// Guesses the encoding of `bytes` (at most the first 64 KiB are examined).
///
/// ```
/// use vi_text::encoding::{detect, encode, Encoding};
///
/// let text = "Người dân thành phố đã quen với những cơn mưa chiều.";
/// for encoding in [Encoding::Vni, Encoding::Tcvn3, Encoding::Viscii, Encoding::Cp1258] {
///     let bytes = encode(text, encoding).unwrap();
///     let guess = detect(&bytes);
///     assert_eq!(guess.encoding, encoding);
///     assert!(guess.confidence > 0.5);
/// }
/// assert_eq!(detect(text.as_bytes()).encoding, Encoding::Utf8);
/// assert_eq!(detect(b"Vie^.t Nam").encoding, Encoding::Viqr);
/// assert_eq!(detect(b"Hello, world.").encoding, Encoding::Utf8);
/// ```
#[must_use]
pub fn detect(bytes: &[u8]) -> Detection {
    let sample = sample(bytes);
    if sample.is_empty() {
        return Detection {
            encoding: Encoding::Utf8,
            confidence: 0.0,
        };
    }
    let mut text = String::with_capacity(sample.len() * 2);
    if sample.is_ascii() {
        return detect_ascii(sample, &mut text);
    }
    let utf8 = is_utf8(sample, sample.len() < bytes.len())
        .then(|| evidence_in_rounds(sample, Encoding::Utf8, &mut text));
    if let Some(utf8) = utf8.filter(|e| e.good > 0 && e.quality() >= 0.5) {
        return Detection {
            encoding: Encoding::Utf8,
            confidence: 0.9 + 0.09 * utf8.quality(),
        };
    }
    let ranked = rank_legacy(sample, &mut text);
    let (encoding, best) = ranked[0];
    let second = ranked[1].1;
    if let Some(utf8) = utf8 {
        // Valid UTF-8 without Vietnamese: keep it unless a chart reads clearly better.
        if best.good == 0 || best.score() <= utf8.score() + 1.0 {
            return Detection {
                encoding: Encoding::Utf8,
                confidence: 0.9 - 0.4 * best.quality() * weight(best.total()),
            };
        }
    }
    Detection {
        encoding,
        confidence: confidence(&best, &second),
    }
}

/// The evidence for one candidate, read in rounds of `ROUND` bytes until it is overwhelming.
fn evidence_in_rounds(sample: &[u8], encoding: Encoding, text: &mut String) -> Evidence {
    let mut total = Evidence::default();
    let mut rest = sample;
    while !rest.is_empty() {
        let round = cut(rest, ROUND);
        rest = rest.get(round.len()..).unwrap_or_default();
        total.add(&evidence(round, encoding, text));
        if total.good >= 40 && total.quality() >= 0.9 {
            break;
        }
    }
    total
}

/// The legacy candidates, best first. The sample is read in rounds of `ROUND` bytes, and
/// reading stops once one candidate leads clearly.
fn rank_legacy(sample: &[u8], text: &mut String) -> [(Encoding, Evidence); 4] {
    let mut ranked = LEGACY.map(|encoding| (encoding, Evidence::default()));
    let mut rest = sample;
    while !rest.is_empty() {
        let round = cut(rest, ROUND);
        rest = rest.get(round.len()..).unwrap_or_default();
        for (encoding, total) in &mut ranked {
            total.add(&evidence(round, *encoding, text));
        }
        // Stable: ties keep the order of preference.
        ranked.sort_by(|a, b| b.1.score().total_cmp(&a.1.score()));
        let (best, second) = (&ranked[0].1, &ranked[1].1);
        if best.good >= 40 && best.quality() >= 0.9 && best.score() - second.score() >= 40.0 {
            break;
        }
    }
    ranked
}

fn detect_ascii(sample: &[u8], text: &mut String) -> Detection {
    let viqr = evidence_in_rounds(sample, Encoding::Viqr, text);
    let plausible = viqr.good > 0 && viqr.quality() >= 0.75 && (viqr.strong > 0 || viqr.good >= 3);
    if plausible {
        let plain = Evidence::default();
        Detection {
            encoding: Encoding::Viqr,
            confidence: confidence(&viqr, &plain),
        }
    } else {
        Detection {
            encoding: Encoding::Utf8,
            confidence: 1.0 - 0.5 * viqr.quality() * weight(viqr.total()),
        }
    }
}

/// Confidence in `best` over the runner-up.
fn confidence(best: &Evidence, second: &Evidence) -> f32 {
    let total = best.total().max(second.total()).max(1) as f32;
    let margin = ((best.score() - second.score()) / total).clamp(0.0, 1.0);
    let value = best.quality() * (0.5 + 0.5 * margin) * (0.5 + 0.5 * weight(best.total()));
    value.clamp(0.0, 1.0)
}

/// How much `n` pieces of evidence weigh: 1/3 for one, 5/6 for ten, towards 1.
fn weight(n: u32) -> f32 {
    let n = n as f32;
    n / (n + 2.0)
}

/// The first `SAMPLE` bytes of the input (see [`cut`]).
fn sample(bytes: &[u8]) -> &[u8] {
    cut(bytes, SAMPLE)
}

/// The first `limit` bytes, cut after the last ASCII whitespace (when there is one in the
/// second half) so that no letter (a base letter and its diacritic byte, or a UTF-8 sequence)
/// is split.
fn cut(bytes: &[u8], limit: usize) -> &[u8] {
    let Some(head) = bytes.get(..limit) else {
        return bytes;
    };
    match head.iter().rposition(u8::is_ascii_whitespace) {
        Some(end) if end > limit / 2 => &head[..=end],
        _ => head,
    }
}

/// Valid UTF-8, allowing a sequence cut short at the end of a truncated sample.
fn is_utf8(sample: &[u8], truncated: bool) -> bool {
    match std::str::from_utf8(sample) {
        Ok(_) => true,
        Err(error) => truncated && error.error_len().is_none(),
    }
}

/// Decodes `sample` as `encoding` into `text` (cleared first) and weighs the result.
fn evidence(sample: &[u8], encoding: Encoding, text: &mut String) -> Evidence {
    text.clear();
    let mut errors = Counting::default();
    decode_with(sample, encoding, text, &mut errors);
    let mut evidence = Evidence {
        errors: u32::try_from(errors.count).unwrap_or(u32::MAX),
        ..Evidence::default()
    };
    let mut word_start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphabetic() || letters::is_combining(c) {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            weigh_word(text.get(start..i).unwrap_or_default(), &mut evidence);
        }
        if !c.is_ascii() && c != char::REPLACEMENT_CHARACTER && !is_common_symbol(c) {
            evidence.bad += 1;
        }
    }
    evidence
}

fn weigh_word(word: &str, evidence: &mut Evidence) {
    if word.is_ascii() {
        return;
    }
    let placed = syllable::parse(word).is_some_and(|s| s.is_placed(ToneStyle::Keep));
    if !placed || !plain_case(word) {
        evidence.bad += 1;
        return;
    }
    evidence.good += 1;
    let mut lower = [0u8; 32];
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let Some(slot) = lower.get_mut(n..n + c.len_utf8()) else {
            return;
        };
        c.encode_utf8(slot);
        n += c.len_utf8();
    }
    if std::str::from_utf8(&lower[..n]).is_ok_and(is_common) {
        evidence.common += 1;
    }
    let last = word.chars().count().saturating_sub(1);
    let strong = word.chars().enumerate().any(|(k, c)| {
        let code = letters::letter_code(c);
        if code == letters::D_STROKE_LOWER || code == letters::D_STROKE_UPPER {
            return true;
        }
        letters::vowel_of(code).is_some_and(|v| {
            matches!(
                v.vowel,
                A_BREVE | A_CIRC | E_CIRC | O_CIRC | O_HORN | U_HORN
            ) || (v.tone != 0 && k < last)
                || matches!(v.tone, GRAVE | TILDE)
        })
    });
    if strong {
        evidence.strong += 1;
    }
}

/// All lower case, all upper case, or an upper-case letter and then lower case.
fn plain_case(word: &str) -> bool {
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let mut rest_upper = None;
    for c in chars {
        let upper = c.is_uppercase();
        if upper && !first_upper {
            return false;
        }
        if *rest_upper.get_or_insert(upper) != upper {
            return false;
        }
    }
    true
}

/// Non-letter characters common in any text: spaces, quotes, dashes, bullets, a few signs.
fn is_common_symbol(c: char) -> bool {
    matches!(c,
        '\u{A0}' | '«' | '»' | '°' | '©' | '®' | '€' | '·' | '§' | '±'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{203A}' | '\u{2122}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_chart_makes_impossible_words() {
        let mut text = String::new();
        let tcvn = b"B\xb6o Th\xbeng";
        let right = evidence(tcvn, Encoding::Tcvn3, &mut text);
        assert_eq!(text, "Bảo Thắng");
        assert_eq!((right.good, right.bad, right.errors), (2, 0, 0));
        let wrong = evidence(tcvn, Encoding::Viscii, &mut text);
        assert!(wrong.score() < right.score(), "{text}: {wrong:?}");
    }

    #[test]
    fn case_shapes() {
        for word in ["người", "Người", "NGƯỜI", "Ư", "ư"] {
            assert!(plain_case(word), "{word}");
        }
        for word in ["HôÌ", "nGười", "NGưỜI", "NgƯỜI"] {
            assert!(!plain_case(word), "{word}");
        }
    }

    #[test]
    fn weight_grows_with_evidence() {
        assert!(weight(1) < weight(10) && weight(10) < 1.0);
        assert_eq!(weight(0), 0.0);
    }

    #[test]
    fn empty_and_ascii_input() {
        assert_eq!(detect(b"").confidence, 0.0);
        let english = detect(b"I'm sure we can go to the sea. Are you?");
        assert_eq!(english.encoding, Encoding::Utf8);
    }

    #[test]
    fn sample_cuts_at_whitespace() {
        let mut long = b"ab ".repeat(SAMPLE);
        long.push(b'x');
        let cut = sample(&long);
        assert!(cut.len() <= SAMPLE && cut.ends_with(b" "));
    }
}
