//! HTML ingest over a corpus of news-page-shaped documents (10, 30 and 100 MB): decoding, main
//! text extraction, cleaning, sentence segmentation and language, and extraction alone.
//! Each page wraps a varied seed article in the markup a news site puts around it: head with
//! metadata, JSON-LD, styles and scripts, a navigation menu, a byline, share buttons, an ad slot,
//! a related-links list inside the article, a sidebar and a footer. Throughput in bytes per second.

mod support;

use criterion::{criterion_group, criterion_main, Criterion};
use rayon::prelude::*;
use wirecheck::ingest::{html, read_bytes, Format};

const SIZES_MB: [usize; 3] = [10, 30, 100];

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn page(text: &str, n: usize) -> String {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let title = escape(lines.next().unwrap_or("Untitled"));
    let mut out = String::with_capacity(text.len() * 3 + 8192);
    out.push_str(&format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | Courier</title>\
<meta property=\"og:title\" content=\"{title}\"><meta property=\"og:site_name\" content=\"Courier\">\
<meta property=\"article:published_time\" content=\"2025-04-0{}T08:00:00Z\">\
<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"{title}\",\"author\":{{\"name\":\"Desk {n}\"}}}}</script>\
<style>body{{font-family:serif}} .nav a{{color:#333}} .ad-slot{{min-height:250px}}</style>\
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{'page':'article','id':{n}}});</script></head>\
<body class=\"single-post has-section-nav\"><header class=\"site-header\"><nav class=\"nav\"><ul>",
        n % 9 + 1
    ));
    for s in [
        "World", "Europe", "Politics", "Business", "Tech", "Science", "Sport", "Culture",
    ] {
        out.push_str(&format!("<li><a href=\"/{s}\">{s}</a></li>"));
    }
    out.push_str("</ul></nav></header><div class=\"content-with-sidebar-wrp\"><main><article>");
    out.push_str(&format!(
        "<h1>{title}</h1><div class=\"byline\">By Desk {n}</div>"
    ));
    out.push_str("<div class=\"share-buttons\"><a href=\"#\">Facebook</a> <a href=\"#\">X</a> <a href=\"#\">Email</a></div><div class=\"entry-content\">");
    for (i, line) in lines.enumerate() {
        out.push_str(&format!("<p>{}</p>\n", escape(line)));
        if i == 2 {
            out.push_str("<div class=\"ad-slot\"><span class=\"ad-label\">Advertisement</span><div id=\"ad-300x250\"></div></div>");
        }
    }
    out.push_str("</div><div class=\"related-posts\"><h3>Related</h3><ul>");
    for k in 0..5 {
        out.push_str(&format!(
            "<li><a href=\"/story/{k}\">Earlier story number {k} on this topic</a></li>"
        ));
    }
    out.push_str("</ul></div></article></main><aside class=\"sidebar\"><h3>Most read</h3><ol>");
    for k in 0..6 {
        out.push_str(&format!(
            "<li><a href=\"/popular/{k}\">Popular story {k} of the day</a></li>"
        ));
    }
    out.push_str("</ol></aside></div><footer><p>&copy; 2025 Courier. All rights reserved.</p><a href=\"/privacy\">Privacy</a></footer></body></html>\n");
    out
}

fn html_corpus(target: usize) -> Vec<(String, Vec<u8>)> {
    support::corpus(target)
        .into_iter()
        .enumerate()
        .map(|(n, (name, bytes))| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            (format!("{name}.html"), page(&text, n).into_bytes())
        })
        .scan(0usize, |total, doc| {
            if *total >= target {
                return None;
            }
            *total += doc.1.len();
            Some(doc)
        })
        .collect()
}

fn ingest(c: &mut Criterion) {
    support::group_over_sizes(
        c,
        "html_ingest",
        &SIZES_MB,
        |size| {
            let corpus = html_corpus(size);
            let bytes = corpus.iter().map(|(_, b)| b.len()).sum();
            (corpus, bytes)
        },
        |corpus| {
            corpus
                .par_iter()
                .map(|(name, bytes)| {
                    read_bytes(name, bytes.clone(), Format::Html)
                        .0
                        .iter()
                        .map(|d| d.sentences.len())
                        .sum::<usize>()
                })
                .sum::<usize>()
        },
    );
}

fn extract_only(c: &mut Criterion) {
    support::group_over_sizes(
        c,
        "html_extract",
        &SIZES_MB,
        |size| {
            let corpus: Vec<String> = html_corpus(size)
                .into_iter()
                .map(|(_, b)| String::from_utf8(b).expect("UTF-8"))
                .collect();
            let bytes = corpus.iter().map(String::len).sum();
            (corpus, bytes)
        },
        |corpus| {
            corpus
                .par_iter()
                .map(|p| html::extract(p).text.len())
                .sum::<usize>()
        },
    );
}

criterion_group!(benches, ingest, extract_only);
criterion_main!(benches);
