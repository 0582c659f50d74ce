use super::*;
use proptest::prelude::*;

fn forms(aff: &str, dic: &str) -> Vec<String> {
    let aff = AffixFile::parse(aff.as_bytes(), "t.aff").unwrap();
    let dic = Dictionary::parse(dic.as_bytes(), "t.dic", &aff).unwrap();
    let mut expander = Expander::new(&aff);
    let mut out = Vec::new();
    for entry in dic.entries() {
        expander.expand(&entry.word, &entry.flags, &mut |form, _| {
            out.push(form.to_owned())
        });
    }
    out
}

fn error(aff: &str) -> HunspellError {
    AffixFile::parse(aff.as_bytes(), "t.aff").unwrap_err()
}

#[test]
fn suffix_strip_and_conditions() {
    let aff = "SFX A Y 3\nSFX A ти в [аи]ти\nSFX A ти ла ти\nSFX A 0 ся [^с]\n";
    assert_eq!(
        forms(aff, "2\nробити/A\nнести/A\n"),
        [
            "робити",
            "робив",
            "робила",
            "робитися",
            "нести",
            "несла",
            "нестися"
        ]
    );
}

#[test]
fn strip_must_leave_something() {
    // Hunspell never strips a whole word (without FULLSTRIP).
    assert_eq!(forms("SFX A Y 1\nSFX A ти т ти\n", "1\nти/A\n"), ["ти"]);
    assert_eq!(
        forms("FULLSTRIP\nSFX A Y 1\nSFX A ти т ти\n", "1\nти/A\n"),
        ["ти", "т"]
    );
}

#[test]
fn prefixes_and_cross_products() {
    let aff = "PFX P Y 1\nPFX P 0 не .\nPFX Q N 1\nPFX Q 0 пре .\nSFX S Y 1\nSFX S 0 а .\n";
    assert_eq!(
        forms(aff, "1\nдобр/PQS\n"),
        ["добр", "добра", "недобра", "недобр", "предобр"]
    );
}

#[test]
fn need_affix_and_forbidden() {
    let aff = "NEEDAFFIX N\nFORBIDDENWORD F\nSFX S Y 1\nSFX S 0 и .\n";
    assert_eq!(
        forms(aff, "3\nкор/NS\nзло/FS\nкіт/S\n"),
        ["кори", "кіт", "кіти"]
    );
}

#[test]
fn twofold_suffixes() {
    let aff = "NEEDAFFIX N\nSFX A Y 1\nSFX A 0 ов/BN .\nSFX B Y 2\nSFX B 0 а .\nSFX B 0 ий .\n";
    assert_eq!(forms(aff, "1\nсин/A\n"), ["син", "синова", "синовий"]);
}

#[test]
fn circumfix_only_in_pairs() {
    let aff =
        "CIRCUMFIX X\nPFX P Y 1\nPFX P 0 най/X .\nSFX S Y 2\nSFX S ий іший/X ий\nSFX S ий ого ий\n";
    assert_eq!(
        forms(aff, "1\nстарий/PS\n"),
        ["старий", "найстаріший", "старого"]
    );
}

#[test]
fn long_numeric_and_aliased_flags() {
    let aff = "FLAG long\nSFX Aa Y 1\nSFX Aa 0 и .\n";
    assert_eq!(forms(aff, "1\nкіт/AaZz\n"), ["кіт", "кіти"]);
    let aff = "FLAG num\nSFX 501 Y 1\nSFX 501 0 и .\n";
    assert_eq!(forms(aff, "1\nкіт/7,501\n"), ["кіт", "кіти"]);
    let aff = "AF 2\nAF S\nAF ST\nSFX S Y 1\nSFX S 0 и .\nSFX T Y 1\nSFX T 0 ом .\n";
    assert_eq!(
        forms(aff, "2\nкіт/2\nдім/1\n"),
        ["кіт", "кіти", "кітом", "дім", "діми"]
    );
    let err = Dictionary::parse(
        "1\nкіт/3\n".as_bytes(),
        "t.dic",
        &AffixFile::parse(aff.as_bytes(), "t.aff").unwrap(),
    )
    .unwrap_err();
    assert_eq!((err.line, err.kind), (2, ErrorKind::UnknownAlias(3)));
}

#[test]
fn ignore_removes_stress_marks() {
    let aff = "IGNORE \u{301}\nSFX A Y 1\nSFX A а и а\n";
    assert_eq!(forms(aff, "1\nру\u{301}ка/A\n"), ["рука", "руки"]);
}

#[test]
fn dictionary_details() {
    // Comments (tab-initial lines), morphology, blank lines and a wrong count are accepted.
    let aff = "SFX A Y 1\nSFX A 0 и .\n";
    assert_eq!(
        forms(aff, "5\n\tcomment\nкіт/A po:noun\n\nліс\tpo:noun\n"),
        ["кіт", "кіти", "ліс"]
    );
    let aff = AffixFile::parse(b"", "t.aff").unwrap();
    let err = Dictionary::parse(b"", "t.dic", &aff).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Empty);
    let err = Dictionary::parse(b"many\n", "t.dic", &aff).unwrap_err();
    assert_eq!((err.line, err.to_string().contains("t.dic:1:")), (1, true));
}

