//! Outlet text: sentences an outlet puts under (or over) every story, whatever it is about —
//! a copyright notice, a newsletter plug, a line about the paper — that the cleaning patterns
//! do not know. Left in, they make two unrelated stories of one outlet look alike: a brief and
//! a long footer read as a copy of every other brief with that footer.
//!
//! Only the corpus shows them: a sentence found word for word in articles that otherwise tell
//! different stories. An article's own text is what no other article carries word for word;
//! two articles tell different stories when their own texts have next to nothing in common
//! (a content cosine under [`SAME_STORY`]). A recurring sentence is outlet text when most
//! pairs of the articles carrying it tell different stories. Copies of one story have no own
//! text and give no opinion; a wire story re-run under each outlet's own introduction keeps its
//! sentences, since the introductions tell one story.

use rayon::prelude::*;

use super::terms::{overlap, term_counts, Idf, TermVector};
use crate::model::Document;
use crate::text::features::{hash_words, SentenceFeatures};

/// Articles with stories of their own that must carry a sentence before it can be outlet
/// text: two may be one story told twice under two links and time stamps.
pub const MIN_STORIES: usize = 3;
/// Sentences shorter than this (in tokens) are never outlet text: "He did not elaborate."
/// recurs because it is short, and says nothing either way.
pub const MIN_TOKENS: usize = 4;
/// Own texts at least this close (content cosine) tell one story.
pub const SAME_STORY: f32 = 0.1;
/// Own text needs this many distinct terms to tell a story (a headline or a link alone does
/// not).
pub const MIN_OWN_TERMS: usize = 8;
/// Articles sampled for the document frequencies of own texts.
const DF_SAMPLE: usize = 20_000;
/// Carriers compared per recurring sentence (every pair of them), the first in input order.
const MAX_STORIES: usize = 20;

