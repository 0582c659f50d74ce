//! Ukrainian → Latin transliteration, the official national system (Cabinet of Ministers
//! resolution No. 55 of 27 January 2010, "KMU-2010").
//!
//! The rules, exactly as the resolution gives them:
//!
//! - one Latin spelling per letter (`ж` → `zh`, `х` → `kh`, `щ` → `shch`, `г` → `h`, `ґ` → `g`,
//!   `и` → `y`, `і` → `i`);
//! - `є ї й ю я` are `ye yi y yu ya` at the start of a word and `ie i i iu ia` elsewhere;
//! - `зг` is `zgh` (`Згорани` → `Zghorany`), to keep it apart from `ж` (`zh`);
//! - the soft sign and the apostrophe are dropped, and a letter after an apostrophe is not at
//!   the start of a word (`Мар'їне` → `Marine`).
//!
//! The resolution says nothing of capitals or hyphens; as is common practice each word keeps
//! its case pattern (`ЩУКА` → `SHCHUKA`, `Щука` → `Shchuka`) and each part of a hyphenated
//! word is a word of its own (`Івано-Франківськ` → `Ivano-Frankivsk`). Russian letters that
//! are not in the Ukrainian alphabet get the usual spellings (`ы` → `y`, `э` → `e`, `ё` → `io`,
//! `ъ` dropped) so that any Cyrillic word comes out in ASCII; stress marks and soft hyphens in
//! Cyrillic words are dropped. Everything that is not a Cyrillic letter passes through.
//!
//! ```
//! use uk_text::translit;
//! assert_eq!(translit("Київ"), "Kyiv");
//! assert_eq!(translit("Знам'янка, Єнакієве"), "Znamianka, Yenakiieve");
//! assert_eq!(translit("ЩУКА і Щука"), "SHCHUKA i Shchuka");
//! ```

use crate::chars::{SOFT_HYPHEN, STRESS_MARK, is_apostrophe, is_cyrillic};
use crate::chars::{fold_case as fold, is_alpha};

/// The Latin spelling of a lower-case letter: at the start of a word, and elsewhere.
/// `None` for a character that is not a Cyrillic letter this table knows.
fn spelling(lower: char) -> Option<(&'static str, &'static str)> {
    let same = |s: &'static str| Some((s, s));
    match lower {
        'а' => same("a"),
        'б' => same("b"),
        'в' => same("v"),
        'г' => same("h"),
        'ґ' => same("g"),
        'д' => same("d"),
        'е' => same("e"),
        'є' => Some(("ye", "ie")),
        'ж' => same("zh"),
        'з' => same("z"),
        'и' => same("y"),
        'і' => same("i"),
        'ї' => Some(("yi", "i")),
        'й' => Some(("y", "i")),
        'к' => same("k"),
        'л' => same("l"),
        'м' => same("m"),
        'н' => same("n"),
        'о' => same("o"),
        'п' => same("p"),
        'р' => same("r"),
        'с' => same("s"),
        'т' => same("t"),
        'у' => same("u"),
        'ф' => same("f"),
        'х' => same("kh"),
        'ц' => same("ts"),
        'ч' => same("ch"),
        'ш' => same("sh"),
        'щ' => same("shch"),
        'ь' => same(""),
        'ю' => Some(("yu", "iu")),
        'я' => Some(("ya", "ia")),
        // Not Ukrainian letters; common spellings so that Russian and Belarusian words come
        // out in ASCII.
        'ы' => same("y"),
        'э' => same("e"),
        'ё' => Some(("yo", "io")),
        'ъ' => same(""),
        'ў' => same("u"),
        _ => None,
    }
}

/// True when the letter is in the table (upper or lower case).
fn known(c: char) -> bool {
    spelling(fold(c).0).is_some()
}

/// The case pattern of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// Every cased letter is a capital and there are at least two: `ЩУКА`, `ЗМІ`.
    Upper,
    /// Capitals are written as capitals followed by small letters (`Щ` → `Shch`).
    Mixed,
}

