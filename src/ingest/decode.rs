//! Bytes to text: UTF-8 when it is UTF-8, a legacy encoding when one fits (Windows-1252 and
//! Latin-1 are common in news archives), lossy UTF-8 with a warning otherwise. The [`Origin`]
//! remembers how every byte of text maps back to the file.

use encoding_rs::Encoding;

use crate::model::offsets::PieceBuilder;
use crate::model::{Origin, ReadNote};

pub struct Decoded {
    pub text: String,
    pub origin: Origin,
    pub encoding: &'static str,
    pub notes: Vec<ReadNote>,
}

/// Decodes the bytes of one file. Never fails: what cannot be decoded is replaced and noted.
pub fn decode(bytes: Vec<u8>) -> Decoded {
    if let Some(little_endian) = utf16_bom(&bytes) {
        return decode_utf16(bytes, little_endian);
    }
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let body = if bom { &bytes[3..] } else { &bytes[..] };
    if std::str::from_utf8(body).is_ok() {
        if !bom {
            let text = String::from_utf8(bytes).unwrap_or_default();
            return Decoded {
                text,
                origin: Origin::Identity,
                encoding: "UTF-8",
                notes: Vec::new(),
            };
        }
        let text = std::str::from_utf8(body).unwrap_or_default().to_string();
        let mut pieces = PieceBuilder::new();
        pieces.push(0, 3);
        pieces.push(text.len(), text.len());
        return Decoded {
            text,
            origin: Origin::Mapped {
                original: bytes,
                pieces: pieces.finish(),
                utf8: true,
            },
            encoding: "UTF-8",
            notes: Vec::new(),
        };
    }
    if looks_like_broken_utf8(body) {
        return decode_lossy_utf8(bytes, bom);
    }
    decode_legacy(bytes)
}

/// `Some(true)` for a UTF-16 little-endian byte-order mark, `Some(false)` for big-endian.
pub fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

/// UTF-16 with a byte-order mark, mapped character by character (an unpaired surrogate or an
/// odd last byte becomes U+FFFD with a warning).
fn decode_utf16(bytes: Vec<u8>, little_endian: bool) -> Decoded {
    let units = bytes[2..].chunks_exact(2).map(|pair| {
        if little_endian {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut pieces = PieceBuilder::new();
    pieces.push(0, 2);
    let mut bad = 0usize;
    for c in char::decode_utf16(units) {
        let (c, orig_len) = match c {
            Ok(c) => (c, c.len_utf16() * 2),
            Err(_) => {
                bad += 1;
                (char::REPLACEMENT_CHARACTER, 2)
            }
        };
        text.push(c);
        pieces.push(c.len_utf8(), orig_len);
    }
    if bytes.len() % 2 == 1 {
        bad += 1;
        text.push(char::REPLACEMENT_CHARACTER);
        pieces.push(char::REPLACEMENT_CHARACTER.len_utf8(), 1);
    }
    let name = if little_endian {
        "UTF-16LE"
    } else {
        "UTF-16BE"
    };
    let mut notes = vec![ReadNote {
        warning: false,
        message: format!("not UTF-8: decoded as {name} (byte-order mark)"),
    }];
    if bad > 0 {
        notes.push(ReadNote {
            warning: true,
            message: format!("{bad} invalid UTF-16 unit(s) replaced with U+FFFD"),
        });
    }
    Decoded {
        text,
        origin: Origin::Mapped {
            original: bytes,
            pieces: pieces.finish(),
            utf8: false,
        },
        encoding: name,
        notes,
    }
}

/// Whether invalid bytes sit in otherwise UTF-8 text (then the file is damaged UTF-8, not a legacy
/// encoding): some valid multi-byte sequences and fewer invalid stretches than valid ones.
fn looks_like_broken_utf8(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    valid_multibyte > 0 && valid_multibyte >= invalid
}

fn decode_lossy_utf8(bytes: Vec<u8>, bom: bool) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut pieces = PieceBuilder::new();
    let mut first_bad = None;
    let mut bad_count = 0usize;
    let mut pos = 0usize;
    if bom {
        pieces.push(0, 3);
        pos = 3;
    }
    for chunk in bytes[pos..].utf8_chunks() {
        text.push_str(chunk.valid());
        pieces.push(chunk.valid().len(), chunk.valid().len());
        pos += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            first_bad.get_or_insert(pos);
            bad_count += chunk.invalid().len();
            text.push(char::REPLACEMENT_CHARACTER);
            pieces.push(
                char::REPLACEMENT_CHARACTER.len_utf8(),
                chunk.invalid().len(),
            );
            pos += chunk.invalid().len();
        }
    }
    let notes = vec![ReadNote {
        warning: true,
        message: format!(
            "invalid UTF-8 at byte offset {}: {} byte(s) in all replaced with U+FFFD",
            first_bad.unwrap_or(0),
            bad_count
        ),
    }];
    Decoded {
        text,
        origin: Origin::Mapped {
            original: bytes,
            pieces: pieces.finish(),
            utf8: true,
        },
        encoding: "UTF-8",
        notes,
    }
}

fn decode_legacy(bytes: Vec<u8>) -> Decoded {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    if encoding == encoding_rs::UTF_8 {
        // The detector found nothing better: keep what is UTF-8 and mark the rest.
        return decode_lossy_utf8(bytes, false);
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut pieces = PieceBuilder::new();
    let single_byte = is_single_byte(encoding);
    let mut had_errors = false;
    if single_byte {
        // One byte, one character: map each non-ASCII byte to its character exactly.
        let mut buf = [0u8; 4];
        let mut run_start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if b.is_ascii() {
                continue;
            }
            text.push_str(std::str::from_utf8(&bytes[run_start..i]).unwrap_or_default());
            pieces.push(i - run_start, i - run_start);
            let (decoded, errors) = encoding.decode_without_bom_handling(&bytes[i..=i]);
            had_errors |= errors;
            let c = decoded
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            text.push_str(c.encode_utf8(&mut buf));
            pieces.push(c.len_utf8(), 1);
            run_start = i + 1;
        }
        text.push_str(std::str::from_utf8(&bytes[run_start..]).unwrap_or_default());
        pieces.push(bytes.len() - run_start, bytes.len() - run_start);
    } else {
        // Multi-byte encodings: map line by line (offsets inside a line point to its start).
        let mut start = 0;
        while start < bytes.len() {
            let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i + 1);
            let (decoded, errors) = encoding.decode_without_bom_handling(&bytes[start..end]);
            had_errors |= errors;
            text.push_str(&decoded);
            pieces.push(decoded.len(), end - start);
            start = end;
        }
    }
    let mut notes = vec![ReadNote {
        warning: false,
        message: format!("not UTF-8: decoded as {}", encoding.name()),
    }];
    if had_errors {
        notes.push(ReadNote {
            warning: true,
            message: format!(
                "some bytes are invalid in {} and were replaced",
                encoding.name()
            ),
        });
    }
    Decoded {
        text,
        origin: Origin::Mapped {
            original: bytes,
            pieces: pieces.finish(),
            utf8: false,
        },
        encoding: encoding.name(),
        notes,
    }
}

