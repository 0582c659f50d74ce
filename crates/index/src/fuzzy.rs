//! [`Levenshtein`]: an `fst` automaton accepting the keys within a bounded edit distance of a
//! query, with edits counted in Unicode scalar values (characters), on any UTF-8.
//!
//! The automaton keeps, per state, the band of the edit-distance table around its diagonal:
//! after reading `i` characters of a key, cell `d` (0..=2k) holds the distance between those
//! characters and the query's first `i + d - k` characters, capped at `k + 1`. Cells off the
//! band are at least `k + 1` (a length difference above `k`), so nothing is lost. A state is
//! a small fixed-size value (no allocation per transition), each complete character costs
//! O(k), and bytes in the middle of a character only advance a strict UTF-8 decoder: keys
//! that are not valid UTF-8 never match.
//!
//! `fst`'s own `Levenshtein` compiles the query into a byte DFA with a state limit; it fails
//! on long queries at large distances and, in `fst` 0.4, misses keys when the first byte of a
//! multi-byte character changes (Cyrillic keys, for instance).

use fst::Automaton;

use crate::error::{Error, Result};
use crate::walk::{UTF8_ACCEPT, UTF8_REJECT, utf8_step};

/// The largest edit distance [`Levenshtein::new`] accepts (larger ones would visit most of a
/// lexicon anyway).
pub const MAX_FUZZY_DISTANCE: u32 = 8;

/// Cells in a state's band: `2 * MAX_FUZZY_DISTANCE + 1`, plus one that always holds the cap
/// (so that every cell has a right-hand neighbour).
const BAND: usize = 2 * MAX_FUZZY_DISTANCE as usize + 2;

/// An automaton accepting the keys within `distance` edits (insertions, deletions and
/// substitutions of characters) of a query. Use it through [`crate::Lexicon::fuzzy`], or pass
/// it (or `&it`, to reuse it) to [`crate::Lexicon::search`].
///
/// ```
/// # fn main() -> Result<(), index::Error> {
/// use index::fst::{IntoStreamer, Set, Streamer};
/// let set = Set::from_iter(["переговорами", "переговори", "переговорів"]).expect("sorted");
/// let automaton = index::Levenshtein::new("переговорыв", 1)?;
/// let mut stream = set.search(&automaton).into_stream();
/// assert_eq!(stream.next(), Some("переговорів".as_bytes())); // ы -> і
/// assert_eq!(stream.next(), None);
/// assert_eq!(automaton.distance_to("переговори"), None); // two edits
/// assert_eq!(automaton.distance_to("переговорів"), Some(1));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Levenshtein {
    query: Vec<char>,
    distance: u8,
    start: LevenshteinState,
}

/// A state of a [`Levenshtein`] automaton (a fixed-size value, cheap to copy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevenshteinState {
    /// The band of the distance table (see the module documentation), capped at `k + 1`.
    band: [u8; BAND],
    /// Characters of the key read so far.
    chars: u32,
    /// The UTF-8 decoder's state ([`UTF8_REJECT`]: the key is not UTF-8, the state is dead).
    utf8: u8,
    /// Bits of the character being decoded.
    pending: u32,
}

impl Levenshtein {
    /// The automaton of `query` and `distance`.
    ///
    /// # Errors
    /// [`Error::Fuzzy`] when `distance` exceeds [`MAX_FUZZY_DISTANCE`], or the query has more
    /// than `u32::MAX` characters.
    pub fn new(query: &str, distance: u32) -> Result<Levenshtein> {
        let error = |detail: String| Error::Fuzzy {
            query: query.to_owned(),
            distance,
            detail,
        };
        let Some(k) = u8::try_from(distance)
            .ok()
            .filter(|&k| u32::from(k) <= MAX_FUZZY_DISTANCE)
        else {
            return Err(error(format!(
                "at most {MAX_FUZZY_DISTANCE} edits are supported"
            )));
        };
        let query: Vec<char> = query.chars().collect();
        if u32::try_from(query.len()).is_err() {
            return Err(error("the query is too long".to_owned()));
        }
        let cap = k + 1;
        let mut band = [cap; BAND];
        let k_cells = usize::from(k);
        // Row 0: the distance to the query's first j characters is j.
        for (d, cell) in band.iter_mut().enumerate().take(2 * k_cells + 1) {
            if let Some(j) = d.checked_sub(k_cells).filter(|&j| j <= query.len()) {
                *cell = u8::try_from(j).unwrap_or(cap).min(cap);
            }
        }
        let start = LevenshteinState {
            band,
            chars: 0,
            utf8: UTF8_ACCEPT,
            pending: 0,
        };
        Ok(Levenshtein {
            query,
            distance: k,
            start,
        })
    }

