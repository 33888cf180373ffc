//! B-cubed precision, recall and F1 of a clustering against gold clusters (Bagga and
//! Baldwin 1998): per item, precision is the share of its predicted cluster that shares its
//! gold cluster, recall the share of its gold cluster that shares its predicted cluster;
//! both are averaged over items.

use std::collections::HashMap;
use std::hash::Hash;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// B-cubed scores; `predicted[i]` and `gold[i]` are item i's cluster labels.
pub fn score<P: Eq + Hash, G: Eq + Hash>(predicted: &[P], gold: &[G]) -> Scores {
    assert_eq!(
        predicted.len(),
        gold.len(),
        "one predicted and one gold label per item"
    );
    let n = predicted.len();
    if n == 0 {
        return Scores {
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
        };
    }
    let mut pred_size: HashMap<&P, usize> = HashMap::new();
    let mut gold_size: HashMap<&G, usize> = HashMap::new();
    let mut both: HashMap<(&P, &G), usize> = HashMap::new();
    for (p, g) in predicted.iter().zip(gold) {
        *pred_size.entry(p).or_default() += 1;
        *gold_size.entry(g).or_default() += 1;
        *both.entry((p, g)).or_default() += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (p, g) in predicted.iter().zip(gold) {
        let shared = both[&(p, g)] as f64;
        precision += shared / pred_size[p] as f64;
        recall += shared / gold_size[g] as f64;
    }
    precision /= n as f64;
    recall /= n as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Scores {
        precision,
        recall,
        f1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_clustering_scores_one() {
        let s = score(&[1, 1, 2], &["a", "a", "b"]);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
    }

    #[test]
    fn all_in_one_cluster_has_full_recall_and_low_precision() {
        // Gold {a,a},{b,b}; predicted all together: precision 0.5 per item, recall 1.
        let s = score(&[0, 0, 0, 0], &["a", "a", "b", "b"]);
        assert!((s.precision - 0.5).abs() < 1e-12);
        assert_eq!(s.recall, 1.0);
        assert!((s.f1 - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn singletons_have_full_precision() {
        // Gold {a,a,a}: each singleton has recall 1/3.
        let s = score(&[0, 1, 2], &["a", "a", "a"]);
        assert_eq!(s.precision, 1.0);
        assert!((s.recall - 1.0 / 3.0).abs() < 1e-12);
    }
}
