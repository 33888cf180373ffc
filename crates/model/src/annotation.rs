//! What the annotate stage finds in one report: sentences, mentions, claims, attributions.
//!
//! Every item carries a [`Span`] into its report's `text`, so that every value
//! the later stages derive can be traced back to the words it came from.

use chrono::NaiveDate;

use crate::report::Report;

/// A byte range into a report's `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// One sentence of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// The title or one of the first sentences of the body: where news puts its main event.
    pub lede: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MentionKind {
    Person,
    Org,
    Place,
}

impl MentionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Person => "person",
            MentionKind::Org => "organisation",
            MentionKind::Place => "place",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
        }
    }
}

/// A named person, organisation or place, as written in one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub kind: MentionKind,
    /// The name as written (without descriptors such as "the London-based").
    pub span: Span,
    pub sentence: usize,
    pub text: String,
    /// Gender where a title, kinship word or pronoun states it.
    pub gender: Option<Gender>,
    /// A kinship role stated for this person ("his mother Lena": `mother`).
    pub kin: Option<String>,
    /// For organisations and places the knowledge files know: their canonical name.
    pub canonical: Option<String>,
    /// For known organisations: their class in the knowledge files (`outlet`, `monitor`, `agency`, ...).
    pub class: Option<String>,
    /// A surname-only or title-only mention that resolves to an earlier full name in the same report.
    pub refers_to: Option<usize>,
}

/// Whom a claim is about, before entity resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A named mention (index into the report's mentions).
    Mention(usize),
    /// A person referred to by kinship ("her 20-year-old son": `son`).
    Kin(String),
    /// A person referred to by a generic noun ("the woman").
    Descriptor {
        noun: String,
        gender: Option<Gender>,
    },
    /// The main event the report is about.
    Event,
}

/// A numeric interval: exact numbers, "at least", decades and ranges are all intervals,
/// so that compatibility ("45" and "in her forties") is interval overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quantity {
    pub lo: u32,
    /// `None`: unbounded above ("at least 6").
    pub hi: Option<u32>,
}

impl Quantity {
    pub fn exact(n: u32) -> Self {
        Quantity { lo: n, hi: Some(n) }
    }

    pub fn at_least(n: u32) -> Self {
        Quantity { lo: n, hi: None }
    }

    pub fn range(lo: u32, hi: u32) -> Self {
        Quantity {
            lo: lo.min(hi),
            hi: Some(lo.max(hi)),
        }
    }

    pub fn overlaps(&self, other: &Quantity) -> bool {
        let a_hi = self.hi.unwrap_or(u32::MAX);
        let b_hi = other.hi.unwrap_or(u32::MAX);
        self.lo <= b_hi && other.lo <= a_hi
    }

    /// Normalised form: `3`, `>=3`, `3-5`.
    pub fn normalised(&self) -> String {
        match self.hi {
            Some(hi) if hi == self.lo => self.lo.to_string(),
            Some(hi) => format!("{}-{}", self.lo, hi),
            None => format!(">={}", self.lo),
        }
    }
}

/// A date as written, resolved against the publication date where possible.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateValue {
    pub resolved: Option<NaiveDate>,
    /// The expression as written ("on Wednesday", "29 December").
    pub written: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClaimValue {
    Quantity(Quantity),
    Date(DateValue),
    Text(String),
}

/// One value stated in one sentence about one subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub subject: Subject,
    /// `age`, `killed`, `injured`, `arrested`, `place`, `date`, `weapon`, `charge`, ...
    pub attribute: String,
    pub value: ClaimValue,
    /// The words that state the value.
    pub span: Span,
    pub sentence: usize,
}

/// Who is credited for something: a named mention or an unnamed description ("activists").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub span: Span,
    pub text: String,
    /// The named mention the source is, where it is one.
    pub mention: Option<usize>,
    /// False for unnamed sources ("activists", "local sources", "a resident").
    pub named: bool,
}

/// "According to X, citing Y, ...": who is credited, through whom, for which words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub cue: Span,
    /// The source the credited content comes from.
    pub source: SourceRef,
    /// Intermediaries between the report and the source, nearest the report first.
    pub via: Vec<SourceRef>,
    pub content: Span,
    pub sentence: usize,
}

/// A report with everything the annotate stage found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotatedReport {
    pub report: Report,
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub claims: Vec<Claim>,
    pub attributions: Vec<Attribution>,
}

impl AnnotatedReport {
    /// The text of a span of this report.
    pub fn slice(&self, span: Span) -> &str {
        &self.report.text[span.start..span.end]
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.slice(self.sentences[i].span)
    }
}
