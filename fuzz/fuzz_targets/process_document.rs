//! Fuzzes the per-document analysis of `vnuk process`: any bytes, as a document, give one
//! JSON line (an analysis or an error record, never a panic), and every token, sentence and
//! boilerplate span in it slices the document's text exactly as its `text` says.
//! Needs the compiled lexicons under the workspace's `data/build/` (built on first use).
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use std::sync::OnceLock;
use vnuk_cli::process::{Analyzer, OutputFormat, document_record, open_analyzer};

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        open_analyzer(&data).expect("the lexicons open")
    })
}

fuzz_target!(|data: &[u8]| {
    let lossy = data.first().is_some_and(|b| b & 1 == 1);
    let line = document_record(analyzer(), "fuzz", data.to_vec(), lossy, OutputFormat::Jsonl);
    assert!(line.ends_with('\n') && line.matches('\n').count() == 1, "one line");
    let record: Value = serde_json::from_str(&line).expect("the record is JSON");
    if record["status"] != "ok" {
        assert!(!record["errors"].as_array().expect("errors").is_empty());
        return;
    }
    let text = if lossy { String::from_utf8_lossy(data).into_owned() } else {
        String::from_utf8(data.to_vec()).expect("analysed documents are UTF-8")
    };
    let slice = |v: &Value| {
        let start = v["start"].as_u64().expect("start") as usize;
        let end = v["end"].as_u64().expect("end") as usize;
        text.get(start..end).expect("spans fall on character boundaries")
    };
    for sentence in record["sentences"].as_array().expect("sentences") {
        slice(sentence);
        for token in sentence["tokens"].as_array().expect("tokens") {
            assert_eq!(slice(token), token["text"].as_str().expect("text"));
        }
    }
    for mark in record["boilerplate"].as_array().expect("boilerplate") {
        assert_eq!(slice(mark), mark["text"].as_str().expect("text"));
    }
});
