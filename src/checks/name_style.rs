//! `name-style`.

use std::collections::BTreeSet;

use super::name_variant::{all_cluster_names, per_cluster_mentions, related, settle_splits};
use super::Context;
use crate::analysis::names::{plain, style_variants, Mention};
use crate::model::{Finding, RuleId, Severity};

crate::declare_rule! {
    /// A name written with other capitals or accents than elsewhere.
    ///
    /// What it flags: a spelling of a name that differs from the one the other articles of
    /// the event (or the article itself) mostly use only in capital letters or diacritics:
    /// "Calderon" where the others write "Calderón", "Huffpost" against "HuffPost",
    /// "Chick-fil-a" against "Chick-fil-A". All-capital words (datelines such as
    /// "WASHINGTON", sign-offs, acronyms) and headline words (title case is a headline style)
    /// are left out. The preferred form is the one more articles use, one vote per article; a
    /// `names.canonical` entry wins; a shift-key slip ("TEchnology", "INc") is never
    /// preferred; on a tie the form with more capitals inside it wins ("PepsiCo" over
    /// "Pepsico": a deliberate capital is rarely invented); a split still left is settled by
    /// the whole input when it can be, else nothing is suggested. Every other kind of
    /// respelling is `name-variant`'s.
    ///
    /// Why it matters: a dropped accent or a house style's capitals is a consistency slip, not
    /// a wrong name: worth a look before publication, at a lower severity than a misspelling.
    ///
    /// Example: two outlets write "Felipe Calderón", a third "Felipe Calderon": the third's
    /// "Calderon" is reported (severity info) with the suggestion "Calderón".
    ///
    /// Measured precision: 18 findings, 18 of 18 labelled true: precision 1.00 (95% CI 0.82-1.00); an acronym's plural ("ECUs" against "Ecus", two current styles, 6 false findings) is no longer compared. Corpus: Reuters-21578, a seeded 2,500-story development subset (3-11 March 1987), benches/quality/precision.py.
    pub struct NameStyle;
    rule: RuleId::NameStyle, severity: Severity::Info;
}

impl NameStyle {
    fn check(&self, ctx: &Context<'_>, sink: &mut Vec<Finding>) {
        let docs = ctx.documents;
        let names = &ctx.config.names;
        let clusters = all_cluster_names(ctx);
        let found = per_cluster_mentions(ctx, &clusters, |all, weight| {
            let refs: Vec<&Mention> = all.iter().collect();
            let mut out = Vec::new();
            for v in style_variants(&refs, weight, &names.canonical, &names.allow) {
                let message = match &v.preferred {
                        Some(p) => format!(
                            "\u{201c}{}\u{201d} is written \u{201c}{}\u{201d} elsewhere",
                            v.form, p
                        ),
                        None => format!(
                            "\u{201c}{}\u{201d} is written with other capitals or accents elsewhere, with equal support: check which is right",
                            v.form
                        ),
                    };
                let example = v
                    .preferred
                    .as_ref()
                    .and_then(|p| all.iter().find(|m| &m.form == p && !m.in_headline));
                let split = v.preferred.is_none().then(|| {
                    let key = plain(&v.form);
                    let others: BTreeSet<&str> = all
                        .iter()
                        .filter(|o| {
                            !o.in_headline && !o.weak && o.form != v.form && plain(&o.form) == key
                        })
                        .map(|o| o.form.as_str())
                        .collect();
                    (
                        v.form.clone(),
                        others.into_iter().map(str::to_string).collect::<Vec<_>>(),
                    )
                });
                for m in all
                    .iter()
                    .filter(|m| m.form == v.form && !m.in_headline && !m.weak)
                {
                    let doc = &docs[m.document];
                    let evidence = v
                        .preferred
                        .as_ref()
                        .and_then(|p| {
                            all.iter().find(|e| {
                                &e.form == p && e.document == m.document && !e.in_headline
                            })
                        })
                        .or(example);
                    out.push((
                        split.clone(),
                        Finding {
                            rule: RuleId::NameStyle,
                            severity: Severity::Info,
                            document: m.document,
                            span: doc.span(m.range.clone()),
                            found: m.form.clone(),
                            suggestion: v.preferred.clone(),
                            score: None,
                            message: message.clone(),
                            related: evidence.map(|e| related(docs, e)).into_iter().collect(),
                        },
                    ));
                }
            }
            out
        });
        sink.extend(settle_splits(docs, found, false, false, |form, other, mine, theirs| {
            format!(
                "\u{201c}{form}\u{201d} is written with other capitals or accents here, with equal support; \u{201c}{other}\u{201d} is the form more articles of the whole input use ({theirs} against {mine}): check which is right"
            )
        }));
    }
}
