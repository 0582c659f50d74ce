//! Command-line arguments. Each subcommand's options are defined next to its variant here;
//! its behaviour lives in `commands/<name>.rs`.

use clap::{Parser, Subcommand};

/// vnuk: canonical, tokenized, segmented, lemmatized Vietnamese and Ukrainian text.
#[derive(Debug, Parser)]
#[command(name = "vnuk", version, about, long_about = None)]
pub struct Cli {
    /// Data directory (vendored sources and compiled lexicons under build/); default
    /// $VNUK_DATA_DIR, else the workspace's data/.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<std::path::PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse a whole corpus: detect languages, mark boilerplate, normalize, split sentences,
    /// segment (vi) or lemmatize (uk); one JSON line per document, in input order.
    ///
    /// Exit status: 0 every document analysed; 3 some documents failed or were skipped (each
    /// is an error record in the output and a line in the summary); 1 the run could not
    /// proceed.
    #[command(after_help = PROCESS_HELP)]
    Process(ProcessArgs),
    /// Print the version and the languages vnuk analyses.
    Version,
    /// Look a word up in the compiled lexicon (built on first use); exit 4 when not found.
    Lookup(LookupArgs),
    /// Inspect, verify or build the compiled data artifacts.
    #[command(subcommand)]
    Data(DataCommand),
    /// Canonical Vietnamese text: NFC (or NFD), tone marks placed in one style; lines kept.
    Normalize(NormalizeArgs),
    /// Strip every diacritic (đ → d) for search keys; lines kept.
    Fold(TextFilesArgs),
    /// Turn the underscores of word-segmented compounds into spaces; other underscores stay.
    Unsegment(TextFilesArgs),
    /// Clean text for language models: one sentence per line, lower case, letters only.
    Clean(CleanArgs),
    /// Split text into sentences, one per line.
    Sentences(SentencesArgs),
    /// Split Ukrainian text into tokens (words, numbers, abbreviations, URLs, …), line for line.
    Tokenize(TokenizeArgs),
    /// Segment Vietnamese text into words (syllables of a word joined by `_`), line for line.
    Segment(SegmentArgs),
    /// Score vnuk against gold data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Lemmatize Ukrainian text: `token<TAB>lemma<TAB>UPOS` per token, an empty line after each
    /// input line (or JSON lines).
    Lemmatize(LemmatizeArgs),
    /// Transliterate Ukrainian text into Latin letters (KMU-2010), line for line.
    Translit(TranslitArgs),
    /// Detect the language (uk, ru, vi, en or und) of each input or each line, with a confidence.
    Detect(DetectArgs),
    /// Re-encode Vietnamese text: UTF-8, VNI, TCVN3, VISCII, VIQR, windows-1258 (bytes in, bytes
    /// out; the input encoding detected with `--from auto`).
    Convert(ConvertArgs),
}

/// Details printed after `vnuk process --help`.
const PROCESS_HELP: &str = "\
Inputs: files and directories (walked recursively, in name order; .txt files are one document
each, .jsonl files one document per line with a \"text\" field and an optional \"id\"; .gz and .zst
are decompressed), or stdin when none is given (or `-`).

Bad input never stops the run: unreadable paths, invalid UTF-8 (with its byte offset; --lossy
replaces it with U+FFFD and flags the document), binary files (skipped), broken JSON lines (with
file and line) each become an error record in the output and a line in the summary. NUL bytes
are kept and read as line breaks.

Output schema: crates/cli/schema/process-document.schema.json. Every token's `text` is exactly
the bytes of its `start..end` span in the document's text.

Exit status: 0 all documents analysed, 3 some documents failed or were skipped, 1 the run could
not proceed (no lexicon, output not writable).

Examples:
  vnuk process data/samples > out.jsonl
  vnuk process --threads 2 --summary summary.json corpus/ > out.jsonl
  zcat dump.jsonl.gz | vnuk process --input-format jsonl --format text";

/// Options of `vnuk process`.
#[derive(Debug, clap::Args)]
pub struct ProcessArgs {
    /// Output: one JSON object per document, or the analysed text.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: crate::commands::process::OutputFormat,
    /// How input files are read: by extension, all as text, all as JSON lines.
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: crate::commands::process::InputFormat,
    /// Worker threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Replace invalid UTF-8 by U+FFFD and go on (the document is flagged `lossy`).
    #[arg(long)]
    pub lossy: bool,
    /// Also write the run's summary to FILE as JSON.
    #[arg(long, value_name = "FILE")]
    pub summary: Option<std::path::PathBuf>,
    /// Write the output to FILE instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// No progress bar and no summary on stderr.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Input files and directories; stdin when none.
    pub inputs: Vec<std::path::PathBuf>,
}

/// Input files of a text command (stdin when none, or `-`).
#[derive(Debug, clap::Args)]
pub struct TextFilesArgs {
    /// Input files (UTF-8); stdin when none.
    pub files: Vec<std::path::PathBuf>,
}

