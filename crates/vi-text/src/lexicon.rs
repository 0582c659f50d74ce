//! The Vietnamese word lexicon: pyvi's word list compiled into an [`index::WordLexicon`]
//! (`data/build/vi-words.vnlx`).
//!
//! [`build`] reads `words.txt` (one word per line, syllables separated by spaces), turns each
//! line into its key with [`crate::key::lexicon_key`] (so that tone-placement and case
//! variants meet), merges lines that share a key, and writes one [`WordEntry`] per key. Look
//! words up with the same key function:
//!
//! ```no_run
//! use index::WordLexicon;
//! let words = WordLexicon::open("data/build/vi-words.vnlx")?;
//! let mut key = String::new();
//! vi_text::key::lexicon_key("Hoà bình", &mut key); // "hòa bình"
//! if let Some(entry) = words.entry(key.as_bytes()) {
//!     assert_eq!(entry.syllables, 2);
//!     assert!(entry.flags & vi_text::lexicon::FLAG_LOWERCASE != 0);
//! }
//! # Ok::<(), index::Error>(())
//! ```
//!
//! The list carries no frequencies, so every listed word has [`LISTED_SCORE`]; what the list
//! does tell (how each word is capitalised, whether all its parts are Vietnamese syllables)
//! goes into the flags.

use crate::key::lexicon_key;
use crate::syllable::is_valid_syllable;
use index::{WordEntry, WordLexiconBuilder};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Version of the build's output. Bump it whenever a change to this module (or to the key
/// function) changes the artifact, so that existing artifacts are seen as stale.
pub const BUILD_FORMAT: u32 = 1;

/// The word list, inside the source directory.
pub const WORDS_FILE: &str = "words.txt";
/// The source files whose bytes enter [`sources_checksum`].
pub const SOURCE_FILES: [&str; 1] = [WORDS_FILE];

/// The score of every listed word (the list has no frequencies).
pub const LISTED_SCORE: u32 = 1;

/// Word flag: listed in pyvi's `words.txt`.
pub const FLAG_PYVI: u16 = 1;
/// Word flag: a spelling in lower case is listed (`bình`).
pub const FLAG_LOWERCASE: u16 = 2;
/// Word flag: a spelling starting with a capital is listed (`Hà Nội`, `AIDS`).
pub const FLAG_CAPITALISED: u16 = 4;
/// Word flag: a spelling in capitals only, with at least two letters, is listed (`AIDS`, `ADN`).
pub const FLAG_ALL_CAPS: u16 = 8;
/// Word flag: some part of the key is not a Vietnamese syllable (loanwords such as `zigzag`,
/// symbols such as `-` or `v.v.`).
pub const FLAG_NON_SYLLABLE: u16 = 16;

/// Everything that can go wrong while building the lexicon.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The word list could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The word list is not UTF-8.
    #[error("{}:{line}: invalid UTF-8", path.display())]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// The 1-based line of the first invalid byte.
        line: usize,
    },
    /// A word has more syllables than an entry can count (255).
    #[error("{}:{line}: {syllables} syllables (at most 255)", path.display())]
    TooManySyllables {
        /// The file.
        path: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The word's syllable count.
        syllables: usize,
    },
    /// Writing the lexicon failed.
    #[error(transparent)]
    Index(#[from] index::Error),
}

/// What [`build`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildReport {
    /// Non-empty lines read.
    pub lines: usize,
    /// Distinct keys written.
    pub words: usize,
    /// Keys by syllable count: `[1, 2, 3, 4+]`.
    pub by_syllables: [usize; 4],
    /// The sources checksum recorded in the header.
    pub sources_checksum: u64,
    /// Size of the written file.
    pub bytes: u64,
    /// Wall time of the whole build.
    pub elapsed: Duration,
}

fn read(path: &Path) -> Result<Vec<u8>, BuildError> {
    std::fs::read(path).map_err(|source| BuildError::Read {
        path: path.to_owned(),
        source,
    })
}

/// The xxh3 checksum stored in the artifact's header: over [`BUILD_FORMAT`], the word list's
/// name, length and bytes, and the key [`lexicon_key`] gives each line, so that a change to
/// the key function also makes existing artifacts stale.
pub fn sources_checksum(sources_dir: &Path) -> Result<u64, BuildError> {
    Ok(checksum(&read(&sources_dir.join(WORDS_FILE))?))
}

