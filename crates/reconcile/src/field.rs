//! The one place agreement is decided: every value stated for one attribute of one
//! subject, grouped by normalised value, with the reports and sources behind each, and
//! a status (`agreed`, `disputed`, `single-report`). Facts and (later) incident fields
//! both go through [`build`].
//!
//! Compatible values are not disputes: intervals that overlap ("45" and "in her
//! forties", "at least 6" and "7"), a date and the weekday it falls on, a city and the
//! country it is in.

use std::collections::BTreeMap;

use chrono::Datelike;
use corroborate_knowledge::Knowledge;
use corroborate_model::{ClaimValue, Evidence, Field, Status, Value};

/// One statement of a value, before grouping.
#[derive(Debug, Clone)]
pub struct Stated {
    pub value: ClaimValue,
    /// The value as written in the report.
    pub written: String,
    pub evidence: Evidence,
    pub sources: Vec<String>,
}

/// The normalised form of a value (values are grouped by it, ignoring case).
pub fn normalise(v: &ClaimValue) -> String {
    match v {
        ClaimValue::Quantity(q) => q.normalised(),
        ClaimValue::Date(d) => match d.resolved {
            Some(r) => r.to_string(),
            None => d.written.clone(),
        },
        ClaimValue::Text(t) => t.clone(),
    }
}

/// Attributes whose values can all be true at once (an incident is a shooting and a killing).
const NEVER_DISPUTED: [&str; 1] = ["type"];

/// Whether two values of `attribute` can both be true.
pub fn compatible(attribute: &str, a: &ClaimValue, b: &ClaimValue, k: &Knowledge) -> bool {
    if NEVER_DISPUTED.contains(&attribute) {
        return true;
    }
    match (a, b) {
        (ClaimValue::Quantity(x), ClaimValue::Quantity(y)) => x.overlaps(y),
        (ClaimValue::Date(x), ClaimValue::Date(y)) => match (x.resolved, y.resolved) {
            (Some(p), Some(q)) => p == q,
            (Some(p), None) | (None, Some(p)) => {
                let written = if x.resolved.is_none() {
                    &x.written
                } else {
                    &y.written
                };
                let wd = format!("{:?}", p.weekday()).to_lowercase();
                written.to_lowercase().starts_with(&wd[..3]) || !is_weekday(written)
            }
            (None, None) => x.written.eq_ignore_ascii_case(&y.written),
        },
        (ClaimValue::Text(x), ClaimValue::Text(y)) => {
            x.eq_ignore_ascii_case(y) || place_within(x, y, k) || place_within(y, x, k)
        }
        _ => false,
    }
}

fn is_weekday(s: &str) -> bool {
    let l = s.to_lowercase();
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .any(|d| l.contains(d))
}

/// `inner` is a place in the gazetteer whose country is `outer`.
fn place_within(inner: &str, outer: &str, k: &Knowledge) -> bool {
    let Some(i) = k.places.lookup(inner) else {
        return false;
    };
    let Some(o) = k.places.lookup(outer) else {
        return false;
    };
    k.places.list[i].country.as_deref() == Some(k.places.list[o].name.as_str())
}

/// Groups statements of `attribute` into a field and decides its status.
pub fn build(attribute: &str, stated: Vec<Stated>, k: &Knowledge) -> Field {
    let mut groups: BTreeMap<String, (ClaimValue, Value)> = BTreeMap::new();
    for s in stated {
        let shown = normalise(&s.value);
        let entry = groups.entry(shown.to_lowercase()).or_insert_with(|| {
            (
                s.value.clone(),
                Value {
                    value: shown,
                    written: vec![],
                    reports: vec![],
                    sources: vec![],
                    evidence: vec![],
                },
            )
        });
        let v = &mut entry.1;
        push_unique(&mut v.written, s.written);
        push_unique(&mut v.reports, s.evidence.report.clone());
        for src in s.sources {
            push_unique(&mut v.sources, src);
        }
        if !v.evidence.contains(&s.evidence) {
            v.evidence.push(s.evidence);
        }
    }
    let mut entries: Vec<(ClaimValue, Value)> = groups.into_values().collect();
    for (_, v) in &mut entries {
        v.reports.sort();
        v.sources.sort();
        v.written.sort();
        v.evidence.sort();
    }
    let mut reports: Vec<&String> = entries.iter().flat_map(|(_, v)| &v.reports).collect();
    reports.sort();
    reports.dedup();
    let disputed = entries.iter().enumerate().any(|(i, (a, _))| {
        entries[i + 1..]
            .iter()
            .any(|(b, _)| !compatible(attribute, a, b, k))
    });
    let status = if reports.len() < 2 {
        Status::SingleReport
    } else if disputed {
        Status::Disputed
    } else {
        Status::Agreed
    };
    entries.sort_by(|a, b| {
        b.1.reports
            .len()
            .cmp(&a.1.reports.len())
            .then(a.1.value.cmp(&b.1.value))
    });
    Field {
        status,
        values: entries.into_iter().map(|(_, v)| v).collect(),
    }
}

