//! The on-disk container: header, section table, header checksum, aligned sections.
//!
//! See the crate documentation for the byte layout.

use std::fmt;
use std::path::Path;

use xxhash_rust::xxh3::xxh3_64;

use crate::error::{Error, Result};

/// The first eight bytes of every lexicon file.
pub const MAGIC: [u8; 8] = *b"VNUKLEX\0";

/// The format version this library writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Alignment of every section, in bytes.
pub const SECTION_ALIGN: u32 = 8;

/// Upper bound on the number of sections, so that reading the header is O(1).
pub const MAX_SECTIONS: u32 = 64;

/// Bytes before the section table.
pub(crate) const FIXED_HEADER_LEN: usize = 56;
/// Bytes per section-table entry.
pub(crate) const SECTION_ENTRY_LEN: usize = 24;
/// Bytes of the header checksum that follows the table.
pub(crate) const HEADER_CHECKSUM_LEN: usize = 8;

/// The fst version written by `fst` 0.4 (the only one accepted: it carries a checksum).
pub(crate) const FST_VERSION: u64 = 3;

/// What a lexicon file holds, which fixes the meaning of its fst values and its payload sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
#[non_exhaustive]
pub enum LexiconKind {
    /// A word list: fst value = ordinal into a table of [`crate::WordEntry`] records.
    Words = 1,
    /// A morphological lexicon: fst value = id of a set of analyses.
    Morph = 2,
    /// A plain map from keys to `u64` values, with no payload tables.
    Map = 3,
}

impl LexiconKind {
    /// The kind's code in the header.
    #[must_use]
    pub fn code(self) -> u32 {
        self as u32
    }

    /// The kind with the given code.
    #[must_use]
    pub fn from_code(code: u32) -> Option<LexiconKind> {
        match code {
            1 => Some(LexiconKind::Words),
            2 => Some(LexiconKind::Morph),
            3 => Some(LexiconKind::Map),
            _ => None,
        }
    }

    /// A lower-case name (`words`, `morph`, `map`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            LexiconKind::Words => "words",
            LexiconKind::Morph => "morph",
            LexiconKind::Map => "map",
        }
    }
}

impl fmt::Display for LexiconKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Section identifiers.
pub mod section {
    /// The fst (`fst::Map` bytes): normalized key -> `u64`.
    pub const FST: u32 = 1;
    /// Words: one 8-byte entry record per key, in key order.
    pub const WORD_ENTRIES: u32 = 2;
    /// Morph: `u32` offsets (number of sets + 1) into the analysis records.
    pub const MORPH_SET_OFFSETS: u32 = 3;
    /// Morph: 8-byte analysis records.
    pub const MORPH_ANALYSES: u32 = 4;
    /// Morph: `u32` offsets (number of suffixes + 1) into the suffix bytes.
    pub const MORPH_SUFFIX_OFFSETS: u32 = 5;
    /// Morph: concatenated UTF-8 lemma suffixes.
    pub const MORPH_SUFFIX_BYTES: u32 = 6;

    /// A readable name for a section id.
    #[must_use]
    pub fn name(id: u32) -> &'static str {
        match id {
            FST => "fst",
            WORD_ENTRIES => "word-entries",
            MORPH_SET_OFFSETS => "morph-set-offsets",
            MORPH_ANALYSES => "morph-analyses",
            MORPH_SUFFIX_OFFSETS => "morph-suffix-offsets",
            MORPH_SUFFIX_BYTES => "morph-suffix-bytes",
            _ => "unknown",
        }
    }
}

/// One entry of the section table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionEntry {
    /// The section id (see [`section`]).
    pub id: u32,
    /// Its alignment in bytes.
    pub align: u32,
    /// Its offset from the start of the file.
    pub offset: u64,
    /// Its length in bytes.
    pub len: u64,
}

/// The decoded header of a lexicon file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Format version (always [`FORMAT_VERSION`] once decoded).
    pub version: u32,
    /// What the file holds.
    pub kind: LexiconKind,
    /// Flags (reserved, zero in this version).
    pub flags: u64,
    /// Number of keys in the fst.
    pub entry_count: u64,
    /// The digest of the sources, given by whoever built the file.
    pub sources_checksum: u64,
    /// xxh3-64 of every byte after the header.
    pub body_checksum: u64,
    /// The section table, in file order.
    pub sections: Vec<SectionEntry>,
    /// Length of the header including section table and header checksum.
    pub header_len: u64,
}

impl Header {
    /// The length the file must have: the end of the last section (or the header's end).
    #[must_use]
    pub fn file_len(&self) -> u64 {
        self.sections
            .iter()
            .map(|s| s.offset.saturating_add(s.len))
            .fold(self.header_len, u64::max)
    }

    /// The table entry of section `id`, if present.
    #[must_use]
    pub fn section(&self, id: u32) -> Option<&SectionEntry> {
        self.sections.iter().find(|s| s.id == id)
    }
}

