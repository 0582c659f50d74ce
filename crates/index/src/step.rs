//! The exact-lookup hot path: one fst transition at a time, decoding only what it needs.
//!
//! [`crate::walk::Node`] decodes every field of a node before a transition is looked for;
//! exact lookups ([`crate::Lexicon::get`], [`crate::Cursor`]) instead follow one transition
//! straight from the node's bytes: the state byte, then only the fields on the way to the
//! transition's target and output. Every read is bounds-checked as in `walk` (a damaged fst
//! answers "not found", never panics), and both readers are tested against `fst`'s own.
//!
//! Node layout (fst format 3, nodes written backwards from their state byte at `addr`):
//!
//! - state `0b11cccccc`: one transition, no output, target = the node just below. `c` is a
//!   common-input code, or 0 when the input byte follows (at `addr - 1`).
//! - state `0b10cccccc`: one transition with an output: input (unless common), a sizes byte
//!   (transition-address size << 4 | output size), the address delta, then the output.
//! - state `0b0fnnnnnn`: any number of transitions (`f`: final): `n` transitions or, for 0,
//!   a count byte (1 meaning 256); a sizes byte; a 256-byte index when there are more than
//!   [`TRANS_INDEX_THRESHOLD`] transitions; the inputs (reversed), the address deltas, the
//!   outputs, and the final output.

/// The address of the final node with no transitions and no output.
pub(crate) const EMPTY_ADDRESS: usize = 0;
/// Nodes with more transitions than this carry a 256-byte input index.
pub(crate) const TRANS_INDEX_THRESHOLD: usize = 32;
/// Input bytes that fit in a state byte (`fst`'s `COMMON_INPUTS_INV`, first 63 entries):
/// code `k` (1..=63) stands for `COMMON_INPUTS[k - 1]`.
pub(crate) const COMMON_INPUTS: [u8; 63] =
    *b"te/oasripcnw.hlm-du012g=:bf3y5&_4v9678k%?xCDASFIBEjPTzRNM+LOqHG";

/// [`COMMON_INPUTS`] indexed by code (entry 0 unused).
const COMMON_BY_CODE: [u8; 64] = {
    let mut table = [0u8; 64];
    let mut k = 1;
    while k < 64 {
        table[k] = COMMON_INPUTS[k - 1];
        k += 1;
    }
    table
};

/// The input byte a common-input code stands for (`None` for 0: the input is stored).
#[inline(always)]
pub(crate) fn common_input(code: u8) -> Option<u8> {
    match code {
        0 => None,
        k => COMMON_BY_CODE.get(usize::from(k)).copied(),
    }
}

/// Little-endian unsigned integer of `n` bytes (1..=8) at `at`; `None` out of bounds or for
/// another `n`.
#[inline(always)]
pub(crate) fn unpack(data: &[u8], at: usize, n: usize) -> Option<u64> {
    if n.wrapping_sub(1) >= 8 {
        return None;
    }
    if let Some(chunk) = data.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        // One unaligned load, masked to `n` bytes (`n` is 1..=8, so the shift is 0..=56).
        return Some(u64::from_le_bytes(*chunk) & (u64::MAX >> (64 - 8 * n)));
    }
    // Within 8 bytes of the end of the fst.
    let bytes = data.get(at..at.checked_add(n)?)?;
    Some(
        bytes
            .iter()
            .rev()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b)),
    )
}

/// The transition count of an any-transitions node and the address of its sizes byte.
#[inline(always)]
fn any_header(data: &[u8], addr: usize, state: u8) -> Option<(usize, usize)> {
    match state & 0x3F {
        0 => {
            let at = addr.checked_sub(1)?;
            let n = match *data.get(at)? {
                1 => 256,
                n => usize::from(n),
            };
            Some((n, at.checked_sub(1)?))
        }
        n => Some((usize::from(n), addr.checked_sub(1)?)),
    }
}

