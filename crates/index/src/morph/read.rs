//! [`MorphLexicon`]: reading analyses in place.

use std::ops::Range;
use std::path::Path;

use core_model::Upos;

use super::{ANALYSIS_RECORD_LEN, LemmaCase, RESERVED_TAG_BIT, RawAnalysis, rebuild_lemma};
use crate::error::{Result, key_text};
use crate::format::{LexiconKind, section};
use crate::walk::{UTF8_ACCEPT, utf8_step};
use crate::{Lexicon, LexiconInfo};

/// A morphological lexicon opened for queries: form -> analyses (lemma, UPOS, flags).
#[derive(Debug, Clone)]
pub struct MorphLexicon {
    lexicon: Lexicon,
    set_offsets: Range<usize>,
    analyses: Range<usize>,
    suffix_offsets: Range<usize>,
    suffix_bytes: Range<usize>,
}

/// The layout checks done at open (O(1)): sections present, lengths whole records.
fn section_ranges(lexicon: &Lexicon) -> Result<[Range<usize>; 4]> {
    let get = |id: u32, unit: usize, min: usize| -> Result<Range<usize>> {
        let entry = lexicon
            .header()
            .section(id)
            .ok_or_else(|| lexicon.section_error(id, "missing"))?;
        let start = usize::try_from(entry.offset)
            .map_err(|_| lexicon.section_error(id, "offset too large"))?;
        let len = usize::try_from(entry.len).map_err(|_| lexicon.section_error(id, "too large"))?;
        if !len.is_multiple_of(unit) || len < min {
            return Err(lexicon.section_error(
                id,
                format!(
                    "{len} bytes: not a whole number of {unit}-byte records (at least {min} bytes)"
                ),
            ));
        }
        Ok(start..start + len)
    };
    Ok([
        get(section::MORPH_SET_OFFSETS, 4, 4)?,
        get(section::MORPH_ANALYSES, ANALYSIS_RECORD_LEN, 0)?,
        get(section::MORPH_SUFFIX_OFFSETS, 4, 4)?,
        get(section::MORPH_SUFFIX_BYTES, 1, 0)?,
    ])
}

fn read_u32(table: &[u8], index: usize) -> Option<u32> {
    let start = index.checked_mul(4)?;
    let bytes = table.get(start..start.checked_add(4)?)?;
    Some(u32::from_le_bytes(bytes.try_into().ok()?))
}

impl MorphLexicon {
    /// Maps a Morph lexicon file (O(1); see [`Lexicon::open`]).
    ///
    /// # Errors
    /// Those of [`Lexicon::open`], [`Error::WrongKind`](crate::Error::WrongKind), [`Error::CorruptSection`](crate::Error::CorruptSection).
    pub fn open(path: impl AsRef<Path>) -> Result<MorphLexicon> {
        MorphLexicon::from_lexicon(Lexicon::open(path)?)
    }

    /// [`MorphLexicon::open`] followed by [`MorphLexicon::verify`].
    ///
    /// # Errors
    /// Those of `open` and `verify`.
    pub fn open_verified(path: impl AsRef<Path>) -> Result<MorphLexicon> {
        let morph = MorphLexicon::open(path)?;
        morph.verify()?;
        Ok(morph)
    }

    /// [`MorphLexicon::open`] followed by [`Lexicon::verify_checksums`] (milliseconds): the fast
    /// way to open an artifact built by vnuk.
    ///
    /// # Errors
    /// Those of `open` and `verify_checksums`.
    pub fn open_checked(path: impl AsRef<Path>) -> Result<MorphLexicon> {
        let lexicon = MorphLexicon::open(path)?;
        lexicon.lexicon.verify_checksums()?;
        Ok(lexicon)
    }

    /// Reads a Morph lexicon from owned bytes.
    ///
    /// # Errors
    /// As [`MorphLexicon::open`].
    pub fn from_bytes(bytes: Vec<u8>) -> Result<MorphLexicon> {
        MorphLexicon::from_lexicon(Lexicon::from_bytes(bytes)?)
    }

