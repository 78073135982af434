//! Event clusters. Every article is in exactly one cluster.
//!
//! 1. **Copies**: articles that share most of their informative five-word shingles (a
//!    syndicated copy, a re-run, a partial copy) become one unit. Shingles come from a sorted
//!    table, never all pairs.
//! 2. **Content similarity** between units: cosine of IDF-weighted vectors of content words,
//!    names and numbers (a headline line counted double, a separate title field once, very
//!    common terms dropped), from a sparse graph built with an inverted index
//!    ([`crate::index::terms`]).
//! 3. **Dates are soft evidence**: similarity decays with the gap between two dated articles;
//!    a recurring report (different days, figures that mostly differ; a short report of
//!    figures two working days apart even with the same figures), two template stories about
//!    different subjects (two issuers' bond notices) and two short reports whose headlines
//!    name different markets in one frame ("OMAHA HOGS …", "ST LOUIS HOGS …") are never
//!    linked.
//! 4. **Average linkage** over that graph: two clusters merge only when the *average*
//!    similarity over all their pairs reaches the threshold, so one bridging pair cannot chain
//!    two events together; a merge never makes a cluster's dated articles span more than
//!    `max_date_span_days` (an undated article never bridges two dated groups).
//! 5. A last pass attaches a lone article to the one cluster it clearly belongs to: closer
//!    to it than to any other, and either close enough on average or a neighbour of nearly
//!    all of a widely covered event's articles.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap, HashMap};

use rayon::prelude::*;

use crate::index::terms::{
    overlap, shared_terms, similar_pairs, term_counts, Idf, Overlap, TermVector, MAX_NEIGHBOURS,
};
use crate::index::{candidate_pairs, shared_shingles, Signature};
use crate::model::Document;
use crate::text::features::{hash_words, token_hash, SentenceFeatures};

/// Maps keyed by hashes, indices or names: a fast fixed-seed hasher (no order is read off
/// them).
type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// When two articles count as covering the same event (`[cluster]` in wirecheck.toml).
#[derive(Debug, Clone, Copy, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ClusterParams {
    /// Average content similarity (0-1) between two groups of articles that joins them.
    pub threshold: f64,
    /// Dated articles up to this many days apart are compared at full weight.
    pub date_grace_days: i64,
    /// Beyond the grace period, similarity halves every this many days.
    pub date_half_life_days: f64,
    /// The dated articles of one cluster never span more days than this.
    pub max_date_span_days: i64,
    /// Articles of text at large whose word counts are pooled with the input's when words
    /// are weighed (0: the input's own counts only). For an input that is the coverage of one
    /// story, whose words are in every article of it: see [`crate::index::background`].
    pub background_articles: f64,
}

impl Default for ClusterParams {
    fn default() -> Self {
        ClusterParams {
            threshold: 0.2,
            date_grace_days: 2,
            date_half_life_days: 7.0,
            max_date_span_days: 14,
            background_articles: 0.0,
        }
    }
}

/// Two excerpts of one article sharing less than this share of the smaller one's shingles tell
/// unrelated stories (see `without_excerpts_of_compilations`).
const EXCERPTS_UNRELATED: f64 = 0.2;
/// And less than this share of the smaller one's content words.
const EXCERPTS_WORDS_UNRELATED: f64 = 0.1;
/// Excerpts of one article compared with one another for `without_excerpts_of_compilations`.
const MAX_EXCERPTS_COMPARED: usize = 20;
/// A word in at most one article in this many (or in [`RARE_WORD_MIN_DF`]) is rare: it tells
/// which story, where "said" or "officials" do not.
const RARE_WORD_SHARE: usize = 20;
const RARE_WORD_MIN_DF: usize = 3;
/// Rare words an excerpt needs before the rest of its container is judged by them.
const REST_MIN_RARE_WORDS: usize = 5;
/// Shingles two articles share for one to hold a passage of the other (a sentence or so).
const PASSAGE_MIN_SHINGLES: usize = 8;
/// Share of the smaller article's informative shingles the other must carry to be a copy.
pub const COPY_CONTAINMENT: f64 = 0.6;
/// And at least this many shared shingles.
pub const COPY_MIN_SHINGLES: usize = 4;
/// Clusters whose pairs number at most this are compared pair by pair, exactly; larger ones
/// by a fixed sample of this many of their pairs.
const EXACT_PAIRS: usize = 400;
/// Articles with at least this many distinct figures are compared as possible recurring
/// reports.
const RECURRING_MIN_NUMBERS: usize = 4;
/// ... and with at least one figure in this many words: a report full of figures (a price
/// table, a weekly estimate). A news story gives a figure in a hundred words or more, and two
/// accounts of one event days apart give mostly other figures (ages, counts, the day's new
/// toll): BASIL's accounts one to three days apart were parted by their figures.
const RECURRING_WORDS_PER_FIGURE: usize = 50;
/// A report with the same figures dated at most this many working days later is a re-run.
const RERUN_MAX_WORKING_DAYS: i64 = 1;
/// A routine report under one title needs at least this many figures to tell its editions.
const ROUTINE_MIN_NUMBERS: usize = 2;
/// A report of at most this many words, with a figure per [`ROUTINE_WORDS_PER_FIGURE`] words
/// or more, reads as a routine report whatever its title.
const ROUTINE_MAX_WORDS: usize = 150;
/// See [`ROUTINE_MAX_WORDS`]: looser than a template's density, since the report must also be
/// short and its editions dated on different days.
const ROUTINE_WORDS_PER_FIGURE: usize = 35;
/// A report of at most this many words with a figure is a brief: routine whatever its
/// density.
const BRIEF_MAX_WORDS: usize = 60;
/// A routine report's editions may repeat a round amount, not the rest of their figures.
const ROUTINE_MAX_SHARED: f64 = 0.5;
/// Share of figures below which two reports from different days are two editions.
const RECURRING_MAX_SHARED: f64 = 0.34;
/// Two stories of one template share fewer figures than this (a share of the smaller
/// article's); standard terms such as denominations keep it above the recurring-report bound.
const TEMPLATE_MAX_SHARED: f64 = 0.6;
/// A story with at least one distinct figure per this many words reads as a template.
const TEMPLATE_WORDS_PER_FIGURE: usize = 25;
/// And at least this many distinct figures, unless it is a notice.
const TEMPLATE_MIN_NUMBERS: usize = 3;
/// A story of at most this many words is a notice (a dividend, a rate change): its one or two
/// figures are all it says.
const NOTICE_MAX_WORDS: usize = 40;
/// Content words two articles share, at least, to be joined by content: one rare word in
/// common ("registrations" of cars and of coffee exports) is a coincidence, however short the
/// two stories.
const MIN_SHARED_TERMS: usize = 2;
/// The strongest term two articles share makes up at most this share of their content
/// similarity: a company's name alone (its dividend, and another day its new chairman) is no
/// event in common.
const TOP_TERM_SHARE_MAX: f32 = 0.7;
/// Words that place a story's happening on its own day.
/// Words of the story's own day.
const TODAY_WORDS: &str = "today|tonight|this (?:morning|afternoon|evening)";
static TODAY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(&format!(r"(?i)\b(?:{TODAY_WORDS})\b")).expect("today pattern")
});
/// A reporting period named by the day it ends or starts ("the week ended March 28", "the
/// week of March 23", "the month ended March 31"; not "the month of March"): the month and
/// day.
static PERIOD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(&format!(
        r"(?i)\b(?:(?:week|period|fortnight)\s+(?:ended|ending|of|beginning|starting)|month\s+(?:ended|ending))\s+(?:(?:{}),?\s+)?(?P<day>{}\s+[0-3]?\d)\b",
        crate::text::WEEKDAYS.join("|"),
        crate::ingest::metadata::MONTH_RE
    ))
    .expect("period pattern")
});
/// A counted thing: an ordinal and the word after it ("its 101st store", "the second
/// quarter").
static ORDINAL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?P<n>\d{1,4}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+(?P<what>[a-z]+)\b",
    )
    .expect("ordinal pattern")
});
const ORDINAL_WORDS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];
/// Words after an ordinal that count the span of one happening ("the fourth day of the
/// strike", "for the second time", "the third straight session", "the second half", the
/// third leg of a trip), not one of a series.
const SPAN_WORDS: [&str; 15] = [
    "day",
    "week",
    "month",
    "year",
    "time",
    "consecutive",
    "straight",
    "successive",
    "session",
    "hour",
    "half",
    "leg",
    "inning",
    "period",
    "lap",
];
/// The story's own day or week, as its lead tells it (a weekday is a day of the week the
/// story was filed in: "effective Saturday").
static OWN_TIME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(&format!(
        r"(?i)\b(?:{TODAY_WORDS}|yesterday|this week|last week|{})\b",
        crate::text::WEEKDAYS.join("|")
    ))
    .expect("own time pattern")
});
/// Two stories at least this many days apart, each telling of its own day or week in one
/// lead, are two happenings: a weekly report's editions are seven days apart, while a
/// follow-up of the same days tells its news in new words.
const EDITIONS_MIN_DAYS_APART: i64 = 5;
/// Share of the shorter lead's content words the other lead holds for the two to be one
/// lead (see [`one_lead_of_other_weeks`]).
const ONE_LEAD_SHARE: f64 = 0.5;
/// Two named reporting periods at least this many days apart are two editions' periods: one
/// bulletin may sum up its sections over weeks ending a day apart.
const PERIODS_MIN_DAYS_APART: i64 = 3;
/// Words before a stock symbol read as the company's name ("Allied Signal Inc <ALD>").
const COMPANY_WORDS: usize = 4;
/// Similarity kept by two articles whose leads name participants the other never mentions.
const OTHER_PARTICIPANTS_FACTOR: f64 = 0.5;
/// A lead has at least this many words.
const LEAD_MIN_WORDS: usize = 6;
/// A story with at least this many words of evidence is a narrative: outlets telling one
/// event in their own words share a smaller part of so many words than short reports do.
const NARRATIVE_MIN_WORDS: usize = 250;
/// A narrative alone after the linkage joins a small cluster of narratives it clearly belongs
/// to (twice as close as to any other) at this share of the threshold.
const NARRATIVE_ATTACH_SHARE: f64 = 0.75;
/// A lone article joins a cluster of at least this many units that it is a graph neighbour
/// of nearly all of (see [`COVERED_SHARE`]): a widely covered event, told by many outlets in
/// many words, whose average similarity with one more account in its own words stays low.
const COVERED_CLUSTER_MIN: usize = 8;
/// See [`COVERED_CLUSTER_MIN`]: the share of the cluster's units the lone article must
/// neighbour. A story that is only near the event (another company's results on the day of
/// a takeover bid) neighbours a few of its accounts, not nearly all.
const COVERED_SHARE: f64 = 0.8;
/// A person named in at least this many sentences of an article, and in this many times as
/// many as any other person, is the one it is about (its focus).
const FOCUS_MIN_SENTENCES: u32 = 3;
/// See [`FOCUS_MIN_SENTENCES`].
const FOCUS_DOMINANCE: u32 = 2;
/// A name in at most this many sentences of an article, and in fewer than half as many as in
/// the article about it, is mentioned in passing (a player's earlier arrest in the story of
/// his team-mate's).
const PASSING_MENTIONS: u32 = 2;
/// Or this few letters apart (a name replaced by a near word in translation: two edits).
const RESPELLING_EDITS: usize = 2;
/// A name in more than one in this many articles of the input is no one participant.
const PARTICIPANT_DF_SHARE: usize = 20;
/// Two names this close (Jaro-Winkler) may be one name spelt two ways.
const SAME_NAME_SIMILARITY: f64 = 0.85;
/// Shared opening words of two titles before the subject (the exchange in "CBT CORN
/// FUTURES", "CBT WHEAT FUTURES").
const TITLE_FRAME_PREFIX: usize = 1;
/// Title words shorter than this are never taken for a respelling of each other.
const TITLE_RESPELLING_MIN_LETTERS: usize = 5;
/// A name in at most this many articles (a syndicated story and its copies counted once) may
/// be read as a respelling of a name the input attests more (see [`respelt_names`]): a
/// translation's slip is one outlet's.
const RESPELT_MAX_ARTICLES: usize = 1;
/// The spelling it is read as is in at least this many times as many articles, and in two.
const RESPELT_ATTESTED_FACTOR: usize = 2;
/// Names shorter than this are never read as respellings: short names have many real
/// neighbours ("Jonas", "Jones"; "Marie", "Mario").
const RESPELT_MIN_LETTERS: usize = 6;
/// Nor are words longer than this (a run of letters without a space in a hostile input).
const RESPELT_MAX_LETTERS: usize = 40;
/// A title's subject is one or two words ("OMAHA", "ST LOUIS").
const TITLE_SUBJECT_WORDS: usize = 2;
/// Terms shown as a link's evidence.
const EVIDENCE_TERMS: usize = 6;

/// Days since 1970-01-01 of an ISO date `YYYY-MM-DD`.
pub fn days(iso: &str) -> Option<i64> {
    let mut parts = iso.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.get(..2)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(-100_000..=100_000).contains(&y) {
        return None;
    }
    // Civil-from-days inverse (proleptic Gregorian).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clusters {
    /// Cluster index of every document.
    pub of_document: Vec<usize>,
    /// Members of every cluster, in document order; clusters ordered by their first member.
    pub members: Vec<Vec<usize>>,
    /// Compilations (digests, roundups) that join no event, sorted: the document and two
    /// unrelated articles it holds (see [`Compilation`]).
    pub compilations: Vec<Compilation>,
}

/// An article read as a compilation: it holds passages of two unrelated articles (a digest
/// of the day's news), so it joins neither's event, nor any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Compilation {
    pub document: usize,
    /// Two articles it holds whole or in passages, unrelated to each other.
    pub holds: [usize; 2],
}

/// Why two articles were joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// One carries most of the other's text.
    Copy,
    /// Their content words, names and figures agree.
    Content,
    /// One is a neighbour of nearly all of the other's cluster: one more account of a widely
    /// covered event (see [`COVERED_CLUSTER_MIN`]).
    Coverage,
}

impl LinkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Copy => "copy",
            LinkKind::Content => "content",
            LinkKind::Coverage => "coverage",
        }
    }
}

/// The evidence for joining two documents (or the two groups they stood for).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub kind: LinkKind,
    /// For a content or coverage link: the average similarity (0-1, after the date discount)
    /// of the two groups it joined; for a copy: the share of the shorter article found in the
    /// other.
    pub similarity: f64,
    /// The shared terms that weigh most, as normalised words.
    pub shared_terms: Vec<String>,
    pub date_gap_days: Option<i64>,
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    /// Returns whether the two were apart.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller index becomes the root: the result does not depend on edge order.
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
        ra != rb
    }
}

/// What clustering needs to know about each document.
#[derive(Default)]
struct DocFacts {
    date: Option<i64>,
    /// Distinct figures, sorted.
    numbers: Vec<u64>,
    /// Counts written as words ("seven grain ships loading"), as the figures they stand for,
    /// sorted, distinct and not among [`Self::numbers`]: a routine report under one title
    /// spells its small figures out, and only they change from one day's edition to the next.
    counts: Vec<u64>,
    /// Words of the article's event evidence (figures included).
    words: usize,
    /// The subject of the lead (the first body sentence): the run of capitalised words it
    /// opens with ("Kingdom of Sweden is issuing…"), sorted and distinct; names common to many
    /// leads of the input ("Corp", a month) are taken out by [`cluster`]. Who the story is
    /// about.
    lead_subject: Vec<u64>,
    /// The same run in the title, used when the lead names no one. A headline in capitals
    /// or title case is one run from its first word to its last ("ACME ISSUES AUSTRALIAN
    /// DLR BOND"), so it names the subject less exactly than the lead.
    title_subject: Vec<u64>,
    /// The words of [`Self::lead_subject`] (sorted, distinct hashes; from the headline when
    /// there is no body sentence) when there are two or more ("The Bank of England said"),
    /// kept by [`cluster`] before widespread words are taken out: one institution's stories
    /// of a day name it so, where its words open many leads of the input. `None` until then.
    lead_name: Option<Vec<u64>>,
    /// The story tells what happens on its own day ("today", "this morning").
    tells_of_today: bool,
    /// The lead (its first sentence of prose) tells of the story's own day or week ("today",
    /// "yesterday's tender", "last week", "on Tuesday"): what happened then, not before.
    lead_tells_its_time: bool,
    /// The lead tells what happens on the story's own day ("today", "this morning").
    lead_says_today: bool,
    /// The lead's content words, hashed, sorted and distinct; kept only when the lead tells
    /// its own time (see [`one_lead_of_other_weeks`]).
    lead_words: Vec<u64>,
    /// What its lead counts ("its 101st store"): the counted word, hashed, and the ordinal,
    /// sorted and distinct (see [`ordinals_named`]).
    ordinals: Vec<(u64, u32)>,
    /// The reporting periods its lead names ("in the week ended March 28"), as days of a
    /// leap year, sorted and distinct: the edition of a weekly report it is.
    periods: Vec<i64>,
    /// The lead opens with a label and a colon ("Note: Current figures exclude …"): the
    /// capitalised words that follow are no one's name.
    lead_labelled: bool,
    /// Stock symbols in the title or the lead (`<ACME.O>`, `(NYSE: ACME)`), sorted and
    /// distinct: who the story is about, where financial copy names it exactly.
    tickers: Vec<u64>,
    /// The title, lower-cased and hashed: a routine report runs under one title every day.
    title: Option<u64>,
    /// The amounts of money and the percentages the title gives ("GETS 303.9 MLN DLR
    /// CONTRACT"; see [`amounts`]).
    title_amounts: Vec<Amount>,
    /// The figures of the title, hashed, when it gives an amount (empty otherwise): a title
    /// may tell the amount its story follows ("RAISED TO 150 MLN DLRS FROM 100 MLN").
    title_numbers: Vec<u64>,
    /// The same of the lead (its first sentence of prose), for a story with no stock symbol
    /// whose lead opens with a name of two words or more (empty otherwise; see
    /// [`one_institutions_days`]).
    lead_amounts: Vec<Amount>,
    /// The title's words in order (figures left out): where two reports of one kind name
    /// their subjects ("OMAHA HOGS …", "ST LOUIS HOGS …").
    title_words: Vec<TitleWord>,
    /// Names (capitalised words past a sentence's first) of the lead, lower case, sorted and
    /// distinct: who the story's main event involves.
    lead_names: Vec<String>,
    /// Names of the whole article (its event evidence), lower case, sorted and distinct.
    names: Vec<String>,
    /// Names of the event evidence (capitalised words with a lower-case letter, a sentence's
    /// first word too), lower case and sorted, with the number of sentences naming each: how
    /// often a person is mentioned.
    mention_counts: Vec<(String, u32)>,
    /// The person the article is about, with the number of sentences naming them (see
    /// [`focus_person`] and [`PersonNames`]).
    focus: Option<(String, u32)>,
    /// Names of the title and the lead, first words too, that the text uses, lower case,
    /// sorted and distinct: whom the story opens with. Kept, like
    /// [`Self::mention_counts`], only for an article with a [`Self::focus`].
    opening_names: Vec<String>,
    /// The words naming the company before its stock symbol ("USAIR GROUP <U>"), hashed,
    /// sorted and distinct; words that name many companies ("Inc", "Group") are taken out by
    /// [`cluster`].
    company: Vec<u64>,
    /// Every word of the title and the event evidence, hashed, sorted and distinct, for a
    /// story with a stock symbol or a short one (empty otherwise): whether it names another
    /// company or subject at all (see [`other_companies`], [`notices_of_unnamed_subjects`]).
    vocabulary: Vec<u64>,
    /// The initials of the lead's opening name of three words or more, hashed ("IBM" for
    /// "International Business Machines Corp"), for a short story: another story may name
    /// the subject so.
    subject_initials: Option<u64>,
}

impl DocFacts {
    /// A short story or report: at most [`ROUTINE_MAX_WORDS`] words of evidence.
    fn short(&self) -> bool {
        self.words <= ROUTINE_MAX_WORDS
    }

    /// Its figures, with the counts it spells out or without them.
    fn figures(&self, with_counts: bool) -> Figures<'_> {
        Figures {
            numbers: &self.numbers,
            counts: if with_counts { &self.counts } else { &[] },
        }
    }
}

/// A word of a title, lower case, and whether it is a function word.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TitleWord {
    word: Box<str>,
    function: bool,
}

