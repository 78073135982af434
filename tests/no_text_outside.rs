//! Over every fixture and seed article: no text is ever outside every sentence and every
//! removed region, and every sentence's span cut from the file is the sentence's text.

mod common;

use common::assert_no_text_outside;
use wirecheck::ingest::load;

#[test]
fn every_fixture_and_seed_is_read_whole() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths: Vec<String> = ["fixtures", "seeds"]
        .iter()
        .map(|p| root.join(p).to_string_lossy().into_owned())
        .collect();
    let loaded = load(&paths, wirecheck::ingest::DEFAULT_MAX_FILE_SIZE);
    assert!(loaded.documents.len() > 100, "{}", loaded.documents.len());
    for doc in &loaded.documents {
        assert_no_text_outside(doc);
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
