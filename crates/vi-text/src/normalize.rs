//! Canonical Vietnamese text: NFC (or NFD on request) with every tone mark where the chosen
//! [`ToneStyle`] puts it.
//!
//! The normalizer scans bytes and does no work on text that is already canonical: ASCII is
//! skipped eight bytes at a time, only the non-ASCII characters are decoded (through
//! tables), a word is looked at only around a marked vowel that has a vowel beside it, and
//! [`Normalizer::normalize`] then returns the input borrowed. Only words that change are
//! rewritten:
//!
//! - a Vietnamese syllable (see [`crate::syllable::parse`]) gets its mark placed in the style
//!   asked and is written in NFC, each letter in its case;
//! - anything else (Genève, Pérez, nagornokarabakh, Київ) is only brought to NFC, which
//!   leaves NFC input byte-for-byte unchanged;
//! - syllables inside URLs, e-mail addresses, paths and code-like tokens are only brought to
//!   NFC.
//!
//! Newlines and every other non-letter are kept, so the output has the input's lines.
//!
//! ```
//! use std::borrow::Cow;
//! use vi_text::normalize::{Form, Normalizer, normalize};
//! use vi_text::ToneStyle;
//!
//! assert_eq!(normalize("Anh noí naỳ laị"), "Anh nói này lại");
//! assert!(matches!(normalize("hoà bình, hòa bình"), Cow::Borrowed(_)));
//!
//! let old = Normalizer::new().with_tone_style(ToneStyle::Old);
//! assert_eq!(old.normalize("Thuỷ HOÀ khoẻ"), "Thủy HÒA khỏe");
//! let new = Normalizer::new().with_tone_style(ToneStyle::New);
//! assert_eq!(new.normalize("thủy"), "thuỷ");
//! assert_eq!(new.normalize("https://x.vn/thủy"), "https://x.vn/thủy");
//!
//! let nfd = Normalizer::new().with_form(Form::Nfd);
//! assert_eq!(nfd.normalize("à"), "a\u{0300}");
//! ```

use crate::letter::{self, Letters, MAX_LETTERS};
use crate::shape;
use crate::syllable;
use crate::tone::{self, ToneStyle};
use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfd_quick};

/// The Unicode normalization form of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Form {
    /// Composed (the default): one code point per Vietnamese letter.
    #[default]
    Nfc,
    /// Decomposed: base letters followed by combining marks, in canonical order.
    Nfd,
}

/// Brings Vietnamese text to a canonical form. Cheap to copy; configure with the `with_*`
/// methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Normalizer {
    style: ToneStyle,
    form: Form,
}

/// Normalizes with the defaults: [`ToneStyle::Keep`], NFC.
#[must_use]
pub fn normalize(text: &str) -> Cow<'_, str> {
    Normalizer::new().normalize(text)
}

impl Normalizer {
    /// The default normalizer: [`ToneStyle::Keep`], [`Form::Nfc`].
    #[must_use]
    pub const fn new() -> Normalizer {
        Normalizer {
            style: ToneStyle::Keep,
            form: Form::Nfc,
        }
    }

    /// Places tone marks in `style`.
    #[must_use]
    pub const fn with_tone_style(mut self, style: ToneStyle) -> Normalizer {
        self.style = style;
        self
    }

    /// Writes the output in `form`.
    #[must_use]
    pub const fn with_form(mut self, form: Form) -> Normalizer {
        self.form = form;
        self
    }

    /// The tone style.
    #[must_use]
    pub const fn tone_style(&self) -> ToneStyle {
        self.style
    }

    /// The output form.
    #[must_use]
    pub const fn form(&self) -> Form {
        self.form
    }

