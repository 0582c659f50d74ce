//! The Vietnamese syllable: initial, vowel group, final consonant and tone.
//!
//! [`parse`] reads a syllable written in any case, in NFC or NFD (or a mix), with its tone
//! mark on any vowel, and checks it against the phonotactic rules of the written language
//! (which initials go with which rhymes, `c/k/q`, `g/gh`, `ng/ngh`, and stop finals `p t c ch`
//! only with sắc or nặng). [`Syllable::write`] composes it back in NFC with the mark placed
//! in the style asked. [`inventory`] lists every valid syllable.
//!
//! ```
//! use vi_text::syllable::{self, Syllable};
//! use vi_text::tone::{Tone, ToneStyle};
//!
//! let s = syllable::parse("Quyết").unwrap();
//! assert_eq!((s.initial(), s.vowels(), s.final_consonant()), ("qu", "yê", "t"));
//! assert_eq!(s.tone(), Tone::Sac);
//!
//! let s = syllable::parse("hoà").unwrap();
//! assert_eq!(s.to_style(ToneStyle::Old), "hòa");
//! assert_eq!(syllable::parse("noí").unwrap().to_string(), "nói");
//! assert!(!syllable::is_valid_syllable("Genève"));
//! assert!(syllable::is_valid_syllable("cát"));
//! assert!(!syllable::is_valid_syllable("càt")); // a stop final with huyền
//! ```

use crate::letter::{self, BASE, Letter, Letters, MAX_LETTERS, code};
use crate::phonotactics;
use crate::tone::{self, Split, Tone, ToneStyle};
use std::fmt;

/// Bytes of the lower-case, untoned spelling (at most 8 letters of 2 bytes).
const SPELLING: usize = 2 * MAX_LETTERS;

/// A parsed Vietnamese syllable.
///
/// It keeps the letters as written (with their case), the tone, and where the mark was
/// written, so that [`ToneStyle::Keep`] can leave a correct placement alone.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Syllable {
    letters: [Letter; MAX_LETTERS],
    len: u8,
    split_initial: u8,
    split_vowels: u8,
    split_end: u8,
    tone: Tone,
    written: u8,
    spelling: [u8; SPELLING],
    spelling_len: u8,
    /// Byte offsets into `spelling`: end of initial, start of vowels, end of vowels,
    /// start of the rhyme.
    offsets: [u8; 4],
}

impl fmt::Debug for Syllable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Syllable")
            .field("text", &self.to_string())
            .field("initial", &self.initial())
            .field("vowels", &self.vowels())
            .field("final", &self.final_consonant())
            .field("tone", &self.tone)
            .finish()
    }
}

/// Parses `word` as one Vietnamese syllable; `None` when it is not one.
///
/// Accepts upper, lower and mixed case, NFC or NFD, and a tone mark on any vowel of the
/// syllable (including the `u` of `qu` and the `i` of `gi`). A word with two tone marks, a
/// foreign letter (f j w z, é with another mark, ç…), or a spelling Vietnamese does not
/// allow is not a syllable.
#[must_use]
pub fn parse(word: &str) -> Option<Syllable> {
    let letters = letter::decode(word)?;
    from_letters(&letters)
}

/// True when `word` is one valid Vietnamese syllable (see [`parse`]).
///
/// ```
/// use vi_text::syllable::is_valid_syllable;
/// assert!(is_valid_syllable("nghiêng"));
/// assert!(is_valid_syllable("QUỐC"));
/// assert!(is_valid_syllable("kẻ")); // k before e is right...
/// assert!(!is_valid_syllable("cẻ")); // ...c before e is not
/// assert!(!is_valid_syllable("Pérez"));
/// ```
#[must_use]
pub fn is_valid_syllable(word: &str) -> bool {
    parse(word).is_some()
}

pub(crate) fn from_letters(decoded: &Letters) -> Option<Syllable> {
    build(decoded, false)
}

