//! wirecheck: checks news coverage of the same event across outlets.
//!
//! The pipeline: [`ingest`] reads and cleans articles, [`text`] splits sentences and identifies
//! languages, [`checks`] push findings, [`report`] renders them. Stages return data; only checks
//! produce findings, only reporters print.

pub mod analysis;
pub mod checks;
pub mod cli;
pub mod config;
pub mod error;
pub mod index;
pub mod ingest;
pub mod model;
pub mod report;
pub mod text;

use model::{Document, Finding};

/// What a run produced: the documents as read, the corpus facts, and the findings, sorted.
#[derive(Debug)]
pub struct Analysis {
    pub documents: Vec<Document>,
    pub corpus: analysis::Corpus,
    pub findings: Vec<Finding>,
}

/// Clusters, aligns and checks already loaded documents.
pub fn analyse(documents: Vec<Document>, config: &config::Config) -> Analysis {
    let corpus = analysis::analyse(&documents, &config.cluster, &config.align);
    let findings = checks::run_all(&checks::Context {
        documents: &documents,
        corpus: &corpus,
        config,
    });
    Analysis {
        documents,
        corpus,
        findings,
    }
}
