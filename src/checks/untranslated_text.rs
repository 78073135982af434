//! `untranslated-text`.

use super::{finding_at, Context};
use crate::model::{Finding, RuleId, Severity};
use crate::text::language::{function_words, sentence_language};

crate::declare_rule! {
    /// A sentence in another language than its article.
    ///
    /// What it flags: a whole clause in another language: a sentence of at least six words
    /// whose language is reliably identified (at least 40 characters and a confident guess),
    /// differs from the article's, and is written with that language's own function words
    /// (at least three, a fifth of its words: "und", "der", "die" for German), with few of the
    /// article's. The article's language must be plain from its text too. Names of foreign
    /// organisations inside an English sentence ("lead manager Banque Nationale de Paris
    /// said"), short fragments and lines of figures never trigger it. The finding reports the
    /// detector's confidence (its `score`).
    ///
    /// Why it matters: a sentence left in the source language is a sign of an unfinished or
    /// machine translation, and readers of the article cannot read it.
    ///
    /// Example: in an English article, "Die Minister haben sich nicht auf einen Haushalt
    /// geeinigt, sagte der Sprecher." is flagged as German.
    ///
    /// Measured precision: no findings (7 before this version, all false: organisation names, English notes in tabular stories). Corpus: Reuters-21578, a seeded 2,500-story development subset (3-11 March 1987), benches/quality/precision.py.
    pub struct UntranslatedText;
    rule: RuleId::UntranslatedText, severity: Severity::Warning;
}

/// Fewest words of a sentence judged to be in another language: a clause, not a name.
const MIN_WORDS: usize = 6;
/// Confidence the detector needs for a language without a function-word list.
const MIN_CONFIDENCE_WITHOUT_LIST: f64 = 0.9;
/// Share of the article's prose words that must be function words of its language for the
/// article's language to count as known (English prose has about 40%; a table has few).
const MIN_ARTICLE_FUNCTION_SHARE: f64 = 0.15;

/// Whether the article is plainly written in its identified language: its prose has enough of
/// that language's function words (or, for a language without a list, a confident guess).
fn article_language_is_plain(doc: &crate::model::Document, code: &str, confidence: f64) -> bool {
    let (mut words, mut hits) = (0, 0);
    for s in &doc.sentences {
        let text = doc.sentence_text(s);
        if !super::reads_as_prose(s.kind, text) {
            continue;
        }
        match function_words(text, code) {
            Some((w, h)) => {
                words += w;
                hits += h;
            }
            None => return confidence >= MIN_CONFIDENCE_WITHOUT_LIST,
        }
    }
    words >= 30 && hits as f64 >= MIN_ARTICLE_FUNCTION_SHARE * words as f64
}

/// Whether a sentence is a whole clause in `code`, not a foreign name inside a sentence in
/// the article's language `article` (the rule asks the two halves apart, the cheap one first).
#[cfg(test)]
fn is_foreign_clause(text: &str, code: &str, confidence: f64, article: &str) -> bool {
    may_be_foreign_clause(text, article) && written_with_function_words_of(text, code, confidence)
}

/// What a sentence must be for any other language to be asked about: a clause of at least
/// [`MIN_WORDS`] words, not plainly in the article's language `article`.
fn may_be_foreign_clause(text: &str, article: &str) -> bool {
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    if words < MIN_WORDS {
        return false;
    }
    // The article's own function words ("and", "the", "said") mean the sentence is in the
    // article's language with foreign names in it; a list of names ("identified the girls as
    // Mary Usman Bulama, Jummai John, …") is judged by its other words.
    let plain = |t: &str| function_words(t, article).is_some_and(|(w, h)| h >= 2 && h * 8 >= w);
    // Built only for a sentence the first test did not settle: most sentences of an article
    // are plainly in its language.
    let uncapitalised = || {
        text.split_whitespace()
            .filter(|w| !w.chars().next().is_some_and(char::is_uppercase))
            .collect::<Vec<_>>()
            .join(" ")
    };
    !(plain(text) || plain(&uncapitalised()))
}

/// Whether a sentence uses enough function words of language `code` (or, for a language
/// without a list, the detector was confident).
fn written_with_function_words_of(text: &str, code: &str, confidence: f64) -> bool {
    match function_words(text, code) {
        Some((w, h)) => h >= 3 && h * 5 >= w,
        None => confidence >= MIN_CONFIDENCE_WITHOUT_LIST,
    }
}

impl UntranslatedText {
    fn check(&self, ctx: &Context<'_>, sink: &mut Vec<Finding>) {
        for (index, doc) in ctx.documents.iter().enumerate() {
            let Some(article) = doc.language.filter(|l| l.reliable) else {
                continue;
            };
            let mut plain = None;
            for s in doc.sentences.iter().filter(|s| s.kind.is_prose()) {
                let text = doc.sentence_text(s);
                // The sentence's language is asked last: it may take the trigram model.
                if !super::reads_as_prose(s.kind, text)
                    || !may_be_foreign_clause(text, article.code)
                {
                    continue;
                }
                let Some(lang) =
                    sentence_language(doc, s).filter(|l| l.reliable && l.code != article.code)
                else {
                    continue;
                };
                if !written_with_function_words_of(text, lang.code, lang.confidence) {
                    continue;
                }
                if !*plain.get_or_insert_with(|| {
                    article_language_is_plain(doc, article.code, article.confidence)
                }) {
                    break;
                }
                sink.push(finding_at(
                    RuleId::UntranslatedText,
                    Severity::Warning,
                    index,
                    doc,
                    s.range.clone(),
                    None,
                    Some(lang.confidence),
                    format!(
                        "sentence in {} ({}) in an article in {} (detector confidence {:.2})",
                        language_name(lang.code),
                        lang.code,
                        language_name(article.code),
                        lang.confidence
                    ),
                ));
            }
        }
    }
}

fn language_name(code: &str) -> &str {
    whatlang::Lang::from_code(code).map_or(code, |l| l.eng_name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_inside_english_sentences_are_not_foreign_clauses() {
        assert!(!is_foreign_clause(
            "Hong Kong unit, lead manager Banque Nationale de Paris said.",
            "fra",
            0.9,
            "eng"
        ));
        assert!(!is_foreign_clause(
            "Vereins- und Westbank AG and Baden-Wuerttembergische Bank AG.",
            "deu",
            0.9,
            "eng"
        ));
        assert!(is_foreign_clause(
            "Die Minister haben sich nicht auf einen Haushalt geeinigt, sagte der Sprecher.",
            "deu",
            0.8,
            "eng"
        ));
        // Too short to be a clause.
        assert!(!is_foreign_clause("Die Zeit ist um.", "deu", 1.0, "eng"));
        // Found on Giveme5W1H's news_cluster pages: an English sentence that is mostly a list
        // of names, read as a foreign clause.
        assert!(!may_be_foreign_clause(
            "Officials identified the freed hostages as Amina Tukur Gwoza, Hauwa Yakubu Dikwa, \
             Zainab Musa Bama, Falmata Ali Konduga, Hadiza Bukar Ngala, Yagana Modu Marte, \
             Fatima Kachalla Dapchi, Kaltum Abba Damasak and Aisha Garba Mafa.",
            "eng"
        ));
    }
}
