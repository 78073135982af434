//! Direct quotations, their speakers, and groups of quotations that render the same utterance
//! across articles: facts for the quote rules.
//!
//! Extraction pairs quotation marks within a paragraph (curly, straight, guillemets, low-high,
//! and single marks where they open and close like quotes rather than apostrophes). A
//! quotation left open at the end of its paragraph continues only if the next paragraph opens
//! with a quotation mark, so a stray mark never swallows the article. A headline "Name: words"
//! is a quotation of Name. Quotations of one or two words are fragments (scare quotes, titles).
//!
//! Speakers come from the reporting clause around the quotation ("…,” she said", "said Smith",
//! "Smith said that “…”", "according to Smith", a colon lead-in), pronouns resolve to the last
//! person named, and titles ("the Secretary General") to the person the article names with
//! that title. The speaker is the fullest name the article gives ("Mark Smith" for "Smith").

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use rayon::prelude::*;

use crate::model::{Document, SentenceKind};
use crate::text::features::{features, SentenceFeatures};
use crate::text::tokens::tokenize;
use crate::text::words;

/// One quotation.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub document: usize,
    /// Byte range of the quoted words (inside the marks) in the document text.
    pub range: Range<usize>,
    pub speaker: Option<String>,
    /// Scare quotes, titles: one or two words.
    pub fragment: bool,
    /// Group index across the corpus (fragments are not grouped).
    pub group: Option<usize>,
}

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "told",
    "tells",
    "stated",
    "states",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "underlined",
    "underlines",
    "warned",
    "warns",
    "asked",
    "asks",
    "explained",
    "continued",
    "wrote",
    "writes",
    "insisted",
    "argued",
    "declared",
    "announced",
    "emphasised",
    "emphasized",
    "acknowledged",
    "replied",
    "urged",
    "underscored",
    "commended",
    "described",
    "called",
    "reiterated",
    "highlighted",
    "concluded",
    "claimed",
    "admitted",
    "saying",
    "briefed",
    "vowed",
    "promised",
    "accused",
    "recalled",
    "suggested",
    "predicted",
    "conceded",
    "remarked",
    "observed",
    "commented",
    "responded",
    "tweeted",
    "posted",
    "pointed",
    "cautioned",
    "confirmed",
    "denied",
    "recalled",
    "answered",
    "shouted",
];

const TITLE_WORDS: &[&str] = &[
    "secretary",
    "general",
    "minister",
    "president",
    "prime",
    "chancellor",
    "foreign",
    "defence",
    "defense",
    "mayor",
    "governor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "executive",
    "director",
    "chairman",
    "chair",
    "head",
    "leader",
    "king",
    "queen",
    "senator",
    "representative",
    "high",
    "former",
    "dutch",
    "deputy",
    "ambassador",
    "envoy",
    "commissioner",
    "general",
    "admiral",
    "colonel",
    "captain",
    "commander",
    "judge",
    "mr",
    "mrs",
    "ms",
    "dr",
    "professor",
    "pope",
];

fn is_title_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    lower.split('-').all(|part| TITLE_WORDS.contains(&part))
}

fn is_name_word(w: &str) -> bool {
    if is_title_word(w) {
        return false;
    }
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && !TITLE_WORDS.contains(&w.to_lowercase().as_str())
        && !matches!(
            w,
            "The"
                | "A"
                | "An"
                | "He"
                | "She"
                | "They"
                | "It"
                | "We"
                | "I"
                | "In"
                | "On"
                | "At"
                | "But"
                | "And"
                | "As"
                | "This"
                | "That"
                | "NATO"
                | "EU"
                | "US"
                | "UN"
        )
}

/// People named in a document: surname (lowercase) -> fullest name, and title phrase
/// (lowercase, e.g. "secretary general") -> fullest name of the person who holds it.
#[derive(Debug, Default)]
pub struct People {
    full: HashMap<String, String>,
    titles: HashMap<String, String>,
    /// (offset, fullest name, is the subject of its clause) of every person mention, in order.
    mentions: Vec<(usize, String, bool)>,
}

