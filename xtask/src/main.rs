//! `cargo xtask <task>`: vnuk's build tasks.

use std::process::ExitCode;

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    match task.as_deref() {
        _ => {
            eprintln!("usage: cargo xtask build-data");
            ExitCode::from(2)
        }
    }
}
