//! Accuracy on UD-VTB (skipped when ../shared is absent).

mod segment_common;

use segment_common::{shared, vtb, words};
use vi_text::segment::gold::read_conllu;
use vi_text::segment::train::{TrainConfig, train_conllu};
use vi_text::segment::{SegmentModel, Segmenter, eval};
use vi_text::tone::ToneStyle;

#[test]
#[ignore = "development report: trains on train, scores dev"]
fn dev_report() {
    let Some(shared) = shared() else { return };
    let epochs: u32 = std::env::var("EPOCHS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12);
    let bits: u32 = std::env::var("BITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(18);
    let margin: u32 = std::env::var("MARGIN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let config = TrainConfig {
        epochs,
        bits,
        margin,
    };
    let train = vtb(&shared, "train");
    let t = std::time::Instant::now();
    let (bytes, stats) = train_conllu(&[&train], Some(&words()), &config).unwrap();
    println!(
        "trained in {:?}: {stats:?}, {} bytes",
        t.elapsed(),
        bytes.len()
    );
    let segmenter = Segmenter::new(SegmentModel::from_bytes(bytes).unwrap(), Some(words()));
    let splits = std::env::var("SPLITS").unwrap_or_else(|_| "dev".to_owned());
    for split in splits.split(',') {
        let gold = read_conllu(vtb(&shared, split)).unwrap();
        let e = eval::evaluate(&segmenter, &gold, None);
        println!(
            "{split}: model P {:.2} R {:.2} F1 {:.2} | baseline F1 {:.2}",
            e.model.precision(),
            e.model.recall(),
            e.model.f1(),
            e.baseline.f1()
        );
        let e = eval::evaluate(&segmenter, &gold, Some(ToneStyle::New));
        println!(
            "{split} new style: F1 {:.2} | baseline {:.2}",
            e.model.f1(),
            e.baseline.f1()
        );
    }
}

#[test]
#[ignore = "development report: prints dev errors"]
fn dev_errors() {
    use std::collections::HashMap;
    use vi_text::segment::{SegmentOptions, Segmentation};
    let Some(shared) = shared() else { return };
    let config = TrainConfig::default();
    let (bytes, _) = train_conllu(&[&vtb(&shared, "train")], Some(&words()), &config).unwrap();
    let segmenter = Segmenter::new(SegmentModel::from_bytes(bytes).unwrap(), Some(words()));
    let gold = read_conllu(vtb(&shared, "dev")).unwrap();
    let mut out = Segmentation::default();
    let options = SegmentOptions {
        pretokenized: true,
        keep_existing: false,
    };
    let mut missed: HashMap<String, usize> = HashMap::new();
    let mut wrong: HashMap<String, usize> = HashMap::new();
    for s in &gold {
        segmenter.segment(&s.text, options, &mut out);
        let pred: Vec<_> = out.tokens().iter().map(|t| t.span).collect();
        for w in &s.words {
            if !pred.contains(w) {
                *missed.entry(w.slice(&s.text).to_owned()).or_default() += 1;
            }
        }
        for p in &pred {
            if !s.words.contains(p) {
                *wrong.entry(p.slice(&s.text).to_owned()).or_default() += 1;
            }
        }
    }
    let mut missed: Vec<_> = missed.into_iter().collect();
    missed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut wrong: Vec<_> = wrong.into_iter().collect();
    wrong.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!(
        "missed gold words ({}):",
        missed.iter().map(|m| m.1).sum::<usize>()
    );
    for (w, n) in missed.iter().take(120) {
        print!("{w}={n} | ");
    }
    println!(
        "\nwrong predicted words ({}):",
        wrong.iter().map(|m| m.1).sum::<usize>()
    );
    for (w, n) in wrong.iter().take(120) {
        print!("{w}={n} | ");
    }
    println!();
}

#[test]
#[ignore = "development probe: segments ~10 MB of raw text once (run under `perf stat`)"]
fn speed_probe() {
    use vi_text::segment::{SegmentOptions, Segmentation};
    let Some(shared) = shared() else { return };
    let text = std::fs::read_to_string(vtb(&shared, "test")).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("# text ="))
        .map(str::trim)
        .collect();
    let model = SegmentModel::open(segment_common::workspace().join("data/models/vi-segment.vnsm"))
        .unwrap();
    let segmenter = Segmenter::new(model, Some(words()));
    let mut out = Segmentation::default();
    let cpu = || -> f64 {
        let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
        stat.split_whitespace()
            .next()
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 1e9
    };
    let cpu_start = cpu();
    let started = std::time::Instant::now();
    let (mut bytes, mut atoms) = (0usize, 0usize);
    while bytes < 10_000_000 {
        for line in &lines {
            segmenter.segment(line, SegmentOptions::default(), &mut out);
            atoms += out.tokens().iter().map(|t| t.atom_count()).sum::<usize>();
            bytes += line.len() + 1;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let cpu_secs = cpu() - cpu_start;
    println!(
        "{bytes} bytes, {atoms} atoms in {secs:.3} s wall: {:.2} MB/s, {:.0} atoms/s",
        bytes as f64 / secs / 1e6,
        atoms as f64 / secs
    );
    println!(
        "on-CPU time {cpu_secs:.3} s: {:.2} MB/s, {:.0} atoms/s",
        bytes as f64 / cpu_secs / 1e6,
        atoms as f64 / cpu_secs
    );
}

#[test]
#[ignore = "development report: sentences segmented differently in the two tone styles"]
fn style_differences() {
    use vi_text::segment::SegmentOptions;
    let Some(shared) = shared() else { return };
    let segmenter = segment_common::segmenter();
    let options = SegmentOptions {
        pretokenized: true,
        keep_existing: false,
    };
    let split = std::env::var("SPLIT").unwrap_or_else(|_| "dev".to_owned());
    let mut shown = 0;
    for s in read_conllu(vtb(&shared, &split)).unwrap() {
        let new = s.to_tone_style(ToneStyle::New);
        let a = segmenter.segment_to_string(&s.text, options);
        let b = segmenter.segment_to_string(&new.text, options);
        let count = |x: &str| {
            x.split(' ')
                .map(|w| w.matches('_').count())
                .collect::<Vec<_>>()
        };
        if count(&a) != count(&b) && shown < 10 {
            shown += 1;
            println!("OLD {a}\nNEW {b}\n");
        }
    }
}

#[test]
#[ignore = "development report: words whose key changes under tone-style conversion"]
fn conversion_key_changes() {
    let Some(shared) = shared() else { return };
    let split = std::env::var("SPLIT").unwrap_or_else(|_| "dev".to_owned());
    let (mut a, mut b) = (String::new(), String::new());
    let mut shown = std::collections::BTreeMap::new();
    for s in read_conllu(vtb(&shared, &split)).unwrap() {
        let new = s.to_tone_style(ToneStyle::New);
        for (w, v) in s.words.iter().zip(&new.words) {
            vi_text::lexicon_key(w.slice(&s.text), &mut a);
            vi_text::lexicon_key(v.slice(&new.text), &mut b);
            if a != b {
                *shown
                    .entry(format!("{} -> {}", w.slice(&s.text), v.slice(&new.text)))
                    .or_insert(0) += 1;
            }
        }
    }
    println!("{shown:?}");
}
