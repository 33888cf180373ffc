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
pub mod html;
pub mod json;
pub mod metadata;
pub mod page_meta;
pub mod text;

use std::path::{Path, PathBuf};

use corroborate_model::{InputError, RawReport};

pub use files::{ReadOptions, DEFAULT_MAX_BYTES};

/// The input formats corroborate reads, by file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.md`: optional front matter, then the headline line, then the body.
    Text,
    /// `.jsonl`, `.ndjson`: one report object per line.
    JsonLines,
    /// `.json`: one report object, or an array of them.
    Json,
    /// `.html`, `.htm`, `.xhtml`, and the same gzip-compressed (`.html.gz`).
    Html { gzip: bool },
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
        } else if [".html", ".htm", ".xhtml"]
            .iter()
            .any(|e| name.ends_with(e))
        {
            Some(Format::Html { gzip: false })
        } else if [".html.gz", ".htm.gz", ".xhtml.gz"]
            .iter()
            .any(|e| name.ends_with(e))
        {
            Some(Format::Html { gzip: true })
        } else {
            None
        }
    }
}

/// Reads every report under `paths` (files, and directories recursively, in name order).
///
/// Files named explicitly must have a known format; files of other formats found inside
/// directories are skipped silently (a folder of reports often holds a README or images).
pub fn read_inputs(paths: &[PathBuf], limits: &ReadOptions) -> (Vec<RawReport>, Vec<InputError>) {
    let mut reports = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        for (file, explicit) in files::expand(path, &mut errors) {
            match Format::of(&file) {
                Some(format) => read_file(&file, format, limits, &mut reports, &mut errors),
                None if explicit => errors.push(InputError::new(
                    file.display().to_string(),
                    "unsupported file type (expected .txt, .md, .json, .jsonl, .ndjson, .html, .htm or .html.gz)",
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
    limits: &ReadOptions,
    reports: &mut Vec<RawReport>,
    errors: &mut Vec<InputError>,
) {
    let display = path.display().to_string();
    let stem = files::stem(path);
    if let Format::Html { gzip } = format {
        let parsed = files::read_bytes(path, limits, gzip)
            .and_then(|bytes| html::parse(&display, &stem, &bytes, limits.extractor));
        match parsed {
            Ok(r) => reports.push(r),
            Err(e) => errors.push(e),
        }
        return;
    }
    let text = match files::read_text(path, limits) {
        Ok(t) => t,
        Err(e) => {
            errors.push(e);
            return;
        }
    };
    let ctx = json::Ctx {
        path: &display,
        stem: &stem,
        extractor: limits.extractor,
    };
    match format {
        Format::Text => match text::parse(&display, &stem, &text) {
            Ok(r) => reports.push(r),
            Err(e) => errors.push(e),
        },
        Format::JsonLines => json::parse_lines(&ctx, &text, reports, errors),
        Format::Json => json::parse_document(&ctx, &text, reports, errors),
        Format::Html { .. } => {}
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
    )
    // A page's own metadata says which tag the outlet came from.
    .map(|(name, src)| (name, raw.meta.source("outlet").unwrap_or(src).to_string()));
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
        outlet_source: outlet.map(|o| o.1),
        published: raw.published,
        url: raw.url,
        text,
        removed: cleaned.removed,
        meta: raw.meta,
    }
}
