//! The JSON document: `docs/report-schema.md` describes every field. Offsets are character
//! offsets into the report's `text`.

use std::collections::HashMap;

use corroborate_model::{Analysis, AnnotatedReport, Evidence, Field, Span};
use serde::Serialize;
use serde_json::Value;

use crate::offsets::CharOffsets;

/// Bumped when a field is removed or changes meaning; adding fields keeps the major version.
pub const SCHEMA_VERSION: &str = "1.0";

#[derive(Serialize)]
struct Doc<'a> {
    schema_version: &'a str,
    generator: String,
    reports: Vec<ReportOut<'a>>,
    stories: Vec<StoryOut<'a>>,
    reports_without_article_text: &'a [String],
    errors: Vec<ErrorOut<'a>>,
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    path: &'a str,
    line: Option<usize>,
    reason: &'a str,
}

#[derive(Serialize)]
struct ReportOut<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    outlet: Option<&'a str>,
    outlet_source: Option<&'a str>,
    published: Option<String>,
    url: Option<&'a str>,
    canonical_url: Option<&'a str>,
    authors: &'a [String],
    language: Option<&'a str>,
    /// field -> where its value came from.
    metadata_sources: std::collections::BTreeMap<&'a str, &'a str>,
    text: &'a str,
    boilerplate_removed: Vec<&'a str>,
    boilerplate: Vec<RemovedOut<'a>>,
    sentences: Vec<SpanOut>,
    mentions: Vec<MentionOut<'a>>,
    attributions: Vec<AttributionOut<'a>>,
}

#[derive(Serialize)]
struct RemovedOut<'a> {
    text: &'a str,
    reason: &'a str,
}

#[derive(Serialize, Clone, Copy)]
struct SpanOut {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    kind: &'a str,
    text: &'a str,
    sentence: usize,
    start: usize,
    end: usize,
    gender: Option<&'a str>,
    kin: Option<&'a str>,
    canonical: Option<&'a str>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    text: &'a str,
    named: bool,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct AttributionOut<'a> {
    sentence: usize,
    cue: SpanOut,
    source: SourceOut<'a>,
    via: Vec<SourceOut<'a>>,
    content: SpanOut,
}

#[derive(Serialize)]
struct EvidenceOut<'a> {
    report: &'a str,
    sentence: usize,
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct StoryOut<'a> {
    id: &'a str,
    headline: &'a str,
    reports: &'a [String],
    brief: Vec<BriefOut<'a>>,
    entities: Vec<EntityOut<'a>>,
    facts: Vec<FactOut<'a>>,
    incidents: Vec<IncidentOut<'a>>,
    citations: Vec<CitationOut<'a>>,
    origins: Vec<OriginOut<'a>>,
}

#[derive(Serialize)]
struct BriefOut<'a> {
    text: &'a str,
    reports: &'a [String],
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    kind: &'a str,
    name: &'a str,
    variants: &'a [String],
    reports: &'a [String],
    gender: Option<&'a str>,
    kin: &'a [String],
    class: Option<&'a str>,
    mentions: Vec<EvidenceOut<'a>>,
}

#[derive(Serialize)]
struct FactOut<'a> {
    subject: &'a str,
    subject_name: &'a str,
    attribute: &'a str,
    status: &'a str,
    values: Vec<ValueOut<'a>>,
}

/// A field: `{status, values}`, the same shape as a fact's.
#[derive(Serialize)]
struct FieldOut<'a> {
    status: &'static str,
    values: Vec<ValueOut<'a>>,
}

#[derive(Serialize)]
struct LocationOut<'a> {
    address: FieldOut<'a>,
    city: FieldOut<'a>,
    region: FieldOut<'a>,
    country: FieldOut<'a>,
}

#[derive(Serialize)]
struct ParticipantOut<'a> {
    entity: &'a str,
    name: &'a str,
    variants: &'a [String],
    age: FieldOut<'a>,
    gender: FieldOut<'a>,
    role: FieldOut<'a>,
    status: FieldOut<'a>,
}

#[derive(Serialize)]
struct IncidentOut<'a> {
    id: &'a str,
    reports: &'a [String],
    #[serde(rename = "type")]
    kind: FieldOut<'a>,
    date: FieldOut<'a>,
    location: LocationOut<'a>,
    killed: FieldOut<'a>,
    injured: FieldOut<'a>,
    arrested: FieldOut<'a>,
    weapon: FieldOut<'a>,
    charge: FieldOut<'a>,
    participants: Vec<ParticipantOut<'a>>,
}

