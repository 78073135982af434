//! Checks: one rule per file, each pushing findings into a sink. [`CHECKS`] is the registry.

mod confusable_chars;
mod duplicate_passage;
mod mojibake;
mod mt_disclaimer;
mod name_style;
mod name_variant;
mod number_mismatch;
mod quote_altered;
mod quote_misattributed;
mod quote_unsupported;
mod repeated_word;
pub mod suppress;
mod unbalanced_quotes;
mod untranslated_text;

use rayon::prelude::*;

use crate::config::Config;
use crate::model::{Document, Finding, RuleId, Severity};

/// What a check sees: every document of the run and the configuration.
pub struct Context<'a> {
    pub documents: &'a [Document],
    pub corpus: &'a crate::analysis::Corpus,
    /// In `check`: which documents are drafts (the others are evidence).
    pub drafts: Option<&'a [bool]>,
    /// Which documents are reference texts (transcripts) given with `--reference`.
    pub references: &'a [bool],
    pub config: &'a Config,
}

/// A rule. Its documentation (What it flags / Why it matters / Example) is the doc comment of
/// the type that implements it, captured by [`declare_rule!`].
pub trait Check: Sync {
    fn rule(&self) -> RuleId;
    fn default_severity(&self) -> Severity;
    fn docs(&self) -> &'static str;
    fn run(&self, ctx: &Context<'_>, sink: &mut Vec<Finding>);
}

/// Declares a rule type: its doc comment (also available at run time as `DOCS`), its id and
/// default severity. The type implements `fn check(&self, ctx, sink)`.
#[macro_export]
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* pub struct $name:ident; rule: $rule:expr, severity: $severity:expr;) => {
        $(#[doc = $doc])*
        pub struct $name;
        impl $name {
            /// The rule's documentation, as `wirecheck rules` prints it.
            pub const DOCS: &'static str = concat!($($doc, "\n"),*);
        }
        impl $crate::checks::Check for $name {
            fn rule(&self) -> $crate::model::RuleId {
                $rule
            }
            fn default_severity(&self) -> $crate::model::Severity {
                $severity
            }
            fn docs(&self) -> &'static str {
                Self::DOCS
            }
            fn run(&self, ctx: &$crate::checks::Context<'_>, sink: &mut Vec<$crate::model::Finding>) {
                self.check(ctx, sink)
            }
        }
    };
}

/// Byte ranges of the text that are not removed boilerplate.
pub fn kept_ranges(doc: &Document) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for r in &doc.removed {
        if r.range.start > pos {
            out.push(pos..r.range.start);
        }
        pos = pos.max(r.range.end);
    }
    if pos < doc.text.len() {
        out.push(pos..doc.text.len());
    }
    out
}

/// Whether a sentence reads as running prose rather than a table row, a column header or a
/// line of figures: it has at least three words, ends like a sentence (". ! ?", a closing
/// quotation mark or bracket after one, a colon or comma) or is a headline or caption, and most of
/// its tokens are words, not figures. A clause cut short by a hard line wrap counts when it has
/// function words ("the", "of", "und").
pub fn reads_as_prose(kind: crate::model::SentenceKind, text: &str) -> bool {
    if !kind.is_prose() {
        return false;
    }
    let trimmed = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']')
    });
    let ends_like_sentence = trimmed.ends_with(['.', '!', '?', ':', ';', ',']);
    // A clause cut by a hard line wrap still has its function words ("the", "of", "said");
    // a table row or column header has none.
    if kind == crate::model::SentenceKind::Body
        && !ends_like_sentence
        && !crate::text::language::has_function_words(text, 2)
    {
        return false;
    }
    let (words, figures) = words_and_figures(text);
    words >= 3 && figures * 2 < words
}

