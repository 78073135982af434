//! Over every fixture and seed article: no text is ever outside every sentence and every
//! removed region, and every sentence's span cut from the file is the sentence's text.

use wirecheck::ingest::load;

#[test]
fn every_fixture_and_seed_is_read_whole() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths: Vec<String> = ["fixtures", "seeds"]
        .iter()
        .map(|p| root.join(p).to_string_lossy().into_owned())
        .collect();
    let loaded = load(&paths);
    assert!(loaded.documents.len() > 100, "{}", loaded.documents.len());
    for doc in &loaded.documents {
        let mut covered: Vec<std::ops::Range<usize>> = doc
            .sentences
            .iter()
            .map(|s| s.range.clone())
            .chain(doc.removed.iter().map(|r| r.range.clone()))
            .collect();
        covered.sort_by_key(|r| (r.start, r.end));
        let mut pos = 0;
        for r in covered
            .iter()
            .chain(std::iter::once(&(doc.text.len()..doc.text.len())))
        {
            if r.start > pos {
                let gap = &doc.text[pos..r.start];
                assert!(
                    gap.trim().is_empty(),
                    "{}: text outside every sentence and removed region at {pos}: {gap:?}",
                    doc.name
                );
            }
            pos = pos.max(r.end);
        }
        if matches!(doc.origin, wirecheck::model::Origin::Identity) {
            for s in &doc.sentences {
                let span = doc.span(s.range.clone());
                assert_eq!(
                    &doc.original()[span.start..span.end],
                    doc.sentence_text(s).as_bytes()
                );
            }
        }
    }
}
