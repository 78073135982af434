//! Sentence alignment between two articles: many-to-many, allowing reordering, 1:2 and 2:1
//! splits and merges, and fragments (one outlet copying a clause of another's sentence).
//!
//! Candidates come from an index of content words, never from all sentence pairs. Each
//! candidate is scored on two measures: the order-aware word overlap (longest common
//! subsequence of normalised tokens) and the share of content words in common.

use std::collections::HashMap;
use std::ops::Range;

use similar::{Algorithm, DiffTag};

use crate::text::features::{concat, SentenceFeatures};

/// Maps keyed by token hashes or sentence indices: a fast fixed-seed hasher.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AlignKind {
    Paraphrase,
    NearDuplicate,
    Verbatim,
}

impl AlignKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AlignKind::Verbatim => "verbatim",
            AlignKind::NearDuplicate => "near-duplicate",
            AlignKind::Paraphrase => "paraphrase",
        }
    }
}

/// Aligned sentences: a range of sentence indices in each article (one or two sentences).
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    pub a: Range<usize>,
    pub b: Range<usize>,
    pub score: f64,
    pub kind: AlignKind,
    /// One side is a clause of the other's longer sentence.
    pub fragment: bool,
    /// Tokens of each side in the common subsequence (for containment).
    pub common_tokens: usize,
}

/// Thresholds of the alignment, in one place.
pub struct AlignParams {
    /// Order-aware overlap (Dice of the common subsequence) for a near-duplicate.
    pub near_duplicate: f64,
    /// Share of the shorter sentence inside the longer for a fragment.
    pub fragment_containment: f64,
    /// Shortest fragment, in tokens.
    pub fragment_min_tokens: usize,
    /// Share of content words in common for a paraphrase.
    pub paraphrase_content: f64,
    /// Fewest content words in common for a paraphrase.
    pub paraphrase_min_shared: usize,
    /// A run of this many identical tokens makes a paraphrase on its own.
    pub copied_run_tokens: usize,
}

pub const PARAMS: AlignParams = AlignParams {
    near_duplicate: 0.7,
    fragment_containment: 0.85,
    fragment_min_tokens: 6,
    paraphrase_content: 0.45,
    paraphrase_min_shared: 4,
    copied_run_tokens: 7,
};

/// Length of the longest common subsequence, and the longest run of consecutive equal tokens.
pub fn common_subsequence<T: Eq + std::hash::Hash>(a: &[T], b: &[T]) -> (usize, usize) {
    let ops = similar::capture_diff_slices(Algorithm::Myers, a, b);
    let mut total = 0;
    let mut longest = 0;
    for op in ops {
        let (tag, old, _) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            total += old.len();
            longest = longest.max(old.len());
        }
    }
    (total, longest)
}

/// Length of the longest common subsequence alone, computed bit-parallel over `a`'s positions
/// (Hyyrö's formulation of Allison–Dix) in memory linear in the lengths, a small fraction of
/// a diff's cost. It equals [`common_subsequence`]'s first number wherever that diff is
/// exact, and exceeds it where the diff takes its shortcuts on very different long sequences
/// (an edit distance past a few hundred). Callers that need no run use this.
pub fn common_length(a: &[u64], b: &[u64]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let words = a.len().div_ceil(64);
    // `a`'s positions grouped by token: each distinct token's positions are one run of
    // `order`, from `starts[t]` to `starts[t + 1]`.
    let mut order: Vec<usize> = (0..a.len()).collect();
    order.sort_unstable_by_key(|&i| (a[i], i));
    let mut tokens: Vec<u64> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        if tokens.last() != Some(&a[i]) {
            tokens.push(a[i]);
            starts.push(k);
        }
    }
    starts.push(order.len());
    // One match mask, set for a token of `b` and cleared after: no mask per token kept.
    let mut mask = vec![0u64; words];
    // A zero bit in `v` marks a position of `a` in the common subsequence so far.
    let mut v = vec![u64::MAX; words];
    for token in b {
        let Ok(t) = tokens.binary_search(token) else {
            continue;
        };
        let positions = &order[starts[t]..starts[t + 1]];
        for &i in positions {
            mask[i / 64] |= 1 << (i % 64);
        }
        let mut carry = false;
        for (w, &m) in v.iter_mut().zip(&mask) {
            let u = *w & m;
            let (sum, c1) = w.overflowing_add(u);
            let (sum, c2) = sum.overflowing_add(u64::from(carry));
            carry = c1 || c2;
            *w = sum | (*w & !m);
        }
        for &i in positions {
            mask[i / 64] = 0;
        }
    }
    // Only `a`'s positions count (the bits past its end stay set; this makes sure).
    let tail = a.len() % 64;
    if tail != 0 {
        v[words - 1] |= !0u64 << tail;
    }
    v.iter().map(|w| w.count_zeros() as usize).sum()
}

