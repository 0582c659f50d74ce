//! Tokenizes, normalizes and transliterates a file repeatedly and prints token counts, for
//! timing with the shell's `time` (CPU time) on a busy machine where wall-clock benchmarks
//! are noisy:
//!
//! ```text
//! cargo run --release -p uk-text --example uk_throughput -- FILE [ROUNDS] [tokenize|normalize|translit|detect]
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: uk_throughput FILE [ROUNDS] [tokenize|normalize|translit|detect]");
        return ExitCode::from(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(10);
    let what = args.next().unwrap_or_else(|| "tokenize".to_owned());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::from(1);
        }
    };
    let mut tokens = Vec::new();
    let mut out = String::new();
    let mut total = 0usize;
    for _ in 0..rounds {
        match what.as_str() {
            "normalize" => {
                out.clear();
                uk_text::Normalizer::default().normalize_into(&text, &mut out);
                total += out.len();
            }
            "translit" => {
                out.clear();
                uk_text::translit_into(&text, &mut out);
                total += out.len();
            }
            "detect" => total += uk_text::detect_lines(&text).count(),
            _ => {
                tokens.clear();
                uk_text::tokenize_into(&text, &mut tokens);
                total += tokens.len();
            }
        }
    }
    println!(
        "{what}: {} bytes x {rounds} rounds, {} items per round",
        text.len(),
        total / rounds.max(1)
    );
    ExitCode::SUCCESS
}
