//! The dictionary file (`.dic`): a count line, then one stem per line with its flags.

use super::aff::{AffixFile, Flag};
use super::{ErrorKind, HunspellError, decode};

/// One stem of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DicEntry {
    /// The stem, with the affix file's `IGNORE` characters removed.
    pub word: String,
    /// Its affix flags (aliases resolved).
    pub flags: Vec<Flag>,
    /// Its 1-based line in the file.
    pub line: usize,
}

/// A parsed dictionary file.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    declared: usize,
    entries: Vec<DicEntry>,
}

impl Dictionary {
    /// Parses a dictionary whose flags are written as `aff` says. `name` is used in error
    /// messages.
    ///
    /// Each line is `stem[/flags][<TAB or space>morphological fields]`; `\/` is a slash inside
    /// the stem; lines starting with a tab are comments; the count on the first line is an
    /// estimate (Hunspell only uses it to size tables), so a different number of stems is no
    /// error.
    pub fn parse(bytes: &[u8], name: &str, aff: &AffixFile) -> Result<Dictionary, HunspellError> {
        let text = decode(bytes, name)?;
        let mut lines = text.lines().enumerate();
        let declared = loop {
            let Some((index, line)) = lines.next() else {
                return Err(HunspellError::new(name, 0, ErrorKind::Empty));
            };
            let trimmed = line.trim();
            if trimmed.is_empty() {
                continue;
            }
            break trimmed.parse::<usize>().map_err(|_| {
                HunspellError::new(name, index + 1, ErrorKind::BadNumber(trimmed.to_owned()))
            })?;
        };
        let mut entries = Vec::with_capacity(declared.min(1 << 22));
        for (index, raw) in lines {
            let line = index + 1;
            if raw.starts_with('\t') {
                continue;
            }
            let body = strip_morphology(raw.trim_end());
            if body.is_empty() {
                continue;
            }
            let (word, flags) = split_flags(body);
            let flags = match flags {
                Some(text) if !text.is_empty() => aff
                    .resolve_flags(text)
                    .map_err(|kind| HunspellError::new(name, line, kind))?,
                _ => Vec::new(),
            };
            let mut word = word.replace("\\/", "/");
            if !aff.ignore.is_empty() {
                word.retain(|c| !aff.ignore.contains(&c));
            }
            if word.is_empty() {
                continue;
            }
            entries.push(DicEntry { word, flags, line });
        }
        Ok(Dictionary { declared, entries })
    }

    /// The stem count written on the first line.
    #[must_use]
    pub fn declared_count(&self) -> usize {
        self.declared
    }

    /// The stems, in file order.
    #[must_use]
    pub fn entries(&self) -> &[DicEntry] {
        &self.entries
    }
}

/// Cuts morphological fields off a line: everything after a tab, or after a space that starts
/// a `xx:` field or an `AM` alias number.
fn strip_morphology(line: &str) -> &str {
    let line = line.split('\t').next().unwrap_or_default();
    let mut search = 0;
    while let Some(offset) = line.get(search..).and_then(|rest| rest.find(' ')) {
        let at = search + offset;
        let rest = line.get(at + 1..).unwrap_or_default().trim_start();
        let bytes = rest.as_bytes();
        let is_field = bytes.len() >= 3
            && bytes[0].is_ascii_lowercase()
            && bytes[1].is_ascii_lowercase()
            && bytes[2] == b':';
        let is_alias = !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit());
        if is_field || is_alias {
            return line.get(..at).unwrap_or_default().trim_end();
        }
        search = at + 1;
    }
    line
}

/// Splits `stem/flags` at the first slash not escaped by a backslash.
fn split_flags(body: &str) -> (&str, Option<&str>) {
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'/' if i > 0 => {
                return (body.get(..i).unwrap_or_default(), body.get(i + 1..));
            }
            _ => i += 1,
        }
    }
    (body, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn morphology_and_slashes() {
        assert_eq!(strip_morphology("кіт/A po:noun"), "кіт/A");
        assert_eq!(strip_morphology("кіт/A\tpo:noun"), "кіт/A");
        assert_eq!(strip_morphology("New York/A 12"), "New York/A");
        assert_eq!(strip_morphology("New York"), "New York");
        assert_eq!(split_flags("a\\/b/XY"), ("a\\/b", Some("XY")));
        assert_eq!(split_flags("/"), ("/", None));
        assert_eq!(split_flags("слово"), ("слово", None));
    }
}