#[test]
fn errors_name_file_and_line() {
    let err = error("SET UTF-8\nSFX A Y 3\nSFX A 0 и .\nSFX A 0 у .\n");
    assert_eq!(err.line, 2);
    assert!(matches!(
        err.kind,
        ErrorKind::RuleCount {
            expected: 3,
            found: 2,
            ..
        }
    ));
    assert!(err.to_string().starts_with("t.aff:2: "), "{err}");

    let err = error("SFX A Y 2\nSFX A 0 и .\nTRY abc\n");
    assert_eq!(err.line, 3);

    let err = error("SFX A Y 1\nSFX A 0 и [аб\n");
    assert_eq!(
        (err.line, err.kind),
        (2, ErrorKind::BadCondition("[аб".into()))
    );

    let err = error("SFX A Y x\n");
    assert_eq!(err.kind, ErrorKind::BadNumber("x".into()));

    let err = error("SFX A Q 1\n");
    assert_eq!(err.line, 1);

    let err = error("SFX A Y 1\nSFX B 0 и .\n");
    assert_eq!(err.kind, ErrorKind::RuleFlagMismatch("B".into()));

    let err = error("SFX A Y 1\nSFX A 0\n");
    assert_eq!(err.kind, ErrorKind::MissingField("affix"));

    let err = error("SET KOI8-U\n");
    assert_eq!(err.kind, ErrorKind::UnsupportedEncoding("KOI8-U".into()));

    let err = error("FLAG long\nSFX A Y 1\n");
    assert_eq!((err.line, err.kind), (2, ErrorKind::BadFlag("A".into())));

    let err = error("PFX A Y 0\nSFX A Y 0\n");
    assert_eq!(err.kind, ErrorKind::FlagKindClash("A".into()));

    let err = AffixFile::parse(b"TRY a\nSFX A Y 1\nSFX A 0 \xff .\n", "t.aff").unwrap_err();
    assert_eq!((err.line, err.kind), (3, ErrorKind::InvalidUtf8));
}

/// Lines that look like real affix files, so that random combinations reach deep code.
fn aff_line() -> impl Strategy<Value = String> {
    let flag = prop::sample::select(vec!["A", "B", "Aa", "1", "2,3", "ї", ""]);
    let word = "[аиоїт0.\\[\\]^/]{0,4}";
    prop_oneof![
        (flag.clone(), "[YN]", 0..4u8).prop_map(|(f, y, n)| format!("SFX {f} {y} {n}")),
        (flag.clone(), "[YN]", 0..4u8).prop_map(|(f, y, n)| format!("PFX {f} {y} {n}")),
        (flag.clone(), word, word, word).prop_map(|(f, s, a, c)| format!("SFX {f} {s} {a} {c}")),
        (flag.clone(), word, word, word).prop_map(|(f, s, a, c)| format!("PFX {f} {s} {a} {c}")),
        prop::sample::select(vec![
            "FLAG long",
            "FLAG num",
            "FLAG UTF-8",
            "AF 2",
            "AF AB",
            "AF 1",
            "FULLSTRIP",
            "NEEDAFFIX B",
            "CIRCUMFIX A",
            "FORBIDDENWORD 1",
            "IGNORE ́",
            "SET UTF-8",
            "#",
        ])
        .prop_map(str::to_owned),
        ".{0,12}",
    ]
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(aff in prop::collection::vec(any::<u8>(), 0..200),
                                   dic in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(aff) = AffixFile::parse(&aff, "t.aff")
            && let Ok(dic) = Dictionary::parse(&dic, "t.dic", &aff)
        {
            let mut expander = Expander::new(&aff);
            for entry in dic.entries() {
                expander.expand(&entry.word, &entry.flags, &mut |_, _| {});
            }
        }
    }

    #[test]
    fn structured_input_never_panics(lines in prop::collection::vec(aff_line(), 0..12),
                                     stems in prop::collection::vec("[аиоїт\\\\/]{0,5}(/[AB12,ї]{0,4})?", 0..6)) {
        let aff_text = lines.join("\n");
        let dic_text = format!("{}\n{}", stems.len(), stems.join("\n"));
        match AffixFile::parse(aff_text.as_bytes(), "t.aff") {
            Ok(aff) => {
                if let Ok(dic) = Dictionary::parse(dic_text.as_bytes(), "t.dic", &aff) {
                    let mut expander = Expander::new(&aff);
                    for entry in dic.entries() {
                        let mut count = 0usize;
                        expander.expand(&entry.word, &entry.flags, &mut |_, _| count += 1);
                        prop_assert!(count < 100_000);
                    }
                }
            }
            Err(err) => prop_assert!(err.line <= lines.len()),
        }
    }
}
