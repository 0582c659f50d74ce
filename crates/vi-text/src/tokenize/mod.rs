//! The Vietnamese pre-tokenizer: splits text into syllables, punctuation, numbers, dates,
//! URLs, e-mail addresses, hashtags and emoji, each with its byte span in the input.
//!
//! It is the first step of word segmentation ([`crate::segment`]): every [`TokenKind::Word`]
//! it returns is one syllable (or one foreign word), and the segmenter decides which adjacent
//! syllables form a word. Rules:
//!
//! - Whitespace separates tokens and belongs to none.
//! - An underscore run between two letters or digits of a compound (`bí_mật`,
//!   `Thổ_Nhĩ_Kỳ`: see [`crate::compound::is_compound`]) separates syllables like a space:
//!   segmented text is read back as syllables. [`is_joiner_gap`] tells such gaps apart. In
//!   other words underscores are kept inside the word (`max_words`, `user_id`); anywhere else
//!   they are punctuation.
//! - Words: letters (any script, NFC or NFD) and digits, with inner hyphens and apostrophes
//!   (`Nagorno-Karabakh`, `COVID-19`, `O'Neill`), and dotted upper-case abbreviations glued
//!   to a name (`TP.HCM`). Single letters each followed by a full stop are one abbreviation
//!   (`v.v.`, `T.Ư.`).
//! - Numbers keep their inner separators: `100.000`, `10,5`, `1.000.000,25`; a range `20-25`
//!   is one number. Dates and times: `2/11`, `1/1/2024`, `30-4-1975`, `12:30`. A number
//!   directly followed by letters is one word (`5km`, `20h30`, `4G`).
//! - URLs (`https://…`, `www.…`, `vnexpress.net/…`), e-mail addresses and hashtags or
//!   mentions (`#bầu_cử`, `@vnexpress`) are kept whole; trailing sentence punctuation is not
//!   part of a URL.
//! - Punctuation is one token per character, except runs of `. ! ? - – — … * ~ =` (`...`).
//! - Everything else that is not whitespace is a symbol, an emoji sequence or `Other`, one
//!   token each, so that every non-space byte of the input is in exactly one token.
//!
//! ```
//! use vi_text::tokenize::pretokenize;
//! use core_model::TokenKind;
//!
//! let text = "Ngày 1/1/2024, giá 100.000 đồng (xem https://vnexpress.net).";
//! let mut tokens = Vec::new();
//! pretokenize(text, &mut tokens);
//! let shown: Vec<(&str, TokenKind)> = tokens.iter().map(|t| (t.text(text), t.kind)).collect();
//! assert_eq!(shown[1], ("1/1/2024", TokenKind::Date));
//! assert_eq!(shown[2], (",", TokenKind::Punct));
//! assert_eq!(shown[4], ("100.000", TokenKind::Number));
//! assert_eq!(shown[8], ("https://vnexpress.net", TokenKind::Url));
//! assert_eq!(shown[9], (")", TokenKind::Punct));
//! ```

mod chars;
mod scan;

use core_model::{Span, Token, TokenKind, Tokenizer};

pub(crate) use chars::is_letter;

/// Appends the tokens of `text` to `out` (whose contents are kept). Allocates nothing but
/// `out`'s growth.
pub fn pretokenize(text: &str, out: &mut Vec<Token>) {
    let first = out.len();
    let mut pos = 0;
    while let Some((start, end, kind)) = scan::next_token(text, pos) {
        out.push(Token::new(Span::new(start, end), kind));
        pos = end;
    }
    if text.as_bytes().contains(&b'_') {
        merge_non_compounds(text, out, first);
    }
}

