//! Gold-segmented sentences, read from CoNLL-U (training and evaluation data).
//!
//! Vietnamese treebanks write a multi-syllable word with spaces in the FORM column
//! (`chủ tịch`); a sentence becomes its words' syllables separated by single spaces, plus
//! the span of each word.

use super::SegmentError;
use crate::syllable;
use crate::tone::ToneStyle;
use core_model::Span;
use std::path::Path;

/// One sentence: its text (atoms separated by single spaces) and the span of each gold word.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldSentence {
    /// The atoms of the sentence separated by single spaces.
    pub text: String,
    /// The gold words, in order; each covers one or more atoms.
    pub words: Vec<Span>,
}

impl GoldSentence {
    /// Builds a sentence from its words; each word's syllables are separated by spaces or
    /// underscores. Empty words are skipped.
    ///
    /// ```
    /// use vi_text::segment::gold::GoldSentence;
    /// let s = GoldSentence::from_words(["Hiện nay", "xã", "có_thể"]);
    /// assert_eq!(s.text, "Hiện nay xã có thể");
    /// assert_eq!(s.words.len(), 3);
    /// ```
    #[must_use]
    pub fn from_words<'a>(words: impl IntoIterator<Item = &'a str>) -> GoldSentence {
        let mut sentence = GoldSentence::default();
        for word in words {
            sentence.push_word(word);
        }
        sentence
    }

    fn push_word(&mut self, word: &str) {
        let mut start = None;
        for atom in word.split(|c: char| c == '_' || c.is_whitespace()) {
            if atom.is_empty() {
                continue;
            }
            if !self.text.is_empty() {
                self.text.push(' ');
            }
            start.get_or_insert(self.text.len());
            self.text.push_str(atom);
        }
        if let Some(start) = start {
            self.words.push(Span::new(start, self.text.len()));
        }
    }

    /// The same sentence with every Vietnamese syllable's tone mark placed in `style`
    /// (letters and case kept; other words unchanged).
    ///
    /// ```
    /// use vi_text::segment::gold::GoldSentence;
    /// use vi_text::tone::ToneStyle;
    /// let s = GoldSentence::from_words(["hòa bình", "Thủy"]);
    /// assert_eq!(s.to_tone_style(ToneStyle::New).text, "hoà bình Thuỷ");
    /// ```
    #[must_use]
    pub fn to_tone_style(&self, style: ToneStyle) -> GoldSentence {
        let mut out = GoldSentence::default();
        let mut word = String::new();
        for span in &self.words {
            word.clear();
            for (i, atom) in span.slice(&self.text).split(' ').enumerate() {
                if i > 0 {
                    word.push(' ');
                }
                match syllable::parse(atom) {
                    Some(s) => s.write(style, &mut word),
                    None => word.push_str(atom),
                }
            }
            out.push_word(&word);
        }
        out
    }
}

/// Reads the sentences of a CoNLL-U file: FORM of every word line (multi-word token ranges
/// and empty nodes are skipped).
///
/// # Errors
/// [`SegmentError::Io`] when the file cannot be read, [`SegmentError::Gold`] for a word line
/// without a FORM column.
pub fn read_conllu(path: impl AsRef<Path>) -> Result<Vec<GoldSentence>, SegmentError> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|source| SegmentError::Io {
        path: path.to_owned(),
        source,
    })?;
    parse_conllu(&text, path)
}

/// Parses CoNLL-U text (`path` names it in errors).
///
/// # Errors
/// [`SegmentError::Gold`] for a word line without a FORM column.
pub fn parse_conllu(text: &str, path: &Path) -> Result<Vec<GoldSentence>, SegmentError> {
    let mut sentences = Vec::new();
    let mut current = GoldSentence::default();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let mut columns = line.split('\t');
        let id = columns.next().unwrap_or("");
        if id.contains('-') || id.contains('.') {
            continue;
        }
        let Some(form) = columns.next() else {
            return Err(SegmentError::Gold {
                path: path.to_owned(),
                line: number + 1,
                detail: "word line without a FORM column".to_owned(),
            });
        };
        current.push_word(form);
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_forms() {
        let text = "# sent_id = 1\n1\tChủ trương\tx\n2-3\tab\n2\ttốt\tx\n2.1\tz\tx\n\n\n1\t.\t.\n";
        let sentences = parse_conllu(text, Path::new("t")).unwrap();
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0].text, "Chủ trương tốt");
        let words: Vec<&str> = sentences[0]
            .words
            .iter()
            .map(|w| w.slice(&sentences[0].text))
            .collect();
        assert_eq!(words, ["Chủ trương", "tốt"]);
        assert!(parse_conllu("1\n", Path::new("t")).is_err());
    }
}
