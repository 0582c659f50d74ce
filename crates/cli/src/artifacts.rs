//! The compiled data artifacts: which files `data/build/` holds, what they are built from, and
//! building them when they are missing or stale.
//!
//! Each [`Artifact`] is a lexicon file under `<data dir>/build/`, built from vendored sources
//! under `<data dir>/sources/`. The header of every artifact records a checksum of its
//! sources (and of the build code's format version); an artifact whose recorded checksum
//! differs from its sources' is *stale*. [`ensure`] and the `open_*` functions build missing,
//! stale or unreadable artifacts on the spot (saying so on stderr), so that a fresh clone works
//! without a separate build step; [`build_all`] is what `cargo xtask build-data` and
//! `vnuk data build` run.
//!
//! The data directory is, in order: the `--data-dir` option, the `VNUK_DATA_DIR` environment
//! variable, or the workspace's `data/` ([`default_data_dir`]); see [`resolve_data_dir`].
//!
//! ```no_run
//! let data_dir = vnuk_cli::artifacts::resolve_data_dir(None);
//! let morph = vnuk_cli::artifacts::open_morph(&data_dir)?; // builds it first if needed
//! assert!(morph.contains("києва"));
//! # Ok::<(), vnuk_cli::artifacts::ArtifactError>(())
//! ```

use core_model::Language;
use index::{LexiconKind, MorphLexicon, WordLexicon};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The environment variable naming the data directory.
pub const DATA_DIR_ENV: &str = "VNUK_DATA_DIR";

/// The sub-directory of the data directory that holds compiled artifacts.
pub const BUILD_DIR: &str = "build";

/// A boxed error from a build function.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// What building one artifact produced.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildSummary {
    /// Keys written.
    pub entries: u64,
    /// File size.
    pub bytes: u64,
    /// Wall time of the build.
    pub elapsed: Duration,
    /// Counts worth reporting, in words.
    pub detail: String,
}

/// One compiled data file and how to make it.
pub struct Artifact {
    /// Short name (`uk-forms`).
    pub name: &'static str,
    /// The language it serves.
    pub language: Language,
    /// The lexicon kind it holds.
    pub kind: LexiconKind,
    /// File name under `<data dir>/build/`.
    pub file: &'static str,
    /// Source directory, relative to the data directory.
    pub sources: &'static str,
    /// The source files (inside [`Artifact::sources`]) whose bytes make the checksum.
    pub source_files: &'static [&'static str],
    /// The data licence of the artifact.
    pub licence: &'static str,
    checksum: fn(&Path) -> Result<u64, BoxError>,
    build: fn(&Path, &Path) -> Result<BuildSummary, BoxError>,
}

impl fmt::Debug for Artifact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Artifact")
            .field("name", &self.name)
            .field("file", &self.file)
            .field("sources", &self.sources)
            .finish_non_exhaustive()
    }
}

fn uk_checksum(dir: &Path) -> Result<u64, BoxError> {
    Ok(uk_text::lexicon::sources_checksum(dir)?)
}

fn uk_build(dir: &Path, out: &Path) -> Result<BuildSummary, BoxError> {
    let r = uk_text::lexicon::build(dir, out)?;
    Ok(BuildSummary {
        entries: r.forms as u64,
        bytes: r.bytes,
        elapsed: r.elapsed,
        detail: format!(
            "{} stems, {} affix classes, {} rules -> {} distinct (form, stem) pairs, {} forms, {} analyses in {} sets",
            group(r.stems as u64),
            r.affix_classes,
            group(r.affix_rules as u64),
            group(r.form_stem_pairs as u64),
            group(r.forms as u64),
            group(r.analyses as u64),
            group(r.analysis_sets as u64),
        ),
    })
}

fn vi_checksum(dir: &Path) -> Result<u64, BoxError> {
    Ok(vi_text::lexicon::sources_checksum(dir)?)
}

