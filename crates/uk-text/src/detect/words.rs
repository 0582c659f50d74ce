//! Hand-written evidence: function words and endings that mark one language against the
//! others it is confused with. Words are lower-case.
//!
//! The word lists are compiled into two small open-addressing hash tables (one for Cyrillic
//! words, one for the rest) when the crate is built, so a word costs one hash and usually one
//! probe; the endings are read off the last bytes of the word, kept by the scanner.

use super::Scores;
use super::scan::Word;

/// Weight of a function word that only one language has.
const FUNCTION_WORD: f32 = 2.0;
/// Weight of a frequent word that leans to one language but occurs in the other.
const WEAK_WORD: f32 = 0.5;
/// Weight of a telling ending.
const ENDING: f32 = 1.0;

/// Ukrainian words that are not Russian words (or are rare in Russian).
pub(super) const UKRAINIAN: &[(f32, &[&str])] = &[
    (
        FUNCTION_WORD,
        &[
            "та",
            "що",
            "як",
            "це",
            "від",
            "але",
            "його",
            "вони",
            "він",
            "вона",
            "ми",
            "ви",
            "також",
            "було",
            "був",
            "була",
            "буде",
            "щоб",
            "коли",
            "вже",
            "ще",
            "або",
            "чи",
            "лише",
            "тільки",
            "якщо",
            "бо",
            "де",
            "хто",
            "цей",
            "ця",
            "ці",
            "цього",
            "цьому",
            "із",
            "зі",
            "би",
            "мені",
            "дуже",
            "має",
            "є",
            "й",
            "який",
            "яка",
            "яке",
            "які",
            "якого",
            "яких",
            "після",
            "між",
            "серед",
            "щодо",
            "проти",
            "навіть",
            "більше",
            "може",
            "треба",
            "зараз",
            "свої",
            "своїх",
            "нього",
            "неї",
            "їх",
            "року",
            "році",
            "рік",
        ],
    ),
    (1.0, &["з", "про"]),
    (WEAK_WORD, &["у"]),
];

/// Russian words that are not Ukrainian words.
pub(super) const RUSSIAN: &[(f32, &[&str])] = &[(
    FUNCTION_WORD,
    &[
        "и",
        "что",
        "с",
        "как",
        "это",
        "из",
        "от",
        "но",
        "его",
        "ее",
        "её",
        "они",
        "он",
        "она",
        "мы",
        "вы",
        "также",
        "был",
        "была",
        "было",
        "будет",
        "чтобы",
        "когда",
        "уже",
        "еще",
        "ещё",
        "или",
        "только",
        "если",
        "где",
        "кто",
        "этот",
        "эта",
        "эти",
        "этого",
        "бы",
        "меня",
        "мне",
        "очень",
        "может",
        "нужно",
        "сейчас",
        "свои",
        "своих",
        "после",
        "между",
        "среди",
        "против",
        "даже",
        "больше",
        "к",
        "года",
        "году",
        "который",
        "которая",
        "которое",
        "которые",
        "здесь",
        "тоже",
        "россии",
        "украины",
        "украине",
        "читать",
        "русском",
        "русский",
        "версия",
        "подробнее",
        "новости",
        "поделиться",
        "источник",
    ],
)];

/// English function words.
pub(super) const ENGLISH: &[(f32, &[&str])] = &[(
    FUNCTION_WORD,
    &[
        "the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "as", "was", "by", "it",
        "are", "be", "this", "from", "at", "or", "have", "has", "not", "but", "which", "they",
        "he", "she", "we", "you", "will", "would", "their", "said", "were", "been", "his", "her",
        "its", "who", "what", "there", "can", "more", "about", "also", "after", "into", "than",
        "other", "read", "news",
    ],
)];

