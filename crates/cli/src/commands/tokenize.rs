//! `vnuk tokenize`: Ukrainian or Vietnamese tokens, line for line, as text or JSON lines.

use crate::args::{TokenizeArgs, TokenizeFormat};
use crate::commands::CommandError;
use crate::commands::input::for_each_input;
use crate::commands::json::{push_json_string, push_line_header};
use core_model::{Language, Token};
use std::io::{self, Write};
use std::process::ExitCode;

/// Writes one line's tokens as a JSON object: `{"line":…,"tokens":[…]}`, with byte offsets
/// into the whole input.
fn push_json_line(
    out: &mut String,
    file: Option<&str>,
    line_number: usize,
    line: &str,
    offset: usize,
    tokens: &[Token],
) {
    use std::fmt::Write as _;
    push_line_header(out, file, line_number);
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"text\":");
        push_json_string(out, token.span.get(line).unwrap_or_default());
        let _ = write!(
            out,
            ",\"kind\":\"{}\",\"start\":{},\"end\":{}}}",
            token.kind.name(),
            offset + token.span.start,
            offset + token.span.end
        );
    }
    out.push_str("]}\n");
}

/// Runs `vnuk tokenize`.
pub fn run(args: &TokenizeArgs) -> Result<ExitCode, CommandError> {
    let tokenize: fn(&str, &mut Vec<Token>) = match args.lang {
        Language::Uk => uk_text::tokenize_into,
        // Vietnamese tokens are syllables, punctuation, numbers, URLs…: `vnuk segment`
        // joins syllables into words.
        Language::Vi => vi_text::tokenize::pretokenize,
        other => {
            return Err(
                format!("tokenize: --lang {other} is not supported (supported: uk, vi)").into(),
            );
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut buf = String::new();
    let mut tokens = Vec::new();
    let several = args.files.len() > 1;
    for_each_input(&args.files, |name, text| {
        let mut offset = 0;
        for (index, line) in text.split_inclusive('\n').enumerate() {
            let content = line.trim_end_matches(['\n', '\r']);
            tokens.clear();
            tokenize(content, &mut tokens);
            buf.clear();
            match args.format {
                TokenizeFormat::Text => {
                    for (i, token) in tokens.iter().enumerate() {
                        if i > 0 {
                            buf.push(' ');
                        }
                        buf.push_str(token.span.get(content).unwrap_or_default());
                    }
                    buf.push('\n');
                }
                TokenizeFormat::Jsonl => {
                    let file = several.then_some(name);
                    push_json_line(&mut buf, file, index + 1, content, offset, &tokens);
                }
            }
            out.write_all(buf.as_bytes())?;
            offset += line.len();
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
