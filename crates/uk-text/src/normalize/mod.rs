//! The Ukrainian normalizer: one canonical spelling for text that is written many ways.
//!
//! What it repairs (each can be turned off):
//!
//! - **Apostrophes** between the letters of a word that holds Cyrillic are unified to one
//!   character (default ASCII `'`, see [`DEFAULT_APOSTROPHE`]): `’ ʼ `` ` `` ′ ‘ ´` all occur in
//!   real text for the same letter. Apostrophes at word edges are quotation marks and stay.
//! - **Stress marks** (U+0301 after a Cyrillic letter) are removed: `заво́д` → `завод`. After a
//!   Latin letter U+0301 is a diacritic (Vietnamese tones in decomposed form) and stays.
//! - **Soft hyphens** (U+00AD) are removed everywhere.
//! - **Decomposed letters** are composed: `и` + U+0306 → `й`, `і` + U+0308 → `ї`.
//! - **Look-alike letters** are repaired: a Latin `a c e i o p x y ï A B C E H I K M O P T X Y Ï`
//!   inside a word that is otherwise Cyrillic becomes the Cyrillic letter (`Kиїв` → `Київ`), and
//!   a Cyrillic look-alike inside a word that is otherwise Latin becomes Latin
//!   (`Pоlitico` → `Politico`). A word whose letters are all Latin is never touched, with one
//!   exception: a one-letter word that is a look-alike (`i`, `a`, `o`, `y`, …) between two
//!   Cyrillic words of the same line is the Ukrainian word (`Слово i діло` → `Слово і діло`).
//! - **Lower-casing** (off by default) runs after the repairs, so a Latin capital in a Cyrillic
//!   word becomes a Cyrillic small letter (`KИЇВ` → `київ`), never a Latin one.
//!
//! The default apostrophe is ASCII `'` (U+0027). Ukrainian typography prints the apostrophe
//! as `’` (U+2019) and Unicode recommends the letter `ʼ` (U+02BC), but the lexicon sources
//! (hunspell-uk, VESUM), the treebanks, tokenize-uk and LanguageTool all spell words with
//! ASCII `'`, and vnuk's Ukrainian lexicon keys use it too, so normalized text can be looked
//! up directly. [`Normalizer::with_apostrophe`] picks another target.
//!
//! Normalization is idempotent, and text that needs nothing is returned borrowed without
//! being copied. Every repair can be reported with its byte span in the input.
//!
//! ```
//! use uk_text::{normalize, normalize_with_report, RepairKind};
//!
//! assert_eq!(normalize("Ки\u{301}ївська об’ява"), "Київська об'ява");
//! let mut repairs = Vec::new();
//! let text = normalize_with_report("Xарків", &mut repairs);
//! assert_eq!(text, "Харків");
//! assert_eq!(repairs[0].kind, RepairKind::CyrillicLookalike);
//! assert_eq!(repairs[0].span, core_model::Span::new(0, 1));
//! ```

mod lookalike;

use crate::chars::{SOFT_HYPHEN, is_apostrophe, is_mark};
use core_model::Span;
use lookalike::{compose, cyrillic_to_latin, latin_to_cyrillic};
use std::borrow::Cow;

/// The apostrophe normalized text uses unless told otherwise: ASCII `'`.
pub const DEFAULT_APOSTROPHE: char = '\'';

/// What a repair changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RepairKind {
    /// An apostrophe variant was replaced by the target apostrophe.
    Apostrophe,
    /// A stress mark was removed.
    StressMark,
    /// A soft hyphen was removed.
    SoftHyphen,
    /// A Latin look-alike letter was replaced by its Cyrillic letter.
    CyrillicLookalike,
    /// A Cyrillic look-alike letter was replaced by its Latin letter.
    LatinLookalike,
    /// A letter and a combining mark were composed into one letter (the span covers both).
    Composed,
}

/// One repair: what changed, and where in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Repair {
    /// The bytes of the input that were changed.
    pub span: Span,
    /// What the change was.
    pub kind: RepairKind,
}

