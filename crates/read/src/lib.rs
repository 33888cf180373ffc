//! Read and clean: from paths on disk to cleaned [`Report`]s.
//!
//! [`read_inputs`] walks files and directories, hands each file to the reader for its
//! format, and never fails as a whole: every bad file becomes an [`InputError`] and the
//! others are still read. [`clean::clean`] then drops boilerplate lines and
//! [`metadata::recover_outlet`] fills in the outlet where the input did not name it.
//!
//! A new format (HTML) slots in as one more [`Format`] and one more reader module.

pub mod clean;
pub mod files;
pub mod json;
pub mod metadata;
pub mod text;

use std::path::{Path, PathBuf};

use corroborate_model::{InputError, RawReport};

pub use files::{Limits, DEFAULT_MAX_BYTES};

/// The input formats corroborate reads, by file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.md`: optional front matter, then the headline line, then the body.
    Text,
    /// `.jsonl`, `.ndjson`: one report object per line.
    JsonLines,
    /// `.json`: one report object, or an array of them.
    Json,
}

impl Format {
    /// The format a path's name says it has, if it is one corroborate reads.
    pub fn of(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        if name.ends_with(".txt") || name.ends_with(".md") {
            Some(Format::Text)
        } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            Some(Format::JsonLines)
        } else if name.ends_with(".json") {
            Some(Format::Json)
        } else {
            None
        }
    }
}

/// Reads every report under `paths` (files, and directories recursively, in name order).
///
/// Files named explicitly must have a known format; files of other formats found inside
/// directories are skipped silently (a folder of reports often holds a README or images).
pub fn read_inputs(paths: &[PathBuf], limits: &Limits) -> (Vec<RawReport>, Vec<InputError>) {
    let mut reports = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        for (file, explicit) in files::expand(path, &mut errors) {
            match Format::of(&file) {
                Some(format) => read_file(&file, format, limits, &mut reports, &mut errors),
                None if explicit => errors.push(InputError::new(
                    file.display().to_string(),
                    "unsupported file type (expected .txt, .md, .json, .jsonl or .ndjson)",
                )),
                None => {}
            }
        }
    }
    files::make_ids_unique(&mut reports);
    (reports, errors)
}

fn read_file(
    path: &Path,
    format: Format,
    limits: &Limits,
    reports: &mut Vec<RawReport>,
    errors: &mut Vec<InputError>,
) {
    let text = match files::read_text(path, limits) {
        Ok(t) => t,
        Err(e) => {
            errors.push(e);
            return;
        }
    };
    let display = path.display().to_string();
    match format {
        Format::Text => match text::parse(&display, &files::stem(path), &text) {
            Ok(r) => reports.push(r),
            Err(e) => errors.push(e),
        },
        Format::JsonLines => {
            json::parse_lines(&display, &files::stem(path), &text, reports, errors)
        }
        Format::Json => json::parse_document(&display, &files::stem(path), &text, reports, errors),
    }
}

/// Cleans a raw report and recovers its metadata: the [`Report`] every later stage uses.
/// Its `text` is the title, a blank line, then the kept paragraphs separated by blank lines.
pub fn prepare(raw: RawReport, k: &corroborate_knowledge::Knowledge) -> corroborate_model::Report {
    let mut cleaned = clean::clean(&raw, k);
    let mut title = raw.title.clone();
    // A headline that is itself furniture (a page with no article): the first kept line stands in.
    if let Some(class) = clean::pattern_class(&title, k) {
        cleaned.removed.insert(
            0,
            corroborate_model::RemovedLine {
                text: title,
                reason: class,
            },
        );
        title = if cleaned.kept.is_empty() {
            String::new()
        } else {
            cleaned.kept.remove(0)
        };
    }
    let outlet = metadata::recover_outlet(
        raw.outlet.as_deref(),
        raw.url.as_deref(),
        &cleaned.removed,
        k,
    );
    let mut text = title.clone();
    for p in &cleaned.kept {
        text.push_str("\n\n");
        text.push_str(p);
    }
    corroborate_model::Report {
        id: raw.id,
        path: raw.path,
        title,
        outlet: outlet.as_ref().map(|o| o.0.clone()),
        outlet_source: outlet.map(|o| o.1.to_string()),
        published: raw.published,
        url: raw.url,
        text,
        removed: cleaned.removed,
    }
}
