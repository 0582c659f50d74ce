//! Character classes of the pre-tokenizer.

use crate::letter::is_word_char;

/// True for characters that make up words and numbers: letters of any script, combining
/// marks and digits of any script.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if is_latin_letter(c) {
        // Every Vietnamese letter, without a table lookup.
        return true;
    }
    match c as u32 {
        // General punctuation and the symbol blocks after it.
        0x2000..=0x20CF => false,
        _ => is_word_char(c) || c.is_numeric(),
    }
}

/// True for the non-ASCII Latin letters of Vietnamese (and most European languages) and
/// combining marks: a range check, no table lookup.
#[inline]
pub(crate) fn is_latin_letter(c: char) -> bool {
    matches!(c as u32, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x300..=0x36F | 0x1E00..=0x1EFF)
}

/// True for letters and combining marks (no digits).
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    is_word_char(c)
}

/// True for the characters that separate tokens. Underscores are handled apart (they join
/// syllables of segmented text).
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// What a single non-alphanumeric, non-space character is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CharClass {
    Punct,
    Symbol,
    Emoji,
    Other,
}

/// Classifies a character that is neither a space nor alphanumeric.
pub(crate) fn classify(c: char) -> CharClass {
    if c.is_ascii() {
        return match c {
            '!' | '"' | '#' | '&' | '\'' | '(' | ')' | '*' | ',' | '-' | '.' | '/' | ':' | ';'
            | '?' | '@' | '[' | '\\' | ']' | '_' | '{' | '}' => CharClass::Punct,
            '$' | '%' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~' => CharClass::Symbol,
            _ => CharClass::Other,
        };
    }
    if is_emoji(c) {
        return CharClass::Emoji;
    }
    match c as u32 {
        // Latin-1 punctuation: ¡ § « ¶ · » ¿
        0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF => CharClass::Punct,
        // Latin-1 symbols: ¢ £ ¤ ¥ ¦ ¨ © ¬ ® ¯ ° ± ´ × ÷
        0xA2..=0xA6 | 0xA8 | 0xA9 | 0xAC | 0xAE..=0xB1 | 0xB4 | 0xD7 | 0xF7 => CharClass::Symbol,
        // General punctuation: dashes, quotes, bullets, ellipsis, primes, …
        0x2010..=0x2027 | 0x2030..=0x205E => CharClass::Punct,
        // Currency, letterlike, number forms, arrows, maths, technical, box drawing, shapes.
        0x20A0..=0x20CF | 0x2100..=0x214F | 0x2190..=0x23FF | 0x2500..=0x25FF => CharClass::Symbol,
        // Supplemental punctuation, CJK punctuation, full-width ASCII punctuation.
        0x2E00..=0x2E7F | 0x3000..=0x303F => CharClass::Punct,
        0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 => CharClass::Punct,
        _ => CharClass::Other,
    }
}

/// True for pictographs that start an emoji sequence.
#[inline]
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(
        c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF
    )
}

/// True for characters that continue an emoji sequence: variation selectors, zero-width
/// joiner, skin-tone modifiers, tags, the keycap mark.
#[inline]
pub(crate) fn is_emoji_continuation(c: char) -> bool {
    matches!(
        c as u32,
        0xFE0E | 0xFE0F | 0x200D | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0x20E3
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_alnum('ệ'));
        assert!(is_alnum('7'));
        assert!(is_alnum('\u{0300}'));
        assert!(!is_alnum('_'));
        assert_eq!(classify(','), CharClass::Punct);
        assert_eq!(classify('%'), CharClass::Symbol);
        assert_eq!(classify('…'), CharClass::Punct);
        assert_eq!(classify('“'), CharClass::Punct);
        assert_eq!(classify('€'), CharClass::Symbol);
        assert_eq!(classify('😀'), CharClass::Emoji);
        assert_eq!(classify('\u{200B}'), CharClass::Other);
    }
}
