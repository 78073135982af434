//! `number-mismatch`.

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;
use similar::{Algorithm, DiffTag};

use super::Context;
use crate::analysis::align::AlignKind;
use crate::model::{Document, Finding, Related, RuleId, Severity};
use crate::text::tokens::{tokenize, Token, TokenKind};

crate::declare_rule! {
    /// Aligned sentences that disagree on an amount, count, percentage or date.
    ///
    /// What it flags: two articles carry the same sentence (verbatim, near-duplicate or
    /// paraphrased) but one says "€25 billion" where the other says "€20 billion". Formats are
    /// normalised first: "€20 billion" = "20 billion euros" = "EUR 20bn", "5 percent" = "5%".
    /// Numbers written as words ("the first three months") are not compared. In paraphrases
    /// only amounts of money and percentages are compared; in near-duplicates every number.
    ///
    /// Why it matters: a changed figure in copied or translated coverage is a factual error
    /// that readers cannot spot; one of the versions is wrong.
    ///
    /// Example: "Allies pledged more than €20 billion" (wire) vs "Allies pledged more than
    /// €25 billion" (copy) flags "€25 billion", citing the wire's sentence. When three or more
    /// articles carry the sentence, the figure in the minority is flagged.
    pub struct NumberMismatch;
    rule: RuleId::NumberMismatch, severity: Severity::Warning;
}

/// Tokens of a run of sentences, with ranges into the document text.
fn run_tokens(doc: &Document, sentences: &Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    for s in &doc.sentences[sentences.clone()] {
        for mut t in tokenize(doc.sentence_text(s)) {
            t.range = s.range.start + t.range.start..s.range.start + t.range.end;
            out.push(t);
        }
    }
    out
}

fn has_digit(doc: &Document, sentences: &Range<usize>) -> bool {
    doc.sentences[sentences.clone()]
        .iter()
        .any(|s| doc.sentence_text(s).bytes().any(|b| b.is_ascii_digit()))
}

fn unit(norm: &str) -> &str {
    norm.split_once(':').map_or(norm, |(u, _)| u)
}

/// A number's place: (document, byte range in its text).
type Place = (usize, Range<usize>);

#[derive(Default)]
struct Tally {
    agree: usize,
    /// (other document, its token range, its number text)
    disagree: Vec<(usize, Range<usize>)>,
}

impl NumberMismatch {
    fn check(&self, ctx: &Context<'_>, sink: &mut Vec<Finding>) {
        let docs = ctx.documents;
        // Per pair in parallel: (document, number span) agrees or disagrees with (other, span).
        let events: Vec<(Place, Option<Place>)> = ctx
            .corpus
            .pairs
            .par_iter()
            .flat_map_iter(|pair| {
                let mut out = Vec::new();
                for al in &pair.alignments {
                    if !has_digit(&docs[pair.a], &al.a) || !has_digit(&docs[pair.b], &al.b) {
                        continue;
                    }
                    let ta = run_tokens(&docs[pair.a], &al.a);
                    let tb = run_tokens(&docs[pair.b], &al.b);
                    let pairs = if al.kind == AlignKind::Verbatim {
                        compare_numbers(&ta, &tb, AlignKind::NearDuplicate)
                    } else {
                        compare_numbers(&ta, &tb, al.kind)
                    };
                    for (x, y) in pairs {
                        let (x, y) = (&ta[x], &tb[y]);
                        if x.norm == y.norm {
                            out.push(((pair.a, x.range.clone()), None));
                            out.push(((pair.b, y.range.clone()), None));
                        } else {
                            out.push(((pair.a, x.range.clone()), Some((pair.b, y.range.clone()))));
                            out.push(((pair.b, y.range.clone()), Some((pair.a, x.range.clone()))));
                        }
                    }
                }
                out
            })
            .collect();
        let mut tallies: BTreeMap<(usize, usize, usize), Tally> = BTreeMap::new();
        for ((doc, range), other) in events {
            let tally = tallies.entry((doc, range.start, range.end)).or_default();
            match other {
                None => tally.agree += 1,
                Some(o) => tally.disagree.push(o),
            }
        }
        for ((doc, start, end), tally) in tallies {
            if tally.disagree.len() <= tally.agree {
                continue;
            }
            let d = &docs[doc];
            let found = d.text[start..end].to_string();
            let others: Vec<String> = tally
                .disagree
                .iter()
                .map(|(o, r)| docs[*o].text[r.clone()].to_string())
                .collect();
            let majority = tally.disagree.len() >= 2
                && tally.agree == 0
                && others.windows(2).all(|w| w[0] == w[1]);
            let related = tally
                .disagree
                .iter()
                .take(3)
                .map(|(o, r)| {
                    let od = &docs[*o];
                    let sentence = od
                        .sentences
                        .iter()
                        .find(|s| s.range.start <= r.start && r.end <= s.range.end)
                        .map_or_else(
                            || od.text[r.clone()].to_string(),
                            |s| od.sentence_text(s).to_string(),
                        );
                    Related {
                        document: *o,
                        span: od.span(r.clone()),
                        text: sentence,
                    }
                })
                .collect();
            sink.push(Finding {
                rule: RuleId::NumberMismatch,
                severity: Severity::Warning,
                document: doc,
                span: d.span(start..end),
                found: found.clone(),
                suggestion: majority.then(|| others[0].clone()),
                score: None,
                message: if tally.disagree.len() == 1 {
                    format!(
                        "\u{201c}{found}\u{201d} here, \u{201c}{}\u{201d} in the aligned sentence of {}",
                        others[0],
                        docs[tally.disagree[0].0].name
                    )
                } else {
                    format!(
                        "\u{201c}{found}\u{201d} here, but {} aligned articles say otherwise (\u{201c}{}\u{201d} in {})",
                        tally.disagree.len(),
                        others[0],
                        docs[tally.disagree[0].0].name
                    )
                },
                related,
            });
        }
    }
}