    /// Wraps an opened lexicon after checking its kind and section layout.
    ///
    /// # Errors
    /// [`Error::WrongKind`](crate::Error::WrongKind), [`Error::CorruptSection`](crate::Error::CorruptSection).
    pub fn from_lexicon(lexicon: Lexicon) -> Result<MorphLexicon> {
        lexicon.expect_kind(LexiconKind::Morph)?;
        let [set_offsets, analyses, suffix_offsets, suffix_bytes] = section_ranges(&lexicon)?;
        Ok(MorphLexicon {
            lexicon,
            set_offsets,
            analyses,
            suffix_offsets,
            suffix_bytes,
        })
    }

    /// The underlying lexicon (prefix, fuzzy and regex queries over forms; values are set ids).
    #[must_use]
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The underlying lexicon, by value.
    #[must_use]
    pub fn into_lexicon(self) -> Lexicon {
        self.lexicon
    }

    /// Number of forms.
    #[must_use]
    pub fn len(&self) -> usize {
        self.lexicon.len()
    }

    /// True when there is no form.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.lexicon.is_empty()
    }

    /// Number of distinct analysis sets.
    #[must_use]
    pub fn set_count(&self) -> usize {
        (self.set_offsets.len() / 4).saturating_sub(1)
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

    fn bytes(&self, range: &Range<usize>) -> &[u8] {
        self.lexicon.as_bytes().get(range.clone()).unwrap_or(&[])
    }

    fn records(&self) -> &[RawAnalysis] {
        bytemuck::try_cast_slice(self.bytes(&self.analyses)).unwrap_or(&[])
    }

    /// The records of set `set`, or an empty slice when the tables are inconsistent.
    fn set_records(&self, set: u64) -> &[RawAnalysis] {
        let offsets = self.bytes(&self.set_offsets);
        let Ok(set) = usize::try_from(set) else {
            return &[];
        };
        let (Some(start), Some(end)) = (
            read_u32(offsets, set),
            set.checked_add(1).and_then(|next| read_u32(offsets, next)),
        ) else {
            return &[];
        };
        self.records()
            .get(start as usize..end as usize)
            .unwrap_or(&[])
    }

    fn suffix(&self, id: u32) -> &[u8] {
        let offsets = self.bytes(&self.suffix_offsets);
        let id = id as usize;
        let (Some(start), Some(end)) = (read_u32(offsets, id), read_u32(offsets, id + 1)) else {
            return &[];
        };
        self.bytes(&self.suffix_bytes)
            .get(start as usize..end as usize)
            .unwrap_or(&[])
    }

    /// The id of `form`'s analysis set.
    #[must_use]
    pub fn set_id(&self, form: &str) -> Option<u64> {
        self.lexicon.get(form.as_bytes())
    }

    /// The analyses of `form`, in the order they were inserted (empty for an unknown form).
    #[must_use]
    pub fn analyses<'a>(&'a self, form: &'a str) -> Analyses<'a> {
        let records = match self.lexicon.get(form.as_bytes()) {
            Some(set) => self.set_records(set),
            None => &[],
        };
        Analyses {
            lexicon: self,
            form,
            records: records.iter(),
        }
    }

    /// The number of analyses of `form` (0 for an unknown form).
    #[must_use]
    pub fn analysis_count(&self, form: &str) -> usize {
        self.analyses(form).len()
    }

    /// True when `form` is in the lexicon.
    #[must_use]
    pub fn contains(&self, form: &str) -> bool {
        self.lexicon.contains_key(form.as_bytes())
    }
}

/// The analyses of one form (see [`MorphLexicon::analyses`]).
#[derive(Clone, Debug)]
pub struct Analyses<'a> {
    lexicon: &'a MorphLexicon,
    form: &'a str,
    records: std::slice::Iter<'a, RawAnalysis>,
}

impl<'a> Iterator for Analyses<'a> {
    type Item = Analysis<'a>;