/// Transliterates one word (a run of letters, possibly with apostrophes inside; no hyphens)
/// and appends it to `out`. Characters that are not Cyrillic letters are copied.
///
/// ```
/// let mut out = String::new();
/// uk_text::translit_word("Згурський", &mut out);
/// assert_eq!(out, "Zghurskyi");
/// ```
pub fn translit_word(word: &str, out: &mut String) {
    let mut cased = 0usize;
    let mut upper = 0usize;
    for c in word.chars() {
        match fold(c).1 {
            Some(true) => {
                upper += 1;
                cased += 1;
            }
            Some(false) => cased += 1,
            None => {}
        }
    }
    let case = if upper >= 2 && upper == cased {
        Case::Upper
    } else {
        Case::Mixed
    };
    let mut at_start = true;
    let mut prev_lower: Option<char> = None;
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if is_apostrophe(c) {
            // Dropped between letters; the next letter is not at the start of the word.
            let between = prev_lower.is_some() && chars.peek().is_some_and(|&d| is_alpha(d));
            if !between {
                out.push(c);
                at_start = true;
                prev_lower = None;
            }
            continue;
        }
        if (c == STRESS_MARK || c == SOFT_HYPHEN) && prev_lower.is_some() {
            continue;
        }
        let (lower, case_of_c) = fold(c);
        let Some((initial, medial)) = spelling(lower) else {
            out.push(c);
            at_start = !is_alpha(c);
            prev_lower = None;
            continue;
        };
        let mut latin = if at_start { initial } else { medial };
        if lower == 'г' && prev_lower == Some('з') {
            latin = "gh";
        }
        if case_of_c == Some(true) {
            match case {
                Case::Upper => out.extend(latin.chars().map(|l| l.to_ascii_uppercase())),
                Case::Mixed => {
                    let mut letters = latin.chars();
                    if let Some(first) = letters.next() {
                        out.push(first.to_ascii_uppercase());
                        out.extend(letters);
                    }
                }
            }
        } else {
            out.push_str(latin);
        }
        at_start = false;
        prev_lower = Some(lower);
    }
}

/// Transliterates `text` and appends it to `out`: every word that holds Cyrillic letters is
/// transliterated, each part of a hyphenated word on its own; everything else is copied, so
/// lines and spacing are kept.
pub fn translit_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        // Copy up to the next known Cyrillic letter.
        let Some(start) = rest.find(|c: char| is_cyrillic(c) && known(c)) else {
            out.push_str(rest);
            return;
        };
        // The word containing it begins at the first letter of its run.
        let word_start = rest
            .get(..start)
            .and_then(|head| {
                head.char_indices()
                    .rev()
                    .take_while(|&(_, c)| is_alpha(c) || is_word_inner(c))
                    .last()
                    .map(|(i, _)| i)
            })
            .unwrap_or(start);
        let word_start = skip_leading_non_letters(rest, word_start, start);
        let word_end = rest
            .get(start..)
            .and_then(|tail| {
                tail.char_indices()
                    .find(|&(i, c)| !(is_alpha(c) || is_inner_at(tail, i, c)))
                    .map(|(i, _)| start + i)
            })
            .unwrap_or(rest.len());
        if let Some(head) = rest.get(..word_start) {
            out.push_str(head);
        }
        if let Some(word) = rest.get(word_start..word_end) {
            translit_word(word, out);
        }
        rest = rest.get(word_end..).unwrap_or("");
    }
}

/// Characters that may sit inside a word: apostrophes, stress marks, soft hyphens.
fn is_word_inner(c: char) -> bool {
    is_apostrophe(c) || c == STRESS_MARK || c == SOFT_HYPHEN
}

/// True when `c` at `i` of `tail` continues the word: a stress mark or soft hyphen, or an
/// apostrophe followed by a letter.
fn is_inner_at(tail: &str, i: usize, c: char) -> bool {
    if c == STRESS_MARK || c == SOFT_HYPHEN {
        return true;
    }
    is_apostrophe(c)
        && tail
            .get(i + c.len_utf8()..)
            .and_then(|after| after.chars().next())
            .is_some_and(is_alpha)
}

