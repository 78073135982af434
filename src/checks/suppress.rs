//! Inline suppression markers in HTML or Markdown comments:
//! `<!-- wirecheck-disable-next-line RULE [RULE...] -->` silences the rules on the next line,
//! `<!-- wirecheck-disable RULE -->` from there to the end of the file (or to a matching
//! `<!-- wirecheck-enable RULE -->`). Without a rule id a marker applies to every rule.

use crate::model::{Document, Finding, LineIndex, RuleId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// `None`: every rule.
    pub rule: Option<RuleId>,
    /// Byte range of the original file it covers.
    pub start: usize,
    pub end: usize,
}

/// Markers of one document, and warnings about unknown rule ids in them.
pub fn markers(doc: &Document) -> (Vec<Suppression>, Vec<String>) {
    let bytes = doc.original();
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let lines = LineIndex::new(bytes, true);
    let finder = memchr::memmem::Finder::new(b"wirecheck-");
    let mut open: Vec<(Option<RuleId>, usize)> = Vec::new();
    for at in finder.find_iter(bytes) {
        let comment_start = bytes[..at].windows(4).rposition(|w| w == b"<!--");
        let Some(comment_start) = comment_start else {
            continue;
        };
        if bytes[comment_start..at].windows(3).any(|w| w == b"-->") {
            continue;
        }
        let Some(close) = memchr::memmem::find(&bytes[at..], b"-->").map(|i| at + i) else {
            continue;
        };
        let body = String::from_utf8_lossy(&bytes[at..close]);
        let mut words = body
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty());
        let directive = words.next().unwrap_or_default();
        let mut rules: Vec<Option<RuleId>> = Vec::new();
        for w in words {
            match w.parse::<RuleId>() {
                Ok(r) => rules.push(Some(r)),
                Err(e) => warnings.push(format!(
                    "{}:{}: {e} in a wirecheck marker",
                    doc.name,
                    lines.line(at)
                )),
            }
        }
        if rules.is_empty() {
            rules.push(None);
        }
        match directive {
            "wirecheck-disable-next-line" => {
                let next_start =
                    memchr::memchr(b'\n', &bytes[close..]).map_or(bytes.len(), |i| close + i + 1);
                let next_end = memchr::memchr(b'\n', &bytes[next_start..])
                    .map_or(bytes.len(), |i| next_start + i);
                for rule in rules {
                    out.push(Suppression {
                        rule,
                        start: next_start,
                        end: next_end,
                    });
                }
            }
            "wirecheck-disable" => open.extend(rules.into_iter().map(|r| (r, close))),
            "wirecheck-enable" => {
                for rule in rules {
                    open.retain(|(r, start)| {
                        if *r == rule || rule.is_none() {
                            out.push(Suppression {
                                rule: *r,
                                start: *start,
                                end: at,
                            });
                            false
                        } else {
                            true
                        }
                    });
                }
            }
            other => warnings.push(format!(
                "{}:{}: unknown marker `{other}`",
                doc.name,
                lines.line(at)
            )),
        }
    }
    for (rule, start) in open {
        out.push(Suppression {
            rule,
            start,
            end: bytes.len(),
        });
    }
    (out, warnings)
}

pub fn is_suppressed(finding: &Finding, suppressions: &[Suppression]) -> bool {
    suppressions.iter().any(|s| {
        s.rule.is_none_or(|r| r == finding.rule)
            && s.start <= finding.span.start
            && finding.span.start <= s.end
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;

    #[test]
    fn next_line_and_block_markers() {
        let text = "a\n<!-- wirecheck-disable-next-line name-variant -->\nMark Jansen\nb\n<!-- wirecheck-disable -->\nc\n";
        let doc = Document::new("t.md", text.into(), Origin::Identity);
        let (s, w) = markers(&doc);
        assert!(w.is_empty());
        let line3 = text.find("Mark").unwrap();
        assert_eq!(
            s[0],
            Suppression {
                rule: Some(RuleId::NameVariant),
                start: line3,
                end: line3 + "Mark Jansen".len()
            }
        );
        assert_eq!(s[1].rule, None);
        assert_eq!(s[1].end, text.len());
    }

    #[test]
    fn unknown_rules_are_reported() {
        let doc = Document::new(
            "t.md",
            "<!-- wirecheck-disable name-variants -->\n".into(),
            Origin::Identity,
        );
        let (_, w) = markers(&doc);
        assert!(
            w[0].starts_with("t.md:1: unknown rule `name-variants`"),
            "{w:?}"
        );
    }
}
