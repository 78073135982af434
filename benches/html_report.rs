//! `audit --html` over the synthetic 20,000-article corpus: the report's size (bound: 50 MB),
//! the time to write it, and, where headless Chromium is installed, the time the page takes to
//! open (bound: 3 s from launching the browser to the page's script having rendered).
//!
//! `cargo bench --bench html_report`

mod support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use rayon::prelude::*;
use wirecheck::config::Config;
use wirecheck::ingest::{read_bytes, Format};

const ARTICLES: usize = 20_000;
const MAX_BYTES: usize = 50 * 1024 * 1024;
const MAX_OPEN: Duration = Duration::from_secs(3);

fn chromium() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|n| dir.join(n)))
        .find(|p| p.is_file())
}

/// Launches headless Chromium on the report and waits for the DOM after the page's script ran;
/// returns the wall time and the script's own render time.
fn open_time(browser: &Path, report: &Path) -> (Duration, String) {
    let profile = tempfile::tempdir().expect("temporary profile");
    let start = Instant::now();
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", report.display()))
        .output()
        .expect("chromium runs");
    let elapsed = start.elapsed();
    let dom = String::from_utf8_lossy(&out.stdout);
    let ready = dom
        .split("data-ready-ms=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or("never")
        .to_string();
    assert!(
        !dom.contains("data-script-error=\""),
        "script error in the report"
    );
    (elapsed, ready)
}

fn html_report(c: &mut Criterion) {
    let corpus = support::synthetic_corpus(ARTICLES, 7);
    let documents: Vec<_> = corpus
        .par_iter()
        .flat_map_iter(|(name, bytes)| read_bytes(name, bytes.clone(), Format::Text).0)
        .collect();
    let analysis = wirecheck::analyse(documents, &Config::default());

    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/html-bench");
    std::fs::create_dir_all(&dir).expect("bench directory");
    let report = dir.join(format!("report-{ARTICLES}.html"));
    let mut page = Vec::new();
    wirecheck::report::html::write(&analysis, &mut page).expect("report written");
    std::fs::write(&report, &page).expect("report saved");
    println!(
        "html report, {ARTICLES} articles: {:.1} MB ({} bytes; bound {} MB) at {}",
        page.len() as f64 / 1e6,
        page.len(),
        MAX_BYTES / (1024 * 1024),
        report.display()
    );
    assert!(page.len() <= MAX_BYTES, "report over 50 MB");
    match chromium() {
        Some(browser) => {
            let mut runs: Vec<(Duration, String)> =
                (0..3).map(|_| open_time(&browser, &report)).collect();
            runs.sort();
            for (wall, ready) in &runs {
                println!(
                    "open in headless chromium: {:.2} s to rendered DOM (script: {ready} ms)",
                    wall.as_secs_f64()
                );
            }
            let (median, _) = &runs[1];
            println!("median open time {:.2} s (bound 3 s)", median.as_secs_f64());
            assert!(*median < MAX_OPEN, "report opens in more than 3 s");
        }
        None => println!("open time not measured: chromium not installed"),
    }

    let mut group = c.benchmark_group("html_report");
    group.sample_size(10);
    group.bench_with_input(
        BenchmarkId::from_parameter(ARTICLES),
        &analysis,
        |b, analysis| {
            b.iter(|| {
                let mut sink = Vec::with_capacity(page.len());
                wirecheck::report::html::write(analysis, &mut sink).expect("report written");
                sink.len()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, html_report);
criterion_main!(benches);
