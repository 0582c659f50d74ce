//! Training: an averaged perceptron over the gap features, deterministic (fixed order, integer
//! updates), so that the same inputs always give the same model bytes.

use super::atoms::{Atom, Dicts, Gap, Split};
use super::gold::{GoldSentence, read_conllu};
use super::{SegmentError, Work, decode, model, next_dictionary_id, prepare};
use index::WordLexicon;
use std::path::Path;
use xxhash_rust::xxh3::Xxh3;

/// Training settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainConfig {
    /// Passes over the training sentences.
    pub epochs: u32,
    /// The weight table has `2^bits` entries.
    pub bits: u32,
    /// Updates are made whenever the signed score of the gold decision is at most this
    /// margin (0: only on mistakes, the plain perceptron).
    pub margin: u32,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            epochs: 12,
            bits: 18,
            margin: 0,
        }
    }
}

/// What training saw, for reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TrainStats {
    /// Sentences trained on.
    pub sentences: usize,
    /// Gaps the model decides (free gaps), per epoch.
    pub free_gaps: usize,
    /// Mistakes made in the last epoch (on the training data, before the update).
    pub last_epoch_mistakes: usize,
    /// Non-zero weights in the final table.
    pub nonzero_weights: usize,
}

/// One training sentence, analysed once.
struct Example {
    atoms: Vec<Atom>,
    flags: Vec<u8>,
    gold: Vec<bool>,
}

/// The digest recorded in a model trained from `files` (their bytes, in order), a lexicon
/// with sources checksum `lexicon_checksum`, and `config`.
#[must_use]
pub fn sources_checksum(files: &[&[u8]], lexicon_checksum: u64, config: &TrainConfig) -> u64 {
    let mut hasher = Xxh3::new();
    hasher.update(b"vnuk-segment-train");
    for file in files {
        hasher.update(&(file.len() as u64).to_le_bytes());
        hasher.update(file);
    }
    hasher.update(&lexicon_checksum.to_le_bytes());
    hasher.update(&super::features::FEATURE_SET.to_le_bytes());
    hasher.update(&model::MODEL_FORMAT.to_le_bytes());
    hasher.update(&u64::from(config.epochs).to_le_bytes());
    hasher.update(&u64::from(config.bits).to_le_bytes());
    hasher.update(&u64::from(config.margin).to_le_bytes());
    hasher.digest()
}

/// Trains a model on CoNLL-U files (read in the order given) and returns the model file's
/// bytes and statistics.
///
/// # Errors
/// [`SegmentError::Io`] and [`SegmentError::Gold`] for unreadable files,
/// [`SegmentError::Model`] if the model cannot be written.
pub fn train_conllu(
    paths: &[&Path],
    words: Option<&WordLexicon>,
    config: &TrainConfig,
) -> Result<(Vec<u8>, TrainStats), SegmentError> {
    let mut contents = Vec::with_capacity(paths.len());
    let mut sentences = Vec::new();
    for path in paths {
        contents.push(std::fs::read(path).map_err(|source| SegmentError::Io {
            path: path.to_path_buf(),
            source,
        })?);
        sentences.extend(read_conllu(path)?);
    }
    let files: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let lexicon_checksum = words.map_or(0, |w| w.lexicon().sources_checksum());
    let checksum = sources_checksum(&files, lexicon_checksum, config);
    train(&sentences, words, config, checksum)
}

