//! Reporters: one module per output format. Reporters only print; they get finished data.

pub mod diffview;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
pub mod worddiff;

use crate::model::{Document, Finding, LineIndex};

/// Output formats of `audit` and `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

/// A finding located for display: 1-based line and column of its start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// Line indexes for every document, built once per report.
pub struct Locator<'a> {
    documents: &'a [Document],
    indexes: Vec<LineIndex>,
}

impl<'a> Locator<'a> {
    pub fn new(documents: &'a [Document]) -> Self {
        Locator {
            documents,
            indexes: documents.iter().map(Document::line_index).collect(),
        }
    }

    /// Line and column of a byte offset into the original file of document `doc`.
    pub fn line_column(&self, doc: usize, offset: usize) -> (usize, usize) {
        self.indexes[doc].line_column(self.documents[doc].original(), offset)
    }

    pub fn locate(&self, finding: &Finding) -> Location {
        let (line, column) = self.line_column(finding.document, finding.span.start);
        let (end_line, end_column) = self.line_column(finding.document, finding.span.end);
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }
}
