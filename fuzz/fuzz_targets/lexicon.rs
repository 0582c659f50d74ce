//! Fuzzes the lexicon reader and builders.
//!
//! The first input byte picks a mode:
//! - raw: the input is a lexicon file: open, verify, and query (no panic);
//! - sealed: a valid fst built from the input, wrapped with payload sections taken from the
//!   input, so that checksums hold and the typed table checks are what is exercised: verify
//!   must reject inconsistent tables, and queries on a verified file must all succeed;
//! - morph: forms and lemmas taken from the input go through `MorphLexiconBuilder` and must
//!   come back exactly;
//! - words: keys and entries go through `WordLexiconBuilder` and must come back exactly.
#![no_main]

use core_model::Upos;
use index::{Levenshtein, RegexAutomaton};
use index::{
    Lexicon, LexiconBuilder, LexiconKind, MorphInput, MorphLexicon, MorphLexiconBuilder, WordEntry,
    WordLexicon, WordLexiconBuilder, section,
};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// Automata compiled once (compiling a DFA per input would dominate the run time).
fn automata() -> &'static (RegexAutomaton, Levenshtein) {
    static AUTOMATA: OnceLock<(RegexAutomaton, Levenshtein)> = OnceLock::new();
    AUTOMATA.get_or_init(|| {
        (
            RegexAutomaton::new("a.*").expect("valid pattern"),
            Levenshtein::new("ab", 1).expect("distance within the limit"),
        )
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 4 {
        0 => raw(rest),
        1 => sealed(rest),
        2 => morph_round_trip(rest),
        _ => words_round_trip(rest),
    }
});

