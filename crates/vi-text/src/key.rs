//! The canonical lookup key of a word or a multi-syllable expression.
//!
//! [`lexicon_key`] is what lexicon builders and lookups both apply, so that every spelling of
//! the same word meets the same key:
//!
//! - NFC, lower case;
//! - each Vietnamese syllable's tone mark placed by one fixed rule: the **old**
//!   (traditional) style, `hòa, khỏe, thủy` ([`ToneStyle::Old`]); an impossible placement
//!   (`noí`) is repaired;
//! - underscores and runs of whitespace between syllables become one ASCII space; leading
//!   and trailing ones are dropped;
//! - words that are not Vietnamese syllables are only lower-cased (and NFC-normalised).
//!
//! Spelling variants (kỹ/kĩ, lý/lí) are different words and keep different keys.
//!
//! ```
//! use vi_text::key::lexicon_key;
//! let mut key = String::new();
//! for form in ["hòa", "hoà", "HOÀ", "ho\u{0061}\u{0300}", "hòa"] {
//!     lexicon_key(form, &mut key);
//!     assert_eq!(key, "hòa");
//! }
//! lexicon_key("Thổ_Nhĩ_Kỳ", &mut key);
//! assert_eq!(key, "thổ nhĩ kỳ");
//! lexicon_key("  bí \t mật ", &mut key);
//! assert_eq!(key, "bí mật");
//! lexicon_key("Genève", &mut key);
//! assert_eq!(key, "genève");
//! ```

use crate::letter::{self, is_word_char};
use crate::syllable;
use crate::tone::ToneStyle;
use unicode_normalization::UnicodeNormalization;

/// The tone style of lexicon keys.
pub const KEY_STYLE: ToneStyle = ToneStyle::Old;

/// Writes the canonical lookup key of `word` into `out` (cleared first). Allocates nothing
/// but `out`'s own growth.
pub fn lexicon_key(word: &str, out: &mut String) {
    out.clear();
    let mut pending_space = false;
    let mut rest = word;
    while !rest.is_empty() {
        let sep_len = rest
            .char_indices()
            .find(|&(_, c)| !(c == '_' || c.is_whitespace()))
            .map_or(rest.len(), |(i, _)| i);
        if sep_len > 0 {
            pending_space = true;
            rest = &rest[sep_len..];
            continue;
        }
        let token_len = rest
            .char_indices()
            .find(|&(_, c)| c == '_' || c.is_whitespace())
            .map_or(rest.len(), |(i, _)| i);
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        write_token(&rest[..token_len], out);
        rest = &rest[token_len..];
    }
}

/// Keys one whitespace-free token: its letter runs as syllables where they are ones; the
/// text between syllables is lower-cased and normalized as a whole (so that a mark after a
/// non-letter composes as NFC has it).
fn write_token(token: &str, out: &mut String) {
    let mut pending = 0;
    let mut at = 0;
    while at < token.len() {
        let rest = &token[at..];
        let first_word = rest.chars().next().is_some_and(is_word_char);
        let run_len = rest
            .char_indices()
            .find(|&(_, c)| is_word_char(c) != first_word)
            .map_or(rest.len(), |(i, _)| i);
        if first_word
            && let Some(s) =
                letter::decode(&rest[..run_len]).and_then(|l| syllable::from_letters(&l))
        {
            write_lower_nfc(&token[pending..at], out);
            s.to_lowercase().write(KEY_STYLE, out);
            pending = at + run_len;
        }
        at += run_len;
    }
    write_lower_nfc(&token[pending..], out);
}

/// Lower-cases and NFC-normalises `text` onto `out`.
pub(crate) fn write_lower_nfc(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(text.nfc().flat_map(char::to_lowercase).nfc());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(word: &str) -> String {
        let mut out = String::from("stale");
        lexicon_key(word, &mut out);
        out
    }

    #[test]
    fn styles_cases_and_forms_meet() {
        for form in [
            "thủy",
            "thuỷ",
            "THUỶ",
            "Thủy",
            "thu\u{0309}y",
            "thuy\u{0309}",
        ] {
            assert_eq!(key(form), "thủy", "{form:?}");
        }
        assert_eq!(key("noí"), "nói");
        assert_eq!(key("Ngừơi"), "người");
        assert_eq!(key("kỹ"), "kỹ");
        assert_eq!(key("kĩ"), "kĩ");
    }

    #[test]
    fn separators_collapse() {
        assert_eq!(key("bí_mật"), "bí mật");
        assert_eq!(key("_bí__ mật_"), "bí mật");
        assert_eq!(
            key("Nagorno-Karabakh_Quan_chức"),
            "nagorno-karabakh quan chức"
        );
        assert_eq!(key(""), "");
        assert_eq!(key(" _ "), "");
    }

    #[test]
    fn foreign_words_are_only_lowered() {
        assert_eq!(key("PÉREZ"), "pérez");
        assert_eq!(key("Gene\u{0300}ve"), "genève");
        assert_eq!(key("КИЇВ"), "київ");
        assert_eq!(key("G20"), "g20");
    }
}
