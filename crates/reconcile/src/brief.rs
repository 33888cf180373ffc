//! The brief: three to eight sentences summarising a story, each with the reports it
//! rests on.
//!
//! - Lead sentences are extractive: sentences from the top of the reports (where news
//!   states its main event), scored by how many reports say the same thing (a sentence of
//!   another report with cosine similarity of at least [`SUPPORT_SIMILARITY`]). A sentence
//!   that states a disputed value is never used, so the brief never picks a side.
//! - Then one sentence per disputed fact, naming every value and how many reports give it.
//! - Then agreed facts that several reports state.
//! - Last, the named origins the accounts trace back to.

use std::collections::BTreeSet;

use corroborate_knowledge::Knowledge;
use corroborate_model::{AnnotatedReport, BriefSentence, Fact, Origin, Span, Status};

use crate::similarity::{TermVector, Vectoriser};

/// Similarity at which a sentence of another report counts as saying the same thing.
pub const SUPPORT_SIMILARITY: f32 = 0.25;
/// Body sentences of each report considered for the lead.
const LEAD_WINDOW: usize = 8;
/// Quoted sentences at the head of the brief (measured on Multi-News: docs/benchmarks.md).
const LEAD_SENTENCES: usize = 4;
const MAX_SENTENCES: usize = 8;
/// Facts kept out of the brief: the incident type (never disputed, a label rather than a
/// finding) and the street address (detail for the record, not the summary).
const NOT_IN_BRIEF: [&str; 2] = ["type", "address"];
const MIN_SENTENCES: usize = 3;

struct Candidate {
    report: usize,
    sentence: usize,
    text: String,
    support: BTreeSet<usize>,
    score: f32,
    vector: TermVector,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Every report stating some value of a fact, sorted.
fn fact_reports(f: &Fact) -> Vec<String> {
    let set: BTreeSet<&String> = f.field.values.iter().flat_map(|v| &v.reports).collect();
    set.into_iter().cloned().collect()
}

/// "X (3 reports)".
fn with_count(name: &str, n: usize) -> String {
    format!("{name} ({})", plural(n, "report", "reports"))
}

/// "the age of X", "the number killed", "the date".
pub fn attribute_phrase(f: &Fact) -> String {
    let attr = match f.attribute.as_str() {
        "killed" => "number killed",
        "injured" => "number injured",
        "arrested" => "number arrested",
        other => other,
    };
    if f.subject == "event" {
        format!("the {attr}")
    } else {
        format!("the {attr} of {}", f.subject_name)
    }
}

/// Words inside quotation marks.
fn quoted_words(s: &str) -> usize {
    let mut inside = false;
    let mut n = 0;
    for part in s.split_inclusive(['“', '”', '"']) {
        if inside {
            n += part.split_whitespace().count();
        }
        inside = match part.chars().last() {
            Some('“') => true,
            Some('”') => false,
            Some('"') => !inside,
            _ => inside,
        };
    }
    n
}

fn readable(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let first_person = s.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "I" | "we" | "We" | "you" | "You" | "our" | "Our" | "your" | "Your"
        )
    });
    (8..=50).contains(&words)
        && !s.starts_with(['“', '"', '‘', '\''])
        && s.ends_with(['.', '”', '"'])
        && !first_person
}