/// Per document, per sentence: whether the sentence is outlet text.
pub fn outlet_text(documents: &[Document], features: &[Vec<SentenceFeatures>]) -> Vec<Vec<bool>> {
    let hashes: Vec<Vec<Option<u64>>> = documents
        .par_iter()
        .zip(features)
        .map(|(doc, f)| {
            doc.sentences
                .iter()
                .zip(f)
                .map(|(s, f)| {
                    (s.kind.is_event_evidence() && f.norms.len() >= MIN_TOKENS)
                        .then(|| hash_words(&f.norms))
                })
                .collect()
        })
        .collect();
    // (sentence hash, document), one entry per document carrying the sentence.
    let mut postings: Vec<(u64, u32)> = hashes
        .iter()
        .enumerate()
        .flat_map(|(d, hs)| hs.iter().flatten().map(move |&h| (h, d as u32)))
        .collect();
    postings.par_sort_unstable();
    postings.dedup();
    let recurring: Vec<u64> = postings
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|g| g.len() >= 2)
        .map(|g| g[0].0)
        .collect();
    let mut marks: Vec<Vec<bool>> = hashes.iter().map(|hs| vec![false; hs.len()]).collect();
    if recurring.is_empty() {
        return marks;
    }
    // Only a sentence of enough articles can be outlet text; their carriers' own texts are
    // compared. Most inputs have none, and pay for nothing more.
    let mut candidates = vec![false; documents.len()];
    for group in postings.chunk_by(|a, b| a.0 == b.0) {
        if group.len() >= MIN_STORIES {
            for &(_, d) in group {
                candidates[d as usize] = true;
            }
        }
    }
    if !candidates.contains(&true) {
        return marks;
    }
    let recurs = |h: &Option<u64>| h.is_some_and(|h| recurring.binary_search(&h).is_ok());
    // Document frequencies over the articles' event evidence (each article once per term),
    // from an even sample of at most DF_SAMPLE articles: this only tells a common word from a
    // rare one, and a large input then costs no more than a sample of it.
    let step = documents.len().div_ceil(DF_SAMPLE).max(1);
    let sampled: Vec<usize> = (0..documents.len()).step_by(step).collect();
    let mut terms: Vec<u64> = sampled
        .par_iter()
        .flat_map_iter(|&d| {
            let mut words: Vec<u64> = documents[d]
                .sentences
                .iter()
                .zip(&features[d])
                .filter(|(s, _)| s.kind.is_event_evidence())
                .flat_map(|(_, f)| f.content.iter().copied())
                .collect();
            words.sort_unstable();
            words.dedup();
            words
        })
        .collect();
    terms.par_sort_unstable();
    let idf = Idf::from_sorted_terms(sampled.len(), &terms);
    drop(terms);
    // Own texts of the candidates: what no other article carries word for word, and a title
    // given apart from the text (see `term_counts`).
    let vectors: Vec<Option<TermVector>> = documents
        .par_iter()
        .zip(features)
        .zip(&hashes)
        .zip(&candidates)
        .map(|(((doc, f), hs), &candidate)| {
            if !candidate {
                return None;
            }
            let skip: Vec<bool> = hs.iter().map(recurs).collect();
            // A copy has no own text to count (most articles of a syndicated input).
            let own_words: usize = doc
                .sentences
                .iter()
                .zip(f)
                .zip(&skip)
                .filter(|((s, _), &r)| s.kind.is_event_evidence() && !r)
                .map(|((_, f), _)| f.content.len())
                .sum::<usize>()
                + doc
                    .meta
                    .title
                    .as_deref()
                    .map_or(0, |t| t.split_whitespace().count());
            if own_words < MIN_OWN_TERMS {
                return None;
            }
            Some(idf.vector(&term_counts(doc, f, &skip))).filter(|v| v.terms.len() >= MIN_OWN_TERMS)
        })
        .collect();
    let verdicts: Vec<bool> = postings
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|g| g.len() >= 2)
        .collect::<Vec<_>>()
        .par_iter()
        .map(|group| {
            let stories: Vec<&TermVector> = group
                .iter()
                .filter_map(|&(_, d)| vectors[d as usize].as_ref())
                .take(MAX_STORIES)
                .collect();
            let (mut pairs, mut same) = (0usize, 0usize);
            for (i, a) in stories.iter().enumerate() {
                for b in &stories[i + 1..] {
                    pairs += 1;
                    if overlap(a, b).cosine >= SAME_STORY {
                        same += 1;
                    }
                }
            }
            stories.len() >= MIN_STORIES && 2 * same < pairs
        })
        .collect();
    for (d, hs) in hashes.iter().enumerate() {
        for (k, h) in hs.iter().enumerate() {
            let Some(h) = h else { continue };
            // An article without a story of its own (a copy, a notice that is all template)
            // keeps the sentence: it is all it says.
            if vectors[d].is_none() {
                continue;
            }
            if let Ok(i) = recurring.binary_search(h) {
                marks[d][k] = verdicts[i];
            }
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::features::document_features;

    fn docs(texts: &[&str]) -> (Vec<Document>, Vec<Vec<SentenceFeatures>>) {
        let documents: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut d = Document::new(
                    format!("d{i}.txt"),
                    (*t).to_string(),
                    crate::model::Origin::Identity,
                );
                crate::ingest::prepare(&mut d);
                d
            })
            .collect();
        let features = documents.iter().map(document_features).collect();
        (documents, features)
    }

    const FOOTER: &str =
        "All material here is owned by the Eastbury Media Trust and may not be reprinted. \
        Get our evening newsletter delivered free to your inbox each weekday.";

    const STORIES: [&str; 3] = [
        "A lorry struck the railing of the harbour bridge on Tuesday morning. Police closed both \
         lanes for six hours while engineers inspected the damaged section.",
        "The council approved a budget of 3.2 million for the new central library. Building \
         work starts next spring on the site of the old bus depot.",
        "A family bakery on Mill Street won the national sourdough award, beating 400 entries. \
         The recipe came from a grandmother who baked for the village.",
    ];

    fn with_footer(story: &str) -> String {
        format!("{story}\n\n{FOOTER}")
    }

    #[test]
    fn a_footer_under_unrelated_stories_is_outlet_text() {
        let texts: Vec<String> = STORIES.iter().map(|s| with_footer(s)).collect();
        let (documents, features) = docs(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        for m in outlet_text(&documents, &features) {
            assert_eq!(
                m,
                vec![false, false, true, true],
                "story kept, footer marked"
            );
        }
    }

    #[test]
    fn a_footer_under_two_stories_is_not_known_as_one() {
        // Two articles may be one story under two links and time stamps.
        let (documents, features) = docs(&[&with_footer(STORIES[0]), &with_footer(STORIES[1])]);
        let marks = outlet_text(&documents, &features);
        assert!(marks.iter().flatten().all(|&m| !m), "{marks:?}");
    }

    #[test]
    fn a_wire_story_under_each_outlets_introduction_is_kept() {
        let wire = "Brackley Mills will close its Eastfield plant in March, the company said. \
            The decision follows months of talks with the unions.";
        let intros = [
            "Workers at the Brackley Mills plant in Eastfield reacted with anger on Tuesday \
             to news of the closure.",
            "Shares in Brackley Mills rose after the company announced the closure of its \
             Eastfield plant.",
            "Eastfield councillors called on Brackley Mills to reverse the closure of the \
             town's largest plant.",
        ];
        let texts: Vec<String> = intros.iter().map(|i| format!("{i}\n\n{wire}")).collect();
        let (documents, features) = docs(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let marks = outlet_text(&documents, &features);
        assert!(marks.iter().flatten().all(|&m| !m), "{marks:?}");
    }

    #[test]
    fn copies_of_one_story_keep_every_sentence() {
        let (documents, features) = docs(&[STORIES[0], STORIES[0], STORIES[0], STORIES[1]]);
        let marks = outlet_text(&documents, &features);
        assert!(marks.iter().flatten().all(|&m| !m), "{marks:?}");
    }

    #[test]
    fn an_article_that_is_only_the_recurring_text_keeps_it() {
        let mut texts: Vec<String> = STORIES.iter().map(|s| with_footer(s)).collect();
        texts.push(FOOTER.to_string());
        let (documents, features) = docs(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let marks = outlet_text(&documents, &features);
        assert_eq!(marks[3], vec![false, false]);
        assert_eq!(marks[0], vec![false, false, true, true]);
    }
}
