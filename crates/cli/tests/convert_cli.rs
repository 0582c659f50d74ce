//! End-to-end tests of `vnuk convert`.

use assert_cmd::Command;
use std::fs;

const TEXT: &str = "Người dân Hà Nội đã quen với những cơn mưa chiều.\nTiếng Việt: “độc lập”.\n";

fn vnuk() -> Command {
    Command::cargo_bin("vnuk").expect("the vnuk binary is built")
}

/// Runs `vnuk convert` with `args` on `input`; stdout on success, panics otherwise.
fn convert(args: &[&str], input: &[u8]) -> Vec<u8> {
    let output = vnuk()
        .arg("convert")
        .args(args)
        .write_stdin(input.to_vec())
        .output()
        .expect("vnuk runs");
    assert!(
        output.status.success(),
        "vnuk convert {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

#[test]
fn utf8_to_each_encoding_and_back() {
    for to in ["vni", "tcvn3", "viscii", "viqr", "cp1258", "utf8"] {
        // VISCII, TCVN3 and VIQR have no typographic quotes.
        let text = if matches!(to, "viscii" | "tcvn3" | "viqr") {
            TEXT.replace(['“', '”'], "\"")
        } else {
            TEXT.to_owned()
        };
        let legacy = convert(&["--from", "utf8", "--to", to], text.as_bytes());
        if to != "utf8" {
            assert_ne!(legacy, text.as_bytes(), "{to}");
        }
        let back = convert(&["--from", to], &legacy);
        assert_eq!(String::from_utf8(back).unwrap(), text, "{to}");
        let auto = convert(&["--from", "auto", "--to", "utf8"], &legacy);
        assert_eq!(String::from_utf8(auto).unwrap(), text, "{to}: detected");
    }
}

#[test]
fn known_bytes() {
    assert_eq!(convert(&["--to", "vni"], "Việt".as_bytes()), b"Vie\xe4t");
    assert_eq!(
        convert(&["--to", "viqr"], "Việt Nam.".as_bytes()),
        b"Vie^.t Nam."
    );
    assert_eq!(
        convert(&["--from", "vni", "--to", "viscii"], b"Vie\xe4t"),
        b"Vi\xaet"
    );
    assert_eq!(
        convert(&["--from", "VISCII", "--to", "windows-1258"], b"Vi\xaet"),
        b"Vi\xea\xf2t"
    );
}

#[test]
fn files_are_concatenated_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    fs::write(&a, b"Vie\xe4t ").unwrap();
    fs::write(&b, "Nam\n".as_bytes()).unwrap();
    let output = vnuk()
        .args(["convert", "--from", "vni"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(output.stdout, "Việt Nam\n".as_bytes());
}

#[test]
fn undecodable_bytes_name_the_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    fs::write(&bad, b"Vi\xea\xf2t \x81 Nam").unwrap();
    let output = vnuk()
        .args(["convert", "--from", "cp1258", "--to", "utf8"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("bad.txt"), "{stderr}");
    assert!(stderr.contains("byte 0x81 at offset 6"), "{stderr}");

    // --lossy replaces the byte and reports it.
    let output = vnuk()
        .args(["convert", "--from", "cp1258", "--lossy"])
        .arg(&bad)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(output.stdout, "Việt \u{FFFD} Nam".as_bytes());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("offset 6"), "{stderr}");
}

#[test]
fn unencodable_characters_name_the_input_offset() {
    // In VNI `Vie\xe4t \x80` is "Việt €"; VISCII has no €. The euro sign is input byte 6.
    let output = vnuk()
        .args(["convert", "--from", "vni", "--to", "viscii"])
        .write_stdin(b"Vie\xe4t \x80".to_vec())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("<stdin>"), "{stderr}");
    assert!(
        stderr.contains("'€'") && stderr.contains("input byte offset 6"),
        "{stderr}"
    );

    let lossy = convert(
        &["--from", "vni", "--to", "viscii", "--lossy"],
        b"Vie\xe4t \x80",
    );
    assert_eq!(lossy, b"Vi\xaet ?");
}

#[test]
fn bad_arguments_and_missing_files_fail_cleanly() {
    let output = vnuk()
        .args(["convert", "--from", "latin9"])
        .write_stdin("x")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2)); // clap's usage error
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown encoding"));

    let output = vnuk()
        .args(["convert", "/nonexistent/in.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/in.txt"));
}

#[test]
fn arbitrary_bytes_never_crash() {
    let mut bytes: Vec<u8> = (0..=255u8).collect();
    bytes.extend((0..=255u8).rev());
    for from in ["auto", "utf8", "vni", "tcvn3", "viscii", "viqr", "cp1258"] {
        let output = vnuk()
            .args(["convert", "--from", from, "--to", "viqr", "--lossy"])
            .write_stdin(bytes.clone())
            .output()
            .unwrap();
        assert!(output.status.success(), "{from}");
        let strict = vnuk()
            .args(["convert", "--from", from, "--to", "vni"])
            .write_stdin(bytes.clone())
            .output()
            .unwrap();
        assert!(matches!(strict.status.code(), Some(0 | 1)), "{from}");
    }
}
