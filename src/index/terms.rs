//! Content similarity between articles: IDF-weighted term vectors and a sparse similarity
//! graph built from an inverted index of each article's most telling terms (no all-pairs
//! work; over-long posting lists are skipped, so a hub term costs nothing).
//!
//! Terms are content words (function words dropped), names and numbers, counted once per
//! sentence (a repeated caption does not count twice); terms of a headline line count double,
//! of a separate title field (when the text has no headline) once, less the names the text
//! gives. Document
//! frequencies come from the corpus itself; a term carried by a large share of a sizeable
//! corpus is dropped as boilerplate.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::model::{Document, SentenceKind};
use crate::text::features::SentenceFeatures;

/// Maps keyed by term hashes: a fast fixed-seed hasher (the keys are hashes already, and
/// SipHash was a visible share of the graph's time).
type TermMap<V> = HashMap<u64, V, foldhash::fast::FixedState>;

/// Terms of each article that go into the inverted index (its highest-weighted ones).
pub const INDEX_TERMS: usize = 32;
/// Posting lists longer than this are skipped when generating candidates: a term among the
/// strongest of more articles is a template's or a topic's ("offering", "dividend"), and
/// proposes neighbours that share the template, not the event (it still counts in the exact
/// similarity). The work per article is bounded by it; 200 let that work grow with the corpus
/// up to 200,000 articles and proposed more template neighbours.
pub const POSTING_CAP: usize = 100;
/// Candidate neighbours kept per article (the strongest).
pub const MAX_NEIGHBOURS: usize = 40;
/// Candidates per article scored exactly: the best by their partial (indexed-term) score.
pub const EXACT_CANDIDATES: usize = 100;
/// A term in more than this share of a corpus of at least [`COMMON_MIN_DOCS`] articles is
/// dropped ("said", "year", a wire's sign-off).
pub const COMMON_SHARE: f64 = 0.2;
/// Common terms are dropped only from this many articles on, where a fifth is 100 articles
/// or more: wider than the coverage of all but the largest events. In a smaller input, a
/// term in a fifth of it is as likely the words of its main event ("ferry", "capsized" in 40
/// of 120 articles) as a generic word, and IDF already weighs it down; dropping it split
/// that event into groups by their details.
pub const COMMON_MIN_DOCS: usize = 500;

/// Articles sampled for document frequencies that only tell a common word from a rare one
/// (see [`Idf::sampled`]).
pub const DF_SAMPLE: usize = 20_000;

/// A headline's terms count this many times a body sentence's.
const HEADLINE_WEIGHT: f32 = 2.0;

/// Raw term counts of an article: (term hash, count), sorted by hash; the sentences marked in
/// `outlet` (the outlet's own text, see [`super::outlet_text`]) left out.
pub fn term_counts(
    doc: &Document,
    features: &[SentenceFeatures],
    outlet: &[bool],
) -> Vec<(u64, f32)> {
    let mut counts: TermMap<f32> = TermMap::default();
    // A title given apart from the text (a JSON Lines or feed field, an HTML <title>) stands
    // in for a headline the text lacks, counted once, not double (see `title_terms`).
    if !doc
        .sentences
        .iter()
        .any(|s| s.kind == SentenceKind::Headline)
    {
        if let Some(title) = doc.meta.title.as_deref() {
            for t in title_terms(title, features) {
                *counts.entry(t).or_default() += 1.0;
            }
        }
    }
    for ((s, f), _) in doc
        .sentences
        .iter()
        .zip(features)
        .zip(outlet.iter().chain(std::iter::repeat(&false)))
        .filter(|((s, _), &o)| s.kind.is_event_evidence() && !o)
    {
        let w = if s.kind == SentenceKind::Headline {
            HEADLINE_WEIGHT
        } else {
            1.0
        };
        for &t in &f.content {
            *counts.entry(t).or_default() += w;
        }
    }
    let mut v: Vec<(u64, f32)> = counts.into_iter().collect();
    v.sort_unstable_by_key(|&(t, _)| t);
    v
}

