//! The word lexicon as a trie over syllables, for the dictionary walks of the segmenter.
//!
//! The lexicon's fst is walked byte by byte: continuing a word over one more syllable visits
//! a node per byte of the syllable's key plus the separator, each node decoded anew. The trie
//! built here once per [`super::Segmenter`] numbers every distinct syllable of the lexicon's
//! keys and holds the words as edges `(node, syllable) -> node`, so that the same step is one
//! hash probe. It answers exactly what the fst walk answers (a test checks it): an atom whose
//! key is not a whole syllable of the lexicon continues no word.
//!
//! The edges are built in a wide table (64-bit tags), then packed: the edges from the root
//! (read once per distinct surface) go to an array by syllable id, and the others to a table
//! of 8-byte slots (32-bit tags) half the size of the wide one, so that the probes of the
//! walks, about one per atom and mostly cache misses, touch less memory. A lexicon too large
//! for 32-bit tags gets no trie: its walks go through the fst.
//!
//! Most probes can be avoided altogether: an edge to a node no word continues from says so
//! (a walk stops there), and each syllable comes with a 32-bit filter of the syllables that
//! may follow it in a word, which the atom carries, so that a walk whose second syllable is
//! not in it never probes.

use index::FstData;
use index::SYLLABLE_SEPARATOR;
use index::fst::raw::{Fst, Node};
use std::collections::HashMap;

/// No node (the word cannot continue) or no syllable id.
pub(crate) const NONE: u32 = u32::MAX;

/// The syllable id of a key holding the separator byte: the trie cannot follow it, the fst
/// walk must.
pub(crate) const SPACED: u32 = u32::MAX - 1;

/// The root node.
const ROOT: u32 = 0;

/// An entry of [`SyllableTrie::roots`] for a syllable that starts no word (no edge has that
/// value: it would lead to the root).
const NO_EDGE: u32 = 0;

/// The child of a packed edge value when the child has no children: a walk stops there
/// without probing the table for an edge that cannot exist.
const LEAF: u32 = u32::MAX >> 1;

/// The packed value of the edge to `child`: `child << 1 | final`, with [`LEAF`] for a child
/// without children (`has_children` tells, per node).
fn packed_value(child: u32, finals: &[bool], has_children: &[bool]) -> u32 {
    let is_final = finals.get(child as usize).copied().unwrap_or(false);
    let inner = has_children.get(child as usize).copied().unwrap_or(false);
    (if inner { child } else { LEAF }) << 1 | u32::from(is_final)
}

/// The child node ([`NONE`] for a [`LEAF`]) and the final flag of a packed edge value.
#[inline]
fn unpack(value: u32) -> (u32, bool) {
    let child = value >> 1;
    (if child == LEAF { NONE } else { child }, value & 1 != 0)
}

/// Per node below `nodes`, whether an edge of `edges` (wide tags) leaves it.
fn parents(edges: impl Iterator<Item = u64>, nodes: usize) -> Vec<bool> {
    let mut has_children = vec![false; nodes];
    for tag in edges {
        if let Some(flag) = usize::try_from((tag - 1) >> 32)
            .ok()
            .and_then(|node| has_children.get_mut(node))
        {
            *flag = true;
        }
    }
    has_children
}

/// A syllable trie of a word lexicon.
pub(crate) struct SyllableTrie {
    /// The id of each distinct syllable key.
    ids: HashMap<Box<[u8]>, u32, FastState>,
    /// Per syllable id, the root's edge over it (see [`packed_value`]), or [`NO_EDGE`].
    roots: Vec<u32>,
    /// The other edges, as `(tag, value)` slots: tag `node << syllable_bits | syllable`
    /// (never 0, the node not being the root: 0 is an empty slot), value as
    /// [`packed_value`] makes it.
    slots: Vec<(u32, u32)>,
    mask: usize,
    /// Bits of a syllable id in a tag.
    syllable_bits: u32,
    /// Per syllable id, the [`follow_bit`]s of the syllables that continue a word after it.
    follows: Vec<u32>,
}

