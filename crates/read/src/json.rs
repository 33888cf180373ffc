//! JSON and JSON Lines reports: objects with `text` (or `content`) and optional
//! `title`, `url`, `outlet`, `published` (ISO date or date-time) and `id`.

use chrono::NaiveDate;
use corroborate_model::{InputError, RawReport};
use serde::Deserialize;

#[derive(Deserialize)]
struct ReportObject {
    id: Option<serde_json::Value>,
    title: Option<String>,
    text: Option<String>,
    content: Option<String>,
    html: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
}

/// An ISO date, or the date part of an ISO date-time.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// Where a JSON input comes from, and how embedded HTML is read.
pub struct Ctx<'a> {
    pub path: &'a str,
    pub stem: &'a str,
    pub extractor: crate::html::Extractor,
}

/// One report per non-empty line; a bad line is reported with its number and skipped.
pub fn parse_lines(
    ctx: &Ctx,
    text: &str,
    reports: &mut Vec<RawReport>,
    errors: &mut Vec<InputError>,
) {
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let n = i + 1;
        let parsed = serde_json::from_str::<ReportObject>(line)
            .map_err(|e| format!("malformed JSON: {e}"))
            .and_then(|o| to_report(o, ctx, &format!("{}-{n}", ctx.stem), Some(n)));
        match parsed {
            Ok(r) => reports.push(r),
            Err(reason) => errors.push(InputError::at_line(ctx.path, n, reason)),
        }
    }
}

/// A JSON document: one report object or an array of them.
pub fn parse_document(
    ctx: &Ctx,
    text: &str,
    reports: &mut Vec<RawReport>,
    errors: &mut Vec<InputError>,
) {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            errors.push(InputError::at_line(
                ctx.path,
                e.line(),
                format!("malformed JSON: {e}"),
            ));
            return;
        }
    };
    let items = match value {
        serde_json::Value::Array(items) => items,
        other => vec![other],
    };
    let many = items.len() > 1;
    for (i, item) in items.into_iter().enumerate() {
        let default_id = if many {
            format!("{}-{}", ctx.stem, i + 1)
        } else {
            ctx.stem.to_string()
        };
        let parsed = serde_json::from_value::<ReportObject>(item)
            .map_err(|e| format!("report {}: {e}", i + 1))
            .and_then(|o| to_report(o, ctx, &default_id, None));
        match parsed {
            Ok(r) => reports.push(r),
            Err(reason) => errors.push(InputError::new(ctx.path, reason)),
        }
    }
}

fn to_report(
    o: ReportObject,
    ctx: &Ctx,
    default_id: &str,
    line: Option<usize>,
) -> Result<RawReport, String> {
    let path = match line {
        Some(n) => format!("{}:{n}", ctx.path),
        None => ctx.path.to_string(),
    };
    let published = match o.published.as_deref().filter(|p| !p.trim().is_empty()) {
        Some(p) => {
            Some(parse_date(p).ok_or_else(|| format!("published {p:?} is not an ISO date"))?)
        }
        None => None,
    };
    let id = match o.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => default_id.to_string(),
    };
    let text = o.text.or(o.content).filter(|t| !t.trim().is_empty());
    let given_title = o
        .title
        .filter(|t| !t.trim().is_empty())
        .map(|t| t.trim().to_string());
    let mut report = match (text, o.html.filter(|h| !h.trim().is_empty())) {
        (Some(body), _) => {
            let (title, body) = match given_title.clone() {
                Some(t) => (t, body),
                None => split_headline(&body),
            };
            RawReport {
                id: id.clone(),
                path: path.clone(),
                title,
                outlet: None,
                published: None,
                url: None,
                body: body.trim().to_string(),
                meta: Default::default(),
            }
        }
        // A page instead of text: read it as an HTML report; the object's fields win.
        (None, Some(html)) => {
            crate::html::parse(&path, &id, html.as_bytes(), ctx.extractor).map_err(|e| e.reason)?
        }
        (None, None) => return Err("no `text`, `content` or `html` field (or it is empty)".into()),
    };
    report.id = id;
    report.path = path;
    if let Some(t) = given_title {
        report.title = t;
    }
    if let Some(o) = o.outlet.filter(|s| !s.trim().is_empty()) {
        report.outlet = Some(o);
        report.meta.sources.retain(|(f, _)| f != "outlet");
    }
    if published.is_some() {
        report.published = published;
        report.meta.sources.retain(|(f, _)| f != "published");
    }
    if let Some(u) = o.url.filter(|s| !s.trim().is_empty()) {
        report.url = Some(u);
    }
    Ok(report)
}

/// Without a title, the first non-empty line of the text is the headline.
fn split_headline(body: &str) -> (String, String) {
    let body = body.trim_start();
    match body.split_once('\n') {
        Some((first, rest)) => (first.trim().to_string(), rest.to_string()),
        None => (body.trim().to_string(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx<'a>(path: &'a str, stem: &'a str) -> Ctx<'a> {
        Ctx {
            path,
            stem,
            extractor: Default::default(),
        }
    }

    #[test]
    fn reads_lines_and_reports_bad_ones_by_number() {
        let mut reports = Vec::new();
        let mut errors = Vec::new();
        let text = "{\"id\":\"a\",\"title\":\"T\",\"text\":\"Body.\",\"published\":\"2024-01-02T10:00:00Z\"}\n{not json}\n\n{\"content\":\"Head\\nMore.\"}\n{\"title\":\"no text\"}\n";
        parse_lines(&ctx("c.jsonl", "c"), text, &mut reports, &mut errors);
        assert_eq!(reports.len(), 2);
        assert_eq!(reports[0].id, "a");
        assert_eq!(reports[0].published.unwrap().to_string(), "2024-01-02");
        assert_eq!(reports[1].id, "c-4");
        assert_eq!(reports[1].title, "Head");
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].line, Some(2));
        assert!(errors[0].reason.contains("malformed JSON"));
        assert_eq!(errors[1].line, Some(5));
    }

    #[test]
    fn reads_a_json_array() {
        let mut reports = Vec::new();
        let mut errors = Vec::new();
        parse_document(
            &ctx("d.json", "d"),
            "[{\"text\":\"A\\nb\"},{\"text\":\"C\\nd\",\"id\":7}]",
            &mut reports,
            &mut errors,
        );
        assert!(errors.is_empty());
        assert_eq!(
            reports.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["d-1", "7"]
        );
    }
}