fn vi_build(dir: &Path, out: &Path) -> Result<BuildSummary, BoxError> {
    let r = vi_text::lexicon::build(dir, out)?;
    let [one, two, three, more] = r.by_syllables;
    Ok(BuildSummary {
        entries: r.words as u64,
        bytes: r.bytes,
        elapsed: r.elapsed,
        detail: format!(
            "{} lines -> {} words ({one} of 1 syllable, {two} of 2, {three} of 3, {more} of 4+)",
            group(r.lines as u64),
            group(r.words as u64),
        ),
    })
}

/// The Ukrainian form lexicon (hunspell-uk, MPL-1.1).
pub static UK_FORMS: Artifact = Artifact {
    name: "uk-forms",
    language: Language::Uk,
    kind: LexiconKind::Morph,
    file: "uk-forms.vnlx",
    sources: "sources/uk/hunspell-uk",
    source_files: &uk_text::lexicon::SOURCE_FILES,
    licence: "MPL-1.1",
    checksum: uk_checksum,
    build: uk_build,
};

/// The Vietnamese word lexicon (pyvi word list, MIT).
pub static VI_WORDS: Artifact = Artifact {
    name: "vi-words",
    language: Language::Vi,
    kind: LexiconKind::Words,
    file: "vi-words.vnlx",
    sources: "sources/vi/pyvi",
    source_files: &vi_text::lexicon::SOURCE_FILES,
    licence: "MIT",
    checksum: vi_checksum,
    build: vi_build,
};

/// Every artifact, in build order.
pub static ARTIFACTS: [&Artifact; 2] = [&VI_WORDS, &UK_FORMS];

/// The lexicon artifact of a language (`vi` or `uk`).
#[must_use]
pub fn for_language(language: Language) -> Option<&'static Artifact> {
    ARTIFACTS.iter().copied().find(|a| a.language == language)
}

/// The workspace's `data/` directory, as compiled in.
#[must_use]
pub fn default_data_dir() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .and_then(Path::parent)
        .unwrap_or(manifest)
        .join("data")
}

/// The data directory: `explicit` (the `--data-dir` option), else `$VNUK_DATA_DIR` when set
/// and non-empty, else [`default_data_dir`].
#[must_use]
pub fn resolve_data_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir.to_owned();
    }
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => default_data_dir(),
    }
}

/// Everything that can go wrong with an artifact.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ArtifactError {
    /// The artifact had to be built and its sources cannot be read.
    #[error("{}: {problem}, and it cannot be built: {source}", path.display())]
    CannotBuild {
        /// The artifact's path.
        path: PathBuf,
        /// Why it had to be built (`missing`, `unreadable: …`).
        problem: String,
        /// Why its sources cannot be read.
        #[source]
        source: BoxError,
    },
    /// Building failed.
    #[error("building {}: {source}", path.display())]
    Build {
        /// The artifact's path.
        path: PathBuf,
        /// What failed.
        #[source]
        source: BoxError,
    },
    /// The build directory could not be created.
    #[error("{}: cannot create directory: {source}", path.display())]
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// Opening or verifying a lexicon failed.
    #[error(transparent)]
    Index(#[from] index::Error),
}

/// The state of an artifact on disk.
#[derive(Debug)]
pub enum Status {
    /// Present, and its recorded checksum matches its sources.
    Fresh,
    /// Present, but its sources cannot be read, so staleness cannot be checked.
    Unchecked(BoxError),
    /// Not there.
    Missing,
    /// Built from other sources (or an older build format).
    Stale {
        /// Checksum recorded in the file.
        recorded: u64,
        /// Checksum of the current sources.
        expected: u64,
    },
    /// Its header cannot be read (truncated, not a lexicon, other version, wrong kind, …).
    Unreadable(index::Error),
}

impl Status {
    /// True when the artifact must be (re)built before use.
    #[must_use]
    pub fn needs_build(&self) -> bool {
        matches!(
            self,
            Status::Missing | Status::Stale { .. } | Status::Unreadable(_)
        )
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Status::Fresh => f.write_str("fresh"),
            Status::Unchecked(error) => write!(f, "unchecked (sources unreadable: {error})"),
            Status::Missing => f.write_str("missing"),
            Status::Stale { recorded, expected } => write!(
                f,
                "stale (built from sources {recorded:#018x}, sources are now {expected:#018x})"
            ),
            Status::Unreadable(error) => write!(f, "unreadable: {error}"),
        }
    }
}

