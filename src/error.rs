//! Failures (never findings): input that cannot be read, configuration that is wrong.

use std::path::PathBuf;

/// A problem with one input. The run reports it, counts it, and goes on with the other inputs.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: no such file or directory")]
    Missing { path: String },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: file is empty")]
    Empty { path: String },
    #[error(
        "{path}: binary file (NUL byte at offset {offset}), not an article; \
         text must be UTF-8, UTF-16 with a byte-order mark, or a legacy 8-bit encoding"
    )]
    Binary { path: String, offset: usize },
    #[error(
        "{path}: larger than the size limit of {} (raise it with --max-file-size)",
        crate::cli::human_size(*limit)
    )]
    TooLarge { path: String, limit: u64 },
    #[error("{path}: directory holds no readable article")]
    EmptyDirectory { path: String },
    #[error("{path}:{line}: {message}")]
    JsonLine {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}:{line}: JSON object has no string field `text`")]
    JsonMissingText { path: String, line: usize },
    #[error("{path}: no article text left after cleaning")]
    NoText { path: String },
}

/// A failure that stops the run before any checking (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read configuration: {source}")]
    ConfigIo {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Config {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{0}")]
    Usage(String),
    #[error("no readable article among the inputs")]
    NoInput,
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
}
