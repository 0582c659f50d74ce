//! Properties of the syllable model, normalization, folding, keys and splitting.

use proptest::prelude::*;
use std::borrow::Cow;
use std::sync::OnceLock;
use unicode_normalization::{UnicodeNormalization, is_nfc};
use vi_text::compound::unsegment;
use vi_text::fold::fold;
use vi_text::key::lexicon_key;
use vi_text::normalize::{Form, Normalizer, misplaced_marks, normalize};
use vi_text::sentence::sentences;
use vi_text::syllable::{self, Syllable, inventory};
use vi_text::{Tone, ToneStyle};

const STYLES: [ToneStyle; 3] = [ToneStyle::Keep, ToneStyle::Old, ToneStyle::New];

fn all_syllables() -> &'static [Syllable] {
    static ALL: OnceLock<Vec<Syllable>> = OnceLock::new();
    ALL.get_or_init(|| inventory().collect())
}

fn toned_syllables() -> &'static [Syllable] {
    static TONED: OnceLock<Vec<Syllable>> = OnceLock::new();
    TONED.get_or_init(|| {
        all_syllables()
            .iter()
            .filter(|s| s.tone() != Tone::Ngang)
            .copied()
            .collect()
    })
}

/// The syllable written with its mark on letter `at` (which need not be a vowel: then the
/// caller skips it).
fn with_mark_at(s: &Syllable, at: usize) -> Option<String> {
    let plain = s.with_tone(Tone::Ngang)?.to_style(ToneStyle::Old);
    let mark = s.tone().mark()?;
    let mut out = String::new();
    for (i, c) in plain.chars().enumerate() {
        out.push(c);
        if i == at {
            out.push(mark);
        }
    }
    Some(out.nfc().collect())
}

fn is_vowel(c: char) -> bool {
    "aăâeêioôơuưy".contains(c)
}

#[test]
fn every_syllable_with_its_mark_moved_normalizes_back() {
    let all = all_syllables();
    println!("inventory: {} syllables", all.len());
    let mut checked = 0usize;
    for s in all.iter().filter(|s| s.tone() != Tone::Ngang) {
        let plain: Vec<char> = s.base().chars().collect();
        let old = s.to_style(ToneStyle::Old);
        let new = s.to_style(ToneStyle::New);
        for (at, &c) in plain.iter().enumerate() {
            if !is_vowel(c) {
                continue;
            }
            let Some(moved) = with_mark_at(s, at) else {
                continue;
            };
            assert_eq!(
                Normalizer::new()
                    .with_tone_style(ToneStyle::Old)
                    .normalize(&moved),
                old
            );
            assert_eq!(
                Normalizer::new()
                    .with_tone_style(ToneStyle::New)
                    .normalize(&moved),
                new
            );
            let kept = normalize(&moved);
            if moved == old || moved == new {
                assert_eq!(kept, moved.as_str(), "a correct placement is kept");
            } else {
                assert!(kept == old || kept == new, "{moved} -> {kept}");
                assert_eq!(misplaced_marks(&moved), 1, "{moved}");
            }
            checked += 1;
        }
        // Old -> new -> old.
        let new_style = Normalizer::new().with_tone_style(ToneStyle::New);
        let old_style = Normalizer::new().with_tone_style(ToneStyle::Old);
        assert_eq!(old_style.normalize(&new_style.normalize(&old)), old);
        assert_eq!(new_style.normalize(&old_style.normalize(&new)), new);
    }
    println!("checked {checked} placements");
    assert!(checked > 15_000);
}

#[test]
fn every_syllable_round_trips_through_nfd_and_case() {
    let nfd = Normalizer::new().with_form(Form::Nfd);
    for s in all_syllables() {
        for style in [ToneStyle::Old, ToneStyle::New] {
            let text = s.to_style(style);
            let decomposed = Normalizer::new()
                .with_tone_style(style)
                .with_form(Form::Nfd)
                .normalize(&text)
                .into_owned();
            assert_eq!(decomposed, text.nfd().collect::<String>());
            assert_eq!(normalize(&decomposed), text);
            assert_eq!(nfd.normalize(&text), decomposed);
            let upper = text.to_uppercase();
            assert_eq!(normalize(&upper), upper.as_str());
            assert!(syllable::is_valid_syllable(&upper), "{upper}");
            let mut key = String::new();
            lexicon_key(&upper, &mut key);
            assert_eq!(key, s.to_style(ToneStyle::Old));
        }
    }
}

