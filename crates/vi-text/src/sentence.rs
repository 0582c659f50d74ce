//! Sentence splitting for Vietnamese news text, raw (`nói.`) or word-segmented (`nói .`).
//!
//! A sentence ends
//! - at a line break;
//! - after `.`, `!`, `?`, `…` or `...` (closing quotes and brackets after it stay in the
//!   sentence) when the next word starts like a sentence: a capital letter, a digit, an
//!   opening quote, bracket or dash. A full stop does not end a sentence after a title
//!   abbreviation (`TP.`, `PGS.`, `Th.S.`, `ThS.`, `GS.`, `TS.`, `Q.`, `P.`, `Mr.`, …), after
//!   a single capital (`N. V. A.`), or after a list number that opens the sentence (`1.`).
//!   Dates (`17/9`, `1/1/2024`) and numbers (`100.000`, `10,5`) hold no boundary since no
//!   space follows their inner marks; `v.v.` ends a sentence only before a capital;
//! - around a photo or graphics credit (`Ảnh: AFP`, `Đồ họa : AFP`, `Ảnh minh họa: TASS`):
//!   the credit is a sentence of its own ([`SentenceKind::Credit`]) and the sentence just
//!   before it on the same line is its caption ([`SentenceKind::Caption`]).
//!
//! ```
//! use vi_text::sentence::{SentenceKind, sentences};
//! let text = "PGS. TS. Nguyễn Văn A đến TP. Hồ Chí Minh ngày 17/9. Giá 100.000 đồng, v.v. \
//!             Cảnh sát tuần tra. Ảnh: AFP Tuy nhiên, ông nói…";
//! let found: Vec<(&str, SentenceKind)> =
//!     sentences(text).iter().map(|s| (s.span.slice(text), s.kind)).collect();
//! assert_eq!(found, [
//!     ("PGS. TS. Nguyễn Văn A đến TP. Hồ Chí Minh ngày 17/9.", SentenceKind::Text),
//!     ("Giá 100.000 đồng, v.v.", SentenceKind::Text),
//!     ("Cảnh sát tuần tra.", SentenceKind::Caption),
//!     ("Ảnh: AFP", SentenceKind::Credit),
//!     ("Tuy nhiên, ông nói…", SentenceKind::Text),
//! ]);
//! ```

use core_model::Span;

/// What a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SentenceKind {
    /// Running text.
    Text,
    /// The caption of a photo or graphic: the sentence just before a credit.
    Caption,
    /// A photo or graphics credit (`Ảnh: AFP`).
    Credit,
}

/// A sentence: its byte span in the text (from its first to its last non-space character)
/// and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// Where the sentence is.
    pub span: Span,
    /// What it is.
    pub kind: SentenceKind,
}

/// The sentences of `text`, in order.
#[must_use]
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    sentences_into(text, &mut out);
    out
}

/// Appends the sentences of `text` to `out`. Allocates nothing but `out`'s growth once the
/// thread's token buffer has grown.
pub fn sentences_into(text: &str, out: &mut Vec<Sentence>) {
    thread_local! {
        static TOKENS: std::cell::RefCell<Vec<Tok>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    TOKENS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut tokens) => split_into(text, &mut tokens, out),
        // Re-entered on this thread (not done by this module): a buffer of its own.
        Err(_) => split_into(text, &mut Vec::new(), out),
    });
}

fn split_into(text: &str, tokens: &mut Vec<Tok>, out: &mut Vec<Sentence>) {
    tokens.clear();
    tokenize(text, tokens);
    let first_new = out.len();
    let mut splitter = Splitter {
        text,
        tokens,
        out,
        first_new,
        quote_open: false,
    };
    splitter.run();
}

/// Abbreviations whose full stop never ends a sentence (titles, place prefixes).
const TITLES: &[&str] = &[
    "TP", "Tp", "tp", "TT", "TX", "Tx", "Q", "P", "F", "H", "X", "PGS", "GS", "TS", "ThS", "Th.S",
    "ThS", "Ths", "BS", "Bs", "KS", "CN", "NXB", "Nxb", "PV", "ĐT", "Đ/c", "đ/c", "Mr", "Mrs",
    "Ms", "Dr", "St", "No", "Ng", "tr", "Tr", "TS.BS", "PGS.TS", "GS.TS", "Ths.BS", "ThS.BS",
];

