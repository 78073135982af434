//! `wirecheck diff A B`: the two articles' alignment in reading order.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use super::json::{JsonPair, Tool, VERSION};
use super::worddiff::{render_new, render_old, word_diff};
use super::Locator;
use crate::analysis::PairReport;
use crate::model::Document;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const RED: Style = AnsiColor::Red.on_default();
const GREEN: Style = AnsiColor::Green.on_default();

/// One row of the diff in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// Index into the pair's alignments.
    Aligned(usize),
    OnlyA(usize),
    OnlyB(usize),
}

/// Orders alignments and unmatched sentences as a reader of A meets them; sentences only in B
/// come just before the next aligned sentence that follows them in B.
pub fn rows(pair: &PairReport, a_len: usize, b_len: usize) -> Vec<Row> {
    let mut a_aligned = vec![None; a_len];
    let mut b_aligned = vec![false; b_len];
    for (k, al) in pair.alignments.iter().enumerate() {
        for i in al.a.clone() {
            a_aligned[i].get_or_insert(k);
        }
        for j in al.b.clone() {
            b_aligned[j] = true;
        }
    }
    let mut out = Vec::new();
    let mut b_cursor = 0;
    let mut shown = vec![false; pair.alignments.len()];
    for (i, aligned) in a_aligned.iter().enumerate() {
        match aligned {
            Some(k) => {
                if shown[*k] {
                    continue;
                }
                shown[*k] = true;
                let b_start = pair.alignments[*k].b.start;
                while b_cursor < b_start {
                    if !b_aligned[b_cursor] {
                        out.push(Row::OnlyB(b_cursor));
                    }
                    b_cursor += 1;
                }
                b_cursor = b_cursor.max(pair.alignments[*k].b.end);
                out.push(Row::Aligned(*k));
            }
            None => out.push(Row::OnlyA(i)),
        }
    }
    out.extend((b_cursor..b_len).filter(|&j| !b_aligned[j]).map(Row::OnlyB));
    out
}

fn run_text<'d>(doc: &'d Document, r: &std::ops::Range<usize>) -> &'d str {
    &doc.text[doc.sentences[r.start].range.start..doc.sentences[r.end - 1].range.end]
}

fn line(doc: &Document, locator: &Locator<'_>, index: usize, sentence: usize) -> usize {
    let span = doc.span(doc.sentences[sentence].range.clone());
    locator.line_column(index, span.start).0
}

/// Splits `text` into lines of at most `width` characters at spaces (ANSI-free text only).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let last = lines.last_mut().expect("one line");
        let len = last.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if len > 0 {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines
}

