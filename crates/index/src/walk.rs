//! A bounds-checked reader of fst nodes: the in-order walk over every key (for verification)
//! and the [`Cursor`] used by syllable walks.
//!
//! `fst::raw::Node` decodes every field of a node eagerly and indexes its bytes without
//! checks (it trusts the fst, and panics on damaged bytes). Every read here is checked: on
//! damaged bytes a walk reports damage and a lookup answers "not found" instead of panicking,
//! so exact lookups are safe even on lexicons that were not verified. Single transitions (exact
//! lookups, cursors) go through [`crate::step`], which decodes only the fields on their way.
//!
//! It reads the node format of `fst` 0.4 (fst format version 3, the only one [`crate::Lexicon`]
//! accepts). Nodes are written backwards: the state byte is the node's last byte, at the
//! node's address. Tests check it against `fst`'s own reader.

use crate::step::{EMPTY_ADDRESS, TRANS_INDEX_THRESHOLD, common_input, one_transition, unpack};

/// A decoded node: what the in-order walk needs to enumerate its transitions.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Node {
    /// The empty final node (address 0).
    EmptyFinal,
    /// One transition to the node written just before this one, no output, not final.
    Next { input: u8, target: usize },
    /// One transition with an output, not final.
    One { input: u8, target: usize, out: u64 },
    /// Any number of transitions; possibly final.
    Any(AnyNode),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct AnyNode {
    is_final: bool,
    ntrans: usize,
    tsize: usize,
    osize: usize,
    /// Start of the input bytes (stored in reverse transition order).
    inputs: usize,
    /// Start of the transition address deltas (`inputs - ntrans * tsize`).
    trans: usize,
    /// The node's first byte (transition deltas are relative to it).
    end: usize,
}

impl Node {
    /// Decodes the node at `addr`; `None` when its bytes are out of bounds or inconsistent.
    #[inline]
    pub(crate) fn decode(data: &[u8], addr: usize) -> Option<Node> {
        if addr == EMPTY_ADDRESS {
            return Some(Node::EmptyFinal);
        }
        let state = *data.get(addr)?;
        match state >> 6 {
            0b11 => {
                let (input, input_len) = match common_input(state & 0x3F) {
                    Some(input) => (input, 0),
                    None => (*data.get(addr.checked_sub(1)?)?, 1),
                };
                let target = addr.checked_sub(input_len + 1)?;
                Some(Node::Next { input, target })
            }
            0b10 => {
                let (input, input_len) = match common_input(state & 0x3F) {
                    Some(input) => (input, 0),
                    None => (*data.get(addr.checked_sub(1)?)?, 1),
                };
                let sizes_at = addr.checked_sub(input_len + 1)?;
                let (target, out) = one_transition(data, sizes_at)?;
                Some(Node::One { input, target, out })
            }
            _ => {
                let is_final = state & 0x40 != 0;
                let (ntrans, ntrans_len) = match state & 0x3F {
                    0 => match *data.get(addr.checked_sub(1)?)? {
                        1 => (256, 1),
                        n => (usize::from(n), 1),
                    },
                    n => (usize::from(n), 0),
                };
                let sizes_at = addr.checked_sub(ntrans_len + 1)?;
                let sizes = *data.get(sizes_at)?;
                let (tsize, osize) = (usize::from(sizes >> 4), usize::from(sizes & 0x0F));
                let index_start = if ntrans > TRANS_INDEX_THRESHOLD {
                    sizes_at.checked_sub(256)?
                } else {
                    sizes_at
                };
                let inputs = index_start.checked_sub(ntrans)?;
                let trans = inputs.checked_sub(ntrans.checked_mul(tsize)?)?;
                let final_osize = if is_final { osize } else { 0 };
                let end = trans
                    .checked_sub(ntrans.checked_mul(osize)?)?
                    .checked_sub(final_osize)?;
                Some(Node::Any(AnyNode {
                    is_final,
                    ntrans,
                    tsize,
                    osize,
                    inputs,
                    trans,
                    end,
                }))
            }
        }
    }

    /// The final output, or `None` when the node is not final.
    #[inline]
    pub(crate) fn final_output(&self, data: &[u8]) -> Option<u64> {
        match *self {
            Node::EmptyFinal => Some(0),
            Node::Next { .. } | Node::One { .. } => None,
            Node::Any(node) => {
                if !node.is_final {
                    None
                } else if node.osize == 0 {
                    Some(0)
                } else {
                    // Just below the transition outputs.
                    unpack(data, node.end, node.osize)
                }
            }
        }
    }
}

