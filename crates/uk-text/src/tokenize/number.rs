//! Numbers, dates and times.

use super::Scanner;
use crate::chars::is_alpha;
use crate::chars::{is_joining_hyphen, is_word_char};
use core_model::TokenKind;

/// Spaces used between digit groups (`1 000`, `1 000`, `1 000`).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// Longest letter suffix (in characters) after a hyphen that keeps a number a number
/// (`5-й`, `21-го`, `2020-х`, `14-ої`); longer ones make a word (`14-річний`).
const MAX_ORDINAL_SUFFIX: usize = 3;

impl Scanner<'_> {
    /// The value of the ASCII digits `start..end` when there are at most four of them.
    fn small_value(&self, start: usize, end: usize) -> Option<u32> {
        let digits = self.bytes.get(start..end)?;
        if digits.is_empty() || digits.len() > 4 {
            return None;
        }
        Some(
            digits
                .iter()
                .fold(0u32, |v, d| v * 10 + u32::from(d.wrapping_sub(b'0'))),
        )
    }

    /// End of the ASCII digits from `pos`.
    fn digits(&self, pos: usize) -> usize {
        let mut p = pos;
        while self.bytes.get(p).is_some_and(u8::is_ascii_digit) {
            p += 1;
        }
        p
    }

    /// True when no word character follows `pos` (the token ends cleanly there).
    fn ends_word(&self, pos: usize) -> bool {
        !self.char_at(pos).is_some_and(|(c, _)| is_word_char(c))
    }

    /// Extends a number over decimal and thousands separators: `10,5`, `3.14`, `1.000.000`.
    fn fraction(&self, mut end: usize) -> usize {
        while let Some(b'.' | b',') = self.bytes.get(end) {
            let frac_end = self.digits(end + 1);
            if frac_end > end + 1 {
                end = frac_end;
            } else {
                break;
            }
        }
        end
    }

    /// A number, date or time whose first digits are `start..digits_end`.
    pub(super) fn number(&self, start: usize, digits_end: usize) -> (usize, TokenKind) {
        if let Some(end) = self.date_or_time(start, digits_end) {
            return (end, TokenKind::Date);
        }
        let mut end = digits_end;
        // Digit groups separated by spaces: `1 000 000`; only after a short first group.
        if digits_end - start <= 3 {
            while let Some((c, n)) = self.char_at(end) {
                if !is_group_space(c) {
                    break;
                }
                let group_end = self.digits(end + n);
                if group_end - (end + n) == 3 && self.ends_word(group_end) {
                    end = group_end;
                } else {
                    break;
                }
            }
        }
        end = self.fraction(end);
        // Ranges: `2-3`, `0,5-1,5`, `18-19`.
        while let Some((h, n)) = self.char_at(end) {
            if !is_joining_hyphen(h) || !self.bytes.get(end + n).is_some_and(u8::is_ascii_digit) {
                break;
            }
            end = self.fraction(self.digits(end + n));
        }
        // Ranges and suffixes: `2-3`, `18-19-му`, `5-й`, `2020-х`, `14-річний`.
        let (joined_end, joined) = self.join_parts(end);
        if !joined {
            return (end, TokenKind::Number);
        }
        let kind = match self.text.get(end..joined_end) {
            Some(tail) => {
                let last = tail.rsplit(is_joining_hyphen).next().unwrap_or("");
                let letters = last.chars().filter(|&c| is_alpha(c)).count();
                if letters > MAX_ORDINAL_SUFFIX
                    || (letters > 0 && last.chars().any(|c| c.is_ascii_digit()))
                {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                }
            }
            None => TokenKind::Number,
        };
        (joined_end, kind)
    }

    /// A date (`17.09.2023`, `17/09/2023`, `2023-09-17`) or time (`12:30`, `12:30:15`)
    /// starting at `start`, whose first digits end at `first_end`.
    fn date_or_time(&self, start: usize, first_end: usize) -> Option<usize> {
        let sep = *self.bytes.get(first_end)?;
        let first_len = first_end - start;
        let second_start = first_end + 1;
        let second_end = self.digits(second_start);
        let second_len = second_end - second_start;
        match sep {
            b':' => {
                let hour = self.small_value(start, first_end)?;
                let minute = self.small_value(second_start, second_end)?;
                if first_len > 2 || second_len != 2 || hour > 24 || minute > 59 {
                    return None;
                }
                let mut end = second_end;
                if self.bytes.get(end) == Some(&b':') {
                    let third_end = self.digits(end + 1);
                    let second = self.small_value(end + 1, third_end);
                    if third_end - (end + 1) == 2 && second.is_some_and(|s| s <= 59) {
                        end = third_end;
                    }
                }
                self.ends_word(end).then_some(end)
            }
            b'.' | b'/' => {
                if !(1..=2).contains(&first_len) || !(1..=2).contains(&second_len) {
                    return None;
                }
                if self.bytes.get(second_end) != Some(&sep) {
                    return None;
                }
                let year_start = second_end + 1;
                let year_end = self.digits(year_start);
                let year_len = year_end - year_start;
                let day = self.small_value(start, first_end)?;
                let month = self.small_value(second_start, second_end)?;
                let valid = (1..=31).contains(&day)
                    && (1..=12).contains(&month)
                    && (year_len == 2 || year_len == 4);
                (valid && self.ends_word(year_end)).then_some(year_end)
            }
            b'-' => {
                if first_len != 4 || second_len != 2 || self.bytes.get(second_end) != Some(&b'-') {
                    return None;
                }
                let day_start = second_end + 1;
                let day_end = self.digits(day_start);
                let month = self.small_value(second_start, second_end)?;
                let day = self.small_value(day_start, day_end)?;
                let valid = day_end - day_start == 2
                    && (1..=12).contains(&month)
                    && (1..=31).contains(&day);
                (valid && self.ends_word(day_end)).then_some(day_end)
            }
            _ => None,
        }
    }
}
