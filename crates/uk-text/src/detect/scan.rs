//! One pass over the bytes of a text: its words (letters and combining marks, with
//! apostrophes between letters) lower-cased, with the letter evidence and the letter counts.
//!
//! ASCII, the basic Cyrillic letters, the Latin letters of Vietnamese and the common
//! combining marks are decoded and classified inline, through small tables built at compile
//! time from [`letter_evidence`]; any other character goes through the general classes of
//! [`crate::chars`].
//!
//! A word's bytes go round a small ring (its first bytes are what the word lists need, when it
//! is short enough to be listed; its last bytes are what the endings need), with a flag for
//! the Ukrainian pieces found anywhere in it, so reading a word allocates nothing; the whole
//! word is spelt out only for extra [`Evidence`].
//!
//! Every built-in Ukrainian, Russian and English weight is a whole number of halves of a
//! point, so without extra evidence, and for texts short enough that no sum can exceed
//! 2^23 points (see [`EXACT_BYTES`]), those scores are counted in halves, as integers, and
//! turned into `f32` at the end: each partial `f32` sum of such weights is exact, so the
//! result is the same, bit for bit, in whatever order the weights come. The Vietnamese
//! weights (`0.3` is no whole number of halves) are added as floats, in the text's order.

use super::words;
use super::{Evidence, Scores, ScriptCounts, letter_evidence};
use crate::chars::{fold_case, is_alpha, is_apostrophe, is_cyrillic, is_latin, is_mark};

/// Bytes of the ring a word's bytes are written into: a power of two, so that writes need
/// no check. A word's first bytes stay while it is no longer than the ring (a word is looked
/// up only when it is much shorter), its last eight always.
pub(super) const RING: usize = 64;

/// A word being read, lower-cased.
pub(super) struct Word {
    /// The word's bytes, written from the start round and round; zeros after the end of a
    /// word shorter than [`KEY_BYTES`](words::KEY_BYTES), stale bytes after that.
    pub(super) ring: [u8; RING],
    /// Bytes in the whole word.
    pub(super) len: usize,
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
        ring: [0; RING],
        len: 0,
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

    /// The last eight bytes of the word, the last one lowest (zeros before the first byte).
    #[inline]
    pub(super) fn tail(&self) -> u64 {
        let len = self.len;
        if len < 8 {
            let mut first = [0u8; 8];
            first.copy_from_slice(&self.ring[..8]);
            // Keep the word's bytes only (the rest are zeros or stale).
            return u64::from_be_bytes(first)
                .checked_shr(8 * (8 - len) as u32)
                .unwrap_or(0);
        }
        if let Some(last) = self.ring.get(len - 8..len) {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(last);
            return u64::from_be_bytes(eight);
        }
        // The word wrapped around the ring.
        (len - 8..len).fold(0, |value, k| (value << 8) | u64::from(self.ring[k % RING]))
    }

    /// Appends one byte.
    #[inline(always)]
    fn push_byte(&mut self, byte: u8) {
        self.ring[self.len % RING] = byte;
        self.len += 1;
    }

    /// Appends one ASCII character.
    #[inline(always)]
    fn push_ascii(&mut self, byte: u8) {
        self.push_byte(byte);
    }

    /// Appends one character of two bytes, given as its UTF-8 bytes.
    #[inline(always)]
    fn push_pair(&mut self, pair: [u8; 2]) {
        self.push_byte(pair[0]);
        self.push_byte(pair[1]);
    }

    /// Appends any character.
    #[inline]
    fn push(&mut self, c: char) {
        let mut utf8 = [0u8; 4];
        for &byte in c.encode_utf8(&mut utf8).as_bytes() {
            self.push_byte(byte);
        }
        if c == 'к' {
            self.check_uk_infix();
        }
    }

    /// Notes `-ськ- -цьк- -зьк-` when the word ends with one of them.
    #[inline(always)]
    fn check_uk_infix(&mut self) {
        if words::is_uk_infix(self.tail()) {
            self.uk_infix = true;
        }
    }
}

/// Letter evidence as a code: 0 for none, else an index into [`apply`]'s weights.
type EvidenceCode = u8;

