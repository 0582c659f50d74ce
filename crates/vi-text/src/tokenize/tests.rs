use super::*;
use TokenKind::*;

fn toks(text: &str) -> Vec<(&str, TokenKind)> {
    let mut out = Vec::new();
    pretokenize(text, &mut out);
    out.iter().map(|t| (t.text(text), t.kind)).collect()
}

#[test]
fn syllables_and_punctuation() {
    assert_eq!(
        toks("Hà Nội, ngày 2/11."),
        [
            ("Hà", Word),
            ("Nội", Word),
            (",", Punct),
            ("ngày", Word),
            ("2/11", Date),
            (".", Punct)
        ]
    );
    assert_eq!(
        toks("\"Coi bộ nhỏ...\" (AFP)"),
        [
            ("\"", Punct),
            ("Coi", Word),
            ("bộ", Word),
            ("nhỏ", Word),
            ("...", Punct),
            ("\"", Punct),
            ("(", Punct),
            ("AFP", Word),
            (")", Punct)
        ]
    );
}

#[test]
fn numbers_dates_and_times() {
    assert_eq!(toks("100.000")[..], [("100.000", Number)]);
    assert_eq!(toks("10,5%")[..], [("10,5", Number), ("%", Symbol)]);
    assert_eq!(toks("1.000.000,25")[..], [("1.000.000,25", Number)]);
    assert_eq!(toks("1/1/2024.")[..], [("1/1/2024", Date), (".", Punct)]);
    assert_eq!(toks("30-4-1975")[..], [("30-4-1975", Date)]);
    assert_eq!(toks("20-25")[..], [("20-25", Number)]);
    assert_eq!(toks("12:30")[..], [("12:30", Date)]);
    assert_eq!(
        toks("năm 2024.")[..],
        [("năm", Word), ("2024", Number), (".", Punct)]
    );
    assert_eq!(toks("5km 20h30")[..], [("5km", Word), ("20h30", Word)]);
    assert_eq!(toks("-5")[..], [("-", Punct), ("5", Number)]);
}

#[test]
fn urls_emails_hashtags() {
    assert_eq!(
        toks("xem https://vnexpress.net/a_b-1.html, hoặc www.tuoitre.vn.")[..],
        [
            ("xem", Word),
            ("https://vnexpress.net/a_b-1.html", Url),
            (",", Punct),
            ("hoặc", Word),
            ("www.tuoitre.vn", Url),
            (".", Punct)
        ]
    );
    assert_eq!(
        toks("(theo VnExpress.net)")[..],
        [
            ("(", Punct),
            ("theo", Word),
            ("VnExpress.net", Url),
            (")", Punct)
        ]
    );
    assert_eq!(
        toks("(https://vi.wikipedia.org/wiki/A_(B))")[..],
        [
            ("(", Punct),
            ("https://vi.wikipedia.org/wiki/A_(B)", Url),
            (")", Punct)
        ]
    );
    assert_eq!(
        toks("gửi tới nguyen_van.a@gmail.com.vn.")[..],
        [
            ("gửi", Word),
            ("tới", Word),
            ("nguyen_van.a@gmail.com.vn", Email),
            (".", Punct)
        ]
    );
    assert_eq!(
        toks("#bầu_cử @vnexpress #1 # a")[..],
        [
            ("#bầu_cử", Hashtag),
            ("@vnexpress", Hashtag),
            ("#1", Hashtag),
            ("#", Punct),
            ("a", Word)
        ]
    );
}

#[test]
fn words_with_inner_marks() {
    assert_eq!(
        toks("Nagorno-Karabakh COVID-19 O'Neill TP.HCM G20")[..],
        [
            ("Nagorno-Karabakh", Word),
            ("COVID-19", Word),
            ("O'Neill", Word),
            ("TP.HCM", Word),
            ("G20", Word)
        ]
    );
    assert_eq!(
        toks("v.v. T.Ư. A. Nguyễn")[..],
        [
            ("v.v.", Abbreviation),
            ("T.Ư.", Abbreviation),
            ("A", Word),
            (".", Punct),
            ("Nguyễn", Word)
        ]
    );
    assert_eq!(
        toks("TP. HCM")[..],
        [("TP", Word), (".", Punct), ("HCM", Word)]
    );
    // NFD: combining marks stay inside the syllable.
    assert_eq!(
        toks("ho\u{0300}a bi\u{0300}nh")[..],
        [("ho\u{0300}a", Word), ("bi\u{0300}nh", Word)]
    );
}

#[test]
fn underscores_join_syllables_only_between_letters() {
    let text = "bí_mật Thổ_Nhĩ_Kỳ _ hòa__bình ___ (buộc_Azerbaijan)";
    assert_eq!(
        toks(text)[..],
        [
            ("bí", Word),
            ("mật", Word),
            ("Thổ", Word),
            ("Nhĩ", Word),
            ("Kỳ", Word),
            ("_", Punct),
            // Not a compound by `compound::is_compound` (an empty part): one word.
            ("hòa__bình", Word),
            ("___", Punct),
            ("(", Punct),
            ("buộc", Word),
            ("Azerbaijan", Word),
            (")", Punct)
        ]
    );
    assert!(is_joiner_gap(text, 3, 4));
    // Underscores that do not join syllables stay inside the word.
    assert_eq!(
        toks("đặt max_words = 40, user_id: 7 và bí_mật")[..],
        [
            ("đặt", Word),
            ("max_words", Word),
            ("=", Symbol),
            ("40", Number),
            (",", Punct),
            ("user_id", Word),
            (":", Punct),
            ("7", Number),
            ("và", Word),
            ("bí", Word),
            ("mật", Word)
        ]
    );
}

#[test]
fn emoji_symbols_other() {
    assert_eq!(
        toks("vui 😀👍🏽 ❤️ €5 \u{200B}")[..],
        [
            ("vui", Word),
            ("😀", Emoji),
            ("👍🏽", Emoji),
            ("❤️", Emoji),
            ("€", Symbol),
            ("5", Number),
            ("\u{200B}", Other)
        ]
    );
    assert_eq!(toks("🇻🇳🇺🇦")[..], [("🇻🇳", Emoji), ("🇺🇦", Emoji)]);
}

#[test]
fn chunk_kinds() {
    assert_eq!(chunk_kind("25"), Number);
    assert_eq!(chunk_kind(".HCM"), Word);
    assert_eq!(chunk_kind(","), Punct);
    assert_eq!(chunk_kind("10%"), Number);
    assert_eq!(chunk_kind("%"), Symbol);
}