fn title_words(title: &str) -> Vec<TitleWord> {
    // A stock symbol names the subject exactly; [`DocFacts::tickers`] compares those.
    crate::text::STOCK_SYMBOL
        .replace_all(title, " ")
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '&')))
        .map(|w| w.trim_matches('.'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(|w| {
            let lower = w.to_lowercase();
            TitleWord {
                function: crate::index::is_function_word(&lower),
                word: lower.into(),
            }
        })
        .collect()
}

/// Whether two titles put different subjects into one frame: "ST LOUIS HOGS UP 1.00 DLR" and
/// "OMAHA HOGS OPEN UP", "CBT CORN FUTURES CLOSE HIGHER" and "CBT WHEAT FUTURES RALLY": after
/// at most one shared opening word, one or two words of each title that the other lacks,
/// then a shared content word. A title that only adds a word ("FLASH OMAHA HOGS …") or
/// differs in its verb phrase ("FED EXPECTED TO ADD RESERVES", "FED ADDS RESERVES") does
/// not.
fn title_subjects_differ(a: &[TitleWord], b: &[TitleWord]) -> bool {
    // Read from both titles, so the answer never depends on which comes first.
    subject_slots_differ(a, b) && subject_slots_differ(b, a)
}

/// [`title_subjects_differ`] read from `a`: the first word of `a` after the shared opening
/// that `b` also has is the frame word; the words before it in each are the subjects.
fn subject_slots_differ(a: &[TitleWord], b: &[TitleWord]) -> bool {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if prefix > TITLE_FRAME_PREFIX || prefix == a.len().min(b.len()) {
        return false;
    }
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    let Some((i, j)) = ra
        .iter()
        .enumerate()
        .find_map(|(i, w)| Some((i, rb.iter().position(|x| x == w)?)))
    else {
        return false;
    };
    let (slot_a, slot_b) = (&ra[..i], &rb[..j]);
    if !(1..=TITLE_SUBJECT_WORDS).contains(&i)
        || !(1..=TITLE_SUBJECT_WORDS).contains(&j)
        || ra[i].function
        || slot_a.iter().chain(slot_b).any(|w| w.function)
        || slot_a.iter().any(|w| b.contains(w))
        || slot_b.iter().any(|w| a.contains(w))
    {
        return false;
    }
    // A misspelt name corrected in a re-run ("FIELDCOR", then "FIDELCOR") is one subject;
    // short words a letter or two apart ("CITY", "CBT") are not one word.
    let respelt = |x: &str, y: &str| {
        x.chars().count().min(y.chars().count()) >= TITLE_RESPELLING_MIN_LETTERS
            && may_be_respelling(x, y)
            && strsim::jaro_winkler(x, y) >= SAME_NAME_SIMILARITY
    };
    !slot_a
        .iter()
        .any(|x| slot_b.iter().any(|y| respelt(&x.word, &y.word)))
}

/// Capitalised words of a sentence after its first word, lower-cased: the names it mentions.
fn sentence_names(text: &str, out: &mut Vec<String>) {
    read_names(text, out, false, None);
}

/// Reads a sentence's words once: its names as [`sentence_names`] gives them (its first word
/// too when `first_word`), and, when `people` is given, what tells people's names (see
/// [`PersonNames`]).
fn read_names(
    text: &str,
    out: &mut Vec<String>,
    first_word: bool,
    mut people: Option<&mut PersonNames>,
) {
    let mut here: Vec<String> = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let (mut run_after_article, mut previous_article) = (false, false);
    let mut previous_end = 0usize;
    let words = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty());
    for (i, token) in words.enumerate() {
        let w = token.trim_matches(|c: char| !c.is_alphanumeric());
        let mut name = None;
        if w.chars().next().is_some_and(char::is_uppercase) && w.chars().nth(1).is_some() {
            let mut lower = w.to_lowercase();
            for suffix in ["'s", "’s"] {
                if let Some(stem) = lower.strip_suffix(suffix) {
                    lower = stem.to_string();
                }
            }
            if !crate::index::is_function_word(&lower) && !crate::text::is_calendar_word(&lower) {
                name = Some(lower);
            }
        }
        let named = i > 0 || first_word;
        let Some(people) = people.as_deref_mut() else {
            if named {
                out.extend(name);
            }
            continue;
        };
        // Punctuation between two words ("Cairo, Egypt") ends a run of names.
        let start = token.as_ptr() as usize - text.as_ptr() as usize;
        let parted =
            !text[previous_end..start].chars().all(char::is_whitespace) || !token.starts_with(w);
        previous_end = start + token.len();
        if parted {
            people.close(&mut run, run_after_article);
            previous_article = false;
        }
        if named {
            out.extend(name.iter().cloned());
        }
        // A word in capitals throughout ("NFL", "DUI", "NFL's") is no one's name.
        let stem = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        match name.filter(|_| stem.chars().any(char::is_lowercase)) {
            Some(lower) => {
                if run.is_empty() {
                    run_after_article = previous_article;
                }
                here.push(lower.clone());
                run.push(lower);
                previous_article = false;
            }
            None => {
                people.close(&mut run, run_after_article);
                previous_article = ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(w));
            }
        }
        if !token.ends_with(w) {
            people.close(&mut run, run_after_article);
            previous_article = false;
        }
    }
    if let Some(people) = people {
        people.close(&mut run, run_after_article);
        here.sort_unstable();
        here.dedup();
        people.mentioned.append(&mut here);
    }
}

/// Articles before a name: an organisation's ("the Saints", "the Interior Department"),
/// never a person's.
const ARTICLES: [&str; 12] = [
    "the", "le", "la", "les", "der", "die", "das", "el", "los", "las", "il", "gli",
];

/// Names read as people's: a person is introduced by a run of names ("Jamal Williams") and
/// then called by the last one alone ("Williams said"), never after an article ("the
/// Chargers"). A place or a company named by one word ("Egypt", "Seacom") never ends a run, a
/// place of two ("San Diego") is never called by its last word alone.
#[derive(Default)]
struct PersonNames {
    run_ends: Vec<String>,
    alone: Vec<String>,
    with_article: Vec<String>,
    /// Every name once per sentence naming it.
    mentioned: Vec<String>,
}

impl PersonNames {
    fn close(&mut self, run: &mut Vec<String>, after_article: bool) {
        if after_article {
            self.with_article.append(run);
        } else if run.len() == 1 {
            self.alone.append(run);
        } else if let Some(last) = run.pop() {
            self.run_ends.push(last);
            run.clear();
        }
    }

    /// The names read as people's, sorted and distinct; and every name with the number of
    /// sentences naming it, sorted.
    fn finish(mut self) -> (Vec<String>, Vec<(String, u32)>) {
        for v in [&mut self.run_ends, &mut self.alone, &mut self.with_article] {
            v.sort_unstable();
            v.dedup();
        }
        let mut people = self.run_ends;
        people.retain(|n| {
            self.alone.binary_search(n).is_ok() && self.with_article.binary_search(n).is_err()
        });
        self.mentioned.sort_unstable();
        let counts = self
            .mentioned
            .chunk_by(|x, y| x == y)
            .map(|run| (run[0].clone(), u32::try_from(run.len()).unwrap_or(u32::MAX)))
            .collect();
        (people, counts)
    }
}

/// The person an article is about: of `people`, the one in the most sentences, at least
/// [`FOCUS_MIN_SENTENCES`] and [`FOCUS_DOMINANCE`] times as many as any other person.
fn focus_person(people: &[String], mention_counts: &[(String, u32)]) -> Option<(String, u32)> {
    let mut by_person: Vec<(u32, &String)> = mention_counts
        .iter()
        .filter(|(name, _)| people.binary_search(name).is_ok())
        .map(|(name, count)| (*count, name))
        .collect();
    by_person.sort_unstable_by(|x, y| y.cmp(x));
    match by_person[..] {
        [(top, name), ..]
            if top >= FOCUS_MIN_SENTENCES
                && by_person
                    .get(1)
                    .is_none_or(|&(second, _)| top >= FOCUS_DOMINANCE.saturating_mul(second)) =>
        {
            Some((name.clone(), top))
        }
        _ => None,
    }
}

fn tickers(texts: &[&str]) -> Vec<u64> {
    let mut found: Vec<u64> = texts
        .iter()
        .flat_map(|t| crate::text::STOCK_SYMBOL.captures_iter(t))
        .filter_map(|c| c.get(1).or_else(|| c.get(2)))
        .map(|m| crate::text::features::token_hash(m.as_str()))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Words before the first stock symbol of the texts, up to [`COMPANY_WORDS`] back and not
/// past a sentence's punctuation: the company's name ("Acme Corp (NYSE: ACM) said").
fn company_words(texts: &[&str]) -> Vec<u64> {
    let Some((text, symbol)) = texts
        .iter()
        .find_map(|t| Some((*t, crate::text::STOCK_SYMBOL.find(t)?)))
    else {
        return Vec::new();
    };
    let before = &text[..symbol.start()];
    // Past the last mark that ends a clause (a curly quotation mark is three bytes long).
    let clause = before
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '.' | ';' | ':' | '\n' | '"' | '“' | '”'))
        .map_or(before, |(i, c)| &before[i + c.len_utf8()..]);
    let f = crate::text::features::features(&crate::text::tokens::tokenize(clause));
    let mut words: Vec<u64> = f
        .norms
        .iter()
        .rev()
        .take(COMPANY_WORDS)
        .filter(|w| f.content.binary_search(w).is_ok())
        .copied()
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// An amount of money or a percentage a title or lead gives ("303.9 mln dlrs", "5 pct").
#[derive(Debug, Clone, Copy, PartialEq)]
struct Amount {
    /// Its token's hash ("usd:303900000").
    token: u64,
    /// The hash of its bare value ("num:303900000"), which a story telling the amount without
    /// its unit ("from 228 mln") has.
    bare: u64,
    /// The hash of its unit ("usd", "pct").
    unit: u64,
    value: f64,
}

impl Amount {
    /// The amount of a number token's normal form; none for a bare number ("num:4").
    fn of(norm: &str) -> Option<Amount> {
        let token_hash = crate::text::features::token_hash;
        let (unit, value) = norm.split_once(':')?;
        if unit == "num" {
            return None;
        }
        Some(Amount {
            token: token_hash(norm),
            bare: token_hash(&format!("num:{value}")),
            unit: token_hash(unit),
            value: value.parse().ok()?,
        })
    }

    /// The same amount, or one rounded from the other ("212.4 mln dlrs", "212 mln dlrs").
    fn about(&self, other: &Amount) -> bool {
        self.unit == other.unit
            && (self.value - other.value).abs()
                <= AMOUNT_ROUNDING * self.value.abs().max(other.value.abs())
    }

    /// Whether `figures` (sorted hashes) tell this amount, with or without its unit.
    fn told_in(&self, figures: &[u64]) -> bool {
        figures.binary_search(&self.token).is_ok() || figures.binary_search(&self.bare).is_ok()
    }
}

/// Two amounts this close (a share of the larger) are one amount rounded two ways.
const AMOUNT_ROUNDING: f64 = 0.02;

/// The amounts of money and percentages among `tokens` (not bare numbers), distinct.
fn amounts(tokens: &[crate::text::tokens::Token]) -> Vec<Amount> {
    let mut amounts: Vec<Amount> = tokens
        .iter()
        .filter(|t| t.kind == crate::text::tokens::TokenKind::Number)
        .filter_map(|t| Amount::of(&t.norm))
        .collect();
    amounts.sort_unstable_by_key(|a| a.token);
    amounts.dedup_by_key(|a| a.token);
    amounts
}

/// The initials of a name of three words or more ("International Business Machines Corp":
/// "ibm"), company endings and connecting words left out, or `None`.
fn initials(name: &str) -> Option<String> {
    const ENDINGS: [&str; 9] = ["corp", "inc", "co", "ltd", "plc", "llc", "sa", "ag", "nv"];
    let letters: String = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            let lower = w.to_lowercase();
            !w.is_empty()
                && !ENDINGS.contains(&lower.as_str())
                && !crate::index::is_function_word(&lower)
        })
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    (letters.chars().count() >= 3).then_some(letters)
}

fn doc_facts(doc: &Document, features: &[SentenceFeatures], outlet: &[bool]) -> DocFacts {
    // The outlet's own text (see `outlet_text`) tells nothing about the story.
    let own = |k: usize| !outlet.get(k).copied().unwrap_or(false);
    // A dateline's date and time are the article's, not its story's figures (its few words
    // stay among the story's words: they hardly weigh against its length).
    let mut numbers: Vec<u64> = features
        .iter()
        .enumerate()
        .filter(|&(k, _)| {
            own(k)
                && doc
                    .sentences
                    .get(k)
                    .is_none_or(|s| s.kind != crate::model::SentenceKind::Dateline)
        })
        .flat_map(|(_, f)| f.numbers.iter().copied())
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let counts = spelled_counts(features, &own, &numbers);
    let sorted = |mut words: Vec<u64>| {
        words.sort_unstable();
        words.dedup();
        words
    };
    let lead_subject = sorted(
        doc.sentences
            .iter()
            .zip(features)
            .enumerate()
            .find(|&(k, (s, _))| s.kind == crate::model::SentenceKind::Body && own(k))
            .map(|(_, pair)| pair)
            // A story that is all table (a dividend notice) is about what its headline names.
            .or_else(|| {
                doc.sentences
                    .iter()
                    .zip(features)
                    .find(|(s, _)| s.kind == crate::model::SentenceKind::Headline)
            })
            .map(|(_, f)| subject_run(f))
            .unwrap_or_default(),
    );
    // A notice whose text is all figures names its subject only in the title.
    let title_tokens = doc.meta.title.as_deref().map(crate::text::tokens::tokenize);
    let title_features = title_tokens.as_deref().map(crate::text::features::features);
    let title_amounts = amounts(title_tokens.as_deref().unwrap_or_default());
    let title_numbers = match &title_features {
        Some(f) if !title_amounts.is_empty() => {
            let mut numbers = f.numbers.clone();
            numbers.sort_unstable();
            numbers.dedup();
            numbers
        }
        _ => Vec::new(),
    };
    let title_subject = sorted(title_features.as_ref().map(subject_run).unwrap_or_default());
    let lead = doc
        .sentences
        .iter()
        .enumerate()
        .find(|&(k, s)| s.kind == crate::model::SentenceKind::Body && own(k))
        .map(|(_, s)| s)
        .and_then(|s| doc.text.get(s.range.clone()))
        .unwrap_or("");
    let tickers = tickers(&[doc.meta.title.as_deref().unwrap_or(""), lead]);
    // The first sentence of prose (a stray fragment of a link or a date line is no lead).
    let (prose_lead, lead_features) = doc
        .sentences
        .iter()
        .enumerate()
        .filter(|&(k, s)| s.kind == crate::model::SentenceKind::Body && own(k))
        .filter_map(|(k, s)| Some((doc.text.get(s.range.clone())?, features.get(k)?)))
        .find(|(t, _)| t.split_whitespace().count() >= LEAD_MIN_WORDS)
        .map_or(("", None), |(t, f)| (t, Some(f)));
    // Compared only between leads opening with one name of two words or more (see
    // `lead_name`) and no stock symbol.
    let lead_amounts = if tickers.is_empty() && lead_subject.len() >= 2 {
        amounts(&crate::text::tokens::tokenize(prose_lead))
    } else {
        Vec::new()
    };
    let lead_tells_its_time = OWN_TIME.is_match(prose_lead);
    let lead_says_today = TODAY.is_match(prose_lead);
    let mut lead_names = Vec::new();
    sentence_names(prose_lead, &mut lead_names);
    lead_names.sort_unstable();
    lead_names.dedup();
    // First words too: a headline or lead may open with the name ("Keswick to play").
    let mut opening_names = Vec::new();
    for text in [doc.meta.title.as_deref().unwrap_or(""), prose_lead] {
        read_names(text, &mut opening_names, true, None);
    }
    let mut names = Vec::new();
    let mut repeated = Vec::new();
    let mut people = PersonNames::default();
    for (_, s) in doc
        .sentences
        .iter()
        .enumerate()
        .filter(|&(k, s)| s.kind.is_event_evidence() && own(k))
    {
        let mut here = Vec::new();
        let text = doc.text.get(s.range.clone()).unwrap_or("");
        read_names(text, &mut here, false, Some(&mut people));
        here.sort_unstable();
        here.dedup();
        names.extend(here);
    }
    names.sort_unstable();
    for run in names.chunk_by(|x, y| x == y) {
        if run.len() >= 2 {
            repeated.push(run[0].clone());
        }
    }
    names.dedup();
    let words = features
        .iter()
        .enumerate()
        .filter(|&(k, _)| own(k))
        .map(|(_, f)| f.norms.len())
        .sum();
    let (people, mut mention_counts) = people.finish();
    let focus = focus_person(&people, &mention_counts);
    if focus.is_some() {
        // A headline in capitals names everything: only names the text uses count.
        opening_names.retain(|n| {
            mention_counts
                .binary_search_by(|(m, _)| m.as_str().cmp(n))
                .is_ok()
        });
        opening_names.sort_unstable();
        opening_names.dedup();
    } else {
        // Read only when both articles of a pair are about someone.
        opening_names = Vec::new();
        mention_counts = Vec::new();
    }
    // A participant is named again after the lead; a passing mention is not one.
    lead_names.retain(|n| repeated.binary_search(n).is_ok());
    // Only a story with a stock symbol is compared by company (see `other_companies`), and
    // only a short one by its subject (see `notices_of_unnamed_subjects`): the others keep no
    // vocabulary, which a large corpus would hold in memory to no purpose.
    let short = words <= ROUTINE_MAX_WORDS;
    let mut vocabulary: Vec<u64> = Vec::new();
    if !tickers.is_empty() || short {
        vocabulary = doc
            .sentences
            .iter()
            .zip(features)
            .enumerate()
            .filter(|&(k, (s, _))| s.kind.is_event_evidence() && own(k))
            .flat_map(|(_, (_, f))| f.norms.iter().copied())
            .chain(title_features.iter().flat_map(|f| f.norms.iter().copied()))
            .collect();
        vocabulary.sort_unstable();
        vocabulary.dedup();
        vocabulary.shrink_to_fit();
    }
    // The capitalised opening of the lead, up to its first word in lower case.
    let opening_end = lead
        .split_whitespace()
        .find(|w| w.chars().next().is_some_and(char::is_lowercase))
        // The word's own offset (a search for it could stop inside an earlier word).
        .map_or(lead.len(), |w| w.as_ptr() as usize - lead.as_ptr() as usize);
    // One pass over the text; a match counts inside the event evidence only (sentences are
    // in text order).
    let tells_of_today = TODAY.find_iter(&doc.text).any(|m| {
        let i = doc.sentences.partition_point(|s| s.range.end <= m.start());
        doc.sentences
            .get(i)
            .is_some_and(|s| s.kind.is_event_evidence() && own(i) && s.range.contains(&m.start()))
    });
    DocFacts {
        tells_of_today,
        periods: periods_named(prose_lead),
        ordinals: ordinals_named(prose_lead),
        lead_tells_its_time,
        lead_says_today,
        // Compared only between leads telling their own time: the others keep none, which a
        // large corpus would hold in memory to no purpose.
        lead_words: lead_features
            .filter(|_| lead_tells_its_time)
            .map(|f| f.content.clone())
            .unwrap_or_default(),
        lead_name: None,
        lead_labelled: lead[..opening_end].contains(':'),
        company: company_words(&[doc.meta.title.as_deref().unwrap_or(""), lead]),
        vocabulary,
        date: doc.meta.date.as_deref().and_then(days),
        numbers,
        counts,
        words,
        subject_initials: if short {
            initials(&lead[..opening_end]).map(|i| crate::text::features::token_hash(&i))
        } else {
            None
        },
        lead_subject,
        title_subject,
        tickers,
        lead_names,
        names,
        mention_counts,
        focus,
        opening_names,
        title_words: doc
            .meta
            .title
            .as_deref()
            .map(title_words)
            .unwrap_or_default(),
        title_amounts,
        title_numbers,
        lead_amounts,
        title: doc
            .meta
            .title
            .as_deref()
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty())
            .map(|t| crate::text::features::token_hash(&t)),
    }
}

/// What `lead` counts: each ordinal (see [`ORDINAL`]) with the word after it, hashed in
/// lower case, unless that word counts the span of one happening (see [`SPAN_WORDS`]) or is
/// a function word or a month; sorted and distinct.
fn ordinals_named(lead: &str) -> Vec<(u64, u32)> {
    let mut counted: Vec<(u64, u32)> = ORDINAL
        .captures_iter(lead)
        .filter_map(|c| {
            let word = c["what"].to_lowercase();
            // A date ("the 28th of March", "March 28th the …") or a function word counts
            // nothing.
            if crate::index::is_function_word(&word) || crate::text::MONTHS.contains(&&*word) {
                return None;
            }
            let what = word.trim_end_matches('s');
            if SPAN_WORDS.contains(&what) {
                return None;
            }
            let n = c["n"].to_lowercase();
            let ordinal = match ORDINAL_WORDS.iter().position(|w| *w == n) {
                Some(i) => i as u32 + 1,
                None => n.trim_end_matches(char::is_alphabetic).parse().ok()?,
            };
            Some((crate::text::features::token_hash(what), ordinal))
        })
        .collect();
    counted.sort_unstable();
    counted.dedup();
    counted
}

/// The reporting periods `lead` names (see [`PERIOD`]), as days of a leap year, sorted and
/// distinct.
fn periods_named(lead: &str) -> Vec<i64> {
    let mut days: Vec<i64> = PERIOD
        .captures_iter(lead)
        .filter_map(|c| crate::ingest::metadata::parse_month_day(&c["day"]))
        .filter_map(|(month, day)| chrono::NaiveDate::from_ymd_opt(2000, month, day))
        .map(|d| i64::from(chrono::Datelike::ordinal(&d)))
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

/// The run of capitalised words a sentence opens with ("Kingdom of Sweden is issuing…"):
/// the hashes of its names (connecting words such as "of" are passed over).
fn subject_run(f: &SentenceFeatures) -> Vec<u64> {
    let name = |i: usize| !f.informative[i] && f.content.binary_search(&f.norms[i]).is_ok();
    let mut run = Vec::new();
    // "The Kingdom of …": an opening function word is not the subject.
    let mut i = usize::from(!f.norms.is_empty() && !name(0));
    while i < f.norms.len() {
        // A function word between two names ("Kingdom of Sweden") connects them.
        let connects = !run.is_empty() && !f.informative[i] && i + 1 < f.norms.len() && name(i + 1);
        if name(i) {
            run.push(f.norms[i]);
        } else if !connects {
            break;
        }
        i += 1;
    }
    run
}

/// Share of the smaller article's figures the two have in common.
fn shared_figures(a: &DocFacts, b: &DocFacts) -> f64 {
    a.figures(false).shared_share(b.figures(false))
}

/// Number words read as counts, with the hash of the figure each stands for (`num:N`, as
/// the tokenizer writes "7"). "One" is left out: it is a pronoun as often as a count.
static COUNT_WORDS: std::sync::LazyLock<Vec<(u64, u64)>> = std::sync::LazyLock::new(|| {
    crate::text::tokens::CARDINALS
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, word)| {
            (
                crate::text::features::token_hash(word),
                crate::text::features::token_hash(&format!("num:{}", i + 1)),
            )
        })
        .collect()
});

