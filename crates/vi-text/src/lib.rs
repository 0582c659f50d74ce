//! Vietnamese text for vnuk: syllables, tone marks, Unicode forms, compounds, sentences.
//!
//! - [`syllable`]: parse a syllable into initial, vowel group, final and tone; validity;
//!   the inventory of every valid syllable.
//! - [`tone`]: tones, tone styles and the placement rules.
//! - [`key`]: the canonical lookup key of lexicon entries.
//! - [`normalize`]: NFC/NFD text with tone marks repaired or restyled; a fast path that
//!   borrows text already canonical.
//! - [`fold`]: diacritics stripped for search keys.
//! - [`compound`]: underscore compounds (`bí_mật`) told from underscores of the text;
//!   `unsegment`.
//! - [`sentence`]: sentence spans, aware of abbreviations, dates, numbers, quotes and photo
//!   credits.
//! - [`text_shape`]: raw, word-segmented or LM-clean text.
//! - [`clean`]: the LM-clean shape (lower case, letters only, one sentence per line).
//! - [`tokenize`]: the pre-tokenizer: syllables, punctuation, numbers, dates, URLs, e-mails,
//!   hashtags, each with its byte span.
//! - [`segment`]: word segmentation (`bí mật` → `bí_mật`): a trained perceptron with
//!   dictionary features, a user dictionary, evaluation against CoNLL-U.

#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod letter;
mod phonotactics;
mod scan;
mod shape;

pub mod clean;
pub mod compound;
pub mod encoding;
pub mod fold;
pub mod key;
pub mod lexicon;
pub mod normalize;
pub mod segment;
pub mod sentence;
pub mod syllable;
pub mod text_shape;
pub mod tokenize;
pub mod tone;

pub use key::lexicon_key;
pub use syllable::{Syllable, is_valid_syllable};
pub use tone::{Tone, ToneStyle};
