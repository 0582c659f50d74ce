//! The Ukrainian lemmatizer: word form -> lemma and UD part of speech.
//!
//! Candidates come from three places: the compiled hunspell-uk form lexicon
//! ([`index::MorphLexicon`], see [`crate::lexicon`]), a hand-written table of closed-class and
//! irregular words ([`closed`]), and a ranking table of annotated (form, lemma, UPOS) counts
//! ([`rank`], built from UD_Ukrainian-ParlaMint). They are ranked by corpus counts, tag priors,
//! their source and the form's capitalisation. Unknown words are guessed from the longest
//! ending the lexicon knows ([`guess`]), and say so.
//!
//! ```no_run
//! use core_model::{Lemmatizer, Upos};
//! use uk_text::lemmatize::UkLemmatizer;
//!
//! let morph = index::MorphLexicon::open("data/build/uk-forms.vnlx")?;
//! let lemmatizer = UkLemmatizer::new(morph);
//! let mut lemma = String::new();
//! assert_eq!(lemmatizer.lemmatize_into("людей", &mut lemma), Some((Upos::Noun, false)));
//! assert_eq!(lemma, "людина");
//! assert_eq!(lemmatizer.lemmatize_into("Києві", &mut lemma), Some((Upos::Propn, false)));
//! assert_eq!(lemma, "Київ");
//! # Ok::<(), index::Error>(())
//! ```

pub mod closed;
pub mod conllu;
pub mod context;
pub mod eval;
mod guess;
mod hash;
mod memo;
pub mod rank;
mod sentence;

pub use sentence::SentenceAnalyses;

use crate::lexicon::{FLAG_CLOSED_CLASS, FLAG_DICTIONARY_FORM, FLAG_GUESSED_POS, form_key};
use closed::ClosedTable;
use core_model::{TokenKind, Upos};
use index::MorphLexicon;
use memo::Memo;
use rank::RankTable;
use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

/// The shipped ranking table (CC BY-SA 4.0, from UD_Ukrainian-ParlaMint dev).
pub const RANK_TABLE_TSV: &str = include_str!("../../../../data/models/uk-lemma-rank.tsv");

/// Where a candidate came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Closed,
    Lexicon { flags: u8, position: u8 },
    Ranked,
    Guessed,
}

/// A candidate analysis; its lemma and the lemma's key live in the scratch arenas.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: u32,
    end: u32,
    key_start: u32,
    key_end: u32,
    upos: Upos,
    source: Source,
    score: f32,
}

/// Per-thread buffers, so that the hot path does not allocate.
#[derive(Default)]
struct Scratch {
    key: String,
    lemma: String,
    arena: String,
    /// The [`form_key`] of each candidate lemma.
    keys: String,
    candidates: Vec<Candidate>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// Identifies lemmatizer instances, so that a thread's memo serves only the one that filled it.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The Ukrainian lemmatizer (see the [module documentation](self)).
#[derive(Debug)]
pub struct UkLemmatizer {
    morph: MorphLexicon,
    closed: Arc<ClosedTable>,
    rank: Arc<RankTable>,
    /// Log prior of each tag, from the ranking table.
    prior: [f32; Upos::ALL.len()],
    /// This instance's identity in the per-thread memo (renewed when the tables change).
    id: u64,
}

/// What shape of word a form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shape {
    capitalised: bool,
    upper: bool,
}

fn shape(form: &str) -> Shape {
    let mut letters = form.chars().filter(|&c| is_letter(c));
    let capitalised = letters.next().is_some_and(is_upper);
    let upper = capitalised && {
        let mut rest = letters.peekable();
        rest.peek().is_some() && rest.all(|c| !is_lower(c))
    };
    Shape { capitalised, upper }
}

/// [`char::is_alphabetic`], with a fast path for ASCII and the basic Cyrillic letters.
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{400}'..='\u{481}' | '\u{48A}'..='\u{4FF}' => true,
        _ if c.is_ascii() => false,
        _ => c.is_alphabetic(),
    }
}

