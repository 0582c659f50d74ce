//! JSON-lines output shared by the commands that offer `--format jsonl`.

/// Appends `s` to `out` as a JSON string literal (quotes, backslashes and control characters
/// escaped), without allocating.
pub(crate) fn push_json_string(out: &mut String, s: &str) {
    use std::fmt::Write as _;
    out.reserve(s.len() + 2);
    out.push('"');
    // Copy runs of bytes that need no escape in one go; escapes are ASCII, so every cut
    // falls on a character boundary.
    let bytes = s.as_bytes();
    let mut run_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.push_str(&s[run_start..i]);
        run_start = i + 1;
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ => {
                let _ = write!(out, "\\u{:04x}", b);
            }
        }
    }
    out.push_str(&s[run_start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::push_json_string;

    #[test]
    fn escapes_quotes_backslashes_and_control_characters() {
        let text = "a\"b\\c\nd\re\tf\u{1}g — Київ";
        let mut out = String::new();
        push_json_string(&mut out, text);
        assert_eq!(out, "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g — Київ\"");
    }

    #[test]
    fn appends_to_what_is_there() {
        let mut out = String::from("[");
        push_json_string(&mut out, "«a\"b\\c\u{1}»");
        assert_eq!(out, "[\"«a\\\"b\\\\c\\u0001»\"");
    }
}
