//! Proper-name mentions and their spelling groups: facts for the `name-variant` rule.
//!
//! A mention is a capitalised word inside a run of capitalised words ("Mark Smith", "Foreign
//! Minister Olena Kova"). Spellings are compared only within one event cluster (an unrelated
//! article may well name a different person with a similar name), are blocked by deletion
//! keys of a folded form (no all-pairs comparison), and count as one name only with shared
//! context: the same neighbouring word (first name, title) next to both.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use crate::model::Document;
use crate::text::words;

/// One occurrence of a capitalised word that may be (part of) a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub document: usize,
    /// Byte range of the word in the document text.
    pub range: Range<usize>,
    pub form: String,
    /// Neighbouring capitalised words, lowercased (first name, title, second name).
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Words that are capitalised for grammar, not because they are names.
const NOT_NAMES: &[&str] = &[
    "a",
    "according",
    "after",
    "again",
    "all",
    "also",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "during",
    "for",
    "from",
    "he",
    "her",
    "his",
    "i",
    "if",
    "in",
    "it",
    "its",
    "mr",
    "mrs",
    "ms",
    "dr",
    "no",
    "not",
    "of",
    "on",
    "or",
    "our",
    "she",
    "so",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "we",
    "when",
    "while",
    "with",
    "you",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "photo",
    "disclaimer",
];

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Strips a possessive ("Smith’s", "NATO's") from a word's range.
fn strip_possessive(text: &str, r: Range<usize>) -> Range<usize> {
    let w = &text[r.clone()];
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            return r.start..r.start + stem.len();
        }
    }
    r
}

/// Words that appear in lowercase somewhere: capitalised, they are common words. Borrowed
/// from the documents' text, no copies.
pub fn lowercase_vocabulary<'a>(
    documents: impl IntoIterator<Item = &'a Document>,
) -> std::collections::HashSet<&'a str> {
    let mut vocab = std::collections::HashSet::new();
    for doc in documents {
        for s in &doc.sentences {
            let text = doc.sentence_text(s);
            for r in words(text) {
                let w = &text[r];
                if w.chars().next().is_some_and(char::is_lowercase) {
                    vocab.insert(w);
                }
            }
        }
    }
    vocab
}

/// Name mentions of one document.
pub fn mentions(
    index: usize,
    doc: &Document,
    common: &std::collections::HashSet<&str>,
) -> Vec<Mention> {
    let mut out = Vec::new();
    for s in doc.sentences.iter().filter(|s| s.kind.is_prose()) {
        let text = doc.sentence_text(s);
        let ws = words(text);
        let name_like = |k: usize| {
            let r = strip_possessive(text, ws[k].clone());
            let w = &text[r];
            if !is_capitalised(w) {
                return false;
            }
            let lower = w.to_lowercase();
            !NOT_NAMES.contains(&lower.as_str()) && !common.contains(lower.as_str())
        };
        let flags: Vec<bool> = (0..ws.len()).map(name_like).collect();
        for k in 0..ws.len() {
            if !flags[k] {
                continue;
            }
            let r = strip_possessive(text, ws[k].clone());
            let neighbour = |j: Option<usize>| {
                j.filter(|&j| j < ws.len() && is_capitalised(&text[ws[j].clone()]))
                    // Only words directly adjacent (one space apart) belong to the same name.
                    .filter(|&j| {
                        let (a, b) = if j < k {
                            (ws[j].end, ws[k].start)
                        } else {
                            (ws[k].end, ws[j].start)
                        };
                        text[a..b] == *" "
                    })
                    .map(|j| text[strip_possessive(text, ws[j].clone())].to_lowercase())
            };
            out.push(Mention {
                document: index,
                range: s.range.start + r.start..s.range.start + r.end,
                form: text[r].to_string(),
                before: neighbour(k.checked_sub(1)),
                after: neighbour(Some(k + 1)),
            });
        }
    }
    out
}

/// A spelling folded for comparison: lowercase, diacritics and doubled letters dropped, and
/// letters that transliterations swap made equal (y/i, q/c/k, ph/f).
pub fn fold(form: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let base: String = form
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .collect();
    let base = base.replace("ph", "f");
    let mut out = String::with_capacity(base.len());
    for c in base.chars() {
        let c = match c {
            'y' => 'i',
            'q' | 'c' => 'k',
            c => c,
        };
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Blocking keys: the folded form and every form with one character deleted. Two forms
/// within one edit of each other share a key.
pub fn deletion_keys(folded: &str) -> Vec<String> {
    let chars: Vec<char> = folded.chars().collect();
    let mut keys = vec![folded.to_string()];
    for skip in 0..chars.len() {
        keys.push(
            chars
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, c)| c)
                .collect(),
        );
    }
    keys.sort();
    keys.dedup();
    keys
}

