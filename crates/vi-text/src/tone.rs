//! Tones and where their marks go.
//!
//! Vietnamese writes one tone mark per syllable on one of its vowels. Two house styles are
//! both correct and differ only for the open pairs `oa`, `oe`, `uy` (no final consonant):
//! the **old** (traditional) style writes `hòa, khỏe, thủy`, the **new** style `hoà, khoẻ,
//! thuỷ`. The placement rules (both styles):
//!
//! 1. `qu` + vowel: the `u` belongs to the initial; `gi` + vowel: the `i` belongs to the
//!    initial (`gi` + consonant or nothing: the `i` is the vowel).
//! 2. One vowel: the mark goes on it.
//! 3. The vowel group holds ă â ê ô ơ ư: the mark goes on the last of them.
//! 4. Three plain vowels: the middle one.
//! 5. Two plain vowels: with a final consonant, the second; without one, `oa oe uy` take the
//!    first (old) or the second (new), every other pair the first.
//!
//! ```
//! use vi_text::tone::{Tone, ToneStyle};
//! assert_eq!(Tone::from_mark('\u{0309}'), Some(Tone::Hoi));
//! assert_eq!("new".parse::<ToneStyle>(), Ok(ToneStyle::New));
//! ```

use crate::letter::{Letter, code};

/// Anything that names a letter code: a decoded [`Letter`] or a bare code.
pub(crate) trait Code: Copy {
    fn code(self) -> u8;
    #[inline]
    fn is_vowel(self) -> bool {
        self.code() < 12
    }
}

impl Code for Letter {
    #[inline]
    fn code(self) -> u8 {
        self.code
    }
}

impl Code for u8 {
    #[inline]
    fn code(self) -> u8 {
        self
    }
}
use std::fmt;
use std::str::FromStr;

/// The six tones of Vietnamese.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[repr(u8)]
pub enum Tone {
    /// Ngang (level): no mark.
    #[default]
    Ngang = 0,
    /// Huyền (falling): grave, U+0300.
    Huyen = 1,
    /// Sắc (rising): acute, U+0301.
    Sac = 2,
    /// Hỏi (dipping): hook above, U+0309.
    Hoi = 3,
    /// Ngã (broken): tilde, U+0303.
    Nga = 4,
    /// Nặng (heavy): dot below, U+0323.
    Nang = 5,
}

impl Tone {
    /// All tones, in the order ngang, huyền, sắc, hỏi, ngã, nặng.
    pub const ALL: [Tone; 6] = [
        Tone::Ngang,
        Tone::Huyen,
        Tone::Sac,
        Tone::Hoi,
        Tone::Nga,
        Tone::Nang,
    ];

    /// The combining mark of the tone; `None` for ngang.
    #[must_use]
    pub fn mark(self) -> Option<char> {
        match self {
            Tone::Ngang => None,
            Tone::Huyen => Some('\u{0300}'),
            Tone::Sac => Some('\u{0301}'),
            Tone::Hoi => Some('\u{0309}'),
            Tone::Nga => Some('\u{0303}'),
            Tone::Nang => Some('\u{0323}'),
        }
    }

    /// The tone a combining mark writes (U+0340/U+0341 are read as grave/acute).
    #[must_use]
    pub fn from_mark(mark: char) -> Option<Tone> {
        match mark {
            '\u{0300}' | '\u{0340}' => Some(Tone::Huyen),
            '\u{0301}' | '\u{0341}' => Some(Tone::Sac),
            '\u{0309}' => Some(Tone::Hoi),
            '\u{0303}' => Some(Tone::Nga),
            '\u{0323}' => Some(Tone::Nang),
            _ => None,
        }
    }

    /// True for the two tones a syllable ending in a stop (p, t, c, ch) can carry.
    #[must_use]
    pub fn fits_stop_final(self) -> bool {
        matches!(self, Tone::Sac | Tone::Nang)
    }

    pub(crate) fn from_index(index: u8) -> Tone {
        match index {
            1 => Tone::Huyen,
            2 => Tone::Sac,
            3 => Tone::Hoi,
            4 => Tone::Nga,
            5 => Tone::Nang,
            _ => Tone::Ngang,
        }
    }
}

/// Where to put tone marks when writing syllables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ToneStyle {
    /// Leave a mark that is correct in either style where it is; move only marks no style
    /// allows (`noí` → `nói`, `hoà` and `hòa` both stay).
    #[default]
    Keep,
    /// The old (traditional) style: `hòa, khỏe, thủy`.
    Old,
    /// The new style: `hoà, khoẻ, thuỷ`.
    New,
}

impl ToneStyle {
    /// The style's name: `keep`, `old` or `new`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ToneStyle::Keep => "keep",
            ToneStyle::Old => "old",
            ToneStyle::New => "new",
        }
    }
}

impl fmt::Display for ToneStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error for an unknown tone-style name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown tone style {0:?}: expected keep, old or new")]
pub struct ParseToneStyleError(pub String);

impl FromStr for ToneStyle {
    type Err = ParseToneStyleError;

    fn from_str(s: &str) -> Result<ToneStyle, ParseToneStyleError> {
        match s.to_ascii_lowercase().as_str() {
            "keep" => Ok(ToneStyle::Keep),
            "old" => Ok(ToneStyle::Old),
            "new" => Ok(ToneStyle::New),
            _ => Err(ParseToneStyleError(s.to_owned())),
        }
    }
}