/// Labels of photo and graphics credits (their words, before the colon).
const CREDIT_LABELS: &[&[&str]] = &[
    &["Ảnh"],
    &["Ảnh", "minh", "họa"],
    &["Ảnh", "minh", "hoạ"],
    &["Ảnh", "chụp", "màn", "hình"],
    &["Đồ", "họa"],
    &["Đồ", "hoạ"],
    &["Đồ_họa"],
    &["Đồ_hoạ"],
    &["Ảnh_minh_họa"],
    &["Video"],
    &["Clip"],
    &["Infographic"],
    &["Nguồn", "ảnh"],
];

/// The first bytes of the credit labels: most tokens are ruled out by one table lookup.
const CREDIT_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < CREDIT_LABELS.len() {
        table[CREDIT_LABELS[i][0].as_bytes()[0] as usize] = true;
        i += 1;
    }
    table
};

/// News agencies and photo sources that make up a whole credit.
const AGENCIES: &[&str] = &[
    "AFP",
    "AP",
    "EPA",
    "TASS",
    "Reuters",
    "Getty",
    "Sputnik",
    "Xinhua",
    "Bloomberg",
    "CNN",
    "BBC",
    "RIA",
    "TTXVN",
    "VNA",
    "Shutterstock",
    "Twitter",
    "Facebook",
    "X",
    "NYT",
    "WSJ",
];

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    /// A line break lies between this token and the one before.
    line_before: bool,
    /// The token holds an odd number of straight double quotes.
    odd_quotes: bool,
}

/// What a byte of the text is, for the whitespace tokenizer: most bytes are decided by one
/// table lookup; only the lead bytes of the few multi-byte whitespace characters (U+0085,
/// U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) need a decode.
const OTHER: u8 = 0;
const SPACE: u8 = 1;
const LINE: u8 = 2;
const QUOTE: u8 = 3;
const MAYBE_SPACE: u8 = 4;
const BYTE_CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    table[b' ' as usize] = SPACE;
    table[b'\t' as usize] = SPACE;
    table[0x0B] = SPACE;
    table[0x0C] = SPACE;
    table[b'\n' as usize] = LINE;
    table[b'\r' as usize] = LINE;
    table[b'"' as usize] = QUOTE;
    table[0xC2] = MAYBE_SPACE;
    table[0xE1] = MAYBE_SPACE;
    table[0xE2] = MAYBE_SPACE;
    table[0xE3] = MAYBE_SPACE;
    table
};

/// Splits `text` at whitespace into `out` (the same tokens as a split at
/// [`char::is_whitespace`]), noting line breaks and straight quotes.
fn tokenize(text: &str, out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut line = false;
    loop {
        // Whitespace.
        while let Some(&b) = bytes.get(i) {
            match BYTE_CLASS[usize::from(b)] {
                SPACE => i += 1,
                LINE => {
                    line = true;
                    i += 1;
                }
                MAYBE_SPACE => match whitespace_at(text, i) {
                    Some((len, line_break)) => {
                        line |= line_break;
                        i += len;
                    }
                    None => break,
                },
                _ => break,
            }
        }
        if i >= bytes.len() {
            return;
        }
        // A token.
        let start = i;
        let mut quotes = false;
        while let Some(&b) = bytes.get(i) {
            match BYTE_CLASS[usize::from(b)] {
                OTHER => i += 1,
                QUOTE => {
                    quotes = !quotes;
                    i += 1;
                }
                MAYBE_SPACE if whitespace_at(text, i).is_none() => i += 1,
                _ => break,
            }
        }
        out.push(Tok {
            start,
            end: i,
            line_before: line,
            odd_quotes: quotes,
        });
        line = false;
    }
}

