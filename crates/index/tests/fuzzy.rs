//! `Lexicon::fuzzy`: edits counted in characters on Cyrillic, Vietnamese and any UTF-8 keys,
//! checked against a brute-force edit distance.

mod common;

use std::collections::BTreeMap;

use common::levenshtein;
use index::{Levenshtein, Lexicon, LexiconBuilder, LexiconKind, MAX_FUZZY_DISTANCE};
use proptest::prelude::*;

fn build(keys: &[&str]) -> Lexicon {
    let mut sorted: Vec<&str> = keys.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut builder = LexiconBuilder::new(LexiconKind::Map, 0);
    for (i, key) in sorted.iter().enumerate() {
        builder.insert(key.as_bytes(), i as u64).unwrap();
    }
    Lexicon::from_bytes(builder.finish_to_vec().unwrap()).unwrap()
}

/// `keys` in byte order (the order of results).
fn sorted<const N: usize>(keys: [&str; N]) -> Vec<String> {
    let mut keys: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
    keys.sort_unstable();
    keys
}

fn fuzzy(lexicon: &Lexicon, query: &str, distance: u32) -> Vec<String> {
    lexicon
        .fuzzy(query, distance)
        .unwrap()
        .into_vec()
        .into_iter()
        .map(|(k, _)| String::from_utf8(k).unwrap())
        .collect()
}

const UK: [&str; 10] = [
    "переговори",
    "переговорів",
    "переговорами",
    "переговорах",
    "перегони",
    "київ",
    "києва",
    "кий",
    "ківш",
    "їжак",
];

#[test]
fn cyrillic_keys_are_found() {
    let lexicon = build(&UK);
    assert_eq!(fuzzy(&lexicon, "переговорыв", 0), Vec::<String>::new());
    assert_eq!(fuzzy(&lexicon, "переговорыв", 1), ["переговорів"]);
    assert_eq!(
        fuzzy(&lexicon, "переговорыв", 2),
        sorted(["переговори", "переговорів", "переговорах"])
    );
    assert_eq!(fuzzy(&lexicon, "переговорів", 0), ["переговорів"]);
    // A different first letter (another UTF-8 lead byte: к is D0 BA, ї is D1 97).
    assert_eq!(fuzzy(&lexicon, "їиїв", 2), ["київ"]);
    assert_eq!(fuzzy(&lexicon, "ківв", 1), ["ківш"]);
    assert_eq!(fuzzy(&lexicon, "ківв", 2), sorted(["київ", "ківш"]));
}

#[test]
fn vietnamese_diacritics_count_as_one_edit() {
    let lexicon = build(&[
        "hoa",
        "hòa",
        "hóa",
        "hoà",
        "họa",
        "hỏa",
        "nhà",
        "nhà nước",
        "nha",
    ]);
    // Precomposed ò (one character) vs o: one substitution.
    assert_eq!(fuzzy(&lexicon, "hòa", 0), ["hòa"]);
    assert_eq!(
        fuzzy(&lexicon, "hoa", 1),
        sorted(["hoa", "hoà", "hóa", "hòa", "hỏa", "họa"])
    );
    assert_eq!(fuzzy(&lexicon, "nhà nươc", 1), ["nhà nước"]);
    assert_eq!(fuzzy(&lexicon, "nha", 1), ["nha", "nhà"]);
    assert_eq!(fuzzy(&lexicon, "nhà", 2), sorted(["hoà", "nha", "nhà"]));
}

#[test]
fn empty_query_and_empty_key() {
    let lexicon = build(&["", "a", "ab", "ї", "😀"]);
    assert_eq!(fuzzy(&lexicon, "", 0), [""]);
    assert_eq!(fuzzy(&lexicon, "", 1), sorted(["", "a", "ї", "😀"]));
    assert_eq!(fuzzy(&lexicon, "😀", 1), sorted(["", "a", "ї", "😀"]));
}

#[test]
fn keys_that_are_not_utf8_never_match() {
    let mut builder = LexiconBuilder::new(LexiconKind::Map, 0);
    for (i, key) in [&b"a"[..], b"ab", b"a\xC0\x80", b"a\xFF"]
        .iter()
        .enumerate()
    {
        builder.insert(key, i as u64).unwrap();
    }
    let lexicon = Lexicon::from_bytes(builder.finish_to_vec().unwrap()).unwrap();
    let found: Vec<Vec<u8>> = lexicon
        .fuzzy("a", 2)
        .unwrap()
        .into_vec()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(found, [b"a".to_vec(), b"ab".to_vec()]);
}

#[test]
fn limits() {
    let lexicon = build(&UK);
    assert!(lexicon.fuzzy("київ", MAX_FUZZY_DISTANCE).is_ok());
    assert!(matches!(
        lexicon.fuzzy("київ", MAX_FUZZY_DISTANCE + 1),
        Err(index::Error::Fuzzy { .. })
    ));
    // The automaton can be built once and reused through `search`.
    let automaton = Levenshtein::new("кий", 1).unwrap();
    // кий; not київ (two edits: й -> ї, then в).
    let found: Vec<Vec<u8>> = lexicon
        .search(&automaton)
        .into_vec()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(found, ["кий".as_bytes()]);
    assert_eq!(lexicon.search(&automaton).count(), 1);
}

/// Characters from several scripts and byte lengths (1 to 4 bytes in UTF-8).
fn mixed_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            'a', 'b', 'o', 'ò', 'ó', 'ơ', 'ớ', 'и', 'і', 'ї', 'в', ' ', '😀',
        ]),
        0..max,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn agrees_with_brute_force(
        keys in prop::collection::btree_set(mixed_text(7), 0..40),
        query in mixed_text(6),
        distance in 0u32..=3,
    ) {
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let lexicon = build(&keys);
        let expected: BTreeMap<Vec<u8>, ()> = keys
            .iter()
            .filter(|k| levenshtein(k, &query) <= distance as usize)
            .map(|k| (k.as_bytes().to_vec(), ()))
            .collect();
        let found: Vec<Vec<u8>> = lexicon
            .fuzzy(&query, distance)
            .unwrap()
            .into_vec()
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        prop_assert_eq!(found, expected.into_keys().collect::<Vec<_>>());
        // And the automaton's own distance agrees, key by key.
        let automaton = Levenshtein::new(&query, distance).unwrap();
        for key in &keys {
            let d = levenshtein(key, &query) as u32;
            prop_assert_eq!(automaton.distance_to(key), (d <= distance).then_some(d));
        }
    }
}
