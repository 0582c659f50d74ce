//! The per-thread memo of analysed forms: an open-addressing hash table over one text arena,
//! so that remembering a form allocates nothing once the arena and the tables have grown.

use super::hash::FxHasher;
use core_model::Upos;
use std::hash::Hasher;

/// Most forms a memo keeps; once full, new forms are analysed but not kept.
pub(super) const CAPACITY: usize = 1 << 18;

/// Most bytes of form and lemma text a memo keeps.
const TEXT_CAPACITY: usize = 16 << 20;

/// Slots in a fresh table (a power of two).
const INITIAL_SLOTS: usize = 1 << 12;

/// One remembered answer: the form and its lemma lie back to back in the arena.
#[derive(Debug, Clone, Copy)]
struct Entry {
    hash: u64,
    form_start: u32,
    form_end: u32,
    lemma_end: u32,
    upos: Upos,
    guessed: bool,
}

/// A remembered answer.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit<'a> {
    pub lemma: &'a str,
    pub upos: Upos,
    pub guessed: bool,
}

/// Form -> (lemma, tag, guessed) for one lemmatizer at a time.
#[derive(Debug, Default)]
pub(super) struct Memo {
    /// The lemmatizer whose answers these are.
    pub owner: u64,
    /// Entry index + 1 per slot; 0 is empty. Length is zero or a power of two.
    slots: Vec<u32>,
    entries: Vec<Entry>,
    text: String,
}

fn hash(form: &str) -> u64 {
    let bytes = form.as_bytes();
    let mut hasher = FxHasher::default();
    let mut rest = bytes;
    while let Some((head, tail)) = rest.split_first_chunk::<8>() {
        hasher.write_u64(u64::from_le_bytes(*head));
        rest = tail;
    }
    if !rest.is_empty() {
        hasher.write_u64(short_word(rest));
    }
    // Fold the well-mixed high bits down, so that the low bits used as the slot are good too.
    let h = hasher.finish();
    h ^ (h >> 29) ^ (h >> 47)
}

/// `a == b`, with the common lengths (4 to 16 bytes) compared as two overlapping words
/// instead of through a call.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if let (Some(a_lo), Some(a_hi), Some(b_lo), Some(b_hi)) = (
        a.first_chunk::<8>(),
        a.last_chunk::<8>(),
        b.first_chunk::<8>(),
        b.last_chunk::<8>(),
    ) && a.len() <= 16
    {
        return a_lo == b_lo && a_hi == b_hi;
    }
    if let (Some(a_lo), Some(a_hi), Some(b_lo), Some(b_hi)) = (
        a.first_chunk::<4>(),
        a.last_chunk::<4>(),
        b.first_chunk::<4>(),
        b.last_chunk::<4>(),
    ) && a.len() <= 8
    {
        return a_lo == b_lo && a_hi == b_hi;
    }
    a == b
}

/// Fewer than eight bytes as a little-endian word, the missing high bytes zero (the word a
/// zero-padded copy would give), read as overlapping pieces instead of byte by byte.
#[inline]
fn short_word(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    if let (Some(lo), Some(hi)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        // 4..=7 bytes: the first four and the last four overlap on equal bytes.
        return u64::from(u32::from_le_bytes(*lo))
            | (u64::from(u32::from_le_bytes(*hi)) << (8 * (n - 4)));
    }
    match (bytes.first(), bytes.get(n / 2), bytes.last()) {
        // 1..=3 bytes: first, middle and last cover them all.
        (Some(&a), Some(&b), Some(&c)) => {
            u64::from(a) | (u64::from(b) << (8 * (n / 2))) | (u64::from(c) << (8 * (n - 1)))
        }
        _ => 0,
    }
}

impl Memo {
    /// Forgets everything (keeping the allocations) and serves `owner` from now on.
    pub fn reset(&mut self, owner: u64) {
        self.owner = owner;
        self.slots.iter_mut().for_each(|s| *s = 0);
        self.entries.clear();
        self.text.clear();
    }

