//! [`WordLexicon`]: a word list (Vietnamese words and compounds) with a small record per word.

use std::ops::Range;
use std::path::Path;

use bytemuck::{Pod, Zeroable};

use crate::builder::LexiconBuilder;
use crate::error::{Error, Result, key_text};
use crate::format::{LexiconKind, section};
use crate::{Lexicon, LexiconInfo, SYLLABLE_SEPARATOR, SyllableMatch};

/// What a [`WordLexicon`] stores about a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct WordEntry {
    /// A score chosen by the builder's caller (a frequency, for example).
    pub score: u32,
    /// Flags chosen by the builder's caller.
    pub flags: u16,
    /// Number of syllables: 1 + the number of [`SYLLABLE_SEPARATOR`] bytes in the key.
    /// [`WordLexiconBuilder::insert`] fills it in when given 0 and rejects a wrong value.
    pub syllables: u8,
    /// Reserved; must be 0.
    pub reserved: u8,
}

/// Bytes per stored [`WordEntry`].
pub const WORD_ENTRY_LEN: usize = 8;

/// The stored form of a [`WordEntry`]: fixed little-endian layout, alignment 1, so it is read
/// in place from any byte offset on any target.
#[repr(C)]
#[derive(Clone, Copy, Pod, Zeroable)]
struct RawWordEntry {
    score: [u8; 4],
    flags: [u8; 2],
    syllables: u8,
    reserved: u8,
}

const _: () = assert!(std::mem::size_of::<RawWordEntry>() == WORD_ENTRY_LEN);

impl RawWordEntry {
    fn decode(&self) -> WordEntry {
        WordEntry {
            score: u32::from_le_bytes(self.score),
            flags: u16::from_le_bytes(self.flags),
            syllables: self.syllables,
            reserved: self.reserved,
        }
    }

    fn encode(entry: &WordEntry) -> RawWordEntry {
        RawWordEntry {
            score: entry.score.to_le_bytes(),
            flags: entry.flags.to_le_bytes(),
            syllables: entry.syllables,
            reserved: entry.reserved,
        }
    }
}

/// Number of syllables of a key, or `None` above 255.
fn syllable_count(key: &[u8]) -> Option<u8> {
    let separators = key.iter().filter(|&&b| b == SYLLABLE_SEPARATOR).count();
    u8::try_from(separators + 1).ok()
}

/// Builds a [`WordLexicon`] file.
///
/// ```
/// # fn main() -> Result<(), index::Error> {
/// use index::{WordEntry, WordLexicon, WordLexiconBuilder};
/// let mut builder = WordLexiconBuilder::new(42);
/// builder.insert("nhà".as_bytes(), WordEntry { score: 10, ..WordEntry::default() })?;
/// builder.insert("nhà nước".as_bytes(), WordEntry { score: 7, flags: 1, ..WordEntry::default() })?;
/// let words = WordLexicon::from_bytes(builder.finish_to_vec()?)?;
/// words.verify()?;
/// let entry = words.entry("nhà nước".as_bytes()).unwrap();
/// assert_eq!((entry.score, entry.flags, entry.syllables), (7, 1, 2));
/// assert_eq!(words.longest_match_at(&["nhà", "nước"], 0, 4).map(|m| m.end), Some(2));
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct WordLexiconBuilder {
    inner: LexiconBuilder,
    entries: Vec<u8>,
}

impl WordLexiconBuilder {
    /// A builder; `sources_checksum` is recorded in the header (see [`Lexicon::sources_checksum`]).
    #[must_use]
    pub fn new(sources_checksum: u64) -> WordLexiconBuilder {
        WordLexiconBuilder {
            inner: LexiconBuilder::new(LexiconKind::Words, sources_checksum),
            entries: Vec::new(),
        }
    }

    /// Number of words inserted.
    #[must_use]
    pub fn len(&self) -> u64 {
        self.inner.len()
    }

