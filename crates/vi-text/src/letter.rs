//! Letter tables: decoding the characters of a Vietnamese word (precomposed or decomposed)
//! into letter codes with their case and tone, and composing them back.

use crate::tone::Tone;

/// Letter codes. `0..12` are the twelve vowels, `12..30` the Vietnamese consonants, and
/// [`FOREIGN`] the Latin letters that Vietnamese does not use (f, j, w, z).
pub(crate) mod code {
    pub const A: u8 = 0;
    pub const AW: u8 = 1; // ă
    pub const AA: u8 = 2; // â
    pub const E: u8 = 3;
    pub const EE: u8 = 4; // ê
    pub const I: u8 = 5;
    pub const O: u8 = 6;
    pub const OO: u8 = 7; // ô
    pub const OW: u8 = 8; // ơ
    pub const U: u8 = 9;
    pub const UW: u8 = 10; // ư
    pub const Y: u8 = 11;
    pub const B: u8 = 12;
    pub const C: u8 = 13;
    pub const D: u8 = 14;
    pub const DD: u8 = 15; // đ
    pub const G: u8 = 16;
    pub const H: u8 = 17;
    pub const K: u8 = 18;
    pub const L: u8 = 19;
    pub const M: u8 = 20;
    pub const N: u8 = 21;
    pub const P: u8 = 22;
    pub const Q: u8 = 23;
    pub const R: u8 = 24;
    pub const S: u8 = 25;
    pub const T: u8 = 26;
    pub const V: u8 = 27;
    pub const X: u8 = 28;
    /// f, j, w, z: Latin letters outside the Vietnamese alphabet.
    pub const FOREIGN: u8 = 29;
}

/// Lower-case, untoned spelling of each letter code (`FOREIGN` spells as `?`; it never
/// reaches a syllable).
pub(crate) const BASE: [&str; 30] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "b", "c", "d", "đ", "g", "h", "k",
    "l", "m", "n", "p", "q", "r", "s", "t", "v", "x", "?",
];

/// Upper-case consonants, by `code - 12`.
const UPPER_CONSONANT: [char; 17] = [
    'B', 'C', 'D', 'Đ', 'G', 'H', 'K', 'L', 'M', 'N', 'P', 'Q', 'R', 'S', 'T', 'V', 'X',
];

/// Precomposed lower-case vowels by code and tone (ngang, huyền, sắc, hỏi, ngã, nặng).
pub(crate) const LOWER: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];

/// Precomposed upper-case vowels by code and tone.
pub(crate) const UPPER: [[char; 6]; 12] = [
    ['A', 'À', 'Á', 'Ả', 'Ã', 'Ạ'],
    ['Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ'],
    ['Â', 'Ầ', 'Ấ', 'Ẩ', 'Ẫ', 'Ậ'],
    ['E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'],
    ['Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ'],
    ['I', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị'],
    ['O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'],
    ['Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ'],
    ['Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ'],
    ['U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'],
    ['Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', 'Ự'],
    ['Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'],
];

/// One decoded letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct Letter {
    /// Letter code (see [`code`]).
    pub code: u8,
    /// Tone index (0 = no mark).
    pub tone: u8,
    /// Upper case.
    pub upper: bool,
}

impl Letter {
    /// True for the twelve vowels.
    #[inline]
    pub fn is_vowel(self) -> bool {
        self.code < 12
    }

    /// The letter as one precomposed character, with `tone` (an index into the tone
    /// columns) when it is a vowel.
    #[inline]
    pub fn to_char(self, tone: u8) -> char {
        let c = usize::from(self.code);
        if c < 12 {
            let t = usize::from(tone.min(5));
            if self.upper { UPPER[c][t] } else { LOWER[c][t] }
        } else if c < 29 {
            if self.upper {
                UPPER_CONSONANT[c - 12]
            } else {
                BASE[c].chars().next().unwrap_or('?')
            }
        } else {
            '?'
        }
    }
}

/// Every letter as [`Letter::to_char`] writes it, by `(code * 6 + tone) * 2 + upper`.
static CHARS: [char; 30 * 6 * 2] = build_chars();

const fn build_chars() -> [char; 30 * 6 * 2] {
    let mut table = ['?'; 30 * 6 * 2];
    let mut code = 0;
    while code < 29 {
        let mut tone = 0;
        while tone < 6 {
            let (lower, upper) = if code < 12 {
                (LOWER[code][tone], UPPER[code][tone])
            } else {
                (CONSONANT[code - 12], UPPER_CONSONANT[code - 12])
            };
            table[(code * 6 + tone) * 2] = lower;
            table[(code * 6 + tone) * 2 + 1] = upper;
            tone += 1;
        }
        code += 1;
    }
    table
}

