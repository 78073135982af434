//! The JSON report (contract version 1 in DESIGN.md). Wire structs are built `From` the
//! internal types; fields may be added, never renamed or removed.

use serde::Serialize;

use super::Locator;
use crate::model::{Document, Finding};
use crate::Analysis;

pub const VERSION: u32 = 1;

#[derive(Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

impl Tool {
    pub fn current() -> Self {
        Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

#[derive(Serialize)]
pub struct JsonRemoved {
    pub reason: &'static str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub end_line: usize,
}

#[derive(Serialize)]
pub struct JsonSentence<'a> {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub text: &'a str,
    pub kind: &'static str,
    pub language: Option<&'static str>,
    pub language_reliable: bool,
}

/// A document entry; `S` is a count in reports and the sentence list in `inspect`.
#[derive(Serialize)]
pub struct JsonDocument<'a, S> {
    pub path: &'a str,
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
    pub source: Option<&'a str>,
    pub author: Option<&'a str>,
    pub url: Option<&'a str>,
    pub language: Option<&'static str>,
    pub language_confidence: Option<f64>,
    pub encoding: &'static str,
    pub sentences: S,
    pub removed: Vec<JsonRemoved>,
    pub notes: Vec<&'a str>,
}

impl<'a, S> JsonDocument<'a, S> {
    fn build(doc: &'a Document, locator: &Locator<'_>, index: usize, sentences: S) -> Self {
        JsonDocument {
            path: &doc.name,
            title: doc.meta.title.as_deref(),
            date: doc.meta.date.as_deref(),
            source: doc.meta.source.as_deref(),
            author: doc.meta.author.as_deref(),
            url: doc.meta.url.as_deref(),
            language: doc.language.map(|l| l.code),
            language_confidence: doc.language.map(|l| round3(l.confidence)),
            encoding: doc.encoding,
            sentences,
            removed: doc
                .removed
                .iter()
                .map(|r| {
                    let span = doc.span(r.range.clone());
                    JsonRemoved {
                        reason: r.reason.as_str(),
                        start: span.start,
                        end: span.end,
                        line: locator.line_column(index, span.start).0,
                        end_line: locator
                            .line_column(index, span.end.saturating_sub(1).max(span.start))
                            .0,
                    }
                })
                .collect(),
            notes: doc.notes.iter().map(|n| n.message.as_str()).collect(),
        }
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[derive(Serialize)]
pub struct JsonRelated<'a> {
    pub document: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub rule: &'static str,
    pub severity: &'static str,
    pub document: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub found: &'a str,
    pub suggestion: Option<&'a str>,
    pub score: Option<f64>,
    pub message: &'a str,
    pub related: Vec<JsonRelated<'a>>,
}

impl<'a> JsonFinding<'a> {
    fn build(f: &'a Finding, documents: &'a [Document], locator: &Locator<'_>) -> Self {
        let (line, column) = locator.line_column(f.document, f.span.start);
        JsonFinding {
            rule: f.rule.as_str(),
            severity: f.severity.as_str(),
            document: &documents[f.document].name,
            start: f.span.start,
            end: f.span.end,
            line,
            column,
            found: &f.found,
            suggestion: f.suggestion.as_deref(),
            score: f.score.map(round3),
            message: &f.message,
            related: f
                .related
                .iter()
                .map(|r| JsonRelated {
                    document: &documents[r.document].name,
                    start: r.span.start,
                    end: r.span.end,
                    line: locator.line_column(r.document, r.span.start).0,
                    text: &r.text,
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
pub struct JsonQuote<'a> {
    pub document: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub text: &'a str,
    pub speaker: Option<&'a str>,
    /// Why `speaker` is null (absent when there is a speaker).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_reason: Option<&'a str>,
    /// `speech`, `partial`, `term`, `title`, `nickname`, `slogan` or `document`.
    pub kind: &'static str,
    pub group: Option<usize>,
    /// Not a quotation of speech (kind other than `speech` and `partial`).
    pub fragment: bool,
}

#[derive(Serialize)]
pub struct JsonCluster<'a> {
    pub id: usize,
    pub documents: Vec<&'a str>,
    /// Per article: its sentences, how many other articles of the cluster carry, and how many
    /// it alone has.
    pub articles: Vec<JsonClusterArticle<'a>>,
    /// Why the articles are together: one link per join (contract: `a`, `b`, `similarity`,
    /// `shared_terms`, `date_gap_days`; `kind` is `copy`, `content` or `coverage`).
    pub evidence: Vec<JsonEvidence<'a>>,
    /// For a cluster of one article read as a compilation (a digest): two unrelated articles
    /// it holds, whose events it joins neither of. Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compilation_of: Option<[&'a str; 2]>,
}

#[derive(Serialize)]
pub struct JsonEvidence<'a> {
    pub a: &'a str,
    pub b: &'a str,
    pub kind: &'static str,
    pub similarity: f64,
    pub shared_terms: &'a [String],
    pub date_gap_days: Option<i64>,
}

#[derive(Serialize)]
pub struct JsonClusterArticle<'a> {
    pub document: &'a str,
    pub sentences: usize,
    pub shared: usize,
    pub unique: usize,
}

#[derive(Serialize)]
pub struct JsonSide {
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

#[derive(Serialize)]
pub struct JsonAlignment {
    pub a: JsonSide,
    pub b: JsonSide,
    pub score: f64,
    pub kind: &'static str,
    pub fragment: bool,
}

#[derive(Serialize)]
pub struct JsonPair<'a> {
    pub a: &'a str,
    pub b: &'a str,
    pub shared_sentences: usize,
    pub containment_a_in_b: f64,
    pub containment_b_in_a: f64,
    pub longest_shared_run: usize,
    pub likely_source: Option<&'a str>,
    pub alignments: Vec<JsonAlignment>,
}

/// The original span and line of a run of sentences of a document.
fn side(
    docs: &[Document],
    locator: &Locator<'_>,
    doc: usize,
    sentences: &std::ops::Range<usize>,
) -> JsonSide {
    let d = &docs[doc];
    let first = &d.sentences[sentences.start];
    let last = &d.sentences[sentences.end - 1];
    let span = d.span(first.range.start..last.range.end);
    JsonSide {
        start: span.start,
        end: span.end,
        line: locator.line_column(doc, span.start).0,
    }
}

impl<'a> JsonPair<'a> {
    pub fn build(
        p: &crate::analysis::PairReport,
        docs: &'a [Document],
        locator: &Locator<'_>,
    ) -> Self {
        JsonPair {
            a: &docs[p.a].name,
            b: &docs[p.b].name,
            shared_sentences: p.alignments.len(),
            containment_a_in_b: round3(p.containment_a_in_b),
            containment_b_in_a: round3(p.containment_b_in_a),
            longest_shared_run: p.longest_shared_run,
            likely_source: p.likely_source.map(|d| docs[d].name.as_str()),
            alignments: p
                .alignments
                .iter()
                .map(|al| JsonAlignment {
                    a: side(docs, locator, p.a, &al.a),
                    b: side(docs, locator, p.b, &al.b),
                    score: round3(al.score),
                    kind: al.kind.as_str(),
                    fragment: al.fragment,
                })
                .collect(),
        }
    }
}

/// The full report of `audit` and `check`.
#[derive(Serialize)]
pub struct JsonReport<'a> {
    pub version: u32,
    pub tool: Tool,
    pub documents: Vec<JsonDocument<'a, usize>>,
    pub clusters: Vec<JsonCluster<'a>>,
    pub pairs: Vec<JsonPair<'a>>,
    pub quotes: Vec<JsonQuote<'a>>,
    pub findings: Vec<JsonFinding<'a>>,
    /// `check` only: each draft with how many of the other articles are of its event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drafts: Option<Vec<JsonDraft<'a>>>,
}

/// A draft of `check` (see [`super::DraftEvidence`]).
#[derive(Serialize)]
pub struct JsonDraft<'a> {
    pub document: &'a str,
    pub articles_of_its_event: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl<'a> JsonReport<'a> {
    pub fn new(analysis: &'a Analysis, locator: &Locator<'_>) -> Self {
        let docs = &analysis.documents;
        let counts: Vec<usize> = docs.iter().map(|d| d.sentences.len()).collect();
        let support = analysis.corpus.sentence_support(&counts);
        let of_document = &analysis.corpus.clusters.of_document;
        let mut evidence: Vec<Vec<JsonEvidence<'a>>> = (0..analysis.corpus.clusters.members.len())
            .map(|_| Vec::new())
            .collect();
        for l in &analysis.corpus.links {
            evidence[of_document[l.a]].push(JsonEvidence {
                a: &docs[l.a].name,
                b: &docs[l.b].name,
                kind: l.kind.as_str(),
                similarity: round3(l.similarity),
                shared_terms: &l.shared_terms,
                date_gap_days: l.date_gap_days,
            });
        }
        let mut evidence = evidence.into_iter();
        JsonReport {
            version: VERSION,
            tool: Tool::current(),
            documents: docs
                .iter()
                .enumerate()
                .map(|(i, d)| JsonDocument::build(d, locator, i, d.sentences.len()))
                .collect(),
            clusters: analysis
                .corpus
                .clusters
                .members
                .iter()
                .enumerate()
                .map(|(id, members)| JsonCluster {
                    id,
                    evidence: evidence.next().unwrap_or_default(),
                    compilation_of: compilation_of(analysis, members),
                    documents: members.iter().map(|&d| docs[d].name.as_str()).collect(),
                    articles: members
                        .iter()
                        .map(|&d| {
                            let shared = support[d].iter().filter(|&&n| n > 0).count();
                            JsonClusterArticle {
                                document: &docs[d].name,
                                sentences: support[d].len(),
                                shared,
                                unique: support[d].len() - shared,
                            }
                        })
                        .collect(),
                })
                .collect(),
            pairs: analysis
                .corpus
                .pairs
                .iter()
                .map(|p| JsonPair::build(p, docs, locator))
                .collect(),
            quotes: analysis
                .corpus
                .quotes
                .iter()
                .map(|q| {
                    let d = &docs[q.document];
                    let span = d.span(q.range.clone());
                    JsonQuote {
                        document: &d.name,
                        start: span.start,
                        end: span.end,
                        line: locator.line_column(q.document, span.start).0,
                        text: &d.text[q.range.clone()],
                        speaker: q.speaker.as_deref(),
                        speaker_reason: q.speaker_reason.as_deref(),
                        kind: q.kind.as_str(),
                        group: q.group,
                        fragment: q.fragment,
                    }
                })
                .collect(),
            findings: analysis
                .findings
                .iter()
                .map(|f| JsonFinding::build(f, docs, locator))
                .collect(),
            drafts: None,
        }
    }
}

/// The report of `inspect`: documents with their sentences.
#[derive(Serialize)]
pub struct JsonInspect<'a> {
    pub version: u32,
    pub tool: Tool,
    pub documents: Vec<JsonDocument<'a, Vec<JsonSentence<'a>>>>,
}