/// The structural split of a word's letters: initial, vowel group, final.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Split {
    /// Letters of the initial (2 for `gi` even when its `i` is the vowel).
    pub initial: usize,
    /// First letter of the vowel group.
    pub vowels: usize,
    /// One past the last letter of the vowel group (start of the final).
    pub end: usize,
}

/// Splits letters into initial consonants, vowel group and final consonants, with the
/// `qu`/`gi` rules. `None` when the shape is not one syllable (no vowel, a vowel after the
/// final, a foreign letter, more than three vowels).
#[inline]
pub(crate) fn split<L: Code>(letters: &[L]) -> Option<Split> {
    let len = letters.len();
    let mut i = 0;
    while i < len && !letters[i].is_vowel() {
        if letters[i].code() == code::FOREIGN {
            return None;
        }
        i += 1;
    }
    if i == len {
        return None;
    }
    let (initial, vowels) = if i == 1 && len > 2 {
        let first = letters[0].code();
        let second = letters[1].code();
        if first == code::Q && second == code::U && letters[2].is_vowel() {
            (2, 2)
        } else if first == code::G && second == code::I {
            if letters[2].is_vowel() {
                (2, 2)
            } else {
                (2, 1)
            }
        } else {
            (1, 1)
        }
    } else if i == 1 && len == 2 && letters[0].code() == code::G && letters[1].code() == code::I {
        (2, 1)
    } else {
        (i, i)
    };
    let mut end = vowels;
    while end < len && letters[end].is_vowel() {
        end += 1;
    }
    if end - vowels > 3 {
        return None;
    }
    for letter in &letters[end..] {
        if letter.is_vowel() || letter.code() == code::FOREIGN {
            return None;
        }
    }
    Some(Split {
        initial,
        vowels,
        end,
    })
}

/// True for ă â ê ô ơ ư.
#[inline]
pub(crate) fn has_quality(code: u8) -> bool {
    const QUALITY: u32 = 1 << code::AW
        | 1 << code::AA
        | 1 << code::EE
        | 1 << code::OO
        | 1 << code::OW
        | 1 << code::UW;
    code < 32 && (QUALITY >> code) & 1 != 0
}

/// Indices of the letter that carries the tone mark in the old and the new style.
#[inline]
pub(crate) fn targets<L: Code>(letters: &[L], split: Split) -> (usize, usize) {
    let group = &letters[split.vowels..split.end];
    if let Some(last) = group.iter().rposition(|l| has_quality(l.code())) {
        let at = split.vowels + last;
        return (at, at);
    }
    let at = match group.len() {
        3 => split.vowels + 1,
        2 => {
            if split.end < letters.len() {
                split.vowels + 1
            } else {
                let pair = (group[0].code(), group[1].code());
                if matches!(
                    pair,
                    (code::O, code::A) | (code::O, code::E) | (code::U, code::Y)
                ) {
                    return (split.vowels, split.vowels + 1);
                }
                split.vowels
            }
        }
        _ => split.vowels,
    };
    (at, at)
}

/// Where the mark goes in `style`, given where it is now (`written`).
#[inline]
pub(crate) fn target_for(style: ToneStyle, (old, new): (usize, usize), written: usize) -> usize {
    match style {
        ToneStyle::Keep => {
            if written == new {
                new
            } else {
                old
            }
        }
        ToneStyle::Old => old,
        ToneStyle::New => new,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::decode;

    fn target(word: &str, style: ToneStyle) -> usize {
        let letters = decode(word).expect("decodes");
        let split = split(letters.letters()).expect("one syllable");
        target_for(style, targets(letters.letters(), split), letters.tone_pos)
    }

    #[test]
    fn rules_of_the_note() {
        assert_eq!(target("hòa", ToneStyle::Old), 1);
        assert_eq!(target("hòa", ToneStyle::New), 2);
        assert_eq!(target("hòa", ToneStyle::Keep), 1);
        assert_eq!(target("hoà", ToneStyle::Keep), 2);
        assert_eq!(target("người", ToneStyle::Keep), 3);
        assert_eq!(target("quý", ToneStyle::Old), 2);
        assert_eq!(target("giá", ToneStyle::Old), 2);
        assert_eq!(target("gìn", ToneStyle::Old), 1);
        assert_eq!(target("ngoài", ToneStyle::Old), 3);
        assert_eq!(target("khuỷu", ToneStyle::Old), 3);
        assert_eq!(target("hoàn", ToneStyle::New), 2);
        assert_eq!(target("mía", ToneStyle::New), 1);
        assert_eq!(target("noí", ToneStyle::Keep), 1);
        assert_eq!(target("thuở", ToneStyle::Keep), 3);
    }

    #[test]
    fn styles_parse_and_print() {
        for style in [ToneStyle::Keep, ToneStyle::Old, ToneStyle::New] {
            assert_eq!(style.name().parse::<ToneStyle>(), Ok(style));
        }
        assert!("modern".parse::<ToneStyle>().is_err());
        for tone in Tone::ALL {
            assert_eq!(
                tone.mark().and_then(Tone::from_mark),
                tone.mark().map(|_| tone)
            );
            assert_eq!(Tone::from_index(tone as u8), tone);
        }
    }
}
