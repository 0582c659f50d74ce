//! Vietnamese word segmentation: which adjacent syllables form one word.
//!
//! Vietnamese writes a space between the syllables of a word (`bí mật`, `Thổ Nhĩ Kỳ`); the
//! segmenter joins them (`bí_mật`, `Thổ_Nhĩ_Kỳ`). It works in three steps:
//!
//! 1. **Atoms.** The line is pre-tokenized ([`crate::tokenize`]): syllables, punctuation,
//!    numbers, dates, URLs… each with its byte span. Underscores of already segmented text
//!    are undone (read as spaces), unless [`SegmentOptions::keep_existing`] asks to trust
//!    the existing segmentation. An underscore between two syllables is a separator, like a
//!    space: it belongs to no token. With [`SegmentOptions::pretokenized`], every whitespace-separated chunk is one
//!    atom instead, never split.
//! 2. **Constraints.** Only gaps between two words or numbers separated by whitespace or
//!    underscores can be joined. A foreign word is never glued to a Vietnamese syllable of
//!    another letter case (`buộc Azerbaijan` stays two words; `Điện Kremlin` may be one).
//!    Words of a [`UserDict`] are forced whole.
//! 3. **Model.** Every other gap is classified join/split, left to right, by an averaged
//!    perceptron over hashed features: the lower-cased, tone-canonical keys of the
//!    surrounding syllables (unigrams to trigrams), their shapes (Vietnamese syllable,
//!    foreign word, number, punctuation; letter case), the decisions already taken, and
//!    dictionary features from the word lexicon (is there a word covering the gap, how long,
//!    what forward and backward longest matching decide). Keys come from
//!    [`lexicon_key`](crate::key::lexicon_key), so `hòa` and `hoà`, `Hòa` and `HOÀ` look the
//!    same to the model.
//!
//! Output tokens keep the input's bytes: no case or tone is changed. A word of several atoms
//! has the span from its first to its last atom; its *form* is its atoms joined by `_`
//! ([`Segmentation::write_form`]), whatever separated them in the input.
//!
//! ```
//! use vi_text::segment::{SegmentModel, SegmentOptions, Segmentation, Segmenter};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let dir = tempfile::tempdir()?;
//! # let lexicon = dir.path().join("vi-words.vnlx");
//! # vi_text::lexicon::build("../../data/sources/vi/pyvi".as_ref(), &lexicon)?;
//! // The committed model and the word lexicon (`data/build/vi-words.vnlx`).
//! let model = SegmentModel::open("../../data/models/vi-segment.vnsm")?;
//! let words = index::WordLexicon::open(&lexicon)?;
//! let segmenter = Segmenter::new(model, Some(words));
//!
//! let mut out = Segmentation::default(); // reuse it for every line
//! let text = "Tổng thống Nga Vladimir Putin gặp lực lượng gìn giữ hoà bình ngày 2/11.";
//! segmenter.segment(text, SegmentOptions::default(), &mut out);
//! let mut line = String::new();
//! out.write_text(text, &mut line);
//! assert_eq!(
//!     line,
//!     "Tổng_thống Nga Vladimir_Putin gặp lực_lượng gìn_giữ hoà_bình ngày 2/11 ."
//! );
//! let putin = &out.tokens()[2];
//! assert_eq!(putin.span.slice(text), "Vladimir Putin");
//! assert_eq!(putin.atom_count(), 2);
//! # Ok(()) }
//! ```

mod atoms;
mod cache;
mod decode;
mod dict;
pub mod eval;
mod features;
pub mod gold;
mod model;
mod names;
pub mod train;
mod trie;
mod userdict;

use atoms::{Atoms, Dicts, Gap, Split};
use core_model::{Span, Token, TokenKind, Tokenizer};
use index::WordLexicon;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

pub use model::{MODEL_FORMAT, SegmentModel, WEIGHTS_SECTION};
pub use userdict::UserDict;

/// The file name of the committed model, under `data/models/`.
pub const MODEL_FILE_NAME: &str = "vi-segment.vnsm";

