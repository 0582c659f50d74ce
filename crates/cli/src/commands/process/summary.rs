//! The summary of a corpus run: documents and bytes per language and shape, tokens, the
//! unknown-word rate, boilerplate marked, and every failure with its path. Printed on stderr
//! and written as JSON with `--summary FILE`.

use super::analyze::DocFacts;
use super::boilerplate::Reason;
use super::input::{Failure, Ignored};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Most failures listed one by one; the rest are counted.
const LISTED_FAILURES: usize = 1000;

/// Documents and bytes of one group.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Tally {
    /// Documents.
    pub documents: u64,
    /// Bytes of their text.
    pub bytes: u64,
}

impl Tally {
    fn add(&mut self, bytes: u64) {
        self.documents += 1;
        self.bytes += bytes;
    }
}

/// One failed or skipped document.
#[derive(Debug, Clone, Serialize)]
pub struct FailureEntry {
    /// The document's identifier.
    pub id: String,
    /// Its file.
    pub source: String,
    /// Its line in a `.jsonl` file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// `error` or `skipped`.
    pub status: &'static str,
    /// The failure's kind.
    pub kind: &'static str,
    /// What went wrong.
    pub message: String,
    /// Where in the document, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
}

/// Boilerplate marked in the run.
#[derive(Debug, Default, Clone, Serialize)]
pub struct BoilerplateTally {
    /// Paragraphs and sentences marked.
    pub marks: u64,
    /// Their bytes.
    pub bytes: u64,
    /// Marks per reason.
    pub by_reason: BTreeMap<&'static str, u64>,
}

/// The summary of a run.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Summary {
    /// Documents seen (analysed, failed or skipped).
    pub documents: u64,
    /// Documents analysed.
    pub ok: u64,
    /// Documents that failed (unreadable, invalid UTF-8, broken JSON line, …).
    pub failed: u64,
    /// Documents skipped on purpose (binary data).
    pub skipped: u64,
    /// Documents analysed after replacing invalid UTF-8 (`--lossy`).
    pub lossy: u64,
    /// Documents holding NUL bytes.
    pub with_nul_bytes: u64,
    /// Bytes of the analysed documents' text.
    pub bytes: u64,
    /// Input bytes read (on disk, compressed where the input was).
    pub input_bytes: u64,
    /// Analysed documents and bytes per document language.
    pub languages: BTreeMap<&'static str, Tally>,
    /// Vietnamese documents and bytes per shape.
    pub shapes: BTreeMap<&'static str, Tally>,
    /// Paragraphs.
    pub paragraphs: u64,
    /// Sentences analysed.
    pub sentences: u64,
    /// Tokens.
    pub tokens: u64,
    /// Word tokens of analysed languages.
    pub words: u64,
    /// Word tokens not in the lexicon (Vietnamese) or with a guessed lemma (Ukrainian).
    pub oov: u64,
    /// `oov / words`.
    pub oov_rate: f64,
    /// Boilerplate marked (not analysed, kept in the output with its reason).
    pub boilerplate: BoilerplateTally,
    /// Files met in directory walks that are not `.txt`/`.jsonl` (optionally compressed).
    pub ignored_files: u64,
    /// The first of them.
    pub ignored_examples: Vec<String>,
    /// Failed and skipped documents (the first 1000).
    pub failures: Vec<FailureEntry>,
    /// Failures not listed above.
    pub failures_not_listed: u64,
    /// Worker threads.
    pub threads: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Text megabytes (10^6 bytes) analysed per second.
    pub mb_per_second: f64,
}

impl Summary {
    /// Adds an analysed document.
    pub fn add_document(&mut self, facts: &DocFacts, bytes: u64, lossy: bool, nul_bytes: u64) {
        self.documents += 1;
        self.ok += 1;
        self.bytes += bytes;
        self.lossy += u64::from(lossy);
        self.with_nul_bytes += u64::from(nul_bytes > 0);
        self.languages
            .entry(facts.language.code())
            .or_default()
            .add(bytes);
        if let Some(shape) = facts.shape {
            self.shapes.entry(shape.name()).or_default().add(bytes);
        }
        let c = &facts.counts;
        self.paragraphs += c.paragraphs;
        self.sentences += c.sentences;
        self.tokens += c.tokens;
        self.words += c.words;
        self.oov += c.oov;
        self.boilerplate.marks += c.boilerplate;
        self.boilerplate.bytes += c.boilerplate_bytes;
        for (reason, &n) in Reason::ALL.iter().zip(&c.by_reason) {
            if n > 0 {
                *self.boilerplate.by_reason.entry(reason.name()).or_default() += n;
            }
        }
    }

