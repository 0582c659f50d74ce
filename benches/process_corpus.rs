//! Whole-run benchmark of `vnuk process` on a generated corpus (default 1 GiB; generated at
//! bench time into a temporary directory, never committed): end-to-end throughput in MB/s on 1
//! and 2 threads, the scaling between them, and peak memory at a quarter and at the full
//! corpus size (it must not grow with the corpus).
//!
//! ```text
//! cargo bench -p benches --bench process_corpus            # 1 GiB
//! VNUK_BENCH_MB=256 cargo bench -p benches --bench process_corpus
//! VNUK_BENCH_CORPUS=/tmp/corpus VNUK_BENCH_MB=40 cargo bench -p benches --bench process_corpus
//! ```
//!
//! With `VNUK_BENCH_CORPUS` set the corpus is written to (and kept in) that directory, for
//! profiling a run by hand.
//!
//! Documents are drawn (with a fixed seed) from sentence pools: the `# text =` lines of the
//! CoNLL-U files under `../shared/eval/` when present (Vietnamese UD-VTB, Ukrainian UD-IU and
//! ParlaMint), else the lines of `data/samples/`. Each document mixes in the shapes and the
//! furniture of scraped news: 60% Vietnamese (raw, a tenth of them in NFD, word-segmented,
//! LM-clean), 40% Ukrainian (with a Russian line and subscribe/share lines); a fifth of the
//! bytes as `.txt` files, the rest as `.jsonl` files of 1000 documents.
//!
//! Each run is a child process (this binary re-executed), so that its peak resident memory
//! (`VmHWM`) is its own.

use benches::{shared_dir, workspace_root};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A small, fixed-seed generator (xorshift64*): the same corpus on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &'a [String]) -> &'a str {
        items
            .get(self.below(items.len()))
            .map_or("", String::as_str)
    }
}

struct Pools {
    vi: Vec<String>,
    vi_segmented: Vec<String>,
    uk: Vec<String>,
}

fn conllu_sentences(path: &Path, words: bool) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    if !words {
        return text
            .lines()
            .filter_map(|l| l.strip_prefix("# text ="))
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
    }
    // Word-segmented: the FORM column with spaces inside words turned into underscores.
    let mut out = Vec::new();
    let mut sentence = String::new();
    for line in text.lines() {
        if line.is_empty() {
            if !sentence.is_empty() {
                out.push(std::mem::take(&mut sentence));
            }
            continue;
        }
        let mut columns = line.split('\t');
        let (Some(id), Some(form)) = (columns.next(), columns.next()) else {
            continue;
        };
        if line.starts_with('#') || id.contains(['-', '.']) {
            continue;
        }
        if !sentence.is_empty() {
            sentence.push(' ');
        }
        sentence.push_str(&form.replace(' ', "_"));
    }
    out
}

fn pools() -> Pools {
    let mut pools = Pools {
        vi: Vec::new(),
        vi_segmented: Vec::new(),
        uk: Vec::new(),
    };
    if let Some(shared) = shared_dir() {
        let eval = shared.join("eval");
        let vtb = eval.join("vi/ud-vtb/vi_vtb-ud-train.conllu");
        pools.vi = conllu_sentences(&vtb, false);
        pools.vi_segmented = conllu_sentences(&vtb, true);
        for file in [
            "uk/ud-iu/uk_iu-ud-dev.conllu",
            "uk/ud-iu/uk_iu-ud-test.conllu",
            "uk/parlamint/uk_parlamint-ud-dev.conllu",
        ] {
            pools.uk.extend(conllu_sentences(&eval.join(file), false));
        }
    }
    let samples = workspace_root().join("data/samples");
    let lines = |file: &str| -> Vec<String> {
        std::fs::read_to_string(samples.join(file))
            .unwrap_or_default()
            .lines()
            .filter(|l| l.split_whitespace().count() > 6)
            .map(str::to_owned)
            .collect()
    };
    if pools.vi.is_empty() {
        pools.vi = lines("vi/raw-news.txt");
        pools.vi_segmented = lines("vi/segmented.txt");
    }
    if pools.uk.is_empty() {
        pools.uk = lines("uk/web-page.txt");
    }
    pools
}

/// LM-clean shape: lower case, letters and spaces only.
fn lm_clean(sentence: &str) -> String {
    let mut out = String::new();
    for word in sentence.split_whitespace() {
        let word: String = word
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&word);
        }
    }
    out
}

fn document(rng: &mut Rng, pools: &Pools, out: &mut String) {
    out.clear();
    let sentences = 15 + rng.below(40);
    match rng.below(10) {
        0..=2 => {
            let nfd = rng.below(10) == 0;
            for i in 0..sentences {
                let sentence = rng.pick(&pools.vi);
                if nfd {
                    use unicode_normalization::UnicodeNormalization;
                    out.extend(sentence.nfd());
                } else {
                    out.push_str(sentence);
                }
                out.push(if i % 3 == 2 { '\n' } else { ' ' });
                if i == 4 {
                    out.push_str("Ảnh minh họa: TTXVN\nVideo đang HOT\n");
                }
            }
        }
        3 | 4 => {
            for i in 0..sentences {
                out.push_str(rng.pick(&pools.vi_segmented));
                out.push(if i % 4 == 3 { '\n' } else { ' ' });
            }
        }
        5 => {
            for _ in 0..sentences {
                out.push_str(&lm_clean(rng.pick(&pools.vi)));
                out.push('\n');
            }
        }
        _ => {
            out.push_str(rng.pick(&pools.uk));
            out.push_str("\n\nЧитать на русском\n");
            for i in 0..sentences {
                out.push_str(rng.pick(&pools.uk));
                out.push_str(if i % 3 == 2 { "\n\n" } else { " " });
            }
            out.push_str("\nЧИТАЙТЕ у TELEGRAM\nПоділитися:\n");
        }
    }
}

