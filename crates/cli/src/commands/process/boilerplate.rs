//! Site furniture in scraped news pages: photo credits and their captions, promotion lines
//! ("Video đang HOT"), links to another language version ("Читать на русском"), subscribe and
//! share lines ("ЧИТАЙТЕ у TELEGRAM", "Поділитися:"), bylines ("Theo TASS", "Джерело: …").
//!
//! The rules look at whole paragraphs (lines); sentence-level photo credits inside Vietnamese
//! paragraphs come from [`vi_text::sentence`]. What is found is marked, with its reason, never
//! deleted.

/// Why a paragraph or sentence is boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    /// A photo or graphics credit (`Ảnh: AFP`, `Фото: Reuters`).
    PhotoCredit,
    /// The caption a credit belongs to.
    PhotoCaption,
    /// A promotion or teaser line (`Video đang HOT`).
    Promo,
    /// A link to the page in another language (`Читать на русском`).
    LanguageSwitch,
    /// A call to subscribe or follow (`ЧИТАЙТЕ у TELEGRAM`) and its tagline.
    Subscribe,
    /// A share widget (`Поділитися:`).
    Share,
    /// A byline or source line (`Theo TASS`, `Джерело: УНІАН`).
    Byline,
}

impl Reason {
    /// The reason's name in output.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Reason::PhotoCredit => "photo-credit",
            Reason::PhotoCaption => "photo-caption",
            Reason::Promo => "promo",
            Reason::LanguageSwitch => "language-switch",
            Reason::Subscribe => "subscribe",
            Reason::Share => "share",
            Reason::Byline => "byline",
        }
    }

    /// Every reason, in output order.
    pub const ALL: [Reason; 7] = [
        Reason::PhotoCredit,
        Reason::PhotoCaption,
        Reason::Promo,
        Reason::LanguageSwitch,
        Reason::Subscribe,
        Reason::Share,
        Reason::Byline,
    ];
}

/// Whole lines (lower-cased, trailing `:` and spaces removed) that are furniture.
const EXACT: &[(&str, Reason)] = &[
    ("video đang hot", Reason::Promo),
    ("video hot", Reason::Promo),
    ("tin liên quan", Reason::Promo),
    ("xem thêm", Reason::Promo),
    ("đọc thêm", Reason::Promo),
    ("читайте також", Reason::Promo),
    ("читайте также", Reason::Promo),
    ("читать на русском", Reason::LanguageSwitch),
    ("читати українською", Reason::LanguageSwitch),
    ("читать на украинском", Reason::LanguageSwitch),
    ("читати російською", Reason::LanguageSwitch),
    ("русская версия", Reason::LanguageSwitch),
    ("українська версія", Reason::LanguageSwitch),
    ("english version", Reason::LanguageSwitch),
    ("поділитися", Reason::Share),
    ("поделиться", Reason::Share),
    ("share", Reason::Share),
    ("chia sẻ", Reason::Share),
    ("chia sẻ bài viết", Reason::Share),
];

/// Line beginnings (lower-cased) of subscribe calls.
const SUBSCRIBE_PREFIXES: &[&str] = &[
    "читайте у telegram",
    "читайте в telegram",
    "читайте нас у",
    "читайте нас в",
    "підписуйтесь",
    "підписуйтеся",
    "подписывайтесь",
    "підпишіться",
    "subscribe",
    "theo dõi",
    "đăng ký kênh",
];

/// Line beginnings (lower-cased, before a `:`) of photo and graphics credits.
const CREDIT_LABELS: &[&str] = &[
    "фото",
    "фото ілюстративне",
    "ілюстративне фото",
    "ілюстрація",
    "колаж",
    "скриншот",
    "ảnh",
    "ảnh minh họa",
    "ảnh minh hoạ",
    "đồ họa",
    "đồ hoạ",
    "nguồn ảnh",
    "photo",
];

/// Line beginnings (lower-cased, before a `:`) of bylines and source lines.
const BYLINE_LABELS: &[&str] = &["джерело", "автор", "источник", "nguồn", "tác giả", "source"];

/// Most bytes of a furniture line (16 words of Cyrillic or Vietnamese).
const MAX_LINE_BYTES: usize = 400;

/// Most words a credit, byline or tagline line has.
const SHORT_LINE_WORDS: usize = 8;

