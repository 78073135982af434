//! The name rules (`name-variant`, `name-style`) over 10 MB of varied seed copies: each article
//! its own cluster (single-article), and clusters of five articles (cross-article: every
//! name compared with the other four articles' names). Each iteration runs the name stage of
//! the analysis (mentions of each cluster, shared by both rules) and both rules. Throughput in
//! bytes per second.

mod support;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rayon::prelude::*;
use wirecheck::analysis::cluster::Clusters;
use wirecheck::analysis::{names, Corpus};
use wirecheck::checks::Context;
use wirecheck::config::Config;
use wirecheck::ingest::{read_bytes, Format};
use wirecheck::model::Document;

fn names(c: &mut Criterion) {
    let mut group = c.benchmark_group("name_rules");
    group.sample_size(10);
    let config = Config::default();
    let corpus = support::corpus(10 * 1024 * 1024);
    let bytes: usize = corpus.iter().map(|(_, b)| b.len()).sum();
    let documents: Vec<Document> = corpus
        .par_iter()
        .flat_map_iter(|(name, bytes)| read_bytes(name, bytes.clone(), Format::Text).0)
        .collect();
    let references = vec![false; documents.len()];
    let n = documents.len();
    for (label, size) in [("single_article", 1), ("cross_article_5", 5)] {
        let members: Vec<Vec<usize>> = (0..n)
            .collect::<Vec<_>>()
            .chunks(size)
            .map(<[usize]>::to_vec)
            .collect();
        let mut corpus_facts = Corpus {
            clusters: Clusters {
                of_document: (0..n).map(|d| d / size).collect(),
                members,
                compilations: Vec::new(),
            },
            links: Vec::new(),
            pairs: Vec::new(),
            quotes: Vec::new(),
            names: Vec::new(),
        };
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label), &documents, |b, docs| {
            b.iter(|| {
                corpus_facts.names = names::analyse(docs, &corpus_facts.clusters);
                let ctx = Context {
                    documents: docs,
                    corpus: &corpus_facts,
                    drafts: None,
                    references: &references,
                    config: &config,
                };
                support::run_name_rules(&ctx)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, names);
criterion_main!(benches);
