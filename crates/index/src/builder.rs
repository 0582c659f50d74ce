//! [`LexiconBuilder`]: writes the container around an fst and payload sections.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result, key_text};
use crate::format::{self, LexiconKind, MAX_SECTIONS, section};

/// Builds a lexicon file from keys inserted in strictly increasing byte order, each with a
/// `u64` value, plus optional payload sections.
///
/// The typed builders ([`crate::WordLexiconBuilder`], [`crate::MorphLexiconBuilder`]) are
/// built on it; use it directly for a plain key -> value map ([`LexiconKind::Map`]). Output is
/// deterministic: the same calls give byte-identical files.
///
/// ```
/// # fn main() -> Result<(), index::Error> {
/// use index::{Lexicon, LexiconBuilder, LexiconKind};
/// let mut builder = LexiconBuilder::new(LexiconKind::Map, 0xfeed);
/// builder.insert(b"a", 1)?;
/// builder.insert(b"b", 2)?;
/// assert!(builder.insert(b"a", 3).is_err()); // out of order
/// let lexicon = Lexicon::from_bytes(builder.finish_to_vec()?)?;
/// lexicon.verify()?;
/// assert_eq!(lexicon.get(b"b"), Some(2));
/// assert_eq!(lexicon.sources_checksum(), 0xfeed);
/// # Ok(()) }
/// ```
pub struct LexiconBuilder {
    kind: LexiconKind,
    sources_checksum: u64,
    fst: fst::MapBuilder<Vec<u8>>,
    last: Option<Vec<u8>>,
    count: u64,
    sections: Vec<(u32, Vec<u8>)>,
}

impl std::fmt::Debug for LexiconBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LexiconBuilder")
            .field("kind", &self.kind)
            .field("count", &self.count)
            .finish_non_exhaustive()
    }
}

impl LexiconBuilder {
    /// A builder for a lexicon of `kind`; `sources_checksum` is stored in the header for
    /// staleness checks (a digest of the sources the file is built from).
    #[must_use]
    pub fn new(kind: LexiconKind, sources_checksum: u64) -> LexiconBuilder {
        LexiconBuilder {
            kind,
            sources_checksum,
            fst: fst::MapBuilder::memory(),
            last: None,
            count: 0,
            sections: Vec::new(),
        }
    }

    /// Number of keys inserted so far.
    #[must_use]
    pub fn len(&self) -> u64 {
        self.count
    }

    /// True when no key was inserted.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Checks that `key` may follow the previous key, without inserting it.
    ///
    /// # Errors
    /// [`Error::KeysOutOfOrder`], [`Error::DuplicateKey`].
    pub fn check_order(&self, key: &[u8]) -> Result<()> {
        if let Some(last) = &self.last {
            if key == last.as_slice() {
                return Err(Error::DuplicateKey { key: key_text(key) });
            }
            if key < last.as_slice() {
                return Err(Error::KeysOutOfOrder {
                    previous: key_text(last),
                    key: key_text(key),
                });
            }
        }
        Ok(())
    }

    /// Adds `key` with `value`. Keys must be strictly increasing as bytes.
    ///
    /// # Errors
    /// [`Error::KeysOutOfOrder`], [`Error::DuplicateKey`].
    pub fn insert(&mut self, key: &[u8], value: u64) -> Result<()> {
        self.check_order(key)?;
        self.fst
            .insert(key, value)
            .map_err(|e| Error::InvalidEntry {
                key: key_text(key),
                detail: e.to_string(),
            })?;
        match &mut self.last {
            Some(last) => {
                last.clear();
                last.extend_from_slice(key);
            }
            None => self.last = Some(key.to_vec()),
        }
        self.count += 1;
        Ok(())
    }

    /// Adds a payload section. Ids must be unique and not [`section::FST`].
    ///
    /// # Errors
    /// [`Error::InvalidEntry`] for a reserved or repeated id, or too many sections.
    pub fn add_section(&mut self, id: u32, bytes: Vec<u8>) -> Result<()> {
        let invalid = |detail: &str| Error::InvalidEntry {
            key: format!("<section {}>", format::section_label(id)),
            detail: detail.to_owned(),
        };
        if id == section::FST {
            return Err(invalid("the fst section is written by the builder"));
        }
        if self.sections.iter().any(|(existing, _)| *existing == id) {
            return Err(invalid("section added twice"));
        }
        if self.sections.len() + 1 >= MAX_SECTIONS as usize {
            return Err(invalid("too many sections"));
        }
        self.sections.push((id, bytes));
        Ok(())
    }

    /// The complete file as bytes.
    ///
    /// # Errors
    /// [`Error::InvalidEntry`] if the fst cannot be finished (does not happen for in-memory
    /// builds in practice).
    pub fn finish_to_vec(self) -> Result<Vec<u8>> {
        let fst_bytes = self.fst.into_inner().map_err(|e| Error::InvalidEntry {
            key: "<fst>".to_owned(),
            detail: e.to_string(),
        })?;
        let mut sections: Vec<(u32, &[u8])> = Vec::with_capacity(self.sections.len() + 1);
        sections.push((section::FST, &fst_bytes));
        sections.extend(
            self.sections
                .iter()
                .map(|(id, bytes)| (*id, bytes.as_slice())),
        );
        Ok(format::write_file(
            self.kind,
            self.count,
            self.sources_checksum,
            &sections,
        ))
    }

    /// Writes the file to `path` atomically: to a temporary file in the same directory, then
    /// renamed over `path`, so readers never see a partial file.
    ///
    /// # Errors
    /// [`Error::Io`] (naming `path`), and those of [`LexiconBuilder::finish_to_vec`].
    pub fn finish(self, path: impl AsRef<Path>) -> Result<()> {
        let bytes = self.finish_to_vec()?;
        write_atomically(path.as_ref(), &bytes)
    }
}

/// Writes `bytes` to a temporary file beside `path` and renames it to `path`.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".vnuk-lexicon-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(path, "create a temporary file beside", e))?;
    tmp.write_all(bytes)
        .and_then(|()| readable_by_all(tmp.as_file()))
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| Error::io(path, "write", e))?;
    tmp.persist(path)
        .map_err(|e| Error::io(path, "rename the temporary file to", e.error))?;
    Ok(())
}

/// Temporary files are created private (0600); a published lexicon is an ordinary data file.
#[cfg(unix)]
fn readable_by_all(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable_by_all(_: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}
