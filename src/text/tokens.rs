//! Word tokens for comparing sentences: lowercased, apostrophes and possessives folded, and
//! amounts normalised so that "€20 billion", "20 billion euros" and "EUR 20bn" are one token,
//! and "5 percent" equals "5%".

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// A number or amount; its `norm` is canonical ("eur:20000000000", "pct:5", "num:3.5").
    Number,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range into the text given to [`tokenize`].
    pub range: Range<usize>,
    pub norm: String,
    pub kind: TokenKind,
    /// Whether the word starts with a capital letter in the text.
    pub capitalized: bool,
}

/// Raw pieces before amounts are merged.
#[derive(Debug, Clone)]
enum Raw {
    Word(Range<usize>),
    Number(Range<usize>, f64),
    Symbol(Range<usize>, &'static str),
}

fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '€' => "eur",
        '$' => "usd",
        '£' => "gbp",
        '¥' => "jpy",
        '₴' => "uah",
        '₽' => "rub",
        '%' => "pct",
        _ => return None,
    })
}

fn unit_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "eur" | "euro" | "euros" => "eur",
        "usd" | "dollar" | "dollars" | "us$" | "dlr" | "dlrs" => "usd",
        "gbp" | "sterling" => "gbp",
        "percent" | "pct" | "percentage" => "pct",
        _ => return None,
    })
}

fn multiplier_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" | "k" => 1e3,
        "million" | "millions" | "mn" | "m" | "mln" => 1e6,
        "billion" | "billions" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

/// Whether a lower-case word is an amount's unit or multiplier ("dlrs", "pct", "mln"), as the
/// tokenizer reads amounts.
pub fn is_amount_word(w: &str) -> bool {
    (w.len() > 1 && multiplier_word(w).is_some()) || unit_word(w).is_some()
}

/// Numbers written as words, as style guides want below ten: the word for `i + 1` at `i`.
pub const CARDINALS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// A number written as a word ("two billion dlrs").
fn cardinal_word(w: &str) -> Option<f64> {
    CARDINALS
        .iter()
        .position(|c| c.eq_ignore_ascii_case(w))
        .map(|i| (i + 1) as f64)
}

/// Reads a number word as a number where an amount follows ("two billion", "five pct",
/// "nine dlrs"); alone ("one of them") it stays a word.
fn spelled_amounts(text: &str, raw: &mut [Raw]) {
    for i in 0..raw.len().saturating_sub(1) {
        let Raw::Word(r) = &raw[i] else { continue };
        let Some(value) = cardinal_word(&text[r.clone()]) else {
            continue;
        };
        let amount_follows = match &raw[i + 1] {
            Raw::Symbol(_, "pct") => true,
            Raw::Word(next) => {
                let w = text[next.clone()].to_ascii_lowercase();
                is_amount_word(&w)
            }
            _ => false,
        };
        if amount_follows {
            raw[i] = Raw::Number(r.clone(), value);
        }
    }
}

