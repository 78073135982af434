//! The name rules once over the `names` bench corpus (10 MB of varied seed copies), for a
//! load-independent instruction count (`perf stat -e instructions:u`, or callgrind where the
//! machine has no counters) or a profile:
//!
//!     cargo build --release --example names_profile
//!     valgrind --tool=callgrind target/release/examples/names_profile single|cross|none [MIB]
//!
//! `single`: each article its own cluster; `cross`: clusters of five; `none`: reading only,
//! to subtract; MIB of text, 10 unless given. Prints the number of findings.

#[path = "../support/mod.rs"]
mod support;

use rayon::prelude::*;
use wirecheck::analysis::cluster::Clusters;
use wirecheck::analysis::Corpus;
use wirecheck::checks::Context;
use wirecheck::config::Config;
use wirecheck::ingest::{read_bytes, Format};
use wirecheck::model::Document;

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_else(|| "cross".into());
    let size = match mode.as_str() {
        "single" => 1,
        "cross" => 5,
        _ => 0,
    };
    let config = Config::default();
    let mib: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let corpus = support::corpus(mib * 1024 * 1024);
    let documents: Vec<Document> = corpus
        .par_iter()
        .flat_map_iter(|(name, bytes)| read_bytes(name, bytes.clone(), Format::Text).0)
        .collect();
    if size == 0 {
        println!("{} documents", documents.len());
        return;
    }
    let n = documents.len();
    let members: Vec<Vec<usize>> = (0..n)
        .collect::<Vec<_>>()
        .chunks(size)
        .map(<[usize]>::to_vec)
        .collect();
    let clusters = Clusters {
        of_document: (0..n).map(|d| d / size).collect(),
        members,
        compilations: Vec::new(),
    };
    // The name stage as `analyse` runs it, then both name rules.
    let names = wirecheck::analysis::names::analyse(&documents, &clusters);
    let facts = Corpus {
        clusters,
        links: Vec::new(),
        pairs: Vec::new(),
        quotes: Vec::new(),
        names,
    };
    let references = vec![false; n];
    let ctx = Context {
        documents: &documents,
        corpus: &facts,
        drafts: None,
        references: &references,
        config: &config,
    };
    let found = support::run_name_rules(&ctx);
    println!("{found} findings");
}