impl<'a> JsonInspect<'a> {
    pub fn new(documents: &'a [Document], locator: &Locator<'_>) -> Self {
        JsonInspect {
            version: VERSION,
            tool: Tool::current(),
            documents: documents
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let sentences = d
                        .sentences
                        .iter()
                        .map(|s| {
                            let span = d.span(s.range.clone());
                            JsonSentence {
                                start: span.start,
                                end: span.end,
                                line: locator.line_column(i, span.start).0,
                                text: d.sentence_text(s),
                                kind: s.kind.as_str(),
                                language: s.language.map(|l| l.code),
                                language_reliable: s.language.is_some_and(|l| l.reliable),
                            }
                        })
                        .collect();
                    JsonDocument::build(d, locator, i, sentences)
                })
                .collect(),
        }
    }
}

pub fn write_report(analysis: &Analysis, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let locator = Locator::new(&analysis.documents);
    serde_json::to_writer_pretty(&mut *out, &JsonReport::new(analysis, &locator))?;
    writeln!(out)
}

/// The report of `check`: [`write_report`]'s, with the drafts (see [`JsonDraft`]).
pub fn write_check(
    analysis: &Analysis,
    is_draft: &[bool],
    with_references: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let locator = Locator::new(&analysis.documents);
    let mut report = JsonReport::new(analysis, &locator);
    report.drafts = Some(
        super::draft_evidence(analysis, is_draft, with_references)
            .into_iter()
            .map(|d| JsonDraft {
                document: &analysis.documents[d.document].name,
                articles_of_its_event: d.of_its_event,
                note: d.note,
            })
            .collect(),
    );
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

pub fn write_inspect(documents: &[Document], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let locator = Locator::new(documents);
    serde_json::to_writer_pretty(&mut *out, &JsonInspect::new(documents, &locator))?;
    writeln!(out)
}

/// The two articles a one-article cluster's compilation holds (see
/// [`crate::analysis::cluster::Compilation`]).
fn compilation_of<'a>(analysis: &'a Analysis, members: &[usize]) -> Option<[&'a str; 2]> {
    let [d] = members else {
        return None;
    };
    let compilations = &analysis.corpus.clusters.compilations;
    let c = compilations
        .binary_search_by_key(d, |c| c.document)
        .ok()
        .map(|i| compilations[i])?;
    let name = |k: usize| analysis.documents.get(k).map(|doc| doc.name.as_str());
    Some([name(c.holds[0])?, name(c.holds[1])?])
}
