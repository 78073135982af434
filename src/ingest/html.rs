//! HTML to article text, with an exact mapping back to the original bytes.
//!
//! A forward tokenizer (tags, attributes, raw-text elements, comments; tag soup tolerated)
//! builds a light element tree in which every element owns a contiguous range of text items.
//! Each text item keeps the bytes it came from, so the text maps back to the file exactly.
//!
//! The article is the element with the best content score: paragraph text (blocks with enough
//! words and few links) counts for it, link text, short fragments and everything inside page
//! furniture (navigation, asides, footers, forms, comment and share widgets) count against it.
//! `itemprop="articleBody"` is preferred when it holds most of that text. Furniture is
//! recognised by element name, ARIA role, and whole class or id tokens whose every part is a
//! known boilerplate or filler word (`related-posts`, `share-bar`, `ad-slot`), never by a
//! substring (`ad_body`, `l-sidebar-fixed` and `has-section-nav` are not furniture).
//!
//! Inside the article, furniture and boilerplate blocks (related and link lists, share bars,
//! bylines, timestamps, subscribe prompts, ad labels, photo credits) stay in the text but are
//! reported as removed regions with their kind. Block elements become paragraph breaks, `<br>` a
//! line break, other non-inline elements a space, so words of adjacent elements never glue.
//! Metadata comes from `<meta>` (Open Graph, Twitter, Dublin Core), JSON-LD and `<time>`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

pub use crate::model::Piece;
use crate::model::RemovalReason;

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
    /// Cover `text` contiguously, in order. A piece whose text and original lengths are equal
    /// is a verbatim run of the source (text, not markup); the others are entities, collapsed
    /// whitespace and breaks standing for markup.
    pub pieces: Vec<Piece>,
    /// Headline (h1-h3) and caption (figcaption, `class="...caption..."`) blocks of `text`.
    pub blocks: Vec<(Range<usize>, BlockKind)>,
    /// Boilerplate inside the article, as ranges of `text`, sorted and non-overlapping.
    pub removed: Vec<(Range<usize>, RemovalReason)>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

/// Raw-text elements: their content is skipped up to the matching end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "noscript", "template", "title", "xmp",
];
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements that end a paragraph.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];
/// Phrasing elements: no word boundary at their edges. Any other element is one.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
    "kbd", "mark", "q", "ruby", "rt", "rp", "s", "samp", "small", "span", "strike", "strong",
    "sub", "sup", "time", "tt", "u", "var", "big", "nobr", "label",
];
/// Controls and embedded content: never article text.
const SILENT: &[&str] = &[
    "button", "select", "option", "optgroup", "datalist", "svg", "math", "iframe", "object",
    "canvas", "video", "audio", "picture", "map",
];

/// Element classes, looked up once per tag name.
const C_RAW: u8 = 1;
const C_VOID: u8 = 2;
const C_BLOCK: u8 = 4;
const C_INLINE: u8 = 8;
const C_SILENT: u8 = 16;

/// The tables looked up for every tag and class word: hashed with foldhash, several times faster
/// than the default SipHash on short keys (and the keys are ours, not the page's).
type Table<V> = std::collections::HashMap<&'static str, V, foldhash::fast::FixedState>;

static CLASSES: LazyLock<Table<u8>> = LazyLock::new(|| {
    let mut map = Table::default();
    for (set, bit) in [
        (RAW, C_RAW),
        (VOID, C_VOID),
        (BLOCK, C_BLOCK),
        (INLINE, C_INLINE),
        (SILENT, C_SILENT),
    ] {
        for name in set {
            *map.entry(*name).or_insert(0) |= bit;
        }
    }
    map
});

fn class_of(name: &str) -> u8 {
    CLASSES.get(name).copied().unwrap_or(0)
}

/// Class and id words: `Some(kind)` for a boilerplate word, `None` for a filler word.
static WORDS: LazyLock<Table<Option<RemovalReason>>> = LazyLock::new(|| {
    let mut map = Table::default();
    for w in FILLER_WORDS {
        map.insert(*w, None);
    }
    for (w, k) in KIND_WORDS {
        map.insert(*w, Some(*k));
    }
    map
});

