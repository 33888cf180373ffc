//! Trace: who cites whom, back to the original sources.
//!
//! Every attribution is a chain from the report through its intermediaries to the
//! source: "According to the Independent, citing RIBSS" is report -> Independent -> RIBSS.
//! The origin of a chain is its last *named* link: when a named source itself credits
//! unnamed people ("citing local eyewitnesses"), the named source is where the claim
//! enters the public record, and the unnamed ones are kept as what it cites. A chain with
//! no named link at all ("activists said") is its own origin, and is counted once per
//! report, since two reports' "activists" cannot be assumed to be the same people.

use std::collections::{BTreeMap, BTreeSet};

use corroborate_model::{AnnotatedReport, Citation, Evidence, Origin, SourceRef};

use crate::entities::Resolution;

fn name_of(ri: usize, s: &SourceRef, res: &Resolution) -> (String, Option<String>) {
    match s.mention.and_then(|m| res.entity(ri, m)) {
        Some(e) => (
            res.entities[e].name.clone(),
            Some(res.entities[e].id.clone()),
        ),
        None => (s.text.clone(), None),
    }
}

/// Citations and origins of a story.
pub fn trace(reports: &[&AnnotatedReport], res: &Resolution) -> (Vec<Citation>, Vec<Origin>) {
    let mut citations = Vec::new();
    let mut seen = BTreeSet::new();
    // (named, key) -> origin; its lists are sorted and deduplicated at the end.
    let mut origins: BTreeMap<(bool, String), Origin> = BTreeMap::new();
    for (ri, r) in reports.iter().enumerate() {
        for a in &r.attributions {
            let (source, source_entity) = name_of(ri, &a.source, res);
            let via: Vec<String> = a.via.iter().map(|v| name_of(ri, v, res).0).collect();
            if seen.insert((r.report.id.clone(), source.clone(), via.clone())) {
                citations.push(Citation {
                    report: r.report.id.clone(),
                    source: source.clone(),
                    source_entity: source_entity.clone(),
                    named: a.source.named,
                    via: via.clone(),
                    quote: r.sentence_text(a.sentence).to_string(),
                    evidence: Evidence {
                        report: r.report.id.clone(),
                        sentence: a.sentence,
                        span: a.cue,
                    },
                });
            }
            // The chain, report side first.
            let chain: Vec<&SourceRef> = a.via.iter().chain(std::iter::once(&a.source)).collect();
            let last_named = chain.iter().rposition(|s| s.named);
            let (key, origin, unnamed_after) = match last_named {
                Some(p) => {
                    let (name, entity) = name_of(ri, chain[p], res);
                    let after: Vec<String> =
                        chain[p + 1..].iter().map(|s| s.text.clone()).collect();
                    (
                        (true, name.clone()),
                        Origin {
                            source: name,
                            entity,
                            named: true,
                            cites_unnamed: vec![],
                            reports: vec![],
                        },
                        after,
                    )
                }
                None => {
                    let text = a.source.text.clone();
                    let key = (false, format!("{}\u{0}{}", text, r.report.id));
                    (
                        key,
                        Origin {
                            source: text,
                            entity: None,
                            named: false,
                            cites_unnamed: vec![],
                            reports: vec![],
                        },
                        vec![],
                    )
                }
            };
            let entry = origins.entry(key).or_insert(origin);
            entry.cites_unnamed.extend(unnamed_after);
            entry.reports.push(r.report.id.clone());
        }
    }
    let mut out: Vec<Origin> = origins
        .into_values()
        .map(|mut o| {
            for list in [&mut o.cites_unnamed, &mut o.reports] {
                list.sort();
                list.dedup();
            }
            o
        })
        .collect();
    out.sort_by(|a, b| {
        b.named
            .cmp(&a.named)
            .then(b.reports.len().cmp(&a.reports.len()))
            .then(a.source.cmp(&b.source))
    });
    (citations, out)
}
