//! load + clean + segment + language over a corpus of varied seed copies, at 10, 30 and 100 MB,
//! to check throughput (MB/s) and that cost grows linearly with corpus size.

mod support;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rayon::prelude::*;
use wirecheck::ingest::{read_bytes, Format};

fn read_corpus(c: &mut Criterion) {
    let mut group = c.benchmark_group("read_clean_segment_language");
    group.sample_size(10);
    for mb in [10usize, 30, 100] {
        let corpus = support::corpus(mb * 1024 * 1024);
        let bytes: usize = corpus.iter().map(|(_, b)| b.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &corpus,
            |b, corpus| {
                b.iter(|| {
                    let sentences: usize = corpus
                        .par_iter()
                        .map(|(name, bytes)| {
                            let (docs, _, _) = read_bytes(name, bytes.clone(), Format::Text);
                            docs.iter().map(|d| d.sentences.len()).sum::<usize>()
                        })
                        .sum();
                    assert!(sentences > 0);
                    sentences
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, read_corpus);
criterion_main!(benches);
