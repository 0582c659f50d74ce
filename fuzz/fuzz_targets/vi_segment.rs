//! Vietnamese word segmentation: no panic on any input, in any mode, and the output keeps
//! the input's atoms in order with spans that cover every non-space byte once. Also feeds the
//! bytes to the model reader and the user-dictionary parser, which must reject, not panic.

#![no_main]

use std::sync::OnceLock;

use index::{WordEntry, WordLexicon, WordLexiconBuilder};
use libfuzzer_sys::fuzz_target;
use vi_text::segment::{SegmentModel, SegmentOptions, Segmentation, Segmenter, UserDict};
use vi_text::tokenize::pretokenize;

fn segmenter() -> &'static Segmenter {
    static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
    SEGMENTER.get_or_init(|| {
        let model = SegmentModel::from_bytes(
            include_bytes!("../../data/models/vi-segment.vnsm").to_vec(),
        )
        .expect("committed model");
        let mut keys: Vec<String> = include_str!("../../data/sources/vi/pyvi/words.txt")
            .lines()
            .map(|line| {
                let mut key = String::new();
                vi_text::key::lexicon_key(line, &mut key);
                key
            })
            .filter(|key| !key.is_empty())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let mut builder = WordLexiconBuilder::new(0);
        for key in &keys {
            builder.insert(key.as_bytes(), WordEntry::default()).expect("sorted keys");
        }
        let words = WordLexicon::from_bytes(builder.finish_to_vec().expect("lexicon"))
            .expect("lexicon");
        Segmenter::new(model, Some(words))
    })
}

fuzz_target!(|data: &[u8]| {
    let _ = SegmentModel::from_bytes(data.to_vec());
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let _ = UserDict::parse(&text);
    let options = SegmentOptions {
        pretokenized: mode & 1 != 0,
        keep_existing: mode & 2 != 0,
    };
    let mut out = Segmentation::default();
    segmenter().segment(&text, options, &mut out);
    let mut pos = 0;
    for token in out.tokens() {
        assert!(token.span.start >= pos && token.span.end > token.span.start);
        assert!(token.span.get(&text).is_some());
        assert!(text[pos..token.span.start].chars().all(|c| c.is_whitespace() || c == '_'));
        pos = token.span.end;
    }
    assert!(text[pos..].chars().all(|c| c.is_whitespace() || c == '_'));
    if !options.pretokenized {
        let mut expected = Vec::new();
        pretokenize(&text, &mut expected);
        let atoms: Vec<_> = out.tokens().iter().flat_map(|t| out.atoms(t).to_vec()).collect();
        assert!(atoms.iter().eq(expected.iter().map(|t| &t.span)));
    }
    let mut line = String::new();
    out.write_text(&text, &mut line);
});
