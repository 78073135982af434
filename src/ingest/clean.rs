//! Auditable cleaning: boilerplate becomes removed regions with a reason, never a silent edit.
//! Also marks headlines and photo captions, and reads datelines and bylines into metadata.
//!
//! Everything here works on whole lines: boilerplate in news pages comes as its own lines
//! ("20 COMMENTS", "4405 views 14 comment(s)", "Bonus video:"), and matching whole lines keeps a
//! sentence that merely mentions comments or photos from being taken for boilerplate.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::metadata;
use crate::model::{Document, RemovalReason, Removed, SentenceKind};

static COMMENTS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\d[\d,.]*\s+comments?|comments?\s*\(\d+\)|comments?|leave\s+a\s+(?:reply|comment)|\d+\s+(?:responses?|replies|thoughts?\s+on\s+.+)|join\s+the\s+(?:discussion|conversation)|(?:reader|readers'?|user)\s+comments|comments\s+are\s+closed\.?|(?:show|view|load)\s+(?:all\s+)?comments|post\s+a\s+comment|add\s+(?:a\s+)?comment|please\s+enter\s+your\s+comment!?)\s*:?$",
    )
    .expect("valid pattern")
});

/// Lines at the head of the body where a page's address, date line or byline may stand.
const HEAD_LINES: usize = 5;

static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[\d.,]+[km]?\s+(?:views?|reads?|shares?|likes?)(?:\s*[|·,]?\s*[\d.,]+\s+comments?(?:\(s\))?)?|[\d.,]+\s+comments?\(s\)|(?:views?|reads?|shares?)\s*:\s*[\d.,]+[km]?)$",
    )
    .expect("valid pattern")
});

static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:bonus\s+video|video|watch(?:\s+the\s+video|\s+now)?|read\s+more|read\s+also|also\s+read|see\s+also|related(?:\s+(?:articles|stories|news|coverage|content))?|recommended(?:\s+for\s+you)?|advertisement|sponsored(?:\s+content)?|most\s+read|trending\s+now|don['’]t\s+miss|(?:advertisement\s+)?continue\s+reading(?:\s+the\s+main\s+story)?|(?:newsletter\s+)?(?:subscribe|sign\s+up)\b.{0,80}\bnewsletters?\b.*)\s*[:.!]?$",
    )
    .expect("valid pattern")
});

/// A web address alone on its line ("https://news.example.com/2025/04/04/story.html"), as a
/// page copied from a browser often opens.
static ADDRESS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:https?://|www\.)[^\s/]+\.[^\s]*[^\s.,;:)]$").expect("valid pattern")
});

static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:share(?:\s+this)?(?:\s+(?:article|story|post|page))?(?:\s+(?:on|via)\s+.{1,40})?|follow\s+us(?:\s+on\s+.{1,60})?|click\s+to\s+(?:share|print|email).*|tweet(?:\s+this)?|email(?:\s+this)?|print(?:\s+this)?(?:\s+(?:article|page))?|copy\s+link|(?:(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email|pinterest|messenger)\s*[|,·]?\s*){2,})\s*:?$",
    )
    .expect("valid pattern")
});

/// A pattern with the words one of which every match contains: a paragraph with none of them
/// is turned down by one quick scan, without running the pattern (whose Unicode `\b` makes the
/// regex engine fall back to its slow matcher on non-ASCII text). The scan ignores ASCII case
/// only, so the words hold no `k` or `s`: `(?i)` also matches those to `K` (Kelvin) and `ſ`.
struct Gated {
    words: aho_corasick::AhoCorasick,
    pattern: Regex,
}

impl Gated {
    fn new(words: &[&str], pattern: &str) -> Gated {
        Gated {
            words: aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(words)
                .expect("valid words"),
            pattern: Regex::new(pattern).expect("valid pattern"),
        }
    }

    fn is_match(&self, text: &str) -> bool {
        self.words.is_match(text) && self.pattern.is_match(text)
    }
}

/// Words of [`CAPTION`]: every alternative holds one.
const CAPTION_WORDS: &[&str] = &[
    "photo", "foto", "image", "pic", "illu", "video", "credit", "©", "/",
];

static CAPTION: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        CAPTION_WORDS,
        r"(?i)(?:(?:^|[\s,.;(–—-])(?:photo(?:graph)?s?|foto|image|picture|pic|illustration|video\s+still|credit)\s*(?::|by\b|©)\s*\S|©\s*\S|(?:^|[\s(])(?:photo|image|picture)\s*\(|/\s*(?:reuters|ap|afp|getty\s+images|epa|anadolu|dpa|xinhua)\s*\)?$)",
    )
});

/// Words of [`ENDS_WITH_PHOTO_CREDIT`]: every alternative holds one.
const PHOTO_CREDIT_WORDS: &[&str] = &["photo", "image", "picture", "courtesy", "/"];

/// A paragraph that ends with a photo's credit in brackets: a photo caption as a web page
/// prints it under its picture, often at the head of the story and several sentences long
/// ("FILE - In this Dec. 13, 2016, file photo, the logo … (AP Photo/Jane Roe, File)", "…
/// in Seattle. (Jane Roe/Associated Press)", "… in Pyongyang. [Photo/Agencies]"), an
/// agency's name after it ("(Jane Roe/dpa via AP, File) (Associated Press)").
static ENDS_WITH_PHOTO_CREDIT: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        PHOTO_CREDIT_WORDS,
        r"(?i)[(\[](?:(?:photo(?:graph)?|image|picture)s?\s*(?:by\b|:|/|©|courtesy\b)\s*[^()\[\]]{1,80}|courtesy\s+of\s+[^()\[\]]{1,80}|(?:ap|afp|reuters|epa)\s+photo\s*/\s*[^()\[\]]{1,80}|[^()\[\]]{0,80}/\s*(?:the\s+)?(?:reuters|ap|afp|getty\s+images|epa|anadolu|dpa|xinhua|yonhap|associated\s+press|agencies|invision/ap|pool)(?:\s+via\s+[^()\[\]]{1,40})?(?:\s*,\s*file)?)[)\]](?:\s*\((?:the\s+)?(?:associated\s+press|ap|afp|reuters)\))?\s*$",
    )
});

/// A paragraph that opens with a photo's credit run into its caption, as some British pages
/// are scraped ("AP:Associated Press Tensions on the peninsula …", "Getty Images A victim
/// is …", "SWNS • PA Jane Roe survived …"). Case-sensitive, and an agency's name counts only
/// before an article ("EPA Administrator …" and "Reuters reported …" open sentences of a story).
static STARTS_WITH_PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:AP:\s*Associated\s+Press\s+\S|(?:Reuters|REUTERS|Getty\s+Images|GETTY(?:\s+IMAGES)?|EPA|AFP(?:/Getty\s+Images)?|PA(?:\s+Wire)?|SWNS|REX(?:/Shutterstock)?|Rex\s+Features|Shutterstock|Alamy)\s+(?:The|A|An)\s+\S|[A-Za-z][A-Za-z .&/-]{1,40}?\s*•\s*(?:GETTY|Getty\s+Images|PA|AFP|REUTERS|Reuters|EPA|AP)\s+\S)",
    )
    .expect("valid pattern")
});

/// A caption that opens with its credit is at most this long: a line or two under a picture.
const CAPTION_OPENING_WITH_CREDIT_MAX_BYTES: usize = 400;

/// A photo caption that ends with its credit is at most this long: an agency's caption
/// retells the story in three or four sentences.
const CAPTION_WITH_CREDIT_MAX_BYTES: usize = 800;

static ABOUT_AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:about\s+the\s+authors?|author\s+bio(?:graphy)?|about\s+the\s+writer)\s*:?$",
    )
    .expect("valid pattern")
});

/// A sign-off paragraph on its own: the agency's name, or the reporting and editing credits.
static SIGNOFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:--|—|–|-)\s*)?(?:Reuters?|REUTERS?|AP|AFP|UPI|dpa|DPA|AAP|PTI|IANS|ANI|Xinhua|XINHUA|Kyodo|KYODO|Yonhap|TASS|ANSA|EFE|Bernama|BERNAMA|(?i:the\s+associated\s+press))\.?$|^\(?(?i:(?:additional\s+|with\s+additional\s+)?(?:reporting|writing|editing|compiled|translated|produced|research|graphics|fact[- ]?checking)\s+by)\b[^\n]{0,400}$|^\((?:AP|AFP|Reuters|dpa|UPI|AAP|Xinhua)\)$",
    )
    .expect("valid pattern")
});

