//! A document as wirecheck read it: the analysed text, where it came from, what was removed,
//! its sentences and its language.

use std::ops::Range;

use serde::Serialize;

use super::offsets::{LineIndex, Origin};
use super::Span;

/// Metadata given with the input or recognised in the text. `None` where not known: never guessed
/// from the file name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub id: Option<String>,
    pub title: Option<String>,
    /// ISO 8601 date (`YYYY-MM-DD`) when one could be read.
    pub date: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// Language declared by the input (JSON Lines `language`, HTML `lang`), as given.
    pub declared_language: Option<String>,
}

/// Why a region of the text is not part of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RemovalReason {
    /// Reader comments and everything after them.
    Comments,
    /// An author biography block after the body.
    AuthorBio,
    /// View, comment or share counters.
    Counter,
    /// "Bonus video:", "Read more", newsletter and other promotion lines.
    Promo,
    /// "Share this", "Follow us on" prompts.
    SharePrompt,
    /// A dateline or byline line that only carries metadata.
    Dateline,
    /// Markup that is not text: HTML comments and link reference definitions in Markdown,
    /// suppression markers.
    Markup,
    /// "Related", "latest news", "read more" lists and link blocks inside an HTML article.
    Related,
    /// A byline element of an HTML article ("By Jane Doe").
    Byline,
    /// A publication or update time element of an HTML article.
    Timestamp,
    /// "Subscribe", "Sign in to read the full story", newsletter and paywall prompts.
    Subscribe,
    /// An advertisement slot or label ("Advertisement", "Anzeige").
    Ad,
    /// A photo or copyright credit element.
    Credit,
    /// Navigation, breadcrumbs, tag lists, menus and forms inside an HTML article.
    Navigation,
    /// A fenced code block of a Markdown article.
    Code,
    /// The page's web address on a line of its own at the head of a pasted article.
    Link,
}

impl RemovalReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalReason::Comments => "comments",
            RemovalReason::AuthorBio => "author-bio",
            RemovalReason::Counter => "counter",
            RemovalReason::Promo => "promo",
            RemovalReason::SharePrompt => "share-prompt",
            RemovalReason::Dateline => "dateline",
            RemovalReason::Markup => "markup",
            RemovalReason::Related => "related",
            RemovalReason::Byline => "byline",
            RemovalReason::Timestamp => "timestamp",
            RemovalReason::Subscribe => "subscribe",
            RemovalReason::Ad => "ad",
            RemovalReason::Credit => "credit",
            RemovalReason::Navigation => "navigation",
            RemovalReason::Code => "code",
            RemovalReason::Link => "link",
        }
    }
}

/// A removed region, as a byte range into the analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub range: Range<usize>,
    pub reason: RemovalReason,
}

/// What role a sentence plays in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    Headline,
    Body,
    Caption,
    /// A table row or header: earnings lines ("Shr 1.20 dlrs vs 1.10 dlrs"), crop and
    /// shipping tables, aligned columns of figures.
    Table,
    /// The place (and agency) that opens a story: "WASHINGTON (AP) —", "BRUSSELS, April 4
    /// (Reuters) -".
    Dateline,
    /// The agency's or reporters' sign-off: "Reuter", "(Reporting by …; Editing by …)".
    Signoff,
    /// A photo or copyright credit line on its own: "Photo: Jane Roe/AFP", "© 2025 AP".
    Credit,
}

impl SentenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SentenceKind::Headline => "headline",
            SentenceKind::Body => "body",
            SentenceKind::Caption => "caption",
            SentenceKind::Table => "table",
            SentenceKind::Dateline => "dateline",
            SentenceKind::Signoff => "signoff",
            SentenceKind::Credit => "credit",
        }
    }

    /// Whether the sentence says something about the story's event, as clustering reads it:
    /// everything but sign-offs and credits.
    pub fn is_event_evidence(self) -> bool {
        !matches!(self, SentenceKind::Signoff | SentenceKind::Credit)
    }

    /// Whether the sentence is prose (headline, body or caption), the only kinds the prose
    /// rules (quotes, names, languages, repeated words and passages, quotation marks) read.
    pub fn is_prose(self) -> bool {
        matches!(
            self,
            SentenceKind::Headline | SentenceKind::Body | SentenceKind::Caption
        )
    }
}

