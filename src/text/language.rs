//! Language identification with whatlang, per document and per sentence. Short text gives
//! unreliable guesses, so a sentence's guess is marked reliable only when it is long enough and
//! whatlang itself is confident.

use super::wordset::WordSet;
use crate::model::{Document, LanguageGuess, Sentence, SentenceKind};

/// Sentences shorter than this (in characters) never get a reliable guess.
pub const MIN_RELIABLE_SENTENCE_CHARS: usize = 40;
/// Bytes of body text used for the document guess: plenty for a stable result.
const DOCUMENT_SAMPLE_BYTES: usize = 1024;
/// Bytes of one sentence looked at: a run-on "sentence" of megabytes needs no more.
const SENTENCE_SAMPLE_BYTES: usize = 320;

/// The first `max` bytes of `s`, cut at a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

pub fn guess(text: &str) -> Option<LanguageGuess> {
    to_guess(whatlang::detect(text)?)
}

/// Languages a sentence is compared against: the widely published ones. Sentences need only
/// tell "not the article's language" reliably, and a shorter list makes the trigram model
/// several times faster; the article's own language uses the full model.
static SENTENCE_DETECTOR: std::sync::LazyLock<whatlang::Detector> =
    std::sync::LazyLock::new(|| {
        use whatlang::Lang::*;
        whatlang::Detector::with_allowlist(vec![
            Eng, Deu, Fra, Spa, Ita, Nld, Por, Pol, Ces, Slk, Slv, Hrv, Ron, Hun, Tur, Swe, Dan,
            Nob, Fin, Est, Lav, Lit, Ind, Vie, Rus, Ukr, Bul, Srp, Bel, Ell, Ara, Heb, Pes, Hin,
            Ben, Cmn, Jpn, Kor, Tha, Kat, Hye, Urd, Tgl, Cat, Afr, Aze, Uzb,
        ])
    });

fn sentence_guess(text: &str) -> Option<LanguageGuess> {
    to_guess(SENTENCE_DETECTOR.detect(text)?)
}

fn to_guess(info: whatlang::Info) -> Option<LanguageGuess> {
    Some(LanguageGuess {
        code: info.lang().code(),
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    })
}

/// Sets the document language (from its body sentences).
pub fn identify(doc: &mut Document) {
    let mut sample = String::with_capacity(DOCUMENT_SAMPLE_BYTES + 256);
    for s in &doc.sentences {
        if s.kind == SentenceKind::Body {
            sample.push_str(prefix(&doc.text[s.range.clone()], SENTENCE_SAMPLE_BYTES));
            sample.push(' ');
            if sample.len() >= DOCUMENT_SAMPLE_BYTES {
                break;
            }
        }
    }
    if sample.is_empty() {
        for s in &doc.sentences {
            sample.push_str(prefix(&doc.text[s.range.clone()], SENTENCE_SAMPLE_BYTES));
            sample.push(' ');
            if sample.len() >= DOCUMENT_SAMPLE_BYTES {
                break;
            }
        }
    }
    doc.language = by_function_words(&sample).or_else(|| guess(&sample));
}

/// Sets each sentence's language (see [`sentence_language`]): for `inspect`, which shows them
/// all; the rules ask only about the sentences they look at.
pub fn identify_sentences(doc: &mut Document) {
    let guesses: Vec<Option<LanguageGuess>> = doc
        .sentences
        .iter()
        .map(|s| sentence_language(doc, s))
        .collect();
    for (s, guess) in doc.sentences.iter_mut().zip(guesses) {
        s.language = guess;
    }
}

/// The language of one sentence of `doc`, whose own language is already identified: the
/// article's when its function words make that plain, a trigram guess otherwise; `None` for a
/// sentence too short to guess.
pub fn sentence_language(doc: &Document, s: &Sentence) -> Option<LanguageGuess> {
    let stopwords = doc.language.and_then(|l| stopword_set(l.code));
    let sentence = prefix(&doc.text[s.range.clone()], SENTENCE_SAMPLE_BYTES);
    // A character is one to four bytes: only lengths in between need counting.
    let long_enough = sentence.len() >= 4 * MIN_RELIABLE_SENTENCE_CHARS
        || (sentence.len() >= MIN_RELIABLE_SENTENCE_CHARS
            && sentence.chars().count() >= MIN_RELIABLE_SENTENCE_CHARS);
    // Most sentences are plainly in the article's language; its function words show that
    // at a fraction of the cost of a trigram model, which is kept for the rest.
    if let (Some(doc_lang), Some(list)) = (doc.language, stopwords) {
        if let Some(share) = stopword_share(sentence, list) {
            return Some(LanguageGuess {
                code: doc_lang.code,
                confidence: (share * 2.5).min(1.0),
                reliable: long_enough,
            });
        }
    }
    // A short sentence's trigram guess would be noise: leave it unknown.
    if long_enough {
        sentence_guess(sentence)
    } else {
        None
    }
}

