//! `name-variant`.

use rayon::prelude::*;

use super::Context;
use crate::analysis::names::{groups, lowercase_vocabulary, mentions, Mention};
use crate::model::{Finding, Related, RuleId, Severity};

crate::declare_rule! {
    /// A proper name spelled unlike its dominant or configured form.
    ///
    /// What it flags: each occurrence of a rare spelling of a name (person, place,
    /// organisation) when the articles of the same event, or the article itself, mostly spell
    /// it another way ("Janssen" once against "Jansen" everywhere else). Spellings are one
    /// name only when they are close (at most two edits after folding case, diacritics,
    /// doubled letters and y/i, q/c/k, ph/f, which transliterations swap) *and* share context:
    /// the same first name, title or second name next to both. The dominant form is the one
    /// used by more independent articles (then more often); a `names.canonical` entry in
    /// wirecheck.toml overrides the majority, and `names.allow` spellings are never flagged.
    /// Names in captions and headlines count. Names in unrelated articles are never compared:
    /// a different event may well involve a different person with a similar name.
    ///
    /// Why it matters: a misspelt name is the most visible error a translation or a hurried
    /// copy makes, and one a reader or the person named notices at once.
    ///
    /// Example: three outlets write "Mark Jansen", one caption says "Mark Janssen": the
    /// caption's "Janssen" is flagged with the suggestion "Jansen". "Iran" next to "Iraq" is
    /// not flagged: the two never share a neighbouring name word.
    ///
    /// Measured precision: 77 findings, 10 of 20 sampled labelled true: precision 0.50 (95% CI 0.30-0.70), before the name fixes of issue 11. Corpus: Reuters-21578, a seeded 2,500-story development subset (3-11 March 1987), benches/quality/precision.py.
    pub struct NameVariant;
    rule: RuleId::NameVariant, severity: Severity::Warning;
}

impl NameVariant {
    fn check(&self, ctx: &Context<'_>, sink: &mut Vec<Finding>) {
        let docs = ctx.documents;
        let names = &ctx.config.names;
        let found: Vec<Finding> = ctx
            .corpus
            .clusters
            .members
            .par_iter()
            .flat_map_iter(|members| {
                let common = lowercase_vocabulary(members.iter().map(|&d| &docs[d]));
                let all: Vec<Mention> = members
                    .iter()
                    .flat_map(|&d| mentions(d, &docs[d], &common))
                    .collect();
                let refs: Vec<&Mention> = all.iter().collect();
                let mut out = Vec::new();
                for group in groups(&refs, &names.canonical, &names.allow) {
                    let example = all.iter().find(|m| m.form == group.dominant);
                    for (variant, score) in &group.variants {
                        for m in all.iter().filter(|m| &m.form == variant) {
                            let doc = &docs[m.document];
                            // Evidence: the dominant spelling in the same article if it has one.
                            let evidence = all
                                .iter()
                                .find(|e| e.form == group.dominant && e.document == m.document)
                                .or(example);
                            out.push(Finding {
                                rule: RuleId::NameVariant,
                                severity: Severity::Warning,
                                document: m.document,
                                span: doc.span(m.range.clone()),
                                found: m.form.clone(),
                                suggestion: Some(group.dominant.clone()),
                                score: Some(*score),
                                message: format!(
                                    "\u{201c}{}\u{201d} is spelt \u{201c}{}\u{201d} elsewhere",
                                    m.form, group.dominant
                                ),
                                related: evidence
                                    .map(|e| {
                                        let ed = &docs[e.document];
                                        let sentence = ed
                                            .sentences
                                            .iter()
                                            .find(|s| {
                                                s.range.start <= e.range.start
                                                    && e.range.end <= s.range.end
                                            })
                                            .map_or(String::new(), |s| {
                                                ed.sentence_text(s).to_string()
                                            });
                                        Related {
                                            document: e.document,
                                            span: ed.span(e.range.clone()),
                                            text: sentence,
                                        }
                                    })
                                    .into_iter()
                                    .collect(),
                            });
                        }
                    }
                }
                out
            })
            .collect();
        sink.extend(found);
    }
}