    /// True when no word was inserted.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// Adds a word. Keys must be strictly increasing as bytes; multi-syllable keys join their
    /// syllables with [`SYLLABLE_SEPARATOR`]. `entry.syllables` may be 0 (computed here).
    ///
    /// # Errors
    /// [`Error::KeysOutOfOrder`], [`Error::DuplicateKey`], and [`Error::InvalidEntry`] for a
    /// wrong syllable count, more than 255 syllables, or a non-zero reserved byte.
    pub fn insert(&mut self, key: &[u8], entry: WordEntry) -> Result<()> {
        let invalid = |detail: String| Error::InvalidEntry {
            key: key_text(key),
            detail,
        };
        let Some(syllables) = syllable_count(key) else {
            return Err(invalid("more than 255 syllables".to_owned()));
        };
        if entry.syllables != 0 && entry.syllables != syllables {
            return Err(invalid(format!(
                "entry says {} syllables, the key has {syllables}",
                entry.syllables
            )));
        }
        if entry.reserved != 0 {
            return Err(invalid("reserved byte must be 0".to_owned()));
        }
        let ordinal = self.inner.len();
        self.inner.insert(key, ordinal)?;
        let raw = RawWordEntry::encode(&WordEntry { syllables, ..entry });
        self.entries.extend_from_slice(bytemuck::bytes_of(&raw));
        Ok(())
    }

    /// The complete file as bytes.
    ///
    /// # Errors
    /// See [`LexiconBuilder::finish_to_vec`].
    pub fn finish_to_vec(self) -> Result<Vec<u8>> {
        let mut inner = self.inner;
        inner.add_section(section::WORD_ENTRIES, self.entries)?;
        inner.finish_to_vec()
    }

    /// Writes the file atomically (temporary file + rename).
    ///
    /// # Errors
    /// See [`LexiconBuilder::finish`].
    pub fn finish(self, path: impl AsRef<Path>) -> Result<()> {
        let bytes = self.finish_to_vec()?;
        crate::builder::write_atomically(path.as_ref(), &bytes)
    }
}

/// A word list opened for queries: key -> ordinal (the fst value) -> [`WordEntry`].
#[derive(Debug, Clone)]
pub struct WordLexicon {
    lexicon: Lexicon,
    entries: Range<usize>,
}

impl WordLexicon {
    /// Maps a Words lexicon file (O(1); see [`Lexicon::open`]).
    ///
    /// # Errors
    /// Those of [`Lexicon::open`], [`Error::WrongKind`], and [`Error::CorruptSection`] when the
    /// entry table's size does not match the key count.
    pub fn open(path: impl AsRef<Path>) -> Result<WordLexicon> {
        WordLexicon::from_lexicon(Lexicon::open(path)?)
    }

    /// [`WordLexicon::open`] followed by [`WordLexicon::verify`].
    ///
    /// # Errors
    /// Those of `open` and `verify`.
    pub fn open_verified(path: impl AsRef<Path>) -> Result<WordLexicon> {
        let words = WordLexicon::open(path)?;
        words.verify()?;
        Ok(words)
    }

    /// [`WordLexicon::open`] followed by [`Lexicon::verify_checksums`] (milliseconds): the fast
    /// way to open an artifact built by vnuk.
    ///
    /// # Errors
    /// Those of `open` and `verify_checksums`.
    pub fn open_checked(path: impl AsRef<Path>) -> Result<WordLexicon> {
        let lexicon = WordLexicon::open(path)?;
        lexicon.lexicon.verify_checksums()?;
        Ok(lexicon)
    }

    /// Reads a Words lexicon from owned bytes.
    ///
    /// # Errors
    /// As [`WordLexicon::open`].
    pub fn from_bytes(bytes: Vec<u8>) -> Result<WordLexicon> {
        WordLexicon::from_lexicon(Lexicon::from_bytes(bytes)?)
    }

    /// Wraps an opened lexicon after checking its kind and entry table size.
    ///
    /// # Errors
    /// [`Error::WrongKind`], [`Error::CorruptSection`].
    pub fn from_lexicon(lexicon: Lexicon) -> Result<WordLexicon> {
        lexicon.expect_kind(LexiconKind::Words)?;
        let entries = check_entry_table(&lexicon)?;
        Ok(WordLexicon { lexicon, entries })
    }

    /// The underlying lexicon (prefix, fuzzy and regex queries; values are ordinals).
    #[must_use]
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The underlying lexicon, by value.
    #[must_use]
    pub fn into_lexicon(self) -> Lexicon {
        self.lexicon
    }

    /// Number of words.
    #[must_use]
    pub fn len(&self) -> usize {
        self.lexicon.len()
    }

