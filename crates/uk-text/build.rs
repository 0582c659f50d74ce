//! Generates `CLOSED_CLASS` (see `src/lexicon/pos.rs`) from the closed-class table
//! `data/sources/uk/closed-class/closed-class.tsv`, the one source of the closed-class words
//! for both the lexicon build and the lemmatizer. A malformed line fails the build, naming it.

use std::fmt::Write as _;
use std::path::PathBuf;

/// The table, relative to this crate's directory.
const TABLE: &str = "../../data/sources/uk/closed-class/closed-class.tsv";

/// UD tag names and the `core_model::Upos` variants they name.
const TAGS: [(&str, &str); 17] = [
    ("ADJ", "Adj"),
    ("ADP", "Adp"),
    ("ADV", "Adv"),
    ("AUX", "Aux"),
    ("CCONJ", "Cconj"),
    ("DET", "Det"),
    ("INTJ", "Intj"),
    ("NOUN", "Noun"),
    ("NUM", "Num"),
    ("PART", "Part"),
    ("PRON", "Pron"),
    ("PROPN", "Propn"),
    ("PUNCT", "Punct"),
    ("SCONJ", "Sconj"),
    ("SYM", "Sym"),
    ("VERB", "Verb"),
    ("X", "X"),
];

fn main() {
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let path = dir.join(TABLE);
    println!("cargo::rerun-if-changed={TABLE}");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
    let mut out = String::from("&[\n");
    let mut seen = std::collections::HashSet::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fail = |problem: &str| -> ! {
            panic!("{}:{}: {problem}: {line:?}", path.display(), index + 1)
        };
        let fields: Vec<&str> = line.split('\t').collect();
        let [forms, lemma, tag] = fields.as_slice() else {
            fail("expected form[,form…], lemma and UPOS separated by tabs");
        };
        let Some((_, variant)) = TAGS.iter().find(|(name, _)| name == tag) else {
            fail("unknown UPOS tag");
        };
        if lemma.is_empty() {
            fail("empty lemma");
        }
        for form in forms.split(',').map(str::trim) {
            if form.is_empty() {
                fail("empty form");
            }
            if !seen.insert((form, *lemma, *tag)) {
                fail(&format!("row ({form}, {lemma}, {tag}) listed twice"));
            }
            let _ = writeln!(out, "    ({form:?}, {lemma:?}, Upos::{variant}),");
        }
    }
    out.push(']');
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let target = out_dir.join("closed_class.rs");
    std::fs::write(&target, out)
        .unwrap_or_else(|e| panic!("{}: cannot write: {e}", target.display()));
}