/// The evidence code of `c`, read off [`letter_evidence`].
const fn evidence_code(c: char) -> EvidenceCode {
    let [uk, ru, vi, en] = letter_weights(c);
    if uk == 0.0 && ru == 0.0 && vi == 0.0 && en == 0.0 {
        0
    } else if uk == 1.0 && ru == 0.0 && vi == 0.0 && en == 0.0 {
        1
    } else if uk == 2.0 && ru == 0.0 && vi == 0.0 && en == 0.0 {
        2
    } else if uk == 3.0 && ru == 0.0 && vi == 0.0 && en == 0.0 {
        3
    } else if uk == 0.0 && ru == 3.0 && vi == 0.0 && en == 0.0 {
        4
    } else if uk == 0.0 && ru == 0.0 && vi == 1.0 && en == 0.0 {
        5
    } else if uk == 0.0 && ru == 0.0 && vi == 0.3 && en == 0.0 {
        6
    } else {
        // No letter has other weights (checked for every character in the tests).
        0
    }
}

/// Adds the letter evidence of `code` (the same additions [`letter_evidence`] makes).
#[cfg(test)]
fn apply(code: EvidenceCode, scores: &mut Scores) {
    match code {
        0 => {}
        1 => scores.uk += 1.0,
        2 => scores.uk += 2.0,
        3 => scores.uk += 3.0,
        4 => scores.ru += 3.0,
        5 => scores.vi += 1.0,
        _ => scores.vi += 0.3,
    }
}

/// The longest text whose Ukrainian, Russian and English scores are counted in halves:
/// no byte adds more than 16 halves to one language (a Cyrillic letter at most 6 over two
/// bytes, an apostrophe 4, a word at most 6 over at least two bytes with the character
/// that ends it), so no count exceeds 2^24 halves, and every partial sum, a whole number of
/// halves of at most 2^23 points, is exact in `f32`.
pub(super) const EXACT_BYTES: usize = 1 << 20;

/// `halves` halves of a point (exact below 2^24 halves).
#[inline(always)]
fn half(halves: u32) -> f32 {
    #[allow(clippy::cast_precision_loss)]
    let points = halves as f32 * 0.5;
    points
}

/// First code point of [`CYRILLIC`].
const CYRILLIC_FIRST: u32 = 0x400;
/// Last code point of [`CYRILLIC`].
const CYRILLIC_LAST: u32 = 0x45F;

/// The weights [`letter_evidence`] gives `c`, in the order uk, ru, vi, en.
const fn letter_weights(c: char) -> [f32; 4] {
    let mut s = Scores {
        uk: 0.0,
        ru: 0.0,
        vi: 0.0,
        en: 0.0,
    };
    letter_evidence(c, &mut s);
    [s.uk, s.ru, s.vi, s.en]
}

/// A basic Cyrillic letter: its lower case in UTF-8 and its Ukrainian and Russian weights
/// (the letters have no others). Adding a weight of 0 leaves a score as it is: no score is
/// ever -0.
#[derive(Clone, Copy)]
struct CyrillicLetter {
    lower: [u8; 2],
    uk: f32,
    ru: f32,
    /// `uk` in halves of a point.
    uk_halves: u8,
    /// `ru` in halves of a point.
    ru_halves: u8,
}