/// Lower-case consonants, by `code - 12`.
const CONSONANT: [char; 17] = [
    'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 's', 't', 'v', 'x',
];

impl Letter {
    /// [`Letter::to_char`] by one table lookup.
    #[inline]
    pub fn glyph(self, tone: u8) -> char {
        let index = (usize::from(self.code.min(29)) * 6 + usize::from(tone.min(5))) * 2
            + usize::from(self.upper);
        CHARS.get(index).copied().unwrap_or('?')
    }
}

// Packed table entries: bit 15 present, bit 8 upper, bits 5..8 tone, bits 0..5 code.
const PRESENT: u16 = 0x8000;

const fn pack(code: u8, tone: u8, upper: bool) -> u16 {
    PRESENT | ((upper as u16) << 8) | ((tone as u16) << 5) | code as u16
}

const LATIN_START: u32 = 0xC0;
const LATIN_END: u32 = 0x1B1; // exclusive: up to ư U+01B0
const EXT_START: u32 = 0x1EA0;
const EXT_END: u32 = 0x1EFA; // exclusive: up to ỹ U+1EF9

const ASCII_TABLE: [u16; 128] = build_ascii();

/// Packed entries of the characters `E1 BA xx` and `E1 BB xx` (U+1E80..U+1EFF), indexed by
/// `(second - 0xBA) << 6 | (third & 0x3F)`.
pub(crate) const THREE_BYTE: [u16; 128] = build_three_byte();

/// Packed entry of an ASCII byte (0 for non-letters).
#[inline]
pub(crate) fn ascii_entry(b: u8) -> u16 {
    ASCII_TABLE.get(usize::from(b)).copied().unwrap_or(0)
}

/// The letter code of a packed entry.
#[inline]
pub(crate) fn entry_code(entry: u16) -> u8 {
    (entry & 0x1F) as u8
}

/// The tone index of a packed entry.
#[inline]
pub(crate) fn entry_tone(entry: u16) -> u8 {
    ((entry >> 5) & 0x7) as u8
}

const fn build_three_byte() -> [u16; 128] {
    let mut table = [0u16; 128];
    let mut i = 0;
    while i < 128 {
        let cp = 0x1E80 + i as u32;
        if cp >= EXT_START && cp < EXT_END {
            table[i] = EXT_TABLE[(cp - EXT_START) as usize];
        }
        i += 1;
    }
    table
}
const LATIN_TABLE: [u16; (LATIN_END - LATIN_START) as usize] = build_range(LATIN_START);
const EXT_TABLE: [u16; (EXT_END - EXT_START) as usize] = build_range(EXT_START);

const fn ascii_code(lower: u8) -> u8 {
    match lower {
        b'a' => code::A,
        b'e' => code::E,
        b'i' => code::I,
        b'o' => code::O,
        b'u' => code::U,
        b'y' => code::Y,
        b'b' => code::B,
        b'c' => code::C,
        b'd' => code::D,
        b'g' => code::G,
        b'h' => code::H,
        b'k' => code::K,
        b'l' => code::L,
        b'm' => code::M,
        b'n' => code::N,
        b'p' => code::P,
        b'q' => code::Q,
        b'r' => code::R,
        b's' => code::S,
        b't' => code::T,
        b'v' => code::V,
        b'x' => code::X,
        _ => code::FOREIGN,
    }
}

const fn build_ascii() -> [u16; 128] {
    let mut table = [0u16; 128];
    let mut b = b'a';
    while b <= b'z' {
        let code = ascii_code(b);
        table[b as usize] = pack(code, 0, false);
        table[(b - 32) as usize] = pack(code, 0, true);
        b += 1;
    }
    table
}

const fn build_range<const N: usize>(start: u32) -> [u16; N] {
    let mut table = [0u16; N];
    let mut v = 0;
    while v < 12 {
        let mut t = 0;
        while t < 6 {
            let lower = LOWER[v][t] as u32;
            let upper = UPPER[v][t] as u32;
            if lower >= start && lower < start + N as u32 {
                table[(lower - start) as usize] = pack(v as u8, t as u8, false);
            }
            if upper >= start && upper < start + N as u32 {
                table[(upper - start) as usize] = pack(v as u8, t as u8, true);
            }
            t += 1;
        }
        v += 1;
    }
    // đ U+0111, Đ U+0110
    if 0x110 >= start && 0x111 < start + N as u32 {
        table[(0x110 - start) as usize] = pack(code::DD, 0, true);
        table[(0x111 - start) as usize] = pack(code::DD, 0, false);
    }
    table
}

