//! Facts: every claim of a story's reports, attached to the entity it is about (or to the
//! story's main event), grouped per subject and attribute into [`field::build`]'s fields.
//!
//! Subjects that the annotator could only describe are resolved here, within the report:
//! "her son" is the person the story knows as someone's son; "the woman" is the most
//! mentioned woman of the report.

use std::collections::BTreeMap;

use corroborate_knowledge::Knowledge;
use corroborate_model::{AnnotatedReport, Attribution, Evidence, Fact, MentionKind, Subject};

use crate::entities::Resolution;
use crate::field::{self, Stated};

/// Attributes of the main event, in the order they are shown.
pub const EVENT_ATTRIBUTES: [&str; 9] = [
    "date", "place", "killed", "injured", "arrested", "weapon", "charge", "type", "address",
];

/// The name under which a report credits an attribution: the source where it is named,
/// else the nearest named intermediary, else the unnamed description.
pub fn credited_name(ri: usize, a: &Attribution, res: &Resolution) -> String {
    let name = |s: &corroborate_model::SourceRef| {
        s.mention
            .and_then(|m| res.entity(ri, m))
            .map(|e| res.entities[e].name.clone())
            .unwrap_or_else(|| s.text.clone())
    };
    if a.source.named {
        return name(&a.source);
    }
    a.via
        .iter()
        .rev()
        .find(|v| v.named)
        .map(name)
        .unwrap_or_else(|| a.source.text.clone())
}

fn subject_entity(
    ri: usize,
    r: &AnnotatedReport,
    subject: &Subject,
    res: &Resolution,
) -> Option<usize> {
    match subject {
        Subject::Mention(mi) => res.entity(ri, *mi),
        Subject::Kin(role) => {
            let here = res
                .people_in(ri)
                .into_iter()
                .map(|(e, _)| e)
                .find(|&e| res.entities[e].kin.contains(role));
            here.or_else(|| {
                let all: Vec<usize> = (0..res.entities.len())
                    .filter(|&e| {
                        res.entities[e].kind == MentionKind::Person
                            && res.entities[e].kin.contains(role)
                    })
                    .collect();
                (all.len() == 1).then(|| all[0])
            })
        }
        Subject::Descriptor { gender, .. } => {
            let _ = r;
            res.people_in(ri)
                .into_iter()
                .map(|(e, _)| e)
                .find(|&e| gender.is_none() || res.entities[e].gender == *gender)
        }
        Subject::Event => None,
    }
}

/// The facts of a story.
pub fn facts(reports: &[&AnnotatedReport], res: &Resolution, k: &Knowledge) -> Vec<Fact> {
    // (0, attribute order, attr) for the event; (1 + entity, 0, attr) for entities.
    let mut groups: BTreeMap<(usize, usize, String), Vec<Stated>> = BTreeMap::new();
    for (ri, r) in reports.iter().enumerate() {
        for c in &r.claims {
            let key = match &c.subject {
                Subject::Event => {
                    let order = EVENT_ATTRIBUTES
                        .iter()
                        .position(|a| *a == c.attribute)
                        .unwrap_or(EVENT_ATTRIBUTES.len());
                    (0, order, c.attribute.clone())
                }
                s => match subject_entity(ri, r, s, res) {
                    Some(e) => (1 + e, 0, c.attribute.clone()),
                    None => continue,
                },
            };
            let sources: Vec<String> = r
                .attributions
                .iter()
                .filter(|a| a.sentence == c.sentence)
                .map(|a| credited_name(ri, a, res))
                .collect();
            groups.entry(key).or_default().push(Stated {
                value: c.value.clone(),
                written: r.slice(c.span).to_string(),
                evidence: Evidence {
                    report: r.report.id.clone(),
                    sentence: c.sentence,
                    span: c.span,
                },
                sources,
            });
        }
    }
    groups
        .into_iter()
        .map(|((subject, _, attribute), stated)| {
            let (id, name) = if subject == 0 {
                ("event".to_string(), "the event".to_string())
            } else {
                let e = &res.entities[subject - 1];
                (e.id.clone(), e.name.clone())
            };
            let field = field::build(&attribute, stated, k);
            Fact {
                subject: id,
                subject_name: name,
                attribute,
                field,
            }
        })
        .collect()
}