    /// The normalized text: borrowed when `text` is already canonical.
    #[must_use]
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut out: Option<String> = None;
        let mut scratch = String::new();
        let mut copied = 0;
        let mut from = 0;
        while let Some((start, end)) = self.next_change(text, from, &mut scratch, true) {
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
            buf.push_str(&text[copied..start]);
            buf.push_str(&scratch);
            copied = end;
            from = end;
        }
        let nfc = match out {
            None => Cow::Borrowed(text),
            Some(mut buf) => {
                buf.push_str(&text[copied..]);
                Cow::Owned(buf)
            }
        };
        match self.form {
            Form::Nfc => nfc,
            Form::Nfd => {
                if is_nfd_quick(nfc.chars()) == IsNormalized::Yes {
                    nfc
                } else {
                    Cow::Owned(nfc.nfd().collect())
                }
            }
        }
    }

    /// Appends the normalized text to `out`.
    pub fn normalize_into(&self, text: &str, out: &mut String) {
        if self.form == Form::Nfd {
            let normalized = self.normalize(text);
            out.push_str(&normalized);
            return;
        }
        let mut scratch = String::new();
        let mut copied = 0;
        let mut from = 0;
        out.reserve(text.len());
        while let Some((start, end)) = self.next_change(text, from, &mut scratch, true) {
            out.push_str(&text[copied..start]);
            out.push_str(&scratch);
            copied = end;
            from = end;
        }
        out.push_str(&text[copied..]);
    }

    /// [`Normalizer::normalize_into`] without the fast scan: every word goes through the
    /// general path. The reference the fast scan is tested against.
    #[cfg(test)]
    pub(crate) fn normalize_reference(&self, text: &str) -> String {
        let mut out = String::new();
        let mut scratch = String::new();
        let mut copied = 0;
        let mut from = 0;
        while let Some((start, end)) = self.next_change(text, from, &mut scratch, false) {
            out.push_str(&text[copied..start]);
            out.push_str(&scratch);
            copied = end;
            from = end;
        }
        out.push_str(&text[copied..]);
        out
    }

    /// True when [`Normalizer::normalize`] would return `text` unchanged.
    #[must_use]
    pub fn is_normalized(&self, text: &str) -> bool {
        matches!(self.normalize(text), Cow::Borrowed(_))
    }

    /// Finds the first word at or after `from` that changes; writes its replacement into
    /// `scratch` and returns its byte range. All ranges returned lie on character
    /// boundaries, in order, without overlap.
    fn next_change(
        &self,
        text: &str,
        from: usize,
        scratch: &mut String,
        fast: bool,
    ) -> Option<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut i = from;
        // Start of the last non-word character, for words that begin with a non-starter.
        let mut prev_char = None;
        // The fast scan found a character in the word at `i` that the fast word scan does
        // not read.
        let mut general = false;
        while i < bytes.len() {
            let skipped = if fast {
                let (skipped, needs_general) = crate::scan::scan(self.style, text, i);
                general = needs_general;
                skipped
            } else {
                i
            };
            if skipped != i {
                i = skipped;
                // The fast loop stops at a word or at a character after a word or a
                // non-letter; a word that starts with a mark takes that character along.
                prev_char = text[..i]
                    .char_indices()
                    .next_back()
                    .map(|(j, _)| j)
                    .filter(|&j| j >= from);
                if i >= bytes.len() {
                    break;
                }
            }
            let b = bytes[i];
            if b < 0x80 {
                if !b.is_ascii_alphabetic() {
                    prev_char = Some(i);
                    i += 1;
                    continue;
                }
            } else {
                let c = text.get(i..).and_then(|t| t.chars().next())?;
                if !letter::is_word_char(c) {
                    // A character that is no letter: stable unless NFC maps it (U+2000 →
                    // U+2002, U+1D15E → U+1D157 U+1D165); then it is normalized with the
                    // marks that follow it.
                    if !nfc_safe(c) && is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes {
                        let end = text[i..]
                            .char_indices()
                            .skip(1)
                            .find(|&(_, m)| !is_non_starter(m))
                            .map_or(text.len(), |(j, _)| i + j);
                        let segment = &text[i..end];
                        scratch.clear();
                        scratch.extend(segment.nfc());
                        if scratch.as_str() != segment {
                            return Some((i, end));
                        }
                    }
                    prev_char = Some(i);
                    i += c.len_utf8();
                    continue;
                }
            }
            let start = i;
            if !general && let Some(fast) = fast_word(text, start) {
                let end = start + fast.len;
                if self.fast_word_changes(&fast)
                    && let Some(change) = self.repair(text, start, end, &fast.decoded, scratch)
                {
                    return Some(change);
                }
                i = end;
                prev_char = None;
                continue;
            }
            let word = scan_word(text, start);
            let end = start + word.len;
            if let Some(change) = self.check_word(text, start, end, prev_char, &word, scratch) {
                return Some(change);
            }
            i = end;
            prev_char = None;
        }
        None
    }

    /// True when a fast-scanned word may change: one mark, not where the style puts it.
    #[inline]
    fn fast_word_changes(&self, word: &FastWord) -> bool {
        // No mark, or two (no syllable); or the only vowel carries it: right in every style.
        if word.tones != 1 || word.vowels == 1 {
            return false;
        }
        let Some(codes) = word.codes.get(..usize::from(word.letters)) else {
            return false; // longer than any syllable
        };
        let Some(split) = tone::split(codes) else {
            return false;
        };
        let pos = usize::from(word.tone_pos);
        tone::target_for(self.style, tone::targets(codes, split), pos) != pos
    }

    /// The repaired word `start..end` (a syllable in prose with a mark to move), written into
    /// `scratch`.
    fn repair(
        &self,
        text: &str,
        start: usize,
        end: usize,
        decoded: &Letters,
        scratch: &mut String,
    ) -> Option<(usize, usize)> {
        let source = &text[start..end];
        scratch.clear();
        if !syllable::respell(decoded, self.style, scratch) || !in_prose(text, start, end) {
            return None;
        }
        (scratch.as_str() != source).then_some((start, end))
    }

    /// Decides whether the word `start..end` changes.
    fn check_word(
        &self,
        text: &str,
        start: usize,
        end: usize,
        prev_char: Option<usize>,
        word: &Word,
        scratch: &mut String,
    ) -> Option<(usize, usize)> {
        let source = &text[start..end];
        if word.vietnamese {
            let letters = &word.letters;
            if !letters.combining {
                match letters.tones {
                    0 => return None,
                    1 => {
                        let split = tone::split(letters.letters())?;
                        let targets = tone::targets(letters.letters(), split);
                        if tone::target_for(self.style, targets, letters.tone_pos)
                            == letters.tone_pos
                        {
                            return None;
                        }
                    }
                    _ => return None,
                }
            }
            scratch.clear();
            if syllable::respell(letters, self.style, scratch) && in_prose(text, start, end) {
                return (scratch.as_str() != source).then_some((start, end));
            }
            if !letters.combining {
                return None;
            }
        } else if word.safe {
            return None;
        }
        // Unicode normalization only. A word that starts with a non-starter takes the
        // character before it along.
        let seg_start = if word.starts_with_mark {
            prev_char.unwrap_or(start)
        } else {
            start
        };
        let segment = &text[seg_start..end];
        if is_nfc_quick(segment.chars()) == IsNormalized::Yes {
            return None;
        }
        scratch.clear();
        scratch.extend(segment.nfc());
        (scratch.as_str() != segment).then_some((seg_start, end))
    }
}

