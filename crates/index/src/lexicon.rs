//! [`Lexicon`]: an opened lexicon file (memory map or owned bytes), its header and its fst.

use std::fs::File;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use xxhash_rust::xxh3::xxh3_64;

use crate::error::{Error, MEMORY_LABEL, Result};
use crate::format::{
    self, FIXED_HEADER_LEN, Header, LexiconKind, MAX_SECTIONS, SectionEntry, header_len, section,
};

/// The bytes of a lexicon: a read-only memory map or an owned buffer.
enum Backing {
    Mmap(memmap2::Mmap),
    Owned(Vec<u8>),
}

impl Backing {
    fn bytes(&self) -> &[u8] {
        match self {
            Backing::Mmap(map) => map,
            Backing::Owned(vec) => vec,
        }
    }
}

/// The fst section of an opened lexicon: a shared view of its bytes, used as the storage of
/// [`Lexicon::fst`].
#[derive(Clone)]
pub struct FstData {
    backing: Arc<Backing>,
    range: Range<usize>,
}

impl AsRef<[u8]> for FstData {
    fn as_ref(&self) -> &[u8] {
        self.backing.bytes().get(self.range.clone()).unwrap_or(&[])
    }
}

/// A section's place in the file, checked against the file's length at open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionInfo {
    /// Section id (see [`crate::section`]).
    pub id: u32,
    /// A readable name (`fst`, `word-entries`, …; `unknown` for ids this library ignores).
    pub name: &'static str,
    /// Offset from the start of the file.
    pub offset: u64,
    /// Length in bytes.
    pub len: u64,
}

/// What `vnuk data info` shows about a lexicon file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconInfo {
    /// The file (or `<memory>`).
    pub path: PathBuf,
    /// Format version.
    pub format_version: u32,
    /// What the file holds.
    pub kind: LexiconKind,
    /// Number of keys.
    pub entry_count: u64,
    /// File size in bytes.
    pub file_size: u64,
    /// The sections, in file order.
    pub sections: Vec<SectionInfo>,
    /// Digest of the sources the file was built from (given by the builder's caller).
    pub sources_checksum: u64,
    /// xxh3-64 of the bytes after the header, as recorded in the header.
    pub body_checksum: u64,
}

impl LexiconInfo {
    /// Average file bytes per key (0 for an empty lexicon).
    #[must_use]
    pub fn bytes_per_key(&self) -> f64 {
        if self.entry_count == 0 {
            0.0
        } else {
            self.file_size as f64 / self.entry_count as f64
        }
    }
}

/// A compiled lexicon: an fst mapping normalized keys to `u64` values, plus payload sections
/// read in place.
///
/// Opening is O(1) in the lexicon's size: it checks the header (magic, version, header
/// checksum, section bounds and alignment) and the fst's footer, nothing else. Call
/// [`Lexicon::verify`] (or open with [`Lexicon::open_verified`]) to check every byte; after
/// a successful verify no query can panic.
///
/// On unverified data, exact lookups ([`Lexicon::get`], [`Lexicon::matches_at`]) and typed
/// table reads are bounds-checked and answer `None` or nothing for damaged bytes. The set
/// queries ([`Lexicon::prefix`], [`Lexicon::fuzzy`], [`Lexicon::regex`], [`Lexicon::search`],
/// [`Lexicon::stream`]) run on the `fst` crate, which trusts the fst bytes: run them on
/// verified lexicons only (the body checksum covers the fst).
///
/// The type is cheap to share across threads (`Send + Sync`; queries take `&self`) and to
/// clone (clones share the same map).
#[derive(Clone)]
pub struct Lexicon {
    path: PathBuf,
    backing: Arc<Backing>,
    header: Header,
    map: fst::Map<FstData>,
    /// The fst section's place in the file and its root node's address.
    fst_range: Range<usize>,
    root: usize,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("path", &self.path)
            .field("kind", &self.header.kind)
            .field("entry_count", &self.header.entry_count)
            .finish_non_exhaustive()
    }
}

