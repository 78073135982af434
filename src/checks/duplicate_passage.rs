//! `duplicate-passage`.

use super::Context;
use crate::analysis::align::common_length;
use crate::model::{Finding, Related, RuleId, SentenceKind, Severity};
use crate::text::features::SentenceFeatures;

crate::declare_rule! {
    /// A sentence, paragraph or caption repeated within one article.
    ///
    /// What it flags: a run of sentences that already appeared earlier in the same article,
    /// word for word or nearly (at least 95% of the words in the same order, so a changed
    /// "said Smith" / "Smith said" still counts), and a repeated caption line (a photo's
    /// credit alone, "(Photo: Jane Roe/Agency)", only when it repeats right away: under two
    /// pictures far apart it is how credits are printed). One finding
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
    ///
    /// Measured precision: 2 findings, 2 of 2 labelled true: precision 1.00 (95% CI 0.34-1.00; 7 findings, mostly table rows, before prose-only). Corpus: Reuters-21578, a seeded 2,500-story development subset (3-11 March 1987), benches/quality/precision.py.
    pub struct DuplicatePassage;
    rule: RuleId::DuplicatePassage, severity: Severity::Warning;
}

const MIN_TOKENS: usize = 4;

/// Words of a sentence as hashes of their lowercase letters and digits: all a repeat check
/// needs, without allocating a string per word.
fn word_hashes(text: &str) -> SentenceFeatures {
    let mut norms = Vec::new();
    let mut h: Option<u64> = None;
    // Most sentences are ASCII: bytes need no decoding, and their lowercase is one byte.
    if text.is_ascii() {
        for b in text.bytes() {
            if b.is_ascii_alphanumeric() {
                let x = h.unwrap_or(0xcbf2_9ce4_8422_2325) ^ u64::from(b.to_ascii_lowercase());
                h = Some(x.wrapping_mul(0x0100_0000_01b3));
            } else if let Some(x) = h.take() {
                norms.push(x);
            }
        }
        norms.extend(h);
        return SentenceFeatures {
            norms,
            ..Default::default()
        };
    }
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
    let common = common_length(&a.norms, &b.norms);
    2.0 * common as f64 / (la + lb) as f64 >= NEAR - 0.05 && common + 2 >= la.max(lb)
}

/// Sentences compared word by word with one sentence, at most: the earliest candidates that
/// share its first or last word. Exact and reordered repeats are found through hash maps
/// whatever their number; this bound only limits the near-repeat search, so that 100,000
/// sentences opening with "The" cost linear time, not 10^10 comparisons.
const MAX_NEAR_SCAN: usize = 256;
/// Near-repeat comparisons (a longest common subsequence each) per sentence, at most.
const MAX_NEAR_COMPARISONS: usize = 16;

/// Words at most in a caption line that is only a photo's credit.
const CREDIT_MAX_WORDS: usize = 8;

