//! Builder -> reader round trips checked against brute force over the inserted keys.

mod common;

use std::collections::BTreeMap;

use common::*;
use core_model::Upos;
use index::{
    Lexicon, LexiconBuilder, LexiconKind, MorphInput, MorphLexicon, MorphLexiconBuilder,
    SyllableMatch, WordEntry, WordLexicon, WordLexiconBuilder,
};
use proptest::prelude::*;

fn build_map(entries: &BTreeMap<String, u64>) -> Lexicon {
    let mut builder = LexiconBuilder::new(LexiconKind::Map, 5);
    for (key, value) in entries {
        builder.insert(key.as_bytes(), *value).unwrap();
    }
    let lexicon = Lexicon::from_bytes(builder.finish_to_vec().unwrap()).unwrap();
    lexicon.verify().unwrap();
    lexicon
}

/// Keys made of 1-3 syllables from a small inventory (with multi-byte letters), joined by spaces.
fn syllable_keys() -> impl Strategy<Value = BTreeMap<String, u64>> {
    let syllable = prop::sample::select(vec![
        "a", "an", "nhà", "nước", "ta", "bí", "mật", "ư", "ngư",
    ]);
    let key = prop::collection::vec(syllable, 1..4).prop_map(|s| s.join(" "));
    prop::collection::btree_map(key, any::<u64>(), 0..40)
}

/// Arbitrary short strings over a small alphabet (including an empty key).
fn string_keys() -> impl Strategy<Value = BTreeMap<String, u64>> {
    prop::collection::btree_map("[abcà ệ]{0,6}", 0u64..1_000_000, 0..60)
}

