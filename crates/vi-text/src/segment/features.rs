//! The features of a gap between two atoms, hashed into a fixed-size weight table.
//!
//! Training and segmentation call the same [`gap_features`], so a model can only be read
//! with the feature set it was trained with ([`FEATURE_SET`] is stored in the model file).

use super::atoms::{Atom, Class, pseudo};

/// Version of the feature set; bump on any change to [`gap_features`].
pub(crate) const FEATURE_SET: u64 = 3;

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

/// Reads the dictionary facts of gap `g` (between atoms `g` and `g + 1`) from the atoms'
/// masks and the gap's flags (see [`super::decode::maximal_matching`]).
#[inline]
pub(crate) fn dict_facts(atoms: &[Atom], g: usize, flag: u8) -> DictFacts {
    use super::decode::{BACKWARD, FORWARD, cover_of};
    let (Some(left), Some(right)) = (atoms.get(g), atoms.get(g + 1)) else {
        return DictFacts::default();
    };
    let longest = |mask: u16| 16 - mask.leading_zeros();
    DictFacts {
        cover: cover_of(flag),
        bigram: left.starts & 0b10 != 0,
        right_start: longest(right.starts).min(4) as u8,
        left_end: longest(left.ends).min(4) as u8,
        forward: flag & FORWARD != 0,
        backward: flag & BACKWARD != 0,
        left_single: left.starts & 1 != 0,
        right_single: right.starts & 1 != 0,
    }
}

/// Multipliers of the four atom positions (previous, left, right, next) and of small
/// values; odd 64-bit constants.
const KP: u64 = 0x9E37_79B9_7F4A_7C15;
const KL: u64 = 0xC2B2_AE3D_27D4_EB4F;
const KR: u64 = 0x1656_67B1_9E37_79F9;
const KN: u64 = 0xD6E8_FEB8_6659_FD93;
const KV: u64 = 0xFF51_AFD7_ED55_8CCD;
const KF: u64 = 0xC4CE_B9FE_1A85_EC53;

/// The salt of template `template`.
const fn salt(template: u64) -> u64 {
    template.wrapping_mul(KV).rotate_left(31)
}

/// The salts of templates `1..=FEATURES_PER_GAP`, feature `k` being template `k + 1`.
const SALTS: [u64; FEATURES_PER_GAP] = {
    let mut salts = [0; FEATURES_PER_GAP];
    let mut k = 0;
    while k < FEATURES_PER_GAP {
        salts[k] = salt(k as u64 + 1);
        k += 1;
    }
    salts
};

/// Table index of a combined hash `h` salted with `salt`: multiplicative hashing of `h`
/// salted with the template (the top bits of the product).
#[inline(always)]
fn index(salt: u64, h: u64, bits: u32) -> u32 {
    ((h ^ salt).wrapping_mul(KF) >> (64 - bits)) as u32
}

/// The atom at `i` (may be out of range: padding).
#[inline]
fn at(atoms: &[Atom], i: isize) -> (u64, u64) {
    match usize::try_from(i).ok().and_then(|i| atoms.get(i)) {
        Some(a) => (a.hash, a.shape()),
        None => (pseudo::BOUNDARY, (Class::Boundary as u64) << 2),
    }
}

/// The feature-key hashes and shapes of the four atoms around a gap (previous, left, right,
/// next; padding outside the line), as [`at`] reads them. The decoder slides it from gap to
/// gap, reading one atom a gap instead of four.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Window {
    keys: [u64; 4],
    shapes: [u64; 4],
}

impl Window {
    /// The window of gap 0.
    #[inline]
    pub fn first(atoms: &[Atom]) -> Window {
        let [p, l, r, n] = [-1, 0, 1, 2].map(|i| at(atoms, i));
        Window {
            keys: [p.0, l.0, r.0, n.0],
            shapes: [p.1, l.1, r.1, n.1],
        }
    }

