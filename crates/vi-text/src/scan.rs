//! The byte-level scan over text that is already canonical.
//!
//! [`skip_canonical`] walks the bytes once, decoding each character through a table, and
//! stops at the first word it cannot vouch for. A word is vouched for when every character
//! is a precomposed Vietnamese letter, an ASCII letter or another NFC-stable letter, and its
//! tone mark (if it has exactly one) is where the style puts it. The placement is checked
//! only when the marked vowel has a vowel beside it: a lone vowel always carries its mark.
//! Between words, ASCII and the usual punctuation are skipped without decoding.

use crate::letter::{self, MAX_LETTERS, code};
use crate::normalize::nfc_safe;
use crate::tone::{self, ToneStyle};
use std::sync::LazyLock;

/// Table entry of a character that ends a word and is stable under NFC.
const BOUNDARY: u16 = 0x4000;
/// Table entry bit of a letter (the low bits are a packed letter: see
/// [`letter::entry_code`]).
const LETTER: u16 = 0x8000;
/// Table entry bit of a vowel letter.
const VOWEL: u16 = 0x2000;
/// Table entry of a letter outside the Vietnamese alphabet that NFC leaves alone and nothing
/// composes with (ç, ß, Cyrillic): the word is no syllable.
const FOREIGN: u16 = LETTER | letter::code::FOREIGN as u16;

/// Entries of the code points U+0000..U+07FF (one and two UTF-8 bytes): a letter, a
/// boundary, or 0 for characters only the slow path handles (combining marks, characters
/// NFC may change).
static SMALL: LazyLock<Box<[u16; 0x800]>> = LazyLock::new(|| {
    let mut table = Box::new([0u16; 0x800]);
    for (cp, slot) in table.iter_mut().enumerate() {
        if let Some(c) = char::from_u32(cp as u32) {
            *slot = classify(c);
        }
    }
    table
});

/// `entry` with [`VOWEL`] set when it is a vowel letter.
const fn with_vowel_bit(entry: u16) -> u16 {
    if entry & LETTER != 0 && entry & 0x1F < 12 {
        entry | VOWEL
    } else {
        entry
    }
}

/// [`letter::THREE_BYTE`] with [`VOWEL`] bits.
static THREE: [u16; 128] = {
    let mut table = letter::THREE_BYTE;
    let mut i = 0;
    while i < table.len() {
        table[i] = with_vowel_bit(table[i]);
        i += 1;
    }
    table
};

/// The table of the code points U+0000..U+07FF, for [`read`].
#[inline]
pub(crate) fn small_table() -> &'static [u16; 0x800] {
    &SMALL
}

/// The letter of the Vietnamese alphabet (ASCII letters but f j w z, precomposed vowels,
/// đ) that a table entry names, if any: the letters of [`letter::letter_of`].
#[inline]
pub(crate) fn vietnamese_letter(entry: u16) -> Option<letter::Letter> {
    let code = letter::entry_code(entry);
    (entry & LETTER != 0 && code != letter::code::FOREIGN).then_some(letter::Letter {
        code,
        tone: letter::entry_tone(entry),
        upper: entry & 0x100 != 0,
    })
}

/// The letter an ASCII byte is (f j w z with the foreign code), as
/// [`letter::letter_of`] has it; `None` for other bytes.
#[inline]
pub(crate) fn ascii_letter(small: &[u16; 0x800], b: u8) -> Option<letter::Letter> {
    let entry = small[usize::from(b & 0x7F)];
    (b < 0x80 && entry & LETTER != 0).then_some(letter::Letter {
        code: letter::entry_code(entry),
        tone: 0,
        upper: entry & 0x100 != 0,
    })
}