/// Merges back the words split at underscores when their whitespace-delimited token is not
/// a compound ([`crate::compound::is_compound`]): `max_words` and `user_id` are one word
/// each; `bí_mật` stays two syllables.
fn merge_non_compounds(text: &str, tokens: &mut Vec<Token>, first: usize) {
    let underscores_only = |a: &Token, b: &Token| {
        a.span.end < b.span.start
            && text
                .as_bytes()
                .get(a.span.end..b.span.start)
                .is_some_and(|gap| gap.iter().all(|&c| c == b'_'))
    };
    let mut write = first;
    let mut read = first;
    // The whitespace-delimited chunk last looked at, and whether it is a compound: groups of
    // one chunk share it, so each chunk is scanned once.
    let mut chunk: Option<(usize, usize, bool)> = None;
    while read < tokens.len() {
        let mut last = read;
        while last + 1 < tokens.len() && underscores_only(&tokens[last], &tokens[last + 1]) {
            last += 1;
        }
        let mut token = tokens[read];
        if last > read {
            let (start, end) = (tokens[read].span.start, tokens[last].span.end);
            let compound = match chunk {
                Some((chunk_start, chunk_end, compound))
                    if chunk_start <= start && end <= chunk_end =>
                {
                    compound
                }
                _ => {
                    let chunk_start = text[..start]
                        .char_indices()
                        .rev()
                        .find(|&(_, c)| c.is_whitespace())
                        .map_or(0, |(i, c)| i + c.len_utf8());
                    let chunk_end = text[end..]
                        .char_indices()
                        .find(|&(_, c)| c.is_whitespace())
                        .map_or(text.len(), |(i, _)| end + i);
                    let compound = crate::compound::is_compound(&text[chunk_start..chunk_end]);
                    chunk = Some((chunk_start, chunk_end, compound));
                    compound
                }
            };
            if compound {
                last = read;
            } else {
                token = Token::new(Span::new(start, end), TokenKind::Word);
            }
        }
        tokens[write] = token;
        write += 1;
        read = last + 1;
    }
    tokens.truncate(write);
}

/// True when the bytes `text[gap_start..gap_end]` between two tokens are only spaces and
/// underscores and hold at least one underscore: the gap of a compound written `bí_mật`.
///
/// ```
/// use vi_text::tokenize::is_joiner_gap;
/// assert!(is_joiner_gap("bí_mật", 3, 4));
/// assert!(!is_joiner_gap("bí mật", 3, 4));
/// ```
#[must_use]
pub fn is_joiner_gap(text: &str, gap_start: usize, gap_end: usize) -> bool {
    let Some(gap) = text.get(gap_start..gap_end) else {
        return false;
    };
    gap.contains('_') && gap.chars().all(|c| c == '_' || chars::is_space(c))
}

/// The kind of a whitespace-free chunk taken as a whole (used for pre-tokenized input):
/// the kind the pre-tokenizer gives when the chunk is one token; otherwise `Word` when it
/// has a letter, `Number` when it has a digit, `Punct` when it is all punctuation, and
/// `Other` else.
///
/// ```
/// use vi_text::tokenize::chunk_kind;
/// use core_model::TokenKind;
/// assert_eq!(chunk_kind("Hà"), TokenKind::Word);
/// assert_eq!(chunk_kind("2/11"), TokenKind::Date);
/// assert_eq!(chunk_kind("TP."), TokenKind::Word);
/// assert_eq!(chunk_kind("..."), TokenKind::Punct);
/// assert_eq!(chunk_kind("bí_mật"), TokenKind::Word);
/// ```
#[must_use]
pub fn chunk_kind(chunk: &str) -> TokenKind {
    if let Some((start, end, kind)) = scan::next_token(chunk, 0)
        && start == 0
        && end == chunk.len()
    {
        return kind;
    }
    if chunk.chars().any(is_letter) {
        TokenKind::Word
    } else if chunk.chars().any(|c| c.is_numeric()) {
        TokenKind::Number
    } else if !chunk.is_empty()
        && chunk
            .chars()
            .all(|c| chars::classify(c) == chars::CharClass::Punct)
    {
        TokenKind::Punct
    } else {
        TokenKind::Other
    }
}

/// The pre-tokenizer as a [`Tokenizer`].
///
/// ```
/// use core_model::Tokenizer;
/// use vi_text::tokenize::PreTokenizer;
/// let tokens = PreTokenizer.tokenize("Xin chào!");
/// assert_eq!(tokens.len(), 3);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct PreTokenizer;

impl Tokenizer for PreTokenizer {
    fn tokenize_into(&self, text: &str, out: &mut Vec<Token>) {
        pretokenize(text, out);
    }
}

#[cfg(test)]
mod tests;
