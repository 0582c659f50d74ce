//! The documents of a corpus run, read lazily in input order: files and directories (walked
//! recursively in name order), `.txt` files as one document each, `.jsonl` files as one
//! document per line (`text`, optional `id`), stdin; gzip and zstd read transparently.
//!
//! Nothing here fails the run: an unreadable path, a broken compressed stream or a broken
//! JSON line becomes a document whose content is a [`Failure`], so that it reaches the
//! output and the summary in its place.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How to read an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// By file name: `.jsonl` (before any `.gz`/`.zst`) is JSON lines, anything else text.
    Auto,
    /// Each file (and stdin) is one text document.
    Txt,
    /// Each line of each file (and of stdin) is a JSON object with `text` and optional `id`.
    Jsonl,
}

/// Why a document could not be read or analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// A stable identifier: `unreadable`, `decompress`, `bad-json`, `invalid-utf8`, `binary`.
    pub kind: &'static str,
    /// What went wrong, for people.
    pub message: String,
    /// The byte offset in the document where it went wrong, when known.
    pub offset: Option<u64>,
    /// True when the document was skipped on purpose (binary data) rather than failed.
    pub skipped: bool,
}

impl Failure {
    pub(crate) fn new(kind: &'static str, message: impl Into<String>) -> Failure {
        Failure {
            kind,
            message: message.into(),
            offset: None,
            skipped: false,
        }
    }
}

/// One document as read: where it comes from and its bytes (or why there are none).
#[derive(Debug)]
pub struct RawDocument {
    /// The document's identifier: the `id` of its JSON line, else the file's path (with
    /// `:LINE` for JSON lines without an id).
    pub id: String,
    /// The file it was read from (`-` for stdin).
    pub source: String,
    /// 1-based line number in a `.jsonl` file.
    pub line: Option<u64>,
    /// The document's content, or why there is none.
    pub content: Result<Content, Failure>,
    /// Input bytes this document accounts for (for progress and throughput).
    pub input_bytes: u64,
}

/// What a document holds as read.
#[derive(Debug)]
pub enum Content {
    /// The bytes of a text file, UTF-8 not yet checked.
    Bytes(Vec<u8>),
    /// The `text` of a JSON line: already valid UTF-8.
    Text(String),
}

impl Content {
    /// Its length in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Content::Bytes(bytes) => bytes.len(),
            Content::Text(text) => text.len(),
        }
    }
}

/// Files found while walking directories that are not corpus files (by extension).
#[derive(Debug, Default, Clone)]
pub struct Ignored {
    /// How many.
    pub count: u64,
    /// The first few, for the summary.
    pub examples: Vec<String>,
}

/// Most ignored files named in the summary.
const IGNORED_EXAMPLES: usize = 20;

/// The file name, lower-cased, without a `.gz` or `.zst` suffix.
fn base_name(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let base = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(&name);
    base.to_owned()
}

/// True when a file name is a corpus file a directory walk picks up.
pub(super) fn is_corpus_file(path: &Path) -> bool {
    let base = base_name(path);
    base.ends_with(".txt") || base.ends_with(".jsonl")
}

/// True when the file is read as JSON lines under `format`.
fn is_jsonl(path: &Path, format: InputFormat) -> bool {
    match format {
        InputFormat::Txt => false,
        InputFormat::Jsonl => true,
        InputFormat::Auto => base_name(path).ends_with(".jsonl"),
    }
}

/// A reader of an input, decompressed when it was compressed.
struct Opened {
    reader: Box<dyn BufRead + Send>,
    /// `gzip` or `zstd` when the input was compressed.
    compression: Option<&'static str>,
}

/// Wraps `reader` in a decompressor when its first bytes are a gzip or zstd header.
fn decompressed(mut reader: BufReader<Box<dyn Read + Send>>) -> Result<Opened, Failure> {
    let head = reader
        .fill_buf()
        .map_err(|e| Failure::new("unreadable", format!("cannot read: {e}")))?;
    if head.starts_with(&[0x1f, 0x8b]) {
        let gz = flate2::bufread::MultiGzDecoder::new(reader);
        return Ok(Opened {
            reader: Box::new(BufReader::with_capacity(1 << 16, gz)),
            compression: Some("gzip"),
        });
    }
    if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        let zstd = ruzstd::decoding::StreamingDecoder::new(reader)
            .map_err(|e| Failure::new("decompress", format!("cannot decompress (zstd): {e}")))?;
        return Ok(Opened {
            reader: Box::new(BufReader::with_capacity(1 << 16, zstd)),
            compression: Some("zstd"),
        });
    }
    Ok(Opened {
        reader: Box::new(reader),
        compression: None,
    })
}