    fn next(&mut self) -> Option<Analysis<'a>> {
        let record = *self.records.next()?;
        Some(Analysis {
            form: self.form,
            suffix: self.lexicon.suffix(record.suffix_id()),
            record,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.records.size_hint()
    }
}

impl ExactSizeIterator for Analyses<'_> {}

/// One analysis of a form: a view into the lexicon, with nothing allocated.
#[derive(Clone, Copy, Debug)]
pub struct Analysis<'a> {
    form: &'a str,
    suffix: &'a [u8],
    record: RawAnalysis,
}

impl Analysis<'_> {
    /// The part of speech ([`Upos::X`] for a corrupt code in an unverified file).
    #[must_use]
    pub fn upos(&self) -> Upos {
        Upos::from_u8(self.record.upos_code()).unwrap_or(Upos::X)
    }

    /// The flags given at build time.
    #[must_use]
    pub fn flags(&self) -> u8 {
        self.record.flags
    }

    /// The lemma's case pattern.
    #[must_use]
    pub fn case(&self) -> LemmaCase {
        LemmaCase::from_code(self.record.case_code()).unwrap_or(LemmaCase::AsIs)
    }

    /// Characters stripped from the end of the form to make the lemma.
    #[must_use]
    pub fn strip(&self) -> u16 {
        self.record.strip()
    }

    /// The suffix appended after stripping (before casing); `None` for corrupt bytes.
    #[must_use]
    pub fn suffix(&self) -> Option<&str> {
        std::str::from_utf8(self.suffix).ok()
    }

    /// The form this analysis was looked up with.
    #[must_use]
    pub fn form(&self) -> &str {
        self.form
    }

    /// Writes the lemma into `out` (cleared first), rebuilt from `form`, which must be the form
    /// the analysis was looked up with. Returns false (with `out` empty) when the record does
    /// not fit `form` (a different form, or an unverified corrupt file).
    pub fn lemma_into(&self, form: &str, out: &mut String) -> bool {
        match self.suffix() {
            Some(suffix) => rebuild_lemma(form, self.record.strip(), suffix, self.case(), out),
            None => {
                out.clear();
                false
            }
        }
    }

    /// [`Analysis::lemma_into`] with the form the analysis was looked up with.
    pub fn write_lemma(&self, out: &mut String) -> bool {
        self.lemma_into(self.form, out)
    }

    /// The lemma, allocated (`None` when the record does not fit the form).
    #[must_use]
    pub fn lemma(&self) -> Option<String> {
        let mut out = String::new();
        self.write_lemma(&mut out).then_some(out)
    }
}

