//! Sentence splitting for Ukrainian news text, over the tokens of [`crate::tokenize`].
//!
//! A sentence ends
//! - at a line break;
//! - after `.`, `!`, `?`, `…` or `...` (closing quotes and brackets after it stay in the
//!   sentence) when the next token starts like a sentence: a capital letter, a digit, an
//!   opening quote or bracket, or a dash;
//! - after an abbreviation that often closes a sentence (`р.`, `рр.`, `ст.` as "century",
//!   `т. д.`, `т. ін.`, `тощо.`) when the next token starts with a capital letter.
//!
//! Other abbreviations (`проф.`, `ім.`, `т. зв.`, `див.`) and initials (`Т. Г. Шевченко`)
//! never end a sentence, since the tokenizer keeps their full stops inside the token.
//!
//! ```
//! use uk_text::sentence::sentences;
//! let text = "Проф. Т. Г. Шевченко прийшов у 2024 р. Потім пішов! «Добре», — сказав він.\nДругий рядок";
//! let found: Vec<&str> = sentences(text).iter().map(|s| s.slice(text)).collect();
//! assert_eq!(found, [
//!     "Проф. Т. Г. Шевченко прийшов у 2024 р.",
//!     "Потім пішов!",
//!     "«Добре», — сказав він.",
//!     "Другий рядок",
//! ]);
//! ```

use core_model::{Span, Token, TokenKind};

/// Abbreviations (as the tokenizer writes them, lower-cased) after which a capital letter
/// starts a new sentence.
const CLOSING_ABBREVIATIONS: &[&str] = &[
    "р.",
    "рр.",
    "ст.",
    "т. д.",
    "т.д.",
    "т. ін.",
    "т.ін.",
    "т. п.",
    "т.п.",
    "тощо.",
    "грн.",
    "коп.",
    "тис.",
    "млн.",
    "млрд.",
];

/// The sentences of `text`: spans from the first to the last token of each sentence.
#[must_use]
pub fn sentences(text: &str) -> Vec<Span> {
    let tokens = crate::tokenize(text);
    let mut out = Vec::new();
    sentences_into(text, &tokens, &mut out);
    out
}

/// Appends the sentences of `text` to `out`, given the tokens of `text` (from
/// [`crate::tokenize_into`]; spans into `text`).
pub fn sentences_into(text: &str, tokens: &[Token], out: &mut Vec<Span>) {
    let mut first: Option<usize> = None;
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        let start = *first.get_or_insert(i);
        let mut end = i;
        let mut split = false;
        if ends_sentence(text, &token) {
            // Closing quotes and brackets stay with the sentence they close.
            while let Some(next) = tokens.get(end + 1) {
                if is_closing(next.text(text)) && !line_break_between(text, &tokens[end], next) {
                    end += 1;
                } else {
                    break;
                }
            }
            split = match tokens.get(end + 1) {
                None => true,
                Some(next) => {
                    let next_text = next.text(text);
                    if token.kind == TokenKind::Abbreviation {
                        starts_with_capital(next_text)
                    } else {
                        starts_like_sentence(next_text)
                    }
                }
            };
        }
        if let Some(next) = tokens.get(end + 1) {
            split |= line_break_between(text, &tokens[end], next);
        } else {
            split = true;
        }
        if split {
            out.push(tokens[start].span.cover(tokens[end].span));
            first = None;
        }
        i = end + 1;
    }
}

/// True when the token is a sentence-final mark or a sentence-closing abbreviation.
fn ends_sentence(text: &str, token: &Token) -> bool {
    if !matches!(token.kind, TokenKind::Punct | TokenKind::Abbreviation) {
        return false;
    }
    let form = token.text(text);
    match token.kind {
        TokenKind::Punct => {
            matches!(
                form,
                "." | "!" | "?" | "…" | "..." | "?!" | "!?" | "!!" | "??" | "!.."
            ) || (form.len() > 1 && form.chars().all(|c| matches!(c, '.' | '!' | '?' | '…')))
        }
        TokenKind::Abbreviation => {
            let mut lower = [0u8; 32];
            lowercase_into(form, &mut lower).is_some_and(|l| CLOSING_ABBREVIATIONS.contains(&l))
        }
        _ => false,
    }
}