const LISTED: [&str; 7] = ["eng", "deu", "fra", "spa", "ita", "nld", "por"];

/// The language of a sample when one list's function words clearly dominate (a quarter of the
/// words, twice the runner-up's share); `None` leaves it to the trigram model.
fn by_function_words(sample: &str) -> Option<LanguageGuess> {
    let (words, hits) = hits_per_list(sample);
    let mut shares: Vec<(f64, &'static str)> = SETS
        .iter()
        .zip(hits)
        .map(|((code, _), hit)| {
            let share = if words == 0 {
                0.0
            } else {
                hit as f64 / words as f64
            };
            (share, *code)
        })
        .collect();
    shares.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (best, code) = shares[0];
    let runner_up = shares[1].0;
    (best >= 0.25 && best >= 2.0 * runner_up && sample.chars().count() >= 200).then_some(
        LanguageGuess {
            code,
            confidence: ((best - runner_up) * 2.5).min(1.0),
            reliable: true,
        },
    )
}

/// Share of words that are function words of the list, when it is high enough to settle the
/// language: at least two of them and a fifth of at least four words, or at least three and an
/// eighth in a longer sentence.
fn stopword_share(sentence: &str, list: &WordSet) -> Option<f64> {
    let (words, hits) = count_function_words(sentence, list);
    ((words >= 4 && hits >= 2 && hits * 5 >= words) || (hits >= 3 && hits * 8 >= words))
        .then(|| hits as f64 / words as f64)
}

/// (words, function words of the language) of a text, for a language with a function-word
/// list (English, German, French, Spanish, Italian, Dutch, Portuguese); `None` for others.
pub fn function_words(text: &str, code: &str) -> Option<(usize, usize)> {
    Some(count_function_words(text, stopword_set(code)?))
}

/// Whether `text` holds at least `min` function words of one of the listed languages
/// (English, German, French, Spanish, Italian, Dutch, Portuguese): one pass for all the lists.
pub fn has_function_words(text: &str, min: usize) -> bool {
    hits_per_list(text).1.iter().any(|&h| h >= min)
}

/// (words, function words of each listed language) of a text, in one pass for all the lists.
fn hits_per_list(text: &str) -> (usize, [usize; LISTED.len()]) {
    let mut words = 0usize;
    let mut hits = [0usize; LISTED.len()];
    for_each_word(text, |lower| {
        words += 1;
        if let Some(w) = lower {
            for (hit, (_, set)) in hits.iter_mut().zip(SETS.iter()) {
                *hit += usize::from(set.contains_bytes(w));
            }
        }
    });
    (words, hits)
}

/// (words, words in the list) of a text.
fn count_function_words(sentence: &str, list: &WordSet) -> (usize, usize) {
    let mut words = 0usize;
    let mut hits = 0usize;
    for_each_word(sentence, |lower| {
        words += 1;
        hits += usize::from(lower.is_some_and(|w| list.contains_bytes(w)));
    });
    (words, hits)
}

/// Calls `f` for each word of `text` (a run of alphabetic characters) with the word
/// ASCII-lowercased, or `None` for a word longer than any listed function word.
fn for_each_word(text: &str, mut f: impl FnMut(Option<&[u8]>)) {
    // No listed function word is longer than this: longer words are skipped unexamined.
    let mut buf = [0u8; 5];
    let bytes = text.as_bytes();
    let mut finish = |word: &[u8]| {
        if word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word);
            lower.make_ascii_lowercase();
            f(Some(lower));
        } else {
            f(None);
        }
    };
    // ASCII bytes are classified without decoding: this runs over every sentence.
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (alphabetic, len) = if b.is_ascii() {
            (b.is_ascii_alphabetic(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphabetic(), c.len_utf8())
        };
        match (alphabetic, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                finish(&bytes[s..i]);
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        finish(&bytes[s..]);
    }
}

static SETS: std::sync::LazyLock<Vec<(&'static str, WordSet)>> = std::sync::LazyLock::new(|| {
    LISTED
        .iter()
        .filter_map(|code| Some((*code, WordSet::new(stopwords(code)?))))
        .collect()
});

fn stopword_set(code: &str) -> Option<&'static WordSet> {
    SETS.iter().find(|(c, _)| *c == code).map(|(_, s)| s)
}