/// The terms a title adds to its text: its names joined one company's or one official's
/// different stories, so the names the text gives are left out (they are counted from the
/// text already), and so is a stock symbol. What remains is what happened ("sets quarterly
/// dividend"), or the subject only the title names (a market's city).
fn title_terms(title: &str, features: &[SentenceFeatures]) -> Vec<u64> {
    // Capitalised past a sentence's first word; a first word only when the text never
    // writes it in lower case ("Brackley Mills said", not "Hog prices rose").
    let mut lower: Vec<u64> = features
        .iter()
        .flat_map(|f| {
            (0..f.norms.len())
                .filter(|&i| f.informative[i])
                .map(|i| f.norms[i])
        })
        .collect();
    lower.sort_unstable();
    lower.dedup();
    let mut names: Vec<u64> = features
        .iter()
        .flat_map(|f| {
            (0..f.norms.len())
                .filter(|&i| !f.informative[i])
                .map(|i| (i, f.norms[i]))
        })
        .filter(|&(i, t)| i > 0 || lower.binary_search(&t).is_err())
        .map(|(_, t)| t)
        .collect();
    names.sort_unstable();
    names.dedup();
    let title = crate::text::STOCK_SYMBOL.replace_all(title, " ");
    crate::text::features::features(&crate::text::tokens::tokenize(&title))
        .content
        .into_iter()
        .filter(|t| names.binary_search(t).is_err())
        .collect()
}

/// A unit-length TF-IDF vector, sorted by term hash.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermVector {
    pub terms: Vec<(u64, f32)>,
}

/// Inverse document frequencies of a corpus of `counts.len()` articles.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    n: usize,
    df: TermMap<u32>,
    /// Articles of text at large the frequencies are pooled with (see
    /// [`Idf::with_background`]); 0 for the corpus alone.
    background: f64,
}

impl Idf {
    pub fn new(counts: &[Vec<(u64, f32)>]) -> Self {
        let mut df: TermMap<u32> = TermMap::default();
        for c in counts {
            for &(t, _) in c {
                *df.entry(t).or_default() += 1;
            }
        }
        Idf {
            n: counts.len(),
            df,
            background: 0.0,
        }
    }

    /// Frequencies pooled with `articles` articles of text at large, in which each word is
    /// as common as it is in general use (see [`super::background`]).
    pub fn with_background(mut self, articles: f64) -> Self {
        self.background = articles;
        self
    }

    /// Document frequencies over an even sample of at most [`DF_SAMPLE`] of `n` articles,
    /// `terms_of(article)` giving each one's distinct terms: enough to tell a common term from
    /// a rare one, and a large input then costs no more than a sample of it.
    pub fn sampled(n: usize, terms_of: impl Fn(usize) -> Vec<u64> + Sync + Send) -> Self {
        let step = n.div_ceil(DF_SAMPLE).max(1);
        let sampled: Vec<usize> = (0..n).step_by(step).collect();
        let mut terms: Vec<u64> = sampled.par_iter().flat_map_iter(|&d| terms_of(d)).collect();
        terms.par_sort_unstable();
        Idf::from_sorted_terms(sampled.len(), &terms)
    }

    /// The number of articles the frequencies count (the sample's, for [`Idf::sampled`]).
    pub fn articles(&self) -> usize {
        self.n
    }

    /// From the sorted, distinct terms of each of `n` articles.
    pub fn from_sorted_terms(n: usize, terms: &[u64]) -> Self {
        let mut df: TermMap<u32> = TermMap::default();
        for run in terms.chunk_by(|a, b| a == b) {
            df.insert(run[0], run.len() as u32);
        }
        Idf {
            n,
            df,
            background: 0.0,
        }
    }

    pub fn df(&self, term: u64) -> usize {
        self.df.get(&term).copied().unwrap_or(0) as usize
    }

    /// Smoothed IDF; `None` for a term too common to tell events apart.
    pub fn weight(&self, term: u64) -> Option<f32> {
        let df = self.df(term);
        if self.n >= COMMON_MIN_DOCS && df as f64 > COMMON_SHARE * self.n as f64 {
            return None;
        }
        // The input's counts pooled with those expected of `background` articles of text at
        // large: in a few articles of one story, the story's own words are in all of them and
        // would weigh no more than "said". With no background this is the smoothed IDF, and
        // it moves smoothly as the background grows.
        let expected = if self.background > 0.0 {
            self.background * f64::from(super::background::article_share(term))
        } else {
            0.0
        };
        let articles = (self.n + 1) as f64 + self.background;
        Some(((articles / (df as f64 + 1.0 + expected)).ln() + 1.0) as f32)
    }

