//! Incident records: the story's main event as monitors record it (type, date, location,
//! counts, weapon, charge) and the people in it (age, gender, role, status), every part a
//! [`Field`] built by the same mechanism as facts.
//!
//! One incident per story: the main event, whose facts the annotators read from lede
//! sentences and from sentences naming the lede's people. Earlier or related incidents
//! that a report mentions in passing are left out rather than merged in; keeping them as
//! separate incidents is future work (see docs/benchmarks.md).

use std::collections::BTreeMap;

use corroborate_knowledge::Knowledge;
use corroborate_model::{
    AnnotatedReport, ClaimValue, Evidence, Fact, Field, Incident, Location, MentionKind,
    Participant, Status, Value,
};

use crate::entities::Resolution;
use crate::field::{self, Stated};

fn fact<'a>(facts: &'a [Fact], subject: &str, attribute: &str) -> Option<&'a Fact> {
    facts
        .iter()
        .find(|f| f.subject == subject && f.attribute == attribute)
}

fn field_of(facts: &[Fact], subject: &str, attribute: &str) -> Field {
    fact(facts, subject, attribute)
        .map(|f| f.field.clone())
        .unwrap_or_else(Field::absent)
}

/// The gazetteer kind of a place name (`city` for names it does not know), and its country.
fn place_kind<'k>(name: &str, k: &'k Knowledge) -> (&'static str, Option<&'k str>) {
    match k.places.lookup(name) {
        Some(i) => (k.places.list[i].kind, k.places.list[i].country.as_deref()),
        None => ("city", None),
    }
}

/// Splits the event's place values into city, region and country; a city or region the
/// gazetteer knows also supports its country.
fn location(facts: &[Fact], k: &Knowledge) -> Location {
    let mut parts: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    if let Some(place) = fact(facts, "event", "place") {
        for v in &place.field.values {
            let (kind, country) = place_kind(&v.value, k);
            let part = match kind {
                "country" => "country",
                "state" | "region" => "region",
                _ => "city",
            };
            parts.entry(part).or_default().push(v.clone());
            if let (Some(c), true) = (country, part != "country") {
                parts.entry("country").or_default().push(Value {
                    value: c.to_string(),
                    ..v.clone()
                });
            }
        }
    }
    // A US city with no region stated: its state from the gazetteer (the only one, else the
    // most populous place of that name), supported by the city's own evidence.
    if !parts.contains_key("region") {
        let inferred: Vec<Value> = parts
            .get("city")
            .into_iter()
            .flatten()
            .filter_map(|v| {
                k.us_places
                    .states(&v.value)
                    .first()
                    .map(|(state, _)| Value {
                        value: state.clone(),
                        ..v.clone()
                    })
            })
            .collect();
        if !inferred.is_empty() {
            let usa: Vec<Value> = inferred
                .iter()
                .map(|v| Value {
                    value: "United States".into(),
                    ..v.clone()
                })
                .collect();
            parts.entry("country").or_default().extend(usa);
            parts.insert("region", inferred);
        }
    }
    let mut take = |part: &str| match parts.remove(part) {
        Some(values) => field::rebuild(part, values, k),
        None => Field::absent(),
    };
    Location {
        address: field_of(facts, "event", "address"),
        city: take("city"),
        region: take("region"),
        country: take("country"),
    }
}

/// An exact count read from a field's most-reported value.
fn exact(f: &Field) -> Option<u32> {
    f.values.first()?.value.parse().ok()
}

/// A count no report states, derived from other fields: one value whose evidence is the
/// evidence of what it was derived from.
fn derived_count(n: u32, evidence: Vec<Value>, k: &Knowledge, attribute: &str) -> Field {
    let mut v = Value {
        value: n.to_string(),
        written: Vec::new(),
        reports: Vec::new(),
        sources: Vec::new(),
        evidence: Vec::new(),
    };
    for e in evidence {
        v.written.extend(e.written);
        v.reports.extend(e.reports);
        v.sources.extend(e.sources);
        v.evidence.extend(e.evidence);
    }
    field::rebuild(attribute, vec![v], k)
}