impl People {
    fn fullest(&self, name: &str) -> String {
        let surname = name
            .split_whitespace()
            .last()
            .unwrap_or(name)
            .to_lowercase();
        self.full
            .get(&surname)
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// The person a pronoun at `offset` refers to: the last one named as the subject of a
    /// clause before it, else the last one named.
    fn last_before(&self, offset: usize) -> Option<String> {
        let before = || self.mentions.iter().rev().filter(|(o, _, _)| *o < offset);
        before()
            .find(|(_, _, subject)| *subject)
            .or_else(|| before().next())
            .map(|(_, n, _)| n.clone())
    }
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

pub fn people(doc: &Document) -> People {
    let mut p = People::default();
    let text = doc.text.as_str();
    for s in doc.sentences.iter().filter(|s| s.kind.is_prose()) {
        let base = s.range.start;
        let st = &text[s.range.clone()];
        let ws = words(st);
        let mut k = 0;
        while k < ws.len() {
            // A run of title words then name words: "Secretary General Mark Smith".
            let mut j = k;
            let mut title = Vec::new();
            while j < ws.len()
                && is_title_word(&st[ws[j].clone()])
                && st[ws[j].clone()]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            {
                title.push(st[ws[j].clone()].to_lowercase());
                j += 1;
            }
            let name_start = j;
            while j < ws.len()
                && is_name_word(strip_possessive(&st[ws[j].clone()]))
                && (j == name_start || st[ws[j - 1].end..ws[j].start].trim().is_empty())
            {
                j += 1;
            }
            if j > name_start {
                let name: Vec<&str> = ws[name_start..j]
                    .iter()
                    .map(|r| strip_possessive(&st[r.clone()]))
                    .collect();
                // The subject of its clause: first in the sentence, or followed by a verb of
                // saying within two words ("Smith said", "Smith also stressed").
                let possessive =
                    st[ws[j - 1].clone()].ends_with("’s") || st[ws[j - 1].clone()].ends_with("'s");
                let subject = !possessive
                    && (k == 0
                        || ws[j..].iter().take(2).any(|r| {
                            SPEECH_VERBS.contains(&st[r.clone()].to_lowercase().as_str())
                                || matches!(
                                    &st[r.clone()],
                                    "highlighted"
                                        | "praised"
                                        | "argued"
                                        | "welcomed"
                                        | "reaffirmed"
                                )
                        }));
                // A person: two or more name words, or one after a title.
                if name.len() >= 2 || !title.is_empty() {
                    let full = name.join(" ");
                    let surname = name.last().unwrap_or(&"").to_lowercase();
                    let entry = p.full.entry(surname).or_insert_with(|| full.clone());
                    if full.split_whitespace().count() > entry.split_whitespace().count() {
                        *entry = full.clone();
                    }
                    if !title.is_empty() {
                        let t = title.join(" ");
                        p.titles.entry(t.clone()).or_insert_with(|| full.clone());
                        // "Secretary General" also answers to "General"? No: keep whole titles
                        // and their last two words.
                        if title.len() > 2 {
                            p.titles
                                .entry(title[title.len() - 2..].join(" "))
                                .or_insert_with(|| full.clone());
                        }
                    }
                    p.mentions
                        .push((base + ws[name_start].start, full, subject));
                } else if let Some(known) = p.full.get(&name[0].to_lowercase()) {
                    p.mentions
                        .push((base + ws[name_start].start, known.clone(), subject));
                }
                k = j;
            } else {
                k = j.max(k + 1);
            }
        }
    }
    // Resolve mentions to the fullest names now known.
    let mentions = std::mem::take(&mut p.mentions);
    p.mentions = mentions
        .into_iter()
        .map(|(o, n, s)| (o, p.fullest(&n), s))
        .collect();
    let titles = std::mem::take(&mut p.titles);
    p.titles = titles
        .into_iter()
        .map(|(t, n)| (t, p.fullest(&n)))
        .collect();
    p
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Double,
    Straight,
    Single,
    Guillemet,
    GuillemetReversed,
    Low,
}

fn opening(c: char) -> Option<Style> {
    Some(match c {
        '“' => Style::Double,
        '"' => Style::Straight,
        '‘' => Style::Single,
        '«' => Style::Guillemet,
        '»' => Style::GuillemetReversed,
        '„' => Style::Low,
        _ => return None,
    })
}

fn closes(style: Style, c: char) -> bool {
    match style {
        Style::Double => matches!(c, '”' | '“'),
        Style::Straight => c == '"',
        Style::Single => c == '’',
        Style::Guillemet => c == '»',
        Style::GuillemetReversed => c == '«',
        Style::Low => matches!(c, '“' | '”'),
    }
}

/// Paragraphs as sentence index ranges (a line break between sentences starts a new one).
fn paragraphs(doc: &Document) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        match out.last_mut() {
            Some(p)
                if doc.same_paragraph(doc.sentences[p.end - 1].range.end, s.range.start)
                    && s.kind.is_prose() == doc.sentences[p.start].kind.is_prose() =>
            {
                p.end = i + 1
            }
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// Quoted spans of one paragraph text (byte ranges inside the marks, relative to `text`), and
/// whether the last one is left open.
fn quoted_spans(text: &str) -> (Vec<Range<usize>>, bool) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut open: Option<(Style, usize)> = None;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let at_word_start = prev.is_none_or(|p| p.is_whitespace() || "([{—–-:/".contains(p));
        let at_word_end =
            prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric());
        match open {
            Some((style, start)) => {
                let closing = closes(style, c)
                    && (style != Style::Single || at_word_end)
                    && (c != '“' || at_word_end || style == Style::Low);
                if closing {
                    out.push(start..i);
                    open = None;
                }
            }
            None => {
                if let Some(style) = opening(c) {
                    // ’ and ' are apostrophes; ‘ opens only at a word start.
                    if (style != Style::Single || at_word_start)
                        && (style != Style::Straight || !prev.is_some_and(|p| p.is_ascii_digit()))
                    {
                        open = Some((style, i + c.len_utf8()));
                    }
                }
            }
        }
    }
    let left_open = open.is_some();
    if let Some((_, start)) = open {
        out.push(start..text.len());
    }
    (out, left_open)
}

