//! The lemmatizer on real words, through the compiled lexicon (`data/build/uk-forms.vnlx`;
//! skipped with a message when it has not been built).

use core_model::{Lemmatizer, TokenKind, Upos};
use std::path::Path;
use uk_text::lemmatize::UkLemmatizer;

fn lemmatizer() -> Option<UkLemmatizer> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/build/uk-forms.vnlx");
    match index::MorphLexicon::open(&path) {
        Ok(morph) => Some(UkLemmatizer::new(morph)),
        Err(error) => {
            println!("skipping: {error} (run `cargo xtask build-data`)");
            None
        }
    }
}

#[test]
fn real_words() {
    let Some(lemmatizer) = lemmatizer() else {
        return;
    };
    let mut lemma = String::new();
    for (form, expected, upos) in [
        ("переговорів", "переговори", Upos::Noun),
        ("людей", "людина", Upos::Noun),
        ("діти", "дитина", Upos::Noun),
        ("був", "бути", Upos::Aux),
        ("Києві", "Київ", Upos::Propn),
        ("Києва", "Київ", Upos::Propn),
        ("мене", "я", Upos::Pron),
        ("нас", "ми", Upos::Pron),
        ("цього", "цей", Upos::Det),
        ("міг", "могти", Upos::Verb),
        ("йшли", "йти", Upos::Verb),
        ("швидко", "швидко", Upos::Adv),
        ("відомого", "відомий", Upos::Adj),
        ("роботу", "робота", Upos::Noun),
        ("Україні", "Україна", Upos::Propn),
        ("сказала", "сказати", Upos::Verb),
        ("м’ясо", "м'ясо", Upos::Noun),
    ] {
        let got = lemmatizer.lemmatize_into(form, &mut lemma);
        assert_eq!(
            (lemma.as_str(), got.map(|g| g.0)),
            (expected, Some(upos)),
            "{form}"
        );
        assert_eq!(got.map(|g| g.1), Some(false), "{form} is not guessed");
    }
}

#[test]
fn unknown_words_are_guessed_from_their_ending() {
    let Some(lemmatizer) = lemmatizer() else {
        return;
    };
    let analysis = lemmatizer.lemmatize("пупергіперзвуковими").unwrap();
    assert_eq!(analysis.lemma, "пупергіперзвуковий");
    assert_eq!(analysis.upos, Upos::Adj);
    assert!(analysis.guessed);
    let analysis = lemmatizer.lemmatize("Квазюбринського").unwrap();
    assert_eq!(analysis.upos, Upos::Propn);
    assert!(analysis.guessed);
    assert!(analysis.lemma.starts_with('К'), "{analysis:?}");
}

#[test]
fn non_words_get_their_own_tags() {
    let Some(lemmatizer) = lemmatizer() else {
        return;
    };
    let mut lemma = String::new();
    assert_eq!(
        lemmatizer.lemmatize_into("2024", &mut lemma),
        Some((Upos::Num, false))
    );
    assert_eq!(lemma, "2024");
    assert_eq!(
        lemmatizer.lemmatize_into("«", &mut lemma),
        Some((Upos::Punct, false))
    );
    assert_eq!(
        lemmatizer.lemmatize_into("%", &mut lemma),
        Some((Upos::Sym, false))
    );
    assert_eq!(lemmatizer.lemmatize_into("", &mut lemma), None);
    assert!(lemma.is_empty());
    assert_eq!(
        lemmatizer.lemmatize_token("12:30", TokenKind::Date, &mut lemma),
        Some((Upos::Num, false))
    );
}

#[test]
fn the_cache_agrees_with_the_slow_path() {
    let Some(lemmatizer) = lemmatizer() else {
        return;
    };
    // Capitalised forms bypass the cache; their lower-case twins use it.
    for form in ["його", "є", "що", "це", "люди", "року", "було"] {
        let fast = lemmatizer.lemmatize(form).unwrap();
        let candidates = lemmatizer.candidates(form);
        let best = candidates.first().unwrap();
        assert_eq!((&fast.lemma, fast.upos), (&best.0, best.1), "{form}");
    }
}
