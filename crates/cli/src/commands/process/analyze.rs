//! One document, analysed: paragraphs and their languages, boilerplate, the Vietnamese shape,
//! sentences and tokens (segmented for Vietnamese, lemmatized for Ukrainian), written as one
//! JSON line (or as analysed text) together with the counts the summary adds up.

use super::boilerplate::{self, Reason};
use super::norm_memo::NormMemo;
use super::record::{DocRecord, TokenFields};
use core_model::{Language, Span, Token, TokenKind, same_bytes};
use uk_text::lemmatize::UkLemmatizer;
use vi_text::segment::{SegmentOptions, Segmentation, Segmenter};
use vi_text::sentence::SentenceKind;
use vi_text::text_shape::{TextShape, detect_shape};

/// Below this confidence an English reading of a short paragraph in a Vietnamese or
/// Ukrainian document (a name, a title) is not trusted: the paragraph takes the document's
/// language.
const WEAK_ENGLISH: f32 = 0.5;

/// The analysers shared by every worker thread.
pub struct Analyzer {
    segmenter: Segmenter,
    lemmatizer: UkLemmatizer,
    vi_normalizer: vi_text::normalize::Normalizer,
    uk_normalizer: uk_text::Normalizer,
}

/// A paragraph: one non-empty line.
#[derive(Debug, Clone, Copy)]
struct Paragraph {
    span: Span,
    language: Language,
    confidence: f32,
    boilerplate: Option<Reason>,
}

/// Per-thread working memory, reused from document to document.
#[derive(Default)]
pub struct Scratch {
    paragraphs: Vec<Paragraph>,
    vi_sentences: Vec<vi_text::sentence::Sentence>,
    tokens: Vec<Token>,
    spans: Vec<Span>,
    sentences: Vec<(Span, std::ops::Range<usize>)>,
    segmentation: Segmentation,
    form: String,
    norm: String,
    /// Per Ukrainian token of a sentence: its normalized form's range in `norm` and whether
    /// it differs from the text, or `None` when the form is the text itself.
    norm_spans: Vec<Option<(usize, usize, bool)>>,
    analyses: uk_text::lemmatize::SentenceAnalyses,
    vi_norms: NormMemo,
}

/// Counts of one analysed document.
#[derive(Debug, Default, Clone, Copy)]
pub struct DocCounts {
    /// Non-empty lines.
    pub paragraphs: u64,
    /// Sentences analysed.
    pub sentences: u64,
    /// Tokens of all kinds.
    pub tokens: u64,
    /// Word tokens (words, compounds, abbreviations) of an analysed language.
    pub words: u64,
    /// Word tokens not in the lexicon (Vietnamese) or whose lemma was guessed (Ukrainian).
    pub oov: u64,
    /// Boilerplate paragraphs and sentences marked.
    pub boilerplate: u64,
    /// Their bytes.
    pub boilerplate_bytes: u64,
    /// Boilerplate marks per reason, in [`Reason::ALL`] order.
    pub by_reason: [u64; Reason::ALL.len()],
}

/// What the analysis of one document found, for the summary.
#[derive(Debug, Clone, Copy)]
pub struct DocFacts {
    /// The document's language.
    pub language: Language,
    /// The Vietnamese shape, for Vietnamese documents.
    pub shape: Option<TextShape>,
    /// The counts.
    pub counts: DocCounts,
}

impl Analyzer {
    /// An analyser over the given segmenter and lemmatizer.
    #[must_use]
    pub fn new(segmenter: Segmenter, lemmatizer: UkLemmatizer) -> Analyzer {
        Analyzer {
            segmenter,
            lemmatizer,
            vi_normalizer: vi_text::normalize::Normalizer::new(),
            uk_normalizer: uk_text::Normalizer::default(),
        }
    }