    /// The maximum distance.
    #[must_use]
    pub fn distance(&self) -> u32 {
        u32::from(self.distance)
    }

    /// The edit distance between `key` and the query when it is at most [`Self::distance`]
    /// (running the automaton over `key`, without any fst).
    #[must_use]
    pub fn distance_to(&self, key: &str) -> Option<u32> {
        let mut state = self.start;
        for &byte in key.as_bytes() {
            state = self.accept(&state, byte);
        }
        self.final_distance(&state)
    }

    /// The distance between the key read into `state` and the whole query, if within bounds.
    fn final_distance(&self, state: &LevenshteinState) -> Option<u32> {
        if state.utf8 != UTF8_ACCEPT {
            return None;
        }
        // The cell of j = query length: d = len - chars + k.
        let len = self.query.len() as u64;
        let d = (len + u64::from(self.distance)).checked_sub(u64::from(state.chars))?;
        let value = *state.band.get(usize::try_from(d).ok()?)?;
        (value <= self.distance && d <= 2 * u64::from(self.distance)).then_some(u32::from(value))
    }

    /// The band after reading character `c` (the key's `chars + 1`-th).
    fn advance(&self, state: &LevenshteinState, c: char) -> [u8; BAND] {
        let k = usize::from(self.distance);
        let cap = self.distance + 1;
        let i = state.chars as usize; // characters read before `c`
        let old = &state.band;
        let mut new = [cap; BAND];
        // New cell d stands for j = i + 1 + d - k, for j in 0..=len.
        let first = k.saturating_sub(i + 1);
        let Some(last) = (self.query.len() + k)
            .checked_sub(i + 1)
            .map(|l| l.min(2 * k))
        else {
            return new; // every cell is past the query's end
        };
        if first > last {
            return new;
        }
        let mut d = first;
        let mut left = cap;
        if i + 1 + d == k {
            // j = 0: deleting every character read takes i + 1 edits.
            left = u8::try_from(i + 1).map_or(cap, |v| v.min(cap));
            new[d] = left;
            d += 1;
        }
        // Query characters q[j - 1] for the cells d..=last.
        let start = i + 1 + d - k - 1;
        let chars = self
            .query
            .get(start..start + (last + 1).saturating_sub(d))
            .unwrap_or(&[]);
        for (&q, (&diagonal, &above)) in chars.iter().zip(old[d..].iter().zip(&old[d + 1..])) {
            // Substitute (or match) q: old cell d; delete c: old cell d + 1; insert q: new
            // cell d - 1.
            let value = (diagonal + u8::from(q != c))
                .min(above + 1)
                .min(left + 1)
                .min(cap);
            new[d] = value;
            left = value;
            d += 1;
        }
        new
    }
}

impl Automaton for Levenshtein {
    type State = LevenshteinState;

    fn start(&self) -> LevenshteinState {
        self.start
    }

    fn is_match(&self, state: &LevenshteinState) -> bool {
        self.final_distance(state).is_some()
    }

    fn can_match(&self, state: &LevenshteinState) -> bool {
        state.utf8 != UTF8_REJECT
            && state.band[..=2 * usize::from(self.distance)]
                .iter()
                .any(|&v| v <= self.distance)
    }

