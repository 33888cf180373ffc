//! ROUGE-N and ROUGE-L F-measures (Lin 2004), as the `rouge-score` package computes them
//! without stemming: text lower-cased, every run of characters other than a-z and 0-9 a
//! separator; ROUGE-N on n-gram multisets, ROUGE-L on the longest common subsequence of
//! the whole texts. bench/summaries.sh prints this implementation's figures beside
//! `rouge-score`'s on the same texts.

use std::collections::HashMap;

/// Tokens as `rouge-score` makes them (no stemming).
pub fn tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn f1(overlap: usize, pred: usize, gold: usize) -> f64 {
    if overlap == 0 || pred == 0 || gold == 0 {
        return 0.0;
    }
    let p = overlap as f64 / pred as f64;
    let r = overlap as f64 / gold as f64;
    2.0 * p * r / (p + r)
}

fn grams(t: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut m: HashMap<&[String], usize> = HashMap::new();
    for w in t.windows(n) {
        *m.entry(w).or_default() += 1;
    }
    m
}

/// ROUGE-N F-measure.
pub fn rouge_n(pred: &[String], gold: &[String], n: usize) -> f64 {
    let (p, g) = (grams(pred, n), grams(gold, n));
    let overlap: usize = p
        .iter()
        .map(|(k, &c)| c.min(g.get(k).copied().unwrap_or(0)))
        .sum();
    f1(
        overlap,
        pred.len().saturating_sub(n - 1),
        gold.len().saturating_sub(n - 1),
    )
}

/// ROUGE-L F-measure (longest common subsequence, summary level as one sequence).
pub fn rouge_l(pred: &[String], gold: &[String]) -> f64 {
    let mut prev = vec![0usize; gold.len() + 1];
    let mut cur = vec![0usize; gold.len() + 1];
    for p in pred {
        for (j, g) in gold.iter().enumerate() {
            cur[j + 1] = if p == g {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    f1(prev[gold.len()], pred.len(), gold.len())
}

/// (ROUGE-1, ROUGE-2, ROUGE-L) F-measures of one summary.
pub fn scores(pred: &str, gold: &str) -> [f64; 3] {
    let (p, g) = (tokens(pred), tokens(gold));
    [rouge_n(&p, &g, 1), rouge_n(&p, &g, 2), rouge_l(&p, &g)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed_cases() {
        // pred: the cat sat on the mat (6), gold: the cat lay on the mat (6)
        // unigrams shared: the x2, cat, on, mat = 5 -> P = R = 5/6
        let [r1, r2, rl] = scores("The cat sat on the mat.", "the cat lay on the mat");
        assert!((r1 - 5.0 / 6.0).abs() < 1e-12);
        // bigrams: "the cat", "on the", "the mat" shared = 3 of 5
        assert!((r2 - 3.0 / 5.0).abs() < 1e-12);
        // LCS: the cat on the mat = 5
        assert!((rl - 5.0 / 6.0).abs() < 1e-12);
        assert_eq!(scores("", "anything"), [0.0, 0.0, 0.0]);
    }
}
