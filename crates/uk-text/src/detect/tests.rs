use super::*;

fn lang(text: &str) -> Language {
    detect(text).language
}

#[test]
fn ukrainian_sentences() {
    for text in [
        "Вчора ввечері в Харкові знову пролунали вибухи, повідомив мер міста.",
        "Уряд схвалив зміни до бюджету на наступний рік.",
        "Ми вже давно чекаємо на цю зустріч.",
        "Погода завтра буде сонячною, без опадів.",
        "Поділитися:",
        "ЧИТАЙТЕ у TELEGRAM",
        "Фото: росЗМІ",
    ] {
        assert_eq!(lang(text), Language::Uk, "{text}");
    }
}

#[test]
fn russian_sentences() {
    for text in [
        "Читать на русском",
        "Вчера вечером в Харькове снова прогремели взрывы, сообщил мэр города.",
        "Правительство одобрило изменения в бюджет на следующий год.",
        "Мы уже давно ждём этой встречи.",
        "Что это было?",
    ] {
        assert_eq!(lang(text), Language::Ru, "{text}");
    }
}

#[test]
fn vietnamese_and_english() {
    assert_eq!(
        lang("Nga, Mỹ và EU đã bí mật đàm phán vài ngày trước chiến dịch của Azerbaijan."),
        Language::Vi
    );
    // Lower-cased, stripped, with misplaced tone marks: still Vietnamese.
    assert_eq!(lang("noí naỳ laị đươc chuyên"), Language::Vi);
    assert_eq!(
        lang("The talks were held in Istanbul two days before the operation."),
        Language::En
    );
}

#[test]
fn undetermined() {
    assert_eq!(detect("").language, Language::Und);
    assert_eq!(detect("").confidence, 0.0);
    assert_eq!(lang("21 641 — 2024"), Language::Und);
    assert_eq!(lang("на"), Language::Und, "shared by Ukrainian and Russian");
    assert_eq!(lang("Politico"), Language::Und);
    assert_eq!(lang("Der Hund schläft"), Language::Und);
}

#[test]
fn confidence_grows_with_evidence() {
    let short = detect("Київ");
    let long = detect(
        "Київ — столиця України. Тут живе майже три мільйони людей, і місто постійно росте.",
    );
    assert_eq!(short.language, Language::Uk);
    assert_eq!(long.language, Language::Uk);
    assert!(long.confidence > short.confidence);
    assert!(long.confidence > 0.9, "{}", long.confidence);
    assert!((0.0..=1.0).contains(&short.confidence));
}

#[test]
fn mixed_document_follows_the_majority() {
    let text = "Читать на русском\nПредставники США, Євросоюзу та росії проводили таємні переговори.\nЦе рідкісний контакт між росією та Заходом.";
    assert_eq!(lang(text), Language::Uk);
    let lines: Vec<(Span, Language)> = detect_lines(text).map(|(s, d)| (s, d.language)).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0].1, Language::Ru);
    assert_eq!(lines[1].1, Language::Uk);
    assert_eq!(lines[0].0.slice(text), "Читать на русском");
}

#[test]
fn lines_keep_spans_with_crlf() {
    let text = "Добрий день\r\nGood morning to you\r\n\r\n";
    let lines: Vec<(Span, Detection)> = detect_lines(text).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0].0.slice(text), "Добрий день");
    assert_eq!(lines[1].0.slice(text), "Good morning to you");
    assert_eq!(lines[1].1.language, Language::En);
    assert_eq!(lines[2].1.language, Language::Und);
}

#[test]
fn extra_evidence_is_consulted() {
    struct Lexicon;
    impl Evidence for Lexicon {
        fn word(&self, word: &str, scores: &mut Scores) {
            if word == "хата" {
                scores.add(Language::Uk, 1.0);
            }
        }
    }
    assert_eq!(lang("хата"), Language::Und);
    let lexicon = Lexicon;
    let detector = Detector::new().with_evidence(&lexicon);
    assert_eq!(detector.detect("Хата").language, Language::Uk);
    assert_eq!(
        detector
            .detect_lines("хата\nна")
            .map(|(_, d)| d.language)
            .collect::<Vec<_>>(),
        [Language::Uk, Language::Und]
    );
}

/// Records the words extra evidence is asked about, and gives some of them weight.
struct Recorder(std::cell::RefCell<Vec<String>>);

impl Evidence for Recorder {
    fn word(&self, word: &str, scores: &mut Scores) {
        self.0.borrow_mut().push(word.to_owned());
        if word.len().is_multiple_of(3) {
            scores.add(Language::Uk, 0.7);
        }
    }
}