/// [`char::is_uppercase`], with a fast path for ASCII and the basic Cyrillic letters.
fn is_upper(c: char) -> bool {
    match c {
        'A'..='Z' | '\u{400}'..='\u{42F}' => true,
        'a'..='z' | '\u{430}'..='\u{45F}' => false,
        _ => c.is_uppercase(),
    }
}

/// [`char::is_lowercase`], with a fast path for ASCII and the basic Cyrillic letters.
fn is_lower(c: char) -> bool {
    match c {
        'a'..='z' | '\u{430}'..='\u{45F}' => true,
        'A'..='Z' | '\u{400}'..='\u{42F}' => false,
        _ => c.is_lowercase(),
    }
}

/// The tag of a token that has no letter: NUM for digits, PUNCT or SYM otherwise.
fn non_word_upos(form: &str) -> Option<Upos> {
    if form.chars().any(is_letter) {
        return None;
    }
    if form.chars().any(|c| c.is_ascii_digit() || c.is_numeric()) {
        return Some(Upos::Num);
    }
    if form.chars().all(|c| {
        c.is_ascii_punctuation()
            && !matches!(
                c,
                '%' | '$' | '+' | '=' | '<' | '>' | '^' | '|' | '~' | '#' | '&' | '*' | '@' | '`'
            )
    }) || form.chars().all(|c| {
        matches!(
            c,
            '«' | '»'
                | '„'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '—'
                | '–'
                | '…'
                | '‹'
                | '›'
                | '‐'
                | '‑'
                | '‒'
                | '―'
        ) || (c.is_ascii_punctuation()
            && !matches!(
                c,
                '%' | '$' | '+' | '=' | '<' | '>' | '^' | '|' | '~' | '#' | '&' | '*' | '@' | '`'
            ))
    }) {
        return Some(Upos::Punct);
    }
    Some(Upos::Sym)
}

/// The tag of a token kind that is its own lemma (numbers, punctuation, symbols, URLs and
/// the like); `None` for the kinds that are looked up as words.
fn fixed_upos(kind: TokenKind) -> Option<Upos> {
    match kind {
        TokenKind::Number | TokenKind::Date => Some(Upos::Num),
        TokenKind::Punct => Some(Upos::Punct),
        TokenKind::Symbol | TokenKind::Emoji => Some(Upos::Sym),
        TokenKind::Url | TokenKind::Email | TokenKind::Hashtag => Some(Upos::X),
        _ => None,
    }
}

impl UkLemmatizer {
    /// A lemmatizer over the form lexicon, with the shipped closed-class and ranking tables.
    ///
    /// The shipped tables are parsed once per process (a few milliseconds, paid by the first
    /// lemmatizer) and shared by every lemmatizer made with `new`; each lemmatizer still starts
    /// with an empty memo.
    #[must_use]
    pub fn new(morph: MorphLexicon) -> UkLemmatizer {
        static SHIPPED: OnceLock<(Arc<ClosedTable>, Arc<RankTable>)> = OnceLock::new();
        let (closed, rank) = SHIPPED.get_or_init(|| {
            (
                Arc::new(ClosedTable::shipped()),
                Arc::new(RankTable::parse(RANK_TABLE_TSV).unwrap_or_default()),
            )
        });
        UkLemmatizer::with_shared_tables(morph, Arc::clone(closed), Arc::clone(rank))
    }

    /// A lemmatizer with the given tables (for evaluation: a ranking table built from other
    /// data, or an empty one).
    #[must_use]
    pub fn with_tables(morph: MorphLexicon, closed: ClosedTable, rank: RankTable) -> UkLemmatizer {
        UkLemmatizer::with_shared_tables(morph, Arc::new(closed), Arc::new(rank))
    }

    fn with_shared_tables(
        morph: MorphLexicon,
        closed: Arc<ClosedTable>,
        rank: Arc<RankTable>,
    ) -> UkLemmatizer {
        let mut lemmatizer = UkLemmatizer {
            morph,
            closed,
            rank: Arc::default(),
            prior: [0.0; Upos::ALL.len()],
            id: 0,
        };
        lemmatizer.replace_rank_table(rank);
        lemmatizer
    }

