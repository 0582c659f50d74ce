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
