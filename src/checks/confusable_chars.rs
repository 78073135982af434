//! `confusable-chars`.

use unicode_normalization::UnicodeNormalization;

use super::{finding_at, kept_ranges, Context};
use crate::model::{Finding, RuleId, Severity};

crate::declare_rule! {
    /// Look-alike letters, invisible and control characters in the text.
    ///
    /// What it flags: mathematical alphanumeric letters (𝐖, 𝓮), fullwidth and letter-like
    /// forms, letters of another script inside a Latin word (a Cyrillic "а" in "Ukrаine"),
    /// zero-width characters, bidirectional controls and other control characters (but not a
    /// direction mark near right-to-left text, nor a joiner in an emoji or in a word of
    /// another script, where they do a job). The
    /// suggestion is the plain reading (Unicode NFKC, or the Latin letter the homoglyph
    /// imitates); an invisible character's suggestion is to remove it.
    ///
    /// Why it matters: such text looks right but does not match searches, spell checkers or
    /// name lists, and it is a hallmark of spam and of text pasted from styled sources.
    /// Bidirectional controls can make text display differently from what it says.
    ///
    /// Example: "leaving vulnerabilities 𝓮𝔁𝓹𝓸𝓼𝓮𝓭" flags "𝓮𝔁𝓹𝓸𝓼𝓮𝓭" with the suggestion
    /// "exposed". Superscripts ("km²"), ligatures in names of other scripts and words written
    /// wholly in Cyrillic or Greek are not flagged.
    ///
    /// Measured precision: no findings. Corpus: Reuters-21578, a seeded 2,500-story development subset (3-11 March 1987), benches/quality/precision.py.
    pub struct ConfusableChars;
    rule: RuleId::ConfusableChars, severity: Severity::Warning;
}

/// Letter-like characters whose NFKC form is a plain ASCII letter or digit.
fn is_styled_letter(c: char) -> bool {
    matches!(c as u32,
        0x1D400..=0x1D7FF   // mathematical alphanumeric symbols
        | 0xFF10..=0xFF19   // fullwidth digits
        | 0xFF21..=0xFF3A   // fullwidth capitals
        | 0xFF41..=0xFF5A   // fullwidth small letters
        | 0x2100..=0x214F   // letterlike symbols (ℯ, ℌ)
        | 0xFB00..=0xFB06)  // Latin ligatures (ﬁ)
        && c.is_alphanumeric()
}

/// Cyrillic and Greek letters that look like Latin ones, with the Latin letter.
fn latin_look_alike(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'һ' => 'h',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'ο' => 'o',
        'α' => 'a',
        'ν' => 'v',
        'ι' => 'i',
        'κ' => 'k',
        'ρ' => 'p',
        'τ' => 't',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        _ => return None,
    })
}

/// Invisible or control characters, with their names.
fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{2060}' => "WORD JOINER",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        c if c.is_control() && !matches!(c, '\n' | '\r' | '\t') => "CONTROL CHARACTER",
        _ => return None,
    })
}

/// Characters either side of a direction mark within which right-to-left text makes it
/// needed.
const DIRECTION_MARK_REACH: usize = 24;

/// Whether `c` is a letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, NKo
/// and their presentation forms).
fn is_right_to_left(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFC) && c.is_alphabetic()
}

/// Whether a character is neither ASCII nor a Latin letter: a letter of another script, an
/// emoji, a variation selector.
fn outside_latin(c: char) -> bool {
    !c.is_ascii() && !is_latin_letter(c) && !c.is_whitespace() && invisible_name(c).is_none()
}

/// Whether an invisible character at `at` does a job there: a left-to-right or right-to-left
/// mark near right-to-left text keeps a name or a handle in its place ("Jane Roe ‎انوشے"), and
/// a zero-width joiner or non-joiner beside a letter of another script or an emoji shapes it
/// (Persian, Urdu and Indic spelling, emoji sequences).
fn needed_here(text: &str, at: usize, c: char) -> bool {
    match c {
        '\u{200E}' | '\u{200F}' => {
            let before = text[..at].chars().rev().take(DIRECTION_MARK_REACH);
            let after = text[at..].chars().skip(1).take(DIRECTION_MARK_REACH);
            before.chain(after).any(is_right_to_left)
        }
        '\u{200C}' | '\u{200D}' => {
            let prev = text[..at].chars().next_back();
            let next = text[at + c.len_utf8()..].chars().next();
            prev.is_some_and(outside_latin) || next.is_some_and(outside_latin)
        }
        _ => false,
    }
}

/// Whether the bytes hold anything this rule looks for: a control byte, a C1 control, a
/// Greek or Cyrillic letter, or a three- or four-byte character from the blocks of invisible,
/// letter-like, fullwidth or mathematical characters. Plain text (curly quotes and dashes
/// included) is skipped without decoding.
fn worth_scanning(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(i, &b)| match b {
        0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F => true,
        0xC2 => bytes
            .get(i + 1)
            .is_some_and(|&n| (0x80..=0x9F).contains(&n)),
        0xCE..=0xD4 => true,
        // U+2000..U+21FF: zero-width and bidi controls (E2 80/81), letter-like (E2 84/85).
        0xE2 => match bytes.get(i + 1) {
            Some(0x80) => bytes
                .get(i + 2)
                .is_some_and(|&t| matches!(t, 0x8B..=0x8F | 0xAA..=0xAE)),
            Some(0x81) => bytes
                .get(i + 2)
                .is_some_and(|&t| matches!(t, 0xA0 | 0xA6..=0xA9)),
            Some(0x84 | 0x85) => true,
            _ => false,
        },
        // U+FB00 ligatures, U+FEFF, U+FF00 fullwidth.
        0xEF => matches!(bytes.get(i + 1), Some(0xAC | 0xBB | 0xBC | 0xBD)),
        0xF0 => bytes.get(i + 1) == Some(&0x9D),
        _ => false,
    })
}

