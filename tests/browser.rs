//! The HTML report in a real browser: headless Chromium (Debian's `chromium` package) loads the
//! seeds' report, takes a screenshot, and the rendered page must show the Rute/Rutte finding,
//! the three-article heatmap and a quote diff, with no script error. Where Chromium is not
//! installed the test says so and is skipped, unless `WIRECHECK_REQUIRE_BROWSER` is set (CI).

mod chromium;
mod common;

use std::path::{Path, PathBuf};

use chromium::{run, script_errors};
use common::wirecheck;

/// Chromium, or `None` after saying why the test is skipped.
fn browser_or_skip() -> Option<PathBuf> {
    match chromium::find() {
        Some(p) => Some(p),
        None if std::env::var_os("WIRECHECK_REQUIRE_BROWSER").is_some() => {
            panic!("WIRECHECK_REQUIRE_BROWSER is set but chromium is not installed")
        }
        None => {
            eprintln!(
                "SKIPPED browser test: chromium not found (apt-get install -y chromium, \
                 or set WIRECHECK_CHROMIUM to its path)"
            );
            None
        }
    }
}

fn audit_html(dir: &Path, inputs: &[&str]) -> PathBuf {
    let path = dir.join("report.html");
    let mut args = vec![
        "audit",
        "--fail-on",
        "never",
        "--html",
        path.to_str().unwrap(),
    ];
    args.extend_from_slice(inputs);
    let out = wirecheck(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    path
}

#[test]
fn seeds_report_renders_in_chromium() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let report = audit_html(dir.path(), &["seeds/"]);
    let url = format!("file://{}", report.display());
    let (dom, stderr) = run(&browser, &dir.path().join("profile"), &url, &["--dump-dom"]);
    assert!(script_errors(&stderr).is_empty(), "{stderr}");
    assert!(
        dom.contains("data-ready-ms="),
        "the script did not finish:\n{dom}"
    );
    assert!(!dom.contains("data-script-error=\""), "{dom}");
    // The Rute/Rutte finding is a row of the findings table.
    assert!(
        dom.contains(
            "<td class=\"found\" title=\"Rute\">Rute</td><td class=\"suggestion\" title=\"Rutte\">Rutte</td>"
        ),
        "no Rute/Rutte row"
    );
    // The seeds' one multi-article cluster is open with its 3x3 heatmap, 004 marked earliest.
    let heat = dom
        .split("<table class=\"heatmap\">")
        .nth(1)
        .expect("a heatmap is rendered");
    let heat = &heat[..heat.find("</table>").unwrap()];
    assert_eq!(heat.matches("<tr>").count(), 4, "{heat}");
    assert_eq!(heat.matches("class=\"self\"").count(), 3);
    assert!(heat.contains("[3] ★"));
    // A quote diff with the changed words marked.
    let variants = dom
        .split("<ul class=\"variants\">")
        .nth(1)
        .expect("quote variants are rendered");
    let variants = &variants[..variants.find("</ul>").unwrap()];
    assert!(variants.contains("<del>is</del>"), "{variants}");
    assert!(variants.contains("<ins>was</ins>"), "{variants}");

    let shot = dir.path().join("shot.png");
    let (_, stderr) = run(
        &browser,
        &dir.path().join("profile2"),
        &url,
        &[
            "--window-size=1200,1700",
            &format!("--screenshot={}", shot.display()),
        ],
    );
    assert!(script_errors(&stderr).is_empty(), "{stderr}");
    let png = std::fs::read(&shot).expect("a screenshot was written");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000);
    if let Some(keep) = std::env::var_os("WIRECHECK_SCREENSHOT") {
        std::fs::copy(&shot, keep).unwrap();
    }
}

#[test]
fn article_markup_stays_text_in_chromium() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let report = audit_html(
        dir.path(),
        &[
            "fixtures/html/hostile.txt",
            "seeds/000_b626a1907856b0c6.txt",
        ],
    );
    // `#all` renders every section, the documents list included.
    let url = format!("file://{}#all", report.display());
    let (dom, stderr) = run(&browser, &dir.path().join("profile"), &url, &["--dump-dom"]);
    assert!(script_errors(&stderr).is_empty(), "{stderr}");
    assert!(dom.contains("data-ready-ms="), "{dom}");
    assert!(!dom.contains("data-script-error=\""));
    assert!(
        !dom.contains("<script>alert"),
        "an article's script became markup"
    );
    assert!(!dom.contains("<img"), "an <img> element was created");
    assert!(
        !dom.contains("href=\"javascript"),
        "a javascript: link was created"
    );
    // Open the hostile article in context: its text is shown, escaped, as text.
    let hostile = "#doc-0-s-0";
    let url = format!("file://{}{hostile}", report.display());
    let (dom, _) = run(
        &browser,
        &dir.path().join("profile2"),
        &url,
        &["--dump-dom"],
    );
    assert!(
        dom.contains("&lt;script&gt;alert(\"xss\")&lt;/script&gt;"),
        "{dom}"
    );
    assert!(dom.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!dom.contains("<img"));
}

#[test]
fn report_logs_when_it_is_ready_for_timing() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let report = audit_html(dir.path(), &["seeds/"]);
    let opened = chromium::open_time(&browser, &report, std::time::Duration::from_secs(120))
        .expect("the page logs its ready line and no script error");
    assert!(opened.page_ms > 0.0, "{opened:?}");
    assert!(opened.script_ms <= opened.page_ms, "{opened:?}");
    assert!(
        opened.wall.as_secs_f64() * 1000.0 >= opened.page_ms,
        "{opened:?}"
    );
}