#[derive(Serialize)]
struct ValueOut<'a> {
    value: &'a str,
    written: &'a [String],
    reports: &'a [String],
    sources: &'a [String],
    evidence: Vec<EvidenceOut<'a>>,
}

#[derive(Serialize)]
struct CitationOut<'a> {
    report: &'a str,
    source: &'a str,
    source_entity: Option<&'a str>,
    named: bool,
    via: &'a [String],
    quote: &'a str,
    cue: EvidenceOut<'a>,
}

#[derive(Serialize)]
struct OriginOut<'a> {
    source: &'a str,
    entity: Option<&'a str>,
    named: bool,
    cites_unnamed: &'a [String],
    reports: &'a [String],
}

struct Ctx<'a> {
    reports: HashMap<&'a str, (&'a AnnotatedReport, CharOffsets)>,
}

impl<'a> Ctx<'a> {
    fn span(&self, report: &str, s: Span) -> SpanOut {
        match self.reports.get(report) {
            Some((_, o)) => SpanOut {
                start: o.char_at(s.start),
                end: o.char_at(s.end),
            },
            None => SpanOut {
                start: s.start,
                end: s.end,
            },
        }
    }

    fn evidence(&self, e: &'a Evidence) -> EvidenceOut<'a> {
        let sp = self.span(&e.report, e.span);
        let text = self
            .reports
            .get(e.report.as_str())
            .map(|(r, _)| r.slice(e.span))
            .unwrap_or("");
        EvidenceOut {
            report: &e.report,
            sentence: e.sentence,
            start: sp.start,
            end: sp.end,
            text,
        }
    }
}

fn field<'a>(f: &'a Field, ctx: &Ctx<'a>) -> FieldOut<'a> {
    let (status, values) = field_out(f, ctx);
    FieldOut { status, values }
}

fn incident_out<'a>(i: &'a corroborate_model::Incident, ctx: &Ctx<'a>) -> IncidentOut<'a> {
    IncidentOut {
        id: &i.id,
        reports: &i.reports,
        kind: field(&i.kind, ctx),
        date: field(&i.date, ctx),
        location: LocationOut {
            address: field(&i.location.address, ctx),
            city: field(&i.location.city, ctx),
            region: field(&i.location.region, ctx),
            country: field(&i.location.country, ctx),
        },
        killed: field(&i.killed, ctx),
        injured: field(&i.injured, ctx),
        arrested: field(&i.arrested, ctx),
        weapon: field(&i.weapon, ctx),
        charge: field(&i.charge, ctx),
        participants: i
            .participants
            .iter()
            .map(|p| ParticipantOut {
                entity: &p.entity,
                name: &p.name,
                variants: &p.variants,
                age: field(&p.age, ctx),
                gender: field(&p.gender, ctx),
                role: field(&p.role, ctx),
                status: field(&p.status, ctx),
            })
            .collect(),
    }
}

fn field_out<'a>(f: &'a Field, ctx: &Ctx<'a>) -> (&'static str, Vec<ValueOut<'a>>) {
    let values = f
        .values
        .iter()
        .map(|v| ValueOut {
            value: &v.value,
            written: &v.written,
            reports: &v.reports,
            sources: &v.sources,
            evidence: v.evidence.iter().map(|e| ctx.evidence(e)).collect(),
        })
        .collect();
    (f.status.as_str(), values)
}

