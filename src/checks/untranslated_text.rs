//! `untranslated-text`.

use super::{finding_at, Context};
use crate::model::{Finding, RuleId, Severity};

crate::declare_rule! {
    /// A sentence in another language than its article.
    ///
    /// What it flags: a sentence whose language is reliably identified (at least 40
    /// characters and a confident guess) and differs from the article's language, when the
    /// article's own language is reliable. Short sentences, names and figures are never
    /// flagged: their guesses are not trustworthy.
    ///
    /// Why it matters: a sentence left in the source language is a sign of an unfinished or
    /// machine translation, and readers of the article cannot read it.
    ///
    /// Example: in an English article, "Die Minister haben sich nicht auf einen Haushalt
    /// geeinigt, sagte der Sprecher." is flagged as German.
    pub struct UntranslatedText;
    rule: RuleId::UntranslatedText, severity: Severity::Warning;
}

impl UntranslatedText {
    fn check(&self, ctx: &Context<'_>, sink: &mut Vec<Finding>) {
        for (index, doc) in ctx.documents.iter().enumerate() {
            let Some(article) = doc.language.filter(|l| l.reliable) else {
                continue;
            };
            for s in doc.sentences.iter().filter(|s| s.kind.is_prose()) {
                let Some(lang) = s.language.filter(|l| l.reliable && l.code != article.code) else {
                    continue;
                };
                sink.push(finding_at(
                    RuleId::UntranslatedText,
                    Severity::Warning,
                    index,
                    doc,
                    s.range.clone(),
                    None,
                    Some(lang.confidence),
                    format!(
                        "sentence in {} ({}) in an article in {}",
                        language_name(lang.code),
                        lang.code,
                        language_name(article.code)
                    ),
                ));
            }
        }
    }
}

fn language_name(code: &str) -> &str {
    whatlang::Lang::from_code(code).map_or(code, |l| l.eng_name())
}
