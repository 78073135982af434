//! PLACEHOLDER replaced by the real segmenter before commit.
use std::ops::Range;
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let t = raw.trim();
        if !t.is_empty() {
            let s = pos + raw.find(t).unwrap();
            out.push(s..s + t.len());
        }
        pos += raw.len();
    }
    out
}
