//! Arbitrary bytes through load -> clean -> segment -> language: nothing panics, and every
//! span stays in bounds and on character boundaries.

mod common;

use common::assert_no_text_outside;
use proptest::prelude::*;
use wirecheck::ingest::{read_bytes, Format};

fn check_invariants(bytes: Vec<u8>, format: Format) {
    let (docs, _errors, _notes) = read_bytes("p", bytes.clone(), format);
    for doc in docs {
        let text = &doc.text;
        let original = doc.original().to_vec();
        let mut last_end = 0;
        for s in &doc.sentences {
            assert!(s.range.start < s.range.end && s.range.end <= text.len());
            assert!(text.is_char_boundary(s.range.start) && text.is_char_boundary(s.range.end));
            assert!(s.range.start >= last_end, "sentences overlap");
            last_end = s.range.end;
            let span = doc.span(s.range.clone());
            assert!(span.start <= span.end && span.end <= original.len());
        }
        for r in &doc.removed {
            assert!(r.range.start <= r.range.end && r.range.end <= text.len());
            assert!(text.is_char_boundary(r.range.start) && text.is_char_boundary(r.range.end));
        }
        assert_no_text_outside(&doc);
        if format == Format::Text && std::str::from_utf8(&bytes).is_ok() {
            assert_eq!(original, bytes);
        }
    }
}

/// Text-like bytes: words, punctuation, quotes, newlines, multibyte characters, invalid bytes.
fn newsy_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "Rutte",
        " said",
        ". ",
        ".\n",
        "\n\n",
        "\r\n",
        "“",
        "”",
        "\"",
        "’",
        "Mr. ",
        "U.S. ",
        "2.5%",
        "€20",
        "…",
        "?! ",
        "20 COMMENTS\n",
        "LEAVE A REPLY\n",
        "Photo: REUTERS\n",
        "<p>",
        "</p>",
        "<script>",
        "&amp;",
        "&#x1F600;",
        "{\"text\":",
        "\"}",
        "𝐖",
        "é",
        " ",
        "\u{200b}",
        "date 2025-04-04 By X\n",
        "# ",
        "<!--",
        "-->",
        "---\n",
        "1) ",
        "1.) ",
        "    ",
        "\n    ",
        "Shr 1.20 dlrs vs 1.10 dlrs\n",
        "nil nil",
        " Reuter\n",
        "        REUTER",
        "WASHINGTON (AP) — ",
        "(Reporting by X; Editing by Y)",
        "Photo: Y/AFP\n",
        "a wrapped line of wire copy that runs on\n",
        // The speaker grammar's shapes: titles in either case, appositives, party labels,
        // affiliations, pronouns, two-apostrophe marks.
        "president ",
        "Senate Majority Leader ",
        "Jane Doe",
        ", a lawyer in Dayton, Ohio, ",
        " (D-Ill.), ",
        " of the Acme Center ",
        "Asked which ",
        " she ",
        "''",
        "remembered ",
    ]);
    let chunk = prop_oneof![
        pieces.prop_map(|s| s.as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 0..4),
    ];
    prop::collection::vec(chunk, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_as_text(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_invariants(bytes, Format::Text);
    }

    #[test]
    fn newsy_bytes_in_every_format(bytes in newsy_bytes()) {
        for format in [Format::Text, Format::Markdown, Format::Html, Format::JsonLines] {
            check_invariants(bytes.clone(), format);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The whole analysis (clusters, alignment, quotes, every rule) never panics, and every
    /// finding's span lies in its document.
    #[test]
    fn whole_analysis_on_arbitrary_articles(a in newsy_bytes(), b in newsy_bytes(), c in newsy_bytes()) {
        let mut docs = Vec::new();
        for (i, bytes) in [a.clone(), b, a, c].into_iter().enumerate() {
            docs.extend(read_bytes(&format!("d{i}"), bytes, Format::Text).0);
        }
        let analysis = wirecheck::analyse(docs, &wirecheck::config::Config::default());
        for f in &analysis.findings {
            let len = analysis.documents[f.document].original().len();
            prop_assert!(f.span.start <= f.span.end && f.span.end <= len);
        }
    }
}
