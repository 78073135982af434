//! A bounded fuzz run that `cargo test` executes: proptest strategies over hostile shapes of
//! input (HTML tag soup, JSON Lines, front matter, Markdown, quotation-mark storms, very long
//! lines), each case run through the whole pipeline — ingest, every rule, the JSON report —
//! in its own thread under a deadline. Each case asserts: no panic, no text outside every
//! sentence and removed region, every span inside its file, a JSON report that parses.
//! `prop_pipeline.rs` covers arbitrary bytes through ingest; this file covers the whole run.
//!
//! Bounds: inputs are at most a few hundred kilobytes (memory is a small multiple of that);
//! a case that takes longer than [`DEADLINE`] fails the test (a quadratic path on these sizes
//! takes minutes). About 20 s of CPU in a debug build.

mod common;

use std::sync::mpsc;
use std::time::Duration;

use common::assert_no_text_outside;
use proptest::prelude::*;
use wirecheck::ingest::{read_bytes, Format};

/// Generous for a debug build on a shared machine; a linear case takes well under a second.
const DEADLINE: Duration = Duration::from_secs(30);

/// The whole pipeline on one input; returns the number of findings.
fn whole_run(name: &str, bytes: Vec<u8>, format: Format) -> usize {
    let (docs, _errors, _notes) = read_bytes(name, bytes, format);
    for doc in &docs {
        assert_no_text_outside(doc);
        let len = doc.original().len();
        for r in &doc.removed {
            let span = doc.span(r.range.clone());
            assert!(
                span.start <= span.end && span.end <= len,
                "{name}: removed span"
            );
        }
    }
    // Two copies of every article, so that the cross-article rules have a cluster to read.
    let mut all = docs.clone();
    for mut d in docs {
        d.name.push_str("~copy");
        all.push(d);
    }
    let analysis = wirecheck::analyse(all, &wirecheck::config::Config::default());
    for f in &analysis.findings {
        let len = analysis.documents[f.document].original().len();
        assert!(
            f.span.start <= f.span.end && f.span.end <= len,
            "{name}: finding span"
        );
    }
    let mut out = Vec::new();
    wirecheck::report::json::write_report(&analysis, &mut out).expect("writes to memory");
    let json: serde_json::Value = serde_json::from_slice(&out).expect("the report is JSON");
    assert_eq!(json["version"], 1);
    analysis.findings.len()
}

/// Runs [`whole_run`] in a thread and fails if it panics or outlives [`DEADLINE`].
fn bounded(name: &'static str, bytes: Vec<u8>, format: Format) -> Result<(), TestCaseError> {
    let (tx, rx) = mpsc::channel();
    let size = bytes.len();
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            let result = std::panic::catch_unwind(|| whole_run(name, bytes, format));
            let _ = tx.send(result.is_ok());
        })
        .expect("spawns a thread");
    match rx.recv_timeout(DEADLINE) {
        Ok(true) => Ok(()),
        Ok(false) => Err(TestCaseError::fail(format!(
            "{name}: panicked ({size} bytes)"
        ))),
        Err(_) => Err(TestCaseError::fail(format!(
            "{name}: took longer than {DEADLINE:?} ({size} bytes)"
        ))),
    }
}

fn pieces(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(list), 0..80).prop_map(|v| v.concat())
}

const WORDS: &[&str] = &[
    "Mark Janssen",
    "Mark Jansen",
    " said",
    " the plan",
    " would work",
    ". ",
    ".\n",
    "\n\n",
    "“",
    "”",
    "\"",
    "„",
    "«",
    "»",
    "’",
    " 4.5%",
    " €20",
    "𝐖",
    "\u{200b}",
    "\u{1b}[2J",
    "é",
    " the the",
];

const HTML: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"comments\">",
    "</div>",
    "<a href=\"https://x.example/Janssen\">",
    "</a>",
    "<b>",
    "</b>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<h1>",
    "</h1>",
    "<figcaption>",
    "&amp;",
    "&#x201c;",
    "&uuml;",
    "<",
    ">",
    "<br>",
    "<article>",
    "<nav>",
    "Mark Janssen said the plan would work.",
    " “We agree,” he said. ",
];

