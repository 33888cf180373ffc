//! A flat CSV export: one row per incident, with GVA-like columns, plus columns for
//! disputes and source counts. A field's cell holds its most-reported value; a disputed
//! field holds every value, separated by " | ", and is named in `disputed_fields`.

use serde_json::Value;

use crate::access::{incident_fields, list, s};

/// Column names, in order.
pub const COLUMNS: [&str; 20] = [
    "story_id",
    "incident_id",
    "headline",
    "report_count",
    "reports",
    "type",
    "date",
    "address",
    "city",
    "region",
    "country",
    "killed",
    "injured",
    "arrested",
    "weapon",
    "charge",
    "participants",
    "disputed_fields",
    "named_origins",
    "origins",
];

/// One cell for a field.
fn cell(f: &Value) -> String {
    let values: Vec<&str> = f["values"]
        .as_array()
        .map(|v| v.iter().map(|x| s(&x["value"])).collect())
        .unwrap_or_default();
    match s(&f["status"]) {
        "disputed" => values.join(" | "),
        _ => values.first().map(|v| v.to_string()).unwrap_or_default(),
    }
}

fn disputed(name: &str, f: &Value, out: &mut Vec<String>) {
    if s(&f["status"]) == "disputed" {
        out.push(name.to_string());
    }
}

/// The analysis document (from [`crate::json::document`]) as CSV.
pub fn render(doc: &Value) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    for st in doc["stories"].as_array().into_iter().flatten() {
        let origins: Vec<&Value> = st["origins"]
            .as_array()
            .map(|o| o.iter().filter(|x| x["named"] == true).collect())
            .unwrap_or_default();
        let origin_names: Vec<&str> = origins.iter().map(|o| s(&o["source"])).collect();
        for inc in st["incidents"].as_array().into_iter().flatten() {
            let loc = &inc["location"];
            let mut disputes = Vec::new();
            for (name, f) in incident_fields(inc) {
                disputed(name, f, &mut disputes);
            }
            let mut people = Vec::new();
            for p in inc["participants"].as_array().into_iter().flatten() {
                let name = s(&p["name"]);
                for attr in ["age", "gender", "role", "status"] {
                    disputed(&format!("{name} {attr}"), &p[attr], &mut disputes);
                }
                let details: Vec<String> = ["age", "gender", "role", "status"]
                    .iter()
                    .map(|a| cell(&p[*a]))
                    .filter(|c| !c.is_empty())
                    .collect();
                people.push(format!("{name} ({})", details.join(", ")));
            }
            let reports = list(&inc["reports"]);
            w.write_record([
                s(&st["id"]).to_string(),
                s(&inc["id"]).to_string(),
                s(&st["headline"]).to_string(),
                reports.len().to_string(),
                reports.join(" "),
                cell(&inc["type"]),
                cell(&inc["date"]),
                cell(&loc["address"]),
                cell(&loc["city"]),
                cell(&loc["region"]),
                cell(&loc["country"]),
                cell(&inc["killed"]),
                cell(&inc["injured"]),
                cell(&inc["arrested"]),
                cell(&inc["weapon"]),
                cell(&inc["charge"]),
                people.join("; "),
                disputes.join("; "),
                origin_names.len().to_string(),
                origin_names.join("; "),
            ])?;
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