#[inline]
fn unpack(entry: u16) -> Option<Letter> {
    if entry & PRESENT == 0 {
        return None;
    }
    Some(Letter {
        code: (entry & 0x1F) as u8,
        tone: ((entry >> 5) & 0x7) as u8,
        upper: entry & 0x100 != 0,
    })
}

/// Decodes one character as a Latin letter of the Vietnamese alphabet (ASCII letters,
/// precomposed Vietnamese vowels, đ/Đ). Other characters give `None`.
#[inline]
pub(crate) fn letter_of(c: char) -> Option<Letter> {
    letter_of_code_point(c as u32)
}

/// [`letter_of`] for a code point.
#[inline]
pub(crate) fn letter_of_code_point(u: u32) -> Option<Letter> {
    if u < 128 {
        unpack(ASCII_TABLE[u as usize])
    } else if (LATIN_START..LATIN_END).contains(&u) {
        unpack(LATIN_TABLE[(u - LATIN_START) as usize])
    } else if (EXT_START..EXT_END).contains(&u) {
        unpack(EXT_TABLE[(u - EXT_START) as usize])
    } else {
        None
    }
}

/// A combining mark Vietnamese writing uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// A tone mark, by tone index.
    Tone(u8),
    /// Circumflex U+0302 (â ê ô).
    Circumflex,
    /// Breve U+0306 (ă).
    Breve,
    /// Horn U+031B (ơ ư).
    Horn,
}

/// The Vietnamese combining mark `c` is, if any.
#[inline]
pub(crate) fn mark_of(c: char) -> Option<Mark> {
    match c {
        '\u{0300}' | '\u{0340}' => Some(Mark::Tone(Tone::Huyen as u8)),
        '\u{0301}' | '\u{0341}' => Some(Mark::Tone(Tone::Sac as u8)),
        '\u{0309}' => Some(Mark::Tone(Tone::Hoi as u8)),
        '\u{0303}' => Some(Mark::Tone(Tone::Nga as u8)),
        '\u{0323}' => Some(Mark::Tone(Tone::Nang as u8)),
        '\u{0302}' => Some(Mark::Circumflex),
        '\u{0306}' => Some(Mark::Breve),
        '\u{031B}' => Some(Mark::Horn),
        _ => None,
    }
}

/// True for characters of the combining-diacritics blocks (any script).
#[inline]
pub(crate) fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// True for characters that belong to a word: letters of any script and combining marks
/// (general category M).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        letter_of(c).is_some()
            || is_combining(c)
            || c.is_alphabetic()
            || unicode_normalization::char::is_combining_mark(c)
    }
}

/// Applies a vowel-quality mark to a letter code: `a + ^ = â`, `o + horn = ơ`, …
#[inline]
fn with_quality(code: u8, mark: Mark) -> Option<u8> {
    match (code, mark) {
        (code::A, Mark::Circumflex) => Some(code::AA),
        (code::A, Mark::Breve) => Some(code::AW),
        (code::E, Mark::Circumflex) => Some(code::EE),
        (code::O, Mark::Circumflex) => Some(code::OO),
        (code::O, Mark::Horn) => Some(code::OW),
        (code::U, Mark::Horn) => Some(code::UW),
        _ => None,
    }
}

/// Most letters a single syllable can have ("nghiêng" has 7).
pub(crate) const MAX_LETTERS: usize = 8;

/// A word decoded into letters, with the position of its tone mark.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Letters {
    pub buf: [Letter; MAX_LETTERS],
    pub len: usize,
    /// Number of tone marks seen.
    pub tones: u8,
    /// The (last) tone seen.
    pub tone: u8,
    /// Index of the letter carrying the (last) tone mark.
    pub tone_pos: usize,
    /// True when the word used combining marks (it was not in precomposed form).
    pub combining: bool,
}

impl Letters {
    /// The letters, without their tone marks.
    pub fn letters(&self) -> &[Letter] {
        &self.buf[..self.len.min(MAX_LETTERS)]
    }
}

impl Letters {
    /// Adds one decoded letter (its tone taken off and recorded). False when the word grows
    /// longer than any syllable.
    #[inline]
    pub fn push_letter(&mut self, mut letter: Letter) -> bool {
        if self.len == MAX_LETTERS {
            return false;
        }
        if letter.tone != 0 {
            self.tones = self.tones.saturating_add(1);
            self.tone = letter.tone;
            self.tone_pos = self.len;
            letter.tone = 0;
        }
        self.buf[self.len] = letter;
        self.len += 1;
        true
    }