/// The bit standing for `syllable` in a 32-bit filter of syllables (see
/// [`SyllableTrie::follows`]).
#[inline]
pub(crate) fn follow_bit(syllable: u32) -> u32 {
    1 << (syllable.wrapping_mul(0x9E37_79B1) >> 27)
}

/// The edges of a trie under construction: `(tag, value)` slots, tag
/// `node << 32 | syllable` plus one (0 is empty), value the child node.
struct WideTable {
    slots: Vec<(u64, u32)>,
    mask: usize,
}

impl std::fmt::Debug for SyllableTrie {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyllableTrie")
            .field("syllables", &self.ids.len())
            .field("slots", &self.slots.len())
            .field("syllable_bits", &self.syllable_bits)
            .finish_non_exhaustive()
    }
}

/// A fast hasher for the syllable map (short keys, no untrusted flooding: the keys come
/// from the lexicon, and lookups happen once per distinct surface).
#[derive(Debug, Default, Clone, Copy)]
struct FastState;

impl std::hash::BuildHasher for FastState {
    type Hasher = FastHasher;
    fn build_hasher(&self) -> FastHasher {
        FastHasher(0)
    }
}

/// The hasher of [`FastState`]: multiply-rotate over eight-byte words.
struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let (chunks, tail) = bytes.as_chunks::<8>();
        for chunk in chunks {
            self.0 = (self.0 ^ u64::from_le_bytes(*chunk))
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                .rotate_left(26);
        }
        for &b in tail {
            self.0 = (self.0 ^ u64::from(b))
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                .rotate_left(26);
        }
    }

    fn finish(&self) -> u64 {
        let h = self.0 ^ self.0 >> 31;
        h.wrapping_mul(0xD6E8_FEB8_6659_FD93) ^ h >> 29
    }
}

#[inline]
fn tag(node: u32, syllable: u32) -> u64 {
    (u64::from(node) << 32 | u64::from(syllable)) + 1
}

#[inline]
fn slot_of(tag: u64, mask: usize) -> usize {
    (tag.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
}

/// The trie under construction.
struct Builder {
    ids: HashMap<Box<[u8]>, u32, FastState>,
    trie: WideTable,
    edges: usize,
    /// Per node: whether a key ends there.
    finals: Vec<bool>,
}

impl Builder {
    /// A builder for about `keys` keys: the table starts large enough for two edges a key
    /// (the word lists have fewer), so that it seldom grows (and is no larger than growing
    /// would make it).
    fn new(keys: usize) -> Builder {
        let size = keys
            .saturating_mul(4)
            .clamp(1 << 12, 1 << 24)
            .next_power_of_two();
        Builder {
            ids: HashMap::default(),
            trie: WideTable {
                slots: vec![(0, 0); size],
                mask: size - 1,
            },
            edges: 0,
            finals: vec![false],
        }
    }

    /// The child of `node` over the syllable `part`, made when new.
    fn step(&mut self, node: u32, part: &[u8]) -> u32 {
        let id = match self.ids.get(part) {
            Some(&id) => id,
            None => {
                let id = self.ids.len() as u32;
                self.ids.insert(part.into(), id);
                id
            }
        };
        let tag = tag(node, id);
        let (slot, found) = self.trie.probe(tag);
        if found {
            self.trie.slots[slot].1
        } else {
            let child = self.finals.len() as u32;
            self.finals.push(false);
            self.trie.slots[slot] = (tag, child);
            self.edges += 1;
            if self.edges * 2 > self.trie.slots.len() {
                self.trie.grow();
            }
            child
        }
    }

    /// A key ends with the syllable `part` after `node`.
    fn key_ends(&mut self, node: u32, part: &[u8]) {
        let node = self.step(node, part);
        if let Some(is_final) = self.finals.get_mut(node as usize) {
            *is_final = true;
        }
    }

    fn finish(self) -> Option<SyllableTrie> {
        let Builder {
            ids, trie, finals, ..
        } = self;
        SyllableTrie::pack(ids, &trie, &finals)
    }
}

impl WideTable {
    /// The slot of `tag`: where it is (true) or the free slot where it goes (false).
    fn probe(&self, tag: u64) -> (usize, bool) {
        let mut slot = slot_of(tag, self.mask);
        loop {
            match self.slots[slot].0 {
                0 => return (slot, false),
                stored if stored == tag => return (slot, true),
                _ => slot = (slot + 1) & self.mask,
            }
        }
    }

    /// Doubles the table (while building).
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![(0, 0); size]);
        self.mask = size - 1;
        for (tag, value) in old {
            if tag != 0 {
                let (slot, _) = self.probe(tag);
                self.slots[slot] = (tag, value);
            }
        }
    }
}

