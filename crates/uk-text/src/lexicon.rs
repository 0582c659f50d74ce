//! The Ukrainian form lexicon: every word form hunspell-uk accepts, mapped to its lemmas and
//! coarse parts of speech, compiled into an [`index::MorphLexicon`] (`data/build/uk-forms.vnlx`).
//!
//! [`build`] reads `uk_UA.aff` and `uk_UA.dic` from a source directory, expands every stem
//! through its suffix rules ([`crate::hunspell`]), tags each form (see the flag table in
//! [`flagged_upos`]), adds a hand-written table of closed-class words ([`CLOSED_CLASS`]), and
//! writes the lexicon. Keys are made by [`form_key`]; look words up with the same function:
//!
//! ```no_run
//! use index::MorphLexicon;
//! use uk_text::lexicon::form_key;
//!
//! let morph = MorphLexicon::open("data/build/uk-forms.vnlx")?;
//! let (mut key, mut lemma) = (String::new(), String::new());
//! form_key("Києва", &mut key); // "києва"
//! for analysis in morph.analyses(&key) {
//!     analysis.lemma_into(&key, &mut lemma); // "Київ": the lemma keeps its capital
//!     println!("{lemma} {}", analysis.upos());
//! }
//! # Ok::<(), index::Error>(())
//! ```
//!
//! The analyses of a form come back in a fixed order: closed-class entries first (in table
//! order), then function words (DET, PRON, AUX, ADP, CCONJ, SCONJ, PART, NUM), then content
//! words, then analyses whose tag was guessed from an unflagged stem's ending; ties go to
//! lower-case lemmas, then lemma bytes.

mod pos;

pub use pos::{CLOSED_CLASS, DETERMINER_STEMS, flagged_upos, guess_unflagged};

use crate::hunspell::{AffixFile, Dictionary, Expander, Flag, HunspellError, Origin};
use core_model::Upos;
use index::{MorphInput, MorphLexiconBuilder};
use rayon::slice::ParallelSliceMut;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Version of the build's output. Bump it whenever a change to this module, the hunspell
/// reader or the tag tables changes the artifact, so that existing artifacts are seen as stale.
pub const BUILD_FORMAT: u32 = 4;

/// The affix file, inside the source directory.
pub const AFF_FILE: &str = "uk_UA.aff";
/// The dictionary file, inside the source directory.
pub const DIC_FILE: &str = "uk_UA.dic";
/// The source files whose bytes enter [`sources_checksum`], in order.
pub const SOURCE_FILES: [&str; 2] = [AFF_FILE, DIC_FILE];

/// Analysis flag: the form is the stem exactly as the dictionary lists it.
pub const FLAG_DICTIONARY_FORM: u8 = 1;
/// Analysis flag: the tag was guessed from the word's ending (the stem has no affix flag).
pub const FLAG_GUESSED_POS: u8 = 2;
/// Analysis flag: the analysis comes from the hand-written [`CLOSED_CLASS`] table.
pub const FLAG_CLOSED_CLASS: u8 = 4;
/// Analysis flag: an adverb made from an adjective stem (class `+`); it is its own lemma.
pub const FLAG_ADVERB: u8 = 8;

/// Spellings whose keys enter the checksum: every apostrophe variant, a stress mark, a soft
/// hyphen, decomposed й/ї, Unicode hyphens, and letters whose lower case is special.
const KEY_PROBES: [&str; 16] = [
    "Київ",
    "м'ясо",
    "м’ясо",
    "мʼясо",
    "м`ясо",
    "м‘ясо",
    "м′ясо",
    "м´ясо",
    "Украї\u{301}на",
    "ма\u{AD}ма",
    "І\u{308}жак",
    "КРАИ\u{306}",
    "во\u{2011}друге",
    "ҐЄЇ",
    "ÀŸǅ",
    "İΣ",
];

/// The flag of the class that makes adverbs from adjectives.
const ADVERB_CLASS: char = '+';