/// The error for a target apostrophe that is not one of the apostrophe characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} (U+{code:04X}) cannot be the target apostrophe: use one of ' ’ ʼ ` ′ ‘ ´",
    code = u32::from(*.0)
)]
pub struct NotAnApostrophe(pub char);

/// Normalization settings. [`Normalizer::default`] repairs everything and keeps case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Normalizer {
    apostrophe: Option<char>,
    remove_stress: bool,
    remove_soft_hyphens: bool,
    compose: bool,
    repair_lookalikes: bool,
    lowercase: bool,
}

impl Default for Normalizer {
    fn default() -> Normalizer {
        Normalizer {
            apostrophe: Some(DEFAULT_APOSTROPHE),
            remove_stress: true,
            remove_soft_hyphens: true,
            compose: true,
            repair_lookalikes: true,
            lowercase: false,
        }
    }
}

/// Normalizes `text` with the default settings.
///
/// ```
/// assert_eq!(uk_text::normalize("сім’ї"), "сім'ї");
/// ```
#[must_use]
pub fn normalize(text: &str) -> Cow<'_, str> {
    Normalizer::default().normalize(text)
}

/// Normalizes `text` with the default settings and appends each repair to `report`.
pub fn normalize_with_report<'a>(text: &'a str, report: &mut Vec<Repair>) -> Cow<'a, str> {
    Normalizer::default().normalize_with_report(text, report)
}

impl Normalizer {
    /// Unifies apostrophes to `target`, which must be one of the apostrophe characters
    /// (see [`is_apostrophe`](crate::is_apostrophe)).
    ///
    /// ```
    /// let n = uk_text::Normalizer::default().with_apostrophe('’').unwrap();
    /// assert_eq!(n.normalize("п'ять"), "п’ять");
    /// assert!(uk_text::Normalizer::default().with_apostrophe('x').is_err());
    /// ```
    pub fn with_apostrophe(mut self, target: char) -> Result<Normalizer, NotAnApostrophe> {
        if !is_apostrophe(target) {
            return Err(NotAnApostrophe(target));
        }
        self.apostrophe = Some(target);
        Ok(self)
    }

    /// Leaves apostrophes as they are.
    #[must_use]
    pub fn keep_apostrophes(mut self) -> Normalizer {
        self.apostrophe = None;
        self
    }

    /// Removes stress marks (default) or keeps them.
    #[must_use]
    pub fn with_stress_removal(mut self, on: bool) -> Normalizer {
        self.remove_stress = on;
        self
    }

    /// Removes soft hyphens (default) or keeps them.
    #[must_use]
    pub fn with_soft_hyphen_removal(mut self, on: bool) -> Normalizer {
        self.remove_soft_hyphens = on;
        self
    }

    /// Composes decomposed Cyrillic letters (default) or leaves them.
    #[must_use]
    pub fn with_composition(mut self, on: bool) -> Normalizer {
        self.compose = on;
        self
    }

    /// Repairs look-alike letters (default) or leaves them.
    #[must_use]
    pub fn with_lookalike_repair(mut self, on: bool) -> Normalizer {
        self.repair_lookalikes = on;
        self
    }

    /// Lower-cases the text (off by default).
    ///
    /// ```
    /// let n = uk_text::Normalizer::default().with_lowercase(true);
    /// assert_eq!(n.normalize("ЗМІ пишуть про KИЇВ"), "змі пишуть про київ");
    /// ```
    #[must_use]
    pub fn with_lowercase(mut self, on: bool) -> Normalizer {
        self.lowercase = on;
        self
    }