/// Parts of class and id tokens that name a kind of boilerplate.
const KIND_WORDS: &[(&str, RemovalReason)] = &[
    ("related", RemovalReason::Related),
    ("relatedposts", RemovalReason::Related),
    ("recommended", RemovalReason::Related),
    ("recommendations", RemovalReason::Related),
    ("popular", RemovalReason::Related),
    ("trending", RemovalReason::Related),
    ("latest", RemovalReason::Related),
    ("mostread", RemovalReason::Related),
    ("readmore", RemovalReason::Related),
    ("more", RemovalReason::Related),
    ("also", RemovalReason::Related),
    ("outbrain", RemovalReason::Related),
    ("taboola", RemovalReason::Related),
    ("teasers", RemovalReason::Related),
    ("sidebar", RemovalReason::Related),
    ("share", RemovalReason::SharePrompt),
    ("sharing", RemovalReason::SharePrompt),
    ("shares", RemovalReason::SharePrompt),
    ("social", RemovalReason::SharePrompt),
    ("sharebar", RemovalReason::SharePrompt),
    ("sharethis", RemovalReason::SharePrompt),
    ("addthis", RemovalReason::SharePrompt),
    ("sharedaddy", RemovalReason::SharePrompt),
    ("comment", RemovalReason::Comments),
    ("comments", RemovalReason::Comments),
    ("disqus", RemovalReason::Comments),
    ("respond", RemovalReason::Comments),
    ("newsletter", RemovalReason::Subscribe),
    ("subscribe", RemovalReason::Subscribe),
    ("subscription", RemovalReason::Subscribe),
    ("paywall", RemovalReason::Subscribe),
    ("signup", RemovalReason::Subscribe),
    ("regwall", RemovalReason::Subscribe),
    ("ad", RemovalReason::Ad),
    ("ads", RemovalReason::Ad),
    ("advert", RemovalReason::Ad),
    ("adverts", RemovalReason::Ad),
    ("advertisement", RemovalReason::Ad),
    ("advertising", RemovalReason::Ad),
    ("adslot", RemovalReason::Ad),
    ("adunit", RemovalReason::Ad),
    ("sponsor", RemovalReason::Ad),
    ("sponsored", RemovalReason::Ad),
    ("byline", RemovalReason::Byline),
    ("author", RemovalReason::Byline),
    ("authors", RemovalReason::Byline),
    ("bio", RemovalReason::AuthorBio),
    ("timestamp", RemovalReason::Timestamp),
    ("date", RemovalReason::Timestamp),
    ("dateline", RemovalReason::Timestamp),
    ("pubdate", RemovalReason::Timestamp),
    ("published", RemovalReason::Timestamp),
    ("credit", RemovalReason::Credit),
    ("credits", RemovalReason::Credit),
    ("copyright", RemovalReason::Credit),
    ("breadcrumb", RemovalReason::Navigation),
    ("breadcrumbs", RemovalReason::Navigation),
    ("nav", RemovalReason::Navigation),
    ("navigation", RemovalReason::Navigation),
    ("navbar", RemovalReason::Navigation),
    ("menu", RemovalReason::Navigation),
    ("pagination", RemovalReason::Navigation),
    ("pager", RemovalReason::Navigation),
    ("tags", RemovalReason::Navigation),
    ("toolbar", RemovalReason::Navigation),
    ("footer", RemovalReason::Navigation),
    ("cookie", RemovalReason::Navigation),
    ("consent", RemovalReason::Navigation),
    ("gdpr", RemovalReason::Navigation),
    ("modal", RemovalReason::Navigation),
    ("popup", RemovalReason::Navigation),
    ("promo", RemovalReason::Promo),
    ("promos", RemovalReason::Promo),
    ("teaser", RemovalReason::Related),
    ("recirc", RemovalReason::Related),
    ("recirculation", RemovalReason::Related),
    ("mostpopular", RemovalReason::Related),
    ("mostviewed", RemovalReason::Related),
    ("ticker", RemovalReason::Related),
    ("breaking", RemovalReason::Related),
    ("next", RemovalReason::Navigation),
    ("prev", RemovalReason::Navigation),
    ("previous", RemovalReason::Navigation),
    ("cookies", RemovalReason::Navigation),
];
/// Parts of class and id tokens that say nothing by themselves ("post", "box", "wrapper").
const FILLER_WORDS: &[&str] = &[
    "about",
    "area",
    "article",
    "articles",
    "bar",
    "block",
    "bottom",
    "box",
    "btn",
    "button",
    "buttons",
    "col",
    "column",
    "container",
    "content",
    "entry",
    "group",
    "header",
    "holder",
    "icon",
    "icons",
    "info",
    "inline",
    "inner",
    "item",
    "items",
    "label",
    "line",
    "link",
    "links",
    "list",
    "main",
    "meta",
    "mobile",
    "desktop",
    "module",
    "news",
    "outer",
    "page",
    "panel",
    "post",
    "posts",
    "read",
    "section",
    "see",
    "site",
    "slot",
    "stories",
    "story",
    "text",
    "the",
    "title",
    "tools",
    "top",
    "unit",
    "widget",
    "wrap",
    "wrapper",
    "you",
    "for",
    "from",
    "of",
    "and",
    "on",
    "us",
    "single",
    "box",
    "count",
    "counts",
    "form",
    "area",
    "zone",
    "links",
    "sticky",
    "most",
    "rail",
    "carousel",
    "slider",
    "swiper",
    "slide",
    "card",
    "cards",
    "grid",
    "row",
    "core",
];

/// The boilerplate kind of one class or id token, if every part of it is a boilerplate or filler
/// word and at least one names a kind (`related-posts`, `share_buttons`, `ad-slot-2`).
fn token_reason(token: &str) -> Option<RemovalReason> {
    let mut kind = None;
    for part in token.split(['-', '_', ':', '.']).flat_map(camel_parts) {
        if part.is_empty() || part.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let lower;
        let part = if part.bytes().any(|b| b.is_ascii_uppercase()) {
            lower = part.to_ascii_lowercase();
            lower.as_str()
        } else {
            part
        };
        match WORDS.get(part) {
            Some(Some(k)) => kind = kind.or(Some(*k)),
            Some(None) => {}
            None if is_size(part) => {}
            None => return None,
        }
    }
    kind
}

/// The words of a camel-case part: "NewsletterModule" → "Newsletter", "Module"; "authorBio" →
/// "author", "Bio". A run of capitals stays one word ("CNNLogo" → "CNNLogo").
fn camel_parts(part: &str) -> impl Iterator<Item = &str> {
    let bytes = part.as_bytes();
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let mut i = from + 1;
        while i < bytes.len()
            && !(bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase())
        {
            i += 1;
        }
        // A cut is always before an ASCII capital: a character boundary.
        let end = i.min(bytes.len());
        start = (end < bytes.len()).then_some(end);
        part.get(from..end)
    })
}

/// "300x250", an ad size.
fn is_size(part: &str) -> bool {
    part.split_once('x').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.bytes().all(|c| c.is_ascii_digit())
            && b.bytes().all(|c| c.is_ascii_digit())
    })
}

static AD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:advertisement|advertising|anzeige|werbung|publicité|publicidad|pubblicità|reklama|sponsored(?: content)?|ad|ads|paid (?:content|post))\s*[:.]?$")
        .expect("valid pattern")
});
static SUBSCRIBE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:subscribe(?-u:\b)|sign (?:in|up)(?-u:\b)|log ?in(?-u:\b)|already (?:a )?(?:subscriber|member|registered|have an account)|become a (?:member|subscriber)|to continue reading|continue reading(?-u:\b).{0,40}(?-u:\b)subscri|unlock (?:this|the full)|get (?:full|unlimited|digital) access|this (?:article|story|content) is (?:only )?(?:for|available to) (?:subscribers|members)|jetzt (?:abonnieren|anmelden))")
        .expect("valid pattern")
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:By|BY|Von|Par|Por|Di)\s+\p{Lu}[\p{L}.'’-]*(?:[\s,]+(?:and\s+|&\s+)?\p{Lu}[\p{L}.'’-]*){0,6}(?:\s*[,|·–—-]\s*.{0,60})?$")
        .expect("valid pattern")
});
static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:published|updated|posted|last (?:updated|modified)|first published|veröffentlicht|aktualisiert|publié|mis à jour)(?-u:\b).{0,60}$")
        .expect("valid pattern")
});
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|^\s*(?:©|\(c\)\s|copyright(?-u:\b))")
        .expect("valid pattern")
});
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:photo|image|picture|foto|illustration|video)s?\s*(?::|by(?-u:\b)|credit\s*:?)|credits?\s*:|©|\(c\)\s|copyright(?-u:\b))\s*.{0,70}$")
        .expect("valid pattern")
});

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

/// One item of the text stream, owned by the innermost open element.
#[derive(Debug, Clone)]
enum Item {
    /// Text and its origin: (decoded text, original start, original length); the decoded
    /// text is `None` for a verbatim run of the source. Entities and spaces arrive as separate
    /// items so verbatim stretches stay exact.
    Text(Option<Box<str>>, usize, usize),
    Space(usize, usize),
    Break {
        paragraph: bool,
        at: usize,
    },
    Open(BlockKind),
    Close(BlockKind),
}

