//! Direct quotations, their speakers, and groups of quotations that render the same utterance
//! across articles: facts for the quote rules.
//!
//! Extraction pairs quotation marks within a paragraph (curly, straight, a curly mark with a
//! straight one as typed copy mixes them, guillemets, low-high, and single marks where they
//! open and close like quotes rather than apostrophes; a pair nested in another stays inside
//! it). A
//! quotation left open at the end of its paragraph continues only if the next paragraph opens
//! with a quotation mark, so a stray mark never swallows the article. A headline "Name: words"
//! is a quotation of Name. Quotations of one or two words are fragments (scare quotes, titles).
//!
//! Speakers come from the reporting clause around the quotation ("…,” she said", "said Smith",
//! "Smith said that “…”", "according to Smith", a colon lead-in), pronouns resolve to the last
//! person named, and titles ("the Secretary General") to the person the article names with
//! that title. The speaker is the fullest name the article gives ("Mark Smith" for "Smith").

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use rayon::prelude::*;

use crate::model::{Document, SentenceKind};
use crate::text::features::{features, SentenceFeatures};
use crate::text::tokens::tokenize;
use crate::text::words;

/// What a quoted span is. Only [`QuoteKind::Speech`] and [`QuoteKind::Partial`] are
/// quotations of someone's words and take part in the quote rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuoteKind {
    /// A quotation of speech or writing: a clause or more, usually with a reporting verb.
    Speech,
    /// A few of someone's words quoted inside the writer's own sentence
    /// (`he called the plan “a disaster”`).
    Partial,
    /// A scare quote, a coined term or a word discussed as a word ("naive", "shovel-ready").
    Term,
    /// The title of a work: a film, book, show, song, report; a "READ MORE" headline.
    Title,
    /// A nickname between a first and last name (Cris “Cyborg” Justino), or after "nicknamed".
    Nickname,
    /// The words of a sign, banner, chant, slogan or hashtag.
    Slogan,
    /// Wording cited from a law, bill, report, ruling or other document.
    Document,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Speech => "speech",
            QuoteKind::Partial => "partial",
            QuoteKind::Term => "term",
            QuoteKind::Title => "title",
            QuoteKind::Nickname => "nickname",
            QuoteKind::Slogan => "slogan",
            QuoteKind::Document => "document",
        }
    }

    /// Whether quotations of this kind are someone's words (and take part in quote rules).
    pub fn is_speech(self) -> bool {
        matches!(self, QuoteKind::Speech | QuoteKind::Partial)
    }
}

/// One quoted span.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub document: usize,
    /// Byte range of the quoted words (inside the marks) in the document text.
    pub range: Range<usize>,
    /// The speaker's name, as fully as the article gives it.
    pub speaker: Option<String>,
    /// Why `speaker` is `None` (always set when it is).
    pub speaker_reason: Option<String>,
    pub kind: QuoteKind,
    /// Not a quotation of someone's words: `!kind.is_speech()`.
    pub fragment: bool,
    /// Group index across the corpus (only speech and partial quotations are grouped, and
    /// only with quotations of the same event cluster).
    pub group: Option<usize>,
}

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "told",
    "tells",
    "stated",
    "states",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "underlined",
    "underlines",
    "warned",
    "warns",
    "asked",
    "asks",
    "explained",
    "continued",
    "wrote",
    "writes",
    "insisted",
    "argued",
    "declared",
    "announced",
    "emphasised",
    "emphasized",
    "acknowledged",
    "replied",
    "urged",
    "underscored",
    "commended",
    "described",
    "called",
    "reiterated",
    "highlighted",
    "concluded",
    "claimed",
    "admitted",
    "saying",
    "briefed",
    "vowed",
    "promised",
    "accused",
    "recalled",
    "suggested",
    "predicted",
    "conceded",
    "remarked",
    "observed",
    "commented",
    "responded",
    "tweeted",
    "posted",
    "pointed",
    "cautioned",
    "confirmed",
    "denied",
    "recalled",
    "answered",
    "shouted",
];

const TITLE_WORDS: &[&str] = &[
    "secretary",
    "general",
    "minister",
    "president",
    "prime",
    "chancellor",
    "foreign",
    "defence",
    "defense",
    "mayor",
    "governor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "executive",
    "director",
    "chairman",
    "chair",
    "head",
    "leader",
    "king",
    "queen",
    "senator",
    "representative",
    "high",
    "former",
    "dutch",
    "deputy",
    "ambassador",
    "envoy",
    "commissioner",
    "general",
    "admiral",
    "colonel",
    "captain",
    "commander",
    "judge",
    "mr",
    "mrs",
    "ms",
    "dr",
    "professor",
    "pope",
    "sen",
    "rep",
    "gov",
    "gen",
    "lt",
    "col",
    "sgt",
    "rev",
    "atty",
    "lieutenant",
    "sergeant",
    "reverend",
    "congressman",
    "congresswoman",
    "assemblyman",
    "councilman",
    "councilwoman",
    "councillor",
    "justice",
    "attorney",
    "vice",
    "first",
    "lady",
    "sheriff",
    "coach",
    "sir",
    "dame",
    "lord",
    "rabbi",
    "father",
    "bishop",
    "adm",
    "supt",
    "amb",
];

/// Capitalised words that are never part of a person's name: pronouns, question words,
/// sentence openers, days, months, boilerplate.
const NOT_NAMES: &[&str] = &[
    "Christmas",
    "Thanksgiving",
    "Easter",
    "Ramadan",
    "Hanukkah",
    "The",
    "A",
    "An",
    "He",
    "She",
    "They",
    "It",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "And",
    "As",
    "This",
    "That",
    "NATO",
    "EU",
    "US",
    "UN",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Its",
    "What",
    "When",
    "Why",
    "How",
    "Who",
    "Where",
    "There",
    "Here",
    "If",
    "So",
    "Yes",
    "No",
    "Not",
    "Then",
    "After",
    "Before",
    "While",
    "Asked",
    "Also",
    "Still",
    "Now",
    "Even",
    "Just",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "One",
    "You",
    "Your",
    "Article",
    "Continued",
    "Below",
    "Read",
    "More",
    "Full",
    "Text",
    "Update",
    "Updated",
    "Editor",
    "Photo",
    "Getty",
    "Images",
    "AP",
    "AFP",
    "Reuters",
    "Yesterday",
    "Today",
    "Tonight",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "For",
    "With",
    "From",
    "By",
    "To",
    "Of",
    "Or",
    "Nor",
    "Yet",
    "Those",
    "These",
    "Every",
    "Each",
    "Another",
    "Other",
    "Such",
    "According",
    "Said",
    "Says",
    "Later",
    "Earlier",
    "Meanwhile",
    "However",
    "Instead",
    "Last",
    "Next",
    "Not",
    "Yet",
    "Please",
    "Thank",
    "Thanks",
    "Well",
    "Oh",
    "Okay",
    "OK",
    "Advertisement",
    "Subscribe",
    "Share",
    "Watch",
    "Listen",
    "Related",
    "Image",
    "Video",
    "Caption",
    "Credit",
    "Source",
    "Republican",
    "Republicans",
    "Democrat",
    "Democrats",
    "Democratic",
    "GOP",
    "Jr",
    "Sr",
    "Although",
    "Though",
    "Because",
    "Since",
    "Until",
    "During",
    "Despite",
    "Without",
    "Within",
    "Under",
    "Over",
    "Through",
    "Among",
    "Against",
    "Like",
    "Unlike",
    "Whether",
];

/// A fast, deterministic hasher for the word sets and the per-article maps (looked up for
/// every word of every article; nothing is ever iterated in hash order into the output).
type FastHash = foldhash::fast::FixedState;
type FastSet<T> = HashSet<T, FastHash>;
type FastMap<K, V> = HashMap<K, V, FastHash>;

fn word_set(words: &[&'static str]) -> FastSet<&'static str> {
    words.iter().copied().collect()
}

/// The word lists as sets: looked up for every word of every article.
static TITLE_SET: LazyLock<FastSet<&'static str>> = LazyLock::new(|| word_set(TITLE_WORDS));
static NOT_NAMES_SET: LazyLock<FastSet<&'static str>> = LazyLock::new(|| word_set(NOT_NAMES));
static SPEECH_SET: LazyLock<FastSet<&'static str>> = LazyLock::new(|| word_set(SPEECH_VERBS));
static SPEECH_IRREGULAR_SET: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| word_set(SPEECH_IRREGULAR));
static SPEECH_BASES_SET: LazyLock<FastSet<&'static str>> = LazyLock::new(|| word_set(SPEECH_BASES));
static FEMALE_SET: LazyLock<FastSet<&'static str>> = LazyLock::new(|| word_set(FEMALE_NAMES));
static MALE_SET: LazyLock<FastSet<&'static str>> = LazyLock::new(|| word_set(MALE_NAMES));

/// `f` applied to `w` in lower case, without allocating for words of up to 32 ASCII bytes
/// (where ASCII lower-casing gives exactly what `to_lowercase` gives).
fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    if w.len() <= 32 && w.is_ascii() {
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return f(w);
        }
        let mut buf = [0u8; 32];
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        match std::str::from_utf8(b) {
            Ok(l) => f(l),
            Err(_) => f(&w.to_lowercase()),
        }
    } else {
        f(&w.to_lowercase())
    }
}

/// Irregular forms of verbs that report speech or writing.
const SPEECH_IRREGULAR: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "wrote",
    "writes",
    "read",
    "reads",
    "spoke",
    "speaks",
    "saying",
    "went",
    "thought",
    "thinks",
    "according",
];

/// Stems of verbs that report speech or writing, taking the endings of [`SPEECH_ENDINGS`].
const SPEECH_BASES: &[&str] = &[
    "add",
    "state",
    "note",
    "stress",
    "underline",
    "warn",
    "ask",
    "explain",
    "continue",
    "insist",
    "argue",
    "declare",
    "announce",
    "emphasise",
    "emphasize",
    "acknowledge",
    "reply",
    "replie",
    "urge",
    "underscore",
    "commend",
    "describe",
    "call",
    "reiterate",
    "highlight",
    "conclude",
    "claim",
    "admit",
    "brief",
    "vow",
    "promise",
    "accuse",
    "recall",
    "suggest",
    "predict",
    "concede",
    "remark",
    "observe",
    "comment",
    "respond",
    "tweet",
    "post",
    "point",
    "caution",
    "confirm",
    "deny",
    "denie",
    "answer",
    "shout",
    "joke",
    "quip",
    "echo",
    "echoe",
    "recount",
    "counter",
    "retort",
    "wonder",
    "muse",
    "boast",
    "complain",
    "lament",
    "contend",
    "maintain",
    "reason",
    "estimate",
    "testify",
    "testifie",
    "text",
    "email",
    "e-mail",
    "message",
    "whisper",
    "yell",
    "scream",
    "exclaim",
    "proclaim",
    "offer",
    "agree",
    "disagree",
    "object",
    "protest",
    "charge",
    "allege",
    "assert",
    "elaborate",
    "summarize",
    "summarise",
    "advise",
    "plead",
    "beg",
    "demand",
    "threaten",
    "speculate",
    "guess",
    "mention",
    "cry",
    "crie",
    "chime",
    "interject",
    "interrupt",
    "marvel",
    "sigh",
    "laugh",
    "predict",
    "repeat",
    "report",
    "tell",
    "write",
    "fume",
    "rail",
    "scoff",
    "snap",
    "grumble",
    "gush",
    "rave",
    "tout",
    "pledge",
    "assure",
    "reassure",
    "begin",
    "add",
    "ask",
    "insist",
    "observe",
    "explain",
    "acknowledge",
    "declare",
    "counsel",
    "relate",
    "reflect",
    "opine",
    "conclude",
    "bark",
    "boom",
    "mock",
    "scold",
    "brag",
    "sneer",
    "tease",
    "snipe",
    "thunder",
    "gripe",
    "quipp",
];

const SPEECH_ENDINGS: &[&str] = &["", "s", "d", "ed", "es", "ped", "ged", "ing", "ted"];

/// A capitalised word after a capitalised word is part of a name, not a verb: "the United
/// States", "The Washington Post".
fn name_continues(previous: &str, w: &str) -> bool {
    let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    capital(previous) && capital(w) && !previous.ends_with([',', '.', ':', ';'])
}

/// Marks that close a quotation.
const CLOSING_MARKS: [char; 5] = ['”', '"', '’', '\'', '»'];

/// Bytes of text before and after a quotation searched for its reporting clause.
const CLAUSE_WINDOW: usize = 1500;

/// `paragraph` narrowed to [`CLAUSE_WINDOW`] bytes either side of `quote`, on character
/// boundaries.
fn clause_window(text: &str, paragraph: &Range<usize>, quote: &Range<usize>) -> Range<usize> {
    let mut start = quote
        .start
        .saturating_sub(CLAUSE_WINDOW)
        .max(paragraph.start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (quote.end + CLAUSE_WINDOW).min(paragraph.end);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    start.min(quote.start)..end.max(quote.end)
}

/// Verbs that report speech or writing (any common form).
fn is_speech_verb(w: &str) -> bool {
    with_lower(w, |w| {
        SPEECH_IRREGULAR_SET.contains(w)
            || SPEECH_SET.contains(w)
            || SPEECH_ENDINGS.iter().any(|e| {
                w.strip_suffix(e)
                    .is_some_and(|stem| SPEECH_BASES_SET.contains(stem))
            })
    })
}

/// Byte length of the reporting clause at the start of `s`: up to the first sentence end or
/// quotation mark, not counting the full stop of an abbreviation ("Mr.", "Sen.", "E.").
fn clause_end(s: &str) -> usize {
    let bytes = s.as_bytes();
    for (i, c) in s.char_indices() {
        match c {
            '“' | '"' | '!' | '?' | '”' => return i,
            '\'' if bytes.get(i + 1) == Some(&b'\'') => return i,
            '.' => {
                let word = s[..i]
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                let abbreviation = (word.chars().count() == 1
                    && word.chars().all(char::is_uppercase))
                    || matches!(
                        word,
                        "Mr" | "Mrs"
                            | "Ms"
                            | "Dr"
                            | "Sen"
                            | "Rep"
                            | "Gov"
                            | "Gen"
                            | "Lt"
                            | "Col"
                            | "Sgt"
                            | "Rev"
                            | "Jr"
                            | "Sr"
                            | "St"
                            | "Atty"
                            | "Calif"
                            | "Ariz"
                            | "Fla"
                            | "Mass"
                            | "Conn"
                            | "Pa"
                            | "Va"
                            | "Md"
                            | "Ga"
                            | "Mich"
                            | "Wis"
                            | "Minn"
                            | "Ill"
                            | "Ind"
                            | "Tenn"
                            | "Ky"
                            | "Ala"
                            | "La"
                            | "Okla"
                            | "Tex"
                            | "Colo"
                            | "Nev"
                            | "Ore"
                            | "Wash"
                            | "Mo"
                            | "Ariz."
                            | "Inc"
                            | "Corp"
                            | "Co"
                            | "Ltd"
                            | "No"
                            | "Vt"
                            | "Del"
                            | "Neb"
                            | "Kan"
                            | "Miss"
                            | "Ark"
                            | "Wyo"
                            | "Mont"
                            | "Ida"
                            | "Dak"
                    );
                if !abbreviation {
                    return i;
                }
            }
            _ => {}
        }
    }
    s.len()
}

fn is_title_word(w: &str) -> bool {
    with_lower(w, |lower| {
        lower.split('-').all(|part| TITLE_SET.contains(part))
    })
}

fn is_name_word(w: &str) -> bool {
    // The cheap character tests first; then the word lists (a whole hyphenated word can be a
    // title even when its parts are not all titles).
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && w.chars().any(char::is_lowercase)
        && !is_title_word(w)
        && !NOT_NAMES_SET.contains(w.trim_end_matches('.'))
        && !(w.contains('-') && with_lower(w, |l| TITLE_SET.contains(l)))
        && !is_party_label(w)
        && !is_contraction(w)
}

/// "We’re", "I'm", "Don’t": a pronoun or verb run into its ending, never a name.
fn is_contraction(w: &str) -> bool {
    [
        "'re", "’re", "'ll", "’ll", "'ve", "’ve", "'m", "’m", "'d", "’d", "n't", "n’t",
    ]
    .iter()
    .any(|end| w.ends_with(end))
}

/// A party and state label after a legislator's name: "R-Wis", "D-Ore".
fn is_party_label(w: &str) -> bool {
    w.len() <= 8 && (w.starts_with("R-") || w.starts_with("D-") || w.starts_with("I-"))
}

/// People named in a document: surname (lowercase) -> fullest name, and title phrase
/// (lowercase, e.g. "secretary general") -> fullest name of the person who holds it.
#[derive(Debug, Default)]
pub struct People {
    full: FastMap<String, String>,
    titles: FastMap<String, String>,
    /// (offset, fullest name, is the subject of its clause) of every person mention outside
    /// quotations, in order.
    mentions: Vec<(usize, String, bool)>,
    /// Surnames alone opening a sentence ("Cruz openly admitted"), in order: candidates for
    /// a pronoun only.
    lone_subjects: Vec<(usize, String)>,
    /// Surname (lowercase) -> gender, where the article makes it evident and every person
    /// of that surname agrees.
    gender: FastMap<String, Gender>,
    /// Surnames the article gives people of both genders ("Mr. Doe" and "Mrs. Doe").
    mixed_gender: FastSet<String>,
    /// Mention offset -> the gender that mention itself shows ("Mrs. Doe", "Jane Doe"):
    /// what a pronoun must agree with when a family shares the surname.
    mention_gender: FastMap<usize, Gender>,
    /// (surname, gender) -> fullest name of the person of that gender, for surnames a
    /// family shares.
    full_by_gender: FastMap<(String, Gender), String>,
}

/// A person's grammatical gender as the article shows it (honorific, role noun, first name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Gender {
    Female,
    Male,
}