/// Small regular expressions over the same alphabet.
fn patterns() -> impl Strategy<Value = String> {
    let atom = prop::sample::select(vec![
        "a", "b", "c", "à", "ệ", " ", ".", "[ab]", "[^a]", "(a|bc)", "\\w",
    ]);
    let quantifier = prop::sample::select(vec!["", "", "*", "+", "?", "{1,2}"]);
    let piece = (atom, quantifier).prop_map(|(a, q)| format!("{a}{q}"));
    let branch = prop::collection::vec(piece, 0..4).prop_map(|p| p.concat());
    prop::collection::vec(branch, 1..3).prop_map(|b| b.join("|"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn get_and_stream_round_trip(entries in string_keys(), probes in prop::collection::vec("[abcà ệ]{0,6}", 0..20)) {
        let lexicon = build_map(&entries);
        prop_assert_eq!(lexicon.len(), entries.len());
        for (key, value) in &entries {
            prop_assert_eq!(lexicon.get(key.as_bytes()), Some(*value));
        }
        for probe in &probes {
            prop_assert_eq!(lexicon.get(probe.as_bytes()), entries.get(probe).copied());
        }
        let all: Vec<(Vec<u8>, u64)> = lexicon.stream().into_vec();
        let expected: Vec<(Vec<u8>, u64)> = entries.iter().map(|(k, v)| (k.as_bytes().to_vec(), *v)).collect();
        prop_assert_eq!(all, expected);
    }

    /// `Lexicon::get` reads fst nodes itself: it must agree with `fst` on arbitrary bytes,
    /// values of every size, and fan-outs above the 32-transition index threshold.
    #[test]
    fn get_agrees_with_fst(
        entries in prop::collection::btree_map(prop::collection::vec(any::<u8>(), 0..6), any::<u64>(), 0..400),
        probes in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..6), 0..50),
    ) {
        let mut builder = LexiconBuilder::new(LexiconKind::Map, 0);
        for (key, value) in &entries {
            builder.insert(key, *value).unwrap();
        }
        let lexicon = Lexicon::from_bytes(builder.finish_to_vec().unwrap()).unwrap();
        for (key, value) in &entries {
            prop_assert_eq!(lexicon.get(key), Some(*value));
            prop_assert_eq!(lexicon.fst().get(key), Some(*value));
        }
        for probe in &probes {
            prop_assert_eq!(lexicon.get(probe), lexicon.fst().get(probe));
        }
    }

    #[test]
    fn cursor_agrees_with_get(entries in string_keys(), probe in "[abcà ệ]{0,6}") {
        let lexicon = build_map(&entries);
        for (key, value) in &entries {
            let bytes = key.as_bytes();
            prop_assert_eq!(lexicon.cursor().walk(bytes).and_then(|c| c.value()), Some(*value));
            // Every prefix of a key is reachable; its value is its own (if it is a key).
            for cut in 0..bytes.len() {
                let cursor = lexicon.cursor().walk(&bytes[..cut]);
                prop_assert!(cursor.is_some());
                let expected = std::str::from_utf8(&bytes[..cut]).ok().and_then(|p| entries.get(p)).copied();
                prop_assert_eq!(cursor.and_then(|c| c.value()), expected);
            }
        }
        let reachable = probe.is_empty() || entries.keys().any(|k| k.as_bytes().starts_with(probe.as_bytes()));
        prop_assert_eq!(lexicon.cursor().walk(probe.as_bytes()).is_some(), reachable);
    }

    #[test]
    fn prefix_matches_brute_force(entries in string_keys(), prefix in "[abcà ệ]{0,3}", limit in 0usize..10) {
        let lexicon = build_map(&entries);
        let expected: Vec<(Vec<u8>, u64)> = entries
            .iter()
            .filter(|(k, _)| k.as_bytes().starts_with(prefix.as_bytes()))
            .map(|(k, v)| (k.as_bytes().to_vec(), *v))
            .collect();
        prop_assert_eq!(lexicon.prefix(prefix.as_bytes()).into_vec(), expected.clone());
        let limited: Vec<_> = expected.into_iter().take(limit).collect();
        prop_assert_eq!(lexicon.prefix(prefix.as_bytes()).limit(limit).into_vec(), limited);
    }

    #[test]
    fn prefix_with_high_bytes(keys in prop::collection::btree_set(prop::collection::vec(prop::sample::select(vec![0u8, 1, 0x7F, 0xFE, 0xFF]), 0..5), 0..30), prefix in prop::collection::vec(prop::sample::select(vec![0u8, 0xFE, 0xFF]), 0..3)) {
        let mut builder = LexiconBuilder::new(LexiconKind::Map, 0);
        for (i, key) in keys.iter().enumerate() {
            builder.insert(key, i as u64).unwrap();
        }
        let lexicon = Lexicon::from_bytes(builder.finish_to_vec().unwrap()).unwrap();
        let expected: Vec<Vec<u8>> = keys.iter().filter(|k| k.starts_with(&prefix)).cloned().collect();
        let found: Vec<Vec<u8>> = lexicon.prefix(&prefix).into_vec().into_iter().map(|(k, _)| k).collect();
        prop_assert_eq!(found, expected);
    }

    #[test]
    fn fuzzy_matches_brute_force(entries in string_keys(), query in "[abcà ệ]{0,5}", distance in 0u32..3) {
        let lexicon = build_map(&entries);
        let expected: Vec<(Vec<u8>, u64)> = entries
            .iter()
            .filter(|(k, _)| levenshtein(k, &query) <= distance as usize)
            .map(|(k, v)| (k.as_bytes().to_vec(), *v))
            .collect();
        prop_assert_eq!(lexicon.fuzzy(&query, distance).unwrap().into_vec(), expected);
    }

    #[test]
    fn regex_matches_regex_automata(entries in string_keys(), pattern in patterns()) {
        let lexicon = build_map(&entries);
        let reference = regex_automata::dfa::regex::Regex::new(&format!("^(?:{pattern})$")).unwrap();
        let expected: Vec<(Vec<u8>, u64)> = entries
            .iter()
            .filter(|(k, _)| reference.is_match(k.as_bytes()))
            .map(|(k, v)| (k.as_bytes().to_vec(), *v))
            .collect();
        prop_assert_eq!(lexicon.regex(&pattern).unwrap().into_vec(), expected, "pattern {:?}", pattern);
    }

    #[test]
    fn matches_at_agrees_with_brute_force(
        entries in syllable_keys(),
        text in prop::collection::vec(prop::sample::select(vec!["a", "an", "nhà", "nước", "ta", "bí", "mật", "x"]), 0..8),
        max in 0usize..5,
    ) {
        let lexicon = build_map(&entries);
        let mut out = vec![SyllableMatch { end: 999, value: 1 }]; // kept: out is appended to
        for start in 0..=text.len() + 1 {
            out.truncate(1);
            lexicon.matches_at(&text, start, max, &mut out);
            let mut expected = Vec::new();
            for end in start + 1..=text.len().min(start + max) {
                let key = text[start..end].join(" ");
                if let Some(&value) = entries.get(&key) {
                    expected.push(SyllableMatch { end, value });
                }
            }
            prop_assert_eq!(&out[1..], expected.as_slice());
            prop_assert_eq!(lexicon.longest_match_at(&text, start, max), expected.last().copied());
        }
    }

    #[test]
    fn words_round_trip(entries in syllable_keys()) {
        let mut builder = WordLexiconBuilder::new(3);
        let mut expected = Vec::new();
        for (key, value) in &entries {
            let entry = WordEntry { score: *value as u32, flags: (*value >> 32) as u16, ..WordEntry::default() };
            builder.insert(key.as_bytes(), entry).unwrap();
            expected.push(WordEntry { syllables: key.split(' ').count() as u8, ..entry });
        }
        let bytes = builder.finish_to_vec().unwrap();
        let words = WordLexicon::from_bytes(bytes).unwrap();
        words.verify().unwrap();
        for (ordinal, ((key, _), entry)) in entries.iter().zip(&expected).enumerate() {
            prop_assert_eq!(words.ordinal(key.as_bytes()), Some(ordinal as u64));
            prop_assert_eq!(words.entry(key.as_bytes()), Some(*entry));
            prop_assert_eq!(words.entry_at(ordinal as u64), Some(*entry));
        }
        prop_assert_eq!(words.entry_at(entries.len() as u64), None);
        prop_assert_eq!(words.entry(b"zzz"), None);
    }
}

