use super::*;
use TokenKind::{
    Abbreviation, Date, Email, Emoji, Hashtag, Initial, Number, Other, Punct, Symbol, Url, Word,
};

/// The tokens of `text` as (text, kind) pairs.
fn toks(text: &str) -> Vec<(&str, TokenKind)> {
    tokenize(text)
        .iter()
        .map(|t| (t.text(text), t.kind))
        .collect()
}

/// The token texts of `text`.
fn texts(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| t.text(text)).collect()
}

#[test]
fn apostrophes_in_every_variant() {
    for word in [
        "п'ять",
        "п’ять",
        "пʼять",
        "п`ять",
        "п′ять",
        "п´ять",
        "п‘ять",
    ] {
        let text = format!("Було {word} років.");
        assert_eq!(toks(&text)[1], (word, Word), "{text}");
    }
    // Quotation marks at word edges are not apostrophes.
    assert_eq!(
        toks("'Об'єкт'"),
        [("'", Punct), ("Об'єкт", Word), ("'", Punct)]
    );
    assert_eq!(texts("‘сім’ї’"), ["‘", "сім’ї", "’"]);
    assert_eq!(texts("don't"), ["don't"]);
}

#[test]
fn hyphenated_words() {
    assert_eq!(
        toks("Будь-який мешканець Нагірно-Карабаської республіки"),
        [
            ("Будь-який", Word),
            ("мешканець", Word),
            ("Нагірно-Карабаської", Word),
            ("республіки", Word)
        ]
    );
    assert_eq!(
        texts("штам COVID-19 і літак ХАІ-1"),
        ["штам", "COVID-19", "і", "літак", "ХАІ-1"]
    );
    // A dash between words, a hyphen at a word's end, and a line-break hyphen stay apart.
    assert_eq!(texts("Київ - столиця"), ["Київ", "-", "столиця"]);
    assert_eq!(texts("В- та С-"), ["В-", "та", "С", "-"]);
    assert_eq!(texts("a--b"), ["a", "--", "b"]);
    // A hyphen whose second part is shared with the next word stays with its word.
    assert_eq!(
        texts("близько- та середньомагістральний"),
        ["близько-", "та", "середньомагістральний"]
    );
    assert_eq!(texts("військових- а що"), ["військових", "-", "а", "що"]);
    // The minus sign used for a hyphen.
    assert_eq!(texts("Ан−132"), ["Ан−132"]);
}

#[test]
fn abbreviations() {
    assert_eq!(
        toks("Проф. Коваленко живе на вул. Хрещатик у м. Київ з 1990 р. і т. зв. елітою"),
        [
            ("Проф.", Abbreviation),
            ("Коваленко", Word),
            ("живе", Word),
            ("на", Word),
            ("вул.", Abbreviation),
            ("Хрещатик", Word),
            ("у", Word),
            ("м.", Abbreviation),
            ("Київ", Word),
            ("з", Word),
            ("1990", Number),
            ("р.", Abbreviation),
            ("і", Word),
            ("т. зв.", Abbreviation),
            ("елітою", Word),
        ]
    );
    assert_eq!(
        texts("університет ім. Шевченка"),
        ["університет", "ім.", "Шевченка"]
    );
    assert_eq!(
        texts("див. ст. 5, тис. осіб"),
        ["див.", "ст.", "5", ",", "тис.", "осіб"]
    );
    assert_eq!(
        texts("книжки, зошити тощо, т.д."),
        ["книжки", ",", "зошити", "тощо", ",", "т.д."]
    );
    assert_eq!(texts("в. о. міністра"), ["в. о.", "міністра"]);
    assert_eq!(
        texts("(мал. 8), грец. μνημα"),
        ["(", "мал.", "8", ")", ",", "грец.", "μνημα"]
    );
    assert_eq!(texts("до н. е."), ["до", "н. е."]);
    // An abbreviation at the end of a sentence keeps its stop.
    assert_eq!(
        texts("Це сталося в 2024 р."),
        ["Це", "сталося", "в", "2024", "р."]
    );
    // An ellipsis is not an abbreviation's stop.
    assert_eq!(texts("тис..."), ["тис", "..."]);
    // An ordinary short word is not an abbreviation.
    assert_eq!(texts("купили рис."), ["купили", "рис", "."]);
}

