//! Markdown: read as text, with front matter, HTML comments, link reference definitions and
//! fenced code blocks recorded as removed regions, and `#` headings marked as headlines.
//!
//! Inline syntax is never article text either: the brackets and target of a link
//! (`[Name](https://x.example/Name)` reads "Name"), whole images and autolinks, code spans and
//! inline HTML tags are left out of the analysed text the way the HTML reader leaves out tags.
//! The text maps back to the file's bytes around them, so every span stays an exact byte range
//! of the file and `--fix` can never rewrite a URL. Every scan here is linear in the input.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::Decoded;
use crate::model::offsets::{compose, PieceBuilder};
use crate::model::{Document, RemovalReason, Removed, SentenceKind};

/// The longest link destination and title, in bytes; a longer one is left as text.
const MAX_TARGET: usize = 2048;
/// The longest inline HTML tag, in bytes.
const MAX_TAG: usize = 1024;

pub fn read(name: &str, decoded: Decoded) -> Document {
    let Decoded {
        text: source,
        origin,
        encoding,
        notes,
    } = decoded;
    let mut meta = crate::model::Metadata::default();
    // Block regions, in offsets of the decoded source: kept in the text, recorded as removed.
    let mut blocks = Vec::new();
    let body_start = front_matter(&source, &mut meta, &mut blocks);
    let definitions = block_regions(&source, body_start, &mut blocks);
    let drops = inline_markup(&source, &blocks, &definitions);

    // The text without the inline markup, and its mapping to the file's bytes.
    let (text, origin) = if drops.is_empty() {
        (source, origin)
    } else {
        let mut text = String::with_capacity(source.len());
        let mut builder = PieceBuilder::new();
        let mut kept_from = 0;
        for d in &drops {
            text.push_str(&source[kept_from..d.start]);
            builder.push(d.start - kept_from, d.start - kept_from);
            builder.push(0, d.len());
            kept_from = d.end;
        }
        text.push_str(&source[kept_from..]);
        builder.push(source.len() - kept_from, source.len() - kept_from);
        let origin = compose(&builder.finish(), origin, source.into_bytes());
        (text, origin)
    };
    let shift = |offset: usize| {
        // Dropped bytes before `offset` (blocks never overlap a drop).
        let idx = drops.partition_point(|d| d.end <= offset);
        offset - drops[..idx].iter().map(|d| d.len()).sum::<usize>()
    };
    let mut removed: Vec<Removed> = Vec::with_capacity(blocks.len());
    {
        // `shift` over sorted blocks, with a running total rather than a sum per block.
        let mut dropped = 0;
        let mut d = 0;
        for (range, reason) in &blocks {
            while d < drops.len() && drops[d].end <= range.start {
                dropped += drops[d].len();
                d += 1;
            }
            removed.push(Removed {
                range: range.start - dropped..range.end - dropped,
                reason: *reason,
            });
        }
    }
    let body_start = shift(body_start);

    let mut doc = Document::new(name, text, origin);
    doc.encoding = encoding;
    doc.notes = notes;
    doc.meta = meta;
    let text = doc.text.as_str();
    let mut hints = Vec::new();
    let mut markers = Vec::new();
    let mut offset = 0;
    let mut next_block = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        while next_block < removed.len() && removed[next_block].range.end <= offset {
            next_block += 1;
        }
        let in_block = removed
            .get(next_block)
            .is_some_and(|r| r.range.start <= offset);
        if offset >= body_start && !in_block {
            let marker = list_marker_len(content);
            if marker > 0 {
                // A list item's `-`, `*`, `+` or `1.` is markup; the item's words are text.
                markers.push(Removed {
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
                    markers.push(Removed {
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
    removed.extend(markers);
    removed.sort_by_key(|r| (r.range.start, r.range.end));
    doc.removed = removed;
    doc.block_hints = hints;
    doc
}

/// A link label as references match it: case-folded, inner whitespace collapsed.
fn normalise_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Fenced code blocks, link reference definitions and HTML comments after `body_start`, pushed
/// onto `blocks` in order (sorted, non-overlapping). Returns the defined reference labels.
fn block_regions(
    text: &str,
    body_start: usize,
    blocks: &mut Vec<(Range<usize>, RemovalReason)>,
) -> HashSet<String> {
    let bytes = text.as_bytes();
    let mut definitions = HashSet::new();
    let line_end =
        |from: usize| memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |i| from + i + 1);
    let mut pos = body_start;
    while pos < bytes.len() {
        let end = line_end(pos);
        let line = &text[pos..end];
        let content = line.trim_end_matches(['\n', '\r']);
        if let Some((fence_char, fence_len)) = fence_open(content) {
            // To the closing fence, or (as CommonMark says) to the end of the document.
            let mut close = end;
            let mut block_end = bytes.len();
            while close < bytes.len() {
                let next = line_end(close);
                let l = text[close..next].trim_end_matches(['\n', '\r']);
                if fence_close(l, fence_char, fence_len) {
                    block_end = close + l.len();
                    break;
                }
                close = next;
            }
            blocks.push((pos..block_end, RemovalReason::Code));
            pos = block_end;
            continue;
        }
        if let Some(label) = reference_definition(content) {
            definitions.insert(normalise_label(label));
            blocks.push((pos..pos + content.len(), RemovalReason::Markup));
            pos = end;
            continue;
        }
        // HTML comments on this line (one may run over several lines).
        let mut at = pos;
        let mut next_line = end;
        while let Some(rel) = memchr::memmem::find(&bytes[at..next_line], b"<!--") {
            let start = at + rel;
            let close = memchr::memmem::find(&bytes[start + 4..], b"-->")
                .map_or(bytes.len(), |e| start + 4 + e + 3);
            blocks.push((start..close, RemovalReason::Markup));
            at = close;
            if close >= next_line {
                next_line = if close >= bytes.len() {
                    close
                } else {
                    line_end(close)
                };
            }
        }
        pos = next_line.max(end);
    }
    definitions
}

/// `Some((char, length))` when the line opens a fenced code block: up to three spaces, then at
/// least three backticks or tildes (a backtick fence's info string has no backtick).
fn fence_open(line: &str) -> Option<(u8, usize)> {
    let body = line.trim_start_matches(' ');
    if line.len() - body.len() > 3 {
        return None;
    }
    let c = *body.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let len = body.bytes().take_while(|&b| b == c).count();
    if len < 3 || (c == b'`' && body[len..].contains('`')) {
        return None;
    }
    Some((c, len))
}

fn fence_close(line: &str, c: u8, len: usize) -> bool {
    let body = line.trim_start_matches(' ');
    if line.len() - body.len() > 3 {
        return false;
    }
    let run = body.bytes().take_while(|&b| b == c).count();
    run >= len && body[run..].trim().is_empty()
}

/// The label of a link reference definition line (`[label]: https://… "title"`), if it is one.
fn reference_definition(line: &str) -> Option<&str> {
    let body = line.trim_start_matches(' ');
    if line.len() - body.len() > 3 {
        return None;
    }
    let rest = body.strip_prefix('[')?;
    let close = rest.find("]:")?;
    let label = &rest[..close];
    if label.trim().is_empty() || label.contains(['[', ']']) || label.len() > 999 {
        return None;
    }
    let target = rest[close + 2..].trim();
    let destination = target.split_whitespace().next()?;
    // A URL-like destination, so that "[Note]: some words" in prose is not taken for one.
    let url_like = destination.starts_with('<')
        || destination.starts_with('/')
        || destination.starts_with('#')
        || destination.contains("://")
        || destination.starts_with("mailto:")
        || destination.contains('.');
    url_like.then_some(label)
}

/// Byte ranges of `text` (outside `blocks`) that are inline Markdown syntax, sorted and
/// non-overlapping: code spans, autolinks, inline HTML tags, whole images, and a link's `[` and
/// `](target)` (or `][ref]`, or the brackets of a defined shortcut reference).
fn inline_markup(
    text: &str,
    blocks: &[(Range<usize>, RemovalReason)],
    definitions: &HashSet<String>,
) -> Vec<Range<usize>> {
    let mut drops = Vec::new();
    let mut gap_start = 0;
    for (range, _) in blocks.iter().chain(std::iter::once(&(
        text.len()..text.len(),
        RemovalReason::Markup,
    ))) {
        if range.start > gap_start {
            inline_in(text, gap_start..range.start, definitions, &mut drops);
        }
        gap_start = gap_start.max(range.end);
    }
    drops.sort_by_key(|d| (d.start, d.end));
    // Merge overlaps (an image inside a link label, a tag inside a code span).
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(drops.len());
    for d in drops {
        match merged.last_mut() {
            Some(last) if d.start <= last.end => last.end = last.end.max(d.end),
            _ => merged.push(d),
        }
    }
    merged
}

/// Whether the line break at `nl` is followed by a blank line (a paragraph break).
fn blank_line_after(bytes: &[u8], nl: usize) -> bool {
    let rest = &bytes[nl + 1..];
    let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
    rest[..end].iter().all(|b| b.is_ascii_whitespace())
}

fn inline_in(
    text: &str,
    gap: Range<usize>,
    definitions: &HashSet<String>,
    drops: &mut Vec<Range<usize>>,
) {
    let bytes = text.as_bytes();
    // Paragraph breaks in the gap: code spans and link labels never cross one.
    let breaks: Vec<usize> = memchr::memchr_iter(b'\n', &bytes[gap.clone()])
        .map(|i| gap.start + i)
        .filter(|&nl| blank_line_after(bytes, nl))
        .collect();
    let paragraph_end = |at: usize| {
        let i = breaks.partition_point(|&b| b < at);
        breaks.get(i).copied().unwrap_or(gap.end)
    };
    let escaped = |at: usize| {
        let slashes = bytes[gap.start..at]
            .iter()
            .rev()
            .take(64)
            .take_while(|&&b| b == b'\\')
            .count();
        slashes % 2 == 1
    };

    // Code spans: a run of n backticks closes at the next run of exactly n in its paragraph.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = gap.start;
    while let Some(rel) = memchr::memchr(b'`', &bytes[i..gap.end]) {
        let at = i + rel;
        let len = bytes[at..gap.end]
            .iter()
            .take_while(|&&b| b == b'`')
            .count();
        if !escaped(at) {
            runs.push((at, len));
        }
        i = at + len;
    }
    let mut by_len: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, &(_, len)) in runs.iter().enumerate() {
        by_len.entry(len).or_default().push(k);
    }
    let mut cursor: HashMap<usize, usize> = HashMap::new();
    let mut code: Vec<Range<usize>> = Vec::new();
    let mut k = 0;
    while k < runs.len() {
        let (at, len) = runs[k];
        let list = &by_len[&len];
        let c = cursor.entry(len).or_insert(0);
        while *c < list.len() && list[*c] <= k {
            *c += 1;
        }
        let limit = paragraph_end(at);
        match list.get(*c) {
            Some(&close) if runs[close].0 < limit => {
                let end = runs[close].0 + len;
                code.push(at..end);
                k = close + 1;
            }
            _ => k += 1,
        }
    }
    let in_code = |at: usize| {
        let i = code.partition_point(|r| r.end <= at);
        code.get(i).is_some_and(|r| r.start <= at)
    };

    // Brackets matched once, linearly: `close[open]` for each `[` closed in its paragraph.
    let mut close: HashMap<usize, usize> = HashMap::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut next_break = 0;
    for at in memchr::memchr2_iter(b'[', b']', &bytes[gap.clone()]).map(|i| gap.start + i) {
        while next_break < breaks.len() && breaks[next_break] < at {
            stack.clear();
            next_break += 1;
        }
        if in_code(at) || escaped(at) {
            continue;
        }
        if bytes[at] == b'[' {
            stack.push(at);
        } else if let Some(open) = stack.pop() {
            close.insert(open, at);
        }
    }

    drops.extend(code.iter().cloned());
    // Scan the rest left to right; `pending` holds the `](target)` parts to jump over.
    let mut pending: Vec<Range<usize>> = Vec::new();
    let mut i = gap.start;
    while i < gap.end {
        while pending.last().is_some_and(|p| p.start < i) {
            pending.pop();
        }
        if let Some(p) = pending.last() {
            if p.start == i {
                i = p.end;
                pending.pop();
                continue;
            }
        }
        if in_code(i) {
            let c = code.partition_point(|r| r.end <= i);
            i = code[c].end;
            continue;
        }
        match bytes[i] {
            b'\\' => i += 2,
            b'<' => match angle(bytes, i, gap.end) {
                Some(end) => {
                    drops.push(i..end);
                    i = end;
                }
                None => i += 1,
            },
            b'!' | b'[' => {
                let image = bytes[i] == b'!';
                let open = if image { i + 1 } else { i };
                let Some(&label_end) = (bytes.get(open) == Some(&b'['))
                    .then(|| close.get(&open))
                    .flatten()
                else {
                    i += 1;
                    continue;
                };
                let after = (label_end + 1 < gap.end).then(|| bytes[label_end + 1]);
                let target = match after {
                    Some(b'(') => inline_target(bytes, label_end + 1, gap.end),
                    Some(b'[') => close.get(&(label_end + 1)).and_then(|&ref_end| {
                        let reference = if ref_end == label_end + 2 {
                            &text[open + 1..label_end]
                        } else {
                            &text[label_end + 2..ref_end]
                        };
                        definitions
                            .contains(&normalise_label(reference))
                            .then_some(ref_end + 1)
                    }),
                    _ => definitions
                        .contains(&normalise_label(&text[open + 1..label_end]))
                        .then_some(label_end + 1),
                };
                match target {
                    Some(end) if image => {
                        drops.push(i..end);
                        i = end;
                    }
                    Some(end) => {
                        drops.push(open..open + 1);
                        drops.push(label_end..end);
                        pending.push(label_end..end);
                        i = open + 1;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
}

/// For `(` at `open` after a link label: the end of `(destination "title")`, if well formed
/// on one line. The destination is `<…>` or has no spaces, brackets or angle brackets.
fn inline_target(bytes: &[u8], open: usize, limit: usize) -> Option<usize> {
    let limit = limit.min(open + MAX_TARGET);
    let mut i = open + 1;
    let skip_spaces = |mut i: usize| {
        while i < limit && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        i
    };
    i = skip_spaces(i);
    if bytes.get(i) == Some(&b'<') {
        let rel = memchr::memchr3(b'>', b'<', b'\n', bytes.get(i + 1..limit)?)?;
        if bytes[i + 1 + rel] != b'>' {
            return None;
        }
        i += rel + 2;
    } else {
        let mut depth = 0usize;
        while i < limit {
            match bytes[i] {
                b'(' => depth += 1,
                b')' if depth == 0 => break,
                b')' => depth -= 1,
                b'\\' => i += 1,
                b' ' | b'\t' | b'\n' | b'\r' | b'[' | b']' | b'<' | b'>' => break,
                b if b < 0x20 => return None,
                _ => {}
            }
            i += 1;
        }
        if depth > 0 {
            return None;
        }
    }
    i = skip_spaces(i);
    if let Some(&q) = bytes
        .get(i)
        .filter(|&&q| q == b'"' || q == b'\'' || q == b'(')
    {
        let closing = if q == b'(' { b')' } else { q };
        if i == open + 1 || !matches!(bytes[i - 1], b' ' | b'\t') {
            return None;
        }
        let rel = memchr::memchr2(closing, b'\n', bytes.get(i + 1..limit)?)?;
        if bytes[i + 1 + rel] != closing {
            return None;
        }
        i = skip_spaces(i + rel + 2);
    }
    (i < limit && bytes[i] == b')').then_some(i + 1)
}

/// For `<` at `at`: the end of an autolink (`<https://…>`, `<name@host>`) or an inline HTML tag
/// (`<b>`, `</a>`, `<a href="…">`) on one line.
fn angle(bytes: &[u8], at: usize, limit: usize) -> Option<usize> {
    let limit = limit.min(at + MAX_TAG);
    let rel = memchr::memchr3(b'>', b'<', b'\n', bytes.get(at + 1..limit)?)?;
    let end = at + 1 + rel;
    if bytes[end] != b'>' {
        return None;
    }
    let inner = &bytes[at + 1..end];
    let name_len = |s: &[u8]| {
        s.iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count()
    };
    // An autolink: a scheme, a colon, no spaces; or an e-mail address.
    let scheme = inner
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
        .count();
    let no_space = !inner.iter().any(|b| b.is_ascii_whitespace());
    if no_space
        && (2..=32).contains(&scheme)
        && inner[0].is_ascii_alphabetic()
        && inner.get(scheme) == Some(&b':')
    {
        return Some(end + 1);
    }
    if no_space && inner.contains(&b'@') && inner.contains(&b'.') && !inner.contains(&b'\\') {
        return Some(end + 1);
    }
    // An inline HTML tag: `<name …>`, `</name>`, `<name/>`.
    let (closing, tag) = match inner.first() {
        Some(b'/') => (true, &inner[1..]),
        _ => (false, inner),
    };
    let n = name_len(tag);
    if n == 0 || !tag[0].is_ascii_alphabetic() {
        return None;
    }
    let rest = &tag[n..];
    let ok = if closing {
        rest.iter().all(|b| b.is_ascii_whitespace())
    } else {
        rest.is_empty() || rest == b"/" || rest[0].is_ascii_whitespace()
    };
    ok.then_some(end + 1)
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
    removed: &mut Vec<(Range<usize>, RemovalReason)>,
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
            removed.push((0..offset, RemovalReason::Markup));
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

    /// The text outside removed regions, and the file's bytes behind a range of the text.
    fn kept(doc: &Document) -> String {
        let mut out = String::new();
        let mut pos = 0;
        for r in &doc.removed {
            out.push_str(&doc.text[pos..r.range.start.max(pos)]);
            pos = pos.max(r.range.end);
        }
        out.push_str(&doc.text[pos..]);
        out
    }

    fn file_bytes<'a>(src: &'a str, doc: &Document, needle: &str) -> &'a str {
        let at = doc.text.find(needle).unwrap();
        let span = doc.span(at..at + needle.len());
        &src[span.start..span.end]
    }

    #[test]
    fn link_target_is_not_text_and_the_label_maps_to_its_bytes() {
        // Regression (issue 9, row 8): `--fix` rewrote the name inside a link's URL.
        let src = "Mark [Janssen](https://x.example/Janssen \"Janssen\") spoke.\n";
        let doc = read("a.md", decode(src.as_bytes().to_vec()));
        assert_eq!(doc.text, "Mark Janssen spoke.\n");
        let at = doc.text.find("Janssen").unwrap();
        let span = doc.span(at..at + 7);
        assert_eq!(span.start, src.find("Janssen").unwrap());
        assert_eq!(&src[span.start..span.end], "Janssen");
        let whole = doc.span(0..doc.text.len());
        assert_eq!((whole.start, whole.end), (0, src.len()));
    }

    #[test]
    fn images_autolinks_code_spans_and_tags_are_not_text() {
        let src = "See ![Janssen](j.png) and <https://x.example/Janssen> or <a@b.example>, \
                   call `Janssen()` or ``a ` b`` with <b class=\"x\">bold</b> words.\n";
        let doc = read("a.md", decode(src.as_bytes().to_vec()));
        assert_eq!(doc.text, "See  and  or , call  or  with bold words.\n");
        assert_eq!(file_bytes(src, &doc, "bold"), "bold");
    }

    #[test]
    fn reference_links_and_their_definitions_are_not_text() {
        let src = "Mark [Janssen][j] and [Jansen][] and [J] met.\n\n[j]: https://x.example/Janssen\n[jansen]: <https://x.example/Jansen> \"t\"\n [J]: /j\n";
        let doc = read("a.md", decode(src.as_bytes().to_vec()));
        assert_eq!(kept(&doc).trim_end(), "Mark Janssen and Jansen and J met.");
        let reasons: Vec<_> = doc.removed.iter().map(|r| r.reason).collect();
        assert_eq!(reasons, [RemovalReason::Markup; 3]);
        let at = doc.text.find("Jansen ").unwrap();
        let span = doc.span(at..at + "Jansen".len());
        assert_eq!(&src[span.start..span.end], "Jansen");
    }

    #[test]
    fn fenced_code_is_a_removed_code_block() {
        let src =
            "Intro [not a link] and [open.\n\n```rust\nlet x = [a](b);\n```\n~~~~\nno close\n";
        let doc = read("a.md", decode(src.as_bytes().to_vec()));
        assert_eq!(doc.text, src, "nothing inline outside the code is markup");
        let code: Vec<&str> = doc
            .removed
            .iter()
            .filter(|r| r.reason == RemovalReason::Code)
            .map(|r| &doc.text[r.range.clone()])
            .collect();
        assert_eq!(code, ["```rust\nlet x = [a](b);\n```", "~~~~\nno close\n"]);
    }

    #[test]
    fn a_link_around_an_image_drops_both_targets() {
        let src = "A [![logo](l.png) Janssen](https://x.example) B\n";
        let doc = read("a.md", decode(src.as_bytes().to_vec()));
        assert_eq!(doc.text, "A  Janssen B\n");
        assert_eq!(file_bytes(src, &doc, "Janssen"), "Janssen");
    }

    #[test]
    fn unmatched_and_escaped_markup_stays_text() {
        let src = "A \\[x](y) and [x] (y) and `open and [a](b c d) and <3 and a < b > c.\n\nNext ` para.\n";
        let doc = read("a.md", decode(src.as_bytes().to_vec()));
        assert_eq!(doc.text, src);
    }

    #[test]
    fn spans_stay_exact_in_a_re_encoded_file() {
        // Windows-1252 "é" is one byte in the file, two in the text.
        let mut src =
            b"Caf\xe9 [Janssen](https://x.example) said caf\xe9 twice, Janssen.\n".to_vec();
        src.extend_from_slice(b"And more text in the old encoding, caf\xe9 cr\xe8me.\n");
        let doc = read("a.md", decode(src.clone()));
        let at = doc.text.rfind("Janssen").unwrap();
        let span = doc.span(at..at + 7);
        assert_eq!(&src[span.start..span.end], b"Janssen");
        let at = doc.text.find("Janssen").unwrap();
        let span = doc.span(at..at + 7);
        assert_eq!(&src[span.start..span.end], b"Janssen");
    }

    #[test]
    fn markup_storms_are_read_in_linear_time() {
        // Every scan is linear: a million bytes of brackets, backticks and angle brackets read
        // at once (a quadratic scan would take minutes).
        for unit in ["[", "[](x", "`", "` ``", "<a", "](", "![", "[a][", "<!--"] {
            let src = unit.repeat(1_000_000 / unit.len());
            let len = src.len();
            let doc = read("a.md", decode(src.into_bytes()));
            let whole = doc.span(0..doc.text.len());
            assert_eq!((whole.start, whole.end), (0, len), "{unit}");
        }
    }

    #[test]
    fn unterminated_front_matter_is_body_text() {
        let doc = read("a.md", decode(b"---\ntitle: x\nno end".to_vec()));
        assert!(doc.removed.is_empty());
        assert!(doc.meta.title.is_none());
    }
}
