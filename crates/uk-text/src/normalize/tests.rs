use super::*;

fn n(text: &str) -> String {
    normalize(text).into_owned()
}

fn kinds(text: &str) -> Vec<(Span, RepairKind)> {
    let mut report = Vec::new();
    let _ = normalize_with_report(text, &mut report);
    report.into_iter().map(|r| (r.span, r.kind)).collect()
}

#[test]
fn clean_text_is_borrowed() {
    for text in [
        "",
        "Президент підписав указ про припинення її існування.",
        "п'ять сім'ї",
        "Politico, iPhone, don’t",
        "ASCII only: 1 000, 10,5",
    ] {
        assert!(matches!(normalize(text), Cow::Borrowed(_)), "{text}");
    }
}

#[test]
fn apostrophes_are_unified_inside_cyrillic_words() {
    for variant in ['’', 'ʼ', '`', '′', '‘', '´', '\''] {
        assert_eq!(n(&format!("п{variant}ять об{variant}єкт")), "п'ять об'єкт");
    }
    // Quotation marks and Latin words keep theirs.
    assert_eq!(n("‘слово’ і don’t"), "‘слово’ і don’t");
    assert_eq!(kinds("сім’ї"), [(Span::new(6, 9), RepairKind::Apostrophe)]);
    let typographic = Normalizer::default().with_apostrophe('’').unwrap();
    assert_eq!(typographic.normalize("м'ята, пʼять"), "м’ята, п’ять");
    let kept = Normalizer::default().keep_apostrophes();
    assert_eq!(kept.normalize("м’ята"), "м’ята");
    assert_eq!(
        Normalizer::default()
            .with_apostrophe('-')
            .unwrap_err()
            .to_string(),
        "'-' (U+002D) cannot be the target apostrophe: use one of ' ’ ʼ ` ′ ‘ ´"
    );
}

#[test]
fn stress_marks_and_soft_hyphens() {
    assert_eq!(n("Украї\u{301}на, заво\u{301}д"), "Україна, завод");
    assert_eq!(n("Жито\u{AD}мир\u{AD}"), "Житомир");
    assert_eq!(
        kinds("за\u{301}мок"),
        [(Span::new(4, 6), RepairKind::StressMark)]
    );
    // After a Latin letter U+0301 is a diacritic (decomposed Vietnamese) and stays.
    assert_eq!(n("ca\u{301} pho\u{301}"), "ca\u{301} pho\u{301}");
    let keep = Normalizer::default().with_stress_removal(false);
    assert_eq!(keep.normalize("заво\u{301}д"), "заво\u{301}д");
}

#[test]
fn decomposed_letters_are_composed() {
    assert_eq!(n("Киі\u{308}в, и\u{306}ого"), "Київ, його");
    assert_eq!(kinds("і\u{308}"), [(Span::new(0, 4), RepairKind::Composed)]);
    // A stress mark between the letter and the breve does not block composition.
    assert_eq!(n("и\u{301}\u{306}"), "й");
}

#[test]
fn latin_lookalikes_in_cyrillic_words() {
    assert_eq!(n("Kиїв"), "Київ");
    assert_eq!(n("Xарків і Oдеса"), "Харків і Одеса");
    assert_eq!(n("cтoліця"), "століця");
    assert_eq!(n("Нагiрно-Карабаська"), "Нагірно-Карабаська");
    assert_eq!(n("Кафé"), "Кафе");
    assert_eq!(n("сімʼï"), "сім'ї");
    assert_eq!(
        kinds("Kиїв"),
        [(Span::new(0, 1), RepairKind::CyrillicLookalike)]
    );
    // Latin words are never touched, and neither are words with letters of both scripts
    // that cannot be look-alikes.
    assert_eq!(
        n("iPhone, COVID, Politico, ÉCOLE"),
        "iPhone, COVID, Politico, ÉCOLE"
    );
    assert_eq!(n("ЗМІfacebook"), "ЗМІfacebook");
}

#[test]
fn cyrillic_lookalikes_in_latin_words() {
    assert_eq!(n("Pоlitico"), "Politico");
    assert_eq!(
        kinds("Pоlitico"),
        [(Span::new(1, 3), RepairKind::LatinLookalike)]
    );
}

