//! One pass over the bytes of a text: its words (letters and combining marks, with
//! apostrophes between letters) lower-cased, with the letter evidence and the letter counts.
//!
//! ASCII, the basic Cyrillic letters, the Latin letters of Vietnamese and the common
//! combining marks are decoded and classified inline, through small tables built at compile
//! time from [`letter_evidence`]; any other character goes through the general classes of
//! [`crate::chars`].
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
    /// The first bytes of the word, zero-padded (bytes past [`KEY_BYTES`] are dropped).
    pub(super) bytes: [u8; KEY_BYTES],
    /// Bytes in the whole word.
    pub(super) len: usize,
    /// The last eight bytes of the word, the last one lowest (zeros before the first byte).
    pub(super) tail: u64,
    /// Whether `-ськ- -цьк- -зьк-` occur in the word.
    pub(super) uk_infix: bool,
    /// Cyrillic letters.
    cyrillic: u32,
    /// Latin letters.
    latin: u32,
    /// Letters of other scripts.
    other: u32,
    /// Marks and apostrophes.
    not_letters: u32,
}

impl Word {
    const EMPTY: Word = Word {
        bytes: [0; KEY_BYTES],
        len: 0,
        tail: 0,
        uk_infix: false,
        cyrillic: 0,
        latin: 0,
        other: 0,
        not_letters: 0,
    };

    /// Characters in the whole word (letters, marks and apostrophes).
    #[inline]
    pub(super) fn chars(&self) -> u32 {
        self.cyrillic + self.latin + self.other + self.not_letters
    }

    /// Appends one ASCII character.
    #[inline(always)]
    fn push_ascii(&mut self, byte: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = byte;
        }
        self.len += 1;
        self.tail = (self.tail << 8) | u64::from(byte);
    }

    /// Appends one character of two bytes, given as `0x80 .. 0x7FF`.
    #[inline(always)]
    fn push2(&mut self, code: u32) {
        self.push_pair([0xC0 | (code >> 6) as u8, 0x80 | (code & 0x3F) as u8]);
    }

    /// Appends one character of two bytes, given as its UTF-8 bytes.
    #[inline(always)]
    fn push_pair(&mut self, pair: [u8; 2]) {
        if let Some(slot) = self.bytes.get_mut(self.len..self.len + 2) {
            slot.copy_from_slice(&pair);
        }
        self.len += 2;
        self.tail = (self.tail << 16) | u64::from(u16::from_be_bytes(pair));
    }

    /// Appends any character.
    #[inline]
    fn push(&mut self, c: char) {
        let mut utf8 = [0u8; 4];
        for &byte in c.encode_utf8(&mut utf8).as_bytes() {
            if let Some(slot) = self.bytes.get_mut(self.len) {
                *slot = byte;
            }
            self.len += 1;
            self.tail = (self.tail << 8) | u64::from(byte);
        }
        if c == 'к' {
            self.check_uk_infix();
        }
    }

    /// Notes `-ськ- -цьк- -зьк-` when the word ends with one of them.
    #[inline(always)]
    fn check_uk_infix(&mut self) {
        if words::is_uk_infix(self.tail) {
            self.uk_infix = true;
        }
    }
}

/// Letter evidence as a code: 0 for none, else an index into [`apply`]'s weights.
type EvidenceCode = u8;

/// The evidence code of `c`, read off [`letter_evidence`].
const fn evidence_code(c: char) -> EvidenceCode {
    let mut s = Scores {
        uk: 0.0,
        ru: 0.0,
        vi: 0.0,
        en: 0.0,
    };
    letter_evidence(c, &mut s);
    if s.uk == 0.0 && s.ru == 0.0 && s.vi == 0.0 && s.en == 0.0 {
        0
    } else if s.uk == 1.0 && s.ru == 0.0 && s.vi == 0.0 && s.en == 0.0 {
        1
    } else if s.uk == 2.0 && s.ru == 0.0 && s.vi == 0.0 && s.en == 0.0 {
        2
    } else if s.uk == 3.0 && s.ru == 0.0 && s.vi == 0.0 && s.en == 0.0 {
        3
    } else if s.uk == 0.0 && s.ru == 3.0 && s.vi == 0.0 && s.en == 0.0 {
        4
    } else if s.uk == 0.0 && s.ru == 0.0 && s.vi == 1.0 && s.en == 0.0 {
        5
    } else if s.uk == 0.0 && s.ru == 0.0 && s.vi == 0.3 && s.en == 0.0 {
        6
    } else {
        // No letter has other weights (checked for every character in the tests).
        0
    }
}