/// The split and tone of decoded letters when they spell a valid syllable; `any_tone` skips
/// the check of the tone against the final.
#[inline]
fn check(decoded: &Letters, any_tone: bool) -> Option<(Split, Tone)> {
    if decoded.tones > 1 {
        return None;
    }
    let letters = decoded.letters();
    let split = tone::split(letters)?;
    let tone = if decoded.tones == 1 {
        Tone::from_index(decoded.tone)
    } else {
        Tone::Ngang
    };
    let mut codes = [0u8; MAX_LETTERS];
    for (slot, l) in codes.iter_mut().zip(&decoded.buf) {
        *slot = l.code;
    }
    let codes = codes.get(..letters.len()).unwrap_or(&[]);
    // "giêng": the rhyme is "iêng", spelt with the i of gi.
    let rhyme_start = if split.initial == 2
        && split.vowels == 2
        && codes.get(..3) == Some(&[code::G, code::I, code::EE])
        && split.end < codes.len()
    {
        1
    } else {
        split.vowels
    };
    phonotactics::valid(
        codes.get(..split.initial).unwrap_or(&[]),
        codes.get(rhyme_start..).unwrap_or(&[]),
        codes.get(split.end..).unwrap_or(&[]),
        if any_tone { Tone::Sac } else { tone },
    )
    .then_some((split, tone))
}

/// Builds a syllable from decoded letters; `any_tone` skips the check of the tone against
/// the final (for toneless spellings that [`Syllable::with_tone`] completes).
fn build(decoded: &Letters, any_tone: bool) -> Option<Syllable> {
    let (split, tone) = check(decoded, any_tone)?;
    let letters = decoded.letters();
    let mut syllable = Syllable {
        letters: decoded.buf,
        len: letters.len() as u8,
        split_initial: split.initial as u8,
        split_vowels: split.vowels as u8,
        split_end: split.end as u8,
        tone,
        written: decoded.tone_pos as u8,
        spelling: [0; SPELLING],
        spelling_len: 0,
        offsets: [0; 4],
    };
    syllable.fill_spelling(split);
    if decoded.tones == 0 {
        syllable.written = syllable.targets().0 as u8;
    }
    Some(syllable)
}

/// Appends the syllable that `decoded` spells to `out` as [`Syllable::write`] does, without
/// building the [`Syllable`]; false (and `out` untouched) when it spells none.
#[inline]
pub(crate) fn respell(decoded: &Letters, style: ToneStyle, out: &mut String) -> bool {
    let Some((split, tone)) = check(decoded, false) else {
        return false;
    };
    let letters = decoded.letters();
    let targets = tone::targets(letters, split);
    let written = if decoded.tones == 0 {
        targets.0
    } else {
        decoded.tone_pos
    };
    let at = tone::target_for(style, targets, written);
    out.reserve(3 * letters.len());
    for (i, l) in letters.iter().enumerate() {
        out.push(l.glyph(if i == at { tone as u8 } else { 0 }));
    }
    true
}

impl Syllable {
    fn fill_spelling(&mut self, split: Split) {
        let mut at = 0usize;
        let mut offset_of = [0usize; MAX_LETTERS + 1];
        for (i, l) in self.letters[..usize::from(self.len)].iter().enumerate() {
            offset_of[i] = at;
            for &b in BASE[usize::from(l.code)].as_bytes() {
                if at < SPELLING {
                    self.spelling[at] = b;
                    at += 1;
                }
            }
        }
        offset_of[usize::from(self.len)] = at;
        self.spelling_len = at as u8;
        let initial_end = offset_of[split.initial];
        let vowels = offset_of[split.vowels];
        let vowels_end = offset_of[split.end];
        // "giêng": the rhyme is "iêng", spelt with the i of gi.
        let rhyme = if split.initial == 2
            && split.vowels == 2
            && self.letters[0].code == code::G
            && self.letters[1].code == code::I
            && self.letters[2].code == code::EE
            && split.end < usize::from(self.len)
        {
            offset_of[1]
        } else {
            vowels
        };
        self.offsets = [
            initial_end as u8,
            vowels as u8,
            vowels_end as u8,
            rhyme as u8,
        ];
    }

    fn spelling(&self) -> &str {
        std::str::from_utf8(&self.spelling[..usize::from(self.spelling_len)]).unwrap_or("")
    }

