//! A synthetic corpus for benchmarks, built by repeating and varying the seed articles.

#![allow(dead_code)]

use std::path::Path;

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