/// The reason a paragraph (one line, trimmed) is boilerplate, given the reason of the
/// paragraph before it, if any.
#[must_use]
pub fn classify(paragraph: &str, previous: Option<Reason>) -> Option<Reason> {
    // Furniture lines are short: most paragraphs are ruled out by their length alone.
    if paragraph.len() > MAX_LINE_BYTES {
        return None;
    }
    // Most lines are ruled out without lower-casing them. Lower-casing neither makes nor
    // removes spaces, `:`, `.`, `…`, `(` or `)`, so the line is trimmed as it is.
    let bare = paragraph.trim().trim_end_matches([':', ' ', '.', '…']);
    let first = bare
        .trim_start_matches('(')
        .chars()
        .next()
        .and_then(|c| c.to_lowercase().next());
    if !may_be_furniture_at_all(bare, first, previous) {
        return None;
    }
    // Counting stops past the most words a furniture line has.
    let words = count_words_up_to(paragraph, 2 * SHORT_LINE_WORDS + 1);
    if words == 0 || words > 2 * SHORT_LINE_WORDS {
        return None;
    }
    if !may_be_furniture(bare, first, words, previous) {
        return None;
    }
    apply_rules(paragraph, words, previous)
}

/// The rules, on a line of `words` words (1 to twice [`SHORT_LINE_WORDS`]).
fn apply_rules(paragraph: &str, words: usize, previous: Option<Reason>) -> Option<Reason> {
    let lower = paragraph.to_lowercase();
    let bare = lower.trim().trim_end_matches([':', ' ', '.', '…']);
    if let Some(&(_, reason)) = EXACT.iter().find(|(line, _)| *line == bare) {
        return Some(reason);
    }
    if SUBSCRIBE_PREFIXES.iter().any(|p| bare.starts_with(p)) {
        return Some(Reason::Subscribe);
    }
    if words <= SHORT_LINE_WORDS {
        if let Some((label, _)) = bare.split_once(':') {
            let label = label.trim();
            if CREDIT_LABELS.contains(&label) {
                return Some(Reason::PhotoCredit);
            }
            if BYLINE_LABELS.contains(&label) {
                return Some(Reason::Byline);
            }
        }
        // "Theo TASS", "(Theo Reuters)": a short source line in Vietnamese news.
        let inner = bare.trim_start_matches('(').trim_end_matches(')');
        if words <= 5 && inner.starts_with("theo ") && starts_with_capital_after(paragraph, "theo ")
        {
            return Some(Reason::Byline);
        }
        // The tagline under a subscribe call ("найважливіше від «Слово і діло»").
        if previous == Some(Reason::Subscribe) && words <= 6 {
            return Some(Reason::Subscribe);
        }
    }
    None
}

/// The number of whitespace-separated words of `text` (as `split_whitespace` counts them),
/// counting no further than `limit`; whitespace is read off the UTF-8 bytes.
fn count_words_up_to(text: &str, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (space, len) = match b {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => (true, 1),
            0..=0x7F => (false, 1),
            0xC0..=0xDF => (
                b == 0xC2 && matches!(bytes.get(i + 1), Some(0x85 | 0xA0)),
                2,
            ),
            0xE0..=0xEF => {
                // U+1680; U+2000–U+200A, U+2028, U+2029, U+202F; U+205F; U+3000.
                let space = matches!(
                    (b, bytes.get(i + 1), bytes.get(i + 2)),
                    (0xE1, Some(0x9A), Some(0x80))
                        | (0xE2, Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF))
                        | (0xE2, Some(0x81), Some(0x9F))
                        | (0xE3, Some(0x80), Some(0x80))
                );
                (space, 3)
            }
            _ => (false, 4),
        };
        if !space && !in_word {
            words += 1;
            if words >= limit {
                return words;
            }
        }
        in_word = !space;
        i += len;
    }
    words
}

/// False when no rule of [`classify`] can match, told from the line as it is (`bare`:
/// trimmed like the rules trim it; `first`: its first letter after any `(`, lower-cased)
/// without lower-casing it. Lower-casing shrinks a character's UTF-8 at most threefold (the
/// Kelvin sign `K`, three bytes, becomes `k`), so each test below is implied by the rule it
/// stands for.
fn may_be_furniture(
    bare: &str,
    first: Option<char>,
    words: usize,
    previous: Option<Reason>,
) -> bool {
    let tagline = previous == Some(Reason::Subscribe) && words <= 6;
    let Some(first) = first else {
        return tagline;
    };
    // A whole furniture line.
    (bare.len() <= 3 * LONGEST_EXACT_LINE && count_words_up_to(bare, EXACT_WORDS + 1) <= EXACT_WORDS)
        // A subscribe call.
        || SUBSCRIBE_PREFIXES
            .iter()
            .any(|p| p.starts_with(first) && lowercase_starts_with(bare, p))
        // A credit or byline label before a colon.
        || (words <= SHORT_LINE_WORDS
            && bare
                .split_once(':')
                .is_some_and(|(label, _)| label.trim().len() <= 3 * LONGEST_LABEL))
        // "Theo …".
        || (words <= 5
            && first == 't'
            && lowercase_starts_with(bare.trim_start_matches('('), "theo "))
        || tagline
}

