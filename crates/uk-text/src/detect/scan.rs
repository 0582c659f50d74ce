//! One pass over the characters of a text: its words (letters and combining marks, with
//! apostrophes between letters) lower-cased, with the letter evidence and the letter counts.
//!
//! A word is kept as its first [`KEY_BYTES`] bytes (enough for every listed word), its last
//! eight bytes (enough for every ending) and a flag for the Ukrainian pieces found anywhere in
//! it, so reading a word allocates nothing; the whole word is spelt out only for extra
//! [`Evidence`].

use super::words::{self, KEY_BYTES};
use super::{Evidence, Scores, ScriptCounts, letter_evidence};
use crate::chars::{fold_case, is_alpha, is_apostrophe, is_cyrillic, is_latin, is_mark};

/// A word being read, lower-cased.
pub(super) struct Word {
    /// The first bytes of the word, zero-padded.
    pub(super) bytes: [u8; KEY_BYTES],
    /// Bytes in the whole word.
    pub(super) len: usize,
    /// Characters in the whole word (letters, marks and apostrophes).
    pub(super) chars: u32,
    /// The last eight bytes of the word, the last one lowest (zeros before the first byte).
    pub(super) tail: u64,
    /// Whether `-ськ- -цьк- -зьк-` occur in the word.
    pub(super) uk_infix: bool,
    /// Cyrillic letters.
    cyrillic: u32,
    /// Latin letters.
    latin: u32,
}

impl Word {
    const EMPTY: Word = Word {
        bytes: [0; KEY_BYTES],
        len: 0,
        chars: 0,
        tail: 0,
        uk_infix: false,
        cyrillic: 0,
        latin: 0,
    };

    #[inline]
    fn push_byte(&mut self, byte: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = byte;
        }
        self.len += 1;
        self.tail = (self.tail << 8) | u64::from(byte);
    }

    /// Appends one character.
    #[inline]
    fn push(&mut self, c: char) {
        self.chars += 1;
        if c.is_ascii() {
            self.push_byte(c as u8);
            return;
        }
        let mut utf8 = [0u8; 4];
        for &byte in c.encode_utf8(&mut utf8).as_bytes() {
            self.push_byte(byte);
        }
        if c == 'к' && words::is_uk_infix(self.tail) {
            self.uk_infix = true;
        }
    }
}

/// What a character is to the scanner.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A Cyrillic letter.
    Cyrillic,
    /// A Latin letter.
    Latin,
    /// A letter of another script.
    OtherLetter,
    /// A combining mark that is not a letter.
    Mark,
    /// One of the apostrophes.
    Apostrophe,
    /// Anything else: it ends a word.
    Other,
}

/// The kind of `c` and, for a letter, its lower-case form.
#[inline]
fn classify(c: char) -> (Kind, char) {
    match u32::from(c) {
        0..=0x7F => {
            if c.is_ascii_alphabetic() {
                (Kind::Latin, c.to_ascii_lowercase())
            } else if c == '\'' || c == '`' {
                (Kind::Apostrophe, c)
            } else {
                (Kind::Other, c)
            }
        }
        // The basic Cyrillic letters: all letters, with their lower case 0x20 or 0x50 higher.
        0x400..=0x45F => (Kind::Cyrillic, fold_case(c).0),
        _ => classify_other(c),
    }
}

/// [`classify`] for the characters off its fast paths.
fn classify_other(c: char) -> (Kind, char) {
    if is_alpha(c) {
        let kind = if is_cyrillic(c) {
            Kind::Cyrillic
        } else if is_latin(c) {
            Kind::Latin
        } else {
            Kind::OtherLetter
        };
        (kind, fold_case(c).0)
    } else if is_mark(c) {
        (Kind::Mark, c)
    } else if is_apostrophe(c) {
        (Kind::Apostrophe, c)
    } else {
        (Kind::Other, c)
    }
}

/// Scores of `text`: letter evidence as the letters come, word evidence (built-in, then
/// `extra`) at the end of each word. `full` holds each word spelt out when `FULL` is set
/// (needed by `extra` only).
pub(super) fn scan<const FULL: bool>(
    text: &str,
    extra: &[&dyn Evidence],
    full: &mut String,
) -> (Scores, ScriptCounts) {
    let mut scores = Scores::default();
    let mut counts = ScriptCounts::default();
    let mut word = Word::EMPTY;
    let mut in_word = false;
    // An apostrophe after a letter, kept only if a letter follows.
    let mut apostrophe = false;
    let mut prev_cyrillic = false;
    for c in text.chars() {
        let (kind, lower) = classify(c);
        match kind {
            Kind::Other | Kind::Apostrophe | Kind::Mark => {
                if !in_word {
                    continue;
                }
                if apostrophe || kind == Kind::Other {
                    finish::<FULL>(&word, extra, full, &mut scores, &mut counts);
                    in_word = false;
                    apostrophe = false;
                } else if kind == Kind::Apostrophe {
                    apostrophe = true;
                } else {
                    letter_evidence(c, &mut scores);
                    word.push(c);
                    if FULL {
                        full.push(c);
                    }
                }
            }
            Kind::Cyrillic | Kind::Latin | Kind::OtherLetter => {
                if !in_word {
                    word = Word::EMPTY;
                    if FULL {
                        full.clear();
                    }
                    in_word = true;
                } else if apostrophe {
                    if prev_cyrillic && kind == Kind::Cyrillic {
                        scores.uk += 2.0;
                    }
                    word.push('\'');
                    if FULL {
                        full.push('\'');
                    }
                    apostrophe = false;
                }
                if !c.is_ascii() {
                    letter_evidence(c, &mut scores);
                }
                match kind {
                    Kind::Cyrillic => {
                        word.cyrillic += 1;
                        prev_cyrillic = true;
                    }
                    Kind::Latin => {
                        word.latin += 1;
                        prev_cyrillic = false;
                    }
                    _ => {
                        counts.other += 1;
                        prev_cyrillic = false;
                    }
                }
                word.push(lower);
                if FULL {
                    full.push(lower);
                }
            }
        }
    }
    if in_word {
        finish::<FULL>(&word, extra, full, &mut scores, &mut counts);
    }
    (scores, counts)
}

/// Adds the evidence of a finished word.
#[inline]
fn finish<const FULL: bool>(
    word: &Word,
    extra: &[&dyn Evidence],
    full: &str,
    scores: &mut Scores,
    counts: &mut ScriptCounts,
) {
    counts.cyrillic += word.cyrillic;
    counts.latin += word.latin;
    let cyrillic = word.cyrillic > word.latin;
    let mut word_scores = Scores::default();
    words::add_word_evidence(word, cyrillic, &mut word_scores);
    if FULL {
        for source in extra {
            source.word(full, &mut word_scores);
        }
    }
    scores.add_all(&word_scores);
}
