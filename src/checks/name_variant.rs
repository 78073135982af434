//! `name-variant`.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::Context;
use crate::analysis::names::{
    analyse as analyse_names, variants, ClusterNames, Mention, Preference,
};
use crate::model::{Document, Finding, Related, RuleId, Severity};
use crate::text::words;

crate::declare_rule! {
    /// A proper name spelled unlike its dominant or configured form.
    ///
    /// What it flags: each occurrence of a spelling of a name (person, place, organisation)
    /// that the articles of the same event, or the article itself, mostly spell another way
    /// ("Janssen" in one article, "Jansen" in the others). Two spellings are one name only
    /// when they are close (at most two edits after folding case, diacritics, doubled letters
    /// and y/i, q/c/k, ph/f, which transliterations swap) *and* share context: the same given
    /// name before both, the same surname after both, or the same title in front of both when
    /// their given names agree. A respelling that is itself a common word is caught in a
    /// name ("Senator Harry Raid" next to "Senator Harry Reid"); two different given names
    /// are two people, and words in different roles ("Staten Island", "United States") are
    /// never compared. The preferred spelling is the one more independent articles use (one
    /// vote per article, however often it repeats the name; an article with a
    /// machine-translation disclaimer counts half); a `names.canonical` entry in
    /// wirecheck.toml wins, and `names.allow` spellings are never flagged. When the articles
    /// are split evenly or one article apart, the other articles of the input decide the
    /// direction when they use one spelling as a name at least twice and the other never
    /// ("Kallstorm" in two stories of the event, "Kallstrom" in one and in two stories of
    /// other events: "Kallstorm" is flagged). The same words around two spellings that only
    /// ever open a sentence or a quotation are a quotation told two ways, not a name. A split still left is settled by the rest of the input
    /// when it can (of "Services" and
    /// "Servies", used once each in one story, only the spelling fewer articles of the whole
    /// input use is reported, still with no suggestion); a split it cannot settle is reported
    /// on every spelling as `info`, since at most one of them is wrong. Names come from prose,
    /// headlines and captions; all-capital words (datelines, sign-offs, acronyms) are left out,
    /// and spellings that differ only in case or accents are `name-style`'s. Names in
    /// unrelated articles are never compared.
    ///
    /// Why it matters: a misspelt name is the most visible error a translation or a hurried
    /// copy makes, and one a reader or the person named notices at once.
    ///
    /// Example: three outlets write "Mark Jansen", one caption says "Mark Janssen": the
    /// caption's "Janssen" is flagged with the suggestion "Jansen". "Iran" next to "Iraq" is
    /// not flagged: the two never share a neighbouring name word.
    ///
    /// Measured precision: 34 findings (26 warnings, 8 `info` split notices), all 34 labelled: 30 true, precision 0.88; the 26 warnings all true; the sample of 20 drawn by the harness: 17 true, 0.85 (95% CI 0.64-0.95). The false ones: four unsettled split notices on the right spelling of a name two stories use once each. (33 findings at 0.85 before a narrow vote was settled by the other stories; 77 at 0.50 before the name fixes of issues 10 and 11.) Corpus: Reuters-21578, a seeded 2,500-story development subset (3-11 March 1987), benches/quality/precision.py.
    pub struct NameVariant;
    rule: RuleId::NameVariant, severity: Severity::Warning;
}

/// An article's vote on a spelling: half for one that says it was machine translated.
pub(crate) fn article_weight(doc: &Document) -> f64 {
    if doc
        .sentences
        .iter()
        .any(|s| super::mt_disclaimer::is_disclaimer(doc.sentence_text(s)))
    {
        0.5
    } else {
        1.0
    }
}

/// The sentence around a mention, as evidence.
pub(crate) fn related(docs: &[Document], e: &Mention) -> Related {
    let ed = &docs[e.document];
    let sentence = ed
        .sentences
        .iter()
        .find(|s| s.range.start <= e.range.start && e.range.end <= s.range.end)
        .map_or(String::new(), |s| ed.sentence_text(s).to_string());
    Related {
        document: e.document,
        span: ed.span(e.range.clone()),
        text: sentence,
    }
}