/// The counts an article spells out (see [`DocFacts::counts`]): a number word followed by
/// another word than "of" ("six ships", not "two of them"). A number word before an amount
/// ("eight pct") is a figure already.
fn spelled_counts(
    features: &[SentenceFeatures],
    own: &impl Fn(usize) -> bool,
    numbers: &[u64],
) -> Vec<u64> {
    let of = crate::text::features::token_hash("of");
    let mut counts: Vec<u64> = features
        .iter()
        .enumerate()
        .filter(|&(k, _)| own(k))
        .flat_map(|(_, f)| {
            f.norms.windows(2).filter_map(|pair| {
                let (_, figure) = COUNT_WORDS.iter().find(|(word, _)| *word == pair[0])?;
                (pair[1] != of).then_some(*figure)
            })
        })
        .filter(|figure| numbers.binary_search(figure).is_err())
        .collect();
    counts.sort_unstable();
    counts.dedup();
    counts
}

/// Two stories of one template about different subjects: a bond issue by one issuer and
/// another's, two companies' dividends. Both full of figures that mostly differ, and their
/// leads open with different subjects (each version of one event's report names its subject).
fn same_template_other_subject(a: &DocFacts, b: &DocFacts) -> bool {
    // A template story is mostly its figures: a bond's amount, coupon, price and fees.
    let dense = |f: &DocFacts| {
        !f.numbers.is_empty()
            && (f.numbers.len() >= TEMPLATE_MIN_NUMBERS || f.words <= NOTICE_MAX_WORDS)
            && f.numbers.len() * TEMPLATE_WORDS_PER_FIGURE >= f.words
    };
    dense(a) && dense(b) && shared_figures(a, b) < TEMPLATE_MAX_SHARED && other_subject(a, b)
}

/// Whether two stories are about different subjects: different stock symbols where both
/// give one, otherwise leads that open with different names.
fn other_subject(a: &DocFacts, b: &DocFacts) -> bool {
    let disjoint = |x: &[u64], y: &[u64]| !x.is_empty() && !y.is_empty() && !share_any(x, y);
    if !a.tickers.is_empty() && !b.tickers.is_empty() {
        return disjoint(&a.tickers, &b.tickers);
    }
    if a.lead_name.is_some() && a.lead_name == b.lead_name {
        return false;
    }
    disjoint(&a.lead_subject, &b.lead_subject)
}

/// Whether each lead names someone the other article never mentions (under any close
/// spelling): two bouts of one champion against two challengers, two players of one team
/// put on the injured list.
fn other_participants(a: &DocFacts, b: &DocFacts) -> bool {
    let absent =
        |name: &String, other: &DocFacts| !other.names.iter().any(|o| same_or_respelt(name, o));
    let by_lead =
        a.lead_names.iter().any(|n| absent(n, b)) && b.lead_names.iter().any(|n| absent(n, a));
    by_lead || recalls_other_subject(a, b)
}

/// Whether each article is about a person the other mentions only in passing, and one of
/// them does mention the other's: two players' arrests, where the later story recalls the
/// earlier one in a sentence or two. Two stories that each quote their own spokesman, and
/// never name the other's, are left to their content.
fn recalls_other_subject(a: &DocFacts, b: &DocFacts) -> bool {
    if a.focus.is_none() || b.focus.is_none() {
        return false;
    }
    match (passing_focus(a, b), passing_focus(b, a)) {
        (Some(ab), Some(ba)) => ab + ba > 0,
        _ => false,
    }
}

/// How often `other` names the person `about` is about, when only in passing.
fn passing_focus(about: &DocFacts, other: &DocFacts) -> Option<u32> {
    let (name, count) = about.focus.as_ref()?;
    if other.opening_names.iter().any(|n| same_or_respelt(name, n)) {
        return None;
    }
    let mentions = other.mentions(name);
    (mentions <= PASSING_MENTIONS && 2 * mentions < *count).then_some(mentions)
}

impl DocFacts {
    /// Sentences naming `name`, under any close spelling.
    fn mentions(&self, name: &str) -> u32 {
        self.mention_counts
            .iter()
            .filter(|(n, _)| same_or_respelt(name, n))
            .map(|(_, count)| count)
            .sum()
    }
}

/// Whether two names are one, or may be one spelt two ways.
fn same_or_respelt(a: &str, b: &str) -> bool {
    a == b || same_name(a, b)
}

/// Whether two names may be one name spelt two ways (a letter or two apart).
fn same_name(a: &str, b: &str) -> bool {
    // The length check skips most pairs.
    a.len().abs_diff(b.len()) <= 2
        && may_be_respelling(a, b)
        && (strsim::jaro_winkler(a, b) >= SAME_NAME_SIMILARITY
            || strsim::levenshtein(a, b) <= RESPELLING_EDITS)
}

/// A cheap necessary condition for two ASCII names to be within [`RESPELLING_EDITS`] edits or
/// [`SAME_NAME_SIMILARITY`] of each other, from the letters they share: each edit changes at
/// most two letter counts, and a Jaro-Winkler score that high needs a Jaro score of 0.75
/// (the prefix bonus adds at most 0.4 of the rest), hence matched letters covering 1.25 of
/// the two lengths' shares. Other scripts always pass to the exact measures.
fn may_be_respelling(a: &str, b: &str) -> bool {
    if !a.is_ascii() || !b.is_ascii() {
        return true;
    }
    let mut counts = [0u8; 128];
    for &c in a.as_bytes() {
        counts[usize::from(c)] = counts[usize::from(c)].saturating_add(1);
    }
    let mut shared = 0usize;
    for &c in b.as_bytes() {
        if counts[usize::from(c)] > 0 {
            counts[usize::from(c)] -= 1;
            shared += 1;
        }
    }
    let (la, lb) = (a.len(), b.len());
    let unmatched = la + lb - 2 * shared;
    if unmatched <= 2 * RESPELLING_EDITS {
        return true;
    }
    if la == 0 || lb == 0 {
        return false;
    }
    let min_jaro = (SAME_NAME_SIMILARITY - 0.4) / 0.6;
    shared as f64 / la as f64 + shared as f64 / lb as f64 >= 3.0 * min_jaro - 1.0 - 1e-9
}

/// Whether two sorted lists of hashes have one in common.
fn share_any(x: &[u64], y: &[u64]) -> bool {
    x.iter().any(|t| y.binary_search(t).is_ok())
}

/// Whether two articles can never be one event, whatever else they share.
fn never_linked(a: &DocFacts, b: &DocFacts) -> bool {
    recurring(a, b)
        || same_template_other_subject(a, b)
        || other_companies(a, b)
        || notices_of_unnamed_subjects(a, b)
}

/// Two short stories about different subjects (other stock symbols, or leads opening with
/// other names), neither using a word of the other's subject nor its initials: two
/// companies' notices of one kind ("Island Gas Co said its share split was approved",
/// "Halden Inc declared a two-for-one split"). One happening told by two sides names both.
fn notices_of_unnamed_subjects(a: &DocFacts, b: &DocFacts) -> bool {
    let names_subject_of = |x: &DocFacts, y: &DocFacts| {
        x.lead_subject
            .iter()
            .chain(&x.subject_initials)
            .any(|w| y.vocabulary.binary_search(w).is_ok())
    };
    a.short()
        && b.short()
        && a.words.min(b.words) <= NOTICE_MAX_WORDS
        && !a.lead_subject.is_empty()
        && !b.lead_subject.is_empty()
        && other_subject(a, b)
        && !names_subject_of(a, b)
        && !names_subject_of(b, a)
}

/// Two short reports of figures whose titles put different subjects into one frame: the
/// hog market of one city and of another, corn and wheat futures of one exchange. Their
/// figures are alike (prices move together), so only the title tells them apart.
fn reports_of_other_markets(a: &DocFacts, b: &DocFacts) -> bool {
    let report = |f: &DocFacts| !f.numbers.is_empty() && f.short();
    report(a)
        && report(b)
        && !share_any(&a.tickers, &b.tickers)
        && title_subjects_differ(&a.title_words, &b.title_words)
}

/// Two company stories whose titles and leads give disjoint stock symbols: short ones dated on
/// different days (one company's debt offering and another's a week later); and, of any length
/// and date, two that never name each other's company (two companies' buybacks or rights plans
/// of one day). A merger told by each side names the other company.
fn other_companies(a: &DocFacts, b: &DocFacts) -> bool {
    let symbols_apart =
        !a.tickers.is_empty() && !b.tickers.is_empty() && !share_any(&a.tickers, &b.tickers);
    if !symbols_apart {
        return false;
    }
    let other_days = date_gap(a.date, b.date).is_some_and(|g| g > 0);
    if other_days && a.short() && b.short() {
        return true;
    }
    // Words of one company's name that the other's lacks ("Valero" of "Valero Natural Gas
    // Partners LP" against "Intelligent Systems Master LP"), none of which the other story
    // uses.
    let not_named_by = |x: &DocFacts, other: &DocFacts| {
        let mut own = x
            .company
            .iter()
            .filter(|w| other.company.binary_search(w).is_err())
            .peekable();
        own.peek().is_some() && !own.any(|w| other.vocabulary.binary_search(w).is_ok())
    };
    not_named_by(a, b) && not_named_by(b, a)
}

/// Two short stories dated on different days, each telling what happens "today": each is its
/// own day's happening (the central bank's operation of Tuesday and of Wednesday, a price
/// raised one day and cut the next), not one event. A copy re-run past midnight is joined
/// as a copy before content is compared.
fn each_of_its_own_day(a: &DocFacts, b: &DocFacts) -> bool {
    date_gap(a.date, b.date).is_some_and(|g| g > 0)
        && a.tells_of_today
        && b.tells_of_today
        && a.short()
        && b.short()
}

/// Two editions of a recurring report: dated on different days, both full of figures, and
/// the figures mostly differ (a daily price table, a weekly estimate); or, for a short
/// routine report with a figure or two, run under the same title and sharing at most half of
/// them (the central bank's daily operation: a round amount that recurs, the rate of the day).
fn recurring(a: &DocFacts, b: &DocFacts) -> bool {
    let (Some(da), Some(db)) = (a.date, b.date) else {
        return false;
    };
    let fewest = a.numbers.len().min(b.numbers.len());
    let full_of_figures = |f: &DocFacts| f.numbers.len() * RECURRING_WORDS_PER_FIGURE >= f.words;
    da != db
        && fewest >= RECURRING_MIN_NUMBERS
        && full_of_figures(a)
        && full_of_figures(b)
        && shared_figures(a, b) < RECURRING_MAX_SHARED
        || routine_editions(a, b)
}

/// The figures a report is read to hold: its numbers, and the counts it spells out when
/// those are read too (two sorted lists with nothing in common, see [`DocFacts::counts`]).
#[derive(Clone, Copy)]
struct Figures<'a> {
    numbers: &'a [u64],
    counts: &'a [u64],
}

impl<'a> Figures<'a> {
    fn len(self) -> usize {
        self.numbers.len() + self.counts.len()
    }

    fn is_empty(self) -> bool {
        self.len() == 0
    }

    fn contains(self, x: &u64) -> bool {
        self.numbers.binary_search(x).is_ok() || self.counts.binary_search(x).is_ok()
    }

    fn iter(self) -> impl Iterator<Item = &'a u64> {
        self.numbers.iter().chain(self.counts)
    }

    /// Share of the smaller list's figures that the other holds too.
    fn shared_share(self, other: Self) -> f64 {
        let shared = self.iter().filter(|x| other.contains(x)).count();
        shared as f64 / self.len().min(other.len()).max(1) as f64
    }

    /// The same figures (each list is distinct: equal lengths, and every one shared).
    fn same_as(self, other: Self) -> bool {
        self.len() == other.len() && self.iter().all(|x| other.contains(x))
    }
}

/// Two editions of a routine report: short reports of figures dated on different days,
/// reports under one title whose figures changed (see [`recurring`]), or reports of other
/// periods (see [`reports_of_other_periods`]).
fn routine_editions(a: &DocFacts, b: &DocFacts) -> bool {
    if reports_of_other_periods(a, b)
        || one_lead_of_other_weeks(a, b)
        || other_ones_of_a_series(a, b)
        || one_institutions_days(a, b)
        || other_amounts_in_titles(a, b)
    {
        return true;
    }
    let one_title = a.title.is_some() && a.title == b.title;
    // Under one title, the counts a report spells out are its figures too ("seven grain ships
    // loading", another day "three"), when they differ. The same counts again are left to the
    // figures written in digits, whatever the gap: a number word is a weaker sign than a
    // figure ("two companies"), and a story re-run whole days later repeats its counts.
    let read_counts = one_title && a.counts != b.counts;
    editions_by_figures(
        (a, a.figures(read_counts)),
        (b, b.figures(read_counts)),
        one_title,
    )
}

/// Two stories dated on different days whose leads name other reporting periods ("the week
/// ended March 28", a week later "April 5"): two editions of a weekly report, alike in every
/// word but the period's figures. A follow-up names the period of the report it follows.
fn reports_of_other_periods(a: &DocFacts, b: &DocFacts) -> bool {
    let apart = |x: i64, y: i64| {
        let d = (x - y).abs();
        d.min(366 - d) >= PERIODS_MIN_DAYS_APART
    };
    on_other_days(a, b)
        && !a.periods.is_empty()
        && !b.periods.is_empty()
        && a.periods
            .iter()
            .all(|&x| b.periods.iter().all(|&y| apart(x, y)))
}

/// Two stories five days or more apart whose leads, in mostly the same words, each tell of
/// the story's own day or week ("drilling activity fell last week", a week later "rose last
/// week"; "the rebate granted at yesterday's tender"), with other figures: two editions of one
/// report. A follow-up days later tells what happened since in other words; a re-run of the
/// story keeps its figures, and is joined as a copy.
fn one_lead_of_other_weeks(a: &DocFacts, b: &DocFacts) -> bool {
    if date_gap(a.date, b.date).is_none_or(|gap| gap < EDITIONS_MIN_DAYS_APART)
        || !a.lead_tells_its_time
        || !b.lead_tells_its_time
        || a.numbers == b.numbers
    {
        return false;
    }
    let shared = a
        .lead_words
        .iter()
        .filter(|w| b.lead_words.binary_search(w).is_ok())
        .count();
    let fewest = a.lead_words.len().min(b.lead_words.len());
    fewest > 0 && shared as f64 >= ONE_LEAD_SHARE * fewest as f64
}

/// Two stories dated on different days whose leads count the same thing with other
/// ordinals ("opened its 101st store", another day "its 102nd store"; "the first quarter",
/// "the second quarter"): two of a series, not one happening told twice, which would count
/// it the same way.
fn other_ones_of_a_series(a: &DocFacts, b: &DocFacts) -> bool {
    if !on_other_days(a, b) {
        return false;
    }
    let mut counted_in_both = false;
    for &(what, n) in &a.ordinals {
        let mut same_word = b.ordinals.iter().filter(|x| x.0 == what).peekable();
        if same_word.peek().is_none() {
            continue;
        }
        counted_in_both = true;
        if same_word.any(|x| x.1 == n) {
            return false;
        }
    }
    counted_in_both
}

/// Both stories dated, on different days.
fn on_other_days(a: &DocFacts, b: &DocFacts) -> bool {
    date_gap(a.date, b.date).is_some_and(|gap| gap > 0)
}

/// Two stories dated on different days whose titles give other amounts ("GRUMMAN UNIT GETS
/// 303.9 MLN DLR SDI CONTRACT", two days later "GRUMMAN GETS 109.1 MLN DLR NAVY CONTRACT"),
/// neither story telling the other's: two deals of one kind. A follow-up tells the amount of
/// the news it follows ("increased to 150 mln dlrs from 100 mln"); a re-run keeps its title.
fn other_amounts_in_titles(a: &DocFacts, b: &DocFacts) -> bool {
    on_other_days(a, b) && other_amounts((a, &a.title_amounts), (b, &b.title_amounts))
}

/// Both give amounts, none the same or rounded from the other's, and neither story (its
/// text or title) tells an amount the other gives.
fn other_amounts(
    (a, amounts_a): (&DocFacts, &[Amount]),
    (b, amounts_b): (&DocFacts, &[Amount]),
) -> bool {
    let tells = |f: &DocFacts, x: &Amount| x.told_in(&f.numbers) || x.told_in(&f.title_numbers);
    !amounts_a.is_empty()
        && !amounts_b.is_empty()
        && !amounts_a
            .iter()
            .any(|x| amounts_b.iter().any(|y| x.about(y)))
        && !amounts_a.iter().any(|x| tells(b, x))
        && !amounts_b.iter().any(|x| tells(a, x))
}

/// Two stories dated on different days whose leads open with one institution's name (two
/// words or more: "The Bank of France will not hold a tender today", three days later "The
/// Bank of France said it set a tender today") and each tell what it does that day, with
/// other figures: the institution's operations or statements of two days. A re-run of a
/// story keeps its figures, and is joined as a copy. So are two leads opening with one name
/// and giving other amounts, neither story telling the other's ("The Federal Reserve
/// purchased about 500 mln dlrs of bills", the next day "will purchase one billion dlrs"),
/// when neither gives a stock symbol: an institution, or a company that gives none. A
/// follow-up tells the amount it follows (an offering planned, then sold).
fn one_institutions_days(a: &DocFacts, b: &DocFacts) -> bool {
    on_other_days(a, b)
        && a.lead_name.is_some()
        && a.lead_name == b.lead_name
        && ((a.lead_says_today && b.lead_says_today && a.numbers != b.numbers)
            || other_amounts((a, &a.lead_amounts), (b, &b.lead_amounts)))
}

/// [`routine_editions`] of two reports, each with the figures it is read to hold.
fn editions_by_figures(
    (a, figures_a): (&DocFacts, Figures<'_>),
    (b, figures_b): (&DocFacts, Figures<'_>),
    one_title: bool,
) -> bool {
    let (Some(da), Some(db)) = (a.date, b.date) else {
        return false;
    };
    // A brief of a figure or two: the day's operation without its amount.
    let brief =
        |f: &DocFacts, figures: Figures<'_>| !figures.is_empty() && f.words <= BRIEF_MAX_WORDS;
    let fewest = figures_a.len().min(figures_b.len());
    if da == db
        || (fewest < ROUTINE_MIN_NUMBERS && !(brief(a, figures_a) || brief(b, figures_b)))
        || fewest == 0
    {
        return false;
    }
    let shared = figures_a.shared_share(figures_b);
    // A short report that is mostly its figures (the day's operation and the rate, the day's
    // assistance to the money market) is an edition of its day under any title, even when
    // the amount and the rate are those of the day before.
    let routine = |f: &DocFacts, figures: Figures<'_>| {
        brief(f, figures) || f.short() && figures.len() * ROUTINE_WORDS_PER_FIGURE >= f.words
    };
    // One company's offering filed, then completed, is a follow-up, not an edition; the
    // same figures again are a re-run (a partner's copy dated the next day), which must
    // stay with its source. Two working days or more apart, the same figures are the
    // report's figures recurring (a shortage revised down from 450 to 400 on two days of a
    // week); Friday's report re-run on Monday is still a re-run.
    let same_company = share_any(&a.tickers, &b.tickers);
    let rerun =
        figures_a.same_as(figures_b) && working_days_apart(da, db) <= RERUN_MAX_WORKING_DAYS;
    if routine(a, figures_a) && routine(b, figures_b) && !same_company && !rerun {
        return true;
    }
    // Under one title, a table of figures (rates by maturity, ships loading) is a new
    // edition as soon as one figure changes; other reports when most of them do. Two
    // narratives under one headline are one story told again the next day, updated (the
    // toll, the victims' names and ages), not two editions of a report.
    let table =
        |f: &DocFacts, figures: Figures<'_>| figures.len() * TEMPLATE_WORDS_PER_FIGURE >= f.words;
    let narratives = a.words >= NARRATIVE_MIN_WORDS && b.words >= NARRATIVE_MIN_WORDS;
    one_title
        && ((shared <= ROUTINE_MAX_SHARED && !narratives)
            || (table(a, figures_a) && table(b, figures_b) && shared < 1.0))
}

/// Monday to Friday days after the earlier of two days up to the later (days since
/// 1970-01-01, a Thursday): Friday to Monday is one.
fn working_days_apart(a: i64, b: i64) -> i64 {
    let (from, to) = (a.min(b), a.max(b));
    // Beyond a week the count only needs to be large.
    let to = to.min(from + 7);
    ((from + 1)..=to)
        .filter(|d| (d + 3).rem_euclid(7) < 5)
        .count() as i64
}

fn date_gap(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    Some((a? - b?).abs())
}

impl ClusterParams {
    /// How much a similarity keeps over a date gap.
    fn date_factor(&self, gap: Option<i64>) -> f64 {
        match gap {
            None => 1.0,
            Some(g) if g > self.max_date_span_days => 0.0,
            Some(g) if g <= self.date_grace_days => 1.0,
            Some(g) => {
                let half = self.date_half_life_days.max(0.01);
                0.5f64.powf((g - self.date_grace_days) as f64 / half)
            }
        }
    }
}

/// Whether `a` and `b`, which share `shared` shingles, are copies of one text: the share of
/// the smaller one's informative shingles that the other carries, when it is enough.
fn copy_containment(a: &Signature, b: &Signature, shared: usize) -> Option<f64> {
    let smaller = a.shingles.len().min(b.shingles.len());
    if smaller == 0 {
        return None;
    }
    let share = shared as f64 / smaller as f64;
    (shared >= COPY_MIN_SHINGLES.min(smaller) && share >= COPY_CONTAINMENT).then_some(share)
}

/// What [`without_excerpts_of_compilations`] reads of every article.
struct Shared<'a> {
    documents: &'a [Document],
    signatures: &'a [Signature],
    features: &'a [Vec<SentenceFeatures>],
    /// Sentences of each article that are its outlet's own text (footers, sign-offs).
    outlet: &'a [Vec<bool>],
    /// Article pairs sharing a shingle, `(a, b, shingles shared)` with `a < b`, sorted.
    passages: &'a [(usize, usize, usize)],
    /// Each article's [`SentenceHashes`], made when first asked for.
    sentence_hashes: Vec<std::sync::OnceLock<SentenceHashes>>,
}