/// The table entry of any character.
fn classify(c: char) -> u16 {
    if c.is_ascii() {
        let entry = letter::ascii_entry(c as u8);
        return if entry == 0 {
            BOUNDARY
        } else {
            with_vowel_bit(entry)
        };
    }
    if let Some(l) = letter::letter_of(c) {
        return with_vowel_bit(
            LETTER | (u16::from(l.upper) << 8) | (u16::from(l.tone) << 5) | u16::from(l.code),
        );
    }
    if !nfc_safe(c) {
        return 0;
    }
    if letter::is_word_char(c) {
        FOREIGN
    } else {
        BOUNDARY
    }
}

/// The entry of the character whose UTF-8 form starts at `bytes[i]` (a byte of three or four
/// bytes' lead) and its length; `(0, 0)` when it cannot be read.
#[inline]
fn classify_wide(text: &str, bytes: &[u8], i: usize) -> (u16, usize) {
    let b = bytes.get(i).copied().unwrap_or(0);
    if b == 0xE1 {
        if let (Some(&b1), Some(&b2)) = (bytes.get(i + 1), bytes.get(i + 2))
            && matches!(b1, 0xBA | 0xBB)
        {
            let entry = THREE[usize::from(b1 - 0xBA) << 6 | usize::from(b2 & 0x3F)];
            if entry != 0 {
                return (entry, 3);
            }
        }
    } else if b == 0xE2
        && bytes.get(i + 1) == Some(&0x80)
        && let Some(&b2) = bytes.get(i + 2)
    {
        // General punctuation U+2000..U+203F: quotes, dashes, ellipsis.
        let cp = 0x2000 | u32::from(b2 & 0x3F);
        if matches!(cp, 0x2002..=0x2027 | 0x2030..=0x203F) {
            return (BOUNDARY, 3);
        }
    }
    match text.get(i..).and_then(|t| t.chars().next()) {
        Some(c) => (classify(c), c.len_utf8()),
        None => (0, 0),
    }
}

/// Skips canonical text from `from`: non-letters and words that [`crate::normalize`] leaves
/// unchanged in `style` (see the module docs), and returns the offset of the first
/// character it does not vouch for (the start of its word, never before `from`), or the end
/// of the text.
///
/// ASCII is skipped eight bytes at a time; ASCII letters cannot carry a tone mark, so only
/// the non-ASCII characters are decoded, and a word is decoded whole only when its marked
/// vowel has a vowel beside it.
#[cfg(test)]
pub(crate) fn skip_canonical(style: ToneStyle, text: &str, from: usize) -> usize {
    scan(style, text, from).0
}

/// [`skip_canonical`], and whether the word it stops at holds a character (a combining
/// mark, a character NFC may change) that only the general word scan reads.
pub(crate) fn scan(style: ToneStyle, text: &str, from: usize) -> (usize, bool) {
    let small: &[u16; 0x800] = &SMALL;
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = from;
    loop {
        i = skip_ascii(bytes, i);
        if i >= n {
            return (n, false);
        }
        let (e, len) = read(text, bytes, small, i);
        if e & LETTER == 0 {
            if e == BOUNDARY {
                i += len;
                continue;
            }
            // Something only the slow path handles.
            return (word_start(text, bytes, small, from, i), true);
        }
        i += len;
        if letter::entry_tone(e) == 0 || mark_is_placed(style, text, small, from, i - len, i, e) {
            continue;
        }
        let start = word_start(text, bytes, small, from, i - len);
        match check_word(style, text, bytes, small, start) {
            Ok(end) => i = end,
            Err(general) => return (start, general),
        }
    }
}