    fn range(&self, start: u8, end: u8) -> &str {
        self.spelling()
            .get(usize::from(start)..usize::from(end))
            .unwrap_or("")
    }

    fn split(&self) -> Split {
        Split {
            initial: usize::from(self.split_initial),
            vowels: usize::from(self.split_vowels),
            end: usize::from(self.split_end),
        }
    }

    fn targets(&self) -> (usize, usize) {
        tone::targets(&self.letters[..usize::from(self.len)], self.split())
    }

    /// The initial consonant, lower case: `""`, `"b"`, `"ngh"`, `"qu"`, `"gi"`, …
    #[must_use]
    pub fn initial(&self) -> &str {
        self.range(0, self.offsets[0])
    }

    /// The vowel group the tone rules see, lower case and untoned: `"oa"` in *hoà*, `"a"`
    /// in *quá* and *giá*, `"i"` in *gìn*.
    #[must_use]
    pub fn vowels(&self) -> &str {
        self.range(self.offsets[1], self.offsets[2])
    }

    /// The final consonant (`c ch m n ng nh p t`) or `""`.
    #[must_use]
    pub fn final_consonant(&self) -> &str {
        self.range(self.offsets[2], self.spelling_len)
    }

    /// The rhyme: vowel group and final, lower case and untoned (`"iêng"` in *giếng*).
    #[must_use]
    pub fn rhyme(&self) -> &str {
        self.range(self.offsets[3], self.spelling_len)
    }

    /// The syllable lower case and without its tone mark (`"hoa"` for *Hoà*).
    #[must_use]
    pub fn base(&self) -> &str {
        self.spelling()
    }

    /// The tone.
    #[must_use]
    pub fn tone(&self) -> Tone {
        self.tone
    }

    /// The same syllable with another tone; `None` when the final does not allow it
    /// (a stop final takes only sắc or nặng).
    #[must_use]
    pub fn with_tone(&self, tone: Tone) -> Option<Syllable> {
        if is_stop(self.final_consonant()) && !tone.fits_stop_final() {
            return None;
        }
        let mut out = *self;
        out.tone = tone;
        Some(out)
    }

    /// The same syllable in lower case.
    #[must_use]
    pub fn to_lowercase(&self) -> Syllable {
        let mut out = *self;
        for l in &mut out.letters {
            l.upper = false;
        }
        out
    }

    /// True when the mark, as written, is where `style` puts it (for [`ToneStyle::Keep`]:
    /// where either style puts it). Always true for ngang.
    #[must_use]
    pub fn is_placed(&self, style: ToneStyle) -> bool {
        if self.tone == Tone::Ngang {
            return true;
        }
        let targets = self.targets();
        usize::from(self.written) == tone::target_for(style, targets, usize::from(self.written))
    }

    /// Index (in letters) of the letter that carries the mark in `style`.
    #[must_use]
    pub fn mark_position(&self, style: ToneStyle) -> usize {
        tone::target_for(style, self.targets(), usize::from(self.written))
    }

    /// Appends the syllable in NFC to `out`, its mark placed in `style`, each letter in the
    /// case it was written.
    pub fn write(&self, style: ToneStyle, out: &mut String) {
        let at = self.mark_position(style);
        for (i, l) in self.letters[..usize::from(self.len)].iter().enumerate() {
            let tone = if i == at { self.tone as u8 } else { 0 };
            out.push(l.to_char(tone));
        }
    }

    /// The syllable in NFC with its mark placed in `style`.
    #[must_use]
    pub fn to_style(&self, style: ToneStyle) -> String {
        let mut out = String::with_capacity(16);
        self.write(style, &mut out);
        out
    }

    /// Number of letters.
    #[must_use]
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Always false: a syllable has at least one vowel.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl fmt::Display for Syllable {
    /// Writes the syllable in NFC, the mark kept where written when correct in either
    /// style ([`ToneStyle::Keep`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.mark_position(ToneStyle::Keep);
        for (i, l) in self.letters[..usize::from(self.len)].iter().enumerate() {
            let tone = if i == at { self.tone as u8 } else { 0 };
            fmt::Write::write_char(f, l.to_char(tone))?;
        }
        Ok(())
    }
}

