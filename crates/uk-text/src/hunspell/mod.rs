//! Reading Hunspell dictionaries and expanding them into every word form they accept.
//!
//! A Hunspell dictionary is a list of stems (`.dic`), each with affix flags, and an affix file
//! (`.aff`) whose rules say which endings (and beginnings) a flag allows. [`AffixFile::parse`]
//! and [`Dictionary::parse`] read the two files; [`Expander`] generates, for each stem, the
//! stem itself (unless `NEEDAFFIX` or `FORBIDDENWORD` says otherwise) and every affixed form,
//! with the flags that produced it.
//!
//! ```
//! use uk_text::hunspell::{AffixFile, Dictionary, Expander};
//!
//! let aff = AffixFile::parse("SET UTF-8\nSFX A Y 2\nSFX A а и а\nSFX A а у а\n".as_bytes(), "t.aff")?;
//! let dic = Dictionary::parse("1\nхата/A\n".as_bytes(), "t.dic", &aff)?;
//! let mut forms = Vec::new();
//! let mut expander = Expander::new(&aff);
//! for entry in dic.entries() {
//!     expander.expand(&entry.word, &entry.flags, &mut |form, _origin| forms.push(form.to_owned()));
//! }
//! assert_eq!(forms, ["хата", "хати", "хату"]);
//! # Ok::<(), uk_text::hunspell::HunspellError>(())
//! ```
//!
//! Nothing here panics on malformed input: every problem is a [`HunspellError`] naming the file
//! and line.

mod aff;
mod condition;
mod dic;
mod expand;

pub use aff::{AffixClass, AffixFile, AffixKind, AffixRule, Flag, FlagMode};
pub use condition::{BadCondition, Condition};
pub use dic::{DicEntry, Dictionary};
pub use expand::{Expander, Origin};

use std::fmt;

/// A problem in a `.aff` or `.dic` file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {kind}")]
pub struct HunspellError {
    /// The file's name, as given to the parser.
    pub file: String,
    /// The 1-based line, or 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong.
    pub kind: ErrorKind,
}

impl HunspellError {
    pub(crate) fn new(file: &str, line: usize, kind: ErrorKind) -> HunspellError {
        HunspellError {
            file: file.to_owned(),
            line,
            kind,
        }
    }
}

/// What is wrong with a Hunspell file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not valid UTF-8.
    InvalidUtf8,
    /// `SET` names an encoding other than UTF-8.
    UnsupportedEncoding(String),
    /// A directive is malformed.
    BadDirective(String),
    /// A required field is missing.
    MissingField(&'static str),
    /// A number could not be read.
    BadNumber(String),
    /// A flag could not be read in the file's flag syntax.
    BadFlag(String),
    /// An affix class header announced more rules than follow it.
    RuleCount {
        /// The header's line.
        header_line: usize,
        /// Rules announced.
        expected: usize,
        /// Rules found.
        found: usize,
    },
    /// A rule line names another flag than the class it belongs to.
    RuleFlagMismatch(String),
    /// A flag is used both for prefixes and suffixes.
    FlagKindClash(String),
    /// A condition is malformed.
    BadCondition(String),
    /// A flag alias number (`AF`) that the affix file does not define.
    UnknownAlias(usize),
    /// The dictionary is empty (no count line).
    Empty,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::InvalidUtf8 => f.write_str("invalid UTF-8"),
            ErrorKind::UnsupportedEncoding(name) => {
                write!(f, "unsupported encoding {name:?} (only UTF-8 is read)")
            }
            ErrorKind::BadDirective(text) => write!(f, "malformed directive {text:?}"),
            ErrorKind::MissingField(what) => write!(f, "missing {what}"),
            ErrorKind::BadNumber(text) => write!(f, "expected a number, found {text:?}"),
            ErrorKind::BadFlag(text) => write!(f, "malformed flag(s) {text:?}"),
            ErrorKind::RuleCount {
                header_line,
                expected,
                found,
            } => write!(
                f,
                "the affix class declared on line {header_line} announces {expected} rules but {found} follow"
            ),
            ErrorKind::RuleFlagMismatch(flag) => {
                write!(f, "rule for flag {flag:?} inside another flag's rules")
            }
            ErrorKind::FlagKindClash(flag) => {
                write!(
                    f,
                    "flag {flag:?} is declared both as a prefix and as a suffix"
                )
            }
            ErrorKind::BadCondition(text) => write!(f, "malformed condition {text:?}"),
            ErrorKind::UnknownAlias(n) => write!(f, "flag alias {n} is not defined by AF"),
            ErrorKind::Empty => f.write_str("empty dictionary (no count line)"),
        }
    }
}

/// Decodes a Hunspell file as UTF-8 (dropping a byte-order mark), naming the first bad line.
pub(crate) fn decode<'a>(bytes: &'a [u8], name: &str) -> Result<&'a str, HunspellError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
        HunspellError::new(name, line, ErrorKind::InvalidUtf8)
    })
}

#[cfg(test)]
mod tests;