/// Random lemmas made by editing the form, with case patterns and occasional unrelated lemmas.
fn morph_sets() -> impl Strategy<Value = BTreeMap<String, Vec<(String, u8, u8)>>> {
    let form = "[абвгїєі'ß]{1,7}";
    let analysis = (0usize..4, "[абвгїєіß]{0,3}", 0u8..4, 0u8..17, any::<u8>());
    prop::collection::btree_map(form, prop::collection::vec(analysis, 1..4), 0..40).prop_map(
        |map| {
            map.into_iter()
                .map(|(form, analyses)| {
                    let lemmas = analyses
                        .into_iter()
                        .map(|(strip, suffix, case, upos, flags)| {
                            let chars: Vec<char> = form.chars().collect();
                            let keep = chars.len().saturating_sub(strip);
                            let base: String = chars[..keep].iter().collect::<String>() + &suffix;
                            let lemma = match case {
                                0 => base,
                                1 => {
                                    let mut c = base.chars();
                                    c.next()
                                        .map(|f| f.to_uppercase().chain(c).collect())
                                        .unwrap_or_default()
                                }
                                2 => base.to_uppercase(),
                                _ => format!("Mc{base}X"),
                            };
                            (lemma, upos, flags)
                        })
                        .collect();
                    (form, lemmas)
                })
                .collect()
        },
    )
}

fn build_morph(sets: &BTreeMap<String, Vec<(String, u8, u8)>>) -> Vec<u8> {
    let mut builder = MorphLexiconBuilder::new(0xabc);
    for (form, analyses) in sets {
        let inputs: Vec<MorphInput<'_>> = analyses
            .iter()
            .map(|(lemma, upos, flags)| MorphInput {
                lemma,
                upos: Upos::from_u8(*upos).unwrap(),
                flags: *flags,
            })
            .collect();
        builder.insert(form, &inputs).unwrap();
    }
    builder.finish_to_vec().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn morph_round_trip(sets in morph_sets()) {
        let bytes = build_morph(&sets);
        // Deterministic: building again gives the same bytes.
        prop_assert_eq!(&build_morph(&sets), &bytes);
        let morph = MorphLexicon::from_bytes(bytes).unwrap();
        morph.verify().unwrap();
        prop_assert_eq!(morph.len(), sets.len());
        let mut lemma = String::new();
        for (form, analyses) in &sets {
            // Expected: the inputs with exact duplicates dropped, in order.
            let mut expected: Vec<(String, Upos, u8)> = Vec::new();
            for (l, u, f) in analyses {
                let item = (l.clone(), Upos::from_u8(*u).unwrap(), *f);
                if !expected.contains(&item) {
                    expected.push(item);
                }
            }
            let mut found = Vec::new();
            for analysis in morph.analyses(form) {
                prop_assert!(analysis.lemma_into(form, &mut lemma));
                found.push((lemma.clone(), analysis.upos(), analysis.flags()));
            }
            prop_assert_eq!(&found, &expected, "form {:?}", form);
            prop_assert_eq!(morph.analysis_count(form), expected.len());
        }
        prop_assert_eq!(morph.analyses("unknown-form").count(), 0);
    }
}

