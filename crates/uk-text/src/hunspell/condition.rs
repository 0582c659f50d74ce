//! Affix conditions: the pattern a word's end (suffixes) or start (prefixes) must match.

use std::fmt;

/// One position of a condition: any character, one character, or a bracketed set.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Unit {
    /// `.`: any character.
    Any,
    /// A literal character.
    Char(char),
    /// `[abc]` (or `[^abc]` when `negated`).
    Set { negated: bool, chars: Vec<char> },
}

impl Unit {
    fn matches(&self, c: char) -> bool {
        match self {
            Unit::Any => true,
            Unit::Char(expected) => *expected == c,
            Unit::Set { negated, chars } => chars.contains(&c) != *negated,
        }
    }
}

/// A parsed Hunspell affix condition such as `[^аеи]ти`, `.` or `ватися`.
///
/// A condition has one unit per character position; it matches a word when its units match
/// the word's last characters (for a suffix) or first characters (for a prefix).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    units: Vec<Unit>,
}

/// Why a condition could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadCondition(pub String);

impl fmt::Display for BadCondition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed condition {:?}: unclosed or empty [", self.0)
    }
}

impl Condition {
    /// The condition that every word meets (`.`).
    #[must_use]
    pub fn any() -> Condition {
        Condition { units: Vec::new() }
    }

    /// Parses a condition; `.` alone means "any word".
    pub fn parse(text: &str) -> Result<Condition, BadCondition> {
        let mut units = Vec::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            match c {
                '.' => units.push(Unit::Any),
                '[' => {
                    let mut negated = false;
                    let mut set = Vec::new();
                    let mut closed = false;
                    let mut first = true;
                    for c in chars.by_ref() {
                        if c == ']' {
                            closed = true;
                            break;
                        }
                        if first && c == '^' {
                            negated = true;
                        } else {
                            set.push(c);
                        }
                        first = false;
                    }
                    if !closed || (set.is_empty() && !negated) {
                        return Err(BadCondition(text.to_owned()));
                    }
                    units.push(Unit::Set {
                        negated,
                        chars: set,
                    });
                }
                c => units.push(Unit::Char(c)),
            }
        }
        // A condition made only of `.` units constrains nothing but the length; keep them so
        // that the length requirement holds, except the lone `.` which means "any".
        if units.len() == 1 && units[0] == Unit::Any {
            units.clear();
        }
        Ok(Condition { units })
    }

    /// Number of character positions the condition covers.
    #[must_use]
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// True for the condition that accepts every word.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// True when the last characters of `word` match.
    #[must_use]
    pub fn matches_end(&self, word: &str) -> bool {
        let mut chars = word.chars().rev();
        self.units
            .iter()
            .rev()
            .all(|unit| chars.next().is_some_and(|c| unit.matches(c)))
    }

    /// True when the first characters of `word` match.
    #[must_use]
    pub fn matches_start(&self, word: &str) -> bool {
        let mut chars = word.chars();
        self.units
            .iter()
            .all(|unit| chars.next().is_some_and(|c| unit.matches(c)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffix_conditions() {
        let c = Condition::parse("[^аеи]ти").unwrap();
        assert_eq!(c.len(), 3);
        assert!(!c.matches_end("робити"));
        assert!(c.matches_end("нести"));
        assert!(!c.matches_end("ти"));
        assert!(Condition::parse(".").unwrap().matches_end(""));
        assert!(Condition::parse("[ая]ти").unwrap().matches_end("стати"));
    }

    #[test]
    fn prefix_conditions() {
        let c = Condition::parse("[^в]а").unwrap();
        assert!(c.matches_start("ка"));
        assert!(!c.matches_start("ва"));
        assert!(!c.matches_start("к"));
    }

    #[test]
    fn malformed() {
        assert!(Condition::parse("[аб").is_err());
        assert!(Condition::parse("[]").is_err());
        assert!(Condition::parse("[^]").is_ok());
    }
}
