//! `vnuk data info|verify|build`: the compiled data artifacts.

use super::CommandError;
use crate::args::DataCommand;
use crate::artifacts::{self, ARTIFACTS, Status, group, human_bytes};
use index::Lexicon;
use std::path::Path;
use std::process::ExitCode;

/// Runs a `vnuk data` subcommand.
pub fn run(command: &DataCommand, data_dir: &Path) -> Result<ExitCode, CommandError> {
    match command {
        DataCommand::Info => info(data_dir),
        DataCommand::Verify { path: Some(path) } => verify_file(path),
        DataCommand::Verify { path: None } => verify_all(data_dir),
        DataCommand::Build { force } => build(data_dir, *force),
    }
}

/// Prints what every artifact is, where, and whether it is fresh. Builds nothing.
fn info(data_dir: &Path) -> Result<ExitCode, CommandError> {
    println!("data directory: {}", data_dir.display());
    println!("lexicon format version: {}", index::FORMAT_VERSION);
    for artifact in ARTIFACTS {
        let path = artifact.path(data_dir);
        println!();
        println!(
            "{} ({}, {} lexicon, {} data)",
            artifact.name,
            artifact.language,
            artifact.kind.name(),
            artifact.licence
        );
        println!("  path: {}", path.display());
        let sources = artifact.sources_dir(data_dir);
        let files: Vec<String> = artifact
            .source_files
            .iter()
            .map(|file| match std::fs::metadata(sources.join(file)) {
                Ok(meta) => format!("{file} ({})", human_bytes(meta.len())),
                Err(_) => format!("{file} (missing)"),
            })
            .collect();
        println!("  sources: {} [{}]", sources.display(), files.join(", "));
        match artifact.expected_checksum(data_dir) {
            Ok(checksum) => println!("  sources checksum: {checksum:#018x}"),
            Err(error) => println!("  sources checksum: unavailable ({error})"),
        }
        let status = artifact.status(data_dir);
        println!("  status: {status}");
        if matches!(status, Status::Missing | Status::Unreadable(_)) {
            continue;
        }
        match Lexicon::open(&path) {
            Ok(lexicon) => {
                let info = lexicon.info();
                println!("  format version: {}", info.format_version);
                println!("  entries: {}", group(info.entry_count));
                println!(
                    "  size: {} ({} bytes, {:.2} bytes/key)",
                    human_bytes(info.file_size),
                    group(info.file_size),
                    info.bytes_per_key()
                );
                println!(
                    "  recorded sources checksum: {:#018x}",
                    info.sources_checksum
                );
                println!("  body checksum: {:#018x}", info.body_checksum);
                for section in &info.sections {
                    println!("    section {}: {}", section.name, human_bytes(section.len));
                }
            }
            Err(error) => println!("  cannot open: {error}"),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Verifies one file completely: exit 1 and the problem on stderr when it is bad.
fn verify_file(path: &Path) -> Result<ExitCode, CommandError> {
    let lexicon = Lexicon::open_verified(path)?;
    let info = lexicon.info();
    println!(
        "{}: ok ({} lexicon, format version {}, {} keys, {})",
        path.display(),
        info.kind.name(),
        info.format_version,
        group(info.entry_count),
        human_bytes(info.file_size)
    );
    Ok(ExitCode::SUCCESS)
}

/// Verifies every artifact: exit 1 when one is missing or bad; stale ones are reported but
/// pass (they are intact, only out of date).
fn verify_all(data_dir: &Path) -> Result<ExitCode, CommandError> {
    let mut failed = false;
    for artifact in ARTIFACTS {
        let path = artifact.path(data_dir);
        if !path.exists() {
            eprintln!(
                "vnuk: {}: missing (`vnuk data build` builds it)",
                path.display()
            );
            failed = true;
            continue;
        }
        match Lexicon::open_verified(&path) {
            Ok(lexicon) if lexicon.kind() != artifact.kind => {
                eprintln!(
                    "vnuk: {}: holds a {} lexicon, expected {}",
                    path.display(),
                    lexicon.kind().name(),
                    artifact.kind.name()
                );
                failed = true;
            }
            Ok(lexicon) => {
                let status = artifact.status(data_dir);
                let note = match status {
                    Status::Fresh => String::new(),
                    other => format!("; {other}"),
                };
                println!(
                    "{}: ok ({} keys, {}{note})",
                    path.display(),
                    group(lexicon.len() as u64),
                    human_bytes(lexicon.as_bytes().len() as u64)
                );
            }
            Err(error) => {
                eprintln!("vnuk: {error}");
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Builds missing, stale or unreadable artifacts (all with `force`), printing what was done.
fn build(data_dir: &Path, force: bool) -> Result<ExitCode, CommandError> {
    for outcome in artifacts::build_all(data_dir, force)? {
        match &outcome.built {
            Some(summary) => println!(
                "built {} ({}): {} keys, {} ({:.2} bytes/key) in {:.2} s; {}",
                outcome.path.display(),
                outcome.before,
                group(summary.entries),
                human_bytes(summary.bytes),
                summary.bytes as f64 / summary.entries.max(1) as f64,
                summary.elapsed.as_secs_f64(),
                summary.detail
            ),
            None => println!("{}: fresh, not rebuilt", outcome.path.display()),
        }
    }
    Ok(ExitCode::SUCCESS)
}