/// The first paragraph of a press release's closing boilerplate: an "About <name>" heading or
/// lead-in, a forward-looking-statements notice, media contacts, an end mark.
static END_MATTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:About|ABOUT)\s+(?:the\s+)?\p{Lu}[\p{L}\p{N}&.'’-]*(?:,?\s+(?:of|and|&|for|the|de|\p{Lu}[\p{L}\p{N}&.'’-]*)){0,6}\s*(?::|$)|(?i:forward[- ]looking\s+statements?|safe\s+harbou?r\s+statement|cautionary\s+(?:note|statement)\s+regarding)\b|(?i:this\s+(?:press\s+|news\s+)?release\s+(?:contains|includes|may\s+contain)\s+forward[- ]looking)|(?i:(?:media|press|investor)\s+(?:contacts?|enquiries|inquiries|relations)|contacts?)\s*:|(?:###|-\s*30\s*-|-\s*ends\s*-|(?i:-\s*end\s*-))$)",
    )
    .expect("valid pattern")
});

/// A sign-off at the end of the last line of a story: "…(33.7).        REUTER".
static TRAILING_SIGNOFF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s{2,}(?:REUTERS?|Reuters?)$").expect("valid pattern"));

/// Words of [`CREDIT`]: every alternative holds one ("right" for "copyright" and "all rights
/// reserved").
const CREDIT_WORDS: &[&str] = &[
    "photo", "image", "pic", "video", "graphic", "illu", "credit", "courte", "©", "right",
];

/// A photo or copyright credit on its own line.
static CREDIT: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        CREDIT_WORDS,
        r"(?i)^\(?(?:(?:photo(?:graph)?|image|picture|video|graphic|illustration|cover\s+photo|main\s+image|top\s+image)s?(?:\s+credits?)?\s*(?::|by\b|©|courtesy\b)\s*[^.!?]{1,100}|(?:photo\s+)?(?:credits?|courtesy)\s*:\s*[^.!?]{1,100}|©\s*[^\n]{1,100}|copyright\s+(?:©\s*)?(?:\d{4}|\(c\))(?:\s*[-–]\s*\d{4})?(?:\s+(?-i:[\p{Lu}©(])|[.,])[^\n]{0,100}|copyright\s+(?:©\s*)?(?:\d{4}|\(c\))\s*|[^\n]{0,100}\ball\s+rights\s+reserved\.?)\)?$",
    )
});

/// Words of [`RIGHTS_NOTICE`]: every alternative holds one.
const RIGHTS_WORDS: &[&str] = &[
    "copyright",
    "©",
    "(c)",
    "right",
    "rechte",
    "droit",
    "derecho",
    "diritti",
    "rechten",
    "prawa",
];

/// An outlet's rights notice opening a paragraph, however long the rest of it ("Copyright 2025
/// The Example Press. All rights reserved. This material may not be published, broadcast,
/// rewritten or redistributed."), in the languages of the outlets most often read.
static RIGHTS_NOTICE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        RIGHTS_WORDS,
        r"(?i)^\(?(?:(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}|\(c\))(?:\s*[-–]\s*\d{4})?(?:\s+(?-i:[\p{Lu}©(])|[.,]|\s*$)|[^\n]{0,120}?\b(?:all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés|todos\s+los\s+derechos\s+reservados|tutti\s+i\s+diritti\s+riservati|alle\s+rechten\s+voorbehouden|wszelkie\s+prawa\s+zastrzeżone)\b)",
    )
});

/// An outlet's note closing an article: where it first ran, whose views it gives, how to reach
/// the writer, a prompt to follow or click.
static END_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\(?(?:(?:this|the)\s+(?:article|story|piece|post|report|column)\s+(?:was\s+)?(?:originally|first)\s+(?:published|appeared|ran)\s+(?:in|on|at|by)\b|a\s+version\s+of\s+this\s+(?:article|story|report)\s+(?:appears|appeared|ran|was\s+published)\b|(?:the\s+)?(?:views|opinions)\s+expressed\s+(?:in\s+this\s+(?:article|column|piece|commentary)\s+|here\s+)?are\b|(?:contact|email|e-mail|reach)\s+(?:the\s+)?(?:author|reporter|writer|editor|newsroom)\b[^\n]{0,80}(?:@|\bat\b)|(?:got|have)\s+a\s+(?:news\s+)?tip\?|click\s+here\s+(?:to|for)\b|follow\s+@?[\p{L}\p{N}_.]+(?:\s+[\p{L}\p{N}_.]+){0,2}\s+on\s+(?:twitter|x|facebook|instagram|threads|bluesky|linkedin)\b)",
    )
    .expect("valid pattern")
});

/// Paragraphs read for a rights notice or a closing note: the last ones of the text.
const RIGHTS_NOTICE_LAST_PARAGRAPHS: usize = 3;
/// The longest paragraph read as a rights notice or a closing note.
const RIGHTS_NOTICE_MAX_BYTES: usize = 600;

const DATELINE_MONTH: &str = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?";
const AGENCY: &str = r"(?:AP|Reuters|AFP|UPI|dpa|AAP|PTI|IANS|ANI|Xinhua|Kyodo|Yonhap|TASS|ANSA|EFE|Bernama|CNN|Bloomberg|NHK|APA|Belga|ANP|SDA|Lusa|Anadolu|IRNA|WAFA|KUNA|Interfax|Ukrinform|CTK|PAP|MTI|HINA|Tanjug|BTA|Agerpres|STT|NTB|TT|Ritzau|RIA\s+Novosti|Sputnik|Europa\s+Press|AGI|Adnkronos|EPA)";

/// The place (and agency, and day) that opens a story: "WASHINGTON (AP) —", "NEW YORK, Feb 26
/// -", "KYIV, Ukraine, April 4 (Reuters) -", "Brussels (dpa) -".
static DATELINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    let date = format!(
        r"(?:,?\s+(?:{DATELINE_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{DATELINE_MONTH})(?:,?\s+\d{{4}})?)"
    );
    let region = r"(?:,\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,2})";
    Regex::new(&format!(
        r"^(?:(?P<caps>\p{{Lu}}[\p{{Lu}}\p{{M}}.'’-]+(?:[ /]\p{{Lu}}[\p{{Lu}}\p{{M}}.'’-]*){{0,3}}){region}?(?P<cd>{date})?(?P<ca>\s*\({AGENCY}\))?|(?:\p{{Lu}}\p{{Ll}}+(?:[ -]\p{{Lu}}\p{{Ll}}+){{0,2}}){region}?{date}?\s*\({AGENCY}\))\s*(?:—|–|--|-)\s+\S",
    ))
    .expect("valid pattern")
});

/// Words in capitals that open a paragraph with a dash as a place does ("FILE - In this
/// photo …", "UPDATE - …"): labels of the paragraph, no dateline.
const LABELS_NOT_PLACES: &[&str] = &[
    "FILE",
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "EXCLUSIVE",
    "WATCH",
    "VIDEO",
    "PHOTOS",
    "LIVE",
    "CORRECTION",
];

#[derive(Debug, Clone)]
struct Line {
    range: Range<usize>,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']);
        out.push(Line {
            range: pos..pos + content.len(),
        });
        pos += raw.len();
    }
    out
}

