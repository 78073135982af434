//! A synthetic corpus for benchmarks, built by repeating and varying the seed articles.

#![allow(dead_code)]

use std::path::Path;

/// The allocator the `wirecheck` binary ships with, so the benchmarks measure what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The seed articles' texts.
pub fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed is UTF-8"))
        .collect()
}

/// Varies a text deterministically: digits shift by `n`, and a sentence naming the copy is
/// added, so no two copies are byte-identical.
pub fn vary(text: &str, n: usize) -> String {
    let shift = (n % 9) as u8 + 1;
    let mut out: String = text
        .chars()
        .map(|c| match c {
            '0'..='9' => (b'0' + (c as u8 - b'0' + shift) % 10) as char,
            _ => c,
        })
        .collect();
    out.push_str(&format!("\n\nThis is copy number {n} of the story.\n"));
    out
}

/// About `target_bytes` of articles: (name, bytes) pairs.
pub fn corpus(target_bytes: usize) -> Vec<(String, Vec<u8>)> {
    let seeds = seeds();
    let mut docs = Vec::new();
    let mut total = 0;
    let mut n = 0;
    while total < target_bytes {
        let text = vary(&seeds[n % seeds.len()], n);
        total += text.len();
        docs.push((format!("doc{n:07}.txt"), text.into_bytes()));
        n += 1;
    }
    docs
}

/// xorshift64*: a small deterministic generator, so every run builds the same corpus.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ne", "ru", "ta", "vo", "si", "de", "pa", "gu", "ri", "mo", "tu", "le", "sa",
    "bi", "no", "fe", "ho", "ja", "ze", "qui", "ber",
];
const FUNCTION: [&str; 16] = [
    "the", "of", "and", "to", "in", "a", "that", "was", "for", "on", "with", "said", "by", "at",
    "from", "it",
];

fn word(rng: &mut Rng, vocabulary: usize) -> String {
    // Zipf-like: small ids are frequent.
    let id = (rng.below(vocabulary) * rng.below(vocabulary)) / vocabulary;
    let mut w = String::new();
    let mut k = id + 7;
    for _ in 0..2 + id % 3 {
        w.push_str(SYLLABLES[k % SYLLABLES.len()]);
        k /= SYLLABLES.len();
        k += id;
    }
    w
}

fn sentence(rng: &mut Rng) -> String {
    let n = 12 + rng.below(14);
    let mut words: Vec<String> = (0..n)
        .map(|_| {
            if rng.below(3) == 0 {
                FUNCTION[rng.below(FUNCTION.len())].to_string()
            } else {
                word(rng, 20_000)
            }
        })
        .collect();
    if rng.below(3) == 0 {
        let k = rng.below(n);
        words[k] = format!("{}", rng.below(5000));
    }
    let mut s = words.join(" ");
    if let Some(first) = s.get(0..1) {
        s.replace_range(0..1, &first.to_uppercase());
    }
    s.push('.');
    s
}

/// `articles` synthetic articles about distinct events, most in syndicated groups of 2 to 6
/// copies with small edits (a headline, a dropped sentence, a changed word): (name, bytes).
pub fn synthetic_corpus(articles: usize, seed: u64) -> Vec<(String, Vec<u8>)> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(articles);
    let mut event = 0;
    while out.len() < articles {
        let sentences: Vec<String> = (0..10 + rng.below(8)).map(|_| sentence(&mut rng)).collect();
        let copies = if rng.below(4) == 0 {
            1
        } else {
            2 + rng.below(5)
        };
        for c in 0..copies.min(articles - out.len()) {
            let edition = ["early", "late", "updated", "full", "short", "main"][c % 6];
            let mut text = format!("Event {event} {edition} report\n\n");
            for (k, s) in sentences.iter().enumerate() {
                if c > 0 && rng.below(6) == 0 {
                    continue;
                }
                let s = if c > 0 && k % 3 == 0 {
                    s.replacen(" the ", " this ", 1)
                } else {
                    s.clone()
                };
                text.push_str(&s);
                text.push_str(if k % 2 == 1 { "\n\n" } else { " " });
            }
            out.push((format!("e{event:06}_{c}.txt"), text.into_bytes()));
        }
        event += 1;
    }
    out
}

/// One criterion group over corpora of `sizes_mb` megabytes: `make` builds the input of a size
/// and its length in bytes (the throughput), `run` is the measured work.
pub fn group_over_sizes<T>(
    c: &mut criterion::Criterion,
    name: &str,
    sizes_mb: &[usize],
    make: impl Fn(usize) -> (T, usize),
    run: impl Fn(&T) -> usize,
) {
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    for &mb in sizes_mb {
        let (input, bytes) = make(mb * 1024 * 1024);
        group.throughput(criterion::Throughput::Bytes(bytes as u64));
        group.bench_with_input(
            criterion::BenchmarkId::from_parameter(format!("{mb}MB")),
            &input,
            |b, input| b.iter(|| run(input)),
        );
    }
    group.finish();
}

/// The quote fixtures' articles: many speaker patterns, short paragraphs, many marks.
pub fn quote_fixture_articles() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/quotes");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures/quotes exists")
        .filter_map(|e| e.ok().map(|e| e.path().join("article.txt")))
        .filter(|p| p.exists())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture is UTF-8"))
        .collect()
}

/// About `target_bytes` of quotation-heavy articles, (name, bytes) pairs: the seeds and the
/// quote fixtures (joined in runs of eight into article-sized texts), varied.
pub fn quote_corpus(target_bytes: usize) -> Vec<(String, Vec<u8>)> {
    let mut texts = seeds();
    for chunk in quote_fixture_articles().chunks(8) {
        texts.push(chunk.join("\n\n"));
    }
    let mut docs = Vec::new();
    let (mut total, mut n) = (0, 0);
    while total < target_bytes {
        let text = vary(&texts[n % texts.len()], n);
        total += text.len();
        docs.push((format!("doc{n:07}.txt"), text.into_bytes()));
        n += 1;
    }
    docs
}

/// Runs the two name rules (`name-variant`, `name-style`); returns how many findings they made.
pub fn run_name_rules(ctx: &wirecheck::checks::Context<'_>) -> usize {
    use wirecheck::model::RuleId;
    wirecheck::checks::CHECKS
        .iter()
        .filter(|c| matches!(c.rule(), RuleId::NameVariant | RuleId::NameStyle))
        .map(|c| {
            let mut sink = Vec::new();
            c.run(ctx, &mut sink);
            sink.len()
        })
        .sum()
}