/// Runs queries of every kind on a lexicon; with `verified`, typed lookups must all succeed.
fn exercise(bytes: Vec<u8>, verified: bool) {
    let Ok(lexicon) = Lexicon::from_bytes(bytes) else {
        return;
    };
    let entries = lexicon.stream().limit(200).into_vec();
    for (key, value) in &entries {
        assert_eq!(lexicon.get(key), Some(*value));
        let _ = lexicon.prefix(&key[..key.len().min(1)]).limit(10).count();
    }
    let (regex, levenshtein) = automata();
    // Every fuzzy match is a valid UTF-8 key within the automaton's distance.
    let mut fuzzy = lexicon.search(levenshtein).limit(50);
    while let Some((key, _)) = fuzzy.next() {
        let key = std::str::from_utf8(key).expect("fuzzy matches are UTF-8");
        assert!(levenshtein.distance_to(key).is_some(), "{key:?}");
    }
    let _ = lexicon.search(regex).limit(50).count();
    let syllables: Vec<String> = entries
        .first()
        .map(|(k, _)| {
            String::from_utf8_lossy(k)
                .split(' ')
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    lexicon.matches_at(&syllables, 0, 8, &mut out);
    match lexicon.kind() {
        LexiconKind::Words => {
            let Ok(words) = WordLexicon::from_lexicon(lexicon) else {
                assert!(!verified, "a verified Words lexicon must open as one");
                return;
            };
            for (key, _) in &entries {
                let entry = words.entry(key);
                assert!(!verified || entry.is_some());
            }
        }
        LexiconKind::Morph => {
            let Ok(morph) = MorphLexicon::from_lexicon(lexicon) else {
                assert!(!verified, "a verified Morph lexicon must open as one");
                return;
            };
            let mut lemma = String::new();
            for (key, _) in &entries {
                let form = String::from_utf8_lossy(key);
                for analysis in morph.analyses(&form) {
                    let ok = analysis.lemma_into(&form, &mut lemma);
                    assert!(!verified || ok, "verified lexicon cannot rebuild a lemma");
                    let _ = (analysis.upos(), analysis.flags(), analysis.case());
                }
            }
        }
        LexiconKind::Map => {}
        _ => {}
    }
}

fn check(bytes: Vec<u8>) {
    let verified = match Lexicon::from_bytes(bytes.clone()) {
        Ok(lexicon) => {
            // Exact lookups are bounds-checked even on a damaged fst.
            for probe in ["a", "ab", "nhà nước", "мами", "києва"] {
                let _ = lexicon.get(probe.as_bytes());
            }
            let mut out = Vec::new();
            lexicon.matches_at(&["nhà", "nước", "ta"], 0, 3, &mut out);
            lexicon.verify().is_ok()
        }
        Err(_) => return,
    };
    if verified {
        exercise(bytes, true);
    } else if let Ok(lexicon) = Lexicon::from_bytes(bytes.clone()) {
        // Only the fst itself is trusted blindly by queries; skip files whose fst is damaged.
        if lexicon.fst().as_fst().verify().is_ok() {
            drop(lexicon);
            exercise(bytes, false);
        }
    }
}

fn raw(data: &[u8]) {
    check(data.to_vec());
}

/// Splits `data` at `sep` into at most `n` parts.
fn parts(data: &[u8], sep: u8, n: usize) -> Vec<&[u8]> {
    data.splitn(n, |&b| b == sep).collect()
}

fn sealed(data: &[u8]) {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let kind = match kind % 3 {
        0 => LexiconKind::Words,
        1 => LexiconKind::Morph,
        _ => LexiconKind::Map,
    };
    // Layout: keys (separated by 0x0A) 0xFF section 2 0xFF section 3 ... ; values are small.
    let pieces = parts(rest, 0xFF, 6);
    let mut keys: Vec<&[u8]> = pieces
        .first()
        .map(|k| k.split(|&b| b == b'\n').collect())
        .unwrap_or_default();
    keys.sort();
    keys.dedup();
    let mut builder = LexiconBuilder::new(kind, 0);
    for (i, key) in keys.iter().enumerate() {
        let value = match (kind, key.first()) {
            (LexiconKind::Words, _) | (_, None) => i as u64,
            (_, Some(&b)) => u64::from(b % 8),
        };
        if builder.insert(key, value).is_err() {
            return;
        }
    }
    let ids = match kind {
        LexiconKind::Words => vec![section::WORD_ENTRIES],
        LexiconKind::Morph => vec![
            section::MORPH_SET_OFFSETS,
            section::MORPH_ANALYSES,
            section::MORPH_SUFFIX_OFFSETS,
            section::MORPH_SUFFIX_BYTES,
        ],
        _ => vec![99],
    };
    for (id, piece) in ids.into_iter().zip(pieces.iter().skip(1)) {
        if builder.add_section(id, piece.to_vec()).is_err() {
            return;
        }
    }
    let Ok(bytes) = builder.finish_to_vec() else {
        return;
    };
    check(bytes);
}

/// One analysis as given to the builder: lemma, tag, flags.
type Input = (String, Upos, u8);

fn morph_round_trip(data: &[u8]) {
    // Records: form 0x00 lemma 0x00 upos-byte flags-byte ... separated by 0x01.
    let text = String::from_utf8_lossy(data);
    let mut forms: Vec<(String, Vec<Input>)> = Vec::new();
    for record in text.split('\u{1}') {
        let mut fields = record.split('\0');
        let (Some(form), Some(rest)) = (fields.next(), fields.next()) else {
            continue;
        };
        let mut analyses = Vec::new();
        for (i, lemma) in std::iter::once(rest).chain(fields).enumerate() {
            let code = form.len() as u8 ^ (i as u8);
            analyses.push((
                lemma.to_owned(),
                Upos::ALL[usize::from(code) % Upos::ALL.len()],
                code,
            ));
        }
        forms.push((form.to_owned(), analyses));
    }
    forms.sort_by(|a, b| a.0.cmp(&b.0));
    forms.dedup_by(|a, b| a.0 == b.0);
    let build = || {
        let mut builder = MorphLexiconBuilder::new(1);
        for (form, analyses) in &forms {
            let inputs: Vec<MorphInput<'_>> = analyses
                .iter()
                .map(|(lemma, upos, flags)| MorphInput {
                    lemma,
                    upos: *upos,
                    flags: *flags,
                })
                .collect();
            builder
                .insert(form, &inputs)
                .expect("sorted, unique, non-empty forms are accepted");
        }
        builder.finish_to_vec().expect("in-memory build")
    };
    let bytes = build();
    assert_eq!(bytes, build(), "builds are deterministic");
    let morph = MorphLexicon::from_bytes(bytes).expect("built file opens");
    morph.verify().expect("built file verifies");
    let mut lemma = String::new();
    for (form, analyses) in &forms {
        let mut expected: Vec<&Input> = Vec::new();
        for analysis in analyses {
            if !expected.contains(&analysis) {
                expected.push(analysis);
            }
        }
        let found: Vec<Input> = morph
            .analyses(form)
            .map(|a| {
                assert!(a.lemma_into(form, &mut lemma));
                (lemma.clone(), a.upos(), a.flags())
            })
            .collect();
        assert_eq!(found.iter().collect::<Vec<_>>(), expected, "form {form:?}");
    }
}

fn words_round_trip(data: &[u8]) {
    let mut keys: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    keys.sort();
    keys.dedup();
    let mut builder = WordLexiconBuilder::new(2);
    let mut kept = Vec::new();
    for key in keys {
        let entry = WordEntry {
            score: key.len() as u32,
            flags: key.first().copied().unwrap_or(0).into(),
            ..WordEntry::default()
        };
        if builder.insert(key, entry).is_ok() {
            kept.push((key, entry));
        }
    }
    let words = WordLexicon::from_bytes(builder.finish_to_vec().expect("in-memory build"))
        .expect("built file opens");
    words.verify().expect("built file verifies");
    for (ordinal, (key, entry)) in kept.iter().enumerate() {
        let found = words.entry(key).expect("inserted key is found");
        assert_eq!((found.score, found.flags), (entry.score, entry.flags));
        assert_eq!(words.ordinal(key), Some(ordinal as u64));
    }
}