#[test]
fn optional_stops() {
    // `млн`, `грн` take the stop only when the sentence goes on.
    assert_eq!(texts("5 млн. осіб"), ["5", "млн.", "осіб"]);
    assert_eq!(
        texts("ціна 100 грн. Потім"),
        ["ціна", "100", "грн", ".", "Потім"]
    );
    assert_eq!(texts("коштує 100 грн."), ["коштує", "100", "грн", "."]);
    assert_eq!(texts("10 тис. грн., а"), ["10", "тис.", "грн.", ",", "а"]);
    assert_eq!(texts("$350 млн."), ["$", "350", "млн", "."]);
}

#[test]
fn initials() {
    assert_eq!(
        toks("Т. Г. Шевченко і Т.Г.Шевченко"),
        [
            ("Т.", Initial),
            ("Г.", Initial),
            ("Шевченко", Word),
            ("і", Word),
            ("Т.", Initial),
            ("Г.", Initial),
            ("Шевченко", Word),
        ]
    );
    // Initials after a surname: the second follows an initial.
    assert_eq!(
        toks("Коваленко І.П.)"),
        [
            ("Коваленко", Word),
            ("І.", Initial),
            ("П.", Initial),
            (")", Punct)
        ]
    );
    assert_eq!(toks("J. K. Rowling")[1], ("K.", Initial));
    // A capital letter at the end of a sentence before a lower-case word is not an initial.
    assert_eq!(texts("план Б. потім"), ["план", "Б", ".", "потім"]);
}

#[test]
fn numbers() {
    assert_eq!(
        toks("1 000 000 осіб, 10,5 %, 3.14 і 1,000 та 1 000,25"),
        [
            ("1 000 000", Number),
            ("осіб", Word),
            (",", Punct),
            ("10,5", Number),
            ("%", Symbol),
            (",", Punct),
            ("3.14", Number),
            ("і", Word),
            ("1,000", Number),
            ("та", Word),
            ("1 000,25", Number),
        ]
    );
    // No-break and thin spaces group digits too.
    assert_eq!(
        texts("12\u{A0}000 і 5\u{202F}000"),
        ["12\u{A0}000", "і", "5\u{202F}000"]
    );
    // A four-digit first group is a year, not a thousands group.
    assert_eq!(texts("у 2024 100 осіб"), ["у", "2024", "100", "осіб"]);
    // Two-digit groups are not thousands.
    assert_eq!(texts("1 00"), ["1", "00"]);
    // A stop after a number is punctuation.
    assert_eq!(texts("становила 10."), ["становила", "10", "."]);
    assert_eq!(texts("15,3%"), ["15,3", "%"]);
}

#[test]
fn ranges_and_ordinals() {
    assert_eq!(
        toks("2-3 рази, 18-19-му, 5-й, 2020-х, 14-річний"),
        [
            ("2-3", Number),
            ("рази", Word),
            (",", Punct),
            ("18-19-му", Number),
            (",", Punct),
            ("5-й", Number),
            (",", Punct),
            ("2020-х", Number),
            (",", Punct),
            ("14-річний", Word),
        ]
    );
    assert_eq!(toks("на 0,5-1,5 м")[1], ("0,5-1,5", Number));
    // An en dash between numbers is punctuation.
    assert_eq!(texts("10–20%"), ["10", "–", "20", "%"]);
    assert_eq!(toks("5G")[0], ("5G", Word));
}

