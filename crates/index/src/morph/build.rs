//! [`MorphLexiconBuilder`].

use std::collections::HashMap;
use std::path::Path;

use core_model::Upos;

use super::{CASE_SHIFT, LemmaCase, RawAnalysis, rebuild_lemma};
use crate::builder::LexiconBuilder;
use crate::error::{Error, Result};
use crate::format::{LexiconKind, section};

/// One analysis of a form, as given to [`MorphLexiconBuilder::insert`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MorphInput<'a> {
    /// The lemma, cased as it should come back (`Київ`, `НАТО`, `мати`).
    pub lemma: &'a str,
    /// The part of speech.
    pub upos: Upos,
    /// Free flags for the caller (stored and returned unchanged).
    pub flags: u8,
}

/// Builds a [`super::MorphLexicon`] file.
///
/// For each analysis the builder finds the lemma's case pattern (as is, Title, UPPER) and the
/// shortest edit from the form (strip characters from the end, append a suffix), dedups
/// suffixes and analysis sets, and maps the form to its set's id. Ids are given in order of
/// first use, so the same inserts give byte-identical files.
///
/// ```
/// # fn main() -> Result<(), index::Error> {
/// use core_model::Upos;
/// use index::{MorphInput, MorphLexicon, MorphLexiconBuilder};
/// let mut builder = MorphLexiconBuilder::new(7);
/// builder.insert("києва", &[MorphInput { lemma: "Київ", upos: Upos::Propn, flags: 0 }])?;
/// builder.insert("мами", &[
///     MorphInput { lemma: "мама", upos: Upos::Noun, flags: 0 },
///     MorphInput { lemma: "мамий", upos: Upos::Adj, flags: 3 },
/// ])?;
/// let morph = MorphLexicon::from_bytes(builder.finish_to_vec()?)?;
/// morph.verify()?;
/// let mut lemma = String::new();
/// let first = morph.analyses("києва").next().unwrap();
/// assert!(first.write_lemma(&mut lemma));
/// assert_eq!((lemma.as_str(), first.upos()), ("Київ", Upos::Propn));
/// assert_eq!(morph.analysis_count("мами"), 2);
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct MorphLexiconBuilder {
    inner: LexiconBuilder,
    set_ids: HashMap<Vec<RawAnalysis>, u32>,
    set_offsets: Vec<u8>,
    analyses: Vec<u8>,
    record_count: u32,
    suffix_ids: HashMap<Box<str>, u32>,
    suffix_offsets: Vec<u8>,
    suffix_bytes: Vec<u8>,
    scratch: Vec<RawAnalysis>,
    check: String,
}

impl MorphLexiconBuilder {
    /// A builder; `sources_checksum` is recorded in the header.
    #[must_use]
    pub fn new(sources_checksum: u64) -> MorphLexiconBuilder {
        MorphLexiconBuilder {
            inner: LexiconBuilder::new(LexiconKind::Morph, sources_checksum),
            set_ids: HashMap::new(),
            set_offsets: 0u32.to_le_bytes().to_vec(),
            analyses: Vec::new(),
            record_count: 0,
            suffix_ids: HashMap::new(),
            suffix_offsets: 0u32.to_le_bytes().to_vec(),
            suffix_bytes: Vec::new(),
            scratch: Vec::new(),
            check: String::new(),
        }
    }

    /// Number of forms inserted.
    #[must_use]
    pub fn len(&self) -> u64 {
        self.inner.len()
    }

    /// True when no form was inserted.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// Number of distinct analysis sets so far.
    #[must_use]
    pub fn set_count(&self) -> usize {
        self.set_ids.len()
    }

    /// Number of distinct lemma suffixes so far.
    #[must_use]
    pub fn suffix_count(&self) -> usize {
        self.suffix_ids.len()
    }

