//! Word diffs between two sentences, the one renderer behind `diff`, `audit`, quote diffs and
//! the HTML report.
//!
//! Tokens are words and punctuation marks. The diff anchors on the rarest common tokens first
//! (a histogram diff from `similar`), a lone stop word or punctuation mark between two changes
//! is not trusted as an anchor, and neighbouring deletions and insertions merge into one phrase
//! replacement (`[-paid tribute to-]{+said that+}`). Characters inside a word are singled out
//! only when the two spellings are near-identical ("Jansen"/"Janssen", "€20"/"20").

use std::ops::Range;

use anstyle::{AnsiColor, Style};
use similar::{capture_diff_slices, Algorithm, DiffTag};

/// One stretch of a rendered word diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Removed(String),
    Added(String),
}

/// Normalised edit similarity (0..1, case-insensitive) at or above which a one-word change is
/// shown letter by letter.
pub const NEAR_IDENTICAL: f64 = 0.6;

/// Stop words that are not trusted as the only anchor between two changes.
const WEAK: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he",
    "her", "his", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "they",
    "this", "to", "was", "we", "were", "which", "with",
];

/// One segment of the diff: byte ranges into `a` and `b`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Seg {
    Same {
        a: Range<usize>,
        b: Range<usize>,
    },
    /// A phrase replaced (either side may be empty: a pure deletion or insertion).
    Change {
        a: Range<usize>,
        b: Range<usize>,
    },
    /// One near-identical word: common prefix and suffix lengths in bytes on each side.
    Word {
        a: Range<usize>,
        b: Range<usize>,
        prefix: usize,
        suffix: usize,
    },
}

/// The diff from `a` to `b`.
#[derive(Debug, Clone)]
pub struct WordDiff<'t> {
    a: &'t str,
    b: &'t str,
    segs: Vec<Seg>,
}

/// Byte ranges of the tokens of `text`: words (letters, digits, currency signs and `%`, with
/// inner apostrophes, hyphens, dots, commas and slashes between alphanumerics) and single
/// punctuation marks.
fn tokens(text: &str) -> Vec<Range<usize>> {
    // A Chinese character or a kana is a token of its own (see `tokens::is_unspaced`).
    let unspaced = crate::text::tokens::is_unspaced;
    let wordish =
        |c: char| !unspaced(c) && (c.is_alphanumeric() || matches!(c, '€' | '$' | '£' | '¥' | '%'));
    let joiner = |c: char| matches!(c, '\'' | '’' | '-' | '.' | ',' | '/' | ':');
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if wordish(c) {
            let mut j = i + 1;
            while j < chars.len() {
                let c = chars[j].1;
                if wordish(c) {
                    j += 1;
                } else if joiner(c)
                    && chars[j - 1].1.is_alphanumeric()
                    && chars.get(j + 1).is_some_and(|&(_, n)| wordish(n))
                {
                    j += 2;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |&(o, _)| o);
            out.push(start..end);
            i = j;
        } else {
            out.push(start..start + c.len_utf8());
            i += 1;
        }
    }
    out
}

/// Common prefix and suffix lengths (in bytes, on char boundaries, not overlapping) of two
/// words; equal characters have equal byte lengths, so the lengths hold on both sides.
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

/// Whether two words are spellings of one another: edit similarity of at least
/// [`NEAR_IDENTICAL`], case-insensitively, and not equal.
pub fn near_identical(a: &str, b: &str) -> bool {
    let (la, lb) = (a.to_lowercase(), b.to_lowercase());
    strsim::normalized_levenshtein(&la, &lb) >= NEAR_IDENTICAL
}

fn is_weak(token: &str) -> bool {
    token.chars().all(|c| !c.is_alphanumeric())
        || WEAK.iter().any(|w| w.eq_ignore_ascii_case(token))
}

