//! End-to-end tests of `vnuk lookup` and `vnuk data`: first-use builds, determinism,
//! staleness, and clear errors (never a panic) on damaged lexicon files.
//!
//! The full Ukrainian build runs once per test binary, in a temporary data directory that
//! every test shares (see [`fixture`]).

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

/// Exit status of `vnuk lookup` when nothing matched.
const NOT_FOUND: i32 = 4;

fn vnuk() -> Command {
    Command::cargo_bin("vnuk").expect("the vnuk binary is built")
}

/// `vnuk --data-dir DIR ARGS…`, run to completion.
fn run(data_dir: &Path, args: &[&str]) -> Output {
    vnuk()
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("VNUK_DATA_DIR")
        .output()
        .expect("vnuk runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Stdout of a run that must succeed.
fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "vnuk failed ({:?}): {}",
        output.status.code(),
        text(&output.stderr)
    );
    text(&output.stdout)
}

/// The workspace's vendored sources.
fn workspace_sources() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sources")
}

/// Copies the source files the builds read into `data_dir/sources`.
fn copy_sources(data_dir: &Path) {
    for (dir, files) in [
        ("uk/hunspell-uk", &["uk_UA.aff", "uk_UA.dic"][..]),
        ("vi/pyvi", &["words.txt"][..]),
    ] {
        let to = data_dir.join("sources").join(dir);
        std::fs::create_dir_all(&to).expect("create sources dir");
        for file in files {
            std::fs::copy(workspace_sources().join(dir).join(file), to.join(file))
                .expect("copy a source file");
        }
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    data: PathBuf,
    /// Output of the first `vnuk lookup` on the fresh directory.
    first: Output,
}

/// A data directory holding only the sources, in which a first `vnuk lookup --lang uk` and
/// `--lang vi` build both lexicons (the fresh-clone path). Built once, shared by every test.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        copy_sources(&data);
        let first = run(&data, &["lookup", "--lang", "uk", "переговорів"]);
        ok(&run(&data, &["lookup", "--lang", "vi", "hoà bình"]));
        Fixture {
            _dir: dir,
            data,
            first,
        }
    })
}

fn artifact(data_dir: &Path, name: &str) -> PathBuf {
    data_dir.join("build").join(name)
}

#[test]
fn first_lookup_builds_the_missing_lexicon_then_answers() {
    let first = &fixture().first;
    assert_eq!(ok(first), "переговорів\tпереговори\tNOUN\n");
    let stderr = text(&first.stderr);
    assert!(stderr.contains("vnuk: building "), "{stderr}");
    assert!(stderr.contains("uk-forms.vnlx from "), "{stderr}");
    assert!(stderr.contains("(missing)"), "{stderr}");
    // Once built, nothing is rebuilt.
    let again = run(&fixture().data, &["lookup", "--lang", "uk", "переговорів"]);
    assert_eq!(ok(&again), "переговорів\tпереговори\tNOUN\n");
    assert_eq!(text(&again.stderr), "");
}

#[test]
fn lookup_uk_goes_through_the_key_function() {
    let data = &fixture().data;
    for (term, expected) in [
        ("Києва", "києва\tКиїв\tPROPN\n"),
        ("ПЕРЕГОВОРІВ", "переговорів\tпереговори\tNOUN\n"),
        ("м’ясо", "м'ясо\tм'ясо\tNOUN\n"),
        ("мʼясом", "м'ясом\tм'ясо\tNOUN\n"),
        ("Украї\u{301}ною", "україною\tУкраїна\tPROPN\n"),
    ] {
        assert_eq!(
            ok(&run(data, &["lookup", "--lang", "uk", term])),
            expected,
            "{term}"
        );
    }
    // Closed-class words come first, with their paradigm's lemma.
    let out = ok(&run(data, &["lookup", "--lang", "uk", "мене"]));
    assert_eq!(out.lines().next(), Some("мене\tя\tPRON"), "{out}");
    let out = ok(&run(data, &["lookup", "--lang", "uk", "був"]));
    assert_eq!(out.lines().next(), Some("був\tбути\tAUX"), "{out}");
}