#[test]
fn dates_and_times() {
    assert_eq!(
        toks("17.09.2023 о 12:30, 1/1/2024, 2023-09-17 та 08:15:59"),
        [
            ("17.09.2023", Date),
            ("о", Word),
            ("12:30", Date),
            (",", Punct),
            ("1/1/2024", Date),
            (",", Punct),
            ("2023-09-17", Date),
            ("та", Word),
            ("08:15:59", Date),
        ]
    );
    // Impossible dates and times are numbers and punctuation.
    assert_eq!(texts("32.13.2023"), ["32.13.2023"]);
    assert_eq!(toks("32.13.2023")[0].1, Number);
    assert_eq!(texts("рахунок 2:1"), ["рахунок", "2", ":", "1"]);
    assert_eq!(texts("25:70"), ["25", ":", "70"]);
    assert_eq!(texts("17.09.2023."), ["17.09.2023", "."]);
}

#[test]
fn urls_and_emails() {
    assert_eq!(
        toks("Див. https://www.pravda.com.ua/news/2023/09/17/7420000/, або www.ukr.net."),
        [
            ("Див.", Abbreviation),
            ("https://www.pravda.com.ua/news/2023/09/17/7420000/", Url),
            (",", Punct),
            ("або", Word),
            ("www.ukr.net", Url),
            (".", Punct),
        ]
    );
    assert_eq!(
        toks("пишіть на ivan.petrenko@ukr.net або tender@dominos.ua!"),
        [
            ("пишіть", Word),
            ("на", Word),
            ("ivan.petrenko@ukr.net", Email),
            ("або", Word),
            ("tender@dominos.ua", Email),
            ("!", Punct),
        ]
    );
    assert_eq!(
        toks("видання DT.UA та Liga.net, сайт pravda.com.ua/news."),
        [
            ("видання", Word),
            ("DT.UA", Url),
            ("та", Word),
            ("Liga.net", Url),
            (",", Punct),
            ("сайт", Word),
            ("pravda.com.ua/news", Url),
            (".", Punct),
        ]
    );
    assert_eq!(
        texts("(див. https://uk.wikipedia.org/wiki/Київ_(значення))."),
        [
            "(",
            "див.",
            "https://uk.wikipedia.org/wiki/Київ_(значення)",
            ")",
            "."
        ]
    );
    assert_eq!(texts("(https://a.ua/x)"), ["(", "https://a.ua/x", ")"]);
    // A missing space after a stop is no domain: `Це` is no top-level domain.
    assert_eq!(texts("Києві.Це"), ["Києві", ".", "Це"]);
    assert_eq!(texts("Ukraine.In"), ["Ukraine", ".", "In"]);
}

#[test]
fn hashtags_emoji_symbols() {
    assert_eq!(
        toks("#новини від @ukrpravda 😀👍🏽 🇺🇦 👨‍👩‍👧 1️⃣ ❤️ №5 $10 +5 °C"),
        [
            ("#новини", Hashtag),
            ("від", Word),
            ("@ukrpravda", Hashtag),
            ("😀", Emoji),
            ("👍🏽", Emoji),
            ("🇺🇦", Emoji),
            ("👨‍👩‍👧", Emoji),
            ("1️⃣", Emoji),
            ("❤️", Emoji),
            ("№", Symbol),
            ("5", Number),
            ("$", Symbol),
            ("10", Number),
            ("+", Symbol),
            ("5", Number),
            ("°", Symbol),
            ("C", Word),
        ]
    );
    assert_eq!(texts("# та @"), ["#", "та", "@"]);
}

#[test]
fn news_punctuation() {
    assert_eq!(
        toks("«Важливо підтримувати канали зв’язку», – сказав він… Так?!"),
        [
            ("«", Punct),
            ("Важливо", Word),
            ("підтримувати", Word),
            ("канали", Word),
            ("зв’язку", Word),
            ("»", Punct),
            (",", Punct),
            ("–", Punct),
            ("сказав", Word),
            ("він", Word),
            ("…", Punct),
            ("Так", Word),
            ("?!", Punct),
        ]
    );
    assert_eq!(texts("„Так“ — ні..."), ["„", "Так", "“", "—", "ні", "..."]);
}

#[test]
fn latin_inside_cyrillic() {
    assert_eq!(
        texts("Про це повідомляє Politico із посиланням на iPhone-версію"),
        [
            "Про",
            "це",
            "повідомляє",
            "Politico",
            "із",
            "посиланням",
            "на",
            "iPhone-версію"
        ]
    );
}

