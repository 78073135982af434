//! Text stages: sentence segmentation and language identification.

pub mod features;
pub mod language;
pub mod segment;
pub mod tokens;
pub mod wordset;

use std::ops::Range;

use crate::model::{Document, Sentence, SentenceKind};

/// Words of a text with their byte ranges: letters, with inner hyphens and apostrophes
/// ("NATO-Ukraine", "Smith’s").
pub fn words(text: &str) -> Vec<Range<usize>> {
    word_ranges(text, char::is_alphabetic, &['-', '\'', '’'])
}

/// Runs of characters for which `part` holds, with `joiners` allowed inside a run (not at its
/// start), as byte ranges.
pub fn word_ranges(text: &str, part: impl Fn(char) -> bool, joiners: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = part(c) || (start.is_some() && joiners.contains(&c));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Splits the document's remaining text (outside removed regions) into sentences. Removed
/// regions and headline/caption blocks are hard boundaries.
pub fn segment_document(doc: &mut Document) {
    let text = doc.text.as_str();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for r in &doc.removed {
        cuts.push(r.range.start);
        cuts.push(r.range.end);
    }
    for (r, _) in &doc.block_hints {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut sentences = Vec::new();
    for pair in cuts.windows(2) {
        let block = pair[0]..pair[1];
        if block.is_empty() || doc.is_removed(block.start) {
            continue;
        }
        let kind = doc
            .block_hints
            .iter()
            .find(|(r, _)| r.start <= block.start && block.start < r.end)
            .map_or(SentenceKind::Body, |(_, k)| *k);
        let slice = &text[block.clone()];
        for range in segment::split_sentences(slice) {
            let range = strip_list_marker(text, block.start + range.start..block.start + range.end);
            if !range.is_empty() {
                sentences.push(Sentence {
                    range,
                    kind,
                    language: None,
                });
            }
        }
    }
    doc.sentences = sentences;
}

/// Drops a leading bullet or list number ("• ", "- ", "1. ", "> ") from a sentence's range.
fn strip_list_marker(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let marker_len = {
        let mut chars = s.char_indices();
        match chars.next() {
            Some((_, '•' | '-' | '*' | '–' | '—' | '>' | '·' | '▪')) => {
                s.chars().next().map_or(0, char::len_utf8)
            }
            Some((_, c)) if c.is_ascii_digit() => {
                let digits = s.bytes().take_while(u8::is_ascii_digit).count();
                match s.as_bytes().get(digits) {
                    Some(b'.' | b')') if digits <= 3 => digits + 1,
                    _ => 0,
                }
            }
            _ => 0,
        }
    };
    if marker_len == 0 || !s[marker_len..].starts_with([' ', '\t']) {
        return range;
    }
    let rest = &s[marker_len..];
    let start = range.start + marker_len + (rest.len() - rest.trim_start().len());
    start..range.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_markers_are_not_part_of_sentences() {
        let text = "• Point one.";
        assert_eq!(strip_list_marker(text, 0..text.len()), 4..text.len());
        let text = "12. Numbered item.";
        assert_eq!(strip_list_marker(text, 0..text.len()), 4..text.len());
        let text = "2025. A year.";
        assert_eq!(strip_list_marker(text, 0..text.len()), 0..text.len());
        let text = "-5 degrees.";
        assert_eq!(strip_list_marker(text, 0..text.len()), 0..text.len());
    }
}
