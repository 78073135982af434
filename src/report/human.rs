//! Human-readable output. Styles are always written; the output stream strips them when colour
//! is off (not a terminal, `--color never`, `NO_COLOR`).

use std::io::Write;

use anstyle::{AnsiColor, Style};

use super::escape::{escape, Escaped as E};
use super::Locator;
use crate::model::{Document, Finding, SentenceKind, Severity};
use crate::Analysis;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const BLUE: Style = AnsiColor::Blue.on_default().bold();
const GREEN: Style = AnsiColor::Green.on_default();

fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Info => AnsiColor::Cyan.on_default().bold(),
        Severity::Warning => AnsiColor::Yellow.on_default().bold(),
        Severity::Error => AnsiColor::Red.on_default().bold(),
    }
}

/// Bytes of a very long line decoded on each side of a finding.
const LINE_WINDOW: usize = 2048;

/// The original line holding `start`, and the column (in characters, 0-based) of `start` in
/// what is returned. Of a line longer than `2 * LINE_WINDOW` bytes only a window around `start`
/// is decoded: decoding a 4 MB line for every finding on it made reports quadratic.
fn line_text(doc: &Document, start: usize) -> (String, usize) {
    let bytes = doc.original();
    let start = start.min(bytes.len());
    let mut line_start = memchr::memrchr(b'\n', &bytes[..start]).map_or(0, |i| i + 1);
    let mut line_end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
    if line_end - line_start > 2 * LINE_WINDOW {
        let is_continuation = |i: usize| bytes.get(i).is_some_and(|b| (b & 0xC0) == 0x80);
        line_start = line_start.max(start.saturating_sub(LINE_WINDOW));
        while line_start < start && is_continuation(line_start) {
            line_start += 1;
        }
        line_end = line_end.min(start + LINE_WINDOW);
        while line_end > start && is_continuation(line_end) {
            line_end -= 1;
        }
    }
    let column = String::from_utf8_lossy(&bytes[line_start..start])
        .chars()
        .count();
    let line = String::from_utf8_lossy(&bytes[line_start..line_end]);
    (line.trim_end_matches('\r').to_string(), column)
}

/// Lines longer than this are shown as a window around the finding.
const SNIPPET_MAX: usize = 120;
/// About how many characters of a long line the window shows.
const SNIPPET_WINDOW: usize = 80;

/// What of a source line to show under a finding, and where its carets go.
#[derive(Debug, PartialEq, Eq)]
struct Snippet {
    text: String,
    /// Characters before the first caret.
    pad: usize,
    carets: usize,
}

/// The line itself when it is short; on a long line a window of about [`SNIPPET_WINDOW`]
/// characters around the finding (`column` 0-based, `width` characters wide), with `…` where
/// the line goes on.
fn snippet(line: &str, column: usize, width: usize) -> Snippet {
    let chars: Vec<char> = line.chars().collect();
    let len = chars.len();
    let column = column.min(len);
    let width = width.max(1);
    if len <= SNIPPET_MAX {
        return Snippet {
            text: line.to_string(),
            pad: column,
            carets: width,
        };
    }
    // Centre a short finding in the window; a long one starts a little after the window does.
    let shown = width.min(SNIPPET_WINDOW - 10);
    let before = (SNIPPET_WINDOW - shown) / 2;
    let mut start = column.saturating_sub(before);
    let end = (start + SNIPPET_WINDOW).min(len);
    if end - start < SNIPPET_WINDOW {
        start = end.saturating_sub(SNIPPET_WINDOW);
    }
    let mut text = String::new();
    if start > 0 {
        text.push('…');
    }
    text.extend(&chars[start..end]);
    if end < len {
        text.push('…');
    }
    let pad = column - start + usize::from(start > 0);
    Snippet {
        text,
        pad,
        carets: width.min(end.saturating_sub(column)).max(1),
    }
}

