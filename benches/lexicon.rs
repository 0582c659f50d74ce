//! Lexicon benchmarks: exact lookups (hits and misses) on a Words and a Morph lexicon, prefix and
//! fuzzy queries, the syllable matcher, and open time at 1k and ≥3M keys.
//!
//! The Morph lexicon is `$VNUK_BENCH_MORPH` if set, else `data/build/uk-forms.vnlx` when it
//! exists, else ~3.6M synthetic Ukrainian-like forms (cached in `data/build/bench/`, rebuilt
//! when the generator changes).
//! The Words lexicon is built from the vendored pyvi word list.
//!
//! ```text
//! cargo bench -p benches --bench lexicon -- --warm-up-time 1 --measurement-time 2
//! ```

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use benches::workspace_root;
use core_model::Upos;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use index::{
    Lexicon, MorphInput, MorphLexicon, MorphLexiconBuilder, WordEntry, WordLexicon,
    WordLexiconBuilder,
};

/// Bump when the synthetic generator changes, so the cached file is rebuilt.
const SYNTHETIC_VERSION: u64 = 2;

fn bench_dir() -> PathBuf {
    let dir = workspace_root().join("data").join("build").join("bench");
    std::fs::create_dir_all(&dir).expect("create data/build/bench");
    dir
}

/// Letters sorted by their UTF-8 bytes, so stems enumerate in byte order.
fn sorted(letters: &str) -> Vec<char> {
    let mut v: Vec<char> = letters.chars().collect();
    v.sort_by_key(|c| c.to_string().into_bytes());
    v
}

struct Paradigm {
    lemma_ending: &'static str,
    upos: Upos,
    endings: Vec<&'static str>,
}

fn paradigms() -> Vec<Paradigm> {
    let mut p = vec![
        Paradigm {
            lemma_ending: "а",
            upos: Upos::Noun,
            endings: vec!["а", "и", "і", "у", "ою", "о", "ам", "ами", "ах", ""],
        },
        Paradigm {
            lemma_ending: "ий",
            upos: Upos::Adj,
            endings: vec![
                "ий", "ого", "ому", "им", "ім", "а", "ої", "ій", "у", "ою", "е", "і", "их", "ими",
            ],
        },
        Paradigm {
            lemma_ending: "ати",
            upos: Upos::Verb,
            endings: vec![
                "ати", "аю", "аєш", "ає", "аємо", "аєте", "ають", "ав", "ала", "ало", "али", "ай",
            ],
        },
    ];
    for paradigm in &mut p {
        paradigm
            .endings
            .sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    }
    p
}

/// Calls `f(form, lemma, upos)` for ~3.4M synthetic forms, in strictly increasing byte order.
///
/// Stems are 300,000 distinct pseudo-random 6-letter Cyrillic strings (every letter 2 bytes in
/// UTF-8, so sorting stems sorts their forms), each given one of the paradigms at random.
fn synthetic_forms(mut f: impl FnMut(&str, &str, Upos)) {
    let letters = sorted("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя");
    let paradigms = paradigms();
    // splitmix64: deterministic and dependency-free.
    let mut state = 0x5EED_u64;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut stems: Vec<([usize; 6], usize)> = Vec::with_capacity(300_000);
    let mut seen = std::collections::HashSet::new();
    while stems.len() < 300_000 {
        let r = next();
        let stem: [usize; 6] =
            std::array::from_fn(|i| ((r >> (i * 8)) % letters.len() as u64) as usize);
        if seen.insert(stem) {
            stems.push((stem, ((r >> 56) % paradigms.len() as u64) as usize));
        }
    }
    stems.sort_unstable();
    let (mut form, mut lemma, mut stem) = (String::new(), String::new(), String::new());
    for (letter_ids, paradigm) in &stems {
        let paradigm = &paradigms[*paradigm];
        stem.clear();
        stem.extend(letter_ids.iter().map(|&i| letters[i]));
        lemma.clear();
        lemma.push_str(&stem);
        lemma.push_str(paradigm.lemma_ending);
        for ending in &paradigm.endings {
            form.clear();
            form.push_str(&stem);
            form.push_str(ending);
            f(&form, &lemma, paradigm.upos);
        }
    }
}