/// The speaker named in the reporting clause around a quotation.
fn speaker_near(
    doc: &Document,
    people: &People,
    quote: &Range<usize>,
    paragraph: &Range<usize>,
) -> Option<String> {
    let text = doc.text.as_str();
    let after = &text[quote.end..paragraph.end];
    let after = after.trim_start_matches(['”', '"', '’', '»', '«', '“', ',', ' ', '.']);
    let clause_end = after.find(['.', '“', '"', '!', '?']).unwrap_or(after.len());
    let clause_words: Vec<&str> = after[..clause_end]
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '’' || c == '\''))
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    let resolve = |words: &[&str], at: usize| -> Option<String> {
        // A name (one or more capitalised words) or a pronoun or "the TITLE".
        let first = *words.first()?;
        match first.to_lowercase().as_str() {
            "he" | "she" => people.last_before(at),
            "the" => {
                let title: Vec<String> = words[1..]
                    .iter()
                    .take_while(|w| TITLE_WORDS.contains(&w.to_lowercase().as_str()))
                    .map(|w| w.to_lowercase())
                    .collect();
                (!title.is_empty()).then(|| {
                    let t = title.join(" ");
                    people
                        .titles
                        .get(&t)
                        .or_else(|| {
                            (title.len() > 2)
                                .then(|| people.titles.get(&title[title.len() - 2..].join(" ")))
                                .flatten()
                        })
                        .cloned()
                        .unwrap_or_else(|| format!("the {}", words[1..=title.len()].join(" ")))
                })
            }
            _ if first.chars().next().is_some_and(char::is_uppercase) => {
                let mut name: Vec<&str> = Vec::new();
                for w in words {
                    let lw = w.to_lowercase();
                    if TITLE_WORDS.contains(&lw.as_str()) && name.is_empty() {
                        continue;
                    }
                    if is_name_word(strip_possessive(w)) {
                        name.push(strip_possessive(w));
                    } else {
                        break;
                    }
                }
                (!name.is_empty()).then(|| people.fullest(&name.join(" ")))
            }
            _ => None,
        }
    };
    // "…,” said Smith" / "…,” Smith said" / "…,” she said".
    if let Some(&first) = clause_words.first() {
        let lf = first.to_lowercase();
        // "…,” according to Smith."
        if lf == "according" && clause_words.get(1).is_some_and(|w| *w == "to") {
            if let Some(s) = resolve(&clause_words[2..], quote.start) {
                return Some(s);
            }
        }
        if SPEECH_VERBS.contains(&lf.as_str()) {
            // "said army chief Petro Marenko": a lowercase role before the name.
            let rest = &clause_words[1..];
            let skip = rest
                .iter()
                .take(4)
                .position(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        || matches!(w.to_lowercase().as_str(), "he" | "she" | "the")
                })
                .unwrap_or(0);
            if let Some(s) = resolve(&rest[skip..], quote.start) {
                return Some(s);
            }
        }
        if let Some(verb_at) = clause_words
            .iter()
            .take(6)
            .position(|w| SPEECH_VERBS.contains(&w.to_lowercase().as_str()))
        {
            if verb_at > 0 {
                if let Some(s) = resolve(&clause_words[..verb_at], quote.start) {
                    return Some(s);
                }
            }
        }
    }
    // Before the quotation, in the same sentence or paragraph: "Smith said that “…”",
    // "according to Smith, “…”", "Smith: “…”", "he described as “…”".
    let before = &text[paragraph.start..quote.start];
    let sentence_start = before.rfind(['.', '!', '?']).map_or(0, |i| i + 1);
    let lead = &before[sentence_start..];
    let lead_words: Vec<(usize, &str)> = words(lead)
        .into_iter()
        .map(|r| (r.start, &lead[r]))
        .collect();
    if let Some(pos) = lead_words.iter().rposition(|(_, w)| {
        SPEECH_VERBS.contains(&w.to_lowercase().as_str()) || w.eq_ignore_ascii_case("according")
    }) {
        if lead_words[pos].1.eq_ignore_ascii_case("according") {
            let rest: Vec<&str> = lead_words[pos + 1..]
                .iter()
                .map(|(_, w)| *w)
                .filter(|w| *w != "to")
                .collect();
            return resolve(&rest, quote.start);
        }
        // The subject before the verb: the nearest name, title or pronoun.
        let subject: Vec<&str> = lead_words[..pos].iter().map(|(_, w)| *w).collect();
        for start in (0..subject.len()).rev() {
            let w = subject[start];
            // "the Secretary General said": a title standing for a person.
            if is_title_word(w) && w.chars().next().is_some_and(char::is_uppercase) {
                let mut s = start;
                while s > 0 && is_title_word(subject[s - 1]) {
                    s -= 1;
                }
                if s > 0 && subject[s - 1].eq_ignore_ascii_case("the") {
                    return resolve(&subject[s - 1..=start], quote.start);
                }
                if s == 0 {
                    let mut with_the = vec!["the"];
                    with_the.extend_from_slice(&subject[..=start]);
                    return resolve(&with_the, quote.start);
                }
                continue;
            }
            if is_name_word(strip_possessive(w)) {
                let mut s = start;
                while s > 0 && is_name_word(strip_possessive(subject[s - 1])) {
                    s -= 1;
                }
                return resolve(&subject[s..], quote.start);
            }
            if matches!(w.to_lowercase().as_str(), "he" | "she") {
                return people.last_before(paragraph.start + sentence_start + lead_words[start].0);
            }
        }
    }
    // A colon lead-in: "Smith: “…”".
    let lead_trim = lead
        .trim_end()
        .trim_end_matches(['“', '"', '«', '„', '‘'])
        .trim_end();
    if let Some(stem) = lead_trim.strip_suffix(':') {
        let ws: Vec<&str> = stem
            .split_whitespace()
            .rev()
            .take_while(|w| is_name_word(strip_possessive(w)))
            .collect();
        if !ws.is_empty() {
            let name: Vec<&str> = ws.into_iter().rev().collect();
            return Some(people.fullest(&name.join(" ")));
        }
    }
    None
}

