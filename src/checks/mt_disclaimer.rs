//! `mt-disclaimer`.

use std::sync::LazyLock;

use regex::Regex;

use super::{finding_at, Context};
use crate::model::{Finding, RuleId, Severity};

crate::declare_rule! {
    /// A statement that the text was machine or AI translated.
    ///
    /// What it flags: a disclaimer or note saying the article, or its translation, was made
    /// by AI, machine translation, or a named translation service ("Disclaimer: The
    /// translations are mostly done through AI translator", "This article was automatically
    /// translated"). A sentence merely about machine translation is not flagged, nor a currency
    /// conversion ("Note: translated from Italian lire in U.S. dollar equivalents").
    ///
    /// Why it matters: machine-translated coverage needs its quotes and names checked
    /// against the original; the disclaimer tells the desk which articles those are, and a
    /// disclaimer left in a draft is a sign it was pasted from a translated source.
    ///
    /// Example: "Disclaimer: The translations are mostly done through AI translator and might
    /// not be 100% accurate." is reported (severity info).
    ///
    /// Measured precision: no findings. Corpus: Reuters-21578, a seeded 2,500-story development subset (3-11 March 1987), benches/quality/precision.py.
    pub struct MtDisclaimer;
    rule: RuleId::MtDisclaimer, severity: Severity::Info;
}

static DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    let agent = r"(?:an?\s+)?(?:ai|a\.i\.|artificial\s+intelligence|machine(?:\s+translation)?|automatic(?:\s+translation)?|automated\s+(?:translation|tools?)|google\s+translate|deepl|translation\s+software|(?:ai|machine|automatic)\s+translat(?:or|ion)s?(?:\s+tools?)?)";
    Regex::new(&format!(
        r"(?i)(?:^\s*(?:disclaimer|note|notice|editor['’]?s\s+note)\s*:.{{0,120}}\btranslat|\btranslations?\s+(?:are|is|was|were|has\s+been|have\s+been)\s+(?:\w+\s+){{0,2}}(?:through|by|with|using|via)\s+{agent}\b|\b(?:this|the)\s+(?:article|text|story|content|report|page|post|news)\s+(?:has\s+been|was|is|were)\s+(?:\w+\s+)?(?:machine[-\s]|automatically\s+)?translated\b(?:.{{0,60}}\b(?:by|with|using|through|via)\s+{agent})?|\b(?:automatically|machine[-\s])translated\s+(?:by|with|using|from)\b|\btranslated\s+(?:by|with|using|through|via)\s+{agent}\b)"
    ))
    .expect("valid pattern")
});

/// "translated from Italian lire in U.S. dollar equivalents", "translation into dollars at the
/// current rate": a currency conversion, not a language translation.
static CURRENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\btranslat\w*\s+(?:(?:from|into|in|to|at)\s+)?(?:[\w.]+\s+){0,3}?(?:lire|lira|francs?|marks?|yen|pesos?|dollars?|dlrs?|currenc(?:y|ies)|sterling|pounds?|rupees?|kronor|kroner|crowns?|schillings?|guilders?|roubles?|rubles?|yuan|euros?|equivalents?|exchange\s+rates?)\b|\bexchange\s+rate",
    )
    .expect("valid pattern")
});

/// Whether a sentence is a machine-translation disclaimer.
pub(crate) fn is_disclaimer(text: &str) -> bool {
    // Every disclaimer mentions translation: a cheap test before the pattern.
    let mentions_translation = memchr::memmem::find(text.as_bytes(), b"ranslat").is_some()
        || memchr::memmem::find(text.as_bytes(), b"RANSLAT").is_some();
    mentions_translation && DISCLAIMER.is_match(text) && !CURRENCY.is_match(text)
}

impl MtDisclaimer {
    fn check(&self, ctx: &Context<'_>, sink: &mut Vec<Finding>) {
        for (index, doc) in ctx.documents.iter().enumerate() {
            for s in &doc.sentences {
                if is_disclaimer(doc.sentence_text(s)) {
                    sink.push(finding_at(
                        RuleId::MtDisclaimer,
                        Severity::Info,
                        index,
                        doc,
                        s.range.clone(),
                        None,
                        None,
                        "machine-translation disclaimer: check quotes and names against the original".to_string(),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disclaimers_match_and_mentions_do_not() {
        for yes in [
            "Disclaimer: The translations are mostly done through AI translator and might not be 100% accurate.",
            "This article was automatically translated.",
            "This story has been translated by artificial intelligence.",
            "Note: this text was machine-translated from German.",
            "The text was translated using Google Translate and checked by an editor.",
        ] {
            assert!(DISCLAIMER.is_match(yes), "{yes}");
        }
        for no in [
            "The minister called for better machine translation tools in public services.",
            "She translated the letter herself.",
            "Translators protested against AI at the book fair.",
        ] {
            assert!(!DISCLAIMER.is_match(no), "{no}");
        }
        for currency in [
            "Note: figures translated from Italian lire in U.S. dollar equivalents.",
            "Note: amounts were translated into dollars at the exchange rate of March 31.",
        ] {
            assert!(CURRENCY.is_match(currency), "{currency}");
        }
        assert!(!CURRENCY.is_match(
            "Disclaimer: The translations are mostly done through AI translator and might not be 100% accurate."
        ));
    }
}
