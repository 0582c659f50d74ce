//! Invariants of the segmenter on generated text: the output keeps the input's syllables in
//! order, token spans cover every non-space byte exactly once, pre-tokenized atoms are never
//! split, underscored words are kept with `keep_existing`, and no input makes it panic.

mod segment_common;

use core_model::Span;
use proptest::prelude::*;
use segment_common::segmenter;
use vi_text::segment::{SegmentOptions, Segmentation, UserDict};
use vi_text::tokenize::pretokenize;

/// Pieces of text: syllables in both tone styles, cases and Unicode forms, foreign words,
/// numbers, dates, URLs, punctuation, emoji and arbitrary characters.
fn piece() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "hòa",
        "hoà",
        "HOÀ",
        "ho\u{0300}a",
        "bình",
        "Bình",
        "nhà",
        "nước",
        "Nhà",
        "bí",
        "mật",
        "có",
        "thể",
        "Thổ",
        "Nhĩ",
        "Kỳ",
        "Điện",
        "Kremlin",
        "Vladimir",
        "Putin",
        "buộc",
        "Azerbaijan",
        "lý",
        "do",
        "đó",
        "gìn",
        "giữ",
        "Nga",
        "người",
        "Việt",
        "Nam",
        "thuỷ",
        "thủy",
        "khoẻ",
        "quốc",
        "gia",
        "TP.HCM",
        "COVID-19",
        "G20",
        "100.000",
        "10,5",
        "2/11",
        "1/1/2024",
        "12:30",
        "https://vnexpress.net/a_b",
        "a@b.vn",
        "#bầu_cử",
        "@vtv",
        ",",
        ".",
        "...",
        "(",
        ")",
        "\"",
        "“",
        "”",
        "-",
        "–",
        "%",
        "😀",
        "👍🏽",
        "_",
        "__",
        "\u{200B}",
        "noí",
        "Nagorno-Karabakh",
    ]);
    prop_oneof![
        6 => fixed.prop_map(str::to_owned),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-zA-Zàáạảãăằắđêếệôồơờưừ0-9]{1,6}",
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![" ", " ", " ", "  ", "_", "\t", "", " _ ", "\u{3000}"])
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), separator()), 0..30).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(p, s)| [p, s.to_owned()])
            .collect()
    })
}

const RAW: SegmentOptions = SegmentOptions {
    pretokenized: false,
    keep_existing: false,
};

/// Tokens are in order, do not overlap, lie on character boundaries, and every byte outside
/// them is whitespace or an underscore.
fn check_cover(text: &str, spans: &[Span]) -> Result<(), TestCaseError> {
    let mut pos = 0;
    for span in spans {
        prop_assert!(span.start >= pos && span.end > span.start, "{spans:?}");
        prop_assert!(
            span.get(text).is_some(),
            "off a character boundary: {span:?}"
        );
        let gap = &text[pos..span.start];
        prop_assert!(
            gap.chars().all(|c| c.is_whitespace() || c == '_'),
            "uncovered {gap:?} in {text:?}"
        );
        pos = span.end;
    }
    let rest = &text[pos..];
    prop_assert!(
        rest.chars().all(|c| c.is_whitespace() || c == '_'),
        "uncovered tail {rest:?}"
    );
    Ok(())
}