/// Common English given names of women and of men: evidence of the gender a pronoun must
/// agree with ("she said" never resolves to a man named just before).
const FEMALE_NAMES: &[&str] = &[
    "abigail",
    "adriana",
    "alexandra",
    "alice",
    "alicia",
    "alison",
    "allison",
    "amanda",
    "amy",
    "ana",
    "andrea",
    "angela",
    "ann",
    "anna",
    "anne",
    "ashley",
    "barbara",
    "betsy",
    "betty",
    "beverly",
    "brenda",
    "carla",
    "carly",
    "carmen",
    "carol",
    "caroline",
    "catherine",
    "cathy",
    "chelsea",
    "cheryl",
    "christina",
    "christine",
    "cindy",
    "claire",
    "claudia",
    "cynthia",
    "dana",
    "deborah",
    "debbie",
    "denise",
    "diana",
    "diane",
    "donna",
    "dorothy",
    "elaine",
    "elena",
    "elizabeth",
    "ellen",
    "emily",
    "emma",
    "erin",
    "esther",
    "eva",
    "evelyn",
    "gina",
    "gloria",
    "grace",
    "gwen",
    "hannah",
    "heather",
    "heidi",
    "helen",
    "hillary",
    "hope",
    "ivanka",
    "jackie",
    "jacqueline",
    "jane",
    "janet",
    "janice",
    "jean",
    "jeanne",
    "jennifer",
    "jessica",
    "jill",
    "joan",
    "joanna",
    "jodi",
    "joyce",
    "judith",
    "judy",
    "julia",
    "julie",
    "karen",
    "kate",
    "katherine",
    "kathleen",
    "kathryn",
    "kathy",
    "katie",
    "kayleigh",
    "kelly",
    "kellyanne",
    "kim",
    "kimberly",
    "kirsten",
    "kristen",
    "laura",
    "lauren",
    "linda",
    "lisa",
    "loretta",
    "lori",
    "louise",
    "lucy",
    "lynn",
    "madeleine",
    "maria",
    "marie",
    "marilyn",
    "martha",
    "mary",
    "megan",
    "melania",
    "melanie",
    "melissa",
    "michele",
    "michelle",
    "monica",
    "nancy",
    "natalie",
    "nicole",
    "nikki",
    "olivia",
    "pamela",
    "patricia",
    "patty",
    "paula",
    "peggy",
    "rachel",
    "rebecca",
    "rosa",
    "rose",
    "ruth",
    "samantha",
    "sandra",
    "sara",
    "sarah",
    "sharon",
    "sheila",
    "shirley",
    "sonia",
    "sophia",
    "stephanie",
    "susan",
    "susana",
    "suzanne",
    "tammy",
    "teresa",
    "theresa",
    "tiffany",
    "tina",
    "tracy",
    "valerie",
    "victoria",
    "virginia",
    "wendy",
    "yvonne",
    "zoe",
];

const MALE_NAMES: &[&str] = &[
    "aaron",
    "adam",
    "alan",
    "albert",
    "alex",
    "alexander",
    "andrew",
    "anthony",
    "arthur",
    "barack",
    "ben",
    "benjamin",
    "bernie",
    "bill",
    "billy",
    "bob",
    "bobby",
    "brad",
    "bradley",
    "brandon",
    "brian",
    "bruce",
    "bryan",
    "carl",
    "carlos",
    "charles",
    "charlie",
    "chris",
    "christopher",
    "chuck",
    "craig",
    "dan",
    "daniel",
    "dave",
    "david",
    "dennis",
    "dick",
    "don",
    "donald",
    "doug",
    "douglas",
    "ed",
    "edward",
    "eric",
    "frank",
    "fred",
    "gary",
    "george",
    "gerald",
    "greg",
    "gregory",
    "harold",
    "harry",
    "henry",
    "howard",
    "jack",
    "jacob",
    "james",
    "jason",
    "jeb",
    "jeff",
    "jeffrey",
    "jeremy",
    "jerry",
    "jim",
    "jimmy",
    "joe",
    "joel",
    "john",
    "johnny",
    "jon",
    "jonathan",
    "jorge",
    "jose",
    "joseph",
    "josh",
    "joshua",
    "juan",
    "justin",
    "keith",
    "ken",
    "kenneth",
    "kevin",
    "larry",
    "lawrence",
    "lee",
    "leonard",
    "louis",
    "luis",
    "marco",
    "mark",
    "martin",
    "matt",
    "matthew",
    "michael",
    "mike",
    "mitch",
    "mitt",
    "nathan",
    "newt",
    "nicholas",
    "nick",
    "oscar",
    "patrick",
    "paul",
    "peter",
    "phil",
    "philip",
    "ralph",
    "randy",
    "ray",
    "raymond",
    "reince",
    "richard",
    "rick",
    "robert",
    "roger",
    "ron",
    "ronald",
    "roy",
    "rudy",
    "russell",
    "ryan",
    "sam",
    "samuel",
    "scott",
    "sean",
    "stephen",
    "steve",
    "steven",
    "ted",
    "terry",
    "thomas",
    "tim",
    "timothy",
    "todd",
    "tom",
    "tony",
    "vladimir",
    "walter",
    "wayne",
    "william",
    "willie",
];

/// Role nouns and honorifics that show a person's gender.
fn gender_word(w: &str) -> Option<Gender> {
    with_lower(w, |l| match l.trim_end_matches('.') {
        "mrs" | "ms" | "miss" | "madam" | "spokeswoman" | "congresswoman" | "chairwoman"
        | "businesswoman" | "councilwoman" | "assemblywoman" | "mother" | "wife" | "daughter"
        | "sister" | "grandmother" | "actress" | "woman" | "queen" | "lady" | "dame" | "aunt"
        | "niece" | "widow" | "girlfriend" => Some(Gender::Female),
        "mr" | "spokesman" | "congressman" | "chairman" | "businessman" | "councilman"
        | "assemblyman" | "father" | "husband" | "son" | "brother" | "grandfather" | "actor"
        | "man" | "king" | "sir" | "lord" | "uncle" | "nephew" | "widower" | "boyfriend" => {
            Some(Gender::Male)
        }
        _ => None,
    })
}

/// Whether the name starting at word `k` of the sentence `st` follows a kinship word after a
/// possessive ("her father, Robert Doe", "the senator's wife Jane Doe").
fn introduced_as_a_relative(st: &str, ws: &[Range<usize>], k: usize) -> bool {
    let word = |i: usize| &st[ws[i].clone()];
    let (Some(kin), Some(owner)) = (k.checked_sub(1), k.checked_sub(2)) else {
        return false;
    };
    let possessive = with_lower(word(owner), |l| {
        matches!(l, "her" | "his" | "their" | "my" | "our" | "your")
            || l.ends_with("'s")
            || l.ends_with("’s")
    });
    possessive && with_lower(word(kin), |l| KINSHIP.contains(&l))
}

/// Words naming a relative.
const KINSHIP: [&str; 22] = [
    "father",
    "mother",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "grandfather",
    "grandmother",
    "grandson",
    "granddaughter",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "cousin",
    "stepfather",
    "stepmother",
    "stepson",
    "stepdaughter",
    "father-in-law",
];

fn given_name_gender(w: &str) -> Option<Gender> {
    with_lower(w, |l| {
        if FEMALE_SET.contains(l) {
            Some(Gender::Female)
        } else if MALE_SET.contains(l) {
            Some(Gender::Male)
        } else {
            None
        }
    })
}

/// Last words of names of organisations, places and groups, never of a person.
const NOT_PERSON_LAST: &[&str] = &[
    "institute",
    "institution",
    "organization",
    "organisation",
    "state",
    "majority",
    "minority",
    "museum",
    "hospital",
    "university",
    "college",
    "school",
    "times",
    "post",
    "news",
    "journal",
    "party",
    "committee",
    "department",
    "council",
    "association",
    "center",
    "centre",
    "foundation",
    "republicans",
    "democrats",
    "islands",
    "states",
    "campaign",
    "club",
    "group",
    "agency",
    "bureau",
    "office",
    "court",
    "house",
    "senate",
    "congress",
    "administration",
    "network",
    "magazine",
    "street",
    "city",
    "county",
    "republic",
    "union",
    "nations",
    "kingdom",
    "coalition",
    "caucus",
    "corporation",
    "company",
    "bank",
    "fund",
    "trust",
    "society",
    "alliance",
    "forces",
    "force",
    "army",
    "navy",
    "police",
    "service",
    "services",
    "project",
    "program",
    "programme",
    "initiative",
    "report",
    "review",
    "press",
    "media",
    "tv",
    "radio",
    "channel",
    "studios",
    "airlines",
    "motors",
    "electronics",
    "systems",
    "technologies",
    "partners",
    "capital",
    "holdings",
    "industries",
    "commission",
    "board",
    "authority",
    "ministry",
    "government",
    "parliament",
    "assembly",
    "hall",
    "square",
    "avenue",
    "park",
    "airport",
    "station",
    "hospital",
    "church",
    "museum",
    "library",
    "debates",
    "debate",
    "convention",
    "summit",
    "conference",
    "act",
    "bill",
    "plan",
    "americans",
    "america",
    "korea",
    "china",
    "russia",
    "york",
    "washington",
    "beast",
    "daily",
    "weekly",
    "online",
    "blog",
    "twitter",
    "facebook",
    "google",
    "fox",
    "cnn",
    "institutes",
    "markets",
    "radio",
    "foundation",
    "center",
    "centre",
    "council",
    "committee",
    "association",
    "company",
    "agency",
    "department",
    "ministry",
    "network",
    "journal",
    "magazine",
    "coalition",
    "alliance",
    "society",
    "academy",
    "hospital",
    "airport",
    "county",
    "estates",
    "commission",
    "party",
];

impl People {
    fn fullest(&self, name: &str) -> String {
        // Two people speaking together: each by the fullest name of theirs.
        if let Some((first, second)) = name.split_once(" and ") {
            return format!("{} and {}", self.fullest(first), self.fullest(second));
        }
        let surname = name
            .split_whitespace()
            .last()
            .unwrap_or(name)
            .to_lowercase();
        // "Mrs. Doe" in an article about Mr. and Mrs. Doe: the name as written, never the
        // other spouse's.
        if self.mixed_gender.contains(&surname) {
            return name.to_string();
        }
        self.full
            .get(&surname)
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// [`People::fullest`], where the words around the name may show its gender ("Mrs.
    /// Doe"): the full name of the person of that gender when a family shares the surname.
    fn fullest_titled(&self, words: &[&str], name: &str) -> String {
        if self.mixed_gender.contains(&surname(name)) {
            if let Some(full) = words
                .iter()
                .find_map(|w| gender_word(w))
                .and_then(|g| self.of_gender(name, g))
            {
                return full.clone();
            }
        }
        self.fullest(name)
    }

    /// The fullest name of the person of gender `g` with `name`'s surname.
    fn of_gender(&self, name: &str, g: Gender) -> Option<&String> {
        self.full_by_gender.get(&(surname(name), g))
    }

    /// The person mentions whose offsets fall in `range` (mentions are in text order, so
    /// found by binary search: a long article of many quotations stays linear).
    fn mentions_in(&self, range: Range<usize>) -> &[(usize, String, bool)] {
        let from = self.mentions.partition_point(|(o, _, _)| *o < range.start);
        let to = self.mentions.partition_point(|(o, _, _)| *o < range.end);
        &self.mentions[from..to.max(from)]
    }

    fn gender_of(&self, name: &str) -> Option<Gender> {
        let key = surname(name);
        if self.mixed_gender.contains(&key) {
            return None;
        }
        self.gender.get(&key).copied()
    }

    /// A gender seen for a surname: a second, different one makes the surname mixed.
    fn learn_gender(&mut self, surname: String, g: Gender) {
        match self.gender.get(&surname) {
            Some(&seen) if seen != g => {
                self.mixed_gender.insert(surname);
            }
            Some(_) => {}
            None => {
                self.gender.insert(surname, g);
            }
        }
    }

    /// The person a pronoun at `offset` refers to: the last one of a compatible gender named
    /// as the subject of a clause before it, else the last one of a compatible gender named.
    /// Names inside quotations are never candidates.
    fn last_before(&self, offset: usize, pronoun: &str) -> Option<String> {
        let want = match pronoun.to_lowercase().as_str() {
            "she" | "her" => Some(Gender::Female),
            "he" | "him" | "his" => Some(Gender::Male),
            _ => None,
        };
        let compatible = |o: usize, n: &str| {
            let shown = self
                .mention_gender
                .get(&o)
                .copied()
                .or_else(|| self.gender_of(n));
            match (want, shown) {
                (Some(w), Some(g)) => w == g,
                _ => true,
            }
        };
        let earlier = self.mentions.partition_point(|(o, _, _)| *o < offset);
        let before = || {
            self.mentions[..earlier]
                .iter()
                .rev()
                .filter(|(o, n, _)| compatible(*o, n))
        };
        let subject = before().find(|(_, _, subject)| *subject);
        let lone = self.lone_subjects[..self.lone_subjects.partition_point(|(o, _)| *o < offset)]
            .last()
            .filter(|(o, n)| subject.is_none_or(|(s, _, _)| s < o) && compatible(*o, n));
        if let Some((_, n)) = lone {
            return Some(n.clone());
        }
        subject
            .or_else(|| before().next())
            .map(|(_, n, _)| n.clone())
    }
}

/// `slot` becomes `full` when that has more words (an empty slot has none).
fn keep_fuller(slot: &mut String, full: &str) {
    if full.split_whitespace().count() > slot.split_whitespace().count() {
        *slot = full.to_string();
    }
}

/// A capitalised word alone at the start of a sentence that reads as a person's surname:
/// letters only, not in capitals, no organisation or place word, and a verb in the past
/// tense right after it, maybe after an adverb ("Cruz openly admitted", "Doe defied").
fn lone_surname_subject(word: &str, next: &[&str]) -> bool {
    let mut chars = word.chars();
    let past = |w: &str| {
        w.chars().all(|c| c.is_ascii_lowercase())
            && (w.len() > 4 && w.ends_with("ed") || is_reporting_verb(w))
    };
    word.len() >= 3
        && chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && !word.ends_with("ing")
        && !word.ends_with("ly")
        && !with_lower(word, |l| NOT_PERSON_LAST.contains(&l))
        && match next {
            [n, ..] if past(n) => true,
            [adverb, n, ..] => adverb.len() > 4 && adverb.ends_with("ly") && past(n),
            _ => false,
        }
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| {
            // "Sanders’ campaign": the mark after a final s.
            w.strip_suffix(['’', '\''])
                .filter(|stem| stem.ends_with('s'))
        })
        .unwrap_or(w)
}

fn is_possessive(w: &str) -> bool {
    strip_possessive(w).len() != w.len()
}

/// Honorifics after which the next capitalised word is a name even if it is also a title
/// word ("Mr. King").
fn is_honorific(w: &str) -> bool {
    with_lower(w.trim_end_matches('.'), |l| {
        matches!(l, "mr" | "mrs" | "ms" | "miss" | "dr")
    })
}