/// Frequent function words that are rare in the other listed languages. Sorted.
fn stopwords(code: &str) -> Option<&'static [&'static str]> {
    Some(match code {
        "eng" => &[
            "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been",
            "but", "by", "for", "from", "had", "has", "have", "he", "her", "his", "in", "into",
            "is", "it", "its", "more", "not", "of", "on", "or", "our", "over", "said", "she",
            "such", "than", "that", "the", "their", "they", "this", "to", "was", "we", "were",
            "which", "who", "will", "with", "would",
        ],
        "deu" => &[
            "auch", "auf", "aus", "das", "dass", "dem", "den", "der", "des", "die", "ein", "eine",
            "einer", "ist", "mit", "nach", "nicht", "sich", "sie", "und", "von", "war", "wird",
            "zu", "zum", "zur",
        ],
        "fra" => &[
            "au", "aux", "avec", "ce", "dans", "des", "du", "elle", "est", "et", "il", "la", "le",
            "les", "leur", "mais", "ont", "par", "pas", "pour", "qui", "sont", "sur", "une",
        ],
        "spa" => &[
            "al", "con", "de", "del", "el", "en", "es", "la", "las", "los", "por", "que", "se",
            "su", "sus", "un", "una", "y",
        ],
        "ita" => &[
            "al", "alla", "che", "con", "della", "di", "e", "gli", "il", "la", "le", "nel", "non",
            "per", "si", "sono", "un", "una",
        ],
        "nld" => &[
            "de", "een", "en", "het", "is", "met", "niet", "op", "te", "van", "voor", "zijn",
        ],
        "por" => &[
            "ao", "com", "da", "das", "de", "do", "dos", "em", "foi", "na", "no", "os", "para",
            "por", "que", "se", "um", "uma",
        ],
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_lists_are_sorted() {
        for code in LISTED {
            let list = stopwords(code).unwrap();
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{code}");
        }
    }

    #[test]
    fn a_german_sentence_in_an_english_article_is_found() {
        let text = "The ministers met on Monday to agree on the budget for the next year. They said it was hard work and that the talks would go on for a week. A deal is expected by the end of the month.\n\nDie Minister haben sich nicht auf einen Haushalt geeinigt, sagte der Sprecher.\n";
        let mut doc = crate::model::Document::new("t", text.into(), crate::model::Origin::Identity);
        crate::text::segment_document(&mut doc);
        identify(&mut doc);
        identify_sentences(&mut doc);
        assert_eq!(doc.language.unwrap().code, "eng");
        let langs: Vec<_> = doc.sentences.iter().map(|s| s.language.unwrap()).collect();
        assert_eq!(langs[0].code, "eng");
        let german = langs.last().unwrap();
        assert_eq!(german.code, "deu");
        assert!(german.reliable);
    }

    #[test]
    fn short_sentences_are_never_reliable() {
        let text = "Ministers met today in Brussels and talked about budgets for a long time.\n\nJa, sagte er.\n";
        let mut doc = crate::model::Document::new("t", text.into(), crate::model::Origin::Identity);
        crate::text::segment_document(&mut doc);
        identify(&mut doc);
        identify_sentences(&mut doc);
        assert!(doc.sentences.last().unwrap().language.is_none());
    }

    #[test]
    fn function_words_of_any_listed_language_in_one_pass() {
        for (text, min) in [
            ("The ministers met in the capital", 2),
            ("Die Minister trafen sich in der Hauptstadt", 2),
            ("Wheat nil nil 1.2 3.4", 1),
            ("the", 2),
            ("", 1),
        ] {
            let each = LISTED
                .iter()
                .any(|code| function_words(text, code).is_some_and(|(_, hits)| hits >= min));
            assert_eq!(has_function_words(text, min), each, "{text}");
        }
        assert!(has_function_words("The ministers met in the capital", 2));
        assert!(!has_function_words("Wheat nil nil 1.2 3.4", 1));
    }

    #[test]
    fn function_words_settle_a_clear_document_language() {
        let en = "The ministers said that the plan would be ready by the end of the year, and that it was the best they could do for the people who live in the region. It is not clear when the vote will take place, or who will count the ballots.";
        assert_eq!(by_function_words(en).unwrap().code, "eng");
        let de = "Die Minister sagten, dass der Plan bis zum Ende des Jahres fertig sein werde und dass es das Beste sei, was sie für die Menschen in der Region tun könnten. Es ist nicht klar, wann die Abstimmung stattfinden wird.";
        assert_eq!(by_function_words(de).unwrap().code, "deu");
        // Too little text: left to whatlang.
        assert!(by_function_words("The plan is ready.").is_none());
    }

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
