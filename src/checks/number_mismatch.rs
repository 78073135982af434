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
    /// What it flags: two copies of one report carry the same sentence (verbatim,
    /// near-duplicate or paraphrased) but one says "€25 billion" where the other says "€20
    /// billion". Only the same quantity about the same subject is compared: in near-duplicates
    /// the figure must be the only word that differs (same unit, same role); in paraphrases
    /// only amounts of money and percentages, one of each unit, with the same word next to
    /// them. Two articles count as copies of one report when their aligned sentences differ in
    /// at most one figure, and they are mostly the same text (80% of one in the other); a
    /// figure in articles that share only their lead is flagged when two or more articles
    /// agree against it. Another day's report or another company's results in the
    /// same template ("Payment is due March 17" / "March 18") are never compared, nor two
    /// sentences that open with the names of two subjects ("Keston Refining Co is being
    /// awarded a 75 mln dlr contract" / "Marlow Oil USA Inc is being awarded a 50.3 mln dlr
    /// contract": two companies' contracts in one notice template). Formats are
    /// normalised first: "€20 billion" = "20 billion euros" = "EUR 20bn", "5 percent" = "5%",
    /// "16-3/4" = 16.75, "9-11" is one range; a rounded figure equals the exact one ("2.15
    /// billion" = "2.145 billion", "140 mln" = "140.4 mln"). Numbers written as words ("the
    /// first three months") are not compared.
    ///
    /// Why it matters: a changed figure in copied or translated coverage is a factual error
    /// that readers cannot spot; one of the versions is wrong.
    ///
    /// Example: "Allies pledged more than €20 billion" (wire) vs "Allies pledged more than
    /// €25 billion" (copy) flags "€25 billion", citing the wire's sentence. When three or more
    /// articles carry the sentence, the figure in the minority is flagged.
    ///
    /// Measured precision: 2 findings, 2 of 2 labelled true: precision 1.00 (95% CI 0.34-1.00); injected-figure recall 0.97 (39 of 40, benches/quality/inject.py). Corpus: Reuters-21578, a seeded 2,500-story development subset (3-11 March 1987), benches/quality/precision.py.
    pub struct NumberMismatch;
    rule: RuleId::NumberMismatch, severity: Severity::Warning;
}