/// People named in a document. `quoted`: byte ranges of the document's quotations, whose
/// names are no mentions (a person named inside a quotation is not the one speaking).
pub fn people(doc: &Document, quoted: &[Range<usize>]) -> People {
    let mut p = People::default();
    let text = doc.text.as_str();
    // Words the article writes in lower case: a capitalised one at a sentence start
    // ("Fellow", "Although") is an ordinary word, not a name.
    let mut lowercase_vocabulary: FastSet<&str> = FastSet::default();
    for r in words(text) {
        let w = &text[r];
        if w.chars().next().is_some_and(char::is_lowercase) {
            lowercase_vocabulary.insert(w);
        }
    }
    // `quoted` is in text order and its spans do not overlap.
    let in_quote = |o: usize| {
        let i = quoted.partition_point(|q| q.end <= o);
        quoted.get(i).is_some_and(|q| q.start <= o)
    };
    // Two passes: the first learns full names, genders and titles, the second records the
    // mentions, so "Smith" is a mention even when "Jane Smith" comes later.
    // The words of every sentence, split once for both passes.
    let sentence_words: Vec<(usize, &str, Vec<Range<usize>>, bool)> = doc
        .sentences
        .iter()
        .filter(|s| s.kind.is_prose() && s.kind != SentenceKind::Headline)
        .map(|s| {
            let st = &text[s.range.clone()];
            (
                s.range.start,
                st,
                words(st),
                s.kind == SentenceKind::Caption,
            )
        })
        .collect();
    // Surnames the text has used alone so far, and the offsets of relatives named after
    // their surname was in use so (first pass; the second reads the offsets).
    let mut surnames_alone: FastSet<String> = FastSet::default();
    let mut relatives: FastSet<usize> = FastSet::default();
    let mut relative_surnames: FastSet<String> = FastSet::default();
    for pass in 0..2 {
        for (base, st, ws, caption) in &sentence_words {
            let (base, st, caption) = (*base, *st, *caption);
            let mut k = 0;
            let mut first_in_sentence = true;
            while k < ws.len() {
                // A run of title words then name words: "Secretary General Mark Smith".
                let mut j = k;
                let mut title = Vec::new();
                let mut gender = None;
                while j < ws.len()
                    && st[ws[j].clone()]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                    && is_title_word(&st[ws[j].clone()])
                {
                    let w = &st[ws[j].clone()];
                    gender = gender.or(gender_word(w));
                    title.push(w.to_lowercase());
                    j += 1;
                    if is_honorific(w) {
                        break;
                    }
                }
                // Lower-case role words right before the name ("spokeswoman Jane Doe").
                if let Some(prev) = k.checked_sub(1).map(|i| &st[ws[i].clone()]) {
                    gender = gender.or(gender_word(prev));
                }
                let after_honorific = title.last().is_some_and(|t| is_honorific(t));
                let name_start = j;
                while j < ws.len()
                    && (j == name_start
                        || st[ws[j - 1].end..ws[j].start].trim().is_empty()
                        || st[ws[j - 1].end..ws[j].start].trim() == ".")
                {
                    let w = strip_possessive(&st[ws[j].clone()]);
                    let ok = is_name_word(w)
                    // "Mr. King", "Charlie King": a title word after a name is a surname.
                    || ((j > name_start || after_honorific)
                        && is_title_word(w)
                        && w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().any(char::is_lowercase)
                        && !ws.get(j + 1).is_some_and(|n| is_name_word(&st[n.clone()])))
                    // An initial inside a name: "Charles B. Rangel".
                    || (j > name_start
                        && w.len() == 1
                        && w.chars().all(|c| c.is_ascii_uppercase())
                        && st[ws[j].end..].starts_with('.')
                        && ws.get(j + 1).is_some_and(|n| is_name_word(&st[n.clone()])));
                    if !ok {
                        break;
                    }
                    j += 1;
                }
                // A capitalised ordinary word opening the sentence is not part of a name.
                let mut name_from = name_start;
                if k == 0 && title.is_empty() {
                    while name_from < j
                        && (with_lower(&st[ws[name_from].clone()], |l| {
                            lowercase_vocabulary.contains(l)
                        }) || (name_from + 1 < j
                            && names_a_group(&st[ws[name_from].clone()])
                            // "Consumers Power Co" is one company's name.
                            && !with_lower(&st[ws[j - 1].clone()], |l| {
                                let l = l.trim_end_matches('.');
                                NOT_PERSON_LAST.contains(&l)
                                    || matches!(l, "co" | "inc" | "corp" | "ltd" | "plc" | "llc")
                            })))
                    {
                        name_from += 1;
                    }
                }
                // A place or organisation before a role and a person's name ("Arizona
                // governor Jan Brewer", "Acme spokeswoman Jane Doe", "City Council Speaker
                // Jane Doe") describes the person.
                let modifies_a_role = j > name_from
                    && ws.get(j).zip(ws.get(j + 1)).is_some_and(|(r, n)| {
                        let role = &st[r.clone()];
                        is_title_word(role)
                            && st[ws[j - 1].end..r.start].trim().is_empty()
                            && is_name_word(&st[n.clone()])
                    });
                if modifies_a_role {
                    // The person after the role is still the sentence's subject.
                    k = j;
                } else if j > name_from {
                    let name: Vec<&str> = ws[name_from..j]
                        .iter()
                        .map(|r| strip_possessive(&st[r.clone()]))
                        .collect();
                    let last_lower = name.last().unwrap_or(&"").to_lowercase();
                    let organisation = NOT_PERSON_LAST.contains(&last_lower.as_str())
                        || crate::text::places::is_place(&name.join(" "));
                    // The subject of its clause: first in the sentence, or followed by a verb of
                    // saying within two words ("Smith said", "Smith also stressed").
                    let possessive = is_possessive(&st[ws[j - 1].clone()]);
                    // "Doe says": the story calls someone by the surname alone ("Doe's
                    // father" names whose relative comes next).
                    let alone_before = surnames_alone.contains(&last_lower);
                    if pass == 0 && name.len() == 1 && title.is_empty() && !possessive {
                        surnames_alone.insert(last_lower.clone());
                    }
                    // The object of a preposition is no subject ("of RBC Capital Markets,
                    // said", "In Iowa, Smith said").
                    let after_preposition = k
                        .checked_sub(1)
                        .is_some_and(|i| is_preposition(&st[ws[i].clone()]));
                    let offset = base + ws[name_from].start;
                    // A caption's names (its photographer's credit among them) teach full
                    // names but are no mentions: a caption stands wherever its picture does,
                    // and a "she said" after it means someone of the story.
                    let quoted_here = in_quote(offset) || caption;
                    let subject = !possessive
                        && !after_preposition
                        && (first_in_sentence
                            || ws[j..].iter().take(2).enumerate().any(|(i, r)| {
                                let w = &st[r.clone()];
                                // "a Carrier worker, said": the verb is another's ("Jane
                                // Doe, 70, said" is hers).
                                let modifies_a_noun = i == 1
                                    && st[ws[j].clone()]
                                        .chars()
                                        .next()
                                        .is_some_and(char::is_lowercase)
                                    && st[ws[j].end..r.start].contains(',');
                                !modifies_a_noun
                                    && (with_lower(w, |l| SPEECH_SET.contains(l))
                                        || is_reporting_verb(w)
                                        || matches!(w, "praised" | "welcomed" | "reaffirmed"))
                            }));
                    if !quoted_here {
                        first_in_sentence = false;
                    }
                    // A person: two or more name words, or one after a title.
                    if organisation {
                    } else if name.len() >= 2 || !title.is_empty() {
                        let full = name.join(" ");
                        let surname = last_lower.clone();
                        // "her father, Robert Doe" after "Doe says": a relative shares the
                        // surname the story already calls someone else by, and is not the
                        // one it means.
                        let relative = if pass == 0 {
                            let relative = alone_before && introduced_as_a_relative(st, ws, k);
                            if relative {
                                relatives.insert(offset);
                                relative_surnames.insert(surname.clone());
                            }
                            relative
                        } else {
                            relatives.contains(&offset)
                        };
                        if !relative {
                            keep_fuller(p.full.entry(surname.clone()).or_default(), &full);
                        }
                        let g = gender.or_else(|| {
                            (name.len() >= 2)
                                .then(|| given_name_gender(name[0]))
                                .flatten()
                        });
                        if let Some(g) = g {
                            if pass == 0 {
                                keep_fuller(
                                    p.full_by_gender.entry((surname.clone(), g)).or_default(),
                                    &full,
                                );
                                if relative {
                                    // The relative's gender tells nothing of the one the
                                    // story calls by the surname.
                                    p.mixed_gender.insert(surname);
                                } else {
                                    p.learn_gender(surname, g);
                                }
                            } else if !quoted_here {
                                p.mention_gender.insert(offset, g);
                            }
                        }
                        if !title.is_empty() {
                            let t = title.join(" ");
                            p.titles.entry(t.clone()).or_insert_with(|| full.clone());
                            // "Secretary General" also answers to "General"? No: keep whole titles
                            // and their last two words.
                            if title.len() > 2 {
                                p.titles
                                    .entry(title[title.len() - 2..].join(" "))
                                    .or_insert_with(|| full.clone());
                            }
                        }
                        if !quoted_here && pass == 1 {
                            p.mentions.push((offset, full, subject));
                        }
                    } else if let Some(known) = p.full.get(&last_lower) {
                        if !quoted_here && pass == 1 {
                            p.mentions.push((offset, known.clone(), subject));
                        }
                    } else if relative_surnames.contains(&last_lower) {
                        // Someone the story names by the surname alone, never in full: a
                        // person all the same.
                        if !quoted_here && pass == 1 {
                            p.mentions.push((offset, name[0].to_string(), subject));
                        }
                    } else if pass == 1
                        && !quoted_here
                        && name_from == 0
                        && subject
                        && st[ws[j - 1].end..ws.get(j).map_or(st.len(), |r| r.start)]
                            .trim()
                            .is_empty()
                        && lone_surname_subject(
                            name[0],
                            &ws[j..(j + 2).min(ws.len())]
                                .iter()
                                .map(|r| &st[r.clone()])
                                .collect::<Vec<_>>(),
                        )
                    {
                        // "Cruz openly admitted …": a surname alone opening a sentence, with
                        // a verb after it, is someone a later "he said" can mean.
                        p.lone_subjects.push((offset, name[0].to_string()));
                    }
                    k = j;
                } else {
                    k = j.max(k + 1);
                }
            }
        }
    }
    // Resolve mentions to the fullest names now known.
    let mentions = std::mem::take(&mut p.mentions);
    p.mentions = mentions
        .into_iter()
        .map(|(o, n, s)| {
            let of_gender = p.mention_gender.get(&o).and_then(|g| p.of_gender(&n, *g));
            let name = of_gender.cloned().unwrap_or_else(|| p.fullest(&n));
            (o, name, s)
        })
        .collect();
    // In text order (sentences are read in order; the sort keeps that, and `mentions_in`
    // relies on it).
    p.mentions.sort_by_key(|m| m.0);
    let titles = std::mem::take(&mut p.titles);
    p.titles = titles
        .into_iter()
        .map(|(t, n)| (t, p.fullest(&n)))
        .collect();
    p
}

