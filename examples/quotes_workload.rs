//! A fixed workload for measuring quotation extraction with a load-independent count
//! (`perf stat -e instructions:u`): the `quotes` benchmark's corpus (seed and quote-fixture
//! articles, varied, clusters of five), `extract_all` run once, and a hash of every quote
//! printed so a speed-up can be checked to leave the output unchanged.
//! `cargo build --release --example quotes_workload && RAYON_NUM_THREADS=1 perf stat -e
//! instructions:u target/release/examples/quotes_workload [MEGABYTES] [RUNS]`

#[path = "../benches/support/mod.rs"]
mod support;

use std::hash::{Hash, Hasher};
use wirecheck::analysis::quotes::extract_all;
use wirecheck::ingest::{read_bytes, Format};
use wirecheck::model::Document;

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(4);
    let documents: Vec<Document> = support::quote_corpus(mb * 1024 * 1024)
        .into_iter()
        .flat_map(|(name, bytes)| read_bytes(&name, bytes, Format::Text).0)
        .collect();
    let total: usize = documents.iter().map(|d| d.text.len()).sum();
    let cluster_of: Vec<usize> = (0..documents.len()).map(|d| d / 5).collect();
    // Extraction runs RUNS times (second argument, default 1): the count of one run is the
    // difference between two RUNS values, without reading and segmentation.
    let runs: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let mut quotes = Vec::new();
    for _ in 0..runs {
        quotes = extract_all(&documents, &cluster_of);
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for q in &quotes {
        format!("{q:?}").hash(&mut h);
    }
    println!(
        "{} documents, {} bytes, {} quotes, hash {:016x}",
        documents.len(),
        total,
        quotes.len(),
        h.finish()
    );
}
