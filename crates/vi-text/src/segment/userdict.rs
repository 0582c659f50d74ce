//! User dictionaries: words added at run time, without rebuilding anything.

use super::SegmentError;
use crate::key::lexicon_key;
use index::{WordEntry, WordLexicon, WordLexiconBuilder};
use std::path::Path;

/// Words given by the user, one per line, syllables separated by spaces or underscores.
///
/// Every user word found in the text is kept whole: its syllables are joined and its ends are
/// word boundaries (leftmost, then longest, when user words overlap). User words also count
/// as dictionary words in the model's dictionary features. Lookups use
/// [`lexicon_key`](crate::key::lexicon_key), so case and tone placement do not matter.
///
/// Blank lines and lines starting with `#` are skipped.
///
/// ```
/// use vi_text::segment::UserDict;
/// let dict = UserDict::parse("# places\nĐiện Kremlin\nhòa_bình xanh\n").unwrap();
/// assert_eq!(dict.len(), 2);
/// assert!(dict.contains("điện kremlin"));
/// assert!(dict.contains("HOÀ BÌNH XANH"));
/// ```
pub struct UserDict {
    words: WordLexicon,
}

impl std::fmt::Debug for UserDict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserDict")
            .field("len", &self.words.len())
            .finish()
    }
}

impl UserDict {
    /// Reads a user dictionary file (UTF-8).
    ///
    /// # Errors
    /// [`SegmentError::Io`] when the file cannot be read, [`SegmentError::UserDict`] for a
    /// line that is not a usable word.
    pub fn open(path: impl AsRef<Path>) -> Result<UserDict, SegmentError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| SegmentError::Io {
            path: path.to_owned(),
            source,
        })?;
        UserDict::parse_named(&text, &path.display().to_string())
    }

    /// Reads a user dictionary from text.
    ///
    /// # Errors
    /// [`SegmentError::UserDict`] for a line that is not a usable word.
    pub fn parse(text: &str) -> Result<UserDict, SegmentError> {
        UserDict::parse_named(text, "<memory>")
    }

    fn parse_named(text: &str, name: &str) -> Result<UserDict, SegmentError> {
        let mut keys = Vec::new();
        let mut key = String::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            lexicon_key(line, &mut key);
            let syllables = key.split(' ').count();
            if syllables > 255 {
                return Err(SegmentError::UserDict {
                    source_name: name.to_owned(),
                    line: number + 1,
                    detail: format!("{syllables} syllables (at most 255)"),
                });
            }
            keys.push(key.clone());
        }
        keys.sort_unstable();
        keys.dedup();
        let mut builder = WordLexiconBuilder::new(0);
        for key in &keys {
            builder.insert(key.as_bytes(), WordEntry::default())?;
        }
        let words = WordLexicon::from_bytes(builder.finish_to_vec()?)?;
        Ok(UserDict { words })
    }

    /// Number of distinct words.
    #[must_use]
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the dictionary has no word.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True when `word` (any case, tone placement, separator) is in the dictionary.
    #[must_use]
    pub fn contains(&self, word: &str) -> bool {
        let mut key = String::new();
        lexicon_key(word, &mut key);
        self.words.ordinal(key.as_bytes()).is_some()
    }

    pub(crate) fn lexicon(&self) -> &WordLexicon {
        &self.words
    }
}
