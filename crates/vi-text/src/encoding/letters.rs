//! The Vietnamese letters as a grid: twelve vowels by six tones, in both cases, plus đ/Đ.
//!
//! Every legacy encoding is written in terms of this grid, so that a letter is analysed once
//! (`letter_code`) and each encoder only maps a small code to its bytes.

/// The twelve vowels, in the order of the grid rows.
pub(crate) const A: u8 = 0;
/// ă
pub(crate) const A_BREVE: u8 = 1;
/// â
pub(crate) const A_CIRC: u8 = 2;
/// e
pub(crate) const E: u8 = 3;
/// ê
pub(crate) const E_CIRC: u8 = 4;
/// i
pub(crate) const I: u8 = 5;
/// o
pub(crate) const O: u8 = 6;
/// ô
pub(crate) const O_CIRC: u8 = 7;
/// ơ
pub(crate) const O_HORN: u8 = 8;
/// u
pub(crate) const U: u8 = 9;
/// ư
pub(crate) const U_HORN: u8 = 10;
/// y
pub(crate) const Y: u8 = 11;

/// Number of vowels (grid rows).
pub(crate) const VOWELS: usize = 12;
/// Number of tones (grid columns): none, grave (huyền), acute (sắc), hook (hỏi), tilde (ngã),
/// dot below (nặng).
pub(crate) const TONES: usize = 6;