fn checksum(words: &[u8]) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(b"vnuk vi-words\0");
    hasher.update(&BUILD_FORMAT.to_le_bytes());
    hasher.update(WORDS_FILE.as_bytes());
    hasher.update(&(words.len() as u64).to_le_bytes());
    hasher.update(words);
    // Every line's key and a line break, hashed as one stream (the same digest as hashing
    // them one by one).
    let mut key = String::new();
    let mut all_keys = String::with_capacity(words.len() + words.len() / 4);
    let mut keys = TokenKeys::default();
    for line in String::from_utf8_lossy(words).lines() {
        keys.line_key(line.trim(), &mut key);
        all_keys.push_str(&key);
        all_keys.push('\n');
    }
    hasher.update(all_keys.as_bytes());
    hasher.digest()
}

/// [`lexicon_key`] of many lines that share their tokens (the syllables of a word list):
/// the key of a line is the keys of its tokens (between `_` and whitespace) joined by
/// single spaces, so each distinct token is keyed once.
#[derive(Default)]
struct TokenKeys<'a> {
    keys: std::collections::HashMap<&'a str, String, TokenHashState>,
    scratch: String,
}

/// A fast hasher for [`TokenKeys`] (short keys from the vendored word list: no flooding).
#[derive(Default, Clone, Copy)]
struct TokenHashState;

impl std::hash::BuildHasher for TokenHashState {
    type Hasher = TokenHasher;
    fn build_hasher(&self) -> TokenHasher {
        TokenHasher(0)
    }
}

/// The hasher of [`TokenHashState`]: multiply-rotate over eight-byte words.
struct TokenHasher(u64);

impl std::hash::Hasher for TokenHasher {
    fn write(&mut self, bytes: &[u8]) {
        let (chunks, tail) = bytes.as_chunks::<8>();
        for chunk in chunks {
            self.mix(u64::from_le_bytes(*chunk));
        }
        let mut last = [0u8; 8];
        if let Some(head) = last.get_mut(..tail.len()) {
            head.copy_from_slice(tail);
        }
        self.mix(u64::from_le_bytes(last) ^ (tail.len() as u64) << 59);
    }

    fn finish(&self) -> u64 {
        let h = self.0 ^ self.0 >> 31;
        h.wrapping_mul(0xD6E8_FEB8_6659_FD93) ^ h >> 29
    }
}

impl TokenHasher {
    #[inline]
    fn mix(&mut self, word: u64) {
        self.0 = (self.0 ^ word)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(26);
    }
}

impl<'a> TokenKeys<'a> {
    /// Writes `lexicon_key(line)` into `out` (cleared first).
    fn line_key(&mut self, line: &'a str, out: &mut String) {
        out.clear();
        for token in line
            .split(|c: char| c == '_' || c.is_whitespace())
            .filter(|token| !token.is_empty())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            let key = self.keys.entry(token).or_insert_with(|| {
                lexicon_key(token, &mut self.scratch);
                self.scratch.clone()
            });
            out.push_str(key);
        }
    }
}

/// The flags one spelling of a word contributes.
fn spelling_flags(spelling: &str, key: &str) -> u16 {
    let mut flags = FLAG_PYVI;
    let letters = spelling.chars().filter(|c| c.is_alphabetic()).count();
    let has_upper = spelling.chars().any(char::is_uppercase);
    if !has_upper {
        flags |= FLAG_LOWERCASE;
    }
    if spelling.chars().next().is_some_and(char::is_uppercase) {
        flags |= FLAG_CAPITALISED;
    }
    if letters >= 2 && !spelling.chars().any(char::is_lowercase) {
        flags |= FLAG_ALL_CAPS;
    }
    if !key.split(' ').all(is_valid_syllable) {
        flags |= FLAG_NON_SYLLABLE;
    }
    flags
}