/// How an element takes part in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Content,
    /// Page furniture: counts against the content score of its ancestors, and inside the
    /// article becomes a removed region of this kind.
    Furniture(RemovalReason),
    /// Controls and embedded content: never text.
    Silent,
}

#[derive(Debug, Clone)]
struct Node {
    name: Box<str>,
    parent: usize,
    /// Items of this element and its descendants.
    items: Range<usize>,
    /// Descendant elements are `self + 1 .. nodes_end`.
    nodes_end: usize,
    /// Byte offset of the start tag and of the end of the element.
    at: usize,
    end_at: usize,
    block: bool,
    in_link: bool,
    /// Nearest block element, itself included.
    block_of: usize,
    role: Role,
    /// Inside furniture or silent content (then an `<h1>` is not the headline).
    dropped: bool,
    /// Inside reader comments, a dialog or overlay (cookie notices, pop-ups), or silent
    /// content: prose that is never the article, so not a candidate while there is one
    /// outside. (Other furniture may wrap a whole article in broken markup: a share bar left
    /// open before it.)
    sheltered: bool,
    article_body: bool,
    has_time: bool,
    kind: Option<BlockKind>,
}

/// Content measures of one element's subtree.
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    text: u32,
    link_text: u32,
    links: u32,
    /// Paragraph text (blocks of enough words and few links), outside furniture.
    good: f32,
    /// Everything else: links, fragments, furniture.
    bad: f32,
}

/// Metadata gathered while scanning.
#[derive(Debug, Default)]
struct Meta {
    og_title: Option<String>,
    ld_title: Option<String>,
    h1: Option<String>,
    title_tag: Option<String>,
    meta_date: Option<String>,
    ld_date: Option<String>,
    time_date: Option<String>,
    meta_author: Option<String>,
    ld_author: Option<String>,
    site: Option<String>,
    ld_site: Option<String>,
    url: Option<String>,
    canonical: Option<String>,
    language: Option<String>,
}

struct Scan<'a> {
    html: &'a str,
    items: Vec<Item>,
    owner: Vec<u32>,
    nodes: Vec<Node>,
    stack: Vec<usize>,
    meta: Meta,
    h1_capture: Option<(usize, String)>,
}

/// Minimum paragraph length (bytes of non-link text) that counts as article prose.
const MIN_PARAGRAPH: u32 = 25;
/// Weight of link and furniture text against paragraph text in the content score.
const BAD_WEIGHT: f32 = 1.0;
/// Factor on the content score of an element inside page furniture.
const FURNITURE_DISCOUNT: f32 = 0.5;
/// Weight of short text outside links (fragments, labels) against paragraph text.
const SHORT_WEIGHT: f32 = 0.5;

pub fn extract(html: &str) -> ExtractedHtml {
    let mut scan = Scan {
        html,
        items: Vec::new(),
        owner: Vec::new(),
        nodes: vec![Node {
            name: "#document".into(),
            parent: usize::MAX,
            items: 0..0,
            nodes_end: 1,
            at: 0,
            end_at: html.len(),
            block: true,
            in_link: false,
            block_of: 0,
            role: Role::Content,
            dropped: false,
            sheltered: false,
            article_body: false,
            has_time: false,
            kind: None,
        }],
        stack: Vec::new(),
        meta: Meta::default(),
        h1_capture: None,
    };
    scan.run();
    let Scan {
        items,
        owner,
        mut nodes,
        meta,
        ..
    } = scan;
    nodes[0].items = 0..items.len();
    nodes[0].nodes_end = nodes.len();
    let stats = measure(html, &items, &owner, &nodes);
    let mut out = ExtractedHtml::default();
    let root = choose_root(&nodes, &stats);
    let mut removed = classify(html, root, &items, &nodes, &stats);
    assemble(html, root, &items, &owner, &nodes, &removed, &mut out);
    if word_count(&out) < 10 && root != 0 {
        // Too little in the chosen element: read the whole page the same way.
        let mut whole = ExtractedHtml::default();
        removed = classify(html, 0, &items, &nodes, &stats);
        assemble(html, 0, &items, &owner, &nodes, &removed, &mut whole);
        if word_count(&whole) >= 10 {
            out = whole;
        }
    }
    if word_count(&out) == 0 {
        // Everything looked like furniture: keep it all rather than nothing.
        let mut all = ExtractedHtml::default();
        assemble(html, 0, &items, &owner, &nodes, &[], &mut all);
        out = all;
    }
    out.title = meta
        .og_title
        .or(meta.ld_title)
        .or(meta.h1)
        .or(meta.title_tag);
    out.date = meta.meta_date.or(meta.ld_date).or(meta.time_date);
    out.author = meta.meta_author.or(meta.ld_author);
    out.site = meta.site.or(meta.ld_site);
    out.url = meta.canonical.or(meta.url);
    out.language = meta.language;
    out
}

fn word_count(x: &ExtractedHtml) -> usize {
    let mut kept = 0;
    let mut pos = 0;
    let count = |s: &str| s.split_whitespace().count();
    for (r, _) in &x.removed {
        kept += count(&x.text[pos..r.start]);
        pos = r.end;
    }
    kept + count(&x.text[pos..])
}

