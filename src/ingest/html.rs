//! HTML to article text, with an exact mapping back to the original bytes.
//!
//! A forward scanner (no DOM): tags and their attributes are read as they come, raw-text
//! elements (script, style, ...) are skipped whole, and a stack of open elements tells
//! whether text lies in dropped page furniture (navigation, header, footer, asides, forms,
//! comment and share widgets) and in which article, main or body element. If the page has an
//! `<article>`, only the longest one is kept; else `<main>`; else `<body>`. Block elements
//! become paragraph breaks, `<br>` a line break, entities are decoded, and whitespace runs
//! collapse to one space. Every stretch of text is a [`Piece`] pointing at the bytes it came
//! from, so spans reported on the text point into the file.

use std::ops::Range;

pub use crate::model::Piece;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Headline,
    Body,
    Caption,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct ExtractedHtml {
    /// Article text: paragraphs separated by "\n\n", `<br>` as "\n".
    pub text: String,
    /// Cover `text` contiguously, in order.
    pub pieces: Vec<Piece>,
    /// Headline (h1-h3) and caption (figcaption, `class="...caption..."`) blocks of `text`.
    pub blocks: Vec<(Range<usize>, BlockKind)>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "nav", "header", "footer", "aside", "form", "button", "select", "noscript", "template", "svg",
    "iframe", "object", "canvas", "dialog", "menu",
];
/// Raw-text elements: their content is skipped up to the matching end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "noscript", "template", "title", "xmp",
];
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
const BLOCK: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "body",
    "caption",
];
/// Class or id words of page furniture (comments, sharing, related links, ads, menus).
const FURNITURE: &[&str] = &[
    "comment",
    "comments",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "advert",
    "ad",
    "ads",
    "cookie",
    "cookies",
    "breadcrumb",
    "breadcrumbs",
    "subscribe",
    "sidebar",
    "menu",
    "promo",
    "recommended",
    "widget",
    "footer",
    "header",
    "nav",
];

#[derive(Debug, Clone)]
struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: Vec<(String, &'a str)>,
    range: Range<usize>,
}

impl Tag<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| *v)
    }
}

/// Parses the tag starting at `start` (`html[start] == '<'`); `None` if it is not a tag.
fn parse_tag(html: &str, start: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    let mut i = start + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len()
        && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-' || bytes[i] == b':')
    {
        i += 1;
    }
    if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        match bytes.get(i) {
            None => return None,
            Some(b'>') => {
                i += 1;
                break;
            }
            Some(b'/') => {
                self_closing = true;
                i += 1;
                continue;
            }
            _ => {}
        }
        let key_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let key = html[key_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = memchr::memchr(q, &bytes[i + 1..])? + i + 1;
                    value = &html[i + 1..end];
                    i = end + 1;
                }
                _ => {
                    let v_start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = &html[v_start..i];
                }
            }
        }
        if !key.is_empty() {
            attrs.push((key, value));
        } else if i == key_start {
            i += 1;
        }
    }
    Some(Tag {
        name,
        closing,
        self_closing,
        attrs,
        range: start..i,
    })
}

fn decode(value: &str) -> String {
    html_escape::decode_html_entities(value)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_furniture(tag: &Tag<'_>) -> bool {
    ["class", "id", "role"].iter().any(|a| {
        tag.attr(a).is_some_and(|v| {
            v.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| FURNITURE.contains(&w.to_ascii_lowercase().as_str()))
        })
    }) || tag
        .attr("role")
        .is_some_and(|r| matches!(r, "navigation" | "banner" | "contentinfo" | "complementary"))
}

/// One item of the text stream before the article is chosen.
#[derive(Debug, Clone)]
enum Item {
    /// Text and its origin: (text, original start, original length); entities and spaces
    /// arrive as separate items so identity stretches stay exact.
    Text(String, usize, usize),
    Space(usize, usize),
    Break {
        paragraph: bool,
        at: usize,
    },
    Open(BlockKind),
    Close(BlockKind),
}