/// A group of spellings of one name within a cluster: the dominant form and its variants.
#[derive(Debug, Clone, PartialEq)]
pub struct NameGroup {
    pub dominant: String,
    pub variants: Vec<(String, f64)>,
}

/// "Georgia"/"Georgian", "Serbia"/"Serbians", "Iraq"/"Iraqi": a word derived from the name
/// with a suffix, not another spelling of it.
fn derived(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short.as_str()).is_some_and(|suffix| {
        matches!(
            suffix,
            "n" | "an"
                | "ian"
                | "ns"
                | "ans"
                | "ians"
                | "s"
                | "es"
                | "ese"
                | "ish"
                | "i"
                | "is"
                | "ic"
                | "ite"
                | "ites"
        )
    })
}

/// Statistics of one spelling within a cluster.
#[derive(Debug, Default, Clone)]
struct FormStats {
    documents: BTreeSet<usize>,
    /// Occurrences per document.
    per_document: BTreeMap<usize, usize>,
    occurrences: usize,
    before: BTreeSet<String>,
    after: BTreeSet<String>,
}

impl FormStats {
    /// Whether this spelling clearly outweighs `other`: independent sources count first
    /// (used by more articles, and not less often), then repetitions within articles (at
    /// least twice as often, in no fewer articles).
    fn dominates(&self, other: &FormStats) -> bool {
        let (da, db) = (self.documents.len(), other.documents.len());
        let (oa, ob) = (self.occurrences, other.occurrences);
        (da > db && oa >= ob) || (da >= db && oa >= 2 * ob)
    }

    fn weight(&self) -> (usize, usize) {
        (self.documents.len(), self.occurrences)
    }
}

