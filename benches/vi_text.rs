//! Vietnamese text: normalize throughput on already-canonical text (nothing changes) and on
//! mixed text (misplaced marks, NFD words, both tone styles), and folding. Byte throughput of
//! the input; the `unicode-normalization` NFC pass is measured alongside for comparison.
//!
//! The text is UD-VTB's test sentences and the Vietnamese seeds (`../shared`), repeated to
//! about 1 MB; when `../shared` is absent, a built-in paragraph is repeated.
//!
//! ```text
//! cargo bench -p benches --bench vi_text -- --warm-up-time 1 --measurement-time 2
//! ```

use std::hint::black_box;

use benches::shared_dir;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use unicode_normalization::{UnicodeNormalization, is_nfc_quick};
use vi_text::ToneStyle;
use vi_text::fold::fold_into;
use vi_text::normalize::{Normalizer, normalize};

const FALLBACK: &str = "Theo báo cáo của sở nông nghiệp tỉnh, vụ lúa đông xuân năm nay đạt \
    năng suất cao hơn năm trước khoảng 10%. Nhờ thời tiết thuận lợi và nguồn nước tưới ổn định, \
    nhiều hộ nông dân đã có thu nhập khá, hòa bình và thủy lợi được bảo đảm. Tuy vậy, giá phân \
    bón tăng mạnh khiến lợi nhuận chưa được như mong đợi.\n";

const TARGET: usize = 1 << 20;

fn source_text() -> String {
    let mut text = String::new();
    if let Some(shared) = shared_dir() {
        let test = shared.join("eval/vi/ud-vtb/vi_vtb-ud-test.conllu");
        if let Ok(conllu) = std::fs::read_to_string(test) {
            for line in conllu.lines().filter_map(|l| l.strip_prefix("# text =")) {
                text.push_str(line.trim());
                text.push('\n');
            }
        }
        for prefix in ["001_", "003_", "004_"] {
            let Ok(entries) = std::fs::read_dir(shared.join("seeds")) else {
                continue;
            };
            for entry in entries.filter_map(Result::ok) {
                if entry.file_name().to_string_lossy().starts_with(prefix)
                    && let Ok(bytes) = std::fs::read(entry.path())
                {
                    text.push_str(&String::from_utf8_lossy(&bytes));
                    text.push('\n');
                }
            }
        }
    }
    if text.is_empty() {
        text.push_str(FALLBACK);
    }
    text
}

fn repeat_to_target(text: &str) -> String {
    let mut out = String::with_capacity(TARGET + text.len());
    while out.len() < TARGET {
        out.push_str(text);
    }
    out
}

/// Already canonical: the source normalized.
fn canonical() -> String {
    repeat_to_target(&normalize(&source_text()))
}

/// Mixed: every third word with its mark moved to the first vowel, every fifth in NFD,
/// every seventh in the new style.
fn mixed(canonical: &str) -> String {
    let new = Normalizer::new().with_tone_style(ToneStyle::New);
    let mut out = String::with_capacity(canonical.len() * 2);
    for (i, word) in canonical.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i % 3 == 0 {
            let plain: String = word.nfd().collect();
            let mut moved = String::new();
            let mut marks = plain
                .chars()
                .filter(|c| "\u{300}\u{301}\u{303}\u{309}\u{323}".contains(*c));
            let mark = marks.next();
            let mut placed = false;
            for c in plain.chars() {
                if mark == Some(c) {
                    continue;
                }
                moved.push(c);
                if !placed && "aeiouyAEIOUY".contains(c) {
                    if let Some(m) = mark {
                        moved.push(m);
                    }
                    placed = true;
                }
            }
            out.extend(moved.nfc());
        } else if i % 5 == 0 {
            out.extend(word.nfd());
        } else if i % 7 == 0 {
            out.push_str(&new.normalize(word));
        } else {
            out.push_str(word);
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let canonical = canonical();
    let mixed = mixed(&canonical);
    let normalizer = Normalizer::new();
    assert!(normalizer.is_normalized(&canonical));

    let mut group = c.benchmark_group("vi_text");
    group.sample_size(20);

    group.throughput(Throughput::Bytes(canonical.len() as u64));
    group.bench_function("normalize/canonical", |b| {
        b.iter(|| black_box(normalizer.normalize(black_box(&canonical))).len());
    });
    let mut out = String::with_capacity(canonical.len() * 2);
    group.bench_function("normalize_into/canonical", |b| {
        b.iter(|| {
            out.clear();
            normalizer.normalize_into(black_box(&canonical), &mut out);
            out.len()
        });
    });
    group.bench_function("fold/canonical", |b| {
        b.iter(|| {
            out.clear();
            fold_into(black_box(&canonical), &mut out);
            out.len()
        });
    });
    group.bench_function("unicode-normalization/is_nfc_quick", |b| {
        b.iter(|| is_nfc_quick(black_box(&canonical).chars()));
    });

    group.throughput(Throughput::Bytes(mixed.len() as u64));
    group.bench_function("normalize_into/mixed", |b| {
        b.iter(|| {
            out.clear();
            normalizer.normalize_into(black_box(&mixed), &mut out);
            out.len()
        });
    });
    let old = Normalizer::new().with_tone_style(ToneStyle::Old);
    group.bench_function("normalize_into/mixed-old-style", |b| {
        b.iter(|| {
            out.clear();
            old.normalize_into(black_box(&mixed), &mut out);
            out.len()
        });
    });
    group.bench_function("unicode-normalization/nfc/mixed", |b| {
        b.iter(|| {
            out.clear();
            out.extend(black_box(&mixed).nfc());
            out.len()
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
