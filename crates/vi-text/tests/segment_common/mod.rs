//! Helpers shared by the segmentation tests.
#![allow(dead_code)]

use index::WordLexicon;
use std::path::{Path, PathBuf};

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared` beside the workspace, or `None` after printing the skip message.
pub fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipping: ../shared is absent");
        None
    }
}

/// The UD-VTB split `name` (train, dev, test).
pub fn vtb(shared: &Path, name: &str) -> PathBuf {
    shared.join(format!("eval/vi/ud-vtb/vi_vtb-ud-{name}.conllu"))
}

/// The word lexicon built from the vendored pyvi word list by `vi_text::lexicon::build` (the
/// same bytes as `data/build/vi-words.vnlx`).
pub fn words() -> WordLexicon {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("vi-words.vnlx");
    vi_text::lexicon::build(&workspace().join("data/sources/vi/pyvi"), &path)
        .expect("lexicon build");
    WordLexicon::open_verified(&path).expect("lexicon")
}

/// The segmenter of the committed model and the vendored word list, built once.
pub fn segmenter() -> &'static vi_text::segment::Segmenter {
    use std::sync::OnceLock;
    use vi_text::segment::{MODEL_FILE_NAME, SegmentModel, Segmenter};
    static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
    SEGMENTER.get_or_init(|| {
        let model = SegmentModel::open(workspace().join("data/models").join(MODEL_FILE_NAME))
            .expect("committed model");
        Segmenter::new(model, Some(words()))
    })
}