    /// Analyses `text` into `record` (a JSON object, or analysed text when `record` writes
    /// text) and returns what it found.
    pub fn analyze(&self, text: &str, s: &mut Scratch, record: &mut DocRecord) -> DocFacts {
        self.find_paragraphs(text, s);
        let (language, confidence) = document_language(&s.paragraphs);
        for paragraph in &mut s.paragraphs {
            if paragraph.language == Language::Und
                || (paragraph.language == Language::En
                    && language != Language::En
                    && paragraph.confidence < WEAK_ENGLISH)
            {
                paragraph.language = language;
            }
        }
        mark_boilerplate(text, &mut s.paragraphs);
        let shape = (language == Language::Vi).then(|| detect_shape(text));
        record.begin_analysis(language, confidence, shape);
        record.paragraphs(
            s.paragraphs
                .iter()
                .map(|p| (p.span, p.language, p.confidence)),
        );

        let mut counts = DocCounts {
            paragraphs: s.paragraphs.len() as u64,
            ..DocCounts::default()
        };
        for i in 0..s.paragraphs.len() {
            let paragraph = s.paragraphs[i];
            if let Some(reason) = paragraph.boilerplate {
                count_boilerplate(&mut counts, reason, paragraph.span);
                record.boilerplate(paragraph.span, reason);
            }
        }
        record.begin_sentences();
        for i in 0..s.paragraphs.len() {
            let paragraph = s.paragraphs[i];
            if paragraph.boilerplate.is_some() {
                continue;
            }
            match paragraph.language {
                Language::Vi => {
                    self.vietnamese(text, paragraph.span, shape, s, record, &mut counts)
                }
                Language::Uk => self.ukrainian(text, paragraph.span, s, record, &mut counts),
                other => tokens_only(text, paragraph.span, other, s, record, &mut counts),
            }
        }
        record.end_sentences();
        record.finish(text, &counts);
        DocFacts {
            language,
            shape,
            counts,
        }
    }

