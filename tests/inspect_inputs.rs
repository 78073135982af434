//! `wirecheck inspect` over every input format and every bad-input case: golden JSON snapshots
//! (read and checked by hand) plus assertions on what matters in each.

mod common;

use common::{root, wirecheck, wirecheck_in};

fn inspect(path: &str) -> common::Outcome {
    wirecheck(&["inspect", "--format", "json", path])
}

fn sentences(doc: &serde_json::Value) -> Vec<&str> {
    doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect()
}

/// Every sentence's span, cut from the original file, is the sentence text.
fn assert_spans_point_into_the_file(doc: &serde_json::Value, file: &[u8]) {
    for s in doc["sentences"].as_array().unwrap() {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            String::from_utf8_lossy(&file[start..end]),
            s["text"].as_str().unwrap(),
            "span {start}..{end}"
        );
    }
}

#[test]
fn plain_text() {
    let out = inspect("fixtures/inspect/plain_text/wire.txt");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = out.json();
    let doc = &json["documents"][0];
    assert_eq!(doc["title"], "Ministers agree on new air defence fund");
    assert_eq!(doc["date"], "2025-04-04");
    assert_eq!(doc["language"], "eng");
    let file = std::fs::read(root().join("fixtures/inspect/plain_text/wire.txt")).unwrap();
    assert_spans_point_into_the_file(doc, &file);
    insta::assert_snapshot!("plain_text", out.transcript());
}

#[test]
fn markdown() {
    let out = inspect("fixtures/inspect/markdown/story.md");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = out.json();
    let doc = &json["documents"][0];
    assert_eq!(doc["title"], "Port strike ends after nine days");
    assert_eq!(doc["date"], "2025-03-14");
    let texts = sentences(doc);
    assert!(texts
        .iter()
        .all(|t| !t.contains("wirecheck-disable") && !t.contains("title:")));
    assert!(texts.contains(&"Ships will be unloaded in order of arrival."));
    insta::assert_snapshot!("markdown", out.transcript());
}

#[test]
fn html_article_text_only() {
    let out = inspect("fixtures/inspect/html/article.html");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = out.json();
    let doc = &json["documents"][0];
    assert_eq!(doc["title"], "Floods close border crossing");
    assert_eq!(doc["date"], "2025-05-02");
    let all = sentences(doc).join("\n");
    for absent in [
        "dataLayer",
        "trackArticle",
        "Home",
        "First!",
        "Related",
        "font-family",
        "©",
    ] {
        assert!(!all.contains(absent), "`{absent}` leaked into:\n{all}");
    }
    assert!(all
        .contains("“We have never seen water this high,” the mayor’s office said in a statement."));
    assert!(all.contains("& not before."));
    let caption = doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "caption")
        .expect("a caption");
    assert_eq!(
        caption["text"],
        "Trucks wait near the crossing, Photo: Reuters"
    );
    insta::assert_snapshot!("html", out.transcript());
}

#[test]
fn json_lines_with_bad_lines() {
    let out = inspect("fixtures/inspect/jsonl/feed.jsonl");
    assert_eq!(out.code, 2, "bad lines make the run exit 2");
    assert!(out
        .stderr
        .contains("fixtures/inspect/jsonl/feed.jsonl:2: invalid JSON"));
    assert!(out
        .stderr
        .contains("fixtures/inspect/jsonl/feed.jsonl:3: JSON object has no string field `text`"));
    let json = out.json();
    let names: Vec<&str> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "fixtures/inspect/jsonl/feed.jsonl#4",
            "fixtures/inspect/jsonl/feed.jsonl#wire-1"
        ]
    );
    insta::assert_snapshot!("jsonl", out.transcript());
}

#[test]
fn crlf_spans_stay_exact() {
    let out = inspect("fixtures/inspect/crlf/crlf.txt");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = out.json();
    let doc = &json["documents"][0];
    let file = std::fs::read(root().join("fixtures/inspect/crlf/crlf.txt")).unwrap();
    assert_spans_point_into_the_file(doc, &file);
    assert!(sentences(doc).iter().all(|s| !s.contains('\r')));
    insta::assert_snapshot!("crlf", out.transcript());
}

