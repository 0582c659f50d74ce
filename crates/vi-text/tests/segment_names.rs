//! Names: foreign names are one word and stay apart from the Vietnamese words around them; a
//! country or a place before a person's name is a word of its own.

mod segment_common;

use segment_common::segmenter;
use vi_text::segment::SegmentOptions;

fn segment(text: &str) -> String {
    format!(
        " {} ",
        segmenter().segment_to_string(text, SegmentOptions::default())
    )
}

#[test]
fn foreign_names_are_joined_and_kept_apart() {
    let out = segment(
        "Tổng thống Nga Vladimir Putin điện đàm với Tổng thống Azerbaijan Ilham Aliyev và \
         Ngoại trưởng Pháp Jean-Yves Le Drian; tờ New York Times đưa tin.",
    );
    for expected in [
        " Nga Vladimir_Putin ",
        " Azerbaijan Ilham_Aliyev ",
        " Pháp Jean-Yves_Le_Drian ",
        " New_York_Times ",
    ] {
        assert!(out.contains(expected), "{expected:?} missing from {out}");
    }
}

#[test]
fn foreign_words_are_not_glued_to_vietnamese_ones() {
    let out = segment("Họ gây áp lực buộc Azerbaijan chấm dứt phong tỏa; Azerbaijan tiến hành.");
    assert!(out.contains(" buộc Azerbaijan "), "{out}");
    assert!(out.contains(" Azerbaijan tiến_hành "), "{out}");
    let out = segment("Tổng thống Nga Putin gặp Thủ tướng Anh Johnson.");
    assert!(out.contains(" Nga Putin "), "{out}");
    assert!(out.contains(" Anh Johnson "), "{out}");
}

#[test]
fn places_and_people_are_told_apart() {
    let out =
        segment("Chủ tịch UBND TP Hà Nội Trần Sỹ Thanh gặp Chủ tịch Trung Quốc Tập Cận Bình.");
    assert!(out.contains(" Hà_Nội Trần_Sỹ_Thanh "), "{out}");
    assert!(out.contains(" Trung_Quốc Tập_Cận_Bình "), "{out}");
    // Country names that are also given names stay inside a person's name.
    let out = segment("Ông Nguyễn Anh Tuấn và bà Nguyễn Thị Lan Anh.");
    assert!(out.contains(" Nguyễn_Anh_Tuấn "), "{out}");
    assert!(out.contains(" Nguyễn_Thị_Lan_Anh "), "{out}");
}

#[test]
fn other_scripts_are_never_joined() {
    let out = segment("Представники США та росії провели переговори");
    assert!(!out.contains('_'), "{out}");
}
