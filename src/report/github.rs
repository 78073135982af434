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

/// Escapes the message part of a workflow command.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (file name, title) of a workflow command.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn write(analysis: &Analysis, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let locator = Locator::new(&analysis.documents);
    for f in &analysis.findings {
        let loc = locator.locate(f);
        let name = &analysis.documents[f.document].name;
        let file = name.split_once('#').map_or(name.as_str(), |(file, _)| file);
        let mut message = f.message.clone();
        if let Some(s) = &f.suggestion {
            message.push_str(&format!(" (suggestion: {s})"));
        }
        writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            command(f.severity),
            escape_property(file),
            loc.line,
            loc.column,
            loc.end_line,
            loc.end_column,
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
        assert_eq!(escape_data("50% of\nlines"), "50%25 of%0Alines");
        assert_eq!(escape_property("a:b,c.txt"), "a%3Ab%2Cc.txt");
    }
}
