//! End-to-end tests of `vnuk tokenize`, `vnuk translit` and `vnuk detect`.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn vnuk() -> Command {
    Command::cargo_bin("vnuk").expect("the vnuk binary is built")
}

fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().expect("vnuk runs");
    assert!(
        output.status.success(),
        "vnuk failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn shared_seed(prefix: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let entries = std::fs::read_dir(&dir).ok()?;
    entries.filter_map(Result::ok).map(|e| e.path()).find(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(prefix))
    })
}

#[test]
fn tokenize_text_keeps_lines() {
    let out = stdout_of(
        vnuk()
            .args(["tokenize", "--lang", "uk"])
            .write_stdin("Проф. Т. Г. Коваль: «1 000 грн»!\n\nсім’ї, т. зв. будь-що\n"),
    );
    assert_eq!(
        out,
        "Проф. Т. Г. Коваль : « 1 000 грн » !\n\nсім’ї , т. зв. будь-що\n"
    );
}

#[test]
fn tokenize_jsonl_has_spans_into_the_input() {
    let input = "Київ, 12:30\nwww.ukr.net 😀\n";
    let out = stdout_of(
        vnuk()
            .args(["tokenize", "--lang", "uk", "--format", "jsonl"])
            .write_stdin(input),
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0],
        r#"{"line":1,"tokens":[{"text":"Київ","kind":"word","start":0,"end":8},{"text":",","kind":"punct","start":8,"end":9},{"text":"12:30","kind":"date","start":10,"end":15}]}"#
    );
    assert_eq!(
        lines[1],
        r#"{"line":2,"tokens":[{"text":"www.ukr.net","kind":"url","start":16,"end":27},{"text":"😀","kind":"emoji","start":28,"end":32}]}"#
    );
    assert_eq!(&input[16..27], "www.ukr.net");
}

#[test]
fn tokenize_rejects_other_languages() {
    let output = vnuk()
        .args(["tokenize", "--lang", "ru"])
        .write_stdin("привет")
        .output()
        .expect("vnuk runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--lang ru is not supported"));
}

#[test]
fn invalid_utf8_names_file_and_offset() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.txt");
    std::fs::write(&path, b"\xd0\x9a\xd0\xb8\xff\xd1\x97\xd0\xb2").expect("write");
    for command in ["tokenize", "translit", "detect"] {
        let output = vnuk().arg(command).arg(&path).output().expect("vnuk runs");
        assert_eq!(output.status.code(), Some(1), "{command}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("bad.txt"), "{command}: {stderr}");
        assert!(
            stderr.contains("invalid UTF-8 at byte offset 4"),
            "{command}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{command}: {stderr}");
    }
}

#[test]
fn missing_file_is_an_error_not_a_panic() {
    let output = vnuk()
        .args(["detect", "/nonexistent/file.txt"])
        .output()
        .expect("vnuk runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/file.txt"));
}

#[test]
fn translit_keeps_lines_and_non_cyrillic() {
    let out = stdout_of(
        vnuk()
            .args(["translit", "--system", "kmu2010"])
            .write_stdin("Згурський, Мар'їне\nЩУКА — NATO 2024\n"),
    );
    assert_eq!(out, "Zghurskyi, Marine\nSHCHUKA — NATO 2024\n");
}

#[test]
fn detect_per_input_and_per_line() {
    let input = "Читать на русском\nПредставники США та Євросоюзу провели переговори у Стамбулі за два дні до початку операції.\n";
    let whole = stdout_of(vnuk().arg("detect").write_stdin(input));
    let (lang, confidence) = whole
        .trim_end()
        .split_once('\t')
        .expect("LANG<TAB>confidence");
    assert_eq!(lang, "uk");
    let confidence: f32 = confidence.parse().expect("a number");
    assert!((0.0..=1.0).contains(&confidence));

    let lines = stdout_of(vnuk().args(["detect", "--lines"]).write_stdin(input));
    let langs: Vec<&str> = lines
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default())
        .collect();
    assert_eq!(langs, ["ru", "uk"]);
}

#[test]
fn detect_several_files_prefixes_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let uk = dir.path().join("uk.txt");
    let en = dir.path().join("en.txt");
    std::fs::write(&uk, "Це речення написане українською мовою.").expect("write");
    std::fs::write(&en, "This sentence is written in English.").expect("write");
    let out = stdout_of(vnuk().arg("detect").arg(&uk).arg(&en));
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows[0][0].ends_with("uk.txt"));
    assert_eq!(rows[0][1], "uk");
    assert!(rows[1][0].ends_with("en.txt"));
    assert_eq!(rows[1][1], "en");
}

#[test]
fn seed_002_lines() {
    let Some(seed) = shared_seed("002_") else {
        println!("skipping: ../shared is absent");
        return;
    };
    let text = std::fs::read_to_string(&seed).expect("seed is UTF-8");
    let out = stdout_of(vnuk().args(["detect", "--lines"]).arg(&seed));
    for (line, result) in text.lines().zip(out.lines()) {
        let lang = result.split('\t').next().unwrap_or_default();
        if line.trim() == "Читать на русском" {
            assert_eq!(lang, "ru", "{line}");
        } else if line.chars().any(char::is_alphabetic) {
            assert_eq!(lang, "uk", "{line}");
        }
    }
    assert_eq!(text.lines().count(), out.lines().count());
}

#[test]
fn normalize_ukrainian_apostrophes_lookalikes_and_case() {
    let out = stdout_of(
        vnuk()
            .args(["normalize", "--lang", "uk"])
            .write_stdin("Сім’ї та п`ять Kиїв\n"),
    );
    assert_eq!(out, "Сім'ї та п'ять Київ\n");
    let out = stdout_of(
        vnuk()
            .args([
                "normalize",
                "--lang",
                "uk",
                "--apostrophe",
                "’",
                "--lowercase",
            ])
            .write_stdin("Сім'ї та П'ять\n"),
    );
    assert_eq!(out, "сім’ї та п’ять\n");
    let output = vnuk()
        .args(["normalize", "--lang", "uk", "--apostrophe", "x"])
        .write_stdin("x")
        .output()
        .expect("vnuk runs");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn tokenize_vietnamese_into_syllables_and_marks() {
    let out = stdout_of(
        vnuk()
            .args(["tokenize", "--lang", "vi"])
            .write_stdin("Hôm nay (17/9) trời đẹp, xem https://vnexpress.net.\n"),
    );
    assert_eq!(
        out,
        "Hôm nay ( 17/9 ) trời đẹp , xem https://vnexpress.net .\n"
    );
}

#[test]
fn lemmatize_tags_possessives_by_the_next_word() {
    let out = stdout_of(
        vnuk()
            .args(["lemmatize", "--lang", "uk"])
            .write_stdin("Я бачу його книгу. Я бачу його.\n"),
    );
    let lines: Vec<&str> = out.lines().filter(|l| l.starts_with("його")).collect();
    assert_eq!(lines, ["його\tйого\tDET", "його\tвін\tPRON"]);
}
