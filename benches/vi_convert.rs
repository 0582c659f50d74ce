//! Vietnamese legacy encodings: decode and encode throughput (MB/s of the input) for each
//! encoding, and detection, on about 1 MB of news text.
//!
//! The text is UD-VTB's test sentences (`../shared`) that every encoding can represent; when
//! `../shared` is absent, a built-in paragraph is repeated.
//!
//! ```text
//! cargo bench -p benches --bench vi_convert -- --warm-up-time 1 --measurement-time 2
//! ```

use std::hint::black_box;

use benches::shared_dir;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use vi_text::encoding::{Encoding, decode_into, detect, encode_into};

const FALLBACK: &str = "Theo báo cáo của sở nông nghiệp tỉnh, vụ lúa đông xuân năm nay đạt \
    năng suất cao hơn năm trước khoảng 10%. Nhờ thời tiết thuận lợi và nguồn nước tưới ổn định, \
    nhiều hộ nông dân đã có thu nhập khá. Tuy vậy, giá phân bón tăng mạnh khiến lợi nhuận chưa \
    được như mong đợi.";

/// Sentences every encoding can represent.
fn sentences() -> Vec<String> {
    let encodable = |s: &String| {
        Encoding::ALL
            .iter()
            .all(|&e| vi_text::encoding::encode(s, e).is_ok())
    };
    if let Some(shared) = shared_dir() {
        let path = shared.join("eval/vi/ud-vtb/vi_vtb-ud-test.conllu");
        if let Ok(text) = std::fs::read_to_string(path) {
            let lines: Vec<String> = text
                .lines()
                .filter_map(|l| l.strip_prefix("# text ="))
                .map(|l| l.trim().to_owned())
                .filter(encodable)
                .collect();
            if !lines.is_empty() {
                return lines;
            }
        }
    }
    vec![FALLBACK.to_owned()]
}

/// About `size` bytes of whole lines.
fn text_of(sentences: &[String], size: usize) -> String {
    let mut text = String::with_capacity(size + 1024);
    while text.len() < size {
        for s in sentences {
            text.push_str(s);
            text.push('\n');
        }
    }
    text
}

fn convert(c: &mut Criterion) {
    let text = text_of(&sentences(), 1 << 20);
    let mut group = c.benchmark_group("vi_convert");
    let mut bytes = Vec::with_capacity(text.len() * 2);
    let mut decoded = String::with_capacity(text.len() * 2);
    for encoding in Encoding::ALL {
        bytes.clear();
        encode_into(&text, encoding, &mut bytes).expect("encodable text");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(BenchmarkId::new("encode", encoding.label()), |b| {
            let mut out = Vec::with_capacity(bytes.len());
            b.iter(|| {
                out.clear();
                encode_into(black_box(&text), encoding, &mut out).expect("encodable");
                out.len()
            });
        });
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(BenchmarkId::new("decode", encoding.label()), |b| {
            b.iter(|| {
                decoded.clear();
                decode_into(black_box(&bytes), encoding, &mut decoded).expect("decodable");
                decoded.len()
            });
        });
        // Detection reads the first 64 KiB.
        let head = &bytes[..bytes.len().min(64 * 1024)];
        group.throughput(Throughput::Bytes(head.len() as u64));
        group.bench_function(BenchmarkId::new("detect", encoding.label()), |b| {
            b.iter(|| detect(black_box(head)).encoding);
        });
    }
    group.finish();
}

criterion_group!(benches, convert);
criterion_main!(benches);