fn split_raw(text: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_ascii_digit() {
            // A number: digits with inner "," or "." groups ("1,000", "20.5").
            let start = i;
            let mut end = i;
            while end < text.len() {
                let b = bytes[end];
                let inner_separator =
                    (b == b',' || b == b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
                if !(b.is_ascii_digit() || inner_separator) {
                    break;
                }
                end += 1;
            }
            let s = &text[start..end];
            let value = parse_number(s);
            out.push(Raw::Number(start..end, value));
            i = end;
        } else if is_unspaced(c) {
            out.push(Raw::Word(i..i + len));
            i += len;
        } else if c.is_alphanumeric() {
            let start = i;
            let mut end = i;
            while end < text.len() {
                let ch = text[end..].chars().next().unwrap_or(' ');
                if is_unspaced(ch) {
                    break;
                }
                let inner_mark = (ch == '\'' || ch == '’' || ch == '-')
                    && text[end + ch.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if !(ch.is_alphanumeric() || inner_mark) {
                    break;
                }
                end += ch.len_utf8();
            }
            out.push(Raw::Word(start..end));
            i = end;
        } else if let Some(sym) = currency_symbol(c) {
            out.push(Raw::Symbol(i..i + len, sym));
            i += len;
        } else {
            i += len;
        }
    }
    out
}

/// Whether `c` is written without spaces between words (Chinese characters, Japanese kana):
/// each is a token of its own, as a character is the unit search and diffs use for these
/// scripts (a whole run between punctuation would be one "word", shared by no other text).
pub fn is_unspaced(c: char) -> bool {
    // Below Hiragana: every Latin, Greek, Cyrillic, Arabic… letter, checked at once.
    if u32::from(c) < 0x3040 {
        return false;
    }
    matches!(
        u32::from(c),
        0x3040..=0x30FF // Hiragana, Katakana
            | 0x31F0..=0x31FF // Katakana phonetic extensions
            | 0x3400..=0x4DBF // CJK extension A
            | 0x4E00..=0x9FFF // CJK unified ideographs
            | 0xF900..=0xFAFF // CJK compatibility ideographs
            | 0x20000..=0x323AF // CJK extensions B to H
    )
}

/// "1,000" and "1.000.000" are thousands; "20.5" and "2,5" (one group of one or two digits)
/// are decimals.
fn parse_number(s: &str) -> f64 {
    let groups: Vec<&str> = s.split([',', '.']).collect();
    if groups.len() == 1 {
        return s.parse().unwrap_or(0.0);
    }
    let thousands = groups[1..].iter().all(|g| g.len() == 3);
    if thousands && !(groups.len() == 2 && s.contains('.')) {
        return groups.concat().parse().unwrap_or(0.0);
    }
    let (int, frac) = s.rsplit_once(['.', ',']).unwrap_or((s, ""));
    let int: String = int.chars().filter(char::is_ascii_digit).collect();
    format!("{int}.{frac}").parse().unwrap_or(0.0)
}

fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e18 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn lower_word(text: &str) -> String {
    let mut w = if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase().replace('’', "'")
    };
    if let Some(stripped) = w.strip_suffix("'s") {
        w = stripped.to_string();
    } else if w.ends_with("s'") {
        w.pop();
    }
    w
}

/// Tokenizes `text` into words and normalised amounts.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut raw = split_raw(text);
    spelled_amounts(text, &mut raw);
    let mut out = Vec::with_capacity(raw.len());
    let word_at = |i: usize| match raw.get(i) {
        Some(Raw::Word(r)) => Some((r.clone(), lower_word(&text[r.clone()]))),
        _ => None,
    };
    let mut i = 0;
    while i < raw.len() {
        match &raw[i] {
            Raw::Number(range, value) => {
                let mut start = range.start;
                let mut end = range.end;
                let mut value = *value;
                let mut unit: Option<&str> = None;
                // A currency sign or code just before ("€20", "EUR 20").
                if let Some(prev) = out.last() {
                    let prev: &Token = prev;
                    if prev.kind == TokenKind::Word && prev.range.end + 1 >= start {
                        if let Some(u) = unit_word(&prev.norm).filter(|u| *u != "pct") {
                            unit = Some(u);
                            start = prev.range.start;
                            out.pop();
                        }
                    }
                }
                if unit.is_none() && i > 0 {
                    if let Raw::Symbol(r, sym) = &raw[i - 1] {
                        if r.end == range.start && *sym != "pct" {
                            unit = Some(sym);
                            start = r.start;
                        }
                    }
                }
                let mut j = i + 1;
                // A multiplier, attached ("20bn") or as the next word ("20 billion").
                if let Some((r, w)) = word_at(j) {
                    if let Some(m) = multiplier_word(&w) {
                        if r.start <= end + 1 {
                            value *= m;
                            end = r.end;
                            j += 1;
                        }
                    }
                }
                // A unit after: "%", "percent", "per cent", "euros".
                match raw.get(j) {
                    Some(Raw::Symbol(r, "pct")) if r.start == end || r.start == end + 1 => {
                        unit = Some("pct");
                        end = r.end;
                        j += 1;
                    }
                    _ => {
                        if let Some((r, w)) = word_at(j) {
                            if w == "per" {
                                if let Some((r2, w2)) = word_at(j + 1) {
                                    if w2 == "cent" {
                                        unit = Some("pct");
                                        end = r2.end;
                                        j += 2;
                                    }
                                }
                            } else if let Some(u) = unit_word(&w) {
                                if unit.is_none() || unit == Some(u) {
                                    unit = Some(u);
                                    end = r.end;
                                    j += 1;
                                }
                            }
                        }
                    }
                }
                out.push(Token {
                    range: start..end,
                    norm: format!("{}:{}", unit.unwrap_or("num"), format_value(value)),
                    kind: TokenKind::Number,
                    capitalized: false,
                });
                i = j;
            }
            Raw::Word(range) => {
                let word = &text[range.clone()];
                out.push(Token {
                    range: range.clone(),
                    norm: lower_word(word),
                    kind: TokenKind::Word,
                    capitalized: word.chars().next().is_some_and(char::is_uppercase),
                });
                i += 1;
            }
            Raw::Symbol(..) => i += 1,
        }
    }
    join_fractions(text, out)
}

