//! VIQR (RFC 1456): Vietnamese in 7-bit ASCII mnemonics.
//!
//! A vowel is followed by at most one modifier — `(` breve (ă), `^` circumflex (â ê ô), `+`
//! horn (ơ ư) — and then at most one tone — `'` acute, `` ` `` grave, `?` hook, `~` tilde,
//! `.` dot below. `dd` is đ, and `DD` or `Dd` is Đ. A backslash makes the next mnemonic
//! character (or `d`, `D`, `\`) literal: `Why\?` is "Why?", `d\d` is "dd".
//!
//! Decoding reads every mnemonic that can attach as a diacritic (the RFC's literal reading:
//! an unescaped `.` after a vowel is a dot below). Encoding escapes exactly the characters
//! the decoder would otherwise misread, so that `decode(encode(text)) == text` for every text
//! VIQR can represent. Bytes above 0x7F are unmappable.

use super::Sink;
use super::letters::{
    A, A_BREVE, A_CIRC, D_STROKE_LOWER, D_STROKE_UPPER, E, E_CIRC, NONE, O, O_CIRC, O_HORN, U,
    U_HORN, letter_code, vowel_char, vowel_of,
};

/// The tone of a tone mnemonic.
fn tone_of(b: u8) -> Option<u8> {
    match b {
        b'`' => Some(1),
        b'\'' => Some(2),
        b'?' => Some(3),
        b'~' => Some(4),
        b'.' => Some(5),
        _ => None,
    }
}

/// Tone mnemonics by tone (index 0 unused).
const TONE_CHARS: [u8; 6] = [0, b'`', b'\'', b'?', b'~', b'.'];

/// The vowel a modifier mnemonic makes of a toneless plain vowel.
fn modify(vowel: u8, b: u8) -> Option<u8> {
    match (vowel, b) {
        (A, b'(') => Some(A_BREVE),
        (A, b'^') => Some(A_CIRC),
        (E, b'^') => Some(E_CIRC),
        (O, b'^') => Some(O_CIRC),
        (O, b'+') => Some(O_HORN),
        (U, b'+') => Some(U_HORN),
        _ => None,
    }
}

/// The plain vowel and modifier mnemonic of a vowel.
fn split(vowel: u8) -> (u8, Option<u8>) {
    match vowel {
        A_BREVE => (A, Some(b'(')),
        A_CIRC => (A, Some(b'^')),
        E_CIRC => (E, Some(b'^')),
        O_CIRC => (O, Some(b'^')),
        O_HORN => (O, Some(b'+')),
        U_HORN => (U, Some(b'+')),
        other => (other, None),
    }
}

/// True for the characters a backslash escapes.
fn escapable(b: u8) -> bool {
    matches!(
        b,
        b'(' | b'^' | b'+' | b'`' | b'\'' | b'?' | b'~' | b'.' | b'd' | b'D' | b'\\'
    )
}

/// True when `first` followed by `second` reads as đ/Đ.
fn d_pair(first: u8, second: u8) -> bool {
    matches!((first, second), (b'd', b'd') | (b'D', b'D') | (b'D', b'd'))
}

/// Appends the decoding of `bytes` to `out`. Returns false when the sink stopped decoding.
pub(crate) fn decode<S: Sink>(bytes: &[u8], out: &mut String, sink: &mut S) -> bool {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b >= 0x80 {
            if !sink.unmappable(i, 1, out) {
                return false;
            }
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied();
        if b == b'\\' {
            match next {
                Some(n) if escapable(n) => {
                    out.push(char::from(n));
                    i += 2;
                }
                _ => {
                    out.push('\\');
                    i += 1;
                }
            }
            continue;
        }
        if let Some(n) = next.filter(|&n| d_pair(b, n)) {
            out.push(if n == b'd' && b == b'd' { 'đ' } else { 'Đ' });
            i += 2;
            continue;
        }
        let Some(v) = vowel_of(letter_code(char::from(b))) else {
            out.push(char::from(b));
            i += 1;
            continue;
        };
        let mut vowel = v.vowel;
        let mut j = i + 1;
        if let Some(m) = bytes.get(j).and_then(|&m| modify(vowel, m)) {
            vowel = m;
            j += 1;
        }
        let mut tone = 0;
        if let Some(t) = bytes.get(j).and_then(|&t| tone_of(t)) {
            tone = t;
            j += 1;
        }
        out.push(vowel_char(vowel, tone, v.upper));
        i = j;
    }
    true
}

