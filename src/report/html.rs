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

use super::json::{JsonDocument, JsonReport};
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

/// A word diff as `[tag, text]` pairs: 0 same, 1 only in the first text, 2 only in the second
/// (quote variants, shown as one interleaved line).
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

/// One side of a word diff as run lengths over that side's own text, which the page already
/// has: unmarked, marked, unmarked, … in UTF-16 code units (JavaScript string indices). `None`
/// when the pieces do not spell out `text` exactly.
fn side_runs(text: &str, pieces: &[Piece]) -> Option<Vec<usize>> {
    let mut runs = Vec::new();
    let mut spelled = String::with_capacity(text.len());
    for p in pieces {
        let (marked, t) = match p {
            Piece::Same(t) => (false, t),
            Piece::Removed(t) | Piece::Added(t) => (true, t),
        };
        spelled.push_str(t);
        let len = t.encode_utf16().count();
        if runs.len() % 2 == usize::from(marked) {
            runs.push(len);
        } else if let Some(last) = runs.last_mut() {
            *last += len;
        } else {
            // A text that starts marked: an empty unmarked run first.
            runs.extend([0, len]);
        }
    }
    (spelled == text).then_some(runs)
}

/// The word diff of an aligned pair as run lengths over each side's text (see [`side_runs`]);
/// a side whose pieces do not spell out its text is shown unmarked.
fn view_runs(a: &str, b: &str) -> (Vec<usize>, Vec<usize>) {
    let diff = word_diff(a, b);
    let utf16 = |t: &str| vec![t.encode_utf16().count()];
    (
        side_runs(a, &diff.pieces(Sides::Old)).unwrap_or_else(|| utf16(a)),
        side_runs(b, &diff.pieces(Sides::New)).unwrap_or_else(|| utf16(b)),
    )
}

/// A document's metadata (the JSON report's entry) as one row: path, title, date, source,
/// author, url, language, language confidence, encoding, sentences, removed regions
/// (`[reason, line, end_line]`), notes, cluster.
#[derive(Serialize)]
#[allow(clippy::type_complexity)]
struct ViewDocument<'r>(
    &'r str,
    Option<&'r str>,
    Option<&'r str>,
    Option<&'r str>,
    Option<&'r str>,
    Option<&'r str>,
    Option<&'static str>,
    Option<f64>,
    &'static str,
    usize,
    Vec<(&'static str, usize, usize)>,
    &'r [&'r str],
    usize,
);

impl<'r> ViewDocument<'r> {
    fn new(d: &'r JsonDocument<'_, usize>, cluster: usize) -> Self {
        ViewDocument(
            d.path,
            d.title,
            d.date,
            d.source,
            d.author,
            d.url,
            d.language,
            d.language_confidence,
            d.encoding,
            d.sentences,
            d.removed
                .iter()
                .map(|r| (r.reason, r.line, r.end_line))
                .collect(),
            &d.notes,
            cluster,
        )
    }
}

/// A finding as one row: rule and severity (indices into the `meta` block's lists), document
/// index, the sentence it sits in, line, column, found, suggestion, score, message.
#[derive(Serialize)]
struct ViewFinding<'r>(
    usize,
    usize,
    usize,
    Option<usize>,
    usize,
    usize,
    &'r str,
    Option<&'r str>,
    Option<f64>,
    &'r str,
);

/// Lookup lists the rows refer to by index.
#[derive(Serialize)]
struct ViewMeta {
    rules: Vec<&'static str>,
    severities: Vec<&'static str>,
    kinds: Vec<&'static str>,
}

/// Index of `value` in `list`, appending it when new.
fn intern(list: &mut Vec<&'static str>, value: &'static str) -> usize {
    match list.iter().position(|&v| v == value) {
        Some(i) => i,
        None => {
            list.push(value);
            list.len() - 1
        }
    }
}

