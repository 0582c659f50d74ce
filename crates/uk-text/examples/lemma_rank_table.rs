//! Writes the lemma ranking table built from `<shared>/eval/uk/parlamint/` dev to stdout:
//! `cargo run -p uk-text --example lemma_rank_table -- ../shared > data/models/uk-lemma-rank.tsv`.

fn main() -> std::process::ExitCode {
    let shared = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared".to_owned());
    match uk_text::lemmatize::rank::build_shipped(std::path::Path::new(&shared)) {
        Ok(text) => {
            print!("{text}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("lemma_rank_table: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