/// Pieces of text the random strings are made of: letters of every script the detector
/// knows (both cases, precomposed and decomposed), listed words, endings, apostrophes,
/// marks, and separators.
const PIECES: &[&str] = &[
    "а",
    "Б",
    "к",
    "К",
    "с",
    "ь",
    "н",
    "я",
    "і",
    "І",
    "ї",
    "Ї",
    "є",
    "Є",
    "ґ",
    "Ґ",
    "ы",
    "Ы",
    "э",
    "Э",
    "ъ",
    "Ъ",
    "ё",
    "Ё",
    "ѐ",
    "Ѐ",
    "џ",
    "ѣ",
    "Ѣ",
    "ԁ",
    "ꙁ",
    "ᲀ",
    "ⷠ",
    "a",
    "Z",
    "k",
    "ă",
    "Ă",
    "đ",
    "Đ",
    "ơ",
    "Ơ",
    "ư",
    "Ư",
    "à",
    "À",
    "é",
    "ô",
    "ý",
    "ÿ",
    "ß",
    "Ā",
    "İ",
    "Ÿ",
    "ǅ",
    "ạ",
    "Ạ",
    "ỹ",
    "Ỹ",
    "ẞ",
    "ỻ",
    "Ḁ",
    "\u{301}",
    "\u{309}",
    "\u{323}",
    "\u{345}",
    "\u{483}",
    "\u{1DE7}",
    "\u{20D0}",
    "'",
    "’",
    "ʼ",
    "`",
    "′",
    "‘",
    "´",
    " ",
    "\n",
    ".",
    "-",
    "7",
    "\u{D7}",
    "\u{F7}",
    "α",
    "Ω",
    "中",
    "😀",
    "та",
    "що",
    "Що",
    "від",
    "що'",
    "и",
    "что",
    "Что",
    "русском",
    "the",
    "The",
    "news",
    "và",
    "của",
    "Của",
    "không",
    "ськ",
    "цьк",
    "зьк",
    "ння",
    "ский",
    "ость",
    "ости",
    "ия",
    "ие",
    "ая",
    "скую",
    "пам",
    "ять",
    "здоров",
];

fn random_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
}

fn same(a: Detection, b: Detection) -> bool {
    a.language == b.language && a.confidence.to_bits() == b.confidence.to_bits()
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn agrees_with_the_reference(text in random_text()) {
        let fast = detect(&text);
        let slow = reference::detect(&text, &[]);
        prop_assert!(same(fast, slow), "{text:?}: {fast:?} against {slow:?}");
    }

    #[test]
    fn extra_evidence_sees_the_reference_words(text in random_text()) {
        let fast_words = Recorder(std::cell::RefCell::new(Vec::new()));
        let slow_words = Recorder(std::cell::RefCell::new(Vec::new()));
        let fast = Detector::new().with_evidence(&fast_words).detect(&text);
        let slow = reference::detect(&text, &[&slow_words]);
        prop_assert!(same(fast, slow), "{text:?}: {fast:?} against {slow:?}");
        prop_assert_eq!(fast_words.0.into_inner(), slow_words.0.into_inner());
    }

    #[test]
    fn agrees_with_the_reference_on_any_characters(text in "\\PC{0,60}") {
        let fast = detect(&text);
        let slow = reference::detect(&text, &[]);
        prop_assert!(same(fast, slow), "{text:?}: {fast:?} against {slow:?}");
    }
}

#[test]
fn agrees_with_the_reference_on_every_character() {
    // Each character alone, after a Cyrillic letter, and between letters with an apostrophe.
    for c in (0u32..0x3_0000).filter_map(char::from_u32) {
        for text in [
            format!("{c}"),
            format!("ж{c}ськ"),
            format!("a{c}b"),
            format!("її'{c}"),
            format!("{c}'{c}{c}"),
        ] {
            let fast = detect(&text);
            let slow = reference::detect(&text, &[]);
            assert!(same(fast, slow), "{text:?}: {fast:?} against {slow:?}");
        }
    }
}

#[test]
fn texts_around_the_exact_length_agree_with_the_reference() {
    // Up to `EXACT_BYTES` the Ukrainian, Russian and English scores are counted in halves;
    // beyond, added as floats.
    let piece = "Президент підписав указ, что и от the and її' п'ять ськ ння ё và của ở. ";
    let text = piece.repeat(super::scan::EXACT_BYTES / piece.len() + 2);
    let mut cut = super::scan::EXACT_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    for sample in [&text[..cut], text.as_str()] {
        let fast = detect(sample);
        let slow = reference::detect(sample, &[]);
        assert!(same(fast, slow), "{fast:?} against {slow:?}");
    }
}

#[test]
fn agrees_with_the_reference_on_the_seed_documents() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipping: ../shared is absent");
        return;
    };
    let mut lines = 0;
    for entry in entries.flatten() {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        for line in text.lines().chain([text.as_str()]) {
            let fast = detect(line);
            let slow = reference::detect(line, &[]);
            assert!(same(fast, slow), "{line:?}: {fast:?} against {slow:?}");
            lines += 1;
        }
    }
    assert!(lines > 0);
}