/// The diff from `a` to `b`, word by word.
pub fn word_diff<'t>(a: &'t str, b: &'t str) -> WordDiff<'t> {
    let ta = tokens(a);
    let tb = tokens(b);
    let ka: Vec<&str> = ta.iter().map(|r| &a[r.clone()]).collect();
    let kb: Vec<&str> = tb.iter().map(|r| &b[r.clone()]).collect();
    // Token-index segments: (equal?, a tokens, b tokens).
    let mut runs: Vec<(bool, Range<usize>, Range<usize>)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Histogram, &ka, &kb) {
        let (tag, ra, rb) = op.as_tag_tuple();
        let equal = tag == DiffTag::Equal;
        match runs.last_mut() {
            Some((false, pa, pb)) if !equal => {
                pa.end = ra.end;
                pb.end = rb.end;
            }
            _ => runs.push((equal, ra, rb)),
        }
    }
    // A short run of stop words and punctuation between two changes is a chance match, not an
    // anchor: fold it into one replacement with its neighbours.
    let mut k = 1;
    while k + 1 < runs.len() {
        let (equal, ra, _) = &runs[k];
        let weak = *equal
            && !runs[k - 1].0
            && !runs[k + 1].0
            && ra.len() <= 2
            && ka[ra.clone()].iter().all(|t| is_weak(t));
        if weak {
            let next = runs.remove(k + 1);
            runs.remove(k);
            let prev = &mut runs[k - 1];
            prev.1.end = next.1.end;
            prev.2.end = next.2.end;
        } else {
            k += 1;
        }
    }
    let bytes = |toks: &[Range<usize>], r: &Range<usize>, at: usize| {
        if r.is_empty() {
            at..at
        } else {
            toks[r.start].start..toks[r.end - 1].end
        }
    };
    let mut segs = Vec::new();
    let (mut pos_a, mut pos_b) = (0, 0);
    for (equal, ra, rb) in runs {
        let at_a = ta.get(ra.start).map_or(pos_a, |t| t.start.max(pos_a));
        let at_b = tb.get(rb.start).map_or(pos_b, |t| t.start.max(pos_b));
        let sa = bytes(&ta, &ra, if ra.is_empty() { pos_a } else { at_a });
        let sb = bytes(&tb, &rb, if rb.is_empty() { pos_b } else { at_b });
        if !ra.is_empty() {
            pos_a = sa.end;
        }
        if !rb.is_empty() {
            pos_b = sb.end;
        }
        if equal {
            segs.push(Seg::Same { a: sa, b: sb });
        } else if ra.len() == rb.len()
            && ra
                .clone()
                .zip(rb.clone())
                .all(|(i, j)| near_identical(ka[i], kb[j]))
        {
            // Word for word near-identical spellings: show the letters that differ.
            for (n, (i, j)) in ra.clone().zip(rb.clone()).enumerate() {
                if n > 0 {
                    // The gap between the words stays as it is.
                    segs.push(Seg::Same {
                        a: ta[i - 1].end..ta[i - 1].end,
                        b: tb[j - 1].end..tb[j - 1].end,
                    });
                }
                let (prefix, suffix) = affixes(ka[i], kb[j]);
                segs.push(Seg::Word {
                    a: ta[i].clone(),
                    b: tb[j].clone(),
                    prefix,
                    suffix: suffix.min(ka[i].len() - prefix).min(kb[j].len() - prefix),
                });
            }
        } else {
            segs.push(Seg::Change { a: sa, b: sb });
        }
    }
    WordDiff { a, b, segs }
}

/// Which sides of a diff to show.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Sides {
    /// `a`, with what `b` lacks marked.
    Old,
    /// `b`, with what `a` lacks marked.
    New,
    /// Both in one line, git word-diff style.
    Both,
}

fn push(out: &mut Vec<Piece>, piece: Piece) {
    match (out.last_mut(), &piece) {
        (_, Piece::Same(t) | Piece::Removed(t) | Piece::Added(t)) if t.is_empty() => {}
        (Some(Piece::Same(a)), Piece::Same(b))
        | (Some(Piece::Removed(a)), Piece::Removed(b))
        | (Some(Piece::Added(a)), Piece::Added(b)) => a.push_str(b),
        _ => out.push(piece),
    }
}

