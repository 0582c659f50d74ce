//! Random damage to valid files: open, verify and (when verified) every query must run without
//! panicking, and a verified lexicon must answer consistently.

mod common;

use common::*;
use index::{Error, Lexicon, LexiconKind, MorphLexicon, WordLexicon};
use proptest::prelude::*;

/// Runs every query kind; returns the number of results (so the work is not optimized away).
fn exercise(lexicon: &Lexicon) -> usize {
    let mut n = 0;
    let keys: Vec<Vec<u8>> = lexicon
        .stream()
        .into_vec()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    for key in keys.iter().take(50) {
        n += usize::from(lexicon.get(key).is_some());
        n += lexicon.prefix(&key[..key.len().min(2)]).limit(20).count();
    }
    n += lexicon.fuzzy("nha", 1).map(|m| m.count()).unwrap_or(0);
    n += lexicon.regex(".*a.*").map(|m| m.count()).unwrap_or(0);
    let mut out = Vec::new();
    lexicon.matches_at(&["nhà", "nước", "ta"], 0, 3, &mut out);
    n + out.len()
}

fn exercise_typed(bytes: Vec<u8>, verified: bool) -> Result<usize, Error> {
    let lexicon = Lexicon::from_bytes(bytes)?;
    let mut n = exercise(&lexicon);
    let keys: Vec<Vec<u8>> = lexicon
        .stream()
        .into_vec()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    match lexicon.kind() {
        LexiconKind::Words => {
            let words = WordLexicon::from_lexicon(lexicon)?;
            for key in &keys {
                let entry = words.entry(key);
                if verified {
                    assert!(
                        entry.is_some(),
                        "verified lexicon lost the entry of {key:?}"
                    );
                }
                n += usize::from(entry.is_some());
            }
        }
        LexiconKind::Morph => {
            let morph = MorphLexicon::from_lexicon(lexicon)?;
            let mut lemma = String::new();
            for key in &keys {
                let form = String::from_utf8_lossy(key);
                for analysis in morph.analyses(&form) {
                    let ok = analysis.lemma_into(&form, &mut lemma);
                    if verified {
                        assert!(ok, "verified lexicon cannot rebuild a lemma of {form:?}");
                    }
                    n += lemma.len() + analysis.upos() as usize;
                }
            }
        }
        _ => {}
    }
    Ok(n)
}

/// Keys likely to walk deep into the sample lexicons.
const PROBES: [&str; 8] = [
    "a",
    "ab",
    "abc",
    "nhà nước",
    "nhà nước ta",
    "мами",
    "києва",
    "тато",
];

/// Opens damaged bytes; verifies; queries. Never panics.
fn survive(bytes: Vec<u8>) {
    let Ok(lexicon) = Lexicon::from_bytes(bytes.clone()) else {
        return;
    };
    // Exact lookups are bounds-checked even when the fst itself is damaged.
    let mut out = Vec::new();
    for probe in PROBES {
        let _ = lexicon.get(probe.as_bytes());
    }
    lexicon.matches_at(&["nhà", "nước", "ta"], 0, 3, &mut out);
    let verified = lexicon.verify().is_ok();
    drop(lexicon);
    if verified {
        exercise_typed(bytes, true).unwrap();
    } else if let Ok(lexicon) = Lexicon::from_bytes(bytes.clone()) {
        // Unverified but the fst checksum holds: payload tables are damaged, queries must cope.
        if lexicon.fst().as_fst().verify().is_ok() {
            let _ = exercise_typed(bytes, false);
        }
    }
}

#[derive(Debug, Clone)]
enum Damage {
    Set { at: usize, value: u8 },
    Truncate { len: usize },
    Insert { at: usize, value: u8 },
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        4 => (any::<usize>(), any::<u8>()).prop_map(|(at, value)| Damage::Set { at, value }),
        1 => any::<usize>().prop_map(|len| Damage::Truncate { len }),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(at, value)| Damage::Insert { at, value }),
    ]
}

fn apply(mut bytes: Vec<u8>, damages: &[Damage], only_payload: bool) -> Vec<u8> {
    let fst = section_range(&bytes, index::section::FST);
    let hlen = header_len(&bytes);
    for d in damages {
        if bytes.is_empty() {
            break;
        }
        match *d {
            Damage::Set { at, value } => {
                let mut at = at % bytes.len();
                if only_payload && (fst.contains(&at) || at < hlen) {
                    // Move the damage past the fst (payload sections follow it).
                    at = fst.end + at % (bytes.len() - fst.end).max(1);
                    if at >= bytes.len() {
                        continue;
                    }
                }
                bytes[at] = value;
            }
            Damage::Truncate { len } if !only_payload => bytes.truncate(len % bytes.len()),
            Damage::Insert { at, value } if !only_payload => bytes.insert(at % bytes.len(), value),
            _ => {}
        }
    }
    bytes
}

fn samples() -> impl Strategy<Value = Vec<u8>> {
    prop::sample::select(vec![sample_map(), sample_words(), sample_morph()])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Raw damage: almost always caught by a checksum.
    #[test]
    fn random_damage_never_panics(bytes in samples(), damages in prop::collection::vec(damage(), 1..4)) {
        survive(apply(bytes, &damages, false));
    }

    /// Damage to the header fields with checksums recomputed: reaches the structural checks.
    #[test]
    fn resealed_header_damage_never_panics(bytes in samples(), at in 8usize..200, value in any::<u8>()) {
        let mut bytes = bytes;
        let hlen = header_len(&bytes);
        let at = 8 + at % (hlen - 16);
        bytes[at] = value;
        reseal(&mut bytes);
        survive(bytes);
    }

    /// Payload damage with checksums recomputed: only the typed table checks stand in the way.
    #[test]
    fn resealed_payload_damage_never_panics(bytes in samples(), damages in prop::collection::vec(damage(), 1..6)) {
        let mut bytes = apply(bytes, &damages, true);
        reseal(&mut bytes);
        survive(bytes);
    }
}
