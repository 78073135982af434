//! Quotation extraction, speaker attribution and grouping (`analysis::quotes::extract_all`)
//! over about 8 MiB of real-ish news text: the seed articles and the quote fixtures' articles,
//! repeated with varied digits, in event clusters of five articles (every quotation grouped
//! with the other four articles' quotations). Reading and sentence segmentation happen once,
//! outside the measurement. Throughput in bytes of article text per second.

mod support;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rayon::prelude::*;
use wirecheck::analysis::quotes::extract_all;
use wirecheck::ingest::{read_bytes, Format};
use wirecheck::model::Document;

fn quotes(c: &mut Criterion) {
    let mut group = c.benchmark_group("quotes");
    group.sample_size(10);
    let corpus = support::quote_corpus(8 * 1024 * 1024);
    let documents: Vec<Document> = corpus
        .par_iter()
        .flat_map_iter(|(name, bytes)| read_bytes(name, bytes.clone(), Format::Text).0)
        .collect();
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let cluster_of: Vec<usize> = (0..documents.len()).map(|d| d / 5).collect();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_with_input(
        BenchmarkId::from_parameter("extract_attribute_group"),
        &documents,
        |b, docs| b.iter(|| extract_all(docs, &cluster_of).len()),
    );
    group.finish();
}

criterion_group!(benches, quotes);
criterion_main!(benches);