/// One aligned run that is not a one-sentence verbatim copy: sentence ranges `a0, a1, b0, b1`,
/// kind (index into `meta.kinds`), score, fragment (0/1), and the word diff as run lengths over
/// each side's text (`null` when the two are verbatim).
#[derive(Serialize)]
struct ViewAlignment(
    usize,
    usize,
    usize,
    usize,
    usize,
    f64,
    u8,
    Option<(Vec<usize>, Vec<usize>)>,
);

/// A pair of a cluster as one row: documents `a`, `b` (indices), shared sentences,
/// containment of a in b and of b in a, longest shared run, likely source (index or null),
/// verbatim runs `[a0, b0, len]` (one-sentence verbatim alignments that follow one another on
/// both sides: syndicated copies are mostly such runs), then the other alignments.
#[derive(Serialize)]
struct ViewPair(
    usize,
    usize,
    usize,
    f64,
    f64,
    usize,
    Option<usize>,
    Vec<[usize; 3]>,
    Vec<ViewAlignment>,
);

/// A document's sentences: line of each, kind of each (one letter: headline, body, caption,
/// …), text of each. The only copy of the article's text in the page.
#[derive(Serialize)]
struct ViewSentences<'a>(Vec<usize>, String, Vec<&'a str>);

/// A quotation: document, line, sentence, text, speaker, and the word diff from the canonical
/// wording (`null` for the canonical quotation itself).
#[derive(Serialize)]
struct ViewQuote<'a>(
    usize,
    usize,
    Option<usize>,
    &'a str,
    Option<&'a str>,
    Option<Vec<ViewPiece>>,
);

/// A quote group: id, canonical quotation, variants.
#[derive(Serialize)]
struct ViewQuoteGroup<'a>(usize, ViewQuote<'a>, Vec<ViewQuote<'a>>);