impl Artifact {
    /// The artifact's file in `data_dir`.
    #[must_use]
    pub fn path(&self, data_dir: &Path) -> PathBuf {
        data_dir.join(BUILD_DIR).join(self.file)
    }

    /// Its source directory in `data_dir`.
    #[must_use]
    pub fn sources_dir(&self, data_dir: &Path) -> PathBuf {
        data_dir.join(self.sources)
    }

    /// The checksum an artifact built from the current sources records.
    ///
    /// # Errors
    /// When a source file cannot be read (the error names it).
    pub fn expected_checksum(&self, data_dir: &Path) -> Result<u64, BoxError> {
        (self.checksum)(&self.sources_dir(data_dir))
    }

    /// The artifact's state (reads its header and hashes its sources; builds nothing).
    #[must_use]
    pub fn status(&self, data_dir: &Path) -> Status {
        let header = match index::read_header(self.path(data_dir)) {
            Ok(header) => header,
            Err(index::Error::NotFound { .. }) => return Status::Missing,
            Err(error) => return Status::Unreadable(error),
        };
        if header.kind != self.kind {
            return Status::Unreadable(index::Error::WrongKind {
                path: self.path(data_dir),
                expected: self.kind,
                found: header.kind.code(),
            });
        }
        match self.expected_checksum(data_dir) {
            Ok(expected) if expected == header.sources_checksum => Status::Fresh,
            Ok(expected) => Status::Stale {
                recorded: header.sources_checksum,
                expected,
            },
            Err(error) => Status::Unchecked(error),
        }
    }

    /// Builds the artifact from its sources (atomically replacing any existing file).
    ///
    /// # Errors
    /// [`ArtifactError::CreateDir`] or [`ArtifactError::Build`].
    pub fn build(&self, data_dir: &Path) -> Result<BuildSummary, ArtifactError> {
        let path = self.path(data_dir);
        let dir = data_dir.join(BUILD_DIR);
        std::fs::create_dir_all(&dir).map_err(|source| ArtifactError::CreateDir {
            path: dir.clone(),
            source,
        })?;
        (self.build)(&self.sources_dir(data_dir), &path)
            .map_err(|source| ArtifactError::Build { path, source })
    }

    /// Builds the artifact, saying why on stderr; `problem` is what is wrong with the file.
    fn rebuild(&self, data_dir: &Path, problem: String) -> Result<PathBuf, ArtifactError> {
        let path = self.path(data_dir);
        if let Err(source) = self.expected_checksum(data_dir) {
            return Err(ArtifactError::CannotBuild {
                path,
                problem,
                source,
            });
        }
        eprintln!(
            "vnuk: building {} from {} ({problem}) …",
            path.display(),
            self.sources_dir(data_dir).display()
        );
        let summary = self.build(data_dir)?;
        eprintln!(
            "vnuk: built {}: {} keys, {} in {:.1} s",
            path.display(),
            group(summary.entries),
            human_bytes(summary.bytes),
            summary.elapsed.as_secs_f64()
        );
        Ok(path)
    }

    /// The artifact's path, after building it if it is missing, stale or unreadable.
    ///
    /// # Errors
    /// When it must be built and cannot be.
    pub fn ensure(&self, data_dir: &Path) -> Result<PathBuf, ArtifactError> {
        let status = self.status(data_dir);
        if status.needs_build() {
            self.rebuild(data_dir, status.to_string())
        } else {
            Ok(self.path(data_dir))
        }
    }

    /// Opens the artifact with its checksums checked (the body checksum and the fst's CRC,
    /// milliseconds), building it first when needed, and rebuilding it once when the check
    /// fails and the sources are there. `vnuk data verify` runs the full table check.
    fn open_with<T>(
        &self,
        data_dir: &Path,
        open: impl Fn(&Path) -> index::Result<T>,
    ) -> Result<T, ArtifactError> {
        let path = self.ensure(data_dir)?;
        match open(&path) {
            Ok(lexicon) => Ok(lexicon),
            Err(error) => {
                let path = self.rebuild(data_dir, format!("corrupt: {error}"))?;
                Ok(open(&path)?)
            }
        }
    }
}