/// Options of `vnuk normalize`.
#[derive(Debug, clap::Args)]
pub struct NormalizeArgs {
    /// Language of the text.
    #[arg(long, default_value = "vi")]
    pub lang: core_model::Language,
    /// Tone-mark placement: keep (repair only impossible placements), old (hòa) or new (hoà).
    #[arg(long, default_value = "keep")]
    pub tone_style: vi_text::ToneStyle,
    /// Write NFD (decomposed) instead of NFC (Vietnamese).
    #[arg(long)]
    pub nfd: bool,
    /// The apostrophe every variant becomes (Ukrainian; default `'`).
    #[arg(long, value_name = "CHAR")]
    pub apostrophe: Option<char>,
    /// Lower-case the text (Ukrainian).
    #[arg(long)]
    pub lowercase: bool,
    /// Input files (UTF-8); stdin when none.
    pub files: Vec<std::path::PathBuf>,
}

/// Presets of `vnuk clean`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CleanPreset {
    /// Lower case, letters only, one sentence per line, photo captions dropped.
    Lm,
}

/// Options of `vnuk clean`.
#[derive(Debug, clap::Args)]
pub struct CleanArgs {
    /// The shape of the output.
    #[arg(long, value_enum)]
    pub preset: CleanPreset,
    /// Most words on a line (the rest of the sentence is dropped); 0 keeps whole sentences.
    #[arg(long, default_value_t = 40)]
    pub max_words: usize,
    /// Keep photo captions and credits.
    #[arg(long)]
    pub keep_captions: bool,
    /// Input files (UTF-8); stdin when none.
    pub files: Vec<std::path::PathBuf>,
}

/// Options of `vnuk sentences`.
#[derive(Debug, clap::Args)]
pub struct SentencesArgs {
    /// Print `start<TAB>end<TAB>kind<TAB>sentence` (byte offsets into the input).
    #[arg(long)]
    pub spans: bool,
    /// Input files (UTF-8); stdin when none.
    pub files: Vec<std::path::PathBuf>,
}

/// Output formats of `vnuk tokenize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TokenizeFormat {
    /// Tokens separated by spaces, one output line per input line.
    Text,
    /// One JSON object per input line: `{"line":…,"tokens":[{"text","kind","start","end"}]}`
    /// (byte offsets into the input).
    Jsonl,
}

/// Options of `vnuk tokenize`.
#[derive(Debug, clap::Args)]
pub struct TokenizeArgs {
    /// Language of the text.
    #[arg(long, default_value = "uk")]
    pub lang: core_model::Language,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: TokenizeFormat,
    /// Input files (UTF-8); stdin when none.
    pub files: Vec<std::path::PathBuf>,
}

/// Transliteration systems of `vnuk translit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TranslitSystem {
    /// The official Ukrainian system (Cabinet of Ministers resolution No. 55, 2010).
    Kmu2010,
}

/// Options of `vnuk translit`.
#[derive(Debug, clap::Args)]
pub struct TranslitArgs {
    /// Transliteration system.
    #[arg(long, value_enum, default_value = "kmu2010")]
    pub system: TranslitSystem,
    /// Input files (UTF-8); stdin when none.
    pub files: Vec<std::path::PathBuf>,
}

/// Options of `vnuk detect`.
#[derive(Debug, clap::Args)]
pub struct DetectArgs {
    /// One result per input line instead of one per input.
    #[arg(long)]
    pub lines: bool,
    /// Input files (UTF-8); stdin when none. With several, each result starts with the name.
    pub files: Vec<std::path::PathBuf>,
}

/// Options of `vnuk convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// Encoding of the input: auto (detected per input), utf8, vni, tcvn3, viscii, viqr or
    /// cp1258 (aliases such as windows-1258, tcvn5712-1, abc are accepted).
    #[arg(long, default_value = "auto")]
    pub from: crate::commands::convert::Source,
    /// Encoding of the output: utf8, vni, tcvn3, viscii, viqr or cp1258.
    #[arg(long, default_value = "utf8")]
    pub to: vi_text::encoding::Encoding,
    /// Replace undecodable bytes and unencodable characters (reported on stderr) instead of
    /// failing.
    #[arg(long)]
    pub lossy: bool,
    /// Input files; stdin when none (or `-`). Outputs are concatenated on stdout.
    pub files: Vec<std::path::PathBuf>,
}

/// Options of `vnuk lookup`.
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("mode").args(["prefix", "fuzzy", "regex"]))]
pub struct LookupArgs {
    /// The lexicon: vi (words and compounds) or uk (word forms -> lemma, POS).
    #[arg(long)]
    pub lang: core_model::Language,
    /// Every entry starting with TERM.
    #[arg(long)]
    pub prefix: bool,
    /// Every entry within N edits (Levenshtein, in characters) of TERM.
    #[arg(long, value_name = "N")]
    pub fuzzy: Option<u32>,
    /// TERM is a regular expression matched against whole keys (lower case, as stored).
    #[arg(long)]
    pub regex: bool,
    /// Most entries shown for --prefix, --fuzzy and --regex (0: all).
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    /// The word (Ukrainian form, Vietnamese word with its syllables separated by spaces or `_`).
    pub term: String,
}

