//! Safe automatic fixes: a name variant with one clear canonical form, a removable invisible
//! character. Edits are computed here; writing (atomically) is the caller's job.

use std::path::Path;

use crate::model::{Document, Finding, RuleId};

/// Whether `--fix` may apply this finding's suggestion without a human looking.
pub fn is_safe(finding: &Finding) -> bool {
    match finding.rule {
        RuleId::NameVariant => finding.suggestion.as_deref().is_some_and(|s| !s.is_empty()),
        RuleId::ConfusableChars => {
            finding.suggestion.as_deref() == Some("") && finding.found.chars().count() == 1
        }
        _ => false,
    }
}

/// A document's original bytes with the safe suggestions applied, and how many were applied.
/// `None` when nothing applies.
pub fn patched(doc: &Document, findings: &[&Finding]) -> Option<(Vec<u8>, usize)> {
    let mut edits: Vec<(usize, usize, &str)> = findings
        .iter()
        .filter(|f| is_safe(f))
        .filter_map(|f| Some((f.span.start, f.span.end, f.suggestion.as_deref()?)))
        .collect();
    edits.sort_unstable();
    edits.dedup();
    // Overlapping edits would be ambiguous: keep the first.
    let mut kept: Vec<(usize, usize, &str)> = Vec::new();
    for e in edits {
        if kept.last().is_none_or(|last| last.1 <= e.0) {
            kept.push(e);
        }
    }
    if kept.is_empty() {
        return None;
    }
    let original = doc.original();
    let mut out = Vec::with_capacity(original.len());
    let mut pos = 0;
    for (start, end, replacement) in &kept {
        out.extend_from_slice(&original[pos..*start]);
        out.extend_from_slice(replacement.as_bytes());
        pos = *end;
    }
    out.extend_from_slice(&original[pos..]);
    Some((out, kept.len()))
}

/// Why a fix was not written.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    #[error("{path}: not fixed: the file changed since it was read")]
    Changed { path: String },
    #[error("{path}: not fixed: {reason}")]
    Unsupported { path: String, reason: &'static str },
    #[error("{path}: not fixed: cannot write: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Writes `content` over `path` atomically (a temporary file in the same directory, then a
/// rename), after checking the file still holds `expected`. The file's permissions are kept.
pub fn write_atomically(path: &Path, expected: &[u8], content: &[u8]) -> Result<(), FixError> {
    use std::io::Write;
    let name = path.display().to_string();
    let current = std::fs::read(path).map_err(|e| FixError::Write {
        path: name.clone(),
        source: e,
    })?;
    if current != expected {
        return Err(FixError::Changed { path: name });
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let write = || -> std::io::Result<()> {
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        tmp.write_all(content)?;
        tmp.as_file().sync_all()?;
        let permissions = std::fs::metadata(path)?.permissions();
        tmp.as_file().set_permissions(permissions)?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    };
    write().map_err(|e| FixError::Write {
        path: name,
        source: e,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Origin, Severity, Span};

    fn finding(rule: RuleId, start: usize, end: usize, found: &str, suggestion: &str) -> Finding {
        Finding {
            rule,
            severity: Severity::Warning,
            document: 0,
            span: Span { start, end },
            found: found.into(),
            suggestion: Some(suggestion.into()),
            score: None,
            message: String::new(),
            related: vec![],
        }
    }

    #[test]
    fn applies_safe_edits_only_and_changes_nothing_else() {
        let text = "Mark Janssen met\u{200B} Mark Janssen.";
        let doc = Document::new("t", text.into(), Origin::Identity);
        let a = finding(RuleId::NameVariant, 5, 12, "Janssen", "Jansen");
        let zw = text.find('\u{200B}').unwrap();
        let b = finding(RuleId::ConfusableChars, zw, zw + 3, "\u{200B}", "");
        let c = finding(RuleId::NameVariant, 25, 32, "Janssen", "Jansen");
        let d = finding(RuleId::RepeatedWord, 0, 4, "Mark", "");
        let (out, n) = patched(&doc, &[&a, &b, &c, &d]).unwrap();
        assert_eq!(n, 3);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Mark Jansen met Mark Jansen."
        );
    }

    #[test]
    fn refuses_to_overwrite_a_changed_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "new content").unwrap();
        let err = write_atomically(&path, b"old content", b"fixed").unwrap_err();
        assert!(err
            .to_string()
            .ends_with("not fixed: the file changed since it was read"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new content");
        write_atomically(&path, b"new content", b"fixed").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "fixed");
    }
}
