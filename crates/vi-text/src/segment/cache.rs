//! A cache of what is known about each distinct word surface (its key, class, case, and the
//! dictionary state after it), so that a syllable seen before costs one hash lookup instead
//! of a parse, a key computation and a dictionary walk.
//!
//! Vietnamese text uses a few thousand distinct syllables, so the cache hits almost always.
//! Its memory is bounded: when it holds more than [`MAX_ENTRIES`] surfaces it is emptied
//! before the next line.

use super::atoms::{Case, Class};
use xxhash_rust::xxh3::xxh3_64;

/// Surfaces kept before the cache is emptied.
pub(crate) const MAX_ENTRIES: usize = 1 << 16;

/// No dictionary state: the key is not a prefix of any dictionary key.
pub(crate) const NO_STATE: usize = usize::MAX;

/// What is known about one surface.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    surface_hash: u64,
    surface_start: u32,
    surface_len: u32,
    /// The lookup key, as a range of [`SurfaceCache::arena`].
    pub key_start: u32,
    pub key_len: u32,
    pub class: Class,
    pub case: Case,
    /// Hash of the key (the feature key).
    pub key_hash: u64,
    /// The dictionary fst node reached by the key from the root, or [`NO_STATE`].
    pub state: usize,
    /// The key itself is a dictionary word.
    pub is_word: bool,
}

/// Byte equality of two slices of the same length, without a library call for the short
/// slices syllables are.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() <= 16 {
        a.iter().zip(b).all(|(x, y)| x == y)
    } else {
        a == b
    }
}

/// A fast hash of a surface, for the cache's table only (the feature hash of the key is
/// [`xxh3_64`]): eight bytes at a time, then a final mix so that the low bits are usable.
#[inline]
fn surface_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = bytes.len() as u64;
    let (chunks, tail) = bytes.as_chunks::<8>();
    for chunk in chunks {
        h = (h ^ u64::from_le_bytes(*chunk))
            .wrapping_mul(K)
            .rotate_left(29);
    }
    if !tail.is_empty() {
        let mut last = 0u64;
        for &b in tail.iter().rev() {
            last = last << 8 | u64::from(b);
        }
        h = (h ^ last).wrapping_mul(K);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    h ^ h >> 29
}

/// The cache. `owner` identifies the dictionary the states belong to.
#[derive(Debug, Default)]
pub(crate) struct SurfaceCache {
    slots: Vec<u32>,
    entries: Vec<Entry>,
    arena: String,
    scratch: String,
    owner: u64,
}

impl SurfaceCache {
    /// Prepares the cache for a line segmented with the dictionary `owner`: empties it when
    /// the dictionary changed or it grew too large. True when the dictionary changed.
    pub fn begin_line(&mut self, owner: u64) -> bool {
        let changed = self.owner != owner;
        if changed || self.entries.len() >= MAX_ENTRIES {
            self.slots.clear();
            self.entries.clear();
            self.arena.clear();
            self.owner = owner;
        }
        if self.slots.is_empty() {
            self.slots.resize(1024, 0);
        }
        changed
    }

    /// The bytes keys point into.
    #[inline]
    pub fn arena(&self) -> &str {
        &self.arena
    }

    /// The entry of `surface`, computing it with `make` on a miss. `make` writes the key
    /// into the given string (empty on entry) and returns class, case, state and word flag.
    #[inline]
    pub fn get_or_insert(
        &mut self,
        surface: &str,
        make: impl FnOnce(&mut String) -> (Class, Case, usize, bool),
    ) -> Entry {
        let hash = surface_hash(surface.as_bytes());
        let mask = self.slots.len() - 1;
        let mut slot = (hash as usize) & mask;
        loop {
            let index = self.slots[slot];
            if index == 0 {
                break;
            }
            let entry = self.entries[index as usize - 1];
            if entry.surface_hash == hash && entry.surface_len as usize == surface.len() {
                let start = entry.surface_start as usize;
                let stored = self.arena.as_bytes().get(start..start + surface.len());
                if stored.is_some_and(|stored| same_bytes(stored, surface.as_bytes())) {
                    return entry;
                }
            }
            slot = (slot + 1) & mask;
        }
        self.scratch.clear();
        let (class, case, state, is_word) = make(&mut self.scratch);
        let surface_start = self.arena.len();
        self.arena.push_str(surface);
        let key_start = self.arena.len();
        self.arena.push_str(&self.scratch);
        let entry = Entry {
            surface_hash: hash,
            surface_start: surface_start as u32,
            surface_len: surface.len() as u32,
            key_start: key_start as u32,
            key_len: (self.arena.len() - key_start) as u32,
            class,
            case,
            key_hash: xxh3_64(&self.arena.as_bytes()[key_start..]),
            state,
            is_word,
        };
        self.entries.push(entry);
        self.slots[slot] = self.entries.len() as u32;
        if self.entries.len() * 2 > self.slots.len() {
            self.grow();
        }
        entry
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        self.slots.clear();
        self.slots.resize(size, 0);
        let mask = size - 1;
        for (i, entry) in self.entries.iter().enumerate() {
            let mut slot = (entry.surface_hash as usize) & mask;
            while self.slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = i as u32 + 1;
        }
    }
}

/// Slots of the [`PairCache`] (16 bytes each: 1 MiB). A miss costs a few fst node visits
/// (hundreds of instructions), so the cache is large enough to hold the frequent bigrams of
/// a corpus.
const PAIR_SLOTS: usize = 1 << 16;

/// A direct-mapped cache of dictionary steps from a state over one more atom: the state after
/// `separator + key` and whether it is final. Most dictionary walks end within the second
/// atom, so this saves most fst node visits.
#[derive(Debug, Default)]
pub(crate) struct PairCache {
    /// `(tag, value)`: tag 0 is an empty slot.
    slots: Vec<(u64, u64)>,
}

const FINAL_BIT: u64 = 1 << 63;

impl PairCache {
    /// Empties the cache (for another dictionary).
    pub fn clear(&mut self) {
        self.slots.clear();
    }

    #[inline]
    fn tag(state: usize, key_hash: u64) -> u64 {
        let tag = (state as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ key_hash;
        tag | 1
    }

    #[inline]
    fn slot(tag: u64) -> usize {
        (tag >> 40) as usize & (PAIR_SLOTS - 1)
    }

    /// The cached step from `state` over the atom with key hash `key_hash`.
    #[inline]
    pub fn get(&self, state: usize, key_hash: u64) -> Option<(usize, bool)> {
        let tag = Self::tag(state, key_hash);
        let &(stored, value) = self.slots.get(Self::slot(tag))?;
        if stored != tag {
            return None;
        }
        let next = value & !FINAL_BIT;
        let next = if next == !FINAL_BIT {
            NO_STATE
        } else {
            next as usize
        };
        Some((next, value & FINAL_BIT != 0))
    }

    /// Records a step.
    #[inline]
    pub fn put(&mut self, state: usize, key_hash: u64, next: usize, is_final: bool) {
        if self.slots.is_empty() {
            self.slots.resize(PAIR_SLOTS, (0, 0));
        }
        let next = if next == NO_STATE {
            !FINAL_BIT
        } else if (next as u64) < !FINAL_BIT {
            next as u64
        } else {
            return;
        };
        let tag = Self::tag(state, key_hash);
        if let Some(slot) = self.slots.get_mut(Self::slot(tag)) {
            *slot = (tag, next | if is_final { FINAL_BIT } else { 0 });
        }
    }
}
