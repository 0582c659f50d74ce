//! `vnuk process`: the whole-corpus run. Documents are read in order by one thread
//! ([`input`]), decoded ([`decode`]), analysed in parallel batches on a rayon pool
//! ([`analyze`]), and written in input order ([`record`]); the [`summary`] adds them up.
//!
//! Memory is bounded by the batch in flight (a few MB of text per thread, or one document
//! larger than that), never by the size of the corpus.
//!
//! Exit status: 0 when every document was analysed, 3 when some failed or were skipped
//! (each is an error record in the output and a line in the summary), 1 when the run could
//! not proceed (no lexicon, output not writable).

mod analyze;
mod boilerplate;
mod decode;
mod input;
mod norm_memo;
mod out;
mod record;
mod summary;

pub use input::InputFormat;
pub use record::OutputFormat;

use crate::args::ProcessArgs;
use crate::commands::CommandError;
pub use analyze::Analyzer;
use analyze::Scratch;
use input::{Documents, Failure, Ignored, RawDocument};
use rayon::prelude::*;
use record::{DocRecord, Origin, Repairs};
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::{Mutex, mpsc};
use std::time::Instant;
use summary::Summary;

/// Text bytes per worker thread in one batch.
const BATCH_BYTES_PER_THREAD: u64 = 4 << 20;
/// Documents per worker thread in one batch.
const BATCH_DOCS_PER_THREAD: usize = 256;

/// The outcome of one document, for the writer and the summary.
enum Outcome {
    Analysed {
        facts: analyze::DocFacts,
        bytes: u64,
        lossy: bool,
        nul_bytes: u64,
    },
    Failed(Failure),
}

/// One processed document.
struct Processed {
    id: String,
    source: String,
    line: Option<u64>,
    input_bytes: u64,
    output: Vec<u8>,
    outcome: Outcome,
}

/// Bytes of the output buffer.
const OUTPUT_BUFFER: usize = 16 << 10;

/// Per-thread state of the workers.
struct Worker {
    scratch: Scratch,
    record: DocRecord,
}

/// Opens the analysers `vnuk process` uses: the segmenter and the lemmatizer of
/// `data_dir`, building missing or stale lexicons first.
///
/// # Errors
/// When the model or a lexicon cannot be opened or built.
pub fn open_analyzer(data_dir: &Path) -> Result<Analyzer, CommandError> {
    let segmenter = crate::commands::segment::open_segmenter(data_dir, None)?;
    let lemmatizer = crate::commands::lemmatize::open_lemmatizer(data_dir)?;
    Ok(Analyzer::new(segmenter, lemmatizer))
}

