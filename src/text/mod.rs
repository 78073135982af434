//! Text stages: sentence segmentation and language identification.

pub mod features;
pub mod language;
pub mod places;
pub mod segment;
pub mod tokens;
pub mod wordset;

use std::ops::Range;

use crate::model::{Document, Sentence, SentenceKind};

/// A stock symbol as wire copy and press releases write it: `<ACME>`, `<ACME.O>`,
/// `(NYSE: ACME)`, `(Nasdaq:ACME.B)`; the symbol is group 1 or 2.
pub static STOCK_SYMBOL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"<([A-Z][A-Z0-9]{0,7})(?:\.[A-Z]{1,3})?>|\((?i:NYSE|NASDAQ|AMEX|NYSE American|TSX|TSXV|LSE|ASX|OTC|OTCQX)\s*:\s*([A-Z][A-Z0-9]{0,7})(?:\.[A-Z]{1,3})?\)",
    )
    .expect("stock symbol pattern")
});

/// Months, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Days of the week, lower case.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a lower-case word is a month or a day of the week: capitalised in the middle of a
/// sentence, yet nobody's name. (Abbreviations are left out: "Jan" and "Mar" are also given
/// names.)
pub fn is_calendar_word(word: &str) -> bool {
    MONTHS.contains(&word) || WEEKDAYS.contains(&word)
}

/// Words of a text with their byte ranges: letters, with inner hyphens and apostrophes
/// ("NATO-Ukraine", "Smith’s").
pub fn words(text: &str) -> Vec<Range<usize>> {
    word_ranges(text, char::is_alphabetic, &['-', '\'', '’'])
}

/// Runs of characters for which `part` holds, with `joiners` allowed inside a run (not at its
/// start), as byte ranges.
pub fn word_ranges(text: &str, part: impl Fn(char) -> bool, joiners: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = part(c) || (start.is_some() && joiners.contains(&c));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// How a text is laid out in paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Paragraph ranges (trimmed of line breaks, indentation kept out), in order.
    pub paragraphs: Vec<Range<usize>>,
    /// Whether lines are hard-wrapped: a line break inside a paragraph is then a space.
    pub hard_wrapped: bool,
}

/// One line of text: its range without the line break, indentation and trimmed content.
struct RawLine {
    start: usize,
    end: usize,
    indent: usize,
    content_len: usize,
    ends_sentence: bool,
    bullet: bool,
    /// Ends in a word that leaves its phrase open ("its", "a", "of"), in lower case.
    ends_open: bool,
    /// Opens with a lower-case letter: the rest of a sentence, not a new one.
    opens_lower: bool,
}

/// Lower-case words a sentence or a headline hardly ends in: an article, a possessive
/// determiner, a conjunction, "of". Prepositions are left out ("Five things to look out for").
const OPEN_ENDINGS: [&str; 11] = [
    "a", "an", "the", "and", "or", "of", "its", "his", "their", "our", "your",
];

fn raw_lines(text: &str) -> Vec<RawLine> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let body = line.trim_start_matches([' ', '\t', '\u{a0}']);
        let indent = line.len() - body.len();
        let content = body.trim_end();
        let ends_sentence = content
            .trim_end_matches(['”', '"', '’', '\'', '»', ')', ']'])
            .ends_with(['.', '!', '?', '…', ':']);
        let bullet =
            content.starts_with(['•', '*', '–', '—', '·', '▪', '►']) || content.starts_with("- ");
        let ends_open = content
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| OPEN_ENDINGS.contains(&w));
        // Not a digit: a lead may open with one under its headline ("12 people died …").
        let opens_lower = content.chars().next().is_some_and(char::is_lowercase);
        out.push(RawLine {
            start: pos,
            end: pos + line.len(),
            indent,
            content_len: content.chars().count(),
            ends_sentence,
            bullet,
            ends_open,
            opens_lower,
        });
        pos += raw.len();
    }
    out
}

