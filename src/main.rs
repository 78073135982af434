//! The `wirecheck` binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;

// Tokenizing and aligning allocate many small strings; mimalloc is much faster at that than
// the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = wirecheck::cli::Cli::parse();
    match wirecheck::cli::run(cli) {
        Ok(exit) => ExitCode::from(exit as u8),
        // A closed pipe (`wirecheck ... | head`) is the reader's choice, not an error.
        Err(wirecheck::error::Error::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(err) => {
            let err = anyhow::Error::from(err);
            // File names in errors are data: shown visibly escaped, never emitted raw.
            // Every error's message already names its cause; `{:#}` would print it twice.
            let message = err.to_string();
            eprintln!(
                "wirecheck: error: {}",
                wirecheck::report::escape::escape(&message)
            );
            ExitCode::from(wirecheck::cli::Exit::Trouble as u8)
        }
    }
}
