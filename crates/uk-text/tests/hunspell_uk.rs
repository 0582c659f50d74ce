//! The Hunspell reader on the vendored hunspell-uk dictionary: the counts of the expansion
//! (a regression check of the expander) and forms of a few well-known paradigms.

use std::collections::HashSet;
use std::path::Path;
use uk_text::hunspell::{AffixFile, Dictionary, Expander};
use xxhash_rust::xxh3::xxh3_64;

fn source(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/sources/uk/hunspell-uk")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn vendored_dictionary_expands_as_measured() {
    let aff = AffixFile::parse(&source("uk_UA.aff"), "uk_UA.aff").expect("the .aff parses");
    let dic = Dictionary::parse(&source("uk_UA.dic"), "uk_UA.dic", &aff).expect("the .dic parses");
    assert_eq!(aff.classes().len(), 89);
    assert_eq!(aff.rule_count(), 5_541);
    assert_eq!(
        (dic.declared_count(), dic.entries().len()),
        (331_660, 331_660)
    );

    let mut expander = Expander::new(&aff);
    let mut emitted = 0usize;
    // Distinct (form, stem) pairs, as 64-bit hashes (collisions are vanishingly unlikely).
    let mut pairs: Vec<u64> = Vec::with_capacity(3_700_000);
    let mut buf = Vec::new();
    let mut paradigms: Vec<(&str, HashSet<String>)> =
        ["переговори", "Київ", "робити", "швидкий", "абсолютний"]
            .into_iter()
            .map(|stem| (stem, HashSet::new()))
            .collect();
    for entry in dic.entries() {
        let watched = paradigms.iter().position(|(stem, _)| *stem == entry.word);
        expander.expand(&entry.word, &entry.flags, &mut |form, _| {
            emitted += 1;
            buf.clear();
            buf.extend_from_slice(form.as_bytes());
            buf.push(0);
            buf.extend_from_slice(entry.word.as_bytes());
            pairs.push(xxh3_64(&buf));
            if let Some(i) = watched {
                paradigms[i].1.insert(form.to_owned());
            }
        });
    }
    pairs.sort_unstable();
    pairs.dedup();
    assert_eq!(emitted, 3_601_076);
    // The note in ../shared/notes/data-sources.md measured 3,419,163 with another expander.
    assert_eq!(pairs.len(), 3_416_629);

    let forms = |stem: &str| -> &HashSet<String> {
        &paradigms
            .iter()
            .find(|(s, _)| *s == stem)
            .expect("watched")
            .1
    };
    for form in [
        "переговори",
        "переговорів",
        "переговорам",
        "переговорами",
        "переговорах",
    ] {
        assert!(forms("переговори").contains(form), "{form}");
    }
    for form in ["Київ", "Києва", "Києву", "Києві", "Києвом"] {
        assert!(forms("Київ").contains(form), "{form}");
    }
    for form in [
        "роблю",
        "робиш",
        "робить",
        "робимо",
        "робили",
        "робитиму",
        "роблячи",
    ] {
        assert!(forms("робити").contains(form), "{form}");
    }
    for form in ["швидкого", "швидкому", "швидкою", "швидких"] {
        assert!(forms("швидкий").contains(form), "{form}");
    }
    // Class `+` makes adverbs; швидко is listed as a stem of its own.
    assert!(forms("абсолютний").contains("абсолютно"));
    assert!(!forms("швидкий").contains("швидко"));
    assert!(!forms("швидкий").contains("швидкийого"));
}
