//! The features of a gap between two atoms, hashed into a fixed-size weight table.
//!
//! Training and segmentation call the same [`gap_features`], so a model can only be read
//! with the feature set it was trained with ([`FEATURE_SET`] is stored in the model file).

use super::atoms::{Atom, Class, pseudo};

/// Version of the feature set; bump on any change to [`gap_features`].
pub(crate) const FEATURE_SET: u64 = 1;

/// Number of features of one gap.
pub(crate) const FEATURES_PER_GAP: usize = 32;

/// Features of one gap, as indices into the weight table.
pub(crate) type FeatureVec = [u32; FEATURES_PER_GAP];

/// What the decoder knows about the decisions before a gap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct History {
    /// The previous gap was joined.
    pub prev_join: bool,
    /// Atoms in the current word up to the left atom (1, 2, 3, 4 = four or more).
    pub word_len: u8,
}

impl History {
    /// The history after deciding a gap.
    #[inline]
    pub fn next(self, join: bool) -> History {
        History {
            prev_join: join,
            word_len: if join { (self.word_len + 1).min(4) } else { 1 },
        }
    }

    /// The history before the first gap.
    pub const START: History = History {
        prev_join: false,
        word_len: 1,
    };
}

/// Facts about a gap read from the dictionary masks and the maximal-matching decodes.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct DictFacts {
    /// Length (in atoms, capped at 6) of the longest dictionary word covering the gap; 0 if none.
    pub cover: u8,
    /// The left and right atoms form a dictionary word.
    pub bigram: bool,
    /// The longest word starting at the right atom (capped at 4).
    pub right_start: u8,
    /// The longest word ending at the left atom (capped at 4).
    pub left_end: u8,
    /// Forward and backward maximal matching join the gap.
    pub forward: bool,
    pub backward: bool,
    /// The left and right atoms are dictionary words on their own.
    pub left_single: bool,
    pub right_single: bool,
}

/// Reads the dictionary facts of gap `g` (between atoms `g` and `g + 1`).
pub(crate) fn dict_facts(atoms: &[Atom], g: usize, forward: bool, backward: bool) -> DictFacts {
    let (Some(left), Some(right)) = (atoms.get(g), atoms.get(g + 1)) else {
        return DictFacts::default();
    };
    let mut cover = 0u32;
    let first = g.saturating_sub(super::atoms::MAX_WORD_ATOMS - 1);
    for (a, atom) in atoms.iter().enumerate().take(g + 1).skip(first) {
        // A word of `len` atoms starting at `a` covers the gap when `a + len >= g + 2`.
        let shift = g + 1 - a;
        let covering = u32::from(atom.starts) >> shift;
        if covering != 0 {
            let longest = 32 - covering.leading_zeros() + shift as u32;
            cover = cover.max(longest);
        }
    }
    let longest = |mask: u16| 16 - mask.leading_zeros();
    DictFacts {
        cover: cover.min(6) as u8,
        bigram: left.starts & 0b10 != 0,
        right_start: longest(right.starts).min(4) as u8,
        left_end: longest(left.ends).min(4) as u8,
        forward,
        backward,
        left_single: left.starts & 1 != 0,
        right_single: right.starts & 1 != 0,
    }
}

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;

#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(K1).rotate_left(29)
}

#[inline]
fn finish(h: u64, bits: u32) -> u32 {
    let h = (h ^ (h >> 31)).wrapping_mul(K2);
    (h >> (64 - bits)) as u32
}

/// The atom at `i` (may be out of range: padding).
#[inline]
fn at(atoms: &[Atom], i: isize) -> (u64, u64) {
    match usize::try_from(i).ok().and_then(|i| atoms.get(i)) {
        Some(a) => (a.hash, a.shape()),
        None => (pseudo::BOUNDARY, (Class::Boundary as u64) << 2),
    }
}

/// Writes the features of gap `g` into `out` (indices into a table of `2^bits` weights).
#[inline]
pub(crate) fn gap_features(
    atoms: &[Atom],
    g: usize,
    history: History,
    dict: &DictFacts,
    bits: u32,
    out: &mut FeatureVec,
) {
    let g = g as isize;
    let (kp, sp) = at(atoms, g - 1);
    let (kl, sl) = at(atoms, g);
    let (kr, sr) = at(atoms, g + 1);
    let (kn, sn) = at(atoms, g + 2);
    let t = |id: u64| id.wrapping_mul(K2);
    let h1 = |id: u64, a: u64| finish(mix(t(id), a), bits);
    let h2 = |id: u64, a: u64, b: u64| finish(mix(mix(t(id), a), b), bits);
    let h3 = |id: u64, a: u64, b: u64, c: u64| finish(mix(mix(mix(t(id), a), b), c), bits);
    let shapes = sl | sr << 5;
    let shapes4 = sp | sl << 5 | sr << 10 | sn << 15;
    let hist = u64::from(history.prev_join) | u64::from(history.word_len) << 1;
    let d = dict;
    let dict_core = u64::from(d.cover)
        | u64::from(d.bigram) << 3
        | u64::from(d.forward) << 4
        | u64::from(d.backward) << 5;
    let dict_context = u64::from(d.right_start) | u64::from(d.left_end) << 3;
    let singles = u64::from(d.left_single) | u64::from(d.right_single) << 1;
    *out = [
        h1(1, 0),
        h1(2, kl),
        h1(3, kr),
        h1(4, kp),
        h1(5, kn),
        h2(6, kl, kr),
        h2(7, kp, kl),
        h2(8, kr, kn),
        h3(9, kp, kl, kr),
        h3(10, kl, kr, kn),
        h2(11, kp, kr),
        h2(12, kl, kn),
        h1(13, shapes),
        h1(14, shapes4),
        h2(15, shapes, kl),
        h2(16, shapes, kr),
        h1(17, hist),
        h3(18, hist, kl, kr),
        h2(19, hist, shapes),
        h1(20, dict_core),
        h2(21, dict_core, dict_context),
        h2(22, dict_core, hist),
        h2(23, dict_core, shapes),
        h2(24, dict_core | singles << 6, dict_context),
        h2(25, dict_core, kl),
        h2(26, dict_core, kr),
        h3(27, dict_core, kl, kr),
        h2(28, dict_context, shapes),
        h2(29, dict_core | dict_context << 6, hist),
        h2(30, shapes4, dict_core),
        h2(31, sp | sl << 5, kr),
        h2(32, sr | sn << 5, kl),
    ];
}
