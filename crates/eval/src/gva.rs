//! The Gun Violence Archive incidents with their news articles (SemEval-2018 Task 5
//! source data, `gva-semeval2018t5-incidents`): 3,659 incidents, 6,335 articles, and for
//! most incidents a GVA record (date, state, city, address, killed, injured, participants).
//!
//! The split is fixed: incidents whose id ends in an even digit are for tuning, odd ones
//! are held out; every score is reported on both.

use std::path::Path;

use serde::Deserialize;

/// One GVA participant as the gold record lists it.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct Participant {
    #[serde(rename = "Name")]
    pub name: Option<String>,
    #[serde(rename = "Age")]
    pub age: Option<String>,
    #[serde(rename = "Gender")]
    pub gender: Option<String>,
    #[serde(rename = "Status")]
    pub status: Option<String>,
    #[serde(rename = "Type")]
    pub kind: Option<String>,
}

/// The gold facts of an incident.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub date: Option<String>,
    pub state: Option<String>,
    pub city_or_county: Option<String>,
    pub address: Option<String>,
    pub num_killed: Option<u32>,
    pub num_injured: Option<u32>,
    #[serde(default)]
    pub participants: Vec<Participant>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub dct: Option<String>,
    pub uri: Option<String>,
    pub content: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Incident {
    pub incident_id: String,
    pub gva: Option<Gold>,
    pub documents: Vec<Document>,
}

impl Incident {
    /// Tuning incidents end in an even digit; held-out ones in an odd digit.
    pub fn held_out(&self) -> bool {
        self.incident_id
            .chars()
            .last()
            .and_then(|c| c.to_digit(10))
            .is_some_and(|d| d % 2 == 1)
    }
}

/// Reads `gva_incidents.jsonl`.
pub fn load(dir: &Path) -> Result<Vec<Incident>, String> {
    let path = dir.join("gva_incidents.jsonl");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))
        })
        .collect()
}

/// The original outlet URL of a web.archive.org snapshot address.
pub fn original_url(uri: &str) -> &str {
    match uri.find("/web/") {
        Some(i) => {
            let rest = &uri[i + 5..];
            rest.find('/').map_or(uri, |j| &rest[j + 1..])
        }
        None => uri,
    }
}

/// Writes every document as one JSON Lines corpus for `corroborate analyze`: id, title,
/// text, published (the document creation time), url (the outlet's own address).
pub fn write_jsonl(incidents: &[Incident], out: &Path) -> std::io::Result<usize> {
    let mut s = String::new();
    let mut n = 0;
    for inc in incidents {
        for d in &inc.documents {
            let mut o = serde_json::json!({"id": d.id, "title": d.title, "text": d.content});
            if let Some(dct) = d.dct.as_deref().filter(|x| x.len() >= 10) {
                o["published"] = serde_json::Value::String(dct[..10].to_string());
            }
            if let Some(u) = &d.uri {
                o["url"] = serde_json::Value::String(original_url(u).to_string());
            }
            s.push_str(&o.to_string());
            s.push('\n');
            n += 1;
        }
    }
    std::fs::write(out, s)?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_urls_map_to_the_outlet() {
        assert_eq!(
            original_url("http://web.archive.org/web/20151030223013/http://www.wral.com/four-people/13334346/"),
            "http://www.wral.com/four-people/13334346/"
        );
        assert_eq!(
            original_url("https://example.com/a"),
            "https://example.com/a"
        );
    }
}

/// Grouping scores of one run.
#[derive(Debug, Clone)]
pub struct GroupingScores {
    /// (documents, scores) over all documents, and over documents of multi-document incidents.
    pub all: (usize, crate::bcubed::Scores),
    pub multi: (usize, crate::bcubed::Scores),
}

/// B-cubed of predicted story labels against incidents, over the documents of `incidents`.
/// Documents missing from `story_of` (unread, or without article text) are singletons.
pub fn grouping_scores(
    incidents: &[&Incident],
    story_of: &std::collections::HashMap<String, String>,
) -> GroupingScores {
    let mut all_p = Vec::new();
    let mut all_g = Vec::new();
    let mut multi_p = Vec::new();
    let mut multi_g = Vec::new();
    for inc in incidents {
        for d in &inc.documents {
            let p = story_of
                .get(&d.id)
                .cloned()
                .unwrap_or_else(|| format!("alone:{}", d.id));
            all_p.push(p.clone());
            all_g.push(inc.incident_id.clone());
            if inc.documents.len() > 1 {
                multi_p.push(p);
                multi_g.push(inc.incident_id.clone());
            }
        }
    }
    GroupingScores {
        all: (all_p.len(), crate::bcubed::score(&all_p, &all_g)),
        multi: (multi_p.len(), crate::bcubed::score(&multi_p, &multi_g)),
    }
}