/// Finds the paragraphs of a text. A text is hard-wrapped when nearly all its lines are
/// short (at most about 100 characters) and many lines run on into the next one without
/// ending a sentence; its paragraphs are then separated by blank lines, by a first line
/// indented deeper than the text's continuation lines, by list items, or by a short line
/// that ends a sentence. Otherwise every line is a paragraph.
pub fn layout(text: &str) -> Layout {
    let lines = raw_lines(text);
    let nonblank: Vec<&RawLine> = lines.iter().filter(|l| l.content_len > 0).collect();
    let long = nonblank.iter().filter(|l| l.content_len > 100).count();
    let mut pairs = 0;
    let mut running_on = 0;
    let mut plainly_running_on = 0;
    for w in lines.windows(2) {
        if w[0].content_len > 0 && w[1].content_len > 0 {
            pairs += 1;
            // A line cut short by a removed dateline ("Kestrel Corp said its common") runs
            // on as plainly as a full one.
            let plainly = w[0].ends_open || w[1].opens_lower;
            if !w[0].ends_sentence && (w[0].content_len >= 30 || plainly) {
                running_on += 1;
                plainly_running_on += usize::from(plainly);
            }
        }
    }
    // A text with too few lines running on to tell its wrapping by count (a story of two or
    // three lines) is wrapped when every line that runs on does so plainly: it stops on "its"
    // or "a", or runs on into a line opening in lower case.
    let by_count = nonblank.len() >= 3
        && long * 20 <= nonblank.len()
        && running_on >= 2
        && running_on * 10 >= pairs * 3;
    let plainly =
        nonblank.len() >= 2 && long == 0 && running_on >= 1 && plainly_running_on == running_on;
    let hard_wrapped = by_count || plainly;
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    if !hard_wrapped {
        for l in &nonblank {
            paragraphs.push(l.start + l.indent..l.start + l.indent + trimmed_len(text, l));
        }
        return Layout {
            paragraphs,
            hard_wrapped,
        };
    }
    let base_indent = nonblank.iter().map(|l| l.indent).min().unwrap_or(0);
    let width = nonblank.iter().map(|l| l.content_len).max().unwrap_or(0);
    let mut previous: Option<&RawLine> = None;
    for l in &lines {
        if l.content_len == 0 {
            previous = None;
            continue;
        }
        let end = l.start + l.indent + trimmed_len(text, l);
        let starts_paragraph = match previous {
            None => true,
            Some(p) => {
                l.indent > base_indent
                    || l.bullet
                    || (p.ends_sentence && p.content_len * 10 < width * 6)
            }
        };
        match paragraphs.last_mut() {
            Some(last) if !starts_paragraph => last.end = end,
            _ => paragraphs.push(l.start + l.indent..end),
        }
        previous = Some(l);
    }
    Layout {
        paragraphs,
        hard_wrapped,
    }
}

fn trimmed_len(text: &str, l: &RawLine) -> usize {
    text[l.start + l.indent..l.end].trim_end().len()
}

