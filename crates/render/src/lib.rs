//! Render: the only layer that knows output formats. JSON ([`json`]) is the documented
//! contract (`docs/report-schema.md`); Markdown ([`markdown`]), terminal text
//! ([`terminal`]) and the CSV export ([`csv`]) are built from the same JSON document, so
//! they can never disagree.

mod access;
pub mod csv;
pub mod json;
pub mod markdown;
pub mod offsets;
pub mod terminal;

pub use access::incident_fields;
pub use json::{document, SCHEMA_VERSION};
