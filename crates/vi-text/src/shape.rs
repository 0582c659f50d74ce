//! Shapes of whitespace-delimited tokens that are not prose: URLs, e-mail addresses, paths
//! and code. Their letters are never rewritten and their underscores are never compound
//! joiners.

/// How far [`enclosing_token`] looks for whitespace on each side; a longer token is treated
/// as not prose.
const MAX_TOKEN_REACH: usize = 512;

/// The whitespace-delimited token around `start..end` in `text`, or `None` when it reaches
/// further than any prose token does.
pub(crate) fn enclosing_token(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let before = text.get(..start)?;
    let mut token_start = start;
    for (i, c) in before.char_indices().rev() {
        if c.is_whitespace() {
            break;
        }
        token_start = i;
        if start - i > MAX_TOKEN_REACH {
            return None;
        }
    }
    let after = text.get(end..)?;
    let mut token_end = text.len();
    for (i, c) in after.char_indices() {
        if c.is_whitespace() {
            token_end = end + i;
            break;
        }
        if i > MAX_TOKEN_REACH {
            return None;
        }
    }
    Some((token_start, token_end))
}

/// True when a whitespace-free token looks like a URL, an e-mail address, a path, a file
/// name, a domain or code rather than prose.
///
/// Markers: `://`, `www.`, `@`, a backslash, one of `` ` { } < > = | ≠ ≮ ≯ ``, a `.` between
/// two runs of at least two ASCII letters or digits, one of them with a letter
/// (`vnexpress.net`, `main.rs`; not `v.v.` or `100.000`), or two such `/` (`src/lib/mod`;
/// not `và/hoặc` or `1/1/2024`).
///
/// The test runs on the folded token (no diacritics), so that it gives the same answer
/// whatever the token's Unicode form and tone-mark placement.
pub(crate) fn is_not_prose(token: &str) -> bool {
    // Most tokens hold no marker byte at all.
    if !token.bytes().any(|b| {
        matches!(
            b,
            b'.' | b'/' | b':' | b'@' | b'\\' | b'`' | b'{' | b'}' | b'<' | b'>' | b'=' | b'|'
        ) || b == 0xE2
    }) {
        return false;
    }
    let folded = crate::fold::fold(token);
    is_not_prose_folded(&folded)
}

fn is_not_prose_folded(token: &str) -> bool {
    if token.contains("://") || token.contains("www.") {
        return true;
    }
    let bytes = token.as_bytes();
    let mut path_slashes = 0;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'@' | b'\\' | b'`' | b'{' | b'}' | b'<' | b'>' | b'=' | b'|' => return true,
            // ≠ ≮ ≯ (U+2260, U+226E, U+226F): what NFC makes of = < > with U+0338.
            0xE2 if matches!(bytes.get(i + 1..i + 3), Some([0x89, 0xA0 | 0xAE | 0xAF])) => {
                return true;
            }
            b'.' | b'/' => {
                let before = &bytes[..i];
                let after = bytes.get(i + 1..).unwrap_or(&[]);
                let left = before
                    .iter()
                    .rev()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                let right = after
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                let lettered = before[before.len() - left..]
                    .iter()
                    .chain(&after[..right])
                    .any(u8::is_ascii_alphabetic);
                if left >= 2 && right >= 2 && lettered {
                    if b == b'.' {
                        return true;
                    }
                    path_slashes += 1;
                    if path_slashes >= 2 {
                        return true;
                    }
                }
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_mails_and_code_are_not_prose() {
        for token in [
            "https://vi.wikipedia.org/wiki/Hòa_Bình",
            "www.noí.vn",
            "tên@báo.vn",
            "C:\\thư_mục",
            "x=naỳ",
            "main.rs",
            "src/lib/mod",
            "TP.pa\u{300}_rùôi",
            "TP.pà_rùôi",
        ] {
            assert!(is_not_prose(token), "{token}");
        }
        for token in [
            "noí,",
            "(naỳ)",
            "và/hoặc",
            "17/9",
            "1/1/2024",
            "Thổ_Nhĩ_Kỳ",
            "v.v.",
            "100.000",
        ] {
            assert!(!is_not_prose(token), "{token}");
        }
    }

    #[test]
    fn finds_the_token_around_a_word() {
        let text = "xem https://a.vn/noí nhé";
        let start = text.find("noí").unwrap_or(0);
        let (s, e) = enclosing_token(text, start, start + "noí".len()).unwrap_or((0, 0));
        assert_eq!(&text[s..e], "https://a.vn/noí");
    }
}
