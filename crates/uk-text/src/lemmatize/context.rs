//! Choices that need the neighbouring words: the possessive його, її, їх.
//!
//! Out of context, його/її/їх are personal pronouns (PRON: він, вона, вони) or possessive
//! determiners (DET: його, її, їх). Before the word they determine (a noun, adjective, proper
//! noun, numeral or another determiner: «його книга», «їх нові будинки») they are determiners;
//! elsewhere («бачу його», «їх було троє») pronouns.
//!
//! ```
//! use core_model::Upos;
//! use uk_text::lemmatize::context::possessive;
//!
//! assert_eq!(possessive("його", Some(Upos::Noun)), Some(("його", Upos::Det)));
//! assert_eq!(possessive("Її", Some(Upos::Verb)), Some(("вона", Upos::Pron)));
//! assert_eq!(possessive("їх", None), Some(("вони", Upos::Pron)));
//! assert_eq!(possessive("книга", Some(Upos::Noun)), None);
//! ```

use core_model::Upos;

/// The lemma and tag of `form` when it is його, її or їх (any case), given the tag of the next
/// word (`None` at the end of the sentence); `None` for any other form.
#[must_use]
#[inline]
pub fn possessive(form: &str, next: Option<Upos>) -> Option<(&'static str, Upos)> {
    // Every form below is four or eight bytes long; most words are ruled out by length.
    if !matches!(form.len(), 4 | 8) {
        return None;
    }
    let (determiner, pronoun) = match form {
        "його" | "Його" | "ЙОГО" => ("його", "він"),
        "її" | "Її" | "ЇЇ" => ("її", "вона"),
        "їх" | "Їх" | "ЇХ" => ("їх", "вони"),
        _ => return None,
    };
    Some(if determines(next) {
        (determiner, Upos::Det)
    } else {
        (pronoun, Upos::Pron)
    })
}

/// True when a possessive before a word tagged `next` determines it (a noun, adjective,
/// proper noun, numeral or determiner follows).
#[must_use]
pub fn determines(next: Option<Upos>) -> bool {
    matches!(
        next,
        Some(Upos::Noun | Upos::Adj | Upos::Propn | Upos::Num | Upos::Det)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives() {
        assert_eq!(possessive("ЇХ", Some(Upos::Adj)), Some(("їх", Upos::Det)));
        assert_eq!(
            possessive("його", Some(Upos::Punct)),
            Some(("він", Upos::Pron))
        );
        assert_eq!(possessive("нього", Some(Upos::Noun)), None);
    }
}