    pub fn vector(&self, counts: &[(u64, f32)]) -> TermVector {
        let mut terms: Vec<(u64, f32)> = counts
            .iter()
            .filter_map(|&(t, c)| self.weight(t).map(|w| (t, (1.0 + c.ln()) * w)))
            .collect();
        let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut terms {
                *w /= norm;
            }
        }
        TermVector { terms }
    }
}

/// Calls `f` with the weight in each vector of every term the two share, in term order.
fn for_each_shared(a: &TermVector, b: &TermVector, mut f: impl FnMut(u64, f32, f32)) {
    let (mut i, mut j) = (0, 0);
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].0.cmp(&b.terms[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(a.terms[i].0, a.terms[i].1, b.terms[j].1);
                i += 1;
                j += 1;
            }
        }
    }
}

/// What two unit vectors share: their cosine, how many terms, and the share of the cosine
/// that the strongest shared term makes up (0 when they share none).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Overlap {
    pub cosine: f32,
    pub shared_terms: u32,
    pub top_term_share: f32,
}

/// Accumulates an [`Overlap`] one shared term's product at a time, in term order, so that
/// every way of finding the shared terms gives the same figures.
#[derive(Default)]
struct OverlapSum {
    dot: f32,
    shared: u32,
    top: f32,
}

impl OverlapSum {
    fn add(&mut self, product: f32) {
        self.dot += product;
        self.shared += 1;
        self.top = self.top.max(product);
    }

    fn finish(self) -> Overlap {
        Overlap {
            cosine: self.dot,
            shared_terms: self.shared,
            top_term_share: if self.dot > 0.0 {
                self.top / self.dot
            } else {
                0.0
            },
        }
    }
}

/// The [`Overlap`] of two unit vectors.
pub fn overlap(a: &TermVector, b: &TermVector) -> Overlap {
    let mut sum = OverlapSum::default();
    for_each_shared(a, b, |_, x, y| sum.add(x * y));
    sum.finish()
}

/// Terms two vectors share, strongest contribution first: (term, contribution).
pub fn shared_terms(a: &TermVector, b: &TermVector) -> Vec<(u64, f32)> {
    let mut out = Vec::new();
    for_each_shared(a, b, |t, x, y| out.push((t, x * y)));
    out.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    out
}

/// Every vector's terms as dense ids (`0..count`), in the vector's own (hash) order.
fn dense_term_ids(vectors: &[TermVector]) -> (usize, Vec<Vec<(u32, f32)>>) {
    let mut ids: TermMap<u32> = TermMap::default();
    let dense = vectors
        .iter()
        .map(|v| {
            v.terms
                .iter()
                .map(|&(t, w)| {
                    let next = ids.len() as u32;
                    (*ids.entry(t).or_insert(next), w)
                })
                .collect()
        })
        .collect();
    (ids.len(), dense)
}

