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
    // ASCII eight bytes at a time.
    let i = crate::scan::skip_ascii(text.as_bytes(), 0);
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
    /// Folded ASCII collects here and goes to `out` a block at a time.
    struct Block {
        buf: [u8; 128],
        len: usize,
    }
    impl Block {
        #[inline]
        fn flush(&mut self, out: &mut String) {
            // Only ASCII is ever put in the block.
            let ascii = self.buf.get(..self.len).unwrap_or(&[]);
            out.push_str(std::str::from_utf8(ascii).unwrap_or(""));
            self.len = 0;
        }
    }
    let bytes = text.as_bytes();
    let small = crate::scan::small_table();
    out.reserve(text.len());
    let mut block = Block {
        buf: [0; 128],
        len: 0,
    };
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if block.len > block.buf.len() - 8 {
            block.flush(out);
        }
        if let Some(chunk) = bytes.get(i..i + 8)
            && let Ok(chunk) = <[u8; 8]>::try_from(chunk)
        {
            // Eight bytes are stored; as many as are ASCII are kept.
            let high = u64::from_le_bytes(chunk) & 0x8080_8080_8080_8080;
            let ascii = (high.trailing_zeros() / 8) as usize;
            if let Some(slot) = block.buf.get_mut(block.len..block.len + 8) {
                slot.copy_from_slice(&chunk);
            }
            block.len += ascii;
            i += ascii;
            if ascii == 8 {
                continue;
            }
        } else if b < 0x80 {
            if let Some(slot) = block.buf.get_mut(block.len) {
                *slot = b;
                block.len += 1;
            }
            i += 1;
            continue;
        }
        let (entry, len) = crate::scan::read(text, bytes, small, i);
        if let Some(letter) = crate::scan::vietnamese_letter(entry) {
            // A letter of the Vietnamese alphabet: its ASCII base, in its case.
            let base = ASCII_BASE[usize::from(letter.code).min(ASCII_BASE.len() - 1)];
            if let Some(slot) = block.buf.get_mut(block.len) {
                *slot = if letter.upper {
                    base.to_ascii_uppercase()
                } else {
                    base
                };
                block.len += 1;
            }
            i += len;
            continue;
        }
        block.flush(out);
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        fold_char(c, out);
        i += c.len_utf8();
    }
    block.flush(out);
}

/// Appends the folded form of the non-ASCII character `c`.
#[inline]
fn fold_char(c: char, out: &mut String) {
    if let Some(l) = letter_of(c) {
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

    /// Folding one character at a time: the reference of the run-wise [`fold_tail`].
    fn fold_chars(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            if c.is_ascii() {
                out.push(c);
            } else {
                fold_char(c, &mut out);
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn runs_fold_as_characters(
            text in "([a-zA-Z0-9 ,.]{0,12}|[àáảãạăắằâấầêếềôốồơớờưứừđĐÀÁẠỲỹ]|\\PC|\u{0301}){0,40}"
        ) {
            proptest::prop_assert_eq!(fold(&text), fold_chars(&text));
            let mut out = String::from("x");
            fold_into(&text, &mut out);
            proptest::prop_assert_eq!(&out[1..], fold_chars(&text));
        }
    }

    #[test]
    fn into_appends() {
        let mut out = String::from(">");
        fold_into("Đà", &mut out);
        assert_eq!(out, ">Da");
    }
}
