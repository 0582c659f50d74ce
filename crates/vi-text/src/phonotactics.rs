//! The phonotactic check of a syllable on letter codes: the rules of
//! `crate::syllable`'s string tables (initials, rhymes, the `qu`/`gi`/`c`/`k` rules),
//! with each table turned once into sorted packed keys, so that a check is a few integer
//! comparisons rather than string searches.

use crate::letter::{self, code};
use crate::syllable::{
    EMPTY_INITIAL_RHYMES, INITIALS, LABIAL_MEDIAL, QU_RHYMES, RHYMES, Y_INITIALS,
};
use crate::tone::Tone;
use std::sync::LazyLock;

/// A run of letter codes packed into one integer, five bits a letter (code + 1, so that
/// lengths differ): injective for runs of up to twelve letters.
#[inline]
pub(crate) fn key(codes: &[u8]) -> u64 {
    codes
        .iter()
        .fold(0u64, |k, &c| (k << 5) | (u64::from(c & 0x1F) + 1))
}

const fn key2(a: u8, b: u8) -> u64 {
    ((a as u64 + 1) << 5) | (b as u64 + 1)
}

const fn key1(a: u8) -> u64 {
    a as u64 + 1
}

const fn key3(a: u8, b: u8, c: u8) -> u64 {
    (key2(a, b) << 5) | (c as u64 + 1)
}

/// The string tables as sorted keys.
struct Tables {
    rhymes: Vec<u64>,
    qu_rhymes: Vec<u64>,
    empty_rhymes: Vec<u64>,
    initials: Vec<u64>,
    y_initials: Vec<u64>,
    labial: Vec<(u64, u64)>,
}

fn keys(table: &[&str]) -> Vec<u64> {
    let mut out: Vec<u64> = table.iter().map(|s| key_of_str(s)).collect();
    out.sort_unstable();
    out
}

/// The key of a lower-case spelling (every character a letter of the alphabet).
fn key_of_str(s: &str) -> u64 {
    key(&codes_of_str(s))
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| Tables {
    rhymes: keys(RHYMES),
    qu_rhymes: keys(QU_RHYMES),
    empty_rhymes: keys(EMPTY_INITIAL_RHYMES),
    initials: keys(&INITIALS),
    y_initials: keys(Y_INITIALS),
    labial: LABIAL_MEDIAL
        .iter()
        .map(|(i, r)| (key_of_str(i), key_of_str(r)))
        .collect(),
});

fn is_stop(final_consonant: &[u8]) -> bool {
    matches!(
        final_consonant,
        [code::P] | [code::T] | [code::C] | [code::C, code::H]
    )
}

fn has_medial(rhyme: &[u8]) -> bool {
    matches!(
        rhyme,
        [code::O, code::A | code::AW | code::E, ..]
            | [code::U, code::AA | code::EE | code::OW | code::Y, ..]
    )
}

fn is_front(rhyme: &[u8]) -> bool {
    matches!(
        rhyme.first(),
        Some(&(code::E | code::I | code::Y | code::EE))
    )
}

/// The phonotactic check of an initial, a rhyme and a final (letter codes) and a tone: the
/// same answer as the string rules of `crate::syllable`, from a set of every valid pair of
/// initial and rhyme.
#[inline]
pub(crate) fn valid(initial: &[u8], rhyme: &[u8], final_consonant: &[u8], tone: Tone) -> bool {
    if is_stop(final_consonant) && !tone.fits_stop_final() {
        return false;
    }
    if initial.len() > 3 || rhyme.len() > 8 {
        return false;
    }
    PAIRS.contains(pair_key(key(initial), key(rhyme)))
}

/// One key for an initial (at most three letters) and a rhyme (at most eight).
#[inline]
fn pair_key(initial: u64, rhyme: u64) -> u64 {
    (initial << 40) | rhyme
}

/// A set of keys: open addressing with linear probing; 0 marks an empty slot (no pair has
/// key 0, as every rhyme has a letter).
struct KeySet {
    slots: Vec<u64>,
    mask: usize,
}

impl KeySet {
    fn new(keys: &[u64]) -> KeySet {
        let size = (keys.len() * 2).next_power_of_two().max(16);
        let mut set = KeySet {
            slots: vec![0; size],
            mask: size - 1,
        };
        for &k in keys {
            let mut at = Self::hash(k) & set.mask;
            while set.slots[at] != 0 && set.slots[at] != k {
                at = (at + 1) & set.mask;
            }
            set.slots[at] = k;
        }
        set
    }

