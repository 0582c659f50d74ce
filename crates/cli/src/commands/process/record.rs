//! The output of one document: a JSON object on one line (the schema is
//! `crates/cli/schema/process-document.schema.json`), or with `--format text` the analysed
//! text (one sentence per line, tokens separated by spaces, a blank line after each
//! document).
//!
//! The record is written as the analysis goes, into a buffer reused from document to
//! document, so that nothing is allocated per token.

use super::analyze::DocCounts;
use super::boilerplate::Reason;
use super::input::Failure;
use super::out::Out;
use crate::commands::json::needs_escape;
use core_model::{Language, Span, TokenKind, Upos};
use vi_text::text_shape::TextShape;

/// Output formats of `vnuk process`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One JSON object per document (see the published schema).
    Jsonl,
    /// The analysed text: one sentence per line, normalized tokens separated by spaces
    /// (Vietnamese words with `_`), boilerplate left out, a blank line after each document.
    Text,
}

/// The fields of one output token.
#[derive(Debug, Clone, Copy)]
pub struct TokenFields<'a> {
    /// The original bytes of the span.
    pub text: &'a str,
    /// Byte span in the document.
    pub span: Span,
    /// The token's kind.
    pub kind: TokenKind,
    /// The normalized form, when it differs from `text`.
    pub norm: Option<&'a str>,
    /// The lemma, when known.
    pub lemma: Option<&'a str>,
    /// The part of speech, when known.
    pub upos: Option<Upos>,
    /// The word is not in the lexicon (its lemma, if any, was guessed).
    pub oov: bool,
}

/// Where the document came from.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// The document's identifier.
    pub id: &'a str,
    /// The file (`-` for stdin).
    pub source: &'a str,
    /// 1-based line in a `.jsonl` file.
    pub line: Option<u64>,
    /// Bytes of the document's text.
    pub bytes: u64,
}

/// Repairs made while decoding, reported with the document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Repairs {
    /// Offset of the first invalid UTF-8 sequence replaced by U+FFFD (`--lossy`).
    pub lossy_from: Option<u64>,
    /// NUL bytes in the text (read as line breaks).
    pub nul_bytes: u64,
}

/// Room for a token object besides its text, normalized form and lemma: the keys, two
/// numbers, the longest kind and part of speech, and the slack of three short copies.
const TOKEN_ROOM: usize = 256;

/// The most a record reserves up front; a larger record grows as it is written.
const MAX_RESERVE: u64 = 256 << 20;

/// Appends `value` (between 0 and 1) with three decimals, as `format!("{value:.3}")` does
/// (ties to even), without the formatting machinery.
fn push_fixed3(out: &mut Out, value: f32) {
    if !(0.0..=1.0).contains(&value) {
        out.push_str(&format!("{value:.3}"));
        return;
    }
    // Exact: an f32 significand times 1000 fits in an f64 significand.
    let thousandths = (f64::from(value) * 1000.0).round_ties_even() as u32;
    let digits = [
        b'0' + (thousandths / 1000) as u8,
        b'.',
        b'0' + (thousandths / 100 % 10) as u8,
        b'0' + (thousandths / 10 % 10) as u8,
        b'0' + (thousandths % 10) as u8,
    ];
    out.push(&digits);
}

/// `,"kind":"…"` for `kind`, written in one piece.
fn kind_field(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Word => ",\"kind\":\"word\"",
        TokenKind::Compound => ",\"kind\":\"compound\"",
        TokenKind::Number => ",\"kind\":\"number\"",
        TokenKind::Date => ",\"kind\":\"date\"",
        TokenKind::Abbreviation => ",\"kind\":\"abbreviation\"",
        TokenKind::Initial => ",\"kind\":\"initial\"",
        TokenKind::Url => ",\"kind\":\"url\"",
        TokenKind::Email => ",\"kind\":\"email\"",
        TokenKind::Hashtag => ",\"kind\":\"hashtag\"",
        TokenKind::Emoji => ",\"kind\":\"emoji\"",
        TokenKind::Punct => ",\"kind\":\"punct\"",
        TokenKind::Symbol => ",\"kind\":\"symbol\"",
        TokenKind::Other => ",\"kind\":\"other\"",
    }
}

