//! Acceptance on the five seed articles: what `inspect` must read and must not.

mod common;

use common::{root, wirecheck};

fn seed_docs() -> serde_json::Value {
    let out = wirecheck(&["inspect", "--format", "json", "seeds/"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.json()
}

fn doc<'a>(json: &'a serde_json::Value, prefix: &str) -> &'a serde_json::Value {
    json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| {
            d["path"]
                .as_str()
                .unwrap()
                .starts_with(&format!("seeds/{prefix}"))
        })
        .unwrap()
}

fn texts(doc: &serde_json::Value) -> Vec<String> {
    doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn five_english_documents() {
    let json = seed_docs();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    assert!(docs.iter().all(|d| d["language"] == "eng"));
}

#[test]
fn dates_and_sources() {
    let json = seed_docs();
    assert_eq!(doc(&json, "004")["date"], "2025-04-04");
    assert_eq!(doc(&json, "004")["source"], "Eurasia Review");
    assert_eq!(
        doc(&json, "002")["title"],
        "Rutte: We need to build a stronger, fairer and more lethal NATO"
    );
    for other in ["000", "001", "002", "003"] {
        assert!(
            doc(&json, other)["date"].is_null(),
            "{other} has no date in its text"
        );
    }
}

#[test]
fn no_comment_text_remains() {
    let json = seed_docs();
    for prefix in ["000", "001"] {
        let all = texts(doc(&json, prefix)).join("\n");
        for spam in [
            "HIGHPROFIT",
            "LEAVE A REPLY",
            "Slava",
            "COMMENTS",
            "Everybody can earn",
            "Please enter",
            "Glasgow Caledonian",
        ] {
            assert!(!all.contains(spam), "{prefix} still has `{spam}`");
        }
        let reasons: Vec<&str> = doc(&json, prefix)["removed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["reason"].as_str().unwrap())
            .collect();
        assert_eq!(reasons, ["author-bio", "comments"]);
    }
}

#[test]
fn counters_and_promos_are_removed_from_002() {
    let json = seed_docs();
    let all = texts(doc(&json, "002")).join("\n");
    assert!(!all.contains("Bonus video"));
    assert!(!all.contains("4405 views"));
    assert!(all.contains("Disclaimer: The translations are mostly done through AI translator"));
}

#[test]
fn captions_of_002_are_marked() {
    let json = seed_docs();
    let captions: Vec<(u64, String)> = doc(&json, "002")["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "caption")
        .map(|s| {
            (
                s["line"].as_u64().unwrap(),
                s["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        captions,
        [
            (6, "Mark Rute, Photo: REUTERS".to_string()),
            (7, "Mark Rute, Photo: REUTERS".to_string())
        ]
    );
}

/// Every non-space byte of a seed outside its removed regions is inside a sentence: no body
/// text is lost. And every sentence's span is the sentence's text in the file.
#[test]
fn every_body_sentence_is_present() {
    let json = seed_docs();
    for d in json["documents"].as_array().unwrap() {
        let path = d["path"].as_str().unwrap();
        let file = std::fs::read(root().join(path)).unwrap();
        let mut covered = vec![false; file.len()];
        for r in d["removed"].as_array().unwrap() {
            for c in &mut covered
                [r["start"].as_u64().unwrap() as usize..r["end"].as_u64().unwrap() as usize]
            {
                *c = true;
            }
        }
        for s in d["sentences"].as_array().unwrap() {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                std::str::from_utf8(&file[start..end]).unwrap(),
                s["text"].as_str().unwrap()
            );
            for c in &mut covered[start..end] {
                *c = true;
            }
        }
        let lost: String = file
            .iter()
            .zip(&covered)
            .filter(|(b, c)| !**c && !b.is_ascii_whitespace())
            .map(|(b, _)| *b as char)
            .collect();
        assert!(lost.is_empty(), "{path}: text in no sentence: {lost:?}");
    }
}

#[test]
fn sentences_split_where_a_reader_would() {
    let json = seed_docs();
    let t = texts(doc(&json, "001"));
    assert!(
        t.contains(&"“Ukraine’s security is closely linked to our own,” he said.".to_string()),
        "{t:#?}"
    );
    assert!(t.contains(&"He said NATO is now delivering “essential, lethal and non-lethal U.S. capabilities, including desperately needed air defence, to help Ukraine hold the front line and protect its people”.".to_string()), "{t:#?}");
    let t = texts(doc(&json, "002"));
    assert!(
        t.contains(&"Their commitment (to NATO) is absolutely clear,\" Rute said.".to_string()),
        "{t:#?}"
    );
}

#[test]
fn inspect_seeds_snapshot() {
    let out = wirecheck(&["inspect", "--format", "json", "seeds/"]);
    insta::assert_snapshot!("seeds_inspect", out.transcript());
}
