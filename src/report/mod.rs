//! Reporters: one module per output format. Reporters only print; they get finished data.

pub mod diffview;
pub mod escape;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
pub mod worddiff;

use crate::model::{Document, Finding, LineIndex};

/// In `check`, what every output format says of one draft.
pub struct DraftEvidence {
    pub document: usize,
    /// The other articles in its cluster (other drafts not counted).
    pub of_its_event: usize,
    /// Set when there are other articles but none of its event: it was compared with no
    /// other account, so a clean result says nothing of it (see [`compared_with_none`]).
    pub note: Option<String>,
}

/// [`DraftEvidence`] of each draft, in document order.
pub fn draft_evidence(
    analysis: &crate::Analysis,
    is_draft: &[bool],
    with_references: bool,
) -> Vec<DraftEvidence> {
    let clusters = &analysis.corpus.clusters;
    let others_given = !is_draft.iter().all(|&d| d);
    (0..is_draft.len())
        .filter(|&d| is_draft[d])
        .map(|d| {
            let of_its_event = clusters
                .of_document
                .get(d)
                .and_then(|&c| clusters.members.get(c))
                .map_or(0, |m| m.iter().filter(|&&o| !is_draft[o]).count());
            DraftEvidence {
                document: d,
                of_its_event,
                note: (others_given && of_its_event == 0)
                    .then(|| compared_with_none(with_references)),
            }
        })
        .collect()
}

/// What the note on a draft of no other article's event says. Reference transcripts are
/// read for quotations whatever their event.
fn compared_with_none(with_references: bool) -> String {
    let unchecked = if with_references {
        "names and figures"
    } else {
        "names, quotations and figures"
    };
    format!(
        "none of the other articles is of its event, so its {unchecked} were compared with no \
         other account (for a corpus that is one story's coverage, see `background_articles` \
         in the README)"
    )
}

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
