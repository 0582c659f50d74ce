//! Vietnamese normalization, folding, unsegmenting and sentence splitting: no panic on any
//! input, output always valid UTF-8 and NFC, normalization idempotent.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vi_text::ToneStyle;
use vi_text::normalize::{Form, Normalizer};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for style in [ToneStyle::Keep, ToneStyle::Old, ToneStyle::New] {
        let normalizer = Normalizer::new().with_tone_style(style);
        let once = normalizer.normalize(&text);
        assert!(std::str::from_utf8(once.as_bytes()).is_ok());
        assert!(unicode_normalization::is_nfc(&once));
        assert_eq!(normalizer.normalize(&once), once);
        let nfd = normalizer.with_form(Form::Nfd).normalize(&text);
        assert!(unicode_normalization::is_nfd(&nfd));
    }
    let folded = vi_text::fold::fold(&text);
    assert!(std::str::from_utf8(folded.as_bytes()).is_ok());
    let plain = vi_text::compound::unsegment(&text);
    assert_eq!(plain.len(), text.len());
    for s in vi_text::sentence::sentences(&text) {
        assert!(s.span.get(&text).is_some());
    }
});
