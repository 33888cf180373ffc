//! Server-rendered HTML: every piece of report text goes through [`esc`], so markup in a
//! report (a `<script>`, an `onerror=` attribute, a `javascript:` link) shows as text.

use serde_json::Value;

/// Escapes text for HTML element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn list(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().map(s).collect())
        .unwrap_or_default()
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}\
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}\
tr.disputed{background:#fff1d6}tr.disputed td:nth-child(2){font-weight:bold;color:#a15c00}\
mark.person{background:#dbeafe}mark.organisation{background:#dcfce7}mark.place{background:#f3e8ff}mark.cue{background:#fde68a}\
.report{border-top:1px solid #ddd;margin-top:1.5rem}.muted{color:#666}nav a{margin-right:1rem}";

/// A whole page.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
         <title>{} · corroborate</title><style>{STYLE}</style></head><body><nav><a href=\"/\">Stories</a></nav>{body}</body></html>",
        esc(title)
    )
}

/// The stories list with a search form.
pub fn stories(rows: &[Value], query: Option<&str>) -> String {
    let mut b = String::from("<h1>Stories</h1><form action=\"/\" method=\"get\"><input type=\"search\" name=\"q\" value=\"");
    b.push_str(&esc(query.unwrap_or("")));
    b.push_str("\" placeholder=\"Search the reports\"> <button>Search</button></form>");
    if rows.is_empty() {
        b.push_str("<p class=\"muted\">No stories.</p>");
    }
    b.push_str("<table><thead><tr><th>story</th><th>headline</th><th>reports</th><th>origins</th><th>disputes</th></tr></thead><tbody>");
    for r in rows {
        b.push_str(&format!(
            "<tr><td>{id}</td><td><a href=\"/stories/{id}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(s(&r["headline"])),
            r["report_count"],
            r["origins"],
            r["disputes"],
            id = esc(s(&r["id"])),
        ));
    }
    b.push_str("</tbody></table>");
    page("Stories", &b)
}

fn field_cells(f: &Value) -> String {
    f["values"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| {
            let reports: Vec<String> = list(&v["reports"])
                .iter()
                .map(|r| format!("<a href=\"#report-{0}\">{0}</a>", esc(r)))
                .collect();
            let sources = list(&v["sources"]);
            let credited = if sources.is_empty() {
                String::new()
            } else {
                format!(
                    " <span class=\"muted\">credited: {}</span>",
                    esc(&sources.join(", "))
                )
            };
            format!(
                "<b>{}</b> ({}){credited}",
                esc(s(&v["value"])),
                reports.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

fn field_row(name: &str, f: &Value) -> String {
    let status = s(&f["status"]);
    if status == "absent" || status.is_empty() {
        return String::new();
    }
    let class = if status == "disputed" {
        " class=\"disputed\""
    } else {
        ""
    };
    format!(
        "<tr{class}><td>{}</td><td>{}</td><td>{}</td></tr>",
        esc(name),
        esc(status),
        field_cells(f)
    )
}

/// The source graph: reports, the sources they credit (through intermediaries), origins.
fn graph(story: &Value) -> String {
    let mut reports: Vec<String> = Vec::new();
    let mut sources: Vec<String> = Vec::new();
    let mut pairs: Vec<((usize, String), (usize, String))> = Vec::new();
    for c in story["citations"].as_array().into_iter().flatten() {
        let mut chain: Vec<String> = list(&c["via"]).iter().map(|x| x.to_string()).collect();
        chain.push(s(&c["source"]).to_string());
        pairs.push(((0, s(&c["report"]).to_string()), (1, chain[0].clone())));
        for w in chain.windows(2) {
            pairs.push(((1, w[0].clone()), (1, w[1].clone())));
        }
    }
    for ((ca, a), (cb, b)) in &pairs {
        for (col, name) in [(ca, a), (cb, b)] {
            let v = if *col == 0 {
                &mut reports
            } else {
                &mut sources
            };
            if !v.contains(name) {
                v.push(name.clone());
            }
        }
    }
    let origins: Vec<&str> = story["origins"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|o| s(&o["source"]))
        .collect();
    let y = |i: usize| 24 + i * 26;
    let height = 30 + 26 * reports.len().max(sources.len());
    let mut svg = format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"{height}\" role=\"img\" aria-label=\"source graph\" font-size=\"12\">");
    for ((ca, a), (cb, b)) in &pairs {
        let pos = |col: usize, name: &str| -> (usize, usize) {
            if col == 0 {
                (200, y(reports.iter().position(|r| r == name).unwrap_or(0)))
            } else {
                (420, y(sources.iter().position(|r| r == name).unwrap_or(0)))
            }
        };
        let (x1, y1) = pos(*ca, a);
        let (x2, y2) = pos(*cb, b);
        let x2 = if *ca == 1 { x2 + 10 } else { x2 - 6 };
        svg.push_str(&format!(
            "<line x1=\"{x1}\" y1=\"{}\" x2=\"{x2}\" y2=\"{}\" stroke=\"#999\"/>",
            y1 - 4,
            y2 - 4
        ));
    }
    for (i, r) in reports.iter().enumerate() {
        svg.push_str(&format!("<text x=\"10\" y=\"{}\">{}</text>", y(i), esc(r)));
    }
    for (i, src) in sources.iter().enumerate() {
        let origin = origins.contains(&src.as_str());
        let weight = if origin {
            " font-weight=\"bold\" fill=\"#1d4ed8\""
        } else {
            ""
        };
        svg.push_str(&format!(
            "<text x=\"426\" y=\"{}\"{weight}>{}{}</text>",
            y(i),
            esc(src),
            if origin { " (origin)" } else { "" }
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// One report's cleaned text with its mentions and credits highlighted (character offsets).
pub fn highlighted(text: &str, spans: &[(usize, usize, &str)]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<&(usize, usize, &str)> = spans
        .iter()
        .filter(|(a, b, _)| a < b && *b <= chars.len())
        .collect();
    spans.sort();
    let mut out = String::new();
    let mut at = 0;
    for (a, b, class) in spans {
        if *a < at {
            continue;
        }
        out.push_str(&esc(&chars[at..*a].iter().collect::<String>()));
        out.push_str(&format!(
            "<mark class=\"{}\">{}</mark>",
            esc(class),
            esc(&chars[*a..*b].iter().collect::<String>())
        ));
        at = *b;
    }
    out.push_str(&esc(&chars[at..].iter().collect::<String>()));
    out.replace("\n\n", "</p><p>")
}

/// A report of the story page: (id, outlet, published, text, removed lines).
pub struct ReportView {
    pub id: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub text: String,
    pub removed: Vec<(String, String)>,
}

/// The story page.
pub fn story(story: &Value, reports: &[ReportView]) -> String {
    let mut b = format!("<h1>{}</h1>", esc(s(&story["headline"])));
    b.push_str("<h2>Brief</h2><ol>");
    for sent in story["brief"].as_array().into_iter().flatten() {
        let links: Vec<String> = list(&sent["reports"])
            .iter()
            .map(|r| format!("<a href=\"#report-{0}\">{0}</a>", esc(r)))
            .collect();
        b.push_str(&format!(
            "<li>{} <span class=\"muted\">[{}]</span></li>",
            esc(s(&sent["text"])),
            links.join(", ")
        ));
    }
    b.push_str("</ol>");
    for inc in story["incidents"].as_array().into_iter().flatten() {
        b.push_str(&format!("<h2>Incident {}</h2><table><thead><tr><th>field</th><th>status</th><th>values (reports)</th></tr></thead><tbody>", esc(s(&inc["id"]))));
        for (name, f) in corroborate_render::incident_fields(inc) {
            b.push_str(&field_row(name, f));
        }
        for p in inc["participants"].as_array().into_iter().flatten() {
            for attr in ["age", "gender", "role", "status"] {
                b.push_str(&field_row(&format!("{} · {attr}", s(&p["name"])), &p[attr]));
            }
        }
        b.push_str("</tbody></table>");
    }
    b.push_str("<h2>Facts</h2><table><thead><tr><th>fact</th><th>status</th><th>values (reports)</th></tr></thead><tbody>");
    for f in story["facts"].as_array().into_iter().flatten() {
        b.push_str(&field_row(
            &format!("{} · {}", s(&f["subject_name"]), s(&f["attribute"])),
            f,
        ));
    }
    b.push_str("</tbody></table><h2>Sources</h2>");
    b.push_str(&graph(story));
    b.push_str("<h2>Reports</h2>");
    for r in reports {
        let mut spans: Vec<(usize, usize, &str)> = Vec::new();
        for e in story["entities"].as_array().into_iter().flatten() {
            let kind = s(&e["kind"]);
            for m in e["mentions"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|m| s(&m["report"]) == r.id)
            {
                spans.push((
                    m["start"].as_u64().unwrap_or(0) as usize,
                    m["end"].as_u64().unwrap_or(0) as usize,
                    kind,
                ));
            }
        }
        for c in story["citations"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|c| s(&c["report"]) == r.id)
        {
            let cue = &c["cue"];
            spans.push((
                cue["start"].as_u64().unwrap_or(0) as usize,
                cue["end"].as_u64().unwrap_or(0) as usize,
                "cue",
            ));
        }
        b.push_str(&format!(
            "<section class=\"report\" id=\"report-{id}\"><h3>{id}</h3><p class=\"muted\">{} · {}</p><p>{}</p>",
            esc(r.outlet.as_deref().unwrap_or("outlet unknown")),
            esc(r.published.as_deref().unwrap_or("date unknown")),
            highlighted(&r.text, &spans),
            id = esc(&r.id),
        ));
        if !r.removed.is_empty() {
            b.push_str(&format!(
                "<details><summary>{} boilerplate lines removed</summary><ul>",
                r.removed.len()
            ));
            for (text, reason) in &r.removed {
                b.push_str(&format!(
                    "<li><span class=\"muted\">[{}]</span> {}</li>",
                    esc(reason),
                    esc(text)
                ));
            }
            b.push_str("</ul></details>");
        }
        b.push_str("</section>");
    }
    page(s(&story["headline"]), &b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_highlighting() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        let h = highlighted("Ana <b> met Bo.", &[(0, 3, "person"), (12, 14, "person")]);
        assert_eq!(
            h,
            "<mark class=\"person\">Ana</mark> &lt;b&gt; met <mark class=\"person\">Bo</mark>."
        );
    }
}
