//! The charts agree with glibc `iconv` for VISCII, TCVN5712-1 and CP1258: encoding the whole
//! syllable list gives iconv's bytes, and decoding gives iconv's text (after NFC).
//! Skipped, with a message, when `iconv` is not installed.

mod encoding_common;

use encoding_common::syllable_forms;
use std::io::Write;
use std::process::{Command, Stdio};
use unicode_normalization::UnicodeNormalization;
use vi_text::encoding::{Encoding, decode, encode};

/// Our encodings and glibc's names for them.
const ORACLE: [(Encoding, &str); 3] = [
    (Encoding::Viscii, "VISCII"),
    (Encoding::Tcvn3, "TCVN5712-1"),
    (Encoding::Cp1258, "CP1258"),
];

/// Runs `iconv -f from -t to` over `input`; `None` when iconv is missing, `Err` when it
/// rejects the input.
fn iconv(from: &str, to: &str, input: &[u8]) -> Option<Result<Vec<u8>, String>> {
    let mut child = match Command::new("iconv")
        .args(["-f", from, "-t", to])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(_) => return None,
    };
    let mut stdin = child.stdin.take()?;
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    Some(if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    })
}

fn iconv_available() -> bool {
    if iconv("UTF-8", "UTF-8", b"x").is_some() {
        return true;
    }
    println!("skipping: iconv is not installed");
    false
}

#[test]
fn syllables_agree_with_iconv() {
    if !iconv_available() {
        return;
    }
    let forms = syllable_forms();
    let list = forms.join("\n");
    for (encoding, glibc) in ORACLE {
        let theirs = iconv("UTF-8", glibc, list.as_bytes())
            .expect("iconv ran")
            .unwrap_or_else(|e| panic!("iconv -t {glibc}: {e}"));
        let lines: Vec<&[u8]> = theirs.split(|&b| b == b'\n').collect();
        assert_eq!(lines.len(), forms.len(), "{glibc}");
        let mut mismatches = Vec::new();
        for (form, line) in forms.iter().zip(&lines) {
            let ours = encode(form, encoding).unwrap();
            if ours != *line {
                mismatches.push(format!("{form}: ours {ours:02X?}, iconv {line:02X?}"));
            }
        }
        assert!(
            mismatches.is_empty(),
            "{glibc}: {} of {} differ, e.g. {:?}",
            mismatches.len(),
            forms.len(),
            &mismatches[..mismatches.len().min(5)]
        );

        // And back: iconv's decoding of our bytes, in NFC, is ours and is the list.
        let ours = encode(&list, encoding).unwrap();
        let text = iconv(glibc, "UTF-8", &ours).expect("iconv ran").unwrap();
        let text: String = String::from_utf8(text).unwrap().nfc().collect();
        assert_eq!(decode(&ours, encoding).unwrap(), text, "{glibc}");
        assert_eq!(text, list, "{glibc}");
    }
    println!("{} syllable forms agree with iconv", forms.len());
}

#[test]
fn every_byte_agrees_with_iconv() {
    if !iconv_available() {
        return;
    }
    for (encoding, glibc) in ORACLE {
        // Every byte we decode, one per line, in one iconv run.
        let mut defined = Vec::new();
        let mut stream = Vec::new();
        for byte in (0..=255u8).filter(|&b| b != b'\n') {
            if decode(&[byte], encoding).is_ok() {
                defined.push(byte);
                stream.extend_from_slice(&[byte, b'\n']);
            } else {
                // A byte we reject, iconv rejects too.
                let theirs = iconv(glibc, "UTF-8", &[byte]).expect("iconv ran");
                assert!(
                    theirs.is_err(),
                    "{glibc} 0x{byte:02X}: iconv has {theirs:?}"
                );
            }
        }
        let theirs = iconv(glibc, "UTF-8", &stream).expect("iconv ran").unwrap();
        let theirs = String::from_utf8(theirs).unwrap();
        let lines: Vec<&str> = theirs.split_terminator('\n').collect();
        assert_eq!(lines.len(), defined.len(), "{glibc}");
        for (&byte, line) in defined.iter().zip(lines) {
            let line: String = line.nfc().collect();
            assert_eq!(
                decode(&[byte], encoding).unwrap(),
                line,
                "{glibc} 0x{byte:02X}"
            );
            // Every character of the chart encodes back to its byte.
            assert_eq!(encode(&line, encoding).unwrap(), [byte], "{glibc} {line:?}");
        }
        // All 255 bytes but the newline; windows-1258 leaves nine undefined.
        let expected = if encoding == Encoding::Cp1258 {
            246
        } else {
            255
        };
        assert_eq!(defined.len(), expected, "{glibc}");
    }
}