/// Writes the lookup key of a Ukrainian word form into `out` (cleared first): lower-cased,
/// every apostrophe variant (`’`, `ʼ`, `` ` ``, `‘`, …, see [`crate::is_apostrophe`]) turned
/// into the ASCII `'` that hunspell-uk uses, stress marks (U+0301) and soft hyphens removed,
/// Unicode hyphens (U+2010, U+2011) turned into `-`, and a decomposed `й`/`ї` (base letter plus
/// U+0306/U+0308) composed.
///
/// ```
/// let mut key = String::new();
/// uk_text::lexicon::form_key("Мар’яна", &mut key);
/// assert_eq!(key, "мар'яна");
/// uk_text::lexicon::form_key("Украї\u{301}на", &mut key);
/// assert_eq!(key, "україна");
/// uk_text::lexicon::form_key("краи\u{306}", &mut key);
/// assert_eq!(key, "край");
/// ```
pub fn form_key(form: &str, out: &mut String) {
    out.clear();
    push_normalized(form, true, out);
}

/// Appends `text` to `out` with the normalisations of [`form_key`], lower-casing when `lower`.
pub(crate) fn push_normalized(text: &str, lower: bool, out: &mut String) {
    // Characters that stay as they are (lower-case ASCII and Cyrillic letters, digits, `-`)
    // are found on the bytes and copied in runs.
    let bytes = text.as_bytes();
    let (mut run, mut at) = (0, 0);
    while let Some(&byte) = bytes.get(at) {
        if byte < 0x80 {
            if matches!(byte, b'a'..=b'z' | b'0'..=b'9' | b'-') {
                at += 1;
                continue;
            }
        } else if let (0xD0 | 0xD1, Some(&next)) = (byte, bytes.get(at + 1))
            // а..п, р..џ (a lead byte is always followed by a continuation byte, 0x80..=0xBF)
            && (if byte == 0xD0 { next >= 0xB0 } else { next <= 0x9F })
        {
            at += 2;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        out.push_str(text.get(run..at).unwrap_or_default());
        at += c.len_utf8();
        run = at;
        match c {
            // Fast paths for the common upper-case letters.
            'А'..='Я' if lower => out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c)),
            'Ѐ'..='Џ' if lower => out.push(char::from_u32(u32::from(c) + 0x50).unwrap_or(c)),
            'A'..='Z' if lower => out.push(c.to_ascii_lowercase()),
            '\u{0301}' | '\u{00AD}' => {}
            '\u{2010}' | '\u{2011}' => out.push('-'),
            '\u{0306}' | '\u{0308}' => {
                let composed = match (out.chars().next_back(), c) {
                    (Some('и'), '\u{0306}') => Some('й'),
                    (Some('И'), '\u{0306}') => Some('Й'),
                    (Some('і'), '\u{0308}') => Some('ї'),
                    (Some('І'), '\u{0308}') => Some('Ї'),
                    _ => None,
                };
                match composed {
                    Some(letter) => {
                        out.pop();
                        out.push(letter);
                    }
                    None => out.push(c),
                }
            }
            c if crate::is_apostrophe(c) => out.push('\''),
            c if lower => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
    out.push_str(text.get(run..).unwrap_or_default());
}

/// Everything that can go wrong while building the lexicon.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// A source file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A source file is malformed.
    #[error(transparent)]
    Hunspell(#[from] HunspellError),
    /// Writing the lexicon failed.
    #[error(transparent)]
    Index(#[from] index::Error),
    /// The sources hold more data than the build can index.
    #[error("{}: too large: {detail}", path.display())]
    TooLarge {
        /// The dictionary.
        path: PathBuf,
        /// What overflowed.
        detail: String,
    },
}

/// What [`build`] did, with the counts to check the expansion against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildReport {
    /// Stems read from the dictionary.
    pub stems: usize,
    /// The stem count declared on the dictionary's first line.
    pub declared_stems: usize,
    /// Affix classes (flags) in the affix file.
    pub affix_classes: usize,
    /// Affix rules in the affix file.
    pub affix_rules: usize,
    /// Forms emitted by the expansion, stems included, duplicates included.
    pub generated: usize,
    /// Distinct (form key, stem) pairs, a stem listed on several lines counting once.
    pub form_stem_pairs: usize,
    /// Distinct forms (keys) in the lexicon.
    pub forms: usize,
    /// Analyses stored (a form's distinct (lemma, tag) pairs, summed over forms).
    pub analyses: usize,
    /// Distinct analysis sets.
    pub analysis_sets: usize,
    /// The sources checksum recorded in the header.
    pub sources_checksum: u64,
    /// Size of the written file.
    pub bytes: u64,
    /// Wall time of the whole build.
    pub elapsed: Duration,
}

/// Reads a source file, naming it in the error.
fn read(path: &Path) -> Result<Vec<u8>, BuildError> {
    std::fs::read(path).map_err(|source| BuildError::Read {
        path: path.to_owned(),
        source,
    })
}

/// The xxh3 checksum stored in the artifact's header: over [`BUILD_FORMAT`], the
/// [`CLOSED_CLASS`] table, the keys [`form_key`] gives a fixed list of tricky spellings (so
/// that a change in the apostrophe table makes artifacts stale), and each source file's name,
/// length and bytes.
pub fn sources_checksum(sources_dir: &Path) -> Result<u64, BuildError> {
    let aff = read(&sources_dir.join(AFF_FILE))?;
    let dic = read(&sources_dir.join(DIC_FILE))?;
    Ok(checksum(&aff, &dic))
}

fn checksum(aff: &[u8], dic: &[u8]) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(b"vnuk uk-forms\0");
    hasher.update(&BUILD_FORMAT.to_le_bytes());
    for (form, lemma, upos) in CLOSED_CLASS {
        hasher.update(form.as_bytes());
        hasher.update(b"\0");
        hasher.update(lemma.as_bytes());
        hasher.update(&[0, *upos as u8]);
    }
    for stem in pos::DETERMINER_STEMS {
        hasher.update(stem.as_bytes());
        hasher.update(b"\0");
    }
    let mut key = String::new();
    for probe in KEY_PROBES {
        form_key(probe, &mut key);
        hasher.update(key.as_bytes());
        hasher.update(b"\0");
    }
    for (name, bytes) in [(AFF_FILE, aff), (DIC_FILE, dic)] {
        hasher.update(name.as_bytes());
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    }
    hasher.digest()
}

