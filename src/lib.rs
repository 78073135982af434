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
pub mod stats;
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

/// What each document is for in a `check` run.
#[derive(Debug, Clone, Default)]
pub struct Roles {
    /// Which documents are drafts; `None` in `audit`, where every document is checked.
    pub drafts: Option<Vec<bool>>,
    /// Which documents are reference texts.
    pub references: Vec<bool>,
}

/// Clusters, aligns and checks already loaded documents (`audit`).
pub fn analyse(documents: Vec<Document>, config: &config::Config) -> Analysis {
    analyse_with_roles(documents, config, &Roles::default())
}

/// Clusters, aligns and checks documents whose roles are known (`check`).
pub fn analyse_with_roles(
    documents: Vec<Document>,
    config: &config::Config,
    roles: &Roles,
) -> Analysis {
    let corpus = stats::time(stats::Stage::Analyse, || {
        analysis::analyse(&documents, &config.cluster, &config.align)
    });
    let references = if roles.references.len() == documents.len() {
        roles.references.clone()
    } else {
        vec![false; documents.len()]
    };
    let mut findings = stats::time(stats::Stage::Checks, || {
        checks::run_all(&checks::Context {
            documents: &documents,
            corpus: &corpus,
            drafts: roles.drafts.as_deref(),
            references: &references,
            config,
        })
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
    notes.extend(checks::cap_per_document_rule(
        &mut findings,
        &documents,
        checks::MAX_FINDINGS_PER_DOCUMENT_RULE,
    ));
    Analysis {
        documents,
        corpus,
        findings,
        notes,
    }
}