/// `,"upos":"…"` for `upos`, written in one piece.
fn upos_field(upos: Upos) -> &'static str {
    match upos {
        Upos::X => ",\"upos\":\"X\"",
        Upos::Adj => ",\"upos\":\"ADJ\"",
        Upos::Adp => ",\"upos\":\"ADP\"",
        Upos::Adv => ",\"upos\":\"ADV\"",
        Upos::Aux => ",\"upos\":\"AUX\"",
        Upos::Cconj => ",\"upos\":\"CCONJ\"",
        Upos::Det => ",\"upos\":\"DET\"",
        Upos::Intj => ",\"upos\":\"INTJ\"",
        Upos::Noun => ",\"upos\":\"NOUN\"",
        Upos::Num => ",\"upos\":\"NUM\"",
        Upos::Part => ",\"upos\":\"PART\"",
        Upos::Pron => ",\"upos\":\"PRON\"",
        Upos::Propn => ",\"upos\":\"PROPN\"",
        Upos::Punct => ",\"upos\":\"PUNCT\"",
        Upos::Sconj => ",\"upos\":\"SCONJ\"",
        Upos::Sym => ",\"upos\":\"SYM\"",
        Upos::Verb => ",\"upos\":\"VERB\"",
    }
}

/// One document's output, built piece by piece.
#[derive(Debug)]
pub struct DocRecord {
    format: OutputFormat,
    out: Out,
    boilerplate: Vec<(Span, Reason)>,
    repairs: Repairs,
    first_sentence: bool,
    first_token: bool,
    /// The open sentence's span when none of its bytes needs a JSON escape: its tokens'
    /// text is then copied as it is.
    plain_sentence: Option<Span>,
}

impl DocRecord {
    /// An empty record writing `format`.
    #[must_use]
    pub fn new(format: OutputFormat) -> DocRecord {
        DocRecord {
            format,
            out: Out::default(),
            boilerplate: Vec::new(),
            repairs: Repairs::default(),
            first_sentence: true,
            first_token: true,
            plain_sentence: None,
        }
    }

    /// Takes the finished output, leaving the record empty for the next document.
    pub fn take(&mut self) -> Vec<u8> {
        self.out.take()
    }

    fn json(&self) -> bool {
        self.format == OutputFormat::Jsonl
    }

    /// Starts a document.
    pub fn begin(&mut self, origin: Origin<'_>) {
        self.boilerplate.clear();
        self.repairs = Repairs::default();
        // Room for the whole record up front (JSON is about ten times the text, the analysed
        // text a little more than it), so that it is written without reallocation.
        let estimate = if self.json() { 10 } else { 2 } * origin.bytes + 1024;
        self.out
            .begin(usize::try_from(estimate.min(MAX_RESERVE)).unwrap_or(0));
        if !self.json() {
            return;
        }
        self.out.push_str("{\"id\":");
        self.out.push_json_string(origin.id);
        self.out.push_str(",\"source\":");
        self.out.push_json_string(origin.source);
        if let Some(line) = origin.line {
            self.out.push_str(",\"line\":");
            self.push_number(line);
        }
        self.out.push_str(",\"bytes\":");
        self.push_number(origin.bytes);
    }

    /// Ends a document that failed or was skipped.
    pub fn failure(&mut self, failure: &Failure) {
        if !self.json() {
            return;
        }
        let status = if failure.skipped { "skipped" } else { "error" };
        self.out.push_str(",\"status\":\"");
        self.out.push_str(status);
        self.out.push_str("\",\"errors\":[");
        self.error(failure.kind, &failure.message, failure.offset);
        self.out.push_str("]}\n");
    }

    fn error(&mut self, kind: &str, message: &str, offset: Option<u64>) {
        self.out.push_str("{\"kind\":");
        self.out.push_json_string(kind);
        self.out.push_str(",\"message\":");
        self.out.push_json_string(message);
        if let Some(offset) = offset {
            self.out.push_str(",\"offset\":");
            self.push_number(offset);
        }
        self.out.push_byte(b'}');
    }

