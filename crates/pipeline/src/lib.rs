//! The pipeline, readable top-down:
//!
//! ```text
//! read -> clean -> annotate -> group -> reconcile -> trace -> brief -> (render, in the CLI)
//! ```
//!
//! Each stage is a function of typed values from the stage before; this file only wires
//! them. Per-report stages run in parallel (rayon); results keep input order, so the same
//! inputs always give the same output.

pub mod ingest;

use std::path::PathBuf;

use corroborate_knowledge::Knowledge;
use corroborate_model::{AnnotatedReport, InputError, Report};
use corroborate_read::ReadOptions;
use rayon::prelude::*;

pub use corroborate_model::Analysis;
pub use corroborate_reconcile::group::{
    GroupOptions, Linkage, DEFAULT_DATE_PENALTY, DEFAULT_THRESHOLD,
};

/// Settings of one run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub read: ReadOptions,
    /// How reports are grouped into stories.
    pub group: GroupOptions,
}

/// Analyses every report under `paths`.
pub fn analyze(paths: &[PathBuf], k: &Knowledge, opts: &Options) -> Analysis {
    let (raw, errors) = corroborate_read::read_inputs(paths, &opts.read); // read
    let reports: Vec<Report> = raw
        .into_par_iter()
        .map(|r| corroborate_read::prepare(r, k))
        .collect(); // clean
    let annotated = annotate_all(reports, k); // annotate
    analyze_annotated(annotated, errors, k, opts)
}

/// Annotates cleaned reports, in parallel, keeping their order.
pub fn annotate_all(reports: Vec<Report>, k: &Knowledge) -> Vec<AnnotatedReport> {
    reports
        .into_par_iter()
        .map(|r| corroborate_annotate::annotate(r, k))
        .collect()
}

/// Groups annotated reports into stories and reconciles each story.
pub fn analyze_annotated(
    annotated: Vec<AnnotatedReport>,
    mut errors: Vec<InputError>,
    k: &Knowledge,
    opts: &Options,
) -> Analysis {
    let (with_text, without): (Vec<usize>, Vec<usize>) =
        (0..annotated.len()).partition(|&i| has_article_text(&annotated[i]));
    let candidates: Vec<&AnnotatedReport> = with_text.iter().map(|&i| &annotated[i]).collect();
    let mut groups: Vec<Vec<usize>> =
        corroborate_reconcile::group::group(&candidates, opts.group, k) // group
            .into_iter()
            .map(|g| g.into_iter().map(|i| with_text[i]).collect())
            .collect();
    // Largest stories first, then by their first report's id: stable story ids.
    for g in &mut groups {
        g.sort_by(|&a, &b| annotated[a].report.id.cmp(&annotated[b].report.id));
    }
    groups.sort_by(|a, b| {
        b.len()
            .cmp(&a.len())
            .then(annotated[a[0]].report.id.cmp(&annotated[b[0]].report.id))
    });
    let stories = groups
        .par_iter()
        .enumerate()
        .map(|(i, g)| {
            let members: Vec<&AnnotatedReport> = g.iter().map(|&r| &annotated[r]).collect();
            corroborate_reconcile::reconcile(format!("S{}", i + 1), &members, k)
            // reconcile, trace, brief
        })
        .collect();
    errors.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    let without_article = without
        .iter()
        .map(|&i| annotated[i].report.id.clone())
        .collect();
    Analysis {
        reports: annotated,
        stories,
        without_article,
        errors,
    }
}

/// Words of article text a report needs to be analysed: fewer is a page of furniture.
pub const MIN_ARTICLE_WORDS: usize = 8;

pub(crate) fn has_article_text(r: &AnnotatedReport) -> bool {
    r.report.text.split_whitespace().count() >= MIN_ARTICLE_WORDS
}
