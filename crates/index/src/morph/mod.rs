//! [`MorphLexicon`]: word forms -> sets of analyses (lemma, UPOS, flags), stored compactly.
//!
//! Each analysis stores its lemma as an edit of the form: strip `n` characters from the end of
//! the (lower-cased) form, append suffix `#k` from a deduplicated suffix table, then apply a
//! case pattern (as is, Title, UPPER). Forms of one paradigm therefore map to the same small
//! set of records, sets are deduplicated, and the fst maps each form to a set id; forms that
//! share an ending share fst suffix subtrees.

mod build;
mod read;

pub use build::{MorphInput, MorphLexiconBuilder};
pub(crate) use read::verify_tables;
pub use read::{Analyses, Analysis, MorphLexicon};

use bytemuck::{Pod, Zeroable};

/// Bytes per stored analysis record.
pub const ANALYSIS_RECORD_LEN: usize = 8;

/// How the stored lemma's letters are cased when it is rebuilt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum LemmaCase {
    /// The edit gives the lemma as it is.
    AsIs = 0,
    /// The first letter is upper-cased (`Київ` from `київ`).
    Title = 1,
    /// Every letter is upper-cased (`НАТО` from `нато`).
    Upper = 2,
}

impl LemmaCase {
    fn from_code(code: u8) -> Option<LemmaCase> {
        match code {
            0 => Some(LemmaCase::AsIs),
            1 => Some(LemmaCase::Title),
            2 => Some(LemmaCase::Upper),
            _ => None,
        }
    }
}

/// Low five bits of the tag byte: the UPOS code.
const UPOS_MASK: u8 = 0x1F;
/// Bits 5–6 of the tag byte: the [`LemmaCase`].
const CASE_SHIFT: u8 = 5;
/// Bit 7 of the tag byte: reserved, zero.
const RESERVED_TAG_BIT: u8 = 0x80;

/// One stored analysis: fixed little-endian layout, alignment 1.
#[repr(C)]
#[derive(Clone, Copy, Pod, Zeroable, PartialEq, Eq, Hash, Debug)]
struct RawAnalysis {
    /// Suffix id (index into the suffix table), u32 LE.
    suffix: [u8; 4],
    /// Characters to strip from the end of the form, u16 LE.
    strip: [u8; 2],
    /// UPOS code | case << 5.
    tag: u8,
    /// The caller's flags.
    flags: u8,
}

const _: () = assert!(std::mem::size_of::<RawAnalysis>() == ANALYSIS_RECORD_LEN);

impl RawAnalysis {
    fn suffix_id(&self) -> u32 {
        u32::from_le_bytes(self.suffix)
    }

    fn strip(&self) -> u16 {
        u16::from_le_bytes(self.strip)
    }

    fn upos_code(&self) -> u8 {
        self.tag & UPOS_MASK
    }

    fn case_code(&self) -> u8 {
        (self.tag & !RESERVED_TAG_BIT) >> CASE_SHIFT
    }
}

/// Writes `text` into `out` with `case` applied; `first` says whether the next char is the
/// lemma's first.
fn push_cased(out: &mut String, text: &str, case: LemmaCase, first: &mut bool) {
    match case {
        LemmaCase::AsIs => out.push_str(text),
        LemmaCase::Upper => out.extend(text.chars().flat_map(char::to_uppercase)),
        LemmaCase::Title => {
            if *first {
                let mut chars = text.chars();
                if let Some(c) = chars.next() {
                    out.extend(c.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push_str(text);
            }
        }
    }
    if !text.is_empty() {
        *first = false;
    }
}

/// Byte index in `form` after stripping `strip` characters from its end, or `None` if the form
/// has fewer characters.
fn strip_point(form: &str, strip: u16) -> Option<usize> {
    if strip == 0 {
        return Some(form.len());
    }
    let (index, _) = form.char_indices().rev().nth(usize::from(strip) - 1)?;
    Some(index)
}

/// Rebuilds a lemma: `form` minus `strip` chars, plus `suffix`, cased. False (with `out`
/// cleared) when `form` is too short.
fn rebuild_lemma(form: &str, strip: u16, suffix: &str, case: LemmaCase, out: &mut String) -> bool {
    out.clear();
    let Some(cut) = strip_point(form, strip) else {
        return false;
    };
    let mut first = true;
    push_cased(out, &form[..cut], case, &mut first);
    push_cased(out, suffix, case, &mut first);
    true
}
