//! Render: the only layer that knows output formats. JSON ([`json`]) is the documented
//! contract (`docs/report-schema.md`); Markdown ([`markdown`]) and terminal text
//! ([`terminal`]) are for people and are built from the same JSON document, so the three
//! can never disagree.

mod access;
pub mod json;
pub mod markdown;
pub mod offsets;
pub mod terminal;

pub use json::{document, SCHEMA_VERSION};
