//! The Ukrainian tokenizer.
//!
//! One forward pass over the text with bounded lookahead: no regular expressions, no
//! backtracking, no allocation per token. Each token is a byte span of the input and a
//! [`TokenKind`]; between tokens there are only gap characters ([`is_gap`](crate::is_gap):
//! white space, the zero-width space and the byte-order mark), so the tokens and the gaps
//! between them concatenate back to the input.
//!
//! What is kept whole:
//!
//! | text | kind |
//! |---|---|
//! | `п'ять`, `сім’ї`, `` об`єкт ``, `м′ята` (any apostrophe between letters) | word |
//! | `будь-який`, `Нагірно-Карабаська`, `COVID-19`, `ХАІ-1`, `Ан−32` | word |
//! | `близько-` in `близько- та середньомагістральний` (a hyphen shared with the next word) | word |
//! | `проф.`, `ім.`, `р.`, `ст.`, `тис.`, `вул.`, `мал.`; `т. зв.`, `т.д.`, `в. о.`, `н. е.` | abbreviation |
//! | `млн.`, `грн.` only when the sentence goes on (`5 млн. осіб`) | abbreviation |
//! | `Т.` in `Т. Г. Шевченко`, `Т.Г.Шевченко`, `Коваленко І.П.` | initial |
//! | `1 000`, `10,5`, `3.14`, `1 000 000,25`, `2-3`, `0,5-1,5`, `5-й`, `2020-х` | number |
//! | `17.09.2023`, `17/09/2023`, `2023-09-17`, `12:30`, `12:30:15` | date |
//! | `https://…`, `www.…`, `pravda.com.ua/news`, `DT.UA` | url |
//! | `ivan.petrenko@ukr.net` | email |
//! | `#новини`, `@user` | hashtag |
//! | `😀`, `👍🏽`, `👨‍👩‍👧`, `🇺🇦`, `1️⃣` | emoji |
//! | `...`, `?!`, `!...`, `…`, `--` | punct |
//!
//! Everything else is one character per token: punctuation (`«`, `»`, `—`, `–`, `,`), symbols
//! (`%`, `$`, `№`, `°`) and other characters. A range written with an en dash (`1932–1933`) is
//! three tokens, as in the Ukrainian treebanks; one written with a hyphen (`2-3`) is one.
//!
//! Decisions compared with tokenize-uk (the Python port of LanguageTool's tokenizer), which
//! gives the same tokens on the news page this was designed from: both keep `1 000`, `10,5`,
//! dates, times, URLs and hyphenated words whole; this tokenizer also keeps a two-part
//! abbreviation (`т. зв.`, `т.п.`) as one token, keeps `17/09/2023` whole, attaches the stop of
//! `млн.`/`грн.` only when the sentence goes on, splits en-dash ranges, accepts the prime `′` and
//! the acute `´` as apostrophes, runs in linear time on any line, and never rewrites the text
//! (tokenize-uk turns `’` into `'`; here apostrophes are unified by
//! [`normalize`](crate::normalize)).
//!
//! ```
//! use uk_text::tokenize;
//! use core_model::TokenKind;
//!
//! let text = "Проф. Т. Г. Коваль купив 1 000 акцій за 10,5 млн грн.";
//! let tokens: Vec<(&str, TokenKind)> =
//!     tokenize(text).iter().map(|t| (t.text(text), t.kind)).collect();
//! assert_eq!(tokens[0], ("Проф.", TokenKind::Abbreviation));
//! assert_eq!(tokens[1], ("Т.", TokenKind::Initial));
//! assert_eq!(tokens[5], ("1 000", TokenKind::Number));
//! assert_eq!(tokens[8], ("10,5", TokenKind::Number));
//! assert_eq!(tokens[10], ("грн", TokenKind::Word));
//! assert_eq!(tokens[11], (".", TokenKind::Punct));
//! ```

mod abbrev;
mod address;
mod number;

use crate::chars::{
    SOFT_HYPHEN, is_apostrophe, is_dash, is_emoji_base, is_emoji_extender, is_gap,
    is_joining_hyphen, is_mark, is_punct, is_regional_indicator, is_symbol, is_terminal_punct,
    is_word_char,
};
use crate::chars::{is_alnum, is_alpha};
use abbrev::AbbrevClass;
use core_model::{Span, Token, TokenKind};

