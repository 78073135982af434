//! Per-document stages over a corpus of varied seed copies (10, 30 and 100 MB): reading
//! (load + clean + segment + language), quote extraction and grouping, and the single-article
//! rules. Throughput is reported in bytes per second; the sizes show whether cost grows
//! linearly.

mod support;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rayon::prelude::*;
use wirecheck::analysis::cluster::Clusters;
use wirecheck::analysis::Corpus;
use wirecheck::checks::{Context, CHECKS};
use wirecheck::config::Config;
use wirecheck::ingest::{read_bytes, Format};
use wirecheck::model::{Document, RuleId};

const SIZES_MB: [usize; 3] = [10, 30, 100];

fn read(corpus: &[(String, Vec<u8>)]) -> Vec<Document> {
    corpus
        .par_iter()
        .flat_map_iter(|(name, bytes)| read_bytes(name, bytes.clone(), Format::Text).0)
        .collect()
}

fn read_corpus(c: &mut Criterion) {
    let mut group = c.benchmark_group("read_clean_segment_language");
    group.sample_size(10);
    for mb in SIZES_MB {
        let corpus = support::corpus(mb * 1024 * 1024);
        let bytes: usize = corpus.iter().map(|(_, b)| b.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &corpus,
            |b, corpus| {
                b.iter(|| {
                    read(corpus)
                        .iter()
                        .map(|d| d.sentences.len())
                        .sum::<usize>()
                })
            },
        );
    }
    group.finish();
}

/// The same corpus as wire copy: paragraphs hard-wrapped at 70 characters, each first line
/// indented, an earnings table and a sign-off at the end.
fn wire_copy(corpus: &[(String, Vec<u8>)]) -> Vec<(String, Vec<u8>)> {
    corpus
        .iter()
        .map(|(name, bytes)| {
            let text = String::from_utf8_lossy(bytes);
            let mut out = String::with_capacity(bytes.len() + bytes.len() / 10);
            for para in text.lines().filter(|l| !l.trim().is_empty()) {
                let mut width = 0;
                out.push_str("    ");
                for word in para.split_whitespace() {
                    if width > 0 && width + word.len() > 66 {
                        out.push('\n');
                        width = 0;
                    } else if width > 0 {
                        out.push(' ');
                    }
                    out.push_str(word);
                    width += word.len() + 1;
                }
                out.push('\n');
            }
            out.push_str("    Shr 1.20 dlrs vs 1.10 dlrs\n    Net 12.3 mln vs 10.1 mln\n    Revs 100.5 mln vs 90.2 mln\n Reuter\n");
            (name.clone(), out.into_bytes())
        })
        .collect()
}

fn read_wire_copy(c: &mut Criterion) {
    let mut group = c.benchmark_group("read_hard_wrapped_wire_copy");
    group.sample_size(10);
    for mb in SIZES_MB {
        let corpus = wire_copy(&support::corpus(mb * 1024 * 1024));
        let bytes: usize = corpus.iter().map(|(_, b)| b.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &corpus,
            |b, corpus| {
                b.iter(|| {
                    read(corpus)
                        .iter()
                        .map(|d| d.sentences.len())
                        .sum::<usize>()
                })
            },
        );
    }
    group.finish();
}

fn quotes(c: &mut Criterion) {
    let mut group = c.benchmark_group("quotes_extract_and_group");
    group.sample_size(10);
    for mb in SIZES_MB {
        let corpus = support::corpus(mb * 1024 * 1024);
        let bytes: usize = corpus.iter().map(|(_, b)| b.len()).sum();
        let documents = read(&corpus);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &documents,
            |b, docs| {
                b.iter(|| {
                    // One cluster: every quotation may be compared with every other.
                    let one = vec![0; docs.len()];
                    wirecheck::analysis::quotes::extract_all(docs, &one).len()
                })
            },
        );
    }
    group.finish();
}

/// The rules that need no alignment, each article on its own (every article its own cluster).
fn single_article_rules(c: &mut Criterion) {
    let mut group = c.benchmark_group("single_article_rules");
    group.sample_size(10);
    let config = Config::default();
    let single = [
        RuleId::NameVariant,
        RuleId::ConfusableChars,
        RuleId::UnbalancedQuotes,
        RuleId::UntranslatedText,
        RuleId::MtDisclaimer,
        RuleId::RepeatedWord,
        RuleId::DuplicatePassage,
        RuleId::Mojibake,
    ];
    for mb in SIZES_MB {
        let corpus = support::corpus(mb * 1024 * 1024);
        let bytes: usize = corpus.iter().map(|(_, b)| b.len()).sum();
        let documents = read(&corpus);
        let corpus_facts = Corpus {
            clusters: Clusters {
                of_document: (0..documents.len()).collect(),
                members: (0..documents.len()).map(|d| vec![d]).collect(),
                compilations: Vec::new(),
            },
            links: Vec::new(),
            pairs: Vec::new(),
            quotes: Vec::new(),
            names: Vec::new(),
        };
        let references = vec![false; documents.len()];
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &documents,
            |b, docs| {
                b.iter(|| {
                    let ctx = Context {
                        documents: docs,
                        corpus: &corpus_facts,
                        drafts: None,
                        references: &references,
                        config: &config,
                    };
                    CHECKS
                        .par_iter()
                        .filter(|c| single.contains(&c.rule()))
                        .map(|c| {
                            let mut sink = Vec::new();
                            c.run(&ctx, &mut sink);
                            sink.len()
                        })
                        .sum::<usize>()
                })
            },
        );
    }
    group.finish();
}

criterion_group!(
    benches,
    read_corpus,
    read_wire_copy,
    quotes,
    single_article_rules
);
criterion_main!(benches);