impl Scan<'_> {
    fn current(&self) -> usize {
        self.stack.last().copied().unwrap_or(0)
    }

    fn push(&mut self, item: Item) {
        self.items.push(item);
        self.owner.push(self.current() as u32);
    }

    fn run(&mut self) {
        let html = self.html;
        let bytes = html.as_bytes();
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
                    i = self.tag(&tag);
                    continue;
                }
            }
            // Text up to the next tag.
            let end = memchr::memchr(b'<', &bytes[i + 1..]).map_or(bytes.len(), |p| i + 1 + p);
            let owner = self.current();
            push_text(html, i..end, owner as u32, &mut self.items, &mut self.owner);
            if let Some((_, h)) = self.h1_capture.as_mut() {
                h.push_str(&decode(&html[i..end]));
                h.push(' ');
            }
            i = end;
        }
        while let Some(n) = self.stack.pop() {
            self.close_node(n, html.len());
        }
    }

    /// Handles one tag; returns where scanning goes on.
    fn tag(&mut self, tag: &Tag<'_>) -> usize {
        let html = self.html;
        let bytes = html.as_bytes();
        let mut next = tag.range.end;
        let name = tag.name.as_str();
        let class = class_of(name);
        // `<title/>` inside an inline SVG icon is an empty element, not the start of a title
        // that would swallow the rest of the page.
        if !tag.closing && class & C_RAW != 0 && !(tag.self_closing && name == "title") {
            // Skip to the matching end tag, case-insensitively.
            let close = format!("</{name}");
            let end =
                find_ascii_case_insensitive(&html[next..], &close).map_or(html.len(), |p| next + p);
            let content = &html[next..end];
            if name == "title" && self.meta.title_tag.is_none() {
                self.meta.title_tag = Some(decode(content)).filter(|t| !t.is_empty());
            }
            if name == "script"
                && tag
                    .attr("type")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
            {
                json_ld(content, &mut self.meta);
            }
            next = memchr::memchr(b'>', &bytes[end..]).map_or(html.len(), |e| end + e + 1);
            if name == "noscript" || name == "textarea" {
                self.push(Item::Space(tag.range.start, 0));
            }
            return next;
        }
        if !tag.closing {
            self.metadata(tag);
        }
        let is_block = class & C_BLOCK != 0;
        let boundary = !is_block && class & C_INLINE == 0;
        if tag.closing {
            if let Some(pos) = self
                .stack
                .iter()
                .rposition(|&n| &*self.nodes[n].name == name)
            {
                let closed: Vec<usize> = self.stack.drain(pos..).rev().collect();
                for n in closed {
                    self.close_node(n, tag.range.end);
                }
            }
            if is_block {
                self.push(Item::Break {
                    paragraph: true,
                    at: tag.range.start,
                });
            } else if boundary {
                self.push(Item::Space(tag.range.start, 0));
            }
            return next;
        }
        if name == "br" {
            self.push(Item::Break {
                paragraph: false,
                at: tag.range.start,
            });
            return next;
        }
        self.implicit_close(name, tag.range.start);
        if is_block {
            self.push(Item::Break {
                paragraph: true,
                at: tag.range.start,
            });
        } else if boundary {
            self.push(Item::Space(tag.range.start, 0));
        }
        if class & C_VOID != 0 || tag.self_closing {
            return next;
        }
        self.open_node(tag);
        next
    }

    fn metadata(&mut self, tag: &Tag<'_>) {
        let meta = &mut self.meta;
        match tag.name.as_str() {
            "html" => meta.language = tag.attr("lang").map(str::to_string),
            "meta" => {
                let key = tag
                    .attr("property")
                    .or(tag.attr("name"))
                    .or(tag.attr("itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let content = tag.attr("content").map(decode).filter(|c| !c.is_empty());
                let slot = match key.as_str() {
                    "og:title" | "twitter:title" => &mut meta.og_title,
                    "og:site_name" | "application-name" => &mut meta.site,
                    "article:published_time"
                    | "datepublished"
                    | "date"
                    | "pubdate"
                    | "publishdate"
                    | "dc.date"
                    | "dc.date.issued"
                    | "dcterms.date"
                    | "sailthru.date"
                    | "parsely-pub-date" => &mut meta.meta_date,
                    "author" | "article:author" | "dc.creator" | "sailthru.author"
                    | "parsely-author" => {
                        // article:author is often a profile URL: not a name.
                        if content.as_deref().is_some_and(|c| c.starts_with("http")) {
                            return;
                        }
                        &mut meta.meta_author
                    }
                    "og:url" => &mut meta.url,
                    _ => return,
                };
                if slot.is_none() {
                    *slot = content;
                }
            }
            "link"
                if tag
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                    && meta.canonical.is_none() =>
            {
                meta.canonical = tag.attr("href").map(decode).filter(|h| !h.is_empty());
            }
            "time" if meta.time_date.is_none() => {
                meta.time_date = tag.attr("datetime").map(decode).filter(|d| !d.is_empty())
            }
            _ => {}
        }
    }

    /// Closes what the HTML parsing rules close implicitly: a paragraph at the next block, a
    /// list item at the next item, a cell at the next cell.
    fn implicit_close(&mut self, name: &str, at: usize) {
        let (same, limit): (&[&str], &[&str]) = match name {
            "li" => (&["li"], &["ul", "ol", "menu"]),
            "td" | "th" => (&["td", "th"], &["tr", "table"]),
            "tr" => (&["tr"], &["table", "tbody", "thead", "tfoot"]),
            "dt" | "dd" => (&["dt", "dd"], &["dl"]),
            _ if class_of(name) & C_BLOCK != 0 => {
                // A block closes a <p> that is the innermost open element.
                if let Some(&top) = self.stack.last() {
                    if &*self.nodes[top].name == "p" {
                        self.stack.pop();
                        self.close_node(top, at);
                    }
                }
                return;
            }
            _ => return,
        };
        let mut found = None;
        for (pos, &n) in self.stack.iter().enumerate().rev() {
            let open = &*self.nodes[n].name;
            if same.contains(&open) {
                found = Some(pos);
                break;
            }
            if limit.contains(&open) {
                break;
            }
        }
        if let Some(pos) = found {
            let closed: Vec<usize> = self.stack.drain(pos..).rev().collect();
            for n in closed {
                self.close_node(n, at);
            }
        }
    }

    fn open_node(&mut self, tag: &Tag<'_>) {
        let name = tag.name.as_str();
        let parent = self.current();
        let p = &self.nodes[parent];
        let in_article = self
            .stack
            .iter()
            .any(|&n| matches!(&*self.nodes[n].name, "article" | "main"));
        let article_body = tag.attr("itemprop").is_some_and(|v| {
            v.split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case("articlebody"))
        });
        let class = class_of(name);
        let role = if class & C_SILENT != 0 || (!matches!(name, "html" | "body") && hidden(tag)) {
            Role::Silent
        } else if matches!(name, "html" | "body" | "article" | "main") || article_body {
            Role::Content
        } else {
            match name {
                "nav" | "menu" => Role::Furniture(RemovalReason::Navigation),
                "footer" => Role::Furniture(attr_reason(tag).unwrap_or(RemovalReason::Navigation)),
                "aside" => Role::Furniture(attr_reason(tag).unwrap_or(RemovalReason::Related)),
                "form" | "dialog" | "fieldset" => {
                    Role::Furniture(attr_reason(tag).unwrap_or(RemovalReason::Navigation))
                }
                // An article's own <header> holds its headline; the page's header is furniture.
                "header" if !in_article => {
                    Role::Furniture(attr_reason(tag).unwrap_or(RemovalReason::Navigation))
                }
                _ => attr_reason(tag).map_or(Role::Content, Role::Furniture),
            }
        };
        let kind = match name {
            "h1" | "h2" | "h3" => Some(BlockKind::Headline),
            // A figure holds an image and its caption and credit, never article prose.
            "figcaption" | "figure" => Some(BlockKind::Caption),
            _ if tag.attr("class").is_some_and(|c| {
                c.split_ascii_whitespace().any(|t| {
                    t.to_ascii_lowercase()
                        .split(['-', '_'])
                        .any(|w| w == "caption")
                })
            }) =>
            {
                Some(BlockKind::Caption)
            }
            _ => None,
        };
        let block = class & C_BLOCK != 0;
        let id = self.nodes.len();
        let node = Node {
            name: name.into(),
            parent,
            items: self.items.len()..self.items.len(),
            nodes_end: id + 1,
            at: tag.range.start,
            end_at: tag.range.end,
            block,
            in_link: p.in_link || name == "a",
            block_of: if block { id } else { p.block_of },
            role,
            dropped: p.dropped || role != Role::Content,
            sheltered: p.sheltered
                || role == Role::Silent
                || role == Role::Furniture(RemovalReason::Comments)
                || overlay(tag),
            article_body,
            has_time: false,
            kind,
        };
        if name == "time" {
            let b = node.block_of;
            self.nodes[b].has_time = true;
        }
        if name == "h1" && !node.dropped && self.meta.h1.is_none() && self.h1_capture.is_none() {
            self.h1_capture = Some((id, String::new()));
        }
        self.nodes.push(node);
        self.stack.push(id);
        if let Some(k) = kind {
            self.push(Item::Open(k));
        }
    }

    fn close_node(&mut self, n: usize, at: usize) {
        // Close markers belong to the element itself, inside its item range.
        if let Some(k) = self.nodes[n].kind {
            self.items.push(Item::Close(k));
            self.owner.push(n as u32);
        }
        let end = self.items.len();
        let nodes_end = self.nodes.len();
        let node = &mut self.nodes[n];
        node.items.end = end;
        node.nodes_end = nodes_end;
        node.end_at = at.max(node.end_at);
        if let Some((h, text)) = self.h1_capture.take() {
            if h == n {
                self.meta.h1 = Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|t| !t.is_empty());
            } else {
                self.h1_capture = Some((h, text));
            }
        }
    }
}

