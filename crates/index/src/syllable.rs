//! The segmenter primitive: which keys made of consecutive syllables start at a position.

use crate::Lexicon;
use crate::walk::Cursor;

/// The byte joining the syllables of a multi-syllable key (`"nhà nước"`).
pub const SYLLABLE_SEPARATOR: u8 = b' ';

/// A key found by [`Lexicon::matches_at`]: the syllables `start..end` joined by
/// [`SYLLABLE_SEPARATOR`] form a key whose value is `value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SyllableMatch {
    /// One past the last syllable of the key (exclusive end index into the syllables).
    pub end: usize,
    /// The key's value (an ordinal for a [`crate::WordLexicon`]).
    pub value: u64,
}

impl Lexicon {
    /// Appends to `out` every key formed by `syllables[start..end]` joined with
    /// [`SYLLABLE_SEPARATOR`], for `end` in `start + 1 ..= start + max_syllables` (bounded by
    /// `syllables.len()`), in increasing `end` order. `out` is not cleared.
    ///
    /// Walks the fst node by node, so the cost is that of one lookup of the longest candidate,
    /// and nothing is allocated (reuse `out` across calls). Syllables must already be
    /// normalized keys. Bounds-checked like [`Lexicon::get`].
    ///
    /// ```
    /// # fn main() -> Result<(), index::Error> {
    /// use index::{LexiconBuilder, LexiconKind, Lexicon, SyllableMatch};
    /// let mut builder = LexiconBuilder::new(LexiconKind::Map, 0);
    /// for (key, value) in [("nhà", 1), ("nhà nước", 2), ("nước", 3)] {
    ///     builder.insert(key.as_bytes(), value)?;
    /// }
    /// let lexicon = Lexicon::from_bytes(builder.finish_to_vec()?)?;
    /// let mut out = Vec::new();
    /// lexicon.matches_at(&["nhà", "nước", "ta"], 0, 4, &mut out);
    /// assert_eq!(out, [SyllableMatch { end: 1, value: 1 }, SyllableMatch { end: 2, value: 2 }]);
    /// # Ok(()) }
    /// ```
    pub fn matches_at<S: AsRef<str>>(
        &self,
        syllables: &[S],
        start: usize,
        max_syllables: usize,
        out: &mut Vec<SyllableMatch>,
    ) {
        self.walk_syllables(syllables, start, max_syllables, |m| out.push(m));
    }

    /// The longest key starting at `syllables[start]` (see [`Lexicon::matches_at`]).
    #[must_use]
    pub fn longest_match_at<S: AsRef<str>>(
        &self,
        syllables: &[S],
        start: usize,
        max_syllables: usize,
    ) -> Option<SyllableMatch> {
        let mut longest = None;
        self.walk_syllables(syllables, start, max_syllables, |m| longest = Some(m));
        longest
    }

    /// A cursor at the root of the fst, to walk keys byte by byte (see [`Cursor`]).
    #[must_use]
    pub fn cursor(&self) -> Cursor<'_> {
        let (data, root) = self.fst_bytes_and_root();
        Cursor::new(data, root)
    }

    fn walk_syllables<S: AsRef<str>>(
        &self,
        syllables: &[S],
        start: usize,
        max_syllables: usize,
        mut found: impl FnMut(SyllableMatch),
    ) {
        let Some(candidates) = syllables.get(start..) else {
            return;
        };
        let mut cursor = self.cursor();
        for (i, syllable) in candidates.iter().take(max_syllables).enumerate() {
            if i > 0 {
                let Some(next) = cursor.step(SYLLABLE_SEPARATOR) else {
                    return;
                };
                cursor = next;
            }
            let Some(next) = cursor.walk(syllable.as_ref().as_bytes()) else {
                return;
            };
            cursor = next;
            if let Some(value) = cursor.value() {
                found(SyllableMatch {
                    end: start + i + 1,
                    value,
                });
            }
        }
    }
}
