//! Sentence segmentation: one forward pass over the bytes of a block of text.
//!
//! A sentence ends at `.`, `!`, `?`, `…` (and runs of them), with any closing quotes and
//! brackets after it, when whitespace and then a sentence start follow (a capital, a digit, an
//! opening quote or bracket) — unless the word before the full stop is an abbreviation
//! ("Mr.", "Gen.", "e.g."), an initial ("J. D. Smith"), or a dotted acronym ("U.S.") that runs
//! on into the sentence. Blank lines always end a sentence; a single line break ends one when
//! the line before ends a sentence or the next line starts like a new one (headlines, captions,
//! bylines and list items are their own segments), and is a soft wrap otherwise. Numbers
//! ("2.5%", "€20.5 billion"), URLs and e-mail addresses never split, as their full stops are
//! not followed by whitespace.

use std::ops::Range;

/// Titles and other abbreviations that do not end a sentence (lowercase, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "adm", "al", "approx", "apr", "aug", "capt", "cf", "cmdr", "co", "col", "corp", "cpl", "dec",
    "dept", "dr", "e.g", "esp", "est", "feb", "fig", "figs", "gen", "gov", "hon", "i.e", "inc",
    "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "no",
    "nos", "nov", "oct", "op", "p", "pp", "prof", "pvt", "rep", "reps", "rev", "sen", "sens",
    "sep", "sept", "sgt", "sr", "st", "supt", "vol", "vols", "vs",
];

/// Lowercase abbreviations that run on into a lowercase word ("5 ft. of snow", "etc. and").
const LOWERCASE_ABBREVIATIONS: &[&str] = &[
    "approx", "assn", "ave", "blvd", "cal", "cf", "ch", "cm", "dept", "dist", "drs", "est", "etc",
    "ext", "fig", "ft", "govt", "hr", "hrs", "incl", "intl", "lb", "lbs", "max", "mg", "mi", "min",
    "misc", "mo", "mos", "mph", "mt", "natl", "oz", "pg", "pt", "qt", "rd", "sec", "sq", "tbsp",
    "tsp", "univ", "viz", "vs", "wk", "wks", "yd", "yds", "yr", "yrs",
];

/// Whether a sentence ends before a lowercase word: after "?" or "!", or after a full stop
/// that ends an ordinary word (no abbreviation, initial, acronym or number): "…at best. the
/// waitress…", "…this weekend? is it…". Informal text starts sentences in lowercase; news
/// text hardly ever puts a full stop before a lowercase word otherwise.
fn ends_before_lowercase(marks: &str, word: &str) -> bool {
    if marks.ends_with(is_closer) {
        // `“Is it over?” she asked`: the quotation ends, the sentence goes on.
        return false;
    }
    if marks != "." {
        return marks.chars().all(|c| matches!(c, '?' | '!'));
    }
    let lower = word.to_lowercase();
    word.chars().count() >= 2
        && word.chars().all(char::is_alphabetic)
        && !ABBREVIATIONS.contains(&lower.as_str())
        && !LOWERCASE_ABBREVIATIONS.contains(&lower.as_str())
}

/// Months and numbering words: abbreviations only before a number ("Jan. 2026", "No. 5").
const BEFORE_NUMBERS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "vol", "vols", "p", "pp", "fig", "figs", "op",
];

/// Words that start a sentence after a dotted acronym or a company suffix ("…in the U.S. The
/// talks…", "…Briggs & Co. It closed…"): pronouns, determiners, question words, conjunctions
/// and adverbs that rarely follow "U.S." or "Co." inside a name.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "Although",
    "An",
    "And",
    "Another",
    "Are",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "Can",
    "Could",
    "Did",
    "Do",
    "Does",
    "During",
    "Each",
    "Even",
    "Every",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Is",
    "It",
    "Its",
    "Let",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "No",
    "Now",
    "On",
    "Once",
    "One",
    "Only",
    "Our",
    "Please",
    "She",
    "Since",
    "So",
    "Some",
    "Such",
    "Thanks",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "To",
    "Today",
    "Under",
    "Was",
    "We",
    "Were",
    "What",
    "When",
    "Where",
    "Which",
    "While",
    "Who",
    "Why",
    "Will",
    "With",
    "Would",
    "Yet",
    "You",
    "Your",
];

/// Abbreviations that end a company's or a person's name, and so may end a sentence too:
/// they end one when a sentence starter follows ("Pitt, Briggs & Co. It closed").
const NAME_ENDINGS: &[&str] = &["co", "corp", "inc", "ltd", "jr", "sr", "bros", "llc", "plc"];

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '"' | '’' | '\'' | '»' | '›' | ')' | ']' | '」' | '』'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '"' | '‘' | '\'' | '«' | '‹' | '(' | '[' | '„' | '「' | '『' | '¿' | '¡'
    )
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '-' | '*' | '–' | '—' | '·' | '▪' | '►' | '>')
}

