//! `audit --html` over synthetic corpora of 1,000, 5,000 and 20,000 articles: the report's size
//! (bound for 20,000: 50 MB), the time to write it (criterion), and, where headless Chromium is
//! installed, the time the page takes to open (bound for 20,000: 3 s).
//!
//! Open time: Chromium loads the report at `#timing`; the page's script, once its first view is
//! built (findings table, cluster list) and laid out, logs `wirecheck-ready PAGE_MS SCRIPT_MS`
//! on the console, and Chromium is stopped on that line. PAGE_MS is the page's own
//! `performance.now()`: from the start of the navigation, so reading and parsing the whole file
//! are included. The bound applies to it (median of 3 runs). The wall time from launching the
//! browser to the line is printed too, with the same for an empty page, so the browser's own
//! start-up on this machine can be told apart.
//!
//! `cargo bench --bench html_report`

#[path = "../tests/chromium/mod.rs"]
mod chromium;
mod support;

use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use rayon::prelude::*;
use wirecheck::config::Config;
use wirecheck::ingest::{read_bytes, Format};
use wirecheck::Analysis;

const SIZES: [usize; 3] = [1_000, 5_000, 20_000];
const MAX_BYTES: usize = 50 * 1024 * 1024;
const MAX_OPEN_MS: f64 = 3000.0;
const RUNS: usize = 3;

fn analysis(articles: usize) -> Analysis {
    let corpus = support::synthetic_corpus(articles, 7);
    let documents: Vec<_> = corpus
        .par_iter()
        .flat_map_iter(|(name, bytes)| read_bytes(name, bytes.clone(), Format::Text).0)
        .collect();
    wirecheck::analyse(documents, &Config::default())
}

/// Median of `RUNS` opens (by the page's own time), or `None` after saying why.
fn median_open(browser: &Path, page: &Path) -> Option<chromium::Opened> {
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        match chromium::open_time(browser, page, Duration::from_secs(300)) {
            Some(o) => runs.push(o),
            None => {
                println!("  {}: no ready line (script error or timeout)", page.display());
                return None;
            }
        }
    }
    runs.sort_by(|a, b| a.page_ms.total_cmp(&b.page_ms));
    for o in &runs {
        println!(
            "  open: page {:.0} ms (script {:.0} ms), wall {:.2} s from browser launch",
            o.page_ms,
            o.script_ms,
            o.wall.as_secs_f64()
        );
    }
    Some(runs[RUNS / 2])
}

fn html_report(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/html-bench");
    std::fs::create_dir_all(&dir).expect("bench directory");
    let browser = chromium::find();
    let baseline = browser.as_ref().and_then(|b| {
        let empty = dir.join("empty.html");
        std::fs::write(
            &empty,
            "<!DOCTYPE html><title>empty</title><script>void document.body;\
             var t = Math.round(performance.now());\
             console.info('wirecheck-ready ' + t + ' 0');</script>",
        )
        .expect("empty page saved");
        println!("empty page (browser start-up on this machine):");
        median_open(b, &empty)
    });

    let mut group = c.benchmark_group("html_report");
    group.sample_size(10);
    let mut summary = Vec::new();
    for articles in SIZES {
        let analysis = analysis(articles);
        let report = dir.join(format!("report-{articles}.html"));
        let mut page = Vec::new();
        wirecheck::report::html::write(&analysis, &mut page).expect("report written");
        std::fs::write(&report, &page).expect("report saved");
        println!(
            "html report, {articles} articles: {:.1} MB ({} bytes) at {}",
            page.len() as f64 / 1e6,
            page.len(),
            report.display()
        );
        let opened = browser.as_ref().and_then(|b| median_open(b, &report));
        summary.push((articles, page.len(), opened));
        if articles == 20_000 {
            assert!(page.len() <= MAX_BYTES, "report over 50 MB");
            if browser.is_some() {
                let o = opened.expect("the 20,000-article report opens");
                assert!(o.page_ms < MAX_OPEN_MS, "report opens in more than 3 s");
            }
        }
        group.bench_with_input(
            BenchmarkId::from_parameter(articles),
            &analysis,
            |b, analysis| {
                b.iter(|| {
                    let mut sink = Vec::with_capacity(page.len());
                    wirecheck::report::html::write(analysis, &mut sink).expect("report written");
                    sink.len()
                })
            },
        );
    }
    group.finish();

    println!("\n| articles | report size | open (page, median) | script | wall from browser launch |");
    println!("|---|---|---|---|---|");
    if let Some(b) = baseline {
        println!(
            "| empty page | — | {:.0} ms | — | {:.2} s |",
            b.page_ms,
            b.wall.as_secs_f64()
        );
    }
    for (articles, bytes, opened) in summary {
        match opened {
            Some(o) => println!(
                "| {articles} | {:.1} MB | {:.0} ms | {:.0} ms | {:.2} s |",
                bytes as f64 / 1e6,
                o.page_ms,
                o.script_ms,
                o.wall.as_secs_f64()
            ),
            None => println!(
                "| {articles} | {:.1} MB | not measured (no chromium) | | |",
                bytes as f64 / 1e6
            ),
        }
    }
    println!("bounds for 20,000: {} MB, {MAX_OPEN_MS:.0} ms", MAX_BYTES / (1024 * 1024));
}

criterion_group!(benches, html_report);
criterion_main!(benches);