#[test]
fn builders_are_deterministic() {
    assert_eq!(sample_map(), sample_map());
    assert_eq!(sample_words(), sample_words());
    assert_eq!(sample_morph(), sample_morph());
}

#[test]
fn files_round_trip_and_info() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("words.vnlx");
    std::fs::write(&path, sample_words()).unwrap();
    let words = WordLexicon::open_verified(&path).unwrap();
    let info = words.info();
    assert_eq!(info.path, path);
    assert_eq!(info.kind, LexiconKind::Words);
    assert_eq!(info.entry_count, 7);
    assert_eq!(info.file_size, std::fs::metadata(&path).unwrap().len());
    assert_eq!(info.sources_checksum, 7);
    assert_eq!(
        info.sections.iter().map(|s| s.name).collect::<Vec<_>>(),
        ["fst", "word-entries"]
    );
    assert_eq!(info.sections[1].len, 7 * 8);
    assert_eq!(index::read_sources_checksum(&path).unwrap(), 7);
    assert_eq!(
        index::read_header(&path).unwrap().body_checksum,
        info.body_checksum
    );

    // finish() replaces an existing file atomically; an open map keeps the old contents.
    let mut builder = WordLexiconBuilder::new(8);
    builder.insert(b"x", WordEntry::default()).unwrap();
    builder.finish(&path).unwrap();
    assert_eq!(words.len(), 7);
    assert_eq!(words.entry("nhà".as_bytes()).map(|e| e.score), Some(102));
    let reopened = WordLexicon::open_verified(&path).unwrap();
    assert_eq!(
        (reopened.len(), reopened.lexicon().sources_checksum()),
        (1, 8)
    );
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }
}

#[test]
fn empty_lexicons() {
    let lexicon = Lexicon::from_bytes(
        LexiconBuilder::new(LexiconKind::Map, 0)
            .finish_to_vec()
            .unwrap(),
    )
    .unwrap();
    lexicon.verify().unwrap();
    assert!(lexicon.is_empty());
    assert_eq!(lexicon.get(b""), None);
    assert_eq!(lexicon.longest_match_at(&["a"], 0, 3), None);
    let words =
        WordLexicon::from_bytes(WordLexiconBuilder::new(0).finish_to_vec().unwrap()).unwrap();
    words.verify().unwrap();
    let morph =
        MorphLexicon::from_bytes(MorphLexiconBuilder::new(0).finish_to_vec().unwrap()).unwrap();
    morph.verify().unwrap();
    assert_eq!(morph.analyses("a").count(), 0);
    // The empty key.
    let mut builder = LexiconBuilder::new(LexiconKind::Map, 0);
    builder.insert(b"", 0).unwrap();
    let lexicon = Lexicon::from_bytes(builder.finish_to_vec().unwrap()).unwrap();
    lexicon.verify().unwrap();
    assert_eq!(lexicon.get(b""), Some(0));
}

#[test]
fn sample_morph_lemmas() {
    let morph = MorphLexicon::from_bytes(sample_morph()).unwrap();
    morph.verify().unwrap();
    let lemmas = |form: &str| -> Vec<(String, Upos)> {
        morph
            .analyses(form)
            .map(|a| (a.lemma().unwrap(), a.upos()))
            .collect()
    };
    assert_eq!(lemmas("києва"), [("Київ".to_owned(), Upos::Propn)]);
    assert_eq!(lemmas("нато"), [("НАТО".to_owned(), Upos::Propn)]);
    assert_eq!(lemmas("люди"), [("людина".to_owned(), Upos::Noun)]);
    assert_eq!(
        lemmas("мами"),
        [
            ("мама".to_owned(), Upos::Noun),
            ("мамий".to_owned(), Upos::Adj)
        ]
    );
    // Identical edits share one set: "мама" -> "мама" and "тато" -> "тато" (strip 0, no suffix).
    assert_eq!(morph.set_id("мама"), morph.set_id("тато"));
    assert_ne!(morph.set_id("київ"), morph.set_id("нато")); // Title vs UPPER
    assert_eq!(morph.set_count(), 7);
}