/// One (form, analysis) pair before sorting. The key lives in the key arena; the lemma is an
/// index into the lemma table.
#[derive(Debug, Clone, Copy)]
struct Pair {
    /// The key's first 16 bytes, big-endian, zero-padded: most comparisons stop here.
    head: u128,
    key_off: u32,
    lemma: u32,
    /// Order among a form's analyses (lower first): the rank times two, plus one when the
    /// lemma starts with a capital.
    rank: u16,
    key_len: u16,
    upos: u8,
    flags: u8,
}

/// The order of a dictionary analysis among a form's analyses (closed-class entries come
/// first, ranked by their table position, below 1000): function words, then content words,
/// then analyses whose tag was guessed from an unflagged stem's ending. (Preferring a form's
/// analysis as a listed stem made no difference on UD-IU dev, so there is no such tier.)
fn rank_of(upos: Upos, guessed: bool) -> u16 {
    if guessed {
        4000
    } else if matches!(
        upos,
        Upos::Det
            | Upos::Pron
            | Upos::Aux
            | Upos::Adp
            | Upos::Cconj
            | Upos::Sconj
            | Upos::Part
            | Upos::Num
    ) {
        1000
    } else {
        2000
    }
}

/// The lemmas: dictionary stems first (index = stem number), then closed-class lemmas.
#[derive(Default)]
struct Lemmas {
    text: String,
    ends: Vec<u32>,
}