/// Adds the letter evidence of `code` (the same additions [`letter_evidence`] makes).
#[inline(always)]
fn apply(code: EvidenceCode, scores: &mut Scores) {
    if code == 0 {
        return;
    }
    match code {
        1 => scores.uk += 1.0,
        2 => scores.uk += 2.0,
        3 => scores.uk += 3.0,
        4 => scores.ru += 3.0,
        5 => scores.vi += 1.0,
        _ => scores.vi += 0.3,
    }
}

/// First code point of [`CYRILLIC`].
const CYRILLIC_FIRST: u32 = 0x400;
/// Last code point of [`CYRILLIC`].
const CYRILLIC_LAST: u32 = 0x45F;

/// The basic Cyrillic letters `Ѐ .. џ`: lower case (in UTF-8) and evidence code.
static CYRILLIC: [([u8; 2], EvidenceCode); (CYRILLIC_LAST - CYRILLIC_FIRST + 1) as usize] = {
    let mut table = [([0u8; 2], 0u8); (CYRILLIC_LAST - CYRILLIC_FIRST + 1) as usize];
    let mut i = 0;
    while i < table.len() {
        let code = CYRILLIC_FIRST + i as u32;
        let lower = match code {
            0x400..=0x40F => code + 0x50,
            0x410..=0x42F => code + 0x20,
            _ => code,
        };
        let Some(c) = char::from_u32(code) else {
            panic!("not a character")
        };
        let utf8 = [0xC0 | (lower >> 6) as u8, 0x80 | (lower & 0x3F) as u8];
        table[i] = (utf8, evidence_code(c));
        i += 1;
    }
    table
};

/// `к` in UTF-8: the letter the Ukrainian pieces `-ськ- -цьк- -зьк-` end with.
const K: [u8; 2] = [0xD0, 0xBA];

/// First code point of [`LATIN`].
const LATIN_FIRST: u32 = 0xC0;
/// Last code point of [`LATIN`].
const LATIN_LAST: u32 = 0x24F;

/// Evidence codes of Latin-1, Latin Extended-A and -B (`À .. ɏ`).
static LATIN: [EvidenceCode; (LATIN_LAST - LATIN_FIRST + 1) as usize] = {
    let mut table = [0u8; (LATIN_LAST - LATIN_FIRST + 1) as usize];
    let mut i = 0;
    while i < table.len() {
        let Some(c) = char::from_u32(LATIN_FIRST + i as u32) else {
            panic!("not a character")
        };
        table[i] = evidence_code(c);
        i += 1;
    }
    table
};

/// Evidence code of the tone-marked vowels `Ạ .. ỹ`.
const TONE_MARKED: EvidenceCode = evidence_code('\u{1EA0}');
/// Evidence codes of the combining marks that carry some.
const HOOK_ABOVE: EvidenceCode = evidence_code('\u{0309}');
const DOT_BELOW: EvidenceCode = evidence_code('\u{0323}');

/// The lower case of a Latin letter `code` in `À .. ɏ` or `Ḁ .. ỿ`, with fast paths for the
/// letters of Vietnamese.
#[inline(always)]
fn latin_lower(code: u32, c: char) -> u32 {
    match code {
        0xC0..=0xDE => code + 0x20,
        0xDF..=0xFF => code,
        0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 | 0x1AF => code + 1,
        0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => code,
        0x1EA0..=0x1EF9 => code | 1,
        _ => u32::from(fold_case(c).0),
    }
}

/// What a character that is not a letter is to the scanner.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A combining mark that is not a letter.
    Mark,
    /// One of the apostrophes.
    Apostrophe,
    /// Anything else: it ends a word.
    Other,
}

/// Scripts of letters, for the counts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Cyrillic,
    Latin,
    Other,
}

/// The state of one pass.
struct Scanner<'a, 'e, const FULL: bool> {
    scores: Scores,
    counts: ScriptCounts,
    word: Word,
    in_word: bool,
    /// An apostrophe after a letter, kept only if a letter follows.
    apostrophe: bool,
    prev_cyrillic: bool,
    extra: &'a [&'e dyn Evidence],
    /// The whole word, when `FULL`.
    full: &'a mut String,
}