pub fn write_finding(
    out: &mut dyn Write,
    analysis: &Analysis,
    locator: &Locator<'_>,
    f: &Finding,
    color: bool,
) -> std::io::Result<()> {
    let doc = &analysis.documents[f.document];
    let loc = locator.locate(f);
    let sev = severity_style(f.severity);
    writeln!(
        out,
        "{sev}{}[{}]{sev:#}{BOLD}: {}{BOLD:#}",
        f.severity,
        f.rule,
        E(&f.message)
    )?;
    let gutter = loc.line.to_string().len();
    writeln!(
        out,
        "{:gutter$}{BLUE}-->{BLUE:#} {}:{}:{}",
        "",
        E(&doc.name),
        loc.line,
        loc.column
    )?;
    let (line, column) = line_text(doc, f.span.start);
    let span_chars = if loc.end_line == loc.line {
        (loc.end_column.saturating_sub(loc.column)).max(1)
    } else {
        line.chars().count().saturating_sub(column).max(1)
    };
    let snip = snippet(&line, column, span_chars);
    writeln!(out, "{:gutter$} {BLUE}|{BLUE:#}", "")?;
    writeln!(
        out,
        "{BLUE}{}{BLUE:#} {BLUE}|{BLUE:#} {}",
        loc.line,
        escape(&snip.text)
    )?;
    let hint = f
        .suggestion
        .as_deref()
        .map(|s| format!(" suggestion: {GREEN}{}{GREEN:#}", E(s)))
        .unwrap_or_default();
    writeln!(
        out,
        "{:gutter$} {BLUE}|{BLUE:#} {:pad$}{sev}{}{sev:#}{hint}",
        "",
        "",
        "^".repeat(snip.carets),
        pad = snip.pad
    )?;
    if f.rule == crate::model::RuleId::QuoteAltered {
        if let Some(canonical) = &f.suggestion {
            let (old, new) = (escape(canonical), escape(&f.found));
            let pieces = super::worddiff::word_diff(&old, &new);
            writeln!(
                out,
                "{:gutter$} {BLUE}={BLUE:#} diff: {}",
                "",
                super::worddiff::render_inline(&pieces, color)
            )?;
        }
    }
    for r in &f.related {
        let (line, _) = locator.line_column(r.document, r.span.start);
        writeln!(
            out,
            "{:gutter$} {BLUE}={BLUE:#} {DIM}see {}:{}: {}{DIM:#}",
            "",
            E(&analysis.documents[r.document].name),
            line,
            E(&r.text)
        )?;
    }
    writeln!(out)
}

pub fn write_summary(out: &mut dyn Write, analysis: &Analysis) -> std::io::Result<()> {
    let count = |s: Severity| analysis.findings.iter().filter(|f| f.severity == s).count();
    let docs = analysis.documents.len();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if analysis.findings.is_empty() {
        writeln!(
            out,
            "{BOLD}{} checked: no findings{BOLD:#}",
            plural(docs, "document")
        )
    } else {
        writeln!(
            out,
            "{BOLD}{} checked: {}, {}, {}{BOLD:#}",
            plural(docs, "document"),
            plural(count(Severity::Error), "error"),
            plural(count(Severity::Warning), "warning"),
            plural(count(Severity::Info), "info")
        )
    }
}

pub fn write_report(
    analysis: &Analysis,
    out: &mut dyn Write,
    quiet: bool,
    color: bool,
) -> std::io::Result<()> {
    if !quiet {
        write_corpus(analysis, out, color)?;
    }
    let locator = Locator::new(&analysis.documents);
    for f in &analysis.findings {
        write_finding(out, analysis, &locator, f, color)?;
    }
    if !quiet {
        write_summary(out, analysis)?;
    }
    Ok(())
}

fn or_dash(v: Option<&str>) -> E<'_> {
    E(v.unwrap_or("—"))
}