impl Lemmas {
    fn push(&mut self, lemma: &str) -> Option<u32> {
        let index = u32::try_from(self.ends.len()).ok()?;
        push_normalized(lemma, false, &mut self.text);
        self.ends.push(u32::try_from(self.text.len()).ok()?);
        Some(index)
    }

    fn get(&self, index: u32) -> &str {
        let index = index as usize;
        let end = self.ends.get(index).map_or(0, |&e| e as usize);
        let start = match index.checked_sub(1) {
            Some(prev) => self.ends.get(prev).map_or(0, |&e| e as usize),
            None => 0,
        };
        self.text.get(start..end).unwrap_or_default()
    }
}

/// The pairs of the whole expansion.
#[derive(Default)]
struct Collected {
    keys: String,
    pairs: Vec<Pair>,
    lemmas: Lemmas,
    stems: usize,
    generated: usize,
}

impl Collected {
    fn key(&self, pair: &Pair) -> &str {
        let start = pair.key_off as usize;
        self.keys
            .get(start..start + usize::from(pair.key_len))
            .unwrap_or_default()
    }

    /// The key's bytes after the 16 that `head` holds.
    fn key_tail(&self, pair: &Pair) -> &[u8] {
        self.key(pair).as_bytes().get(16..).unwrap_or_default()
    }
}

/// One analysis of a pair, before it is placed.
#[derive(Clone, Copy)]
struct Analysed {
    lemma: u32,
    upos: Upos,
    flags: u8,
    rank: u16,
    capitalised: bool,
}

/// Appends one pair; false when the arena or the key is too long to index.
fn push_pair(keys: &mut String, pairs: &mut Vec<Pair>, key: &str, analysis: Analysed) -> bool {
    let (Ok(key_off), Ok(key_len)) = (u32::try_from(keys.len()), u16::try_from(key.len())) else {
        return false;
    };
    if key.is_empty() {
        return true;
    }
    let mut head = [0u8; 16];
    for (slot, byte) in head.iter_mut().zip(key.bytes()) {
        *slot = byte;
    }
    keys.push_str(key);
    pairs.push(Pair {
        head: u128::from_be_bytes(head),
        key_off,
        lemma: analysis.lemma,
        rank: analysis.rank * 2 + u16::from(analysis.capitalised),
        key_len,
        upos: analysis.upos as u8,
        flags: analysis.flags,
    });
    true
}