/// A language guess with how far to trust it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LanguageGuess {
    /// ISO 639-3 code, as whatlang gives it ("eng").
    pub code: &'static str,
    pub confidence: f64,
    /// Whether the guess is trustworthy: enough text and a clear margin.
    pub reliable: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Byte range into the analysed text.
    pub range: Range<usize>,
    pub kind: SentenceKind,
    /// Set by `inspect` only ([`crate::text::language::identify_sentences`]); the rules ask
    /// [`crate::text::language::sentence_language`] about the sentences they look at.
    pub language: Option<LanguageGuess>,
}

/// A note about how a document was read (encoding detected, bytes replaced, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadNote {
    pub warning: bool,
    pub message: String,
}

/// One article.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given on the command line, `-` for standard input, `FILE#ID` for JSON Lines.
    pub name: String,
    pub meta: Metadata,
    /// The analysed text.
    pub text: String,
    pub origin: Origin,
    /// The encoding the original was decoded from ("UTF-8", "windows-1252", ...).
    pub encoding: &'static str,
    pub notes: Vec<ReadNote>,
    /// Removed boilerplate, sorted, non-overlapping.
    pub removed: Vec<Removed>,
    /// Headline and caption ranges known from the markup (HTML, Markdown).
    pub block_hints: Vec<(Range<usize>, SentenceKind)>,
    pub sentences: Vec<Sentence>,
    /// Paragraphs of the text, sorted (blank lines, indented first lines; one line each when
    /// the text is not hard-wrapped). Empty until the text is cleaned.
    pub paragraphs: Vec<Range<usize>>,
    /// Whether the text is hard-wrapped (lines of about 70 characters, paragraphs by blank
    /// lines or indentation): then a line break inside a paragraph is a space.
    pub hard_wrapped: bool,
    pub language: Option<LanguageGuess>,
    /// For an article read from a JSON Lines file: the file and its line there.
    pub record: Option<JsonLinesRecord>,
}

/// Where a JSON Lines article sits: the file (as given) and the 1-based line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonLinesRecord {
    pub file: String,
    pub line: usize,
}

impl Document {
    pub fn new(name: impl Into<String>, text: String, origin: Origin) -> Self {
        Document {
            name: name.into(),
            meta: Metadata::default(),
            text,
            origin,
            encoding: "UTF-8",
            notes: Vec::new(),
            removed: Vec::new(),
            block_hints: Vec::new(),
            sentences: Vec::new(),
            paragraphs: Vec::new(),
            hard_wrapped: false,
            language: None,
            record: None,
        }
    }

    /// The original bytes that spans point into.
    pub fn original(&self) -> &[u8] {
        match &self.origin {
            Origin::Identity => self.text.as_bytes(),
            Origin::Mapped { original, .. } => original,
        }
    }

    fn original_is_utf8(&self) -> bool {
        match &self.origin {
            Origin::Identity => true,
            Origin::Mapped { utf8, .. } => *utf8,
        }
    }

    /// The span in the original bytes of a range of the analysed text.
    pub fn span(&self, range: Range<usize>) -> Span {
        let start = self.origin.start_to_original(range.start);
        let end = self.origin.end_to_original(range.end).max(start);
        Span { start, end }
    }

    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        &self.text[sentence.range.clone()]
    }

    /// A line index over the original bytes, for rendering.
    pub fn line_index(&self) -> LineIndex {
        LineIndex::new(self.original(), self.original_is_utf8())
    }

    /// Whether text offsets `a <= b` lie in one paragraph (no paragraph starts in `a+1..=b`).
    /// Before the paragraphs are known, a line break separates paragraphs.
    pub fn same_paragraph(&self, a: usize, b: usize) -> bool {
        if self.paragraphs.is_empty() {
            return !self.text.get(a..b).is_some_and(|gap| gap.contains('\n'));
        }
        let idx = self.paragraphs.partition_point(|p| p.start <= a);
        self.paragraphs.get(idx).is_none_or(|p| p.start > b)
    }

    /// Whether a text offset falls inside removed boilerplate.
    pub fn is_removed(&self, offset: usize) -> bool {
        let idx = self.removed.partition_point(|r| r.range.end <= offset);
        self.removed
            .get(idx)
            .is_some_and(|r| r.range.start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removed_lookup_finds_the_covering_region() {
        let mut doc = Document::new("a.txt", "0123456789".into(), Origin::Identity);
        doc.removed = vec![
            Removed {
                range: 2..4,
                reason: RemovalReason::Counter,
            },
            Removed {
                range: 6..10,
                reason: RemovalReason::Comments,
            },
        ];
        assert!(!doc.is_removed(1));
        assert!(doc.is_removed(2));
        assert!(!doc.is_removed(4));
        assert!(doc.is_removed(9));
    }
}
