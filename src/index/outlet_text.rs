//! Outlet text: sentences an outlet puts under (or over) every story, whatever it is about —
//! a copyright notice, a newsletter plug, a line about the paper — that the cleaning patterns
//! do not know. Left in, they make two unrelated stories of one outlet look alike: a brief and
//! a long footer read as a copy of every other brief with that footer.
//!
//! Only the corpus shows them: a sentence found word for word in articles that otherwise tell
//! different stories. An article's own text is what no other article carries word for word.
//! A recurring sentence is outlet text when all of these hold:
//! - at least [`MIN_STORIES`] articles carrying it have an own text (copies of one story have
//!   none and give no opinion, and keep every sentence);
//! - the articles carry no more than [`MAX_OUTLET_SENTENCES`] sentences together: more is a
//!   story they re-ran (a wire story under each outlet's own introduction);
//! - fewer than half of them open alike (one headline or lead is one story);
//! - most pairs of their own texts have next to nothing in common (a content cosine under
//!   [`SAME_STORY`]), and most own texts are not about the recurring text either (under
//!   [`ABOUT_THE_STORY`]).

use rayon::prelude::*;

use super::terms::{overlap, term_counts, Idf, TermVector};
use crate::model::Document;
use crate::text::features::{hash_words, SentenceFeatures};

/// Articles with stories of their own that must carry a sentence before it can be outlet
/// text: two may be one story told twice under two links and time stamps.
pub const MIN_STORIES: usize = 3;
/// Sentences shorter than this (in tokens) are never outlet text: "Pay April 15." recurs
/// because it is short, and says nothing either way.
pub const MIN_TOKENS: usize = 4;
/// Own texts at least this close (content cosine) tell one story.
pub const SAME_STORY: f32 = 0.1;
/// Own text needs this many distinct terms to tell a story (a headline or a link alone does
/// not).
pub const MIN_OWN_TERMS: usize = 8;
/// Recurring text at least this close (content cosine) to an article's own text is about its
/// story: a wire story's sentences under an introduction that names the event.
pub const ABOUT_THE_STORY: f32 = 0.05;
/// The most sentences an outlet's furniture runs to (a copyright line, a plug, a line about
/// the paper).
pub const MAX_OUTLET_SENTENCES: usize = 3;
/// Carriers compared per recurring sentence (every pair of them), the first in input order.
const MAX_STORIES: usize = 20;