/// Counts the Vietnamese syllables of `text` whose tone mark sits where no style puts it
/// (`noí`, `naỳ`; not `hoà` or `hòa`), outside URLs, e-mail addresses and code: the marks
/// that [`normalize`] repairs.
///
/// ```
/// assert_eq!(vi_text::normalize::misplaced_marks("noí naỳ, hoà hòa"), 2);
/// ```
#[must_use]
pub fn misplaced_marks(text: &str) -> usize {
    let mut count = 0;
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if i < text.len() && letter::is_word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        let Some(s) = start.take() else { continue };
        let misplaced =
            syllable::parse(&text[s..i]).is_some_and(|syl| !syl.is_placed(ToneStyle::Keep));
        // As in normalization: only in prose, not in URLs, e-mail addresses or code.
        if misplaced
            && shape::enclosing_token(text, s, i)
                .is_some_and(|(a, b)| !shape::is_not_prose(&text[a..b]))
        {
            count += 1;
        }
    }
    count
}

/// True when the word `start..end` lies in prose: its whitespace-delimited token is no URL,
/// e-mail address, path or code (see `crate::shape`). Tokens of letters and plain
/// punctuation are told from the bytes around the word; anything else asks `crate::shape`.
#[inline]
fn in_prose(text: &str, start: usize, end: usize) -> bool {
    /// 1: a byte that can be in a prose token and no whitespace (ASCII other than the
    /// markers of `crate::shape`, continuation bytes, leads of U+00C0..U+01BF and of the
    /// combining marks U+0300..U+037F); 2: `E1`, plain before `BA`/`BB` (U+1E80..U+1EFF);
    /// 0: anything else.
    const PLAIN: [u8; 256] = {
        let mut table = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = match b as u8 {
                b'.' | b'/' | b':' | b'@' | b'\\' | b'`' | b'{' | b'}' | b'<' | b'>' | b'='
                | b'|' => 0,
                0x00..=0x7F | 0x80..=0xBF | 0xC3..=0xC6 | 0xCC | 0xCD => 1,
                0xE1 => 2,
                _ => 0,
            };
            b += 1;
        }
        table
    };
    #[inline]
    fn plain(bytes: &[u8], i: usize) -> bool {
        match bytes.get(i).map(|&b| PLAIN[usize::from(b)]) {
            Some(1) => true,
            Some(2) => matches!(bytes.get(i + 1), Some(0xBA | 0xBB)),
            _ => false,
        }
    }
    const REACH: usize = 256;
    let bytes = text.as_bytes();
    // Back to whitespace.
    let mut i = start;
    while let Some(&b) = bytes.get(i.wrapping_sub(1)) {
        if b.is_ascii_whitespace() {
            break;
        }
        if start - i > REACH || !plain(bytes, i - 1) {
            return in_prose_by_shape(text, start, end);
        }
        i -= 1;
    }
    // The word is letters and combining marks (no marker, no whitespace); on from its end.
    let mut j = end;
    while let Some(&b) = bytes.get(j) {
        if b.is_ascii_whitespace() {
            break;
        }
        if j - end > REACH || !plain(bytes, j) {
            return in_prose_by_shape(text, start, end);
        }
        j += 1;
    }
    // No marker byte and no Unicode whitespace but ASCII: `shape` finds the same token and
    // no marker in it.
    true
}

