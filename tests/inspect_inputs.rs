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
        .contains("fixtures/inspect/jsonl/feed.jsonl:2: not a JSON object"));
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

fn kinds(doc: &serde_json::Value) -> Vec<(String, String)> {
    doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["kind"].as_str().unwrap().to_string(),
                s["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn wire_copy_of_several_agencies_datelines_sign_offs_credits_and_dates() {
    let out = inspect("fixtures/inspect/wire_copy/agencies.jsonl");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = out.json();
    let docs = json["documents"].as_array().unwrap();
    let dates: Vec<&str> = docs.iter().map(|d| d["date"].as_str().unwrap()).collect();
    // Sorted by name: afp-1, ap-1, dpa-1, rtrs-1, wire-1.
    assert_eq!(
        dates,
        [
            "2025-04-04",
            "2025-04-04",
            "2025-04-04",
            "2025-04-04",
            "1987-02-26"
        ]
    );
    let has = |d: &serde_json::Value, kind: &str, text: &str| {
        kinds(d).contains(&(kind.to_string(), text.to_string()))
    };
    assert!(has(&docs[0], "dateline", "MARSEILLE (AFP) -"));
    assert!(has(&docs[0], "credit", "Photo: Jean Morel/AFP"));
    assert!(has(&docs[1], "dateline", "WASHINGTON (AP) —"));
    assert!(has(&docs[1], "signoff", "— The Associated Press"));
    assert!(has(&docs[1], "credit", "© 2025 The Associated Press."));
    assert!(has(&docs[1], "credit", "All rights reserved."));
    assert!(has(&docs[2], "dateline", "Hamburg (dpa) -"));
    assert!(has(&docs[3], "dateline", "BRUSSELS, April 4 (Reuters) -"));
    assert!(has(
        &docs[3],
        "signoff",
        "(Reporting by Lena Varga; Editing by Piet Holm)"
    ));
    assert!(has(&docs[4], "signoff", "Reuter"));
    // The hard-wrapped quotation is one sentence, its line break a space in the paragraph.
    assert!(has(
        &docs[4],
        "body",
        "\"We will load less than last year,\" the chairman said,\n\"because the crop was small.\""
    ));
    insta::assert_snapshot!("wire_copy", out.transcript());
}

#[test]
fn wire_tables_are_kind_table_and_give_no_prose_findings() {
    for path in [
        "fixtures/rules/repeated-word/allows_table_cells/earnings.txt",
        "fixtures/rules/duplicate-passage/allows_repeated_table_rows/crop.txt",
    ] {
        let out = inspect(path);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let json = out.json();
        let k = kinds(&json["documents"][0]);
        let tables: Vec<&str> = k
            .iter()
            .filter(|(kind, _)| kind == "table")
            .map(|(_, t)| t.as_str())
            .collect();
        assert!(tables.len() >= 6, "{path}: {k:?}");
        assert!(tables
            .iter()
            .all(|t| !t.contains("NOTE") && !t.contains("provisional")));
        assert!(k.contains(&("signoff".to_string(), "Reuter".to_string())));
        let audit = wirecheck(&["audit", "--format", "json", "--fail-on", "never", path]);
        assert_eq!(audit.json()["findings"], serde_json::json!([]), "{path}");
    }
}
