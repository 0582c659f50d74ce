//! Compounds written with underscores (`bí_mật`, `Thổ_Nhĩ_Kỳ`), as word segmenters output
//! them, told apart from underscores that belong to the text (`snake_case`, URLs, e-mails).
//!
//! A whitespace-delimited token is a compound when, once punctuation around it is set aside,
//! its underscores separate non-empty parts that are each a Vietnamese syllable, a name
//! (`Nagorno-Karabakh`, `Putin`: a capital letter, letters with inner hyphens or
//! apostrophes, at least one lower-case letter) or an acronym (`EU`, `G20`), with at least
//! one syllable or name among them; and the token is not a URL, an e-mail address, a path or
//! code.
//!
//! ```
//! use vi_text::compound::{is_compound, parts, unsegment};
//!
//! assert!(is_compound("Thổ_Nhĩ_Kỳ"));
//! assert!(is_compound("Nagorno-Karabakh_Quan_chức"));
//! assert!(!is_compound("max_words"));
//! assert!(!is_compound("https://vi.wikipedia.org/wiki/Thổ_Nhĩ_Kỳ"));
//!
//! let text = "bí_mật";
//! let spans: Vec<&str> = parts(text).map(|s| s.slice(text)).collect();
//! assert_eq!(spans, ["bí", "mật"]);
//!
//! assert_eq!(unsegment("(Thổ_Nhĩ_Kỳ) và user_id"), "(Thổ Nhĩ Kỳ) và user_id");
//! ```

use crate::shape;
use crate::syllable;
use core_model::Span;
use std::borrow::Cow;

/// The spans of the underscore-separated parts of `compound` (empty parts skipped), relative
/// to `compound`.
pub fn parts(compound: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    compound
        .split('_')
        .map(move |part| {
            let span = Span::new(start, start + part.len());
            start += part.len() + 1;
            span
        })
        .filter(|span| !span.is_empty())
}

/// Appends `parts` joined with underscores to `out`.
///
/// ```
/// let mut out = String::new();
/// vi_text::compound::join(["bí", "mật"], &mut out);
/// assert_eq!(out, "bí_mật");
/// ```
pub fn join<'a>(parts: impl IntoIterator<Item = &'a str>, out: &mut String) {
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push('_');
        }
        out.push_str(part);
    }
}

/// True when the whitespace-free `token` is a compound: its underscores join words.
#[must_use]
pub fn is_compound(token: &str) -> bool {
    compound_core(token).is_some()
}

/// The compound inside `token` (the token without surrounding punctuation), as a byte range
/// of `token`, when `token` is a compound.
fn compound_core(token: &str) -> Option<(usize, usize)> {
    if !token.contains('_') || shape::is_not_prose(token) {
        return None;
    }
    let keep = |c: char| c.is_alphanumeric() || c == '_';
    let start = token.find(keep)?;
    let end = token
        .char_indices()
        .rev()
        .find(|&(_, c)| keep(c))
        .map(|(i, c)| i + c.len_utf8())?;
    let core = &token[start..end];
    let mut words = 0;
    for part in core.split('_') {
        match classify(part) {
            Part::Word => words += 1,
            Part::Acronym => {}
            Part::Other => return None,
        }
    }
    (words > 0).then_some((start, end))
}

enum Part {
    Word,
    Acronym,
    Other,
}

fn classify(part: &str) -> Part {
    if part.is_empty() {
        return Part::Other;
    }
    if syllable::is_valid_syllable(part) {
        return Part::Word;
    }
    // Hyphenated syllables (ra-đi-ô) and names.
    let pieces_are_syllables = part.contains('-')
        && part
            .split('-')
            .all(|piece| !piece.is_empty() && syllable::is_valid_syllable(piece));
    if pieces_are_syllables || is_name(part) {
        return Part::Word;
    }
    let mut chars = part.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    if first_upper
        && part.chars().count() <= 8
        && part.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return Part::Acronym;
    }
    Part::Other
}

