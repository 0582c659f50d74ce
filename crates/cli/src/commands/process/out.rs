//! The byte buffer a record is written into.
//!
//! A record is hundreds of short pieces per sentence (keys, numbers, a token's few bytes).
//! Through `String::push_str` each variable-length piece is a capacity check and a call to
//! `memcpy`; here the bytes past the cursor are already initialized scratch space, so a short
//! piece is copied as two overlapping fixed-size blocks (a few moves, no call), and the room
//! for a whole token is checked once ([`Out::write`] and its [`Cursor`]).

use crate::commands::json::{first_to_escape, for_each_escaped_piece};

/// Bytes of zeroed room added at a time.
const GROWTH: usize = 64 << 10;

/// The most room kept from one record to the next.
const KEPT: usize = 4 << 20;

/// The longest piece [`Out::push_short`] copies in blocks.
pub const SHORT: usize = 32;

/// A byte buffer written through a cursor: `buf[..len]` is the output, `buf[len..]` is
/// initialized room for the next pieces.
#[derive(Debug, Default)]
pub struct Out {
    buf: Vec<u8>,
    len: usize,
}

impl Out {
    /// Empties the buffer and reserves capacity for `bytes` (made writable as it is needed).
    pub fn begin(&mut self, bytes: usize) {
        self.len = 0;
        self.buf.reserve(bytes.saturating_sub(self.buf.len()));
    }

    /// The bytes written so far.
    #[cfg(test)]
    pub fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    /// Takes the bytes written, leaving the buffer empty. They are copied out, so that the
    /// buffer stays initialized (and in cache) for the next record — unless the buffer has
    /// grown past [`KEPT`] bytes (written or reserved): then it is handed over whole, with
    /// no copy, and not kept — a worker holds at most that much between records.
    pub fn take(&mut self) -> Vec<u8> {
        let len = std::mem::take(&mut self.len);
        if self.buf.len() > KEPT || self.buf.capacity() > KEPT {
            let mut bytes = std::mem::take(&mut self.buf);
            bytes.truncate(len);
            return bytes;
        }
        self.buf.get(..len).unwrap_or_default().to_vec()
    }

    /// Makes sure `n` more bytes can be written after the cursor.
    #[inline]
    pub fn room(&mut self, n: usize) {
        if self.buf.len() - self.len < n {
            self.grow(n);
        }
    }

    #[cold]
    fn grow(&mut self, n: usize) {
        let target = (self.len + n).max(self.buf.len() + GROWTH);
        self.buf.resize(target, 0);
    }

    /// Appends `bytes`.
    #[inline]
    pub fn push(&mut self, bytes: &[u8]) {
        self.room(bytes.len());
        let end = self.len + bytes.len();
        if let Some(dst) = self.buf.get_mut(self.len..end) {
            dst.copy_from_slice(bytes);
            self.len = end;
        }
    }

    /// Appends `s`.
    #[inline]
    pub fn push_str(&mut self, s: &str) {
        self.push(s.as_bytes());
    }

    /// Appends one byte.
    #[inline]
    pub fn push_byte(&mut self, b: u8) {
        self.room(1);
        if let Some(dst) = self.buf.get_mut(self.len) {
            *dst = b;
            self.len += 1;
        }
    }

    /// Appends `bytes`, copied in fixed-size blocks when at most [`SHORT`] long.
    #[inline(always)]
    pub fn push_short(&mut self, bytes: &[u8]) {
        if bytes.len() > SHORT {
            self.push(bytes);
            return;
        }
        if !self.write(SHORT, |cursor| cursor.put_short(bytes)) {
            self.push(bytes);
        }
    }