    /// Adds a failed or skipped document.
    pub fn add_failure(&mut self, id: &str, source: &str, line: Option<u64>, failure: &Failure) {
        self.documents += 1;
        if failure.skipped {
            self.skipped += 1;
        } else {
            self.failed += 1;
        }
        if self.failures.len() < LISTED_FAILURES {
            self.failures.push(FailureEntry {
                id: id.to_owned(),
                source: source.to_owned(),
                line,
                status: if failure.skipped { "skipped" } else { "error" },
                kind: failure.kind,
                message: failure.message.clone(),
                offset: failure.offset,
            });
        } else {
            self.failures_not_listed += 1;
        }
    }

    /// Sets the run's final figures.
    pub fn finish(&mut self, ignored: &Ignored, threads: usize, seconds: f64) {
        self.ignored_files = ignored.count;
        self.ignored_examples.clone_from(&ignored.examples);
        self.threads = threads;
        self.seconds = seconds;
        self.oov_rate = if self.words == 0 {
            0.0
        } else {
            self.oov as f64 / self.words as f64
        };
        self.mb_per_second = if seconds > 0.0 {
            self.bytes as f64 / 1e6 / seconds
        } else {
            0.0
        };
    }

    /// True when some document failed or was skipped.
    #[must_use]
    pub fn has_failures(&self) -> bool {
        self.failed + self.skipped > 0
    }

    /// The summary for people, as printed on stderr.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "vnuk process: {} documents ({} analysed, {} failed, {} skipped), {:.1} MB in {:.2} s ({:.1} MB/s, {} threads)",
            self.documents,
            self.ok,
            self.failed,
            self.skipped,
            self.bytes as f64 / 1e6,
            self.seconds,
            self.mb_per_second,
            self.threads
        );
        for (language, tally) in &self.languages {
            let _ = writeln!(
                out,
                "  language {language}: {} documents, {} bytes",
                tally.documents, tally.bytes
            );
        }
        for (shape, tally) in &self.shapes {
            let _ = writeln!(
                out,
                "  vi shape {shape}: {} documents, {} bytes",
                tally.documents, tally.bytes
            );
        }
        let _ = writeln!(
            out,
            "  {} sentences, {} tokens, {} words, unknown-word rate {:.2}%",
            self.sentences,
            self.tokens,
            self.words,
            self.oov_rate * 100.0
        );
        let reasons: Vec<String> = self
            .boilerplate
            .by_reason
            .iter()
            .map(|(reason, n)| format!("{reason} {n}"))
            .collect();
        let _ = writeln!(
            out,
            "  boilerplate marked: {} ({} bytes){}{}",
            self.boilerplate.marks,
            self.boilerplate.bytes,
            if reasons.is_empty() { "" } else { ": " },
            reasons.join(", ")
        );
        if self.lossy + self.with_nul_bytes > 0 {
            let _ = writeln!(
                out,
                "  repaired: {} documents with invalid UTF-8 replaced, {} with NUL bytes",
                self.lossy, self.with_nul_bytes
            );
        }
        if self.ignored_files > 0 {
            let _ = writeln!(
                out,
                "  ignored {} files that are not .txt or .jsonl (e.g. {})",
                self.ignored_files,
                self.ignored_examples.first().map_or("", String::as_str)
            );
        }
        for failure in &self.failures {
            let _ = writeln!(
                out,
                "  {}: {} ({})",
                failure.status, failure.message, failure.id
            );
        }
        if self.failures_not_listed > 0 {
            let _ = writeln!(out, "  … and {} more failures", self.failures_not_listed);
        }
        out
    }
}