/// Vietnamese function words (syllables).
pub(super) const VIETNAMESE: &[(f32, &[&str])] = &[(
    1.0,
    &[
        "và", "của", "là", "có", "không", "được", "những", "các", "trong", "cho", "với", "người",
        "này", "một", "đã", "để", "khi", "thì", "sẽ", "tại", "từ", "theo", "về", "như", "nhưng",
        "cũng", "đó", "ra", "vào", "lại", "năm", "hơn", "nhiều", "nếu", "bị", "đến",
    ],
)];

/// Bytes of the longest word in the word lists: longer words skip the list lookups.
pub(super) const LONGEST_LISTED: usize = 20;

/// Bytes of a word key: listed words, zero-padded (no word holds a NUL byte).
pub(super) const KEY_BYTES: usize = 24;

/// A word packed for hashing and comparing: its bytes, zero-padded to [`KEY_BYTES`].
type Key = [u64; 3];

/// The key of `bytes` (at most [`KEY_BYTES`] long).
const fn key_of(bytes: &[u8]) -> Key {
    let mut padded = [0u8; KEY_BYTES];
    let mut i = 0;
    while i < bytes.len() {
        padded[i] = bytes[i];
        i += 1;
    }
    key_of_padded(&padded)
}

/// The key of zero-padded word bytes: the first [`KEY_BYTES`] of `padded` (which holds at
/// least as many).
#[inline]
pub(super) const fn key_of_padded(padded: &[u8]) -> Key {
    let mut key = [0u64; 3];
    let mut k = 0;
    while k < 3 {
        let mut word = [0u8; 8];
        let mut i = 0;
        while i < 8 {
            word[i] = padded[k * 8 + i];
            i += 1;
        }
        key[k] = u64::from_le_bytes(word);
        k += 1;
    }
    key
}

/// Slots of a table (a power of two, at least twice the words it holds).
const SLOTS: usize = 512;
/// Most words a table holds.
const MAX_WORDS: usize = 192;

/// The slot a key hashes to.
#[inline]
const fn slot_of(key: &Key) -> usize {
    let mixed = key[0] ^ key[1].rotate_left(23) ^ key[2].rotate_left(47);
    (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize
}

/// A table of listed words with their weights in two languages (0 where a word is not
/// listed).
pub(super) struct Table {
    /// For each slot, 1 + the index of the word in `keys`, or 0 for an empty slot.
    slots: [u8; SLOTS],
    keys: [Key; MAX_WORDS],
    weights: [[f32; 2]; MAX_WORDS],
    /// The weights in halves of a point (every listed weight is a whole number of halves).
    halves: [[u8; 2]; MAX_WORDS],
}

impl Table {
    /// Builds a table of the words of `first` and `second` (weights in columns 0 and 1).
    const fn build(first: &[(f32, &[&str])], second: &[(f32, &[&str])]) -> Table {
        let mut table = Table {
            slots: [0; SLOTS],
            keys: [[0; 3]; MAX_WORDS],
            weights: [[0.0; 2]; MAX_WORDS],
            halves: [[0; 2]; MAX_WORDS],
        };
        let mut words = 0;
        let lists = [first, second];
        let mut column = 0;
        while column < 2 {
            let list = lists[column];
            let mut group = 0;
            while group < list.len() {
                let (weight, group_words) = list[group];
                let mut w = 0;
                while w < group_words.len() {
                    let bytes = group_words[w].as_bytes();
                    assert!(
                        !bytes.is_empty() && bytes.len() <= LONGEST_LISTED,
                        "a listed word is empty or longer than the cut"
                    );
                    let key = key_of(bytes);
                    let mut slot = slot_of(&key);
                    loop {
                        let index = table.slots[slot] as usize;
                        if index == 0 {
                            assert!(words < MAX_WORDS, "too many listed words");
                            table.keys[words] = key;
                            table.weights[words][column] = weight;
                            table.halves[words][column] = halves_of(weight);
                            words += 1;
                            table.slots[slot] = words as u8;
                            break;
                        }
                        let k = &table.keys[index - 1];
                        if k[0] == key[0] && k[1] == key[1] && k[2] == key[2] {
                            assert!(
                                table.weights[index - 1][column] == 0.0,
                                "a word is listed twice for one language"
                            );
                            table.weights[index - 1][column] = weight;
                            table.halves[index - 1][column] = halves_of(weight);
                            break;
                        }
                        slot = (slot + 1) % SLOTS;
                    }
                    w += 1;
                }
                group += 1;
            }
            column += 1;
        }
        table
    }

    /// The index of the word with `key`, if it is listed.
    #[inline]
    fn find(&self, key: &Key) -> Option<usize> {
        let mut slot = slot_of(key);
        loop {
            let index = usize::from(self.slots[slot]).checked_sub(1)?;
            if self.keys[index] == *key {
                return Some(index);
            }
            slot = (slot + 1) % SLOTS;
        }
    }

    /// The weights of the word with `key` (zeros for a word not listed).
    #[inline]
    fn get(&self, key: &Key) -> [f32; 2] {
        self.find(key).map_or([0.0; 2], |index| self.weights[index])
    }

    /// The weights of the word with `key` in halves of a point (zeros for a word not listed).
    #[inline]
    fn get_halves(&self, key: &Key) -> [u32; 2] {
        self.find(key).map_or([0; 2], |index| {
            let [a, b] = self.halves[index];
            [u32::from(a), u32::from(b)]
        })
    }
}

/// A weight in halves of a point; it must be a whole number of halves.
pub(super) const fn halves_of(weight: f32) -> u8 {
    let halves = (weight * 2.0) as u8;
    assert!(
        halves as f32 == weight * 2.0,
        "a weight is not a whole number of halves"
    );
    halves
}

/// Ukrainian (column 0) and Russian (column 1) words.
static CYRILLIC: Table = Table::build(UKRAINIAN, RUSSIAN);
/// English (column 0) and Vietnamese (column 1) words.
static OTHER: Table = Table::build(ENGLISH, VIETNAMESE);

/// The last `n` bytes of a word, big-endian: `tail(b"abc")` is `0x616263`.
const fn tail(bytes: &[u8]) -> u64 {
    let mut value = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        value = (value << 8) | bytes[i] as u64;
        i += 1;
    }
    value
}

