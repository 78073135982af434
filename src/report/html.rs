//! `audit --html FILE`: one self-contained HTML report (inline CSS and JS, no network).
//!
//! The page is built from the same wire structs as the JSON report ([`JsonReport`]), plus view
//! data for display (sentence texts, word diffs from the one word-diff renderer). Article text
//! never becomes markup: the static page escapes it with [`escape`], and every other piece of
//! data travels in inert `<script type="application/json">` blocks (with `<`, `>` and `&`
//! written as JSON escapes) that the page's script turns into DOM nodes with `textContent`
//! only. Clusters, pairs and documents are separate blocks rendered when opened, so a corpus of
//! tens of thousands of articles opens quickly.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::json::{JsonDocument, JsonFinding, JsonPair, JsonReport};
use super::worddiff::{word_diff, Piece, Sides};
use super::Locator;
use crate::analysis::align::AlignKind;
use crate::Analysis;

const STYLE: &str = include_str!("html/style.css");
const SCRIPT: &str = include_str!("html/app.js");

/// At most this many articles of one cluster get a row and column in its coverage heatmap.
pub const HEATMAP_MAX: usize = 40;

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON for an inert `<script type="application/json">` block: `<`, `>` and `&` only occur
/// inside JSON strings, where their `\u` escapes mean the same, so no text can close the block.
fn script_json<T: Serialize>(value: &T) -> serde_json::Result<String> {
    let json = serde_json::to_string(value)?;
    let mut out = String::with_capacity(json.len() + json.len() / 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// A word diff as `[tag, text]` pairs: 0 same, 1 only in the first text, 2 only in the second.
#[derive(Serialize)]
struct ViewPiece(u8, String);

fn view_pieces(a: &str, b: &str) -> Vec<ViewPiece> {
    word_diff(a, b)
        .pieces(Sides::Both)
        .into_iter()
        .map(|p| match p {
            Piece::Same(t) => ViewPiece(0, t),
            Piece::Removed(t) => ViewPiece(1, t),
            Piece::Added(t) => ViewPiece(2, t),
        })
        .collect()
}

/// The documents list: metadata (the JSON report's entry), cluster and index.
#[derive(Serialize)]
struct ViewDocument<'r, 'a> {
    #[serde(flatten)]
    meta: &'r JsonDocument<'a, usize>,
    cluster: usize,
}

/// A finding (the JSON report's entry) with the document and sentence it sits in.
#[derive(Serialize)]
struct ViewFinding<'r, 'a> {
    #[serde(flatten)]
    finding: &'r JsonFinding<'a>,
    doc: usize,
    sentence: Option<usize>,
}

/// One aligned run: sentence ranges on both sides, kind, score, and a word diff unless the two
/// are verbatim copies.
#[derive(Serialize)]
struct ViewAlignment {
    a: [usize; 2],
    b: [usize; 2],
    a_line: usize,
    b_line: usize,
    kind: &'static str,
    score: f64,
    fragment: bool,
    diff: Option<Vec<ViewPiece>>,
}

#[derive(Serialize)]
struct ViewPair<'r, 'a> {
    #[serde(flatten)]
    pair: &'r JsonPair<'a>,
    doc_a: usize,
    doc_b: usize,
    aligned: Vec<ViewAlignment>,
}

#[derive(Serialize)]
struct ViewQuote<'a> {
    doc: usize,
    line: usize,
    sentence: Option<usize>,
    text: &'a str,
    speaker: Option<&'a str>,
    /// Word diff from the canonical wording; `None` for the canonical quotation itself.
    diff: Option<Vec<ViewPiece>>,
}

#[derive(Serialize)]
struct ViewQuoteGroup<'a> {
    group: usize,
    canonical: ViewQuote<'a>,
    variants: Vec<ViewQuote<'a>>,
}

