//! The shape a Vietnamese text arrives in: raw news text, word-segmented text (syllables of a
//! word joined by `_`, punctuation split off), or the "LM-clean" shape (lower case, no digits,
//! no punctuation, one sentence per line).
//!
//! ```
//! use vi_text::text_shape::{TextShape, detect_shape};
//! assert_eq!(detect_shape("Quan chức Mỹ đã gặp phía Nga ngày 17/9."), TextShape::Raw);
//! assert_eq!(
//!     detect_shape("Quan_chức Mỹ đã bí_mật gặp phía Nga để đối_thoại khẩn_cấp ."),
//!     TextShape::Segmented
//! );
//! assert_eq!(
//!     detect_shape("quan chức mỹ đã bí mật gặp phía nga\nđể đối thoại khẩn cấp vài ngày"),
//!     TextShape::LmClean
//! );
//! ```

use std::fmt;

/// The shape of a Vietnamese text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextShape {
    /// Running text as published.
    Raw,
    /// Word-segmented: the syllables of a word joined by `_` (`bí_mật`).
    Segmented,
    /// Lower case, digits and punctuation removed, one sentence per line.
    LmClean,
}

impl TextShape {
    /// The name used in output: `raw`, `segmented`, `lm-clean`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            TextShape::Raw => "raw",
            TextShape::Segmented => "segmented",
            TextShape::LmClean => "lm-clean",
        }
    }
}

impl fmt::Display for TextShape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Counts behind a [`TextShape`] decision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ShapeCounts {
    /// Whitespace-separated chunks holding a letter.
    pub words: usize,
    /// Chunks whose letters are joined by `_` (`bí_mật`), URL-like chunks excepted.
    pub underscored: usize,
    /// Letters.
    pub letters: usize,
    /// Upper-case letters.
    pub upper: usize,
    /// ASCII digits.
    pub digits: usize,
    /// Punctuation characters (anything that is not a letter, digit, mark or space).
    pub punctuation: usize,
}

impl ShapeCounts {
    /// Counts the chunks and characters of `text`.
    #[must_use]
    pub fn of(text: &str) -> ShapeCounts {
        let mut counts = ShapeCounts::default();
        for chunk in text.split_whitespace() {
            let mut letters = 0;
            let mut joined = false;
            let mut url_like = false;
            let mut previous_letter = false;
            let mut pending_underscore = false;
            for c in chunk.chars() {
                if is_letter(c) {
                    letters += 1;
                    counts.letters += 1;
                    if is_upper(c) {
                        counts.upper += 1;
                    }
                    if pending_underscore {
                        joined = true;
                    }
                    previous_letter = true;
                    pending_underscore = false;
                    continue;
                }
                pending_underscore = c == '_' && previous_letter;
                previous_letter = false;
                if c.is_ascii_digit() {
                    counts.digits += 1;
                } else if matches!(c, '@' | '/' | ':' | '.') {
                    url_like = true;
                    counts.punctuation += 1;
                } else if !is_mark(c) && c != '_' && c != '-' {
                    counts.punctuation += 1;
                }
            }
            if letters > 0 {
                counts.words += 1;
                if joined && !url_like {
                    counts.underscored += 1;
                }
            }
        }
        counts
    }

    /// The shape these counts indicate.
    #[must_use]
    pub fn shape(&self) -> TextShape {
        // Segmented news text joins a quarter to a third of its words; a few snake_case
        // names in raw text do not reach 3%.
        if self.underscored >= 2 && self.underscored * 100 >= self.words * 3 {
            return TextShape::Segmented;
        }
        // LM-clean text has no capitals, no digits and (next to) no punctuation; a stray
        // replacement character where a file was cut is tolerated.
        if self.letters >= 20
            && self.upper * 1000 <= self.letters
            && self.digits * 1000 <= self.letters
            && self.punctuation * 500 <= self.letters
        {
            return TextShape::LmClean;
        }
        TextShape::Raw
    }
}

/// `char::is_alphabetic`, with fast paths for the scripts of Vietnamese text.
fn is_letter(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0x24F => c != '\u{D7}' && c != '\u{F7}',
        0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_uppercase` for letters, with fast paths for the scripts of Vietnamese text.
fn is_upper(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_uppercase(),
        // Latin Extended Additional pairs each capital (even) with its small letter (odd).
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => u32::from(c) % 2 == 0,
        _ => c.is_uppercase(),
    }
}

/// Combining marks (NFD text).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// The shape of `text` (see [`ShapeCounts::shape`]).
#[must_use]
pub fn detect_shape(text: &str) -> TextShape {
    ShapeCounts::of(text).shape()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_and_urls_do_not_make_text_segmented() {
        let text = "Xem tệp config_file.rs tại https://example.com/a_b_c hoặc gửi thư tới \
                    ten_nguoi@example.com để biết thêm chi tiết về chương trình này nhé.";
        assert_eq!(detect_shape(text), TextShape::Raw);
    }

    #[test]
    fn short_or_empty_text_is_raw() {
        assert_eq!(detect_shape(""), TextShape::Raw);
        assert_eq!(detect_shape("xin chào"), TextShape::Raw);
    }

    #[test]
    fn capitals_or_digits_rule_out_lm_clean() {
        let lm = "quan chức mỹ eu đã bí mật gặp phía nga để đối thoại khẩn cấp vài ngày trước";
        assert_eq!(detect_shape(lm), TextShape::LmClean);
        assert_eq!(detect_shape(&format!("{lm} Nga")), TextShape::Raw);
        assert_eq!(detect_shape(&format!("{lm} 17")), TextShape::Raw);
        assert_eq!(detect_shape(&format!("{lm}, ông nói.")), TextShape::Raw);
    }

    #[test]
    fn nfd_marks_are_not_punctuation() {
        use unicode_normalization::UnicodeNormalization;
        let lm: String = "quan chức mỹ eu đã bí mật gặp phía nga để đối thoại khẩn cấp vài ngày"
            .nfd()
            .collect();
        assert_eq!(detect_shape(&lm), TextShape::LmClean);
    }
}
