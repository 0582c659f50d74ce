//! Names written in foreign words (`Vladimir Putin`, `New York`, `The Moscow Times`): a run
//! of two or more capitalised foreign words is one name, kept apart from its Vietnamese
//! neighbours (`Tổng thống Nga Vladimir_Putin`). When such a run of three or more starts with
//! the name of a country or a large city written in its foreign spelling, that place is a
//! word of its own: `Tổng thống Azerbaijan Ilham_Aliyev`.
//!
//! A Vietnamese family name after two or more capitalised syllables starts a new name
//! (`TP Hà Nội Trần Sỹ Thanh`: a place, then a person), and so does a capitalised word after
//! a Vietnamese country name (`Trung Quốc | Tập Cận Bình`, `Tổng thống Nga | Putin`).
//!
//! The training data has few foreign names, so this is a rule rather than something the
//! model learns; it only decides gaps the model would otherwise decide (free gaps). A
//! capitalised Vietnamese-looking syllable between two foreign words belongs to the name
//! (`Jean-Yves Le Drian`).

use super::atoms::{Atom, Case, Class, Gap};

/// Countries, territories and large cities whose foreign spelling is used in Vietnamese text
/// (the Vietnamese names, `Nga`, `Mỹ`, `Thổ Nhĩ Kỳ`, are Vietnamese syllables and never start
/// a foreign run). Lower case, sorted.
const PLACES: [&str; 148] = [
    "abuja",
    "afghanistan",
    "albania",
    "algeria",
    "amsterdam",
    "angola",
    "ankara",
    "argentina",
    "armenia",
    "astana",
    "athens",
    "australia",
    "austria",
    "azerbaijan",
    "baghdad",
    "bahrain",
    "baku",
    "bangkok",
    "bangladesh",
    "beirut",
    "belarus",
    "belgium",
    "belgrade",
    "berlin",
    "bhutan",
    "bolivia",
    "bosnia",
    "botswana",
    "brazil",
    "brunei",
    "brussels",
    "budapest",
    "bulgaria",
    "cairo",
    "california",
    "cambodia",
    "cameroon",
    "canada",
    "caracas",
    "chile",
    "colombia",
    "congo",
    "crimea",
    "croatia",
    "cuba",
    "cyprus",
    "damascus",
    "denmark",
    "doha",
    "donbass",
    "donetsk",
    "dubai",
    "ecuador",
    "egypt",
    "estonia",
    "ethiopia",
    "europe",
    "fiji",
    "finland",
    "florida",
    "gaza",
    "geneva",
    "georgia",
    "ghana",
    "greece",
    "guatemala",
    "haiti",
    "havana",
    "honduras",
    "hungary",
    "iceland",
    "india",
    "indonesia",
    "iran",
    "iraq",
    "ireland",
    "israel",
    "istanbul",
    "italia",
    "italy",
    "jakarta",
    "jamaica",
    "japan",
    "jerusalem",
    "jordan",
    "kabul",
    "kazakhstan",
    "kenya",
    "kharkiv",
    "kherson",
    "kiev",
    "kosovo",
    "kuwait",
    "kyiv",
    "kyrgyzstan",
    "laos",
    "latvia",
    "lebanon",
    "libya",
    "lithuania",
    "london",
    "luhansk",
    "madrid",
    "malaysia",
    "mali",
    "mexico",
    "minsk",
    "moldova",
    "mongolia",
    "montenegro",
    "morocco",
    "moscow",
    "moskva",
    "myanmar",
    "nepal",
    "netherlands",
    "nicaragua",
    "niger",
    "nigeria",
    "norway",
    "oman",
    "pakistan",
    "palestine",
    "panama",
    "paraguay",
    "paris",
    "peru",
    "philippines",
    "poland",
    "portugal",
    "qatar",
    "riyadh",
    "romania",
    "rwanda",
    "serbia",
    "singapore",
    "slovakia",
    "slovenia",
    "somalia",
    "spain",
    "sudan",
    "sweden",
    "syria",
    "tehran",
    "texas",
    "tokyo",
    "ukraine",
    "uzbekistan",
];