/// Whether a caption line is only a photo's credit: a few words naming a photographer or an
/// agency ("(Photo: Jane Roe via Keswick Today)", "Jane Roe/Getty Images", "REUTERS").
fn is_photo_credit(line: &str) -> bool {
    let inner = line
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']', '.']);
    if inner.split_whitespace().count() > CREDIT_MAX_WORDS {
        return false;
    }
    let lower = inner.to_lowercase();
    lower.contains('/')
        || [
            "photo",
            "image",
            "getty",
            "reuters",
            "associated press",
            "afp",
            "epa",
            "shutterstock",
            "courtesy",
            "credit",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// For each sentence, the earliest earlier sentence it repeats (see [`same`]), among the
/// sentences long enough and in prose, sharing its first or last word.
fn earliest_repeats(
    doc: &crate::model::Document,
    feats: &[SentenceFeatures],
) -> Vec<Option<usize>> {
    type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
    let n = feats.len();
    let mut repeats: Vec<Option<usize>> = vec![None; n];
    let mut by_key: FastMap<u64, Vec<usize>> = FastMap::default();
    // Earliest sentence with exactly these words, and with these words in any order sharing
    // a first or last word.
    let mut exact: FastMap<u64, Vec<usize>> = FastMap::default();
    let mut reordered: FastMap<(u64, u64), Vec<usize>> = FastMap::default();
    for (j, f) in feats.iter().enumerate() {
        let kind = doc.sentences[j].kind;
        let long_enough =
            f.norms.len() >= MIN_TOKENS || (kind == SentenceKind::Caption && f.norms.len() >= 2);
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
        let mut found: Option<usize> = None;
        let mut better = |i: usize| found = Some(found.map_or(i, |x| x.min(i)));
        // Hash buckets hold few sentences unless they really repeat; the first equal one wins.
        let whole = crate::text::features::hash_words(&f.norms);
        if let Some(&i) = exact
            .get(&whole)
            .and_then(|list| list.iter().find(|&&i| feats[i].norms == f.norms))
        {
            better(i);
        }
        let sorted_hash = (f.norms.len() >= MIN_TOKENS).then(|| {
            let mut sorted = f.norms.clone();
            sorted.sort_unstable();
            (crate::text::features::hash_words(&sorted), sorted)
        });
        if let Some((h, sorted)) = &sorted_hash {
            for key in keys {
                let candidate = reordered.get(&(*h, key)).and_then(|list| {
                    list.iter().copied().find(|&i| {
                        let mut other = feats[i].norms.clone();
                        other.sort_unstable();
                        &other == sorted
                    })
                });
                if let Some(i) = candidate {
                    better(i);
                }
            }
        }
        // Near repeats (a word or two changed) among the earliest candidates.
        let la = f.norms.len();
        if la >= 10 {
            let mut comparisons = 0;
            for key in keys {
                let Some(list) = by_key.get(&key) else {
                    continue;
                };
                for &i in list.iter().take(MAX_NEAR_SCAN) {
                    if found.is_some_and(|x| x <= i) || comparisons == MAX_NEAR_COMPARISONS {
                        break;
                    }
                    let lb = feats[i].norms.len();
                    if lb < 10 || la.abs_diff(lb) * 10 > la.max(lb) {
                        continue;
                    }
                    comparisons += 1;
                    if same(&feats[i], f) {
                        found = Some(found.map_or(i, |x| x.min(i)));
                        break;
                    }
                }
            }
        }
        repeats[j] = found;
        for key in keys {
            let list = by_key.entry(key).or_default();
            if list.len() < MAX_NEAR_SCAN {
                list.push(j);
            }
        }
        let list = exact.entry(whole).or_default();
        if !list.iter().any(|&i| feats[i].norms == f.norms) {
            list.push(j);
        }
        if let Some((h, sorted)) = sorted_hash {
            for key in keys {
                let list = reordered.entry((h, key)).or_default();
                let known = list.iter().any(|&i| {
                    let mut other = feats[i].norms.clone();
                    other.sort_unstable();
                    other == sorted
                });
                if !known {
                    list.push(j);
                }
            }
        }
    }
    repeats
}

impl DuplicatePassage {
    fn check(&self, ctx: &Context<'_>, sink: &mut Vec<Finding>) {
        for (index, doc) in ctx.documents.iter().enumerate() {
            let feats: Vec<SentenceFeatures> = doc
                .sentences
                .iter()
                .map(|s| word_hashes(doc.sentence_text(s)))
                .collect();
            let repeats = earliest_repeats(doc, &feats);
            let n = feats.len();
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
                // A photographer's credit under two pictures ("(Photo: Jane Roe/Agency)"
                // twice, far apart) is how credits are printed, not a repetition; the same
                // credit twice in a row still is.
                if end - j == 1
                    && doc.sentences[j].kind == SentenceKind::Caption
                    && first_original + 1 != j
                    && is_photo_credit(doc.sentence_text(&doc.sentences[j]))
                {
                    j = end;
                    continue;
                }
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

    #[test]
    fn a_credit_line_is_told_from_a_caption() {
        for credit in [
            "(Photo: Keswick Rocket Works via Keswick Today)",
            "Jane Roe/Getty Images",
            "REUTERS",
            "[Photo/Agencies]",
        ] {
            assert!(is_photo_credit(credit), "{credit}");
        }
        for caption in [
            "Fans watch the final seconds of the game in Keswick on Sunday.",
            "The mayor opens the bridge",
        ] {
            assert!(!is_photo_credit(caption), "{caption}");
        }
    }

    fn f(s: &str) -> SentenceFeatures {
        word_hashes(s)
    }

    #[test]
    fn ascii_words_hash_as_on_the_unicode_path() {
        // The accented word sends the second sentence down the character path.
        let ascii = f("The Mayor said 42 Times: 'no'.");
        let unicode = f("The Mayor said 42 Times: 'no'. café");
        assert_eq!(ascii.norms[..], unicode.norms[..ascii.norms.len()]);
        assert_eq!(unicode.norms.len(), ascii.norms.len() + 1);
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

    #[test]
    fn a_repeat_after_thousands_of_sentences_opening_alike_is_found() {
        // Regression (issue 9): every sentence was compared with every earlier one sharing its
        // first word; 100,000 sentences opening with "The" took minutes. Exact repeats now come
        // from a hash map, so one far beyond the near-repeat scan is still found.
        let mut text = String::new();
        for i in 0..2_000 {
            text.push_str(&format!(
                "The council met {i} times to discuss the budget. "
            ));
        }
        text.push_str("The council met 7 times to discuss the budget.\n");
        let mut doc = crate::model::Document::new("a.txt", text, crate::model::Origin::Identity);
        crate::ingest::prepare(&mut doc);
        let feats: Vec<SentenceFeatures> = doc
            .sentences
            .iter()
            .map(|s| word_hashes(doc.sentence_text(s)))
            .collect();
        let repeats = earliest_repeats(&doc, &feats);
        let found: Vec<(usize, usize)> = repeats
            .iter()
            .enumerate()
            .filter_map(|(j, r)| Some((j, (*r)?)))
            .collect();
        assert_eq!(found, [(2_000, 7)]);
    }
}
