//! Character classes shared by the tokenizer, the normalizer, transliteration and language
//! detection. Everything here is a pure function of one `char`, cheap enough for hot loops.

/// The characters written as the Ukrainian apostrophe, in every variant seen in real text:
/// ASCII `'`, the typographic `’` (U+2019), the modifier letter `ʼ` (U+02BC), the backtick `` ` ``,
/// the prime `′` (U+2032), the left quotation mark `‘` (U+2018) and the acute accent `´` (U+00B4).
///
/// They count as an apostrophe only between two letters; elsewhere they are quotation marks or
/// symbols.
///
/// ```
/// assert!(uk_text::is_apostrophe('’'));
/// assert!(uk_text::is_apostrophe('\''));
/// assert!(!uk_text::is_apostrophe('"'));
/// ```
#[must_use]
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '\u{2018}' | '\u{00B4}'
    )
}

/// True for a character the tokenizer skips between tokens: Unicode white space, the zero-width
/// space (U+200B) and the byte-order mark (U+FEFF).
///
/// ```
/// assert!(uk_text::is_gap('\u{A0}'));
/// assert!(uk_text::is_gap('\u{FEFF}'));
/// assert!(!uk_text::is_gap('a'));
/// ```
#[must_use]
pub fn is_gap(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}'
}

/// True for a letter of the Cyrillic script (any language).
#[must_use]
pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}' | '\u{2DE0}'..='\u{2DFF}' | '\u{A640}'..='\u{A69F}' | '\u{1C80}'..='\u{1C8F}')
        && is_alpha(c)
}

/// True for a letter of the Latin script (basic, Latin-1, extended and Vietnamese blocks).
#[must_use]
pub fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}')
            && is_alpha(c)
            && c != '\u{00D7}'
            && c != '\u{00F7}')
}

