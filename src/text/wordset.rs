//! A small fixed set of words with fast membership tests: buckets keyed by length and first
//! and last byte, so a lookup compares against one or two candidates instead of searching.

pub struct WordSet {
    buckets: Vec<Vec<&'static str>>,
}

const BUCKETS: usize = 512;

fn key(word: &[u8]) -> usize {
    match (word.first(), word.last()) {
        (Some(&f), Some(&l)) => (word.len() * 31 + usize::from(f) * 7 + usize::from(l)) % BUCKETS,
        _ => 0,
    }
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> Self {
        let mut buckets = vec![Vec::new(); BUCKETS];
        for w in words {
            buckets[key(w.as_bytes())].push(*w);
        }
        WordSet { buckets }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// [`WordSet::contains`] for a word already in a byte buffer (no UTF-8 check needed).
    pub fn contains_bytes(&self, word: &[u8]) -> bool {
        self.buckets[key(word)].iter().any(|w| w.as_bytes() == word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn membership() {
        let set = WordSet::new(&["the", "of", "and", "a"]);
        assert!(set.contains("the") && set.contains("a"));
        assert!(!set.contains("then") && !set.contains("") && !set.contains("b"));
    }
}