/// A quick look around the marked vowel `e` at `at`: true when its word is surely left as
/// it is (the mark is where `style` puts it, or the word is no syllable); false when the
/// whole word must be checked.
#[inline]
fn mark_is_placed(
    style: ToneStyle,
    text: &str,
    small: &[u16; 0x800],
    from: usize,
    at: usize,
    next_at: usize,
    e: u16,
) -> bool {
    let bytes = text.as_bytes();
    let code = letter::entry_code(e);
    let next = letter_at(text, bytes, small, next_at);
    if tone::has_quality(code) {
        // ă â ê ô ơ ư take the mark unless another of them follows in the group.
        let mut j = next_at;
        let mut c = next;
        while is_vowel(c) {
            if tone::has_quality(letter::entry_code(c)) {
                return false;
            }
            j += 1;
            if bytes.get(j - 1).is_some_and(|&b| b >= 0x80) {
                // A non-ASCII plain vowel: let the word check decide.
                return false;
            }
            c = letter_at(text, bytes, small, j);
        }
        return true;
    }
    let prev = if at > from {
        letter_before(text, bytes, small, at)
    } else {
        BOUNDARY
    };
    if is_vowel(prev) {
        return false;
    }
    if !is_vowel(next) {
        // Alone in its group.
        return true;
    }
    // A plain vowel, a vowel after it, none before.
    if prev & LETTER != 0 {
        let p = letter::entry_code(prev);
        if (p == code::Q && code == code::U) || (p == code::G && code == code::I) {
            return false;
        }
    }
    let second = letter::entry_code(next);
    let Some(&b) = bytes.get(next_at) else {
        return false;
    };
    if b >= 0x80 || tone::has_quality(second) {
        return false;
    }
    // Two plain vowels and no final: the first takes the mark, but for oa oe uy in the new
    // style.
    let after = letter_at(text, bytes, small, next_at + 1);
    if after & LETTER != 0 {
        return false;
    }
    !(style == ToneStyle::New
        && matches!(
            (code, second),
            (code::O, code::A) | (code::O, code::E) | (code::U, code::Y)
        ))
}

/// The first non-ASCII byte at or after `i`, or the end.
#[inline]
pub(crate) fn skip_ascii(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let high = u64::from_le_bytes(chunk) & 0x8080_8080_8080_8080;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b >= 0x80 {
            break;
        }
        i += 1;
    }
    i
}

/// True for the entry of a vowel.
#[inline]
fn is_vowel(entry: u16) -> bool {
    entry & VOWEL != 0
}

/// The entry of the character at `i` (0 when none).
#[inline]
fn letter_at(text: &str, bytes: &[u8], small: &[u16; 0x800], i: usize) -> u16 {
    match bytes.get(i) {
        Some(&b) if b < 0x80 => small[usize::from(b)],
        Some(_) => read(text, bytes, small, i).0,
        None => 0,
    }
}

/// The start of the character that ends at `i` (which is on a character boundary, > 0).
#[inline]
fn char_before(bytes: &[u8], i: usize) -> usize {
    let mut j = i.saturating_sub(1);
    while j > 0 && i - j < 4 && bytes.get(j).is_some_and(|&b| (0x80..0xC0).contains(&b)) {
        j -= 1;
    }
    j
}

/// The entry of the character that ends at `i`.
#[inline]
fn letter_before(text: &str, bytes: &[u8], small: &[u16; 0x800], i: usize) -> u16 {
    if let Some(&b) = bytes.get(i.wrapping_sub(1))
        && b < 0x80
    {
        return small[usize::from(b)];
    }
    letter_at(text, bytes, small, char_before(bytes, i))
}

/// The start of the word that holds the character at `i`: after the last character before
/// it that is no letter, and never before `from`. Everything in `from..i` has been read
/// already and is letters or boundaries.
#[inline]
fn word_start(text: &str, bytes: &[u8], small: &[u16; 0x800], from: usize, mut i: usize) -> usize {
    while i > from {
        let j = char_before(bytes, i);
        if letter_at(text, bytes, small, j) & LETTER == 0 {
            break;
        }
        i = j;
    }
    i.max(from)
}