/// Runs of letters and digits (and the marks between them), with their byte offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || (start.is_some() && (c == '\'' || c == '’' || c == '-'));
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out.into_iter()
        .map(|(s, w)| (s, w.trim_end_matches(|c: char| !c.is_alphanumeric())))
        .filter(|(_, w)| !w.is_empty())
        .collect()
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{00C0}'..='\u{024F}').contains(&c) && c.is_alphabetic())
}

impl ConfusableChars {
    fn check(&self, ctx: &Context<'_>, sink: &mut Vec<Finding>) {
        for (index, doc) in ctx.documents.iter().enumerate() {
            let mut report = |range: std::ops::Range<usize>, plain: String, message: String| {
                sink.push(finding_at(
                    RuleId::ConfusableChars,
                    Severity::Warning,
                    index,
                    doc,
                    range,
                    Some(plain),
                    None,
                    message,
                ));
            };
            for kept in kept_ranges(doc) {
                let text = &doc.text[kept.clone()];
                if !worth_scanning(text.as_bytes()) {
                    continue;
                }
                // Invisible characters, one finding each; removing them is the fix.
                for (i, c) in text.char_indices() {
                    if let Some(name) = invisible_name(c).filter(|_| !needed_here(text, i, c)) {
                        let start = kept.start + i;
                        let message = format!("invisible character U+{:04X} {name}", c as u32);
                        report(start..start + c.len_utf8(), String::new(), message);
                    }
                }
                // Words with styled letters or mixed scripts.
                for (word_start, word) in words(text) {
                    let range = kept.start + word_start..kept.start + word_start + word.len();
                    let (plain, what): (String, &str) = if word.chars().any(is_styled_letter) {
                        (word.nfkc().collect(), "styled look-alike letters")
                    } else if word.chars().any(is_latin_letter)
                        && word.chars().any(|c| latin_look_alike(c).is_some())
                    {
                        let plain = word
                            .chars()
                            .map(|c| latin_look_alike(c).unwrap_or(c))
                            .collect();
                        (plain, "letters from another script inside a Latin word")
                    } else {
                        continue;
                    };
                    let message = format!("{what}; plain text reads \u{201c}{plain}\u{201d}");
                    report(range, plain, message);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_that_do_a_job_are_not_flagged() {
        let mark = |text: &str, c: char| needed_here(text, text.find(c).unwrap(), c);
        // A direction mark beside an Arabic-script name, and one in a Latin line.
        assert!(mark(
            "— Jane Roe \u{200E}\u{0627}\u{0646}\u{0648} (@janeroe)",
            '\u{200E}'
        ));
        assert!(!mark("The report\u{200E} was late.", '\u{200E}'));
        // A joiner inside an emoji sequence or a Persian word, and one inside a Latin word.
        assert!(mark("family \u{1F468}\u{200D}\u{1F469} photo", '\u{200D}'));
        assert!(mark(
            "\u{0645}\u{06CC}\u{200C}\u{062E}\u{0648}\u{0627}\u{0647}\u{0645}",
            '\u{200C}'
        ));
        assert!(!mark("Ukr\u{200D}aine", '\u{200D}'));
        // A zero-width space never does.
        assert!(!mark("\u{0627}\u{200B}\u{0627}", '\u{200B}'));
    }

    #[test]
    fn words_are_found_with_offsets() {
        assert_eq!(
            words("a Ukrаine’s, x-ray 𝓮𝔁."),
            vec![(0, "a"), (2, "Ukrаine’s"), (16, "x-ray"), (22, "𝓮𝔁")]
        );
    }

    #[test]
    fn plain_text_is_not_scanned_but_suspects_are() {
        assert!(!worth_scanning(
            "“Plain” text — with ’quotes’ and café.".as_bytes()
        ));
        for s in [
            "a\u{200B}b",
            "Ukrаine",
            "𝓮𝔁",
            "Ｋ",
            "ﬁ",
            "\u{202E}",
            "\u{FEFF}",
            "a\u{7}b",
        ] {
            assert!(worth_scanning(s.as_bytes()), "{s:?}");
        }
    }

    #[test]
    fn classes_of_characters() {
        assert!(is_styled_letter('𝓮') && is_styled_letter('𝐖') && is_styled_letter('Ｋ'));
        assert!(!is_styled_letter('²') && !is_styled_letter('e') && !is_styled_letter('é'));
        assert_eq!(latin_look_alike('а'), Some('a'));
        assert_eq!(invisible_name('\u{200B}'), Some("ZERO WIDTH SPACE"));
        assert_eq!(invisible_name('\n'), None);
        let plain: String = "𝓮𝔁𝓹𝓸𝓼𝓮𝓭".nfkc().collect();
        assert_eq!(plain, "exposed");
    }
}
