//! JSON Lines: one article per line, `text` required; `id`, `title`, `url`, `source`, `date`,
//! `language` optional. A bad line is an error naming the file and line; the other lines are read.

use std::collections::HashSet;

use rayon::prelude::*;
use serde_json::Value;

use crate::error::InputError;
use crate::model::{Document, JsonLinesRecord, Origin};

/// What a JSON value is, for error messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// An optional string field: absent or null is `None`; another type is an error message.
fn string_field(
    object: &serde_json::Map<String, Value>,
    key: &str,
) -> Result<Option<String>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!(
            "field `{key}` must be a string, found {}",
            kind(other)
        )),
    }
}

/// Reads every line of a JSON Lines file. Returns the articles, the lines that could not be
/// read, and notes (duplicate ids). No line is dropped silently: an `id` seen before (or equal
/// to another line's number) gets a distinct name, `FILE#ID@LINE`, and a warning.
pub fn read(name: &str, content: &str) -> (Vec<Document>, Vec<InputError>, Vec<String>) {
    // Lines are parsed in parallel (an archive is one file); names are given in line order.
    let lines: Vec<(usize, &str)> = content
        .lines()
        .enumerate()
        .filter(|(_, raw)| !raw.trim().is_empty())
        .map(|(idx, raw)| (idx + 1, raw))
        .collect();
    let parsed: Vec<Result<Document, InputError>> = lines
        .par_iter()
        .map(|&(line_no, raw)| read_line(name, line_no, raw))
        .collect();
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let mut names: HashSet<String> = HashSet::new();
    for result in parsed {
        let mut doc = match result {
            Ok(doc) => doc,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if names.contains(&doc.name) {
            let line_no = doc.record.as_ref().map_or(0, |r| r.line);
            let renamed = format!("{}@{line_no}", doc.name);
            notes.push(format!(
                "{name}:{line_no}: warning: `{}` names an earlier article too; this one is read as `{renamed}`",
                &doc.name[name.len()..]
            ));
            doc.name = renamed;
        }
        names.insert(doc.name.clone());
        docs.push(doc);
    }
    (docs, errors, notes)
}

/// One line of a JSON Lines file: its article, named `FILE#ID` or `FILE#LINE`.
fn read_line(name: &str, line_no: usize, raw: &str) -> Result<Document, InputError> {
    let bad = |message: String| InputError::JsonLine {
        path: name.to_string(),
        line: line_no,
        message,
    };
    let object = match serde_json::from_str::<Value>(raw) {
        Ok(Value::Object(o)) => o,
        Ok(other) => {
            return Err(bad(format!(
                "found {}; each line must be one JSON object with a string field `text`",
                kind(&other)
            )));
        }
        Err(e) => return Err(bad(format!("invalid JSON: {e}"))),
    };
    let Some(Value::String(text)) = object.get("text") else {
        return Err(InputError::JsonMissingText {
            path: name.to_string(),
            line: line_no,
        });
    };
    let id = match object.get("id") {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let fields: Result<Vec<Option<String>>, String> = ["title", "url", "source", "language"]
        .iter()
        .map(|key| string_field(&object, key))
        .collect();
    let [title, url, source, language]: [Option<String>; 4] = match fields {
        Ok(f) => f.try_into().unwrap_or_default(),
        Err(message) => return Err(bad(message)),
    };
    let doc_name = match &id {
        Some(id) => format!("{name}#{id}"),
        None => format!("{name}#{line_no}"),
    };
    let mut doc = Document::new(doc_name, text.clone(), Origin::Identity);
    doc.record = Some(JsonLinesRecord {
        file: name.to_string(),
        line: line_no,
    });
    doc.meta.id = id;
    doc.meta.title = title.filter(|t| !t.trim().is_empty());
    doc.meta.url = url;
    doc.meta.source = source;
    let (date, unread) = match object.get("date") {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => {
            // A date without a year ("Apr. 4") takes the year the article carries.
            let read = super::metadata::read_date(s, || {
                let title = doc.meta.title.as_deref().unwrap_or("");
                super::metadata::known_year(&[title, text], doc.meta.url.as_deref())
            });
            if let Some(message) = super::metadata::date_note(s, &read) {
                doc.notes.push(crate::model::ReadNote {
                    warning: false,
                    message,
                });
            }
            (read.iso(), None)
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
    doc.meta.declared_language = language;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The documents of a JSON Lines input that must read without errors, and their dates.
    fn read_dates(input: &str) -> (Vec<Document>, Vec<Option<String>>) {
        let (docs, errors, _) = read("feed.jsonl", input);
        assert!(errors.is_empty(), "{errors:?}");
        let dates = docs.iter().map(|d| d.meta.date.clone()).collect();
        (docs, dates)
    }

    #[test]
    fn reads_fields_and_names_documents_by_id_or_line() {
        let input = concat!(
            r#"{"id": "a1", "text": "First story.", "title": "One", "date": "2025-04-04T10:00:00Z"}"#,
            "\n\n",
            r#"{"text": "Second story.", "source": "Wire"}"#,
            "\n"
        );
        let (docs, errors, notes) = read("feed.jsonl", input);
        assert!(errors.is_empty() && notes.is_empty());
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
        let (docs, dates) = read_dates(input);
        assert_eq!(
            dates.iter().map(Option::as_deref).collect::<Vec<_>>(),
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
    fn a_date_without_a_year_takes_the_articles_year_or_stays_undated_with_a_note() {
        let input = concat!(
            r#"{"id": "1", "text": "Talks resumed. The accord of 2 March 2025 holds.", "date": "Apr. 4"}"#,
            "\n",
            r#"{"id": "2", "text": "Talks resumed.", "url": "https://example.org/2024/11/talks", "date": "April 4"}"#,
            "\n",
            r#"{"id": "3", "text": "Talks resumed.", "date": "April 4"}"#,
            "\n",
            r#"{"id": "4", "text": "Talks resumed.", "date": "2025/04/04"}"#,
            "\n"
        );
        let (docs, dates) = read_dates(input);
        assert_eq!(
            dates.iter().map(Option::as_deref).collect::<Vec<_>>(),
            [
                Some("2025-04-04"),
                Some("2024-04-04"),
                None,
                Some("2025-04-04")
            ]
        );
        assert!(docs[0].notes[0]
            .message
            .contains("no year; read as 2025-04-04"));
        assert!(docs[2].notes[0].message.contains("“April 4”"));
        assert!(docs[2].notes[0].message.contains("undated"));
        assert!(docs[3].notes.is_empty());
    }

    #[test]
    fn bad_lines_are_errors_with_line_numbers_and_the_rest_is_read() {
        let input = "not json\n{\"title\": \"no text\"}\n{\"text\": 5}\n{\"text\": \"ok\"}\n";
        let (docs, errors, _) = read("f.jsonl", input);
        assert_eq!(docs.len(), 1);
        let msgs: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(
            msgs[0].starts_with("f.jsonl:1: invalid JSON"),
            "{}",
            msgs[0]
        );
        assert_eq!(msgs[1], "f.jsonl:2: JSON object has no string field `text`");
        assert_eq!(msgs[2], "f.jsonl:3: JSON object has no string field `text`");
    }

    #[test]
    fn repeated_ids_keep_every_article_with_distinct_names_and_a_warning() {
        // Regression (issue 9, row 11): 2,000 lines sharing an id collapsed into one article.
        let mut input = String::new();
        for n in 0..5 {
            input.push_str(&format!("{{\"id\": \"a\", \"text\": \"Story {n}.\"}}\n"));
        }
        // An id equal to another line's number, and that line without an id.
        input.push_str("{\"id\": 7, \"text\": \"Seven.\"}\n{\"text\": \"Line seven.\"}\n");
        let (docs, errors, notes) = read("f.jsonl", &input);
        assert!(errors.is_empty());
        let names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "f.jsonl#a",
                "f.jsonl#a@2",
                "f.jsonl#a@3",
                "f.jsonl#a@4",
                "f.jsonl#a@5",
                "f.jsonl#7",
                "f.jsonl#7@7"
            ]
        );
        assert_eq!(notes.len(), 5);
        assert_eq!(
            notes[0],
            "f.jsonl:2: warning: `#a` names an earlier article too; this one is read as `f.jsonl#a@2`"
        );
        assert_eq!(docs[6].record.as_ref().map(|r| r.line), Some(7));
    }

    #[test]
    fn wrong_types_say_which_field_and_what_was_found() {
        // Regression (issue 9, row 13): these said "expected struct Line".
        let input = "[1, 2]\n{\"text\": \"ok\", \"title\": 5}\n\"just a string\"\n";
        let (docs, errors, _) = read("f.jsonl", input);
        assert!(docs.is_empty());
        let msgs: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            msgs,
            [
                "f.jsonl:1: found an array; each line must be one JSON object with a string field `text`",
                "f.jsonl:2: field `title` must be a string, found a number",
                "f.jsonl:3: found a string; each line must be one JSON object with a string field `text`",
            ]
        );
    }
}