fn number_parts(norm: &str) -> (&str, f64) {
    let (unit, value) = norm.split_once(':').unwrap_or(("num", norm));
    (unit, value.parse().unwrap_or(0.0))
}

/// Denominators of the fractions prices and fees are quoted in ("16-3/4", "1/8 pct").
fn is_fraction(num: f64, den: f64) -> bool {
    [2.0, 3.0, 4.0, 8.0, 16.0, 32.0, 64.0].contains(&den) && num > 0.0 && num < den
}

/// Joins a whole number and a fraction ("16-3/4", "16 3/4" = 16.75) and a fraction ("1/4
/// pct" = 0.25 pct), which the scan above reads as separate numbers: "101-1/2" and "99-1/2"
/// would otherwise share the figure 2.
fn join_fractions(text: &str, tokens: Vec<Token>) -> Vec<Token> {
    if tokens.len() < 2 || !text.contains('/') {
        return tokens;
    }
    let between = |a: &Token, b: &Token| text.get(a.range.end..b.range.start).unwrap_or(" ");
    let joined = |first: &Token, last: &Token, unit: &str, value: f64| Token {
        range: first.range.start..last.range.end,
        norm: format!("{unit}:{}", format_value(value)),
        kind: TokenKind::Number,
        capitalized: false,
    };
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let Some(n1) = tokens
            .get(i + 1)
            .filter(|n| t.kind == TokenKind::Number && n.kind == TokenKind::Number)
        else {
            out.push(t.clone());
            i += 1;
            continue;
        };
        let (u0, v0) = number_parts(&t.norm);
        let (u1, v1) = number_parts(&n1.norm);
        // The unit is read after the last number ("1/2 pct" puts it on the 2).
        let unit = |u: &str| {
            if u0 == "num" {
                u.to_string()
            } else {
                u0.to_string()
            }
        };
        let sep1 = between(t, n1);
        if let Some(n2) = tokens.get(i + 2).filter(|n| n.kind == TokenKind::Number) {
            let (u2, v2) = number_parts(&n2.norm);
            if (sep1 == "-" || sep1 == " ")
                && u1 == "num"
                && between(n1, n2) == "/"
                && is_fraction(v1, v2)
            {
                out.push(joined(t, n2, &unit(u2), v0 + v1 / v2));
                i += 3;
                continue;
            }
        }
        if sep1 == "/" && u0 == "num" && is_fraction(v0, v1) {
            out.push(joined(t, n1, &unit(u1), v0 / v1));
            i += 2;
            continue;
        }
        out.push(t.clone());
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn chinese_characters_and_kana_are_a_token_each() {
        assert_eq!(norms("港口大桥"), ["港", "口", "大", "桥"]);
        assert_eq!(norms("NATO峰会"), ["nato", "峰", "会"]);
        assert_eq!(norms("カタカナ"), ["カ", "タ", "カ", "ナ"]);
        // Korean is written with spaces: a word stays a word.
        assert_eq!(norms("국회 의장"), ["국회", "의장"]);
        assert_eq!(norms("六小时 6 pct"), ["六", "小", "时", "pct:6"]);
    }

    #[test]
    fn number_words_before_an_amount_are_numbers() {
        assert_eq!(norms("two billion dlrs"), ["usd:2000000000"]);
        assert_eq!(norms("up five pct"), ["up", "pct:5"]);
        assert_eq!(norms("Two billion"), ["num:2000000000"]);
        // Alone, or before a one-letter multiplier that is also a word, a word stays a word.
        assert_eq!(norms("one of them"), ["one", "of", "them"]);
        assert_eq!(norms("one m"), ["one", "m"]);
    }

    #[test]
    fn fractions_are_one_number() {
        assert_eq!(
            norms("priced at 101-1/2 pct"),
            ["priced", "at", "pct:101.5"]
        );
        assert_eq!(norms("fees of 1/8 pct"), ["fees", "of", "pct:0.125"]);
        assert_eq!(
            norms("up 16 3/4 to 20"),
            ["up", "num:16.75", "to", "num:20"]
        );
        // Not fractions: a range, a season, a date.
        assert_eq!(norms("9-11"), ["num:9", "num:11"]);
        assert_eq!(norms("1986/87"), ["num:1986", "num:87"]);
        assert_eq!(norms("on 12/25"), ["on", "num:12", "num:25"]);
    }

    #[test]
    fn amounts_in_every_format_are_one_token() {
        let want = "eur:20000000000";
        assert_eq!(norms("€20 billion"), [want]);
        assert_eq!(norms("20 billion euros"), [want]);
        assert_eq!(norms("EUR 20bn"), [want]);
        assert_eq!(norms("€20bn"), [want]);
        assert_eq!(norms("20,000,000,000 euros"), [want]);
        assert_eq!(norms("$4.5 million"), ["usd:4500000"]);
    }

    #[test]
    fn percentages_in_every_format_are_one_token() {
        assert_eq!(norms("5 percent"), ["pct:5"]);
        assert_eq!(norms("5%"), ["pct:5"]);
        assert_eq!(norms("5 per cent"), ["pct:5"]);
        assert_eq!(norms("2.5 %"), ["pct:2.5"]);
    }

    #[test]
    fn plain_numbers_and_decimals() {
        assert_eq!(norms("in 2025"), ["in", "num:2025"]);
        assert_eq!(norms("1,000 troops"), ["num:1000", "troops"]);
        assert_eq!(norms("3.14 metres"), ["num:3.14", "metres"]);
        assert_eq!(norms("three months"), ["three", "months"]);
    }

    #[test]
    fn words_fold_case_apostrophes_and_possessives() {
        assert_eq!(norms("NATO’s allies' Don't"), ["nato", "allies", "don't"]);
        let t = tokenize("Mark Smith said");
        assert!(t[0].capitalized && !t[2].capitalized);
        assert_eq!(&"Mark Smith said"[t[1].range.clone()], "Smith");
    }

    #[test]
    fn amount_token_spans_the_whole_phrase() {
        let text = "more than €20 billion in aid";
        let t = tokenize(text);
        assert_eq!(&text[t[2].range.clone()], "€20 billion");
        let text = "rose 5 per cent today";
        let t = tokenize(text);
        assert_eq!(&text[t[1].range.clone()], "5 per cent");
    }
}