    fn accept(&self, state: &LevenshteinState, byte: u8) -> LevenshteinState {
        let utf8 = utf8_step(state.utf8, byte);
        if utf8 == UTF8_REJECT {
            return LevenshteinState { utf8, ..*state };
        }
        let pending = if state.utf8 == UTF8_ACCEPT {
            // A lead byte: keep its payload bits (the decoder has checked the pattern).
            u32::from(
                byte & match byte {
                    0x00..=0x7F => 0x7F,
                    0xC0..=0xDF => 0x1F,
                    0xE0..=0xEF => 0x0F,
                    _ => 0x07,
                },
            )
        } else {
            (state.pending << 6) | u32::from(byte & 0x3F)
        };
        if utf8 != UTF8_ACCEPT {
            return LevenshteinState {
                utf8,
                pending,
                ..*state
            };
        }
        // A complete, valid character (the decoder rejects surrogates and overlongs).
        let c = char::from_u32(pending).unwrap_or(char::REPLACEMENT_CHARACTER);
        LevenshteinState {
            band: self.advance(state, c),
            chars: state.chars.saturating_add(1),
            utf8: UTF8_ACCEPT,
            pending: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Edit distance in characters, the textbook way.
    fn distance(a: &str, b: &str) -> u32 {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<u32> = (0..=b.len() as u32).collect();
        for ca in a.chars() {
            let mut next = vec![row[0] + 1];
            for (j, &cb) in b.iter().enumerate() {
                next.push(
                    (row[j] + u32::from(ca != cb))
                        .min(row[j + 1] + 1)
                        .min(next[j] + 1),
                );
            }
            row = next;
        }
        row[b.len()]
    }

    #[test]
    fn distance_to_agrees_with_the_definition() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "київ",
            "києва",
            "кий",
            "ківш",
            "переговорів",
            "переговорыв",
            "переговори",
            "hòa",
            "hoa",
            "hóa",
            "hoà",
            "nhà nước",
            "😀",
            "😀a",
        ];
        for query in words {
            for k in 0..=4 {
                let automaton = Levenshtein::new(query, k).unwrap();
                for key in words {
                    let d = distance(key, query);
                    let expected = (d <= k).then_some(d);
                    assert_eq!(
                        automaton.distance_to(key),
                        expected,
                        "{key:?} vs {query:?}, k = {k}"
                    );
                }
            }
        }
    }

    #[test]
    fn invalid_utf8_never_matches() {
        let automaton = Levenshtein::new("a", 3).unwrap();
        let mut state = automaton.start();
        for byte in [0xFF, b'a'] {
            state = automaton.accept(&state, byte);
        }
        assert!(!automaton.is_match(&state) && !automaton.can_match(&state));
        // A partial character is not a match; an overlong encoding of "a" is rejected.
        let half = automaton.accept(&automaton.start(), 0xD0);
        assert!(!automaton.is_match(&half) && automaton.can_match(&half));
        let overlong = [0xC1, 0xA1]
            .iter()
            .fold(automaton.start(), |s, &b| automaton.accept(&s, b));
        assert!(!automaton.is_match(&overlong));
    }

    #[test]
    fn distances_above_the_maximum_are_refused() {
        assert!(Levenshtein::new("a", MAX_FUZZY_DISTANCE).is_ok());
        assert!(matches!(
            Levenshtein::new("a", MAX_FUZZY_DISTANCE + 1),
            Err(Error::Fuzzy { .. })
        ));
        assert!(Levenshtein::new("a", u32::MAX).is_err());
    }

    #[test]
    fn long_queries_at_the_maximum_distance() {
        let query = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(3);
        let automaton = Levenshtein::new(&query, MAX_FUZZY_DISTANCE).unwrap();
        assert_eq!(automaton.distance_to(&query), Some(0));
        assert_eq!(automaton.distance_to(&query[8..]), Some(8));
        assert_eq!(automaton.distance_to(&query[9..]), None);
    }
}
