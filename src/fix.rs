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

/// Why a suggestion `--fix` would apply must be left to a human, if it must.
///
/// `--fix` edits text only. The interface to the reader is the document's original bytes: a
/// suggestion is applied only when the finding's byte range in the file holds exactly the text
/// that was flagged. A name split by markup (`R<b>ute</b>`, `<a href=…>Ru</a>te`), written with
/// an entity (`R&uuml;te`) or re-encoded does not, so it is reported but not rewritten. This
/// holds whatever extracts the text from HTML or Markdown, as long as spans point into the file.
pub fn blocker(doc: &Document, finding: &Finding) -> Option<&'static str> {
    let bytes = doc.original().get(finding.span.start..finding.span.end);
    if bytes == Some(finding.found.as_bytes()) {
        None
    } else {
        Some("not fixed automatically: in the file the match spans markup or an entity; edit it by hand")
    }
}

/// A document's original bytes with the safe suggestions applied, and how many were applied.
/// `None` when nothing applies. Findings with a [`blocker`] are left alone.
pub fn patched(doc: &Document, findings: &[&Finding]) -> Option<(Vec<u8>, usize)> {
    let mut edits: Vec<(usize, usize, &str)> = findings
        .iter()
        .filter(|f| is_safe(f) && blocker(doc, f).is_none())
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
    Unsupported { path: String, reason: String },
    #[error("{path}: not fixed: cannot write: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Writes `content` over the file at `path` atomically (a temporary file in the same directory,
/// then a rename), after checking the file still holds `expected`.
///
/// The rules (README, "--fix"): through a symbolic link the file it points to is fixed and the
/// link stays a link; a file with more than one hard link is refused (a rename would split
/// the links); the mode and the owner are kept (if the owner cannot be kept, nothing is
/// written); a read-only file is refused unless `force`.
pub fn write_atomically(
    path: &Path,
    expected: &[u8],
    content: &[u8],
    force: bool,
) -> Result<(), FixError> {
    use std::io::Write;
    let name = path.display().to_string();
    let write_error = |source: std::io::Error| FixError::Write {
        path: name.clone(),
        source,
    };
    let refuse = |reason: String| FixError::Unsupported {
        path: name.clone(),
        reason,
    };
    // The file a symbolic link points to, so the link is not replaced by a regular file.
    let target = std::fs::canonicalize(path).map_err(write_error)?;
    let metadata = std::fs::metadata(&target).map_err(write_error)?;
    if !metadata.is_file() {
        return Err(refuse("not a regular file".into()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if metadata.nlink() > 1 {
            return Err(refuse(format!(
                "the file has {} hard links and replacing it would split them; \
                 use --diff and apply the patch by hand",
                metadata.nlink()
            )));
        }
    }
    if metadata.permissions().readonly() && !force {
        return Err(refuse(
            "the file is read-only; add --force to fix it anyway (it stays read-only)".into(),
        ));
    }
    let current = std::fs::read(&target).map_err(write_error)?;
    if current != expected {
        return Err(FixError::Changed { path: name });
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(write_error)?;
    tmp.write_all(content).map_err(write_error)?;
    tmp.as_file().sync_all().map_err(write_error)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::os::unix::fs::fchown(tmp.as_file(), Some(metadata.uid()), Some(metadata.gid()))
            .map_err(|e| refuse(format!("cannot keep the file's owner and group ({e})")))?;
    }
    tmp.as_file()
        .set_permissions(metadata.permissions())
        .map_err(write_error)?;
    tmp.persist(&target).map_err(|e| write_error(e.error))?;
    Ok(())
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
        let err = write_atomically(&path, b"old content", b"fixed", false).unwrap_err();
        assert!(err
            .to_string()
            .ends_with("not fixed: the file changed since it was read"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new content");
        write_atomically(&path, b"new content", b"fixed", false).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "fixed");
    }

    #[test]
    fn a_name_split_by_markup_is_reported_but_not_rewritten() {
        // Regression (issue 9, row 7): a name split by a tag was rewritten across the tag.
        let html = "<p>Mark Jan<b>ssen</b> and Mark Janssen spoke.</p>";
        let doc = Document::new("p.html", "Mark Janssen and Mark Janssen spoke.".into(), {
            let mut b = crate::model::offsets::PieceBuilder::new();
            b.push(0, 3); // <p>
            b.push(8, 8); // Mark Jan
            b.push(0, 3); // <b>
            b.push(4, 4); // ssen
            b.push(0, 4); // </b>
            b.push(24, 24); // " and Mark Janssen spoke."
            b.push(0, 4); // </p>
            Origin::Mapped {
                original: html.as_bytes().to_vec(),
                pieces: b.finish(),
                utf8: true,
            }
        });
        let split_end = html.find("</b>").unwrap();
        let split = finding(RuleId::NameVariant, 8, split_end, "Janssen", "Jansen");
        let whole_at = html.rfind("Janssen").unwrap();
        let whole = finding(
            RuleId::NameVariant,
            whole_at,
            whole_at + 7,
            "Janssen",
            "Jansen",
        );
        assert!(blocker(&doc, &split).unwrap().contains("spans markup"));
        assert_eq!(blocker(&doc, &whole), None);
        let (out, n) = patched(&doc, &[&split, &whole]).unwrap();
        assert_eq!(n, 1);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<p>Mark Jan<b>ssen</b> and Mark Jansen spoke.</p>"
        );
    }

    #[cfg(unix)]
    #[test]
    fn fixing_through_a_symlink_writes_the_target_and_keeps_the_link() {
        // Regression (issue 9, row 9): the link was replaced by a regular file.
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        std::fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink("real.txt", &link).unwrap();
        write_atomically(&link, b"old", b"new", false).unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn hard_links_and_read_only_files_are_refused_and_mode_is_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "old").unwrap();
        std::fs::hard_link(&a, dir.path().join("b.txt")).unwrap();
        let err = write_atomically(&a, b"old", b"new", false).unwrap_err();
        assert!(err.to_string().contains("2 hard links"), "{err}");
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "old");

        let ro = dir.path().join("ro.txt");
        std::fs::write(&ro, "old").unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
        let err = write_atomically(&ro, b"old", b"new", false).unwrap_err();
        assert!(err.to_string().contains("read-only; add --force"), "{err}");
        assert_eq!(std::fs::read_to_string(&ro).unwrap(), "old");
        write_atomically(&ro, b"old", b"new", true).unwrap();
        assert_eq!(std::fs::read_to_string(&ro).unwrap(), "new");
        let mode = std::fs::metadata(&ro).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o444);
    }
}
