//! VNI-Windows: ASCII base letters followed by a diacritic byte.
//!
//! VNI fonts keep ASCII and the windows-1252 symbols of 0x80..=0xBF and reuse 0xC0..=0xFF (the
//! Latin-1 letters) for Vietnamese. A toned or modified vowel is its ASCII base letter followed
//! by one diacritic byte: a tone (`ø` grave, `ù` acute, `û` hook, `õ` tilde, `ï` dot below), a
//! circumflex with an optional tone (`â` plain, `à á å ã ä`), or a breve with an optional tone
//! (`ê` plain, `è é ú ü ë`). Some letters are single bytes: `ñ` đ, `ô` ơ, `ö` ư (which then
//! take a tone byte), the toned i's `ì í æ ó ò` and `î` ỵ. Capital letters use the capital
//! forms of the same bytes (each 0x20 lower).
//!
//! Decoding is lenient about case: a diacritic byte of either case attaches to a base of
//! either case, and the letter takes the case of its base. A diacritic byte with no base it can
//! attach to, and the bytes VNI leaves unused (`ç ð ÷ ý þ ÿ` and their capitals), are
//! unmappable.

use super::letters::{
    A, A_BREVE, A_CIRC, D_STROKE_LOWER, D_STROKE_UPPER, E, E_CIRC, I, NONE, O, O_CIRC, O_HORN,
    U_HORN, Y, letter_code, vowel_char, vowel_code, vowel_of,
};
use super::tables::{CP1252_HIGH, UNDEF};
use super::{Sink, plain_ascii_run, push_ascii};

/// Diacritic kinds in `MARKS`.
const TONE: u8 = 1;
const CIRC: u8 = 2;
const BREVE: u8 = 3;

/// Lower-case tone bytes, by tone (index 0 unused).
const TONE_BYTES: [u8; 6] = [0, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF];
/// Lower-case circumflex bytes, by tone.
const CIRC_BYTES: [u8; 6] = [0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4];
/// Lower-case breve bytes, by tone.
const BREVE_BYTES: [u8; 6] = [0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB];
/// Lower-case single-byte toned i's, by tone (index 0 unused).
const I_BYTES: [u8; 6] = [0, 0xEC, 0xED, 0xE6, 0xF3, 0xF2];
/// ỵ.
const Y_DOT: u8 = 0xEE;
/// đ, ơ, ư.
const D_STROKE: u8 = 0xF1;
const O_HORN_BYTE: u8 = 0xF4;
const U_HORN_BYTE: u8 = 0xF6;

/// For bytes 0xC0..=0xFF: `kind << 3 | tone` of a diacritic byte, or 0.
static MARKS: [u8; 64] = build_marks();
/// For bytes 0xC0..=0xFF: the letter code of a single-byte letter, or `NONE`.
static LETTERS: [u8; 64] = build_letters();

const fn build_marks() -> [u8; 64] {
    let mut table = [0u8; 64];
    let mut tone = 0;
    while tone < 6 {
        let entries = [
            (TONE, TONE_BYTES[tone]),
            (CIRC, CIRC_BYTES[tone]),
            (BREVE, BREVE_BYTES[tone]),
        ];
        let mut k = 0;
        while k < entries.len() {
            let (kind, byte) = entries[k];
            if byte != 0 {
                let value = (kind << 3) | tone as u8;
                table[(byte - 0xE0 + 0x20) as usize] = value;
                table[(byte - 0xE0) as usize] = value;
            }
            k += 1;
        }
        tone += 1;
    }
    table
}

const fn build_letters() -> [u8; 64] {
    let mut table = [NONE; 64];
    let mut tone = 1;
    while tone < 6 {
        let byte = I_BYTES[tone];
        table[(byte - 0xE0 + 0x20) as usize] = vowel_code(I, tone as u8, false);
        table[(byte - 0xE0) as usize] = vowel_code(I, tone as u8, true);
        tone += 1;
    }
    let singles = [
        (Y_DOT, vowel_code(Y, 5, false), vowel_code(Y, 5, true)),
        (D_STROKE, D_STROKE_LOWER, D_STROKE_UPPER),
        (
            O_HORN_BYTE,
            vowel_code(O_HORN, 0, false),
            vowel_code(O_HORN, 0, true),
        ),
        (
            U_HORN_BYTE,
            vowel_code(U_HORN, 0, false),
            vowel_code(U_HORN, 0, true),
        ),
    ];
    let mut k = 0;
    while k < singles.len() {
        let (byte, lower, upper) = singles[k];
        table[(byte - 0xE0 + 0x20) as usize] = lower;
        table[(byte - 0xE0) as usize] = upper;
        k += 1;
    }
    table
}

/// The letter made by a diacritic byte (`mark`, from `MARKS`) on the toneless `base` vowel.
fn attach(base: u8, mark: u8) -> Option<(u8, u8)> {
    let tone = mark & 7;
    let vowel = match (mark >> 3, base) {
        (TONE, _) => base,
        (CIRC, A) => A_CIRC,
        (CIRC, E) => E_CIRC,
        (CIRC, O) => O_CIRC,
        (BREVE, A) => A_BREVE,
        _ => return None,
    };
    Some((vowel, tone))
}

