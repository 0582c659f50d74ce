//! JSON-lines output shared by the commands that offer `--format jsonl`.

/// Appends `s` to `out` as a JSON string literal (quotes, backslashes and control characters
/// escaped), without allocating.
pub(crate) fn push_json_string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    push_json_string_body(out, s);
    out.push('"');
}

/// Appends `s` escaped as the inside of a JSON string literal (no quotes around it), for
/// writers that write the quotes with the text around them.
#[inline]
pub(crate) fn push_json_string_body(out: &mut String, s: &str) {
    // Most strings need no escape at all: find the first byte that does, eight at a time.
    let first = first_to_escape(s.as_bytes(), 0);
    if first == s.len() {
        out.push_str(s);
    } else {
        push_escaped_from(out, s, first);
    }
}

/// Appends `s` escaped, knowing that byte `first` is the first to need an escape.
#[cold]
fn push_escaped_from(out: &mut String, s: &str, first: usize) {
    // Escapes are ASCII, so every piece is whole characters.
    for_each_escaped_piece(s.as_bytes(), first, |piece| {
        out.push_str(std::str::from_utf8(piece).unwrap_or_default());
    });
}

/// Calls `emit` with the pieces of `bytes` escaped for a JSON string, in order: runs that
/// need no escape and the escapes between them; byte `first` is the first to need one.
pub(crate) fn for_each_escaped_piece(bytes: &[u8], first: usize, mut emit: impl FnMut(&[u8])) {
    let mut run_start = 0;
    let mut i = first;
    while let Some(&b) = bytes.get(i) {
        emit(bytes.get(run_start..i).unwrap_or_default());
        let (escape, len) = escape(b);
        emit(escape.get(..len).unwrap_or_default());
        run_start = i + 1;
        i = first_to_escape(bytes, i + 1);
    }
    emit(bytes.get(run_start..).unwrap_or_default());
}

/// True when `s` holds a byte that a JSON string must escape.
pub(crate) fn needs_escape(s: &str) -> bool {
    first_to_escape(s.as_bytes(), 0) < s.len()
}

/// Opens the JSON object of one input line of a line-oriented command:
/// `{"file":…,"line":N,"tokens":[` (`file` only when given).
pub(crate) fn push_line_header(out: &mut String, file: Option<&str>, line_number: usize) {
    out.push('{');
    if let Some(file) = file {
        out.push_str("\"file\":");
        push_json_string(out, file);
        out.push(',');
    }
    out.push_str("\"line\":");
    out.push_str(itoa::Buffer::new().format(line_number));
    out.push_str(",\"tokens\":[");
}

/// The escape of byte `b` (a control byte, `"` or `\\`): its bytes and their count.
fn escape(b: u8) -> ([u8; 6], usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match b {
        b'"' => (*b"\\\"____", 2),
        b'\\' => (*b"\\\\____", 2),
        b'\n' => (*b"\\n____", 2),
        b'\r' => (*b"\\r____", 2),
        b'\t' => (*b"\\t____", 2),
        _ => (
            [
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xF)],
            ],
            6,
        ),
    }
}

/// The index of the first byte at or after `from` that needs an escape (a control byte, `"`
/// or `\\`), or `bytes.len()`. Tests eight bytes at a time with word arithmetic.
pub(crate) fn first_to_escape(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGHS;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // A byte below 0x20, or equal to `"` (0x22) or `\\` (0x5C).
        let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
        if below_space | has_zero(w ^ (ONES * 0x22)) | has_zero(w ^ (ONES * 0x5C)) != 0 {
            break;
        }
        i += 8;
    }
    // The last few bytes through a table.
    const ESCAPED: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = b < 0x20 || b == b'"' as usize || b == b'\\' as usize;
            b += 1;
        }
        table
    };
    while let Some(&b) = bytes.get(i) {
        if ESCAPED[usize::from(b)] {
            return i;
        }
        i += 1;
    }
    bytes.len()
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
    fn every_escape_is_found_at_every_position() {
        // The word-at-a-time scan must stop at each byte that needs an escape, wherever it
        // sits in an 8-byte chunk, and nowhere else (UTF-8 continuation bytes included).
        for special in ['"', '\\', '\n', '\u{1}', '\u{1f}'] {
            for at in 0..20 {
                let text: String = "aé€x"
                    .chars()
                    .cycle()
                    .take(at)
                    .chain([special])
                    .chain("ü tail ∑".chars())
                    .collect();
                let mut out = String::new();
                push_json_string(&mut out, &text);
                let parsed: String = serde_json::from_str(&out).expect("valid JSON");
                assert_eq!(parsed, text);
            }
        }
        for text in ["", "plain ascii text", "Київ — Hà Nội ~ \u{7f}\u{80}"] {
            let mut out = String::new();
            push_json_string(&mut out, text);
            assert_eq!(out, format!("\"{text}\""));
        }
    }

    #[test]
    fn appends_to_what_is_there() {
        let mut out = String::from("[");
        push_json_string(&mut out, "«a\"b\\c\u{1}»");
        assert_eq!(out, "[\"«a\\\"b\\\\c\\u0001»\"");
    }
}