/// The Ukrainian tokenizer, for use through the [`core_model::Tokenizer`] trait.
///
/// ```
/// use core_model::Tokenizer;
/// let tokens = uk_text::UkTokenizer.tokenize("Будь-який об’єкт.");
/// assert_eq!(tokens.len(), 3);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct UkTokenizer;

impl core_model::Tokenizer for UkTokenizer {
    fn tokenize_into(&self, text: &str, out: &mut Vec<Token>) {
        tokenize_into(text, out);
    }
}

/// Appends the tokens of `text` to `out`, keeping what `out` already holds.
///
/// ```
/// let mut tokens = Vec::new();
/// uk_text::tokenize_into("Київ, 12:30", &mut tokens);
/// assert_eq!(tokens.len(), 3);
/// ```
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.extend(tokens(text));
}

/// The tokens of `text`.
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    tokens(text).collect()
}

/// An iterator over the tokens of `text`, for callers that consume tokens one at a time.
///
/// ```
/// let words = uk_text::tokens("Добрий день!").filter(|t| t.kind.is_lexical()).count();
/// assert_eq!(words, 2);
/// ```
#[must_use]
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        scanner: Scanner {
            text,
            bytes: text.as_bytes(),
            email_fail_until: 0,
            domain_fail_until: 0,
        },
        pos: 0,
        prev_kind: None,
    }
}

/// The iterator returned by [`tokens`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    scanner: Scanner<'a>,
    pos: usize,
    prev_kind: Option<TokenKind>,
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let s = &mut self.scanner;
        let (c, start) = loop {
            match s.bytes.get(self.pos) {
                Some(b' ') => {
                    self.pos += 1;
                    continue;
                }
                // A Cyrillic letter of U+0400..=U+047F or U+04C0..=U+04FF, or an ASCII letter:
                // no gap, no keycap, so `scan` would go straight to `scan_word_like`.
                Some(&b @ (0xD0 | 0xD1 | 0xD3 | b'a'..=b'z' | b'A'..=b'Z')) => {
                    let start = self.pos;
                    let (end, kind) = s.scan_word_like(start, self.prev_kind);
                    return Some(self.emit(start, end, kind, if b < 0x80 { 1 } else { 2 }));
                }
                // One-character punctuation that `scan` would find through `is_punct`: `,`
                // `;` `:` `(` `)` `"`, and `«` `»` (0xC2 0xAB, 0xC2 0xBB); unless the emoji
                // presentation selector U+FE0F (0xEF 0xB8 0x8F) follows.
                Some(b',' | b';' | b':' | b'(' | b')' | b'"') => {
                    let start = self.pos;
                    if s.bytes.get(start + 1) != Some(&0xEF) {
                        return Some(self.emit(start, start + 1, TokenKind::Punct, 1));
                    }
                }
                // Sentence-final marks and the en and em dashes, as `scan` reads them.
                Some(b'.' | b'!' | b'?') => {
                    let start = self.pos;
                    if s.bytes.get(start + 1) != Some(&0xEF) {
                        let end = s.run(start, is_terminal_punct);
                        return Some(self.emit(start, end, TokenKind::Punct, 1));
                    }
                }
                Some(0xE2)
                    if s.bytes.get(self.pos + 1) == Some(&0x80)
                        && matches!(s.bytes.get(self.pos + 2), Some(0x93 | 0x94)) =>
                {
                    let start = self.pos;
                    if s.bytes.get(start + 3) != Some(&0xEF) {
                        let dash = s.bytes.get(start + 2).copied();
                        let mut end = start;
                        while s.bytes.get(end) == Some(&0xE2)
                            && s.bytes.get(end + 1) == Some(&0x80)
                            && s.bytes.get(end + 2).copied() == dash
                        {
                            end += 3;
                        }
                        return Some(self.emit(start, end, TokenKind::Punct, 3));
                    }
                }
                Some(0xC2) if matches!(s.bytes.get(self.pos + 1), Some(0xAB | 0xBB)) => {
                    let start = self.pos;
                    if s.bytes.get(start + 2) != Some(&0xEF) {
                        return Some(self.emit(start, start + 2, TokenKind::Punct, 2));
                    }
                }
                _ => {}
            }
            let (c, n) = s.char_at(self.pos)?;
            if is_gap(c) {
                self.pos += n;
            } else {
                break (c, self.pos);
            }
        };
        let (end, kind) = s.scan(start, c, self.prev_kind);
        Some(self.emit(start, end, kind, c.len_utf8()))
    }
}