/// `char::is_alphabetic` with fast paths for ASCII, Latin-1, Latin Extended and Cyrillic, the
/// scripts of nearly every character this crate sees (the general lookup is a table search).
#[inline]
#[must_use]
pub fn is_alpha(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0x24F => c != '\u{D7}' && c != '\u{F7}',
        0x400..=0x481 | 0x48A..=0x52F => true,
        // Latin Extended Additional: Vietnamese tone-marked vowels, all letters.
        0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric` with the fast paths of [`is_alpha`].
#[inline]
#[must_use]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_alpha(c) || c.is_numeric()
    }
}

/// The lower-case form of `c` and whether `c` is a capital (`None` for an uncased
/// character), with fast paths for ASCII and the Cyrillic letters.
pub(crate) fn fold_case(c: char) -> (char, Option<bool>) {
    let code = u32::from(c);
    let shifted = |by: u32| char::from_u32(code + by).unwrap_or(c);
    match c {
        'A'..='Z' => (c.to_ascii_lowercase(), Some(true)),
        'a'..='z' | 'а'..='я' | 'ѐ'..='џ' => (c, Some(false)),
        'А'..='Я' => (shifted(0x20), Some(true)),
        'Ѐ'..='Џ' => (shifted(0x50), Some(true)),
        'Ґ' => ('ґ', Some(true)),
        'ґ' => (c, Some(false)),
        _ if c.is_ascii() => (c, None),
        // The Latin letters of Vietnamese, without the general tables.
        '\u{C0}'..='\u{DE}' if c != '\u{D7}' => (shifted(0x20), Some(true)),
        '\u{DF}'..='\u{FF}' if c != '\u{F7}' => (c, Some(false)),
        '\u{102}' | '\u{110}' | '\u{128}' | '\u{168}' | '\u{1A0}' | '\u{1AF}' => {
            (shifted(1), Some(true))
        }
        '\u{103}' | '\u{111}' | '\u{129}' | '\u{169}' | '\u{1A1}' | '\u{1B0}' => (c, Some(false)),
        '\u{1EA0}'..='\u{1EF9}' if code % 2 == 0 => (shifted(1), Some(true)),
        '\u{1EA1}'..='\u{1EF9}' => (c, Some(false)),
        _ => {
            let lower = c.to_lowercase().next().unwrap_or(c);
            let case = if c.is_uppercase() {
                Some(true)
            } else if c.is_lowercase() {
                Some(false)
            } else {
                None
            };
            (lower, case)
        }
    }
}

/// True for a combining mark that belongs to the letter before it (stress marks, diacritics
/// in decomposed form).
#[must_use]
pub fn is_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20EF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// The soft hyphen (U+00AD), an invisible hint for line breaking.
pub const SOFT_HYPHEN: char = '\u{00AD}';

/// The combining acute accent (U+0301), the Ukrainian stress mark.
pub const STRESS_MARK: char = '\u{0301}';

/// True for a character that continues a word: a letter, a digit or other numeric character,
/// a combining mark, or a soft hyphen.
#[inline]
#[must_use]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_alnum(c) || is_mark(c) || c == SOFT_HYPHEN
    }
}

/// True for a hyphen that joins the parts of a compound word (`будь-який`): the ASCII
/// hyphen-minus, U+2010 hyphen, U+2011 non-breaking hyphen, and the minus sign U+2212 that
/// some text uses for a hyphen (`Ан−32`).
#[inline]
#[must_use]
pub fn is_joining_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2212}')
}

/// True for a character that starts an emoji: pictographs, dingbats, regional indicators and
/// the other symbol blocks that render as emoji.
#[must_use]
pub fn is_emoji_base(c: char) -> bool {
    matches!(
        c,
        '\u{1F000}'..='\u{1FAFF}'
            | '\u{2600}'..='\u{27BF}'
            | '\u{2B00}'..='\u{2BFF}'
            | '\u{231A}'..='\u{231B}'
            | '\u{23E9}'..='\u{23FA}'
            | '\u{1FC00}'..='\u{1FFFD}'
    )
}

/// True for a character that extends the emoji before it: variation selectors, skin tones,
/// the keycap mark and tag characters.
#[must_use]
pub fn is_emoji_extender(c: char) -> bool {
    matches!(
        c,
        '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{20E3}' | '\u{E0020}'..='\u{E007F}'
    )
}

/// True for a regional indicator letter; two of them make a flag.
#[must_use]
pub fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

/// True for punctuation: ASCII punctuation other than the symbols, quotation marks,
/// guillemets, dashes, the ellipsis and the rest of the General Punctuation block.
#[must_use]
pub fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return matches!(
            c,
            '!' | '"'
                | '\''
                | '('
                | ')'
                | ','
                | '-'
                | '.'
                | '/'
                | ':'
                | ';'
                | '?'
                | '['
                | ']'
                | '{'
                | '}'
                | '_'
        );
    }
    matches!(
        c,
        '\u{00A1}'
            | '\u{00A7}'
            | '\u{00AB}'
            | '\u{00B6}'
            | '\u{00B7}'
            | '\u{00BB}'
            | '\u{00BF}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
            | '\u{2E00}'..='\u{2E7F}'
            | '\u{3000}'..='\u{303F}'
            | '\u{FE10}'..='\u{FE19}'
            | '\u{FE30}'..='\u{FE6F}'
            | '\u{FF01}'..='\u{FF0F}'
            | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}'
    ) && !matches!(
        c,
        '\u{2030}' | '\u{2031}' | '\u{2032}'..='\u{2037}' | '\u{2044}' | '\u{2052}'
    ) && !c.is_alphanumeric()
        && !is_gap(c)
}

/// True for a symbol: ASCII `$ % & * + < = > @ ^ `` ` `` | ~ # \`, currency signs, `°`, `№`,
/// `©`, mathematical operators, arrows and other technical signs.
#[must_use]
pub fn is_symbol(c: char) -> bool {
    if c.is_ascii() {
        return matches!(
            c,
            '$' | '%'
                | '&'
                | '*'
                | '+'
                | '<'
                | '='
                | '>'
                | '@'
                | '^'
                | '`'
                | '|'
                | '~'
                | '#'
                | '\\'
        );
    }
    matches!(
        c,
        '\u{00A2}'..='\u{00A6}'
            | '\u{00A8}'..='\u{00AA}'
            | '\u{00AC}'
            | '\u{00AE}'..='\u{00B1}'
            | '\u{00B4}'
            | '\u{00B8}'
            | '\u{00D7}'
            | '\u{00F7}'
            | '\u{02C2}'..='\u{02C5}'
            | '\u{02D2}'..='\u{02DF}'
            | '\u{2030}'..='\u{2037}'
            | '\u{2044}'
            | '\u{2052}'
            | '\u{20A0}'..='\u{20CF}'
            | '\u{2100}'..='\u{214F}'
            | '\u{2190}'..='\u{23FF}'
            | '\u{2400}'..='\u{24FF}'
            | '\u{2500}'..='\u{25FF}'
            | '\u{2900}'..='\u{2AFF}'
            | '\u{FFE0}'..='\u{FFEE}'
    ) && !c.is_alphanumeric()
}