/// The name mentions of every cluster: from the corpus analysis (computed once for both name
/// rules), or found here when it has none.
pub(super) fn all_cluster_names<'a>(ctx: &Context<'a>) -> Cow<'a, [ClusterNames]> {
    let shared = &ctx.corpus.names;
    if shared.len() == ctx.corpus.clusters.members.len() {
        Cow::Borrowed(shared.as_slice())
    } else {
        Cow::Owned(analyse_names(ctx.documents, &ctx.corpus.clusters))
    }
}

/// Runs `report` over the name mentions of each event cluster in parallel, with each
/// article's vote weight; names are only ever compared inside one event.
pub(super) fn per_cluster_mentions<T: Send>(
    ctx: &Context<'_>,
    names: &[ClusterNames],
    report: impl Fn(&[Mention], &dyn Fn(usize) -> f64) -> Vec<T> + Sync,
) -> Vec<T> {
    let docs = ctx.documents;
    let members = &ctx.corpus.clusters.members;
    names
        .par_iter()
        .zip(members.par_iter())
        .flat_map_iter(|(names, members)| {
            // An article's weight is asked for only when its spellings are compared.
            let weights: HashMap<usize, OnceCell<f64>> =
                members.iter().map(|&d| (d, OnceCell::new())).collect();
            let weight = |d: usize| match (weights.get(&d), docs.get(d)) {
                (Some(cell), Some(doc)) => *cell.get_or_init(|| article_weight(doc)),
                _ => 1.0,
            };
            report(&names.mentions, &weight)
        })
        .collect()
}

/// How many articles of the whole input use each spelling as a name.
fn articles_per_form(names: &[ClusterNames]) -> HashMap<&str, usize> {
    let mut seen: HashSet<(&str, usize)> = HashSet::new();
    let mut out: HashMap<&str, usize> = HashMap::new();
    for m in names.iter().flat_map(|c| &c.mentions) {
        if !m.weak && seen.insert((m.form.as_str(), m.document)) {
            *out.entry(m.form.as_str()).or_default() += 1;
        }
    }
    out
}

impl NameVariant {
    fn check(&self, ctx: &Context<'_>, sink: &mut Vec<Finding>) {
        let docs = ctx.documents;
        let names = &ctx.config.names;
        let clusters = all_cluster_names(ctx);
        let per_form = articles_per_form(&clusters);
        let everywhere = |f: &str| per_form.get(f).copied().unwrap_or(0);
        let found = per_cluster_mentions(ctx, &clusters, |all, weight| {
            let refs: Vec<&Mention> = all.iter().collect();
            let mut out = Vec::new();
            for v in variants(&refs, weight, &everywhere, &names.canonical, &names.allow) {
                let example = all.iter().find(|m| m.form == v.preferred);
                let (suggestion, message) = match v.preference {
                        Preference::Split { .. } => (
                            None,
                            format!(
                                "\u{201c}{}\u{201d} and \u{201c}{}\u{201d} are both used, with equal support: check which is right",
                                v.form, v.preferred
                            ),
                        ),
                        Preference::Canonical => (
                            Some(v.preferred.clone()),
                            format!(
                                "\u{201c}{}\u{201d} is configured to be spelt \u{201c}{}\u{201d}",
                                v.form, v.preferred
                            ),
                        ),
                        Preference::Majority { .. } => (
                            Some(v.preferred.clone()),
                            format!(
                                "\u{201c}{}\u{201d} is spelt \u{201c}{}\u{201d} elsewhere",
                                v.form, v.preferred
                            ),
                        ),
                    };
                let partner = matches!(v.preference, Preference::Split { .. })
                    .then(|| (v.form.clone(), vec![v.preferred.clone()]));
                for m in all.iter().filter(|m| m.form == v.form) {
                    let doc = &docs[m.document];
                    // Evidence: the preferred spelling in the same article if it has one.
                    let evidence = all
                        .iter()
                        .find(|e| e.form == v.preferred && e.document == m.document)
                        .or(example);
                    out.push((
                        partner.clone(),
                        Finding {
                            rule: RuleId::NameVariant,
                            severity: Severity::Warning,
                            document: m.document,
                            span: doc.span(m.range.clone()),
                            found: m.form.clone(),
                            suggestion: suggestion.clone(),
                            score: Some(v.similarity),
                            message: message.clone(),
                            related: evidence.map(|e| related(docs, e)).into_iter().collect(),
                        },
                    ));
                }
            }
            out
        });
        sink.extend(settle_splits(docs, found, true, |form, other, mine, theirs| {
            format!(
                "\u{201c}{form}\u{201d} and \u{201c}{other}\u{201d} are both used here, with equal support; \u{201c}{other}\u{201d} is the spelling more articles of the whole input use ({theirs} against {mine}): check which is right"
            )
        }));
    }
}