/// The combining mark of each tone (index 0 unused).
pub(crate) const TONE_MARKS: [char; TONES] =
    ['\0', '\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// Lower-case vowels by tone.
pub(crate) const LOWER: [[char; TONES]; VOWELS] = [
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

/// Upper-case vowels by tone.
pub(crate) const UPPER: [[char; TONES]; VOWELS] = [
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

/// Code of đ.
pub(crate) const D_STROKE_LOWER: u8 = (2 * VOWELS * TONES) as u8;
/// Code of Đ.
pub(crate) const D_STROKE_UPPER: u8 = D_STROKE_LOWER + 1;
/// Number of letter codes (144 vowels + đ + Đ).
pub(crate) const LETTER_CODES: usize = D_STROKE_UPPER as usize + 1;
/// "Not a Vietnamese letter".
pub(crate) const NONE: u8 = u8::MAX;

/// A Vietnamese vowel letter, analysed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Vowel {
    /// Row of the grid (`A` … `Y`).
    pub vowel: u8,
    /// Column of the grid (`TONE_NONE` … 5).
    pub tone: u8,
    /// Upper case.
    pub upper: bool,
}

/// Letter code of a vowel: `vowel * 6 + tone`, plus 72 for upper case.
#[must_use]
pub(crate) const fn vowel_code(vowel: u8, tone: u8, upper: bool) -> u8 {
    let base = vowel * TONES as u8 + tone;
    if upper {
        base + (VOWELS * TONES) as u8
    } else {
        base
    }
}

/// The vowel a letter code stands for, or `None` for đ/Đ and `NONE`.
#[must_use]
pub(crate) const fn vowel_of(code: u8) -> Option<Vowel> {
    let per_case = (VOWELS * TONES) as u8;
    if code >= 2 * per_case {
        return None;
    }
    let upper = code >= per_case;
    let plain = if upper { code - per_case } else { code };
    Some(Vowel {
        vowel: plain / TONES as u8,
        tone: plain % TONES as u8,
        upper,
    })
}

/// The character of a letter code; đ for any code past the vowels.
#[must_use]
pub(crate) const fn char_of(code: u8) -> char {
    match vowel_of(code) {
        Some(v) if v.upper => UPPER[v.vowel as usize][v.tone as usize],
        Some(v) => LOWER[v.vowel as usize][v.tone as usize],
        None if code == D_STROKE_UPPER => 'Đ',
        None => 'đ',
    }
}

/// The character of a vowel in the grid.
#[must_use]
pub(crate) fn vowel_char(vowel: u8, tone: u8, upper: bool) -> char {
    let grid = if upper { &UPPER } else { &LOWER };
    grid.get(usize::from(vowel))
        .and_then(|row| row.get(usize::from(tone)))
        .copied()
        .unwrap_or('\u{FFFD}')
}

const LATIN_START: u32 = 0x00C0;
const LATIN_END: u32 = 0x01B0;
const EXT_START: u32 = 0x1EA0;
const EXT_END: u32 = 0x1EF9;

/// Letter codes of U+00C0..=U+01B0.
static LATIN: [u8; (LATIN_END - LATIN_START + 1) as usize] = build_range(LATIN_START, LATIN_END);
/// Letter codes of U+1EA0..=U+1EF9.
static EXT: [u8; (EXT_END - EXT_START + 1) as usize] = build_range(EXT_START, EXT_END);

const fn build_range<const N: usize>(start: u32, end: u32) -> [u8; N] {
    let mut table = [NONE; N];
    let mut vowel = 0;
    while vowel < VOWELS {
        let mut tone = 0;
        while tone < TONES {
            let lower = LOWER[vowel][tone] as u32;
            let upper = UPPER[vowel][tone] as u32;
            if lower >= start && lower <= end {
                table[(lower - start) as usize] = vowel_code(vowel as u8, tone as u8, false);
            }
            if upper >= start && upper <= end {
                table[(upper - start) as usize] = vowel_code(vowel as u8, tone as u8, true);
            }
            tone += 1;
        }
        vowel += 1;
    }
    if 0x111 >= start && 0x111 <= end {
        table[(0x111 - start) as usize] = D_STROKE_LOWER;
        table[(0x110 - start) as usize] = D_STROKE_UPPER;
    }
    table
}

/// The letter code of `c`, or `NONE` when `c` is not a Vietnamese vowel or đ/Đ (plain
/// consonants, including `d`, are `NONE`).
#[must_use]
pub(crate) fn letter_code(c: char) -> u8 {
    let cp = c as u32;
    match cp {
        0x61 => vowel_code(A, 0, false),
        0x65 => vowel_code(E, 0, false),
        0x69 => vowel_code(I, 0, false),
        0x6F => vowel_code(O, 0, false),
        0x75 => vowel_code(U, 0, false),
        0x79 => vowel_code(Y, 0, false),
        0x41 => vowel_code(A, 0, true),
        0x45 => vowel_code(E, 0, true),
        0x49 => vowel_code(I, 0, true),
        0x4F => vowel_code(O, 0, true),
        0x55 => vowel_code(U, 0, true),
        0x59 => vowel_code(Y, 0, true),
        LATIN_START..=LATIN_END => LATIN[(cp - LATIN_START) as usize],
        EXT_START..=EXT_END => EXT[(cp - EXT_START) as usize],
        _ => NONE,
    }
}

/// Composes `c` with the combining mark `mark` that follows it: a toneless Vietnamese vowel
/// with a tone mark directly (Unicode composes ặ ậ ệ ộ from ạ ẹ ọ, not from ă â ê ô), anything
/// else by canonical composition.
#[must_use]
pub(crate) fn compose_mark(c: char, mark: char) -> Option<char> {
    if let Some(tone) = TONE_MARKS.iter().skip(1).position(|&m| m == mark)
        && let Some(v) = vowel_of(letter_code(c)).filter(|v| v.tone == 0)
    {
        return Some(vowel_char(v.vowel, tone as u8 + 1, v.upper));
    }
    unicode_normalization::char::compose(c, mark)
}

/// True for a combining mark that may compose with a preceding letter (U+0300..=U+036F).
#[must_use]
pub(crate) fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::compose;

    #[test]
    fn grid_agrees_with_unicode_composition() {
        for grid in [&LOWER, &UPPER] {
            for row in grid {
                for tone in 1..TONES {
                    let nfc: String = [row[0], TONE_MARKS[tone]].into_iter().nfc().collect();
                    assert_eq!(nfc, row[tone].to_string());
                    assert_eq!(compose_mark(row[0], TONE_MARKS[tone]), Some(row[tone]));
                }
            }
        }
        assert_eq!(compose_mark('b', '\u{301}'), None);
        assert_eq!(compose_mark('á', '\u{301}'), None);
        assert_eq!(compose_mark('n', '\u{300}'), Some('ǹ'));
        assert_eq!(compose('a', '\u{306}'), Some('ă'));
        assert_eq!(compose('o', '\u{31B}'), Some('ơ'));
        assert_eq!(compose('U', '\u{31B}'), Some('Ư'));
    }

    #[test]
    fn every_letter_round_trips_through_its_code() {
        let mut seen = 0;
        for code in 0..LETTER_CODES as u8 {
            let c = char_of(code);
            assert_eq!(letter_code(c), code, "{c}");
            seen += 1;
        }
        assert_eq!(seen, 146);
        assert_eq!(letter_code('b'), NONE);
        assert_eq!(letter_code('d'), NONE);
        assert_eq!(letter_code('ñ'), NONE);
        assert_eq!(letter_code('ǹ'), NONE);
    }
}
