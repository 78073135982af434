//! wirecheck: checks news coverage of the same event across outlets.
//!
//! The pipeline: [`ingest`] reads and cleans articles, [`text`] splits sentences and identifies
//! languages, [`checks`] push findings, [`report`] renders them. Stages return data; only checks
//! produce findings, only reporters print.

pub mod checks;
pub mod cli;
pub mod config;
pub mod error;
pub mod ingest;
pub mod model;
pub mod report;
pub mod text;

use model::{Document, Finding};

/// What a run produced: the documents as read, and the findings, sorted.
#[derive(Debug, Default)]
pub struct Analysis {
    pub documents: Vec<Document>,
    pub findings: Vec<Finding>,
}

/// Runs every enabled check over already loaded documents.
pub fn analyse(documents: Vec<Document>, config: &config::Config) -> Analysis {
    let findings = checks::run_all(&checks::Context {
        documents: &documents,
        config,
    });
    Analysis {
        documents,
        findings,
    }
}