    /// The window of gap `g + 1`, from this one, of gap `g`.
    #[inline(always)]
    pub fn next(self, atoms: &[Atom], g: usize) -> Window {
        let [_, p, l, r] = self.keys;
        let [_, sp, sl, sr] = self.shapes;
        let (n, sn) = match atoms.get(g + 3) {
            Some(a) => (a.hash, a.shape()),
            None => (pseudo::BOUNDARY, (Class::Boundary as u64) << 2),
        };
        Window {
            keys: [p, l, r, n],
            shapes: [sp, sl, sr, sn],
        }
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
    let hashes = gap_hashes(atoms, g, history, dict);
    for ((slot, &h), &salt) in out.iter_mut().zip(&hashes).zip(&SALTS) {
        *slot = index(salt, h, bits);
    }
}

/// Memoized sums of the weights of the features that read no atom key (the bias, shapes,
/// history and dictionary facts: [`CONTEXT_FEATURES`]), by their inputs, which take few
/// values: most gaps of a text share a handful of them. Valid for one weight table: see
/// [`ScoreMemo::begin`].
#[derive(Debug, Default)]
pub(crate) struct ScoreMemo {
    /// Identifies the weight table the sums were read from (0: none yet).
    owner: u64,
    /// `(code + 1) << 24 | (sum + 2^23)`: 0 is an empty slot.
    slots: Vec<u64>,
}

/// The memo holds `2^MEMO_BITS` sums (8 bytes each).
const MEMO_BITS: u32 = 12;

/// The features (by index, feature `k` being template `k + 1`) whose hashes read no atom key.
pub(crate) const CONTEXT_FEATURES: [usize; 13] =
    [0, 12, 13, 16, 18, 19, 20, 21, 22, 23, 27, 28, 29];

/// Offset making the sum of the weights of [`CONTEXT_FEATURES`] (13 `i16`) non-negative
/// below `2^24`.
const SUM_OFFSET: i32 = 1 << 23;

impl ScoreMemo {
    /// Prepares the memo for the weight table identified by `owner` (never 0): emptied when
    /// the table changed.
    pub fn begin(&mut self, owner: u64) {
        if self.owner != owner || self.slots.is_empty() {
            self.slots.clear();
            self.slots.resize(1 << MEMO_BITS, 0);
            self.owner = owner;
        }
    }

    /// The memoized sum for `code`, computed by `sum` on a miss.
    #[inline(always)]
    fn get_or(&mut self, code: u64, sum: impl FnOnce() -> i32) -> i32 {
        let tag = (code + 1) << 24;
        let slot = (code.wrapping_mul(KF) >> (64 - MEMO_BITS)) as usize;
        match self.slots.get_mut(slot) {
            Some(stored) if *stored & !0xFF_FFFF == tag => {
                (*stored & 0xFF_FFFF) as i32 - SUM_OFFSET
            }
            Some(stored) => {
                let value = sum();
                *stored = tag | (value + SUM_OFFSET) as u64;
                value
            }
            None => sum(),
        }
    }
}

/// The dictionary facts of a gap packed as the features read them: `core` (cover, bigram,
/// forward, backward), `context` (right start, left end) and `singles`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct DictCodes {
    core: u64,
    context: u64,
    singles: u64,
}

impl DictCodes {
    /// The codes of `d`.
    #[inline(always)]
    fn of(d: &DictFacts) -> DictCodes {
        DictCodes {
            core: u64::from(d.cover)
                | u64::from(d.bigram) << 3
                | u64::from(d.forward) << 4
                | u64::from(d.backward) << 5,
            context: u64::from(d.right_start) | u64::from(d.left_end) << 3,
            singles: u64::from(d.left_single) | u64::from(d.right_single) << 1,
        }
    }

    /// The codes of [`dict_facts`]`(atoms, g, flag)`, read straight from the masks and the
    /// flag bits.
    #[inline(always)]
    pub fn read(atoms: &[Atom], g: usize, flag: u8) -> DictCodes {
        let (Some(left), Some(right)) = (atoms.get(g), atoms.get(g + 1)) else {
            return DictCodes::of(&DictFacts::default());
        };
        let longest = |mask: u16| u64::from(16 - mask.leading_zeros()).min(4);
        DictCodes {
            // `FORWARD` and `BACKWARD` are the flag's bits 0 and 1, the cover its bits 2-4.
            core: u64::from(flag >> 2 & 0b111)
                | u64::from(left.starts >> 1 & 1) << 3
                | u64::from(flag & 0b11) << 4,
            context: longest(right.starts) | longest(left.ends) << 3,
            singles: u64::from(left.starts & 1) | u64::from(right.starts & 1) << 1,
        }
    }
}