/// Tokens of a run of sentences, with ranges into the document text; fractions and ranges
/// ("16-3/4", "1/2 pct", "9-11") are one token each.
fn run_tokens(doc: &Document, sentences: &Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    for s in &doc.sentences[sentences.clone()] {
        for mut t in merge_ranges(doc.sentence_text(s), tokenize(doc.sentence_text(s))) {
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

fn value(norm: &str) -> Option<f64> {
    norm.split_once(':')?.1.parse().ok()
}

/// Joins number tokens that the tokenizer split at "-" and "/" into a range ("9-11",
/// "1986/87", compared as a whole; the tokenizer joins fractions itself). `text` is the text
/// the tokens' ranges point into.
fn merge_ranges(text: &str, tokens: Vec<Token>) -> Vec<Token> {
    let between = |a: &Token, b: &Token| text.get(a.range.end..b.range.start).unwrap_or(" ");
    let is_num = |t: Option<&Token>| t.is_some_and(|t| t.kind == TokenKind::Number);
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind != TokenKind::Number || !is_num(tokens.get(i + 1)) {
            out.push(t.clone());
            i += 1;
            continue;
        }
        let n1 = &tokens[i + 1];
        let sep1 = between(t, n1);
        if sep1 == "-" || sep1 == "/" || sep1 == "\u{2013}" {
            out.push(Token {
                range: t.range.start..n1.range.end,
                norm: format!("range:{}-{}", t.norm, n1.norm),
                kind: TokenKind::Number,
                capitalized: false,
            });
            i += 2;
            continue;
        }
        out.push(t.clone());
        i += 1;
    }
    out
}

/// The rounding step of a written number: "2.15 billion" is given to 0.01 billion, "140" to 1.
fn rounding_step(written: &str, value: f64) -> f64 {
    let digits: String = written
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let digits = digits.trim_end_matches(['.', ',']);
    let plain: String = digits.chars().filter(|c| *c != ',').collect();
    let decimals = plain.split_once('.').map_or(0, |(_, f)| f.len());
    let mantissa: f64 = plain.parse().unwrap_or(0.0);
    let scale = if mantissa > 0.0 {
        value / mantissa
    } else {
        1.0
    };
    10f64.powi(-(decimals as i32)) * scale
}

/// Whether two figures state the same quantity: equal, or one is the other rounded ("2.15
/// billion" and "2.145 billion", "140 mln" and "140.4 mln").
fn same_figure(a: &Token, a_text: &str, b: &Token, b_text: &str) -> bool {
    if a.norm == b.norm {
        return true;
    }
    if unit(&a.norm) != unit(&b.norm) {
        return false;
    }
    let (Some(va), Some(vb)) = (value(&a.norm), value(&b.norm)) else {
        return false;
    };
    let step = rounding_step(a_text, va).max(rounding_step(b_text, vb));
    (va - vb).abs() <= step / 2.0 * (1.0 + 1e-9)
}

/// A number's place: (document, byte range in its text).
type Place = (usize, Range<usize>);

#[derive(Default)]
struct Tally {
    agree: usize,
    /// (other document, its token range, its number text)
    disagree: Vec<(usize, Range<usize>)>,
    /// Whether a disagreeing article is a copy of the same story (mostly the same text), not
    /// only an article with the same lead.
    copy_disagrees: bool,
}

/// Most figures that may differ between two articles for them to count as copies of one
/// report: a copy with one changed figure is an error, two articles whose aligned sentences
/// differ in several figures are two reports (another day's, another company's, another
/// bond issue's figures in the same template).
const MAX_DIFFERENCES: usize = 1;
/// Share of either article's words in the other for two articles to be copies of one story
/// (a trimmed or lightly edited copy is almost wholly contained in its source). Below it, a
/// changed figure counts only in the leads: two stories whose first sentences are the same
/// sentence are about the same thing; a template sentence further down ("Payment is due
/// March 17", "holders of record March 31") is shared by many different stories.
const MIN_CONTAINMENT: f64 = 0.8;

/// Words of a company's or a body's name that name no one in particular. Sorted.
const GENERIC_NAME_WORDS: &[&str] = &[
    "co",
    "company",
    "corp",
    "corporation",
    "group",
    "inc",
    "incorporated",
    "llc",
    "ltd",
    "plc",
];

/// The name a run of sentences opens with ("The Island Sun Oil Co is …"): its capitalised
/// words after an article, lower case, without function words and generic company words; and
/// how many capitalised words it has. Nothing for a run in capitals (a headline), whose
/// capitals name nothing.
fn opening_name<'t>(text: &str, tokens: &'t [Token]) -> (Vec<&'t str>, usize) {
    let start = usize::from(
        tokens
            .first()
            .is_some_and(|t| matches!(t.norm.as_str(), "the" | "a" | "an")),
    );
    let run: Vec<&Token> = tokens[start.min(tokens.len())..]
        .iter()
        .take_while(|t| t.kind == TokenKind::Word && t.capitalized)
        .collect();
    let in_capitals = run.iter().all(|t| {
        text.get(t.range.clone())
            .is_some_and(|w| !w.chars().any(char::is_lowercase))
    });
    if in_capitals {
        return (Vec::new(), 0);
    }
    let words = run
        .iter()
        .map(|t| t.norm.as_str())
        .filter(|w| {
            !crate::index::is_function_word(w) && GENERIC_NAME_WORDS.binary_search(w).is_err()
        })
        .collect();
    (words, run.len())
}

/// Whether two aligned runs open with the names of two subjects: names of two capitalised
/// words or more with no word in common ("Keston Refining Co is being awarded a 75 mln dlr
/// contract", "Marlow Oil USA Inc is being awarded a 50.3 mln dlr contract"). Two notices of
/// one template are then about two companies, and their figures are not one figure told
/// twice.
fn other_subjects(text_a: &str, a: &[Token], text_b: &str, b: &[Token]) -> bool {
    let (name_a, capitals_a) = opening_name(text_a, a);
    let (name_b, capitals_b) = opening_name(text_b, b);
    capitals_a >= 2
        && capitals_b >= 2
        && !name_a.is_empty()
        && !name_b.is_empty()
        && !name_a.iter().any(|w| name_b.contains(w))
}

/// The index of an article's lead: its first body sentence.
fn lead(doc: &Document) -> Option<usize> {
    doc.sentences
        .iter()
        .position(|s| s.kind == crate::model::SentenceKind::Body)
}

/// Compared figures of one pair of articles: (place in a, place in b, agree).
fn compare_pair(
    docs: &[Document],
    pair: &crate::analysis::PairReport,
) -> (Vec<(Place, Place, bool)>, bool) {
    let mut out = Vec::new();
    let mut differences_outside_leads = 0;
    let (lead_a, lead_b) = (lead(&docs[pair.a]), lead(&docs[pair.b]));
    for al in &pair.alignments {
        if !has_digit(&docs[pair.a], &al.a) || !has_digit(&docs[pair.b], &al.b) {
            continue;
        }
        let in_leads = lead_a.is_some_and(|l| al.a.contains(&l))
            && lead_b.is_some_and(|l| al.b.contains(&l))
            && al.kind != AlignKind::Paraphrase;
        let ta = run_tokens(&docs[pair.a], &al.a);
        let tb = run_tokens(&docs[pair.b], &al.b);
        if other_subjects(&docs[pair.a].text, &ta, &docs[pair.b].text, &tb) {
            continue;
        }
        let kind = if al.kind == AlignKind::Verbatim {
            AlignKind::NearDuplicate
        } else {
            al.kind
        };
        for (x, y) in compare_numbers(&ta, &tb, kind) {
            let (x, y) = (&ta[x], &tb[y]);
            let agree = same_figure(
                x,
                &docs[pair.a].text[x.range.clone()],
                y,
                &docs[pair.b].text[y.range.clone()],
            );
            if !agree && !in_leads {
                differences_outside_leads += 1;
            }
            out.push(((pair.a, x.range.clone()), (pair.b, y.range.clone()), agree));
        }
    }
    let differences = out.iter().filter(|c| !c.2).count();
    let agreements = out.len() - differences;
    let containment = pair.containment_a_in_b.max(pair.containment_b_in_a);
    let one_report = differences <= MAX_DIFFERENCES
        && differences <= agreements + 1
        && (containment >= MIN_CONTAINMENT || differences_outside_leads == 0);
    let copies = containment >= MIN_CONTAINMENT;
    if !one_report {
        // Another report: none of its figures is evidence about this one's.
        out.clear();
    }
    (out, copies)
}

impl NumberMismatch {
    fn check(&self, ctx: &Context<'_>, sink: &mut Vec<Finding>) {
        let docs = ctx.documents;
        // Per pair in parallel: (document, number span) agrees or disagrees with (other, span).
        let events: Vec<(Place, Option<Place>, bool)> = ctx
            .corpus
            .pairs
            .par_iter()
            .flat_map_iter(|pair| {
                let mut out = Vec::new();
                let (compared, copies) = compare_pair(docs, pair);
                for (x, y, agree) in compared {
                    if agree {
                        out.push((x, None, copies));
                        out.push((y, None, copies));
                    } else {
                        out.push((x.clone(), Some(y.clone()), copies));
                        out.push((y, Some(x), copies));
                    }
                }
                out
            })
            .collect();
        let mut tallies: BTreeMap<(usize, usize, usize), Tally> = BTreeMap::new();
        for ((doc, range), other, copies) in events {
            let tally = tallies.entry((doc, range.start, range.end)).or_default();
            match other {
                None => tally.agree += 1,
                Some(o) => {
                    tally.disagree.push(o);
                    tally.copy_disagrees |= copies;
                }
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
            // Two articles with the same lead but otherwise different text may be two reports
            // (an early and a revised forecast, two agencies' weekly figures): flagged only
            // when several articles agree against this one.
            if !tally.copy_disagrees && !majority {
                continue;
            }
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
                // Only the figure itself replaced: the words around it (its unit and role) are
                // the same in both sentences.
                DiffTag::Replace if ra.len() == 1 && rb.len() == 1 => {
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
        if xs.len() == 1 && ys.len() == 1 && same_role(a, xs[0], b, ys[0]) {
            out.push((xs[0], ys[0]));
        }
    }
    out
}

/// Whether two figures of paraphrased sentences play the same role: the nearest content word
/// just before or just after each is the same ("fell 5 pct" / "fell by 5 pct to"). Function
/// words are passed over: "800 mln dlrs in lost revenues" and "950 mln dlrs in damages" share
/// only "in".
fn same_role(a: &[Token], x: usize, b: &[Token], y: usize) -> bool {
    let same = |p: Option<&str>, q: Option<&str>| p.is_some() && p == q;
    same(content_before(a, x), content_before(b, y))
        || same(content_after(a, x), content_after(b, y))
}

fn is_content(t: &Token) -> bool {
    t.kind == TokenKind::Word && !crate::index::is_function_word(&t.norm)
}

/// The nearest content word within two tokens before `i`; a figure in between ends the search.
fn content_before(t: &[Token], i: usize) -> Option<&str> {
    t[i.saturating_sub(2)..i]
        .iter()
        .rev()
        .take_while(|t| t.kind == TokenKind::Word)
        .find(|t| is_content(t))
        .map(|t| t.norm.as_str())
}

/// The nearest content word within two tokens after `i`.
fn content_after(t: &[Token], i: usize) -> Option<&str> {
    t.get(i + 1..(i + 3).min(t.len()))
        .unwrap_or(&[])
        .iter()
        .take_while(|t| t.kind == TokenKind::Word)
        .find(|t| is_content(t))
        .map(|t| t.norm.as_str())
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
    fn paraphrased_amounts_with_different_roles_are_not_compared() {
        // Lost revenue and total damage: the same unit, different quantities.
        let got = numbers(
            "The storm will cost the region close to 800 mln dlrs in lost tourism revenues",
            "The storm caused at least 950 mln dlrs in damages to the region",
            AlignKind::Paraphrase,
        );
        assert!(got.is_empty(), "{got:?}");
        // The same role with a function word between: compared.
        let got = numbers(
            "Exports rose by 5 pct in March",
            "In March, exports rose 6 pct",
            AlignKind::Paraphrase,
        );
        assert_eq!(got, [("pct:5".to_string(), "pct:6".to_string())]);
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

    #[test]
    fn sentences_opening_with_the_names_of_two_subjects_are_not_compared() {
        assert!(GENERIC_NAME_WORDS.windows(2).all(|w| w[0] < w[1]));
        let toks = |t: &str| tokenize(t);
        let other = |a: &str, b: &str| other_subjects(a, &toks(a), b, &toks(b));
        assert!(other(
            "Keston Refining Co of Abilene is being awarded a 75 mln dlr contract.",
            "Marlow Oil USA Inc, a unit of Marlow Corp, is being awarded a 50.3 mln dlr contract."
        ));
        assert!(other(
            "The Island Sun Oil Co is being awarded a 42.4 mln dlr contract.",
            "Keston Refining Co of Abilene is being awarded a 75 mln dlr contract."
        ));
        // One subject named alike, or a name and a common noun, or a one-word opening:
        // compared as before.
        assert!(!other(
            "NATO Secretary General Jane Smith said allies pledged 20 billion euros.",
            "Secretary General Jane Smith said allies pledged 25 billion euros."
        ));
        assert!(!other(
            "Keston Refining Co is being awarded a 75 mln dlr contract.",
            "The company is being awarded a 57 mln dlr contract."
        ));
        assert!(!other(
            "Allies pledged 20 billion euros, NATO said.",
            "Ministers pledged 25 billion euros, NATO said."
        ));
        // A headline in capitals names nothing by its capitals.
        assert!(!other(
            "KESTON REFINING GETS 75 MLN DLR CONTRACT",
            "MARLOW OIL GETS 50.3 MLN DLR CONTRACT"
        ));
    }
}