/// Writes `megabytes` of documents under `dir` in four subdirectories (quarters).
fn generate(dir: &Path, megabytes: u64) -> u64 {
    let pools = pools();
    let mut rng = Rng(0x005E_ED0F_7E57);
    let mut text = String::new();
    let mut json = String::new();
    let mut total = 0u64;
    let quarter = megabytes * 1_000_000 / 4;
    for q in 0..4 {
        let sub = dir.join(format!("q{q}"));
        std::fs::create_dir_all(&sub).expect("create the corpus directory");
        let mut written = 0u64;
        let mut file_number = 0;
        while written < quarter {
            file_number += 1;
            if file_number % 5 == 0 {
                // A .txt file: one document.
                document(&mut rng, &pools, &mut text);
                std::fs::write(sub.join(format!("{file_number:06}.txt")), &text)
                    .expect("write a document");
                written += text.len() as u64;
                continue;
            }
            let path = sub.join(format!("{file_number:06}.jsonl"));
            let mut file = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
            for n in 0..1000 {
                document(&mut rng, &pools, &mut text);
                json.clear();
                let _ = write!(json, "{{\"id\":\"{q}-{file_number}-{n}\",\"text\":");
                json.push_str(&serde_json_string(&text));
                json.push_str("}\n");
                file.write_all(json.as_bytes()).expect("write a line");
                written += text.len() as u64;
            }
        }
        total += written;
    }
    total
}

fn serde_json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Peak resident memory of a running process, in KiB.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

struct Run {
    seconds: f64,
    peak_mib: f64,
    text_bytes: u64,
}

/// Runs `vnuk process` on `inputs` in a child process and measures it.
fn run(inputs: &[PathBuf], threads: usize) -> Run {
    let summary = tempfile::NamedTempFile::new().expect("a temporary file");
    let mut child = Command::new(std::env::current_exe().expect("this benchmark's path"))
        .arg("--child")
        .arg(threads.to_string())
        .arg(summary.path())
        .args(inputs)
        .spawn()
        .expect("start the child run");
    let started = Instant::now();
    let mut peak = 0;
    loop {
        if let Some(kib) = peak_kib(child.id()) {
            peak = peak.max(kib);
        }
        if let Ok(Some(status)) = child.try_wait() {
            assert!(status.code() == Some(0), "the run failed: {status}");
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let seconds = started.elapsed().as_secs_f64();
    let summary: String = std::fs::read_to_string(summary.path()).unwrap_or_default();
    let text_bytes = summary
        .lines()
        .find_map(|l| l.trim().strip_prefix("\"bytes\": "))
        .and_then(|v| v.trim_end_matches(',').parse().ok())
        .unwrap_or(0);
    Run {
        seconds,
        peak_mib: peak as f64 / 1024.0,
        text_bytes,
    }
}

fn child(args: &[String]) -> std::process::ExitCode {
    let mut cli = vec![
        "vnuk".to_owned(),
        "--data-dir".to_owned(),
        workspace_root().join("data").display().to_string(),
        "process".to_owned(),
        "--quiet".to_owned(),
        "--output".to_owned(),
        "/dev/null".to_owned(),
        "--threads".to_owned(),
        args[0].clone(),
        "--summary".to_owned(),
        args[1].clone(),
    ];
    cli.extend(args[2..].iter().cloned());
    vnuk_cli::run_from(cli)
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        return child(&args[1..]);
    }
    // `cargo bench` passes `--bench`; `cargo test --benches` does not: then do nothing.
    if !args.iter().any(|a| a == "--bench") {
        return std::process::ExitCode::SUCCESS;
    }
    let megabytes: u64 = std::env::var("VNUK_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1024);
    // Build missing lexicons before timing anything.
    if let Err(error) = vnuk_cli::artifacts::ensure(&workspace_root().join("data")) {
        eprintln!("cannot build the lexicons: {error}");
        return std::process::ExitCode::FAILURE;
    }
    let temporary = tempfile::tempdir().expect("a temporary directory");
    let kept = std::env::var_os("VNUK_BENCH_CORPUS").map(PathBuf::from);
    let dir = kept.as_deref().unwrap_or(temporary.path());
    let started = Instant::now();
    let total = generate(dir, megabytes);
    println!(
        "process_corpus: generated {:.0} MB of text in {:.1} s under {}",
        total as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        dir.display()
    );
    let all = vec![dir.to_path_buf()];
    let quarter = vec![dir.join("q0")];
    let mut report = Vec::new();
    for (label, inputs, threads) in [
        ("quarter, 2 threads", &quarter, 2),
        ("full, 1 thread", &all, 1),
        ("full, 2 threads", &all, 2),
    ] {
        let r = run(inputs, threads);
        let mbps = r.text_bytes as f64 / 1e6 / r.seconds;
        println!(
            "process_corpus/{label}: {:.0} MB in {:.1} s = {:.1} MB/s ({:.1} MB/s per thread), peak memory {:.0} MiB",
            r.text_bytes as f64 / 1e6,
            r.seconds,
            mbps,
            mbps / threads as f64,
            r.peak_mib
        );
        report.push(mbps);
    }
    if let [_, one, two] = report[..] {
        println!("process_corpus: scaling 1 → 2 threads ×{:.2}", two / one);
    }
    std::process::ExitCode::SUCCESS
}