/// [`in_prose`] the general way.
fn in_prose_by_shape(text: &str, start: usize, end: usize) -> bool {
    shape::enclosing_token(text, start, end).is_some_and(|(s, e)| !shape::is_not_prose(&text[s..e]))
}

/// What one pass over a word found.
struct Word {
    /// Length in bytes.
    len: usize,
    /// Every character a Vietnamese letter or mark, and the word short enough for a
    /// syllable: `letters` is meaningful.
    vietnamese: bool,
    /// Every character is NFC-safe (a starter that no preceding character composes with).
    safe: bool,
    /// The first character is a combining mark or another non-starter.
    starts_with_mark: bool,
    letters: Letters,
}

/// What the fast scan learns of a word made only of ASCII letters and precomposed
/// Vietnamese letters (the common case): its letter codes and where its marks are.
#[derive(Clone, Copy)]
struct FastWord {
    len: usize,
    codes: [u8; MAX_LETTERS],
    letters: u8,
    tones: u8,
    tone_pos: u8,
    vowels: u8,
    /// The letters, when there are at most [`MAX_LETTERS`].
    decoded: Letters,
}

/// The fast scan, straight from the bytes. `None` when the word holds anything else (or
/// `start` is on no letter): [`scan_word`] then does the general scan.
#[inline]
fn fast_word(text: &str, start: usize) -> Option<FastWord> {
    let bytes = text.as_bytes();
    let mut word = FastWord {
        len: 0,
        codes: [0; MAX_LETTERS],
        letters: 0,
        tones: 0,
        tone_pos: 0,
        vowels: 0,
        decoded: Letters::default(),
    };
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        let (found, len) = if b < 0x80 {
            (letter::letter_of_code_point(u32::from(b)), 1)
        } else if (0xC3..=0xC6).contains(&b) {
            let b1 = *bytes.get(i + 1)?;
            let cp = (u32::from(b & 0x1F) << 6) | u32::from(b1 & 0x3F);
            (letter::letter_of_code_point(cp), 2)
        } else if b == 0xE1 {
            let b1 = *bytes.get(i + 1)?;
            let b2 = *bytes.get(i + 2)?;
            let cp = 0x1000 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
            (letter::letter_of_code_point(cp), 3)
        } else {
            (None, 0)
        };
        let Some(found) = found else {
            if b < 0x80 {
                break;
            }
            // Another character: the word ends before it unless it belongs to a word.
            let c = text.get(i..)?.chars().next()?;
            if letter::is_word_char(c) {
                return None;
            }
            break;
        };
        let at = usize::from(word.letters);
        if found.tone != 0 {
            word.tones = word.tones.saturating_add(1);
            word.tone_pos = word.letters;
        }
        word.vowels = word.vowels.saturating_add(u8::from(found.is_vowel()));
        if let Some(slot) = word.codes.get_mut(at) {
            *slot = found.code;
            word.decoded.push_letter(found);
        }
        word.letters = word.letters.saturating_add(1);
        i += len;
    }
    if i == start {
        return None;
    }
    word.len = i - start;
    Some(word)
}