fn is_single_byte(encoding: &'static Encoding) -> bool {
    encoding.is_single_byte()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_kept_as_is() {
        let d = decode("Café “quoted”".as_bytes().to_vec());
        assert_eq!(d.text, "Café “quoted”");
        assert_eq!(d.origin, Origin::Identity);
        assert!(d.notes.is_empty());
    }

    #[test]
    fn windows_1252_is_detected_and_mapped_per_byte() {
        // “Café” in Windows-1252: curly quotes 0x93/0x94, é 0xE9.
        let bytes =
            b"The minister said \x93Caf\xe9 prices rose\x94 on Monday, \x93again\x94.".to_vec();
        let d = decode(bytes.clone());
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(
            d.text,
            "The minister said “Café prices rose” on Monday, “again”."
        );
        let word = d.text.find("prices").unwrap();
        let start = d.origin.start_to_original(word);
        assert_eq!(&bytes[start..start + 6], b"prices");
        let quote_end = d.text.find('”').unwrap() + '”'.len_utf8();
        assert_eq!(bytes[d.origin.end_to_original(quote_end) - 1], 0x94);
        assert!(d.notes[0].message.contains("windows-1252"));
        assert!(!d.notes[0].warning);
    }

    #[test]
    fn damaged_utf8_is_replaced_with_a_warning_naming_the_offset() {
        let mut bytes = "Zürich – ".as_bytes().to_vec();
        let bad_at = bytes.len();
        bytes.push(0xFF);
        bytes.extend_from_slice("Genève".as_bytes());
        let d = decode(bytes.clone());
        assert_eq!(d.text, "Zürich – \u{FFFD}Genève");
        assert!(d.notes[0].warning);
        assert!(d.notes[0]
            .message
            .contains(&format!("byte offset {bad_at}")));
        let g = d.text.find('G').unwrap();
        assert_eq!(d.origin.start_to_original(g), bad_at + 1);
    }

    #[test]
    fn bom_is_skipped_but_offsets_stay_in_the_file() {
        let d = decode(b"\xEF\xBB\xBFHello".to_vec());
        assert_eq!(d.text, "Hello");
        assert_eq!(d.origin.start_to_original(0), 3);
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_not_called_binary() {
        // Regression (issue 9, row 13): UTF-16 files were "binary file (NUL byte at offset 3)".
        let mut le = vec![0xFF, 0xFE];
        le.extend("Café “ok”.".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(le.clone());
        assert_eq!(d.text, "Café “ok”.");
        assert_eq!(d.encoding, "UTF-16LE");
        let ok = d.text.find("ok").unwrap();
        assert_eq!(d.origin.start_to_original(ok), 2 + 2 * 6);
        assert_eq!(&le[14..16], &[b'o', 0]);

        let mut be = vec![0xFE, 0xFF];
        be.extend("Zürich".encode_utf16().flat_map(u16::to_be_bytes));
        be.push(0x41); // an odd last byte
        let d = decode(be);
        assert_eq!(d.text, "Zürich\u{FFFD}");
        assert_eq!(d.encoding, "UTF-16BE");
        assert!(d.notes.iter().any(|n| n.warning));
    }
}
