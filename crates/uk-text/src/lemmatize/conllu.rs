//! A minimal CoNLL-U reader: the word lines (form, lemma, UPOS) of each sentence.
//!
//! Multi-word token ranges (`1-2`) and empty nodes (`1.1`) are skipped; comments and blank
//! lines separate sentences.

use core_model::Upos;

/// One word of a CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldWord {
    /// The form as written.
    pub form: String,
    /// The gold lemma.
    pub lemma: String,
    /// The gold tag ([`Upos::X`] for an unknown tag name).
    pub upos: Upos,
}

/// A malformed CoNLL-U line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct ConlluError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub problem: String,
}

/// Parses CoNLL-U text into sentences of words.
///
/// ```
/// let text = "# text = Ми були\n1\tМи\tми\tPRON\t_\t_\t0\troot\t_\t_\n2\tбули\tбути\tAUX\t_\t_\t1\tcop\t_\t_\n\n";
/// let sentences = uk_text::lemmatize::conllu::parse(text)?;
/// assert_eq!(sentences.len(), 1);
/// assert_eq!(sentences[0][1].lemma, "бути");
/// # Ok::<(), uk_text::lemmatize::conllu::ConlluError>(())
/// ```
///
/// # Errors
/// [`ConlluError`] for a word line with fewer than four tab-separated fields.
pub fn parse(text: &str) -> Result<Vec<Vec<GoldWord>>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !current.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(id), Some(form), Some(lemma), Some(upos)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return Err(ConlluError {
                line: index + 1,
                problem: format!("expected 10 tab-separated fields, found {line:?}"),
            });
        };
        if id.contains('-') || id.contains('.') {
            continue;
        }
        current.push(GoldWord {
            form: form.to_owned(),
            lemma: lemma.to_owned(),
            upos: Upos::from_name(upos).unwrap_or(Upos::X),
        });
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_ranges_and_comments() {
        let text = "# sent_id = 1\n1-2\tдо_ні\t_\t_\t_\t_\t_\t_\t_\t_\n1\tдо\tдо\tADP\t_\t_\t2\tcase\t_\t_\n2\tКиєва\tКиїв\tPROPN\t_\t_\t0\troot\t_\t_\n\n\n1\tТак\tтак\tPART\t_\t_\t0\troot\t_\t_";
        let sentences = parse(text).unwrap();
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0].len(), 2);
        assert_eq!(sentences[0][1].upos, Upos::Propn);
        assert_eq!(sentences[1][0].form, "Так");
        assert_eq!(parse("1\tx\n").unwrap_err().line, 1);
    }
}
