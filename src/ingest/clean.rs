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

static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[\d.,]+[km]?\s+(?:views?|reads?|shares?|likes?)(?:\s*[|·,]?\s*[\d.,]+\s+comments?(?:\(s\))?)?|[\d.,]+\s+comments?\(s\)|(?:views?|reads?|shares?)\s*:\s*[\d.,]+[km]?)$",
    )
    .expect("valid pattern")
});

static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:bonus\s+video|video|watch(?:\s+the\s+video|\s+now)?|read\s+more|read\s+also|also\s+read|see\s+also|related(?:\s+(?:articles|stories|news|coverage|content))?|recommended(?:\s+for\s+you)?|advertisement|sponsored(?:\s+content)?|most\s+read|trending\s+now|don['’]t\s+miss|(?:subscribe|sign\s+up)\b.{0,60}\bnewsletters?\b.*)\s*[:.!]?$",
    )
    .expect("valid pattern")
});

static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:share(?:\s+this)?(?:\s+(?:article|story|post|page))?(?:\s+(?:on|via)\s+.{1,40})?|follow\s+us(?:\s+on\s+.{1,60})?|click\s+to\s+(?:share|print|email).*|tweet(?:\s+this)?|email(?:\s+this)?|print(?:\s+this)?(?:\s+(?:article|page))?|copy\s+link|(?:(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email|pinterest|messenger)\s*[|,·]?\s*){2,})\s*:?$",
    )
    .expect("valid pattern")
});

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?:^|[\s,.;(–—-])(?:photo(?:graph)?s?|foto|image|picture|pic|illustration|video\s+still|credit)\s*(?::|by\b|©)\s*\S|©\s*\S|(?:^|[\s(])(?:photo|image|picture)\s*\(|/\s*(?:reuters|ap|afp|getty\s+images|epa|anadolu|dpa|xinhua)\s*\)?$)",
    )
    .expect("valid pattern")
});

static ABOUT_AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:about\s+the\s+authors?|author\s+bio(?:graphy)?|about\s+the\s+writer)\s*:?$",
    )
    .expect("valid pattern")
});

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

    let mut dateline_seen = false;
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
        } else if index < 5 && !dateline_seen {
            metadata::parse_dateline(content).map(|d| {
                dateline_seen = true;
                if doc.meta.date.is_none() {
                    doc.meta.date = d.date;
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
        }
    }

    removed.sort_by_key(|r| (r.range.start, r.range.end));
    let removed = merge(removed);

    // Headline: the first remaining line, when it reads like one.
    let remaining: Vec<Range<usize>> = body_lines
        .iter()
        .filter(|l| !already_removed(&removed, l.range.start))
        .map(|l| trimmed_range(&text[l.range.clone()], l.range.start))
        .collect();
    let mut hints = std::mem::take(&mut doc.block_hints);
    if let Some(first) = remaining.first() {
        let content = &text[first.clone()];
        let has_hint = hints
            .iter()
            .any(|(r, _)| r.start <= first.start && first.start < r.end);
        if !has_hint && looks_like_headline(content) && !CAPTION.is_match(content) {
            hints.push((first.clone(), SentenceKind::Headline));
            if doc.meta.title.is_none() {
                doc.meta.title = Some(content.to_string());
            }
        }
    }
    for range in &remaining {
        let content = &text[range.clone()];
        let hinted = hints
            .iter()
            .any(|(r, _)| r.start <= range.start && range.start < r.end);
        if !hinted && content.chars().count() <= 200 && CAPTION.is_match(content) {
            hints.push((range.clone(), SentenceKind::Caption));
        }
    }
    hints.sort_by_key(|(r, _)| (r.start, r.end));

    if doc.meta.date.is_none() {
        // A lead that dates its event ("on Friday (4 April 2025)") dates the article.
        if let Some(lead) = remaining.iter().find(|r| {
            !hints
                .iter()
                .any(|(h, k)| *k != SentenceKind::Body && h.start <= r.start && r.start < h.end)
        }) {
            let lead_text = &text[lead.clone()];
            let window = &lead_text[..floor_char_boundary(lead_text, 600)];
            doc.meta.date = metadata::find_date(window).map(|(_, iso)| iso);
        }
    }

    doc.removed = removed;
    doc.block_hints = hints;
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
    (2..=30).contains(&words)
        && line.len() <= 250
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
    use crate::model::Origin;

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
    fn a_first_sentence_is_not_a_headline() {
        let doc = cleaned("Ministers are gathering in Brussels to prepare the summit.\n\nMore.\n");
        assert!(doc.meta.title.is_none());
        assert!(doc.block_hints.is_empty());
    }

    #[test]
    fn lead_date_dates_the_article() {
        let doc = cleaned("Ministers wrapped up talks on Friday (4 April 2025), officials said.\n");
        assert_eq!(doc.meta.date.as_deref(), Some("2025-04-04"));
    }
}