/// Reads the word that starts at `start` and checks its mark: the offset of its end when
/// it is canonical; otherwise the general path must look at it, and `Err(true)` says that
/// it holds a character only the general word scan reads (`Err(false)`: a misplaced mark).
#[inline]
fn check_word(
    style: ToneStyle,
    text: &str,
    bytes: &[u8],
    small: &[u16; 0x800],
    start: usize,
) -> Result<usize, bool> {
    let mut codes = [0u8; 16];
    let mut count = 0usize;
    let mut tones = 0u32;
    let mut tone_pos = 0usize;
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        let (e, len) = if b < 0x80 {
            (small[usize::from(b)], 1)
        } else {
            read(text, bytes, small, i)
        };
        if e & LETTER == 0 {
            if e == BOUNDARY {
                break;
            }
            return Err(true);
        }
        codes[count & 15] = letter::entry_code(e);
        if letter::entry_tone(e) != 0 {
            tones += 1;
            tone_pos = count;
        }
        count += 1;
        i += len;
    }
    if tones == 1 && count <= MAX_LETTERS && needs_placement_check(&codes, count, tone_pos) {
        let codes = &codes[..count];
        if let Some(split) = tone::split(codes)
            && tone::target_for(style, tone::targets(codes, split), tone_pos) != tone_pos
        {
            return Err(false);
        }
    }
    Ok(i)
}

/// True when the marked vowel at `tone_pos` has a vowel beside it. A vowel alone in its
/// group carries the mark in every style, and a vowel outside the group is the `u` of `qu`
/// or the `i` of `gi` (followed by a vowel) or makes the word no syllable.
#[inline]
fn needs_placement_check(codes: &[u8; 16], count: usize, tone_pos: usize) -> bool {
    let before = tone_pos.checked_sub(1).is_some_and(|p| codes[p & 15] < 12);
    let after = tone_pos + 1 < count && codes[(tone_pos + 1) & 15] < 12;
    before || after
}