/// Finds spelling groups among the mentions of one cluster.
pub fn groups(mentions: &[&Mention], canonical: &[String], allow: &[String]) -> Vec<NameGroup> {
    let mut stats: BTreeMap<&str, FormStats> = BTreeMap::new();
    for m in mentions {
        let s = stats.entry(m.form.as_str()).or_default();
        s.documents.insert(m.document);
        *s.per_document.entry(m.document).or_default() += 1;
        s.occurrences += 1;
        s.before.extend(m.before.clone());
        s.after.extend(m.after.clone());
    }
    let forms: Vec<&str> = stats
        .keys()
        .copied()
        .filter(|f| f.chars().count() >= 4)
        .collect();
    let folded: HashMap<&str, String> = forms.iter().map(|f| (*f, fold(f))).collect();
    let mut by_key: HashMap<String, Vec<&str>> = HashMap::new();
    for f in &forms {
        for k in deletion_keys(&folded[f]) {
            by_key.entry(k).or_default().push(f);
        }
    }
    let canonical_words: BTreeSet<&str> = canonical
        .iter()
        .flat_map(|c| c.split_whitespace())
        .collect();
    let allowed: BTreeSet<&str> = allow.iter().flat_map(|c| c.split_whitespace()).collect();
    let mut pairs: BTreeSet<(&str, &str)> = BTreeSet::new();
    for list in by_key.values() {
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                if a != b {
                    pairs.insert(if a < b { (a, b) } else { (b, a) });
                }
            }
        }
    }
    // For each variant, its best dominant form.
    let mut best: BTreeMap<&str, (&str, f64)> = BTreeMap::new();
    for (a, b) in pairs {
        let (sa, sb) = (&stats[a], &stats[b]);
        let (fa, fb) = (&folded[a], &folded[b]);
        if derived(a, b) {
            continue;
        }
        let distance = strsim::damerau_levenshtein(fa, fb);
        let longest = fa.chars().count().max(fb.chars().count());
        if distance > 2 || distance * 4 > longest {
            continue;
        }
        let shared_neighbour =
            !sa.before.is_disjoint(&sb.before) || !sa.after.is_disjoint(&sb.after);
        // One slip in a long name, in an article that spells it right elsewhere.
        let same_article_slip = distance <= 1
            && a.chars().count().min(b.chars().count()) >= 5
            && !sa.documents.is_disjoint(&sb.documents);
        if !shared_neighbour && !same_article_slip {
            continue;
        }
        let similarity = strsim::jaro_winkler(&a.to_lowercase(), &b.to_lowercase());
        let (dominant, variant) = match (canonical_words.contains(a), canonical_words.contains(b)) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            _ if sa.dominates(sb) => (a, b),
            _ if sb.dominates(sa) => (b, a),
            _ => continue,
        };
        if allowed.contains(variant) || canonical_words.contains(variant) {
            continue;
        }
        // Both spellings used repeatedly in one article, and no other article to settle it:
        // two people ("Mark Carney" and "Mark Carey"), not a slip.
        let (sd, sv) = (&stats[dominant], &stats[variant]);
        let both_repeated = sd
            .per_document
            .iter()
            .any(|(d, &n)| n >= 2 && sv.per_document.get(d).is_some_and(|&m| m >= 2));
        if both_repeated
            && sd.documents.len() <= sv.documents.len()
            && !canonical_words.contains(dominant)
        {
            continue;
        }
        let better = best
            .get(variant)
            .is_none_or(|(d, _)| stats[dominant].weight() > stats[d].weight());
        if better {
            best.insert(variant, (dominant, similarity));
        }
    }
    let mut out: BTreeMap<&str, NameGroup> = BTreeMap::new();
    for (&variant, &(dominant, score)) in &best {
        // A variant of a variant points at the top form.
        let mut top = dominant;
        while let Some((next, _)) = best.get(top) {
            if *next == variant {
                break;
            }
            top = next;
        }
        out.entry(top)
            .or_insert_with(|| NameGroup {
                dominant: top.to_string(),
                variants: Vec::new(),
            })
            .variants
            .push((variant.to_string(), score));
    }
    out.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_makes_transliterations_meet() {
        assert_eq!(fold("Sikorský"), fold("Sikorski"));
        assert_eq!(fold("Zelenskyy"), fold("Zelensky"));
        assert_eq!(fold("Gaddafi"), "gadafi");
        assert_eq!(fold("Qaddafi"), "kadafi");
        assert!(deletion_keys(&fold("Sybiha"))
            .iter()
            .any(|k| deletion_keys(&fold("Sibiga")).contains(k)));
    }

    fn m(doc: usize, form: &str, before: Option<&str>) -> Mention {
        Mention {
            document: doc,
            range: 0..0,
            form: form.into(),
            before: before.map(Into::into),
            after: None,
        }
    }

    #[test]
    fn the_rare_spelling_with_shared_context_is_a_variant() {
        let ms = [
            m(0, "Jansen", Some("mark")),
            m(0, "Jansen", None),
            m(1, "Jansen", Some("mark")),
            m(1, "Jansen", None),
            m(2, "Jansen", None),
            m(2, "Janssen", Some("mark")),
        ];
        let refs: Vec<&Mention> = ms.iter().collect();
        let g = groups(&refs, &[], &[]);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].dominant, "Jansen");
        assert_eq!(g[0].variants[0].0, "Janssen");
    }

    #[test]
    fn similar_names_without_shared_context_are_different() {
        let ms = [
            m(0, "Iran", Some("china")),
            m(1, "Iran", None),
            m(2, "Iraq", Some("baghdad")),
        ];
        let refs: Vec<&Mention> = ms.iter().collect();
        assert!(groups(&refs, &[], &[]).is_empty());
    }

    #[test]
    fn canonical_overrides_the_majority_and_allow_silences() {
        let ms = [
            m(0, "Zelensky", Some("president")),
            m(1, "Zelensky", Some("president")),
            m(2, "Zelenskyy", Some("president")),
        ];
        let refs: Vec<&Mention> = ms.iter().collect();
        let g = groups(&refs, &["Volodymyr Zelenskyy".into()], &[]);
        assert_eq!(g[0].dominant, "Zelenskyy");
        assert_eq!(g[0].variants[0].0, "Zelensky");
        assert!(groups(&refs, &[], &["Zelenskyy".into()]).is_empty());
    }

    #[test]
    fn mentions_skip_common_capitalised_words() {
        use crate::model::Origin;
        let mut doc = Document::new(
            "t",
            "Allies met Mark Jansen’s team. The allies agreed.".into(),
            Origin::Identity,
        );
        crate::text::segment_document(&mut doc);
        let common = lowercase_vocabulary([&doc]);
        let ms = mentions(0, &doc, &common);
        let forms: Vec<(&str, Option<&str>)> = ms
            .iter()
            .map(|m| (m.form.as_str(), m.before.as_deref()))
            .collect();
        assert_eq!(forms, [("Mark", None), ("Jansen", Some("mark"))]);
    }
}
