//! Detection: each encoding's bytes of some Vietnamese text are recognised as that encoding.

mod encoding_common;

use encoding_common::LEGACY;
use vi_text::encoding::{Encoding, decode, detect, encode};

/// Three short news-like paragraphs, written for these tests.
const PARAGRAPHS: [&str; 3] = [
    "Sáng nay, trời Hà Nội se lạnh và có mưa phùn nhẹ. Những gánh hàng rong vẫn đi qua các \
     con phố cổ, mang theo mùi xôi nóng và bánh mì mới nướng. Người đi làm vội vã khoác thêm \
     áo, còn trẻ em thì háo hức chờ giờ tan học để được ăn quà.",
    "Theo báo cáo của sở nông nghiệp tỉnh, vụ lúa đông xuân năm nay đạt năng suất cao hơn năm \
     trước khoảng 10%. Nhờ thời tiết thuận lợi và nguồn nước tưới ổn định, nhiều hộ nông dân \
     đã có thu nhập khá. Tuy vậy, giá phân bón tăng mạnh khiến lợi nhuận chưa được như mong đợi.",
    "ĐỘI TUYỂN QUỐC GIA TRỞ VỀ. Đội tuyển bóng đá quốc gia đã về nước sau chuyến tập huấn kéo \
     dài ba tuần ở nước ngoài. Huấn luyện viên trưởng cho biết các cầu thủ trẻ tiến bộ rõ rệt \
     về thể lực lẫn chiến thuật. Trận giao hữu đầu tiên sẽ diễn ra vào cuối tháng 11 tại sân \
     vận động Mỹ Đình.",
];

/// Short strings: names, a headline, single words.
const SHORT: [&str; 10] = [
    "Bảo Thắng",
    "Việt Nam",
    "Hà Nội",
    "người dân",
    "Thành phố Hồ Chí Minh",
    "Đà Nẵng",
    "tiếng Việt",
    "GIÁ XĂNG TĂNG",
    "trường",
    "Mỹ Đình",
];

#[test]
fn paragraphs_are_detected_with_high_confidence() {
    for encoding in Encoding::ALL {
        for paragraph in PARAGRAPHS {
            let bytes = encode(paragraph, encoding).unwrap();
            let guess = detect(&bytes);
            assert_eq!(guess.encoding, encoding, "{paragraph}");
            assert!(guess.confidence > 0.8, "{encoding}: {guess:?}");
            assert_eq!(decode(&bytes, guess.encoding).unwrap(), paragraph);
        }
        let all = encode(&PARAGRAPHS.join("\n\n"), encoding).unwrap();
        assert_eq!(detect(&all).encoding, encoding);
    }
}

#[test]
fn short_strings_are_detected() {
    let mut failures = Vec::new();
    for encoding in Encoding::ALL {
        for text in SHORT {
            let bytes = encode(text, encoding).unwrap();
            let guess = detect(&bytes);
            if guess.encoding != encoding {
                failures.push(format!("{text:?} in {encoding} read as {guess:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn text_that_is_not_vietnamese() {
    let english = b"The committee met on Monday. Was the report ready? Nobody knew.";
    let guess = detect(english);
    assert_eq!(guess.encoding, Encoding::Utf8);
    assert!(guess.confidence > 0.5, "{guess:?}");
    // Sentence ends after vowels read as VIQR tones (`go.` is "gọ"), but most such words
    // are not syllables.
    let plain = b"We agree. I see. You are free to go. Be there or be square? Do it so. Me too.";
    assert_eq!(detect(plain).encoding, Encoding::Utf8);
    let german = detect("Straße und Brücke".as_bytes());
    assert_eq!(german.encoding, Encoding::Utf8);
    assert!(german.confidence < 0.99);
    // A truncated UTF-8 sequence is not UTF-8.
    assert_ne!(detect(&"Việt".as_bytes()[..4]).encoding, Encoding::Utf8);
}

#[test]
fn a_long_text_is_sampled() {
    let long = PARAGRAPHS.join(" ").repeat(300);
    for encoding in LEGACY {
        let bytes = encode(&long, encoding).unwrap();
        assert!(bytes.len() > 64 * 1024);
        assert_eq!(detect(&bytes).encoding, encoding);
    }
}

/// Real news text from `../shared/seeds`: every line, and every window of three words, in each
/// encoding that can represent it, counted right when the guess decodes it to the same text.
/// Prints the accuracy; requires 99% on lines, 90% on windows.
#[test]
fn seed_documents_are_detected() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipping: ../shared is absent");
        return;
    };
    let mut lines = Vec::new();
    for entry in entries.flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let vietnamese = |line: &&str| line.chars().any(|c| "ơưđạảấầẩẫậắằẳẵặ".contains(c));
        lines.extend(text.lines().filter(vietnamese).map(str::to_owned));
    }
    if lines.is_empty() {
        println!("skipping: no Vietnamese seed documents");
        return;
    }
    let windows: Vec<String> = lines
        .iter()
        .flat_map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            words.chunks(3).map(|w| w.join(" ")).collect::<Vec<_>>()
        })
        .filter(|w| !w.is_ascii())
        .collect();
    for (what, texts, required) in [("lines", &lines, 0.99), ("3-word windows", &windows, 0.90)] {
        for encoding in Encoding::ALL {
            let (mut right, mut total) = (0, 0);
            for text in texts.iter() {
                let Ok(bytes) = encode(text, encoding) else {
                    continue;
                };
                total += 1;
                let guess = detect(&bytes);
                // A guess that decodes the bytes to the same text is as good as right
                // (`đ` is 0xF0 in both VISCII and windows-1258).
                let same = decode(&bytes, guess.encoding).is_ok_and(|t| t == *text);
                if guess.encoding == encoding || same {
                    right += 1;
                } else if what == "lines" || std::env::var_os("SHOW_MISSES").is_some() {
                    println!("missed {encoding}: {text:?} as {guess:?}");
                }
            }
            let accuracy = right as f64 / total.max(1) as f64;
            println!("{what} in {encoding}: {right}/{total} = {accuracy:.4}");
            assert!(accuracy >= required, "{what} in {encoding}: {accuracy}");
        }
    }
}