impl AnyNode {
    /// Target address and output of transition `i` (in input order).
    #[inline]
    fn target_and_output(&self, data: &[u8], i: usize) -> Option<(usize, u64)> {
        let delta_at = self.inputs.checked_sub((i + 1).checked_mul(self.tsize)?)?;
        let delta = usize::try_from(unpack(data, delta_at, self.tsize)?).ok()?;
        let target = if delta == EMPTY_ADDRESS {
            EMPTY_ADDRESS
        } else {
            self.end.checked_sub(delta)?
        };
        let out = if self.osize == 0 {
            0
        } else {
            unpack(
                data,
                self.trans.checked_sub((i + 1).checked_mul(self.osize)?)?,
                self.osize,
            )?
        };
        Some((target, out))
    }

    /// Transition `i` (in input order): input byte, target address, output.
    #[inline]
    fn transition(&self, data: &[u8], i: usize) -> Option<(u8, usize, u64)> {
        // Inputs are stored in reverse order, just below the index (or the sizes byte).
        let input = *data.get(self.inputs.checked_add(self.ntrans.checked_sub(i + 1)?)?)?;
        let (target, out) = self.target_and_output(data, i)?;
        Some((input, target, out))
    }
}

impl Node {
    /// Number of transitions.
    #[inline]
    fn len(&self) -> usize {
        match self {
            Node::EmptyFinal => 0,
            Node::Next { .. } | Node::One { .. } => 1,
            Node::Any(node) => node.ntrans,
        }
    }

    /// Transition `i` (in input order): input byte, target address, output.
    #[inline]
    fn transition(&self, data: &[u8], i: usize) -> Option<(u8, usize, u64)> {
        match *self {
            Node::EmptyFinal => None,
            Node::Next { input, target } => (i == 0).then_some((input, target, 0)),
            Node::One { input, target, out } => (i == 0).then_some((input, target, out)),
            Node::Any(node) => node.transition(data, i),
        }
    }
}

/// Why [`for_each_key`] stopped early.
#[derive(Debug)]
pub(crate) enum WalkError<E> {
    /// A node could not be decoded, or a transition does not lead to a lower address (which
    /// every fst written by `fst` does: nodes are written after their targets).
    Damaged { key: Vec<u8> },
    /// The visitor returned an error.
    Visitor(E),
}

/// Visits every key of the fst in order with its value and a per-key state folded over its
/// bytes by `step` (from `init`), without allocating per key. Each trie edge is followed once,
/// and `step` runs once per edge, so prefix-wise state (UTF-8 validity, character and
/// separator counts) costs O(1) per key on average.
///
/// Terminates on any input: every transition must lead to a lower address.
pub(crate) fn for_each_key<S: Copy, E>(
    data: &[u8],
    root: usize,
    init: S,
    step: impl Fn(S, u8) -> S,
    mut visit: impl FnMut(&[u8], u64, S) -> Result<(), E>,
) -> Result<(), WalkError<E>> {
    struct Frame<S> {
        node: Node,
        addr: usize,
        next: usize,
        output: u64,
        state: S,
    }
    let mut key = Vec::new();
    let damaged = |key: &[u8]| WalkError::Damaged { key: key.to_vec() };
    let root_node = Node::decode(data, root).ok_or_else(|| damaged(&[]))?;
    if let Some(final_output) = root_node.final_output(data) {
        visit(&key, final_output, init).map_err(WalkError::Visitor)?;
    }
    let mut stack = vec![Frame {
        node: root_node,
        addr: root,
        next: 0,
        output: 0,
        state: init,
    }];
    while let Some(frame) = stack.last_mut() {
        if frame.next >= frame.node.len() {
            stack.pop();
            key.pop();
            continue;
        }
        let i = frame.next;
        frame.next += 1;
        let Some((input, target, out)) = frame.node.transition(data, i) else {
            return Err(damaged(&key));
        };
        if target >= frame.addr && target != EMPTY_ADDRESS {
            return Err(damaged(&key));
        }
        let Some(node) = Node::decode(data, target) else {
            return Err(damaged(&key));
        };
        let output = frame.output.wrapping_add(out);
        let state = step(frame.state, input);
        key.push(input);
        if let Some(final_output) = node.final_output(data) {
            visit(&key, output.wrapping_add(final_output), state).map_err(WalkError::Visitor)?;
        }
        stack.push(Frame {
            node,
            addr: target,
            next: 0,
            output,
            state,
        });
    }
    Ok(())
}

/// Incremental UTF-8 validation: a state per prefix, [`UTF8_ACCEPT`] after a complete valid
/// sequence, [`UTF8_REJECT`] (absorbing) after an invalid byte.
pub(crate) const UTF8_ACCEPT: u8 = 0;
/// See [`UTF8_ACCEPT`].
pub(crate) const UTF8_REJECT: u8 = 8;

