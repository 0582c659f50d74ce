//! Set queries on a [`Lexicon`]: prefix, fuzzy (Levenshtein), regex, and any `fst::Automaton`.

use fst::Automaton;
use fst::automaton::AlwaysMatch;
use fst::{IntoStreamer, Streamer};
use regex_automata::dfa::{Automaton as _, StartKind, dense};
use regex_automata::util::primitives::StateID;
use regex_automata::util::start;
use regex_automata::{Anchored, MatchKind};

use crate::error::{Error, Result};
use crate::{Levenshtein, Lexicon};

/// Matching `(key, value)` pairs of a query, in key order.
///
/// A lending stream: [`Matches::next`] borrows the key from the stream, so iterating allocates
/// nothing per result. It also implements [`fst::Streamer`].
///
/// ```
/// # fn main() -> Result<(), index::Error> {
/// let mut builder = index::LexiconBuilder::new(index::LexiconKind::Map, 0);
/// for (key, value) in [("nhà", 1), ("nhà nước", 2), ("nhân", 3)] {
///     builder.insert(key.as_bytes(), value)?;
/// }
/// let lexicon = index::Lexicon::from_bytes(builder.finish_to_vec()?)?;
/// let mut matches = lexicon.prefix("nhà".as_bytes()).limit(10);
/// let mut values = Vec::new();
/// while let Some((_key, value)) = matches.next() {
///     values.push(value);
/// }
/// assert_eq!(values, [1, 2]);
/// # Ok(()) }
/// ```
pub struct Matches<'a, A: Automaton = AlwaysMatch> {
    stream: fst::map::Stream<'a, A>,
    remaining: usize,
}

impl<'a, A: Automaton> Matches<'a, A> {
    fn new(stream: fst::map::Stream<'a, A>) -> Matches<'a, A> {
        Matches {
            stream,
            remaining: usize::MAX,
        }
    }

    /// Stops after at most `limit` results.
    #[must_use]
    pub fn limit(mut self, limit: usize) -> Matches<'a, A> {
        self.remaining = limit;
        self
    }

    /// The next matching key and its value, or `None` at the end (or once the limit is hit).
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<(&[u8], u64)> {
        if self.remaining == 0 {
            return None;
        }
        let item = self.stream.next();
        if item.is_some() {
            self.remaining -= 1;
        }
        item
    }

    /// Calls `f` on every remaining result.
    pub fn for_each(mut self, mut f: impl FnMut(&[u8], u64)) {
        while let Some((key, value)) = self.next() {
            f(key, value);
        }
    }

    /// Counts the remaining results.
    #[must_use]
    pub fn count(mut self) -> usize {
        let mut n = 0;
        while self.next().is_some() {
            n += 1;
        }
        n
    }

    /// Collects the remaining results (allocates one `Vec` per key; for tests and tools).
    #[must_use]
    pub fn into_vec(mut self) -> Vec<(Vec<u8>, u64)> {
        let mut out = Vec::new();
        while let Some((key, value)) = self.next() {
            out.push((key.to_vec(), value));
        }
        out
    }
}

impl<'s, A: Automaton> Streamer<'s> for Matches<'_, A> {
    type Item = (&'s [u8], u64);

    fn next(&'s mut self) -> Option<(&'s [u8], u64)> {
        Matches::next(self)
    }
}

/// A regular expression compiled to a dense DFA, usable as an [`fst::Automaton`].
///
/// Semantics are anchored full match: a key matches when the whole key matches the pattern
/// (as if written `^(?:pattern)$`). Build it once with [`RegexAutomaton::new`] and pass `&re`
/// to [`Lexicon::search`] to reuse it across queries.
#[derive(Clone, Debug)]
pub struct RegexAutomaton {
    dfa: dense::DFA<Vec<u32>>,
    start: StateID,
}

impl RegexAutomaton {
    /// The default limit on the DFA's heap size (and on the memory used to build it).
    pub const DEFAULT_SIZE_LIMIT: usize = 16 << 20;

    /// Compiles `pattern` with the default size limit.
    ///
    /// # Errors
    /// [`Error::Regex`] for an invalid pattern, one a DFA cannot express (Unicode word
    /// boundaries), or one whose DFA exceeds the size limit.
    pub fn new(pattern: &str) -> Result<RegexAutomaton> {
        RegexAutomaton::with_size_limit(pattern, RegexAutomaton::DEFAULT_SIZE_LIMIT)
    }

    /// Compiles `pattern`, failing if the DFA would need more than `size_limit` bytes.
    ///
    /// # Errors
    /// As [`RegexAutomaton::new`].
    pub fn with_size_limit(pattern: &str, size_limit: usize) -> Result<RegexAutomaton> {
        let error = |detail: String| Error::Regex {
            pattern: pattern.to_owned(),
            detail,
        };
        // MatchKind::All keeps every thread alive, so that reaching the end of the key in a
        // match state means "some match spans the whole key" (anchored full match).
        let dfa = dense::Builder::new()
            .configure(
                dense::Config::new()
                    .start_kind(StartKind::Anchored)
                    .match_kind(MatchKind::All)
                    .dfa_size_limit(Some(size_limit))
                    .determinize_size_limit(Some(size_limit)),
            )
            .build(pattern)
            .map_err(|e| error(e.to_string()))?;
        let start = dfa
            .start_state(&start::Config::new().anchored(Anchored::Yes))
            .map_err(|e| error(e.to_string()))?;
        Ok(RegexAutomaton { dfa, start })
    }

