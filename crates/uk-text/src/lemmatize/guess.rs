//! The guesser for words the lexicon does not know: the longest ending of the word that the
//! lexicon knows as a word form lends its analyses, its lemma edit applied to the whole word
//! (`гіперзвуковими` -> ending `звуковими` -> strip 3, add `ий` -> `гіперзвуковий`).

use crate::lexicon::FLAG_CLOSED_CLASS;
use core_model::Upos;
use index::{LemmaCase, MorphLexicon};

/// The shortest ending, in characters, that may lend its analyses.
const MIN_ENDING: usize = 3;

/// Calls `emit(lemma, upos)` for each analysis of the longest known ending of `key` (a lower-case
/// form key); nothing when no ending of at least [`MIN_ENDING`] characters is known. For a
/// `capitalised` word, nouns and adjectives become proper nouns with a capitalised lemma.
pub(super) fn guess(
    morph: &MorphLexicon,
    key: &str,
    capitalised: bool,
    lemma: &mut String,
    emit: &mut dyn FnMut(&str, Upos),
) {
    let chars = key.chars().count();
    if chars <= MIN_ENDING {
        return;
    }
    for (skipped, (start, _)) in key.char_indices().enumerate().skip(1) {
        if chars - skipped < MIN_ENDING {
            break;
        }
        let ending = key.get(start..).unwrap_or_default();
        let mut found = false;
        for analysis in morph.analyses(ending) {
            // A proper noun's ending lends nothing to a longer word (Рим in Ерим), nor does
            // a closed-class word's (чого in діючого).
            if analysis.case() != LemmaCase::AsIs
                || analysis.upos() == Upos::Propn
                || analysis.flags() & FLAG_CLOSED_CLASS != 0
            {
                continue;
            }
            // The edit must leave the prefix intact.
            if usize::from(analysis.strip()) > chars - skipped {
                continue;
            }
            if !analysis.lemma_into(key, lemma) {
                continue;
            }
            found = true;
            let mut upos = analysis.upos();
            if capitalised {
                if matches!(upos, Upos::Noun | Upos::Adj) {
                    upos = Upos::Propn;
                }
                if upos == Upos::Propn {
                    capitalise(lemma);
                }
            }
            emit(lemma, upos);
        }
        if found {
            return;
        }
    }
}

/// Upper-cases the first letter of `text` in place.
fn capitalise(text: &mut String) {
    let Some(first) = text.chars().next() else {
        return;
    };
    let mut buf = [0u8; 16];
    let mut len = 0;
    for upper in first.to_uppercase() {
        if let Some(slot) = buf.get_mut(len..) {
            len += upper.encode_utf8(slot).len();
        }
    }
    if let Ok(upper) = std::str::from_utf8(buf.get(..len).unwrap_or_default()) {
        text.replace_range(..first.len_utf8(), upper);
    }
}
