//! The normalized forms of the Vietnamese word forms a worker has seen: news text repeats
//! its words, so each form is normalized once.
//!
//! An open-addressing table: a slot holds the form's hash, the form itself when it is short
//! (most syllables and compounds; longer forms are kept in `text`), and where its normalized
//! form is in `text` when that differs. A lookup reads one slot, usually with no pointer to
//! follow.

use xxhash_rust::xxh3::xxh3_64;

/// Forms remembered at most; then the memo starts afresh.
const CAPACITY: usize = 1 << 17;
/// Slots of the table at most (at most half of them used).
const SLOTS: usize = CAPACITY * 2;
/// Slots of a new table; it doubles as it fills.
const FIRST_SLOTS: usize = 1 << 10;
/// Bytes of `text` at most; then the memo starts afresh.
const TEXT_CAPACITY: usize = 4 << 20;
/// Forms up to this length are kept in their slot.
const INLINE: usize = 16;
/// `norm_len` of a form whose normalized form is itself.
const UNCHANGED: u16 = u16::MAX;
/// Forms and normalized forms longer than this are not remembered.
const LONGEST: usize = UNCHANGED as usize - 1;

/// One slot: 32 bytes.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// Half of the form's hash with the lowest bit set; 0 marks an empty slot.
    hash: u32,
    /// Where a longer form is in `text`.
    key_start: u32,
    /// The form when at most [`INLINE`] bytes long.
    inline: [u8; INLINE],
    norm_start: u32,
    key_len: u16,
    /// [`UNCHANGED`] when the form normalizes to itself.
    norm_len: u16,
}

/// A memo of normalized Vietnamese word forms (see the module documentation).
#[derive(Debug, Default)]
pub struct NormMemo {
    slots: Vec<Slot>,
    used: usize,
    text: String,
}

impl NormMemo {
    /// The normalized `form` when it differs from `form`, else `None`. `scratch` holds it
    /// when the memo cannot.
    pub fn changed<'a>(
        &'a mut self,
        normalizer: &vi_text::normalize::Normalizer,
        form: &str,
        scratch: &'a mut String,
    ) -> Option<&'a str> {
        if self.slots.is_empty() {
            self.slots = vec![Slot::default(); FIRST_SLOTS];
        }
        let full_hash = xxh3_64(form.as_bytes());
        let hash = (full_hash >> 32) as u32 | 1;
        let mut index = self.first_probe(full_hash);
        loop {
            let Some(slot) = self.slots.get(index) else {
                // Unreachable (the index is masked to the table): answer without the memo.
                return normalized(normalizer, form, scratch);
            };
            if slot.hash == 0 {
                break;
            }
            if slot.hash == hash && self.holds(slot, form) {
                return (slot.norm_len != UNCHANGED).then(|| {
                    let start = slot.norm_start as usize;
                    self.text
                        .get(start..start + usize::from(slot.norm_len))
                        .unwrap_or_default()
                });
            }
            index = (index + 1) & (self.slots.len() - 1);
        }
        // A new form: normalize it and remember the answer, starting afresh when full.
        let norm = normalized(normalizer, form, scratch);
        let added = form.len() + norm.map_or(0, str::len);
        if form.len() > LONGEST || norm.is_some_and(|norm| norm.len() > LONGEST) {
            return norm;
        }
        if (self.used + 1) * 2 > self.slots.len() || self.text.len() + added > TEXT_CAPACITY {
            if self.slots.len() < SLOTS && self.text.len() + added <= TEXT_CAPACITY {
                self.grow();
            } else {
                self.clear();
            }
            index = self.free_slot(full_hash);
        }
        let mut slot = Slot {
            hash,
            key_len: form.len() as u16,
            norm_len: UNCHANGED,
            ..Slot::default()
        };
        if let Some(inline) = slot.inline.get_mut(..form.len()) {
            inline.copy_from_slice(form.as_bytes());
        } else {
            slot.key_start = self.text.len() as u32;
            self.text.push_str(form);
        }
        if let Some(norm) = norm {
            slot.norm_start = self.text.len() as u32;
            slot.norm_len = norm.len() as u16;
            self.text.push_str(norm);
        }
        if let Some(place) = self.slots.get_mut(index) {
            *place = slot;
            self.used += 1;
        }
        norm
    }

    /// The first slot of the probe sequence of a form of hash `full_hash` (its low half; a
    /// slot keeps the high half).
    fn first_probe(&self, full_hash: u64) -> usize {
        full_hash as usize & (self.slots.len() - 1)
    }

    /// The first empty slot on the probe sequence of `full_hash`.
    fn free_slot(&self, full_hash: u64) -> usize {
        let mut index = self.first_probe(full_hash);
        while self.slots.get(index).is_some_and(|slot| slot.hash != 0) {
            index = (index + 1) & (self.slots.len() - 1);
        }
        index
    }

    /// Doubles the table, placing every slot anew.
    fn grow(&mut self) {
        let doubled = vec![Slot::default(); self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, doubled);
        for slot in old.into_iter().filter(|slot| slot.hash != 0) {
            let index = self.free_slot(self.rehash(&slot));
            if let Some(place) = self.slots.get_mut(index) {
                *place = slot;
            }
        }
    }

    /// True when `slot` holds `form`.
    #[inline]
    fn holds(&self, slot: &Slot, form: &str) -> bool {
        usize::from(slot.key_len) == form.len()
            && core_model::same_bytes(self.key(slot), form.as_bytes())
    }

    /// The form `slot` holds.
    #[inline]
    fn key<'a>(&'a self, slot: &'a Slot) -> &'a [u8] {
        let len = usize::from(slot.key_len);
        let stored = if len <= INLINE {
            slot.inline.get(..len)
        } else {
            let start = slot.key_start as usize;
            self.text.as_bytes().get(start..start + len)
        };
        stored.unwrap_or_default()
    }

    /// The full hash of the form `slot` holds.
    fn rehash(&self, slot: &Slot) -> u64 {
        xxh3_64(self.key(slot))
    }

    fn clear(&mut self) {
        self.slots.fill(Slot::default());
        self.used = 0;
        self.text.clear();
    }
}

