//! Ukrainian text benchmarks: tokenizer throughput (MB/s and tokens/s) on news-like text and on
//! one 100 MB line (linear time), the normalizer on clean and on dirty text, transliteration
//! and language detection (whole lines, and per-paragraph samples of the seed documents).
//!
//! The news-like text repeats seed 002 from `../shared/seeds/` when present, else a paragraph
//! written for the benchmark. `uk_tokenize_eval_text` tokenizes the text the peer scripts in
//! `benches/peers/` use (the `# text = ` lines of the CoNLL-U files under
//! `../shared/eval/uk/`), line by line as they do, for side-by-side ratios.
//!
//! ```text
//! cargo bench -p benches --bench uk_text -- --warm-up-time 1 --measurement-time 2
//! ```

use std::hint::black_box;

use benches::shared_dir;
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};

/// A paragraph in the style of Ukrainian news, used when the seeds are absent.
const FALLBACK: &str = "Київ, 17.09.2023, 12:30. Представники США, Євросоюзу та ЄС провели \
    таємні переговори у Стамбулі, повідомляє Politico (https://www.politico.eu/article/x). \
    За словами проф. Т. Г. Коваленка, т. зв. «гуманітарний коридор» обійшовся в 1 000 000 \
    грн, тобто 10,5 млн. доларів США; будь-який зв’язок з ним — об'єктивно важливий 👍.\n";

fn news_text(min_bytes: usize) -> String {
    let base = shared_dir()
        .and_then(|dir| std::fs::read_dir(dir.join("seeds")).ok())
        .and_then(|entries| {
            entries.filter_map(Result::ok).map(|e| e.path()).find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("002_"))
            })
        })
        .and_then(|p| std::fs::read_to_string(p).ok())
        .unwrap_or_else(|| FALLBACK.to_owned());
    let mut text = String::with_capacity(min_bytes + base.len());
    while text.len() < min_bytes {
        text.push_str(&base);
        text.push('\n');
    }
    text
}

fn tokenize(c: &mut Criterion) {
    let text = news_text(4 << 20);
    let token_count = uk_text::tokenize(&text).len() as u64;
    let mut tokens = Vec::with_capacity(token_count as usize);

    let mut group = c.benchmark_group("uk_tokenize");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("news_4MB_bytes", |b| {
        b.iter(|| {
            tokens.clear();
            uk_text::tokenize_into(black_box(&text), &mut tokens);
            black_box(tokens.len())
        });
    });
    group.throughput(Throughput::Elements(token_count));
    group.bench_function("news_4MB_tokens", |b| {
        b.iter(|| {
            tokens.clear();
            uk_text::tokenize_into(black_box(&text), &mut tokens);
            black_box(tokens.len())
        });
    });
    group.finish();

    // One 100 MB line: the same text with its line breaks turned into spaces.
    let line: String = news_text(100 << 20)
        .chars()
        .map(|ch| if ch == '\n' { ' ' } else { ch })
        .collect();
    let mut group = c.benchmark_group("uk_tokenize_long_line");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Bytes(line.len() as u64));
    group.bench_function("one_line_100MB", |b| {
        b.iter(|| black_box(uk_text::tokens(black_box(&line)).count()));
    });
    group.finish();
}

/// The CoNLL-U files whose sentence texts the peer scripts read (see `benches/peers/corpus.py`).
const EVAL_CORPORA: [&str; 3] = [
    "eval/uk/ud-iu/uk_iu-ud-test.conllu",
    "eval/uk/ud-iu/uk_iu-ud-dev.conllu",
    "eval/uk/parlamint/uk_parlamint-ud-dev.conllu",
];

