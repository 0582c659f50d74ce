//! Scoring a lemmatizer against annotated sentences (CoNLL-U).
//!
//! Only content tokens count: words whose gold tag is not PUNCT, NUM or SYM. Lemmas are
//! compared by their [`form_key`] (lower case, one apostrophe, no stress marks).

use super::UkLemmatizer;
use super::conllu::GoldWord;
use super::context;
use super::rank::{RankTable, is_unscored};
use crate::lexicon::form_key;
use core_model::Upos;
use std::fmt;

/// One scored token the lemmatizer got wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    /// The form.
    pub form: String,
    /// The gold lemma and tag.
    pub gold: (String, Upos),
    /// What the lemmatizer said.
    pub got: (String, Upos),
    /// True when the gold lemma was among the candidates.
    pub in_candidates: bool,
}

/// Counts of an evaluation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvalReport {
    /// Content tokens scored.
    pub tokens: usize,
    /// Tokens whose lemma is right.
    pub lemma_correct: usize,
    /// Tokens whose tag is right.
    pub upos_correct: usize,
    /// Tokens whose lemma and tag are both right.
    pub both_correct: usize,
    /// Tokens whose gold lemma is among the candidates (the best a ranker could do).
    pub oracle: usize,
    /// Tokens whose form the lexicon knows.
    pub known: usize,
    /// Tokens whose analysis was guessed.
    pub guessed: usize,
    /// The wrong lemmas, when asked for.
    pub misses: Vec<Miss>,
}

fn percent(n: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        100.0 * n as f64 / total as f64
    }
}

impl EvalReport {
    /// Lemma accuracy in percent.
    #[must_use]
    pub fn lemma_accuracy(&self) -> f64 {
        percent(self.lemma_correct, self.tokens)
    }

    /// UPOS accuracy in percent.
    #[must_use]
    pub fn upos_accuracy(&self) -> f64 {
        percent(self.upos_correct, self.tokens)
    }

    /// Oracle (gold among candidates) in percent.
    #[must_use]
    pub fn oracle_accuracy(&self) -> f64 {
        percent(self.oracle, self.tokens)
    }

    /// Adds another report's counts (and misses).
    pub fn add(&mut self, other: EvalReport) {
        self.tokens += other.tokens;
        self.lemma_correct += other.lemma_correct;
        self.upos_correct += other.upos_correct;
        self.both_correct += other.both_correct;
        self.oracle += other.oracle;
        self.known += other.known;
        self.guessed += other.guessed;
        self.misses.extend(other.misses);
    }
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.tokens;
        writeln!(f, "content tokens\t{n}")?;
        let rows = [
            ("lemma", self.lemma_correct),
            ("upos", self.upos_correct),
            ("lemma+upos", self.both_correct),
            ("oracle lemma", self.oracle),
            ("known form", self.known),
            ("guessed", self.guessed),
        ];
        for (name, count) in rows {
            writeln!(f, "{name}\t{count}\t{:.2}%", percent(count, n))?;
        }
        Ok(())
    }
}

/// Scores `lemmatizer` on pre-tokenized gold sentences; `keep_misses` collects the errors.
/// Each sentence is lemmatized word by word, then the choices that depend on the next word
/// ([`context::possessive`]) are made.
#[must_use]
pub fn evaluate<'a>(
    lemmatizer: &UkLemmatizer,
    sentences: impl IntoIterator<Item = &'a [GoldWord]>,
    keep_misses: bool,
) -> EvalReport {
    let mut report = EvalReport::default();
    let (mut lemma, mut key, mut gold_key, mut candidate_key) =
        (String::new(), String::new(), String::new(), String::new());
    let mut analysed: Vec<(String, Upos, bool)> = Vec::new();
    for sentence in sentences {
        // Each word out of context, then the choices that depend on the next word.
        analysed.clear();
        for word in sentence {
            let (upos, guessed) = lemmatizer
                .lemmatize_form(&word.form, &mut lemma)
                .unwrap_or((Upos::X, true));
            analysed.push((lemma.clone(), upos, guessed));
        }
        for (i, word) in sentence.iter().enumerate() {
            let next = analysed.get(i + 1).map(|a| a.1);
            if let (Some((l, u)), Some(slot)) =
                (context::possessive(&word.form, next), analysed.get_mut(i))
            {
                slot.0.clear();
                slot.0.push_str(l);
                slot.1 = u;
            }
        }
        for (word, (lemma, upos, guessed)) in sentence.iter().zip(&analysed) {
            let (upos, guessed) = (*upos, *guessed);
            if is_unscored(word.upos) {
                continue;
            }
            report.tokens += 1;
            form_key(&word.form, &mut key);
            form_key(&word.lemma, &mut gold_key);
            form_key(lemma, &mut candidate_key);
            let lemma_ok = candidate_key == gold_key;
            let upos_ok = upos == word.upos;
            report.lemma_correct += usize::from(lemma_ok);
            report.upos_correct += usize::from(upos_ok);
            report.both_correct += usize::from(lemma_ok && upos_ok);
            report.known += usize::from(lemmatizer.morph().contains(&key));
            report.guessed += usize::from(guessed);
            let in_candidates = lemma_ok
                || lemmatizer.candidates(&word.form).iter().any(|(l, _, _)| {
                    form_key(l, &mut candidate_key);
                    candidate_key == gold_key
                });
            report.oracle += usize::from(in_candidates);
            if keep_misses && !lemma_ok {
                report.misses.push(Miss {
                    form: word.form.clone(),
                    gold: (word.lemma.clone(), word.upos),
                    got: (lemma.clone(), upos),
                    in_candidates,
                });
            }
        }
    }
    report
}

/// `folds`-fold cross-validation of the ranking table on `sentences`: each fold is scored with
/// a ranking table built from the other folds (sentence `i` is in fold `i % folds`). The
/// lemmatizer's own table is put back afterwards.
#[must_use]
pub fn cross_validate(
    lemmatizer: &mut UkLemmatizer,
    sentences: &[Vec<GoldWord>],
    folds: usize,
) -> EvalReport {
    let original = lemmatizer.set_rank_table(RankTable::default());
    let folds = folds.max(2);
    let mut total = EvalReport::default();
    for fold in 0..folds {
        let train = sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, s)| s.as_slice());
        let rank = RankTable::from_sentences(train);
        lemmatizer.set_rank_table(rank);
        let test = sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds == fold)
            .map(|(_, s)| s.as_slice());
        total.add(evaluate(lemmatizer, test, false));
    }
    lemmatizer.set_rank_table(original);
    total
}
