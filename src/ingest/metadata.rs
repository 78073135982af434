//! Dates, bylines and sources recognised in text. Conservative: `None` rather than a guess.

use std::sync::LazyLock;

use regex::Regex;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    if lower == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&lower) && (lower.len() == 3 || *m == lower))
        .map(|i| i as u32 + 1)
}

const MONTH_RE: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])(?:T|\b)|(?P<dd>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<dm>{MONTH_RE})\s+(?P<dy>(?:19|20)\d\d)\b|(?P<mm>{MONTH_RE})\s+(?P<md>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<my>(?:19|20)\d\d)\b)"
    ))
    .expect("date pattern is valid")
});

/// Finds the first full date (year, month, day) in `text`: its byte range and ISO form.
pub fn find_date(text: &str) -> Option<(std::ops::Range<usize>, String)> {
    for caps in DATE_RE.captures_iter(text) {
        let whole = caps.get(0)?;
        let (y, m, d) = if let Some(y) = caps.name("iy") {
            (
                y.as_str().parse().ok()?,
                caps["im"].parse().ok()?,
                caps["id"].parse().ok()?,
            )
        } else if let Some(y) = caps.name("dy") {
            (
                y.as_str().parse().ok()?,
                month_number(&caps["dm"])?,
                caps["dd"].parse().ok()?,
            )
        } else {
            (
                caps["my"].parse().ok()?,
                month_number(&caps["mm"])?,
                caps["md"].parse().ok()?,
            )
        };
        if let Some(iso) = iso_date(y, m, d) {
            return Some((whole.range(), iso));
        }
    }
    None
}

fn iso_date(year: u32, month: u32, day: u32) -> Option<String> {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in_month)
        .contains(&day)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Parses a date field ("2025-04-04", "2025-04-04T10:00:00Z", "4 April 2025", "April 4, 2025",
/// "Friday (4 April 2025)") into ISO form.
pub fn parse_date(value: &str) -> Option<String> {
    find_date(value).map(|(_, iso)| iso)
}

static DATELINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:date|published|posted|updated|first published)(?:\s+on)?\s*:?\s+(?P<date>.{6,40}?)(?:\s*[|·,-]?\s*by\s+(?P<by>.+?))?\s*$",
    )
    .expect("dateline pattern is valid")
});

static BYLINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:By|BY|by)\s+(?P<by>\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|de|van|von|der|al|bin)){0,5})\s*$")
        .expect("byline pattern is valid")
});

/// A line that carries only metadata: "date 2025-04-04 By Eurasia Review", "Published: April 4,
/// 2025", "By Jane Doe".
#[derive(Debug, PartialEq, Eq)]
pub struct Dateline {
    pub date: Option<String>,
    pub by: Option<String>,
}

pub fn parse_dateline(line: &str) -> Option<Dateline> {
    if line.len() > 160 {
        return None;
    }
    if let Some(caps) = DATELINE_RE.captures(line) {
        let date = parse_date(&caps["date"])?;
        return Some(Dateline {
            date: Some(date),
            by: caps.name("by").map(|b| b.as_str().trim().to_string()),
        });
    }
    if let Some(caps) = BYLINE_RE.captures(line) {
        return Some(Dateline {
            date: None,
            by: Some(caps["by"].trim().to_string()),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_common_date_forms() {
        assert_eq!(parse_date("2025-04-04").as_deref(), Some("2025-04-04"));
        assert_eq!(
            parse_date("2025-04-04T09:30:00+02:00").as_deref(),
            Some("2025-04-04")
        );
        assert_eq!(parse_date("4 April 2025").as_deref(), Some("2025-04-04"));
        assert_eq!(parse_date("April 4, 2025").as_deref(), Some("2025-04-04"));
        assert_eq!(
            parse_date("Friday (4 April 2025)").as_deref(),
            Some("2025-04-04")
        );
        assert_eq!(parse_date("Sept. 21, 2024").as_deref(), Some("2024-09-21"));
        assert_eq!(parse_date("1st Dec 2023").as_deref(), Some("2023-12-01"));
    }

    #[test]
    fn rejects_impossible_or_partial_dates() {
        assert_eq!(parse_date("2025-02-30"), None);
        assert_eq!(parse_date("31 April 2025"), None);
        assert_eq!(parse_date("April 2025"), None);
        assert_eq!(parse_date("the first three months of this year"), None);
        assert_eq!(parse_date("May be 4 2025"), None);
    }

    #[test]
    fn finds_a_date_inside_a_sentence() {
        let text = "Ministers met in Brussels on Friday (4 April 2025), focusing on Ukraine.";
        let (range, iso) = find_date(text).unwrap();
        assert_eq!(&text[range], "4 April 2025");
        assert_eq!(iso, "2025-04-04");
    }

    #[test]
    fn datelines_and_bylines() {
        assert_eq!(
            parse_dateline(" date 2025-04-04 By Eurasia Review"),
            Some(Dateline {
                date: Some("2025-04-04".into()),
                by: Some("Eurasia Review".into())
            })
        );
        assert_eq!(
            parse_dateline("Published on: April 4, 2025"),
            Some(Dateline {
                date: Some("2025-04-04".into()),
                by: None
            })
        );
        assert_eq!(
            parse_dateline("By Jane van Doe"),
            Some(Dateline {
                date: None,
                by: Some("Jane van Doe".into())
            })
        );
        assert_eq!(
            parse_dateline("By the end of the week, ministers agreed."),
            None
        );
        assert_eq!(parse_dateline("Updated guidance was issued today"), None);
    }
}