/// Expands the dictionary into (key, analysis) pairs.
fn collect(aff: &AffixFile, dic: &Dictionary, dic_path: &Path) -> Result<Collected, BuildError> {
    let too_large = |detail: &str| BuildError::TooLarge {
        path: dic_path.to_owned(),
        detail: detail.to_owned(),
    };
    let Collected {
        mut keys,
        mut pairs,
        mut lemmas,
        ..
    } = Collected::default();
    keys.reserve(96 << 20);
    pairs.reserve(3_600_000);
    for entry in dic.entries() {
        lemmas
            .push(&entry.word)
            .ok_or_else(|| too_large("more than 2^32 lemmas"))?;
    }
    let closed_forms: std::collections::HashSet<&str> =
        CLOSED_CLASS.iter().map(|(form, _, _)| *form).collect();
    let adverb = Flag::from_char(ADVERB_CLASS);
    let mut expander = Expander::new(aff);
    let mut key = String::new();
    let mut generated = 0usize;
    let mut overflow = false;
    for (stem, entry) in (0u32..).zip(dic.entries()) {
        let flag_chars = entry.flags.iter().filter_map(|f| f.as_char());
        let (upos, guessed) = match flagged_upos(&entry.word, flag_chars) {
            Some(upos) => (upos, false),
            None => {
                form_key(&entry.word, &mut key);
                if entry.flags.is_empty() && closed_forms.contains(key.as_str()) {
                    // A separately listed form of a closed-class paradigm (мене, був): the
                    // table's analyses replace the stem's own.
                    continue;
                }
                (guess_unflagged(&entry.word), true)
            }
        };
        let base_flags = if guessed { FLAG_GUESSED_POS } else { 0 };
        let stem_analysis = Analysed {
            lemma: stem,
            upos,
            flags: base_flags,
            rank: rank_of(upos, guessed),
            capitalised: entry.word.chars().next().is_some_and(char::is_uppercase),
        };
        expander.expand(&entry.word, &entry.flags, &mut |form, origin| {
            generated += 1;
            form_key(form, &mut key);
            let analysis = if origin.suffix == Some(adverb) && origin.prefix.is_none() {
                // The adverb is its own lemma: `build` writes the form as the lemma.
                Analysed {
                    upos: Upos::Adv,
                    flags: FLAG_ADVERB,
                    rank: rank_of(Upos::Adv, false),
                    ..stem_analysis
                }
            } else if origin == Origin::default() {
                Analysed {
                    flags: base_flags | FLAG_DICTIONARY_FORM,
                    ..stem_analysis
                }
            } else {
                stem_analysis
            };
            overflow |= !push_pair(&mut keys, &mut pairs, &key, analysis);
        });
        if overflow {
            return Err(too_large(
                "more than 4 GiB of keys, 2^32 lemmas, or a form longer than 64 KiB",
            ));
        }
    }
    for (rank, (form, lemma, upos)) in (0u16..).zip(CLOSED_CLASS) {
        let lemma = lemmas
            .push(lemma)
            .ok_or_else(|| too_large("more than 2^32 lemmas"))?;
        form_key(form, &mut key);
        let analysis = Analysed {
            lemma,
            upos: *upos,
            flags: FLAG_CLOSED_CLASS,
            rank,
            capitalised: false,
        };
        if !push_pair(&mut keys, &mut pairs, &key, analysis) {
            return Err(too_large("more than 4 GiB of keys"));
        }
    }
    Ok(Collected {
        keys,
        pairs,
        lemmas,
        stems: dic.entries().len(),
        generated,
    })
}