    #[inline]
    fn hash(k: u64) -> usize {
        (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize
    }

    #[inline]
    fn contains(&self, k: u64) -> bool {
        let mut at = Self::hash(k) & self.mask;
        loop {
            match self.slots.get(at) {
                Some(&slot) if slot == k => return true,
                Some(&0) | None => return false,
                Some(_) => at = (at + 1) & self.mask,
            }
        }
    }
}

/// Every (initial, rhyme) pair that [`valid_by_rules`] accepts: initials come from
/// `INITIALS` and rhymes from the rhyme tables (or are `y`), as every rule asks.
static PAIRS: LazyLock<KeySet> = LazyLock::new(|| {
    let mut rhymes: Vec<Vec<u8>> = Vec::new();
    for table in [RHYMES, QU_RHYMES, EMPTY_INITIAL_RHYMES, &["y"]] {
        rhymes.extend(table.iter().map(|r| codes_of_str(r)));
    }
    let mut keys = Vec::new();
    for initial in INITIALS {
        let initial = codes_of_str(initial);
        for rhyme in &rhymes {
            if valid_by_rules(&initial, rhyme, &[], Tone::Sac) {
                keys.push(pair_key(key(&initial), key(rhyme)));
            }
        }
    }
    KeySet::new(&keys)
});

fn codes_of_str(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| letter::letter_of(c).map_or(code::FOREIGN, |l| l.code))
        .collect()
}

/// The rules themselves, on letter codes: what [`PAIRS`] is built from.
pub(crate) fn valid_by_rules(
    initial: &[u8],
    rhyme: &[u8],
    final_consonant: &[u8],
    tone: Tone,
) -> bool {
    if is_stop(final_consonant) && !tone.fits_stop_final() {
        return false;
    }
    let tables = &*TABLES;
    let r = key(rhyme);
    let i = key(initial);
    let in_rhymes = tables.rhymes.binary_search(&r).is_ok();
    const QU: u64 = key2(code::Q, code::U);
    const GI: u64 = key2(code::G, code::I);
    const C: u64 = key1(code::C);
    const K: u64 = key1(code::K);
    const GH: u64 = key2(code::G, code::H);
    const NGH: u64 = key3(code::N, code::G, code::H);
    const G: u64 = key1(code::G);
    const NG: u64 = key2(code::N, code::G);
    const B: u64 = key1(code::B);
    const M: u64 = key1(code::M);
    const P: u64 = key1(code::P);
    const PH: u64 = key2(code::P, code::H);
    const V: u64 = key1(code::V);
    const Y: u64 = key1(code::Y);
    match i {
        QU => tables.qu_rhymes.binary_search(&r).is_ok(),
        0 => {
            (in_rhymes && !rhyme.starts_with(&[code::I, code::EE]))
                || tables.empty_rhymes.binary_search(&r).is_ok()
        }
        GI => in_rhymes && !has_medial(rhyme) && !rhyme.starts_with(&[code::I, code::A]),
        _ => {
            let ok_rhyme = in_rhymes || (r == Y && tables.y_initials.binary_search(&i).is_ok());
            if !ok_rhyme {
                return false;
            }
            let front = is_front(rhyme);
            let medial = has_medial(rhyme);
            match i {
                C => !front && !medial,
                K | GH | NGH => front && !medial,
                G | NG => !front,
                B | M | P | PH | V => !medial || tables.labial.contains(&(i, r)),
                _ => tables.initials.binary_search(&i).is_ok(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pair_set_agrees_with_the_rules() {
        let mut rhymes: Vec<Vec<u8>> = Vec::new();
        for table in [RHYMES, QU_RHYMES, EMPTY_INITIAL_RHYMES] {
            rhymes.extend(table.iter().map(|r| codes_of_str(r)));
        }
        for a in 0..30u8 {
            rhymes.push(vec![a]);
            for b in 0..30u8 {
                rhymes.push(vec![a, b]);
                for c in [
                    code::A,
                    code::I,
                    code::U,
                    code::Y,
                    code::N,
                    code::G,
                    code::H,
                ] {
                    rhymes.push(vec![a, b, c]);
                    rhymes.push(vec![a, b, c, code::G, code::N, code::A, code::I, code::H]);
                }
            }
        }
        let mut initials: Vec<Vec<u8>> = INITIALS.iter().map(|i| codes_of_str(i)).collect();
        initials.extend([
            vec![code::Q],
            vec![code::G, code::H, code::I],
            vec![code::X, code::X],
        ]);
        for initial in &initials {
            for rhyme in &rhymes {
                for tone in [Tone::Sac, Tone::Huyen] {
                    for fin in [&[][..], &[code::T][..], &[code::N, code::G][..]] {
                        assert_eq!(
                            valid(initial, rhyme, fin, tone),
                            valid_by_rules(initial, rhyme, fin, tone),
                            "{initial:?} {rhyme:?}"
                        );
                    }
                }
            }
        }
    }
}
