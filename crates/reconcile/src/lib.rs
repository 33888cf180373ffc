//! Group and reconcile: from annotated reports to stories.
//!
//! [`group::group`] splits reports into stories; [`reconcile`] then runs, per story,
//! entity resolution, facts, trace and brief, in that order. A story's record depends only
//! on its own reports.

pub mod brief;
pub mod entities;
pub mod facts;
pub mod field;
pub mod group;
pub mod incidents;
pub mod similarity;
pub mod trace;

use corroborate_knowledge::Knowledge;
use corroborate_model::{AnnotatedReport, Story};

/// The full record of one story.
pub fn reconcile(id: String, reports: &[&AnnotatedReport], k: &Knowledge) -> Story {
    let res = entities::resolve(reports, k);
    let facts = facts::facts(reports, &res, k);
    let incidents = incidents::incidents(&id, reports, &res, &facts, k);
    let (citations, origins) = trace::trace(reports, &res);
    let brief = brief::brief(reports, &facts, &origins, k);
    Story {
        id,
        headline: headline(reports, k),
        reports: reports.iter().map(|r| r.report.id.clone()).collect(),
        entities: res.entities,
        facts,
        incidents,
        citations,
        origins,
        brief,
    }
}

/// The title of the report most similar to the others: the story's most typical telling.
fn headline(reports: &[&AnnotatedReport], k: &Knowledge) -> String {
    let mut vz = similarity::Vectoriser::new(k);
    let counted: Vec<_> = reports.iter().map(|r| vz.terms(&r.report.text)).collect();
    for c in &counted {
        vz.observe(c);
    }
    let vs: Vec<_> = counted.iter().map(|c| vz.weigh(c)).collect();
    let best = (0..reports.len())
        .max_by(|&a, &b| {
            let sa: f32 = vs.iter().map(|v| v.cosine(&vs[a])).sum();
            let sb: f32 = vs.iter().map(|v| v.cosine(&vs[b])).sum();
            sa.total_cmp(&sb).then(b.cmp(&a))
        })
        .unwrap_or(0);
    reports
        .get(best)
        .map(|r| r.report.title.clone())
        .unwrap_or_default()
}
