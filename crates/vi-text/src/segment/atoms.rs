//! Atoms: the units whose gaps the segmenter decides (syllables, or pre-tokenized chunks),
//! with their lookup keys, shapes and dictionary matches.

use super::cache::{ChunkCache, MAX_CHUNK_LEN, Made, NO_STATE, PairCache, SurfaceCache, UNWALKED};
use super::dict;
use super::trie::{self, SyllableTrie};
use crate::key::{KEY_STYLE, lexicon_key};
use crate::syllable;
use crate::tokenize::{self, is_letter};
use core_model::{Span, Token, TokenKind};
use index::FstData;
use index::fst::raw::Fst;
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
    /// The lookup key, as a range of the surface cache's arena (empty: never in a word).
    pub key_start: u32,
    pub key_len: u32,
    /// The dictionary state after the key, [`NO_STATE`], or [`UNWALKED`] (the key is a
    /// syllable of the trie, whose walks need no state; found when needed).
    pub state: usize,
    /// The key alone is a dictionary word.
    pub is_word: bool,
    /// The key's syllable id and the node after it in the dictionary's trie
    /// ([`trie::NONE`] when none).
    pub syllable: u32,
    pub node: u32,
    /// The filter of the syllables that may follow in a word (see
    /// [`SyllableTrie::follows`]; 0 without a trie).
    pub follows: u32,
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

    /// True for atoms that may be part of a multi-atom word: words, not numbers (`3 triệu`
    /// stays two tokens), punctuation or anything else.
    #[inline]
    pub fn joinable(&self) -> bool {
        matches!(self.class, Class::Viet | Class::Foreign | Class::Mixed)
    }
}

// An atom fits one cache line (they are copied from the chunk cache, one per atom).
const _: () = assert!(std::mem::size_of::<Atom>() <= 64);

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

/// The dictionaries of one segmentation: the word lexicon's fst (with an identity for the
/// cache of dictionary states) and an optional user dictionary's.
#[derive(Clone, Copy)]
pub(crate) struct Dicts<'a> {
    /// Identifies `words` for the surface cache.
    pub owner: u64,
    pub words: Option<&'a Fst<FstData>>,
    /// The syllable trie of `words`, when built: the walks over `words` use it.
    pub trie: Option<&'a SyllableTrie>,
    pub user: Option<&'a Fst<FstData>>,
}

#[cfg(test)]
impl Dicts<'static> {
    /// No dictionary at all.
    pub(crate) const NONE: Dicts<'static> = Dicts {
        owner: 0,
        words: None,
        trie: None,
        user: None,
    };
}

/// Per-line working storage, reused across lines so that nothing is allocated per atom once
/// the buffers have grown.
#[derive(Debug, Default)]
pub(crate) struct Atoms {
    pub atoms: Vec<Atom>,
    pub cache: SurfaceCache,
    pairs: PairCache,
    chunks: ChunkCache,
    tokens: Vec<Token>,
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
    pub fn load(&mut self, text: &str, split: Split, dicts: Dicts<'_>) {
        self.atoms.clear();
        if self.cache.begin_line(dicts.owner) {
            self.pairs.clear();
        }
        match split {
            Split::Raw => {
                self.chunks.begin_line(self.cache.generation());
                let bytes = text.as_bytes();
                let mut pos = 0;
                while pos < bytes.len() {
                    if is_ascii_space(bytes[pos]) {
                        pos += 1;
                        continue;
                    }
                    let start = pos;
                    pos = chunk_end(bytes, pos + 1);
                    self.push_chunk(text, start, pos, dicts);
                }
            }
            Split::Chunks => {
                let mut pos = 0;
                for chunk in text.split(|c: char| c.is_whitespace()) {
                    if !chunk.is_empty() {
                        let span = Span::new(pos, pos + chunk.len());
                        self.push(text, span, tokenize::chunk_kind(chunk), dicts);
                    }
                    pos += chunk.len();
                    pos += text
                        .get(pos..)
                        .and_then(|rest| rest.chars().next())
                        .map_or(0, char::len_utf8);
                }
            }
        }
        self.mark_gaps(text);
    }