/// When a whitespace character starts at byte `i`: its length and whether it breaks lines.
/// Read from the bytes: the multi-byte whitespace characters are U+0085 and U+00A0 (`C2 85`,
/// `C2 A0`), U+1680 (`E1 9A 80`), U+2000–U+200A (`E2 80 80`–`E2 80 8A`), U+2028 and U+2029
/// (`E2 80 A8`, `E2 80 A9`, line breaks), U+202F (`E2 80 AF`), U+205F (`E2 81 9F`) and U+3000
/// (`E3 80 80`).
#[inline]
fn whitespace_at(text: &str, i: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    match (*bytes.get(i)?, *bytes.get(i + 1)?) {
        (0xC2, second) => matches!(second, 0x85 | 0xA0).then_some((2, false)),
        (0xE1, 0x9A) => (*bytes.get(i + 2)? == 0x80).then_some((3, false)),
        (0xE2, 0x80) => match *bytes.get(i + 2)? {
            0x80..=0x8A | 0xAF => Some((3, false)),
            0xA8 | 0xA9 => Some((3, true)),
            _ => None,
        },
        (0xE2, 0x81) => (*bytes.get(i + 2)? == 0x9F).then_some((3, false)),
        (0xE3, 0x80) => (*bytes.get(i + 2)? == 0x80).then_some((3, false)),
        _ => None,
    }
}

/// Bytes that can end a token that ends a sentence: the last byte of `.`, `!`, `?`, `…`
/// (`E2 80 A6`), or of a closer (`)`, `]`, `}`, `"`, `”` `E2 80 9D`, `’` `E2 80 99`, `»`
/// `C2 BB`). Any other last byte rules the token out at once.
const MAY_END: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = [
        b'.', b'!', b'?', 0xA6, b')', b']', b'}', b'"', b'\'', 0x9D, 0x99, 0xBB,
    ];
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

struct Splitter<'a, 'o> {
    text: &'a str,
    tokens: &'a [Tok],
    out: &'o mut Vec<Sentence>,
    first_new: usize,
    quote_open: bool,
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | ')' | ']' | '}' | '"' | '\'')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '«' | '(' | '[' | '{' | '"' | '\'' | '-' | '–' | '—' | '•' | '*'
    )
}