#[test]
fn one_letter_words_between_cyrillic_words() {
    assert_eq!(n("Слово i діло"), "Слово і діло");
    assert_eq!(
        n("Він y Києві, a вона o пʼятій"),
        "Він у Києві, а вона о п'ятій"
    );
    assert_eq!(n("Слово i a діло"), "Слово і а діло");
    // Not at a line's edge, not next to a Latin word, not across lines.
    assert_eq!(n("i діло"), "i діло");
    assert_eq!(n("Слово i"), "Слово i");
    assert_eq!(n("«I love you» — сказав він"), "«I love you» — сказав він");
    assert_eq!(n("Слово\ni діло"), "Слово\ni діло");
}

#[test]
fn lowercase_after_repairs() {
    let lower = Normalizer::default().with_lowercase(true);
    assert_eq!(lower.normalize("KИЇВ і ЗМІ"), "київ і змі");
    assert_eq!(lower.normalize("Bерховна Рада"), "верховна рада");
    assert_eq!(lower.normalize("NATO та ЄС"), "nato та єс");
    assert_eq!(lower.normalize("Ґанок Її"), "ґанок її");
    assert!(matches!(lower.normalize("вже малі"), Cow::Borrowed(_)));
}

#[test]
fn normalize_into_appends_and_reports_change() {
    let mut out = String::from(">");
    assert!(Normalizer::default().normalize_into("об’єкт", &mut out));
    assert_eq!(out, ">об'єкт");
    let mut out = String::new();
    assert!(!Normalizer::default().normalize_into("об'єкт", &mut out));
    assert_eq!(out, "об'єкт");
}

#[test]
fn reports_are_in_input_order_and_on_the_input() {
    let text = "Kиї\u{301}в, сім’ї\u{AD}";
    let mut report = Vec::new();
    let out = normalize_with_report(text, &mut report);
    assert_eq!(out, "Київ, сім'ї");
    let starts: Vec<usize> = report.iter().map(|r| r.span.start).collect();
    let mut sorted = starts.clone();
    sorted.sort_unstable();
    assert_eq!(starts, sorted);
    let kinds: Vec<RepairKind> = report.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            RepairKind::CyrillicLookalike,
            RepairKind::StressMark,
            RepairKind::Apostrophe,
            RepairKind::SoftHyphen
        ]
    );
    for repair in &report {
        assert!(repair.span.get(text).is_some());
    }
}

#[test]
fn idempotent_on_tricky_inputs() {
    let lower = Normalizer::default().with_lowercase(true);
    for text in [
        "BBа",
        "Wі\u{308}",
        "Xе\u{308}",
        "а\u{AD}\u{301}",
        "и\u{301}\u{306}",
        "i a b діло",
        "Слово i a 5 діло",
        "İstanbul Київ",
        "обʼ'єкт",
        "Pоlitico’s",
        "ﬁ Ǆ ǅ",
    ] {
        for normalizer in [Normalizer::default(), lower] {
            let once = normalizer.normalize(text).into_owned();
            let twice = normalizer.normalize(&once).into_owned();
            assert_eq!(once, twice, "{text:?}");
        }
    }
}

#[test]
fn text_the_fast_check_passes_needs_no_change() {
    let normalizer = Normalizer::default();
    let pieces = [
        "«", "»", "\u{A0}", "°", "–", "—", "…", "“", "”", "„", "№", ",", " ", "1", "\n",
    ];
    let mut passed = 0;
    for c in '\u{400}'..='\u{4FF}' {
        for p in pieces {
            for text in [
                format!("{c}{p}{c}"),
                format!("{p}и{c}"),
                format!("а{c}{p}"),
                format!("{p}{c}{c}{p}і"),
            ] {
                if normalizer.needs_no_change(&text) {
                    passed += 1;
                    let mut out = String::new();
                    let mut run = Run::new(&text, &mut out, None);
                    normalizer.process_words(&mut run);
                    assert!(!run.changed, "{text:?}");
                }
            }
        }
    }
    assert!(passed > 10_000);
    assert!(!normalizer.needs_no_change("и\u{483}—"));
    assert!(normalizer.needs_no_change("«Київ» — місто…"));
}