/// Whether `a` and `b` may share a stretch of at least `k` consecutive tokens: always true
/// when they do (a hash of each window of `k` tokens, so rarely true when they do not), in
/// time linear in the lengths.
fn share_a_run(a: &[u64], b: &[u64], k: usize) -> bool {
    if k == 0 {
        return true;
    }
    use crate::text::features::hash_words;
    let seen: std::collections::HashSet<u64, foldhash::fast::FixedState> =
        b.windows(k).map(hash_words).collect();
    !seen.is_empty() && a.windows(k).any(|w| seen.contains(&hash_words(w)))
}

/// Tokens the two sequences have in common, counted with multiplicity.
fn multiset_overlap(a: &[u64], b: &[u64]) -> usize {
    let mut x = a.to_vec();
    let mut y = b.to_vec();
    x.sort_unstable();
    y.sort_unstable();
    shared_count(&x, &y)
}

fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Compares two (possibly concatenated) sentences; `None` when they are not related enough.
pub fn compare(
    a: &SentenceFeatures,
    b: &SentenceFeatures,
) -> Option<(AlignKind, f64, bool, usize)> {
    let (la, lb) = (a.norms.len(), b.norms.len());
    if la == 0 || lb == 0 {
        return None;
    }
    if a.norms == b.norms {
        return Some((AlignKind::Verbatim, 1.0, false, la));
    }
    let shorter = la.min(lb);
    let shared = shared_count(&a.content, &b.content);
    let min_content = a.content.len().min(b.content.len()).max(1);
    let content_share = shared as f64 / min_content as f64;
    let paraphrase_possible = shared >= PARAMS.paraphrase_min_shared;
    // The common subsequence cannot hold more tokens than the two share; stop here when
    // even that bound cannot reach a near-duplicate or fragment and no paraphrase is possible.
    if !paraphrase_possible {
        let bound = multiset_overlap(&a.norms, &b.norms);
        let best_dice = 2.0 * bound as f64 / (la + lb) as f64;
        let best_containment = bound as f64 / shorter as f64;
        if best_dice < PARAMS.near_duplicate
            && (best_containment < PARAMS.fragment_containment
                || shorter < PARAMS.fragment_min_tokens)
        {
            return None;
        }
    }
    let common = common_length(&a.norms, &b.norms);
    let dice = 2.0 * common as f64 / (la + lb) as f64;
    let containment = common as f64 / shorter as f64;
    if dice >= PARAMS.near_duplicate {
        return Some((AlignKind::NearDuplicate, dice, false, common));
    }
    if containment >= PARAMS.fragment_containment && shorter >= PARAMS.fragment_min_tokens {
        return Some((AlignKind::NearDuplicate, containment * 0.95, true, common));
    }
    if !paraphrase_possible {
        return None;
    }
    let shared_number = a.numbers.iter().any(|n| b.numbers.contains(n));
    let content_enough = content_share >= PARAMS.paraphrase_content;
    // The run is read off the diff, which costs many times the length: only when it decides,
    // and when the two share a stretch that long at all (a run of the diff is one).
    let needed_run = if content_enough && shared_number {
        None
    } else if content_enough {
        Some(3)
    } else {
        Some(PARAMS.copied_run_tokens)
    };
    let longest_run = match needed_run {
        Some(k) if common >= k && share_a_run(&a.norms, &b.norms, k) => {
            common_subsequence(&a.norms, &b.norms).1
        }
        _ => 0,
    };
    let anchored = shared_number || longest_run >= 3;
    // A long verbatim stretch ("preparations for the upcoming summit in the capital") is
    // copying even when the rest of the sentence differs.
    let long_copied_run = longest_run >= PARAMS.copied_run_tokens;
    if (content_enough && anchored) || long_copied_run {
        return Some((
            AlignKind::Paraphrase,
            (dice + content_share) / 2.0,
            false,
            common,
        ));
    }
    None
}

