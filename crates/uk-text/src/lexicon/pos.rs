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

/// Closed-class and irregular words: form, lemma, tag. Listed in the order analyses should come
/// back; they come before the dictionary's own analyses of the same form.
///
/// Personal pronouns, the auxiliary бути, могти and люди are listed with all their forms
/// (hunspell-uk lists them as separate unflagged stems, each its own lemma); the rest are
/// function words and frequent adverbs.
pub const CLOSED_CLASS: &[(&str, &str, Upos)] = &[
    // Personal and reflexive pronouns.
    ("я", "я", Upos::Pron),
    ("мене", "я", Upos::Pron),
    ("мені", "я", Upos::Pron),
    ("мною", "я", Upos::Pron),
    ("ти", "ти", Upos::Pron),
    ("тебе", "ти", Upos::Pron),
    ("тобі", "ти", Upos::Pron),
    ("тобою", "ти", Upos::Pron),
    ("він", "він", Upos::Pron),
    ("його", "він", Upos::Pron),
    ("його", "його", Upos::Det),
    ("нього", "він", Upos::Pron),
    ("йому", "він", Upos::Pron),
    ("ньому", "він", Upos::Pron),
    ("ним", "він", Upos::Pron),
    ("нім", "він", Upos::Pron),
    ("вона", "вона", Upos::Pron),
    ("її", "вона", Upos::Pron),
    ("її", "її", Upos::Det),
    ("неї", "вона", Upos::Pron),
    ("їй", "вона", Upos::Pron),
    ("нею", "вона", Upos::Pron),
    ("ній", "вона", Upos::Pron),
    ("воно", "воно", Upos::Pron),
    ("ми", "ми", Upos::Pron),
    ("нас", "ми", Upos::Pron),
    ("нам", "ми", Upos::Pron),
    ("нами", "ми", Upos::Pron),
    ("ви", "ви", Upos::Pron),
    ("вас", "ви", Upos::Pron),
    ("вам", "ви", Upos::Pron),
    ("вами", "ви", Upos::Pron),
    ("вони", "вони", Upos::Pron),
    ("їх", "вони", Upos::Pron),
    ("них", "вони", Upos::Pron),
    ("їм", "вони", Upos::Pron),
    ("ними", "вони", Upos::Pron),
    ("себе", "себе", Upos::Pron),
    ("собі", "себе", Upos::Pron),
    ("собою", "себе", Upos::Pron),
    ("це", "це", Upos::Pron),
    // The auxiliary бути.
    ("бути", "бути", Upos::Aux),
    ("є", "бути", Upos::Aux),
    ("єсть", "бути", Upos::Aux),
    ("був", "бути", Upos::Aux),
    ("була", "бути", Upos::Aux),
    ("було", "бути", Upos::Aux),
    ("були", "бути", Upos::Aux),
    ("буду", "бути", Upos::Aux),
    ("будеш", "бути", Upos::Aux),
    ("буде", "бути", Upos::Aux),
    ("будемо", "бути", Upos::Aux),
    ("будете", "бути", Upos::Aux),
    ("будуть", "бути", Upos::Aux),
    ("будь", "бути", Upos::Aux),
    ("будьмо", "бути", Upos::Aux),
    ("будьте", "бути", Upos::Aux),
    ("бувши", "бути", Upos::Aux),
    ("будучи", "бути", Upos::Aux),
    // Adpositions.
    ("в", "в", Upos::Adp),
    ("у", "у", Upos::Adp),
    ("во", "во", Upos::Adp),
    ("на", "на", Upos::Adp),
    ("до", "до", Upos::Adp),
    ("з", "з", Upos::Adp),
    ("із", "із", Upos::Adp),
    ("зі", "зі", Upos::Adp),
    ("зо", "зо", Upos::Adp),
    ("від", "від", Upos::Adp),
    ("од", "од", Upos::Adp),
    ("для", "для", Upos::Adp),
    ("задля", "задля", Upos::Adp),
    ("по", "по", Upos::Adp),
    ("під", "під", Upos::Adp),
    ("підо", "підо", Upos::Adp),
    ("над", "над", Upos::Adp),
    ("наді", "наді", Upos::Adp),
    ("без", "без", Upos::Adp),
    ("при", "при", Upos::Adp),
    ("про", "про", Upos::Adp),
    ("через", "через", Upos::Adp),
    ("крізь", "крізь", Upos::Adp),
    ("між", "між", Upos::Adp),
    ("поміж", "поміж", Upos::Adp),
    ("біля", "біля", Upos::Adp),
    ("після", "після", Upos::Adp),
    ("перед", "перед", Upos::Adp),
    ("переді", "переді", Upos::Adp),
    ("за", "за", Upos::Adp),
    ("о", "о", Upos::Adp),
    ("об", "об", Upos::Adp),
    ("серед", "серед", Upos::Adp),
    ("посеред", "посеред", Upos::Adp),
    ("щодо", "щодо", Upos::Adp),
    ("завдяки", "завдяки", Upos::Adp),
    ("згідно", "згідно", Upos::Adp),
    ("всупереч", "всупереч", Upos::Adp),
    ("внаслідок", "внаслідок", Upos::Adp),
    ("протягом", "протягом", Upos::Adp),
    ("впродовж", "впродовж", Upos::Adp),
    ("упродовж", "упродовж", Upos::Adp),
    ("замість", "замість", Upos::Adp),
    ("крім", "крім", Upos::Adp),
    ("окрім", "окрім", Upos::Adp),
    ("поза", "поза", Upos::Adp),
    ("понад", "понад", Upos::Adp),
    ("попри", "попри", Upos::Adp),
    ("проти", "проти", Upos::Adp),
    ("уздовж", "уздовж", Upos::Adp),
    ("вздовж", "вздовж", Upos::Adp),
    ("навколо", "навколо", Upos::Adp),
    ("довкола", "довкола", Upos::Adp),
    // Coordinating conjunctions.
    ("і", "і", Upos::Cconj),
    ("й", "й", Upos::Cconj),
    ("та", "та", Upos::Cconj),
    ("а", "а", Upos::Cconj),
    ("але", "але", Upos::Cconj),
    ("або", "або", Upos::Cconj),
    ("чи", "чи", Upos::Cconj),
    ("проте", "проте", Upos::Cconj),
    ("однак", "однак", Upos::Cconj),
    ("зате", "зате", Upos::Cconj),
    ("ані", "ані", Upos::Cconj),
    ("тобто", "тобто", Upos::Cconj),
    // Subordinating conjunctions.
    ("що", "що", Upos::Sconj),
    ("щоб", "щоб", Upos::Sconj),
    ("щоби", "щоби", Upos::Sconj),
    ("як", "як", Upos::Sconj),
    ("якщо", "якщо", Upos::Sconj),
    ("коли", "коли", Upos::Sconj),
    ("бо", "бо", Upos::Sconj),
    ("хоч", "хоч", Upos::Sconj),
    ("хоча", "хоча", Upos::Sconj),
    ("поки", "поки", Upos::Sconj),
    ("доки", "доки", Upos::Sconj),
    ("ніж", "ніж", Upos::Sconj),
    ("наче", "наче", Upos::Sconj),
    ("немов", "немов", Upos::Sconj),
    ("немовби", "немовби", Upos::Sconj),
    ("неначе", "неначе", Upos::Sconj),
    ("ніби", "ніби", Upos::Sconj),
    ("якби", "якби", Upos::Sconj),
    ("аби", "аби", Upos::Sconj),
    ("адже", "адже", Upos::Sconj),
    ("оскільки", "оскільки", Upos::Sconj),
    ("мов", "мов", Upos::Sconj),
    // Particles.
    ("не", "не", Upos::Part),
    ("ні", "ні", Upos::Part),
    ("ж", "ж", Upos::Part),
    ("же", "же", Upos::Part),
    ("б", "б", Upos::Part),
    ("би", "би", Upos::Part),
    ("лише", "лише", Upos::Part),
    ("лиш", "лиш", Upos::Part),
    ("тільки", "тільки", Upos::Part),
    ("навіть", "навіть", Upos::Part),
    ("хай", "хай", Upos::Part),
    ("нехай", "нехай", Upos::Part),
    ("ось", "ось", Upos::Part),
    ("от", "от", Upos::Part),
    ("ото", "ото", Upos::Part),
    ("саме", "саме", Upos::Part),
    ("якраз", "якраз", Upos::Part),
    ("аж", "аж", Upos::Part),
    ("авжеж", "авжеж", Upos::Part),
    ("нібито", "нібито", Upos::Part),
    ("чи", "чи", Upos::Part),
    // Cardinal numerals that hunspell-uk lists without flags.
    ("два", "два", Upos::Num),
    ("дві", "два", Upos::Num),
    ("три", "три", Upos::Num),
    ("чотири", "чотири", Upos::Num),
    ("сто", "сто", Upos::Num),
    ("двісті", "двісті", Upos::Num),
    ("триста", "триста", Upos::Num),
    ("чотириста", "чотириста", Upos::Num),
    ("п'ятсот", "п'ятсот", Upos::Num),
    ("шістсот", "шістсот", Upos::Num),
    ("сімсот", "сімсот", Upos::Num),
    ("вісімсот", "вісімсот", Upos::Num),
    ("дев'ятсот", "дев'ятсот", Upos::Num),
    // Determiners hunspell-uk lists without flags.
    ("кожен", "кожен", Upos::Det),
    ("всі", "весь", Upos::Det),
    ("усі", "весь", Upos::Det),
    ("всіх", "весь", Upos::Det),
    ("усіх", "весь", Upos::Det),
    ("всім", "весь", Upos::Det),
    ("усім", "весь", Upos::Det),
    ("всіма", "весь", Upos::Det),
    ("усіма", "весь", Upos::Det),
    ("жоден", "жоден", Upos::Det),
    // Frequent adverbs: hunspell-uk lists most of them without flags (so their ending would
    // decide), or files them under a homonym (вже, дуже, може look like nouns or verbs).
    ("вже", "вже", Upos::Adv),
    ("уже", "уже", Upos::Adv),
    ("ще", "ще", Upos::Adv),
    ("дуже", "дуже", Upos::Adv),
    ("також", "також", Upos::Adv),
    ("теж", "теж", Upos::Adv),
    ("так", "так", Upos::Adv),
    ("тут", "тут", Upos::Adv),
    ("там", "там", Upos::Adv),
    ("де", "де", Upos::Adv),
    ("куди", "куди", Upos::Adv),
    ("звідки", "звідки", Upos::Adv),
    ("тому", "тому", Upos::Adv),
    ("чому", "чому", Upos::Adv),
    ("тоді", "тоді", Upos::Adv),
    ("тепер", "тепер", Upos::Adv),
    ("зараз", "зараз", Upos::Adv),
    ("нині", "нині", Upos::Adv),
    ("сьогодні", "сьогодні", Upos::Adv),
    ("вчора", "вчора", Upos::Adv),
    ("завтра", "завтра", Upos::Adv),
    ("завжди", "завжди", Upos::Adv),
    ("ніколи", "ніколи", Upos::Adv),
    ("іноді", "іноді", Upos::Adv),
    ("потім", "потім", Upos::Adv),
    ("досі", "досі", Upos::Adv),
    ("разом", "разом", Upos::Adv),
    ("трохи", "трохи", Upos::Adv),
    ("майже", "майже", Upos::Adv),
    ("зовсім", "зовсім", Upos::Adv),
    ("цілком", "цілком", Upos::Adv),
    ("взагалі", "взагалі", Upos::Adv),
    ("загалом", "загалом", Upos::Adv),
    ("наприклад", "наприклад", Upos::Adv),
    ("зазвичай", "зазвичай", Upos::Adv),
    ("настільки", "настільки", Upos::Adv),
    ("вдома", "вдома", Upos::Adv),
    ("можна", "можна", Upos::Adv),
    ("треба", "треба", Upos::Adv),
    ("більше", "більше", Upos::Adv),
    ("менше", "менше", Upos::Adv),
    ("далі", "далі", Upos::Adv),
    ("раніше", "раніше", Upos::Adv),
    ("добре", "добре", Upos::Adv),
    ("багато", "багато", Upos::Adv),
    ("знову", "знову", Upos::Adv),
    ("нарешті", "нарешті", Upos::Adv),
    // могти and люди: irregular forms hunspell-uk lists as separate stems.
    ("може", "могти", Upos::Verb),
    ("можу", "могти", Upos::Verb),
    ("можеш", "могти", Upos::Verb),
    ("можемо", "могти", Upos::Verb),
    ("можете", "могти", Upos::Verb),
    ("можуть", "могти", Upos::Verb),
    ("міг", "могти", Upos::Verb),
    ("могла", "могти", Upos::Verb),
    ("могло", "могти", Upos::Verb),
    ("могли", "могти", Upos::Verb),
    ("люди", "людина", Upos::Noun),
    ("людей", "людина", Upos::Noun),
    ("людям", "людина", Upos::Noun),
    ("людьми", "людина", Upos::Noun),
    ("людях", "людина", Upos::Noun),
    // Interjections.
    ("ой", "ой", Upos::Intj),
    ("ах", "ах", Upos::Intj),
    ("ох", "ох", Upos::Intj),
    ("ех", "ех", Upos::Intj),
    ("ого", "ого", Upos::Intj),
    ("агов", "агов", Upos::Intj),
    ("гей", "гей", Upos::Intj),
    ("ура", "ура", Upos::Intj),
    ("овва", "овва", Upos::Intj),
];

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