pub fn write_inspect(documents: &[Document], out: &mut dyn Write) -> std::io::Result<()> {
    let locator = Locator::new(documents);
    for (i, doc) in documents.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{BOLD}{}{BOLD:#}", E(&doc.name))?;
        writeln!(out, "  title     {}", or_dash(doc.meta.title.as_deref()))?;
        writeln!(out, "  date      {}", or_dash(doc.meta.date.as_deref()))?;
        writeln!(out, "  source    {}", or_dash(doc.meta.source.as_deref()))?;
        if let Some(url) = &doc.meta.url {
            writeln!(out, "  url       {}", E(url))?;
        }
        match doc.language {
            Some(l) => writeln!(
                out,
                "  language  {} (confidence {:.2}{})",
                l.code,
                l.confidence,
                if l.reliable { "" } else { ", unreliable" }
            )?,
            None => writeln!(out, "  language  —")?,
        }
        writeln!(out, "  encoding  {}", doc.encoding)?;
        for note in &doc.notes {
            let style = if note.warning {
                severity_style(Severity::Warning)
            } else {
                DIM
            };
            writeln!(out, "  {style}note      {}{style:#}", E(&note.message))?;
        }
        let removed_bytes: usize = doc.removed.iter().map(|r| r.range.len()).sum();
        writeln!(
            out,
            "  removed   {} region{}, {} bytes",
            doc.removed.len(),
            if doc.removed.len() == 1 { "" } else { "s" },
            removed_bytes
        )?;
        for r in &doc.removed {
            let span = doc.span(r.range.clone());
            let (first, _) = locator.line_column(i, span.start);
            let (last, _) = locator.line_column(i, span.end.saturating_sub(1).max(span.start));
            let lines = if first == last {
                format!("line {first}")
            } else {
                format!("lines {first}-{last}")
            };
            let preview: String = doc.text[r.range.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .take(50)
                .collect();
            writeln!(
                out,
                "            {DIM}{:<12} {lines:<13} bytes {}-{}  {preview}…{DIM:#}",
                r.reason.as_str(),
                span.start,
                span.end,
                preview = E(&preview)
            )?;
        }
        writeln!(out, "  sentences {}", doc.sentences.len())?;
        let width = doc.sentences.len().to_string().len();
        for (n, s) in doc.sentences.iter().enumerate() {
            let span = doc.span(s.range.clone());
            let (line, _) = locator.line_column(i, span.start);
            let kind = match s.kind {
                SentenceKind::Body => String::new(),
                k => format!("{BLUE}[{}]{BLUE:#} ", k.as_str()),
            };
            let lang = match (s.language, doc.language) {
                (Some(l), Some(d)) if l.reliable && l.code != d.code => {
                    format!("{} ", severity_style(Severity::Warning).render())
                        + &format!(
                            "[{}]{} ",
                            l.code,
                            severity_style(Severity::Warning).render_reset()
                        )
                }
                _ => String::new(),
            };
            writeln!(
                out,
                "  {:>width$} {DIM}L{line:<4}{DIM:#} {kind}{lang}{}",
                n + 1,
                E(doc.sentence_text(s))
            )?;
        }
    }
    Ok(())
}

/// Short labels for the articles of a cluster: `[1]`, `[2]`, ...
fn label(n: usize) -> String {
    format!("[{}]", n + 1)
}

/// The text of a run of sentences.
fn run_text(doc: &Document, sentences: &std::ops::Range<usize>) -> String {
    let first = &doc.sentences[sentences.start];
    let last = &doc.sentences[sentences.end - 1];
    doc.text[first.range.start..last.range.end].to_string()
}

/// The evidence for one cluster in a line: its strongest links (copies, or shared terms and
/// the date gap).
fn why_together(
    corpus: &crate::analysis::Corpus,
    cluster: usize,
    position: &dyn Fn(usize) -> usize,
) -> Option<String> {
    const SHOWN: usize = 3;
    let links: Vec<&crate::analysis::cluster::Link> = corpus
        .links
        .iter()
        .filter(|l| corpus.clusters.of_document[l.a] == cluster)
        .collect();
    let mut parts: Vec<String> = links
        .iter()
        .take(SHOWN)
        .map(|l| {
            let pair = format!("{}–{}", label(position(l.a)), label(position(l.b)));
            let gap = match l.date_gap_days {
                Some(0) => ", same day".to_string(),
                Some(g) => format!(", {g} day{} apart", if g == 1 { "" } else { "s" }),
                None => String::new(),
            };
            match l.kind {
                crate::analysis::cluster::LinkKind::Copy => {
                    format!("{pair} copy ({:.0}% shared{gap})", l.similarity * 100.0)
                }
                crate::analysis::cluster::LinkKind::Content => format!(
                    "{pair} similarity {:.2} ({}{gap})",
                    l.similarity,
                    l.shared_terms.join(", ")
                ),
                crate::analysis::cluster::LinkKind::Coverage => format!(
                    "{pair} near most of the cluster, similarity {:.2} on average ({}{gap})",
                    l.similarity,
                    l.shared_terms.join(", ")
                ),
            }
        })
        .collect();
    if links.len() > SHOWN {
        parts.push(format!("{} more", links.len() - SHOWN));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Clusters, a coverage table per cluster, and the aligned non-verbatim sentences with word
/// diffs.
pub fn write_corpus(analysis: &Analysis, out: &mut dyn Write, color: bool) -> std::io::Result<()> {
    let docs = &analysis.documents;
    let corpus = &analysis.corpus;
    let locator = Locator::new(docs);
    let line_of = |doc: usize, sentence: usize| {
        let span = docs[doc].span(docs[doc].sentences[sentence].range.clone());
        locator.line_column(doc, span.start).0
    };
    let counts: Vec<usize> = docs.iter().map(|d| d.sentences.len()).collect();
    let support_all = corpus.sentence_support(&counts);
    let multi = corpus
        .clusters
        .members
        .iter()
        .filter(|m| m.len() > 1)
        .count();
    writeln!(
        out,
        "{BOLD}{} cluster{} of articles on the same event{}{BOLD:#}",
        corpus.clusters.members.len(),
        if corpus.clusters.members.len() == 1 {
            ""
        } else {
            "s"
        },
        if multi == 0 {
            String::new()
        } else {
            format!(" ({multi} with more than one article)")
        }
    )?;
    let mut pairs_by_cluster: Vec<Vec<&crate::analysis::PairReport>> =
        vec![Vec::new(); corpus.clusters.members.len()];
    for p in &corpus.pairs {
        pairs_by_cluster[corpus.clusters.of_document[p.a]].push(p);
    }
    for (id, members) in corpus.clusters.members.iter().enumerate() {
        writeln!(out)?;
        writeln!(
            out,
            "{BLUE}cluster {id}{BLUE:#} {DIM}({} article{}){DIM:#}",
            members.len(),
            if members.len() == 1 { "" } else { "s" }
        )?;
        for (n, &d) in members.iter().enumerate() {
            let date = docs[d]
                .meta
                .date
                .as_deref()
                .map(|d| format!("  {d}"))
                .unwrap_or_default();
            writeln!(
                out,
                "  {:>5} {}{DIM}{}{DIM:#}",
                label(n),
                E(&docs[d].name),
                E(&date)
            )?;
        }
        if let [d] = members.as_slice() {
            let compilations = &corpus.clusters.compilations;
            if let Ok(i) = compilations.binary_search_by_key(d, |c| c.document) {
                let [x, y] = compilations[i].holds;
                writeln!(
                    out,
                    "  {DIM}read as a compilation: it holds passages of {} and {}, two unrelated stories, and joins no event{DIM:#}",
                    E(&docs[x].name),
                    E(&docs[y].name)
                )?;
            }
        }
        if members.len() < 2 {
            continue;
        }
        let position = |d: usize| members.iter().position(|&m| m == d).unwrap_or(0);
        if let Some(why) = why_together(corpus, id, &position) {
            writeln!(out, "  {DIM}why together: {why}{DIM:#}")?;
        }
        let pairs = &pairs_by_cluster[id];
        if members.len() <= 12 {
            writeln!(out, "  {DIM}coverage: share of the row article's words found in the column article{DIM:#}")?;
            write!(out, "        ")?;
            for n in 0..members.len() {
                write!(out, "{:>6}", label(n))?;
            }
            writeln!(out)?;
            for (row, &ra) in members.iter().enumerate() {
                write!(out, "  {:>5} ", label(row))?;
                for &cb in members {
                    let cell = if ra == cb {
                        "—".to_string()
                    } else {
                        pairs
                            .iter()
                            .find(|p| (p.a, p.b) == (ra, cb) || (p.a, p.b) == (cb, ra))
                            .map(|p| {
                                let share = if p.a == ra {
                                    p.containment_a_in_b
                                } else {
                                    p.containment_b_in_a
                                };
                                format!("{:.0}%", share * 100.0)
                            })
                            .unwrap_or_else(|| "·".to_string())
                    };
                    write!(out, "{cell:>6}")?;
                }
                writeln!(out)?;
            }
        } else {
            writeln!(
                out,
                "  {DIM}aligned against the representative article (large cluster){DIM:#}"
            )?;
        }
        for (n, &d) in members.iter().enumerate() {
            let support = &support_all[d];
            let shared = support.iter().filter(|&&k| k > 0).count();
            writeln!(
                out,
                "  {DIM}{} {} of {} sentences also elsewhere; adds {} of its own{DIM:#}",
                label(n),
                shared,
                support.len(),
                support.len() - shared
            )?;
        }
        for p in pairs.iter() {
            if let Some(src) = p.likely_source {
                let other = if src == p.a { p.b } else { p.a };
                writeln!(
                    out,
                    "  {DIM}{} published before {} (by date): likely source{DIM:#}",
                    label(position(src)),
                    label(position(other))
                )?;
            }
        }
        for p in pairs.iter() {
            for al in p
                .alignments
                .iter()
                .filter(|al| al.kind != crate::analysis::align::AlignKind::Verbatim)
            {
                let ta = run_text(&docs[p.a], &al.a);
                let tb = run_text(&docs[p.b], &al.b);
                let (ta, tb) = (escape(&ta).into_owned(), escape(&tb).into_owned());
                let pieces = super::worddiff::word_diff(&ta, &tb);
                writeln!(
                    out,
                    "\n  {BOLD}{}:{} ⇄ {}:{}{BOLD:#} {DIM}{}{} (score {:.2}){DIM:#}",
                    label(position(p.a)),
                    line_of(p.a, al.a.start),
                    label(position(p.b)),
                    line_of(p.b, al.b.start),
                    al.kind.as_str(),
                    if al.fragment { ", fragment" } else { "" },
                    al.score
                )?;
                writeln!(
                    out,
                    "    {:>5} {}",
                    label(position(p.a)),
                    super::worddiff::render_old(&pieces, color)
                )?;
                writeln!(
                    out,
                    "    {:>5} {}",
                    label(position(p.b)),
                    super::worddiff::render_new(&pieces, color)
                )?;
            }
        }
    }
    writeln!(out)
}

/// `check`: the drafts' findings and a summary naming how much evidence there was.
pub fn write_check(
    analysis: &Analysis,
    is_draft: &[bool],
    with_references: bool,
    out: &mut dyn Write,
    quiet: bool,
    color: bool,
) -> std::io::Result<()> {
    let locator = Locator::new(&analysis.documents);
    for f in &analysis.findings {
        write_finding(out, analysis, &locator, f, color)?;
    }
    if !quiet {
        let drafts = is_draft.iter().filter(|&&d| d).count();
        let evidence = is_draft.len() - drafts;
        let count = |s: Severity| analysis.findings.iter().filter(|f| f.severity == s).count();
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        // A draft no other article shares an event with was compared with none of them: a
        // clean result then says nothing about its names, quotations or figures.
        let of_its_event = super::draft_evidence(analysis, is_draft, with_references);
        for d in &of_its_event {
            if let Some(note) = &d.note {
                writeln!(
                    out,
                    "note: {}: {note}",
                    E(&analysis.documents[d.document].name)
                )?;
            }
        }
        let event = match of_its_event.as_slice() {
            [d] if evidence > 0 => format!(", {} of its event", d.of_its_event),
            _ => String::new(),
        };
        writeln!(
            out,
            "{BOLD}{} checked against {}{event}: {}, {}, {}{BOLD:#}",
            plural(drafts, "draft"),
            plural(evidence, "other article"),
            plural(count(Severity::Error), "error"),
            plural(count(Severity::Warning), "warning"),
            plural(count(Severity::Info), "info")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_shown_whole() {
        let s = snippet("Mark Jansen said so.", 5, 6);
        assert_eq!(s.text, "Mark Jansen said so.");
        assert_eq!((s.pad, s.carets), (5, 6));
    }

    #[test]
    fn long_lines_show_a_window_around_the_finding() {
        let line = format!("{}Jansen{}", "a ".repeat(150), " b".repeat(150));
        let s = snippet(&line, 300, 6);
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert_eq!(s.text.chars().count(), SNIPPET_WINDOW + 2);
        let marked: String = s.text.chars().skip(s.pad).take(s.carets).collect();
        assert_eq!(marked, "Jansen");
    }

    #[test]
    fn windows_at_the_ends_of_a_long_line() {
        let line = "x".repeat(200) + "END";
        let s = snippet(&line, 200, 3);
        assert!(s.text.starts_with('…') && !s.text.ends_with('…'));
        let marked: String = s.text.chars().skip(s.pad).take(s.carets).collect();
        assert_eq!(marked, "END");
        let s = snippet(&line, 0, 500);
        assert!(!s.text.starts_with('…') && s.text.ends_with('…'));
        assert_eq!((s.pad, s.carets), (0, SNIPPET_WINDOW));
        // A column past the end of the line (an offset at a line break) does not panic.
        let s = snippet(&line, 10_000, 1);
        assert_eq!(s.carets, 1);
    }
}