/// True when `key` (a lookup key: lower case) names a place of [`PLACES`].
fn is_place(key: &str) -> bool {
    PLACES.binary_search(&key).is_ok()
}

/// A capitalised foreign word.
#[inline]
fn capitalised_foreign(atom: &Atom) -> bool {
    atom.class == Class::Foreign && atom.case == Case::Title
}

/// Applies the rule to the free gaps of `atoms`; `key(atom)` is an atom's lookup key.
pub(crate) fn join_foreign_runs<'k>(atoms: &mut [Atom], key: impl Fn(&Atom) -> &'k str) {
    let n = atoms.len();
    let mut i = 0;
    while i < n {
        if !capitalised_foreign(&atoms[i]) {
            i += 1;
            continue;
        }
        let mut end = i;
        loop {
            if end + 1 < n && atoms[end].gap == Gap::Free && capitalised_foreign(&atoms[end + 1]) {
                end += 1;
            } else if end + 2 < n
                && atoms[end].gap == Gap::Free
                && atoms[end + 1].gap == Gap::Free
                && atoms[end + 1].case == Case::Title
                && atoms[end + 1].class == Class::Viet
                && capitalised_foreign(&atoms[end + 2])
            {
                // A capitalised syllable between foreign words: `Jean-Yves Le Drian`.
                end += 2;
            } else {
                break;
            }
        }
        let mut start = i;
        while end - start >= 2 && is_place(key(&atoms[start])) {
            atoms[start].gap = Gap::Split;
            start += 1;
        }
        if end > start {
            for atom in &mut atoms[start..end] {
                atom.gap = Gap::Join;
            }
            if start > 0 && atoms[start - 1].gap == Gap::Free {
                atoms[start - 1].gap = Gap::Split;
            }
            if atoms[end].gap == Gap::Free {
                atoms[end].gap = Gap::Split;
            }
        }
        i = end + 1;
    }
}

/// Vietnamese family names that are rarely given names: in a run of capitalised syllables,
/// one of them after two or more others starts a new name (`Hà Nội | Trần Sỹ Thanh`).
/// Lower case, sorted by bytes.
const SURNAMES: [&str; 15] = [
    "bùi", "dương", "huỳnh", "nguyễn", "ngô", "phan", "phạm", "trương", "trần", "trịnh", "võ",
    "đinh", "đoàn", "đặng", "đỗ",
];

/// Splits a run of capitalised Vietnamese syllables before a family name that follows two or
/// more of them and is followed by another: `Chủ tịch UBND TP Hà Nội Trần Sỹ Thanh`.
pub(crate) fn split_before_surnames<'k>(atoms: &mut [Atom], key: impl Fn(&Atom) -> &'k str) {
    let n = atoms.len();
    let capitalised = |a: &Atom| a.case == Case::Title && a.class == Class::Viet;
    let mut run = 0; // capitalised syllables joined by free gaps up to and including `i`
    for i in 0..n {
        run = if capitalised(&atoms[i]) {
            if i > 0 && run > 0 && atoms[i - 1].gap == Gap::Free {
                run + 1
            } else {
                1
            }
        } else {
            0
        };
        if run >= 3
            && i + 1 < n
            && atoms[i].gap == Gap::Free
            && capitalised(&atoms[i + 1])
            && SURNAMES.binary_search(&key(&atoms[i])).is_ok()
        {
            atoms[i - 1].gap = Gap::Split;
            run = 1;
        }
    }
}

/// Vietnamese names of countries written in two or more syllables, as lookup keys. A
/// capitalised word after one of them starts another name: `Trung Quốc | Tập Cận Bình`.
const COUNTRIES: [&[&str]; 30] = [
    &["ai", "cập"],
    &["ả", "rập"],
    &["ba", "lan"],
    &["bồ", "đào", "nha"],
    &["đài", "loan"],
    &["đan", "mạch"],
    &["hà", "lan"],
    &["hàn", "quốc"],
    &["hoa", "kỳ"],
    &["hồng", "kông"],
    &["hy", "lạp"],
    &["ấn", "độ"],
    &["na", "uy"],
    &["nam", "phi"],
    &["nhật", "bản"],
    &["phần", "lan"],
    &["tân", "tây", "lan"],
    &["tây", "ban", "nha"],
    &["thái", "lan"],
    &["thổ", "nhĩ", "kỳ"],
    &["thụy", "điển"],
    &["thụy", "sĩ"],
    &["triều", "tiên"],
    &["trung", "quốc"],
    &["việt", "nam"],
    &["liên", "xô"],
    &["ma", "rốc"],
    &["xê", "út"],
    &["cu", "ba"],
    &["mông", "cổ"],
];