    /// Adds one character: a letter or a Vietnamese combining mark. False when the
    /// character is neither, a mark cannot sit where it is, or the word grows longer than
    /// any syllable; the letters are then no longer meaningful.
    #[inline]
    pub fn push(&mut self, c: char) -> bool {
        if let Some(letter) = letter_of(c) {
            return self.push_letter(letter);
        }
        let Some(mark) = mark_of(c) else {
            return false;
        };
        self.push_mark(mark)
    }

    /// Adds one Vietnamese combining mark to the last letter. False when there is no letter
    /// or the mark cannot sit on it.
    #[inline]
    pub fn push_mark(&mut self, mark: Mark) -> bool {
        self.combining = true;
        let Some(last) = self.len.checked_sub(1) else {
            return false;
        };
        let Some(letter) = self.buf.get_mut(last) else {
            return false;
        };
        match mark {
            Mark::Tone(t) => {
                if !letter.is_vowel() {
                    return false;
                }
                self.tones = self.tones.saturating_add(1);
                self.tone = t;
                self.tone_pos = last;
            }
            quality => match with_quality(letter.code, quality) {
                Some(code) => letter.code = code,
                None => return false,
            },
        }
        true
    }
}

/// Decodes `word` (every character a Vietnamese letter or a Vietnamese combining mark, in
/// NFC, NFD or a mix) into letters. `None` when a character is anything else, a mark has no
/// letter to sit on or cannot sit on it, or the word is longer than any syllable.
pub(crate) fn decode(word: &str) -> Option<Letters> {
    let mut out = Letters::default();
    for c in word.chars() {
        if !out.push(c) {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_tables_agree_with_char_tables() {
        for second in [0xBAu8, 0xBB] {
            for third in 0x80u8..=0xBF {
                let Ok(text) = std::str::from_utf8(&[0xE1, second, third]).map(str::to_owned)
                else {
                    continue;
                };
                let c = text.chars().next().unwrap_or('\0');
                let entry = THREE_BYTE[usize::from(second - 0xBA) << 6 | usize::from(third & 0x3F)];
                assert_eq!(unpack(entry), letter_of(c), "{c}");
            }
        }
    }

    #[test]
    fn glyphs_are_to_char() {
        for code in 0..30u8 {
            for tone in 0..6u8 {
                for upper in [false, true] {
                    let l = Letter {
                        code,
                        tone: 0,
                        upper,
                    };
                    assert_eq!(l.glyph(tone), l.to_char(tone), "{code} {tone} {upper}");
                }
            }
        }
    }

    #[test]
    fn tables_cover_every_precomposed_vowel() {
        for (v, row) in LOWER.iter().enumerate() {
            for (t, &c) in row.iter().enumerate() {
                let l = letter_of(c).expect("lower vowel decodes");
                assert_eq!((l.code as usize, l.tone as usize, l.upper), (v, t, false));
                let u = letter_of(UPPER[v][t]).expect("upper vowel decodes");
                assert_eq!((u.code as usize, u.tone as usize, u.upper), (v, t, true));
                assert_eq!(l.to_char(l.tone), c);
                assert_eq!(u.to_char(u.tone), UPPER[v][t]);
            }
        }
        assert_eq!(
            letter_of('đ').map(|l| (l.code, l.upper)),
            Some((code::DD, false))
        );
        assert_eq!(
            letter_of('Đ').map(|l| (l.code, l.upper)),
            Some((code::DD, true))
        );
        assert_eq!(letter_of('é').map(|l| l.code), Some(code::E));
        assert_eq!(letter_of('ç'), None);
        assert_eq!(letter_of('ñ'), None);
        assert_eq!(letter_of('1'), None);
    }

    #[test]
    fn decodes_nfd_in_any_mark_order() {
        // ậ as a + dot below + circumflex (canonical order) and a + circumflex + dot below.
        for word in ["a\u{0323}\u{0302}", "a\u{0302}\u{0323}", "ậ", "â\u{0323}"] {
            let l = decode(word).expect("decodes");
            assert_eq!(l.len, 1);
            assert_eq!(l.buf[0].code, code::AA);
            assert_eq!(l.tone, Tone::Nang as u8);
            assert_eq!(l.tones, 1);
        }
        assert!(decode("\u{0301}a").is_none());
        assert!(decode("n\u{0301}").is_none());
        assert!(decode("i\u{0302}").is_none());
    }
}