/// An article's sentences as hashes of their words: in order (`None` for a sentence without
/// words), and the distinct ones sorted.
struct SentenceHashes {
    by_sentence: Vec<Option<u64>>,
    sorted: Vec<u64>,
}

impl<'a> Shared<'a> {
    fn new(
        documents: &'a [Document],
        signatures: &'a [Signature],
        features: &'a [Vec<SentenceFeatures>],
        outlet: &'a [Vec<bool>],
        passages: &'a [(usize, usize, usize)],
    ) -> Self {
        Shared {
            documents,
            signatures,
            features,
            outlet,
            passages,
            sentence_hashes: features.iter().map(|_| Default::default()).collect(),
        }
    }

    fn sentence_hashes(&self, d: usize) -> &SentenceHashes {
        self.sentence_hashes[d].get_or_init(|| {
            let by_sentence: Vec<Option<u64>> = self.features[d]
                .iter()
                .map(|f| (!f.norms.is_empty()).then(|| hash_words(&f.norms)))
                .collect();
            let mut sorted: Vec<u64> = by_sentence.iter().flatten().copied().collect();
            sorted.sort_unstable();
            sorted.dedup();
            SentenceHashes {
                by_sentence,
                sorted,
            }
        })
    }
}

/// Copies less the excerpts of compilations; and the compilations, sorted. An article that
/// holds whole short articles of unrelated stories (a digest of the day's news, a roundup) is
/// no copy of any of them: joined as one, it would carry each into the others' events. Two
/// excerpts are unrelated when they share under [`EXCERPTS_UNRELATED`] of the smaller one's
/// shingles and under [`EXCERPTS_WORDS_UNRELATED`] of its content words (two outlets keeping
/// different paragraphs of one wire story still name its people and its subject).
///
/// An article holding whole paragraphs of two unrelated articles (a sentence or more of
/// each, at most half of it; whole short articles too) is a compilation as well when no third
/// article holds passages of both and the rest of it names next to none of either article's
/// rarer words (see [`rest_tells_other_stories`]): a digest quoting a short story whole and
/// two paragraphs of a long one. A market report quoting an earlier report of its market and
/// a company's news tells their story in the rest; accounts of one event retelling a wire's
/// sentences are told together by other accounts; a wire story's trimmed copy shares its
/// people and subject with the rest of the story; an outlet's own footer under a copy is
/// nobody's passage.
fn without_excerpts_of_compilations(
    copies: Vec<(usize, usize, f64)>,
    shared: &Shared<'_>,
) -> (Vec<(usize, usize, f64)>, Vec<Compilation>) {
    let Shared {
        signatures,
        features,
        ..
    } = *shared;
    let size = |d: usize| signatures[d].shingles.len();
    let words = |d: usize| content_words(&features[d], |_| true);
    let unrelated = |(x, wx): (usize, &[u64]), (y, wy): (usize, &[u64])| {
        let shared = shared_shingles(&signatures[x], &signatures[y]);
        if shared as f64 >= EXCERPTS_UNRELATED * size(x).min(size(y)).max(1) as f64 {
            return false;
        }
        let common = wx.iter().filter(|w| wy.binary_search(w).is_ok()).count();
        (common as f64) < EXCERPTS_WORDS_UNRELATED * wx.len().min(wy.len()).max(1) as f64
    };
    // (container, excerpt): the excerpt is at most half the container's shingles.
    let mut held: Vec<(usize, usize)> = copies
        .iter()
        .filter_map(|&(a, b, _)| {
            let (small, big) = if size(a) <= size(b) { (a, b) } else { (b, a) };
            (2 * size(small) <= size(big)).then_some((big, small))
        })
        .collect();
    held.sort_unstable();
    // Articles of which each container holds a passage (whole ones included): at most half
    // of the container.
    let mut partners: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    // Every article's neighbours by a shared run of words (a clause or more), sorted.
    let mut neighbours: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(a, b, shingles) in shared.passages {
        if shingles < COPY_MIN_SHINGLES {
            continue;
        }
        for (container, other) in [(a, b), (b, a)] {
            neighbours.entry(container).or_default().push(other);
            if shingles >= PASSAGE_MIN_SHINGLES
                && 2 * shingles <= size(container)
                && holds_a_paragraph_of(shared, container, other)
            {
                partners.entry(container).or_default().push(other);
            }
        }
    }
    partners.retain(|_, list| list.len() >= 2);
    for list in neighbours.values_mut() {
        list.sort_unstable();
    }
    // Two articles whose passages a third article besides the container also holds are
    // told together elsewhere: accounts of one event built from one wire's sentences.
    let told_together_elsewhere = |container: usize, x: usize, y: usize| {
        let (Some(nx), Some(ny)) = (neighbours.get(&x), neighbours.get(&y)) else {
            return false;
        };
        nx.iter()
            .any(|z| *z != container && *z != y && ny.binary_search(z).is_ok())
    };
    let frequencies = std::sync::OnceLock::new();
    let rare = |w: &u64| {
        let df = frequencies.get_or_init(|| {
            Idf::sampled(features.len(), |d| content_words(&features[d], |_| true))
        });
        df.df(*w) <= (df.articles() / RARE_WORD_SHARE).max(RARE_WORD_MIN_DF)
    };
    let whole_excerpts_unrelated = |group: &[(usize, usize)]| {
        // The first few excerpts tell (a wire story has hundreds of trimmed copies).
        let group = &group[..group.len().min(MAX_EXCERPTS_COMPARED)];
        // Each excerpt's words once, not once per pair.
        let sets: Vec<Vec<u64>> = group.iter().map(|&(_, x)| words(x)).collect();
        group.iter().enumerate().find_map(|(i, &(_, x))| {
            (i + 1..group.len())
                .find(|&j| unrelated((x, &sets[i]), (group[j].1, &sets[j])))
                .map(|j| [x, group[j].1])
        })
    };
    // Passages of two unrelated articles, and the rest of the container tells neither's story
    // (a market report quoting an earlier report of its market and a company's news is no
    // digest).
    let passages_of_other_stories = |container: usize, list: &[usize]| {
        let list = &list[..list.len().min(MAX_EXCERPTS_COMPARED)];
        let sets: Vec<Vec<u64>> = list.iter().map(|&x| words(x)).collect();
        let tells: Vec<std::cell::OnceCell<bool>> =
            list.iter().map(|_| std::cell::OnceCell::new()).collect();
        let other = |i: usize| {
            *tells[i].get_or_init(|| {
                rest_tells_other_stories(shared, container, list[i], &sets[i], &rare)
            })
        };
        (0..list.len()).find_map(|i| {
            (i + 1..list.len())
                .find(|&j| {
                    unrelated((list[i], &sets[i]), (list[j], &sets[j]))
                        && !told_together_elsewhere(container, list[i], list[j])
                        && other(i)
                        && other(j)
                })
                .map(|j| [list[i], list[j]])
        })
    };
    let mut compilations: Vec<Compilation> = held
        .chunk_by(|x, y| x.0 == y.0)
        .filter_map(|group| {
            let holds = whole_excerpts_unrelated(group)?;
            Some(Compilation {
                document: group[0].0,
                holds,
            })
        })
        .collect();
    compilations.sort_unstable();
    let is_compilation =
        |list: &[Compilation], d: usize| list.binary_search_by_key(&d, |c| c.document).is_ok();
    compilations.extend(
        partners
            .par_iter()
            .filter(|(c, _)| !is_compilation(&compilations, **c))
            .filter_map(|(&c, list)| {
                Some(Compilation {
                    document: c,
                    holds: passages_of_other_stories(c, list)?,
                })
            })
            .collect::<Vec<Compilation>>(),
    );
    compilations.sort_unstable();
    if compilations.is_empty() {
        return (copies, compilations);
    }
    let copies = copies
        .into_iter()
        .filter(|&(a, b, _)| {
            let excerpt_of = |container: usize, excerpt: usize| {
                is_compilation(&compilations, container)
                    && held.binary_search(&(container, excerpt)).is_ok()
            };
            !excerpt_of(a, b) && !excerpt_of(b, a)
        })
        .collect();
    (copies, compilations)
}

/// Whether a paragraph of `container` is all sentences of `other`: a digest copies whole
/// paragraphs (an account in its own words that reuses a wire sentence or two does not).
fn holds_a_paragraph_of(shared: &Shared<'_>, container: usize, other: usize) -> bool {
    let Some(doc) = shared.documents.get(container) else {
        return false;
    };
    let theirs = &shared.sentence_hashes(other).sorted;
    let ours = &shared.sentence_hashes(container).by_sentence;
    let mut first = 0;
    doc.paragraphs.iter().any(|p| {
        // Sentences are in text order; those of this paragraph follow the earlier ones'.
        first += doc.sentences[first..].partition_point(|s| s.range.start < p.start);
        let inside = doc.sentences[first..].partition_point(|s| s.range.start < p.end);
        // Hashes are one per sentence; read defensively all the same.
        let Some(sentences) = ours.get(first..(first + inside).min(ours.len())) else {
            return false;
        };
        !sentences.is_empty()
            && sentences
                .iter()
                .all(|h| h.is_some_and(|h| theirs.binary_search(&h).is_ok()))
    })
}

/// Content words of the sentences of an article that `keep` lets through (by sentence
/// index), sorted and distinct.
fn content_words(features: &[SentenceFeatures], keep: impl Fn(usize) -> bool) -> Vec<u64> {
    let mut w: Vec<u64> = features
        .iter()
        .enumerate()
        .filter(|&(k, _)| keep(k))
        .flat_map(|(_, f)| f.content.iter().copied())
        .collect();
    w.sort_unstable();
    w.dedup();
    w
}

/// Whether the rest of `container` (its sentences that `excerpt` does not hold, the outlet's
/// own text left out) uses under [`EXCERPTS_WORDS_UNRELATED`] of the excerpt's rare words
/// (`wx`, its content words, filtered by `rare`): it tells other stories. Needs
/// [`REST_MIN_RARE_WORDS`] rare words to judge.
fn rest_tells_other_stories(
    shared: &Shared<'_>,
    container: usize,
    excerpt: usize,
    wx: &[u64],
    rare: &dyn Fn(&u64) -> bool,
) -> bool {
    let rare_words: Vec<u64> = wx.iter().copied().filter(|w| rare(w)).collect();
    if rare_words.len() < REST_MIN_RARE_WORDS {
        return false;
    }
    let held = &shared.sentence_hashes(excerpt).sorted;
    let ours = &shared.sentence_hashes(container).by_sentence;
    let own = shared.outlet.get(container).map_or(&[][..], Vec::as_slice);
    // A sentence without words has no content words either.
    let rest = content_words(&shared.features[container], |k| {
        !own.get(k).copied().unwrap_or(false)
            && ours[k].is_none_or(|h| held.binary_search(&h).is_err())
    });
    let common = rare_words
        .iter()
        .filter(|w| rest.binary_search(w).is_ok())
        .count();
    (common as f64) < EXCERPTS_WORDS_UNRELATED * rare_words.len() as f64
}

/// A group of units being clustered.
#[derive(Debug, Clone)]
struct Group {
    units: Vec<usize>,
    first_date: Option<i64>,
    last_date: Option<i64>,
    alive: bool,
    version: u32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    score: f64,
    a: usize,
    b: usize,
    va: u32,
    vb: u32,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Clustering state over units (groups of copies).
struct Linkage<'a> {
    params: &'a ClusterParams,
    vectors: &'a [TermVector],
    facts: &'a [DocFacts],
    /// Representative document of each unit.
    rep: &'a [usize],
    groups: Vec<Group>,
    /// Sum of known pair similarities between groups.
    adjacency: Vec<BTreeMap<usize, f64>>,
    /// Similarities of the unit pairs in the graph, `(lower, higher)`: the exact averages of
    /// small groups look them up instead of scoring them again.
    known: FastMap<(usize, usize), f64>,
}

impl Linkage<'_> {
    /// Similarity of two units: content cosine, discounted by their date gap; zero for two
    /// editions of a recurring report.
    fn unit_similarity(&self, u: usize, v: usize) -> f64 {
        if let Some(&s) = self.known.get(&(u.min(v), u.max(v))) {
            return s;
        }
        self.similarity_from_overlap(u, v, overlap(&self.vectors[u], &self.vectors[v]))
    }

    /// [`Self::unit_similarity`] from the two units' content overlap, when it is known.
    fn similarity_from_overlap(&self, u: usize, v: usize, overlap: Overlap) -> f64 {
        let (a, b) = (self.rep[u], self.rep[v]);
        let gap = date_gap(self.facts[a].date, self.facts[b].date);
        // Cheap terms first: most pairs of a group average share nothing.
        let content = f64::from(overlap.cosine) * self.params.date_factor(gap);
        // Copies were joined before this; among them the title frame parts only those whose
        // figures differ (see the copies in `cluster`).
        let (fa, fb) = (&self.facts[a], &self.facts[b]);
        if content == 0.0
            || (overlap.shared_terms as usize) < MIN_SHARED_TERMS
            || overlap.top_term_share > TOP_TERM_SHARE_MAX
            || never_linked(fa, fb)
            || reports_of_other_markets(fa, fb)
            || each_of_its_own_day(fa, fb)
        {
            return 0.0;
        }
        if other_participants(&self.facts[a], &self.facts[b]) {
            content * OTHER_PARTICIPANTS_FACTOR
        } else {
            content
        }
    }

    /// Average similarity over every pair of the two groups: exact for small groups, over a
    /// fixed sample of [`EXACT_PAIRS`] of their pairs for large ones.
    fn average(&self, a: usize, b: usize) -> f64 {
        let (ga, gb) = (&self.groups[a], &self.groups[b]);
        let pairs = ga.units.len() * gb.units.len();
        if pairs == 0 {
            return 0.0;
        }
        if pairs <= EXACT_PAIRS {
            let mut sum = 0.0;
            for (u, v) in ga
                .units
                .iter()
                .flat_map(|&u| gb.units.iter().map(move |&v| (u, v)))
            {
                // Two editions of a report, or two markets' reports, never share a cluster,
                // whatever joins the rest.
                let (fu, fv) = (&self.facts[self.rep[u]], &self.facts[self.rep[v]]);
                if routine_editions(fu, fv) || reports_of_other_markets(fu, fv) {
                    return 0.0;
                }
                sum += self.unit_similarity(u, v);
            }
            sum / pairs as f64
        } else {
            // The graph holds each unit's strongest neighbours only: a unit of a widely
            // covered event knows a few dozen of its hundreds of accounts, and the graph's
            // sum would read the rest as zero, parting the event into groups of that size.
            let mut sum = 0.0;
            for k in 0..EXACT_PAIRS {
                let pair = sampled_pair(k, pairs);
                let (u, v) = (
                    ga.units[pair / gb.units.len()],
                    gb.units[pair % gb.units.len()],
                );
                let (fu, fv) = (&self.facts[self.rep[u]], &self.facts[self.rep[v]]);
                if routine_editions(fu, fv) || reports_of_other_markets(fu, fv) {
                    return 0.0;
                }
                sum += self.unit_similarity(u, v);
            }
            sum / EXACT_PAIRS as f64
        }
    }

    /// Whether the dated units of the two groups would still lie within the date span.
    fn dates_compatible(&self, a: usize, b: usize) -> bool {
        let (ga, gb) = (&self.groups[a], &self.groups[b]);
        let first = [ga.first_date, gb.first_date].into_iter().flatten().min();
        let last = [ga.last_date, gb.last_date].into_iter().flatten().max();
        match (first, last) {
            (Some(f), Some(l)) => l - f <= self.params.max_date_span_days,
            _ => true,
        }
    }

    fn candidate(&self, a: usize, b: usize) -> Candidate {
        let (a, b) = (a.min(b), a.max(b));
        Candidate {
            score: self.average(a, b),
            a,
            b,
            va: self.groups[a].version,
            vb: self.groups[b].version,
        }
    }

    /// The group each unit is in.
    fn group_of_units(&self) -> Vec<usize> {
        let mut group_of_unit = vec![0usize; self.groups.len()];
        for (g, group) in self.groups.iter().enumerate() {
            for &u in &group.units {
                group_of_unit[u] = g;
            }
        }
        group_of_unit
    }

    /// Merges group `b` into group `a`.
    fn merge(&mut self, a: usize, b: usize) {
        let gb = std::mem::take(&mut self.groups[b].units);
        self.groups[b].alive = false;
        let (fb, lb) = (self.groups[b].first_date, self.groups[b].last_date);
        let ga = &mut self.groups[a];
        ga.units.extend(gb);
        ga.units.sort_unstable();
        ga.first_date = [ga.first_date, fb].into_iter().flatten().min();
        ga.last_date = [ga.last_date, lb].into_iter().flatten().max();
        ga.version += 1;
        let nb = std::mem::take(&mut self.adjacency[b]);
        for (c, s) in nb {
            self.adjacency[c].remove(&b);
            if c == a {
                continue;
            }
            *self.adjacency[a].entry(c).or_default() += s;
            *self.adjacency[c].entry(a).or_default() += s;
        }
        self.adjacency[a].remove(&b);
    }
}

/// Names of one article (or its copies) that are a letter apart from a name more articles of
/// the input use ("christe" where others write "christie"), each as the term hash of that better
/// attested name, by the respelling's term hash. When two names fit equally, neither is used.
///
/// A machine translation that respells the person a story is about loses the name the other
/// outlets share, often the strongest term they share, and the story fell out of its event's
/// cluster, where the respelling is caught.
fn respelt_names<'a>(
    units: impl Iterator<Item = &'a DocFacts>,
    features: &[Vec<SentenceFeatures>],
) -> FastMap<u64, u64> {
    // Counted per unit, as document frequencies are: a respelt story carried by two outlets
    // is still one slip, a story syndicated ten times one attestation.
    let df = document_frequencies(units.map(|f| f.names.iter().map(String::as_str)));
    // A word with a figure is a model or a code ("A340", "Aa3-rated"): one digit apart is
    // another one. A "name" longer than any name is no name (and its forms with a letter
    // deleted would take its length squared).
    let may_be_read = |name: &str| {
        (RESPELT_MIN_LETTERS..=RESPELT_MAX_LETTERS).contains(&name.chars().count())
            && !name.chars().any(|c| c.is_ascii_digit())
    };
    let mut readable: Vec<(&str, usize)> = df
        .iter()
        .filter(|&(name, _)| may_be_read(name))
        .map(|(&name, &count)| (name, count))
        .collect();
    let candidates: std::collections::HashSet<u64, foldhash::fast::FixedState> =
        readable.iter().map(|&(name, _)| token_hash(name)).collect();
    // A word the input also writes in lower case is a common word in a title ("Audit",
    // "Billion"), not a name.
    let mut lower_case: Vec<u64> = features
        .par_iter()
        .flat_map_iter(|f| {
            f.iter().flat_map(|s| {
                s.norms
                    .iter()
                    .zip(&s.informative)
                    .filter(|&(t, &informative)| informative && candidates.contains(t))
                    .map(|(&t, _)| t)
            })
        })
        .collect();
    lower_case.sort_unstable();
    lower_case.dedup();
    readable.retain(|&(name, _)| lower_case.binary_search(&token_hash(name)).is_err());
    readable.sort_unstable();
    let attested: Vec<(&str, usize)> = readable
        .iter()
        .filter(|&&(_, count)| count >= RESPELT_ATTESTED_FACTOR)
        .copied()
        .collect();
    // Each attested name under itself and each form with one letter deleted: a respelling
    // one substitution, insertion, deletion or swap away shares one of those forms.
    let mut by_form: FastMap<String, Vec<usize>> = FastMap::default();
    for (i, &(name, _)) in attested.iter().enumerate() {
        for form in one_letter_deleted(name) {
            by_form.entry(form).or_default().push(i);
        }
    }
    let rare = readable
        .iter()
        .filter(|&&(_, count)| count <= RESPELT_MAX_ARTICLES);
    let mut respelt = FastMap::default();
    for &(name, count) in rare {
        let mut near: Vec<usize> = one_letter_deleted(name)
            .iter()
            .filter_map(|form| by_form.get(form))
            .flatten()
            .copied()
            .collect();
        near.sort_unstable();
        near.dedup();
        let fits: Vec<(usize, &str)> = near
            .into_iter()
            .map(|i| (attested[i].1, attested[i].0))
            .filter(|&(c, other)| {
                other != name && c >= RESPELT_ATTESTED_FACTOR * count && one_slip(name, other)
            })
            .collect();
        let best = fits.iter().map(|&(c, _)| c).max();
        let mut best_fits = fits.iter().filter(|&&(c, _)| Some(c) == best);
        if let (Some(&(_, other)), None) = (best_fits.next(), best_fits.next()) {
            respelt.insert(token_hash(name), token_hash(other));
        }
    }
    respelt
}