/// Builds the lexicon from `sources_dir` (holding [`WORDS_FILE`]) into `out_path`, written
/// atomically. The same sources always give the same bytes.
///
/// # Errors
/// [`BuildError`] naming the file: unreadable or non-UTF-8 list, or a failed write.
pub fn build(sources_dir: &Path, out_path: &Path) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let path = sources_dir.join(WORDS_FILE);
    let bytes = read(&path)?;
    let sources_checksum = checksum(&bytes);
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(body).map_err(|error| {
        let valid = body.get(..error.valid_up_to()).unwrap_or_default();
        BuildError::InvalidUtf8 {
            path: path.clone(),
            line: 1 + valid.iter().filter(|&&b| b == b'\n').count(),
        }
    })?;

    let mut entries: BTreeMap<String, WordEntry> = BTreeMap::new();
    let mut key = String::new();
    let mut lines = 0;
    for (index, line) in text.lines().enumerate() {
        let spelling = line.trim();
        if spelling.is_empty() {
            continue;
        }
        lines += 1;
        lexicon_key(spelling, &mut key);
        if key.is_empty() {
            continue;
        }
        let syllables = key.split(' ').count();
        let syllables = u8::try_from(syllables).map_err(|_| BuildError::TooManySyllables {
            path: path.clone(),
            line: index + 1,
            syllables,
        })?;
        let flags = spelling_flags(spelling, &key);
        entries
            .entry(key.clone())
            .and_modify(|entry| entry.flags |= flags)
            .or_insert(WordEntry {
                score: LISTED_SCORE,
                flags,
                syllables,
                reserved: 0,
            });
    }

    let mut builder = WordLexiconBuilder::new(sources_checksum);
    let mut by_syllables = [0; 4];
    for (key, entry) in &entries {
        builder.insert(key.as_bytes(), *entry)?;
        let bucket = usize::from(entry.syllables.clamp(1, 4)) - 1;
        if let Some(count) = by_syllables.get_mut(bucket) {
            *count += 1;
        }
    }
    builder.finish(out_path)?;
    Ok(BuildReport {
        lines,
        words: entries.len(),
        by_syllables,
        sources_checksum,
        bytes: std::fs::metadata(out_path).map(|m| m.len()).unwrap_or(0),
        elapsed: started.elapsed(),
    })
}

#[cfg(test)]
mod tests {
    /// Keys read token by token are the keys of whole lines: on the word list, and on any
    /// text.
    #[test]
    fn token_keys_give_the_line_keys() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../data/sources/vi/pyvi")
            .join(super::WORDS_FILE);
        let words = std::fs::read_to_string(path).unwrap();
        let mut keys = super::TokenKeys::default();
        let (mut by_tokens, mut whole) = (String::new(), String::new());
        for line in words.lines().chain([
            "",
            " ",
            "_",
            "a__b",
            " a  b ",
            "Hoà_bình\u{a0}x",
            "e\u{301} _ \u{301}b",
            "ĐÀ NẴNG",
        ]) {
            keys.line_key(line.trim(), &mut by_tokens);
            super::lexicon_key(line.trim(), &mut whole);
            assert_eq!(by_tokens, whole, "{line:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn token_keys_of_any_text_give_the_line_keys(
            lines in proptest::collection::vec(
                "[a-zA-ZđĐàáảãạăâêôơưÀÁẢ_ \t\u{a0}\u{300}\u{301}\u{303}.-]{0,16}",
                0..12,
            ),
        ) {
            let mut keys = super::TokenKeys::default();
            let (mut by_tokens, mut whole) = (String::new(), String::new());
            for line in &lines {
                keys.line_key(line, &mut by_tokens);
                super::lexicon_key(line, &mut whole);
                proptest::prop_assert_eq!(&by_tokens, &whole);
            }
        }
    }

    use super::*;
    use index::WordLexicon;

    #[test]
    fn builds_merges_and_flags() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(WORDS_FILE),
            "hoà bình\nHòa Bình\nAIDS\nzigzag\nnhà\n\n  \nnhà nước\n",
        )
        .unwrap();
        let out = dir.path().join("vi.vnlx");
        let report = build(dir.path(), &out).unwrap();
        assert_eq!((report.lines, report.words), (6, 5));
        assert_eq!(report.by_syllables, [3, 2, 0, 0]);
        let words = WordLexicon::open_verified(&out).unwrap();
        let entry = words.entry("hòa bình".as_bytes()).unwrap();
        assert_eq!(entry.syllables, 2);
        assert_eq!(entry.score, LISTED_SCORE);
        assert_eq!(entry.flags, FLAG_PYVI | FLAG_LOWERCASE | FLAG_CAPITALISED);
        let aids = words.entry(b"aids").unwrap();
        assert_eq!(
            aids.flags,
            FLAG_PYVI | FLAG_CAPITALISED | FLAG_ALL_CAPS | FLAG_NON_SYLLABLE
        );
        assert_ne!(words.entry(b"zigzag").unwrap().flags & FLAG_NON_SYLLABLE, 0);
        assert_eq!(words.entry(b"nha"), None);
        assert_eq!(words.lexicon().sources_checksum(), report.sources_checksum);
        assert_eq!(
            sources_checksum(dir.path()).unwrap(),
            report.sources_checksum
        );
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("vi.vnlx");
        let err = build(dir.path(), &out).unwrap_err();
        assert!(err.to_string().contains("words.txt: cannot read"), "{err}");
        std::fs::write(dir.path().join(WORDS_FILE), b"nh\xc3\xa0\nb\xff\n").unwrap();
        let err = build(dir.path(), &out).unwrap_err();
        assert!(
            err.to_string().ends_with("words.txt:2: invalid UTF-8"),
            "{err}"
        );
        assert!(!out.exists());
    }
}
