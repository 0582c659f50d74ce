//! Atoms: the units whose gaps the segmenter decides (syllables, or pre-tokenized chunks),
//! with their lookup keys, shapes and dictionary matches.

use crate::key::{KEY_STYLE, lexicon_key};
use crate::syllable;
use crate::tokenize::{self, is_letter};
use core_model::{Span, Token, TokenKind};
use index::{SyllableMatch, WordLexicon};
use xxhash_rust::xxh3::xxh3_64;

/// Longest dictionary word considered, in atoms (the dictionary masks are `u16`).
pub(crate) const MAX_WORD_ATOMS: usize = 16;

/// What an atom is, for features and constraints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Class {
    /// A Vietnamese syllable.
    Viet = 0,
    /// Letters only, not a Vietnamese syllable (a foreign word or a misspelling).
    Foreign = 1,
    /// Letters with digits or inner marks (`G20`, `COVID-19`, `TP.HCM`).
    Mixed = 2,
    /// A number.
    Number = 3,
    /// A date or time.
    Date = 4,
    /// Punctuation.
    Punct = 5,
    /// URLs, e-mails, hashtags, emoji, symbols, anything else.
    Other = 6,
    /// The padding before the first and after the last atom.
    Boundary = 7,
}

/// The letter case of an atom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Case {
    Lower = 0,
    Title = 1,
    Upper = 2,
    /// Mixed case, or no cased letter.
    None = 3,
}

/// The decision allowed at a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// The model decides.
    Free,
    /// Always a word boundary.
    Split,
    /// Always inside a word.
    Join,
}

/// One atom.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Atom {
    pub span: Span,
    pub kind: TokenKind,
    pub class: Class,
    pub case: Case,
    /// Hash of the feature key.
    pub hash: u64,
    /// Bit `l - 1` set when a dictionary word of `l` atoms starts here.
    pub starts: u16,
    /// Bit `l - 1` set when a dictionary word of `l` atoms ends here (inclusive).
    pub ends: u16,
    /// Length of the longest user-dictionary word starting here (0 when none).
    pub user: u8,
    /// The constraint on the gap after this atom.
    pub gap: Gap,
    /// True when the gap after this atom was written with an underscore.
    pub underscore: bool,
}

impl Atom {
    /// The shape code: class and case, 0..32.
    #[inline]
    pub fn shape(&self) -> u64 {
        (self.class as u64) << 2 | self.case as u64
    }

    /// True for atoms that may be part of a multi-atom word.
    #[inline]
    pub fn joinable(&self) -> bool {
        matches!(
            self.class,
            Class::Viet | Class::Foreign | Class::Mixed | Class::Number
        )
    }
}

/// Hashes of the pseudo keys.
pub(crate) mod pseudo {
    /// The padding atom.
    pub const BOUNDARY: u64 = 0x0b0d_a7a5_0000_0001;
    /// Any number.
    pub const NUMBER: u64 = 0x0b0d_a7a5_0000_0002;
    /// Any date.
    pub const DATE: u64 = 0x0b0d_a7a5_0000_0003;
    /// URLs, e-mails, hashtags.
    pub const LINK: u64 = 0x0b0d_a7a5_0000_0004;
    /// Emoji, symbols, others.
    pub const OTHER: u64 = 0x0b0d_a7a5_0000_0005;
}

/// The key written for atoms that must never match a dictionary word.
const NO_KEY: &str = "\u{1}";

/// Per-line working storage, reused across lines so that nothing is allocated per atom once
/// the buffers have grown.
#[derive(Debug, Default)]
pub(crate) struct Atoms {
    pub atoms: Vec<Atom>,
    /// Lookup keys, one per atom (the first `atoms.len()` are live; the rest keep their
    /// capacity for later lines).
    keys: Vec<String>,
    tokens: Vec<Token>,
    matches: Vec<SyllableMatch>,
}

/// How the atoms of a line are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Split {
    /// Pre-tokenize: every syllable, number, punctuation mark… is an atom.
    Raw,
    /// Every whitespace-separated chunk is an atom.
    Chunks,
}

