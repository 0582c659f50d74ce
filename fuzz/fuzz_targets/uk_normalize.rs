//! Fuzzes the Ukrainian normalizer: on any UTF-8 input it must not panic, normalizing twice
//! must change nothing more (with and without lower-casing), and every reported repair must lie
//! on the input's character boundaries, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use uk_text::Normalizer;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let apostrophe = ['\'', '’', 'ʼ'][usize::from(mode % 3)];
    let normalizer = Normalizer::default()
        .with_lowercase(mode & 4 != 0)
        .with_apostrophe(apostrophe)
        .expect("an apostrophe");
    let mut report = Vec::new();
    let once = normalizer
        .normalize_with_report(text, &mut report)
        .into_owned();
    let twice = normalizer.normalize(&once);
    assert_eq!(once, twice, "not idempotent on {text:?}");
    let mut last = 0;
    for repair in &report {
        assert!(repair.span.get(text).is_some(), "repair off the input");
        assert!(repair.span.start >= last, "repairs out of order");
        last = repair.span.start;
    }
    let _ = uk_text::translit(text);
    let _ = uk_text::detect(text);
});
