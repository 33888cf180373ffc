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

/// Field accuracy against the GVA gold, per half of the split.
#[derive(Debug, Clone, Default)]
pub struct FieldScores {
    pub incidents: usize,
    /// (correct, scored) per field.
    pub date: (usize, usize),
    pub city: (usize, usize),
    pub state: (usize, usize),
    pub killed: (usize, usize),
    pub injured: (usize, usize),
    /// Participant names: (matched predicted, predicted, matched gold, gold).
    pub names: (usize, usize, usize, usize),
    pub age: (usize, usize),
    pub gender: (usize, usize),
    pub role: (usize, usize),
    pub status: (usize, usize),
}

impl FieldScores {
    pub fn name_f1(&self) -> (f64, f64, f64) {
        let (mp, p, mg, g) = self.names;
        let precision = if p > 0 { mp as f64 / p as f64 } else { 0.0 };
        let recall = if g > 0 { mg as f64 / g as f64 } else { 0.0 };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        (precision, recall, f1)
    }
}

/// "January 27, 2014" -> 2014-01-27.
pub fn gold_date(s: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%B %d, %Y").ok()
}

/// Name words for matching: lower case, letters only, generational suffixes dropped.
fn name_words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "jr" | "sr" | "ii" | "iii" | "iv"))
        .collect()
}

/// The matching rule for participant names: equal last words, and the first words equal
/// or one an initial of the other ("Allen Ormond Jr" = "Allen Ormond"; "K. Elkins" =
/// "Kevin Elkins"); a single-word name matches a full name with that last word.
pub fn names_match(a: &str, b: &str) -> bool {
    let (x, y) = (name_words(a), name_words(b));
    let (Some(xl), Some(yl)) = (x.last(), y.last()) else {
        return false;
    };
    if xl != yl {
        return false;
    }
    if x.len() == 1 || y.len() == 1 {
        return true;
    }
    let (xf, yf) = (&x[0], &y[0]);
    xf == yf
        || (xf.len() == 1 && yf.starts_with(xf.as_str()))
        || (yf.len() == 1 && xf.starts_with(yf.as_str()))
}

fn top(field: &serde_json::Value) -> Option<String> {
    field["values"].as_array()?.first()?["value"]
        .as_str()
        .map(str::to_string)
}

fn count_value(field: &serde_json::Value) -> Option<u32> {
    match top(field) {
        Some(v) => v.parse().ok(),
        // Reports that mention no one killed (or injured) say none were: GVA records 0.
        None => Some(0),
    }
}

fn tally(t: &mut (usize, usize), ok: bool) {
    t.1 += 1;
    t.0 += ok as usize;
}