/// The values mixed into the features from the shapes of the four atoms around a gap, the
/// decoding history and the dictionary facts (no atom key). Those only the context features
/// read are made by [`Mix::context_hashes`], which the memo seldom calls.
struct Mix {
    shape_codes: [u64; 4],
    codes: DictCodes,
    shapes: u64,
    hist: u64,
    dict_core: u64,
    shapes_p: u64,
    shapes_n: u64,
}

/// `x` spread over 64 bits.
#[inline(always)]
fn v(x: u64) -> u64 {
    x.wrapping_add(1).wrapping_mul(KV)
}

impl Mix {
    #[inline(always)]
    fn new(shapes: [u64; 4], history: History, codes: DictCodes) -> Mix {
        let [sp, sl, sr, sn] = shapes;
        Mix {
            shape_codes: shapes,
            codes,
            shapes: v(sl | sr << 5),
            hist: v(u64::from(history.prev_join) | u64::from(history.word_len) << 1 | 1 << 8),
            dict_core: v(codes.core | 1 << 16),
            shapes_p: v(sp | sl << 5 | 1 << 20),
            shapes_n: v(sr | sn << 5 | 1 << 21),
        }
    }

    /// The hashes of [`CONTEXT_FEATURES`], in that order.
    #[inline(always)]
    fn context_hashes(&self) -> [u64; CONTEXT_FEATURES.len()] {
        let Mix {
            shape_codes: [sp, sl, sr, sn],
            codes:
                DictCodes {
                    core,
                    context,
                    singles,
                },
            shapes,
            hist,
            dict_core,
            ..
        } = *self;
        let shapes4 = v(sp | sl << 5 | sr << 10 | sn << 15);
        let dict_context = v(context | 1 << 17).rotate_left(32);
        [
            0,
            shapes,
            shapes4,
            hist,
            hist ^ shapes.rotate_left(17),
            dict_core,
            dict_core ^ dict_context,
            dict_core ^ hist.rotate_left(17),
            dict_core ^ shapes.rotate_left(17),
            v(core | singles << 6 | 1 << 18) ^ dict_context,
            dict_context ^ shapes.rotate_left(17),
            v(core | context << 6 | 1 << 19) ^ hist.rotate_left(17),
            shapes4 ^ dict_core.rotate_left(17),
        ]
    }
}

/// The sum of the weights of the features of the gap of `window` in `table` (a table of `2^bits`
/// little-endian weights): the sum of the weights of [`gap_features`], without storing the
/// features. The part of the sum that reads no atom key comes from `memo`, which must have
/// been prepared for `table` ([`ScoreMemo::begin`]).
#[inline]
pub(crate) fn gap_score(
    window: &Window,
    history: History,
    codes: DictCodes,
    bits: u32,
    table: &[[u8; 2]],
    memo: &mut ScoreMemo,
) -> i32 {
    if table.len() != 1 << bits {
        return 0;
    }
    // Indices are below `2^bits`: the mask changes none and lets the bounds check go.
    let mask = table.len() - 1;
    score_with(window, history, codes, memo, |k, h| {
        let i = index(SALTS[k], h, bits) as usize & mask;
        table
            .get(i)
            .map_or(0, |&pair| i32::from(i16::from_le_bytes(pair)))
    })
}

/// [`gap_score`] for a table of a size known when compiling (`N`, a power of two): the
/// shifts are constant and the indices provably in bounds, which saves about half of the
/// instructions of a weight lookup.
#[inline]
pub(crate) fn gap_score_fixed<const N: usize>(
    window: &Window,
    history: History,
    codes: DictCodes,
    table: &[[u8; 2]; N],
    memo: &mut ScoreMemo,
) -> i32 {
    let bits = N.trailing_zeros();
    score_with(window, history, codes, memo, |k, h| {
        let i = index(SALTS[k], h, bits) as usize;
        table
            .get(i)
            .map_or(0, |&pair| i32::from(i16::from_le_bytes(pair)))
    })
}