/// Cleans `doc` in place: fills `removed`, headline and caption hints, and metadata.
pub fn clean(doc: &mut Document) {
    let text = doc.text.as_str();
    let all_lines = lines(text);
    let mut removed = std::mem::take(&mut doc.removed);
    let already_removed = |removed: &[Removed], offset: usize| {
        removed
            .iter()
            .any(|r| r.range.start <= offset && offset < r.range.end)
    };

    // Reader comments: from the heading to the end of the text.
    let mut body_end = text.len();
    let mut seen_body = false;
    for line in &all_lines {
        let content = text[line.range.clone()].trim();
        if content.is_empty() || already_removed(&removed, line.range.start) {
            continue;
        }
        if seen_body && COMMENTS_HEADING.is_match(content) {
            let start = line.range.start + leading_ws(&text[line.range.clone()]);
            removed.push(Removed {
                range: start..text.len(),
                reason: RemovalReason::Comments,
            });
            body_end = start;
            break;
        }
        seen_body = true;
    }

    let body_lines: Vec<&Line> = all_lines
        .iter()
        .filter(|l| l.range.start < body_end)
        .filter(|l| !text[l.range.clone()].trim().is_empty())
        .filter(|l| !already_removed(&removed, l.range.start))
        .collect();

    if let Some(bio) = author_bio(text, &body_lines) {
        let end = body_lines
            .iter()
            .filter(|l| l.range.start >= bio.start)
            .map(|l| l.range.end)
            .max()
            .unwrap_or(bio.end);
        removed.push(Removed {
            range: bio.start..end,
            reason: RemovalReason::AuthorBio,
        });
    }

    // Paragraphs of the whole text: a dateline or byline is one of its own, never the last
    // line of a hard-wrapped sentence ("…debentures due\nApril 15, 2007.", "…led\nby Jane
    // Doe.").
    let layout = crate::text::layout(text);
    let own_paragraph = |r: &Range<usize>| {
        layout
            .paragraphs
            .binary_search_by_key(&r.start, |p| p.start)
            .is_ok_and(|i| layout.paragraphs[i].end == r.end)
    };
    let mut dateline_seen = false;
    // Whether a line of the text has been kept: an address line after it is the story's own.
    let mut text_seen = false;
    for (index, line) in body_lines.iter().enumerate() {
        if already_removed(&removed, line.range.start) {
            continue;
        }
        let raw = &text[line.range.clone()];
        let content = raw.trim();
        let range = trimmed_range(raw, line.range.start);
        let reason = if COUNTER.is_match(content) {
            Some(RemovalReason::Counter)
        } else if PROMO.is_match(content) {
            Some(RemovalReason::Promo)
        } else if SHARE.is_match(content) {
            Some(RemovalReason::SharePrompt)
        } else if !text_seen
            && index < HEAD_LINES
            && ADDRESS_LINE.is_match(content)
            && own_paragraph(&range)
        {
            // Kept as the article's address when the input gave none.
            doc.meta.url.get_or_insert_with(|| content.to_string());
            Some(RemovalReason::Link)
        } else if index < HEAD_LINES && !dateline_seen && own_paragraph(&range) {
            metadata::parse_dateline(content).map(|d| {
                dateline_seen = true;
                if doc.meta.date.is_none() {
                    doc.meta.date = d.date;
                    if let Some(value) = d.no_year {
                        let url = doc.meta.url.clone();
                        let title = doc.meta.title.clone().unwrap_or_default();
                        let read = metadata::read_date(&value, || {
                            metadata::known_year(&[&title, text], url.as_deref())
                        });
                        if let Some(message) = metadata::date_note(&value, &read) {
                            doc.notes.push(crate::model::ReadNote {
                                warning: false,
                                message,
                            });
                        }
                        doc.meta.date = read.iso();
                    }
                }
                if let Some(by) = d.by {
                    doc.meta.source.get_or_insert(by);
                }
                RemovalReason::Dateline
            })
        } else {
            None
        };
        if let Some(reason) = reason {
            removed.push(Removed { range, reason });
        } else if !content.is_empty() {
            text_seen = true;
        }
    }

    removed.sort_by_key(|r| (r.range.start, r.range.end));
    let removed = merge(removed);

    // Paragraphs (lines, unless the text is hard-wrapped) that remain after the removals.
    let remaining: Vec<Range<usize>> = layout
        .paragraphs
        .iter()
        .filter(|p| p.start < body_end && !already_removed(&removed, p.start))
        .cloned()
        .collect();
    let mut hints = std::mem::take(&mut doc.block_hints);
    mark_structure(text, &remaining, &mut hints);
    // A page's date line ("May 3, 2024, 10:31 GMT") opening the text, under an address line
    // removed above, or right under the headline, dates the article and is no prose.
    let mut date_line_at = |at: usize, hints: &mut Vec<(Range<usize>, SentenceKind)>| {
        let Some(paragraph) = remaining.get(at) else {
            return false;
        };
        let Some(iso) = (!hint_at(hints, paragraph.start))
            .then(|| metadata::date_line(&text[paragraph.clone()]))
            .flatten()
        else {
            return false;
        };
        hints.push((paragraph.clone(), SentenceKind::Dateline));
        doc.meta.date.get_or_insert(iso);
        true
    };
    // The headline is then the paragraph under it.
    let head = usize::from(date_line_at(0, &mut hints));
    // Headline: the first remaining paragraph, when it reads like one.
    if let Some(first) = remaining.get(head) {
        let content = &text[first.clone()];
        let has_hint = hint_at(&hints, first.start);
        // A row of figures right above a table is its first row ("Shr loss nine cts loss 12
        // cts" over "Net loss 585,866 vs loss 455,866"): two figures in a few words; a headline
        // with one figure ("Kestrel profit up 12 pct") is not one.
        let heads_table = remaining.get(head + 1).is_some_and(|next| {
            hints.iter().any(|(r, k)| {
                *k == SentenceKind::Table && r.start <= next.start && next.start < r.end
            })
        }) && (row_strength(content) > 0 || {
            let (words, figures, function, _) = table_profile(content);
            figures >= 2 && words <= 8 && function <= 1
        });
        if !has_hint && heads_table {
            hints.push((first.clone(), SentenceKind::Table));
        } else if !has_hint && looks_like_headline(content) && !CAPTION.is_match(content) {
            hints.push((first.clone(), SentenceKind::Headline));
            if doc.meta.title.is_none() {
                doc.meta.title = Some(content.to_string());
            }
            if head == 0 {
                date_line_at(1, &mut hints);
            }
        }
    }
    for range in &remaining {
        let content = &text[range.clone()];
        if !hint_at(&hints, range.start)
            && (content.chars().count() <= 200 && CAPTION.is_match(content)
                || content.len() <= CAPTION_WITH_CREDIT_MAX_BYTES
                    && ENDS_WITH_PHOTO_CREDIT.is_match(content)
                || content.len() <= CAPTION_OPENING_WITH_CREDIT_MAX_BYTES
                    && STARTS_WITH_PHOTO_CREDIT.is_match(content))
        {
            hints.push((range.clone(), SentenceKind::Caption));
        }
    }
    hints.sort_by_key(|(r, _)| (r.start, r.end));

    if doc.meta.date.is_none() {
        // A lead that dates its event ("on Friday (4 April 2025)") dates the article.
        if let Some(lead) = remaining.iter().find(|r| {
            !hints
                .iter()
                .any(|(h, k)| *k != SentenceKind::Body && h.start <= r.start && r.end <= h.end)
        }) {
            let lead_text = &text[lead.clone()];
            let window = &lead_text[..floor_char_boundary(lead_text, 600)];
            doc.meta.date = metadata::find_date(window).map(|(_, iso)| iso);
        }
    }

    doc.removed = removed;
    doc.block_hints = hints;
    doc.paragraphs = layout.paragraphs;
    doc.hard_wrapped = layout.hard_wrapped;
}

/// Whether a hint covers the paragraph starting at `start`.
fn hint_at(hints: &[(Range<usize>, SentenceKind)], start: usize) -> bool {
    hints.iter().any(|(r, _)| r.start <= start && start < r.end)
}

fn hinted(hints: &[(Range<usize>, SentenceKind)], at: &Range<usize>) -> bool {
    hints
        .iter()
        .any(|(r, _)| r.start < at.end && at.start < r.end)
}