/// The tests of [`may_be_furniture`] that need no word count: false for most lines at the
/// cost of a look at their first letter and a search for `:`.
fn may_be_furniture_at_all(bare: &str, first: Option<char>, previous: Option<Reason>) -> bool {
    bare.len() <= 3 * LONGEST_EXACT_LINE
        || first.is_some_and(|c| c == 't' || SUBSCRIBE_PREFIXES.iter().any(|p| p.starts_with(c)))
        || memchr::memchr(b':', bare.as_bytes()).is_some()
        || previous == Some(Reason::Subscribe)
}

/// Bytes of the longest [`EXACT`] line.
const LONGEST_EXACT_LINE: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < EXACT.len() {
        if EXACT[i].0.len() > longest {
            longest = EXACT[i].0.len();
        }
        i += 1;
    }
    longest
};

/// Most words of an [`EXACT`] line.
const EXACT_WORDS: usize = {
    let mut most = 0;
    let mut i = 0;
    while i < EXACT.len() {
        let bytes = EXACT[i].0.as_bytes();
        let mut words = 1;
        let mut j = 0;
        while j < bytes.len() {
            if bytes[j] == b' ' {
                words += 1;
            }
            j += 1;
        }
        if words > most {
            most = words;
        }
        i += 1;
    }
    most
};

/// Bytes of the longest credit or byline label.
const LONGEST_LABEL: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < CREDIT_LABELS.len() {
        if CREDIT_LABELS[i].len() > longest {
            longest = CREDIT_LABELS[i].len();
        }
        i += 1;
    }
    i = 0;
    while i < BYLINE_LABELS.len() {
        if BYLINE_LABELS[i].len() > longest {
            longest = BYLINE_LABELS[i].len();
        }
        i += 1;
    }
    longest
};

/// True when `text` lower-cased starts with `prefix` (lower case), lower-casing only as many
/// characters as it compares.
fn lowercase_starts_with(text: &str, prefix: &str) -> bool {
    let mut lower = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| lower.next() == Some(p))
}