    /// Pushes the atoms of the chunk `text[start..end]` (between ASCII whitespace), from the
    /// chunk cache when it was seen before. The pre-tokenizer reads nothing beyond ASCII
    /// whitespace (no token holds one, no rule looks across one), so a chunk has the same
    /// tokens wherever it occurs; the pre-tokenization of the whole line is the
    /// concatenation of its chunks' (a test checks it).
    #[inline]
    fn push_chunk(&mut self, text: &str, start: usize, end: usize, dicts: Dicts<'_>) {
        let chunk = text.as_bytes().get(start..end).unwrap_or(&[]);
        let vacancy = if (1..=MAX_CHUNK_LEN).contains(&chunk.len()) {
            match self.chunks.find(chunk) {
                Ok(atoms) => {
                    self.atoms.reserve(atoms.len());
                    for atom in atoms {
                        let mut atom = *atom;
                        atom.span = atom.span.shifted(start);
                        self.atoms.push(atom);
                    }
                    return;
                }
                Err(vacancy) => Some(vacancy),
            }
        } else {
            None
        };
        let first = self.atoms.len();
        let mut tokens = std::mem::take(&mut self.tokens);
        tokens.clear();
        tokenize::pretokenize(text.get(start..end).unwrap_or(""), &mut tokens);
        for token in &tokens {
            self.push(text, token.span.shifted(start), token.kind, dicts);
        }
        self.tokens = tokens;
        if let Some(vacancy) = vacancy {
            let atoms = self.atoms.get(first..).unwrap_or(&[]);
            self.chunks.insert(vacancy, chunk, atoms, start);
        }
    }

    fn push(&mut self, text: &str, span: Span, kind: TokenKind, dicts: Dicts<'_>) {
        let surface = span.get(text).unwrap_or("");
        let mut atom = Atom {
            span,
            kind,
            class: Class::Other,
            case: Case::None,
            hash: 0,
            key_start: 0,
            key_len: 0,
            state: NO_STATE,
            is_word: false,
            syllable: trie::NONE,
            node: trie::NONE,
            follows: 0,
            starts: 0,
            ends: 0,
            user: 0,
            gap: Gap::Split,
            underscore: false,
        };
        match kind {
            TokenKind::Word
            | TokenKind::Compound
            | TokenKind::Abbreviation
            | TokenKind::Initial => {
                let entry = *self.cache.get_or_insert(surface, |key| {
                    let class = word_key(surface, key);
                    let (syllable, node, follows) = match dicts.trie {
                        Some(trie) if !key.is_empty() => {
                            let syllable = trie.syllable(key.as_bytes());
                            (syllable, trie.first(syllable), trie.follows(syllable))
                        }
                        _ => (trie::NONE, trie::NONE, 0),
                    };
                    let (state, is_word) = match (dicts.words, dicts.trie) {
                        // The trie walks need no fst state: it is found when a walk falls
                        // back to the fst (see `lookup`). A key that is no syllable of the
                        // lexicon starts no word.
                        (Some(_), Some(trie)) if syllable != trie::SPACED => {
                            if syllable == trie::NONE {
                                (NO_STATE, false)
                            } else {
                                (UNWALKED, trie.is_word(syllable))
                            }
                        }
                        (Some(fst), _) => dict::state_after(fst, key.as_bytes()),
                        (None, _) => (NO_STATE, false),
                    };
                    Made {
                        class,
                        case: case_of(surface),
                        state,
                        is_word,
                        syllable,
                        node,
                        follows,
                    }
                });
                atom.class = entry.class;
                atom.case = entry.case;
                atom.hash = entry.key_hash;
                atom.key_start = entry.key_start;
                atom.key_len = entry.key_len;
                atom.state = entry.state;
                atom.is_word = entry.is_word;
                atom.syllable = entry.syllable;
                atom.node = entry.node;
                atom.follows = entry.follows;
            }
            TokenKind::Number => {
                atom.class = Class::Number;
                atom.hash = pseudo::NUMBER;
            }
            TokenKind::Date => {
                atom.class = Class::Date;
                atom.hash = pseudo::DATE;
            }
            TokenKind::Punct => {
                atom.class = Class::Punct;
                atom.hash = xxh3_64(surface.as_bytes());
            }
            TokenKind::Url | TokenKind::Email | TokenKind::Hashtag => {
                atom.hash = pseudo::LINK;
            }
            TokenKind::Emoji | TokenKind::Symbol | TokenKind::Other => {
                atom.hash = pseudo::OTHER;
            }
        }
        self.atoms.push(atom);
    }