/// The sum of `weight(k, hash)` over the features `k` of the gap of `window`, the context
/// features' part from `memo`.
#[inline(always)]
fn score_with(
    window: &Window,
    history: History,
    codes: DictCodes,
    memo: &mut ScoreMemo,
    weight: impl Fn(usize, u64) -> i32,
) -> i32 {
    let [kp, kl, kr, kn] = window.keys;
    let [sp, sl, sr, sn] = window.shapes;
    let mix = Mix::new([sp, sl, sr, sn], history, codes);
    // Every input of the context features, in 38 bits (shapes take 5 bits each).
    let code = sp
        | sl << 5
        | sr << 10
        | sn << 15
        | codes.core << 20
        | codes.context << 26
        | codes.singles << 32
        | u64::from(history.prev_join) << 34
        | u64::from(history.word_len & 0b111) << 35;
    let mut sum = memo.get_or(code, || {
        let hashes = mix.context_hashes();
        let mut sum = 0;
        for (&k, &h) in CONTEXT_FEATURES.iter().zip(&hashes) {
            sum += weight(k, h);
        }
        sum
    });
    let (p, l, r, n) = (
        kp.wrapping_mul(KP),
        kl.wrapping_mul(KL),
        kr.wrapping_mul(KR),
        kn.wrapping_mul(KN),
    );
    let Mix {
        shapes,
        hist,
        dict_core,
        shapes_p,
        shapes_n,
        ..
    } = mix;
    sum += weight(1, l);
    sum += weight(2, r);
    sum += weight(3, p);
    sum += weight(4, n);
    sum += weight(5, l ^ r);
    sum += weight(6, p ^ l);
    sum += weight(7, r ^ n);
    sum += weight(8, p ^ l ^ r);
    sum += weight(9, l ^ r ^ n);
    sum += weight(10, p ^ r);
    sum += weight(11, l ^ n);
    sum += weight(14, shapes ^ l);
    sum += weight(15, shapes ^ r);
    sum += weight(17, hist ^ l ^ r);
    sum += weight(24, dict_core ^ l);
    sum += weight(25, dict_core ^ r);
    sum += weight(26, dict_core ^ l ^ r);
    sum += weight(30, shapes_p ^ r);
    sum += weight(31, shapes_n ^ l);
    sum
}

