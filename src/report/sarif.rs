//! SARIF 2.1.0, for code-scanning dashboards.

use serde::Serialize;

use super::Locator;
use crate::checks::CHECKS;
use crate::model::Severity;
use crate::Analysis;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    version: &'static str,
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
struct Run<'a> {
    tool: Tool,
    /// The one run: whether every input was read, and `check`'s notes on its drafts.
    invocations: [Invocation<'a>; 1],
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation<'a> {
    /// False when an input could not be read (the run went on with the others; exit code 2).
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification<'a>>,
}

/// A note on the run, not a finding: a draft compared with no other account.
#[derive(Serialize)]
struct Notification<'a> {
    level: &'static str,
    message: Text,
    locations: Vec<Location<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    default_configuration: DefaultConfiguration,
}

#[derive(Serialize)]
struct DefaultConfiguration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: Vec<Location<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation,
    /// A JSON Lines article: its document name (`FILE#ID`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation<'a> {
    fully_qualified_name: &'a str,
    kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    /// Left out when a note is on the whole file.
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

/// A path as a SARIF URI reference: bytes other than letters, digits, `-._~/` are
/// percent-encoded, so `h#1.txt` is not cut at a fragment (`h%231.txt`).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_offset: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_length: Option<usize>,
}

pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "note",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

/// The report of `audit`; `had_errors`: an input could not be read.
pub fn write(
    analysis: &Analysis,
    had_errors: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_with_notes(analysis, had_errors, Vec::new(), out)
}

/// The report of `check`: [`write`]'s, with a tool notification on each draft compared with
/// no other account (see [`super::DraftEvidence`]).
pub fn write_check(
    analysis: &Analysis,
    is_draft: &[bool],
    with_references: bool,
    had_errors: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let notes = super::draft_evidence(analysis, is_draft, with_references)
        .into_iter()
        .filter_map(|d| {
            let text = d.note?;
            let doc = &analysis.documents[d.document];
            // A JSON Lines article: its line of the file; a file: the whole file.
            let (uri, region, logical_locations) = match &doc.record {
                Some(record) => (
                    uri(&record.file),
                    Some(line_region(record.line)),
                    vec![LogicalLocation {
                        fully_qualified_name: &doc.name,
                        kind: "object",
                    }],
                ),
                None => (uri(&doc.name), None, Vec::new()),
            };
            Some(Notification {
                level: "note",
                message: Text { text },
                locations: vec![Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation { uri },
                        region,
                    },
                    logical_locations,
                }],
            })
        })
        .collect();
    write_with_notes(analysis, had_errors, notes, out)
}

/// A region that is one line of a file.
fn line_region(line: usize) -> Region {
    Region {
        start_line: line,
        start_column: None,
        end_line: None,
        end_column: None,
        byte_offset: None,
        byte_length: None,
    }
}

fn write_with_notes(
    analysis: &Analysis,
    had_errors: bool,
    notes: Vec<Notification<'_>>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let locator = Locator::new(&analysis.documents);
    let rules: Vec<Rule> = CHECKS
        .iter()
        .map(|c| {
            let docs = c.docs().trim();
            Rule {
                id: c.rule().as_str(),
                short_description: Text {
                    text: docs.lines().next().unwrap_or_default().trim().to_string(),
                },
                full_description: Text {
                    text: docs.to_string(),
                },
                default_configuration: DefaultConfiguration {
                    level: level(c.default_severity()),
                },
            }
        })
        .collect();
    let results = analysis
        .findings
        .iter()
        .map(|f| {
            let loc = locator.locate(f);
            let mut text = f.message.clone();
            if let Some(s) = &f.suggestion {
                text.push_str(&format!(" (suggestion: {s})"));
            }
            let doc = &analysis.documents[f.document];
            // A JSON Lines article points at its line of the file (positions inside its
            // `text` field are not positions in the file) and names the article logically.
            let (uri, region, logical_locations) = match &doc.record {
                Some(record) => (
                    uri(&record.file),
                    line_region(record.line),
                    vec![LogicalLocation {
                        fully_qualified_name: &doc.name,
                        kind: "object",
                    }],
                ),
                None => (
                    uri(&doc.name),
                    Region {
                        start_line: loc.line,
                        start_column: Some(loc.column),
                        end_line: Some(loc.end_line),
                        end_column: Some(loc.end_column),
                        byte_offset: Some(f.span.start),
                        byte_length: Some(f.span.end - f.span.start),
                    },
                    Vec::new(),
                ),
            };
            SarifResult {
                rule_id: f.rule.as_str(),
                rule_index: CHECKS.iter().position(|c| c.rule() == f.rule),
                level: level(f.severity),
                message: Text { text },
                locations: vec![Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation { uri },
                        region: Some(region),
                    },
                    logical_locations,
                }],
            }
        })
        .collect();
    let invocations = [Invocation {
        execution_successful: !had_errors,
        tool_execution_notifications: notes,
    }];
    let log = Log {
        version: "2.1.0",
        schema: SCHEMA,
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: env!("CARGO_PKG_NAME"),
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            invocations,
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_in_a_file_name_is_percent_encoded_not_cut() {
        // Regression (issue 9, row 10): `h#1.txt` became the URI `h`.
        assert_eq!(uri("dir/h#1.txt"), "dir/h%231.txt");
        assert_eq!(uri("seeds/002_ab.txt"), "seeds/002_ab.txt");
        assert_eq!(uri("a b%.txt"), "a%20b%25.txt");
        assert_eq!(uri("é.txt"), "%C3%A9.txt");
    }
}