    /// True when there is no word.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.lexicon.is_empty()
    }

    /// See [`Lexicon::verify`].
    ///
    /// # Errors
    /// See [`Lexicon::verify`].
    pub fn verify(&self) -> Result<()> {
        self.lexicon.verify()
    }

    /// See [`Lexicon::info`].
    #[must_use]
    pub fn info(&self) -> LexiconInfo {
        self.lexicon.info()
    }

    /// The ordinal of `key`.
    #[must_use]
    #[inline]
    pub fn ordinal(&self, key: &[u8]) -> Option<u64> {
        self.lexicon.get(key)
    }

    /// The entry of `key`.
    #[must_use]
    #[inline]
    pub fn entry(&self, key: &[u8]) -> Option<WordEntry> {
        self.entry_at(self.lexicon.get(key)?)
    }

    /// The entry with ordinal `ordinal` (`None` when out of range).
    #[must_use]
    #[inline]
    pub fn entry_at(&self, ordinal: u64) -> Option<WordEntry> {
        let table = self.lexicon.as_bytes().get(self.entries.clone())?;
        let start = usize::try_from(ordinal).ok()?.checked_mul(WORD_ENTRY_LEN)?;
        let bytes = table.get(start..start.checked_add(WORD_ENTRY_LEN)?)?;
        let raw: &RawWordEntry = bytemuck::try_from_bytes(bytes).ok()?;
        Some(raw.decode())
    }

    /// See [`Lexicon::matches_at`]; values are ordinals (see [`WordLexicon::entry_at`]).
    pub fn matches_at<S: AsRef<str>>(
        &self,
        syllables: &[S],
        start: usize,
        max_syllables: usize,
        out: &mut Vec<SyllableMatch>,
    ) {
        self.lexicon
            .matches_at(syllables, start, max_syllables, out);
    }

    /// See [`Lexicon::longest_match_at`].
    #[must_use]
    pub fn longest_match_at<S: AsRef<str>>(
        &self,
        syllables: &[S],
        start: usize,
        max_syllables: usize,
    ) -> Option<SyllableMatch> {
        self.lexicon
            .longest_match_at(syllables, start, max_syllables)
    }
}

fn check_entry_table(lexicon: &Lexicon) -> Result<Range<usize>> {
    let id = section::WORD_ENTRIES;
    let entry = lexicon
        .header()
        .section(id)
        .ok_or_else(|| lexicon.section_error(id, "missing"))?;
    let expected = lexicon
        .header()
        .entry_count
        .checked_mul(WORD_ENTRY_LEN as u64);
    if expected != Some(entry.len) {
        return Err(lexicon.section_error(
            id,
            format!(
                "{} bytes, expected {} entries of {WORD_ENTRY_LEN} bytes",
                entry.len,
                lexicon.header().entry_count
            ),
        ));
    }
    let start =
        usize::try_from(entry.offset).map_err(|_| lexicon.section_error(id, "offset too large"))?;
    let len = usize::try_from(entry.len).map_err(|_| lexicon.section_error(id, "too large"))?;
    Ok(start..start + len)
}

/// Full consistency check of a Words lexicon (called by [`Lexicon::verify`]).
pub(crate) fn verify_tables(lexicon: &Lexicon) -> Result<()> {
    let range = check_entry_table(lexicon)?;
    let id = section::WORD_ENTRIES;
    let table = lexicon
        .as_bytes()
        .get(range)
        .ok_or_else(|| lexicon.section_error(id, "out of bounds"))?;
    let records: &[RawWordEntry] = bytemuck::try_cast_slice(table)
        .map_err(|e| lexicon.section_error(id, format!("cannot be read as records: {e}")))?;
    let mut expected_ordinal = 0u64;
    // The per-key state counts separators (saturating), so syllables cost O(1) per key.
    let step = |separators: u32, byte: u8| {
        separators.saturating_add(u32::from(byte == SYLLABLE_SEPARATOR))
    };
    lexicon.for_each_key(0u32, step, |key, value, separators| {
        if value != expected_ordinal {
            return Err(lexicon.section_error(
                section::FST,
                format!(
                    "key {:?} has ordinal {value}, expected {expected_ordinal}",
                    key_text(key)
                ),
            ));
        }
        let record = usize::try_from(value)
            .ok()
            .and_then(|i| records.get(i))
            .ok_or_else(|| lexicon.section_error(id, format!("no entry for ordinal {value}")))?;
        let syllables = u8::try_from(separators.saturating_add(1)).ok();
        if syllables != Some(record.syllables) {
            return Err(lexicon.section_error(
                id,
                format!(
                    "entry {value} ({:?}) records {} syllables, the key has {syllables:?}",
                    key_text(key),
                    record.syllables
                ),
            ));
        }
        if record.reserved != 0 {
            return Err(lexicon.section_error(id, format!("entry {value}: reserved byte is not 0")));
        }
        expected_ordinal += 1;
        Ok(())
    })
}