/// A reporting verb in a form that cannot be a noun: past tense or participle ("boasted",
/// "asking", "told"), or an irregular past.
fn is_reporting_verb(w: &str) -> bool {
    with_lower(w, |l| {
        if SPEECH_SET.contains(l) && !matches!(l, "posted" | "pointed") {
            return true;
        }
        (l.ends_with("ed") || l.ends_with("ing") || matches!(l, "told" | "wrote" | "said"))
            && is_speech_verb(l)
            && !matches!(
                l,
                "according"
                    | "reading"
                    | "thinking"
                    | "going"
                    | "offering"
                    | "hearing"
                    | "briefing"
            )
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Double,
    Straight,
    Single,
    /// ' used as a quotation mark: opens before a capital letter at a word start.
    StraightSingle,
    /// Two apostrophes standing for a double mark (''…'', common in news archives).
    TwoApostrophes,
    Guillemet,
    GuillemetReversed,
    Low,
}

fn opening(c: char) -> Option<Style> {
    Some(match c {
        '“' => Style::Double,
        '"' => Style::Straight,
        '‘' => Style::Single,
        '\'' => Style::StraightSingle,
        '«' => Style::Guillemet,
        '»' => Style::GuillemetReversed,
        '„' => Style::Low,
        _ => return None,
    })
}

fn closes(style: Style, c: char) -> bool {
    match style {
        Style::Double => matches!(c, '”' | '“'),
        Style::Straight => c == '"',
        Style::Single => c == '’',
        Style::StraightSingle | Style::TwoApostrophes => c == '\'',
        Style::Guillemet => c == '»',
        Style::GuillemetReversed => c == '«',
        Style::Low => matches!(c, '“' | '”'),
    }
}

/// Paragraphs as sentence index ranges (a line break between sentences starts a new one).
fn paragraphs(doc: &Document) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        match out.last_mut() {
            Some(p)
                if doc.same_paragraph(doc.sentences[p.end - 1].range.end, s.range.start)
                    && s.kind.is_prose() == doc.sentences[p.start].kind.is_prose() =>
            {
                p.end = i + 1
            }
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// Quoted spans of one paragraph text (byte ranges inside the marks, relative to `text`), and
/// whether the last one is left open.
fn quoted_spans(text: &str) -> (Vec<Range<usize>>, bool) {
    // No mark that can open a quotation: nothing to pair (most paragraphs).
    if !text.contains(['“', '"', '‘', '\'', '«', '»', '„']) {
        return (Vec::new(), false);
    }
    // One pass over the characters, keeping one open mark: linear in the paragraph's length.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut open: Option<(Style, usize)> = None;
    // Inside a straight-mark quotation, a curly pair of its own (“…”) is nested: its ” does
    // not close the straight quotation; likewise a straight pair inside a curly one.
    let mut nested = false;
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let at_word_start = prev.is_none_or(|p| p.is_whitespace() || "([{—–-:/".contains(p));
        let two = c == '\'' && next == Some('\'');
        let after_two = chars.get(k + 2).map(|&(_, n)| n);
        let at_word_end =
            prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric());
        match open {
            Some((style, start)) => {
                let closing = match style {
                    Style::TwoApostrophes => {
                        // A stray space before the closing marks ("coalitions, '' said"):
                        // after punctuation, with no word glued after them, they close.
                        let spaced_after_punctuation = prev == Some(' ')
                            && k >= 2
                            && matches!(chars[k - 2].1, ',' | '.' | '?' | '!')
                            && after_two.is_none_or(char::is_whitespace);
                        two && (prev.is_some_and(|p| !p.is_whitespace())
                            || spaced_after_punctuation)
                            && after_two.is_none_or(|n| !n.is_alphanumeric())
                    }
                    Style::StraightSingle => {
                        closes(style, c) && !two && at_word_end && prev != Some('s')
                    }
                    Style::Single => closes(style, c) && at_word_end,
                    // Mixed marks: a straight mark closes a curly one at a word end
                    // (“…," Jane said), a curly closing mark a straight one ("…,” Jane said).
                    Style::Double if c == '"' => at_word_end && !std::mem::take(&mut nested),
                    Style::Straight if c == '”' => !std::mem::take(&mut nested),
                    _ => closes(style, c) && (c != '“' || at_word_end || style == Style::Low),
                };
                if (style == Style::Straight && c == '“')
                    || (style == Style::Double && c == '"' && at_word_start && !at_word_end)
                {
                    nested = true;
                }
                if closing {
                    out.push(start..i);
                    open = None;
                    nested = false;
                    if two {
                        k += 1;
                    }
                } else if style == Style::StraightSingle && (two || matches!(c, '“' | '"')) {
                    // The single mark was an apostrophe: read this mark afresh.
                    open = None;
                    continue;
                }
            }
            None => {
                if two {
                    if at_word_start && after_two.is_some_and(|n| !n.is_whitespace()) {
                        open = Some((Style::TwoApostrophes, i + 2));
                    }
                    k += 2;
                    continue;
                }
                if let Some(style) = opening(c) {
                    // ’ and ' are apostrophes; ‘ opens only at a word start, ' only at a word
                    // start before a capital letter.
                    let ok = match style {
                        // ‘08, ‘90s: an apostrophe for the century.
                        Style::Single => at_word_start && !next.is_some_and(|n| n.is_ascii_digit()),
                        Style::StraightSingle => {
                            at_word_start && next.is_some_and(char::is_uppercase)
                        }
                        Style::Straight => !prev.is_some_and(|p| p.is_ascii_digit()),
                        _ => true,
                    };
                    if ok {
                        open = Some((style, i + c.len_utf8()));
                    }
                }
            }
        }
        k += 1;
    }
    // A single straight mark left open was an apostrophe after all.
    let left_open = open.is_some_and(|(style, _)| style != Style::StraightSingle);
    if let Some((style, start)) = open {
        if style != Style::StraightSingle {
            out.push(start..text.len());
        }
    }
    (out, left_open)
}

/// `s` with parenthesised asides removed ("Rep. Jane Doe (D-Ore.) said" -> "Rep. Jane Doe
/// said"); an unclosed parenthesis is kept as it is.
fn without_parentheses(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('(') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        match rest[open..].find(')') {
            Some(close) => {
                out.push_str(&rest[..open]);
                rest = &rest[open + close + 1..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// A name signed after a quotation with a dash, alone on the rest of its line:
/// `“…” — Jane Q. Doe`.
fn dash_signature(after: &str) -> Option<String> {
    let rest = after.trim_start_matches(['”', '"', '’', '»', ',', '.', ' ', '\'']);
    let rest = rest.strip_prefix(['―', '—', '–'])?;
    let line = rest.split('\n').next().unwrap_or("");
    let line = line.trim().trim_end_matches(['.', ' ']);
    let ws: Vec<&str> = line.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 6 {
        return None;
    }
    let name_like = |w: &&str| {
        let w = w.trim_end_matches('.');
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
    };
    if !ws.iter().all(name_like) {
        return None;
    }
    let name: Vec<&str> = ws
        .iter()
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| w.chars().count() > 1 || ws.len() == 1)
        .collect();
    let last = *name.last()?;
    is_name_word(last).then(|| name.join(" "))
}

/// Words of a reporting clause, with "," for each comma.
fn clause_words(clause: &str) -> Vec<&str> {
    let mut cw: Vec<&str> = Vec::new();
    for piece in clause.split_inclusive(',') {
        let has_comma = piece.ends_with(',');
        cw.extend(
            piece
                .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '’' || c == '\''))
                .filter(|w| !w.is_empty() && *w != "'" && *w != "''"),
        );
        if has_comma {
            cw.push(",");
        }
    }
    cw
}

/// The words that can name a speaker after a verb ("said Representative Jane Doe of Ohio"):
/// up to the first lower-case word that is no title once a name has begun.
fn name_phrase<'a>(rest: &[&'a str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut named = false;
    for (i, w) in rest.iter().enumerate() {
        if *w == "," {
            break;
        }
        let lower_start = w.chars().next().is_some_and(char::is_lowercase);
        // A role of one or two lower-case words between an organisation and a person's name
        // ("said Acme pollster Jane Doe", "said Acme campaign manager Jane Doe"): the name
        // goes on.
        let role_word = |w: &str| {
            w.len() >= 4
                && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && !w.starts_with('-')
                && !is_speech_verb(w)
                && !matches!(
                    w,
                    "who" | "whose" | "which" | "that" | "with" | "from" | "when"
                )
        };
        let name_at = |j: usize| {
            rest.get(j)
                .is_some_and(|n| is_name_word(n) || is_honorific(n))
                && rest
                    .get(j + 1)
                    .is_some_and(|n| is_name_word(strip_possessive(n)))
        };
        let role_before_name = role_word(w)
            && (name_at(i + 1)
                || (rest.get(i + 1).is_some_and(|n| role_word(n)) && name_at(i + 2)));
        // "said Jane Doe and John Roe": two people speaking together.
        let joins_a_name = *w == "and"
            && rest
                .get(i + 1)
                .is_some_and(|n| is_name_word(strip_possessive(n)));
        if named && lower_start && !is_title_word(w) && !role_before_name && !joins_a_name {
            break;
        }
        if is_name_word(strip_possessive(w)) {
            named = true;
        }
        out.push(*w);
    }
    out
}

/// The last run of name words, where a capitalised title word right after a name word is a
/// surname ("Charlie King", "Mr. King").
fn name_in(words: &[&str]) -> Option<Vec<String>> {
    let mut best: Option<Vec<String>> = None;
    let mut cur: Vec<String> = Vec::new();
    // Where the run in `cur`, and the one in `best`, began.
    let (mut cur_start, mut best_start) = (0usize, 0usize);
    let mut prev_honorific = false;
    for (i, w) in words.iter().enumerate() {
        let w = strip_possessive(w);
        // ("Development Secretary Jane Doe": a title before a given name and a surname is
        // their title.)
        let before_a_full_name = [i + 1, i + 2].iter().all(|&n| {
            words
                .get(n)
                .is_some_and(|n| is_name_word(strip_possessive(n)))
        });
        let title_as_name = (prev_honorific || !cur.is_empty())
            && is_title_word(w)
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && !before_a_full_name;
        // A middle initial: "Peter T. King", "Andrew J. Doe".
        let middle_initial = !cur.is_empty()
            && is_initial(w)
            && words.get(i + 1).is_some_and(|n| {
                let n = strip_possessive(n);
                n.chars().next().is_some_and(char::is_uppercase)
                    && n.chars().any(char::is_lowercase)
            });
        if is_name_word(w) || title_as_name || middle_initial {
            if cur.is_empty() {
                cur_start = i;
            }
            cur.push(w.to_string());
        } else if !cur.is_empty() {
            best = Some(std::mem::take(&mut cur));
            best_start = cur_start;
        }
        prev_honorific = is_honorific(w);
    }
    if !cur.is_empty() {
        best = Some(cur);
        best_start = cur_start;
    }
    // Two people who speak together ("said Jane Doe and John Roe"): both.
    let mut best = best?;
    // "Jane Doe and Senate Democratic Leader John Roe": the second one's office stands
    // between.
    let office_word = |w: &str| {
        is_title_word(w)
            || with_lower(w, |l| {
                matches!(
                    l,
                    "house"
                        | "senate"
                        | "democratic"
                        | "republican"
                        | "majority"
                        | "minority"
                        | "assistant"
                )
            })
    };
    let mut second_from = best_start;
    while second_from > 0 && office_word(words[second_from - 1]) {
        second_from -= 1;
    }
    if second_from >= 2 && words[second_from - 1] == "and" {
        // Past a party initial after the first name ("Jane Doe (D) and …").
        let mut first_end = second_from - 1;
        while first_end > 0 && matches!(words[first_end - 1], "D" | "R" | "I") {
            first_end -= 1;
        }
        let mut first_start = first_end;
        while first_start > 0 && is_name_word(strip_possessive(words[first_start - 1])) {
            first_start -= 1;
        }
        // Two places ("Oklahoma and Nebraska") or a place's office are no two people.
        let placed = |ws: &[&str]| {
            ws.iter()
                .any(|w| crate::text::places::is_place(strip_possessive(w)))
        };
        if first_start < first_end
            && !placed(&words[first_start..first_end])
            && !placed(&words[best_start..best_start + best.len()])
        {
            let mut joint: Vec<String> = words[first_start..first_end]
                .iter()
                .map(|w| strip_possessive(w).to_string())
                .collect();
            joint.push("and".to_string());
            joint.append(&mut best);
            best = joint;
        }
    }
    Some(best)
}

/// A clause subject "Jane Doe of the Acme Center for Policy Studies" (titles may precede the
/// name): the name, when an affiliation of capitalised words follows it.
fn name_before_affiliation<'a>(subject: &[&'a str]) -> Option<Vec<&'a str>> {
    let start = subject
        .iter()
        .position(|w| !is_title_word(w) && !is_honorific(w))?;
    let mut end = start;
    while end < subject.len() && is_name_word(subject[end]) {
        end += 1;
    }
    let affiliation = subject.get(end + 1..)?;
    let linked = subject
        .get(end)
        .is_some_and(|w| matches!(*w, "of" | "from" | "at"));
    let organisation = affiliation.iter().any(|w| is_name_word(w))
        && affiliation.iter().all(|w| {
            matches!(*w, "the" | "of" | "for" | "and" | "on" | "in" | "&")
                || w.chars().next().is_some_and(char::is_uppercase)
        });
    (end > start && linked && organisation).then(|| subject[..end].to_vec())
}

/// Whether `word` (capitalised) also occurs in `text` in lower case, as a whole word.
fn written_in_lowercase(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower == word {
        return false;
    }
    text.match_indices(lower.as_str()).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether `word` occurs in the document, as a whole word, somewhere other than at the opening
/// of a sentence: a name is capitalised wherever it stands, an ordinary word ("Investigators",
/// "Several") only where a sentence opens.
fn capitalised_inside_a_sentence(doc: &Document, word: &str) -> bool {
    let text = doc.text.as_str();
    text.match_indices(word).any(|(at, _)| {
        let after = text[at + word.len()..].chars().next();
        if text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            || after.is_some_and(char::is_alphanumeric)
        {
            return false;
        }
        let i = doc.sentences.partition_point(|s| s.range.end <= at);
        let Some(sentence) = doc.sentences.get(i).filter(|s| s.range.start <= at) else {
            return false;
        };
        // What opens the sentence before it: nothing, or only quotation marks and brackets.
        !text[sentence.range.start..at]
            .chars()
            .all(|c| c.is_whitespace() || "\"'“‘«„([—–-".contains(c))
    })
}

/// Whether `word` opens a reporting clause somewhere in `text`: a reporting verb right after
/// it, maybe past an adverb or a bracket ("Goldman (GS) said", "Acme also stressed").
fn opens_a_reporting_clause(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let rest = &text[at + word.len()..];
        if rest.chars().next().is_some_and(char::is_alphanumeric) {
            return false;
        }
        let mut next = rest.split_whitespace().take(4).filter(|w| {
            !(w.starts_with('(') || w.ends_with(')') || w.ends_with("ly") || *w == "also")
        });
        next.next()
            .is_some_and(|w| is_reporting_verb(w.trim_end_matches(|c: char| !c.is_alphanumeric())))
    })
}

/// A plural naming a group of people by what they do ("Producers", "Officials",
/// "Residents") before the names of some of them: no part of a name.
fn names_a_group(word: &str) -> bool {
    ["ers", "ors", "ists", "ents", "ants", "ians", "als"]
        .iter()
        .any(|end| word.ends_with(end))
        && plural_of_a_common_word(word)
}

/// Whether a capitalised word is the plural of an English word the word-frequency table lists
/// ("Investigators", "Neighbours"): a group, never one named speaker.
fn plural_of_a_common_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let Some(singular) = lower.strip_suffix('s') else {
        return false;
    };
    // A plural of a group by what it does ("investigators", "analysts") may be listed where
    // its singular is not.
    let group = ["ors", "ists", "ians", "ents", "ants", "als"]
        .iter()
        .any(|end| lower.ends_with(end));
    [singular, singular.strip_suffix('e').unwrap_or(singular)]
        .iter()
        .chain(group.then_some(&lower.as_str()))
        .any(|w| {
            crate::text::tokens::tokenize(w).first().is_some_and(|t| {
                crate::index::background::article_share(crate::text::features::token_hash(&t.norm))
                    > crate::index::background::UNLISTED_SHARE
            })
        })
}

/// A preposition whose object is never the subject of a clause ("of RBC Capital Markets,
/// said", "In Iowa, Smith said", "Republican of New York").
fn is_preposition(w: &str) -> bool {
    with_lower(w, |l| {
        matches!(
            l,
            "of" | "at"
                | "for"
                | "from"
                | "with"
                | "in"
                | "by"
                | "to"
                | "on"
                | "about"
                | "against"
                | "under"
                | "like"
        )
    })
}

fn is_pronoun(w: &str) -> bool {
    // No character outside ASCII lower-cases to h, e or s.
    w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she")
}