/// Masks of the last 4, 6 and 8 bytes.
const LAST4: u64 = 0xFFFF_FFFF;
const LAST6: u64 = 0xFFFF_FFFF_FFFF;

/// Russian endings of two letters (four bytes).
const RU_SHORT: [u64; 4] = [
    tail("ие".as_bytes()),
    tail("ия".as_bytes()),
    tail("ию".as_bytes()),
    tail("ая".as_bytes()),
];
/// Russian endings of four letters (eight bytes).
const RU_LONG: [u64; 8] = [
    tail("ский".as_bytes()),
    tail("ская".as_bytes()),
    tail("ское".as_bytes()),
    tail("ском".as_bytes()),
    tail("ским".as_bytes()),
    tail("скую".as_bytes()),
    tail("ости".as_bytes()),
    tail("ость".as_bytes()),
];
/// The Ukrainian ending `-ння` (six bytes).
const UK_ENDING: u64 = tail("ння".as_bytes());
/// Ukrainian three-letter pieces anywhere in a word (six bytes): `-ськ- -цьк- -зьк-`.
const UK_INFIXES: [u64; 3] = [
    tail("ськ".as_bytes()),
    tail("цьк".as_bytes()),
    tail("зьк".as_bytes()),
];

/// True when the last six bytes of a word, `last`, are one of the Ukrainian pieces
/// `-ськ- -цьк- -зьк-`.
#[inline]
pub(super) fn is_uk_infix(last: u64) -> bool {
    let last = last & LAST6;
    last == UK_INFIXES[0] || last == UK_INFIXES[1] || last == UK_INFIXES[2]
}

/// Endings of Cyrillic words that only one of Ukrainian and Russian has: [`ending_halves`]
/// added to `scores` (each score gets [`ENDING`] or nothing, as the sums were always made).
fn endings(word: &Word, scores: &mut Scores) {
    let [uk, ru] = ending_halves(word);
    if ru > 0 {
        scores.ru += ENDING;
    }
    if uk > 0 {
        scores.uk += ENDING;
    }
}