/// The failure of a read that broke off: a broken compressed stream or an I/O error.
fn read_failure(what: &str, compression: Option<&str>, error: &io::Error) -> Failure {
    match compression {
        Some(format) => Failure::new(
            "decompress",
            format!("{what}: cannot decompress ({format}): {error}"),
        ),
        None => Failure::new("unreadable", format!("{what}: cannot read: {error}")),
    }
}

/// A JSON line of a `.jsonl` input.
#[derive(serde::Deserialize)]
struct JsonLine {
    text: String,
    #[serde(default)]
    id: Option<serde_json::Value>,
}

/// An open `.jsonl` input being read line by line.
struct JsonlReader {
    source: String,
    reader: Box<dyn BufRead + Send>,
    compression: Option<&'static str>,
    line: u64,
    buf: Vec<u8>,
}

/// The documents of the inputs, in order.
pub struct Documents {
    format: InputFormat,
    /// Inputs not yet started, in reverse order (popped from the end).
    pending: Vec<PathBuf>,
    walker: Option<walkdir::IntoIter>,
    jsonl: Option<JsonlReader>,
    /// Non-corpus files seen in directory walks.
    pub ignored: Ignored,
}

impl Documents {
    /// The documents of `inputs` (`-` is stdin; none means stdin).
    #[must_use]
    pub fn new(inputs: &[PathBuf], format: InputFormat) -> Documents {
        let mut pending: Vec<PathBuf> = if inputs.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            inputs.to_vec()
        };
        pending.reverse();
        Documents {
            format,
            pending,
            walker: None,
            jsonl: None,
            ignored: Ignored::default(),
        }
    }

    /// The next file to read: from the directory being walked, else the next input.
    fn next_path(&mut self) -> Option<Result<PathBuf, RawDocument>> {
        loop {
            if let Some(walker) = &mut self.walker {
                match walker.next() {
                    Some(Ok(entry)) => {
                        if entry.file_type().is_dir() {
                            continue;
                        }
                        let path = entry.into_path();
                        if is_corpus_file(&path) {
                            return Some(Ok(path));
                        }
                        self.ignored.count += 1;
                        if self.ignored.examples.len() < IGNORED_EXAMPLES {
                            self.ignored.examples.push(path.display().to_string());
                        }
                        continue;
                    }
                    Some(Err(error)) => {
                        let source = error
                            .path()
                            .map_or_else(|| "?".to_owned(), |p| p.display().to_string());
                        return Some(Err(failed(
                            &source,
                            None,
                            Failure::new("unreadable", error.to_string()),
                        )));
                    }
                    None => self.walker = None,
                }
            }
            let path = self.pending.pop()?;
            if path.as_os_str() != "-" && path.is_dir() {
                self.walker = Some(
                    walkdir::WalkDir::new(&path)
                        .follow_links(true)
                        .sort_by_file_name()
                        .into_iter(),
                );
                continue;
            }
            return Some(Ok(path));
        }
    }

    /// Opens `path` (or stdin) and yields its first document (or its failure).
    fn open(&mut self, path: &Path) -> Option<RawDocument> {
        let stdin = path.as_os_str() == "-";
        let source = path.display().to_string();
        let raw: io::Result<Box<dyn Read + Send>> = if stdin {
            Ok(Box::new(io::stdin()))
        } else {
            File::open(path).map(|f| Box::new(f) as Box<dyn Read + Send>)
        };
        let opened = raw
            .map_err(|e| Failure::new("unreadable", format!("cannot read: {e}")))
            .and_then(|r| decompressed(BufReader::with_capacity(1 << 16, r)));
        let Opened {
            reader,
            compression,
        } = match opened {
            Ok(opened) => opened,
            Err(mut failure) => {
                failure.message = format!("{source}: {}", failure.message);
                return Some(failed(&source, None, failure));
            }
        };
        let jsonl = if stdin {
            self.format == InputFormat::Jsonl
        } else {
            is_jsonl(path, self.format)
        };
        if jsonl {
            self.jsonl = Some(JsonlReader {
                source,
                reader,
                compression,
                line: 0,
                buf: Vec::new(),
            });
            return self.next_json_line();
        }
        let size_on_disk = if stdin {
            None
        } else {
            path.metadata().ok().map(|m| m.len())
        };
        Some(read_whole(source, reader, compression, size_on_disk))
    }

    /// The next document of the open `.jsonl` input; `None` at its end.
    fn next_json_line(&mut self) -> Option<RawDocument> {
        let reader = self.jsonl.as_mut()?;
        loop {
            reader.buf.clear();
            reader.line += 1;
            let line = reader.line;
            match reader.reader.read_until(b'\n', &mut reader.buf) {
                Ok(0) => {
                    self.jsonl = None;
                    return None;
                }
                Ok(n) => {
                    let bytes = trim_line_end(&reader.buf);
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    // A SIMD check of the line's UTF-8 spares the parser checking each string
                    // (an invalid line goes to the parser, which reports it).
                    let parsed = match simdutf8::basic::from_utf8(bytes) {
                        Ok(text) => serde_json::from_str::<JsonLine>(text),
                        Err(_) => serde_json::from_slice::<JsonLine>(bytes),
                    };
                    let document = match parsed {
                        Ok(parsed) => RawDocument {
                            id: match parsed.id {
                                Some(serde_json::Value::String(id)) => id,
                                Some(serde_json::Value::Null) | None => {
                                    format!("{}:{line}", reader.source)
                                }
                                Some(other) => other.to_string(),
                            },
                            source: reader.source.clone(),
                            line: Some(line),
                            content: Ok(Content::Text(parsed.text)),
                            input_bytes: n as u64,
                        },
                        Err(error) => RawDocument {
                            id: format!("{}:{line}", reader.source),
                            source: reader.source.clone(),
                            line: Some(line),
                            content: Err(Failure::new(
                                "bad-json",
                                format!(
                                    "{}:{line}: not a JSON object with a \"text\" string: {error}",
                                    reader.source
                                ),
                            )),
                            input_bytes: n as u64,
                        },
                    };
                    return Some(document);
                }
                Err(error) => {
                    let source = reader.source.clone();
                    let failure =
                        read_failure(&format!("{source}:{line}"), reader.compression, &error);
                    self.jsonl = None;
                    return Some(failed(&source, Some(line), failure));
                }
            }
        }
    }
}