/// What can go wrong when loading models and dictionaries, or training.
#[derive(Debug, thiserror::Error)]
pub enum SegmentError {
    /// The model (or a lexicon built on the way) cannot be read or written.
    #[error(transparent)]
    Model(#[from] index::Error),
    /// The model file is readable but not usable by this build.
    #[error("{}: incompatible segmentation model: {detail}", path.display())]
    Incompatible {
        /// The model file.
        path: PathBuf,
        /// What does not match.
        detail: String,
    },
    /// A line of a user dictionary is not a usable word.
    #[error("{source_name}:{line}: bad user-dictionary entry: {detail}")]
    UserDict {
        /// The dictionary file (or `<memory>`).
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        detail: String,
    },
    /// A training or evaluation file is malformed.
    #[error("{}:{line}: {detail}", path.display())]
    Gold {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        detail: String,
    },
    /// A file cannot be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// How to read the input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SegmentOptions {
    /// Every whitespace-separated chunk is an atom: it is never split, only joined to its
    /// neighbours (the evaluation mode, for text tokenized elsewhere).
    pub pretokenized: bool,
    /// Trust the segmentation of already segmented input: in a line with at least one word
    /// written with underscores (`bí_mật`), syllables joined by `_` stay one word and every
    /// other gap stays a word boundary; lines without underscores are segmented. Without it,
    /// underscores are read as spaces and every line is segmented anew.
    pub keep_existing: bool,
}

/// One output token: a word (one or more atoms), or a punctuation mark, number, URL…
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SegToken {
    /// From the first byte of the first atom to the last byte of the last atom.
    pub span: Span,
    /// [`TokenKind::Compound`] for words of several atoms; else the atom's kind.
    pub kind: TokenKind,
    first_atom: u32,
    atom_count: u32,
}

impl SegToken {
    /// Number of atoms (syllables, in raw mode) joined in the token.
    #[must_use]
    pub fn atom_count(&self) -> usize {
        self.atom_count as usize
    }

    /// The token as a [`Token`].
    #[must_use]
    pub fn token(&self) -> Token {
        Token::new(self.span, self.kind)
    }
}

/// The result of [`Segmenter::segment`], and the working memory it reuses: keep one per
/// thread and pass it to every call, so that nothing is allocated per token.
#[derive(Debug, Default)]
pub struct Segmentation {
    tokens: Vec<SegToken>,
    atom_spans: Vec<Span>,
    work: Work,
}

/// Working buffers of one segmentation.
#[derive(Debug, Default)]
pub(crate) struct Work {
    pub atoms: Atoms,
    pub flags: Vec<u8>,
    pub joins: Vec<bool>,
    /// Sums of weights read from the model of the last segmenter used.
    pub memo: features::ScoreMemo,
}

impl Segmentation {
    /// The tokens, in input order.
    #[must_use]
    pub fn tokens(&self) -> &[SegToken] {
        &self.tokens
    }

    /// The spans of the atoms joined in `token`.
    #[must_use]
    pub fn atoms(&self, token: &SegToken) -> &[Span] {
        let start = token.first_atom as usize;
        self.atom_spans
            .get(start..start + token.atom_count as usize)
            .unwrap_or(&[])
    }

    /// True when the word lexicon or the user dictionary holds `token` (all its atoms, as
    /// one word), as found by the segmentation that produced it; no lookup is repeated.
    #[must_use]
    pub fn in_lexicon(&self, token: &SegToken) -> bool {
        let count = token.atom_count as usize;
        let Some(first) = self.work.atoms.atoms.get(token.first_atom as usize) else {
            return false;
        };
        (1..=atoms::MAX_WORD_ATOMS).contains(&count)
            && (first.starts & (1 << (count - 1)) != 0 || usize::from(first.user) >= count)
    }

    /// Appends the form of `token` to `out`: its atoms' bytes joined by `_`. `text` must be
    /// the segmented text.
    #[inline]
    pub fn write_form(&self, text: &str, token: &SegToken, out: &mut String) {
        if token.atom_count == 1 {
            // One atom (most tokens): the token's own span, inlined into the caller.
            out.push_str(token.span.get(text).unwrap_or(""));
            return;
        }
        self.write_compound_form(text, token, out);
    }

    /// [`Segmentation::write_form`] for a token of several atoms.
    #[inline(never)]
    fn write_compound_form(&self, text: &str, token: &SegToken, out: &mut String) {
        for (i, span) in self.atoms(token).iter().enumerate() {
            if i > 0 {
                out.push('_');
            }
            out.push_str(span.get(text).unwrap_or(""));
        }
    }

    /// Appends the whole segmented line to `out`: token forms separated by single spaces.
    pub fn write_text(&self, text: &str, out: &mut String) {
        for (i, token) in self.tokens.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            self.write_form(text, token, out);
        }
    }

