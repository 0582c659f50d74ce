//! Checks on the real Ukrainian news page in `../shared/seeds/002_*.txt` (skipped when the
//! shared directory is absent).

use core_model::{Language, TokenKind};
use std::path::{Path, PathBuf};

fn seed_002() -> Option<String> {
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let path = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("002_"))
        })?;
    std::fs::read_to_string(path).ok()
}

#[test]
fn russian_line_is_ru_and_the_rest_uk() {
    let Some(text) = seed_002() else {
        println!("skipping: ../shared is absent");
        return;
    };
    let mut ru_lines = 0;
    for (span, detection) in uk_text::detect_lines(&text) {
        let line = span.slice(&text);
        if line.trim() == "Читать на русском" {
            assert_eq!(detection.language, Language::Ru, "{line}");
            ru_lines += 1;
        } else if line.chars().any(char::is_alphabetic) {
            assert_eq!(detection.language, Language::Uk, "{line}");
        } else {
            assert_eq!(detection.language, Language::Und, "{line:?}");
        }
    }
    assert_eq!(ru_lines, 1);
    let whole = uk_text::detect(&text);
    assert_eq!(whole.language, Language::Uk);
    assert!(whole.confidence > 0.9, "{}", whole.confidence);
}

#[test]
fn tokens_of_the_page() {
    let Some(text) = seed_002() else {
        println!("skipping: ../shared is absent");
        return;
    };
    let tokens = uk_text::tokenize(&text);
    let find = |s: &str| tokens.iter().find(|t| t.text(&text) == s).map(|t| t.kind);
    assert_eq!(find("перемир'я"), Some(TokenKind::Word));
    assert_eq!(find("зв’язку"), Some(TokenKind::Word));
    assert_eq!(find("Нагірно-Карабахської"), Some(TokenKind::Word));
    assert_eq!(find("«"), Some(TokenKind::Punct));
    assert_eq!(find("–"), Some(TokenKind::Punct));
    assert_eq!(find("2024"), Some(TokenKind::Number));
    assert_eq!(find("Politico"), Some(TokenKind::Word));
    // No word token holds a space, and every word is a run of letters with inner apostrophes
    // and hyphens.
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let word = token.text(&text);
        assert!(!word.contains(char::is_whitespace), "{word:?}");
    }
    // Normalizing the page changes only its apostrophes.
    let mut report = Vec::new();
    let normalized = uk_text::normalize_with_report(&text, &mut report);
    assert!(!report.is_empty());
    assert!(
        report
            .iter()
            .all(|r| r.kind == uk_text::RepairKind::Apostrophe)
    );
    assert_eq!(normalized.len(), text.len() - 2 * report.len());
}
