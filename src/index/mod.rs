//! Per-document signatures and candidate generation. No all-pairs work: candidate article
//! pairs come from a sorted table of informative word shingles.
//!
//! A shingle is five consecutive word tokens within one sentence. Only *informative* shingles
//! count: those with a number or a lowercase content word. A shingle made of names, titles and
//! function words ("Secretary General Mark Smith said") says who is involved, not which event,
//! and would join "same people, different event" articles.

use rayon::prelude::*;

pub mod background;
pub mod outlet_text;
pub mod terms;

use crate::model::Document;
use crate::text::features::SentenceFeatures;

pub const SHINGLE_WORDS: usize = 5;

/// Posting lists longer than this contribute consecutive pairs only (a chain), so a phrase
/// shared by thousands of articles costs linear time; a syndicated group stays connected.
pub const ALL_PAIRS_POSTING_LIMIT: usize = 16;

/// Function words and reporting verbs that carry no event information.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "during", "each", "for", "from", "had", "has", "have", "he", "her", "here",
    "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "may", "me",
    "might", "more", "most", "must", "my", "no", "nor", "not", "now", "of", "on", "once", "one",
    "only", "or", "other", "our", "out", "over", "said", "say", "says", "shall", "she", "should",
    "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "told", "too", "under", "until", "up", "us", "very", "was",
    "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your",
];

static FUNCTION_WORD_SET: std::sync::LazyLock<crate::text::wordset::WordSet> =
    std::sync::LazyLock::new(|| crate::text::wordset::WordSet::new(FUNCTION_WORDS));

pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORD_SET.contains(word)
}

pub use crate::text::features::hash_str;

/// A document's informative shingles: (hash, position of the first word in the document's
/// token stream), sorted by hash, one entry per distinct hash (its first position).
#[derive(Debug, Clone, Default)]
pub struct Signature {
    pub shingles: Vec<(u64, u32)>,
}

/// Mixes token hashes into a shingle hash (order-sensitive).
fn mix(h: u64, token: u64) -> u64 {
    (h ^ token)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .rotate_left(29)
}

pub fn signature<'a>(sentences: impl IntoIterator<Item = &'a SentenceFeatures>) -> Signature {
    let mut shingles = Vec::new();
    let mut position = 0u32;
    for s in sentences {
        let n = s.norms.len();
        if n >= SHINGLE_WORDS {
            for i in 0..=n - SHINGLE_WORDS {
                if s.informative[i..i + SHINGLE_WORDS].iter().any(|&x| x) {
                    let h = s.norms[i..i + SHINGLE_WORDS]
                        .iter()
                        .fold(0, |h, &t| mix(h, t));
                    shingles.push((h, position + i as u32));
                }
            }
        }
        // A gap keeps shingles of consecutive sentences from forming one passage.
        position += n as u32 + SHINGLE_WORDS as u32;
    }
    shingles.sort_unstable();
    shingles.dedup_by_key(|(h, _)| *h);
    Signature { shingles }
}

/// The signatures of an input's articles, from the sentences that tell about the event (not
/// sign-offs, credits or a press release's closing boilerplate: two releases of one company
/// share those whatever they announce; nor the outlet's own text, `outlet`, see
/// [`outlet_text`]).
pub fn signatures(
    documents: &[Document],
    features: &[Vec<SentenceFeatures>],
    outlet: &[Vec<bool>],
) -> Vec<Signature> {
    documents
        .par_iter()
        .zip(features)
        .zip(outlet)
        .map(|((d, f), outlet)| {
            signature(
                d.sentences
                    .iter()
                    .zip(f)
                    .zip(outlet)
                    .filter(|((s, _), &o)| s.kind.is_event_evidence() && !o)
                    .map(|((_, f), _)| f),
            )
        })
        .collect()
}

