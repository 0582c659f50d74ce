//! The Vietnamese syllable parser and lexicon key: no panic on any input, and every parsed
//! syllable writes back as valid UTF-8 that parses again to the same syllable.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vi_text::ToneStyle;
use vi_text::syllable;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(s) = syllable::parse(&text) {
        for style in [ToneStyle::Keep, ToneStyle::Old, ToneStyle::New] {
            let written = s.to_style(style);
            assert!(std::str::from_utf8(written.as_bytes()).is_ok());
            let again = syllable::parse(&written).expect("a written syllable parses");
            assert_eq!(again.to_style(style), written);
            assert_eq!(again.tone(), s.tone());
        }
    }
    let mut key = String::new();
    vi_text::key::lexicon_key(&text, &mut key);
    assert!(std::str::from_utf8(key.as_bytes()).is_ok());
});
