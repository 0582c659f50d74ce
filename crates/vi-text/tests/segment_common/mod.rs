//! Helpers shared by the segmentation tests.
#![allow(dead_code)]

use index::{WordEntry, WordLexicon, WordLexiconBuilder};
use std::path::{Path, PathBuf};

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared` beside the workspace, or `None` after printing the skip message.
pub fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipping: ../shared is absent");
        None
    }
}

/// The UD-VTB split `name` (train, dev, test).
pub fn vtb(shared: &Path, name: &str) -> PathBuf {
    shared.join(format!("eval/vi/ud-vtb/vi_vtb-ud-{name}.conllu"))
}

/// A word lexicon built from the vendored pyvi word list.
pub fn words() -> WordLexicon {
    let path = workspace().join("data/sources/vi/pyvi/words.txt");
    let text = std::fs::read_to_string(&path).expect("vendored word list");
    let mut keys: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut key = String::new();
            vi_text::lexicon_key(l, &mut key);
            key
        })
        .collect();
    keys.sort();
    keys.dedup();
    let mut builder = WordLexiconBuilder::new(xxhash_rust::xxh3::xxh3_64(text.as_bytes()));
    for key in &keys {
        builder
            .insert(key.as_bytes(), WordEntry::default())
            .unwrap();
    }
    WordLexicon::from_bytes(builder.finish_to_vec().unwrap()).unwrap()
}