/// Scores the incident records of the analysis document against the gold of `incidents`.
/// Each gold incident is compared with the incident of the story that holds most of its
/// documents (so grouping errors count).
pub fn field_scores(incidents: &[&Incident], doc: &serde_json::Value) -> FieldScores {
    use std::collections::HashMap;
    let mut story_of: HashMap<&str, &serde_json::Value> = HashMap::new();
    for s in doc["stories"].as_array().into_iter().flatten() {
        for r in s["reports"].as_array().into_iter().flatten() {
            if let Some(id) = r.as_str() {
                story_of.insert(id, s);
            }
        }
    }
    let mut sc = FieldScores::default();
    for inc in incidents {
        let Some(gold) = &inc.gva else { continue };
        let mut votes: HashMap<&str, usize> = HashMap::new();
        for d in &inc.documents {
            if let Some(s) = story_of.get(d.id.as_str()) {
                *votes.entry(s["id"].as_str().unwrap_or("")).or_default() += 1;
            }
        }
        let Some((&best, _)) = votes.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) else {
            continue;
        };
        let story = inc
            .documents
            .iter()
            .find_map(|d| story_of.get(d.id.as_str()).filter(|s| s["id"] == best))
            .copied();
        let Some(pred) = story.and_then(|s| s["incidents"].get(0)) else {
            continue;
        };
        sc.incidents += 1;
        if let Some(d) = gold.date.as_deref().and_then(gold_date) {
            tally(
                &mut sc.date,
                top(&pred["date"]).as_deref() == Some(d.to_string().as_str()),
            );
        }
        if let Some(c) = gold
            .city_or_county
            .as_deref()
            .filter(|c| !c.trim().is_empty())
        {
            let gold_city = c.split(" (").next().unwrap_or(c).trim().to_lowercase();
            tally(
                &mut sc.city,
                top(&pred["location"]["city"]).is_some_and(|p| p.to_lowercase() == gold_city),
            );
        }
        if let Some(st) = gold.state.as_deref().filter(|s| !s.trim().is_empty()) {
            tally(
                &mut sc.state,
                top(&pred["location"]["region"]).is_some_and(|p| p.eq_ignore_ascii_case(st.trim())),
            );
        }
        if let Some(k) = gold.num_killed {
            tally(&mut sc.killed, count_value(&pred["killed"]) == Some(k));
        }
        if let Some(i) = gold.num_injured {
            tally(&mut sc.injured, count_value(&pred["injured"]) == Some(i));
        }
        let predicted: Vec<&serde_json::Value> = pred["participants"]
            .as_array()
            .map(|p| p.iter().collect())
            .unwrap_or_default();
        let gold_named: Vec<&Participant> = gold
            .participants
            .iter()
            .filter(|p| p.name.as_deref().is_some_and(|n| !n.trim().is_empty()))
            .collect();
        sc.names.1 += predicted.len();
        sc.names.3 += gold_named.len();
        sc.names.0 += predicted
            .iter()
            .filter(|p| {
                gold_named.iter().any(|g| {
                    names_match(
                        p["name"].as_str().unwrap_or(""),
                        g.name.as_deref().unwrap_or(""),
                    )
                })
            })
            .count();
        for g in &gold_named {
            let gname = g.name.as_deref().unwrap_or("");
            let Some(p) = predicted
                .iter()
                .find(|p| names_match(p["name"].as_str().unwrap_or(""), gname))
            else {
                continue;
            };
            sc.names.2 += 1;
            if let Some(age) = g.age.as_deref().filter(|a| !a.is_empty()) {
                tally(&mut sc.age, top(&p["age"]).as_deref() == Some(age));
            }
            if let Some(gender) = g.gender.as_deref().filter(|x| !x.is_empty()) {
                tally(
                    &mut sc.gender,
                    top(&p["gender"]).is_some_and(|x| x.eq_ignore_ascii_case(gender)),
                );
            }
            if let Some(kind) = g.kind.as_deref().filter(|x| !x.is_empty()) {
                let want = if kind.to_lowercase().contains("suspect") {
                    "suspect"
                } else {
                    "victim"
                };
                tally(&mut sc.role, top(&p["role"]).as_deref() == Some(want));
            }
            if let Some(status) = g.status.as_deref().filter(|x| !x.is_empty()) {
                tally(
                    &mut sc.status,
                    top(&p["status"]).is_some_and(|x| status.to_lowercase().contains(&x)),
                );
            }
        }
    }
    sc
}

#[cfg(test)]
mod field_tests {
    use super::*;

    #[test]
    fn name_matching_rule() {
        assert!(names_match("Allen Ormond Jr", "Allen Ormond"));
        assert!(names_match("K. Elkins", "Kevin Elkins"));
        assert!(names_match("Elkins", "Kevin Elkins"));
        assert!(!names_match("Kevin Elkins", "Kevin Ormond"));
        assert!(!names_match("Mary Elkins", "Kevin Elkins"));
    }

    #[test]
    fn gold_dates_parse() {
        assert_eq!(
            gold_date("January 27, 2014").unwrap().to_string(),
            "2014-01-27"
        );
    }
}