/// Trains a model on `sentences` and returns the model file's bytes (recording
/// `sources_checksum` in its header) and statistics.
///
/// ```
/// use vi_text::segment::gold::GoldSentence;
/// use vi_text::segment::train::{TrainConfig, train};
/// use vi_text::segment::{SegmentModel, SegmentOptions, Segmenter};
///
/// let sentences = [
///     GoldSentence::from_words(["Hiện nay", "xã", "có", "nhiều", "gia đình", "."]),
///     GoldSentence::from_words(["Mỗi", "gia đình", "có", "nhà cửa", "."]),
/// ];
/// let config = TrainConfig { bits: 12, ..TrainConfig::default() };
/// let (bytes, stats) = train(&sentences, None, &config, 0).unwrap();
/// assert_eq!(stats.sentences, 2);
/// let segmenter = Segmenter::new(SegmentModel::from_bytes(bytes).unwrap(), None);
/// let line = segmenter.segment_to_string("nhiều gia đình có nhà cửa", SegmentOptions::default());
/// assert_eq!(line, "nhiều gia_đình có nhà_cửa");
/// ```
///
/// # Errors
/// [`SegmentError::Model`] if the model cannot be written.
pub fn train(
    sentences: &[GoldSentence],
    words: Option<&WordLexicon>,
    config: &TrainConfig,
    sources_checksum: u64,
) -> Result<(Vec<u8>, TrainStats), SegmentError> {
    let bits = config.bits.clamp(10, 26);
    let examples = analyse(sentences, words);
    let mut stats = TrainStats {
        sentences: sentences.len(),
        free_gaps: examples
            .iter()
            .map(|e| e.atoms.iter().filter(|a| a.gap == Gap::Free).count())
            .sum(),
        ..TrainStats::default()
    };
    let averaged = perceptron(&examples, bits, config, &mut stats);
    let weights = quantize(&averaged);
    if std::env::var_os("VNUK_SEGMENT_DEBUG").is_some() {
        let nz = averaged.iter().filter(|&&w| w != 0).count();
        let max = averaged.iter().map(|w| w.unsigned_abs()).max().unwrap_or(0);
        let mut mags: Vec<u64> = averaged
            .iter()
            .filter(|&&w| w != 0)
            .map(|w| w.unsigned_abs())
            .collect();
        mags.sort_unstable();
        eprintln!(
            "nonzero before quantization {nz}, max {max}, median {:?}, p90 {:?}",
            mags.get(mags.len() / 2),
            mags.get(mags.len() * 9 / 10)
        );
    }
    stats.nonzero_weights = weights.iter().filter(|&&w| w != 0).count();
    let lexicon_checksum = words.map_or(0, |w| w.lexicon().sources_checksum());
    let bytes = model::write_model(&weights, bits, lexicon_checksum, sources_checksum)?;
    Ok((bytes, stats))
}

/// Atoms, dictionary facts and gold decisions of every sentence.
fn analyse(sentences: &[GoldSentence], words: Option<&WordLexicon>) -> Vec<Example> {
    let mut work = Work::default();
    let dicts = Dicts {
        owner: next_dictionary_id(),
        words: words.map(|w| w.lexicon().fst().as_fst()),
        trie: None,
        user: None,
    };
    sentences
        .iter()
        .map(|sentence| {
            prepare(&mut work, &sentence.text, Split::Chunks, false, dicts);
            let atoms = work.atoms.atoms.clone();
            let mut gold = vec![false; atoms.len()];
            let mut a = 0;
            for word in &sentence.words {
                while a < atoms.len() && atoms[a].span.start < word.start {
                    a += 1;
                }
                while a + 1 < atoms.len() && atoms[a + 1].span.end <= word.end {
                    gold[a] = true;
                    a += 1;
                }
            }
            Example {
                atoms,
                flags: work.flags.clone(),
                gold,
            }
        })
        .collect()
}

/// The averaged perceptron: returns the average weight of every table entry, scaled by the
/// number of steps (an integer: the sum of the weight over all steps).
fn perceptron(
    examples: &[Example],
    bits: u32,
    config: &TrainConfig,
    stats: &mut TrainStats,
) -> Vec<i64> {
    let margin = i64::from(config.margin);
    let size = 1usize << bits;
    let mut weights = vec![0i32; size];
    let mut totals = vec![0i64; size];
    let mut stamps = vec![0u64; size];
    let mut step: u64 = 1;
    let mut joins = Vec::new();
    for _ in 0..config.epochs {
        let mut mistakes = 0;
        for example in examples {
            decode::greedy(
                &example.atoms,
                &example.flags,
                bits,
                &mut joins,
                |g, features| {
                    let score: i64 = features
                        .iter()
                        .map(|&f| i64::from(weights[f as usize]))
                        .sum();
                    let predicted = score > 0;
                    let gold = example.gold.get(g).copied().unwrap_or(false);
                    if predicted != gold {
                        mistakes += 1;
                    }
                    let delta = if gold { 1 } else { -1 };
                    if score * delta <= margin {
                        for &f in features {
                            let f = f as usize;
                            totals[f] += (step - stamps[f]) as i64 * i64::from(weights[f]);
                            stamps[f] = step;
                            weights[f] += delta as i32;
                        }
                    }
                    step += 1;
                    predicted
                },
            );
        }
        stats.last_epoch_mistakes = mistakes;
    }
    for f in 0..size {
        totals[f] += (step - stamps[f]) as i64 * i64::from(weights[f]);
    }
    totals
}

/// Scales the summed weights to `i16` (the largest magnitude maps to 32 767).
fn quantize(totals: &[i64]) -> Vec<i16> {
    let max = totals
        .iter()
        .map(|t| t.unsigned_abs())
        .max()
        .unwrap_or(0)
        .max(1);
    totals
        .iter()
        .map(|&t| {
            // Round half away from zero, in integers: deterministic on every target.
            let scaled = i128::from(t) * 32_767;
            let max = i128::from(max);
            let q = if scaled >= 0 {
                (scaled + max / 2) / max
            } else {
                (scaled - max / 2) / max
            };
            q.clamp(-32_767, 32_767) as i16
        })
        .collect()
}
