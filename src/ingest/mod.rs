//! Reading inputs: files, directories, standard input, JSON Lines, HTML, Markdown; then cleaning.

pub mod clean;
mod decode;
pub mod html;
mod jsonl;
mod markdown;
pub mod metadata;

use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::InputError;
use crate::model::{Document, Origin};

pub use decode::{decode, Decoded};

/// How a file is read, from its extension (or its first bytes for standard input).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    JsonLines,
}

impl Format {
    pub fn from_path(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("md" | "markdown") => Format::Markdown,
            Some("jsonl" | "ndjson") => Format::JsonLines,
            _ => Format::Text,
        }
    }

    fn sniff(bytes: &[u8]) -> Format {
        let head = &bytes[..bytes.len().min(1024)];
        let trimmed = head.trim_ascii_start();
        if trimmed.starts_with(b"{") {
            return Format::JsonLines;
        }
        let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
        if trimmed.starts_with(b"<")
            && (lower.contains("<html") || lower.contains("<!doctype") || lower.contains("<p"))
        {
            return Format::Html;
        }
        Format::Text
    }
}

/// Where one input comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Stdin,
    File {
        name: String,
        path: PathBuf,
        /// Found by walking a directory (then binary files are skipped with a note, not an error).
        walked: bool,
    },
}

impl Source {
    fn name(&self) -> &str {
        match self {
            Source::Stdin => "-",
            Source::File { name, .. } => name,
        }
    }
}

/// What loading produced: documents sorted by name, failures, and notes for stderr.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub errors: Vec<InputError>,
    pub notes: Vec<String>,
}

/// Expands the command-line paths into sources: directories recursively (hidden entries
/// skipped), sorted, without duplicates.
pub fn expand(paths: &[String], loaded: &mut Loaded) -> Vec<Source> {
    let mut sources = Vec::new();
    for arg in paths {
        if arg == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            let before = sources.len();
            let walker = ignore::WalkBuilder::new(path)
                .standard_filters(false)
                .hidden(true)
                .sort_by_file_name(|a, b| a.cmp(b))
                .build();
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                        let p = e.into_path();
                        sources.push(Source::File {
                            name: p.to_string_lossy().into_owned(),
                            path: p,
                            walked: true,
                        });
                    }
                    Ok(_) => {}
                    Err(err) => loaded.notes.push(format!("{arg}: {err}")),
                }
            }
            if sources.len() == before {
                loaded
                    .errors
                    .push(InputError::EmptyDirectory { path: arg.clone() });
            }
        } else if path.exists() {
            sources.push(Source::File {
                name: arg.clone(),
                path: path.to_path_buf(),
                walked: false,
            });
        } else {
            loaded
                .errors
                .push(InputError::Missing { path: arg.clone() });
        }
    }
    sources.sort();
    sources.dedup_by(|a, b| a.name() == b.name());
    sources
}

/// The default `--max-file-size`: 64 MiB, generous for articles (a long article is 50 KB; a
/// JSON Lines feed of a thousand articles a few MB).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 << 20;

/// Reads every source in parallel. Documents come back sorted by name, whatever the order of
/// the paths. An input larger than `max_file_size` bytes is not read: an error when named on
/// the command line, a note when found in a directory.
pub fn load(paths: &[String], max_file_size: u64) -> Loaded {
    let mut loaded = Loaded::default();
    let sources = expand(paths, &mut loaded);
    let results: Vec<(Vec<Document>, Vec<InputError>, Vec<String>)> =
        crate::stats::time(crate::stats::Stage::Load, || {
            sources
                .par_iter()
                .map(|s| read_source(s, max_file_size))
                .collect()
        });
    for (docs, errors, notes) in results {
        loaded.documents.extend(docs);
        loaded.errors.extend(errors);
        loaded.notes.extend(notes);
    }
    loaded.documents.sort_by(|a, b| a.name.cmp(&b.name));
    loaded.documents.dedup_by(|a, b| a.name == b.name);
    loaded
}

/// Reads at most `limit + 1` bytes, so that an endless input (`/dev/zero`) or a huge one costs
/// no more than the limit; `None` when there was more than `limit`. `expected` is the size the
/// input says it has (0 when unknown): the buffer is allocated once for it, not grown by
/// doubling, which would touch (and have the kernel zero) about twice the memory.
fn read_capped(reader: impl Read, limit: u64, expected: u64) -> std::io::Result<Option<Vec<u8>>> {
    // One byte more, to see the end of the input without growing.
    let capacity = usize::try_from(expected.min(limit).saturating_add(1)).unwrap_or(0);
    let mut buf = Vec::with_capacity(capacity);
    reader.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    Ok((buf.len() as u64 <= limit).then_some(buf))
}