    /// Fills the tokens from the atoms and the join decisions.
    fn assemble(&mut self) {
        self.tokens.clear();
        self.atom_spans.clear();
        let atoms = &self.work.atoms.atoms;
        let joins = &self.work.joins;
        self.atom_spans.extend(atoms.iter().map(|atom| atom.span));
        self.tokens.reserve(atoms.len());
        let Some(last) = atoms.len().checked_sub(1) else {
            return;
        };
        // The token being built: its first atom and that atom's span.
        let mut first = 0;
        let mut first_span = Span::default();
        for (i, atom) in atoms.iter().enumerate() {
            if i == first {
                first_span = atom.span;
            }
            // The last atom always ends a token; another ends one unless its gap is joined.
            if i < last && joins.get(i).copied().unwrap_or(false) {
                continue;
            }
            let count = i + 1 - first;
            let kind = if count > 1 {
                TokenKind::Compound
            } else {
                atom.kind
            };
            self.tokens.push(SegToken {
                span: first_span.cover(atom.span),
                kind,
                first_atom: first as u32,
                atom_count: count as u32,
            });
            first = i + 1;
        }
    }
}

/// The word segmenter: a trained model, the word lexicon its dictionary features read, and
/// an optional user dictionary. Immutable and `Sync`: share one across threads, each with its
/// own [`Segmentation`].
#[derive(Debug)]
pub struct Segmenter {
    model: SegmentModel,
    words: Option<WordLexicon>,
    /// The syllable trie of `words`, for the dictionary walks (none for a lexicon too large
    /// to pack: the walks then read the fst).
    trie: Option<trie::SyllableTrie>,
    user: Option<UserDict>,
    /// Identifies the lexicon for the surface caches of [`Segmentation`]s.
    id: u64,
}

/// A new identity for a dictionary seen by surface caches (never 0, the empty cache's).
pub(crate) fn next_dictionary_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Segmenter {
    /// A segmenter reading `words` for its dictionary features. The model should have been
    /// trained with the same lexicon ([`Segmenter::lexicon_matches_model`]); without a
    /// lexicon it still works, less accurately.
    #[must_use]
    pub fn new(model: SegmentModel, words: Option<WordLexicon>) -> Segmenter {
        let trie = words
            .as_ref()
            .and_then(|w| trie::SyllableTrie::build(w.lexicon().fst().as_fst()));
        Segmenter {
            model,
            words,
            trie,
            user: None,
            id: next_dictionary_id(),
        }
    }

    /// Adds a user dictionary.
    #[must_use]
    pub fn with_user_dict(mut self, dict: UserDict) -> Segmenter {
        self.user = Some(dict);
        self.id = next_dictionary_id();
        self
    }

    fn dicts(&self) -> Dicts<'_> {
        Dicts {
            owner: self.id,
            words: self.words.as_ref().map(|w| w.lexicon().fst().as_fst()),
            trie: self.trie.as_ref(),
            user: self
                .user
                .as_ref()
                .map(|u| u.lexicon().lexicon().fst().as_fst()),
        }
    }

    /// The model.
    #[must_use]
    pub fn model(&self) -> &SegmentModel {
        &self.model
    }

    /// The word lexicon, if any.
    #[must_use]
    pub fn words(&self) -> Option<&WordLexicon> {
        self.words.as_ref()
    }

    /// True when the model was trained with the lexicon given (same sources checksum).
    #[must_use]
    pub fn lexicon_matches_model(&self) -> bool {
        let lexicon = self
            .words
            .as_ref()
            .map_or(0, |w| w.lexicon().sources_checksum());
        lexicon == self.model.lexicon_checksum()
    }

    /// Segments one line of `text` into `out` (cleared first). Newlines in `text` are
    /// whitespace like any other.
    pub fn segment(&self, text: &str, options: SegmentOptions, out: &mut Segmentation) {
        let split = if options.pretokenized {
            Split::Chunks
        } else {
            Split::Raw
        };
        let keep = options.keep_existing && !options.pretokenized;
        prepare(&mut out.work, text, split, keep, self.dicts());
        let work = &mut out.work;
        work.memo.begin(self.id);
        decode::greedy_scored(
            &work.atoms.atoms,
            &work.flags,
            self.model.bits(),
            self.model.table(),
            &mut work.memo,
            &mut work.joins,
        );
        out.assemble();
    }

    /// Segments `text` and returns it as a line of tokens separated by spaces, words joined
    /// by `_` (allocates; see [`Segmenter::segment`] for the reusable form).
    #[must_use]
    pub fn segment_to_string(&self, text: &str, options: SegmentOptions) -> String {
        let mut out = Segmentation::default();
        self.segment(text, options, &mut out);
        let mut line = String::with_capacity(text.len() + 8);
        out.write_text(text, &mut line);
        line
    }

    /// Segments `text` with dictionary forward longest matching alone (the baseline the
    /// model is compared with), under the same atoms and constraints.
    pub fn segment_longest_match(
        &self,
        text: &str,
        options: SegmentOptions,
        out: &mut Segmentation,
    ) {
        let split = if options.pretokenized {
            Split::Chunks
        } else {
            Split::Raw
        };
        let keep = options.keep_existing && !options.pretokenized;
        prepare(&mut out.work, text, split, keep, self.dicts());
        let work = &mut out.work;
        let flags = &work.flags;
        decode::greedy(
            &work.atoms.atoms,
            flags,
            self.model.bits(),
            &mut work.joins,
            |g, _| flags.get(g).is_some_and(|f| f & decode::FORWARD != 0),
        );
        out.assemble();
    }
}