/// Subcommands of `vnuk data`.
#[derive(Debug, clap::Subcommand)]
pub enum DataCommand {
    /// Paths, format version, entry counts, sizes, source checksums and freshness.
    Info,
    /// Check a lexicon file completely (every artifact when no PATH); exit 1 on a bad file.
    Verify {
        /// A lexicon file.
        path: Option<std::path::PathBuf>,
    },
    /// Build the missing or stale artifacts (what `cargo xtask build-data` does).
    Build {
        /// Rebuild every artifact, fresh or not.
        #[arg(long)]
        force: bool,
    },
}

/// Output formats of `vnuk segment`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SegmentFormat {
    /// Tokens separated by spaces, syllables of a word joined by `_`; one line per input line.
    Text,
    /// One JSON object per input line:
    /// `{"line":…,"tokens":[{"text","kind","start","end","syllables"}]}`; `start..end` are byte
    /// offsets into the input, from a word's first syllable to its last; `text` is the
    /// word's syllables as written, joined by `_`.
    Jsonl,
}

/// Options of `vnuk segment`.
#[derive(Debug, clap::Args)]
pub struct SegmentArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: SegmentFormat,
    /// Extra words, one per line (syllables separated by spaces or `_`): always kept whole.
    #[arg(long, value_name = "FILE")]
    pub user_dict: Option<std::path::PathBuf>,
    /// Trust already segmented input: a line with words written `bí_mật` keeps its
    /// segmentation as it is (lines without underscores are segmented). Without it,
    /// underscores are read as spaces and the text is segmented anew.
    #[arg(long)]
    pub keep_existing: bool,
    /// Every space-separated input token is an atom: never split, only joined to its
    /// neighbours (for text tokenized elsewhere; the evaluation mode).
    #[arg(long)]
    pub pretokenized: bool,
    /// Input files (UTF-8); stdin when none.
    pub files: Vec<std::path::PathBuf>,
}

/// Subcommands of `vnuk eval`.
#[derive(Debug, clap::Subcommand)]
pub enum EvalCommand {
    /// Word segmentation against a CoNLL-U file (multi-syllable words written with spaces in
    /// FORM): precision, recall and F1, and the dictionary longest-match baseline.
    Segment(EvalSegmentArgs),
    /// Lemma and UPOS accuracy against a CoNLL-U file, on content tokens (not PUNCT, NUM,
    /// SYM), with the oracle figure (gold lemma among the candidates).
    Lemma(EvalLemmaArgs),
}

/// Options of `vnuk eval lemma`.
#[derive(Debug, clap::Args)]
pub struct EvalLemmaArgs {
    /// Also print every wrong lemma (`miss<TAB>form<TAB>gold<TAB>tag<TAB>got<TAB>tag`).
    #[arg(long)]
    pub misses: bool,
    /// The gold CoNLL-U file.
    pub file: std::path::PathBuf,
}

/// Output formats of `vnuk lemmatize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LemmatizeFormat {
    /// `token<TAB>lemma<TAB>UPOS` per token, an empty line after each input line.
    Tsv,
    /// One JSON object per input line: `{"line":…,"tokens":[{"text","lemma","upos","guessed",
    /// "start","end"}]}` (byte offsets into the input).
    Jsonl,
}

/// Options of `vnuk lemmatize`.
#[derive(Debug, clap::Args)]
pub struct LemmatizeArgs {
    /// Language of the text (only uk).
    #[arg(long, default_value = "uk")]
    pub lang: core_model::Language,
    /// Output format.
    #[arg(long, value_enum, default_value = "tsv")]
    pub format: LemmatizeFormat,
    /// Input tokens are separated by spaces and never re-split (the evaluation mode).
    #[arg(long)]
    pub pretokenized: bool,
    /// Input files (UTF-8); stdin when none.
    pub files: Vec<std::path::PathBuf>,
}

/// Options of `vnuk eval segment`.
#[derive(Debug, clap::Args)]
pub struct EvalSegmentArgs {
    /// Convert the input's tone marks to this style first (old: hòa, new: hoà); the gold is
    /// scored with a tone-placement-insensitive key. `keep` leaves the input as it is.
    #[arg(long, default_value = "keep")]
    pub tone_style: vi_text::ToneStyle,
    /// A user dictionary, as for `vnuk segment`.
    #[arg(long, value_name = "FILE")]
    pub user_dict: Option<std::path::PathBuf>,
    /// The gold CoNLL-U file.
    pub file: std::path::PathBuf,
}
