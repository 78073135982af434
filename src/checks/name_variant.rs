//! `name-variant`.

use std::borrow::Cow;
use std::cell::OnceCell;

use rayon::prelude::*;

use super::Context;
use crate::analysis::names::{
    analyse as analyse_names, replacements, variants, ClusterNames, Mention, Preference,
};
use crate::model::{Document, Finding, Related, RuleId, Severity};
use crate::text::words;

/// Maps and sets keyed by words, read for every word of the input: a fast fixed-seed hasher
/// (nothing is read off them in their order).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
type HashSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;

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
    /// input use is reported, still with no suggestion, and as `info` when the other leads by
    /// one article only; a headline given apart from the text counts as a use); a split it
    /// cannot settle is reported once, as `info`, on the spelling whose first use comes later
    /// (by date, then article, then place), naming the other: at most one of them is wrong.
    /// A name replaced by a word in one article, used alone ("Task told reporters",
    /// "President Task" where the other articles of the event say "Trask"), is caught when
    /// the event's main name (a name in two other articles) is absent there, the word is one
    /// or two letters from it (same first letter), capitalised inside sentences twice or more
    /// and at least once in a name's place (after a title, as a possessive, next to a verb of
    /// speech), or once beside the main name's given name or surname, and no other article
    /// of the event (and at most one in twenty of the input) capitalises it inside a
    /// sentence; another given name or surname beside it means another person. Names come from prose,
    /// headlines and captions; all-capital words (datelines, sign-offs, acronyms) are left out,
    /// and spellings that differ only in case or accents are `name-style`'s. British and
    /// American spellings of one word ("Organisation" / "Organization", "Defence" /
    /// "Defense", "Centre" / "Center") are a house style, not a variant. Names in unrelated
    /// articles are never compared.
    ///
    /// Why it matters: a misspelt name is the most visible error a translation or a hurried
    /// copy makes, and one a reader or the person named notices at once.
    ///
    /// Example: three outlets write "Mark Jansen", one caption says "Mark Janssen": the
    /// caption's "Janssen" is flagged with the suggestion "Jansen". "Iran" next to "Iraq" is
    /// not flagged: the two never share a neighbouring name word.
    ///
    /// Measured precision: 30 findings (23 warnings, 7 `info`), all labelled: 28 true, precision 0.93; the 23 warnings all true; the sample of 20 drawn by the harness: 18 true, 0.90 (95% CI 0.70-0.97). The false ones: two split notices nothing settles, placed on the right spelling of a name two stories use once each. (34 findings at 0.88 before an undecided split was reported once and a headline counted as a use; 77 at 0.50 before the name fixes of issues 10 and 11.) Corpus: Reuters-21578, a seeded 2,500-story development subset (3-11 March 1987), benches/quality/precision.py.
    pub struct NameVariant;
    rule: RuleId::NameVariant, severity: Severity::Warning;
}

/// A word capitalised inside sentences by more than one article in this many of the input
/// (and more than `OFTEN_CAPITALISED_MIN`) is never read as a name replaced by a word.
const OFTEN_CAPITALISED_SHARE: usize = 20;
const OFTEN_CAPITALISED_MIN: usize = 3;

/// Articles of the whole input by which one spelling of an even split must lead for its
/// other spelling's notice to be a warning.
const SETTLING_MARGIN: usize = 2;

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