/// Appends the decoding of `bytes` to `out`. Returns false when the sink stopped decoding.
pub(crate) fn decode<S: Sink>(bytes: &[u8], out: &mut String, sink: &mut S) -> bool {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Plain ASCII is itself, except a last letter that may take the diacritic byte after it.
        let rest = bytes.get(i..).unwrap_or_default();
        let mut run = plain_ascii_run(rest);
        if rest.get(run).is_some_and(|&next| next >= 0xC0) {
            run = run.saturating_sub(1);
        }
        if run > 0 {
            push_ascii(out, &rest[..run]);
            i += run;
            continue;
        }
        let code = match b {
            0x00..=0x7F => letter_code(char::from(b)),
            0x80..=0xBF => {
                let unit = CP1252_HIGH[usize::from(b - 0x80)];
                match char::from_u32(u32::from(unit)).filter(|_| unit != UNDEF) {
                    Some(c) => out.push(c),
                    None => {
                        if !sink.unmappable(i, 1, out) {
                            return false;
                        }
                    }
                }
                i += 1;
                continue;
            }
            0xC0..=0xFF => {
                let code = LETTERS[usize::from(b - 0xC0)];
                if code == NONE {
                    if !sink.unmappable(i, 1, out) {
                        return false;
                    }
                    i += 1;
                    continue;
                }
                code
            }
        };
        // A vowel without tone may take the diacritic byte that follows it.
        let toneless = vowel_of(code).filter(|v| v.tone == 0);
        if let Some(v) = toneless {
            let mark = match bytes.get(i + 1) {
                Some(&next @ 0xC0..=0xFF) => MARKS[usize::from(next - 0xC0)],
                _ => 0,
            };
            if let Some((vowel, tone)) = (mark != 0).then(|| attach(v.vowel, mark)).flatten() {
                out.push(vowel_char(vowel, tone, v.upper));
                i += 2;
                continue;
            }
        }
        if code == NONE {
            out.push(char::from(b));
        } else {
            out.push(super::letters::char_of(code));
        }
        i += 1;
    }
    true
}

/// Appends the encoding of `c` to `out`; false when VNI cannot represent it.
#[inline]
pub(crate) fn encode_char(c: char, out: &mut Vec<u8>) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        out.push(cp as u8);
        return true;
    }
    let code = letter_code(c);
    if code == NONE {
        return encode_symbol(c, out);
    }
    let Some(v) = vowel_of(code) else {
        out.push(if code == D_STROKE_UPPER {
            D_STROKE - 0x20
        } else {
            D_STROKE
        });
        return true;
    };
    let case = |byte: u8| if v.upper { byte - 0x20 } else { byte };
    let ascii = |lower: u8| {
        if v.upper {
            lower.to_ascii_uppercase()
        } else {
            lower
        }
    };
    let tone = usize::from(v.tone);
    let (base, mark) = match v.vowel {
        I if tone > 0 => (case(I_BYTES[tone]), 0),
        Y if tone == 5 => (case(Y_DOT), 0),
        A_BREVE => (ascii(b'a'), case(BREVE_BYTES[tone])),
        A_CIRC => (ascii(b'a'), case(CIRC_BYTES[tone])),
        E_CIRC => (ascii(b'e'), case(CIRC_BYTES[tone])),
        O_CIRC => (ascii(b'o'), case(CIRC_BYTES[tone])),
        O_HORN => (case(O_HORN_BYTE), tone_byte(tone, v.upper)),
        U_HORN => (case(U_HORN_BYTE), tone_byte(tone, v.upper)),
        vowel => (
            ascii(vowel_char(vowel, 0, false) as u8),
            tone_byte(tone, v.upper),
        ),
    };
    out.push(base);
    if mark != 0 {
        out.push(mark);
    }
    true
}

fn tone_byte(tone: usize, upper: bool) -> u8 {
    match TONE_BYTES.get(tone) {
        Some(&b) if b != 0 && upper => b - 0x20,
        Some(&b) => b,
        None => 0,
    }
}

/// Symbols of 0x80..=0xBF (windows-1252).
fn encode_symbol(c: char, out: &mut Vec<u8>) -> bool {
    let cp = c as u32;
    if (0xA0..=0xBF).contains(&cp) {
        out.push(cp as u8);
        return true;
    }
    match CP1252_HIGH[..0x20]
        .iter()
        .position(|&unit| unit != UNDEF && u32::from(unit) == cp)
    {
        Some(i) => {
            out.push(0x80 + i as u8);
            true
        }
        None => false,
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

    fn enc(text: &str) -> Vec<u8> {
        let mut out = Vec::new();
        for c in text.chars() {
            assert!(encode_char(c, &mut out), "{c}");
        }
        out
    }

    #[test]
    fn published_chart_examples() {
        assert_eq!(enc("Việt Nam"), b"Vie\xe4t Nam");
        assert_eq!(enc("Tiếng Việt"), b"Tie\xe1ng Vie\xe4t");
        assert_eq!(enc("đường"), b"\xf1\xf6\xf4\xf8ng");
        assert_eq!(enc("ĐƯỜNG"), b"\xd1\xd6\xd4\xd8NG");
        assert_eq!(enc("kỷ lục"), b"ky\xfb lu\xefc");
        assert_eq!(enc("ỵ ị ắ Ặ"), b"\xee \xf2 a\xe9 A\xcb");
    }

    #[test]
    fn decoding_follows_the_base_letter_case() {
        assert_eq!(dec(b"A\xf9 a\xd9").as_deref(), Some("Á á"));
        assert_eq!(
            dec(b"\x93Vie\xe4t\x94").as_deref(),
            Some("\u{201C}Việt\u{201D}")
        );
    }

    #[test]
    fn stray_diacritics_and_unused_bytes_are_unmappable() {
        assert_eq!(dec(b"\xf9"), None);
        assert_eq!(dec(b"u\xe2"), None);
        assert_eq!(dec(b"x\xf7"), None);
        assert_eq!(dec(b"\x81"), None);
    }
}