impl SyllableTrie {
    /// Builds the trie of every key of `fst` (syllables separated by
    /// [`SYLLABLE_SEPARATOR`]).
    ///
    /// A depth-first walk over the fst's nodes, in key order: a syllable shared by many
    /// keys (`hòa` in `hòa bình`, `hòa giải`, …) is looked up once, when the walk crosses
    /// the separator after it, and no key is copied out. Syllables and nodes get the same
    /// numbers as in a pass over the keys in order (each key's syllables from the left).
    ///
    /// `None` for a lexicon too large for the packed table (see the module's doc).
    pub fn build(fst: &Fst<FstData>) -> Option<SyllableTrie> {
        /// A node of the fst being walked: the next transition to follow, the trie node the
        /// key so far leads to, and where the current syllable starts in `key`.
        struct Frame<'f> {
            node: Node<'f>,
            next: usize,
            trie_node: u32,
            part_start: usize,
        }
        let mut builder = Builder::new(fst.len());
        let mut key: Vec<u8> = Vec::new();
        let root = fst.root();
        if root.is_final() {
            builder.key_ends(ROOT, &key);
        }
        let mut stack = vec![Frame {
            node: root,
            next: 0,
            trie_node: ROOT,
            part_start: 0,
        }];
        while let Some(frame) = stack.last_mut() {
            if frame.next >= frame.node.len() {
                stack.pop();
                key.pop();
                continue;
            }
            let transition = frame.node.transition(frame.next);
            frame.next += 1;
            let (mut trie_node, mut part_start) = (frame.trie_node, frame.part_start);
            if transition.inp == SYLLABLE_SEPARATOR {
                trie_node = builder.step(trie_node, key.get(part_start..).unwrap_or(&[]));
                part_start = key.len() + 1;
            }
            key.push(transition.inp);
            let node = fst.node(transition.addr);
            if node.is_final() {
                builder.key_ends(trie_node, key.get(part_start..).unwrap_or(&[]));
            }
            stack.push(Frame {
                node,
                next: 0,
                trie_node,
                part_start,
            });
        }
        builder.finish()
    }

    /// Packs the built edges (`wide`, whose values are the child nodes; `finals` tells, per
    /// node, whether a key ends there) into the lookup form. `None` when a tag or a value of
    /// the packed table would not fit in 32 bits.
    fn pack(
        ids: HashMap<Box<[u8]>, u32, FastState>,
        wide: &WideTable,
        finals: &[bool],
    ) -> Option<SyllableTrie> {
        let syllables = ids.len();
        let syllable_bits = usize::BITS - syllables.saturating_sub(1).leading_zeros();
        // Node ids are below `finals.len()`: every tag and value fits a `u32`, and no node is
        // numbered `LEAF`.
        let nodes = u64::try_from(finals.len()).ok()?;
        if nodes >= u64::from(LEAF) || nodes << syllable_bits > u64::from(u32::MAX) {
            return None;
        }
        let edges = || wide.slots.iter().filter(|&&(tag, _)| tag != 0);
        let has_children = parents(edges().map(|&(tag, _)| tag), finals.len());
        let inner = edges().filter(|&&(tag, _)| (tag - 1) >> 32 != 0).count();
        // At most half full: a probe for a missing edge (how every walk ends) stops soon.
        let size = (inner * 2).max(16).next_power_of_two();
        let mut trie = SyllableTrie {
            ids,
            roots: vec![NO_EDGE; syllables],
            slots: vec![(0, 0); size],
            mask: size - 1,
            syllable_bits,
            follows: vec![0; syllables],
        };
        // The children of each syllable's node after the root, as filters.
        let mut first_of = vec![u32::MAX; finals.len()];
        for &(tag, child) in edges() {
            if (tag - 1) >> 32 == u64::from(ROOT)
                && let Some(slot) = first_of.get_mut(child as usize)
            {
                *slot = (tag - 1) as u32;
            }
        }
        for &(tag, _) in edges() {
            let (node, syllable) = ((tag - 1) >> 32, (tag - 1) as u32);
            let first = usize::try_from(node)
                .ok()
                .and_then(|node| first_of.get(node))
                .and_then(|&first| trie.follows.get_mut(first as usize));
            if let Some(filter) = first {
                *filter |= follow_bit(syllable);
            }
        }
        for &(tag, child) in edges() {
            let (node, syllable) = ((tag - 1) >> 32, (tag - 1) as u32);
            let value = packed_value(child, finals, &has_children);
            if node == u64::from(ROOT) {
                if let Some(root) = trie.roots.get_mut(syllable as usize) {
                    *root = value;
                }
                continue;
            }
            let tag = (node << syllable_bits | u64::from(syllable)) as u32;
            let mut slot = slot_of(u64::from(tag), trie.mask);
            while trie.slots[slot].0 != 0 {
                slot = (slot + 1) & trie.mask;
            }
            trie.slots[slot] = (tag, value);
        }
        Some(trie)
    }

    /// The id of the syllable `key`: [`NONE`] when no lexicon key has it as a syllable,
    /// [`SPACED`] when it holds the separator.
    pub fn syllable(&self, key: &[u8]) -> u32 {
        if key.contains(&SYLLABLE_SEPARATOR) {
            return SPACED;
        }
        self.ids.get(key).copied().unwrap_or(NONE)
    }

    /// The child of `node` over `syllable` and whether it ends a word; `None` when no word
    /// continues that way. The child is [`NONE`] when no word continues past it either.
    #[inline]
    pub fn child(&self, node: u32, syllable: u32) -> Option<(u32, bool)> {
        // Also rules out `NONE` and `SPACED`, and makes the tag below exact.
        if syllable as usize >= self.roots.len() {
            return None;
        }
        if node == ROOT {
            let value = *self.roots.get(syllable as usize)?;
            return (value != NO_EDGE).then(|| unpack(value));
        }
        // A node out of the table's range (`NONE`) has no tag.
        let tag = u64::from(node) << self.syllable_bits | u64::from(syllable);
        let Ok(tag) = u32::try_from(tag) else {
            return None;
        };
        let mut slot = slot_of(u64::from(tag), self.mask);
        loop {
            let &(stored, value) = self.slots.get(slot)?;
            if stored == tag {
                return Some(unpack(value));
            }
            if stored == 0 {
                return None;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// True when the one-syllable key `syllable` is a word.
    pub fn is_word(&self, syllable: u32) -> bool {
        self.child(ROOT, syllable)
            .is_some_and(|(_, is_final)| is_final)
    }

    /// The node after the one-syllable prefix `syllable` ([`NONE`] when no word of two
    /// syllables or more starts so).
    pub fn first(&self, syllable: u32) -> u32 {
        self.child(ROOT, syllable).map_or(NONE, |(node, _)| node)
    }

    /// A filter of the syllables that continue a word after `syllable`: a syllable whose
    /// [`follow_bit`] is not in it is no child of [`SyllableTrie::first`]`(syllable)`, and
    /// needs no probe (0 for an unknown syllable).
    pub fn follows(&self, syllable: u32) -> u32 {
        self.follows.get(syllable as usize).copied().unwrap_or(0)
    }
}

/// What [`SyllableTrie::parts`] gives: `(syllable, id)` pairs and `(tag, value)` edges.
#[cfg(test)]
pub(crate) type TrieParts = (Vec<(Vec<u8>, u32)>, Vec<(u64, u32)>);

#[cfg(test)]
impl SyllableTrie {
    /// The trie built as it first was, by a pass over the keys in order, unpacked: the
    /// reference [`SyllableTrie::build`] is checked against.
    pub(crate) fn parts_by_stream(fst: &Fst<FstData>) -> TrieParts {
        use index::fst::Streamer;
        let mut ids: HashMap<Box<[u8]>, u32, FastState> = HashMap::default();
        let mut trie = WideTable {
            slots: vec![(0, 0); 1 << 12],
            mask: (1 << 12) - 1,
        };
        let mut edges = 0usize;
        // Per node: whether a key ends there.
        let mut finals: Vec<bool> = vec![false];
        let mut stream = fst.stream();
        while let Some((key, _)) = stream.next() {
            let mut node = ROOT;
            for part in key.split(|&b| b == SYLLABLE_SEPARATOR) {
                let id = match ids.get(part) {
                    Some(&id) => id,
                    None => {
                        let id = ids.len() as u32;
                        ids.insert(part.into(), id);
                        id
                    }
                };
                let tag = tag(node, id);
                let (slot, found) = trie.probe(tag);
                node = if found {
                    trie.slots[slot].1
                } else {
                    let child = finals.len() as u32;
                    finals.push(false);
                    trie.slots[slot] = (tag, child);
                    edges += 1;
                    if edges * 2 > trie.slots.len() {
                        trie.grow();
                    }
                    child
                };
            }
            if let Some(is_final) = finals.get_mut(node as usize) {
                *is_final = true;
            }
        }
        let mut ids: Vec<(Vec<u8>, u32)> = ids.iter().map(|(k, &v)| (k.to_vec(), v)).collect();
        ids.sort_unstable();
        // Values as the packed trie has them.
        let tags = trie
            .slots
            .iter()
            .map(|&(tag, _)| tag)
            .filter(|&tag| tag != 0);
        let has_children = parents(tags, finals.len());
        let mut edges: Vec<(u64, u32)> = trie
            .slots
            .iter()
            .filter(|&&(tag, _)| tag != 0)
            .map(|&(tag, child)| (tag, packed_value(child, &finals, &has_children)))
            .collect();
        edges.sort_unstable();
        (ids, edges)
    }

    /// The syllable ids and the edges (wide `(tag, value)`, see [`WideTable`]), sorted, for
    /// comparing two builds.
    pub(crate) fn parts(&self) -> TrieParts {
        let mut ids: Vec<(Vec<u8>, u32)> = self.ids.iter().map(|(k, &v)| (k.to_vec(), v)).collect();
        ids.sort_unstable();
        let low = (1u64 << self.syllable_bits) - 1;
        let inner = self
            .slots
            .iter()
            .filter(|&&(tag, _)| tag != 0)
            .map(|&(tag, value)| {
                let (node, syllable) = (u64::from(tag) >> self.syllable_bits, u64::from(tag) & low);
                ((node << 32 | syllable) + 1, value)
            });
        let roots = (0u64..)
            .zip(&self.roots)
            .filter(|&(_, &value)| value != NO_EDGE)
            .map(|(syllable, &value)| (syllable + 1, value));
        let mut edges: Vec<(u64, u32)> = roots.chain(inner).collect();
        edges.sort_unstable();
        (ids, edges)
    }
}

#[cfg(test)]
mod tests {
    use super::SyllableTrie;
    use index::WordLexicon;

    fn check(words: &WordLexicon) {
        let fst = words.lexicon().fst().as_fst();
        let walked = SyllableTrie::build(fst).expect("a small lexicon packs");
        assert_eq!(walked.parts(), SyllableTrie::parts_by_stream(fst));
        // Every edge answers through `child`, and an absent one is absent.
        let (ids, edges) = walked.parts();
        for &(tag, value) in &edges {
            let (node, syllable) = (((tag - 1) >> 32) as u32, (tag - 1) as u32);
            let child = walked.child(node, syllable);
            assert_eq!(child, Some(super::unpack(value)), "{node} {syllable}");
        }
        // The filter of each first syllable holds the syllables that follow it.
        let first_of: std::collections::HashMap<u32, u32> = edges
            .iter()
            .filter(|&&(tag, _)| (tag - 1) >> 32 == 0)
            .map(|&(tag, value)| (super::unpack(value).0, (tag - 1) as u32))
            .collect();
        for &(tag, _) in &edges {
            let (node, syllable) = (((tag - 1) >> 32) as u32, (tag - 1) as u32);
            if let Some(&first) = first_of.get(&node).filter(|_| node != 0) {
                let bit = super::follow_bit(syllable);
                assert_ne!(walked.follows(first) & bit, 0, "{first} {syllable}");
            }
        }
        // Every other pair (all of them for small lexicons) has no edge.
        let known: std::collections::HashMap<(u32, u32), u32> = edges
            .iter()
            .map(|&(tag, value)| ((((tag - 1) >> 32) as u32, (tag - 1) as u32), value))
            .collect();
        let nodes = edges.len() as u32 + 2;
        let syllables: Vec<u32> = (0..ids.len() as u32 + 1)
            .take(1_000_000 / nodes as usize)
            .chain([super::SPACED, super::NONE])
            .collect();
        for node in (0..nodes).chain([super::NONE]) {
            for &syllable in &syllables {
                let expected = known
                    .get(&(node, syllable))
                    .map(|&value| super::unpack(value));
                assert_eq!(walked.child(node, syllable), expected, "{node} {syllable}");
            }
        }
    }

    #[test]
    fn walk_builds_the_trie_of_the_key_pass() {
        check(&crate::segment::test_lexicon(&[
            "",
            " ",
            "  a",
            "a",
            "a ",
            "a b",
            "a b c",
            "a bc",
            "a\u{1f}b",
            "ab",
            "b",
            "hòa",
            "hòa bình",
            "bình",
            "gìn giữ hòa bình",
            "giữ gìn",
        ]));
    }

    /// A walk learns that no word continues past a node without probing for its children.
    #[test]
    fn leaves_have_no_child_node() {
        let words = crate::segment::test_lexicon(&["hòa", "hòa bình", "bình", "gìn giữ hòa bình"]);
        let trie = SyllableTrie::build(words.lexicon().fst().as_fst()).unwrap();
        let id = |s: &str| trie.syllable(s.as_bytes());
        let (hoa, binh, gin, giu) = (id("hòa"), id("bình"), id("gìn"), id("giữ"));
        assert!(trie.is_word(hoa) && trie.is_word(binh) && !trie.is_word(gin));
        // `bình` starts no longer word; `hòa bình` is a word no key continues.
        assert_eq!(trie.first(binh), super::NONE);
        assert_eq!(trie.child(trie.first(hoa), binh), Some((super::NONE, true)));
        // `gìn giữ` is no word, but `gìn giữ hòa bình` continues it.
        let (node, is_final) = trie.child(trie.first(gin), giu).unwrap();
        assert!(node != super::NONE && !is_final);
        let (node, is_final) = trie.child(node, hoa).unwrap();
        assert!(node != super::NONE && !is_final);
        assert_eq!(trie.child(node, binh), Some((super::NONE, true)));
        // Filters: nothing follows `bình`; `bình` follows `hòa`, `giữ` follows `gìn`.
        assert_eq!(trie.follows(binh), 0);
        assert_ne!(trie.follows(hoa) & super::follow_bit(binh), 0);
        assert_eq!(trie.follows(gin), super::follow_bit(giu));
    }

    #[test]
    fn walk_builds_the_trie_of_the_key_pass_on_the_word_list() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vi-words.vnlx");
        crate::lexicon::build(&root.join("data/sources/vi/pyvi"), &path).unwrap();
        check(&WordLexicon::open(&path).unwrap());
    }
}