impl WordDiff<'_> {
    /// How many words are shown with a highlight inside them.
    pub fn in_word_highlights(&self) -> usize {
        self.segs
            .iter()
            .filter(|s| matches!(s, Seg::Word { .. }))
            .count()
    }

    /// Whether the two texts have the same tokens.
    pub fn is_identical(&self) -> bool {
        self.segs.iter().all(|s| matches!(s, Seg::Same { .. }))
    }

    /// The pieces of one side (or both) in reading order; whitespace between tokens is kept as
    /// written on the side shown.
    pub fn pieces(&self, sides: Sides) -> Vec<Piece> {
        let (a, b) = (self.a, self.b);
        let mut out = Vec::new();
        let (mut pa, mut pb) = (0usize, 0usize);
        // The text between the previous segment and this one, on the side that leads.
        let gap = |text: &str, pos: usize, start: usize| -> String {
            text.get(pos..start.max(pos))
                .unwrap_or_default()
                .to_string()
        };
        for seg in &self.segs {
            let (ra, rb) = match seg {
                Seg::Same { a, b } | Seg::Change { a, b } | Seg::Word { a, b, .. } => {
                    (a.clone(), b.clone())
                }
            };
            let a_gap = gap(a, pa, ra.start);
            let b_gap = gap(b, pb, rb.start);
            match sides {
                Sides::Old => push(&mut out, Piece::Same(a_gap.clone())),
                Sides::New => push(&mut out, Piece::Same(b_gap.clone())),
                Sides::Both => {
                    if ra.is_empty() && !rb.is_empty() {
                        push(&mut out, Piece::Same(b_gap.clone()));
                    } else {
                        push(&mut out, Piece::Same(a_gap.clone()));
                    }
                }
            }
            match seg {
                Seg::Same { .. } => {
                    let text = if sides == Sides::New {
                        &b[rb.clone()]
                    } else {
                        &a[ra.clone()]
                    };
                    push(&mut out, Piece::Same(text.to_string()));
                }
                Seg::Change { .. } => {
                    if sides != Sides::New && !ra.is_empty() {
                        push(&mut out, Piece::Removed(a[ra.clone()].to_string()));
                    }
                    if sides != Sides::Old && !rb.is_empty() {
                        push(&mut out, Piece::Added(b[rb.clone()].to_string()));
                    }
                }
                Seg::Word { prefix, suffix, .. } => {
                    let (wa, wb) = (&a[ra.clone()], &b[rb.clone()]);
                    let (p, s) = (*prefix, *suffix);
                    let lead = if sides == Sides::New { wb } else { wa };
                    push(&mut out, Piece::Same(lead[..p].to_string()));
                    if sides != Sides::New {
                        push(&mut out, Piece::Removed(wa[p..wa.len() - s].to_string()));
                    }
                    if sides != Sides::Old {
                        push(&mut out, Piece::Added(wb[p..wb.len() - s].to_string()));
                    }
                    push(&mut out, Piece::Same(lead[lead.len() - s..].to_string()));
                }
            }
            if !ra.is_empty() || matches!(seg, Seg::Same { .. }) {
                pa = pa.max(ra.end);
            }
            if !rb.is_empty() || matches!(seg, Seg::Same { .. }) {
                pb = pb.max(rb.end);
            }
        }
        match sides {
            Sides::New => push(&mut out, Piece::Same(gap(b, pb, b.len()))),
            _ => push(&mut out, Piece::Same(gap(a, pa, a.len()))),
        }
        out
    }
}

const REMOVED: Style = AnsiColor::Red.on_default().bold().underline();
const ADDED: Style = AnsiColor::Green.on_default().bold().underline();

/// Renders pieces for a terminal (`color`) or as plain text with `[-…-]` and `{+…+}` marks.
pub fn render_pieces(pieces: &[Piece], color: bool) -> String {
    let mut s = String::new();
    for p in pieces {
        match p {
            Piece::Same(t) => s.push_str(t),
            Piece::Removed(t) if color => s.push_str(&format!("{REMOVED}{t}{REMOVED:#}")),
            Piece::Removed(t) => s.push_str(&format!("[-{t}-]")),
            Piece::Added(t) if color => s.push_str(&format!("{ADDED}{t}{ADDED:#}")),
            Piece::Added(t) => s.push_str(&format!("{{+{t}+}}")),
        }
    }
    s
}

/// `a` with what `b` lacks marked: red in colour, `[-…-]` without.
pub fn render_old(diff: &WordDiff<'_>, color: bool) -> String {
    render_pieces(&diff.pieces(Sides::Old), color)
}

/// `b` with what `a` lacks marked: green in colour, `{+…+}` without.
pub fn render_new(diff: &WordDiff<'_>, color: bool) -> String {
    render_pieces(&diff.pieces(Sides::New), color)
}