/// How many articles of the whole input have a mention of each spelling that `counts`.
fn articles_per_form(
    names: &[ClusterNames],
    counts: impl Fn(&Mention) -> bool,
) -> HashMap<&str, usize> {
    let mut seen: HashSet<(&str, usize)> = HashSet::default();
    let mut out: HashMap<&str, usize> = HashMap::default();
    for m in names.iter().flat_map(|c| &c.mentions) {
        if counts(m) && seen.insert((m.form.as_str(), m.document)) {
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
        let per_form = articles_per_form(&clusters, |m| !m.weak);
        let everywhere = |f: &str| per_form.get(f).copied().unwrap_or(0);
        // Articles capitalising each word inside a sentence (names and common words alike):
        // a word one article in twenty or more capitalises is a name or a proper noun of its
        // own ("State", "House"), never read as a respelling of another.
        // Counted once, and only when a word is a candidate at all.
        let capitalised = std::sync::OnceLock::new();
        let often = (docs.len() / OFTEN_CAPITALISED_SHARE).max(OFTEN_CAPITALISED_MIN);
        let often_capitalised = |f: &str| {
            capitalised
                .get_or_init(|| articles_per_form(&clusters, |m| !m.initial && !m.in_headline))
                .get(f)
                .copied()
                .unwrap_or(0)
                > often
        };
        let found = per_cluster_mentions(ctx, &clusters, |all, weight| {
            let refs: Vec<&Mention> = all.iter().collect();
            let mut out = Vec::new();
            let mut found = variants(&refs, weight, &everywhere, &names.canonical, &names.allow);
            // A name replaced by a dictionary word in one article, unless already reported.
            let replaced = replacements(
                &refs,
                weight,
                &everywhere,
                &often_capitalised,
                &|f| found.iter().any(|v| v.form == f),
                &names.canonical,
                &names.allow,
            );
            found.extend(replaced);
            for v in found {
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
                let reported = |m: &&Mention| {
                    m.form == v.form && v.document.is_none_or(|d| m.document == d && !m.initial)
                };
                for m in all.iter().filter(reported) {
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
        sink.extend(settle_splits(docs, found, true, true, |form, other, mine, theirs| {
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
/// `fold_case` counts "access" as a use of "Access", and an article's headline given apart
/// from its text (a JSON Lines `title`, often in capitals) as part of the article;
/// `one_per_pair` reports a split still left once, on the spelling that comes later (see
/// [`later_of_pair`]), not on both; `message` words a settled finding from its spelling, the
/// better attested one and the two counts.
pub(super) fn settle_splits(
    docs: &[Document],
    found: Vec<(Option<Split>, Finding)>,
    fold_case: bool,
    one_per_pair: bool,
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
            // A headline given apart from the text is part of the article for this count.
            let title = doc.meta.title.as_deref().filter(|_| fold_case);
            // Each word's key is built in one buffer: most words are no spelling in question.
            let mut buffer = String::new();
            let mut seen = HashSet::default();
            for w in words(&doc.text).into_iter().map(|r| &doc.text[r]).chain(
                title
                    .into_iter()
                    .flat_map(|t| words(t).into_iter().map(move |r| &t[r])),
            ) {
                let stem = ["'s", "\u{2019}s", "'", "\u{2019}"]
                    .iter()
                    .find_map(|p| w.strip_suffix(p))
                    .unwrap_or(w);
                if !lengths.contains(&stem.len()) {
                    continue;
                }
                let k = if fold_case {
                    // `str::to_lowercase` for the rest: it knows a word-final sigma.
                    if stem.is_ascii() {
                        buffer.clear();
                        buffer.push_str(stem);
                        buffer.make_ascii_lowercase();
                    } else {
                        buffer = stem.to_lowercase();
                    }
                    buffer.as_str()
                } else {
                    stem
                };
                if forms.contains(k) && !seen.contains(k) {
                    seen.insert(k.to_string());
                }
            }
            seen
        })
        .collect();
    let mut articles: HashMap<&str, usize> = HashMap::default();
    for set in &per_doc {
        for f in set {
            *articles.entry(f.as_str()).or_default() += 1;
        }
    }
    let count = |f: &str| articles.get(key(f).as_str()).copied().unwrap_or(0);
    let settled: Vec<(Option<Split>, Finding)> = found
        .into_iter()
        .filter_map(|(split, mut f)| {
            let Some((form, others)) = split else {
                return Some((None, f));
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
                return Some((None, f));
            };
            if mine > theirs {
                return None;
            }
            if mine < theirs {
                f.message = message(&form, best, mine, theirs);
                // One article more elsewhere ("2 against 1") is a hint, not proof: still
                // information, like a split.
                if theirs - mine < SETTLING_MARGIN {
                    f.severity = Severity::Info;
                }
            } else {
                // Still split: at most one of the spellings is wrong, so each notice is at
                // best even odds of an error: information, not a warning.
                f.severity = Severity::Info;
                return Some((Some((form, others)), f));
            }
            Some((None, f))
        })
        .collect();
    if !one_per_pair {
        return settled.into_iter().map(|(_, f)| f).collect();
    }
    let keep = later_of_pair(docs, &settled);
    settled
        .into_iter()
        .filter_map(|(split, mut f)| {
            let Some((form, others)) = split else {
                return Some(f);
            };
            for o in &others {
                match keep.get(&pair_key(&form, o)) {
                    Some(later) if *later == form => {
                        f.message = format!(
                            "\u{201c}{form}\u{201d} and \u{201c}{o}\u{201d} are both used, with equal support, \u{201c}{o}\u{201d} first: check which is right"
                        );
                    }
                    Some(_) => return None,
                    None => {}
                }
            }
            Some(f)
        })
        .collect()
}

/// Where a spelling is used: the article's date, its name, the byte offset.
type Place<'a> = (&'a str, &'a str, usize);

/// An unordered pair of spellings.
fn pair_key(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// For each split that nothing settles, the spelling to report: the one whose first use comes
/// later (by the article's date, then its name, then the place in the article). At most one
/// of the two spellings is wrong and nothing says which, so one notice naming both is enough;
/// it goes where the name changed: the spelling that departs from the one already used. The
/// order never depends on the order of the input or on `--jobs`.
fn later_of_pair(
    docs: &[Document],
    settled: &[(Option<Split>, Finding)],
) -> HashMap<(String, String), String> {
    let place = |f: &Finding| {
        let doc = docs.get(f.document);
        (
            doc.and_then(|d| d.meta.date.as_deref()).unwrap_or(""),
            doc.map_or("", |d| d.name.as_str()),
            f.span.start,
        )
    };
    // The first use of each spelling of each pair.
    let mut first: HashMap<(String, String), HashMap<&str, Place<'_>>> = HashMap::default();
    for (split, f) in settled {
        let Some((form, others)) = split else {
            continue;
        };
        for o in others {
            let at = place(f);
            first
                .entry(pair_key(form, o))
                .or_default()
                .entry(form.as_str())
                .and_modify(|p| *p = (*p).min(at))
                .or_insert(at);
        }
    }
    first
        .into_iter()
        .filter_map(|(pair, uses)| {
            // Only a pair reported on both sides is thinned.
            if uses.len() < 2 {
                return None;
            }
            let later = uses
                .iter()
                .max_by(|x, y| x.1.cmp(y.1).then_with(|| x.0.cmp(y.0)))
                .map(|(form, _)| form.to_string())?;
            Some((pair, later))
        })
        .collect()
}