fn open_file(path: &Path) -> Result<(File, u64)> {
    let file = File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound {
            path: path.to_owned(),
        },
        _ => Error::io(path, "open", e),
    })?;
    let meta = file.metadata().map_err(|e| Error::io(path, "stat", e))?;
    if !meta.is_file() {
        return Err(Error::NotAFile {
            path: path.to_owned(),
        });
    }
    Ok((file, meta.len()))
}

/// Reads and checks just the header of a lexicon file (a few hundred bytes), without mapping
/// or verifying the rest. Use it to compare [`Header::sources_checksum`] with the digest of the
/// current sources and decide whether to rebuild.
///
/// # Errors
/// The same header errors as [`Lexicon::open`].
pub fn read_header(path: impl AsRef<Path>) -> Result<Header> {
    let path = path.as_ref();
    let (file, file_len) = open_file(path)?;
    let max = header_len(MAX_SECTIONS as usize) as u64;
    let mut buf = Vec::with_capacity(max.min(file_len) as usize);
    file.take(max)
        .read_to_end(&mut buf)
        .map_err(|e| Error::io(path, "read", e))?;
    format::parse_header(&buf, file_len, path)
}

/// The sources checksum recorded in a lexicon file's header (see [`read_header`]).
///
/// # Errors
/// The same header errors as [`Lexicon::open`].
pub fn read_sources_checksum(path: impl AsRef<Path>) -> Result<u64> {
    read_header(path).map(|h| h.sources_checksum)
}

