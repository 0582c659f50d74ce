//! Ukrainian text for vnuk: tokenizer, normalizer, KMU-2010 transliteration and language
//! detection.
//!
//! ```
//! use uk_text::{detect, normalize, tokenize, translit};
//! use core_model::Language;
//!
//! let text = "Мар’їне — с. в Україні";
//! assert_eq!(tokenize(text).len(), 5);
//! assert_eq!(normalize("Київ´ський"), "Київ'ський");
//! assert_eq!(translit("Згурський і Мар'їне"), "Zghurskyi i Marine");
//! assert_eq!(detect("Вона сказала, що прийде ввечері.").language, Language::Uk);
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod chars;
pub mod detect;
pub mod lemmatize;
pub mod normalize;
pub mod sentence;
pub mod tokenize;
pub mod translit;

pub use chars::{is_apostrophe, is_gap};
pub use detect::{Detection, detect, detect_lines};
pub use normalize::{Normalizer, Repair, RepairKind, normalize, normalize_with_report};
pub use tokenize::{Tokens, UkTokenizer, tokenize, tokenize_into, tokens};
pub use translit::{translit, translit_into, translit_word};

pub mod hunspell;
pub mod lexicon;
