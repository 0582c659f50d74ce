//! Vietnamese word segmentation: the pre-tokenizer alone, and the whole segmenter (raw text,
//! line by line, one core) on 1 KB, 100 KB and 10 MB of news text, to show throughput and
//! that time grows linearly with the input; and the sentence splitter on 100 KB of
//! paragraphs (five sentences each, as `vnuk process` calls it).
//!
//! The text is UD-VTB's test sentences (`../shared`), repeated; when `../shared` is absent,
//! the vendored word list's entries are used as filler text. The model is the committed
//! `data/models/vi-segment.vnsm`, the lexicon `data/build/vi-words.vnlx` (built if needed).
//!
//! ```text
//! cargo bench -p benches --bench vi_segment -- --warm-up-time 1 --measurement-time 2
//! ```

use std::hint::black_box;

use benches::{shared_dir, workspace_root};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use vi_text::segment::{MODEL_FILE_NAME, SegmentModel, SegmentOptions, Segmentation, Segmenter};
use vi_text::sentence::{Sentence, sentences_into};
use vi_text::tokenize::pretokenize;

/// Raw sentences: UD-VTB test when available, else word-list entries in groups of twelve.
fn sentences() -> Vec<String> {
    if let Some(shared) = shared_dir() {
        let path = shared.join("eval/vi/ud-vtb/vi_vtb-ud-test.conllu");
        if let Ok(text) = std::fs::read_to_string(path) {
            let lines: Vec<String> = text
                .lines()
                .filter_map(|l| l.strip_prefix("# text ="))
                .map(|l| l.trim().to_owned())
                .collect();
            if !lines.is_empty() {
                return lines;
            }
        }
    }
    let words = std::fs::read_to_string(workspace_root().join("data/sources/vi/pyvi/words.txt"))
        .expect("vendored word list");
    let entries: Vec<&str> = words.lines().collect();
    entries.chunks(12).map(|c| c.join(" ")).collect()
}

/// `size` bytes (or a little less) of whole lines, repeating the sentences.
fn text_of(sentences: &[String], size: usize) -> String {
    let mut text = String::with_capacity(size + 256);
    'fill: loop {
        for s in sentences {
            if text.len() + s.len() + 1 > size {
                break 'fill;
            }
            text.push_str(s);
            text.push('\n');
        }
    }
    text
}

fn segmenter() -> Segmenter {
    let data = workspace_root().join("data");
    let model = SegmentModel::open(data.join("models").join(MODEL_FILE_NAME)).expect("model");
    let words = vnuk_cli::artifacts::open_words(&data).expect("vi-words lexicon");
    Segmenter::new(model, Some(words))
}

fn segment_all(segmenter: &Segmenter, text: &str, out: &mut Segmentation) -> usize {
    let mut tokens = 0;
    for line in text.lines() {
        segmenter.segment(line, SegmentOptions::default(), out);
        tokens += out.tokens().len();
    }
    tokens
}

fn bench(c: &mut Criterion) {
    let sentences = sentences();
    let segmenter = segmenter();
    let mut out = Segmentation::default();
    let mut tokens = Vec::new();
    let mut group = c.benchmark_group("vi_segment");
    for (label, size) in [("1KB", 1_000), ("100KB", 100_000), ("10MB", 10_000_000)] {
        let text = text_of(&sentences, size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        if size >= 10_000_000 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::new("segment", label), &text, |b, text| {
            b.iter(|| black_box(segment_all(&segmenter, text, &mut out)));
        });
        if size == 100_000 {
            group.bench_with_input(BenchmarkId::new("pretokenize", label), &text, |b, text| {
                b.iter(|| {
                    tokens.clear();
                    for line in text.lines() {
                        pretokenize(line, &mut tokens);
                    }
                    black_box(tokens.len())
                });
            });
        }
    }
    group.finish();

    // The same 100 KB counted in syllables (atoms of the raw text).
    let text = text_of(&sentences, 100_000);
    let mut atoms = 0u64;
    for line in text.lines() {
        segmenter.segment(line, SegmentOptions::default(), &mut out);
        atoms += out
            .tokens()
            .iter()
            .map(|t| t.atom_count() as u64)
            .sum::<u64>();
    }
    let mut group = c.benchmark_group("vi_segment_syllables");
    group.throughput(Throughput::Elements(atoms));
    group.bench_function("segment/100KB", |b| {
        b.iter(|| black_box(segment_all(&segmenter, &text, &mut out)));
    });
    group.finish();

    // The sentence splitter, paragraph by paragraph.
    let paragraphs: Vec<String> = sentences.chunks(5).map(|c| c.join(" ")).collect();
    let text = text_of(&paragraphs, 100_000);
    let mut found: Vec<Sentence> = Vec::new();
    let mut group = c.benchmark_group("vi_sentences");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("sentences_into/100KB", |b| {
        b.iter(|| {
            let mut count = 0;
            for paragraph in text.lines() {
                found.clear();
                sentences_into(paragraph, &mut found);
                count += found.len();
            }
            black_box(count)
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