impl Tokens<'_> {
    /// The token `start..end` of `kind`, moving past it. Every branch of the scanner consumes
    /// at least the first character (`first_len` bytes); guard anyway so that the iterator
    /// always ends.
    #[inline]
    fn emit(&mut self, start: usize, end: usize, kind: TokenKind, first_len: usize) -> Token {
        let end = if end > start { end } else { start + first_len };
        self.pos = end;
        self.prev_kind = Some(kind);
        Token::new(Span::new(start, end), kind)
    }
}

/// Cursor state shared by the scanning routines.
#[derive(Debug, Clone)]
pub(crate) struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// No e-mail address starts before this offset (an earlier attempt looked this far).
    email_fail_until: usize,
    /// No bare domain name starts before this offset.
    domain_fail_until: usize,
}

impl<'a> Scanner<'a> {
    /// The character at byte offset `i` and its length; `None` at the end (or off a boundary,
    /// which the scanner never asks for).
    #[inline]
    fn char_at(&self, i: usize) -> Option<(char, usize)> {
        let b = *self.bytes.get(i)?;
        if b < 0x80 {
            return Some((char::from(b), 1));
        }
        // Two-byte sequences (Cyrillic, Latin with diacritics) decoded in place.
        if (0xC2..=0xDF).contains(&b)
            && let Some(&b2) = self.bytes.get(i + 1)
            && b2 & 0xC0 == 0x80
        {
            let c = char::from_u32((u32::from(b & 0x1F) << 6) | u32::from(b2 & 0x3F))?;
            return Some((c, 2));
        }
        let c = self.text.get(i..)?.chars().next()?;
        Some((c, c.len_utf8()))
    }

