//! Quote extraction and attribution over fixtures/quotes/*: each folder holds an article and
//! `expected.txt`, one line per quoted span: `SPEAKER | start of the quoted text` for a
//! quotation of speech; `NONE | text` for one whose speaker is unknown (null, with a reason);
//! `TERM`, `TITLE`, `NICKNAME`, `SLOGAN` or `DOCUMENT | text` for quoted spans of that kind
//! (never a speaker); `FRAGMENT | text` for any of those five. Every expected span must be
//! found as described, and no other quoted span may be reported.

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
            let kind = q["kind"].as_str().unwrap();
            let speech = matches!(kind, "speech" | "partial");
            if speech != (q["fragment"] == false) {
                failures.push(format!(
                    "{name}: {start:?}: kind {kind} but fragment {}",
                    q["fragment"]
                ));
            }
            if q["speaker"].is_null() != q["speaker_reason"].is_string() {
                failures.push(format!(
                    "{name}: {start:?}: a null speaker needs a reason: {q}"
                ));
            }
            if speaker == "FRAGMENT" {
                if speech {
                    failures.push(format!("{name}: {start:?} should not be speech: {q}"));
                }
            } else if matches!(
                speaker,
                "TERM" | "TITLE" | "NICKNAME" | "SLOGAN" | "DOCUMENT"
            ) {
                if kind != speaker.to_lowercase() {
                    failures.push(format!("{name}: {start:?} is {kind}, expected {speaker}"));
                }
            } else if speaker == "NONE" {
                if !speech || !q["speaker"].is_null() {
                    failures.push(format!(
                        "{name}: {start:?}: expected speech without speaker: {q}"
                    ));
                }
            } else if !speech {
                failures.push(format!(
                    "{name}: {start:?} is {kind}, expected speech by {speaker}"
                ));
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