    /// The lookup key of `atom` (empty for atoms that never match a dictionary word).
    #[cfg(test)]
    pub fn key(&self, atom: &Atom) -> &str {
        let start = atom.key_start as usize;
        self.cache
            .arena()
            .get(start..start + atom.key_len as usize)
            .unwrap_or("")
    }

    /// Sets each gap's default constraint: free between two joinable atoms separated only by
    /// whitespace or underscores, a split anywhere else.
    fn mark_gaps(&mut self, text: &str) {
        for i in 1..self.atoms.len() {
            let (underscore, free) = {
                let (left, right) = (&self.atoms[i - 1], &self.atoms[i]);
                let separated = left.span.end < right.span.start;
                // A single space (the usual gap) is not a joiner; look closer only otherwise.
                let single_space = right.span.start == left.span.end + 1
                    && text.as_bytes().get(left.span.end) == Some(&b' ');
                let underscore = separated
                    && !single_space
                    && tokenize::is_joiner_gap(text, left.span.end, right.span.start);
                let free =
                    separated && left.joinable() && right.joinable() && compatible(left, right);
                (underscore, free)
            };
            let atom = &mut self.atoms[i - 1];
            atom.underscore = underscore;
            atom.gap = if free { Gap::Free } else { Gap::Split };
        }
    }

    /// Fills the dictionary masks, for words that do not cross a forced split.
    ///
    /// One pass from the last atom to the first: an atom's words end at it or after it, at
    /// atoms already visited, whose `ends` were cleared then.
    pub fn lookup(&mut self, dicts: Dicts<'_>) {
        let n = self.atoms.len();
        let arena = self.cache.arena();
        // `run_end` is one past the last atom reachable from `i` without a forced split.
        let mut run_end = n;
        for i in (0..n).rev() {
            let Some(&Atom {
                gap,
                key_start,
                key_len,
                state,
                is_word,
                ..
            }) = self.atoms.get(i)
            else {
                break;
            };
            if gap == Gap::Split {
                run_end = i + 1;
            }
            let max = (run_end - i).min(MAX_WORD_ATOMS);
            let key = || {
                let start = key_start as usize;
                arena
                    .as_bytes()
                    .get(start..start + key_len as usize)
                    .unwrap_or(&[])
            };
            let mut starts = 0;
            let mut user = 0;
            if key_len != 0 {
                if let Some(fst) = dicts.words
                    && state != NO_STATE
                {
                    let by_trie = dicts
                        .trie
                        .and_then(|trie| dict::walk_trie(trie, &self.atoms, i, max));
                    starts = match by_trie {
                        Some(starts) => starts,
                        None => {
                            let state = if state == UNWALKED {
                                dict::state_after(fst, key()).0
                            } else {
                                state
                            };
                            if state == NO_STATE {
                                0
                            } else {
                                dict::walk(
                                    fst,
                                    state,
                                    is_word,
                                    &self.atoms,
                                    i,
                                    max,
                                    arena,
                                    Some(&mut self.pairs),
                                )
                            }
                        }
                    };
                }
                if let Some(fst) = dicts.user {
                    let (state, is_word) = dict::state_after(fst, key());
                    if state != NO_STATE {
                        let found =
                            dict::walk(fst, state, is_word, &self.atoms, i, max, arena, None);
                        starts |= found;
                        user = longest(found) as u8;
                    }
                }
            }
            if let Some(atom) = self.atoms.get_mut(i) {
                atom.starts = starts;
                atom.user = user;
                atom.ends = 0;
            }
            let mut rest = starts;
            while rest != 0 {
                let len = rest.trailing_zeros() as usize + 1;
                rest &= rest - 1;
                if let Some(end) = self.atoms.get_mut(i + len - 1) {
                    end.ends |= 1 << (len - 1);
                }
            }
        }
    }
}