/// The basic Cyrillic letters `Ѐ .. џ`.
static CYRILLIC: [CyrillicLetter; (CYRILLIC_LAST - CYRILLIC_FIRST + 1) as usize] = {
    let mut table = [CyrillicLetter {
        lower: [0; 2],
        uk: 0.0,
        ru: 0.0,
        uk_halves: 0,
        ru_halves: 0,
    }; (CYRILLIC_LAST - CYRILLIC_FIRST + 1) as usize];
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
        let [uk, ru, vi, en] = letter_weights(c);
        assert!(
            vi == 0.0 && en == 0.0,
            "a Cyrillic letter weighs for vi or en"
        );
        table[i] = CyrillicLetter {
            lower: [0xC0 | (lower >> 6) as u8, 0x80 | (lower & 0x3F) as u8],
            uk,
            ru,
            uk_halves: words::halves_of(uk),
            ru_halves: words::halves_of(ru),
        };
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

/// A letter of Latin-1, Latin Extended-A or -B: its lower case in UTF-8 when it is one of
/// the letters of Vietnamese or Latin-1 (`[0, 0]` otherwise: ask [`fold_case`]) and its
/// Vietnamese weight (the letters have no others).
#[derive(Clone, Copy)]
struct LatinLetter {
    lower: [u8; 2],
    vi: f32,
}

/// Latin-1, Latin Extended-A and -B (`À .. ɏ`; `×` and `÷` are no letters and never read).
static LATIN: [LatinLetter; (LATIN_LAST - LATIN_FIRST + 1) as usize] = {
    let mut table = [LatinLetter {
        lower: [0; 2],
        vi: 0.0,
    }; (LATIN_LAST - LATIN_FIRST + 1) as usize];
    let mut i = 0;
    while i < table.len() {
        let code = LATIN_FIRST + i as u32;
        let lower = match code {
            0xC0..=0xDE => code + 0x20,
            0xDF..=0xFF => code,
            0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 | 0x1AF => code + 1,
            0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => code,
            _ => 0,
        };
        let Some(c) = char::from_u32(code) else {
            panic!("not a character")
        };
        let [uk, ru, vi, en] = letter_weights(c);
        assert!(
            uk == 0.0 && ru == 0.0 && en == 0.0,
            "a Latin letter weighs for uk, ru or en"
        );
        table[i] = LatinLetter {
            lower: if lower == 0 {
                [0; 2]
            } else {
                [0xC0 | (lower >> 6) as u8, 0x80 | (lower & 0x3F) as u8]
            },
            vi,
        };
        i += 1;
    }
    table
};

/// Evidence codes of the combining marks that carry some.
const HOOK_ABOVE: EvidenceCode = evidence_code('\u{0309}');
const DOT_BELOW: EvidenceCode = evidence_code('\u{0323}');

/// The weight of the tone-marked vowels `Ạ .. ỹ`.
const TONE_MARKED_WEIGHT: f32 = letter_weights('\u{1EA0}')[2];

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
///
/// With `FULL` (extra evidence, or a text longer than [`EXACT_BYTES`]) every weight goes
/// into `scores` as it comes; without, the Ukrainian, Russian and English weights are
/// counted in halves and only the Vietnamese ones go into `scores`.
struct Scanner<'a, 'e, const FULL: bool> {
    scores: Scores,
    /// Ukrainian evidence in halves of a point, without `FULL`.
    uk_halves: u32,
    /// Russian evidence in halves of a point, without `FULL`.
    ru_halves: u32,
    /// English evidence in halves of a point, without `FULL`.
    en_halves: u32,
    counts: ScriptCounts,
    word: Word,
    in_word: bool,
    /// An apostrophe after a letter, kept only if a letter follows.
    apostrophe: bool,
    prev_cyrillic: bool,
    extra: &'a [&'e dyn Evidence],
    /// The whole word, when `FULL` and there is extra evidence to read it.
    full: Spelling<'a>,
}

/// The word spelt out for the extra evidence; pushes do nothing without any (a long text
/// is scored with every weight as it comes, but needs no spelling for that).
struct Spelling<'a> {
    word: &'a mut String,
    on: bool,
}

impl Spelling<'_> {
    #[inline(always)]
    fn push(&mut self, c: char) {
        if self.on {
            self.word.push(c);
        }
    }

    #[inline(always)]
    fn clear(&mut self) {
        self.word.clear();
    }
}

impl<const FULL: bool> Scanner<'_, '_, FULL> {
    /// Adds Ukrainian and Russian weights given in halves of a point.
    #[inline(always)]
    fn add_halves(&mut self, uk: u32, ru: u32) {
        if FULL {
            self.scores.uk += half(uk);
            self.scores.ru += half(ru);
        } else {
            self.uk_halves += uk;
            self.ru_halves += ru;
        }
    }

    /// Adds the letter evidence of `code` (the same additions [`letter_evidence`] makes).
    #[inline(always)]
    fn apply(&mut self, code: EvidenceCode) {
        match code {
            0 => {}
            1 => self.add_halves(2, 0),
            2 => self.add_halves(4, 0),
            3 => self.add_halves(6, 0),
            4 => self.add_halves(0, 6),
            5 => self.scores.vi += 1.0,
            _ => self.scores.vi += 0.3,
        }
    }