    /// Replaces the ranking table (returning the old one), for evaluation.
    pub fn set_rank_table(&mut self, rank: RankTable) -> RankTable {
        let old = self.replace_rank_table(Arc::new(rank));
        Arc::try_unwrap(old).unwrap_or_else(|shared| (*shared).clone())
    }

    fn replace_rank_table(&mut self, rank: Arc<RankTable>) -> Arc<RankTable> {
        let total = rank.total() as f32;
        for upos in Upos::ALL {
            let n = rank.upos_count(upos) as f32;
            if let Some(slot) = self.prior.get_mut(upos as usize) {
                *slot = ((n + 1.0) / (total + Upos::ALL.len() as f32)).ln();
            }
        }
        let old = std::mem::replace(&mut self.rank, rank);
        self.id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        old
    }

    /// The form lexicon.
    #[must_use]
    pub fn morph(&self) -> &MorphLexicon {
        &self.morph
    }

    /// Lemmatizes a token of known kind: numbers, punctuation, symbols, URLs and the like get
    /// their own tag and are their own lemma; words go through [`UkLemmatizer::lemmatize_form`].
    pub fn lemmatize_token(
        &self,
        form: &str,
        kind: TokenKind,
        lemma: &mut String,
    ) -> Option<(Upos, bool)> {
        let Some(upos) = fixed_upos(kind) else {
            return self.lemmatize_form(form, lemma);
        };
        lemma.clear();
        lemma.push_str(form);
        Some((upos, false))
    }

    /// The best lemma of a word form (see [`core_model::Lemmatizer::lemmatize_into`]).
    ///
    /// Answers are remembered per thread (up to 262,144 forms, for one lemmatizer at a time),
    /// so that a repeated form costs one hash lookup.
    pub fn lemmatize_form(&self, form: &str, lemma: &mut String) -> Option<(Upos, bool)> {
        MEMO.with(|cell| {
            let Ok(mut memo) = cell.try_borrow_mut() else {
                return self.analyse(form, lemma);
            };
            if memo.owner != self.id {
                memo.reset(self.id);
            }
            if let Some(hit) = memo.get(form) {
                lemma.clear();
                lemma.push_str(hit.lemma);
                return Some((hit.upos, hit.guessed));
            }
            let result = self.analyse(form, lemma);
            if let Some((upos, guessed)) = result {
                memo.insert(form, lemma, upos, guessed);
            }
            result
        })
    }

    /// The same answer as [`UkLemmatizer::lemmatize_form`], always computed afresh (never
    /// read from or written to the memo): the cold path, for measurement.
    pub fn analyse_form(&self, form: &str, lemma: &mut String) -> Option<(Upos, bool)> {
        self.analyse(form, lemma)
    }

