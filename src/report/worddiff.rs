//! Word diffs between two sentences (via `similar`), with changed characters inside a changed
//! word singled out, so "is/was" and "Jansen/Janssen" stand out.

use anstyle::{AnsiColor, Style};
use similar::{ChangeTag, TextDiff};

/// One stretch of a word diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Removed(String),
    Added(String),
}

fn push(out: &mut Vec<Piece>, piece: Piece) {
    match (out.last_mut(), &piece) {
        (Some(Piece::Same(a)), Piece::Same(b))
        | (Some(Piece::Removed(a)), Piece::Removed(b))
        | (Some(Piece::Added(a)), Piece::Added(b)) => a.push_str(b),
        _ => out.push(piece),
    }
}

/// Common prefix and suffix lengths (in bytes, on char boundaries) of two words.
fn affixes(a: &str, b: &str) -> (usize, usize) {
    let prefix: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    let suffix: usize = ra
        .chars()
        .rev()
        .zip(rb.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    (prefix, suffix)
}

/// The diff from `a` to `b`, word by word.
pub fn word_diff(a: &str, b: &str) -> Vec<Piece> {
    let diff = TextDiff::from_words(a, b);
    let mut out = Vec::new();
    let mut removed: Vec<String> = Vec::new();
    let mut added: Vec<String> = Vec::new();
    let flush = |out: &mut Vec<Piece>, removed: &mut Vec<String>, added: &mut Vec<String>| {
        let r: Vec<&String> = removed.iter().filter(|w| !w.trim().is_empty()).collect();
        let a: Vec<&String> = added.iter().filter(|w| !w.trim().is_empty()).collect();
        if r.len() == 1 && a.len() == 1 && removed.len() == 1 && added.len() == 1 {
            // One word changed: show the characters that differ.
            let (old, new) = (r[0].as_str(), a[0].as_str());
            let (p, s) = affixes(old, new);
            // Only for spellings of one word ("Jansen"/"Janssen", "was"/"is"); "must" -> "need"
            // and "He" -> "Smith" stay whole.
            let longest = old.chars().count().max(new.chars().count());
            let edits = strsim::damerau_levenshtein(&old.to_lowercase(), &new.to_lowercase());
            let similar = edits <= 2 && edits < longest;
            if p + s > 0 && similar {
                push(out, Piece::Same(old[..p].to_string()));
                if p < old.len() - s {
                    push(out, Piece::Removed(old[p..old.len() - s].to_string()));
                }
                if p < new.len() - s {
                    push(out, Piece::Added(new[p..new.len() - s].to_string()));
                }
                push(out, Piece::Same(old[old.len() - s..].to_string()));
                removed.clear();
                added.clear();
                return;
            }
        }
        if !removed.is_empty() {
            push(out, Piece::Removed(removed.concat()));
        }
        if !added.is_empty() {
            push(out, Piece::Added(added.concat()));
        }
        removed.clear();
        added.clear();
    };
    for change in diff.iter_all_changes() {
        let value = change.value().to_string();
        match change.tag() {
            ChangeTag::Equal => {
                flush(&mut out, &mut removed, &mut added);
                push(&mut out, Piece::Same(value));
            }
            ChangeTag::Delete => removed.push(value),
            ChangeTag::Insert => added.push(value),
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out.retain(
        |p| !matches!(p, Piece::Same(s) | Piece::Removed(s) | Piece::Added(s) if s.is_empty()),
    );
    out
}

const REMOVED: Style = AnsiColor::Red.on_default().bold().underline();
const ADDED: Style = AnsiColor::Green.on_default().bold().underline();

/// Which sides of a diff to show.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sides {
    Old,
    New,
    Both,
}

fn render(pieces: &[Piece], color: bool, sides: Sides) -> String {
    let mut s = String::new();
    for p in pieces {
        match p {
            Piece::Same(t) => s.push_str(t),
            Piece::Removed(t) if sides != Sides::New => {
                if color {
                    s.push_str(&format!("{REMOVED}{t}{REMOVED:#}"));
                } else {
                    s.push_str(&format!("[-{t}-]"));
                }
            }
            Piece::Added(t) if sides != Sides::Old => {
                if color {
                    s.push_str(&format!("{ADDED}{t}{ADDED:#}"));
                } else {
                    s.push_str(&format!("{{+{t}+}}"));
                }
            }
            Piece::Removed(_) | Piece::Added(_) => {}
        }
    }
    s
}

/// `a` with what `b` lacks marked: red in colour, `[-…-]` without.
pub fn render_old(pieces: &[Piece], color: bool) -> String {
    render(pieces, color, Sides::Old)
}

/// `b` with what `a` lacks marked: green in colour, `{+…+}` without.
pub fn render_new(pieces: &[Piece], color: bool) -> String {
    render(pieces, color, Sides::New)
}

/// Both in one line, git word-diff style.
pub fn render_inline(pieces: &[Piece], color: bool) -> String {
    render(pieces, color, Sides::Both)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_letters_inside_a_word_are_singled_out() {
        let d = word_diff("Mark Jansen said", "Mark Janssen said");
        assert_eq!(render_inline(&d, false), "Mark Jans{+s+}en said");
        let d = word_diff("NATO was built", "NATO is built");
        assert_eq!(render_inline(&d, false), "NATO [-wa-]{+i+}s built");
        let d = word_diff("He said", "Smith said");
        assert_eq!(render_inline(&d, false), "[-He-]{+Smith+} said");
    }

    #[test]
    fn dropped_and_added_words() {
        let d = word_diff(
            "we must build a stronger, a fairer and more lethal NATO",
            "we need to build a stronger, fairer and more lethal NATO",
        );
        assert_eq!(
            render_old(&d, false),
            "we [-must-] build a stronger,[- a-] fairer and more lethal NATO"
        );
        assert_eq!(
            render_new(&d, false),
            "we {+need to+} build a stronger, fairer and more lethal NATO"
        );
    }

    #[test]
    fn identical_text_has_no_marks() {
        let d = word_diff("same words here", "same words here");
        assert_eq!(d, vec![Piece::Same("same words here".into())]);
    }
}
