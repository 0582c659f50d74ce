//! Fuzzes the Hunspell reader: any bytes, split at the first NUL into an affix file and a
//! dictionary, must parse or fail with an error naming a line of the file (never panic), and
//! expansion must finish; the lexicon key of every generated form is a fixed point.
#![no_main]

use libfuzzer_sys::fuzz_target;
use uk_text::hunspell::{AffixFile, Dictionary, Expander};
use uk_text::lexicon::form_key;

fuzz_target!(|data: &[u8]| {
    let (aff_bytes, dic_bytes) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &b"1\nx/A\n"[..]),
    };
    let aff = match AffixFile::parse(aff_bytes, "f.aff") {
        Ok(aff) => aff,
        Err(error) => {
            let lines = aff_bytes.split(|&b| b == b'\n').count();
            assert!(error.line <= lines, "{error} beyond {lines} lines");
            assert!(error.to_string().starts_with("f.aff:"));
            return;
        }
    };
    let dic = match Dictionary::parse(dic_bytes, "f.dic", &aff) {
        Ok(dic) => dic,
        Err(error) => {
            assert!(error.to_string().starts_with("f.dic:"));
            return;
        }
    };
    let mut expander = Expander::new(&aff);
    let (mut key, mut again) = (String::new(), String::new());
    let mut count = 0usize;
    for entry in dic.entries() {
        expander.expand(&entry.word, &entry.flags, &mut |form, _| {
            count += 1;
            if count < 10_000 {
                form_key(form, &mut key);
                form_key(&key, &mut again);
                assert_eq!(key, again, "form_key is not idempotent on {form:?}");
            }
        });
    }
});