/// The analysis as one JSON document.
pub fn document(a: &Analysis) -> Value {
    let ctx = Ctx {
        reports: a
            .reports
            .iter()
            .map(|r| (r.report.id.as_str(), (r, CharOffsets::new(&r.report.text))))
            .collect(),
    };
    let reports = a
        .reports
        .iter()
        .map(|ar| {
            let r = &ar.report;
            let id = r.id.as_str();
            let src = |s: &'_ corroborate_model::SourceRef| {
                let sp = ctx.span(id, s.span);
                (sp.start, sp.end)
            };
            ReportOut {
                id,
                path: &r.path,
                title: &r.title,
                outlet: r.outlet.as_deref(),
                outlet_source: r.outlet_source.as_deref(),
                published: r.published.map(|d| d.to_string()),
                url: r.url.as_deref(),
                canonical_url: r.meta.canonical_url.as_deref(),
                authors: &r.meta.authors,
                language: r.meta.language.as_deref(),
                metadata_sources: r
                    .meta
                    .sources
                    .iter()
                    .map(|(f, s)| (f.as_str(), s.as_str()))
                    .collect(),
                text: &r.text,
                boilerplate_removed: r.removed.iter().map(|l| l.text.as_str()).collect(),
                boilerplate: r
                    .removed
                    .iter()
                    .map(|l| RemovedOut {
                        text: &l.text,
                        reason: &l.reason,
                    })
                    .collect(),
                sentences: ar.sentences.iter().map(|s| ctx.span(id, s.span)).collect(),
                mentions: ar
                    .mentions
                    .iter()
                    .map(|m| {
                        let sp = ctx.span(id, m.span);
                        MentionOut {
                            kind: m.kind.as_str(),
                            text: &m.text,
                            sentence: m.sentence,
                            start: sp.start,
                            end: sp.end,
                            gender: m.gender.map(|g| g.as_str()),
                            kin: m.kin.as_deref(),
                            canonical: m.canonical.as_deref(),
                        }
                    })
                    .collect(),
                attributions: ar
                    .attributions
                    .iter()
                    .map(|at| {
                        let s = src(&at.source);
                        AttributionOut {
                            sentence: at.sentence,
                            cue: ctx.span(id, at.cue),
                            source: SourceOut {
                                text: &at.source.text,
                                named: at.source.named,
                                start: s.0,
                                end: s.1,
                            },
                            via: at
                                .via
                                .iter()
                                .map(|v| {
                                    let s = src(v);
                                    SourceOut {
                                        text: &v.text,
                                        named: v.named,
                                        start: s.0,
                                        end: s.1,
                                    }
                                })
                                .collect(),
                            content: ctx.span(id, at.content),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let stories = a
        .stories
        .iter()
        .map(|s| StoryOut {
            id: &s.id,
            headline: &s.headline,
            reports: &s.reports,
            brief: s
                .brief
                .iter()
                .map(|b| BriefOut {
                    text: &b.text,
                    reports: &b.reports,
                })
                .collect(),
            entities: s
                .entities
                .iter()
                .map(|e| EntityOut {
                    id: &e.id,
                    kind: e.kind.as_str(),
                    name: &e.name,
                    variants: &e.variants,
                    reports: &e.reports,
                    gender: e.gender.map(|g| g.as_str()),
                    kin: &e.kin,
                    class: e.class.as_deref(),
                    mentions: e.mentions.iter().map(|m| ctx.evidence(m)).collect(),
                })
                .collect(),
            facts: s
                .facts
                .iter()
                .map(|f| {
                    let (status, values) = field_out(&f.field, &ctx);
                    FactOut {
                        subject: &f.subject,
                        subject_name: &f.subject_name,
                        attribute: &f.attribute,
                        status,
                        values,
                    }
                })
                .collect(),
            incidents: s.incidents.iter().map(|i| incident_out(i, &ctx)).collect(),
            citations: s
                .citations
                .iter()
                .map(|c| CitationOut {
                    report: &c.report,
                    source: &c.source,
                    source_entity: c.source_entity.as_deref(),
                    named: c.named,
                    via: &c.via,
                    quote: &c.quote,
                    cue: ctx.evidence(&c.evidence),
                })
                .collect(),
            origins: s
                .origins
                .iter()
                .map(|o| OriginOut {
                    source: &o.source,
                    entity: o.entity.as_deref(),
                    named: o.named,
                    cites_unnamed: &o.cites_unnamed,
                    reports: &o.reports,
                })
                .collect(),
        })
        .collect();
    let doc = Doc {
        schema_version: SCHEMA_VERSION,
        generator: format!("corroborate {}", env!("CARGO_PKG_VERSION")),
        reports,
        stories,
        reports_without_article_text: &a.without_article,
        errors: a
            .errors
            .iter()
            .map(|e| ErrorOut {
                path: &e.path,
                line: e.line,
                reason: &e.reason,
            })
            .collect(),
    };
    serde_json::to_value(doc).unwrap_or(Value::Null)
}