/// Scans the word that starts at `start` (which is on a word character: a letter of any
/// script or a combining mark). Characters between words are starters that nothing before
/// them composes with, so each word is checked on its own; a word that starts with a
/// non-starter takes the character before it along.
#[inline]
fn scan_word(text: &str, start: usize) -> Word {
    let bytes = text.as_bytes();
    let small = crate::scan::small_table();
    let mut word = Word {
        len: 0,
        vietnamese: true,
        safe: true,
        starts_with_mark: false,
        letters: Letters::default(),
    };
    let mut first = true;
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            // ASCII: a letter (with its code, f j w z included) or the end of the word.
            let Some(l) = crate::scan::ascii_letter(small, b) else {
                break;
            };
            if word.vietnamese && !word.letters.push_letter(l) {
                word.vietnamese = false;
            }
            i += 1;
        } else {
            let (entry, len) = crate::scan::read(text, bytes, small, i);
            if let Some(l) = crate::scan::vietnamese_letter(entry) {
                if word.vietnamese && !word.letters.push_letter(l) {
                    word.vietnamese = false;
                }
                i += len;
            } else {
                let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                    break;
                };
                if let Some(mark) = letter::mark_of(c) {
                    if word.vietnamese && !word.letters.push_mark(mark) {
                        word.vietnamese = false;
                    }
                    // Combining marks are never NFC-safe.
                    word.safe = false;
                    if first {
                        word.starts_with_mark = true;
                    }
                } else if letter::is_word_char(c) {
                    word.vietnamese = false;
                    if !nfc_safe(c) {
                        word.safe = false;
                        if first {
                            word.starts_with_mark = true;
                        }
                    }
                } else {
                    break;
                }
                i += c.len_utf8();
            }
        }
        first = false;
    }
    word.len = i - start;
    word
}

#[cfg(test)]
fn scan_word_by_chars(text: &str, start: usize) -> Word {
    let rest = text.get(start..).unwrap_or("");
    let mut word = Word {
        len: 0,
        vietnamese: true,
        safe: true,
        starts_with_mark: false,
        letters: Letters::default(),
    };
    let mut first = true;
    for (i, c) in rest.char_indices() {
        if let Some(l) = letter::letter_of(c) {
            if word.vietnamese && !word.letters.push_letter(l) {
                word.vietnamese = false;
            }
        } else if c.is_ascii() {
            // Every ASCII letter has a letter code.
            word.len = i;
            return word;
        } else if let Some(mark) = letter::mark_of(c) {
            if word.vietnamese && !word.letters.push_mark(mark) {
                word.vietnamese = false;
            }
            // Combining marks are never NFC-safe.
            word.safe = false;
            if first {
                word.starts_with_mark = true;
            }
        } else if letter::is_word_char(c) {
            word.vietnamese = false;
            if !nfc_safe(c) {
                word.safe = false;
                if first {
                    word.starts_with_mark = true;
                }
            }
        } else {
            word.len = i;
            return word;
        }
        first = false;
    }
    word.len = rest.len();
    word
}

/// True for combining marks and other characters with a non-zero combining class.
fn is_non_starter(c: char) -> bool {
    letter::is_combining(c)
        || unicode_normalization::char::is_combining_mark(c)
        || unicode_normalization::char::canonical_combining_class(c) != 0
}