/// The target address and output of a one-transition node (with an explicit address and an
/// output), read from its sizes byte at `sizes_at` downwards.
#[inline(always)]
pub(crate) fn one_transition(data: &[u8], sizes_at: usize) -> Option<(usize, u64)> {
    let sizes = *data.get(sizes_at)?;
    let (tsize, osize) = (usize::from(sizes >> 4), usize::from(sizes & 0x0F));
    let trans_at = sizes_at.checked_sub(tsize)?;
    let end = trans_at.checked_sub(osize)?;
    let delta = usize::try_from(unpack(data, trans_at, tsize)?).ok()?;
    let target = if delta == EMPTY_ADDRESS {
        EMPTY_ADDRESS
    } else {
        end.checked_sub(delta)?
    };
    let out = if osize == 0 {
        0
    } else {
        unpack(data, end, osize)?
    };
    Some((target, out))
}

/// Follows the transition on `byte` out of the node at `addr`: the target's address and the
/// transition's output, or `None` when there is no such transition (or the bytes are damaged).
#[inline(always)]
pub(crate) fn step(data: &[u8], addr: usize, byte: u8) -> Option<(usize, u64)> {
    if addr == EMPTY_ADDRESS {
        return None;
    }
    let state = *data.get(addr)?;
    match state >> 6 {
        0b11 => {
            // One transition to the node just below, no output.
            match common_input(state & 0x3F) {
                Some(input) => (input == byte).then(|| (addr - 1, 0)),
                None => {
                    let at = addr - 1;
                    (*data.get(at)? == byte).then_some(())?;
                    Some((at.checked_sub(1)?, 0))
                }
            }
        }
        0b10 => {
            let sizes_at = match common_input(state & 0x3F) {
                Some(input) => {
                    (input == byte).then_some(())?;
                    addr - 1
                }
                None => {
                    let at = addr - 1;
                    (*data.get(at)? == byte).then_some(())?;
                    at.checked_sub(1)?
                }
            };
            one_transition(data, sizes_at)
        }
        _ => {
            let (ntrans, sizes_at) = any_header(data, addr, state)?;
            let sizes = *data.get(sizes_at)?;
            let (tsize, osize) = (usize::from(sizes >> 4), usize::from(sizes & 0x0F));
            let (i, inputs) = if ntrans > TRANS_INDEX_THRESHOLD {
                let index = sizes_at.checked_sub(256)?;
                let inputs = index.checked_sub(ntrans)?;
                let i = usize::from(*data.get(index + usize::from(byte))?);
                if i >= ntrans {
                    return None;
                }
                (i, inputs)
            } else {
                let inputs = sizes_at.checked_sub(ntrans)?;
                // Inputs are stored in reverse transition order.
                let stored = data.get(inputs..sizes_at)?;
                let position = stored.iter().position(|&b| b == byte)?;
                (ntrans - position - 1, inputs)
            };
            // ntrans ≤ 256 and sizes ≤ 15: these products cannot overflow.
            let delta_at = inputs.checked_sub((i + 1) * tsize)?;
            let delta = usize::try_from(unpack(data, delta_at, tsize)?).ok()?;
            let trans = inputs.checked_sub(ntrans * tsize)?;
            let out = if osize == 0 {
                0
            } else {
                unpack(data, trans.checked_sub((i + 1) * osize)?, osize)?
            };
            let target = if delta == EMPTY_ADDRESS {
                EMPTY_ADDRESS
            } else {
                let final_osize = if state & 0x40 != 0 { osize } else { 0 };
                trans
                    .checked_sub(ntrans * osize + final_osize)?
                    .checked_sub(delta)?
            };
            Some((target, out))
        }
    }
}

