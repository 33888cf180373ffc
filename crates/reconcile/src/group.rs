//! Groups reports into stories, incrementally: each report, in order, joins the story
//! it is most similar to (mean similarity to the story's reports), or opens a new story
//! when none is similar enough. The same [`Grouper`] serves a batch (`analyze`) and a stream (`ingest`), so
//! the grouping of a corpus does not depend on how it arrived, only on its order.
//!
//! Similarity is the cosine of TF-IDF vectors over stemmed words, with the title and
//! the names a report mentions counted again (names tell stories apart better than
//! common words do).

use std::collections::BTreeMap;

use corroborate_knowledge::Knowledge;
use corroborate_model::AnnotatedReport;

use crate::similarity::{TermVector, Vectoriser};

/// The cosine similarity above which a report joins a story (tuned on the Multi-News
/// sample and recorded in `docs/benchmarks.md`).
pub const DEFAULT_THRESHOLD: f32 = 0.18;

/// How a new item is compared with a group. Measured on the Multi-News sample (see
/// `docs/benchmarks.md`), average similarity to the members beats the centroid, which
/// drifts as a group grows and chains unrelated stories together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Linkage {
    /// Mean cosine similarity to the group's members.
    #[default]
    Average,
    /// Cosine similarity to the normalised sum of the members.
    Centroid,
    /// Highest cosine similarity to any member.
    Single,
}

/// Online clustering of term vectors.
#[derive(Debug, Clone, Default)]
pub struct Grouper {
    pub threshold: f32,
    pub linkage: Linkage,
    centroids: Vec<TermVector>,
    sums: Vec<TermVector>,
    members: Vec<Vec<usize>>,
    vectors: Vec<Vec<TermVector>>,
}

impl Grouper {
    pub fn new(threshold: f32) -> Self {
        Grouper {
            threshold,
            ..Default::default()
        }
    }

    /// Adds item `id` with vector `v`; returns the group it joined.
    pub fn add(&mut self, id: usize, v: &TermVector) -> usize {
        let linkage = self.linkage;
        let best = self
            .centroids
            .iter()
            .enumerate()
            .map(|(g, c)| {
                let s = match linkage {
                    Linkage::Centroid => c.cosine(v),
                    Linkage::Average => {
                        self.vectors[g].iter().map(|m| m.cosine(v)).sum::<f32>()
                            / self.vectors[g].len() as f32
                    }
                    Linkage::Single => self.vectors[g]
                        .iter()
                        .map(|m| m.cosine(v))
                        .fold(0.0, f32::max),
                };
                (g, s)
            })
            .filter(|&(_, s)| s >= self.threshold)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match best {
            Some((g, _)) => {
                self.sums[g].add_scaled(v, 1.0);
                let mut c = self.sums[g].clone();
                c.normalise();
                self.centroids[g] = c;
                self.members[g].push(id);
                self.vectors[g].push(v.clone());
                g
            }
            None => {
                self.centroids.push(v.clone());
                self.sums.push(v.clone());
                self.members.push(vec![id]);
                self.vectors.push(vec![v.clone()]);
                self.members.len() - 1
            }
        }
    }

    pub fn groups(&self) -> &[Vec<usize>] {
        &self.members
    }
}

/// The text a report is compared by: its text, its title again, and its names again.
fn grouping_text(r: &AnnotatedReport) -> String {
    let mut s = String::with_capacity(r.report.text.len() + 256);
    s.push_str(&r.report.text);
    s.push('\n');
    s.push_str(&r.report.title);

    for m in &r.mentions {
        s.push(' ');
        s.push_str(m.canonical.as_deref().unwrap_or(&m.text));
    }
    s
}

/// Term vectors of reports, with document frequencies taken over the whole set.
pub fn vectors(reports: &[&AnnotatedReport], k: &Knowledge) -> Vec<TermVector> {
    let mut vz = Vectoriser::new(k);
    let counted: Vec<BTreeMap<u32, f32>> = reports
        .iter()
        .map(|r| vz.terms(&grouping_text(r)))
        .collect();
    for c in &counted {
        vz.observe(c);
    }
    counted.iter().map(|c| vz.weigh(c)).collect()
}

/// Groups reports into stories: lists of indices into `reports`, each in arrival order.
/// Reports arrive in order of publication date (undated last), then id.
pub fn group(
    reports: &[&AnnotatedReport],
    threshold: f32,
    linkage: Linkage,
    k: &Knowledge,
) -> Vec<Vec<usize>> {
    let vs = vectors(reports, k);
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = &reports[a].report;
        let rb = &reports[b].report;
        (ra.published.is_none(), ra.published, &ra.id).cmp(&(
            rb.published.is_none(),
            rb.published,
            &rb.id,
        ))
    });
    let mut g = Grouper::new(threshold);
    g.linkage = linkage;
    for i in order {
        g.add(i, &vs[i]);
    }
    g.groups().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tv(w: &[(u32, f32)]) -> TermVector {
        let mut v = TermVector {
            weights: w.to_vec(),
        };
        v.normalise();
        v
    }

    #[test]
    fn similar_items_share_a_group_and_others_open_new_ones() {
        let mut g = Grouper::new(0.5);
        assert_eq!(g.add(0, &tv(&[(1, 1.0), (2, 1.0)])), 0);
        assert_eq!(g.add(1, &tv(&[(1, 1.0), (2, 0.8)])), 0);
        assert_eq!(g.add(2, &tv(&[(7, 1.0)])), 1);
        assert_eq!(g.groups(), [vec![0, 1], vec![2]]);
    }
}