/// Full consistency check of a Morph lexicon (called by [`Lexicon::verify`]).
pub(crate) fn verify_tables(lexicon: &Lexicon) -> Result<()> {
    let [set_offsets, analyses, suffix_offsets, suffix_bytes] = section_ranges(lexicon)?;
    let bytes = lexicon.as_bytes();
    let table = |id: u32, range: Range<usize>| {
        bytes
            .get(range)
            .ok_or_else(|| lexicon.section_error(id, "out of bounds"))
    };
    let set_offsets_bytes = table(section::MORPH_SET_OFFSETS, set_offsets)?;
    let records: &[RawAnalysis] =
        bytemuck::try_cast_slice(table(section::MORPH_ANALYSES, analyses)?)
            .map_err(|e| lexicon.section_error(section::MORPH_ANALYSES, e.to_string()))?;
    let suffix_offsets_bytes = table(section::MORPH_SUFFIX_OFFSETS, suffix_offsets)?;
    let suffix_bytes = table(section::MORPH_SUFFIX_BYTES, suffix_bytes)?;

    // Suffixes: offsets start at 0, never decrease, end at the byte table's end; each is UTF-8.
    let suffix_count = suffix_offsets_bytes.len() / 4 - 1;
    check_offsets(
        lexicon,
        section::MORPH_SUFFIX_OFFSETS,
        suffix_offsets_bytes,
        suffix_bytes.len(),
        false,
    )?;
    for id in 0..suffix_count {
        let start = read_u32(suffix_offsets_bytes, id).unwrap_or(0) as usize;
        let end = read_u32(suffix_offsets_bytes, id + 1).unwrap_or(0) as usize;
        let piece = suffix_bytes.get(start..end).unwrap_or(&[]);
        if std::str::from_utf8(piece).is_err() {
            return Err(lexicon.section_error(
                section::MORPH_SUFFIX_BYTES,
                format!("suffix {id} is not valid UTF-8"),
            ));
        }
    }

    // Records: valid suffix ids, tags, cases.
    for (i, record) in records.iter().enumerate() {
        let problem = if record.suffix_id() as usize >= suffix_count {
            Some(format!(
                "suffix id {} >= {suffix_count}",
                record.suffix_id()
            ))
        } else if Upos::from_u8(record.upos_code()).is_none() {
            Some(format!("invalid UPOS code {}", record.upos_code()))
        } else if record.tag & RESERVED_TAG_BIT != 0 {
            Some("reserved tag bit set".to_owned())
        } else if LemmaCase::from_code(record.case_code()).is_none() {
            Some(format!("invalid case code {}", record.case_code()))
        } else {
            None
        };
        if let Some(detail) = problem {
            return Err(
                lexicon.section_error(section::MORPH_ANALYSES, format!("record {i}: {detail}"))
            );
        }
    }

    // Sets: offsets start at 0, strictly increase (no empty set), end at the record count.
    check_offsets(
        lexicon,
        section::MORPH_SET_OFFSETS,
        set_offsets_bytes,
        records.len(),
        true,
    )?;
    let set_count = set_offsets_bytes.len() / 4 - 1;

    // The longest strip of each set, so that each form costs O(1).
    let mut max_strip = vec![0u16; set_count];
    for (set, slot) in max_strip.iter_mut().enumerate() {
        let start = read_u32(set_offsets_bytes, set).unwrap_or(0) as usize;
        let end = read_u32(set_offsets_bytes, set + 1).unwrap_or(0) as usize;
        *slot = records
            .get(start..end)
            .unwrap_or(&[])
            .iter()
            .map(RawAnalysis::strip)
            .max()
            .unwrap_or(0);
    }

    // Forms: valid UTF-8, set id in range, every strip fits the form. The walk folds the UTF-8
    // state and the character count over each key's bytes, once per trie edge.
    let step = |(utf8, chars): (u8, u32), byte: u8| {
        let is_char_start = byte & 0xC0 != 0x80;
        (
            utf8_step(utf8, byte),
            chars.saturating_add(u32::from(is_char_start)),
        )
    };
    lexicon.for_each_key((UTF8_ACCEPT, 0u32), step, |key, set, (utf8, chars)| {
        if utf8 != UTF8_ACCEPT {
            return Err(lexicon.section_error(
                section::FST,
                format!("form {:?} is not valid UTF-8", key_text(key)),
            ));
        }
        let strip = usize::try_from(set)
            .ok()
            .and_then(|s| max_strip.get(s))
            .ok_or_else(|| {
                lexicon.section_error(
                    section::FST,
                    format!(
                        "form {:?} maps to set {set}, but there are {set_count} sets",
                        key_text(key)
                    ),
                )
            })?;
        if u32::from(*strip) > chars {
            return Err(lexicon.section_error(
                section::MORPH_ANALYSES,
                format!(
                    "form {:?}: a record strips {strip} characters",
                    key_text(key)
                ),
            ));
        }
        Ok(())
    })
}

/// Checks an offset table: first 0, monotonic (strictly when `strict`), last == `end`.
fn check_offsets(
    lexicon: &Lexicon,
    id: u32,
    offsets: &[u8],
    end: usize,
    strict: bool,
) -> Result<()> {
    let count = offsets.len() / 4;
    let mut previous = None;
    for i in 0..count {
        let value = read_u32(offsets, i).unwrap_or(0) as usize;
        let bad = match previous {
            None => value != 0,
            Some(p) => value < p || (strict && value == p),
        };
        if bad {
            return Err(lexicon.section_error(
                id,
                format!("offset {i} is {value}, after {previous:?} (offsets must start at 0 and increase)"),
            ));
        }
        previous = Some(value);
    }
    if previous != Some(end) {
        return Err(lexicon.section_error(
            id,
            format!("last offset is {previous:?}, expected {end} (the table's length)"),
        ));
    }
    Ok(())
}
