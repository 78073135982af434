//! HTML pages in the shapes that made extraction fail on real news sites (issue 14), each with
//! its own text: the article body is read in full, furniture around it is left out, boilerplate
//! inside it is recorded as removed with its kind, and words of adjacent elements never glue.
//! Golden JSON snapshots (read and checked by hand) plus assertions on what matters in each.

mod common;

use common::{root, wirecheck};

fn inspect(page: &str) -> (serde_json::Value, common::Outcome) {
    let out = wirecheck(&[
        "inspect",
        "--format",
        "json",
        &format!("fixtures/inspect/{page}/page.html"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    (out.json()["documents"][0].clone(), out)
}

fn sentences(doc: &serde_json::Value) -> Vec<String> {
    doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect()
}

/// Every word of every sentence is in the file at the sentence's span.
fn assert_spans_hold_the_words(page: &str, doc: &serde_json::Value) {
    let file = std::fs::read(root().join(format!("fixtures/inspect/{page}/page.html"))).unwrap();
    for s in doc["sentences"].as_array().unwrap() {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        let source = String::from_utf8_lossy(&file[start..end]);
        for word in s["text"].as_str().unwrap().split_whitespace() {
            assert!(
                source.contains(word),
                "`{word}` not in {start}..{end}: {source}"
            );
        }
    }
}

fn removed(doc: &serde_json::Value) -> Vec<String> {
    doc["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn body_in_classes_that_merely_contain_boilerplate_words() {
    // l-sidebar-fixed, content-with-sidebar-wrp, elementor-widget-..., Blog1 widget Blog,
    // Page-ad-margins, non-ad-column-l, ad_body, article-header, has-section-nav,
    // td-transition-content-and-menu: none of them is furniture.
    let (doc, out) = inspect("html_class_words");
    let s = sentences(&doc);
    assert_eq!(s.len(), 4, "{s:?}");
    assert!(s[3].starts_with("Fishermen who use the channel"));
    assert!(
        s.iter().all(|t| !t.contains("Ferry fares")),
        "the real sidebar stays out"
    );
    assert_eq!(doc["date"], "2025-03-14", "JSON-LD datePublished");
    assert_eq!(doc["source"], "Coastline Daily", "JSON-LD publisher");
    assert_spans_hold_the_words("html_class_words", &doc);
    insta::assert_snapshot!("html_class_words", out.transcript());
}

#[test]
fn page_wrapped_in_one_form() {
    let (doc, out) = inspect("html_form_page");
    let s = sentences(&doc);
    assert_eq!(s.len(), 4, "{s:?}");
    assert!(s
        .iter()
        .all(|t| !t.contains("Privacy") && !t.contains("Sport")));
    assert_spans_hold_the_words("html_form_page", &doc);
    insta::assert_snapshot!("html_form_page", out.transcript());
}

#[test]
fn one_word_teaser_articles_do_not_beat_main() {
    let (doc, out) = inspect("html_teaser_cards");
    let s = sentences(&doc);
    assert_eq!(s[0], "Rail strike ends after unions accept new pay offer");
    assert_eq!(s.len(), 4, "{s:?}");
    assert!(s.iter().all(|t| !t.contains("Weather")));
    insta::assert_snapshot!("html_teaser_cards", out.transcript());
}

#[test]
fn page_without_article_or_main_drops_menus_and_footers() {
    let (doc, out) = inspect("html_no_article");
    let s = sentences(&doc);
    assert_eq!(s.len(), 4, "{s:?}");
    let all = s.join("\n");
    for absent in ["Home", "Archives", "2024", "All rights reserved", "Imprint"] {
        assert!(!all.contains(absent), "`{absent}` leaked into:\n{all}");
    }
    insta::assert_snapshot!("html_no_article", out.transcript());
}

#[test]
fn boilerplate_inside_the_article_is_recorded_with_its_kind() {
    let (doc, out) = inspect("html_inside_article");
    assert_eq!(
        removed(&doc),
        [
            "byline",
            "timestamp",
            "share-prompt",
            "ad",
            "credit",
            "subscribe",
            "related"
        ]
    );
    let s = sentences(&doc);
    let all = s.join("\n");
    for absent in [
        "Jana Keller",
        "07:00 Uhr",
        "Facebook",
        "Anzeige",
        "Stadtarchiv",
        "abonnieren",
        "Sign in",
        "Mehr zum Thema",
    ] {
        assert!(!all.contains(absent), "`{absent}` leaked into:\n{all}");
    }
    assert_eq!(s.len(), 5, "{s:?}");
    assert_eq!(doc["date"], "2025-06-20");
    assert_spans_hold_the_words("html_inside_article", &doc);
    insta::assert_snapshot!("html_inside_article", out.transcript());
}

#[test]
fn words_of_adjacent_elements_never_glue() {
    let (doc, out) = inspect("html_glued_words");
    let s = sentences(&doc);
    assert!(
        s.contains(&"Biography Sarah Okafor has led the choir since 2019.".to_string()),
        "{s:?}"
    );
    assert!(s
        .iter()
        .all(|t| !t.contains("Founded1987") && !t.contains("BiographySarah")));
    insta::assert_snapshot!("html_glued_words", out.transcript());
}

#[test]
fn comments_cookie_dialogs_and_hidden_text_never_win_or_enter_the_article() {
    // The comment section and the cookie dialog each hold more paragraph text than the
    // article; neither is a candidate while the article is outside furniture. Hidden text
    // (display: none) is not read. The yearless "April 4" takes the year of the page's URL.
    let (doc, out) = inspect("html_comments_dialog_hidden");
    let s = sentences(&doc);
    assert_eq!(s.len(), 4, "{s:?}");
    assert_eq!(s[0], "Lock gates reopen after repairs");
    assert!(s[3].starts_with("Engineers said the new gates"));
    assert!(s
        .iter()
        .all(|t| !t.contains("cookies") && !t.contains("moored")));
    assert!(s.iter().all(|t| !t.contains("Share this story")));
    assert_eq!(doc["date"], "2025-04-04");
    assert!(out.stdout.contains("has no year"), "{}", out.stdout);
    assert_spans_hold_the_words("html_comments_dialog_hidden", &doc);
    insta::assert_snapshot!("html_comments_dialog_hidden", out.transcript());
}