    /// True when `key` as a whole matches (without any fst; for checks and tests).
    #[must_use]
    pub fn is_full_match(&self, key: &[u8]) -> bool {
        let mut state = self.start;
        for &b in key {
            if !self.can_match(&state) {
                return false;
            }
            state = self.dfa.next_state(state, b);
        }
        self.is_match(&state)
    }
}

impl Automaton for RegexAutomaton {
    type State = StateID;

    fn start(&self) -> StateID {
        self.start
    }

    fn is_match(&self, state: &StateID) -> bool {
        self.dfa.is_match_state(self.dfa.next_eoi_state(*state))
    }

    fn can_match(&self, state: &StateID) -> bool {
        !self.dfa.is_dead_state(*state) && !self.dfa.is_quit_state(*state)
    }

    fn accept(&self, state: &StateID, byte: u8) -> StateID {
        self.dfa.next_state(*state, byte)
    }
}

/// The smallest byte string greater than every string starting with `prefix`, if any.
fn prefix_successor(prefix: &[u8]) -> Option<Vec<u8>> {
    let last = prefix.iter().rposition(|&b| b != 0xFF)?;
    let mut upper = prefix[..=last].to_vec();
    upper[last] += 1;
    Some(upper)
}

impl Lexicon {
    /// The value of `key`, or `None` when it is not in the lexicon.
    ///
    /// Bounds-checked: on a damaged (unverified) file it answers `None` rather than panicking.
    #[must_use]
    #[inline]
    pub fn get(&self, key: &[u8]) -> Option<u64> {
        let (data, root) = self.fst_bytes_and_root();
        crate::step::get(data, root, key)
    }

    /// True when `key` is in the lexicon.
    #[must_use]
    pub fn contains_key(&self, key: &[u8]) -> bool {
        self.get(key).is_some()
    }

    /// Every key and value, in key order.
    #[must_use]
    pub fn stream(&self) -> Matches<'_> {
        Matches::new(self.fst().stream())
    }

    /// Keys starting with `prefix` (all keys for an empty prefix), in key order.
    #[must_use]
    pub fn prefix(&self, prefix: &[u8]) -> Matches<'_> {
        let range = self.fst().range().ge(prefix);
        let range = match prefix_successor(prefix) {
            Some(upper) => range.lt(upper),
            None => range,
        };
        Matches::new(range.into_stream())
    }

    /// Keys within Levenshtein distance `distance` of `query`, in key order: edits are
    /// insertions, deletions and substitutions of Unicode scalar values (characters), so
    /// `переговорів` is one edit from `переговорыв` and `nhà` one from `nha`; keys that are not
    /// valid UTF-8 never match. See [`Levenshtein`].
    ///
    /// # Errors
    /// [`Error::Fuzzy`] when `distance` exceeds [`crate::MAX_FUZZY_DISTANCE`].
    pub fn fuzzy(&self, query: &str, distance: u32) -> Result<Matches<'_, Levenshtein>> {
        Ok(self.search(Levenshtein::new(query, distance)?))
    }

    /// Keys that match `pattern` as a whole (see [`RegexAutomaton`]).
    ///
    /// # Errors
    /// [`Error::Regex`].
    pub fn regex(&self, pattern: &str) -> Result<Matches<'_, RegexAutomaton>> {
        Ok(self.search(RegexAutomaton::new(pattern)?))
    }

    /// Keys accepted by any `fst::Automaton` (pass `&automaton` to reuse one).
    #[must_use]
    pub fn search<A: Automaton>(&self, automaton: A) -> Matches<'_, A> {
        Matches::new(self.fst().search(automaton).into_stream())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn successor_skips_trailing_ff() {
        assert_eq!(prefix_successor(b"ab"), Some(b"ac".to_vec()));
        assert_eq!(prefix_successor(b"a\xFF"), Some(b"b".to_vec()));
        assert_eq!(prefix_successor(b"\xFF\xFF"), None);
        assert_eq!(prefix_successor(b""), None);
    }

    #[test]
    fn regex_is_full_match() {
        let re = RegexAutomaton::new("a|ab").unwrap();
        assert!(re.is_full_match(b"a"));
        assert!(re.is_full_match(b"ab"));
        assert!(!re.is_full_match(b"abc"));
        assert!(!re.is_full_match(b""));
        let re = RegexAutomaton::new("(?x) a b # comment").unwrap();
        assert!(re.is_full_match(b"ab"));
    }

    #[test]
    fn regex_errors_are_reported() {
        assert!(matches!(RegexAutomaton::new("("), Err(Error::Regex { .. })));
        assert!(matches!(
            RegexAutomaton::with_size_limit("[a-z]{50}[0-9]{50}", 1000),
            Err(Error::Regex { .. })
        ));
    }
}
