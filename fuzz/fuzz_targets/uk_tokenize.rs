//! Fuzzes the Ukrainian tokenizer: on any UTF-8 input it must not panic, and its tokens must
//! cover the input exactly (in order, on character boundaries, only gap characters between).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut pos = 0;
    for token in uk_text::tokens(text) {
        assert!(token.span.start >= pos && token.span.end > token.span.start);
        let gap = text
            .get(pos..token.span.start)
            .expect("gap on char boundaries");
        assert!(gap.chars().all(uk_text::is_gap), "non-gap skipped: {gap:?}");
        assert!(token.span.get(text).is_some(), "token off a char boundary");
        pos = token.span.end;
    }
    let tail = text.get(pos..).expect("tail on a char boundary");
    assert!(tail.chars().all(uk_text::is_gap));
});
