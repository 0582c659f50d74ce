//! Language detection for Ukrainian news text: Ukrainian against Russian (the confusion that
//! matters on Ukrainian web pages), and Vietnamese and English; anything else is `und`.
//!
//! Evidence, all hand-written and explainable:
//!
//! - letters only one language has: `і ї є ґ` and an apostrophe between Cyrillic letters
//!   (Ukrainian), `ы э ъ ё` (Russian, weighted higher as they are rarer), the Vietnamese
//!   letters `ă đ ơ ư` and the tone-marked vowels of the Latin Extended Additional block
//!   (shared accented vowels such as `é ô` count a little);
//! - short lists of frequent words that only one language has (`що та від` against
//!   `что и от`, `the of and`, `của và là`) and a few telling endings (`-ння`, `-ськ-` against
//!   `-ский`, `-ость`, `-ия`);
//! - extra [`Evidence`] a caller plugs in (for example a lexicon).
//!
//! The language with the highest score wins; with no evidence, or a tie, the answer is
//! [`Language::Und`]. The confidence (0 to 1) grows with the winner's share of all evidence,
//! with the amount of evidence, and with the share of letters written in the winner's script;
//! for `und` it is 0.
//!
//! ```
//! use uk_text::detect;
//! use core_model::Language;
//!
//! let uk = detect("Президент підписав указ про припинення її існування.");
//! assert_eq!(uk.language, Language::Uk);
//! assert!(uk.confidence > 0.5);
//! assert_eq!(detect("Читать на русском").language, Language::Ru);
//! assert_eq!(detect("12 345").language, Language::Und);
//! ```

mod scan;
mod words;

use core_model::{Language, Span};

/// A detected language and how sure the detector is (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// The language.
    pub language: Language,
    /// Confidence between 0 and 1; 0 for [`Language::Und`].
    pub confidence: f32,
}

/// Evidence scores per language.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Ukrainian.
    pub uk: f32,
    /// Russian.
    pub ru: f32,
    /// Vietnamese.
    pub vi: f32,
    /// English.
    pub en: f32,
}

impl Scores {
    /// Adds `weight` to `language` (ignored for [`Language::Und`]).
    pub fn add(&mut self, language: Language, weight: f32) {
        match language {
            Language::Uk => self.uk += weight,
            Language::Ru => self.ru += weight,
            Language::Vi => self.vi += weight,
            Language::En => self.en += weight,
            Language::Und => {}
        }
    }

    /// The score of `language` (0 for [`Language::Und`]).
    #[must_use]
    pub fn get(&self, language: Language) -> f32 {
        match language {
            Language::Uk => self.uk,
            Language::Ru => self.ru,
            Language::Vi => self.vi,
            Language::En => self.en,
            Language::Und => 0.0,
        }
    }

    fn add_all(&mut self, other: &Scores) {
        self.uk += other.uk;
        self.ru += other.ru;
        self.vi += other.vi;
        self.en += other.en;
    }
}

/// A source of evidence beyond the built-in lists, consulted once per word.
///
/// ```
/// use uk_text::detect::{Detector, Evidence, Scores};
/// use core_model::Language;
///
/// struct Names;
/// impl Evidence for Names {
///     fn word(&self, word: &str, scores: &mut Scores) {
///         if word == "кобзар" {
///             scores.add(Language::Uk, 5.0);
///         }
///     }
/// }
/// let names = Names;
/// let detector = Detector::new().with_evidence(&names);
/// assert_eq!(detector.detect("Кобзар").language, Language::Uk);
/// ```
pub trait Evidence {
    /// Adds scores for one word, given lower-cased, without apostrophes' variants unified.
    fn word(&self, word: &str, scores: &mut Scores);
}

/// A language detector: the built-in evidence plus any [`Evidence`] added.
#[derive(Default)]
pub struct Detector<'e> {
    extra: Vec<&'e dyn Evidence>,
}

impl std::fmt::Debug for Detector<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Detector")
            .field("extra_sources", &self.extra.len())
            .finish()
    }
}

/// Letter counts by script, for the confidence.
#[derive(Debug, Clone, Copy, Default)]
struct ScriptCounts {
    cyrillic: u32,
    latin: u32,
    other: u32,
}