/// The speaker named in the reporting clause around a quotation.
fn speaker_near(
    doc: &Document,
    people: &People,
    quote: &Range<usize>,
    paragraph: &Range<usize>,
    earlier_quotes: &[Range<usize>],
) -> Option<String> {
    let text = doc.text.as_str();
    // A reporting clause is within a sentence or two of its quotation: look no further, so
    // a paragraph of thousands of quotations costs linear time.
    let paragraph = &clause_window(text, paragraph, quote);
    let after_raw = &text[quote.end..paragraph.end];
    if let Some(name) = dash_signature(after_raw) {
        return Some(people.fullest(&name));
    }
    let after = after_raw.trim_start_matches(['”', '"', '’', '»', '«', '“', ',', ' ', '.', '\'']);
    let resolve = |words: &[&str], at: usize| -> Option<String> {
        // A name (one or more capitalised words) or a pronoun or "the TITLE".
        let first = *words.first()?;
        match first.to_lowercase().as_str() {
            "he" | "she" => people.last_before(at, first),
            "the" => {
                let title: Vec<String> = words[1..]
                    .iter()
                    .take_while(|w| TITLE_SET.contains(w.to_lowercase().as_str()))
                    .map(|w| w.to_lowercase())
                    .collect();
                (!title.is_empty()).then(|| {
                    let t = title.join(" ");
                    people
                        .titles
                        .get(&t)
                        .or_else(|| {
                            (title.len() > 2)
                                .then(|| people.titles.get(&title[title.len() - 2..].join(" ")))
                                .flatten()
                        })
                        .cloned()
                        .unwrap_or_else(|| format!("the {}", words[1..=title.len()].join(" ")))
                })
            }
            _ if first.chars().next().is_some_and(char::is_uppercase) => {
                name_in(words).map(|name| people.fullest_titled(words, &name.join(" ")))
            }
            _ => None,
        }
    };
    // "…,” said Smith" / "…,” Smith said" / "…,” she said" / "…,” said UFCW president Jeff
    // Traeger" / "…,” Richard Fadden, a former adviser, said" / "…,” Rep. Jane Doe (D-Ore.)
    // said".
    let after = without_parentheses(after);
    // "cautioned against “a betrayal” in the way the country responds": a quotation inside
    // a sentence, which goes on in lowercase, is reported before it, not after ("“Boots on
    // the ground” would work, Jane Doe said" opens its sentence).
    let before = &text[paragraph.start..quote.start];
    let sentence_start = sentence_start_in(before);
    let lead = &before[sentence_start..];
    let quote_inside_sentence = !words(lead).is_empty()
        && !text[..quote.end]
            .trim_end_matches(CLOSING_MARKS)
            .ends_with(['.', ',', '?', '!', ';', ':'])
        && after_raw.starts_with(CLOSING_MARKS)
        && after_raw
            .trim_start_matches(CLOSING_MARKS)
            .trim_start_matches(' ')
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| {
                w.chars().next().is_some_and(char::is_lowercase)
                    && !is_speech_verb(w)
                    && !is_pronoun(w)
            });
    let clause = if quote_inside_sentence {
        ""
    } else {
        &after[..clause_end(&after)]
    };
    let mut cw = clause_words(clause);
    cw.truncate(40);
    // The verb: within the first twelve words, or later right after an appositive's comma
    // ("Jane Doe, the director of a centre at a university, said").
    // "“…in the face.” And in Fayetteville, as people kept interrupting him, …": after a
    // quotation that ends its sentence, a reporting clause names its speaker before any
    // comma ("“I'm done.” Jane Doe said.").
    let ends_sentence = text[..quote.end].ends_with('.');
    let verb_at = cw.iter().enumerate().position(|(i, w)| {
        is_speech_verb(w)
            && !(i > 0 && name_continues(cw[i - 1], w))
            && (i < 12 || (i > 0 && cw[i - 1] == "," && is_reporting_verb(w)))
            && !(ends_sentence && cw[..i].contains(&","))
    });
    // "“…,” an angry Jane Doe retorted." with a verb of no list: a short clause after a
    // quotation that ends with a comma, a name or pronoun then one past-tense word.
    let comma_close = text[..quote.end].ends_with([',', '?', '!'])
        || after_raw.trim_start_matches(CLOSING_MARKS).starts_with(',');
    if verb_at.is_none() && comma_close && (2..=5).contains(&cw.len()) && !cw.contains(&",") {
        let last = cw[cw.len() - 1];
        if last.len() > 3 && last.ends_with("ed") && last.chars().all(|c| c.is_ascii_lowercase()) {
            let subject = &cw[..cw.len() - 1];
            if subject.len() == 1 && is_pronoun(subject[0]) {
                return people.last_before(quote.start, subject[0]);
            }
            if let Some(name) = name_in(subject) {
                return Some(people.fullest_titled(subject, &name.join(" ")));
            }
        }
    }
    // "“…,” remembered Jane Doe, the firm's spokeswoman.": the same, verb first; the name
    // ends the sentence or an appositive follows it.
    if verb_at.is_none() && comma_close && cw.len() >= 3 {
        let verb = cw[0];
        let named_after = cw[1..]
            .iter()
            .position(|w| *w == ",")
            .map_or(cw.len(), |c| c + 1);
        let phrase = &cw[1..named_after];
        let past_tense =
            verb.len() > 3 && verb.ends_with("ed") && verb.chars().all(|c| c.is_ascii_lowercase());
        if past_tense
            && (2..=4).contains(&phrase.len())
            && phrase
                .iter()
                .all(|w| is_name_word(w) || is_honorific(w) || is_initial(w))
        {
            if let Some(name) = name_in(phrase) {
                return Some(people.fullest_titled(phrase, &name.join(" ")));
            }
        }
    }
    if let Some(verb_at) = verb_at {
        let verb = cw[verb_at].to_lowercase();
        if verb == "according" {
            let rest: Vec<&str> = cw[verb_at + 1..]
                .iter()
                .copied()
                .skip_while(|w| *w == "to")
                .take_while(|w| *w != ",")
                .collect();
            if let Some(name) = name_in(&name_phrase(&rest)) {
                return Some(people.fullest_titled(&rest, &name.join(" ")));
            }
            if let Some(s) = resolve(&rest, quote.start) {
                return Some(s);
            }
        } else if verb_at == 0
            || cw[..verb_at].iter().all(|w| w.eq_ignore_ascii_case("also"))
            // "…,” like the markets, said Jane Doe": a verb after a comma, a name after it.
            || (cw[verb_at - 1] == ","
                && cw
                    .get(verb_at + 1)
                    .is_some_and(|w| is_name_word(w) || is_title_word(w)))
        {
            // Verb first: the name after it, up to the first comma.
            let rest: Vec<&str> = cw[verb_at + 1..]
                .iter()
                .copied()
                .take_while(|w| *w != ",")
                .collect();
            if let Some(first) = rest.first() {
                if is_pronoun(first) {
                    return people.last_before(quote.start, first);
                }
                // "said another Twitter user, Jane Doe", "said his best friend at the
                // college, John Roe": the name in apposition after the comma.
                let described = with_lower(first, |l| {
                    matches!(
                        l,
                        "a" | "an"
                            | "another"
                            | "one"
                            | "some"
                            | "several"
                            | "his"
                            | "her"
                            | "their"
                            | "its"
                    )
                });
                if described {
                    let apposition: Vec<&str> = cw[verb_at + 1..]
                        .iter()
                        .copied()
                        .skip_while(|w| *w != ",")
                        .skip(1)
                        .take_while(|w| *w != ",")
                        .collect();
                    let opens_with_name = apposition
                        .first()
                        .is_some_and(|w| is_name_word(w) || is_honorific(w));
                    if opens_with_name {
                        if let Some(name) = name_in(&name_phrase(&apposition)) {
                            return Some(people.fullest_titled(&apposition, &name.join(" ")));
                        }
                    }
                }
                // "said a state official", "added another Ohio Democrat": nobody named.
                if with_lower(first, |l| {
                    matches!(l, "a" | "an" | "another" | "one" | "some" | "several")
                }) {
                    return None;
                }
            }
            if let Some(name) = name_in(&name_phrase(&rest)) {
                return Some(people.fullest_titled(&rest, &name.join(" ")));
            }
            if let Some(t) = rest.iter().position(|w| w.eq_ignore_ascii_case("the")) {
                if let Some(s) = resolve(&rest[t..], quote.start) {
                    return Some(s);
                }
            }
        } else {
            // Subject first. Comma-separated segments before the verb: the one right
            // before it when it names someone ("of the plan, Mr. Doe said"), else the first
            // (an appositive after a comma is not the subject: "Jane Doe, a lawyer, said").
            let segments: Vec<&[&str]> = cw[..verb_at]
                .split(|w| *w == ",")
                .filter(|s| !s.is_empty())
                .collect();
            let last = segments.last().copied().unwrap_or(&[]);
            let appositive = |s: &[&str]| {
                // A party and state label: "Rep. Jane Doe, R-Ohio, said".
                let party_label = s.len() <= 2 && s.first().is_some_and(|w| is_party_label(w));
                // "Republican of New York", "Professor at Yale".
                let described_by_place = s.len() >= 3 && is_preposition(s[1]);
                party_label
                    || described_by_place
                    || s.iter().take(3).any(|w| is_possessive(w))
                    || s.first().is_some_and(|w| {
                        matches!(
                            w.to_lowercase().as_str(),
                            "a" | "an" | "the" | "who" | "which" | "one" | "whose"
                        ) || w.chars().next().is_some_and(char::is_lowercase)
                            // "director of the centre": a role with its complement.
                            && (!is_title_word(w)
                                || s.get(1).is_some_and(|n| {
                                    n.chars().next().is_some_and(char::is_lowercase)
                                }))
                            && !is_pronoun(w)
                    })
            };
            // "a nurse in Allentown, Pa., said": a state after a place ends the appositive.
            let place_after_appositive = segments.len() > 2
                && last.len() <= 2
                && appositive(segments[segments.len() - 2])
                && segments[segments.len() - 2]
                    .iter()
                    .rev()
                    .nth(1)
                    .is_some_and(|w| is_preposition(w));
            let subject: &[&str] = if segments.len() > 1
                && (appositive(last) || name_in(last).is_none() || place_after_appositive)
                && !last.iter().any(|w| is_pronoun(w))
            {
                segments[0]
            } else {
                last
            };
            let lower: Vec<String> = subject.iter().map(|w| w.to_lowercase()).collect();
            if let Some(p) = subject.iter().find(|w| is_pronoun(w)) {
                if subject.len() <= 2 {
                    return people.last_before(quote.start, p);
                }
            }
            // "Jane Doe of the Acme Center for Policy Studies wrote": the name before the
            // preposition, when there is one.
            let before_preposition = subject
                .iter()
                .enumerate()
                .position(|(i, w)| {
                    i > 0 && is_preposition(w) && is_name_word(strip_possessive(subject[i - 1]))
                })
                .and_then(|at| name_in(&subject[..at]));
            if let Some(name) = before_preposition.or_else(|| name_in(subject)) {
                return Some(people.fullest_titled(subject, &name.join(" ")));
            }
            if let Some(t) = lower.iter().position(|w| w == "the") {
                if let Some(s) = resolve(&subject[t..], quote.start) {
                    return Some(s);
                }
            }
            // A role in lowercase ("the rookie defenceman said"): the person the article
            // introduced with it.
            if let Some(s) = role_person(people, &lower, text, quote.start) {
                return Some(s);
            }
        }
    }
    // Before the quotation, in the same sentence or paragraph: "Smith said that “…”",
    // "according to Smith, “…”", "Smith: “…”", "he described as “…”".
    let lead_at = paragraph.start + sentence_start;
    let lead_words: Vec<(usize, &str)> = words(lead)
        .into_iter()
        .filter(|r| {
            !earlier_quotes
                .iter()
                .any(|q| q.contains(&(lead_at + r.start)))
        })
        .map(|r| (r.start, &lead[r]))
        .collect();
    if let Some(pos) = lead_words.iter().enumerate().rposition(|(i, (_, w))| {
        (is_reporting_verb(w) || w.eq_ignore_ascii_case("according"))
            && !(i > 0 && name_continues(lead_words[i - 1].1, w))
    }) {
        if lead_words[pos].1.eq_ignore_ascii_case("according") {
            let rest: Vec<&str> = lead_words[pos + 1..]
                .iter()
                .map(|(_, w)| *w)
                .filter(|w| *w != "to")
                .collect();
            return resolve(&rest, quote.start);
        }
        // "Said Jane Doe, who …, “…”": the verb opens the sentence; "“…,” said Jane Doe,
        // who called it “…”": the verb follows an earlier quotation.
        let after_a_quotation = lead[..lead_words[pos].0]
            .trim_end()
            .trim_end_matches(',')
            .ends_with(CLOSING_MARKS);
        // "Asked which county was his favourite, he demurred": a question put to someone.
        let asks_about = lead_words.get(pos + 1).is_some_and(|(_, w)| {
            with_lower(w, |l| {
                matches!(
                    l,
                    "which" | "what" | "who" | "whom" | "whether" | "if" | "how" | "why" | "about"
                )
            })
        });
        if (pos == 0 || after_a_quotation) && !asks_about {
            let rest: Vec<&str> = lead_words[pos + 1..].iter().map(|(_, w)| *w).collect();
            if let Some(name) = name_in(&name_phrase(&rest)) {
                return Some(people.fullest_titled(&rest, &name.join(" ")));
            }
        }
        let subject: Vec<&str> = lead_words[..pos].iter().map(|(_, w)| *w).collect();
        // "X did this, saying “…”": a participle after a comma reports the sentence's
        // subject, the first person named.
        let verb = lead_words[pos].1;
        let participle_after_comma =
            verb.ends_with("ing") && lead[..lead_words[pos].0].trim_end().ends_with(',');
        if participle_after_comma {
            for start in 0..subject.len() {
                let w = subject[start];
                if is_pronoun(w) {
                    return people
                        .last_before(paragraph.start + sentence_start + lead_words[start].0, w);
                }
                if is_name_word(strip_possessive(w)) || is_honorific(w) {
                    let mut e = start + 1;
                    while e < subject.len()
                        && (is_name_word(strip_possessive(subject[e])) || is_title_word(subject[e]))
                        && !subject[e - 1].ends_with("’s")
                        && !subject[e - 1].ends_with("'s")
                    {
                        e += 1;
                    }
                    if let Some(s) = resolve(&subject[start..e], quote.start) {
                        return Some(s);
                    }
                }
            }
        }
        // The subject before the verb: the nearest name, title or pronoun, outside an
        // appositive ("Jane Doe, the party's nominee, wrote:").
        let segment_of = |at: usize| lead[..at].matches(',').count();
        let verb_segment = segment_of(lead_words[pos].0);
        // The words before the verb by comma-separated segment, split once.
        let mut segment_lists: Vec<Vec<&str>> = vec![Vec::new(); verb_segment + 1];
        for (o, w) in &lead_words[..pos] {
            segment_lists[segment_of(*o)].push(*w);
        }
        let segment_words = |seg: usize| -> &[&str] { &segment_lists[seg] };
        let opens_appositive = |seg: usize| {
            let mut in_segment = segment_words(seg).iter().copied();
            let first = in_segment.next();
            // "Republican of Ohio", "Professor at Yale".
            let described_by_place =
                in_segment.next().is_some_and(is_preposition) && in_segment.next().is_some();
            // "…,” said Mr. Doe, who noted …": a verb of saying opens a clause, not an
            // appositive ("noting the size of the crowd," is one).
            described_by_place
                || first.is_some_and(|w| {
                    (!is_reporting_verb(w) || w.ends_with("ing")) && {
                        matches!(
                            w.to_lowercase().as_str(),
                            "a" | "an" | "the" | "who" | "whose" | "which" | "one"
                        ) || is_possessive(w)
                            || (w.chars().next().is_some_and(char::is_lowercase)
                                && !is_title_word(w))
                    }
                })
        };
        // "a retired nurse in Allentown, Pa., said": a state after a place ends the
        // appositive.
        let appositive_segment = |seg: usize| {
            opens_appositive(seg)
                || (seg > 0 && segment_words(seg).len() <= 2 && opens_appositive(seg - 1) && {
                    let before = segment_words(seg - 1);
                    before.len() >= 2 && is_preposition(before[before.len() - 2])
                })
        };
        // "Jane Doe of the Acme Center for Policy Studies wrote, “…”": the name before its
        // affiliation, not the organisation's last words.
        if let Some(name) = name_before_affiliation(segment_words(verb_segment)) {
            return resolve(&name, quote.start);
        }
        for start in (0..subject.len()).rev() {
            let w = subject[start];
            let seg = segment_of(lead_words[start].0);
            if seg != verb_segment && appositive_segment(seg) {
                continue;
            }
            // "the Secretary General said": a title standing for a person.
            if is_title_word(w) && w.chars().next().is_some_and(char::is_uppercase) {
                let mut s = start;
                while s > 0 && is_title_word(subject[s - 1]) {
                    s -= 1;
                }
                if s > 0 && subject[s - 1].eq_ignore_ascii_case("the") {
                    return resolve(&subject[s - 1..=start], quote.start);
                }
                if s == 0 {
                    let mut with_the = vec!["the"];
                    with_the.extend_from_slice(&subject[..=start]);
                    return resolve(&with_the, quote.start);
                }
                continue;
            }
            if is_name_word(strip_possessive(w)) {
                let mut s = start;
                while s > 0
                    && (is_name_word(strip_possessive(subject[s - 1]))
                        || is_honorific(subject[s - 1]))
                {
                    s -= 1;
                }
                return resolve(&subject[s..=start], quote.start);
            }
            if is_pronoun(w) {
                return people
                    .last_before(paragraph.start + sentence_start + lead_words[start].0, w);
            }
        }
    }
    // A colon lead-in: "Smith: “…”", "Senator Jane Doe scolded him: “…”".
    let lead_trim = lead
        .trim_end()
        .trim_end_matches(['“', '"', '«', '„', '‘', '\''])
        .trim_end();
    if let Some(stem) = lead_trim.strip_suffix(':') {
        return colon_speaker(people, stem, paragraph.start + sentence_start);
    }
    // A comma lead-in without a verb of saying: "After the debate, Jane shot back, “…”".
    if let Some(stem) = lead_trim.strip_suffix(',') {
        let last = stem.rsplit(',').next().unwrap_or(stem);
        if last.split_whitespace().count() <= 8 {
            return colon_speaker(people, stem, paragraph.start + sentence_start);
        }
    }
    None
}

/// The speaker of a quotation introduced by a colon: the name right before the colon
/// ("Smith:"), else the subject of a short lead-in sentence ("Senator Jane Doe scolded him:",
/// "He said:").
fn colon_speaker(people: &People, stem: &str, at: usize) -> Option<String> {
    let ws: Vec<&str> = stem
        .split_whitespace()
        .rev()
        .take_while(|w| is_name_word(strip_possessive(w)))
        .collect();
    if !ws.is_empty() {
        let name: Vec<&str> = ws.into_iter().rev().collect();
        return Some(people.fullest(&name.join(" ")));
    }
    let stem = without_parentheses(stem);
    let all = clause_words(&stem);
    if all.len() > 40 {
        return None;
    }
    // The last comma-separated part that is no appositive and names someone first
    // ("When the bill passed, Senator Jane Doe released the following statement:",
    // "Jane Doe, a former minister, put it:").
    for segment in all.split(|w| *w == ",").rev() {
        let Some(first) = segment.first() else {
            continue;
        };
        if matches!(
            first.to_lowercase().as_str(),
            "a" | "an" | "the" | "who" | "whose" | "which" | "one"
        ) || is_possessive(first)
            || (opens_a_participle_phrase(segment)
                // "Ahmed in a statement said:": a name the article gives is no participle.
                && !people.full.contains_key(&first.to_lowercase()))
        {
            continue;
        }
        // The first name (or pronoun) in the part, before its verb.
        for (i, w) in segment.iter().enumerate().take(8) {
            if is_pronoun(w) {
                return people.last_before(at, w);
            }
            // The object of a preposition is no subject ("Republican of New York",
            // "professor of law at Yale").
            let run_start = segment[..i]
                .iter()
                .rposition(|p| !is_name_word(strip_possessive(p)))
                .map_or(0, |p| p + 1);
            let object = run_start > 0 && is_preposition(segment[run_start - 1]);
            if (is_name_word(strip_possessive(w)) || is_honorific(w)) && !object {
                if segment
                    .get(i + 1)
                    .is_some_and(|n| is_possessive(w) || *n == "of")
                {
                    break;
                }
                let mut e = i + 1;
                while e < segment.len()
                    && (is_name_word(strip_possessive(segment[e])) || is_initial(segment[e]))
                    && !is_possessive(segment[e - 1])
                {
                    e += 1;
                }
                if is_possessive(segment[e - 1]) {
                    break;
                }
                return name_in(&segment[i..e]).map(|n| people.fullest(&n.join(" ")));
            }
        }
    }
    None
}

