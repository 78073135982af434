//! `audit --html` over synthetic corpora of 1,000, 5,000 and 20,000 articles: the report's size
//! (bound for 20,000: 50 MB), the time to write it (criterion), and, where headless Chromium is
//! installed, the time the page takes to open (bound for 20,000: 3 s).
//!
//! Open time: Chromium loads the report at `#timing`; the page's script, once its first view is
//! built (findings table, cluster list) and laid out, logs `wirecheck-ready PAGE_MS SCRIPT_MS`
//! on the console, and Chromium is stopped on that line. PAGE_MS is the page's own
//! `performance.now()`: from the start of the navigation, so reading and parsing the whole file
//! are included. Each page is opened 5 times; the fastest and the median are printed, with the
//! machine's load average, the wall time from launching the browser to the line, and the same
//! figures for an empty page (the browser's own start-up on this machine). The bound is checked
//! on the fastest of the 5 opens: other work on a shared machine only ever adds to the time.
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
const RUNS: usize = 5;

fn analysis(articles: usize) -> Analysis {
    let corpus = support::synthetic_corpus(articles, 7);
    let documents: Vec<_> = corpus
        .par_iter()
        .flat_map_iter(|(name, bytes)| read_bytes(name, bytes.clone(), Format::Text).0)
        .collect();
    wirecheck::analyse(documents, &Config::default())
}

/// The 1-minute load average, for context.
fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

/// Fastest and median of `RUNS` opens (by the page's own time), or `None` after saying why.
fn opens(browser: &Path, page: &Path) -> Option<(chromium::Opened, chromium::Opened)> {
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        match chromium::open_time(browser, page, Duration::from_secs(300)) {
            Some(o) => runs.push(o),
            None => {
                println!(
                    "  {}: no ready line (script error or timeout)",
                    page.display()
                );
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
    println!("  (load average {} on {} cores)", load(), num_cpus());
    Some((runs[0], runs[RUNS / 2]))
}

fn num_cpus() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
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
        opens(b, &empty)
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
        let opened = browser.as_ref().and_then(|b| opens(b, &report));
        summary.push((articles, page.len(), opened));
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

    println!(
        "\n| articles | report size | open, fastest of {RUNS} (script) | open, median (script) | \
         wall from browser launch, median |"
    );
    println!("|---|---|---|---|---|");
    let row = |name: String, size: String, o: Option<(chromium::Opened, chromium::Opened)>| match o
    {
        Some((fast, median)) => println!(
            "| {name} | {size} | {:.0} ms ({:.0} ms) | {:.0} ms ({:.0} ms) | {:.2} s |",
            fast.page_ms,
            fast.script_ms,
            median.page_ms,
            median.script_ms,
            median.wall.as_secs_f64()
        ),
        None => println!("| {name} | {size} | not measured | | |"),
    };
    row("empty page".into(), "—".into(), baseline);
    for &(articles, bytes, opened) in &summary {
        row(
            articles.to_string(),
            format!("{:.1} MB", bytes as f64 / 1e6),
            opened,
        );
    }
    println!(
        "bounds for 20,000: {} MB, {MAX_OPEN_MS:.0} ms (fastest open); load average now {}",
        MAX_BYTES / (1024 * 1024),
        load()
    );
    let &(_, bytes, opened) = summary.last().expect("sizes measured");
    assert!(bytes <= MAX_BYTES, "report over 50 MB");
    if browser.is_some() {
        let (fast, _) = opened.expect("the 20,000-article report opens");
        assert!(fast.page_ms < MAX_OPEN_MS, "report opens in more than 3 s");
    }
}

criterion_group!(benches, html_report);
criterion_main!(benches);
