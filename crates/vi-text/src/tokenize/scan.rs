//! The scanners of the pre-tokenizer: one function per token shape.

use super::chars::{self, CharClass, is_alnum, is_letter, is_space};
use core_model::TokenKind;

/// The character at byte `pos`, if any.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The character ending at byte `pos`, if any.
#[inline]
fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The end of the run of letters and digits that starts at `pos`.
#[inline]
fn alnum_end(text: &str, pos: usize) -> usize {
    let bytes = text.as_bytes();
    let mut q = pos;
    while let Some(&b) = bytes.get(q) {
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            q += 1;
        } else {
            match char_at(text, q) {
                Some(c) if is_alnum(c) => q += c.len_utf8(),
                _ => break,
            }
        }
    }
    q
}

/// The end of the run of characters satisfying `pred` that starts at `pos`.
#[inline]
fn run_end(text: &str, pos: usize, pred: impl Fn(char) -> bool) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    pos + rest
        .char_indices()
        .find(|&(_, c)| !pred(c))
        .map_or(rest.len(), |(i, _)| i)
}

/// The next token at or after `pos`: `(start, end, kind)`, skipping whitespace and the
/// underscores that join syllables.
pub(crate) fn next_token(text: &str, mut pos: usize) -> Option<(usize, usize, TokenKind)> {
    let bytes = text.as_bytes();
    loop {
        let &b = bytes.get(pos)?;
        if b == b' ' || b == b'\t' || b == b'\n' || b == b'\r' {
            pos += 1;
            continue;
        }
        if b == b'_' {
            let end = pos + bytes[pos..].iter().take_while(|&&b| b == b'_').count();
            let joins = char_before(text, pos).is_some_and(is_alnum)
                && char_at(text, end).is_some_and(is_alnum);
            if joins {
                pos = end;
                continue;
            }
            return Some((pos, end, TokenKind::Punct));
        }
        if let Some(end) = plain_word_end(bytes, pos) {
            return Some((pos, end, TokenKind::Word));
        }
        let c = char_at(text, pos)?;
        if is_space(c) {
            pos += c.len_utf8();
            continue;
        }
        let (end, kind) = scan_at(text, pos, c);
        return Some((pos, end.max(pos + c.len_utf8()), kind));
    }
}

/// The fast path of the most common token: a word of letters (ASCII or the Latin letters
/// of [`chars::is_latin_letter`], digits after the first) starting at `pos` and followed by
/// ASCII whitespace or the end of the text. No other rule applies to such a run (no URL,
/// e-mail, initials, inner mark or number), so the general scan would give the same word.
/// `None` when the token is anything else: the general scan decides.
#[inline]
fn plain_word_end(bytes: &[u8], pos: usize) -> Option<usize> {
    let mut q = pos;
    loop {
        let Some(&b) = bytes.get(q) else {
            return (q > pos).then_some(q);
        };
        if b < 0x80 {
            if b.is_ascii_alphabetic() || (q > pos && b.is_ascii_digit()) {
                q += 1;
                continue;
            }
            return (q > pos && matches!(b, b' ' | b'\t' | b'\n' | b'\r')).then_some(q);
        }
        // A two- or three-byte sequence (the input is valid UTF-8).
        let (c, len) = if b & 0xE0 == 0xC0 {
            let b1 = *bytes.get(q + 1)?;
            (u32::from(b & 0x1F) << 6 | u32::from(b1 & 0x3F), 2)
        } else if b & 0xF0 == 0xE0 {
            let (b1, b2) = (*bytes.get(q + 1)?, *bytes.get(q + 2)?);
            (
                u32::from(b & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F),
                3,
            )
        } else {
            return None;
        };
        if !chars::is_latin_letter(char::from_u32(c)?) {
            return None;
        }
        q += len;
    }
}

