use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A language vnuk knows how to tell apart.
///
/// Only Vietnamese and Ukrainian are analysed; Russian and English are recognised so that a
/// Russian line in a Ukrainian page is labelled as such rather than analysed as Ukrainian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Vietnamese (`vi`).
    Vi,
    /// Ukrainian (`uk`).
    Uk,
    /// Russian (`ru`).
    Ru,
    /// English (`en`).
    En,
    /// Undetermined (`und`): too little evidence, or another language.
    Und,
}

impl Language {
    /// All languages, in a stable order.
    pub const ALL: [Language; 5] = [
        Language::Vi,
        Language::Uk,
        Language::Ru,
        Language::En,
        Language::Und,
    ];

    /// The ISO 639 code: `vi`, `uk`, `ru`, `en`, or `und`.
    ///
    /// ```
    /// assert_eq!(core_model::Language::Uk.code(), "uk");
    /// ```
    #[must_use]
    #[inline]
    pub fn code(self) -> &'static str {
        match self {
            Language::Vi => "vi",
            Language::Uk => "uk",
            Language::Ru => "ru",
            Language::En => "en",
            Language::Und => "und",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error for a string that names no known language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseLanguageError(pub String);

impl fmt::Display for ParseLanguageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown language {:?}: expected one of vi, uk, ru, en, und",
            self.0
        )
    }
}

impl std::error::Error for ParseLanguageError {}

impl FromStr for Language {
    type Err = ParseLanguageError;

    /// Parses a code, case-insensitively.
    ///
    /// ```
    /// use core_model::Language;
    /// assert_eq!("VI".parse::<Language>(), Ok(Language::Vi));
    /// assert!("xx".parse::<Language>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Language, ParseLanguageError> {
        Language::ALL
            .into_iter()
            .find(|language| language.code().eq_ignore_ascii_case(s))
            .ok_or_else(|| ParseLanguageError(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for language in Language::ALL {
            assert_eq!(language.code().parse::<Language>(), Ok(language));
            assert_eq!(language.to_string(), language.code());
        }
    }

    #[test]
    fn serde_uses_codes() {
        assert_eq!(serde_json::to_string(&Language::Und).unwrap(), "\"und\"");
    }
}
