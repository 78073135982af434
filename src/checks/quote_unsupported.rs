//! `quote-unsupported`.

use super::Context;
use crate::analysis::quotes::same_utterance;
use crate::model::{Finding, RuleId, Severity};
use crate::text::features::features;
use crate::text::tokens::tokenize;

crate::declare_rule! {
    /// A quotation in a draft that no other source or reference carries (check mode).
    ///
    /// What it flags: in `wirecheck check`, a quotation of at least four words in a draft
    /// that matches no quotation of the `--against` articles and no passage of the
    /// `--reference` texts. Fragments (scare quotes, titles) are not checked. `audit` never
    /// reports it.
    ///
    /// Why it matters: before publication every quotation should be traceable to a recording,
    /// a transcript or another report; an unsupported one needs a second look.
    ///
    /// Example: `wirecheck check draft.md --reference transcript.txt` reports a quotation
    /// found nowhere in the transcript (severity info).
    pub struct QuoteUnsupported;
    rule: RuleId::QuoteUnsupported, severity: Severity::Info;
}

impl QuoteUnsupported {
    fn check(&self, ctx: &Context<'_>, sink: &mut Vec<Finding>) {
        let Some(drafts) = ctx.drafts else { return };
        let docs = ctx.documents;
        let quotes = &ctx.corpus.quotes;
        // Reference texts are transcripts: any of their sentences (or two in a row) can be
        // the source of a quotation.
        let reference_passages: Vec<_> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| ctx.references.get(*i).copied().unwrap_or(false))
            .flat_map(|(_, d)| {
                let sentences: Vec<&str> = d.sentences.iter().map(|s| d.sentence_text(s)).collect();
                let pairs: Vec<String> = sentences
                    .windows(2)
                    .map(|w| format!("{} {}", w[0], w[1]))
                    .collect();
                sentences
                    .iter()
                    .map(|s| s.to_string())
                    .chain(pairs)
                    .collect::<Vec<_>>()
            })
            .map(|t| features(&tokenize(&t)))
            .collect();
        for q in quotes.iter().filter(|q| drafts[q.document] && !q.fragment) {
            let d = &docs[q.document];
            let text = &d.text[q.range.clone()];
            let f = features(&tokenize(text));
            if f.norms.len() < 4 {
                continue;
            }
            let elsewhere = quotes
                .iter()
                .any(|o| o.group.is_some() && o.group == q.group && !drafts[o.document]);
            let in_reference = reference_passages.iter().any(|r| same_utterance(&f, r));
            if elsewhere || in_reference {
                continue;
            }
            sink.push(Finding {
                rule: RuleId::QuoteUnsupported,
                severity: Severity::Info,
                document: q.document,
                span: d.span(q.range.clone()),
                found: text.to_string(),
                suggestion: None,
                score: None,
                message: format!(
                    "quotation{} found in no other source or reference",
                    q.speaker
                        .as_deref()
                        .map(|s| format!(" of {s}"))
                        .unwrap_or_default()
                ),
                related: Vec::new(),
            });
        }
    }
}