fn read_source(source: &Source, limit: u64) -> (Vec<Document>, Vec<InputError>, Vec<String>) {
    let name = source.name().to_string();
    let io_error = |e| {
        (
            vec![],
            vec![InputError::Io {
                path: name.clone(),
                source: e,
            }],
            vec![],
        )
    };
    let too_large = |walked: bool| {
        let error = InputError::TooLarge {
            path: name.clone(),
            limit,
        };
        if walked {
            (vec![], vec![], vec![format!("{error}, skipped")])
        } else {
            (vec![], vec![error], vec![])
        }
    };
    let (bytes, format, walked) = match source {
        Source::Stdin => match read_timed(|| read_capped(std::io::stdin().lock(), limit, 0)) {
            Ok(Some(buf)) => {
                let format = Format::sniff(&buf);
                (buf, format, false)
            }
            Ok(None) => return too_large(false),
            Err(e) => return io_error(e),
        },
        Source::File { path, walked, .. } => {
            let read = read_timed(|| {
                let file = std::fs::File::open(path)?;
                let size = file
                    .metadata()
                    .ok()
                    .filter(|m| m.is_file())
                    .map_or(0, |m| m.len());
                if size > limit {
                    return Ok(None);
                }
                read_capped(file, limit, size)
            });
            match read {
                Ok(Some(b)) => (b, Format::from_path(path), *walked),
                Ok(None) => return too_large(*walked),
                Err(e) => return io_error(e),
            }
        }
    };
    if bytes.trim_ascii().is_empty() {
        if walked {
            return (vec![], vec![], vec![format!("{name}: empty file, skipped")]);
        }
        return (vec![], vec![InputError::Empty { path: name }], vec![]);
    }
    if let Some(offset) = binary_offset(&bytes) {
        if walked {
            return (
                vec![],
                vec![],
                vec![format!("{name}: binary file, skipped")],
            );
        }
        return (
            vec![],
            vec![InputError::Binary { path: name, offset }],
            vec![],
        );
    }
    read_bytes(&name, bytes, format)
}

/// Runs a read as the `read` stage of `--stats`, counting the bytes read.
fn read_timed(
    read: impl FnOnce() -> std::io::Result<Option<Vec<u8>>>,
) -> std::io::Result<Option<Vec<u8>>> {
    let result = crate::stats::time(crate::stats::Stage::Read, read);
    if let Ok(Some(bytes)) = &result {
        crate::stats::add_bytes(bytes.len());
    }
    result
}

/// Reads one input's bytes in a given format into prepared documents (cleaned, segmented,
/// language identified), with the errors and notes for stderr.
pub fn read_bytes(
    name: &str,
    bytes: Vec<u8>,
    format: Format,
) -> (Vec<Document>, Vec<InputError>, Vec<String>) {
    let mut notes = Vec::new();
    let mut errors = Vec::new();
    let documents = crate::stats::time(crate::stats::Stage::Extract, || match format {
        Format::JsonLines => {
            let decoded = decode(bytes);
            notes.extend(
                decoded
                    .notes
                    .iter()
                    .map(|n| format!("{name}: {}", n.message)),
            );
            let (docs, errs, duplicate_notes) = jsonl::read(name, &decoded.text);
            errors.extend(errs);
            notes.extend(duplicate_notes);
            docs
        }
        Format::Html => vec![html_document(name, bytes)],
        Format::Markdown => vec![markdown::read(name, decode(bytes))],
        Format::Text => {
            let decoded = decode(bytes);
            let mut doc = Document::new(name, decoded.text, decoded.origin);
            doc.encoding = decoded.encoding;
            doc.notes = decoded.notes;
            vec![doc]
        }
    });
    for doc in &documents {
        for note in &doc.notes {
            let label = if note.warning { "warning" } else { "note" };
            notes.push(format!("{}: {label}: {}", doc.name, note.message));
        }
    }
    // The articles of one JSON Lines archive are prepared in parallel too.
    let prepared: Vec<Document> = documents
        .into_par_iter()
        .map(|mut doc| {
            prepare(&mut doc);
            doc
        })
        .collect();
    let mut finished = Vec::with_capacity(prepared.len());
    for doc in prepared {
        if doc.sentences.is_empty() {
            errors.push(InputError::NoText { path: doc.name });
        } else {
            finished.push(doc);
        }
    }
    (finished, errors, notes)
}

/// Clean, segment and identify the language of one document.
pub fn prepare(doc: &mut Document) {
    use crate::stats::{time, Stage};
    time(Stage::Clean, || clean::clean(doc));
    time(Stage::Segment, || crate::text::segment_document(doc));
    time(Stage::Language, || crate::text::language::identify(doc));
}