    /// Runs `write` on a cursor over the next `room` bytes and keeps what it wrote; returns
    /// false, keeping nothing, when `write` ran out of room. One capacity check for many
    /// pieces: the cursor's bounds checks are against a length held in a register.
    #[inline(always)]
    pub fn write(&mut self, room: usize, write: impl FnOnce(&mut Cursor<'_>)) -> bool {
        self.room(room);
        let Some(dst) = self.buf.get_mut(self.len..self.len + room) else {
            return false;
        };
        let mut cursor = Cursor {
            dst,
            pos: 0,
            overflow: false,
        };
        write(&mut cursor);
        if cursor.overflow {
            return false;
        }
        self.len += cursor.pos;
        true
    }

    /// Appends `s` as a JSON string literal (quotes, backslashes and control characters
    /// escaped).
    pub fn push_json_string(&mut self, s: &str) {
        self.push_byte(b'"');
        self.push_json_body(s);
        self.push_byte(b'"');
    }

    /// Appends `s` escaped as the inside of a JSON string literal (no quotes around it).
    #[inline]
    pub fn push_json_body(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let first = first_to_escape(bytes, 0);
        if first == bytes.len() {
            self.push_short(bytes);
        } else {
            self.push_escaped_from(bytes, first);
        }
    }

    /// Appends `bytes` escaped, knowing that byte `first` is the first to need an escape.
    #[cold]
    fn push_escaped_from(&mut self, bytes: &[u8], first: usize) {
        for_each_escaped_piece(bytes, first, |piece| self.push(piece));
    }

    /// Appends the decimal digits of `n`.
    #[inline]
    pub fn push_u64(&mut self, n: u64) {
        let fitted = u32::try_from(n).is_ok_and(|n| self.write(10, |cursor| cursor.put_u32(n)));
        if !fitted {
            self.push(itoa::Buffer::new().format(n).as_bytes());
        }
    }
}

/// Writes pieces into a slice of initialized room (see [`Out::write`]). A piece that does
/// not fit is not written and marks the cursor as overflowed.
pub struct Cursor<'a> {
    dst: &'a mut [u8],
    pos: usize,
    overflow: bool,
}

impl Cursor<'_> {
    /// Appends `bytes` (a constant piece becomes fixed-size moves).
    #[inline(always)]
    pub fn put(&mut self, bytes: &[u8]) {
        match self.dst.get_mut(self.pos..self.pos + bytes.len()) {
            Some(dst) => {
                dst.copy_from_slice(bytes);
                self.pos += bytes.len();
            }
            None => self.overflow = true,
        }
    }

    /// Appends `bytes` of at most [`SHORT`] bytes as two overlapping fixed-size blocks (a
    /// few moves, no call); the moves past its end only touch room that later pieces
    /// overwrite. Needs [`SHORT`] bytes of room.
    #[inline(always)]
    pub fn put_short(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        let Some(dst) = self.dst.get_mut(self.pos..self.pos + SHORT) else {
            self.overflow = true;
            return;
        };
        if n > SHORT {
            self.overflow = true;
        } else if n >= 16 {
            copy_block::<16>(dst, 0, bytes, 0);
            copy_block::<16>(dst, n - 16, bytes, n - 16);
        } else if n >= 8 {
            copy_block::<8>(dst, 0, bytes, 0);
            copy_block::<8>(dst, n - 8, bytes, n - 8);
        } else if n >= 4 {
            copy_block::<4>(dst, 0, bytes, 0);
            copy_block::<4>(dst, n - 4, bytes, n - 4);
        } else if n > 0 {
            dst[0] = bytes[0];
            dst[n / 2] = bytes[n / 2];
            dst[n - 1] = bytes[n - 1];
        }
        self.pos += n;
    }

    /// Appends `bytes`: as [`Cursor::put_short`] when short, else as [`Cursor::put`].
    #[inline(always)]
    pub fn put_any(&mut self, bytes: &[u8]) {
        if bytes.len() <= SHORT {
            self.put_short(bytes);
        } else {
            self.put(bytes);
        }
    }

    /// Appends the decimal digits of `n` (needs 10 bytes of room). Below 10⁸ — every span
    /// of a document under 100 MB — the eight digits are made at once, two by table, in one
    /// word, and the leading zeros dropped by shifting it.
    #[inline(always)]
    pub fn put_u32(&mut self, n: u32) {
        if n >= 100_000_000 {
            self.put(itoa::Buffer::new().format(n).as_bytes());
            return;
        }
        let pair = |v: u32| u64::from(DIGIT_PAIRS[v as usize % 100]);
        let four = |v: u32| pair(v / 100) | pair(v % 100) << 16;
        // The digits in writing order from the lowest byte up.
        let digits = four(n / 10_000) | four(n % 10_000) << 32;
        // Leading zeros are the low bytes equal to `0` (one is kept for zero itself).
        let zeros = ((digits ^ 0x3030_3030_3030_3030).trailing_zeros() / 8).min(7) as usize;
        let Some(dst) = self.dst.get_mut(self.pos..self.pos + 8) else {
            self.overflow = true;
            return;
        };
        dst.copy_from_slice(&(digits >> (zeros * 8)).to_le_bytes());
        self.pos += 8 - zeros;
    }
}