/// Tokens between white space with a letter (words), and those with a digit but no letter
/// (figures).
fn words_and_figures(text: &str) -> (usize, usize) {
    let (mut words, mut figures) = (0usize, 0usize);
    if text.is_ascii() {
        // Byte by byte, the same tokens: ASCII white space as `char::is_whitespace` has it.
        let (mut letter, mut digit) = (false, false);
        for b in text.bytes().chain(std::iter::once(b' ')) {
            if matches!(b, b' ' | b'\t'..=b'\r') {
                words += usize::from(letter);
                figures += usize::from(!letter && digit);
                (letter, digit) = (false, false);
            } else {
                letter |= b.is_ascii_alphabetic();
                digit |= b.is_ascii_digit();
            }
        }
        return (words, figures);
    }
    for token in text.split_whitespace() {
        if token.chars().any(char::is_alphabetic) {
            words += 1;
        } else if token.chars().any(|c| c.is_ascii_digit()) {
            figures += 1;
        }
    }
    (words, figures)
}

/// A finding at a range of a document's text.
#[allow(clippy::too_many_arguments)]
pub fn finding_at(
    rule: RuleId,
    severity: Severity,
    index: usize,
    doc: &Document,
    range: std::ops::Range<usize>,
    suggestion: Option<String>,
    score: Option<f64>,
    message: String,
) -> Finding {
    Finding {
        rule,
        severity,
        document: index,
        span: doc.span(range.clone()),
        found: doc.text[range].to_string(),
        suggestion,
        score,
        message,
        related: Vec::new(),
    }
}

/// Every rule wirecheck has, in the order `wirecheck rules` lists them.
pub static CHECKS: &[&dyn Check] = &[
    &name_variant::NameVariant,
    &name_style::NameStyle,
    &quote_altered::QuoteAltered,
    &quote_misattributed::QuoteMisattributed,
    &quote_unsupported::QuoteUnsupported,
    &number_mismatch::NumberMismatch,
    &confusable_chars::ConfusableChars,
    &unbalanced_quotes::UnbalancedQuotes,
    &untranslated_text::UntranslatedText,
    &mt_disclaimer::MtDisclaimer,
    &repeated_word::RepeatedWord,
    &duplicate_passage::DuplicatePassage,
    &mojibake::Mojibake,
];

/// The registered check for a rule id, if it is implemented.
pub fn find(rule: RuleId) -> Option<&'static dyn Check> {
    CHECKS.iter().copied().find(|c| c.rule() == rule)
}

/// Runs every enabled check in parallel and returns the findings sorted by document, position
/// and rule, so the output is the same for any number of threads.
pub fn run_all(ctx: &Context<'_>) -> Vec<Finding> {
    let mut findings: Vec<Finding> = CHECKS
        .par_iter()
        .filter_map(|check| {
            let severity = ctx
                .config
                .severity(check.rule(), check.default_severity())?;
            // A rule may grade its findings (quote-altered: info, warning, error); they keep
            // their grade unless wirecheck.toml sets the rule's level.
            let configured = ctx.config.levels.contains_key(&check.rule());
            let mut sink = Vec::new();
            check.run(ctx, &mut sink);
            for f in &mut sink {
                if configured || f.severity == check.default_severity() {
                    f.severity = severity;
                }
            }
            Some(sink)
        })
        .flatten()
        .collect();
    findings.sort_by(|a, b| {
        (a.document, a.span.start, a.span.end, a.rule, &a.found).cmp(&(
            b.document,
            b.span.start,
            b.span.end,
            b.rule,
            &b.found,
        ))
    });
    findings
}

/// At most this many findings of one rule are kept per document; the rest are counted in a note.
/// A hostile or broken file (100,000 quotation marks) would otherwise produce a report hundreds
/// of times its size.
pub const MAX_FINDINGS_PER_DOCUMENT_RULE: usize = 100;

/// Keeps the first `max` findings of each rule in each document (findings are sorted by
/// position) and returns one note per capped pair: "NAME: RULE: 100 findings shown, and 99,900
/// more".
pub fn cap_per_document_rule(
    findings: &mut Vec<Finding>,
    documents: &[Document],
    max: usize,
) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<(usize, RuleId), usize> = Default::default();
    findings.retain(|f| {
        let n = counts.entry((f.document, f.rule)).or_default();
        *n += 1;
        *n <= max
    });
    counts
        .into_iter()
        .filter(|&(_, n)| n > max)
        .map(|((doc, rule), n)| {
            format!(
                "{}: {rule}: {max} findings shown, and {} more",
                documents[doc].name,
                thousands(n - max)
            )
        })
        .collect()
}

