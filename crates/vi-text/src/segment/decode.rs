//! Decoding: dictionary maximal matching, then a greedy left-to-right pass deciding each free
//! gap with the model.

use super::atoms::{Atom, Gap, MAX_WORD_ATOMS, longest};
use super::features::{self, DictCodes, FeatureVec, History, ScoreMemo, Window};

/// Gap flags. Bit 0: forward maximal matching joins the gap; bit 1: backward maximal
/// matching does; bits 2-4: the length (capped at 6) of the longest dictionary word covering
/// the gap.
pub(crate) const FORWARD: u8 = 1;
pub(crate) const BACKWARD: u8 = 2;
const COVER_SHIFT: u8 = 2;

/// The cover length stored in a gap's flags.
#[inline]
pub(crate) fn cover_of(flag: u8) -> u8 {
    flag >> COVER_SHIFT & 0b111
}

/// Fills `flags` (one per atom: the gap after it) with the decisions of forward and backward
/// longest-match segmentation over the dictionary masks, and the cover lengths.
pub(crate) fn maximal_matching(atoms: &[Atom], flags: &mut Vec<u8>) {
    let n = atoms.len();
    flags.clear();
    flags.resize(n, 0);
    for (a, atom) in atoms.iter().enumerate() {
        let len = longest(atom.starts);
        if len >= 2 {
            let cover = len.min(6) as u8;
            for flag in flags.iter_mut().skip(a).take(len - 1) {
                if cover_of(*flag) < cover {
                    *flag = (*flag & !(0b111 << COVER_SHIFT)) | cover << COVER_SHIFT;
                }
            }
        }
    }
    let mut i = 0;
    while i < n {
        let len = longest(atoms[i].starts).clamp(1, MAX_WORD_ATOMS);
        for flag in flags.iter_mut().skip(i).take(len - 1) {
            *flag |= FORWARD;
        }
        i += len;
    }
    let mut end = n;
    while end > 0 {
        let len = longest(atoms[end - 1].ends).clamp(1, end);
        for flag in flags.iter_mut().skip(end - len).take(len - 1) {
            *flag |= BACKWARD;
        }
        end -= len;
    }
}

/// Decides every gap, left to right. `decide(gap, features)` is asked for free gaps only;
/// forced gaps take their forced value. `joins[g]` is the decision for the gap after atom `g`.
#[inline]
pub(crate) fn greedy(
    atoms: &[Atom],
    flags: &[u8],
    bits: u32,
    joins: &mut Vec<bool>,
    mut decide: impl FnMut(usize, &FeatureVec) -> bool,
) {
    let mut features: FeatureVec = [0; features::FEATURES_PER_GAP];
    greedy_with(atoms, flags, joins, |g, history, flag, _| {
        let facts = features::dict_facts(atoms, g, flag);
        features::gap_features(atoms, g, history, &facts, bits, &mut features);
        decide(g, &features)
    });
}

/// [`greedy`] deciding with the model's weights `table` (`2^bits` of them): a gap is joined
/// when the sum of its features' weights is positive. `memo` must have been prepared for
/// `table` ([`ScoreMemo::begin`]).
#[inline]
pub(crate) fn greedy_scored(
    atoms: &[Atom],
    flags: &[u8],
    bits: u32,
    table: &[[u8; 2]],
    memo: &mut ScoreMemo,
    joins: &mut Vec<bool>,
) {
    // The usual table sizes get a decoder of their own (see `gap_score_fixed`).
    macro_rules! fixed {
        ($($bits:literal),*) => {
            match bits {
                $($bits => {
                    if let Ok(table) = <&[[u8; 2]; 1 << $bits]>::try_from(table) {
                        greedy_with(atoms, flags, joins, |g, history, flag, window| {
                            let codes = DictCodes::read(atoms, g, flag);
                            features::gap_score_fixed(window, history, codes, table, memo) > 0
                        });
                        return;
                    }
                })*
                _ => {}
            }
        };
    }
    fixed!(12, 16, 17, 18, 19, 20);
    greedy_with(atoms, flags, joins, |g, history, flag, window| {
        let codes = DictCodes::read(atoms, g, flag);
        features::gap_score(window, history, codes, bits, table, memo) > 0
    });
}

