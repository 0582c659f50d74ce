//! Builds a Morph lexicon from a TSV of `form<TAB>lemma<TAB>upos-code` lines (sorted by form
//! bytes) and reports its size and timings.
//!
//! ```text
//! cargo run --release -p index --example morph_tsv -- pairs.tsv out.vnlx
//! ```

use std::io::BufRead;
use std::time::Instant;

use core_model::Upos;
use index::{MorphInput, MorphLexicon, MorphLexiconBuilder};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        eprintln!("usage: morph_tsv <pairs.tsv> <out.vnlx>");
        std::process::exit(2);
    };
    let started = Instant::now();
    let reader = std::io::BufReader::new(std::fs::File::open(&input)?);
    let mut builder = MorphLexiconBuilder::new(0);
    let mut current_form = String::new();
    let mut lemmas: Vec<(String, Upos)> = Vec::new();
    let mut pairs = 0u64;
    let flush = |builder: &mut MorphLexiconBuilder,
                 form: &str,
                 lemmas: &[(String, Upos)]|
     -> Result<(), index::Error> {
        if lemmas.is_empty() {
            return Ok(());
        }
        let inputs: Vec<MorphInput<'_>> = lemmas
            .iter()
            .map(|(lemma, upos)| MorphInput {
                lemma,
                upos: *upos,
                flags: 0,
            })
            .collect();
        builder.insert(form, &inputs)
    };
    for line in reader.lines() {
        let line = line?;
        let mut fields = line.split('\t');
        let (Some(form), Some(lemma), Some(upos)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let upos = Upos::from_u8(upos.parse()?).unwrap_or(Upos::X);
        if form != current_form {
            flush(&mut builder, &current_form, &lemmas)?;
            lemmas.clear();
            current_form.clear();
            current_form.push_str(form);
        }
        lemmas.push((lemma.to_owned(), upos));
        pairs += 1;
    }
    flush(&mut builder, &current_form, &lemmas)?;
    let (forms, sets, suffixes) = (builder.len(), builder.set_count(), builder.suffix_count());
    builder.finish(&output)?;
    let built = started.elapsed();

    let started = Instant::now();
    let morph = MorphLexicon::open(&output)?;
    let opened = started.elapsed();
    let started = Instant::now();
    morph.verify()?;
    let verified = started.elapsed();
    let info = morph.info();
    println!("pairs {pairs}, forms {forms}, sets {sets}, suffixes {suffixes}");
    println!(
        "file {} bytes ({:.2} MiB, {:.2} bytes/form); build {built:.2?} (incl. reading), open {opened:.2?}, verify {verified:.2?}",
        info.file_size,
        info.file_size as f64 / (1 << 20) as f64,
        info.bytes_per_key()
    );
    for section in &info.sections {
        println!("  {:<22} {:>10} bytes", section.name, section.len);
    }
    Ok(())
}