impl Lexicon {
    /// Maps a lexicon file and checks its header and fst footer (O(1) in its size).
    ///
    /// The file must not be modified while it is mapped; builders never do that (they write a
    /// new file and rename it over the old one, so existing maps keep the old contents).
    ///
    /// # Errors
    /// [`Error::NotFound`], [`Error::NotAFile`], [`Error::Io`], [`Error::Truncated`],
    /// [`Error::TrailingData`], [`Error::BadMagic`], [`Error::UnsupportedVersion`],
    /// [`Error::HeaderChecksum`], [`Error::UnknownKind`], [`Error::CorruptSection`],
    /// [`Error::CorruptFst`].
    pub fn open(path: impl AsRef<Path>) -> Result<Lexicon> {
        let path = path.as_ref();
        let (file, file_len) = open_file(path)?;
        if (file_len as usize) < FIXED_HEADER_LEN {
            // Too short to map usefully; read it to report the precise error.
            let mut buf = Vec::new();
            (&file)
                .read_to_end(&mut buf)
                .map_err(|e| Error::io(path, "read", e))?;
            return Err(match format::parse_header(&buf, file_len, path) {
                Err(e) => e,
                Ok(_) => Error::Truncated {
                    path: path.to_owned(),
                    expected: header_len(0) as u64,
                    actual: file_len,
                },
            });
        }
        // SAFETY: the map is read-only and private to this process. The file could be changed
        // by another process while mapped, which memory maps cannot prevent; vnuk's builders
        // never modify a published file in place (they write a temporary file and rename it).
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| Error::io(path, "map", e))?;
        Lexicon::from_backing(path.to_owned(), Backing::Mmap(map))
    }

    /// [`Lexicon::open`] followed by [`Lexicon::verify`].
    ///
    /// # Errors
    /// Those of `open` and `verify`.
    pub fn open_verified(path: impl AsRef<Path>) -> Result<Lexicon> {
        let lexicon = Lexicon::open(path)?;
        lexicon.verify()?;
        Ok(lexicon)
    }

    /// Reads a lexicon from owned bytes (errors name the file `<memory>`).
    ///
    /// # Errors
    /// The header and fst errors of [`Lexicon::open`].
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Lexicon> {
        Lexicon::from_backing(PathBuf::from(MEMORY_LABEL), Backing::Owned(bytes))
    }

    fn from_backing(path: PathBuf, backing: Backing) -> Result<Lexicon> {
        let bytes = backing.bytes();
        let header = format::parse_header(bytes, bytes.len() as u64, &path)?;
        let Some(fst_entry) = header.section(section::FST).copied() else {
            return Err(Error::section(&path, "fst", "missing"));
        };
        let range = entry_range(&fst_entry);
        let fst_bytes = bytes.get(range.clone()).unwrap_or(&[]);
        let root = format::check_fst_footer(fst_bytes, header.entry_count, &path)?;
        let backing = Arc::new(backing);
        let raw = fst::raw::Fst::new(FstData {
            backing: Arc::clone(&backing),
            range: range.clone(),
        })
        .map_err(|e| Error::CorruptFst {
            path: path.clone(),
            detail: e.to_string(),
        })?;
        Ok(Lexicon {
            path,
            backing,
            header,
            map: fst::Map::from(raw),
            fst_range: range,
            root,
        })
    }

    /// The path the lexicon was opened from (`<memory>` for [`Lexicon::from_bytes`]).
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The decoded header.
    #[must_use]
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// What the file holds.
    #[must_use]
    pub fn kind(&self) -> LexiconKind {
        self.header.kind
    }

    /// The sources checksum recorded by the builder's caller.
    #[must_use]
    pub fn sources_checksum(&self) -> u64 {
        self.header.sources_checksum
    }

    /// Number of keys.
    #[must_use]
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when the lexicon has no key.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The whole file's bytes.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        self.backing.bytes()
    }

    /// The bytes of section `id`, if the file has it.
    #[must_use]
    pub fn section(&self, id: u32) -> Option<&[u8]> {
        let entry = self.header.section(id)?;
        self.backing.bytes().get(entry_range(entry))
    }

    /// The underlying `fst::Map`, for queries this type does not wrap.
    #[must_use]
    pub fn fst(&self) -> &fst::Map<FstData> {
        &self.map
    }

    pub(crate) fn raw_fst(&self) -> &fst::raw::Fst<FstData> {
        self.map.as_fst()
    }

    /// The fst section's bytes and its root node's address, for [`crate::walk`].
    #[inline]
    pub(crate) fn fst_bytes_and_root(&self) -> (&[u8], usize) {
        let bytes = self
            .backing
            .bytes()
            .get(self.fst_range.clone())
            .unwrap_or(&[]);
        (bytes, self.root)
    }

    /// A summary for display (`vnuk data info`).
    #[must_use]
    pub fn info(&self) -> LexiconInfo {
        LexiconInfo {
            path: self.path.clone(),
            format_version: self.header.version,
            kind: self.header.kind,
            entry_count: self.header.entry_count,
            file_size: self.backing.bytes().len() as u64,
            sections: self
                .header
                .sections
                .iter()
                .map(|s| SectionInfo {
                    id: s.id,
                    name: section::name(s.id),
                    offset: s.offset,
                    len: s.len,
                })
                .collect(),
            sources_checksum: self.header.sources_checksum,
            body_checksum: self.header.body_checksum,
        }
    }

    /// Checks that the bytes are those a builder wrote: the body checksum (xxh3-64 of every
    /// byte after the header) and the fst's own CRC-32C. Linear in the file size but fast
    /// (milliseconds for the 5 MiB Ukrainian lexicon): the check to run when opening artifacts
    /// built by vnuk's own builders, whose tables are consistent by construction.
    ///
    /// # Errors
    /// [`Error::BodyChecksum`], [`Error::CorruptFst`].
    pub fn verify_checksums(&self) -> Result<()> {
        let bytes = self.backing.bytes();
        let body = bytes.get(self.header.header_len as usize..).unwrap_or(&[]);
        let found = xxh3_64(body);
        if found != self.header.body_checksum {
            return Err(Error::BodyChecksum {
                path: self.path.clone(),
                expected: self.header.body_checksum,
                found,
            });
        }
        self.raw_fst().verify().map_err(|e| Error::CorruptFst {
            path: self.path.clone(),
            detail: e.to_string(),
        })
    }

    /// [`Lexicon::verify_checksums`], then the consistency of every key and typed table: every
    /// fst value in range, offsets monotonic and in bounds, tags valid, forms valid UTF-8 and
    /// long enough for their lemma edits, Words ordinals and syllable counts. After it
    /// succeeds, no query can panic and every lookup's payload reads back.
    ///
    /// Cost: one walk over every key (about a second for 3.3M Ukrainian forms on a busy
    /// machine); use [`Lexicon::verify_checksums`] at startup and this one for files of unknown
    /// origin or in `vnuk data verify`.
    ///
    /// # Errors
    /// [`Error::BodyChecksum`], [`Error::CorruptFst`], [`Error::CorruptSection`].
    pub fn verify(&self) -> Result<()> {
        self.verify_checksums()?;
        match self.header.kind {
            LexiconKind::Words => crate::word::verify_tables(self),
            LexiconKind::Morph => crate::morph::verify_tables(self),
            LexiconKind::Map => Ok(()),
        }
    }

    /// [`Lexicon::open`] followed by [`Lexicon::verify_checksums`]: the fast way to open an
    /// artifact built by vnuk.
    ///
    /// # Errors
    /// Those of `open` and `verify_checksums`.
    pub fn open_checked(path: impl AsRef<Path>) -> Result<Lexicon> {
        let lexicon = Lexicon::open(path)?;
        lexicon.verify_checksums()?;
        Ok(lexicon)
    }

    /// Fails with [`Error::WrongKind`] unless the lexicon is of kind `expected`.
    ///
    /// # Errors
    /// [`Error::WrongKind`].
    pub fn expect_kind(&self, expected: LexiconKind) -> Result<()> {
        if self.header.kind == expected {
            Ok(())
        } else {
            Err(Error::WrongKind {
                path: self.path.clone(),
                expected,
                found: self.header.kind.code(),
            })
        }
    }

    /// Error for a section, naming this lexicon's file.
    pub(crate) fn section_error(&self, id: u32, detail: impl Into<String>) -> Error {
        Error::section(&self.path, format::section_label(id), detail)
    }

    /// Every key in order with its value and a state folded over its bytes by `step` (see
    /// [`crate::walk::for_each_key`]), for verification. Fails with [`Error::CorruptFst`] when
    /// the fst cannot be walked or holds another number of keys than the header says.
    pub(crate) fn for_each_key<S: Copy>(
        &self,
        init: S,
        step: impl Fn(S, u8) -> S,
        mut visit: impl FnMut(&[u8], u64, S) -> Result<()>,
    ) -> Result<()> {
        let (data, root) = self.fst_bytes_and_root();
        let expected = self.header.entry_count;
        let mut count = 0u64;
        let corrupt = |detail: String| Error::CorruptFst {
            path: self.path.clone(),
            detail,
        };
        let walked = crate::walk::for_each_key(data, root, init, step, |key, value, state| {
            count += 1;
            if count > expected {
                return Err(corrupt(format!(
                    "more keys than the {expected} the header records"
                )));
            }
            visit(key, value, state)
        });
        match walked {
            Ok(()) if count == expected => Ok(()),
            Ok(()) => Err(corrupt(format!(
                "{count} keys, but the header records {expected}"
            ))),
            Err(crate::walk::WalkError::Visitor(error)) => Err(error),
            Err(crate::walk::WalkError::Damaged { key }) => Err(corrupt(format!(
                "damaged node after key prefix {:?}",
                String::from_utf8_lossy(&key)
            ))),
        }
    }
}

const _: () = {
    const fn shareable<T: Send + Sync + Clone>() {}
    shareable::<Lexicon>();
};

fn entry_range(entry: &SectionEntry) -> Range<usize> {
    let start = usize::try_from(entry.offset).unwrap_or(usize::MAX);
    let end = usize::try_from(entry.offset.saturating_add(entry.len)).unwrap_or(usize::MAX);
    start..end
}
