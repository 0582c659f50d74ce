//! `vnuk lemmatize --lang uk`: one `token<TAB>lemma<TAB>UPOS` line per token (an empty line
//! after each input line), or JSON lines; and `vnuk eval lemma FILE.conllu`.

use crate::args::{EvalLemmaArgs, LemmatizeArgs, LemmatizeFormat};
use crate::commands::CommandError;
use crate::commands::input::for_each_input;
use crate::commands::json::{push_json_string, push_line_header};
use core_model::{Language, Token, TokenKind, Upos};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use uk_text::lemmatize::{UkLemmatizer, conllu, eval};

/// Opens the Ukrainian lemmatizer, building the form lexicon first when needed.
///
/// # Errors
/// When the lexicon cannot be built or opened.
pub fn open_lemmatizer(data_dir: &Path) -> Result<UkLemmatizer, CommandError> {
    let morph = crate::artifacts::open_morph(data_dir)?;
    Ok(UkLemmatizer::new(morph))
}

/// The tokens of one line: the tokenizer's, or the space-separated ones when pretokenized.
fn line_tokens(line: &str, pretokenized: bool, out: &mut Vec<Token>) {
    out.clear();
    if pretokenized {
        let mut start = None;
        for (i, c) in line.char_indices().chain([(line.len(), ' ')]) {
            match (c == ' ' || c == '\t', start) {
                (true, Some(s)) => {
                    out.push(Token::new(core_model::Span::new(s, i), TokenKind::Word));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
    } else {
        uk_text::tokenize_into(line, out);
    }
}

/// Runs `vnuk lemmatize`.
pub fn run(args: &LemmatizeArgs, data_dir: &Path) -> Result<ExitCode, CommandError> {
    if args.lang != Language::Uk {
        return Err(format!(
            "vnuk lemmatize: language {} is not supported (only uk)",
            args.lang
        )
        .into());
    }
    let lemmatizer = open_lemmatizer(data_dir)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let (mut tokens, mut buf) = (Vec::new(), String::new());
    let mut analyses = uk_text::lemmatize::SentenceAnalyses::default();
    for_each_input(&args.files, |name, text| {
        let mut offset = 0;
        for (number, raw) in text.split_inclusive('\n').enumerate() {
            let line = raw.trim_end_matches(['\n', '\r']);
            line_tokens(line, args.pretokenized, &mut tokens);
            buf.clear();
            if args.format == LemmatizeFormat::Jsonl {
                push_line_header(&mut buf, (args.files.len() > 1).then_some(name), number + 1);
            }
            // Each token, then the choices that depend on the next word (його/її/їх).
            let forms = tokens
                .iter()
                .map(|t| (t.span.get(line).unwrap_or_default(), t.kind));
            lemmatizer.lemmatize_sentence(forms, &mut analyses);
            for (i, token) in tokens.iter().enumerate() {
                let form = token.span.get(line).unwrap_or_default();
                let (lemma, upos, guessed) = analyses.get(i).unwrap_or((form, Upos::X, true));
                match args.format {
                    LemmatizeFormat::Tsv => {
                        let _ = writeln!(buf, "{form}\t{lemma}\t{upos}");
                    }
                    LemmatizeFormat::Jsonl => {
                        if i > 0 {
                            buf.push(',');
                        }
                        buf.push_str("{\"text\":");
                        push_json_string(&mut buf, form);
                        buf.push_str(",\"lemma\":");
                        push_json_string(&mut buf, lemma);
                        let _ = write!(
                            buf,
                            ",\"upos\":\"{upos}\",\"guessed\":{guessed},\"start\":{},\"end\":{}}}",
                            offset + token.span.start,
                            offset + token.span.end
                        );
                    }
                }
            }
            match args.format {
                LemmatizeFormat::Tsv => buf.push('\n'),
                LemmatizeFormat::Jsonl => buf.push_str("]}\n"),
            }
            out.write_all(buf.as_bytes())?;
            offset += raw.len();
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `vnuk eval lemma`.
pub fn eval_lemma(args: &EvalLemmaArgs, data_dir: &Path) -> Result<ExitCode, CommandError> {
    let text = std::fs::read_to_string(&args.file)
        .map_err(|e| format!("{}: cannot read: {e}", args.file.display()))?;
    let sentences = conllu::parse(&text).map_err(|e| format!("{}: {e}", args.file.display()))?;
    let lemmatizer = open_lemmatizer(data_dir)?;
    let report = eval::evaluate(
        &lemmatizer,
        sentences.iter().map(Vec::as_slice),
        args.misses,
    );
    println!(
        "{}: {} sentences; content tokens (not PUNCT, NUM, SYM), lemmas compared lower-cased, apostrophes unified, stress marks removed",
        args.file.display(),
        sentences.len()
    );
    print!("{report}");
    for miss in &report.misses {
        println!(
            "miss\t{}\t{}\t{}\t{}\t{}{}",
            miss.form,
            miss.gold.0,
            miss.gold.1,
            miss.got.0,
            miss.got.1,
            if miss.in_candidates {
                "\tin candidates"
            } else {
                ""
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}