/// The first syllables of [`COUNTRIES`], sorted by bytes: a syllable not among them starts
/// no country, and most capitalised syllables are looked up here only.
const COUNTRY_STARTS: [&str; 29] = [
    "ai", "ba", "bồ", "cu", "hoa", "hy", "hà", "hàn", "hồng", "liên", "ma", "mông", "na", "nam",
    "nhật", "phần", "thái", "thổ", "thụy", "triều", "trung", "tân", "tây", "việt", "xê", "đan",
    "đài", "ả", "ấn",
];

/// Vietnamese one-syllable country names: also common given names (`Nguyễn Anh Tuấn`), so
/// they end a name only when they start a capitalised run and a foreign word follows
/// (`Tổng thống Nga | Putin`, `Thủ tướng Anh | Johnson`).
const ONE_SYLLABLE_COUNTRIES: [&str; 11] = [
    "anh", "bỉ", "lào", "mỹ", "nga", "nhật", "pháp", "áo", "ý", "úc", "đức",
];

/// Splits after a Vietnamese country name followed by another capitalised word.
pub(crate) fn split_after_countries<'k>(atoms: &mut [Atom], key: impl Fn(&Atom) -> &'k str) {
    let n = atoms.len();
    let capitalised = |a: &Atom| a.case == Case::Title && a.class == Class::Viet;
    for i in 0..n {
        if !capitalised(&atoms[i]) {
            continue;
        }
        // Every country has two or more syllables: it can only start here before a free gap
        // and another capitalised syllable, and with this syllable.
        let first = if i + 1 < n && atoms[i].gap == Gap::Free && capitalised(&atoms[i + 1]) {
            key(&atoms[i])
        } else {
            ""
        };
        let may_start = !first.is_empty() && COUNTRY_STARTS.binary_search(&first).is_ok();
        for country in COUNTRIES
            .iter()
            .filter(|c| may_start && c.first() == Some(&first))
        {
            let end = i + country.len(); // one past the country's last syllable
            if end >= n || atoms[end - 1].gap != Gap::Free || atoms[end].case != Case::Title {
                continue;
            }
            let matches = country.iter().enumerate().skip(1).all(|(k, syllable)| {
                let atom = &atoms[i + k];
                capitalised(atom)
                    && key(atom) == *syllable
                    && (k == 0 || atoms[i + k - 1].gap == Gap::Free)
            });
            if matches {
                atoms[end - 1].gap = Gap::Split;
            }
        }
        let starts_run =
            i == 0 || atoms[i - 1].gap != Gap::Free || atoms[i - 1].case != Case::Title;
        if starts_run
            && i + 1 < n
            && atoms[i].gap == Gap::Free
            && atoms[i + 1].class == Class::Foreign
            && atoms[i + 1].case == Case::Title
            && ONE_SYLLABLE_COUNTRIES.contains(&key(&atoms[i]))
        {
            atoms[i].gap = Gap::Split;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_are_sorted() {
        assert!(SURNAMES.windows(2).all(|w| w[0] < w[1]), "not sorted");
    }

    #[test]
    fn country_starts_are_the_first_syllables_of_the_countries() {
        let mut firsts: Vec<&str> = COUNTRIES
            .iter()
            .filter_map(|c| c.first().copied())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        assert_eq!(COUNTRY_STARTS.as_slice(), firsts.as_slice());
    }

    #[test]
    fn places_are_sorted_and_lower_case() {
        assert!(PLACES.windows(2).all(|w| w[0] < w[1]), "not sorted");
        assert!(
            PLACES
                .iter()
                .all(|p| p.chars().all(|c| c.is_ascii_lowercase()))
        );
    }
}
