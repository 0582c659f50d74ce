//! Checks against the shared seed documents (skipped when ../shared is absent).

use std::path::{Path, PathBuf};
use vi_text::clean::{CleanOptions, clean_lm};
use vi_text::compound::unsegment;
use vi_text::normalize::{misplaced_marks, normalize};

fn seed(prefix: &str) -> Option<String> {
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !dir.is_dir() {
        println!("skipping: ../shared is absent");
        return None;
    }
    let entry = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))?;
    // The seeds are cut mid-file and may end inside a character.
    let bytes = std::fs::read(entry.path()).ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

#[test]
fn seed_000_has_no_impossible_placement_after_normalize() {
    let Some(text) = seed("000_") else { return };
    let before = misplaced_marks(&text);
    let normalized = normalize(&text);
    let after = misplaced_marks(&normalized);
    println!("seed 000: impossible tone placements before normalize: {before}, after: {after}");
    assert!(before > 0, "the seed is known to hold misplaced marks");
    assert_eq!(after, 0);
    // Nothing else changes: the same letters, the same lines.
    assert_eq!(normalized.lines().count(), text.lines().count());
    assert_eq!(vi_text::fold::fold(&normalized), vi_text::fold::fold(&text));
}

#[test]
fn seed_001_unsegmented_and_cleaned_gives_seed_000() {
    let (Some(lm), Some(segmented)) = (seed("000_"), seed("001_")) else {
        return;
    };
    let mut cleaned = String::new();
    clean_lm(
        &unsegment(&segmented),
        &CleanOptions::default(),
        &mut cleaned,
    );
    let produced: Vec<&str> = cleaned.lines().collect();
    let mut at = 0;
    let mut matched = 0;
    for (n, line) in lm.lines().enumerate().skip(2) {
        let line = line.trim_end_matches('\u{FFFD}');
        if line.is_empty() {
            continue;
        }
        let repaired = normalize(line);
        let found = produced[at..]
            .iter()
            .position(|out| out.starts_with(repaired.as_ref()));
        match found {
            Some(k) => {
                at += k + 1;
                matched += 1;
            }
            None => panic!(
                "line {} of seed 000 begins no output line after line {at}:\n  {repaired}\noutput:\n{}",
                n + 1,
                produced.join("\n")
            ),
        }
    }
    println!("seed 001 -> unsegment -> clean: {matched} lines of seed 000 matched in order");
    assert!(matched >= 19, "{matched}");
}
