//! The Zyte article-extraction benchmark (`article-extraction-benchmark`): 181 pages with
//! ground-truth article bodies, scored as the benchmark's own evaluation does:
//!
//! - text is split into tokens, runs of word characters (letters, digits, underscore);
//! - each text becomes a multiset of shingles: 4 consecutive tokens (a text of fewer than 4
//!   tokens is one shingle);
//! - per page, true positives are shared shingles (by count), false positives predicted
//!   ones not in the truth, false negatives the reverse; the three are divided by their sum
//!   so every page weighs the same;
//! - precision is the mean over pages with tp + fp > 0, recall the mean over pages with
//!   tp + fn > 0 (a page with neither fp nor fn scores 1, one with no tp 0), and F1 the
//!   harmonic mean of the two means.
//!
//! This is corroborate's own implementation of that definition, used for every tool
//! compared, so they are scored identically.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::{Duration, Instant};

use corroborate_read::html::{self, Extractor};
use serde::Deserialize;

/// Shingle length of the benchmark.
pub const SHINGLE: usize = 4;

fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let toks = tokens(text);
    let mut out = HashMap::new();
    let n = toks.len().saturating_sub(SHINGLE - 1).max(1);
    for i in 0..n {
        let s: Vec<&str> = toks[i..(i + SHINGLE).min(toks.len())].to_vec();
        if !s.is_empty() {
            *out.entry(s).or_default() += 1;
        }
    }
    out
}

/// Normalised (tp, fp, fn) of one page.
pub fn page_counts(truth: &str, predicted: &str) -> (f64, f64, f64) {
    let t = shingles(truth);
    let p = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += tc.min(pc) as f64;
        fn_ += tc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        fp += pc.saturating_sub(t.get(k).copied().unwrap_or(0)) as f64;
    }
    let sum = tp + fp + fn_;
    if sum > 0.0 {
        (tp / sum, fp / sum, fn_ / sum)
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// Precision, recall and F1 over pages.
pub fn aggregate(pages: &[(f64, f64, f64)]) -> (f64, f64, f64) {
    let score = |tp: f64, other: f64, fp: f64, fn_: f64| {
        if fp == 0.0 && fn_ == 0.0 {
            1.0
        } else if tp == 0.0 && other == 0.0 {
            0.0
        } else {
            tp / (tp + other)
        }
    };
    let ps: Vec<f64> = pages
        .iter()
        .filter(|(tp, fp, _)| tp + fp > 0.0)
        .map(|&(tp, fp, fn_)| score(tp, fp, fp, fn_))
        .collect();
    let rs: Vec<f64> = pages
        .iter()
        .filter(|(tp, _, fn_)| tp + fn_ > 0.0)
        .map(|&(tp, fp, fn_)| score(tp, fn_, fp, fn_))
        .collect();
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (p, r) = (mean(&ps), mean(&rs));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f1)
}

#[derive(Deserialize)]
struct Truth {
    #[serde(rename = "articleBody")]
    article_body: String,
}

