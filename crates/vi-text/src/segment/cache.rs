//! A cache of what is known about each distinct word surface (its key, class, case, and the
//! dictionary state after it), so that a syllable seen before costs one hash lookup instead
//! of a parse, a key computation and a dictionary walk.
//!
//! Vietnamese text uses a few thousand distinct syllables, so the cache hits almost always.
//! Its memory is bounded: when it holds more than [`MAX_ENTRIES`] surfaces it is emptied
//! before the next line.

use super::atoms::{Atom, Case, Class};
use core_model::Span;
use xxhash_rust::xxh3::xxh3_64;

/// Surfaces kept before the cache is emptied.
pub(crate) const MAX_ENTRIES: usize = 1 << 16;

/// No dictionary state: the key is not a prefix of any dictionary key.
pub(crate) const NO_STATE: usize = usize::MAX;

/// A dictionary state not looked up: the key is a syllable of the lexicon's trie, whose walks
/// need none; the rare walk that falls back to the fst looks it up.
pub(crate) const UNWALKED: usize = usize::MAX - 1;

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
    /// The key's syllable id in the dictionary's trie, and the trie node after it (see
    /// [`super::trie`]; [`super::trie::NONE`] without a trie).
    pub syllable: u32,
    pub node: u32,
    /// The trie's filter of the syllables that may follow (see
    /// [`super::trie::SyllableTrie::follows`]).
    pub follows: u32,
}

/// What [`SurfaceCache::get_or_insert`] computes on a miss.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Made {
    pub class: Class,
    pub case: Case,
    /// The dictionary fst node after the key, or [`NO_STATE`].
    pub state: usize,
    pub is_word: bool,
    pub syllable: u32,
    pub node: u32,
    pub follows: u32,
}

/// The first and last `N` bytes of `bytes` (overlapping when shorter than `2 * N`), which
/// together cover every byte when `N <= bytes.len() <= 2 * N`.
#[inline(always)]
fn ends<const N: usize>(bytes: &[u8]) -> Option<([u8; N], [u8; N])> {
    let head = bytes.first_chunk::<N>()?;
    let tail = bytes.last_chunk::<N>()?;
    Some((*head, *tail))
}

/// Up to eight bytes of a short slice read as two overlapping words: `(first, last)`, both
/// zero for an empty slice. Together with the length they identify the slice.
#[inline(always)]
fn short_words(bytes: &[u8]) -> (u64, u64) {
    let n = bytes.len();
    if let Some((head, tail)) = ends::<4>(bytes) {
        (
            u64::from(u32::from_le_bytes(head)),
            u64::from(u32::from_le_bytes(tail)),
        )
    } else if let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) {
        let middle = bytes.get(n / 2).copied().unwrap_or(0);
        (u64::from(first) << 8 | u64::from(middle), u64::from(last))
    } else {
        (0, 0)
    }
}

