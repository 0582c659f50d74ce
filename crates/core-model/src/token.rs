use crate::{Language, Span};
use serde::{Deserialize, Serialize};

/// What a token is. Tokenizers of every language share this set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A word (letters, possibly with inner apostrophes or hyphens).
    Word,
    /// A multi-syllable Vietnamese word written with underscores (`bí_mật`).
    Compound,
    /// A number, with its inner separators (`1 000`, `10,5`, `100.000`).
    Number,
    /// A date or time (`17/9`, `1/1/2024`, `12:30`).
    Date,
    /// An abbreviation with its full stop (`проф.`, `т. зв.`, `TP.`).
    Abbreviation,
    /// A person's initial with its full stop (`Т.`).
    Initial,
    /// A URL.
    Url,
    /// An e-mail address.
    Email,
    /// A hashtag (`#news`) or mention (`@name`).
    Hashtag,
    /// An emoji or other pictograph.
    Emoji,
    /// Punctuation.
    Punct,
    /// A symbol (`%`, `$`, `+`, …).
    Symbol,
    /// Anything else that is not whitespace.
    Other,
}

impl TokenKind {
    /// The kind's name as written in JSON output.
    ///
    /// ```
    /// assert_eq!(core_model::TokenKind::Punct.name(), "punct");
    /// ```
    #[must_use]
    #[inline]
    pub fn name(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Compound => "compound",
            TokenKind::Number => "number",
            TokenKind::Date => "date",
            TokenKind::Abbreviation => "abbreviation",
            TokenKind::Initial => "initial",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Emoji => "emoji",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Other => "other",
        }
    }

    /// True for kinds that carry lexical content (words, compounds, abbreviations, initials).
    #[must_use]
    #[inline]
    pub fn is_lexical(self) -> bool {
        matches!(
            self,
            TokenKind::Word | TokenKind::Compound | TokenKind::Abbreviation | TokenKind::Initial
        )
    }
}

/// A token: a byte span of the source and its kind. It holds no text of its own; see
/// [`Token::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Where the token is in the source text.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
}

impl Token {
    /// Creates a token.
    #[must_use]
    #[inline]
    pub fn new(span: Span, kind: TokenKind) -> Token {
        Token { span, kind }
    }

    /// The token's text in `source`, which must be the text it was made from.
    #[must_use]
    #[inline]
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        self.span.slice(source)
    }
}

/// A document: its text, an identifier and, once known, its language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// An identifier, unique within a run (a path, or the `id` of a JSONL record).
    pub id: String,
    /// The text.
    pub text: String,
    /// The language, when known.
    pub language: Option<Language>,
}

impl Document {
    /// Creates a document of unknown language.
    #[must_use]
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            language: None,
        }
    }
}
