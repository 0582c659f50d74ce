//! Fuzzes the Vietnamese legacy encodings: on any bytes, decoding in every encoding must not
//! panic, strict and lossy decoding must agree (errors in order, inside the input), clean text
//! must re-encode to bytes that decode to it again, and detection must give a confidence in
//! [0, 1]. Valid UTF-8 input without combining marks must survive encode → decode unchanged in
//! every encoding that can encode it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vi_text::encoding::{Encoding, decode, decode_lossy, detect, encode};

fuzz_target!(|data: &[u8]| {
    for encoding in Encoding::ALL {
        let (text, errors) = decode_lossy(data, encoding);
        assert!(std::str::from_utf8(text.as_bytes()).is_ok());
        let mut end = 0;
        for error in &errors {
            assert!(error.offset >= end, "errors out of order");
            assert!(error.offset + error.len <= data.len(), "error past the input");
            end = error.offset + error.len;
        }
        match decode(data, encoding) {
            Ok(strict) => {
                assert!(errors.is_empty());
                assert_eq!(strict, text);
                let again = encode(&text, encoding).expect("decoded text re-encodes");
                assert_eq!(decode(&again, encoding).expect("re-decodes"), text);
            }
            Err(error) => assert_eq!(Some(&error), errors.first()),
        }
    }
    let guess = detect(data);
    assert!((0.0..=1.0).contains(&guess.confidence));

    if let Ok(text) = std::str::from_utf8(data) {
        if !text.chars().any(|c| ('\u{300}'..='\u{36F}').contains(&c)) {
            for encoding in Encoding::ALL {
                if let Ok(bytes) = encode(text, encoding) {
                    assert_eq!(decode(&bytes, encoding).as_deref(), Ok(text), "{encoding}");
                }
            }
        }
    }
});