/// A finding's split: its own spelling and the other spellings of the even split.
pub(super) type Split = (String, Vec<String>);

/// A split between spellings in one event is settled, when it can be, by the rest of the
/// input: of "Services" and "Servies", used once each in one story, only the spelling that
/// fewer articles of the whole input use is reported (all of them when they are used
/// equally). Still no suggestion: the event's own articles do not decide it. Each finding
/// comes with its split (its own spelling and the others), or `None` when it is no split;
/// `fold_case` counts "access" as a use of "Access"; `message` words a settled finding from
/// its spelling, the better attested one and the two counts.
pub(super) fn settle_splits(
    docs: &[Document],
    found: Vec<(Option<Split>, Finding)>,
    fold_case: bool,
    message: impl Fn(&str, &str, usize, usize) -> String,
) -> Vec<Finding> {
    let key = |w: &str| {
        if fold_case {
            w.to_lowercase()
        } else {
            w.to_string()
        }
    };
    let forms: HashSet<String> = found
        .iter()
        .filter_map(|(p, _)| p.as_ref())
        .flat_map(|(a, others)| std::iter::once(a).chain(others))
        .map(|f| key(f))
        .collect();
    if forms.is_empty() {
        return found.into_iter().map(|(_, f)| f).collect();
    }
    let lengths: HashSet<usize> = forms.iter().map(String::len).collect();
    // Articles using each spelling, in the whole input.
    let per_doc: Vec<HashSet<String>> = docs
        .par_iter()
        .map(|doc| {
            words(&doc.text)
                .into_iter()
                .map(|r| &doc.text[r])
                .filter_map(|w| {
                    let stem = ["'s", "\u{2019}s", "'", "\u{2019}"]
                        .iter()
                        .find_map(|p| w.strip_suffix(p))
                        .unwrap_or(w);
                    if !lengths.contains(&stem.len()) {
                        return None;
                    }
                    let k = key(stem);
                    forms.contains(&k).then_some(k)
                })
                .collect()
        })
        .collect();
    let mut articles: HashMap<&str, usize> = HashMap::new();
    for set in &per_doc {
        for f in set {
            *articles.entry(f.as_str()).or_default() += 1;
        }
    }
    let count = |f: &str| articles.get(key(f).as_str()).copied().unwrap_or(0);
    found
        .into_iter()
        .filter_map(|(split, mut f)| {
            let Some((form, others)) = split else {
                return Some(f);
            };
            let mine = count(&form);
            // The best attested of the others (the first on a tie: they come sorted).
            let Some((best, theirs)) = others.iter().map(|o| (o, count(o))).fold(
                None,
                |acc: Option<(&String, usize)>, (o, n)| match acc {
                    Some((_, m)) if m >= n => acc,
                    _ => Some((o, n)),
                },
            ) else {
                return Some(f);
            };
            if mine > theirs {
                return None;
            }
            if mine < theirs {
                f.message = message(&form, best, mine, theirs);
            } else {
                // Still split: at most one of the spellings is wrong, so each notice is at
                // best even odds of an error: information, not a warning.
                f.severity = Severity::Info;
            }
            Some(f)
        })
        .collect()
}
