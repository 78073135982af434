//! `audit --html FILE`: the self-contained report, and article markup kept inert in it.

mod common;

use common::wirecheck;

/// Runs `audit ARGS --html` into a temporary file and returns the page.
fn html_report(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let path_str = path.to_str().unwrap();
    let mut full = vec!["audit", "--fail-on", "never", "--html", path_str];
    full.extend_from_slice(args);
    let out = wirecheck(&full);
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::read_to_string(&path).unwrap()
}

/// The page without its inert JSON data blocks: what the browser parses as markup and script.
fn markup(page: &str) -> String {
    let mut out = String::new();
    let mut rest = page;
    while let Some(start) = rest.find("<script type=\"application/json\"") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("</script>").expect("block closes") + start;
        rest = &rest[end + "</script>".len()..];
    }
    out.push_str(rest);
    out
}

/// The JSON of block `id`.
fn block(page: &str, id: &str) -> serde_json::Value {
    let open = format!("<script type=\"application/json\" id=\"{id}\">");
    let start = page.find(&open).unwrap_or_else(|| panic!("no block {id}")) + open.len();
    let end = page[start..].find("</script>").unwrap() + start;
    serde_json::from_str(&page[start..end]).unwrap()
}

#[test]
fn seeds_report_is_self_contained_and_carries_the_audit() {
    let page = html_report(&["seeds/"]);
    assert!(page.starts_with("<!DOCTYPE html>"));
    // No network: nothing is loaded from elsewhere.
    let m = markup(&page);
    for needle in ["http://", "https://", "<link", "src=", "@import", "url("] {
        assert!(!m.contains(needle), "page markup loads {needle}");
    }
    // One page script, everything else inert data.
    assert_eq!(m.matches("<script>").count(), 1);
    let findings = block(&page, "findings-data");
    let rute = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "name-variant" && f["found"] == "Rute")
        .collect::<Vec<_>>();
    assert_eq!(rute.len(), 3);
    assert!(rute.iter().all(|f| f["suggestion"] == "Rutte"));
    // Each finding knows the sentence it sits in: "Rute" on line 6 is in 002's caption.
    let doc = rute[0]["doc"].as_u64().unwrap();
    let sentence = rute[0]["sentence"].as_u64().unwrap() as usize;
    let sentences = block(&page, &format!("d{doc}"));
    assert_eq!(sentences[sentence][2], "Mark Rute, Photo: REUTERS");
    // Cluster 0: the three articles on the April meeting, a full 3x3 heatmap, 004 earliest.
    let c0 = block(&page, "c0");
    assert_eq!(c0["members"].as_array().unwrap().len(), 3);
    assert_eq!(c0["heat_members"], 3);
    let heat = c0["heat"].as_array().unwrap();
    assert_eq!(heat.len(), 9);
    assert!(heat[1].as_f64().unwrap() > 0.1, "000 in 002: {}", heat[1]);
    assert_eq!(c0["earliest"], 2);
    // Quote groups: 000's "was built" quotation against the best-attested "is built".
    let groups = c0["quote_groups"].as_array().unwrap();
    let drift = groups
        .iter()
        .flat_map(|g| g["variants"].as_array().unwrap())
        .find(|v| v["text"].as_str().unwrap().contains("NATO was built"))
        .expect("the was/is quotation is a variant");
    let pieces = drift["diff"].as_array().unwrap();
    assert!(pieces.iter().any(|p| p[0] == 1 && p[1] == "is"));
    assert!(pieces.iter().any(|p| p[0] == 2 && p[1] == "was"));
    // Aligned sentences carry word diffs unless verbatim.
    let p0 = block(&page, "p0");
    assert!(p0["aligned"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["kind"] != "verbatim" && a["diff"].is_array()));
}

#[test]
fn article_markup_is_inert_in_the_report() {
    let page = html_report(&[
        "fixtures/html/hostile.txt",
        "seeds/000_b626a1907856b0c6.txt",
    ]);
    let m = markup(&page);
    assert_eq!(
        m.matches("<script").count(),
        1,
        "only the page's own script"
    );
    for needle in [
        "alert",
        "onerror",
        "javascript:",
        "<img",
        "<a href=\"javascript",
    ] {
        assert!(!m.contains(needle), "{needle} outside the data blocks");
    }
    // In the data the text is kept, with <, > and & as JSON escapes.
    assert!(page.contains("\\u003cscript\\u003ealert(\\\"xss\\\")\\u003c/script\\u003e"));
    assert!(!page.contains("<img"));
    let docs = block(&page, "documents-data");
    let hostile = docs
        .as_array()
        .unwrap()
        .iter()
        .position(|d| d["path"] == "fixtures/html/hostile.txt")
        .unwrap();
    let text: Vec<String> = block(&page, &format!("d{hostile}"))
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s[2].as_str().unwrap().to_string())
        .collect();
    let all = text.join(" ");
    assert!(all.contains("<img src=x onerror=alert(1)>"), "{all}");
    assert!(all.contains("</script><script>alert(3)</script>"), "{all}");
}

#[test]
fn unwritable_report_path_is_an_error_naming_it() {
    let out = wirecheck(&["audit", "seeds/", "--html", "no/such/directory/report.html"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no/such/directory/report.html"),
        "{}",
        out.stderr
    );
}
