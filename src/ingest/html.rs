//! PLACEHOLDER replaced by the real extractor before commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub text_start: usize,
    pub orig_start: usize,
    pub text_len: usize,
    pub orig_len: usize,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Headline,
    Body,
    Caption,
}
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ExtractedHtml {
    pub text: String,
    pub pieces: Vec<Piece>,
    pub blocks: Vec<(std::ops::Range<usize>, BlockKind)>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}
pub fn extract(html: &str) -> ExtractedHtml {
    ExtractedHtml {
        text: html.to_string(),
        pieces: vec![Piece {
            text_start: 0,
            orig_start: 0,
            text_len: html.len(),
            orig_len: html.len(),
        }],
        ..Default::default()
    }
}