/// Scans the token starting with `c` at `pos`.
fn scan_at(text: &str, pos: usize, c: char) -> (usize, TokenKind) {
    if c.is_ascii() {
        if matches!(c, 'h' | 'H' | 'f' | 'F' | 'w' | 'W')
            && let Some(end) = url_with_prefix(text, pos)
        {
            return (end, TokenKind::Url);
        }
        if c.is_ascii_alphanumeric()
            && let Some(end) = email_end(text, pos)
        {
            return (end, TokenKind::Email);
        }
        if (c == '#' || c == '@')
            && let Some(end) = tag_end(text, pos)
        {
            return (end, TokenKind::Hashtag);
        }
    }
    if c.is_ascii_alphabetic() || super::chars::is_latin_letter(c) {
        return word(text, pos, pos);
    }
    if c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()) {
        return number(text, pos);
    }
    if is_alnum(c) {
        return word(text, pos, pos);
    }
    let next = pos + c.len_utf8();
    match chars::classify(c) {
        CharClass::Punct => {
            let end = if matches!(c, '.' | '!' | '?' | '-' | '–' | '—' | '…' | '*' | '~' | '=')
            {
                run_end(text, pos, |d| d == c)
            } else {
                next
            };
            (end, TokenKind::Punct)
        }
        CharClass::Symbol => (next, TokenKind::Symbol),
        CharClass::Emoji => (emoji_end(text, pos, c), TokenKind::Emoji),
        CharClass::Other => (next, TokenKind::Other),
    }
}