/// A fast hash of a surface, for the cache's table only (the feature hash of the key is
/// [`xxh3_64`]), with a final mix so that the low bits are usable.
#[inline]
pub(crate) fn surface_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let n = bytes.len();
    let mut h = (n as u64).wrapping_mul(K);
    if n <= 8 {
        let (first, last) = short_words(bytes);
        h ^= (first << 32 | last).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    } else if let Some((head, tail)) = ends::<8>(bytes).filter(|_| n <= 16) {
        h ^= u64::from_le_bytes(head).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
        h = h.rotate_left(31) ^ u64::from_le_bytes(tail).wrapping_mul(K);
    } else {
        let (chunks, tail) = bytes.as_chunks::<8>();
        for chunk in chunks {
            h = (h ^ u64::from_le_bytes(*chunk))
                .wrapping_mul(K)
                .rotate_left(29);
        }
        for &b in tail {
            h = (h ^ u64::from(b)).wrapping_mul(K);
        }
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
    /// Counts the times the cache was emptied: what refers into it must be dropped then.
    generation: u64,
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
            self.generation += 1;
        }
        if self.slots.is_empty() {
            self.slots.resize(1024, 0);
        }
        changed
    }

    /// Changes whenever the cache is emptied (key ranges of earlier entries are void).
    #[inline]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The bytes keys point into.
    #[inline]
    pub fn arena(&self) -> &str {
        &self.arena
    }

    /// The entry of `surface`, computing it with `make` on a miss. `make` writes the key
    /// into the given string (empty on entry) and returns what is known of it.
    #[inline]
    pub fn get_or_insert(
        &mut self,
        surface: &str,
        make: impl FnOnce(&mut String) -> Made,
    ) -> &Entry {
        let hash = surface_hash(surface.as_bytes());
        match self.find(hash, surface.as_bytes()) {
            Ok(index) => &self.entries[index],
            Err(slot) => self.insert(slot, hash, surface, make),
        }
    }

    /// The index of the entry of `surface` (of hash `hash`), or the free slot where it goes.
    #[inline]
    fn find(&self, hash: u64, surface: &[u8]) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut slot = (hash as usize) & mask;
        loop {
            let index = self.slots[slot];
            if index == 0 {
                return Err(slot);
            }
            let index = index as usize - 1;
            let entry = &self.entries[index];
            if entry.surface_hash == hash && entry.surface_len as usize == surface.len() {
                let start = entry.surface_start as usize;
                let stored = self.arena.as_bytes().get(start..start + surface.len());
                if stored.is_some_and(|stored| core_model::same_bytes(stored, surface)) {
                    return Ok(index);
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Adds the entry of `surface` at the free slot `slot`.
    #[cold]
    fn insert(
        &mut self,
        slot: usize,
        hash: u64,
        surface: &str,
        make: impl FnOnce(&mut String) -> Made,
    ) -> &Entry {
        self.scratch.clear();
        let made = make(&mut self.scratch);
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
            class: made.class,
            case: made.case,
            key_hash: xxh3_64(&self.arena.as_bytes()[key_start..]),
            state: made.state,
            is_word: made.is_word,
            syllable: made.syllable,
            node: made.node,
            follows: made.follows,
        };
        self.entries.push(entry);
        self.slots[slot] = self.entries.len() as u32;
        let index = self.entries.len() - 1;
        if self.entries.len() * 2 > self.slots.len() {
            self.grow();
        }
        &self.entries[index]
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

/// Whitespace-delimited chunks kept before the [`ChunkCache`] is emptied.
pub(crate) const MAX_CHUNKS: usize = 1 << 16;

/// Longest chunk kept by the [`ChunkCache`], in bytes (longer ones are rare and seldom
/// repeated).
pub(crate) const MAX_CHUNK_LEN: usize = 64;

/// Two words of a chunk's bytes that, with its length, identify it when it is 16 bytes long
/// or shorter (see [`short_words`] and [`ends`]); for longer chunks, its first and last
/// eight bytes.
#[inline(always)]
fn fingerprint(bytes: &[u8]) -> (u64, u64) {
    if bytes.len() <= 8 {
        short_words(bytes)
    } else if let Some((head, tail)) = ends::<8>(bytes) {
        (u64::from_le_bytes(head), u64::from_le_bytes(tail))
    } else {
        (0, 0)
    }
}

/// Longest chunk its [`fingerprint`] identifies.
const FINGERPRINT_LEN: usize = 16;

/// One chunk of a [`ChunkCache`]; a slot of its table is empty when `len` is 0.
#[derive(Debug, Clone, Copy, Default)]
struct Chunk {
    /// Its [`fingerprint`]: short chunks are compared without reading [`ChunkCache::bytes`].
    words: (u64, u64),
    len: u32,
    /// Its bytes, from here in [`ChunkCache::bytes`].
    start: u32,
    /// Its atoms, as a range of [`ChunkCache::atoms`].
    first: u32,
    count: u32,
}

/// Where a chunk missing from a [`ChunkCache`] goes, and what [`ChunkCache::insert`] needs
/// of it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Vacancy {
    slot: usize,
    words: (u64, u64),
}

/// A cache of the atoms of each distinct chunk of text between ASCII whitespace (`hoà`,
/// `Nội,`, `bí_mật`), so that a chunk seen before costs one hash lookup and a copy of its
/// atoms instead of a pre-tokenization and a surface lookup per atom. The atoms are kept with
/// spans relative to the chunk, and with key ranges of a [`SurfaceCache`] of one
/// generation: the cache is emptied when that one is.
///
/// The chunks are the slots of the open-addressing table itself, and carry their
/// [`fingerprint`]: a lookup reads the chunk's slot (most chunks are compared there), then
/// its atoms.
#[derive(Debug, Default)]
pub(crate) struct ChunkCache {
    slots: Vec<Chunk>,
    /// Chunks held.
    held: usize,
    bytes: Vec<u8>,
    atoms: Vec<Atom>,
    generation: u64,
}

impl ChunkCache {
    /// Prepares the cache for a line whose atoms refer to the surface cache generation
    /// `generation`: empties it when that changed or it grew too large.
    pub fn begin_line(&mut self, generation: u64) {
        if self.generation != generation || self.held >= MAX_CHUNKS {
            self.slots.clear();
            self.held = 0;
            self.bytes.clear();
            self.atoms.clear();
            self.generation = generation;
        }
        if self.slots.is_empty() {
            self.slots.resize(1024, Chunk::default());
        }
    }

    /// The atoms of `chunk` (not empty), spans relative to the chunk; or where the chunk
    /// goes.
    #[inline]
    pub fn find(&self, chunk: &[u8]) -> Result<&[Atom], Vacancy> {
        let words = fingerprint(chunk);
        let mask = self.slots.len().wrapping_sub(1);
        let mut slot = (surface_hash(chunk) as usize) & mask;
        loop {
            let Some(entry) = self.slots.get(slot).filter(|entry| entry.len != 0) else {
                return Err(Vacancy { slot, words });
            };
            if entry.words == words && entry.len as usize == chunk.len() {
                let start = entry.start as usize;
                let same = chunk.len() <= FINGERPRINT_LEN
                    || self.bytes.get(start..start + chunk.len()) == Some(chunk);
                if same {
                    let first = entry.first as usize;
                    return Ok(self
                        .atoms
                        .get(first..first + entry.count as usize)
                        .unwrap_or(&[]));
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Adds `chunk` (not empty) where [`ChunkCache::find`] said, with its atoms, whose spans
    /// start at `offset` in the text.
    #[cold]
    pub fn insert(&mut self, vacancy: Vacancy, chunk: &[u8], atoms: &[Atom], offset: usize) {
        // Full (one line can hold any number of chunks): cache no more until the next line
        // empties it, so that memory stays bounded and the offsets fit their 32 bits.
        if chunk.is_empty() || self.held >= MAX_CHUNKS {
            return;
        }
        let entry = Chunk {
            words: vacancy.words,
            len: chunk.len() as u32,
            start: self.bytes.len() as u32,
            first: self.atoms.len() as u32,
            count: atoms.len() as u32,
        };
        self.bytes.extend_from_slice(chunk);
        self.atoms.extend(atoms.iter().map(|atom| {
            let mut atom = *atom;
            atom.span = Span::new(atom.span.start - offset, atom.span.end - offset);
            atom
        }));
        if let Some(stored) = self.slots.get_mut(vacancy.slot) {
            *stored = entry;
            self.held += 1;
        }
        if self.held * 2 > self.slots.len() {
            self.grow();
        }
    }

    /// Doubles the table.
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![Chunk::default(); size]);
        let mask = size - 1;
        for entry in old.into_iter().filter(|entry| entry.len != 0) {
            let start = entry.start as usize;
            let bytes = self.bytes.get(start..start + entry.len as usize);
            let mut slot = (surface_hash(bytes.unwrap_or(&[])) as usize) & mask;
            while self.slots[slot].len != 0 {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = entry;
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
