//! Lemma accuracy on UD_Ukrainian-IU test (content tokens), cross-validated ParlaMint figures,
//! and the staleness of the shipped ranking table. Skipped when `../shared` is absent.

use std::path::{Path, PathBuf};
use uk_text::lemmatize::{UkLemmatizer, conllu, eval, rank};

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipping: ../shared is absent");
        None
    }
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn morph() -> Option<index::MorphLexicon> {
    let path = workspace().join("data/build/uk-forms.vnlx");
    match index::MorphLexicon::open(&path) {
        Ok(morph) => Some(morph),
        Err(error) => {
            println!("skipping: {error} (run `cargo xtask build-data`)");
            None
        }
    }
}

fn sentences(shared: &Path, file: &str) -> Vec<Vec<conllu::GoldWord>> {
    let text = std::fs::read_to_string(shared.join(file)).unwrap();
    conllu::parse(&text).unwrap()
}

#[test]
fn shipped_rank_table_is_fresh() {
    let Some(shared) = shared() else { return };
    let built = rank::build_shipped(&shared).unwrap();
    assert!(
        built == uk_text::lemmatize::RANK_TABLE_TSV,
        "data/{} is stale: run `cargo xtask build-data`",
        rank::SHIPPED_PATH
    );
}

fn report(name: &str, file: &str, dump: bool) -> Option<eval::EvalReport> {
    let shared = shared()?;
    let morph = morph()?;
    let lemmatizer = UkLemmatizer::new(morph);
    let gold = sentences(&shared, file);
    let report = eval::evaluate(&lemmatizer, gold.iter().map(Vec::as_slice), dump);
    println!("{name}\n{report}");
    if dump {
        let mut counts = std::collections::BTreeMap::<String, usize>::new();
        for m in &report.misses {
            let line = format!(
                "{}\t{} {}\t{} {}\t{}",
                m.form.to_lowercase(),
                m.gold.0,
                m.gold.1,
                m.got.0,
                m.got.1,
                if m.in_candidates { "cand" } else { "" }
            );
            *counts.entry(line).or_default() += 1;
        }
        let mut sorted: Vec<_> = counts.into_iter().collect();
        sorted.sort_by_key(|entry| std::cmp::Reverse(entry.1));
        for (line, n) in sorted {
            println!("{n}\t{line}");
        }
    }
    Some(report)
}

/// UD-IU test content tokens: lemma 95.45%, UPOS 90.77% when written; the floor keeps a
/// little room.
#[test]
fn ud_iu_test_lemma_accuracy_is_at_least_95_3() {
    let Some(report) = report("UD-IU test", "eval/uk/ud-iu/uk_iu-ud-test.conllu", false) else {
        return;
    };
    assert!(report.tokens > 10_000, "{report}");
    assert!(report.lemma_accuracy() >= 95.3, "{report}");
    assert!(report.upos_accuracy() >= 90.5, "{report}");
}

/// Development figures and the error list: `cargo test -p uk-text --test lemmatize_eval --
/// --ignored --nocapture dev_misses`.
#[test]
#[ignore]
fn dev_misses() {
    let _ = report("UD-IU dev", "eval/uk/ud-iu/uk_iu-ud-dev.conllu", true);
}

#[test]
fn parlamint_cross_validated() {
    let Some(shared) = shared() else { return };
    let Some(morph) = morph() else { return };
    let gold = sentences(&shared, rank::PARLAMINT_DEV);
    let mut lemmatizer = UkLemmatizer::new(morph);
    let report = eval::cross_validate(&mut lemmatizer, &gold, 5);
    println!("ParlaMint dev, 5-fold cross-validated ranking table\n{report}");
    assert!(report.lemma_accuracy() >= 90.0, "{report}");
}