    /// Fills `s.paragraphs`: every non-empty line (lines end at `\n` and at NUL bytes),
    /// trimmed, with its detected language.
    fn find_paragraphs(&self, text: &str, s: &mut Scratch) {
        s.paragraphs.clear();
        let mut start = 0;
        // Line breaks and NUL bytes are found with a SIMD search; both are ASCII, so every
        // piece is cut on character boundaries.
        let ends = memchr::memchr2_iter(b'\n', 0, text.as_bytes()).chain([text.len()]);
        for end in ends {
            let piece = text.get(start..end).unwrap_or_default();
            let leading = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                let span = Span::new(start + leading, start + leading + trimmed.len());
                let detection = uk_text::detect(detection_sample(trimmed));
                s.paragraphs.push(Paragraph {
                    span,
                    language: detection.language,
                    confidence: detection.confidence,
                    boilerplate: None,
                });
            }
            start = end + 1;
        }
    }

    /// Sentences of a Vietnamese paragraph, segmented into words.
    fn vietnamese(
        &self,
        text: &str,
        span: Span,
        shape: Option<TextShape>,
        s: &mut Scratch,
        record: &mut DocRecord,
        counts: &mut DocCounts,
    ) {
        let paragraph = span.slice(text);
        s.vi_sentences.clear();
        if shape == Some(TextShape::LmClean) {
            // One sentence per line, nothing to split on.
            s.vi_sentences.push(vi_text::sentence::Sentence {
                span: Span::new(0, paragraph.len()),
                kind: SentenceKind::Text,
            });
        } else {
            vi_text::sentence::sentences_into(paragraph, &mut s.vi_sentences);
        }
        let words_loaded = self.segmenter.words().is_some();
        for i in 0..s.vi_sentences.len() {
            let sentence = s.vi_sentences[i];
            let absolute = sentence.span.shifted(span.start);
            let reason = match sentence.kind {
                SentenceKind::Text => None,
                SentenceKind::Caption => Some(Reason::PhotoCaption),
                SentenceKind::Credit => Some(Reason::PhotoCredit),
            };
            if let Some(reason) = reason {
                count_boilerplate(counts, reason, absolute);
                record.boilerplate(absolute, reason);
                continue;
            }
            let sentence_text = absolute.slice(text);
            self.segmenter.segment(
                sentence_text,
                SegmentOptions::default(),
                &mut s.segmentation,
            );
            record.begin_sentence(text, absolute, Language::Vi);
            counts.sentences += 1;
            for token in s.segmentation.tokens() {
                let token_span = token.span.shifted(absolute.start);
                let original = token_span.slice(text);
                // A one-atom word's form is its own text; a compound's joins its atoms by `_`.
                let form = if token.atom_count() == 1 {
                    original
                } else {
                    s.form.clear();
                    s.segmentation.write_form(sentence_text, token, &mut s.form);
                    s.form.as_str()
                };
                // ASCII needs no normalization (a property test of vi-text holds it to that).
                let norm = if form.is_ascii() {
                    form
                } else {
                    s.vi_norms
                        .changed(&self.vi_normalizer, form, &mut s.norm)
                        .unwrap_or(form)
                };
                let lexical = matches!(token.kind, TokenKind::Word | TokenKind::Compound);
                let mut oov = false;
                if lexical {
                    counts.words += 1;
                    // A single valid syllable is Vietnamese even when the word list lacks it.
                    oov = words_loaded
                        && !s.segmentation.in_lexicon(token)
                        && !(token.atom_count() == 1 && vi_text::is_valid_syllable(norm));
                    counts.oov += u64::from(oov);
                }
                counts.tokens += 1;
                record.token(&TokenFields {
                    text: original,
                    span: token_span,
                    kind: token.kind,
                    // Most forms are the very bytes of the text: no need to compare them.
                    norm: (!std::ptr::eq(norm, original)
                        && !same_bytes(norm.as_bytes(), original.as_bytes()))
                    .then_some(norm),
                    lemma: None,
                    upos: None,
                    oov,
                });
            }
            record.end_sentence();
        }
    }

    /// Sentences of a Ukrainian paragraph, tokenized, normalized and lemmatized.
    fn ukrainian(
        &self,
        text: &str,
        span: Span,
        s: &mut Scratch,
        record: &mut DocRecord,
        counts: &mut DocCounts,
    ) {
        split_paragraph(span.slice(text), s);
        for (sentence, range) in &s.sentences {
            let absolute = sentence.shifted(span.start);
            record.begin_sentence(text, absolute, Language::Uk);
            counts.sentences += 1;
            let tokens = s.tokens.get(range.clone()).unwrap_or(&[]);
            // Normalized forms, one arena per sentence: (start, end, changed).
            s.norm.clear();
            s.norm_spans.clear();
            for token in tokens {
                let original = token.span.shifted(span.start).slice(text);
                let start = s.norm.len();
                if self.uk_normalizer.needs_no_change(original) {
                    s.norm_spans.push(None);
                    continue;
                }
                // Unchanged text is appended as it is.
                let changed = self.uk_normalizer.normalize_into(original, &mut s.norm);
                s.norm_spans.push(Some((start, s.norm.len(), changed)));
            }
            let forms = tokens.iter().zip(&s.norm_spans).map(|(token, norm)| {
                let form = match *norm {
                    Some((start, end, _)) => s.norm.get(start..end).unwrap_or_default(),
                    None => token.span.shifted(span.start).slice(text),
                };
                (form, token.kind)
            });
            self.lemmatizer.lemmatize_sentence(forms, &mut s.analyses);
            for (i, (token, norm)) in tokens.iter().zip(&s.norm_spans).enumerate() {
                let token_span = token.span.shifted(span.start);
                let original = token_span.slice(text);
                let analysis = s.analyses.get(i);
                let lexical = token.kind.is_lexical();
                let oov = lexical && analysis.is_some_and(|(_, _, guessed)| guessed);
                counts.tokens += 1;
                counts.words += u64::from(lexical);
                counts.oov += u64::from(oov);
                record.token(&TokenFields {
                    text: original,
                    span: token_span,
                    kind: token.kind,
                    norm: norm
                        .filter(|&(_, _, changed)| changed)
                        .map(|(start, end, _)| s.norm.get(start..end).unwrap_or_default()),
                    lemma: analysis.map(|(lemma, _, _)| lemma),
                    upos: analysis.map(|(_, upos, _)| upos),
                    oov,
                });
            }
            record.end_sentence();
        }
    }
}