    /// The character before byte offset `i`.
    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i)?.chars().next_back()
    }

    /// End of the run of word characters starting at `pos`.
    ///
    /// ASCII and the two-byte Cyrillic block (U+0400..=U+04FF) are read off the bytes; other
    /// characters are decoded and asked [`is_word_char`].
    #[inline(always)]
    fn word_run(&self, mut pos: usize) -> usize {
        let bytes = self.bytes;
        // Four two-byte Cyrillic letters at a time: leads 0xD0..=0xD3 at even offsets,
        // continuation bytes at odd ones, and no U+0482 (`҂`, the block's one non-word
        // character) among them.
        while let Some(eight) = bytes.get(pos..).and_then(<[u8]>::first_chunk::<8>) {
            let w = u64::from_le_bytes(*eight);
            let shape = w & 0xC0FC_C0FC_C0FC_C0FC;
            let not_82 = w ^ 0x82D2_82D2_82D2_82D2;
            let has_82 =
                not_82.wrapping_sub(0x0001_0001_0001_0001) & !not_82 & 0x8000_8000_8000_8000;
            if shape != 0x80D0_80D0_80D0_80D0 || has_82 != 0 {
                break;
            }
            pos += 8;
        }
        loop {
            match bytes.get(pos..) {
                Some([b, ..]) if b.is_ascii() => {
                    if !b.is_ascii_alphanumeric() {
                        return pos;
                    }
                    pos += 1;
                    continue;
                }
                Some([0xD0 | 0xD1 | 0xD3, _, ..]) => {
                    pos += 2;
                    continue;
                }
                Some([0xD2, next, ..]) if *next != 0x82 => {
                    pos += 2;
                    continue;
                }
                _ => {}
            }
            match self.char_at(pos) {
                Some((c, n)) if is_word_char(c) => pos += n,
                _ => return pos,
            }
        }
    }

    /// The first character at or after `pos` that is not horizontal white space, and its
    /// offset. Stops at a line break.
    fn next_visible(&self, mut pos: usize) -> Option<(char, usize)> {
        while let Some((c, n)) = self.char_at(pos) {
            if c == '\n' || c == '\r' || !is_gap(c) {
                return Some((c, pos));
            }
            pos += n;
        }
        None
    }

    /// Scans the token starting at `start` with character `c`.
    fn scan(&mut self, start: usize, c: char, prev: Option<TokenKind>) -> (usize, TokenKind) {
        let n = c.len_utf8();
        if is_alnum(c) {
            if let Some(end) = self.keycap(start, c) {
                return (end, TokenKind::Emoji);
            }
            return self.scan_word_like(start, prev);
        }
        if is_emoji_base(c) || is_regional_indicator(c) {
            return (self.emoji(start, c), TokenKind::Emoji);
        }
        match c {
            '#' | '@' => {
                if let Some(end) = self.hashtag(start + 1) {
                    return (end, TokenKind::Hashtag);
                }
                if let Some(end) = self.keycap(start, c) {
                    return (end, TokenKind::Emoji);
                }
            }
            '*' => {
                if let Some(end) = self.keycap(start, c) {
                    return (end, TokenKind::Emoji);
                }
            }
            _ => {}
        }
        if is_mark(c) || c == SOFT_HYPHEN {
            return (self.marks(start + n), TokenKind::Other);
        }
        // A text symbol with the emoji presentation selector (`©️`, `‼️`).
        if matches!(self.char_at(start + n), Some(('\u{FE0F}', _))) {
            return (self.emoji(start, c), TokenKind::Emoji);
        }
        if is_terminal_punct(c) {
            return (self.run(start, is_terminal_punct), TokenKind::Punct);
        }
        if is_dash(c) {
            return (self.run(start, |d| d == c), TokenKind::Punct);
        }
        if is_punct(c) || c == '\'' {
            return (start + n, TokenKind::Punct);
        }
        if is_symbol(c) || is_apostrophe(c) {
            return (start + n, TokenKind::Symbol);
        }
        (self.marks(start + n), TokenKind::Other)
    }

    /// End of a run of characters satisfying `keep`, from `start`.
    fn run(&self, mut pos: usize, keep: impl Fn(char) -> bool) -> usize {
        while let Some((c, n)) = self.char_at(pos) {
            if !keep(c) {
                break;
            }
            pos += n;
        }
        pos
    }

    /// End of the combining marks from `pos`.
    fn marks(&self, pos: usize) -> usize {
        self.run(pos, |c| is_mark(c) || c == SOFT_HYPHEN)
    }

    /// A keycap emoji (`1️⃣`, `#️⃣`) starting at `start`.
    fn keycap(&self, start: usize, c: char) -> Option<usize> {
        if !(c.is_ascii_digit() || c == '#' || c == '*') {
            return None;
        }
        let mut pos = start + 1;
        if let Some(('\u{FE0F}', n)) = self.char_at(pos) {
            pos += n;
        }
        match self.char_at(pos) {
            Some(('\u{20E3}', n)) => Some(pos + n),
            _ => None,
        }
    }

    /// An emoji with its modifiers and zero-width-joined parts, or a flag.
    fn emoji(&self, start: usize, c: char) -> usize {
        let mut pos = start + c.len_utf8();
        if is_regional_indicator(c) {
            if let Some((d, n)) = self.char_at(pos)
                && is_regional_indicator(d)
            {
                pos += n;
            }
            return self.run(pos, is_emoji_extender);
        }
        loop {
            pos = self.run(pos, is_emoji_extender);
            match (self.char_at(pos), self.char_at(pos + 3)) {
                (Some(('\u{200D}', 3)), Some((d, n))) if is_emoji_base(d) => pos += 3 + n,
                _ => return pos,
            }
        }
    }

    /// A hashtag or mention body starting at `pos` (after `#` or `@`).
    fn hashtag(&self, pos: usize) -> Option<usize> {
        match self.char_at(pos) {
            Some((c, _)) if is_alnum(c) => Some(self.run(pos, |c| is_word_char(c) || c == '_')),
            _ => None,
        }
    }

    /// A token starting with a letter or digit: a word, number, date, abbreviation, initial,
    /// URL or e-mail address.
    fn scan_word_like(&mut self, start: usize, prev: Option<TokenKind>) -> (usize, TokenKind) {
        if matches!(
            self.bytes.get(start),
            Some(b'h' | b'H' | b'f' | b'F' | b'w' | b'W')
        ) && let Some(end) = self.scheme_url(start)
        {
            return (end, TokenKind::Url);
        }
        let run_end = self.word_run(start);
        if let Some(b'.' | b'@' | b'_' | b'%' | b'+' | b'-') = self.bytes.get(run_end)
            && let Some((end, email)) = self.address(start)
        {
            {
                let kind = if email {
                    TokenKind::Email
                } else {
                    TokenKind::Url
                };
                return (end, kind);
            }
        }
        if self.bytes.get(start).is_some_and(u8::is_ascii_digit) {
            let digits_end = self.run(start, |c| c.is_ascii_digit());
            if digits_end == run_end {
                return self.number(start, digits_end);
            }
        }
        // Only an apostrophe or a hyphen joins parts; most words end at an ASCII byte that is
        // neither.
        let (end, joined) = match self.bytes.get(run_end) {
            Some(b) if b.is_ascii() && !matches!(b, b'\'' | b'`' | b'-') => (run_end, false),
            None => (run_end, false),
            _ => self.join_parts(run_end),
        };
        if !joined
            && self.bytes.get(end) == Some(&b'.')
            && let Some(found) = self.abbreviation(start, end, prev)
        {
            return found;
        }
        if !joined && let Some(hanging) = self.hanging_hyphen(end) {
            return (hanging, TokenKind::Word);
        }
        (end, TokenKind::Word)
    }

    /// A hyphen that ends a word whose second part is shared with the next word
    /// (`близько- та середньомагістральний`): the end including the hyphen.
    fn hanging_hyphen(&self, end: usize) -> Option<usize> {
        if self
            .bytes
            .get(end)
            .is_some_and(|&b| b.is_ascii() && b != b'-')
        {
            return None;
        }
        let (h, n) = self.char_at(end)?;
        if !is_joining_hyphen(h) || self.bytes.get(end + n) != Some(&b' ') {
            return None;
        }
        let next = end + n + 1;
        let next_end = self.word_run(next);
        let conjunction = self.text.get(next..next_end)?;
        let shared = matches!(conjunction, "та" | "і" | "й" | "або" | "чи" | "and" | "or");
        (shared && self.bytes.get(next_end) == Some(&b' ')).then_some(end + n)
    }

    /// Extends a word over apostrophes between letters and hyphens between word characters.
    /// Returns the end and whether anything was joined.
    fn join_parts(&self, mut end: usize) -> (usize, bool) {
        let mut joined = false;
        while let Some((c, n)) = self.char_at(end) {
            let apostrophe = is_apostrophe(c);
            if !apostrophe && !is_joining_hyphen(c) {
                break;
            }
            let next = self.char_at(end + n);
            let continues = if apostrophe {
                self.char_before(end).is_some_and(is_alpha)
                    && next.is_some_and(|(d, _)| is_alpha(d))
            } else if is_joining_hyphen(c) {
                next.is_some_and(|(d, _)| is_alnum(d))
            } else {
                false
            };
            if !continues {
                break;
            }
            end = self.word_run(end + n);
            joined = true;
        }
        (end, joined)
    }

    /// An abbreviation or initial: `word` spans `start..end` and a full stop follows at `end`.
    fn abbreviation(
        &self,
        start: usize,
        end: usize,
        prev: Option<TokenKind>,
    ) -> Option<(usize, TokenKind)> {
        let word = self.text.get(start..end)?;
        let after_stop = end + 1;
        let next = self.char_at(after_stop);
        if matches!(next, Some(('.' | '…', _))) {
            return None; // an ellipsis follows
        }
        // Two-part abbreviations: `т. зв.`, `т.д.`, `в. о.`.
        if abbrev::starts_two_part(word) {
            let mut p = after_stop;
            if let Some((' ' | '\u{A0}', n)) = self.char_at(p) {
                p += n;
            }
            if self.char_at(p).is_some_and(|(c, _)| is_alpha(c)) {
                let second_end = self.word_run(p);
                if self.bytes.get(second_end) == Some(&b'.')
                    && self
                        .text
                        .get(p..second_end)
                        .is_some_and(|second| abbrev::is_two_part(word, second))
                {
                    return Some((second_end + 1, TokenKind::Abbreviation));
                }
            }
        }
        let mut chars = word.chars();
        let first = chars.next()?;
        let single_upper = chars.next().is_none() && first.is_uppercase();
        if single_upper {
            let name_follows = self
                .next_visible(after_stop)
                .is_some_and(|(c, _)| c.is_uppercase());
            if name_follows || prev == Some(TokenKind::Initial) {
                return Some((after_stop, TokenKind::Initial));
            }
        }
        match abbrev::classify(word)? {
            AbbrevClass::Always => Some((after_stop, TokenKind::Abbreviation)),
            AbbrevClass::Optional => {
                let goes_on = self.next_visible(after_stop).is_some_and(|(c, _)| {
                    c.is_lowercase() || c.is_ascii_digit() || matches!(c, ',' | ';' | ':' | ')')
                });
                goes_on.then_some((after_stop, TokenKind::Abbreviation))
            }
        }
    }
}

#[cfg(test)]
mod tests;