/// Analyses one document's bytes exactly as `vnuk process` does and returns its output
/// record: a JSON line (with `\n`) or, for [`OutputFormat::Text`], the analysed text.
#[must_use]
pub fn document_record(
    analyzer: &Analyzer,
    id: &str,
    bytes: Vec<u8>,
    lossy: bool,
    format: OutputFormat,
) -> String {
    let mut worker = Worker {
        scratch: Scratch::default(),
        record: DocRecord::new(format),
    };
    let document = RawDocument {
        id: id.to_owned(),
        source: id.to_owned(),
        line: None,
        input_bytes: bytes.len() as u64,
        content: Ok(input::Content::Bytes(bytes)),
    };
    let output = process_one(analyzer, document, lossy, &mut worker).output;
    // Records are made of whole `&str` pieces and ASCII, so they are UTF-8; were one not,
    // its bad bytes would show as U+FFFD rather than be lost.
    debug_assert!(std::str::from_utf8(&output).is_ok());
    String::from_utf8(output).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Runs `vnuk process`.
pub fn run(args: &ProcessArgs, data_dir: &Path) -> Result<ExitCode, CommandError> {
    let analyzer = open_analyzer(data_dir)?;
    let threads = if args.threads == 0 {
        std::thread::available_parallelism().map_or(1, usize::from)
    } else {
        args.threads
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("vnuk-worker-{i}"))
        .build()?;

    // Records of analysed documents are tens of KB: they go straight to the output (a
    // `BufWriter` passes on writes as large as its buffer), only small ones are gathered.
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(io::BufWriter::with_capacity(
            OUTPUT_BUFFER,
            std::fs::File::create(path)
                .map_err(|e| format!("{}: cannot create: {e}", path.display()))?,
        )),
        None => Box::new(io::BufWriter::with_capacity(
            OUTPUT_BUFFER,
            io::stdout().lock(),
        )),
    };
    let progress = progress::Progress::new(args, !args.quiet && io::stderr().is_terminal());
    let started = Instant::now();
    let mut summary = Summary::default();

    let (sender, receiver) = mpsc::sync_channel::<Vec<RawDocument>>(1);
    let inputs = args.inputs.clone();
    let format = args.input_format;
    let reader = std::thread::Builder::new()
        .name("vnuk-reader".into())
        .spawn(move || -> Ignored {
            let mut documents = Documents::new(&inputs, format);
            let mut batch = Vec::new();
            let mut bytes = 0u64;
            while let Some(document) = documents.next() {
                bytes += document.content.as_ref().map_or(0, |c| c.len() as u64);
                batch.push(document);
                if batch.len() >= BATCH_DOCS_PER_THREAD * threads
                    || bytes >= BATCH_BYTES_PER_THREAD * threads as u64
                {
                    if sender.send(std::mem::take(&mut batch)).is_err() {
                        return documents.ignored;
                    }
                    bytes = 0;
                }
            }
            if !batch.is_empty() {
                let _ = sender.send(batch);
            }
            documents.ignored
        })?;

    // One worker per pool thread for the whole run, so that the working memory and the
    // segmenter's and normalizer's caches carry over from batch to batch (rayon's
    // `map_init` would make one per split of every batch). A thread only ever locks its own.
    let workers: Vec<Mutex<Worker>> = (0..threads.max(1))
        .map(|_| {
            Mutex::new(Worker {
                scratch: Scratch::default(),
                record: DocRecord::new(args.format),
            })
        })
        .collect();
    // Each batch is written, in input order, as soon as it is analysed. (Writing batch N
    // while batch N + 1 is analysed was measured: the same wall time on two threads, and a
    // second batch of records in memory.)
    let mut write_result = Ok(());
    for batch in receiver {
        let processed: Vec<Processed> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|document| {
                    let index = rayon::current_thread_index().unwrap_or(0) % workers.len();
                    // A worker poisoned by a panic is still whole: `process_one` resets its
                    // working memory after one.
                    let mut worker = workers[index]
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    process_one(&analyzer, document, args.lossy, &mut worker)
                })
                .collect()
        });
        for done in processed {
            if write_result.is_ok() {
                write_result = out.write_all(&done.output);
            }
            match &done.outcome {
                Outcome::Analysed {
                    facts,
                    bytes,
                    lossy,
                    nul_bytes,
                } => summary.add_document(facts, *bytes, *lossy, *nul_bytes),
                Outcome::Failed(failure) => {
                    summary.add_failure(&done.id, &done.source, done.line, failure);
                }
            }
            progress.document(done.input_bytes, &summary);
        }
        if write_result.is_err() {
            break;
        }
    }
    let ignored = reader.join().unwrap_or_default();
    progress.finish();
    write_result
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write the output: {e}"))?;
    summary.finish(&ignored, threads, started.elapsed().as_secs_f64());
    if let Some(path) = &args.summary {
        let json = serde_json::to_string_pretty(&summary)?;
        std::fs::write(path, json + "\n")
            .map_err(|e| format!("{}: cannot write the summary: {e}", path.display()))?;
    }
    if !args.quiet {
        eprint!("{}", summary.to_text());
    }
    Ok(if summary.has_failures() {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

/// Decodes and analyses one document; a panic in the analysis becomes an error record.
fn process_one(
    analyzer: &Analyzer,
    document: RawDocument,
    lossy: bool,
    worker: &mut Worker,
) -> Processed {
    let RawDocument {
        id,
        source,
        line,
        content,
        input_bytes,
    } = document;
    let decoded = content.and_then(|content| decode::decode(content, lossy));
    let bytes = match &decoded {
        Ok(d) => d.text.len() as u64,
        Err(_) => 0,
    };
    let origin = Origin {
        id: &id,
        source: &source,
        line,
        bytes,
    };
    let record = &mut worker.record;
    record.begin(origin);
    let outcome = match decoded {
        Err(failure) => {
            record.failure(&failure);
            Outcome::Failed(failure)
        }
        Ok(decoded) => {
            record.repairs(Repairs {
                lossy_from: decoded.first_invalid,
                nul_bytes: decoded.nul_bytes,
            });
            let analysed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                analyzer.analyze(&decoded.text, &mut worker.scratch, &mut worker.record)
            }));
            match analysed {
                Ok(facts) => Outcome::Analysed {
                    facts,
                    bytes,
                    lossy: decoded.lossy,
                    nul_bytes: decoded.nul_bytes,
                },
                Err(_) => {
                    // The working memory may be half-updated: start afresh.
                    worker.scratch = Scratch::default();
                    let failure = Failure::new(
                        "internal",
                        "internal error while analysing this document (please report it)",
                    );
                    worker.record.begin(origin);
                    worker.record.failure(&failure);
                    Outcome::Failed(failure)
                }
            }
        }
    };
    let output = worker.record.take();
    Processed {
        id,
        source,
        line,
        input_bytes,
        output,
        outcome,
    }
}

mod progress {
    //! The progress bar on stderr (only when stderr is a terminal).

    use super::summary::Summary;
    use crate::args::ProcessArgs;
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

    /// The progress display of a run; does nothing when hidden.
    pub struct Progress {
        bar: Option<ProgressBar>,
    }

    impl Progress {
        /// A progress bar sized by the inputs' bytes on disk, when `shown`.
        pub fn new(args: &ProcessArgs, shown: bool) -> Progress {
            if !shown {
                return Progress { bar: None };
            }
            let total = input_size(&args.inputs);
            let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
            let template = if total.is_some() {
                "{elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}"
            } else {
                "{elapsed_precise} {spinner} {bytes} {bytes_per_sec} {msg}"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            Progress { bar: Some(bar) }
        }

        /// Counts a finished document.
        pub fn document(&self, input_bytes: u64, summary: &Summary) {
            if let Some(bar) = &self.bar {
                bar.inc(input_bytes);
                bar.set_message(format!(
                    "{} documents, {} failed",
                    summary.documents,
                    summary.failed + summary.skipped
                ));
            }
        }

        /// Removes the bar.
        pub fn finish(&self) {
            if let Some(bar) = &self.bar {
                bar.finish_and_clear();
            }
        }
    }

    /// Bytes on disk of the input files (directories walked), `None` for stdin.
    fn input_size(inputs: &[std::path::PathBuf]) -> Option<u64> {
        if inputs.is_empty() || inputs.iter().any(|p| p.as_os_str() == "-") {
            return None;
        }
        let mut total = 0;
        for input in inputs {
            // What the run reads: a file given by name, and the corpus files of a directory.
            let walked_dir = input.is_dir();
            for entry in walkdir::WalkDir::new(input)
                .follow_links(true)
                .into_iter()
                .flatten()
            {
                if entry.file_type().is_file()
                    && (!walked_dir || super::input::is_corpus_file(entry.path()))
                {
                    total += entry.metadata().map_or(0, |m| m.len());
                }
            }
        }
        Some(total)
    }
}