/// Moves a word start past apostrophes and marks that precede its first letter.
fn skip_leading_non_letters(text: &str, from: usize, limit: usize) -> usize {
    text.get(from..limit)
        .and_then(|s| s.char_indices().find(|&(_, c)| is_alpha(c)))
        .map_or(limit, |(i, _)| from + i)
}

/// Transliterates `text`.
///
/// ```
/// assert_eq!(uk_text::translit("Біла Церква, 2024"), "Bila Tserkva, 2024");
/// ```
#[must_use]
pub fn translit(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    translit_into(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every example of the resolution, as listed in the project's notes.
    const RESOLUTION_EXAMPLES: &[(&str, &str)] = &[
        ("Алушта", "Alushta"),
        ("Борщагівка", "Borshchahivka"),
        ("Вінниця", "Vinnytsia"),
        ("Згурський", "Zghurskyi"),
        ("Ґалаґан", "Galagan"),
        ("Єнакієве", "Yenakiieve"),
        ("Житомир", "Zhytomyr"),
        ("Закарпаття", "Zakarpattia"),
        ("Їжакевич", "Yizhakevych"),
        ("Кадиївка", "Kadyivka"),
        ("Йосипівка", "Yosypivka"),
        ("Стрий", "Stryi"),
        ("Олексій", "Oleksii"),
        ("Київ", "Kyiv"),
        ("Наталія", "Nataliia"),
        ("Ужгород", "Uzhhorod"),
        ("Біла Церква", "Bila Tserkva"),
        ("Щербухи", "Shcherbukhy"),
        ("Гоща", "Hoshcha"),
        ("Юрій", "Yurii"),
        ("Корюківка", "Koriukivka"),
        ("Костянтин", "Kostiantyn"),
        ("Знам'янка", "Znamianka"),
        ("Феодосія", "Feodosiia"),
        // From the rules' own text.
        ("Згорани", "Zghorany"),
        ("Розгон", "Rozghon"),
        ("Короп'є", "Koropie"),
        ("Мар'їне", "Marine"),
        ("ЩУКА", "SHCHUKA"),
        ("Щука", "Shchuka"),
    ];

    #[test]
    fn every_resolution_example() {
        for &(cyr, lat) in RESOLUTION_EXAMPLES {
            assert_eq!(translit(cyr), lat, "{cyr}");
        }
    }

    #[test]
    fn apostrophe_variants_and_soft_sign() {
        for apostrophe in ['\'', '’', 'ʼ', '`', '′'] {
            assert_eq!(translit(&format!("Знам{apostrophe}янка")), "Znamianka");
        }
        assert_eq!(translit("Львів"), "Lviv");
        assert_eq!(translit("Васильківський"), "Vasylkivskyi");
        // A quotation mark after a word is not an apostrophe and stays.
        assert_eq!(translit("'Київ'"), "'Kyiv'");
    }

    #[test]
    fn hyphen_parts_are_words() {
        assert_eq!(translit("Івано-Франківськ"), "Ivano-Frankivsk");
        assert_eq!(translit("Ясногородка-Юріївка"), "Yasnohorodka-Yuriivka");
        assert_eq!(translit("ЗМІ-Євро"), "ZMI-Yevro");
    }

    #[test]
    fn case_patterns() {
        assert_eq!(translit("ЯЛТА"), "YALTA");
        assert_eq!(translit("Ялта"), "Yalta");
        assert_eq!(translit("Я"), "Ya");
        assert_eq!(translit("США і ЄС"), "SSHA i YES");
        assert_eq!(translit("МакДональдз"), "MakDonaldz");
    }

    #[test]
    fn non_cyrillic_passes_through() {
        let text = "Politico, 17.09.2023 — «NATO» 😀\nдругий рядок";
        assert_eq!(
            translit(text),
            "Politico, 17.09.2023 — «NATO» 😀\ndruhyi riadok"
        );
        assert_eq!(translit(""), "");
    }

    #[test]
    fn stress_and_soft_hyphen_dropped() {
        assert_eq!(translit("Ки\u{301}їв"), "Kyiv");
        assert_eq!(translit("Жито\u{AD}мир"), "Zhytomyr");
    }
}