#[test]
fn windows_1252_is_decoded_with_a_note() {
    let out = inspect("fixtures/inspect/windows_1252/latin.txt");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("decoded as windows-1252"),
        "{}",
        out.stderr
    );
    let json = out.json();
    let doc = &json["documents"][0];
    assert_eq!(doc["encoding"], "windows-1252");
    let all = sentences(doc).join("\n");
    assert!(
        all.contains("“We cannot pay this,” said one owner, Renée Dubois."),
        "{all}"
    );
    insta::assert_snapshot!("windows_1252", out.transcript());
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning_naming_the_offset() {
    let out = inspect("fixtures/inspect/invalid_utf8/damaged.txt");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "fixtures/inspect/invalid_utf8/damaged.txt: warning: invalid UTF-8 at byte offset 77"
        ),
        "{}",
        out.stderr
    );
    insta::assert_snapshot!("invalid_utf8", out.transcript());
}

#[test]
fn empty_file_is_an_error() {
    let out = inspect("fixtures/inspect/empty_file/empty.txt");
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "wirecheck: error: fixtures/inspect/empty_file/empty.txt: file is empty\nwirecheck: error: no readable article among the inputs\n"
    );
}

#[test]
fn binary_file_is_an_error_and_the_others_are_still_read() {
    let out = wirecheck(&[
        "inspect",
        "--format",
        "json",
        "fixtures/inspect/binary_file/image.txt",
        "fixtures/inspect/plain_text/wire.txt",
    ]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("fixtures/inspect/binary_file/image.txt: binary file (NUL byte at offset 7), not an article"));
    assert_eq!(out.json()["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn missing_path_is_an_error_and_the_others_are_still_read() {
    let out = wirecheck(&[
        "inspect",
        "--format",
        "json",
        "no/such/file.txt",
        "fixtures/inspect/crlf/crlf.txt",
    ]);
    assert_eq!(out.code, 2);
    assert!(out
        .stderr
        .contains("wirecheck: error: no/such/file.txt: no such file or directory"));
    assert_eq!(out.json()["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn directory_without_articles_is_an_error() {
    let out = inspect("fixtures/inspect/empty_directory");
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("fixtures/inspect/empty_directory: directory holds no readable article"),
        "{}",
        out.stderr
    );
}

#[test]
fn directories_skip_hidden_and_binary_files_with_a_note() {
    let out = inspect("fixtures/inspect/mixed_directory");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out
        .stderr
        .contains("fixtures/inspect/mixed_directory/logo.png: binary file, skipped"));
    let json = out.json();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["path"], "fixtures/inspect/mixed_directory/a.txt");
}

#[test]
fn standard_input() {
    let out = wirecheck_in(
        root(),
        &["inspect", "--format", "json", "-"],
        Some("Storm hits coast\n\nWinds reached 140 km/h on Monday. Power was cut to 20,000 homes.\n".as_bytes()),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = out.json();
    assert_eq!(json["documents"][0]["path"], "-");
    assert_eq!(
        sentences(&json["documents"][0]),
        [
            "Storm hits coast",
            "Winds reached 140 km/h on Monday.",
            "Power was cut to 20,000 homes."
        ]
    );
}

#[test]
fn fifty_megabyte_single_line_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let mut text = String::with_capacity(50 * 1024 * 1024 + 64);
    while text.len() < 50 * 1024 * 1024 {
        text.push_str("word after word without any stop ");
    }
    std::fs::write(&path, &text).unwrap();
    let out = wirecheck_in(dir.path(), &["audit", "--format", "json", "huge.txt"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = out.json();
    assert!(json["documents"][0]["sentences"].as_u64().unwrap() >= 1);
}

#[test]
fn output_is_the_same_for_any_path_order_and_jobs() {
    let a = wirecheck(&[
        "inspect",
        "--format",
        "json",
        "-j",
        "1",
        "seeds/",
        "fixtures/inspect/html/article.html",
    ]);
    let b = wirecheck(&[
        "inspect",
        "--format",
        "json",
        "-j",
        "2",
        "fixtures/inspect/html/article.html",
        "seeds/",
    ]);
    assert_eq!(a.code, 0);
    assert_eq!(a.stdout, b.stdout);
}