    /// Adds `form` with its analyses, in the order given (duplicates are dropped). Forms must
    /// be strictly increasing as bytes.
    ///
    /// # Errors
    /// [`Error::KeysOutOfOrder`], [`Error::DuplicateKey`], and [`Error::InvalidEntry`] when
    /// `analyses` is empty, a lemma edit would strip more than 65,535 characters, or the tables
    /// would exceed 4 GiB.
    pub fn insert(&mut self, form: &str, analyses: &[MorphInput<'_>]) -> Result<()> {
        let invalid = |detail: &str| Error::InvalidEntry {
            key: form.to_owned(),
            detail: detail.to_owned(),
        };
        self.inner.check_order(form.as_bytes())?;
        if analyses.is_empty() {
            return Err(invalid("no analyses"));
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        for input in analyses {
            let record = self.encode(form, input)?;
            if !scratch.contains(&record) {
                scratch.push(record);
            }
        }
        let set_id = match self.set_ids.get(scratch.as_slice()) {
            Some(&id) => id,
            None => {
                let id = u32::try_from(self.set_ids.len())
                    .map_err(|_| invalid("too many analysis sets"))?;
                let count = u32::try_from(scratch.len()).ok();
                let end = count
                    .and_then(|n| self.record_count.checked_add(n))
                    .ok_or_else(|| invalid("too many analysis records"))?;
                for record in &scratch {
                    self.analyses.extend_from_slice(bytemuck::bytes_of(record));
                }
                self.record_count = end;
                self.set_offsets.extend_from_slice(&end.to_le_bytes());
                self.set_ids.insert(scratch.clone(), id);
                id
            }
        };
        self.scratch = scratch;
        self.inner.insert(form.as_bytes(), u64::from(set_id))
    }

    /// The stored record for one analysis of `form`.
    fn encode(&mut self, form: &str, input: &MorphInput<'_>) -> Result<RawAnalysis> {
        let (case, base) = case_pattern(input.lemma);
        // The longest common prefix of form and base, in whole characters.
        let mut common = 0;
        for ((i, a), b) in form.char_indices().zip(base.chars()) {
            if a != b {
                break;
            }
            common = i + a.len_utf8();
        }
        let strip = form[common..].chars().count();
        let strip = u16::try_from(strip).map_err(|_| Error::InvalidEntry {
            key: form.to_owned(),
            detail: format!(
                "the lemma {:?} would strip {strip} characters (max 65535)",
                input.lemma
            ),
        })?;
        let suffix = &base[base.len().min(common)..];
        // `common` is a char boundary of `form` where form and base agree, hence of `base` too.
        let suffix_id = self.suffix_id(form, suffix)?;
        let record = RawAnalysis {
            suffix: suffix_id.to_le_bytes(),
            strip: strip.to_le_bytes(),
            tag: (input.upos as u8) | ((case as u8) << CASE_SHIFT),
            flags: input.flags,
        };
        // Belt and braces: the record must give the lemma back exactly.
        if !rebuild_lemma(form, strip, suffix, case, &mut self.check) || self.check != input.lemma {
            return Err(Error::InvalidEntry {
                key: form.to_owned(),
                detail: format!("internal: lemma {:?} does not round-trip", input.lemma),
            });
        }
        Ok(record)
    }

    fn suffix_id(&mut self, form: &str, suffix: &str) -> Result<u32> {
        if let Some(&id) = self.suffix_ids.get(suffix) {
            return Ok(id);
        }
        let too_big = || Error::InvalidEntry {
            key: form.to_owned(),
            detail: "the suffix table would exceed 4 GiB".to_owned(),
        };
        let id = u32::try_from(self.suffix_ids.len()).map_err(|_| too_big())?;
        let end = u32::try_from(self.suffix_bytes.len() + suffix.len()).map_err(|_| too_big())?;
        self.suffix_bytes.extend_from_slice(suffix.as_bytes());
        self.suffix_offsets.extend_from_slice(&end.to_le_bytes());
        self.suffix_ids.insert(suffix.into(), id);
        Ok(id)
    }

    /// The complete file as bytes.
    ///
    /// # Errors
    /// See [`LexiconBuilder::finish_to_vec`].
    pub fn finish_to_vec(self) -> Result<Vec<u8>> {
        let mut inner = self.inner;
        inner.add_section(section::MORPH_SET_OFFSETS, self.set_offsets)?;
        inner.add_section(section::MORPH_ANALYSES, self.analyses)?;
        inner.add_section(section::MORPH_SUFFIX_OFFSETS, self.suffix_offsets)?;
        inner.add_section(section::MORPH_SUFFIX_BYTES, self.suffix_bytes)?;
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

/// The case pattern of `lemma` and the base the edit is computed against: a lower-cased base
/// with Title or Upper when that rebuilds the lemma exactly, else the lemma as is.
fn case_pattern(lemma: &str) -> (LemmaCase, std::borrow::Cow<'_, str>) {
    use std::borrow::Cow;
    if !lemma.chars().any(char::is_uppercase) {
        return (LemmaCase::AsIs, Cow::Borrowed(lemma));
    }
    let lower = lemma.to_lowercase();
    let mut rebuilt = String::with_capacity(lemma.len());
    for case in [LemmaCase::Title, LemmaCase::Upper] {
        if rebuild_lemma(&lower, 0, "", case, &mut rebuilt) && rebuilt == lemma {
            return (case, Cow::Owned(lower));
        }
    }
    (LemmaCase::AsIs, Cow::Borrowed(lemma))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_patterns() {
        assert_eq!(case_pattern("мама").0, LemmaCase::AsIs);
        assert_eq!(case_pattern("Київ"), (LemmaCase::Title, "київ".into()));
        assert_eq!(case_pattern("НАТО"), (LemmaCase::Upper, "нато".into()));
        assert_eq!(
            case_pattern("McDonald"),
            (LemmaCase::AsIs, "McDonald".into())
        );
        // A single capital letter is Title (checked first).
        assert_eq!(case_pattern("Я").0, LemmaCase::Title);
    }
}