/// The decoding loop: `decide(gap, history, flag, window)` is asked for free gaps only
/// (`flag`: the gap's flags from [`maximal_matching`]).
#[inline(always)]
fn greedy_with(
    atoms: &[Atom],
    flags: &[u8],
    joins: &mut Vec<bool>,
    mut decide: impl FnMut(usize, History, u8, &Window) -> bool,
) {
    let n = atoms.len();
    joins.clear();
    joins.resize(n, false);
    let mut history = History::START;
    let mut window = Window::first(atoms);
    for (g, (atom, join)) in atoms
        .iter()
        .zip(joins.iter_mut())
        .take(n.saturating_sub(1))
        .enumerate()
    {
        let decision = match atom.gap {
            Gap::Split => false,
            Gap::Join => true,
            Gap::Free => {
                let flag = flags.get(g).copied().unwrap_or(0);
                decide(g, history, flag, &window)
            }
        };
        *join = decision;
        history = history.next(decision);
        window = window.next(atoms, g);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::atoms::{Atoms, Split};

    #[test]
    fn matching_over_masks() {
        let mut atoms = Atoms::default();
        let dicts = crate::segment::atoms::Dicts::NONE;
        atoms.load("a b c d", Split::Raw, dicts);
        // Words: "a b", "b c d", "c d".
        let set = |atoms: &mut Atoms, i: usize, len: usize| {
            atoms.atoms[i].starts |= 1 << (len - 1);
            atoms.atoms[i + len - 1].ends |= 1 << (len - 1);
        };
        set(&mut atoms, 0, 2);
        set(&mut atoms, 1, 3);
        set(&mut atoms, 2, 2);
        let mut flags = Vec::new();
        maximal_matching(&atoms.atoms, &mut flags);
        // Forward: [a b] [c d]; backward: [b c d] [a]; covers 2, 3, 3.
        let decisions: Vec<u8> = flags.iter().map(|f| f & 3).collect();
        assert_eq!(decisions, [FORWARD, BACKWARD, FORWARD | BACKWARD, 0]);
        let covers: Vec<u8> = flags.iter().map(|&f| cover_of(f)).collect();
        assert_eq!(covers, [2, 3, 3, 0]);
    }

    #[test]
    fn scored_decoding_sums_the_features() {
        let mut atoms = Atoms::default();
        let dicts = crate::segment::atoms::Dicts::NONE;
        atoms.load(
            "Ông Nguyễn Văn A nói : hoà bình , 2/11 G20 Vladimir Putin",
            Split::Raw,
            dicts,
        );
        let mut flags = Vec::new();
        maximal_matching(&atoms.atoms, &mut flags);
        // 12: a table size with a decoder of its own; 13: the general decoder.
        for bits in [12, 13] {
            // A pseudo-random table of weights.
            let table: Vec<[u8; 2]> = (0u32..1 << bits)
                .map(|i| {
                    ((i.wrapping_mul(2_654_435_761) >> 20) as i16)
                        .wrapping_sub(2000)
                        .to_le_bytes()
                })
                .collect();
            let mut expected = Vec::new();
            greedy(&atoms.atoms, &flags, bits, &mut expected, |_, features| {
                crate::segment::model::score(&table, features) > 0
            });
            let mut memo = ScoreMemo::default();
            memo.begin(u64::from(bits));
            // Twice: the memo is filled, then read.
            for _ in 0..2 {
                let mut joins = Vec::new();
                greedy_scored(&atoms.atoms, &flags, bits, &table, &mut memo, &mut joins);
                assert_eq!(joins, expected);
            }
            assert!(expected.iter().any(|&j| j) && !expected.iter().all(|&j| j));
        }
    }
}
