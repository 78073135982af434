//! The name rules on directories each taken as one event cluster, whatever the clustering
//! says: measures the name logic alone. All directories are read in one run, as `audit` reads
//! its whole input (a split in one event is settled by the rest of the input when it can be).
//! Used by `names_run.py`.
//!
//!     cargo run --release --example names_quality -- DIR...
//!
//! Prints one JSON line per `name-variant` / `name-style` finding:
//! `{"cluster": DIR, "document": PATH, "rule", "found", "suggestion", "message"}`.

use std::io::Write;

use wirecheck::analysis::cluster::Clusters;
use wirecheck::analysis::Corpus;
use wirecheck::checks::{Context, CHECKS};
use wirecheck::config::Config;
use wirecheck::ingest::{read_bytes, Format};
use wirecheck::model::{Document, RuleId};

fn main() {
    let config = Config::default();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // Every directory's articles in one run, as `audit` reads its whole input (a split inside
    // one event is settled by the rest of the input), each directory one cluster.
    let mut documents: Vec<Document> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut of_document: Vec<usize> = Vec::new();
    let mut cluster_dir: Vec<String> = Vec::new();
    for dir in std::env::args().skip(1) {
        let mut paths: Vec<std::path::PathBuf> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                eprintln!("{dir}: {e}");
                continue;
            }
        };
        paths.sort();
        let first = documents.len();
        for p in &paths {
            let Ok(bytes) = std::fs::read(p) else {
                eprintln!("{}: unreadable", p.display());
                continue;
            };
            documents.extend(read_bytes(&p.to_string_lossy(), bytes, Format::Text).0);
        }
        if documents.len() == first {
            continue;
        }
        of_document.extend(std::iter::repeat_n(members.len(), documents.len() - first));
        members.push((first..documents.len()).collect());
        cluster_dir.push(dir);
    }
    let clusters = Clusters {
        of_document,
        members,
        compilations: Vec::new(),
    };
    let corpus = Corpus {
        names: wirecheck::analysis::names::analyse(&documents, &clusters),
        clusters,
        links: Vec::new(),
        pairs: Vec::new(),
        quotes: Vec::new(),
    };
    let references = vec![false; documents.len()];
    let ctx = Context {
        documents: &documents,
        corpus: &corpus,
        drafts: None,
        references: &references,
        config: &config,
    };
    for check in CHECKS
        .iter()
        .filter(|c| matches!(c.rule(), RuleId::NameVariant | RuleId::NameStyle))
    {
        let mut sink = Vec::new();
        check.run(&ctx, &mut sink);
        for f in sink {
            let line = serde_json::json!({
                "cluster": cluster_dir[corpus.clusters.of_document[f.document]],
                "document": documents[f.document].name,
                "rule": f.rule.as_str(),
                "found": f.found,
                "suggestion": f.suggestion,
                "message": f.message,
            });
            let _ = writeln!(out, "{line}");
        }
    }
}
