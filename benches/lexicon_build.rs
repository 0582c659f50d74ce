//! Building the compiled lexicons from the vendored sources: `vi-words` (pyvi word list) and
//! `uk-forms` (hunspell-uk expanded to ≈3.3M forms). Throughput is in keys written per second;
//! the file size and bytes per key of each artifact are printed once before the runs.
//!
//! `cargo bench -p benches --bench lexicon_build -- --warm-up-time 1 --measurement-time 2`

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use std::path::Path;

fn report(name: &str, keys: usize, bytes: u64, seconds: f64) {
    eprintln!(
        "{name}: {keys} keys, {bytes} bytes ({:.2} MiB), {:.2} bytes/key, first build {seconds:.2} s",
        bytes as f64 / (1024.0 * 1024.0),
        bytes as f64 / keys.max(1) as f64
    );
}

fn lexicon_build(c: &mut Criterion) {
    let data = benches::workspace_root().join("data").join("sources");
    let vi_sources = data.join("vi/pyvi");
    let uk_sources = data.join("uk/hunspell-uk");
    let out = tempfile::tempdir().expect("temp dir");
    let vi_out = out.path().join("vi-words.vnlx");
    let uk_out = out.path().join("uk-forms.vnlx");

    let vi = vi_text::lexicon::build(&vi_sources, &vi_out).expect("vi build");
    report("vi-words", vi.words, vi.bytes, vi.elapsed.as_secs_f64());
    let uk = uk_text::lexicon::build(&uk_sources, &uk_out).expect("uk build");
    report("uk-forms", uk.forms, uk.bytes, uk.elapsed.as_secs_f64());

    let mut group = c.benchmark_group("lexicon_build");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Elements(vi.words as u64));
    group.bench_function("vi_words", |b| {
        b.iter(|| vi_text::lexicon::build(&vi_sources, &vi_out).expect("vi build"));
    });
    group.throughput(Throughput::Elements(uk.forms as u64));
    group.bench_function("uk_forms", |b| {
        b.iter(|| uk_text::lexicon::build(&uk_sources, &uk_out).expect("uk build"));
    });
    group.finish();
    assert!(Path::new(&uk_out).exists());
}

criterion_group!(benches, lexicon_build);
criterion_main!(benches);