/// Both in one line, git word-diff style.
pub fn render_inline(diff: &WordDiff<'_>, color: bool) -> String {
    render_pieces(&diff.pieces(Sides::Both), color)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(a: &str, b: &str) -> String {
        render_inline(&word_diff(a, b), false)
    }

    #[test]
    fn chinese_is_compared_character_by_character() {
        assert_eq!(
            inline("货车撞上港口大桥", "货车撞击港口大桥"),
            "货车撞[-上-]{+击+}港口大桥"
        );
    }

    #[test]
    fn near_identical_spellings_are_highlighted_inside_the_word() {
        assert_eq!(
            inline("Mark Jansen said", "Mark Janssen said"),
            "Mark Jans{+s+}en said"
        );
        assert_eq!(
            inline("more than €20 billion", "more than 20 billion"),
            "more than [-€-]20 billion"
        );
        assert_eq!(inline("We need it", "we need it"), "[-W-]{+w+}e need it");
        assert_eq!(
            word_diff("Mark Jansen said", "Mark Janssen said").in_word_highlights(),
            1
        );
    }

    #[test]
    fn dissimilar_words_are_replaced_whole() {
        assert_eq!(
            inline("NATO was built", "NATO is built"),
            "NATO [-was-]{+is+} built"
        );
        assert_eq!(inline("He said", "Smith said"), "[-He-]{+Smith+} said");
        let d = word_diff("NATO was built", "NATO is built");
        assert_eq!(d.in_word_highlights(), 0);
    }

    #[test]
    fn runs_of_changes_merge_into_one_phrase() {
        assert_eq!(
            inline(
                "He paid tribute to the victims and reiterated support",
                "Smith said that allies would continue support"
            ),
            "[-He paid tribute to the victims and reiterated-]{+Smith said that allies would continue+} support"
        );
    }

    #[test]
    fn a_lone_stop_word_between_changes_is_no_anchor() {
        // "the" is common to both but only as a chance match between two replaced phrases.
        assert_eq!(
            inline("we saw the old house today", "they sold the new car today"),
            "[-we saw the old house-]{+they sold the new car+} today"
        );
    }

    #[test]
    fn the_diff_anchors_on_a_shared_tail() {
        let a = "Speaking ahead of the meeting, Mark Jansen said the discussions would centre on \
                 defence, which he described as “the foundation on which the union was built, \
                 and it remains our number one priority.”";
        let b = "\"It is the foundation on which the union is built and remains our number one \
                 priority.";
        let out = inline(a, b);
        assert!(
            out.contains("the foundation on which the union [-was-]{+is+} built"),
            "{out}"
        );
        assert!(out.contains("remains our number one priority."), "{out}");
        assert_eq!(word_diff(a, b).in_word_highlights(), 0);
    }

    #[test]
    fn dropped_and_added_words_on_each_side() {
        let d = word_diff(
            "we must build a stronger, a fairer and more lethal alliance",
            "we need to build a stronger, fairer and more lethal alliance",
        );
        assert_eq!(
            render_old(&d, false),
            "we [-must-] build a stronger, [-a-] fairer and more lethal alliance"
        );
        assert_eq!(
            render_new(&d, false),
            "we {+need to+} build a stronger, fairer and more lethal alliance"
        );
        assert_eq!(
            render_inline(&d, false),
            "we [-must-]{+need to+} build a stronger, [-a-] fairer and more lethal alliance"
        );
    }

    #[test]
    fn identical_text_has_no_marks() {
        let d = word_diff("same words here", "same words here");
        assert!(d.is_identical());
        assert_eq!(
            d.pieces(Sides::Both),
            vec![Piece::Same("same words here".into())]
        );
    }

    #[test]
    fn each_side_keeps_its_own_text() {
        let (a, b) = ("  Rutler said: yes ", "Rutlers  said:\tno");
        let d = word_diff(a, b);
        let text = |sides| -> String {
            d.pieces(sides)
                .iter()
                .map(|p| match p {
                    Piece::Same(t) | Piece::Removed(t) | Piece::Added(t) => t.as_str(),
                })
                .collect()
        };
        assert_eq!(text(Sides::Old), a);
        assert_eq!(text(Sides::New), b);
    }

    #[test]
    fn tokens_are_words_and_punctuation() {
        let t = "“It’s €20,5 — well-known,” he said.";
        let words: Vec<&str> = tokens(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            words,
            vec![
                "“",
                "It’s",
                "€20,5",
                "—",
                "well-known",
                ",",
                "”",
                "he",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for (a, b) in [
            ("", ""),
            ("", "x"),
            ("x", ""),
            ("ééé", "éé"),
            ("a-", "-a"),
            ("’’", "'"),
            ("𝓮𝔁𝓹", "exp"),
        ] {
            let d = word_diff(a, b);
            let _ = render_inline(&d, true);
            let _ = render_old(&d, false);
            let _ = render_new(&d, false);
        }
    }
}
