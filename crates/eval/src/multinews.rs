//! The Multi-News sample (`multinews-longbench200`): 200 clusters of news articles with a
//! reference summary each. Articles are split on `|||||`; `NEWLINE_CHAR` marks newlines.
//! Grouping is scored by B-cubed against the clusters.

use std::path::Path;
use std::time::Instant;

use corroborate_knowledge::Knowledge;
use corroborate_pipeline::{analyze, Options};
use serde::Deserialize;

use crate::bcubed::{self, Scores};

#[derive(Deserialize)]
struct Cluster {
    id: serde_json::Value,
    document: String,
    summary: String,
}

/// One article with its gold cluster.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub cluster: String,
    pub text: String,
}

/// A gold cluster's reference summary.
#[derive(Debug, Clone)]
pub struct Reference {
    pub cluster: String,
    pub summary: String,
}

/// Reads `multi_news_200.jsonl` from `dir`.
pub fn load(dir: &Path) -> Result<(Vec<Article>, Vec<Reference>), String> {
    let path = dir.join("multi_news_200.jsonl");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut articles = Vec::new();
    let mut refs = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let c: Cluster =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let cluster = match &c.id {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        for (i, doc) in c.document.split("|||||").enumerate() {
            let doc = doc.replace("NEWLINE_CHAR", "\n");
            let doc = doc.trim();
            if doc.is_empty() {
                continue;
            }
            articles.push(Article {
                id: format!("c{:03}-d{}", n, i),
                cluster: cluster.clone(),
                text: doc.to_string(),
            });
        }
        refs.push(Reference {
            cluster,
            summary: c.summary,
        });
    }
    Ok((articles, refs))
}

/// Writes the articles as a JSONL corpus that `corroborate analyze` reads.
pub fn write_jsonl(articles: &[Article], out: &Path) -> std::io::Result<()> {
    let mut s = String::new();
    for a in articles {
        s.push_str(&serde_json::json!({"id": a.id, "text": a.text}).to_string());
        s.push('\n');
    }
    std::fs::write(out, s)
}

/// The outcome of the grouping suite.
#[derive(Debug, Clone)]
pub struct GroupingResult {
    pub articles: usize,
    pub gold_clusters: usize,
    pub stories: usize,
    pub scores: Scores,
    pub seconds: f64,
}

/// Runs `analyze` over the articles (through a JSONL file, as a user would) and scores grouping.
pub fn grouping(
    dir: &Path,
    k: &Knowledge,
    opts: &Options,
    work: &Path,
) -> Result<GroupingResult, String> {
    let (articles, refs) = load(dir)?;
    let corpus = work.join("multinews.jsonl");
    write_jsonl(&articles, &corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let start = Instant::now();
    let analysis = analyze(&[corpus], k, opts);
    let seconds = start.elapsed().as_secs_f64();
    if !analysis.errors.is_empty() {
        return Err(format!(
            "{} articles could not be read: {}",
            analysis.errors.len(),
            analysis.errors[0]
        ));
    }
    let mut story_of = std::collections::HashMap::new();
    for s in &analysis.stories {
        for r in &s.reports {
            story_of.insert(r.clone(), s.id.clone());
        }
    }
    // Reports in no story (no article text) are each their own cluster.
    let predicted: Vec<String> = articles
        .iter()
        .map(|a| {
            story_of
                .get(&a.id)
                .cloned()
                .unwrap_or_else(|| format!("alone:{}", a.id))
        })
        .collect();
    let gold: Vec<&str> = articles.iter().map(|a| a.cluster.as_str()).collect();
    Ok(GroupingResult {
        articles: articles.len(),
        gold_clusters: refs.len(),
        stories: analysis.stories.len(),
        scores: bcubed::score(&predicted, &gold),
        seconds,
    })
}

/// One cluster's brief, Lead-3 baseline and reference.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Summaries {
    pub cluster: String,
    pub brief: String,
    pub lead3: String,
    pub reference: String,
    /// The cluster's articles, for baselines computed elsewhere (bench/summaries.sh).
    pub documents: Vec<String>,
}

/// The first `n` sentences of the first article (Lead-3 with n = 3), split the way
/// corroborate splits sentences.
fn lead(text: &str, n: usize, k: &Knowledge) -> String {
    let body = format!("\n\n{text}");
    let sents = corroborate_annotate::sentences::split(&body, k);
    sents
        .iter()
        .filter(|s| body[s.span.start..s.span.end].trim().len() > 1)
        .take(n)
        .map(|s| body[s.span.start..s.span.end].trim().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Briefs per gold cluster (each cluster analysed on its own, so grouping errors do not
/// mix into summary quality), with Lead-3 and the reference.
pub fn summaries(
    dir: &Path,
    k: &Knowledge,
    opts: &Options,
    work: &Path,
) -> Result<Vec<Summaries>, String> {
    let (articles, refs) = load(dir)?;
    let mut out = Vec::new();
    for r in &refs {
        let docs: Vec<Article> = articles
            .iter()
            .filter(|a| a.cluster == r.cluster)
            .cloned()
            .collect();
        let corpus = work.join("cluster.jsonl");
        write_jsonl(&docs, &corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
        // One story per cluster: group everything together.
        let mut o = opts.clone();
        o.group.threshold = -1.0;
        let analysis = analyze(&[corpus], k, &o);
        let brief = analysis
            .stories
            .first()
            .map(|s| {
                s.brief
                    .iter()
                    .map(|b| b.text.clone())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        out.push(Summaries {
            cluster: r.cluster.clone(),
            brief,
            lead3: docs
                .first()
                .map(|d| lead(&d.text, 3, k))
                .unwrap_or_default(),
            reference: r.summary.clone(),
            documents: docs.iter().map(|d| d.text.clone()).collect(),
        });
    }
    Ok(out)
}