    /// Every candidate lemma of `form` with its tag, best first (allocated; for inspection and
    /// for the oracle figure of the evaluation).
    #[must_use]
    pub fn candidates(&self, form: &str) -> Vec<(String, Upos, bool)> {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => self.candidates_with(form, &mut scratch),
            Err(_) => self.candidates_with(form, &mut Scratch::default()),
        })
    }

    fn candidates_with(&self, form: &str, s: &mut Scratch) -> Vec<(String, Upos, bool)> {
        if non_word_upos(form).is_some() {
            return Vec::new();
        }
        self.collect(form, s);
        let mut out: Vec<(f32, String, Upos, bool)> = s
            .candidates
            .iter()
            .map(|c| {
                (
                    c.score,
                    s.arena
                        .get(c.start as usize..c.end as usize)
                        .unwrap_or_default()
                        .to_owned(),
                    c.upos,
                    c.source == Source::Guessed,
                )
            })
            .collect();
        out.sort_by(|a, b| b.0.total_cmp(&a.0));
        out.into_iter().map(|(_, l, u, g)| (l, u, g)).collect()
    }

    /// The slow path: look up, rank, write the best.
    fn analyse(&self, form: &str, lemma: &mut String) -> Option<(Upos, bool)> {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => self.analyse_with(form, lemma, &mut scratch),
            Err(_) => self.analyse_with(form, lemma, &mut Scratch::default()),
        })
    }

    fn analyse_with(
        &self,
        form: &str,
        lemma: &mut String,
        s: &mut Scratch,
    ) -> Option<(Upos, bool)> {
        lemma.clear();
        if form.is_empty() {
            return None;
        }
        if let Some(upos) = non_word_upos(form) {
            lemma.push_str(form);
            return Some((upos, false));
        }
        self.collect(form, s);
        let best = s
            .candidates
            .iter()
            .copied()
            .reduce(|best, c| if c.score > best.score { c } else { best })?;
        lemma.push_str(s.arena.get(best.start as usize..best.end as usize)?);
        Some((best.upos, best.source == Source::Guessed))
    }

    /// Fills `s.candidates` (scored) for `form`.
    fn collect(&self, form: &str, s: &mut Scratch) {
        let Scratch {
            key,
            lemma,
            arena,
            keys,
            candidates,
        } = s;
        candidates.clear();
        arena.clear();
        keys.clear();
        form_key(form, key);
        let shape = shape(form);
        let mut out = Pushed { candidates, arena };
        for entry in self.closed.get(key) {
            out.push(&entry.lemma, entry.upos, Source::Closed);
        }
        for (position, analysis) in self.morph.analyses(key).enumerate() {
            if analysis.lemma_into(key, lemma) {
                let source = Source::Lexicon {
                    flags: analysis.flags(),
                    position: u8::try_from(position).unwrap_or(u8::MAX),
                };
                out.push(lemma, analysis.upos(), source);
            }
        }
        let counts = self.rank.get(key);
        for counted in counts {
            out.push(&counted.lemma, counted.upos, Source::Ranked);
        }
        if out.candidates.is_empty() {
            guess::guess(
                &self.morph,
                key,
                shape.capitalised,
                lemma,
                &mut |text, upos| {
                    out.push(text, upos, Source::Guessed);
                },
            );
        }
        if out.candidates.is_empty() {
            let upos = if shape.capitalised {
                Upos::Propn
            } else if form.chars().any(|c| c.is_ascii_alphabetic()) {
                Upos::X
            } else {
                Upos::Noun
            };
            out.push(form, upos, Source::Guessed);
        }
        if candidates.len() < 2 {
            // Nothing to choose between: no need to score.
            return;
        }
        // Score, then merge duplicates (same lemma key and tag) into the first.
        for c in candidates.iter_mut() {
            c.key_start = u32::try_from(keys.len()).unwrap_or(u32::MAX);
            push_key(slice(arena, c.start, c.end), keys);
            c.key_end = u32::try_from(keys.len()).unwrap_or(u32::MAX);
        }
        let form_total: u32 = counts.iter().map(|c| c.count).sum();
        for c in candidates.iter_mut() {
            let text = slice(arena, c.start, c.end);
            let lemma_key = slice(keys, c.key_start, c.key_end);
            let seen = counts
                .iter()
                .find(|k| k.upos == c.upos && *k.lemma_key == *lemma_key)
                .map_or(0, |k| k.count);
            let lemma_seen = self.rank.lemma_count(lemma_key);
            c.score = self.score(c, text, seen, form_total, shape)
                + lemma_prior(lemma_seen)
                + shape_prior(c.upos, lemma_key);
        }
        dedup(candidates, keys);
    }

    /// The score of one candidate (higher is better).
    fn score(&self, c: &Candidate, lemma: &str, seen: u32, form_total: u32, shape: Shape) -> f32 {
        let mut score = self.prior.get(c.upos as usize).copied().unwrap_or(-20.0) * 0.3;
        if form_total > 0 {
            score += 8.0 * (seen as f32 + 0.1) / (form_total as f32 + 0.5);
        }
        score += match c.source {
            Source::Closed => 2.0,
            Source::Lexicon { flags, position } => {
                let mut s = -0.05 * f32::from(position);
                if flags & FLAG_CLOSED_CLASS != 0 {
                    s += 2.0;
                }
                if flags & FLAG_DICTIONARY_FORM != 0 {
                    s += 0.3;
                }
                if flags & FLAG_GUESSED_POS != 0 {
                    s -= 0.3;
                }
                s
            }
            Source::Ranked => 0.0,
            Source::Guessed => -1.0,
        };
        let lemma_capitalised = lemma.chars().next().is_some_and(is_upper);
        if shape.capitalised {
            if lemma_capitalised {
                score += 1.0;
            }
        } else if lemma_capitalised {
            score -= 3.0;
        }
        score
    }
}

