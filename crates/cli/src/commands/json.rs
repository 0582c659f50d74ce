//! JSON-lines output shared by the commands that offer `--format jsonl`.

/// Appends `s` to `out` as a JSON string literal (quotes, backslashes and control characters
/// escaped), without allocating.
pub(crate) fn push_json_string(out: &mut String, s: &str) {
    use std::fmt::Write as _;
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
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