/// A part of a sentence that opens with a participle and its preposition or article
/// ("Speaking at the forum", "Asked about the plan", "Addressing the nation"): it tells the
/// circumstances, and its capitalised first word is no one's name.
fn opens_a_participle_phrase(segment: &[&str]) -> bool {
    let (Some(first), Some(next)) = (segment.first(), segment.get(1)) else {
        return false;
    };
    let participle = with_lower(first, |l| {
        l.len() > 4 && (l.ends_with("ing") || l.ends_with("ed"))
    });
    participle
        && (is_preposition(next)
            || matches!(
                next.to_lowercase().as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "reporters" | "after"
            ))
}

fn is_initial(w: &str) -> bool {
    w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase())
}

/// Byte offset where the last sentence of `before` starts: after its last full stop,
/// question or exclamation mark that ends a sentence (not "Mr." or an initial).
fn sentence_start_in(before: &str) -> usize {
    let mut end = before.len();
    while let Some(i) = before[..end].rfind(['.', '!', '?']) {
        let word = before[..i]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let abbreviation = is_honorific(word)
            || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
            || matches!(
                word,
                "Sen" | "Rep" | "Gov" | "Gen" | "Lt" | "Col" | "Sgt" | "Rev" | "Jr" | "Sr" | "St"
            );
        // "R-Wis., said", "(D-Ill.), said", "Inc. said": a full stop before a comma or a lower-case word
        // ends an abbreviation, not a sentence.
        let continues = before[i + 1..]
            .trim_start_matches([')', ']'])
            .trim_start()
            .starts_with(|c: char| c == ',' || c == ';' || c.is_lowercase());
        if (before[..i].ends_with(char::is_alphabetic) && abbreviation) || continues {
            end = i;
            continue;
        }
        return i + 1;
    }
    0
}

const TITLE_CUES: &[&str] = &[
    "film",
    "films",
    "movie",
    "movies",
    "book",
    "books",
    "novel",
    "show",
    "shows",
    "series",
    "song",
    "songs",
    "album",
    "documentary",
    "play",
    "musical",
    "podcast",
    "episode",
    "titled",
    "entitled",
    "memoir",
    "essay",
    "column",
    "poem",
    "opera",
    "programme",
    "program",
    "sitcom",
    "hit",
    "single",
    "video",
    "exhibition",
    "headline",
    "headlined",
    "article",
    "op-ed",
    "editorial",
    "painting",
    "game",
    "track",
];

const SLOGAN_CUES: &[&str] = &[
    "sign",
    "signs",
    "placard",
    "placards",
    "banner",
    "banners",
    "chanted",
    "chanting",
    "chant",
    "chants",
    "slogan",
    "slogans",
    "t-shirt",
    "t-shirts",
    "shirt",
    "shirts",
    "hat",
    "hats",
    "hashtag",
    "motto",
    "sticker",
    "stickers",
    "emblazoned",
    "billboard",
    "graffiti",
    "poster",
    "posters",
    "mantra",
    "cry",
    "rallying",
    "sang",
    "singing",
];

const DOCUMENT_CUES: &[&str] = &[
    "law",
    "laws",
    "bill",
    "act",
    "report",
    "reports",
    "ruling",
    "statute",
    "constitution",
    "resolution",
    "memo",
    "memorandum",
    "document",
    "documents",
    "filing",
    "indictment",
    "complaint",
    "lawsuit",
    "order",
    "policy",
    "guidelines",
    "agreement",
    "treaty",
    "amendment",
    "regulation",
    "regulations",
    "section",
    "clause",
    "provision",
    "provisions",
    "study",
    "survey",
    "manual",
    "contract",
    "verdict",
    "decision",
    "opinion",
    "legislation",
    "code",
    "charter",
    "platform",
    "rule",
    "rules",
    "criteria",
    "definition",
    "dictionary",
    "warrant",
];

const TERM_CUES: &[&str] = &[
    "word",
    "words",
    "term",
    "terms",
    "phrase",
    "phrases",
    "label",
    "labels",
    "so-called",
    "dubbed",
    "coined",
    "buzzword",
    "expression",
    "name",
    "named",
    "known",
    "branded",
    "style",
    "styled",
    "acronym",
    "adjective",
    "noun",
    "verb",
];

fn lower_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '’' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// What a quoted span is, from its words and the text around it. `attributed`: a reporting
/// clause in its sentence names a speaker.
fn classify(
    text: &str,
    range: &Range<usize>,
    sentence: &Range<usize>,
    sentence_kind: SentenceKind,
    attributed: bool,
) -> QuoteKind {
    let quoted = &text[range.clone()];
    let n_words = quoted.split_whitespace().count();
    let open = text[sentence.start..range.start.max(sentence.start)]
        .trim_end_matches(['“', '"', '«', '„', '‘', '\'', '»'])
        .len()
        + sentence.start;
    let lead = &text[sentence.start..open.min(range.start)];
    let close_end = text[range.end..sentence.end.max(range.end)]
        .char_indices()
        .find(|&(_, c)| !matches!(c, '”' | '"' | '’' | '»' | '«' | '“' | '\''))
        .map_or(sentence.end.max(range.end), |(i, _)| range.end + i);
    let tail = &text[close_end..sentence.end.max(close_end)];
    let before = lower_words(lead);
    let after = lower_words(tail);
    let near_before: Vec<&str> = before.iter().rev().take(4).map(String::as_str).collect();
    let near_after: Vec<&str> = after.iter().take(3).map(String::as_str).collect();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let lead_last = lead.split_whitespace().last().unwrap_or("");
    let tail_first = tail.split_whitespace().next().unwrap_or("");
    // READ MORE: '…' and similar promotions of another article.
    let lead_lower = lead.to_lowercase();
    if lead_lower.contains("read more")
        || lead_lower.contains("related:")
        || lead_lower.contains("watch:")
    {
        return QuoteKind::Title;
    }
    if n_words <= 3
        && !attributed
        && ((capitalised(lead_last)
            && is_name_word(lead_last)
            && capitalised(tail_first)
            && is_name_word(tail_first.trim_end_matches([',', '.', '\'', '’', 's'])))
            || near_before
                .iter()
                .any(|w| matches!(*w, "nicknamed" | "nickname" | "aka" | "alias")))
    {
        return QuoteKind::Nickname;
    }
    let sign_near = before
        .iter()
        .rev()
        .take(8)
        .chain(after.iter().take(4))
        .any(|w| SLOGAN_CUES.contains(&w.as_str()));
    if sign_near && !attributed {
        return QuoteKind::Slogan;
    }
    if !attributed
        && (near_before.iter().any(|w| TITLE_CUES.contains(w))
            || ((2..=8).contains(&n_words)
                && quoted
                    .split_whitespace()
                    .filter(|w| w.chars().count() > 3)
                    .all(capitalised)
                && !matches!(sentence_kind, SentenceKind::Headline)
                && range.start > sentence.start + 1
                && !lead.trim_end().ends_with(':')))
    {
        return QuoteKind::Title;
    }
    let document_near = near_before
        .iter()
        .chain(near_after.iter())
        .any(|w| DOCUMENT_CUES.contains(w));
    if document_near && !attributed {
        return QuoteKind::Document;
    }
    if !attributed && near_before.iter().any(|w| TERM_CUES.contains(w)) && n_words <= 6 {
        return QuoteKind::Term;
    }
    // Quoted inside the writer's own sentence, not as a whole clause.
    let embedded = {
        let l = lead.trim_end();
        !l.is_empty()
            && !l.ends_with([':', ',', '—', '–', '(', '[', ';'])
            && !quoted.ends_with(['.', '!', '?', ','])
    };
    if n_words <= 3 {
        if attributed && !embedded {
            return QuoteKind::Speech;
        }
        return if attributed {
            QuoteKind::Partial
        } else {
            QuoteKind::Term
        };
    }
    if embedded || quoted.chars().next().is_some_and(char::is_lowercase) {
        QuoteKind::Partial
    } else {
        QuoteKind::Speech
    }
}

/// Why a quote has no speaker.
fn no_speaker_reason(kind: QuoteKind, role: Option<&str>) -> String {
    if !kind.is_speech() {
        return format!("not a quotation of speech ({})", kind.as_str());
    }
    match role {
        Some(r) => format!("names no person: {r}"),
        None => "no reporting clause names the speaker".to_string(),
    }
}

/// A speaker as found by [`speaker_near`], checked: a role or organisation the article never
/// ties to a person's name ("the former prime minister") is not a name.
fn named(speaker: Option<String>) -> (Option<String>, Option<String>) {
    match speaker {
        Some(s) if s.starts_with("the ") => (None, Some(s)),
        other => (other, None),
    }
}

/// The person an article introduced with a role ("Jane Doe, the rookie defenceman," or
/// "defenceman Jane Doe") that a later reporting clause uses alone ("the defenceman said"):
/// the last person named right next to the role's last word before `at`.
fn role_person(people: &People, role: &[String], text: &str, at: usize) -> Option<String> {
    let noun = role.last()?;
    if noun.len() < 4 || !noun.chars().all(char::is_alphabetic) {
        return None;
    }
    let before = &text[..at];
    let mut search = before.len();
    while let Some(pos) = before[..search].rfind(noun.as_str()) {
        search = pos;
        // The role word itself, not a longer word holding it: "diplomats" are a group, and
        // a name next to them is none of theirs.
        let whole = before[..pos]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
            && before[pos + noun.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
        if !whole {
            if pos == 0 {
                break;
            }
            continue;
        }
        // A mention within a few words either side of the role word, in its clause: nothing
        // but a comma, an article or a title between them ("the airline's spokeswoman, Jane
        // Doe,"), never a new sentence, line or figure ("… in Keswick at 7:33 p.m., the
        // airline said" names no one of the airline).
        // Of those, the nearest: "her friend, Jane Doe, John Roe's makeup artist" is Jane Doe.
        let window = (pos + 1).saturating_sub(40)..(pos + noun.len() + 40).min(at);
        let found = people
            .mentions_in(window)
            .iter()
            .filter_map(|(o, name, _)| {
                let (gap, name_words) = if *o >= pos + noun.len() {
                    (&text[pos + noun.len()..*o], 0)
                } else if *o < pos {
                    (&text[*o..pos], name.split_whitespace().count())
                } else {
                    return None;
                };
                let words = gap.split_whitespace().count();
                (!gap.contains(['\n', '!', '?', ';'])
                    && !gap.chars().any(|c| c.is_ascii_digit())
                    && !ends_a_sentence_inside(gap)
                    && words <= name_words + 3)
                    .then(|| {
                        (
                            words.saturating_sub(name_words),
                            std::cmp::Reverse(*o),
                            name,
                        )
                    })
            })
            .min();
        if let Some((_, _, name)) = found {
            return Some(name.clone());
        }
        if pos == 0 {
            break;
        }
    }
    None
}

/// Whether a full stop ends a sentence inside `gap`: one after a word other than a short
/// capitalised abbreviation ("Mr.", "Sen.", "Gov.").
fn ends_a_sentence_inside(gap: &str) -> bool {
    gap.split_whitespace().any(|w| {
        w.strip_suffix('.').is_some_and(|stem| {
            !(stem.len() <= 4
                && stem.chars().next().is_some_and(char::is_uppercase)
                && stem.chars().all(char::is_alphabetic))
        })
    })
}

/// Each place `name` stands as whole words in the clause around a quotation (`window`
/// without the quotation's own words, `quote`): the words before it and those after it.
fn name_in_clause<'t>(
    text: &'t str,
    window: &Range<usize>,
    quote: &Range<usize>,
    name: &'t str,
) -> impl Iterator<Item = (&'t str, &'t str)> {
    let outside = [
        window.start..quote.start.clamp(window.start, window.end),
        quote.end.clamp(window.start, window.end)..window.end,
    ];
    outside.into_iter().flat_map(move |part| {
        let clause = &text[part];
        clause.match_indices(name).filter_map(move |(at, _)| {
            let (before, after) = (&clause[..at], &clause[at + name.len()..]);
            let apart = before
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
                && after.chars().next().is_none_or(|c| !c.is_alphanumeric());
            apart.then_some((before, after))
        })
    })
}

/// Whether `name` stands in the reporting clause around a quotation (`window` without the
/// quotation's own words, `quote`) only as the object of a preposition, alone or after a
/// possessive and adjectives ("responded on Twitter", "wrote on her personal Facebook page",
/// "campaign for Senate"): a platform or a place someone spoke in, not the speaker. Not when a
/// reporting verb follows it ("Mayor of Keswick Jane Doe said"), and false when the clause
/// does not hold the name as written (a fuller or a shorter form was read).
fn only_after_a_preposition(
    text: &str,
    window: &Range<usize>,
    quote: &Range<usize>,
    name: &str,
) -> bool {
    let mut seen = false;
    for (before, after) in name_in_clause(text, window, quote, name) {
        seen = true;
        let next = after
            .trim_start_matches(|c: char| c.is_whitespace() || c == ',')
            .split_whitespace()
            .next()
            .unwrap_or("");
        let next = next.trim_end_matches(|c: char| !c.is_alphabetic());
        if is_speech_verb(next) || is_reporting_verb(next) {
            return false;
        }
        // Up to three lower-case words (a determiner, a possessive, adjectives) back to a
        // preposition.
        let mut object = false;
        let mut words = before.split_whitespace().rev().take(4).peekable();
        while let Some(w) = words.next() {
            if is_preposition(w) {
                // "according to Jane Doe" names the source, and "said Secretary of the
                // Interior Jane Doe" the speaker, the office's words before the name.
                let according = w == "to" && words.peek().is_some_and(|p| *p == "according");
                object = !(according || clause_has_speech_verb_before_office(before));
                break;
            }
            if !w.chars().all(|c| c.is_lowercase() || c == '’' || c == '\'') {
                break;
            }
        }
        if !object {
            return false;
        }
    }
    seen
}

/// Whether a speaker read near a quotation is rather where it was said or published
/// ([`only_after_a_preposition`]) and holds no common given name ("Secretary of State Jane
/// Doe" is a person's name after the office).
fn a_place_or_platform_spoken_in(
    text: &str,
    window: &Range<usize>,
    quote: &Range<usize>,
    name: &str,
) -> bool {
    only_after_a_preposition(text, window, quote, name)
        && !name
            .split_whitespace()
            .any(|w| given_name_gender(w).is_some())
}

/// Whether `name` is a word of origin ("Western", "South African", "Japanese", "French")
/// standing in the clause around a quotation only to describe an unnamed speaker: after an
/// article or a number and before a lower-case noun ("a Western diplomat said", "one South
/// African official said", "two Brazilian bankers said"). An organisation there ("a Harbour
/// Board spokeswoman said") is the speaker's, and is kept.
fn describes_the_speaker(
    text: &str,
    window: &Range<usize>,
    quote: &Range<usize>,
    name: &str,
) -> bool {
    let origin = name.split_whitespace().next_back().is_some_and(|w| {
        ["an", "ese", "ish", "ern", "ch", "i"]
            .iter()
            .any(|end| w.ends_with(end))
    });
    if !origin {
        return false;
    }
    let mut seen = false;
    for (before, after) in name_in_clause(text, window, quote, name) {
        seen = true;
        let determiner = before.split_whitespace().next_back().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "a" | "an" | "one" | "another" | "two" | "three" | "some" | "several"
            )
        });
        let next = after
            .strip_prefix(' ')
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or("")
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        let noun_after = next.chars().next().is_some_and(char::is_lowercase);
        // Without an article, a word of origin alone ("Iranian", "North Korean") and a noun
        // after it: "Iranian officials said", "the Israeli army said", but "Khan said" and
        // "Stephen Roach of …" name people.
        let origin_alone = match name.split_whitespace().collect::<Vec<_>>()[..] {
            [_] => true,
            [first, _] => matches!(first, "North" | "South" | "East" | "West"),
            _ => false,
        };
        // Speech verbs ("said", "told", "adds") and reporting ones are in `is_speech_verb`.
        let a_verb = is_speech_verb(next)
            || next.ends_with("ed")
            || matches!(
                next,
                "has" | "had" | "was" | "is" | "will" | "would" | "also" | "then" | "later"
            );
        let describes = noun_after
            && (determiner
                || (origin_alone
                    && !is_preposition(next)
                    && !crate::index::is_function_word(next)
                    && !a_verb));
        if !describes {
            return false;
        }
    }
    seen
}