/// A small bonus for lemmas seen in the ranking corpus (under any form).
fn lemma_prior(seen: u32) -> f32 {
    0.25 * (1.0 + seen as f32).ln()
}

/// Preferences among lemma shapes of one tag: adjectives are cited in the masculine -ий/-ій;
/// possessive adjectives (-ів, -ин) and participles in -лий are rarer than the nouns and verbs
/// they compete with.
fn shape_prior(upos: Upos, lemma_key: &str) -> f32 {
    match upos {
        Upos::Adj | Upos::Det => {
            let mut s = 0.0;
            if lemma_key.ends_with("ий") || lemma_key.ends_with("ій") || lemma_key.ends_with("їй")
            {
                s += 0.6;
            }
            if ["ів", "їв", "ин", "їн"]
                .iter()
                .any(|e| lemma_key.ends_with(e))
            {
                s -= 1.0;
            }
            if lemma_key.ends_with("лий") {
                s -= 0.8;
            }
            s
        }
        _ => 0.0,
    }
}

/// Where [`UkLemmatizer::collect`] writes candidates.
struct Pushed<'a> {
    candidates: &'a mut Vec<Candidate>,
    arena: &'a mut String,
}

impl Pushed<'_> {
    fn push(&mut self, text: &str, upos: Upos, source: Source) {
        let start = u32::try_from(self.arena.len()).unwrap_or(u32::MAX);
        self.arena.push_str(text);
        // The key is written only when there are candidates to compare (see `collect`).
        self.candidates.push(Candidate {
            start,
            end: u32::try_from(self.arena.len()).unwrap_or(u32::MAX),
            key_start: 0,
            key_end: 0,
            upos,
            source,
            score: 0.0,
        });
    }
}

/// `arena[start..end]`, or "" when out of range.
fn slice(arena: &str, start: u32, end: u32) -> &str {
    arena.get(start as usize..end as usize).unwrap_or_default()
}

/// Appends the [`form_key`] of `text` to `out`.
fn push_key(text: &str, out: &mut String) {
    crate::lexicon::push_normalized(text, true, out);
}

/// Keeps the best-scored of candidates with the same lemma key and tag (the first on ties),
/// with a small bonus for each agreeing source.
fn dedup(candidates: &mut Vec<Candidate>, keys: &str) {
    let key = |c: &Candidate| slice(keys, c.key_start, c.key_end);
    let mut i = 0;
    while i < candidates.len() {
        let mut j = i + 1;
        while j < candidates.len() {
            let (a, b) = (candidates[i], candidates[j]);
            if a.upos == b.upos && key(&a) == key(&b) {
                let keep = if b.score > a.score { b } else { a };
                candidates[i] = Candidate {
                    score: keep.score + 0.1,
                    ..keep
                };
                candidates.remove(j);
            } else {
                j += 1;
            }
        }
        i += 1;
    }
}

impl core_model::Lemmatizer for UkLemmatizer {
    fn lemmatize_into(&self, form: &str, lemma: &mut String) -> Option<(Upos, bool)> {
        self.lemmatize_form(form, lemma)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_fast_paths_agree_with_std() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
        }
    }

    #[test]
    fn shapes() {
        let s = shape("Київ");
        assert!(s.capitalised && !s.upper);
        let s = shape("НАТО");
        assert!(s.capitalised && s.upper);
        let s = shape("«київ»");
        assert!(!s.capitalised && !s.upper);
        assert!(!shape("Я").upper);
    }
}
