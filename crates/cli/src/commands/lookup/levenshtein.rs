//! A Levenshtein automaton over UTF-8 keys, with distances counted in characters.
//!
//! `fst`'s own `Levenshtein` misses keys whose first byte differs in the UTF-8 range it
//! compiles (BurntSushi/fst#38, #160): on the Ukrainian lexicon it finds nothing within one
//! edit of `київ`. This automaton keeps one row of the edit-distance table per state instead,
//! advancing it once per decoded character; it is exact, and fast enough for the small
//! distances a command-line lookup asks for.

use index::fst::Automaton;

/// Keys within `distance` edits (insertions, deletions, substitutions of characters) of a
/// query.
#[derive(Debug, Clone)]
pub struct Levenshtein {
    query: Vec<char>,
    distance: u32,
}

/// A state: the last row of the edit-distance table, and a partly read UTF-8 character.
#[derive(Debug, Clone)]
pub struct State {
    /// `row[j]`: distance between the key read so far and the query's first `j` characters;
    /// empty once the key is not valid UTF-8 (dead state).
    row: Vec<u32>,
    /// Bits of the character being decoded.
    pending: u32,
    /// Continuation bytes still expected for it.
    remaining: u8,
}

impl Levenshtein {
    /// The automaton of `query` and `distance`.
    pub fn new(query: &str, distance: u32) -> Levenshtein {
        Levenshtein {
            query: query.chars().collect(),
            distance,
        }
    }

    /// The row after reading character `c`.
    fn step(&self, row: &[u32], c: char) -> Vec<u32> {
        let mut next = Vec::with_capacity(row.len());
        next.push(row.first().map_or(u32::MAX, |d| d.saturating_add(1)));
        for (j, &q) in self.query.iter().enumerate() {
            let (Some(&diagonal), Some(&above), Some(&left)) =
                (row.get(j), row.get(j + 1), next.get(j))
            else {
                break;
            };
            let substitute = diagonal.saturating_add(u32::from(q != c));
            next.push(
                substitute
                    .min(above.saturating_add(1))
                    .min(left.saturating_add(1)),
            );
        }
        next
    }
}

fn dead() -> State {
    State {
        row: Vec::new(),
        pending: 0,
        remaining: 0,
    }
}

impl Automaton for Levenshtein {
    type State = State;

    fn start(&self) -> State {
        State {
            row: (0..=self.query.len() as u32).collect(),
            pending: 0,
            remaining: 0,
        }
    }

    fn is_match(&self, state: &State) -> bool {
        state.remaining == 0 && state.row.last().is_some_and(|&d| d <= self.distance)
    }

    fn can_match(&self, state: &State) -> bool {
        state.row.iter().min().is_some_and(|&d| d <= self.distance)
    }

    fn accept(&self, state: &State, byte: u8) -> State {
        if state.row.is_empty() {
            return dead();
        }
        let (pending, remaining) = if state.remaining == 0 {
            match byte {
                0x00..=0x7F => (u32::from(byte), 0),
                0xC2..=0xDF => (u32::from(byte & 0x1F), 1),
                0xE0..=0xEF => (u32::from(byte & 0x0F), 2),
                0xF0..=0xF4 => (u32::from(byte & 0x07), 3),
                _ => return dead(),
            }
        } else if byte & 0xC0 == 0x80 {
            (
                state.pending << 6 | u32::from(byte & 0x3F),
                state.remaining - 1,
            )
        } else {
            return dead();
        };
        if remaining > 0 {
            return State {
                row: state.row.clone(),
                pending,
                remaining,
            };
        }
        match char::from_u32(pending) {
            Some(c) => State {
                row: self.step(&state.row, c),
                pending: 0,
                remaining: 0,
            },
            None => dead(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use index::fst::{IntoStreamer, Set, Streamer};

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
    fn agrees_with_the_definition() {
        let mut keys = vec![
            "київ",
            "києва",
            "кия",
            "кий",
            "ки",
            "київщина",
            "ківш",
            "переговори",
            "переговорів",
            "переговрів",
            "hòa",
            "hoa",
            "hóa",
            "ho",
            "hòa bình",
            "a",
            "",
            "ї",
            "їжак",
            "kyiv",
            "😀",
            "😀a",
        ];
        keys.sort_unstable();
        keys.dedup();
        let set = Set::from_iter(keys.iter().copied()).unwrap();
        for query in ["київ", "переговрів", "hoa", "", "ї", "😀", "xyz"] {
            for d in 0..=3 {
                let mut found = Vec::new();
                let mut stream = set.search(Levenshtein::new(query, d)).into_stream();
                while let Some(key) = stream.next() {
                    found.push(String::from_utf8(key.to_vec()).unwrap());
                }
                let expected: Vec<String> = keys
                    .iter()
                    .filter(|k| distance(k, query) <= d)
                    .map(|k| (*k).to_owned())
                    .collect();
                assert_eq!(found, expected, "query {query:?} distance {d}");
            }
        }
    }

    #[test]
    fn invalid_utf8_never_matches() {
        let lev = Levenshtein::new("a", 3);
        let mut state = lev.start();
        for byte in [0xFF, b'a'] {
            state = lev.accept(&state, byte);
        }
        assert!(!lev.is_match(&state) && !lev.can_match(&state));
        let half = lev.accept(&lev.start(), 0xD0);
        assert!(!lev.is_match(&half));
    }
}