    /// Number of remembered forms.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The answer remembered for `form`.
    pub fn get(&self, form: &str) -> Option<Hit<'_>> {
        if self.slots.is_empty() {
            return None;
        }
        let h = hash(form);
        let mask = self.slots.len() - 1;
        let mut slot = h as usize & mask;
        loop {
            let index = *self.slots.get(slot)?;
            let entry = self.entries.get(index.checked_sub(1)? as usize)?;
            if entry.hash == h
                && self
                    .text
                    .as_bytes()
                    .get(entry.form_start as usize..entry.form_end as usize)
                    .is_some_and(|stored| same_bytes(stored, form.as_bytes()))
            {
                return Some(Hit {
                    lemma: self
                        .text
                        .get(entry.form_end as usize..entry.lemma_end as usize)
                        .unwrap_or_default(),
                    upos: entry.upos,
                    guessed: entry.guessed,
                });
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Remembers an answer for a form not yet remembered (nothing when full).
    pub fn insert(&mut self, form: &str, lemma: &str, upos: Upos, guessed: bool) {
        if self.entries.len() >= CAPACITY
            || self.text.len() + form.len() + lemma.len() > TEXT_CAPACITY
        {
            return;
        }
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let form_start = self.text.len() as u32;
        self.text.push_str(form);
        let form_end = self.text.len() as u32;
        self.text.push_str(lemma);
        let entry = Entry {
            hash: hash(form),
            form_start,
            form_end,
            lemma_end: self.text.len() as u32,
            upos,
            guessed,
        };
        self.entries.push(entry);
        let index = self.entries.len() as u32;
        self.place(entry.hash, index);
    }

    fn place(&mut self, h: u64, index: u32) {
        let mask = self.slots.len() - 1;
        let mut slot = h as usize & mask;
        while let Some(s) = self.slots.get_mut(slot) {
            if *s == 0 {
                *s = index;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(INITIAL_SLOTS);
        self.slots.clear();
        self.slots.resize(size, 0);
        for i in 0..self.entries.len() {
            let h = self.entries[i].hash;
            self.place(h, i as u32 + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_is_equality() {
        let text = "абвгґдеєжзиіїйклмнопрст".as_bytes();
        for n in 0usize..24 {
            for m in 0..24 {
                for flip in [None, Some(0), Some(n / 2), Some(n.saturating_sub(1))] {
                    let mut b = text[..n].to_vec();
                    if let Some(i) = flip
                        && let Some(byte) = b.get_mut(i)
                    {
                        *byte ^= 1;
                    }
                    let a = &text[..m];
                    assert_eq!(same_bytes(a, &b), a == b.as_slice(), "{n} {m} {flip:?}");
                }
            }
        }
    }

    #[test]
    fn short_words_are_zero_padded() {
        let text = b"\xd0\xba\xd0\xb8\xd1\x97\xd0";
        for n in 1..8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&text[..n]);
            assert_eq!(short_word(&text[..n]), u64::from_le_bytes(padded), "{n}");
        }
    }

    #[test]
    fn remembers_and_forgets() {
        let mut memo = Memo::default();
        assert!(memo.get("людей").is_none());
        for i in 0..10_000 {
            let form = format!("форма{i}");
            memo.insert(&form, &format!("лема{i}"), Upos::Noun, i % 2 == 0);
        }
        assert_eq!(memo.len(), 10_000);
        for i in (0..10_000).step_by(97) {
            let hit = memo.get(&format!("форма{i}")).unwrap();
            assert_eq!(hit.lemma, format!("лема{i}"));
            assert_eq!(hit.guessed, i % 2 == 0);
        }
        assert!(memo.get("форма10000").is_none());
        memo.insert("", "", Upos::X, false);
        assert_eq!(memo.get("").unwrap().upos, Upos::X);
        memo.reset(7);
        assert_eq!(memo.owner, 7);
        assert!(memo.get("форма1").is_none());
        memo.insert("форма1", "лема", Upos::Verb, false);
        assert_eq!(memo.get("форма1").unwrap().lemma, "лема");
    }
}
