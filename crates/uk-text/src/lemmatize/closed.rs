//! The closed-class and irregular word table as the lemmatizer reads it: pronoun, determiner
//! and бути paradigms, irregular verbs, suppletive plurals, function words and frequent adverbs.
//!
//! The shipped table is the project's own work (MIT OR Apache-2.0), kept as data in
//! `data/sources/uk/closed-class/closed-class.tsv` and compiled into the binary. It is the one
//! source of the closed-class words: the lexicon build reads the same file (as
//! [`crate::lexicon::CLOSED_CLASS`]), so the compiled lexicon's closed-class analyses and this
//! table agree. The lemmatizer takes its candidates from both; agreeing candidates merge.

use super::hash::FxBuildHasher;
use crate::lexicon::form_key;
use core_model::Upos;
use std::collections::HashMap;

/// The table's text: `form<TAB>lemma<TAB>UPOS` lines, `#` comments.
pub const CLOSED_CLASS_TSV: &str =
    include_str!("../../../../data/sources/uk/closed-class/closed-class.tsv");

/// One entry: a lemma and its tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The lemma.
    pub lemma: Box<str>,
    /// The tag.
    pub upos: Upos,
}

/// A malformed line of the table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("closed-class table line {line}: {problem}")]
pub struct ClosedTableError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub problem: String,
}

/// The parsed table: form key -> entries in table order.
#[derive(Debug, Clone, Default)]
pub struct ClosedTable {
    forms: HashMap<Box<str>, Vec<Entry>, FxBuildHasher>,
    rows: usize,
}

impl ClosedTable {
    /// Parses `form<TAB>lemma<TAB>UPOS` lines; the form may list several comma-separated
    /// forms sharing the lemma and tag.
    ///
    /// # Errors
    /// [`ClosedTableError`] naming the first malformed line.
    pub fn parse(text: &str) -> Result<ClosedTable, ClosedTableError> {
        let mut table = ClosedTable::default();
        let mut key = String::new();
        for (index, line) in text.lines().enumerate() {
            let error = |problem: String| ClosedTableError {
                line: index + 1,
                problem,
            };
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let [forms, lemma, upos] = fields.as_slice() else {
                return Err(error(format!("expected form, lemma, UPOS: {line:?}")));
            };
            let upos =
                Upos::from_name(upos).ok_or_else(|| error(format!("unknown UPOS tag {upos:?}")))?;
            if lemma.is_empty() {
                return Err(error("empty lemma".to_owned()));
            }
            for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                form_key(form, &mut key);
                let entries = table.forms.entry(key.as_str().into()).or_default();
                if !entries
                    .iter()
                    .any(|e| &*e.lemma == *lemma && e.upos == upos)
                {
                    entries.push(Entry {
                        lemma: (*lemma).into(),
                        upos,
                    });
                    table.rows += 1;
                }
            }
        }
        Ok(table)
    }

    /// The shipped table.
    ///
    /// # Panics
    /// Never for the shipped table (a test parses it); a malformed edit fails that test.
    #[must_use]
    pub fn shipped() -> ClosedTable {
        ClosedTable::parse(CLOSED_CLASS_TSV).unwrap_or_default()
    }

    /// The entries of a form key, in table order.
    #[must_use]
    pub fn get(&self, key: &str) -> &[Entry] {
        self.forms.get(key).map_or(&[], Vec::as_slice)
    }

    /// The form keys.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.forms.keys().map(|k| &**k)
    }

    /// Number of (form, lemma, tag) rows.
    #[must_use]
    pub fn rows(&self) -> usize {
        self.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_table_parses() {
        let table = ClosedTable::parse(CLOSED_CLASS_TSV).unwrap();
        assert!(table.rows() > 100);
        assert!(table.get("людей").iter().any(|e| &*e.lemma == "людина"));
    }

    #[test]
    fn one_source_for_lexicon_and_lemmatizer() {
        let table = ClosedTable::shipped();
        assert_eq!(table.rows(), crate::lexicon::CLOSED_CLASS.len());
        let mut key = String::new();
        for (form, lemma, upos) in crate::lexicon::CLOSED_CLASS {
            form_key(form, &mut key);
            assert!(
                table
                    .get(&key)
                    .iter()
                    .any(|e| &*e.lemma == *lemma && e.upos == *upos),
                "{form} {lemma} {upos}"
            );
        }
    }

    #[test]
    fn errors_name_the_line() {
        let err = ClosedTable::parse("# c\nа\tб\n").unwrap_err();
        assert_eq!(err.line, 2);
        let err = ClosedTable::parse("а\tб\tNOPE\n").unwrap_err();
        assert!(err.to_string().contains("NOPE"));
    }
}