/// The paths of every artifact, after building those that are missing, stale or unreadable.
///
/// # Errors
/// When one must be built and cannot be.
pub fn ensure(data_dir: &Path) -> Result<Vec<PathBuf>, ArtifactError> {
    ARTIFACTS.iter().map(|a| a.ensure(data_dir)).collect()
}

/// The Ukrainian form lexicon, checksums checked, built first if needed.
///
/// # Errors
/// When it cannot be built or opened.
pub fn open_morph(data_dir: &Path) -> Result<MorphLexicon, ArtifactError> {
    UK_FORMS.open_with(data_dir, |path| MorphLexicon::open_checked(path))
}

/// The Vietnamese word lexicon, checksums checked, built first if needed.
///
/// # Errors
/// When it cannot be built or opened.
pub fn open_words(data_dir: &Path) -> Result<WordLexicon, ArtifactError> {
    VI_WORDS.open_with(data_dir, |path| WordLexicon::open_checked(path))
}

/// One artifact considered by [`build_all`].
#[derive(Debug)]
pub struct BuildOutcome {
    /// The artifact.
    pub artifact: &'static Artifact,
    /// Its path.
    pub path: PathBuf,
    /// Its state before the build.
    pub before: Status,
    /// What the build produced; `None` when it was fresh and not forced.
    pub built: Option<BuildSummary>,
}

/// Builds every artifact that is missing, stale or unreadable (all of them when `force`).
///
/// # Errors
/// The first failure.
pub fn build_all(data_dir: &Path, force: bool) -> Result<Vec<BuildOutcome>, ArtifactError> {
    let mut outcomes = Vec::new();
    for &artifact in &ARTIFACTS {
        let before = artifact.status(data_dir);
        let path = artifact.path(data_dir);
        let built = if force || before.needs_build() {
            if let Err(source) = artifact.expected_checksum(data_dir) {
                return Err(ArtifactError::CannotBuild {
                    path,
                    problem: before.to_string(),
                    source,
                });
            }
            Some(artifact.build(data_dir)?)
        } else {
            None
        };
        outcomes.push(BuildOutcome {
            artifact,
            path,
            before,
            built,
        });
    }
    Ok(outcomes)
}

/// `1234567` as `1,234,567`.
#[must_use]
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A size in KiB or MiB.
#[must_use]
pub fn human_bytes(bytes: u64) -> String {
    let b = bytes as f64;
    if b >= 1024.0 * 1024.0 {
        format!("{:.2} MiB", b / (1024.0 * 1024.0))
    } else {
        format!("{:.1} KiB", b / 1024.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_and_sizes() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(3_334_288), "3,334,288");
        assert_eq!(human_bytes(5_385_153), "5.14 MiB");
        assert_eq!(human_bytes(2048), "2.0 KiB");
    }

    #[test]
    fn layout() {
        let dir = Path::new("/d");
        assert_eq!(UK_FORMS.path(dir), Path::new("/d/build/uk-forms.vnlx"));
        assert_eq!(VI_WORDS.sources_dir(dir), Path::new("/d/sources/vi/pyvi"));
        assert_eq!(for_language(Language::Uk).map(|a| a.name), Some("uk-forms"));
        assert!(for_language(Language::Ru).is_none());
        assert!(default_data_dir().ends_with("data"));
        assert_eq!(resolve_data_dir(Some(dir)), dir);
    }

    #[test]
    fn missing_sources_are_named() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(matches!(VI_WORDS.status(tmp.path()), Status::Missing));
        let err = VI_WORDS.ensure(tmp.path()).unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("vi-words.vnlx: missing, and it cannot be built"),
            "{message}"
        );
        assert!(message.contains("words.txt: cannot read"), "{message}");
    }
}