pub fn write_human(
    docs: &[Document],
    pair: &PairReport,
    out: &mut dyn Write,
    color: bool,
    side_by_side: Option<usize>,
) -> std::io::Result<()> {
    let locator = Locator::new(docs);
    let (a, b) = (&docs[0], &docs[1]);
    writeln!(out, "{BOLD}--- A {}{BOLD:#}", a.name)?;
    writeln!(out, "{BOLD}+++ B {}{BOLD:#}", b.name)?;
    writeln!(
        out,
        "{DIM}{} aligned, {:.0}% of A found in B, {:.0}% of B found in A{DIM:#}\n",
        pair.alignments.len(),
        pair.containment_a_in_b * 100.0,
        pair.containment_b_in_a * 100.0
    )?;
    for row in rows(pair, a.sentences.len(), b.sentences.len()) {
        match (row, side_by_side) {
            (Row::Aligned(k), None) => {
                let al = &pair.alignments[k];
                let pieces = word_diff(run_text(a, &al.a), run_text(b, &al.b));
                writeln!(
                    out,
                    "{BOLD}= A:{} ⇄ B:{}{BOLD:#} {DIM}{}{} (score {:.2}){DIM:#}",
                    line(a, &locator, 0, al.a.start),
                    line(b, &locator, 1, al.b.start),
                    al.kind.as_str(),
                    if al.fragment { ", fragment" } else { "" },
                    al.score
                )?;
                writeln!(out, "  A {}", render_old(&pieces, color))?;
                writeln!(out, "  B {}", render_new(&pieces, color))?;
            }
            (Row::OnlyA(i), None) => {
                writeln!(out, "{RED}< A:{} only in A{RED:#}", line(a, &locator, 0, i))?;
                writeln!(out, "  A {}", a.sentence_text(&a.sentences[i]))?;
            }
            (Row::OnlyB(j), None) => {
                writeln!(
                    out,
                    "{GREEN}> B:{} only in B{GREEN:#}",
                    line(b, &locator, 1, j)
                )?;
                writeln!(out, "  B {}", b.sentence_text(&b.sentences[j]))?;
            }
            (row, Some(width)) => {
                // Any terminal width (or COLUMNS) gives sane columns.
                let col = (width.clamp(43, 1003) - 3) / 2;
                let (left, right, marker) = match row {
                    Row::Aligned(k) => {
                        let al = &pair.alignments[k];
                        (
                            run_text(a, &al.a).to_string(),
                            run_text(b, &al.b).to_string(),
                            if al.kind == crate::analysis::align::AlignKind::Verbatim {
                                "="
                            } else {
                                "~"
                            },
                        )
                    }
                    Row::OnlyA(i) => (
                        a.sentence_text(&a.sentences[i]).to_string(),
                        String::new(),
                        "<",
                    ),
                    Row::OnlyB(j) => (
                        String::new(),
                        b.sentence_text(&b.sentences[j]).to_string(),
                        ">",
                    ),
                };
                let (l, r) = (wrap(&left, col), wrap(&right, col));
                for k in 0..l.len().max(r.len()) {
                    let lt = l.get(k).map_or("", String::as_str);
                    let rt = r.get(k).map_or("", String::as_str);
                    let m = if k == 0 { marker } else { " " };
                    let pad = col - lt.chars().count().min(col);
                    writeln!(out, "{lt}{:pad$} {m} {rt}", "")?;
                }
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonUnmatched<'a> {
    start: usize,
    end: usize,
    line: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    version: u32,
    tool: Tool,
    pair: JsonPair<'a>,
    only_in_a: Vec<JsonUnmatched<'a>>,
    only_in_b: Vec<JsonUnmatched<'a>>,
}

pub fn write_json(
    docs: &[Document],
    pair: &PairReport,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let locator = Locator::new(docs);
    let unmatched = |index: usize, s: usize| {
        let d = &docs[index];
        let span = d.span(d.sentences[s].range.clone());
        JsonUnmatched {
            start: span.start,
            end: span.end,
            line: locator.line_column(index, span.start).0,
            text: d.sentence_text(&d.sentences[s]),
        }
    };
    let mut only_in_a = Vec::new();
    let mut only_in_b = Vec::new();
    for row in rows(pair, docs[0].sentences.len(), docs[1].sentences.len()) {
        match row {
            Row::OnlyA(i) => only_in_a.push(unmatched(0, i)),
            Row::OnlyB(j) => only_in_b.push(unmatched(1, j)),
            Row::Aligned(_) => {}
        }
    }
    let report = JsonDiff {
        version: VERSION,
        tool: Tool::current(),
        pair: JsonPair::build(pair, docs, &locator),
        only_in_a,
        only_in_b,
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::align::{AlignKind, Alignment};

    fn al(a: std::ops::Range<usize>, b: std::ops::Range<usize>) -> Alignment {
        Alignment {
            a,
            b,
            score: 1.0,
            kind: AlignKind::Verbatim,
            fragment: false,
            common_tokens: 1,
        }
    }

    #[test]
    fn rows_follow_a_and_slot_b_only_sentences_before_their_successor() {
        let pair = PairReport {
            a: 0,
            b: 1,
            alignments: vec![al(0..1, 1..2), al(2..3, 3..5)],
            containment_a_in_b: 0.0,
            containment_b_in_a: 0.0,
            longest_shared_run: 1,
            likely_source: None,
        };
        let r = rows(&pair, 4, 6);
        assert_eq!(
            r,
            vec![
                Row::OnlyB(0),
                Row::Aligned(0),
                Row::OnlyA(1),
                Row::OnlyB(2),
                Row::Aligned(1),
                Row::OnlyA(3),
                Row::OnlyB(5)
            ]
        );
    }

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(wrap("aa bb cc dd", 5), vec!["aa bb", "cc dd"]);
    }
}
