//! Latin and Cyrillic letters that look alike, and the Cyrillic letters written decomposed.

/// A Latin letter's Cyrillic look-alike, and whether the Latin letter carried an acute accent
/// (`á` written for a stressed `а`).
///
/// With `folded` (the normalizer lower-cases), the letter is lower-cased first and lower-case
/// `b h k m t` also count, since their capitals look like `В Н К М Т`.
pub(super) fn latin_to_cyrillic(c: char, folded: bool) -> Option<(char, bool)> {
    if folded {
        let l = c.to_lowercase().next().unwrap_or(c);
        return Some(match l {
            'a' => ('а', false),
            'c' => ('с', false),
            'e' => ('е', false),
            'i' => ('і', false),
            'o' => ('о', false),
            'p' => ('р', false),
            'x' => ('х', false),
            'y' => ('у', false),
            'ï' => ('ї', false),
            'b' => ('в', false),
            'h' => ('н', false),
            'k' => ('к', false),
            'm' => ('м', false),
            't' => ('т', false),
            'á' => ('а', true),
            'é' => ('е', true),
            'ó' => ('о', true),
            'í' => ('і', true),
            'ý' => ('у', true),
            _ => return None,
        });
    }
    Some(match c {
        'a' => ('а', false),
        'c' => ('с', false),
        'e' => ('е', false),
        'i' => ('і', false),
        'o' => ('о', false),
        'p' => ('р', false),
        'x' => ('х', false),
        'y' => ('у', false),
        'ï' => ('ї', false),
        'A' => ('А', false),
        'B' => ('В', false),
        'C' => ('С', false),
        'E' => ('Е', false),
        'H' => ('Н', false),
        'I' => ('І', false),
        'K' => ('К', false),
        'M' => ('М', false),
        'O' => ('О', false),
        'P' => ('Р', false),
        'T' => ('Т', false),
        'X' => ('Х', false),
        'Y' => ('У', false),
        'Ï' => ('Ї', false),
        'á' => ('а', true),
        'é' => ('е', true),
        'ó' => ('о', true),
        'í' => ('і', true),
        'ý' => ('у', true),
        'Á' => ('А', true),
        'É' => ('Е', true),
        'Ó' => ('О', true),
        'Í' => ('І', true),
        'Ý' => ('У', true),
        _ => return None,
    })
}

/// A Cyrillic letter's Latin look-alike (the inverse of [`latin_to_cyrillic`] without accents).
pub(super) fn cyrillic_to_latin(c: char, folded: bool) -> Option<char> {
    if folded {
        let l = c.to_lowercase().next().unwrap_or(c);
        return Some(match l {
            'а' => 'a',
            'с' => 'c',
            'е' => 'e',
            'і' => 'i',
            'о' => 'o',
            'р' => 'p',
            'х' => 'x',
            'у' => 'y',
            'ї' => 'ï',
            'в' => 'b',
            'н' => 'h',
            'к' => 'k',
            'м' => 'm',
            'т' => 't',
            _ => return None,
        });
    }
    Some(match c {
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'і' => 'i',
        'о' => 'o',
        'р' => 'p',
        'х' => 'x',
        'у' => 'y',
        'ї' => 'ï',
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'І' => 'I',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'Ї' => 'Ï',
        _ => return None,
    })
}

/// The precomposed Cyrillic letter for a letter followed by a combining breve or diaeresis
/// (`и` + U+0306 = `й`, `і` + U+0308 = `ї`), as text from macOS file systems and some PDFs has
/// them.
pub(super) fn compose(base: char, mark: char) -> Option<char> {
    Some(match (base, mark) {
        ('и', '\u{0306}') => 'й',
        ('И', '\u{0306}') => 'Й',
        ('у', '\u{0306}') => 'ў',
        ('У', '\u{0306}') => 'Ў',
        ('і', '\u{0308}') => 'ї',
        ('І', '\u{0308}') => 'Ї',
        ('е', '\u{0308}') => 'ё',
        ('Е', '\u{0308}') => 'Ё',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_inverse() {
        for folded in [false, true] {
            for c in (0x20u32..0x530).filter_map(char::from_u32) {
                if let Some((cyr, false)) = latin_to_cyrillic(c, folded) {
                    let back = cyrillic_to_latin(cyr, folded).expect("inverse exists");
                    let expected = if folded {
                        c.to_lowercase().next().unwrap_or(c)
                    } else {
                        c
                    };
                    assert_eq!(back, expected, "{c}");
                }
            }
        }
    }

    #[test]
    fn composition() {
        assert_eq!(compose('и', '\u{0306}'), Some('й'));
        assert_eq!(compose('І', '\u{0308}'), Some('Ї'));
        assert_eq!(compose('а', '\u{0306}'), None);
    }
}
