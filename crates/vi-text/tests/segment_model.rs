//! The committed segmentation model is what training gives today (skipped when ../shared is
//! absent).

mod segment_common;

use segment_common::{shared, vtb, words, workspace};
use vi_text::segment::train::{TrainConfig, train_conllu};
use vi_text::segment::{MODEL_FILE_NAME, SegmentModel};

#[test]
fn committed_model_is_fresh() {
    let Some(shared) = shared() else { return };
    let words = words();
    let (bytes, _) = train_conllu(
        &[&vtb(&shared, "train"), &vtb(&shared, "dev")],
        Some(&words),
        &TrainConfig::default(),
    )
    .unwrap();
    let path = workspace().join("data/models").join(MODEL_FILE_NAME);
    if std::env::var_os("VNUK_UPDATE_MODEL").is_some() {
        std::fs::write(&path, &bytes).unwrap();
    }
    let committed = std::fs::read(&path).unwrap();
    assert!(
        committed == bytes,
        "{} is stale: retrain it with `cargo xtask build-data`",
        path.display()
    );
    let model = SegmentModel::open(&path).unwrap();
    assert_eq!(model.lexicon_checksum(), words.lexicon().sources_checksum());
}
