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

/// The text of the original file's line holding `start`, for showing context; `None` when the
/// line is longer than 240 characters.
fn line_text(doc: &Document, start: usize) -> Option<String> {
    let bytes = doc.original();
    let start = start.min(bytes.len());
    let line_start = memchr::memrchr(b'\n', &bytes[..start]).map_or(0, |i| i + 1);
    let line_end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
    // A line too long to show is not decoded: doing so for every finding on a 4 MB line made
    // the report quadratic. 4 bytes per character bound the 240 characters shown below.
    if line_end - line_start > 240 * 4 {
        return None;
    }
    let line = String::from_utf8_lossy(&bytes[line_start..line_end]);
    let line = line.trim_end_matches('\r');
    (line.chars().count() <= 240).then(|| line.to_string())
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
    if let Some(line) = line_text(doc, f.span.start) {
        let width = if loc.end_line == loc.line {
            (loc.end_column.saturating_sub(loc.column)).max(1)
        } else {
            line.chars().count().saturating_sub(loc.column - 1).max(1)
        };
        writeln!(out, "{:gutter$} {BLUE}|{BLUE:#}", "")?;
        writeln!(
            out,
            "{BLUE}{}{BLUE:#} {BLUE}|{BLUE:#} {}",
            loc.line,
            escape(&line)
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
            "^".repeat(width),
            pad = loc.column - 1
        )?;
    } else if let Some(s) = &f.suggestion {
        writeln!(
            out,
            "{:gutter$} {BLUE}={BLUE:#} suggestion: {GREEN}{}{GREEN:#}",
            "",
            E(s)
        )?;
    }
    if f.rule == crate::model::RuleId::QuoteAltered {
        if let Some(canonical) = &f.suggestion {
            let pieces = super::worddiff::word_diff(&escape(canonical), &escape(&f.found));
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
        if members.len() < 2 {
            continue;
        }
        let position = |d: usize| members.iter().position(|&m| m == d).unwrap_or(0);
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
                let pieces = super::worddiff::word_diff(&escape(&ta), &escape(&tb));
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
        writeln!(
            out,
            "{BOLD}{} checked against {}: {}, {}, {}{BOLD:#}",
            plural(drafts, "draft"),
            plural(evidence, "other article"),
            plural(count(Severity::Error), "error"),
            plural(count(Severity::Warning), "warning"),
            plural(count(Severity::Info), "info")
        )?;
    }
    Ok(())
}