impl Iterator for Documents {
    type Item = RawDocument;

    fn next(&mut self) -> Option<RawDocument> {
        loop {
            if self.jsonl.is_some() {
                if let Some(document) = self.next_json_line() {
                    return Some(document);
                }
                continue;
            }
            match self.next_path()? {
                Ok(path) => {
                    if let Some(document) = self.open(&path) {
                        return Some(document);
                    }
                }
                Err(document) => return Some(document),
            }
        }
    }
}

/// A document that failed before its bytes were read.
fn failed(source: &str, line: Option<u64>, failure: Failure) -> RawDocument {
    RawDocument {
        id: match line {
            Some(line) => format!("{source}:{line}"),
            None => source.to_owned(),
        },
        source: source.to_owned(),
        line,
        content: Err(failure),
        input_bytes: 0,
    }
}

/// Reads a whole text document.
fn read_whole(
    source: String,
    mut reader: Box<dyn BufRead + Send>,
    compression: Option<&str>,
    size_on_disk: Option<u64>,
) -> RawDocument {
    let mut bytes = Vec::new();
    let content = match reader.read_to_end(&mut bytes) {
        Ok(_) => Ok(Content::Bytes(bytes)),
        Err(error) => Err(Failure {
            offset: Some(bytes.len() as u64),
            ..read_failure(&source, compression, &error)
        }),
    };
    let input_bytes = size_on_disk
        .filter(|&n| n > 0)
        .unwrap_or_else(|| content.as_ref().map_or(0, |b| b.len() as u64));
    RawDocument {
        id: source.clone(),
        source,
        line: None,
        content,
        input_bytes,
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}