impl Splitter<'_, '_> {
    fn tok(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn push(&mut self, first: usize, last: usize, kind: SentenceKind) {
        if let (Some(a), Some(b)) = (self.tokens.get(first), self.tokens.get(last)) {
            self.out.push(Sentence {
                span: Span::new(a.start, b.end),
                kind,
            });
        }
    }

    fn run(&mut self) {
        let n = self.tokens.len();
        let mut start = 0;
        let mut i = 0;
        while i < n {
            if self.tokens[i].line_before && i > start {
                self.push(start, i - 1, SentenceKind::Text);
                start = i;
            }
            if let Some(last) = self.credit_at(i) {
                if i > start {
                    self.push(start, i - 1, SentenceKind::Text);
                }
                self.mark_caption(i);
                for j in i..=last {
                    self.count_quotes(j);
                }
                self.push(i, last, SentenceKind::Credit);
                start = last + 1;
                i = last + 1;
                continue;
            }
            self.count_quotes(i);
            if self.ends_sentence(i, start) {
                let mut last = i;
                while last + 1 < n
                    && !self.tokens[last + 1].line_before
                    && self.is_closing(last + 1)
                {
                    last += 1;
                    self.count_quotes(last);
                }
                if last + 1 >= n
                    || self.tokens[last + 1].line_before
                    || self.starts_sentence(last + 1)
                {
                    self.push(start, last, SentenceKind::Text);
                    start = last + 1;
                    i = last + 1;
                    continue;
                }
            }
            i += 1;
        }
        if start < n {
            self.push(start, n - 1, SentenceKind::Text);
        }
    }

    fn count_quotes(&mut self, i: usize) {
        if self.tokens.get(i).is_some_and(|t| t.odd_quotes) {
            self.quote_open = !self.quote_open;
        }
    }

    /// A token made only of closing punctuation (a straight quote counts when a quote is
    /// open).
    fn is_closing(&self, i: usize) -> bool {
        let t = self.tok(i);
        !t.is_empty()
            && t.chars().all(|c| {
                if c == '"' {
                    self.quote_open
                } else {
                    is_closer(c) && c != '\''
                }
            })
    }

    /// The previous sentence becomes a caption when it lies on the credit's line.
    fn mark_caption(&mut self, credit: usize) {
        if self.out.len() <= self.first_new {
            return;
        }
        let Some(prev) = self.out.last_mut() else {
            return;
        };
        if prev.kind != SentenceKind::Text {
            return;
        }
        let between = self
            .text
            .get(prev.span.end..self.tokens[credit].start)
            .unwrap_or("\n");
        if !between.contains('\n') {
            prev.kind = SentenceKind::Caption;
        }
    }

    /// When a credit label starts at token `i`, the index of the credit's last token.
    fn credit_at(&self, i: usize) -> Option<usize> {
        let start = self.tokens.get(i)?.start;
        let first_byte = self.text.as_bytes().get(start).copied()?;
        if !CREDIT_FIRST_BYTES[usize::from(first_byte)] {
            return None;
        }
        // Every label's first word starts the token.
        let t = self.tok(i);
        if !CREDIT_LABELS.iter().any(|label| t.starts_with(label[0])) {
            return None;
        }
        for label in CREDIT_LABELS {
            let mut j = i;
            let mut colon_attached = false;
            let mut matched = true;
            for (k, word) in label.iter().enumerate() {
                let t = self.tok(j);
                let last = k + 1 == label.len();
                if t == *word {
                } else if last && t.strip_suffix(':') == Some(word) {
                    colon_attached = true;
                } else {
                    matched = false;
                    break;
                }
                j += 1;
            }
            if !matched {
                continue;
            }
            if !colon_attached {
                if self.tok(j) != ":" {
                    continue;
                }
                j += 1;
            }
            // j is the first token of the credit itself.
            return self.credit_end(j);
        }
        None
    }

    fn credit_end(&self, first: usize) -> Option<usize> {
        let n = self.tokens.len();
        if first >= n || self.tokens[first].line_before {
            return None;
        }
        let t = self.tok(first);
        let core = t.trim_end_matches(['.', ',', ';']);
        let agency = core.split('/').all(|p| {
            AGENCIES.contains(&p) || (p.len() >= 2 && p.chars().all(|c| c.is_uppercase()))
        });
        if agency {
            let mut last = first;
            if core == "Getty" && self.tok(first + 1).trim_end_matches('.') == "Images" {
                last += 1;
            }
            return Some(last);
        }
        // A person's name: up to four capitalised words, stopping at a full stop.
        let mut last = None;
        for j in first..(first + 4).min(n) {
            if j > first && self.tokens[j].line_before {
                break;
            }
            let w = self.tok(j);
            if !w.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            last = Some(j);
            if w.ends_with('.') {
                break;
            }
        }
        last
    }

    fn ends_sentence(&self, i: usize, start: usize) -> bool {
        let last_byte = self
            .tokens
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.end.checked_sub(1)?));
        if !last_byte.is_some_and(|&b| MAY_END[usize::from(b)]) {
            return false;
        }
        let t = self.tok(i);
        let core = t.trim_end_matches(|c: char| is_closer(c) && c != '\'');
        let Some(last) = core.chars().last() else {
            return false;
        };
        match last {
            '!' | '?' | '…' => true,
            '.' => {
                if core.ends_with("..") {
                    return true;
                }
                let word = core.trim_end_matches('.').trim_start_matches(is_opener);
                if word.is_empty() {
                    // A stand-alone full stop (segmented text).
                    return i > start;
                }
                if TITLES.contains(&word) {
                    return false;
                }
                let mut chars = word.chars();
                if chars.next().is_some_and(char::is_uppercase) && chars.next().is_none() {
                    return false;
                }
                if i == start && word.chars().all(|c| c.is_ascii_digit()) {
                    return false;
                }
                true
            }
            _ => false,
        }
    }

    fn starts_sentence(&self, i: usize) -> bool {
        let t = self.tok(i);
        let Some(first) = t.chars().next() else {
            return true;
        };
        if is_opener(first) {
            return true;
        }
        first.is_uppercase() || first.is_ascii_digit() || !first.is_alphabetic()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn abbreviations_dates_decimals() {
        assert_eq!(
            split("Th.S Lê A và ThS. Trần B họp ngày 1/1/2024. Lãi 10,5% trên 100.000 đồng."),
            [
                "Th.S Lê A và ThS. Trần B họp ngày 1/1/2024.",
                "Lãi 10,5% trên 100.000 đồng."
            ]
        );
        assert_eq!(
            split("Ông J. Biden nói. Bà kể"),
            ["Ông J. Biden nói.", "Bà kể"]
        );
        assert_eq!(split("1. Mở đầu"), ["1. Mở đầu"]);
        assert_eq!(split("táo, lê, v.v. và cam"), ["táo, lê, v.v. và cam"]);
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(
            split("Ông nói: “Chúng tôi đi.” Sau đó... Họ về! Sao? “Được”."),
            [
                "Ông nói: “Chúng tôi đi.”",
                "Sau đó...",
                "Họ về!",
                "Sao?",
                "“Được”."
            ]
        );
        assert_eq!(
            split("thông_tin này . \" Cuộc họp tốt \" , ông nói . Hết"),
            ["thông_tin này .", "\" Cuộc họp tốt \" , ông nói .", "Hết"]
        );
        assert_eq!(split("a “b.” C"), ["a “b.”", "C"]);
    }

    #[test]
    fn lines_and_credits() {
        let text = "Tiêu đề\nCảnh_sát tuần_tra . Ảnh : AFP Tuy_nhiên , hết .\nKhu vực. Ảnh minh họa: TASS\nĐồ họa: Ngọc Anh";
        let found: Vec<(&str, SentenceKind)> = sentences(text)
            .iter()
            .map(|s| (s.span.slice(text), s.kind))
            .collect();
        assert_eq!(
            found,
            [
                ("Tiêu đề", SentenceKind::Text),
                ("Cảnh_sát tuần_tra .", SentenceKind::Caption),
                ("Ảnh : AFP", SentenceKind::Credit),
                ("Tuy_nhiên , hết .", SentenceKind::Text),
                ("Khu vực.", SentenceKind::Caption),
                ("Ảnh minh họa: TASS", SentenceKind::Credit),
                ("Đồ họa: Ngọc Anh", SentenceKind::Credit),
            ]
        );
    }

    /// The split at `char::is_whitespace`, char by char: what [`tokenize`] must give.
    fn reference_tokens(text: &str) -> Vec<(usize, usize, bool, bool)> {
        let mut out = Vec::new();
        let mut start = None;
        let mut line = false;
        let mut push = |s: usize, e: usize, line: bool| {
            let odd = text[s..e].matches('"').count() % 2 == 1;
            out.push((s, e, line, odd));
        };
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    push(s, i, line);
                    line = false;
                }
                if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                    line = true;
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            push(s, text.len(), line);
        }
        out
    }

    /// The decoding check this module used first: the reference for [`whitespace_at`].
    fn reference_whitespace_at(text: &str, i: usize) -> Option<(usize, bool)> {
        let c = text.get(i..)?.chars().next()?;
        c.is_whitespace()
            .then(|| (c.len_utf8(), matches!(c, '\u{2028}' | '\u{2029}')))
    }

    #[test]
    fn whitespace_read_from_bytes_as_decoded() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let mut buffer = [0u8; 4];
            let text = &*c.encode_utf8(&mut buffer);
            if BYTE_CLASS[usize::from(text.as_bytes()[0])] == MAYBE_SPACE {
                assert_eq!(
                    whitespace_at(text, 0),
                    reference_whitespace_at(text, 0),
                    "{c:?}"
                );
            } else if c.len_utf8() > 1 {
                assert!(!c.is_whitespace(), "{c:?}");
            }
        }
    }

    fn check_tokens(text: &str) {
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let found: Vec<(usize, usize, bool, bool)> = tokens
            .iter()
            .map(|t| (t.start, t.end, t.line_before, t.odd_quotes))
            .collect();
        assert_eq!(found, reference_tokens(text), "{text:?}");
    }

    #[test]
    fn whitespace_tokens() {
        for text in [
            "",
            "\n a\u{a0}b\u{85}c\u{2028}d\u{3000}e\u{1680}f\u{202f}g \"h\" \"i",
            "Ảnh: AFP\r\n\u{2029}“x” ” … ",
            "\u{1e00}\u{2010}\u{3001}\u{c2a0}",
        ] {
            check_tokens(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn whitespace_tokens_agree_with_the_char_split(
            text in "[a-zĐđẢả\"“”…. \t\n\r\u{0b}\u{0c}\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{3001}\u{e1}\u{2010}]{0,40}"
        ) {
            check_tokens(&text);
        }
    }

    #[test]
    fn empty_and_blank() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\t ").is_empty());
    }
}