/// Lower-cases a short form into `buf`; `None` when it does not fit.
fn lowercase_into<'b>(form: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let mut len = 0;
    for c in form.chars().flat_map(char::to_lowercase) {
        let mut tmp = [0u8; 4];
        let bytes = c.encode_utf8(&mut tmp).as_bytes();
        buf.get_mut(len..len + bytes.len())?.copy_from_slice(bytes);
        len += bytes.len();
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

fn is_closing(form: &str) -> bool {
    matches!(form, "»" | "\"" | "”" | "“" | "'" | ")" | "]" | "’")
}

fn starts_with_capital(form: &str) -> bool {
    form.chars().next().is_some_and(char::is_uppercase)
}

fn starts_like_sentence(form: &str) -> bool {
    form.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '«' | '"' | '„' | '“' | '(' | '[' | '–' | '—' | '-' | '\''
            )
    })
}

fn line_break_between(text: &str, a: &Token, b: &Token) -> bool {
    // The gap between two tokens is short (mostly one space): a plain byte loop is cheaper
    // than a general search. A line feed byte is always the character itself in UTF-8. The
    // bytes are read first; only a gap with a line feed has its ends checked for character
    // boundaries (as `str::get` would: a gap that is no `str` slice has no line break).
    let (start, end) = (a.span.end, b.span.start);
    let Some(gap) = text.as_bytes().get(start..end) else {
        return false;
    };
    for &byte in gap {
        if byte == b'\n' {
            return text.is_char_boundary(start) && text.is_char_boundary(end);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_found_only_in_str_gaps() {
        let text = "Він\nі ї\r\n«Так»\n\nє";
        let token = |start, end| Token::new(Span::new(start, end), TokenKind::Word);
        for a_end in 0..=text.len() + 1 {
            for b_start in 0..=text.len() + 1 {
                let expected = text
                    .get(a_end..b_start)
                    .is_some_and(|gap| gap.contains('\n'));
                let got = line_break_between(text, &token(0, a_end), &token(b_start, b_start));
                assert_eq!(got, expected, "{a_end}..{b_start}");
            }
        }
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn splits_at_final_marks_before_capitals() {
        assert_eq!(
            split("Він прийшов. Вона пішла? Так! А потім… ні."),
            ["Він прийшов.", "Вона пішла?", "Так!", "А потім… ні."]
        );
    }

    #[test]
    fn keeps_lowercase_continuations_and_titles() {
        assert_eq!(
            split("Ціна зросла на 10,5 грн. і не впала. Див. ст. 5 закону."),
            ["Ціна зросла на 10,5 грн. і не впала.", "Див. ст. 5 закону."]
        );
        assert_eq!(
            split("Зустріч з проф. Іваненком"),
            ["Зустріч з проф. Іваненком"]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("Він сказав: «Так.» Потім вийшов."),
            ["Він сказав: «Так.»", "Потім вийшов."]
        );
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(
            split("Заголовок\nТекст статті"),
            ["Заголовок", "Текст статті"]
        );
        assert!(split("").is_empty());
        assert!(split(" \n \n").is_empty());
    }

    #[test]
    fn spans_are_in_order_and_inside_the_text() {
        let text =
            "Перше речення. Друге речення!\n«Третє» — сказав він. 4 квітня 2024 р. Президент";
        let spans = sentences(text);
        assert_eq!(spans.len(), 5, "{:?}", split(text));
        for pair in spans.windows(2) {
            assert!(pair[0].end <= pair[1].start);
        }
        assert!(spans.iter().all(|s| s.get(text).is_some()));
    }
}
