//! vnuk's compiled lexicon: an [fst] of normalized keys plus payload tables, read in place from
//! a memory map.
//!
//! A lexicon file maps each key (a normalized word form, or syllables joined by
//! [`SYLLABLE_SEPARATOR`]) to a `u64` through an `fst::Map`; what the value means depends on the
//! file's [`LexiconKind`]:
//!
//! - [`WordLexicon`] (Vietnamese words and compounds): the value is an ordinal into a table of
//!   8-byte [`WordEntry`] records (score, flags, syllable count).
//! - [`MorphLexicon`] (Ukrainian word forms): the value is the id of a deduplicated set of
//!   analyses, each a lemma stored as an edit of the form, a UPOS tag and flags.
//! - [`LexiconKind::Map`]: the value is the payload (built with [`LexiconBuilder`]).
//!
//! Opening ([`Lexicon::open`]) maps the file and checks only its header and the fst's footer, in
//! constant time; [`Lexicon::verify`] checks every byte and every table so that no query on a
//! verified lexicon can panic. Nothing is deserialized: tables are read where they lie.
//!
//! # Building and querying
//!
//! ```
//! # fn main() -> Result<(), index::Error> {
//! use index::{WordEntry, WordLexicon, WordLexiconBuilder};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("vi-words.vnlx");
//! let mut builder = WordLexiconBuilder::new(0x1234); // digest of the sources
//! for (key, score) in [("bí mật", 5), ("hà nội", 9), ("nhà", 7), ("nhà nước", 8)] {
//!     builder.insert(key.as_bytes(), WordEntry { score, ..WordEntry::default() })?;
//! }
//! builder.finish(&path)?; // written to a temporary file, then renamed
//!
//! assert_eq!(index::read_sources_checksum(&path)?, 0x1234); // cheap staleness check
//! let words = WordLexicon::open_verified(&path)?;
//! assert_eq!(words.entry("nhà".as_bytes()).map(|e| e.score), Some(7));
//!
//! // Longest dictionary word starting at syllable 0 (the segmenter primitive).
//! let syllables = ["nhà", "nước", "ta"];
//! let longest = words.longest_match_at(&syllables, 0, 4).unwrap();
//! assert_eq!(longest.end, 2);
//! assert_eq!(words.entry_at(longest.value).map(|e| e.score), Some(8));
//!
//! // Set queries on the underlying fst.
//! let lexicon = words.lexicon();
//! assert_eq!(lexicon.prefix("nhà".as_bytes()).count(), 2);
//! assert_eq!(lexicon.fuzzy("nha", 1)?.count(), 1); // "nhà" (à is one substitution)
//! assert_eq!(lexicon.regex("h. n.i")?.count(), 1);
//! # Ok(()) }
//! ```
//!
//! # File format (version 1)
//!
//! All integers are little-endian. A file is a header, a section table, a header checksum, and
//! sections, each starting at an 8-byte-aligned offset; the file ends exactly at the end of its
//! last section (zero padding between sections).
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0 | 8 | magic `VNUKLEX\0` |
//! | 8 | 4 | format version (1) |
//! | 12 | 4 | kind: 1 = Words, 2 = Morph, 3 = Map |
//! | 16 | 8 | flags (0) |
//! | 24 | 8 | entry count (number of fst keys) |
//! | 32 | 8 | sources checksum (chosen by the builder's caller) |
//! | 40 | 8 | body checksum: xxh3-64 of every byte after the header checksum |
//! | 48 | 4 | section count *n* (≤ 64) |
//! | 52 | 4 | reserved (0) |
//! | 56 | 24·*n* | section table: id u32, align u32 (8), offset u64, length u64 |
//! | 56 + 24·*n* | 8 | header checksum: xxh3-64 of bytes `0 .. 56 + 24·n` |
//!
//! Sections appear in the table in file order, without overlap. Ids (see [`section`]):
//!
//! - `1` fst: the bytes of an `fst::Map` (fst format 3, with its CRC-32C) from key to `u64`.
//! - `2` Words entries: one 8-byte record per key in key order —
//!   `score u32, flags u16, syllables u8, reserved u8`. The fst value of the *i*-th key is *i*.
//! - `3` Morph set offsets: `u32` × (sets + 1), starting at 0, strictly increasing, ending at the
//!   record count. Set *s* is records `offsets[s] .. offsets[s+1]`; the fst value is *s*.
//! - `4` Morph analysis records, 8 bytes each — `suffix id u32, strip u16, tag u8, flags u8`,
//!   where `tag = upos | case << 5` (UPOS code as in [`core_model::Upos`], case per
//!   [`LemmaCase`], bit 7 zero). The lemma is the form minus `strip` characters, plus suffix
//!   `suffix id`, with the case pattern applied.
//! - `5` Morph suffix offsets: `u32` × (suffixes + 1), starting at 0, non-decreasing, ending at
//!   the length of section 6.
//! - `6` Morph suffix bytes: the UTF-8 suffixes, concatenated.
//!
//! Readers ignore section ids they do not know. Every record is made of byte arrays
//! (alignment one) decoded with `from_le_bytes`, so files read the same on big- and
//! little-endian targets and records can be read in place (through `bytemuck`) at any offset.
//!
//! # Errors
//!
//! Every failure is an [`Error`] variant naming the file (or `<memory>`) and what is wrong:
//! missing file, truncation (expected vs actual length), bad magic, unsupported version, damaged
//! header, body checksum mismatch, corrupt fst or section, wrong kind, and for builders keys out
//! of order, duplicates and invalid entries.
//!
//! [fst]: https://docs.rs/fst

#![warn(missing_docs)]

mod builder;
mod error;
mod format;
mod fuzzy;
mod lexicon;
mod morph;
mod query;
mod step;
mod syllable;
mod walk;
mod word;

pub use builder::LexiconBuilder;
pub use error::{Error, MEMORY_LABEL, Result};
pub use format::{
    FORMAT_VERSION, Header, LexiconKind, MAGIC, MAX_SECTIONS, SECTION_ALIGN, SectionEntry, section,
};
pub use fuzzy::{Levenshtein, LevenshteinState, MAX_FUZZY_DISTANCE};
pub use lexicon::{FstData, Lexicon, LexiconInfo, SectionInfo, read_header, read_sources_checksum};
pub use morph::{
    ANALYSIS_RECORD_LEN, Analyses, Analysis, LemmaCase, MorphInput, MorphLexicon,
    MorphLexiconBuilder,
};
pub use query::{Matches, RegexAutomaton};
pub use syllable::{SYLLABLE_SEPARATOR, SyllableMatch};
pub use walk::Cursor;
pub use word::{WORD_ENTRY_LEN, WordEntry, WordLexicon, WordLexiconBuilder};

/// Re-export of the `fst` crate, for custom automata passed to [`Lexicon::search`].
pub use fst;
