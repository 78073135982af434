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
    // Rows are arrays; rules, severities and alignment kinds are indices into `meta-data`.
    let meta = block(&page, "meta-data");
    let rule = |i: &serde_json::Value| meta["rules"][i.as_u64().unwrap() as usize].clone();
    let findings = block(&page, "findings-data");
    // `[rule, severity, doc, sentence, line, column, found, suggestion, score, message]`
    let rute = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| rule(&f[0]) == "name-variant" && f[6] == "Rute")
        .collect::<Vec<_>>();
    assert_eq!(rute.len(), 3);
    assert!(rute.iter().all(|f| f[7] == "Rutte"));
    assert!(rute
        .iter()
        .all(|f| meta["severities"][f[1].as_u64().unwrap() as usize] == "warning"));
    // Each finding knows the sentence it sits in: "Rute" on line 6 is in 002's caption.
    let doc = rute[0][2].as_u64().unwrap();
    let sentence = rute[0][3].as_u64().unwrap() as usize;
    assert_eq!(rute[0][4], 6);
    // `[lines, kinds, texts]`
    let sentences = block(&page, &format!("d{doc}"));
    assert_eq!(sentences[2][sentence], "Mark Rute, Photo: REUTERS");
    assert_eq!(sentences[0][sentence], 6);
    assert_eq!(
        sentences[1].as_str().unwrap().chars().nth(sentence),
        Some('c')
    );
    // Cluster 0: the three articles on the April meeting, a full 3x3 heatmap, 004 earliest.
    // `[members, shared, unique, heat_members, heat, earliest, pairs, quote_groups]`
    let c0 = block(&page, "c0");
    assert_eq!(c0[0].as_array().unwrap().len(), 3);
    assert_eq!(c0[3], 3);
    let heat = c0[4].as_array().unwrap();
    assert_eq!(heat.len(), 9);
    assert!(heat[1].as_f64().unwrap() > 0.1, "000 in 002: {}", heat[1]);
    assert_eq!(c0[5], 2);
    // Quote groups `[id, canonical, variants]`, quotations `[doc, line, sentence, text,
    // speaker, diff]`: 000's "was built" quotation against the best-attested "is built".
    let groups = c0[7].as_array().unwrap();
    let drift = groups
        .iter()
        .flat_map(|g| g[2].as_array().unwrap())
        .find(|v| v[3].as_str().unwrap().contains("NATO was built"))
        .expect("the was/is quotation is a variant");
    let pieces = drift[5].as_array().unwrap();
    assert!(pieces.iter().any(|p| p[0] == 1 && p[1] == "is"));
    assert!(pieces.iter().any(|p| p[0] == 2 && p[1] == "was"));
    // Pairs `[a, b, shared, a_in_b, b_in_a, run, source, verbatim, aligned]`; aligned runs
    // that are not verbatim carry their word diff as run lengths over each side's own text
    // (`[a0, a1, b0, b1, kind, score, fragment, [old, new]]`), no copy of the text.
    let pairs = c0[6].as_array().unwrap();
    assert_eq!(pairs.len(), 3);
    let kind = |a: &serde_json::Value| meta["kinds"][a[4].as_u64().unwrap() as usize].clone();
    let diffed: Vec<&serde_json::Value> = pairs
        .iter()
        .flat_map(|p| p[8].as_array().unwrap())
        .filter(|a| kind(a) != "verbatim")
        .collect();
    assert!(!diffed.is_empty());
    for a in &diffed {
        let runs = a[7].as_array().expect("a diff");
        // Each side: unmarked and marked lengths, adding up to that side's text.
        let (old, new) = (runs[0].as_array().unwrap(), runs[1].as_array().unwrap());
        assert!(old.iter().chain(new).all(|n| n.is_u64()));
        assert!(old.len() > 1 || new.len() > 1, "something marked: {a}");
    }
    // Run lengths cover the joined sentences exactly: the first diffed run of the first pair
    // with one, checked against its sentences (UTF-16 lengths, as the page counts).
    let (pair, a) = pairs
        .iter()
        .find_map(|p| {
            p[8].as_array()
                .unwrap()
                .iter()
                .find(|a| a[7].is_array())
                .map(|a| (p, a))
        })
        .unwrap();
    let side_len = |doc: &serde_json::Value, from: &serde_json::Value, to: &serde_json::Value| {
        let texts = block(&page, &format!("d{}", doc.as_u64().unwrap()));
        let (from, to) = (
            from.as_u64().unwrap() as usize,
            to.as_u64().unwrap() as usize,
        );
        let texts: Vec<&str> = texts[2].as_array().unwrap()[from..to]
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        texts.join(" ").encode_utf16().count() as u64
    };
    let sum = |runs: &serde_json::Value| -> u64 {
        runs.as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap())
            .sum()
    };
    assert_eq!(sum(&a[7][0]), side_len(&pair[0], &a[0], &a[1]));
    assert_eq!(sum(&a[7][1]), side_len(&pair[1], &a[2], &a[3]));
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
        .position(|d| d[0] == "fixtures/html/hostile.txt")
        .unwrap();
    let text: Vec<String> = block(&page, &format!("d{hostile}"))[2]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
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
