//! End-to-end tests of `vnuk segment` and `vnuk eval segment`, in a temporary data directory
//! holding the vendored word list and the committed model (the lexicon is built on first
//! use).

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

fn workspace_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

/// A data directory shared by the tests of this binary: `sources/vi/pyvi/words.txt` and
/// `models/vi-segment.vnsm`, copied from the workspace.
fn data_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary directory");
        for file in ["sources/vi/pyvi/words.txt", "models/vi-segment.vnsm"] {
            let to = dir.path().join(file);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(workspace_data().join(file), &to).expect("copy a data file");
        }
        // Build the lexicon once, before tests run in parallel.
        let output = run(dir.path(), &["segment"], "khởi động\n");
        assert!(output.status.success(), "{}", text(&output.stderr));
        dir
    })
    .path()
}

fn run(data_dir: &Path, args: &[&str], stdin: &str) -> Output {
    Command::cargo_bin("vnuk")
        .expect("the vnuk binary is built")
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("VNUK_DATA_DIR")
        .write_stdin(stdin)
        .output()
        .expect("vnuk runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Stdout of a run that must succeed.
fn ok(args: &[&str], stdin: &str) -> String {
    let output = run(data_dir(), args, stdin);
    assert!(
        output.status.success(),
        "vnuk {args:?} failed ({:?}): {}",
        output.status.code(),
        text(&output.stderr)
    );
    text(&output.stdout)
}

#[test]
fn segments_line_for_line() {
    let out = ok(
        &["segment"],
        "Cuộc họp bí mật diễn ra ngày 17/9 tại Istanbul, Thổ Nhĩ Kỳ.\n\nGiá 100.000 đồng\n",
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].contains(" bí_mật "), "{out}");
    assert!(lines[0].contains(" 17/9 "), "{out}");
    assert!(lines[0].ends_with("Istanbul , Thổ_Nhĩ_Kỳ ."), "{out}");
    assert_eq!(lines[1], "");
    assert!(lines[2].contains(" 100.000 "), "{out}");
}

#[test]
fn undoes_or_keeps_existing_underscores() {
    let input = "lực lượng gìn_giữ hòa bình_Nga\n";
    let out = ok(&["segment"], input);
    assert!(out.contains("hòa_bình Nga"), "{out}");
    let kept = ok(&["segment", "--keep-existing"], input);
    assert_eq!(kept, "lực lượng gìn_giữ hòa bình_Nga\n");
}

#[test]
fn jsonl_gives_spans_into_the_input() {
    let input = "ab\nHòa  bình, Nga\n";
    let out = ok(&["segment", "--format", "jsonl"], input);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with("{\"line\":1,\"tokens\":[{\"text\":\"ab\""),
        "{out}"
    );
    // "Hòa  bình" starts at byte 3 of the input and ends at byte 3 + 11.
    let start = input.find("Hòa").unwrap();
    let end = input.find(',').unwrap();
    let expected = format!(
        "{{\"text\":\"Hòa_bình\",\"kind\":\"compound\",\"start\":{start},\"end\":{end},\"syllables\":2}}"
    );
    assert!(lines[1].contains(&expected), "{out}");
    assert!(lines[1].contains("\"kind\":\"punct\""), "{out}");
}

#[test]
fn pretokenized_atoms_are_kept() {
    let out = ok(&["segment", "--pretokenized"], "TP. HCM bí_mật quốc gia\n");
    assert!(out.contains("bí_mật"), "{out}");
    for token in out.split_whitespace() {
        assert!(!token.is_empty());
    }
    // Every input chunk is inside one output token.
    let joined: Vec<String> = out
        .split_whitespace()
        .map(|t| t.replace('_', " "))
        .collect();
    for chunk in ["TP.", "HCM", "quốc", "gia"] {
        assert!(
            joined.iter().any(|t| t.split(' ').any(|p| p == chunk)),
            "{out}"
        );
    }
}

#[test]
fn user_dictionary_words_are_kept_whole() {
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("user.txt");
    std::fs::write(&dict, "# extra words\nxyz abc\nquỹ_đầu_tư mạo_hiểm\n").unwrap();
    let dict = dict.to_str().unwrap();
    let input = "xyz abc và quỹ đầu tư mạo hiểm\n";
    let plain = ok(&["segment"], input);
    assert!(!plain.contains("xyz_abc"), "{plain}");
    let out = ok(&["segment", "--user-dict", dict], input);
    assert_eq!(out, "xyz_abc và quỹ_đầu_tư_mạo_hiểm\n");
}

#[test]
fn evaluates_against_conllu() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.conllu");
    std::fs::write(
        &gold,
        "# text = Hiện nay xã có 68 tổ .\n1\tHiện nay\t_\n2\txã\t_\n3\tcó\t_\n4\t68\t_\n5\ttổ\t_\n6\t.\t_\n\n\
         1\tNhà nước\t_\n2\tgìn giữ\t_\n3\thòa bình\t_\n",
    )
    .unwrap();
    for style in ["keep", "new"] {
        let out = ok(
            &[
                "eval",
                "segment",
                "--tone-style",
                style,
                gold.to_str().unwrap(),
            ],
            "",
        );
        assert!(out.contains("2 sentences, 9 gold words"), "{out}");
        let row = out
            .lines()
            .find(|l| l.starts_with("vnuk"))
            .expect("a vnuk row");
        let numbers: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(numbers[numbers.len() - 1], "9", "{row}");
        assert!(out.lines().any(|l| l.starts_with("longest match")), "{out}");
    }
}

#[test]
fn missing_model_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(dir.path(), &["segment"], "a\n");
    assert_eq!(output.status.code(), Some(1));
    let err = text(&output.stderr);
    assert!(err.contains("vi-segment.vnsm"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
