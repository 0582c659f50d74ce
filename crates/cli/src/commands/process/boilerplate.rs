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
    // Counting stops past the most words a furniture line has.
    let words = paragraph
        .split_whitespace()
        .take(2 * SHORT_LINE_WORDS + 1)
        .count();
    if words == 0 || words > 2 * SHORT_LINE_WORDS {
        return None;
    }
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
