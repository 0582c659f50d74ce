//! The segmentation model file: a vnuk lexicon file (see the `index` crate: magic, version,
//! header and body checksums, 8-byte aligned sections) of kind `Map`, whose fst holds the
//! model's parameters by name and whose [`WEIGHTS_SECTION`] holds the weight table, read in
//! place.
//!
//! | fst key | value |
//! |---|---|
//! | `bits` | the table has `2^bits` weights |
//! | `features` | the feature-set version the weights were trained for |
//! | `format` | [`MODEL_FORMAT`] |
//! | `lexicon` | the sources checksum of the word lexicon used in training |
//!
//! The weights section is `2^bits` little-endian `i16`. The header's sources checksum is a
//! digest of everything the model was trained from (training files, lexicon, settings), so
//! a retrain from the same inputs gives the same bytes.

use super::SegmentError;
use super::features::FEATURE_SET;
use index::{Lexicon, LexiconBuilder, LexiconKind};
use std::ops::Range;
use std::path::Path;

/// Version of the model layout described above.
pub const MODEL_FORMAT: u64 = 1;

/// The section id of the weight table (`"SG"` + 1).
pub const WEIGHTS_SECTION: u32 = 0x5347_0001;

/// Smallest and largest table sizes accepted, as powers of two.
const BITS: Range<u64> = 10..27;

/// A trained segmentation model, its weights read in place.
pub struct SegmentModel {
    lexicon: Lexicon,
    weights: Range<usize>,
    bits: u32,
    lexicon_checksum: u64,
}

impl std::fmt::Debug for SegmentModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SegmentModel")
            .field("path", &self.lexicon.path())
            .field("bits", &self.bits)
            .finish_non_exhaustive()
    }
}

impl SegmentModel {
    /// Maps a model file and checks every byte of it.
    ///
    /// # Errors
    /// [`SegmentError::Model`] when the file cannot be read or is damaged, and
    /// [`SegmentError::Incompatible`] when it was made for another model format or feature set.
    pub fn open(path: impl AsRef<Path>) -> Result<SegmentModel, SegmentError> {
        SegmentModel::from_lexicon(Lexicon::open_verified(path)?)
    }

    /// Reads a model from its bytes (checked like [`SegmentModel::open`]).
    ///
    /// # Errors
    /// As [`SegmentModel::open`].
    pub fn from_bytes(bytes: Vec<u8>) -> Result<SegmentModel, SegmentError> {
        let lexicon = Lexicon::from_bytes(bytes)?;
        lexicon.verify()?;
        SegmentModel::from_lexicon(lexicon)
    }

    fn from_lexicon(lexicon: Lexicon) -> Result<SegmentModel, SegmentError> {
        lexicon.expect_kind(LexiconKind::Map)?;
        let incompatible = |detail: String| SegmentError::Incompatible {
            path: lexicon.path().to_owned(),
            detail,
        };
        let meta = |name: &str| {
            lexicon
                .get(name.as_bytes())
                .ok_or_else(|| incompatible(format!("no `{name}` entry: not a segmentation model")))
        };
        let format = meta("format")?;
        if format != MODEL_FORMAT {
            return Err(incompatible(format!(
                "model format {format}, this build reads {MODEL_FORMAT}"
            )));
        }
        let features = meta("features")?;
        if features != FEATURE_SET {
            return Err(incompatible(format!(
                "trained for feature set {features}, this build computes {FEATURE_SET}; \
                 retrain with `cargo xtask build-data`"
            )));
        }
        let bits = meta("bits")?;
        if !BITS.contains(&bits) {
            return Err(incompatible(format!("table of 2^{bits} weights")));
        }
        let lexicon_checksum = meta("lexicon")?;
        let entry = lexicon
            .header()
            .section(WEIGHTS_SECTION)
            .copied()
            .ok_or_else(|| incompatible("no weights section".to_owned()))?;
        let expected = 2u64 << bits;
        if entry.len != expected {
            return Err(incompatible(format!(
                "weights section of {} bytes, expected {expected}",
                entry.len
            )));
        }
        let start = usize::try_from(entry.offset)
            .map_err(|_| incompatible("weights offset too large".to_owned()))?;
        let weights = start..start + (2usize << bits);
        if lexicon.as_bytes().get(weights.clone()).is_none() {
            return Err(incompatible("weights section out of bounds".to_owned()));
        }
        Ok(SegmentModel {
            lexicon,
            weights,
            bits: bits as u32,
            lexicon_checksum,
        })
    }

    /// The table holds `2^bits()` weights.
    #[must_use]
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The sources checksum of the word lexicon the model was trained with.
    #[must_use]
    pub fn lexicon_checksum(&self) -> u64 {
        self.lexicon_checksum
    }

    /// The digest of the model's training inputs (the file header's sources checksum).
    #[must_use]
    pub fn sources_checksum(&self) -> u64 {
        self.lexicon.sources_checksum()
    }

    /// The weight table, as little-endian pairs.
    #[inline]
    pub(crate) fn table(&self) -> &[[u8; 2]] {
        let bytes = self
            .lexicon
            .as_bytes()
            .get(self.weights.clone())
            .unwrap_or(&[]);
        let (pairs, _) = bytes.as_chunks::<2>();
        pairs
    }

    /// The model file's path (`<memory>` for [`SegmentModel::from_bytes`]).
    #[must_use]
    pub fn path(&self) -> &Path {
        self.lexicon.path()
    }
}

/// Sums the weights of `features`.
#[cfg(test)]
#[inline]
pub(crate) fn score(table: &[[u8; 2]], features: &[u32]) -> i32 {
    features
        .iter()
        .map(|&f| {
            table
                .get(f as usize)
                .map_or(0, |&pair| i32::from(i16::from_le_bytes(pair)))
        })
        .sum()
}

/// Writes a model file's bytes.
pub(crate) fn write_model(
    weights: &[i16],
    bits: u32,
    lexicon_checksum: u64,
    sources_checksum: u64,
) -> Result<Vec<u8>, SegmentError> {
    let mut builder = LexiconBuilder::new(LexiconKind::Map, sources_checksum);
    for (key, value) in [
        ("bits", u64::from(bits)),
        ("features", FEATURE_SET),
        ("format", MODEL_FORMAT),
        ("lexicon", lexicon_checksum),
    ] {
        builder.insert(key.as_bytes(), value)?;
    }
    let bytes: Vec<u8> = weights.iter().flat_map(|w| w.to_le_bytes()).collect();
    builder.add_section(WEIGHTS_SECTION, bytes)?;
    Ok(builder.finish_to_vec()?)
}
