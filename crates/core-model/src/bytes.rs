//! Byte-string helpers for the hot paths of the language crates.

/// `a == b` for byte strings. The short lengths that word forms and syllables have (up to 32
/// bytes) are compared as two overlapping fixed-size pieces, inline, where `==` on slices
/// calls `memcmp`.
///
/// ```
/// use core_model::same_bytes;
///
/// assert!(same_bytes("Київ".as_bytes(), "Київ".as_bytes()));
/// assert!(!same_bytes("hoa".as_bytes(), "hoà".as_bytes()));
/// ```
#[inline]
#[must_use]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    /// The first and the last `N` bytes (overlapping when fewer than `2 * N`).
    #[inline(always)]
    fn ends<const N: usize>(s: &[u8]) -> Option<(&[u8; N], &[u8; N])> {
        Some((s.first_chunk()?, s.last_chunk()?))
    }
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        // First, middle and last byte: every byte of a string this short.
        1..4 => a.first() == b.first() && a.get(n / 2) == b.get(n / 2) && a.last() == b.last(),
        4..8 => ends::<4>(a) == ends::<4>(b),
        8..16 => ends::<8>(a) == ends::<8>(b),
        16..=32 => ends::<16>(a) == ends::<16>(b),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::same_bytes;

    #[test]
    fn is_equality_at_every_length_and_position() {
        let text: Vec<u8> = (1..=40).collect();
        let copy = text.clone();
        for n in 0..=text.len() {
            let a = &text[..n];
            assert!(same_bytes(a, &copy[..n]), "{n} bytes");
            for m in 0..=text.len() {
                assert_eq!(same_bytes(a, &text[..m]), n == m, "{n} against {m} bytes");
            }
            // One byte differs, wherever it is.
            for i in 0..n {
                let mut b = a.to_vec();
                b[i] ^= 0x80;
                assert!(!same_bytes(a, &b), "{n} bytes, byte {i} differs");
            }
        }
    }
}
