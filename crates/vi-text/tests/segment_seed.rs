//! Re-segmenting the raw text of seed 001 (a news article segmented by another tool, with
//! mistakes) fixes its mistakes (skipped when ../shared is absent).

mod segment_common;

use segment_common::{segmenter, shared};
use vi_text::segment::SegmentOptions;

#[test]
fn seed_001_mistakes_are_fixed() {
    let Some(shared) = shared() else { return };
    let seeds = shared.join("seeds");
    let Some(path) = std::fs::read_dir(&seeds)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("001_"))
        })
    else {
        println!("skipping: seed 001 is absent");
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap();
    // The seed's own (wrong) segmentation.
    for mistake in ["buộc_Azerbaijan", "hòa bình_Nga", "lý_do_đó"] {
        assert!(
            text.contains(mistake),
            "the seed no longer shows {mistake:?}"
        );
    }
    // Its underscores are undone and the text segmented anew.
    let out = segmenter().segment_to_string(&text, SegmentOptions::default());
    let padded = format!(" {out} ");
    for wrong in [
        "buộc_Azerbaijan",
        "bình_Nga",
        "lý_do_đó",
        "Quan_chức_Mỹ",
        "Mỹ_giấu",
    ] {
        assert!(!padded.contains(wrong), "{wrong:?} in {out}");
    }
    for right in [
        " buộc Azerbaijan ",
        " gìn_giữ hòa_bình Nga ",
        " lý_do đó ",
        " Thổ_Nhĩ_Kỳ ",
        " Điện_Kremlin ",
        " Nagorno-Karabakh ",
        " 17/9 ",
        " 1/1/2024 ",
        " 100.000 ",
    ] {
        assert!(padded.contains(right), "{right:?} missing from {out}");
    }
    // Keeping the seed's underscores keeps its segmentation, mistakes included.
    let kept = segmenter().segment_to_string(
        &text,
        SegmentOptions {
            keep_existing: true,
            ..SegmentOptions::default()
        },
    );
    assert!(kept.contains("buộc_Azerbaijan"));
    assert!(kept.contains(" lý_do_đó "));
}
