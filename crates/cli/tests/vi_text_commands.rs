//! The Vietnamese text commands: normalize, fold, unsegment, clean, sentences.

use assert_cmd::Command;
use std::io::Write;

fn vnuk() -> Command {
    Command::cargo_bin("vnuk").unwrap_or_else(|e| panic!("vnuk binary: {e}"))
}

fn stdout_of(args: &[&str], input: &str) -> String {
    let out = vnuk().args(args).write_stdin(input).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn normalize_keeps_lines_and_styles() {
    let input = "Anh noí naỳ\n\nhoà hòa\r\nthủy";
    assert_eq!(
        stdout_of(&["normalize", "--lang", "vi"], input),
        "Anh nói này\n\nhoà hòa\r\nthủy"
    );
    assert_eq!(
        stdout_of(&["normalize", "--tone-style", "new"], input),
        "Anh nói này\n\nhoà hoà\r\nthuỷ"
    );
    assert_eq!(
        stdout_of(&["normalize", "--tone-style", "old", "--nfd"], "hoà"),
        "ho\u{0300}a"
    );
}

#[test]
fn normalize_reads_files_in_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "noí\n").expect("write");
    std::fs::write(&b, "naỳ\n").expect("write");
    let out = vnuk()
        .arg("normalize")
        .arg(&a)
        .arg(&b)
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "nói\nnày\n");
}

#[test]
fn invalid_utf8_names_the_file_and_offset() {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(b"hoa\n\xC3(").expect("write");
    let out = vnuk()
        .arg("normalize")
        .arg(file.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("invalid UTF-8 at byte offset 4"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&file.path().display().to_string()),
        "{stderr}"
    );
    let out = vnuk()
        .arg("fold")
        .write_stdin(&b"\xFF"[..])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("<stdin>: invalid UTF-8 at byte offset 0")
    );
}

#[test]
fn fold_unsegment_clean_sentences() {
    assert_eq!(stdout_of(&["fold"], "Đường Hà Nội\n"), "Duong Ha Noi\n");
    assert_eq!(
        stdout_of(&["unsegment"], "Thổ_Nhĩ_Kỳ, max_words\n"),
        "Thổ Nhĩ Kỳ, max_words\n"
    );
    assert_eq!(
        stdout_of(
            &["clean", "--preset", "lm", "--max-words", "3"],
            "Ngày 17/9, Nagorno-Karabakh im tiếng. Cảnh sát. Ảnh: AFP Ông noí."
        ),
        "ngày nagornokarabakh im\nông nói\n"
    );
    assert_eq!(
        stdout_of(&["sentences"], "Ở TP. Hồ Chí Minh. Hết!"),
        "Ở TP. Hồ Chí Minh.\nHết!\n"
    );
    assert_eq!(
        stdout_of(&["sentences", "--spans"], "A b. Ảnh: AFP"),
        "0\t4\tcaption\tA b.\n5\t15\tcredit\tẢnh: AFP\n"
    );
}
