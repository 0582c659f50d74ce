//! `cargo xtask <task>`: vnuk's build tasks.
//!
//! - `cargo xtask build-data [--force] [--data-dir DIR]`: compile the vendored sources under
//!   `data/sources/` into the lexicons under `data/build/` (only the missing or stale ones
//!   unless `--force`), with the same code that `vnuk` runs on first use
//!   (`vnuk_cli::artifacts`). Prints each artifact's size, keys, bytes per key and build time.
//!
//! Run it with `--release` (`cargo run --release -p xtask -- build-data`) for build times
//! that mean something.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use vnuk_cli::artifacts::{self, group, human_bytes};

const USAGE: &str = "usage: cargo xtask build-data [--force] [--data-dir DIR]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        Some("build-data") => {
            let mut force = false;
            let mut data_dir: Option<PathBuf> = None;
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--force" => force = true,
                    "--data-dir" => match args.next() {
                        Some(dir) => data_dir = Some(PathBuf::from(dir)),
                        None => return usage(),
                    },
                    _ => return usage(),
                }
            }
            build_data(&artifacts::resolve_data_dir(data_dir.as_deref()), force)
        }
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn build_data(data_dir: &std::path::Path, force: bool) -> ExitCode {
    println!("data directory: {}", data_dir.display());
    let started = Instant::now();
    let outcomes = match artifacts::build_all(data_dir, force) {
        Ok(outcomes) => outcomes,
        Err(error) => {
            eprintln!("xtask: {error}");
            return ExitCode::from(1);
        }
    };
    for outcome in &outcomes {
        let name = outcome.artifact.name;
        match &outcome.built {
            Some(summary) => {
                println!(
                    "built {name} -> {} ({})",
                    outcome.path.display(),
                    outcome.before
                );
                println!(
                    "  {} keys, {} ({} bytes, {:.2} bytes/key), {:.2} s",
                    group(summary.entries),
                    human_bytes(summary.bytes),
                    group(summary.bytes),
                    summary.bytes as f64 / summary.entries.max(1) as f64,
                    summary.elapsed.as_secs_f64()
                );
                println!("  {}", summary.detail);
            }
            None => println!("{name}: {} is fresh", outcome.path.display()),
        }
    }
    if !segment_model(data_dir) || !lemma_rank_table(data_dir) {
        return ExitCode::from(1);
    }
    println!("done in {:.2} s", started.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}

/// `../shared` beside the workspace.
fn shared_dir() -> std::path::PathBuf {
    let workspace = artifacts::default_data_dir();
    workspace
        .parent()
        .unwrap_or(&workspace)
        .join("..")
        .join("shared")
}

/// Rebuilds the committed Ukrainian lemma ranking table from `../shared` (ParlaMint dev) when
/// it is there; the file is rewritten only when its bytes change.
fn lemma_rank_table(data_dir: &std::path::Path) -> bool {
    use uk_text::lemmatize::rank;
    let shared = shared_dir();
    if !shared.join(rank::PARLAMINT_DEV).is_file() {
        println!(
            "uk-lemma-rank: {} is absent: keeping the committed table",
            shared.join(rank::PARLAMINT_DEV).display()
        );
        return true;
    }
    let table = match rank::build_shipped(&shared) {
        Ok(table) => table,
        Err(error) => {
            eprintln!("xtask: uk-lemma-rank: {error}");
            return false;
        }
    };
    let path = data_dir.join(rank::SHIPPED_PATH);
    let changed = std::fs::read_to_string(&path).ok().as_deref() != Some(table.as_str());
    if changed && let Err(error) = std::fs::write(&path, &table) {
        eprintln!(
            "xtask: uk-lemma-rank: cannot write {}: {error}",
            path.display()
        );
        return false;
    }
    let state = if changed {
        "rebuilt (changed)"
    } else {
        "rebuilt, unchanged"
    };
    println!(
        "uk-lemma-rank: {} {state}: {} bytes",
        path.display(),
        group(table.len() as u64)
    );
    true
}

/// Retrains the committed Vietnamese segmentation model from `../shared` (UD-VTB train and
/// dev) when it is there; the file is rewritten only when its bytes change.
fn segment_model(data_dir: &std::path::Path) -> bool {
    let shared = shared_dir();
    match vnuk_cli::build_segment_model(data_dir, &shared) {
        Ok(vnuk_cli::SegmentModelOutcome::Skipped { missing }) => {
            println!(
                "vi-segment: {} is absent: keeping the committed model",
                missing.display()
            );
            true
        }
        Ok(vnuk_cli::SegmentModelOutcome::Trained {
            path,
            changed,
            bytes,
            stats,
        }) => {
            let state = if changed {
                "retrained (changed)"
            } else {
                "retrained, unchanged"
            };
            println!(
                "vi-segment: {} {state}: {} bytes, {} sentences, {} weights",
                path.display(),
                group(bytes as u64),
                group(stats.sentences as u64),
                group(stats.nonzero_weights as u64)
            );
            true
        }
        Err(error) => {
            eprintln!("xtask: vi-segment: {error}");
            false
        }
    }
}