/// True for the characters that run together into one punctuation token: `...`, `?!`, `!!!`,
/// `…`.
#[must_use]
pub fn is_terminal_punct(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// True for a dash that runs together with its own kind (`--`).
#[must_use]
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}

#[cfg(test)]
mod tests {
    #[test]
    fn fold_case_fast_paths_agree_with_the_unicode_tables() {
        for code in (0..0x2000u32).chain(0x1E00..0x1F00) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let lower = c.to_lowercase().next().unwrap_or(c);
            let case = if c.is_uppercase() {
                Some(true)
            } else if c.is_lowercase() {
                Some(false)
            } else {
                None
            };
            let (folded, got_case) = fold_case(c);
            if c.is_ascii() && !c.is_ascii_alphabetic() {
                assert_eq!((folded, got_case), (c, None));
                continue;
            }
            assert_eq!(folded, lower, "{c:?} U+{code:04X}");
            assert_eq!(got_case, case, "{c:?} U+{code:04X}");
        }
    }

    use super::*;

    #[test]
    fn scripts() {
        for c in "АаЯяЄєІіЇїҐґЁёЫыЪъЭэ".chars() {
            assert!(is_cyrillic(c), "{c}");
            assert!(!is_latin(c), "{c}");
        }
        for c in "AaZzÀàĐđƠơƯưẠạỹ".chars() {
            assert!(is_latin(c), "{c}");
            assert!(!is_cyrillic(c), "{c}");
        }
        assert!(
            !is_cyrillic('\u{0483}'),
            "combining titlo is a mark, not a letter"
        );
        assert!(!is_latin('×'));
    }

    #[test]
    fn classes_do_not_overlap() {
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            let classes = [
                is_gap(c),
                is_word_char(c),
                is_punct(c),
                is_symbol(c) && !is_apostrophe(c),
            ];
            assert!(
                classes.iter().filter(|&&x| x).count() <= 1,
                "{c:?} U+{:04X} is in more than one class",
                c as u32
            );
        }
    }

    #[test]
    fn fast_classes_agree_with_std() {
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_alpha(c), c.is_alphabetic(), "U+{:04X}", c as u32);
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn fast_case_folding_agrees_with_std() {
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            let (lower, case) = fold_case(c);
            assert_eq!(
                lower,
                c.to_lowercase().next().unwrap_or(c),
                "U+{:04X}",
                c as u32
            );
            let expected = if c.is_uppercase() {
                Some(true)
            } else if c.is_lowercase() {
                Some(false)
            } else {
                None
            };
            assert_eq!(case, expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn apostrophes_and_hyphens() {
        for c in ['\'', '’', 'ʼ', '`', '′', '‘', '´'] {
            assert!(is_apostrophe(c));
        }
        assert!(is_joining_hyphen('-'));
        assert!(is_joining_hyphen('\u{2011}'));
        assert!(!is_joining_hyphen('–'));
        assert!(is_dash('—'));
    }
}