/// Aligns the sentences of two articles, given each sentence's tokens. Alignments come back
/// in the order of `a`'s sentences.
pub fn align(pa: &[SentenceFeatures], pb: &[SentenceFeatures]) -> Vec<Alignment> {
    let mut postings: FastMap<u64, Vec<u32>> = FastMap::default();
    for (j, s) in pb.iter().enumerate() {
        for &w in &s.content {
            postings.entry(w).or_default().push(j as u32);
        }
    }
    let mut candidates: Vec<Alignment> = Vec::new();
    let mut counts: FastMap<u32, u32> = FastMap::default();
    for (i, s) in pa.iter().enumerate() {
        counts.clear();
        for w in &s.content {
            if let Some(list) = postings.get(w) {
                for &j in list {
                    *counts.entry(j).or_default() += 1;
                }
            }
        }
        let mut js: Vec<u32> = counts
            .iter()
            .filter(|(_, &c)| c >= 2)
            .map(|(&j, _)| j)
            .collect();
        js.sort_unstable();
        for j in js {
            if let Some((kind, score, fragment, common)) = compare(s, &pb[j as usize]) {
                let j = j as usize;
                candidates.push(Alignment {
                    a: i..i + 1,
                    b: j..j + 1,
                    score,
                    kind,
                    fragment,
                    common_tokens: common,
                });
            }
        }
    }
    // Best first; ties broken by position so the result never depends on hashing order.
    candidates.sort_by(|x, y| {
        (y.kind, y.score)
            .partial_cmp(&(x.kind, x.score))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| (x.a.start, x.b.start).cmp(&(y.a.start, y.b.start)))
    });
    let mut used_a = vec![false; pa.len()];
    let mut used_b = vec![false; pb.len()];
    let mut chosen: Vec<Alignment> = Vec::new();
    for c in candidates {
        let (i, j) = (c.a.start, c.b.start);
        let free = !used_a[i] && !used_b[j];
        // A fragment may share a sentence already aligned: the clause copied from it.
        let fragment_of_used = c.fragment && (!used_a[i] || !used_b[j]);
        if free || fragment_of_used {
            used_a[i] = true;
            used_b[j] = true;
            chosen.push(c);
        }
    }
    for c in &mut chosen {
        extend_split(c, pa, pb, &mut used_a, &mut used_b);
    }
    chosen.sort_by_key(|c| (c.a.start, c.b.start));
    chosen
}

