//! `vnuk eval segment FILE.conllu`: word-level precision, recall and F1 of the segmenter on
//! gold CoNLL-U data (multi-syllable words written with spaces in FORM), next to the
//! dictionary-only forward longest-match baseline.
//!
//! The gold sentences' syllables are given to the segmenter pre-tokenized (each FORM's
//! syllables are atoms that are only joined, never split). A predicted word counts when it
//! covers the same characters as a gold word and has the same tone-placement-insensitive key.

use crate::args::{EvalCommand, EvalSegmentArgs};
use crate::commands::CommandError;
use crate::commands::segment::open_segmenter;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;
use vi_text::ToneStyle;
use vi_text::segment::eval::{Scores, evaluate};
use vi_text::segment::gold::read_conllu;

/// Runs `vnuk eval`.
pub fn run(command: &EvalCommand, data_dir: &Path) -> Result<ExitCode, CommandError> {
    match command {
        EvalCommand::Segment(args) => segment(args, data_dir),
        EvalCommand::Lemma(args) => crate::commands::lemmatize::eval_lemma(args, data_dir),
    }
}

fn row(name: &str, scores: &Scores) -> String {
    format!(
        "{name:<16} {:>9.2} {:>9.2} {:>9.2} {:>9} {:>9} {:>9}",
        scores.precision(),
        scores.recall(),
        scores.f1(),
        scores.correct,
        scores.predicted,
        scores.gold
    )
}

fn segment(args: &EvalSegmentArgs, data_dir: &Path) -> Result<ExitCode, CommandError> {
    let segmenter = open_segmenter(data_dir, args.user_dict.as_deref())?;
    let sentences = read_conllu(&args.file)?;
    let style = match args.tone_style {
        ToneStyle::Keep => None,
        style => Some(style),
    };
    let started = Instant::now();
    let evaluation = evaluate(&segmenter, &sentences, style);
    let elapsed = started.elapsed();
    println!(
        "{}: {} sentences, {} gold words, {} atoms (syllables, numbers, punctuation){}",
        args.file.display(),
        evaluation.sentences,
        evaluation.model.gold,
        evaluation.atoms,
        match style {
            Some(style) => format!(", input converted to the {style} tone style"),
            None => String::new(),
        }
    );
    println!(
        "{:<16} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "", "precision", "recall", "F1", "correct", "predicted", "gold"
    );
    println!("{}", row("vnuk", &evaluation.model));
    println!("{}", row("longest match", &evaluation.baseline));
    eprintln!("(scored in {:.2?}, both systems)", elapsed);
    Ok(ExitCode::SUCCESS)
}