/// The brief of a story.
pub fn brief(
    reports: &[&AnnotatedReport],
    facts: &[Fact],
    origins: &[Origin],
    k: &Knowledge,
) -> Vec<BriefSentence> {
    let ids: Vec<&str> = reports.iter().map(|r| r.report.id.as_str()).collect();
    let disputed: Vec<(&str, Span)> = facts
        .iter()
        .filter(|f| f.field.status == Status::Disputed)
        .flat_map(|f| {
            f.field
                .values
                .iter()
                .flat_map(|v| v.evidence.iter().map(|e| (e.report.as_str(), e.span)))
        })
        .collect();
    // Vectors of every sentence, document frequencies over sentences.
    let mut vz = Vectoriser::new(k);
    let counted: Vec<Vec<_>> = reports
        .iter()
        .map(|r| {
            (0..r.sentences.len())
                .map(|s| vz.terms(r.sentence_text(s)))
                .collect()
        })
        .collect();
    for c in counted.iter().flatten() {
        vz.observe(c);
    }
    let vectors: Vec<Vec<TermVector>> = counted
        .iter()
        .map(|rs| rs.iter().map(|c| vz.weigh(c)).collect())
        .collect();

    let mut candidates: Vec<Candidate> = Vec::new();
    for (ri, r) in reports.iter().enumerate() {
        for s in 1..r.sentences.len().min(LEAD_WINDOW + 1) {
            let text = r.sentence_text(s).trim();
            let span = r.sentences[s].span;
            let states_dispute = disputed
                .iter()
                .any(|(rid, sp)| *rid == r.report.id && span.contains(*sp));
            if !readable(text) || states_dispute {
                continue;
            }
            let v = &vectors[ri][s];
            let mut support = BTreeSet::from([ri]);
            for (rj, other) in vectors.iter().enumerate() {
                if rj != ri && other.iter().any(|o| o.cosine(v) >= SUPPORT_SIMILARITY) {
                    support.insert(rj);
                }
            }
            let names = r
                .mentions
                .iter()
                .filter(|m| span.contains(m.span))
                .count()
                .min(3) as f32;
            // The top of a report states its event; a long quotation states someone's words.
            let quoted = quoted_words(text) >= 4;
            let score = support.len() as f32 + 0.1 * names
                - 0.3 * (s - 1) as f32
                - if quoted { 1.0 } else { 0.0 };
            candidates.push(Candidate {
                report: ri,
                sentence: s,
                text: text.to_string(),
                support,
                score,
                vector: v.clone(),
            });
        }
    }
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.report.cmp(&b.report))
            .then(a.sentence.cmp(&b.sentence))
    });

    let cite = |set: &BTreeSet<usize>| set.iter().map(|&i| ids[i].to_string()).collect::<Vec<_>>();
    let mut out: Vec<BriefSentence> = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    let take_lead = |used: &mut Vec<usize>, out: &mut Vec<BriefSentence>, min_support: usize| {
        let next = candidates.iter().enumerate().find(|(i, c)| {
            c.support.len() >= min_support
                && !used.contains(i)
                && used
                    .iter()
                    .all(|&u| candidates[u].vector.cosine(&c.vector) < 0.4)
        });
        if let Some((i, c)) = next {
            out.push(BriefSentence {
                text: c.text.clone(),
                reports: cite(&c.support),
            });
            used.push(i);
        }
    };
    // Up to LEAD_SENTENCES quoted sentences: the first may stand alone, the others must be
    // told by two reports where the story has several.
    take_lead(&mut used, &mut out, 1);
    for _ in 1..LEAD_SENTENCES {
        take_lead(&mut used, &mut out, if reports.len() > 1 { 2 } else { 1 });
    }

    for f in facts
        .iter()
        .filter(|f| {
            f.field.status == Status::Disputed && !NOT_IN_BRIEF.contains(&f.attribute.as_str())
        })
        .take(3)
    {
        let parts: Vec<String> = f
            .field
            .values
            .iter()
            .map(|v| with_count(&v.value, v.reports.len()))
            .collect();
        let reports = fact_reports(f);
        out.push(BriefSentence {
            text: format!(
                "Reports disagree on {}: {}.",
                attribute_phrase(f),
                parts.join(" or ")
            ),
            reports,
        });
    }
    let agreed: Vec<&Fact> = facts
        .iter()
        .filter(|f| {
            f.field.status == Status::Agreed && !NOT_IN_BRIEF.contains(&f.attribute.as_str())
        })
        .filter(|f| fact_reports(f).len() >= 2)
        .collect();
    for f in agreed.iter().take(2) {
        let main = &f.field.values[0];
        let reports = fact_reports(f);
        let others: Vec<String> = f.field.values[1..]
            .iter()
            .filter_map(|v| v.written.first().map(|w| format!("“{w}”")))
            .collect();
        let also = if others.is_empty() {
            String::new()
        } else {
            format!(", consistent with {}", others.join(", "))
        };
        out.push(BriefSentence {
            text: format!(
                "{} agree on {}: {}{}.",
                plural(reports.len(), "report", "reports"),
                attribute_phrase(f),
                main.value,
                also
            ),
            reports: reports.into_iter().collect(),
        });
    }
    let named: Vec<&Origin> = origins.iter().filter(|o| o.named).collect();
    let shared: Vec<&Origin> = named
        .iter()
        .copied()
        .filter(|o| o.reports.len() >= 2)
        .take(4)
        .collect();
    let shown: Vec<&Origin> = if shared.is_empty() {
        named.iter().copied().take(3).collect()
    } else {
        shared
    };
    if !shown.is_empty() {
        let parts: Vec<String> = shown
            .iter()
            .map(|o| with_count(&o.source, o.reports.len()))
            .collect();
        let reports: BTreeSet<String> = shown
            .iter()
            .flat_map(|o| o.reports.iter().cloned())
            .collect();
        let rest = named.len() - shown.len();
        let others = if rest > 0 {
            format!(
                "; {} credited by one report each",
                plural(rest, "other named source is", "other named sources are")
            )
        } else {
            String::new()
        };
        let text = if shown.len() == 1 {
            format!(
                "The credited accounts trace back to one named origin: {}{}.",
                parts[0], others
            )
        } else {
            format!(
                "The credited accounts trace back to {} named origins: {}{}.",
                shown.len(),
                parts.join(", "),
                others
            )
        };
        out.push(BriefSentence {
            text,
            reports: reports.into_iter().collect(),
        });
    }
    while out.len() < MIN_SENTENCES {
        let before = out.len();
        take_lead(&mut used, &mut out, 1);
        if out.len() == before {
            break;
        }
    }
    out.truncate(MAX_SENTENCES);
    out
}
