//! What the index and the aligner need of a sentence, computed once per document: tokens as
//! 64-bit hashes of their normal form (diffs and lookups then compare integers), which tokens
//! are informative, the content words and the numbers.

use super::tokens::{tokenize, Token, TokenKind};
use crate::model::Document;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceFeatures {
    pub norms: Vec<u64>,
    /// Per token: a number or a lowercase content word (tells which event, not who).
    pub informative: Vec<bool>,
    /// Content words (not function words), sorted and distinct.
    pub content: Vec<u64>,
    pub numbers: Vec<u64>,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits: fast, and stable across runs and machines (the Spark path must match).
/// A hash of a run of token hashes, in order.
pub fn hash_words(words: &[u64]) -> u64 {
    words.iter().fold(0xcbf2_9ce4_8422_2325, |h, &w| {
        (h ^ w).wrapping_mul(0x0100_0000_01b3).rotate_left(5)
    })
}

pub fn hash_str(h: u64, s: &str) -> u64 {
    let mut h = h;
    for b in s.bytes().chain(std::iter::once(0xff)) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

pub fn token_hash(norm: &str) -> u64 {
    hash_str(FNV_OFFSET, norm)
}

pub fn features(tokens: &[Token]) -> SentenceFeatures {
    let norms: Vec<u64> = tokens.iter().map(|t| token_hash(&t.norm)).collect();
    let function: Vec<bool> = tokens
        .iter()
        .map(|t| t.kind == TokenKind::Word && crate::index::is_function_word(&t.norm))
        .collect();
    let informative = tokens
        .iter()
        .zip(&function)
        .map(|(t, &f)| t.kind == TokenKind::Number || (!t.capitalized && !f))
        .collect();
    let mut content: Vec<u64> = norms
        .iter()
        .zip(&function)
        .filter(|(_, &f)| !f)
        .map(|(h, _)| *h)
        .collect();
    content.sort_unstable();
    content.dedup();
    let numbers = tokens
        .iter()
        .zip(&norms)
        .filter(|(t, _)| t.kind == TokenKind::Number)
        .map(|(_, h)| *h)
        .collect();
    SentenceFeatures {
        norms,
        informative,
        content,
        numbers,
    }
}

/// Features of every sentence of a document.
pub fn document_features(doc: &Document) -> Vec<SentenceFeatures> {
    doc.sentences
        .iter()
        .map(|s| features(&tokenize(doc.sentence_text(s))))
        .collect()
}

/// Features of consecutive sentences taken as one (for 1:2 and 2:1 alignments).
pub fn concat(parts: &[SentenceFeatures]) -> SentenceFeatures {
    let mut out = SentenceFeatures::default();
    for p in parts {
        out.norms.extend_from_slice(&p.norms);
        out.informative.extend_from_slice(&p.informative);
        out.content.extend_from_slice(&p.content);
        out.numbers.extend_from_slice(&p.numbers);
    }
    out.content.sort_unstable();
    out.content.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_function_words_are_not_informative() {
        let f = features(&tokenize(
            "Secretary General Jane Doe said the fund grew 5%",
        ));
        assert_eq!(
            f.informative,
            [false, false, false, false, false, false, true, true, true]
        );
        assert_eq!(f.numbers.len(), 1);
        // "fund", "grew", "pct:5" and the four capitalised words are content words.
        assert_eq!(f.content.len(), 7);
    }
}