/// Candidate article pairs `(a, b)` with `a < b`, sorted: documents that share at least one
/// informative shingle.
pub fn candidate_pairs(signatures: &[Signature]) -> Vec<(u32, u32)> {
    // One u64 per posting: the shingle hash's high bits with the document number in the low
    // bits. Half the memory of (hash, doc) pairs and a faster sort; a rare collision of the
    // truncated hashes only adds a candidate, which the exact comparison then rejects.
    let doc_bits = usize::BITS - signatures.len().max(2).leading_zeros();
    let doc_mask = (1u64 << doc_bits) - 1;
    let mut table: Vec<u64> = signatures
        .par_iter()
        .enumerate()
        .flat_map_iter(|(doc, sig)| {
            sig.shingles
                .iter()
                .map(move |(h, _)| (h & !doc_mask) | doc as u64)
        })
        .collect();
    table.par_sort_unstable();
    let groups: Vec<&[u64]> = table
        .chunk_by(|a, b| a & !doc_mask == b & !doc_mask)
        .filter(|g| g.len() > 1)
        .collect();
    let mut pairs: Vec<(u32, u32)> = groups
        .par_iter()
        .flat_map_iter(|group| {
            let mut docs: Vec<u32> = group.iter().map(|p| (p & doc_mask) as u32).collect();
            docs.dedup();
            let mut out = Vec::new();
            if docs.len() <= ALL_PAIRS_POSTING_LIMIT {
                for i in 0..docs.len() {
                    for j in i + 1..docs.len() {
                        out.push((docs[i], docs[j]));
                    }
                }
            } else {
                out.extend(docs.windows(2).map(|w| (w[0], w[1])));
            }
            out
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// What two documents share: passages are runs of consecutive shared shingles in `a`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SharedEvidence {
    pub shingles: usize,
    pub passages: usize,
    /// Words in the longest shared passage.
    pub longest_passage_words: usize,
}

/// How many shingles two documents share ([`SharedEvidence::shingles`] alone, without the
/// passages: cheaper, for the many candidate pairs that need only the count).
pub fn shared_shingles(a: &Signature, b: &Signature) -> usize {
    let mut shared = 0;
    for_each_shared_shingle(a, b, |_| shared += 1);
    shared
}

/// Calls `f` with the position in `a` of every shingle the two share (both are sorted by
/// hash).
fn for_each_shared_shingle(a: &Signature, b: &Signature, mut f: impl FnMut(u32)) {
    let (mut i, mut j) = (0, 0);
    while i < a.shingles.len() && j < b.shingles.len() {
        match a.shingles[i].0.cmp(&b.shingles[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(a.shingles[i].1);
                i += 1;
                j += 1;
            }
        }
    }
}

pub fn shared_evidence(a: &Signature, b: &Signature) -> SharedEvidence {
    let mut positions = Vec::new();
    for_each_shared_shingle(a, b, |p| positions.push(p));
    positions.sort_unstable();
    let mut evidence = SharedEvidence {
        shingles: positions.len(),
        ..Default::default()
    };
    let mut run_start = 0;
    for k in 0..positions.len() {
        if k == 0 || positions[k] > positions[k - 1] + 1 {
            evidence.passages += 1;
            run_start = k;
        }
        let words = (positions[k] - positions[run_start]) as usize + SHINGLE_WORDS;
        evidence.longest_passage_words = evidence.longest_passage_words.max(words);
    }
    evidence
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Origin};

    fn doc(text: &str) -> Vec<SentenceFeatures> {
        let mut d = Document::new("t", text.to_string(), Origin::Identity);
        crate::text::segment_document(&mut d);
        crate::text::features::document_features(&d)
    }

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn names_and_titles_alone_make_no_shingle() {
        let sig = signature(&doc("Secretary General Mark Smith said that."));
        assert!(sig.shingles.is_empty());
        let sig = signature(&doc("Secretary General Mark Smith welcomed the deal."));
        assert!(!sig.shingles.is_empty());
    }

    #[test]
    fn shared_passages_are_counted_as_runs() {
        let a = signature(&doc("Ministers pledged more than €20 billion in security assistance this year.\n\nThe summit will take place in the spring in a northern city."));
        let b = signature(&doc("Allies pledged more than 20 billion euros in security assistance, officials said.\n\nNothing else is shared with the other story at all."));
        let e = shared_evidence(&a, &b);
        assert_eq!(e.passages, 1);
        // "pledged more than eur:20bn in security assistance" = 7 tokens.
        assert_eq!(e.longest_passage_words, 7);
        assert_eq!(e.shingles, 3);
    }

    #[test]
    fn big_posting_lists_become_chains() {
        let sig = Signature {
            shingles: vec![(42, 0)],
        };
        let sigs = vec![sig; 40];
        let pairs = candidate_pairs(&sigs);
        assert_eq!(pairs.len(), 39);
        assert!(pairs.iter().all(|(a, b)| b - a == 1));
        let small = vec![
            Signature {
                shingles: vec![(7, 0)]
            };
            4
        ];
        assert_eq!(candidate_pairs(&small).len(), 6);
    }
}