/// A cluster: member documents, per member shared and own sentence counts, how many members
/// the heatmap shows (the first [`HEATMAP_MAX`]), the heatmap row-major (share of the row
/// article's words found in the column article), the earliest-dated member's position, the
/// pairs, the quote groups.
#[derive(Serialize)]
struct ViewCluster<'a>(
    &'a [usize],
    Vec<usize>,
    Vec<usize>,
    usize,
    Vec<Option<f64>>,
    Option<usize>,
    Vec<ViewPair>,
    Vec<ViewQuoteGroup<'a>>,
);

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
    let canon =
        crate::analysis::quotes::canonical(docs, &corpus.quotes, &vec![false; docs.len()], None);
    let mut group_members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, q) in corpus.quotes.iter().enumerate() {
        if let Some(g) = q.group {
            group_members.entry(g).or_default().push(i);
        }
    }
    let quote_view = |i: usize, diff: Option<Vec<ViewPiece>>| {
        let q = &corpus.quotes[i];
        let jq = &report.quotes[i];
        ViewQuote(
            q.document,
            jq.line,
            sentence_at(&starts, q.document, jq.start),
            jq.text,
            jq.speaker,
            diff,
        )
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
            groups_by_cluster[*cluster].push(ViewQuoteGroup(*g, quote_view(c, None), variants));
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

    let mut meta = ViewMeta {
        rules: Vec::new(),
        severities: vec!["error", "warning", "info"],
        kinds: vec!["verbatim", "near-duplicate", "paraphrase"],
    };
    let documents: Vec<ViewDocument<'_>> = report
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| ViewDocument::new(d, cluster_of.get(i).copied().unwrap_or(0)))
        .collect();
    let findings: Vec<ViewFinding<'_>> = report
        .findings
        .iter()
        .zip(&analysis.findings)
        .map(|(jf, f)| {
            ViewFinding(
                intern(&mut meta.rules, jf.rule),
                intern(&mut meta.severities, jf.severity),
                f.document,
                sentence_at(&starts, f.document, f.span.start),
                jf.line,
                jf.column,
                jf.found,
                jf.suggestion,
                jf.score,
                jf.message,
            )
        })
        .collect();

    // Pairs, each with the diffs of its aligned runs that are not verbatim, grouped by cluster.
    let joined = |d: &crate::model::Document, r: &std::ops::Range<usize>| -> String {
        joined_sentences(d, r.clone())
    };
    let mut pairs_view: Vec<Vec<ViewPair>> = (0..corpus.clusters.members.len())
        .map(|_| Vec::new())
        .collect();
    for (cluster, list) in pairs_by_cluster.iter().enumerate() {
        for &k in list {
            let (p, internal) = (&report.pairs[k], &corpus.pairs[k]);
            let (da, db) = (&docs[internal.a], &docs[internal.b]);
            let mut verbatim: Vec<[usize; 3]> = Vec::new();
            let mut aligned = Vec::new();
            for (al, jal) in internal.alignments.iter().zip(&p.alignments) {
                if al.kind == AlignKind::Verbatim
                    && al.a.len() == 1
                    && al.b.len() == 1
                    && !al.fragment
                {
                    match verbatim.last_mut() {
                        Some([a0, b0, len])
                            if *a0 + *len == al.a.start && *b0 + *len == al.b.start =>
                        {
                            *len += 1
                        }
                        _ => verbatim.push([al.a.start, al.b.start, 1]),
                    }
                    continue;
                }
                aligned.push(ViewAlignment(
                    al.a.start,
                    al.a.end,
                    al.b.start,
                    al.b.end,
                    intern(&mut meta.kinds, jal.kind),
                    jal.score,
                    u8::from(jal.fragment),
                    (al.kind != AlignKind::Verbatim)
                        .then(|| view_runs(&joined(da, &al.a), &joined(db, &al.b))),
                ));
            }
            pairs_view[cluster].push(ViewPair(
                internal.a,
                internal.b,
                p.shared_sentences,
                p.containment_a_in_b,
                p.containment_b_in_a,
                p.longest_shared_run,
                internal.likely_source,
                verbatim,
                aligned,
            ));
        }
    }

    block(out, "meta-data", script_json(&meta).map_err(json_err)?)?;
    block(
        out,
        "documents-data",
        script_json(&documents).map_err(json_err)?,
    )?;
    block(
        out,
        "findings-data",
        script_json(&findings).map_err(json_err)?,
    )?;

    // Clusters: an index of sizes, then one block per cluster, its pairs included.
    let sizes: Vec<usize> = corpus.clusters.members.iter().map(Vec::len).collect();
    block(out, "clusters-data", script_json(&sizes).map_err(json_err)?)?;
    for (id, ((members, quote_groups), pairs)) in corpus
        .clusters
        .members
        .iter()
        .zip(groups_by_cluster)
        .zip(pairs_view)
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
        let view = ViewCluster(
            members,
            article.map_or_else(Vec::new, |c| c.articles.iter().map(|a| a.shared).collect()),
            article.map_or_else(Vec::new, |c| c.articles.iter().map(|a| a.unique).collect()),
            shown,
            heat,
            earliest,
            pairs,
            quote_groups,
        );
        block(
            out,
            &format!("c{id}"),
            script_json(&view).map_err(json_err)?,
        )?;
    }
    // Documents' sentences: lines, kinds (first letters) and texts.
    for (i, d) in docs.iter().enumerate() {
        let view = ViewSentences(
            starts[i]
                .iter()
                .map(|&start| locator.line_column(i, start).0)
                .collect(),
            d.sentences
                .iter()
                .map(|s| s.kind.as_str().chars().next().unwrap_or('b'))
                .collect(),
            d.sentences.iter().map(|s| d.sentence_text(s)).collect(),
        );
        block(out, &format!("d{i}"), script_json(&view).map_err(json_err)?)?;
    }
    write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n")
}

