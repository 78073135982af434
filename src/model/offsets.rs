//! Mapping between the analysed text and the bytes of the original file.
//!
//! Every span wirecheck reports is a byte range into the original file, but the text it analyses
//! can differ: HTML has its tags removed and entities decoded, a Windows-1252 file is re-encoded
//! as UTF-8, invalid UTF-8 becomes U+FFFD. An [`Origin`] remembers how to go back.

/// One stretch of analysed text and the original bytes it came from.
///
/// When `text_len == orig_len` the stretch maps byte for byte; otherwise (an entity, a re-encoded
/// character, a tag turned into a break) any offset inside maps to `orig_start`, and the end of
/// the stretch maps to the end of its original bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub text_start: usize,
    pub orig_start: usize,
    pub text_len: usize,
    pub orig_len: usize,
}

/// How the analysed text relates to the original bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The text is the original (valid UTF-8 plain text, or a JSON Lines `text` field).
    Identity,
    /// The text was derived from `original`; `pieces` cover the text contiguously.
    Mapped {
        original: Vec<u8>,
        pieces: Vec<Piece>,
        /// Whether columns in `original` are counted as UTF-8 characters (else one byte = one char).
        utf8: bool,
    },
}

impl Origin {
    /// Maps a start offset in the text to an offset in the original bytes.
    pub fn start_to_original(&self, offset: usize) -> usize {
        match self {
            Origin::Identity => offset,
            Origin::Mapped {
                pieces, original, ..
            } => map_start(pieces, original.len(), offset),
        }
    }

    /// Maps an end offset (exclusive) in the text to an end offset in the original bytes.
    pub fn end_to_original(&self, offset: usize) -> usize {
        match self {
            Origin::Identity => offset,
            Origin::Mapped {
                pieces, original, ..
            } => map_end(pieces, original.len(), offset),
        }
    }
}

fn map_start(pieces: &[Piece], total: usize, offset: usize) -> usize {
    match find_piece(pieces, offset) {
        Some(p) if p.text_len == p.orig_len => p.orig_start + (offset - p.text_start),
        Some(p) if offset == p.text_start + p.text_len => p.orig_start + p.orig_len,
        Some(p) => p.orig_start,
        None => total,
    }
}

fn map_end(pieces: &[Piece], total: usize, offset: usize) -> usize {
    if offset == 0 {
        return pieces.first().map_or(0, |p| p.orig_start);
    }
    // The end belongs to the piece holding the byte just before it.
    match find_piece(pieces, offset - 1) {
        Some(p) if p.text_len == p.orig_len => p.orig_start + (offset - p.text_start),
        Some(p) => p.orig_start + p.orig_len,
        None => total,
    }
}

fn find_piece(pieces: &[Piece], offset: usize) -> Option<&Piece> {
    let idx = pieces.partition_point(|p| p.text_start + p.text_len <= offset);
    pieces.get(idx).or_else(|| {
        pieces
            .last()
            .filter(|p| p.text_start + p.text_len == offset)
    })
}

/// Builds the pieces for a text decoded from `original` chunk by chunk, merging identical
/// stretches so that long ASCII runs cost one piece.
#[derive(Debug, Default)]
pub struct PieceBuilder {
    pieces: Vec<Piece>,
    text_pos: usize,
    orig_pos: usize,
}

impl PieceBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that `orig_len` original bytes became `text_len` bytes of text.
    pub fn push(&mut self, text_len: usize, orig_len: usize) {
        if text_len == 0 && orig_len == 0 {
            return;
        }
        let identity = text_len == orig_len;
        if identity {
            if let Some(last) = self.pieces.last_mut() {
                if last.text_len == last.orig_len
                    && last.text_start + last.text_len == self.text_pos
                    && last.orig_start + last.orig_len == self.orig_pos
                {
                    last.text_len += text_len;
                    last.orig_len += orig_len;
                    self.text_pos += text_len;
                    self.orig_pos += orig_len;
                    return;
                }
            }
        }
        self.pieces.push(Piece {
            text_start: self.text_pos,
            orig_start: self.orig_pos,
            text_len,
            orig_len,
        });
        self.text_pos += text_len;
        self.orig_pos += orig_len;
    }

    pub fn finish(self) -> Vec<Piece> {
        self.pieces
    }
}

/// Composes two mappings: `outer` maps a derived text to an intermediate text (HTML without its
/// tags, Markdown without its link targets), `inner` maps the intermediate text to the original
/// bytes. The result maps the derived text straight to the original bytes. A stretch that maps
/// byte for byte in both stays byte for byte (it is split where `inner` changes), so a
/// re-encoded character keeps the rest of its line exact.
pub fn compose(outer: &[Piece], inner: Origin, intermediate: Vec<u8>) -> Origin {
    let (original, inner_pieces, utf8) = match inner {
        Origin::Identity => {
            return Origin::Mapped {
                original: intermediate,
                pieces: outer.to_vec(),
                utf8: true,
            }
        }
        Origin::Mapped {
            original,
            pieces,
            utf8,
        } => (original, pieces, utf8),
    };
    let total = original.len();
    let start_of = |o: usize| map_start(&inner_pieces, total, o);
    let end_of = |o: usize| map_end(&inner_pieces, total, o);
    let mut pieces = Vec::with_capacity(outer.len());
    for p in outer {
        if p.text_len != p.orig_len || p.text_len == 0 {
            let start = start_of(p.orig_start);
            let end = if p.orig_len == 0 {
                start
            } else {
                end_of(p.orig_start + p.orig_len).max(start)
            };
            pieces.push(Piece {
                text_start: p.text_start,
                orig_start: start,
                text_len: p.text_len,
                orig_len: end - start,
            });
            continue;
        }
        // A byte-for-byte stretch: follow the inner pieces it overlaps.
        let (from, to) = (p.orig_start, p.orig_start + p.orig_len);
        let mut idx = inner_pieces.partition_point(|q| q.text_start + q.text_len <= from);
        let mut at = from;
        while at < to {
            let Some(q) = inner_pieces.get(idx) else {
                // Past the inner pieces: nothing left to map to.
                pieces.push(Piece {
                    text_start: p.text_start + (at - from),
                    orig_start: total,
                    text_len: to - at,
                    orig_len: 0,
                });
                break;
            };
            idx += 1;
            if q.text_len == 0 {
                continue;
            }
            let end = (q.text_start + q.text_len).min(to);
            if end <= at {
                continue;
            }
            let (orig_start, orig_len) = if q.text_len == q.orig_len {
                (q.orig_start + (at - q.text_start), end - at)
            } else {
                (q.orig_start, q.orig_len)
            };
            pieces.push(Piece {
                text_start: p.text_start + (at - from),
                orig_start,
                text_len: end - at,
                orig_len,
            });
            at = end;
        }
    }
    Origin::Mapped {
        original,
        pieces,
        utf8,
    }
}

