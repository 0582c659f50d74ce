//! Coarse parts of speech for hunspell-uk stems, and a hand-written table of closed-class words.
//!
//! `uk_UA.aff` has no comments; the table below was written by reading each suffix class's
//! rules and a sample of the stems that carry it. The **first** flag of a stem names its
//! inflection class, which fixes its part of speech:
//!
//! | first flag | class (what the rules generate) | UPOS (lower-case stem / capitalised stem) |
//! |---|---|---|
//! | `%` | feminine nouns in -а/-я (хата, Україна) | NOUN / PROPN |
//! | `0` `2` | masculine nouns with і→о/е alternation (потік, Київ) | NOUN / PROPN |
//! | `1` | masculine nouns, second declension (абажур, Аарон) | NOUN / PROPN |
//! | `3` | masculine nouns in -ець/-ок with a fleeting vowel (абхазець) | NOUN / PROPN |
//! | `4` | masculine nouns in -ар/-ір/-іт with alternation (аптекар, переліт) | NOUN / PROPN |
//! | `A` | feminine nouns in -ість/-іч (гордість) | NOUN / PROPN |
//! | `D` `F` | feminine nouns, third declension (сіль, осінь) | NOUN / PROPN |
//! | `Q` | neuter nouns (вікно, читання), also -енко surnames | NOUN / PROPN |
//! | `V` | augmentatives in -ище (вітрище) | NOUN / PROPN |
//! | `n` `o` `p` | plural-only nouns and plural place names (ворота, Карпати) | NOUN / PROPN |
//! | `C` `H` | surnames in -ов/-ев/-ін/-ів (Абакумов) | NOUN / PROPN |
//! | `E` | adjectival declension: substantivised adjectives, surnames in -ський, place names in -е (чорноротий, Айвазовський, Новопідгірне) | ADJ / PROPN |
//! | `j` `{` | adjectives and participles; capitalised ones are possessives (Антонидин); pronominal ones ([`DETERMINER_STEMS`]: який, такий, інший, …) are DET | ADJ / ADJ |
//! | `R` | mixed "pronominal" declension: numerals (п'ять, двадцять) → NUM, один → NUM, pronominal words (цей, той, весь, мій, нічий) → DET, possessives in -ів/-їв/-ин → ADJ, neuters in -я/-а (кошеня) → NOUN | by ending |
//! | `X` `Y` `Z` `]` `^` | verbs (infinitive stems; the classes generate finite forms, past, imperative, converbs, impersonal -но/-то) | VERB |
//! | `q` | хто/що and their compounds (дехто, будь-що) | PRON |
//!
//! Forms made by class `+` (adverbs from adjectives: `швидкий` → `швидко`) are tagged ADV and
//! are their own lemma, as in Universal Dependencies. All other forms share their stem's tag.
//!
//! Stems without flags (36,496, mostly indeclinable words, abbreviations and separately
//! listed forms) are looked up in [`CLOSED_CLASS`] first, then tagged by [`guess_unflagged`]
//! from their shape and ending, with the `GUESSED_POS` analysis flag set.

use core_model::Upos;

/// Closed-class and irregular words: form, lemma, tag, in table order (the order a form's
/// analyses come back in; they come before the dictionary's own analyses of the same form).
///
/// Generated at compile time from `data/sources/uk/closed-class/closed-class.tsv`, the one
/// source of the closed-class words for both the lexicon build and the lemmatizer
/// ([`crate::lemmatize::closed`]): pronoun, determiner and бути paradigms, irregular verbs,
/// suppletive plurals, function words, frequent adverbs and interjections (hunspell-uk lists
/// many of them as separate unflagged stems, each its own lemma, or files them under a homonym).
pub const CLOSED_CLASS: &[(&str, &str, Upos)] =
    include!(concat!(env!("OUT_DIR"), "/closed_class.rs"));

/// Pronominal adjectives tagged DET (as Universal Dependencies does for Ukrainian) although
/// hunspell-uk inflects them like adjectives (flag `j`) or in class `R`.
pub const DETERMINER_STEMS: &[&str] = &[
    "який",
    "такий",
    "отакий",
    "сякий",
    "ніякий",
    "якийсь",
    "будь-який",
    "деякий",
    "всякий",
    "усякий",
    "кожний",
    "інший",
    "жодний",
    "котрий",
    "самий",
    "чийсь",
    "їхній",
    "весь",
    "увесь",
    "ввесь",
    "цей",
    "той",
    "оцей",
    "отой",
    "мій",
    "твій",
    "свій",
    "наш",
    "ваш",
    "сам",
    "чий",
    "нічий",
];

/// The tag of a stem from its flags (see the module table); `None` when the stem has no flag
/// that names an inflection class.
#[must_use]
pub fn flagged_upos(stem: &str, flags: impl IntoIterator<Item = char>) -> Option<Upos> {
    let capitalised = stem.chars().next().is_some_and(char::is_uppercase);
    let noun = if capitalised { Upos::Propn } else { Upos::Noun };
    let determiner = DETERMINER_STEMS.contains(&stem);
    for flag in flags {
        let upos = match flag {
            '%' | '0' | '1' | '2' | '3' | '4' | 'A' | 'D' | 'F' | 'Q' | 'V' | 'n' | 'o' | 'p'
            | 'C' | 'H' => noun,
            'E' => {
                if capitalised {
                    Upos::Propn
                } else {
                    Upos::Adj
                }
            }
            'j' | '{' | 'R' if determiner => Upos::Det,
            'j' | '{' => Upos::Adj,
            'R' => pronominal_upos(stem),
            'X' | 'Y' | 'Z' | ']' | '^' => Upos::Verb,
            'q' => Upos::Pron,
            _ => continue,
        };
        return Some(upos);
    }
    None
}