/// A field from values already grouped (their `value` read as text), with its status
/// decided again: used to split one field's values into several (a place into city,
/// region and country).
pub fn rebuild(attribute: &str, values: Vec<Value>, k: &Knowledge) -> Field {
    let stated = values
        .into_iter()
        .flat_map(|v| {
            let value = ClaimValue::Text(v.value.clone());
            let written = v
                .written
                .first()
                .cloned()
                .unwrap_or_else(|| v.value.clone());
            let sources = v.sources.clone();
            v.evidence.into_iter().map(move |e| Stated {
                value: value.clone(),
                written: written.clone(),
                evidence: e,
                sources: sources.clone(),
            })
        })
        .collect();
    build(attribute, stated, k)
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::{DateValue, Quantity, Span};

    fn stated(v: ClaimValue, report: &str) -> Stated {
        Stated {
            value: v,
            written: "w".into(),
            evidence: Evidence {
                report: report.into(),
                sentence: 0,
                span: Span::new(0, 1),
            },
            sources: vec![],
        }
    }

    #[test]
    fn incompatible_values_from_two_reports_are_disputed() {
        let k = Knowledge::builtin().unwrap();
        let f = build(
            "test",
            vec![
                stated(ClaimValue::Quantity(Quantity::exact(20)), "a"),
                stated(ClaimValue::Quantity(Quantity::exact(20)), "b"),
                stated(ClaimValue::Quantity(Quantity::exact(21)), "c"),
            ],
            &k,
        );
        assert_eq!(f.status, Status::Disputed);
        assert_eq!(f.values[0].value, "20");
        assert_eq!(f.values[0].reports, ["a", "b"]);
    }

    #[test]
    fn compatible_values_agree() {
        let k = Knowledge::builtin().unwrap();
        let f = build(
            "test",
            vec![
                stated(ClaimValue::Quantity(Quantity::exact(45)), "a"),
                stated(ClaimValue::Quantity(Quantity::range(40, 49)), "b"),
            ],
            &k,
        );
        assert_eq!(f.status, Status::Agreed);
        let f = build(
            "test",
            vec![
                stated(ClaimValue::Text("Raqqa".into()), "a"),
                stated(ClaimValue::Text("Syria".into()), "b"),
            ],
            &k,
        );
        assert_eq!(f.status, Status::Agreed);
        let wed = chrono::NaiveDate::from_ymd_opt(2024, 3, 6).unwrap();
        let f = build(
            "test",
            vec![
                stated(
                    ClaimValue::Date(DateValue {
                        resolved: Some(wed),
                        written: "on Wednesday".into(),
                    }),
                    "a",
                ),
                stated(
                    ClaimValue::Date(DateValue {
                        resolved: None,
                        written: "Wednesday".into(),
                    }),
                    "b",
                ),
            ],
            &k,
        );
        assert_eq!(f.status, Status::Agreed);
    }

    #[test]
    fn one_report_is_single_report_even_with_two_values() {
        let k = Knowledge::builtin().unwrap();
        let f = build(
            "test",
            vec![
                stated(ClaimValue::Quantity(Quantity::exact(3)), "a"),
                stated(ClaimValue::Quantity(Quantity::exact(4)), "a"),
            ],
            &k,
        );
        assert_eq!(f.status, Status::SingleReport);
    }
}