/// Bytes per block of the character-count checkpoints of a [`LineIndex`].
const CHAR_BLOCK: usize = 256;

/// Line starts of a byte buffer, to turn byte offsets into 1-based line and column when
/// rendering. Columns count characters: UTF-8 characters, or bytes for single-byte encodings.
///
/// Lookups cost O(log lines + 256): besides the line starts, the index keeps the number of
/// characters before every 256-byte block, so a column on a 4 MB line without breaks is not
/// counted from the line start each time (which made reports quadratic in the line length).
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    utf8: bool,
    /// `chars_before_block[k]`: characters in `bytes[..k * CHAR_BLOCK]` (UTF-8 only).
    chars_before_block: Vec<usize>,
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

impl LineIndex {
    pub fn new(bytes: &[u8], utf8: bool) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        let mut chars_before_block = Vec::new();
        if utf8 {
            chars_before_block.reserve(bytes.len() / CHAR_BLOCK + 1);
            let mut total = 0;
            chars_before_block.push(0);
            for block in bytes.chunks(CHAR_BLOCK) {
                total += count_chars(block);
                chars_before_block.push(total);
            }
        }
        Self {
            line_starts,
            utf8,
            chars_before_block,
        }
    }

    /// 1-based line number of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).max(1)
    }

    /// Characters in `bytes[..offset]`, from the nearest checkpoint.
    fn chars_before(&self, bytes: &[u8], offset: usize) -> usize {
        let block = offset / CHAR_BLOCK;
        let base = self
            .chars_before_block
            .get(block)
            .copied()
            .unwrap_or_else(|| count_chars(&bytes[..block * CHAR_BLOCK]));
        base + count_chars(&bytes[block * CHAR_BLOCK..offset])
    }

    /// 1-based line and column (in characters) of a byte offset into `bytes`.
    pub fn line_column(&self, bytes: &[u8], offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.line_starts[line - 1].min(bytes.len());
        let offset = offset.min(bytes.len()).max(start);
        let chars = if self.utf8 {
            self.chars_before(bytes, offset) - self.chars_before(bytes, start)
        } else {
            offset - start
        };
        (line, chars + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_offsets_unchanged() {
        assert_eq!(Origin::Identity.start_to_original(7), 7);
        assert_eq!(Origin::Identity.end_to_original(9), 9);
    }

    #[test]
    fn re_encoded_character_maps_to_its_single_byte() {
        // "café!" decoded from Latin-1: "caf" identity, "é" (2 bytes) from 1 byte, "!" identity.
        let mut b = PieceBuilder::new();
        b.push(3, 3);
        b.push(2, 1);
        b.push(1, 1);
        let origin = Origin::Mapped {
            original: b"caf\xe9!".to_vec(),
            pieces: b.finish(),
            utf8: false,
        };
        assert_eq!(origin.start_to_original(3), 3);
        assert_eq!(origin.end_to_original(5), 4);
        assert_eq!(origin.start_to_original(5), 4);
        assert_eq!(origin.end_to_original(6), 5);
    }

    #[test]
    fn builder_merges_adjacent_identity_stretches() {
        let mut b = PieceBuilder::new();
        b.push(3, 3);
        b.push(4, 4);
        b.push(3, 1);
        b.push(2, 2);
        let pieces = b.finish();
        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces[0].text_len, 7);
        assert_eq!(pieces[2].text_start, 10);
        assert_eq!(pieces[2].orig_start, 8);
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\nc€d\r\nx".as_bytes();
        let idx = LineIndex::new(text, true);
        assert_eq!(idx.line_column(text, 0), (1, 1));
        assert_eq!(idx.line_column(text, 3), (2, 1));
        // "d" after the 3-byte euro sign is the third character of line 2.
        assert_eq!(idx.line_column(text, 7), (2, 3));
        assert_eq!(idx.line_column(text, 10), (3, 1));
    }

    #[test]
    fn columns_on_a_long_line_match_a_plain_count() {
        // Regression (issue 9, row 2): columns were counted from the line start for every
        // lookup; the checkpointed count must give the same answers across block boundaries.
        let text = "é ab\n".to_string() + &"€x".repeat(700) + "\nend";
        let bytes = text.as_bytes();
        let idx = LineIndex::new(bytes, true);
        for offset in (0..bytes.len()).filter(|&o| text.is_char_boundary(o)) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let expected = text[line_start..offset].chars().count() + 1;
            assert_eq!(
                idx.line_column(bytes, offset).1,
                expected,
                "offset {offset}"
            );
        }
    }
}
