//! Abbreviation lists for the tokenizer. Lookups lower-case the word into a small stack
//! buffer, so they never allocate.

/// How a word followed by a full stop is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Always written with a full stop (`проф.`, `вул.`, `р.`): the stop is part of the token.
    Always,
    /// Written with or without a stop (`млн`, `грн`): the stop belongs to the word only when the
    /// sentence clearly goes on (a lower-case word, a digit or a comma follows).
    Optional,
}

/// Longest word (in bytes) that can be an abbreviation.
const MAX_ABBREV_BYTES: usize = 24;

/// Most characters in a word that [`classify`] knows.
const MAX_ABBREV_CHARS: usize = 6;

/// Lower-cases `word` into `buf`; `None` when it does not fit (then it is no abbreviation).
fn lowercase_small<'b>(word: &str, buf: &'b mut [u8; MAX_ABBREV_BYTES]) -> Option<&'b str> {
    if word.len() > MAX_ABBREV_BYTES {
        return None;
    }
    let mut len = 0;
    for c in word.chars() {
        // ASCII and the basic Cyrillic capitals are lowered in place; any other character
        // through `char::to_lowercase`.
        let simple = match c {
            'A'..='Z' | 'a'..='z' | '\u{0430}'..='\u{045F}' => Some(c.to_ascii_lowercase()),
            '\u{0410}'..='\u{042F}' => char::from_u32(u32::from(c) + 0x20),
            '\u{0400}'..='\u{040F}' => char::from_u32(u32::from(c) + 0x50),
            _ => None,
        };
        if let Some(l) = simple {
            let n = l.len_utf8();
            let slot = buf.get_mut(len..len + n)?;
            l.encode_utf8(slot);
            len += n;
            continue;
        }
        for l in c.to_lowercase() {
            let n = l.len_utf8();
            let slot = buf.get_mut(len..len + n)?;
            l.encode_utf8(slot);
            len += n;
        }
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// The class of `word` (without its stop) when it is a known abbreviation.
pub(crate) fn classify(word: &str) -> Option<AbbrevClass> {
    // No abbreviation below is longer than six letters (and lower-casing never makes fewer
    // characters), so longer words need no lower-casing.
    if word.len() > MAX_ABBREV_CHARS && word.chars().nth(MAX_ABBREV_CHARS).is_some() {
        return None;
    }
    let mut buf = [0u8; MAX_ABBREV_BYTES];
    let lower = lowercase_small(word, &mut buf)?;
    match lower {
        // Ukrainian: titles, places, references, units of time and quantity written with a stop.
        "акад" | "англ" | "арк" | "бл" | "грец" | "ісп" | "італ" | "мал" | "буд" | "вул" | "ген" | "гр" | "див" | "доц" | "жін"
        | "зах" | "заст" | "засл" | "зб" | "ім" | "ін" | "інж" | "інш" | "канд" | "кв"
        | "корп" | "лат" | "м" | "напр" | "нар" | "нім" | "о" | "обл" | "оз" | "п" | "пер"
        | "пл" | "півд" | "півн" | "пор" | "порівн" | "пп" | "прим" | "пров" | "просп"
        | "проф" | "р" | "ред" | "рос" | "рр" | "с" | "св" | "сел" | "смт" | "ст" | "стор"
        | "сх" | "табл" | "тел" | "тис" | "тов" | "упоряд" | "укр" | "франц" | "ч" | "чол"
        // Latin-script abbreviations common in news text.
        | "dr" | "etc" | "inc" | "jr" | "ltd" | "mr" | "mrs" | "ms" | "prof" | "sr" | "st"
        | "vs" => Some(AbbrevClass::Always),
        "грн" | "млн" | "млрд" | "трлн" | "дол" | "коп" | "км" | "кг" | "га" | "см" | "мм"
        | "год" | "хв" | "сек" | "руб" => Some(AbbrevClass::Optional),
        _ => None,
    }
}

/// True when `first. second.` is one abbreviation (`т. зв.`, `т. д.`, `н. е.`, `в. о.`,
/// `e.g.`); both parts are given without their stops.
pub(crate) fn is_two_part(first: &str, second: &str) -> bool {
    let mut buf1 = [0u8; MAX_ABBREV_BYTES];
    let mut buf2 = [0u8; MAX_ABBREV_BYTES];
    let (Some(first), Some(second)) = (
        lowercase_small(first, &mut buf1),
        lowercase_small(second, &mut buf2),
    ) else {
        return false;
    };
    matches!(
        (first, second),
        ("т", "зв" | "д" | "п" | "ч" | "б" | "ін")
            | ("н", "е")
            | ("в", "о")
            | ("e", "g")
            | ("i", "e")
            | ("p", "s")
    )
}

/// True when `first` can start a two-part abbreviation (a cheap pre-check).
pub(crate) fn starts_two_part(first: &str) -> bool {
    matches!(
        first,
        "т" | "Т" | "н" | "Н" | "в" | "В" | "e" | "E" | "i" | "I" | "p" | "P"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_ignore_case() {
        assert_eq!(classify("проф"), Some(AbbrevClass::Always));
        assert_eq!(classify("Проф"), Some(AbbrevClass::Always));
        assert_eq!(classify("ВУЛ"), Some(AbbrevClass::Always));
        assert_eq!(classify("млн"), Some(AbbrevClass::Optional));
        assert_eq!(classify("Київ"), None);
        assert_eq!(classify("рис"), None, "rice is a word");
        assert_eq!(classify(&"д".repeat(40)), None);
        assert_eq!(classify("Упоряд"), Some(AbbrevClass::Always));
        assert_eq!(classify("ПОРІВН"), Some(AbbrevClass::Always));
        assert_eq!(classify("упорядник"), None);
    }

    #[test]
    fn lowercasing_is_char_to_lowercase() {
        let mut buf = [0u8; MAX_ABBREV_BYTES];
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            for word in [
                format!("{c}"),
                format!("Ж{c}a"),
                format!("{c}{c}{c}{c}{c}{c}{c}"),
            ] {
                let expected: String = word.chars().flat_map(char::to_lowercase).collect();
                let got = lowercase_small(&word, &mut buf).map(str::to_owned);
                let fits = word.len() <= MAX_ABBREV_BYTES && expected.len() <= MAX_ABBREV_BYTES;
                assert_eq!(got, fits.then_some(expected), "{word:?}");
            }
        }
    }

    #[test]
    fn two_part() {
        assert!(is_two_part("т", "зв"));
        assert!(is_two_part("Т", "Д"));
        assert!(is_two_part("н", "е"));
        assert!(!is_two_part("т", "к"));
        assert!(starts_two_part("т"));
        assert!(!starts_two_part("к"));
    }
}
