//! Markdown: read as text, with front matter and HTML comments recorded as removed markup and
//! `#` headings marked as headlines.

use super::Decoded;
use crate::model::{Document, RemovalReason, Removed, SentenceKind};

pub fn read(name: &str, decoded: Decoded) -> Document {
    let mut doc = Document::new(name, decoded.text, decoded.origin);
    doc.encoding = decoded.encoding;
    doc.notes = decoded.notes;
    let text = doc.text.as_str();
    let mut removed = Vec::new();
    let mut hints = Vec::new();

    let body_start = front_matter(text, &mut doc.meta, &mut removed);
    let mut pos = body_start;
    while let Some(rel) = text[pos..].find("<!--") {
        let start = pos + rel;
        let end = text[start..]
            .find("-->")
            .map_or(text.len(), |e| start + e + 3);
        removed.push(Removed {
            range: start..end,
            reason: RemovalReason::Markup,
        });
        pos = end;
    }

    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if offset >= body_start {
            let marker = list_marker_len(content);
            let in_comment = removed
                .iter()
                .any(|r| r.range.start <= offset && offset < r.range.end);
            if marker > 0 && !in_comment {
                // A list item's `-`, `*`, `+` or `1.` is markup; the item's words are text.
                removed.push(Removed {
                    range: offset..offset + marker,
                    reason: RemovalReason::Markup,
                });
            }
            let hashes = content.bytes().take_while(|&b| b == b'#').count();
            if (1..=6).contains(&hashes) && content[hashes..].starts_with(' ') {
                let inner = content[hashes..].trim();
                if !inner.is_empty() {
                    let start = offset + content.find(inner).unwrap_or(hashes);
                    // The `#` marks are markup, not text.
                    removed.push(Removed {
                        range: offset..start,
                        reason: RemovalReason::Markup,
                    });
                    hints.push((start..start + inner.len(), SentenceKind::Headline));
                    if hashes == 1 && doc.meta.title.is_none() {
                        doc.meta.title = Some(inner.to_string());
                    }
                }
            }
        }
        offset += line.len();
    }
    removed.sort_by_key(|r| (r.range.start, r.range.end));
    doc.removed = removed;
    doc.block_hints = hints;
    doc
}

/// The length of a list item's marker with its indentation and the space after it ("- ",
/// "  * ", "12. "), or 0.
fn list_marker_len(line: &str) -> usize {
    let body = line.trim_start_matches([' ', '\t']);
    let indent = line.len() - body.len();
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let mark = match body.as_bytes().first() {
        Some(b'-' | b'*' | b'+') => 1,
        Some(b'0'..=b'9')
            if digits <= 3 && matches!(body.as_bytes().get(digits), Some(b'.' | b')')) =>
        {
            digits + 1
        }
        _ => return 0,
    };
    let rest = &body[mark..];
    let after = rest.trim_start_matches([' ', '\t']);
    if rest.len() == after.len() || after.is_empty() {
        return 0;
    }
    indent + mark + (rest.len() - after.len())
}

/// YAML front matter between `---` lines: `title:`, `date:`, `author:`, `source:` are read.
/// Returns where the body starts.
fn front_matter(
    text: &str,
    meta: &mut crate::model::Metadata,
    removed: &mut Vec<Removed>,
) -> usize {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return 0;
    };
    let header_len = text.len() - rest.len();
    let mut offset = header_len;
    let mut found = meta.clone();
    for line in rest.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        offset += line.len();
        if content == "---" {
            removed.push(Removed {
                range: 0..offset,
                reason: RemovalReason::Markup,
            });
            *meta = found;
            return offset;
        }
        if let Some((key, value)) = content.split_once(':') {
            let value = value.trim().trim_matches(['"', '\'']).trim();
            if value.is_empty() {
                continue;
            }
            let meta = &mut found;
            match key.trim().to_ascii_lowercase().as_str() {
                "title" => meta.title = Some(value.to_string()),
                "date" => meta.date = super::metadata::parse_date(value),
                "author" => meta.author = Some(value.to_string()),
                "source" => meta.source = Some(value.to_string()),
                "url" => meta.url = Some(value.to_string()),
                "lang" | "language" => meta.declared_language = Some(value.to_string()),
                _ => {}
            }
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::decode;

    #[test]
    fn front_matter_headings_and_comments() {
        let src = "---\ntitle: \"Ministers meet\"\ndate: 2025-04-04\n---\n# Ministers meet\n\n<!-- wirecheck-disable-next-line name-variant -->\nBody text here.\n";
        let doc = read("a.md", decode(src.as_bytes().to_vec()));
        assert_eq!(doc.meta.title.as_deref(), Some("Ministers meet"));
        assert_eq!(doc.meta.date.as_deref(), Some("2025-04-04"));
        assert_eq!(doc.removed.len(), 3);
        assert_eq!(
            &doc.text[doc.removed[0].range.clone()],
            "---\ntitle: \"Ministers meet\"\ndate: 2025-04-04\n---\n"
        );
        assert_eq!(&doc.text[doc.removed[1].range.clone()], "# ");
        assert!(doc.text[doc.removed[2].range.clone()].starts_with("<!-- wirecheck-disable"));
        let (range, kind) = &doc.block_hints[0];
        assert_eq!(&doc.text[range.clone()], "Ministers meet");
        assert_eq!(*kind, SentenceKind::Headline);
    }

    #[test]
    fn list_markers_are_markup_and_their_items_text() {
        let src = "Steps:\n\n- Open the box.\n  * Take the lid off.\n12. Count.\n-5 degrees.\n";
        let doc = read("a.md", decode(src.as_bytes().to_vec()));
        let removed: Vec<&str> = doc
            .removed
            .iter()
            .map(|r| &doc.text[r.range.clone()])
            .collect();
        assert_eq!(removed, ["- ", "  * ", "12. "]);
    }

    #[test]
    fn unterminated_front_matter_is_body_text() {
        let doc = read("a.md", decode(b"---\ntitle: x\nno end".to_vec()));
        assert!(doc.removed.is_empty());
        assert!(doc.meta.title.is_none());
    }
}