    /// Normalizes `text`; borrowed when nothing changed.
    #[must_use]
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.build_cow(text, None)
    }

    /// Normalizes `text` and appends each repair to `report`, in input order.
    pub fn normalize_with_report<'a>(
        &self,
        text: &'a str,
        report: &mut Vec<Repair>,
    ) -> Cow<'a, str> {
        self.build_cow(text, Some(report))
    }

    /// Appends the normalized `text` to `out`; returns whether anything changed. Reusing
    /// `out` keeps a loop over many texts free of allocation.
    pub fn normalize_into(&self, text: &str, out: &mut String) -> bool {
        self.normalize_report_into(text, out, None)
    }

    /// Appends the normalized `text` to `out` and, when given, each repair to `report`;
    /// returns whether anything changed.
    pub fn normalize_report_into(
        &self,
        text: &str,
        out: &mut String,
        report: Option<&mut Vec<Repair>>,
    ) -> bool {
        if self.needs_no_change(text) {
            out.push_str(text);
            return false;
        }
        let mut run = Run::new(text, out, report);
        self.process_words(&mut run);
        let changed = run.changed;
        run.finish();
        changed
    }

    fn build_cow<'a>(&self, text: &'a str, report: Option<&mut Vec<Repair>>) -> Cow<'a, str> {
        let mut out = String::new();
        let mut run = Run::new(text, &mut out, report);
        self.process(&mut run);
        if !run.changed {
            return Cow::Borrowed(text);
        }
        run.finish();
        Cow::Owned(out)
    }

    /// True when a quick byte test shows that `text` certainly needs no change (most words
    /// of Ukrainian news text), so that a caller can skip normalizing and copying it; false
    /// does not mean that anything would change.
    ///
    /// The test passes pure ASCII (when lower-casing, without capitals), or, when not
    /// lower-casing, Cyrillic letters (U+0400–U+04FF) with ASCII that holds no letter,
    /// apostrophe or backtick — no apostrophe variant, stress mark, soft hyphen or Latin
    /// look-alike can be in it. The common typographic punctuation of news text
    /// ([`is_plain_punct`]: guillemets, curly double quotes, dashes, the ellipsis, the
    /// no-break space, `№`, `°`) may be there too, as long as no Cyrillic combining mark
    /// (U+0483..=U+0489) is: none of it is a letter, an apostrophe, a mark or a soft hyphen,
    /// so words stay all-Cyrillic and nothing is rewritten.
    ///
    /// ```
    /// let normalizer = uk_text::Normalizer::default();
    /// assert!(normalizer.needs_no_change("Київ"));
    /// assert!(!normalizer.needs_no_change("Kиїв")); // a Latin K: normalizing is needed
    /// ```
    #[must_use]
    #[inline]
    pub fn needs_no_change(&self, text: &str) -> bool {
        if self.lowercase {
            return text.is_ascii() && !text.bytes().any(|b| b.is_ascii_uppercase());
        }
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut punct = false;
        let mut cyrillic_mark = false;
        while let Some(&b) = bytes.get(i) {
            // The common bytes step through a table: ASCII that is no letter or apostrophe,
            // and the leads of U+0400..=U+047F and U+04C0..=U+04FF.
            let step = PLAIN_STEP[usize::from(b)];
            if step != 0 {
                i += usize::from(step);
                continue;
            }
            match b {
                // Pure ASCII needs nothing; anything else with a Latin letter or an
                // apostrophe goes through the pass.
                b'`' | b'\'' | b'A'..=b'Z' | b'a'..=b'z' => return text.is_ascii(),
                0xD2 => {
                    cyrillic_mark |= matches!(bytes.get(i + 1), Some(0x83..=0x89));
                    i += 2;
                }
                0xC2 | 0xE2 => {
                    let n = is_plain_punct(bytes.get(i..).unwrap_or_default());
                    if n == 0 {
                        return false;
                    }
                    punct = true;
                    i += n;
                }
                _ => return false,
            }
        }
        !(punct && cyrillic_mark)
    }
}

/// How far [`Normalizer::needs_no_change`] steps over a byte that needs no closer look: 1 for
/// ASCII other than letters, `'` and `` ` ``; 2 for the leads 0xD0, 0xD1 and 0xD3 of Cyrillic
/// letters; 0 for every other byte.
static PLAIN_STEP: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        if !c.is_ascii_alphabetic() && c != b'\'' && c != b'`' {
            table[b] = 1;
        }
        b += 1;
    }
    table[0xD0] = 2;
    table[0xD1] = 2;
    table[0xD3] = 2;
    table
};