impl Tokenizer for Segmenter {
    /// Segments `text` (raw mode) and appends its tokens. Allocates its working memory on
    /// every call; use [`Segmenter::segment`] with a reused [`Segmentation`] on hot paths.
    fn tokenize_into(&self, text: &str, out: &mut Vec<Token>) {
        let mut segmentation = Segmentation::default();
        self.segment(text, SegmentOptions::default(), &mut segmentation);
        out.extend(segmentation.tokens().iter().map(SegToken::token));
    }
}

/// Loads the atoms of `text`, applies the constraints and runs the dictionary lookups.
pub(crate) fn prepare(
    work: &mut Work,
    text: &str,
    split: Split,
    keep_existing: bool,
    dicts: Dicts<'_>,
) {
    let atoms = &mut work.atoms;
    atoms.load(text, split, dicts);
    if keep_existing {
        keep_underscored(&mut atoms.atoms);
    }
    let arena = atoms.cache.arena();
    let key = |atom: &atoms::Atom| {
        let start = atom.key_start as usize;
        arena
            .get(start..start + atom.key_len as usize)
            .unwrap_or("")
    };
    names::join_foreign_runs(&mut atoms.atoms, key);
    names::split_before_surnames(&mut atoms.atoms, key);
    names::split_after_countries(&mut atoms.atoms, key);
    atoms.lookup(dicts);
    if dicts.user.is_some() {
        force_user_words(&mut atoms.atoms);
    }
    decode::maximal_matching(&atoms.atoms, &mut work.flags);
}

/// A line with words written with underscores is taken as segmented: its underscore gaps
/// become forced joins and every other gap a forced split. A line without any is left to the
/// model.
fn keep_underscored(atoms: &mut [atoms::Atom]) {
    let n = atoms.len();
    let gaps = n.saturating_sub(1);
    if !atoms.iter().take(gaps).any(|a| a.underscore) {
        return;
    }
    for atom in atoms.iter_mut().take(gaps) {
        atom.gap = if atom.underscore {
            Gap::Join
        } else {
            Gap::Split
        };
    }
}

/// User words found in the line (leftmost, then longest) are joined and delimited.
fn force_user_words(atoms: &mut [atoms::Atom]) {
    let n = atoms.len();
    let mut i = 0;
    while i < n {
        let len = atoms[i].user as usize;
        let end = i + len;
        let fits = len >= 2
            && end <= n
            && atoms[i..end - 1].iter().all(|a| a.gap != Gap::Split)
            && (i == 0 || atoms[i - 1].gap != Gap::Join)
            && atoms[end - 1].gap != Gap::Join;
        if !fits {
            i += 1;
            continue;
        }
        for atom in &mut atoms[i..end - 1] {
            atom.gap = Gap::Join;
        }
        if i > 0 {
            atoms[i - 1].gap = Gap::Split;
        }
        atoms[end - 1].gap = Gap::Split;
        i = end;
    }
}

/// A word lexicon of `keys` (in any order), for tests.
#[cfg(test)]
pub(crate) fn test_lexicon(keys: &[&str]) -> index::WordLexicon {
    let mut keys = keys.to_vec();
    keys.sort_unstable();
    let mut builder = index::WordLexiconBuilder::new(0);
    for key in &keys {
        builder
            .insert(key.as_bytes(), index::WordEntry::default())
            .unwrap();
    }
    index::WordLexicon::from_bytes(builder.finish_to_vec().unwrap()).unwrap()
}