fn read_u32(bytes: &[u8], at: usize) -> u32 {
    let mut buf = [0u8; 4];
    if let Some(src) = bytes.get(at..at + 4) {
        buf.copy_from_slice(src);
    }
    u32::from_le_bytes(buf)
}

fn read_u64(bytes: &[u8], at: usize) -> u64 {
    let mut buf = [0u8; 8];
    if let Some(src) = bytes.get(at..at + 8) {
        buf.copy_from_slice(src);
    }
    u64::from_le_bytes(buf)
}

/// Length of a header with `count` sections.
pub(crate) fn header_len(count: usize) -> usize {
    FIXED_HEADER_LEN + count * SECTION_ENTRY_LEN + HEADER_CHECKSUM_LEN
}

/// Decodes and checks the header found at the start of `bytes`.
///
/// `bytes` may be just a prefix of the file; `file_len` is the length of the whole file.
/// Checks magic, version, header checksum, kind, and that every section lies in the file,
/// aligned, without overlap, and that the file ends exactly at the end of the last section.
pub(crate) fn parse_header(bytes: &[u8], file_len: u64, path: &Path) -> Result<Header> {
    let truncated = |expected: usize| Error::Truncated {
        path: path.to_owned(),
        expected: expected as u64,
        actual: file_len,
    };
    let min_len = header_len(0);
    if bytes.len() < MAGIC.len() {
        return Err(truncated(min_len));
    }
    if bytes[..MAGIC.len()] != MAGIC {
        return Err(Error::BadMagic {
            path: path.to_owned(),
            found: bytes[..MAGIC.len()].to_vec(),
        });
    }
    if bytes.len() < FIXED_HEADER_LEN {
        return Err(truncated(min_len));
    }
    let version = read_u32(bytes, 8);
    if version != FORMAT_VERSION {
        return Err(Error::UnsupportedVersion {
            path: path.to_owned(),
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    let kind_code = read_u32(bytes, 12);
    let flags = read_u64(bytes, 16);
    let entry_count = read_u64(bytes, 24);
    let sources_checksum = read_u64(bytes, 32);
    let body_checksum = read_u64(bytes, 40);
    let count = read_u32(bytes, 48);
    let reserved = read_u32(bytes, 52);
    if count > MAX_SECTIONS {
        return Err(Error::HeaderChecksum {
            path: path.to_owned(),
            detail: format!("section count {count} exceeds the maximum of {MAX_SECTIONS}"),
        });
    }
    let table_end = FIXED_HEADER_LEN + count as usize * SECTION_ENTRY_LEN;
    let hlen = header_len(count as usize);
    if bytes.len() < hlen {
        return Err(truncated(hlen));
    }
    let stored = read_u64(bytes, table_end);
    let computed = xxh3_64(&bytes[..table_end]);
    if stored != computed {
        return Err(Error::HeaderChecksum {
            path: path.to_owned(),
            detail: format!(
                "header records checksum {stored:#018x}, header bytes hash to {computed:#018x}"
            ),
        });
    }
    // The checksum matched: from here on, inconsistencies were written that way.
    if reserved != 0 {
        return Err(Error::HeaderChecksum {
            path: path.to_owned(),
            detail: format!("reserved header field is {reserved}, expected 0"),
        });
    }
    let Some(kind) = LexiconKind::from_code(kind_code) else {
        return Err(Error::UnknownKind {
            path: path.to_owned(),
            found: kind_code,
        });
    };
    let mut sections = Vec::with_capacity(count as usize);
    let mut cursor = hlen as u64;
    for i in 0..count as usize {
        let at = FIXED_HEADER_LEN + i * SECTION_ENTRY_LEN;
        let entry = SectionEntry {
            id: read_u32(bytes, at),
            align: read_u32(bytes, at + 4),
            offset: read_u64(bytes, at + 8),
            len: read_u64(bytes, at + 16),
        };
        let name = section_label(entry.id);
        if sections.iter().any(|s: &SectionEntry| s.id == entry.id) {
            return Err(Error::section(
                path,
                name,
                "appears twice in the section table",
            ));
        }
        if entry.align != SECTION_ALIGN {
            return Err(Error::section(
                path,
                name,
                format!("alignment {} (expected {SECTION_ALIGN})", entry.align),
            ));
        }
        if !entry.offset.is_multiple_of(u64::from(SECTION_ALIGN)) {
            return Err(Error::section(
                path,
                name,
                format!(
                    "offset {} is not {SECTION_ALIGN}-byte aligned",
                    entry.offset
                ),
            ));
        }
        if entry.offset < cursor {
            return Err(Error::section(
                path,
                name,
                format!(
                    "offset {} overlaps the header or the previous section (which end at {cursor})",
                    entry.offset
                ),
            ));
        }
        let Some(end) = entry.offset.checked_add(entry.len) else {
            return Err(Error::section(path, name, "offset + length overflows"));
        };
        cursor = end;
        sections.push(entry);
    }
    let header = Header {
        version,
        kind,
        flags,
        entry_count,
        sources_checksum,
        body_checksum,
        sections,
        header_len: hlen as u64,
    };
    let expected = header.file_len();
    if file_len < expected {
        return Err(Error::Truncated {
            path: path.to_owned(),
            expected,
            actual: file_len,
        });
    }
    if file_len > expected {
        return Err(Error::TrailingData {
            path: path.to_owned(),
            expected,
            actual: file_len,
        });
    }
    Ok(header)
}

/// `name` for known ids, `#<id>` otherwise.
pub(crate) fn section_label(id: u32) -> String {
    match section::name(id) {
        "unknown" => format!("#{id}"),
        name => name.to_owned(),
    }
}

/// Lays out a complete file: header, section table, header checksum, aligned sections.
pub(crate) fn write_file(
    kind: LexiconKind,
    entry_count: u64,
    sources_checksum: u64,
    sections: &[(u32, &[u8])],
) -> Vec<u8> {
    let hlen = header_len(sections.len());
    let align = SECTION_ALIGN as usize;
    let mut offsets = Vec::with_capacity(sections.len());
    let mut cursor = hlen;
    for (_, bytes) in sections {
        cursor = cursor.div_ceil(align) * align;
        offsets.push(cursor);
        cursor += bytes.len();
    }
    let mut out = vec![0u8; cursor];
    for ((_, bytes), &offset) in sections.iter().zip(&offsets) {
        out[offset..offset + bytes.len()].copy_from_slice(bytes);
    }
    let body_checksum = xxh3_64(&out[hlen..]);
    out[..8].copy_from_slice(&MAGIC);
    out[8..12].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
    out[12..16].copy_from_slice(&kind.code().to_le_bytes());
    out[16..24].copy_from_slice(&0u64.to_le_bytes());
    out[24..32].copy_from_slice(&entry_count.to_le_bytes());
    out[32..40].copy_from_slice(&sources_checksum.to_le_bytes());
    out[40..48].copy_from_slice(&body_checksum.to_le_bytes());
    out[48..52].copy_from_slice(&(sections.len() as u32).to_le_bytes());
    out[52..56].copy_from_slice(&0u32.to_le_bytes());
    for (i, ((id, bytes), &offset)) in sections.iter().zip(&offsets).enumerate() {
        let at = FIXED_HEADER_LEN + i * SECTION_ENTRY_LEN;
        out[at..at + 4].copy_from_slice(&id.to_le_bytes());
        out[at + 4..at + 8].copy_from_slice(&SECTION_ALIGN.to_le_bytes());
        out[at + 8..at + 16].copy_from_slice(&(offset as u64).to_le_bytes());
        out[at + 16..at + 24].copy_from_slice(&(bytes.len() as u64).to_le_bytes());
    }
    let table_end = hlen - HEADER_CHECKSUM_LEN;
    let header_checksum = xxh3_64(&out[..table_end]);
    out[table_end..hlen].copy_from_slice(&header_checksum.to_le_bytes());
    out
}

/// Checks the footer of an fst section without trusting `fst::raw::Fst::new` (which skips
/// the root-address check for non-empty fsts), so that a damaged footer is reported instead
/// of panicking later. Returns the root node's address.
pub(crate) fn check_fst_footer(bytes: &[u8], entry_count: u64, path: &Path) -> Result<usize> {
    let corrupt = |detail: String| Error::CorruptFst {
        path: path.to_owned(),
        detail,
    };
    // version u64, type u64 ... root addr u64, len u64, crc32 u32
    if bytes.len() < 36 {
        return Err(corrupt(format!(
            "{} bytes, shorter than the 36-byte minimum",
            bytes.len()
        )));
    }
    let version = read_u64(bytes, 0);
    if version != FST_VERSION {
        return Err(corrupt(format!(
            "fst version {version}, expected {FST_VERSION}"
        )));
    }
    let end = bytes.len() - 4;
    let root_addr = read_u64(bytes, end - 8);
    let len = read_u64(bytes, end - 16);
    let empty_root = root_addr == 0;
    let root_ok = if empty_root {
        bytes.len() == 36
    } else {
        root_addr.checked_add(21) == Some(bytes.len() as u64)
    };
    if !root_ok {
        return Err(corrupt(format!(
            "root address {root_addr} does not end the {}-byte fst",
            bytes.len()
        )));
    }
    if len != entry_count {
        return Err(corrupt(format!(
            "fst holds {len} keys but the header records {entry_count}"
        )));
    }
    usize::try_from(root_addr)
        .map_err(|_| corrupt(format!("root address {root_addr} is too large")))
}
