use serde::{Deserialize, Serialize};
use std::fmt;

/// A Universal Dependencies part-of-speech tag (UPOS), stored as one byte.
///
/// ```
/// use core_model::Upos;
/// assert_eq!(Upos::from_name("NOUN"), Some(Upos::Noun));
/// assert_eq!(Upos::Noun.name(), "NOUN");
/// assert_eq!(Upos::from_u8(Upos::Verb as u8), Some(Upos::Verb));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[repr(u8)]
pub enum Upos {
    /// Other, or unknown (`X`). Code 0, so that a zeroed record reads as unknown.
    X = 0,
    /// Adjective.
    Adj,
    /// Adposition.
    Adp,
    /// Adverb.
    Adv,
    /// Auxiliary.
    Aux,
    /// Coordinating conjunction.
    Cconj,
    /// Determiner.
    Det,
    /// Interjection.
    Intj,
    /// Noun.
    Noun,
    /// Numeral.
    Num,
    /// Particle.
    Part,
    /// Pronoun.
    Pron,
    /// Proper noun.
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction.
    Sconj,
    /// Symbol.
    Sym,
    /// Verb.
    Verb,
}

impl Upos {
    /// All tags, in code order.
    pub const ALL: [Upos; 17] = [
        Upos::X,
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
    ];

    /// The tag as written in CoNLL-U (`NOUN`, `PROPN`, …).
    #[must_use]
    #[inline]
    pub fn name(self) -> &'static str {
        match self {
            Upos::X => "X",
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
        }
    }

    /// Parses a CoNLL-U tag; `None` for anything else.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|tag| tag.name() == name)
    }

    /// The tag with the given one-byte code; `None` for a code no tag has (a corrupt record).
    #[must_use]
    pub fn from_u8(code: u8) -> Option<Upos> {
        Upos::ALL.get(usize::from(code)).copied()
    }
}

impl fmt::Display for Upos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_round_trip() {
        for (code, tag) in Upos::ALL.into_iter().enumerate() {
            assert_eq!(tag as usize, code);
            assert_eq!(Upos::from_u8(code as u8), Some(tag));
            assert_eq!(Upos::from_name(tag.name()), Some(tag));
        }
        assert_eq!(Upos::from_u8(17), None);
        assert_eq!(Upos::from_name("noun"), None);
    }
}