/// Tries to turn a 1:1 alignment into 1:2 or 2:1 when the neighbouring unaligned sentence on
/// one side continues the other side's sentence.
fn extend_split(
    c: &mut Alignment,
    pa: &[SentenceFeatures],
    pb: &[SentenceFeatures],
    used_a: &mut [bool],
    used_b: &mut [bool],
) {
    if c.kind == AlignKind::Verbatim || c.a.len() != 1 || c.b.len() != 1 {
        return;
    }
    let (i, j) = (c.a.start, c.b.start);
    let (a, b) = (pa, pb);
    // Compare order-aware overlap (Dice), not scores: a fragment's score measures containment.
    let current =
        2.0 * c.common_tokens as f64 / (pa[i].norms.len() + pb[j].norms.len()).max(1) as f64;
    // (sentences of a, sentences of b, kind, score, common tokens)
    type Extension = (Range<usize>, Range<usize>, AlignKind, f64, usize);
    let mut best: Option<Extension> = None;
    let mut options: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    if j + 1 < b.len() && !used_b[j + 1] {
        options.push((i..i + 1, j..j + 2));
    }
    if j > 0 && !used_b[j - 1] {
        options.push((i..i + 1, j - 1..j + 1));
    }
    if i + 1 < a.len() && !used_a[i + 1] {
        options.push((i..i + 2, j..j + 1));
    }
    if i > 0 && !used_a[i - 1] {
        options.push((i - 1..i + 1, j..j + 1));
    }
    for (ra, rb) in options {
        let joined_a = (ra.len() > 1).then(|| concat(&pa[ra.clone()]));
        let joined_b = (rb.len() > 1).then(|| concat(&pb[rb.clone()]));
        let xa = joined_a.as_ref().unwrap_or(&pa[i]);
        let xb = joined_b.as_ref().unwrap_or(&pb[j]);
        if let Some((kind, score, false, common)) = compare(xa, xb) {
            if kind >= AlignKind::NearDuplicate
                && score >= current + 0.1
                && best.as_ref().is_none_or(|b| score > b.3)
            {
                best = Some((ra, rb, kind, score, common));
            }
        }
    }
    if let Some((ra, rb, kind, score, common)) = best {
        for k in ra.clone() {
            used_a[k] = true;
        }
        for k in rb.clone() {
            used_b[k] = true;
        }
        c.a = ra;
        c.b = rb;
        c.kind = kind;
        c.score = score;
        c.fragment = false;
        c.common_tokens = common;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::features::features;
    use crate::text::tokens::tokenize;

    /// The textbook dynamic programme, for checking.
    fn lcs(a: &[u64], b: &[u64]) -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for &x in a {
            let mut diagonal = 0;
            for (j, &y) in b.iter().enumerate() {
                let above = row[j + 1];
                row[j + 1] = if x == y {
                    diagonal + 1
                } else {
                    row[j + 1].max(row[j])
                };
                diagonal = above;
            }
        }
        row[b.len()]
    }

    proptest::proptest! {
        #[test]
        fn common_length_is_the_longest_common_subsequence(
            a in proptest::collection::vec(0u64..6, 0..300),
            b in proptest::collection::vec(0u64..6, 0..300),
        ) {
            let n = common_length(&a, &b);
            proptest::prop_assert_eq!(n, lcs(&a, &b));
            // The diff's count never exceeds it (its shortcuts may fall short).
            proptest::prop_assert!(common_subsequence(&a, &b).0 <= n);
        }
    }

    proptest::proptest! {
        #[test]
        fn a_diff_run_is_a_shared_stretch(
            a in proptest::collection::vec(0u64..4, 0..40),
            b in proptest::collection::vec(0u64..4, 0..40),
            k in 1usize..6,
        ) {
            let run = common_subsequence(&a, &b).1;
            // `share_a_run` may find a stretch the diff did not keep, never the reverse.
            proptest::prop_assert!(run < k || share_a_run(&a, &b, k));
        }
    }

    #[test]
    fn shared_stretches_are_consecutive_tokens() {
        assert!(share_a_run(&[1, 2, 3, 4], &[9, 2, 3, 4, 9], 3));
        assert!(!share_a_run(&[1, 2, 3, 4], &[2, 9, 3, 4], 3));
        assert!(!share_a_run(&[], &[1], 1));
    }

    #[test]
    fn common_length_counts_across_word_boundaries() {
        let a: Vec<u64> = (0..200).collect();
        let b: Vec<u64> = (0..200).filter(|x| x % 3 != 0).collect();
        assert_eq!(common_length(&a, &b), b.len());
        assert_eq!(common_length(&b, &a), b.len());
        assert_eq!(common_length(&a, &[]), 0);
        assert_eq!(common_length(&[7, 8, 9], &[9, 8, 7]), 1);
    }

    fn toks(sentences: &[&str]) -> Vec<SentenceFeatures> {
        sentences.iter().map(|s| features(&tokenize(s))).collect()
    }

    #[test]
    fn verbatim_near_duplicate_and_reordering() {
        let a = toks(&[
            "The bridge reopened on Monday after two years of repairs.",
            "Officials said traffic would be limited to cars for now.",
        ]);
        let b = toks(&[
            "Officials said traffic will be limited to cars for now.",
            "The bridge reopened on Monday after two years of repairs.",
        ]);
        let al = align(&a, &b);
        assert_eq!(al.len(), 2);
        assert_eq!(
            (al[0].a.clone(), al[0].b.clone(), al[0].kind),
            (0..1, 1..2, AlignKind::Verbatim)
        );
        assert_eq!(
            (al[1].a.clone(), al[1].b.clone(), al[1].kind),
            (1..2, 0..1, AlignKind::NearDuplicate)
        );
    }

    #[test]
    fn paraphrase_needs_an_anchor() {
        let a = toks(&["He reiterated support for the region, saying that more than €20 billion in assistance had been pledged by allies this year."]);
        let b = toks(&["Allies have pledged more than 20 billion euros in military assistance to the region in the first quarter."]);
        let al = align(&a, &b);
        assert_eq!(al.len(), 1);
        assert_eq!(al[0].kind, AlignKind::Paraphrase);
        // Same topic words, no shared number or phrase: not aligned.
        let c = toks(&["Allies discussed assistance to the region and pledged support for talks."]);
        assert!(align(&a, &c).is_empty());
    }

    #[test]
    fn fragment_inside_a_longer_sentence() {
        let a = toks(&["We must build a stronger, fairer and more capable alliance, the minister said at the start of the two-day meeting in the capital."]);
        let b = toks(&["We must build a stronger, fairer and more capable alliance, she said."]);
        let al = align(&a, &b);
        assert_eq!(al.len(), 1);
        assert!(al[0].fragment);
        assert_eq!(al[0].kind, AlignKind::NearDuplicate);
    }

    #[test]
    fn one_sentence_split_in_two_is_a_one_to_two_alignment() {
        let a = toks(&["The council met on Tuesday and agreed to raise the budget for schools by ten percent next year."]);
        let b = toks(&[
            "The council met on Tuesday.",
            "It agreed to raise the budget for schools by ten percent next year.",
        ]);
        let al = align(&a, &b);
        assert_eq!(al.len(), 1, "{al:?}");
        assert_eq!(al[0].b, 0..2);
    }

    #[test]
    fn split_found_through_a_fragment_and_merge_found_through_a_paraphrase() {
        let a = toks(&["The city council met on Tuesday and agreed to raise the budget for public schools by ten percent next year, the mayor's office said."]);
        let b = toks(&["The city council met on Tuesday.", "It agreed to raise the budget for public schools by ten percent next year, the mayor's office said."]);
        let al = align(&a, &b);
        assert_eq!(al.len(), 1, "{al:?}");
        assert_eq!(
            (al[0].a.clone(), al[0].b.clone(), al[0].kind),
            (0..1, 0..2, AlignKind::NearDuplicate)
        );
        let a = toks(&[
            "Teachers' unions welcomed the decision.",
            "They said it was the first real increase in a decade.",
        ]);
        let b = toks(&["Teachers' unions welcomed the decision, saying it was the first real increase in a decade."]);
        let al = align(&a, &b);
        assert_eq!(al.len(), 1, "{al:?}");
        assert_eq!((al[0].a.clone(), al[0].b.clone()), (0..2, 0..1));
    }

    #[test]
    fn unrelated_sentences_do_not_align() {
        let a = toks(&["The central bank kept interest rates unchanged on Thursday."]);
        let b = toks(&["Heavy rain closed the border crossing for two days."]);
        assert!(align(&a, &b).is_empty());
    }
}