/// The length of the punctuation character `bytes` starts with when it is one of `«`, `»`,
/// the no-break space, `°`, `–`, `—`, `…`, `“`, `”`, `„` or `№` (none of them a letter,
/// apostrophe, combining mark or soft hyphen); 0 otherwise.
fn is_plain_punct(bytes: &[u8]) -> usize {
    match bytes {
        [0xC2, 0xAB | 0xBB | 0xA0 | 0xB0, ..] => 2,
        [0xE2, 0x80, 0x93 | 0x94 | 0xA6 | 0x9C | 0x9D | 0x9E, ..] | [0xE2, 0x84, 0x96, ..] => 3,
        _ => 0,
    }
}

/// A char and its length at `i`.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Characters that belong to the letter before them: combining marks and soft hyphens.
fn is_transparent(c: char) -> bool {
    is_mark(c) || c == SOFT_HYPHEN
}

/// End of the transparent characters from `pos`.
fn transparent_end(text: &str, mut pos: usize) -> usize {
    while let Some((c, n)) = char_at(text, pos) {
        if !is_transparent(c) {
            break;
        }
        pos += n;
    }
    pos
}

/// Which way look-alike letters of a word are repaired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    None,
    ToCyrillic,
    ToLatin,
}

/// Letter counts of one word.
#[derive(Debug, Clone, Copy)]
struct WordInfo {
    end: usize,
    letters: u32,
    cyr: u32,
    lat: u32,
    cyr_strict: u32,
    lat_strict: u32,
    /// True when the word holds an apostrophe, a combining mark or a soft hyphen, so that
    /// writing it may change something even without look-alike repairs.
    special: bool,
}

impl WordInfo {
    fn direction(&self) -> Direction {
        if self.cyr == 0 || self.lat == 0 {
            Direction::None
        } else if self.lat_strict == 0 && (self.cyr_strict > 0 || self.cyr >= self.lat) {
            Direction::ToCyrillic
        } else if self.cyr_strict == 0 && self.lat_strict > 0 {
            Direction::ToLatin
        } else {
            Direction::None
        }
    }

    /// True when the word holds Cyrillic letters once repaired in `dir`.
    fn final_cyrillic(&self, dir: Direction) -> bool {
        match dir {
            Direction::ToCyrillic => true,
            Direction::ToLatin => false,
            Direction::None => self.cyr > 0,
        }
    }

    /// A one-letter word made of a Latin look-alike (`i`, `a`).
    fn is_single_lookalike(&self) -> bool {
        self.letters == 1 && self.lat == 1 && self.lat_strict == 0
    }
}

/// Output under construction: input is copied lazily, only up to the next change.
struct Run<'t, 'o> {
    text: &'t str,
    out: &'o mut String,
    report: Option<&'o mut Vec<Repair>>,
    copied: usize,
    changed: bool,
}

impl<'t, 'o> Run<'t, 'o> {
    fn new(text: &'t str, out: &'o mut String, report: Option<&'o mut Vec<Repair>>) -> Self {
        Run {
            text,
            out,
            report,
            copied: 0,
            changed: false,
        }
    }

    /// Replaces `start..end` of the input by `with`, recording `kind` when given.
    fn replace(&mut self, start: usize, end: usize, with: &[char], kind: Option<RepairKind>) {
        if let Some(pending) = self.text.get(self.copied..start) {
            self.out.push_str(pending);
        }
        self.out.extend(with.iter());
        self.copied = end;
        self.changed = true;
        if let (Some(report), Some(kind)) = (self.report.as_deref_mut(), kind) {
            report.push(Repair {
                span: Span::new(start, end),
                kind,
            });
        }
    }

    fn record(&mut self, span: Span, kind: RepairKind) {
        if let Some(report) = self.report.as_deref_mut() {
            report.push(Repair { span, kind });
        }
    }

    fn finish(self) {
        if let Some(rest) = self.text.get(self.copied..) {
            self.out.push_str(rest);
        }
    }
}

/// Up to four characters: one letter lower-cased (at most three) and a stress mark.
struct Chars {
    buf: [char; 4],
    len: usize,
}

impl Chars {
    fn new() -> Chars {
        Chars {
            buf: ['\0'; 4],
            len: 0,
        }
    }

    fn push(&mut self, c: char) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = c;
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[char] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

mod process;

#[cfg(test)]
mod tests;