/// Weights of single letters (a `const fn`: the scanner's tables are built from it).
const fn letter_evidence(c: char, scores: &mut Scores) {
    match c {
        'і' | 'І' => scores.uk += 1.0,
        'ї' | 'Ї' | 'є' | 'Є' => scores.uk += 2.0,
        'ґ' | 'Ґ' => scores.uk += 3.0,
        'ы' | 'Ы' | 'э' | 'Э' | 'ъ' | 'Ъ' | 'ё' | 'Ё' => scores.ru += 3.0,
        'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | '\u{1EA0}'..='\u{1EF9}' => {
            scores.vi += 1.0
        }
        // Decomposed Vietnamese: hook above and dot below.
        '\u{0309}' | '\u{0323}' => scores.vi += 1.0,
        'à' | 'á' | 'â' | 'ã' | 'è' | 'é' | 'ê' | 'ì' | 'í' | 'ò' | 'ó' | 'ô' | 'õ' | 'ù' | 'ú'
        | 'ý' => scores.vi += 0.3,
        _ => {}
    }
}

impl<'e> Detector<'e> {
    /// A detector with the built-in evidence only.
    #[must_use]
    pub fn new() -> Detector<'e> {
        Detector { extra: Vec::new() }
    }

    /// Adds a source of evidence.
    #[must_use]
    pub fn with_evidence(mut self, evidence: &'e dyn Evidence) -> Detector<'e> {
        self.extra.push(evidence);
        self
    }

    /// The evidence scores of `text` and its letter counts; `word` is room for the words
    /// the extra evidence reads.
    fn score(&self, text: &str, word: &mut String) -> (Scores, ScriptCounts) {
        if self.extra.is_empty() && text.len() <= scan::EXACT_BYTES {
            scan::scan::<false>(text, &[], word)
        } else {
            scan::scan::<true>(text, &self.extra, word)
        }
    }

    /// Detects the language of `text` as a whole.
    #[must_use]
    pub fn detect(&self, text: &str) -> Detection {
        let mut word = String::new();
        let (scores, counts) = self.score(text, &mut word);
        decide(&scores, counts)
    }

    /// Detects the language of each line of `text` (split at `\n`; a trailing `\r` is part
    /// of no line's words). Yields each line's span and detection.
    pub fn detect_lines<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = (Span, Detection)> + 't {
        let mut word = String::new();
        let mut offset = 0;
        text.split_inclusive('\n').map(move |line| {
            let start = offset;
            offset += line.len();
            let content = line.trim_end_matches(['\n', '\r']);
            let (scores, counts) = self.score(content, &mut word);
            (
                Span::new(start, start + content.len()),
                decide(&scores, counts),
            )
        })
    }
}

/// Picks the language and its confidence from the scores.
fn decide(scores: &Scores, counts: ScriptCounts) -> Detection {
    const UND: Detection = Detection {
        language: Language::Und,
        confidence: 0.0,
    };
    let candidates = [Language::Uk, Language::Ru, Language::Vi, Language::En];
    let mut best = Language::Und;
    let mut best_score = 0.0f32;
    let mut second = 0.0f32;
    let mut total = 0.0f32;
    for language in candidates {
        let s = scores.get(language).max(0.0);
        total += s;
        if s > best_score {
            second = best_score;
            best_score = s;
            best = language;
        } else if s > second {
            second = s;
        }
    }
    if best_score <= 0.0 || best_score == second {
        return UND;
    }
    let share = best_score / total;
    let strength = 1.0 - (-best_score / 3.0).exp();
    let letters = counts.cyrillic + counts.latin + counts.other;
    let in_script = match best {
        Language::Uk | Language::Ru => counts.cyrillic,
        _ => counts.latin,
    };
    #[allow(clippy::cast_precision_loss)]
    let coverage = if letters == 0 {
        0.0
    } else {
        in_script as f32 / letters as f32
    };
    Detection {
        language: best,
        confidence: (share * strength * (0.5 + 0.5 * coverage)).clamp(0.0, 1.0),
    }
}

/// Detects the language of `text` with the built-in evidence.
#[must_use]
pub fn detect(text: &str) -> Detection {
    Detector::new().detect(text)
}

/// Detects the language of each line of `text` with the built-in evidence.
///
/// ```
/// use core_model::Language;
/// let langs: Vec<Language> = uk_text::detect_lines("Читать на русском\nЧитайте українською")
///     .map(|(_, d)| d.language)
///     .collect();
/// assert_eq!(langs, [Language::Ru, Language::Uk]);
/// ```
pub fn detect_lines(text: &str) -> impl Iterator<Item = (Span, Detection)> + '_ {
    let mut word = String::new();
    let mut offset = 0;
    let detector = Detector::new();
    text.split_inclusive('\n').map(move |line| {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let (scores, counts) = detector.score(content, &mut word);
        (
            Span::new(start, start + content.len()),
            decide(&scores, counts),
        )
    })
}

#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;