#[derive(Serialize)]
struct ViewCluster<'a> {
    id: usize,
    members: Vec<usize>,
    shared: Vec<usize>,
    unique: Vec<usize>,
    /// Member positions shown in the heatmap (the first [`HEATMAP_MAX`]).
    heat_members: usize,
    /// Row-major share of the row article's words found in the column article.
    heat: Vec<Option<f64>>,
    /// Position of the earliest-dated member.
    earliest: Option<usize>,
    pairs: Vec<usize>,
    quote_groups: Vec<ViewQuoteGroup<'a>>,
}

/// The sentence of document `doc` that holds original byte `offset`.
fn sentence_at(starts: &[Vec<usize>], doc: usize, offset: usize) -> Option<usize> {
    let s = &starts[doc];
    match s.partition_point(|&x| x <= offset) {
        0 => None,
        n => Some(n - 1),
    }
}

/// Writes the HTML report of an audit.
pub fn write(analysis: &Analysis, out: &mut dyn Write) -> std::io::Result<()> {
    let docs = &analysis.documents;
    let corpus = &analysis.corpus;
    let locator = Locator::new(docs);
    let report = JsonReport::new(analysis, &locator);
    let starts: Vec<Vec<usize>> = docs
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| d.span(s.range.clone()).start)
                .collect()
        })
        .collect();
    let cluster_of = &corpus.clusters.of_document;

    // Quote groups with their canonical wording (the same choice quote-altered makes).
    let canon = crate::analysis::quotes::canonical(docs, &corpus.quotes, &vec![false; docs.len()]);
    let mut group_members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, q) in corpus.quotes.iter().enumerate() {
        if let Some(g) = q.group {
            group_members.entry(g).or_default().push(i);
        }
    }
    let quote_view = |i: usize, diff: Option<Vec<ViewPiece>>| {
        let q = &corpus.quotes[i];
        let jq = &report.quotes[i];
        ViewQuote {
            doc: q.document,
            line: jq.line,
            sentence: sentence_at(&starts, q.document, jq.start),
            text: jq.text,
            speaker: jq.speaker,
            diff,
        }
    };
    let mut groups_by_cluster: Vec<Vec<ViewQuoteGroup<'_>>> = (0..corpus.clusters.members.len())
        .map(|_| Vec::new())
        .collect();
    for (g, list) in &group_members {
        let Some(&c) = canon.get(g) else { continue };
        if list.len() < 2 {
            continue;
        }
        let canonical_text = report.quotes[c].text;
        let variants = list
            .iter()
            .filter(|&&i| i != c)
            .map(|&i| {
                // A partial quotation is compared with the part of the canonical wording it
                // lines up with, as quote-altered does.
                let text = report.quotes[i].text;
                let part = if text.len() < canonical_text.len() {
                    let window = crate::analysis::quotes::aligned_window(canonical_text, text);
                    canonical_text.get(window).unwrap_or(canonical_text)
                } else {
                    canonical_text
                };
                quote_view(i, Some(view_pieces(part, text)))
            })
            .collect();
        if let Some(cluster) = cluster_of.get(corpus.quotes[c].document) {
            groups_by_cluster[*cluster].push(ViewQuoteGroup {
                group: *g,
                canonical: quote_view(c, None),
                variants,
            });
        }
    }

    let mut pairs_by_cluster: Vec<Vec<usize>> = vec![Vec::new(); corpus.clusters.members.len()];
    for (k, p) in corpus.pairs.iter().enumerate() {
        if let Some(&c) = cluster_of.get(p.a) {
            pairs_by_cluster[c].push(k);
        }
    }

    let title = format!(
        "wirecheck audit: {} documents, {} clusters, {} findings",
        docs.len(),
        corpus.clusters.members.len(),
        report.findings.len()
    );
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    )?;
    let count = |s: &str| report.findings.iter().filter(|f| f.severity == s).count();
    let multi = corpus
        .clusters
        .members
        .iter()
        .filter(|m| m.len() > 1)
        .count();
    write!(
        out,
        "<header><h1>wirecheck audit</h1><p id=\"summary\">{} documents · {} clusters ({} with \
         more than one article) · {} findings: {} errors, {} warnings, {} info · {} {}</p>\
         <nav><a href=\"#findings\">Findings</a> <a href=\"#clusters\">Clusters</a> \
         <a href=\"#documents\">Documents</a></nav></header>",
        docs.len(),
        corpus.clusters.members.len(),
        multi,
        report.findings.len(),
        count("error"),
        count("warning"),
        count("info"),
        escape(report.tool.name),
        escape(report.tool.version),
    )?;
    writeln!(out)?;
    out.write_all(
        b"<noscript><p class=\"note\">This report renders its sections with JavaScript; \
          the data is in the page source.</p></noscript>\n\
          <main>\n<section id=\"findings\"><h2>Findings</h2>\
          <div class=\"filters\"><label>rule <select id=\"f-rule\"><option value=\"\">all</option></select></label> \
          <label>severity <select id=\"f-sev\"><option value=\"\">all</option>\
          <option>error</option><option>warning</option><option>info</option></select></label> \
          <label>text <input id=\"f-text\" type=\"search\"></label> <span id=\"f-count\"></span></div>\
          <table id=\"findings-table\"><thead><tr><th>severity</th><th>rule</th><th>document</th>\
          <th>line</th><th>found</th><th>suggestion</th><th>message</th></tr></thead><tbody></tbody></table>\
          <button id=\"f-more\" hidden>show more</button></section>\n\
          <section id=\"context\" hidden><h2>In context</h2><div id=\"context-body\"></div></section>\n\
          <section id=\"clusters\"><h2>Clusters</h2><div id=\"cluster-list\"></div></section>\n\
          <section id=\"documents\"><h2>Documents</h2><details id=\"doc-details\"><summary>article metadata</summary>\
          <div id=\"doc-list\"></div></details></section>\n</main>\n",
    )?;

    let block = |out: &mut dyn Write, id: &str, json: String| -> std::io::Result<()> {
        writeln!(
            out,
            "<script type=\"application/json\" id=\"{id}\">{json}</script>"
        )
    };
    let json_err = |e: serde_json::Error| std::io::Error::other(e);

    let documents: Vec<ViewDocument<'_, '_>> = report
        .documents
        .iter()
        .enumerate()
        .map(|(i, meta)| ViewDocument {
            meta,
            cluster: cluster_of.get(i).copied().unwrap_or(0),
        })
        .collect();
    block(
        out,
        "documents-data",
        script_json(&documents).map_err(json_err)?,
    )?;
    let findings: Vec<ViewFinding<'_, '_>> = report
        .findings
        .iter()
        .zip(&analysis.findings)
        .map(|(finding, f)| ViewFinding {
            finding,
            doc: f.document,
            sentence: sentence_at(&starts, f.document, f.span.start),
        })
        .collect();
    block(
        out,
        "findings-data",
        script_json(&findings).map_err(json_err)?,
    )?;

    // Clusters: an index of sizes, then one block per cluster.
    let sizes: Vec<usize> = corpus.clusters.members.iter().map(Vec::len).collect();
    block(out, "clusters-data", script_json(&sizes).map_err(json_err)?)?;
    for (id, (members, quote_groups)) in corpus
        .clusters
        .members
        .iter()
        .zip(groups_by_cluster)
        .enumerate()
    {
        let position: BTreeMap<usize, usize> =
            members.iter().enumerate().map(|(n, &d)| (d, n)).collect();
        let shown = members.len().min(HEATMAP_MAX);
        let mut heat = vec![None; shown * shown];
        for &k in &pairs_by_cluster[id] {
            let p = &report.pairs[k];
            let internal = &corpus.pairs[k];
            if let (Some(&x), Some(&y)) = (position.get(&internal.a), position.get(&internal.b)) {
                if x < shown && y < shown {
                    heat[x * shown + y] = Some(p.containment_a_in_b);
                    heat[y * shown + x] = Some(p.containment_b_in_a);
                }
            }
        }
        let earliest = members
            .iter()
            .enumerate()
            .filter_map(|(n, &d)| docs[d].meta.date.as_deref().map(|date| (date, n)))
            .min()
            .map(|(_, n)| n);
        let article = report.clusters.get(id);
        let view = ViewCluster {
            id,
            members: members.clone(),
            shared: article
                .map_or_else(Vec::new, |c| c.articles.iter().map(|a| a.shared).collect()),
            unique: article
                .map_or_else(Vec::new, |c| c.articles.iter().map(|a| a.unique).collect()),
            heat_members: shown,
            heat,
            earliest,
            pairs: pairs_by_cluster[id].clone(),
            quote_groups,
        };
        block(
            out,
            &format!("c{id}"),
            script_json(&view).map_err(json_err)?,
        )?;
    }
    // Pairs: one block each, with diffs of the aligned runs that are not verbatim.
    for (k, (p, internal)) in report.pairs.iter().zip(&corpus.pairs).enumerate() {
        let (da, db) = (&docs[internal.a], &docs[internal.b]);
        let text = |d: &crate::model::Document, r: &std::ops::Range<usize>| -> String {
            d.text[d.sentences[r.start].range.start..d.sentences[r.end - 1].range.end].to_string()
        };
        let aligned = internal
            .alignments
            .iter()
            .zip(&p.alignments)
            .map(|(al, jal)| ViewAlignment {
                a: [al.a.start, al.a.end],
                b: [al.b.start, al.b.end],
                a_line: jal.a.line,
                b_line: jal.b.line,
                kind: jal.kind,
                score: jal.score,
                fragment: jal.fragment,
                diff: (al.kind != AlignKind::Verbatim)
                    .then(|| view_pieces(&text(da, &al.a), &text(db, &al.b))),
            })
            .collect();
        let view = ViewPair {
            pair: p,
            doc_a: internal.a,
            doc_b: internal.b,
            aligned,
        };
        block(out, &format!("p{k}"), script_json(&view).map_err(json_err)?)?;
    }
    // Documents' sentences: `[line, kind, text]`.
    for (i, d) in docs.iter().enumerate() {
        let sentences: Vec<(usize, &str, &str)> = d
            .sentences
            .iter()
            .zip(&starts[i])
            .map(|(s, &start)| {
                (
                    locator.line_column(i, start).0,
                    s.kind.as_str(),
                    d.sentence_text(s),
                )
            })
            .collect();
        block(
            out,
            &format!("d{i}"),
            script_json(&sentences).map_err(json_err)?,
        )?;
    }
    write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_turns_markup_into_text() {
        assert_eq!(
            escape(r#"<img src=x onerror="alert(1)"> & 'q'"#),
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;q&#39;"
        );
    }

    #[test]
    fn json_blocks_cannot_be_closed_by_text() {
        let json = script_json(&vec!["</script><script>alert(1)</script> & \u{2028}"]).unwrap();
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back[0], "</script><script>alert(1)</script> & \u{2028}");
    }

    #[test]
    fn sentences_are_found_by_offset() {
        let starts = vec![vec![0, 10, 20]];
        assert_eq!(sentence_at(&starts, 0, 0), Some(0));
        assert_eq!(sentence_at(&starts, 0, 15), Some(1));
        assert_eq!(sentence_at(&starts, 0, 99), Some(2));
        let starts = vec![vec![5]];
        assert_eq!(sentence_at(&starts, 0, 2), None);
    }

    #[test]
    fn diffs_travel_as_tagged_pieces() {
        let v = view_pieces("Mark Jansen said", "Mark Janssen said");
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(json, r#"[[0,"Mark Jans"],[2,"s"],[0,"en said"]]"#);
    }
}
