//! `repeated-word`.

use super::{finding_at, Context};
use crate::model::{Finding, RuleId, Severity};

crate::declare_rule! {
    /// The same word twice in a row ("the the").
    ///
    /// What it flags: a word immediately repeated within a sentence, ignoring case, with only
    /// one or two spaces between, in prose. Grammatical doublings ("had had", "that that", "is
    /// is"), emphatic ones ("very very", "no no"), repeated proper names ("Sirhan Sirhan",
    /// "Bora Bora"), a word before a name that starts with it ("its new New York office"),
    /// hyphenated words ("non-bank bank", "co co-managed"), ratings ("A plus plus") and table
    /// cells ("nil nil" in a row of figures) are not flagged.
    ///
    /// Why it matters: a doubled word is the most common typing and editing slip, and machine
    /// translation produces it when it merges two drafts of a phrase.
    ///
    /// Example: "ministers met in the the capital" flags the second "the", suggesting
    /// "the".
    pub struct RepeatedWord;
    rule: RuleId::RepeatedWord, severity: Severity::Warning;
}

/// Doublings that can be grammatical or emphatic.
const ALLOWED: &[&str] = &[
    "bye", "ha", "had", "is", "knock", "many", "more", "no", "so", "that", "tut", "very", "far",
    "again", "really", "yes", "go", "ho", "la", "chop", "now", "plus",
];

/// Words that stand for a figure in tables and results ("nil nil", "unch unch"): a repeat is
/// two cells, not a slip.
const FIGURE_WORDS: &[&str] = &["nil", "na", "nc", "nm", "unch", "neg", "none", "dash"];

impl RepeatedWord {
    fn check(&self, ctx: &Context<'_>, sink: &mut Vec<Finding>) {
        for (index, doc) in ctx.documents.iter().enumerate() {
            for s in doc.sentences.iter().filter(|s| s.kind.is_prose()) {
                let text = doc.sentence_text(s);
                if !super::reads_as_prose(s.kind, text) {
                    continue;
                }
                for (first, second, gap) in doubled(text) {
                    let w1 = &text[first.clone()];
                    let w2 = &text[second.clone()];
                    let lower = w2.to_lowercase();
                    if ALLOWED.contains(&lower.as_str())
                        || FIGURE_WORDS.contains(&lower.as_str())
                        || gap.is_empty()
                        || gap.len() > 2
                        || !gap.chars().all(|c| c == ' ')
                    {
                        continue;
                    }
                    // Part of a hyphenated word: "non-bank bank", "Le Clip clip-on".
                    let hyphen_before = text[..first.start].ends_with(['-', '\u{2010}']);
                    let hyphen_after = text[second.end..].starts_with(['-', '\u{2010}']);
                    if hyphen_before || hyphen_after {
                        continue;
                    }
                    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
                    let sentence_initial = first.start == 0;
                    // "Sirhan Sirhan", "Bora Bora": both capitalised, not at the start.
                    if capitalised(w1) && capitalised(w2) && !sentence_initial {
                        continue;
                    }
                    // "its new New York office": the second word starts a name.
                    if !capitalised(w1) && capitalised(w2) {
                        continue;
                    }
                    if w1.chars().any(|c| c.is_ascii_digit()) {
                        continue;
                    }
                    let start = s.range.start + first.end;
                    let end = s.range.start + second.end;
                    sink.push(finding_at(
                        RuleId::RepeatedWord,
                        Severity::Warning,
                        index,
                        doc,
                        start..end,
                        Some(String::new()),
                        None,
                        format!("\u{201c}{w1}\u{201d} is repeated"),
                    ));
                }
            }
        }
    }
}

/// Pairs of adjacent equal words (case-insensitive): their ranges and the text between.
fn doubled(text: &str) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>, &str)> {
    let words = crate::text::word_ranges(text, char::is_alphanumeric, &['\'', '’']);
    words
        .windows(2)
        .filter(|w| {
            let (a, b) = (&text[w[0].clone()], &text[w[1].clone()]);
            a.len() == b.len()
                && (a.eq_ignore_ascii_case(b)
                    || (!a.is_ascii() && a.to_lowercase() == b.to_lowercase()))
        })
        .map(|w| (w[0].clone(), w[1].clone(), &text[w[0].end..w[1].start]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_doubled_words_with_the_gap() {
        let d = doubled("They met in the the capital, and and then left.");
        let pairs: Vec<(&str, &str)> = d
            .iter()
            .map(|(a, _, g)| {
                (
                    &"They met in the the capital, and and then left."[a.clone()],
                    *g,
                )
            })
            .collect();
        assert_eq!(pairs, [("the", " "), ("and", " ")]);
        assert!(doubled("The end. End of story")
            .iter()
            .all(|(_, _, g)| *g != " "));
    }
}
