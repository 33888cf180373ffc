//! ECB+ (test topics 36-45 and the validation topics): news articles of two events of the
//! same kind per topic; grouping is scored by B-cubed against the event (sub-topic)
//! clusters. Each file is analysed on its own.

use std::path::Path;
use std::time::Instant;

use corroborate_knowledge::Knowledge;
use corroborate_pipeline::{analyze, Options};
use serde::Deserialize;

use crate::bcubed::{self, Scores};

#[derive(Deserialize)]
struct Doc {
    event_cluster: String,
    text: String,
}

/// The outcome on one file.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub file: String,
    pub documents: usize,
    pub clusters: usize,
    pub stories: usize,
    pub scores: Scores,
    pub seconds: f64,
}

/// Groups the documents of one `*_docs.jsonl` file and scores the grouping.
pub fn run(path: &Path, k: &Knowledge, opts: &Options, work: &Path) -> Result<Outcome, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let docs: Vec<Doc> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| format!("{}: {e}", path.display())))
        .collect::<Result<_, _>>()?;
    // Ids without slashes, text with a headline line (the first sentence stands in).
    let corpus = work.join("ecb.jsonl");
    let mut out = String::new();
    for (i, d) in docs.iter().enumerate() {
        out.push_str(&serde_json::json!({"id": format!("d{i}"), "text": d.text}).to_string());
        out.push('\n');
    }
    std::fs::write(&corpus, out).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let start = Instant::now();
    let analysis = analyze(&[corpus], k, opts);
    let seconds = start.elapsed().as_secs_f64();
    let mut story_of = std::collections::HashMap::new();
    for s in &analysis.stories {
        for r in &s.reports {
            story_of.insert(r.clone(), s.id.clone());
        }
    }
    let predicted: Vec<String> = (0..docs.len())
        .map(|i| {
            story_of
                .get(&format!("d{i}"))
                .cloned()
                .unwrap_or_else(|| format!("alone:{i}"))
        })
        .collect();
    let gold: Vec<&str> = docs.iter().map(|d| d.event_cluster.as_str()).collect();
    let clusters = gold.iter().collect::<std::collections::BTreeSet<_>>().len();
    Ok(Outcome {
        file: path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default(),
        documents: docs.len(),
        clusters,
        stories: analysis.stories.len(),
        scores: bcubed::score(&predicted, &gold),
        seconds,
    })
}
