//! The per-thread memo of analysed forms: an open-addressing hash table over one text arena,
//! so that remembering a form allocates nothing once the arena and the table have grown.
//!
//! A slot holds everything but the text (part of the hash, where the form and its lemma lie,
//! the tag), so that a lookup reads one slot and, when the hash and the length agree, the
//! form and lemma side by side in the arena: two places in memory instead of three.

use core_model::Upos;

/// Most forms a memo keeps; once full, new forms are analysed but not kept.
pub(super) const CAPACITY: usize = 1 << 18;

/// Most bytes of form and lemma text a memo keeps.
const TEXT_CAPACITY: usize = 16 << 20;

/// Slots in a fresh table (a power of two).
const INITIAL_SLOTS: usize = 1 << 12;

/// One remembered answer, or an empty place (`upos` is `None`): the form and its lemma lie
/// back to back in the arena, from `start`.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// The low half of the form's hash (enough to place it in any table up to
    /// `2 * CAPACITY` slots).
    hash: u32,
    /// Start of the form in the arena.
    start: u32,
    /// Bytes of the form.
    form_len: u16,
    /// Bytes of the lemma, right after the form.
    lemma_len: u16,
    /// The tag; `None` for an empty slot.
    upos: Option<Upos>,
    /// Whether the answer was guessed.
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
    /// The table; its length is zero or a power of two.
    slots: Vec<Slot>,
    /// Remembered forms.
    count: usize,
    text: String,
}

/// Multiplier of the mixing steps (the 64-bit golden ratio, odd).
const MIX: u64 = 0x9E37_79B9_7F4A_7C15;

/// The hash of a form: its bytes read as little-endian words (the first and the last eight
/// overlapping when they do not divide evenly) and its length, each mixed in with a
/// multiplication. Forms of up to sixteen bytes, most of them, take two words.
#[inline]
fn hash(form: &str) -> u64 {
    let bytes = form.as_bytes();
    let n = bytes.len();
    let mut h = (n as u64).wrapping_mul(MIX);
    if let (Some(first), Some(last)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        let mut rest = bytes;
        // Whole words while more than sixteen bytes are left; then the last two words,
        // overlapping.
        while rest.len() > 16
            && let Some((head, tail)) = rest.split_first_chunk::<8>()
        {
            h = (h.rotate_left(23) ^ u64::from_le_bytes(*head)).wrapping_mul(MIX);
            rest = tail;
        }
        let first = rest.first_chunk::<8>().copied().unwrap_or(*first);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(first)).wrapping_mul(MIX);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(*last)).wrapping_mul(MIX);
    } else {
        h = (h.rotate_left(23) ^ short_word(bytes)).wrapping_mul(MIX);
    }
    // Fold the well-mixed high bits down, so that the low bits used as the slot are good too.
    h ^ (h >> 32)
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
        self.slots.fill(Slot::default());
        self.count = 0;
        self.text.clear();
    }

    /// Number of remembered forms.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.count
    }

    /// The answer remembered for `form`.
    ///
    /// The form's home slot is read here, inlined into the caller; a form that is not there
    /// (an empty slot ends the search) goes on in [`Memo::get_after`].
    #[inline(always)]
    pub fn get(&self, form: &str) -> Option<Hit<'_>> {
        let mask = self.slots.len().checked_sub(1)?;
        let h = hash(form) as u32;
        let place = h as usize & mask;
        let slot = *self.slots.get(place)?;
        let upos = slot.upos?;
        if let Some(hit) = self.hit(slot, upos, form, h) {
            return Some(hit);
        }
        self.get_after(form, h, place)
    }

    /// The answer for `form`, of hash `h`, in the slots after `place` (its home slot, which
    /// holds another form).
    #[inline(never)]
    fn get_after(&self, form: &str, h: u32, mut place: usize) -> Option<Hit<'_>> {
        let mask = self.slots.len().wrapping_sub(1);
        loop {
            place = (place + 1) & mask;
            let slot = *self.slots.get(place)?;
            let upos = slot.upos?;
            if let Some(hit) = self.hit(slot, upos, form, h) {
                return Some(hit);
            }
        }
    }

    /// The answer in `slot` (of tag `upos`) when it holds `form`, of hash `h`.
    #[inline(always)]
    fn hit(&self, slot: Slot, upos: Upos, form: &str, h: u32) -> Option<Hit<'_>> {
        if slot.hash != h || usize::from(slot.form_len) != form.len() {
            return None;
        }
        let start = slot.start as usize;
        let form_end = start + usize::from(slot.form_len);
        let lemma_end = form_end + usize::from(slot.lemma_len);
        let stored = self.text.as_bytes().get(start..form_end)?;
        if !core_model::same_bytes(stored, form.as_bytes()) {
            return None;
        }
        Some(Hit {
            lemma: self.text.get(form_end..lemma_end).unwrap_or_default(),
            upos,
            guessed: slot.guessed,
        })
    }

    /// Remembers an answer for a form not yet remembered (nothing when full, or when the form
    /// or the lemma is longer than a slot can tell).
    pub fn insert(&mut self, form: &str, lemma: &str, upos: Upos, guessed: bool) {
        let (Ok(form_len), Ok(lemma_len)) = (u16::try_from(form.len()), u16::try_from(lemma.len()))
        else {
            return;
        };
        if self.count >= CAPACITY || self.text.len() + form.len() + lemma.len() > TEXT_CAPACITY {
            return;
        }
        if (self.count + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let start = self.text.len() as u32;
        self.text.push_str(form);
        self.text.push_str(lemma);
        self.count += 1;
        self.place(Slot {
            hash: hash(form) as u32,
            start,
            form_len,
            lemma_len,
            upos: Some(upos),
            guessed,
        });
    }

    /// Puts `slot` in the first empty place from its hash on.
    fn place(&mut self, slot: Slot) {
        let mask = self.slots.len() - 1;
        let mut place = slot.hash as usize & mask;
        while let Some(s) = self.slots.get_mut(place) {
            if s.upos.is_none() {
                *s = slot;
                return;
            }
            place = (place + 1) & mask;
        }
    }

    /// Doubles the table (or makes the first one) and places the remembered answers again.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(INITIAL_SLOTS);
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        for slot in old.into_iter().filter(|slot| slot.upos.is_some()) {
            self.place(slot);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn forms_of_every_length_are_told_apart() {
        let mut memo = Memo::default();
        let long = "ї".repeat(40);
        for n in 0..=long.len() {
            if let Some(form) = long.get(..n) {
                memo.insert(form, &n.to_string(), Upos::Noun, false);
            }
        }
        for n in 0..=long.len() {
            let hit = long.get(..n).and_then(|form| memo.get(form));
            assert_eq!(
                hit.map(|h| h.lemma.to_owned()),
                long.get(..n).map(|_| n.to_string())
            );
        }
        let mut other = long.clone();
        other.replace_range(38..40, "є");
        assert!(memo.get(&other).is_none());
    }

    #[test]
    fn forms_too_long_for_a_slot_are_not_kept() {
        let mut memo = Memo::default();
        let long = "а".repeat(40_000);
        memo.insert(&long, "а", Upos::Noun, false);
        assert!(memo.get(&long).is_none());
        assert_eq!(memo.len(), 0);
        memo.insert("а", &long, Upos::Noun, false);
        assert!(memo.get("а").is_none());
        let fits = "а".repeat(30_000);
        memo.insert(&fits, &fits, Upos::Noun, true);
        assert_eq!(memo.get(&fits).map(|hit| hit.lemma.len()), Some(60_000));
    }
}
