//! Dictionary matching over atoms: which words of a lexicon start at an atom.
//!
//! This is [`index::Lexicon::matches_at`] split in two so that the first half can be cached:
//! [`state_after`] walks one atom's key from the fst's root (once per distinct surface, kept
//! in the surface cache), and [`walk`] continues from that state over the following atoms'
//! keys joined with [`index::SYLLABLE_SEPARATOR`]. Only the lengths of the matches are kept.
//! A test checks the result against `matches_at`.

use super::atoms::Atom;
use super::cache::{NO_STATE, PairCache};
use index::fst::raw::Fst;
use index::{FstData, SYLLABLE_SEPARATOR};

/// The node reached from the root by `key`, and whether `key` is itself a key; `NO_STATE`
/// when no key starts with `key`.
pub(crate) fn state_after(fst: &Fst<FstData>, key: &[u8]) -> (usize, bool) {
    if key.is_empty() {
        return (NO_STATE, false);
    }
    let mut node = fst.root();
    for &byte in key {
        let Some(i) = node.find_input(byte) else {
            return (NO_STATE, false);
        };
        node = fst.node(node.transition_addr(i));
    }
    (node.addr(), node.is_final())
}

/// One step: from `state` over the separator and `key`; `NO_STATE` when no key continues.
#[inline]
fn step(fst: &Fst<FstData>, state: usize, key: &[u8]) -> (usize, bool) {
    let mut node = fst.node(state);
    let Some(t) = node.find_input(SYLLABLE_SEPARATOR) else {
        return (NO_STATE, false);
    };
    node = fst.node(node.transition_addr(t));
    for &byte in key {
        let Some(t) = node.find_input(byte) else {
            return (NO_STATE, false);
        };
        node = fst.node(node.transition_addr(t));
    }
    (node.addr(), node.is_final())
}

/// The lengths (bit `l - 1` for `l` atoms) of the keys formed by `atoms[i..i + l]`, for
/// `l <= max`, given the node `state` reached by atom `i`'s key and whether that key is a
/// key itself. Steps go through the cache `pairs` when given.
#[allow(clippy::too_many_arguments)]
#[inline]
pub(crate) fn walk(
    fst: &Fst<FstData>,
    state: usize,
    is_word: bool,
    atoms: &[Atom],
    i: usize,
    max: usize,
    arena: &str,
    mut pairs: Option<&mut PairCache>,
) -> u16 {
    let mut mask = u16::from(is_word);
    let mut state = state;
    let arena = arena.as_bytes();
    for (index, atom) in atoms.iter().enumerate().take(i + max).skip(i + 1) {
        let len = index - i + 1;
        let start = atom.key_start as usize;
        let Some(key) = arena.get(start..start + atom.key_len as usize) else {
            break;
        };
        if key.is_empty() {
            break;
        }
        let (next, is_final) = match pairs.as_deref_mut() {
            Some(cache) => match cache.get(state, atom.hash) {
                Some(hit) => hit,
                None => {
                    let computed = step(fst, state, key);
                    cache.put(state, atom.hash, computed.0, computed.1);
                    computed
                }
            },
            _ => step(fst, state, key),
        };
        if next == NO_STATE {
            break;
        }
        if is_final && len <= 16 {
            mask |= 1 << (len - 1);
        }
        state = next;
    }
    mask
}

#[cfg(test)]
mod tests {
    use crate::segment::atoms::{Atoms, Dicts, Split};
    use index::{WordEntry, WordLexicon, WordLexiconBuilder};

    #[test]
    fn masks_agree_with_matches_at() {
        let mut keys = vec![
            "nhà",
            "nhà nước",
            "nước",
            "hòa bình",
            "hòa",
            "bình",
            "gìn giữ hòa bình",
            "a b",
        ];
        keys.sort_unstable();
        let mut builder = WordLexiconBuilder::new(0);
        for key in &keys {
            builder
                .insert(key.as_bytes(), WordEntry::default())
                .unwrap();
        }
        let words = WordLexicon::from_bytes(builder.finish_to_vec().unwrap()).unwrap();
        let dicts = Dicts {
            owner: 7,
            words: Some(words.lexicon().fst().as_fst()),
            user: None,
        };
        let mut atoms = Atoms::default();
        for text in [
            "Nhà nước gìn giữ hoà bình, nhà NƯỚC a b",
            "gìn giữ hòa bình hòa bình nhà nước nhà",
            "a b a b 12 nhà",
        ] {
            atoms.load(text, Split::Raw, dicts);
            atoms.lookup(dicts);
            let keys: Vec<String> = atoms
                .atoms
                .iter()
                .map(|a| atoms.key(a).to_owned())
                .collect();
            for (i, atom) in atoms.atoms.iter().enumerate() {
                let mut expected = 0u16;
                if !keys[i].is_empty() {
                    let mut run = i + 1;
                    while run < keys.len()
                        && !keys[run].is_empty()
                        && atoms.atoms[run - 1].gap != super::super::atoms::Gap::Split
                    {
                        run += 1;
                    }
                    let mut out = Vec::new();
                    words.matches_at(&keys[..run], i, 16, &mut out);
                    for m in out {
                        expected |= 1 << (m.end - i - 1);
                    }
                }
                assert_eq!(atom.starts, expected, "{text:?} atom {i}");
            }
        }
    }
}
