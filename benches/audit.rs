//! The whole `audit` (read, clean, segment, language, index, cluster, align, every rule) over
//! synthetic corpora of 2,000 to 20,000 articles with syndicated groups, to check the time
//! target and that cost grows near-linearly.

mod support;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rayon::prelude::*;
use wirecheck::config::Config;
use wirecheck::ingest::{read_bytes, Format};

fn audit(c: &mut Criterion) {
    let mut group = c.benchmark_group("audit");
    group.sample_size(10);
    let config = Config::default();
    for articles in [2_000usize, 5_000, 20_000] {
        let corpus = support::synthetic_corpus(articles, 7);
        let bytes: usize = corpus.iter().map(|(_, b)| b.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(articles),
            &corpus,
            |b, corpus| {
                b.iter(|| {
                    let documents: Vec<_> = corpus
                        .par_iter()
                        .flat_map_iter(|(name, bytes)| {
                            read_bytes(name, bytes.clone(), Format::Text).0
                        })
                        .collect();
                    let analysis = wirecheck::analyse(documents, &config);
                    analysis.corpus.clusters.members.len()
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, audit);
criterion_main!(benches);
