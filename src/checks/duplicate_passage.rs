//! `duplicate-passage`.

use super::Context;
use crate::analysis::align::common_subsequence;
use crate::model::{Finding, Related, RuleId, SentenceKind, Severity};
use crate::text::features::SentenceFeatures;

crate::declare_rule! {
    /// A sentence, paragraph or caption repeated within one article.
    ///
    /// What it flags: a run of sentences that already appeared earlier in the same article,
    /// word for word or nearly (at least 95% of the words in the same order, so a changed
    /// "said Smith" / "Smith said" still counts), and a repeated caption line. One finding
    /// covers the whole repeated run and points at the first occurrence. Sentences of fewer
    /// than four words ("He said no.") are not compared, nor are table rows, column headers and
    /// lines of figures ("Avg shrs 4,350,000 vs 3,217,500" in a quarter's and a year's block).
    ///
    /// Why it matters: repeated leads, quotes and captions are left-overs of a content
    /// system or of machine rewriting, and they make an article look careless.
    ///
    /// Example: a lead quotation that appears again, with its three sentences, further down
    /// the article is flagged once at the repetition; "Jane Roe, Photo: REUTERS" twice in a
    /// row flags the second caption line.
    pub struct DuplicatePassage;
    rule: RuleId::DuplicatePassage, severity: Severity::Warning;
}

const MIN_TOKENS: usize = 4;

/// Words of a sentence as hashes of their lowercase letters and digits: all a repeat check
/// needs, without allocating a string per word.
fn word_hashes(text: &str) -> SentenceFeatures {
    let mut norms = Vec::new();
    let mut h: Option<u64> = None;
    for c in text.chars() {
        if c.is_alphanumeric() {
            let mut x = h.unwrap_or(0xcbf2_9ce4_8422_2325);
            for l in c.to_lowercase() {
                x ^= u64::from(l);
                x = x.wrapping_mul(0x0100_0000_01b3);
            }
            h = Some(x);
        } else if let Some(x) = h.take() {
            norms.push(x);
        }
    }
    norms.extend(h);
    SentenceFeatures {
        norms,
        ..Default::default()
    }
}
const NEAR: f64 = 0.95;

fn same(a: &SentenceFeatures, b: &SentenceFeatures) -> bool {
    if a.norms == b.norms {
        return true;
    }
    let (la, lb) = (a.norms.len(), b.norms.len());
    // The same words in another order ("said the mayor" / "the mayor said").
    if la == lb && la >= MIN_TOKENS {
        let (mut x, mut y) = (a.norms.clone(), b.norms.clone());
        x.sort_unstable();
        y.sort_unstable();
        if x == y {
            return true;
        }
    }
    if la.min(lb) < 10 || la.abs_diff(lb) * 10 > la.max(lb) {
        return false;
    }
    let (common, _) = common_subsequence(&a.norms, &b.norms);
    2.0 * common as f64 / (la + lb) as f64 >= NEAR - 0.05 && common + 2 >= la.max(lb)
}

impl DuplicatePassage {
    fn check(&self, ctx: &Context<'_>, sink: &mut Vec<Finding>) {
        for (index, doc) in ctx.documents.iter().enumerate() {
            let feats: Vec<SentenceFeatures> = doc
                .sentences
                .iter()
                .map(|s| word_hashes(doc.sentence_text(s)))
                .collect();
            let n = feats.len();
            // For each sentence, the earliest earlier sentence it repeats.
            let mut repeats: Vec<Option<usize>> = vec![None; n];
            let mut by_first: std::collections::HashMap<u64, Vec<usize>> =
                std::collections::HashMap::new();
            for (j, f) in feats.iter().enumerate() {
                let kind = doc.sentences[j].kind;
                let long_enough = f.norms.len() >= MIN_TOKENS
                    || (kind == SentenceKind::Caption && f.norms.len() >= 2);
                // Table headers, rows and lines of figures repeat by design (a quarter's
                // and a year's block of the same earnings table): prose only.
                let prose = kind.is_prose()
                    && (kind == SentenceKind::Caption
                        || super::reads_as_prose(kind, doc.sentence_text(&doc.sentences[j])));
                if !long_enough || !prose {
                    continue;
                }
                // Candidates share the first or the last token: cheap, and near-repeats keep one.
                let keys = [f.norms[0], f.norms[f.norms.len() - 1] ^ 1];
                let mut found = None;
                for key in keys {
                    if let Some(list) = by_first.get(&key) {
                        if let Some(&i) = list.iter().find(|&&i| same(&feats[i], f)) {
                            found = Some(found.map_or(i, |x: usize| x.min(i)));
                        }
                    }
                }
                repeats[j] = found;
                for key in keys {
                    by_first.entry(key).or_default().push(j);
                }
            }
            // Group consecutive repeats of consecutive originals into one passage.
            let mut j = 0;
            while j < n {
                let Some(first_original) = repeats[j] else {
                    j += 1;
                    continue;
                };
                let mut end = j + 1;
                while end < n && repeats[end].is_some_and(|o| o == first_original + (end - j)) {
                    end += 1;
                }
                let copy = doc.sentences[j].range.start..doc.sentences[end - 1].range.end;
                let original = doc.sentences[first_original].range.start
                    ..doc.sentences[first_original + (end - j) - 1].range.end;
                let what = match (end - j, doc.sentences[j].kind) {
                    (1, SentenceKind::Caption) => "caption",
                    (1, _) => "sentence",
                    _ => "passage",
                };
                let span = doc.span(original.clone());
                sink.push(Finding {
                    rule: RuleId::DuplicatePassage,
                    severity: Severity::Warning,
                    document: index,
                    span: doc.span(copy.clone()),
                    found: doc.text[copy].to_string(),
                    suggestion: None,
                    score: None,
                    message: format!(
                        "{what} repeated{}: it already appears earlier in the article",
                        if end - j > 1 {
                            format!(" ({} sentences)", end - j)
                        } else {
                            String::new()
                        }
                    ),
                    related: vec![Related {
                        document: index,
                        span,
                        text: doc.text[original].to_string(),
                    }],
                });
                j = end;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> SentenceFeatures {
        word_hashes(s)
    }

    #[test]
    fn near_repeats_count_and_different_sentences_do_not() {
        assert!(same(
            &f("With challenges too great for any of us to handle alone, said the minister."),
            &f("With challenges too great for any of us to handle alone, the minister said.")
        ));
        assert!(!same(
            &f("The council met on Monday to discuss the budget for schools."),
            &f("The council met on Friday to discuss the budget for hospitals.")
        ));
    }
}