/// Builds the lexicon from `sources_dir` (holding [`AFF_FILE`] and [`DIC_FILE`]) into
/// `out_path`, written atomically. The same sources always give the same bytes.
///
/// # Errors
/// [`BuildError`] naming the file: unreadable or malformed sources, or a failed write.
pub fn build(sources_dir: &Path, out_path: &Path) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let aff_path = sources_dir.join(AFF_FILE);
    let dic_path = sources_dir.join(DIC_FILE);
    let aff_bytes = read(&aff_path)?;
    let dic_bytes = read(&dic_path)?;
    let sources_checksum = checksum(&aff_bytes, &dic_bytes);
    let aff = AffixFile::parse(&aff_bytes, &aff_path.display().to_string())?;
    let dic = Dictionary::parse(&dic_bytes, &dic_path.display().to_string(), &aff)?;
    drop(dic_bytes);

    let mut collected = collect(&aff, &dic, &dic_path)?;
    let mut pairs = std::mem::take(&mut collected.pairs);
    let lemmas = &collected.lemmas;
    let stems = collected.stems;
    // Deterministic although unstable and parallel: pairs that compare equal are identical.
    pairs.par_sort_unstable_by(|a, b| {
        a.head
            .cmp(&b.head)
            .then_with(|| collected.key_tail(a).cmp(collected.key_tail(b)))
            .then_with(|| a.key_len.cmp(&b.key_len))
            .then_with(|| a.rank.cmp(&b.rank))
            .then_with(|| lemmas.get(a.lemma).cmp(lemmas.get(b.lemma)))
            .then_with(|| a.upos.cmp(&b.upos))
            .then_with(|| a.flags.cmp(&b.flags))
            .then_with(|| a.lemma.cmp(&b.lemma))
    });

    let mut builder = MorphLexiconBuilder::new(sources_checksum);
    let mut report = BuildReport {
        stems,
        declared_stems: dic.declared_count(),
        affix_classes: aff.classes().len(),
        affix_rules: aff.rule_count(),
        generated: collected.generated,
        form_stem_pairs: 0,
        forms: 0,
        analyses: 0,
        analysis_sets: 0,
        sources_checksum,
        bytes: 0,
        elapsed: Duration::ZERO,
    };
    // Stems listed on several lines count once: map each to the first line with its text.
    let mut first_line: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let canonical: Vec<u32> = (0..u32::try_from(stems).unwrap_or(u32::MAX))
        .map(|stem| *first_line.entry(lemmas.get(stem)).or_insert(stem))
        .collect();
    let mut inputs: Vec<MorphInput<'_>> = Vec::new();
    let mut stems_of_form: Vec<u32> = Vec::new();
    let mut start = 0;
    while start < pairs.len() {
        let first = &pairs[start];
        let key = collected.key(first);
        let mut end = start + 1;
        while let Some(next) = pairs.get(end)
            && next.head == first.head
            && next.key_len == first.key_len
            && collected.key_tail(next) == collected.key_tail(first)
        {
            end += 1;
        }
        inputs.clear();
        stems_of_form.clear();
        for pair in &pairs[start..end] {
            if let Some(&stem) = canonical.get(pair.lemma as usize) {
                stems_of_form.push(stem);
            }
            let lemma = if pair.flags & FLAG_ADVERB != 0 {
                key
            } else {
                lemmas.get(pair.lemma)
            };
            let upos = Upos::from_u8(pair.upos).unwrap_or(Upos::X);
            if !inputs.iter().any(|i| i.lemma == lemma && i.upos == upos) {
                inputs.push(MorphInput {
                    lemma,
                    upos,
                    flags: pair.flags,
                });
            }
        }
        stems_of_form.sort_unstable();
        stems_of_form.dedup();
        report.form_stem_pairs += stems_of_form.len();
        report.analyses += inputs.len();
        builder.insert(key, &inputs)?;
        start = end;
    }
    report.forms = usize::try_from(builder.len()).unwrap_or(usize::MAX);
    report.analysis_sets = builder.set_count();
    builder.finish(out_path)?;
    report.bytes = std::fs::metadata(out_path).map(|m| m.len()).unwrap_or(0);
    report.elapsed = started.elapsed();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let mut key = String::new();
        for (input, expected) in [
            ("Київ", "київ"),
            ("ПЕРЕГОВОРІВ", "переговорів"),
            ("м’ясо", "м'ясо"),
            ("мʼясо", "м'ясо"),
            ("м`ясо", "м'ясо"),
            ("сім\u{2018}я", "сім'я"),
            ("моло\u{301}ко", "молоко"),
            ("ма\u{00AD}ма", "мама"),
            ("І\u{308}жак", "їжак"),
            ("во\u{2011}друге", "во-друге"),
            ("\u{306}", "\u{306}"),
        ] {
            form_key(input, &mut key);
            assert_eq!(key, expected, "{input:?}");
        }
    }

    /// The character-by-character form of [`form_key`], to check the byte-scanning one against.
    fn reference_key(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match c {
                '\u{0301}' | '\u{00AD}' => {}
                '\u{2010}' | '\u{2011}' => out.push('-'),
                '\u{0306}' | '\u{0308}' => {
                    let composed = match (out.chars().next_back(), c) {
                        (Some('и'), '\u{0306}') => Some('й'),
                        (Some('И'), '\u{0306}') => Some('Й'),
                        (Some('і'), '\u{0308}') => Some('ї'),
                        (Some('І'), '\u{0308}') => Some('Ї'),
                        _ => None,
                    };
                    match composed {
                        Some(letter) => {
                            out.pop();
                            out.push(letter);
                        }
                        None => out.push(c),
                    }
                }
                c if crate::is_apostrophe(c) => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn key_matches_reference(
            text in "[а-яіїєґёА-ЯІЇЄҐЁЀ-Џa-zA-Z0-9'’ʼ`‘′´\\-\u{301}\u{AD}\u{306}\u{308}\u{2010}\u{2011}ÀŸǅİΣѢѣ ]{0,24}"
        ) {
            let mut key = String::new();
            form_key(&text, &mut key);
            proptest::prop_assert_eq!(key, reference_key(&text));
        }
    }

    #[test]
    fn lemma_table() {
        let mut lemmas = Lemmas::default();
        assert_eq!(lemmas.push("Мар’яна"), Some(0));
        assert_eq!(lemmas.push("кіт"), Some(1));
        assert_eq!(
            (lemmas.get(0), lemmas.get(1), lemmas.get(7)),
            ("Мар'яна", "кіт", "")
        );
    }

    fn tiny_sources() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(AFF_FILE),
            "SET UTF-8\nSFX % Y 2\nSFX % а и а\nSFX % а у а\nSFX j Y 1\nSFX j ий ого ий\nSFX + Y 1\nSFX + ий о ий\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join(DIC_FILE),
            "5\nхата/%\nМарта/%\nшвидкий/j+\nмене\nкафе\n",
        )
        .unwrap();
        dir
    }

    #[test]
    fn builds_a_small_lexicon() {
        let dir = tiny_sources();
        let out = dir.path().join("uk.vnlx");
        let report = build(dir.path(), &out).unwrap();
        assert_eq!(report.stems, 5);
        // хата хати хату Марта Марти Марту швидкий швидкого швидко кафе (мене is replaced)
        assert_eq!(report.generated, 10);
        let morph = index::MorphLexicon::open_verified(&out).unwrap();
        let mut lemma = String::new();
        let analyses = |form: &str| -> Vec<(String, Upos, u8)> {
            morph
                .analyses(form)
                .map(|a| {
                    let mut l = String::new();
                    a.lemma_into(form, &mut l);
                    (l, a.upos(), a.flags())
                })
                .collect()
        };
        assert_eq!(analyses("хату"), [("хата".to_owned(), Upos::Noun, 0)]);
        assert_eq!(analyses("марти"), [("Марта".to_owned(), Upos::Propn, 0)]);
        assert_eq!(
            analyses("швидко"),
            [("швидко".to_owned(), Upos::Adv, FLAG_ADVERB)]
        );
        assert_eq!(
            analyses("мене"),
            [("я".to_owned(), Upos::Pron, FLAG_CLOSED_CLASS)]
        );
        assert_eq!(
            analyses("кафе"),
            [(
                "кафе".to_owned(),
                Upos::Noun,
                FLAG_GUESSED_POS | FLAG_DICTIONARY_FORM
            )]
        );
        let first = morph.analyses("хата").next().unwrap();
        assert!(first.lemma_into("хата", &mut lemma));
        assert_eq!(first.flags(), FLAG_DICTIONARY_FORM);
        assert_eq!(
            report.sources_checksum,
            sources_checksum(dir.path()).unwrap()
        );
        assert_eq!(morph.lexicon().sources_checksum(), report.sources_checksum);
    }

    #[test]
    fn errors_name_the_file() {
        let dir = tiny_sources();
        std::fs::write(dir.path().join(AFF_FILE), "SFX A Y 2\nSFX A 0 и .\n").unwrap();
        let err = build(dir.path(), &dir.path().join("x.vnlx")).unwrap_err();
        assert!(err.to_string().contains("uk_UA.aff:1:"), "{err}");
        std::fs::remove_file(dir.path().join(DIC_FILE)).unwrap();
        let err = sources_checksum(dir.path()).unwrap_err();
        assert!(err.to_string().contains("uk_UA.dic: cannot read"), "{err}");
    }
}