/// Marks tables, credits, the dateline and the sign-off among the remaining paragraphs.
fn mark_structure(
    text: &str,
    paragraphs: &[Range<usize>],
    hints: &mut Vec<(Range<usize>, SentenceKind)>,
) {
    let notices_from = paragraphs
        .len()
        .saturating_sub(RIGHTS_NOTICE_LAST_PARAGRAPHS);
    for (i, p) in paragraphs.iter().enumerate() {
        let content = &text[p.clone()];
        let credit = content.len() <= 200 && CREDIT.is_match(content);
        // A long notice only at the end: a story's paragraph may open on a law's year
        // ("Copyright 1998 legislation …").
        let notice = i >= notices_from
            && content.len() <= RIGHTS_NOTICE_MAX_BYTES
            && (RIGHTS_NOTICE.is_match(content) || END_NOTE.is_match(content));
        if (credit || notice) && !hinted(hints, p) {
            hints.push((p.clone(), SentenceKind::Credit));
        }
    }
    // The sign-off: the last paragraphs, or the end of the last one.
    let mut last = paragraphs.len();
    while last > 0 && paragraphs.len() - last < 3 {
        let p = &paragraphs[last - 1];
        let content = &text[p.clone()];
        if content.len() <= 400 && SIGNOFF.is_match(content) && !hinted(hints, p) {
            hints.push((p.clone(), SentenceKind::Signoff));
            last -= 1;
            continue;
        }
        if last == paragraphs.len() {
            if let Some(m) = TRAILING_SIGNOFF.find(content) {
                let word = p.start + m.start() + (m.len() - m.as_str().trim_start().len());
                let range = word..p.end;
                if !hinted(hints, &range) {
                    hints.push((range, SentenceKind::Signoff));
                }
            }
        }
        break;
    }
    // A press release's closing boilerplate, from its first paragraph (in the second half of
    // the text, never the lead) to the end: two releases of one company share it whatever
    // they announce.
    if let Some(first) = (2.max(paragraphs.len() / 2)..paragraphs.len())
        .find(|&i| END_MATTER.is_match(text[paragraphs[i].clone()].trim_start()))
    {
        for p in &paragraphs[first..] {
            if !hinted(hints, p) {
                hints.push((p.clone(), SentenceKind::Signoff));
            }
        }
    }
    // Tables; a sign-off at the end of a row is not part of the table.
    let signoff_starts: Vec<usize> = hints
        .iter()
        .filter(|(_, k)| *k == SentenceKind::Signoff)
        .map(|(r, _)| r.start)
        .collect();
    for mut range in tables(text, paragraphs) {
        if let Some(&s) = signoff_starts
            .iter()
            .find(|&&s| range.start < s && s < range.end)
        {
            range.end = range.start + text[range.start..s].trim_end().len();
        }
        if !hinted(hints, &range) {
            hints.push((range, SentenceKind::Table));
        }
    }
    // The dateline opens the first or (after a headline) the second paragraph.
    for p in paragraphs.iter().take(2) {
        let content = &text[p.clone()];
        if let Some(caps) = DATELINE_PREFIX.captures(content) {
            let whole = caps.get(0).map_or(0, |m| m.end());
            // Up to the dash or colon, without the first letter of the story after it.
            let mut end = whole;
            while let Some(c) = content[..end].chars().next_back() {
                if matches!(c, '—' | '–' | '-') {
                    break;
                }
                end -= c.len_utf8();
            }
            let letters = caps.name("caps").map_or(usize::MAX, |m| {
                m.as_str().chars().filter(|c| c.is_alphabetic()).count()
            });
            // "FILE - In this 2016 file photo, …" opens an agency's caption: a label, no place.
            if caps
                .name("caps")
                .is_some_and(|m| LABELS_NOT_PLACES.contains(&m.as_str()))
            {
                continue;
            }
            let strong = caps.name("caps").is_none()
                || caps.name("cd").is_some()
                || caps.name("ca").is_some()
                || letters >= 4;
            let range = p.start..p.start + end;
            if strong && end > 0 && !hinted(hints, &range) {
                hints.push((range, SentenceKind::Dateline));
                break;
            }
        }
    }
}

/// Function words: prose has them, table rows hardly ever do.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "was", "were", "is", "are", "said", "and", "that", "for",
    "on", "at", "by", "with", "it", "he", "she", "they", "we", "will", "would", "has", "have",
    "had", "be", "been", "from", "as", "its", "this", "which", "who", "but", "not", "than",
];

static FUNCTION_WORD_SET: std::sync::LazyLock<crate::text::wordset::WordSet> =
    std::sync::LazyLock::new(|| crate::text::wordset::WordSet::new(FUNCTION_WORDS));

/// A table cell that is a figure: "1.20", "1,655.8", "(4,161.0)", "1986/87", "12.5%", "nil",
/// pence ("53.05p").
fn is_figure(token: &str) -> bool {
    let t =
        token.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']' | '.'));
    // Compared case-insensitively in place: a lowercased copy per word cost an allocation.
    // None of these is longer than four bytes.
    if t.len() <= 4
        && ["nil", "n/a", "na", "nc", "unch", "-", "--", "—", "–"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(t))
    {
        return true;
    }
    // Pence as British results write them: "53.05p".
    let t = t
        .strip_suffix('p')
        .filter(|f| f.ends_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(t);
    t.bytes().any(|b| b.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || ".,/%+-$€£¥".contains(c))
}

/// How a paragraph reads: (words, figures, function words, has "vs" between figures).
fn table_profile(s: &str) -> (usize, usize, usize, bool) {
    // One pass without allocating: a paragraph can be a whole 4 MB article on one line.
    let (mut words, mut figures, mut function, mut vs) = (0, 0, 0, false);
    let mut after_number_word = false;
    for t in s.split_whitespace() {
        words += 1;
        // "six cts", "one dlr": a small figure spelled out, as earnings lines write them.
        let spelled = after_number_word && is_unit(t);
        figures += usize::from(is_figure(t) || spelled);
        after_number_word = t.len() <= 6
            && crate::text::tokens::CARDINALS
                .iter()
                .any(|c| c.eq_ignore_ascii_case(t));
        let w = t.trim_matches(|c: char| !c.is_alphanumeric());
        // No function word is longer than five letters: longer words need no lookup.
        if w.len() <= 5 {
            let mut lower = [0u8; 5];
            let lower = &mut lower[..w.len()];
            lower.copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            function += usize::from(FUNCTION_WORD_SET.contains_bytes(lower));
        }
        vs |= matches!(t, "vs" | "vs." | "v.");
    }
    (words, figures, function, vs)
}

/// A unit an earnings or price line puts after its figure: an amount's unit or multiplier
/// as the tokenizer reads them ("dlrs", "pct", "mln"), or a currency's cents and pence.
fn is_unit(t: &str) -> bool {
    let t = t
        .trim_end_matches([',', ';', ')', '.'])
        .to_ascii_lowercase();
    crate::text::tokens::is_amount_word(&t)
        || ["cts", "ct", "cents", "cent", "pence"].contains(&t.as_str())
}

/// Whether a paragraph reads as a table row: mostly figures and hardly any function words,
/// an earnings line ("Shr 1.20 dlrs vs 1.10 dlrs"), or cells in aligned columns.
fn row_strength(s: &str) -> u8 {
    let (words, figures, function, vs) = table_profile(s);
    if words == 0 {
        return 0;
    }
    // Counted only when it can matter: most paragraphs are prose.
    let columns = || {
        s.trim()
            .split("  ")
            .filter(|c| !c.trim().is_empty())
            .count()
    };
    let sparse_prose = function * 10 <= words;
    if vs && figures >= 1 && words <= 16 && function <= 1 {
        return 2;
    }
    if figures >= 2 && sparse_prose && columns() >= 3 {
        return 2;
    }
    if figures >= 2 && figures * 10 >= words * 3 && sparse_prose {
        return if figures >= 3 { 2 } else { 1 };
    }
    0
}

/// A short header inside or above a table: "Nine mths", "SUBPRODUCTS", "Qtr ended Dec 31",
/// "Oilseed export registrations were:".
fn is_table_header(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=6).contains(&words) && s.len() <= 60 && !s.trim_end().ends_with(['.', '!', '?', '"', '”'])
}