/// Whether the words before a name read "said Secretary of the …": a reporting verb right
/// before the title words of an office that a preposition joins to its name.
fn clause_has_speech_verb_before_office(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    // Back over the name's lower-case lead-in and the preposition ("of the").
    for w in words.by_ref() {
        if is_preposition(w) {
            break;
        }
    }
    // At least one title word, then the verb.
    let mut titles = 0;
    let verb = words.find(|w| {
        let title = is_title_word(w);
        titles += usize::from(title);
        !title
    });
    titles > 0 && verb.is_some_and(|w| is_speech_verb(w) || is_reporting_verb(w))
}

/// Quotations of one document.
pub fn extract(index: usize, doc: &Document) -> Vec<Quote> {
    // No quotation mark and no "Name: words" headline: nothing to extract, and no need to
    // find the people the article names.
    let marks = ['“', '"', '‘', '«', '»', '„', '\''];
    let headline_lead = doc
        .sentences
        .first()
        .is_some_and(|s| s.kind == SentenceKind::Headline && doc.sentence_text(s).contains(": "));
    if !headline_lead && !doc.text.contains(marks) {
        return Vec::new();
    }
    let text = doc.text.as_str();
    let paras = paragraphs(doc);
    // One-word speakers already judged: never written in lower case, and capitalised inside
    // a sentence somewhere.
    let mut name_like_words: FastMap<String, bool> = FastMap::default();
    // Quoted spans of every paragraph (relative to the paragraph), found once.
    let para_spans: Vec<(Vec<Range<usize>>, bool)> = paras
        .iter()
        .map(|p| {
            if doc.sentences[p.start].kind.is_prose() {
                let start = doc.sentences[p.start].range.start;
                let end = doc.sentences[p.end - 1].range.end;
                quoted_spans(&text[start..end])
            } else {
                (Vec::new(), false)
            }
        })
        .collect();
    let quoted: Vec<Range<usize>> = paras
        .iter()
        .zip(&para_spans)
        .flat_map(|(p, (spans, _))| {
            let start = doc.sentences[p.start].range.start;
            spans.iter().map(move |s| start + s.start..start + s.end)
        })
        .collect();
    // Apostrophes alone ("it's") quote nothing: the people need not be read.
    if quoted.is_empty() && !headline_lead {
        return Vec::new();
    }
    let people = people(doc, &quoted);
    let mut out: Vec<Quote> = Vec::new();
    let mut carried: Option<usize> = None;
    // Quotes of the previous paragraph: (first index, end offset of the paragraph).
    let mut previous_paragraph: Option<(usize, usize, usize)> = None;
    for (k, p) in paras.iter().enumerate() {
        let start = doc.sentences[p.start].range.start;
        let end = doc.sentences[p.end - 1].range.end;
        let para = start..end;
        let first_kind = doc.sentences[p.start].kind;
        if !first_kind.is_prose() {
            continue;
        }
        // A headline "Name: words" quotes Name.
        if first_kind == SentenceKind::Headline && p.len() == 1 {
            let h = &text[para.clone()];
            if let Some((lead, rest)) = h.split_once(": ") {
                let lead_words: Vec<&str> = lead.split_whitespace().collect();
                if !lead_words.is_empty()
                    && lead_words.len() <= 3
                    && lead_words.iter().all(|w| is_name_word(w))
                    && rest.split_whitespace().count() >= 3
                {
                    let q_start = start + lead.len() + 2;
                    out.push(Quote {
                        document: index,
                        range: q_start..end,
                        speaker: Some(people.fullest(lead)),
                        speaker_reason: None,
                        kind: QuoteKind::Speech,
                        fragment: false,
                        group: None,
                    });
                    previous_paragraph = None;
                    continue;
                }
            }
        }
        let (spans, left_open) = &para_spans[k];
        let left_open = *left_open;
        let first_in_paragraph = out.len();
        let continued_from = carried.take();
        for (n, s) in spans.iter().enumerate() {
            let mut range = start + s.start..start + s.end;
            let trimmed = text[range.clone()].trim_end_matches([',', ' ']);
            range.end = range.start + trimmed.len();
            // No letter or digit (a storm of marks, "“ ”"): nothing was quoted.
            if !text[range.clone()].chars().any(char::is_alphanumeric) {
                continue;
            }
            let is_last = n + 1 == spans.len();
            let continues = is_last
                && left_open
                && paras.get(k + 1).is_some_and(|next| {
                    text[doc.sentences[next.start].range.clone()]
                        .starts_with(['“', '"', '«', '„', '‘', '\''])
                });
            // Sentences are in text order: found by binary search, so a paragraph of many
            // quotations stays linear.
            let in_paragraph = &doc.sentences[p.clone()];
            let own =
                in_paragraph.get(in_paragraph.partition_point(|s| s.range.end <= range.start));
            // A run-on "sentence" of thousands of quotations is read near the quotation only.
            let sentence = clause_window(
                text,
                &own.map_or(para.clone(), |s| {
                    s.range.start.min(range.start)..s.range.end.max(range.end)
                }),
                &range,
            );
            let sentence_kind = own.map_or(SentenceKind::Body, |s| s.kind);
            // Words of the paragraph's earlier quotations are no reporting clause (only those
            // that reach the window a reporting clause is looked for in).
            let window_start = range.start.saturating_sub(CLAUSE_WINDOW);
            let reaching = spans[..n].partition_point(|q| start + q.end <= window_start);
            let earlier: Vec<Range<usize>> = spans[reaching..n]
                .iter()
                .map(|q| start + q.start..start + q.end)
                .collect();
            // A single unknown word the article also writes in lower case, or capitalises only
            // where a sentence opens, is a sentence's first word ("Unless", "Investigators
            // said"), and a country or state ("said an Iowa Democrat") is no person: neither
            // is a speaker.
            let found = speaker_near(doc, &people, &range, &para, &earlier).filter(|s| {
                !crate::text::places::is_place(s)
                    && !a_place_or_platform_spoken_in(text, &sentence, &range, s)
                    && !describes_the_speaker(text, &sentence, &range, s)
                    && (s.contains(' ')
                        || people.full.contains_key(&s.to_lowercase())
                        || *name_like_words.entry(s.clone()).or_insert_with(|| {
                            !written_in_lowercase(text, s)
                                && (capitalised_inside_a_sentence(doc, s)
                                    || (opens_a_reporting_clause(text, s)
                                        && !plural_of_a_common_word(s)))
                        }))
            });
            let kind = classify(text, &range, &sentence, sentence_kind, found.is_some());
            // No reporting clause: the subject of the quotation's own sentence, when a person
            // opens it and nobody else is named before the quotation ("Jane Doe thanked him
            // for “stepping up”").
            let found = found.or_else(|| {
                let here = people.mentions_in(sentence.start..range.start);
                let first = here.first()?;
                (first.2 && one_person(here, &first.1)).then(|| first.1.clone())
            });

            let (speaker, role) = if kind.is_speech() {
                named(found)
            } else {
                (None, None)
            };
            let speaker_reason = speaker
                .is_none()
                .then(|| no_speaker_reason(kind, role.as_deref()));
            out.push(Quote {
                document: index,
                range,
                speaker,
                speaker_reason,
                kind,
                fragment: !kind.is_speech(),
                group: None,
            });
            if continues {
                carried = Some(out.len() - 1);
            }
        }
        // A quotation continued from the previous paragraph is the same speaker's.
        if let Some(previous) = continued_from {
            if let Some(first) = out.get(first_in_paragraph).map(|q| q.speaker.clone()) {
                match (first, out[previous].speaker.clone()) {
                    (None, Some(s)) => set_speaker(&mut out[first_in_paragraph], s),
                    (Some(s), None) => set_speaker(&mut out[previous], s),
                    _ => {}
                }
            }
        }
        // Quotations of one paragraph without their own reporting clause belong to the
        // speaker of the paragraph's other quotations ("“…,” he said. “…”").
        let named_here: Vec<Option<String>> = out[first_in_paragraph..]
            .iter()
            .map(|q| q.speaker.clone())
            .collect();
        for (n, q) in out[first_in_paragraph..].iter_mut().enumerate() {
            if q.speaker.is_none() && !q.fragment {
                if let Some(s) = named_here[..n]
                    .iter()
                    .rev()
                    .flatten()
                    .next()
                    .or_else(|| named_here[n + 1..].iter().flatten().next())
                    .cloned()
                {
                    set_speaker(q, s);
                }
            }
        }
        // A quotation that is a sentence of its own after a sentence about someone ("Jane
        // Doe agreed. “…”") is that person's, when nobody else is named in between.
        for q in out[first_in_paragraph..].iter_mut() {
            if q.speaker.is_some() || q.fragment {
                continue;
            }
            let lead_in = text[start..q.range.start]
                .trim_end()
                .trim_end_matches(['“', '"', '«', '„', '‘', '\''])
                .trim_end();
            if !lead_in.ends_with(['.', '!', '?']) {
                continue;
            }
            let here = people.mentions_in(start..q.range.start);
            let Some(at) = here.iter().rposition(|(_, _, subj)| *subj) else {
                continue;
            };
            if one_person(&here[at..], &here[at].1) {
                set_speaker(q, here[at].1.clone());
            }
        }
        // A paragraph that opens with a quotation and names nobody continues the previous
        // paragraph's speaker ("“…,” Smith said.\n\n“…”"), unless another person is named
        // in between.
        if let Some(first) = out.get(first_in_paragraph).map(|q| q.range.start) {
            let opens_with_quote = text[start..first]
                .trim_start_matches(['“', '"', '«', '„', '‘', '\''])
                .trim()
                .is_empty();
            // "He said:" or "Jane Doe made the following comment:" alone before it.
            if opens_with_quote
                && out[first_in_paragraph].speaker.is_none()
                && !out[first_in_paragraph].fragment
            {
                if let Some(prev) = k.checked_sub(1).map(|i| &paras[i]) {
                    let last = &doc.sentences[prev.end - 1];
                    let prev_text = text[last.range.clone()].trim_end();
                    if let Some(stem) = prev_text.strip_suffix(':') {
                        if let Some(s) = colon_speaker(&people, stem, last.range.start) {
                            for q in out[first_in_paragraph..].iter_mut() {
                                if q.speaker.is_none() && !q.fragment {
                                    set_speaker(q, s.clone());
                                }
                            }
                        }
                    }
                }
            }
            if opens_with_quote
                && out[first_in_paragraph].speaker.is_none()
                && !out[first_in_paragraph].fragment
            {
                let inherited = previous_paragraph.and_then(|(q0, q1, prev_start)| {
                    let last = out[q0..q1]
                        .iter()
                        .rev()
                        .find_map(|q| q.speaker.clone().map(|s| (s, q.range.end)));
                    match last {
                        Some((s, at)) => {
                            // A name after a preposition ("at the Doe Hotel", "in
                            // Springfield") is not a new voice.
                            let intervening = people.mentions.iter().any(|(o, name, subj)| {
                                *subj && *o > at && *o < first && surname(name) != surname(&s)
                            });
                            (!intervening).then_some(s)
                        }
                        // No quotation there: the person the previous paragraph reports
                        // ("Smith said the plan would fail.").
                        None => {
                            let ms = people.mentions_in(prev_start..first);
                            let subject = ms.iter().rev().find(|(_, _, subj)| *subj)?;
                            one_person(ms, &subject.1).then(|| subject.1.clone())
                        }
                    }
                });
                if let Some(s) = inherited {
                    for q in out[first_in_paragraph..].iter_mut() {
                        if q.speaker.is_none() && !q.fragment {
                            set_speaker(q, s.clone());
                        }
                    }
                }
            }
        }
        previous_paragraph = Some((first_in_paragraph, out.len(), start));
    }
    out
}

/// Whether every one of these person mentions names `name`'s person (by surname).
fn one_person(mentions: &[(usize, String, bool)], name: &str) -> bool {
    mentions.iter().all(|(_, n, _)| surname(n) == surname(name))
}

fn set_speaker(q: &mut Quote, s: String) {
    q.speaker = Some(s);
    q.speaker_reason = None;
}

/// Quotations of every document, grouped across the documents of one event cluster
/// (`cluster_of[d]` is document `d`'s cluster): quotations of different events are never
/// compared.
pub fn extract_all(documents: &[Document], cluster_of: &[usize]) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = documents
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, d)| extract(i, d))
        .collect();
    group(documents, cluster_of, &mut quotes);
    quotes
}

fn quote_features(documents: &[Document], q: &Quote) -> SentenceFeatures {
    features(&tokenize(&documents[q.document].text[q.range.clone()]))
}

fn surname(s: &str) -> String {
    s.split_whitespace().last().unwrap_or(s).to_lowercase()
}

/// Whether two quotations render the same utterance: most of the shorter one's words appear,
/// in order, in the longer one.
pub fn same_utterance(a: &SentenceFeatures, b: &SentenceFeatures) -> bool {
    let (la, lb) = (a.norms.len(), b.norms.len());
    let shorter = la.min(lb);
    if shorter < 3 {
        return false;
    }
    let common = crate::analysis::align::common_length(&a.norms, &b.norms);
    common as f64 / shorter as f64 >= 0.6 && common >= 3
}