fn eval_lines() -> Vec<String> {
    let Some(dir) = shared_dir() else {
        return Vec::new();
    };
    EVAL_CORPORA
        .iter()
        .filter_map(|corpus| std::fs::read_to_string(dir.join(corpus)).ok())
        .flat_map(|conllu| {
            conllu
                .lines()
                .filter_map(|l| l.strip_prefix("# text = "))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn tokenize_eval_text(c: &mut Criterion) {
    let lines = eval_lines();
    if lines.is_empty() {
        return;
    }
    let token_count: usize = lines.iter().map(|l| uk_text::tokenize(l).len()).sum();
    let mut tokens = Vec::new();
    let mut group = c.benchmark_group("uk_tokenize_eval_text");
    group.throughput(Throughput::Elements(token_count as u64));
    group.bench_function("lines_tokens", |b| {
        b.iter(|| {
            let mut n = 0;
            for line in &lines {
                tokens.clear();
                uk_text::tokenize_into(black_box(line), &mut tokens);
                n += tokens.len();
            }
            black_box(n)
        });
    });
    group.finish();
}

fn normalize(c: &mut Criterion) {
    let clean = news_text(4 << 20);
    // The same text with typographic apostrophes, stress marks and Latin look-alikes.
    let dirty: String = clean
        .replace('\'', "’")
        .replace("Київ", "Kиї\u{301}в")
        .replace(" і ", " i ")
        .replace("ро", "рo");
    let normalizer = uk_text::Normalizer::default();
    let mut out = String::with_capacity(dirty.len());

    let mut group = c.benchmark_group("uk_normalize");
    group.throughput(Throughput::Bytes(clean.len() as u64));
    group.bench_function("clean_4MB", |b| {
        b.iter(|| black_box(normalizer.normalize(black_box(&clean)).len()));
    });
    group.throughput(Throughput::Bytes(dirty.len() as u64));
    group.bench_function("dirty_4MB", |b| {
        b.iter(|| {
            out.clear();
            normalizer.normalize_into(black_box(&dirty), &mut out);
            black_box(out.len())
        });
    });
    group.finish();
}

fn translit_and_detect(c: &mut Criterion) {
    let text = news_text(4 << 20);
    let mut out = String::with_capacity(text.len());
    let mut group = c.benchmark_group("uk_translit_detect");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("translit_4MB", |b| {
        b.iter(|| {
            out.clear();
            uk_text::translit_into(black_box(&text), &mut out);
            black_box(out.len())
        });
    });
    group.bench_function("detect_lines_4MB", |b| {
        b.iter(|| black_box(uk_text::detect_lines(black_box(&text)).count()));
    });
    group.finish();
}

/// The seed documents (Vietnamese and Ukrainian) when present, else the fallback paragraph.
fn seed_documents() -> Vec<String> {
    let mut docs: Vec<String> = shared_dir()
        .and_then(|dir| std::fs::read_dir(dir.join("seeds")).ok())
        .map(|entries| {
            let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
            paths.sort();
            paths
                .iter()
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    if docs.is_empty() {
        docs.push(FALLBACK.to_owned());
    }
    docs
}

/// Language detection as a corpus pipeline uses it: once per paragraph (line) of
/// Vietnamese and Ukrainian documents, on its first 200 bytes at most.
fn detect_paragraphs(c: &mut Criterion) {
    let docs = seed_documents();
    let mut samples = Vec::new();
    while samples.iter().map(String::len).sum::<usize>() < 1 << 20 {
        for doc in &docs {
            for line in doc.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let mut end = line.len().min(200);
                while !line.is_char_boundary(end) {
                    end -= 1;
                }
                samples.push(line[..end].to_owned());
            }
        }
    }
    let bytes: usize = samples.iter().map(String::len).sum();
    let mut group = c.benchmark_group("uk_detect");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("paragraph_samples_1MB", |b| {
        b.iter(|| {
            samples
                .iter()
                .map(|s| uk_text::detect(black_box(s)).confidence)
                .sum::<f32>()
        });
    });
    group.finish();
}

criterion_group!(
    benches,
    detect_paragraphs,
    tokenize_eval_text,
    tokenize,
    normalize,
    translit_and_detect
);
criterion_main!(benches);
