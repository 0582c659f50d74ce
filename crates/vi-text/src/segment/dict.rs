//! Dictionary matching over atoms: which words of a lexicon start at an atom.
//!
//! This is [`index::Lexicon::matches_at`] split in two so that the first half can be cached:
//! [`state_after`] walks one atom's key from the fst's root (once per distinct surface, kept
//! in the surface cache), and [`walk`] continues from that state over the following atoms'
//! keys joined with [`index::SYLLABLE_SEPARATOR`]. Only the lengths of the matches are kept.
//! A test checks the result against `matches_at`.

use super::atoms::Atom;
use super::cache::{NO_STATE, PairCache};
use super::trie::{self, SyllableTrie};
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
    let end = (i + max).min(atoms.len());
    let following = atoms.get(i + 1..end).unwrap_or(&[]);
    for (k, atom) in following.iter().enumerate() {
        // The word `atoms[i..=i + k + 1]`, of `k + 2` atoms.
        let len = k + 2;
        if atom.key_len == 0 {
            break;
        }
        let start = atom.key_start as usize;
        let step_over = |state| {
            let key = arena
                .get(start..start + atom.key_len as usize)
                .unwrap_or(&[]);
            step(fst, state, key)
        };
        let (next, is_final) = match pairs.as_deref_mut() {
            Some(cache) => match cache.get(state, atom.hash) {
                Some(hit) => hit,
                None => {
                    let computed = step_over(state);
                    cache.put(state, atom.hash, computed.0, computed.1);
                    computed
                }
            },
            _ => step_over(state),
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

/// [`walk`] over the syllable trie of the same lexicon: the same mask, from atom `i`'s
/// dictionary facts (its word flag, its syllable and trie node). `None` when a key holding
/// the separator byte is met: the fst walk must decide.
#[inline]
pub(crate) fn walk_trie(trie: &SyllableTrie, atoms: &[Atom], i: usize, max: usize) -> Option<u16> {
    let first = atoms.get(i)?;
    if first.syllable == trie::SPACED {
        return None;
    }
    let mut mask = u16::from(first.is_word);
    let mut node = first.node;
    if node == trie::NONE {
        return Some(mask);
    }
    let end = (i + max).min(atoms.len());
    let following = atoms.get(i + 1..end).unwrap_or(&[]);
    for (k, atom) in following.iter().enumerate() {
        // The word `atoms[i..=i + k + 1]`, of `k + 2` atoms.
        let len = k + 2;
        if atom.key_len == 0 {
            break;
        }
        if atom.syllable == trie::SPACED {
            return None;
        }
        // The first step is known to fail when the filter of the first atom says so.
        if k == 0 && first.follows & trie::follow_bit(atom.syllable) == 0 {
            break;
        }
        let Some((next, is_final)) = trie.child(node, atom.syllable) else {
            break;
        };
        if is_final && len <= 16 {
            mask |= 1 << (len - 1);
        }
        if next == trie::NONE {
            // No word continues past this one: the fst walk would stop at the separator.
            break;
        }
        node = next;
    }
    Some(mask)
}

#[cfg(test)]
mod tests {
    use crate::segment::atoms::{Atoms, Dicts, Split};
    use index::WordLexicon;

    #[test]
    fn masks_agree_with_matches_at() {
        let words = crate::segment::test_lexicon(&[
            "nhà",
            "nhà nước",
            "nước",
            "hòa bình",
            "hòa",
            "bình",
            "gìn giữ hòa bình",
            "a b",
        ]);
        let fst = words.lexicon().fst().as_fst();
        let trie = crate::segment::trie::SyllableTrie::build(fst).unwrap();
        // The fst walk, then the trie walk (another owner: a fresh surface cache).
        for dicts in [
            Dicts {
                owner: 7,
                words: Some(fst),
                trie: None,
                user: None,
            },
            Dicts {
                owner: 8,
                words: Some(fst),
                trie: Some(&trie),
                user: None,
            },
        ] {
            check_masks(&words, dicts);
        }
    }

    /// On the vendored word list and real sentences, the trie walk and the fst walk find the
    /// same words.
    #[test]
    fn trie_agrees_with_the_fst_on_real_text() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let gold = root.join("../shared/eval/vi/ud-vtb/vi_vtb-ud-test.conllu");
        let Ok(conllu) = std::fs::read_to_string(&gold) else {
            eprintln!("skipping: ../shared is absent");
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vi-words.vnlx");
        crate::lexicon::build(&root.join("data/sources/vi/pyvi"), &path).unwrap();
        let words = WordLexicon::open(&path).unwrap();
        let fst = words.lexicon().fst().as_fst();
        let trie = crate::segment::trie::SyllableTrie::build(fst).unwrap();
        let by_fst = Dicts {
            owner: crate::segment::next_dictionary_id(),
            words: Some(fst),
            trie: None,
            user: None,
        };
        let by_trie = Dicts {
            owner: crate::segment::next_dictionary_id(),
            trie: Some(&trie),
            ..by_fst
        };
        let (mut a, mut b) = (Atoms::default(), Atoms::default());
        let mut words_found = 0;
        for line in conllu.lines().filter_map(|l| l.strip_prefix("# text =")) {
            a.load(line, Split::Raw, by_fst);
            a.lookup(by_fst);
            b.load(line, Split::Raw, by_trie);
            b.lookup(by_trie);
            let starts = |atoms: &Atoms| atoms.atoms.iter().map(|x| x.starts).collect::<Vec<_>>();
            assert_eq!(starts(&a), starts(&b), "{line}");
            words_found += a.atoms.iter().filter(|x| x.starts > 1).count();
        }
        assert!(words_found > 1000, "{words_found}");
    }

    fn check_masks(words: &WordLexicon, dicts: Dicts<'_>) {
        let mut atoms = Atoms::default();
        for text in [
            "Nhà nước gìn giữ hoà bình, nhà NƯỚC a b",
            "gìn giữ hòa bình hòa bình nhà nước nhà",
            "a b a b 12 nhà",
            "nhà nướcx gìn giữ hòa bìn nhà nư",
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