/// [`endings`] in halves of a point: Ukrainian, Russian.
#[inline]
fn ending_halves(word: &Word) -> [u32; 2] {
    if word.chars() < 4 {
        return [0; 2];
    }
    let last = word.tail();
    let ru = RU_SHORT.contains(&(last & LAST4)) || RU_LONG.contains(&last);
    let uk = last & LAST6 == UK_ENDING || word.uk_infix;
    [
        u32::from(uk) * u32::from(ENDING_HALVES),
        u32::from(ru) * u32::from(ENDING_HALVES),
    ]
}

/// [`ENDING`] in halves of a point.
const ENDING_HALVES: u8 = halves_of(ENDING);

/// The built-in evidence for one lower-case word in halves of a point (every built-in weight
/// is a whole number of halves): Ukrainian and Russian for a Cyrillic word, English and
/// Vietnamese for any other; what [`add_word_evidence`] adds, as whole numbers.
#[inline(always)]
pub(super) fn word_halves(word: &Word, cyrillic: bool) -> [u32; 2] {
    if word.len > LONGEST_LISTED {
        return if cyrillic {
            ending_halves(word)
        } else {
            [0; 2]
        };
    }
    let key = key_of_padded(&word.ring);
    if cyrillic {
        let [uk, ru] = CYRILLIC.get_halves(&key);
        let [end_uk, end_ru] = ending_halves(word);
        [uk + end_uk, ru + end_ru]
    } else {
        OTHER.get_halves(&key)
    }
}

/// Adds the built-in evidence for one lower-case word.
pub(super) fn add_word_evidence(word: &Word, cyrillic: bool, scores: &mut Scores) {
    if word.len > LONGEST_LISTED {
        if cyrillic {
            endings(word, scores);
        }
        return;
    }
    let key = key_of_padded(&word.ring);
    if cyrillic {
        let [uk, ru] = CYRILLIC.get(&key);
        scores.uk += uk;
        scores.ru += ru;
        endings(word, scores);
    } else {
        let [en, vi] = OTHER.get(&key);
        scores.en += en;
        scores.vi += vi;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(word: &str) -> ([f32; 2], [f32; 2]) {
        let key = key_of(word.as_bytes());
        (CYRILLIC.get(&key), OTHER.get(&key))
    }

    #[test]
    fn lists_do_not_overlap() {
        for word in ["та", "що", "і", "и", "что", "в", "на", "не", "the", "và"] {
            let ([uk, ru], _) = lookup(word);
            assert!(!(uk > 0.0 && ru > 0.0), "{word} is in both lists");
        }
        assert_eq!(lookup("що").0, [FUNCTION_WORD, 0.0]);
        assert_eq!(lookup("что").0, [0.0, FUNCTION_WORD]);
        assert_eq!(lookup("на"), ([0.0; 2], [0.0; 2]));
    }

    #[test]
    fn every_listed_word_is_found_with_its_weight() {
        let lists = [(UKRAINIAN, 0), (RUSSIAN, 1), (ENGLISH, 2), (VIETNAMESE, 3)];
        let mut count = 0;
        for (list, language) in lists {
            for &(weight, words) in list {
                for word in words {
                    let (cyrillic, other) = lookup(word);
                    let all = [cyrillic[0], cyrillic[1], other[0], other[1]];
                    assert_eq!(all[language], weight, "{word}");
                    count += 1;
                }
            }
        }
        assert!(count > 200, "{count} words");
        for word in ["", "x", "тa", "щоо", "the the", "của của", "нових"] {
            assert_eq!(lookup(word), ([0.0; 2], [0.0; 2]), "{word}");
        }
    }

    #[test]
    fn tails_are_big_endian() {
        assert_eq!(tail(b"abc"), 0x0061_6263);
        assert_eq!(tail("ння".as_bytes()) & !LAST6, 0);
    }
}
