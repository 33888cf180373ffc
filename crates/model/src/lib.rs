//! The plain data types that flow between corroborate's pipeline stages.
//!
//! Nothing here knows about files, output formats or heuristics: a stage takes
//! values of these types and returns values of these types. Offsets are byte
//! offsets into [`Report::text`]; the render layer converts them to character
//! offsets for output.

pub mod annotation;
pub mod error;
pub mod report;
pub mod story;

pub use annotation::*;
pub use error::InputError;
pub use report::{RawReport, RemovedLine, Report, ReportMeta};
pub use story::*;
