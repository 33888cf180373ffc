//! A Markdown report for people: per story the brief with its reports, the facts with
//! disputes marked, the sources and origins, the entities, and per report what was
//! removed as boilerplate.

use std::fmt::Write as _;

use serde_json::Value;

use crate::access::{incident_fields, line_suffix, list, s};

/// Escapes text for a Markdown table cell or line.
fn esc(t: &str) -> String {
    t.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn ids(v: &Value) -> String {
    list(v)
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn status_mark(f: &Value) -> &str {
    match s(&f["status"]) {
        "disputed" => "**disputed**",
        other => other,
    }
}

fn values_cell(f: &Value) -> String {
    f["values"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| format!("{} ({})", s(&v["value"]), list(&v["reports"]).join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The analysis document (from [`crate::json::document`]) as Markdown.
pub fn render(doc: &Value) -> String {
    let mut o = String::new();
    let stories = doc["stories"].as_array().cloned().unwrap_or_default();
    let reports = doc["reports"].as_array().cloned().unwrap_or_default();
    let _ = writeln!(o, "# corroborate analysis\n");
    let _ = writeln!(o, "{} reports, {} stories.\n", reports.len(), stories.len());
    for st in &stories {
        let _ = writeln!(o, "## {} · {}\n", s(&st["id"]), esc(s(&st["headline"])));
        let _ = writeln!(o, "**Reports:** {}\n", ids(&st["reports"]));
        let _ = writeln!(o, "### Brief\n");
        for (i, b) in st["brief"].as_array().into_iter().flatten().enumerate() {
            let _ = writeln!(
                o,
                "{}. {} [{}]",
                i + 1,
                esc(s(&b["text"])),
                ids(&b["reports"])
            );
        }
        let _ = writeln!(o, "\n### Facts\n");
        let _ = writeln!(
            o,
            "| subject | attribute | status | values (reports; sources) |\n|---|---|---|---|"
        );
        for f in st["facts"].as_array().into_iter().flatten() {
            let status = s(&f["status"]);
            let mark = if status == "disputed" {
                "**disputed**"
            } else {
                status
            };
            let values: Vec<String> = f["values"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|v| {
                    let written = list(&v["written"]).join("\" / \"");
                    let sources = list(&v["sources"]);
                    let src = if sources.is_empty() {
                        String::new()
                    } else {
                        format!("; credited: {}", sources.join(", "))
                    };
                    format!(
                        "{} (“{}”: {}{})",
                        s(&v["value"]),
                        written,
                        ids(&v["reports"]),
                        src
                    )
                })
                .collect();
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} |",
                esc(s(&f["subject_name"])),
                s(&f["attribute"]),
                mark,
                esc(&values.join("<br>"))
            );
        }
        for inc in st["incidents"].as_array().into_iter().flatten() {
            let _ = writeln!(o, "\n### Incident {}\n", s(&inc["id"]));
            let _ = writeln!(o, "| field | status | values (reports) |\n|---|---|---|");
            for (name, f) in incident_fields(inc) {
                if s(&f["status"]) != "absent" {
                    let _ = writeln!(
                        o,
                        "| {name} | {} | {} |",
                        status_mark(f),
                        esc(&values_cell(f))
                    );
                }
            }
            for p in inc["participants"].as_array().into_iter().flatten() {
                for attr in ["age", "gender", "role", "status"] {
                    let f = &p[attr];
                    if s(&f["status"]) != "absent" {
                        let _ = writeln!(
                            o,
                            "| {} · {attr} | {} | {} |",
                            esc(s(&p["name"])),
                            status_mark(f),
                            esc(&values_cell(f))
                        );
                    }
                }
            }
        }
        let _ = writeln!(o, "\n### Sources\n");
        let _ = writeln!(o, "Origins (sources nobody upstream is credited for):\n");
        for og in st["origins"].as_array().into_iter().flatten() {
            let unnamed = list(&og["cites_unnamed"]);
            let cites = if unnamed.is_empty() {
                String::new()
            } else {
                format!(", itself citing unnamed {}", unnamed.join(", "))
            };
            let kind = if og["named"].as_bool() == Some(true) {
                ""
            } else {
                " (unnamed)"
            };
            let _ = writeln!(
                o,
                "- **{}**{}{} — {}",
                esc(s(&og["source"])),
                kind,
                cites,
                ids(&og["reports"])
            );
        }
        let _ = writeln!(o, "\nCitations:\n");
        for c in st["citations"].as_array().into_iter().flatten() {
            let via = list(&c["via"]);
            let chain = if via.is_empty() {
                String::new()
            } else {
                format!(" via {}", via.join(" → "))
            };
            let _ = writeln!(
                o,
                "- `{}` → {}{}: “{}”",
                s(&c["report"]),
                esc(s(&c["source"])),
                esc(&chain),
                esc(s(&c["quote"]))
            );
        }
        let _ = writeln!(o, "\n### Entities\n");
        let _ = writeln!(
            o,
            "| id | kind | name | variants | reports |\n|---|---|---|---|---|"
        );
        for e in st["entities"].as_array().into_iter().flatten() {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                s(&e["id"]),
                s(&e["kind"]),
                esc(s(&e["name"])),
                esc(&list(&e["variants"]).join(", ")),
                ids(&e["reports"])
            );
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(o, "## Reports\n");
    for r in &reports {
        let outlet = r["outlet"].as_str().unwrap_or("outlet unknown");
        let published = r["published"].as_str().unwrap_or("date unknown");
        let _ = writeln!(
            o,
            "### `{}` · {}\n\n{} · {} · `{}`\n",
            s(&r["id"]),
            esc(s(&r["title"])),
            esc(outlet),
            published,
            esc(s(&r["path"]))
        );
        let removed = r["boilerplate"].as_array().cloned().unwrap_or_default();
        if !removed.is_empty() {
            let _ = writeln!(
                o,
                "<details><summary>{} boilerplate lines removed</summary>\n",
                removed.len()
            );
            for l in &removed {
                let _ = writeln!(o, "- [{}] {}", s(&l["reason"]), esc(s(&l["text"])));
            }
            let _ = writeln!(o, "\n</details>\n");
        }
    }
    let errors = doc["errors"].as_array().cloned().unwrap_or_default();
    if !errors.is_empty() {
        let _ = writeln!(o, "## Inputs that could not be read\n");
        for e in &errors {
            let line = line_suffix(e);
            let _ = writeln!(
                o,
                "- `{}{}`: {}",
                esc(s(&e["path"])),
                line,
                esc(s(&e["reason"]))
            );
        }
    }
    o
}