/// What the decoder would still attach to the last unit written.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(crate) enum Pending {
    /// Nothing: the next byte starts a new unit.
    #[default]
    Nothing,
    /// A plain vowel (row of the grid): a modifier valid for it or a tone.
    Vowel(u8),
    /// A modified vowel: a tone.
    Tone,
}

impl Pending {
    fn takes(self, b: u8) -> bool {
        match self {
            Pending::Nothing => false,
            Pending::Vowel(v) => modify(v, b).is_some() || tone_of(b).is_some(),
            Pending::Tone => tone_of(b).is_some(),
        }
    }
}

/// Appends the encoding of `c` to `out`, given what the decoder would attach to the previous
/// unit (`pending`, updated) and the first byte the next character will be written with
/// (`next_first`). Returns false when VIQR cannot represent `c`.
pub(crate) fn encode_char(
    c: char,
    next_first: Option<u8>,
    pending: &mut Pending,
    out: &mut Vec<u8>,
) -> bool {
    let code = letter_code(c);
    if code == NONE {
        let cp = c as u32;
        if cp >= 0x80 {
            return false;
        }
        let b = cp as u8;
        let escape = pending.takes(b)
            || (b == b'\\' && next_first.is_some_and(escapable))
            || next_first.is_some_and(|n| d_pair(b, n));
        if escape {
            out.push(b'\\');
        }
        out.push(b);
        *pending = Pending::Nothing;
        return true;
    }
    let Some(v) = vowel_of(code) else {
        out.extend_from_slice(if code == D_STROKE_UPPER {
            b"DD"
        } else {
            debug_assert_eq!(code, D_STROKE_LOWER);
            b"dd"
        });
        *pending = Pending::Nothing;
        return true;
    };
    let (plain, modifier) = split(v.vowel);
    out.push(vowel_char(plain, 0, v.upper) as u8);
    if let Some(m) = modifier {
        out.push(m);
    }
    *pending = if v.tone != 0 {
        out.push(TONE_CHARS[usize::from(v.tone)]);
        Pending::Nothing
    } else if modifier.is_some() {
        Pending::Tone
    } else {
        Pending::Vowel(plain)
    };
    true
}

/// The first byte `c` is written with, for the look-ahead of [`encode_char`].
pub(crate) fn first_byte(c: char) -> Option<u8> {
    let code = letter_code(c);
    if code == NONE {
        return u8::try_from(c as u32).ok().filter(u8::is_ascii);
    }
    match vowel_of(code) {
        Some(v) => Some(vowel_char(split(v.vowel).0, 0, v.upper) as u8),
        None if code == D_STROKE_UPPER => Some(b'D'),
        None => Some(b'd'),
    }
}

#[cfg(test)]
mod tests {
    use super::super::Strict;
    use super::*;

    fn dec(bytes: &[u8]) -> Option<String> {
        let mut out = String::new();
        decode(bytes, &mut out, &mut Strict::default()).then_some(out)
    }

    fn enc(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut pending = Pending::default();
        for (k, &c) in chars.iter().enumerate() {
            let next = chars.get(k + 1).and_then(|&n| first_byte(n));
            assert!(encode_char(c, next, &mut pending, &mut out));
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn rfc_1456_examples() {
        assert_eq!(
            dec(b"Vie^.t Nam ddo^.c la^.p").as_deref(),
            Some("Việt Nam độc lập")
        );
        assert_eq!(dec(b"DDa(ng Ddu+o+`ng").as_deref(), Some("Đăng Đường"));
        assert_eq!(dec(b"Why\\? d\\d \\\\").as_deref(), Some("Why? dd \\"));
        assert_eq!(dec(b"C:\\n").as_deref(), Some("C:\\n"));
    }

    #[test]
    fn encoder_escapes_what_the_decoder_would_misread() {
        assert_eq!(enc("Người ta."), "Ngu+o+`i ta\\.");
        assert_eq!(enc("Why? add đd dđ"), "Why\\? a\\dd ddd \\ddd");
        assert_eq!(enc("a(b) ơ+ x\\."), "a\\(b) o++ x\\\\.");
        for text in [
            "Người ta.",
            "Why? add đd dđ",
            "a(b) ơ+ x\\.",
            "a^'",
            "DDd",
            "\\\\d",
        ] {
            assert_eq!(dec(enc(text).as_bytes()).as_deref(), Some(text), "{text}");
        }
    }

    #[test]
    fn non_ascii_bytes_are_unmappable() {
        assert_eq!(dec("Việt".as_bytes()), None);
    }
}
