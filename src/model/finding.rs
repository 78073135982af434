//! Findings: what checks report.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::Span;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The stable rule ids of DESIGN.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleId {
    NameVariant,
    NameStyle,
    QuoteAltered,
    QuoteMisattributed,
    QuoteUnsupported,
    NumberMismatch,
    ConfusableChars,
    UnbalancedQuotes,
    UntranslatedText,
    MtDisclaimer,
    RepeatedWord,
    DuplicatePassage,
    Mojibake,
}

impl RuleId {
    pub const ALL: [RuleId; 13] = [
        RuleId::NameVariant,
        RuleId::QuoteAltered,
        RuleId::QuoteMisattributed,
        RuleId::QuoteUnsupported,
        RuleId::NumberMismatch,
        RuleId::ConfusableChars,
        RuleId::UnbalancedQuotes,
        RuleId::UntranslatedText,
        RuleId::MtDisclaimer,
        RuleId::RepeatedWord,
        RuleId::DuplicatePassage,
        RuleId::Mojibake,
        RuleId::NameStyle,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::NameVariant => "name-variant",
            RuleId::NameStyle => "name-style",
            RuleId::QuoteAltered => "quote-altered",
            RuleId::QuoteMisattributed => "quote-misattributed",
            RuleId::QuoteUnsupported => "quote-unsupported",
            RuleId::NumberMismatch => "number-mismatch",
            RuleId::ConfusableChars => "confusable-chars",
            RuleId::UnbalancedQuotes => "unbalanced-quotes",
            RuleId::UntranslatedText => "untranslated-text",
            RuleId::MtDisclaimer => "mt-disclaimer",
            RuleId::RepeatedWord => "repeated-word",
            RuleId::DuplicatePassage => "duplicate-passage",
            RuleId::Mojibake => "mojibake",
        }
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An id that names no rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let valid: Vec<_> = RuleId::ALL.iter().map(|r| r.as_str()).collect();
        write!(f, "unknown rule `{}` (valid: {})", self.0, valid.join(", "))
    }
}

impl FromStr for RuleId {
    type Err = UnknownRule;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RuleId::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRule(s.to_string()))
    }
}

/// Evidence elsewhere in the corpus for a finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// Index of the document in the run's document list.
    pub document: usize,
    pub span: Span,
    pub text: String,
}

/// One thing a check found.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: RuleId,
    pub severity: Severity,
    /// Index of the document in the run's document list.
    pub document: usize,
    /// Byte span into the original file.
    pub span: Span,
    pub found: String,
    pub suggestion: Option<String>,
    pub score: Option<f64>,
    pub message: String,
    pub related: Vec<Related>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_round_trip_through_their_names() {
        for rule in RuleId::ALL {
            assert_eq!(rule.as_str().parse::<RuleId>(), Ok(rule));
        }
    }

    #[test]
    fn unknown_rule_lists_the_valid_ids() {
        let err = "name-variants".parse::<RuleId>().unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("`name-variants`"));
        assert!(msg.contains("name-variant,"));
        assert!(msg.contains("mojibake"));
    }

    #[test]
    fn severities_are_ordered() {
        assert!(Severity::Info < Severity::Warning);
        assert!(Severity::Warning < Severity::Error);
    }
}
