//! Ukrainian lemmatizer throughput (tokens/s, one core), measured the way a corpus run meets
//! it: every iteration builds a fresh [`UkLemmatizer`] (empty memo) inside the timed region,
//! then tokenizes and lemmatizes the whole text once, so the figure includes the memo's
//! warm-up. (The shipped tables are parsed once per process and shared by later lemmatizers;
//! that one-time cost is measured on its own as `parse shipped tables`.) Also: the cold path
//! alone (every word analysed afresh, no memo: the bound for any corpus, however many distinct
//! forms it has), and the warm-memo figure for comparison.
//!
//! The text is the `# text = ` lines of every CoNLL-U file under `../shared/eval/uk/`
//! (UD_Ukrainian-IU dev and test, UD_Ukrainian-ParlaMint dev: 2,310 sentences, 40,114 tokens;
//! measured only, never shipped), else a paragraph written for the benchmark. Needs
//! `data/build/uk-forms.vnlx` (built on first use).
//!
//! ```text
//! taskset -c 1 cargo bench -p benches --bench uk_lemmatize -- --warm-up-time 1 --measurement-time 2
//! ```

use std::hint::black_box;

use benches::{shared_dir, workspace_root};
use core_model::TokenKind;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use uk_text::lemmatize::closed::ClosedTable;
use uk_text::lemmatize::rank::RankTable;
use uk_text::lemmatize::{RANK_TABLE_TSV, UkLemmatizer};

const FALLBACK: &str = "Представники США та Євросоюзу провели переговори у Стамбулі. \
    Люди були задоволені, але в Києві вважають, що домовленості не буде до кінця року.\n";

/// The CoNLL-U files whose sentence texts make the benchmark text, relative to `../shared`.
const CORPORA: [&str; 3] = [
    "eval/uk/ud-iu/uk_iu-ud-test.conllu",
    "eval/uk/ud-iu/uk_iu-ud-dev.conllu",
    "eval/uk/parlamint/uk_parlamint-ud-dev.conllu",
];

fn text() -> String {
    let mut text = String::new();
    if let Some(dir) = shared_dir() {
        for corpus in CORPORA {
            let Ok(conllu) = std::fs::read_to_string(dir.join(corpus)) else {
                continue;
            };
            for line in conllu.lines().filter_map(|l| l.strip_prefix("# text = ")) {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    if text.is_empty() {
        text = FALLBACK.repeat(200);
    }
    text
}

fn bench(c: &mut Criterion) {
    let data_dir = workspace_root().join("data");
    let morph = match vnuk_cli::artifacts::open_morph(&data_dir) {
        Ok(morph) => morph,
        Err(error) => {
            eprintln!("skipping: {error}");
            return;
        }
    };
    let text = text();
    let tokens = uk_text::tokenize(&text);
    eprintln!(
        "uk_lemmatize: {} bytes, {} tokens",
        text.len(),
        tokens.len()
    );

    let mut group = c.benchmark_group("uk_lemmatize");
    group.throughput(Throughput::Elements(tokens.len() as u64));
    group.bench_function(
        "cold corpus run (new lemmatizer, tokenize+lemmatize)",
        |b| {
            let mut lemma = String::new();
            b.iter(|| {
                let lemmatizer = UkLemmatizer::new(morph.clone());
                let mut n = 0usize;
                for token in uk_text::tokens(&text) {
                    let form = token.text(&text);
                    if let Some((upos, _)) =
                        lemmatizer.lemmatize_token(form, token.kind, &mut lemma)
                    {
                        n += upos as usize + lemma.len();
                    }
                }
                black_box(n)
            });
        },
    );
    let lemmatizer = UkLemmatizer::new(morph.clone());
    group.bench_function("no memo (tokenize+analyse every word)", |b| {
        let mut lemma = String::new();
        b.iter(|| {
            let mut n = 0usize;
            for token in uk_text::tokens(&text) {
                let form = token.text(&text);
                let result = if !matches!(
                    token.kind,
                    TokenKind::Number
                        | TokenKind::Date
                        | TokenKind::Punct
                        | TokenKind::Symbol
                        | TokenKind::Emoji
                        | TokenKind::Url
                        | TokenKind::Email
                        | TokenKind::Hashtag
                ) {
                    lemmatizer.analyse_form(form, &mut lemma)
                } else {
                    lemmatizer.lemmatize_token(form, token.kind, &mut lemma)
                };
                if let Some((upos, _)) = result {
                    n += upos as usize + lemma.len();
                }
            }
            black_box(n)
        });
    });
    group.bench_function("warm memo (tokenize+lemmatize)", |b| {
        let mut lemma = String::new();
        b.iter(|| {
            let mut n = 0usize;
            for token in uk_text::tokens(&text) {
                let form = token.text(&text);
                if let Some((upos, _)) = lemmatizer.lemmatize_token(form, token.kind, &mut lemma) {
                    n += upos as usize + lemma.len();
                }
            }
            black_box(n)
        });
    });
    group.finish();

    let mut group = c.benchmark_group("uk_lemmatize_setup");
    group.bench_function("parse shipped tables (once per process)", |b| {
        b.iter(|| {
            let lemmatizer = UkLemmatizer::with_tables(
                morph.clone(),
                ClosedTable::shipped(),
                RankTable::parse(RANK_TABLE_TSV).unwrap_or_default(),
            );
            black_box(lemmatizer.morph().len())
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