    /// Records the decoding repairs, written with the document's flags.
    pub fn repairs(&mut self, repairs: Repairs) {
        self.repairs = repairs;
    }

    /// The document's language and shape.
    pub fn begin_analysis(
        &mut self,
        language: Language,
        confidence: f32,
        shape: Option<TextShape>,
    ) {
        if !self.json() {
            return;
        }
        self.out.push_str(",\"status\":\"ok\",\"language\":\"");
        self.out.push_str(language.code());
        self.out.push_str("\",\"confidence\":");
        push_fixed3(&mut self.out, confidence);
        if let Some(shape) = shape {
            self.out.push_str(",\"shape\":\"");
            self.out.push_str(shape.name());
            self.out.push_byte(b'"');
        }
        if self.repairs.lossy_from.is_some() {
            self.out.push_str(",\"lossy\":true");
        }
        if self.repairs.nul_bytes > 0 {
            self.out.push_str(",\"nul_bytes\":");
            self.push_number(self.repairs.nul_bytes);
        }
    }

    /// The paragraphs: span, language, detection confidence.
    pub fn paragraphs(&mut self, paragraphs: impl Iterator<Item = (Span, Language, f32)>) {
        if !self.json() {
            return;
        }
        self.out.push_str(",\"paragraphs\":[");
        for (i, (span, language, confidence)) in paragraphs.enumerate() {
            if i > 0 {
                self.out.push_byte(b',');
            }
            self.push_span("{\"start\":", span);
            self.out.push_str(",\"language\":\"");
            self.out.push_str(language.code());
            self.out.push_str("\",\"confidence\":");
            push_fixed3(&mut self.out, confidence);
            self.out.push_byte(b'}');
        }
        self.out.push_byte(b']');
    }

    /// Marks a span as boilerplate (written, in text order, after the sentences).
    pub fn boilerplate(&mut self, span: Span, reason: Reason) {
        self.boilerplate.push((span, reason));
    }

    /// Opens the sentence list.
    pub fn begin_sentences(&mut self) {
        self.first_sentence = true;
        if self.json() {
            self.out.push_str(",\"sentences\":[");
        }
    }

    /// Opens a sentence: `span` in the document `text`.
    pub fn begin_sentence(&mut self, text: &str, span: Span, language: Language) {
        self.first_token = true;
        if !self.json() {
            return;
        }
        self.plain_sentence = span
            .get(text)
            .filter(|sentence| !needs_escape(sentence))
            .map(|_| span);
        if !self.first_sentence {
            self.out.push_byte(b',');
        }
        self.first_sentence = false;
        self.push_span("{\"start\":", span);
        self.out.push_str(",\"language\":\"");
        self.out.push_str(language.code());
        self.out.push_str("\",\"tokens\":[");
    }

    /// Writes a token of the open sentence.
    pub fn token(&mut self, token: &TokenFields<'_>) {
        let first = std::mem::replace(&mut self.first_token, false);
        if !self.json() {
            if !first {
                self.out.push_byte(b' ');
            }
            self.out
                .push_short(token.norm.unwrap_or(token.text).as_bytes());
            return;
        }
        let plain = self
            .plain_sentence
            .is_some_and(|s| s.start <= token.span.start && token.span.end <= s.end);
        if !(self.plain_token(first, plain, token)) {
            self.escaped_token(first, plain, token);
        }
    }