#[test]
fn marks_and_odd_characters() {
    // A stress mark stays inside its word; a stray mark is its own token.
    assert_eq!(toks("заво\u{301}д"), [("заво\u{301}д", Word)]);
    assert_eq!(toks("\u{301}а"), [("\u{301}", Other), ("а", Word)]);
    assert_eq!(toks("об\u{AD}ласть"), [("об\u{AD}ласть", Word)]);
    // Control characters are tokens of their own; the zero-width space is a gap.
    assert_eq!(
        toks("а\u{0}б"),
        [("а", Word), ("\u{0}", Other), ("б", Word)]
    );
    assert_eq!(texts("а\u{200B}б"), ["а", "б"]);
}

#[test]
fn empty_and_blank() {
    assert!(tokenize("").is_empty());
    assert!(tokenize(" \n\t\u{A0}").is_empty());
}

#[test]
fn tokenize_into_appends() {
    let mut out = vec![Token::new(Span::new(0, 0), Other)];
    tokenize_into("Київ", &mut out);
    assert_eq!(out.len(), 2);
    assert_eq!(out[1].span, Span::new(0, 8));
}

#[test]
fn long_runs_stay_linear() {
    // Runs that make naive scanners quadratic: dotted labels without a top-level domain,
    // and many `@`. Correctness only here; speed is measured in the benchmark.
    let dotted = "a.".repeat(20_000);
    let tokens = tokenize(&dotted);
    assert_eq!(tokens.len(), 40_000);
    let ats = "a@".repeat(10_000);
    assert!(!tokenize(&ats).is_empty());
    let digits = "1 000 ".repeat(10_000);
    assert_eq!(tokenize(&digits).len(), 10_000);
}

#[test]
fn char_at_decodes_every_width() {
    let text = "aЇ\u{80}\u{7FF}é€😀ґ";
    let scanner = tokens(text).scanner;
    for (i, c) in text.char_indices() {
        assert_eq!(scanner.char_at(i), Some((c, c.len_utf8())), "{i}");
    }
    assert_eq!(scanner.char_at(text.len()), None);
}

#[test]
fn word_runs_agree_with_is_word_char() {
    for c in (0..0x1_0000).filter_map(char::from_u32) {
        // The run read off the bytes is the run of `is_word_char` characters.
        let text = format!("{c}{c}a{c}");
        for text in [
            text.clone(),
            format!("жжжж{c}ччччч{c}"),
            format!("ї{c}ї{c}ї{c}ї{c}ї"),
            format!("{c}ї{c}ї{c}ї{c}ї{c}"),
        ] {
            let scanner = tokens(&text).scanner;
            let expected: usize = text
                .chars()
                .take_while(|&d| is_word_char(d))
                .map(char::len_utf8)
                .sum();
            assert_eq!(scanner.word_run(0), expected, "{text:?}");
        }
        let scanner = tokens(&text).scanner;
        let mut expected = 0;
        for d in text.chars() {
            if !is_word_char(d) {
                break;
            }
            expected += d.len_utf8();
        }
        assert_eq!(scanner.word_run(0), expected, "{c:?}");
    }
}

#[test]
fn punctuation_shortcut_agrees_with_the_scanner() {
    for p in [
        ",", ";", ":", "(", ")", "\"", "«", "»", ".", "!", "?", "–", "—", "...", "?!", "——",
    ] {
        for after in [
            "",
            " ",
            "а",
            "\u{FE0F}",
            "\u{FE0F}x",
            "1",
            ",",
            "\n",
            ".",
            "…",
            "–",
            "—",
            "-",
        ] {
            let text = format!("{p}{after}");
            let c = p.chars().next().unwrap();
            let mut scanner = tokens(&text).scanner;
            let (end, kind) = scanner.scan(0, c, None);
            let first = tokens(&text).next().unwrap();
            assert_eq!((first.span.end, first.kind), (end, kind), "{text:?}");
        }
    }
}
