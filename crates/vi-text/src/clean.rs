//! The "LM-clean" shape of Vietnamese text, as language-model corpora use it: one sentence
//! per line, lower case, only letters.
//!
//! [`clean_lm`] normalizes the text ([`crate::normalize`], tone style kept), splits it into
//! sentences ([`crate::sentence`]), drops photo captions and credits, and writes each
//! sentence as one line of words:
//!
//! - lower case;
//! - underscores become spaces (`bí_mật` → `bí mật`);
//! - every character that is not a letter is removed from inside words — digits,
//!   punctuation, hyphens (`Nagorno-Karabakh` → `nagornokarabakh`, `G20` → `g`) — and a word
//!   left empty (`17/9`, `100.000`, `,`) disappears;
//! - a line keeps at most [`CleanOptions::max_words`] words (the rest of the sentence is
//!   dropped); empty lines are not written.
//!
//! ```
//! use vi_text::clean::{CleanOptions, clean_lm};
//! let mut out = String::new();
//! clean_lm(
//!     "Báo Mỹ ngày 4/10 dẫn lời nhà ngoại_giao ở Nagorno-Karabakh . Cảnh sát . Ảnh : AFP \
//!      Anh ấy noí .",
//!     &CleanOptions::default(),
//!     &mut out,
//! );
//! assert_eq!(out, "báo mỹ ngày dẫn lời nhà ngoại giao ở nagornokarabakh\nanh ấy nói\n");
//! ```

use crate::normalize::normalize;
use crate::sentence::{SentenceKind, sentences};

/// Options of [`clean_lm`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanOptions {
    /// Most words on a line; `None` keeps whole sentences. Default: 40.
    pub max_words: Option<usize>,
    /// Drop photo captions and credits. Default: true.
    pub drop_captions: bool,
}

impl Default for CleanOptions {
    fn default() -> CleanOptions {
        CleanOptions {
            max_words: Some(40),
            drop_captions: true,
        }
    }
}

/// Appends the LM-clean form of `text` to `out`: one sentence per line, each line ended by
/// `\n`.
pub fn clean_lm(text: &str, options: &CleanOptions, out: &mut String) {
    let text = normalize(text);
    for sentence in sentences(&text) {
        if options.drop_captions && sentence.kind != SentenceKind::Text {
            continue;
        }
        clean_sentence(sentence.span.slice(&text), options.max_words, out);
    }
}

/// Appends one sentence as a clean line (nothing when no word is left).
pub fn clean_sentence(sentence: &str, max_words: Option<usize>, out: &mut String) {
    let limit = max_words.unwrap_or(usize::MAX);
    let mut words = 0;
    for raw in sentence.split(|c: char| c.is_whitespace() || c == '_') {
        if words >= limit {
            break;
        }
        let before = out.len();
        if words > 0 {
            out.push(' ');
        }
        let letters_start = out.len();
        for c in raw.chars() {
            if c.is_alphabetic() || crate::letter::is_combining(c) {
                out.extend(c.to_lowercase());
            }
        }
        if out.len() == letters_start {
            out.truncate(before);
        } else {
            words += 1;
        }
    }
    if words > 0 {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_lines_at_max_words() {
        let mut out = String::new();
        let options = CleanOptions {
            max_words: Some(3),
            drop_captions: true,
        };
        clean_lm("Một hai ba bốn năm. Sáu, 7 bảy!", &options, &mut out);
        assert_eq!(out, "một hai ba\nsáu bảy\n");
    }

    #[test]
    fn keeps_captions_on_request() {
        let mut out = String::new();
        let options = CleanOptions {
            max_words: None,
            drop_captions: false,
        };
        clean_lm("Cảnh sát. Ảnh: AFP", &options, &mut out);
        assert_eq!(out, "cảnh sát\nảnh afp\n");
    }

    #[test]
    fn nothing_left_writes_nothing() {
        let mut out = String::new();
        clean_lm("17/9 , 100.000 ...", &CleanOptions::default(), &mut out);
        assert_eq!(out, "");
    }
}