/// Table paragraphs: runs of rows (two or more, or one strong row), with the short headers
/// between and just before them.
fn tables(text: &str, paragraphs: &[Range<usize>]) -> Vec<Range<usize>> {
    let strength: Vec<u8> = paragraphs
        .iter()
        .map(|p| row_strength(&text[p.clone()]))
        .collect();
    let header: Vec<bool> = paragraphs
        .iter()
        .map(|p| is_table_header(&text[p.clone()]))
        .collect();
    let mut is_table = vec![false; paragraphs.len()];
    let mut i = 0;
    while i < paragraphs.len() {
        if strength[i] == 0 {
            i += 1;
            continue;
        }
        // A run of rows, with headers between rows.
        let mut j = i;
        let mut rows = 0;
        let mut best = 0;
        let mut end = i;
        while j < paragraphs.len() && (strength[j] > 0 || header[j]) {
            if strength[j] > 0 {
                rows += 1;
                best = best.max(strength[j]);
                end = j + 1;
            }
            j += 1;
        }
        if rows >= 2 || best >= 2 {
            // Up to two short headers just before it ("1100 hrs cdt" over "MONTHS  LAST").
            let mut start = i;
            while start > 0
                && i - start < TABLE_HEADERS_ABOVE
                && header[start - 1]
                && !is_table[start - 1]
            {
                start -= 1;
            }
            for t in &mut is_table[start..end] {
                *t = true;
            }
        }
        i = end.max(i + 1);
    }
    // A run of label-and-figure lines ("Shr six cts", "Net 155,764", "Revs 2.1 mln"): each
    // too plain alone for a row (a web page's time stamp reads so), three in a row a table.
    let labelled = |k: usize| strength[k] > 0 || label_and_figure(&text[paragraphs[k].clone()]);
    let mut i = 0;
    while i < paragraphs.len() {
        let mut j = i;
        while j < paragraphs.len() && labelled(j) {
            j += 1;
        }
        if j - i >= LABEL_ROWS_MIN {
            for t in &mut is_table[i..j] {
                *t = true;
            }
        }
        i = j.max(i + 1);
    }
    paragraphs
        .iter()
        .zip(is_table)
        .filter(|(_, t)| *t)
        .map(|(p, _)| p.clone())
        .collect()
}

/// Short header lines just above a table that are read as part of it.
const TABLE_HEADERS_ABOVE: usize = 2;

/// Consecutive label-and-figure lines that make a table (see [`label_and_figure`]).
const LABEL_ROWS_MIN: usize = 3;

/// A line that is a label and its figure: "Shr six cts", "Net 155,764", "Pay April 30", "Shr
/// not given". Five words at most, opening with a word, a figure among them (or "not given"),
/// no function word, no full stop.
fn label_and_figure(s: &str) -> bool {
    let line = s.trim();
    // Most paragraphs are longer: counted before they are profiled.
    if !(2..=5).contains(&line.split_whitespace().take(6).count()) {
        return false;
    }
    let (_, figures, function, _) = table_profile(line);
    function == 0
        && (figures >= 1 || line.ends_with("not given"))
        && !line.ends_with(['.', '!', '?'])
        && line.starts_with(|c: char| c.is_alphabetic())
}

fn leading_ws(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

fn trimmed_range(raw: &str, start: usize) -> Range<usize> {
    let lead = leading_ws(raw);
    start + lead..start + raw.trim_end().len()
}

fn floor_char_boundary(s: &str, mut index: usize) -> usize {
    if index >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn merge(sorted: Vec<Removed>) -> Vec<Removed> {
    let mut out: Vec<Removed> = Vec::with_capacity(sorted.len());
    for r in sorted {
        if let Some(last) = out.last_mut() {
            if r.range.start < last.range.end {
                last.range.end = last.range.end.max(r.range.end);
                continue;
            }
        }
        out.push(r);
    }
    out
}

/// A headline has no final full stop, is short, and starts with a capital or a digit.
fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    // A sentence may end inside its closing quotation mark: `…agreement.”`.
    let last = line
        .trim_end_matches(['”', '"', '’', '»', ')'])
        .chars()
        .last()
        .unwrap_or('.');
    let first = line.chars().next().unwrap_or('a');
    // A paragraph wrapped over three lines or more is prose (a lead without its full stop).
    (2..=30).contains(&words)
        && line.len() <= 250
        && line.matches('\n').count() < 2
        && !matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '…')
        && (first.is_uppercase() || first.is_ascii_digit() || "\"“‘'«„".contains(first))
}

/// The author block at the end of a body: a name line followed by a paragraph about that person
/// ("George Smith" / "George has a degree in ..."), or an "About the author" heading.
fn author_bio(text: &str, body_lines: &[&Line]) -> Option<Range<usize>> {
    let tail_start = body_lines.len().saturating_sub(4);
    for i in tail_start..body_lines.len() {
        let line = &text[body_lines[i].range.clone()];
        let content = line.trim();
        if ABOUT_AUTHOR.is_match(content) && i > 0 {
            return Some(trimmed_range(line, body_lines[i].range.start));
        }
        if i == 0 || i + 1 >= body_lines.len() || !is_person_name(content) {
            continue;
        }
        let next = text[body_lines[i + 1].range.clone()].trim();
        let first_name = content.split_whitespace().next().unwrap_or_default();
        let about_them = next.strip_prefix(first_name).is_some_and(|rest| {
            rest.starts_with(' ') || rest.starts_with('’') || rest.starts_with('\'')
        }) && next.len() < 1200;
        let trailing = &body_lines[i + 1..];
        if about_them && trailing.len() <= 3 {
            return Some(trimmed_range(line, body_lines[i].range.start));
        }
    }
    None
}

