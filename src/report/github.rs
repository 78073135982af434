//! GitHub Actions workflow commands: `::warning file=…,line=…,col=…::message`.

use super::Locator;
use crate::model::Severity;
use crate::Analysis;

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "notice",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

/// Escapes the message part of a workflow command. Control characters (line breaks, ESC,
/// BEL) are first made visible by the one escaping function, so a file name or article text
/// can neither end the command nor reach the log raw; then `%` is escaped as the
/// workflow-command spec says.
fn escape_data(s: &str) -> String {
    super::escape::escape(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (file name, title) of a workflow command.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// In `check`: a notice on each draft that none of the other articles shares an event with
/// (see [`super::DraftEvidence`]), so that a clean run in CI says so.
pub fn write_check_notes(
    analysis: &Analysis,
    is_draft: &[bool],
    with_references: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for d in super::draft_evidence(analysis, is_draft, with_references) {
        let Some(note) = d.note else { continue };
        let doc = &analysis.documents[d.document];
        let file = match &doc.record {
            Some(record) => format!(
                "file={},line={}",
                escape_property(&record.file),
                record.line
            ),
            None => format!("file={}", escape_property(&doc.name)),
        };
        writeln!(
            out,
            "::notice {file},title=wirecheck::{}",
            escape_data(&note)
        )?;
    }
    Ok(())
}

pub fn write(analysis: &Analysis, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let locator = Locator::new(&analysis.documents);
    for f in &analysis.findings {
        let loc = locator.locate(f);
        let doc = &analysis.documents[f.document];
        let mut message = f.message.clone();
        if let Some(s) = &f.suggestion {
            message.push_str(&format!(" (suggestion: {s})"));
        }
        // A JSON Lines article points at its line of the file; positions inside its `text`
        // field are not positions in the file.
        let position = match &doc.record {
            Some(record) => format!(
                "file={},line={}",
                escape_property(&record.file),
                record.line
            ),
            None => format!(
                "file={},line={},col={},endLine={},endColumn={}",
                escape_property(&doc.name),
                loc.line,
                loc.column,
                loc.end_line,
                loc.end_column
            ),
        };
        writeln!(
            out,
            "::{} {position},title={}::{}",
            command(f.severity),
            escape_property(&format!("wirecheck {}", f.rule)),
            escape_data(&message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(escape_data("50% of lines"), "50%25 of lines");
        assert_eq!(escape_data("a\nb\u{1b}[2J"), "a\\nb\\u{1b}[2J");
        assert_eq!(escape_property("a:b,c.txt"), "a%3Ab%2Cc.txt");
        // Regression (issue 9, row 6): a file name holding a line break and a workflow command.
        let name = "e\n::warning file=a.txt,line=1::X\n.txt";
        let escaped = escape_property(name);
        assert!(
            !escaped.contains('\n') && !escaped.contains("::"),
            "{escaped}"
        );
    }
}
