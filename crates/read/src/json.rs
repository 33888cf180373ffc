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

/// One report per non-empty line; a bad line is reported with its number and skipped.
pub fn parse_lines(
    path: &str,
    stem: &str,
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
            .and_then(|o| to_report(o, path, &format!("{stem}-{n}"), Some(n)));
        match parsed {
            Ok(r) => reports.push(r),
            Err(reason) => errors.push(InputError::at_line(path, n, reason)),
        }
    }
}

/// A JSON document: one report object or an array of them.
pub fn parse_document(
    path: &str,
    stem: &str,
    text: &str,
    reports: &mut Vec<RawReport>,
    errors: &mut Vec<InputError>,
) {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            errors.push(InputError::at_line(
                path,
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
            format!("{stem}-{}", i + 1)
        } else {
            stem.to_string()
        };
        let parsed = serde_json::from_value::<ReportObject>(item)
            .map_err(|e| format!("report {}: {e}", i + 1))
            .and_then(|o| to_report(o, path, &default_id, None));
        match parsed {
            Ok(r) => reports.push(r),
            Err(reason) => errors.push(InputError::new(path, reason)),
        }
    }
}

fn to_report(
    o: ReportObject,
    path: &str,
    default_id: &str,
    line: Option<usize>,
) -> Result<RawReport, String> {
    let body = o
        .text
        .or(o.content)
        .filter(|t| !t.trim().is_empty())
        .ok_or("no `text` or `content` field (or it is empty)")?;
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
    let (title, body) = match o.title.filter(|t| !t.trim().is_empty()) {
        Some(t) => (t.trim().to_string(), body),
        None => split_headline(&body),
    };
    Ok(RawReport {
        id,
        path: match line {
            Some(n) => format!("{path}:{n}"),
            None => path.to_string(),
        },
        title,
        outlet: o.outlet.filter(|s| !s.trim().is_empty()),
        published,
        url: o.url.filter(|s| !s.trim().is_empty()),
        body: body.trim().to_string(),
    })
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

    #[test]
    fn reads_lines_and_reports_bad_ones_by_number() {
        let mut reports = Vec::new();
        let mut errors = Vec::new();
        let text = "{\"id\":\"a\",\"title\":\"T\",\"text\":\"Body.\",\"published\":\"2024-01-02T10:00:00Z\"}\n{not json}\n\n{\"content\":\"Head\\nMore.\"}\n{\"title\":\"no text\"}\n";
        parse_lines("c.jsonl", "c", text, &mut reports, &mut errors);
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
            "d.json",
            "d",
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