/// `form` normalized into `scratch`, when that differs from `form`.
fn normalized<'a>(
    normalizer: &vi_text::normalize::Normalizer,
    form: &str,
    scratch: &'a mut String,
) -> Option<&'a str> {
    scratch.clear();
    normalizer.normalize_into(form, scratch);
    (scratch.as_str() != form).then_some(scratch.as_str())
}

#[cfg(test)]
mod tests {
    use super::{CAPACITY, NormMemo, normalized};
    use proptest::prelude::*;

    fn forms() -> impl Strategy<Value = Vec<String>> {
        // Short and long forms, repeated, in both tone styles and Unicode forms.
        let form = prop_oneof![
            "[a-z]{1,4}",
            Just("hoà".to_owned()),
            Just("hòa".to_owned()),
            Just("ho\u{300}a".to_owned()),
            Just("naỳ".to_owned()),
            Just("Thổ_Nhĩ_Kỳ".to_owned()),
            Just("Thổ_Nhĩ_Kỳ_hoà_bình_thuở_ấy".to_owned()),
            "[a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ_]{1,30}",
        ];
        proptest::collection::vec(form, 0..200)
    }

    proptest! {
        /// The memo answers exactly what normalizing the form answers, seen before or not.
        #[test]
        fn answers_like_the_normalizer(forms in forms()) {
            let normalizer = vi_text::normalize::Normalizer::new();
            let mut memo = NormMemo::default();
            let (mut a, mut b) = (String::new(), String::new());
            for form in forms.iter().chain(&forms) {
                let expected = normalized(&normalizer, form, &mut a).map(str::to_owned);
                let got = memo.changed(&normalizer, form, &mut b).map(str::to_owned);
                prop_assert_eq!(got, expected, "{}", form);
            }
        }
    }

    #[test]
    fn a_slot_is_32_bytes() {
        assert_eq!(std::mem::size_of::<super::Slot>(), 32);
    }

    #[test]
    fn starts_afresh_when_full() {
        let normalizer = vi_text::normalize::Normalizer::new();
        let mut memo = NormMemo::default();
        let mut scratch = String::new();
        for i in 0..CAPACITY + 10 {
            let form = format!("naỳ{i}");
            let norm = memo
                .changed(&normalizer, &form, &mut scratch)
                .map(str::to_owned);
            assert_eq!(norm, Some(format!("này{i}")));
        }
        assert_eq!(memo.used, 10);
        assert_eq!(
            memo.changed(&normalizer, "naỳ5", &mut scratch),
            Some("này5")
        );
    }
}