/// Text made of syllables in any style and case, with marks moved, NFD pieces, foreign
/// words, punctuation and arbitrary characters.
fn vietnamese_text() -> impl Strategy<Value = String> {
    let n = all_syllables().len();
    let piece = prop_oneof![
        4 => (0..n, 0..8usize, 0..3u8, any::<bool>()).prop_map(|(i, at, case, nfd)| {
            let s = &all_syllables()[i];
            let mut word = with_mark_at(s, at).unwrap_or_else(|| s.to_string());
            word = match case {
                1 => word.to_uppercase(),
                2 => {
                    let mut chars = word.chars();
                    chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
                }
                _ => word,
            };
            if nfd { word.nfd().collect() } else { word }
        }),
        1 => prop::sample::select(vec![
            " ", " ", "\n", ", ", ". ", "_", "-", "\"", "“", "”", "…", "17/9", "100.000",
            "Genève", "Pérez", "https://x.vn/hoà_bình", "snake_case", "a@b.vn", "Київ",
            "\u{0301}", "\u{0323}", "=\u{0338}", "Ảnh: AFP", "TP.", "v.v.",
        ]).prop_map(str::to_owned),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn normalize_is_idempotent_nfc_and_keeps_letters(text in vietnamese_text()) {
        for style in STYLES {
            let normalizer = Normalizer::new().with_tone_style(style);
            let once = normalizer.normalize(&text);
            prop_assert!(is_nfc(&once));
            let twice = normalizer.normalize(&once);
            prop_assert_eq!(&twice, &once);
            prop_assert!(matches!(twice, Cow::Borrowed(_)));
            prop_assert_eq!(fold(&once), fold(&text));
            prop_assert_eq!(misplaced_marks(&once), 0);
            prop_assert_eq!(once.lines().count(), text.lines().count());
            let mut into = String::new();
            normalizer.normalize_into(&text, &mut into);
            prop_assert_eq!(&into, &once);
        }
        let old = Normalizer::new().with_tone_style(ToneStyle::Old);
        let new = Normalizer::new().with_tone_style(ToneStyle::New);
        let as_old = old.normalize(&text);
        let as_new = new.normalize(&as_old);
        prop_assert_eq!(old.normalize(&as_new), as_old.clone());
        let nfd = Normalizer::new().with_form(Form::Nfd).normalize(&text);
        prop_assert_eq!(normalize(&nfd), normalize(&text));
    }

    /// `vnuk process` takes ASCII word forms as normalized without asking: that must be so.
    #[test]
    fn ascii_is_normalized_as_it_is(
        text in prop_oneof!["[\\x00-\\x7F]{0,40}", "[a-zA-Z _.,'-]{0,40}", "(([nN]g|[qQ]u|[gG]i)?[aeiouyAEIOUY]{1,3}[cmnpt]?h? ?){0,8}"]
    ) {
        for style in STYLES {
            let normalizer = Normalizer::new().with_tone_style(style);
            prop_assert_eq!(normalizer.normalize(&text), text.as_str());
        }
        prop_assert_eq!(normalize(&text), text.as_str());
    }

    #[test]
    fn anything_goes_through_without_panic(text in any::<String>()) {
        let once = normalize(&text);
        prop_assert!(is_nfc(&once));
        prop_assert_eq!(normalize(&once), once.clone());
        prop_assert_eq!(fold(&once), fold(&text));
        let _ = syllable::parse(&text);
        let mut key = String::new();
        lexicon_key(&text, &mut key);
        let mut again = String::new();
        lexicon_key(&key, &mut again);
        prop_assert_eq!(&again, &key);
        for s in sentences(&text) {
            prop_assert!(s.span.get(&text).is_some());
        }
        let plain = unsegment(&text);
        prop_assert_eq!(plain.len(), text.len());
    }

    #[test]
    fn non_syllables_are_unchanged(word in "[a-zA-Zàáèéìíòóùúđ]{0,6}[fjwzçñëöüß][a-zàáèé]{0,4}") {
        let word: String = word.nfc().collect();
        for style in STYLES {
            let out = Normalizer::new().with_tone_style(style).normalize(&word);
            prop_assert!(matches!(out, Cow::Borrowed(_)), "{} -> {}", word, out);
        }
    }

    #[test]
    fn two_marks_are_not_a_syllable(i in 0..toned_syllables().len(), extra in 0..5usize) {
        let s = &toned_syllables()[i];
        let text = s.to_string();
        let marks = ['\u{0300}', '\u{0301}', '\u{0309}', '\u{0303}', '\u{0323}'];
        let doubled: String = format!("{text}{}", marks[extra]).nfc().collect();
        prop_assert!(!syllable::is_valid_syllable(&doubled));
        let out = normalize(&doubled);
        prop_assert_eq!(out.as_ref(), doubled.as_str());
    }
}
