//! The one escaping function for everything printed for people: article text, file names and
//! JSON Lines ids on standard output and standard error.
//!
//! Article text and file names are data, never terminal or CI commands. Control characters
//! (C0 except tab, DEL, C1: `ESC`, `BEL`, the 8-bit `CSI`, line breaks) are shown visibly as
//! `\u{1b}`, `\n`, `\r` instead of being emitted, so an article cannot clear the screen, write
//! the clipboard (OSC 52), plant a hyperlink (OSC 8), or start a line with `::warning::` that
//! a CI runner would read as a workflow command.

use std::borrow::Cow;
use std::fmt;

fn needs_escape(c: char) -> bool {
    c != '\t' && c.is_control()
}

/// `s` with every control character except tab written visibly: `\n`, `\r`, `\u{1b}`.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Displays a string through [`escape`]: `format!("{}", Escaped(name))`.
#[derive(Debug, Clone, Copy)]
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&escape(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_in_article_text_are_shown_not_emitted() {
        // Clear screen, OSC 52 clipboard write, OSC 8 hyperlink, 8-bit CSI.
        let hostile =
            "a\u{1b}[2Jb\u{1b}]52;c;ZXZpbA==\u{7}c\u{1b}]8;;http://x.example\u{1b}\\d\u{9b}1m";
        let shown = escape(hostile);
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
        assert_eq!(
            shown,
            "a\\u{1b}[2Jb\\u{1b}]52;c;ZXZpbA==\\u{7}c\\u{1b}]8;;http://x.example\\u{1b}\\d\\u{9b}1m"
        );
    }

    #[test]
    fn a_file_name_with_a_line_break_cannot_start_a_workflow_command() {
        let name = "e\n::warning file=a.txt,line=1::X\n.txt";
        assert_eq!(escape(name), "e\\n::warning file=a.txt,line=1::X\\n.txt");
        assert_eq!(format!("{}", Escaped("a\rb")), "a\\rb");
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let text = "Tab\tand “quotes”, é, 𝓮𝔁𝓹𝓸𝓼𝓮𝓭";
        assert!(matches!(escape(text), Cow::Borrowed(t) if t == text));
        assert_eq!(format!("{:<6}|", Escaped("ab")), "ab    |");
    }
}