impl<const FULL: bool> Scanner<'_, '_, FULL> {
    /// Starts or continues a word with a letter of `script`; the caller then adds the
    /// letter's evidence and pushes it.
    #[inline(always)]
    fn letter(&mut self, script: Script) {
        if !self.in_word {
            self.word = Word::EMPTY;
            if FULL {
                self.full.clear();
            }
            self.in_word = true;
        } else if self.apostrophe {
            if self.prev_cyrillic && script == Script::Cyrillic {
                self.scores.uk += 2.0;
            }
            self.word.push_ascii(b'\'');
            self.word.not_letters += 1;
            if FULL {
                self.full.push('\'');
            }
            self.apostrophe = false;
        }
        match script {
            Script::Cyrillic => {
                self.word.cyrillic += 1;
                self.prev_cyrillic = true;
            }
            Script::Latin => {
                self.word.latin += 1;
                self.prev_cyrillic = false;
            }
            Script::Other => {
                self.word.other += 1;
                self.prev_cyrillic = false;
            }
        }
    }

    /// A character that is not a letter: `c` is only read for a mark.
    #[inline(always)]
    fn not_letter(&mut self, kind: Kind, c: char, evidence: EvidenceCode) {
        if !self.in_word {
            return;
        }
        if self.apostrophe || kind == Kind::Other {
            self.finish();
        } else if kind == Kind::Apostrophe {
            self.apostrophe = true;
        } else {
            apply(evidence, &mut self.scores);
            self.word.push(c);
            self.word.not_letters += 1;
            if FULL {
                self.full.push(c);
            }
        }
    }

    /// Adds the evidence of the word just read.
    #[inline]
    fn finish(&mut self) {
        self.in_word = false;
        self.apostrophe = false;
        let word = &self.word;
        self.counts.cyrillic += word.cyrillic;
        self.counts.latin += word.latin;
        self.counts.other += word.other;
        let cyrillic = word.cyrillic > word.latin;
        let mut word_scores = Scores::default();
        words::add_word_evidence(word, cyrillic, &mut word_scores);
        if FULL {
            for source in self.extra {
                source.word(self.full, &mut word_scores);
            }
        }
        self.scores.add_all(&word_scores);
    }

    /// A character off the fast paths.
    #[inline(always)]
    fn general(&mut self, c: char) {
        match classify_general(c) {
            (General::Letter(script), lower, evidence) => {
                self.letter(script);
                apply(evidence, &mut self.scores);
                self.word.push(lower);
                if FULL {
                    self.full.push(lower);
                }
            }
            (General::NotLetter(kind), _, evidence) => self.not_letter(kind, c, evidence),
        }
    }
}

/// What a character off the fast paths is.
#[derive(Clone, Copy)]
enum General {
    Letter(Script),
    NotLetter(Kind),
}

/// The class, lower case and evidence code of a character off the fast paths.
#[inline(never)]
fn classify_general(c: char) -> (General, char, EvidenceCode) {
    let class = if is_alpha(c) {
        General::Letter(if is_cyrillic(c) {
            Script::Cyrillic
        } else if is_latin(c) {
            Script::Latin
        } else {
            Script::Other
        })
    } else if is_mark(c) {
        General::NotLetter(Kind::Mark)
    } else if is_apostrophe(c) {
        General::NotLetter(Kind::Apostrophe)
    } else {
        General::NotLetter(Kind::Other)
    };
    let lower = match class {
        General::Letter(_) => fold_case(c).0,
        General::NotLetter(_) => c,
    };
    (class, lower, evidence_code(c))
}