/// The combined hashes of the features of gap `g`, feature `k` being template `k + 1`.
#[inline(always)]
fn gap_hashes(
    atoms: &[Atom],
    g: usize,
    history: History,
    dict: &DictFacts,
) -> [u64; FEATURES_PER_GAP] {
    let g = g as isize;
    let (kp, sp) = at(atoms, g - 1);
    let (kl, sl) = at(atoms, g);
    let (kr, sr) = at(atoms, g + 1);
    let (kn, sn) = at(atoms, g + 2);
    // Position-specific products: a bigram (a, b) and (b, a) hash differently.
    let (p, l, r, n) = (
        kp.wrapping_mul(KP),
        kl.wrapping_mul(KL),
        kr.wrapping_mul(KR),
        kn.wrapping_mul(KN),
    );
    let v = |x: u64| x.wrapping_add(1).wrapping_mul(KV);
    let shapes = v(sl | sr << 5);
    let shapes4 = v(sp | sl << 5 | sr << 10 | sn << 15);
    let hist = v(u64::from(history.prev_join) | u64::from(history.word_len) << 1 | 1 << 8);
    let d = dict;
    let core = u64::from(d.cover)
        | u64::from(d.bigram) << 3
        | u64::from(d.forward) << 4
        | u64::from(d.backward) << 5;
    let context = u64::from(d.right_start) | u64::from(d.left_end) << 3;
    let singles = u64::from(d.left_single) | u64::from(d.right_single) << 1;
    let dict_core = v(core | 1 << 16);
    let dict_context = v(context | 1 << 17).rotate_left(32);
    let shapes_p = v(sp | sl << 5 | 1 << 20);
    let shapes_n = v(sr | sn << 5 | 1 << 21);
    [
        0,
        l,
        r,
        p,
        n,
        l ^ r,
        p ^ l,
        r ^ n,
        p ^ l ^ r,
        l ^ r ^ n,
        p ^ r,
        l ^ n,
        shapes,
        shapes4,
        shapes ^ l,
        shapes ^ r,
        hist,
        hist ^ l ^ r,
        hist ^ shapes.rotate_left(17),
        dict_core,
        dict_core ^ dict_context,
        dict_core ^ hist.rotate_left(17),
        dict_core ^ shapes.rotate_left(17),
        v(core | singles << 6 | 1 << 18) ^ dict_context,
        dict_core ^ l,
        dict_core ^ r,
        dict_core ^ l ^ r,
        dict_context ^ shapes.rotate_left(17),
        v(core | context << 6 | 1 << 19) ^ hist.rotate_left(17),
        shapes4 ^ dict_core.rotate_left(17),
        shapes_p ^ r,
        shapes_n ^ l,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::atoms::{Atoms, Dicts, Split};

    /// The codes read straight from the masks and flags are those of [`dict_facts`], and the
    /// sliding window holds the atoms [`at`] reads.
    #[test]
    fn codes_and_windows_are_those_of_the_facts_and_atoms() {
        let mut atoms = Atoms::default();
        atoms.load(
            "Ông Nguyễn Văn A nói : hoà bình , 2/11",
            Split::Raw,
            Dicts::NONE,
        );
        let atoms = &mut atoms.atoms;
        let mut seen = std::collections::HashSet::new();
        for round in 0u32..64 {
            for (i, atom) in atoms.iter_mut().enumerate() {
                let x = (round * 31 + i as u32 * 17).wrapping_mul(2_654_435_761);
                atom.starts = (x >> 7) as u16 & (0b1 << (x % 5)) | (x >> 3) as u16 & 0x1f;
                atom.ends = (x >> 19) as u16 & 0x3f;
            }
            let mut window = Window::first(atoms);
            for g in 0..atoms.len() {
                let flag = (round as u8).wrapping_mul(37) ^ g as u8;
                let codes = DictCodes::read(atoms, g, flag);
                assert_eq!(codes, DictCodes::of(&dict_facts(atoms, g, flag)), "{g}");
                seen.insert(codes);
                let gi = g as isize;
                let expected = [gi - 1, gi, gi + 1, gi + 2].map(|i| at(atoms, i));
                assert_eq!(window.keys, expected.map(|(k, _)| k), "{g}");
                assert_eq!(window.shapes, expected.map(|(_, s)| s), "{g}");
                window = window.next(atoms, g);
            }
        }
        assert!(seen.len() > 100, "{}", seen.len());
    }

    /// The memoized part of the score reads the same hashes as [`gap_features`].
    #[test]
    fn context_hashes_are_those_of_the_features() {
        let mut atoms = Atoms::default();
        let dicts = Dicts::NONE;
        atoms.load(
            "Ông Nguyễn Văn A nói : hoà bình , 2/11 G20 iPhone",
            Split::Raw,
            dicts,
        );
        let atoms = &atoms.atoms;
        let mut checked = 0;
        for g in 0..atoms.len() {
            for (prev_join, word_len) in [(false, 1), (true, 2), (true, 4)] {
                let history = History {
                    prev_join,
                    word_len,
                };
                let facts = DictFacts {
                    cover: (g % 7) as u8,
                    bigram: g % 2 == 0,
                    right_start: (g % 5) as u8,
                    left_end: (g % 3) as u8,
                    forward: g % 3 == 0,
                    backward: g % 4 == 0,
                    left_single: g % 5 == 0,
                    right_single: g % 2 == 1,
                };
                let all = gap_hashes(atoms, g, history, &facts);
                let shape = |i: isize| at(atoms, i).1;
                let g = g as isize;
                let mix = Mix::new(
                    [shape(g - 1), shape(g), shape(g + 1), shape(g + 2)],
                    history,
                    DictCodes::of(&facts),
                );
                for (&k, &h) in CONTEXT_FEATURES.iter().zip(&mix.context_hashes()) {
                    assert_eq!(all[k], h, "feature {k}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100);
    }
}