/// A word starting at `start`, scanned from `pos` (after a number prefix, `pos > start`).
fn word(text: &str, start: usize, pos: usize) -> (usize, TokenKind) {
    if start == pos
        && let Some(end) = dotted_initials(text, start)
    {
        return (end, TokenKind::Abbreviation);
    }
    let mut q = pos;
    loop {
        q = alnum_end(text, q);
        let Some(c) = char_at(text, q) else { break };
        let after = q + c.len_utf8();
        match c {
            '-' | '\'' | '’' | '\u{2010}' | '\u{2011}'
                if char_at(text, after).is_some_and(is_alnum) =>
            {
                q = after;
            }
            '.' => {
                let head = &text[start..q];
                if head.len() <= 16
                    && is_upper_abbreviation(head)
                    && char_at(text, after).is_some_and(|d| d.is_ascii_uppercase())
                {
                    q = after;
                } else if is_domain_head(head) && tld_follows(text, after) {
                    return (url_end(text, start, q), TokenKind::Url);
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    (q, TokenKind::Word)
}

/// The end of two or more single letters each followed by a full stop (`v.v.`, `T.Ư.`,
/// `U.S.A.`), when no letter or digit follows.
fn dotted_initials(text: &str, start: usize) -> Option<usize> {
    // At most eight initials: the bound keeps a long `a.b.c.…` chain, rescanned from each of
    // its tokens, linear.
    let mut q = start;
    let mut count = 0;
    while count <= 8
        && let Some(c) = char_at(text, q)
        && is_letter(c)
        && char_at(text, q + c.len_utf8()) == Some('.')
    {
        q += c.len_utf8() + 1;
        count += 1;
    }
    ((2..=8).contains(&count) && !char_at(text, q).is_some_and(is_alnum)).then_some(q)
}

/// `TP`, `Q`, `TP.HCM`: one to four upper-case ASCII letters per dotted part.
fn is_upper_abbreviation(head: &str) -> bool {
    head.split('.')
        .all(|part| (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_uppercase()))
}

/// ASCII letters, digits and hyphens, starting with a letter or digit.
fn is_domain_head(head: &str) -> bool {
    head.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphanumeric())
        && head
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

/// Common top-level domains: enough to recognise `vnexpress.net` or `chinhphu.vn` in prose.
const TLDS: [&str; 24] = [
    "com", "net", "org", "vn", "edu", "gov", "info", "io", "co", "uk", "us", "ru", "ua", "de",
    "fr", "jp", "cn", "biz", "tv", "me", "app", "dev", "kr", "int",
];

/// True when a known top-level domain (followed by no letter or digit) starts at `pos`.
fn tld_follows(text: &str, pos: usize) -> bool {
    let end = run_end(text, pos, |c| c.is_ascii_alphabetic());
    let label = &text[pos..end];
    TLDS.iter().any(|t| t.eq_ignore_ascii_case(label))
        && !char_at(text, end).is_some_and(|c| is_alnum(c) && !c.is_ascii())
}

/// A number, date or time starting at `pos`; a word when letters follow directly (`5km`).
fn number(text: &str, pos: usize) -> (usize, TokenKind) {
    let digits = |c: char| c.is_numeric();
    let mut q = run_end(text, pos, digits);
    let (mut slashes, mut colons, mut dashes) = (0, 0, 0);
    let mut groups = GroupLengths::new();
    groups.push(q - pos);
    while let Some(sep @ ('.' | ',' | '/' | ':' | '-')) = char_at(text, q) {
        if !char_at(text, q + 1).is_some_and(|c| c.is_ascii_digit()) {
            break;
        }
        match sep {
            '/' => slashes += 1,
            ':' => colons += 1,
            '-' => dashes += 1,
            _ => {}
        }
        let group_start = q + 1;
        q = run_end(text, group_start, digits);
        groups.push(q - group_start);
    }
    if char_at(text, q).is_some_and(is_letter) {
        return word(text, pos, q);
    }
    let kind = if slashes > 0 || colons > 0 || (dashes == 2 && groups.is_day_month_year()) {
        TokenKind::Date
    } else {
        TokenKind::Number
    };
    (q, kind)
}

/// The lengths of the first digit groups of a number (a fixed-size buffer: no allocation).
struct GroupLengths {
    lengths: [usize; 3],
    count: usize,
}

impl GroupLengths {
    fn new() -> GroupLengths {
        GroupLengths {
            lengths: [0; 3],
            count: 0,
        }
    }

    fn push(&mut self, len: usize) {
        if let Some(slot) = self.lengths.get_mut(self.count) {
            *slot = len;
        }
        self.count += 1;
    }

    /// `30-4-1975`, `1-1-24`: three groups, day and month of one or two digits, year of two
    /// or four.
    fn is_day_month_year(&self) -> bool {
        let [d, m, y] = self.lengths;
        self.count == 3 && (1..=2).contains(&d) && (1..=2).contains(&m) && (y == 2 || y == 4)
    }
}

/// The end of a URL starting at `pos` with a scheme or `www.`.
fn url_with_prefix(text: &str, pos: usize) -> Option<usize> {
    let rest = text.get(pos..)?.as_bytes();
    let prefix_len = ["https://", "http://", "ftp://", "www."]
        .iter()
        .find(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes()))?
        .len();
    let body = char_at(text, pos + prefix_len)?;
    if is_space(body) {
        return None;
    }
    Some(url_end(text, pos, pos + prefix_len))
}

/// The end of a URL starting at `start`, at least `min_end`: up to the next whitespace, less
/// trailing punctuation (and closing brackets that close nothing inside the URL).
fn url_end(text: &str, start: usize, min_end: usize) -> usize {
    let mut end = run_end(text, start, |c| !is_space(c));
    // Bracket balance of the URL, counted once and updated as characters are trimmed, so
    // that trimming stays linear.
    let url = &text[start..end];
    let count = |c: char| url.bytes().filter(|&b| b == c as u8).count() as isize;
    let open = [count('('), count('['), count('{')];
    let mut close = [count(')'), count(']'), count('}')];
    while end > min_end {
        let Some(last) = text[start..end].chars().next_back() else {
            break;
        };
        let bracket = match last {
            ')' => Some(0),
            ']' => Some(1),
            '}' => Some(2),
            _ => None,
        };
        let trim = match (last, bracket) {
            ('.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '»' | '”' | '’' | '…' | '“', _) => {
                true
            }
            (_, Some(b)) => open[b] < close[b],
            _ => false,
        };
        if !trim {
            break;
        }
        if let Some(b) = bracket {
            close[b] -= 1;
        }
        end -= last.len_utf8();
    }
    end
}

/// The end of an e-mail address starting at `pos` (ASCII local part `@` dotted domain).
fn email_end(text: &str, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    // A local part has at most 64 characters; the bound keeps scanning linear in runs like
    // `a.b.c.d…` that are rescanned from each token.
    let mut i = pos;
    while i - pos <= 64 && bytes.get(i).is_some_and(|&b| local(b)) {
        i += 1;
    }
    if i == pos || bytes.get(i) != Some(&b'@') {
        return None;
    }
    let label = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
    let mut j = i + 1;
    let mut labels = 0;
    let mut end = None;
    loop {
        let label_start = j;
        while bytes.get(j).is_some_and(|&b| label(b)) {
            j += 1;
        }
        if j == label_start {
            break;
        }
        labels += 1;
        if labels >= 2 {
            end = Some(j);
        }
        if bytes.get(j) == Some(&b'.') && bytes.get(j + 1).is_some_and(|&b| label(b)) {
            j += 1;
        } else {
            break;
        }
    }
    end
}

/// The end of a hashtag (`#tag`) or mention (`@name`) starting at `pos`.
fn tag_end(text: &str, pos: usize) -> Option<usize> {
    let body = pos + 1;
    if !char_at(text, body).is_some_and(is_alnum) {
        return None;
    }
    let mention = text.as_bytes().get(pos) == Some(&b'@');
    let mut q = body;
    loop {
        q = run_end(text, q, |c| is_alnum(c) || c == '_');
        match char_at(text, q) {
            Some('.') if mention && char_at(text, q + 1).is_some_and(is_alnum) => q += 1,
            _ => break,
        }
    }
    Some(q)
}

/// The end of an emoji sequence starting with `c` at `pos`.
fn emoji_end(text: &str, pos: usize, c: char) -> usize {
    let mut q = pos + c.len_utf8();
    let regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    if regional(c)
        && let Some(d) = char_at(text, q)
        && regional(d)
    {
        return q + d.len_utf8();
    }
    let mut after_joiner = false;
    while let Some(d) = char_at(text, q) {
        if chars::is_emoji_continuation(d) || (after_joiner && chars::is_emoji(d)) {
            after_joiner = d == '\u{200D}';
            q += d.len_utf8();
        } else {
            break;
        }
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Where the fast path answers, the general scan gives the same word.
    fn check_fast_path(text: &str) {
        let bytes = text.as_bytes();
        for pos in 0..text.len() {
            if !text.is_char_boundary(pos) {
                continue;
            }
            let Some(end) = plain_word_end(bytes, pos) else {
                continue;
            };
            let c = char_at(text, pos).unwrap();
            let (general, kind) = scan_at(text, pos, c);
            assert_eq!(
                (general.max(pos + c.len_utf8()), kind),
                (end, TokenKind::Word),
                "{text:?} at {pos}"
            );
        }
    }

    #[test]
    fn fast_path_examples() {
        for text in [
            "Tổng thống Nga Vladimir Putin gặp",
            "www http https ftp G20 COVID 19 a b c",
            "a.b v.v. TP.HCM x@y.vn ho\u{300}a Đ đ ệ\n",
            "5km 20h30 noí Ελλάδα Київ",
        ] {
            check_fast_path(text);
        }
    }

    proptest! {
        #[test]
        fn fast_path_agrees_with_the_general_scan(
            text in "[a-zA-Z0-9àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐ\u{300}\u{301}\u{3A9}\u{416} \t\n._@:/'#-]{0,40}"
        ) {
            check_fast_path(&text);
        }
    }
}
