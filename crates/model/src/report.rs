//! Reports: as read from an input ([`RawReport`]) and after cleaning ([`Report`]).

use chrono::NaiveDate;

/// Metadata beyond the basic fields, and where each field came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportMeta {
    pub authors: Vec<String>,
    /// BCP 47 language tag as the page states it (`en`, `en-GB`).
    pub language: Option<String>,
    /// The page's own canonical address, where it names one.
    pub canonical_url: Option<String>,
    /// (field, where it came from): `("published", "json-ld datePublished")`.
    pub sources: Vec<(String, String)>,
}

impl ReportMeta {
    /// Where `field` came from, if recorded.
    pub fn source(&self, field: &str) -> Option<&str> {
        self.sources
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, s)| s.as_str())
    }
}

/// A report as a reader produced it, before boilerplate is removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawReport {
    /// Stable id: the file stem, or the JSON `id`.
    pub id: String,
    /// Where it was read from (for JSONL: `file:line`).
    pub path: String,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    /// The body as read, one paragraph or line per line.
    pub body: String,
    pub meta: ReportMeta,
}

/// One line that the cleaner removed, verbatim, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedLine {
    pub text: String,
    /// The rule that removed it (a pattern class such as `newsletter`, or a cue such as `repeated`).
    pub reason: String,
}

/// A cleaned report: the unit that every later stage works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub id: String,
    pub path: String,
    pub title: String,
    pub outlet: Option<String>,
    /// Where the outlet name came from: `metadata` or `boilerplate` (named in a removed line).
    pub outlet_source: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    /// The text the analysis used: the title as the first line, a blank line, then the cleaned body.
    /// Every span in the analysis indexes into this string.
    pub text: String,
    /// Lines removed as boilerplate, in the order they stood.
    pub removed: Vec<RemovedLine>,
    pub meta: ReportMeta,
}