/// The large Morph lexicon: `$VNUK_BENCH_MORPH`, else the real one if built, else the cached
/// synthetic one.
fn large_morph_path() -> PathBuf {
    if let Some(path) = std::env::var_os("VNUK_BENCH_MORPH") {
        eprintln!("lexicon bench: using $VNUK_BENCH_MORPH");
        return PathBuf::from(path);
    }
    let real = workspace_root().join("data/build/uk-forms.vnlx");
    if real.is_file() {
        eprintln!("lexicon bench: using {}", real.display());
        return real;
    }
    let path = bench_dir().join("uk-synthetic-forms.vnlx");
    if index::read_sources_checksum(&path).ok() == Some(SYNTHETIC_VERSION) {
        return path;
    }
    let started = Instant::now();
    let mut builder = MorphLexiconBuilder::new(SYNTHETIC_VERSION);
    let mut result = Ok(());
    synthetic_forms(|form, lemma, upos| {
        if result.is_ok() {
            result = builder.insert(
                form,
                &[MorphInput {
                    lemma,
                    upos,
                    flags: 0,
                }],
            );
        }
    });
    result.expect("synthetic forms are sorted");
    let forms = builder.len();
    builder.finish(&path).expect("write synthetic lexicon");
    eprintln!(
        "lexicon bench: built {forms} synthetic forms in {:.1?}",
        started.elapsed()
    );
    path
}

fn small_map_path() -> PathBuf {
    let path = bench_dir().join("small-1k.vnlx");
    let mut builder = WordLexiconBuilder::new(0);
    for i in 0..1000u32 {
        builder
            .insert(
                format!("k{i:05}").as_bytes(),
                WordEntry {
                    score: i,
                    ..WordEntry::default()
                },
            )
            .expect("sorted keys");
    }
    builder.finish(&path).expect("write small lexicon");
    path
}