/// Number tokens of `a` and `b` that stand in the same place: pairs of indices into `a` and
/// `b`. Equal numbers are returned too (they count as agreement).
fn compare_numbers(a: &[Token], b: &[Token], kind: AlignKind) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if kind == AlignKind::NearDuplicate {
        let na: Vec<&str> = a.iter().map(|t| t.norm.as_str()).collect();
        let nb: Vec<&str> = b.iter().map(|t| t.norm.as_str()).collect();
        for op in similar::capture_diff_slices(Algorithm::Myers, &na, &nb) {
            let (tag, ra, rb) = op.as_tag_tuple();
            match tag {
                DiffTag::Equal => {
                    for (x, y) in ra.zip(rb) {
                        if a[x].kind == TokenKind::Number {
                            out.push((x, y));
                        }
                    }
                }
                DiffTag::Replace => {
                    let xs: Vec<usize> = ra.filter(|&x| a[x].kind == TokenKind::Number).collect();
                    let ys: Vec<usize> = rb.filter(|&y| b[y].kind == TokenKind::Number).collect();
                    if xs.len() == 1
                        && ys.len() == 1
                        && unit(&a[xs[0]].norm) == unit(&b[ys[0]].norm)
                    {
                        out.push((xs[0], ys[0]));
                    }
                }
                _ => {}
            }
        }
        return out;
    }
    // Paraphrase: word order differs, so compare money and percentages by unit, one each.
    for u in ["eur", "usd", "gbp", "jpy", "uah", "rub", "pct"] {
        let xs: Vec<usize> = (0..a.len())
            .filter(|&x| a[x].kind == TokenKind::Number && unit(&a[x].norm) == u)
            .collect();
        let ys: Vec<usize> = (0..b.len())
            .filter(|&y| b[y].kind == TokenKind::Number && unit(&b[y].norm) == u)
            .collect();
        if xs.len() == 1 && ys.len() == 1 {
            out.push((xs[0], ys[0]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(a: &str, b: &str, kind: AlignKind) -> Vec<(String, String)> {
        let (ta, tb) = (tokenize(a), tokenize(b));
        compare_numbers(&ta, &tb, kind)
            .into_iter()
            .map(|(x, y)| (ta[x].norm.clone(), tb[y].norm.clone()))
            .collect()
    }

    #[test]
    fn near_duplicates_compare_numbers_in_place() {
        let got = numbers(
            "Allies pledged €20 billion in 2025 to the fund.",
            "Allies pledged €25 billion in 2025 to the fund.",
            AlignKind::NearDuplicate,
        );
        assert_eq!(
            got,
            [
                ("eur:20000000000".to_string(), "eur:25000000000".to_string()),
                ("num:2025".to_string(), "num:2025".to_string())
            ]
        );
    }

    #[test]
    fn formats_are_equal_and_number_words_are_not_numbers() {
        let got = numbers(
            "spending rose 2 percent in the first three months",
            "spending rose 2% in the first quarter",
            AlignKind::NearDuplicate,
        );
        assert_eq!(got, [("pct:2".to_string(), "pct:2".to_string())]);
    }

    #[test]
    fn paraphrases_compare_money_and_percentages_only() {
        let got = numbers(
            "In 2025 allies pledged more than €20 billion in aid.",
            "Allies have pledged more than 20 billion euros in aid in the first quarter of 2024.",
            AlignKind::Paraphrase,
        );
        assert_eq!(
            got,
            [("eur:20000000000".to_string(), "eur:20000000000".to_string())]
        );
    }
}
