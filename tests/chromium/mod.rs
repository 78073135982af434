//! Headless Chromium for the HTML report: shared by the browser test (`tests/browser.rs`) and
//! the report benchmark (`benches/html_report.rs`, which includes this file by path).

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Chromium: `WIRECHECK_CHROMIUM`, else `chromium` or `chromium-browser` on `PATH`.
pub fn find() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("WIRECHECK_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|n| dir.join(n)))
        .find(|p| p.is_file())
}

/// Headless Chromium with a fresh profile in `profile`, quiet apart from the page's console
/// (logged to stderr), loading `url` with the extra `args`.
fn command(browser: &Path, profile: &Path, url: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--enable-logging=stderr",
        "--v=0",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(args)
    .arg(url);
    cmd
}

/// Runs Chromium to the end on `url` (e.g. with `--dump-dom` or `--screenshot=FILE`);
/// returns (stdout, stderr).
pub fn run(browser: &Path, profile: &Path, url: &str, args: &[&str]) -> (String, String) {
    let out = command(browser, profile, url, args)
        .output()
        .expect("chromium runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Console errors Chromium logged for the page.
pub fn script_errors(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains("Uncaught") || (l.contains("CONSOLE") && l.contains("rror")))
        .collect()
}

/// How long a page took to become usable.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Opened {
    /// From launching Chromium to the page's ready line on its console (browser start-up
    /// included).
    pub wall: Duration,
    /// What the page measured: milliseconds from the start of its navigation (reading and
    /// parsing the file included) to its first view built and laid out.
    pub page_ms: f64,
    /// The page script's own share of `page_ms`.
    pub script_ms: f64,
}

/// Opens `page` (an HTML report) at `#timing`, where it logs `wirecheck-ready PAGE_MS
/// SCRIPT_MS` on its console once its first view is built and laid out; Chromium is stopped
/// as soon as that line arrives. `None` when the page logged a script error or no ready line
/// within `limit`.
pub fn open_time(browser: &Path, page: &Path, limit: Duration) -> Option<Opened> {
    let profile = tempfile::tempdir().expect("temporary profile");
    let url = format!("file://{}#timing", page.display());
    let start = Instant::now();
    let mut child = command(browser, profile.path(), &url, &[])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let stderr = child.stderr.take().expect("piped stderr");
    // Read the console on a thread, so a page that never gets ready cannot hang the caller.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let failed = !script_errors(&line).is_empty();
            let ready = line.contains("wirecheck-ready ");
            if (failed || ready) && tx.send((start.elapsed(), line)).is_err() {
                return;
            }
        }
    });
    let got = rx.recv_timeout(limit).ok();
    let _ = child.kill();
    let _ = child.wait();
    let (wall, line) = got?;
    if !script_errors(&line).is_empty() {
        eprintln!("script error: {line}");
        return None;
    }
    let mut figures = line
        .split("wirecheck-ready ")
        .nth(1)?
        .split(|c: char| !c.is_ascii_digit() && c != '.')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<f64>().ok());
    Some(Opened {
        wall,
        page_ms: figures.next()??,
        script_ms: figures.next()??,
    })
}
