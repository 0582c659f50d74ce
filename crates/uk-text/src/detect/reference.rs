//! A slow, plain reading of the detector's rules, kept to check the fast scanner against: words
//! collected into a `String`, lists searched one word at a time, endings found with
//! `ends_with` and `contains`.

use super::words::{ENGLISH, LONGEST_LISTED, RUSSIAN, UKRAINIAN, VIETNAMESE};
use super::{Detection, Evidence, Scores, ScriptCounts, decide, letter_evidence};
use crate::chars::{fold_case, is_alpha, is_apostrophe, is_cyrillic, is_latin, is_mark};
use core_model::Language;

fn listed(list: &[(f32, &[&str])], word: &str) -> Option<f32> {
    list.iter()
        .find(|(_, words)| words.contains(&word))
        .map(|&(weight, _)| weight)
}

fn endings(word: &str, scores: &mut Scores) {
    if word.chars().count() < 4 {
        return;
    }
    const RU: [&str; 12] = [
        "ский", "ская", "ское", "ском", "ским", "скую", "ие", "ия", "ию", "ая", "ости", "ость",
    ];
    if RU.iter().any(|e| word.ends_with(e)) {
        scores.add(Language::Ru, 1.0);
    }
    if word.ends_with("ння") || ["ськ", "цьк", "зьк"].iter().any(|e| word.contains(e)) {
        scores.add(Language::Uk, 1.0);
    }
}

fn add_word_evidence(word: &str, cyrillic: bool, scores: &mut Scores) {
    if word.len() > LONGEST_LISTED {
        if cyrillic {
            endings(word, scores);
        }
        return;
    }
    if cyrillic {
        if let Some(w) = listed(UKRAINIAN, word) {
            scores.add(Language::Uk, w);
        }
        if let Some(w) = listed(RUSSIAN, word) {
            scores.add(Language::Ru, w);
        }
        endings(word, scores);
    } else {
        if let Some(w) = listed(ENGLISH, word) {
            scores.add(Language::En, w);
        }
        if let Some(w) = listed(VIETNAMESE, word) {
            scores.add(Language::Vi, w);
        }
    }
}

fn score(text: &str, extra: &[&dyn Evidence]) -> (Scores, ScriptCounts) {
    let mut word = String::new();
    let mut scores = Scores::default();
    let mut counts = ScriptCounts::default();
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if !is_alpha(c) {
            continue;
        }
        word.clear();
        let mut cyrillic_letters = 0u32;
        let mut latin_letters = 0u32;
        let mut cur = Some(c);
        let mut prev_cyrillic = false;
        while let Some(ch) = cur {
            if ch.is_ascii_alphabetic() {
                latin_letters += 1;
                prev_cyrillic = false;
                word.push(ch.to_ascii_lowercase());
            } else if is_alpha(ch) {
                letter_evidence(ch, &mut scores);
                if is_cyrillic(ch) {
                    cyrillic_letters += 1;
                    prev_cyrillic = true;
                } else {
                    if is_latin(ch) {
                        latin_letters += 1;
                    } else {
                        counts.other += 1;
                    }
                    prev_cyrillic = false;
                }
                word.push(fold_case(ch).0);
            } else if is_mark(ch) {
                letter_evidence(ch, &mut scores);
                word.push(ch);
            } else if is_apostrophe(ch) {
                match chars.peek() {
                    Some(&(_, next)) if is_alpha(next) => {
                        if prev_cyrillic && is_cyrillic(next) {
                            scores.uk += 2.0;
                        }
                        word.push('\'');
                    }
                    _ => break,
                }
            } else {
                break;
            }
            cur = match chars.peek() {
                Some(&(_, next)) if is_alpha(next) || is_mark(next) || is_apostrophe(next) => {
                    chars.next();
                    Some(next)
                }
                _ => None,
            };
        }
        counts.cyrillic += cyrillic_letters;
        counts.latin += latin_letters;
        let cyrillic = cyrillic_letters > latin_letters;
        let mut word_scores = Scores::default();
        add_word_evidence(&word, cyrillic, &mut word_scores);
        for source in extra {
            source.word(&word, &mut word_scores);
        }
        scores.add_all(&word_scores);
    }
    (scores, counts)
}

/// The detection of `text` by the reference reading, with `extra` evidence.
pub(super) fn detect(text: &str, extra: &[&dyn Evidence]) -> Detection {
    let (scores, counts) = score(text, extra);
    decide(&scores, counts)
}