/// Groups quotations by an index of word trigrams, then local alignment; speakers must agree
/// (or be unknown).
fn group(documents: &[Document], cluster_of: &[usize], quotes: &mut [Quote]) {
    let cluster = |q: &Quote| cluster_of.get(q.document).copied().unwrap_or(q.document);
    let feats: Vec<Option<SentenceFeatures>> = quotes
        .iter()
        .map(|q| (!q.fragment).then(|| quote_features(documents, q)))
        .collect();
    let mut index: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, f) in feats.iter().enumerate() {
        if let Some(f) = f {
            let mut keys: Vec<u64> = f
                .norms
                .windows(3)
                .map(|w| w[0].rotate_left(1) ^ w[1].rotate_left(2) ^ w[2])
                .collect();
            keys.sort_unstable();
            keys.dedup();
            for k in keys {
                index.entry(k).or_default().push(i);
            }
        }
    }
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    // Pairs of one cluster only: quotations of different events are never compared (left
    // out here rather than after sorting, which keeps the pair list short).
    let clusters: Vec<usize> = quotes.iter().map(cluster).collect();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for list in index.values() {
        if list.len() > 64 {
            pairs.extend(
                list.windows(2)
                    .map(|w| (w[0], w[1]))
                    .filter(|&(a, b)| clusters[a] == clusters[b]),
            );
        } else {
            for (x, &a) in list.iter().enumerate() {
                for &b in &list[x + 1..] {
                    if clusters[a] == clusters[b] {
                        pairs.push((a, b));
                    }
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    for (a, b) in pairs {
        let compatible = match (&quotes[a].speaker, &quotes[b].speaker) {
            (Some(x), Some(y)) => surname(x) == surname(y),
            _ => true,
        };
        if !compatible {
            continue;
        }
        if let (Some(fa), Some(fb)) = (&feats[a], &feats[b]) {
            if same_utterance(fa, fb) {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                if ra != rb {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    let mut ids: BTreeMap<usize, usize> = BTreeMap::new();
    let roots: Vec<usize> = (0..quotes.len()).map(|i| find(&mut parent, i)).collect();
    let mut sizes: HashMap<usize, usize> = HashMap::new();
    for &r in &roots {
        *sizes.entry(r).or_default() += 1;
    }
    for (i, q) in quotes.iter_mut().enumerate() {
        if q.fragment {
            continue;
        }
        let next = ids.len();
        q.group = Some(*ids.entry(roots[i]).or_insert(next));
    }
}

/// Whether `short` occurs as a contiguous run inside `long`.
pub fn contains_run(long: &[u64], short: &[u64]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

/// The best-attested member of each group: the wording that most independent articles
/// agree with, where a quotation agrees with another when one is a contiguous part of the
/// other. A reference transcript wins outright; a draft (`drafts[d]` in `check`) is never
/// evidence, not even for itself; an article counts once however often it repeats the
/// quotation. Ties go to the wording more of the group's quotations agree with, then to the
/// earliest. Returns group -> quote index.
pub fn canonical(
    documents: &[Document],
    quotes: &[Quote],
    is_reference: &[bool],
    drafts: Option<&[bool]>,
) -> BTreeMap<usize, usize> {
    let is_draft = |d: usize| drafts.is_some_and(|x| x.get(d).copied().unwrap_or(false));
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, q) in quotes.iter().enumerate() {
        if let Some(g) = q.group {
            members.entry(g).or_default().push(i);
        }
    }
    let mut out = BTreeMap::new();
    for (g, list) in members {
        // Identical wordings have the same support: score each wording once, so a group of
        // thousands of copies of one quotation costs linear time.
        let mut wordings: Vec<(Vec<u64>, Vec<usize>)> = Vec::new();
        let mut wording_of: FastMap<Vec<u64>, usize> = FastMap::default();
        for (x, &i) in list.iter().enumerate() {
            let norms = quote_features(documents, &quotes[i]).norms;
            let w = *wording_of.entry(norms.clone()).or_insert_with(|| {
                wordings.push((norms, Vec::new()));
                wordings.len() - 1
            });
            wordings[w].1.push(x);
        }
        // Per wording: independent articles and quotations agreeing with it.
        let support: Vec<(usize, usize)> = wordings
            .iter()
            .map(|(a, _)| {
                let mut docs = std::collections::BTreeSet::new();
                let mut count = 0;
                for (b, members) in &wordings {
                    if contains_run(a, b) || contains_run(b, a) {
                        for &y in members {
                            let j = list[y];
                            if !is_draft(quotes[j].document) {
                                docs.insert(quotes[j].document);
                            }
                        }
                        count += members.len();
                    }
                }
                (docs.len(), count)
            })
            .collect();
        // (from a reference, independent articles agreeing, quotations agreeing, earlier first)
        type Support = (bool, usize, usize, std::cmp::Reverse<usize>);
        let mut best: Option<(Support, usize)> = None;
        for ((_, members), &(docs, count)) in wordings.iter().zip(&support) {
            for &x in members {
                let i = list[x];
                let key = (
                    is_reference
                        .get(quotes[i].document)
                        .copied()
                        .unwrap_or(false),
                    docs,
                    count,
                    std::cmp::Reverse(x),
                );
                if best.as_ref().is_none_or(|(k, _)| key > *k) {
                    best = Some((key, i));
                }
            }
        }
        if let Some((_, i)) = best {
            out.insert(g, i);
        }
    }
    out
}

/// The part of `long` (byte range of its text) that lines up with `short`: from the first to
/// the last word they share, in order.
pub fn aligned_window(long_text: &str, short_text: &str) -> Range<usize> {
    let lt = tokenize(long_text);
    let st = tokenize(short_text);
    let ln: Vec<&str> = lt.iter().map(|t| t.norm.as_str()).collect();
    let sn: Vec<&str> = st.iter().map(|t| t.norm.as_str()).collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &sn, &ln);
    let mut first: Option<usize> = None;
    let mut last: Option<usize> = None;
    for op in &ops {
        let (tag, _, new) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal && !new.is_empty() {
            first.get_or_insert(new.start);
            last = Some(new.end - 1);
        }
    }
    match (first, last) {
        (Some(f), Some(l)) => {
            // Take in the short quote's unmatched words at either end as well.
            let lead = ops.first().map_or(0, |op| {
                let (tag, old, _) = op.as_tag_tuple();
                if tag == similar::DiffTag::Equal {
                    0
                } else {
                    old.len()
                }
            });
            let f = f.saturating_sub(lead.min(2));
            let end_tok = (l + 1).min(lt.len());
            lt[f].range.start..lt[end_tok - 1].range.end
        }
        _ => 0..long_text.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The speaker of a text's first quotation.
    fn speaker_of(text: &str) -> Option<String> {
        let mut d = Document::new("t", text.to_string(), crate::model::Origin::Identity);
        crate::text::segment_document(&mut d);
        extract(0, &d).first().and_then(|q| q.speaker.clone())
    }

    #[test]
    fn sentence_opening_with_a_lower_case_title_does_not_panic() {
        let mut d = Document::new(
            "t",
            "president Jane Okoro spoke. “We will stay,” she said.".to_string(),
            crate::model::Origin::Identity,
        );
        crate::text::segment_document(&mut d);
        let quotes = extract(0, &d);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].speaker.as_deref(), Some("Jane Okoro"));
    }

    #[test]
    fn two_people_speaking_together_are_both_the_speaker() {
        // Before: the second name alone, so another outlet's "Mara Lind" was a
        // misattribution of a joint statement.
        assert_eq!(
            speaker_of("“We are thrilled,” said Mara Lind and Tom Ekberg, the producers.")
                .as_deref(),
            Some("Mara Lind and Tom Ekberg")
        );
        assert_eq!(
            speaker_of(
                "Producers Mara Lind and Tom Ekberg were named on Monday. “We are thrilled,” \
                 Lind and Ekberg said."
            )
            .as_deref(),
            Some("Mara Lind and Tom Ekberg")
        );
        // The second one's office between them (before: the second alone).
        assert_eq!(
            speaker_of(
                "“It is a power grab,” Mara Lind and Senate Democratic Leader Tom Ekberg said \
                 in a statement."
            )
            .as_deref(),
            Some("Mara Lind and Tom Ekberg")
        );
        // A title between an office and a name is the name's ("Housing and Julián Castro"
        // before).
        assert_eq!(
            speaker_of(
                "“It matters,” tweeted former Housing and Urban Development Secretary Mara \
                 Lind."
            )
            .as_deref(),
            Some("Mara Lind")
        );
        // Two places are no two speakers.
        assert_eq!(
            speaker_of("“The rules differ,” said officials of Oklahoma and Nebraska."),
            None
        );
    }

    #[test]
    fn a_role_word_names_the_nearest_person_of_its_clause() {
        // Before: the person whose makeup artist the friend is.
        assert_eq!(
            speaker_of(
                "She stayed with her friend, Mara Lind, Tom Berg’s longtime makeup artist. “It \
                 seemed to take forever,” the friend told me."
            )
            .as_deref(),
            Some("Mara Lind")
        );
    }

    #[test]
    fn a_holiday_or_a_contraction_is_no_speaker() {
        // Before: "Thanksgiving" and "We’re", read as names.
        assert_eq!(
            speaker_of(
                "Last Thanksgiving, she wished everyone a happy holiday, but added a caveat: \
                 “Except you, Harvey.”"
            ),
            None
        );
        assert_eq!(
            speaker_of("Options change today. We’re adding a “hidden apps” shelf to the library."),
            None
        );
        assert!(is_contraction("I’m") && is_contraction("don't") && !is_contraction("O’Brien"));
    }

    #[test]
    fn a_word_of_origin_before_a_noun_names_no_speaker() {
        // Before: "Iranian" and "Israeli", read as names.
        assert_eq!(
            speaker_of("Tehran was warned. “We will respond,” Iranian officials said."),
            None
        );
        assert_eq!(
            speaker_of("The Israeli army said he “acted professionally” by holding back."),
            None
        );
        // A surname with such an ending, before a verb or a preposition, is a name.
        assert_eq!(
            speaker_of("“We will respond,” Amir Khan said.").as_deref(),
            Some("Amir Khan")
        );
        assert_eq!(
            speaker_of("“Rates will fall,” said Ana Duncan of Halvorsen Partners.").as_deref(),
            Some("Ana Duncan")
        );
    }

    #[test]
    fn a_word_capitalised_only_where_a_sentence_opens_is_no_speaker() {
        // Before: "Neighbours" and "Several", read as names.
        assert_eq!(
            speaker_of(
                "Police searched the house. Neighbours described him as “rude” and “lonely”."
            ),
            None
        );
        assert_eq!(
            speaker_of(
                "Several executives wrote to the academy, saying it was “woefully out of \
                 touch”."
            ),
            None
        );
        // A name that opens a reporting clause is one, capitalised elsewhere or not.
        assert_eq!(
            speaker_of("Halvorsen said the charge would be “temporary”.").as_deref(),
            Some("Halvorsen")
        );
        // A surname after initials stays the speaker.
        assert_eq!(
            speaker_of(
                "“We will monitor it,” said manager A. J. Okafor. Okafor added that the team \
                 would wait."
            )
            .as_deref(),
            Some("Okafor")
        );
    }

    #[test]
    fn a_relative_named_after_the_surname_is_in_use_does_not_take_it() {
        // Before: every "Doe says" became the father's full name.
        assert_eq!(
            speaker_of(
                "Doe says the film changed her life. Her father, Robert Doe, teaches at the \
                 college.\n\n“I was scared,” Doe says."
            )
            .as_deref(),
            Some("Doe")
        );
        // Before: the sister's words went to her brother, whose full name came first.
        assert_eq!(
            speaker_of(
                "Kofi Mensah died on Monday. Mensah was 16. His sister Ama Mensah said, “He \
                 was kind.”"
            )
            .as_deref(),
            Some("Ama Mensah")
        );
        // A relative introduced before the surname is used alone keeps it.
        assert_eq!(
            speaker_of(
                "The victim's mother, Ama Mensah, waited outside. “I want answers,” Mensah \
                 said."
            )
            .as_deref(),
            Some("Ama Mensah")
        );
    }

    #[test]
    fn a_participle_opening_the_clause_is_no_speaker() {
        // Before: "Speaking", the clause's first capitalised word.
        assert_eq!(
            speaker_of(
                "Speaking at the harbour forum, the minister said on Tuesday: “Small ports \
                 need the same rules as large ones.”"
            ),
            None
        );
        // A surname that ends like a participle is still read as a name.
        assert_eq!(
            speaker_of(
                "Talks ended on Monday, said Dana Mahmed of the port authority. Mahmed in a \
                 statement said: “Small ports need the same rules as large ones.”"
            )
            .as_deref(),
            Some("Dana Mahmed")
        );
        // The subject after the participle phrase is still read.
        assert_eq!(
            speaker_of(
                "Speaking at the harbour forum, Minister Ilse Varga said: “Small ports need \
                 the same rules as large ones.”"
            )
            .as_deref(),
            Some("Ilse Varga")
        );
    }

    #[test]
    fn a_pronoun_after_a_caption_means_someone_of_the_story() {
        let mut d = Document::new(
            "t",
            "Mara Velde announced the end of her engagement on Tuesday.\n\n\
             Mara Velde at a gala in May. (Photo: Jordan Keel/Example Agency)\n\n\
             “We simply live too far apart,” she wrote."
                .to_string(),
            crate::model::Origin::Identity,
        );
        crate::ingest::prepare(&mut d);
        let quotes = extract(0, &d);
        assert_eq!(quotes.len(), 1);
        // Before: the photographer of the credit, the last name before the pronoun.
        assert_eq!(quotes[0].speaker.as_deref(), Some("Mara Velde"));
    }

    #[test]
    fn a_role_takes_a_name_of_its_own_clause_only() {
        // Before: the place the role word's sentence names, a time and a clause apart.
        assert_eq!(
            speaker_of(
                "The jet landed in Santa Varela at 7:33 p.m., the airline said.\n\n\
                 “We regret the delay to our passengers,” the airline said."
            ),
            None
        );
        // A name next to its role is still read.
        assert_eq!(
            speaker_of(
                "The airline's spokeswoman, Dana Whitlock, spoke on Monday.\n\n\
                 “We regret the delay to our passengers,” the spokeswoman said."
            )
            .as_deref(),
            Some("Dana Whitlock")
        );
    }

    #[test]
    fn a_platform_or_place_after_a_preposition_is_no_speaker() {
        // Before: "Twitter" and "Senate", the names the clause held.
        assert_eq!(
            speaker_of(
                "The senator responded on Twitter late Friday, calling the report \
                 “a very sad day for the harbour”."
            ),
            None
        );
        assert_eq!(
            speaker_of(
                "He spoke in the middle of his campaign for Senate in the state, calling \
                 it “a farm state that never forgets”."
            ),
            None
        );
        // The source after "according to", and a name after its office, are still read.
        assert_eq!(
            speaker_of("The fire “was set at the entrance,” according to Dana Whitlock.")
                .as_deref(),
            Some("Dana Whitlock")
        );
        assert!(
            speaker_of(
                "“The rule strengthens the regulations,” said Secretary of the Interior \
                 Dana Whitlock."
            )
            .is_some_and(|s| s.ends_with("Dana Whitlock")),
            "the name after its office"
        );
    }

    #[test]
    fn a_word_describing_an_unnamed_speaker_is_no_name() {
        // Before: "Western" and "South African" read as speakers.
        assert_eq!(
            speaker_of("“Prices have aroused great discontent,” a Western diplomat said."),
            None
        );
        assert_eq!(
            speaker_of("“The berths are full,” one South African official said."),
            None
        );
        // An organisation there is the speaker's.
        assert_eq!(
            speaker_of("“The berths are full,” a Harbour Board spokeswoman said.").as_deref(),
            Some("Harbour Board")
        );
        // A name after "a" that does the speaking is still read.
        assert_eq!(
            speaker_of("“The berths are full,” said a spokesman, Dana Whitlock.").as_deref(),
            Some("Dana Whitlock")
        );
    }

    #[test]
    fn dash_signature_takes_the_name_after_a_dash() {
        assert_eq!(
            dash_signature("” ― Lena P. Okafor\nNext line").as_deref(),
            Some("Lena Okafor")
        );
        assert_eq!(dash_signature("” -- and then he left"), None);
        assert_eq!(dash_signature("” — and the rest of it"), None);
    }

    #[test]
    fn parentheses_are_dropped_from_reporting_clauses() {
        assert_eq!(
            without_parentheses("Rep. Ola Brandt (D-Ore.) said"),
            "Rep. Ola Brandt  said"
        );
        assert_eq!(
            without_parentheses("open (never closed"),
            "open (never closed"
        );
    }

    #[test]
    fn possessive_after_a_final_s() {
        assert_eq!(strip_possessive("Jonas’"), "Jonas");
        assert_eq!(strip_possessive("Berg's"), "Berg");
        assert_eq!(strip_possessive("Berg’"), "Berg’");
        assert!(is_possessive("Jonas’"));
    }

    #[test]
    fn title_word_after_a_name_is_a_surname() {
        assert_eq!(
            name_in(&["Mr", "King", "said"]),
            Some(vec!["King".to_string()])
        );
        assert_eq!(
            name_in(&["Tomas", "King"]),
            Some(vec!["Tomas".to_string(), "King".to_string()])
        );
    }

    #[test]
    fn speech_verbs_by_stem_and_ending() {
        for w in [
            "Said", "joked", "quipped", "tweeted", "asking", "retorts", "ADDED",
        ] {
            assert!(is_speech_verb(w), "{w}");
        }
        for w in ["table", "president", "Sunday", "addend"] {
            assert!(!is_speech_verb(w), "{w}");
        }
    }

    #[test]
    fn lower_casing_without_allocating_matches_to_lowercase() {
        let long = "A".repeat(40);
        for w in ["Mr", "ÉLAN", "already", "McDONALD", "", long.as_str()] {
            with_lower(w, |l| assert_eq!(l, w.to_lowercase()));
        }
    }

    #[test]
    fn mixed_marks_pair_and_nested_pairs_stay_inside() {
        let texts = |t: &str| {
            let (spans, open) = quoted_spans(t);
            let found: Vec<String> = spans.iter().map(|r| t[r.clone()].to_string()).collect();
            (found, open)
        };
        assert_eq!(
            texts("“One two,\" she said. \"Three four.”"),
            (
                vec!["One two,".to_string(), "Three four.".to_string()],
                false
            )
        );
        assert_eq!(
            texts("\"He called it “a rant,” and left.\""),
            (vec!["He called it “a rant,” and left.".to_string()], false)
        );
        assert_eq!(
            texts("“He said \"no\" twice.”"),
            (vec!["He said \"no\" twice.".to_string()], false)
        );
    }

    #[test]
    fn middle_initial_continues_a_name() {
        assert_eq!(
            name_in(&["Representative", "Peder", "T", "King"]),
            Some(vec![
                "Peder".to_string(),
                "T".to_string(),
                "King".to_string()
            ])
        );
    }

    #[test]
    fn role_noun_between_organisation_and_name() {
        assert_eq!(
            name_phrase(&["Northfield", "pollster", "Ida", "Brennan", "of", "Ohio"]),
            vec!["Northfield", "pollster", "Ida", "Brennan"]
        );
    }

    #[test]
    fn reporting_verbs_are_not_nouns() {
        assert!(is_reporting_verb("boasted"));
        assert!(is_reporting_verb("asking"));
        assert!(!is_reporting_verb("report"));
        assert!(!is_reporting_verb("according"));
    }
}
