//! Incremental ingest into the store: each new report is read, cleaned and annotated,
//! compared with the stored stories by the same grouper `analyze` uses, and committed in
//! one transaction together with the new record of the one story it touched (that story
//! alone is reconciled again).
//!
//! The grouper's state is rebuilt from the stored grouping terms when an ingest starts (no
//! report is annotated again for it). Reports arrive in input order, so a corpus ingested
//! one report at a time can group differently from `analyze`, which orders by date; a
//! story's record, given its reports, is the same.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::Datelike;
use corroborate_knowledge::Knowledge;
use corroborate_model::{Analysis, AnnotatedReport, InputError, RawReport};
use corroborate_reconcile::group::{report_terms, Grouper};
use corroborate_reconcile::similarity::Vectoriser;
use corroborate_store::{content_hash, NewReport, Store, StoreError};

use crate::{has_article_text, Options};

/// What an ingest did.
#[derive(Debug, Default)]
pub struct Summary {
    pub added: usize,
    pub duplicates: usize,
    pub failed: Vec<InputError>,
    /// Stories opened or changed.
    pub touched: Vec<String>,
}

/// The stored state an ingest extends.
struct State<'k> {
    vz: Vectoriser<'k>,
    grouper: Grouper,
    stories: Vec<String>,
    next_story: usize,
    items: usize,
}

fn day(r: &RawReport) -> Option<i32> {
    r.published.map(|d| d.num_days_from_ce())
}

fn rebuild<'k>(store: &Store, k: &'k Knowledge, opts: &Options) -> Result<State<'k>, StoreError> {
    let rows = store.grouping_rows()?;
    let mut vz = Vectoriser::new(k);
    let counted: Vec<_> = rows.iter().map(|r| vz.intern(&r.terms)).collect();
    for c in &counted {
        vz.observe(c);
    }
    let mut grouper = Grouper::new(opts.group.threshold);
    grouper.linkage = opts.group.linkage;
    grouper.date_penalty = opts.group.date_penalty;
    // A story is stored in the transaction of its first report, so stories first appear in
    // report order, and group i is the i-th story to appear.
    let mut stories: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, (row, c)) in rows.iter().zip(&counted).enumerate() {
        let Some(story) = row.story.as_deref() else {
            continue;
        };
        let g = *index.entry(story.to_string()).or_insert_with(|| {
            stories.push(story.to_string());
            stories.len() - 1
        });
        grouper.insert(i, &vz.weigh(c), row.day, g);
    }
    let next_story = stories
        .iter()
        .filter_map(|s| s.strip_prefix('S')?.parse::<usize>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    Ok(State {
        vz,
        grouper,
        stories,
        next_story,
        items: rows.len(),
    })
}

/// Reads `paths` and adds every report not yet stored. `progress(done, total)` is called
/// after each report.
pub fn ingest(
    store: &mut Store,
    paths: &[PathBuf],
    k: &Knowledge,
    opts: &Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Summary, StoreError> {
    let (raws, errors) = corroborate_read::read_inputs(paths, &opts.read);
    let mut summary = Summary {
        failed: errors,
        ..Default::default()
    };
    let mut st = rebuild(store, k, opts)?;
    let total = raws.len();
    for (done, mut raw) in raws.into_iter().enumerate() {
        let hash = content_hash(&raw);
        if store.contains_hash(&hash)? {
            summary.duplicates += 1;
            progress(done + 1, total);
            continue;
        }
        raw.id = store.free_id(&raw.id)?;
        let annotated =
            corroborate_annotate::annotate(corroborate_read::prepare(raw.clone(), k), k);
        let counted = report_terms(&annotated, &mut st.vz);
        let stems = st.vz.stems(&counted);
        let story = if has_article_text(&annotated) {
            st.vz.observe(&counted);
            let v = st.vz.weigh(&counted);
            let g = st.grouper.add_dated(st.items, &v, day(&raw));
            if g == st.stories.len() {
                st.stories.push(format!("S{}", st.next_story));
                st.next_story += 1;
            }
            Some(st.stories[g].clone())
        } else {
            None
        };
        st.items += 1;
        let record = match &story {
            Some(id) => Some(story_record(store, id, annotated, k)?),
            None => None,
        };
        store.add(&NewReport {
            raw: &raw,
            hash: &hash,
            story: story.as_deref(),
            terms: &stems,
            day: day(&raw),
            record: record
                .as_ref()
                .map(|(json, headline, n)| (json.as_str(), headline.as_str(), *n)),
        })?;
        summary.added += 1;
        if let Some(s) = story {
            if !summary.touched.contains(&s) {
                summary.touched.push(s);
            }
        }
        progress(done + 1, total);
    }
    Ok(summary)
}

/// The record of story `id` once `new` joins it: its stored reports and `new`, reconciled
/// and rendered as `analyze --format json` renders a story.
fn story_record(
    store: &Store,
    id: &str,
    new: AnnotatedReport,
    k: &Knowledge,
) -> Result<(String, String, usize), StoreError> {
    let mut members: Vec<AnnotatedReport> = store
        .raw_reports(id)?
        .into_iter()
        .map(|r| corroborate_annotate::annotate(corroborate_read::prepare(r, k), k))
        .collect();
    members.push(new);
    members.sort_by(|a, b| a.report.id.cmp(&b.report.id));
    let refs: Vec<&AnnotatedReport> = members.iter().collect();
    let story = corroborate_reconcile::reconcile(id.to_string(), &refs, k);
    let headline = story.headline.clone();
    let n = members.len();
    let analysis = Analysis {
        reports: members,
        stories: vec![story],
        without_article: Vec::new(),
        errors: Vec::new(),
    };
    let doc = corroborate_render::document(&analysis);
    Ok((doc["stories"][0].to_string(), headline, n))
}