/// The final output of the node at `addr`, or `None` when it is not final (or damaged).
#[inline(always)]
pub(crate) fn final_output(data: &[u8], addr: usize) -> Option<u64> {
    if addr == EMPTY_ADDRESS {
        return Some(0);
    }
    let state = *data.get(addr)?;
    // Only any-transitions nodes with the final bit set are final.
    if state & 0xC0 != 0x40 {
        return None;
    }
    let (ntrans, sizes_at) = any_header(data, addr, state)?;
    let sizes = *data.get(sizes_at)?;
    let (tsize, osize) = (usize::from(sizes >> 4), usize::from(sizes & 0x0F));
    if osize == 0 {
        return Some(0);
    }
    let index_len = if ntrans > TRANS_INDEX_THRESHOLD {
        256
    } else {
        0
    };
    let end = sizes_at.checked_sub(index_len + ntrans * (1 + tsize + osize) + osize)?;
    unpack(data, end, osize)
}

/// The value of `key` in the fst `data` whose root node is at `root`.
#[inline]
pub(crate) fn get(data: &[u8], root: usize, key: &[u8]) -> Option<u64> {
    let mut addr = root;
    let mut out = 0u64;
    for &byte in key {
        let (target, trans_out) = step(data, addr, byte)?;
        addr = target;
        out = out.wrapping_add(trans_out);
    }
    Some(out.wrapping_add(final_output(data, addr)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(bytes: &[u8]) -> usize {
        let end = bytes.len() - 4;
        u64::from_le_bytes(bytes[end - 8..end].try_into().unwrap()) as usize
    }

    /// splitmix64, for deterministic pseudo-random keys.
    fn next(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    #[test]
    fn agrees_with_fst_on_hits_and_misses() {
        // Keys over small and large alphabets (nodes with and without an input index), values
        // of every width (outputs of 0..=8 bytes), and keys that are prefixes of others
        // (final nodes with transitions).
        let mut seed = 7u64;
        for alphabet in [4u64, 40, 256] {
            let mut keys: Vec<(Vec<u8>, u64)> = (0..3000)
                .map(|_| {
                    let r = next(&mut seed);
                    let len = (r % 7) as usize;
                    let key: Vec<u8> = (0..len)
                        .map(|i| {
                            (next(&mut seed) % alphabet) as u8 ^ if i % 2 == 0 { 0 } else { 0x80 }
                        })
                        .collect();
                    (key, next(&mut seed) >> (r % 64))
                })
                .collect();
            keys.sort();
            keys.dedup_by(|a, b| a.0 == b.0);
            let mut builder = fst::MapBuilder::memory();
            for (key, value) in &keys {
                builder.insert(key, *value).unwrap();
            }
            let bytes = builder.into_inner().unwrap();
            let map = fst::Map::new(bytes.clone()).unwrap();
            let root = root(&bytes);
            for (key, value) in &keys {
                assert_eq!(get(&bytes, root, key), Some(*value), "{key:x?}");
                for extra in [0u8, 0x80, 0xFF, 3] {
                    let mut probe = key.clone();
                    probe.push(extra);
                    assert_eq!(get(&bytes, root, &probe), map.get(&probe), "{probe:x?}");
                }
                if let Some((_, prefix)) = key.split_last() {
                    assert_eq!(get(&bytes, root, prefix), map.get(prefix), "{prefix:x?}");
                }
            }
        }
    }

    #[test]
    fn unpack_reads_little_endian_near_the_end() {
        let data = [1u8, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        assert_eq!(unpack(&data, 0, 1), Some(1));
        assert_eq!(unpack(&data, 0, 3), Some(0x03_02_01));
        assert_eq!(unpack(&data, 2, 8), Some(0x0A_09_08_07_06_05_04_03));
        assert_eq!(unpack(&data, 8, 2), Some(0x0A_09));
        assert_eq!(unpack(&data, 9, 2), None);
        assert_eq!(unpack(&data, 0, 0), None);
        assert_eq!(unpack(&data, 0, 9), None);
        assert_eq!(unpack(&data, usize::MAX, 1), None);
    }
}