const MARKDOWN: &[&str] = &[
    "[",
    "]",
    "(",
    ")",
    "![",
    "](https://x.example/Janssen)",
    "][ref]",
    "\n[ref]: https://x.example/J\n",
    "`",
    "``",
    "\n```\n",
    "\n~~~\n",
    "<https://x.example>",
    "<!-- wirecheck-disable-next-line name-variant -->",
    "<!--",
    "-->",
    "\n# ",
    "\n- ",
    "\n1. ",
    "\\",
    "*",
    "Mark Janssen said the plan would work. ",
    "Mark Jansen said so.\n",
    "\n\n",
];

const FRONT_MATTER: &[&str] = &[
    "title: \"Ministers meet\"\n",
    "date: 2025-04-04\n",
    "date: 99999-99-99\n",
    "author: \n",
    "lang: xx\n",
    "source: '\n",
    ": :\n",
    "---\n",
    "\u{1b}]52;c;ZXZpbA==\u{7}\n",
];

fn json_line() -> impl Strategy<Value = String> {
    (
        prop::option::of(prop::sample::select(vec!["a", "b", "1", "2", "", "a\nb"])),
        pieces(WORDS),
        prop::option::of(prop::sample::select(vec!["2025-04-04", "not a date", ""])),
        prop::sample::select(vec!["", "{", "not json", "{\"text\": 5}", "{\"id\":\"a\"}"]),
    )
        .prop_map(|(id, text, date, junk)| {
            let mut record = serde_json::json!({ "text": text });
            if let Some(id) = id {
                record["id"] = id.into();
            }
            if let Some(date) = date {
                record["date"] = date.into();
            }
            format!("{record}\n{junk}\n")
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn html_tag_soup(soup in pieces(HTML)) {
        bounded("soup.html", soup.into_bytes(), Format::Html)?;
    }

    #[test]
    fn json_lines(lines in prop::collection::vec(json_line(), 1..12)) {
        bounded("feed.jsonl", lines.concat().into_bytes(), Format::JsonLines)?;
    }

    #[test]
    fn front_matter(header in pieces(FRONT_MATTER), body in pieces(MARKDOWN)) {
        let text = format!("---\n{header}---\n{body}");
        bounded("front.md", text.into_bytes(), Format::Markdown)?;
    }

    #[test]
    fn markdown(text in pieces(MARKDOWN), words in pieces(WORDS)) {
        bounded("story.md", format!("{text}{words}{text}").into_bytes(), Format::Markdown)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, failure_persistence: None, ..ProptestConfig::default() })]

    /// Tens of thousands of quotation marks, mixed or alone, with a little text.
    #[test]
    fn quotation_mark_storms(
        mark in prop::sample::select(vec!["“", "”", "\"", "„", "«", "»", "“ ", " ”", "‘"]),
        count in 1_000usize..20_000,
        words in pieces(WORDS),
        format in prop::sample::select(vec![Format::Text, Format::Markdown, Format::Html]),
    ) {
        let text = format!("{words}{}{words}", mark.repeat(count));
        bounded("storm", text.into_bytes(), format)?;
    }

    /// One line of up to 120 KB: sentences (the same, or all different but opening alike),
    /// markup or a single word without a break.
    #[test]
    fn very_long_lines(
        unit in prop::sample::select(vec![
            "The minister said the plan would work. ",
            "The council met # times to discuss the budget. ",
            "Mark Janssen, Mark Jansen ",
            "Janssen ",
            "[Janssen](https://x.example/Janssen) ",
            "<b>Janssen</b> ",
            "x",
            "the the ",
        ]),
        size in 10_000usize..120_000,
        format in prop::sample::select(vec![Format::Text, Format::Markdown, Format::Html]),
    ) {
        let mut text = String::with_capacity(size + 64);
        for i in 0.. {
            if text.len() >= size {
                break;
            }
            text.push_str(&unit.replace('#', &i.to_string()));
        }
        bounded("long", text.into_bytes(), format)?;
    }
}
