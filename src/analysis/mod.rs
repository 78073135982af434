//! Facts about the corpus, never findings: event clusters, sentence alignments, coverage.

pub mod align;
pub mod cluster;
pub mod names;
pub mod quotes;

use rayon::prelude::*;

use crate::index::outlet_text::outlet_text;
use crate::index::signatures;
use crate::model::Document;
use crate::text::features::{document_features, SentenceFeatures};
use align::Alignment;
use cluster::{ClusterParams, Clusters};

/// Settings of the corpus analysis (`[cluster]` and `[align]` in wirecheck.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AlignSettings {
    /// Clusters up to this size align every pair of articles; larger ones align each article
    /// with the cluster's representative only (a wire story syndicated to many outlets).
    pub max_all_pairs: usize,
}

impl Default for AlignSettings {
    fn default() -> Self {
        AlignSettings { max_all_pairs: 8 }
    }
}

/// Two articles of one cluster and how their sentences line up.
#[derive(Debug, Clone, PartialEq)]
pub struct PairReport {
    pub a: usize,
    pub b: usize,
    pub alignments: Vec<Alignment>,
    /// Share of `a`'s words found in `b` (and the other way round).
    pub containment_a_in_b: f64,
    pub containment_b_in_a: f64,
    /// Most consecutive sentences of `a` aligned, in order, with `b`.
    pub longest_shared_run: usize,
    /// The earlier article, when both are dated and the dates differ.
    pub likely_source: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Corpus {
    pub clusters: Clusters,
    /// Why the articles of each cluster are together: one link per join.
    pub links: Vec<cluster::Link>,
    pub pairs: Vec<PairReport>,
    /// Every direct quotation, by document and position, with its speaker and group.
    pub quotes: Vec<quotes::Quote>,
    /// The name mentions of each cluster (by cluster index), shared by the name rules. Empty
    /// when not computed: the name rules then find them themselves.
    pub names: Vec<names::ClusterNames>,
}

impl Corpus {
    /// For each sentence of each document: how many other articles carry it (aligned in any
    /// way). `sentences[d]` is the number of sentences of document `d`.
    pub fn sentence_support(&self, sentences: &[usize]) -> Vec<Vec<usize>> {
        let mut support: Vec<Vec<usize>> = sentences.iter().map(|&n| vec![0; n]).collect();
        for p in &self.pairs {
            for (doc, side_a) in [(p.a, true), (p.b, false)] {
                let mut seen = vec![false; sentences[doc]];
                for al in &p.alignments {
                    for i in if side_a { al.a.clone() } else { al.b.clone() } {
                        seen[i] = true;
                    }
                }
                for (s, hit) in support[doc].iter_mut().zip(seen) {
                    *s += usize::from(hit);
                }
            }
        }
        support
    }

    /// Pairs that involve document `doc`.
    pub fn pairs_of(&self, doc: usize) -> impl Iterator<Item = &PairReport> {
        self.pairs.iter().filter(move |p| p.a == doc || p.b == doc)
    }
}

/// The article that stands for a large cluster: the earliest dated, then the longest, then the
/// first by name.
fn representative(documents: &[Document], members: &[usize]) -> usize {
    *members
        .iter()
        .min_by_key(|&&d| {
            let date = documents[d]
                .meta
                .date
                .as_deref()
                .and_then(cluster::days)
                .unwrap_or(i64::MAX);
            (date, std::cmp::Reverse(documents[d].text.len()), d)
        })
        .unwrap_or(&members[0])
}

pub fn analyse(
    documents: &[Document],
    cluster_params: &ClusterParams,
    settings: &AlignSettings,
) -> Corpus {
    use crate::stats::{time, Stage};
    let features: Vec<Vec<SentenceFeatures>> = time(Stage::Features, || {
        documents.par_iter().map(document_features).collect()
    });
    let (outlet, sigs) = time(Stage::Index, || {
        let outlet = outlet_text(documents, &features);
        let sigs = signatures(documents, &features, &outlet);
        (outlet, sigs)
    });
    let (clusters, links) = time(Stage::Cluster, || {
        cluster::cluster(documents, &features, &sigs, &outlet, cluster_params)
    });
    drop(outlet);
    drop(sigs);
    let mut jobs: Vec<(usize, usize)> = Vec::new();
    for members in &clusters.members {
        if members.len() < 2 {
            continue;
        }
        if members.len() <= settings.max_all_pairs {
            for (k, &a) in members.iter().enumerate() {
                for &b in &members[k + 1..] {
                    jobs.push((a, b));
                }
            }
        } else {
            let rep = representative(documents, members);
            for &m in members.iter().filter(|&&m| m != rep) {
                jobs.push((rep.min(m), rep.max(m)));
            }
        }
    }
    let mut pairs: Vec<PairReport> = time(Stage::Align, || {
        jobs.par_iter()
            .map(|&(a, b)| pair_report(documents, a, b, &features[a], &features[b]))
            .collect()
    });
    pairs.sort_by_key(|p| (p.a, p.b));
    let quotes = time(Stage::Quotes, || {
        quotes::extract_all(documents, &clusters.of_document)
    });
    let names = time(Stage::Names, || names::analyse(documents, &clusters));
    Corpus {
        clusters,
        links,
        pairs,
        quotes,
        names,
    }
}

pub fn pair_report(
    documents: &[Document],
    a: usize,
    b: usize,
    fa: &[SentenceFeatures],
    fb: &[SentenceFeatures],
) -> PairReport {
    let alignments = align::align(fa, fb);
    let total_a: usize = fa.iter().map(|s| s.norms.len()).sum();
    let total_b: usize = fb.iter().map(|s| s.norms.len()).sum();
    let common: usize = alignments.iter().map(|al| al.common_tokens).sum();
    let share = |total: usize| {
        if total == 0 {
            0.0
        } else {
            (common as f64 / total as f64).min(1.0)
        }
    };
    let mut longest = 0;
    let mut run = 0;
    let mut last: Option<&Alignment> = None;
    for al in &alignments {
        run = match last {
            Some(prev) if al.a.start == prev.a.end && al.b.start >= prev.b.end => run + al.a.len(),
            _ => al.a.len(),
        };
        longest = longest.max(run);
        last = Some(al);
    }
    let dates = (
        documents[a].meta.date.as_deref().and_then(cluster::days),
        documents[b].meta.date.as_deref().and_then(cluster::days),
    );
    let likely_source = match dates {
        (Some(da), Some(db)) if da < db => Some(a),
        (Some(da), Some(db)) if db < da => Some(b),
        _ => None,
    };
    PairReport {
        a,
        b,
        alignments,
        containment_a_in_b: share(total_a),
        containment_b_in_a: share(total_b),
        longest_shared_run: longest,
        likely_source,
    }
}