/// The whitespace bytes the pre-tokenizer skips without looking further.
#[inline(always)]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The first ASCII whitespace byte ([`is_ascii_space`]) at or after `pos`, or the length of
/// `bytes`. Reads eight bytes at a time: a byte below `0x21` is looked at closer.
#[inline]
fn chunk_end(bytes: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(word) = bytes.get(pos..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*word);
        // The high bit of the first byte below 0x21 (later bits may be false positives).
        let low = x.wrapping_sub(ONES * 0x21) & !x & HIGH;
        if low == 0 {
            pos += 8;
            continue;
        }
        let at = pos + (low.trailing_zeros() / 8) as usize;
        if bytes.get(at).is_some_and(|&b| is_ascii_space(b)) {
            return at;
        }
        pos = at + 1;
    }
    while let Some(&b) = bytes.get(pos) {
        if is_ascii_space(b) {
            return pos;
        }
        pos += 1;
    }
    bytes.len()
}

/// The longest word length in `mask` (0 when empty).
#[inline]
pub(crate) fn longest(mask: u16) -> usize {
    (16 - mask.leading_zeros()) as usize
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

/// Writes the lookup key of the word `surface` into `key` and returns its class.
fn word_key(surface: &str, key: &mut String) -> Class {
    key.clear();
    if let Some(s) = syllable::parse(surface) {
        s.to_lowercase().write(KEY_STYLE, key);
        return Class::Viet;
    }
    lexicon_key(surface, key);
    if surface.chars().any(|c| is_letter(c) && !is_latin(c)) {
        // Another script (Cyrillic, Han, …): never part of a Vietnamese word.
        return Class::Other;
    }
    let inner_mark = |c: char| matches!(c, '-' | '\'' | '’' | '\u{2010}' | '\u{2011}');
    if surface.chars().all(is_letter) {
        Class::Foreign
    } else if surface.chars().all(|c| is_letter(c) || inner_mark(c))
        && !surface
            .split(inner_mark)
            .all(|part| syllable::parse(part).is_some())
    {
        // `Nagorno-Karabakh`, `Jean-Yves`, `O'Neill` (but not `Rịa-Vũng`).
        Class::Foreign
    } else {
        Class::Mixed
    }
}

/// True for letters of the Latin script (with their combining marks).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c as u32, 0xC0..=0x24F | 0x300..=0x36F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A)
}