/// Whether `a` and `b` are one slip apart (a letter changed, added, dropped, or two swapped)
/// past their first letter, and neither is the other with a letter added at the end
/// ("Andrews", "Andrew"; "Ethiopian", "Ethiopia").
fn one_slip(a: &str, b: &str) -> bool {
    a.chars().next() == b.chars().next()
        && !a.starts_with(b)
        && !b.starts_with(a)
        && strsim::osa_distance(a, b) == 1
}

/// `name` itself and every form of it with one letter deleted.
fn one_letter_deleted(name: &str) -> Vec<String> {
    let mut forms = vec![name.to_string()];
    for (i, c) in name.char_indices() {
        let mut form = String::with_capacity(name.len());
        form.push_str(&name[..i]);
        form.push_str(&name[i + c.len_utf8()..]);
        forms.push(form);
    }
    forms
}

/// Term counts with each respelt name counted as the name it respells (see
/// [`respelt_names`]), still sorted by term hash.
fn with_respellings_read(counts: Vec<(u64, f32)>, respelt: &FastMap<u64, u64>) -> Vec<(u64, f32)> {
    if !counts.iter().any(|(t, _)| respelt.contains_key(t)) {
        return counts;
    }
    let mut read: Vec<(u64, f32)> = counts
        .into_iter()
        .map(|(t, c)| (respelt.get(&t).copied().unwrap_or(t), c))
        .collect();
    read.sort_unstable_by_key(|&(t, _)| t);
    let mut merged: Vec<(u64, f32)> = Vec::with_capacity(read.len());
    for (t, c) in read {
        match merged.last_mut() {
            Some(last) if last.0 == t => last.1 += c,
            _ => merged.push((t, c)),
        }
    }
    merged
}

/// In how many of the lists each item occurs (an item repeated in one list counts once).
fn document_frequencies<K: Ord + std::hash::Hash>(
    lists: impl Iterator<Item = impl Iterator<Item = K>>,
) -> FastMap<K, usize> {
    let mut df: FastMap<K, usize> = FastMap::default();
    for list in lists {
        let mut items: Vec<K> = list.collect();
        items.sort_unstable();
        items.dedup();
        for item in items {
            *df.entry(item).or_default() += 1;
        }
    }
    df
}

/// Clusters the documents; returns the clusters and the links that explain them.
pub fn cluster(
    documents: &[Document],
    features: &[Vec<SentenceFeatures>],
    signatures: &[Signature],
    outlet: &[Vec<bool>],
    params: &ClusterParams,
) -> (Clusters, Vec<Link>) {
    let n = documents.len();
    let mut facts: Vec<DocFacts> = documents
        .par_iter()
        .zip(features.par_iter())
        .zip(outlet.par_iter())
        .map(|((d, f), o)| doc_facts(d, f, o))
        .collect();
    // Words that open many leads ("Corp", "Inc", a month) say nothing about whose story it is.
    let subject_df = document_frequencies(
        facts
            .iter()
            .map(|f| f.lead_subject.iter().chain(&f.title_subject).copied()),
    );
    let common = (n / 200).max(3);
    for f in &mut facts {
        f.lead_name =
            (f.lead_subject.len() >= 2 && !f.lead_labelled).then(|| f.lead_subject.clone());
        f.lead_subject.retain(|w| subject_df[w] <= common);
        f.title_subject.retain(|w| subject_df[w] <= common);
        if f.lead_subject.is_empty() {
            f.lead_subject = std::mem::take(&mut f.title_subject);
        }
    }

    // Words in many companies' names ("Inc", "Corp", "Group") tell no company apart.
    let company_df = document_frequencies(facts.iter().map(|f| f.company.iter().copied()));
    for f in &mut facts {
        f.company.retain(|w| company_df[w] <= common);
    }

    // A participant is named in few articles of the input; a title, a party or an institution
    // ("President", "Republican", "House") in many.
    let name_df = document_frequencies(facts.iter().map(|f| f.names.iter().map(String::as_str)));
    let mut widespread: Vec<String> = name_df
        .into_iter()
        .filter(|&(_, df)| df > (n / PARTICIPANT_DF_SHARE).max(3))
        .map(|(name, _)| name.to_string())
        .collect();
    widespread.sort_unstable();
    for f in &mut facts {
        f.lead_names
            .retain(|name| widespread.binary_search(name).is_err());
    }

    // 1. Copies.
    // Pairs sharing a shingle, with how many.
    let passages: Vec<(usize, usize, usize)> = candidate_pairs(signatures)
        .par_iter()
        .map(|&(a, b)| {
            let (a, b) = (a as usize, b as usize);
            (a, b, shared_shingles(&signatures[a], &signatures[b]))
        })
        .collect();
    let copies: Vec<(usize, usize, f64)> = passages
        .par_iter()
        .filter(|&&(a, b, _)| {
            // A re-run counts within the date span (a short report of figures within a working
            // day, see `routine_editions`); a template reused months later does not.
            let gap = date_gap(facts[a].date, facts[b].date);
            let (fa, fb) = (&facts[a], &facts[b]);
            // One template filled in for two markets reads as a copy; its figures differ. A
            // syndicated copy keeps them, whatever its outlet does to the headline.
            let other_market = fa.numbers != fb.numbers && reports_of_other_markets(fa, fb);
            gap.is_none_or(|g| g <= params.max_date_span_days)
                && !never_linked(fa, fb)
                && !other_market
        })
        .filter_map(|&(a, b, shared)| {
            Some((
                a,
                b,
                copy_containment(&signatures[a], &signatures[b], shared)?,
            ))
        })
        .collect();
    let (copies, compilations) = without_excerpts_of_compilations(
        copies,
        &Shared::new(documents, signatures, features, outlet, &passages),
    );
    drop(passages);
    let mut uf = UnionFind::new(n);
    let mut copy_links: Vec<(usize, usize, f64)> = Vec::new();
    // Copies of one day first: a report copied on several days joins its own day's.
    let mut copies = copies;
    copies.sort_by(|x, y| {
        let gap = |&(a, b, _): &(usize, usize, f64)| date_gap(facts[a].date, facts[b].date);
        gap(x)
            .unwrap_or(0)
            .cmp(&gap(y).unwrap_or(0))
            .then(y.2.total_cmp(&x.2))
            .then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    let mut copy_members: Vec<Vec<usize>> = (0..n).map(|d| vec![d]).collect();
    for &(a, b, share) in &copies {
        let (ra, rb) = (uf.find(a), uf.find(b));
        if ra == rb {
            continue;
        }
        // A copy never joins two editions of a routine report, not even through a copy of
        // each (an operation's report without its amount reads as a copy of every day's).
        let editions = copy_members[ra].iter().any(|&x| {
            copy_members[rb]
                .iter()
                .any(|&y| routine_editions(&facts[x], &facts[y]))
        });
        if editions {
            continue;
        }
        uf.union(a, b);
        let (root, other) = if uf.find(a) == ra { (ra, rb) } else { (rb, ra) };
        let moved = std::mem::take(&mut copy_members[other]);
        copy_members[root].extend(moved);
        copy_links.push((a, b, share));
    }
    let mut unit_of = vec![0usize; n];
    let mut unit_members: Vec<Vec<usize>> = Vec::new();
    let mut root_unit: BTreeMap<usize, usize> = BTreeMap::new();
    for (d, slot) in unit_of.iter_mut().enumerate() {
        let root = uf.find(d);
        let u = *root_unit.entry(root).or_insert_with(|| {
            unit_members.push(Vec::new());
            unit_members.len() - 1
        });
        unit_members[u].push(d);
        *slot = u;
    }
    // A unit stands for its longest member (then the first).
    let rep: Vec<usize> = unit_members
        .iter()
        .map(|m| {
            *m.iter()
                .max_by_key(|&&d| (documents[d].text.len(), std::cmp::Reverse(d)))
                .unwrap_or(&m[0])
        })
        .collect();

    // 2. Content vectors per unit; document frequencies count a syndicated story once.
    let respelt = respelt_names(rep.iter().map(|&d| &facts[d]), features);
    let counts: Vec<Vec<(u64, f32)>> = rep
        .par_iter()
        .map(|&d| {
            with_respellings_read(
                term_counts(&documents[d], &features[d], &outlet[d]),
                &respelt,
            )
        })
        .collect();
    // The background is English text: pooled in proportion to the input's English stories,
    // so an input in another language is weighed by its own counts alone.
    let english = rep
        .iter()
        .filter(|&&d| documents[d].language.is_some_and(|l| l.code == "eng"))
        .count();
    let idf = Idf::new(&counts)
        .with_background(params.background_articles * english as f64 / rep.len().max(1) as f64);
    let vectors: Vec<TermVector> = counts.par_iter().map(|c| idf.vector(c)).collect();
    drop(counts);
    let min_edge = (params.threshold * 0.5) as f32;
    let graph = similar_pairs(&vectors, min_edge.max(0.01));

    // 3-4. Average linkage over the graph.
    let units = unit_members.len();
    let mut linkage = Linkage {
        params,
        vectors: &vectors,
        facts: &facts,
        rep: &rep,
        groups: unit_members
            .iter()
            .map(|m| {
                let dates = m.iter().filter_map(|&d| facts[d].date);
                Group {
                    units: Vec::new(),
                    first_date: dates.clone().min(),
                    last_date: dates.max(),
                    alive: true,
                    version: 0,
                }
            })
            .collect(),
        adjacency: vec![BTreeMap::new(); units],
        known: HashMap::default(),
    };
    for (u, g) in linkage.groups.iter_mut().enumerate() {
        g.units.push(u);
    }
    let edges: Vec<(usize, usize, f64)> = graph
        .par_iter()
        .map(|&(u, v, overlap)| {
            let (u, v) = (u as usize, v as usize);
            (u, v, linkage.similarity_from_overlap(u, v, overlap))
        })
        .collect();
    linkage.known = edges.iter().map(|&(u, v, s)| ((u, v), s)).collect();
    // A compilation tells many events: it joins none of them (nor joins them to each other).
    let compiled: Vec<bool> = unit_members
        .iter()
        .map(|m| {
            m.iter().any(|&d| {
                compilations
                    .binary_search_by_key(&d, |c| c.document)
                    .is_ok()
            })
        })
        .collect();
    let edges: Vec<(usize, usize, f64)> = edges
        .into_iter()
        .filter(|&(u, v, s)| s > 0.0 && !compiled[u] && !compiled[v])
        .collect();
    for &(u, v, s) in &edges {
        linkage.adjacency[u].insert(v, s);
        linkage.adjacency[v].insert(u, s);
    }
    let mut heap: BinaryHeap<Candidate> = edges
        .iter()
        .map(|&(u, v, s)| Candidate {
            score: s,
            a: u,
            b: v,
            va: 0,
            vb: 0,
        })
        .collect();
    let mut content_links: Vec<(usize, usize, f64, LinkKind)> = Vec::new();
    while let Some(c) = heap.pop() {
        if c.score < params.threshold {
            break;
        }
        let (ga, gb) = (&linkage.groups[c.a], &linkage.groups[c.b]);
        if !ga.alive || !gb.alive || ga.version != c.va || gb.version != c.vb {
            continue;
        }
        if !linkage.dates_compatible(c.a, c.b) {
            continue;
        }
        let (u, v) = strongest_pair(&linkage, c.a, c.b);
        content_links.push((rep[u], rep[v], c.score, LinkKind::Content));
        linkage.merge(c.a, c.b);
        let neighbours: Vec<usize> = linkage.adjacency[c.a].keys().copied().collect();
        let fresh: Vec<Candidate> = neighbours
            .par_iter()
            .map(|&o| linkage.candidate(c.a, o))
            .filter(|k| k.score >= params.threshold)
            .collect();
        heap.extend(fresh);
    }

    // 5. Lone articles attached to the one cluster they clearly belong to (twice as close as
    // to any other). A large cluster's average comes from the sparse graph (pairs it does not
    // hold count as zero): judged by the cluster members the graph does hold for the article.
    // A lone narrative joins a small cluster of narratives at a lower bar: the outlets that
    // told its event in their own words, whose averages fell short as the cluster grew.
    let lone: Vec<usize> = (0..units)
        .filter(|&g| linkage.groups[g].alive && linkage.groups[g].units.len() == 1)
        .collect();
    let narrative = |u: usize| linkage.facts[linkage.rep[u]].words >= NARRATIVE_MIN_WORDS;
    let group_of_unit = linkage.group_of_units();
    let mut unit_neighbours: Vec<Vec<usize>> = vec![Vec::new(); units];
    for &(u, v, _) in &edges {
        unit_neighbours[u].push(v);
        unit_neighbours[v].push(u);
    }
    let attach: Vec<(usize, usize, f64, LinkKind)> = lone
        .par_iter()
        .filter_map(|&g| {
            let lone_narrative = linkage.groups[g].units.iter().all(|&u| narrative(u));
            // (average, the bar it must reach, cluster)
            let mut scored: Vec<(f64, f64, usize)> = linkage.adjacency[g]
                .iter()
                .filter_map(|(&o, &sum)| {
                    let members = &linkage.groups[o].units;
                    if members.len() > EXACT_PAIRS {
                        let held = members.len().min(MAX_NEIGHBOURS);
                        Some((sum / held as f64, params.threshold, o))
                    } else if lone_narrative && members.len() >= 2 {
                        // From the graph too (at most what the exact average gives): the
                        // exact one would cost a pass over every cluster next to every article.
                        let bar = if members.iter().all(|&v| narrative(v)) {
                            params.threshold * NARRATIVE_ATTACH_SHARE
                        } else {
                            params.threshold
                        };
                        Some((sum / members.len() as f64, bar, o))
                    } else {
                        None
                    }
                })
                .collect();
            scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.2.cmp(&y.2)));
            let clearly =
                scored.first().and_then(|&(best, bar, o)| {
                    let second = scored.get(1).map_or(0.0, |s| s.0);
                    (best >= bar && best >= 2.0 * second && linkage.dates_compatible(g, o))
                        .then_some((g, o, best, LinkKind::Content))
                });
            clearly.or_else(|| {
                let (o, average) = covered_cluster(&linkage, &unit_neighbours, &group_of_unit, g)?;
                Some((g, o, average, LinkKind::Coverage))
            })
        })
        .collect();
    for (g, o, score, kind) in attach {
        if !linkage.dates_compatible(g, o) {
            continue;
        }
        let (u, v) = strongest_pair(&linkage, o, g);
        content_links.push((rep[u], rep[v], score, kind));
        linkage.merge(o, g);
    }

    // Documents to clusters, in document order.
    let mut of_document = vec![usize::MAX; n];
    let mut members: Vec<Vec<usize>> = Vec::new();
    let group_of_unit = linkage.group_of_units();
    let mut cluster_of_group: BTreeMap<usize, usize> = BTreeMap::new();
    for d in 0..n {
        let g = group_of_unit[unit_of[d]];
        let id = *cluster_of_group.entry(g).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[id].push(d);
        of_document[d] = id;
    }

    let words = |a: usize, b: usize| -> Vec<String> {
        let top: Vec<u64> = shared_terms(&vectors[unit_of[a]], &vectors[unit_of[b]])
            .into_iter()
            .take(EVIDENCE_TERMS)
            .map(|(t, _)| t)
            .collect();
        term_words(&[&documents[a], &documents[b]], &top)
    };
    let mut links: Vec<Link> = copy_links
        .par_iter()
        .map(|&(a, b, share)| Link {
            a,
            b,
            kind: LinkKind::Copy,
            // For a copy: the share of the shorter article found in the other.
            similarity: share,
            shared_terms: Vec::new(),
            date_gap_days: date_gap(facts[a].date, facts[b].date),
        })
        .chain(content_links.par_iter().map(|&(a, b, s, kind)| Link {
            a: a.min(b),
            b: a.max(b),
            kind,
            similarity: s,
            shared_terms: words(a, b),
            date_gap_days: date_gap(facts[a].date, facts[b].date),
        }))
        .collect();
    links.sort_by_key(|l| (l.a, l.b));
    (
        Clusters {
            of_document,
            members,
            compilations,
        },
        links,
    )
}

/// The cluster a lone unit `g` neighbours nearly all of (see [`COVERED_CLUSTER_MIN`]), when
/// its summed similarity with that cluster is twice that with any other and, dated, it lies
/// within the date grace period of the cluster's days: the cluster and the unit's average
/// similarity with it.
fn covered_cluster(
    linkage: &Linkage<'_>,
    unit_neighbours: &[Vec<usize>],
    group_of_unit: &[usize],
    g: usize,
) -> Option<(usize, f64)> {
    let u = *linkage.groups[g].units.first()?;
    let mut neighbours_in: BTreeMap<usize, usize> = BTreeMap::new();
    for &v in &unit_neighbours[u] {
        *neighbours_in.entry(group_of_unit[v]).or_default() += 1;
    }
    let sum = |o: usize| linkage.adjacency[g].get(&o).copied().unwrap_or(0.0);
    let mut by_sum: Vec<(f64, usize)> = neighbours_in.keys().map(|&o| (sum(o), o)).collect();
    by_sum.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let &(best, o) = by_sum.first()?;
    let second = by_sum.get(1).map_or(0.0, |s| s.0);
    let size = linkage.groups[o].units.len();
    let covered = neighbours_in[&o] as f64 >= COVERED_SHARE * size as f64;
    // It joins the event on the days it is told: within the grace period of them.
    let grace = linkage.params.date_grace_days;
    let (lone, event) = (&linkage.groups[g], &linkage.groups[o]);
    let on_its_days = match (
        lone.first_date,
        lone.last_date,
        event.first_date,
        event.last_date,
    ) {
        (Some(a), Some(b), Some(first), Some(last)) => a >= first - grace && b <= last + grace,
        _ => true,
    };
    (size >= COVERED_CLUSTER_MIN
        && covered
        && best > 0.0
        && best >= 2.0 * second
        && on_its_days
        && linkage.dates_compatible(g, o))
    .then(|| (o, best / size as f64))
}

/// The `k`th pair of a fixed sample of `pairs` pairs (an index below `pairs`), spread over
/// them by a mixing function (splitmix64): the same for any run, unrelated to the order
/// units were numbered in.
fn sampled_pair(k: usize, pairs: usize) -> usize {
    let mut x = (k as u64).wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^= x >> 31;
    (x % pairs.max(1) as u64) as usize
}

/// The most similar pair of units across two groups (for evidence).
fn strongest_pair(linkage: &Linkage<'_>, a: usize, b: usize) -> (usize, usize) {
    let (ga, gb) = (&linkage.groups[a], &linkage.groups[b]);
    let mut best = (f64::MIN, ga.units[0], gb.units[0]);
    let budget = EXACT_PAIRS.max(1);
    for (k, (u, v)) in ga
        .units
        .iter()
        .flat_map(|&u| gb.units.iter().map(move |&v| (u, v)))
        .enumerate()
    {
        if k >= budget {
            break;
        }
        let s = linkage.unit_similarity(u, v);
        if s > best.0 {
            best = (s, u, v);
        }
    }
    (best.1, best.2)
}