    /// Writes the usual token — nothing to escape, a span below 2³² — with one capacity
    /// check for the whole object; false, writing nothing, for any other.
    #[inline(always)]
    fn plain_token(&mut self, first: bool, plain: bool, token: &TokenFields<'_>) -> bool {
        let escape_free = |s: Option<&str>| s.is_none_or(|s| !needs_escape(s));
        let (Ok(start), Ok(end)) = (
            u32::try_from(token.span.start),
            u32::try_from(token.span.end),
        ) else {
            return false;
        };
        if !((plain || !needs_escape(token.text))
            && escape_free(token.norm)
            && escape_free(token.lemma))
        {
            return false;
        }
        let optional = |s: Option<&str>| s.map_or(0, str::len);
        let room = TOKEN_ROOM + token.text.len() + optional(token.norm) + optional(token.lemma);
        self.out.write(room, |c| {
            // Quotes and keys travel with the constant text around the values.
            if first {
                c.put(b"{\"text\":\"");
            } else {
                c.put(b",{\"text\":\"");
            }
            c.put_any(token.text.as_bytes());
            c.put(b"\",\"start\":");
            c.put_u32(start);
            c.put(b",\"end\":");
            c.put_u32(end);
            c.put_short(kind_field(token.kind).as_bytes());
            if let Some(norm) = token.norm {
                c.put(b",\"norm\":\"");
                c.put_any(norm.as_bytes());
                c.put(b"\"");
            }
            if let Some(lemma) = token.lemma {
                c.put(b",\"lemma\":\"");
                c.put_any(lemma.as_bytes());
                c.put(b"\"");
            }
            if let Some(upos) = token.upos {
                c.put_short(upos_field(upos).as_bytes());
            }
            if token.oov {
                c.put(b",\"oov\":true}");
            } else {
                c.put(b"}");
            }
        })
    }

    /// Writes any token, escaping what needs it.
    #[cold]
    fn escaped_token(&mut self, first: bool, plain: bool, token: &TokenFields<'_>) {
        self.out.push_str(if first {
            "{\"text\":\""
        } else {
            ",{\"text\":\""
        });
        if plain {
            self.out.push_short(token.text.as_bytes());
        } else {
            self.out.push_json_body(token.text);
        }
        self.push_span("\",\"start\":", token.span);
        self.out.push_short(kind_field(token.kind).as_bytes());
        if let Some(norm) = token.norm {
            self.out.push_str(",\"norm\":\"");
            self.out.push_json_body(norm);
            self.out.push_byte(b'"');
        }
        if let Some(lemma) = token.lemma {
            self.out.push_str(",\"lemma\":\"");
            self.out.push_json_body(lemma);
            self.out.push_byte(b'"');
        }
        if let Some(upos) = token.upos {
            self.out.push_short(upos_field(upos).as_bytes());
        }
        self.out
            .push_str(if token.oov { ",\"oov\":true}" } else { "}" });
    }

    /// Writes `opening` (which ends with the `"start":` key) and the span's start and end.
    #[inline]
    fn push_span(&mut self, opening: &str, span: Span) {
        self.out.push_str(opening);
        self.push_number(span.start as u64);
        self.out.push_str(",\"end\":");
        self.push_number(span.end as u64);
    }

    fn push_number(&mut self, n: u64) {
        self.out.push_u64(n);
    }

    /// Closes the open sentence.
    pub fn end_sentence(&mut self) {
        if self.json() {
            self.out.push_str("]}");
        } else if !self.first_token {
            self.out.push_byte(b'\n');
        }
    }

    /// Closes the sentence list.
    pub fn end_sentences(&mut self) {
        if self.json() {
            self.out.push_byte(b']');
        }
    }

    /// Writes the boilerplate, the counts and the warnings, and closes the document.
    pub fn finish(&mut self, text: &str, counts: &DocCounts) {
        if !self.json() {
            self.out.push_byte(b'\n');
            return;
        }
        self.boilerplate.sort_by_key(|(span, _)| span.start);
        self.out.push_str(",\"boilerplate\":[");
        for i in 0..self.boilerplate.len() {
            let (span, reason) = self.boilerplate[i];
            if i > 0 {
                self.out.push_byte(b',');
            }
            self.out.push_str("{\"text\":");
            self.out.push_json_string(span.slice(text));
            self.push_span(",\"start\":", span);
            self.out.push_str(",\"reason\":\"");
            self.out.push_str(reason.name());
            self.out.push_str("\"}");
        }
        for (key, n) in [
            ("],\"counts\":{\"paragraphs\":", counts.paragraphs),
            (",\"sentences\":", counts.sentences),
            (",\"tokens\":", counts.tokens),
            (",\"words\":", counts.words),
            (",\"oov\":", counts.oov),
            (",\"boilerplate\":", counts.boilerplate),
        ] {
            self.out.push_str(key);
            self.push_number(n);
        }
        self.out.push_byte(b'}');
        self.out.push_str(",\"errors\":[");
        if let Some(offset) = self.repairs.lossy_from {
            self.error(
                "invalid-utf8",
                &format!(
                    "invalid UTF-8 from byte offset {offset} replaced by U+FFFD (--lossy); spans index the repaired text"
                ),
                Some(offset),
            );
        }
        self.out.push_str("]}\n");
    }
}