/// Whether a character can start a sentence: a capital or a caseless letter, a digit, an
/// opening quote or bracket.
fn starts_sentence(c: char) -> bool {
    (c.is_alphabetic() && !c.is_lowercase())
        || c.is_ascii_digit()
        || is_opener(c)
        || c == '€'
        || c == '$'
        || c == '£'
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// The word just before byte `end` (letters, digits and inner dots), at most 32 bytes back so
/// that pathological input stays linear.
fn word_before(text: &str, end: usize) -> &str {
    let floor = end.saturating_sub(32);
    let mut start = end;
    while start > floor {
        match char_before(text, start) {
            Some(c) if c.is_alphanumeric() || c == '.' => start -= c.len_utf8(),
            _ => break,
        }
    }
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text[start..end].trim_start_matches('.')
}

/// The first word at `i` (letters only).
fn word_at(text: &str, i: usize) -> &str {
    let rest = &text[i..];
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Whether the full stop ending `word` is part of it rather than the end of a sentence,
/// given what follows.
fn dot_belongs_to_word(word: &str, next: char, next_word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if BEFORE_NUMBERS.contains(&lower.as_str()) {
        if next.is_ascii_digit() {
            return true;
        }
        // "Jan." alone may end a sentence; the titles below never do.
        if !ABBREVIATIONS.contains(&lower.as_str()) || lower.len() > 2 && lower != "no" {
            return false;
        }
    }
    if NAME_ENDINGS.contains(&lower.as_str()) {
        return !SENTENCE_STARTERS.contains(&next_word);
    }
    if ABBREVIATIONS.contains(&lower.as_str()) && !BEFORE_NUMBERS.contains(&lower.as_str()) {
        return true;
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    // An initial: "J." in "J. D. Smith".
    if word.chars().count() == 1 && first.is_uppercase() {
        return true;
    }
    // A dotted acronym ("U.S", "e.g" handled above): runs on unless a sentence clearly starts.
    if word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() <= 2 && !p.is_empty())
    {
        return !SENTENCE_STARTERS.contains(&next_word);
    }
    false
}

/// "1.", "1.)", "(2)", "a)", "b.", "iv." and the like.
fn is_list_marker(s: &str) -> bool {
    let core = s.trim_start_matches('(').trim_end_matches([')', '.']);
    let core = core.trim_end_matches([')', '.']);
    if core.is_empty() || s.len() > 6 || s.len() == core.len() {
        return false;
    }
    let numeric = core.len() <= 3 && core.bytes().all(|b| b.is_ascii_digit());
    let letter = core.chars().count() == 1 && core.chars().all(|c| c.is_ascii_lowercase());
    let roman = core.len() <= 4 && core.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
    numeric || letter || roman
}

/// Splits one block of text into sentences: byte ranges into `text`, in order,
/// non-overlapping, trimmed, never empty. Never panics.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    split_sentences_with(text, false)
}

/// [`split_sentences`], with `soft_wraps`: the block is one paragraph of hard-wrapped text,
/// where a line break is a space.
pub fn split_sentences_with(text: &str, soft_wraps: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<Range<usize>>, from: usize, to: usize| {
        let piece = &text[from..to];
        let trimmed_start = from + (piece.len() - piece.trim_start().len());
        let trimmed_end = from + piece.trim_end().len();
        if trimmed_start < trimmed_end {
            out.push(trimmed_start..trimmed_end);
        }
    };
    while i < text.len() {
        // Most bytes are plain ASCII that neither ends a line nor a sentence: skip them
        // without decoding a character.
        let b = text.as_bytes()[i];
        if b.is_ascii() && !matches!(b, b'\n' | b'.' | b'!' | b'?') {
            i += 1;
            continue;
        }
        let Some(c) = char_at(text, i) else { break };
        if c == '\n' && !soft_wraps {
            let next_line = i + 1;
            let rest = &text[next_line..];
            let indent = rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\u{a0}']).len();
            let first = char_at(text, next_line + indent);
            let blank = matches!(first, None | Some('\n'));
            let before = text[start..i].trim_end();
            let line_ends_sentence = before
                .chars()
                .rev()
                .find(|&ch| !is_closer(ch))
                .is_some_and(is_terminal);
            let next_starts = first.is_some_and(|f| starts_sentence(f) || is_bullet(f));
            if blank || line_ends_sentence || next_starts {
                push(&mut out, start, i);
                start = next_line;
            }
            i = next_line;
            continue;
        }
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        // A run of terminal marks ("?!", "...", "…"), then closing quotes and brackets.
        let run_start = i;
        let mut end = i;
        while let Some(t) = char_at(text, end).filter(|&t| is_terminal(t)) {
            end += t.len_utf8();
        }
        while let Some(t) = char_at(text, end).filter(|&t| is_closer(t)) {
            end += t.len_utf8();
        }
        let cjk = matches!(c, '。' | '！' | '？');
        let after = char_at(text, end);
        let followed_by_space = after.is_none_or(char::is_whitespace);
        if !followed_by_space && !cjk {
            i = end.max(i + c.len_utf8());
            continue;
        }
        // What comes next, on this line (a line break is handled above).
        let rest = &text[end..];
        let gap = if soft_wraps {
            rest.len() - rest.trim_start().len()
        } else {
            rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len()
        };
        let next_at = end + gap;
        let next = char_at(text, next_at);
        let split = match next {
            None | Some('\n') | Some('\r') => true,
            Some(n) if !starts_sentence(n) => {
                n.is_lowercase()
                    && ends_before_lowercase(&text[run_start..end], word_before(text, run_start))
            }
            Some(n) => {
                let single_dot = text[run_start..end].trim_end_matches(is_closer) == ".";
                let next_word =
                    word_at(text, next_at + if is_opener(n) { n.len_utf8() } else { 0 });
                !(single_dot && dot_belongs_to_word(word_before(text, run_start), n, next_word))
            }
        };
        // A list marker ("1.", "1.)", "a)", "iv.") starts its item; it is no sentence of its own.
        let piece = text[start..end].trim();
        let last_token = piece.rsplit(char::is_whitespace).next().unwrap_or(piece);
        let before_marker = piece[..piece.len() - last_token.len()].trim_end();
        let split = split
            && !(is_list_marker(last_token)
                && (before_marker.is_empty() || before_marker.ends_with(':')));
        if split && (soft_wraps || (next != Some('\n') && next != Some('\r'))) {
            push(&mut out, start, end);
            start = end;
        }
        i = end;
    }
    push(&mut out, start, text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("One two. Three four! Five six? Seven"),
            ["One two.", "Three four!", "Five six?", "Seven"]
        );
    }

    #[test]
    fn abbreviations_titles_and_initials() {
        assert_eq!(
            split("Mr. Smith met Dr. Jones and Gen. Lee on St. Mark's Square. J. D. Vance spoke."),
            [
                "Mr. Smith met Dr. Jones and Gen. Lee on St. Mark's Square.",
                "J. D. Vance spoke."
            ]
        );
        assert_eq!(
            split("It rose, e.g. in May. The end."),
            ["It rose, e.g. in May.", "The end."]
        );
        assert_eq!(
            split("Talks start on Jan. 5 in No. 10. They end soon."),
            ["Talks start on Jan. 5 in No. 10.", "They end soon."]
        );
    }

    #[test]
    fn dotted_acronyms() {
        assert_eq!(
            split("The U.S. Senate voted. The U.K. agreed."),
            ["The U.S. Senate voted.", "The U.K. agreed."]
        );
        assert_eq!(
            split("Aid came from the U.S. The talks went on."),
            ["Aid came from the U.S.", "The talks went on."]
        );
    }

    #[test]
    fn numbers_and_amounts_never_split() {
        assert_eq!(
            split("Costs rose 2.5% to €20.5 billion. Then fell."),
            ["Costs rose 2.5% to €20.5 billion.", "Then fell."]
        );
        assert_eq!(
            split("Version 1.2.3 at example.com works. Yes."),
            ["Version 1.2.3 at example.com works.", "Yes."]
        );
        assert_eq!(
            split("It happened in 2025. The year ended."),
            ["It happened in 2025.", "The year ended."]
        );
    }

    #[test]
    fn abbreviations_before_a_new_sentence() {
        assert_eq!(
            split("I live in the U.S. How about you?"),
            ["I live in the U.S.", "How about you?"]
        );
        assert_eq!(
            split("Let's ask Jane and co. They should know."),
            ["Let's ask Jane and co.", "They should know."]
        );
        assert_eq!(
            split("The firm bought Pitt, Briggs & Co. It closed yesterday."),
            ["The firm bought Pitt, Briggs & Co.", "It closed yesterday."]
        );
        assert_eq!(
            split("He joined the E.U. When asked, he smiled."),
            ["He joined the E.U.", "When asked, he smiled."]
        );
        assert_eq!(
            split("Sam Brown Jr. The family said so."),
            ["Sam Brown Jr.", "The family said so."]
        );
        // Inside a name they run on.
        assert_eq!(
            split("Pitt, Briggs & Co. Ltd. said profits rose. Sam Brown Jr. Memorial Park opened."),
            [
                "Pitt, Briggs & Co. Ltd. said profits rose.",
                "Sam Brown Jr. Memorial Park opened."
            ]
        );
    }

    #[test]
    fn informal_sentences_start_in_lowercase() {
        assert_eq!(
            split("The food is mediocre at best. the waitress took my name."),
            [
                "The food is mediocre at best.",
                "the waitress took my name."
            ]
        );
        assert_eq!(
            split("What about downtown? like 4th street? ok!! see you"),
            [
                "What about downtown?",
                "like 4th street?",
                "ok!!",
                "see you"
            ]
        );
        // Abbreviations, acronyms, numbers and quotations run on.
        assert_eq!(
            split("It fell 5 ft. of snow, e.g. on roads, at 5 p.m. on Friday, etc. and more."),
            ["It fell 5 ft. of snow, e.g. on roads, at 5 p.m. on Friday, etc. and more."]
        );
        assert_eq!(
            split("“Is it over?” she asked. “Yes!” he said."),
            ["“Is it over?” she asked.", "“Yes!” he said."]
        );
    }

    #[test]
    fn list_items_keep_their_markers() {
        assert_eq!(
            split("1.) The first item\n2.) The second item"),
            ["1.) The first item", "2.) The second item"]
        );
        assert_eq!(
            split("1) The first item\n2) The second item"),
            ["1) The first item", "2) The second item"]
        );
        assert_eq!(
            split("Steps: 1. Open the box. 2. Take the lid off."),
            ["Steps: 1. Open the box.", "2. Take the lid off."]
        );
        assert_eq!(split("a) First. b) Second."), ["a) First.", "b) Second."]);
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split("And so… we left. Then… Nothing."),
            ["And so… we left.", "Then…", "Nothing."]
        );
        assert_eq!(split("Wait... what? Yes..."), ["Wait... what?", "Yes..."]);
    }

    #[test]
    fn quotations_at_sentence_ends() {
        let t = "“Ukraine’s security is closely linked to our own,” he said. “Our support must continue unabated. For their own sake, and for ours.”";
        assert_eq!(
            split(t),
            [
                "“Ukraine’s security is closely linked to our own,” he said.",
                "“Our support must continue unabated.",
                "For their own sake, and for ours.”"
            ]
        );
        let t = "\"I am absolutely convinced that this alliance will survive, with the US in it. Their commitment (to NATO) is absolutely clear,\" Jansen said.";
        assert_eq!(
            split(t),
            [
                "\"I am absolutely convinced that this alliance will survive, with the US in it.",
                "Their commitment (to NATO) is absolutely clear,\" Jansen said."
            ]
        );
        assert_eq!(
            split("“Is it over?” she asked. No."),
            ["“Is it over?” she asked.", "No."]
        );
        assert_eq!(
            split("…priority.” Jansen added."),
            ["…priority.”", "Jansen added."]
        );
    }

    #[test]
    fn line_breaks() {
        assert_eq!(
            split("Jansen: We need a stronger alliance\nMark Jansen, Photo: REUTERS\nDisclaimer: text."),
            ["Jansen: We need a stronger alliance", "Mark Jansen, Photo: REUTERS", "Disclaimer: text."]
        );
        assert_eq!(
            split("a strategic victory for Putin\nand weakens us."),
            ["a strategic victory for Putin\nand weakens us."]
        );
        assert_eq!(
            split("First part\n\nsecond part"),
            ["First part", "second part"]
        );
        assert_eq!(
            split("Line one.\r\nLine two.\r\n\r\nThree"),
            ["Line one.", "Line two.", "Three"]
        );
        assert_eq!(split("Items:\n- one\n- two"), ["Items:", "- one", "- two"]);
    }

    #[test]
    fn blank_line_ends_a_quotation_sentence() {
        let t = "…as “the foundation on which NATO was built, and it remains our number one priority.”\n\nA major focus…";
        assert_eq!(split(t), ["…as “the foundation on which NATO was built, and it remains our number one priority.”", "A major focus…"]);
    }

    #[test]
    fn long_sentence_with_quote_stays_whole() {
        let t = "He paid tribute to the victims and reiterated NATO’s support for Ukraine, highlighting that “more than €20 billion in security assistance has already been pledged by Allies this year.”";
        assert_eq!(split(t), [t]);
    }

    #[test]
    fn edge_inputs() {
        assert!(split("").is_empty());
        assert!(split("   \n\n ").is_empty());
        assert_eq!(split("."), ["."]);
        // Read as a dotted acronym running on, like "U.S. Senate".
        assert_eq!(split("a.a.a.a.a. B"), ["a.a.a.a.a. B"]);
        assert_eq!(split("中文句子。第二句。"), ["中文句子。", "第二句。"]);
    }
}
