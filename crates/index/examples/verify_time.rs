//! Times `Lexicon::open`, `verify_checksums` and `verify` on a file: `verify_time <file.vnlx>`.

use std::time::Instant;

fn main() -> Result<(), index::Error> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: verify_time <file.vnlx>");
        std::process::exit(2)
    });
    let started = Instant::now();
    let lexicon = index::Lexicon::open(&path)?;
    let opened = started.elapsed();
    let started = Instant::now();
    lexicon.verify_checksums()?;
    let checksums = started.elapsed();
    let started = Instant::now();
    lexicon.verify()?;
    println!(
        "open {opened:.2?}, verify_checksums {checksums:.2?}, verify {:.2?} ({} keys)",
        started.elapsed(),
        lexicon.len()
    );
    Ok(())
}