/// Scores of `text`: letter evidence as the letters come, word evidence (built-in, then
/// `extra`) at the end of each word. `full` holds each word spelt out when `FULL` is set
/// (needed by `extra` only).
pub(super) fn scan<const FULL: bool>(
    text: &str,
    extra: &[&dyn Evidence],
    full: &mut String,
) -> (Scores, ScriptCounts) {
    let mut s = Scanner::<FULL> {
        scores: Scores::default(),
        counts: ScriptCounts::default(),
        word: Word::EMPTY,
        in_word: false,
        apostrophe: false,
        prev_cyrillic: false,
        extra,
        full,
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if lead < 0x80 {
            i += 1;
            if lead.is_ascii_alphabetic() {
                s.letter(Script::Latin);
                let lower = lead | 0x20;
                s.word.push_ascii(lower);
                if FULL {
                    s.full.push(char::from(lower));
                }
            } else if lead == b'\'' || lead == b'`' {
                s.not_letter(Kind::Apostrophe, ' ', 0);
            } else {
                s.not_letter(Kind::Other, ' ', 0);
            }
            continue;
        }
        // `text` is UTF-8: the lead byte tells the length, the continuation bytes follow.
        let (code, len) = match bytes.get(i..) {
            Some(&[b0, b1, ..]) if b0 < 0xE0 => {
                ((u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F), 2)
            }
            Some(&[b0, b1, b2, ..]) if b0 < 0xF0 => (
                (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F),
                3,
            ),
            Some(&[b0, b1, b2, b3, ..]) => (
                (u32::from(b0 & 0x07) << 18)
                    | (u32::from(b1 & 0x3F) << 12)
                    | (u32::from(b2 & 0x3F) << 6)
                    | u32::from(b3 & 0x3F),
                4,
            ),
            _ => break,
        };
        i += len;
        match code {
            CYRILLIC_FIRST..=CYRILLIC_LAST => {
                let (lower, evidence) = CYRILLIC[(code - CYRILLIC_FIRST) as usize];
                s.letter(Script::Cyrillic);
                apply(evidence, &mut s.scores);
                s.word.push_pair(lower);
                if lower == K {
                    s.word.check_uk_infix();
                }
                if FULL {
                    let lower = (u32::from(lower[0] & 0x1F) << 6) | u32::from(lower[1] & 0x3F);
                    s.full.push(char::from_u32(lower).unwrap_or_default());
                }
            }
            LATIN_FIRST..=LATIN_LAST | 0x1E00..=0x1EFF if code != 0xD7 && code != 0xF7 => {
                let Some(c) = char::from_u32(code) else { break };
                s.letter(Script::Latin);
                let evidence = match code {
                    LATIN_FIRST..=LATIN_LAST => LATIN[(code - LATIN_FIRST) as usize],
                    0x1EA0..=0x1EF9 => TONE_MARKED,
                    _ => 0,
                };
                apply(evidence, &mut s.scores);
                let lower = latin_lower(code, c);
                if lower < 0x800 {
                    s.word.push2(lower);
                } else {
                    s.word.push(char::from_u32(lower).unwrap_or(c));
                }
                if FULL {
                    s.full.push(char::from_u32(lower).unwrap_or(c));
                }
            }
            // Combining diacritics (U+0345 and U+0363 .. U+036F are letters).
            0x300..=0x344 | 0x346..=0x362 => {
                let Some(c) = char::from_u32(code) else { break };
                let evidence = match code {
                    0x309 => HOOK_ABOVE,
                    0x323 => DOT_BELOW,
                    _ => 0,
                };
                s.not_letter(Kind::Mark, c, evidence);
            }
            _ => {
                let Some(c) = char::from_u32(code) else { break };
                s.general(c);
            }
        }
    }
    if s.in_word {
        s.finish();
    }
    (s.scores, s.counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_agree_with_the_general_classes() {
        for code in CYRILLIC_FIRST..=CYRILLIC_LAST {
            let c = char::from_u32(code).unwrap();
            assert!(is_alpha(c) && is_cyrillic(c), "U+{code:04X}");
            let (lower, _) = CYRILLIC[(code - CYRILLIC_FIRST) as usize];
            let mut utf8 = [0u8; 4];
            assert_eq!(
                fold_case(c).0.encode_utf8(&mut utf8).as_bytes(),
                lower,
                "U+{code:04X}"
            );
        }
        for code in (LATIN_FIRST..=LATIN_LAST).chain(0x1E00..=0x1EFF) {
            let c = char::from_u32(code).unwrap();
            if code == 0xD7 || code == 0xF7 {
                assert!(!is_alpha(c));
                continue;
            }
            assert!(is_alpha(c) && is_latin(c), "U+{code:04X}");
            assert_eq!(
                latin_lower(code, c),
                u32::from(fold_case(c).0),
                "U+{code:04X}"
            );
        }
        for code in (0x300..=0x362).filter(|&code| code != 0x345) {
            let c = char::from_u32(code).unwrap();
            assert!(!is_alpha(c) && is_mark(c), "U+{code:04X}");
        }
        assert!(is_alpha('\u{345}') && is_alpha('\u{363}') && is_alpha('\u{36F}'));
    }

    #[test]
    fn evidence_codes_add_what_letter_evidence_adds() {
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            let mut direct = Scores::default();
            letter_evidence(c, &mut direct);
            let mut coded = Scores::default();
            apply(evidence_code(c), &mut coded);
            assert_eq!(direct, coded, "{c:?}");
        }
    }
}