/// True for characters with NFC quick-check Yes and combining class 0, in blocks common in
/// Vietnamese and Ukrainian news text: nothing before them composes with them or reorders
/// across them, and they are unchanged by NFC. Conservative: a character outside these
/// ranges is simply checked the slow way.
#[inline]
pub(crate) fn nfc_safe(c: char) -> bool {
    matches!(
        c as u32,
        0x0000..=0x02FF
            | 0x0400..=0x0482
            | 0x048A..=0x052F
            | 0x1E00..=0x1EFF
            | 0x2002..=0x2027
            | 0x2030..=0x205E
            | 0x20A0..=0x20C0
            | 0x2100..=0x2125
            | 0x2190..=0x21FF
            | 0x2500..=0x27FF
            | 0x3000..=0x3029
            | 0x4E00..=0x9FFF
            | 0xFE00..=0xFE0F
            | 0xFF01..=0xFF9D
            | 0x1F000..=0x1FAFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::canonical_combining_class;

    #[test]
    fn safe_ranges_are_safe() {
        for u in 0..=0x1FAFFu32 {
            let Some(c) = char::from_u32(u) else { continue };
            if nfc_safe(c) {
                assert_eq!(
                    is_nfc_quick(std::iter::once(c)),
                    IsNormalized::Yes,
                    "U+{u:04X}"
                );
                assert_eq!(canonical_combining_class(c), 0, "U+{u:04X}");
            }
        }
    }

    #[test]
    fn repairs_impossible_placements_and_keeps_styles() {
        assert_eq!(
            normalize("noí naỳ laị ngừơi thủơ"),
            "nói này lại người thuở"
        );
        assert_eq!(normalize("qúa gịa"), "quá giạ");
        assert_eq!(normalize("HOÀ Hòa hoà"), "HOÀ Hòa hoà");
        assert_eq!(normalize("NOÍ Noí"), "NÓI Nói");
    }

    #[test]
    fn nfd_input_becomes_nfc() {
        let nfd: String = "Người Việt, Genève, Київ".nfd().collect();
        assert_eq!(normalize(&nfd), "Người Việt, Genève, Київ");
        // A non-starter after a non-letter composes with it.
        assert_eq!(normalize("=\u{0338}"), "\u{2260}");
    }

    #[test]
    fn non_syllables_are_untouched() {
        for text in [
            "Genève Pérez café São",
            "snake_case_noí=1",
            "https://vi.wikipedia.org/wiki/Ho%C3%A0_B%C3%ACnh noí",
            "a@noí.vn",
        ] {
            let out = normalize(text);
            if text.starts_with("https") {
                assert_eq!(out, text.replace(" noí", " nói"));
            } else if text.starts_with("snake") || text.starts_with("a@") {
                assert_eq!(out, text);
            } else {
                assert!(matches!(out, Cow::Borrowed(_)), "{text}");
            }
        }
    }

    #[test]
    fn into_appends() {
        let mut out = String::from(">");
        Normalizer::new().normalize_into("noí", &mut out);
        assert_eq!(out, ">nói");
    }
}

#[cfg(test)]
mod prose_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn word_scan_by_bytes_agrees_with_chars(pieces in prop::collection::vec(piece(), 1..12)) {
            let text = pieces.concat();
            for (start, _) in text.char_indices() {
                let a = scan_word(&text, start);
                let b = scan_word_by_chars(&text, start);
                prop_assert_eq!(
                    (a.len, a.vietnamese, a.safe, a.starts_with_mark),
                    (b.len, b.vietnamese, b.safe, b.starts_with_mark),
                    "{:?} at {}", text, start
                );
                if a.vietnamese {
                    let (x, y) = (&a.letters, &b.letters);
                    prop_assert_eq!(x.letters(), y.letters());
                    prop_assert_eq!(
                        (x.tones, x.tone, x.tone_pos, x.combining),
                        (y.tones, y.tone, y.tone_pos, y.combining)
                    );
                }
            }
        }
    }

    fn reference(text: &str, start: usize, end: usize) -> bool {
        shape::enclosing_token(text, start, end)
            .is_some_and(|(s, e)| !shape::is_not_prose(&text[s..e]))
    }

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => prop::sample::select(vec![
                "nói", "hoà", "a\u{0300}", "Người", "x", " ", " ", "\t", "\n", "\u{0B}",
                "\u{85}", "\u{a0}", "\u{1680}", "\u{2003}", "\u{3000}", ".", "/", ":", "@",
                "\\", "`", "{", "}", "<", ">", "=", "|", "“", "”", "≠", "-", ",", "_", "1",
                "vnexpress", "net", "https://", "www.", "Київ", "ç",
            ])
            .prop_map(str::to_owned),
            1 => any::<char>().prop_map(|c| c.to_string()),
            1 => "[a-z]{300,600}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn in_prose_agrees_with_shape(pieces in prop::collection::vec(piece(), 0..30)) {
            let text = pieces.concat();
            let mut start = None;
            for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                if i < text.len() && letter::is_word_char(c) {
                    start.get_or_insert(i);
                    continue;
                }
                if let Some(s) = start.take() {
                    prop_assert_eq!(in_prose(&text, s, i), reference(&text, s, i), "{:?} {}..{}", text, s, i);
                }
            }
        }
    }
}