/// The entry and length of the non-ASCII character at `i` (`(0, 0)` when it cannot be
/// read).
#[inline(always)]
pub(crate) fn read(text: &str, bytes: &[u8], small: &[u16; 0x800], i: usize) -> (u16, usize) {
    let b = bytes.get(i).copied().unwrap_or(0);
    let b1 = bytes.get(i + 1).copied().unwrap_or(0);
    if b < 0xE0 {
        // Text is UTF-8: a byte below 0xE0 here leads a two-byte character.
        (
            small[(usize::from(b & 0x1F) << 6 | usize::from(b1 & 0x3F)) & 0x7FF],
            2,
        )
    } else if b == 0xE1 && (b1 == 0xBA || b1 == 0xBB) {
        let b2 = bytes.get(i + 2).copied().unwrap_or(0);
        let entry = THREE[(usize::from(b1 & 1) << 6 | usize::from(b2 & 0x3F)) & 0x7F];
        if entry != 0 {
            (entry, 3)
        } else {
            classify_wide(text, bytes, i)
        }
    } else {
        classify_wide(text, bytes, i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalizer;
    use crate::syllable::{Syllable, inventory};
    use proptest::prelude::*;
    use std::sync::OnceLock;
    use unicode_normalization::UnicodeNormalization;

    const STYLES: [ToneStyle; 3] = [ToneStyle::Keep, ToneStyle::Old, ToneStyle::New];

    fn all_syllables() -> &'static [Syllable] {
        static ALL: OnceLock<Vec<Syllable>> = OnceLock::new();
        ALL.get_or_init(|| inventory().collect())
    }

    /// A syllable in some style and case, its mark possibly moved to letter `at`.
    fn word(i: usize, at: usize, case: u8, style: bool) -> String {
        let s = &all_syllables()[i % all_syllables().len()];
        let style = if style {
            ToneStyle::New
        } else {
            ToneStyle::Old
        };
        let mut w = s.to_style(style);
        if let (Some(plain), Some(mark)) = (s.with_tone(crate::Tone::Ngang), s.tone().mark())
            && at < s.len()
        {
            let mut moved = String::new();
            for (k, c) in plain.to_style(style).chars().enumerate() {
                moved.push(c);
                if k == at {
                    moved.push(mark);
                }
            }
            w = moved.nfc().collect();
        }
        match case {
            1 => w.to_uppercase(),
            2 => {
                let mut chars = w.chars();
                chars
                    .next()
                    .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
            }
            _ => w,
        }
    }

    fn text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            6 => (any::<usize>(), 0..10usize, 0..3u8, any::<bool>(), 0..8u8).prop_map(
                |(i, at, case, style, nfd)| {
                    let w = word(i, at, case, style);
                    if nfd == 0 { w.nfd().collect() } else { w }
                }
            ),
            3 => prop::sample::select(vec![
                " ", " ", " ", "\n", ", ", ". ", "_", "-", "\"", "“", "”", "…", "–", "17/9",
                "\u{a0}", "Genève", "Pérez", "https://x.vn/hoà_bình", "snake_case", "a@b.vn",
                "Київ", "çà", "ßý", "\u{0301}", "\u{0323}", "\u{0308}", "=\u{0338}", "TP.",
                "\u{2000}", "\u{2028}", "中文", "😀", "ẞ", "ẁ", "ǹ", "x=", "1", "qu", "gi",
            ])
            .prop_map(str::to_owned),
            1 => any::<char>().prop_map(|c| c.to_string()),
            1 => "[a-zA-Zàáảãạăắằâấầêếềôốồơớờưứừđìíỉĩịùúủũụ]{1,9}",
        ];
        prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn fast_scan_agrees_with_the_general_path(text in text()) {
            for style in STYLES {
                let normalizer = Normalizer::new().with_tone_style(style);
                let reference = normalizer.normalize_reference(&text);
                let mut fast = String::new();
                normalizer.normalize_into(&text, &mut fast);
                prop_assert_eq!(&fast, &reference);
                prop_assert_eq!(normalizer.normalize(&text), reference.as_str());
                // What the scan vouches for is unchanged by the general path.
                let stop = skip_canonical(style, &text, 0);
                prop_assert!(text.is_char_boundary(stop));
                let head = &text[..stop];
                prop_assert_eq!(normalizer.normalize_reference(head), head);
            }
        }
    }

    #[test]
    fn every_syllable_in_every_placement() {
        for (i, s) in all_syllables().iter().enumerate() {
            for at in 0..=s.len() {
                for case in 0..3 {
                    for new in [false, true] {
                        let w = word(i, at, case, new);
                        for text in [w.clone(), format!("{w} {w}, ({w})")] {
                            for style in STYLES {
                                let normalizer = Normalizer::new().with_tone_style(style);
                                let reference = normalizer.normalize_reference(&text);
                                let vouched = skip_canonical(style, &text, 0) == text.len();
                                assert!(!vouched || reference == text, "{text:?} {style:?}");
                                if reference == text && !text.chars().any(letter::is_combining) {
                                    assert!(vouched, "{text:?} {style:?} not vouched");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn vietnamese_letters_are_the_letters_of_letter_of() {
        for cp in 0x80..0x1_0000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            let (entry, len) = read(s, s.as_bytes(), small_table(), 0);
            assert_eq!(vietnamese_letter(entry), letter::letter_of(c), "U+{cp:04X}");
            if vietnamese_letter(entry).is_some() {
                assert_eq!(len, c.len_utf8());
            }
        }
    }

    #[test]
    fn tables_agree_with_the_letter_tables() {
        for cp in 0..0x800u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            let (entry, len) = if c.is_ascii() {
                (SMALL[cp as usize], 1)
            } else {
                read(s, s.as_bytes(), &SMALL, 0)
            };
            assert_eq!(len, if entry == 0 { len } else { c.len_utf8() });
            assert_eq!(entry, classify(c), "U+{cp:04X}");
        }
        for cp in 0x800..0x1_0000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            let (entry, len) = classify_wide(s, s.as_bytes(), 0);
            assert_eq!(len, 3);
            if entry & LETTER != 0 {
                assert_eq!(entry & 0x1FF, classify(c) & 0x1FF, "U+{cp:04X}");
            } else {
                assert_eq!(entry, classify(c), "U+{cp:04X}");
            }
        }
    }
}
