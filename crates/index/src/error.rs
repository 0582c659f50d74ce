//! The error type of the crate.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::format::LexiconKind;

/// The label used in place of a path for lexicons made with [`crate::Lexicon::from_bytes`].
pub const MEMORY_LABEL: &str = "<memory>";

/// Everything that can go wrong while opening, verifying, querying or building a lexicon.
///
/// Every variant that concerns a file names it (or [`MEMORY_LABEL`] for in-memory data) and says
/// what is wrong, so that the message alone is enough to act on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file does not exist.
    #[error("{}: lexicon file not found", path.display())]
    NotFound {
        /// The file.
        path: PathBuf,
    },
    /// The path exists but is not a regular file (a directory, for example).
    #[error("{}: not a regular file", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// An I/O error other than a missing file.
    #[error("{}: cannot {action}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What was being done (`open`, `read`, `map`, `write`, …).
        action: &'static str,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// The file is shorter than its header says it must be.
    #[error("{}: truncated: expected {expected} bytes, found {actual}", path.display())]
    Truncated {
        /// The file.
        path: PathBuf,
        /// The length the file must have (at least, when the header itself is cut).
        expected: u64,
        /// The actual length.
        actual: u64,
    },
    /// The file is longer than its header says (bytes were appended after the last section).
    #[error("{}: {actual} bytes, but the header describes {expected}: trailing data", path.display())]
    TrailingData {
        /// The file.
        path: PathBuf,
        /// The length described by the header.
        expected: u64,
        /// The actual length.
        actual: u64,
    },
    /// The file does not start with `VNUKLEX\0`: it is not a vnuk lexicon.
    #[error("{}: not a vnuk lexicon (magic bytes {})", path.display(), EscapedBytes(found))]
    BadMagic {
        /// The file.
        path: PathBuf,
        /// The first bytes found (at most 8).
        found: Vec<u8>,
    },
    /// The file was written in a format version this library cannot read.
    #[error("{}: unsupported lexicon format version {found} (this build reads version {supported}); rebuild the data", path.display())]
    UnsupportedVersion {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The version this library reads.
        supported: u32,
    },
    /// The header (or its section table) is damaged.
    #[error("{}: damaged header: {detail}", path.display())]
    HeaderChecksum {
        /// The file.
        path: PathBuf,
        /// What does not match.
        detail: String,
    },
    /// The bytes after the header do not hash to the checksum recorded in the header.
    #[error("{}: body checksum mismatch: header records {expected:#018x}, content hashes to {found:#018x}", path.display())]
    BodyChecksum {
        /// The file.
        path: PathBuf,
        /// The checksum recorded in the header.
        expected: u64,
        /// The checksum of the bytes actually present.
        found: u64,
    },
    /// The fst section is not a valid finite state transducer.
    #[error("{}: corrupt fst section: {detail}", path.display())]
    CorruptFst {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
    /// A section is missing, misplaced or inconsistent.
    #[error("{}: corrupt section {section}: {detail}", path.display())]
    CorruptSection {
        /// The file.
        path: PathBuf,
        /// The section's name (or `#<id>` for an unknown id).
        section: String,
        /// What is wrong.
        detail: String,
    },
    /// The file holds a different kind of lexicon than the one asked for.
    #[error("{}: expected a {expected} lexicon, found kind {found}", path.display())]
    WrongKind {
        /// The file.
        path: PathBuf,
        /// The kind asked for.
        expected: LexiconKind,
        /// The kind code found in the header.
        found: u32,
    },
    /// The header names a lexicon kind this library does not know.
    #[error("{}: unknown lexicon kind {found}", path.display())]
    UnknownKind {
        /// The file.
        path: PathBuf,
        /// The kind code found.
        found: u32,
    },
    /// A builder was given a key not greater than the previous one.
    #[error(
        "keys out of order: {key:?} inserted after {previous:?} (keys must be strictly increasing as bytes)"
    )]
    KeysOutOfOrder {
        /// The previous key (lossily decoded as UTF-8).
        previous: String,
        /// The offending key (lossily decoded as UTF-8).
        key: String,
    },
    /// A builder was given the same key twice in a row.
    #[error("duplicate key {key:?}")]
    DuplicateKey {
        /// The key (lossily decoded as UTF-8).
        key: String,
    },
    /// A builder was given an entry it cannot store.
    #[error("invalid entry for key {key:?}: {detail}")]
    InvalidEntry {
        /// The key (lossily decoded as UTF-8).
        key: String,
        /// What is wrong.
        detail: String,
    },
    /// A fuzzy query was refused (an edit distance above [`crate::MAX_FUZZY_DISTANCE`]).
    #[error("fuzzy query {query:?} with distance {distance}: {detail}")]
    Fuzzy {
        /// The query.
        query: String,
        /// The edit distance asked for.
        distance: u32,
        /// Why it failed.
        detail: String,
    },
    /// A regular expression could not be compiled into a DFA.
    #[error("regex {pattern:?}: {detail}")]
    Regex {
        /// The pattern.
        pattern: String,
        /// Why it failed.
        detail: String,
    },
}

impl Error {
    pub(crate) fn io(path: &Path, action: &'static str, source: io::Error) -> Error {
        Error::Io {
            path: path.to_owned(),
            action,
            source,
        }
    }

    pub(crate) fn section(
        path: &Path,
        section: impl Into<String>,
        detail: impl Into<String>,
    ) -> Error {
        Error::CorruptSection {
            path: path.to_owned(),
            section: section.into(),
            detail: detail.into(),
        }
    }
}

/// The result type of the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Lossily decodes a key for an error message.
pub(crate) fn key_text(key: &[u8]) -> String {
    String::from_utf8_lossy(key).into_owned()
}

struct EscapedBytes<'a>(&'a [u8]);

impl fmt::Display for EscapedBytes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for &b in self.0 {
            write!(f, "{}", std::ascii::escape_default(b))?;
        }
        f.write_str("\"")
    }
}
