//! The shared vocabulary of vnuk.
//!
//! Every other vnuk crate speaks in these types: a [`Language`], a byte [`Span`] into the
//! source text, a [`Token`] with its [`TokenKind`], and a [`Document`]. The crate holds no
//! language logic; the traits [`Tokenizer`] and [`Lemmatizer`] are what the language crates
//! implement. One byte helper, [`same_bytes`], is shared by the hot paths of the language
//! crates.
//!
//! Spans are always byte offsets into the *original* input, so that every output token can be
//! mapped back to the exact bytes it came from:
//!
//! ```
//! use core_model::{Span, Token, TokenKind};
//!
//! let text = "Київ, 2024";
//! let token = Token::new(Span::new(0, 8), TokenKind::Word);
//! assert_eq!(token.text(text), "Київ");
//! assert_eq!(token.span.len(), 8);
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod bytes;
mod language;
mod span;
mod token;
mod upos;

pub use bytes::same_bytes;
pub use language::{Language, ParseLanguageError};
pub use span::Span;
pub use token::{Document, Token, TokenKind};
pub use upos::Upos;

/// Splits text into tokens.
///
/// Implementations must return tokens in order, non-overlapping, each with a span that lies
/// on character boundaries of `text`. Bytes between tokens are whitespace (or other bytes the
/// tokenizer documents as skipped), so concatenating the tokens and the gaps between them
/// gives `text` back.
pub trait Tokenizer {
    /// Appends the tokens of `text` to `out`, whose existing contents are kept.
    fn tokenize_into(&self, text: &str, out: &mut Vec<Token>);

    /// Returns the tokens of `text`.
    fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        self.tokenize_into(text, &mut out);
        out
    }
}

/// One analysis of a word form: its lemma, a Universal Dependencies part-of-speech tag, and
/// whether it was guessed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Analysis {
    /// The dictionary form.
    pub lemma: String,
    /// The part of speech.
    pub upos: Upos,
    /// True when the analysis was guessed (for example from the word's ending) rather than
    /// found in a lexicon.
    pub guessed: bool,
}

/// Maps word forms to their most likely analysis.
pub trait Lemmatizer {
    /// Writes the best lemma of `form` into `lemma` (cleared first) and returns its tag and
    /// whether it was guessed; `None` (with `lemma` empty) when nothing, not even a guess, is
    /// available. Reusing `lemma` keeps the hot path free of per-token allocation.
    fn lemmatize_into(&self, form: &str, lemma: &mut String) -> Option<(Upos, bool)>;

    /// The best analysis of `form`, allocated.
    fn lemmatize(&self, form: &str) -> Option<Analysis> {
        let mut lemma = String::new();
        let (upos, guessed) = self.lemmatize_into(form, &mut lemma)?;
        Some(Analysis {
            lemma,
            upos,
            guessed,
        })
    }
}
