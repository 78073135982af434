//! Quote extraction and attribution over fixtures/quotes/*: each folder holds an article and
//! `expected.txt`, one line per quotation: `SPEAKER | start of the quoted text`, or
//! `FRAGMENT | text` for scare quotes and titles. Every expected quotation must be found with
//! its speaker, and no other quotation may be reported.

mod common;

use common::wirecheck;

#[test]
fn quote_fixtures() {
    let root = common::root().join("fixtures/quotes");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 40, "at least 40 quote fixtures");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let rel = format!("fixtures/quotes/{name}/article.txt");
        let out = wirecheck(&["audit", "--format", "json", "--fail-on", "never", &rel]);
        let json = out.json();
        let quotes = json["quotes"].as_array().unwrap();
        let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap();
        let expected: Vec<(&str, &str)> = expected
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.split_once(" | ").expect("SPEAKER | text"))
            .collect();
        if quotes.len() != expected.len() {
            failures.push(format!(
                "{name}: {} quotes, expected {}: {quotes:?}",
                quotes.len(),
                expected.len()
            ));
            continue;
        }
        for (speaker, start) in expected {
            let Some(q) = quotes
                .iter()
                .find(|q| q["text"].as_str().unwrap().starts_with(start))
            else {
                failures.push(format!("{name}: no quote starting {start:?}: {quotes:?}"));
                continue;
            };
            if speaker == "FRAGMENT" {
                if q["fragment"] != true {
                    failures.push(format!("{name}: {start:?} should be a fragment"));
                }
            } else if q["speaker"].as_str() != Some(speaker) {
                failures.push(format!(
                    "{name}: {start:?} by {:?}, expected {speaker:?}",
                    q["speaker"]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