/// Tags the mixed class `R` by the stem's ending.
fn pronominal_upos(stem: &str) -> Upos {
    let lower = stem.to_lowercase();
    if lower == "один"
        || lower.ends_with("ять")
        || lower.ends_with("сят")
        || lower.ends_with("десять")
    {
        Upos::Num
    } else if ["ів", "їв", "ин", "їн"].iter().any(|e| lower.ends_with(e)) {
        Upos::Adj
    } else if lower.ends_with('я') || lower.ends_with('а') {
        Upos::Noun
    } else {
        Upos::Det
    }
}

/// True when `c` is a Ukrainian vowel letter.
fn is_vowel(c: char) -> bool {
    matches!(c, 'а' | 'е' | 'є' | 'и' | 'і' | 'ї' | 'о' | 'у' | 'ю' | 'я')
}

/// Guesses the tag of a stem that has no flag and is not a closed-class word, from its shape
/// and ending (documented rules, in order):
///
/// 1. capitalised → PROPN; 2. no vowel (`кг`, `млн`) → NOUN (abbreviation);
/// 3. `по-…` → ADV; 4. ends in -ся/-сь, -ти, -ть, a converb ending (-чи, -вши) or an
///    impersonal one (-ено, -єно, -ото, -уто, -ано after `ов`) or a past ending (vowel + -ла/-ло/-ли)
///    → VERB; 5. ends in -ськи/-цьки/-зьки, -ше/-ще, or -о → ADV; 6. hyphenated → NOUN;
///    7. ends in -е → NOUN (indeclinable loanwords: кафе, шосе); 8. otherwise X.
#[must_use]
pub fn guess_unflagged(stem: &str) -> Upos {
    let mut chars = stem.chars();
    let Some(first) = chars.next() else {
        return Upos::X;
    };
    if first.is_uppercase() {
        return Upos::Propn;
    }
    let lower = stem;
    if !lower.chars().any(is_vowel) {
        return if lower.chars().any(char::is_alphabetic) {
            Upos::Noun
        } else {
            Upos::X
        };
    }
    if lower.starts_with("по-") {
        return Upos::Adv;
    }
    let ends = |suffixes: &[&str]| suffixes.iter().any(|s| lower.ends_with(s));
    if ends(&[
        "ся",
        "сь",
        "ти",
        "ть",
        "чи",
        "вши",
        "ено",
        "єно",
        "овано",
        "ьовано",
        "йовано",
        "ото",
        "уто",
    ]) {
        return Upos::Verb;
    }
    let tail: Vec<char> = lower.chars().rev().take(3).collect();
    if let [last, 'л', vowel] = tail.as_slice()
        && matches!(last, 'а' | 'о' | 'и')
        && is_vowel(*vowel)
    {
        return Upos::Verb;
    }
    if ends(&["ськи", "цьки", "зьки", "ше", "ще", "о"]) {
        return Upos::Adv;
    }
    if lower.contains('-') || lower.ends_with('е') {
        return Upos::Noun;
    }
    Upos::X
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_table() {
        assert_eq!(flagged_upos("хата", "%;h".chars()), Some(Upos::Noun));
        assert_eq!(flagged_upos("Київ", "2@z".chars()), Some(Upos::Propn));
        assert_eq!(flagged_upos("швидкий", "j+".chars()), Some(Upos::Adj));
        assert_eq!(flagged_upos("робити", "XJyt".chars()), Some(Upos::Verb));
        assert_eq!(flagged_upos("п'ять", "R".chars()), Some(Upos::Num));
        assert_eq!(flagged_upos("цей", "R".chars()), Some(Upos::Det));
        assert_eq!(flagged_upos("кошеня", "Rv".chars()), Some(Upos::Noun));
        assert_eq!(flagged_upos("батьків", "R".chars()), Some(Upos::Adj));
        assert_eq!(flagged_upos("що", "q".chars()), Some(Upos::Pron));
        assert_eq!(flagged_upos("який", "j".chars()), Some(Upos::Det));
        assert_eq!(flagged_upos("весь", "R".chars()), Some(Upos::Det));
        assert_eq!(
            flagged_upos("Айвазовський", "Ee_".chars()),
            Some(Upos::Propn)
        );
        assert_eq!(flagged_upos("слово", "".chars()), None);
        assert_eq!(flagged_upos("слово", "+".chars()), None);
    }

    #[test]
    fn guesses() {
        assert_eq!(guess_unflagged("ООН"), Upos::Propn);
        assert_eq!(guess_unflagged("млн"), Upos::Noun);
        assert_eq!(guess_unflagged("по-українському"), Upos::Adv);
        assert_eq!(guess_unflagged("позвиваємося"), Upos::Verb);
        assert_eq!(guess_unflagged("удокументовано"), Upos::Verb);
        assert_eq!(guess_unflagged("похолодало"), Upos::Verb);
        assert_eq!(guess_unflagged("швидко"), Upos::Adv);
        assert_eq!(guess_unflagged("краще"), Upos::Adv);
        assert_eq!(guess_unflagged("шосе"), Upos::Noun);
        assert_eq!(guess_unflagged("риби-голки"), Upos::Noun);
        assert_eq!(guess_unflagged("крумк"), Upos::X);
        assert_eq!(guess_unflagged(""), Upos::X);
    }

    #[test]
    fn closed_class_lemmas_are_listed_forms() {
        for (form, lemma, _) in CLOSED_CLASS {
            assert!(!form.is_empty() && !lemma.is_empty());
            assert_eq!(form.to_lowercase(), *form);
        }
    }
}
