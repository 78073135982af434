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

/// The quote fixtures' articles: many speaker patterns, short paragraphs, many marks.
fn fixture_articles() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/quotes");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures/quotes exists")
        .filter_map(|e| e.ok().map(|e| e.path().join("article.txt")))
        .filter(|p| p.exists())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture is UTF-8"))
        .collect()
}

fn corpus(target_bytes: usize) -> Vec<(String, Vec<u8>)> {
    let mut texts = support::seeds();
    // The fixtures are short: join them in runs of eight into article-sized texts.
    for chunk in fixture_articles().chunks(8) {
        texts.push(chunk.join("\n\n"));
    }
    let mut docs = Vec::new();
    let mut total = 0;
    let mut n = 0;
    while total < target_bytes {
        let text = support::vary(&texts[n % texts.len()], n);
        total += text.len();
        docs.push((format!("doc{n:07}.txt"), text.into_bytes()));
        n += 1;
    }
    docs
}

fn quotes(c: &mut Criterion) {
    let mut group = c.benchmark_group("quotes");
    group.sample_size(10);
    let corpus = corpus(8 * 1024 * 1024);
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