#[test]
fn lookup_vi_goes_through_the_key_function() {
    let data = &fixture().data;
    for term in ["hoà bình", "Hòa Bình", "hòa_bình"] {
        let out = ok(&run(data, &["lookup", "--lang", "vi", term]));
        assert_eq!(out, "hòa bình\t2\t1\tpyvi,lowercase\n", "{term}");
    }
    let out = ok(&run(data, &["lookup", "--lang", "vi", "AIDS"]));
    assert!(
        out.starts_with("aids\t1\t1\tpyvi,capitalised,all-caps"),
        "{out}"
    );
}

#[test]
fn prefix_regex_and_fuzzy_queries() {
    let data = &fixture().data;
    let out = run(
        data,
        &["lookup", "--lang", "vi", "--prefix", "hòa", "--limit", "3"],
    );
    assert_eq!(ok(&out).lines().count(), 3);
    assert!(ok(&out).lines().all(|l| l.starts_with("hòa")));
    assert!(text(&out.stderr).contains("more than 3 matches"));

    let out = ok(&run(
        data,
        &["lookup", "--lang", "uk", "--regex", "переговор(и|ів)"],
    ));
    let forms: Vec<&str> = out.lines().filter_map(|l| l.split('\t').next()).collect();
    assert!(
        forms
            .iter()
            .all(|f| *f == "переговори" || *f == "переговорів"),
        "{out}"
    );
    assert!(out.contains("переговори\tпереговори\tNOUN\n"), "{out}");
    assert!(out.contains("переговорів\tпереговори\tNOUN\n"), "{out}");

    let out = ok(&run(
        data,
        &["lookup", "--lang", "vi", "--fuzzy", "1", "hoa"],
    ));
    let words: Vec<&str> = out.lines().filter_map(|l| l.split('\t').next()).collect();
    assert!(words.contains(&"hòa") && words.contains(&"hoa"), "{out}");

    // Cyrillic keys too (fst's own Levenshtein automaton misses these).
    let out = ok(&run(
        data,
        &["lookup", "--lang", "uk", "--fuzzy", "1", "переговрів"],
    ));
    assert!(out.contains("переговорів\tпереговори\tNOUN\n"), "{out}");
    let out = ok(&run(
        data,
        &["lookup", "--lang", "uk", "--fuzzy", "1", "київ"],
    ));
    assert!(out.contains("київ\tКиїв\tPROPN\n"), "{out}");
    let out = run(data, &["lookup", "--lang", "uk", "--fuzzy", "9", "київ"]);
    assert_eq!(out.status.code(), Some(1));

    let out = run(data, &["lookup", "--lang", "uk", "--regex", "("]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("regex"));
}

