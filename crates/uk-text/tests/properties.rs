//! Property tests: the invariants of the tokenizer, the normalizer and transliteration hold
//! on any input.

use core_model::Tokenizer;
use proptest::prelude::*;
use uk_text::{Normalizer, UkTokenizer, is_gap, normalize, tokenize, translit};

/// Text drawn mostly from the characters the rules care about, plus any character at all.
fn ukrainian_like() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        4 => prop::sample::select(vec![
            "Київ", "п'ять", "сім’ї", "об`єкт", "м′ята", "будь-який", "Нагірно-Карабаська",
            "т. зв.", "проф.", "ім.", "р.", "ст.", "тис.", "млн", "грн.", "Т. Г. Шевченко",
            "1 000", "10,5", "17.09.2023", "12:30", "https://pravda.com.ua/a?b=1", "www.ukr.net",
            "ivan@ukr.net", "#новини", "@user", "😀", "👍🏽", "🇺🇦", "1️⃣", "«", "»", "—", "–", "...",
            "Politico", "COVID-19", "5-й", "2-3", "Kиїв", "i", "a", "заво\u{301}д", "об\u{AD}ласть",
            "и\u{306}", "і\u{308}", "ЩУКА", "Згорани", "Мар'їне", "Т.Г.", "DT.UA", ".", ",", "-",
            "'", "’", "ʼ", "\u{200B}", "\u{FEFF}", "\u{A0}", "\u{202F}", "@", "#", "%", "$", "(",
            ")", "a.b.c", "x@y", "İ", "ǅ", "\u{0}",
        ]).prop_map(str::to_owned),
        2 => prop::sample::select(vec![" ", " ", "\n", "\t", "\r\n"]).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Zа-яА-ЯіїєґІЇЄҐ0-9 .,:@/'’-]{1,12}",
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![ukrainian_like(), any::<String>()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Tokens are in order, on character boundaries, non-empty, and the gaps between them are
    /// gap characters only, so tokens and gaps concatenate back to the input.
    #[test]
    fn tokens_cover_the_input(text in any_text()) {
        let tokens = tokenize(&text);
        let mut rebuilt = String::with_capacity(text.len());
        let mut pos = 0;
        for token in &tokens {
            prop_assert!(token.span.start >= pos, "overlap at {}", token.span.start);
            prop_assert!(!token.span.is_empty());
            let gap = text.get(pos..token.span.start);
            prop_assert!(gap.is_some(), "gap off a char boundary");
            let gap = gap.unwrap_or_default();
            prop_assert!(gap.chars().all(is_gap), "non-gap {gap:?} skipped");
            rebuilt.push_str(gap);
            let piece = token.span.get(&text);
            prop_assert!(piece.is_some(), "token off a char boundary");
            let piece = piece.unwrap_or_default();
            prop_assert!(!piece.starts_with(is_gap), "token starts with a gap: {piece:?}");
            rebuilt.push_str(piece);
            pos = token.span.end;
        }
        let tail = text.get(pos..).unwrap_or_default();
        prop_assert!(tail.chars().all(is_gap));
        rebuilt.push_str(tail);
        prop_assert_eq!(rebuilt, text.clone());

        // The trait, the iterator and `tokenize_into` agree.
        prop_assert_eq!(UkTokenizer.tokenize(&text), tokens.clone());
        let mut into = Vec::new();
        uk_text::tokenize_into(&text, &mut into);
        prop_assert_eq!(into, tokens);
    }

    /// Each token's text fits its kind.
    #[test]
    fn kinds_fit_the_text(text in any_text()) {
        use core_model::TokenKind as K;
        for token in tokenize(&text) {
            let t = token.text(&text);
            let first = t.chars().next().unwrap_or(' ');
            let ok = match token.kind {
                K::Word => first.is_alphanumeric(),
                K::Number | K::Date => first.is_ascii_digit(),
                K::Abbreviation | K::Initial => first.is_alphabetic() && t.ends_with('.'),
                K::Url => t.contains('.'),
                K::Email => t.contains('@') && t.contains('.'),
                K::Hashtag => (first == '#' || first == '@') && t.chars().count() > 1,
                K::Punct | K::Symbol => t.chars().count() == 1 || t.chars().all(|c| c == first || ".!?…".contains(c)),
                K::Emoji | K::Other | K::Compound => true,
            };
            prop_assert!(ok, "{:?} is not a {:?}", t, token.kind);
        }
    }

    /// Normalizing twice changes nothing more, with every setting.
    #[test]
    fn normalization_is_idempotent(text in any_text(), lower in any::<bool>(), target in 0usize..3) {
        let apostrophe = ['\'', '’', 'ʼ'][target];
        let normalizer = Normalizer::default()
            .with_lowercase(lower)
            .with_apostrophe(apostrophe)
            .unwrap_or_default();
        let once = normalizer.normalize(&text).into_owned();
        let twice = normalizer.normalize(&once).into_owned();
        prop_assert_eq!(&once, &twice);
        prop_assert!(matches!(normalizer.normalize(&once), std::borrow::Cow::Borrowed(_)));
    }

    /// Every repair's span lies on character boundaries of the input, in order.
    #[test]
    fn repair_spans_are_on_the_input(text in any_text()) {
        let mut report = Vec::new();
        let out = uk_text::normalize_with_report(&text, &mut report);
        let mut last = 0;
        for repair in &report {
            prop_assert!(repair.span.get(&text).is_some());
            prop_assert!(repair.span.start >= last);
            last = repair.span.start;
        }
        prop_assert_eq!(report.is_empty(), out == text);
        prop_assert_eq!(normalize(&text), out);
    }

    /// Transliteration never panics, and Cyrillic text comes out in ASCII.
    #[test]
    fn translit_of_cyrillic_is_ascii(
        text in "([а-яА-ЯіїєґІЇЄҐёЁ' -]{0,10}([а-яіїєґ][’ʼ`′][а-яіїєґ])?){0,6}"
    ) {
        let latin = translit(&text);
        prop_assert!(latin.is_ascii(), "{text:?} -> {latin:?}");
    }

    /// Sentences are runs of whole tokens, in order, covering every token, never across a
    /// line break.
    #[test]
    fn sentences_are_ordered_token_runs_without_line_breaks(text in any_text()) {
        let tokens = tokenize(&text);
        let mut spans = Vec::new();
        uk_text::sentence::sentences_into(&text, &tokens, &mut spans);
        // Every token lies in exactly one sentence; sentences start and end on tokens.
        let mut next = 0;
        for span in &spans {
            prop_assert!(span.get(&text).is_some());
            prop_assert!(!span.slice(&text).contains('\n'), "{:?}", span.slice(&text));
            prop_assert_eq!(tokens.get(next).map(|t| t.span.start), Some(span.start));
            while tokens.get(next).is_some_and(|t| t.span.end <= span.end) {
                next += 1;
            }
            prop_assert_eq!(tokens[next - 1].span.end, span.end);
        }
        prop_assert_eq!(next, tokens.len());
    }

    #[test]
    fn translit_never_panics(text in any_text()) {
        let _ = translit(&text);
    }
}
