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
    results: Vec<SarifResult<'a>>,
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
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
}

pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "note",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

/// The artifact URI: the file path, without the `#ID` of a JSON Lines document.
fn uri(name: &str) -> &str {
    name.split_once('#').map_or(name, |(file, _)| file)
}

pub fn write(analysis: &Analysis, out: &mut dyn std::io::Write) -> std::io::Result<()> {
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
            SarifResult {
                rule_id: f.rule.as_str(),
                rule_index: CHECKS.iter().position(|c| c.rule() == f.rule),
                level: level(f.severity),
                message: Text { text },
                locations: vec![Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: uri(&analysis.documents[f.document].name),
                        },
                        region: Region {
                            start_line: loc.line,
                            start_column: loc.column,
                            end_line: loc.end_line,
                            end_column: loc.end_column,
                            byte_offset: f.span.start,
                            byte_length: f.span.end - f.span.start,
                        },
                    },
                }],
            }
        })
        .collect();
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
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}