#[cfg(test)]
mod tests {
    use super::{DocRecord, OutputFormat, TokenFields, kind_field, push_fixed3, upos_field};
    use core_model::{Span, TokenKind, Upos};

    #[test]
    fn field_pieces_spell_the_names() {
        for upos in Upos::ALL {
            assert_eq!(upos_field(upos), format!(",\"upos\":\"{}\"", upos.name()));
        }
        let kinds = [
            TokenKind::Word,
            TokenKind::Compound,
            TokenKind::Number,
            TokenKind::Date,
            TokenKind::Abbreviation,
            TokenKind::Initial,
            TokenKind::Url,
            TokenKind::Email,
            TokenKind::Hashtag,
            TokenKind::Emoji,
            TokenKind::Punct,
            TokenKind::Symbol,
            TokenKind::Other,
        ];
        for kind in kinds {
            // A kind added to core-model without a piece here fails to compile (the match).
            assert_eq!(kind_field(kind), format!(",\"kind\":\"{}\"", kind.name()));
        }
    }
    use proptest::prelude::*;

    fn fixed3(value: f32) -> String {
        let mut out = super::Out::default();
        push_fixed3(&mut out, value);
        String::from_utf8(out.take()).expect("UTF-8")
    }

    #[test]
    fn three_decimals_round_ties_to_even_like_format() {
        // Exact ties (x.5 thousandths), the ends, and values outside 0..=1.
        for value in [
            0.0f32,
            1.0,
            0.5,
            0.0625,
            0.1875,
            0.3125,
            0.4375,
            0.9375,
            0.0005,
            0.9995,
            0.99951,
            -0.25,
            1.5,
            f32::NAN,
        ] {
            assert_eq!(fixed3(value), format!("{value:.3}"), "{value:e}");
        }
    }

    proptest! {
        #[test]
        fn three_decimals_match_format(value in 0.0f32..=1.0) {
            prop_assert_eq!(fixed3(value), format!("{value:.3}"));
        }
    }

    proptest! {
        /// The token writer with one capacity check writes what the general one writes, for
        /// every token it takes (spans below 2³², nothing to escape), short or long, and
        /// takes exactly those.
        #[test]
        fn one_check_token_writer_matches_the_general_one(
            text in "[^\u{0}-\u{1f}]{0,40}|[a-z\"\\\\\n]{0,8}",
            plain in any::<bool>(),
            norm in proptest::option::of("[a-zà-ỹ]{0,40}"),
            lemma in proptest::option::of("[а-яіїєґʼ]{0,30}"),
            start in prop_oneof![0usize..100_000, 0usize..5_000_000_000],
            len in 0usize..100,
            first in any::<bool>(),
            oov in any::<bool>(),
            upos in proptest::option::of(0usize..Upos::ALL.len()),
            kind in 0usize..3,
        ) {
            let token = TokenFields {
                text: &text,
                span: Span::new(start, start + len),
                kind: [TokenKind::Word, TokenKind::Abbreviation, TokenKind::Punct][kind],
                norm: norm.as_deref(),
                lemma: lemma.as_deref(),
                upos: upos.map(|i| Upos::ALL[i]),
                oov,
            };
            let mut one_check = DocRecord::new(OutputFormat::Jsonl);
            let mut general = DocRecord::new(OutputFormat::Jsonl);
            // A plain sentence holds no byte to escape.
            let plain = plain && !super::needs_escape(&text);
            let taken = one_check.plain_token(first, plain, &token);
            general.escaped_token(first, plain, &token);
            let fits = start + len <= u32::MAX as usize;
            prop_assert_eq!(taken, fits && !super::needs_escape(&text));
            if taken {
                prop_assert_eq!(one_check.take(), general.take());
            } else {
                prop_assert!(one_check.take().is_empty());
            }
        }
    }
}
