//! Tokenizes and lemmatizes running text with a fresh lemmatizer (empty memo) per round, and
//! prints token counts, for timing with the shell's `time` (CPU time) or with
//! `valgrind --tool=callgrind` (instruction counts) on a busy machine where wall-clock
//! benchmarks are noisy. Files ending in `.conllu` contribute their `# text = ` lines.
//!
//! ```text
//! cargo run --release -p uk-text --example uk_lemma_throughput -- LEXICON ROUNDS FILE…
//! ```

use std::process::ExitCode;
use std::time::Instant;

use uk_text::lemmatize::UkLemmatizer;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(lexicon), Some(rounds)) = (args.next(), args.next()) else {
        eprintln!("usage: uk_lemma_throughput LEXICON ROUNDS FILE…");
        return ExitCode::from(2);
    };
    let rounds: usize = rounds.parse().unwrap_or(1);
    let mut text = String::new();
    for path in args {
        let Ok(file) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: cannot read");
            return ExitCode::from(1);
        };
        if path.ends_with(".conllu") {
            for line in file.lines().filter_map(|l| l.strip_prefix("# text = ")) {
                text.push_str(line);
                text.push('\n');
            }
        } else {
            text.push_str(&file);
        }
    }
    let morph = match index::MorphLexicon::open(&lexicon) {
        Ok(morph) => morph,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(1);
        }
    };
    // UK_CHECK=1: also check that every memo answer equals a fresh analysis.
    let check = std::env::var_os("UK_CHECK").is_some();
    let mut lemma = String::new();
    let mut tokens = 0usize;
    let mut checksum = 0usize;
    let mut elapsed = std::time::Duration::ZERO;
    for _ in 0..rounds {
        let lemmatizer = UkLemmatizer::new(morph.clone());
        let started = Instant::now();
        for token in uk_text::tokens(&text) {
            let form = token.text(&text);
            if check {
                let mut other = String::new();
                let a = lemmatizer.lemmatize_form(form, &mut lemma);
                let b = lemmatizer.analyse_form(form, &mut other);
                if a != b || lemma != other {
                    println!("{form}\t{a:?} {lemma}\t{b:?} {other}");
                }
            }
            if let Some((upos, _)) = lemmatizer.lemmatize_token(form, token.kind, &mut lemma) {
                checksum += upos as usize + lemma.len();
            }
            tokens += 1;
        }
        elapsed += started.elapsed();
    }
    println!(
        "{} bytes, {} tokens per round, {rounds} rounds (fresh lemmatizer each), {:.0} tokens/s \
         (wall, lemmatizer construction excluded), checksum {checksum}",
        text.len(),
        tokens / rounds.max(1),
        tokens as f64 / elapsed.as_secs_f64().max(1e-9)
    );
    ExitCode::SUCCESS
}