/// Initials of the written language (`""` is the empty initial).
pub const INITIALS: [&str; 28] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];

/// Rhymes after every initial but `qu` (with `iê`; the empty initial writes `yê`).
pub(crate) const RHYMES: &[&str] = &[
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", "e", "ec",
    "em", "en", "eng", "eo", "ep", "et", "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu",
    "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu", "o", "oa", "oac", "oach", "oai", "oam",
    "oan", "oang", "oanh", "oao", "oap", "oat", "oay", "oc", "oe", "oen", "oeo", "oet", "oi", "om",
    "on", "ong", "ooc", "oong", "op", "ot", "oăc", "oăm", "oăn", "oăng", "oăt", "u", "ua", "uc",
    "ui", "um", "un", "ung", "up", "ut", "uy", "uya", "uych", "uyn", "uynh", "uyp", "uyt", "uyu",
    "uyên", "uyêt", "uân", "uâng", "uât", "uây", "uê", "uêch", "uênh", "uôc", "uôi", "uôm", "uôn",
    "uông", "uôt", "uơ", "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây", "ê", "êch", "êm", "ên",
    "ênh", "êp", "êt", "êu", "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", "ăc", "ăm", "ăn",
    "ăng", "ăp", "ăt", "ơ", "ơi", "ơm", "ơn", "ơp", "ơt", "ư", "ưa", "ưc", "ưi", "ưng", "ưt", "ưu",
    "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
];

/// The `yê` rhymes of the empty initial (yên, yêu, yết…) and the open `y`.
pub(crate) const EMPTY_INITIAL_RHYMES: &[&str] = &["y", "yêm", "yên", "yêng", "yêt", "yêu"];

/// Initials that take the open rhyme `y` (spelling variants such as lý/lí, kỹ/kĩ).
pub(crate) const Y_INITIALS: &[&str] = &["", "d", "h", "k", "l", "m", "n", "s", "t", "th", "v"];

/// Rhymes after `qu` (whose `u` is the medial).
pub(crate) const QU_RHYMES: &[&str] = &[
    "a", "ac", "ach", "ai", "an", "ang", "anh", "ao", "at", "au", "ay", "e", "en", "eo", "et", "i",
    "it", "y", "ych", "ynh", "yt", "yên", "yêt", "ân", "âng", "ât", "ây", "ê", "êch", "ên", "ênh",
    "êt", "ôc", "ăc", "ăm", "ăn", "ăng", "ăp", "ăt", "ơ",
];

/// Loan words with a labial initial and a medial (xe buýt, voan, tiền boa).
pub(crate) const LABIAL_MEDIAL: &[(&str, &str)] = &[("b", "uyt"), ("v", "oan"), ("b", "oa")];

fn is_stop(final_consonant: &str) -> bool {
    matches!(final_consonant, "p" | "t" | "c" | "ch")
}

#[cfg(test)]
fn has_medial(rhyme: &str) -> bool {
    ["oa", "oă", "oe", "uâ", "uê", "uơ", "uy"]
        .iter()
        .any(|m| rhyme.starts_with(m))
}

#[cfg(test)]
fn is_front(rhyme: &str) -> bool {
    matches!(rhyme.as_bytes().first(), Some(b'e' | b'i' | b'y')) || rhyme.starts_with("ê")
}