/// Sentences of a paragraph in a language vnuk does not analyse (or not as the document's
/// language): tokens with their spans and kinds only.
fn tokens_only(
    text: &str,
    span: Span,
    language: Language,
    s: &mut Scratch,
    record: &mut DocRecord,
    counts: &mut DocCounts,
) {
    split_paragraph(span.slice(text), s);
    for (sentence, range) in &s.sentences {
        let absolute = sentence.shifted(span.start);
        record.begin_sentence(text, absolute, language);
        counts.sentences += 1;
        for token in s.tokens.get(range.clone()).unwrap_or(&[]) {
            let token_span = token.span.shifted(span.start);
            counts.tokens += 1;
            record.token(&TokenFields {
                text: token_span.slice(text),
                span: token_span,
                kind: token.kind,
                norm: None,
                lemma: None,
                upos: None,
                oov: false,
            });
        }
        record.end_sentence();
    }
}

/// Tokenizes a paragraph with the Ukrainian tokenizer (which also serves Russian and
/// English) and splits it into sentences: fills `s.tokens`, and `s.sentences` with each
/// sentence's span and range of tokens.
fn split_paragraph(paragraph: &str, s: &mut Scratch) {
    s.tokens.clear();
    uk_text::tokenize_into(paragraph, &mut s.tokens);
    s.spans.clear();
    uk_text::sentence::sentences_into(paragraph, &s.tokens, &mut s.spans);
    s.sentences.clear();
    let mut next = 0;
    for sentence in &s.spans {
        let first = next;
        while s
            .tokens
            .get(next)
            .is_some_and(|t| t.span.start < sentence.end)
        {
            next += 1;
        }
        s.sentences.push((*sentence, first..next));
    }
}

/// Most bytes of a paragraph the language detector reads: a few sentences tell the
/// language as well as a whole long paragraph does, at a fraction of the cost.
const DETECTION_SAMPLE: usize = 200;

/// The start of `paragraph`, cut at a character boundary near [`DETECTION_SAMPLE`] bytes.
fn detection_sample(paragraph: &str) -> &str {
    if paragraph.len() <= DETECTION_SAMPLE {
        return paragraph;
    }
    let mut end = DETECTION_SAMPLE;
    while !paragraph.is_char_boundary(end) {
        end -= 1;
    }
    &paragraph[..end]
}

fn count_boilerplate(counts: &mut DocCounts, reason: Reason, span: Span) {
    counts.boilerplate += 1;
    counts.boilerplate_bytes += span.len() as u64;
    if let Some(i) = Reason::ALL.iter().position(|&r| r == reason) {
        counts.by_reason[i] += 1;
    }
}

/// The document's language: the language most of its paragraph bytes are detected in (`und`
/// when none is), with the share of detected bytes it has as confidence.
fn document_language(paragraphs: &[Paragraph]) -> (Language, f32) {
    const LANGUAGES: [Language; 4] = [Language::Vi, Language::Uk, Language::Ru, Language::En];
    let mut weights = [0.0f64; LANGUAGES.len()];
    for paragraph in paragraphs {
        if let Some(i) = LANGUAGES.iter().position(|&l| l == paragraph.language) {
            weights[i] += paragraph.span.len() as f64 * f64::from(paragraph.confidence);
        }
    }
    let total: f64 = weights.iter().sum();
    let Some((best, &weight)) = weights
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .filter(|(_, w)| **w > 0.0)
    else {
        return (Language::Und, 0.0);
    };
    (LANGUAGES[best], (weight / total) as f32)
}

/// Marks boilerplate paragraphs: furniture lines, and the caption line before a credit line.
fn mark_boilerplate(text: &str, paragraphs: &mut [Paragraph]) {
    let mut previous = None;
    for paragraph in paragraphs.iter_mut() {
        paragraph.boilerplate = boilerplate::classify(paragraph.span.slice(text), previous);
        previous = paragraph.boilerplate;
    }
    for i in 1..paragraphs.len() {
        if paragraphs[i].boilerplate == Some(Reason::PhotoCredit)
            && paragraphs[i - 1].boilerplate.is_none()
            && boilerplate::can_be_caption(paragraphs[i - 1].span.slice(text))
        {
            paragraphs[i - 1].boilerplate = Some(Reason::PhotoCaption);
        }
    }
}