/// The benchmark's pages: (id, ground-truth body, decoded HTML).
pub fn load(dir: &Path) -> Result<Vec<(String, String, String)>, String> {
    let gt_path = dir.join("ground-truth.json");
    let gt: BTreeMap<String, Truth> = serde_json::from_str(
        &std::fs::read_to_string(&gt_path).map_err(|e| format!("{}: {e}", gt_path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", gt_path.display()))?;
    let mut out = Vec::new();
    for (id, t) in gt {
        let p = dir.join("html").join(format!("{id}.html.gz"));
        let gz = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let bytes = html::gunzip(&gz, 64 << 20).map_err(|e| format!("{}: {e}", p.display()))?;
        out.push((id, t.article_body, html::decode(&bytes)));
    }
    Ok(out)
}

/// One tool's result on the benchmark.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub name: String,
    pub pages: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Extraction time on one thread, when measured here.
    pub seconds: Option<f64>,
    pub predictions: BTreeMap<String, String>,
}

/// Extracts every page on one thread with `extractor` and scores it.
pub fn run(pages: &[(String, String, String)], extractor: Extractor, name: &str) -> Outcome {
    let mut predictions = BTreeMap::new();
    let mut spent = Duration::ZERO;
    for (id, _, page) in pages {
        let start = Instant::now();
        let text = html::main_text(page, extractor).unwrap_or_default();
        spent += start.elapsed();
        predictions.insert(id.clone(), text);
    }
    let mut o = score(pages, &predictions, name);
    o.seconds = Some(spent.as_secs_f64());
    o
}

/// Extracts every page on one thread, then runs corroborate's line cleaner on the text, as
/// `analyze` does, and scores the result.
pub fn run_with_cleaner(
    pages: &[(String, String, String)],
    extractor: Extractor,
    k: &corroborate_knowledge::Knowledge,
    name: &str,
) -> Outcome {
    let mut predictions = BTreeMap::new();
    let mut spent = Duration::ZERO;
    for (id, _, page) in pages {
        let start = Instant::now();
        let body = html::main_text(page, extractor).unwrap_or_default();
        let raw = corroborate_model::RawReport {
            id: id.clone(),
            path: String::new(),
            title: String::new(),
            outlet: None,
            published: None,
            url: None,
            body,
            meta: Default::default(),
        };
        let kept = corroborate_read::clean::clean(&raw, k).kept.join("\n");
        spent += start.elapsed();
        predictions.insert(id.clone(), kept);
    }
    let mut o = score(pages, &predictions, name);
    o.seconds = Some(spent.as_secs_f64());
    o
}

/// Scores predictions (id -> text) against the pages' truth.
pub fn score(
    pages: &[(String, String, String)],
    predictions: &BTreeMap<String, String>,
    name: &str,
) -> Outcome {
    let counts: Vec<(f64, f64, f64)> = pages
        .iter()
        .map(|(id, truth, _)| page_counts(truth, predictions.get(id).map_or("", |s| s.as_str())))
        .collect();
    let (precision, recall, f1) = aggregate(&counts);
    Outcome {
        name: name.into(),
        pages: pages.len(),
        precision,
        recall,
        f1,
        seconds: None,
        predictions: predictions.clone(),
    }
}

/// How many pages yield a title and a publication date from their own metadata.
pub fn metadata_coverage(pages: &[(String, String, String)]) -> (usize, usize) {
    let mut titles = 0;
    let mut dates = 0;
    for (_, _, page) in pages {
        let m = corroborate_read::page_meta::extract(page);
        titles += m.title.is_some() as usize;
        dates += m.published.is_some() as usize;
    }
    (titles, dates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_text_scores_one_and_disjoint_text_zero() {
        let t = "the quick brown fox jumps over the lazy dog";
        assert_eq!(page_counts(t, t), (1.0, 0.0, 0.0));
        let (tp, fp, fn_) = page_counts(t, "entirely different words appear in this one");
        assert_eq!(tp, 0.0);
        assert!(fp > 0.0 && fn_ > 0.0);
    }

    #[test]
    fn extra_text_lowers_precision_not_recall() {
        let t = "one two three four five six";
        let (tp, fp, fn_) = page_counts(t, "one two three four five six seven eight nine");
        // truth: 3 shingles; predicted: 6, of which 3 shared.
        assert!((tp - 0.5).abs() < 1e-12 && (fp - 0.5).abs() < 1e-12 && fn_ == 0.0);
        let (p, r, _) = aggregate(&[(tp, fp, fn_)]);
        assert!((p - 0.5).abs() < 1e-12);
        assert_eq!(r, 1.0);
    }

    #[test]
    fn short_texts_are_one_shingle_and_empty_predictions_score_zero() {
        assert_eq!(page_counts("a b", "a b"), (1.0, 0.0, 0.0));
        let (p, r, f1) = aggregate(&[page_counts("some true text here now", "")]);
        assert_eq!((p, r, f1), (0.0, 0.0, 0.0));
    }
}