#[derive(Debug, Clone, Copy, Default)]
struct Scope {
    article: Option<usize>,
    main: bool,
    body: bool,
}

struct Open {
    name: String,
    dropped: bool,
    kind: Option<BlockKind>,
}

pub fn extract(html: &str) -> ExtractedHtml {
    let bytes = html.as_bytes();
    let mut out = ExtractedHtml::default();
    let mut items: Vec<(Item, Scope)> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut dropped_depth = 0usize;
    let mut scope = Scope::default();
    let mut articles = 0usize;
    let mut article_stack: Vec<usize> = Vec::new();
    let (mut og_title, mut h1_text, mut title_text): (
        Option<String>,
        Option<String>,
        Option<String>,
    ) = (None, None, None);
    let mut h1_capture: Option<String> = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            if html[i..].starts_with("<!--") {
                i = memchr::memmem::find(&bytes[i + 4..], b"-->")
                    .map_or(bytes.len(), |e| i + 4 + e + 3);
                continue;
            }
            if html[i..].starts_with("<!") || html[i..].starts_with("<?") {
                i = memchr::memchr(b'>', &bytes[i..]).map_or(bytes.len(), |e| i + e + 1);
                continue;
            }
            if let Some(tag) = parse_tag(html, i) {
                i = tag.range.end;
                let name = tag.name.as_str();
                if !tag.closing && RAW.contains(&name) {
                    // Skip to the matching end tag, case-insensitively.
                    let close = format!("</{name}");
                    let rest = &html[i..];
                    let end =
                        find_ascii_case_insensitive(rest, &close).map_or(html.len(), |p| i + p);
                    if name == "title" && title_text.is_none() {
                        title_text = Some(decode(&html[i..end])).filter(|t| !t.is_empty());
                    }
                    i = memchr::memchr(b'>', &bytes[end..]).map_or(html.len(), |e| end + e + 1);
                    continue;
                }
                if !tag.closing {
                    match name {
                        "html" => out.language = tag.attr("lang").map(str::to_string),
                        "meta" => {
                            let key = tag
                                .attr("property")
                                .or(tag.attr("name"))
                                .or(tag.attr("itemprop"))
                                .unwrap_or("")
                                .to_ascii_lowercase();
                            let content = tag.attr("content").map(decode).filter(|c| !c.is_empty());
                            match key.as_str() {
                                "og:title" | "twitter:title" => og_title = og_title.or(content),
                                "og:site_name" => out.site = out.site.take().or(content),
                                "article:published_time"
                                | "datepublished"
                                | "date"
                                | "pubdate"
                                | "dc.date" => out.date = out.date.take().or(content),
                                "author" | "article:author" => {
                                    out.author = out.author.take().or(content)
                                }
                                "og:url" => out.url = out.url.take().or(content),
                                _ => {}
                            }
                        }
                        "link"
                            if tag
                                .attr("rel")
                                .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
                        {
                            out.url = tag.attr("href").map(decode).or(out.url.take());
                        }
                        "time" if out.date.is_none() => out.date = tag.attr("datetime").map(decode),
                        _ => {}
                    }
                }
                let is_block = BLOCK.contains(&name);
                if tag.closing {
                    if let Some(pos) = stack.iter().rposition(|o| o.name == name) {
                        let closed: Vec<Open> = stack.drain(pos..).rev().collect();
                        for o in closed {
                            if o.dropped {
                                dropped_depth -= 1;
                            }
                            if let Some(k) = o.kind {
                                items.push((Item::Close(k), scope));
                            }
                            match o.name.as_str() {
                                "article" => {
                                    article_stack.pop();
                                    scope.article = article_stack.last().copied();
                                }
                                "main" => scope.main = stack.iter().any(|s| s.name == "main"),
                                "body" => scope.body = false,
                                "h1" => {
                                    if let Some(t) = h1_capture.take() {
                                        h1_text = h1_text.or(Some(
                                            t.split_whitespace().collect::<Vec<_>>().join(" "),
                                        )
                                        .filter(|t| !t.is_empty()));
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    if is_block {
                        items.push((
                            Item::Break {
                                paragraph: true,
                                at: tag.range.start,
                            },
                            scope,
                        ));
                    }
                    continue;
                }
                if name == "br" {
                    items.push((
                        Item::Break {
                            paragraph: false,
                            at: tag.range.start,
                        },
                        scope,
                    ));
                    continue;
                }
                if is_block {
                    items.push((
                        Item::Break {
                            paragraph: true,
                            at: tag.range.start,
                        },
                        scope,
                    ));
                }
                if VOID.contains(&name) || tag.self_closing {
                    continue;
                }
                // An article's own <header> holds its headline; the page's header is furniture.
                let own_header = name == "header" && (scope.article.is_some() || scope.main);
                let dropped = (DROPPED.contains(&name) && !own_header)
                    || (!matches!(name, "body" | "html" | "article" | "main")
                        && is_furniture(&tag));
                let kind = match name {
                    "h1" | "h2" | "h3" => Some(BlockKind::Headline),
                    "figcaption" => Some(BlockKind::Caption),
                    _ if tag
                        .attr("class")
                        .is_some_and(|c| c.to_ascii_lowercase().contains("caption")) =>
                    {
                        Some(BlockKind::Caption)
                    }
                    _ => None,
                };
                if dropped {
                    dropped_depth += 1;
                }
                match name {
                    "article" => {
                        article_stack.push(articles);
                        scope.article = Some(articles);
                        articles += 1;
                    }
                    "main" => scope.main = true,
                    "body" => scope.body = true,
                    "h1" if dropped_depth == 0 => h1_capture = Some(String::new()),
                    _ => {}
                }
                if let Some(k) = kind {
                    items.push((Item::Open(k), scope));
                }
                stack.push(Open {
                    name: tag.name.clone(),
                    dropped,
                    kind,
                });
                continue;
            }
        }
        // Text up to the next tag.
        let end = memchr::memchr(b'<', &bytes[i + 1..]).map_or(bytes.len(), |p| i + 1 + p);
        if dropped_depth == 0 {
            push_text(html, i..end, scope, &mut items);
            if let Some(h) = h1_capture.as_mut() {
                h.push_str(&decode(&html[i..end]));
                h.push(' ');
            }
        }
        i = end;
    }
    out.title = og_title.or(h1_text).or(title_text);
    if let Some(d) = out.date.take() {
        out.date = Some(d);
    }
    // Which items are the article.
    let mut article_len = vec![0usize; articles];
    let (mut main_len, mut body_len) = (0, 0);
    for (item, s) in &items {
        if let Item::Text(t, _, _) = item {
            if let Some(a) = s.article {
                article_len[a] += t.len();
            }
            if s.main {
                main_len += t.len();
            }
            if s.body {
                body_len += t.len();
            }
        }
    }
    let best_article = (0..articles)
        .max_by_key(|&a| (article_len[a], std::cmp::Reverse(a)))
        .filter(|&a| article_len[a] > 0);
    let keep = |s: &Scope| match best_article {
        Some(a) => s.article == Some(a),
        None if main_len > 0 => s.main,
        None if body_len > 0 => s.body,
        None => true,
    };
    assemble(
        items
            .into_iter()
            .filter(|(_, s)| keep(s))
            .map(|(item, _)| item),
        &mut out,
    );
    out
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    haystack
        .as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Splits a text run into identity stretches, entities and whitespace runs.
fn push_text(html: &str, range: Range<usize>, scope: Scope, items: &mut Vec<(Item, Scope)>) {
    let text = &html[range.clone()];
    let base = range.start;
    let mut run_start = 0;
    let mut k = 0;
    let flush = |items: &mut Vec<(Item, Scope)>, from: usize, to: usize| {
        if from < to {
            items.push((
                Item::Text(text[from..to].to_string(), base + from, to - from),
                scope,
            ));
        }
    };
    while k < text.len() {
        let c = text[k..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            flush(items, run_start, k);
            let ws_end = text[k..]
                .find(|ch: char| !ch.is_whitespace())
                .map_or(text.len(), |p| k + p);
            items.push((Item::Space(base + k, ws_end - k), scope));
            k = ws_end;
            run_start = k;
            continue;
        }
        if c == '&' {
            let semi = text[k..]
                .char_indices()
                .take(34)
                .find(|(_, ch)| *ch == ';')
                .map(|(p, _)| k + p);
            if let Some(semi) = semi {
                let entity = &text[k..=semi];
                let decoded = html_escape::decode_html_entities(entity);
                if decoded != entity {
                    flush(items, run_start, k);
                    let d = decoded.replace('\u{a0}', " ");
                    if d.trim().is_empty() {
                        items.push((Item::Space(base + k, entity.len()), scope));
                    } else {
                        items.push((Item::Text(d, base + k, entity.len()), scope));
                    }
                    k = semi + 1;
                    run_start = k;
                    continue;
                }
            }
        }
        k += c.len_utf8();
    }
    flush(items, run_start, text.len());
}

/// Builds the text and pieces from the kept items: breaks collapse, spaces collapse, nothing
/// at the start or the end.
fn assemble(items: impl Iterator<Item = Item>, out: &mut ExtractedHtml) {
    #[derive(PartialEq)]
    enum Pending {
        None,
        Space(usize, usize),
        Line(usize),
        Paragraph(usize),
    }
    let mut pending = Pending::None;
    let mut open: Vec<(BlockKind, usize)> = Vec::new();
    let push_piece = |out: &mut ExtractedHtml, text: &str, orig_start: usize, orig_len: usize| {
        let text_start = out.text.len();
        out.text.push_str(text);
        let identity = text.len() == orig_len;
        if let Some(last) = out.pieces.last_mut() {
            if identity
                && last.text_len == last.orig_len
                && last.text_start + last.text_len == text_start
                && last.orig_start + last.orig_len == orig_start
            {
                last.text_len += text.len();
                last.orig_len += orig_len;
                return;
            }
        }
        out.pieces.push(Piece {
            text_start,
            orig_start,
            text_len: text.len(),
            orig_len,
        });
    };
    for item in items {
        match item {
            Item::Space(at, len) => {
                if pending == Pending::None && !out.text.is_empty() {
                    pending = Pending::Space(at, len);
                }
            }
            Item::Break { paragraph, at } => {
                if out.text.is_empty() {
                    continue;
                }
                pending = match pending {
                    Pending::Paragraph(p) => Pending::Paragraph(p),
                    Pending::Line(p) if !paragraph => Pending::Line(p),
                    _ if paragraph => Pending::Paragraph(at),
                    _ => Pending::Line(at),
                };
            }
            Item::Text(t, orig, len) => {
                match std::mem::replace(&mut pending, Pending::None) {
                    Pending::None => {}
                    Pending::Space(at, l) => push_piece(out, " ", at, l),
                    Pending::Line(at) => push_piece(out, "\n", at, 0),
                    Pending::Paragraph(at) => push_piece(out, "\n\n", at, 0),
                }
                for (_, start) in open.iter_mut().filter(|(_, s)| *s == usize::MAX) {
                    *start = out.text.len();
                }
                push_piece(out, &t, orig, len);
            }
            Item::Open(kind) => open.push((kind, usize::MAX)),
            Item::Close(kind) => {
                if let Some(pos) = open.iter().rposition(|(k, _)| *k == kind) {
                    let (_, start) = open.remove(pos);
                    if start != usize::MAX && start < out.text.len() {
                        out.blocks.push((start..out.text.len(), kind));
                    }
                }
            }
        }
    }
    out.blocks.sort_by_key(|(r, _)| (r.start, r.end));
    out.blocks.dedup_by(|a, b| a.0.start < b.0.end);
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><title>Floods | Courier</title>
<meta property="og:title" content="Floods close border">
<meta name="author" content="Lena M&uuml;ller">
<meta property="article:published_time" content="2025-05-02T08:15:00Z">
<script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Floods close border</h1>
<p>Heavy rain &amp; wind closed the crossing, officials said.</p>
<figure><img src="a.jpg"><figcaption>Trucks wait, Photo: Reuters</figcaption></figure>
<p>&ldquo;Never this high,&rdquo; the mayor&rsquo;s office said.<br>Roads stay shut.</p>
<aside class="related">Related stories</aside>
<div class="comments">First!</div>
</article><footer>&copy; Courier</footer></body></html>"#;

    #[test]
    fn article_text_metadata_and_blocks() {
        let x = extract(PAGE);
        assert_eq!(
            x.text,
            "Floods close border\n\nHeavy rain & wind closed the crossing, officials said.\n\nTrucks wait, Photo: Reuters\n\n“Never this high,” the mayor’s office said.\nRoads stay shut."
        );
        assert_eq!(x.title.as_deref(), Some("Floods close border"));
        assert_eq!(x.author.as_deref(), Some("Lena Müller"));
        assert_eq!(x.date.as_deref(), Some("2025-05-02T08:15:00Z"));
        assert_eq!(x.language.as_deref(), Some("en"));
        let kinds: Vec<(&str, BlockKind)> = x
            .blocks
            .iter()
            .map(|(r, k)| (&x.text[r.clone()], *k))
            .collect();
        assert_eq!(
            kinds,
            [
                ("Floods close border", BlockKind::Headline),
                ("Trucks wait, Photo: Reuters", BlockKind::Caption)
            ]
        );
    }

    #[test]
    fn pieces_cover_the_text_and_identity_pieces_are_exact() {
        let x = extract(PAGE);
        let mut pos = 0;
        for p in &x.pieces {
            assert_eq!(p.text_start, pos);
            pos += p.text_len;
            if p.text_len == p.orig_len {
                assert_eq!(
                    &x.text[p.text_start..p.text_start + p.text_len],
                    &PAGE[p.orig_start..p.orig_start + p.orig_len]
                );
            }
        }
        assert_eq!(pos, x.text.len());
        let word = x.text.find("officials").unwrap();
        let piece = x
            .pieces
            .iter()
            .find(|p| p.text_start <= word && word < p.text_start + p.text_len)
            .unwrap();
        let orig = piece.orig_start + (word - piece.text_start);
        assert_eq!(&PAGE[orig..orig + 9], "officials");
    }

    #[test]
    fn fragments_and_tag_soup() {
        assert_eq!(extract("<p>One<p>Two").text, "One\n\nTwo");
        assert_eq!(extract("a < b and c > d").text, "a < b and c > d");
        assert_eq!(extract("<P>Upper <B>case</B></P>").text, "Upper case");
        assert_eq!(extract("<div>x &foo; y</div>").text, "x &foo; y");
        assert_eq!(extract("<p>line\r\nwrap</p>").text, "line wrap");
        assert_eq!(extract("<nav><ul><li>Menu</nav><p>Body</p>").text, "Body");
        assert_eq!(extract("<p>unclosed <script>x").text, "unclosed");
        assert_eq!(extract("<main><p>Main</p></main><p>Other</p>").text, "Main");
        assert_eq!(
            extract("<header>Site</header><article><header><h1>Title</h1></header><p>Body</p></article>").text,
            "Title\n\nBody"
        );
        assert_eq!(extract("").text, "");
        assert_eq!(extract("<").text, "<");
    }

    #[test]
    fn large_documents_are_linear() {
        let page = "<p>Some words &amp; more words.</p>\n".repeat(150_000);
        let x = extract(&page);
        assert!(x.text.len() > 3_000_000);
    }
}
