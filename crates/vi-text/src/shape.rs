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
/// Markers: `://`, `www.`, `@`, a backslash, one of `` ` { } < > = | ``, or a `.` or `/`
/// between two runs of at least two ASCII letters or digits, one of them with a letter
/// (`vnexpress.net`, `main.rs`, `src/lib`; not `v.v.` or `17/9`).
pub(crate) fn is_not_prose(token: &str) -> bool {
    if token.contains("://") || token.contains("www.") {
        return true;
    }
    let bytes = token.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'@' | b'\\' | b'`' | b'{' | b'}' | b'<' | b'>' | b'=' | b'|' => return true,
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
                    return true;
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
            "src/lib",
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