/// The phonotactic check of an initial, a rhyme and a tone, on spellings: the reference of
/// `crate::phonotactics::valid`.
#[cfg(test)]
fn valid(initial: &str, rhyme: &str, final_consonant: &str, tone: Tone) -> bool {
    if is_stop(final_consonant) && !tone.fits_stop_final() {
        return false;
    }
    let in_rhymes = RHYMES.binary_search(&rhyme).is_ok();
    let front = is_front(rhyme);
    let medial = has_medial(rhyme);
    match initial {
        "qu" => QU_RHYMES.binary_search(&rhyme).is_ok(),
        "" => {
            (in_rhymes && !rhyme.starts_with("iê"))
                || EMPTY_INITIAL_RHYMES.binary_search(&rhyme).is_ok()
        }
        "gi" => in_rhymes && !medial && !rhyme.starts_with("ia"),
        _ => {
            let ok_rhyme = in_rhymes || (rhyme == "y" && Y_INITIALS.contains(&initial));
            if !ok_rhyme {
                return false;
            }
            match initial {
                "c" => !front && !medial,
                "k" | "gh" | "ngh" => front && !medial,
                "g" | "ng" => !front,
                "b" | "m" | "p" | "ph" | "v" => {
                    !medial || LABIAL_MEDIAL.contains(&(initial, rhyme))
                }
                _ => INITIALS.contains(&initial),
            }
        }
    }
}

/// Every valid Vietnamese syllable, lower case, each toneless spelling with every tone its
/// final allows, marks placed in the old style (use [`Syllable::write`] for another).
///
/// ```
/// use vi_text::syllable::inventory;
/// let all: Vec<String> = inventory().map(|s| s.to_string()).collect();
/// assert!(all.iter().any(|s| s == "nghiêng"));
/// assert!(all.iter().any(|s| s == "thủy"));
/// assert!(!all.iter().any(|s| s == "càt"));
/// ```
pub fn inventory() -> impl Iterator<Item = Syllable> {
    INITIALS.iter().flat_map(|&initial| {
        let rhymes: &'static [&'static str] = match initial {
            "qu" => QU_RHYMES,
            "" => RHYMES,
            _ => RHYMES,
        };
        let extra: &'static [&'static str] = match initial {
            "" => EMPTY_INITIAL_RHYMES,
            _ if Y_INITIALS.contains(&initial) => &["y"],
            _ => &[],
        };
        rhymes
            .iter()
            .chain(extra.iter())
            .filter_map(move |&rhyme| {
                let mut spelt = [0u8; 4 * SPELLING];
                let text = spell(initial, rhyme, &mut spelt)?;
                let syllable = build(&letter::decode(text)?, true)?;
                // The spelling must read back as this initial and rhyme.
                (syllable.initial() == initial && syllable.rhyme() == rhyme).then_some(syllable)
            })
            .flat_map(|syllable| {
                Tone::ALL
                    .into_iter()
                    .filter_map(move |tone| syllable.with_tone(tone))
            })
    })
}