/// The vendored Vietnamese word list as normalized keys (lower case, sorted, unique).
fn vi_keys() -> Vec<String> {
    let path = workspace_root().join("data/sources/vi/pyvi/words.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut keys: Vec<String> = text
        .lines()
        .map(|l| l.trim().to_lowercase())
        .filter(|l| !l.is_empty())
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

fn build_words(keys: &[String]) -> WordLexicon {
    let mut builder = WordLexiconBuilder::new(0);
    for (i, key) in keys.iter().enumerate() {
        builder
            .insert(
                key.as_bytes(),
                WordEntry {
                    score: i as u32,
                    ..WordEntry::default()
                },
            )
            .expect("sorted keys");
    }
    WordLexicon::from_bytes(builder.finish_to_vec().expect("build")).expect("open")
}

/// Every `step`-th key, and misses made by appending a letter that no key ends with here.
fn probes(keys: &[Vec<u8>], count: usize) -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
    let step = (keys.len() / count).max(1);
    let hits: Vec<Vec<u8>> = keys.iter().step_by(step).take(count).cloned().collect();
    let misses = hits
        .iter()
        .map(|k| {
            let mut m = k.clone();
            m.extend_from_slice("щщ".as_bytes());
            m
        })
        .collect();
    (hits, misses)
}

fn report_size(name: &str, path: &Path, lexicon: &Lexicon) {
    let info = lexicon.info();
    eprintln!(
        "lexicon bench: {name}: {} keys, {} bytes ({:.2} MiB), {:.2} bytes/key [{}]",
        info.entry_count,
        info.file_size,
        info.file_size as f64 / (1u64 << 20) as f64,
        info.bytes_per_key(),
        path.display()
    );
}

fn lexicon_benches(c: &mut Criterion) {
    // --- Words (Vietnamese) ---
    let vi = vi_keys();
    let words = build_words(&vi);
    eprintln!(
        "lexicon bench: vi words: {} keys, {} bytes, {:.2} bytes/key",
        words.len(),
        words.info().file_size,
        words.info().bytes_per_key()
    );
    let vi_bytes: Vec<Vec<u8>> = vi.iter().map(|k| k.as_bytes().to_vec()).collect();
    let (vi_hits, vi_misses) = probes(&vi_bytes, 10_000);

    // --- Morph (Ukrainian, ≥3M forms) ---
    let large_path = large_morph_path();
    let morph = MorphLexicon::open(&large_path).expect("open large lexicon");
    report_size("uk morph", &large_path, morph.lexicon());
    let started = Instant::now();
    morph.verify().expect("verify large lexicon");
    eprintln!("lexicon bench: uk morph verify: {:.1?}", started.elapsed());
    let uk_keys: Vec<Vec<u8>> = {
        let mut out = Vec::new();
        let step = morph.len() / 20_000;
        let mut i = 0usize;
        morph.lexicon().stream().for_each(|k, _| {
            if i.is_multiple_of(step.max(1)) {
                out.push(k.to_vec());
            }
            i += 1;
        });
        out
    };
    let (uk_hits, uk_misses) = probes(&uk_keys, 10_000);
    let uk_hit_forms: Vec<String> = uk_hits
        .iter()
        .map(|k| String::from_utf8_lossy(k).into_owned())
        .collect();

    let mut group = c.benchmark_group("lexicon/get");
    for (name, lexicon, keys) in [
        ("vi-words-hit", words.lexicon(), &vi_hits),
        ("vi-words-miss", words.lexicon(), &vi_misses),
        ("uk-morph-hit", morph.lexicon(), &uk_hits),
        ("uk-morph-miss", morph.lexicon(), &uk_misses),
    ] {
        group.throughput(Throughput::Elements(keys.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut found = 0u64;
                for key in keys {
                    found += u64::from(lexicon.get(black_box(key)).is_some());
                }
                found
            });
        });
    }
    group.throughput(Throughput::Elements(vi_hits.len() as u64));
    group.bench_function("vi-words-entry", |b| {
        b.iter(|| {
            let mut score = 0u64;
            for key in &vi_hits {
                score += u64::from(words.entry(black_box(key)).map_or(0, |e| e.score));
            }
            score
        });
    });
    group.throughput(Throughput::Elements(uk_hit_forms.len() as u64));
    group.bench_function("uk-morph-analyses-lemma", |b| {
        let mut lemma = String::new();
        b.iter(|| {
            let mut total = 0usize;
            for form in &uk_hit_forms {
                for analysis in morph.analyses(black_box(form)) {
                    analysis.write_lemma(&mut lemma);
                    total += lemma.len();
                }
            }
            total
        });
    });
    group.finish();

    let mut group = c.benchmark_group("lexicon/query");
    group.bench_function("vi-prefix-nh", |b| {
        b.iter(|| words.lexicon().prefix(black_box("nh".as_bytes())).count())
    });
    group.bench_function("uk-prefix-3-letters", |b| {
        b.iter(|| morph.lexicon().prefix(black_box("бав".as_bytes())).count())
    });
    group.bench_function("vi-fuzzy-d1", |b| {
        b.iter(|| {
            words
                .lexicon()
                .fuzzy(black_box("nhà nươc"), 1)
                .expect("small automaton")
                .count()
        })
    });
    let uk_probe = uk_hit_forms[uk_hit_forms.len() / 2].clone();
    group.bench_function("uk-fuzzy-d1", |b| {
        b.iter(|| {
            morph
                .lexicon()
                .fuzzy(black_box(&uk_probe), 1)
                .expect("small automaton")
                .count()
        })
    });
    group.bench_function("uk-fuzzy-d2", |b| {
        b.iter(|| {
            morph
                .lexicon()
                .fuzzy(black_box(&uk_probe), 2)
                .expect("small automaton")
                .count()
        })
    });
    // A real misspelling (ы is Russian, not Ukrainian) when the real lexicon is in use: the
    // Cyrillic keys that `fst`'s own Levenshtein automaton missed.
    let misspelt = "переговорыв";
    let found = morph
        .lexicon()
        .fuzzy(misspelt, 1)
        .expect("small automaton")
        .count();
    eprintln!("lexicon bench: uk fuzzy {misspelt:?} d1: {found} matches");
    for distance in [1, 2] {
        group.bench_function(format!("uk-fuzzy-misspelt-d{distance}"), |b| {
            b.iter(|| {
                morph
                    .lexicon()
                    .fuzzy(black_box(misspelt), distance)
                    .expect("small automaton")
                    .count()
            })
        });
    }
    group.bench_function("vi-regex", |b| {
        b.iter(|| {
            words
                .lexicon()
                .regex(black_box("nh. n.*"))
                .expect("valid")
                .count()
        })
    });
    group.finish();

    // The segmenter primitive: all dictionary words starting at each syllable of a sentence.
    let sentence: Vec<&str> = "chính phủ việt nam đã ban hành nghị định mới về quản lý nhà nước đối với hoạt động kinh doanh"
        .split(' ')
        .collect();
    let mut group = c.benchmark_group("lexicon/matches_at");
    group.throughput(Throughput::Elements(sentence.len() as u64));
    group.bench_function("vi-sentence", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            let mut n = 0;
            for start in 0..sentence.len() {
                out.clear();
                words.matches_at(black_box(&sentence), start, 4, &mut out);
                n += out.len();
            }
            n
        });
    });
    group.finish();

    let small_path = small_map_path();
    let mut group = c.benchmark_group("lexicon/open");
    group.bench_function("words-1k", |b| {
        b.iter(|| Lexicon::open(black_box(&small_path)).expect("open"))
    });
    group.bench_function("morph-large", |b| {
        b.iter(|| Lexicon::open(black_box(&large_path)).expect("open"))
    });
    group.bench_function("sources-checksum-large", |b| {
        b.iter(|| index::read_sources_checksum(black_box(&large_path)).expect("header"))
    });
    group.finish();
}

criterion_group!(benches, lexicon_benches);
criterion_main!(benches);