/// A capitalised name: a capital letter, then letters with inner hyphens or apostrophes, at
/// least one lower-case letter.
fn is_name(part: &str) -> bool {
    let mut chars = part.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let mut lower = false;
    let mut prev_joiner = false;
    for c in chars {
        if matches!(c, '-' | '\'' | '\u{2019}') {
            if prev_joiner {
                return false;
            }
            prev_joiner = true;
            continue;
        }
        if !(c.is_alphabetic() || crate::letter::is_combining(c)) {
            return false;
        }
        lower |= c.is_lowercase();
        prev_joiner = false;
    }
    lower && !prev_joiner
}

/// Iterator over the compounds of a text: the span of each compound (without surrounding
/// punctuation).
#[derive(Debug, Clone)]
pub struct Compounds<'a> {
    text: &'a str,
    pos: usize,
}

/// The compounds of `text`, in order.
///
/// ```
/// let text = "Ở Thổ_Nhĩ_Kỳ, snake_case.";
/// let found: Vec<&str> = vi_text::compound::compounds(text).map(|s| s.slice(text)).collect();
/// assert_eq!(found, ["Thổ_Nhĩ_Kỳ"]);
/// ```
#[must_use]
pub fn compounds(text: &str) -> Compounds<'_> {
    Compounds { text, pos: 0 }
}

impl Iterator for Compounds<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        loop {
            let rest = self.text.get(self.pos..)?;
            let at = self.pos + rest.find('_')?;
            let Some((start, end)) = shape::enclosing_token(self.text, at, at + 1) else {
                // A token longer than any prose token: skip past this underscore's run.
                let skip = self.text[at..]
                    .find(char::is_whitespace)
                    .map_or(self.text.len(), |i| at + i);
                self.pos = skip.max(at + 1);
                continue;
            };
            self.pos = end.max(at + 1);
            if let Some((s, e)) = compound_core(&self.text[start..end]) {
                return Some(Span::new(start + s, start + e));
            }
        }
    }
}

/// Turns the underscores of compounds into spaces and keeps every other underscore;
/// borrowed when nothing changes.
#[must_use]
pub fn unsegment(text: &str) -> Cow<'_, str> {
    let mut found = compounds(text).peekable();
    if found.peek().is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    write_unsegmented(text, found, &mut out);
    Cow::Owned(out)
}

/// Appends `text` with the underscores of its compounds turned into spaces to `out`.
pub fn unsegment_into(text: &str, out: &mut String) {
    write_unsegmented(text, compounds(text), out);
}

fn write_unsegmented(text: &str, found: impl Iterator<Item = Span>, out: &mut String) {
    let mut copied = 0;
    for span in found {
        out.push_str(&text[copied..span.start]);
        for c in span.slice(text).chars() {
            out.push(if c == '_' { ' ' } else { c });
        }
        copied = span.end;
    }
    out.push_str(&text[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_of_the_segmented_seed_shape() {
        for token in [
            "bí_mật",
            "Thổ_Nhĩ_Kỳ",
            "Nagorno-Karabakh_Quan_chức",
            "buộc_Azerbaijan",
            "lý_do_đó",
            "Louis_Bono",
            "Liên_minh",
            "châu_Âu",
            "án_binh_bất_động",
            "\"tái_hòa",
            "EU_cử",
            "hội_nghị_G20",
            "HÀ_NỘI",
        ] {
            assert!(is_compound(token), "{token}");
        }
    }

    #[test]
    fn underscores_of_the_text() {
        for token in [
            "snake_case",
            "max_words",
            "user_id",
            "MAX_SIZE",
            "_bí_mật",
            "bí__mật",
            "__init__",
            "tên_người@báo.vn",
            "https://x.vn/bí_mật",
            "năm_2020",
            "_",
        ] {
            assert!(!is_compound(token), "{token}");
        }
    }

    #[test]
    fn spans_point_into_the_source() {
        let text = "Ông Vladimir_Putin (Nga), file_name.txt";
        let found: Vec<Span> = compounds(text).collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].slice(text), "Vladimir_Putin");
        let parts: Vec<&str> = parts(found[0].slice(text))
            .map(|s| s.shifted(found[0].start).slice(text))
            .collect();
        assert_eq!(parts, ["Vladimir", "Putin"]);
        assert_eq!(unsegment(text), "Ông Vladimir Putin (Nga), file_name.txt");
        assert!(matches!(unsegment("không có"), Cow::Borrowed(_)));
    }
}