/// The content words of a document's event evidence, once per sentence, of the sentences
/// (by index) that `keep` holds.
fn evidence_words<'a>(
    doc: &'a Document,
    features: &'a [SentenceFeatures],
    keep: impl Fn(usize) -> bool + 'a,
) -> impl Iterator<Item = u64> + 'a {
    doc.sentences
        .iter()
        .zip(features)
        .enumerate()
        .filter(move |&(k, (s, _))| s.kind.is_event_evidence() && keep(k))
        .flat_map(|(_, (_, f))| f.content.iter().copied())
}

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
    // from a sample of them.
    let idf = Idf::sampled(documents.len(), |d| {
        let mut words: Vec<u64> = evidence_words(&documents[d], &features[d], |_| true).collect();
        words.sort_unstable();
        words.dedup();
        words
    });
    // Own texts of the candidates: what no other article carries word for word, and a title
    // given apart from the text (see `term_counts`); and their recurring text.
    let texts: Vec<Option<(TermVector, TermVector)>> = documents
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
            let own_words = evidence_words(doc, f, |k| !skip[k]).count()
                + doc
                    .meta
                    .title
                    .as_deref()
                    .map_or(0, |t| t.split_whitespace().count());
            if own_words < MIN_OWN_TERMS {
                return None;
            }
            let own = idf.vector(&term_counts(doc, f, &skip));
            if own.terms.len() < MIN_OWN_TERMS {
                return None;
            }
            // The recurring sentences' content words, once per sentence.
            let mut recurring_words: Vec<u64> = evidence_words(doc, f, |k| skip[k]).collect();
            recurring_words.sort_unstable();
            let block: Vec<(u64, f32)> = recurring_words
                .chunk_by(|a, b| a == b)
                .map(|run| (run[0], run.len() as f32))
                .collect();
            Some((own, idf.vector(&block)))
        })
        .collect();
    // How many articles carry each sentence of a candidate.
    let count_of = |h: u64| {
        let from = postings.partition_point(|&(x, _)| x < h);
        postings[from..].partition_point(|&(x, _)| x == h) as u32
    };
    let carriers_per_sentence: Vec<Vec<u32>> = hashes
        .par_iter()
        .zip(&texts)
        .map(|(hs, text)| match text {
            Some(_) => hs.iter().flatten().map(|&h| count_of(h)).collect(),
            None => Vec::new(),
        })
        .collect();
    let verdicts: Vec<bool> = postings
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|g| g.len() >= 2)
        .collect::<Vec<_>>()
        .par_iter()
        .map(|group| {
            let story_docs: Vec<usize> = group
                .iter()
                .map(|&(_, d)| d as usize)
                .filter(|&d| texts[d].is_some())
                .take(MAX_STORIES)
                .collect();
            if story_docs.len() < MIN_STORIES {
                return false;
            }
            let stories: Vec<&(TermVector, TermVector)> = story_docs
                .iter()
                .filter_map(|&d| texts[d].as_ref())
                .collect();
            // Furniture is a line or three; more sentences carried by the same articles are a
            // story they re-ran (a wire story under each outlet's own introduction).
            let carried_together = story_docs
                .iter()
                .map(|&d| {
                    carriers_per_sentence[d]
                        .iter()
                        .filter(|&&c| c as usize == group.len())
                        .count()
                })
                .min()
                .unwrap_or(0);
            if carried_together > MAX_OUTLET_SENTENCES {
                return false;
            }
            // Articles that open alike (one headline, one lead) tell one story, whatever each
            // adds: furniture sits under stories that open each their own way.
            let mut openings: Vec<u64> = group
                .iter()
                .filter_map(|&(_, d)| hashes[d as usize].iter().flatten().next().copied())
                .collect();
            openings.sort_unstable();
            let opening_alike: usize = openings
                .chunk_by(|a, b| a == b)
                .filter(|run| run.len() >= 2)
                .map(<[u64]>::len)
                .sum();
            if 2 * opening_alike >= group.len() {
                return false;
            }
            let (mut pairs, mut same) = (0usize, 0usize);
            for (i, (a, _)) in stories.iter().enumerate() {
                for (b, _) in &stories[i + 1..] {
                    pairs += 1;
                    if overlap(a, b).cosine >= SAME_STORY {
                        same += 1;
                    }
                }
            }
            // Furniture says nothing of the stories it sits under.
            let about_them = stories
                .iter()
                .filter(|(own, block)| overlap(own, block).cosine >= ABOUT_THE_STORY)
                .count();
            2 * same < pairs && 2 * about_them < stories.len()
        })
        .collect();
    for (d, hs) in hashes.iter().enumerate() {
        for (k, h) in hs.iter().enumerate() {
            let Some(h) = h else { continue };
            // An article without a story of its own (a copy, a notice that is all template)
            // keeps the sentence: it is all it says.
            if texts[d].is_none() {
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
        assert_nothing_marked(&marks);
    }

    /// Marks of `wire` run under each of `intros`.
    fn under_introductions(intros: &[&str], wire: &str) -> Vec<Vec<bool>> {
        let texts: Vec<String> = intros.iter().map(|i| format!("{i}\n\n{wire}")).collect();
        let (documents, features) = docs(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        outlet_text(&documents, &features)
    }

    fn assert_nothing_marked(marks: &[Vec<bool>]) {
        assert!(marks.iter().flatten().all(|&m| !m), "{marks:?}");
    }

    #[test]
    fn a_wire_story_under_each_outlets_introduction_is_kept() {
        // Two sentences, short as furniture: kept because the introductions are about them.
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
        assert_nothing_marked(&under_introductions(&intros, wire));
    }

    #[test]
    fn a_wire_story_under_introductions_that_share_no_word_with_it_is_kept() {
        // Five sentences carried together: longer than furniture.
        let wire = "The grid operator will raise electricity prices by 12 percent from July. \
            Its chief executive blamed higher gas costs and new transmission lines. \
            The increase adds about 140 euros a year to the average household bill. \
            Consumer groups called the rise unjustified. \
            The regulator will publish its decision within six weeks.";
        let intros = [
            "Shopkeepers on the high street fear their thin margins will vanish this winter.",
            "Dairy farmers around Halden say milking parlours run around the clock.",
            "Pensioners in Vessa gathered at the community hall to ask the council for help.",
        ];
        assert_nothing_marked(&under_introductions(&intros, wire));
    }

    #[test]
    fn copies_of_one_story_keep_every_sentence() {
        let (documents, features) = docs(&[STORIES[0], STORIES[0], STORIES[0], STORIES[1]]);
        let marks = outlet_text(&documents, &features);
        assert_nothing_marked(&marks);
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
