//! Language identification with whatlang, per document and per sentence. Short text gives
//! unreliable guesses, so a sentence's guess is marked reliable only when it is long enough and
//! whatlang itself is confident.

use crate::model::{Document, LanguageGuess, SentenceKind};

/// Sentences shorter than this (in characters) never get a reliable guess.
pub const MIN_RELIABLE_SENTENCE_CHARS: usize = 40;
/// Bytes of body text used for the document guess: plenty for a stable result.
const DOCUMENT_SAMPLE_BYTES: usize = 8 * 1024;

pub fn guess(text: &str) -> Option<LanguageGuess> {
    let info = whatlang::detect(text)?;
    Some(LanguageGuess {
        code: info.lang().code(),
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    })
}

/// Sets the document language (from its body sentences) and each sentence's language.
pub fn identify(doc: &mut Document) {
    let mut sample = String::with_capacity(DOCUMENT_SAMPLE_BYTES + 256);
    for s in &doc.sentences {
        if s.kind == SentenceKind::Body {
            sample.push_str(&doc.text[s.range.clone()]);
            sample.push(' ');
            if sample.len() >= DOCUMENT_SAMPLE_BYTES {
                break;
            }
        }
    }
    if sample.is_empty() {
        for s in &doc.sentences {
            sample.push_str(&doc.text[s.range.clone()]);
            sample.push(' ');
        }
    }
    doc.language = guess(&sample);
    let text = doc.text.as_str();
    for s in &mut doc.sentences {
        let sentence = &text[s.range.clone()];
        s.language = guess(sentence).map(|mut g| {
            g.reliable &= sentence.chars().count() >= MIN_RELIABLE_SENTENCE_CHARS;
            g
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_german_are_told_apart() {
        let en =
            guess("The ministers agreed to increase defence spending over the next ten years.")
                .unwrap();
        assert_eq!(en.code, "eng");
        let de =
            guess("Die Minister haben sich darauf geeinigt, die Verteidigungsausgaben zu erhöhen.")
                .unwrap();
        assert_eq!(de.code, "deu");
    }
}
