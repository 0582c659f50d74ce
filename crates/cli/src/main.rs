//! The `vnuk` binary. All logic lives in the `vnuk_cli` library so that `xtask` and the tests
//! share it.

fn main() -> std::process::ExitCode {
    vnuk_cli::run()
}
