//! `vnuk lookup`: query the compiled lexicons.
//!
//! Output, one result per line:
//! - Ukrainian: `form<TAB>lemma<TAB>UPOS` for every analysis of every matching form;
//! - Vietnamese: `word<TAB>syllables<TAB>score<TAB>flags` (flag names, comma-separated, or `-`).
//!
//! The term goes through the same key function as the build (`uk_text::lexicon::form_key`,
//! `vi_text::key::lexicon_key`), except for `--regex`, whose pattern is matched against whole
//! keys as written. Exit status: 0 when something was found, 4 when nothing matched, 1 when
//! the lexicon cannot be opened or built or the query is invalid.

use super::CommandError;
use crate::args::LookupArgs;
use crate::artifacts;
use core_model::Language;
use index::{Lexicon, Matches, WordEntry};
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

/// The largest `--fuzzy` distance (larger ones would walk most of the lexicon).
pub const MAX_FUZZY_DISTANCE: u32 = 4;

/// Exit status when the term matched nothing.
pub const NOT_FOUND: u8 = 4;

/// The query kind chosen on the command line.
enum Query<'a> {
    Exact(&'a str),
    Prefix(&'a str),
    Fuzzy(&'a str, u32),
    Regex(&'a str),
}

/// Runs `vnuk lookup`.
pub fn run(args: &LookupArgs, data_dir: &Path) -> Result<ExitCode, CommandError> {
    let mut key = String::new();
    match args.lang {
        Language::Uk => uk_text::lexicon::form_key(&args.term, &mut key),
        Language::Vi => vi_text::key::lexicon_key(&args.term, &mut key),
        other => return Err(format!("no lexicon for language {other} (use vi or uk)").into()),
    }
    let query = if args.regex {
        Query::Regex(&args.term)
    } else if args.prefix {
        Query::Prefix(&key)
    } else if let Some(distance) = args.fuzzy {
        Query::Fuzzy(&key, distance)
    } else {
        Query::Exact(&key)
    };
    let limit = match (&query, args.limit) {
        (Query::Exact(_), _) | (_, 0) => usize::MAX,
        (_, n) => n,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let (shown, more) = match args.lang {
        Language::Uk => {
            let morph = artifacts::open_morph(data_dir)?;
            let mut lemma = String::new();
            let mut print = |form: &str| -> io::Result<()> {
                for analysis in morph.analyses(form) {
                    analysis.lemma_into(form, &mut lemma);
                    writeln!(out, "{form}\t{lemma}\t{}", analysis.upos())?;
                }
                Ok(())
            };
            each_key(morph.lexicon(), &query, limit, &mut print)?
        }
        _ => {
            let words = artifacts::open_words(data_dir)?;
            let mut print = |word: &str| -> io::Result<()> {
                if let Some(entry) = words.entry(word.as_bytes()) {
                    write_word(&mut out, word, &entry)?;
                }
                Ok(())
            };
            each_key(words.lexicon(), &query, limit, &mut print)?
        }
    };
    out.flush()?;
    if more {
        eprintln!(
            "vnuk: more than {limit} matches; showing the first {limit} (--limit 0 shows all)"
        );
    }
    if shown == 0 {
        eprintln!("vnuk: no entry for {:?} (key {key:?})", args.term);
        return Ok(ExitCode::from(NOT_FOUND));
    }
    Ok(ExitCode::SUCCESS)
}

/// Calls `print` on each matching key (at most `limit`); returns how many, and whether more
/// matched.
fn each_key(
    lexicon: &Lexicon,
    query: &Query<'_>,
    limit: usize,
    print: &mut dyn FnMut(&str) -> io::Result<()>,
) -> Result<(usize, bool), CommandError> {
    fn drain<A: index::fst::Automaton>(
        mut matches: Matches<'_, A>,
        limit: usize,
        print: &mut dyn FnMut(&str) -> io::Result<()>,
    ) -> io::Result<(usize, bool)> {
        let mut shown = 0;
        while let Some((key, _)) = matches.next() {
            if shown == limit {
                return Ok((shown, true));
            }
            // Keys are UTF-8 by construction; skip anything else rather than print garbage.
            if let Ok(key) = std::str::from_utf8(key) {
                print(key)?;
                shown += 1;
            }
        }
        Ok((shown, false))
    }
    Ok(match *query {
        Query::Exact(key) => {
            if lexicon.contains_key(key.as_bytes()) {
                print(key)?;
                (1, false)
            } else {
                (0, false)
            }
        }
        Query::Prefix(key) => drain(lexicon.prefix(key.as_bytes()), limit, print)?,
        Query::Fuzzy(key, distance) => {
            if distance > MAX_FUZZY_DISTANCE {
                return Err(format!(
                    "--fuzzy {distance}: at most {MAX_FUZZY_DISTANCE} edits are searched"
                )
                .into());
            }
            drain(lexicon.fuzzy(key, distance)?, limit, print)?
        }
        Query::Regex(pattern) => drain(lexicon.regex(pattern)?, limit, print)?,
    })
}

/// Writes one Vietnamese result line.
fn write_word(out: &mut impl Write, word: &str, entry: &WordEntry) -> io::Result<()> {
    use vi_text::lexicon::{
        FLAG_ALL_CAPS, FLAG_CAPITALISED, FLAG_LOWERCASE, FLAG_NON_SYLLABLE, FLAG_PYVI,
    };
    let names = [
        (FLAG_PYVI, "pyvi"),
        (FLAG_LOWERCASE, "lowercase"),
        (FLAG_CAPITALISED, "capitalised"),
        (FLAG_ALL_CAPS, "all-caps"),
        (FLAG_NON_SYLLABLE, "non-syllable"),
    ];
    let flags: Vec<&str> = names
        .iter()
        .filter(|(bit, _)| entry.flags & bit != 0)
        .map(|(_, name)| *name)
        .collect();
    let flags = if flags.is_empty() {
        "-".to_owned()
    } else {
        flags.join(",")
    };
    writeln!(out, "{word}\t{}\t{}\t{flags}", entry.syllables, entry.score)
}