/// `99900` as `99,900`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SentenceKind;
    use std::collections::HashSet;

    #[test]
    fn prose_and_table_lines_are_told_apart() {
        assert!(reads_as_prose(
            SentenceKind::Body,
            "The company said it had obtained waivers from its lenders."
        ));
        assert!(reads_as_prose(
            SentenceKind::Body,
            "\"We will appeal,\" she said.\""
        ));
        assert!(!reads_as_prose(
            SentenceKind::Body,
            "Avg shrs 4,350,000 vs 3,217,500"
        ));
        assert!(!reads_as_prose(SentenceKind::Body, "Wheat nil nil 1.2 3.4"));
        assert!(!reads_as_prose(
            SentenceKind::Body,
            "FOURTH QTR 1986  JANUARY 1987  FEBRUARY"
        ));
        assert!(reads_as_prose(
            SentenceKind::Caption,
            "Jane Roe, Photo: REUTERS"
        ));
    }

    #[test]
    fn ascii_tokens_count_as_on_the_unicode_path() {
        for text in [
            "Avg shrs 4,350,000 vs 3,217,500",
            "a\x0bb 12\x0c3 -- 4.5\t\r\nword",
            "  ",
            "",
        ] {
            let slow = text.split_whitespace().fold((0, 0), |(w, f), t| {
                if t.chars().any(char::is_alphabetic) {
                    (w + 1, f)
                } else if t.chars().any(|c| c.is_ascii_digit()) {
                    (w, f + 1)
                } else {
                    (w, f)
                }
            });
            assert_eq!(words_and_figures(text), slow, "{text:?}");
        }
    }

    #[test]
    fn registry_ids_are_unique_and_documented() {
        let mut seen = HashSet::new();
        for check in CHECKS {
            assert!(
                seen.insert(check.rule()),
                "{} registered twice",
                check.rule()
            );
            let docs = check.docs();
            for heading in ["What it flags", "Why it matters", "Example"] {
                assert!(
                    docs.contains(heading),
                    "{} docs lack `{heading}`",
                    check.rule()
                );
            }
        }
    }

    #[test]
    fn every_registered_rule_has_fixtures_that_flag_and_allow() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules");
        for check in CHECKS {
            let dir = root.join(check.rule().as_str());
            let names: Vec<String> = std::fs::read_dir(&dir)
                .unwrap_or_else(|_| panic!("no fixture folder {}", dir.display()))
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            assert!(
                names.iter().any(|n| n.starts_with("flags_")),
                "{}: no flags_ fixture",
                check.rule()
            );
            assert!(
                names.iter().any(|n| n.starts_with("allows_")),
                "{}: no allows_ fixture",
                check.rule()
            );
        }
    }

    #[test]
    fn a_quotation_mark_storm_is_capped_per_document_and_rule_with_a_note() {
        let doc = Document::new("storm.txt", "x".repeat(300), crate::model::Origin::Identity);
        let make = |rule, start| Finding {
            rule,
            severity: Severity::Warning,
            document: 0,
            span: crate::model::Span {
                start,
                end: start + 1,
            },
            found: "x".into(),
            suggestion: None,
            score: None,
            message: String::new(),
            related: vec![],
        };
        let mut findings: Vec<Finding> = (0..250)
            .map(|i| make(RuleId::UnbalancedQuotes, i))
            .chain([make(RuleId::RepeatedWord, 5)])
            .collect();
        let notes = cap_per_document_rule(&mut findings, std::slice::from_ref(&doc), 100);
        assert_eq!(findings.len(), 101);
        assert_eq!(findings[99].span.start, 99);
        assert_eq!(
            notes,
            vec!["storm.txt: unbalanced-quotes: 100 findings shown, and 150 more".to_string()]
        );
        assert_eq!(thousands(99_990), "99,990");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }
}