#[test]
fn not_found_exits_4() {
    let data = &fixture().data;
    for lang in ["uk", "vi"] {
        let out = run(data, &["lookup", "--lang", lang, "qzxqzxq"]);
        assert_eq!(out.status.code(), Some(NOT_FOUND), "{lang}");
        assert_eq!(text(&out.stdout), "");
        assert!(text(&out.stderr).contains("no entry for \"qzxqzxq\""));
    }
    let out = run(data, &["lookup", "--lang", "ru", "слово"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn two_builds_are_byte_identical() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_sources(dir.path());
    let out = ok(&run(dir.path(), &["data", "build", "--force"]));
    assert!(out.contains("built "), "{out}");
    for name in ["uk-forms.vnlx", "vi-words.vnlx"] {
        let a = std::fs::read(artifact(&fixture().data, name)).expect("read");
        let b = std::fs::read(artifact(dir.path(), name)).expect("read");
        assert!(a == b, "{name} differs between two builds");
    }
}

#[test]
fn info_and_verify_on_good_artifacts() {
    let data = &fixture().data;
    let out = ok(&run(data, &["data", "info"]));
    assert_eq!(out.matches("status: fresh").count(), 2, "{out}");
    assert!(out.contains("uk-forms.vnlx") && out.contains("vi-words.vnlx"));
    assert!(out.contains("bytes/key"));
    let out = ok(&run(data, &["data", "verify"]));
    assert_eq!(out.matches(": ok (").count(), 2, "{out}");
    let path = artifact(data, "uk-forms.vnlx");
    let out = ok(&vnuk()
        .args(["data", "verify"])
        .arg(&path)
        .output()
        .expect("runs"));
    assert!(out.contains("ok (morph lexicon"), "{out}");
}

#[test]
fn verify_reports_missing_artifacts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(dir.path(), &["data", "verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("vi-words.vnlx: missing"));
}

#[test]
fn stale_artifact_is_rebuilt() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    copy_sources(data);
    std::fs::create_dir_all(data.join("build")).expect("build dir");
    std::fs::copy(
        artifact(&fixture().data, "vi-words.vnlx"),
        artifact(data, "vi-words.vnlx"),
    )
    .expect("copy artifact");
    let words = data.join("sources/vi/pyvi/words.txt");
    let mut list = std::fs::read_to_string(&words).expect("read words");
    list.push_str("\nxâm nhập thử nghiệm\n");
    std::fs::write(&words, list).expect("write words");

    let info = ok(&run(data, &["data", "info"]));
    assert!(info.contains("status: stale"), "{info}");
    let out = run(data, &["lookup", "--lang", "vi", "xâm nhập thử nghiệm"]);
    assert_eq!(ok(&out), "xâm nhập thử nghiệm\t4\t1\tpyvi,lowercase\n");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("vi-words.vnlx from ") && stderr.contains("(stale"),
        "{stderr}"
    );
    let info = ok(&run(data, &["data", "info"]));
    assert!(info.contains("status: fresh"), "{info}");
}

/// A good Vietnamese artifact's bytes, damaged by `damage`.
fn damaged(damage: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut bytes = std::fs::read(artifact(&fixture().data, "vi-words.vnlx")).expect("read");
    damage(&mut bytes);
    bytes
}

/// Checks that a damaged file gives a clear error, exit 1 and no panic, both through
/// `vnuk data verify PATH` and through `vnuk lookup` on a data directory holding only it.
fn assert_rejected(bytes: Vec<u8>, expected: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = artifact(dir.path(), "vi-words.vnlx");
    std::fs::create_dir_all(dir.path().join("build")).expect("build dir");
    std::fs::write(&path, bytes).expect("write");

    let out = vnuk()
        .args(["data", "verify"])
        .arg(&path)
        .output()
        .expect("runs");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&path.display().to_string()), "{stderr}");
    assert!(
        stderr.contains(expected),
        "expected {expected:?} in {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");

    let out = run(dir.path(), &["lookup", "--lang", "vi", "nhà"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("vi-words.vnlx"), "{stderr}");
    assert!(
        stderr.contains(expected),
        "expected {expected:?} in {stderr}"
    );
    assert!(stderr.contains("cannot be built"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn corrupt_file_is_rejected() {
    let bytes = damaged(|b| {
        let middle = b.len() / 2;
        b[middle] ^= 0x5A;
    });
    assert_rejected(bytes, "checksum");
}

#[test]
fn truncated_file_is_rejected() {
    let bytes = damaged(|b| b.truncate(b.len() / 2));
    assert_rejected(bytes, "truncated");
}

#[test]
fn wrong_magic_is_rejected() {
    let bytes = damaged(|b| b[..8].copy_from_slice(b"NOTVNUK\0"));
    assert_rejected(bytes, "not a vnuk lexicon");
}

#[test]
fn wrong_version_is_rejected() {
    let bytes = damaged(|b| b[8..12].copy_from_slice(&99u32.to_le_bytes()));
    assert_rejected(bytes, "unsupported lexicon format version 99");
}

#[test]
fn empty_file_is_rejected() {
    assert_rejected(Vec::new(), "truncated");
}
