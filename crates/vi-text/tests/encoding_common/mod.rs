//! Shared by the encoding tests: every Vietnamese syllable in the three cases.

#![allow(dead_code)]

use vi_text::encoding::Encoding;

/// The legacy encodings (all but UTF-8).
pub const LEGACY: [Encoding; 5] = [
    Encoding::Vni,
    Encoding::Tcvn3,
    Encoding::Viscii,
    Encoding::Viqr,
    Encoding::Cp1258,
];

/// Every valid syllable of `vi_text::syllable::inventory()` in lower case, upper case and
/// title case (`người`, `NGƯỜI`, `Người`).
pub fn syllable_forms() -> Vec<String> {
    let mut forms = Vec::new();
    for syllable in vi_text::syllable::inventory() {
        let lower = syllable.to_string();
        let upper = lower.to_uppercase();
        let mut chars = lower.chars();
        let title: String = chars
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(chars)
            .collect();
        forms.push(lower);
        if title != forms[forms.len() - 1] {
            forms.push(title);
        }
        forms.push(upper);
    }
    forms
}
