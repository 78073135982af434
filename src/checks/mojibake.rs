//! `mojibake`.

use super::{finding_at, kept_ranges, Context};
use crate::model::{Finding, RuleId, Severity};

crate::declare_rule! {
    /// Text decoded with the wrong encoding ("Ã©" for "é", "â€™" for "’").
    ///
    /// What it flags: runs of characters that are the Windows-1252 reading of UTF-8 bytes:
    /// re-encoded as Windows-1252 they form valid multi-byte UTF-8. The suggestion is that
    /// UTF-8 reading. Ordinary accented words ("São", "château") do not form such sequences
    /// and are not flagged.
    ///
    /// Why it matters: mojibake comes from a broken copy-paste or a feed read with the wrong
    /// encoding; it garbles names and quotes and shows the text went through a faulty tool.
    ///
    /// Example: "the minsterâ€™s cafÃ©" flags "â€™" (suggestion "’") and "Ã©" (suggestion
    /// "é").
    ///
    /// Measured precision: no findings. Corpus: Reuters-21578, a seeded 2,500-story development subset (3-11 March 1987), benches/quality/precision.py.
    pub struct Mojibake;
    rule: RuleId::Mojibake, severity: Severity::Warning;
}

/// The Windows-1252 byte a character encodes to, if it is one of that code page's.
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    // Latin-1 maps to itself; C1 controls stand for the bytes Windows-1252 leaves undefined.
    if (0xA0..=0xFF).contains(&u) || (0x80..=0x9F).contains(&u) {
        return Some(u as u8);
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

/// Mojibake sequences in `text`: (byte range, decoded text). Consecutive sequences merge.
pub fn find(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    // Every lead character (Â..ô) is encoded with a first byte 0xC3 in UTF-8, and "â" is
    // among them: text without that byte has no mojibake to find.
    if memchr::memchr(0xC3, text.as_bytes()).is_none() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let lead = cp1252_byte(chars[i].1).filter(|b| (0xC2..=0xF4).contains(b));
        let need = match lead {
            Some(0xC2..=0xDF) => 1,
            Some(0xE0..=0xEF) => 2,
            Some(0xF0..=0xF4) => 3,
            _ => 0,
        };
        if need == 0 {
            i += 1;
            continue;
        }
        let mut bytes = vec![lead.unwrap_or(0)];
        let mut ok = true;
        for k in 1..=need {
            match chars
                .get(i + k)
                .and_then(|(_, c)| cp1252_byte(*c))
                .filter(|b| (0x80..=0xBF).contains(b))
            {
                Some(b) => bytes.push(b),
                None => {
                    ok = false;
                    break;
                }
            }
        }
        let decoded = ok
            .then(|| std::str::from_utf8(&bytes).ok().map(str::to_string))
            .flatten();
        match decoded {
            Some(s) => {
                let start = chars[i].0;
                let end = chars.get(i + need + 1).map_or(text.len(), |(o, _)| *o);
                match out.last_mut() {
                    Some((r, d)) if r.end == start => {
                        r.end = end;
                        d.push_str(&s);
                    }
                    _ => out.push((start..end, s)),
                }
                i += need + 1;
            }
            None => i += 1,
        }
    }
    out
}

impl Mojibake {
    fn check(&self, ctx: &Context<'_>, sink: &mut Vec<Finding>) {
        for (index, doc) in ctx.documents.iter().enumerate() {
            for kept in kept_ranges(doc) {
                for (range, decoded) in find(&doc.text[kept.clone()]) {
                    let range = kept.start + range.start..kept.start + range.end;
                    let found = doc.text[range.clone()].to_string();
                    sink.push(finding_at(
                        RuleId::Mojibake,
                        Severity::Warning,
                        index,
                        doc,
                        range,
                        Some(decoded.clone()),
                        None,
                        format!("\u{201c}{found}\u{201d} is UTF-8 read as Windows-1252; it should read \u{201c}{decoded}\u{201d}"),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_and_decodes_mojibake() {
        let found: Vec<String> = find("the ministerâ€™s cafÃ© in ZÃ¼rich")
            .into_iter()
            .map(|(_, d)| d)
            .collect();
        assert_eq!(found, ["’", "é", "ü"]);
        let found: Vec<String> = find("â€œquotedâ€\u{9d}")
            .into_iter()
            .map(|(_, d)| d)
            .collect();
        assert_eq!(found, ["“", "”"]);
    }

    #[test]
    fn real_accented_words_are_not_mojibake() {
        for text in [
            "São Paulo",
            "SÃO PAULO",
            "château",
            "Ångström",
            "naïve café",
            "Â",
        ] {
            assert!(find(text).is_empty(), "{text}");
        }
    }
}
