//! Helpers shared by the integration tests.
#![allow(dead_code)]

use core_model::Upos;
use index::{
    LexiconBuilder, LexiconKind, MorphInput, MorphLexiconBuilder, WordEntry, WordLexiconBuilder,
};
use xxhash_rust::xxh3::xxh3_64;

/// Byte offsets of the header fields.
pub const VERSION_AT: usize = 8;
pub const KIND_AT: usize = 12;
pub const BODY_CHECKSUM_AT: usize = 40;
pub const SECTION_COUNT_AT: usize = 48;
pub const TABLE_AT: usize = 56;

pub fn section_count(bytes: &[u8]) -> usize {
    u32::from_le_bytes(
        bytes[SECTION_COUNT_AT..SECTION_COUNT_AT + 4]
            .try_into()
            .unwrap(),
    ) as usize
}

/// Length of the header including the section table and the header checksum.
pub fn header_len(bytes: &[u8]) -> usize {
    TABLE_AT + 24 * section_count(bytes) + 8
}

/// (id, offset, len) of every section.
pub fn sections(bytes: &[u8]) -> Vec<(u32, usize, usize)> {
    (0..section_count(bytes))
        .map(|i| {
            let at = TABLE_AT + 24 * i;
            let id = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
            let offset = u64::from_le_bytes(bytes[at + 8..at + 16].try_into().unwrap()) as usize;
            let len = u64::from_le_bytes(bytes[at + 16..at + 24].try_into().unwrap()) as usize;
            (id, offset, len)
        })
        .collect()
}

/// The byte range of section `id`.
pub fn section_range(bytes: &[u8], id: u32) -> std::ops::Range<usize> {
    let (_, offset, len) = sections(bytes)
        .into_iter()
        .find(|s| s.0 == id)
        .expect("section present");
    offset..offset + len
}

/// Recomputes the body checksum and the header checksum, so that a deliberate change passes
/// the checksums and reaches the structural checks. Requires a sane section count.
pub fn reseal(bytes: &mut [u8]) {
    let count = section_count(bytes).min(64);
    let hlen = TABLE_AT + 24 * count + 8;
    if bytes.len() < hlen {
        return;
    }
    let body = xxh3_64(&bytes[hlen..]);
    bytes[BODY_CHECKSUM_AT..BODY_CHECKSUM_AT + 8].copy_from_slice(&body.to_le_bytes());
    let table_end = hlen - 8;
    let header = xxh3_64(&bytes[..table_end]);
    bytes[table_end..hlen].copy_from_slice(&header.to_le_bytes());
}

/// Levenshtein distance in chars.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// A small Map lexicon.
pub fn sample_map() -> Vec<u8> {
    let mut builder = LexiconBuilder::new(LexiconKind::Map, 99);
    for (i, key) in ["a", "ab", "abc", "b", "ba", "nhà", "nhà nước"]
        .iter()
        .enumerate()
    {
        builder.insert(key.as_bytes(), i as u64 * 3).unwrap();
    }
    builder.finish_to_vec().unwrap()
}

/// A small Words lexicon.
pub fn sample_words() -> Vec<u8> {
    let mut builder = WordLexiconBuilder::new(7);
    let keys = [
        "bí mật",
        "hà nội",
        "nhà",
        "nhà nước",
        "nhà nước ta",
        "nước",
        "ta",
    ];
    for (i, key) in keys.iter().enumerate() {
        let entry = WordEntry {
            score: 100 + i as u32,
            flags: i as u16,
            ..WordEntry::default()
        };
        builder.insert(key.as_bytes(), entry).unwrap();
    }
    builder.finish_to_vec().unwrap()
}

/// A small Morph lexicon.
pub fn sample_morph() -> Vec<u8> {
    let mut builder = MorphLexiconBuilder::new(11);
    let mut forms: Vec<(&str, Vec<MorphInput<'static>>)> = vec![
        (
            "києва",
            vec![MorphInput {
                lemma: "Київ",
                upos: Upos::Propn,
                flags: 0,
            }],
        ),
        (
            "київ",
            vec![MorphInput {
                lemma: "Київ",
                upos: Upos::Propn,
                flags: 0,
            }],
        ),
        (
            "мама",
            vec![MorphInput {
                lemma: "мама",
                upos: Upos::Noun,
                flags: 0,
            }],
        ),
        (
            "мами",
            vec![
                MorphInput {
                    lemma: "мама",
                    upos: Upos::Noun,
                    flags: 1,
                },
                MorphInput {
                    lemma: "мамий",
                    upos: Upos::Adj,
                    flags: 2,
                },
            ],
        ),
        (
            "нато",
            vec![MorphInput {
                lemma: "НАТО",
                upos: Upos::Propn,
                flags: 0,
            }],
        ),
        (
            "люди",
            vec![MorphInput {
                lemma: "людина",
                upos: Upos::Noun,
                flags: 0,
            }],
        ),
        (
            "тато",
            vec![MorphInput {
                lemma: "тато",
                upos: Upos::Noun,
                flags: 0,
            }],
        ),
        (
            "тата",
            vec![MorphInput {
                lemma: "тато",
                upos: Upos::Noun,
                flags: 0,
            }],
        ),
    ];
    forms.sort_by(|a, b| a.0.cmp(b.0));
    for (form, analyses) in &forms {
        builder.insert(form, analyses).unwrap();
    }
    builder.finish_to_vec().unwrap()
}
