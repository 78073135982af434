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
        r"(?i)\b(?:(?P<iy>(?:19|20)\d\d)(?:-(?P<im>0[1-9]|1[0-2])-|/(?P<sm>0?[1-9]|1[0-2])/|\.(?P<pm>0[1-9]|1[0-2])\.)(?P<id>0[1-9]|[12]\d|3[01]|(?-i:[1-9]\b))(?:T|\b)|(?P<ed>0?[1-9]|[12]\d|3[01])\.(?P<em>0?[1-9]|1[0-2])\.(?P<ey>(?:19|20)\d\d)\b|(?P<dd>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+|-)(?P<dm>{MONTH_RE})(?:\s+|-)(?P<dy>(?:19|20)\d\d)\b|(?P<mm>{MONTH_RE})\s+(?P<md>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<my>(?:19|20)\d\d)\b)"
    ))
    .expect("date pattern is valid")
});

/// Finds the first full date (year, month, day) in `text`: its byte range and ISO form.
pub fn find_date(text: &str) -> Option<(std::ops::Range<usize>, String)> {
    for caps in DATE_RE.captures_iter(text) {
        let whole = caps.get(0)?;
        let (y, m, d) = if let Some(y) = caps.name("iy") {
            let month = caps
                .name("im")
                .or_else(|| caps.name("sm"))
                .or_else(|| caps.name("pm"))?;
            (
                y.as_str().parse().ok()?,
                month.as_str().parse().ok()?,
                caps["id"].parse().ok()?,
            )
        } else if let Some(y) = caps.name("ey") {
            (
                y.as_str().parse().ok()?,
                caps["em"].parse().ok()?,
                caps["ed"].parse().ok()?,
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
    let date = chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// Parses a date field into ISO form (`YYYY-MM-DD`, the day as written, in the field's own
/// time zone): ISO 8601 / RFC 3339 ("2025-04-04", "2025-04-04T10:00:00Z", "2025/04/04",
/// "20250404"), RFC 2822 as in RSS ("Fri, 04 Apr 2025 10:00:00 +0000"), wire-archive stamps
/// ("26-FEB-1987 15:01:01.79"), "4 April 2025", "April 4, 2025", "Friday (4 April 2025)", and
/// Unix time in seconds or milliseconds ("1743760800").
pub fn parse_date(value: &str) -> Option<String> {
    let v = value.trim();
    if v.bytes().all(|b| b.is_ascii_digit()) {
        return match v.len() {
            8 => iso_date(
                v[..4].parse().ok()?,
                v[4..6].parse().ok()?,
                v[6..].parse().ok()?,
            ),
            9 | 10 => unix_date(v.parse().ok()?),
            12 | 13 => unix_date(v.parse::<i64>().ok()? / 1000),
            _ => None,
        };
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(v) {
        return Some(dt.date_naive().format("%Y-%m-%d").to_string());
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(v) {
        return Some(dt.date_naive().format("%Y-%m-%d").to_string());
    }
    find_date(v).map(|(_, iso)| iso)
}

/// The UTC day of a Unix time in seconds, for times from 1970 to 2100.
pub fn unix_date(seconds: i64) -> Option<String> {
    if !(0..4_102_444_800).contains(&seconds) {
        return None;
    }
    let dt = chrono::DateTime::from_timestamp(seconds, 0)?;
    Some(dt.date_naive().format("%Y-%m-%d").to_string())
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
    fn reads_feed_formats() {
        let cases = [
            ("26-FEB-1987 15:01:01.79", "1987-02-26"),
            ("3-MAR-1987 09:12:44.51", "1987-03-03"),
            ("Fri, 04 Apr 2025 10:00:00 +0000", "2025-04-04"),
            ("Fri, 4 Apr 2025 23:30:00 -0500", "2025-04-04"),
            ("Thu, 03 Apr 2025 22:00:00 GMT", "2025-04-03"),
            ("2025-04-04T23:30:00-05:00", "2025-04-04"),
            ("2025-04-04 10:00", "2025-04-04"),
            ("2025/04/04", "2025-04-04"),
            ("2025/4/4", "2025-04-04"),
            ("2025.04.04", "2025-04-04"),
            ("04.04.2025", "2025-04-04"),
            ("4.4.2025 14:00", "2025-04-04"),
            ("20250404", "2025-04-04"),
            ("1743760800", "2025-04-04"),
            ("1743760800000", "2025-04-04"),
            ("April 4, 2025 10:30 AM", "2025-04-04"),
            ("Apr. 4, 2025", "2025-04-04"),
            ("4 April 2025", "2025-04-04"),
        ];
        for (input, iso) in cases {
            assert_eq!(parse_date(input).as_deref(), Some(iso), "{input}");
        }
        for bad in [
            "2025",
            "tomorrow",
            "",
            "99999999999999",
            "2025/13/01",
            "Apr. 4",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
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
