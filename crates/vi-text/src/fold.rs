//! Folding for search keys: every diacritic stripped, `đ/Đ` mapped to `d/D`, case kept.
//!
//! Folding works on any script: a character is decomposed (NFD) and its combining marks are
//! dropped (`é → e`, `ç → c`, `й → и`). Characters without a decomposition stay (`ø`, `ł`).
//!
//! ```
//! use vi_text::fold::fold;
//! assert_eq!(fold("Đường phố Hà Nội"), "Duong pho Ha Noi");
//! assert_eq!(fold("ngu\u{031B}\u{0300}o\u{031B}i"), "nguoi");
//! assert_eq!(fold("Genève"), "Geneve");
//! assert!(matches!(fold("plain ascii"), std::borrow::Cow::Borrowed(_)));
//! ```

use crate::letter::{is_combining, letter_of};
use std::borrow::Cow;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The folded text; borrowed when nothing changes.
#[must_use]
pub fn fold(text: &str) -> Cow<'_, str> {
    let Some(first) = first_change(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    fold_tail(&text[first..], &mut out);
    Cow::Owned(out)
}

/// Appends the folded text to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    let first = first_change(text).unwrap_or(text.len());
    out.push_str(&text[..first]);
    fold_tail(&text[first..], out);
}

/// Byte offset of the first character that folding changes.
fn first_change(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    // ASCII eight bytes at a time.
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    let rest = text.get(i..)?;
    for (j, c) in rest.char_indices() {
        if !c.is_ascii() && changes(c) {
            return Some(i + j);
        }
    }
    None
}

/// True when folding changes the non-ASCII character `c`.
fn changes(c: char) -> bool {
    // Every non-ASCII letter of the Vietnamese alphabet carries a diacritic or is đ.
    if letter_of(c).is_some() || is_combining(c) || is_combining_mark(c) {
        return true;
    }
    let mut decomposes = false;
    decompose_canonical(c, |d| decomposes |= d != c);
    decomposes
}

/// The ASCII letter of each letter code (ă → a, ơ → o, đ → d).
const ASCII_BASE: [u8; 30] = *b"aaaeeiooouuybcddghklmnpqrstvx?";

fn fold_tail(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(l) = letter_of(c) {
            let base = char::from(ASCII_BASE[usize::from(l.code).min(ASCII_BASE.len() - 1)]);
            out.push(if l.upper {
                base.to_ascii_uppercase()
            } else {
                base
            });
        } else if is_combining(c) || is_combining_mark(c) {
            // dropped
        } else {
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.push(d);
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_every_vietnamese_diacritic() {
        assert_eq!(
            fold("ĂÂÊÔƠƯĐ ăâêôơưđ ẮẰẲẴẶ ỵỷỹ"),
            "AAEOOUD aaeooud AAAAA yyy"
        );
        assert_eq!(fold("Nagorno-Karabakh"), "Nagorno-Karabakh");
    }

    #[test]
    fn other_scripts() {
        assert_eq!(fold("Ça São Київ Łódź"), "Ca Sao Киів Łodz");
        assert_eq!(fold("a\u{0301}\u{20DD}"), "a");
    }

    #[test]
    fn into_appends() {
        let mut out = String::from(">");
        fold_into("Đà", &mut out);
        assert_eq!(out, ">Da");
    }
}