/// The text of sentences `range` of `d` as the page builds it: the sentences joined by one
/// space (aligned runs are diffed over this text, so the page can mark it by offsets).
fn joined_sentences(d: &crate::model::Document, range: std::ops::Range<usize>) -> String {
    d.sentences
        .get(range)
        .unwrap_or_default()
        .iter()
        .map(|s| d.sentence_text(s))
        .collect::<Vec<_>>()
        .join(" ")
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
        let text = "</script><script>alert(1)</script> <!-- <script> & \u{2028}";
        let json = script_json(&vec![text]).unwrap();
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back[0], text);
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

    /// Applies run lengths to a text the way the page does: `[marked]` around marked runs.
    fn apply(text: &str, runs: &[usize]) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut out = String::new();
        let mut at = 0;
        for (n, &len) in runs.iter().enumerate() {
            let part = String::from_utf16(&units[at..at + len]).unwrap();
            if n % 2 == 1 {
                out.push_str(&format!("[{part}]"));
            } else {
                out.push_str(&part);
            }
            at += len;
        }
        assert_eq!(at, units.len(), "runs cover the whole text");
        out
    }

    #[test]
    fn aligned_diffs_travel_as_runs_over_each_side() {
        let (a, b) = ("Mark Jansen said", "Mark Janssen said");
        let (old, new) = view_runs(a, b);
        assert_eq!(apply(a, &old), "Mark Jansen said");
        assert_eq!(apply(b, &new), "Mark Jans[s]en said");
        // Lengths count UTF-16 units, as JavaScript indexes strings.
        let (a, b) = ("𝓮𝔁 paid tribute to them.", "𝓮𝔁 said so to them.");
        let (old, new) = view_runs(a, b);
        assert_eq!(old[0], 5, "{old:?}");
        assert_eq!(apply(a, &old), "𝓮𝔁 [paid tribute] to them.");
        assert_eq!(apply(b, &new), "𝓮𝔁 [said so] to them.");
    }

    #[test]
    fn runs_start_with_an_unmarked_run() {
        let (old, new) = view_runs("Alpha beta", "Gamma beta");
        assert_eq!(apply("Alpha beta", &old), "[Alpha] beta");
        assert_eq!(apply("Gamma beta", &new), "[Gamma] beta");
        assert_eq!(old[0], 0);
    }

    #[test]
    fn pieces_that_do_not_spell_the_text_give_no_runs() {
        let pieces = [Piece::Same("Alpha".into()), Piece::Removed(" beta".into())];
        assert_eq!(side_runs("Alpha beta", &pieces), Some(vec![5, 5]));
        assert_eq!(side_runs("Alpha gamma", &pieces), None);
    }

    fn read(name: &str, text: &str) -> crate::model::Document {
        let (mut docs, _, _) =
            crate::ingest::read_bytes(name, text.as_bytes().to_vec(), crate::ingest::Format::Text);
        docs.remove(0)
    }

    #[test]
    fn joined_sentences_tolerate_any_range() {
        let d = read(
            "x.txt",
            "One here today.\n\nTwo there now. Three at last.\n",
        );
        let n = d.sentences.len();
        assert!(n >= 2, "{n}");
        let all = joined_sentences(&d, 0..n);
        assert!(all.starts_with("One here today. Two"), "{all}");
        assert_eq!(joined_sentences(&d, n..n + 3), "");
    }

    #[test]
    fn article_text_cannot_leave_its_data_block() {
        let hostile = "The minister said </script><script>alert(1)</script> and <!-- <script> \
                       at the summit in Brussels on Monday.\n";
        let docs = vec![read("a.txt", hostile), read("b.txt", hostile)];
        let analysis = crate::analyse(docs, &crate::config::Config::default());
        let mut page = Vec::new();
        write(&analysis, &mut page).unwrap();
        let page = String::from_utf8(page).unwrap();
        assert!(!page.contains("alert(1)</script>") && !page.contains("<!--"));
        // Every script element is one of the page's own: data blocks and the app script.
        let blocks = page.matches("<script type=\"application/json\"").count();
        assert_eq!(page.matches("<script").count(), blocks + 1);
        assert_eq!(page.matches("</script>").count(), blocks + 1);
        assert!(page.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"));
    }
}
