//! Writes seed inputs for `fuzz/fuzz_targets/lexicon.rs` into a directory:
//! `cargo run -p index --example fuzz_seeds -- fuzz/corpus/lexicon`.
//!
//! Each seed is a mode byte (0 = raw file) followed by a small valid lexicon of each kind.

use core_model::Upos;
use index::{
    LexiconBuilder, LexiconKind, MorphInput, MorphLexiconBuilder, WordEntry, WordLexiconBuilder,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: fuzz_seeds <dir>")?;
    std::fs::create_dir_all(&dir)?;
    let mut map = LexiconBuilder::new(LexiconKind::Map, 1);
    for (i, key) in ["ab", "abc", "b", "nhà", "nhà nước"].iter().enumerate() {
        map.insert(key.as_bytes(), i as u64)?;
    }
    let mut words = WordLexiconBuilder::new(2);
    for key in ["bí mật", "nhà", "nhà nước", "ta"] {
        words.insert(
            key.as_bytes(),
            WordEntry {
                score: 3,
                ..WordEntry::default()
            },
        )?;
    }
    let mut morph = MorphLexiconBuilder::new(3);
    morph.insert(
        "києва",
        &[MorphInput {
            lemma: "Київ",
            upos: Upos::Propn,
            flags: 0,
        }],
    )?;
    morph.insert(
        "мами",
        &[
            MorphInput {
                lemma: "мама",
                upos: Upos::Noun,
                flags: 0,
            },
            MorphInput {
                lemma: "НАТО",
                upos: Upos::Propn,
                flags: 1,
            },
        ],
    )?;
    for (name, bytes) in [
        ("map", map.finish_to_vec()?),
        ("words", words.finish_to_vec()?),
        ("morph", morph.finish_to_vec()?),
    ] {
        let mut seed = vec![0u8];
        seed.extend_from_slice(&bytes);
        std::fs::write(
            std::path::Path::new(&dir).join(format!("seed-{name}")),
            seed,
        )?;
    }
    Ok(())
}
