//! Word-level precision, recall and F1 of a segmentation against gold sentences.
//!
//! A predicted word is correct when a gold word covers the same characters (counted in NFC,
//! without whitespace, so spacing and Unicode forms do not matter) and both have the same
//! [`lexicon_key`](crate::key::lexicon_key()), so that text converted to another tone style
//! (`hoà` for `hòa`) is scored against the original gold.

use super::gold::GoldSentence;
use super::{SegmentOptions, Segmentation, Segmenter};
use crate::key::lexicon_key;
use crate::tone::ToneStyle;
use core_model::Span;
use unicode_normalization::UnicodeNormalization;

/// Counts of one evaluation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// Gold words.
    pub gold: usize,
    /// Predicted words.
    pub predicted: usize,
    /// Predicted words that are gold words.
    pub correct: usize,
}

impl Scores {
    /// Correct / predicted, in percent.
    #[must_use]
    pub fn precision(&self) -> f64 {
        percent(self.correct, self.predicted)
    }

    /// Correct / gold, in percent.
    #[must_use]
    pub fn recall(&self) -> f64 {
        percent(self.correct, self.gold)
    }

    /// The harmonic mean of precision and recall, in percent.
    #[must_use]
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Scores) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.correct += other.correct;
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// The scores of the model and of the dictionary longest-match baseline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// Sentences scored.
    pub sentences: usize,
    /// Atoms (syllables and punctuation) segmented.
    pub atoms: usize,
    /// The segmenter.
    pub model: Scores,
    /// Forward longest matching over the segmenter's lexicon.
    pub baseline: Scores,
}

/// A word as scored: non-space character offsets and key.
#[derive(Debug, PartialEq, Eq)]
struct Scored {
    start: usize,
    end: usize,
    key: String,
}

/// Evaluates `segmenter` on `sentences` in pre-tokenized mode (the sentences' atoms are
/// never split). With `style`, the input is first converted to that tone style, and scored
/// against the unconverted gold.
#[must_use]
pub fn evaluate(
    segmenter: &Segmenter,
    sentences: &[GoldSentence],
    style: Option<ToneStyle>,
) -> Evaluation {
    let options = SegmentOptions {
        pretokenized: true,
        keep_existing: false,
    };
    let mut evaluation = Evaluation::default();
    let mut out = Segmentation::default();
    let mut spans = Vec::new();
    for sentence in sentences {
        let converted;
        let input = match style {
            Some(style) => {
                converted = sentence.to_tone_style(style);
                &converted
            }
            None => sentence,
        };
        let gold = scored(&sentence.text, &sentence.words);
        segmenter.segment(&input.text, options, &mut out);
        spans.clear();
        spans.extend(out.tokens().iter().map(|t| t.span));
        evaluation
            .model
            .add(compare(&gold, &scored(&input.text, &spans)));
        evaluation.atoms += out.tokens().iter().map(|t| t.atom_count()).sum::<usize>();
        segmenter.segment_longest_match(&input.text, options, &mut out);
        spans.clear();
        spans.extend(out.tokens().iter().map(|t| t.span));
        evaluation
            .baseline
            .add(compare(&gold, &scored(&input.text, &spans)));
        evaluation.sentences += 1;
    }
    evaluation
}

/// The words of `text` at `spans` (in order) as scored items.
fn scored(text: &str, spans: &[Span]) -> Vec<Scored> {
    let mut items = Vec::with_capacity(spans.len());
    let mut chars = 0;
    let mut pos = 0;
    // Characters of the NFC form: a conversion that composes a decomposed mark, or moves a
    // tone mark, keeps the count.
    let count = |s: &str| s.nfc().filter(|c| !c.is_whitespace()).count();
    for span in spans {
        chars += count(text.get(pos..span.start).unwrap_or(""));
        let word = span.get(text).unwrap_or("");
        let len = count(word);
        let mut key = String::new();
        lexicon_key(word, &mut key);
        items.push(Scored {
            start: chars,
            end: chars + len,
            key,
        });
        chars += len;
        pos = span.end;
    }
    items
}

fn compare(gold: &[Scored], predicted: &[Scored]) -> Scores {
    let mut correct = 0;
    let mut g = 0;
    for p in predicted {
        while g < gold.len() && gold[g].start < p.start {
            g += 1;
        }
        if let Some(item) = gold.get(g)
            && item.start == p.start
            && item.end == p.end
            && item.key == p.key
        {
            correct += 1;
        }
    }
    Scores {
        gold: gold.len(),
        predicted: predicted.len(),
        correct,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_by_characters_and_keys() {
        let gold = scored("hòa bình Nga", &[Span::new(0, 9), Span::new(10, 13)]);
        let predicted = scored("hoà bình Nga", &[Span::new(0, 9), Span::new(10, 13)]);
        assert_eq!(compare(&gold, &predicted).correct, 2);
        let split = scored("hoà bình Nga", &[Span::new(0, 4), Span::new(5, 13)]);
        let s = compare(&gold, &split);
        assert_eq!((s.gold, s.predicted, s.correct), (2, 2, 0));
        assert!(
            (Scores {
                gold: 4,
                predicted: 2,
                correct: 2
            }
            .f1()
                - 66.666)
                .abs()
                < 0.01
        );
    }
}
