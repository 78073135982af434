//! JSON Lines: one article per line, `text` required; `id`, `title`, `url`, `source`, `date`,
//! `language` optional. A bad line is an error naming the file and line; the other lines are read.

use serde::Deserialize;

use crate::error::InputError;
use crate::model::{Document, Origin};

#[derive(Deserialize)]
struct Line {
    text: Option<serde_json::Value>,
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    date: Option<serde_json::Value>,
    #[serde(default)]
    language: Option<String>,
}

pub fn read(name: &str, content: &str) -> (Vec<Document>, Vec<InputError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (idx, raw) in content.lines().enumerate() {
        let line_no = idx + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let parsed: Line = match serde_json::from_str(raw) {
            Ok(l) => l,
            Err(e) => {
                errors.push(InputError::JsonLine {
                    path: name.to_string(),
                    line: line_no,
                    message: e.to_string(),
                });
                continue;
            }
        };
        let Some(serde_json::Value::String(text)) = parsed.text else {
            errors.push(InputError::JsonMissingText {
                path: name.to_string(),
                line: line_no,
            });
            continue;
        };
        let id = match parsed.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => Some(s),
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let doc_name = match &id {
            Some(id) => format!("{name}#{id}"),
            None => format!("{name}#{line_no}"),
        };
        let mut doc = Document::new(doc_name, text, Origin::Identity);
        doc.meta.id = id;
        doc.meta.title = parsed.title.filter(|t| !t.trim().is_empty());
        doc.meta.url = parsed.url;
        doc.meta.source = parsed.source;
        let (date, unread) = match &parsed.date {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => {
                (super::metadata::parse_date(s), Some(s.clone()))
            }
            // Unix time, in seconds or milliseconds.
            Some(serde_json::Value::Number(n)) => {
                let seconds = n.as_i64().or_else(|| n.as_f64().map(|f| f as i64));
                let seconds = seconds.map(|s| if s >= 100_000_000_000 { s / 1000 } else { s });
                (
                    seconds.and_then(super::metadata::unix_date),
                    Some(n.to_string()),
                )
            }
            _ => (None, None),
        };
        if let (None, Some(value)) = (&date, unread) {
            doc.notes.push(crate::model::ReadNote {
                warning: false,
                message: format!("date “{value}” not understood; the article is undated"),
            });
        }
        doc.meta.date = date;
        doc.meta.declared_language = parsed.language;
        docs.push(doc);
    }
    (docs, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_names_documents_by_id_or_line() {
        let input = concat!(
            r#"{"id": "a1", "text": "First story.", "title": "One", "date": "2025-04-04T10:00:00Z"}"#,
            "\n\n",
            r#"{"text": "Second story.", "source": "Wire"}"#,
            "\n"
        );
        let (docs, errors) = read("feed.jsonl", input);
        assert!(errors.is_empty());
        assert_eq!(docs[0].name, "feed.jsonl#a1");
        assert_eq!(docs[0].meta.title.as_deref(), Some("One"));
        assert_eq!(docs[0].meta.date.as_deref(), Some("2025-04-04"));
        assert_eq!(docs[1].name, "feed.jsonl#3");
        assert_eq!(docs[1].meta.source.as_deref(), Some("Wire"));
        assert_eq!(docs[1].text, "Second story.");
    }

    #[test]
    fn dates_in_feed_formats_and_unix_time_are_read_and_a_bad_one_is_a_note() {
        let input = concat!(
            r#"{"id": "1", "text": "A.", "date": "26-FEB-1987 15:01:01.79"}"#,
            "\n",
            r#"{"id": "2", "text": "B.", "date": 1743760800}"#,
            "\n",
            r#"{"id": "3", "text": "C.", "date": 1743760800000}"#,
            "\n",
            r#"{"id": "4", "text": "D.", "date": "Fri, 04 Apr 2025 10:00:00 +0000"}"#,
            "\n",
            r#"{"id": "5", "text": "E.", "date": "sometime soon"}"#,
            "\n"
        );
        let (docs, errors) = read("feed.jsonl", input);
        assert!(errors.is_empty());
        let dates: Vec<Option<&str>> = docs.iter().map(|d| d.meta.date.as_deref()).collect();
        assert_eq!(
            dates,
            [
                Some("1987-02-26"),
                Some("2025-04-04"),
                Some("2025-04-04"),
                Some("2025-04-04"),
                None
            ]
        );
        assert!(docs[..4].iter().all(|d| d.notes.is_empty()));
        assert_eq!(docs[4].notes.len(), 1);
        assert!(docs[4].notes[0].message.contains("sometime soon"));
    }

    #[test]
    fn bad_lines_are_errors_with_line_numbers_and_the_rest_is_read() {
        let input = "not json\n{\"title\": \"no text\"}\n{\"text\": 5}\n{\"text\": \"ok\"}\n";
        let (docs, errors) = read("f.jsonl", input);
        assert_eq!(docs.len(), 1);
        let msgs: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(msgs[0].starts_with("f.jsonl:1: not a JSON object"));
        assert_eq!(msgs[1], "f.jsonl:2: JSON object has no string field `text`");
        assert_eq!(msgs[2], "f.jsonl:3: JSON object has no string field `text`");
    }
}