/// Candidate pairs `(a, b)`, `a < b`, sorted, with their [`Overlap`], whose cosine is at
/// least `min_similarity`: articles that share one of their [`INDEX_TERMS`] strongest terms (posting
/// lists longer than [`POSTING_CAP`] skipped), each keeping its [`MAX_NEIGHBOURS`] strongest.
///
/// The work per article is bounded, so the stage grows linearly with the corpus: the postings
/// give each candidate a partial dot product (over the terms it indexes), and only the
/// [`EXACT_CANDIDATES`] best of those are scored exactly.
pub fn similar_pairs(vectors: &[TermVector], min_similarity: f32) -> Vec<(u32, u32, Overlap)> {
    let n = vectors.len();
    // Terms as dense ids (`0..ids`): posting lists and scratch rows are then plain arrays.
    let (ids, dense) = dense_term_ids(vectors);
    let mut postings: Vec<(u32, u32, f32)> = vectors
        .par_iter()
        .zip(dense.par_iter())
        .enumerate()
        .flat_map_iter(|(d, (v, term_ids))| {
            // Strongest first, ties by term hash: independent of the ids' numbering.
            let mut top: Vec<(u64, u32, f32)> = v
                .terms
                .iter()
                .zip(term_ids)
                .map(|(&(t, w), &(id, _))| (t, id, w))
                .collect();
            top.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)));
            top.truncate(INDEX_TERMS);
            top.into_iter().map(move |(_, id, w)| (id, d as u32, w))
        })
        .collect();
    postings.par_sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    // Each term's posting list as a range of `postings`; empty when it holds one article or
    // more than the cap.
    let mut lists: Vec<(u32, u32)> = vec![(0, 0); ids];
    let mut start = 0usize;
    for g in postings.chunk_by(|a, b| a.0 == b.0) {
        if g.len() > 1 && g.len() <= POSTING_CAP {
            lists[g[0].0 as usize] = (start as u32, (start + g.len()) as u32);
        }
        start += g.len();
    }
    // An article's weights are spread over a dense scratch row once; a candidate's exact
    // overlap is then one pass over its own terms, in the same (hash) order as `overlap`, so
    // the figures are identical.
    // Scratch rows (one slot per term, one per article) are allocated once per rayon job,
    // not per article or per fixed chunk: zeroing them per chunk grew with the corpus
    // squared.
    let neighbours: Vec<Vec<(u32, Overlap)>> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0.0f32; ids], vec![0.0f32; n], Vec::<u32>::new()),
            |(scratch, partial, touched), d| {
                for &(id, w) in &dense[d] {
                    let (from, to) = lists[id as usize];
                    for &(_, o, w_o) in &postings[from as usize..to as usize] {
                        if o as usize == d {
                            continue;
                        }
                        if partial[o as usize] == 0.0 {
                            touched.push(o);
                        }
                        partial[o as usize] += w * w_o;
                    }
                }
                let mut cands: Vec<(u32, f32)> =
                    touched.iter().map(|&o| (o, partial[o as usize])).collect();
                for &o in touched.iter() {
                    partial[o as usize] = 0.0;
                }
                touched.clear();
                if cands.len() > EXACT_CANDIDATES {
                    cands.select_nth_unstable_by(EXACT_CANDIDATES - 1, |x, y| {
                        y.1.total_cmp(&x.1).then(x.0.cmp(&y.0))
                    });
                    cands.truncate(EXACT_CANDIDATES);
                }
                for &(id, w) in &dense[d] {
                    scratch[id as usize] = w;
                }
                let mut scored: Vec<(u32, Overlap)> = cands
                    .into_iter()
                    .map(|(o, _)| {
                        let mut sum = OverlapSum::default();
                        for &(id, w) in &dense[o as usize] {
                            // Weights are positive: zero marks a term `d` lacks.
                            let own = scratch[id as usize];
                            if own != 0.0 {
                                sum.add(own * w);
                            }
                        }
                        (o, sum.finish())
                    })
                    .filter(|(_, s)| s.cosine >= min_similarity)
                    .collect();
                for &(id, _) in &dense[d] {
                    scratch[id as usize] = 0.0;
                }
                scored.sort_by(|x, y| y.1.cosine.total_cmp(&x.1.cosine).then(x.0.cmp(&y.0)));
                scored.truncate(MAX_NEIGHBOURS);
                // Keep only the neighbours' room: one list per article lives to the end.
                scored.shrink_to_fit();
                scored
            },
        )
        .collect();
    let mut pairs: Vec<(u32, u32, Overlap)> = neighbours
        .into_iter()
        .enumerate()
        .flat_map(|(d, list)| {
            let d = d as u32;
            list.into_iter().map(move |(o, s)| (d.min(o), d.max(o), s))
        })
        .collect();
    pairs.sort_by_key(|&(a, b, _)| (a, b));
    pairs.dedup_by_key(|&mut (a, b, _)| (a, b));
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(terms: &[(u64, f32)]) -> TermVector {
        let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        TermVector {
            terms: terms.iter().map(|&(t, w)| (t, w / norm)).collect(),
        }
    }

    #[test]
    fn the_strongest_shared_term_share_of_the_cosine() {
        let a = TermVector {
            terms: vec![(1, 0.8), (2, 0.6)],
        };
        let b = TermVector {
            terms: vec![(1, 0.6), (2, 0.8)],
        };
        // Contributions 0.48 and 0.48: each half of the cosine.
        let both = overlap(&a, &b);
        assert!((both.top_term_share - 0.5).abs() < 1e-6);
        assert!((both.cosine - 0.96).abs() < 1e-6);
        assert_eq!(both.shared_terms, 2);
        let c = TermVector {
            terms: vec![(1, 1.0)],
        };
        assert!((overlap(&a, &c).top_term_share - 1.0).abs() < 1e-6);
        let none = overlap(
            &a,
            &TermVector {
                terms: vec![(9, 1.0)],
            },
        );
        assert_eq!(none, Overlap::default());
    }

    #[test]
    fn shared_terms_are_counted_once_each() {
        let a = v(&[(1, 1.0), (3, 1.0), (5, 1.0)]);
        let b = v(&[(2, 1.0), (3, 1.0), (5, 2.0), (9, 1.0)]);
        assert_eq!(overlap(&a, &b).shared_terms, 2);
        assert_eq!(overlap(&b, &a).shared_terms, 2);
        assert_eq!(overlap(&a, &v(&[(7, 1.0)])).shared_terms, 0);
    }

    #[test]
    fn a_title_field_counts_what_happened_not_the_names_the_text_gives() {
        let line = r#"{"id": "1", "title": "BRACKLEY MILLS (NYSE: BRKM) SETS QUARTERLY PAYOUT", "text": "Brackley Mills said it set a qtly div of 12 cts vs 12 cts prior.\nPay April 1."}"#;
        let (mut docs, _, _) = crate::ingest::read_bytes(
            "a.jsonl",
            line.as_bytes().to_vec(),
            crate::ingest::Format::JsonLines,
        );
        let doc = docs.remove(0);
        let features = crate::text::features::document_features(&doc);
        let counts: HashMap<u64, f32> = term_counts(&doc, &features, &[]).into_iter().collect();
        let h = crate::text::features::token_hash;
        // Only in the title, and not a name the text gives: counted.
        assert_eq!(counts.get(&h("payout")), Some(&1.0));
        assert_eq!(counts.get(&h("quarterly")), Some(&1.0));
        // The company's name is counted from the text only (a sentence's first word too,
        // never written in lower case); its stock symbol not at all.
        assert_eq!(counts.get(&h("brackley")), Some(&1.0));
        assert_eq!(counts.get(&h("mills")), Some(&1.0));
        assert_eq!(counts.get(&h("brkm")), None);
        assert_eq!(counts.get(&h("nyse")), None);
    }

    #[test]
    fn cosine_of_identical_vectors_is_one_and_disjoint_zero() {
        let a = v(&[(1, 1.0), (2, 2.0)]);
        let b = v(&[(3, 1.0)]);
        assert!((overlap(&a, &a).cosine - 1.0).abs() < 1e-6);
        assert_eq!(overlap(&a, &b).cosine, 0.0);
    }

    #[test]
    fn common_terms_are_dropped_in_a_sizeable_corpus() {
        let mut counts: Vec<Vec<(u64, f32)>> = (0..COMMON_MIN_DOCS as u64)
            .map(|i| vec![(7, 1.0), (1000 + i, 1.0)])
            .collect();
        counts[0].push((5, 1.0));
        let idf = Idf::new(&counts);
        assert_eq!(idf.weight(7), None);
        assert!(idf.weight(5).unwrap() > idf.weight(1000).unwrap() - 1e-6);
        // In a small corpus nothing is dropped: two articles can still be compared.
        let idf = Idf::new(&counts[..2]);
        assert!(idf.weight(7).is_some());
    }

    #[test]
    fn pooled_with_text_at_large_the_words_of_one_storys_coverage_weigh_by_their_rarity() {
        let h = |w: &str| crate::text::features::token_hash(w);
        // Four accounts of one harbor closure: its word in all of them, each with a detail;
        // all of them listed in the table of English words.
        let counts: Vec<Vec<(u64, f32)>> = ["pilots", "cargo", "dock", "ferry"]
            .iter()
            .map(|detail| {
                let mut c = vec![(h("harbor"), 1.0), (h("people"), 1.0), (h(detail), 1.0)];
                c.sort_unstable_by_key(|&(t, _)| t);
                c
            })
            .collect();
        // Alone, the input cannot tell its story's word from a word of every story.
        let own = Idf::new(&counts);
        assert_eq!(own.weight(h("harbor")), own.weight(h("people")));
        let pooled = Idf::new(&counts).with_background(100.0);
        let weight = |idf: &Idf, w: &str| idf.weight(h(w)).unwrap();
        assert!(
            weight(&pooled, "harbor") > weight(&pooled, "people") + 1.0,
            "{} vs {}",
            weight(&pooled, "harbor"),
            weight(&pooled, "people")
        );
        // The story's word weighs nearly as much as a detail one account adds, where alone it
        // weighed half as much.
        let story_to_detail = |idf: &Idf| weight(idf, "harbor") / weight(idf, "pilots");
        assert!(story_to_detail(&own) < 0.55, "{}", story_to_detail(&own));
        assert!(
            story_to_detail(&pooled) > 0.75,
            "{}",
            story_to_detail(&pooled)
        );
        // No background is the input's own weights, and a little moves them a little.
        assert_eq!(
            Idf::new(&counts).with_background(0.0).weight(h("harbor")),
            own.weight(h("harbor"))
        );
        let slight = Idf::new(&counts).with_background(0.01);
        assert!((weight(&slight, "pilots") - weight(&own, "pilots")).abs() < 0.01);
    }

    #[test]
    fn an_event_told_by_a_third_of_a_small_input_keeps_its_words() {
        // 40 of 120 articles tell one event (term 7); the rest are about other things.
        let counts: Vec<Vec<(u64, f32)>> = (0..120u64)
            .map(|i| {
                let own = (1000 + i, 1.0);
                if i < 40 {
                    vec![(7, 1.0), own]
                } else {
                    vec![own]
                }
            })
            .collect();
        let idf = Idf::new(&counts);
        assert!(idf.weight(7).is_some());
        assert!(idf.weight(7).unwrap() < idf.weight(1000).unwrap());
    }

    #[test]
    fn similar_pairs_finds_shared_terms_only() {
        let vs = vec![
            v(&[(1, 1.0), (2, 1.0)]),
            v(&[(1, 1.0), (2, 1.0), (3, 0.2)]),
            v(&[(9, 1.0)]),
        ];
        let pairs = similar_pairs(&vs, 0.1);
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].0, pairs[0].1), (0, 1));
        assert!(pairs[0].2.cosine > 0.9);
        // The index's figures are the pairwise ones, to the bit.
        assert_eq!(pairs[0].2, overlap(&vs[0], &vs[1]));
    }

    #[test]
    fn strong_neighbour_is_found_among_more_candidates_than_are_scored_exactly() {
        // Article 0 shares one weak term with 300 others and two strong terms with article 1.
        let mut vs = vec![
            v(&[(1, 0.1), (5, 0.1), (2, 1.0), (3, 1.0)]),
            v(&[(2, 1.0), (3, 1.0)]),
        ];
        for i in 0..300u64 {
            let shared = if i < 150 { 1 } else { 5 };
            vs.push(v(&[(shared, 1.0), (1000 + i, 1.0)]));
        }
        assert!(vs.len() - 2 > EXACT_CANDIDATES);
        let pairs = similar_pairs(&vs, 0.2);
        let strong = pairs.iter().find(|p| (p.0, p.1) == (0, 1));
        assert!(strong.is_some_and(|p| p.2.cosine > 0.9), "{strong:?}");
    }

    #[test]
    fn hub_terms_make_no_candidates() {
        let vs: Vec<TermVector> = (0..POSTING_CAP as u64 + 5)
            .map(|i| v(&[(1, 1.0), (100 + i, 0.1)]))
            .collect();
        assert!(similar_pairs(&vs, 0.1).is_empty());
    }
}