impl Atoms {
    /// Fills the atoms of `text`.
    pub fn load(&mut self, text: &str, split: Split) {
        self.atoms.clear();
        match split {
            Split::Raw => {
                let mut tokens = std::mem::take(&mut self.tokens);
                tokens.clear();
                tokenize::pretokenize(text, &mut tokens);
                for token in &tokens {
                    self.push(text, token.span, token.kind);
                }
                self.tokens = tokens;
            }
            Split::Chunks => {
                let mut pos = 0;
                for chunk in text.split(|c: char| c.is_whitespace()) {
                    if !chunk.is_empty() {
                        let span = Span::new(pos, pos + chunk.len());
                        self.push(text, span, tokenize::chunk_kind(chunk));
                    }
                    pos += chunk.len()
                        + text[pos + chunk.len()..]
                            .chars()
                            .next()
                            .map_or(0, char::len_utf8);
                }
            }
        }
        self.mark_gaps(text);
    }

    fn push(&mut self, text: &str, span: Span, kind: TokenKind) {
        let i = self.atoms.len();
        if self.keys.len() <= i {
            self.keys.push(String::new());
        }
        let surface = span.get(text).unwrap_or("");
        let key = &mut self.keys[i];
        let (class, hash) = analyse(surface, kind, key);
        self.atoms.push(Atom {
            span,
            kind,
            class,
            case: case_of(surface),
            hash,
            starts: 0,
            ends: 0,
            user: 0,
            gap: Gap::Split,
            underscore: false,
        });
    }

    /// Sets each gap's default constraint: free between two joinable atoms separated only by
    /// whitespace or underscores, a split anywhere else.
    fn mark_gaps(&mut self, text: &str) {
        for i in 1..self.atoms.len() {
            let (left, right) = (self.atoms[i - 1], self.atoms[i]);
            let between = text.get(left.span.end..right.span.start).unwrap_or("");
            let separated = !between.is_empty();
            let underscore = tokenize::is_joiner_gap(text, left.span.end, right.span.start);
            let free =
                separated && left.joinable() && right.joinable() && compatible(&left, &right);
            let atom = &mut self.atoms[i - 1];
            atom.underscore = underscore;
            atom.gap = if free { Gap::Free } else { Gap::Split };
        }
    }

    /// Fills the dictionary masks from `words` (and `extra`, a user dictionary), for words
    /// that do not cross a forced split.
    pub fn lookup(&mut self, words: Option<&WordLexicon>, extra: Option<&WordLexicon>) {
        let n = self.atoms.len();
        for atom in &mut self.atoms {
            atom.starts = 0;
            atom.ends = 0;
            atom.user = 0;
        }
        // `run_end` is one past the last atom reachable from `i` without a forced split.
        let mut run_end = n;
        for i in (0..n).rev() {
            if self.atoms[i].gap == Gap::Split {
                run_end = i + 1;
            }
            if !self.atoms[i].joinable() {
                continue;
            }
            let max = (run_end - i).min(MAX_WORD_ATOMS);
            self.matches.clear();
            if let Some(words) = words {
                words.matches_at(&self.keys[..n], i, max, &mut self.matches);
            }
            let from_words = self.matches.len();
            if let Some(extra) = extra {
                extra.matches_at(&self.keys[..n], i, max, &mut self.matches);
            }
            let mut starts = 0u16;
            for m in &self.matches {
                let len = m.end - i;
                if (1..=MAX_WORD_ATOMS).contains(&len) {
                    starts |= 1 << (len - 1);
                }
            }
            let user = self.matches[from_words..].iter().map(|m| m.end - i).max();
            self.atoms[i].starts = starts;
            self.atoms[i].user = user.unwrap_or(0).min(MAX_WORD_ATOMS) as u8;
        }
        for i in 0..n {
            let mut starts = self.atoms[i].starts;
            while starts != 0 {
                let len = starts.trailing_zeros() as usize + 1;
                starts &= starts - 1;
                if let Some(end) = self.atoms.get_mut(i + len - 1) {
                    end.ends |= 1 << (len - 1);
                }
            }
        }
    }
}