/// Whether an element is hidden from readers: the `hidden` attribute, `aria-hidden="true"`,
/// or an inline style with `display: none` or `visibility: hidden`.
fn hidden(tag: &Tag<'_>) -> bool {
    if tag.attr("hidden").is_some()
        || tag
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    tag.attr("style").is_some_and(|style| {
        style.split(';').any(|decl| {
            let Some((prop, value)) = decl.split_once(':') else {
                return false;
            };
            let (prop, value) = (prop.trim(), value.trim());
            (prop.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none"))
                || (prop.eq_ignore_ascii_case("visibility") && value.eq_ignore_ascii_case("hidden"))
        })
    })
}

/// Whether an element is a dialog or overlay: `<dialog>`, `role="dialog"`, `aria-modal`, or
/// a cookie, consent, modal or pop-up class or id.
fn overlay(tag: &Tag<'_>) -> bool {
    if tag.name == "dialog"
        || tag
            .attr("aria-modal")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || tag.attr("role").is_some_and(|r| {
            r.eq_ignore_ascii_case("dialog") || r.eq_ignore_ascii_case("alertdialog")
        })
    {
        return true;
    }
    let class = tag.attr("class").unwrap_or("");
    let id = tag.attr("id").unwrap_or("");
    class
        .split_ascii_whitespace()
        .chain(std::iter::once(id).filter(|i| !i.is_empty()))
        .any(|t| {
            // The cheap test first: most tokens name no overlay.
            t.split(['-', '_', ':', '.']).any(|part| {
                ["cookie", "cookies", "consent", "gdpr", "modal", "popup"]
                    .iter()
                    .any(|w| part.eq_ignore_ascii_case(w))
            }) && token_reason(t).is_some()
        })
}

/// The furniture kind named by an element's class, id or role, matching whole tokens.
fn attr_reason(tag: &Tag<'_>) -> Option<RemovalReason> {
    if let Some(role) = tag.attr("role") {
        match role.to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "search" | "banner" | "contentinfo" => {
                return Some(RemovalReason::Navigation)
            }
            "complementary" => return Some(RemovalReason::Related),
            "dialog" | "alertdialog" => return Some(RemovalReason::Navigation),
            _ => {}
        }
    }
    if let Some(prop) = tag.attr("itemprop") {
        match prop.to_ascii_lowercase().as_str() {
            "author" | "creator" => return Some(RemovalReason::Byline),
            "datepublished" | "datemodified" | "datecreated" => {
                return Some(RemovalReason::Timestamp)
            }
            _ => {}
        }
    }
    let class = tag.attr("class").unwrap_or("");
    let id = tag.attr("id").unwrap_or("");
    class
        .split_ascii_whitespace()
        .chain(std::iter::once(id).filter(|i| !i.is_empty()))
        .find_map(token_reason)
}

/// Reads headline, date, author and publisher from a JSON-LD block.
fn json_ld(content: &str, meta: &mut Meta) {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(content.trim()) else {
        return;
    };
    let mut queue = vec![&value];
    let mut seen = 0;
    while let Some(v) = queue.pop() {
        seen += 1;
        if seen > 200 {
            return;
        }
        match v {
            serde_json::Value::Array(a) => queue.extend(a.iter().rev()),
            serde_json::Value::Object(o) => {
                if let Some(g) = o.get("@graph") {
                    queue.push(g);
                }
                let is_article = match o.get("@type") {
                    Some(serde_json::Value::String(t)) => is_article_type(t),
                    Some(serde_json::Value::Array(ts)) => {
                        ts.iter().any(|t| t.as_str().is_some_and(is_article_type))
                    }
                    _ => false,
                };
                if !is_article {
                    continue;
                }
                let s = |k: &str| {
                    o.get(k)
                        .and_then(|v| v.as_str())
                        .map(decode)
                        .filter(|t| !t.is_empty())
                };
                meta.ld_title = meta.ld_title.take().or(s("headline"));
                meta.ld_date = meta
                    .ld_date
                    .take()
                    .or(s("datePublished"))
                    .or(s("dateCreated"));
                if meta.ld_author.is_none() {
                    meta.ld_author = o.get("author").and_then(names);
                }
                if meta.ld_site.is_none() {
                    meta.ld_site = o.get("publisher").and_then(names);
                }
            }
            _ => {}
        }
    }
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting"
}

/// A name, an object with a `name`, or a list of them, joined with ", ".
fn names(v: &serde_json::Value) -> Option<String> {
    let one = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(decode(s)),
        serde_json::Value::Object(o) => o.get("name").and_then(|n| n.as_str()).map(decode),
        _ => None,
    };
    let list: Vec<String> = match v {
        serde_json::Value::Array(a) => a.iter().filter_map(one).collect(),
        _ => one(v).into_iter().collect(),
    };
    let list: Vec<String> = list
        .into_iter()
        .filter(|n| !n.is_empty() && !n.starts_with("http"))
        .collect();
    (!list.is_empty()).then(|| list.join(", "))
}

