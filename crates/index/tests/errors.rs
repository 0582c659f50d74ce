//! Every error variant, from files and from memory: the right variant, a message naming the
//! file, and never a panic.

mod common;

use common::*;
use index::{Error, Lexicon, LexiconBuilder, LexiconKind, MorphLexicon, WordLexicon, section};
use std::path::Path;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn missing_path_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.vnlx");
    let err = Lexicon::open(&path).unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    assert!(err.to_string().contains("absent.vnlx"), "{err}");
    assert!(matches!(
        index::read_sources_checksum(&path),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn directory_is_not_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let err = Lexicon::open(dir.path()).unwrap_err();
    assert!(matches!(err, Error::NotAFile { .. }), "{err:?}");
    assert!(err.to_string().contains(&dir.path().display().to_string()));
}

#[test]
fn empty_file_is_truncated() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.vnlx", b"");
    let err = Lexicon::open(&path).unwrap_err();
    match &err {
        Error::Truncated {
            expected, actual, ..
        } => {
            assert_eq!(*actual, 0);
            assert!(*expected >= 64);
        }
        other => panic!("expected Truncated, got {other:?}"),
    }
    assert!(err.to_string().contains("empty.vnlx"), "{err}");
    assert!(matches!(
        Lexicon::from_bytes(Vec::new()),
        Err(Error::Truncated { .. })
    ));
}

#[test]
fn every_truncation_is_reported_as_truncated() {
    let dir = tempfile::tempdir().unwrap();
    for full in [sample_map(), sample_words(), sample_morph()] {
        for len in 0..full.len() {
            let cut = full[..len].to_vec();
            match Lexicon::from_bytes(cut.clone()) {
                Err(Error::Truncated {
                    expected, actual, ..
                }) => {
                    assert_eq!(actual, len as u64);
                    assert!(expected > actual);
                }
                other => panic!("length {len}: expected Truncated, got {other:?}"),
            }
            // Through the file path too, at a sample of lengths.
            if len % 97 == 0 || len < 70 {
                let path = write(dir.path(), "cut.vnlx", &cut);
                assert!(
                    matches!(Lexicon::open(&path), Err(Error::Truncated { .. })),
                    "length {len}"
                );
                assert!(
                    matches!(index::read_header(&path), Err(Error::Truncated { .. })),
                    "length {len}"
                );
            }
        }
    }
}

#[test]
fn trailing_bytes_are_reported() {
    let mut bytes = sample_words();
    bytes.extend_from_slice(b"junk");
    assert!(matches!(
        Lexicon::from_bytes(bytes),
        Err(Error::TrailingData { .. })
    ));
}

#[test]
fn wrong_magic() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = sample_words();
    bytes[0] = b'X';
    let path = write(dir.path(), "magic.vnlx", &bytes);
    let err = Lexicon::open(&path).unwrap_err();
    assert!(matches!(err, Error::BadMagic { .. }), "{err:?}");
    assert!(
        err.to_string().contains("magic.vnlx") && err.to_string().contains("XNUKLEX"),
        "{err}"
    );
    // A short file that is not a lexicon at all.
    let path = write(dir.path(), "short.txt", b"hello, world");
    assert!(matches!(Lexicon::open(&path), Err(Error::BadMagic { .. })));
}

