//! A readable terminal summary: per story its headline, brief, disputed and agreed facts,
//! and origins; then the inputs that could not be read.

use std::fmt::Write as _;

use serde_json::Value;

use crate::access::{line_suffix, list, s};

/// The analysis document (from [`crate::json::document`]) as plain text.
pub fn render(doc: &Value) -> String {
    let mut o = String::new();
    let stories = doc["stories"].as_array().cloned().unwrap_or_default();
    let nreports = doc["reports"].as_array().map_or(0, |a| a.len());
    let _ = writeln!(o, "{nreports} reports, {} stories\n", stories.len());
    for st in &stories {
        let _ = writeln!(o, "{}  {}", s(&st["id"]), s(&st["headline"]));
        let _ = writeln!(o, "    reports: {}", list(&st["reports"]).join(", "));
        let _ = writeln!(o, "  Brief");
        for b in st["brief"].as_array().into_iter().flatten() {
            let _ = writeln!(
                o,
                "    - {} [{}]",
                s(&b["text"]),
                list(&b["reports"]).join(", ")
            );
        }
        let facts = st["facts"].as_array().cloned().unwrap_or_default();
        for (title, wanted) in [("Disputed", "disputed"), ("Agreed", "agreed")] {
            let chosen: Vec<&Value> = facts.iter().filter(|f| s(&f["status"]) == wanted).collect();
            if chosen.is_empty() {
                continue;
            }
            let _ = writeln!(o, "  {title}");
            for f in chosen {
                let values: Vec<String> = f["values"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|v| format!("{} [{}]", s(&v["value"]), list(&v["reports"]).join(", ")))
                    .collect();
                let _ = writeln!(
                    o,
                    "    {} · {}: {}",
                    s(&f["subject_name"]),
                    s(&f["attribute"]),
                    values.join(" | ")
                );
            }
        }
        let _ = writeln!(o, "  Origins");
        for og in st["origins"].as_array().into_iter().flatten() {
            let unnamed = if og["named"].as_bool() == Some(true) {
                ""
            } else {
                " (unnamed)"
            };
            let _ = writeln!(
                o,
                "    {}{}: {}",
                s(&og["source"]),
                unnamed,
                list(&og["reports"]).join(", ")
            );
        }
        let _ = writeln!(o);
    }
    let errors = doc["errors"].as_array().cloned().unwrap_or_default();
    if !errors.is_empty() {
        let _ = writeln!(o, "{} input(s) could not be read:", errors.len());
        for e in &errors {
            let line = line_suffix(e);
            let _ = writeln!(o, "  {}{}: {}", s(&e["path"]), line, s(&e["reason"]));
        }
    }
    o
}