/// Text, link text, and the content score parts of every element.
fn measure(html: &str, items: &[Item], owner: &[u32], nodes: &[Node]) -> Vec<Stats> {
    let mut stats = vec![Stats::default(); nodes.len()];
    // Inline text of each block, and link text within it.
    let mut inline = vec![(0u32, 0u32); nodes.len()];
    for (item, &o) in items.iter().zip(owner) {
        if let Item::Text(_, _, len) = item {
            let node = &nodes[o as usize];
            if node.role == Role::Silent || silent_ancestor(nodes, o as usize) {
                continue;
            }
            let len = *len as u32;
            let b = node.block_of;
            inline[b].0 += len;
            if node.in_link {
                inline[b].1 += len;
            }
        }
    }
    for (n, node) in nodes.iter().enumerate() {
        if node.name.as_ref() == "a" {
            stats[n].links += 1;
        }
        let (text, link) = inline[n];
        stats[n].text += text;
        stats[n].link_text += link;
        let prose = text - link;
        // A copyright line is never article prose, however long.
        let legal = (MIN_PARAGRAPH..300).contains(&prose)
            && COPYRIGHT.is_match(&node_text(html, node, items, 400));
        if prose >= MIN_PARAGRAPH && link * 2 < text && !legal {
            stats[n].good += prose as f32;
            stats[n].bad += link as f32;
        } else if node.kind.is_some() || matches!(&*node.name, "h4" | "h5" | "h6" | "figure") {
            // Headings and captions belong to articles as much as anything: neutral.
            stats[n].bad += link as f32;
        } else {
            stats[n].bad += link as f32 + SHORT_WEIGHT * prose as f32;
        }
    }
    // Children after parents: add each subtree to its parent, last first.
    for n in (1..nodes.len()).rev() {
        let s = stats[n];
        let p = nodes[n].parent;
        let ps = &mut stats[p];
        ps.text += s.text;
        ps.link_text += s.link_text;
        ps.links += s.links;
        if matches!(nodes[n].role, Role::Furniture(_)) {
            ps.bad += s.text as f32;
        } else {
            ps.good += s.good;
            ps.bad += s.bad;
        }
    }
    stats
}

fn silent_ancestor(nodes: &[Node], mut n: usize) -> bool {
    // `dropped` says furniture or silent; walk only when it is set.
    if !nodes[n].dropped {
        return false;
    }
    while n != 0 && n != usize::MAX {
        if nodes[n].role == Role::Silent {
            return true;
        }
        n = nodes[n].parent;
    }
    false
}

/// The element holding the article: the best content score, or the declared article body
/// when it holds at least half of the best element's paragraph text.
fn choose_root(nodes: &[Node], stats: &[Stats]) -> usize {
    // Inside other furniture (a share bar or related list left open before the article in
    // broken markup) an element may still hold the article, at half its score.
    let score = |n: usize| {
        let raw = stats[n].good - BAD_WEIGHT * stats[n].bad;
        if nodes[n].dropped && raw > 0.0 {
            raw * FURNITURE_DISCOUNT
        } else {
            raw
        }
    };
    // Elements inside comments, dialogs, asides and other furniture are candidates only when
    // nothing outside furniture holds a paragraph.
    let candidates = |sheltered_too: bool| {
        (1..nodes.len()).filter(move |&n| {
            nodes[n].block
                && nodes[n].role != Role::Silent
                && stats[n].good > 0.0
                && (sheltered_too || !nodes[n].sheltered)
        })
    };
    let sheltered_too = candidates(false).next().is_none();
    let mut best = 0;
    for n in candidates(sheltered_too) {
        if score(n) > score(best) {
            best = n;
        }
    }
    if best == 0 {
        // No paragraph anywhere: the longest <article>, else <main>, else the page.
        let by_name = |name: &str| {
            (1..nodes.len())
                .filter(|&n| &*nodes[n].name == name && stats[n].text > 0)
                .max_by_key(|&n| (stats[n].text, std::cmp::Reverse(n)))
        };
        return by_name("article").or_else(|| by_name("main")).unwrap_or(0);
    }
    let declared = (1..nodes.len())
        .filter(|&n| nodes[n].article_body)
        .max_by(|&a, &b| stats[a].good.total_cmp(&stats[b].good));
    if let Some(d) = declared {
        if stats[d].good >= 0.5 * stats[best].good && stats[d].good > 0.0 {
            return d;
        }
    }
    best
}

/// The removed regions inside `root`: outermost furniture elements, link lists and
/// boilerplate blocks, as (first node, reason); silent elements as `None`.
fn classify(
    html: &str,
    root: usize,
    items: &[Item],
    nodes: &[Node],
    stats: &[Stats],
) -> Vec<(usize, Option<RemovalReason>)> {
    let mut out = Vec::new();
    let mut n = root + 1;
    let end = nodes[root].nodes_end;
    // Page furniture around a whole page is no part of the article: it is left out, not
    // recorded. Inside an article element it is recorded.
    let page = root == 0 || matches!(&*nodes[root].name, "html" | "body");
    while n < end {
        let node = &nodes[n];
        let reason = match node.role {
            Role::Silent => Some(None),
            Role::Furniture(_) if page => Some(None),
            Role::Furniture(r) => Some(Some(r)),
            Role::Content => block_reason(html, n, items, nodes, stats).map(Some),
        };
        if let Some(r) = reason {
            out.push((n, r));
            n = node.nodes_end.max(n + 1);
        } else {
            n += 1;
        }
    }
    out
}