/// The normalised words whose hashes are `terms`, in the order of `terms`, as the first of
/// `docs` that has each writes it, in its text or else in a title given apart from it: a
/// term one article has under a respelling (see [`respelt_names`]), or only in its title, or
/// only a copy of it has, is read from the other.
fn term_words(docs: &[&Document], terms: &[u64]) -> Vec<String> {
    let mut found: Vec<Option<String>> = vec![None; terms.len()];
    let sentences = docs
        .iter()
        .flat_map(|doc| doc.sentences.iter().map(move |s| doc.sentence_text(s)));
    let titles = docs.iter().filter_map(|doc| doc.meta.title.as_deref());
    for text in sentences.chain(titles) {
        if found.iter().all(Option::is_some) {
            break;
        }
        for t in crate::text::tokens::tokenize(text) {
            let h = crate::text::features::token_hash(&t.norm);
            if let Some(k) = terms.iter().position(|&x| x == h) {
                if found[k].is_none() {
                    found[k] = Some(t.norm);
                }
            }
        }
    }
    found.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shingles(hashes: impl Iterator<Item = u64>) -> Signature {
        Signature {
            shingles: hashes.enumerate().map(|(i, h)| (h, i as u32)).collect(),
        }
    }

    /// One sentence with these content words.
    fn words(hashes: impl Iterator<Item = u64>) -> Vec<SentenceFeatures> {
        vec![SentenceFeatures {
            content: hashes.collect(),
            ..SentenceFeatures::default()
        }]
    }

    /// One sentence per range of words, each word a content word.
    fn sentences(ranges: &[std::ops::RangeInclusive<u64>]) -> Vec<SentenceFeatures> {
        ranges
            .iter()
            .map(|r| SentenceFeatures {
                norms: r.clone().collect(),
                content: r.clone().collect(),
                ..SentenceFeatures::default()
            })
            .collect()
    }

    /// An article of `features.len()` sentences ("s. " each) in paragraphs of the given
    /// numbers of sentences (one paragraph of all when none are given).
    fn laid_out(features: &[SentenceFeatures], paragraphs: &[usize]) -> Document {
        let sentences = features.len();
        let mut doc = Document::new("t", "s. ".repeat(sentences), crate::model::Origin::Identity);
        doc.sentences = (0..sentences)
            .map(|k| crate::model::Sentence {
                range: 3 * k..3 * k + 2,
                kind: crate::model::SentenceKind::Body,
                language: None,
            })
            .collect();
        let default = [sentences];
        let sizes = if paragraphs.is_empty() {
            &default[..]
        } else {
            paragraphs
        };
        let mut start = 0;
        doc.paragraphs = sizes
            .iter()
            .map(|&n| {
                let p = 3 * start..3 * (start + n) - 1;
                start += n;
                p
            })
            .collect();
        doc
    }

    /// [`without_excerpts_of_compilations`] with no outlet text, every pair of articles a
    /// candidate passage, each article one paragraph unless `layouts` gives its paragraphs'
    /// sentence counts.
    fn compile_laid_out(
        copies: Vec<(usize, usize, f64)>,
        signatures: &[Signature],
        features: &[Vec<SentenceFeatures>],
        layouts: &[&[usize]],
    ) -> (Vec<(usize, usize, f64)>, Vec<Compilation>) {
        let documents: Vec<Document> = features
            .iter()
            .enumerate()
            .map(|(d, f)| laid_out(f, layouts.get(d).copied().unwrap_or(&[])))
            .collect();
        let n = signatures.len();
        let passages: Vec<(usize, usize, usize)> = (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .map(|(a, b)| (a, b, shared_shingles(&signatures[a], &signatures[b])))
            .filter(|&(_, _, shingles)| shingles > 0)
            .collect();
        let outlet = vec![Vec::new(); signatures.len()];
        without_excerpts_of_compilations(
            copies,
            &Shared::new(&documents, signatures, features, &outlet, &passages),
        )
    }

    fn compile(
        copies: Vec<(usize, usize, f64)>,
        signatures: &[Signature],
        features: &[Vec<SentenceFeatures>],
    ) -> (Vec<(usize, usize, f64)>, Vec<Compilation>) {
        compile_laid_out(copies, signatures, features, &[])
    }

    /// 0: a short story; 1: a long story of another event; 2: a briefing holding 0 whole,
    /// the first two sentences of 1 and a third story, in paragraphs of `briefing` sentences.
    fn briefing_laid_out(briefing: &[usize]) -> (Vec<(usize, usize, f64)>, Vec<Compilation>) {
        let signatures = [
            shingles(1..=10),
            shingles(100..=160),
            shingles((1..=10).chain(100..=120).chain(200..=230)),
        ];
        let features = [
            sentences(&[1..=5, 6..=10]),
            sentences(&[100..=110, 111..=120, 121..=160]),
            sentences(&[100..=110, 111..=120, 1..=5, 6..=10, 200..=230]),
        ];
        let layouts: [&[usize]; 3] = [&[2], &[2, 1], briefing];
        compile_laid_out(vec![(0, 2, 1.0)], &signatures, &features, &layouts)
    }

    #[test]
    fn a_digest_holding_one_article_whole_and_a_passage_of_another_is_no_copy_of_either() {
        // The paragraphs: 1's first two sentences, 0 whole, the third story.
        assert_article_2_compiles_0_and_1(briefing_laid_out(&[2, 2, 1]));
    }

    /// Article 2 is a compilation of 0 and 1, and no copy of either.
    fn assert_article_2_compiles_0_and_1(
        (kept, compilations): (Vec<(usize, usize, f64)>, Vec<Compilation>),
    ) {
        assert!(kept.is_empty(), "{kept:?}");
        assert_eq!(
            compilations,
            [Compilation {
                document: 2,
                holds: [0, 1]
            }]
        );
    }

    #[test]
    fn an_account_reusing_sentences_inside_its_own_paragraphs_is_no_digest() {
        // The same words, but the sentences of 0 run inside a paragraph of its own (an
        // account of one event retelling a wire's sentences in its own order).
        let (kept, compilations) = briefing_laid_out(&[1, 3, 1]);
        assert_eq!(kept, [(0, 2, 1.0)]);
        assert!(compilations.is_empty());
    }

    #[test]
    fn a_story_holding_its_trimmed_copy_stays_its_copy() {
        // 2 is the whole wire story; 0 its lead re-run; the rest of 2 names the lead's
        // people again (words 3, 5, 7, 9). 1 shares a background sentence with it.
        let signatures = [
            shingles(1..=10),
            shingles(100..=160),
            shingles((1..=10).chain(100..=110).chain(200..=230)),
        ];
        let features = [
            sentences(&[1..=5, 6..=10]),
            sentences(&[100..=110, 111..=160]),
            sentences(&[1..=5, 6..=10, 100..=110, 200..=230, 3..=9]),
        ];
        let layouts: [&[usize]; 3] = [&[2], &[1, 1], &[2, 1, 2]];
        let (kept, compilations) =
            compile_laid_out(vec![(0, 2, 1.0)], &signatures, &features, &layouts);
        assert_eq!(kept, [(0, 2, 1.0)]);
        assert!(compilations.is_empty());
    }

    #[test]
    fn a_copy_under_an_outlets_own_long_footer_stays_a_copy() {
        // 2 is 0 with a footer that shares no word with it and is no other article's passage.
        let signatures = [
            shingles(1..=10),
            shingles(100..=160),
            shingles((1..=10).chain(300..=340)),
        ];
        let features = [
            sentences(&[1..=5, 6..=10]),
            sentences(&[100..=160]),
            sentences(&[1..=5, 6..=10, 300..=340]),
        ];
        let (kept, compilations) = compile(vec![(0, 2, 1.0)], &signatures, &features);
        assert_eq!(kept, [(0, 2, 1.0)]);
        assert!(compilations.is_empty());
    }

    #[test]
    fn a_digest_holding_unrelated_articles_is_no_copy_of_them() {
        // 0, 1: two short stories; 2: a digest holding both and more.
        let signatures = [shingles(1..=10), shingles(11..=20), shingles(1..=40)];
        let copies = vec![(0, 2, 1.0), (1, 2, 1.0)];
        let features = [words(1..=10), words(11..=20), words(1..=20)];
        assert_article_2_compiles_0_and_1(compile(copies, &signatures, &features));
    }

    #[test]
    fn two_outlets_keeping_different_parts_of_one_wire_story_stay_its_copies() {
        // 0: the wire story; 1: its first paragraphs; 2: later ones. No shingle in common,
        // but the two name the same people and subject.
        let signatures = [shingles(1..=40), shingles(1..=15), shingles(21..=35)];
        let features = [words(1..=30), words(1..=15), words((1..=5).chain(16..=25))];
        let copies = vec![(0, 1, 1.0), (0, 2, 1.0)];
        let (kept, compilations) = compile(copies.clone(), &signatures, &features);
        assert_eq!(kept, copies);
        assert!(compilations.is_empty());
    }

    #[test]
    fn a_wire_story_and_its_trimmed_copies_stay_copies() {
        // 0: the wire story; 1, 2: two outlets' trimmed copies, sharing its lead.
        let signatures = [
            shingles(1..=40),
            shingles(1..=15),
            shingles((1..=12).chain(100..=103)),
        ];
        let copies = vec![(0, 1, 1.0), (0, 2, 0.75), (1, 2, 0.75)];
        let features = [
            words(1..=40),
            words(1..=15),
            words((1..=12).chain(100..=103)),
        ];
        let (kept, compilations) = compile(copies.clone(), &signatures, &features);
        assert_eq!(kept, copies);
        assert!(compilations.is_empty());
    }
    use proptest::prelude::*;

    proptest! {
        // The prefilter may only ever skip pairs the exact measures would reject.
        #[test]
        fn respelling_prefilter_never_rejects_a_close_pair(a in "[a-e]{0,9}", b in "[a-e]{0,9}") {
            let close = strsim::jaro_winkler(&a, &b) >= SAME_NAME_SIMILARITY
                || strsim::levenshtein(&a, &b) <= RESPELLING_EDITS;
            prop_assert!(!close || may_be_respelling(&a, &b));
        }

        // The index of forms with one letter deleted finds every pair one slip apart: a
        // respelling the rule accepts is never missed for want of a candidate.
        #[test]
        fn every_pair_one_slip_apart_shares_a_form(
            a in "[a-dé]{2,9}",
            at in 1usize..9,
            edit in 0u8..4,
            letter in "[a-dé]",
        ) {
            // `b` is `a` with one slip at a letter past the first: changed, added, dropped,
            // or swapped with the next.
            let mut chars: Vec<char> = a.chars().collect();
            let at = at.min(chars.len() - 1);
            let letter = letter.chars().next().unwrap();
            match edit {
                0 => chars[at] = letter,
                1 => chars.insert(at, letter),
                2 => {
                    chars.remove(at);
                }
                _ if at + 1 < chars.len() => chars.swap(at, at + 1),
                _ => {}
            }
            let b: String = chars.into_iter().collect();
            prop_assert!(one_slip(&a, &b) || strsim::osa_distance(&a, &b) != 1
                || a.starts_with(b.as_str()) || b.starts_with(a.as_str()));
            if one_slip(&a, &b) {
                let forms = one_letter_deleted(&a);
                prop_assert!(one_letter_deleted(&b).iter().any(|f| forms.contains(f)));
            }
        }

        // Reading respellings keeps the counts sorted by term, each term once, and their sum.
        #[test]
        fn reading_respellings_keeps_counts_sorted_and_whole(
            terms in proptest::collection::btree_map(0u64..20, 1u8..5, 0..12),
            pairs in proptest::collection::vec((0u64..20, 0u64..20), 0..6),
        ) {
            let counts: Vec<(u64, f32)> = terms.iter().map(|(&t, &c)| (t, f32::from(c))).collect();
            let respelt: FastMap<u64, u64> = pairs.into_iter().filter(|(r, c)| r != c).collect();
            let read = with_respellings_read(counts.clone(), &respelt);
            prop_assert!(read.windows(2).all(|w| w[0].0 < w[1].0));
            let sum = |v: &[(u64, f32)]| v.iter().map(|(_, c)| c).sum::<f32>();
            prop_assert_eq!(sum(&read), sum(&counts));
        }

        // Any text before a stock symbol, multi-byte marks included, reads without a panic.
        #[test]
        fn company_words_read_any_text(
            before in "[A-Za-zé “”\\\".;:\n]{0,24}",
            symbol in "[A-Z]{1,5}",
        ) {
            let title = format!("{before}<{symbol}> SETS PAYOUT");
            let words = company_words(&[&title, ""]);
            // Every word read is a word of the text before the symbol.
            let tokens = crate::text::features::features(&crate::text::tokens::tokenize(&before));
            prop_assert!(words.iter().all(|w| tokens.norms.contains(w)));
        }

        // Reading people's names never changes the names read, and every person is a name
        // the text mentions; multi-byte letters and marks read without a panic.
        #[test]
        fn reading_people_leaves_the_names_alone(text in "[A-Za-zÉé'’ ,.\"“-]{0,40}") {
            let (mut plain, mut with_people) = (Vec::new(), Vec::new());
            let mut people = PersonNames::default();
            read_names(&text, &mut plain, false, None);
            read_names(&text, &mut with_people, false, Some(&mut people));
            prop_assert_eq!(&plain, &with_people);
            let (persons, counts) = people.finish();
            prop_assert!(persons.iter().all(|p| counts.iter().any(|(n, _)| n == p)));
        }
    }

    #[test]
    fn respelling_prefilter_skips_names_with_few_letters_in_common() {
        assert!(may_be_respelling("halvorsen", "halvorson"));
        assert!(may_be_respelling("kowalski", "kowalsky"));
        assert!(!may_be_respelling("halvorsen", "brandt"));
        assert!(!may_be_respelling("pemberton", "ostrova"));
        assert!(may_be_respelling("zoë", "zoe"));
    }

    #[test]
    fn titles_with_other_subjects_in_one_frame() {
        let differ = |a: &str, b: &str| title_subjects_differ(&title_words(a), &title_words(b));
        // Another market, another commodity of one exchange.
        assert!(differ(
            "BRACKLEY HOGS UP 1.00 DLR - USDA",
            "PORT ELLIS HOGS OPEN UP 0.50 DLR"
        ));
        assert!(differ(
            "NORTH FORK CATTLE STEADY",
            "NORTH BEND CATTLE UP 0.50 DLR"
        ));
        assert!(differ(
            "KCX CORN FUTURES CLOSE HIGHER",
            "KCX OATS FUTURES RALLY TO CLOSE HIGHER"
        ));
        // One market: a flash, another verb phrase, another figure.
        assert!(!differ(
            "FLASH BRACKLEY HOGS UP 1.00 DLR",
            "BRACKLEY HOGS OPEN UP 1.00 DLR"
        ));
        assert!(!differ(
            "CENTRAL BANK EXPECTED TO ADD RESERVES",
            "CENTRAL BANK ADDS RESERVES VIA REPURCHASES"
        ));
        assert!(!differ(
            "MONEY MARKET GIVEN 90 MLN STG HELP",
            "MONEY MARKET GIVEN FURTHER 30 MLN STG HELP"
        ));
        assert!(!differ("KCX CORN SPREADS", "KCX CORN FUTURES CLOSE HIGHER"));
        // A re-run correcting the company's name; a stock symbol is no frame word.
        assert!(!differ(
            "HALVERCOR <HLVC.O> SETS LOSS PROVISION",
            "CORRECTED - HALVRECOR <HLVC.O> SETS LOSS PROVISION"
        ));
        // The same answer whichever title comes first.
        for (a, b) in [
            ("NORTH NORTH HOGS UP", "NORTH BEND HOGS UP"),
            ("BRACKLEY HOGS SEEN UP", "PORT ELLIS HOGS UP SEEN"),
        ] {
            assert_eq!(differ(a, b), differ(b, a), "{a} / {b}");
        }
        // Nothing shared after the subject: no frame.
        assert!(!differ(
            "MONEY MARKET GIVEN HELP",
            "LENDER INVITES BORROWING"
        ));
        assert!(!differ("", "BRACKLEY HOGS UP"));
    }

    #[test]
    fn working_days_skip_the_weekend() {
        let day = |iso| days(iso).unwrap();
        // 2026-12-04 is a Friday.
        assert_eq!(working_days_apart(day("2026-12-04"), day("2026-12-07")), 1);
        assert_eq!(working_days_apart(day("2026-12-07"), day("2026-12-04")), 1);
        assert_eq!(working_days_apart(day("2026-12-07"), day("2026-12-09")), 2);
        assert_eq!(working_days_apart(day("2026-12-07"), day("2026-12-07")), 0);
        assert!(working_days_apart(day("2026-01-01"), day("2026-12-07")) > 1);
    }

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(days("1970-01-01"), Some(0));
        assert_eq!(days("2025-04-04").unwrap() - days("2025-03-31").unwrap(), 4);
        assert_eq!(days("2024-03-01").unwrap() - days("2024-02-28").unwrap(), 2);
        assert_eq!(days("junk"), None);
        assert_eq!(days("2025-13-01"), None);
    }

    #[test]
    fn union_find_roots_are_the_smallest_member() {
        let mut uf = UnionFind::new(5);
        uf.union(4, 2);
        uf.union(2, 3);
        assert_eq!(uf.find(4), 2);
        assert_eq!(uf.find(3), 2);
        assert_eq!(uf.find(0), 0);
    }

    #[test]
    fn similarity_decays_with_the_date_gap() {
        let p = ClusterParams::default();
        assert_eq!(p.date_factor(None), 1.0);
        assert_eq!(p.date_factor(Some(2)), 1.0);
        let week = p.date_factor(Some(9));
        assert!((week - 0.5).abs() < 1e-9, "{week}");
        assert_eq!(p.date_factor(Some(p.max_date_span_days + 1)), 0.0);
    }

    /// [`covered_cluster`] for a lone unit next to `clusters`: one list per cluster, one entry
    /// per unit, the lone unit's similarity with it (zero: not a graph neighbour).
    fn covered(clusters: &[Vec<f64>]) -> Option<(usize, f64)> {
        covered_on_days(clusters, None, None)
    }

    /// [`covered`] with the first cluster's articles dated on `event_days` (first and last)
    /// and the lone one on `lone_day`.
    fn covered_on_days(
        clusters: &[Vec<f64>],
        event_days: Option<(i64, i64)>,
        lone_day: Option<i64>,
    ) -> Option<(usize, f64)> {
        let params = ClusterParams::default();
        let mut groups: Vec<Group> = Vec::new();
        let mut links: Vec<(usize, f64)> = Vec::new();
        for sims in clusters {
            let first = groups.len();
            for (k, &s) in sims.iter().enumerate() {
                groups.push(Group {
                    units: if k == 0 {
                        (first..first + sims.len()).collect()
                    } else {
                        Vec::new()
                    },
                    first_date: None,
                    last_date: None,
                    alive: k == 0,
                    version: 0,
                });
                if s > 0.0 {
                    links.push((first + k, s));
                }
            }
        }
        if let Some((first, last)) = event_days {
            groups[0].first_date = Some(first);
            groups[0].last_date = Some(last);
        }
        let lone = groups.len();
        groups.push(Group {
            units: vec![lone],
            first_date: lone_day,
            last_date: lone_day,
            alive: true,
            version: 0,
        });
        let mut linkage = Linkage {
            params: &params,
            vectors: &[],
            facts: &[],
            rep: &[],
            groups,
            adjacency: vec![BTreeMap::new(); lone + 1],
            known: HashMap::default(),
        };
        let group_of_unit = linkage.group_of_units();
        let mut unit_neighbours: Vec<Vec<usize>> = vec![Vec::new(); lone + 1];
        for &(v, s) in &links {
            unit_neighbours[lone].push(v);
            unit_neighbours[v].push(lone);
            *linkage.adjacency[lone].entry(group_of_unit[v]).or_default() += s;
        }
        covered_cluster(&linkage, &unit_neighbours, &group_of_unit, lone)
    }

    #[test]
    fn a_lone_account_near_nearly_every_article_of_a_wide_event_joins_it() {
        // Eight accounts, the lone one in its own words near seven of them: averages 0.105.
        let event = vec![0.12, 0.12, 0.12, 0.12, 0.12, 0.12, 0.12, 0.0];
        let (cluster, average) = covered(std::slice::from_ref(&event)).expect("joins");
        assert_eq!(cluster, 0);
        assert!((average - 0.105).abs() < 1e-9, "{average}");
        // Another cluster it is near, at less than half the sum, changes nothing.
        assert_eq!(covered(&[event, vec![0.2, 0.2]]).map(|c| c.0), Some(0));
    }

    #[test]
    fn a_story_near_a_few_accounts_of_a_wide_event_stays_apart() {
        // Near half of the accounts, however closely: a story next to the event.
        assert_eq!(
            covered(&[vec![0.3, 0.3, 0.3, 0.3, 0.0, 0.0, 0.0, 0.0]]),
            None
        );
        // Near every account of a cluster too small to tell (seven).
        assert_eq!(covered(&[vec![0.15; 7]]), None);
        // Near every account of two events alike: it belongs to neither clearly.
        assert_eq!(covered(&[vec![0.12; 8], vec![0.12; 8]]), None);
    }

    /// The respellings read in articles naming these names (lower case), with `lower` the
    /// words the input also writes in lower case: (respelling, read as).
    fn respellings(articles: &[&[&str]], lower: &[&str]) -> Vec<(String, String)> {
        let facts: Vec<DocFacts> = articles
            .iter()
            .map(|names| DocFacts {
                names: names.iter().map(|n| n.to_string()).collect(),
                ..DocFacts::default()
            })
            .collect();
        let lower_case = SentenceFeatures {
            norms: lower.iter().map(|w| token_hash(w)).collect(),
            informative: vec![true; lower.len()],
            ..SentenceFeatures::default()
        };
        let mut features = vec![Vec::new(); articles.len()];
        features[0].push(lower_case);
        let respelt = respelt_names(facts.iter(), &features);
        let all: Vec<&str> = articles.iter().flat_map(|a| a.iter().copied()).collect();
        let word = |h: u64| all.iter().find(|w| token_hash(w) == h).unwrap().to_string();
        let mut out: Vec<(String, String)> =
            respelt.iter().map(|(&r, &c)| (word(r), word(c))).collect();
        out.sort();
        out
    }

    #[test]
    fn a_name_respelt_in_one_article_is_read_as_the_name_others_use() {
        let found = respellings(
            &[&["castellano"], &["castellano"], &["castelano", "vordmann"]],
            &[],
        );
        assert_eq!(found, [("castelano".to_string(), "castellano".to_string())]);
        // Two swapped letters and a changed letter are one slip too.
        let found = respellings(
            &[
                &["castellano"],
                &["castellano"],
                &["catsellano"],
                &["castellamo"],
            ],
            &[],
        );
        assert_eq!(
            found,
            [
                ("castellamo".to_string(), "castellano".to_string()),
                ("catsellano".to_string(), "castellano".to_string())
            ]
        );
    }

    #[test]
    fn names_that_are_not_one_slip_of_a_better_attested_name_stay_as_written() {
        // Each pair is a near miss: short names ("Jonas", "Jones"), a name with a letter
        // added at its end ("Andrews", "Andrew"; "Ethiopian", "Ethiopia"), another first
        // letter ("Kastner", "Castner"), two slips apart, or as often used as the other; a
        // word the input writes in lower case ("Billion" in a title, "Bullion" elsewhere), or
        // a model number.
        let cases: [&[&[&str]]; 6] = [
            &[&["jones"], &["jones"], &["jonas"]],
            &[&["andrew"], &["andrew"], &["andrews"]],
            &[&["ethiopia"], &["ethiopia"], &["ethiopian"]],
            &[&["castner"], &["castner"], &["kastner"]],
            &[&["castellano"], &["castellano"], &["kastelano"]],
            &[&["castellano"], &["castelano"]],
        ];
        for articles in cases {
            assert_eq!(respellings(articles, &[]), [], "{articles:?}");
        }
        let models: &[&[&str]] = &[&["a310-300"], &["a310-300"], &["a340-300"]];
        assert_eq!(respellings(models, &[]), []);
        // A run of letters longer than any name (a hostile input) is never looked at: its
        // forms with one letter deleted would take its length squared.
        let long = "k".repeat(20_000);
        let slipped = format!("{long}x");
        let runs: &[&[&str]] = &[&[&long], &[&long], &[&slipped]];
        assert_eq!(respellings(runs, &[]), []);
        let titles: &[&[&str]] = &[&["bullion"], &["bullion"], &["billion"]];
        assert_eq!(respellings(titles, &["billion"]), []);
        assert_eq!(respellings(titles, &[]).len(), 1);
        // Two names fit equally: neither is read.
        let two: &[&[&str]] = &[
            &["martinez"],
            &["martinez"],
            &["martines"],
            &["martines"],
            &["martinex"],
        ];
        assert_eq!(respellings(two, &[]), []);
    }

    #[test]
    fn evidence_words_are_read_from_either_article_and_from_titles() {
        let article = |text: &str, title: Option<&str>| {
            let mut doc = Document::new("t", text.to_string(), crate::model::Origin::Identity);
            crate::text::segment_document(&mut doc);
            doc.meta.title = title.map(str::to_string);
            doc
        };
        let a = article("Haldersen resigned from the harbour board.", None);
        let b = article(
            "Haldorsen left the harbour board.",
            Some("Dredging inquiry"),
        );
        let terms: Vec<u64> = ["haldorsen", "harbour", "dredging", "absent"]
            .iter()
            .map(|w| token_hash(w))
            .collect();
        // The name only the second writes so, the title's word, in the order asked; a term
        // neither has is left out.
        assert_eq!(
            term_words(&[&a, &b], &terms),
            ["haldorsen", "harbour", "dredging"]
        );
        assert_eq!(term_words(&[&a], &terms), ["harbour"]);
    }

    #[test]
    fn counts_of_a_respelt_name_join_the_name_it_respells() {
        let mut respelt = FastMap::default();
        respelt.insert(7, 3);
        let read = with_respellings_read(vec![(1, 1.0), (3, 2.0), (7, 1.0), (9, 1.0)], &respelt);
        assert_eq!(read, [(1, 1.0), (3, 3.0), (9, 1.0)]);
        let untouched = vec![(1, 1.0), (2, 1.0)];
        assert_eq!(
            with_respellings_read(untouched.clone(), &respelt),
            untouched
        );
    }

    #[test]
    fn a_lone_account_joins_a_wide_event_only_on_its_days() {
        let event = [vec![0.15; 8]];
        // Told on days 10 to 12: a story of day 14 is within the grace period, one of day 6
        // (a fight four days before the offensive) is not.
        assert!(covered_on_days(&event, Some((10, 12)), Some(14)).is_some());
        assert!(covered_on_days(&event, Some((10, 12)), Some(8)).is_some());
        assert_eq!(covered_on_days(&event, Some((10, 12)), Some(6)), None);
        assert!(covered_on_days(&event, Some((10, 12)), None).is_some());
    }

    #[test]
    fn a_lead_opens_with_its_subject() {
        let run = |text: &str| {
            let f = crate::text::features::features(&crate::text::tokens::tokenize(text));
            subject_run(&f)
        };
        let h = crate::text::features::token_hash;
        assert_eq!(
            run("The Kingdom of Norland is issuing 100 mln euros of bonds"),
            [h("kingdom"), h("norland")]
        );
        assert_eq!(
            run("Halden Mills said on Monday"),
            [h("halden"), h("mills")]
        );
        assert!(run("the bonds are non-callable").is_empty());
    }

    #[test]
    fn template_stories_about_other_subjects_are_never_linked() {
        let f = |numbers: &[u64], words, subject: &[u64]| DocFacts {
            date: Some(10),
            numbers: numbers.to_vec(),
            words,
            lead_subject: subject.to_vec(),
            title_subject: Vec::new(),
            lead_name: None,
            tells_of_today: false,
            lead_labelled: false,
            tickers: Vec::new(),
            title: None,
            lead_names: Vec::new(),
            title_words: Vec::new(),
            names: Vec::new(),
            company: Vec::new(),
            vocabulary: Vec::new(),
            ..Default::default()
        };
        // Two issuers' bond notices: dense with figures, some shared (denominations).
        let halden = f(&[1, 2, 3, 4, 5, 6], 60, &[100, 101]);
        let vessa = f(&[1, 2, 7, 8, 9, 10], 60, &[200, 201]);
        assert!(never_linked(&halden, &vessa));
        // The same issuer's notice, rewritten: one subject.
        assert!(!never_linked(
            &halden,
            &f(&[1, 2, 3, 4, 5, 6], 50, &[100, 300])
        ));
        // Narrative stories (few figures for their length) are left to content similarity.
        assert!(!never_linked(
            &f(&[1, 2, 3, 4, 5, 6], 600, &[100]),
            &f(&[1, 2, 7, 8, 9, 10], 600, &[200])
        ));
        // No subject known on one side: nothing to tell them apart.
        assert!(!never_linked(&halden, &f(&[1, 2, 7, 8, 9, 10], 60, &[])));
        // Mostly the same figures: a report of one event in other words.
        assert!(!never_linked(&halden, &f(&[1, 2, 3, 4, 5, 9], 60, &[200])));
    }

    #[test]
    fn leads_naming_people_the_other_article_never_mentions_are_other_participants() {
        let facts = |lead: &[&str], names: &[&str]| {
            let strings = |w: &[&str]| {
                let mut v: Vec<String> = w.iter().map(|s| s.to_string()).collect();
                v.sort();
                v
            };
            DocFacts {
                date: None,
                numbers: Vec::new(),
                words: 300,
                lead_subject: Vec::new(),
                title_subject: Vec::new(),
                lead_name: None,
                tells_of_today: false,
                lead_labelled: false,
                tickers: Vec::new(),
                title: None,
                lead_names: strings(lead),
                title_words: Vec::new(),
                names: strings(names),
                company: Vec::new(),
                vocabulary: Vec::new(),
                ..Default::default()
            }
        };
        // One champion, two challengers: each lead names a man the other never mentions.
        let first_bout = facts(&["varga", "okonkwo"], &["varga", "okonkwo", "berlin"]);
        let second_bout = facts(&["varga", "lindqvist"], &["varga", "lindqvist", "oslo"]);
        assert!(other_participants(&first_bout, &second_bout));
        // The same bout told by another outlet, with the challenger respelt.
        let respelt = facts(&["okonkvo"], &["varga", "okonkvo"]);
        assert!(!other_participants(&first_bout, &respelt));
        // One side's lead names only people the other mentions too.
        let preview = facts(&["varga"], &["varga", "lindqvist"]);
        assert!(!other_participants(&first_bout, &preview));
    }

    #[test]
    fn people_are_introduced_by_full_name_and_called_by_the_last_one_alone() {
        let mut names = PersonNames::default();
        for sentence in [
            "Harbor City Gulls lineman Ottavio Brennan was arrested in San Diego.",
            "Brennan was stopped on Route 9, the patrol said.",
            "The Gulls said Brennan would play; the Gulls play in San Diego.",
            "Officers in Egypt and Egypt's neighbours, Cairo, Egypt, said so.",
            "Ottavio Brennan's lawyer, Brennan's agent and Brennan all declined.",
        ] {
            read_names(sentence, &mut Vec::new(), false, Some(&mut names));
        }
        let (people, counts) = names.finish();
        // "Gulls" ends a run but takes an article; "Diego" never stands alone; "Egypt" never
        // ends a run (a comma breaks "Cairo, Egypt").
        assert_eq!(people, ["brennan"]);
        let count = |n: &str| counts.iter().find(|c| c.0 == n).map(|c| c.1);
        // One per sentence naming it, a sentence's first word too.
        assert_eq!(count("brennan"), Some(4));
        assert_eq!(count("egypt"), Some(1));
        assert_eq!(count("route"), Some(1));
    }

    #[test]
    fn an_article_is_about_the_person_it_names_most_by_far() {
        let strings = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let counts = |c: &[(&str, u32)]| {
            c.iter()
                .map(|&(n, k)| (n.to_string(), k))
                .collect::<Vec<_>>()
        };
        let people = strings(&["arbogast", "brennan"]);
        // Not a person ("gulls"), however often named, is never the focus.
        let named = counts(&[("arbogast", 2), ("brennan", 4), ("gulls", 9)]);
        assert_eq!(
            focus_person(&people, &named),
            Some(("brennan".to_string(), 4))
        );
        // Two people named about as often: no one person the article is about.
        let even = counts(&[("arbogast", 3), ("brennan", 5)]);
        assert_eq!(focus_person(&people, &even), None);
        // Named in fewer than three sentences: too little to be about anyone.
        let few = counts(&[("brennan", 2)]);
        assert_eq!(focus_person(&people, &few), None);
    }

    #[test]
    fn a_story_recalling_another_players_arrest_in_passing_is_about_someone_else() {
        let facts =
            |focus: Option<(&str, u32)>, opening: &[&str], mentions: &[(&str, u32)]| DocFacts {
                focus: focus.map(|(n, c)| (n.to_string(), c)),
                opening_names: opening.iter().map(|s| s.to_string()).collect(),
                mention_counts: mentions.iter().map(|&(n, c)| (n.to_string(), c)).collect(),
                ..Default::default()
            };
        let first = facts(
            Some(("keswick", 6)),
            &["keswick"],
            &[("brennan", 1), ("keswick", 6)],
        );
        // The later arrest recalls the earlier one in one sentence.
        let second = facts(
            Some(("brennan", 5)),
            &["brennan"],
            &[("brennan", 5), ("keswick", 1)],
        );
        assert!(recalls_other_subject(&first, &second));
        assert!(recalls_other_subject(&second, &first));
        // Two stories of one event, each quoting its own spokesman, neither naming the
        // other's: left to their content.
        let spokesman = facts(Some(("vantongeren", 3)), &[], &[("vantongeren", 3)]);
        assert!(!recalls_other_subject(&first, &spokesman));
        // The coach's story names the player in its lead: one event.
        let coach = facts(
            Some(("arbogast", 4)),
            &["arbogast", "keswick"],
            &[("arbogast", 4), ("keswick", 1)],
        );
        assert!(!recalls_other_subject(&first, &coach));
        // A respelt name is the same person, mentioned as often as the subject (without
        // respellings, the first story's one mention of the other's person would part them).
        let respelt = facts(
            Some(("brennan", 5)),
            &["brennan"],
            &[("brennan", 5), ("keswik", 6)],
        );
        assert!(!recalls_other_subject(&first, &respelt));
        // No one the article is clearly about: nothing to compare.
        assert!(!recalls_other_subject(&facts(None, &[], &[]), &second));
    }

    #[test]
    fn short_notices_of_other_companies_are_never_linked() {
        let notice = |numbers: &[u64], tickers: &[u64], subject: &[u64]| DocFacts {
            date: Some(10),
            numbers: numbers.to_vec(),
            words: 14,
            lead_subject: subject.to_vec(),
            title_subject: Vec::new(),
            lead_name: None,
            tells_of_today: false,
            lead_labelled: false,
            tickers: tickers.to_vec(),
            title: None,
            lead_names: Vec::new(),
            title_words: Vec::new(),
            names: Vec::new(),
            company: Vec::new(),
            vocabulary: Vec::new(),
            ..Default::default()
        };
        // Two dividend notices: two figures each, one of them shared (a payment date).
        let first = notice(&[1, 2], &[50], &[]);
        assert!(never_linked(&first, &notice(&[1, 3], &[60], &[])));
        // The same company's notice again, whatever its lead says.
        assert!(!never_linked(&first, &notice(&[1, 3], &[50], &[70])));
        // Symbols on one side only: the leads decide.
        assert!(!never_linked(&first, &notice(&[1, 3], &[], &[70])));
        // A short story with no figure is no template.
        assert!(!never_linked(
            &notice(&[], &[50], &[]),
            &notice(&[], &[60], &[])
        ));
    }

    #[test]
    fn short_notices_of_subjects_neither_names_are_never_linked() {
        let notice = |subject: &[u64], named: &[u64], words| DocFacts {
            date: Some(10),
            words,
            lead_subject: subject.to_vec(),
            vocabulary: named.to_vec(),
            ..Default::default()
        };
        // "Kestrel Telephone said its split was approved", "Arden Systems declared a split".
        let kestrel = notice(&[1, 2], &[1, 2, 40, 41], 20);
        assert!(notices_of_unnamed_subjects(
            &kestrel,
            &notice(&[3, 4], &[3, 4, 40, 41], 25)
        ));
        assert!(never_linked(
            &kestrel,
            &notice(&[3, 4], &[3, 4, 40, 41], 25)
        ));
        // The other story names the subject by its initials ("NAW" for "Northern Alloy Works").
        let with_initials = DocFacts {
            subject_initials: Some(99),
            ..notice(&[1, 2], &[1, 2, 40, 41], 20)
        };
        assert!(!notices_of_unnamed_subjects(
            &with_initials,
            &notice(&[3, 4], &[3, 4, 40, 99], 25)
        ));
        // A sale told by the seller and by the buyer: each names the other.
        assert!(!notices_of_unnamed_subjects(
            &kestrel,
            &notice(&[3, 4], &[1, 3, 4, 40], 25)
        ));
        // Both longer than a notice, one longer than a short story, or a lead naming no one.
        assert!(!notices_of_unnamed_subjects(
            &notice(&[1, 2], &[1, 2], 60),
            &notice(&[3, 4], &[3, 4], 60)
        ));
        assert!(!notices_of_unnamed_subjects(
            &kestrel,
            &notice(&[3, 4], &[], ROUTINE_MAX_WORDS + 1)
        ));
        assert!(!notices_of_unnamed_subjects(
            &kestrel,
            &notice(&[], &[40, 41], 25)
        ));
    }

    #[test]
    fn companies_are_named_by_the_words_before_their_stock_symbol() {
        let h = crate::text::features::token_hash;
        let mut expected = vec![h("brackley"), h("mills"), h("inc")];
        expected.sort_unstable();
        assert_eq!(
            company_words(&["BRACKLEY MILLS INC <BRKM> SETS QUARTERLY", ""]),
            expected
        );
        // In a press release's lead: the words of its own clause only.
        let mut expected = vec![h("corp"), h("halden")];
        expected.sort_unstable();
        assert_eq!(
            company_words(&[
                "Dividend news",
                "Markets rose. Halden Corp (NYSE: HLD) said"
            ]),
            expected
        );
        assert!(company_words(&["NO SYMBOL HERE", "None here either."]).is_empty());
        // Regression: a curly quotation mark before the name was cut in the middle.
        assert_eq!(
            company_words(&["“Halden Corp <HLD> said”", ""]),
            company_words(&["Halden Corp <HLD> said", ""])
        );
    }

    #[test]
    fn stories_of_two_companies_neither_naming_the_other_are_never_linked() {
        let h = crate::text::features::token_hash;
        let notice = |ticker: u64, company: &[&str], words: &[&str]| {
            let mut vocabulary: Vec<u64> = words.iter().chain(company).map(|w| h(w)).collect();
            vocabulary.sort_unstable();
            let mut company: Vec<u64> = company.iter().map(|w| h(w)).collect();
            company.sort_unstable();
            DocFacts {
                date: Some(10),
                words: 30,
                tickers: vec![ticker],
                company,
                vocabulary,
                ..DocFacts::default()
            }
        };
        // Two banks' buybacks on one day.
        let first = notice(1, &["halden"], &["repurchase", "shares"]);
        let second = notice(2, &["brackley"], &["repurchase", "shares"]);
        assert!(other_companies(&first, &second));
        assert!(never_linked(&first, &second));
        // A merger told by each side: one names the other.
        let buyer = notice(1, &["halden"], &["acquire", "brackley"]);
        let target = notice(2, &["brackley"], &["accepted", "offer"]);
        assert!(!other_companies(&buyer, &target));
        assert!(!other_companies(&target, &buyer));
        // One company under two symbols: its name is shared.
        let again = notice(3, &["halden"], &["repurchase", "shares"]);
        assert!(!other_companies(&first, &again));
        // Two partnerships whose names share a word ("LP"): the words that differ decide.
        let partnership = |ticker, name| notice(ticker, &[name, "lp"], &["payout"]);
        assert!(other_companies(
            &partnership(5, "brackley"),
            &partnership(6, "tamworth")
        ));
        let unit = notice(7, &["halden", "bancorp"], &["repurchase"]);
        assert!(!other_companies(&first, &unit));
        // No name read before the symbol: nothing to tell them apart by.
        let unnamed = notice(4, &[], &["repurchase", "shares"]);
        assert!(!other_companies(&first, &unnamed));
        // Long stories of two companies neither naming the other: apart too.
        let long = DocFacts {
            words: 400,
            ..notice(2, &["brackley"], &["repurchase", "shares"])
        };
        assert!(other_companies(&first, &long));
        // On another day, long stories are apart only when neither names the other.
        let later = |vocabulary: &[&str]| DocFacts {
            date: Some(14),
            words: 400,
            ..notice(2, &["brackley"], vocabulary)
        };
        let long_first = DocFacts {
            words: 400,
            ..notice(1, &["halden"], &["repurchase", "shares"])
        };
        assert!(other_companies(&long_first, &later(&["repurchase"])));
        assert!(!other_companies(&long_first, &later(&["halden", "bid"])));
    }

    /// The facts of one article given as a JSON Lines record.
    fn facts_of_record(record: serde_json::Value) -> DocFacts {
        let (mut docs, _, _) = crate::ingest::read_bytes(
            "a.jsonl",
            record.to_string().into_bytes(),
            crate::ingest::Format::JsonLines,
        );
        let doc = docs.remove(0);
        let features = crate::text::features::document_features(&doc);
        doc_facts(&doc, &features, &[])
    }

    #[test]
    fn a_pages_date_line_gives_none_of_its_storys_figures() {
        let facts = facts_of_record(serde_json::json!({"id": "1", "text":
            "May 3, 2024, 10:31 GMT\n\nHarbour fire kills three\n\nA fire at the harbour killed three dock workers and hurt 12, the fire service said.\n"}));
        assert_eq!(facts.date, days("2024-05-03"));
        assert_eq!(facts.numbers.len(), 1);
    }

    #[test]
    fn a_label_and_colon_opening_the_lead_is_no_name() {
        let facts_of = |text: &str| {
            facts_of_record(serde_json::json!({"id": "1", "title": "T", "text": text}))
        };
        assert!(facts_of("Note: Current figures exclude a gain of five mln dlrs.").lead_labelled);
        assert!(!facts_of("The Reserve Bank of Caldera said it gave help.").lead_labelled);
        // A colon later in the sentence is no label.
        assert!(!facts_of("The Reserve Bank of Caldera said: we gave help.").lead_labelled);
        // Regression: the first word in lower case was searched for and found inside
        // "Reminder", so the label was missed.
        assert!(facts_of("Reminder: Figures in dlrs exclude a gain.").lead_labelled);
    }

    #[test]
    fn short_stories_of_their_own_day_on_two_days_are_two_happenings() {
        let story = |date, tells_of_today, words| DocFacts {
            date: Some(date),
            words,
            tells_of_today,
            ..DocFacts::default()
        };
        assert!(each_of_its_own_day(
            &story(10, true, 80),
            &story(11, true, 90)
        ));
        // One day's stories, a follow-up that looks back, or a long story: not parted so.
        assert!(!each_of_its_own_day(
            &story(10, true, 80),
            &story(10, true, 90)
        ));
        assert!(!each_of_its_own_day(
            &story(10, true, 80),
            &story(11, false, 90)
        ));
        assert!(!each_of_its_own_day(
            &story(10, true, 80),
            &story(11, true, 600)
        ));
    }

    #[test]
    fn a_lead_naming_the_same_institution_is_the_same_subject() {
        let facts = |lead_subject: &[u64], lead_name: Option<&[u64]>| DocFacts {
            date: Some(10),
            numbers: vec![1, 2, 3],
            words: 40,
            lead_subject: lead_subject.to_vec(),
            lead_name: lead_name.map(<[u64]>::to_vec),
            ..DocFacts::default()
        };
        // Its widespread words taken out, the titles' words stood for two subjects.
        let forecast = facts(&[7], Some(&[1, 2]));
        let help = facts(&[8], Some(&[1, 2]));
        assert!(!other_subject(&forecast, &help));
        // Another institution, or none named: the subjects decide as before.
        assert!(other_subject(&forecast, &facts(&[8], Some(&[1, 3]))));
        assert!(other_subject(&forecast, &facts(&[8], None)));
    }

    #[test]
    fn stock_symbols_are_read_in_wire_and_press_release_styles() {
        let symbols = tickers(&[
            "ACME CORP <ACM.O> SETS QUARTERLY",
            "Bravo Inc (NYSE: BRV) said, and Acme <ACM> agreed; not <b> or (see: X)",
        ]);
        let expected = {
            let mut v: Vec<u64> = ["ACM", "BRV"]
                .iter()
                .map(|s| crate::text::features::token_hash(s))
                .collect();
            v.sort_unstable();
            v
        };
        assert_eq!(symbols, expected);
    }

    #[test]
    fn recurring_reports_need_dates_and_differing_figures() {
        // Long reports full of figures (one in 50 words): figures alone decide.
        let story = |date, numbers: &[u64], words| DocFacts {
            date,
            numbers: numbers.to_vec(),
            words,
            lead_subject: Vec::new(),
            title_subject: Vec::new(),
            lead_name: None,
            tells_of_today: false,
            lead_labelled: false,
            tickers: Vec::new(),
            title: None,
            lead_names: Vec::new(),
            title_words: Vec::new(),
            names: Vec::new(),
            company: Vec::new(),
            vocabulary: Vec::new(),
            ..Default::default()
        };
        let f = |date, numbers: &[u64]| story(date, numbers, 200);
        let monday = f(Some(10), &[1, 2, 3, 4, 5]);
        let tuesday = f(Some(11), &[6, 7, 8, 9, 5]);
        assert!(recurring(&monday, &tuesday));
        // One figure in 50 words is the bound.
        let (first, next) = (
            story(Some(10), &[1, 2, 3, 4], 200),
            story(Some(11), &[5, 6, 7, 8], 200),
        );
        assert!(recurring(&first, &next));
        assert!(!recurring(&first, &story(Some(11), &[5, 6, 7, 8], 201)));
        // News stories telling other figures of one event a day apart (ages, counts, the day's
        // toll), a figure in a hundred words: not a report's editions.
        let account = |date, numbers: &[u64]| story(date, numbers, 500);
        assert!(!recurring(
            &account(Some(10), &[1, 2, 3, 4, 5]),
            &account(Some(11), &[6, 7, 8, 9, 5])
        ));
        // Same day: one report, whatever the figures.
        assert!(!recurring(&monday, &f(Some(10), &[6, 7, 8, 9])));
        // A follow-up repeating most figures.
        assert!(!recurring(&monday, &f(Some(12), &[1, 2, 3, 9])));
        // Undated or with few figures: no judgement.
        assert!(!recurring(&monday, &f(None, &[6, 7, 8, 9])));
        assert!(!recurring(&monday, &f(Some(11), &[6, 7])));
    }

    #[test]
    fn leads_name_their_reporting_periods_by_the_day_they_end_or_start() {
        let day = |m, d| {
            i64::from(chrono::Datelike::ordinal(
                &chrono::NaiveDate::from_ymd_opt(2000, m, d).unwrap(),
            ))
        };
        assert_eq!(
            periods_named("Sowing advanced in the week ended March 28, the board said."),
            [day(3, 28)]
        );
        assert_eq!(
            periods_named("Mills will run the week of Mar. 23 and the week of March 30."),
            [day(3, 23), day(3, 30)]
        );
        assert_eq!(
            periods_named("Stocks fell in the week ending Friday, April 3."),
            [day(4, 3)]
        );
        assert_eq!(
            periods_named("Output fell in the month ended March 31, the institute said."),
            [day(3, 31)]
        );
        // A day alone, or a month named with a figure after it, names no period.
        assert!(periods_named("The plant reopened on March 28.").is_empty());
        assert!(periods_named("In the month of March 12 stores opened.").is_empty());
    }

    #[test]
    fn reports_of_other_weeks_are_two_editions() {
        let f = |date, periods: &[i64]| DocFacts {
            date,
            periods: periods.to_vec(),
            words: 120,
            ..Default::default()
        };
        let first = f(Some(10), &[88]);
        assert!(reports_of_other_periods(&first, &f(Some(17), &[95])));
        assert!(routine_editions(&first, &f(Some(17), &[95])));
        // A follow-up a week later naming the week it comments on.
        assert!(!reports_of_other_periods(&first, &f(Some(17), &[88, 95])));
        // One bulletin's sections, summed up over weeks ending a day apart.
        assert!(!reports_of_other_periods(&first, &f(Some(11), &[89])));
        // Same day, undated, or no period named: no judgement.
        assert!(!reports_of_other_periods(&first, &f(Some(10), &[95])));
        assert!(!reports_of_other_periods(&first, &f(None, &[95])));
        assert!(!reports_of_other_periods(&first, &f(Some(17), &[])));
        // The year wraps: the weeks ended December 29 and January 2 are four days apart.
        assert!(reports_of_other_periods(
            &f(Some(10), &[364]),
            &f(Some(14), &[2])
        ));
    }

    #[test]
    fn one_lead_telling_its_own_week_a_week_apart_is_two_editions() {
        let f = |date, own_time, lead: &[u64]| DocFacts {
            date,
            lead_tells_its_time: own_time,
            lead_words: lead.to_vec(),
            // Each edition its own figures (a rig count of the week).
            numbers: vec![date.unwrap_or(0) as u64],
            words: 300,
            ..Default::default()
        };
        let monday = f(Some(10), true, &[1, 2, 3, 4, 5, 6]);
        // "Drilling activity fell last week…", a week later "rose last week".
        assert!(one_lead_of_other_weeks(
            &monday,
            &f(Some(17), true, &[1, 2, 3, 4, 7, 8])
        ));
        assert!(routine_editions(
            &monday,
            &f(Some(17), true, &[1, 2, 3, 4, 7, 8])
        ));
        // Five days apart is a week's edition; four is a follow-up within the week, though its
        // lead repeats the first one's words.
        assert!(one_lead_of_other_weeks(
            &monday,
            &f(Some(15), true, &[1, 2, 3, 4, 7, 8])
        ));
        assert!(!one_lead_of_other_weeks(
            &monday,
            &f(Some(14), true, &[1, 2, 3, 4, 7, 8])
        ));
        // The same lead with the same figures: the story re-run, which stays with its source.
        let mut rerun = f(Some(17), true, &[1, 2, 3, 4, 5, 6]);
        rerun.numbers = monday.numbers.clone();
        assert!(!one_lead_of_other_weeks(&monday, &rerun));
        // A week later in other words: the story went on.
        assert!(!one_lead_of_other_weeks(
            &monday,
            &f(Some(17), true, &[1, 2, 9, 10, 11, 12])
        ));
        // A lead that does not tell of its own day or week (a background piece).
        assert!(!one_lead_of_other_weeks(
            &monday,
            &f(Some(17), false, &[1, 2, 3, 4, 7, 8])
        ));
        // Undated: no judgement.
        assert!(!one_lead_of_other_weeks(
            &monday,
            &f(None, true, &[1, 2, 3, 4, 7, 8])
        ));
    }

    #[test]
    fn leads_count_the_ones_of_a_series_not_the_days_of_one_happening() {
        let store = crate::text::features::token_hash("store");
        let quarter = crate::text::features::token_hash("quarter");
        assert_eq!(
            ordinals_named("Kestrel Corp said it has opened its 101st store, a unit in Alder."),
            [(store, 101)]
        );
        assert_eq!(
            ordinals_named("Net rose in the second quarter, after the First Quarter's loss."),
            {
                let mut v = vec![(quarter, 2), (quarter, 1)];
                v.sort_unstable();
                v
            }
        );
        // A place in a race, and dates, count nothing.
        assert!(ordinals_named("Kestrel finished second in the race.").is_empty());
        assert!(ordinals_named("On the 28th of March, the 29th march was held.").is_empty());
        // The span of one happening: its days, its sessions, how often, its halves.
        assert!(ordinals_named("Kestrel scored in the second half.").is_empty());
        assert!(ordinals_named(
            "On the fourth day of the strike, for the second time, talks failed."
        )
        .is_empty());
        assert!(ordinals_named("Prices fell for the third straight session.").is_empty());
    }

    #[test]
    fn the_same_thing_counted_otherwise_on_another_day_is_another_of_a_series() {
        let (store, unit) = (1u64, 2u64);
        let f = |date, ordinals: &[(u64, u32)]| DocFacts {
            date,
            ordinals: ordinals.to_vec(),
            words: 20,
            ..Default::default()
        };
        let first = f(Some(10), &[(store, 101)]);
        assert!(other_ones_of_a_series(
            &first,
            &f(Some(21), &[(store, 102)])
        ));
        assert!(routine_editions(&first, &f(Some(21), &[(store, 102)])));
        // A follow-up counts it the same way.
        assert!(!other_ones_of_a_series(
            &first,
            &f(Some(21), &[(store, 101)])
        ));
        assert!(!other_ones_of_a_series(
            &first,
            &f(Some(21), &[(store, 101), (store, 102)])
        ));
        // Another thing counted, none counted, the same day, or undated: no judgement.
        assert!(!other_ones_of_a_series(
            &first,
            &f(Some(21), &[(unit, 102)])
        ));
        assert!(!other_ones_of_a_series(&first, &f(Some(21), &[])));
        assert!(!other_ones_of_a_series(
            &first,
            &f(Some(10), &[(store, 102)])
        ));
        assert!(!other_ones_of_a_series(&first, &f(None, &[(store, 102)])));
    }

    #[test]
    fn one_institutions_doings_of_two_days_are_two_happenings() {
        let bank = vec![11, 12, 13];
        let f = |date, today, name: Option<&Vec<u64>>, numbers: &[u64]| DocFacts {
            date,
            lead_says_today: today,
            lead_name: name.cloned(),
            numbers: numbers.to_vec(),
            words: 180,
            ..Default::default()
        };
        // "The Bank of Caldera will not hold a tender today", three days later "… said it set a
        // tender today".
        let monday = f(Some(10), true, Some(&bank), &[775]);
        assert!(one_institutions_days(
            &monday,
            &f(Some(13), true, Some(&bank), &[775, 800])
        ));
        assert!(routine_editions(
            &monday,
            &f(Some(13), true, Some(&bank), &[775, 800])
        ));
        // The story re-run the next day keeps its figures: a copy, left to the copy rules.
        assert!(!one_institutions_days(
            &monday,
            &f(Some(11), true, Some(&bank), &[775])
        ));
        // The same day, another institution, no name of two words, or a lead telling no
        // happening of its own day: no judgement.
        assert!(!one_institutions_days(
            &monday,
            &f(Some(10), true, Some(&bank), &[800])
        ));
        assert!(!one_institutions_days(
            &monday,
            &f(Some(13), true, Some(&vec![14, 15]), &[800])
        ));
        assert!(!one_institutions_days(
            &f(Some(10), true, None, &[775]),
            &f(Some(13), true, None, &[800])
        ));
        assert!(!one_institutions_days(
            &monday,
            &f(Some(13), false, Some(&bank), &[800])
        ));
        // "The Reserve Bank of Caldera bought about 500 mln dlrs of bills", the next day "will
        // buy one billion dlrs": leads of its own operations, by their amounts.
        let h = crate::text::features::token_hash;
        let amount = |norm: &str| Amount::of(norm).unwrap();
        let bought = |date, norm: &str, numbers: &[&str]| {
            let mut numbers: Vec<u64> = numbers.iter().map(|n| h(n)).collect();
            numbers.sort_unstable();
            DocFacts {
                lead_amounts: vec![amount(norm)],
                ..f(Some(date), false, Some(&bank), &numbers)
            }
        };
        let first = bought(24, "usd:500000000", &["usd:500000000", "pct:6.125"]);
        assert!(one_institutions_days(
            &first,
            &bought(25, "usd:1000000000", &["usd:1000000000", "pct:6.1875"])
        ));
        // The later story telling the earlier amount (bare, "from 500 mln"): a follow-up.
        assert!(!one_institutions_days(
            &first,
            &bought(25, "usd:1000000000", &["usd:1000000000", "num:500000000"])
        ));
        // The amount rounded ("about 500 mln", "502.5 mln"): one operation told twice.
        assert!(!one_institutions_days(
            &first,
            &bought(25, "usd:502500000", &["usd:502500000"])
        ));
    }

    #[test]
    fn amounts_are_money_and_percentages_rounded_alike_within_two_percent() {
        let tokens = crate::text::tokens::tokenize("Kestrel buys 4 jets for 212.4 mln dlrs, 5 pct");
        let read = amounts(&tokens);
        // "4" is a bare number, no amount.
        assert_eq!(read.len(), 2);
        let of = |norm| Amount::of(norm).unwrap();
        assert!(of("usd:212400000").about(&of("usd:212000000")));
        assert!(!of("usd:212400000").about(&of("usd:200000000")));
        // The same figure in another unit is another amount.
        assert!(!of("usd:5").about(&of("pct:5")));
        assert!(Amount::of("num:4").is_none());
        assert_eq!(
            initials("International Business Machines Corp ").as_deref(),
            Some("ibm")
        );
        // Two letters are too few to tell a name ("kt").
        assert_eq!(initials("<Kestrel Telephone Co Ltd>"), None);
        assert_eq!(initials("The Bank of Caldera "), None);
    }

    #[test]
    fn titles_giving_other_amounts_on_other_days_are_two_deals() {
        let facts_of = |date: &str, title: &str, text: &str| {
            facts_of_record(
                serde_json::json!({"id": "1", "date": date, "title": title, "text": text}),
            )
        };
        let radar = facts_of(
            "2025-05-06",
            "KESTREL UNIT GETS 212.4 MLN DLR RADAR CONTRACT",
            "Kestrel Corp is being awarded a 212.4 mln dlr contract for radar work.",
        );
        let navy = |date| {
            facts_of(
                date,
                "KESTREL GETS 88.6 MLN DLR NAVY CONTRACT",
                "Kestrel Corp is being awarded an 88.6 mln dlr contract for patrol aircraft.",
            )
        };
        assert_eq!(radar.title_amounts.len(), 1);
        assert!(other_amounts_in_titles(&radar, &navy("2025-05-08")));
        assert!(routine_editions(&radar, &navy("2025-05-08")));
        // The same day: no judgement (two contracts of one day are left to the content).
        assert!(!other_amounts_in_titles(&radar, &navy("2025-05-06")));
        // A follow-up telling the amount it follows, even without its unit.
        let raised = facts_of(
            "2025-05-08",
            "KESTREL RAISES RADAR CONTRACT TO 250 MLN DLRS",
            "Kestrel Corp said the radar contract was raised to 250 mln dlrs from 212.4 mln.",
        );
        assert!(!other_amounts_in_titles(&radar, &raised));
        // A re-run under its title the next day, and a title giving no amount.
        let rerun = facts_of(
            "2025-05-07",
            "KESTREL UNIT GETS 212.4 MLN DLR RADAR CONTRACT",
            "Kestrel Corp is being awarded a contract worth 212.4 million U.S. dollars.",
        );
        assert!(!other_amounts_in_titles(&radar, &rerun));
        let no_amount = facts_of(
            "2025-05-08",
            "KESTREL WINS NAVY CONTRACT",
            "Kestrel Corp is being awarded an 88.6 mln dlr contract for patrol aircraft.",
        );
        assert!(no_amount.title_amounts.is_empty());
        assert!(!other_amounts_in_titles(&radar, &no_amount));
        // A plain number in a title is no amount ("4 747S").
        assert!(facts_of(
            "2025-05-08",
            "KESTREL BUYS 4 JETS",
            "Kestrel Corp bought jets."
        )
        .title_amounts
        .is_empty());
    }

    #[test]
    fn a_routine_report_under_one_title_is_an_edition_a_day() {
        // Reports too long to be routine whatever their title.
        let f = |date, numbers: &[u64], title| DocFacts {
            date,
            numbers: numbers.to_vec(),
            words: 200,
            lead_subject: Vec::new(),
            title_subject: Vec::new(),
            lead_name: None,
            tells_of_today: false,
            lead_labelled: false,
            tickers: Vec::new(),
            title,
            lead_names: Vec::new(),
            title_words: Vec::new(),
            names: Vec::new(),
            company: Vec::new(),
            vocabulary: Vec::new(),
            ..Default::default()
        };
        let monday = f(Some(10), &[1, 2], Some(7));
        assert!(recurring(&monday, &f(Some(11), &[3, 4], Some(7))));
        // A round amount repeated, the rate of the day new: still another edition.
        assert!(recurring(&monday, &f(Some(11), &[1, 4], Some(7))));
        // Every figure kept: the same report run again.
        assert!(!recurring(&monday, &f(Some(11), &[1, 2], Some(7))));
        // Most figures kept: an update of one story.
        assert!(!recurring(
            &f(Some(10), &[1, 2, 3], Some(7)),
            &f(Some(11), &[1, 2, 4], Some(7))
        ));
        // Another title: an update under a new headline.
        assert!(!recurring(&monday, &f(Some(11), &[3, 4], Some(8))));
        // One figure is too little to tell an edition from an update.
        assert!(!recurring(
            &f(Some(10), &[1], Some(7)),
            &f(Some(11), &[3], Some(7))
        ));
        // No titles: no judgement.
        assert!(!recurring(
            &f(Some(10), &[1, 2], None),
            &f(Some(11), &[3, 4], None)
        ));
    }

    #[test]
    fn counts_spelled_out_are_read_as_the_figures_they_stand_for() {
        let features = crate::text::features::features(&crate::text::tokens::tokenize(
            "Seven ships loading, two of them bulk carriers, and 7 waiting; eight pct full",
        ));
        let numbers = {
            let mut n = features.numbers.clone();
            n.sort_unstable();
            n
        };
        let counts = spelled_counts(std::slice::from_ref(&features), &|_| true, &numbers);
        // "Seven ships" is 7, already a figure; "two of them" is no count; "eight pct" is a
        // figure (pct:8). Nothing is left to add.
        assert!(counts.is_empty(), "{counts:?}");
        let features = crate::text::features::features(&crate::text::tokens::tokenize(
            "Three ships were loading and six waiting",
        ));
        let counts = spelled_counts(std::slice::from_ref(&features), &|_| true, &[]);
        let figure = |n: u32| crate::text::features::token_hash(&format!("num:{n}"));
        let mut expected = vec![figure(3), figure(6)];
        expected.sort_unstable();
        assert_eq!(counts, expected);
    }

    #[test]
    fn under_one_title_counts_spelled_out_tell_the_editions() {
        let f = |date, counts: &[u64], title| DocFacts {
            date,
            counts: counts.to_vec(),
            words: 25,
            title,
            ..Default::default()
        };
        // A brief of ships loading and waiting, and a week later: two editions.
        let first = f(Some(10), &[6, 7], Some(5));
        assert!(routine_editions(&first, &f(Some(17), &[2, 3], Some(5))));
        // One count the same, the other changed: still another day's figures.
        assert!(routine_editions(&first, &f(Some(17), &[6, 8], Some(5))));
        // The same counts again are left to the figures in digits: with none, no judgement,
        // whatever the gap (a story re-run whole repeats its counts).
        assert!(!routine_editions(&first, &f(Some(12), &[6, 7], Some(5))));
        assert!(!routine_editions(&first, &f(Some(24), &[6, 7], Some(5))));
        // With the same figures in digits too, the digits decide: repeated two working days
        // later, they are the report's figures recurring (see `routine_editions`).
        let with_digits = |date| DocFacts {
            numbers: vec![1],
            ..f(date, &[6, 7], Some(5))
        };
        assert!(!routine_editions(
            &with_digits(Some(10)),
            &with_digits(Some(11))
        ));
        assert!(routine_editions(
            &with_digits(Some(10)),
            &with_digits(Some(12))
        ));
        // Under other titles, or with no title, counts decide nothing.
        assert!(!routine_editions(&first, &f(Some(17), &[2, 3], Some(4))));
        assert!(!routine_editions(
            &f(Some(10), &[6, 7], None),
            &f(Some(17), &[2, 3], None)
        ));
    }

    #[test]
    fn a_short_report_of_figures_is_an_edition_a_day_under_any_title() {
        let f = |date, numbers: &[u64], words, tickers: &[u64], title| DocFacts {
            date,
            numbers: numbers.to_vec(),
            words,
            lead_subject: Vec::new(),
            title_subject: Vec::new(),
            lead_name: None,
            tells_of_today: false,
            lead_labelled: false,
            tickers: tickers.to_vec(),
            title,
            lead_names: Vec::new(),
            title_words: Vec::new(),
            names: Vec::new(),
            company: Vec::new(),
            vocabulary: Vec::new(),
            ..Default::default()
        };
        // The morning's expectation and the operation, 45-90 words, two or three figures.
        let monday = f(Some(10), &[1, 2, 3], 80, &[], Some(1));
        // Tuesday's operation repeats Monday's amount and rate: still Tuesday's report.
        assert!(recurring(&monday, &f(Some(11), &[1, 2], 45, &[], Some(2))));
        assert!(recurring(
            &monday,
            &f(Some(11), &[1, 2, 4], 80, &[], Some(1))
        ));
        // Every figure the same: a re-run (a partner's copy dated the next day).
        assert!(!recurring(
            &monday,
            &f(Some(11), &[1, 2, 3], 80, &[], Some(1))
        ));
        // Two working days later, the same figures are the report's own recurring again
        // (found on a wire archive: a shortage forecast revised down from 450 to 400 on two
        // days); Friday's report re-run on Monday is a re-run.
        assert!(recurring(
            &monday,
            &f(Some(12), &[1, 2, 3], 80, &[], Some(1))
        ));
        let friday = days("2026-12-04");
        let next_monday = days("2026-12-07");
        assert!(!recurring(
            &f(friday, &[1, 2, 3], 80, &[], Some(1)),
            &f(next_monday, &[1, 2, 3], 80, &[], Some(1))
        ));
        // Same day: one report.
        assert!(!recurring(&monday, &f(Some(10), &[1, 2], 45, &[], Some(2))));
        // A brief of one figure (the operation without its amount) is routine too; a story
        // of one figure in 90 words is not.
        assert!(recurring(&monday, &f(Some(11), &[1], 45, &[], Some(2))));
        assert!(!recurring(&monday, &f(Some(11), &[1], 90, &[], Some(2))));
        assert!(!recurring(
            &f(Some(10), &[], 30, &[], None),
            &f(Some(11), &[], 30, &[], None)
        ));
        // A figure per 40 words is a story with figures, not a report of them.
        assert!(!recurring(
            &f(Some(10), &[1, 2, 3], 120, &[], None),
            &f(Some(11), &[4, 5, 6], 130, &[], None)
        ));
        // One company's offering filed, then sold: a follow-up.
        assert!(!recurring(
            &f(Some(10), &[1, 2, 3], 50, &[9], Some(3)),
            &f(Some(12), &[1, 2, 4], 50, &[9], Some(4))
        ));
        // Under one title, a longer table with one rate changed is the next edition; with
        // every figure kept, the same table run again.
        let table = |date, numbers: &[u64]| f(date, numbers, 200, &[], Some(5));
        let rates = [1, 2, 3, 4, 5, 6, 7, 8];
        assert!(recurring(
            &table(Some(10), &rates),
            &table(Some(17), &[1, 2, 3, 4, 5, 6, 7, 9])
        ));
        assert!(!recurring(
            &table(Some(10), &rates),
            &table(Some(17), &rates)
        ));
    }
}