/// Writes the toneless spelling of `initial` + `rhyme` (`gi` + `in` → `gin`).
fn spell<'a>(initial: &str, rhyme: &str, buf: &'a mut [u8]) -> Option<&'a str> {
    let initial = if initial == "gi" && rhyme.starts_with('i') {
        "g"
    } else {
        initial
    };
    let total = initial.len() + rhyme.len();
    let slot = buf.get_mut(..total)?;
    slot[..initial.len()].copy_from_slice(initial.as_bytes());
    slot[initial.len()..].copy_from_slice(rhyme.as_bytes());
    std::str::from_utf8(slot).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        for table in [RHYMES, QU_RHYMES, EMPTY_INITIAL_RHYMES, Y_INITIALS] {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
        }
    }

    #[test]
    fn parts_of_syllables() {
        let cases = [
            ("quý", "qu", "y", ""),
            ("giá", "gi", "a", ""),
            ("gìn", "gi", "i", "n"),
            ("giếng", "gi", "ê", "ng"),
            ("nghiêng", "ngh", "iê", "ng"),
            ("khuỷu", "kh", "uyu", ""),
            ("người", "ng", "ươi", ""),
            ("ỉa", "", "ia", ""),
            ("yêu", "", "yêu", ""),
            ("Đường", "đ", "ươ", "ng"),
            ("oà", "", "oa", ""),
        ];
        for (word, initial, vowels, fin) in cases {
            let s = parse(word).unwrap_or_else(|| panic!("{word} parses"));
            assert_eq!(
                (s.initial(), s.vowels(), s.final_consonant()),
                (initial, vowels, fin),
                "{word}"
            );
        }
        assert_eq!(
            parse("giếng").map(|s| s.rhyme().to_owned()).as_deref(),
            Some("iêng")
        );
    }

    #[test]
    fn case_and_nfd() {
        let s = parse("NGU\u{031B}\u{0300}O\u{031B}I").expect("NFD upper");
        assert_eq!(s.to_string(), "NGƯỜI");
        assert_eq!(s.tone(), Tone::Huyen);
        assert_eq!(
            parse("Quốc").map(|s| s.to_string()).as_deref(),
            Some("Quốc")
        );
        assert_eq!(parse("qúa").map(|s| s.to_string()).as_deref(), Some("quá"));
        assert_eq!(parse("gịa").map(|s| s.to_string()).as_deref(), Some("giạ"));
    }

    #[test]
    fn rejects_non_syllables() {
        for word in [
            "Genève",
            "Pérez",
            "café",
            "José",
            "Hué",
            "nagorno",
            "bánhh",
            "xyz",
            "càt",
            "ngé",
            "ce",
            "quá\u{0301}",
            "hóà",
            "",
            "q",
            "gh",
            "tiến1",
            "coa",
        ] {
            assert!(parse(word).is_none(), "{word:?} should not parse");
        }
    }

    #[test]
    fn phonotactics_on_codes_agree_with_the_string_rules() {
        let spell =
            |codes: &[u8]| -> String { codes.iter().map(|&c| BASE[usize::from(c)]).collect() };
        let mut rhymes: Vec<Vec<u8>> = Vec::new();
        for table in [RHYMES, QU_RHYMES, EMPTY_INITIAL_RHYMES] {
            for r in table {
                rhymes.push(
                    r.chars()
                        .filter_map(letter::letter_of)
                        .map(|l| l.code)
                        .collect(),
                );
            }
        }
        let alphabet: Vec<u8> = (0..29).collect();
        for &a in &alphabet {
            rhymes.push(vec![a]);
            for &b in &alphabet {
                rhymes.push(vec![a, b]);
                for &c in &[
                    code::A,
                    code::I,
                    code::U,
                    code::Y,
                    code::EE,
                    code::N,
                    code::G,
                    code::H,
                    code::C,
                    code::T,
                ] {
                    rhymes.push(vec![a, b, c]);
                }
            }
        }
        let mut initials: Vec<Vec<u8>> = INITIALS
            .iter()
            .map(|i| {
                i.chars()
                    .filter_map(letter::letter_of)
                    .map(|l| l.code)
                    .collect()
            })
            .collect();
        initials.extend([
            vec![code::Q],
            vec![code::G, code::H, code::I],
            vec![code::X, code::X],
        ]);
        let mut checked = 0;
        for initial in &initials {
            for rhyme in &rhymes {
                let fin_start = rhyme.iter().rposition(|&c| c < 12).map_or(0, |p| p + 1);
                let fin = &rhyme[fin_start..];
                for tone in [Tone::Sac, Tone::Huyen] {
                    assert_eq!(
                        phonotactics::valid(initial, rhyme, fin, tone),
                        valid(&spell(initial), &spell(rhyme), &spell(fin), tone),
                        "{} + {}",
                        spell(initial),
                        spell(rhyme)
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 500_000, "{checked}");
    }

    #[test]
    fn inventory_round_trips() {
        let mut count = 0;
        let mut seen = std::collections::HashSet::new();
        for syllable in inventory() {
            count += 1;
            for style in [ToneStyle::Old, ToneStyle::New] {
                let text = syllable.to_style(style);
                let back = parse(&text).unwrap_or_else(|| panic!("{text} parses"));
                assert_eq!(back.to_style(style), text);
                assert!(back.is_placed(style), "{text}");
                assert_eq!(back.tone(), syllable.tone());
            }
            assert!(
                seen.insert(syllable.to_style(ToneStyle::Old)),
                "duplicate {syllable}"
            );
        }
        assert!(count > 10_000, "{count} syllables");
        for word in [
            "nghiêng", "quyết", "gìn", "giếng", "yêu", "khuya", "buýt", "xoong",
        ] {
            assert!(seen.contains(word), "{word} missing");
        }
    }
}
