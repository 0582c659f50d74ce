//! Hand-written evidence: function words and endings that mark one language against the
//! others it is confused with. Words are lower-case.

use super::Scores;
use core_model::Language;

/// Weight of a function word that only one language has.
const FUNCTION_WORD: f32 = 2.0;
/// Weight of a frequent word that leans to one language but occurs in the other.
const WEAK_WORD: f32 = 0.5;
/// Weight of a telling ending.
const ENDING: f32 = 1.0;

/// Ukrainian words that are not Russian words (or are rare in Russian).
fn ukrainian(word: &str) -> Option<f32> {
    Some(match word {
        "та" | "що" | "як" | "це" | "від" | "але" | "його" | "вони" | "він" | "вона" | "ми"
        | "ви" | "також" | "було" | "був" | "була" | "буде" | "щоб" | "коли" | "вже" | "ще"
        | "або" | "чи" | "лише" | "тільки" | "якщо" | "бо" | "де" | "хто" | "цей" | "ця" | "ці"
        | "цього" | "цьому" | "із" | "зі" | "би" | "мені" | "дуже" | "має" | "є" | "й" | "який"
        | "яка" | "яке" | "які" | "якого" | "яких" | "після" | "між" | "серед" | "щодо"
        | "проти" | "навіть" | "більше" | "може" | "треба" | "зараз" | "свої" | "своїх"
        | "нього" | "неї" | "їх" | "року" | "році" | "рік" => FUNCTION_WORD,
        "з" | "про" => 1.0,
        "у" => WEAK_WORD,
        _ => return None,
    })
}

/// Russian words that are not Ukrainian words.
fn russian(word: &str) -> Option<f32> {
    Some(match word {
        "и"
        | "что"
        | "с"
        | "как"
        | "это"
        | "из"
        | "от"
        | "но"
        | "его"
        | "ее"
        | "её"
        | "они"
        | "он"
        | "она"
        | "мы"
        | "вы"
        | "также"
        | "был"
        | "была"
        | "было"
        | "будет"
        | "чтобы"
        | "когда"
        | "уже"
        | "еще"
        | "ещё"
        | "или"
        | "только"
        | "если"
        | "где"
        | "кто"
        | "этот"
        | "эта"
        | "эти"
        | "этого"
        | "бы"
        | "меня"
        | "мне"
        | "очень"
        | "может"
        | "нужно"
        | "сейчас"
        | "свои"
        | "своих"
        | "после"
        | "между"
        | "среди"
        | "против"
        | "даже"
        | "больше"
        | "к"
        | "года"
        | "году"
        | "который"
        | "которая"
        | "которое"
        | "которые"
        | "здесь"
        | "тоже"
        | "россии"
        | "украины"
        | "украине"
        | "читать"
        | "русском"
        | "русский"
        | "версия"
        | "подробнее"
        | "новости"
        | "поделиться"
        | "источник" => FUNCTION_WORD,
        _ => return None,
    })
}

/// English function words.
fn english(word: &str) -> Option<f32> {
    Some(match word {
        "the" | "of" | "and" | "to" | "in" | "is" | "that" | "for" | "on" | "with" | "as"
        | "was" | "by" | "it" | "are" | "be" | "this" | "from" | "at" | "or" | "have" | "has"
        | "not" | "but" | "which" | "they" | "he" | "she" | "we" | "you" | "will" | "would"
        | "their" | "said" | "were" | "been" | "his" | "her" | "its" | "who" | "what" | "there"
        | "can" | "more" | "about" | "also" | "after" | "into" | "than" | "other" | "read"
        | "news" => FUNCTION_WORD,
        _ => return None,
    })
}

/// Vietnamese function words (syllables).
fn vietnamese(word: &str) -> Option<f32> {
    Some(match word {
        "và" | "của" | "là" | "có" | "không" | "được" | "những" | "các" | "trong" | "cho"
        | "với" | "người" | "này" | "một" | "đã" | "để" | "khi" | "thì" | "sẽ" | "tại" | "từ"
        | "theo" | "về" | "như" | "nhưng" | "cũng" | "đó" | "ra" | "vào" | "lại" | "năm"
        | "hơn" | "nhiều" | "nếu" | "bị" | "đến" => 1.0,
        _ => return None,
    })
}

/// Endings of Cyrillic words that only one of Ukrainian and Russian has.
fn endings(word: &str, scores: &mut Scores) {
    if word.chars().count() < 4 {
        return;
    }
    const RU: [&str; 12] = [
        "ский", "ская", "ское", "ском", "ским", "скую", "ие", "ия", "ию", "ая", "ости", "ость",
    ];
    const UK: [&str; 1] = ["ння"];
    if RU.iter().any(|e| word.ends_with(e)) {
        scores.add(Language::Ru, ENDING);
    }
    if UK.iter().any(|e| word.ends_with(e))
        || ["ськ", "цьк", "зьк"].iter().any(|e| word.contains(e))
    {
        scores.add(Language::Uk, ENDING);
    }
}

/// Bytes of the longest word in the word lists: longer words skip the list lookups.
const LONGEST_LISTED: usize = 20;

/// Adds the built-in evidence for one lower-case word.
pub(super) fn add_word_evidence(word: &str, cyrillic: bool, scores: &mut Scores) {
    if word.len() > LONGEST_LISTED {
        if cyrillic {
            endings(word, scores);
        }
        return;
    }
    if cyrillic {
        if let Some(w) = ukrainian(word) {
            scores.add(Language::Uk, w);
        }
        if let Some(w) = russian(word) {
            scores.add(Language::Ru, w);
        }
        endings(word, scores);
    } else {
        if let Some(w) = english(word) {
            scores.add(Language::En, w);
        }
        if let Some(w) = vietnamese(word) {
            scores.add(Language::Vi, w);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_do_not_overlap() {
        for word in ["та", "що", "і", "и", "что", "в", "на", "не", "the", "và"] {
            let uk = ukrainian(word).is_some();
            let ru = russian(word).is_some();
            assert!(!(uk && ru), "{word} is in both lists");
        }
        assert!(ukrainian("що").is_some());
        assert!(russian("что").is_some());
        assert!(ukrainian("на").is_none() && russian("на").is_none());
    }

    #[test]
    fn no_listed_word_is_longer_than_the_cut() {
        // The word lists are the string literals before the endings.
        let source = include_str!("words.rs");
        let lists = &source[..source.find("/// Endings of Cyrillic").unwrap()];
        let words: Vec<&str> = lists.split('"').skip(1).step_by(2).collect();
        assert!(words.len() > 100, "{} words found", words.len());
        for word in words {
            assert!(
                word.len() <= LONGEST_LISTED,
                "{word} is longer than the cut"
            );
        }
    }

    #[test]
    fn endings_score() {
        let mut s = Scores::default();
        endings("русском", &mut s);
        assert!(s.ru > 0.0 && s.uk == 0.0);
        let mut s = Scores::default();
        endings("українського", &mut s);
        assert!(s.uk > 0.0 && s.ru == 0.0);
    }
}