fn is_person_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && line.len() <= 50
        && words.iter().all(|w| {
            let mut chars = w.chars();
            let first = chars.next().unwrap_or('a');
            (first.is_uppercase() && chars.all(|c| c.is_alphabetic() || "-'’.".contains(c)))
                || matches!(*w, "van" | "von" | "de" | "der" | "da" | "al" | "bin")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_press_releases_end_matter_is_recognised_and_a_story_is_not() {
        for end in [
            "About Halden Mills: Halden Mills makes paper in four countries.",
            "About Halden Mills",
            "ABOUT THE HALDEN GROUP",
            "Forward-Looking Statements",
            "This press release contains forward-looking statements about the merger.",
            "Media contact: Jo Lund, +47 555 0100",
            "###",
        ] {
            assert!(END_MATTER.is_match(end), "{end}");
        }
        for story in [
            "About 300 people were evacuated: the river rose overnight.",
            "About a third of the plants will close.",
            "About Town, the city's oldest club, will close its doors.",
            "The contact between the two sides was brief.",
        ] {
            assert!(!END_MATTER.is_match(story), "{story}");
        }
    }
    use crate::model::Origin;

    #[test]
    fn gate_words_avoid_letters_with_unicode_case_variants() {
        for word in CAPTION_WORDS.iter().chain(CREDIT_WORDS).chain(RIGHTS_WORDS) {
            assert!(!word.contains(['k', 's', 'K', 'S']), "{word}");
        }
    }

    #[test]
    fn gated_patterns_match_as_the_bare_patterns_do() {
        let cases = [
            "Photo: Jane Doe/Reuters",
            "PHOTOGRAPHS BY ANNA ROE",
            "Illustration by Tom Lee",
            "Foto: dpa",
            "Picture (left) of the summit",
            "The minister arrives (Getty Images / AFP)",
            "Crowds at the square / Reuters",
            "© 2025 Example Media",
            "Copyright 2025 Example Media",
            "Copyright 2024-2025 Example Media",
            "Copyright 2025",
            "Copyright 1998 legislation was at the heart of the case.",
            "Example Media. All rights reserved.",
            "Image courtesy of the ministry",
            "Courtesy: the ministry",
            "Credits: the ministry",
            "Video still by Joe Bloggs",
            "Graphic by the newsroom",
            "(Photo: Jane Doe)",
            "The ministers met on Friday and agreed on a plan.",
            "Ministers said the rights of workers must be protected.",
            "ILLUSTRATION: K. Smith",
            "Phötö: not this one",
            "",
        ];
        for case in cases {
            assert_eq!(
                CAPTION.is_match(case),
                CAPTION.pattern.is_match(case),
                "caption: {case}"
            );
            assert_eq!(
                CREDIT.is_match(case),
                CREDIT.pattern.is_match(case),
                "credit: {case}"
            );
        }
        for case in cases
            .iter()
            .chain(&RIGHTS_NOTICES)
            .chain(&NOT_RIGHTS_NOTICES)
        {
            assert_eq!(
                RIGHTS_NOTICE.is_match(case),
                RIGHTS_NOTICE.pattern.is_match(case),
                "rights notice: {case}"
            );
        }
        assert!(CAPTION.is_match("Photo: Jane Doe/Reuters"));
        assert!(CREDIT.is_match("Example Media. All rights reserved."));
        assert!(!CREDIT.is_match("The ministers met on Friday."));
        assert!(CREDIT.is_match("Copyright 2024-2025 Example Media"));
        assert!(CREDIT.is_match("Copyright 2025"));
        assert!(!CREDIT.is_match("Copyright 1998 legislation was at the heart of the case."));
    }

    const RIGHTS_NOTICES: [&str; 5] = [
        "Copyright 2025 The Example Press. All rights reserved. This material may not be \
         published, broadcast, rewritten or redistributed without permission.",
        "© 2025 Example Media Group. All rights reserved. Reproduction in whole or in part \
         without the written consent of the publisher is prohibited.",
        "Example Media 2025. All rights reserved. Our journalism is funded by our readers.",
        "© Beispiel Verlag GmbH 2025. Alle Rechte vorbehalten. Vervielfältigung nur mit \
         Genehmigung.",
        "(c) 2025 Exemple Presse. Tous droits réservés.",
    ];

    const NOT_RIGHTS_NOTICES: [&str; 3] = [
        "Copyright lawyers said the ruling would change how songs are licensed.",
        "Ministers said the rights of workers must be protected, and the court reserved its \
         judgment until March.",
        "The union said all members had the right to strike.",
    ];

    /// The kind and text of the last hint of a short story that closes with `paragraph`.
    fn last_hint_under_a_story(paragraph: &str) -> (SentenceKind, String) {
        let doc = cleaned(&format!(
            "Harbour bridge closed\n\nPolice closed the bridge on Tuesday after a lorry struck \
             its railing.\n\n{paragraph}\n"
        ));
        let (range, kind) = doc.block_hints.last().expect("a hint").clone();
        (kind, doc.text[range].to_string())
    }

    #[test]
    fn a_long_rights_notice_at_the_end_is_a_credit() {
        for notice in RIGHTS_NOTICES {
            assert!(RIGHTS_NOTICE.is_match(notice), "{notice}");
            let (kind, text) = last_hint_under_a_story(notice);
            assert_eq!(kind, SentenceKind::Credit, "{notice}");
            assert!(text.starts_with(&notice[..10]));
        }
        for story in NOT_RIGHTS_NOTICES {
            assert!(!RIGHTS_NOTICE.is_match(story), "{story}");
        }
    }

    #[test]
    fn an_outlets_closing_note_is_a_credit() {
        for note in [
            "This article was originally published on The Example Review. Read the original \
             article.",
            "This story first appeared in the Eastbury Courier.",
            "A version of this article appears in print on April 4, 2025, Section A, Page 6.",
            "The views expressed in this article are the author's own and do not necessarily \
             reflect those of the publisher.",
            "Contact the reporter at jo.lund@example.com.",
            "Got a news tip? Write to the newsroom.",
            "Click here to read more stories from the region.",
            "Follow Jo Lund on Twitter.",
        ] {
            assert!(END_NOTE.is_match(note), "{note}");
            assert_eq!(
                last_hint_under_a_story(note).0,
                SentenceKind::Credit,
                "{note}"
            );
        }
        for story in [
            "The story first appeared to be a hoax, police said.",
            "The views of residents were split, the survey found.",
            "Contact between the two sides was brief.",
            "Follow-up talks are planned for May.",
            "Readers can click through the archive of the paper's first editions.",
        ] {
            assert!(!END_NOTE.is_match(story), "{story}");
        }
    }

    #[test]
    fn a_paragraph_opening_on_a_copyright_year_inside_the_story_is_no_credit() {
        let doc = cleaned(
            "Songwriters win appeal\n\nCopyright 1998 legislation was at the heart of the \
             case, the court said on Monday.\n\nThe judges sided with the songwriters.\n\nTheir \
             lawyers welcomed the ruling.\n\nThe label said it would appeal.\n",
        );
        assert!(
            doc.block_hints
                .iter()
                .all(|(_, kind)| *kind != SentenceKind::Credit),
            "{:?}",
            doc.block_hints
        );
    }

    fn cleaned(text: &str) -> Document {
        let mut doc = Document::new("t.txt", text.to_string(), Origin::Identity);
        clean(&mut doc);
        doc
    }

    fn removed_texts(doc: &Document) -> Vec<(&str, &str)> {
        doc.removed
            .iter()
            .map(|r| (r.reason.as_str(), &doc.text[r.range.clone()]))
            .collect()
    }

    #[test]
    fn comment_section_and_everything_after_it_is_removed() {
        let doc = cleaned(
            "Body one.\n\nBody two.\n\n12 COMMENTS\n\n  1. A reader says hi.\n\nLEAVE A REPLY\n",
        );
        let removed = removed_texts(&doc);
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0].0, "comments");
        assert!(removed[0].1.starts_with("12 COMMENTS"));
        assert!(removed[0].1.ends_with("LEAVE A REPLY\n"));
    }

    #[test]
    fn a_sentence_mentioning_comments_is_not_boilerplate() {
        let doc = cleaned("The minister declined to comment.\n\nComments from readers poured in over the weekend.\n");
        assert!(doc.removed.is_empty());
    }

    #[test]
    fn author_bio_before_comments_is_removed() {
        let doc = cleaned(
            "Ministers met on Monday.\n\nThey agreed on a plan.\n\nJane Porter\nJane has covered defence for a decade and is on Twitter at @jp\n\n3 Comments\n\nnice\n",
        );
        let removed = removed_texts(&doc);
        assert_eq!(removed[0].0, "author-bio");
        assert_eq!(
            removed[0].1,
            "Jane Porter\nJane has covered defence for a decade and is on Twitter at @jp"
        );
        assert_eq!(removed[1].0, "comments");
    }

    #[test]
    fn a_name_line_inside_the_body_is_kept() {
        let doc = cleaned(
            "Jane Porter\nJane said the plan was ready.\n\nMore body.\n\nMore.\n\nMore.\n\nEnd.\n",
        );
        assert!(doc
            .removed
            .iter()
            .all(|r| r.reason != RemovalReason::AuthorBio));
    }

    #[test]
    fn counters_promos_and_share_prompts_are_removed_by_line() {
        let doc = cleaned("Headline here\n\n4405 views 14 comment(s)\nShare on Facebook\nBody text.\n\nBonus video:\n");
        let removed = removed_texts(&doc);
        assert_eq!(
            removed,
            vec![
                ("counter", "4405 views 14 comment(s)"),
                ("share-prompt", "Share on Facebook"),
                ("promo", "Bonus video:"),
            ]
        );
    }

    #[test]
    fn dateline_fills_metadata_and_is_removed() {
        let doc = cleaned(" date 2025-04-04 By Example Review\n\nMinisters met.\n");
        assert_eq!(doc.meta.date.as_deref(), Some("2025-04-04"));
        assert_eq!(doc.meta.source.as_deref(), Some("Example Review"));
        assert_eq!(
            removed_texts(&doc),
            vec![("dateline", "date 2025-04-04 By Example Review")]
        );
        assert!(doc.meta.title.is_none());
    }

    #[test]
    fn a_pasted_pages_address_and_date_lines_are_metadata_over_its_headline() {
        let doc = cleaned(
            "https://news.example.org/world/2024/05/03/harbour-fire.html\n\nMay 3, 2024, 10:31 GMT\n\nHarbour fire kills three in Port Aldine\n\nA fire at the harbour killed three dock workers, the fire service said.\n",
        );
        assert_eq!(
            removed_texts(&doc),
            vec![(
                "link",
                "https://news.example.org/world/2024/05/03/harbour-fire.html"
            )]
        );
        assert_eq!(
            doc.meta.url.as_deref(),
            Some("https://news.example.org/world/2024/05/03/harbour-fire.html")
        );
        assert_eq!(doc.meta.date.as_deref(), Some("2024-05-03"));
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("Harbour fire kills three in Port Aldine")
        );
        assert_eq!(
            kinds_of(&doc),
            vec![
                ("dateline", "May 3, 2024, 10:31 GMT"),
                ("headline", "Harbour fire kills three in Port Aldine")
            ]
        );

        // A date line right under the headline dates the article too.
        let doc = cleaned(
            "Harbour fire kills three in Port Aldine\n\nFriday 3 May 2024 10:31 BST\n\nA fire at the harbour killed three dock workers, the fire service said.\n",
        );
        assert_eq!(doc.meta.date.as_deref(), Some("2024-05-03"));
        assert_eq!(
            kinds_of(&doc),
            vec![
                ("headline", "Harbour fire kills three in Port Aldine"),
                ("dateline", "Friday 3 May 2024 10:31 BST")
            ]
        );

        // An address the input gives is kept; one under the text's first line (a link the
        // story gives), or opening a sentence, is text.
        let mut doc = Document::new(
            "t.txt",
            "www.example.org/a\n\nHarbour fire kills three\n\nhttps://twitter.com/firesvc/status/12345\n\nOfficials said www.example.org/b carried the notice.\n".to_string(),
            Origin::Identity,
        );
        doc.meta.url = Some("https://example.org/given".into());
        clean(&mut doc);
        assert_eq!(doc.meta.url.as_deref(), Some("https://example.org/given"));
        assert_eq!(removed_texts(&doc), vec![("link", "www.example.org/a")]);
        // Punctuation after an address is the sentence's.
        let doc = cleaned("https://example.org/x).\n\nMore text.\n");
        assert!(doc.removed.is_empty());
        let doc =
            cleaned("https://example.org is down, its owners said on Monday.\n\nMore text.\n");
        assert!(doc.removed.is_empty());
        assert!(doc.meta.url.is_none());
    }

    #[test]
    fn headline_and_captions_are_marked() {
        let doc = cleaned("Minister: We need a stronger alliance\n\nBody starts here.\nJane Roe, Photo: REUTERS\nMore body.\n");
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("Minister: We need a stronger alliance")
        );
        let kinds: Vec<(&str, SentenceKind)> = doc
            .block_hints
            .iter()
            .map(|(r, k)| (&doc.text[r.clone()], *k))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (
                    "Minister: We need a stronger alliance",
                    SentenceKind::Headline
                ),
                ("Jane Roe, Photo: REUTERS", SentenceKind::Caption),
            ]
        );
    }

    #[test]
    fn captions_ending_with_a_photo_credit_are_marked() {
        let captions = [
            "FILE - In this Dec. 13, 2016, file photo, the logo of Halvern Bank appears above a trading post. The bank said Friday it expects a loss in the fourth quarter because of the new tax law, which changes how funds returned from abroad are taxed. (AP Photo/Jane Roe, File)",
            "Fans watch the final seconds of the game in Keswick, Sunday, Dec. 31, 2017. (Jane Roe/Associated Press)",
            "A satellite is launched from an undisclosed location in this photo released on August 30, 2017. [Photo/Agencies]",
            "The ship is seen in waters off the port, on Dec. 29, 2017. (Jane Roe/dpa via AP, File) (Associated Press)",
            "The rocket stands on its launch pad at the cape. (Photo: Orbital Works via Keswick Today)",
            "Passengers watched the search for the bird from the cabin. (Courtesy of John Doe)",
        ];
        for caption in captions {
            let doc = cleaned(&format!(
                "The story's first paragraph tells what happened on Monday.\n\n{caption}\n\nThe story goes on.\n"
            ));
            assert_eq!(kinds_of(&doc), vec![("caption", caption)], "{caption}");
        }
        // Brackets of the story's own: a rate, a name's initials, an agency as a source.
        for body in [
            "Output rose by a third in a year (from 2.5 to 3.3 tonnes/hectare).",
            "The union's leader said the strike would go on, according to the Keswick Herald (KH/AP).",
            "Shares rose after the report, which the company called a photo finish (for now).",
        ] {
            let doc = cleaned(&format!(
                "The story's first paragraph tells what happened on Monday.\n\n{body}\n\nThe story goes on.\n"
            ));
            assert!(kinds_of(&doc).is_empty(), "{body}: {:?}", kinds_of(&doc));
        }
    }

    #[test]
    fn captions_opening_with_a_photo_credit_are_marked() {
        for caption in [
            "AP:Associated Press Tensions on the Keswick peninsula are now at breaking point",
            "Getty Images A victim is carried to safety by paramedics after the crash",
            "Reuters The ferry was towed into port on Saturday morning",
            "SWNS • PA Jane Roe survived the crash, which left seven injured",
            "KESWICK SCHOOL•GETTY Rates: Jane Roe said the bank would hold them",
        ] {
            let doc = cleaned(&format!(
                "The story's first paragraph tells what happened on Monday.\n\n{caption}\n\nThe story goes on.\n"
            ));
            assert_eq!(kinds_of(&doc), vec![("caption", caption)], "{caption}");
        }
        // An agency or a body of the same letters opening a sentence of the story.
        for body in [
            "EPA Administrator Jane Roe said the rule would be reviewed.",
            "Reuters reported on Friday that the talks had stalled.",
            "Getty Images Inc said its revenue rose by a tenth.",
            "PA Consulting said it would hire 200 engineers.",
        ] {
            let doc = cleaned(&format!(
                "The story's first paragraph tells what happened on Monday.\n\n{body}\n\nThe story goes on.\n"
            ));
            assert!(kinds_of(&doc).is_empty(), "{body}: {:?}", kinds_of(&doc));
        }
    }

    #[test]
    fn a_first_sentence_is_not_a_headline() {
        let doc = cleaned("Ministers are gathering in Brussels to prepare the summit.\n\nMore.\n");
        assert!(doc.meta.title.is_none());
        assert!(doc.block_hints.is_empty());
    }

    fn kinds_of(doc: &Document) -> Vec<(&str, &str)> {
        doc.block_hints
            .iter()
            .map(|(r, k)| (k.as_str(), &doc.text[r.clone()]))
            .collect()
    }

    #[test]
    fn earnings_table_rows_and_headers_are_a_table() {
        let doc = cleaned("Shr 1.20 dlrs vs 1.10 dlrs\n    Net 12.3 mln vs 10.1 mln\n    Revs 100.5 mln vs 90.2 mln\n    Nine mths\n    Shr loss five cts vs profit 10 cts\n    Net nil vs 4,000\n    NOTE: The company said results include a gain from the sale of a unit.\n Reuter\n");
        assert_eq!(
            kinds_of(&doc),
            vec![
                ("table", "Shr 1.20 dlrs vs 1.10 dlrs"),
                ("table", "Net 12.3 mln vs 10.1 mln"),
                ("table", "Revs 100.5 mln vs 90.2 mln"),
                ("table", "Nine mths"),
                ("table", "Shr loss five cts vs profit 10 cts"),
                ("table", "Net nil vs 4,000"),
                ("signoff", "Reuter"),
            ]
        );
    }

    #[test]
    fn wrapped_crop_table_rows_are_a_table_and_prose_with_figures_is_not() {
        let text = "The board said grain registrations to February 11, in thousands of\ntonnes, were as follows, with last season's figures in brackets:\n    Bread wheat prev 1,655.8, Feb 872.0, March 164.6, total\n2,692.4 (4,161.0).\n    Maize Mar 48.0, total 48.0 (nil).\n    Sorghum nil (nil)\n    Sales were estimated at 6.13 mln bags against the 1986/87 crop and\n1.06 mln bags against the 1987/88 crop, the board said.\n Reuter\n";
        let doc = cleaned(text);
        assert!(doc.hard_wrapped);
        assert_eq!(
            kinds_of(&doc),
            vec![
                (
                    "table",
                    "Bread wheat prev 1,655.8, Feb 872.0, March 164.6, total\n2,692.4 (4,161.0)."
                ),
                ("table", "Maize Mar 48.0, total 48.0 (nil)."),
                ("table", "Sorghum nil (nil)"),
                ("signoff", "Reuter"),
            ]
        );
    }

    #[test]
    fn earnings_lines_with_figures_spelled_out_are_a_table_not_a_headline() {
        // Found on a wire archive: lines like "Shr loss six cts vs loss seven cts" opened 326
        // of its earnings notices and were read as their headlines.
        let doc = cleaned("Shr loss six cts vs loss seven cts\n    Net loss 1,800,000 vs loss 2,100,000\n    Revs 12.3 mln vs 11.9 mln\n Reuter\n");
        assert_eq!(
            kinds_of(&doc),
            vec![
                ("table", "Shr loss six cts vs loss seven cts"),
                ("table", "Net loss 1,800,000 vs loss 2,100,000"),
                ("table", "Revs 12.3 mln vs 11.9 mln"),
                ("signoff", "Reuter"),
            ]
        );
        // A sentence counting in words stays prose: no table, no headline.
        let doc = cleaned("The bank said six cts of every dollar went to the fund, against seven cts a year ago.\n");
        assert_eq!(kinds_of(&doc), Vec::<(&str, &str)>::new());
    }

    #[test]
    fn three_label_and_figure_lines_are_a_table() {
        // Found on a wire archive: earnings notices of one figure a line ("Shr six cts", "Net
        // 155,764") had their first line read as a headline and the rest as prose.
        let doc = cleaned("Shr six cts\n    Net 155,764\n    Revs 2,310,400\n Reuter\n");
        assert_eq!(
            kinds_of(&doc),
            vec![
                ("table", "Shr six cts"),
                ("table", "Net 155,764"),
                ("table", "Revs 2,310,400"),
                ("signoff", "Reuter"),
            ]
        );
        // Two such lines over a story (a time stamp, a count) are no table.
        let doc = cleaned("Updated 12:30 GMT\n\nViews 1,204\n\nThe council said on Monday that the bridge would reopen in May after repairs.\n");
        assert!(kinds_of(&doc).iter().all(|(kind, _)| *kind != "table"));
    }

    #[test]
    fn a_time_stamp_over_a_tables_header_is_part_of_the_table() {
        // Found on a wire archive: a spreads table's time line, over its column header, was
        // read as the story's headline.
        let doc = cleaned("1100 hrs cdt\n MONTHS   LAST         DIFFERENCE\n Jul/May  3-3/4   over 3-1/2   over\n Dec/Jul  13-1/2  over 13-1/2  over\n May/Dec  17     under 17     under\n Reuter\n");
        let kinds = kinds_of(&doc);
        assert_eq!(kinds[0], ("table", "1100 hrs cdt"));
        assert_eq!(kinds[1], ("table", "MONTHS   LAST         DIFFERENCE"));
        // Three short lines over a table: the first is no part of it.
        let doc = cleaned("Grain spreads\n\nChicago\n\n1100 hrs cdt\n\nJul/May  3-3/4   over 3-1/2   over\n\nDec/Jul  13-1/2  over 13-1/2  over\n");
        let kinds = kinds_of(&doc);
        assert!(kinds.contains(&("table", "1100 hrs cdt")));
        assert!(!kinds.contains(&("table", "Grain spreads")));
    }

    #[test]
    fn a_line_of_figures_over_a_table_is_its_first_row() {
        // Found on a wire archive: British results in pence, and a first row without "vs",
        // were read as the notice's headline.
        let doc = cleaned("Shr 53.05p vs 45.79p adjusted\n    Div 8.7p making 14p vs 12p adjusted\n    Pretax profit 78.84 mln stg vs 60.31 mln\n Reuter\n");
        assert_eq!(
            kinds_of(&doc)[0],
            ("table", "Shr 53.05p vs 45.79p adjusted")
        );
        let doc = cleaned("Shr loss nine cts loss 12 cts\n    Net loss 585,866 vs loss 455,866\n    Avg shrs 6,841,638 vs 3,651,505\n Reuter\n");
        assert_eq!(
            kinds_of(&doc)[0],
            ("table", "Shr loss nine cts loss 12 cts")
        );
        // A headline over a table, with no figure or with one, stays a headline.
        let doc = cleaned("Kestrel Corp reports its results for the year\n    Shr 1.20 dlrs vs 1.10 dlrs\n    Net 12.3 mln vs 10.1 mln\n Reuter\n");
        assert_eq!(
            kinds_of(&doc)[0],
            ("headline", "Kestrel Corp reports its results for the year")
        );
        let doc = cleaned("Kestrel profit up 12 pct in the year to March\n    Shr 1.20 dlrs vs 1.10 dlrs\n    Net 12.3 mln vs 10.1 mln\n Reuter\n");
        assert_eq!(
            kinds_of(&doc)[0],
            ("headline", "Kestrel profit up 12 pct in the year to March")
        );
    }

    #[test]
    fn a_lead_wrapped_over_three_lines_without_its_full_stop_is_no_headline() {
        let doc = cleaned("Steel production rose\n1.3 pct to 1,696,000 short tons in the\nweek ended March 28 from 1,675,000 short\ntons, the Steel Institute\nreported\n   Production so far this year was 18,810,000 tons, off\n14.6 pct from a year earlier.\n Reuter\n");
        assert!(
            !kinds_of(&doc).iter().any(|(kind, _)| *kind == "headline"),
            "{:?}",
            kinds_of(&doc)
        );
    }

    #[test]
    fn a_sign_off_at_the_end_of_a_row_is_cut_from_the_table() {
        let doc = cleaned("Figures were:\n    Wheat prev 39.9, Feb 48.7, total 88.6\n    Linoil prev 15.9, Feb 23.6, total 39.5        REUTER\n");
        let kinds = kinds_of(&doc);
        assert!(
            kinds.contains(&("table", "Linoil prev 15.9, Feb 23.6, total 39.5")),
            "{kinds:?}"
        );
        assert!(kinds.contains(&("signoff", "REUTER")), "{kinds:?}");
    }

    #[test]
    fn datelines_of_several_agencies() {
        for (text, dateline) in [
            (
                "WASHINGTON (AP) — The Senate voted on Tuesday.",
                "WASHINGTON (AP) —",
            ),
            (
                "BRUSSELS, April 4 (Reuters) - Ministers met on Friday.",
                "BRUSSELS, April 4 (Reuters) -",
            ),
            (
                "NEW YORK, Feb 26 - Shares rose in early trading.",
                "NEW YORK, Feb 26 -",
            ),
            (
                "KYIV, Ukraine (AP) — Air raid sirens sounded.",
                "KYIV, Ukraine (AP) —",
            ),
            ("Brussels (dpa) - The ministers met.", "Brussels (dpa) -"),
            ("PARIS (AFP) - La ministre a parlé.", "PARIS (AFP) -"),
            ("WASHINGTON -- The talks resumed.", "WASHINGTON --"),
        ] {
            let doc = cleaned(text);
            assert_eq!(kinds_of(&doc), vec![("dateline", dateline)], "{text}");
        }
        for text in [
            "Washington said the talks would resume.",
            "UN - a new report says more.",
            "The U.S. - Canada border stayed open.",
        ] {
            let doc = cleaned(text);
            assert!(
                kinds_of(&doc).iter().all(|(k, _)| *k != "dateline"),
                "{text}"
            );
        }
    }

    #[test]
    fn sign_offs_and_credits() {
        let doc = cleaned("Ministers met on Friday.\n\nPhoto: Jane Roe/AFP\n\nThey agreed.\n\n(Reporting by Jane Roe; Editing by John Doe)\n");
        assert_eq!(
            kinds_of(&doc),
            vec![
                ("credit", "Photo: Jane Roe/AFP"),
                ("signoff", "(Reporting by Jane Roe; Editing by John Doe)"),
            ]
        );
        let doc = cleaned("Ministers met on Friday.\n\nThey agreed.\n\n© 2025 The Associated Press. All rights reserved.\n\n— The Associated Press\n");
        assert_eq!(
            kinds_of(&doc),
            vec![
                (
                    "credit",
                    "© 2025 The Associated Press. All rights reserved."
                ),
                ("signoff", "— The Associated Press"),
            ]
        );
    }

    #[test]
    fn hard_wrapped_first_line_is_not_a_headline() {
        let doc = cleaned("Showers continued throughout the week in\nthe cocoa zone, alleviating the drought since early\nJanuary, the review said.\n    The dry period means the harvest will be late this\nyear, traders said.\n");
        assert!(doc.meta.title.is_none());
        assert!(doc.block_hints.is_empty());
    }

    #[test]
    fn a_hard_wrapped_line_ending_a_sentence_is_no_byline() {
        // Caught on Reuters-21578: "…underwriters led\nby Woolcott and Co Inc." was removed
        // as a byline and named the source.
        let text = "The company said it has filed for an offering of 1,700,000\ncommon shares through underwriters led\nby Jane Doe and Co Inc.\n    The company said it will sell 1,500,000 shares and\nshareholders the rest of them, it said.\n";
        let doc = cleaned(text);
        assert!(doc.removed.is_empty(), "{:?}", doc.removed);
        assert!(doc.meta.source.is_none());
        // The same line as a paragraph of its own is a byline.
        let doc = cleaned(
            "Ministers met\n\nby Jane Doe\n\nMinisters met on Friday and agreed on a budget.\n",
        );
        assert_eq!(doc.meta.source.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn lead_date_dates_the_article() {
        let doc = cleaned("Ministers wrapped up talks on Friday (4 April 2025), officials said.\n");
        assert_eq!(doc.meta.date.as_deref(), Some("2025-04-04"));
    }
}