/// Quotations of one document.
pub fn extract(index: usize, doc: &Document) -> Vec<Quote> {
    // No quotation mark and no "Name: words" headline: nothing to extract, and no need to
    // find the people the article names.
    let marks = ['“', '"', '‘', '«', '»', '„'];
    let headline_lead = doc
        .sentences
        .first()
        .is_some_and(|s| s.kind == SentenceKind::Headline && doc.sentence_text(s).contains(": "));
    if !headline_lead && !doc.text.contains(marks) {
        return Vec::new();
    }
    let people = people(doc);
    let text = doc.text.as_str();
    let mut out = Vec::new();
    let paras = paragraphs(doc);
    let mut carried: Option<usize> = None;
    for (k, p) in paras.iter().enumerate() {
        let start = doc.sentences[p.start].range.start;
        let end = doc.sentences[p.end - 1].range.end;
        let para = start..end;
        let first_kind = doc.sentences[p.start].kind;
        if !first_kind.is_prose() {
            continue;
        }
        // A headline "Name: words" quotes Name.
        if first_kind == SentenceKind::Headline && p.len() == 1 {
            let h = &text[para.clone()];
            if let Some((lead, rest)) = h.split_once(": ") {
                let lead_words: Vec<&str> = lead.split_whitespace().collect();
                if !lead_words.is_empty()
                    && lead_words.len() <= 3
                    && lead_words.iter().all(|w| is_name_word(w))
                    && rest.split_whitespace().count() >= 3
                {
                    let q_start = start + lead.len() + 2;
                    out.push(Quote {
                        document: index,
                        range: q_start..end,
                        speaker: Some(people.fullest(lead)),
                        fragment: false,
                        group: None,
                    });
                    continue;
                }
            }
        }
        let (spans, left_open) = quoted_spans(&text[para.clone()]);
        let first_in_paragraph = out.len();
        let continued_from = carried.take();
        for (n, s) in spans.iter().enumerate() {
            let mut range = start + s.start..start + s.end;
            let trimmed = text[range.clone()].trim_end_matches([',', ' ']);
            range.end = range.start + trimmed.len();
            let quote_text = &text[range.clone()];
            let is_last = n + 1 == spans.len();
            let continues = is_last
                && left_open
                && paras.get(k + 1).is_some_and(|next| {
                    text[doc.sentences[next.start].range.clone()]
                        .starts_with(['“', '"', '«', '„', '‘'])
                });
            let fragment = quote_text.split_whitespace().count() <= 2;
            let speaker = if fragment {
                None
            } else {
                speaker_near(doc, &people, &range, &para)
            };
            out.push(Quote {
                document: index,
                range,
                speaker,
                fragment,
                group: None,
            });
            if continues {
                carried = Some(out.len() - 1);
            }
        }
        // A quotation continued from the previous paragraph is the same speaker's.
        if let Some(previous) = continued_from {
            if let Some(first) = out.get(first_in_paragraph).map(|q| q.speaker.clone()) {
                match (first, out[previous].speaker.clone()) {
                    (None, Some(s)) => out[first_in_paragraph].speaker = Some(s),
                    (Some(s), None) => out[previous].speaker = Some(s),
                    _ => {}
                }
            }
        }
        // Quotations of one paragraph without their own reporting clause belong to the
        // speaker of the paragraph's other quotations ("“…,” he said. “…”").
        let named: Vec<Option<String>> = out[first_in_paragraph..]
            .iter()
            .map(|q| q.speaker.clone())
            .collect();
        for (n, q) in out[first_in_paragraph..].iter_mut().enumerate() {
            if q.speaker.is_none() && !q.fragment {
                q.speaker = named[..n]
                    .iter()
                    .rev()
                    .flatten()
                    .next()
                    .or_else(|| named[n + 1..].iter().flatten().next())
                    .cloned();
            }
        }
    }
    // A speaker named once for a quotation continued over paragraphs applies to all parts;
    // quotes without a speaker inherit the next quote's speaker in the same paragraph.
    out
}

