//! The data wirecheck's stages pass along: documents, spans, sentences, findings.

mod document;
mod finding;
pub mod offsets;

pub use document::{
    Document, JsonLinesRecord, LanguageGuess, Metadata, ReadNote, RemovalReason, Removed, Sentence,
    SentenceKind,
};
pub use finding::{Finding, Related, RuleId, Severity, UnknownRule};
pub use offsets::{LineIndex, Origin, Piece};

/// A byte range into the original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}
