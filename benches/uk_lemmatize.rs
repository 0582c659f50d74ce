//! Ukrainian lemmatizer throughput (tokens/s, one core): tokenize + lemmatize running text, and
//! lemmatize pre-tokenized forms. The text is the `# text =` lines of UD_Ukrainian-IU test
//! from `../shared/eval/` when present (measured only, never shipped), else a paragraph written
//! for the benchmark. Needs `data/build/uk-forms.vnlx` (built on first use).
//!
//! ```text
//! cargo bench -p benches --bench uk_lemmatize -- --warm-up-time 1 --measurement-time 2
//! ```

use std::hint::black_box;

use benches::{shared_dir, workspace_root};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use uk_text::lemmatize::UkLemmatizer;

const FALLBACK: &str = "Представники США та Євросоюзу провели переговори у Стамбулі. \
    Люди були задоволені, але в Києві вважають, що домовленості не буде до кінця року.\n";

fn text() -> String {
    shared_dir()
        .and_then(|dir| {
            std::fs::read_to_string(dir.join("eval/uk/ud-iu/uk_iu-ud-test.conllu")).ok()
        })
        .map(|conllu| {
            conllu
                .lines()
                .filter_map(|l| l.strip_prefix("# text = "))
                .fold(String::new(), |mut text, line| {
                    text.push_str(line);
                    text.push('\n');
                    text
                })
        })
        .unwrap_or_else(|| FALLBACK.repeat(200))
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
    let lemmatizer = UkLemmatizer::new(morph);
    let text = text();
    let tokens = uk_text::tokenize(&text);
    let forms: Vec<&str> = tokens.iter().map(|t| t.text(&text)).collect();

    let mut group = c.benchmark_group("uk_lemmatize");
    group.throughput(Throughput::Elements(tokens.len() as u64));
    group.bench_function("tokenize+lemmatize", |b| {
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
    group.bench_function("lemmatize pre-tokenized", |b| {
        let mut lemma = String::new();
        b.iter(|| {
            let mut n = 0usize;
            for form in &forms {
                if let Some((upos, _)) = lemmatizer.lemmatize_form(form, &mut lemma) {
                    n += upos as usize + lemma.len();
                }
            }
            black_box(n)
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