fn not_separators(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn output_keeps_the_syllables(text in text()) {
        let mut out = Segmentation::default();
        segmenter().segment(&text, RAW, &mut out);
        // The atoms of the tokens, in order, are exactly the pre-tokenizer's tokens.
        let atoms: Vec<Span> = out.tokens().iter().flat_map(|t| out.atoms(t).to_vec()).collect();
        let mut expected = Vec::new();
        pretokenize(&text, &mut expected);
        let expected: Vec<Span> = expected.iter().map(|t| t.span).collect();
        prop_assert_eq!(&atoms, &expected);
        // Removing the output's separators and underscores gives the input's characters.
        let mut line = String::new();
        out.write_text(&text, &mut line);
        prop_assert_eq!(not_separators(&line), not_separators(&text));
        // Each token's form is its atoms joined by `_`.
        for token in out.tokens() {
            let mut form = String::new();
            out.write_form(&text, token, &mut form);
            let joined: Vec<&str> = out.atoms(token).iter().map(|s| s.slice(&text)).collect();
            prop_assert_eq!(form, joined.join("_"));
            prop_assert_eq!(token.atom_count(), joined.len());
        }
    }

    #[test]
    fn spans_cover_the_input(text in text()) {
        let mut out = Segmentation::default();
        for keep_existing in [false, true] {
            segmenter().segment(&text, SegmentOptions { pretokenized: false, keep_existing }, &mut out);
            let spans: Vec<Span> = out.tokens().iter().map(|t| t.span).collect();
            check_cover(&text, &spans)?;
        }
    }

    #[test]
    fn pretokenized_atoms_are_never_split(text in text()) {
        let mut out = Segmentation::default();
        let options = SegmentOptions { pretokenized: true, keep_existing: false };
        segmenter().segment(&text, options, &mut out);
        let spans: Vec<Span> = out.tokens().iter().map(|t| t.span).collect();
        check_cover(&text, &spans)?;
        let mut pos = 0;
        for chunk in text.split(char::is_whitespace) {
            if !chunk.is_empty() {
                let chunk_span = Span::new(pos, pos + chunk.len());
                let holders = spans
                    .iter()
                    .filter(|s| s.start <= chunk_span.start && chunk_span.end <= s.end)
                    .count();
                prop_assert_eq!(holders, 1, "chunk {:?} of {:?}", chunk, text);
            }
            pos += chunk.len();
            pos += text[pos..].chars().next().map_or(0, char::len_utf8);
        }
    }

    #[test]
    fn keep_existing_keeps_underscored_words(words in prop::collection::vec(
        prop::collection::vec(prop::sample::select(vec!["hòa", "bình", "Nga", "nhà", "nước", "lý", "do", "đó"]), 1..4),
        1..10,
    )) {
        let text: String = words.iter().map(|w| w.join("_")).collect::<Vec<_>>().join(" ");
        let out = segmenter().segment_to_string(&text, SegmentOptions { pretokenized: false, keep_existing: true });
        if text.contains('_') {
            prop_assert_eq!(out, text);
        } else {
            // Nothing to keep: the line is segmented, its syllables unchanged.
            prop_assert_eq!(out.replace('_', " "), text);
        }
    }

    #[test]
    fn no_panic_on_arbitrary_input(text in any::<String>(), bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let lossy = String::from_utf8_lossy(&bytes).into_owned();
        let mut out = Segmentation::default();
        for input in [&text, &lossy] {
            for pretokenized in [false, true] {
                for keep_existing in [false, true] {
                    segmenter().segment(input, SegmentOptions { pretokenized, keep_existing }, &mut out);
                    let mut line = String::new();
                    out.write_text(input, &mut line);
                }
            }
        }
    }
}

#[test]
fn user_words_are_kept_whole() {
    let dict = UserDict::parse("gìn giữ hoà bình\nNagorno Karabakh\nxyz abc\n").unwrap();
    let base = segmenter();
    let model = vi_text::segment::SegmentModel::open(
        segment_common::workspace().join("data/models/vi-segment.vnsm"),
    )
    .unwrap();
    let with_dict =
        vi_text::segment::Segmenter::new(model, Some(segment_common::words())).with_user_dict(dict);
    let text = "lực lượng gìn giữ hòa bình Nga ở Nagorno Karabakh xyz abc";
    let plain = base.segment_to_string(text, RAW);
    assert!(!plain.contains("xyz_abc"), "{plain}");
    let out = with_dict.segment_to_string(text, RAW);
    assert!(out.contains(" gìn_giữ_hòa_bình Nga "), "{out}");
    assert!(out.contains(" Nagorno_Karabakh "), "{out}");
    assert!(out.ends_with(" xyz_abc"), "{out}");
}