/// The hard constraints between two joinable neighbours: a foreign word is never glued to a
/// Vietnamese syllable of another case (`buộc Azerbaijan`, `Azerbaijan tiến`), and a
/// lower-case syllable never to a following number unless the model learns it.
#[inline]
fn compatible(left: &Atom, right: &Atom) -> bool {
    let foreign_viet = matches!(
        (left.class, right.class),
        (Class::Viet, Class::Foreign | Class::Mixed) | (Class::Foreign | Class::Mixed, Class::Viet)
    );
    !(foreign_viet && left.case != right.case)
}

/// Writes the lookup key of `surface` into `key` and returns its class and feature hash.
fn analyse(surface: &str, kind: TokenKind, key: &mut String) -> (Class, u64) {
    key.clear();
    match kind {
        TokenKind::Word | TokenKind::Compound | TokenKind::Abbreviation | TokenKind::Initial => {
            if let Some(s) = syllable::parse(surface) {
                s.to_lowercase().write(KEY_STYLE, key);
                return (Class::Viet, xxh3_64(key.as_bytes()));
            }
            lexicon_key(surface, key);
            let class = if surface.chars().all(is_letter) {
                Class::Foreign
            } else {
                Class::Mixed
            };
            (class, xxh3_64(key.as_bytes()))
        }
        TokenKind::Number => {
            lexicon_key(surface, key);
            (Class::Number, pseudo::NUMBER)
        }
        TokenKind::Date => {
            key.push_str(NO_KEY);
            (Class::Date, pseudo::DATE)
        }
        TokenKind::Punct => {
            key.push_str(NO_KEY);
            (Class::Punct, xxh3_64(surface.as_bytes()))
        }
        TokenKind::Url | TokenKind::Email | TokenKind::Hashtag => {
            key.push_str(NO_KEY);
            (Class::Other, pseudo::LINK)
        }
        TokenKind::Emoji | TokenKind::Symbol | TokenKind::Other => {
            key.push_str(NO_KEY);
            (Class::Other, pseudo::OTHER)
        }
    }
}

/// The letter case of `surface`.
fn case_of(surface: &str) -> Case {
    let mut first = None;
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in surface.chars() {
        if c.is_uppercase() {
            upper += 1;
            first.get_or_insert(true);
        } else if c.is_lowercase() {
            lower += 1;
            first.get_or_insert(false);
        }
    }
    match (first, upper, lower) {
        (None, ..) => Case::None,
        (_, 0, _) => Case::Lower,
        (Some(true), 1, _) => Case::Title,
        (_, _, 0) if upper >= 2 => Case::Upper,
        (_, _, 0) => Case::Title,
        _ => Case::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        assert_eq!(case_of("hòa"), Case::Lower);
        assert_eq!(case_of("Hòa"), Case::Title);
        assert_eq!(case_of("HÒA"), Case::Upper);
        assert_eq!(case_of("A"), Case::Title);
        assert_eq!(case_of("VnExpress"), Case::None);
        assert_eq!(case_of("2024"), Case::None);
        assert_eq!(case_of("G20"), Case::Title);
    }

    #[test]
    fn keys_match_lexicon_key() {
        let mut key = String::new();
        let mut expected = String::new();
        for word in [
            "Hoà",
            "hòa",
            "THUỶ",
            "ho\u{300}a",
            "Kremlin",
            "COVID-19",
            "Genève",
            "noí",
        ] {
            analyse(word, TokenKind::Word, &mut key);
            lexicon_key(word, &mut expected);
            assert_eq!(key, expected, "{word}");
        }
    }

    #[test]
    fn chunks_and_gaps() {
        let mut atoms = Atoms::default();
        let text = "buộc Azerbaijan  chấm_dứt ,  Điện Kremlin";
        atoms.load(text, Split::Raw);
        let gaps: Vec<Gap> = atoms.atoms.iter().map(|a| a.gap).collect();
        let (s, f) = (Gap::Split, Gap::Free);
        assert_eq!(gaps, [s, s, f, s, s, f, s]);
        assert!(atoms.atoms[2].underscore);
        atoms.load(" a_b  c\u{3000}d ", Split::Chunks);
        let chunks: Vec<&str> = atoms
            .atoms
            .iter()
            .map(|a| a.span.slice(" a_b  c\u{3000}d "))
            .collect();
        assert_eq!(chunks, ["a_b", "c", "d"]);
    }
}
