//! Event clusters: articles joined (union-find) when they share enough informative passages
//! and their dates, where known, are close. Every article is in exactly one cluster.

use rayon::prelude::*;

use crate::index::{candidate_pairs, shared_evidence, SharedEvidence, Signature};
use crate::model::Document;

/// When two articles count as covering the same event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ClusterParams {
    /// Distinct shared passages that suffice.
    pub min_shared_passages: usize,
    /// Or one shared passage at least this many words long.
    pub min_passage_words: usize,
    /// Articles dated further apart than this are never joined.
    pub max_date_gap_days: i64,
}

impl Default for ClusterParams {
    fn default() -> Self {
        ClusterParams {
            min_shared_passages: 2,
            min_passage_words: 8,
            max_date_gap_days: 3,
        }
    }
}

impl ClusterParams {
    pub fn same_event(&self, evidence: &SharedEvidence) -> bool {
        evidence.passages >= self.min_shared_passages
            || evidence.longest_passage_words >= self.min_passage_words
    }
}

/// Days since 1970-01-01 of an ISO date `YYYY-MM-DD`.
pub fn days(iso: &str) -> Option<i64> {
    let mut parts = iso.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.get(..2)?.parse().ok()?;
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
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller index becomes the root: the result does not depend on edge order.
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

/// An accepted same-event link between two documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub evidence: SharedEvidence,
}

pub fn cluster(
    documents: &[Document],
    signatures: &[Signature],
    params: &ClusterParams,
) -> (Clusters, Vec<Link>) {
    let dates: Vec<Option<i64>> = documents
        .iter()
        .map(|d| d.meta.date.as_deref().and_then(days))
        .collect();
    let links: Vec<Link> = candidate_pairs(signatures)
        .par_iter()
        .filter_map(|&(a, b)| {
            let (a, b) = (a as usize, b as usize);
            if let (Some(da), Some(db)) = (dates[a], dates[b]) {
                if (da - db).abs() > params.max_date_gap_days {
                    return None;
                }
            }
            let evidence = shared_evidence(&signatures[a], &signatures[b]);
            params
                .same_event(&evidence)
                .then_some(Link { a, b, evidence })
        })
        .collect();
    let mut uf = UnionFind::new(documents.len());
    for link in &links {
        uf.union(link.a, link.b);
    }
    let mut root_to_cluster = std::collections::HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut of_document = vec![0; documents.len()];
    for (doc, slot) in of_document.iter_mut().enumerate() {
        let root = uf.find(doc);
        let id = *root_to_cluster.entry(root).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[id].push(doc);
        *slot = id;
    }
    (
        Clusters {
            of_document,
            members,
        },
        links,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(days("1970-01-01"), Some(0));
        assert_eq!(days("2025-04-04").unwrap() - days("2025-03-31").unwrap(), 4);
        assert_eq!(days("2024-03-01").unwrap() - days("2024-02-28").unwrap(), 2);
        assert_eq!(days("junk"), None);
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
}
