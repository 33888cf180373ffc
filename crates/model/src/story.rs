//! Stories: what the reconcile, trace and brief stages make of a group of reports.

use crate::annotation::{AnnotatedReport, MentionKind, Span};
use crate::error::InputError;

/// Where a value was read: a report, a sentence, and the words.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Evidence {
    pub report: String,
    pub sentence: usize,
    pub span: Span,
}

/// One person, organisation or place of a story, with every spelling it is written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// `E1`, `E2`, ... within the story.
    pub id: String,
    pub kind: MentionKind,
    /// The fullest name written, or the knowledge files' canonical name.
    pub name: String,
    /// Every distinct spelling seen, sorted.
    pub variants: Vec<String>,
    pub reports: Vec<String>,
    pub gender: Option<crate::annotation::Gender>,
    /// Kinship roles stated for this person (`mother`, `son`).
    pub kin: Vec<String>,
    /// For known organisations, their class (`outlet`, `monitor`, ...).
    pub class: Option<String>,
    pub mentions: Vec<Evidence>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Two or more reports, all values compatible.
    Agreed,
    /// At least two incompatible values.
    Disputed,
    /// Stated by one report only.
    SingleReport,
    /// Stated by no report (incident fields only).
    Absent,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Agreed => "agreed",
            Status::Disputed => "disputed",
            Status::SingleReport => "single-report",
            Status::Absent => "absent",
        }
    }
}

/// One value of a field with the reports that state it and the sources they credit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    /// Normalised value (`20`, `40-49`, `>=3`, `2016-01-06`, `raqqa`).
    pub value: String,
    /// The value as written, one per distinct wording.
    pub written: Vec<String>,
    pub reports: Vec<String>,
    /// Names of the sources the stating sentences credit.
    pub sources: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// All values of one attribute, and whether they agree. Facts and (later) incident
/// fields share this type, so agreement logic exists once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub status: Status,
    pub values: Vec<Value>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// Entity id, or `event` for the story's main event.
    pub subject: String,
    pub subject_name: String,
    pub attribute: String,
    pub field: Field,
}

impl Field {
    /// A field no report states.
    pub fn absent() -> Self {
        Field {
            status: Status::Absent,
            values: Vec::new(),
        }
    }
}

/// Where an incident happened; every part is a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub address: Field,
    pub city: Field,
    pub region: Field,
    pub country: Field,
}

/// A person in an incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// The entity id in the story.
    pub entity: String,
    pub name: String,
    pub variants: Vec<String>,
    pub age: Field,
    pub gender: Field,
    /// `victim`, `suspect` or `other`.
    pub role: Field,
    /// `killed`, `injured`, `arrested`, `unharmed`.
    pub status: Field,
}

/// An incident record, in the shape monitors keep (GVA, ACLED): what, when, where, how
/// many, who. Its fields share `Field` with facts, so agreement is decided in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    /// `S1-I1`, ...
    pub id: String,
    pub reports: Vec<String>,
    pub kind: Field,
    pub date: Field,
    pub location: Location,
    pub killed: Field,
    pub injured: Field,
    pub arrested: Field,
    pub weapon: Field,
    pub charge: Field,
    pub participants: Vec<Participant>,
}

/// A report crediting a source, possibly through intermediaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub report: String,
    /// The source's name (the entity's name where it resolved to one).
    pub source: String,
    pub source_entity: Option<String>,
    pub named: bool,
    /// Intermediaries between the report and the source, nearest first.
    pub via: Vec<String>,
    /// The sentence in which the credit stands.
    pub quote: String,
    pub evidence: Evidence,
}

/// A source that nobody upstream is credited for, with the reports that rest on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub source: String,
    pub entity: Option<String>,
    pub named: bool,
    /// Unnamed sources the origin itself credits ("local eyewitnesses").
    pub cites_unnamed: Vec<String>,
    pub reports: Vec<String>,
}

/// One sentence of the brief with the reports it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefSentence {
    pub text: String,
    pub reports: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// `S1`, `S2`, ...
    pub id: String,
    pub headline: String,
    pub reports: Vec<String>,
    pub entities: Vec<Entity>,
    pub facts: Vec<Fact>,
    pub incidents: Vec<Incident>,
    pub citations: Vec<Citation>,
    pub origins: Vec<Origin>,
    pub brief: Vec<BriefSentence>,
}

/// The whole result of an analysis run.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Every report read, cleaned and annotated, in input order.
    pub reports: Vec<AnnotatedReport>,
    pub stories: Vec<Story>,
    /// Reports with too little article text left after cleaning to analyse (a page of
    /// furniture only); they are kept in `reports` but belong to no story.
    pub without_article: Vec<String>,
    pub errors: Vec<InputError>,
}