/// The letter case of `surface`: lower, title (starts with a capital, not all capitals:
/// `Hà`, `McDonald`), upper (all capitals, at least two), or none (no cased letter, or a
/// lower-case start with capitals inside: `iPhone`).
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
    match first {
        None => Case::None,
        Some(_) if upper == 0 => Case::Lower,
        Some(true) if lower > 0 || upper == 1 => Case::Title,
        Some(true) => Case::Upper,
        Some(false) => Case::None,
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
        assert_eq!(case_of("VnExpress"), Case::Title);
        assert_eq!(case_of("iPhone"), Case::None);
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
            word_key(word, &mut key);
            lexicon_key(word, &mut expected);
            assert_eq!(key, expected, "{word}");
        }
    }

    #[test]
    fn chunks_and_gaps() {
        let mut atoms = Atoms::default();
        let text = "buộc Azerbaijan  chấm_dứt ,  Điện Kremlin";
        let dicts = Dicts::NONE;
        atoms.load(text, Split::Raw, dicts);
        let gaps: Vec<Gap> = atoms.atoms.iter().map(|a| a.gap).collect();
        let (s, f) = (Gap::Split, Gap::Free);
        assert_eq!(gaps, [s, s, f, s, s, f, s]);
        assert!(atoms.atoms[2].underscore);
        atoms.load(" a_b  c\u{3000}d ", Split::Chunks, dicts);
        let chunks: Vec<&str> = atoms
            .atoms
            .iter()
            .map(|a| a.span.slice(" a_b  c\u{3000}d "))
            .collect();
        assert_eq!(chunks, ["a_b", "c", "d"]);
    }

    /// Atoms as the whole line's pre-tokenization gives them, each pushed anew.
    fn reference(text: &str, dicts: Dicts<'_>) -> String {
        let mut atoms = Atoms::default();
        atoms.cache.begin_line(dicts.owner);
        let mut tokens = Vec::new();
        tokenize::pretokenize(text, &mut tokens);
        for token in &tokens {
            atoms.push(text, token.span, token.kind, dicts);
        }
        atoms.mark_gaps(text);
        describe(&atoms)
    }

    fn describe(atoms: &Atoms) -> String {
        atoms
            .atoms
            .iter()
            .map(|a| format!("{:?} {:?} {}\n", a, a.kind, atoms.key(a)))
            .collect()
    }

    fn check_chunks(texts: &[&str]) {
        let dicts = Dicts {
            owner: 3,
            words: None,
            trie: None,
            user: None,
        };
        let mut atoms = Atoms::default();
        // Twice: chunks are tokenized, then read from the chunk cache.
        for _ in 0..2 {
            for text in texts {
                atoms.load(text, Split::Raw, dicts);
                // Key ranges differ between caches: compare keys, not ranges.
                let strip = |s: String| {
                    s.lines()
                        .map(|l| {
                            let cut = l.find("key_start").unwrap_or(l.len());
                            let rest = l.find("state").unwrap_or(l.len());
                            format!("{}{}\n", &l[..cut], &l[rest..])
                        })
                        .collect::<String>()
                };
                assert_eq!(
                    strip(describe(&atoms)),
                    strip(reference(text, dicts)),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn chunks_tokenize_as_the_line() {
        check_chunks(&[
            "Tổng thống Nga Vladimir Putin gặp lực lượng gìn giữ hoà bình ngày 2/11.",
            "bí_mật Thổ_Nhĩ_Kỳ max_words _a_ a__b (Thổ_Nhĩ_Kỳ), user_id",
            "xem https://vnexpress.net/a_b. www. http:// v.v. T.Ư. TP.HCM x@y.vn #bầu_cử @vnexpress",
            "100.000 10,5 1.000.000,25 20-25 30-4-1975 12:30 5km 20h30 4G",
            "a\u{a0}b c\u{3000}d ho\u{300}a \u{b}x\u{c}y 🇻🇳 👍🏽 👨\u{200d}👩 ... --- O'Neill Jean-Yves",
        ]);
    }

    /// Enough chunks to grow the cache's table several times, and long chunks alike in
    /// their first and last eight bytes (told apart by their bytes, not their fingerprint).
    #[test]
    fn chunk_cache_grows_and_tells_long_chunks_apart() {
        let lines: Vec<String> = (0..300)
            .map(|line| {
                (0..10)
                    .map(|k| {
                        let i = line * 10 + k;
                        if i % 2 == 0 {
                            format!("hoà{i}")
                        } else {
                            format!("Kremlin_{i:05}_Azerbaijan")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let texts: Vec<&str> = lines.iter().map(String::as_str).collect();
        check_chunks(&texts);
    }

    proptest::proptest! {
        #[test]
        fn chunks_tokenize_as_the_line_on_any_text(
            text in "([a-zA-Z0-9àáạảãâầấậđĐ\u{300}Ưư \t\n\r\u{a0}\u{3000}._@:/',#()-]|https://|www\\.|\\.vn|_){0,30}"
        ) {
            check_chunks(&[&text]);
        }
    }

    #[test]
    fn chunk_ends() {
        for text in [
            "",
            "a",
            "hoà bình",
            "abcdefghijklmnop qrs",
            "abc\u{1}def\u{1f}ghijklm\tn",
            "ngày\u{a0}2/11,\u{3000}tôi\r\nđi",
            "\u{7f}\u{80}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx \u{20}",
        ] {
            let bytes = text.as_bytes();
            for pos in 0..=bytes.len() {
                let expected = bytes[pos..]
                    .iter()
                    .position(|&b| is_ascii_space(b))
                    .map_or(bytes.len(), |i| pos + i);
                assert_eq!(chunk_end(bytes, pos), expected, "{text:?} at {pos}");
            }
        }
    }
}
