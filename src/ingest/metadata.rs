//! Dates, bylines and sources recognised in text. Conservative: `None` rather than a guess.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::MONTHS;

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

/// A month's name, in full or abbreviated ("March", "Mar.", "Sept").
pub(crate) const MONTH_RE: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

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

static MONTH_DAY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?(?:(?P<mm>{MONTH_RE})\s+(?P<md>[0-3]?\d)(?:st|nd|rd|th)?|(?P<dd>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?P<dm>{MONTH_RE}))\.?$"
    ))
    .expect("month-day pattern is valid")
});

/// A date written without its year ("Apr. 4", "April 4", "Friday, 4 April"): (month, day).
/// The day must exist in some year (February 29 does).
pub fn parse_month_day(value: &str) -> Option<(u32, u32)> {
    let caps = MONTH_DAY_RE.captures(value.trim())?;
    let (month, day) = match caps.name("mm") {
        Some(m) => (month_number(m.as_str())?, caps["md"].parse().ok()?),
        None => (month_number(&caps["dm"])?, caps["dd"].parse().ok()?),
    };
    chrono::NaiveDate::from_ymd_opt(2000, month, day).map(|_| (month, day))
}

static URL_YEAR_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d\d)[/-](?:0?[1-9]|1[0-2])\b").expect("valid pattern")
});

/// The year a document carries elsewhere: a full date in one of `texts` (the first that has
/// one), else a `/YYYY/MM` or `/YYYY-MM` path in its URL.
pub fn known_year(texts: &[&str], url: Option<&str>) -> Option<i32> {
    texts
        .iter()
        .find_map(|t| find_date(&t[..floor_boundary(t, 4000)]))
        .and_then(|(_, iso)| iso[..4].parse().ok())
        .or_else(|| URL_YEAR_RE.captures(url?).and_then(|c| c[1].parse().ok()))
}

fn floor_boundary(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// How a date field was read.
#[derive(Debug, PartialEq, Eq)]
pub enum DateRead {
    /// A full date, in ISO form.
    Date(String),
    /// A month and day completed with the document's year (ISO form, and that year).
    WithKnownYear(String, i32),
    /// A month and day, and no year known: the document stays undated.
    NoYear,
    /// Not a date.
    Unreadable,
}

/// Reads a date field; a date without a year takes `year` (the year the document carries
/// elsewhere, see [`known_year`]) when there is one.
pub fn read_date(value: &str, year: impl FnOnce() -> Option<i32>) -> DateRead {
    if let Some(iso) = parse_date(value) {
        return DateRead::Date(iso);
    }
    let Some((month, day)) = parse_month_day(value) else {
        return DateRead::Unreadable;
    };
    match year().and_then(|y| Some((iso_date(u32::try_from(y).ok()?, month, day)?, y))) {
        Some((iso, y)) => DateRead::WithKnownYear(iso, y),
        None => DateRead::NoYear,
    }
}

/// The note for a date field that did not give a full date, naming the value; `None` for a
/// full date.
pub fn date_note(value: &str, read: &DateRead) -> Option<String> {
    match read {
        DateRead::Date(_) => None,
        DateRead::WithKnownYear(iso, year) => Some(format!(
            "date “{value}” has no year; read as {iso} with the year {year} the article carries"
        )),
        DateRead::NoYear => Some(format!(
            "date “{value}” has no year and the article carries none; the article is undated"
        )),
        DateRead::Unreadable => Some(format!(
            "date “{value}” not understood; the article is undated"
        )),
    }
}

impl DateRead {
    pub fn iso(self) -> Option<String> {
        match self {
            DateRead::Date(iso) | DateRead::WithKnownYear(iso, _) => Some(iso),
            DateRead::NoYear | DateRead::Unreadable => None,
        }
    }
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

/// What may stand beside the date on a line that carries only a page's date and time: a
/// weekday, a time ("10:31", "10.31", "10:31:05"), "am"/"pm", a time zone ("GMT", "+0100"),
/// "at".
static DATE_LINE_REST_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?|[ap]\.?m\.?|at)|\d{1,2}[:.]\d{2}(?::\d{2})?|(?:GMT|UTC|BST|IST|CET|CEST|EET|EEST|WET|WEST|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT|JST|KST|HKT|SGT|AEST|AEDT)|[+-]\d{4})$")
        .expect("date line pattern is valid")
});

/// A line that is only a date, with its weekday, time and time zone ("May 3, 2024, 10:31
/// GMT", "Friday 4 April 2025"), as a web page prints near its headline: the date in ISO
/// form.
pub fn date_line(line: &str) -> Option<String> {
    let line = line.trim();
    if line.len() > 60 {
        return None;
    }
    let (range, iso) = find_date(line)?;
    let rest = format!("{} {}", &line[..range.start], &line[range.end..]);
    rest.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | '·' | '–' | '—'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .all(|w| DATE_LINE_REST_RE.is_match(w))
        .then_some(iso)
}

static BYLINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:By|BY|by)\s+(?P<by>\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|de|van|von|der|al|bin)){0,5})\s*$")
        .expect("byline pattern is valid")
});