/// True when the word after `prefix` (matched case-insensitively at the start, after any
/// opening bracket) starts with a capital letter: "Theo TASS", not "theo đó".
fn starts_with_capital_after(paragraph: &str, prefix: &str) -> bool {
    let rest = paragraph.trim_start().trim_start_matches('(');
    rest.get(prefix.len()..)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Most words of a caption.
const CAPTION_WORDS: usize = 40;

/// True when a paragraph can be the caption of a credit that follows it: one sentence
/// (no sentence-final mark before its end) of at most [`CAPTION_WORDS`] words.
#[must_use]
pub fn can_be_caption(paragraph: &str) -> bool {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    if words.is_empty() || words.len() > CAPTION_WORDS {
        return false;
    }
    // A word ending a sentence inside the paragraph: `.`, `!`, `?` or `…` followed by a
    // word starting with a capital letter.
    !words.windows(2).any(|pair| {
        pair[0].ends_with(['.', '!', '?', '…'])
            && pair[1].chars().next().is_some_and(char::is_uppercase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`classify`] without its quick rejections (and counting words with
    /// `split_whitespace`): the reference it is checked against.
    fn reference_classify(paragraph: &str, previous: Option<Reason>) -> Option<Reason> {
        if paragraph.len() > MAX_LINE_BYTES {
            return None;
        }
        let words = paragraph
            .split_whitespace()
            .take(2 * SHORT_LINE_WORDS + 1)
            .count();
        if words == 0 || words > 2 * SHORT_LINE_WORDS {
            return None;
        }
        apply_rules(paragraph, words, previous)
    }

    fn furniture_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => prop::sample::select(
                EXACT.iter().map(|(line, _)| *line)
                    .chain(SUBSCRIBE_PREFIXES.iter().copied())
                    .chain(CREDIT_LABELS.iter().copied())
                    .chain(BYLINE_LABELS.iter().copied())
                    .chain(["Theo", "theo ", "(", ")", ":", ": ", " ", ".", "…", "TASS", "\u{212A}",
                        "İ", "ẞ", "Ảnh", "ФОТО", "ЧИТАЙТЕ", "TELEGRAM", "Reuters", "đó", "x",
                        "\u{A0}", "Ч", "Đ", "Th"])
                    .collect::<Vec<_>>(),
            ).prop_map(str::to_owned),
            1 => any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    #[test]
    fn the_bounds_fit_the_lists() {
        let exact = || EXACT.iter().map(|(line, _)| *line);
        assert_eq!(LONGEST_EXACT_LINE, exact().map(str::len).max().unwrap_or(0));
        assert_eq!(
            EXACT_WORDS,
            exact()
                .map(|l| l.split_whitespace().count())
                .max()
                .unwrap_or(0)
        );
        let labels = CREDIT_LABELS.iter().chain(BYLINE_LABELS);
        assert_eq!(LONGEST_LABEL, labels.map(|l| l.len()).max().unwrap_or(0));
    }

    #[test]
    fn words_are_counted_at_every_whitespace_character() {
        for c in (char::MIN..=char::MAX).filter(|c| !c.is_ascii_alphanumeric()) {
            let text = format!("a{c}b {c}c{c}");
            let expected = text.split_whitespace().count();
            assert_eq!(count_words_up_to(&text, usize::MAX), expected, "{c:?}");
        }
    }

    proptest! {
        #[test]
        fn words_are_counted_as_split_whitespace_does(text in "\\PC*", limit in 1usize..20) {
            let expected = text.split_whitespace().take(limit).count();
            prop_assert_eq!(count_words_up_to(&text, limit), expected);
        }

        #[test]
        fn quick_rejection_changes_nothing(
            line in furniture_like(),
            previous in prop::option::of(prop::sample::select(Reason::ALL.to_vec())),
        ) {
            prop_assert_eq!(classify(&line, previous), reference_classify(&line, previous));
            let upper = line.to_uppercase();
            prop_assert_eq!(classify(&upper, previous), reference_classify(&upper, previous));
        }
    }

    #[test]
    fn furniture_lines_of_both_languages() {
        assert_eq!(classify("Video đang HOT", None), Some(Reason::Promo));
        assert_eq!(
            classify("Читать на русском", None),
            Some(Reason::LanguageSwitch)
        );
        assert_eq!(
            classify("ЧИТАЙТЕ у TELEGRAM", None),
            Some(Reason::Subscribe)
        );
        assert_eq!(
            classify("найважливіше від «Слово і діло»", Some(Reason::Subscribe)),
            Some(Reason::Subscribe)
        );
        assert_eq!(classify("Поділитися:", None), Some(Reason::Share));
        assert_eq!(classify("Фото: росЗМІ", None), Some(Reason::PhotoCredit));
        assert_eq!(
            classify("Ảnh minh họa: TASS", None),
            Some(Reason::PhotoCredit)
        );
        assert_eq!(classify("Theo TASS", None), Some(Reason::Byline));
        assert_eq!(classify("Джерело: УНІАН", None), Some(Reason::Byline));
    }

    #[test]
    fn captions_are_single_short_sentences() {
        assert!(can_be_caption(
            "Xe buýt điện dừng đón khách tại bến sáng 28/2."
        ));
        assert!(!can_be_caption(
            "Giá rau giảm nhẹ. Nhiều tiểu thương cho biết lượng hàng tăng."
        ));
        assert!(!can_be_caption(&"слово ".repeat(41)));
        assert!(!can_be_caption(""));
    }

    #[test]
    fn running_text_is_not_furniture() {
        assert_eq!(
            classify("Про це повідомляє Politico із посиланням на джерела.", None),
            None
        );
        assert_eq!(classify("theo đó, hai bên nhất trí", None), None);
        assert_eq!(
            classify(
                "Theo một tuyên bố chung đưa ra sau cuộc gặp, Armenia và Azerbaijan nhất trí.",
                None
            ),
            None
        );
        assert_eq!(classify("найважливіше від «Слово і діло»", None), None);
        assert_eq!(
            classify(
                "Фото зроблено вчора біля будинку уряду: так виглядає площа",
                None
            ),
            None
        );
        assert_eq!(classify("", None), None);
    }
}