/// Whether a content element inside the article is boilerplate by its links or its words.
fn block_reason(
    html: &str,
    n: usize,
    items: &[Item],
    nodes: &[Node],
    stats: &[Stats],
) -> Option<RemovalReason> {
    let node = &nodes[n];
    let s = &stats[n];
    if !node.block || node.article_body || s.text == 0 {
        return None;
    }
    let link_share = s.link_text as f32 / s.text as f32;
    let list = matches!(
        &*node.name,
        "ul" | "ol" | "div" | "section" | "nav" | "table" | "dl"
    );
    if list && s.links >= 3 && link_share >= 0.6 {
        return Some(RemovalReason::Related);
    }
    if s.text > 140 {
        return None;
    }
    let text = node_text(html, node, items, 400);
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if s.links >= 1
        && link_share >= 0.9
        && !matches!(&*node.name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
        && s.text < 100
    {
        return Some(RemovalReason::Related);
    }
    if AD_LABEL.is_match(text) {
        Some(RemovalReason::Ad)
    } else if SUBSCRIBE.is_match(text) {
        Some(RemovalReason::Subscribe)
    } else if TIMESTAMP.is_match(text) || (node.has_time && text.len() <= 60) {
        Some(RemovalReason::Timestamp)
    } else if BYLINE.is_match(text) {
        Some(RemovalReason::Byline)
    } else if CREDIT.is_match(text) {
        Some(RemovalReason::Credit)
    } else {
        None
    }
}

/// The element's text, cut after about `max` bytes.
fn node_text(html: &str, node: &Node, items: &[Item], max: usize) -> String {
    let mut s = String::new();
    for item in &items[node.items.clone()] {
        if s.len() > max {
            break;
        }
        match item {
            Item::Text(t, at, len) => s.push_str(t.as_deref().unwrap_or(&html[*at..at + len])),
            Item::Space(..) | Item::Break { .. } if !s.ends_with(' ') => s.push(' '),
            _ => {}
        }
    }
    s
}

/// The first position of `needle` in `haystack`, ignoring ASCII case. Candidates are found by
/// the needle's first byte (both cases) with `memchr`, so a long script is crossed at memory
/// speed rather than compared window by window.
fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    let matches_at = |p: usize| {
        hay.get(p..p + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    };
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    if lower == upper {
        memchr::memchr_iter(first, hay).find(|&p| matches_at(p))
    } else {
        memchr::memchr2_iter(lower, upper, hay).find(|&p| matches_at(p))
    }
}

/// Builds the text, pieces, blocks and removed regions of `root`: breaks collapse, spaces
/// collapse, nothing at the start or the end; removed regions are paragraphs of their own.
fn assemble(
    html: &str,
    root: usize,
    items: &[Item],
    owner: &[u32],
    nodes: &[Node],
    removed: &[(usize, Option<RemovalReason>)],
    out: &mut ExtractedHtml,
) {
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
    let range = nodes[root].items.clone();
    let mut k = 0;
    // The region being removed: (reason, its end item, its text start once text arrives).
    let mut region: Option<(RemovalReason, usize, usize)> = None;
    let mut idx = range.start;
    while idx < range.end {
        if let Some((reason, end, start)) = region {
            if idx >= end {
                if start != usize::MAX && start < out.text.len() {
                    out.removed.push((start..out.text.len(), reason));
                }
                region = None;
                pending = Pending::Paragraph(nodes[owner[end - 1] as usize].end_at);
            }
        }
        if region.is_none() {
            while k < removed.len() && nodes[removed[k].0].items.start < idx {
                k += 1;
            }
            if k < removed.len() && nodes[removed[k].0].items.start == idx {
                let (n, reason) = removed[k];
                k += 1;
                let node_items = nodes[n].items.clone();
                if node_items.is_empty() {
                    continue;
                }
                match reason {
                    None => {
                        idx = node_items.end;
                        continue;
                    }
                    Some(r) => {
                        if !out.text.is_empty() {
                            pending = Pending::Paragraph(nodes[n].at);
                        }
                        region = Some((r, node_items.end, usize::MAX));
                    }
                }
            }
        }
        match &items[idx] {
            Item::Space(at, len) => {
                if pending == Pending::None && !out.text.is_empty() {
                    pending = Pending::Space(*at, *len);
                }
            }
            Item::Break { paragraph, at } => {
                if !out.text.is_empty() {
                    pending = match pending {
                        Pending::Paragraph(p) => Pending::Paragraph(p),
                        Pending::Line(p) if !paragraph => Pending::Line(p),
                        _ if *paragraph => Pending::Paragraph(*at),
                        _ => Pending::Line(*at),
                    };
                }
            }
            Item::Text(t, orig, len) => {
                if silent_ancestor(nodes, owner[idx] as usize) {
                    idx += 1;
                    continue;
                }
                match std::mem::replace(&mut pending, Pending::None) {
                    Pending::None => {}
                    Pending::Space(at, l) => push_piece(out, " ", at, l),
                    Pending::Line(at) => push_piece(out, "\n", at, 0),
                    Pending::Paragraph(at) => push_piece(out, "\n\n", at, 0),
                }
                for (_, start) in open.iter_mut().filter(|(_, s)| *s == usize::MAX) {
                    *start = out.text.len();
                }
                if let Some((_, _, start)) = region.as_mut() {
                    if *start == usize::MAX {
                        *start = out.text.len();
                    }
                }
                push_piece(
                    out,
                    t.as_deref().unwrap_or(&html[*orig..orig + len]),
                    *orig,
                    *len,
                );
            }
            Item::Open(kind) => open.push((*kind, usize::MAX)),
            Item::Close(kind) => {
                if let Some(pos) = open.iter().rposition(|(k, _)| k == kind) {
                    let (_, start) = open.remove(pos);
                    if start != usize::MAX && start < out.text.len() {
                        out.blocks.push((start..out.text.len(), *kind));
                    }
                }
            }
        }
        idx += 1;
    }
    if let Some((reason, _, start)) = region {
        if start != usize::MAX && start < out.text.len() {
            out.removed.push((start..out.text.len(), reason));
        }
    }
    out.blocks.sort_by_key(|(r, _)| (r.start, r.end));
    out.blocks.dedup_by(|a, b| a.0.start < b.0.end);
}

/// Splits a text run into identity stretches, entities and whitespace runs.
fn push_text(
    html: &str,
    range: Range<usize>,
    owner: u32,
    items: &mut Vec<Item>,
    owners: &mut Vec<u32>,
) {
    let text = &html[range.clone()];
    let base = range.start;
    let mut run_start = 0;
    let mut k = 0;
    let mut push = |items: &mut Vec<Item>, item: Item| {
        items.push(item);
        owners.push(owner);
    };
    let bytes = text.as_bytes();
    while k < text.len() {
        let b = bytes[k];
        let (is_space, clen) = if b < 0x80 {
            (b.is_ascii_whitespace(), 1)
        } else {
            let c = text[k..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if is_space {
            if run_start < k {
                push(items, Item::Text(None, base + run_start, k - run_start));
            }
            let ws_end = text[k..]
                .find(|ch: char| !ch.is_whitespace())
                .map_or(text.len(), |p| k + p);
            push(items, Item::Space(base + k, ws_end - k));
            k = ws_end;
            run_start = k;
            continue;
        }
        if b == b'&' {
            let semi = text[k..]
                .char_indices()
                .take(34)
                .find(|(_, ch)| *ch == ';')
                .map(|(p, _)| k + p);
            if let Some(semi) = semi {
                let entity = &text[k..=semi];
                let decoded = html_escape::decode_html_entities(entity);
                if decoded != entity {
                    if run_start < k {
                        push(items, Item::Text(None, base + run_start, k - run_start));
                    }
                    let d = decoded.replace('\u{a0}', " ");
                    if d.trim().is_empty() {
                        push(items, Item::Space(base + k, entity.len()));
                    } else {
                        push(items, Item::Text(Some(d.into()), base + k, entity.len()));
                    }
                    k = semi + 1;
                    run_start = k;
                    continue;
                }
            }
        }
        k += clen;
    }
    if run_start < text.len() {
        push(
            items,
            Item::Text(None, base + run_start, text.len() - run_start),
        );
    }
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

    /// The text outside removed regions.
    fn kept(x: &ExtractedHtml) -> String {
        let mut s = String::new();
        let mut pos = 0;
        for (r, _) in &x.removed {
            s.push_str(&x.text[pos..r.start]);
            pos = r.end;
        }
        s.push_str(&x.text[pos..]);
        s.trim_end().to_string()
    }

    #[test]
    fn article_text_metadata_and_blocks() {
        let x = extract(PAGE);
        assert_eq!(
            kept(&x),
            "Floods close border\n\nHeavy rain & wind closed the crossing, officials said.\n\nTrucks wait, Photo: Reuters\n\n“Never this high,” the mayor’s office said.\nRoads stay shut."
        );
        // The aside and the comments inside the article are recorded, not dropped silently.
        let removed: Vec<(&str, RemovalReason)> = x
            .removed
            .iter()
            .map(|(r, k)| (&x.text[r.clone()], *k))
            .collect();
        assert_eq!(
            removed,
            [
                ("Related stories", RemovalReason::Related),
                ("First!", RemovalReason::Comments)
            ]
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
    fn class_tokens_are_read_by_whole_words_camel_case_included() {
        assert_eq!(
            token_reason("NewsletterModule"),
            Some(RemovalReason::Subscribe)
        );
        assert_eq!(
            token_reason("ArticlePage-authorBio"),
            Some(RemovalReason::Byline)
        );
        assert_eq!(token_reason("most-popular"), Some(RemovalReason::Related));
        assert_eq!(token_reason("mainContent"), None);
        assert_eq!(token_reason("ad_body"), None);
        assert_eq!(token_reason("CNNLogo"), None);
        assert_eq!(token_reason(""), None);
    }

    #[test]
    fn hidden_elements_are_not_read_and_overlays_never_hold_the_article() {
        let page = r#"<main><p>The ferry resumed its crossings on Monday after the storm.</p>
<p style="color: red; display:none">Hidden teaser text that readers never see on the page.</p>
<p aria-hidden="true">Icon label</p><p hidden>Also hidden from every reader of the page.</p>
<p>Passengers were told to expect delays through the week, the operator said.</p></main>
<div role="dialog"><p>We use cookies to make this site work, and with your consent to measure how you use it.</p>
<p>You can change your choice at any time in the privacy settings linked from every page.</p>
<p>Third parties we work with may also set cookies to show you adverts that match your interests.</p></div>"#;
        let text = extract(page).text;
        assert_eq!(
            text,
            "The ferry resumed its crossings on Monday after the storm.\n\nPassengers were told to expect delays through the week, the operator said."
        );
    }

    #[test]
    fn a_figure_is_a_caption_block() {
        let x = extract(
            "<article><p>The bridge opened to traffic on Tuesday morning after two years.</p><p>Drivers crossed it in both directions within the first hour, the council said.</p><figure><img src=a.jpg><div>(Jo Lane / Courier)</div></figure></article>",
        );
        let kinds: Vec<(&str, BlockKind)> = x
            .blocks
            .iter()
            .map(|(r, k)| (&x.text[r.clone()], *k))
            .collect();
        assert_eq!(kinds, [("(Jo Lane / Courier)", BlockKind::Caption)]);
    }

    #[test]
    fn camel_parts_cut_before_a_capital_after_a_small_letter() {
        // The cuts as first written (a vector of positions), for comparison.
        fn by_cuts(part: &str) -> Vec<&str> {
            let bytes = part.as_bytes();
            let mut cuts = vec![0];
            for i in 1..bytes.len() {
                if bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase() {
                    cuts.push(i);
                }
            }
            cuts.push(bytes.len());
            (0..cuts.len() - 1)
                .map(|k| &part[cuts[k]..cuts[k + 1]])
                .collect()
        }
        for part in [
            "",
            "a",
            "A",
            "NewsletterModule",
            "authorBio",
            "CNNLogo",
            "aB",
            "ÄrgerBox",
            "xÄy",
            "shareBarTopX",
            "lowercase",
        ] {
            assert_eq!(
                camel_parts(part).collect::<Vec<_>>(),
                by_cuts(part),
                "{part}"
            );
        }
    }

    #[test]
    fn an_svg_icons_empty_title_does_not_swallow_the_article() {
        // Found on a real page: `<title/>` in an inline SVG icon before the article made the
        // rest of the page a title.
        let page = "<html><head><title>Autumn trips</title></head><body>\
            <svg viewBox=\"0 0 512 512\"><title/><path d=\"M256,0Z\"/></svg>\
            <article><h1>Autumn trips</h1><p>Admittedly, we miss the summer already, but autumn \
            has its own pleasures: long walks by the lake and quiet days in the sauna.</p>\
            <p>Here are eleven places within an hour of the city that are worth the trip.</p>\
            </article></body></html>";
        let x = extract(page);
        assert!(
            x.text.contains("Admittedly, we miss the summer"),
            "{:?}",
            x.text
        );
        assert_eq!(x.title.as_deref(), Some("Autumn trips"));
    }

    #[test]
    fn case_insensitive_search_finds_the_first_match() {
        let naive = |h: &str, n: &str| {
            h.as_bytes()
                .windows(n.len())
                .position(|w| w.eq_ignore_ascii_case(n.as_bytes()))
        };
        let cases = [
            ("var a = '<'; </SCRIPT> </script>", "</script"),
            ("x</scrip", "</script"),
            ("", "</style"),
            ("<<</StYlE", "</style"),
            ("Année </title>", "</title"),
            ("abcABC", "bc"),
            ("abcABC", "Ca"),
        ];
        for (hay, needle) in cases {
            assert_eq!(
                find_ascii_case_insensitive(hay, needle),
                naive(hay, needle),
                "{hay:?} {needle:?}"
            );
        }
        assert_eq!(find_ascii_case_insensitive("abc", ""), Some(0));
    }

    #[test]
    fn large_documents_are_linear() {
        let page = "<p>Some words &amp; more words.</p>\n".repeat(150_000);
        let x = extract(&page);
        assert!(x.text.len() > 3_000_000);
    }
}