/// Offset of the first NUL byte in the first 8 KiB, the usual sign of a binary file (UTF-16
/// text with a byte-order mark excepted: it is decoded).
fn binary_offset(bytes: &[u8]) -> Option<usize> {
    if decode::utf16_bom(bytes).is_some() {
        return None;
    }
    memchr::memchr(0, &bytes[..bytes.len().min(8192)])
}

fn html_document(name: &str, bytes: Vec<u8>) -> Document {
    let decoded = decode(bytes);
    let extracted = html::extract(&decoded.text);
    // Compose the two mappings: extracted text -> decoded text -> original bytes.
    let pieces = extracted
        .pieces
        .iter()
        .map(|p| {
            let orig_start = decoded.origin.start_to_original(p.orig_start);
            let orig_end = decoded.origin.end_to_original(p.orig_start + p.orig_len);
            crate::model::Piece {
                text_start: p.text_start,
                orig_start,
                text_len: p.text_len,
                orig_len: orig_end.saturating_sub(orig_start),
            }
        })
        .collect();
    let utf8 = match &decoded.origin {
        Origin::Identity => true,
        Origin::Mapped { utf8, .. } => *utf8,
    };
    let original = match decoded.origin {
        Origin::Identity => decoded.text.into_bytes(),
        Origin::Mapped { original, .. } => original,
    };
    // A date without a year ("April 4") takes the year the page carries elsewhere.
    let date = extracted.date.as_deref().map(|value| {
        let read = metadata::read_date(value, || {
            metadata::known_year(
                &[extracted.title.as_deref().unwrap_or(""), &extracted.text],
                extracted.url.as_deref(),
            )
        });
        (metadata::date_note(value, &read), read.iso())
    });
    let mut doc = Document::new(
        name,
        extracted.text,
        Origin::Mapped {
            original,
            pieces,
            utf8,
        },
    );
    doc.encoding = decoded.encoding;
    doc.notes = decoded.notes;
    doc.meta.title = extracted.title;
    if let Some((message, date)) = date {
        doc.notes
            .extend(message.map(|message| crate::model::ReadNote {
                warning: false,
                message,
            }));
        doc.meta.date = date;
    }
    doc.meta.author = extracted.author;
    doc.meta.source = extracted.site;
    doc.meta.url = extracted.url;
    doc.meta.declared_language = extracted.language;
    doc.removed = extracted
        .removed
        .into_iter()
        .map(|(range, reason)| crate::model::Removed { range, reason })
        .collect();
    doc.block_hints = extracted
        .blocks
        .into_iter()
        .filter_map(|(range, kind)| match kind {
            html::BlockKind::Headline => Some((range, crate::model::SentenceKind::Headline)),
            html::BlockKind::Caption => Some((range, crate::model::SentenceKind::Caption)),
            html::BlockKind::Body => None,
        })
        .collect();
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_extension() {
        assert_eq!(Format::from_path(Path::new("a/B.HTML")), Format::Html);
        assert_eq!(Format::from_path(Path::new("x.md")), Format::Markdown);
        assert_eq!(Format::from_path(Path::new("x.jsonl")), Format::JsonLines);
        assert_eq!(Format::from_path(Path::new("x.txt")), Format::Text);
        assert_eq!(Format::from_path(Path::new("noext")), Format::Text);
    }

    #[test]
    fn standard_input_format_is_sniffed() {
        assert_eq!(Format::sniff(b"  {\"text\": \"a\"}\n"), Format::JsonLines);
        assert_eq!(Format::sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff(b"<p>Hello</p>"), Format::Html);
        assert_eq!(Format::sniff(b"Plain words. <b> later"), Format::Text);
    }

    #[test]
    fn nul_bytes_mark_binary_files() {
        assert_eq!(binary_offset(b"abc\0def"), Some(3));
        assert_eq!(binary_offset(b"plain text"), None);
    }

    #[test]
    fn an_endless_input_is_cut_at_the_size_limit() {
        // Regression (issue 9, row 4): `inspect /dev/zero` grew past 2.7 GB.
        let endless = std::io::repeat(0);
        assert_eq!(read_capped(endless, 1000, 0).unwrap(), None);
        assert_eq!(
            read_capped(&b"abc"[..], 3, 0).unwrap(),
            Some(b"abc".to_vec())
        );
        assert_eq!(read_capped(&b"abcd"[..], 3, 0).unwrap(), None);
        // A size hint that is wrong either way changes nothing but the first allocation.
        assert_eq!(
            read_capped(&b"abc"[..], 3, 3).unwrap(),
            Some(b"abc".to_vec())
        );
        assert_eq!(
            read_capped(&b"abc"[..], 3, 1 << 40).unwrap(),
            Some(b"abc".to_vec())
        );
        assert_eq!(read_capped(&b"abcd"[..], 3, 2).unwrap(), None);
    }
}
