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
pub mod fix;
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
    /// Warnings for stderr (unknown rule ids in suppression markers).
    pub notes: Vec<String>,
}

/// Clusters, aligns and checks already loaded documents.
pub fn analyse(documents: Vec<Document>, config: &config::Config) -> Analysis {
    let corpus = analysis::analyse(&documents, &config.cluster, &config.align);
    let mut findings = checks::run_all(&checks::Context {
        documents: &documents,
        corpus: &corpus,
        config,
    });
    let mut notes = Vec::new();
    let suppressions: Vec<Vec<checks::suppress::Suppression>> = documents
        .iter()
        .map(|d| {
            let (s, warnings) = checks::suppress::markers(d);
            notes.extend(warnings);
            s
        })
        .collect();
    findings.retain(|f| !checks::suppress::is_suppressed(f, &suppressions[f.document]));
    Analysis {
        documents,
        corpus,
        findings,
        notes,
    }
}