/// Quotations of every document, grouped across documents.
pub fn extract_all(documents: &[Document]) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = documents
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, d)| extract(i, d))
        .collect();
    group(documents, &mut quotes);
    quotes
}

fn quote_features(documents: &[Document], q: &Quote) -> SentenceFeatures {
    features(&tokenize(&documents[q.document].text[q.range.clone()]))
}

fn surname(s: &str) -> String {
    s.split_whitespace().last().unwrap_or(s).to_lowercase()
}

/// Whether two quotations render the same utterance: most of the shorter one's words appear,
/// in order, in the longer one.
pub fn same_utterance(a: &SentenceFeatures, b: &SentenceFeatures) -> bool {
    let (la, lb) = (a.norms.len(), b.norms.len());
    let shorter = la.min(lb);
    if shorter < 3 {
        return false;
    }
    let (common, _) = crate::analysis::align::common_subsequence(&a.norms, &b.norms);
    common as f64 / shorter as f64 >= 0.6 && common >= 3
}

/// Groups quotations by an index of word trigrams, then local alignment; speakers must agree
/// (or be unknown).
fn group(documents: &[Document], quotes: &mut [Quote]) {
    let feats: Vec<Option<SentenceFeatures>> = quotes
        .iter()
        .map(|q| (!q.fragment).then(|| quote_features(documents, q)))
        .collect();
    let mut index: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, f) in feats.iter().enumerate() {
        if let Some(f) = f {
            let mut keys: Vec<u64> = f
                .norms
                .windows(3)
                .map(|w| w[0].rotate_left(1) ^ w[1].rotate_left(2) ^ w[2])
                .collect();
            keys.sort_unstable();
            keys.dedup();
            for k in keys {
                index.entry(k).or_default().push(i);
            }
        }
    }
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for list in index.values() {
        if list.len() > 64 {
            pairs.extend(list.windows(2).map(|w| (w[0], w[1])));
        } else {
            for (x, &a) in list.iter().enumerate() {
                for &b in &list[x + 1..] {
                    pairs.push((a, b));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    for (a, b) in pairs {
        let compatible = match (&quotes[a].speaker, &quotes[b].speaker) {
            (Some(x), Some(y)) => surname(x) == surname(y),
            _ => true,
        };
        if !compatible {
            continue;
        }
        if let (Some(fa), Some(fb)) = (&feats[a], &feats[b]) {
            if same_utterance(fa, fb) {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                if ra != rb {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    let mut ids: BTreeMap<usize, usize> = BTreeMap::new();
    let roots: Vec<usize> = (0..quotes.len()).map(|i| find(&mut parent, i)).collect();
    let mut sizes: HashMap<usize, usize> = HashMap::new();
    for &r in &roots {
        *sizes.entry(r).or_default() += 1;
    }
    for (i, q) in quotes.iter_mut().enumerate() {
        if q.fragment {
            continue;
        }
        let next = ids.len();
        q.group = Some(*ids.entry(roots[i]).or_insert(next));
    }
}

/// Whether `short` occurs as a contiguous run inside `long`.
fn contains_run(long: &[u64], short: &[u64]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

/// The best-attested member of each group: the wording that most documents (then most
/// quotations) agree with, where a quotation agrees with another when one is a contiguous
/// part of the other; reference documents win outright. Returns group -> quote index.
pub fn canonical(
    documents: &[Document],
    quotes: &[Quote],
    is_reference: &[bool],
) -> BTreeMap<usize, usize> {
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, q) in quotes.iter().enumerate() {
        if let Some(g) = q.group {
            members.entry(g).or_default().push(i);
        }
    }
    let mut out = BTreeMap::new();
    for (g, list) in members {
        let feats: Vec<Vec<u64>> = list
            .iter()
            .map(|&i| quote_features(documents, &quotes[i]).norms)
            .collect();
        // (from a reference, documents agreeing, quotations agreeing, earlier first)
        type Support = (bool, usize, usize, std::cmp::Reverse<usize>);
        let mut best: Option<(Support, usize)> = None;
        for (x, &i) in list.iter().enumerate() {
            let mut docs = std::collections::BTreeSet::new();
            let mut count = 0;
            for (y, &j) in list.iter().enumerate() {
                if contains_run(&feats[x], &feats[y]) || contains_run(&feats[y], &feats[x]) {
                    docs.insert(quotes[j].document);
                    count += 1;
                }
            }
            let key = (
                is_reference[quotes[i].document],
                docs.len(),
                count,
                std::cmp::Reverse(x),
            );
            if best.as_ref().is_none_or(|(k, _)| key > *k) {
                best = Some((key, i));
            }
        }
        if let Some((_, i)) = best {
            out.insert(g, i);
        }
    }
    out
}

/// The part of `long` (byte range of its text) that lines up with `short`: from the first to
/// the last word they share, in order.
pub fn aligned_window(long_text: &str, short_text: &str) -> Range<usize> {
    let lt = tokenize(long_text);
    let st = tokenize(short_text);
    let ln: Vec<&str> = lt.iter().map(|t| t.norm.as_str()).collect();
    let sn: Vec<&str> = st.iter().map(|t| t.norm.as_str()).collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &sn, &ln);
    let mut first: Option<usize> = None;
    let mut last: Option<usize> = None;
    for op in &ops {
        let (tag, _, new) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal && !new.is_empty() {
            first.get_or_insert(new.start);
            last = Some(new.end - 1);
        }
    }
    match (first, last) {
        (Some(f), Some(l)) => {
            // Take in the short quote's unmatched words at either end as well.
            let lead = ops.first().map_or(0, |op| {
                let (tag, old, _) = op.as_tag_tuple();
                if tag == similar::DiffTag::Equal {
                    0
                } else {
                    old.len()
                }
            });
            let f = f.saturating_sub(lead.min(2));
            let end_tok = (l + 1).min(lt.len());
            lt[f].range.start..lt[end_tok - 1].range.end
        }
        _ => 0..long_text.len(),
    }
}
