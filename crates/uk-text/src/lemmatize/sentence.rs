//! Lemmatizing a whole sentence: each token out of context, then the choices that depend on
//! the next word ([`context::possessive`]: його/її/їх as DET before a noun, PRON otherwise).
//! The analyses live in one reusable buffer, so that nothing is allocated per token.

use super::context;
use super::{UkLemmatizer, fixed_upos};
use core_model::{TokenKind, Upos};

/// One token's analysis: the lemma's range in the arena, its tag, and whether it was guessed.
#[derive(Debug, Clone, Copy)]
struct Entry {
    lemma_start: usize,
    lemma_end: usize,
    analysis: Option<(Upos, bool)>,
    /// For його/її/їх: the lemma as a determiner and as a pronoun.
    possessive: Option<(&'static str, &'static str)>,
}

/// The analyses of one sentence, reused from sentence to sentence.
///
/// ```no_run
/// # fn demo(lemmatizer: &uk_text::lemmatize::UkLemmatizer) {
/// use core_model::{TokenKind, Upos};
/// use uk_text::lemmatize::SentenceAnalyses;
///
/// let mut analyses = SentenceAnalyses::default();
/// let words = [("його", TokenKind::Word), ("книга", TokenKind::Word)];
/// lemmatizer.lemmatize_sentence(words, &mut analyses);
/// assert_eq!(analyses.get(0), Some(("його", Upos::Det, false)));
/// # }
/// ```
#[derive(Debug, Default)]
pub struct SentenceAnalyses {
    lemmas: String,
    entries: Vec<Entry>,
    scratch: String,
}

impl SentenceAnalyses {
    /// Number of tokens analysed.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no token was analysed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The lemma, tag and guessed flag of token `i`; `None` when the lemmatizer had no
    /// analysis for it (or `i` is out of range).
    #[must_use]
    #[inline]
    pub fn get(&self, i: usize) -> Option<(&str, Upos, bool)> {
        let entry = self.entries.get(i)?;
        let (upos, guessed) = entry.analysis?;
        let lemma = self.lemmas.get(entry.lemma_start..entry.lemma_end)?;
        Some((lemma, upos, guessed))
    }
}

impl UkLemmatizer {
    /// Lemmatizes the tokens of one sentence (`(form, kind)` in order) into `out` (cleared
    /// first): each token as [`UkLemmatizer::lemmatize_token`] does, then the choices that
    /// depend on the next word.
    pub fn lemmatize_sentence<'a>(
        &self,
        tokens: impl IntoIterator<Item = (&'a str, TokenKind)>,
        out: &mut SentenceAnalyses,
    ) {
        out.lemmas.clear();
        out.entries.clear();
        let mut lemma = std::mem::take(&mut out.scratch);
        // The memo is borrowed once per sentence, and remembered lemmas are copied straight
        // into the sentence's arena (the same answers as `lemmatize_token`, token by token).
        super::MEMO.with(|cell| {
            let mut borrowed = cell.try_borrow_mut().ok();
            if let Some(memo) = borrowed.as_deref_mut()
                && memo.owner != self.id
            {
                memo.reset(self.id);
            }
            for (form, kind) in tokens {
                let lemma_start = out.lemmas.len();
                let analysis = match (fixed_upos(kind), borrowed.as_deref_mut()) {
                    (Some(upos), _) => {
                        out.lemmas.push_str(form);
                        Some((upos, false))
                    }
                    (None, Some(memo)) => {
                        if let Some(hit) = memo.get(form) {
                            out.lemmas.push_str(hit.lemma);
                            Some((hit.upos, hit.guessed))
                        } else {
                            let result = self.analyse(form, &mut lemma);
                            if let Some((upos, guessed)) = result {
                                memo.insert(form, &lemma, upos, guessed);
                                out.lemmas.push_str(&lemma);
                            }
                            result
                        }
                    }
                    (None, None) => {
                        let result = self.analyse(form, &mut lemma);
                        if result.is_some() {
                            out.lemmas.push_str(&lemma);
                        }
                        result
                    }
                };
                // Most forms are not possessives: one lookup rules them out.
                let possessive = context::possessive(form, None).and_then(|(pronoun, _)| {
                    context::possessive(form, Some(Upos::Noun))
                        .map(|(determiner, _)| (determiner, pronoun))
                });
                out.entries.push(Entry {
                    lemma_start,
                    lemma_end: out.lemmas.len(),
                    analysis,
                    possessive,
                });
            }
        });
        out.scratch = lemma;
        for i in 0..out.entries.len() {
            let next = out
                .entries
                .get(i + 1)
                .and_then(|e| e.analysis)
                .map(|(upos, _)| upos);
            let entry = &mut out.entries[i];
            let Some((determiner, pronoun)) = entry.possessive else {
                continue;
            };
            let (lemma, upos) = if context::determines(next) {
                (determiner, Upos::Det)
            } else {
                (pronoun, Upos::Pron)
            };
            entry.lemma_start = out.lemmas.len();
            out.lemmas.push_str(lemma);
            entry.lemma_end = out.lemmas.len();
            let guessed = entry.analysis.is_some_and(|(_, g)| g);
            entry.analysis = Some((upos, guessed));
        }
    }
}