    /// Starts or continues a word with a letter of `script`; the caller then adds the
    /// letter's evidence and pushes it.
    #[inline(always)]
    fn letter(&mut self, script: Script) {
        if !self.in_word {
            // Only the bytes a key is made of need to be zeros.
            self.word.ring[..words::KEY_BYTES].fill(0);
            self.word.len = 0;
            self.word.uk_infix = false;
            self.word.cyrillic = 0;
            self.word.latin = 0;
            self.word.other = 0;
            self.word.not_letters = 0;
            if FULL {
                self.full.clear();
            }
            self.in_word = true;
        } else if self.apostrophe {
            if self.prev_cyrillic && script == Script::Cyrillic {
                self.add_halves(4, 0);
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
            self.apply(evidence);
            self.word.push(c);
            self.word.not_letters += 1;
            if FULL {
                self.full.push(c);
            }
        }
    }

    /// Adds the evidence of the word just read.
    #[inline(always)]
    fn finish(&mut self) {
        self.in_word = false;
        self.apostrophe = false;
        let word = &self.word;
        self.counts.cyrillic += word.cyrillic;
        self.counts.latin += word.latin;
        self.counts.other += word.other;
        let cyrillic = word.cyrillic > word.latin;
        if FULL {
            let mut word_scores = Scores::default();
            words::add_word_evidence(word, cyrillic, &mut word_scores);
            for source in self.extra {
                source.word(self.full.word, &mut word_scores);
            }
            self.scores.add_all(&word_scores);
        } else {
            // The same additions as above: adding a zero weight leaves a score as it is.
            let [first, second] = words::word_halves(word, cyrillic);
            if cyrillic {
                self.uk_halves += first;
                self.ru_halves += second;
            } else {
                self.en_halves += first;
                if second != 0 {
                    self.scores.vi += half(second);
                }
            }
        }
    }

    /// Adds the evidence of the basic Cyrillic letter `code` and pushes its lower case.
    #[inline(always)]
    fn cyrillic_letter(&mut self, code: u32) {
        let Some(&letter) = code
            .checked_sub(CYRILLIC_FIRST)
            .and_then(|i| CYRILLIC.get(i as usize))
        else {
            return;
        };
        if FULL {
            self.scores.uk += letter.uk;
            self.scores.ru += letter.ru;
        } else {
            self.uk_halves += u32::from(letter.uk_halves);
            self.ru_halves += u32::from(letter.ru_halves);
        }
        let lower = letter.lower;
        self.word.push_pair(lower);
        if lower == K {
            self.word.check_uk_infix();
        }
        if FULL {
            let lower = (u32::from(lower[0] & 0x1F) << 6) | u32::from(lower[1] & 0x3F);
            self.full.push(char::from_u32(lower).unwrap_or_default());
        }
    }

    /// A character off the fast paths.
    #[inline(always)]
    fn general(&mut self, c: char) {
        match classify_general(c) {
            (General::Letter(script), lower, evidence) => {
                self.letter(script);
                self.apply(evidence);
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
        uk_halves: 0,
        ru_halves: 0,
        en_halves: 0,
        counts: ScriptCounts::default(),
        word: Word::EMPTY,
        in_word: false,
        apostrophe: false,
        prev_cyrillic: false,
        extra,
        full: Spelling {
            on: !extra.is_empty(),
            word: full,
        },
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
                // The rest of a run of ASCII letters: no state to look at.
                while let Some(&next) = bytes.get(i) {
                    if !next.is_ascii_alphabetic() {
                        break;
                    }
                    i += 1;
                    s.word.latin += 1;
                    let lower = next | 0x20;
                    s.word.push_ascii(lower);
                    if FULL {
                        s.full.push(char::from(lower));
                    }
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
                s.letter(Script::Cyrillic);
                s.cyrillic_letter(code);
                // The rest of a run of basic Cyrillic letters (`0xD0 ..`, `0xD1 0x80 .. 0x9F`):
                // no state to look at.
                while let Some(&[b0, b1]) = bytes.get(i..i + 2) {
                    if !(b0 == 0xD0 || (b0 == 0xD1 && b1 < 0xA0)) {
                        break;
                    }
                    i += 2;
                    s.word.cyrillic += 1;
                    s.cyrillic_letter((u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F));
                }
            }
            LATIN_FIRST..=LATIN_LAST if code != 0xD7 && code != 0xF7 => {
                let letter = LATIN[(code - LATIN_FIRST) as usize];
                s.letter(Script::Latin);
                s.scores.vi += letter.vi;
                if letter.lower[0] != 0 {
                    s.word.push_pair(letter.lower);
                    if FULL {
                        let [b0, b1] = letter.lower;
                        let lower = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
                        s.full.push(char::from_u32(lower).unwrap_or_default());
                    }
                } else {
                    let lower = char::from_u32(code).map_or('\0', |c| fold_case(c).0);
                    s.word.push(lower);
                    if FULL {
                        s.full.push(lower);
                    }
                }
            }
            // Latin Extended Additional: the tone-marked vowels `Ạ .. ỹ` (capitals at even
            // code points, their lower case one above) and other letters.
            0x1E00..=0x1EFF => {
                s.letter(Script::Latin);
                if let (0x1EA0..=0x1EF9, Some(&[b0, b1, b2])) =
                    (code, bytes.get(i.saturating_sub(3)..i))
                {
                    s.scores.vi += TONE_MARKED_WEIGHT;
                    s.word.push_byte(b0);
                    s.word.push_byte(b1);
                    s.word.push_byte(b2 | 1);
                    if FULL {
                        s.full.push(char::from_u32(code | 1).unwrap_or_default());
                    }
                } else {
                    let lower = char::from_u32(code).map_or('\0', |c| fold_case(c).0);
                    s.word.push(lower);
                    if FULL {
                        s.full.push(lower);
                    }
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
    if !FULL {
        s.scores.uk = half(s.uk_halves);
        s.scores.ru = half(s.ru_halves);
        s.scores.en = half(s.en_halves);
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
            let lower = CYRILLIC[(code - CYRILLIC_FIRST) as usize].lower;
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
            let lower = fold_case(c).0;
            if let Some(letter) = code
                .checked_sub(LATIN_FIRST)
                .and_then(|i| LATIN.get(i as usize))
                .filter(|letter| letter.lower[0] != 0)
            {
                let mut utf8 = [0u8; 4];
                let expected = lower.encode_utf8(&mut utf8).as_bytes();
                assert_eq!(expected, letter.lower, "U+{code:04X}");
            }
            if (0x1EA0..=0x1EF9).contains(&code) {
                assert_eq!(u32::from(lower), code | 1, "U+{code:04X}");
            }
        }
        for code in (0x300..=0x362).filter(|&code| code != 0x345) {
            let c = char::from_u32(code).unwrap();
            assert!(!is_alpha(c) && is_mark(c), "U+{code:04X}");
        }
        assert!(is_alpha('\u{345}') && is_alpha('\u{363}') && is_alpha('\u{36F}'));
    }

    #[test]
    fn table_weights_are_the_letter_weights() {
        for code in CYRILLIC_FIRST..=CYRILLIC_LAST {
            let c = char::from_u32(code).unwrap();
            let letter = CYRILLIC[(code - CYRILLIC_FIRST) as usize];
            assert_eq!(letter_weights(c), [letter.uk, letter.ru, 0.0, 0.0], "{c:?}");
        }
        for code in LATIN_FIRST..=LATIN_LAST {
            let c = char::from_u32(code).unwrap();
            let letter = LATIN[(code - LATIN_FIRST) as usize];
            assert_eq!(letter_weights(c), [0.0, 0.0, letter.vi, 0.0], "{c:?}");
        }
        for code in 0x1E00..=0x1EFF {
            let c = char::from_u32(code).unwrap();
            let vi = if (0x1EA0..=0x1EF9).contains(&code) {
                TONE_MARKED_WEIGHT
            } else {
                0.0
            };
            assert_eq!(letter_weights(c), [0.0, 0.0, vi, 0.0], "{c:?}");
        }
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