/// A line that carries only metadata: "date 2025-04-04 By Eurasia Review", "Published: April 4,
/// 2025", "By Jane Doe".
#[derive(Debug, PartialEq, Eq)]
pub struct Dateline {
    pub date: Option<String>,
    /// The date as written when it has no year ("Apr. 4"): `date` is then `None` and the
    /// caller completes it with the year the document carries, if any.
    pub no_year: Option<String>,
    pub by: Option<String>,
}

pub fn parse_dateline(line: &str) -> Option<Dateline> {
    if line.len() > 160 {
        return None;
    }
    if let Some(caps) = DATELINE_RE.captures(line) {
        let raw = caps["date"].trim();
        let date = parse_date(raw);
        let no_year = match date {
            None => {
                parse_month_day(raw)?;
                Some(raw.to_string())
            }
            Some(_) => None,
        };
        return Some(Dateline {
            date,
            no_year,
            by: caps.name("by").map(|b| b.as_str().trim().to_string()),
        });
    }
    if let Some(caps) = BYLINE_RE.captures(line) {
        return Some(Dateline {
            date: None,
            no_year: None,
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
    fn dates_without_a_year_take_the_year_the_document_carries() {
        assert_eq!(parse_month_day("Apr. 4"), Some((4, 4)));
        assert_eq!(parse_month_day("April 4"), Some((4, 4)));
        assert_eq!(parse_month_day("4 April"), Some((4, 4)));
        assert_eq!(parse_month_day("Friday, April 4th"), Some((4, 4)));
        assert_eq!(parse_month_day("Feb 29"), Some((2, 29)));
        assert_eq!(parse_month_day("April 31"), None);
        assert_eq!(parse_month_day("April"), None);
        assert_eq!(parse_month_day("May be 4"), None);

        assert_eq!(
            read_date("Apr. 4", || Some(2025)),
            DateRead::WithKnownYear("2025-04-04".into(), 2025)
        );
        assert_eq!(read_date("April 4", || None), DateRead::NoYear);
        // February 29 only in a leap year.
        assert_eq!(read_date("Feb. 29", || Some(2025)), DateRead::NoYear);
        assert_eq!(
            read_date("4 April 2025", || panic!("a full date needs no year")),
            DateRead::Date("2025-04-04".into())
        );
        assert_eq!(read_date("soon", || Some(2025)), DateRead::Unreadable);
        let note = date_note("April 4", &DateRead::NoYear).unwrap();
        assert!(
            note.contains("“April 4”") && note.contains("undated"),
            "{note}"
        );
        assert_eq!(date_note("x", &DateRead::Date("2025-04-04".into())), None);
    }

    #[test]
    fn the_known_year_comes_from_a_full_date_or_the_url() {
        assert_eq!(
            known_year(&["Talks ended on 3 April 2025 in Brussels."], None),
            Some(2025)
        );
        assert_eq!(
            known_year(
                &["No date here."],
                Some("https://example.org/news/2024/11/talks-end")
            ),
            Some(2024)
        );
        assert_eq!(
            known_year(&["No date here."], Some("https://example.org/2025/")),
            None
        );
        assert_eq!(known_year(&[], None), None);
    }

    #[test]
    fn a_line_of_a_date_and_time_is_a_date_line() {
        for (line, iso) in [
            ("May 3, 2024, 10:31 GMT", "2024-05-03"),
            ("Friday 4 April 2025", "2025-04-04"),
            ("Fri, 4 April 2025 | 10.31 am", "2025-04-04"),
            ("2025-04-04 09:15 +0200", "2025-04-04"),
            ("  April 4, 2025  ", "2025-04-04"),
        ] {
            assert_eq!(date_line(line).as_deref(), Some(iso), "{line}");
        }
        for line in [
            "Ministers met on April 4, 2025 in Brussels",
            "April 4, 2025: talks resume",
            "Harbour fire kills three",
            "4 April",
            // Short words are no time zone: a headline of short words and a date is text.
            "Fire in Oslo on May 3, 2024",
            "EU, US sign pact May 3, 2024",
            "The day of 4 April 2025",
            "On May 3, 2024",
        ] {
            assert_eq!(date_line(line), None, "{line}");
        }
    }

    #[test]
    fn datelines_and_bylines() {
        assert_eq!(
            parse_dateline(" date 2025-04-04 By Eurasia Review"),
            Some(Dateline {
                date: Some("2025-04-04".into()),
                no_year: None,
                by: Some("Eurasia Review".into())
            })
        );
        assert_eq!(
            parse_dateline("Published on: April 4, 2025"),
            Some(Dateline {
                date: Some("2025-04-04".into()),
                no_year: None,
                by: None
            })
        );
        assert_eq!(
            parse_dateline("By Jane van Doe"),
            Some(Dateline {
                date: None,
                no_year: None,
                by: Some("Jane van Doe".into())
            })
        );
        assert_eq!(
            parse_dateline("By the end of the week, ministers agreed."),
            None
        );
        assert_eq!(parse_dateline("Updated guidance was issued today"), None);
        assert_eq!(
            parse_dateline("Published: Apr. 4"),
            Some(Dateline {
                date: None,
                no_year: Some("Apr. 4".into()),
                by: None
            })
        );
    }
}
