//! `vnuk segment`: Vietnamese word segmentation, line for line, as text or JSON lines; and
//! the training of the committed segmentation model for `cargo xtask build-data`.
//!
//! Text output: the line's tokens separated by single spaces, the syllables of a word joined
//! by `_`. JSON lines: one object per input line,
//! `{"line":N,"tokens":[{"text":…,"kind":…,"start":…,"end":…,"syllables":…}]}` where
//! `start..end` are byte offsets into the whole input (from the first byte of a word's first
//! syllable to the last byte of its last one) and `text` is the word's syllables, as written,
//! joined by `_` (whatever separated them in the input: spaces, underscores).

use crate::args::{SegmentArgs, SegmentFormat};
use crate::artifacts;
use crate::commands::CommandError;
use crate::commands::input::for_each_input;
use crate::commands::json::{push_json_string, push_line_header};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vi_text::segment::train::{TrainConfig, TrainStats, train_conllu};
use vi_text::segment::{
    MODEL_FILE_NAME, SegToken, SegmentModel, SegmentOptions, Segmentation, Segmenter, UserDict,
};

/// The committed model's path in `data_dir`.
#[must_use]
pub fn model_path(data_dir: &Path) -> PathBuf {
    data_dir.join("models").join(MODEL_FILE_NAME)
}

/// The segmenter of `data_dir`: the committed model and the word lexicon (built first if
/// needed), with a warning on stderr when the model was trained with another lexicon.
pub(crate) fn open_segmenter(
    data_dir: &Path,
    user_dict: Option<&Path>,
) -> Result<Segmenter, CommandError> {
    let path = model_path(data_dir);
    let model = SegmentModel::open(&path).map_err(|e| {
        format!("{e} (the segmentation model is committed under data/models/; restore it, or retrain it with `cargo xtask build-data`)")
    })?;
    let words = artifacts::open_words(data_dir)?;
    let mut segmenter = Segmenter::new(model, Some(words));
    if !segmenter.lexicon_matches_model() {
        eprintln!(
            "vnuk: warning: {} was trained with another version of the word lexicon; \
             retrain it with `cargo xtask build-data`",
            path.display()
        );
    }
    if let Some(dict) = user_dict {
        segmenter = segmenter.with_user_dict(UserDict::open(dict)?);
    }
    Ok(segmenter)
}

/// One line's tokens as a JSON object.
fn push_json_line(
    out: &mut String,
    form: &mut String,
    file: Option<&str>,
    line_number: usize,
    line: &str,
    offset: usize,
    segmentation: &Segmentation,
) {
    use std::fmt::Write as _;
    push_line_header(out, file, line_number);
    for (i, token) in segmentation.tokens().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        form.clear();
        segmentation.write_form(line, token, form);
        out.push_str("{\"text\":");
        push_json_string(out, form);
        let SegToken { span, kind, .. } = *token;
        let _ = write!(
            out,
            ",\"kind\":\"{}\",\"start\":{},\"end\":{},\"syllables\":{}}}",
            kind.name(),
            offset + span.start,
            offset + span.end,
            token.atom_count()
        );
    }
    out.push_str("]}\n");
}

/// Runs `vnuk segment`.
pub fn run(args: &SegmentArgs, data_dir: &Path) -> Result<ExitCode, CommandError> {
    let segmenter = open_segmenter(data_dir, args.user_dict.as_deref())?;
    let options = SegmentOptions {
        pretokenized: args.pretokenized,
        keep_existing: args.keep_existing,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut buf = String::new();
    let mut form = String::new();
    let mut segmentation = Segmentation::default();
    let several = args.files.len() > 1;
    for_each_input(&args.files, |name, text| {
        let mut offset = 0;
        for (index, line) in text.split_inclusive('\n').enumerate() {
            let content = line.trim_end_matches(['\n', '\r']);
            segmenter.segment(content, options, &mut segmentation);
            buf.clear();
            match args.format {
                SegmentFormat::Text => {
                    segmentation.write_text(content, &mut buf);
                    buf.push('\n');
                }
                SegmentFormat::Jsonl => {
                    let file = several.then_some(name);
                    push_json_line(
                        &mut buf,
                        &mut form,
                        file,
                        index + 1,
                        content,
                        offset,
                        &segmentation,
                    );
                }
            }
            out.write_all(buf.as_bytes())?;
            offset += line.len();
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// What [`build_segment_model`] did.
#[derive(Debug)]
pub enum SegmentModelOutcome {
    /// The training data is absent: the committed model is kept as it is.
    Skipped {
        /// The missing training file.
        missing: PathBuf,
    },
    /// The model was retrained; `changed` tells whether its bytes differ from the file's.
    Trained {
        /// The model file.
        path: PathBuf,
        /// The file was (re)written.
        changed: bool,
        /// Size in bytes.
        bytes: usize,
        /// What training saw.
        stats: TrainStats,
    },
}

/// Retrains the segmentation model from UD-VTB train and dev under `shared_dir`
/// (`eval/vi/ud-vtb/`), with the word lexicon of `data_dir`, and writes
/// `data_dir/models/vi-segment.vnsm` when its bytes change. Training is deterministic, so an
/// unchanged input gives the committed bytes. When the training data is absent the committed
/// model is kept.
///
/// # Errors
/// When the lexicon cannot be built, the training files cannot be read, or the model cannot
/// be written.
pub fn build_segment_model(
    data_dir: &Path,
    shared_dir: &Path,
) -> Result<SegmentModelOutcome, CommandError> {
    let vtb = shared_dir.join("eval").join("vi").join("ud-vtb");
    let files = [
        vtb.join("vi_vtb-ud-train.conllu"),
        vtb.join("vi_vtb-ud-dev.conllu"),
    ];
    if let Some(missing) = files.iter().find(|f| !f.is_file()) {
        return Ok(SegmentModelOutcome::Skipped {
            missing: missing.clone(),
        });
    }
    let words = artifacts::open_words(data_dir)?;
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let (bytes, stats) = train_conllu(&paths, Some(&words), &TrainConfig::default())?;
    let path = model_path(data_dir);
    let changed = std::fs::read(&path).ok().as_deref() != Some(bytes.as_slice());
    if changed {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("vnsm.tmp");
        std::fs::write(&tmp, &bytes)?;
        std::fs::rename(&tmp, &path)?;
    }
    Ok(SegmentModelOutcome::Trained {
        path,
        changed,
        bytes: bytes.len(),
        stats,
    })
}
