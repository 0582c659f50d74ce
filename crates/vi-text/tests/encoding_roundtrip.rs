//! decode(encode(x)) == x for every Vietnamese syllable in every encoding, and decoding never
//! panics or loses bytes silently.

mod encoding_common;

use encoding_common::{LEGACY, syllable_forms};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vi_text::encoding::{Encoding, decode, decode_lossy, detect, encode};

#[test]
fn every_syllable_round_trips_in_every_encoding() {
    let forms = syllable_forms();
    assert!(forms.len() > 40_000, "only {} forms", forms.len());
    for encoding in Encoding::ALL {
        for form in &forms {
            let bytes = encode(form, encoding).unwrap_or_else(|e| panic!("{form}: {e}"));
            let back = decode(&bytes, encoding).unwrap_or_else(|e| panic!("{form}: {e}"));
            assert_eq!(&back, form, "{encoding}: {bytes:02X?}");
        }
    }
}

#[test]
fn every_letter_has_a_distinct_spelling() {
    // Two letters written the same way could not both round-trip in running text.
    let letters: Vec<char> =
        "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
            .chars()
            .collect();
    for encoding in LEGACY {
        let mut seen = std::collections::HashMap::new();
        for &c in &letters {
            for c in [c, c.to_uppercase().next().unwrap()] {
                let bytes = encode(&c.to_string(), encoding).unwrap();
                if let Some(other) = seen.insert(bytes.clone(), c) {
                    panic!("{encoding}: {c} and {other} are both {bytes:02X?}");
                }
            }
        }
    }
}

#[test]
fn running_text_round_trips() {
    // Syllables separated by punctuation, including VIQR's mnemonic characters, so that the
    // VIQR escapes are exercised in every position.
    let separators = [
        " ", ". ", "? ", "'", "(", ")", "\n", "^", "+", "~", "`", "\\", "d", "D", "",
    ];
    let mut text = String::new();
    for (k, form) in syllable_forms().iter().enumerate() {
        text.push_str(form);
        text.push_str(separators[k % separators.len()]);
    }
    for encoding in Encoding::ALL {
        let bytes = encode(&text, encoding).unwrap();
        assert_eq!(decode(&bytes, encoding).unwrap(), text, "{encoding}");
    }
}

#[test]
fn every_short_byte_string_decodes_consistently() {
    let mut pair = [0u8; 2];
    for encoding in Encoding::ALL {
        for first in 0..=255u8 {
            for second in 0..=255u8 {
                pair = [first, second];
                check_bytes(&pair, encoding);
            }
        }
    }
    assert_eq!(pair, [255, 255]);
}

#[test]
fn visciis_chart_is_a_bijection() {
    let all: Vec<u8> = (0..=255).collect();
    let text = decode(&all, Encoding::Viscii).unwrap();
    assert_eq!(text.chars().count(), 256);
    assert_eq!(encode(&text, Encoding::Viscii).unwrap(), all);
}

/// Lossy and strict decoding agree; clean text re-encodes to the same text.
fn check_bytes(bytes: &[u8], encoding: Encoding) {
    let (text, errors) = decode_lossy(bytes, encoding);
    let mut last_end = 0;
    for error in &errors {
        assert!(error.offset >= last_end && error.offset + error.len <= bytes.len());
        assert_eq!(error.byte, bytes[error.offset]);
        last_end = error.offset + error.len;
    }
    match decode(bytes, encoding) {
        Ok(strict) => {
            assert!(errors.is_empty(), "{encoding} {bytes:02X?}");
            assert_eq!(strict, text);
            let again = encode(&text, encoding)
                .unwrap_or_else(|e| panic!("{encoding} {bytes:02X?} -> {text:?}: {e}"));
            assert_eq!(
                decode(&again, encoding).unwrap(),
                text,
                "{encoding} {bytes:02X?}"
            );
        }
        Err(error) => assert_eq!(Some(&error), errors.first(), "{encoding} {bytes:02X?}"),
    }
}

/// Letters, digits, punctuation (VIQR's mnemonic characters and the backslash among them) and a
/// few symbols every encoding has.
fn text_strategy() -> impl Strategy<Value = String> {
    let pool: Vec<char> =
        "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ\
         AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ\
         bcdghklmnpqrstvxDGNT0123456789 .,;:!?'`~^+()\\-\n\""
            .chars()
            .collect();
    prop::collection::vec(prop::sample::select(pool), 0..64)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #[test]
    fn vietnamese_text_round_trips(text in text_strategy()) {
        for encoding in Encoding::ALL {
            let bytes = encode(&text, encoding).unwrap();
            prop_assert_eq!(decode(&bytes, encoding).unwrap(), text.clone(), "{}", encoding);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        for encoding in Encoding::ALL {
            check_bytes(&bytes, encoding);
        }
        let guess = detect(&bytes);
        prop_assert!((0.0..=1.0).contains(&guess.confidence));
    }

    #[test]
    fn legacy_like_bytes_never_panic(
        bytes in prop::collection::vec(
            prop_oneof![Just(b'a'), Just(b'o'), Just(b'u'), Just(b'd'), Just(b'\\'), Just(b'^'),
                        Just(b'.'), Just(b' '), 0xA0..=0xFFu8],
            0..64,
        )
    ) {
        for encoding in Encoding::ALL {
            check_bytes(&bytes, encoding);
        }
        let _ = detect(&bytes);
    }
}

proptest! {
    #[test]
    fn any_encodable_characters_round_trip(
        text in prop::collection::vec(
            prop_oneof![
                any::<char>(),
                (0x01u32..0x300).prop_filter_map("a char", char::from_u32),
                (0x1EA0u32..0x1EFA).prop_filter_map("a char", char::from_u32),
                (0x2010u32..0x2130).prop_filter_map("a char", char::from_u32),
            ],
            0..40,
        )
        .prop_map(|chars| chars.into_iter().collect::<String>())
    ) {
        prop_assume!(!text.chars().any(|c| ('\u{300}'..='\u{36F}').contains(&c)));
        for encoding in Encoding::ALL {
            // The characters the encoding has, in order: together they encode and come back.
            let mut buf = [0u8; 4];
            let encodable: String = text
                .chars()
                .filter(|c| encode(c.encode_utf8(&mut buf), encoding).is_ok())
                .collect();
            let bytes = encode(&encodable, encoding).unwrap();
            // Decoding gives NFC (Å U+212B comes back as Å U+00C5); UTF-8 passes through.
            let expected: String = if encoding == Encoding::Utf8 {
                encodable
            } else {
                encodable.nfc().collect()
            };
            prop_assert_eq!(decode(&bytes, encoding).unwrap(), expected, "{}", encoding);
        }
    }
}