/// The UTF-8 validation state after `byte` (RFC 3629: no overlongs, surrogates, or code points
/// above U+10FFFF).
#[inline]
pub(crate) fn utf8_step(state: u8, byte: u8) -> u8 {
    // 1..=3: continuation bytes still expected; 4..=7: first continuation byte restricted.
    let cont = (0x80..=0xBF).contains(&byte);
    match state {
        UTF8_ACCEPT => match byte {
            0x00..=0x7F => UTF8_ACCEPT,
            0xC2..=0xDF => 1,
            0xE0 => 4,
            0xED => 5,
            0xE1..=0xEC | 0xEE..=0xEF => 2,
            0xF0 => 6,
            0xF1..=0xF3 => 3,
            0xF4 => 7,
            _ => UTF8_REJECT,
        },
        1 if cont => UTF8_ACCEPT,
        2 if cont => 1,
        3 if cont => 2,
        4 if (0xA0..=0xBF).contains(&byte) => 1,
        5 if (0x80..=0x9F).contains(&byte) => 1,
        6 if (0x90..=0xBF).contains(&byte) => 2,
        7 if (0x80..=0x8F).contains(&byte) => 2,
        _ => UTF8_REJECT,
    }
}

/// A position in a lexicon's fst after some bytes of a key: the incremental form of
/// [`crate::Lexicon::get`], for callers that extend a key piece by piece (a segmenter adding
/// syllables). Cheap to copy; bounds-checked like `get`.
///
/// ```
/// # fn main() -> Result<(), index::Error> {
/// let mut builder = index::LexiconBuilder::new(index::LexiconKind::Map, 0);
/// builder.insert("nhà".as_bytes(), 1)?;
/// builder.insert("nhà nước".as_bytes(), 2)?;
/// let lexicon = index::Lexicon::from_bytes(builder.finish_to_vec()?)?;
/// let at_nha = lexicon.cursor().walk("nhà".as_bytes()).unwrap();
/// assert_eq!(at_nha.value(), Some(1));
/// let at_nha_n = at_nha.walk(" n".as_bytes()).unwrap(); // a prefix of a key: no value
/// assert_eq!(at_nha_n.value(), None);
/// assert_eq!(at_nha_n.walk("ước".as_bytes()).and_then(|c| c.value()), Some(2));
/// assert!(at_nha.walk(" ta".as_bytes()).is_none()); // no key continues this way
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Cursor<'a> {
    data: &'a [u8],
    /// The address of the node reached (decoded lazily, by the next step or `value`).
    addr: usize,
    output: u64,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(data: &'a [u8], root: usize) -> Cursor<'a> {
        Cursor {
            data,
            addr: root,
            output: 0,
        }
    }

    /// The cursor after `byte`, or `None` when no key continues with it.
    #[inline]
    #[must_use]
    pub fn step(self, byte: u8) -> Option<Cursor<'a>> {
        let (target, out) = crate::step::step(self.data, self.addr, byte)?;
        Some(Cursor {
            data: self.data,
            addr: target,
            output: self.output.wrapping_add(out),
        })
    }

    /// The cursor after `bytes`, or `None` when no key continues with them.
    #[inline]
    #[must_use]
    pub fn walk(self, bytes: &[u8]) -> Option<Cursor<'a>> {
        bytes
            .iter()
            .try_fold(self, |cursor, &byte| cursor.step(byte))
    }

    /// The value of the key walked so far, or `None` when it is only a prefix of keys.
    #[inline]
    #[must_use]
    pub fn value(&self) -> Option<u64> {
        Some(
            self.output
                .wrapping_add(crate::step::final_output(self.data, self.addr)?),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::step::get;

    fn build(keys: &[(Vec<u8>, u64)]) -> Vec<u8> {
        let mut builder = fst::MapBuilder::memory();
        for (key, value) in keys {
            builder.insert(key, *value).unwrap();
        }
        builder.into_inner().unwrap()
    }

    fn root(bytes: &[u8]) -> usize {
        let end = bytes.len() - 4;
        u64::from_le_bytes(bytes[end - 8..end].try_into().unwrap()) as usize
    }

    #[test]
    fn common_inputs_match_fst() {
        // A key of each single byte: whichever encoding fst chose, lookups must agree.
        let keys: Vec<(Vec<u8>, u64)> = (0..=255u8)
            .map(|b| (vec![b], u64::from(b) * 1000))
            .collect();
        for key in &keys {
            let bytes = build(std::slice::from_ref(key));
            assert_eq!(
                get(&bytes, root(&bytes), &key.0),
                Some(key.1),
                "byte {:?}",
                key.0
            );
            assert_eq!(get(&bytes, root(&bytes), b"\xFF\xFF"), None);
        }
        // And all of them in one node with an index (more than 32 transitions).
        let bytes = build(&keys);
        for (key, value) in &keys {
            assert_eq!(get(&bytes, root(&bytes), key), Some(*value));
        }
    }

    #[test]
    fn two_byte_keys_of_every_byte() {
        // Chains through one-transition nodes with every possible input byte and output size.
        for b in 0..=255u8 {
            let keys = vec![
                (vec![b, b], 0),
                (vec![b, b, 1], u64::from(b) << 40),
                (vec![b, b, 2, b], u64::MAX),
            ];
            let bytes = build(&keys);
            let fst = fst::Map::new(bytes.clone()).unwrap();
            for (key, value) in &keys {
                assert_eq!(get(&bytes, root(&bytes), key), Some(*value));
                assert_eq!(fst.get(key), Some(*value));
            }
            assert_eq!(get(&bytes, root(&bytes), &[b]), None);
            assert_eq!(get(&bytes, root(&bytes), &[b, b, 2]), None);
        }
    }

    #[test]
    fn utf8_steps_agree_with_std() {
        let mut samples: Vec<Vec<u8>> = vec![
            b"abc".to_vec(),
            "nhà nước".as_bytes().to_vec(),
            "київ".as_bytes().to_vec(),
            "𝄞".as_bytes().to_vec(),
            vec![0xC0, 0x80],
            vec![0xED, 0xA0, 0x80],
            vec![0xF4, 0x90, 0x80, 0x80],
            vec![0xE0, 0x80, 0x80],
            vec![0xF0, 0x80, 0x80, 0x80],
            vec![0xE2, 0x82],
            vec![0x80],
        ];
        // Every 1- and 2-byte string, and 3-byte strings over interesting bytes.
        let interesting = [
            0x00u8, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED,
            0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
        ];
        for a in 0..=255u8 {
            samples.push(vec![a]);
            for b in 0..=255u8 {
                samples.push(vec![a, b]);
            }
            for &b in &interesting {
                for &c in &interesting {
                    samples.push(vec![a, b, c]);
                    for &d in &interesting {
                        samples.push(vec![a, b, c, d]);
                    }
                }
            }
        }
        for sample in samples {
            let state = sample.iter().fold(UTF8_ACCEPT, |s, &b| utf8_step(s, b));
            assert_eq!(
                state == UTF8_ACCEPT,
                std::str::from_utf8(&sample).is_ok(),
                "{sample:x?}"
            );
        }
    }

    #[test]
    fn for_each_key_agrees_with_fst_stream() {
        use fst::Streamer;
        let keys: Vec<(Vec<u8>, u64)> = {
            let mut keys: Vec<(Vec<u8>, u64)> = (0..2000u32)
                .map(|i| {
                    (
                        format!("{}{}", i % 37, i * 7919 % 1013).into_bytes(),
                        u64::from(i) << (i % 40),
                    )
                })
                .collect();
            keys.extend((0..=255u8).map(|b| (vec![b'z', b], u64::from(b))));
            keys.push((Vec::new(), 5));
            keys.sort();
            keys.dedup_by(|a, b| a.0 == b.0);
            keys
        };
        let bytes = build(&keys);
        let fst = fst::Map::new(bytes.clone()).unwrap();
        let mut expected = Vec::new();
        let mut stream = fst.stream();
        while let Some((k, v)) = stream.next() {
            expected.push((k.to_vec(), v, k.len()));
        }
        let mut found = Vec::new();
        for_each_key(
            &bytes,
            root(&bytes),
            0usize,
            |n, _| n + 1,
            |k, v, n| {
                found.push((k.to_vec(), v, n));
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(found, expected);
        assert_eq!(found.len(), keys.len());
    }

    #[test]
    fn damaged_bytes_never_panic() {
        let keys: Vec<(Vec<u8>, u64)> = (0..300u32)
            .map(|i| (format!("k{i:04}").into_bytes(), u64::from(i) * 77))
            .collect();
        let bytes = build(&keys);
        let root = root(&bytes);
        for at in 0..bytes.len() {
            for value in [0u8, 1, 0x3F, 0x40, 0x80, 0xC0, 0xFF] {
                let mut damaged = bytes.clone();
                damaged[at] = value;
                for (key, _) in keys.iter().step_by(37) {
                    let _ = get(&damaged, root, key);
                }
                let mut count = 0usize;
                let _ = for_each_key(
                    &damaged,
                    root,
                    (),
                    |(), _| (),
                    |_, _, ()| {
                        count += 1;
                        if count > 10_000 { Err(()) } else { Ok(()) }
                    },
                );
                let _ = get(&damaged, root.wrapping_add(at), b"k0001");
            }
        }
    }
}
