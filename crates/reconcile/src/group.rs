//! Groups reports into stories, incrementally: each report, in order, joins the story
//! it is most similar to (mean similarity to the story's reports), or opens a new story
//! when none is similar enough. The same [`Grouper`] serves a batch (`analyze`) and a stream (`ingest`), so
//! the grouping of a corpus does not depend on how it arrived, only on its order.
//!
//! Similarity is the cosine of TF-IDF vectors over stemmed words, with the title and
//! the names a report mentions counted again (names tell stories apart better than
//! common words do).

use std::collections::{BTreeMap, HashMap};

use chrono::Datelike;
use corroborate_knowledge::Knowledge;
use corroborate_model::AnnotatedReport;

use crate::similarity::{TermVector, Vectoriser};

/// The cosine similarity above which a report joins a story (tuned on the Multi-News
/// sample and recorded in `docs/benchmarks.md`).
pub const DEFAULT_THRESHOLD: f32 = 0.18;

/// Similarity lost per unit of `ln(1 + days apart / 7)` (tuned on the GVA tuning half).
pub const DEFAULT_DATE_PENALTY: f32 = 0.2;

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
///
/// Average and centroid linkage need only each group's summed vector: the mean of `v`'s
/// dot products with the members is `v · sum / n`, and its cosine with the centroid is
/// `v · sum / |sum|`. The sums are kept in an inverted index (term -> groups holding it),
/// so a new item is compared with every group in one pass over its own terms, instead of
/// once per member. Single linkage still compares with every member.
#[derive(Debug, Clone, Default)]
pub struct Grouper {
    pub threshold: f32,
    pub linkage: Linkage,
    members: Vec<Vec<usize>>,
    /// term -> (group, summed weight of the term in that group)
    postings: HashMap<u32, Vec<(u32, f32)>>,
    /// (term, group) -> position in `postings[term]`
    slot: HashMap<(u32, u32), usize>,
    /// |sum|² per group
    norm2: Vec<f32>,
    /// member vectors, kept for single linkage only
    vectors: Vec<Vec<TermVector>>,
    /// Publication days of each group's dated members, sorted.
    days: Vec<Vec<i32>>,
    /// How much similarity a report loses per unit of `ln(1 + gap / 7)`, where gap is the
    /// number of days to the group's nearest dated report (0: dates are ignored).
    pub date_penalty: f32,
}

impl Grouper {
    pub fn new(threshold: f32) -> Self {
        Grouper {
            threshold,
            ..Default::default()
        }
    }

    /// Dot products of `v` with every group's summed vector (groups sharing no term are absent).
    fn dots(&self, v: &TermVector) -> HashMap<u32, f32> {
        let mut acc: HashMap<u32, f32> = HashMap::new();
        for &(t, w) in &v.weights {
            if let Some(list) = self.postings.get(&t) {
                for &(g, s) in list {
                    *acc.entry(g).or_default() += w * s;
                }
            }
        }
        acc
    }

    /// The number of groups.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Puts item `id` into group `g` (a new group when `g == len()`), as a stored grouping says.
    pub fn insert(&mut self, id: usize, v: &TermVector, day: Option<i32>, g: usize) {
        let dot = if g < self.members.len() {
            self.dots(v).get(&(g as u32)).copied().unwrap_or(0.0)
        } else {
            0.0
        };
        self.place(id, v, day, g, dot);
    }

    /// Adds item `id` with vector `v`; returns the group it joined.
    pub fn add(&mut self, id: usize, v: &TermVector) -> usize {
        self.add_dated(id, v, None)
    }

    /// Days from `day` to the nearest dated member of group `g` (None: no dates to compare).
    fn gap(&self, g: usize, day: Option<i32>) -> Option<i32> {
        let day = day?;
        let days = &self.days[g];
        let i = days.partition_point(|&d| d < day);
        [i.checked_sub(1), Some(i)]
            .into_iter()
            .flatten()
            .filter_map(|j| days.get(j))
            .map(|&d| (d - day).abs())
            .min()
    }

    /// Adds item `id`, published on `day` (days since the epoch), with vector `v`.
    pub fn add_dated(&mut self, id: usize, v: &TermVector, day: Option<i32>) -> usize {
        let dots = self.dots(v);
        let score = |g: u32, dot: f32| -> f32 {
            let g = g as usize;
            let similarity = match self.linkage {
                Linkage::Average => dot / self.members[g].len() as f32,
                Linkage::Centroid => dot / self.norm2[g].sqrt().max(f32::EPSILON),
                Linkage::Single => self.vectors[g]
                    .iter()
                    .map(|m| m.cosine(v))
                    .fold(0.0, f32::max),
            };
            let far = self
                .gap(g, day)
                .map_or(0.0, |gap| (1.0 + gap as f32 / 7.0).ln());
            similarity - self.date_penalty * far
        };
        let best = dots
            .iter()
            .map(|(&g, &dot)| (g as usize, score(g, dot), dot))
            .filter(|&(_, s, _)| s >= self.threshold)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let (g, dot) = match best {
            Some((g, _, dot)) => (g, dot),
            None => (self.members.len(), 0.0),
        };
        self.place(id, v, day, g, dot);
        g
    }

    /// Records item `id` in group `g` (creating it when `g == len()`); `dot` is `v`'s dot
    /// product with the group's sum before the item joins.
    fn place(&mut self, id: usize, v: &TermVector, day: Option<i32>, g: usize, dot: f32) {
        if g == self.members.len() {
            self.members.push(Vec::new());
            self.norm2.push(0.0);
            self.vectors.push(Vec::new());
            self.days.push(Vec::new());
        }
        self.members[g].push(id);
        let self_norm2: f32 = v.weights.iter().map(|(_, w)| w * w).sum();
        self.norm2[g] += 2.0 * dot + self_norm2;
        for &(t, w) in &v.weights {
            let list = self.postings.entry(t).or_default();
            match self.slot.get(&(t, g as u32)) {
                Some(&i) => list[i].1 += w,
                None => {
                    self.slot.insert((t, g as u32), list.len());
                    list.push((g as u32, w));
                }
            }
        }
        if self.linkage == Linkage::Single {
            self.vectors[g].push(v.clone());
        }
        if let Some(d) = day {
            let days = &mut self.days[g];
            let i = days.partition_point(|&x| x < d);
            days.insert(i, d);
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

/// The counted grouping terms of one report.
pub fn report_terms(r: &AnnotatedReport, vz: &mut Vectoriser) -> BTreeMap<u32, f32> {
    vz.terms(&grouping_text(r))
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
/// Grouping settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupOptions {
    pub threshold: f32,
    pub linkage: Linkage,
    pub date_penalty: f32,
}

impl Default for GroupOptions {
    fn default() -> Self {
        GroupOptions {
            threshold: DEFAULT_THRESHOLD,
            linkage: Linkage::default(),
            date_penalty: DEFAULT_DATE_PENALTY,
        }
    }
}

pub fn group(reports: &[&AnnotatedReport], opts: GroupOptions, k: &Knowledge) -> Vec<Vec<usize>> {
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
    let mut g = Grouper::new(opts.threshold);
    g.linkage = opts.linkage;
    g.date_penalty = opts.date_penalty;
    for i in order {
        let day = reports[i].report.published.map(|d| d.num_days_from_ce());
        g.add_dated(i, &vs[i], day);
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
