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
use std::sync::LazyLock;

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
        // One pass over the bytes: each character gets a class (ASCII and the letters and
        // punctuation of Vietnamese text through tables, others decoded), and the state of
        // the chunk being read moves on through a transition table. Every (state, class)
        // pair is counted; the counts are read off those pairs at the end.
        let mut pairs = [0usize; STATES * CLASSES];
        let (state, _) = count_pairs(text, &mut pairs, 0, 0, text.len());
        ShapeCounts::from_pairs(&mut pairs, state)
    }

    /// The counts behind `pairs`, the (state, class) counts of a whole text that ended in
    /// `state`.
    fn from_pairs(pairs: &mut [usize; STATES * CLASSES], state: usize) -> ShapeCounts {
        // The end of the text closes the last chunk.
        pairs[(state * CLASSES + usize::from(Class::Space as u8)) & PAIR_MASK] += 1;
        let mut counts = ShapeCounts::default();
        for (state, row) in pairs.chunks_exact(CLASSES).enumerate() {
            let count = |class: Class| row[usize::from(class as u8)];
            counts.letters += count(Class::Lower) + count(Class::Upper);
            counts.upper += count(Class::Upper);
            counts.digits += count(Class::Digit);
            counts.punctuation += count(Class::UrlPunctuation) + count(Class::Punctuation);
            if state & HAS_LETTERS != 0 {
                counts.words += count(Class::Space);
                if state & JOINED != 0 && state & URL_LIKE == 0 {
                    counts.underscored += count(Class::Space);
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

/// What a character is, for [`ShapeCounts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Class {
    /// Whitespace: ends a chunk.
    Space,
    /// A letter that is not upper case.
    Lower,
    /// An upper-case letter.
    Upper,
    /// An ASCII digit.
    Digit,
    /// `_`.
    Underscore,
    /// `-`: neither letter nor punctuation.
    Hyphen,
    /// `@ / : .`: punctuation that makes a chunk look like a URL or an address.
    UrlPunctuation,
    /// A combining mark (NFD text): neither letter nor punctuation.
    Mark,
    /// Anything else.
    Punctuation,
}

/// Counts the (state, class) pairs of the characters from byte `i` on, starting in `state`,
/// until a character ends at or after byte `end`: the state and byte reached (the length of
/// the text when no character starts at a byte reached).
#[inline]
fn count_pairs(
    text: &str,
    pairs: &mut [usize; STATES * CLASSES],
    mut state: usize,
    mut i: usize,
    end: usize,
) -> (usize, usize) {
    let wide = &*WIDE_CLASS;
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    while i < end {
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let class = if b < 0x80 {
            i += 1;
            ASCII_CLASS[usize::from(b)]
        } else {
            let Some((class, len)) = wide_class(wide, text, i) else {
                return (state, bytes.len());
            };
            i += len;
            class
        };
        let pair = (state * CLASSES + usize::from(class as u8)) & PAIR_MASK;
        pairs[pair] += 1;
        state = usize::from(NEXT_STATE[pair]);
    }
    (state, i)
}

/// True when the counts of a text's beginning make it [`TextShape::Segmented`] whatever its
/// last `remaining` bytes hold: the underscored chunks can only grow, and the chunks (words)
/// by at most the open one plus one per two bytes (a chunk needs a byte and a whitespace
/// before it).
fn surely_segmented(pairs: &[usize; STATES * CLASSES], remaining: usize) -> bool {
    let (mut words, mut underscored) = (0usize, 0usize);
    for (state, row) in pairs.chunks_exact(CLASSES).enumerate() {
        if state & HAS_LETTERS != 0 {
            let closed = row[usize::from(Class::Space as u8)];
            words += closed;
            if state & JOINED != 0 && state & URL_LIKE == 0 {
                underscored += closed;
            }
        }
    }
    let most_words = words.saturating_add(2).saturating_add(remaining / 2);
    underscored >= 2 && underscored.saturating_mul(100) >= most_words.saturating_mul(3)
}

/// How many bytes [`detect_shape`] reads between two looks at whether the text is surely
/// segmented.
const SHAPE_BLOCK: usize = 2048;

/// The class of each ASCII byte.
const ASCII_CLASS: [Class; 128] = {
    let mut table = [Class::Punctuation; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => Class::Space,
            b'a'..=b'z' => Class::Lower,
            b'A'..=b'Z' => Class::Upper,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::Underscore,
            b'-' => Class::Hyphen,
            b'@' | b'/' | b':' | b'.' => Class::UrlPunctuation,
            _ => Class::Punctuation,
        };
        b += 1;
    }
    table
};

/// The number of classes, rounded up to a power of two (a row of the transition table).
const CLASSES: usize = 16;

/// Bits of the state of the whitespace-separated chunk being read: it holds a letter, …
const HAS_LETTERS: usize = 1;
/// … its letters are joined by `_` (a letter followed an underscore that followed a letter), …
const JOINED: usize = 2;
/// … it holds URL punctuation, …
const URL_LIKE: usize = 4;
/// … the last character was a letter, …
const PREVIOUS_LETTER: usize = 8;
/// … the last character was an underscore after a letter.
const PENDING_UNDERSCORE: usize = 16;
/// The number of states (all combinations of the bits).
const STATES: usize = 32;
/// Masks an index into the (state, class) tables (their length is a power of two).
const PAIR_MASK: usize = STATES * CLASSES - 1;

/// The state after a character of each class in each state (index `state * CLASSES + class`).
const NEXT_STATE: [u8; STATES * CLASSES] = {
    let classes = [
        Class::Space,
        Class::Lower,
        Class::Upper,
        Class::Digit,
        Class::Underscore,
        Class::Hyphen,
        Class::UrlPunctuation,
        Class::Mark,
        Class::Punctuation,
    ];
    let mut table = [0u8; STATES * CLASSES];
    let mut state = 0;
    while state < STATES {
        let mut k = 0;
        while k < classes.len() {
            let class = classes[k];
            let next = match class {
                // Whitespace closes the chunk.
                Class::Space => 0,
                Class::Lower | Class::Upper => {
                    let joined = if state & PENDING_UNDERSCORE != 0 {
                        JOINED
                    } else {
                        0
                    };
                    (state & (JOINED | URL_LIKE)) | HAS_LETTERS | PREVIOUS_LETTER | joined
                }
                Class::Underscore => {
                    let pending = if state & PREVIOUS_LETTER != 0 {
                        PENDING_UNDERSCORE
                    } else {
                        0
                    };
                    (state & (HAS_LETTERS | JOINED | URL_LIKE)) | pending
                }
                Class::UrlPunctuation => state & (HAS_LETTERS | JOINED) | URL_LIKE,
                Class::Digit | Class::Hyphen | Class::Mark | Class::Punctuation => {
                    state & (HAS_LETTERS | JOINED | URL_LIKE)
                }
            };
            table[state * CLASSES + class as usize] = next as u8;
            k += 1;
        }
        state += 1;
    }
    table
};

/// The classes of the non-ASCII characters read through a table: U+0080–U+07FF (two bytes),
/// U+1E00–U+1EFF (Latin Extended Additional) and U+2000–U+207F (general punctuation).
const WIDE_TWO_BYTES: usize = 0x800;
const WIDE_LATIN: usize = WIDE_TWO_BYTES;
const WIDE_PUNCTUATION: usize = WIDE_LATIN + 0x100;
const WIDE_LEN: usize = WIDE_PUNCTUATION + 0x80;

static WIDE_CLASS: LazyLock<Box<[Class; WIDE_LEN]>> = LazyLock::new(|| {
    let mut table = Box::new([Class::Punctuation; WIDE_LEN]);
    let ranges = [
        (0, 0..0x800u32),
        (WIDE_LATIN, 0x1E00..0x1F00),
        (WIDE_PUNCTUATION, 0x2000..0x2080),
    ];
    for (base, range) in ranges {
        let first = range.start;
        for code in range {
            if let (Some(c), Some(slot)) = (
                char::from_u32(code),
                table.get_mut(base + (code - first) as usize),
            ) {
                *slot = char_class(c);
            }
        }
    }
    table
});

/// The class and length of the non-ASCII character at byte `i` of `text`; `None` when no
/// character starts there.
#[inline]
fn wide_class(wide: &[Class; WIDE_LEN], text: &str, i: usize) -> Option<(Class, usize)> {
    let bytes = text.as_bytes();
    let b = *bytes.get(i)?;
    let second = *bytes.get(i + 1)?;
    if (0xC2..=0xDF).contains(&b) {
        let index = (usize::from(b & 0x1F) << 6) | usize::from(second & 0x3F);
        return Some((*wide.get(index)?, 2));
    }
    let base = match (b, second) {
        (0xE1, 0xB8..=0xBB) => WIDE_LATIN,
        (0xE2, 0x80..=0x81) => WIDE_PUNCTUATION,
        _ => {
            let c = text.get(i..)?.chars().next()?;
            return Some((char_class(c), c.len_utf8()));
        }
    };
    let third = *bytes.get(i + 2)?;
    let index = base + ((usize::from(second & 0x03) << 6) | usize::from(third & 0x3F));
    Some((*wide.get(index)?, 3))
}

/// The class of a non-ASCII character, decoded.
fn char_class(c: char) -> Class {
    if c.is_ascii() {
        ASCII_CLASS[c as usize]
    } else if c.is_whitespace() {
        Class::Space
    } else if is_letter(c) {
        if is_upper(c) {
            Class::Upper
        } else {
            Class::Lower
        }
    } else if is_mark(c) {
        Class::Mark
    } else {
        Class::Punctuation
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
    detect_shape_in_blocks(text, SHAPE_BLOCK)
}

/// [`detect_shape`], looking every `block` bytes whether the text is surely segmented already
/// (segmented text is told from the first part of it).
fn detect_shape_in_blocks(text: &str, block: usize) -> TextShape {
    let mut pairs = [0usize; STATES * CLASSES];
    let (mut state, mut i) = (0, 0);
    while i < text.len() {
        (state, i) = count_pairs(text, &mut pairs, state, i, i.saturating_add(block.max(1)));
        if i < text.len() && surely_segmented(&pairs, text.len() - i) {
            return TextShape::Segmented;
        }
    }
    ShapeCounts::from_pairs(&mut pairs, state).shape()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The counts as first written, character by character over `split_whitespace`: the
    /// reference the byte-table pass is checked against.
    fn reference_counts(text: &str) -> ShapeCounts {
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

    /// The byte-table pass this module used before the transition table: a second reference.
    fn previous_byte_pass(text: &str) -> ShapeCounts {
        let mut counts = ShapeCounts::default();
        let mut chunk = Chunk::default();
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let class = if b < 0x80 {
                i += 1;
                ASCII_CLASS[usize::from(b)]
            } else if let Some(class) = vietnamese_letter(bytes, i) {
                i += usize::from(b >= 0xE0) + 2;
                class
            } else {
                let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                i += c.len_utf8();
                char_class(c)
            };
            chunk.add(class, &mut counts);
        }
        chunk.add(Class::Space, &mut counts);
        counts
    }

    /// The state of the whitespace-separated chunk being read.
    #[derive(Debug, Default)]
    struct Chunk {
        letters: usize,
        joined: bool,
        url_like: bool,
        previous_letter: bool,
        pending_underscore: bool,
    }

    impl Chunk {
        /// Adds a character of class `class`; whitespace closes the chunk.
        #[inline]
        fn add(&mut self, class: Class, counts: &mut ShapeCounts) {
            match class {
                Class::Space => {
                    if self.letters > 0 {
                        counts.words += 1;
                        if self.joined && !self.url_like {
                            counts.underscored += 1;
                        }
                    }
                    *self = Chunk::default();
                    return;
                }
                Class::Lower | Class::Upper => {
                    self.letters += 1;
                    counts.letters += 1;
                    counts.upper += usize::from(class == Class::Upper);
                    self.joined |= self.pending_underscore;
                    self.previous_letter = true;
                    self.pending_underscore = false;
                    return;
                }
                Class::Digit => counts.digits += 1,
                Class::UrlPunctuation => {
                    self.url_like = true;
                    counts.punctuation += 1;
                }
                Class::Punctuation => counts.punctuation += 1,
                Class::Underscore | Class::Hyphen | Class::Mark => {}
            }
            self.pending_underscore = class == Class::Underscore && self.previous_letter;
            self.previous_letter = false;
        }
    }

    /// The class of the character at `i` when it is a letter of U+00C0–U+024F (two bytes) or
    /// U+1E00–U+1EFF (three bytes), read from its UTF-8 bytes; `None` for any other character.
    #[inline]
    fn vietnamese_letter(bytes: &[u8], i: usize) -> Option<Class> {
        match *bytes.get(i..i + 2)? {
            // U+00C0..=U+00FF: upper case up to U+00DE (not U+00D7 ×), lower case after (not ÷).
            [0xC3, second] => match second {
                0x97 | 0xB7 => None,
                0x80..=0x9E => Some(Class::Upper),
                _ => Some(Class::Lower),
            },
            // U+1E00..=U+1EFF: Latin Extended Additional, capitals at even code points (but for
            // U+1E96..=U+1E9F, which are small letters or symbols).
            [0xE1, 0xB8..=0xBB] => {
                let third = *bytes.get(i + 2)?;
                let c = 0x1E00 | (u32::from(bytes[i + 1] & 0x03) << 6) | u32::from(third & 0x3F);
                match c {
                    0x1E96..=0x1E9F => None,
                    _ if c % 2 == 0 => Some(Class::Upper),
                    _ => Some(Class::Lower),
                }
            }
            _ => None,
        }
    }

    fn shaped_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => prop::sample::select(vec![
                "bí_mật", "Thổ_Nhĩ_Kỳ", "snake_case", "_a", "a_", "a__b", "https://x.vn/a_b",
                "ten_nguoi@example.com", "hoà", "HOÀ", "Ảnh", "ngày", "17/9", "COVID-19", "v.v.",
                "e\u{301}", "\u{301}", "Київ", "ǅ", "×", "÷", "ß", "\u{A0}", "\u{2003}",
                "\u{85}", "\u{1680}", "\u{B}", "\u{C}", " ", "\n", "\t", "\r\n", "“", "…",
                "", "a", "Z", "0", "-", "@", ":", ".", "/",
            ]).prop_map(str::to_owned),
            1 => any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
    }

    #[test]
    fn a_small_letter_after_a_letter_keeps_the_state() {
        let lower = usize::from(Class::Lower as u8);
        for state in 0..STATES {
            let after = usize::from(NEXT_STATE[state * CLASSES + lower]);
            assert_eq!(usize::from(NEXT_STATE[after * CLASSES + lower]), after);
        }
    }

    #[test]
    fn every_character_is_classed_as_decoded() {
        let wide = &*WIDE_CLASS;
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let mut buffer = [0u8; 4];
            let text = &*c.encode_utf8(&mut buffer);
            let (class, len) = if c.is_ascii() {
                (ASCII_CLASS[c as usize], 1)
            } else {
                wide_class(wide, text, 0).unwrap_or((Class::Space, 0))
            };
            assert_eq!((class, len), (char_class(c), c.len_utf8()), "{c:?}");
            let single = ShapeCounts::of(text);
            assert_eq!(single, reference_counts(text), "{c:?}");
        }
    }

    #[test]
    fn texts_of_the_seeds_count_as_the_reference() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("skipping: ../shared is absent");
            return;
        };
        for entry in entries.flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            assert_eq!(ShapeCounts::of(&text), reference_counts(&text));
            assert_eq!(ShapeCounts::of(&text), previous_byte_pass(&text));
            let shape = reference_counts(&text).shape();
            for block in [1, 7, 64, 500, SHAPE_BLOCK] {
                assert_eq!(detect_shape_in_blocks(&text, block), shape);
            }
            // Every third space an underscore: text that reads as segmented.
            let mut spaces = 0;
            let segmented: String = text
                .chars()
                .map(|c| {
                    spaces += usize::from(c == ' ');
                    if c == ' ' && spaces % 3 == 0 { '_' } else { c }
                })
                .collect();
            let shape = reference_counts(&segmented).shape();
            for block in [1, 7, 64, 500, SHAPE_BLOCK] {
                assert_eq!(detect_shape_in_blocks(&segmented, block), shape);
            }
        }
    }

    #[test]
    fn letters_read_from_bytes_are_classed_as_decoded() {
        for c in ('\u{80}'..='\u{7FF}').chain('\u{1E00}'..='\u{1EFF}') {
            let mut buffer = [0u8; 4];
            let bytes = c.encode_utf8(&mut buffer).as_bytes();
            let Some(class) = vietnamese_letter(bytes, 0) else {
                continue;
            };
            assert!(is_letter(c) && !c.is_whitespace(), "{c:?}");
            let expected = if is_upper(c) {
                Class::Upper
            } else {
                Class::Lower
            };
            assert_eq!(class, expected, "{c:?}");
        }
    }

    proptest! {
        #[test]
        fn byte_pass_counts_as_the_reference(text in shaped_text()) {
            prop_assert_eq!(ShapeCounts::of(&text), reference_counts(&text));
            prop_assert_eq!(ShapeCounts::of(&text), previous_byte_pass(&text));
        }

        #[test]
        fn shape_told_early_is_the_shape_of_the_counts(
            text in shaped_text(),
            block in 1usize..80,
        ) {
            let shape = reference_counts(&text).shape();
            prop_assert_eq!(detect_shape_in_blocks(&text, block), shape);
            prop_assert_eq!(detect_shape(&text), shape);
        }

        #[test]
        fn byte_pass_counts_any_text_as_the_reference(text in any::<String>()) {
            prop_assert_eq!(ShapeCounts::of(&text), reference_counts(&text));
            prop_assert_eq!(ShapeCounts::of(&text), previous_byte_pass(&text));
        }
    }

    #[test]
    fn long_segmented_text_is_told_early_and_rightly() {
        let segmented = "Quan_chức Mỹ đã bí_mật gặp phía Nga để đối_thoại khẩn_cấp . ".repeat(400);
        // Half of it tells, a block does not yet.
        let mut pairs = [0usize; STATES * CLASSES];
        let (_, read) = count_pairs(&segmented, &mut pairs, 0, 0, SHAPE_BLOCK);
        assert!(!surely_segmented(&pairs, segmented.len() - read));
        let (_, read) = count_pairs(&segmented, &mut pairs, 0, read, segmented.len() / 2);
        assert!(surely_segmented(&pairs, segmented.len() - read));
        assert_eq!(detect_shape(&segmented), TextShape::Segmented);
        // A raw tail long enough to dilute the underscores is read to the end.
        let diluted = format!(
            "{segmented}{}",
            "một hai ba bốn năm sáu bảy tám ".repeat(20_000)
        );
        assert_eq!(detect_shape(&diluted), reference_counts(&diluted).shape());
        assert_eq!(detect_shape(&diluted), TextShape::Raw);
    }

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