/// "00", "01", … "99" as little-endian words (the tens digit in the low byte).
const DIGIT_PAIRS: [u16; 100] = {
    let mut pairs = [0u16; 100];
    let mut i = 0;
    while i < 100 {
        pairs[i] = u16::from_le_bytes([b'0' + (i / 10) as u8, b'0' + (i % 10) as u8]);
        i += 1;
    }
    pairs
};

/// Copies `N` bytes of `src` from `from` to `dst` at `at` (nothing when out of range).
#[inline(always)]
fn copy_block<const N: usize>(dst: &mut [u8], at: usize, src: &[u8], from: usize) {
    if let (Some(d), Some(s)) = (dst.get_mut(at..at + N), src.get(from..from + N)) {
        d.copy_from_slice(s);
    }
}

#[cfg(test)]
mod tests {
    use super::{Out, SHORT};
    use proptest::prelude::*;

    proptest! {
        /// Whatever the pieces, the buffer holds exactly their concatenation.
        #[test]
        fn pieces_are_concatenated(pieces in proptest::collection::vec(
            (proptest::collection::vec(any::<u8>(), 0..80), 0u8..4, prop_oneof![any::<u64>(), 0u64..200_000_000]), 0..200)
        ) {
            let mut out = Out::default();
            out.begin(16);
            let mut expected = Vec::new();
            for (bytes, how, n) in &pieces {
                match how {
                    0 => out.push(bytes),
                    1 => out.push_short(bytes),
                    2 => {
                        out.push_u64(*n);
                        expected.extend_from_slice(n.to_string().as_bytes());
                        continue;
                    }
                    _ => {
                        if let Some(&b) = bytes.first() {
                            out.push_byte(b);
                            expected.push(b);
                        }
                        continue;
                    }
                }
                expected.extend_from_slice(bytes);
            }
            prop_assert_eq!(out.as_bytes(), &expected[..]);
            prop_assert_eq!(out.take(), expected);
            prop_assert!(out.as_bytes().is_empty());
        }
    }

    proptest! {
        /// JSON strings read back as the text they were written from.
        #[test]
        fn json_strings_round_trip(text in "(\\PC|[\"\\\\\n\t\u{0}-\u{1f}]){0,60}") {
            let mut out = Out::default();
            out.begin(0);
            out.push_json_string(&text);
            let parsed: String = serde_json::from_slice(&out.take()).expect("valid JSON");
            prop_assert_eq!(parsed, text);
        }
    }

    #[test]
    fn an_outsized_buffer_is_handed_over_and_not_kept() {
        let mut out = Out::default();
        out.begin(0);
        let piece = vec![b'x'; 1 << 20];
        for _ in 0..(super::KEPT >> 20) + 1 {
            out.push(&piece);
        }
        let bytes = out.take();
        assert_eq!(bytes.len(), super::KEPT + (1 << 20));
        assert!(bytes.iter().all(|&b| b == b'x'));
        assert!(out.buf.is_empty());
        out.begin(0);
        out.push_short(b"next");
        assert_eq!(out.take(), b"next".to_vec());
    }

    #[test]
    fn numbers_at_every_digit_count() {
        let mut n = 1u64;
        for _ in 0..20 {
            for value in [n - 1, n, n.saturating_add(1), n.saturating_mul(5)] {
                let mut out = Out::default();
                out.begin(0);
                out.push_u64(value);
                assert_eq!(out.take(), value.to_string().into_bytes());
            }
            n = n.saturating_mul(10);
        }
        // Every number of up to five digits, one after another in one buffer.
        let mut out = Out::default();
        out.begin(0);
        let mut expected = String::new();
        for value in 0..100_000u64 {
            out.push_u64(value);
            out.push_byte(b',');
            expected.push_str(&format!("{value},"));
        }
        assert_eq!(out.take(), expected.into_bytes());
    }

    #[test]
    fn every_short_length_is_copied_whole() {
        let source: Vec<u8> = (1..=SHORT as u8 + 1).collect();
        for n in 0..=source.len() {
            let mut out = Out::default();
            out.begin(0);
            out.push_byte(b'[');
            out.push_short(&source[..n]);
            out.push_byte(b']');
            let mut expected = vec![b'['];
            expected.extend_from_slice(&source[..n]);
            expected.push(b']');
            assert_eq!(out.take(), expected, "{n} bytes");
        }
    }
}