#[test]
fn wrong_version() {
    let mut bytes = sample_words();
    bytes[VERSION_AT..VERSION_AT + 4].copy_from_slice(&2u32.to_le_bytes());
    reseal(&mut bytes); // as a future writer would have written it
    let err = Lexicon::from_bytes(bytes).unwrap_err();
    match &err {
        Error::UnsupportedVersion {
            found, supported, ..
        } => {
            assert_eq!((*found, *supported), (2, 1));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("<memory>"), "{err}");
}

#[test]
fn flipped_header_bytes_are_caught_at_open() {
    for full in [sample_map(), sample_words(), sample_morph()] {
        let hlen = header_len(&full);
        for at in 0..hlen {
            for mask in [0x01u8, 0x80, 0xFF] {
                let mut bytes = full.clone();
                bytes[at] ^= mask;
                let err = Lexicon::from_bytes(bytes).unwrap_err();
                let ok = match at {
                    0..8 => matches!(err, Error::BadMagic { .. }),
                    8..12 => matches!(err, Error::UnsupportedVersion { .. }),
                    _ => matches!(err, Error::HeaderChecksum { .. }),
                };
                assert!(ok, "byte {at} ^ {mask:#x}: {err:?}");
            }
        }
    }
}

#[test]
fn flipped_body_bytes_are_caught_by_verify() {
    for full in [sample_map(), sample_words(), sample_morph()] {
        let hlen = header_len(&full);
        for at in hlen..full.len() {
            let mut bytes = full.clone();
            bytes[at] ^= 0x41;
            // Open may already object (an fst footer byte); otherwise verify must.
            match Lexicon::from_bytes(bytes) {
                Err(Error::CorruptFst { .. } | Error::CorruptSection { .. }) => {}
                Err(other) => panic!("byte {at}: unexpected open error {other:?}"),
                Ok(lexicon) => match lexicon.verify() {
                    Err(Error::BodyChecksum {
                        expected, found, ..
                    }) => assert_ne!(expected, found),
                    other => panic!("byte {at}: expected BodyChecksum, got {other:?}"),
                },
            }
        }
    }
}

#[test]
fn flipped_fst_bytes_with_resealed_body_give_corrupt_fst() {
    let full = sample_words();
    let fst = section_range(&full, section::FST);
    for at in fst {
        let mut bytes = full.clone();
        bytes[at] ^= 0x10;
        reseal(&mut bytes);
        let result = Lexicon::from_bytes(bytes).and_then(|lexicon| lexicon.verify());
        assert!(
            matches!(result, Err(Error::CorruptFst { .. })),
            "byte {at}: {result:?}"
        );
    }
}

#[test]
fn corrupt_payloads_with_resealed_body_give_corrupt_section() {
    // Word entries: a wrong syllable count.
    let mut bytes = sample_words();
    let entries = section_range(&bytes, section::WORD_ENTRIES);
    bytes[entries.start + 6] = 9;
    reseal(&mut bytes);
    let words = WordLexicon::from_bytes(bytes).unwrap();
    let err = words.verify().unwrap_err();
    assert!(
        matches!(&err, Error::CorruptSection { section, .. } if section == "word-entries"),
        "{err:?}"
    );

    // Morph: an invalid UPOS code in the first record.
    let mut bytes = sample_morph();
    let records = section_range(&bytes, section::MORPH_ANALYSES);
    bytes[records.start + 6] = 31;
    reseal(&mut bytes);
    let err = MorphLexicon::from_bytes(bytes)
        .unwrap()
        .verify()
        .unwrap_err();
    assert!(
        matches!(&err, Error::CorruptSection { section, detail, .. } if section == "morph-analyses" && detail.contains("UPOS")),
        "{err:?}"
    );

    // Morph: set offsets out of order.
    let mut bytes = sample_morph();
    let offsets = section_range(&bytes, section::MORPH_SET_OFFSETS);
    bytes[offsets.start + 4] = 0xEE;
    reseal(&mut bytes);
    let err = MorphLexicon::from_bytes(bytes)
        .unwrap()
        .verify()
        .unwrap_err();
    assert!(
        matches!(&err, Error::CorruptSection { section, .. } if section == "morph-set-offsets"),
        "{err:?}"
    );

    // Morph: a suffix that is not UTF-8.
    let mut bytes = sample_morph();
    let suffixes = section_range(&bytes, section::MORPH_SUFFIX_BYTES);
    assert!(!suffixes.is_empty());
    bytes[suffixes.start] = 0xFF;
    reseal(&mut bytes);
    let err = MorphLexicon::from_bytes(bytes)
        .unwrap()
        .verify()
        .unwrap_err();
    assert!(
        matches!(&err, Error::CorruptSection { section, .. } if section == "morph-suffix-bytes"),
        "{err:?}"
    );
}

#[test]
fn open_checked_checks_bytes_not_structure() {
    let dir = tempfile::tempdir().unwrap();
    // A flipped payload byte: caught by the checksum.
    let mut bytes = sample_words();
    let entries = section_range(&bytes, section::WORD_ENTRIES);
    bytes[entries.start] ^= 1;
    let path = write(dir.path(), "flipped.vnlx", &bytes);
    assert!(WordLexicon::open(&path).is_ok());
    assert!(matches!(
        WordLexicon::open_checked(&path),
        Err(Error::BodyChecksum { .. })
    ));
    assert!(matches!(
        Lexicon::open_checked(&path),
        Err(Error::BodyChecksum { .. })
    ));
    // The same damage, resealed: the checksums pass, only the full verify sees the bad table.
    let mut bytes = sample_words();
    bytes[entries.start + 6] = 9; // syllable count
    reseal(&mut bytes);
    let path = write(dir.path(), "resealed.vnlx", &bytes);
    let words = WordLexicon::open_checked(&path).unwrap();
    assert!(matches!(words.verify(), Err(Error::CorruptSection { .. })));
    assert!(matches!(
        WordLexicon::open_verified(&path),
        Err(Error::CorruptSection { .. })
    ));
    // Valid files pass both.
    let path = write(dir.path(), "morph.vnlx", &sample_morph());
    MorphLexicon::open_checked(&path).unwrap().verify().unwrap();
}

#[test]
fn strip_longer_than_form_is_caught() {
    // Records of one set are shared by forms; a strip beyond the shortest form must fail verify.
    let mut bytes = sample_morph();
    let records = section_range(&bytes, section::MORPH_ANALYSES);
    bytes[records.start + 4..records.start + 6].copy_from_slice(&500u16.to_le_bytes());
    reseal(&mut bytes);
    let morph = MorphLexicon::from_bytes(bytes).unwrap();
    // Unverified queries do not panic and report the misfit.
    let mut lemma = String::new();
    for form in ["києва", "київ", "мама", "мами"] {
        for analysis in morph.analyses(form) {
            let _ = analysis.write_lemma(&mut lemma);
        }
    }
    let err = morph.verify().unwrap_err();
    assert!(
        matches!(&err, Error::CorruptSection { detail, .. } if detail.contains("strips")),
        "{err:?}"
    );
}

#[test]
fn wrong_kind() {
    let err = WordLexicon::from_bytes(sample_morph()).unwrap_err();
    match &err {
        Error::WrongKind {
            expected, found, ..
        } => {
            assert_eq!((*expected, *found), (LexiconKind::Words, 2));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("words"), "{err}");
    assert!(matches!(
        MorphLexicon::from_bytes(sample_words()),
        Err(Error::WrongKind { .. })
    ));
    assert!(matches!(
        MorphLexicon::from_bytes(sample_map()),
        Err(Error::WrongKind { .. })
    ));
}

#[test]
fn unknown_kind() {
    let mut bytes = sample_map();
    bytes[KIND_AT..KIND_AT + 4].copy_from_slice(&77u32.to_le_bytes());
    reseal(&mut bytes);
    assert!(matches!(
        Lexicon::from_bytes(bytes),
        Err(Error::UnknownKind { found: 77, .. })
    ));
}

#[test]
fn missing_sections() {
    // A Words file without its entry table.
    let mut builder = LexiconBuilder::new(LexiconKind::Words, 0);
    builder.insert(b"a", 0).unwrap();
    let bytes = builder.finish_to_vec().unwrap();
    let lexicon = Lexicon::from_bytes(bytes.clone()).unwrap();
    assert!(matches!(
        lexicon.verify(),
        Err(Error::CorruptSection { .. })
    ));
    let err = WordLexicon::from_bytes(bytes).unwrap_err();
    assert!(
        matches!(&err, Error::CorruptSection { section, detail, .. } if section == "word-entries" && detail == "missing")
    );

    // A Morph file with an analysis table that is not whole records.
    let mut builder = LexiconBuilder::new(LexiconKind::Morph, 0);
    builder.insert(b"a", 0).unwrap();
    builder
        .add_section(section::MORPH_SET_OFFSETS, vec![0; 8])
        .unwrap();
    builder
        .add_section(section::MORPH_ANALYSES, vec![0; 7])
        .unwrap();
    builder
        .add_section(section::MORPH_SUFFIX_OFFSETS, vec![0; 4])
        .unwrap();
    builder
        .add_section(section::MORPH_SUFFIX_BYTES, Vec::new())
        .unwrap();
    let err = MorphLexicon::from_bytes(builder.finish_to_vec().unwrap()).unwrap_err();
    assert!(
        matches!(&err, Error::CorruptSection { section, .. } if section == "morph-analyses"),
        "{err:?}"
    );
}

#[test]
fn misplaced_sections_are_caught_at_open() {
    let full = sample_words();
    // Section 0's offset moved into the header, then off alignment, then past the end.
    for (offset, expect) in [
        (8u64, "overlaps"),
        (full.len() as u64 - 3, "aligned"),
        (1 << 40, ""),
    ] {
        let mut bytes = full.clone();
        bytes[TABLE_AT + 8..TABLE_AT + 16].copy_from_slice(&offset.to_le_bytes());
        reseal(&mut bytes);
        let err = Lexicon::from_bytes(bytes).unwrap_err();
        match &err {
            Error::CorruptSection { detail, .. } => assert!(detail.contains(expect), "{err}"),
            Error::Truncated { .. } => assert!(expect.is_empty(), "{err:?}"),
            other => panic!("{other:?}"),
        }
    }
    // Too many sections.
    let mut bytes = full.clone();
    bytes[SECTION_COUNT_AT..SECTION_COUNT_AT + 4].copy_from_slice(&1000u32.to_le_bytes());
    assert!(matches!(
        Lexicon::from_bytes(bytes),
        Err(Error::HeaderChecksum { .. })
    ));
}

#[test]
fn fst_footer_damage_is_caught_at_open() {
    let full = sample_words();
    let fst = section_range(&full, section::FST);
    // The root address sits 12 bytes before the end of the fst.
    let mut bytes = full.clone();
    bytes[fst.end - 12] ^= 0x04;
    reseal(&mut bytes);
    let err = Lexicon::from_bytes(bytes).unwrap_err();
    assert!(
        matches!(&err, Error::CorruptFst { detail, .. } if detail.contains("root")),
        "{err:?}"
    );
    // The key count, 20 bytes before the end.
    let mut bytes = full.clone();
    bytes[fst.end - 20] ^= 0x01;
    reseal(&mut bytes);
    let err = Lexicon::from_bytes(bytes).unwrap_err();
    assert!(
        matches!(&err, Error::CorruptFst { detail, .. } if detail.contains("keys")),
        "{err:?}"
    );
}

#[test]
fn builder_errors() {
    let mut builder = LexiconBuilder::new(LexiconKind::Map, 0);
    builder.insert(b"b", 1).unwrap();
    match builder.insert(b"a", 2).unwrap_err() {
        Error::KeysOutOfOrder { previous, key } => {
            assert_eq!((previous.as_str(), key.as_str()), ("b", "a"))
        }
        other => panic!("{other:?}"),
    }
    match builder.insert(b"b", 2).unwrap_err() {
        Error::DuplicateKey { key } => assert_eq!(key, "b"),
        other => panic!("{other:?}"),
    }
    assert!(builder.add_section(section::FST, Vec::new()).is_err());
    builder.add_section(100, vec![1, 2, 3]).unwrap();
    assert!(builder.add_section(100, Vec::new()).is_err());
    // Unknown sections are carried and ignored by readers.
    let lexicon = Lexicon::from_bytes(builder.finish_to_vec().unwrap()).unwrap();
    lexicon.verify().unwrap();
    assert_eq!(lexicon.section(100), Some(&[1u8, 2, 3][..]));

    let mut words = index::WordLexiconBuilder::new(0);
    let bad = index::WordEntry {
        syllables: 3,
        ..Default::default()
    };
    assert!(matches!(
        words.insert(b"a b", bad),
        Err(Error::InvalidEntry { .. })
    ));
    let bad = index::WordEntry {
        reserved: 1,
        ..Default::default()
    };
    assert!(matches!(
        words.insert(b"a b", bad),
        Err(Error::InvalidEntry { .. })
    ));

    let mut morph = index::MorphLexiconBuilder::new(0);
    assert!(matches!(
        morph.insert("a", &[]),
        Err(Error::InvalidEntry { .. })
    ));

    // Writing into a directory that does not exist.
    let dir = tempfile::tempdir().unwrap();
    let err = index::WordLexiconBuilder::new(0)
        .finish(dir.path().join("no/such/dir/x.vnlx"))
        .unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
    assert!(err.to_string().contains("x.vnlx"), "{err}");
}

#[test]
fn query_errors() {
    let lexicon = Lexicon::from_bytes(sample_map()).unwrap();
    let too_far = index::MAX_FUZZY_DISTANCE + 1;
    let err = lexicon.fuzzy("abc", too_far).err().unwrap();
    assert!(
        matches!(err, Error::Fuzzy { distance, .. } if distance == too_far),
        "{err:?}"
    );
    assert!(err.to_string().contains("\"abc\""), "{err}");
    // Long queries at the largest distance are fine (the automaton's size does not depend on
    // the query's length).
    let long = "abcdefghijklmnopqrstuvwxyz0123456789";
    assert!(lexicon.fuzzy(long, index::MAX_FUZZY_DISTANCE).is_ok());
    let err = lexicon.regex("(unclosed").err().unwrap();
    assert!(matches!(err, Error::Regex { .. }), "{err:?}");
    // Unicode word boundaries cannot be expressed by a DFA.
    assert!(matches!(lexicon.regex(r"\bnhà"), Err(Error::Regex { .. })));
}