/// Killed and injured: as stated; else injured = shot − killed ("4 shot, 1 killed"); else
/// the number of named participants with that status.
fn counts(facts: &[Fact], participants: &[Participant], k: &Knowledge) -> (Field, Field) {
    let mut killed = field_of(facts, "event", "killed");
    let mut injured = field_of(facts, "event", "injured");
    let by_status = |status: &str| -> Vec<Value> {
        participants
            .iter()
            .filter(|p| p.status.values.first().is_some_and(|v| v.value == status))
            .map(|p| p.status.values[0].clone())
            .collect()
    };
    if killed.status == Status::Absent {
        let dead = by_status("killed");
        if !dead.is_empty() {
            killed = derived_count(dead.len() as u32, dead, k, "killed");
        }
    }
    if injured.status == Status::Absent {
        let shot = field_of(facts, "event", "shot");
        if let (Some(n), Some(first)) = (exact(&shot), shot.values.first()) {
            let dead = exact(&killed).unwrap_or(0);
            injured = derived_count(n.saturating_sub(dead), vec![first.clone()], k, "injured");
        } else {
            let hurt = by_status("injured");
            if !hurt.is_empty() {
                injured = derived_count(hurt.len() as u32, hurt, k, "injured");
            }
        }
    }
    (killed, injured)
}

/// Only resolved dates belong in an incident's date (`YYYY-MM-DD`).
fn resolved_dates(mut f: Field, k: &Knowledge) -> Field {
    let before = f.values.len();
    f.values
        .retain(|v| chrono::NaiveDate::parse_from_str(&v.value, "%Y-%m-%d").is_ok());
    if f.values.is_empty() {
        return Field::absent();
    }
    if f.values.len() != before {
        f = field::rebuild("date", f.values, k);
    }
    f
}

/// Gender of an entity as each report states it (title, kinship word, pronoun).
fn gender_field(
    entity: usize,
    reports: &[&AnnotatedReport],
    res: &Resolution,
    k: &Knowledge,
) -> Field {
    let mut stated = Vec::new();
    for (ri, r) in reports.iter().enumerate() {
        for (mi, m) in r.mentions.iter().enumerate() {
            if let (Some(g), Some(e)) = (m.gender, res.entity(ri, mi)) {
                if e == entity {
                    stated.push(Stated {
                        value: ClaimValue::Text(g.as_str().to_string()),
                        written: m.text.clone(),
                        evidence: Evidence {
                            report: r.report.id.clone(),
                            sentence: m.sentence,
                            span: m.span,
                        },
                        sources: Vec::new(),
                    });
                }
            }
        }
    }
    if stated.is_empty() {
        Field::absent()
    } else {
        field::build("gender", stated, k)
    }
}

/// The incident records of a story.
pub fn incidents(
    story_id: &str,
    reports: &[&AnnotatedReport],
    res: &Resolution,
    facts: &[Fact],
    k: &Knowledge,
) -> Vec<Incident> {
    let participants = res
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == MentionKind::Person)
        // People with a role or status in the event, or whose age is given (reports state
        // the ages of victims and suspects, rarely of officials or witnesses).
        .filter(|(_, e)| {
            ["role", "status", "age"]
                .iter()
                .any(|a| fact(facts, &e.id, a).is_some())
        })
        .map(|(i, e)| Participant {
            entity: e.id.clone(),
            name: e.name.clone(),
            variants: e.variants.clone(),
            age: field_of(facts, &e.id, "age"),
            gender: gender_field(i, reports, res, k),
            role: field_of(facts, &e.id, "role"),
            status: field_of(facts, &e.id, "status"),
        })
        .collect::<Vec<_>>();
    let (killed, injured) = counts(facts, &participants, k);
    let incident = Incident {
        id: format!("{story_id}-I1"),
        reports: reports.iter().map(|r| r.report.id.clone()).collect(),
        kind: field_of(facts, "event", "type"),
        date: resolved_dates(field_of(facts, "event", "date"), k),
        location: location(facts, k),
        killed,
        injured,
        arrested: field_of(facts, "event", "arrested"),
        weapon: field_of(facts, "event", "weapon"),
        charge: field_of(facts, "event", "charge"),
        participants,
    };
    vec![incident]
}

/// Whether any field of an incident is disputed, and which.
pub fn disputed_fields(i: &Incident) -> Vec<String> {
    let mut out = Vec::new();
    let top = [
        ("type", &i.kind),
        ("date", &i.date),
        ("address", &i.location.address),
        ("city", &i.location.city),
        ("region", &i.location.region),
        ("country", &i.location.country),
        ("killed", &i.killed),
        ("injured", &i.injured),
        ("arrested", &i.arrested),
        ("weapon", &i.weapon),
        ("charge", &i.charge),
    ];
    for (name, f) in top {
        if f.status == Status::Disputed {
            out.push(name.to_string());
        }
    }
    for p in &i.participants {
        for (name, f) in [
            ("age", &p.age),
            ("gender", &p.gender),
            ("role", &p.role),
            ("status", &p.status),
        ] {
            if f.status == Status::Disputed {
                out.push(format!("{} {name}", p.name));
            }
        }
    }
    out
}