/// Splits the document's remaining text (outside removed regions) into sentences. Removed
/// regions, headline/caption/table/dateline/sign-off/credit blocks and, in hard-wrapped text,
/// paragraphs are hard boundaries; inside a hard-wrapped paragraph a line break is a space.
pub fn segment_document(doc: &mut Document) {
    if doc.paragraphs.is_empty() {
        let layout = layout(&doc.text);
        doc.paragraphs = layout.paragraphs;
        doc.hard_wrapped = layout.hard_wrapped;
    }
    let text = doc.text.as_str();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for r in &doc.removed {
        cuts.push(r.range.start);
        cuts.push(r.range.end);
    }
    for (r, _) in &doc.block_hints {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    if doc.hard_wrapped {
        cuts.extend(doc.paragraphs.iter().map(|p| p.start));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut sentences = Vec::new();
    for pair in cuts.windows(2) {
        let block = pair[0]..pair[1];
        if block.is_empty() || doc.is_removed(block.start) {
            continue;
        }
        let kind = doc
            .block_hints
            .iter()
            .find(|(r, _)| r.start <= block.start && block.start < r.end)
            .map_or(SentenceKind::Body, |(_, k)| *k);
        let slice = &text[block.clone()];
        for range in segment::split_sentences_with(slice, doc.hard_wrapped) {
            let range = block.start + range.start..block.start + range.end;
            if !range.is_empty() {
                sentences.push(Sentence {
                    range,
                    kind,
                    language: None,
                });
            }
        }
    }
    doc.sentences = sentences;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_wrapped_text_has_indented_paragraphs() {
        let text = "Showers continued throughout the week in\nthe cocoa zone, alleviating the drought since early\nJanuary, the review said.\n    The dry period means the harvest will be late this\nyear, traders said.\n    \"We expect a late crop,\" one of them said, \"and\nlower prices.\"\n Reuter\n";
        let l = layout(text);
        assert!(l.hard_wrapped);
        let paras: Vec<&str> = l.paragraphs.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(paras.len(), 4);
        assert!(paras[0].starts_with("Showers") && paras[0].ends_with("said."));
        assert!(paras[1].starts_with("The dry") && paras[1].ends_with("traders said."));
        assert_eq!(paras[3], "Reuter");
    }

    #[test]
    fn a_two_line_story_stopping_on_its_is_one_wrapped_sentence() {
        // Found on a wire archive: the first line of a two-line story was read as a headline,
        // and the story's lead began "101st store, a 43,000 square foot unit…".
        for text in [
            "Kestrel Corp said it has opened its\n57th store, a 43,000 square foot unit in Alder, Va.\n Reuter\n",
            "Kestrel Corp said it has opened\nits 58th store, a 60,000 square foot unit in Brannock.\n Reuter\n",
        ] {
            let l = layout(text);
            assert!(l.hard_wrapped, "{text}");
            let paras: Vec<&str> = l.paragraphs.iter().map(|r| &text[r.clone()]).collect();
            assert_eq!(paras.len(), 2, "{text}");
            assert!(paras[0].starts_with("Kestrel") && paras[0].ends_with('.'));
        }
    }

    #[test]
    fn a_first_line_cut_short_by_a_dateline_runs_on() {
        // A wire archive took the dateline ("WASHINGTON, March 3 - ") off the first line,
        // leaving it short.
        let text = "Kestrel Corp said its common\nstock has started trading on the exchange.\n    The stock was formerly traded elsewhere.\n Reuter\n";
        let l = layout(text);
        assert!(l.hard_wrapped);
        let paras: Vec<&str> = l.paragraphs.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            paras[0],
            "Kestrel Corp said its common\nstock has started trading on the exchange."
        );
    }

    #[test]
    fn a_headline_over_a_sentence_is_two_paragraphs() {
        // Its last word closes the phrase and the next line opens a new sentence, or a lead
        // opening with a figure, or the headline ends on a preposition.
        for text in [
            "Kestrel opens its largest store in the valley\nKestrel Corp said it has opened a store in Alder.\n",
            "Ferry sinks off Kestrel Point\n12 people died when the ferry sank.\n",
            "Five things to look out for\nThe show opens in Alder on Friday.\n",
        ] {
            let l = layout(text);
            assert!(!l.hard_wrapped, "{text}");
            assert_eq!(l.paragraphs.len(), 2, "{text}");
        }
    }

    #[test]
    fn one_paragraph_per_line_is_not_hard_wrapped() {
        let text = "A first paragraph that is long enough to be a real paragraph of an article, with several clauses and words in it.\nA second paragraph, equally long, that goes on and on about the meeting and what the ministers said there.\nA third one.\n";
        let l = layout(text);
        assert!(!l.hard_wrapped);
        assert_eq!(l.paragraphs.len(), 3);
    }
}
